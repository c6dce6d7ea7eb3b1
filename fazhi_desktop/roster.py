"""Service functions for who takes part: presenting units, experts, recusals, presentation order."""
from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from typing import Any, Sequence

import sqlite_utils

from .changes import NOTHING, Change, carrying
from .db import now_iso, transaction
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .labels import with_detail
from .replay import expert_state, unit_state
from .sessions import Session, checklist_schema, ensure_editable, get_session, load_template, record, record_order
from .template import Template

UNIT_STATUSES = {"waiting": QT_TRANSLATE_NOOP("Roster", "等待"), "report": QT_TRANSLATE_NOOP("Roster", "汇报中"),
                 "questions": QT_TRANSLATE_NOOP("Roster", "问答中"), "scoring": QT_TRANSLATE_NOOP("Roster", "评分中"),
                 "done": QT_TRANSLATE_NOOP("Roster", "已完成"), "absent": QT_TRANSLATE_NOOP("Roster", "缺席")}
EXPERT_CATEGORIES = ["人大代表", "政协委员", "法律顾问", "专家学者", "部门负责人", "其他"]


@dataclass
class Unit:
    id: int
    name: str
    presenter: str
    presenter_title: str
    report_title: str
    position: int
    status: str
    change: Change = field(default=NOTHING, compare=False, repr=False)  # set by the write that returned it


@dataclass
class Expert:
    id: int
    name: str
    category: str
    affiliation: str
    position: int
    change: Change = field(default=NOTHING, compare=False, repr=False)  # set by the write that returned it


MAX_UNITS = 100    # units in one session (a meeting has 10–20)
MAX_EXPERTS = 50   # experts on one panel (a panel has 5–15)
UNIT_FIELDS = ("name", "presenter", "presenter_title", "report_title")
EXPERT_FIELDS = ("name", "category", "affiliation")


def list_units(db: sqlite_utils.Database, session_id: int) -> list[Unit]:
    rows = db.execute("SELECT id, name, presenter, presenter_title, report_title, position, status "
                      "FROM units WHERE session_id = ? ORDER BY position, id", [session_id]).fetchall()
    return [Unit(*r) for r in rows]


def list_experts(db: sqlite_utils.Database, session_id: int) -> list[Expert]:
    rows = db.execute("SELECT id, name, category, affiliation, position FROM experts "
                      "WHERE session_id = ? ORDER BY position, id", [session_id]).fetchall()
    return [Expert(*r) for r in rows]


def _clean(fields: dict[str, Any], allowed: Sequence[str]) -> dict[str, str]:
    from .textcheck import name_problem

    unknown = set(fields) - set(allowed)
    if unknown:
        raise UserError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    clean = {k: ("" if v is None else str(v).strip()) for k, v in fields.items()}
    for k, v in clean.items():
        why = name_problem(v, label=FIELD_LABELS.get(k, k), max_len=200, required=False, multiline=k != "name")
        if why:
            raise UserError(why + "。")
    return clean


FIELD_LABELS = {"name": "名称", "presenter": "汇报人", "presenter_title": "职务", "report_title": "汇报题目",
                "category": "类别", "affiliation": "工作单位"}


def _count(db: sqlite_utils.Database, table: str, session_id: int) -> int:
    return db.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", [session_id]).fetchone()[0]


def _next_position(db: sqlite_utils.Database, table: str, session_id: int) -> int:
    return db.execute(f"SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE session_id = ?",
                      [session_id]).fetchone()[0]


def _name_taken(db: sqlite_utils.Database, table: str, session_id: int, name: str, but: int | None = None) -> bool:
    row = db.execute(f"SELECT id FROM {table} WHERE session_id = ? AND name = ?", [session_id, name]).fetchone()
    return row is not None and row[0] != but


