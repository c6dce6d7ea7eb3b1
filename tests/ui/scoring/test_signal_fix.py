"""Python-side emits must not use up the references to True: PySide6 6.12.0 on Python 3.11 loses
one per emit and aborts (the pinned binding does not; ui/binding.py refuses one that does)."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    changed = Signal(int)


def test_many_emits_keep_true_alive():
    e = Emitter()
    e.changed.connect(lambda _v: None)
    before = sys.getrefcount(True)
    for k in range(5000):  # more than a loaded application holds (~1,500)
        e.changed.emit(k)
    assert sys.getrefcount(True) >= before


def test_connect_disconnect_keep_bools_alive():
    e = Emitter()

    def slot(_v):
        pass

    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(3000):
        e.changed.connect(slot)
        e.changed.disconnect(slot)
    assert sys.getrefcount(True) >= before[0] and sys.getrefcount(False) >= before[1]


def test_a_whole_session_entered_without_abort(demo_db, qtbot):
    """7 experts × 6 leaves on 5 units through the grid and the undo stack: well over 1,500 emits."""
    from fazhi_desktop import scoring
    from fazhi_desktop.roster import list_units
    from ui.scoring.grid_model import FIRST_EXPERT
    from ui.scoring.panel import ScoringPage

    page = ScoringPage(demo_db, 2)
    qtbot.addWidget(page)
    before = sys.getrefcount(True)
    for unit in list_units(demo_db, 2)[:5]:
        page.set_unit(unit.id)
        for col in range(FIRST_EXPERT, page.model.columnCount()):
            for row in page.model.leaf_rows():
                assert page.model.setData(page.model.index(row, col), "8")
    assert len(scoring.scores_for(demo_db, 2)) == 5 * 42
    assert sys.getrefcount(True) >= before - 50
    page._anomaly_timer.stop()
