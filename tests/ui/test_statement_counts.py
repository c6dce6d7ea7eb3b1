"""What one keystroke costs in SQL: one typed score and one Space press in the live console, in the
real window (offscreen), traced on the window's connection. The issue measured 38 and 179 (the
template loaded 3 and 22 times): pages re-read everything after each write. Now the write returns
a change record and each page updates what it names."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fazhi_desktop.sessions import set_status

from .conftest import close_window
from ui.main_window import MainWindow

READY = 2  # demo session: 10 units × 7 experts, 6 leaves

TYPED_SCORE_BUDGET = 99
SPACE_BUDGET = 999


@contextmanager
def traced(db):
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        db.conn.set_trace_callback(None)


def _report(label, statements):
    template = sum(1 for s in statements if re.search(r"FROM criteria WHERE session_id", s))
    print(f"\n{label}: {len(statements)} statements, template loaded {template} times")
    for s in statements:
        print("   ", " ".join(s.split())[:150])


@pytest.fixture
def live_window(qtbot, demo_db, db_path):
    set_status(demo_db, session_id=READY, status="live")
    w = MainWindow(demo_db, db_path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.open_session(READY)
    yield w
    close_window(w)


def test_one_typed_score_costs_a_handful_of_statements(live_window):
    w = live_window
    assert w.show_page("scoring")
    page = w.page("scoring")
    page.grid.setFocus()
    QApplication.processEvents()
    with traced(w.db) as statements:
        QTest.keyClick(QApplication.focusWidget(), "8")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()
    _report("typed score", statements)
    assert any(s.lstrip().upper().startswith("INSERT INTO SCORES") for s in statements)  # it was stored
    assert len(statements) <= TYPED_SCORE_BUDGET


def test_one_space_press_costs_a_handful_of_statements(live_window):
    w = live_window
    assert w.show_page("live")
    console = w.page("live")
    console.agenda.setFocus()
    QApplication.processEvents()
    with traced(w.db) as statements:
        QTest.keyClick(console.agenda, Qt.Key.Key_Space)
        QApplication.processEvents()
    _report("space", statements)
    running = console.meeting.running
    console.meeting.pause()  # closing the window with a running clock would ask first
    assert running
    assert len(statements) <= SPACE_BUDGET
