"""Dialogs of the rectification ledger: add or edit an item, and close it (销号) with evidence.
Each runs its service call on OK as an operation (``ui.operations.run``: the ledger's record reaches
every page once, the live console's open-item counts too); a refusal is shown inside the dialog,
which stays open."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from fazhi_desktop import ledger
from fazhi_desktop.changes import merge_all
from fazhi_desktop.history import unit_names

from .. import operations
from ..i18n import label
from ..widgets import error_label, ok_cancel


def _text_box(text: str = "", height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setFixedHeight(height)
    return box


class ItemDialog(QDialog):
    """Add (``item`` None) or edit one item."""

    def __init__(self, db, item: dict | None = None, parent: QWidget | None = None, *, unit: str = ""):
        super().__init__(parent)
        self.db = db
        self.item = item
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("编辑整改事项") if item else self.tr("新增整改事项"))
        self.setMinimumWidth(560)
        item = item or {}
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(unit_names(db))
        self.unit.setCurrentText(item.get("unit_name", unit))
        self.unit.setEnabled(not self.item or self.item.get("session_id") is None)
        self.problem = _text_box(item.get("problem", ""))
        self.measure = _text_box(item.get("measure", ""))
        self.responsible_unit = QLineEdit(item.get("responsible_unit", ""))
        self.responsible_unit.setPlaceholderText(self.tr("默认为参评单位"))
        self.responsible_person = QLineEdit(item.get("responsible_person", ""))
        self.deadline = QLineEdit(item.get("deadline") or "")
        self.deadline.setPlaceholderText("YYYY-MM-DD")
        self.kind = QComboBox()
        self.kind.addItems(list(ledger.KINDS))
        self.kind.setCurrentText(item.get("kind", "限期"))
        self.status = QComboBox()  # a closed item reopens as 推进中; closing goes through 销号
        for code in (ledger.TODO, ledger.DOING):
            self.status.addItem(label("LedgerStatus", ledger.status_label(code)), code)
        current = item.get("status", ledger.TODO)
        self.status.setCurrentIndex(self.status.findData(ledger.DOING if current == ledger.DONE else current))
        self.status.setEnabled(bool(self.item))
        self.review = _text_box(item.get("review_opinion", ""), 48)
        form = QFormLayout()
        form.addRow(self.tr("参评单位"), self.unit)
        form.addRow(self.tr("存在问题"), self.problem)
        form.addRow(self.tr("整改措施"), self.measure)
        form.addRow(self.tr("责任单位"), self.responsible_unit)
        form.addRow(self.tr("责任人"), self.responsible_person)
        form.addRow(self.tr("整改时限"), self.deadline)
        form.addRow(self.tr("整改类型"), self.kind)
        form.addRow(self.tr("状态"), self.status)
        form.addRow(self.tr("复核意见"), self.review)
        if self.item and self.item.get("status") == ledger.DONE:
            form.addRow("", QLabel(self.tr("此事项已销号；把状态改为“推进中”即重新打开。")))
        self.error = error_label()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        fields = {"problem": self.problem.toPlainText(), "measure": self.measure.toPlainText(),
                  "responsible_unit": self.responsible_unit.text() or self.unit.currentText(),
                  "responsible_person": self.responsible_person.text(), "deadline": self.deadline.text(),
                  "kind": self.kind.currentText()}
        if operations.run(self.db, lambda: self._store(fields), say=self.error.setText).ok:
            super().accept()

    def _store(self, fields: dict):
        """The service calls of OK; returns the record of what they changed (the ledger's)."""
        if self.item is None:
            added = ledger.add_item(self.db, unit_name=self.unit.currentText(), **fields)
            self.saved_id = int(added)
            review = self.review.toPlainText().strip()
            reviewed = ledger.update_item(self.db, item_id=self.saved_id, review_opinion=review) if review else None
            return merge_all([added.change, reviewed.change if reviewed is not None else None])
        fields["review_opinion"] = self.review.toPlainText()
        if self.unit.isEnabled():
            fields["unit_name"] = self.unit.currentText()
        if self.status.currentData() != self.item["status"]:
            fields["status"] = self.status.currentData()
        updated = ledger.update_item(self.db, item_id=self.item["id"], **fields)
        self.saved_id = self.item["id"]
        return updated


class CloseDialog(QDialog):
    """销号: the evidence (required), file references, closing date and review opinion."""

    def __init__(self, db, item: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.item = item
        self.closed = False
        self.setWindowTitle(self.tr("整改销号"))
        self.setMinimumWidth(520)
        self.evidence = _text_box(item.get("evidence", ""), 80)
        self.evidence.setPlaceholderText(self.tr("写明整改结果和佐证（必填），例如：已印发制度文件，见……"))
        self.files = QListWidget()
        self.files.addItems(item.get("evidence_files", []))
        self.files.setFixedHeight(70)
        add = QPushButton(self.tr("添加佐证文件…"))
        add.clicked.connect(self.add_files)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(add)
        self.closed_at = QLineEdit(ledger.today_iso())
        self.review = _text_box(item.get("review_opinion", ""), 48)
        form = QFormLayout()
        form.addRow(self.tr("存在问题"), QLabel(item["problem"]))
        form.addRow(self.tr("佐证材料"), self.evidence)
        form.addRow(self.tr("佐证文件"), files_row)
        form.addRow(self.tr("销号日期"), self.closed_at)
        form.addRow(self.tr("复核意见"), self.review)
        self.error = error_label()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择佐证文件"))
        self.files.addItems(paths)

    def accept(self) -> None:
        files = [self.files.item(i).text() for i in range(self.files.count())]
        done = operations.run(self.db, lambda: ledger.close_item(
            self.db, item_id=self.item["id"], evidence=self.evidence.toPlainText(), evidence_files=files,
            closed_at=self.closed_at.text(), review_opinion=self.review.toPlainText()), say=self.error.setText)
        if not done.ok:
            return
        self.closed = True
        super().accept()
