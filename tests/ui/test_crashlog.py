"""Failures leave a trace: an error in a slot, a Qt virtual or a thread lands in
<data folder>/crash.log with a timestamp and the chair is told the data is safe and where the log
is; a hard crash (fatal signal) leaves the Python stack in the same file."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ui import crashlog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log(tmp_path):
    installed = crashlog.install(tmp_path / "data")
    yield installed
    installed.uninstall()
    crashlog._INSTALLED = None
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def crash_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
            and w.objectName() == "crash_dialog"]


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_the_user_told_the_data_is_safe(qtbot, log, tmp_path):
    button = QPushButton("保存")
    qtbot.addWidget(button)

    def on_click():
        raise ValueError("单位编号 99 不存在")

    button.clicked.connect(on_click)
    button.click()  # the click returns: the application goes on
    path = tmp_path / "data" / "crash.log"
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^==== \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", text, re.M)  # timestamped
    assert "ValueError: 单位编号 99 不存在" in text and "on_click" in text
    boxes = crash_boxes()
    assert len(boxes) == 1
    message = boxes[0].text()
    assert "评议会数据是安全的" in message and str(path) in message and "单位编号 99 不存在" in message
    # the same error again (say, on every repaint): logged, but no second dialog
    button.click()
    assert path.read_text(encoding="utf-8").count("ValueError: 单位编号 99 不存在") == 2
    assert len(crash_boxes()) == 1 and log.count == 2


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker_thread_is_logged_and_shown_in_the_gui_thread(qtbot, log, tmp_path):
    def work():
        raise OSError("磁盘已满")

    t = threading.Thread(target=work, name="export-worker")
    t.start()
    t.join()
    text = (tmp_path / "data" / "crash.log").read_text(encoding="utf-8")
    assert "线程 export-worker" in text and "OSError: 磁盘已满" in text
    qtbot.waitUntil(lambda: len(crash_boxes()) == 1)  # queued to the GUI thread, not made in the worker
    assert "磁盘已满" in crash_boxes()[0].text()


def test_a_fatal_crash_leaves_the_stack_in_the_log(tmp_path):
    code = ("import faulthandler, sys; from pathlib import Path; from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([]); from ui import crashlog; crashlog.install(Path(sys.argv[1]), show=None)\n"
            "def in_the_meeting(): faulthandler._sigsegv()\n"
            "in_the_meeting()\n")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode != 0
    text = (tmp_path / "data" / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in text and "in_the_meeting" in text


def test_an_unwritable_data_folder_still_reports_to_stderr(qtbot, tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    installed = crashlog.CrashLog(blocked / "data", show=None)
    try:
        assert installed.path is None
        installed.record(RuntimeError, RuntimeError("x"), None)
        err = capsys.readouterr().err
        assert "无法写入崩溃日志" in err and "RuntimeError: x" in err
        assert "无法写入" in crashlog.dialog_text("RuntimeError: x", None)
    finally:
        installed.uninstall()


def test_an_unexpected_export_failure_is_shown_by_the_dialog_and_logged(qtbot, log, tmp_path, demo_db, db_path,
                                                                        monkeypatch):
    """The export worker shows its own failure message; the traceback still goes to the log, and
    no second (crash) dialog covers the export dialog's message."""
    from ui.export import worker as worker_mod

    def boom(*args, **kwargs):
        raise ZeroDivisionError("字体表损坏")

    monkeypatch.setattr(worker_mod, "run_export", boom)
    w = worker_mod.ExportWorker(db_path, 1, tmp_path / "out", kinds=["pdf"], show_experts=True)
    failures = []
    w.failed.connect(failures.append)
    w.run()
    assert failures and "意外错误" in failures[0] and "崩溃日志" in failures[0]
    text = (tmp_path / "data" / "crash.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: 字体表损坏" in text and crash_boxes() == []


@pytest.mark.qt_no_exception_capture
def test_a_locked_database_in_a_slot_is_told_in_words(qtbot, log, tmp_path):
    import sqlite3

    seen = []
    log.show = lambda summary, path: seen.append(summary)
    button = QPushButton("保存")
    qtbot.addWidget(button)

    def on_click():
        raise sqlite3.OperationalError("database is locked")

    button.clicked.connect(on_click)
    button.click()
    assert seen and "正被另一个程序" in seen[0] and "OperationalError" not in seen[0]
    assert "database is locked" in (tmp_path / "data" / "crash.log").read_text(encoding="utf-8")
