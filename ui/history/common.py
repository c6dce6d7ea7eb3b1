"""Small builders the history window's tabs share: a read-only table and a button with an icon."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTableView

from ..icons import icon


def table_view(model) -> QTableView:
    """A read-only, single-row-selection table over ``model``."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def button(text: str, meaning: str, slot) -> QPushButton:
    b = QPushButton(icon(meaning), text)
    b.clicked.connect(slot)
    return b
