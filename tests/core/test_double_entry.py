"""双人录入核对: the second, blind entry of paper sheets, and what it does to the results.

Hand-worked session: template 依法决策 (max 50) + 执法规范 (max 50), experts 周立 and 陈敏.
  甲局: 周立 40 + 45 = 85, 陈敏 42 + 44 = 86 → final (85 + 86) / 2 = 85.5
  乙局: 周立 45 + 45 = 90, 陈敏 44.5 + 45.5 = 90 → final 90
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi_desktop import double_entry as de
from fazhi_desktop.errors import ImportRefused, UserError
from fazhi_desktop.lifecycle import finish_session
from fazhi_desktop.results import compute_results, results_json, results_text
from fazhi_desktop.roster import add_expert, add_unit
from fazhi_desktop.scoring import audit_log, record_score, scores_for, submit
from fazhi_desktop.sessions import create_session, load_template
from fazhi_desktop.template import parse_template

TEMPLATE = {"name": "核对测试", "criteria": [{"name": "依法决策", "max": 50}, {"name": "执法规范", "max": 50}]}
SHEETS = {("周立", "甲局"): ("40", "45"), ("陈敏", "甲局"): ("42", "44"),
          ("周立", "乙局"): ("45", "45"), ("陈敏", "乙局"): ("44.5", "45.5")}


def build(db):
    """The hand-worked session, every sheet entered once; (db, session id, units, experts, leaf ids)."""
    sid = create_session(db, title="核对评议", template=parse_template(TEMPLATE))
    units = {n: add_unit(db, session_id=sid, name=n) for n in ("甲局", "乙局")}
    experts = {n: add_expert(db, session_id=sid, name=n) for n in ("周立", "陈敏")}
    leaves = [leaf.id for _p, leaf in load_template(db, sid).leaves()]
    for (e, u), values in SHEETS.items():
        for cid, v in zip(leaves, values):
            record_score(db, session_id=sid, expert_id=experts[e].id, unit_id=units[u].id, criterion_id=cid, value=v)
    return db, sid, units, experts, leaves


@pytest.fixture
def s(fresh_db):
    return build(fresh_db)


def ranked(db, sid):
    return {u.name: (u.final, u.rank, u.unchecked_scores) for u in compute_results(db, sid).units}


def test_unchecked_unit_has_no_final_until_its_difference_is_resolved(s):
    db, sid, units, experts, (decide, enforce) = s
    assert ranked(db, sid) == {"甲局": (Decimal("85.5"), 2, 0), "乙局": (Decimal("90"), 1, 0)}  # switch off: as ever
    assert de.set_double_entry(db, session_id=sid, enabled=True, operator="王秘书")
    assert ranked(db, sid) == {"甲局": (None, None, 4), "乙局": (None, None, 4)}
    # 甲局 entered again, equal (42.0 is 42: exact decimals, not text)
    for e in ("周立", "陈敏"):
        a, b = SHEETS[(e, "甲局")]
        assert de.record_second_entry(db, session_id=sid, expert_id=experts[e].id, unit_id=units["甲局"].id,
                                      values={decide: a + ".0", enforce: b}) == []
    # 乙局: 陈敏's 执法规范 read as 45 the second time (the sheet says 45.5)
    assert de.record_second_entry(db, session_id=sid, expert_id=experts["周立"].id, unit_id=units["乙局"].id,
                                  values={decide: "45", enforce: "45"}) == []
    diffs = de.record_second_entry(db, session_id=sid, expert_id=experts["陈敏"].id, unit_id=units["乙局"].id,
                                   values={decide: "44.5", enforce: "45"})
    assert [(d.criterion, d.stored, d.second) for d in diffs] == [("执法规范", Decimal("45.5"), Decimal("45"))]
    assert ranked(db, sid) == {"甲局": (Decimal("85.5"), 1, 0), "乙局": (None, None, 1)}
    out = {u["name"]: u for u in results_json(compute_results(db, sid))["units"]}
    assert (out["乙局"]["final"], out["乙局"]["rank"], out["乙局"]["status"], out["乙局"]["unchecked_scores"]) == \
        (None, None, "incomplete", 1)
    assert out["甲局"]["unchecked_scores"] == 0 and out["甲局"]["final"] == 85.5
    assert "1 项分数待双人核对" in next(line for line in results_text(compute_results(db, sid)).splitlines()
                                 if "乙局" in line)
    # resolved with the paper's value (the first entry's) and a reason: both ranked
    d = diffs[0]
    de.resolve_difference(db, session_id=sid, expert_id=d.expert_id, unit_id=d.unit_id, criterion_id=d.criterion_id,
                          value="45.5", second=d.second, reason="以纸质评分表为准，第二次看错", operator="李核对")
    assert ranked(db, sid) == {"甲局": (Decimal("85.5"), 2, 0), "乙局": (Decimal("90"), 1, 0)}
    entry = audit_log(db, sid, unit="乙局")[-1]
    assert (entry["action"], entry["before"], entry["after"], entry["operator"]) == ("核对差异", "45.5", "45.5", "李核对")
    assert entry["reason"] == "以纸质评分表为准，第二次看错（第二次录入 45）"
    # a later edit of a checked score un-checks it by itself
    record_score(db, session_id=sid, expert_id=experts["周立"].id, unit_id=units["甲局"].id, criterion_id=decide,
                 value="41")
    assert ranked(db, sid)["甲局"] == (None, None, 1)
    assert de.unchecked_counts(db, sid) == {units["甲局"].id: 1, units["乙局"].id: 0}
    # switched off, every score counts again
    de.set_double_entry(db, session_id=sid, enabled=False)
    assert ranked(db, sid)["甲局"] == (Decimal("86"), 2, 0)  # (86 + 86) / 2
    actions = [r["action"] for r in audit_log(db, sid)]
    assert "开启双人录入核对" in actions and "关闭双人录入核对" in actions


def test_compare_missing_score_and_bad_value(s):
    db, sid, units, experts, (decide, enforce) = s
    db.execute("DELETE FROM scores WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
               [experts["周立"].id, units["甲局"].id, enforce])
    diffs = de.compare(db, sid, [(experts["周立"].id, units["甲局"].id, decide, "40.00", 7),
                                 (experts["周立"].id, units["甲局"].id, enforce, "45", 8)])
    assert [d.line() for d in diffs] == ["第8行　周立　甲局　执法规范　未录入　第二次 45"]
    with pytest.raises(UserError) as err:
        de.record_second_entry(db, session_id=sid, expert_id=experts["陈敏"].id, unit_id=units["甲局"].id,
                               values={decide: "42", enforce: "51"})
    assert "陈敏 / 甲局 / 执法规范" in str(err.value) and "超出范围" in str(err.value)
    assert de.checked_values(db, sid) == {}  # the agreeing 42 was not marked either


def test_resolve_needs_a_reason_and_a_submitted_sheet_keeps_its_rule(s):
    db, sid, units, experts, (decide, _enforce) = s
    e, u = experts["陈敏"].id, units["甲局"].id
    submit(db, session_id=sid, expert_id=e, unit_id=u)
    with pytest.raises(UserError, match="需要填写原因"):
        de.resolve_difference(db, session_id=sid, expert_id=e, unit_id=u, criterion_id=decide, value="43", reason=" ")
    de.resolve_difference(db, session_id=sid, expert_id=e, unit_id=u, criterion_id=decide, value="43",
                          reason="纸质表为 43")
    assert scores_for(db, sid, u)[(e, u, decide)] == Decimal("43")
    assert de.checked_values(db, sid)[(e, u, decide)] == Decimal("43")
    changed = [r for r in audit_log(db, sid) if r["action"] == "修改已提交评分"]
    assert [(r["before"], r["after"], r["reason"]) for r in changed] == [("42", "43", "纸质表为 43")]


def test_file_check_all_equal_marks_checked_difference_and_bad_row_store_nothing(s, tmp_path):
    db, sid, units, experts, (decide, enforce) = s
    good = tmp_path / "second.csv"
    lines = ["专家,单位,指标,得分"] + [f"{e},{u},{c},{v}" for (e, u), vs in SHEETS.items() if u == "甲局"
                                       for c, v in zip(("依法决策", "执法规范"), vs)]
    good.write_text("\n".join(lines), encoding="gb18030")
    result = de.check_scores_file(db, session_id=sid, path=good)
    assert (result.checked, result.unchecked_left, result.enabled) == (4, 4, False)
    assert set(de.checked_values(db, sid)) == {(experts[e].id, units["甲局"].id, c) for e in ("周立", "陈敏")
                                               for c in (decide, enforce)}
    before = de.checked_values(db, sid)
    differ = tmp_path / "differ.csv"
    differ.write_text("专家,单位,指标,得分\n周立,乙局,依法决策,45\n陈敏,乙局,执法规范,45\n", encoding="utf-8")
    with pytest.raises(de.EntriesDiffer) as err:
        de.check_scores_file(db, session_id=sid, path=differ)
    assert err.value.problems == ["第3行　陈敏　乙局　执法规范　已录入 45.5　第二次 45"]
    bad = tmp_path / "bad.csv"
    bad.write_text("专家,单位,指标,得分\n周立,乙局,依法决策,45\n周立,乙局,无此项,5\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="整个文件未导入"):
        de.check_scores_file(db, session_id=sid, path=bad)
    assert de.checked_values(db, sid) == before


def test_switch_is_refused_once_the_session_is_finished(s):
    db, sid, *_ = s
    finish_session(db, session_id=sid, override_reason="测试")
    with pytest.raises(UserError, match="已结束"):
        de.set_double_entry(db, session_id=sid, enabled=True)
    assert not de.double_entry_enabled(db, sid)


def test_ending_lists_unchecked_scores_and_a_stated_reason_settles_them(s):
    """结束 treats a sheet with unchecked scores as not complete: refused with it named; ended with a
    reason, the results count what was accepted (so the fingerprint and a package copy agree)."""
    from fazhi_desktop.lifecycle import FinishRefused

    db, sid, units, experts, (decide, enforce) = s
    de.set_double_entry(db, session_id=sid, enabled=True)
    for (e, u), (a, b) in SHEETS.items():
        if (e, u) != ("陈敏", "乙局"):
            assert de.record_second_entry(db, session_id=sid, expert_id=experts[e].id, unit_id=units[u].id,
                                          values={decide: a, enforce: b}) == []
    with pytest.raises(FinishRefused) as refused:
        finish_session(db, session_id=sid)
    assert "待双人核对" in str(refused.value)
    assert [g.text() for g in refused.value.check.incomplete] == ["乙局 / 陈敏：2 项分数待双人核对（依法决策、执法规范）"]
    assert ranked(db, sid)["乙局"] == (None, None, 2)
    finish_session(db, session_id=sid, override_reason="纸质表由组长当场确认")
    assert ranked(db, sid) == {"甲局": (Decimal("85.5"), 2, 0), "乙局": (Decimal("90"), 1, 0)}
    assert any("待双人核对" in e["reason"] for e in audit_log(db, sid, unit="乙局"))
