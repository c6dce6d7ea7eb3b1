"""The 90% rule, worked by hand (CONTRACT.md, checklist results): exact rate, shown half up to 2
decimals, passed on the exact rate, shared ranks, incomplete while an indicator is unrated."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from fazhi_desktop.checklist.results import (Tally, checklist_results_json, compute_checklist_results, exact_rate,
                                             passes, verdict)
from fazhi_desktop.results import round_half_up

from .conftest import make_session, rate


def unit(res, name):
    return next(u for u in res["units"] if u["name"] == name)


def results(db, sid):
    return checklist_results_json(compute_checklist_results(db, sid))


def test_ninety_of_a_hundred_passes(fresh_db, hundred):
    rate(fresh_db, hundred, "甲县", {"met": 90, "unmet": 10})
    u = unit(results(fresh_db, hundred), "甲县")
    assert (u["met"], u["partial"], u["unmet"], u["not_applicable"], u["applicable"]) == (90, 0, 10, 0, 100)
    assert u["status"] == "complete" and u["rate"] == 90.0 and u["passed"] is True and u["rank"] == 1


def test_86_of_95_applicable_passes_at_90_53(fresh_db, hundred):
    # 86 met, 9 unmet, 5 不适用: 86 / 95 = 0.905263… → 90.526… → 90.53
    rate(fresh_db, hundred, "乙县", {"met": 86, "unmet": 9, "not_applicable": 5})
    u = unit(results(fresh_db, hundred), "乙县")
    assert (u["applicable"], u["not_applicable"]) == (95, 5)
    assert u["rate"] == 90.53 and u["passed"] is True


def test_89_of_99_fails_at_89_90(fresh_db, hundred):
    # 89 met, 10 unmet, 1 不适用: 89 / 99 = 0.898989… → 89.90, below 90
    rate(fresh_db, hundred, "丙县", {"met": 89, "unmet": 10, "not_applicable": 1})
    u = unit(results(fresh_db, hundred), "丙县")
    assert u["applicable"] == 99 and u["rate"] == 89.9 and u["passed"] is False


def test_partial_weight_half_changes_the_rate_as_defined(fresh_db):
    areas = {"职能": 50, "制度": 50}
    plain = make_session(fresh_db, areas, partial_weight=0)
    half = make_session(fresh_db, areas, partial_weight=0.5)
    for sid in (plain, half):
        rate(fresh_db, sid, "甲县", {"met": 88, "partial": 4, "unmet": 8})
    # weight 0: 88 / 100 = 88.00, fails; weight 0.5: (88 + 0.5 × 4) / 100 = 90.00, passes
    assert (unit(results(fresh_db, plain), "甲县")["rate"], unit(results(fresh_db, plain), "甲县")["passed"]) == (88.0, False)
    u = unit(results(fresh_db, half), "甲县")
    assert (u["partial"], u["rate"], u["passed"]) == (4, 90.0, True)
    # and 80 met, 10 partial, 10 unmet: 80.00 against (80 + 5) / 100 = 85.00
    assert exact_rate(Tally(met=80, partial=10, unmet=10), Decimal(0)) == 80
    assert exact_rate(Tally(met=80, partial=10, unmet=10), Decimal("0.5")) == 85


def test_one_unrated_indicator_makes_a_candidate_incomplete(fresh_db, hundred):
    rate(fresh_db, hundred, "丁县", {"met": 99})  # the 100th left unrated
    u = unit(results(fresh_db, hundred), "丁县")
    assert u["status"] == "incomplete" and u["unrated"] == 1
    assert u["rate"] is None and u["passed"] is None and u["rank"] is None
    assert u["provisional_rate"] == 100.0  # what the grid shows while rating
    res = compute_checklist_results(fresh_db, hundred)
    d = next(x for x in res.units if x.name == "丁县")
    assert d.unrated == ["执法/执法25"] and verdict(d, res.threshold) == "未完成（1 项未评定）"


def test_89_995_fails_90_though_shown_as_90_00():
    # 899 met, 1 partial counted 0.95, 100 unmet: (899 + 0.95) / 1000 × 100 = 89.995 exactly
    tally = Tally(met=899, partial=1, unmet=100)
    exact = exact_rate(tally, Decimal("0.95"))
    assert exact == Fraction(89995, 1000)
    assert round_half_up(exact) == Decimal("90.00")
    assert passes(exact, Decimal(90)) is False
    assert passes(Fraction(90), Decimal(90)) is True


def test_ranks_are_shared_on_the_shown_rate_and_areas_show_the_shortfall(fresh_db, hundred):
    rate(fresh_db, hundred, "甲县", {"met": 90, "unmet": 10})  # the 10 unmet are the last, all in 执法
    rate(fresh_db, hundred, "乙县", {"met": 86, "unmet": 9, "not_applicable": 5})
    rate(fresh_db, hundred, "丙县", {"met": 86, "unmet": 9, "not_applicable": 5})
    rate(fresh_db, hundred, "丁县", {"met": 89, "unmet": 10, "not_applicable": 1})
    res = results(fresh_db, hundred)
    assert [(u["name"], u["rank"]) for u in res["units"]] == [
        ("甲县", 3), ("乙县", 1), ("丙县", 1), ("丁县", 4), ("戊县", None)]
    areas = {a["name"]: a for a in unit(res, "甲县")["areas"]}
    assert areas["执法"]["rate"] == 60.0 and areas["执法"]["short"] is True  # 15 of 25
    assert areas["职能"]["rate"] == 100.0 and areas["职能"]["short"] is False
    assert res["threshold"] == 90 and res["partial_weight"] == 0 and res["kind"] == "checklist"


def test_no_applicable_indicator_gives_no_rate(fresh_db):
    sid = make_session(fresh_db, {"职能": 2})
    rate(fresh_db, sid, "甲县", {"not_applicable": 2})
    u = unit(results(fresh_db, sid), "甲县")
    assert u["status"] == "complete" and u["rate"] is None and u["passed"] is None and u["rank"] is None
