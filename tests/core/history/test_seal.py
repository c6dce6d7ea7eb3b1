"""Sealing: only finished sessions, only confirmed; sealed refuses edits; a revision is audited,
keeps the session sealed and changes the fingerprint; reopening a finished session is audited."""
from __future__ import annotations

import pytest

from fazhi_desktop import seal
from fazhi_desktop.errors import UserError
from fazhi_desktop.export.fingerprint import session_fingerprint
from fazhi_desktop.results import compute_results
from fazhi_desktop.scoring import audit_log, record_score
from fazhi_desktop.sessions import get_session, update_session


def _a_score(db, sid=1):
    return db.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = ? "
                      "ORDER BY unit_id, expert_id, criterion_id LIMIT 1", [sid]).fetchone()


def test_seal_needs_finished_and_confirmation(demo_db):
    with pytest.raises(UserError, match="尚未结束"):
        seal.seal(demo_db, session_id=2, confirmed=True)
    with pytest.raises(UserError, match="确认"):
        seal.seal(demo_db, session_id=1)
    assert get_session(demo_db, 1).status == "finished"
    digest = seal.seal(demo_db, session_id=1, operator="何静", confirmed=True)
    assert get_session(demo_db, 1).status == "sealed"
    assert digest == session_fingerprint(demo_db, 1)
    assert audit_log(demo_db, 1)[-1]["action"] == "封盘"
    with pytest.raises(UserError, match="已经封盘"):
        seal.seal(demo_db, session_id=1, confirmed=True)


def test_sealed_session_refuses_a_score_change_and_a_revision_is_audited(demo_db):
    seal.seal(demo_db, session_id=1, confirmed=True)
    e, u, c, value = _a_score(demo_db)
    finals = [x.final for x in compute_results(demo_db, 1).units]
    with pytest.raises(UserError, match="封盘"):
        record_score(demo_db, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value=0, reason="笔误")
    with pytest.raises(UserError, match="封盘"):
        update_session(demo_db, session_id=1, venue="别处")
    assert _a_score(demo_db)[3] == value
    with pytest.raises(UserError, match="原因"):
        seal.revise_score(demo_db, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value=1, reason=" ")
    new_value = "1" if value != "1" else "2"
    before, after = seal.revise_score(demo_db, session_id=1, expert_id=e, unit_id=u, criterion_id=c,
                                      value=new_value, reason="评分表誊录笔误，经专家签字确认", operator="何静")
    assert get_session(demo_db, 1).status == "sealed"
    assert _a_score(demo_db)[3] == new_value
    assert before != after == session_fingerprint(demo_db, 1)
    log = audit_log(demo_db, 1)
    change = next(r for r in log if r["before"] == value and r["after"] == new_value)
    assert change["reason"] == "评分表誊录笔误，经专家签字确认" and change["operator"] == "何静"
    assert log[-1]["action"] == "封盘后更正" and (log[-1]["before"], log[-1]["after"]) == (before, after)
    assert [r["action"] for r in seal.seal_log(demo_db, 1)] == ["封盘", "更正"]
    assert [x.final for x in compute_results(demo_db, 1).units] != finals


def test_failed_revision_changes_nothing(demo_db):
    seal.seal(demo_db, session_id=1, confirmed=True)
    e, u, c, value = _a_score(demo_db)
    digest = session_fingerprint(demo_db, 1)
    with pytest.raises(UserError, match="超出范围"):
        seal.revise_score(demo_db, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value=999, reason="更正")
    assert get_session(demo_db, 1).status == "sealed"
    assert session_fingerprint(demo_db, 1) == digest and seal.seal_log(demo_db, 1)[-1]["action"] == "封盘"
    with pytest.raises(UserError, match="未封盘"):
        seal.revise(demo_db, session_id=2, reason="x", change=lambda db: None)


def test_reopen_finished_session_is_audited(demo_db):
    with pytest.raises(UserError, match="原因"):
        seal.reopen_session(demo_db, session_id=1, reason="")
    seal.reopen_session(demo_db, session_id=1, reason="补录一位专家的提问", operator="何静")
    assert get_session(demo_db, 1).status == "live"
    entry = audit_log(demo_db, 1)[-1]
    assert (entry["action"], entry["reason"]) == ("重新打开", "补录一位专家的提问")
    with pytest.raises(UserError, match="尚未结束"):
        seal.reopen_session(demo_db, session_id=1, reason="再开")
