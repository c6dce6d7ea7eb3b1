"""The list of review sessions shown at the left of the main window."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt

from fazhi_desktop.sessions import STATUSES, list_sessions

from .base import ListTableModel
from ..i18n import arg, label


class SessionsModel(ListTableModel):
    TITLE, DATE, STATUS = range(3)
    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "会议名称"), QT_TRANSLATE_NOOP("TableHeaders", "日期"),
               QT_TRANSLATE_NOOP("TableHeaders", "状态"))

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.rows: list[dict] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list_sessions(self.db)
        self.endResetModel()

    def session_id(self, row: int) -> int:
        return self.rows[row]["id"]

    def row_of(self, session_id: int) -> int:
        for row, r in enumerate(self.rows):
            if r["id"] == session_id:
                return row
        return -1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TITLE:
                return r["title"]
            if col == self.DATE:
                return r["date"] or self.tr("未定")
            if col == self.STATUS:
                return label("Session", STATUSES.get(r["status"], r["status"]))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return arg(self.tr("%1（%2 个单位，%3 位专家）"), r["title"], str(r["units"]), str(r["experts"]))
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None
