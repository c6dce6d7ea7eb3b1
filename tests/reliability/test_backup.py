"""Snapshots: taken from a live database, listed with time/reason/session, pruned, restored."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from fazhi_desktop import backup
from fazhi_desktop.backup import (backups_dir, check_snapshot, due, latest_good_snapshot, list_snapshots, restore,
                                  snapshot)
from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from fazhi_desktop.sessions import list_sessions, update_session


def titles(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT title FROM sessions"))
    finally:
        conn.close()


def test_snapshot_of_open_database_holds_uncheckpointed_writes(demo_db, db_path):
    update_session(demo_db, session_id=2, title="刚改的标题")  # still in the WAL, not in the main file
    snap = snapshot(demo_db, reason="live", session_id=2)
    assert snap.path.parent == backups_dir(db_path) == db_path.parent / "fazhi-backups"
    assert snap.reason == "live" and snap.session_id == 2 and snap.label == "评议开始"
    assert abs((snap.at - datetime.now()).total_seconds()) < 60
    assert "刚改的标题" in titles(snap.path)
    assert check_snapshot(snap.path) is None
    # A plain file: no WAL beside it, nothing hidden left in the folder.
    assert sorted(p.name for p in snap.path.parent.iterdir()) == [snap.path.name]


def test_list_is_newest_first_and_only_last_n_are_kept(demo_db, db_path):
    start = datetime(2023, 11, 17, 9, 0, 0)
    for i in range(7):
        snapshot(demo_db, reason="periodic", session_id=2, keep=5, now=start + timedelta(minutes=5 * i))
    snaps = list_snapshots(db_path)
    assert len(snaps) == 5
    assert [s.at for s in snaps] == [start + timedelta(minutes=5 * i) for i in (6, 5, 4, 3, 2)]
    assert {s.session_id for s in snaps} == {2}


def test_same_second_snapshots_do_not_overwrite_each_other(demo_db, db_path):
    at = datetime(2023, 11, 17, 9, 0, 0)
    a = snapshot(demo_db, reason="live", session_id=2, now=at)
    b = snapshot(demo_db, reason="end", session_id=2, now=at)
    assert a.path != b.path and len(list_snapshots(db_path)) == 2


def test_snapshot_from_a_closed_file_path(demo_db, db_path):
    demo_db.conn.close()
    snap = snapshot(db_path, reason="manual")
    assert snap.session_id is None and check_snapshot(snap.path) is None


def test_restore_keeps_current_file_as_a_snapshot_first(demo_db, db_path):
    good = snapshot(demo_db, reason="live", session_id=2)
    update_session(demo_db, session_id=2, title="恢复后应消失的标题")
    demo_db.conn.close()
    before = restore(good)
    assert before is not None and before.reason == "before-restore"
    assert "恢复后应消失的标题" in titles(before.path)
    assert "恢复后应消失的标题" not in titles(db_path)
    db = open_db(db_path)  # the app reopens it: migrations and WAL as usual
    assert len(list_sessions(db)) == 2
    db.conn.close()


def test_restore_of_the_oldest_snapshot_when_the_folder_is_full(demo_db, db_path):
    start = datetime(2023, 11, 17, 9, 0, 0)
    for i in range(3):
        snapshot(demo_db, reason="periodic", session_id=2, keep=3, now=start + timedelta(minutes=i))
    oldest = list_snapshots(db_path)[-1]
    demo_db.conn.close()
    restore(oldest, keep=3)
    assert check_snapshot(db_path) is None
    assert len(list_snapshots(db_path)) == 3


def test_restore_over_a_damaged_file_keeps_its_bytes(demo_db, db_path):
    good = snapshot(demo_db, reason="live", session_id=2)
    demo_db.conn.close()
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    damaged = db_path.read_bytes()[:5000]
    db_path.write_bytes(damaged)
    assert latest_good_snapshot(db_path) == good
    kept = restore(latest_good_snapshot(db_path))
    assert kept.reason == "damaged" and kept.path.read_bytes() == damaged
    assert check_snapshot(db_path) is None
    assert latest_good_snapshot(db_path) == good  # the damaged copy is never offered


def test_a_damaged_snapshot_is_refused_and_skipped(demo_db, db_path):
    good = snapshot(demo_db, reason="live", session_id=2, now=datetime(2023, 1, 1))
    bad = snapshot(demo_db, reason="periodic", session_id=2, now=datetime(2023, 1, 2))
    bad.path.write_bytes(bad.path.read_bytes()[:3000])
    assert check_snapshot(bad.path)
    assert latest_good_snapshot(db_path) == good
    demo_db.conn.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="无法恢复"):
        restore(bad)
    assert db_path.read_bytes() == before


def test_due_every_few_minutes():
    assert due(None, 100.0)
    assert not due(100.0, 399.0, 300)
    assert due(100.0, 400.0, 300)
    assert due(100.0, 50.0, 300)  # clock went backwards
    t = datetime(2023, 11, 17, 9, 0)
    assert not due(t, t + timedelta(minutes=4), 300)
    assert due(t, t + timedelta(minutes=5), 300)


def test_restore_with_the_database_path_given(demo_db, db_path):
    """How the window calls it: ``restore(snapshot, path)``."""
    good = snapshot(demo_db, reason="end", session_id=1)
    demo_db.conn.close()
    db_path.write_bytes(b"garbage" * 100)
    restore(latest_good_snapshot(db_path), db_path)
    assert check_snapshot(db_path) is None and good.path.exists()


def test_big_snapshots_are_capped_by_size_but_three_always_stay(demo_db, db_path):
    start = datetime(2023, 11, 17, 9, 0, 0)
    for i in range(6):
        snapshot(demo_db, reason="periodic", session_id=2, now=start + timedelta(minutes=i))
    size = list_snapshots(db_path)[0].size
    backup.prune(db_path, keep=20, max_bytes=size * 4 + 1)
    assert len(list_snapshots(db_path)) == 4
    backup.prune(db_path, keep=20, max_bytes=1)
    snaps = list_snapshots(db_path)
    assert len(snaps) == backup.MIN_KEEP and snaps[0].at == start + timedelta(minutes=5)


def test_auto_snapshot_can_be_switched_off(demo_db, db_path, monkeypatch):
    monkeypatch.setenv(backup.OFF_ENV, "1")
    assert backup.auto_snapshot(demo_db, reason="live", session_id=2) is None
    assert list_snapshots(db_path) == []
    monkeypatch.delenv(backup.OFF_ENV)
    assert backup.auto_snapshot(open_db(":memory:"), reason="live") is None
    snap = backup.auto_snapshot(demo_db, reason="live", session_id=2)
    assert snap is not None and list_snapshots(db_path) == [snap]


def test_a_write_in_progress_is_not_in_the_snapshot(demo_db, db_path):
    from fazhi_desktop.db import transaction

    with pytest.raises(RuntimeError):
        with transaction(demo_db):
            demo_db.execute("UPDATE sessions SET title = '未提交的标题' WHERE id = 2")
            snap = snapshot(demo_db, reason="periodic", session_id=2)
            raise RuntimeError("rolled back")
    assert "未提交的标题" not in titles(snap.path)
