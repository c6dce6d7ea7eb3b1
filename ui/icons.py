"""One map from meaning to icon. Icons are made lazily, after the QApplication exists
(qtawesome loads its fonts on first use; doing that earlier crashes, qtawesome #21).

qtawesome draws each icon from its font through a Python icon engine, and importing it brings in
qtpy, QtOpenGL and the fonts: ~110 ms of every start, and a Python-overridden paint() on every
repaint. So each icon is drawn by qtawesome once, at the sizes menus, toolbars and tabs use, and
kept as PNG files in the user's cache folder; later starts load the PNGs and never import
qtawesome. The cache is keyed by this map and the app version, so a changed icon is drawn anew.
"""
from __future__ import annotations

import os
import zlib
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

SIZES = (16, 20, 24, 32, 48, 64)  # logical sizes used, and their 2× for high-DPI screens
CACHE_ENV = "FAZHI_ICON_CACHE"     # another folder, or "off"

ICONS: dict[str, str] = {
    "new": "fa5s.plus-circle", "open": "fa5s.folder-open", "duplicate": "fa5s.copy", "delete": "fa5s.trash-alt",
    "add": "fa5s.plus", "remove": "fa5s.minus", "import": "fa5s.file-import", "export": "fa5s.file-export",
    "up": "fa5s.arrow-up", "down": "fa5s.arrow-down", "draw": "fa5s.random", "save": "fa5s.save",
    "meeting": "fa5s.landmark", "units": "fa5s.building", "experts": "fa5s.user-tie", "template": "fa5s.list-ol",
    "timing": "fa5s.stopwatch", "recusal": "fa5s.user-slash", "scores": "fa5s.edit", "results": "fa5s.trophy",
    "audit": "fa5s.history", "submit": "fa5s.lock", "unlock": "fa5s.lock-open", "undo": "fa5s.undo",
    "redo": "fa5s.redo", "warning": "fa5s.exclamation-triangle", "ok": "fa5s.check-circle",
    "start": "fa5s.play", "pause": "fa5s.pause", "next": "fa5s.step-forward", "previous": "fa5s.step-backward",
    "projector": "fa5s.tv", "question": "fa5s.comment-dots", "help": "fa5s.question-circle",
    "pdf": "fa5s.file-pdf", "word": "fa5s.file-word", "excel": "fa5s.file-excel", "live": "fa5s.broadcast-tower",
    "absent": "fa5s.user-times", "minute": "fa5s.plus-square", "end": "fa5s.stop", "settings": "fa5s.cog",
    "search": "fa5s.search",
}


@lru_cache(maxsize=1)
def cache_dir() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    from platformdirs import user_cache_path

    from fazhi_desktop import APP_ID, __version__

    # a checksum, not a digest: it only tells one map from another (hashlib would load OpenSSL)
    key = f"{zlib.crc32(repr((sorted(ICONS.items()), SIZES, __version__)).encode()):08x}"
    return user_cache_path(APP_ID, appauthor=False) / f"icons-{key}"


def _files(meaning: str, color: str) -> list[tuple[int, str]]:
    folder = cache_dir()
    if folder is None:
        return []
    stem = os.path.join(folder, f"{meaning}-{color.lstrip('#')}-")  # plain strings: 16 icons × 6 files a start
    return [(size, f"{stem}{size}.png") for size in SIZES]


@lru_cache(maxsize=None)
def icon(meaning: str, color: str = "#37474f") -> QIcon:
    """The icon for ``meaning`` (a key of ICONS); an empty icon for an unknown key."""
    name = ICONS.get(meaning)
    if name is None:
        return QIcon()
    files = _files(meaning, color)
    if files and all(os.path.isfile(path) for _size, path in files):
        cached = QIcon()
        for size, path in files:
            cached.addFile(path, QSize(size, size))
        return cached
    import qtawesome

    drawn = qtawesome.icon(name, color=color)
    _store(drawn, files)
    return drawn


def _store(drawn: QIcon, files: list[tuple[int, str]]) -> None:
    """Keep the drawn icon for the next start. A cache that cannot be written (a read-only home,
    a full disk) only costs the next start the drawing again."""
    if not files:
        return
    try:
        os.makedirs(os.path.dirname(files[0][1]), exist_ok=True)
        for size, path in files:
            part = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}.part")
            if not drawn.pixmap(size, size).save(part, "PNG"):
                Path(part).unlink(missing_ok=True)
                return
            os.replace(part, path)
    except OSError:
        return
