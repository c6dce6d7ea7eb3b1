"""Sealing (封盘) a finished session, audited revisions after sealing, and reopening.

A sealed session refuses every edit (``sessions.ensure_editable``). A correction after sealing
goes through :func:`revise`: inside one transaction the session is unsealed, the change is made,
the session is sealed again, and the reason with the fingerprints before and after is written to
the audit log and the seal log. If the change fails, nothing is written and the session stays
sealed. The fingerprint (``export.fingerprint``) covers the content, so exports made after a
revision carry a different fingerprint than those made before.
"""
from __future__ import annotations

from typing import Any, Callable

import sqlite_utils

from .chain import append, chain_of
from .changes import NOTHING, Change, carrying
from .db import now_iso, transaction
from .errors import UserError
from .sessions import get_session, set_status


def fingerprint(db: sqlite_utils.Database, session_id: int) -> str:
    from .export.fingerprint import session_fingerprint

    return session_fingerprint(db, session_id)


def _log(db: sqlite_utils.Database, session_id: int, action: str, operator: str, reason: str,
         before: str | None, after: str | None, *, signed: bool = False) -> None:
    """One line in the seal log; a seal or a correction is also signed with this installation's key
    and written to the audit chain with its signature (what another laptop checks)."""
    from .chain import chained

    at = now_iso()
    sig: dict = {}
    if not chained(db):  # an old database being built by a test: the log as it was then
        db.execute("INSERT INTO seal_log (session_id, at, action, operator, reason, fingerprint_before, "
                   "fingerprint_after) VALUES (?, ?, ?, ?, ?, ?, ?)", [session_id, at, action, operator, reason,
                                                                    before, after])
        if signed:
            append(db, session_id=session_id, action=SEAL_ACTIONS[action], operator=operator, reason=reason,
                   before=before, after=after)
        return
    if signed:
        from .signing import sign

        sig = sign({"uid": chain_of(db, session_id), "action": action, "at": at, "reason": reason,
                    "before": before, "after": after})
    db.execute("INSERT INTO seal_log (session_id, at, action, operator, reason, fingerprint_before, fingerprint_after, "
               "signer, signer_name, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [session_id, at, action, operator, reason, before, after, sig.get("signer"), sig.get("signer_name"),
                sig.get("signature")])
    if signed:
        append(db, session_id=session_id, action=SEAL_ACTIONS[action], at=at, operator=operator, reason=reason,
               before=before, after=after, entity="seal", ref=[], state=sig)


SEAL_ACTIONS = {"封盘": "seal.seal", "更正": "seal.correct"}  # seal_log (and the signature) keep the words


def _set_status(db: sqlite_utils.Database, session_id: int, status: str) -> None:
    db.execute("UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?", [status, now_iso(), session_id])


def seal(db: sqlite_utils.Database, *, session_id: int, operator: str = "", confirmed: bool = False,
         cache: bool = True) -> str:
    """Seal a finished session (the caller asked the user first: ``confirmed=True``); returns
    the fingerprint sealed, carrying the record (kind ``status``: every page turns read-only)."""
    s = get_session(db, session_id)
    if s.status == "sealed":
        raise UserError(f"评议会“{s.title}”已经封盘。")
    if s.status != "finished":
        raise UserError(f"评议会“{s.title}”尚未结束，不能封盘：请先结束评议会。")
    if not confirmed:
        raise UserError("封盘后本场评议会的内容不能再直接修改，请先确认。")
    digest = fingerprint(db, session_id)
    with transaction(db):
        _set_status(db, session_id, "sealed")  # the signed seal entry is the status change in the chain
        _log(db, session_id, "封盘", operator, "", None, digest, signed=True)
    if cache:
        from .history import session_results

        session_results(db, session_id)  # sealed results no longer change: cache them for the dossier
    return carrying(digest, Change.of("status", session_id))


def revise(db: sqlite_utils.Database, *, session_id: int, reason: str, change: Callable[[sqlite_utils.Database], Any],
           operator: str = "") -> tuple[Any, str, str]:
    """Run ``change(db)`` on a sealed session as an audited revision; returns
    (what change returned, fingerprint before, fingerprint after), carrying the record of what
    ``change`` returned (a Change or an object's ``.change``; without one: the session's scores)."""
    s = get_session(db, session_id)
    if s.status != "sealed":
        raise UserError(f"评议会“{s.title}”未封盘，可以直接修改，无需走更正程序。")
    reason = (reason or "").strip()
    if not reason:
        raise UserError("封盘后的更正必须填写原因。")
    before = fingerprint(db, session_id)
    with transaction(db):
        # open for the change only inside this transaction: no other reader ever sees it unsealed
        _set_status(db, session_id, "live")
        result = change(db)
        _set_status(db, session_id, "sealed")
        after = fingerprint(db, session_id)
        _log(db, session_id, "更正", operator, reason, before, after, signed=True)
    done = result if isinstance(result, Change) else getattr(result, "change", NOTHING)
    return carrying((result, before, after), done or Change.of("scores", session_id))


def revise_score(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int, criterion_id: int,
                 value: object, reason: str, operator: str = "") -> tuple[str, str]:
    """Correct one score of a sealed session; the value before and after is audited with the reason.
    Returns the fingerprints (before, after), carrying the record (that unit's scores)."""
    from .scoring import record_score

    def change(db: sqlite_utils.Database):
        got = record_score(db, session_id=session_id, expert_id=expert_id, unit_id=unit_id,
                           criterion_id=criterion_id, value=value, reason=reason, operator=operator)
        if got.before == got.after:
            raise UserError("更正后的得分与原得分相同，未作修改。")
        return got  # record_score wrote the values before and after to the chain

    revised = revise(db, session_id=session_id, reason=reason, change=change, operator=operator)
    return carrying(revised[1:], revised.change)


def reopen_session(db: sqlite_utils.Database, *, session_id: int, reason: str, operator: str = "") -> Change:
    """Reopen a finished (not sealed) session for editing: status back to 进行中, audited. Returns
    the record (kind ``status``)."""
    s = get_session(db, session_id)
    if s.status == "sealed":
        raise UserError(f"评议会“{s.title}”已封盘，不能重新打开；如需更正，请走封盘后更正程序。")
    if s.status != "finished":
        raise UserError(f"评议会“{s.title}”尚未结束，无需重新打开。")
    reason = (reason or "").strip()
    if not reason:
        raise UserError("重新打开已结束的评议会需要填写原因。")
    digest = fingerprint(db, session_id)
    with transaction(db):
        set_status(db, session_id=session_id, status="live", action="session.reopen", operator=operator, reason=reason)
        _log(db, session_id, "重新打开", operator, reason, digest, None)
    return Change.of("status", session_id)


def seal_log(db: sqlite_utils.Database, session_id: int) -> list[dict]:
    return list(db.query("SELECT at, action, operator, reason, fingerprint_before, fingerprint_after, signer, "
                         "signer_name, signature FROM seal_log WHERE session_id = ? ORDER BY id", [session_id]))
