"""Rehearsal: the live console on a copy of the session, discarded when the window closes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fazhi_desktop.live import discard_rehearsal, release_console, start_rehearsal
from fazhi_desktop.sessions import get_session

from ..actions import ActionRegistry
from ..i18n import arg
from .console import ConsolePage


class RehearsalWindow(QWidget):
    def __init__(self, db, session_id: int, parent: QWidget | None = None, **console_kw):
        super().__init__(parent, Qt.WindowType.Window)
        self.db = db
        title = get_session(db, session_id).title
        self.copy_id = start_rehearsal(db, session_id=session_id)
        self.setWindowTitle(arg(self.tr("演练 — %1"), title))
        note = QLabel(arg(self.tr("演练模式：这是“%1”的副本。关闭本窗口后，演练中的计时和记录全部丢弃，"
                              "正式记录不受影响。"), title))
        note.setWordWrap(True)
        note.setStyleSheet("background: #ffebee; color: #b71c1c; padding: 6px; font-weight: bold;")
        self.console = ConsolePage(db, self.copy_id, self, **console_kw)
        # the main window's Ctrl+Z / Ctrl+Shift+Z do not reach this window: its own, from the same registry
        self.actions = ActionRegistry(self, keys=["edit.undo", "edit.redo"])
        self.actions.connect("edit.undo", self.console.undo_stack.undo)
        self.actions.connect("edit.redo", self.console.undo_stack.redo)
        self.addActions(list(self.actions.actions.values()))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.console, 1)
        self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not event.isAccepted():
            return
        if self.console.projector is not None:
            self.console.projector.close()
        self.console._timer.stop()
        release_console(self.db, self.copy_id)
        discard_rehearsal(self.db, rehearsal_id=self.copy_id)
