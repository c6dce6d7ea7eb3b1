"""A session's life (筹备中 → 进行中 → 已结束 → 已封盘) and the one rule for what may change."""
from __future__ import annotations

import time

import pytest

from fazhi_desktop.errors import UserError
from fazhi_desktop.imports import import_units
from fazhi_desktop.lifecycle import FinishRefused, finish_check, finish_session
from fazhi_desktop.live import LiveMeeting
from fazhi_desktop.questions import add_question
from fazhi_desktop.roster import add_expert, add_unit, draw_order, set_recusal
from fazhi_desktop.score_imports import import_scores
from fazhi_desktop.scoring import audit_log, record_score, set_external, submit
from fazhi_desktop.seal import reopen_session, revise_score, seal
from fazhi_desktop.sessions import (SessionLocked, create_session, get_session, load_template, set_status,
                                    set_template, update_session)
from fazhi_desktop.template import parse_template

TEMPLATE = parse_template({"name": "测试", "criteria": [{"name": "甲", "max": 10}, {"name": "乙", "max": 10}],
                           "components": [{"name": "评议团评分", "weight": 60, "source": "experts"},
                                          {"name": "社会评议", "weight": 40, "source": "external"}]})

# The rule, written out by hand (not derived from the code's table): what each status lets change.
EXPECTED = {
    "draft": {"meeting", "summary", "roster", "template", "draw", "recusals", "scores", "external", "questions", "live"},
    "live": {"meeting", "summary", "roster", "template", "recusals", "scores", "external", "questions", "live"},
    "finished": {"summary"},
    "sealed": set(),
}


@pytest.mark.parametrize("status", list(EXPECTED))
def test_the_rule_for_each_status(fresh_db, status):
    sid = create_session(fresh_db, title="规则", template=TEMPLATE)
    set_status(fresh_db, session_id=sid, status=status)
    s = get_session(fresh_db, sid)
    for what in EXPECTED["draft"]:
        assert s.editable(what) == (what in EXPECTED[status]), (status, what)
    if status == "finished":
        assert "重新打开" in s.why_locked("scores")
    if status == "sealed":
        assert "封盘后更正" in s.why_locked("scores")


@pytest.fixture
def meeting(fresh_db):
    """Two units (二局 absent later in some tests), three experts; 陈敏 recused from 一局."""
    db = fresh_db
    sid = create_session(db, title="年度评议", template=TEMPLATE)
    u1 = add_unit(db, session_id=sid, name="一局")
    u2 = add_unit(db, session_id=sid, name="二局")
    e1 = add_expert(db, session_id=sid, name="周立")
    e2 = add_expert(db, session_id=sid, name="陈敏")
    e3 = add_expert(db, session_id=sid, name="黄振")
    set_recusal(db, session_id=sid, expert_id=e2.id, unit_id=u1.id, recused=True)
    leaves = [leaf.id for _p, leaf in load_template(db, sid).leaves()]
    return db, sid, (u1, u2), (e1, e2, e3), leaves


def put(db, sid, e, u, leaf, v):
    record_score(db, session_id=sid, expert_id=e.id, unit_id=u.id, criterion_id=leaf, value=v)


def test_finish_check_lists_missing_sheets_by_hand(meeting):
    db, sid, (u1, u2), (e1, e2, e3), (a, b) = meeting
    put(db, sid, e1, u1, a, "8")
    put(db, sid, e1, u1, b, "9")       # 周立/一局 complete, not submitted
    put(db, sid, e3, u1, a, "7")       # 黄振/一局 one of two
    check = finish_check(db, sid)
    # 一局: 陈敏 recused; 黄振 lacks 乙. 二局: all three lack both.
    assert [g.text() for g in check.incomplete] == [
        "一局 / 黄振：缺 1 项（乙）", "二局 / 周立：未评分（2 项）", "二局 / 陈敏：未评分（2 项）", "二局 / 黄振：未评分（2 项）"]
    assert [g.text() for g in check.unsubmitted] == ["一局 / 周立：已评完，未提交"]


def test_finish_refused_while_sheets_are_missing_and_nothing_changes(meeting):
    db, sid, units, experts, leaves = meeting
    LiveMeeting(db, sid).begin()
    audit_before = len(audit_log(db, sid))
    with pytest.raises(FinishRefused) as info:
        finish_session(db, session_id=sid)
    assert "还有 5 份评分未完成" in str(info.value) and "二局 / 陈敏：未评分（2 项）" in str(info.value)
    assert get_session(db, sid).status == "live"
    assert len(audit_log(db, sid)) == audit_before


def test_absent_units_need_no_scores_and_complete_sheets_are_submitted_at_the_end(meeting):
    db, sid, (u1, u2), (e1, e2, e3), (a, b) = meeting
    LiveMeeting(db, sid).mark_absent(u2.id)
    for e in (e1, e3):
        put(db, sid, e, u1, a, "8")
        put(db, sid, e, u1, b, "6")
    submit(db, session_id=sid, expert_id=e1.id, unit_id=u1.id)
    check = finish_session(db, session_id=sid)
    assert check.ok and [g.expert for g in check.unsubmitted] == ["黄振"]
    assert get_session(db, sid).status == "finished"
    assert db.execute("SELECT count(*) FROM submissions WHERE session_id = ?", [sid]).fetchone()[0] == 2
    actions = [(r["action"], r["expert"], r["reason"]) for r in audit_log(db, sid)]
    assert ("提交评分", "黄振", "结束评议会时一并提交") in actions and actions[-1][0] == "结束评议会"


