"""Scoring templates: the built-ins, the JSON contract, every refusal in plain Chinese."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from fazhi_desktop.errors import TemplateError, UserError
from fazhi_desktop.library import builtin_templates, find_template, resolve_template, save_template
from fazhi_desktop.sessions import create_session, load_template, set_template
from fazhi_desktop.roster import add_expert, add_unit
from fazhi_desktop.scoring import record_score
from fazhi_desktop.template import load_template_file, parse_template


def test_three_scored_builtins_with_the_domain_splits():
    by_name = {t.name: t for t in builtin_templates() if not t.is_checklist}
    pufa = by_name["普法履职报告评议"]
    assert [c.maximum for c in pufa.criteria] == [20, 20, 25, 15, 20]
    fazhi = by_name["法治政府建设暨普法总结评议"]
    assert [c.maximum for c in fazhi.criteria] == [20, 30, 25, 15, 10]
    weighted = by_name["普法履职综合评议（含社会评议）"]
    assert [(c.name, c.weight, c.source) for c in weighted.components] == [
        ("评议团评分", 40, "experts"), ("社会评议", 40, "external"), ("联席会议成员评分", 20, "external")]
    assert all(t.total_max == 100 for t in by_name.values())


def test_contract_example_round_trips():
    data = {"name": "普法履职报告评议",
            "criteria": [{"name": "普法责任制机制建设", "max": 20, "description": "…"},
                         {"name": "社会普法宣传", "children": [{"name": "甲", "max": 10}, {"name": "乙", "max": 15}]}],
            "aggregation": "mean",
            "components": [{"name": "评议团评分", "weight": 60, "source": "experts"},
                           {"name": "社会评议", "weight": 40, "source": "external"}],
            "grades": [{"name": "优秀", "min": 90}, {"name": "良好", "min": 80},
                       {"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
            "timing": {"report_minutes": 8, "qa_minutes": 5, "warn_minutes": 1}}
    t = parse_template(data)
    assert t.criteria[1].maximum == 25
    assert [p for p, _ in t.leaves()] == ["普法责任制机制建设", "社会普法宣传/甲", "社会普法宣传/乙"]
    assert parse_template(json.loads(t.to_json())).to_dict() == t.to_dict()


def test_defaults_when_optional_parts_are_left_out():
    t = parse_template({"name": "简", "criteria": [{"name": "甲", "max": 100}]})
    assert t.components == [] and t.aggregation == "mean"
    assert [(g.name, g.min) for g in t.grades] == [("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)]
    assert (t.timing.report_minutes, t.timing.qa_minutes, t.timing.warn_minutes) == (8, 5, 1)


@pytest.mark.parametrize("data, expected", [
    ({"criteria": [{"name": "甲", "max": 10}]}, "缺少模板名称"),
    ({"name": "t", "criteria": []}, "至少需要一个评分指标"),
    ({"name": "t", "criteria": [{"name": "甲"}]}, "指标“甲”缺少满分"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 0}]}, "指标“甲”的满分必须是正数"),
    ({"name": "t", "criteria": [{"name": "甲", "max": -5}]}, "必须是正数"),
    ({"name": "t", "criteria": [{"name": "甲", "max": "十"}]}, "不是数字"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 5}, {"name": "甲", "max": 5}]}, "重名"),
    ({"name": "t", "criteria": [{"name": "父", "max": 20, "children": [{"name": "子", "max": 10}]}]},
     "与下级指标满分之和 10 不一致"),
    ({"name": "t", "criteria": [{"name": "父", "children": [{"name": "子", "max": 0}]}]}, "指标“父/子”的满分必须是正数"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 5}], "aggregation": "median"}, "汇总方式"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 5}],
      "components": [{"name": "社会评议", "weight": 40, "source": "external"}]}, "恰好有一项来源为 experts"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 5}],
      "components": [{"name": "a", "weight": 0, "source": "experts"}]}, "权重必须是正数"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 5}], "grades": [{"name": "优", "min": 120}]}, "0 到 100"),
    ({"name": "t", "criteria": [{"name": "甲", "max": 5}], "timing": {"report_minutes": 2, "warn_minutes": 3}},
     "必须短于汇报时长"),
    ([1, 2], "JSON 对象"),
])
def test_bad_templates_are_refused_with_the_reason(data, expected):
    with pytest.raises(TemplateError) as info:
        parse_template(data)
    assert expected in str(info.value)


def test_every_problem_is_listed_at_once():
    with pytest.raises(TemplateError) as info:
        parse_template({"name": "", "criteria": [{"name": "甲", "max": 0}, {"name": "乙"}]})
    assert len(info.value.problems) == 3


def test_template_file_with_broken_json_names_line(tmp_path):
    path = tmp_path / "t.json"
    path.write_text('{"name": "t",\n "criteria": [}', encoding="utf-8")
    with pytest.raises(TemplateError, match="第 2 行"):
        load_template_file(path)


def test_resolve_by_name_or_file_and_unknown(fresh_db, tmp_path):
    assert resolve_template(fresh_db, "普法履职报告评议").name == "普法履职报告评议"
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "自定", "criteria": [{"name": "甲", "max": 100}]}, ensure_ascii=False),
                    encoding="utf-8")
    assert resolve_template(fresh_db, str(path)).name == "自定"
    with pytest.raises(TemplateError, match="没有名为“不存在”的评分模板"):
        resolve_template(fresh_db, "不存在")


def test_user_copy_saved_but_builtin_names_reserved(fresh_db):
    t = find_template(fresh_db, "普法履职报告评议")
    with pytest.raises(TemplateError, match="内置模板"):
        save_template(fresh_db, template=t)
    t.name = "我市普法评议"
    t.criteria[0].max = Decimal("25")
    t.criteria[1].max = Decimal("15")
    save_template(fresh_db, template=t)
    assert find_template(fresh_db, "我市普法评议").criteria[0].maximum == 25
    assert find_template(fresh_db, "普法履职报告评议").criteria[0].maximum == 20  # built-in untouched


def test_session_template_cannot_change_under_scores(fresh_db):
    t = find_template(fresh_db, "普法履职报告评议")
    sid = create_session(fresh_db, title="会", template=t)
    unit = add_unit(fresh_db, session_id=sid, name="市教委")
    expert = add_expert(fresh_db, session_id=sid, name="周立")
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    record_score(fresh_db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value="18.5")
    other = find_template(fresh_db, "法治政府建设暨普法总结评议")
    with pytest.raises(UserError, match="已有评分，不能再修改评分指标"):
        set_template(fresh_db, session_id=sid, template=other)
    assert load_template(fresh_db, sid).name == "普法履职报告评议"
    # Grades may still change: they don't alter what was scored.
    same = load_template(fresh_db, sid)
    same.grades[0].min = Decimal(95)
    assert set_template(fresh_db, session_id=sid, template=same).grades[0].min == 95
