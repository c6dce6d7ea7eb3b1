"""Service functions for indicator ratings (指标评定) of a checklist session: per candidate ×
indicator a rating (达标/部分达标/未达标/不适用), a note and the evidence listed in words.

Each write is one transaction and is refused, in Chinese and naming the candidate and indicator,
when the session's status does not allow ratings (:meth:`Session.why_locked` with ``"ratings"``,
the same rule as scores), the indicator is not a leaf of the session's checklist, or the candidate
is marked absent. A rating replaced by an import, or changed with a reason (a revision after
sealing), is written to the audit log.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from ..db import now_iso, transaction
from ..errors import UserError
from ..labels import as_code
from ..scoring import audit
from ..sessions import ensure_editable, load_template
from . import RATINGS

# What a sheet or a keyboard may say for each rating: the Chinese words of the contract and the
# codes that results --json uses.
WORDS = {**{word: code for code, word in RATINGS.items()}, **{code: code for code in RATINGS}}
KEYS = {"1": "met", "2": "partial", "3": "unmet", "0": "not_applicable"}  # the rating grid's keys
MAX_NOTE = 2000


@dataclass(frozen=True)
class Rating:
    unit_id: int
    criterion_id: int
    rating: str | None  # a key of RATINGS; None: only a note or evidence text so far
    note: str
    evidence_text: str
    updated_at: str


@dataclass(frozen=True)
class RatingChange:
    unit_id: int
    criterion_id: int
    before: str | None
    after: str | None
    audited: bool


def rating_code(text: str) -> str:
    """'达标' or 'met' → 'met'; anything else is refused with the words that are allowed."""
    code = WORDS.get((text or "").strip())
    if code is None:
        words = "、".join(RATINGS.values())
        raise UserError(f"评定“{text}”无效，只能是：{words}")
    return code


def _target(db: sqlite_utils.Database, session_id: int, unit_id: int, criterion_id: int) -> tuple[str, str, str]:
    """(unit name, unit status, indicator path) after checking both belong to the session."""
    unit = db.execute("SELECT name, status, session_id FROM units WHERE id = ?", [unit_id]).fetchone()
    if unit is None or unit[2] != session_id:
        raise UserError(f"本场评议会没有编号为 {unit_id} 的参评单位。")
    template = load_template(db, session_id)
    if not template.is_checklist:
        raise UserError("本场评议会采用打分式评分细则，没有指标评定；请在“评分录入”中打分。")
    paths = {leaf.id: path for path, leaf in template.leaves()}
    if criterion_id not in paths:
        raise UserError(f"本场评估指标里没有编号为 {criterion_id} 的末级指标。")
    return unit[0], unit[1], paths[criterion_id]


def get_rating(db: sqlite_utils.Database, unit_id: int, criterion_id: int) -> Rating | None:
    row = db.execute("SELECT unit_id, criterion_id, rating, note, evidence_text, updated_at FROM ratings "
                     "WHERE unit_id = ? AND criterion_id = ?", [unit_id, criterion_id]).fetchone()
    return Rating(*row) if row else None


def ratings_for(db: sqlite_utils.Database, session_id: int) -> dict[tuple[int, int], Rating]:
    """{(unit_id, criterion_id): Rating} of a session."""
    return {(r[0], r[1]): Rating(*r) for r in db.execute(
        "SELECT unit_id, criterion_id, rating, note, evidence_text, updated_at FROM ratings WHERE session_id = ?",
        [session_id])}


def set_rating(db: sqlite_utils.Database, *, session_id: int, unit_id: int, criterion_id: int,
               rating: str | None, note: str | None = None, evidence_text: str | None = None,
               operator: str = "", reason: str = "", source: str = "录入") -> RatingChange:
    """Store one rating (a code or word; None clears it). ``note`` and ``evidence_text``, when
    given, replace the stored ones; left as None they stay. Returns what changed."""
    ensure_editable(db, session_id, "ratings")
    unit, status, path = _target(db, session_id, unit_id, criterion_id)
    new = None if rating is None or not str(rating).strip() else rating_code(str(rating))
    if new is not None and status == "absent":
        raise UserError(f"“{unit}”已标记缺席（撤回申报），不能评定指标“{path}”。")
    for label, text in (("说明", note), ("佐证", evidence_text)):
        if text is not None and len(text) > MAX_NOTE:
            raise UserError(f"{unit} / {path}：{label}过长（超过 {MAX_NOTE} 个字）。")
    old = get_rating(db, unit_id, criterion_id)
    before = old.rating if old else None
    note = (old.note if old else "") if note is None else note.strip()
    evidence_text = (old.evidence_text if old else "") if evidence_text is None else evidence_text.strip()
    if old is not None and (before, old.note, old.evidence_text) == (new, note, evidence_text):
        return RatingChange(unit_id, criterion_id, before, new, False)
    audited = before != new and (bool(reason.strip()) or (source != "录入" and before is not None))
    with transaction(db):
        if new is None and not note and not evidence_text:
            db.execute("DELETE FROM ratings WHERE unit_id = ? AND criterion_id = ?", [unit_id, criterion_id])
        else:
            db.execute("INSERT INTO ratings (session_id, unit_id, criterion_id, rating, note, evidence_text, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id, criterion_id) DO UPDATE SET "
                       "rating = excluded.rating, note = excluded.note, evidence_text = excluded.evidence_text, "
                       "updated_at = excluded.updated_at",
                       [session_id, unit_id, criterion_id, new, note, evidence_text, now_iso()])
        if audited:
            audit(db, session_id=session_id, action="rating.amend" if reason.strip() else as_code(f"{source}替换评定"),
                  operator=operator, unit=unit, criterion=path, before=RATINGS.get(before or ""),
                  after=RATINGS.get(new or ""), reason=reason.strip())
    return RatingChange(unit_id, criterion_id, before, new, audited)


def set_note(db: sqlite_utils.Database, *, session_id: int, unit_id: int, criterion_id: int, note: str,
             evidence_text: str | None = None) -> RatingChange:
    """Change the note (and, when given, the evidence text) and keep the rating."""
    old = get_rating(db, unit_id, criterion_id)
    return set_rating(db, session_id=session_id, unit_id=unit_id, criterion_id=criterion_id,
                      rating=old.rating if old else None, note=note, evidence_text=evidence_text)


def rate_cells(db: sqlite_utils.Database, *, session_id: int,
               cells: list[tuple[int, int, str | None]]) -> list[RatingChange]:
    """Several ratings at once — (unit_id, criterion_id, rating) each, a selection in the grid or
    an undo of one — in one transaction: all are stored or none."""
    with transaction(db):
        return [set_rating(db, session_id=session_id, unit_id=u, criterion_id=c, rating=r) for u, c, r in cells]


def revise_rating(db: sqlite_utils.Database, *, session_id: int, unit_id: int, criterion_id: int,
                  rating: str | None, reason: str, note: str | None = None, operator: str = "") -> tuple[str, str]:
    """Correct one rating of a sealed session (an audited revision with a reason); returns the
    fingerprints before and after, carrying the record (that candidate's ratings, kind ``scores``)."""
    from ..changes import Change, carrying
    from ..seal import revise

    def change(db: sqlite_utils.Database) -> RatingChange:
        got = set_rating(db, session_id=session_id, unit_id=unit_id, criterion_id=criterion_id, rating=rating,
                         note=note, operator=operator, reason=reason)
        if got.before == got.after and note is None:
            raise UserError("更正后的评定与原评定相同，未作修改。")
        return got

    _got, before, after = revise(db, session_id=session_id, reason=reason, change=change, operator=operator)
    return carrying((before, after), Change.of("scores", session_id, [unit_id]))
