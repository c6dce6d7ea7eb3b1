"""Table models of the results: the ranking, and one unit's trace (criterion × expert)."""
from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fazhi_desktop.results import Results, UnitResult, round_half_up
from fazhi_desktop.template import fmt_decimal

from ..i18n import label, translate
from .grid_model import RECUSED_BG, RECUSED_FG

STATUS = {"complete": QT_TRANSLATE_NOOP("Results", "完整"), "incomplete": QT_TRANSLATE_NOOP("Results", "未完成"),
          "absent": QT_TRANSLATE_NOOP("Results", "缺席")}
INCOMPLETE_FG = QColor("#e65100")
TRIMMED_FG = QColor("#9e9e9e")


def shown(value: Fraction | None) -> str:
    """A component or total as shown: half up to 2 decimals, trailing zeros kept for alignment."""
    return "—" if value is None else f"{round_half_up(value)}"


def ranking_order(res: Results) -> list[UnitResult]:
    return sorted(res.units, key=lambda u: (u.rank is None, u.rank or 0, u.position))


class RankingModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.results: Results | None = None
        self.units: list[UnitResult] = []
        self.components: list[str] = []

    def set_results(self, res: Results) -> None:
        self.beginResetModel()
        self.results = res
        self.units = ranking_order(res)
        self.components = list(res.units[0].components) if res.units else \
            [c.name for c in res.template.components] or ["评议团评分"]
        self.endResetModel()

    def headers(self) -> list[str]:
        return [translate("Results", "排名"), translate("Results", "单位"), *self.components, translate("Results", "综合得分"), translate("Results", "等次"), translate("Results", "状态"),
                translate("Results", "未评完专家"), translate("Results", "回避专家")]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def row_values(self, u: UnitResult) -> list[str]:
        return [str(u.rank) if u.rank else "—", u.name, *[shown(u.components.get(c)) for c in self.components],
                "—" if u.final is None else str(u.final), u.grade or "—", self.status_text(u),
                "、".join(u.incomplete_experts), "、".join(u.recused_experts)]

    @staticmethod
    def status_text(u: UnitResult) -> str:
        if u.unchecked_scores and u.status == "incomplete":  # 双人录入核对 on: not final until checked
            return translate("Results", "待核对 {0} 项").format(u.unchecked_scores)
        return label("Results", STATUS.get(u.status, u.status))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        u = self.units[index.row()]
        col = index.column()
        final_col = 2 + len(self.components)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_values(u)[col]
        if role == Qt.ItemDataRole.UserRole:
            return u.unit_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col != 1 and col < final_col + 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and col in (0, final_col):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and u.status != "complete":
            return QBrush(INCOMPLETE_FG)
        if role == Qt.ItemDataRole.ToolTipRole and col == final_col + 2 and u.unchecked_scores:
            return translate("Results", "{0} 项分数待双人核对：核对后才计算综合得分和排名").format(u.unchecked_scores)
        if role == Qt.ItemDataRole.ToolTipRole and col == final_col and u.final_exact is not None:
            return translate("Results", "未舍入：{0}").format(f"{float(u.final_exact):.6f}")
        return None


class TraceModel(QAbstractTableModel):
    """One unit: leaf rows, then each expert's total and its value on 100; a column per expert."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.unit: UnitResult | None = None
        self.leaves: list[tuple[str, object]] = []
        self.experts: list[str] = []
        self.sheets: dict[str, dict[int, object]] = {}
        self.total_max = 1

    def set_unit(self, res: Results, unit: UnitResult | None, experts: list[str],
                 sheets: dict[str, dict[int, object]]) -> None:
        self.beginResetModel()
        self.unit = unit
        self.leaves = res.template.leaves()
        self.total_max = res.template.total_max or 1
        self.experts = experts
        self.sheets = sheets
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.unit is None else len(self.leaves) + 2

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.unit is None else len(self.experts) + 2

    def state(self, name: str) -> str:
        u = self.unit
        if name in u.recused_experts:
            return translate("Results", "回避")
        if name in u.incomplete_experts:
            return translate("Results", "未评完，不计入")
        if name in u.trimmed_experts:
            return translate("Results", "去掉最高/低")
        return translate("Results", "计入")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return translate("Results", "满分")
            if section == len(self.experts) + 1:
                return translate("Results", "各项平均")
            name = self.experts[section - 1]
            return f"{name}\n{self.state(name)}"
        if section < len(self.leaves):
            return self.leaves[section][0]
        return translate("Results", "合计") if section == len(self.leaves) else translate("Results", "百分制")

    def _cell(self, row: int, col: int) -> str:
        u = self.unit
        n = len(self.leaves)
        if col == 0:
            if row < n:
                return fmt_decimal(self.leaves[row][1].maximum)
            return fmt_decimal(self.total_max) if row == n else "100"
        if col == len(self.experts) + 1:
            if row < n:
                return shown(u.criteria.get(self.leaves[row][0]))
            counted = [t for name, t in u.experts.items() if name not in u.trimmed_experts]
            mean = sum(counted, Fraction(0)) / len(counted) if counted else None
            if row == n:
                return shown(mean)
            return shown(mean * 100 / Fraction(self.total_max) if mean is not None else None)
        name = self.experts[col - 1]
        if name in u.recused_experts:
            return translate("Results", "回避")
        sheet = self.sheets.get(name, {})
        if row < n:
            value = sheet.get(self.leaves[row][1].id)
            return fmt_decimal(value) if value is not None else ""
        total = u.experts.get(name)
        if total is None:
            return ""
        return shown(total) if row == n else shown(total * 100 / Fraction(self.total_max))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.unit is None:
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        name = self.experts[col - 1] if 0 < col <= len(self.experts) else None
        if role == Qt.ItemDataRole.BackgroundRole and name in self.unit.recused_experts:
            return QBrush(RECUSED_BG)
        if role == Qt.ItemDataRole.ForegroundRole and name:
            if name in self.unit.recused_experts:
                return QBrush(RECUSED_FG)
            if name in self.unit.incomplete_experts:
                return QBrush(INCOMPLETE_FG)
            if name in self.unit.trimmed_experts:
                return QBrush(TRIMMED_FG)
        if role == Qt.ItemDataRole.FontRole and (row >= len(self.leaves) or (name and name in self.unit.trimmed_experts)):
            font = QFont()
            font.setBold(row >= len(self.leaves))
            font.setStrikeOut(bool(name) and name in self.unit.trimmed_experts and row >= len(self.leaves))
            return font
        return None
