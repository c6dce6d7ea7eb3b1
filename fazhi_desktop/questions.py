"""The question log (提问记录): add, edit and delete questions, each saved at once.

Each entry keeps the wall-clock time it was asked (``at``) and the meeting's elapsed time
(``elapsed_s``: seconds since the meeting's first timed phase began),
plus optional answer, criterion, a "problem found" flag with a rectification measure and deadline,
which the rectification ledger reads later.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from .changes import Change
from .db import now_iso, transaction
from .errors import UserError
from .replay import question_state
from .sessions import check_date, ensure_editable, record

EDITABLE = ("expert_id", "text", "answer", "criterion_id", "problem", "measure", "deadline")


@dataclass
class Question:
    id: int
    session_id: int
    unit_id: int
    expert_id: int | None
    text: str
    answer: str
    criterion_id: int | None
    problem: bool
    measure: str
    deadline: str | None
    at: str
    elapsed_s: float | None
    uid: str | None = None  # stable across packages: the audit chain's name for the question

    @property
    def change(self) -> Change:
        """The record of a write of this question (added, edited, deleted or restored)."""
        return Change.of("questions", self.session_id, [self.unit_id])


_COLS = "id, session_id, unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline, at, elapsed_s, uid"


def _row(r: tuple) -> Question:
    q = Question(*r)
    q.problem = bool(q.problem)
    return q


def get_question(db: sqlite_utils.Database, question_id: int) -> Question:
    r = db.execute(f"SELECT {_COLS} FROM questions WHERE id = ?", [question_id]).fetchone()
    if r is None:
        raise UserError(f"没有编号为 {question_id} 的提问记录（可能已被删除）。")
    return _row(r)


def list_questions(db: sqlite_utils.Database, session_id: int, unit_id: int | None = None) -> list[Question]:
    sql = f"SELECT {_COLS} FROM questions WHERE session_id = ?"
    params: list[Any] = [session_id]
    if unit_id is not None:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    return [_row(r) for r in db.execute(sql + " ORDER BY at, id", params)]


def meeting_elapsed(db: sqlite_utils.Database, session_id: int, now: float | None = None) -> float:
    """Seconds since the meeting began (the first timed phase was started), by the wall clock;
    0 before that."""
    first = db.execute("SELECT min(t.started_at) FROM unit_timing t JOIN units u ON u.id = t.unit_id "
                       "WHERE u.session_id = ?", [session_id]).fetchone()[0]
    if not first:
        return 0.0
    began = datetime.fromisoformat(first).timestamp()
    return max(0.0, (time.time() if now is None else now) - began)


def _check(db: sqlite_utils.Database, session_id: int, fields: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "text":
            value = (value or "").strip()
            if not value:
                raise UserError("提问内容不能为空。")
        elif key in ("answer", "measure"):
            value = (value or "").strip()
        elif key == "problem":
            value = 1 if value else 0
        elif key == "deadline":
            value = check_date(value)
        elif key == "expert_id" and value is not None:
            owner = db.execute("SELECT session_id FROM experts WHERE id = ?", [value]).fetchone()
            if owner is None or owner[0] != session_id:
                raise UserError("提问的专家不在本场评议组中。")
        elif key == "criterion_id" and value is not None:
            row = db.execute("SELECT session_id, max FROM criteria WHERE id = ?", [value]).fetchone()
            if row is None or row[0] != session_id:
                raise UserError("所选指标不属于本场评议会的评分细则。")
        clean[key] = value
    return clean


def add_question(db: sqlite_utils.Database, *, session_id: int, unit_id: int, text: str,
                 expert_id: int | None = None, answer: str = "", criterion_id: int | None = None,
                 problem: bool = False, measure: str = "", deadline: str | None = None,
                 elapsed_s: float | None = None, at: str | None = None) -> Question:
    """Log one question; ``elapsed_s`` is the meeting's elapsed time (the console passes its own
    figure, which includes the running phase); ``at`` defaults to now."""
    ensure_editable(db, session_id, "questions")
    owner = db.execute("SELECT session_id FROM units WHERE id = ?", [unit_id]).fetchone()
    if owner is None or owner[0] != session_id:
        raise UserError("提问的参评单位不在本场评议会中。")
    f = _check(db, session_id, {"text": text, "expert_id": expert_id, "answer": answer,
                                "criterion_id": criterion_id, "problem": problem, "measure": measure,
                                "deadline": deadline})
    if elapsed_s is None:
        elapsed_s = meeting_elapsed(db, session_id)
    with transaction(db):
        qid = db.execute(
            "INSERT INTO questions (session_id, unit_id, expert_id, text, answer, criterion_id, problem, measure, "
            "deadline, at, elapsed_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, unit_id, f["expert_id"], f["text"], f["answer"], f["criterion_id"], f["problem"],
             f["measure"], f["deadline"], at or now_iso(), round(float(elapsed_s), 1)]).lastrowid
        record_question(db, session_id, qid, "question.add")
    return get_question(db, qid)


def record_question(db: sqlite_utils.Database, session_id: int, question_id: int, action: str) -> None:
    from .chain import chained

    if not chained(db):
        return
    uid, state = question_state(db, question_id)
    record(db, session_id, action=action, entity="question", ref=[uid], state=state, unit=state["unit"],
           expert=state["expert"], after=state["text"][:60])


def update_question(db: sqlite_utils.Database, *, question_id: int, **fields: Any) -> dict[str, Any]:
    """Change some of EDITABLE; returns the previous values of what changed (for undo)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise UserError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    q = get_question(db, question_id)
    ensure_editable(db, q.session_id, "questions")
    clean = _check(db, q.session_id, fields)
    before = {k: (int(getattr(q, k)) if k == "problem" else getattr(q, k))
              for k in clean if (int(getattr(q, k)) if k == "problem" else getattr(q, k)) != clean[k]}
    if before:
        with transaction(db):
            db.execute(f"UPDATE questions SET {', '.join(k + ' = ?' for k in before)} WHERE id = ?",
                       [*(clean[k] for k in before), question_id])
            record_question(db, q.session_id, question_id, "question.update")
    return before


def delete_question(db: sqlite_utils.Database, *, question_id: int) -> Question:
    """Delete and return the whole row, so :func:`restore_question` can put it back."""
    q = get_question(db, question_id)
    ensure_editable(db, q.session_id, "questions")
    with transaction(db):
        db.execute("DELETE FROM questions WHERE id = ?", [question_id])
        record(db, q.session_id, action="question.delete", entity="question", ref=[q.uid], state=None,
               before=q.text[:60])
    return q


def restore_question(db: sqlite_utils.Database, *, question: Question) -> Question:
    """Put a deleted question back with its id, time and elapsed time (undo of delete)."""
    ensure_editable(db, question.session_id, "questions")
    row = asdict(question)
    row["problem"] = int(row["problem"])
    with transaction(db):
        db.execute(f"INSERT INTO questions ({_COLS}) VALUES ({', '.join('?' * len(row))})",
                   [row[c.strip()] for c in _COLS.split(",")])
        record_question(db, question.session_id, question.id, "question.restore")
    return get_question(db, question.id)
