"""The template draft the editor shows: sums, the refusals (named in Chinese), undo and redo, and the
way back to a stored Template. Hand-worked on a small template:

    甲 (parent)            = 12.5 + 7.5 = 20
      甲一   12.5
      甲二    7.5
    乙                      30
    total                  50
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi_desktop.errors import TemplateError, UserError
from fazhi_desktop.template import parse_template
from fazhi_desktop.template_draft import ADD, SET_MAX, TIMING, TemplateDraft

SMALL = {"name": "小模板", "criteria": [
    {"name": "甲", "description": "第一部分", "children": [{"name": "甲一", "max": 12.5}, {"name": "甲二", "max": "7.5"}]},
    {"name": "乙", "max": 30}]}


@pytest.fixture
def draft() -> TemplateDraft:
    return TemplateDraft(parse_template(SMALL))


def shape(d: TemplateDraft) -> list:
    """The tree as (name, max, [children]) to compare trees exactly."""
    def node(n):
        return (n.name, n.max, n.description, [node(c) for c in n.children])
    return [node(n) for n in d.criteria]


def test_sums_are_the_children_s(draft):
    jia, yi = draft.criteria
    assert draft.total_of(jia) == Decimal("20") and draft.total_of(yi) == 30
    assert draft.total() == 50
    draft.set_max((0, 1), "17.5")  # 12.5 + 17.5 = 30; 30 + 30 = 60
    assert draft.total_of(jia) == 30 and draft.total() == 60
    path = draft.add((1,), "乙一")  # 乙 becomes a parent: its 30 is gone until its child has a maximum
    assert path == (1, 0) and draft.total() == 30
    assert draft.bad_leaves() == ["乙/乙一"]
    draft.set_max(path, "5")
    assert draft.total() == 35 and draft.bad_leaves() == []


@pytest.mark.parametrize("typed, why", [("0", "必须是正数（现为 0）"), ("-3", "必须是正数（现为 -3）"),
                                        ("abc", "“abc”不是数字"), ("", "末级指标必须有一个正数满分"),
                                        ("20000", "过大")])
def test_a_leaf_needs_a_positive_maximum(draft, typed, why):
    before = shape(draft)
    with pytest.raises(UserError) as refused:
        draft.set_max((0, 1), typed)
    assert "指标“甲/甲二”" in str(refused.value) and why in str(refused.value)
    assert shape(draft) == before and not draft.can_undo  # nothing changed, no step


def test_a_parent_s_maximum_is_not_typed(draft):
    with pytest.raises(UserError, match="指标“甲”有下级指标：它的满分是下级指标满分之和（现为 20）"):
        draft.set_max((0,), "25")


def test_names_are_checked(draft):
    with pytest.raises(UserError, match="指标“甲/甲一”重名"):
        draft.rename((0, 1), "甲一")
    with pytest.raises(UserError, match="不能含有“/”"):
        draft.rename((1,), "乙/丙")
    with pytest.raises(UserError, match="指标“乙”的名称不能为空"):
        draft.rename((1,), "  ")
    draft.rename((1,), " 丙 ")
    assert draft.node((1,)).name == "丙"


def test_new_names_get_a_number_and_three_levels_at_most(draft):
    assert [draft.node(draft.add(None, "新指标")).name for _ in range(3)] == ["新指标", "新指标2", "新指标3"]
    third = draft.add((0, 0), "三级")
    assert third == (0, 0, 0)
    with pytest.raises(UserError, match="指标“甲/甲一/三级”已是第三级"):
        draft.add(third, "四级")


def test_undo_restores_the_exact_previous_tree(draft):
    original = shape(draft)
    draft.set_max((0, 0), "10")
    after_max = shape(draft)
    draft.add((0,), "甲三")
    draft.move((0, 2), -2)  # 甲三 first
    assert [c.name for c in draft.node((0,)).children] == ["甲三", "甲一", "甲二"]
    draft.remove((1,))
    assert [n.name for n in draft.criteria] == ["甲"] and draft.undo_text == "删除指标"
    assert draft.undo() == "删除指标"
    assert draft.undo() == "移动指标"
    assert draft.undo() == ADD
    assert shape(draft) == after_max
    assert draft.undo() == SET_MAX
    assert shape(draft) == original and not draft.can_undo and not draft.modified
    assert draft.redo() == SET_MAX and shape(draft) == after_max and draft.modified
    draft.rename((1,), "丙")  # a new change drops what could be redone
    assert not draft.can_redo and draft.redo() is None


def test_typing_in_one_field_is_one_step(draft):
    for value in ("1", "10", "12"):
        draft.set_timing("report_minutes", value)
    draft.set_timing("qa_minutes", 4)
    assert draft.state.timing["report_minutes"] == 12
    assert draft.undo() == TIMING and draft.state.timing["qa_minutes"] == 5  # qa back, report stays
    assert draft.undo() == TIMING and draft.state.timing["report_minutes"] == 8  # all three typings


def test_settings_are_checked_value_by_value(draft):
    with pytest.raises(UserError, match="汇报时长（report_minutes）0 分钟不合理"):
        draft.set_timing("report_minutes", 0)
    with pytest.raises(UserError, match="汇总方式“median”无效"):
        draft.set_aggregation("median")
    row = draft.add_component()
    with pytest.raises(UserError, match="组成部分“社会评议”的权重必须是正数（现为 -1）"):
        draft.set_component(row, name="社会评议", weight="-1")
    assert draft.state.components[row].name == ""  # the whole change refused, the name too
    with pytest.raises(UserError, match="等次“优秀”的最低分 120 应在 0 到 100 之间"):
        draft.set_grade(0, low="120")


def test_to_template_lists_every_problem(draft):
    draft.add(None, "新指标")
    draft.set_timing("warn_minutes", 9)  # not shorter than the 8-minute report: known only as a whole
    with pytest.raises(TemplateError) as refused:
        draft.to_template()
    text = str(refused.value)
    assert "指标“新指标”缺少满分（max）：末级指标必须有一个正数满分。" in text
    assert "提前提醒时间（9 分钟）必须短于汇报时长（8 分钟）" in text


def test_round_trip_to_the_stored_template(draft):
    draft.set_max((1,), "25")
    template = draft.to_template()
    assert template.total_max == Decimal(45)
    assert template.criteria[0].description == "第一部分"
    assert [(p, leaf.max) for p, leaf in template.leaves()] == [
        ("甲/甲一", Decimal("12.5")), ("甲/甲二", Decimal("7.5")), ("乙", Decimal(25))]
    assert TemplateDraft(template).to_dict() == draft.to_dict()


def test_a_checklist_counts_indicators_and_keeps_no_maxima(draft):
    draft.set_kind("checklist")
    assert draft.bad_leaves() == []
    draft.add((1,), "乙一")
    with pytest.raises(UserError, match="清单式模板的指标只评定达标与否"):
        draft.set_max((1, 0), "5")
    draft.set_threshold("85")
    with pytest.raises(UserError, match="部分达标折算（partial_weight）2 应在 0 到 1 之间"):
        draft.set_partial_weight(2)
    template = draft.to_template()
    assert template.is_checklist and template.threshold == 85 and len(template.leaves()) == 3


def test_criteria_fixed_once_scores_exist():
    draft = TemplateDraft(parse_template(SMALL), criteria_fixed=True)
    for refused in (lambda: draft.add(None, "新"), lambda: draft.remove((1,)), lambda: draft.move((1,), -1),
                    lambda: draft.rename((1,), "丙"), lambda: draft.set_max((1,), "25"),
                    lambda: draft.set_kind("checklist"), lambda: draft.load(parse_template(SMALL))):
        with pytest.raises(UserError, match="已有评分，不能再修改评分指标"):
            refused()
    draft.set_description((1,), "新的说明")  # descriptions and settings still change
    draft.set_timing("report_minutes", 10)
    assert draft.to_template().criteria[1].description == "新的说明"
