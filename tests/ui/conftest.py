"""Fixtures for the window tests."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


def close_window(w) -> None:
    """Close a window and let its pages be deleted before the database closes: a page's timer
    firing afterwards would read a closed file (in the app, the window goes before the file)."""
    w.keeper.stop()
    w._clear_pages()
    w.close()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def demo_window(qtbot, demo_db, db_path):
    """The main window on the demo database, shown."""
    w = MainWindow(demo_db, db_path)
    qtbot.addWidget(w)
    w.show()
    yield w
    close_window(w)