def add_unit(db: sqlite_utils.Database, *, session_id: int, name: str, presenter: str = "",
             presenter_title: str = "", report_title: str = "") -> Unit:
    ensure_editable(db, session_id, "roster")
    f = _clean({"name": name, "presenter": presenter, "presenter_title": presenter_title,
                "report_title": report_title}, UNIT_FIELDS)
    if not f["name"]:
        raise UserError("单位名称不能为空。")
    with transaction(db):
        if _name_taken(db, "units", session_id, f["name"]):
            raise UserError(f"参评单位“{f['name']}”已在名单中。")
        if _count(db, "units", session_id) >= MAX_UNITS:
            raise UserError(f"一场评议会最多 {MAX_UNITS} 个参评单位。")
        pos = _next_position(db, "units", session_id)
        uid = db.execute("INSERT INTO units (session_id, name, presenter, presenter_title, report_title, position) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         [session_id, f["name"], f["presenter"], f["presenter_title"], f["report_title"], pos]).lastrowid
        record(db, session_id, action="unit.add", entity="unit", ref=[f["name"]], state=unit_state(db, uid),
               unit=f["name"])
        record_order(db, session_id)
    return Unit(uid, f["name"], f["presenter"], f["presenter_title"], f["report_title"], pos, "waiting",
                change=Change.of("units", session_id, [uid]))


def update_unit(db: sqlite_utils.Database, *, unit_id: int, **fields: Any) -> dict[str, str]:
    """Change a unit's fields (UNIT_FIELDS); returns the fields given, carrying the record of the unit
    (nothing when no field changed)."""
    session_id = _owner(db, "units", unit_id, "参评单位")
    ensure_editable(db, session_id, "roster")
    f = _clean(fields, UNIT_FIELDS)
    if "name" in f:
        if not f["name"]:
            raise UserError("单位名称不能为空。")
        if _name_taken(db, "units", session_id, f["name"], but=unit_id):
            raise UserError(f"参评单位“{f['name']}”已在名单中。")
    if f:
        old = unit_state(db, unit_id)
        with transaction(db):
            db.execute(f"UPDATE units SET {', '.join(k + ' = ?' for k in f)} WHERE id = ?", [*f.values(), unit_id])
            new = unit_state(db, unit_id)
            if new != old:
                record(db, session_id, action="unit.update", entity="unit", ref=[old["name"]], state=new,
                       unit=old["name"], before=old["name"], after=new["name"])
        return carrying(f, Change.of("units", session_id, [unit_id]) if new != old else NOTHING)
    return carrying(f, NOTHING)


def remove_unit(db: sqlite_utils.Database, *, unit_id: int) -> Change:
    session_id = _owner(db, "units", unit_id, "参评单位")
    ensure_editable(db, session_id, "roster")
    name = db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()[0]
    if _has_records(db, "unit_id", unit_id):
        raise UserError(f"参评单位“{name}”已有评分、评定或提问记录，不能删除；如未到会，请标记为缺席。")
    with transaction(db):
        _record_cascade(db, session_id, "unit_id", unit_id)
        db.execute("DELETE FROM units WHERE id = ?", [unit_id])
        _renumber(db, "units", session_id)
        record(db, session_id, action="unit.delete", entity="unit", ref=[name], state=None, unit=name)
        record_order(db, session_id)
    return Change.of("units", session_id)  # every unit: the ones after it moved up (its recusals went with it)


def add_expert(db: sqlite_utils.Database, *, session_id: int, name: str, category: str = "",
               affiliation: str = "") -> Expert:
    ensure_editable(db, session_id, "roster")
    f = _clean({"name": name, "category": category, "affiliation": affiliation}, EXPERT_FIELDS)
    if not f["name"]:
        raise UserError("专家姓名不能为空。")
    with transaction(db):
        if _name_taken(db, "experts", session_id, f["name"]):
            raise UserError(f"专家“{f['name']}”已在评议组中。")
        if _count(db, "experts", session_id) >= MAX_EXPERTS:
            raise UserError(f"一场评议会最多 {MAX_EXPERTS} 位评议专家。")
        pos = _next_position(db, "experts", session_id)
        eid = db.execute("INSERT INTO experts (session_id, name, category, affiliation, position) VALUES (?, ?, ?, ?, ?)",
                         [session_id, f["name"], f["category"], f["affiliation"], pos]).lastrowid
        record(db, session_id, action="expert.add", entity="expert", ref=[f["name"]], state=expert_state(db, eid),
               expert=f["name"])
        record_order(db, session_id)
    return Expert(eid, f["name"], f["category"], f["affiliation"], pos, change=Change.of("experts", session_id))


def update_expert(db: sqlite_utils.Database, *, expert_id: int, **fields: Any) -> dict[str, str]:
    """Change an expert's fields (EXPERT_FIELDS); returns the fields given, carrying the record of the
    panel (nothing when no field changed)."""
    session_id = _owner(db, "experts", expert_id, "专家")
    ensure_editable(db, session_id, "roster")
    f = _clean(fields, EXPERT_FIELDS)
    if "name" in f:
        if not f["name"]:
            raise UserError("专家姓名不能为空。")
        if _name_taken(db, "experts", session_id, f["name"], but=expert_id):
            raise UserError(f"专家“{f['name']}”已在评议组中。")
    if f:
        old = expert_state(db, expert_id)
        with transaction(db):
            db.execute(f"UPDATE experts SET {', '.join(k + ' = ?' for k in f)} WHERE id = ?", [*f.values(), expert_id])
            new = expert_state(db, expert_id)
            if new != old:
                record(db, session_id, action="expert.update", entity="expert", ref=[old["name"]], state=new,
                       expert=old["name"], before=old["name"], after=new["name"])
        return carrying(f, Change.of("experts", session_id) if new != old else NOTHING)
    return carrying(f, NOTHING)


def remove_expert(db: sqlite_utils.Database, *, expert_id: int) -> Change:
    session_id = _owner(db, "experts", expert_id, "专家")
    ensure_editable(db, session_id, "roster")
    name = db.execute("SELECT name FROM experts WHERE id = ?", [expert_id]).fetchone()[0]
    if _has_records(db, "expert_id", expert_id):
        raise UserError(f"专家“{name}”已有评分或提问记录，不能删除。")
    with transaction(db):
        _record_cascade(db, session_id, "expert_id", expert_id)
        db.execute("DELETE FROM experts WHERE id = ?", [expert_id])
        _renumber(db, "experts", session_id)
        record(db, session_id, action="expert.delete", entity="expert", ref=[name], state=None, expert=name)
        record_order(db, session_id)
    return Change.of("experts", session_id)  # its recusals went with it


def _record_cascade(db: sqlite_utils.Database, session_id: int, column: str, row_id: int) -> None:
    """What the database deletes with a unit or an expert (recusals, external values) goes into the
    chain first."""
    for expert, unit in db.execute(f"SELECT e.name, u.name FROM recusals r JOIN experts e ON e.id = r.expert_id "
                                   f"JOIN units u ON u.id = r.unit_id WHERE r.{column} = ?", [row_id]).fetchall():
        record(db, session_id, action="recusal.remove", entity="recusal", ref=[expert, unit], state=None, expert=expert,
               unit=unit)
    if column == "unit_id":
        for unit, component in db.execute("SELECT u.name, x.component FROM external_values x JOIN units u "
                                          "ON u.id = x.unit_id WHERE x.unit_id = ?", [row_id]).fetchall():
            record(db, session_id, action="external.delete", entity="external", ref=[unit, component], state=None,
                   unit=unit, criterion=component)


def _owner(db: sqlite_utils.Database, table: str, row_id: int, label: str) -> int:
    row = db.execute(f"SELECT session_id FROM {table} WHERE id = ?", [row_id]).fetchone()
    if row is None:
        raise UserError(f"没有编号为 {row_id} 的{label}。")
    return row[0]


def _has_records(db: sqlite_utils.Database, column: str, row_id: int) -> bool:
    tables = ("scores", "questions", "ratings") if column == "unit_id" and checklist_schema(db) else ("scores", "questions")
    return any(db.execute(f"SELECT 1 FROM {t} WHERE {column} = ? LIMIT 1", [row_id]).fetchone() for t in tables)


def _renumber(db: sqlite_utils.Database, table: str, session_id: int) -> None:
    ids = [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE session_id = ? ORDER BY position, id", [session_id])]
    for pos, row_id in enumerate(ids, start=1):
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [pos, row_id])


def reorder(db: sqlite_utils.Database, *, session_id: int, table: str, ids: Sequence[int]) -> list[int]:
    """Set the order of units or experts to ``ids`` (all of them, each once); returns ``ids``,
    carrying the record (every unit, or the panel)."""
    if table not in ("units", "experts"):
        raise ValueError(table)
    ensure_editable(db, session_id, "roster")
    current = {r[0] for r in db.execute(f"SELECT id FROM {table} WHERE session_id = ?", [session_id])}
    if set(ids) != current or len(ids) != len(current):
        raise UserError("新的顺序必须包含全部且仅包含本场的每一项一次。")
    with transaction(db):
        for pos, row_id in enumerate(ids, start=1):
            db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [pos, row_id])
        if table == "units":
            db.execute("UPDATE sessions SET order_mode = 'entered', updated_at = ? WHERE id = ?", [now_iso(), session_id])
        record_order(db, session_id)
    return carrying(list(ids), Change.of(table, session_id))


