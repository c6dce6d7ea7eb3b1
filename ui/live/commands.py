"""Undo commands for the question log: each wraps a service call, never widget state.

The console runs the service call first through ``ui.operations.run`` (so a refusal reaches the
user as a message, not inside QUndoStack.push, and the change is announced once) and pushes a
command made from what the call returned; the first redo is then a no-op. Undo and later redos
announce their own change through ``changed``.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from fazhi_desktop.questions import Question, delete_question, restore_question, update_question
from ..i18n import translate


class _Done(QUndoCommand):
    def __init__(self, text: str, db, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.changed, self._first = db, changed, True

    def redo(self) -> None:
        if self._first:  # done already by the operation that pushed this command (and announced)
            self._first = False
            return
        self.again()
        self.changed()

    def again(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class AddedQuestion(_Done):
    def __init__(self, db, changed: Callable[[], None], question: Question):
        super().__init__(translate("live", "记录提问"), db, changed)
        self.question = question

    def again(self) -> None:
        restore_question(self.db, question=self.question)

    def undo(self) -> None:
        self.question = delete_question(self.db, question_id=self.question.id)
        self.changed()


class EditedQuestion(_Done):
    def __init__(self, db, changed: Callable[[], None], question_id: int, before: dict[str, Any],
                 after: dict[str, Any]):
        super().__init__(translate("live", "修改提问"), db, changed)
        self.question_id, self.before, self.after = question_id, before, after

    def again(self) -> None:
        update_question(self.db, question_id=self.question_id, **self.after)

    def undo(self) -> None:
        update_question(self.db, question_id=self.question_id, **self.before)
        self.changed()


class DeletedQuestion(_Done):
    def __init__(self, db, changed: Callable[[], None], question: Question):
        super().__init__(translate("live", "删除提问"), db, changed)
        self.question = question

    def again(self) -> None:
        delete_question(self.db, question_id=self.question.id)

    def undo(self) -> None:
        restore_question(self.db, question=self.question)
        self.changed()
