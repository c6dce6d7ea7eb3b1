"""Automatic snapshots while a session is live, and restoring one from the window."""
from __future__ import annotations

from fazhi_desktop import backup, roster, sessions
from ui import dialogs
from ui.backups import BackupKeeper
from ui.main_window import MainWindow


class Clock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def reasons(db_path):
    return sorted(s.reason for s in backup.list_snapshots(db_path))


def test_keeper_snapshots_when_live_periodically_and_at_the_end(qtbot, demo_db, db_path, monkeypatch):
    """The core decides: going live (the console's begin) and ending (finish_session) take their
    snapshot next to the status change; the periodic one falls due on events the window has."""
    from fazhi_desktop.lifecycle import finish_session
    from fazhi_desktop.live import LiveMeeting

    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    clock = Clock()
    keeper = BackupKeeper(lambda: demo_db, db_path, clock=clock, every_s=300, background=False)
    keeper.start()  # baseline: nothing live, nothing taken
    assert reasons(db_path) == []
    meeting = LiveMeeting(demo_db, 2, clock=clock, wall=clock)
    meeting.begin()
    assert reasons(db_path) == ["live"]
    clock.t += 100
    meeting.checkpoint()  # the console's 10 s checkpoint is such an event
    assert reasons(db_path) == ["live"]  # not due yet
    clock.t += 250
    meeting.checkpoint()
    assert reasons(db_path) == ["live", "periodic"]
    finish_session(demo_db, session_id=2, override_reason="演示")
    assert reasons(db_path) == ["end", "live", "periodic"]
    snap = [s for s in backup.list_snapshots(db_path) if s.reason == "end"][0]
    assert snap.session_id == 2
    keeper.stop()
    clock.t += 1000
    LiveMeeting(demo_db, 1).checkpoint()
    assert reasons(db_path) == ["end", "live", "periodic"]  # not watched any more: nothing taken


def test_a_status_change_reported_only_by_the_window_is_snapshotted(qtbot, demo_db, db_path, monkeypatch):
    """重新打开 (finished → live) is a service that does not report to the policy: the window's
    change record makes the keeper ask the core, which decides."""
    from fazhi_desktop.changes import Change
    from ui import operations

    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    keeper = BackupKeeper(lambda: demo_db, db_path, background=False)
    keeper.start()
    sessions.set_status(demo_db, session_id=1, status="live")
    assert reasons(db_path) == []  # no poll: nothing until the window says so
    operations.hub(demo_db).publish(Change.of("status", 1))
    assert reasons(db_path) == ["live"]
    keeper.stop()


def test_failed_snapshot_is_reported_and_the_meeting_goes_on(qtbot, demo_db, db_path, monkeypatch):
    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    from fazhi_desktop.errors import UserError
    from fazhi_desktop.live import LiveMeeting

    def refuse(*a, **k):
        raise UserError("无法写入备份文件夹：磁盘已满")
    monkeypatch.setattr(backup, "snapshot", refuse)
    keeper = BackupKeeper(lambda: demo_db, db_path, background=False)
    with qtbot.waitSignal(keeper.failed) as blocker:
        keeper.start()
        LiveMeeting(demo_db, 2).begin()
    keeper.stop()
    assert "磁盘已满" in blocker.args[0]
    assert sessions.get_session(demo_db, 2).status == "live"


def test_restore_from_the_window_brings_back_the_data_and_keeps_the_current_file(qtbot, demo_db, db_path,
                                                                               monkeypatch):
    w = MainWindow(demo_db, db_path)
    qtbot.addWidget(w)
    w.open_session(2, page="setup")
    snap = backup.snapshot(demo_db, reason="manual", session_id=2)
    roster.add_unit(demo_db, session_id=2, name="市审计局")  # a change made after the snapshot
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    dialog = w.show_backups()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "手动备份"
    dialog._restore()
    assert "市审计局" not in [u.name for u in roster.list_units(w.db, 2)]
    assert w.session_id == 2 and w.page("setup") is not None
    before = [s for s in backup.list_snapshots(db_path) if s.reason == "before-restore"]
    assert len(before) == 1  # the current data was kept first: it can be restored back
    assert w.restore_snapshot(before[0])
    assert "市审计局" in [u.name for u in roster.list_units(w.db, 2)]


def test_keeper_stays_quiet_when_the_database_is_closed(qtbot, db_path):
    from fazhi_desktop.changes import Change
    from fazhi_desktop.db import open_db
    from ui import operations

    db = open_db(db_path)
    keeper = BackupKeeper(lambda: db, db_path)
    keeper.start()
    db.conn.close()
    operations.hub(db).publish(Change.of("status", 1))  # no exception escapes into the Qt event loop
    keeper.stop()


def test_snapshot_runs_in_a_worker_and_reports_back_in_the_window_thread(qtbot, demo_db, db_path, monkeypatch):
    import threading

    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    seen = []
    real = backup.snapshot

    def spy(*a, **k):
        seen.append(threading.current_thread().name)
        return real(*a, **k)
    monkeypatch.setattr(backup, "snapshot", spy)
    from fazhi_desktop.live import LiveMeeting

    keeper = BackupKeeper(lambda: demo_db, db_path)
    keeper.start()
    with qtbot.waitSignal(keeper.snapshot_taken, timeout=10000) as blocker:
        LiveMeeting(demo_db, 2).begin()
    keeper.wait()
    keeper.stop()
    assert seen == ["fazhi-backup"]
    assert blocker.args[0].startswith("评议开始")
    assert reasons(db_path) == ["live"]
