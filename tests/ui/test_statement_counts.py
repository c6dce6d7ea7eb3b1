"""What one keystroke costs in SQL: one typed score and one Space press in the live console, in the
real window (offscreen), traced on the window's connection. The issue measured 38 and 179 (the
template loaded 3 and 22 times): pages re-read everything after each write. Now the write returns
a change record and each page updates what it names."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fazhi_desktop.sessions import set_status

from .conftest import close_window
from ui.main_window import MainWindow

READY = 2  # demo session: 10 units × 7 experts, 6 leaves

# measured: 19 and 6 (before this change 48 and 203, the template loaded 3 and 15 times)
TYPED_SCORE_BUDGET = 20
SPACE_BUDGET = 8


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


def test_no_timer_reads_the_database(live_window, qtbot):
    """Every repeating QTimer of the window, run fast with the clock running, the phones' server on
    and the results page shown: not one read. The console's checkpoint may write the running clock;
    nothing may SELECT (the results page polled every 2 s, the backup keeper every 5 s, the console's
    200 ms repaint read the units and times)."""
    w = live_window
    assert w.show_page("live")
    console = w.page("live")
    console.agenda.setFocus()
    QTest.keyClick(console.agenda, Qt.Key.Key_Space)
    assert console.meeting.running
    assert console.devices.start_server(host="127.0.0.1", port=0)
    try:
        assert w.show_page("results")
        QApplication.processEvents()
        timers = [t for t in w.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]
        assert console._timer in timers and console._checkpoint in timers  # the ones that run all meeting
        for t in timers:
            t.setInterval(15)
        with traced(w.db) as statements:
            qtbot.wait(600)
        reads = [s for s in statements if not re.match(r"\s*(BEGIN|COMMIT|INSERT INTO (unit_timing|live_state))", s)]
        assert statements, "the checkpoint ran (it writes the running clock)"
        assert reads == []
    finally:
        console.devices.stop_server()
        console.meeting.pause()
