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
    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    clock = Clock()
    keeper = BackupKeeper(lambda: demo_db, db_path, clock=clock, every_s=300, background=False)
    keeper.check()  # baseline: nothing live, nothing taken
    assert reasons(db_path) == []
    sessions.set_status(demo_db, session_id=2, status="live")
    keeper.check()
    assert reasons(db_path) == ["live"]
    clock.t += 100
    keeper.check()
    assert reasons(db_path) == ["live"]  # not due yet
    clock.t += 250
    keeper.check()
    assert reasons(db_path) == ["live", "periodic"]
    sessions.set_status(demo_db, session_id=2, status="finished")
    keeper.check()
    assert reasons(db_path) == ["end", "live", "periodic"]
    snap = [s for s in backup.list_snapshots(db_path) if s.reason == "end"][0]
    assert snap.session_id == 2


def test_failed_snapshot_is_reported_and_the_meeting_goes_on(qtbot, demo_db, db_path, monkeypatch):
    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    from fazhi_desktop.errors import UserError

    def refuse(*a, **k):
        raise UserError("无法写入备份文件夹：磁盘已满")
    monkeypatch.setattr(backup, "snapshot", refuse)
    keeper = BackupKeeper(lambda: demo_db, db_path, background=False)
    with qtbot.waitSignal(keeper.failed) as blocker:
        keeper.check()
        sessions.set_status(demo_db, session_id=2, status="live")
        keeper.check()
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


def test_keeper_stops_quietly_when_the_database_is_closed(qtbot, db_path):
    from fazhi_desktop.db import open_db

    db = open_db(db_path)
    keeper = BackupKeeper(lambda: db, db_path)
    keeper.start()
    db.conn.close()
    keeper.check()  # no exception escapes into the Qt event loop
    assert not keeper.timer.isActive()


def test_snapshot_runs_in_a_worker_and_reports_back_in_the_window_thread(qtbot, demo_db, db_path, monkeypatch):
    import threading

    monkeypatch.delenv("FAZHI_BACKUP_OFF", raising=False)
    seen = []
    real = backup.snapshot

    def spy(*a, **k):
        seen.append(threading.current_thread().name)
        return real(*a, **k)
    monkeypatch.setattr(backup, "snapshot", spy)
    keeper = BackupKeeper(lambda: demo_db, db_path)
    keeper.check()
    sessions.set_status(demo_db, session_id=2, status="live")
    with qtbot.waitSignal(keeper.snapshot_taken, timeout=10000) as blocker:
        keeper.check()
    keeper.wait()
    assert seen == ["fazhi-backup"]
    assert blocker.args[0].startswith("评议开始")
    assert reasons(db_path) == ["live"]
