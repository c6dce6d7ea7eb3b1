"""Automatic snapshots while a meeting runs, and the restore dialog.

``BackupKeeper`` watches the sessions' status (one small query every few seconds, so it works
whichever page or window changed it): a snapshot when a session goes live, every few minutes
while one is live, and when it ends. The copy runs in a worker thread through its own connection
to the file (a 100 MB history takes ~0.15 s here, seconds on an old disk: the timer must not
stop). A failing snapshot (read-only folder, full disk) is shown in the status bar and the
meeting goes on."""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from fazhi_desktop import backup
from fazhi_desktop.errors import UserError
from fazhi_desktop.sessions import list_sessions

from . import dialogs

POLL_MS = 5000


class BackupKeeper(QObject):
    """``snapshot_taken(label)`` after each snapshot; ``failed(message)`` when one could not be written."""

    snapshot_taken = Signal(str)
    failed = Signal(str)

    def __init__(self, db_getter: Callable[[], object], db_path: Path, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic, every_s: float = backup.EVERY_S,
                 background: bool = True):
        super().__init__(parent)
        self.db_getter = db_getter
        self.db_path = Path(db_path)
        self.clock = clock
        self.every_s = every_s
        self.enabled = os.environ.get("FAZHI_BACKUP_OFF") != "1"
        self.background = background
        self.worker: threading.Thread | None = None
        self.status: dict[int, str] = {}
        self.last_at: float | None = None
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.check)
        self._first = True

    def start(self) -> None:
        self.check()
        self.timer.start()

    def _snap(self, reason: str, session_id: int | None) -> None:
        if self.busy():
            return  # one copy at a time; a periodic one that is skipped comes round again
        self.last_at = self.clock()
        if not self.background:
            self._copy(reason, session_id)
            return
        self.worker = threading.Thread(target=self._copy, args=(reason, session_id), daemon=True,
                                       name="fazhi-backup")
        self.worker.start()

    def _copy(self, reason: str, session_id: int | None) -> None:
        """The copy itself: from the file, through a connection of its own (safe in any thread).
        The signals reach the window's thread queued."""
        try:
            snap = backup.snapshot(self.db_path, reason=reason, session_id=session_id)
        except UserError as exc:
            self.failed.emit(str(exc))
            return
        self.snapshot_taken.emit(f"{snap.label} {snap.at:%H:%M:%S}")

    def busy(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Until a running copy is done (before a restore, or at exit)."""
        if self.worker is not None:
            self.worker.join(timeout)

    def check(self) -> None:
        """Compare each session's status with the last check and snapshot on a change."""
        if not self.enabled:
            return
        try:
            now = {r["id"]: r["status"] for r in list_sessions(self.db_getter())}
        except sqlite3.ProgrammingError:  # the window closed its database: nothing left to watch
            self.timer.stop()
            return
        live = [sid for sid, st in now.items() if st == "live"]
        if not self._first:
            for sid, st in now.items():
                before = self.status.get(sid)
                if st == "live" and before != "live":
                    self._snap("live", sid)
                elif before == "live" and st in ("finished", "sealed"):
                    self._snap("end", sid)
        self._first = False
        self.status = now
        if live and backup.due(self.last_at, self.clock(), self.every_s):
            self._snap("periodic", live[0])

    def reset(self) -> None:
        """After a restore: the restored file's statuses are the new baseline."""
        self._first = True
        self.status = {}


class BackupDialog(QDialog):
    """The snapshots of this database, newest first; restoring keeps the current file as a
    snapshot first. ``restore_requested(path)`` is handled by the main window, which closes the
    database, restores and reopens it."""

    restore_requested = Signal(object)

    def __init__(self, db_path: Path, take_now: Callable[[], None], parent: QWidget | None = None, *,
                 titles: dict[int, str] | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.take_now = take_now
        self.titles = titles or {}  # session id → title, from the open database
        self.setWindowTitle(self.tr("备份与恢复"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("评议会"), self.tr("大小")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        where = QLabel(self.tr("备份位置：%1").replace("%1", str(backup.backups_dir(self.db_path))))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        now = QPushButton(self.tr("立即备份"))
        now.clicked.connect(self._take)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.clicked.connect(self._restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(now, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        self.snapshots = sorted(backup.list_snapshots(self.db_path), key=lambda s: s.at, reverse=True)
        self.table.setRowCount(len(self.snapshots))
        for r, s in enumerate(self.snapshots):
            session = "" if s.session_id is None else self.titles.get(s.session_id, self.tr("（已删除的评议会）"))
            values = [f"{s.at:%Y-%m-%d %H:%M:%S}", s.label, session, f"{s.size / 1024:.0f} KB"]
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.restore_button.setEnabled(bool(self.snapshots))
        if self.snapshots:
            self.table.selectRow(0)

    def _take(self) -> None:
        try:
            self.take_now()
        except UserError as exc:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(str(exc))
            return
        self.reload()
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已备份。"))

    def _restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.snapshots):
            return
        snap = self.snapshots[row]
        text = self.tr("用 %1 的备份替换当前数据库？\n当前数据会先另存为一个备份，可以再恢复回来。") \
            .replace("%1", f"{snap.at:%Y-%m-%d %H:%M:%S}")
        if dialogs.confirm(self, text, self.tr("恢复备份")):
            self.restore_requested.emit(snap)
            self.reload()
