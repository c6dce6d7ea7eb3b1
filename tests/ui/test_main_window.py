"""The main window as a chair meets it: the session list, creating, duplicating and deleting
sessions, geometry that fits the screens present, the shortcuts list, the self-test."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect

from fazhi_desktop import roster, sessions
from ui import dialogs
from ui.main_window import MainWindow, clamp_to_screens
from ui.session_list import NewSessionDialog

ROOT = Path(__file__).resolve().parents[2]


def make_window(qtbot, db, path):
    w = MainWindow(db, path)
    qtbot.addWidget(w)
    w.show()
    return w


def test_demo_sessions_listed_and_opened(qtbot, demo_db, db_path):
    w = make_window(qtbot, demo_db, db_path)
    model = w.session_list.model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(titles) == 2 and titles[0].startswith("市级普法")  # newest first
    assert model.index(1, 2).data() == "已结束"
    assert w.open_session(1, page="setup")
    assert w.session_id == 1
    assert w.tabs.currentWidget().property("page_key") == "setup"
    assert "法治政府建设" in w.windowTitle()
    assert not w.open_session(999)


def test_new_session_dialog_refuses_then_creates(qtbot, fresh_db, db_path, monkeypatch):
    w = make_window(qtbot, fresh_db, db_path)
    d = NewSessionDialog(fresh_db, w)
    qtbot.addWidget(d)
    d.title.setText("2024年度评议会")
    d.date.setText("2024-13-01")
    d.accept()
    assert d.created_id is None and "无效" in d.error.text()
    assert sessions.list_sessions(fresh_db) == []
    d.date.setText("2024-12-01")
    d.template.setCurrentIndex(2)  # the weighted template
    d.accept()
    s = sessions.get_session(fresh_db, d.created_id)
    assert (s.title, s.date, s.status) == ("2024年度评议会", "2024-12-01", "draft")
    assert [c.name for c in sessions.load_template(fresh_db, s.id).components] == ["评议团评分", "社会评议", "联席会议成员评分"]


def test_duplicate_and_delete_with_confirmation(qtbot, demo_db, db_path, monkeypatch):
    w = make_window(qtbot, demo_db, db_path)
    w.open_session(1)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "2021年度渝东北片区评议会")
    new_id = w.session_list.duplicate_session()
    assert w.session_id == new_id
    assert [u.name for u in roster.list_units(demo_db, new_id)] == [u.name for u in roster.list_units(demo_db, 1)]
    assert not sessions.has_scores(demo_db, new_id)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    assert not w.session_list.delete_session()
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert w.session_list.delete_session()
    assert new_id not in [s["id"] for s in sessions.list_sessions(demo_db)]


def test_setup_title_change_updates_the_list(qtbot, demo_db, db_path):
    w = make_window(qtbot, demo_db, db_path)
    w.open_session(2, page="setup")
    form = w.page("setup").meeting
    form.edits["title"].setText("2023年度市级普法履职评议")
    form.edits["title"].editingFinished.emit()
    row = w.session_list.model.row_of(2)
    assert w.session_list.model.index(row, 0).data() == "2023年度市级普法履职评议"


def test_geometry_clamped_to_the_screens_present():
    laptop = QRect(0, 0, 1366, 768)
    # saved on a 1920×1080 projector to the right that is gone now
    assert clamp_to_screens(QRect(1500, 100, 1800, 1000), [laptop]) == QRect(0, 0, 1366, 768)
    assert clamp_to_screens(QRect(100, 50, 800, 600), [laptop]) == QRect(100, 50, 800, 600)
    two = [laptop, QRect(1366, 0, 1920, 1080)]
    assert clamp_to_screens(QRect(1400, 10, 1000, 700), two) == QRect(1400, 10, 1000, 700)


def test_shortcuts_dialog_lists_the_live_keys(qtbot, fresh_db, db_path):
    w = make_window(qtbot, fresh_db, db_path)
    d = w.show_shortcuts()
    rows = {d.table.item(r, 0).text(): d.table.item(r, 1).text() for r in range(d.table.rowCount())}
    assert rows["开始/暂停计时"] == "Space"
    assert rows["下一个单位"] == "Ctrl+Right"
    assert rows["撤销"] == "Ctrl+Z"


def test_self_test_reports_startup(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"], capture_output=True, text=True,
                         env=env, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = dict(line.split("=", 1) for line in out.stdout.split() if "=" in line)
    assert int(lines["startup_ms"]) > 0
    assert lines["self_test"] == "ok"
    # the compact scripted meeting ran through the window and the binding kept its references
    assert int(lines["soak_ms"]) > 0 and lines["soak_scores"] == "84" and lines["soak_questions"] == "4"
    lost = dict(pair.split(":") for pair in lines["soak_refs_lost"].split(","))
    assert all(int(n) <= 50 for n in lost.values()), lost


def test_unreadable_database_is_explained_not_overwritten(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is a text file, not a database\n" * 10)
    before = bad.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(bad), "sessions"], capture_output=True,
                         text=True, env=env, timeout=60)
    assert out.returncode == 2 and "不是" in out.stderr
    assert bad.read_bytes() == before


def test_history_window_opens_a_session_in_the_main_window(qtbot, demo_db, db_path):
    w = make_window(qtbot, demo_db, db_path)
    w.actions["history.open"].trigger()
    history = w._history
    assert history.isVisible()
    history.open_session_requested.emit(1)
    assert w.session_id == 1
    assert "法治政府建设" in w.windowTitle()


def test_the_window_fits_a_1366_by_768_screen_on_every_page(qtbot, demo_db, db_path):
    """A laptop of 1366×768 with a 40-px taskbar leaves 1366×728: no page may ask for more (the
    console's phone pane with its QR code once asked for 793 px and pushed the window off the screen)."""
    w = make_window(qtbot, demo_db, db_path)
    for session in (1, 2):
        assert w.open_session(session)
        for i in range(w.tabs.count()):
            w.tabs.setCurrentIndex(i)
            hint = w.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 728, (session, w.tabs.tabText(i), hint)
