"""Temporary files beside their target: a unique name per writer (two writers of one file never
share one), and the leftovers of a killed writer removed the next time that folder is written."""
from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

_PART = re.compile(r"^\..+\.(\d+)-[0-9a-f]{8}\.part$")


def temp_name(path: Path) -> Path:
    """``.NAME.PID-RANDOM.part`` beside ``path``; leftovers of dead writers there are removed."""
    clean_stale(path.parent)
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.part")


def clean_stale(folder: Path) -> list[Path]:
    """Remove ``.part`` files of ours whose process is gone (a kill during a write)."""
    from .live import _pid_alive

    removed = []
    try:
        names = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return removed
    for p in names:
        m = _PART.match(p.name)
        if m and int(m.group(1)) != os.getpid() and not _pid_alive(int(m.group(1))):
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed
