"""Edit one logged question: expert, text, answer, criterion, problem found, measure, deadline."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QLineEdit,
                               QPlainTextEdit, QWidget)

from fazhi_desktop.questions import Question
from fazhi_desktop.roster import list_experts
from fazhi_desktop.sessions import load_template

from ..widgets import ok_cancel


class QuestionDialog(QDialog):
    def __init__(self, db, session_id: int, question: Question, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改提问记录"))
        self.expert = QComboBox()
        self.expert.addItem(self.tr("（未指定）"), None)
        for e in list_experts(db, session_id):
            self.expert.addItem(e.name, e.id)
        self.expert.setCurrentIndex(max(0, self.expert.findData(question.expert_id)))
        self.text = QPlainTextEdit(question.text)
        self.answer = QPlainTextEdit(question.answer)
        self.criterion = QComboBox()
        self.criterion.addItem(self.tr("（不涉及具体指标）"), None)
        for path, leaf in load_template(db, session_id).leaves():
            self.criterion.addItem(path, leaf.id)
        self.criterion.setCurrentIndex(max(0, self.criterion.findData(question.criterion_id)))
        self.problem = QCheckBox(self.tr("发现问题，需要整改"))
        self.problem.setChecked(question.problem)
        self.measure = QLineEdit(question.measure)
        self.measure.setPlaceholderText(self.tr("建议的整改措施"))
        self.deadline = QLineEdit(question.deadline or "")
        self.deadline.setPlaceholderText("YYYY-MM-DD")
        form = QFormLayout(self)
        form.addRow(self.tr("专家"), self.expert)
        form.addRow(self.tr("提问"), self.text)
        form.addRow(self.tr("答复摘要"), self.answer)
        form.addRow(self.tr("涉及指标"), self.criterion)
        form.addRow("", self.problem)
        form.addRow(self.tr("整改措施"), self.measure)
        form.addRow(self.tr("整改期限"), self.deadline)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.resize(560, 460)

    def values(self) -> dict[str, Any]:
        return {"expert_id": self.expert.currentData(), "text": self.text.toPlainText(),
                "answer": self.answer.toPlainText(), "criterion_id": self.criterion.currentData(),
                "problem": self.problem.isChecked(), "measure": self.measure.text(),
                "deadline": self.deadline.text() or None}
