"""The template editor's settings pane: for a scored template the aggregation, the weighted
components, the grade bands and the timing; for a checklist the threshold and what a 部分达标
counts for.

Each widget shows the editor's draft and changes it only through one of its operations, run by
the editor's ``edit`` (which names a refusal and puts the widget back); nothing is checked here."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QTableWidget,
                               QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from fazhi_desktop.template_draft import TemplateDraft

from ..icons import icon

TIMING_KEYS = ("report_minutes", "qa_minutes", "warn_minutes")

# edit(operation, *args, revert=None) -> bool: the editor runs a draft operation
Edit = Callable[..., bool]


class TemplateSettings(QWidget):
    changed = Signal()  # a row added or removed (the cells and spin boxes report through ``edit``)

    def __init__(self, draft: Callable[[], TemplateDraft], edit: Edit, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft = draft
        self._run = edit
        self._loading = False
        self.row_buttons: list[QToolButton] = []

        self.aggregation = QComboBox()
        self.aggregation.addItem(self.tr("算术平均"), "mean")
        self.aggregation.addItem(self.tr("去掉一个最高分和一个最低分后平均（5 人及以上）"), "trimmed_mean")
        self.aggregation.currentIndexChanged.connect(
            lambda _i: self._edit(self.draft().set_aggregation, self.aggregation.currentData()))
        self.components = self._table([self.tr("组成部分"), self.tr("权重"), self.tr("来源")], 3)
        self.components.itemChanged.connect(self._component_edited)
        self.grades = self._table([self.tr("等次"), self.tr("最低分")], 4)
        self.grades.itemChanged.connect(self._grade_edited)
        comp_bar = self._row_buttons(self.components, lambda: self._rows(self.draft().add_component),
                                     lambda row: self._rows(self.draft().remove_component, row))
        grade_bar = self._row_buttons(self.grades, lambda: self._rows(self.draft().add_grade),
                                      lambda row: self._rows(self.draft().remove_grade, row))
        self.report, self.qa, self.warn = self._spin(1, 120), self._spin(0, 120), self._spin(0, 30)
        for key, spin in zip(TIMING_KEYS, (self.report, self.qa, self.warn)):
            spin.valueChanged.connect(lambda value, key=key: self._edit(self.draft().set_timing, key, value))
        timing = QFormLayout()
        timing.addRow(self.tr("汇报时长（分钟）"), self.report)
        timing.addRow(self.tr("问答时长（分钟）"), self.qa)
        timing.addRow(self.tr("提前提醒（分钟）"), self.warn)
        rv = QVBoxLayout(self)
        rv.setContentsMargins(0, 0, 0, 0)
        agg_box = QGroupBox(self.tr("汇总方式"))
        QVBoxLayout(agg_box).addWidget(self.aggregation)
        comp_box = QGroupBox(self.tr("组成部分与权重（不填则专家评分占 100%）"))
        cv = QVBoxLayout(comp_box)
        cv.addWidget(self.components)
        cv.addLayout(comp_bar)
        grade_box = QGroupBox(self.tr("等次"))
        gv = QVBoxLayout(grade_box)
        gv.addWidget(self.grades)
        gv.addLayout(grade_bar)
        timing_box = QGroupBox(self.tr("计时"))
        timing_box.setLayout(timing)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.01, 100)
        self.threshold.setDecimals(2)
        self.threshold.setSuffix("%")
        self.threshold.valueChanged.connect(lambda v: self._edit(self.draft().set_threshold, round(v, 2)))
        self.partial_weight = QDoubleSpinBox()
        self.partial_weight.setRange(0, 1)
        self.partial_weight.setDecimals(2)
        self.partial_weight.setSingleStep(0.5)
        self.partial_weight.valueChanged.connect(lambda v: self._edit(self.draft().set_partial_weight, round(v, 2)))
        checklist_form = QFormLayout()
        checklist_form.addRow(self.tr("达标门槛"), self.threshold)
        checklist_form.addRow(self.tr("部分达标折算（0 不计，0.5 计半项，1 计一项）"), self.partial_weight)
        rule = QLabel(self.tr("达标率＝（达标＋部分达标×折算）÷（指标数－不适用）×100%；"
                              "四舍五入保留两位小数，是否达到门槛按未经舍入的达标率判断。"))
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #607d8b;")
        checklist_form.addRow(rule)
        self.checklist_box = QGroupBox(self.tr("达标率与门槛（示范创建）"))
        self.checklist_box.setLayout(checklist_form)
        self.score_boxes = (agg_box, comp_box, grade_box, timing_box)
        for box in (*self.score_boxes, self.checklist_box):
            rv.addWidget(box)
        rv.addStretch(1)

    # -- small builders -------------------------------------------------------------------
    def _table(self, headers: list[str], rows: int) -> QTableWidget:
        """A small table tall enough for ``rows`` rows without scrolling (the usual four grade bands
        must all show at 1366×768)."""
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().hide()
        row_h = t.fontMetrics().height() + 8
        t.verticalHeader().setDefaultSectionSize(row_h)
        t.horizontalHeader().setStretchLastSection(True)
        t.setFixedHeight(t.horizontalHeader().sizeHint().height() + rows * row_h + 2 * t.frameWidth() + 2)
        return t

    def _row_buttons(self, table: QTableWidget, add: Callable[[], object],
                     remove: Callable[[int], object]) -> QHBoxLayout:
        bar = QHBoxLayout()
        plus, minus = QToolButton(), QToolButton()
        plus.setIcon(icon("add"))
        plus.setToolTip(self.tr("添加一行"))
        minus.setIcon(icon("remove"))
        minus.setToolTip(self.tr("删除选中行"))
        plus.clicked.connect(lambda _checked=False: add())
        minus.clicked.connect(lambda _checked=False: remove(table.currentRow()) if table.currentRow() >= 0 else None)
        self.row_buttons += [plus, minus]
        bar.addWidget(plus)
        bar.addWidget(minus)
        bar.addStretch(1)
        return bar

    def _spin(self, low: float, high: float) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setRange(low, high)
        s.setDecimals(1)
        s.setSingleStep(0.5)
        return s

    # -- to and from the draft --------------------------------------------------------------
    def _quiet(self, show: Callable[[], object]) -> Callable[[], None]:
        """``show`` without its widgets' signals reaching the draft."""
        def run() -> None:
            self._loading = True
            try:
                show()
            finally:
                self._loading = False
        return run

    def _edit(self, operation: Callable[..., Any], *args: Any, revert: Callable[[], object] | None = None) -> bool:
        if self._loading:
            return False
        return self._run(operation, *args, revert=self._quiet(revert or self._show))

    def _rows(self, operation: Callable[..., Any], *args: Any) -> bool:
        """A row added or removed; the tables show the draft after it."""
        if not self._edit(operation, *args):
            return False
        self.show_draft()
        self.changed.emit()
        return True

    def show_draft(self) -> None:
        self._quiet(self._show)()

    def _show(self) -> None:
        s = self.draft().state
        self.threshold.setValue(float(s.threshold))
        self.partial_weight.setValue(float(s.partial_weight))
        self.aggregation.setCurrentIndex(max(0, self.aggregation.findData(s.aggregation)))
        self.components.setRowCount(0)
        for row, c in enumerate(s.components):
            self.components.insertRow(row)
            self.components.setItem(row, 0, QTableWidgetItem(c.name))
            self.components.setItem(row, 1, QTableWidgetItem(c.weight))
            combo = QComboBox()
            combo.addItem(self.tr("专家评分"), "experts")
            combo.addItem(self.tr("外部录入（如社会评议）"), "external")
            combo.setCurrentIndex(0 if c.source == "experts" else 1)
            combo.currentIndexChanged.connect(
                lambda _i, row=row, combo=combo: self._edit(self.draft().set_component, row, source=combo.currentData()))
            self.components.setCellWidget(row, 2, combo)
        self.grades.setRowCount(0)
        for row, g in enumerate(s.grades):
            self.grades.insertRow(row)
            self.grades.setItem(row, 0, QTableWidgetItem(g.name))
            self.grades.setItem(row, 1, QTableWidgetItem(g.min))
        for key, spin in zip(TIMING_KEYS, (self.report, self.qa, self.warn)):
            spin.setValue(float(s.timing[key]))

    def show_kind(self, checklist: bool) -> None:
        for box in self.score_boxes:
            box.setVisible(not checklist)
        self.checklist_box.setVisible(checklist)

    def set_editable(self, value: bool) -> None:
        for w in (self.aggregation, self.components, self.grades, self.report, self.qa, self.warn, self.threshold,
                  self.partial_weight, *self.row_buttons):
            w.setEnabled(value)

    def _component_edited(self, item: QTableWidgetItem) -> None:
        field = {0: "name", 1: "weight"}.get(item.column())
        if field and not self._loading:
            row = item.row()
            self._edit(lambda: self.draft().set_component(row, **{field: item.text()}),
                       revert=lambda: item.setText(getattr(self.draft().state.components[row], field)))

    def _grade_edited(self, item: QTableWidgetItem) -> None:
        field = {0: "name", 1: "low"}.get(item.column())
        if field and not self._loading:
            row = item.row()
            self._edit(lambda: self.draft().set_grade(row, **{field: item.text()}),
                       revert=lambda: item.setText(getattr(self.draft().state.grades[row], "min" if field == "low" else field)))
