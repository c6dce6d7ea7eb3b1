"""One map from meaning to icon. Icons are made lazily, after the QApplication exists
(qtawesome loads its fonts on first use; doing that earlier crashes, qtawesome #21)."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

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


@lru_cache(maxsize=None)
def icon(meaning: str, color: str = "#37474f") -> QIcon:
    """The icon for ``meaning`` (a key of ICONS); an empty icon for an unknown key."""
    import qtawesome

    name = ICONS.get(meaning)
    if name is None:
        return QIcon()
    return qtawesome.icon(name, color=color)
