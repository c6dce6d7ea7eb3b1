"""``--self-test``: the real application on a fresh temporary demo database.

The demo database is built first, then the program starts again on it in a process of its own,
which is the one measured: its ``startup_ms`` runs from that process's start (as the operating
system records it) to the main window's first paint, and so covers what a user waits for when
the program opens an existing database (interpreter, imports, opening and checking the file,
the window). Building the demo data is self-test material no user start performs; it is
reported beside it as ``demo_db_ms``.

The measured process shows the main window and the live console, waits until they have
painted, checks that icons and Chinese text render, exports the demo minutes when the export
module exists, runs a compact scripted meeting through the window (ui/soak.py), and prints one
``NAME_ms=N`` line per step and the soak's reference and memory figures. Exit status 0, or 1
with the reason on standard error. The frozen bundle runs this as its smoke test (installer
issue)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from fazhi_desktop.db import open_db
from fazhi_desktop.proc import ms_since_start
from fazhi_desktop.startup import complete

from . import crashlog


# Set by the first process for the measured one: the demo database and its sessions (past, ready).
DB_ENV = "FAZHI_SELFTEST_DB"
SESSIONS_ENV = "FAZHI_SELFTEST_SESSIONS"
SOAK_REF_NOISE = 50  # references that may come and go; an unsound binding loses thousands


class SelfTestFailed(Exception):
    pass


def _wait_painted(widget: QWidget, signal=None, timeout_ms: int = 15000) -> None:
    """Spin the event loop until ``signal`` fires (or the widget is exposed and grabbed)."""
    app = QApplication.instance()
    done = {"v": False}
    if signal is not None:
        signal.connect(lambda: done.__setitem__("v", True))
    timer = QElapsedTimer()
    timer.start()
    while not done["v"] and timer.elapsed() < timeout_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if signal is None and widget.isVisible():
            widget.repaint()
            done["v"] = True
    if not done["v"]:
        raise SelfTestFailed(f"{type(widget).__name__} 在 {timeout_ms} 毫秒内没有完成绘制")


def _ink(image: QImage) -> int:
    """How many pixels differ from the top-left (background) pixel."""
    bg = image.pixel(0, 0)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2) if image.pixel(x, y) != bg)


def check_chinese(app: QApplication) -> None:
    font = app.font()
    metrics = QFontMetrics(font)
    for ch in "法治评议专家":
        if not metrics.inFontUcs4(ord(ch)):
            raise SelfTestFailed(f"界面字体 {font.family()} 不含汉字“{ch}”：请安装中文字体（如 fonts-wqy-microhei）")
    image = QImage(160, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setFont(font)
    p.setPen(QColor("black"))
    p.drawText(4, 28, "法治评议")
    p.end()
    if _ink(image) < 20:
        raise SelfTestFailed("汉字没有画出来")


def check_icons() -> None:
    from .icons import icon

    pix = icon("meeting").pixmap(32, 32)
    if pix.isNull() or _ink(pix.toImage().convertToFormat(QImage.Format.Format_ARGB32)) < 10:
        raise SelfTestFailed("图标没有画出来（qtawesome 字体缺失？）")


def run_soak(window, db):
    """A compact scripted meeting (ui/soak.py) on a fresh copy of the demo's ready session: 2
    units through report, questions (2 each) and 84 typed scores, the projector with a message,
    the history searched. Fails on a step that does not happen, an unexpected dialog, or lost
    references to None/True/False (an unsound binding: the full app would abort mid-meeting)."""
    from fazhi_desktop.demo import add_ready_session

    from .soak import REF_NAMES, ScriptedMeeting, SoakFailed

    session_id = add_ready_session(db)
    window.session_list.reload()
    try:
        report = ScriptedMeeting(window, session_id, units=2, questions_per_unit=2).run()
    except SoakFailed as exc:
        raise SelfTestFailed(f"模拟评议会：{exc}") from exc
    if report.unexpected_dialogs:
        raise SelfTestFailed("模拟评议会中弹出了意外的对话框：" + "；".join(report.unexpected_dialogs))
    lost = report.lost()
    if any(lost[k] > SOAK_REF_NOISE for k in REF_NAMES):
        raise SelfTestFailed("模拟评议会中 Qt 绑定丢失了引用（" + "，".join(f"{k} {lost[k]}" for k in REF_NAMES)
                             + "）：此版本的 PySide6 在会议中途会崩溃")
    return report


def _program() -> list[str]:
    """How to start this program again: the frozen executable, or this interpreter (with its -X
    and -W options, so ``python -X importtime main.py --self-test`` profiles the measured run) on
    main.py."""
    import subprocess

    if getattr(sys, "frozen", False):
        return [sys.executable]
    main_py = Path(__file__).resolve().parents[1] / "main.py"
    return [sys.executable, *subprocess._args_from_interpreter_flags(), str(main_py)]


def run_measured(folder: Path | None = None) -> int:
    """Build the demo database, then run the self-test in a new process on it (its exit status)."""
    import subprocess
    import tempfile

    from fazhi_desktop.demo import add_demo

    folder = folder or Path(tempfile.mkdtemp(prefix="fazhi-selftest-"))
    db_path = folder / "selftest.db"
    t = time.perf_counter()
    try:
        db = open_db(db_path)
        try:
            past, ready = add_demo(db)
        finally:
            db.conn.close()
    except Exception as exc:  # noqa: BLE001 - the self-test reports any failure as a failure
        sys.stderr.write(f"自检失败：无法建立演示数据库 {db_path}：{type(exc).__name__}: {exc}\n")
        return 1
    print(f"demo_db_ms={int((time.perf_counter() - t) * 1000)}", flush=True)
    env = dict(os.environ, **{DB_ENV: str(db_path), SESSIONS_ENV: f"{past},{ready}"})
    try:
        return subprocess.call([*_program(), "--self-test"], env=env)
    except OSError as exc:
        sys.stderr.write(f"自检失败：无法再次启动本程序（{exc}）\n")
        return 1


def run_self_test(app: QApplication, binding_report=None) -> int:
    if not os.environ.get(DB_ENV):
        return run_measured()
    steps: list[tuple[str, int]] = []
    if binding_report is not None:  # measured by run_gui before anything else (ui/binding.py)
        steps.append(("binding_probe", round(binding_report.elapsed_ms)))
    db_path = Path(os.environ[DB_ENV])
    past, ready = (int(n) for n in os.environ[SESSIONS_ENV].split(","))
    folder = db_path.parent
    os.environ.setdefault("FAZHI_BACKUP_OFF", "1")
    # an exception in a slot is printed by Qt and the program goes on: here it fails the self-test
    crashes = crashlog.install(folder, show=None)
    extra_lines: list[str] = []
    try:
        from .main_window import MainWindow

        db = open_db(db_path, lazy=True)  # as run_gui opens it
        window = MainWindow(db, db_path, defer_shortcuts=True)  # as run_gui builds it
        window.resize(1366, 768)
        window.show()
        _wait_painted(window, window.painted)
        steps.append(("startup", ms_since_start()))
        complete(db)  # what run_gui's after_first_paint does
        window.finish_start()

        check_chinese(app)
        check_icons()

        t = time.perf_counter()
        window.open_session(ready, page="live")
        page = window.tabs.currentWidget()
        _wait_painted(page)
        image = window.grab().toImage()
        if _ink(image.scaled(400, 225)) < 200:
            raise SelfTestFailed("主窗口截图几乎是空白")
        steps.append(("live_console", int((time.perf_counter() - t) * 1000)))

        from fazhi_desktop import export as export_mod

        t = time.perf_counter()
        export_mod.self_test_export(db, past, folder / "export")
        steps.append(("export", int((time.perf_counter() - t) * 1000)))

        soak = run_soak(window, db)
        steps.append(("soak", soak.elapsed_ms))
        extra_lines = soak.lines()[1:]
        if crashes.count:
            raise SelfTestFailed(f"运行中出现 {crashes.count} 个未处理的异常（见上方输出）")
        window.close()
        db.conn.close()
    except SelfTestFailed as exc:
        sys.stderr.write(f"自检失败：{exc}\n")
        return 1
    except Exception as exc:  # noqa: BLE001 - the self-test reports any failure as a failure
        import traceback

        traceback.print_exc()
        sys.stderr.write(f"自检失败：{type(exc).__name__}: {exc}\n")
        return 1
    finally:
        QTimer.singleShot(0, app.quit)
    for name, ms in steps:
        print(f"{name}_ms={ms}")
    for line in extra_lines:
        print(line)
    print("self_test=ok")
    return 0
