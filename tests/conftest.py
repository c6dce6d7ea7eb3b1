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
os.environ.pop("FAZHI_DB", None)

from fazhi_desktop.db import open_db  # noqa: E402
from fazhi_desktop.demo import add_demo  # noqa: E402


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "fazhi.db"


@pytest.fixture
def fresh_db(db_path):
    db = open_db(db_path)
    yield db
    db.conn.close()


@pytest.fixture
def demo_db(fresh_db):
    """A database with the two demo sessions: 1 = finished 2020 review, 2 = 2023 review ready to run."""
    add_demo(fresh_db)
    return fresh_db
