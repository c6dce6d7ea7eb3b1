"""The session's life in the window: begin, end (refused with the gaps, or with a reason), seal with
the fingerprint shown, reopen with a reason — from the 会议 menu and the bar above the pages."""
from __future__ import annotations

import pytest

from fazhi_desktop import seal, sessions
from fazhi_desktop.export.fingerprint import short_fingerprint
from fazhi_desktop.scoring import audit_log
from ui import dialogs
from ui.lifecycle import FinishDialog, ReopenDialog, SealDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(demo_window):
    return demo_window


def visible_steps(w):
    return [k for k, b in w.lifecycle_bar.buttons.items() if not b.isHidden()]


def answer(monkeypatch, fill):
    """Replace the modal run: ``fill(dialog)`` plays the user, then the dialog is accepted if its OK is on."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        fill(dialog)
        if not dialog.ok_button.isEnabled():
            return False
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(dialogs, "run_dialog", run)
    return seen


def test_a_meeting_from_draft_to_sealed(window, demo_db, monkeypatch):
    w = window
    assert w.open_session(2)
    assert w.tabs.currentWidget().property("page_key") == "setup"  # a draft opens on 会前筹备
    assert w.lifecycle_bar.status == "draft" and visible_steps(w) == ["meeting.begin", "meeting.finish"]
    assert not w.actions["meeting.seal"].isEnabled()

    w.actions["meeting.begin"].trigger()
    assert sessions.get_session(demo_db, 2).status == "live"
    assert w.tabs.currentWidget().property("page_key") == "live"
    assert w.status_label.text() == "状态：进行中"  # not 筹备中 any more
    assert w.lifecycle_bar.status == "live" and visible_steps(w) == ["meeting.finish"]

    # ending with every sheet missing: refused, the gaps listed, OK off until a reason is given
    def look_only(d: FinishDialog):
        assert d.gaps.count() == 70 and d.gaps.item(0).text() == "市教委 / 周立：未评分（6 项）"
        assert not d.ok_button.isEnabled()
        d.override.setChecked(True)
        assert not d.ok_button.isEnabled()  # a reason is still needed
    answer(monkeypatch, look_only)
    assert not w.finish_meeting() and sessions.get_session(demo_db, 2).status == "live"

    def with_reason(d: FinishDialog):
        d.override.setChecked(True)
        d.reason.setText("本场为演示，评分另行录入")
    answer(monkeypatch, with_reason)
    assert w.finish_meeting()
    assert sessions.get_session(demo_db, 2).status == "finished"
    assert w.status_label.text() == "状态：已结束" and visible_steps(w) == ["meeting.seal", "meeting.reopen"]
    assert any(r["action"] == "结束评议会" and r["reason"] == "本场为演示，评分另行录入" for r in audit_log(demo_db, 2))
    console = w.page("live")
    assert not console.actions["live.start_pause"].isEnabled()
    setup = w.page("setup")
    assert "重新打开" in setup.banner.text() and not setup.banner.isHidden()

    # sealing shows the fingerprint the documents carry and needs the box ticked
    expected = short_fingerprint(seal.fingerprint(demo_db, 2))

    def tick(d: SealDialog):
        assert d.short.text() == expected and not d.ok_button.isEnabled()
        d.confirm.setChecked(True)
    answer(monkeypatch, tick)
    digest = w.seal_meeting()
    assert digest and short_fingerprint(digest) == expected
    assert sessions.get_session(demo_db, 2).status == "sealed"
    assert visible_steps(w) == ["meeting.revise"] and w.actions["meeting.revise"].isEnabled()
    assert expected in w.statusBar().currentMessage()


def test_reopen_needs_a_reason_and_is_audited(window, demo_db, monkeypatch):
    w = window
    w.open_session(1)  # the demo's finished session
    assert w.tabs.currentWidget().property("page_key") == "results"

    def blank(d: ReopenDialog):
        d.reason.setText("   ")
    answer(monkeypatch, blank)
    assert not w.reopen_meeting() and sessions.get_session(demo_db, 1).status == "finished"

    answer(monkeypatch, lambda d: d.reason.setText("补录陈敏专家的纸质评分表"))
    assert w.reopen_meeting()
    assert sessions.get_session(demo_db, 1).status == "live" and w.status_label.text() == "状态：进行中"
    assert audit_log(demo_db, 1)[-1]["action"] == "重新打开"
    assert w.page("live").actions["live.end_phase"].isEnabled()
