"""Table models for the roster of one session: presenting units and experts.

Edits go through :mod:`fazhi_desktop.roster`, run by ``ui.operations.run`` (which announces each
write's change record to every page); rows can be moved by drag and drop (the new order is stored
with ``roster.reorder``).
"""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal

from fazhi_desktop import roster
from .. import operations
from ..i18n import label

MIME = "application/x-fazhi-row-ids"


class RosterModel(QAbstractTableModel):
    """Shared behaviour of the units and experts tables. Subclasses set COLUMNS and TABLE."""

    TABLE = ""
    COLUMNS: Sequence[tuple[str, str]] = ()  # (field, header)
    EDITABLE: frozenset[str] = frozenset()
    refused = Signal(object)  # the refusal's message (str)
    changed = Signal()

    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.read_only = False
        self.rows: list[Any] = []
        self.reload()

    # -- loading --------------------------------------------------------------------------
    def fetch(self) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.fetch()
        self.endResetModel()

    def set_read_only(self, value: bool) -> None:
        self.read_only = value

    def row_id(self, row: int) -> int:
        return self.rows[row].id

    def ids(self) -> list[int]:
        return [r.id for r in self.rows]

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return label("TableHeaders", self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def display(self, item: Any, field: str) -> str:
        return str(getattr(item, field) or "")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        item = self.rows[index.row()]
        field = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, field)
        if role == Qt.ItemDataRole.EditRole:
            return str(getattr(item, field) or "")
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if self.COLUMNS[index.column()][0] in self.EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def update(self, row_id: int, **fields: Any) -> dict:
        raise NotImplementedError

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        field = self.COLUMNS[index.column()][0]
        if field not in self.EDITABLE:
            return False
        item = self.rows[index.row()]
        if str(value).strip() == str(getattr(item, field) or ""):
            return False
        if not operations.run(self.db, lambda: self.update(item.id, **{field: value}), say=self.refused.emit).ok:
            return False
        self.rows = self.fetch()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.changed.emit()
        return True

    def store_add(self, name: str) -> object:
        raise NotImplementedError

    def store_remove(self, row_id: int) -> object:
        raise NotImplementedError

    def _apply(self, write) -> bool:
        """Run one service write (it returns its change record: the hub announces it); a refusal goes
        out through ``refused``, success reloads."""
        if not operations.run(self.db, write, say=self.refused.emit).ok:
            return False
        self.reload()
        self.changed.emit()
        return True

    def add(self, name: str) -> bool:
        return self._apply(lambda: self.store_add(name))

    def remove(self, row: int) -> bool:
        return self._apply(lambda: self.store_remove(self.rows[row].id))

    # -- order ----------------------------------------------------------------------------
    def set_order(self, ids: list[int]) -> bool:
        """Store a new order (all ids, each once); reports a refusal through ``refused``."""
        return self._apply(lambda: roster.reorder(self.db, session_id=self.session_id, table=self.TABLE, ids=ids))

    def move(self, row: int, delta: int) -> int:
        """Move one row up (-1) or down (+1); returns its new row, or the old one if it can't move."""
        target = row + delta
        if self.read_only or not (0 <= row < len(self.rows)) or not (0 <= target < len(self.rows)):
            return row
        ids = self.ids()
        ids.insert(target, ids.pop(row))
        return target if self.set_order(ids) else row

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME, QByteArray(",".join(str(self.rows[r].id) for r in rows).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex) -> bool:
        return not self.read_only and data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(MIME).data()).decode()
        moved = [int(x) for x in text.split(",") if x]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        ids = self.ids()
        before = ids[:row]
        after = ids[row:]
        rest_before = [i for i in before if i not in moved]
        rest_after = [i for i in after if i not in moved]
        self.set_order(rest_before + moved + rest_after)
        # The store already holds the new order; returning False stops the view from removing
        # the dragged rows a second time.
        return False


class UnitsModel(RosterModel):
    TABLE = "units"
    NAME, PRESENTER, PRESENTER_TITLE, REPORT_TITLE, STATUS = range(5)
    COLUMNS = (("name", QT_TRANSLATE_NOOP("TableHeaders", "单位名称")), ("presenter",
               QT_TRANSLATE_NOOP("TableHeaders", "汇报人")), ("presenter_title",
               QT_TRANSLATE_NOOP("TableHeaders", "职务")),
               ("report_title", QT_TRANSLATE_NOOP("TableHeaders", "汇报题目")), ("status", QT_TRANSLATE_NOOP("TableHeaders", "状态")))
    EDITABLE = frozenset(roster.UNIT_FIELDS)

    def fetch(self) -> list[roster.Unit]:
        return roster.list_units(self.db, self.session_id)

    def display(self, item: Any, field: str) -> str:
        if field == "status":
            return label("Roster", roster.UNIT_STATUSES.get(item.status, item.status))
        return super().display(item, field)

    def update(self, row_id: int, **fields: Any) -> dict:
        return roster.update_unit(self.db, unit_id=row_id, **fields)

    def store_add(self, name: str) -> roster.Unit:
        return roster.add_unit(self.db, session_id=self.session_id, name=name)

    def store_remove(self, row_id: int) -> object:
        return roster.remove_unit(self.db, unit_id=row_id)


class ExpertsModel(RosterModel):
    TABLE = "experts"
    NAME, CATEGORY, AFFILIATION = range(3)
    COLUMNS = (("name", QT_TRANSLATE_NOOP("TableHeaders", "姓名")), ("category",
               QT_TRANSLATE_NOOP("TableHeaders", "类别")), ("affiliation", QT_TRANSLATE_NOOP("TableHeaders", "工作单位")))
    EDITABLE = frozenset(roster.EXPERT_FIELDS)

    def fetch(self) -> list[roster.Expert]:
        return roster.list_experts(self.db, self.session_id)

    def update(self, row_id: int, **fields: Any) -> dict:
        return roster.update_expert(self.db, expert_id=row_id, **fields)

    def store_add(self, name: str) -> roster.Expert:
        return roster.add_expert(self.db, session_id=self.session_id, name=name)

    def store_remove(self, row_id: int) -> object:
        return roster.remove_expert(self.db, expert_id=row_id)
