"""The question log of the current unit: quick entry (expert by first character, text, Enter),
the list, edit and delete with undo. Each entry is saved at once through the core services."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QCompleter, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from fazhi_desktop.changes import Change
from fazhi_desktop.errors import UserError
from fazhi_desktop.questions import add_question, delete_question, update_question
from fazhi_desktop.roster import list_experts

from .. import operations
from ..i18n import arg
from ..icons import icon
from .commands import AddedQuestion, DeletedQuestion, EditedQuestion
from .models import QuestionModel
from .question_dialog import QuestionDialog


class QuestionLog(operations.Listener, QWidget):
    message = Signal(str)  # a refusal or a note for the console's message line

    def __init__(self, db, session_id: int, undo_stack: QUndoStack, elapsed: Callable[[], float],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.session_id, self.undo_stack, self.elapsed = db, session_id, undo_stack, elapsed
        self.unit_id: int | None = None
        self.expert_box = QComboBox()
        self.expert_box.setEditable(True)
        self.expert_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.expert_box.setMinimumContentsLength(6)
        self.expert_box.lineEdit().setPlaceholderText(self.tr("专家"))
        self.expert_box.completer().setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.expert_box.completer().setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.expert_box.lineEdit().returnPressed.connect(lambda: self.question_edit.setFocus())
        self.question_edit = QLineEdit()
        self.question_edit.setPlaceholderText(self.tr("提问内容，回车保存（Ctrl+Q 到这里，再按一次选专家）"))
        self.question_edit.returnPressed.connect(self.add_question)
        self.problem_box = QCheckBox(self.tr("发现问题"))
        save = QPushButton(icon("question"), self.tr("记录"))
        save.clicked.connect(self.add_question)
        entry = QHBoxLayout()
        entry.addWidget(self.expert_box)
        entry.addWidget(self.question_edit, 1)
        entry.addWidget(self.problem_box)
        entry.addWidget(save)
        self.question_model = QuestionModel(self.db, self.session_id, self)
        self.question_view = QTableView()
        self.question_view.setModel(self.question_model)
        self.question_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.question_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.question_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.question_view.verticalHeader().hide()
        self.question_view.setWordWrap(True)
        qh = self.question_view.horizontalHeader()
        qh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        qh.setSectionResizeMode(QuestionModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.question_view.doubleClicked.connect(lambda _i: self.edit_question())
        edit = QPushButton(self.tr("修改…"))
        edit.clicked.connect(self.edit_question)
        delete = QPushButton(icon("delete"), self.tr("删除"))
        delete.clicked.connect(self.delete_question)
        undo = QPushButton(icon("undo"), self.tr("撤销"))
        undo.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        undo.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (edit, delete, undo):
            buttons.addWidget(b)
        self.edit_widgets = (self.expert_box, self.question_edit, self.problem_box, save, edit, delete, undo)
        qv = QVBoxLayout(self)
        qv.setContentsMargins(4, 4, 4, 4)
        qv.addLayout(entry)
        qv.addWidget(self.question_view, 1)
        qv.addLayout(buttons)
        self.listen(db, session_id)

    def apply(self, change: Change) -> None:
        """The questions of the shown unit changed (here, by undo, or elsewhere): the list again."""
        if change.touches("experts", "status"):
            self.refresh_experts()
        if change.touches("questions") and change.names_unit(self.unit_id):
            self.question_model.reload()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.show_pending()

    def _announce(self, change: Change) -> Callable[[], None]:
        return lambda: operations.hub(self.db).publish(change)

    def set_unit(self, unit_id: int | None) -> None:
        self.unit_id = unit_id
        self.question_model.set_unit(unit_id)

    def refresh_experts(self) -> None:
        experts = [e.name for e in list_experts(self.db, self.session_id)]
        if [self.expert_box.itemText(i) for i in range(self.expert_box.count())] != experts:
            current = self.expert_box.currentText()
            self.expert_box.clear()
            self.expert_box.addItems(experts)
            self.expert_box.setEditText(current if current in experts else "")

    def focus(self) -> None:
        """Ctrl+Q: to the question field; pressed again there, to the expert box."""
        if self.question_edit.hasFocus():
            self.expert_box.setFocus()
            self.expert_box.lineEdit().selectAll()
        else:
            self.question_edit.setFocus()

    def set_editable(self, value: bool) -> None:
        """A finished or sealed session's questions are read-only (the rule is the core's)."""
        for w in self.edit_widgets:
            w.setEnabled(value)

    def _expert_id(self, text: str) -> int | None:
        text = text.strip()
        if not text:
            return None
        experts = list_experts(self.db, self.session_id)
        exact = [e for e in experts if e.name == text]
        found = exact or [e for e in experts if e.name.startswith(text)]
        if len(found) != 1:
            raise UserError(arg(self.tr("专家“%1”不在评议组中，或有多位专家与之相符。"), text))
        return found[0].id

    def add_question(self) -> None:
        if self.unit_id is None:
            self.message.emit(self.tr("当前没有单位，不能记录提问。"))
            return
        done = operations.run(self.db, lambda: add_question(self.db, session_id=self.session_id, unit_id=self.unit_id,
                                 expert_id=self._expert_id(self.expert_box.currentText()),
                                 text=self.question_edit.text(), problem=self.problem_box.isChecked(),
                                 elapsed_s=self.elapsed()),
            say=self.message.emit, undo_stack=self.undo_stack,
            command=lambda q: AddedQuestion(self.db, self._announce(q.change), q))
        if not done.ok:
            return
        self.question_edit.clear()
        self.problem_box.setChecked(False)
        self.expert_box.setEditText("")
        self.expert_box.setFocus()
        self.message.emit("")

    def _current_question(self):
        rows = self.question_view.selectionModel().selectedRows()
        return self.question_model.question_at(rows[0].row()) if rows else None

    def edit_question(self) -> None:
        q = self._current_question()
        if q is None:
            return
        dialog = QuestionDialog(self.db, self.session_id, q, self)
        if not dialog.exec():
            return
        values = dialog.values()
        operations.run(self.db, lambda: update_question(self.db, question_id=q.id, **values), say=self.message.emit,
            undo_stack=self.undo_stack, extra=q.change,
            command=lambda before: EditedQuestion(self.db, self._announce(q.change), q.id, before,
                                                  {k: values[k] for k in before}) if before else None)

    def delete_question(self) -> None:
        q = self._current_question()
        if q is None:
            return
        done = operations.run(self.db, lambda: delete_question(self.db, question_id=q.id), say=self.message.emit,
                              undo_stack=self.undo_stack,
                              command=lambda gone: DeletedQuestion(self.db, self._announce(gone.change), gone))
        if done.ok:
            self.message.emit(self.tr("已删除一条提问（Ctrl+Z 撤销）。"))
