"""示范创建 in the unit dossier (history window): whether the unit was named a demonstration unit,
and after naming its annual reports, return visits and a de-listing with one of the four causes
of the 示范创建办法 — each added through a small dialog and a service call."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from fazhi_desktop.checklist import dossier
from fazhi_desktop.errors import UserError

from .. import dialogs
from ..icons import icon
from ..models.base import ListTableModel
from ..widgets import error_label, ok_cancel
from ..i18n import arg, label


class RecordsModel(ListTableModel):
    """The records after naming, oldest first (not the history window's models: that package imports
    this panel)."""

    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "日期"), QT_TRANSLATE_NOOP("TableHeaders", "类别"),
               QT_TRANSLATE_NOOP("TableHeaders", "内容"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[dossier.Record] = []

    def set_rows(self, rows: list[dossier.Record]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        return [r.date, label("Dossier", r.kind_label), r.text()][index.column()]


class RecordDialog(QDialog):
    """年度报告 / 回访核查 / 摘牌 for one named unit; refused input keeps the dialog open with the reason."""

    def __init__(self, db, unit_name: str, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.unit_name, self.kind = db, unit_name, kind
        self.record: dossier.Record | None = None
        self.setWindowTitle(f"{unit_name} — {label('Dossier', dossier.KINDS[kind])}")
        self.setMinimumWidth(520)
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.year = QLineEdit()
        self.year.setPlaceholderText(self.tr("如 2024"))
        self.outcome = QComboBox()
        self.cause = QComboBox()  # long grounds (in English longer still): the list shows them whole, the box elides
        self.cause.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cause.setMinimumContentsLength(24)
        for key, text in dossier.CAUSES.items():
            self.cause.addItem(label("Dossier", text), key)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("日期"), self.date)
        if kind == "annual_report":
            for o in dossier.REPORT_OUTCOMES:
                self.outcome.addItem(label("Dossier", o), o)
            form.addRow(self.tr("报告年度"), self.year)
            form.addRow(self.tr("情况"), self.outcome)
            self.note.setPlaceholderText(self.tr("如：已在政府网站公开"))
        elif kind == "return_visit":
            for o in dossier.VISIT_OUTCOMES:
                self.outcome.addItem(label("Dossier", o), o)
            form.addRow(self.tr("结论"), self.outcome)
            self.note.setPlaceholderText(self.tr("核查发现"))
        else:
            form.addRow(self.tr("摘牌原因"), self.cause)
            self.note.setPlaceholderText(self.tr("具体情况（“其他情形”必填）"))
        form.addRow(self.tr("说明"), self.note)
        self.error = error_label()
        buttons = ok_cancel(self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            if self.kind == "annual_report":
                self.record = dossier.add_annual_report(self.db, unit_name=self.unit_name, year=self.year.text(),
                                                        date=self.date.text(), outcome=self.outcome.currentData(),
                                                        note=self.note.toPlainText())
            elif self.kind == "return_visit":
                self.record = dossier.add_return_visit(self.db, unit_name=self.unit_name, date=self.date.text(),
                                                       outcome=self.outcome.currentData(), note=self.note.toPlainText())
            else:
                self.record = dossier.delist(self.db, unit_name=self.unit_name, date=self.date.text(),
                                             cause=self.cause.currentData(), reason=self.note.toPlainText())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class DemonstrationPanel(QWidget):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.name = ""
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.records = RecordsModel(self)
        self.view = QTableView()
        self.view.setModel(self.records)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons = {}
        bar = QHBoxLayout()
        for kind, text, meaning in (("annual_report", self.tr("记录年度报告…"), "add"),
                                    ("return_visit", self.tr("记录回访核查…"), "audit"),
                                    ("delisting", self.tr("摘牌…"), "delete")):
            b = QPushButton(icon(meaning), text)
            b.clicked.connect(lambda _c=False, k=kind: self.add(k))
            self.buttons[kind] = b
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def load(self, name: str) -> dossier.DemonstrationStatus:
        self.name = name
        status = dossier.demonstration_status(self.db, name)
        self.records.set_rows(status.records)
        n = status.naming
        if n is None:
            text = arg(self.tr("“%1”没有示范命名记录。示范单位的年度报告、回访核查和摘牌在命名后记录于此。"), name)
        else:
            text = arg(self.tr("%1 于 %2 经“%3”命名为法治政府建设示范单位"),
                       n.unit_name, n.date or self.tr("（日期未记录）"), n.session_title)
            text += (f"（{n.note}）" if n.note else "") + "。"
            if status.delisting:
                text += arg(self.tr("已于 %1 摘牌。"), status.delisting.date)
        self.state.setText(text)
        for b in self.buttons.values():
            b.setEnabled(n is not None and status.delisting is None)
        return status

    def add(self, kind: str) -> bool:
        if not self.name:
            return False
        ok = dialogs.run_dialog(RecordDialog(self.db, self.name, kind, self))
        if ok:
            self.load(self.name)
        return ok
