"""Operations: run a core write, push its undo command, say a refusal, and announce what changed.

Anki's ``CollectionOp`` (aqt/operations) in small. Every write the window makes goes through
:func:`run`: the service returns a :class:`fazhi_desktop.changes.Change` (or an object with a
``change``), and the one app-wide :class:`ChangeHub` emits it once on ``changes``. Each page
listens (:class:`Listener`) and updates only what the record names; a page that is not shown keeps
the record and applies it when it is shown again, so a keystroke costs only the reads of what is
on screen. The scoring server's reports (the experts' phones) reach the same hub.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from fazhi_desktop.changes import NOTHING, Change
from fazhi_desktop.errors import ReasonRequired, UserError


class ChangeHub(QObject):
    """``changes(Change)``: one record per operation, for every page of every window."""

    changes = Signal(object)

    def publish(self, change: Change | None) -> None:
        if change:
            self.changes.emit(change)


_HUB: list[ChangeHub] = []


def hub() -> ChangeHub:
    """The application's hub (one per QCoreApplication; made on first use)."""
    app = QCoreApplication.instance()
    if _HUB and _HUB[0].parent() is app:
        return _HUB[0]
    _HUB[:] = [ChangeHub(app)]
    return _HUB[0]


def change_of(value: object) -> Change:
    """The record of what a service returned: a Change, an object carrying one (``ScoreChange``), or nothing."""
    if isinstance(value, Change):
        return value
    change = getattr(value, "change", None)
    return change if isinstance(change, Change) else NOTHING


@dataclass
class Outcome:
    ok: bool
    value: object = None
    change: Change = NOTHING
    error: str | None = None
    reason_required: bool = False  # refused for want of a reason (ReasonRequired): the caller asks, then runs again


def run(operation: Callable[[], object], *, say: Callable[[str], None] | None = None,
        undo_stack: QUndoStack | None = None, command: Callable[[object], QUndoCommand | None] | None = None,
        extra: Change | None = None) -> Outcome:
    """Run ``operation`` (a core write). A refusal (UserError) goes to ``say`` and nothing is
    announced; ReasonRequired is returned for the caller to ask (not said). On success the command
    made by ``command(value)`` (if any) is pushed on ``undo_stack`` (its first redo must do nothing:
    the write is done) and the change, merged with ``extra``, is published once."""
    try:
        value = operation()
    except ReasonRequired as exc:
        return Outcome(False, error=exc.message, reason_required=True)
    except UserError as exc:
        if say is not None:
            say(str(exc))
        return Outcome(False, error=str(exc))
    change = change_of(value).merge(extra)
    if command is not None and undo_stack is not None:
        cmd = command(value)
        if cmd is not None:
            undo_stack.push(cmd)
    hub().publish(change)
    return Outcome(True, value, change)


class Listener:
    """For a page (a QWidget): ``apply(change)`` now when it is shown, later (merged) when not.

    ``listen(session_id)`` in the page's ``__init__``; the page defines ``apply(change)``, and calls
    ``take_pending()`` from its showEvent (or lets :meth:`show_pending` do it)."""

    _pending: Change = NOTHING
    _listen_session: int | None = None

    def listen(self, session_id: int | None) -> None:
        self._listen_session = session_id
        self._pending = NOTHING
        hub().changes.connect(self._on_changes)

    def _on_changes(self, change: Change) -> None:
        if not change.concerns(self._listen_session):
            return
        if self.isVisible():  # type: ignore[attr-defined]
            self.apply(change)
        else:
            self._pending = self._pending.merge(change)

    def take_pending(self) -> Change:
        pending, self._pending = self._pending, NOTHING
        return pending

    def show_pending(self) -> None:
        """From showEvent: apply what changed while hidden."""
        pending = self.take_pending()
        if pending:
            self.apply(pending)

    def apply(self, change: Change) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError
