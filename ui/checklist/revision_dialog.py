"""封盘后更正 for a checklist session: one candidate's rating of one indicator, with a reason. The
session stays sealed; the rating before and after, the reason and the fingerprints are audited."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from fazhi_desktop.checklist import RATINGS
from fazhi_desktop.checklist.ratings import get_rating, revise_rating
from fazhi_desktop.sessions import is_checklist, load_template

from ..revision_base import RevisionFrame
from ..i18n import label


def revision_dialog(db, session_id: int, parent: QWidget | None = None) -> QDialog:
    """The correction dialog that fits the session: a rating of a checklist, else a score."""
    if is_checklist(db, session_id):
        return RatingRevisionDialog(db, session_id, parent)
    # imported here: the history package imports this module, so a module-level import would be a circle
    from ..history.revision_dialog import RevisionDialog

    return RevisionDialog(db, session_id, parent)


class RatingRevisionDialog(RevisionFrame):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(db, session_id, parent, title=self.tr("封盘后更正评定"), width=560,
                         placeholder=self.tr("必填：为什么更正、依据是什么（如复核意见、补交的佐证材料）"))
        for n, (path, leaf) in enumerate(load_template(db, session_id).leaves(), 1):
            self.criterion.addItem(f"{n}. {path}", leaf.id)
        self.rating = QComboBox()
        for code, word in RATINGS.items():
            self.rating.addItem(label("Checklist", word), code)
        self.lay_out([(self.tr("评估"), QLabel(self.session.title)), (self.tr("参评单位"), self.unit),
                      (self.tr("指标"), self.criterion), (self.tr("原评定"), self.current),
                      (self.tr("更正为"), self.rating)],
                     self.tr("更正后仍保持封盘；原评定、新评定、原因和前后指纹记入审计日志。"),
                     [self.unit, self.criterion])
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _show_current(self) -> None:
        r = get_rating(self.db, self.unit.currentData(), self.criterion.currentData())
        self.current.setText(label("Checklist", RATINGS[r.rating]) if r and r.rating else self.tr("（未评定）"))

    def accept(self) -> None:
        self.revise(lambda: revise_rating(self.db, session_id=self.session_id, unit_id=self.unit.currentData(),
                                          criterion_id=self.criterion.currentData(),
                                          rating=self.rating.currentData(), reason=self.reason.toPlainText()))
