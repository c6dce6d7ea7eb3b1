"""Imports run one way: the core (fazhi_desktop) never imports Qt or the ui package, so the
command line and the services work headless and the rules are testable without a window."""
from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_core_never_imports_qt_or_ui():
    offenders = {}
    for path in (ROOT / "fazhi_desktop").rglob("*.py"):
        bad = imported_modules(path) & {"PySide6", "ui", "qtawesome", "shiboken6"}
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    assert offenders == {}


def test_cli_runs_without_qt_loaded():
    code = ("import sys; from fazhi_desktop.cli import run; rc = run(['--db', sys.argv[1], 'demo']); "
            "assert rc == 0; assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run([sys.executable, "-c", code, str(Path(d) / "x.db")], capture_output=True, text=True,
                             cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr


def test_no_widget_writes_sql():
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("INSERT INTO", "UPDATE ", "DELETE FROM", ".execute("):
            if word in text:
                offenders.append(f"{path.relative_to(ROOT)}: {word}")
    assert offenders == []
