"""The criteria tree of a :class:`~fazhi_desktop.template_draft.TemplateDraft` as a Qt item model.

The model computes nothing: a parent's maximum is the draft's sum, a leaf is painted red when the
draft lists it among the leaves without a positive maximum, and an edit is the draft's operation
(refused ones are reported through ``refused`` with the draft's Chinese message). An edit keeps
the draft's nodes (the rows stay); structure operations, undo and a loaded template reset the
model, and the editor restores the rows it had expanded."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from fazhi_desktop.errors import UserError
from fazhi_desktop.template import fmt_decimal
from fazhi_desktop.template_draft import DraftNode, Path, TemplateDraft

NAME, MAX, DESCRIPTION, EVIDENCE = range(4)
BAD = QColor("#ffcdd2")
SUM = QColor("#607d8b")

Index = QModelIndex | QPersistentModelIndex


class TemplateTreeModel(QAbstractItemModel):
    edited = Signal()  # the draft changed through an edit in the tree
    refused = Signal(str)  # an edit the draft refused, in Chinese

    def __init__(self, draft: TemplateDraft, parent=None):
        super().__init__(parent)
        self.draft = draft
        self.read_only = False

    # -- the draft ---------------------------------------------------------------------------
    def set_draft(self, draft: TemplateDraft) -> None:
        self.beginResetModel()
        self.draft = draft
        self.endResetModel()

    def reset(self) -> None:
        """The draft changed under the model (a structure operation, undo, a template loaded)."""
        self.beginResetModel()
        self.endResetModel()

    def run(self, operation: Callable[[], Any]) -> Any:
        """A structure operation on the draft; the model shows its result. Raises its UserError."""
        self.beginResetModel()
        try:
            return operation()
        finally:
            self.endResetModel()

    def node(self, index: Index) -> DraftNode | None:
        return index.internalPointer() if index.isValid() else None

    def path(self, index: Index) -> Path | None:
        node = self.node(index)
        return self.draft.path_of(node) if node is not None else None

    def index_of(self, path: Path | None, column: int = NAME) -> QModelIndex:
        index = QModelIndex()
        for row in path or ():
            index = self.index(row, NAME, index)
        return index.siblingAtColumn(column) if index.isValid() and column != NAME else index

    # -- structure ---------------------------------------------------------------------------
    def _children(self, parent: Index) -> list[DraftNode]:
        node = self.node(parent)
        return node.children if node is not None else self.draft.criteria

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column > EVIDENCE or (parent.isValid() and parent.column() != NAME):
            return QModelIndex()
        children = self._children(parent)
        if not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(self.draft.row_of(node.parent), NAME, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        checklist = self.draft.is_checklist
        return {NAME: self.tr("评估指标") if checklist else self.tr("评分指标"),
                MAX: self.tr("满分"),
                DESCRIPTION: self.tr("评估要点") if checklist else self.tr("评分说明"),
                EVIDENCE: self.tr("佐证要求")}.get(section)

    # -- cells -------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return node.name
            if column == MAX:
                return fmt_decimal(node.max) if node.is_leaf else fmt_decimal(self.draft.total_of(node))
            if column == DESCRIPTION:
                return node.description
            return node.evidence
        if column != MAX or self.draft.is_checklist:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and self.draft.is_bad(node):
            return QBrush(BAD)
        if role == Qt.ItemDataRole.ToolTipRole and self.draft.is_bad(node):
            return self.tr("末级指标必须有一个正数满分")
        if role == Qt.ItemDataRole.ToolTipRole and not node.is_leaf:
            return self.tr("下级指标满分之和")
        if role == Qt.ItemDataRole.ForegroundRole and not node.is_leaf:
            return QBrush(SUM)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        column = index.column()
        fixed = self.draft.criteria_fixed
        if column == DESCRIPTION or column == EVIDENCE or (column == NAME and not fixed) \
                or (column == MAX and node.is_leaf and not fixed and not self.draft.is_checklist):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        path, column, text = self.draft.path_of(node), index.column(), "" if value is None else str(value)
        operation = {NAME: self.draft.rename, MAX: self.draft.set_max, DESCRIPTION: self.draft.set_description,
                     EVIDENCE: self.draft.set_evidence}[column]
        try:
            operation(path, text)
        except UserError as exc:
            self.refused.emit(str(exc))
            return False
        # the cell, and the sums above it
        self.dataChanged.emit(index.siblingAtColumn(NAME), index.siblingAtColumn(EVIDENCE))
        above = index.parent()
        while above.isValid():
            self.dataChanged.emit(above.siblingAtColumn(MAX), above.siblingAtColumn(MAX))
            above = above.parent()
        self.edited.emit()
        return True
