"""Units, experts, recusals, reordering and the order draw."""
from __future__ import annotations

import pytest

from fazhi_desktop.errors import UserError
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.roster import (add_expert, add_unit, draw_order, drawn_order, list_recusals, list_units,
                                  move_unit, remove_unit, reorder, set_recusal, update_unit, remove_expert)
from fazhi_desktop.scoring import record_score
from fazhi_desktop.sessions import create_session, get_session, load_template, set_status
from fazhi_desktop.show import session_dict

NAMES = ["市教委", "市公安局", "市民政局", "市人力社保局", "市生态环境局"]


@pytest.fixture
def sid(fresh_db):
    sid = create_session(fresh_db, title="评议会", template=builtin_templates()[0])
    for n in NAMES:
        add_unit(fresh_db, session_id=sid, name=n)
    return sid


def order(db, sid):
    return [u.name for u in list_units(db, sid)]


def test_duplicate_and_empty_names_refused(fresh_db, sid):
    with pytest.raises(UserError, match="已在名单中"):
        add_unit(fresh_db, session_id=sid, name=" 市教委 ")
    with pytest.raises(UserError, match="不能为空"):
        add_unit(fresh_db, session_id=sid, name="\u3000")
    uid = list_units(fresh_db, sid)[1].id
    with pytest.raises(UserError, match="已在名单中"):
        update_unit(fresh_db, unit_id=uid, name="市教委")
    assert order(fresh_db, sid) == NAMES


def test_move_and_reorder(fresh_db, sid):
    last = list_units(fresh_db, sid)[-1]
    move_unit(fresh_db, unit_id=last.id, to_position=1)
    assert order(fresh_db, sid) == ["市生态环境局", *NAMES[:4]]
    ids = [u.id for u in list_units(fresh_db, sid)]
    with pytest.raises(UserError, match="全部且仅包含"):
        reorder(fresh_db, session_id=sid, table="units", ids=ids[:-1])
    reorder(fresh_db, session_id=sid, table="units", ids=list(reversed(ids)))
    assert order(fresh_db, sid) == list(reversed(["市生态环境局", *NAMES[:4]]))


def test_draw_is_reproducible_from_the_seed_and_recorded(fresh_db, sid):
    result = draw_order(fresh_db, session_id=sid, seed="271828", witness="张三")
    assert order(fresh_db, sid) == result["order"] == drawn_order(NAMES, "271828")
    # The same seed gives the same order whatever the order the units were entered in.
    assert drawn_order(list(reversed(NAMES)), "271828") == result["order"]
    assert sorted(result["order"]) == sorted(NAMES)
    s = get_session(fresh_db, sid)
    assert (s.order_mode, s.draw_seed, s.draw_witness) == ("drawn", "271828", "张三")
    assert s.draw_at
    shown = session_dict(fresh_db, sid)["order"]
    assert shown["seed"] == "271828" and shown["mode"] == "drawn"


def test_draw_generates_a_seed_and_different_seeds_differ(fresh_db, sid):
    result = draw_order(fresh_db, session_id=sid)
    assert len(result["seed"]) == 6 and result["seed"].isdigit()
    orders = {tuple(drawn_order(NAMES, str(seed))) for seed in range(20)}
    assert len(orders) > 5


def test_draw_refused_once_live_or_with_one_unit(fresh_db, sid):
    set_status(fresh_db, session_id=sid, status="live")
    with pytest.raises(UserError, match="已开始"):
        draw_order(fresh_db, session_id=sid)
    other = create_session(fresh_db, title="小会", template=builtin_templates()[0])
    add_unit(fresh_db, session_id=other, name="唯一")
    with pytest.raises(UserError, match="至少需要两个"):
        draw_order(fresh_db, session_id=other)


def test_unit_with_scores_cannot_be_removed(fresh_db, sid):
    unit = list_units(fresh_db, sid)[0]
    expert = add_expert(fresh_db, session_id=sid, name="周立")
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    record_score(fresh_db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value=10)
    with pytest.raises(UserError, match="标记为缺席"):
        remove_unit(fresh_db, unit_id=unit.id)
    with pytest.raises(UserError, match="已有评分"):
        remove_expert(fresh_db, expert_id=expert.id)
    other = list_units(fresh_db, sid)[1]
    remove_unit(fresh_db, unit_id=other.id)
    assert [u.position for u in list_units(fresh_db, sid)] == [1, 2, 3, 4]


def test_recusal_set_and_cleared(fresh_db, sid):
    unit = list_units(fresh_db, sid)[0]
    expert = add_expert(fresh_db, session_id=sid, name="周立")
    set_recusal(fresh_db, session_id=sid, expert_id=expert.id, unit_id=unit.id, recused=True)
    assert list_recusals(fresh_db, sid) == {(expert.id, unit.id)}
    assert session_dict(fresh_db, sid)["recusals"] == [{"expert": "周立", "unit": "市教委"}]
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    with pytest.raises(UserError, match="回避"):
        record_score(fresh_db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value=1)
    set_recusal(fresh_db, session_id=sid, expert_id=expert.id, unit_id=unit.id, recused=False)
    assert list_recusals(fresh_db, sid) == set()


def test_sealed_session_refuses_edits(fresh_db, sid):
    set_status(fresh_db, session_id=sid, status="sealed")
    with pytest.raises(UserError, match="已封盘"):
        add_unit(fresh_db, session_id=sid, name="新单位")
