"""What a write changed: the record a service returns, so the window updates only what it names.

Anki's ``OpChanges`` in a smaller form. A write service returns a :class:`Change` (or the caller
gets one from the object it called: ``ScoreChange.change``); the window's operation layer
(``ui/operations.py``) emits it once, and each page looks at ``kinds`` and ``unit_ids`` to decide
what to re-read. Nothing here reads the database: a record is built by the code that wrote.

Kinds (a write may name several):

- ``scores``     a score, a submission or a double-entry check of one sheet;
- ``external``   an external component's value;
- ``questions``  the question log;
- ``live``       the live console's clock and position (which unit, which phase, running);
- ``units``      the roster of units: names, order, attendance, status (``done``, ``absent``);
- ``experts``    the roster of experts or the recusals;
- ``template``   the criteria, maxima, aggregation, components, grades or timing;
- ``status``     the session's life: draft → live → finished → sealed (and back, when reopened);
- ``session``    the session's own fields (title, date, the chair's summary …);
- ``devices``    the experts' scoring links (tokens) and what the phones last did;
- ``library``    the user's saved templates (no session: ``session_id`` None);
- ``links``      the links between a unit's former and current names (no session: ``session_id`` None);
- ``ledger``     the rectification items (整改台账: added, edited, closed, deleted, made from questions).
                 ``session_id`` None: an item follows its unit by name across sessions, so the console
                 of a later session (its open-item counts) hears an edit made to an earlier one;
- ``sessions``   the list of sessions: one created, copied, deleted or imported from a package
                 (``session_id`` the one added or removed; the pages of other sessions ignore it, the
                 session list listens to every session).

``unit_ids`` empty means "every unit" (a change of the whole session).

A write that returned a value before it returned records (the fields it changed, a new order, a
fingerprint, a new id, a value settled) returns that value :func:`carrying` its record as
``.change``: the command line and the tests read the value as before, the window's operation layer
reads ``.change``. A write that returned a bool returns a small record that is true or false as
the bool was (``double_entry.Switched``): a bool cannot carry anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, TypeVar

KINDS = frozenset({"scores", "external", "questions", "live", "units", "experts", "template", "status",
                   "session", "devices", "library", "links", "ledger", "sessions"})


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str] = frozenset()
    session_id: int | None = None
    unit_ids: frozenset[int] = field(default_factory=frozenset)  # empty: all units

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")

    @classmethod
    def of(cls, kinds: str | Iterable[str], session_id: int | None, unit_ids: Iterable[int | None] = ()) -> Change:
        """``Change.of("scores", 2, [12])``; ``None`` among ``unit_ids`` is dropped."""
        kinds = frozenset([kinds] if isinstance(kinds, str) else kinds)
        return cls(kinds, session_id, frozenset(u for u in unit_ids if u is not None))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def merge(self, other: Change | None) -> Change:
        """Both changes as one record: the kinds together; all units when either names all of a
        kind it changed. Records of two different sessions merge to ``session_id`` None (any)."""
        if not other:
            return self
        if not self:
            return other
        session = self.session_id if self.session_id == other.session_id else None
        units = frozenset() if not self.unit_ids or not other.unit_ids else self.unit_ids | other.unit_ids
        return Change(self.kinds | other.kinds, session, units)

    def touches(self, *kinds: str) -> bool:
        """True when the record names any of ``kinds``."""
        return bool(self.kinds.intersection(kinds))

    def names_unit(self, unit_id: int | None) -> bool:
        """True when ``unit_id`` may have changed (a record without units names them all)."""
        return not self.unit_ids or unit_id in self.unit_ids

    def concerns(self, session_id: int | None) -> bool:
        """True when the record may be about ``session_id`` (None: any session)."""
        return self.session_id is None or session_id is None or self.session_id == session_id


NOTHING = Change()


def merge_all(changes: Iterable[Change | None]) -> Change:
    out = NOTHING
    for c in changes:
        out = out.merge(c)
    return out


# A subclass of each type a write may return, with room for a ``change`` (an instance of the
# subclass equals the plain value, hashes and serialises the same).
_CARRIERS: dict[type, type] = {t: type(f"_{t.__name__.capitalize()}Carrying", (t,), {"change": NOTHING})
                               for t in (dict, list, tuple, str, int, Decimal)}
_V = TypeVar("_V", dict, list, tuple, str, int, Decimal)


def carrying(value: _V, change: Change) -> _V:
    """``value`` (a dict, list, tuple, str, int or Decimal a write returns) with ``change`` as its
    ``.change``: an instance of a subclass of the same type, equal to ``value`` and used the same
    way (a value carrying a record already gets the new one instead). Not for a bool."""
    if isinstance(value, bool):
        raise TypeError("a bool cannot carry a change record: return a small record instead")
    base = next(t for t in type(value).__mro__ if t in _CARRIERS)
    out = _CARRIERS[base](value)
    out.change = change
    return out
