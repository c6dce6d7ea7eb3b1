"""Fixtures for the window tests."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from fazhi_desktop.changes import Change
from ui import operations
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


class OtherPage(operations.Listener, QWidget):
    """A page that listens (as 评分录入 or the console does) and keeps what it was told."""

    def __init__(self, db, session_id: int | None):
        super().__init__()
        self.told: list[Change] = []
        self.listen(db, session_id)

    def apply(self, change: Change) -> None:
        self.told.append(change)


@pytest.fixture
def other(qtbot):
    """``other(db, session_id)``: another page listening on the hub, shown (told at once)."""
    def make(db, session_id):
        page = OtherPage(db, session_id)
        qtbot.addWidget(page)
        page.show()
        return page
    return make
