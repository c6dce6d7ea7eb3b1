"""Small widget builders shared by the pages."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QToolButton

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


def read_only_table(model, *, alternate: bool = True, stretch_last: bool = True) -> QTableView:
    """A read-only table over ``model``: whole rows, one at a time, no row numbers, no wrapping."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternate)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.setWordWrap(False)
    return view


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


class ElidedLabel(QLabel):
    """One line that ends in "…" when the space is short (a longer translation), the whole text in
    its tooltip; it asks for no more width than it is given, so it never pushes buttons off."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        if shown != super().text():
            super().setText(shown)
