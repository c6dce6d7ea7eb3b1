"""Evidence files (佐证材料) attached to an indicator rating: copied into a folder beside the
database, ``<db stem>-evidence/<session uid>/``, under their SHA-256 (the same file attached twice
is stored once), and listed by their own names with size and checksum.

The copy is written first (to a temporary name, then renamed into place), the database row after,
in one transaction; a refused or failed insert removes a copy that nothing else refers to. So the
folder never lacks a file that the database lists, and a crash leaves at most an unreferenced copy.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..db import now_iso, transaction
from ..errors import UserError
from ..scoring import audit
from ..sessions import ensure_editable
from ..snapshot import CONTENT, Snapshot
from . import evidence_root
from .ratings import _target

MAX_BYTES = 512 * 1024 ** 2  # a scanned dossier can be large; more than this is not a single piece of evidence


@dataclass(frozen=True)
class Evidence:
    id: int
    unit_id: int
    criterion_id: int
    name: str  # the file's own name, as listed
    stored: str  # relative to the evidence folder
    sha256: str
    size: int
    added_at: str

    def size_text(self) -> str:
        if self.size < 1024:
            return f"{self.size} B"
        if self.size < 1024 ** 2:
            return f"{self.size / 1024:.0f} KB"
        return f"{self.size / 1024 ** 2:.1f} MB"


def evidence_path(db: sqlite_utils.Database, item: Evidence) -> Path:
    return evidence_root(db) / item.stored


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def list_evidence(db: sqlite_utils.Database, session_id: int, unit_id: int | None = None,
                  criterion_id: int | None = None) -> list[Evidence]:
    sql = ("SELECT id, unit_id, criterion_id, name, stored, sha256, size, added_at FROM rating_evidence "
           "WHERE session_id = ?")
    params: list[object] = [session_id]
    if unit_id is not None:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    if criterion_id is not None:
        sql += " AND criterion_id = ?"
        params.append(criterion_id)
    return [Evidence(*r) for r in db.execute(sql + " ORDER BY unit_id, criterion_id, id", params)]


def _free_name(db: sqlite_utils.Database, unit_id: int, criterion_id: int, name: str, sha: str) -> str | None:
    """The name to list the file under: its own, or 名称（2）.pdf when another file has it; None
    when this very file is already attached under that name."""
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 2
    while True:
        row = db.execute("SELECT sha256 FROM rating_evidence WHERE unit_id = ? AND criterion_id = ? AND name = ?",
                         [unit_id, criterion_id, candidate]).fetchone()
        if row is None:
            return candidate
        if row[0] == sha:
            return None
        candidate, n = f"{stem}（{n}）{suffix}", n + 1


def add_evidence(db: sqlite_utils.Database, *, session_id: int, unit_id: int, criterion_id: int,
                 path: Path | str, operator: str = "") -> Evidence | None:
    """Copy ``path`` in as evidence for the rating; None when the same file is already attached."""
    ensure_editable(db, session_id, "ratings")
    unit, _status, indicator = _target(db, session_id, unit_id, criterion_id)
    source = Path(path)
    if not source.is_file():
        raise UserError(f"{unit} / {indicator}：找不到佐证文件 {source}。")
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"{unit} / {indicator}：佐证文件 {source.name} 过大（超过 {MAX_BYTES // 1024 ** 2} MB）。")
        sha = _sha256(source)
    except OSError as exc:
        raise UserError(f"{unit} / {indicator}：无法读取佐证文件 {source}（{exc.strerror or exc}）。") from exc
    name = _free_name(db, unit_id, criterion_id, source.name, sha)
    if name is None:
        return None
    uid = db.execute("SELECT uid FROM sessions WHERE id = ?", [session_id]).fetchone()[0]
    stored = f"{uid}/{sha}{source.suffix.lower()[:12]}"
    target = evidence_root(db) / stored
    created = False
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".evidence.", suffix=".part", dir=target.parent)
            os.close(fd)
            try:
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            raise UserError(f"无法把佐证文件 {source.name} 复制到 {target.parent}（{exc.strerror or exc}）。") from exc
        created = True
    try:
        with transaction(db):
            new_id = db.execute("INSERT INTO rating_evidence (session_id, unit_id, criterion_id, name, stored, sha256, "
                                "size, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [session_id, unit_id, criterion_id, name, stored, sha, size, now_iso()]).lastrowid
            audit(db, session_id=session_id, action="evidence.add", operator=operator, unit=unit, criterion=indicator,
                  after=f"{name}（SHA-256 {sha[:12]}）")
    except BaseException:
        if created:
            _remove_if_unused(db, stored, target)
        raise
    return next(e for e in list_evidence(db, session_id, unit_id, criterion_id) if e.id == new_id)


def _remove_if_unused(db: sqlite_utils.Database, stored: str, target: Path) -> None:
    if db.execute("SELECT 1 FROM rating_evidence WHERE stored = ? LIMIT 1", [stored]).fetchone() is None:
        try:
            target.unlink()
        except OSError:
            pass  # an orphan copy wastes space but lists nothing wrong


def remove_evidence(db: sqlite_utils.Database, *, evidence_id: int, operator: str = "") -> Evidence:
    row = db.execute("SELECT session_id FROM rating_evidence WHERE id = ?", [evidence_id]).fetchone()
    if row is None:
        raise UserError(f"没有编号为 {evidence_id} 的佐证文件。")
    session_id = row[0]
    ensure_editable(db, session_id, "ratings")
    item = next(e for e in list_evidence(db, session_id) if e.id == evidence_id)
    unit, _status, indicator = _target(db, session_id, item.unit_id, item.criterion_id)
    with transaction(db):
        db.execute("DELETE FROM rating_evidence WHERE id = ?", [evidence_id])
        audit(db, session_id=session_id, action="evidence.delete", operator=operator, unit=unit, criterion=indicator,
              before=f"{item.name}（SHA-256 {item.sha256[:12]}）")
    _remove_if_unused(db, item.stored, evidence_root(db) / item.stored)
    return item


def evidence_of(snap: Snapshot) -> list[Evidence]:
    """A snapshot's evidence files in the order :func:`list_evidence` gives (unit, indicator, id)."""
    snap.need(CONTENT, "evidence")
    return sorted((Evidence(*r) for r in snap.evidence or ()), key=lambda e: (e.unit_id, e.criterion_id, e.id))


def check_evidence(db: sqlite_utils.Database, session_id: int, items: list[Evidence] | None = None) -> list[str]:
    """Evidence files listed (``items``, else the session's stored list) but missing from the
    folder, or changed since they were attached."""
    problems = []
    try:
        root = evidence_root(db)
    except UserError:
        return []
    for item in list_evidence(db, session_id) if items is None else items:
        path = root / item.stored
        if not path.is_file():
            problems.append(f"{item.name}：文件缺失（{path}）")
        elif path.stat().st_size != item.size or _sha256(path) != item.sha256:
            problems.append(f"{item.name}：文件已被改动（校验和不符）")
    return problems
