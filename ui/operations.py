"""Operations: run a core write, push its undo command, say a refusal, and announce what changed.

Anki's ``CollectionOp`` (aqt/operations) in small. Every write the window makes goes through
:func:`run`: the service returns a :class:`fazhi_desktop.changes.Change` (or an object with a
``change``), and the hub of that database (one :class:`ChangeHub` per open database, shared by
every window) emits it once on ``changes``. Each page listens (:class:`Listener`) and updates only
what the record names; a page that is not shown keeps the record and applies it when it is shown
again (a status change at once), so a keystroke costs only the reads of what is on screen. The
scoring server's reports (the experts' phones) reach the same hub, and so does the snapshot policy
(``ui/backups.py``): no page polls the database.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from fazhi_desktop.changes import NOTHING, Change
from fazhi_desktop.errors import ReasonRequired, UserError


class ChangeHub(QObject):
    """``changes(Change)``: one record per operation, for every page of every window."""

    changes = Signal(object)

    def publish(self, change: Change | None) -> None:
        if change:
            self.changes.emit(change)


_HUBS: "weakref.WeakKeyDictionary[object, ChangeHub]" = weakref.WeakKeyDictionary()


def hub(db) -> ChangeHub:
    """The hub of one open database (every window and page on it shares it; a page of another
    database, e.g. before a restore reopened the file, never hears these records)."""
    found = _HUBS.get(db)
    if found is None:
        found = _HUBS[db] = ChangeHub()  # lives as long as the database object (no Qt parent)
    return found


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


def run(db, operation: Callable[[], object], *, say: Callable[[str], None] | None = None,
        undo_stack: QUndoStack | None = None, command: Callable[[object], QUndoCommand | None] | None = None,
        extra: Change | None = None) -> Outcome:
    """Run ``operation`` (a core write on ``db``). A refusal (UserError) goes to ``say`` and nothing is
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
        return Outcome(False, error=exc.message)
    change = change_of(value).merge(extra)
    if command is not None and undo_stack is not None:
        cmd = command(value)
        if cmd is not None:
            undo_stack.push(cmd)
    hub(db).publish(change)
    return Outcome(True, value, change)


class Listener:
    """For a page (a QWidget): ``apply(change)`` now when it is shown, later (merged) when not.

    ``listen(db, session_id)`` in the page's ``__init__``; the page defines ``apply(change)``, and calls
    ``take_pending()`` from its showEvent (or lets :meth:`show_pending` do it)."""

    _pending: Change = NOTHING
    _listen_session: int | None = None

    def listen(self, db, session_id: int | None) -> None:
        self._listen_session = session_id
        self._pending = NOTHING
        hub(db).changes.connect(self._on_changes)

    def _on_changes(self, change: Change) -> None:
        if not change.concerns(self._listen_session):
            return
        if self.isVisible() or change.touches("status"):  # type: ignore[attr-defined]
            # a status change (rare) is applied at once even when hidden: it decides what a page offers
            self.apply(change.merge(self.take_pending()))
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
