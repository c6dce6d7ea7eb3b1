"""Imports of units and experts from CSV or XLSX (CONTRACT.md, "Tabular imports").

A file with any bad row is refused whole: every bad row is named by its spreadsheet row number,
and nothing from the file is stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from .changes import NOTHING, Change
from .db import transaction
from .errors import ImportRefused
from .sessions import ensure_editable
from .roster import MAX_EXPERTS, MAX_UNITS
from .tabular import Column, Row, read_table
from .textcheck import name_problem

UNIT_COLUMNS = [
    Column("name", "单位名称", "name", required=True),
    Column("presenter", "汇报人", "presenter"),
    Column("presenter_title", "职务", "presenter_title"),
    Column("report_title", "汇报题目", "report_title"),
    Column("order", "顺序", "order"),
]
EXPERT_COLUMNS = [
    Column("name", "姓名", "name", required=True),
    Column("category", "类别", "category"),
    Column("affiliation", "工作单位", "affiliation"),
]
MAX_TEXT = 200


@dataclass
class ImportResult:
    what: str
    added: list[str]
    notes: list[str] = field(default_factory=list)  # e.g. invisible characters trimmed, by row
    change: Change = field(default=NOTHING, compare=False, repr=False)  # what the import wrote (units, experts)

    def summary(self) -> str:
        text = f"已导入 {len(self.added)} 个{self.what}。"
        return text + "".join(f"\n注意：{n}" for n in self.notes)


def trimmed_notes(rows: list[Row], columns: list[Column]) -> list[str]:
    """'第 N 行：“单位名称”首尾的不可见字符已去掉' for each cell that had one (a Word line break, a
    zero-width space): the import says so rather than change a name silently."""
    labels = {c.key: c.zh for c in columns}
    return [f"第 {r.number} 行：“{labels[k]}”首尾的不可见字符（如换行、零宽空格）已去掉" for r in rows for k in r.trimmed]


def refuse(path: Path, problems: list[str]) -> ImportRefused:
    return ImportRefused(f"{path.name} 有 {len(problems)} 处错误，整个文件未导入（没有保存任何内容）：", problems)


def _check_texts(number: int, values: dict[str, str], columns: list[Column], problems: list[str]) -> None:
    for column in columns:
        if len(values.get(column.key, "")) > MAX_TEXT:
            problems.append(f"第 {number} 行：“{column.zh}”过长（超过 {MAX_TEXT} 个字）。")
        else:
            why = name_problem(values.get(column.key, ""), label=f"“{column.zh}”", max_len=MAX_TEXT, required=False,
                               multiline=column.key != "name")  # a name is one line; a title may have two
            if why:
                problems.append(f"第 {number} 行：{why}。")


def _record(db: sqlite_utils.Database, session_id: int, path: Path, entity: str, states: list[dict]) -> None:
    """The imported units or experts and the new order, in the session's chain."""
    from .chain import chained

    if not chained(db):
        return
    from .chain import append_many
    from .replay import order_state

    action = f"{entity}.import"
    items = [{"action": action, entity: st["name"], "reason": f"导入文件 {path.name}", "entity": entity,
              "ref": [st["name"]], "state": st} for st in states]
    items.append({"action": "order.set", "entity": "order", "ref": [], "state": order_state(db, session_id)})
    append_many(db, session_id=session_id, items=items)


