"""A checklist session's own data for the fingerprint, ``show --json`` and the session package:
ratings, evidence (files by name, size and SHA-256) and the candidates' steps, by names (no row
ids). For a scored session every function here returns nothing, so what these add can never
change the fingerprint of a session sealed before checklists existed.

The fingerprint (``export/fingerprint.py``) and the package (``package.py``) are another
branch's; they call into this module at merge (see the hooks' docstrings).
"""
from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import Any

import sqlite_utils

from ..db import transaction
from ..errors import UserError
from ..roster import lookup
from ..sessions import is_checklist
from ..snapshot import CONTENT, PACKAGE, Snapshot, load_snapshot
from . import RATINGS, evidence_root

EVIDENCE_PREFIX = "evidence/"  # where evidence files go inside a package


def _is_checklist(db: sqlite_utils.Database, session_id: int) -> bool:
    return is_checklist(db, session_id)


def checklist_canonical(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """What a checklist session's fingerprint covers besides the scored part (one snapshot)."""
    if not _is_checklist(db, session_id):
        return {}
    return checklist_canonical_of(load_snapshot(db, session_id, CONTENT))


def checklist_canonical_of(snap: Snapshot) -> dict[str, Any]:
    """What a checklist session's fingerprint covers besides ``canonical_of``: its ratings, evidence
    files and steps. Empty for a scored session. Timestamps are left out (as for scores): only
    content counts."""
    if not snap.is_checklist:
        return {}
    snap.need(CONTENT, "evidence")
    units, paths = snap.unit_names, snap.leaf_paths
    ratings = sorted([units[u], paths.get(c, str(c)), r or "", note, evidence]
                     for u, c, r, note, evidence, _at in snap.ratings)
    evidence = sorted([units[u], paths.get(c, str(c)), name, sha, size]
                      for _id, u, c, name, _stored, sha, size, _at in snap.evidence)
    steps = sorted([units[u], *rest[:7]] for u, *rest in snap.steps)
    return {"ratings": ratings, "rating_evidence": evidence, "candidate_steps": steps}


def checklist_show(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """Extra keys of ``show --json`` for a checklist session: ratings with their evidence, steps."""
    if not _is_checklist(db, session_id):
        return {}
    names = lookup(db, session_id)
    units, paths = names.unit_names, names.leaf_paths
    files: dict[tuple[int, int], list[dict]] = {}
    for u, c, name, sha, size in db.execute("SELECT unit_id, criterion_id, name, sha256, size FROM rating_evidence "
                                            "WHERE session_id = ? ORDER BY id", [session_id]):
        files.setdefault((u, c), []).append({"name": name, "sha256": sha, "size": size})
    order = {leaf_id: i for i, leaf_id in enumerate(paths)}
    position = {u.id: u.position for u in names.units}
    rows = db.execute("SELECT unit_id, criterion_id, rating, note, evidence_text FROM ratings WHERE session_id = ?",
                      [session_id]).fetchall()
    rows.sort(key=lambda r: (position.get(r[0], 0), order.get(r[1], 0)))
    ratings = [{"unit": units[u], "criterion": paths.get(c), "rating": RATINGS.get(r) if r else None, "code": r,
                "note": note, "evidence": evidence, "files": files.get((u, c), [])} for u, c, r, note, evidence in rows]
    unrated_files = [{"unit": units[u], "criterion": paths.get(c), "rating": None, "code": None, "note": "",
                      "evidence": "", "files": f} for (u, c), f in files.items()
                     if not any(r[0] == u and r[1] == c for r in rows)]
    from .steps import BY_KEY, ORDER

    steps = sorted(db.execute("SELECT unit_id, step, date, end_date, outcome, value, objections, note "
                              "FROM candidate_steps WHERE session_id = ?", [session_id]).fetchall(),
                   key=lambda r: (position.get(r[0], 0), ORDER[r[1]]))
    return {
        "ratings": ratings + unrated_files,
        "steps": [{"unit": units[u], "step": step, "label": BY_KEY[step].label, "date": day, "end_date": end,
                   "outcome": outcome, "value": float(value) if value is not None else None,
                   "objections": objections, "note": note} for u, step, day, end, outcome, value, objections, note in steps],
    }


def checklist_package_data(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """``data["checklist"]`` of a package (None for a scored session), from one snapshot."""
    if not _is_checklist(db, session_id):
        return None  # type: ignore[return-value]
    return checklist_package_of(load_snapshot(db, session_id, PACKAGE))


def checklist_package_of(snap: Snapshot) -> dict[str, Any] | None:
    """Hook for ``package.serialise.package_data``: everything needed to restore the checklist rows
    on import; None for a scored session."""
    if not snap.is_checklist:
        return None
    snap.need(PACKAGE, "demonstration records")
    units, paths = snap.unit_names, snap.leaf_paths
    return {
        "checklist_json": snap.session_row["checklist_json"],
        "ratings": [[units[u], paths[c], r, note, evidence, at] for u, c, r, note, evidence, at in snap.ratings],
        "rating_evidence": [[units[u], paths[c], name, stored, sha, size, at]
                            for _id, u, c, name, stored, sha, size, at in snap.evidence],
        "candidate_steps": [[units[u], *rest] for u, *rest in snap.steps],
        "demonstration_records": [list(r) for r in snap.extra["demonstration_records"]],
    }


def evidence_files_of(snap: Snapshot) -> list[str]:
    """The stored names of a checklist session's evidence files, each once, sorted."""
    return sorted({stored for _id, _u, _c, _name, stored, *_rest in snap.evidence or ()})


def evidence_package_files(db: sqlite_utils.Database, session_id: int,
                           snap: Snapshot | None = None) -> list[tuple[str, Path]]:
    """Hook for ``package.export_package``: (name inside the package, file) of every evidence file,
    each stored file once, under ``evidence/<uid>/<sha256><suffix>`` (of ``snap`` when given)."""
    if snap is None:
        if not _is_checklist(db, session_id):
            return []
        snap = load_snapshot(db, session_id, CONTENT)
    if not snap.is_checklist:
        return []
    root = evidence_root(db)
    stored = evidence_files_of(snap)
    missing = [s for s in stored if not (root / s).is_file()]
    if missing:
        raise UserError(f"有 {len(missing)} 个佐证文件不在 {root} 中（如 {missing[0]}），无法打包。")
    return [(EVIDENCE_PREFIX + s, root / s) for s in stored]


def restore_checklist_package_data(db: sqlite_utils.Database, session_id: int, data: dict[str, Any] | None,
                                   files: dict[str, bytes]) -> None:
    """Hook for ``package._fill`` (inside its transaction, after criteria and units are inserted):
    the checklist rows of a package, and its evidence files written into this database's evidence
    folder after their SHA-256 is checked. ``files``: {name inside the package: bytes} of the
    ``evidence/…`` entries. Nothing for a scored session's package (``data`` None)."""
    if not data:
        return
    names = lookup(db, session_id)
    unit = {n: i for i, n in names.unit_names.items()}
    crit = {p: i for i, p in names.leaf_paths.items()}
    with transaction(db):
        db.execute("UPDATE sessions SET checklist_json = ? WHERE id = ?", [data["checklist_json"], session_id])
        for u, c, r, note, evidence, at in data["ratings"]:
            db.execute("INSERT INTO ratings (session_id, unit_id, criterion_id, rating, note, evidence_text, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", [session_id, unit[u], crit[c], r, note, evidence, at])
        root = evidence_root(db)
        uid = db.execute("SELECT uid FROM sessions WHERE id = ?", [session_id]).fetchone()[0]
        for u, c, name, stored, sha, size, at in data["rating_evidence"]:
            blob = files.get(EVIDENCE_PREFIX + stored)
            if blob is None or hashlib.sha256(blob).hexdigest() != sha:
                raise UserError(f"评议会包中的佐证文件“{name}”缺失或已被改动，未导入。")
            local = f"{uid}/{PurePosixPath(stored).name}"
            target = root / local
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(blob)
            db.execute("INSERT INTO rating_evidence (session_id, unit_id, criterion_id, name, stored, sha256, size, "
                       "added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [session_id, unit[u], crit[c], name, local, sha, size, at])
        for u, *rest in data["candidate_steps"]:
            db.execute("INSERT INTO candidate_steps (session_id, unit_id, step, date, end_date, outcome, value, "
                       "objections, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [session_id, unit[u], *rest])
        for row in data.get("demonstration_records", []):
            db.execute("INSERT INTO demonstration_records (unit_name, session_id, kind, date, year, outcome, cause, "
                       "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [row[0], session_id, *row[1:]])
