"""The writes of 评分录入 (a file import, the double-entry switch and dialog), the after-seal
corrections, the rectification ledger and the list of sessions reach another page once, through the
hub, with the service's own record: the units a file named, the unit a sheet or correction is of,
the ledger (no session). Two stale views this fixes: the live console's open-item counts after a
ledger edit in the history window, and the main window's session list after a package import (or a
seal) in the history window."""
from __future__ import annotations

import pytest

from fazhi_desktop import ledger, package, roster, scoring, sessions
from fazhi_desktop.changes import Change
from fazhi_desktop.db import open_db
from fazhi_desktop.sessions import load_template
from ui import dialogs, operations
from ui.history import HistoryWindow
from ui.history.ledger_dialogs import CloseDialog, ItemDialog

FINISHED, READY = 1, 2  # demo: the finished 2020 county review (with ledger items); the 2023 draft


@pytest.fixture
def scoring_page(qtbot, demo_db):
    from ui.scoring.panel import ScoringPage

    page = ScoringPage(demo_db, READY)
    qtbot.addWidget(page)
    page.show()
    yield page
    page._anomaly_timer.stop()
    page.close()


def test_a_score_file_names_its_units_and_the_switch_every_unit(scoring_page, demo_db, other, tmp_path):
    page = scoring_page
    heard = other(demo_db, READY)
    units, experts = roster.list_units(demo_db, READY), roster.list_experts(demo_db, READY)
    (path, _leaf), = load_template(demo_db, READY).leaves()[:1]
    csv = tmp_path / "scores.csv"
    csv.write_text(f"专家,单位,指标,得分\n{experts[0].name},{units[2].name},{path},9\n"
                   f"{experts[1].name},{units[2].name},{path},8\n", encoding="utf-8")
    assert page.import_file("scores", str(csv))
    assert heard.told == [Change.of("scores", READY, [units[2].id])]  # that unit's results, once
    assert "已导入 2 个评分" in page.status.text()

    page.double_switch.setChecked(True)  # the switch: which scores count changes for every unit
    assert heard.told[1:] == [Change.of("scores", READY)] and page.double_on


def test_a_checked_sheet_is_announced_once_with_its_unit(scoring_page, demo_db, other, monkeypatch):
    page = scoring_page
    unit, expert = roster.list_units(demo_db, READY)[0], roster.list_experts(demo_db, READY)[0]
    values = ["18", "17.5", "9", "13", "14.5", "19"]
    for (_p, leaf), value in zip(load_template(demo_db, READY).leaves(), values):
        scoring.record_score(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id,
                             criterion_id=leaf.id, value=value)
    page.set_unit(unit.id)
    heard = other(demo_db, READY)

    def second_entry(dialog) -> bool:
        dialog.expert_combo.setCurrentIndex(dialog.expert_combo.findData(expert.id))
        assert dialog.forward()  # ② the blind column
        for field, value in zip(dialog.fields, values):
            field.setText(value)
        assert dialog.forward() and dialog.differences == []  # ③ all agree
        assert dialog.forward()  # 完成
        return True
    monkeypatch.setattr(dialogs, "run_dialog", second_entry)
    assert page.open_double_entry().done_sheets
    assert heard.told == [Change.of("scores", READY, [unit.id])]  # by the sheet's operation, not again by the page


def sealed_window(demo_window, demo_db):
    from fazhi_desktop import seal

    seal.seal(demo_db, session_id=FINISHED, confirmed=True)
    demo_window.open_session(FINISHED)
    return demo_window


def revise_first_score(monkeypatch, db):
    (expert, unit, criterion), value = next(iter(scoring.scores_for(db, FINISHED).items()))

    def fill(dialog) -> bool:
        for combo, wanted in ((dialog.expert, expert), (dialog.unit, unit), (dialog.criterion, criterion)):
            combo.setCurrentIndex(combo.findData(wanted))
        dialog.value.setText("7" if value != 7 else "6")
        dialog.reason.setPlainText("誊录笔误")
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(dialogs, "run_dialog", fill)
    return unit


