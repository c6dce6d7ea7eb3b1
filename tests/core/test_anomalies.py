"""The chair's anomaly prompts, on small hand-built sessions."""
from __future__ import annotations

import pytest

from fazhi_desktop.anomalies import find_anomalies
from fazhi_desktop.roster import add_expert, add_unit, set_recusal
from fazhi_desktop.scoring import record_score
from fazhi_desktop.sessions import create_session, load_template
from fazhi_desktop.template import parse_template

TEMPLATE = parse_template({"name": "测试", "criteria": [
    {"name": "甲", "max": 50},
    {"name": "乙", "children": [{"name": "乙一", "max": 30}, {"name": "乙二", "max": 20}]},
]})


@pytest.fixture
def session(fresh_db):
    """4 units × 4 experts, nothing scored yet."""
    sid = create_session(fresh_db, title="异常测试", template=TEMPLATE)
    units = [add_unit(fresh_db, session_id=sid, name=n) for n in ("一局", "二局", "三局", "四局")]
    experts = [add_expert(fresh_db, session_id=sid, name=n) for n in ("甲专家", "乙专家", "丙专家", "丁专家")]
    leaves = [leaf for _p, leaf in load_template(fresh_db, sid).leaves()]
    return fresh_db, sid, units, experts, leaves


def give(db, sid, expert, unit, leaves, total):
    """Score ``total`` (out of 100) spread over the leaves in proportion to their maxima."""
    for leaf in leaves:
        record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id,
                     value=leaf.max * total / 100)


def kinds(found):
    return sorted((a.kind, a.unit, a.expert) for a in found)


def test_even_panel_has_no_anomalies(session):
    db, sid, units, experts, leaves = session
    for u in units:
        for k, e in enumerate(experts):
            give(db, sid, e, u, leaves, 80 + k * 2)  # 80..86: spread 6
    assert find_anomalies(db, sid) == []


def test_spread_above_threshold_is_reported_once_per_unit(session):
    db, sid, units, experts, leaves = session
    for u in units:
        for k, e in enumerate(experts):
            give(db, sid, e, u, leaves, 80 + k * 2)
    # 二局: one expert at 96 → spread 96-82 = 14 > 10 (the others average far below: not an outlier over 3 units)
    give(db, sid, experts[0], units[1], leaves, 96)
    found = find_anomalies(db, sid)
    assert kinds(found) == [("spread", "二局", None)]
    assert "14" in found[0].message and "甲专家" in found[0].message
    # a wider threshold hides it
    assert find_anomalies(db, sid, spread_threshold=15) == []


def test_spread_exactly_at_threshold_is_not_reported(session):
    db, sid, units, experts, leaves = session
    for k, e in enumerate(experts):
        give(db, sid, e, units[0], leaves, 80 if k else 90)
    assert [a for a in find_anomalies(db, sid) if a.kind == "spread"] == []


def test_expert_always_far_above_the_panel_is_an_outlier(session):
    db, sid, units, experts, leaves = session
    for u in units[:3]:
        for k, e in enumerate(experts):
            give(db, sid, e, u, leaves, 70 if k else 80)  # 甲专家 10 above the others on 3 units
    found = find_anomalies(db, sid, spread_threshold=50)
    assert kinds(found) == [("outlier_expert", None, "甲专家")]
    assert "高于" in found[0].message and "3 个单位" in found[0].message


def test_outlier_needs_min_units_and_the_same_side(session):
    db, sid, units, experts, leaves = session
    for u in units[:2]:
        for k, e in enumerate(experts):
            give(db, sid, e, u, leaves, 70 if k else 80)
    assert find_anomalies(db, sid, spread_threshold=50) == []  # only 2 units
    for k, e in enumerate(experts):
        give(db, sid, e, units[2], leaves, 80 if k else 70)  # third unit: below the others
    assert find_anomalies(db, sid, spread_threshold=50) == []  # not all on the same side
    assert kinds(find_anomalies(db, sid, spread_threshold=50, min_units=2)) == []


def test_missing_leaves_on_a_partly_scored_unit(session):
    db, sid, units, experts, leaves = session
    for e in experts[1:]:
        give(db, sid, e, units[0], leaves, 80)
    record_score(db, session_id=sid, expert_id=experts[0].id, unit_id=units[0].id, criterion_id=leaves[0].id, value=40)
    found = find_anomalies(db, sid)
    assert kinds(found) == [("missing", "一局", "甲专家")]
    assert "2/3" in found[0].message and "乙/乙一" in found[0].message
    # units with no score at all and not done are not prompted
    assert not any(a.unit == "二局" for a in found)


def test_missing_on_a_done_unit_and_recused_expert_is_not_missing(session):
    db, sid, units, experts, leaves = session
    set_recusal(db, session_id=sid, expert_id=experts[3].id, unit_id=units[1].id, recused=True)
    db.execute("UPDATE units SET status = 'done' WHERE id = ?", [units[1].id])
    give(db, sid, experts[0], units[1], leaves, 80)
    give(db, sid, experts[1], units[1], leaves, 80)
    found = find_anomalies(db, sid)
    assert kinds(found) == [("missing", "二局", "丙专家")]
    assert "3/3" in found[0].message


def test_demo_sessions_run(demo_db):
    assert all(a.kind in ("spread", "outlier_expert", "missing") for a in find_anomalies(demo_db, 1))
    assert find_anomalies(demo_db, 2) == []


def test_prompts_come_from_one_snapshot_whatever_the_number_of_gaps(session):
    """The panel refreshes 300 ms after every typed score: it reads the session once, in one read
    transaction, however many sheets are incomplete (before: the template and the unit's scores
    again for every incomplete sheet: 33 statements with 4 gaps, 81 with 16)."""
    from tests.tracing import traced
    db, sid, units, experts, leaves = session
    record_score(db, session_id=sid, expert_id=experts[0].id, unit_id=units[0].id, criterion_id=leaves[0].id, value=40)
    with traced(db) as one_gap:
        assert [a.kind for a in find_anomalies(db, sid)] == ["missing"] * 4
    for unit in units[1:]:
        record_score(db, session_id=sid, expert_id=experts[0].id, unit_id=unit.id, criterion_id=leaves[0].id, value=40)
    with traced(db) as sixteen_gaps:
        found = find_anomalies(db, sid)
    assert len(found) == 16 and {a.kind for a in found} == {"missing"}
    assert found[0].args == ("甲专家", "一局", "2", "3", "乙/乙一、乙/乙二")
    assert len(sixteen_gaps) == len(one_gap)
    assert sixteen_gaps[0].startswith("BEGIN") and sixteen_gaps[-1] == "COMMIT"
    assert sum(s.startswith(("BEGIN", "COMMIT")) for s in sixteen_gaps) == 2
