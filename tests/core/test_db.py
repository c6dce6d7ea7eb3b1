"""The store: opening, refusing foreign or damaged files, migrations, transactions."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from fazhi_desktop.db import APPLICATION_ID, migrate_db, open_db, schema_version, transaction, connect
from fazhi_desktop.errors import DatabaseError
from fazhi_desktop.migrations import LATEST, MIGRATIONS
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.sessions import create_session, list_sessions


def test_new_database_is_ours_in_wal_with_foreign_keys(db_path):
    db = open_db(db_path)
    assert schema_version(db) == LATEST
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_missing_folder_is_created(tmp_path):
    path = tmp_path / "a" / "b" / "fazhi.db"
    open_db(path).conn.close()
    assert path.exists()


def test_first_schema_version_migrates_and_keeps_data(db_path):
    # Build a database exactly as the first release left it, with a session in it.
    db = connect(db_path)
    migrate_db(db, target=1)
    assert schema_version(db) == 1
    db.execute("INSERT INTO sessions (title, template_name, grades_json, timing_json, created_at, updated_at) "
               "VALUES ('旧评议会', 't', '[]', '{}', 'x', 'x')")
    assert "audit_log" not in db.table_names()
    db.conn.close()

    db = open_db(db_path)
    assert schema_version(db) == LATEST == len(MIGRATIONS)
    assert "audit_log" in db.table_names() and "submissions" in db.table_names()
    assert [r["title"] for r in list_sessions(db)] == ["旧评议会"]


def test_text_file_is_refused_and_untouched(db_path):
    db_path.write_text("这不是数据库", encoding="utf-8")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="不是法治评议的数据库"):
        open_db(db_path)
    assert db_path.read_bytes() == before


def test_other_programs_sqlite_is_refused_and_untouched(db_path):
    other = sqlite3.connect(db_path)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.commit()
    other.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="别的程序"):
        open_db(db_path)
    assert db_path.read_bytes() == before


def test_truncated_database_is_refused_and_untouched(db_path):
    db = open_db(db_path)
    create_session(db, title="会", template=builtin_templates()[0])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:1500])  # header intact, pages cut off
    with pytest.raises(DatabaseError, match="损坏"):
        open_db(db_path)
    assert db_path.read_bytes() == data[:1500]


def test_database_from_a_newer_program_is_refused(db_path):
    db = open_db(db_path)
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.conn.close()
    with pytest.raises(DatabaseError, match="更新版本"):
        open_db(db_path)
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_is_reported(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(DatabaseError, match="不可写"):
            open_db(folder / "fazhi.db")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_folder_is_reported_via_access(tmp_path, monkeypatch):
    # Runs as root too: os.access is what the check consults.
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    with pytest.raises(DatabaseError, match="只读"):
        open_db(tmp_path / "fazhi.db")


def test_directory_as_database_path_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="文件夹"):
        open_db(tmp_path)


def test_transaction_rolls_back_everything_on_error(fresh_db):
    with pytest.raises(RuntimeError):
        with transaction(fresh_db):
            create_session(fresh_db, title="一", template=builtin_templates()[0])
            create_session(fresh_db, title="二", template=builtin_templates()[0])
            raise RuntimeError("boom")
    assert list_sessions(fresh_db) == []


def test_nested_transaction_failure_keeps_outer_work(fresh_db):
    with transaction(fresh_db):
        create_session(fresh_db, title="外", template=builtin_templates()[0])
        with pytest.raises(RuntimeError):
            with transaction(fresh_db):
                create_session(fresh_db, title="内", template=builtin_templates()[0])
                raise RuntimeError
    assert [r["title"] for r in list_sessions(fresh_db)] == ["外"]


def test_a_migration_cut_off_halfway_leaves_the_file_as_it_was(db_path):
    """sqlite3's own executescript() commits the open transaction first, so a migration cut off
    after its first statement would leave that change behind at the old version number (a re-run
    then fails on it). sqlite-utils' executescript runs the statements inside the open
    transaction; this holds it to that (the pinned 4.2.1 does)."""
    import sqlite3

    from fazhi_desktop import migrations
    from fazhi_desktop.db import connect, migrate_db

    db = connect(db_path)
    migrate_db(db, target=5)

    def half(db):
        db.executescript("ALTER TABLE audit_log ADD COLUMN chain TEXT;\n"
                         "CREATE TRIGGER t AFTER INSERT ON units BEGIN SELECT 1; END;\n")
        raise RuntimeError("power cut")

    original = migrations.MIGRATIONS[5]
    migrations.MIGRATIONS[5] = half
    try:
        with pytest.raises(RuntimeError):
            migrate_db(db)
    finally:
        migrations.MIGRATIONS[5] = original
    db.conn.close()
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 5
    assert "chain" not in [r[1] for r in raw.execute("PRAGMA table_info(audit_log)")]
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 't'").fetchone()[0] == 0
    raw.close()
