"""The frame both 封盘后更正 dialogs share (a score of a scored session, a rating of a checklist):
the session, the unit, the leaf, what is stored now, the new value, a required reason, a note on
what the audit log keeps, and one service call whose refusal shows in the dialog. The subclass
adds its own rows and the call, which runs as an operation (``ui.operations.run``): its record (the
unit's scores or ratings) reaches every page once, from whichever window asked."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from fazhi_desktop.export.fingerprint import short_fingerprint
from fazhi_desktop.roster import list_units
from fazhi_desktop.sessions import get_session

from . import operations
from .widgets import error_label, ok_cancel


class RevisionFrame(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None, *, title: str, width: int, placeholder: str):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.result_fingerprints: tuple[str, str] | None = None
        self.session = get_session(db, session_id)
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.unit = QComboBox()
        for u in list_units(db, session_id):
            self.unit.addItem(u.name, u.id)
        self.criterion = QComboBox()
        self.current = QLabel()
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(placeholder)

    def lay_out(self, rows: list[tuple[str, QWidget]], note: str, watched: list[QComboBox]) -> None:
        """The form (``rows`` in order, the reason last), the note, the error line and OK/Cancel."""
        for combo in watched:
            combo.currentIndexChanged.connect(self._show_current)
        form = QFormLayout()
        for label, widget in rows:
            form.addRow(label, widget)
        form.addRow(self.tr("更正原因"), self.reason)
        text = QLabel(note)
        text.setWordWrap(True)
        self.error = error_label()
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_current()

    def _show_current(self) -> None:  # the subclass shows what is stored for the chosen cell
        raise NotImplementedError

    def revise(self, call: Callable[[], tuple[str, str]]) -> None:
        """Run the correction; its refusal stays in the dialog, success closes it with both fingerprints."""
        done = operations.run(self.db, call, say=self.error.setText)
        if not done.ok:
            if done.reason_required:  # (not said by run: the reason field is the dialog's own)
                self.error.setText(done.error)
            return
        before, after = done.value
        self.result_fingerprints = (short_fingerprint(before), short_fingerprint(after))
        super().accept()
