"""Damaged database files are refused untouched and the last good snapshot is offered;
a backup into a read-only folder or onto a full disk gives a message and leaves nothing half-written."""
from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from fazhi_desktop import backup
from fazhi_desktop.backup import backups_dir, latest_good_snapshot, list_snapshots, snapshot
from fazhi_desktop.db import open_db
from fazhi_desktop.errors import DatabaseError, UserError
from fazhi_desktop.migrations import LATEST
from fazhi_desktop.sessions import list_sessions


@pytest.fixture
def with_snapshot(demo_db, db_path):
    """A demo database with one good snapshot, closed and checkpointed (no -wal beside it)."""
    snap = snapshot(demo_db, reason="live", session_id=2)
    demo_db.conn.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    return snap


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _random_bytes(path):
    path.write_bytes(os.urandom(40_000))


def _header_only(path):
    path.write_bytes(path.read_bytes()[:100])


def _from_the_future(path):
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 3}")
    conn.commit()
    conn.close()


def _scribbled_pages(path):
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data), page * 3):  # garble a stretch of every third page
        data[offset + 20: offset + 400] = os.urandom(380)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage, words", [
    (_truncate, "损坏"),
    (_random_bytes, "不是法治评议的数据库"),
    (_header_only, "损坏"),
    (_from_the_future, "更新版本"),
    (_scribbled_pages, "损坏"),
])
def test_damaged_file_refused_untouched_and_good_snapshot_offered(with_snapshot, db_path, damage, words):
    damage(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match=words) as info:
        open_db(db_path)
    assert "未作任何改动" in str(info.value)
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-wal").exists() or \
        db_path.with_name(db_path.name + "-wal").stat().st_size == 0
    assert latest_good_snapshot(db_path) == with_snapshot
    # And the offered snapshot really opens with the demo data.
    db = open_db(with_snapshot.path)
    assert len(list_sessions(db)) == 2
    db.conn.close()


def test_random_file_renamed_db_is_refused(tmp_path):
    path = tmp_path / "照片.db"
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5000))
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="不是法治评议的数据库"):
        open_db(path)
    assert path.read_bytes() == before
    assert latest_good_snapshot(path) is None


# -- disk and folder faults ----------------------------------------------------------------------


def _nothing_half_written(db_path):
    folder = backups_dir(db_path)
    leftovers = [p.name for p in folder.iterdir()] if folder.exists() else []
    return [name for name in leftovers if name.startswith(".") or "partial" in name]


def test_full_disk_during_backup(demo_db, db_path, monkeypatch):
    good = snapshot(demo_db, reason="live", session_id=2)

    def full_disk(source, target):
        with open(target, "wb") as fh:  # some pages made it to disk, then the disk filled up
            fh.write(b"SQLite format 3\x00" + b"\x00" * 4000)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup, "_write_snapshot", full_disk)
    with pytest.raises(UserError, match="磁盘空间不足") as info:
        snapshot(demo_db, reason="periodic", session_id=2)
    assert "评议可以继续" in str(info.value)
    assert _nothing_half_written(db_path) == []
    assert list_snapshots(db_path) == [good]
    # The app goes on: the database is intact and still takes writes.
    assert demo_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    demo_db.execute("UPDATE sessions SET venue = '会场' WHERE id = 2")


def test_file_size_limit_hits_sqlite_itself(demo_db, db_path, tmp_path):
    """A real write failure inside SQLite (RLIMIT_FSIZE in a child process), not a patched one."""
    demo_db.conn.close()
    size = db_path.stat().st_size
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({size // 2}, {size // 2}))
        from fazhi_desktop.backup import snapshot
        from fazhi_desktop.errors import UserError
        try:
            snapshot({str(db_path)!r}, reason="periodic", session_id=2)
        except UserError as exc:
            print("REFUSED", exc)
            sys.exit(0)
        print("NO ERROR")
        sys.exit(1)
    """)
    if not hasattr(os, "fork"):
        pytest.skip("RLIMIT_FSIZE is POSIX only")
    before = db_path.read_bytes()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         cwd=os.getcwd())
    assert out.returncode == 0, out.stdout + out.stderr
    assert "备份失败" in out.stdout
    assert _nothing_half_written(db_path) == [] and list_snapshots(db_path) == []
    assert db_path.read_bytes() == before


def test_read_only_backup_folder(demo_db, db_path, monkeypatch):
    folder = backups_dir(db_path)
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
    else:  # root ignores permissions: simulate what the OS would say
        def denied(source, target):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        monkeypatch.setattr(backup, "_write_snapshot", denied)
    try:
        with pytest.raises(UserError, match="不可写"):
            snapshot(demo_db, reason="live", session_id=2)
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []
    assert demo_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_folder_name_taken_by_a_file(demo_db, db_path):
    backups_dir(db_path).write_text("not a folder")
    with pytest.raises(UserError, match="备份失败"):
        snapshot(demo_db, reason="live", session_id=2)
    assert backups_dir(db_path).read_text() == "not a folder"


def test_restore_onto_a_full_disk_leaves_the_database(demo_db, db_path, monkeypatch):
    good = snapshot(demo_db, reason="live", session_id=2)
    demo_db.conn.close()
    before = db_path.read_bytes()

    def full_copy(src, dst, *a, **k):
        with open(dst, "wb") as fh:
            fh.write(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup.shutil, "copyfile", full_copy)
    monkeypatch.setattr(backup, "check_snapshot", lambda p: "损坏" if p == db_path else None)  # raw-copy path
    with pytest.raises(UserError, match="磁盘空间不足"):
        backup.restore(good)
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")] == []
    assert _nothing_half_written(db_path) == []


@pytest.mark.parametrize("damage, words", [
    (_truncate, "截断"),
    (_header_only, "截断"),
    (_from_the_future, "更新版本"),
])
def test_big_files_skip_the_full_scan_but_still_refuse_damage(with_snapshot, db_path, damage, words, monkeypatch):
    """Above FULL_CHECK_BYTES (a 1,000-session history) open_db doesn't read every page; a
    truncated file is still told from its header, untouched."""
    from fazhi_desktop import db as db_module

    monkeypatch.setattr(db_module, "FULL_CHECK_BYTES", 0)
    damage(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match=words):
        open_db(db_path)
    assert db_path.read_bytes() == before
    assert latest_good_snapshot(db_path) == with_snapshot


def test_big_sound_file_opens_with_the_cheap_checks(demo_db, db_path, monkeypatch):
    from fazhi_desktop import db as db_module

    demo_db.conn.close()
    monkeypatch.setattr(db_module, "FULL_CHECK_BYTES", 0)
    db = open_db(db_path)
    assert len(list_sessions(db)) == 2
    db.conn.close()
