"""Small widget builders shared by the pages."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QToolButton

from .icons import icon


def tool_button(meaning: str, tip: str, slot: Callable[[], object]) -> QToolButton:
    """An icon button whose tooltip is also its accessible name (screen readers, tests)."""
    b = QToolButton()
    b.setIcon(icon(meaning))
    b.setToolTip(tip)
    b.setAccessibleName(tip)
    b.clicked.connect(lambda _checked=False: slot())
    return b


ERROR_STYLE = "color: #c62828;"


def error_label() -> QLabel:
    """Where a dialog or panel shows why its input was refused (red, wrapped)."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK / Cancel wired to the dialog's accept (which checks through a service) and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
