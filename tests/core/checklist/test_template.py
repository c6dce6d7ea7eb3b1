"""Checklist templates (CONTRACT.md): kind checklist, leaves without maxima, threshold and
partial_weight with their defaults, refused as strictly as scored templates, stored with a session."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from fazhi_desktop.errors import TemplateError, UserError
from fazhi_desktop.library import builtin_templates, resolve_template
from fazhi_desktop.sessions import create_session, load_template, set_template
from fazhi_desktop.template import parse_template

from .conftest import checklist, make_session, rate

NINE = ["政府职能依法全面履行", "依法行政制度体系完善", "重大行政决策科学民主合法", "行政执法严格规范公正文明",
        "突发事件应对有力有序", "社会矛盾纠纷依法有效化解", "行政权力制约监督科学有效",
        "法治政府建设科技保障全面加强", "法治政府建设组织领导落实到位"]


def test_builtin_checklist_has_the_nine_first_level_areas():
    t = next(t for t in builtin_templates() if t.is_checklist)
    assert t.name == "市县法治政府建设示范指标体系（2021年版）"
    assert [c.name for c in t.criteria] == NINE
    assert (t.threshold, t.partial_weight) == (90, 0)
    assert all("导入指标表" in c.description for c in t.criteria)  # third levels are left for the user


def test_defaults_and_round_trip():
    t = parse_template({"name": "示范", "kind": "checklist",
                        "criteria": [{"name": "职能", "children": [{"name": "简政放权", "description": "要点",
                                                                     "evidence_required": "清单文件"}]}]})
    assert t.is_checklist and (t.threshold, t.partial_weight) == (Decimal(90), Decimal(0))
    data = t.to_dict()
    assert data == {"name": "示范", "kind": "checklist", "threshold": 90, "partial_weight": 0,
                    "criteria": [{"name": "职能", "children": [{"name": "简政放权", "description": "要点",
                                                                "evidence_required": "清单文件"}]}]}
    assert parse_template(json.loads(t.to_json())).to_dict() == data


def test_a_scored_template_json_is_unchanged_by_checklists():
    t = builtin_templates()[0]
    assert set(t.to_dict()) == {"name", "criteria", "aggregation", "components", "grades", "timing"}
    assert "evidence_required" not in json.dumps(t.to_dict())


@pytest.mark.parametrize("data, words", [
    ({"criteria": [{"name": "甲", "max": 10}]}, "不应有满分"),
    ({"criteria": [{"name": "甲"}], "threshold": 0}, "达标门槛"),
    ({"criteria": [{"name": "甲"}], "threshold": "九十"}, "不是数字"),
    ({"criteria": [{"name": "甲"}], "partial_weight": 1.5}, "应在 0 到 1 之间"),
    ({"criteria": [{"name": "甲"}], "grades": [{"name": "优秀", "min": 90}]}, "不设等次"),
    ({"criteria": [{"name": "甲"}], "components": [{"name": "甲", "weight": 1, "source": "experts"}]}, "不设组成部分"),
    ({"criteria": []}, "至少需要一个评估指标"),
    ({"criteria": [{"name": "甲/乙"}]}, "不能含有“/”"),
    ({"criteria": [{"name": "甲", "children": [{"name": "乙", "children": [{"name": "丙", "children": [{"name": "丁"}]}]}]}]},
     "层级过深"),
])
def test_refusals_name_the_fault(data, words):
    with pytest.raises(TemplateError) as err:
        parse_template({"name": "示范", "kind": "checklist", **data})
    assert words in str(err.value)


def test_unknown_kind_and_evidence_on_a_scored_template_are_refused():
    with pytest.raises(TemplateError, match="模板类型"):
        parse_template({"name": "x", "kind": "quiz", "criteria": [{"name": "甲", "max": 1}]})
    with pytest.raises(TemplateError, match="只用于清单式模板"):
        parse_template({"name": "x", "criteria": [{"name": "甲", "max": 1, "evidence_required": "文件"}]})


def test_stored_with_the_session_and_read_back(fresh_db):
    t = parse_template(checklist({"职能": 2, "制度": 1}, threshold=85, partial_weight=0.5))
    sid = create_session(fresh_db, title="示范", template=t)
    back = load_template(fresh_db, sid)
    assert back.is_checklist and back.to_dict() == t.to_dict()
    assert (back.threshold, back.partial_weight) == (85, Decimal("0.5"))
    assert resolve_template(fresh_db, "市县法治政府建设示范指标体系（2021年版）").is_checklist


def test_indicators_fixed_once_rated_but_settings_and_texts_may_change(fresh_db):
    sid = make_session(fresh_db, {"职能": 2})
    rate(fresh_db, sid, "甲县", {"met": 1})
    data = load_template(fresh_db, sid).to_dict()
    moved = json.loads(json.dumps(data))
    moved["criteria"][0]["children"].append({"name": "职能3"})
    with pytest.raises(UserError, match="已有指标评定，不能再修改评估指标"):
        set_template(fresh_db, session_id=sid, template=parse_template(moved))
    scored = {"name": "打分", "criteria": [{"name": "职能", "children": [{"name": "职能1", "max": 5}, {"name": "职能2", "max": 5}]}]}
    with pytest.raises(UserError, match="不能再修改评估指标"):
        set_template(fresh_db, session_id=sid, template=parse_template(scored))
    data["threshold"] = 80
    data["criteria"][0]["children"][0]["evidence_required"] = "简政放权清单"
    back = set_template(fresh_db, session_id=sid, template=parse_template(data))
    assert back.threshold == 80 and back.criteria[0].children[0].evidence_required == "简政放权清单"
