"""The rectification ledger (整改台账): what each unit was told to fix, by whom, by when, and whether
it was done.

Items come from questions flagged "problem found" (``questions.problem = 1``) or are added by
hand. The stored status is a code, ``todo`` / ``doing`` / ``done`` (未启动 / 推进中 / 已完成, the
labels in :mod:`fazhi_desktop.labels`); ``overdue`` (逾期) is never stored: it is computed from the
deadline and ``today`` (injectable, for tests), for items of kind 限期 not yet done. Services take a
status as its code or its label; the spreadsheet, packages and the ledger chain carry the label.
An item closes only with evidence; the database refuses a closed item without it too.
The ledger stays editable after the session is sealed: rectification happens after the meeting.

Every write returns what it returned before carrying the record :data:`CHANGED` (kind ``ledger``,
no session: an item follows its unit by name into later sessions, whose console counts it).
"""
from __future__ import annotations

import json
import os
from datetime import date as Date
from pathlib import Path
from typing import Any, Sequence

import sqlite_utils

from .chain import record_item_removed
from .changes import Change, carrying
from .db import now_iso, transaction
from .errors import UserError
from .labels import (DOING, DONE, FIELD_LABELS, OVERDUE, STATUS_CODES, STATUS_LABELS, TODO,  # noqa: F401
                     codes_schema, status_code, status_label, stored_action, update_action)
from .sessions import check_date, get_session, load_template
from .unit_links import unit_aliases

# the stored status is a code (labels.STATUS_CODES); packages and documents carry these words
STATUSES = tuple(STATUS_LABELS[c] for c in STATUS_CODES)
KINDS = ("限期", "持续")
EDITABLE = ("problem", "measure", "responsible_unit", "responsible_person", "deadline", "kind", "status",
            "criterion", "source", "review_opinion", "unit_name", "evidence", "evidence_files")


def _stored(db: sqlite_utils.Database, code: str) -> str:
    """A status as the table holds it: the code, or its word on a database from before version 9."""
    return code if codes_schema(db) else status_label(code)


CHANGED = Change.of("ledger", None)  # the record of every ledger write

_COLS = ("id, session_id, unit_name, unit_id, question_id, criterion, source, problem, measure, responsible_unit, "
         "responsible_person, deadline, kind, status, evidence, evidence_files, closed_at, review_opinion, "
         "created_at, updated_at")


def record_item(db: sqlite_utils.Database, item_id: int, *, action: str, before: Any = None, after: Any = None) -> None:
    """The item as it now is, in the ledger's chain (inside the caller's transaction). ``action``: a
    code of :data:`fazhi_desktop.labels.ACTIONS` (``item.add``, ``item.update:status``, …)."""
    from .chain import chained

    if not chained(db):
        return
    from .chain import LEDGER_CHAIN, append
    from .replay import item_state

    uid, state = item_state(db, item_id)
    sid = db.execute("SELECT session_id FROM rectification_items WHERE id = ?", [item_id]).fetchone()[0]
    append(db, session_id=sid or 0, chain=LEDGER_CHAIN, action=stored_action(db, action), unit=state["unit_name"],
           before=before, after=after, entity="item", ref=[uid], state=state)


def today_iso(today: str | Date | None = None) -> str:
    if today is None:
        return Date.today().isoformat()
    return today.isoformat() if isinstance(today, Date) else str(today)


def effective_status(item: dict, today: str | Date | None = None) -> str:
    """The status a user sees (a code): overdue for a 限期 item past its deadline and not done."""
    if item["status"] != DONE and item["kind"] == "限期" and item.get("deadline") \
            and item["deadline"] < today_iso(today):
        return OVERDUE
    return item["status"]


def _item(row: dict, today: str | Date | None) -> dict:
    row = dict(row)
    row["status"] = status_code(row["status"])  # a code, also on a database not yet migrated
    row["evidence_files"] = json.loads(row["evidence_files"] or "[]")
    row["shown_status"] = effective_status(row, today)
    return row


def get_item(db: sqlite_utils.Database, item_id: int, *, today: str | Date | None = None) -> dict:
    rows = list(db.query(f"SELECT {_COLS} FROM rectification_items WHERE id = ?", [item_id]))
    if not rows:
        raise UserError(f"台账中没有编号为 {item_id} 的整改事项（可能已被删除）。")
    return _item(rows[0], today)


