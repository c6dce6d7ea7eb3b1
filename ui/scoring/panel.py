"""评分录入: the scoring page for one unit at a time.

Left, the units with their completeness; centre, the grid (criteria × experts) where every
accepted value is stored at once through an undoable service call; right, the external values
of the unit and the chair's prompts. ``set_unit`` lets the live console dock this page on the
unit that is presenting.

Every write goes through ``ui.operations``; the page hears every change record on the hub (its own,
the console's, the phones') and re-reads only the sheet of a unit it names; while hidden it keeps
the record and applies it when shown.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QListView, QMenu,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from fazhi_desktop import double_entry, scoring
from fazhi_desktop.changes import Change
from fazhi_desktop.errors import UserError
from fazhi_desktop.sessions import get_session

from .. import dialogs, operations
from ..icons import icon
from ..locks import why_locked
from .anomaly_panel import AnomalyPanel
from .commands import ScoreCommand
from .external_editor import ExternalModel
from .grid_model import ScoreGridModel
from .grid_view import ScoreGridView
from .unit_list import UnitCompletenessModel

OK_STYLE = "color: #2e7d32;"
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"


class ScoringPage(operations.Listener, QWidget):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.operator = get_session(db, session_id).secretary
        self.undo_stack = QUndoStack(self)
        self.unit_id: int | None = None
        self.docked = False  # in the live console: the grid alone
        self.double_on = False  # 须双人核对 (read on refresh; the switch keeps it)

        self.units = UnitCompletenessModel(db, session_id, self)
        self.unit_view = QListView(self)
        self.unit_view.setModel(self.units)
        self.unit_view.setSpacing(2)
        self.unit_view.setWordWrap(True)
        self.unit_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unit_view.selectionModel().currentChanged.connect(self._unit_picked)

        self.model = ScoreGridModel(db, session_id, self)
        self.model.committer = self._commit
        self.grid = ScoreGridView(self)
        self.grid.setModel(self.model)
        self.grid.clear_requested.connect(self._clear_cell)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("scoring_status")
        self.hint = QLabel(self.tr("输入分数后按 Enter 或 Tab 保存并下移，最后一项之后转到下一位专家；Delete 清除；"
                                   "Ctrl+Enter 提交本列；Alt+↓/↑ 换单位。"), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #607d8b;")

        self.submit_button = self._button("submit", self.tr("提交本列"), self.submit_current, self.tr("提交（锁定）当前列专家对本单位的评分"))
        self.submit_all_button = self._button("submit", self.tr("全部提交"), self.submit_all_complete, self.tr("提交所有已评完的专家"))
        self.reopen_button = self._button("unlock", self.tr("撤回…"), self.reopen_current, self.tr("撤回当前列专家的提交（需填写原因）"))
        self.undo_button = self._button("undo", self.tr("撤销"), self.undo_stack.undo)
        self.redo_button = self._button("redo", self.tr("重做"), self.undo_stack.redo)
        self.audit_button = self._button("audit", self.tr("审计日志…"), self.show_audit, self.tr("提交后的每次修改与导入替换"))
        self.import_button = QPushButton(icon("import"), self.tr("导入…"), self)
        self.import_button.setToolTip(self.tr("从 CSV 或 XLSX 导入评分或外部得分；有任何错误行则整个文件不导入"))
        menu = QMenu(self.import_button)
        menu.addAction(self.tr("导入评分（专家、单位、指标、得分）…"), lambda: self.import_file("scores"))
        menu.addAction(self.tr("导入外部得分（单位、项目、得分）…"), lambda: self.import_file("external"))
        self.import_button.setMenu(menu)
        self.double_button = self._button("ok", self.tr("双人录入核对…"), self.open_double_entry,
                                          self.tr("第二人对照纸质评分表盲录一遍，逐项比较，差异逐项核对并填写原因"))
        self.double_switch = QCheckBox(self.tr("须双人核对"), self)
        self.double_switch.setToolTip(self.tr("开启后，评分须经第二人录入核对一致才计入结果（开关记入审计日志）"))
        self.double_switch.toggled.connect(self.set_double_entry)
        self.check_label = QLabel(self)
        self.check_label.setObjectName("double_entry_pending")
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda t: self.undo_button.setToolTip(t))
        self.undo_stack.redoTextChanged.connect(lambda t: self.redo_button.setToolTip(t))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        self.external = ExternalModel(db, session_id, self)
        self.external.refused.connect(lambda m: self.show_status(m, error=True))
        self.external.changed.connect(self._external_changed)
        self.external_view = QTableView(self)
        self.external_view.setModel(self.external)
        self.external_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.external_view.verticalHeader().hide()
        self.external_view.setMaximumHeight(72)
        self.anomalies = AnomalyPanel(db, session_id, self)
        self.anomalies.list.itemActivated.connect(self._anomaly_activated)
        self._anomaly_timer = QTimer(self)
        self._anomaly_timer.setSingleShot(True)
        self._anomaly_timer.setInterval(300)
        self._anomaly_timer.timeout.connect(self.anomalies.refresh)

        self._shortcuts()
        self._layout()
        self.listen(db, session_id)
        self.refresh()
        if self.units.units:
            self.set_unit(self.units.units[0].id)

    SHORTCUTS = [("Ctrl+Return", "submit_current", "提交本列"), ("Ctrl+Shift+Return", "submit_all_complete", "全部提交"),
                 ("Alt+Down", "next_unit", "下一个单位"), ("Alt+Up", "previous_unit", "上一个单位")]

    def _shortcuts(self) -> None:
        """Keyboard-only use: Tab stays inside the grid, so the sheet's actions have keys of their own."""
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, method, _label in self.SHORTCUTS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(getattr(self, method))
            self.shortcuts[method] = shortcut
        self.submit_button.setToolTip(self.submit_button.toolTip() + "（Ctrl+Enter）")
        self.submit_all_button.setToolTip(self.submit_all_button.toolTip() + "（Ctrl+Shift+Enter）")

    def next_unit(self, step: int = 1) -> None:
        row = self.units.row_of(self.unit_id) if self.unit_id is not None else -1
        target = row + step
        if 0 <= target < len(self.units.units):
            self.grid.finish_editing()
            self.set_unit(self.units.units[target].id)
            cells = self.grid._cells()
            if cells:
                self.grid.setCurrentIndex(self.model.index(*cells[0]))
            self.grid.setFocus()

    def previous_unit(self) -> None:
        self.next_unit(-1)

    def _button(self, meaning: str, text: str, slot, tip: str = "") -> QPushButton:
        b = QPushButton(icon(meaning), text, self)
        b.setToolTip(tip or text)
        b.clicked.connect(lambda _=False: slot())
        return b

    def _layout(self) -> None:
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("参评单位（评分完成情况）"), left))
        lv.addWidget(self.unit_view)

        centre = QWidget(self)
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(self.title)
        bar = QHBoxLayout()
        for b in (self.submit_button, self.submit_all_button, self.reopen_button, self.undo_button, self.redo_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.double_switch)
        bar.addWidget(self.double_button)
        bar.addWidget(self.audit_button)
        cv.addLayout(bar)
        cv.addWidget(self.check_label)
        # the chair's prompts under the grid, full width: a sheet has a dozen rows and the prompts are
        # sentences (in a narrow side column at 1366 they wrapped every few characters)
        below = QSplitter(Qt.Orientation.Vertical, centre)
        below.addWidget(self.grid)
        below.addWidget(self.anomalies)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 1)
        below.setChildrenCollapsible(False)
        cv.addWidget(below, 1)
        cv.addWidget(self.hint)
        cv.addWidget(self.status)

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.external_label = QLabel(self.tr("外部得分（本单位）"), right)
        rv.addWidget(self.external_label)
        rv.addWidget(self.external_view)
        rv.addStretch(1)
        self.right_pane = right

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(centre)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 0)
        left.setMinimumWidth(140)
        right.setMinimumWidth(180)
        split.setChildrenCollapsible(False)
        split.setSizes([150, 2000, 210])  # the grid takes what the side panes do not need
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # --- public API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read everything (shown again, or the template, roster or status changed)."""
        self.take_pending()
        keep = self.unit_id
        self.model.reload()
        self.units.reload(self.model.template)
        self.external.reload()
        has_external = bool(self.external.components)
        self.right_pane.setVisible(has_external and not self.docked)
        if keep is not None and self.units.row_of(keep) >= 0:
            self.set_unit(keep)
        self._update_title()
        self._update_buttons()
        self.anomalies.refresh()
        locked = why_locked(get_session(self.db, self.session_id), "scores")
        self.double_on = double_entry.double_entry_enabled(self.db, self.session_id)
        self.double_switch.blockSignals(True)
        self.double_switch.setChecked(self.double_on)
        self.double_switch.blockSignals(False)
        self.double_switch.setEnabled(not locked)
        self.double_button.setEnabled(not locked)
        self._update_checks()
        if locked:
            self.show_status(locked)

    def set_unit(self, unit_id: int) -> None:
        """Show the grid of ``unit_id`` (the live console calls this on the presenting unit)."""
        row = self.units.row_of(unit_id)
        if row < 0:
            return
        self.unit_id = unit_id
        index = self.units.index(row)
        if self.unit_view.currentIndex() != index:
            self.unit_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if self.model.unit_id != unit_id:
            self.model.set_unit(unit_id)
        for r in range(self.external.rowCount()):
            self.external_view.setRowHidden(r, r != row)
        self._update_checks()
        self._update_title()
        self._update_buttons()
        cells = self.grid._cells()
        if cells and not self.grid.currentIndex().isValid():
            self.grid.setCurrentIndex(self.model.index(*cells[0]))

    def set_device_experts(self, expert_ids: set[int]) -> None:
        """Experts scoring on their own device (the console's 专家设备 tab): their columns are read-only."""
        self.model.set_on_device(expert_ids)
        self._update_buttons()

    def apply(self, change: Change) -> None:
        """Show what ``change`` names: the sheet of the shown unit (one read of its values and
        states), the rows of other named units; the template, roster or status: everything."""
        if change.touches("template", "experts", "status", "session"):
            self.refresh()
            return
        if change.touches("units"):
            self.units.reload(self.model.template)
        if change.touches("scores"):
            if change.names_unit(self.unit_id) and self.unit_id is not None:
                if not self.model.apply_write(change):  # not one score stored by record_score (a phone, an import)
                    self.model.refresh_values()
                self.units.update_unit(self.unit_id, self.model.states)
            for unit_id in change.unit_ids - {self.unit_id}:
                self.units.update_unit(unit_id, template=self.model.template)
            if not change.unit_ids:
                self.units.reload(self.model.template)
            self._update_checks()
        if change.touches("external"):
            self.external.reload()
        if change.touches("scores", "external", "units"):
            self._update_title()
            self._update_buttons()
            if not self.docked:
                self._anomaly_timer.start()  # the chair's prompts, once typing pauses

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.show_pending()

    def show_side_panels(self, visible: bool) -> None:
        """Docked in the live console (``visible=False``): the grid alone, with icon-only buttons, so
        every expert's column fits at 1366×768 (the console follows the presenting unit; the full
        page 评分录入 keeps the unit list, the external values and the chair's prompts)."""
        self.docked = not visible
        self.unit_view.parentWidget().setVisible(visible)
        self.anomalies.setVisible(visible)
        self.right_pane.setVisible(visible and bool(self.external.components))
        self.hint.setVisible(visible)
        self.double_switch.setVisible(visible)
        for b in (self.undo_button, self.redo_button, self.import_button, self.audit_button, self.reopen_button,
                  self.double_button):
            if not visible:
                b.setProperty("full_text", b.property("full_text") or b.text())
                b.setText("")
            elif b.property("full_text"):
                b.setText(b.property("full_text"))

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason typed by the user, or None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(self, title, prompt)
        return text.strip() if ok and text.strip() else None

    def choose_file(self, title: str) -> str | None:
        """A file picked by the user, or None (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(self, title, "", self.tr("表格文件 (*.csv *.xlsx)"))
        return path or None

    def import_file(self, kind: str, path: str | None = None) -> bool:
        """Import scores or external values; a refused file changes nothing and lists every bad row."""
        from fazhi_desktop import score_imports

        title = self.tr("导入评分") if kind == "scores" else self.tr("导入外部得分")
        path = path or self.choose_file(title)
        if not path:
            return False
        run = score_imports.import_scores if kind == "scores" else score_imports.import_external
        # the import's own record names the units of the file (their scores, or their external values)
        done = operations.run(self.db, lambda: run(self.db, session_id=self.session_id, path=path, operator=self.operator),
                              say=lambda m: self.show_status(m, error=True))
        if not done.ok:
            return False
        self.undo_stack.clear()  # stored values changed under the commands: their "before" is stale
        self.show_status(done.value.summary())
        return True

    # --- 双人录入核对 ------------------------------------------------------------------------------
    def set_double_entry(self, enabled: bool) -> bool:
        """The switch (audited in the core); a refusal puts the box back and says why."""
        # the switch's record names every unit's scores: which of them count changed
        done = operations.run(self.db, lambda: double_entry.set_double_entry(self.db, session_id=self.session_id,
                                                                             enabled=enabled, operator=self.operator))
        if not done.ok:
            self.double_switch.blockSignals(True)
            self.double_switch.setChecked(not enabled)
            self.double_switch.blockSignals(False)
            self.show_status(done.error, error=True)
            return False
        self.double_on = enabled
        self._update_checks()
        self.show_status(self.tr("已开启双人录入核对：评分须经第二人核对一致才计入结果。") if enabled
                         else self.tr("已关闭双人录入核对：评分录入后即计入结果。"))
        return True

    def open_double_entry(self):
        """The blind second entry of paper sheets, starting on this unit. Each sheet the dialog settles
        runs as an operation: its record (that unit's scores) reaches this page and every other once."""
        from .double_entry_dialog import DoubleEntryDialog

        self.grid.finish_editing()
        dialog = DoubleEntryDialog(self.db, self.session_id, self, unit_id=self.unit_id)
        dialogs.run_dialog(dialog)
        if dialog.done_sheets:
            self.undo_stack.clear()  # a settled difference may have changed a value under the commands
            self.show_status(self.tr("双人录入核对：已核对 {0} 张评分表。").format(len(dialog.done_sheets)))
        return dialog

    def _update_checks(self) -> None:
        """With double entry on: how many scores of this unit (and of the session) await a check."""
        counts = double_entry.unchecked_counts(self.db, self.session_id) if self.double_on else None
        self.units.set_unchecked(counts)
        if counts is None or self.unit_id is None or self.docked:  # the console keeps its rows for the grid
            self.check_label.hide()
            return
        here, total = counts.get(self.unit_id, 0), sum(counts.values())
        self.check_label.setText(self.tr("双人录入核对：本单位 {0} 项评分待核对（全场 {1} 项）；未核对的单位暂不计算综合得分和排名。")
                                 .format(here, total) if here else
                                 self.tr("双人录入核对：本单位的评分已全部核对（全场还有 {0} 项待核对）。").format(total))
        self.check_label.setStyleSheet("color: #e65100;" if here else OK_STYLE)
        self.check_label.show()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    # --- entry ---------------------------------------------------------------------------------
    def _unit_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.set_unit(current.data(UnitCompletenessModel.UnitIdRole))

    def _names(self, expert_id: int, criterion_id: int) -> tuple[str, str, Decimal]:
        expert = next(e.name for e in self.model.experts if e.id == expert_id)
        row = self.model.rows[self.model.row_of(criterion_id)]
        return expert, row.path, row.maximum

    def _commit(self, expert_id: int, criterion_id: int, text: str) -> str | None:
        """Check, then store through an undoable command. Returns the reason a value was refused."""
        if self.unit_id is None:
            return self.tr("请先选择参评单位。")
        expert, path, maximum = self._names(expert_id, criterion_id)
        try:
            new = scoring.check_score(text, maximum, where=f"{expert} / {path}") if text else None
        except UserError as exc:
            self.show_status(exc.message, error=True)
            return exc.message
        old = self.model.values.get((expert_id, criterion_id))
        if old == new:
            return None
        command = self._push(expert_id, criterion_id, old, new, "", f"{expert}/{path}")
        if command.reason_required:  # the service's rule (a submitted sheet), asked for only when it says so
            asked = self.ask_reason(self.tr("修改已提交的评分"),
                                    self.tr("{0} 对本单位的评分已提交。请填写修改“{1}”的原因：").format(expert, path))
            if not asked:  # the secretary changed their mind: the stored value stands, nothing is red
                self.show_status(self.tr("已提交的评分未修改：修改需要填写原因。"), error=True)
                return None
            command = self._push(expert_id, criterion_id, old, new, asked, f"{expert}/{path}")
        return command.error

    def _push(self, expert_id: int, criterion_id: int, old, new, reason: str, label: str) -> ScoreCommand:
        command = ScoreCommand(self.db, session_id=self.session_id, expert_id=expert_id, unit_id=self.unit_id,
                               criterion_id=criterion_id, before=old, after=new, reason=reason,
                               operator=self.operator, label=label, on_done=self._command_done)
        self.undo_stack.push(command)
        return command

    def _clear_cell(self, index: QModelIndex) -> None:
        self.model.setData(index, "", Qt.ItemDataRole.EditRole)

    def _command_done(self, command: ScoreCommand, error: str | None) -> None:
        """After a command stored (or was refused): the page has applied the change record already
        (the hub); the message is made from what the grid now holds."""
        if command.unit_id != self.unit_id:
            self.set_unit(command.unit_id)  # an undo of another unit's edit: show that unit
        if error:
            self.show_status(error, error=True)
            return
        expert, path, _m = self._names(command.expert_id, command.criterion_id)
        value = self.model.values.get((command.expert_id, command.criterion_id))
        message = self.tr("已保存：{0} / {1} = {2}").format(expert, path, "空" if value is None else value)
        if self.model.states.get(command.expert_id) == "complete":
            message += self.tr("。{0} 已评完全部指标，可按“提交本列”锁定。").format(expert)
        self.show_status(message)

    def _external_changed(self, unit_id: int) -> None:
        self.show_status(self.tr("外部得分已保存。"))

    # --- submit / reopen -------------------------------------------------------------------------
    def current_expert_id(self) -> int | None:
        expert = self.model.expert_at(self.grid.currentIndex().column())
        return expert.id if expert else None

    def submit_current(self) -> bool:
        self.grid.finish_editing()
        expert_id = self.current_expert_id()
        return expert_id is not None and self._submit([expert_id])

    def submit_all_complete(self) -> bool:
        self.grid.finish_editing()
        # an expert scoring on their own device submits there (提交 on the phone), not from this grid
        ready = [e for e, s in self.model.states.items() if s == "complete" and e not in self.model.on_device]
        if not ready:
            self.show_status(self.tr("没有已评完待提交的专家。"), error=True)
            return False
        return self._submit(ready)

    def _submit(self, expert_ids: list[int]) -> bool:
        for expert_id in expert_ids:
            done = operations.run(self.db, lambda e=expert_id: scoring.submit(
                self.db, session_id=self.session_id, expert_id=e, unit_id=self.unit_id, operator=self.operator))
            if not done.ok:
                self.show_status(done.error, error=True)
                return False
        self.show_status(self.tr("已提交（锁定）{0} 位专家的评分。").format(len(expert_ids)))
        return True

    def reopen_current(self) -> bool:
        expert_id = self.current_expert_id()
        if expert_id is None or self.model.states.get(expert_id) != "submitted":
            self.show_status(self.tr("请先选中一位已提交的专家。"), error=True)
            return False
        reason = self.ask_reason(self.tr("撤回提交"), self.tr("请填写撤回提交的原因："))
        if not reason:
            return False
        done = operations.run(self.db, lambda: scoring.reopen(self.db, session_id=self.session_id, expert_id=expert_id,
                                                     unit_id=self.unit_id, reason=reason, operator=self.operator))
        if not done.ok:
            self.show_status(done.error, error=True)
            return False
        self.show_status(self.tr("已撤回提交。"))
        return True

    # --- chrome ------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        unit = next((u for u in self.units.units if u.id == self.unit_id), None)
        self.title.setText(f"{unit.name}　{self.units.summary(unit.id)}" if unit else self.tr("（本场还没有参评单位）"))

    def _update_buttons(self) -> None:
        editable = not self.model.read_only and self.unit_id is not None
        state = self.model.states.get(self.current_expert_id() or -1)
        mine = {e: s for e, s in self.model.states.items() if e not in self.model.on_device}
        self.submit_button.setEnabled(editable and state == "complete" and self.current_expert_id() in mine)
        self.submit_all_button.setEnabled(editable and "complete" in mine.values())
        self.reopen_button.setEnabled(editable and state == "submitted")

    def show_audit(self):
        from .audit_dialog import AuditDialog

        unit = next((u.name for u in self.units.units if u.id == self.unit_id), None)
        dialog = AuditDialog(self.db, self.session_id, self, unit=unit)
        dialog.open()
        return dialog

    def _anomaly_activated(self, item) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        unit = next((u for u in self.units.units if u.name == name), None)
        if unit:
            self.set_unit(unit.id)
