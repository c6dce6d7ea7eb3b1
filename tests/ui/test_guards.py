"""What the window does so that a chair does not lose work or change a finished record by accident:
unsaved template edits, read-only finished sessions everywhere, undo only where it acts, the first
start, the backup list in words."""
from __future__ import annotations

import pytest

from fazhi_desktop import backup, sessions
from fazhi_desktop.lifecycle import finish_session
from ui import dialogs
from ui.backups import BackupDialog
from ui.main_window import MainWindow

from .conftest import close_window


@pytest.fixture
def window(demo_window):
    return demo_window


def editor(w):
    return w.page("setup").template


def test_unsaved_template_edits_ask_save_discard_or_stay(window, demo_db, monkeypatch):
    w = window
    w.open_session(2)
    ed = editor(w)
    assert ed.library.currentData() == "普法履职报告评议"  # the combo names the session's own template
    ed.report.setValue(10)
    assert ed.dirty
    monkeypatch.setattr(dialogs, "save_discard_stay", lambda *a: "stay")
    assert not w.open_session(1) or w.session_id == 2
    assert w.session_id == 2 and w.session_list.current_id() == 2 and editor(w).dirty
    assert w.tabs.currentWidget() is w.page("setup")
    monkeypatch.setattr(dialogs, "save_discard_stay", lambda *a: "save")
    w.open_session(1)
    assert w.session_id == 1
    assert sessions.load_template(demo_db, 2).timing.report_minutes == 10  # saved on the way out
    w.open_session(2)
    editor(w).report.setValue(12)
    monkeypatch.setattr(dialogs, "save_discard_stay", lambda *a: "discard")
    w.open_session(1)
    assert w.session_id == 1 and sessions.load_template(demo_db, 2).timing.report_minutes == 10


def test_a_finished_session_is_read_only_in_every_page(window, demo_db):
    w = window
    finish_session(demo_db, session_id=2, override_reason="测试")
    w.open_session(2, page="setup")
    ed = editor(w)
    assert not ed.load_button.isEnabled() and not ed.import_button.isEnabled()
    assert not any(b.isEnabled() for b in ed.structure_buttons) and not any(b.isEnabled() for b in ed.row_buttons)
    before = [c.name for c in sessions.load_template(demo_db, 2).criteria]
    ed.library.setCurrentIndex(ed.library.findData("法治政府建设暨普法总结评议"))
    assert not ed.load_library_choice() and not ed.dirty
    assert [c.name for c in sessions.load_template(demo_db, 2).criteria] == before
    assert "已结束" in ed.message.text() and "重新打开" in ed.message.text()
    form = w.page("setup").meeting
    assert form.edits["title"].isReadOnly() and not form.summary.isReadOnly()  # the summary is written after
    log = w.page("live").log
    assert not log.question_edit.isEnabled() and not log.expert_box.isEnabled()
    assert not w.page("live").actions["live.focus_question"].isEnabled()
    grid = w.page("scoring").model
    assert grid.read_only


def test_undo_and_redo_only_where_a_page_can_undo(window, qtbot):
    w = window
    w.open_session(2, page="setup")
    assert not w.actions["edit.undo"].isEnabled() and not w.actions["edit.redo"].isEnabled()
    w.show_page("scoring")
    page = w.page("scoring")
    assert not w.actions["edit.undo"].isEnabled()
    page.grid.setFocus()
    page.model.setData(page.model.index(*page.grid._cells()[0]), "18")
    assert w.actions["edit.undo"].isEnabled() and "撤销" in w.actions["edit.undo"].text()
    w.actions["edit.undo"].trigger()
    assert w.actions["edit.redo"].isEnabled() and not w.actions["edit.undo"].isEnabled()
    w.show_page("setup")
    assert not w.actions["edit.redo"].isEnabled()


def test_first_start_names_new_and_offers_the_demo(qtbot, fresh_db, db_path, request):
    w = MainWindow(fresh_db, db_path)
    qtbot.addWidget(w)
    w.show()
    request.addfinalizer(lambda: close_window(w))
    assert w.stack.currentWidget() is w.empty and w.demo_button.isVisible()
    assert w.session_list.buttons["new"].text() == "新建"
    ready = w.load_demo()
    assert w.session_id == ready and sessions.get_session(fresh_db, ready).status == "draft"
    assert w.tabs.currentWidget().property("page_key") == "setup"
    from fazhi_desktop import ledger

    assert ledger.count_items(fresh_db) > 0  # the demo's past session comes with its ledger


def test_backup_list_names_the_session(qtbot, demo_db, db_path):
    backup.snapshot(demo_db, reason="manual", session_id=2)
    dialog = BackupDialog(db_path, lambda: None, titles={2: "市级普法责任单位普法履职报告评议会"})
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 2).text() == "市级普法责任单位普法履职报告评议会"


def test_rehearsal_from_the_console_opens_a_copy_in_its_own_window(window, demo_db):
    w = window
    w.open_session(2, page="live")
    w.page("live").rehearse_button.click()
    rehearsal = w.rehearsal
    assert rehearsal.isVisible() and rehearsal.copy_id != 2
    assert "演练" in rehearsal.windowTitle()
    rehearsal.close()
    assert demo_db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2  # the copy is gone
