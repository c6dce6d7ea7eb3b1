"""The scoring template of one session (评分细则与计时): criteria tree with maxima and a live sum,
aggregation, weighted components, grade bands and timing. A checklist template (示范创建) shows its
indicators with 评估要点 and 佐证要求 instead of maxima, the threshold and the weight of 部分达标
instead of the scoring settings, and imports a full indicator table (XLSX/CSV).

The editor holds a working copy; "保存到本场" checks it with the core's parser (every problem
listed, nothing stored on a refusal) and stores it with ``sessions.set_template``, which refuses a
change of criteria once scores exist."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QFrame, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter, QTableWidget,
                               QTableWidgetItem, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from fazhi_desktop import library, sessions
from fazhi_desktop.errors import UserError
from fazhi_desktop.template import Criterion, Template, fmt_decimal, parse_template, to_decimal

from .. import dialogs
from ..icons import icon
from ..widgets import tool_button

NAME, MAX, DESCRIPTION, EVIDENCE = range(4)
BAD = QColor("#ffcdd2")


def parse_max(text: str) -> Decimal | None:
    """A positive maximum typed in the tree, or None."""
    try:
        value = to_decimal(text.strip())
    except ValueError:
        return None
    return value if value > 0 else None


class TemplateEditor(QWidget):
    saved = Signal()

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self._loading = False
        self.dirty = False
        self.row_buttons: list[QToolButton] = []

        # library row
        self.library = QComboBox()
        load = QPushButton(icon("open"), self.tr("载入所选模板"))
        load.clicked.connect(self.load_library_choice)
        self.load_button = load
        from_file = QPushButton(icon("import"), self.tr("从文件导入…"))
        self.import_button = from_file
        from_file.clicked.connect(lambda: self.import_file())
        to_file = QPushButton(icon("export"), self.tr("导出为文件…"))
        to_file.clicked.connect(lambda: self.export_file())
        save_lib = QPushButton(icon("save"), self.tr("另存到模板库…"))
        save_lib.clicked.connect(lambda: self.save_to_library())
        table = QPushButton(icon("excel"), self.tr("导入指标表…"))
        table.setToolTip(self.tr("从 Excel 或 CSV 导入完整的指标体系：一级、二级、三级、评估要点、佐证要求"))
        table.clicked.connect(lambda: self.import_indicator_table())
        self.table_button = table
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("模板库")))
        top.addWidget(self.library, 1)
        for b in (load, from_file, table, to_file, save_lib):
            top.addWidget(b)

        # criteria tree
        self.name = QLineEdit()
        self.name.textEdited.connect(self._mark_dirty)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("打分式"), "scores")
        self.kind.addItem(self.tr("清单式（示范创建）"), "checklist")
        self.kind.setToolTip(self.tr("清单式：每项指标评定达标、部分达标、未达标或不适用，按达标率与门槛判断"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("评分指标"), self.tr("满分"), self.tr("评分说明"), self.tr("佐证要求")])
        self.tree.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setSectionResizeMode(MAX, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(NAME, 260)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.tree.itemChanged.connect(self._item_changed)
        self.sum_label = QLabel()
        self.sum_label.setStyleSheet("font-weight: bold;")
        tree_bar = QHBoxLayout()
        self.structure_buttons = []  # change the criteria: off once scores exist or the session has ended
        for meaning, tip, slot in (("add", self.tr("添加一级指标"), self.add_top),
                                   ("new", self.tr("为选中指标添加下级指标"), self.add_child),
                                   ("remove", self.tr("删除选中指标"), self.remove_item),
                                   ("up", self.tr("上移"), lambda: self.move_item(-1)),
                                   ("down", self.tr("下移"), lambda: self.move_item(+1))):
            button = tool_button(meaning, tip, slot)
            self.structure_buttons.append(button)
            tree_bar.addWidget(button)
        tree_bar.addStretch(1)
        tree_bar.addWidget(self.sum_label)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("模板名称")))
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.kind)
        lv.addLayout(name_row)
        lv.addLayout(tree_bar)
        lv.addWidget(self.tree, 1)

        # settings
        self.aggregation = QComboBox()
        self.aggregation.addItem(self.tr("算术平均"), "mean")
        self.aggregation.addItem(self.tr("去掉一个最高分和一个最低分后平均（5 人及以上）"), "trimmed_mean")
        self.aggregation.currentIndexChanged.connect(self._mark_dirty)
        self.components = self._table([self.tr("组成部分"), self.tr("权重"), self.tr("来源")], 3)
        self.grades = self._table([self.tr("等次"), self.tr("最低分")], 4)
        comp_bar = self._row_buttons(self.components, self._add_component)
        grade_bar = self._row_buttons(self.grades, lambda: self._add_row(self.grades, ["", ""]))
        self.report = self._spin(1, 120)
        self.qa = self._spin(0, 120)
        self.warn = self._spin(0, 30)
        timing = QFormLayout()
        timing.addRow(self.tr("汇报时长（分钟）"), self.report)
        timing.addRow(self.tr("问答时长（分钟）"), self.qa)
        timing.addRow(self.tr("提前提醒（分钟）"), self.warn)
        right = QWidget()
        rv = QVBoxLayout(right)
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
        self.threshold.valueChanged.connect(self._mark_dirty)
        self.partial_weight = QDoubleSpinBox()
        self.partial_weight.setRange(0, 1)
        self.partial_weight.setDecimals(2)
        self.partial_weight.setSingleStep(0.5)
        self.partial_weight.valueChanged.connect(self._mark_dirty)
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

        # the settings scroll rather than push the window past a 1366×768 screen
        right_area = QScrollArea()
        right_area.setWidgetResizable(True)
        right_area.setFrameShape(QFrame.Shape.NoFrame)
        right_area.setWidget(right)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.save_button = QPushButton(icon("save"), self.tr("保存到本场评议会"))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(self.tr("放弃修改"))
        self.revert_button.clicked.connect(self.refresh)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.refresh()

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
        t.itemChanged.connect(self._mark_dirty)
        return t

    def _row_buttons(self, table: QTableWidget, add) -> QHBoxLayout:
        bar = QHBoxLayout()
        plus, minus = QToolButton(), QToolButton()
        plus.setIcon(icon("add"))
        plus.setToolTip(self.tr("添加一行"))
        minus.setIcon(icon("remove"))
        minus.setToolTip(self.tr("删除选中行"))
        plus.clicked.connect(add)
        minus.clicked.connect(lambda: (table.removeRow(table.currentRow()), self._mark_dirty())
                              if table.currentRow() >= 0 else None)
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
        s.valueChanged.connect(self._mark_dirty)
        return s

    def _add_row(self, table: QTableWidget, values: list[str]) -> int:
        row = table.rowCount()
        table.insertRow(row)
        for col, v in enumerate(values):
            table.setItem(row, col, QTableWidgetItem(v))
        self._mark_dirty()
        return row

    def _add_component(self, name: str = "", weight: str = "", source: str = "external") -> None:
        row = self._add_row(self.components, [name, weight])
        combo = QComboBox()
        combo.addItem(self.tr("专家评分"), "experts")
        combo.addItem(self.tr("外部录入（如社会评议）"), "external")
        combo.setCurrentIndex(0 if source == "experts" else 1)
        combo.currentIndexChanged.connect(self._mark_dirty)
        self.components.setCellWidget(row, 2, combo)

    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self.dirty = True
            self.message.setStyleSheet("color: #6d4c41;")
            self.message.setText(self.tr("有未保存的修改。"))

    # -- loading --------------------------------------------------------------------------
    def _fill_library(self, current: str) -> None:
        self.library.clear()
        for tpl, builtin in library.list_templates(self.db):
            self.library.addItem(tpl.name + ("" if builtin else self.tr("（自定义）")), tpl.name)
        found = self.library.findData(current)  # the session's own template, when it came from the library
        self.library.setCurrentIndex(found if found >= 0 else -1)

    def refresh(self) -> None:
        template = sessions.load_template(self.db, self.session_id)
        self._fill_library(template.name)
        self.show_template(template)
        self.dirty = False
        self.message.clear()
        self.has_scores = sessions.has_scores(self.db, self.session_id)
        session = sessions.get_session(self.db, self.session_id)
        locked = session.why_locked("template")
        self.set_read_only(locked is not None, criteria_fixed=self.has_scores)
        if locked:
            self.message.setStyleSheet("color: #6d4c41;")
            self.message.setText(locked)
        elif self.has_scores:
            self.message.setStyleSheet("color: #6d4c41;")
            self.message.setText(self.tr("本场已有指标评定：评估指标不能再改，评估要点、佐证要求、门槛和折算仍可修改。")
                                 if self.is_checklist() else
                                 self.tr("本场已有评分：评分指标和满分不能再改，等次、计时和说明仍可修改。"))

    def set_read_only(self, value: bool, *, criteria_fixed: bool = False) -> None:
        """``value``: nothing may change; ``criteria_fixed``: the tree's names and maxima may not
        (scores exist), its descriptions and the other settings may."""
        self.read_only = value
        for w in (self.save_button, self.revert_button, self.aggregation, self.components, self.grades,
                  self.report, self.qa, self.warn, self.name, self.threshold, self.partial_weight, *self.row_buttons):
            w.setEnabled(not value)
        for w in (self.load_button, self.import_button, self.table_button, self.kind, *self.structure_buttons):
            w.setEnabled(not value and not criteria_fixed)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if value else
                                  QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)

    def leave(self, parent: QWidget | None = None) -> bool:
        """Before the editor goes away (another session, the window closing): unsaved edits are
        saved, discarded or kept (the user stays). True when it may go."""
        if not self.dirty:
            return True
        choice = dialogs.save_discard_stay(parent or self, self.tr("评分细则有未保存的修改。"))
        if choice == "save":
            return self.save()
        if choice == "discard":
            self.refresh()
            return True
        return False

    def is_checklist(self) -> bool:
        return self.kind.currentData() == "checklist"

    def _show_kind(self) -> None:
        """Columns, settings and wording for the kind chosen."""
        checklist = self.is_checklist()
        self.tree.setColumnHidden(MAX, checklist)
        self.tree.setColumnHidden(EVIDENCE, not checklist)
        self.tree.setColumnWidth(NAME, 340 if checklist else 260)  # indicators are sentences, criteria words
        self.tree.headerItem().setText(NAME, self.tr("评估指标") if checklist else self.tr("评分指标"))
        self.tree.headerItem().setText(DESCRIPTION, self.tr("评估要点") if checklist else self.tr("评分说明"))
        for box in self.score_boxes:
            box.setVisible(not checklist)
        self.checklist_box.setVisible(checklist)
        self.table_button.setVisible(checklist)

    def _kind_changed(self, _index: int) -> None:
        self._show_kind()
        if not self._loading:
            self._mark_dirty()
            self.update_sums()

    def show_template(self, template: Template) -> None:
        self._loading = True
        try:
            self.name.setText(template.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(template.kind)))
            self.threshold.setValue(float(template.threshold))
            self.partial_weight.setValue(float(template.partial_weight))
            self.tree.clear()
            for node in template.criteria:
                self.tree.addTopLevelItem(self._item(node))
            self.tree.expandAll()
            self.aggregation.setCurrentIndex(max(0, self.aggregation.findData(template.aggregation)))
            self.components.setRowCount(0)
            for c in template.components:
                self._add_component(c.name, fmt_decimal(c.weight), c.source)
            self.grades.setRowCount(0)
            for g in template.grades:
                self._add_row(self.grades, [g.name, fmt_decimal(g.min)])
            self.report.setValue(float(template.timing.report_minutes))
            self.qa.setValue(float(template.timing.qa_minutes))
            self.warn.setValue(float(template.timing.warn_minutes))
        finally:
            self._loading = False
        self._show_kind()
        self.update_sums()

    def _item(self, node: Criterion) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.name, fmt_decimal(node.max) if node.is_leaf else "", node.description,
                                node.evidence_required])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        for child in node.children:
            item.addChild(self._item(child))
        return item

    # -- tree editing ---------------------------------------------------------------------
    def _new_item(self, name: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([name, "", "", ""])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_top(self) -> QTreeWidgetItem:
        item = self._new_item(self.tr("新指标"))
        self.tree.addTopLevelItem(item)
        self._after_structure_change(item)
        return item

    def add_child(self) -> QTreeWidgetItem | None:
        parent = self.tree.currentItem()
        if parent is None:
            return self.add_top()
        item = self._new_item(self.tr("新下级指标"))
        parent.addChild(item)
        parent.setExpanded(True)
        self._after_structure_change(item)
        return item

    def remove_item(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        (item.parent() or self.tree.invisibleRootItem()).removeChild(item)
        self._after_structure_change(None)

    def move_item(self, delta: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent() or self.tree.invisibleRootItem()
        row = parent.indexOfChild(item)
        target = row + delta
        if not 0 <= target < parent.childCount():
            return
        expanded = item.isExpanded()
        parent.takeChild(row)
        parent.insertChild(target, item)
        item.setExpanded(expanded)
        self._after_structure_change(item)

    def _after_structure_change(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.tree.setCurrentItem(item)
        self._mark_dirty()
        self.update_sums()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading:
            return
        self._mark_dirty()
        if column in (MAX, NAME):
            self.update_sums()

    def update_sums(self) -> Decimal:
        """Write each parent's sum, colour leaves without a positive maximum; returns the total. A
        checklist counts its indicators instead."""
        if self.is_checklist():
            return self._count_indicators()
        self._loading = True
        try:
            total = sum((self._sum(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())),
                        Decimal(0))
        finally:
            self._loading = False
        bad = self.bad_leaves()
        text = self.tr("合计 %1 分").replace("%1", fmt_decimal(total))
        if bad:
            text += self.tr("　（%1 个末级指标缺少正数满分）").replace("%1", str(len(bad)))
            self.sum_label.setStyleSheet("font-weight: bold; color: #c62828;")
        elif total != 100:
            text += self.tr("　（结果将折算为百分制）")
            self.sum_label.setStyleSheet("font-weight: bold; color: #6d4c41;")
        else:
            self.sum_label.setStyleSheet("font-weight: bold; color: #2e7d32;")
        self.sum_label.setText(text)
        self.total = total
        return total

    def _count_indicators(self) -> Decimal:
        leaves: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            item.setBackground(MAX, QBrush())
            if item.childCount() == 0:
                leaves.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))
        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        self.sum_label.setStyleSheet("font-weight: bold; color: #2e7d32;")
        self.sum_label.setText(self.tr("一级指标 %1 项，评估指标 %2 项").replace("%1", str(self.tree.topLevelItemCount()))
                               .replace("%2", str(len(leaves))))
        self.total = Decimal(0)
        return self.total

    def _sum(self, item: QTreeWidgetItem) -> Decimal:
        if item.childCount() == 0:
            value = parse_max(item.text(MAX))
            item.setBackground(MAX, QBrush(BAD) if value is None else QBrush())
            item.setToolTip(MAX, self.tr("末级指标必须有一个正数满分") if value is None else "")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            return value or Decimal(0)
        total = sum((self._sum(item.child(i)) for i in range(item.childCount())), Decimal(0))
        item.setText(MAX, fmt_decimal(total))
        item.setBackground(MAX, QBrush())
        item.setForeground(MAX, QBrush(QColor("#607d8b")))
        return total

    def bad_leaves(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            if item.childCount() == 0:
                if parse_max(item.text(MAX)) is None:
                    out.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))
        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return out

    # -- to and from JSON -----------------------------------------------------------------
    def _node_dict(self, item: QTreeWidgetItem) -> dict:
        d: dict = {"name": item.text(NAME).strip()}
        if item.text(DESCRIPTION).strip():
            d["description"] = item.text(DESCRIPTION).strip()
        checklist = self.is_checklist()
        if checklist and item.text(EVIDENCE).strip():
            d["evidence_required"] = item.text(EVIDENCE).strip()
        if item.childCount():
            d["children"] = [self._node_dict(item.child(i)) for i in range(item.childCount())]
        elif not checklist:
            d["max"] = item.text(MAX).strip() or None
        return d

    def template_dict(self) -> dict:
        if self.is_checklist():
            return {"name": self.name.text().strip(), "kind": "checklist",
                    "criteria": [self._node_dict(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())],
                    "threshold": round(self.threshold.value(), 2), "partial_weight": round(self.partial_weight.value(), 2)}
        components = []
        for r in range(self.components.rowCount()):
            name = (self.components.item(r, 0) or QTableWidgetItem("")).text()
            weight = (self.components.item(r, 1) or QTableWidgetItem("")).text()
            combo = self.components.cellWidget(r, 2)
            components.append({"name": name, "weight": weight, "source": combo.currentData() if combo else "external"})
        grades = [{"name": (self.grades.item(r, 0) or QTableWidgetItem("")).text(),
                   "min": (self.grades.item(r, 1) or QTableWidgetItem("")).text()}
                  for r in range(self.grades.rowCount())]
        return {
            "name": self.name.text().strip(),
            "criteria": [self._node_dict(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())],
            "aggregation": self.aggregation.currentData(),
            "components": components,
            "grades": grades,
            "timing": {"report_minutes": self.report.value(), "qa_minutes": self.qa.value(),
                       "warn_minutes": self.warn.value()},
        }

    def checked_template(self) -> Template:
        return parse_template(self.template_dict(), source=self.tr("评分细则"))

    # -- actions --------------------------------------------------------------------------
    def _refuse(self, exc: UserError) -> None:
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(str(exc))

    def save(self) -> bool:
        try:
            sessions.set_template(self.db, session_id=self.session_id, template=self.checked_template())
        except UserError as exc:
            self._refuse(exc)
            return False
        self.refresh()
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("评分细则已保存。"))
        self.saved.emit()
        return True

    def load_library_choice(self) -> bool:
        if not self.load_button.isEnabled():
            return False
        name = self.library.currentData()
        template = library.find_template(self.db, name) if name else None
        if template is None:
            return False
        self.show_template(template)
        self._mark_dirty()
        return True

    def import_file(self, path: str | None = None) -> bool:
        if not self.import_button.isEnabled():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入评分模板"), "", self.tr("模板 (*.json)"))
        if not path:
            return False
        from fazhi_desktop.template import load_template_file
        try:
            template = load_template_file(path)
        except UserError as exc:
            self._refuse(exc)
            return False
        self.show_template(template)
        self._mark_dirty()
        return True

    def import_indicator_table(self, path: str | None = None) -> bool:
        """A full indicator table (一级/二级/三级/评估要点/佐证要求) into the working copy; saving
        stores it (refused once indicators are rated)."""
        if not self.table_button.isEnabled():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入指标表"), "", self.tr("表格 (*.xlsx *.csv)"))
        if not path:
            return False
        from fazhi_desktop.checklist.indicators import read_indicator_table, with_indicators

        try:
            table = read_indicator_table(path)
            base = parse_template({"name": self.name.text().strip() or self.tr("示范创建评估"), "kind": "checklist",
                                   "criteria": [{"name": "x"}], "threshold": round(self.threshold.value(), 2),
                                   "partial_weight": round(self.partial_weight.value(), 2)}, source=self.tr("评分细则"))
            template = with_indicators(base, table)
        except UserError as exc:
            self._refuse(exc)
            return False
        self.show_template(template)
        self._mark_dirty()
        self.message.setText(self.tr("已读入指标表：%1 保存后生效。").replace("%1", table.summary())
                             + "".join(table.notes))
        return True

    def export_file(self, path: str | None = None) -> bool:
        try:
            template = self.checked_template()
        except UserError as exc:
            self._refuse(exc)
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出评分模板"), f"{template.name}.json",
                                                  self.tr("模板 (*.json)"))
        if not path:
            return False
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(template.to_json())
        except OSError as exc:
            self._refuse(UserError(self.tr("无法写入 %1：%2").replace("%1", path).replace("%2", exc.strerror or str(exc))))
            return False
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已导出到 %1").replace("%1", path))
        return True

    def save_to_library(self, name: str | None = None) -> bool:
        if name is None:
            name = dialogs.ask_text(self, self.tr("另存到模板库"), self.tr("模板名称："), self.name.text() + self.tr("（修订）"))
        if not name:
            return False
        data = self.template_dict()
        data["name"] = name
        try:
            library.save_template(self.db, template=parse_template(data, source=self.tr("评分细则")))
        except UserError as exc:
            self._refuse(exc)
            return False
        self._fill_library(name)
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已存入模板库：%1").replace("%1", name))
        return True

