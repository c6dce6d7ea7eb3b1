"""The shared shape of the flat table models: a Python list of rows and translated column titles."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class ListTableModel(QAbstractTableModel):
    """Rows are ``items()`` (``self.rows`` unless a subclass keeps them elsewhere); columns are
    ``headers()`` (``HEADERS`` unless a subclass builds them), shown through ``tr``."""

    HEADERS: tuple[str, ...] = ()

    def items(self) -> list:
        return self.rows

    def headers(self) -> list[str] | tuple[str, ...]:
        return self.HEADERS

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        headers = self.headers()
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(headers):
            return self.tr(headers[section])
        return None
