"""The database file tried as an attacker would (issue 14): not a regular file, a damaged large
file, a lock held by another program, a full disk, a NUL byte in a search. Each is a Chinese
message and exit 2, and nothing is written."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fazhi_desktop import backup, cli, db as dbmod, history
from fazhi_desktop.db import open_db, transaction
from fazhi_desktop.demo import add_demo
from fazhi_desktop.errors import UserError

ROOT = Path(__file__).resolve().parents[2]


def run(db_path, *args, env=None):
    return subprocess.run([sys.executable, "main.py", "--db", str(db_path), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dev_null_is_refused_and_nothing_is_left_behind():
    journal = Path("/dev/null-journal")
    existed = journal.exists()
    r = run("/dev/null", "new", "--title", "x")
    assert r.returncode == 2 and "是设备，不是普通文件" in r.stderr and "Traceback" not in r.stderr
    assert journal.exists() == existed and not Path("/dev/null-wal").exists()


def test_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    r = run(fifo, "sessions")
    assert r.returncode == 2 and "是管道，不是普通文件" in r.stderr


def _large_damaged(db_path: Path) -> str:
    """A database over 8 MB whose damage the cheap checks at open miss (a page inside a big table,
    not its first); returns the name of the good snapshot taken before the damage."""
    db = open_db(db_path)
    add_demo(db)
    db.execute("CREATE TABLE padding (x TEXT)")
    with transaction(db):  # one commit, not 90,000 (the connection autocommits: each would fsync)
        db.conn.executemany("INSERT INTO padding VALUES (?)", [("x" * 120,) for _ in range(90_000)])
    snap = backup.snapshot(db, reason="manual")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'padding'").fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    leaves = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name = 'padding' AND pagetype = 'leaf' "
                                       "ORDER BY pageno")] if _has_dbstat(db) else []
    db.conn.close()
    assert db_path.stat().st_size > dbmod.FULL_CHECK_BYTES
    victim = leaves[len(leaves) // 2] if leaves else root + 200
    with db_path.open("r+b") as fh:
        fh.seek((victim - 1) * page_size)
        fh.write(b"\xff" * 64)
    return snap.path.name


def _has_dbstat(db) -> bool:
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
        return True
    except sqlite3.Error:
        return False


def test_a_large_damaged_database_is_never_written(tmp_path):
    path = tmp_path / "big.db"
    snap = _large_damaged(path)
    before = digest(path)
    r = run(path, "new", "--title", "损坏的数据库上的新会")
    assert r.returncode == 2 and "已损坏" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert snap in r.stderr and "备份与恢复" in r.stderr
    assert digest(path) == before
    r = run(path, "sessions")  # reading what is still readable, or a clear refusal: never a traceback
    assert "Traceback" not in r.stderr


def test_database_locked_waits_then_says_so(tmp_path):
    path = tmp_path / "locked.db"
    db = open_db(path)
    add_demo(db)
    db.conn.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        began = time.perf_counter()
        r = run(path, "new", "--title", "x", env={"FAZHI_LOCK_TIMEOUT": "1"})
        elapsed = time.perf_counter() - began
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.returncode == 2 and "正被另一个程序" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert elapsed < 20


def test_a_full_disk_is_named_as_a_full_disk(tmp_path, monkeypatch, capsys):
    path = tmp_path / "full.db"
    db = open_db(path)
    sid = add_demo(db)[1]
    db.conn.close()
    real = dbmod.connect

    def full(p, **kw):
        conn = real(p, **kw)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn
    monkeypatch.setattr(dbmod, "connect", full)
    units = tmp_path / "u.csv"
    units.write_text("单位名称,汇报题目\n" + "".join(f"单位{i},{'长' * 190}\n" for i in range(80)), encoding="utf-8")
    rc = cli.run(["--db", str(path), "import", "units", str(units), "--session", str(sid)])
    err = capsys.readouterr().err
    assert rc == 2 and "磁盘已满" in err


def test_a_nul_byte_in_a_search_is_a_clear_refusal(demo_db):
    with pytest.raises(UserError, match="空字符"):
        history.search(demo_db, "执法\x00记录")