def move_unit(db: sqlite_utils.Database, *, unit_id: int, to_position: int) -> list[int]:
    """Move one unit to a 1-based position; the others keep their relative order."""
    session_id = _owner(db, "units", unit_id, "参评单位")
    ids = [u.id for u in list_units(db, session_id)]
    ids.remove(unit_id)
    to = max(1, min(to_position, len(ids) + 1))
    ids.insert(to - 1, unit_id)
    return reorder(db, session_id=session_id, table="units", ids=ids)


# ---------------------------------------------------------------------------------------------
# Recusals (回避)


def set_recusal(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int, recused: bool) -> Change:
    """Mark (or clear) that ``expert_id`` recuses from ``unit_id``. Returns the record (kind
    ``experts``: the recusals, for that unit), nothing when it already stood so."""
    ensure_editable(db, session_id, "recusals")
    if _owner(db, "experts", expert_id, "专家") != session_id or _owner(db, "units", unit_id, "参评单位") != session_id:
        raise UserError("专家和单位必须属于同一场评议会。")
    expert = db.execute("SELECT name FROM experts WHERE id = ?", [expert_id]).fetchone()[0]
    unit = db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()[0]
    with transaction(db):
        if recused:
            changed = db.execute("INSERT OR IGNORE INTO recusals (session_id, expert_id, unit_id) VALUES (?, ?, ?)",
                                 [session_id, expert_id, unit_id]).rowcount
        else:
            changed = db.execute("DELETE FROM recusals WHERE expert_id = ? AND unit_id = ?",
                                 [expert_id, unit_id]).rowcount
        if changed:
            record(db, session_id, action="recusal.add" if recused else "recusal.remove", entity="recusal", ref=[expert, unit],
                   state=True if recused else None, expert=expert, unit=unit)
    return Change.of("experts", session_id, [unit_id]) if changed else NOTHING


