"""The live console and projector as the chair and the room see them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from fazhi_desktop.db import open_db
from fazhi_desktop.questions import list_questions
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.scoring import record_score
from fazhi_desktop.sessions import load_template, set_status
from ui.live.console import PAUSED_COLOUR, ConsolePage
from ui.live.models import AgendaModel, QuestionModel
from ui.live.projector import TIMER_COLOURS, ProjectorWindow, projector_geometry

READY = 2


class Clock:
    def __init__(self):
        self.t = 1_700_000_000.0

    def __call__(self):
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def page(qtbot, demo_db, clock):
    set_status(demo_db, session_id=READY, status="live")
    p = ConsolePage(demo_db, READY, clock=clock, wall=clock)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    dispose(p)


def dispose(p):
    """Close the page before its database closes (a late repaint must not read a closed file)."""
    if p.projector is not None:
        p.projector.close()
    p._timer.stop()
    p.close()
    p.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def ime_type(widget, text):
    """Chinese arrives through the input method as committed text (QTest.keyClicks is ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _action(page, key):
    return page.actions[key]


def test_space_starts_and_colours_follow_the_time(page, qtbot, clock):
    assert page.timer_label.text() == "08:00"
    page.agenda.setFocus()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Space)
    assert page.meeting.running
    clock.t += 6 * 60 + 59
    page._tick()
    assert page.timer_label.text() == "01:01" and page.timer_colour() == TIMER_COLOURS["normal"]
    clock.t += 1
    page._tick()
    assert page.timer_label.text() == "01:00" and TIMER_COLOURS["warn"] in page.timer_label.styleSheet()
    clock.t += 90
    page._tick()
    assert page.timer_label.text() == "+00:30" and TIMER_COLOURS["overtime"] in page.timer_label.styleSheet()
    _action(page, "live.add_minute").trigger()
    assert page.timer_label.text() == "00:30"
    assert page.chimes == 2  # at the warning and at zero, not when the minute was added
    qtbot.keyClick(page.agenda, Qt.Key.Key_Space)  # pause
    clock.t += 100
    page._tick()
    assert page.timer_label.text() == "00:30" and not page.meeting.running
    tip = page.agenda_model.data(page.agenda_model.index(0, AgendaModel.COL_USED), Qt.ItemDataRole.ToolTipRole)
    assert tip == "汇报 8:30 / 8:00 + 1:00；提问答复 0:00 / 5:00"  # planned against actual


def test_end_phase_and_next_unit_by_keyboard(page, qtbot, demo_db, clock):
    units = list_units(demo_db, READY)
    page.agenda.setFocus()
    qtbot.keyClick(page.agenda, Qt.Key.Key_N)
    assert page.meeting.phase == "questions" and page.phase_label.text() == "提问答复"
    qtbot.keyClick(page.agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.unit_label.text() == units[1].name
    qtbot.keyClick(page.agenda, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert page.unit_label.text() == units[0].name and page.meeting.phase == "questions"
    qtbot.keyClick(page.agenda, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)  # N was pressed too early
    # back in the report, stopped: it must not look like a running clock
    assert page.meeting.phase == "report" and page.phase_label.text() == "汇报 · 已暂停（空格键继续）"
    assert PAUSED_COLOUR in page.timer_label.styleSheet()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Space)
    assert page.phase_label.text() == "汇报" and TIMER_COLOURS["normal"] in page.timer_label.styleSheet()


def test_n_starts_the_questions_clock_and_asks_before_leaving_unfinished_scoring(page, qtbot, demo_db, clock,
                                                                                 monkeypatch):
    from ui import dialogs

    page.agenda.setFocus()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Space)
    clock.t += 60
    qtbot.keyClick(page.agenda, Qt.Key.Key_N)
    assert page.meeting.phase == "questions" and page.meeting.running  # the experts have the floor at once
    clock.t += 30
    page._tick()
    assert page.timer_label.text() == "04:30"
    qtbot.keyClick(page.agenda, Qt.Key.Key_N)
    assert page.meeting.phase == "scoring"
    unit = page.meeting.unit()
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, text, *a, **k: asked.append(text) or False)
    qtbot.keyClick(page.agenda, Qt.Key.Key_N)
    assert page.meeting.phase == "scoring" and page.meeting.unit_id == unit.id  # the chair stayed
    first = list_experts(demo_db, READY)[0].name
    assert f"“{unit.name}”还有 7 位专家的评分未完成" in asked[0] and f"{first}（未评分）" in asked[0]
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    qtbot.keyClick(page.agenda, Qt.Key.Key_N)
    assert page.meeting.unit_id != unit.id and page.meeting.phase == "report"


