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
from ..chain import FIELDS
from ..checklist.canonical import checklist_package_of, evidence_package_files
from ..db import now_iso
from ..errors import UserError
from ..export.fingerprint import fingerprint_of
from ..snapshot import PACKAGE, Snapshot, load_snapshot
from ..labels import status_label
from ..tempfiles import temp_name
from .format import DATA, DOCS, FORMAT, MANIFEST, VERSION, name_problem, sha256, sign_manifest

SESSION_COLS = ("uid", "title", "kind", "date", "venue", "organisers", "chair", "host", "secretary", "status",
                "order_mode", "draw_seed", "draw_at", "draw_witness", "summary", "created_at", "updated_at")


def fingerprint(db: sqlite_utils.Database, session_id: int) -> str:
    from ..seal import fingerprint as fp

    return fp(db, session_id)


def session_data(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """Everything a package holds about the session, by names (one snapshot, read in one transaction)."""
    return package_data(load_snapshot(db, session_id, PACKAGE))


def package_data(snap: Snapshot) -> dict[str, Any]:
    """Everything a package holds about the session, by names: pure, over a package-level snapshot."""
    snap.need(PACKAGE, "package parts")
    extra = snap.extra
    session = {k: snap.session_row[k] for k in SESSION_COLS}
    units, experts = snap.unit_names, snap.expert_names
    paths = extra["criterion_paths"]
    questions = {q.id: q.uid for q in snap.questions}
    out_questions = [{"uid": q.uid, "unit": units[q.unit_id], "expert": experts.get(q.expert_id), "text": q.text,
                      "answer": q.answer, "criterion": paths.get(q.criterion_id) if q.criterion_id is not None else None,
                      "problem": q.problem, "measure": q.measure, "deadline": q.deadline, "at": q.at,
                      "elapsed_s": q.elapsed_s} for q in snap.questions]
    live = extra["live_state"]
    names = set(units.values())
    links = [dict(r) for r in extra["unit_links"] if r["old_name"] in names or r["new_name"] in names]
    checklist = checklist_package_of(snap)  # None for a scored session: its package is as before
    items = []
    for r in extra["rectification_items"]:
        r = dict(r)
        r["question"] = questions.get(r.pop("question_id"))
        r["evidence_files"] = json.loads(r["evidence_files"] or "[]")
        r["status"] = status_label(r["status"])  # the package carries the words (its format predates codes)
        items.append(r)
    return {
        "session": session,
        "template": extra["template_state"],
        "units": [{"name": u.name, "presenter": u.presenter, "presenter_title": u.presenter_title,
                   "report_title": u.report_title, "status": u.status} for u in snap.units],
        "experts": [{"name": e.name, "category": e.category, "affiliation": e.affiliation} for e in snap.experts],
        "recusals": sorted([experts[e], units[u]] for e, u in snap.recusals),
        "scores": [[experts[e], units[u], paths[c], v, at] for (e, u, c), (v, at) in
                   sorted(snap.score_rows.items(), key=lambda item: (item[0][1], item[0][0], item[0][2]))],
        "submissions": [[experts[e], units[u], at] for (e, u), at in snap.submissions.items()],
        "external": [[units[x.unit_id], x.component, x.text, x.at] for x in snap.external],
        "timing": [[units[t.unit_id], t.phase, t.seconds, t.extra_s, t.started_at, t.ended_at] for t in snap.timing],
        "questions": out_questions,
        "live_state": None if live is None else {
            "unit": units.get(live[0]), "phase": live[1], "running": bool(live[2]), "elapsed_s": live[3],
            "started_wall": live[4], "extra_s": live[5], "updated_at": live[6]},
        "audit": [{k: e[k] for k in (*FIELDS, "hash")} for e in extra["audit"]],
        "seal_log": [dict(r) for r in extra["seal_log"]],
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
    # one snapshot: the data, the fingerprint in the manifest and the evidence files are of one moment
    snap = load_snapshot(db, session_id, PACKAGE)
    data = package_data(snap)
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    # a checklist session's evidence files travel as documents/evidence/<uid>/<sha256>.<suffix>
    docs = _document_files(documents) + [(DOCS + name, file) for name, file in evidence_package_files(db, session_id, snap)]
    digest = fingerprint_of(snap)
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
