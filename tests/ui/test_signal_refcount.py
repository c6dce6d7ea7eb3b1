"""PySide6 6.12.0 on Python 3.11 drops a reference to True/False on every Python-side
``emit()``/``disconnect()``; after about 1,500 the interpreter aborts ("bool_dealloc"), which in a
meeting is a few hundred typed scores. ``ui`` installs a fix at import (ui/signal_refcount_fix.py).
This runs many emits in a child process: without the fix it dies with SIGABRT."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
import ui  # applies the fix
from PySide6.QtCore import QCoreApplication, QObject, Signal
class A(QObject):
    s = Signal(int)
app = QCoreApplication([])
a = A()
slot = lambda v: None
before = sys.getrefcount(True)
for i in range(5000):
    a.s.connect(slot)
    a.s.emit(i)
    a.s.disconnect(slot)
print(before - sys.getrefcount(True))
"""


def test_thousands_of_emits_do_not_abort_the_interpreter():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr[-500:]
    assert int(out.stdout.strip()) < 100  # no steady loss of references to True
