"""Tokens and progress (what the chair's view shows), on the database directly."""
from __future__ import annotations

import pytest

from fazhi_desktop.errors import UserError
from fazhi_desktop.roster import list_experts, list_units, set_recusal
from fazhi_desktop.scoring import record_score, submit
from fazhi_desktop.serve.access import (Forbidden, SessionClosed, ensure_tokens, progress, resolve_token,
                                        revoke_token, touch)
from fazhi_desktop.sessions import load_template

SESSION = 2


def test_one_unguessable_token_per_expert_in_roster_order_issued_once(demo_db):
    first = ensure_tokens(demo_db, SESSION)
    assert [a.expert for a in first] == ["周立", "孙丽", "陈敏", "黄振", "李文华", "何静", "吴涛"]
    assert len({a.token for a in first}) == 7
    assert all(len(a.token) >= 32 for a in first)  # token_urlsafe(24): 192 bits
    assert ensure_tokens(demo_db, SESSION) == first
    assert demo_db.execute("SELECT count(*) FROM expert_tokens").fetchone()[0] == 7
    assert resolve_token(demo_db, first[2].token) == (SESSION, first[2].expert_id)


def test_revoke_issues_a_new_token_and_the_old_one_is_refused(demo_db):
    old = ensure_tokens(demo_db, SESSION)[0]
    with pytest.raises(UserError, match="需要填写原因"):
        revoke_token(demo_db, session_id=SESSION, expert_id=old.expert_id, reason="")
    new = revoke_token(demo_db, session_id=SESSION, expert_id=old.expert_id, reason="链接发错了人")
    with pytest.raises(Forbidden, match="已被会务人员停用"):
        resolve_token(demo_db, old.token)
    with pytest.raises(Forbidden, match="评分链接无效"):
        resolve_token(demo_db, "x" * 32)
    assert ensure_tokens(demo_db, SESSION)[0].token == new.token
    assert progress(demo_db, SESSION)[0].revoked == 1


def test_tokens_die_when_the_session_is_finished(demo_db):
    token = ensure_tokens(demo_db, SESSION)[0].token
    demo_db.execute("UPDATE sessions SET status = 'finished' WHERE id = ?", [SESSION])
    with pytest.raises(SessionClosed, match="本场评议会已结束，评分链接已失效"):
        resolve_token(demo_db, token)
    with pytest.raises(SessionClosed):
        ensure_tokens(demo_db, SESSION)
    with pytest.raises(UserError, match="已结束"):
        ensure_tokens(demo_db, 1)  # the finished demo meeting


def test_touch_writes_at_most_every_few_seconds(demo_db):
    token = ensure_tokens(demo_db, SESSION)[0].token
    assert touch(demo_db, token, now=1000.0) is True
    seen = demo_db.execute("SELECT last_seen_at FROM expert_tokens WHERE token = ?", [token]).fetchone()[0]
    assert seen is not None
    assert touch(demo_db, token, now=1002.0) is False
    assert touch(demo_db, token, now=1006.0) is True
    assert progress(demo_db, SESSION)[0].last_seen is not None


def test_progress_by_hand(demo_db):
    experts = list_experts(demo_db, SESSION)
    units = list_units(demo_db, SESSION)
    leaves = [leaf for _p, leaf in load_template(demo_db, SESSION).leaves()]
    ensure_tokens(demo_db, SESSION)
    a, b = experts[0], experts[1]
    for leaf in leaves:  # a scores all 6 leaves of the first unit and submits
        record_score(demo_db, session_id=SESSION, expert_id=a.id, unit_id=units[0].id, criterion_id=leaf.id, value="5")
    submit(demo_db, session_id=SESSION, expert_id=a.id, unit_id=units[0].id)
    for leaf in leaves[:2]:  # b scores 2 of the second
        record_score(demo_db, session_id=SESSION, expert_id=b.id, unit_id=units[1].id, criterion_id=leaf.id, value="5")
    set_recusal(demo_db, session_id=SESSION, expert_id=b.id, unit_id=units[2].id, recused=True)
    rows = progress(demo_db, SESSION)
    assert [p.expert for p in rows] == [e.name for e in experts]
    assert list(rows[0].units) == [u.id for u in units]
    cell = rows[0].units[units[0].id]
    assert (cell.unit, cell.scored, cell.total, cell.submitted, cell.recused) == (units[0].name, 6, 6, True, False)
    assert (rows[1].units[units[1].id].scored, rows[1].units[units[1].id].submitted) == (2, False)
    assert rows[1].units[units[2].id].recused and not rows[0].units[units[2].id].recused
    assert rows[2].units[units[0].id].scored == 0
    assert all(p.has_token and p.revoked == 0 and p.last_seen is None for p in rows)


def test_a_session_without_experts_cannot_be_served(fresh_db):
    from fazhi_desktop.library import find_template
    from fazhi_desktop.sessions import create_session

    sid = create_session(fresh_db, title="空评议会", template=find_template(fresh_db, "普法履职报告评议"))
    with pytest.raises(UserError, match="还没有评议专家"):
        ensure_tokens(fresh_db, sid)
