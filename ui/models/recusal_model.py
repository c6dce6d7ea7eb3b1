"""The recusal grid (回避): one row per expert, one checkable column per unit."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from fazhi_desktop import roster

from .. import operations


class RecusalModel(QAbstractTableModel):
    refused = Signal(object)  # the refusal's message (str)

    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.read_only = False
        self.experts: list[roster.Expert] = []
        self.units: list[roster.Unit] = []
        self.recused: set[tuple[int, int]] = set()
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.experts = roster.list_experts(self.db, self.session_id)
        self.units = roster.list_units(self.db, self.session_id)
        self.recused = roster.list_recusals(self.db, self.session_id)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.experts)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.units):
            return self.units[section].name
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.experts):
            return self.experts[section].name
        return None

    def is_recused(self, row: int, column: int) -> bool:
        return (self.experts[row].id, self.units[column].id) in self.recused

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.experts) or index.column() >= len(self.units):
            return None
        recused = self.is_recused(index.row(), index.column())
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if recused else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("回避") if recused else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.experts[index.row()].name} × {self.units[index.column()].name}"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self.read_only:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        expert, unit = self.experts[index.row()], self.units[index.column()]
        if not operations.run(self.db, lambda: roster.set_recusal(self.db, session_id=self.session_id, expert_id=expert.id,
                                                                  unit_id=unit.id, recused=checked),
                              say=self.refused.emit).ok:  # the hub announces the recusal to every page
            return False
        self.recused = roster.list_recusals(self.db, self.session_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole])
        return True
