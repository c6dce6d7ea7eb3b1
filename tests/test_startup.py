"""A faster start (issue 13): what the first paint of the main window does not need is not
imported before it, and the database object it reads through behaves as sqlite-utils' own."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from fazhi_desktop.db import open_db, transaction
from fazhi_desktop.sessions import list_sessions
from fazhi_desktop.startup import FirstPaintDatabase, complete, defer_import, is_loaded

ROOT = Path(__file__).resolve().parents[1]

# Loaded on first use, never for the first paint: each was imported before it once.
LAZY = [
    "sqlite_utils", "click", "dateutil", "pluggy",             # the db layer's library (startup.py)
    "qtawesome", "qtpy", "PySide6.QtOpenGL",                    # icons come from the cache (ui/icons.py)
    "fazhi_desktop.export", "docx", "openpyxl", "reportlab",   # documents
    "fazhi_desktop.lifecycle", "fazhi_desktop.double_entry", "fazhi_desktop.score_imports",
    "fazhi_desktop.seal", "fazhi_desktop.chain",                # the lifecycle bar's dialogs only
    "fazhi_desktop.demo", "fazhi_desktop.serve", "waitress", "segno", "cryptography",
    "ui.history", "ui.checklist", "ui.live", "ui.setup", "ui.scoring",  # pages, built when shown
    "ui.pages", "ui.dialogs",                                   # nothing to ask yet
    "ui.backups", "fazhi_desktop.backup",                       # the backup keeper starts after the paint
    "ctypes", "platform",                                       # an unsound binding's repair, crash log entries
]

# The real start (main.main: sqlite-utils deferred, run_gui, MainWindow); at the window's first
# paint (before anything queued after it) it prints what is imported and what the list shows.
FIRST_PAINT = r"""
import gc, json, sys
import main
import ui.app as app
from fazhi_desktop.startup import is_loaded
from PySide6.QtWidgets import QApplication

real = app.after_first_paint
scanned = []  # modules whose source PySide6 read after ui.app was imported (ui/app.py answers for ours)
feature = sys.modules["shibokensupport.feature"]
scan = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: scanned.append(module.__name__) or scan(module)

def spy(window, db):
    from PySide6 import QtGui
    from PySide6.QtCore import QTimer

    def painted():
        seen = {"modules": sorted(n for n in list(sys.modules) if is_loaded(n)), "scanned": list(scanned),
                "sessions": window.session_list.model.rowCount(), "db": type(db).__name__,
                "key_sequence": "QKeySequence" in vars(QtGui), "gc": gc.isenabled(), "keeper": window.keeper is not None,
                "menu_icon": not window.actions["edit.undo"].icon().isNull(),
                "bar_icon": not window.lifecycle_bar.buttons["meeting.begin"].icon().isNull(),
                "bar_shown": window.lifecycle_bar.isVisible()}

        def after():  # once what run_gui queues after the paint has run
            seen.update(db_after=type(db).__name__, shortcut=window.actions["session.new"].shortcut().toString(),
                        gc_after=gc.isenabled(), keeper_after=window.keeper is not None,
                        menu_icon_after=not window.actions["edit.undo"].icon().isNull())
            print(json.dumps(seen))
            QApplication.instance().quit()

        QTimer.singleShot(0, lambda: QTimer.singleShot(0, after))
    window.painted.connect(painted)  # before run_gui's own slot: nothing after the paint has run
    real(window, db)

