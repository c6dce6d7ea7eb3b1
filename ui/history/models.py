"""Table models of the history window. Long lists load page by page (``canFetchMore`` /
``fetchMore``), so a thousand sessions or ten thousand ledger items open as fast as ten."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fazhi_desktop.errors import UserError
from fazhi_desktop import history, ledger
from fazhi_desktop.sessions import STATUSES

from ..i18n import label
from ..models.base import ListTableModel

PAGE = 100
OVERDUE_BG = QColor("#ffe0e0")
DONE_FG = QColor("#2e7d32")


class PagedModel(ListTableModel):
    """Rows come from ``fetch(limit, offset)``; ``total()`` says how many there are."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list = []
        self._total = 0

    # subclasses
    def fetch(self, limit: int, offset: int) -> list:
        raise NotImplementedError

    def total(self) -> int:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self.total()
        self.rows = self.fetch(PAGE, 0)
        self.endResetModel()

    def total_count(self) -> int:
        return self._total

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self.fetch(PAGE, len(self.rows))
        if not more:
            self._total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()


class HistoryModel(PagedModel):
    TITLE, DATE, KIND, STATUS, UNITS, EXPERTS = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "会议名称"), QT_TRANSLATE_NOOP("TableHeaders", "日期"),
               QT_TRANSLATE_NOOP("TableHeaders", "类型"), QT_TRANSLATE_NOOP("TableHeaders", "状态"),
               QT_TRANSLATE_NOOP("TableHeaders", "单位"), QT_TRANSLATE_NOOP("TableHeaders", "专家"))

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.filters: dict = {}
        self.reload()

    def set_filters(self, **filters) -> None:
        self.filters = {k: v for k, v in filters.items() if v}
        self.reload()

    def fetch(self, limit: int, offset: int) -> list:
        return history.list_history(self.db, limit=limit, offset=offset, **self.filters)

    def total(self) -> int:
        return history.count_history(self.db, **self.filters)

    def session_id(self, row: int) -> int:
        return self.rows[row]["id"]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {self.TITLE: r["title"], self.DATE: r["date"] or self.tr("未定"), self.KIND: r["kind"],
                    self.STATUS: label("Session", STATUSES.get(r["status"], r["status"])), self.UNITS: r["units"],
                    self.EXPERTS: r["experts"]}.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.UNITS, self.EXPERTS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None


class SearchModel(ListTableModel):
    KIND, TEXT, UNIT, SESSION, DATE = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "类别"), QT_TRANSLATE_NOOP("TableHeaders", "内容"),
               QT_TRANSLATE_NOOP("TableHeaders", "单位"), QT_TRANSLATE_NOOP("TableHeaders", "评议会"),
               QT_TRANSLATE_NOOP("TableHeaders", "日期"))
    LIMIT = 500

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.query = ""
        self.error = ""
        self.hits: list[history.Hit] = []

    def run(self, query: str) -> int:
        """Search; a refused query (a NUL character, too long) leaves no hits and its reason in
        ``error``."""
        self.beginResetModel()
        self.query = query.strip()
        self.error = ""
        try:
            self.hits = history.search(self.db, self.query, limit=self.LIMIT) if self.query else []
        except UserError as exc:
            self.hits, self.error = [], exc.message
        self.endResetModel()
        return len(self.hits)

    def items(self) -> list:
        return self.hits

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.hits)):
            return None
        h, col = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {self.KIND: label("SearchKind", h.kind_label), self.TEXT: h.snippet(self.query, 80),
                    self.UNIT: h.unit_name or "—", self.SESSION: h.session_title, self.DATE: h.session_date or ""}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return h.text
        return None


class LedgerModel(PagedModel):
    UNIT, PROBLEM, MEASURE, RESPONSIBLE, DEADLINE, KIND, STATUS, SESSION = range(8)
    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "参评单位"), QT_TRANSLATE_NOOP("TableHeaders", "存在问题"),
               QT_TRANSLATE_NOOP("TableHeaders", "整改措施"), QT_TRANSLATE_NOOP("TableHeaders", "责任单位/责任人"),
               QT_TRANSLATE_NOOP("TableHeaders", "整改时限"), QT_TRANSLATE_NOOP("TableHeaders", "类型"),
               QT_TRANSLATE_NOOP("TableHeaders", "状态"), QT_TRANSLATE_NOOP("TableHeaders", "来源评议会"))

    def __init__(self, db, parent: QObject | None = None, *, today: Callable[[], str] | None = None):
        super().__init__(parent)
        self.db = db
        self.today = today or ledger.today_iso
        self.filters: dict = {}

    def set_filters(self, **filters) -> None:
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload()

    def fetch(self, limit: int, offset: int) -> list:
        return ledger.list_items(self.db, today=self.today(), limit=limit, offset=offset, **self.filters)

    def total(self) -> int:
        return ledger.count_items(self.db, today=self.today(), **self.filters)

    def item(self, row: int) -> dict:
        return self.rows[row]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            who = r["responsible_unit"] + (f" / {r['responsible_person']}" if r["responsible_person"] else "")
            return {self.UNIT: r["unit_name"], self.PROBLEM: r["problem"], self.MEASURE: r["measure"],
                    self.RESPONSIBLE: who, self.DEADLINE: r["deadline"] or "—", self.KIND: r["kind"],
                    self.STATUS: label("LedgerStatus", ledger.status_label(r["shown_status"])),
                    self.SESSION: r["session_title"] or self.tr("（手工添加）")}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.PROBLEM, self.MEASURE, self.STATUS):
            if col == self.STATUS and r["evidence"]:
                return self.tr("佐证：") + r["evidence"]
            return r["problem"] if col == self.PROBLEM else r["measure"]
        if role == Qt.ItemDataRole.BackgroundRole and r["shown_status"] == ledger.OVERDUE:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and r["shown_status"] == ledger.DONE:
            return QBrush(DONE_FG)
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None


class RowsModel(ListTableModel):
    """A short read-only list (a session's results, a dossier's sessions or questions): rows are
    dicts, columns are (header, key or function); headers are marked QT_TRANSLATE_NOOP("TableHeaders", …)
    where the columns are defined."""

    def __init__(self, columns: list[tuple[str, object]], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [c[0] for c in self.columns]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            key = self.columns[index.column()][1]
            value = key(row) if callable(key) else (row.get(key) if isinstance(row, dict) else getattr(row, key))
            if value is None or value == "":
                return "—"
            return f"{value:.2f}" if isinstance(value, float) else str(value)
        return None
