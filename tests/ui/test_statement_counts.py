"""What one keystroke costs in SQL: one typed score and one Space press in the live console, in the
real window (offscreen), traced on the window's connection. The issue measured 38 and 179 (the
template loaded 3 and 22 times): pages re-read everything after each write. Now the write returns
a change record and each page updates what it names."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fazhi_desktop import scoring
from fazhi_desktop.sessions import set_status

from .conftest import close_window
from ui.main_window import MainWindow
from tests.tracing import traced

READY = 2  # demo session: 10 units × 7 experts, 6 leaves

# measured: 10 and 6 (before: 48 and 203, the template loaded 3 and 15 times; then 19 and 6). The
# typed score's 10 trace lines are 6 statements (the checks with the session and the leaf's path in
# one SELECT, BEGIN, the score, the chain's head, the audit entry, COMMIT) and 4 lines the trace
# repeats for what runs inside them: pragma_user_version, the results_cache trigger (2), the chain's
# guard trigger. The grid takes the value from the change record and reads nothing.
TYPED_SCORE_BUDGET = 10
SPACE_BUDGET = 8


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


def _grid_as_stored(page) -> tuple[dict, dict]:
    model = page.model
    values = {(e, c): v for (e, _u, c), v in scoring.scores_for(model.db, model.session_id, model.unit_id).items()}
    return values, scoring.sheet_states(model.db, model.session_id, model.unit_id)


def test_the_grid_updated_from_its_writes_shows_what_is_stored(live_window):
    """The grid takes its own writes from the change record (no read): after typing a whole sheet,
    submitting it, clearing a submitted score (with a reason) and undoing, it holds exactly what a
    fresh read gives, state included (clearing a submitted score withdraws the submission)."""
    w = live_window
    assert w.show_page("scoring")
    page = w.page("scoring")
    page.ask_reason = lambda *_a: "专家更正笔误"
    model = page.model
    expert = model.experts[0]
    leaves = model.leaf_rows()
    page.grid.setCurrentIndex(model.index(leaves[0], model.column_of(expert.id)))
    page.grid.setFocus()
    for _row in leaves:
        QTest.keyClick(QApplication.focusWidget(), "7")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QApplication.processEvents()
    assert model.states[expert.id] == "complete"
    assert model.index(model.rowCount() - 1, model.column_of(expert.id)).data() == str(7 * len(leaves))
    assert _grid_as_stored(page) == (model.values, model.states)
    from ui import operations  # another source (as the console's or a phone's submit): heard on the hub,
    operations.run(w.db, lambda: scoring.submit(  # the page reads the sheet again
        w.db, session_id=model.session_id, expert_id=expert.id, unit_id=model.unit_id))
    assert model.states[expert.id] == "submitted"
    with traced(w.db) as statements:
        assert model.setData(model.index(leaves[-1], model.column_of(expert.id)), "", Qt.ItemDataRole.EditRole)
    assert not any("FROM scores WHERE session_id" in s for s in statements)  # the sheet was not read again
    assert model.states[expert.id] == "incomplete"
    assert (expert.id, model.rows[leaves[-1]].criterion_id) not in model.values
    assert _grid_as_stored(page) == (model.values, model.states)
    page.undo_stack.undo()  # the value back (audited): complete again, no longer submitted
    assert model.states[expert.id] == "complete"
    assert _grid_as_stored(page) == (model.values, model.states)


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
