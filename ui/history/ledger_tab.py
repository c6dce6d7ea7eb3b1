"""整改台账: every rectification item, filtered by unit, status and text, with add, edit, close
(销号, with evidence), delete and the Excel export."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from fazhi_desktop import history, ledger

from .. import dialogs
from ..i18n import arg, label
from ..widgets import read_only_table
from .common import button
from .ledger_dialogs import CloseDialog, ItemDialog
from .models import LedgerModel


class LedgerTab(QWidget):
    # the status filter: besides each status, "open" = anything not done (逾期 included)
    STATUS_FILTERS = (None, "open", ledger.TODO, ledger.DOING, ledger.OVERDUE, ledger.DONE)

    def __init__(self, db, window):  # window: the HistoryWindow (its run, say, ask_path, today, show_*)
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setMinimumWidth(180)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部"), None)
        self.status.addItem(self.tr("未完成"), "open")
        for code in self.STATUS_FILTERS[2:]:
            self.status.addItem(label("LedgerStatus", ledger.status_label(code)), code)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("问题或措施中的文字"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("单位")))
        filters.addWidget(self.unit)
        filters.addWidget(QLabel(self.tr("状态")))
        filters.addWidget(self.status)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.count)
        self.model = LedgerModel(db, self, today=window.today)
        self.view = read_only_table(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LedgerModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LedgerModel.MEASURE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LedgerModel.UNIT, 110), (LedgerModel.RESPONSIBLE, 140), (LedgerModel.DEADLINE, 96),
                              (LedgerModel.KIND, 50), (LedgerModel.STATUS, 64), (LedgerModel.SESSION, 240)):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.buttons = {
            "add": button(self.tr("新增…"), "add", self.add),
            "edit": button(self.tr("编辑…"), "scores", self.edit),
            "close": button(self.tr("销号…"), "ok", self.close_item),
            "delete": button(self.tr("删除"), "delete", self.delete),
            "export": button(self.tr("导出 Excel…"), "excel", self.export),
        }
        row = QHBoxLayout()
        for b in self.buttons.values():
            row.addWidget(b)
        row.addStretch(1)
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.evidence)
        self.refresh_units()
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.unit.currentTextChanged.connect(self.apply_filters)
        self.text.textChanged.connect(self.apply_filters)
        # loaded when the tab is first shown (HistoryWindow._tab_changed): opening the window stays quick

    def refresh_units(self) -> None:
        text = self.unit.currentText()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem("")
        self.unit.addItems(history.unit_names(self.db))
        self.unit.setCurrentText(text)
        self.unit.blockSignals(False)

    def apply_filters(self) -> None:
        self.model.set_filters(unit_name=self.unit.currentText().strip() or None, status=self.status.currentData(),
                               text=self.text.text())
        self.count.setText(arg(self.tr("共 %1 项"), self.model.total_count()))
        self._show_selected()

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        item = self.selected()
        for key in ("edit", "close", "delete"):
            self.buttons[key].setEnabled(item is not None)
        if item is None:
            self.evidence.setText("")
            return
        self.buttons["close"].setEnabled(item["status"] != ledger.DONE)
        text = arg(self.tr("来源：%1"), item["session_title"] or self.tr("手工添加"))
        if item["criterion"]:
            text += self.tr("　指标：") + item["criterion"]
        if item["evidence"]:
            text += self.tr("\n佐证：") + item["evidence"]
            if item["evidence_files"]:
                text += self.tr("（文件：") + "；".join(item["evidence_files"]) + "）"
        if item["closed_at"]:
            text += self.tr("　销号日期：") + item["closed_at"]
        if item["review_opinion"]:
            text += self.tr("\n复核意见：") + item["review_opinion"]
        self.evidence.setText(text)

    def _edit_with(self, dialog) -> bool:
        """Run a ledger dialog (it stores through the service on OK); reload the list if it did."""
        if dialogs.run_dialog(dialog):
            self.apply_filters()
            return True
        return False

    def add(self) -> bool:
        return self._edit_with(ItemDialog(self.db, None, self, unit=self.unit.currentText().strip()))

    def edit(self) -> bool:
        item = self.selected()
        return item is not None and self._edit_with(ItemDialog(self.db, item, self))

    def close_item(self) -> bool:
        item = self.selected()
        return item is not None and self._edit_with(CloseDialog(self.db, item, self))

    def delete(self) -> bool:
        item = self.selected()
        if item is None or not dialogs.confirm(self, arg(self.tr("删除整改事项“%1”？"), item["problem"][:40]),
                                               danger=True):
            return False
        ok = self.window_.run(lambda: ledger.delete_item(self.db, item_id=item["id"]))
        self.apply_filters()
        return ok

    def export(self) -> bool:
        path = self.window_.ask_path(save=True, title=self.tr("导出整改台账"), name="整改台账.xlsx",
                                     filter_=self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        f = self.model.filters
        items = ledger.list_items(self.db, today=self.window_.today(), limit=1_000_000, **f)
        return self.window_.run(lambda: ledger.export_xlsx(items, path),
                                done=arg(self.tr("已导出 %1 项到 %2"), len(items), path))
