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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """module → the project modules it imports, anywhere in the file (functions too)."""
    files = [p for pkg in ("fazhi_desktop", "ui") for p in (ROOT / pkg).rglob("*.py")]
    modules = {_module_name(p): p for p in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                bases = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                bases = [base] + [f"{base}.{a.name}" for a in node.names]
            else:
                continue
            for base in bases:
                while base and base not in modules:
                    base = base.rpartition(".")[0]
                if base and base != name and not name.startswith(base + "."):
                    targets.add(base)
        graph[name] = targets
    return graph


def test_no_import_circles():
    """No two modules import each other, directly or around a loop (a package __init__ that its
    own modules import is not a circle)."""
    graph = _import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert circles == []
