"""Work around a reference-count bug in some PySide6 builds (seen with 6.12.0 on Python 3.11).

There, ``SignalInstance.emit()`` and ``disconnect()`` return a bool without a new reference, so
each call whose result is dropped takes one reference away from ``True`` (or ``False``). A loaded
application holds about 1,500; once they are used up the interpreter aborts ("bool_dealloc:
deallocating True or False") — in a meeting, after a few hundred typed scores. Python 3.12+
makes the bools immortal and is not affected.

The bug is measured at import, not assumed from a version number: a method is wrapped to give
the reference back only when probing shows it drops one. An extra reference to a bool costs
nothing, so a build where only some paths were fixed cannot be harmed.
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


def _lost(action) -> int:
    """How many references to True ``_PROBES`` runs of ``action`` take away (0 on a sound build)."""
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        action()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _incref(True, lost)  # give back what the probe itself took
    return lost


def _probe_slot() -> None:
    pass


# Names already wrapped. Kept here rather than as an attribute on the method: asking a PySide6
# method for a missing attribute, or for its __doc__, builds its signature help text (~10 ms each,
# ~40 ms of every start-up).
_WRAPPED: set[str] = set()


def _wrap(name: str) -> None:
    if name in _WRAPPED:
        return
    original = getattr(SignalInstance, name)

    def wrapper(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        if result is True or result is False:
            _incref(result)
        return result

    wrapper.__doc__ = f"SignalInstance.{name}, giving back the reference to True/False it drops."
    setattr(SignalInstance, name, wrapper)
    _WRAPPED.add(name)


def install() -> list[str]:
    """Wrap the ``SignalInstance`` methods this build needs wrapped; returns their names."""
    probe = _Probe()

    def reconnect() -> None:
        probe.ping.connect(_probe_slot)
        probe.ping.disconnect(_probe_slot)

    fixed = []
    for name, action in (("emit", probe.ping.emit), ("disconnect", reconnect)):
        if name in _WRAPPED or _lost(action) >= _PROBES:
            _wrap(name)
            fixed.append(name)
    return fixed


try:
    INSTALLED = install()
except Exception:  # noqa: BLE001 - a failed workaround must never stop the application starting
    INSTALLED = []
