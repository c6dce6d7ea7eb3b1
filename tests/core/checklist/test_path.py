"""The candidate's path (自查自评 … 命名), the 拟命名名单, and after naming the dossier's annual
reports, return visits and a de-listing for one of the four causes of seed 004."""
from __future__ import annotations

import pytest

from fazhi_desktop.checklist import dossier
from fazhi_desktop.checklist.steps import clear_step, notice_end, proposed_list, record_step, steps_for
from fazhi_desktop.errors import UserError
from fazhi_desktop.lifecycle import finish_session
from fazhi_desktop.roster import list_units
from fazhi_desktop.scoring import audit_log
from fazhi_desktop.sessions import SessionLocked
from fazhi_desktop.unit_links import link_units

from .conftest import make_session, rate


@pytest.fixture
def assessed(fresh_db):
    sid = make_session(fresh_db, {"职能": 5, "制度": 5}, units=("甲县", "乙县"))
    rate(fresh_db, sid, "甲县", {"met": 9, "not_applicable": 1})  # 100.00
    rate(fresh_db, sid, "乙县", {"met": 8, "unmet": 2})  # 80.00
    return sid


def uid(db, sid, name):
    return next(u.id for u in list_units(db, sid) if u.name == name)


def walk_to_notice(db, sid, unit, **onsite):
    u = uid(db, sid, unit)
    record_step(db, session_id=sid, unit_id=u, step="self_assessment", date="2024-01-10", value="95.5", outcome="自评达标")
    record_step(db, session_id=sid, unit_id=u, step="application", date="2024-01-20", outcome="已申报")
    record_step(db, session_id=sid, unit_id=u, step="preliminary", date="2024-02-01", outcome="推荐", note="市委依法治市办推荐")
    record_step(db, session_id=sid, unit_id=u, step="survey", date="2024-03-01", value="92.3", outcome="通过")
    record_step(db, session_id=sid, unit_id=u, step="onsite", date="2024-04-10", outcome=onsite.get("outcome", "通过"),
                note=onsite.get("note", "行政执法案卷抽查规范"))
    return u


def test_the_proposed_list_names_why_a_candidate_is_left_out(fresh_db, assessed):
    assert [(p.name, p.included) for p in proposed_list(fresh_db, assessed)] == [("甲县", False), ("乙县", False)]
    walk_to_notice(fresh_db, assessed, "甲县")
    walk_to_notice(fresh_db, assessed, "乙县", outcome="限期整改")
    got = {p.name: p for p in proposed_list(fresh_db, assessed)}
    assert got["甲县"].included and str(got["甲县"].third_party) == "100.00"
    assert got["乙县"].reasons == ["第三方评估达标率 80.00% 未达到 90%", "实地核查结果为“限期整改”"]


def test_step_rules_each_refused_in_words(fresh_db, assessed):
    u = walk_to_notice(fresh_db, assessed, "甲县")
    with pytest.raises(UserError, match="甲县 / 人民群众满意度测评：满意度（%） 100.5 应在 0 到 100 之间"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="survey", value="100.5")
    with pytest.raises(UserError, match="日期 2023-12-01 早于前一步“自查自评”的日期 2024-01-10"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="application", date="2023-12-01")
    with pytest.raises(UserError, match="结果“优秀”无效，只能是：推荐、不予推荐"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="preliminary", outcome="优秀")
    with pytest.raises(UserError, match="须先完成公示"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="naming", date="2024-06-01", outcome="予以命名")
    with pytest.raises(UserError, match="收到异议 2 件，结果不能是“无异议”"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="notice", date="2024-05-06", end_date="2024-05-12",
                    objections=2, outcome="无异议")
    with pytest.raises(UserError, match="公示结束日期 2024-05-01 早于开始日期 2024-05-06"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="notice", date="2024-05-06", end_date="2024-05-01")
    assert notice_end("2024-05-06") == "2024-05-12"  # seven days, both ends counted
    record_step(fresh_db, session_id=assessed, unit_id=u, step="notice", date="2024-05-06", end_date="2024-05-12",
                objections=1, outcome="异议不成立", note="反映执法公示不全，经核实已整改")
    with pytest.raises(UserError, match="应在公示期满（2024-05-12）之后"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="naming", date="2024-05-10", outcome="予以命名")
    named = record_step(fresh_db, session_id=assessed, unit_id=u, step="naming", date="2024-06-01",
                        outcome="予以命名", note="晋法治办〔2024〕5号")
    assert named.summary() == "2024-06-01 予以命名"
    other = uid(fresh_db, assessed, "乙县")
    with pytest.raises(UserError, match="不在拟命名名单中"):
        record_step(fresh_db, session_id=assessed, unit_id=other, step="naming", outcome="予以命名")
    record_step(fresh_db, session_id=assessed, unit_id=u, step="survey", date="2024-03-01", value="93", outcome="通过")
    assert audit_log(fresh_db, assessed)[-1]["before"] == "2024-03-01 通过（92.3%）"
    clear_step(fresh_db, session_id=assessed, unit_id=other, step="naming")  # nothing there: nothing happens
    finish_session(fresh_db, session_id=assessed, override_reason="乙县未完成实地核查")
    with pytest.raises(SessionLocked, match="创建进程只读"):
        record_step(fresh_db, session_id=assessed, unit_id=u, step="survey", value="90")
    assert steps_for(fresh_db, assessed)[(u, "naming")].note == "晋法治办〔2024〕5号"