def test_an_override_needs_a_reason_and_records_each_gap(meeting):
    db, sid, units, experts, leaves = meeting
    with pytest.raises(FinishRefused):
        finish_session(db, session_id=sid, override_reason="   ")
    finish_session(db, session_id=sid, override_reason="黄振专家提前离会，经评议组同意")
    rows = audit_log(db, sid)
    end = [r for r in rows if r["action"] == "结束评议会"]
    assert end and end[0]["reason"] == "黄振专家提前离会，经评议组同意"
    gaps = [r for r in rows if r["action"] == "结束时未完成评分"]
    assert len(gaps) == 5 and {r["unit"] for r in gaps} == {"一局", "二局"}
    with pytest.raises(UserError, match="已经已结束|已经"):
        finish_session(db, session_id=sid, override_reason="再来一次")


def test_finishing_stops_a_running_timer_and_keeps_its_time(meeting):
    db, sid, units, experts, leaves = meeting
    started = time.time() - 30  # the report began 30 s ago (another process, or before a restart)
    m = LiveMeeting(db, sid, wall=lambda: started)
    m.begin()
    m.start()
    finish_session(db, session_id=sid, override_reason="测试")
    running, = db.execute("SELECT running FROM live_state WHERE session_id = ?", [sid]).fetchone()
    seconds, = db.execute("SELECT seconds FROM unit_timing WHERE unit_id = ? AND phase = 'report'",
                          [units[0].id]).fetchone()
    assert running == 0 and 29 <= seconds <= 40


def test_every_service_refuses_a_finished_session_and_stores_nothing(meeting, tmp_path):
    db, sid, (u1, u2), (e1, e2, e3), (a, b) = meeting
    finish_session(db, session_id=sid, override_reason="测试")
    units_csv = tmp_path / "units.csv"
    units_csv.write_text("单位名称\n三局\n", encoding="utf-8")
    scores_csv = tmp_path / "scores.csv"
    scores_csv.write_text("专家,单位,指标,得分\n周立,一局,甲,8\n", encoding="utf-8")
    attempts = {
        "add_unit": lambda: add_unit(db, session_id=sid, name="三局"),
        "import units": lambda: import_units(db, session_id=sid, path=units_csv),
        "import scores": lambda: import_scores(db, session_id=sid, path=scores_csv),
        "record_score": lambda: put(db, sid, e1, u1, a, "8"),
        "external": lambda: set_external(db, session_id=sid, unit_id=u1.id, component="社会评议", value="80"),
        "question": lambda: add_question(db, session_id=sid, unit_id=u1.id, text="执法记录如何归档？"),
        "template": lambda: set_template(db, session_id=sid, template=TEMPLATE),
        "recusal": lambda: set_recusal(db, session_id=sid, expert_id=e1.id, unit_id=u1.id, recused=True),
        "title": lambda: update_session(db, session_id=sid, title="改名"),
        "live": lambda: LiveMeeting(db, sid).begin(),
    }
    counts = lambda: [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: E731
                      for t in ("units", "scores", "external_values", "questions", "recusals", "audit_log")]
    before = counts()
    for name, attempt in attempts.items():
        with pytest.raises(SessionLocked, match="已结束.*重新打开"):
            attempt()
    assert counts() == before and get_session(db, sid).title == "年度评议"
    # the chair's summary is written after the last unit, until the session is sealed
    assert update_session(db, session_id=sid, summary="评议组认为……") == {"summary": "评议组认为……"}


def test_the_draw_is_for_the_setup_only(meeting):
    db, sid, *_ = meeting
    LiveMeeting(db, sid).begin()
    with pytest.raises(SessionLocked, match="已开始现场评议，不能再抽签"):
        draw_order(db, session_id=sid, seed="123456")


def test_seal_reopen_and_revise(meeting):
    db, sid, (u1, u2), (e1, e2, e3), (a, b) = meeting
    with pytest.raises(UserError, match="尚未结束"):
        seal(db, session_id=sid, confirmed=True)
    finish_session(db, session_id=sid, override_reason="测试")
    reopen_session(db, session_id=sid, reason="补录评分")
    assert get_session(db, sid).status == "live"
    put(db, sid, e1, u1, a, "8")
    finish_session(db, session_id=sid, override_reason="测试")
    digest = seal(db, session_id=sid, confirmed=True)
    with pytest.raises(SessionLocked, match="已封盘.*封盘后更正"):
        put(db, sid, e1, u1, a, "9")
    with pytest.raises(UserError, match="已封盘，不能重新打开"):
        reopen_session(db, session_id=sid, reason="想改")
    before, after = revise_score(db, session_id=sid, expert_id=e1.id, unit_id=u1.id, criterion_id=a, value="9",
                                 reason="纸质评分表核对有误")
    assert before == digest and after != digest and get_session(db, sid).status == "sealed"
