"""Is the installed Qt binding sound? A start-up probe, run before any window opens.

Some PySide6 builds lose references to Python's singletons: PySide6 6.12.0 on Python 3.10/3.11
drops one reference to ``None`` on every call into a Python-overridden Qt virtual that returns
nothing (qtawesome paints every icon through one), one to ``True`` on every ``emit()`` and one to
``False`` on every failed ``disconnect()``. Before Python 3.12 these objects are mortal: once
their count reaches zero the interpreter aborts (``Fatal Python error: none_dealloc``) — in a
meeting, seconds to minutes after the live console opens. Python 3.12+ makes them immortal.

The probe measures the loss instead of trusting a version number: it paints a Python
``QIconEngine`` whose ``paint`` returns ``None``, emits a Python signal and fails a
``disconnect()``, :data:`PROBES` times each, and compares ``sys.getrefcount`` before and after.
It gives back whatever it took (``Py_IncRef``), so probing an unsound binding cannot itself bring
the process down. An unsound binding is refused with a message naming the fix; monkeypatching the
binding's types is not a fix (it cannot reach the calls made from C++).
"""
from __future__ import annotations

import sys
import time
import warnings
from typing import Callable, NamedTuple

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter
from .i18n import arg, translate

PROBES = 16
EXIT_UNSOUND = 2
FIX_VERSION = "PySide6-Essentials 6.11.3"




class BindingReport(NamedTuple):  # not a dataclass: made at every start, a NamedTuple costs far less
    """What one probe saw: references lost per singleton over ``probes`` calls each."""
    pyside: str
    python: str
    lost: dict[str, int]
    probes: int = PROBES
    elapsed_ms: float = 0.0

    @property
    def sound(self) -> bool:
        # A sound build loses nothing; an unsound one loses one reference per call. Half the
        # probes separates the two with room for a stray reference dropped elsewhere.
        return all(n < max(1, self.probes // 2) for n in self.lost.values())

    def summary(self) -> str:
        return " ".join(f"{name}={n}" for name, n in self.lost.items())


class _NoneEngine(QIconEngine):
    """An icon engine whose ``paint`` returns None, as qtawesome's does."""

    def paint(self, painter, rect, mode, state):  # noqa: D401 - a Qt virtual
        return None

    def clone(self):
        return _NoneEngine()


class _Emitter(QObject):
    ping = Signal()


def _give_back(obj: object, times: int) -> None:
    import ctypes  # only an unsound binding needs it (~7 ms of every start otherwise)

    for _ in range(times):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _slot() -> None:
    pass


def _lost(obj: object, action: Callable[[], object], probes: int) -> int:
    """References to ``obj`` that ``probes`` runs of ``action`` take away; they are given back."""
    before = sys.getrefcount(obj)
    for _ in range(probes):
        action()
    lost = before - sys.getrefcount(obj)
    if lost > 0:
        _give_back(obj, lost)
    return max(lost, 0)


def measure(probes: int = PROBES) -> BindingReport:
    """Probe the installed binding (needs a QGuiApplication: it paints an icon)."""
    import PySide6

    t = time.perf_counter()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    icon = QIcon(_NoneEngine())
    rect = QRect(0, 0, 8, 8)
    emitter = _Emitter()

    def failed_disconnect() -> None:
        try:
            emitter.ping.disconnect(_slot)
        except (RuntimeError, TypeError):  # some releases raise instead of returning False
            pass

    try:
        lost_none = _lost(None, lambda: icon.paint(painter, rect), probes)
        lost_true = _lost(True, emitter.ping.emit, probes)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Failed to disconnect …" is the point here
            lost_false = _lost(False, failed_disconnect, probes)
    finally:
        painter.end()
    # what platform.python_version() answers, without importing platform before the window's first paint
    return BindingReport(pyside=PySide6.__version__, python=sys.version.split()[0],
                         lost={"None": lost_none, "True": lost_true, "False": lost_false}, probes=probes,
                         elapsed_ms=(time.perf_counter() - t) * 1000)


def refusal_text(report: BindingReport) -> str:
    """The Chinese message shown when the binding is refused."""
    return (arg(translate("binding", "法治评议不能启动：已安装的 Qt 绑定 PySide6 %1（Python %2）有引用计数缺陷"
                "（探测 %3 次：None 丢失 %4 个引用，True 丢失 %5 个，False 丢失 %6 个），"
                "评议会进行中程序会突然崩溃。\n"
                "解决办法：在程序目录运行 bash scripts/dev.sh setup，安装锁定的 %7；"
                "或改用 Python 3.12 及以上版本。"),
                report.pyside, report.python, report.probes, report.lost.get("None", 0), report.lost.get("True", 0),
                report.lost.get("False", 0), FIX_VERSION))


def show_dialog(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from fazhi_desktop import APP_NAME

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, QMessageBox.StandardButton.Ok)
    box.exec()


def check(*, probe: Callable[[], BindingReport] | None = None,
          show: Callable[[str], None] | None = show_dialog, stream=None) -> BindingReport:
    """Probe (``measure`` unless another probe is given); on an unsound binding write the reason to
    ``stream`` (stderr) and show it with ``show`` (None: no display). Returns the report; the
    caller then exits with :data:`EXIT_UNSOUND`."""
    report = (probe or measure)()
    if not report.sound:
        text = refusal_text(report)
        (stream or sys.stderr).write(f"错误：{text}\n")
        if show is not None:
            show(text)
    return report