def _check(fields: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "deadline":
            value = check_date(value)
        elif key == "kind":
            if value not in KINDS:
                raise UserError(f"整改类型“{value}”无效：应为“限期”或“持续”。")
        elif key == "status":
            value = status_code(value)
        elif key == "evidence_files":
            value = json.dumps([str(v).strip() for v in (value or []) if str(v).strip()], ensure_ascii=False)
        elif key == "criterion":
            value = (value or "").strip() or None
        else:
            value = (value or "").strip()
        if key in ("problem", "unit_name") and not value:
            raise UserError(f"{FIELD_LABELS[key]}不能为空。")
        clean[key] = value
    return clean


def add_item(db: sqlite_utils.Database, *, unit_name: str, problem: str, session_id: int | None = None,
             measure: str = "", responsible_unit: str = "", responsible_person: str = "",
             deadline: str | None = None, kind: str = "限期", criterion: str | None = None,
             source: str = "专家意见", question_id: int | None = None) -> int:
    """Add an item by hand (or from a question); returns its id (carrying :data:`CHANGED`)."""
    f = _check({"unit_name": unit_name, "problem": problem, "measure": measure,
                "responsible_unit": responsible_unit or unit_name, "responsible_person": responsible_person,
                "deadline": deadline, "kind": kind, "criterion": criterion, "source": source})
    unit_id = None
    if session_id is not None:
        get_session(db, session_id)
        row = db.execute("SELECT id FROM units WHERE session_id = ? AND name = ?", [session_id, f["unit_name"]]).fetchone()
        if row is None:
            raise UserError(f"该评议会没有参评单位“{f['unit_name']}”。")
        unit_id = row[0]
    if f["kind"] == "限期" and not f["deadline"]:
        raise UserError("限期整改的事项需要填写整改时限（YYYY-MM-DD）；长期坚持的请选择“持续”。")
    now = now_iso()
    with transaction(db):
        item_id = db.execute(
            "INSERT INTO rectification_items (session_id, unit_name, unit_id, question_id, criterion, source, problem, "
            "measure, responsible_unit, responsible_person, deadline, kind, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, f["unit_name"], unit_id, question_id, f["criterion"], f["source"], f["problem"],
             f["measure"], f["responsible_unit"], f["responsible_person"], f["deadline"], f["kind"], _stored(db, TODO),
             now, now],
        ).lastrowid
        record_item(db, item_id, action="item.add", after=f["problem"][:60])
        return carrying(item_id, CHANGED)


def create_from_questions(db: sqlite_utils.Database, *, session_id: int,
                          default_deadline: str | None = None) -> list[int]:
    """One item per question flagged "problem found" that has none yet; returns the new ids.

    The problem is the question as asked; measure and deadline come from the question. A question
    without a deadline becomes a 持续 item unless ``default_deadline`` is given. The list carries
    :data:`CHANGED` when it made any.
    """
    get_session(db, session_id)
    paths = {leaf.id: path for path, leaf in load_template(db, session_id).leaves()}
    rows = db.execute(
        "SELECT q.id, u.name, q.text, q.measure, q.deadline, q.criterion_id FROM questions q "
        "JOIN units u ON u.id = q.unit_id WHERE q.session_id = ? AND q.problem = 1 AND NOT EXISTS "
        "(SELECT 1 FROM rectification_items r WHERE r.question_id = q.id) ORDER BY u.position, q.at, q.id",
        [session_id]).fetchall()
    new = []
    with transaction(db):
        for qid, unit, text, measure, deadline, crit in rows:
            due = deadline or default_deadline
            new.append(add_item(db, unit_name=unit, problem=text, session_id=session_id, measure=measure,
                                deadline=due, kind="限期" if due else "持续", criterion=paths.get(crit),
                                question_id=qid))
    return carrying([int(i) for i in new], CHANGED if new else Change())


