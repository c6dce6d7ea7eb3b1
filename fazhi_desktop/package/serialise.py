"""Writing a package: the session by names (no row ids), its whole audit chain and seal log, its
rectification items and the links of its units' former names; signed by this installation."""
from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import sqlite_utils

from .. import __version__
from ..chain import FIELDS, entries
from ..db import now_iso
from ..errors import UserError
from ..labels import status_label
from ..replay import ITEM_FIELDS, criterion_paths
from ..sessions import get_session
from ..tempfiles import temp_name
from .format import DATA, DOCS, FORMAT, MANIFEST, VERSION, name_problem, sha256, sign_manifest

SESSION_COLS = ("uid", "title", "kind", "date", "venue", "organisers", "chair", "host", "secretary", "status",
                "order_mode", "draw_seed", "draw_at", "draw_witness", "summary", "created_at", "updated_at")
SEAL_COLS = ("at", "action", "operator", "reason", "fingerprint_before", "fingerprint_after", "signer", "signer_name",
             "signature")


def fingerprint(db: sqlite_utils.Database, session_id: int) -> str:
    from ..seal import fingerprint as fp

    return fp(db, session_id)


def session_data(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """Everything a package holds about the session, by names."""
    from ..replay import template_state

    get_session(db, session_id)
    row = db.execute(f"SELECT {', '.join(SESSION_COLS)} FROM sessions WHERE id = ?", [session_id]).fetchone()
    session = dict(zip(SESSION_COLS, row))
    units = dict(db.execute("SELECT id, name FROM units WHERE session_id = ?", [session_id]).fetchall())
    experts = dict(db.execute("SELECT id, name FROM experts WHERE session_id = ?", [session_id]).fetchall())
    paths = criterion_paths(db, session_id)
    questions = {}
    out_questions = []
    for qid, quid, u, e, text, answer, c, problem, measure, deadline, at, elapsed in db.execute(
            "SELECT id, uid, unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline, at, elapsed_s "
            "FROM questions WHERE session_id = ? ORDER BY at, id", [session_id]):
        questions[qid] = quid
        out_questions.append({"uid": quid, "unit": units[u], "expert": experts.get(e), "text": text, "answer": answer,
                              "criterion": paths.get(c) if c is not None else None, "problem": bool(problem),
                              "measure": measure, "deadline": deadline, "at": at, "elapsed_s": elapsed})
    live = db.execute("SELECT unit_id, phase, running, elapsed_s, started_wall, extra_s, updated_at FROM live_state "
                      "WHERE session_id = ?", [session_id]).fetchone()
    names = set(units.values())
    links = [dict(r) for r in db.query("SELECT old_name, new_name, note, created_at FROM unit_links")
             if r["old_name"] in names or r["new_name"] in names]
    from ..checklist.canonical import checklist_package_data

    checklist = checklist_package_data(db, session_id)  # None for a scored session: its package is as before
    items = []
    for r in db.query(f"SELECT uid, question_id, {', '.join(ITEM_FIELDS)}, created_at, updated_at "
                      "FROM rectification_items WHERE session_id = ? ORDER BY id", [session_id]):
        r = dict(r)
        r["question"] = questions.get(r.pop("question_id"))
        r["evidence_files"] = json.loads(r["evidence_files"] or "[]")
        r["status"] = status_label(r["status"])  # the package carries the words (its format predates codes)
        items.append(r)
    return {
        "session": session,
        "template": template_state(db, session_id),
        "units": [{"name": n, "presenter": p, "presenter_title": pt, "report_title": rt, "status": st}
                  for n, p, pt, rt, st in db.execute(
                      "SELECT name, presenter, presenter_title, report_title, status FROM units WHERE session_id = ? "
                      "ORDER BY position, id", [session_id])],
        "experts": [{"name": n, "category": c, "affiliation": a} for n, c, a in db.execute(
            "SELECT name, category, affiliation FROM experts WHERE session_id = ? ORDER BY position, id", [session_id])],
        "recusals": sorted([experts[e], units[u]] for e, u in db.execute(
            "SELECT expert_id, unit_id FROM recusals WHERE session_id = ?", [session_id])),
        "scores": [[experts[e], units[u], paths[c], v, at] for e, u, c, v, at in db.execute(
            "SELECT expert_id, unit_id, criterion_id, value, updated_at FROM scores WHERE session_id = ? "
            "ORDER BY unit_id, expert_id, criterion_id", [session_id])],
        "submissions": [[experts[e], units[u], at] for e, u, at in db.execute(
            "SELECT expert_id, unit_id, submitted_at FROM submissions WHERE session_id = ? ORDER BY unit_id, expert_id",
            [session_id])],
        "external": [[units[u], comp, v, at] for u, comp, v, at in db.execute(
            "SELECT unit_id, component, value, updated_at FROM external_values WHERE session_id = ? "
            "ORDER BY unit_id, component", [session_id])],
        "timing": [[units[u], phase, sec, extra, start, end] for u, phase, sec, extra, start, end in db.execute(
            "SELECT t.unit_id, t.phase, t.seconds, t.extra_s, t.started_at, t.ended_at FROM unit_timing t "
            "JOIN units u ON u.id = t.unit_id WHERE u.session_id = ? ORDER BY t.unit_id, t.phase", [session_id])],
        "questions": out_questions,
        "live_state": None if live is None else {
            "unit": units.get(live[0]), "phase": live[1], "running": bool(live[2]), "elapsed_s": live[3],
            "started_wall": live[4], "extra_s": live[5], "updated_at": live[6]},
        "audit": [{k: e[k] for k in (*FIELDS, "hash")} for e in entries(db, session["uid"])],
        "seal_log": [dict(r) for r in db.query(f"SELECT {', '.join(SEAL_COLS)} FROM seal_log WHERE session_id = ? "
                                               "ORDER BY id", [session_id])],
        "rectification_items": items,
        "unit_links": links,
        **({"checklist": checklist} if checklist is not None else {}),
    }


def _document_files(documents: Sequence[Path | str]) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for doc in documents:
        doc = Path(doc)
        if doc.is_dir():
            found += [(f"{DOCS}{p.relative_to(doc).as_posix()}", p) for p in sorted(doc.rglob("*")) if p.is_file()]
        elif doc.is_file():
            found.append((f"{DOCS}{doc.name}", doc))
        else:
            raise UserError(f"要放入评议会包的文件不存在：{doc}")
    for name, p in found:
        why = name_problem(name)
        if why:
            raise UserError(f"会议材料 {p} 的文件名不能放入评议会包：{why}。请改名后再导出。")
    return found


@dataclass
class PackageInfo:
    path: Path
    uid: str
    title: str
    fingerprint: str
    files: list[str] = field(default_factory=list)
    signer: str = ""


def export_package(db: sqlite_utils.Database, *, session_id: int, path: Path | str,
                   documents: Sequence[Path | str] = ()) -> PackageInfo:
    """Write the package; the file appears only when complete (written under a temporary name)."""
    from ..signing import key_id

    path = Path(path)
    from ..checklist.canonical import evidence_package_files

    data = session_data(db, session_id)
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    # a checklist session's evidence files travel as documents/evidence/<uid>/<sha256>.<suffix>
    docs = _document_files(documents) + [(DOCS + name, file) for name, file in evidence_package_files(db, session_id)]
    digest = fingerprint(db, session_id)
    files = {DATA: {"sha256": sha256(payload), "size": len(payload)}}
    for name, doc in docs:
        blob = doc.read_bytes()
        files[name] = {"sha256": sha256(blob), "size": len(blob)}
    audit = data["audit"]
    manifest = sign_manifest({
        "format": FORMAT, "version": VERSION, "app_version": __version__, "created_at": now_iso(),
        "session": {"uid": data["session"]["uid"], "title": data["session"]["title"], "date": data["session"]["date"],
                    "status": data["session"]["status"], "fingerprint": digest,
                    "chain_head": audit[-1]["hash"] if audit else None, "entries": len(audit)},
        "files": files,
    })
    tmp = temp_name(path)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            zf.writestr(DATA, payload)
            for name, doc in docs:
                zf.write(doc, name)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        from ..errors import os_error_text

        raise UserError(f"无法写入评议会包 {path}：{os_error_text(exc)}") from exc
    return PackageInfo(path, data["session"]["uid"], data["session"]["title"], digest, sorted(files),
                       f"{manifest['signature']['signer_name']}（{key_id(manifest['signature']['signer'])}）")
