"""Where things live: the user's data folder and the database file."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from . import APP_ID

DB_ENV = "FAZHI_DB"
DB_FILENAME = "fazhi-review.db"


def default_data_dir() -> Path:
    """The per-user data folder (e.g. %LOCALAPPDATA%\\fazhi-review, ~/.local/share/fazhi-review)."""
    return user_data_path(APP_ID, appauthor=False)


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db`` wins, then ``FAZHI_DB``, then the default file in the data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir() / DB_FILENAME


KEY_ENV = "FAZHI_KEY_DIR"


def key_dir() -> Path:
    """Where this installation's signing key pair lives: ``keys/`` in the user data folder
    (``FAZHI_KEY_DIR`` chooses another folder, e.g. for a portable install)."""
    env = os.environ.get(KEY_ENV)
    return Path(env).expanduser() if env else default_data_dir() / "keys"
