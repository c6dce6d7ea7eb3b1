"""A setup edit reaches another page once, through the hub, with the record the service returned:
the unit added, the recusal's unit, the draw's order and fields; a lifecycle step asked from any
window (the history window too) and the console's 开始 are announced once, not again by the window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fazhi_desktop import library, roster, sessions
from fazhi_desktop.changes import Change
from ui import dialogs, lifecycle, operations
from ui.setup.view import SetupView


@pytest.fixture
def sid(fresh_db):
    return sessions.create_session(fresh_db, title="2024年度普法履职报告评议会", template=library.builtin_templates()[0])


def test_setup_edits_reach_another_page_once_with_their_units(qtbot, fresh_db, sid, other, monkeypatch):
    view = SetupView(fresh_db, sid)
    qtbot.addWidget(view)
    view.show()
    page = other(fresh_db, sid)

    view.units.new_name.setText("市教委")
    assert view.units.add()
    first = roster.list_units(fresh_db, sid)[0].id
    assert page.told == [Change.of("units", sid, [first])]  # that unit, once: the console adds one row

    view.units.new_name.setText("市公安局")
    view.units.add()
    view.experts.new_name.setText("周立")
    view.experts.add()
    assert page.told[-1] == Change.of("experts", sid) and len(page.told) == 3

    grid = view.recusals.model
    grid.reload()
    assert grid.setData(grid.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert page.told[-1] == Change.of("experts", sid, [first]) and len(page.told) == 4  # that unit's results

    view.meeting.edits["venue"].setText("市政府第一会议室")
    assert view.meeting.store("venue")
    assert page.told[-1] == Change.of("session", sid) and len(page.told) == 5

    from ui.setup.draw_dialog import DrawDialog

    monkeypatch.setattr(DrawDialog, "exec", lambda self: (self.seed.setText("382915"), self.accept(), self.result())[-1])
    assert view.draw()
    # the new order of every unit, and the seed the meeting form and the minutes show
    assert page.told[-1] == Change.of(("units", "session"), sid) and len(page.told) == 6

    view.units.new_name.setText("市教委")  # taken: refused, nothing announced
    assert not view.units.add()
    assert "已在名单中" in view.units.message.text() and len(page.told) == 6


def answer(monkeypatch, fill):
    def run(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(dialogs, "run_dialog", run)


def test_lifecycle_steps_are_announced_once_from_either_window(demo_window, demo_db, other, monkeypatch):
    w = demo_window
    w.open_session(1)  # the demo's finished session
    heard: list[Change] = []
    operations.hub(demo_db).changes.connect(heard.append)
    page = other(demo_db, 1)

    answer(monkeypatch, lambda d: d.confirm.setChecked(True))
    assert w.seal_meeting()
    assert page.told == [Change.of("status", 1)] and heard == page.told  # once, by the dialog's operation
    assert w.lifecycle_bar.status == "sealed"

    # the history window asks through the same dialogs, without the main window: still heard once
    sessions.set_status(demo_db, session_id=1, status="finished")  # (back, to reopen it)
    answer(monkeypatch, lambda d: d.reason.setText("补录陈敏专家的纸质评分表"))
    assert lifecycle.reopen(None, demo_db, 1)
    assert page.told[1:] == [Change.of("status", 1)] and len(heard) == 2


def test_the_console_beginning_is_announced_once(demo_window, demo_db):
    w = demo_window
    w.open_session(2)  # the demo's draft
    heard: list[Change] = []
    operations.hub(demo_db).changes.connect(heard.append)
    w.actions["meeting.begin"].trigger()
    assert sessions.get_session(demo_db, 2).status == "live" and w.lifecycle_bar.status == "live"
    assert len([c for c in heard if c.touches("status")]) == 1  # the console's operation, not the window again
