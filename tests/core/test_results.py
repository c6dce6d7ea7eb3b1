"""The results rules of CONTRACT.md, each on a small session whose numbers are worked by hand."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi_desktop.db import open_db
from fazhi_desktop.results import compute_results, panel_score, results_json, results_text, round_half_up, shared_ranks
from fazhi_desktop.roster import add_expert, add_unit, set_recusal
from fazhi_desktop.scoring import record_score, set_external
from fazhi_desktop.sessions import create_session, load_template
from fazhi_desktop.template import parse_template

ONE_LEAF = {"name": "单项", "criteria": [{"name": "总体", "max": 100}]}


def make(db, template: dict, units: list[str], experts: list[str]):
    sid = create_session(db, title="规则测试", template=parse_template(template))
    u = {n: add_unit(db, session_id=sid, name=n) for n in units}
    e = {n: add_expert(db, session_id=sid, name=n) for n in experts}
    leaves = {leaf.name: leaf for _p, leaf in load_template(db, sid).leaves()}
    return sid, u, e, leaves


def score(db, sid, expert, unit, leaves, **values):
    for name, value in values.items():
        record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaves[name].id, value=value)


def by_name(res):
    return {u.name: u for u in res.units}


# --- pure helpers -----------------------------------------------------------------------------

def test_round_half_up_is_not_bankers_rounding():
    assert round_half_up(Fraction(88125, 1000)) == Decimal("88.13")  # round(88.125, 2) gives 88.12
    assert round_half_up(Fraction(88124999, 1000000)) == Decimal("88.12")
    assert round_half_up(Decimal("88.125")) == Decimal("88.13")
    assert round_half_up(Fraction(2, 3)) == Decimal("0.67")
    assert round_half_up(Fraction(-88125, 1000)) == Decimal("-88.13")


def test_shared_ranks_competition_style():
    finals = [Decimal("90"), Decimal("85"), None, Decimal("85"), Decimal("70")]
    assert shared_ranks(finals) == [1, 2, None, 2, 4]


def test_trimmed_mean_needs_five_totals():
    five = [Fraction(v) for v in (70, 80, 85, 90, 100)]
    assert panel_score(five, "trimmed_mean") == (Fraction(85), [4, 0])  # (80+85+90)/3
    four = [Fraction(v) for v in (60, 80, 90, 100)]
    assert panel_score(four, "trimmed_mean") == (Fraction(165, 2), [])  # plain mean 82.5, not 85
    assert panel_score(five, "mean")[0] == Fraction(85)  # 425/5


# --- whole sessions ---------------------------------------------------------------------------

def test_ties_share_a_rank_1_2_2_4(fresh_db):
    sid, u, e, leaves = make(fresh_db, ONE_LEAF, ["甲", "乙", "丙", "丁"], ["专家一"])
    for unit, v in zip("甲乙丙丁", ("90", "85", "85", "70")):
        score(fresh_db, sid, e["专家一"], u[unit], leaves, 总体=v)
    res = by_name(compute_results(fresh_db, sid))
    assert [res[n].rank for n in "甲乙丙丁"] == [1, 2, 2, 4]
    assert [res[n].grade for n in "甲乙丙丁"] == ["优秀", "良好", "良好", "合格"]


def test_rank_uses_rounded_final(fresh_db):
    # 甲: (85 + 85.01)/2 = 85.005 → 85.01; 乙: (85 + 85.02)/2 = 85.01 → 85.01: equal rounded finals tie
    sid, u, e, leaves = make(fresh_db, ONE_LEAF, ["甲", "乙"], ["一", "二"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 总体="85")
    score(fresh_db, sid, e["二"], u["甲"], leaves, 总体="85.01")
    score(fresh_db, sid, e["一"], u["乙"], leaves, 总体="85")
    score(fresh_db, sid, e["二"], u["乙"], leaves, 总体="85.02")
    res = by_name(compute_results(fresh_db, sid))
    assert res["甲"].final == res["乙"].final == Decimal("85.01")
    assert res["甲"].rank == res["乙"].rank == 1


def test_half_up_88_125_to_88_13(fresh_db):
    sid, u, e, leaves = make(fresh_db, ONE_LEAF, ["甲"], ["一", "二"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 总体="88")
    score(fresh_db, sid, e["二"], u["甲"], leaves, 总体="88.25")
    r = compute_results(fresh_db, sid).units[0]
    assert r.final_exact == Fraction(88125, 1000)
    assert r.final == Decimal("88.13")
    assert results_json(compute_results(fresh_db, sid))["units"][0]["final"] == 88.13


def test_grade_uses_rounded_final(fresh_db):
    # (89.99 + 90)/2 = 89.995 → 90.00 → 优秀 (band 优秀 starts at 90)
    sid, u, e, leaves = make(fresh_db, ONE_LEAF, ["甲"], ["一", "二"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 总体="89.99")
    score(fresh_db, sid, e["二"], u["甲"], leaves, 总体="90")
    r = compute_results(fresh_db, sid).units[0]
    assert (r.final, r.grade) == (Decimal("90.00"), "优秀")


def test_trimmed_mean_with_five_and_with_four_totals(fresh_db):
    template = dict(ONE_LEAF, aggregation="trimmed_mean")
    sid, u, e, leaves = make(fresh_db, template, ["五人", "四人"], ["A", "B", "C", "D", "E"])
    for name, v in zip("ABCDE", ("70", "80", "85", "90", "100")):
        score(fresh_db, sid, e[name], u["五人"], leaves, 总体=v)
    for name, v in zip("ABCD", ("60", "80", "90", "100")):
        score(fresh_db, sid, e[name], u["四人"], leaves, 总体=v)
    # E is incomplete on 四人 (nothing scored), so only 4 totals count there: no trimming
    res = by_name(compute_results(fresh_db, sid))
    assert res["五人"].final == Decimal("85.00")
    assert sorted(res["五人"].trimmed_experts) == ["A", "E"]
    assert res["四人"].final == Decimal("82.50")
    assert res["四人"].trimmed_experts == []
    assert res["四人"].incomplete_experts == ["E"]


def test_criteria_leave_out_the_trimmed_experts_and_add_up_to_the_panel_score(fresh_db):
    """CONTRACT.md: criteria are the means over the totals that made the panel score."""
    template = dict(NORMALISED, aggregation="trimmed_mean")
    sid, u, e, leaves = make(fresh_db, template, ["甲"], ["A", "B", "C", "D", "E"])
    sheets = {"A": ("30", "12", "8"), "B": ("20", "10", "5"), "C": ("25", "10", "6"),  # 50, 35, 41
              "D": ("26", "11", "7"), "E": ("10", "5", "5")}  # 44, 20
    for name, (a, b1, b2) in sheets.items():
        score(fresh_db, sid, e[name], u["甲"], leaves, 甲项=a, 乙一=b1, 乙二=b2)
    r = compute_results(fresh_db, sid).units[0]
    assert sorted(r.trimmed_experts) == ["A", "E"]  # 50 highest, 20 lowest
    # kept B, C, D: 甲项 (20+25+26)/3, 乙一 (10+10+11)/3, 乙二 (5+6+7)/3; panel (35+41+44)/3 = 40
    assert r.criteria == {"甲项": Fraction(71, 3), "乙类/乙一": Fraction(31, 3), "乙类/乙二": Fraction(6)}
    assert sum(r.criteria.values()) == Fraction(40) == r.final_exact / 2  # out of 50 → ×2 on 100


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 24), st.integers(0, 16)), min_size=1, max_size=8),
       st.sampled_from(["mean", "trimmed_mean"]))
def test_criteria_always_add_up_to_the_panel_score(tmp_path_factory, sheets, aggregation):
    db = open_db(tmp_path_factory.mktemp("sum") / "f.db")
    names = [f"专家{i}" for i in range(len(sheets))]
    sid, u, e, leaves = make(db, dict(NORMALISED, aggregation=aggregation), ["甲"], names)
    for name, (a, b1, b2) in zip(names, sheets):  # half points
        score(db, sid, e[name], u["甲"], leaves, 甲项=str(a / 2), 乙一=str(b1 / 2), 乙二=str(b2 / 2))
    r = compute_results(db, sid).units[0]
    db.conn.close()
    assert sum(r.criteria.values()) * 2 == r.final_exact


NORMALISED = {"name": "五十分制", "criteria": [
    {"name": "甲项", "max": 30}, {"name": "乙类", "children": [{"name": "乙一", "max": 12}, {"name": "乙二", "max": 8}]}]}


def test_normalisation_when_maxima_do_not_sum_to_100(fresh_db):
    # totals 40 (25+10+5) and 45.5 (27+11+7.5) out of 50 → mean 42.75 → 85.5 on 100
    sid, u, e, leaves = make(fresh_db, NORMALISED, ["甲"], ["一", "二"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 甲项="25", 乙一="10", 乙二="5")
    score(fresh_db, sid, e["二"], u["甲"], leaves, 甲项="27", 乙一="11", 乙二="7.5")
    r = compute_results(fresh_db, sid).units[0]
    assert r.experts == {"一": Fraction(40), "二": Fraction(91, 2)}
    assert r.final == Decimal("85.50")
    assert r.criteria == {"甲项": Fraction(26), "乙类/乙一": Fraction(21, 2), "乙类/乙二": Fraction(25, 4)}


def test_incomplete_expert_is_left_out_and_listed(fresh_db):
    sid, u, e, leaves = make(fresh_db, NORMALISED, ["甲"], ["一", "二", "三"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 甲项="25", 乙一="10", 乙二="5")      # 40 → 80
    score(fresh_db, sid, e["二"], u["甲"], leaves, 甲项="30", 乙一="12", 乙二="8")      # 50 → 100
    score(fresh_db, sid, e["三"], u["甲"], leaves, 甲项="5", 乙一="1")                  # missing 乙二
    r = compute_results(fresh_db, sid).units[0]
    assert r.incomplete_experts == ["三"]
    assert set(r.experts) == {"一", "二"}
    assert r.final == Decimal("90.00")
    assert r.status == "complete"


def test_recused_expert_is_left_out_even_with_old_scores(fresh_db):
    sid, u, e, leaves = make(fresh_db, ONE_LEAF, ["甲"], ["一", "二", "三"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 总体="80")
    score(fresh_db, sid, e["二"], u["甲"], leaves, 总体="90")
    score(fresh_db, sid, e["三"], u["甲"], leaves, 总体="20")  # scored before the recusal was known
    set_recusal(fresh_db, session_id=sid, expert_id=e["三"].id, unit_id=u["甲"].id, recused=True)
    res = compute_results(fresh_db, sid)
    r = res.units[0]
    assert r.recused_experts == ["三"] and r.incomplete_experts == []
    assert r.final == Decimal("85.00")
    out = results_json(res)["units"][0]
    assert out["recused_experts"] == ["三"] and "三" not in out["experts"]


WEIGHTED = {"name": "加权", "criteria": [{"name": "总体", "max": 30}], "components": [
    {"name": "社会评议", "weight": 40, "source": "external"},
    {"name": "评议团评分", "weight": 40, "source": "experts"},
    {"name": "联席会议成员评分", "weight": 20, "source": "external"}]}


def test_weighted_components_40_40_20(fresh_db):
    sid, u, e, leaves = make(fresh_db, WEIGHTED, ["甲", "乙"], ["一", "二", "三"])
    for name, v in zip("一二三", ("25", "26", "26")):
        score(fresh_db, sid, e[name], u["甲"], leaves, 总体=v)
        score(fresh_db, sid, e[name], u["乙"], leaves, 总体="27")
    set_external(fresh_db, session_id=sid, unit_id=u["甲"].id, component="社会评议", value="90")
    set_external(fresh_db, session_id=sid, unit_id=u["甲"].id, component="联席会议成员评分", value="77.5")
    set_external(fresh_db, session_id=sid, unit_id=u["乙"].id, component="社会评议", value="80")
    res = compute_results(fresh_db, sid)
    a, b = res.units
    # panel 77/3 of 30 → 770/9 = 85.555…; final = (40×90 + 40×770/9 + 20×77.5)/100 = 85.7222…
    assert a.components["评议团评分"] == Fraction(770, 9)
    assert a.final_exact == Fraction(40 * 90, 100) + Fraction(40 * 770, 900) + Fraction(20 * 155, 200)
    assert a.final == Decimal("85.72") and a.rank == 1 and a.grade == "良好"
    # 乙 has no 联席会议成员评分: final null, no rank, no grade
    assert (b.final, b.rank, b.grade, b.status) == (None, None, None, "incomplete")
    out = results_json(res)["units"]
    assert out[0]["components"] == {"社会评议": 90.0, "评议团评分": 85.56, "联席会议成员评分": 77.5}
    assert out[1]["final"] is None and out[1]["components"]["联席会议成员评分"] is None
    assert "—" in results_text(res).splitlines()[-1]


def test_absent_unit_and_unscored_unit_have_no_rank(fresh_db):
    sid, u, e, leaves = make(fresh_db, ONE_LEAF, ["甲", "乙", "丙"], ["一"])
    score(fresh_db, sid, e["一"], u["甲"], leaves, 总体="0")
    fresh_db.execute("UPDATE units SET status = 'absent' WHERE id = ?", [u["丙"].id])
    res = by_name(compute_results(fresh_db, sid))
    assert (res["甲"].final, res["甲"].rank, res["甲"].grade) == (Decimal("0.00"), 1, "不合格")
    assert (res["乙"].status, res["乙"].rank) == ("incomplete", None)
    assert (res["丙"].status, res["丙"].rank) == ("absent", None)


@pytest.mark.parametrize("sid", [1])
def test_demo_session_results_are_consistent(demo_db, sid):
    res = compute_results(demo_db, sid)
    assert len(res.units) == 11
    yunyang = next(u for u in res.units if u.name == "云阳县")
    assert yunyang.recused_experts == ["王晓东"] and len(yunyang.experts) == 6
    ranks = sorted(u.rank for u in res.units)
    assert ranks[0] == 1 and all(u.grade for u in res.units)


def test_demo_session_against_an_independent_tally(demo_db):
    """Recount session 1 straight from the score table, the way a tally clerk would, and compare."""
    from decimal import ROUND_HALF_UP, localcontext

    rows = demo_db.execute("SELECT u.name, e.name, s.value FROM scores s JOIN units u ON u.id = s.unit_id "
                           "JOIN experts e ON e.id = s.expert_id WHERE s.session_id = 1").fetchall()
    recused = {(e, u) for e, u in demo_db.execute(
        "SELECT e.name, u.name FROM recusals r JOIN experts e ON e.id = r.expert_id JOIN units u ON u.id = r.unit_id")}
    leaves = demo_db.execute("SELECT count(*) FROM criteria WHERE session_id = 1 AND max IS NOT NULL").fetchone()[0]
    sheets: dict[tuple[str, str], list[Decimal]] = {}
    for unit, expert, value in rows:
        sheets.setdefault((unit, expert), []).append(Decimal(value))
    expected = {}
    with localcontext() as ctx:
        ctx.prec = 50
        for unit in {u for u, _e in sheets}:
            totals = sorted(sum(v) for (u, e), v in sheets.items()
                            if u == unit and len(v) == leaves and (e, u) not in recused)
            if len(totals) >= 5:
                totals = totals[1:-1]
            expected[unit] = (sum(totals) / len(totals)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    ordered = sorted(expected.values(), reverse=True)
    got = {u["name"]: u for u in results_json(compute_results(demo_db, 1))["units"]}
    for unit, final in expected.items():
        assert Decimal(str(got[unit]["final"])) == final, unit
        assert got[unit]["rank"] == 1 + sum(1 for f in ordered if f > final)


@settings(max_examples=60, deadline=None)
@given(totals=st.lists(st.integers(min_value=0, max_value=200).map(lambda n: Fraction(n, 2)), min_size=1, max_size=9),
       aggregation=st.sampled_from(["mean", "trimmed_mean"]))
def test_panel_score_property(totals, aggregation):
    """Plain mean, or with ≥ 5 totals the mean without one highest and one lowest; always within the range."""
    panel, dropped = panel_score(totals, aggregation)
    ordered = sorted(totals)
    kept = ordered[1:-1] if aggregation == "trimmed_mean" and len(totals) >= 5 else ordered
    assert panel == sum(kept, Fraction(0)) / len(kept)
    assert min(totals) <= panel <= max(totals)
    assert len(dropped) == (2 if kept is not ordered else 0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=10000).map(lambda n: Decimal(n) / 100)),
                max_size=12))
def test_shared_ranks_property(finals):
    ranks = shared_ranks(finals)
    for f, r in zip(finals, ranks):
        if f is None:
            assert r is None
        else:  # one more than the number of strictly higher finals; equal finals share it
            assert r == 1 + sum(1 for g in finals if g is not None and g > f)


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 7), st.integers(min_value=1, max_value=10 ** 4))
def test_round_half_up_matches_decimal(numerator, denominator):
    from decimal import ROUND_HALF_UP, localcontext

    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(numerator) / Decimal(denominator)
        if exact * 1000 == (exact * 1000).to_integral_value():  # exactly representable: Decimal decides
            assert round_half_up(Fraction(numerator, denominator)) == exact.quantize(Decimal("0.01"), ROUND_HALF_UP)
    value = round_half_up(Fraction(numerator, denominator))
    assert abs(Fraction(value) - Fraction(numerator, denominator)) <= Fraction(1, 200)