app.after_first_paint = spy
sys.exit(main.main(["--db", *sys.argv[1:]]))
"""


def first_paint(db_path: Path, icon_cache: Path, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FAZHI_ICON_CACHE=str(icon_cache), FAZHI_BACKUP_OFF="1")
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(db_path), *args], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-1500:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_first_paint_imports_none_of_the_stacks_it_does_not_need(demo_db, db_path, tmp_path):
    for name in LAZY:  # a renamed module must not make this pass silently
        assert importlib.util.find_spec(name) is not None, name
    icons = tmp_path / "icons"
    first_paint(db_path, icons)  # a first start draws the icons once (qtawesome) into the cache
    got = first_paint(db_path, icons)
    assert got["sessions"] == 2 and got["db"] == "FirstPaintDatabase"  # the list is filled at the paint
    assert not got["key_sequence"]  # the menu's shortcuts are bound after it ...
    assert got["shortcut"] == "Ctrl+N" and got["db_after"] == "Database"  # ... as sqlite-utils is loaded
    assert not got["gc"] and got["gc_after"]  # no cyclic collection before the paint, as usual after it
    assert not got["keeper"] and got["keeper_after"]  # the backup keeper starts after it too
    assert not got["bar_shown"] and not got["menu_icon"] and got["menu_icon_after"]  # closed menus: icons after it
    loaded = [name for name in LAZY if name in got["modules"]]
    assert loaded == []
    assert [name for name in got["scanned"] if name.split(".")[0] in ("ui", "fazhi_desktop")] == []
    assert len(got["scanned"]) <= 5, got["scanned"]  # about 70 without the table filled in advance


def test_a_session_opened_at_the_start_shows_its_bar_with_icons_in_the_first_frame(demo_db, db_path, tmp_path):
    """``live ID`` opens the session before the first paint: the lifecycle bar above its pages is in
    the first frame, and its buttons carry their icons there (the menus' icons wait otherwise)."""
    got = first_paint(db_path, tmp_path / "icons", "live", "2")
    assert got["bar_shown"] and got["bar_icon"] and got["menu_icon"]


def test_reads_before_completion_match_sqlite_utils(demo_db, db_path):
    lazy = open_db(db_path, lazy=True)
    try:
        assert type(lazy) is FirstPaintDatabase
        assert list_sessions(lazy) == list_sessions(demo_db)
        assert lazy.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lazy.execute("PRAGMA recursive_triggers").fetchone()[0] == 1  # as sqlite_utils.Database sets it
        assert type(lazy) is FirstPaintDatabase  # reads alone do not need the library
    finally:
        lazy.conn.close()


def test_anything_but_a_read_completes_it_in_place(demo_db, db_path):
    lazy = open_db(db_path, lazy=True)
    holder = [lazy]  # another reference (a page, a model) sees the same, completed object
    try:
        with transaction(lazy):
            lazy.execute("UPDATE sessions SET venue = ? WHERE id = 2", ["第二会议室"])
        assert isinstance(holder[0], sqlite_utils.Database)
        assert holder[0]["sessions"].get(2)["venue"] == "第二会议室"
        assert demo_db.execute("SELECT venue FROM sessions WHERE id = 2").fetchone()[0] == "第二会议室"
    finally:
        lazy.conn.close()
    again = open_db(db_path, lazy=True)
    try:
        assert again["sessions"].count == 2 and isinstance(again, sqlite_utils.Database)
        assert complete(again) is again
    finally:
        again.conn.close()


def test_a_deferred_module_runs_once_on_first_use(tmp_path, monkeypatch):
    (tmp_path / "fz_deferred_probe.py").write_text("import sys\nRUNS = getattr(sys, 'fz_probe_runs', 0) + 1\n"
                                                   "sys.fz_probe_runs = RUNS\nVALUE = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "fz_deferred_probe", raising=False)
    monkeypatch.setattr(sys, "fz_probe_runs", 0, raising=False)
    stand_in = defer_import("fz_deferred_probe")
    try:
        import fz_deferred_probe

        assert fz_deferred_probe is stand_in and not is_loaded("fz_deferred_probe")
        assert not hasattr(fz_deferred_probe, "__wrapped__")  # inspect's probes do not load it
        assert sys.fz_probe_runs == 0
        assert fz_deferred_probe.VALUE == 42 and stand_in.RUNS == 1
        assert is_loaded("fz_deferred_probe") and sys.fz_probe_runs == 1
        with pytest.raises(AttributeError):
            fz_deferred_probe.MISSING
    finally:
        sys.modules.pop("fz_deferred_probe", None)


def test_a_snapshot_of_the_window_database_before_its_first_paint_is_completed(demo_db, db_path, monkeypatch):
    """The backup asks a database object for its connection, not for its class: a snapshot taken
    of the window's database before sqlite-utils is loaded holds the data and leaves it as it was."""
    from fazhi_desktop import backup

    monkeypatch.delenv(backup.OFF_ENV, raising=False)
    lazy = open_db(db_path, lazy=True)
    try:
        snap = backup.snapshot(lazy, reason="manual", session_id=2)
        auto = backup.auto_snapshot(lazy, reason="live", session_id=2)
        assert type(lazy) is FirstPaintDatabase
        for taken in (snap, auto):
            copy = open_db(taken.path)
            try:
                assert list_sessions(copy) == list_sessions(demo_db)
            finally:
                copy.conn.close()
    finally:
        lazy.conn.close()


def test_a_command_runs_with_the_collector_on_and_every_run_gives_it_back(db_path, monkeypatch):
    """main.py holds the garbage collector only for the window's start (MainWindow.finish_start
    releases it): a command runs with it, and whatever main() ran, it is on when main() returns."""
    import gc

    import main
    from fazhi_desktop import cli

    seen = []
    monkeypatch.setitem(cli.COMMANDS, "sessions", lambda db, args: seen.append(gc.isenabled()) or 0)
    assert main.main(["--db", str(db_path), "sessions"]) == 0
    assert seen == [True] and gc.isenabled()
    monkeypatch.setattr(main, "_gui", lambda request: seen.append(gc.isenabled()) or 0)  # a start that stops early
    assert main.main(["--db", str(db_path)]) == 0
    assert seen == [True, False] and gc.isenabled()


@pytest.mark.parametrize("argv", [[], ["--self-test"], ["--db", "x.db"], ["--db=x.db"], ["--db", "x", "--self-test"],
                                  ["--self-test", "--db=a b"], ["--db", "live"], ["--db=--x"]])
def test_a_plain_start_reads_its_options_as_the_full_parser_does(argv):
    from fazhi_desktop.cli import _plain_start, build_parser

    full = build_parser().parse_args(argv)
    assert _plain_start(argv) == (full.db, full.self_test) and full.command is None


@pytest.mark.parametrize("argv", [["live", "3"], ["--db", "x", "sessions"], ["-h"], ["--version"], ["--self"],
                                  ["--db"], ["--db="], ["--db", "-x"], ["--db", "a", "--db", "b"], ["--", "x"]])
def test_anything_else_goes_to_the_full_parser(argv):
    from fazhi_desktop.cli import _plain_start

    assert _plain_start(argv) is None