def test_after_naming_the_dossier_keeps_reports_visits_and_a_delisting(fresh_db, assessed):
    u = walk_to_notice(fresh_db, assessed, "甲县")
    with pytest.raises(UserError, match="没有被命名为示范单位"):
        dossier.add_annual_report(fresh_db, unit_name="甲县", year=2024, date="2025-03-01")
    record_step(fresh_db, session_id=assessed, unit_id=u, step="notice", date="2024-05-06", end_date="2024-05-12",
                objections=0, outcome="无异议")
    record_step(fresh_db, session_id=assessed, unit_id=u, step="naming", date="2024-06-01", outcome="予以命名")
    link_units(fresh_db, old_name="甲县", new_name="甲市")  # 撤县设市: the dossier follows the new name
    dossier.add_annual_report(fresh_db, unit_name="甲市", year=2024, date="2025-03-01", note="已在政府网站公开")
    with pytest.raises(UserError, match="2024 年度报告已经记录过"):
        dossier.add_annual_report(fresh_db, unit_name="甲市", year=2024, date="2025-03-02")
    with pytest.raises(UserError, match="早于命名日期 2024-06-01"):
        dossier.add_return_visit(fresh_db, unit_name="甲市", date="2024-01-01", outcome="符合示范要求")
    with pytest.raises(UserError, match="须先记录一次结论为“不符合示范要求”的回访核查"):
        dossier.delist(fresh_db, unit_name="甲市", date="2025-09-01", cause="below_standard")
    with pytest.raises(UserError, match="须写明具体原因"):
        dossier.delist(fresh_db, unit_name="甲市", date="2025-09-01", cause="other")
    with pytest.raises(UserError, match="只能是以下情形之一"):
        dossier.delist(fresh_db, unit_name="甲市", date="2025-09-01", cause="")
    dossier.add_return_visit(fresh_db, unit_name="甲市", date="2025-08-01", outcome="不符合示范要求",
                             note="重大行政决策未经合法性审查")
    record = dossier.delist(fresh_db, unit_name="甲市", date="2025-09-01", cause="below_standard", reason="回访核查不达标")
    assert record.text() == "摘牌：在回访核查中证实已经达不到示范市县要求（回访核查不达标）"
    status = dossier.demonstration_status(fresh_db, "甲县")
    assert status.state == "已摘牌" and [r.kind for r in status.records] == ["annual_report", "return_visit", "delisting"]
    with pytest.raises(UserError, match="已于 2025-09-01 摘牌"):
        dossier.add_annual_report(fresh_db, unit_name="甲市", year=2025, date="2026-03-01")
    assert [s.name for s in dossier.demonstration_units(fresh_db)] == ["甲县"]
    assert audit_log(fresh_db, assessed)[-1]["action"] == "示范单位摘牌"
    assert set(dossier.CAUSES) == {"violation", "fraud", "below_standard", "other"}
