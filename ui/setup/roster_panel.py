"""The units table and the experts table: add, edit in place, remove, drag or move to reorder,
import from CSV/XLSX. Every change is stored through the roster services at once, run by
``ui.operations.run``: the change record each returns reaches every page through the hub."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QStyledItemDelegate, QTableView, QToolButton, QVBoxLayout, QWidget)

from fazhi_desktop import imports, roster
from fazhi_desktop.errors import UserError

from .. import dialogs, operations
from ..icons import icon
from ..widgets import tool_button
from ..models.roster_models import ExpertsModel, RosterModel, UnitsModel
from ..i18n import arg


class CategoryDelegate(QStyledItemDelegate):
    """An editable combo with the usual expert categories (人大代表, 政协委员 …)."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(roster.EXPERT_CATEGORIES)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class RosterPanel(QWidget):
    changed = Signal()

    def __init__(self, model: RosterModel, what: str, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.what = what
        model.refused.connect(self.show_refusal)
        model.changed.connect(self._changed)

        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(80)

        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(placeholder)
        self.new_name.returnPressed.connect(self.add)
        self.tools: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.new_name, 1)
        for key, meaning, tip, slot in (
                ("add", "add", self.tr("添加"), self.add),
                ("remove", "remove", self.tr("删除选中行"), self.remove),
                ("up", "up", self.tr("上移"), lambda: self.move(-1)),
                ("down", "down", self.tr("下移"), lambda: self.move(+1)),
                ("import", "import", self.tr("从 CSV 或 Excel 文件导入"), self.import_file)):
            b = tool_button(meaning, tip, slot)
            bar.addWidget(b)
            self.tools[key] = b
        self.extra_bar = bar
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.view.resizeColumnsToContents()

    # -- feedback -------------------------------------------------------------------------
    def show_refusal(self, error: UserError | str) -> None:
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(str(error))

    def show_note(self, text: str) -> None:
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(text)

    def _changed(self) -> None:
        self.changed.emit()

    def set_read_only(self, value: bool) -> None:
        self.model.set_read_only(value)
        self.new_name.setEnabled(not value)
        for b in self.tools.values():
            b.setEnabled(not value)
        self.view.setDragEnabled(not value)

    # -- actions --------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def add(self) -> bool:
        name = self.new_name.text().strip()
        if not name:
            self.show_refusal(UserError(self.tr("请先在左边的输入框里写上名称。")))
            return False
        if self.model.add(name):
            self.new_name.clear()
            self.select_row(self.model.rowCount() - 1)
            self.show_note(arg(self.tr("已添加“%1”。"), name))
            return True
        return False

    def remove(self) -> bool:
        row = self.current_row()
        if row < 0:
            return False
        name = self.model.rows[row].name
        if not dialogs.confirm(self, arg(self.tr("删除“%1”？"), name), danger=True):
            return False
        if self.model.remove(row):
            self.show_note(arg(self.tr("已删除“%1”。"), name))
            self.select_row(min(row, self.model.rowCount() - 1))
            return True
        return False

    def move(self, delta: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.select_row(self.model.move(row, delta))

    def choose_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的文件"), "",
                                              self.tr("表格文件 (*.csv *.xlsx);;所有文件 (*)"))
        return path

    def import_file(self, path: str | None = None) -> bool:
        path = path or self.choose_file()
        if not path:
            return False
        done = operations.run(self.db, lambda: self.importer(path), say=self.show_refusal)
        if not done.ok:
            return False
        self.model.reload()
        self.changed.emit()
        self.show_note(done.value.summary())
        return True

    def importer(self, path: str):
        raise NotImplementedError


class UnitsPanel(RosterPanel):
    draw_requested = Signal()

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        self.db, self.session_id = db, session_id
        super().__init__(UnitsModel(db, session_id), "参评单位", "", parent)
        self.new_name.setPlaceholderText(self.tr("新参评单位名称，回车添加"))
        self.model.set_read_only(False)
        draw = QToolButton()
        draw.setIcon(icon("draw"))
        draw.setText(self.tr("抽签"))
        draw.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        draw.setToolTip(self.tr("抽签决定出场顺序"))
        draw.clicked.connect(self.draw_requested.emit)
        self.extra_bar.addWidget(draw)
        self.tools["draw"] = draw
        self.view.setColumnWidth(UnitsModel.NAME, 180)
        self.view.setColumnWidth(UnitsModel.REPORT_TITLE, 320)

    def importer(self, path: str):
        return imports.import_units(self.db, session_id=self.session_id, path=path)


class ExpertsPanel(RosterPanel):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        self.db, self.session_id = db, session_id
        super().__init__(ExpertsModel(db, session_id), "评议专家", "", parent)
        self.new_name.setPlaceholderText(self.tr("新专家姓名，回车添加"))
        self.view.setItemDelegateForColumn(ExpertsModel.CATEGORY, CategoryDelegate(self.view))
        self.view.setColumnWidth(ExpertsModel.NAME, 120)
        self.view.setColumnWidth(ExpertsModel.CATEGORY, 130)

    def importer(self, path: str):
        return imports.import_experts(self.db, session_id=self.session_id, path=path)