def test_question_by_keyboard_is_stored_with_elapsed_time(page, qtbot, demo_db, clock):
    page.meeting.start()
    clock.t += 125
    qtbot.keyClick(page.agenda, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert page.log.question_edit.hasFocus()  # Ctrl+Q goes where its hint says: the question field
    qtbot.keyClick(page.log.question_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert page.log.expert_box.lineEdit().hasFocus()  # pressed again: who asks
    first = list_experts(demo_db, READY)[0].name
    ime_type(page.log.expert_box.lineEdit(), first[0])
    assert page.log.expert_box.currentText() == first  # completed from the first character
    qtbot.keyClick(page.log.expert_box.lineEdit(), Qt.Key.Key_Return)
    assert page.log.question_edit.hasFocus()
    ime_type(page.log.question_edit, "执法记录制度是什么？")
    qtbot.keyClick(page.log.question_edit, Qt.Key.Key_Return)
    rows = list_questions(demo_db, READY)
    assert len(rows) == 1
    assert rows[0].text == "执法记录制度是什么？" and rows[0].elapsed_s == pytest.approx(125, abs=1.5)
    assert rows[0].expert_id == list_experts(demo_db, READY)[0].id
    assert page.log.question_model.rowCount() == 1 and page.log.question_edit.text() == ""


def test_unknown_expert_is_refused_with_a_message(page, qtbot, demo_db):
    page.log.expert_box.setEditText("无此人")
    page.log.question_edit.setText("问")
    page.log.add_question()
    assert "无此人" in page.message_label.text() and list_questions(demo_db, READY) == []


def test_delete_then_undo_restores_the_question(page, qtbot, demo_db):
    page.log.question_edit.setText("普法责任清单是否公开？")
    page.log.add_question()
    page.log.question_view.selectRow(0)
    page.log.delete_question()
    assert list_questions(demo_db, READY) == []
    page.undo_stack.undo()
    rows = list_questions(demo_db, READY)
    assert [q.text for q in rows] == ["普法责任清单是否公开？"] and page.log.question_model.rowCount() == 1
    page.undo_stack.undo()  # undo the entry itself
    assert list_questions(demo_db, READY) == []
    page.undo_stack.redo()
    assert [q.text for q in list_questions(demo_db, READY)] == ["普法责任清单是否公开？"]


def test_absent_and_move_later_from_the_agenda(page, demo_db):
    units = list_units(demo_db, READY)
    page.agenda.selectRow(2)
    _action(page, "live.mark_absent").trigger()
    assert list_units(demo_db, READY)[2].status == "absent"
    assert page.agenda_model.data(page.agenda_model.index(2, AgendaModel.COL_STATUS)) == "缺席"
    page.agenda.selectRow(0)
    page.move_later()
    assert list_units(demo_db, READY)[-1].id == units[0].id and page.unit_label.text() == units[1].name


def test_console_resumes_after_the_objects_are_dropped(qtbot, demo_db, db_path, clock):
    set_status(demo_db, session_id=READY, status="live")
    p = ConsolePage(demo_db, READY, clock=clock, wall=clock)
    qtbot.addWidget(p)
    p.meeting.start()
    clock.t += 200
    p.log.question_edit.setText("崩溃前的提问")
    p.log.add_question()
    dispose(p)
    demo_db.conn.close()
    clock.t += 30
    db = open_db(db_path)
    again = ConsolePage(db, READY, clock=clock, wall=clock)
    qtbot.addWidget(again)
    assert again.meeting.running and again.meeting.elapsed() == pytest.approx(230)
    assert again.timer_label.text() == "04:10"
    assert again.log.question_model.rowCount() == 1
    dispose(again)
    db.conn.close()


def test_second_console_on_the_same_session_is_refused(page, demo_db):
    from fazhi_desktop.errors import UserError
    with pytest.raises(UserError, match="已经打开"):
        ConsolePage(demo_db, READY)


def test_draft_session_offers_to_begin(qtbot, demo_db):
    p = ConsolePage(demo_db, READY)
    assert not p.begin_button.isHidden() and not _action(p, "live.start_pause").isEnabled()
    p.begin()
    assert p.meeting.session.status == "live" and p.begin_button.isHidden()
    assert p.unit_label.text() == list_units(demo_db, READY)[0].name
    dispose(p)


def test_projector_geometry_is_clamped_to_the_screens():
    one = [QRect(0, 0, 1366, 768)]
    two = [QRect(0, 0, 1366, 768), QRect(1366, 0, 1920, 1080)]
    assert projector_geometry(1, two) == QRect(1366, 0, 1920, 1080)
    assert projector_geometry(5, two) == QRect(1366, 0, 1920, 1080)  # gone: the last screen
    assert projector_geometry(1, one) == QRect(0, 0, 1366, 768)      # one screen works too
    assert projector_geometry(-1, two) == QRect(1366, 0, 1920, 1080)
    assert projector_geometry(0, []) == QRect(0, 0, 1024, 768)


@pytest.fixture
def two_screens(monkeypatch):
    """A laptop with a projector attached (offscreen has one screen)."""
    from ui.live import projector_bar

    monkeypatch.setattr(projector_bar, "screen_rects", lambda: [QRect(0, 0, 1366, 768), QRect(1366, 0, 1920, 1080)])


def test_projector_on_one_screen_warns_and_opens_in_a_window_that_says_how_to_close(page, qtbot, monkeypatch):
    from ui import dialogs

    offered = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: offered.append((text, options)))
    page.toggle_projector()
    assert page.projector is None  # cancelled: nothing covers the console
    assert "只检测到一个屏幕" in offered[0][0] and [k for k, _ in offered[0][1]] == ["window", "preview"]
    monkeypatch.setattr(dialogs, "choose", lambda *a: "window")
    page.toggle_projector()
    proj = page.projector
    qtbot.waitExposed(proj)
    assert proj.isVisible() and not proj.isFullScreen()
    assert not proj.windowFlags() & Qt.WindowType.FramelessWindowHint  # a frame, with its own close button
    assert proj.width() < QApplication.primaryScreen().availableGeometry().width()
    assert "F5" in proj.close_hint.text() and "Esc" in proj.close_hint.text()
    qtbot.keyClick(proj, Qt.Key.Key_Escape)
    assert not proj.isVisible()


def test_projector_shows_the_room_what_it_needs_and_never_a_score(page, qtbot, demo_db, clock, two_screens):
    unit = list_units(demo_db, READY)[0]
    expert = list_experts(demo_db, READY)[0]
    for _path, leaf in load_template(demo_db, READY).leaves():
        record_score(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id,
                     value=leaf.maximum - 1)
    page.toggle_projector()
    proj = page.projector
    qtbot.waitExposed(proj)
    assert proj.isFullScreen() and proj.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert proj.close_hint.text() == "按 F5 关闭投屏"
    page.meeting.start()
    clock.t += 8 * 60 + 5
    page._tick()
    texts = proj.texts()
    assert page.meeting.session.title in texts and unit.name in texts and "+00:05" in texts
    assert TIMER_COLOURS["overtime"] in proj.clock.styleSheet()
    page.flash("请控制时间")
    assert "请控制时间" in proj.texts()
    page.meeting.end_phase(); page.meeting.end_phase(); page.refresh()  # scoring phase
    joined = " ".join(proj.texts())
    assert "得分" not in joined and "95" not in joined and str(leaf.maximum - 1) not in joined
    assert not hasattr(proj, "db")
    page.toggle_projector()
    assert not proj.isVisible()


def test_models(qtmodeltester, page, demo_db):
    qtmodeltester.check(page.agenda_model)
    page.log.question_edit.setText("问")
    page.log.add_question()
    model = QuestionModel(demo_db, READY)
    model.set_unit(page.meeting.unit_id)
    qtmodeltester.check(model)


def test_rehearsal_runs_on_a_copy_and_leaves_no_trace(qtbot, demo_db, clock):
    from ui.live.rehearsal import RehearsalWindow
    p = ConsolePage(demo_db, READY, clock=clock, wall=clock)
    assert not p.rehearse_button.isHidden()
    asked = []
    p.rehearsal_requested.connect(asked.append)
    p.rehearse_button.click()
    assert asked == [READY]  # the main window opens it (MainWindow.open_rehearsal)
    window = RehearsalWindow(demo_db, READY, clock=clock, wall=clock)
    qtbot.addWidget(window)
    console = window.console
    console.begin()
    console.meeting.start(); clock.t += 60
    console.log.question_edit.setText("演练中的提问")
    console.log.add_question()
    window.actions["edit.undo"].trigger()
    assert list_questions(demo_db, window.copy_id) == []
    window.actions["edit.redo"].trigger()
    assert [q.text for q in list_questions(demo_db, window.copy_id)] == ["演练中的提问"]
    window.close()
    assert demo_db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    assert list_questions(demo_db, READY) == []
    assert p.meeting.session.status == "draft" and list_units(demo_db, READY)[0].status == "waiting"
    dispose(p)
    dispose(console)


def test_console_let_go_by_the_main_window_does_not_block_a_new_one(qtbot, demo_db):
    set_status(demo_db, session_id=READY, status="live")
    old = ConsolePage(demo_db, READY)
    old._timer.stop()
    old.deleteLater()  # what the main window does when the session is opened again
    new = ConsolePage(demo_db, READY)
    assert new._claimed
    dispose(new)


def test_closing_the_main_window_mid_meeting_asks_and_keeps_state(qtbot, demo_db, db_path, monkeypatch):
    from ui import dialogs
    from ui.main_window import MainWindow
    set_status(demo_db, session_id=READY, status="live")
    window = MainWindow(demo_db, db_path)
    qtbot.addWidget(window)
    window.show()
    assert window.open_session(READY, page="live")
    page = window.page("live")
    qtbot.waitExposed(window)
    page.meeting.start()
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: asked.append(a) or False)
    window.close()
    assert asked and window.isVisible()  # the chair said no: the window stays
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window.close()
    assert not window.isVisible()
    row = demo_db.execute("SELECT running, phase FROM live_state WHERE session_id = ?", [READY]).fetchone()
    assert row == (1, "report")  # kept: reopening continues the timer
    dispose(page)


