"""Score entry services: checks at entry, locking, reasons, the audit log, external values."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi_desktop.errors import UserError
from fazhi_desktop.roster import add_expert, add_unit, set_recusal
from fazhi_desktop.scoring import (audit_log, check_score, missing_leaves, record_score, reopen, scores_for,
                                   set_external, sheet_states, submit)
from fazhi_desktop.sessions import create_session, load_template, set_status
from fazhi_desktop.template import parse_template

TEMPLATE = parse_template({"name": "测试", "criteria": [
    {"name": "甲", "max": 10}, {"name": "乙", "children": [{"name": "乙一", "max": 5}, {"name": "乙二", "max": 5}]}],
    "components": [{"name": "评议团评分", "weight": 60, "source": "experts"},
                   {"name": "社会评议", "weight": 40, "source": "external"}]})


@pytest.fixture
def s(fresh_db):
    sid = create_session(fresh_db, title="录入测试", template=TEMPLATE)
    unit = add_unit(fresh_db, session_id=sid, name="一局")
    other = add_unit(fresh_db, session_id=sid, name="二局")
    expert = add_expert(fresh_db, session_id=sid, name="周立")
    second = add_expert(fresh_db, session_id=sid, name="陈敏")
    leaves = [leaf for _p, leaf in load_template(fresh_db, sid).leaves()]
    return fresh_db, sid, unit, other, expert, second, leaves


def put(db, sid, expert, unit, leaf, value, **kw):
    return record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value=value, **kw)


@pytest.mark.parametrize("raw, expected", [("8.5", Decimal("8.5")), ("10", Decimal(10)), (" 0 ", Decimal(0)),
                                           ("７.５", Decimal("7.5")), (7.25, Decimal("7.25")), ("-0", Decimal(0))])
def test_check_score_accepts(raw, expected):
    assert check_score(raw, Decimal(10)) == expected


@pytest.mark.parametrize("raw, words", [("abc", "不是数字"), ("10.5", "超出范围"), ("-1", "超出范围"),
                                        ("8.125", "两位小数"), ("nan", "不是数字"), ("", "不是数字")])
def test_check_score_refuses_with_reason(raw, words):
    with pytest.raises(UserError) as info:
        check_score(raw, Decimal(10), where="周立 / 一局 / 甲")
    assert words in info.value.message and "周立 / 一局 / 甲" in info.value.message


def test_record_stores_at_once_and_refuses_invalid(s):
    db, sid, unit, _o, expert, _e2, leaves = s
    change = put(db, sid, expert, unit, leaves[0], "8.5")
    assert (change.before, change.after, change.audited) == (None, Decimal("8.5"), False)
    assert scores_for(db, sid) == {(expert.id, unit.id, leaves[0].id): Decimal("8.5")}
    with pytest.raises(UserError, match="超出范围"):
        put(db, sid, expert, unit, leaves[1], "6")
    assert len(scores_for(db, sid)) == 1
    put(db, sid, expert, unit, leaves[0], None)  # clearing before submission: not audited
    assert scores_for(db, sid) == {} and audit_log(db, sid) == []


def test_submit_needs_complete_sheet_then_locks(s):
    db, sid, unit, _o, expert, _e2, leaves = s
    put(db, sid, expert, unit, leaves[0], "8")
    with pytest.raises(UserError, match="还有 2 项未评分"):
        submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id)
    assert missing_leaves(db, sid, expert.id, unit.id) == ["乙/乙一", "乙/乙二"]
    put(db, sid, expert, unit, leaves[1], "4")
    put(db, sid, expert, unit, leaves[2], "4.5")
    assert sheet_states(db, sid, unit.id)[expert.id] == "complete"
    submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, operator="何静")
    submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, operator="何静")  # twice: one log line
    assert [r["action"] for r in audit_log(db, sid)] == ["提交评分"]
    assert sheet_states(db, sid, unit.id)[expert.id] == "submitted"
    with pytest.raises(UserError, match="需要填写原因"):
        put(db, sid, expert, unit, leaves[0], "9")
    assert scores_for(db, sid)[(expert.id, unit.id, leaves[0].id)] == Decimal(8)
    change = put(db, sid, expert, unit, leaves[0], "9", reason="专家更正笔误", operator="何静")
    assert change.audited
    last = audit_log(db, sid)[-1]
    assert (last["expert"], last["unit"], last["criterion"], last["before"], last["after"], last["reason"],
            last["operator"]) == ("周立", "一局", "甲", "8", "9", "专家更正笔误", "何静")
    assert last["at"]


def test_audit_log_is_append_only_and_filterable(s):
    db, sid, unit, other, expert, second, leaves = s
    for e, u in ((expert, unit), (second, other)):
        for leaf in leaves:
            put(db, sid, e, u, leaf, "5")
        submit(db, session_id=sid, expert_id=e.id, unit_id=u.id)
    put(db, sid, second, other, leaves[0], "6", reason="更正")
    assert len(audit_log(db, sid)) == 3
    assert [r["action"] for r in audit_log(db, sid, expert="陈敏")] == ["提交评分", "修改已提交评分"]
    assert len(audit_log(db, sid, unit="一局")) == 1
    assert audit_log(db, sid, expert="周立", unit="二局") == []
    with pytest.raises(Exception):
        db.execute("UPDATE audit_log SET reason = 'x'")
    with pytest.raises(Exception):
        db.execute("DELETE FROM audit_log")


def test_reopen_needs_reason_and_clearing_a_locked_score_unlocks(s):
    db, sid, unit, _o, expert, _e2, leaves = s
    for leaf in leaves:
        put(db, sid, expert, unit, leaf, "5")
    submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id)
    with pytest.raises(UserError, match="原因"):
        reopen(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, reason=" ")
    reopen(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, reason="重新评分")
    assert sheet_states(db, sid, unit.id)[expert.id] == "complete"
    submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id)
    put(db, sid, expert, unit, leaves[0], None, reason="作废")
    assert sheet_states(db, sid, unit.id)[expert.id] == "incomplete"
    assert audit_log(db, sid)[-1]["after"] is None


def test_recused_expert_cannot_score_or_submit(s):
    db, sid, unit, _o, expert, second, leaves = s
    set_recusal(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, recused=True)
    with pytest.raises(UserError, match="回避"):
        put(db, sid, expert, unit, leaves[0], "5")
    with pytest.raises(UserError, match="回避"):
        submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id)
    assert sheet_states(db, sid, unit.id) == {expert.id: "recused", second.id: "empty"}
    assert scores_for(db, sid) == {}


def test_only_leaves_of_this_session_and_not_when_sealed(s):
    db, sid, unit, _o, expert, _e2, leaves = s
    parent = db.execute("SELECT id FROM criteria WHERE session_id = ? AND max IS NULL", [sid]).fetchone()[0]
    with pytest.raises(UserError, match="末级指标"):
        record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=parent, value="1")
    with pytest.raises(UserError):
        record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=99999, value="1")
    set_status(db, session_id=sid, status="sealed")
    with pytest.raises(UserError, match="封"):
        put(db, sid, expert, unit, leaves[0], "1")


def test_external_values(s):
    db, sid, unit, _o, _e, _e2, _l = s
    assert set_external(db, session_id=sid, unit_id=unit.id, component="社会评议", value="83.5") == Decimal("83.5")
    with pytest.raises(UserError, match="超出范围"):
        set_external(db, session_id=sid, unit_id=unit.id, component="社会评议", value="101")
    with pytest.raises(UserError, match="没有外部组成部分"):
        set_external(db, session_id=sid, unit_id=unit.id, component="评议团评分", value="80")
    set_external(db, session_id=sid, unit_id=unit.id, component="社会评议", value="84")
    row = audit_log(db, sid)[-1]
    assert (row["unit"], row["criterion"], row["before"], row["after"]) == ("一局", "社会评议", "83.5", "84")


def test_absent_unit_takes_no_scores_by_hand_or_by_import(s, tmp_path):
    from fazhi_desktop.errors import ImportRefused
    from fazhi_desktop.score_imports import import_scores

    db, sid, unit, other, expert, second, leaves = s
    put(db, sid, expert, other, leaves[0], "5")
    db.execute("UPDATE units SET status = 'absent' WHERE id = ?", [unit.id])  # the console marks it absent
    with pytest.raises(UserError) as info:
        put(db, sid, expert, unit, leaves[0], "8")
    assert "一局" in info.value.message and "缺席" in info.value.message
    f = tmp_path / "s.csv"
    f.write_text(f"专家,单位,指标,得分\n周立,二局,{leaves[0].name},6\n周立,一局,{leaves[0].name},8\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        import_scores(db, session_id=sid, path=f)
    assert "第 3 行" in str(info.value) and "缺席" in str(info.value)
    assert scores_for(db, sid) == {(expert.id, other.id, leaves[0].id): Decimal(5)}  # nothing from the file
