"""Meeting packages: a round trip into a fresh database gives identical results and show --json;
damaged, tampered and foreign files are refused with nothing written; duplicates are refused
unless the package is newer, which updates the local copy (audited)."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fazhi_desktop import ledger, package, seal
from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from fazhi_desktop.export.fingerprint import session_fingerprint
from fazhi_desktop.history import search
from fazhi_desktop.unit_links import link_units
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.scoring import audit_log
from fazhi_desktop.show import session_dict
from fazhi_desktop.verify import verify_session

ROOT = Path(__file__).resolve().parents[3]


def _without_id(d: dict) -> dict:
    d = json.loads(json.dumps(d, ensure_ascii=False))
    d.pop("id", None)
    if "session" in d:
        d["session"].pop("id", None)
    return d


def _counts(db) -> dict:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sessions", "units", "scores", "questions", "audit_log", "rectification_items", "unit_links",
                      "search_fts")}


@pytest.fixture
def other_db(tmp_path):
    db = open_db(tmp_path / "other.db")
    yield db
    db.conn.close()


@pytest.fixture
def pkg(demo_db, tmp_path):
    ledger.create_from_questions(demo_db, session_id=1)
    first = ledger.list_items(demo_db)[0]["id"]
    ledger.close_item(demo_db, item_id=first, evidence="专项检查报告", evidence_files=["报告.pdf"])
    link_units(demo_db, old_name="万州县", new_name="万州区")
    seal.seal(demo_db, session_id=1, confirmed=True, operator="何静")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "会议纪要.pdf").write_bytes(b"%PDF-1.4 minutes")
    return package.export_package(demo_db, session_id=1, path=tmp_path / "渝东北.fzpkg", documents=[docs]).path


def test_round_trip_into_a_fresh_database_is_identical(demo_db, other_db, pkg, tmp_path):
    result = package.import_package(other_db, pkg, documents_root=tmp_path / "docs-in")
    sid = result.session_id
    assert result.action == "added"
    assert _without_id(results_json(compute_results(other_db, sid))) == \
        _without_id(results_json(compute_results(demo_db, 1)))
    assert _without_id(session_dict(other_db, sid)) == _without_id(session_dict(demo_db, 1))
    assert session_fingerprint(other_db, sid) == session_fingerprint(demo_db, 1)
    assert session_dict(other_db, sid)["status"] == "sealed"
    mine = [(i["unit_name"], i["problem"], i["status"], i["evidence_files"]) for i in ledger.list_items(demo_db)]
    theirs = [(i["unit_name"], i["problem"], i["status"], i["evidence_files"]) for i in ledger.list_items(other_db)]
    assert mine == theirs and all(i["question_id"] for i in ledger.list_items(other_db))
    assert [r["action"] for r in audit_log(other_db, sid)][-2:] == ["封盘", "导入评议会包"]
    assert "导出签名" in result.summary() and "封盘签名" in result.summary()
    assert [h.session_id for h in search(other_db, "执法记录")][:1] == [sid]
    assert other_db.execute("SELECT new_name FROM unit_links WHERE old_name = '万州县'").fetchone()[0] == "万州区"
    assert (result.documents_folder / "会议纪要.pdf").read_bytes() == b"%PDF-1.4 minutes"


def test_tampered_package_is_refused_and_nothing_is_written(demo_db, other_db, pkg, tmp_path):
    bad = tmp_path / "tampered.fzpkg"
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "session.json":
                blob = blob.replace("执法记录仪".encode(), "执法记录器".encode())
            dst.writestr(info.filename, blob)
    before = _counts(other_db)
    with pytest.raises(UserError) as err:
        package.import_package(other_db, bad, documents_root=tmp_path / "in")
    assert "已损坏或被改动" in str(err.value) and "session.json 的校验和不符" in str(err.value)
    assert _counts(other_db) == before and not (tmp_path / "in").exists()


def test_consistent_forgery_is_caught_by_the_signature(demo_db, other_db, pkg, tmp_path):
    """Someone edits a score and recomputes the checksums: the manifest's signature no longer holds."""
    forged = tmp_path / "forged.fzpkg"
    with zipfile.ZipFile(pkg) as src:
        files = {n: src.read(n) for n in src.namelist()}
    data = json.loads(files["session.json"])
    data["scores"][0][3] = "0"
    files["session.json"] = json.dumps(data, ensure_ascii=False).encode()
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["session.json"] = {"sha256": package._sha(files["session.json"]), "size": len(files["session.json"])}
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    with zipfile.ZipFile(forged, "w") as dst:
        for n, b in files.items():
            dst.writestr(n, b)
    before = _counts(other_db)
    with pytest.raises(UserError, match="签名无效"):
        package.import_package(other_db, forged)
    assert _counts(other_db) == before


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_damaged_or_foreign_files_are_refused(other_db, tmp_path, content):
    path = tmp_path / "x.fzpkg"
    path.write_bytes(content)
    before = _counts(other_db)
    with pytest.raises(UserError, match="不是法治评议的评议会包"):
        package.import_package(other_db, path)
    assert _counts(other_db) == before


