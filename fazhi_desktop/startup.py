"""What the window's start leaves for after its first paint: sqlite-utils, and the garbage collector.

Importing sqlite-utils brings click, dateutil, pluggy, inspect and uuid along and costs about as
much as importing Qt's widgets, while the first paint only needs a handful of plain reads. So:

- :func:`defer_import` puts a stand-in for the module into ``sys.modules``: ``import sqlite_utils``
  (48 core modules do it, for their type annotations) costs nothing, and the first use of a name
  from it (``sqlite_utils.Database``) imports the real module. ``main.py`` calls it first thing.
- :class:`FirstPaintDatabase` is what ``open_db(path, lazy=True)`` returns: a connection that
  answers ``execute`` and ``query`` for reads itself, exactly as sqlite-utils would on our
  autocommit connection, and becomes a real ``sqlite_utils.Database`` (the same object, so every
  holder sees it) on first use of anything else, or when :func:`complete` is called. The window
  calls ``complete`` right after its first paint; a command-line run never gets one.
- :func:`hold_collector` / :func:`release_collector`: the start of the window allocates ~30,000
  long-lived objects (Qt's enums and types, our modules, the widgets' wrappers) and next to no
  garbage, yet Python's cyclic collector walks the young ones about fifty times on the way
  (5-13 ms of the start, against 2-8 ms for a bare PySide6 window). ``main.py`` holds it for the
  window's start; the window releases it once it has painted (``MainWindow.finish_start``), and
  anything else (a command, a start that stops early) as soon as it is known. Reference counting
  frees everything as usual meanwhile; only cycles wait, for those few hundred milliseconds.

No Qt here: this is the core.
"""
from __future__ import annotations

import gc
import importlib
import importlib.util
import sqlite3
import sys
import threading
import types
from typing import Any, Iterator

_LOCK = threading.RLock()
# dunder names the import system and inspect probe for; answered without importing (as absent)
_REAL_DUNDERS = ("__path__", "__all__", "__version__")


def defer_import(name: str) -> types.ModuleType:
    """Put a stand-in for module ``name`` into sys.modules (if nothing is there yet) that imports
    the real module on first use of one of its names, and then carries all of them."""
    present = sys.modules.get(name)
    if present is not None:
        return present
    spec = importlib.util.find_spec(name)
    if spec is None:
        raise ImportError(f"No module named {name!r}", name=name)
    stand_in = types.ModuleType(name)
    stand_in.__file__ = spec.origin  # inspect.getsource (PySide6 runs it on every import) reads it
    stand_in.__deferred__ = True

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__") and attr not in _REAL_DUNDERS:
            raise AttributeError(attr)
        return getattr(load(), attr)

    def load() -> types.ModuleType:
        with _LOCK:
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
                try:
                    real = importlib.import_module(name)
                except BaseException:
                    sys.modules[name] = stand_in
                    raise
                stand_in.__dict__.update(real.__dict__)
                stand_in.__deferred__ = False
            return sys.modules[name]

    stand_in.__getattr__ = __getattr__  # PEP 562: only names not found otherwise
    sys.modules[name] = stand_in
    return stand_in


_held = False


def hold_collector() -> None:
    """No cyclic garbage collection until :func:`release_collector` (the window's start; see the
    module's docstring). Nothing happens if the collector is off already (someone else's choice)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collector() -> None:
    """Turn the collector back on if :func:`hold_collector` turned it off (again: a no-op)."""
    global _held
    if _held:
        _held = False
        gc.enable()


def is_loaded(name: str) -> bool:
    """Whether the real module ``name`` has been imported (not just its stand-in)."""
    module = sys.modules.get(name)
    return module is not None and not module.__dict__.get("__deferred__", False)


def _first_keyword(sql: str) -> str:
    return sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""


class FirstPaintDatabase:
    """A connection for the window's first paint; see the module's docstring. Only reads are
    answered here; anything else makes it the full ``sqlite_utils.Database`` first."""

    def __init__(self, conn: sqlite3.Connection):
        if conn.isolation_level is not None:
            raise ValueError("FirstPaintDatabase needs an autocommit connection (isolation_level=None)")
        self.conn = conn
        # what sqlite_utils.Database(conn) does on creation
        conn.execute("PRAGMA recursive_triggers=on;")

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        # On an autocommit connection (no implicit transactions) sqlite-utils' execute is exactly
        # conn.execute; a write still goes through the full object, which does the same.
        if _first_keyword(sql) not in ("SELECT", "PRAGMA", "WITH"):
            return complete(self).execute(sql, parameters)
        return self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)

    def query(self, sql: str, params: Any = None) -> Iterator[dict]:
        """Rows as dicts, for a plain SELECT (sqlite-utils' guard against statements without rows
        and its renaming of repeated column names are left to the full object)."""
        if _first_keyword(sql) != "SELECT" or self.conn.in_transaction:
            return complete(self).query(sql, params)
        cursor = self.conn.execute(sql, params) if params is not None else self.conn.execute(sql)
        keys = [d[0] for d in cursor.description]
        if len(set(keys)) != len(keys):
            return complete(self).query(sql, params)
        return (dict(zip(keys, row)) for row in cursor)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(complete(self), name)

    def __getitem__(self, name: str) -> Any:
        return complete(self)[name]


def complete(db: Any) -> Any:
    """Make ``db`` a full ``sqlite_utils.Database`` in place (a no-op when it is one already)."""
    if type(db) is not FirstPaintDatabase:
        return db
    import sqlite_utils

    with _LOCK:
        if type(db) is FirstPaintDatabase:
            state = dict(db.__dict__)
            full = sqlite_utils.Database(state["conn"], recursive_triggers=False, execute_plugins=False)
            db.__class__ = sqlite_utils.Database
            db.__dict__.update(full.__dict__)
            db.__dict__.update(state)
    return db