def test_schedule_line_follows_the_running_phase(page, clock):
    page.meeting.start()
    clock.t += 9 * 60
    for _ in range(5):
        page._tick()
    assert "落后 1:00" in page.schedule_label.text()


def test_enter_on_an_agenda_row_jumps_there(page, qtbot, demo_db):
    units = list_units(demo_db, READY)
    page.agenda.setFocus()
    page.agenda.setCurrentIndex(page.agenda_model.index(4, AgendaModel.COL_NAME))
    qtbot.keyClick(page.agenda, Qt.Key.Key_Return)
    assert page.meeting.unit_id == units[4].id and page.unit_label.text() == units[4].name


def test_edit_marks_a_problem_and_undo_takes_it_back(page, demo_db, monkeypatch):
    from ui.live import question_log
    page.log.question_edit.setText("重大执法决定法制审核由谁负责？")
    page.log.add_question()
    page.log.question_view.selectRow(0)

    class Answered(question_log.QuestionDialog):
        def exec(self):
            self.answer.setPlainText("由法制机构审核，全年审核 126 件")
            self.problem.setChecked(True)
            self.measure.setText("建立审核台账")
            self.deadline.setText("2024-06-30")
            return True
    monkeypatch.setattr(question_log, "QuestionDialog", Answered)
    page.log.edit_question()
    q = list_questions(demo_db, READY)[0]
    assert q.problem and q.measure == "建立审核台账" and q.deadline == "2024-06-30"
    assert "建立审核台账" in page.log.question_model.data(page.log.question_model.index(0, QuestionModel.COL_PROBLEM))
    page.undo_stack.undo()
    q = list_questions(demo_db, READY)[0]
    assert not q.problem and q.measure == "" and q.answer == "" and q.deadline is None


