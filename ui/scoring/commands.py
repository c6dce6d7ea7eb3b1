"""Undo commands over the scoring services (never over widget state).

A command holds the value before and after; redo and undo both go through
``scoring.record_score`` (by ``ui.operations.run``, which announces the change record to every
page), so an undone edit is stored (and, on a submitted sheet, audited) exactly like a typed one.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from PySide6.QtGui import QUndoCommand

from fazhi_desktop import scoring
from fazhi_desktop.template import fmt_decimal

from .. import operations
from ..i18n import translate


class ScoreCommand(QUndoCommand):
    """Set one leaf score of one expert for one unit."""

    def __init__(self, db, *, session_id: int, expert_id: int, unit_id: int, criterion_id: int,
                 before: Decimal | None, after: Decimal | None, reason: str = "", operator: str = "",
                 label: str = "", on_done: Callable[["ScoreCommand", str | None], None] | None = None):
        super().__init__(translate("ScoreCommand", "评分 {0}：{1} → {2}").format(label, fmt_decimal(before) or "空", fmt_decimal(after) or "空"))
        self.db = db
        self.session_id = session_id
        self.expert_id = expert_id
        self.unit_id = unit_id
        self.criterion_id = criterion_id
        self.before = before
        self.after = after
        self.reason = reason
        self.operator = operator
        self.on_done = on_done
        self.error: str | None = None
        self.reason_required = False  # refused for want of a reason (a submitted sheet): the page asks
        self._done_once = False  # undo and redo of a stored edit on a submitted sheet say so as their reason

    def _store(self, value: Decimal | None, reason: str) -> None:
        """Through the operation layer: a refusal is kept (``error``), the change is announced once."""
        done = operations.run(self.db, lambda: scoring.record_score(
            self.db, session_id=self.session_id, expert_id=self.expert_id, unit_id=self.unit_id,
            criterion_id=self.criterion_id, value=value, reason=reason, operator=self.operator))
        self.error = None if done.ok else done.error
        self.reason_required = done.reason_required
        if self.on_done:
            self.on_done(self, self.error)

    def _reason(self, undoing: bool) -> str:
        if not self._done_once:  # the edit itself: the reason given (the service may require one)
            return self.reason
        if not scoring.is_submitted(self.db, self.expert_id, self.unit_id):
            return self.reason
        if undoing:
            return translate("ScoreCommand", "撤销修改") + (f"（{self.reason}）" if self.reason else "")
        return self.reason or translate("ScoreCommand", "重做修改")

    def redo(self) -> None:
        reason = self._reason(False)
        self._done_once = True
        self._store(self.after, reason)
        if self.error:
            self.setObsolete(True)  # a refused first redo leaves nothing on the stack

    def undo(self) -> None:
        self._store(self.before, self._reason(True))
