"""The experts' private access tokens (``expert_tokens``) and each expert's progress.

A token is the expert's key: whoever holds the URL scores as that expert, so it is unguessable
(``secrets.token_urlsafe(24)``: 192 bits), bound to one session and one expert, revocable by the
chair (the row is kept with ``revoked_at``, so a revoked token is told apart from an unknown one;
the replacement is a new row), and dead while the session is finished or sealed.
"""
from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field

import sqlite_utils

from ..changes import NOTHING, Change
from ..db import now_iso, transaction
from ..errors import UserError
from ..roster import list_experts
from ..scoring import audit
from ..sessions import STATUSES, get_session, is_checklist
from ..stored_template import devices_schema

TOKEN_BYTES = 24          # 192 bits of randomness, 32 URL-safe characters
TOUCH_EVERY_S = 5.0       # last_seen_at is written at most this often per token
CLOSED_TEXT = "本场评议会已结束，评分链接已失效。"


class Forbidden(UserError):
    """An unknown or revoked token (HTTP 403): nothing is read or stored for it."""
    status = 403


class SessionClosed(UserError):
    """The token's session is finished or sealed (HTTP 409): every token of it is dead."""
    status = 409


@dataclass(frozen=True)
class Access:
    expert_id: int
    expert: str
    token: str
    revoked: bool
    last_seen: str | None
    change: Change = field(default=NOTHING, compare=False, repr=False)  # set by the write that returned it


@dataclass(frozen=True)
class UnitProgress:
    unit_id: int
    unit: str
    scored: int       # leaves this expert has scored for the unit
    total: int        # leaves of the template
    submitted: bool
    recused: bool


@dataclass(frozen=True)
class ExpertProgress:
    expert_id: int
    expert: str
    last_seen: str | None   # when a device last used the expert's live token (None: never)
    has_token: bool         # a live (not revoked) token exists
    revoked: int            # how many of the expert's tokens the chair has revoked
    units: dict[int, UnitProgress]  # by unit id, in the order of presentation


def check_servable(db: sqlite_utils.Database, session_id: int) -> None:
    """A UserError (in Chinese) unless experts can score this session from their devices now."""
    session = get_session(db, session_id)  # an unknown id: UserError
    if session.status in ("finished", "sealed"):
        raise SessionClosed(f"评议会“{session.title}”{STATUSES[session.status]}，评分链接已失效，不能再开启专家评分。")
    if is_checklist(db, session_id):
        raise UserError(f"评议会“{session.title}”是示范创建（指标评定），没有专家打分，不能开启专家评分。")
    if not db.execute("SELECT 1 FROM experts WHERE session_id = ? LIMIT 1", [session_id]).fetchone():
        raise UserError(f"评议会“{session.title}”还没有评议专家，请先在“参评单位和评议专家”中添加专家。")


def _live_rows(db: sqlite_utils.Database, session_id: int) -> dict[int, tuple[str, str | None]]:
    return {e: (t, seen) for e, t, seen in db.execute(
        "SELECT expert_id, token, last_seen_at FROM expert_tokens WHERE session_id = ? AND revoked_at IS NULL "
        "ORDER BY created_at, rowid", [session_id])}


def ensure_tokens(db: sqlite_utils.Database, session_id: int) -> list[Access]:
    """One live token per expert, in roster order, issuing the missing ones (idempotent).
    Refused (SessionClosed) for a finished or sealed session: its tokens are dead."""
    check_servable(db, session_id)
    experts = list_experts(db, session_id)
    live = _live_rows(db, session_id)
    missing = [e for e in experts if e.id not in live]
    if missing:
        with transaction(db):
            live = _live_rows(db, session_id)  # again under the write lock: another window may have issued them
            for e in missing:
                if e.id not in live:
                    live[e.id] = (_issue(db, session_id, e.id), None)
    return [Access(e.id, e.name, live[e.id][0], False, live[e.id][1]) for e in experts]


def _issue(db: sqlite_utils.Database, session_id: int, expert_id: int) -> str:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    db.execute("INSERT INTO expert_tokens (token, session_id, expert_id, created_at) VALUES (?, ?, ?, ?)",
               [token, session_id, expert_id, now_iso()])
    return token


