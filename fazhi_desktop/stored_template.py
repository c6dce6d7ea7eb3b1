"""A session's own copy of its template, read back from the ``sessions`` and ``criteria`` rows
(a module of its own: the services and the audit replay both read it, and the replay may not
import the services)."""
from __future__ import annotations

import json
from decimal import Decimal

import sqlite_utils

from .errors import UserError
from .template import Component, Criterion, Grade, Template, Timing


CHECKLIST_VERSION = 7  # the schema version that brought checklists (ratings, steps, checklist_json)
DEVICES_VERSION = 8  # the experts' tokens, double entry and score checks (migrations._v8_devices_and_checks)


def checklist_schema(db: sqlite_utils.Database) -> bool:
    """The database has the checklist tables and columns (migration 7). The services also run on
    an older schema before it is migrated (tests build old databases with them, as the demo does)."""
    return db.execute("PRAGMA user_version").fetchone()[0] >= CHECKLIST_VERSION


def devices_schema(db: sqlite_utils.Database) -> bool:
    """The database has the experts' tokens and the double-entry tables (migration 8); as above,
    old-schema databases built by tests run the services before they are migrated."""
    return db.execute("PRAGMA user_version").fetchone()[0] >= DEVICES_VERSION


def load_template(db: sqlite_utils.Database, session_id: int) -> Template:
    """The session's template, with each criterion's row id set."""
    new = checklist_schema(db)
    row = db.execute("SELECT template_name, aggregation, components_json, grades_json, timing_json, "
                     f"{'checklist_json' if new else 'NULL'} FROM sessions WHERE id = ?", [session_id]).fetchone()
    if row is None:
        raise UserError(f"没有编号为 {session_id} 的评议会。")
    name, aggregation, components, grades, timing, checklist = row
    nodes: dict[int, Criterion] = {}
    roots: list[Criterion] = []
    pending: list[tuple[int | None, Criterion]] = []
    for cid, parent, cname, cmax, desc, evidence in db.execute(
            f"SELECT id, parent_id, name, max, description, {'evidence_required' if new else chr(39) * 2} "
            "FROM criteria WHERE session_id = ? "
            "ORDER BY parent_id IS NOT NULL, position, id", [session_id]):
        node = Criterion(cname, Decimal(cmax) if cmax is not None else None, desc, [], cid, evidence)
        nodes[cid] = node
        pending.append((parent, node))
    for parent, node in pending:
        (nodes[parent].children if parent is not None else roots).append(node)
    t = json.loads(timing)
    template = Template(
        name=name, criteria=roots, aggregation=aggregation,
        components=[Component(c["name"], Decimal(str(c["weight"])), c["source"]) for c in json.loads(components)],
        grades=[Grade(g["name"], Decimal(str(g["min"]))) for g in json.loads(grades)],
        timing=Timing(*(Decimal(str(t[k])) for k in ("report_minutes", "qa_minutes", "warn_minutes"))),
    )
    if checklist is not None:
        settings = json.loads(checklist)
        template.kind = "checklist"
        template.threshold = Decimal(settings["threshold"])
        template.partial_weight = Decimal(settings["partial_weight"])
    return template
