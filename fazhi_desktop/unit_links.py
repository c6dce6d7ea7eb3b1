"""Renamed units (机构改革更名): old → new name links, so a unit's history and open
rectification items follow it across renames (e.g. 市人社局 → 市人力社保局)."""
from __future__ import annotations

import sqlite_utils

from .changes import NOTHING, Change
from .db import now_iso, transaction

LINKS = Change.of("links", None)  # the record of a link written or removed: no session's data changed
from .errors import UserError
from .labels import stored_action


def list_links(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT old_name, new_name, note, created_at FROM unit_links ORDER BY new_name, old_name"))


def unit_aliases(db: sqlite_utils.Database, name: str) -> list[str]:
    """Every name linked to ``name`` (its former and later names), ``name`` first."""
    name = (name or "").strip()
    links = db.execute("SELECT old_name, new_name FROM unit_links").fetchall()
    graph: dict[str, set[str]] = {}
    for old, new in links:
        graph.setdefault(old, set()).add(new)
        graph.setdefault(new, set()).add(old)
    seen, todo = [name], [name]
    while todo:
        for other in sorted(graph.get(todo.pop(), ())):
            if other not in seen:
                seen.append(other)
                todo.append(other)
    return seen


def current_name(db: sqlite_utils.Database, name: str) -> str:
    """The newest name of a unit, following old → new links."""
    seen = {name}
    while True:
        row = db.execute("SELECT new_name FROM unit_links WHERE old_name = ?", [name]).fetchone()
        if row is None or row[0] in seen:
            return name
        name = row[0]
        seen.add(name)


def link_units(db: sqlite_utils.Database, *, old_name: str, new_name: str, note: str = "") -> Change:
    """Record that ``old_name`` is the former name of ``new_name`` (e.g. 市人社局 → 市人力社保局).
    Returns the record (kind ``links``: the units' histories and the ledger follow the names)."""
    old, new = (old_name or "").strip(), (new_name or "").strip()
    if not old or not new:
        raise UserError("关联单位时，原名称和现名称都不能为空。")
    if old == new:
        raise UserError(f"原名称和现名称相同（{old}），无需关联。")
    if current_name(db, new) == old:
        raise UserError(f"“{new}”已是“{old}”的曾用名，不能反向关联。")
    row = db.execute("SELECT new_name FROM unit_links WHERE old_name = ?", [old]).fetchone()
    if row is not None and row[0] != new:
        raise UserError(f"“{old}”已关联到“{row[0]}”；请先解除该关联。")
    with transaction(db):
        db.execute("INSERT OR REPLACE INTO unit_links (old_name, new_name, note, created_at) VALUES (?, ?, ?, ?)",
                   [old, new, note.strip(), now_iso()])
        record_link(db, old, action="link.add")
    return LINKS


def record_link(db: sqlite_utils.Database, old_name: str, *, action: str) -> None:
    """A unit-name link as it now is (or its removal), in the ledger's chain; ``action`` a code
    (``link.add``, ``link.remove``, ``link.import``)."""
    from .chain import chained

    if not chained(db):
        return
    from .chain import LEDGER_CHAIN, append

    row = db.execute("SELECT new_name, note FROM unit_links WHERE old_name = ?", [old_name]).fetchone()
    append(db, session_id=0, chain=LEDGER_CHAIN, action=stored_action(db, action), unit=old_name, after=row[0] if row else None,
           entity="link", ref=[old_name], state={"new": row[0], "note": row[1]} if row else None)


def unlink_unit(db: sqlite_utils.Database, *, old_name: str) -> Change:
    """Remove the link of ``old_name``; returns the record (nothing when there was none)."""
    with transaction(db):
        if db.execute("DELETE FROM unit_links WHERE old_name = ?", [old_name]).rowcount:
            record_link(db, old_name, action="link.remove")
            return LINKS
    return NOTHING
