"""A checklist session built to order: areas with a number of indicators each, candidates, ratings."""
from __future__ import annotations

import pytest

from fazhi_desktop.checklist.ratings import set_rating
from fazhi_desktop.db import transaction
from fazhi_desktop.roster import add_unit, list_units
from fazhi_desktop.sessions import create_session, load_template
from fazhi_desktop.template import parse_template


def checklist(areas: dict[str, int], *, threshold=90, partial_weight=0, name="示范创建评估") -> dict:
    """{"甲": 3} → area 甲 with indicators 甲1, 甲2, 甲3."""
    return {"name": name, "kind": "checklist", "threshold": threshold, "partial_weight": partial_weight,
            "criteria": [{"name": area, "children": [{"name": f"{area}{i}"} for i in range(1, n + 1)]}
                         for area, n in areas.items()]}


def make_session(db, areas: dict[str, int], units=("甲县",), **settings) -> int:
    sid = create_session(db, title="2024年法治政府建设示范创建评估", date="2024-05-20",
                         template=parse_template(checklist(areas, **settings)))
    for name in units:
        add_unit(db, session_id=sid, name=name)
    return sid


def rate(db, sid: int, unit: str, counts: dict[str, int]) -> None:
    """Rate ``unit``'s indicators in tree order: counts like {"met": 86, "not_applicable": 5, "unmet": 9};
    indicators left over stay unrated."""
    leaves = [leaf.id for _p, leaf in load_template(db, sid).leaves()]
    uid = next(u.id for u in list_units(db, sid) if u.name == unit)
    codes = [code for code, n in counts.items() for _ in range(n)]
    assert len(codes) <= len(leaves)
    with transaction(db):
        for leaf, code in zip(leaves, codes):
            set_rating(db, session_id=sid, unit_id=uid, criterion_id=leaf, rating=code)


@pytest.fixture
def hundred(fresh_db):
    """100 indicators in four areas (25 each), five candidates."""
    return make_session(fresh_db, {"职能": 25, "制度": 25, "决策": 25, "执法": 25},
                        units=("甲县", "乙县", "丙县", "丁县", "戊县"))
