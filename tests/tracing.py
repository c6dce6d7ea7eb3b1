"""The SQL statements a piece of code runs, from SQLite's own trace (triggers' bodies included)."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def traced(db):
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        db.conn.set_trace_callback(None)