def test_timing_changed_in_setup_applies_on_refresh(page, demo_db):
    from decimal import Decimal

    from fazhi_desktop.sessions import set_template
    template = load_template(demo_db, READY)
    template.timing.report_minutes = Decimal(10)
    set_template(demo_db, session_id=READY, template=template)
    page.refresh()
    assert page.timer_label.text() == "10:00" and page.limit_label.text() == "限时 10:00"


def test_open_rectification_items_are_in_front_of_the_chair(qtbot, demo_db, clock):
    from fazhi_desktop import ledger

    ledger.add_item(demo_db, unit_name="市教委", problem="普法责任清单未向社会公开", measure="年底前公开",
                    deadline="2023-06-30")
    set_status(demo_db, session_id=READY, status="live")
    p = ConsolePage(demo_db, READY, clock=clock, wall=clock)
    qtbot.addWidget(p)
    try:
        name = p.agenda_model.index(0, p.agenda_model.COL_NAME).data()
        assert name == "市教委（整改 1）"
        assert p.agenda_model.index(1, p.agenda_model.COL_NAME).data() == "市公安局"
        assert p.meeting.unit().name == "市教委"
        assert p.open_items.count() == 1
        assert p.tabs.tabText(p.tabs.indexOf(p.open_items)) == "往次整改（1）"
        assert "普法责任清单未向社会公开" in p.open_items.list.item(0).text()
    finally:
        dispose(p)


def test_results_reach_the_projector_only_when_the_chair_reveals_them(qtbot, demo_db, clock, monkeypatch,
                                                                     two_screens):
    from ui import dialogs

    p = ConsolePage(demo_db, 1, clock=clock, wall=clock)  # the finished 2020 session, fully scored
    qtbot.addWidget(p)
    try:
        p.toggle_projector()
        assert not any("91.10" in t for t in p.projector.texts())
        monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
        assert not p.reveal_results(True)
        assert not any("91.10" in t for t in p.projector.texts())
        monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
        assert p.reveal_results(True)
        table = p.projector.results.text()
        assert table.index("开州区") < table.index("垫江县") < table.index("万州区")  # ranked order
        assert "91.10" in table and "优秀" in table
        assert p.projector.clock.isHidden()
        p.reveal_results(False)
        assert not any("91.10" in t for t in p.projector.texts())
        assert not p.projector.clock.isHidden()
    finally:
        dispose(p)
