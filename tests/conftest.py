"""Shared fixtures: every test gets its own database file under tmp_path."""
from __future__ import annotations

import os

import pytest

import tempfile  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests away from the user's own settings and data folder (QSettings, platformdirs).
_HOME = tempfile.mkdtemp(prefix="fazhi-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")
os.environ.pop("FAZHI_DB", None)

import shutil  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402

from fazhi_desktop.db import open_db  # noqa: E402
from fazhi_desktop.demo import add_demo  # noqa: E402


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch, request):
    """A modal dialog in a test would wait for a click that never comes: fail at once, naming it.
    Tests answer dialogs by replacing the functions of ui.dialogs; a test marked ``real_dialogs``
    (the soak) answers the real ones itself."""
    if "PySide6.QtWidgets" not in sys.modules or request.node.get_closest_marker("real_dialogs"):
        return
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(self, *args, **kwargs):
        text = self.text() if isinstance(self, QMessageBox) else ""
        raise AssertionError(f"a modal dialog opened during a test: {type(self).__name__} "
                             f"“{self.windowTitle()}” {text}")
    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "fazhi.db"


@pytest.fixture(scope="session")
def _db_templates(tmp_path_factory):
    """An empty migrated database and the demo database, built once per test run: every test then
    starts from a copy (7 ms) instead of migrating (~130 ms) and adding the demo (~330 ms) again."""
    folder = tmp_path_factory.mktemp("db-templates")
    empty, demo = folder / "empty.db", folder / "demo.db"
    db = open_db(empty)
    db.conn.close()
    db = open_db(demo)
    add_demo(db)
    db.conn.close()
    return empty, demo


@pytest.fixture
def fresh_db(db_path, _db_templates):
    shutil.copyfile(_db_templates[0], db_path)
    db = open_db(db_path)
    yield db
    db.conn.close()


@pytest.fixture
def demo_db(fresh_db, _db_templates):
    """A database with the two demo sessions: 1 = finished 2020 review, 2 = 2023 review ready to run.
    The demo is copied into fresh_db's own connection (SQLite's backup API), so a test that asks for
    both gets one database, as before."""
    source = sqlite3.connect(_db_templates[1])
    try:
        source.backup(fresh_db.conn)
    finally:
        source.close()
    return fresh_db
