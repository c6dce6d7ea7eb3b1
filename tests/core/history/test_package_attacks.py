"""Packages tried as an attacker would (issue 14): each is refused with the reason and nothing
written, or, for a legitimate continuation, accepted and verifiable."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from fazhi_desktop import chain, package, seal
from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from fazhi_desktop.package.format import sign_manifest
from fazhi_desktop.verify import verify_all, verify_session

ROOT = Path(__file__).resolve().parents[3]
TABLES = ("sessions", "units", "scores", "questions", "audit_log", "seal_log", "rectification_items", "package_imports")


def counts(db) -> dict:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def refused(db, path, match: str, **kw) -> str:
    before = counts(db)
    with pytest.raises(UserError) as err:
        package.import_package(db, path, **kw)
    assert match in str(err.value), str(err.value)
    assert counts(db) == before
    return str(err.value)


def repack(src: Path, out: Path, *, data=None, names: dict[str, bytes] | None = None, key_dir: Path | None = None,
           manifest_edit=None) -> Path:
    """Rewrite a package as an attacker: change session.json (data(d) edits in place), add files,
    recompute every checksum and sign the manifest with the attacker's own key."""
    with zipfile.ZipFile(src) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    if data is not None:
        d = json.loads(files["session.json"])
        data(d)
        files["session.json"] = json.dumps(d, ensure_ascii=False).encode()
    files.update(names or {})
    manifest = json.loads(files.pop("manifest.json"))
    manifest["files"] = {n: {"sha256": package._sha(b), "size": len(b)} for n, b in files.items()}
    if manifest_edit:
        manifest_edit(manifest)
    old = os.environ.get("FAZHI_KEY_DIR")
    if key_dir is not None:
        os.environ["FAZHI_KEY_DIR"] = str(key_dir)
    try:
        manifest = sign_manifest(manifest)
    finally:
        if key_dir is not None:
            if old is None:
                os.environ.pop("FAZHI_KEY_DIR", None)
            else:
                os.environ["FAZHI_KEY_DIR"] = old
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for n, b in files.items():
            zf.writestr(n, b)
    return out


@pytest.fixture
def sealed(demo_db, db_path):
    seal.seal(demo_db, session_id=1, confirmed=True)
    return demo_db


@pytest.fixture
def copy(sealed, db_path, tmp_path):
    """A copy of the database file, as an attacker with any SQLite tool would take it."""
    target = tmp_path / "copy.db"
    sealed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db_path, target)
    return target


def tool(path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def export_from(path, out) -> Path:
    db = open_db(path)
    try:
        return package.export_package(db, session_id=1, path=out).path
    finally:
        db.conn.close()


def test_forged_package_from_an_edited_copy_is_refused(sealed, copy, tmp_path):
    con = tool(copy)
    con.execute("UPDATE scores SET value = '9' WHERE rowid = (SELECT min(rowid) FROM scores WHERE session_id = 1 "
                "AND value != '9')")
    con.close()
    forged = export_from(copy, tmp_path / "forged.fzpkg")
    message = refused(sealed, forged, "内容与其审计记录不符")
    assert "评分" in message and "表中为 9" in message


def test_forged_score_above_the_maximum_is_refused(sealed, copy, tmp_path):
    con = tool(copy)
    con.execute("UPDATE scores SET value = '20' WHERE rowid = (SELECT min(s.rowid) FROM scores s JOIN criteria c "
                "ON c.id = s.criterion_id WHERE s.session_id = 1 AND c.max = '10')")
    con.close()
    refused(sealed, export_from(copy, tmp_path / "forged.fzpkg"), "得分“20”无效（应是 0 到 10 的数")


def test_sealed_session_set_to_draft_with_a_fake_audit_row_is_refused(sealed, copy, tmp_path, other_db_path):
    con = tool(copy)
    uid = con.execute("SELECT uid FROM sessions WHERE id = 1").fetchone()[0]
    con.execute("UPDATE sessions SET status = 'draft' WHERE id = 1")
    seq, prev = con.execute("SELECT seq, hash FROM audit_log WHERE chain = ? ORDER BY seq DESC LIMIT 1", [uid]).fetchone()
    e = chain.make_entry(chain=uid, seq=seq + 1, prev_hash=prev, action="重新打开", entity="status", ref=[],
                         state="draft", before="sealed", after="draft")
    con.execute(f"INSERT INTO audit_log (session_id, {', '.join(chain.FIELDS)}, hash) VALUES "
                f"(1, {', '.join('?' * (len(chain.FIELDS) + 1))})", [*(e[f] for f in chain.FIELDS), e["hash"]])
    con.close()
    forged = export_from(copy, tmp_path / "reopened.fzpkg")
    refused(sealed, forged, "已封盘的评议会状态被改为“draft”")
    fresh = open_db(other_db_path)
    refused(fresh, forged, "已封盘的评议会状态被改为“draft”")
    fresh.conn.close()
    assert sealed.execute("SELECT status FROM sessions WHERE id = 1").fetchone()[0] == "sealed"


def test_correction_signed_by_another_key_is_refused(sealed, copy, tmp_path, monkeypatch):
    monkeypatch.setenv("FAZHI_KEY_DIR", str(tmp_path / "attacker-keys"))
    db = open_db(copy)
    e, u, c, v = db.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = 1 "
                            "LIMIT 1").fetchone()
    seal.revise_score(db, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value="1" if v != "1" else "2",
                      reason="伪造的更正")
    out = package.export_package(db, session_id=1, path=tmp_path / "resigned.fzpkg").path
    db.conn.close()
    monkeypatch.delenv("FAZHI_KEY_DIR")
    refused(sealed, out, "签名人不同")


