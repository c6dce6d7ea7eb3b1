"""Wall-clock time as the records store it (a module of its own: the audit chain and the store
both need it, and neither may import the other)."""
from __future__ import annotations

from datetime import datetime


def now_iso() -> str:
    """Local wall-clock time with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")
