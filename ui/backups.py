"""The window's side of the meeting's snapshots, and the restore dialog.

When a snapshot is due is the core's decision (:class:`fazhi_desktop.backup.AutoSnapshots`: one
when a session goes live, every few minutes while it is live, one when it ends; the services that
change the status say so). ``BackupKeeper`` registers that policy for the window's file, passes on
the events the window already has (each change record: a periodic snapshot may be due; a status
change made by a service that does not report it, such as 重新打开), and shows the outcome in the
status bar. Nothing here polls: no timer. The copy runs in a worker thread through its own
connection; its signals reach the window's thread queued. A failing snapshot (read-only folder,
full disk) is shown and the meeting goes on."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from fazhi_desktop import backup
from fazhi_desktop.changes import Change
from fazhi_desktop.errors import UserError
from fazhi_desktop.sessions import get_session

from . import dialogs, operations
from .i18n import arg


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
        self.clock, self.every_s, self.background = clock, every_s, background
        self.policy: backup.AutoSnapshots | None = None
        self._hub: operations.ChangeHub | None = None

    def start(self) -> None:
        """Watch the file: the sessions' statuses now are the baseline (one read, once)."""
        if self._hub is not None:
            self._hub.changes.disconnect(self._on_changes)
        self._hub = operations.hub(self.db_getter())
        self._hub.changes.connect(self._on_changes)
        self.policy = backup.watch(
            self.db_getter(), self.db_path, every_s=self.every_s, clock=self.clock,
            run=None if self.background else (lambda job: job()),
            on_taken=lambda snap: self.snapshot_taken.emit(f"{snap.label} {snap.at:%H:%M:%S}"),
            on_failed=self.failed.emit)
        self.policy.tick()  # a session already live gets its periodic snapshot now

    def stop(self) -> None:
        backup.unwatch(self.db_path)

    def _on_changes(self, change: Change) -> None:
        if self.policy is None:
            return
        try:
            if change.touches("status") and change.session_id is not None:
                # a status change some service did not report itself (重新打开, 封盘): the core decides
                status = get_session(self.db_getter(), change.session_id).status
                self.policy.status_changed(change.session_id, status)
            self.policy.tick()
        except (sqlite3.ProgrammingError, UserError):  # the database is closed or the session gone
            pass

    def busy(self) -> bool:
        return self.policy is not None and self.policy.busy()

    def wait(self, timeout: float | None = None) -> None:
        """Until a running copy is done (before a restore, or at exit)."""
        if self.policy is not None:
            self.policy.wait(timeout)

    def reset(self) -> None:
        """After a restore: the restored file's statuses are the new baseline."""
        self.start()


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
        where = QLabel(arg(self.tr("备份位置：%1"), backup.backups_dir(self.db_path)))
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
        text = arg(self.tr("用 %1 的备份替换当前数据库？\n当前数据会先另存为一个备份，可以再恢复回来。"),
                   f"{snap.at:%Y-%m-%d %H:%M:%S}")
        if dialogs.confirm(self, text, self.tr("恢复备份")):
            self.restore_requested.emit(snap)
            self.reload()