def test_consistent_forgery_resigned_by_the_attacker_is_refused(sealed, tmp_path):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path

    def edit(d):
        d["scores"][0][3] = "1" if d["scores"][0][3] != "1" else "2"
    forged = repack(pkg, tmp_path / "forged.fzpkg", data=edit, key_dir=tmp_path / "attacker")
    other = open_db(tmp_path / "fresh.db")
    refused(other, forged, "内容与其审计记录不符")
    other.conn.close()


def test_two_local_corrections_diverge_and_neither_is_lost(sealed, tmp_path):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    laptops = [open_db(tmp_path / f"laptop{i}.db") for i in (1, 2)]
    for db, value in zip(laptops, ("1", "2")):
        package.import_package(db, pkg)
        e, u, c = db.execute("SELECT expert_id, unit_id, criterion_id FROM scores WHERE session_id = 1 "
                             "ORDER BY expert_id, unit_id, criterion_id LIMIT 1").fetchone()
        seal.revise_score(db, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value=value, reason="更正")
    first = package.export_package(laptops[0], session_id=1, path=tmp_path / "first.fzpkg").path
    message = refused(laptops[1], first, "历史已经分叉")
    assert "第" in message and "本机" in message and "包内" in message
    assert laptops[1].execute("SELECT value FROM scores WHERE session_id = 1 ORDER BY expert_id, unit_id, "
                              "criterion_id LIMIT 1").fetchone()[0] == "2"
    for db in laptops:
        assert all(r.ok for r in verify_all(db))
        db.conn.close()


def test_signed_correction_from_the_sealer_updates_the_copy(sealed, tmp_path):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    other = open_db(tmp_path / "other.db")
    package.import_package(other, pkg)
    e, u, c, v = sealed.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = 1 "
                                "LIMIT 1").fetchone()
    seal.revise_score(sealed, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value="1" if v != "1" else "2",
                      reason="誊录笔误")
    newer = package.export_package(sealed, session_id=1, path=tmp_path / "newer.fzpkg").path
    result = package.import_package(other, newer)
    assert result.action == "updated" and verify_session(other, 1).ok
    other.conn.close()


@pytest.mark.parametrize("name", ["documents/D:/x.txt", "documents/../x.txt", "/etc/passwd", "documents//x",
                                  "documents/a\\..\\..\\x", "documents/CON", "documents/x\x0b.txt",
                                  "../../outside.txt", "documents/a:stream"])
def test_unsafe_document_names_are_refused(sealed, tmp_path, name):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    bad = repack(pkg, tmp_path / "bad.fzpkg", names={name: b"x"})
    other = open_db(tmp_path / "other.db")
    refused(other, bad, "不安全的文件名", documents_root=tmp_path / "docs")
    assert not (tmp_path / "x.txt").exists() and not (tmp_path / "outside.txt").exists()
    other.conn.close()


def test_names_differing_only_in_case_are_refused(sealed, tmp_path):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    bad = repack(pkg, tmp_path / "bad.fzpkg", names={"documents/A.pdf": b"1", "documents/a.pdf": b"2"})
    other = open_db(tmp_path / "other.db")
    refused(other, bad, "只差大小写", documents_root=tmp_path / "docs")
    other.conn.close()


