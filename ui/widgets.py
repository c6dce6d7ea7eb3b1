"""Small widget builders shared by the pages."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QToolButton

from .icons import icon


def tool_button(meaning: str, tip: str, slot: Callable[[], object]) -> QToolButton:
    """An icon button whose tooltip is also its accessible name (screen readers, tests)."""
    b = QToolButton()
    b.setIcon(icon(meaning))
    b.setToolTip(tip)
    b.setAccessibleName(tip)
    b.clicked.connect(lambda _checked=False: slot())
    return b
