"""The printed figures add up: each unit's per-criterion means sum to its printed panel score (the
合计 row), which is its 综合得分 when the template has no components and a total of 100; the
letter's 失分 column sums to what the unit lost. On the demo (in the PDF itself) and on random
sessions (hypothesis)."""
from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi_desktop.db import open_db
from fazhi_desktop.export import FILE_NAMES
from fazhi_desktop.export import layout as L
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.feedback import letter_blocks
from fazhi_desktop.export.minutes import minutes_document
from fazhi_desktop.roster import add_expert, add_unit, set_recusal
from fazhi_desktop.scoring import record_score
from fazhi_desktop.sessions import create_session, load_template
from fazhi_desktop.template import parse_template

from .conftest import pdftotext

MINUTES_HEAD = ["指标", "分值", "平均得分", "得分率"]
LETTER_HEAD = ["指标", "分值", "平均得分", "失分", "得分率"]


def tables(blocks, head):
    for b in blocks:
        if isinstance(b, L.Keep):
            yield from tables(b.blocks, head)
        elif isinstance(b, L.Table) and b.rows[0] == head:
            yield b


def dec(text: str) -> Decimal | None:
    return None if text in ("—", "") else Decimal(text.rstrip("%"))


def check_minutes(data) -> int:
    doc = minutes_document(data)
    finals = {}
    for b in doc.blocks:
        if isinstance(b, L.Table) and b.rows[0][0] == "排名":
            finals = {row[1]: row[-2] for row in b.rows[1:]}
    checked = 0
    for t, unit in zip(tables(doc.blocks, MINUTES_HEAD), data.units):
        leaves, total = t.rows[1:-1], t.rows[-1]
        assert total[0] == "合计（评议团评分）"
        values = [dec(r[2]) for r in leaves]
        if None in values:
            assert dec(total[2]) is None
            continue
        assert sum(values) == dec(total[2]), (unit.name, values, total)
        if not data.template.components and data.template.total_max == 100:
            assert total[2] == finals[unit.name]
        checked += 1
    return checked


def check_letter(data, unit: str) -> None:
    t = next(tables(letter_blocks(data, unit), LETTER_HEAD))
    leaves, total = t.rows[1:-1], t.rows[-1]
    means, lost = [dec(r[2]) for r in leaves], [dec(r[3]) for r in leaves]
    if None in means:
        return
    assert sum(means) == dec(total[2]) and sum(lost) == dec(total[3])
    assert dec(total[1]) - dec(total[2]) == dec(total[3])


def test_the_demo_minutes_add_up_as_printed(exported):
    data = load_export_data(exported["db"], exported["sid"])
    assert check_minutes(data) == 11
    for u in data.units:
        check_letter(data, u.name)
    # and in the PDF itself: 万州区's rows as a reader sees them
    text = pdftotext(exported["folder"] / FILE_NAMES["pdf"])
    block = text[text.index("（一）万州区"):text.index("（二）")]
    means = [Decimal(m) for m in re.findall(r"^\s*(?!合计)\S.*?\s+\d+\s+(\d+\.\d\d)\s+\d+\.\d\d%\s*$", block, re.M)]
    total = re.search(r"合计（评议团评分）\s+100\s+(\d+\.\d\d)", block).group(1)
    assert len(means) == 8 and sum(means) == Decimal(total) == Decimal("72.60")


LEAF_MAXIMA = st.sampled_from([5, 8, 10, 15, 20, 25])


@st.composite
def sessions(draw):
    top = draw(st.lists(st.one_of(LEAF_MAXIMA, st.lists(LEAF_MAXIMA, min_size=2, max_size=3)), min_size=1, max_size=4))
    criteria = []
    for i, node in enumerate(top):
        if isinstance(node, list):
            criteria.append({"name": f"类{i}", "children": [{"name": f"项{i}{j}", "max": m} for j, m in enumerate(node)]})
        else:
            criteria.append({"name": f"项{i}", "max": node})
    experts = draw(st.integers(1, 8))
    units = draw(st.integers(1, 3))
    aggregation = draw(st.sampled_from(["mean", "trimmed_mean"]))
    leaves = [m for node in top for m in (node if isinstance(node, list) else [node])]
    sheets = draw(st.lists(st.lists(st.lists(st.integers(0, 100), min_size=len(leaves), max_size=len(leaves)),
                                    min_size=experts, max_size=experts), min_size=units, max_size=units))
    recused = draw(st.lists(st.tuples(st.integers(0, experts - 1), st.integers(0, units - 1)), max_size=2))
    return {"name": "随机", "criteria": criteria, "aggregation": aggregation}, leaves, sheets, set(recused)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_random_sessions_add_up_as_printed(case):
    template, maxima, sheets, recused = case
    db = open_db(":memory:")
    sid = create_session(db, title="随机评议会", template=parse_template(template))
    units = [add_unit(db, session_id=sid, name=f"单位{i}") for i in range(len(sheets))]
    experts = [add_expert(db, session_id=sid, name=f"专家{i}") for i in range(len(sheets[0]))]
    leaves = [leaf for _p, leaf in load_template(db, sid).leaves()]
    for e, u in recused:
        set_recusal(db, session_id=sid, expert_id=experts[e].id, unit_id=units[u].id, recused=True)
    for u, unit in enumerate(units):
        for e, expert in enumerate(experts):
            if (e, u) in recused:
                continue
            for leaf, top, pct in zip(leaves, maxima, sheets[u][e]):
                value = Decimal(round(top * pct / 50)) / 2  # half points from 0 to the maximum
                record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id,
                             value=str(value))
    data = load_export_data(db, sid)
    check_minutes(data)
    for u in units:
        check_letter(data, u.name)
    db.conn.close()
