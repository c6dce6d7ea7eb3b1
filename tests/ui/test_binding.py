"""The start-up probe of the Qt binding: an unsound build (PySide6 6.12.0 on Python < 3.12 loses a
reference to None/True/False per call and aborts mid-meeting) is refused before any window, with
the fix named; the shipped binding passes, in a few milliseconds."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from fazhi_desktop.cli import GuiRequest
from ui import app as app_mod
from ui import binding
from ui.binding import BindingReport

ROOT = Path(__file__).resolve().parents[2]


def unsound(lost_none=16, lost_true=16, lost_false=0) -> BindingReport:
    return BindingReport(pyside="6.12.0", python="3.11.7",
                         lost={"None": lost_none, "True": lost_true, "False": lost_false})


def test_unsound_binding_is_refused_with_versions_and_fix():
    shown: list[str] = []
    err = io.StringIO()
    report = binding.check(probe=unsound, show=shown.append, stream=err)
    assert not report.sound
    text = err.getvalue()
    for part in ("PySide6 6.12.0", "Python 3.11.7", "None 丢失 16 个", "bash scripts/dev.sh setup",
                 "PySide6-Essentials 6.11.3", "Python 3.12"):
        assert part in text, part
    assert shown == [text.removeprefix("错误：").rstrip("\n")]


def test_one_singleton_losing_is_enough_and_noise_is_not():
    assert not unsound(lost_none=0, lost_true=0, lost_false=16).sound
    assert not unsound(lost_none=8, lost_true=0).sound
    quiet = unsound(lost_none=1, lost_true=0, lost_false=0)  # a stray reference is not a defect
    shown: list[str] = []
    err = io.StringIO()
    assert binding.check(probe=lambda: quiet, show=shown.append, stream=err).sound
    assert shown == [] and err.getvalue() == ""


def test_lost_references_are_counted_and_given_back():
    """The measuring itself, on a synthetic leak: each call drops one reference held in a list."""
    held = [None] * binding.PROBES
    before = sys.getrefcount(None)
    assert binding._lost(None, held.pop, binding.PROBES) == binding.PROBES
    assert sys.getrefcount(None) >= before  # what the "leak" took was given back
    assert binding._lost(None, lambda: None, binding.PROBES) == 0


def test_window_and_self_test_refuse_to_start_on_an_unsound_binding(qapp, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(binding, "measure", unsound)
    # the test's QApplication as it is: create_application would install Qt's Chinese translations
    # and the CJK font into it for every later test
    monkeypatch.setattr(app_mod, "create_application", lambda argv=None: qapp)
    opened = []
    monkeypatch.setattr(app_mod, "open_database", lambda *a, **k: opened.append(a))
    for self_test in (False, True):
        assert app_mod.run_gui(GuiRequest(db_path=tmp_path / "x.db", self_test=self_test)) == 2
    assert opened == []  # refused before the database or any window
    assert capsys.readouterr().err.count("bash scripts/dev.sh setup") == 2


def test_the_real_probe_passes_on_the_shipped_binding_in_a_few_ms():
    code = ("import json; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from ui.binding import measure; measure(); r = measure(); "
            "print(json.dumps({'lost': r.lost, 'ms': r.elapsed_ms, 'sound': r.sound}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr[-800:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["sound"] and got["lost"] == {"None": 0, "True": 0, "False": 0}
    assert got["ms"] < 50
