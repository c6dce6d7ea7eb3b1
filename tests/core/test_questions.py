"""The question log: saved at once, with wall-clock time and the meeting's elapsed time."""
from __future__ import annotations

import pytest

from fazhi_desktop.errors import UserError
from fazhi_desktop.live import LiveMeeting
from fazhi_desktop.questions import (add_question, delete_question, list_questions, restore_question,
                                     update_question)
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.sessions import load_template
from fazhi_desktop.show import session_dict

READY = 2


@pytest.fixture
def ids(demo_db):
    return list_units(demo_db, READY)[0].id, list_experts(demo_db, READY)[0].id


def test_add_keeps_time_and_elapsed_and_shows_in_json(demo_db, ids):
    unit, expert = ids
    leaf = load_template(demo_db, READY).leaves()[0][1]
    q = add_question(demo_db, session_id=READY, unit_id=unit, expert_id=expert, text="  执法记录制度是什么？ ",
                     criterion_id=leaf.id, problem=True, measure="建立全过程记录台账", deadline="2024-03-31",
                     elapsed_s=512.04)
    assert q.text == "执法记录制度是什么？" and q.elapsed_s == 512.0 and q.problem and q.at[:2] == "20"
    shown = [x for x in session_dict(demo_db, READY)["questions"]]
    assert shown == [{"unit": list_units(demo_db, READY)[0].name, "expert": list_experts(demo_db, READY)[0].name,
                      "text": "执法记录制度是什么？", "answer": "", "criterion": shown[0]["criterion"],
                      "problem": True, "measure": "建立全过程记录台账", "deadline": "2024-03-31",
                      "at": q.at, "elapsed_s": 512.0}]
    assert shown[0]["criterion"]


def test_elapsed_defaults_to_time_since_meeting_began(demo_db, ids):
    t = [1_700_000_000.0]
    m = LiveMeeting(demo_db, READY, clock=lambda: t[0], wall=lambda: t[0])
    m.begin(); m.start()
    t[0] += 95
    assert m.meeting_elapsed() == pytest.approx(95)
    q = add_question(demo_db, session_id=READY, unit_id=ids[0], text="问", elapsed_s=m.meeting_elapsed())
    assert q.elapsed_s == 95.0


def test_bad_input_is_refused_and_nothing_stored(demo_db, ids):
    unit, expert = ids
    with pytest.raises(UserError, match="不能为空"):
        add_question(demo_db, session_id=READY, unit_id=unit, text="   ")
    with pytest.raises(UserError, match="日期"):
        add_question(demo_db, session_id=READY, unit_id=unit, text="问", deadline="2024-02-30")
    other_expert = list_experts(demo_db, 1)[0].id
    with pytest.raises(UserError, match="评议组"):
        add_question(demo_db, session_id=READY, unit_id=unit, text="问", expert_id=other_expert)
    assert list_questions(demo_db, READY) == []


def test_edit_returns_previous_values_and_delete_restores(demo_db, ids):
    unit, expert = ids
    q = add_question(demo_db, session_id=READY, unit_id=unit, expert_id=expert, text="原问题", elapsed_s=10)
    before = update_question(demo_db, question_id=q.id, text="改后的问题", answer="已答复", problem=True)
    assert before == {"text": "原问题", "answer": "", "problem": 0}
    gone = delete_question(demo_db, question_id=q.id)
    assert list_questions(demo_db, READY) == []
    back = restore_question(demo_db, question=gone)
    assert back == gone and back.text == "改后的问题" and back.elapsed_s == 10.0


def test_sealed_session_refuses_questions(demo_db, ids):
    demo_db.execute("UPDATE sessions SET status = 'sealed' WHERE id = ?", [READY])
    with pytest.raises(UserError, match="封盘"):
        add_question(demo_db, session_id=READY, unit_id=ids[0], text="问")
