"""A session's own copy of its template, read back from the ``sessions`` and ``criteria`` rows
(a module of its own: the services and the audit replay both read it, and the replay may not
import the services)."""
from __future__ import annotations

import json
from decimal import Decimal

import sqlite_utils

from .errors import UserError
from .template import Component, Criterion, Grade, Template, Timing


def load_template(db: sqlite_utils.Database, session_id: int) -> Template:
    """The session's template, with each criterion's row id set."""
    row = db.execute("SELECT template_name, aggregation, components_json, grades_json, timing_json "
                     "FROM sessions WHERE id = ?", [session_id]).fetchone()
    if row is None:
        raise UserError(f"没有编号为 {session_id} 的评议会。")
    name, aggregation, components, grades, timing = row
    nodes: dict[int, Criterion] = {}
    roots: list[Criterion] = []
    pending: list[tuple[int | None, Criterion]] = []
    for cid, parent, cname, cmax, desc in db.execute(
            "SELECT id, parent_id, name, max, description FROM criteria WHERE session_id = ? "
            "ORDER BY parent_id IS NOT NULL, position, id", [session_id]):
        node = Criterion(cname, Decimal(cmax) if cmax is not None else None, desc, [], cid)
        nodes[cid] = node
        pending.append((parent, node))
    for parent, node in pending:
        (nodes[parent].children if parent is not None else roots).append(node)
    t = json.loads(timing)
    return Template(
        name=name, criteria=roots, aggregation=aggregation,
        components=[Component(c["name"], Decimal(str(c["weight"])), c["source"]) for c in json.loads(components)],
        grades=[Grade(g["name"], Decimal(str(g["min"]))) for g in json.loads(grades)],
        timing=Timing(*(Decimal(str(t[k])) for k in ("report_minutes", "qa_minutes", "warn_minutes"))),
    )
