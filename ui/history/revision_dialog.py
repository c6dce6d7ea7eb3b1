"""封盘后更正: correct one score of a sealed session, with a reason. The session stays sealed; the
value before and after, the reason and the fingerprints are written to the audit log."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from fazhi_desktop import seal
from fazhi_desktop.roster import list_experts
from fazhi_desktop.scoring import scores_for
from fazhi_desktop.sessions import load_template
from fazhi_desktop.template import fmt_decimal

from ..revision_base import RevisionFrame


class RevisionDialog(RevisionFrame):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(db, session_id, parent, title=self.tr("封盘后更正评分"), width=520,
                         placeholder=self.tr("必填：为什么更正、依据是什么（如经专家签字确认的评分表）"))
        self.expert = QComboBox()
        for e in list_experts(db, session_id):
            self.expert.addItem(e.name, e.id)
        for path, leaf in load_template(db, session_id).leaves():
            self.criterion.addItem(f"{path}（满分 {fmt_decimal(leaf.maximum)}）", leaf.id)
        self.value = QLineEdit()
        self.lay_out([(self.tr("评议会"), QLabel(self.session.title)), (self.tr("参评单位"), self.unit),
                      (self.tr("专家"), self.expert), (self.tr("指标"), self.criterion),
                      (self.tr("原得分"), self.current), (self.tr("更正为"), self.value)],
                     self.tr("更正后评议会仍保持封盘；原值、新值、原因和前后指纹记入审计日志，导出材料上的指纹随之改变。"),
                     [self.unit, self.expert, self.criterion])

    def _show_current(self) -> None:
        key = (self.expert.currentData(), self.unit.currentData(), self.criterion.currentData())
        value = scores_for(self.db, self.session_id, self.unit.currentData()).get(key)
        self.current.setText(self.tr("（未评分）") if value is None else fmt_decimal(value))

    def accept(self) -> None:
        if not self.value.text().strip():
            self.error.setText(self.tr("请填写更正后的得分。"))
            return
        self.revise(lambda: seal.revise_score(
            self.db, session_id=self.session_id, expert_id=self.expert.currentData(),
            unit_id=self.unit.currentData(), criterion_id=self.criterion.currentData(),
            value=self.value.text(), reason=self.reason.toPlainText()))
