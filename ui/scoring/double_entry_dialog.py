"""双人录入核对: a second person enters a paper score sheet blind, then settles each difference.

Step 1 picks the sheet (unit, expert) and who checks; step 2 is a blind column of the sheet's
criteria (the first entry's values appear nowhere in this dialog until the comparison); step 3
lists the differences side by side, each settled with the value on the paper and a reason. Nothing
is stored before 完成 on step 3, and then in one transaction (``double_entry.settle_second_entry``),
so closing the dialog halfway leaves the sheet exactly as it was. That step runs as an operation
(``ui.operations.run``): its record, that unit's scores, reaches every page once.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from fazhi_desktop import double_entry, roster, scoring
from fazhi_desktop.errors import UserError
from fazhi_desktop.sessions import load_template
from fazhi_desktop.template import fmt_decimal
from .. import operations
from ..i18n import arg, translate

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
OK_STYLE = "color: #2e7d32;"
FIRST, SECOND, PAPER = 0, 1, 2


class _EnterMovesDown(QObject):
    """Enter in a field of the blind column goes to the next field (the last one: to 比较)."""

    def __init__(self, fields: list[QLineEdit], after: QPushButton):
        super().__init__(after)
        self.fields = fields
        self.after = after

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and obj in self.fields:
            i = self.fields.index(obj)
            target = self.fields[i + 1] if i + 1 < len(self.fields) else self.after
            target.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(target, QLineEdit):
                target.selectAll()
            return True  # not the dialog's default button
        return False


class _DifferenceRow:
    """One difference on step 3: 第一次 / 第二次 / 照纸质表 [value], and the reason."""

    def __init__(self, grid: QGridLayout, row: int, diff: double_entry.Difference, parent: QWidget):
        self.diff = diff
        first = translate("DoubleEntryDialog", "未录入") if diff.stored is None else fmt_decimal(diff.stored)
        self.labels = [QLabel(diff.criterion, parent), QLabel(first, parent), QLabel(fmt_decimal(diff.second), parent)]
        self.labels[0].setWordWrap(True)
        for col, label in enumerate(self.labels):
            grid.addWidget(label, row, col)
        choice = QWidget(parent)
        box = QHBoxLayout(choice)
        box.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(choice)
        self.radios = [QRadioButton(translate("DoubleEntryDialog", "第一次"), choice), QRadioButton(translate("DoubleEntryDialog", "第二次"), choice),
                       QRadioButton(translate("DoubleEntryDialog", "纸质表为"), choice)]
        for key, radio in enumerate(self.radios):
            self.group.addButton(radio, key)
            box.addWidget(radio)
        self.radios[FIRST].setEnabled(diff.stored is not None)
        self.paper = QLineEdit(choice)
        self.paper.setPlaceholderText(translate("DoubleEntryDialog", "分数"))
        self.paper.setMaximumWidth(70)
        self.paper.textEdited.connect(lambda _t: self.radios[PAPER].setChecked(True))
        box.addWidget(self.paper)
        grid.addWidget(choice, row, 3)
        self.reason = QLineEdit(parent)
        self.reason.setPlaceholderText(translate("DoubleEntryDialog", "原因（必填），如：以纸质表为准"))
        grid.addWidget(self.reason, row, 4)

    def choose(self, key: int, value: str = "") -> None:
        self.radios[key].setChecked(True)
        if key == PAPER:
            self.paper.setText(value)

    def resolution(self) -> tuple[object, str] | None:
        """(value, reason), or None while nothing is chosen."""
        key = self.group.checkedId()
        if key < 0:
            return None
        value = {FIRST: self.diff.stored, SECOND: self.diff.second}.get(key, self.paper.text().strip())
        return value, self.reason.text()


class DoubleEntryDialog(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None = None, *, unit_id: int | None = None,
                 operator: str = ""):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.setWindowTitle(translate("DoubleEntryDialog", "双人录入核对"))
        self.leaves = load_template(db, session_id).leaves()
        self.done_sheets: list[str] = []
        self.fields: list[QLineEdit] = []
        self.rows: list[_DifferenceRow] = []
        self.differences: list[double_entry.Difference] = []

        self.steps = QLabel(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._pick_page(operator))
        self.entry_page = QWidget(self)
        self.stack.addWidget(self.entry_page)
        self.diff_page = QWidget(self)
        self.stack.addWidget(self.diff_page)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.back_button = QPushButton(translate("DoubleEntryDialog", "上一步"), self)
        self.next_button = QPushButton(self)
        self.close_button = QPushButton(translate("DoubleEntryDialog", "关闭"), self)
        for b in (self.back_button, self.close_button):
            b.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.forward)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(920, 560)
        if unit_id is not None:
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))
        self._fill_experts()
        self._show_step(0)

    # --- step 1: which sheet --------------------------------------------------------------------
    def _pick_page(self, operator: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        intro = QLabel(translate("DoubleEntryDialog", "由第二人对照纸质评分表，把这张表再录入一遍。第一次录入的分数不会显示；录完后逐项比较，"
                           "不一致的逐项核对纸质表、选定采用的分数并填写原因。一致的分数标记为已核对。"), page)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.unit_combo = QComboBox(page)
        for unit in roster.list_units(self.db, self.session_id):
            if unit.status != "absent":
                self.unit_combo.addItem(f"{unit.position}. {unit.name}", unit.id)
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._fill_experts())
        self.expert_combo = QComboBox(page)
        self.checker = QLineEdit(operator, page)
        self.checker.setPlaceholderText(translate("DoubleEntryDialog", "第二位录入人的姓名（记入审计日志）"))
        form.addRow(translate("DoubleEntryDialog", "参评单位"), self.unit_combo)
        form.addRow(translate("DoubleEntryDialog", "评议专家"), self.expert_combo)
        form.addRow(translate("DoubleEntryDialog", "核对人"), self.checker)
        return page

    def _fill_experts(self, prefer_after: int | None = None) -> None:
        """The unit's non-recused experts, each with how many of their scores await a check."""
        unit_id = self.unit_combo.currentData()
        self.expert_combo.clear()
        if unit_id is None:
            return
        waiting: dict[int, int] = {}
        for item in double_entry.unchecked(self.db, self.session_id, unit_id):
            waiting[item.expert_id] = waiting.get(item.expert_id, 0) + 1
        after, first = -1, -1  # the next expert with scores awaiting a check, else the first such
        for expert in roster.list_experts(self.db, self.session_id):
            if scoring.is_recused(self.db, expert.id, unit_id):
                continue
            n = waiting.get(expert.id, 0)
            waits = arg(translate("DoubleEntryDialog", "待核对 %1 项"), n) if n else translate("DoubleEntryDialog", "无待核对")
            self.expert_combo.addItem(f"{expert.name}（{waits}）",
                                      expert.id)
            row = self.expert_combo.count() - 1
            if n and first < 0:
                first = row
            if n and after < 0 and prefer_after is not None and expert.position > prefer_after:
                after = row
        self.expert_combo.setCurrentIndex(max(after if after >= 0 else first, 0))

    def sheet(self) -> tuple[int, int] | None:
        unit_id, expert_id = self.unit_combo.currentData(), self.expert_combo.currentData()
        return None if unit_id is None or expert_id is None else (unit_id, expert_id)

    def _sheet_title(self) -> str:
        return f"{self.expert_combo.currentText().split('（')[0]} · {self.unit_combo.currentText()}"

    # --- step 2: the blind column ---------------------------------------------------------------
    def _build_entry(self) -> None:
        self.entry_page = self._replace_page(1)
        outer = QVBoxLayout(self.entry_page)
        outer.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("DoubleEntryDialog", "第二次录入：{0}（按纸质评分表填写，Enter 下移）").format(self._sheet_title()), self.entry_page)
        title.setStyleSheet("font-weight: bold;")
        outer.addWidget(title)
        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(QLabel(translate("DoubleEntryDialog", "指标")), 0, 0)
        grid.addWidget(QLabel(translate("DoubleEntryDialog", "满分")), 0, 1)
        grid.addWidget(QLabel(translate("DoubleEntryDialog", "得分（第二次）")), 0, 2)
        self.fields = []
        for row, (path, leaf) in enumerate(self.leaves, start=1):
            label = QLabel(path)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(QLabel(fmt_decimal(leaf.maximum)), row, 1)
            field = QLineEdit()
            field.setObjectName(f"second_{leaf.id}")
            field.setMaximumWidth(120)
            grid.addWidget(field, row, 2)
            self.fields.append(field)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(self.leaves) + 1, 1)
        scroll = QScrollArea(self.entry_page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._enter_filter = _EnterMovesDown(self.fields, self.next_button)
        for field in self.fields:
            field.installEventFilter(self._enter_filter)

    def typed(self) -> dict[int, str]:
        return {leaf.id: f.text().strip() for (_p, leaf), f in zip(self.leaves, self.fields)}

    # --- step 3: the differences ----------------------------------------------------------------
    def _build_differences(self, agreed: int) -> None:
        self.diff_page = self._replace_page(2)
        outer = QVBoxLayout(self.diff_page)
        outer.setContentsMargins(0, 0, 0, 0)
        n = len(self.differences)
        text = (translate("DoubleEntryDialog", "{0}：{1} 项一致，{2} 项不同。请对照纸质评分表逐项选定采用的分数，并填写原因。").format(self._sheet_title(), agreed, n)
                if n else translate("DoubleEntryDialog", "{0}：全部 {1} 项与第一次录入一致。按“完成”标记为已核对。").format(self._sheet_title(), agreed))
        summary = QLabel(text, self.diff_page)
        summary.setWordWrap(True)
        summary.setStyleSheet("font-weight: bold;")
        outer.addWidget(summary)
        self.rows = []
        if n:
            body = QWidget()
            grid = QGridLayout(body)
            for col, head in enumerate((translate("DoubleEntryDialog", "指标"), translate("DoubleEntryDialog", "第一次"), translate("DoubleEntryDialog", "第二次"), translate("DoubleEntryDialog", "采用"), translate("DoubleEntryDialog", "原因"))):
                label = QLabel(head)
                label.setStyleSheet("font-weight: bold;")
                grid.addWidget(label, 0, col)
            for row, diff in enumerate(self.differences, start=1):
                self.rows.append(_DifferenceRow(grid, row, diff, body))
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(4, 2)
            grid.setRowStretch(n + 1, 1)
            scroll = QScrollArea(self.diff_page)
            scroll.setWidgetResizable(True)
            scroll.setWidget(body)
            outer.addWidget(scroll, 1)
        else:
            outer.addStretch(1)

    def _replace_page(self, index: int) -> QWidget:
        """A new empty page in place of the previous sheet's (its widgets go with it)."""
        old = self.stack.widget(index)
        page = QWidget(self)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        return page

    # --- navigation -----------------------------------------------------------------------------
    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [translate("DoubleEntryDialog", "① 选择评分表"), translate("DoubleEntryDialog", "② 第二次录入"), translate("DoubleEntryDialog", "③ 核对差异")]
        self.steps.setText("　→　".join(f"<b>{n}</b>" if i == step else n for i, n in enumerate(names)))
        self.back_button.setEnabled(step > 0)
        self.next_button.setText([translate("DoubleEntryDialog", "开始录入"), translate("DoubleEntryDialog", "比较"), translate("DoubleEntryDialog", "完成")][step])
        self.next_button.setDefault(step != 1)  # on step 2 Enter moves down the column instead
        self.next_button.setAutoDefault(step == 1)  # ... and presses 比较 once it has the focus
        if step == 1 and self.fields:
            self.fields[0].setFocus()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    def back(self) -> None:
        self.show_status("")
        self._show_step(self.stack.currentIndex() - 1)

    def forward(self) -> bool:
        step = self.stack.currentIndex()
        try:
            if step == 0:
                return self._start()
            if step == 1:
                return self.compare()
            return self.finish()
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return False

    def _start(self) -> bool:
        if self.sheet() is None:
            self.show_status(translate("DoubleEntryDialog", "请先选择参评单位和评议专家。"), error=True)
            return False
        self.show_status("")
        self._build_entry()
        self._show_step(1)
        return True

    def compare(self) -> bool:
        """Step 2 → 3: every field filled and valid, then the comparison (nothing stored yet)."""
        values = self.typed()
        empty = [path for (path, leaf) in self.leaves if not values[leaf.id]]
        if empty:
            self.show_status(translate("DoubleEntryDialog", "还有 {0} 项没有填写：{1}").format(len(empty), "、".join(empty)), error=True)
            return False
        unit_id, expert_id = self.sheet()
        self.differences = double_entry.compare(self.db, self.session_id,
                                                [(expert_id, unit_id, cid, raw) for cid, raw in values.items()])
        self.show_status("")
        self._build_differences(len(values) - len(self.differences))
        self._show_step(2)
        return True

    def finish(self) -> bool:
        """Store the agreeing checks and the settled differences in one go, then the next sheet."""
        resolutions = {}
        for row in self.rows:
            chosen = row.resolution()
            if chosen is not None:
                resolutions[row.diff.criterion_id] = chosen
        unit_id, expert_id = self.sheet()
        done = operations.run(self.db, lambda: double_entry.settle_second_entry(
            self.db, session_id=self.session_id, expert_id=expert_id, unit_id=unit_id, values=self.typed(),
            resolutions=resolutions, operator=self.checker.text().strip()),
            say=lambda m: self.show_status(m, error=True))
        if not done.ok:
            return False
        differences = done.value
        title = self._sheet_title()
        self.done_sheets.append(title)
        expert_position = next((e.position for e in roster.list_experts(self.db, self.session_id) if e.id == expert_id), None)
        self._fill_experts(prefer_after=expert_position)
        self._show_step(0)
        self.show_status(translate("DoubleEntryDialog", "已核对：{0}（{1} 项一致，{2} 项差异已处理）。可接着核对下一张评分表。").format(
            title, len(self.typed()) - len(differences), len(differences)))
        return True
