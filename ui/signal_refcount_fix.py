"""Work around a reference-count bug in some PySide6 builds (seen with 6.12.0 on Python 3.11).

There, ``SignalInstance.emit()`` returns ``True`` without a new reference, so every Python-side
emit whose result is dropped takes one reference away from ``True``. A loaded application holds
about 1,500; once they are used up the interpreter aborts ("bool_dealloc: deallocating True or
False") — in a meeting, after a few hundred typed scores. Python 3.12+ makes ``True`` immortal and
is not affected.

The bug is measured at import, not assumed from a version number: only when an emit is seen to
drop a reference is ``emit`` wrapped to give the reference back. An extra reference to a bool
costs nothing, so a build that is half-fixed cannot be harmed.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 8


class _Probe(QObject):
    ping = Signal()


def _incref(obj: object, times: int = 1) -> None:
    for _ in range(times):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _measure() -> int:
    """How many references to True ``_PROBES`` emits take away (0 on a sound build)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _incref(True, lost)  # give back what the probe itself took
    return lost


def install() -> bool:
    """Wrap ``SignalInstance.emit`` if this build needs it; returns whether it was wrapped."""
    if getattr(SignalInstance.emit, "_refcount_fixed", False):
        return True
    if _measure() < _PROBES:
        return False
    original = SignalInstance.emit

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    emit._refcount_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
    return True


try:
    INSTALLED = install()
except Exception:  # noqa: BLE001 - a failed workaround must never stop the application starting
    INSTALLED = False