def import_units(db: sqlite_utils.Database, *, session_id: int, path: Path | str) -> ImportResult:
    path = Path(path)
    ensure_editable(db, session_id, "roster")
    rows = read_table(path, UNIT_COLUMNS, what="参评单位")
    existing = {r[0] for r in db.execute("SELECT name FROM units WHERE session_id = ?", [session_id])}
    problems: list[str] = []
    seen: dict[str, int] = {}
    orders: dict[int, int] = {}
    accepted = []
    for index, row in enumerate(rows):
        v = row.values
        name = v["name"]
        if not name:
            problems.append(f"第 {row.number} 行：单位名称为空。")
            continue
        if name in existing:
            problems.append(f"第 {row.number} 行：单位“{name}”已在本场名单中。")
        if name in seen:
            problems.append(f"第 {row.number} 行：单位“{name}”与第 {seen[name]} 行重复。")
        seen.setdefault(name, row.number)
        _check_texts(row.number, v, UNIT_COLUMNS, problems)
        order = None
        if v.get("order"):
            try:
                order = int(v["order"])
                if order < 1:
                    raise ValueError
            except ValueError:
                problems.append(f"第 {row.number} 行：顺序“{v['order']}”应是正整数。")
                order = None
            else:
                if order in orders:
                    problems.append(f"第 {row.number} 行：顺序 {order} 与第 {orders[order]} 行重复。")
                orders.setdefault(order, row.number)
        accepted.append((order if order is not None else 10**6 + index, v))
    if not rows and not problems:
        problems.append("文件里没有任何单位（表头下面没有数据行）。")
    if len(existing) + len(accepted) > MAX_UNITS:
        problems.append(f"导入后将有 {len(existing) + len(accepted)} 个参评单位，超过上限 {MAX_UNITS} 个。")
    if problems:
        raise refuse(path, problems)
    accepted.sort(key=lambda item: item[0])
    with transaction(db):
        _still_free(db, path, "units", session_id, [v["name"] for _o, v in accepted], "单位")
        start = db.execute("SELECT coalesce(max(position), 0) FROM units WHERE session_id = ?", [session_id]).fetchone()[0]
        db["units"].insert_all(  # joins the transaction (a savepoint): refused rows leave nothing
            {"session_id": session_id, "name": v["name"], "presenter": v.get("presenter", ""),
             "presenter_title": v.get("presenter_title", ""), "report_title": v.get("report_title", ""),
             "position": start + offset} for offset, (_order, v) in enumerate(accepted, start=1))
        _record(db, session_id, path, "unit", [
            {"name": v["name"], "presenter": v.get("presenter", ""), "presenter_title": v.get("presenter_title", ""),
             "report_title": v.get("report_title", "")} for _o, v in accepted])
    return ImportResult("参评单位", [v["name"] for _o, v in accepted], trimmed_notes(rows, UNIT_COLUMNS),
                        Change.of("units", session_id) if accepted else NOTHING)


def import_experts(db: sqlite_utils.Database, *, session_id: int, path: Path | str) -> ImportResult:
    path = Path(path)
    ensure_editable(db, session_id, "roster")
    rows = read_table(path, EXPERT_COLUMNS, what="评议专家")
    existing = {r[0] for r in db.execute("SELECT name FROM experts WHERE session_id = ?", [session_id])}
    problems: list[str] = []
    seen: dict[str, int] = {}
    for row in rows:
        name = row.values["name"]
        if not name:
            problems.append(f"第 {row.number} 行：专家姓名为空。")
            continue
        if name in existing:
            problems.append(f"第 {row.number} 行：专家“{name}”已在本场评议组中。")
        if name in seen:
            problems.append(f"第 {row.number} 行：专家“{name}”与第 {seen[name]} 行重复。")
        seen.setdefault(name, row.number)
        _check_texts(row.number, row.values, EXPERT_COLUMNS, problems)
    if not rows and not problems:
        problems.append("文件里没有任何专家（表头下面没有数据行）。")
    if len(existing) + len(rows) > MAX_EXPERTS:
        problems.append(f"导入后将有 {len(existing) + len(rows)} 位评议专家，超过上限 {MAX_EXPERTS} 位。")
    if problems:
        raise refuse(path, problems)
    with transaction(db):
        _still_free(db, path, "experts", session_id, [r.values["name"] for r in rows], "专家")
        start = db.execute("SELECT coalesce(max(position), 0) FROM experts WHERE session_id = ?", [session_id]).fetchone()[0]
        db["experts"].insert_all(
            {"session_id": session_id, "name": r.values["name"], "category": r.values.get("category", ""),
             "affiliation": r.values.get("affiliation", ""), "position": start + offset}
            for offset, r in enumerate(rows, start=1))
        _record(db, session_id, path, "expert", [
            {"name": r.values["name"], "category": r.values.get("category", ""),
             "affiliation": r.values.get("affiliation", "")} for r in rows])
    return ImportResult("评议专家", [r.values["name"] for r in rows], trimmed_notes(rows, EXPERT_COLUMNS),
                        Change.of("experts", session_id) if rows else NOTHING)


def _still_free(db: sqlite_utils.Database, path: Path, table: str, session_id: int, names: list[str],
                label: str) -> None:
    """Checked again inside the write transaction: another import of the same file (a second
    window, a double click) may have added these names since the file was read."""
    taken = {n for (n,) in db.execute(f"SELECT name FROM {table} WHERE session_id = ?", [session_id])} & set(names)
    if taken:
        raise refuse(path, [f"{label}“{n}”已在本场名单中（可能刚由另一次导入加入）。" for n in sorted(taken)[:20]])