def revoke_token(db: sqlite_utils.Database, *, session_id: int, expert_id: int, reason: str,
                 operator: str = "") -> Access:
    """Revoke the expert's live token (a lost phone, a link sent to the wrong person) and issue a
    new one, which nobody knows yet: the chair shows it to the expert's new device. Audited."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError("停用专家的评分链接需要填写原因（例如：手机遗失、链接发错了人）。")
    session = get_session(db, session_id)
    if session.status in ("finished", "sealed"):
        raise SessionClosed(f"评议会“{session.title}”{STATUSES[session.status]}，评分链接已全部失效，无需停用。")
    row = db.execute("SELECT name FROM experts WHERE id = ? AND session_id = ?", [expert_id, session_id]).fetchone()
    if row is None:
        raise UserError(f"本场评议会没有编号为 {expert_id} 的专家。")
    name = row[0]
    with transaction(db):
        db.execute("UPDATE expert_tokens SET revoked_at = ? WHERE session_id = ? AND expert_id = ? "
                   "AND revoked_at IS NULL", [now_iso(), session_id, expert_id])
        token = _issue(db, session_id, expert_id)
        # the token itself is never written to the log: the log travels in packages
        audit(db, session_id=session_id, action="device.revoke", operator=operator, expert=name,
              reason=reason, after="已换发新链接")
    return Access(expert_id, name, token, False, None, change=Change.of("devices", session_id))


def resolve_token(db: sqlite_utils.Database, token: str) -> tuple[int, int]:
    """(session id, expert id) of a live token; Forbidden for an unknown or revoked one,
    SessionClosed while its session is finished or sealed."""
    row = db.execute("SELECT t.session_id, t.expert_id, t.revoked_at, s.status FROM expert_tokens t "
                     "JOIN sessions s ON s.id = t.session_id WHERE t.token = ?", [token]).fetchone()
    if row is None:
        raise Forbidden("评分链接无效。请使用会务人员发给您的专属链接（或扫描桌上的二维码）。")
    session_id, expert_id, revoked_at, status = row
    if status in ("finished", "sealed"):  # first: ending the meeting also revokes every token
        raise SessionClosed(CLOSED_TEXT)
    if revoked_at is not None:
        raise Forbidden("此评分链接已被会务人员停用。请向会务人员索取新的链接。")
    return session_id, expert_id


def end_tokens(db: sqlite_utils.Database, session_id: int) -> int:
    """Every live token of the session dies (called by ``finish_session`` in its transaction): a
    session reopened later issues new links, so a card from the first sitting opens nothing."""
    if not devices_schema(db):  # a database from before version 8: no tokens yet
        return 0
    return db.execute("UPDATE expert_tokens SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL",
                      [now_iso(), session_id]).rowcount


_touched: dict[str, float] = {}
_touch_lock = threading.Lock()


def seen_recently(token: str, *, now: float | None = None) -> bool:
    """True when :func:`touch` would not write now (asked before queueing a write for it)."""
    mono = time.monotonic() if now is None else now
    with _touch_lock:
        last = _touched.get(token)
    return last is not None and mono - last < TOUCH_EVERY_S


def touch(db: sqlite_utils.Database, token: str, *, now: float | None = None) -> bool:
    """Record that a device used ``token`` just now; written at most every TOUCH_EVERY_S seconds
    per token (a phone polls its state every few seconds). True when written."""
    mono = time.monotonic() if now is None else now
    with _touch_lock:
        last = _touched.get(token)
        if last is not None and mono - last < TOUCH_EVERY_S:
            return False
        _touched[token] = mono
        if len(_touched) > 4096:  # only live tokens get here; keep the memo small all the same
            for key in list(_touched)[:2048]:
                del _touched[key]
    with transaction(db):
        db.execute("UPDATE expert_tokens SET last_seen_at = ? WHERE token = ?", [now_iso(), token])
    return True


def progress(db: sqlite_utils.Database, session_id: int) -> list[ExpertProgress]:
    """Each expert's devices and progress per unit, in roster order (four queries, whatever the size)."""
    tokens = {e: (seen, live, revoked) for e, seen, live, revoked in db.execute(
        "SELECT expert_id, max(CASE WHEN revoked_at IS NULL THEN last_seen_at END), "
        "sum(revoked_at IS NULL), sum(revoked_at IS NOT NULL) FROM expert_tokens WHERE session_id = ? "
        "GROUP BY expert_id", [session_id])}
    total = db.execute("SELECT count(*) FROM criteria c WHERE c.session_id = ? AND c.max IS NOT NULL AND NOT EXISTS "
                       "(SELECT 1 FROM criteria k WHERE k.parent_id = c.id)", [session_id]).fetchone()[0]
    cells: dict[int, dict[int, UnitProgress]] = {}
    for expert_id, unit_id, unit, scored, submitted, recused in db.execute(
            """SELECT e.id, u.id, u.name,
                      (SELECT count(*) FROM scores s WHERE s.expert_id = e.id AND s.unit_id = u.id),
                      EXISTS (SELECT 1 FROM submissions b WHERE b.expert_id = e.id AND b.unit_id = u.id),
                      EXISTS (SELECT 1 FROM recusals r WHERE r.expert_id = e.id AND r.unit_id = u.id)
               FROM experts e JOIN units u ON u.session_id = e.session_id
               WHERE e.session_id = ? ORDER BY u.position, u.id""", [session_id]):
        cells.setdefault(expert_id, {})[unit_id] = UnitProgress(unit_id, unit, scored, total, bool(submitted),
                                                                bool(recused))
    out = []
    for e in list_experts(db, session_id):
        seen, live, revoked = tokens.get(e.id, (None, 0, 0))
        out.append(ExpertProgress(e.id, e.name, seen, bool(live), int(revoked or 0), cells.get(e.id, {})))
    return out
