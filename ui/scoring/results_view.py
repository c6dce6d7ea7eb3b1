"""评议结果: the ranking (rank, unit, components, final, grade, status, who is incomplete or recused)
and, for the selected unit, where every point came from (criterion × expert, totals, the formula).

Recomputed when shown, and while visible whenever a change record names what the results are made
of (scores, external values, units, experts, the template or the status: typed here or in the live
console, or sent by the experts' phones). Nothing polls the database.
"""
from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from fazhi_desktop.changes import Change
from fazhi_desktop.errors import UserError
from fazhi_desktop.results import Results, compute_results
from fazhi_desktop.roster import list_experts
from fazhi_desktop.scoring import scores_for
from fazhi_desktop.template import fmt_decimal

from .. import operations
from ..i18n import label
from ..icons import icon
from .results_models import RankingModel, TraceModel, shown

AGGREGATIONS = {"trimmed_mean": QT_TRANSLATE_NOOP("ResultsPage", "去掉一个最高分和一个最低分后平均（5 位及以上）"),
                "mean": QT_TRANSLATE_NOOP("ResultsPage", "算术平均")}
RESULT_KINDS = ("scores", "external", "units", "experts", "template", "status")


class ResultsPage(operations.Listener, QWidget):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.results: Results | None = None
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.ranking = RankingModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.ranking)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(64)
        self.ranking.modelReset.connect(lambda: header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_trace())
        self.trace = TraceModel(self)
        self.trace_view = QTableView(self)
        self.trace_view.setModel(self.trace)
        self.trace_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trace_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.trace_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.trace_title = QLabel(self)
        self.trace_title.setStyleSheet("font-weight: bold;")
        self.formula = QLabel(self)
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.external_button = QPushButton(icon("import"), self.tr("外部得分…"), self)
        self.external_button.clicked.connect(self.edit_external)
        self.audit_button = QPushButton(icon("audit"), self.tr("审计日志…"), self)
        self.audit_button.clicked.connect(self.show_audit)

        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.external_button)
        bar.addWidget(self.audit_button)
        bottom = QWidget(self)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(self.trace_title)
        bv.addWidget(self.trace_view, 1)
        bv.addWidget(self.formula)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(bottom)
        split.setSizes([400, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.listen(db, session_id)
        self.refresh()

    # --- refresh -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.take_pending()
        keep = self.current_unit_id()
        try:
            self.results = compute_results(self.db, self.session_id)
        except UserError as exc:  # the session was deleted under us (the page is about to go)
            self.title.setText(str(exc))
            return
        self.ranking.set_results(self.results)
        agg = AGGREGATIONS["trimmed_mean" if self.results.template.aggregation == "trimmed_mean" else "mean"]
        done = sum(1 for u in self.results.units if u.final is not None)
        self.title.setText(self.tr("{0}　评议结果（{1}；{2}/{3} 个单位已有综合得分）").format(
            self.results.title, label("ResultsPage", agg), done, len(self.results.units)))
        self.external_button.setVisible(any(c.source == "external" for c in self.results.template.components))
        row = next((r for r, u in enumerate(self.ranking.units) if u.unit_id == keep), 0)
        if self.ranking.units:
            self.table.selectionModel().setCurrentIndex(
                self.ranking.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_trace()

    def apply(self, change: Change) -> None:
        """Compute again when the change names anything the results are made of."""
        if change.touches(*RESULT_KINDS):
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.show_pending()

    def current_unit_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.ranking.units[index.row()].unit_id if index.isValid() and index.row() < len(self.ranking.units) else None

    def select_unit(self, unit_id: int) -> None:
        row = next((r for r, u in enumerate(self.ranking.units) if u.unit_id == unit_id), -1)
        if row >= 0:
            self.table.selectRow(row)
            self._show_trace()

    # --- trace -----------------------------------------------------------------------------------------
    def _show_trace(self) -> None:
        res = self.results
        unit_id = self.current_unit_id()
        unit = next((u for u in res.units if u.unit_id == unit_id), None) if res else None
        roster = list_experts(self.db, self.session_id)
        experts = [e.name for e in roster]
        ids = {e.id: e.name for e in roster}
        sheets: dict[str, dict[int, object]] = {}
        if unit is not None:
            for (e, _u, c), v in scores_for(self.db, self.session_id, unit.unit_id).items():
                sheets.setdefault(ids[e], {})[c] = v
        self.trace.set_unit(res, unit, experts, sheets)
        if unit is None:
            self.trace_title.setText("")
            self.formula.setText("")
            return
        self.trace_title.setText(self.tr("{0}：各专家评分明细").format(unit.name))
        self.formula.setText(self.explain(unit))

    def explain(self, unit) -> str:
        """The arithmetic of one unit in words, for whoever checks the tally."""
        t = self.results.template
        counted = [n for n in unit.experts if n not in unit.trimmed_experts]
        lines = []
        if counted:
            totals = [unit.experts[n] for n in counted]
            panel = sum(totals, Fraction(0)) / len(totals)
            line = self.tr("评议团评分 = {0} 位专家总分平均 {1} ÷ 满分 {2} × 100 = {3}").format(
                len(counted), shown(panel), fmt_decimal(t.total_max), shown(panel * 100 / Fraction(t.total_max)))
            if unit.trimmed_experts:
                line += self.tr("（已去掉最高分和最低分：{0}）").format("、".join(unit.trimmed_experts))
            lines.append(line)
        else:
            lines.append(self.tr("还没有评完的专家，评议团评分暂缺。"))
        if t.components:
            parts = "＋".join(f"{c.name} {shown(unit.components.get(c.name))} × {fmt_decimal(c.weight)}"
                             for c in t.components)
            weight = sum((c.weight for c in t.components), 0)
            lines.append(self.tr("综合得分 =（{0}）÷ {1}").format(parts, fmt_decimal(weight)))
        if unit.final is not None:
            lines.append(self.tr("综合得分 {0}（四舍五入到两位小数），等次 {1}，排名 {2}").format(
                unit.final, unit.grade or "—", unit.rank or "—"))
        else:
            missing = [n for n, v in unit.components.items() if v is None]
            lines.append(self.tr("综合得分暂缺：{0} 尚无数值。").format("、".join(missing) or self.tr("评分")))
        if unit.incomplete_experts:
            lines.append(self.tr("未评完（不计入）：{0}").format("、".join(unit.incomplete_experts)))
        if unit.recused_experts:
            lines.append(self.tr("回避：{0}").format("、".join(unit.recused_experts)))
        return "\n".join(lines)

    # --- dialogs ---------------------------------------------------------------------------------------
    def edit_external(self):
        from .external_editor import ExternalDialog

        dialog = ExternalDialog(self.db, self.session_id, self)
        dialog.open()
        return dialog

    def show_audit(self):
        from .audit_dialog import AuditDialog

        dialog = AuditDialog(self.db, self.session_id, self)
        dialog.open()
        return dialog

