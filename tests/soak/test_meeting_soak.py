"""The soak of issue 12: the seed-001 meeting (10 city departments, 7 experts) run through the real
main window, offscreen, on the injected meeting clock — 420 typed scores, 30 questions, the
projector with a message, the history searched, the documents exported — without losing
references to None/True/False (an unsound PySide6 aborts the process) and with bounded memory."""
from __future__ import annotations

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from fazhi_desktop import scoring
from fazhi_desktop.results import compute_results
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.sessions import load_template
from ui.main_window import MainWindow
from ui.soak import ScriptedMeeting, default_sheet, expected_finals

READY = 2  # the demo's 市级普法责任单位普法履职报告评议会: 10 units × 7 experts, template 普法履职报告评议
REF_NOISE = 50  # an unsound binding loses thousands over this meeting
RSS_LIMIT_MB = 20

# Two units scored by hand-checkable sheets (leaves: 20, 20, 10, 15, 15, 20 → 100).
# 市教委: every expert 18 + 17.5 + 9 + 13 + 14.5 + 19 = 91 → final 91.00, 优秀.
# 市公安局: totals 80, 81, 82, 83, 84, 85, 86.5 → 581.5 / 7 = 83.0714… → 83.07, 良好.
HAND = {
    0: [["18", "17.5", "9", "13", "14.5", "19"]] * 7,
    1: [["16", "16", "8", "12", "12", "16"], ["16", "16", "8", "12", "12", "17"],
        ["16", "16", "8", "12", "12", "18"], ["16", "16", "8", "12", "12", "19"],
        ["16", "16", "8", "12", "12", "20"], ["16", "16", "8", "13", "12", "20"],
        ["16", "16", "8", "14.5", "12", "20"]],
}


def sheet(unit: int, expert: int, maxima):
    return HAND[unit][expert] if unit in HAND else default_sheet(unit, expert, maxima)


@pytest.fixture
def window(qtbot, demo_db, db_path):
    w = MainWindow(demo_db, db_path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    live = w.page("live")
    if live is not None and live.projector is not None:
        live.projector.close()
    w.close()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.real_dialogs  # the driver answers the dialogs it opens as the chair would (F5, 结束, 封盘)
def test_a_whole_meeting_through_the_window_keeps_references_and_memory(window, demo_db, tmp_path):
    t = time.perf_counter()
    run = ScriptedMeeting(window, READY, sheet=sheet, export_folder=tmp_path / "export")
    report = run.run()
    took = time.perf_counter() - t
    print(f"\nsoak: {took:.1f} s; refs {report.refs}; rss MB "
          f"{ {k: round(v / 2**20, 1) for k, v in report.rss.items() if v} }; lines {report.lines()}")

    assert report.unexpected_dialogs == []
    # what the issue asks to cover
    assert (report.units, report.scores, report.questions) == (10, 420, 30)
    assert report.flashes == 10 and report.history_hits > 0
    assert {"会议纪要.pdf", "评议数据.xlsx"} <= {p.rsplit("/", 1)[-1] for p in report.exported}
    # ended and sealed through the 会议 menu; the seal shows the fingerprint the documents carry
    from fazhi_desktop.export.fingerprint import short_fingerprint
    from fazhi_desktop.seal import fingerprint
    assert report.status == "sealed" and report.fingerprint == short_fingerprint(fingerprint(demo_db, READY))

    # the binding kept its references (6.12.0 on Python 3.11 loses thousands, then aborts)
    for since in ("start", "warm"):
        lost = report.lost(since)
        assert all(n <= REF_NOISE for n in lost.values()), (since, lost)
    growth = report.rss_growth_mb("warm", "meeting")  # units 2–10: what a longer meeting would keep adding
    if growth is not None:
        assert growth <= RSS_LIMIT_MB, report.rss

    # stored exactly what was typed
    units = {u.id: u.name for u in list_units(demo_db, READY)}
    experts = {e.id: e.name for e in list_experts(demo_db, READY)}
    paths = {leaf.id: path for path, leaf in load_template(demo_db, READY).leaves()}
    stored = {(units[u], experts[e], paths[c]): v for (e, u, c), v in scoring.scores_for(demo_db, READY).items()}
    assert stored == {k: Decimal(v) for k, v in report.typed.items()}

    # results: by hand for two units, by the typed sheets for all
    results = {u.name: u for u in compute_results(demo_db, READY).units}
    assert results["市教委"].final == Decimal("91.00") and results["市教委"].grade == "优秀"
    assert results["市公安局"].final == Decimal("83.07") and results["市公安局"].grade == "良好"
    want = expected_finals(report, Decimal(100))
    assert {name: results[name].final for name in want} == want
    assert all(u.status == "complete" for u in results.values())

