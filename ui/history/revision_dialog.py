"""封盘后更正: correct one score of a sealed session, with a reason. The session stays sealed; the
value before and after, the reason and the fingerprints are written to the audit log."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from fazhi_desktop import seal
from fazhi_desktop.errors import UserError
from fazhi_desktop.export.fingerprint import short_fingerprint
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.scoring import scores_for
from fazhi_desktop.sessions import get_session, load_template
from fazhi_desktop.template import fmt_decimal

from ..widgets import error_label, ok_cancel


class RevisionDialog(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.result_fingerprints: tuple[str, str] | None = None
        s = get_session(db, session_id)
        self.setWindowTitle(self.tr("封盘后更正评分"))
        self.setMinimumWidth(520)
        self.unit = QComboBox()
        for u in list_units(db, session_id):
            self.unit.addItem(u.name, u.id)
        self.expert = QComboBox()
        for e in list_experts(db, session_id):
            self.expert.addItem(e.name, e.id)
        self.criterion = QComboBox()
        for path, leaf in load_template(db, session_id).leaves():
            self.criterion.addItem(f"{path}（满分 {fmt_decimal(leaf.maximum)}）", leaf.id)
        self.current = QLabel()
        self.value = QLineEdit()
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(self.tr("必填：为什么更正、依据是什么（如经专家签字确认的评分表）"))
        for combo in (self.unit, self.expert, self.criterion):
            combo.currentIndexChanged.connect(self._show_current)
        form = QFormLayout()
        form.addRow(self.tr("评议会"), QLabel(s.title))
        form.addRow(self.tr("参评单位"), self.unit)
        form.addRow(self.tr("专家"), self.expert)
        form.addRow(self.tr("指标"), self.criterion)
        form.addRow(self.tr("原得分"), self.current)
        form.addRow(self.tr("更正为"), self.value)
        form.addRow(self.tr("更正原因"), self.reason)
        note = QLabel(self.tr("更正后评议会仍保持封盘；原值、新值、原因和前后指纹记入审计日志，导出材料上的指纹随之改变。"))
        note.setWordWrap(True)
        self.error = error_label()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_current()

    def _show_current(self) -> None:
        key = (self.expert.currentData(), self.unit.currentData(), self.criterion.currentData())
        value = scores_for(self.db, self.session_id, self.unit.currentData()).get(key)
        self.current.setText(self.tr("（未评分）") if value is None else fmt_decimal(value))

    def accept(self) -> None:
        if not self.value.text().strip():
            self.error.setText(self.tr("请填写更正后的得分。"))
            return
        try:
            before, after = seal.revise_score(
                self.db, session_id=self.session_id, expert_id=self.expert.currentData(),
                unit_id=self.unit.currentData(), criterion_id=self.criterion.currentData(),
                value=self.value.text(), reason=self.reason.toPlainText())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.result_fingerprints = (short_fingerprint(before), short_fingerprint(after))
        super().accept()