def list_recusals(db: sqlite_utils.Database, session_id: int) -> set[tuple[int, int]]:
    return {(e, u) for e, u in db.execute("SELECT expert_id, unit_id FROM recusals WHERE session_id = ?", [session_id])}


# ---------------------------------------------------------------------------------------------
# Order draw (抽签)


def new_seed() -> str:
    """A six-digit seed, easy to read aloud and write in the minutes."""
    return f"{secrets.randbelow(900000) + 100000}"


def drawn_order(names: Sequence[str], seed: str) -> list[str]:
    """The order a seed gives: units sorted by name (Unicode code points), then shuffled by
    Python's Mersenne Twister seeded with the seed text. Anyone can redo it from the seed."""
    order = sorted(names)
    random.Random(str(seed)).shuffle(order)
    return order


def draw_order(db: sqlite_utils.Database, *, session_id: int, seed: str | None = None,
               witness: str = "") -> dict[str, Any]:
    """Draw the presentation order by lot; stores the seed, the time and the witness. Returns them
    with the order, carrying the record (every unit moved; the session's draw fields)."""
    ensure_editable(db, session_id, "draw")
    seed = (seed or "").strip() or new_seed()
    if len(seed) > 40:
        raise UserError("抽签种子过长（最多 40 个字符）。")
    units = list_units(db, session_id)
    if len(units) < 2:
        raise UserError("至少需要两个参评单位才能抽签。")
    by_name = {u.name: u.id for u in units}
    order = drawn_order(list(by_name), seed)
    at = now_iso()
    with transaction(db):
        for pos, name in enumerate(order, start=1):
            db.execute("UPDATE units SET position = ? WHERE id = ?", [pos, by_name[name]])
        db.execute("UPDATE sessions SET order_mode = 'drawn', draw_seed = ?, draw_at = ?, draw_witness = ?, "
                   "updated_at = ? WHERE id = ?", [seed, at, witness.strip(), at, session_id])
        record_order(db, session_id, action=with_detail("order.draw", seed))
    return carrying({"seed": seed, "at": at, "witness": witness.strip(), "order": order},
                    Change.of(("units", "session"), session_id))


@dataclass
class Lookup:
    """A session with its template, units and experts, and the id → name maps that exports,
    fingerprints and ``show --json`` use to speak in names rather than row ids."""
    session: Session
    template: Template
    units: list[Unit]
    experts: list[Expert]
    unit_names: dict[int, str]
    expert_names: dict[int, str]
    leaf_paths: dict[int, str]


def lookup(db: sqlite_utils.Database, session_id: int) -> Lookup:
    session = get_session(db, session_id)
    template = load_template(db, session_id)
    units = list_units(db, session_id)
    experts = list_experts(db, session_id)
    return Lookup(session, template, units, experts, {u.id: u.name for u in units},
                  {e.id: e.name for e in experts}, {leaf.id: path for path, leaf in template.leaves()})
