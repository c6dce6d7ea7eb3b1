"""The rating grid of a checklist session: indicators down, candidates across.

Rows are each first-level area (its row shows every candidate's rate in that area so far), the
area's indicators (a cell shows the rating), and a last row with each candidate's rate and
whether it reaches the threshold, so the rates move as the ratings are typed. The model never
writes: the page stores ratings through the services and then calls :meth:`update_cells`.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fazhi_desktop import roster
from fazhi_desktop.checklist import RATINGS
from fazhi_desktop.checklist.ratings import Rating, ratings_for
from fazhi_desktop.checklist.results import AreaResult, CandidateResult, candidate_result
from fazhi_desktop.results import round_half_up
from fazhi_desktop.sessions import load_template
from fazhi_desktop.template import Criterion, Template, fmt_decimal
from ..i18n import arg, label, translate

COL_NO, COL_NAME, FIRST_UNIT = 0, 1, 2
SHORT = {"met": QT_TRANSLATE_NOOP("RatingGrid", "达标"), "partial": QT_TRANSLATE_NOOP("RatingGrid", "部分"),
         "unmet": QT_TRANSLATE_NOOP("RatingGrid", "未达"), "not_applicable": QT_TRANSLATE_NOOP("RatingGrid", "不适用")}
COLORS = {"met": QColor("#c8e6c9"), "partial": QColor("#fff3c4"), "unmet": QColor("#ffcdd2"),
          "not_applicable": QColor("#e0e0e0")}
AREA_BG = QColor("#eceff1")
TOTAL_BG = QColor("#fff8e1")
ABSENT_BG = QColor("#f5f5f5")
PASS_FG = QColor("#2e7d32")
FAIL_FG = QColor("#c62828")
MUTED_FG = QColor("#78909c")




@dataclass
class GridRow:
    kind: str  # area | leaf | total
    name: str
    path: str
    area: int  # index of its first-level area (-1 for the total)
    number: int = 0  # the indicator's number in tree order (leaves)
    criterion: Criterion | None = None


def grid_rows(template: Template) -> list[GridRow]:
    rows: list[GridRow] = []
    number = 0
    for i, area in enumerate(template.criteria):
        if area.is_leaf:  # a first-level indicator with no levels below it (the built-in before import)
            number += 1
            rows.append(GridRow("leaf", area.name, area.name, i, number, area))
            continue
        rows.append(GridRow("area", area.name, area.name, i))
        stack = [(area.name, c) for c in area.children]
        flat: list[tuple[str, Criterion]] = []
        while stack:  # depth first, in order
            prefix, node = stack.pop(0)
            path = f"{prefix}/{node.name}"
            if node.is_leaf:
                flat.append((path, node))
            else:
                stack[0:0] = [(path, c) for c in node.children]
        for path, node in flat:
            number += 1
            rows.append(GridRow("leaf", node.name, path, i, number, node))
    rows.append(GridRow("total", translate("RatingGrid", "达标率"), "", -1))
    return rows


def rate_text(value, done: bool) -> str:
    if value is None:
        return "—"
    return f"{round_half_up(value)}%" + ("" if done else "…")


class RatingGridModel(QAbstractTableModel):
    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.template: Template | None = None
        self.rows: list[GridRow] = []
        self.units: list[roster.Unit] = []
        self.ratings: dict[tuple[int, int], Rating] = {}
        self.results: dict[int, CandidateResult] = {}
        self.reload()

    # -- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self.template = load_template(self.db, self.session_id)
        self.rows = grid_rows(self.template)
        self.units = roster.list_units(self.db, self.session_id)
        self.ratings = ratings_for(self.db, self.session_id)
        self._compute()
        self.endResetModel()

    def _compute(self) -> None:
        self.results = {}
        for u in self.units:
            codes = {c: r.rating for (uid, c), r in self.ratings.items() if uid == u.id}
            self.results[u.id] = candidate_result(self.template, codes, unit_id=u.id, name=u.name,
                                                  position=u.position, absent=u.status == "absent")

    def update_cells(self, cells: list[tuple[int, int]]) -> None:
        """Re-read the ratings of (unit_id, criterion_id) cells after a service call, and the rates."""
        fresh = ratings_for(self.db, self.session_id)
        for key in cells:
            if key in fresh:
                self.ratings[key] = fresh[key]
            else:
                self.ratings.pop(key, None)
        self._compute()
        if self.rowCount() and self.columnCount() > FIRST_UNIT:
            self.dataChanged.emit(self.index(0, FIRST_UNIT), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_UNIT, self.columnCount() - 1)

    # -- lookups for the view and the page --------------------------------------------------------
    def unit_at(self, column: int) -> roster.Unit | None:
        i = column - FIRST_UNIT
        return self.units[i] if 0 <= i < len(self.units) else None

    def leaf_at(self, row: int) -> GridRow | None:
        r = self.rows[row] if 0 <= row < len(self.rows) else None
        return r if r is not None and r.kind == "leaf" else None

    def cell(self, row: int, column: int) -> tuple[int, int] | None:
        """(unit_id, criterion_id) of a rating cell, or None for headers, areas and totals."""
        leaf, unit = self.leaf_at(row), self.unit_at(column)
        if leaf is None or unit is None or leaf.criterion is None:
            return None
        return unit.id, leaf.criterion.id

    def rating(self, row: int, column: int) -> Rating | None:
        key = self.cell(row, column)
        return self.ratings.get(key) if key else None

    def is_rateable(self, row: int, column: int) -> bool:
        unit = self.unit_at(column)
        return self.cell(row, column) is not None and unit is not None and unit.status != "absent"

    def leaf_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.kind == "leaf"]

    # -- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else FIRST_UNIT + len(self.units)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        unit = self.unit_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_NO:
                return translate("RatingGrid", "序号")
            if section == COL_NAME:
                return translate("RatingGrid", "评估指标")
            if unit is None:
                return None
            # the candidate's rate under its name: always in sight, however far the grid is scrolled
            return unit.name + "\n" + self._total_text(self.results.get(unit.id))
        if role == Qt.ItemDataRole.ToolTipRole and unit is not None:
            r = self.results.get(unit.id)
            if r is not None:
                t = r.tally
                return arg(translate("RatingGrid", "%1：达标 %2，部分达标 %3，未达标 %4，不适用 %5，未评定 %6"),
                           unit.name, str(t.met), str(t.partial), str(t.unmet), str(t.not_applicable), str(t.unrated))
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _total_text(self, result: CandidateResult | None) -> str:
        if result is None:
            return ""
        if result.status == "absent":
            return translate("RatingGrid", "缺席")
        if result.status == "incomplete":
            return rate_text(result.provisional_exact, False)
        if result.rate_exact is None:
            return translate("RatingGrid", "无适用")
        return f"{result.rate}% " + (translate("RatingGrid", "达标") if result.passed else translate("RatingGrid", "未达"))

    def _area_value(self, area: AreaResult) -> str:
        return rate_text(area.rate_exact if area.rate_exact is not None else area.provisional_exact,
                         area.rate_exact is not None)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        unit = self.unit_at(col)
        result = self.results.get(unit.id) if unit else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NO:
                return str(row.number) if row.kind == "leaf" else ""
            if col == COL_NAME:
                return row.name if row.kind != "leaf" or row.area < 0 else "　" + row.name
            if result is None:
                return ""
            if row.kind == "area":
                return self._area_value(result.areas[row.area])
            if row.kind == "total":
                return self._total_text(result)
            r = self.ratings.get((unit.id, row.criterion.id)) if row.criterion else None
            if r is None or r.rating is None:
                return "※" if r is not None and r.note else ""
            return label("RatingGrid", SHORT[r.rating]) + (" ※" if r.note else "")  # ※: there is a note (the tooltip shows it)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.kind == "area":
                return QBrush(AREA_BG)
            if row.kind == "total":
                return QBrush(TOTAL_BG)
            if unit is not None and unit.status == "absent":
                return QBrush(ABSENT_BG)
            r = self.ratings.get((unit.id, row.criterion.id)) if unit and row.criterion else None
            if r is not None and r.rating:
                return QBrush(COLORS[r.rating])
            return None
        if role == Qt.ItemDataRole.ForegroundRole and result is not None:
            if row.kind == "area":
                area = result.areas[row.area]
                return QBrush(MUTED_FG if area.provisional_exact is None else FAIL_FG if area.short else PASS_FG)
            if row.kind == "total":
                if result.passed is None:
                    return QBrush(MUTED_FG)
                return QBrush(PASS_FG if result.passed else FAIL_FG)
        if role == Qt.ItemDataRole.FontRole and row.kind in ("area", "total"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= FIRST_UNIT:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col <= COL_NAME and row.criterion is not None:
                parts = [row.path.replace("/", " › ")]
                if row.criterion.description:
                    parts.append(translate("RatingGrid", "评估要点：") + row.criterion.description)
                if row.criterion.evidence_required:
                    parts.append(translate("RatingGrid", "佐证要求：") + row.criterion.evidence_required)
                return "\n".join(parts)
            if row.kind == "leaf" and unit is not None and row.criterion is not None:
                r = self.ratings.get((unit.id, row.criterion.id))
                if r is None:
                    return arg(translate("RatingGrid", "%1：未评定"), unit.name)
                word = label("Checklist", RATINGS[r.rating]) if r.rating else translate("RatingGrid", "未评定")
                parts = [arg(translate("RatingGrid", "%1：%2"), unit.name, word)]
                if r.note:
                    parts.append(translate("RatingGrid", "说明：") + r.note)
                if r.evidence_text:
                    parts.append(translate("RatingGrid", "佐证：") + r.evidence_text)
                return "\n".join(parts)
            if row.kind == "total" and result is not None and result.rate_exact is not None:
                return arg(translate("RatingGrid", "精确值 %1%，门槛 %2%"),
                           f"{float(result.rate_exact):.4f}", fmt_decimal(self.template.threshold))
        if role == Qt.ItemDataRole.AccessibleTextRole and row.kind == "leaf" and unit is not None:
            r = self.ratings.get((unit.id, row.criterion.id)) if row.criterion else None
            return f"{unit.name} {row.number} {RATINGS.get(r.rating, '未评定') if r and r.rating else '未评定'}"
        return None