def update_item(db: sqlite_utils.Database, *, item_id: int, **fields: Any) -> dict[str, Any]:
    """Change some of EDITABLE; returns the previous values of what changed. Setting 已完成 goes
    through :func:`close_item`; moving a closed item back to 推进中 clears its closing date. The dict
    carries :data:`CHANGED` when anything changed."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise UserError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    item = get_item(db, item_id)
    clean = _check(fields)
    if clean.get("status") == DONE and item["status"] != DONE:
        raise UserError("要将事项标记为已完成，请使用“销号”，并填写佐证材料。")
    if "evidence" in clean and item["status"] == DONE and not clean["evidence"]:
        raise UserError("已完成的事项不能删去佐证材料。")
    kind = clean.get("kind", item["kind"])
    deadline = clean.get("deadline", item["deadline"])
    if kind == "限期" and not deadline:
        raise UserError("限期整改的事项需要填写整改时限（YYYY-MM-DD）。")
    stored = dict(item, evidence_files=json.dumps(item["evidence_files"], ensure_ascii=False))
    before = {k: stored[k] for k in clean if stored[k] != clean[k]}
    if before:
        sets = dict((k, clean[k]) for k in before)
        if sets.get("status") in (TODO, DOING):
            sets["closed_at"] = None
        if "status" in sets:
            sets["status"] = _stored(db, sets["status"])
        with transaction(db):
            db.execute(f"UPDATE rectification_items SET {', '.join(k + ' = ?' for k in sets)}, updated_at = ? "
                       "WHERE id = ?", [*sets.values(), now_iso(), item_id])
            record_item(db, item_id, action=update_action(before))
    return carrying(before, CHANGED if before else Change())


def close_item(db: sqlite_utils.Database, *, item_id: int, evidence: str, evidence_files: Sequence[str] = (),
               closed_at: str | None = None, review_opinion: str = "", today: str | Date | None = None) -> dict:
    """销号: mark an item 已完成 with its evidence (required), closing date and review opinion.
    Returns the item as now stored, carrying :data:`CHANGED`."""
    item = get_item(db, item_id)
    evidence = (evidence or "").strip()
    files = [str(f).strip() for f in evidence_files if str(f).strip()]
    if not evidence:
        raise UserError(f"整改事项“{item['problem'][:30]}”没有佐证材料，不能销号：请写明整改结果和佐证。")
    day = check_date(closed_at) or today_iso(today)
    with transaction(db):
        db.execute("UPDATE rectification_items SET status = ?, evidence = ?, evidence_files = ?, closed_at = ?, "
                   "review_opinion = ?, updated_at = ? WHERE id = ?",
                   [_stored(db, DONE), evidence, json.dumps(files, ensure_ascii=False), day,
                    (review_opinion or "").strip() or item["review_opinion"], now_iso(), item_id])
        record_item(db, item_id, action="item.close", before=status_label(item["status"]), after=status_label(DONE))
    return carrying(get_item(db, item_id, today=today), CHANGED)


def delete_item(db: sqlite_utils.Database, *, item_id: int) -> dict:
    """Delete an item (the ledger's chain records it); returns the item as it was, carrying :data:`CHANGED`."""
    item = get_item(db, item_id)
    with transaction(db):
        record_item_removed(db, item_id, action=stored_action(db, "item.delete"))
        db.execute("DELETE FROM rectification_items WHERE id = ?", [item_id])
    return carrying(item, CHANGED)


def _filters(db, unit_name, status, overdue, session_id, text, today) -> tuple[str, list[Any]]:

    where, params = [], []
    day = today_iso(today)
    done = _stored(db, DONE)
    if unit_name:
        names = unit_aliases(db, unit_name)
        where.append(f"r.unit_name IN ({', '.join('?' * len(names))})")
        params += names
    if status and status != "open":
        status = status_code(status, computed=True)  # a code, or its label (逾期 included)
    if status == OVERDUE:
        overdue = True
    elif status == "open":
        where.append("r.status != ?")
        params.append(done)
    elif status:
        where.append("r.status = ?")
        params.append(_stored(db, status))
        if status != DONE:  # an overdue item shows as 逾期, not under its stored status
            where.append("NOT (r.kind = '限期' AND r.deadline < ?)")
            params.append(day)
    if overdue is True:
        where.append("r.status != ? AND r.kind = '限期' AND r.deadline < ?")
        params += [done, day]
    elif overdue is False:
        where.append("NOT (r.status != ? AND r.kind = '限期' AND coalesce(r.deadline, '9999') < ?)")
        params += [done, day]
    if session_id is not None:
        where.append("r.session_id = ?")
        params.append(session_id)
    if text and text.strip():
        where.append("(instr(r.problem, ?) > 0 OR instr(r.measure, ?) > 0 OR instr(r.unit_name, ?) > 0)")
        params += [text.strip()] * 3
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_items(db: sqlite_utils.Database, *, unit_name: str | None = None, status: str | None = None,
               overdue: bool | None = None, session_id: int | None = None, text: str | None = None,
               today: str | Date | None = None, limit: int = 500, offset: int = 0) -> list[dict]:
    """Items with their source session, newest session first. ``unit_name`` covers its linked
    names; ``status`` is a status code (``overdue`` included) or its label, or "open" (anything not
    done). Each item's ``status`` is the stored code, ``shown_status`` the code a user sees
    (``overdue`` when past due); :func:`status_label` gives their words."""
    where, params = _filters(db, unit_name, status, overdue, session_id, text, today)
    # the page's ids first (sorted from the index on unit and session, v9), then only their rows:
    # a unit with hundreds of items over a thousand sessions costs what its first page does
    ids = [i for (i,) in db.execute(
        f"SELECT r.id FROM rectification_items r LEFT JOIN sessions s ON s.id = r.session_id{where} "
        "ORDER BY s.date IS NULL, s.date DESC, r.unit_name, r.id LIMIT ? OFFSET ?", [*params, limit, offset])]
    rows: dict[int, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows.update((r["id"], r) for r in db.query(
            f"SELECT r.{_COLS.replace(', ', ', r.')}, s.title AS session_title, s.date AS session_date "
            f"FROM rectification_items r LEFT JOIN sessions s ON s.id = r.session_id "
            f"WHERE r.id IN ({', '.join('?' * len(chunk))})", chunk))
    return [_item(rows[i], today) for i in ids]


def count_items(db: sqlite_utils.Database, *, unit_name: str | None = None, status: str | None = None,
                overdue: bool | None = None, session_id: int | None = None, text: str | None = None,
                today: str | Date | None = None) -> int:
    where, params = _filters(db, unit_name, status, overdue, session_id, text, today)
    return db.execute(f"SELECT count(*) FROM rectification_items r{where}", params).fetchone()[0]


def open_items_for_unit(db: sqlite_utils.Database, unit_name: str, before_session_id: int | None = None, *,
                        today: str | Date | None = None) -> list[dict]:
    """A unit's items not yet done from earlier sessions (and items added by hand), for the live
    console: what the panel may ask about when the unit steps up."""
    items = list_items(db, unit_name=unit_name, status="open", today=today)
    if before_session_id is None:
        return items
    row = db.execute("SELECT date FROM sessions WHERE id = ?", [before_session_id]).fetchone()
    day = row[0] if row and row[0] else "9999-12-31"
    return [i for i in items if i["session_id"] != before_session_id
            and (i["session_date"] is None or i["session_date"] <= day)]


def open_counts(db: sqlite_utils.Database, session_id: int, *, today: str | Date | None = None) -> dict[int, int]:
    """{unit_id: number of open items from earlier sessions} for each unit of ``session_id`` (the
    agenda's count)."""
    return {uid: len(open_items_for_unit(db, name, session_id, today=today))
            for uid, name in db.execute("SELECT id, name FROM units WHERE session_id = ?", [session_id])}


XLSX_COLUMNS = [("序号", None), ("参评单位", "unit_name"), ("来源评议会", "session_title"), ("日期", "session_date"),
                ("指标", "criterion"), ("存在问题", "problem"), ("整改措施", "measure"), ("责任单位", "responsible_unit"),
                ("责任人", "responsible_person"), ("整改时限", "deadline"), ("类型", "kind"), ("状态", "shown_status"),
                ("佐证材料", "evidence"), ("佐证文件", "evidence_files"), ("销号日期", "closed_at"),
                ("复核意见", "review_opinion")]


def _as_text(value: Any) -> Any:
    """Characters XLSX cannot hold (control characters) are dropped rather than fail the export."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def export_xlsx(items: list[dict], path: Path | str, *, title: str = "整改台账") -> Path:
    """Write the items as one sheet (a title row, then a header row); returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([c for c, _k in XLSX_COLUMNS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    overdue_fill = PatternFill("solid", fgColor="FFE0E0")
    for n, item in enumerate(items, start=1):
        row = [n]
        for _c, key in XLSX_COLUMNS[1:]:
            value = item.get(key)
            if key == "shown_status":
                value = status_label(value)  # the sheet says 未启动/推进中/已完成/逾期
            row.append("；".join(value) if isinstance(value, list) else value)
        ws.append([_as_text(v) for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                cell.data_type = "s"  # written as text, never run as a formula by whoever opens it
        if item.get("shown_status") == OVERDUE:
            ws.cell(row=ws.max_row, column=12).fill = overdue_fill
    widths = [6, 14, 28, 11, 18, 36, 36, 14, 10, 11, 6, 8, 30, 20, 11, 24]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=2, column=i).column_letter].width = w
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    from .tempfiles import temp_name

    tmp = temp_name(path)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        from .errors import os_error_text

        raise UserError(f"无法写入整改台账 {path}：{os_error_text(exc)}") from exc
    return path
