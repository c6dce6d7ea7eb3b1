"""Random packages built from a real sealed session, mutated anywhere (a value, a key, a list entry,
a file in the zip), re-signed by an attacker's key or not: every import is refused with a Chinese
message and writes nothing, or leaves a database whose ``verify`` passes. Never another exception."""
from __future__ import annotations

import copy
import json
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from fazhi_desktop import ledger, package, seal
from fazhi_desktop.db import open_db
from fazhi_desktop.demo import add_demo
from fazhi_desktop.errors import UserError
from fazhi_desktop.package.format import sign_manifest
from fazhi_desktop.verify import verify_all

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = settings(max_examples=40 * SCALE, deadline=None, database=None,  # FUZZ_SCALE=6 for a deeper hunt
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
CJK = re.compile(r"[\u4e00-\u9fff]")
TABLES = ("sessions", "units", "experts", "scores", "questions", "audit_log", "seal_log", "rectification_items",
          "unit_links", "package_imports")
WORLD: dict = {}


@pytest.fixture(scope="module", autouse=True)
def world(tmp_path_factory):
    """One sealed demo session (with a ledger item closed and a correction after sealing) packaged."""
    folder = tmp_path_factory.mktemp("pkgfuzz")
    db = open_db(folder / "origin.db")
    add_demo(db)
    item = ledger.list_items(db)[0]["id"]
    ledger.close_item(db, item_id=item, evidence="整改报告")
    seal.seal(db, session_id=1, confirmed=True, cache=False)
    e, u, c, v = db.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = 1 "
                            "LIMIT 1").fetchone()
    seal.revise_score(db, session_id=1, expert_id=e, unit_id=u, criterion_id=c, value="1" if v != "1" else "2",
                      reason="誊录笔误")
    docs = folder / "docs"
    docs.mkdir()
    (docs / "会议纪要.pdf").write_bytes(b"%PDF-1.4 minutes")
    path = package.export_package(db, session_id=1, path=folder / "p.fzpkg", documents=[docs]).path
    with zipfile.ZipFile(path) as zf:
        WORLD["files"] = {n: zf.read(n) for n in zf.namelist()}
    WORLD["data"] = json.loads(WORLD["files"]["session.json"])
    WORLD["folder"] = folder
    WORLD["attacker"] = folder / "attacker-keys"
    db.conn.close()
    yield
    shutil.rmtree(folder, ignore_errors=True)


def paths(value, prefix=()):
    """Every place in the JSON (containers too)."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, prefix + (i,))
    return out


def get(value, path):
    for p in path:
        value = value[p]
    return value


junk = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30) | st.sampled_from(["", "sealed", "draft", "absent", "8.5", "20", "-1", "1e1", "万州区",
                                              "周立", "市\x0b教委", "2020-02-30", "0" * 64, "封盘", "score"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8)


@st.composite
def mutations(draw):
    data = copy.deepcopy(WORLD["data"])
    spots = paths(data)
    count = draw(st.integers(1, 3))
    for _ in range(count):
        spots = paths(data)
        path = spots[draw(st.integers(0, len(spots) - 1))]
        op = draw(st.sampled_from(["replace", "replace", "swap", "delete", "duplicate"]))
        if not path:
            continue
        parent, last = get(data, path[:-1]), path[-1]
        if op == "replace":
            parent[last] = draw(junk)
        elif op == "swap":  # another real value from elsewhere: plausible, so deeper checks run
            other = spots[draw(st.integers(0, len(spots) - 1))]
            if other and other[:len(path)] != path and path[:len(other)] != other:
                parent[last] = copy.deepcopy(get(data, other))
        elif op == "delete":
            del parent[last]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        event(f"{op} at {path[0] if path else 'root'}")
    return data


def build(data, *, resign: bool, extra: dict[str, bytes], drop: str | None) -> Path:
    files = dict(WORLD["files"])
    if data is not None:  # None: the session data exactly as exported
        files["session.json"] = json.dumps(data, ensure_ascii=False, allow_nan=True).encode()
    files.update(extra)
    if drop:
        files.pop(drop, None)
    manifest = json.loads(files.pop("manifest.json"))
    if resign:  # the attacker recomputes every checksum and signs with a key of their own
        manifest["files"] = {n: {"sha256": package._sha(b), "size": len(b)} for n, b in files.items()}
        old = os.environ.get("FAZHI_KEY_DIR")
        os.environ["FAZHI_KEY_DIR"] = str(WORLD["attacker"])
        try:
            manifest = sign_manifest(manifest)
        finally:
            if old is None:
                os.environ.pop("FAZHI_KEY_DIR")
            else:
                os.environ["FAZHI_KEY_DIR"] = old
    path = Path(tempfile.mkdtemp(dir=WORLD["folder"])) / "m.fzpkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for n, b in files.items():
            zf.writestr(n, b)
    return path


def counts(db) -> dict:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@FUZZ
@given(data=mutations(), resign=st.booleans(), into_copy=st.booleans(),
       extra=st.dictionaries(st.sampled_from(["documents/x.pdf", "documents/../x", "documents/D:/x", "other.txt"]),
                             st.binary(max_size=8), max_size=1),
       drop=st.sampled_from([None, None, None, "documents/会议纪要.pdf"]))
def test_mutated_packages_are_refused_or_verify(data, resign, into_copy, extra, drop):
    folder = Path(tempfile.mkdtemp(dir=WORLD["folder"]))
    db = open_db(folder / "target.db")
    try:
        if into_copy:  # the target already holds the session as first packaged
            original = build(None, resign=False, extra={}, drop=None)
            package.import_package(db, original, documents_root=folder / "docs")
        before = counts(db)
        path = build(data, resign=resign, extra=extra, drop=drop)
        try:
            result = package.import_package(db, path, documents_root=folder / "docs")
        except UserError as exc:
            assert CJK.search(str(exc)), str(exc)
            assert counts(db) == before, "a refused package wrote something"
            event("refused")
            return
        event(f"accepted ({result.action})")
        reports = verify_all(db)
        assert all(r.ok for r in reports), [(r.label, r.problems) for r in reports if not r.ok]
    finally:
        db.conn.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_unmutated_package_imports_and_verifies(tmp_path):
    db = open_db(tmp_path / "t.db")
    path = build(None, resign=False, extra={}, drop=None)
    result = package.import_package(db, path, documents_root=tmp_path / "docs")
    assert result.action == "added" and all(r.ok for r in verify_all(db))
    db.conn.close()