def test_a_correction_after_sealing_is_announced_once_with_its_unit(demo_window, demo_db, other, monkeypatch):
    w = sealed_window(demo_window, demo_db)
    heard = other(demo_db, FINISHED)
    unit = revise_first_score(monkeypatch, demo_db)
    assert w.revise_meeting()
    assert heard.told == [Change.of("scores", FINISHED, [unit])]  # that unit's results; the status stood

    # from the history window, without the main window: heard all the same, once
    history = w.open_history()
    history.sessions.select(FINISHED)
    unit = revise_first_score(monkeypatch, demo_db)
    assert history.sessions.revise_selected()
    assert heard.told[1:] == [Change.of("scores", FINISHED, [unit])]
    assert sessions.get_session(demo_db, FINISHED).status == "sealed"


def test_ledger_edits_in_the_history_window_are_heard_once_each(demo_db, qtbot, other, monkeypatch):
    window = HistoryWindow(demo_db, today=lambda: "2021-10-01")
    qtbot.addWidget(window)
    heard = other(demo_db, READY)  # a page of another session: items follow units across sessions
    tab = window.ledger
    LEDGER = Change.of("ledger", None)  # noqa: N806 (the kind and its record are this change's)

    d = ItemDialog(demo_db, None, window, unit="万州区")
    d.problem.setPlainText("行政复议案件办理超期")
    d.deadline.setText("2021-13-01")
    d.accept()  # refused: nothing announced
    assert "日期" in d.error.text() and heard.told == []
    d.deadline.setText("2022-03-31")
    d.review.setPlainText("按季度复核")
    d.accept()  # the item and its review opinion: one operation, one record
    assert d.saved_id and heard.told == [LEDGER]

    item = ledger.get_item(demo_db, d.saved_id)
    c = CloseDialog(demo_db, item, window)
    c.evidence.setPlainText("已建立案件台账")
    c.accept()
    assert c.closed and heard.told == [LEDGER] * 2

    tab.apply_filters()
    tab.unit.setCurrentText("万州区")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.item(r)["id"] == d.saved_id)
    tab.view.selectRow(row)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert tab.delete() and heard.told == [LEDGER] * 3

    window.sessions.select(FINISHED)  # the demo made its items already: nothing new, nothing said
    assert window.sessions.items_from_questions() and heard.told == [LEDGER] * 3


def test_the_console_counts_an_item_added_in_the_history_window(demo_db, qtbot, monkeypatch):
    """The agenda's （整改 N） for a unit is read when the console is built; an item added for that
    unit in the history window shows there at once (before: only once the page was read again)."""
    from ui.live.console import ConsolePage

    console = ConsolePage(demo_db, READY)
    qtbot.addWidget(console)
    console.show()
    unit = roster.list_units(demo_db, READY)[0]
    row = console.agenda_model.row_of(unit.id)
    name = console.agenda_model.index(row, console.agenda_model.COL_NAME)
    assert name.data() == unit.name  # no open item from an earlier session

    window = HistoryWindow(demo_db, today=lambda: "2023-11-01")
    qtbot.addWidget(window)
    d = ItemDialog(demo_db, None, window, unit=unit.name)
    d.problem.setPlainText("普法责任清单未公开")
    d.kind.setCurrentText("持续")
    d.accept()
    assert d.saved_id
    assert name.data() == f"{unit.name}（整改 1）"
    console.open_items.set_unit(unit.id)  # (the tab 往次整改 shows the unit that presents)
    assert console.open_items.count() == 1

    window.ledger.apply_filters()
    window.ledger.unit.setCurrentText(unit.name)
    window.ledger.view.selectRow(0)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert window.ledger.delete()
    assert name.data() == unit.name and console.open_items.count() == 0
    console._timer.stop()
    console.close()


def test_a_package_imported_in_the_history_window_shows_in_the_session_list(demo_window, demo_db, tmp_path,
                                                                           monkeypatch):
    w = demo_window
    elsewhere = open_db(tmp_path / "elsewhere.db")
    try:
        sid = sessions.create_session(elsewhere, title="2024年度渝东北片区评议会",
                                      template=load_template(demo_db, READY))
        path = package.export_package(elsewhere, session_id=sid, path=tmp_path / "p.fzpkg").path
    finally:
        elsewhere.conn.close()
    model = w.session_list.model
    assert model.rowCount() == 2
    history = w.open_history()
    monkeypatch.setattr(history, "ask_path", lambda **k: str(path))
    assert history.import_package()
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "2024年度渝东北片区评议会" in titles and len(titles) == 3

    # a status changed there (sealed in the history window) shows here too
    from ui import lifecycle

    def tick(dialog) -> bool:
        dialog.confirm.setChecked(True)
        dialog.accept()
        return True
    monkeypatch.setattr(dialogs, "run_dialog", tick)
    assert lifecycle.seal(history, demo_db, FINISHED)
    assert model.index(model.row_of(FINISHED), 2).data() == "已封盘"


