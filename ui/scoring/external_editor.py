"""External component values (e.g. 社会评议, 联席会议成员评分): units as rows, components as columns.

Each accepted value is stored at once through ``scoring.set_external``; a refused value keeps the
typed text, painted red, with the reason as tooltip.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fazhi_desktop import roster, scoring
from fazhi_desktop.sessions import get_session, load_template
from fazhi_desktop.template import fmt_decimal

from .. import operations
from .grid_model import INVALID_BG, INVALID_FG
from ..i18n import translate


class ExternalModel(QAbstractTableModel):
    changed = Signal(int)  # unit id
    refused = Signal(str)

    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.components: list[str] = []
        self.units: list[roster.Unit] = []
        self.values: dict[tuple[int, str], Decimal] = {}
        self.errors: dict[tuple[int, int], tuple[str, str]] = {}
        self.read_only = False
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.components = [c.name for c in load_template(self.db, self.session_id).components if c.source == "external"]
        self.units = roster.list_units(self.db, self.session_id)
        self.values = scoring.external_values(self.db, self.session_id)
        self.read_only = not get_session(self.db, self.session_id).editable("external")
        self.errors.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.components)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section < len(self.components):
            return self.components[section]
        if orientation == Qt.Orientation.Vertical and section < len(self.units):
            return self.units[section].name
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = (self.units[index.row()].id, self.components[index.column()])
        error = self.errors.get((index.row(), index.column()))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return error[0] if error else fmt_decimal(self.values.get(key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return error[1] if error else translate("ExternalValues", "0 到 100 分；留空表示尚无此项得分")
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(INVALID_BG)
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return QBrush(INVALID_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        unit = self.units[index.row()]
        component = self.components[index.column()]
        text = "" if value is None else str(value).strip()
        # run as an operation: the record the service returns (this unit's external values) goes to the hub
        done = operations.run(self.db, lambda: scoring.store_external(self.db, session_id=self.session_id, unit_id=unit.id,
                                                                       component=component, value=text or None))
        if not done.ok:
            self.errors[(index.row(), index.column())] = (text, done.error)
            self.refused.emit(done.error)
            self.dataChanged.emit(index, index)
            return False
        new = done.value.value
        self.errors.pop((index.row(), index.column()), None)
        if new is None:
            self.values.pop((unit.id, component), None)
        else:
            self.values[(unit.id, component)] = new
        self.dataChanged.emit(index, index)
        self.changed.emit(unit.id)
        return True


class ExternalDialog(QDialog):
    """All units' external values in one table (for a whole 社会评议 column typed from a report)."""

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("外部得分录入"))
        self.model = ExternalModel(db, session_id, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model.refused.connect(self.status.setText)
        self.model.changed.connect(lambda _u: self.status.setText(self.tr("已保存。")))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not self.model.components:
            layout.addWidget(QLabel(self.tr("本场评分细则没有外部组成部分（如社会评议），最终得分只取评议团评分。"), self))
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 460)
