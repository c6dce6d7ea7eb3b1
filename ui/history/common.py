"""A small builder the history window's tabs share: a button with an icon (their read-only tables
are ``ui.widgets.read_only_table``)."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ..icons import icon


def button(text: str, meaning: str, slot) -> QPushButton:
    b = QPushButton(icon(meaning), text)
    b.clicked.connect(slot)
    return b
