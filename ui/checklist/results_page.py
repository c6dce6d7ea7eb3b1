"""评估结果: the candidates by rate with the threshold drawn as a row between those that reach it
and those that do not, and the first-level breakdown of the selected candidate (the areas where
it falls short on red)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from fazhi_desktop.checklist.results import CandidateResult, ChecklistResults, compute_checklist_results
from fazhi_desktop.results import round_half_up
from fazhi_desktop.template import fmt_decimal

from ..icons import icon
from ..widgets import read_only_table
from ..models.base import ListTableModel
from .rating_model import FAIL_FG, MUTED_FG, PASS_FG
from ..i18n import arg, translate

LINE_BG = QColor("#ffe0b2")
SHORT_BG = QColor("#ffebee")


def pct(value) -> str:
    return "—" if value is None else f"{round_half_up(value)}%"


def verdict_text(u: CandidateResult, threshold: Decimal) -> str:
    """fazhi_desktop.checklist.results.verdict in the UI's language (the same cases, in the same order)."""
    if u.status == "absent":
        return translate("ChecklistResults", "缺席")
    if u.status == "incomplete":
        return arg(translate("ChecklistResults", "未完成（%1 项未评定）"), len(u.unrated))
    if u.rate_exact is None:
        return translate("ChecklistResults", "无适用指标")
    if u.passed:
        return translate("ChecklistResults", "达到门槛")
    if u.rate is not None and u.rate >= threshold:
        return arg(translate("ChecklistResults", "未达门槛（精确值 %1% 低于 %2%）"),
                   f"{float(u.rate_exact):.4f}", fmt_decimal(threshold))
    return translate("ChecklistResults", "未达门槛")

class RankingModel(ListTableModel):
    """Candidates by rank; one row (``None``) is the threshold line."""

    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "排名"), QT_TRANSLATE_NOOP("TableHeaders", "单位"),
               QT_TRANSLATE_NOOP("TableHeaders", "达标"), QT_TRANSLATE_NOOP("TableHeaders", "部分达标"),
               QT_TRANSLATE_NOOP("TableHeaders", "未达标"), QT_TRANSLATE_NOOP("TableHeaders", "不适用"),
               QT_TRANSLATE_NOOP("TableHeaders", "适用"), QT_TRANSLATE_NOOP("TableHeaders", "未评定"),
               QT_TRANSLATE_NOOP("TableHeaders", "达标率"), QT_TRANSLATE_NOOP("TableHeaders", "结论"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[CandidateResult | None] = []
        self.results: ChecklistResults | None = None

    def set_results(self, res: ChecklistResults) -> None:
        self.beginResetModel()
        self.results = res
        ranked = sorted(res.units, key=lambda u: (u.rank is None, u.rank or 0, not u.passed, u.position))
        rows: list[CandidateResult | None] = []
        for u in ranked:
            if None not in rows and not u.passed:
                rows.append(None)
            rows.append(u)
        if None not in rows:
            rows.append(None)
        self.rows = rows
        self.endResetModel()

    def line_row(self) -> int:
        return self.rows.index(None)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        u = self.rows[index.row()]
        col = index.column()
        if u is None:  # the threshold line
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return arg(translate("ChecklistResults", "—— 达标门槛 %1% ——"), fmt_decimal(self.results.threshold))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(LINE_BG)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        t = u.tally
        if role == Qt.ItemDataRole.DisplayRole:
            return [str(u.rank or "—"), u.name, t.met, t.partial, t.unmet, t.not_applicable, t.applicable, t.unrated,
                    pct(u.rate_exact if u.rate_exact is not None else None) if u.status == "complete"
                    else (pct(u.provisional_exact) + "…" if u.provisional_exact is not None else "—"),
                    verdict_text(u, self.results.threshold)][col]
        if role == Qt.ItemDataRole.ForegroundRole and col in (8, 9):
            return QBrush(MUTED_FG if u.passed is None else PASS_FG if u.passed else FAIL_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= col <= 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 8 and u.rate_exact is not None:
            return arg(translate("ChecklistResults", "精确值 %1%"), f"{float(u.rate_exact):.4f}")
        return None


class AreasModel(ListTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "一级指标"), QT_TRANSLATE_NOOP("TableHeaders", "指标数"),
               QT_TRANSLATE_NOOP("TableHeaders", "达标"), QT_TRANSLATE_NOOP("TableHeaders", "部分达标"),
               QT_TRANSLATE_NOOP("TableHeaders", "未达标"), QT_TRANSLATE_NOOP("TableHeaders", "不适用"),
               QT_TRANSLATE_NOOP("TableHeaders", "未评定"), QT_TRANSLATE_NOOP("TableHeaders", "达标率"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows = []

    def set_candidate(self, u: CandidateResult | None) -> None:
        self.beginResetModel()
        self.rows = list(u.areas) if u else []
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        t = a.tally
        if role == Qt.ItemDataRole.DisplayRole:
            rate = pct(a.rate_exact) if a.rate_exact is not None else \
                (pct(a.provisional_exact) + "…" if a.provisional_exact is not None else "—")
            return [a.name, t.rated + t.unrated, t.met, t.partial, t.unmet, t.not_applicable, t.unrated,
                    rate][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and a.short:
            return QBrush(SHORT_BG)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 7:
            return QBrush(MUTED_FG if a.provisional_exact is None else FAIL_FG if a.short else PASS_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model) -> QTableView:
    view = read_only_table(model, alternate=False, stretch_last=False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class ChecklistResultsPage(QWidget):
    export_requested = Signal()

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.ranking = RankingModel(self)
        self.areas = AreasModel(self)
        self.ranking_view = _table(self.ranking)
        self.ranking_view.horizontalHeader().setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)
        self.areas_view = _table(self.areas)
        self.areas_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ranking_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_areas(cur.row()))
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #546e7a;")
        self.area_title = QLabel()
        self.area_title.setStyleSheet("font-weight: bold;")
        export = QPushButton(icon("export"), translate("ChecklistResults", "导出评估材料…"))
        export.clicked.connect(self.export_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.rule, 1)
        top.addWidget(export)
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.area_title)
        lv.addWidget(self.areas_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.ranking_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.refresh()

    def refresh(self) -> None:
        res = compute_checklist_results(self.db, self.session_id)
        self.ranking.set_results(res)
        line = self.ranking.line_row()
        self.ranking_view.clearSpans()
        self.ranking_view.setSpan(line, 0, 1, self.ranking.columnCount())
        t = res.template
        self.rule.setText(arg(translate("ChecklistResults", "达标率＝（达标＋部分达标×%1）÷（指标数－不适用）×100%，四舍五入保留两位小数；"
                              "是否达到 %2% 按未经舍入的达标率判断。"), fmt_decimal(t.partial_weight), fmt_decimal(t.threshold)))
        first = 0 if line != 0 else 1
        if first < self.ranking.rowCount():
            self.ranking_view.selectRow(first)
        self._show_areas(first)

    def _show_areas(self, row: int) -> None:
        u = self.ranking.rows[row] if 0 <= row < len(self.ranking.rows) else None
        self.areas.set_candidate(u)
        self.area_title.setText(arg(translate("ChecklistResults", "%1：各一级指标（浅红为低于门槛的方面）"), u.name) if u else "")