def _bomb(path: Path, size: int, *, lie: bool = False) -> Path:
    """A zip whose manifest.json inflates to ``size`` bytes (streamed: the test never holds it)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1024 * 1024)
    body = b"".join(comp.compress(chunk) for _ in range(size // len(chunk))) + comp.flush()
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    info = zipfile.ZipInfo("manifest.json")
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("placeholder", b"")
    # write by hand: local header, data, central directory (zipfile can't write a precompressed body)
    import struct

    name = b"manifest.json"
    declared = 100 if lie else size
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), declared, len(name), 0) + name
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(body), declared, len(name),
                          0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local) + len(body), 0)
    path.write_bytes(local + body + central + end)
    return path


@pytest.mark.parametrize("lie", [False, True])
def test_manifest_zip_bomb_is_refused_fast_with_bounded_memory(fresh_db, tmp_path, lie):
    bomb = _bomb(tmp_path / "bomb.fzpkg", 256 * 1024 * 1024, lie=lie)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    began = time.perf_counter()
    with pytest.raises(UserError) as err:
        package.import_package(fresh_db, bomb)
    elapsed = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert ("过大" in str(err.value)) or ("清单无法读取" in str(err.value))
    assert elapsed < 2 and peak < 20 * 1024 * 1024, (elapsed, peak)


def test_old_format_package_is_refused(sealed, tmp_path):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    old = repack(pkg, tmp_path / "v1.fzpkg", manifest_edit=lambda m: m.update(version=1))
    other = open_db(tmp_path / "other.db")
    refused(other, old, "旧版本程序导出的")
    other.conn.close()


@pytest.mark.parametrize("edit, match", [
    (lambda d: d["units"][0].update(name="万州\x0b区"), "不可见或控制字符"),
    (lambda d: d["session"].update(status="bogus"), "状态“bogus”无效"),
    (lambda d: d["scores"][0].__setitem__(3, ["8"]), "无效"),
    (lambda d: d["scores"][0].__setitem__(0, {"a": 1}), "不在名单中"),
    (lambda d: d["questions"][0].update(unit=[1]), "不在名单中"),
    (lambda d: d.update(scores="x"), "应是列表"),
    (lambda d: d["session"].update(date="2020-02-30"), "日期无效"),
    (lambda d: d["audit"][0].update(seq="1"), "seq"),
    (lambda d: d["session"].pop("title"), "字段不对"),
    (lambda d: d["timing"][0].__setitem__(2, float("inf")), "时长无效"),
    (lambda d: d.update(template={"name": "x", "criteria": []}), "评分细则"),
])
def test_malformed_package_values_are_refused_as_strictly_as_a_file_import(sealed, tmp_path, edit, match):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    bad = repack(pkg, tmp_path / "bad.fzpkg", data=edit)
    other = open_db(tmp_path / "other.db")
    refused(other, bad, match)
    other.conn.close()


def test_stale_staging_of_a_killed_import_is_cleaned(sealed, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "纪要.pdf").write_bytes(b"%PDF")
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg", documents=[docs]).path
    root = tmp_path / "in"
    left = root / ".staging-999999-dead"
    left.mkdir(parents=True)
    (left / ".fazhi-import-pending").write_text("999999")
    (left / "half.pdf").write_bytes(b"%PD")
    other = open_db(tmp_path / "other.db")
    result = package.import_package(other, pkg, documents_root=root)
    assert not left.exists()
    assert (result.documents_folder / "纪要.pdf").read_bytes() == b"%PDF"
    assert not (result.documents_folder / ".fazhi-import-pending").exists()
    other.conn.close()


def test_documents_and_session_are_all_or_nothing(sealed, tmp_path, monkeypatch):
    """A failure after the documents are in place (e.g. a full disk at commit) leaves neither."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "纪要.pdf").write_bytes(b"%PDF")
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg", documents=[docs]).path
    other = open_db(tmp_path / "other.db")
    from fazhi_desktop.package import merge

    real = merge._place

    def place_then_fail(*a, **kw):
        real(*a, **kw)
        raise UserError("无法写入：磁盘已满")
    monkeypatch.setattr(merge, "_place", place_then_fail)
    refused(other, pkg, "磁盘已满", documents_root=tmp_path / "in")
    assert not any((tmp_path / "in").iterdir())
    monkeypatch.setattr(merge, "_place", real)
    result = package.import_package(other, pkg, documents_root=tmp_path / "in")  # a retry is not "identical"
    assert result.action == "added" and (result.documents_folder / "纪要.pdf").exists()
    other.conn.close()


def test_two_concurrent_imports_make_one_session(sealed, tmp_path):
    pkg = package.export_package(sealed, session_id=1, path=tmp_path / "p.fzpkg").path
    target = tmp_path / "target.db"
    open_db(target).conn.close()
    cmd = [sys.executable, "main.py", "--db", str(target), "package", "import", str(pkg)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    codes = sorted(r[0] for r in results)
    assert codes == [0, 2, 2], results
    assert all("Traceback" not in r[2] for r in results)
    db = open_db(target)
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    db.conn.close()


@pytest.fixture
def other_db_path(tmp_path):
    return tmp_path / "fresh.db"
