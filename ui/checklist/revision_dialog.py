"""封盘后更正 for a checklist session: one candidate's rating of one indicator, with a reason. The
session stays sealed; the rating before and after, the reason and the fingerprints are audited."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from fazhi_desktop.checklist import RATINGS
from fazhi_desktop.checklist.ratings import get_rating, revise_rating
from fazhi_desktop.errors import UserError
from fazhi_desktop.export.fingerprint import short_fingerprint
from fazhi_desktop.roster import list_units
from fazhi_desktop.sessions import get_session, is_checklist, load_template

from ..widgets import error_label, ok_cancel


def revision_dialog(db, session_id: int, parent: QWidget | None = None) -> QDialog:
    """The correction dialog that fits the session: a rating of a checklist, else a score."""
    if is_checklist(db, session_id):
        return RatingRevisionDialog(db, session_id, parent)
    # imported here: the history package imports this module, so a module-level import would be a circle
    from ..history.revision_dialog import RevisionDialog

    return RevisionDialog(db, session_id, parent)


class RatingRevisionDialog(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.result_fingerprints: tuple[str, str] | None = None
        s = get_session(db, session_id)
        self.setWindowTitle(self.tr("封盘后更正评定"))
        self.setMinimumWidth(560)
        self.unit = QComboBox()
        for u in list_units(db, session_id):
            self.unit.addItem(u.name, u.id)
        self.criterion = QComboBox()
        for n, (path, leaf) in enumerate(load_template(db, session_id).leaves(), 1):
            self.criterion.addItem(f"{n}. {path}", leaf.id)
        self.current = QLabel()
        self.rating = QComboBox()
        for code, word in RATINGS.items():
            self.rating.addItem(self.tr(word), code)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(self.tr("必填：为什么更正、依据是什么（如复核意见、补交的佐证材料）"))
        for combo in (self.unit, self.criterion):
            combo.currentIndexChanged.connect(self._show_current)
        form = QFormLayout()
        form.addRow(self.tr("评估"), QLabel(s.title))
        form.addRow(self.tr("参评单位"), self.unit)
        form.addRow(self.tr("指标"), self.criterion)
        form.addRow(self.tr("原评定"), self.current)
        form.addRow(self.tr("更正为"), self.rating)
        form.addRow(self.tr("更正原因"), self.reason)
        note = QLabel(self.tr("更正后仍保持封盘；原评定、新评定、原因和前后指纹记入审计日志。"))
        note.setWordWrap(True)
        self.error = error_label()
        buttons = ok_cancel(self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_current()

    def _show_current(self) -> None:
        r = get_rating(self.db, self.unit.currentData(), self.criterion.currentData())
        self.current.setText(self.tr(RATINGS[r.rating]) if r and r.rating else self.tr("（未评定）"))

    def accept(self) -> None:
        try:
            before, after = revise_rating(self.db, session_id=self.session_id, unit_id=self.unit.currentData(),
                                          criterion_id=self.criterion.currentData(),
                                          rating=self.rating.currentData(), reason=self.reason.toPlainText())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.result_fingerprints = (short_fingerprint(before), short_fingerprint(after))
        super().accept()
