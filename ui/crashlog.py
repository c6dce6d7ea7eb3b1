"""Failures leave a trace: ``<data folder>/crash.log`` and a dialog that says the data is safe.

- ``faulthandler`` writes the Python stack of every thread to the log when the process dies of a
  fatal signal or a fatal interpreter error (such as ``none_dealloc``), where nothing else can
  run. Its file stays open for the life of the process: at the crash there is no opening it.
- ``sys.excepthook`` and ``threading.excepthook`` catch what escapes a slot, a Qt virtual or a
  thread: the traceback goes to the log with a timestamp (and to stderr), and the chair sees a
  dialog saying the meeting data is safe — every change is committed to the database when it is
  made — and where the log is. Nothing is swallowed silently.

One dialog at a time: an error repeated on every repaint must not bury the window in dialogs;
the repeats are still logged.
"""
from __future__ import annotations

import faulthandler
import sqlite3
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from .i18n import app_name, arg, translate

LOG_NAME = "crash.log"
KEEP_BYTES = 1_000_000  # a larger log is moved to crash.log.1 at start (one old copy kept)

ShowFn = Callable[[str, "Path | None"], object]




def dialog_text(summary: str, path: Path | None) -> str:
    where = str(path) if path is not None else translate("crashlog", "（日志文件无法写入，详情见标准错误输出）")
    return (arg(translate("crashlog", "程序遇到意外错误：%1\n\n评议会数据是安全的：每一项录入在输入时都已保存到数据库，"
                "已保存的内容不会因此丢失。\n\n错误详情已记入日志：%2\n如问题再次出现，请把该文件交给技术支持。"), summary, where))


def show_dialog(summary: str, path: Path | None):
    """A non-modal error box over the active window (no nested event loop inside a hook)."""
    from PySide6.QtWidgets import QApplication, QMessageBox


    if QApplication.instance() is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, f"{app_name()} — " + translate("crashlog", "意外错误"), dialog_text(summary, path),
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setObjectName("crash_dialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box


class CrashLog(QObject):
    """The installed hooks and the open log file of this process."""

    _report = Signal(str)  # queued to the GUI thread when an error happens in another thread

    def __init__(self, folder: Path | None, *, show: ShowFn | None = show_dialog):
        super().__init__()
        self.path: Path | None = None
        self.file = None
        self.count = 0
        self.show = show
        self.dialog = None
        self._installed = False
        self._previous = (sys.excepthook, threading.excepthook)
        self._faulthandler_was = faulthandler.is_enabled()
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / LOG_NAME
                if path.exists() and path.stat().st_size > KEEP_BYTES:
                    path.replace(path.with_name(LOG_NAME + ".1"))
                self.file = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - open for the process lifetime
                self.path = path
            except OSError as exc:
                sys.stderr.write(f"警告：无法写入崩溃日志 {folder / LOG_NAME}：{exc}\n")
        self._report.connect(self._show)

    # -- hooks ------------------------------------------------------------------------------------
    def install(self) -> "CrashLog":
        self._installed = True
        faulthandler.enable(file=self.file if self.file is not None else sys.stderr, all_threads=True)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        """Put the previous hooks back and close the log (tests; the application never does)."""
        if self._installed:
            sys.excepthook, threading.excepthook = self._previous
            if self._faulthandler_was and sys.__stderr__ is not None:
                faulthandler.enable(file=sys.__stderr__, all_threads=True)
            else:
                faulthandler.disable()
            self._installed = False
        if self.file is not None:
            self.file.close()
            self.file = None

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self.record(exc_type, exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.record(args.exc_type, args.exc_value, args.exc_traceback, name)

    # -- recording ----------------------------------------------------------------------------------
    def record(self, exc_type, exc, tb, thread_name: str = "MainThread", *, tell: bool = True) -> str:
        """Append the traceback with a timestamp, echo it to stderr, then tell the user (unless the
        caller shows the failure itself: ``tell=False``)."""
        import platform  # not at import: the window's first paint does not need it

        from fazhi_desktop import __version__

        import PySide6

        self.count += 1
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        entry = (f"==== {stamp} 未处理的异常（线程 {thread_name}）fazhi-review {__version__}, "
                 f"PySide6 {PySide6.__version__}, Python {platform.python_version()}\n{text}\n")
        if self.file is not None:
            try:
                self.file.write(entry)
                self.file.flush()
            except OSError:
                pass  # the entry still goes to stderr below
        sys.stderr.write(entry)
        summary = f"{exc_type.__name__}: {exc}"
        if issubclass(exc_type, sqlite3.Error):  # a lock held too long, a full disk: in the user's words
            from fazhi_desktop.db import database_error_text

            summary = database_error_text(exc)
        if not tell:
            return entry
        if threading.current_thread() is threading.main_thread():
            self._show(summary)
        else:
            self._report.emit(summary)  # queued: widgets only in the GUI thread
        return entry

    @Slot(str)
    def _show(self, summary: str) -> None:
        if self.show is None:
            return
        if self.dialog is not None:
            try:
                if self.dialog.isVisible():
                    return  # one dialog at a time; the repeat is in the log
            except RuntimeError:  # deleted when closed
                pass
        self.dialog = self.show(summary, self.path)


_INSTALLED: CrashLog | None = None


def install(folder: Path | None, *, show: ShowFn | None = show_dialog) -> CrashLog:
    """Install the hooks for this process (call after the QApplication exists)."""
    global _INSTALLED
    if _INSTALLED is not None:
        _INSTALLED.uninstall()
    _INSTALLED = CrashLog(folder, show=show).install()
    return _INSTALLED


def log_handled(exc: BaseException) -> None:
    """An unexpected error that its caller shows the user itself (the export worker's failure
    message): still leave its traceback in the crash log."""
    if _INSTALLED is not None:
        _INSTALLED.record(type(exc), exc, exc.__traceback__, threading.current_thread().name, tell=False)
    else:
        traceback.print_exception(type(exc), exc, exc.__traceback__)