def test_foreign_zip_and_truncated_package_are_refused(demo_db, other_db, pkg, tmp_path):
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(UserError, match="不是法治评议的评议会包"):
        package.import_package(other_db, foreign)
    cut = tmp_path / "cut.fzpkg"
    cut.write_bytes(pkg.read_bytes()[: pkg.stat().st_size // 2])
    with pytest.raises(UserError):
        package.import_package(other_db, cut)
    assert _counts(other_db)["sessions"] == 0


def test_duplicate_refused_newer_updates_older_refused(demo_db, other_db, pkg, tmp_path):
    package.import_package(other_db, pkg)
    with pytest.raises(UserError, match="内容与包内完全相同"):
        package.import_package(other_db, pkg)
    # at the origin, a sealed score is corrected: the newer package updates the copy
    e, u, c, v = demo_db.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = 1 "
                                 "LIMIT 1").fetchone()
    seal.revise_score(demo_db, session_id=1, expert_id=e, unit_id=u, criterion_id=c,
                      value="0" if v != "0" else "1", reason="誊录笔误")
    newer = package.export_package(demo_db, session_id=1, path=tmp_path / "newer.fzpkg").path
    result = package.import_package(other_db, newer)
    assert result.action == "updated" and result.session_id == 1
    assert other_db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    assert session_fingerprint(other_db, 1) == session_fingerprint(demo_db, 1)
    actions = [r["action"] for r in audit_log(other_db, 1)]
    assert actions[-1] == "导入更新评议会包" and "封盘后更正" in actions
    assert verify_session(other_db, 1).ok
    # the first (older) package is now refused: the copy here is newer
    with pytest.raises(UserError, match="本机的版本较新"):
        package.import_package(other_db, pkg)


def test_cli_package_export_and_import(demo_db, db_path, tmp_path):
    demo_db.conn.close()
    out = tmp_path / "p.fzpkg"
    run = lambda *a: subprocess.run([sys.executable, "main.py", *a], cwd=ROOT, capture_output=True, text=True,
                                    timeout=120)
    r = run("--db", str(db_path), "package", "export", "--session", "1", str(out))
    assert r.returncode == 0, r.stderr
    other = tmp_path / "b.db"
    r = run("--db", str(other), "package", "import", str(out))
    assert r.returncode == 0 and r.stdout.strip().splitlines()[-1] == "1"
    r = run("--db", str(other), "package", "import", str(out))
    assert r.returncode == 2 and "完全相同" in r.stderr
    (tmp_path / "junk.fzpkg").write_text("hello")
    r = run("--db", str(other), "package", "import", str(tmp_path / "junk.fzpkg"))
    assert r.returncode == 2 and "不是法治评议的评议会包" in r.stderr
    a = json.loads(run("--db", str(db_path), "results", "--session", "1", "--json").stdout)
    b = json.loads(run("--db", str(other), "results", "--session", "1", "--json").stdout)
    assert a == b
