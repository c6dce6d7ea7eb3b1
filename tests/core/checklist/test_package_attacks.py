"""A 示范创建 session in a signed package, attacked as a scored one is in
tests/core/history/test_package_attacks.py: a rating changed in a copy of the database, an
evidence file swapped inside the zip, and malformed checklist rows are all refused in words, with
nothing written."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from fazhi_desktop import package
from fazhi_desktop.checklist.demo import add_checklist_demo
from fazhi_desktop.checklist.evidence import add_evidence, evidence_root
from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from fazhi_desktop.roster import list_units
from fazhi_desktop.seal import seal
from fazhi_desktop.sessions import load_template
from tests.core.history.test_package_attacks import repack

TABLES = ("sessions", "ratings", "rating_evidence", "candidate_steps", "audit_log")


def counts(db) -> dict:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def refused(db, path, match: str) -> str:
    before = counts(db)
    with pytest.raises(UserError) as err:
        package.import_package(db, path)
    assert match in str(err.value), str(err.value)
    assert counts(db) == before
    return str(err.value)


@pytest.fixture
def assessment(fresh_db, tmp_path):
    """A sealed assessment with one evidence file; returns (db, session id, its package)."""
    sid = add_checklist_demo(fresh_db)
    fresh_db.execute("UPDATE sessions SET status = 'live' WHERE id = ?", [sid])
    unit = list_units(fresh_db, sid)[0]
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    scan = tmp_path / "制度清单.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence")
    add_evidence(fresh_db, session_id=sid, unit_id=unit.id, criterion_id=leaf.id, path=scan)
    fresh_db.execute("UPDATE sessions SET status = 'finished' WHERE id = ?", [sid])
    seal(fresh_db, session_id=sid, confirmed=True)
    pkg = package.export_package(fresh_db, session_id=sid, path=tmp_path / "评估.fzpkg").path
    return fresh_db, sid, pkg


def test_a_rating_changed_in_a_copy_of_the_database_is_refused(assessment, db_path, tmp_path):
    db, sid, _pkg = assessment
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    shutil.copytree(evidence_root(db), tmp_path / "copy-evidence")  # the attacker copies the folder too
    con = sqlite3.connect(copy, isolation_level=None)
    changed = con.execute("UPDATE ratings SET rating = 'met' WHERE rowid = (SELECT min(rowid) FROM ratings "
                          "WHERE session_id = ? AND rating = 'unmet')", [sid]).rowcount
    con.close()
    assert changed == 1
    other = open_db(copy)
    forged = package.export_package(other, session_id=sid, path=tmp_path / "forged.fzpkg").path
    other.conn.close()
    refused(db, forged, "审计记录与本机相同，内容却不同")
    elsewhere = open_db(tmp_path / "elsewhere.db")  # a laptop that never held the session
    message = refused(elsewhere, forged, "未导入")
    elsewhere.conn.close()
    assert "指纹" in message or "不符" in message, message


def test_a_swapped_evidence_file_is_refused(assessment, tmp_path):
    db, _sid, pkg = assessment
    import zipfile

    with zipfile.ZipFile(pkg) as zf:
        [name] = [n for n in zf.namelist() if n.startswith("documents/evidence/")]
    bad = repack(pkg, tmp_path / "swapped.fzpkg", names={name: b"%PDF-1.4 something else"})
    other = open_db(tmp_path / "other.db")
    refused(other, bad, "佐证文件“制度清单.pdf”缺失或已被改动")
    other.conn.close()


@pytest.mark.parametrize("edit, match", [
    (lambda d: d["checklist"]["ratings"][0].__setitem__(2, "大体达标"), "评定无效"),
    (lambda d: d["checklist"]["ratings"][0].__setitem__(0, "不存在区"), "单位或指标不是本场的"),
    (lambda d: d["checklist"]["ratings"].append(list(d["checklist"]["ratings"][0])), "同一单位、指标重复"),
    (lambda d: d["checklist"]["rating_evidence"][0].__setitem__(3, "../../etc/passwd"), "存放名无效"),
    (lambda d: d["checklist"]["candidate_steps"][0].__setitem__(5, "120"), "数值无效"),
    (lambda d: d["checklist"].pop("ratings"), "指标评定部分缺失或字段不对"),
    (lambda d: d.pop("checklist"), "指标评定部分缺失或字段不对"),
])
def test_malformed_checklist_rows_are_refused(assessment, tmp_path, edit, match):
    _db, _sid, pkg = assessment
    bad = repack(pkg, tmp_path / "bad.fzpkg", data=edit)
    other = open_db(tmp_path / "other.db")
    refused(other, bad, match)
    other.conn.close()


def test_a_scored_package_with_checklist_rows_is_refused(demo_db, tmp_path):
    pkg = package.export_package(demo_db, session_id=1, path=tmp_path / "p.fzpkg").path
    bad = repack(pkg, tmp_path / "bad.fzpkg", data=lambda d: d.update(checklist={"ratings": []}))
    other = open_db(tmp_path / "other.db")
    refused(other, bad, "计分评议会的包不应有指标评定")
    other.conn.close()