def test_the_window_follows_the_steps_taken_in_the_history_window(demo_window, demo_db, monkeypatch):
    """The title bar's status, the lifecycle bar and the menu follow the open session's status
    when the history window reopens, ends or seals it (before: they kept the old status until
    another session was opened, and 封盘 stayed enabled on a sealed session)."""
    from ui import lifecycle

    w = demo_window
    w.open_session(FINISHED)
    assert w.status_label.text() == "状态：已结束" and w.lifecycle_bar.status == "finished"
    history = w.open_history()

    def accept(dialog) -> bool:
        for box in ("confirm", "reason"):
            widget = getattr(dialog, box, None)
            if box == "confirm" and widget is not None:
                widget.setChecked(True)
            elif widget is not None:
                widget.setText("补录陈敏专家的纸质评分表")
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(dialogs, "run_dialog", accept)
    assert lifecycle.reopen(history, demo_db, FINISHED)
    assert w.status_label.text() == "状态：进行中" and w.lifecycle_bar.status == "live"
    assert w.actions["meeting.finish"].isEnabled() and not w.actions["meeting.seal"].isEnabled()
    assert lifecycle.finish(history, demo_db, FINISHED)
    assert w.status_label.text() == "状态：已结束" and w.actions["meeting.seal"].isEnabled()
    assert lifecycle.seal(history, demo_db, FINISHED)
    assert sessions.get_session(demo_db, FINISHED).status == "sealed"
    assert w.status_label.text() == "状态：已封盘" and w.lifecycle_bar.status == "sealed"
    assert not w.actions["meeting.seal"].isEnabled() and w.actions["meeting.revise"].isEnabled()


def test_the_history_window_follows_writes_made_elsewhere(demo_db, qtbot):
    """The history window lists sessions and the ledger: an item added from the live console's
    往次整改 panel, a session sealed or created in the main window show there without closing and
    opening it again (before: only its own writes refreshed it). Hidden, it catches up when shown."""
    from fazhi_desktop import seal

    window = HistoryWindow(demo_db, today=lambda: "2021-10-01")
    qtbot.addWidget(window)
    window.show()
    tab = window.ledger
    tab.apply_filters()
    before = tab.model.rowCount()
    assert operations.run(demo_db, lambda: ledger.add_item(demo_db, unit_name="万州区", problem="行政复议案件办理超期",
                                                             deadline="2022-03-31")).ok
    assert tab.model.rowCount() == before + 1

    model = window.sessions.model
    status = lambda sid: model.index(next(r for r in range(model.rowCount()) if model.session_id(r) == sid), 3).data()  # noqa: E731
    assert "已结束" in status(FINISHED)
    assert operations.run(demo_db, lambda: seal.seal(demo_db, session_id=FINISHED, confirmed=True)).ok
    assert "已封盘" in status(FINISHED)

    window.hide()
    rows = model.rowCount()
    assert operations.run(demo_db, lambda: sessions.create_session(demo_db, title="2024年度评议会",
                                                                     template=load_template(demo_db, READY))).ok
    assert model.rowCount() == rows  # hidden: nothing read yet
    window.show()
    assert model.rowCount() == rows + 1


def test_a_unit_added_elsewhere_shows_its_open_items_in_the_console(demo_db, qtbot):
    """A unit added in 会前筹备 while the console is open comes with its （整改 N） from earlier
    sessions (before: the new row showed the bare name until the page was read again)."""
    from ui.live.console import ConsolePage

    console = ConsolePage(demo_db, READY)
    qtbot.addWidget(console)
    console.show()
    name = next(i["unit_name"] for i in ledger.list_items(demo_db) if i["shown_status"] != "done")
    assert name not in {u.name for u in roster.list_units(demo_db, READY)}
    done = operations.run(demo_db, lambda: roster.add_unit(demo_db, session_id=READY, name=name))
    assert done.ok
    model = console.agenda_model
    shown = model.index(model.row_of(done.value.id), model.COL_NAME).data()
    assert shown.startswith(f"{name}（整改 ") and shown != name
    console._timer.stop()
    console.close()
