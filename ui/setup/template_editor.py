"""The scoring template of one session (评分细则与计时): criteria tree with maxima and a live sum,
aggregation, weighted components, grade bands and timing. A checklist template (示范创建) shows its
indicators with 评估要点 and 佐证要求 instead of maxima, the threshold and the weight of 部分达标
instead of the scoring settings, and imports a full indicator table (XLSX/CSV).

The editor shows a :class:`~fazhi_desktop.template_draft.TemplateDraft`: every change is one of the
draft's operations, which checks it (a refused one is named in the message line and changes
nothing), keeps the sums and the leaves without a maximum, and records the step for 撤销/重做
(Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y). The tree is :class:`TemplateTreeModel` over the draft, the
settings pane :class:`TemplateSettings`; the library bar (:class:`TemplateLibraryBar`) loads,
imports, exports and files templates.
"保存到本场" turns the draft into a checked template (every problem listed, nothing stored on a
refusal) and stores it with ``sessions.set_template``, which refuses a change of criteria once
scores exist; until then the draft already refuses one."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSplitter, QTreeView, QVBoxLayout, QWidget)

from fazhi_desktop import sessions
from fazhi_desktop.errors import UserError
from fazhi_desktop.template import Template, fmt_decimal
from fazhi_desktop.template_draft import TemplateDraft

from .. import dialogs, operations
from ..i18n import arg, label
from ..icons import icon
from ..locks import why_locked
from ..widgets import tool_button
from .template_library import ERROR, NOTE, OK, TemplateLibraryBar
from .template_model import BAD, DESCRIPTION, EVIDENCE, MAX, NAME, TemplateTreeModel
from .template_settings import TemplateSettings

__all__ = ["BAD", "DESCRIPTION", "EVIDENCE", "MAX", "NAME", "TemplateEditor"]

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)
TONES = {OK: "color: #2e7d32;", NOTE: "color: #6d4c41;", ERROR: "color: #c62828;"}


class TemplateEditor(QWidget):
    saved = Signal()

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self._loading = False
        self.read_only = False
        self.has_scores = False
        self.draft = TemplateDraft(sessions.load_template(db, session_id))
        self.model = TemplateTreeModel(self.draft, self)
        self.model.refused.connect(lambda text: self._say(text, ERROR))
        self.model.edited.connect(self._after_change)

        # library row
        self.bar = TemplateLibraryBar(db, lambda: self.draft, self._load, self)
        self.bar.message.connect(self._say)
        self.library = self.bar.library
        self.load_button, self.import_button = self.bar.load_button, self.bar.import_button
        self.table_button = self.bar.table_button

        # criteria tree
        self.name = QLineEdit()
        self.name.textChanged.connect(lambda text: self._edit(self.draft.set_name, text))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("打分式"), "scores")
        self.kind.addItem(self.tr("清单式（示范创建）"), "checklist")
        self.kind.setToolTip(self.tr("清单式：每项指标评定达标、部分达标、未达标或不适用，按达标率与门槛判断"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setSectionResizeMode(MAX, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(NAME, 260)
        self.tree.setEditTriggers(EDIT_TRIGGERS)
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
        self.undo_button = tool_button("undo", self.tr("撤销"), self.undo)
        self.redo_button = tool_button("redo", self.tr("重做"), self.redo)
        tree_bar.addSpacing(12)
        tree_bar.addWidget(self.undo_button)
        tree_bar.addWidget(self.redo_button)
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

        # 撤销/重做 while the focus is anywhere in the editor (a text field keeps its own Ctrl+Z)
        self.undo_action = QAction(icon("undo"), self.tr("撤销"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(icon("redo"), self.tr("重做"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        # settings: scoring (aggregation, components, grades, timing) or checklist (threshold, 部分达标)
        self.settings = TemplateSettings(lambda: self.draft, self._edit, self)
        self.settings.changed.connect(self._after_change)
        for attribute in ("aggregation", "components", "grades", "report", "qa", "warn", "threshold", "partial_weight",
                          "checklist_box", "score_boxes", "row_buttons"):
            setattr(self, attribute, getattr(self.settings, attribute))

        # the settings scroll rather than push the window past a 1366×768 screen
        right_area = QScrollArea()
        right_area.setWidgetResizable(True)
        right_area.setFrameShape(QFrame.Shape.NoFrame)
        right_area.setWidget(self.settings)
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
        layout.addWidget(self.bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.refresh()

    # -- the draft: every change goes through one of its operations -------------------------
    def _say(self, text: str, tone: str = NOTE) -> None:
        self.message.setStyleSheet(TONES[tone])
        self.message.setText(text)

    def _refuse(self, exc: UserError) -> None:
        self._say(str(exc), ERROR)

    @property
    def dirty(self) -> bool:
        """The draft differs from what the session has stored."""
        return self.draft.modified

    def _edit(self, operation: Callable[..., Any], *args: Any, revert: Callable[[], object] | None = None) -> bool:
        """A field changed (the name, the kind, a setting): the draft's operation; a refusal is
        named and puts the widgets back as the draft has them (``revert``: just the one that was
        edited)."""
        if self._loading:
            return False
        try:
            operation(*args)
        except UserError as exc:
            self._loading = True
            try:
                (revert or self._show_fields)()
            finally:
                self._loading = False
            self._refuse(exc)
            return False
        self._after_change()
        return True

    def _after_change(self) -> None:
        if self.dirty:
            self._say(self.tr("有未保存的修改。"), NOTE)
        else:
            self.message.clear()
        self.update_sums()
        self._update_undo()

    def _update_undo(self) -> None:
        for action, button, can, text, word in (
                (self.undo_action, self.undo_button, self.draft.can_undo, self.draft.undo_text, self.tr("撤销")),
                (self.redo_action, self.redo_button, self.draft.can_redo, self.draft.redo_text, self.tr("重做"))):
            enabled = can and not self.read_only
            action.setEnabled(enabled)
            button.setEnabled(enabled)
            tip = f"{word} {label('TemplateDraft', text)}".strip() if can else word
            action.setText(tip)
            button.setToolTip(tip)

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """The session's stored template, as a fresh draft (no unsaved changes, no undo steps)."""
        template = sessions.load_template(self.db, self.session_id)
        self.has_scores = sessions.has_scores(self.db, self.session_id)
        self.bar.fill(template.name)
        self.draft = TemplateDraft(template, criteria_fixed=self.has_scores)
        self.model.set_draft(self.draft)
        self._show_draft()
        self.message.clear()
        session = sessions.get_session(self.db, self.session_id)
        locked = why_locked(session, "template")
        self.set_read_only(locked is not None, criteria_fixed=self.has_scores)
        if locked:
            self._say(locked, NOTE)
        elif self.has_scores:
            self._say(self.tr("本场已有指标评定：评估指标不能再改，评估要点、佐证要求、门槛和折算仍可修改。")
                      if self.is_checklist() else
                      self.tr("本场已有评分：评分指标和满分不能再改，等次、计时和说明仍可修改。"), NOTE)

    def set_read_only(self, value: bool, *, criteria_fixed: bool = False) -> None:
        """``value``: nothing may change; ``criteria_fixed``: the tree's names and maxima may not
        (scores exist: the draft refuses them too), its descriptions and the other settings may."""
        self.read_only = value
        self.model.read_only = value
        for w in (self.save_button, self.revert_button, self.name):
            w.setEnabled(not value)
        self.settings.set_editable(not value)
        for w in (self.load_button, self.import_button, self.table_button, self.kind, *self.structure_buttons):
            w.setEnabled(not value and not criteria_fixed)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if value else EDIT_TRIGGERS)
        self._update_undo()

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
        return self.draft.is_checklist

    def _show_kind(self) -> None:
        """Columns, settings and wording for the kind chosen."""
        checklist = self.is_checklist()
        self.tree.setColumnHidden(MAX, checklist)
        self.tree.setColumnHidden(EVIDENCE, not checklist)
        self.tree.setColumnWidth(NAME, 340 if checklist else 260)  # indicators are sentences, criteria words
        self.settings.show_kind(checklist)
        self.table_button.setVisible(checklist)

    def _kind_changed(self, _index: int) -> None:
        if self._loading:
            return
        open_rows, current = self._expanded(), self._current_path()
        self.model.beginResetModel()  # the headers, the maxima and the red leaves follow the kind
        try:
            changed = self._edit(self.draft.set_kind, self.kind.currentData())
        finally:
            self.model.endResetModel()
        self._expand(open_rows)
        if current:
            self.tree.setCurrentIndex(self.model.index_of(current))
        if changed:
            self._show_kind()

    def _show_draft(self) -> None:
        """Everything from the draft: the tree (all expanded) and the settings."""
        self.tree.expandAll()
        self._show_fields()
        self._show_kind()
        self.update_sums()
        self._update_undo()

    def _show_fields(self) -> None:
        """The name, the kind and the settings as the draft has them."""
        self._loading = True
        try:
            if self.name.text() != self.draft.state.name:
                self.name.setText(self.draft.state.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(self.draft.state.kind)))
        finally:
            self._loading = False
        self.settings.show_draft()

    def _load(self, template: Template) -> bool:
        """A template from the library bar into the draft (one undo step)."""
        try:
            self.model.run(lambda: self.draft.load(template))
        except UserError as exc:
            self._refuse(exc)
            return False
        self._show_draft()
        self._after_change()
        return True

    # -- tree editing ---------------------------------------------------------------------
    def _expanded(self) -> set[int]:
        """The draft's nodes whose rows are open (by identity: an operation keeps its nodes)."""
        out: set[int] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, NAME, parent)
                if self.tree.isExpanded(index):
                    out.add(id(self.model.node(index)))
                    walk(index)
        walk(QModelIndex())
        return out

    def _expand(self, nodes: set[int]) -> None:
        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, NAME, parent)
                if id(self.model.node(index)) in nodes:
                    self.tree.expand(index)
                walk(index)
        walk(QModelIndex())

    def _structure(self, operation: Callable[[], Any], select: Callable[[Any], Any] = lambda path: path):
        """A change of the tree's shape: the draft's operation, the rows kept open, the new place chosen."""
        open_rows = self._expanded()
        try:
            result = self.model.run(operation)
        except UserError as exc:
            self._expand(open_rows)
            self._refuse(exc)
            return None
        self._expand(open_rows)
        path = select(result)
        if path:
            index = self.model.index_of(path)
            if index.parent().isValid():
                self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)
        self._after_change()
        return self.model.index_of(path) if path else None

    def _current_path(self):
        return self.model.path(self.tree.currentIndex())

    def add_top(self) -> QModelIndex | None:
        return self._structure(lambda: self.draft.add(None, self.tr("新指标")))

    def add_child(self) -> QModelIndex | None:
        parent = self._current_path()
        if parent is None:
            return self.add_top()
        return self._structure(lambda: self.draft.add(parent, self.tr("新下级指标")))

    def remove_item(self) -> None:
        path = self._current_path()
        if path is not None:
            self._structure(lambda: self.draft.remove(path), select=lambda _none: None)

    def move_item(self, delta: int) -> None:
        path = self._current_path()
        if path is not None:
            self._structure(lambda: self.draft.move(path, delta), select=lambda moved: moved or path)

    def undo(self) -> None:
        self._step(self.draft.undo)

    def redo(self) -> None:
        self._step(self.draft.redo)

    def _step(self, which: Callable[[], str | None]) -> None:
        if self.read_only:
            return
        path = self._current_path()
        self.model.run(which)
        self._show_draft()
        index = QModelIndex()
        for row in path or ():  # the row that was current, or the nearest one above it that is left
            child = self.model.index(row, NAME, index)
            if not child.isValid():
                break
            index = child
        self.tree.setCurrentIndex(index)
        self._after_change()

    def update_sums(self) -> Decimal:
        """The sum label from the draft (a checklist counts its indicators); returns the total."""
        if self.is_checklist():
            self.sum_label.setStyleSheet("font-weight: bold; color: #2e7d32;")
            self.sum_label.setText(arg(self.tr("一级指标 %1 项，评估指标 %2 项"), len(self.draft.criteria),
                                       len(self.draft.leaves())))
            self.total = Decimal(0)
            return self.total
        total = self.draft.total()
        bad = self.draft.bad_leaves()
        text = arg(self.tr("合计 %1 分"), fmt_decimal(total))
        if bad:
            text += arg(self.tr("　（%1 个末级指标缺少正数满分）"), len(bad))
            self.sum_label.setStyleSheet("font-weight: bold; color: #c62828;")
        elif total != 100:
            text += self.tr("　（结果将折算为百分制）")
            self.sum_label.setStyleSheet("font-weight: bold; color: #6d4c41;")
        else:
            self.sum_label.setStyleSheet("font-weight: bold; color: #2e7d32;")
        self.sum_label.setText(text)
        self.total = total
        return total

    def bad_leaves(self) -> list[str]:
        """The leaves without a positive maximum, named “一级/二级” (the draft's list)."""
        return self.draft.bad_leaves()

    # -- to a template --------------------------------------------------------------------
    def checked_template(self) -> Template:
        return self.draft.to_template(source=self.tr("评分细则"))

    def save(self) -> bool:
        done = operations.run(self.db, lambda: sessions.set_template(self.db, session_id=self.session_id,
                                                                     template=self.checked_template()),
                              say=lambda text: self._say(text, ERROR))  # the hub tells every page
        if not done.ok:
            return False
        self.refresh()
        self._say(self.tr("评分细则已保存。"), OK)
        self.saved.emit()
        return True

    # -- the library bar's actions, here as before ------------------------------------------
    def load_library_choice(self) -> bool:
        return self.bar.load_library_choice()

    def import_file(self, path: str | None = None) -> bool:
        return self.bar.import_file(path)

    def import_indicator_table(self, path: str | None = None) -> bool:
        return self.bar.import_indicator_table(path)

    def export_file(self, path: str | None = None) -> bool:
        return self.bar.export_file(path)

    def save_to_library(self, name: str | None = None) -> bool:
        return self.bar.save_to_library(name)
