"""The shared shape of the flat table models: a Python list of rows and translated column titles.

Column titles are marked ``QT_TRANSLATE_NOOP("TableHeaders", "…")`` where a model defines them."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..i18n import label


class ListTableModel(QAbstractTableModel):
    """Rows are ``items()`` (``self.rows`` unless a subclass keeps them elsewhere); columns are
    ``headers()`` (``HEADERS`` unless a subclass builds them), shown with ``label("TableHeaders", …)``."""

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
            return label("TableHeaders", headers[section])
        return None
