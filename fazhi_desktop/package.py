"""Meeting packages (评议会包): one session as one file, to hand over or carry to another laptop.

A package is a zip file holding

- ``session.json``: the session as ``show --json`` prints it, plus what that leaves out (scores,
  submissions, external values, raw timings, live state, audit log, seal log, rectification items,
  the links of its units' former names, the session's uid and its own timestamps);
- ``documents/…``: generated documents, if any were given;
- ``manifest.json``: format and version, the session's uid, title, fingerprint and time of its
  last change, and the SHA-256 and size of every other file.

Import reads and checks everything before writing: a file that is not a zip, has no manifest of
ours, lists files that are missing or extra, or whose checksums do not match, is refused with a
Chinese message and nothing changes. The session is added with new ids in one transaction; its
fingerprint is recomputed and must equal the manifest's, otherwise the transaction is rolled back.

Duplicates (the same session is recognised by its uid, or by identical content):

- identical content already here (and no newer audit entries, such as the seal, in the package)
  → refused (nothing to do);
- the same session (uid) with different content, and the package is newer — its audit trail
  continues this database's with more entries (e.g. a revision after sealing at the origin), or,
  with the same trail, its last change is strictly later → the local copy is replaced by the
  package's content, keeping its local id, and the update is written to the audit log with the
  fingerprints before and after;
- otherwise (the local copy has changes of its own, or is the newer one) → refused, so a local
  correction is never overwritten by an older package.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Sequence

import sqlite_utils

from . import __version__
from .db import now_iso, transaction
from .errors import UserError
from .scoring import audit
from .sessions import _insert_criteria, get_session
from .show import session_dict
from .template import parse_template

FORMAT = "fazhi-review-package"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "session.json"
MAX_TOTAL_BYTES = 2 * 1024 ** 3
IMPORT_ACTIONS = ("导入评议会包", "导入更新评议会包")
_SESSION_COLS = ("title", "kind", "date", "venue", "organisers", "chair", "host", "secretary", "status",
                 "template_name", "aggregation", "components_json", "grades_json", "timing_json", "order_mode",
                 "draw_seed", "draw_at", "draw_witness", "summary", "created_at", "updated_at", "uid")
_ITEM_COLS = ("unit_name", "criterion", "source", "problem", "measure", "responsible_unit", "responsible_person",
              "deadline", "kind", "status", "evidence", "evidence_files", "closed_at", "review_opinion",
              "created_at", "updated_at")
_AUDIT_COLS = ("at", "operator", "action", "expert", "unit", "criterion", "before", "after", "reason")


def fingerprint(db: sqlite_utils.Database, session_id: int) -> str:
    try:
        from .export.fingerprint import session_fingerprint
    except ImportError:  # the export package is optional in a trimmed build
        return hashlib.sha256(json.dumps(session_dict(db, session_id), ensure_ascii=False, sort_keys=True)
                              .encode("utf-8")).hexdigest()
    return session_fingerprint(db, session_id)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _criterion_paths(db: sqlite_utils.Database, session_id: int) -> dict[int, str]:
    """{criterion id: '一级/二级'} for every node (a question may point at a parent)."""
    rows = db.execute("SELECT id, parent_id, name FROM criteria WHERE session_id = ?", [session_id]).fetchall()
    by_id = {cid: (parent, name) for cid, parent, name in rows}

    def path(cid: int) -> str:
        parent, name = by_id[cid]
        return name if parent is None else f"{path(parent)}/{name}"
    return {cid: path(cid) for cid in by_id}


def changed_at(db: sqlite_utils.Database, session_id: int) -> str | None:
    """The latest time the session's content is known to have changed (imports excluded)."""
    stamps = [r[0] for r in db.execute(
        f"""SELECT updated_at FROM sessions WHERE id = :s
            UNION ALL SELECT max(updated_at) FROM scores WHERE session_id = :s
            UNION ALL SELECT max(updated_at) FROM external_values WHERE session_id = :s
            UNION ALL SELECT max(at) FROM audit_log WHERE session_id = :s
                AND action NOT IN ({', '.join(repr(a) for a in IMPORT_ACTIONS)})
            UNION ALL SELECT max(at) FROM seal_log WHERE session_id = :s""", {"s": session_id}) if r[0]]
    return max(stamps, key=_instant) if stamps else None


def _instant(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.astimezone()


# ---------------------------------------------------------------------------------------------
# Export


def session_data(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """Everything a package holds about the session, by names (no row ids)."""
    s = get_session(db, session_id)
    row = db.execute(f"SELECT {', '.join(_SESSION_COLS)} FROM sessions WHERE id = ?", [session_id]).fetchone()
    units = dict(db.execute("SELECT id, name FROM units WHERE session_id = ?", [session_id]).fetchall())
    experts = dict(db.execute("SELECT id, name FROM experts WHERE session_id = ?", [session_id]).fetchall())
    paths = _criterion_paths(db, session_id)
    question_ids = [q for (q,) in db.execute("SELECT id FROM questions WHERE session_id = ? ORDER BY at, id",
                                             [session_id])]
    q_index = {q: i for i, q in enumerate(question_ids)}
    live = db.execute("SELECT unit_id, phase, running, elapsed_s, started_wall, extra_s, updated_at FROM live_state "
                      "WHERE session_id = ?", [session_id]).fetchone()
    names = set(units.values())
    links = [dict(r) for r in db.query("SELECT old_name, new_name, note, created_at FROM unit_links")
             if r["old_name"] in names or r["new_name"] in names]
    items = []
    for r in db.query(f"SELECT question_id, {', '.join(_ITEM_COLS)} FROM rectification_items WHERE session_id = ? "
                      "ORDER BY id", [session_id]):
        r = dict(r)
        r["question_index"] = q_index.get(r.pop("question_id"))
        r["evidence_files"] = json.loads(r["evidence_files"] or "[]")
        items.append(r)
    return {
        "show": session_dict(db, session_id),
        "session": dict(zip(_SESSION_COLS, row)),
        "questions_extra": [{"criterion": paths.get(c)} for (c,) in db.execute(
            "SELECT criterion_id FROM questions WHERE session_id = ? ORDER BY at, id", [session_id])],
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
        "live_state": None if live is None else {
            "unit": units.get(live[0]), "phase": live[1], "running": live[2], "elapsed_s": live[3],
            "started_wall": live[4], "extra_s": live[5], "updated_at": live[6]},
        "audit_log": [dict(r) for r in db.query(f"SELECT {', '.join(_AUDIT_COLS)} FROM audit_log "
                                                "WHERE session_id = ? ORDER BY id", [session_id])],
        "seal_log": [dict(r) for r in db.query("SELECT at, action, operator, reason, fingerprint_before, "
                                               "fingerprint_after FROM seal_log WHERE session_id = ? ORDER BY id",
                                               [session_id])],
        "rectification_items": items,
        "unit_links": links,
        "title": s.title,
    }


def _document_files(documents: Sequence[Path | str]) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for doc in documents:
        doc = Path(doc)
        if doc.is_dir():
            found += [(f"documents/{p.relative_to(doc).as_posix()}", p) for p in sorted(doc.rglob("*")) if p.is_file()]
        elif doc.is_file():
            found.append((f"documents/{doc.name}", doc))
        else:
            raise UserError(f"要放入评议会包的文件不存在：{doc}")
    return found


@dataclass
class PackageInfo:
    path: Path
    uid: str
    title: str
    fingerprint: str
    files: list[str] = field(default_factory=list)


def export_package(db: sqlite_utils.Database, *, session_id: int, path: Path | str,
                   documents: Sequence[Path | str] = ()) -> PackageInfo:
    """Write the package; the file appears only when complete (written under a temporary name)."""
    path = Path(path)
    data = session_data(db, session_id)
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    files: dict[str, bytes] = {DATA: payload}
    for name, doc in _document_files(documents):
        files[name] = doc.read_bytes()
    digest = fingerprint(db, session_id)
    manifest = {
        "format": FORMAT, "version": VERSION, "app_version": __version__, "created_at": now_iso(),
        "session": {"uid": data["session"]["uid"], "title": data["session"]["title"], "date": data["session"]["date"],
                    "status": data["session"]["status"], "fingerprint": digest,
                    "changed_at": changed_at(db, session_id)},
        "files": {name: {"sha256": _sha(blob), "size": len(blob)} for name, blob in files.items()},
    }
    tmp = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            for name, blob in files.items():
                zf.writestr(name, blob)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"无法写入评议会包 {path}：{exc.strerror or exc}") from exc
    return PackageInfo(path, manifest["session"]["uid"], data["title"], digest, sorted(files))


# ---------------------------------------------------------------------------------------------
# Reading and checking


@dataclass
class Package:
    manifest: dict
    data: dict
    documents: dict[str, bytes]


def read_package(path: Path | str) -> Package:
    """Read and verify a package; a damaged or foreign file raises UserError (nothing is written)."""
    path = Path(path)
    foreign = f"文件 {path.name} 不是法治评议的评议会包，未导入。"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取评议会包 {path}：{exc.strerror or exc}") from exc
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError(foreign) from None
    if MANIFEST not in names:
        raise UserError(foreign)
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except Exception:
        raise UserError(f"评议会包 {path.name} 已损坏（清单无法读取），未导入。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError(foreign)
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise UserError(f"评议会包 {path.name} 来自更新版本的法治评议（包格式 {manifest.get('version')}），"
                        "请升级程序后再导入。")
    listed = manifest.get("files")
    if not isinstance(listed, dict) or DATA not in listed:
        raise UserError(f"评议会包 {path.name} 已损坏（清单不完整），未导入。")
    present = set(names) - {MANIFEST}
    problems = [f"缺少文件 {n}" for n in sorted(set(listed) - present)]
    problems += [f"清单外的文件 {n}" for n in sorted(present - set(listed))]
    unsafe = [n for n in present if PurePosixPath(n).is_absolute() or ".." in PurePosixPath(n).parts]
    problems += [f"不安全的文件名 {n}" for n in sorted(unsafe)]
    if sum(i.file_size for i in zf.infolist()) > MAX_TOTAL_BYTES:
        problems.append("内容过大")
    blobs: dict[str, bytes] = {}
    if not problems:
        for name in sorted(listed):
            try:
                blob = zf.read(name)
            except Exception:
                problems.append(f"{name} 无法解压")
                continue
            spec = listed[name] if isinstance(listed[name], dict) else {}
            if _sha(blob) != spec.get("sha256") or len(blob) != spec.get("size"):
                problems.append(f"{name} 的校验和不符（文件被改动或损坏）")
            blobs[name] = blob
    if problems:
        raise UserError(f"评议会包 {path.name} 已损坏或被改动，未导入任何内容。", problems)
    try:
        data = json.loads(blobs.pop(DATA).decode("utf-8"))
        session = manifest["session"]
        assert isinstance(data, dict) and data["session"]["uid"] == session["uid"] and session["fingerprint"]
    except Exception:
        raise UserError(f"评议会包 {path.name} 的内容无法读取，未导入。") from None
    return Package(manifest, data, blobs)


# ---------------------------------------------------------------------------------------------
# Import


@dataclass
class ImportResult:
    session_id: int
    action: str  # added | updated
    title: str
    fingerprint: str
    documents_folder: Path | None = None
    skipped_links: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "已加入本机历史" if self.action == "added" else "已用包内较新的内容更新本机的"
        text = f"评议会“{self.title}”{verb}（编号 {self.session_id}）。"
        if self.documents_folder:
            text += f"\n会议材料已放在：{self.documents_folder}"
        for link in self.skipped_links:
            text += f"\n注意：{link}"
        return text


def import_package(db: sqlite_utils.Database, path: Path | str, *, documents_root: Path | str | None = None,
                   operator: str = "", confirm_update: Callable[[str], bool] | None = None) -> ImportResult:
    """Add (or update, see the module docstring) the packaged session; returns what was done.
    ``confirm_update(question)``: asked before a newer package replaces a local copy (the window
    asks the user; the command line updates without asking); False refuses the import."""
    path = Path(path)
    pkg = read_package(path)
    meta = pkg.manifest["session"]
    digest = meta["fingerprint"]
    title = pkg.data["session"]["title"]
    candidates = db.execute("SELECT id FROM sessions WHERE title = ? OR uid = ?", [title, meta["uid"]]).fetchall()
    local, how = None, ""
    for (sid,) in candidates:
        same_uid = db.execute("SELECT uid FROM sessions WHERE id = ?", [sid]).fetchone()[0] == meta["uid"]
        if same_uid and _audit_extends(db, sid, pkg.data):  # e.g. sealed or corrected at the origin since
            local, how = sid, "uid"
            break
        if fingerprint(db, sid) == digest:
            local, how = sid, "same"
            break
        if same_uid:
            local, how = sid, "uid"
    if how == "same":
        raise UserError(f"评议会“{title}”已在本机历史中（编号 {local}），内容与包内完全相同，未重复导入。")
    if how == "uid":
        mine = changed_at(db, local)
        theirs = meta.get("changed_at")
        if not _package_is_newer(db, local, pkg.data, mine, theirs):
            raise UserError(
                f"本机已有这场评议会（编号 {local}），且本机的版本（最后修改 {mine or '未知'}）不比包内的"
                f"（最后修改 {theirs or '未知'}）旧，未导入，以免覆盖本机的修改。")
        if confirm_update is not None and not confirm_update(
                f"本机已有这场评议会（编号 {local}，最后修改 {mine or '未知'}），包内的版本较新"
                f"（最后修改 {theirs}）。用包内的内容更新本机的这场评议会吗？更新会记入审计日志。"):
            raise UserError(f"未导入：保留本机的评议会（编号 {local}）。")
    with transaction(db):
        if how == "uid":
            before = fingerprint(db, local)
            sid = _replace(db, local, pkg.data)
        else:
            before = None
            sid = _insert_session(db, pkg.data)
        skipped = _fill(db, sid, pkg.data)
        after = fingerprint(db, sid)
        if after != digest:
            raise UserError(f"评议会包 {path.name} 的内容与其指纹不符（可能被改动），未导入任何内容。")
        db.execute("INSERT INTO package_imports (session_id, uid, fingerprint, changed_at, file_name, imported_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)", [sid, meta["uid"], digest, meta.get("changed_at"), path.name, now_iso()])
        audit(db, session_id=sid, action=IMPORT_ACTIONS[1] if before else IMPORT_ACTIONS[0], operator=operator,
              before=before, after=after, reason=f"来自评议会包 {path.name}")
    from .history import session_results

    session_results(db, sid)  # the dossier reads past sessions' results from the cache
    folder = None
    if pkg.documents and documents_root is not None:
        folder = Path(documents_root) / f"{sid}-{_safe(title)}"
        for name, blob in pkg.documents.items():
            target = folder / PurePosixPath(name).relative_to("documents")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
    return ImportResult(sid, "updated" if before else "added", title, after, folder, skipped)


def _logs(db: sqlite_utils.Database, local: int, data: dict) -> tuple[list[tuple], list[tuple]]:
    local_log = [tuple(r) for r in db.execute(
        f"SELECT {', '.join(_AUDIT_COLS)} FROM audit_log WHERE session_id = ? ORDER BY id", [local])
        if r[2] not in IMPORT_ACTIONS]
    their_log = [tuple(e[c] for c in _AUDIT_COLS) for e in data["audit_log"] if e["action"] not in IMPORT_ACTIONS]
    return local_log, their_log


def _audit_extends(db: sqlite_utils.Database, local: int, data: dict) -> bool:
    """The package's audit trail is the local copy's plus more entries (later work at the origin)."""
    local_log, their_log = _logs(db, local, data)
    return their_log[:len(local_log)] == local_log and len(their_log) > len(local_log)


def _package_is_newer(db: sqlite_utils.Database, local: int, data: dict, mine: str | None, theirs: str | None) -> bool:
    """The package continues the local copy's audit trail with more entries (a later revision or
    the seal at the origin); or, with the same trail, its last change is strictly later."""
    local_log, their_log = _logs(db, local, data)
    if their_log[:len(local_log)] == local_log and len(their_log) > len(local_log):
        return True
    if local_log[:len(their_log)] == their_log and len(local_log) > len(their_log):
        return False
    return bool(theirs) and (not mine or _instant(theirs) > _instant(mine))


def _safe(text: str) -> str:
    return "".join(c for c in text if c not in '\\/:*?"<>|').strip()[:40] or "评议会"


def _insert_session(db: sqlite_utils.Database, data: dict) -> int:
    s = data["session"]
    return db.execute(f"INSERT INTO sessions ({', '.join(_SESSION_COLS)}) VALUES ({', '.join('?' * len(_SESSION_COLS))})",
                      [s[c] for c in _SESSION_COLS]).lastrowid


def _replace(db: sqlite_utils.Database, sid: int, data: dict) -> int:
    """Clear the local copy's content (keeping its id, audit and seal logs) and take the package's
    meeting data."""
    for table in ("rectification_items", "live_state", "external_values", "units", "experts", "criteria"):
        db.execute(f"DELETE FROM {table} WHERE session_id = ?", [sid])
    s = data["session"]
    cols = [c for c in _SESSION_COLS if c != "uid"]
    db.execute(f"UPDATE sessions SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?", [*(s[c] for c in cols), sid])
    return sid


def _fill(db: sqlite_utils.Database, sid: int, data: dict) -> list[str]:
    """Insert the session's content under ``sid``; returns notes on unit links not taken over."""
    show = data["show"]
    template = parse_template(show["template"], source="评议会包中的评分模板")
    _insert_criteria(db, sid, template.criteria, None)
    crit = {p: c for c, p in _criterion_paths(db, sid).items()}
    units, experts = {}, {}
    for u in show["units"]:
        units[u["name"]] = db.execute(
            "INSERT INTO units (session_id, name, presenter, presenter_title, report_title, position, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [sid, u["name"], u["presenter"], u["presenter_title"], u["report_title"],
                                              u["order"], u["status"]]).lastrowid
    for pos, e in enumerate(show["experts"], start=1):
        experts[e["name"]] = db.execute(
            "INSERT INTO experts (session_id, name, category, affiliation, position) VALUES (?, ?, ?, ?, ?)",
            [sid, e["name"], e["category"], e["affiliation"], pos]).lastrowid
    db.conn.executemany("INSERT INTO recusals (session_id, expert_id, unit_id) VALUES (?, ?, ?)",
                        [(sid, experts[r["expert"]], units[r["unit"]]) for r in show["recusals"]])
    db.conn.executemany("INSERT INTO scores (session_id, expert_id, unit_id, criterion_id, value, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [(sid, experts[e], units[u], crit[c], v, at) for e, u, c, v, at in data["scores"]])
    db.conn.executemany("INSERT INTO submissions (session_id, expert_id, unit_id, submitted_at) VALUES (?, ?, ?, ?)",
                        [(sid, experts[e], units[u], at) for e, u, at in data["submissions"]])
    db.conn.executemany("INSERT INTO external_values (session_id, unit_id, component, value, updated_at) "
                        "VALUES (?, ?, ?, ?, ?)", [(sid, units[u], c, v, at) for u, c, v, at in data["external"]])
    db.conn.executemany("INSERT INTO unit_timing (unit_id, phase, seconds, extra_s, started_at, ended_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [(units[u], *rest) for u, *rest in data["timing"]])
    question_ids = []
    for q, extra in zip(show["questions"], data["questions_extra"]):
        question_ids.append(db.execute(
            "INSERT INTO questions (session_id, unit_id, expert_id, text, answer, criterion_id, problem, measure, "
            "deadline, at, elapsed_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [sid, units[q["unit"]], experts.get(q["expert"]), q["text"], q["answer"], crit.get(extra["criterion"]),
             int(q["problem"]), q["measure"], q["deadline"], q["at"], q["elapsed_s"]]).lastrowid)
    live = data.get("live_state")
    if live:
        db.execute("INSERT INTO live_state (session_id, unit_id, phase, running, elapsed_s, started_wall, extra_s, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [sid, units.get(live["unit"]), live["phase"], live["running"], live["elapsed_s"],
                    live["started_wall"], live["extra_s"], live["updated_at"]])
    for item in data["rectification_items"]:
        qi = item.get("question_index")
        row = {**{c: item[c] for c in _ITEM_COLS}, "evidence_files": json.dumps(item["evidence_files"], ensure_ascii=False)}
        db.execute(f"INSERT INTO rectification_items (session_id, unit_id, question_id, {', '.join(_ITEM_COLS)}) "
                   f"VALUES (?, ?, ?, {', '.join('?' * len(_ITEM_COLS))})",
                   [sid, units.get(item["unit_name"]), question_ids[qi] if qi is not None else None,
                    *(row[c] for c in _ITEM_COLS)])
    have = {tuple(r) for r in db.execute(f"SELECT {', '.join(_AUDIT_COLS)} FROM audit_log WHERE session_id = ?", [sid])}
    for entry in data["audit_log"]:
        if tuple(entry[c] for c in _AUDIT_COLS) not in have:
            db.execute(f"INSERT INTO audit_log (session_id, {', '.join(_AUDIT_COLS)}) VALUES (?, {', '.join('?' * len(_AUDIT_COLS))})",
                       [sid, *(entry[c] for c in _AUDIT_COLS)])
    seal_cols = ("at", "action", "operator", "reason", "fingerprint_before", "fingerprint_after")
    have_seal = {tuple(r) for r in db.execute(f"SELECT {', '.join(seal_cols)} FROM seal_log WHERE session_id = ?", [sid])}
    for entry in data["seal_log"]:
        if tuple(entry[c] for c in seal_cols) not in have_seal:
            db.execute(f"INSERT INTO seal_log (session_id, {', '.join(seal_cols)}) VALUES (?, {', '.join('?' * 6)})",
                       [sid, *(entry[c] for c in seal_cols)])
    skipped = []
    for link in data["unit_links"]:
        row = db.execute("SELECT new_name FROM unit_links WHERE old_name = ?", [link["old_name"]]).fetchone()
        if row is None:
            db.execute("INSERT INTO unit_links (old_name, new_name, note, created_at) VALUES (?, ?, ?, ?)",
                       [link["old_name"], link["new_name"], link["note"], link["created_at"]])
        elif row[0] != link["new_name"]:
            skipped.append(f"包中“{link['old_name']} → {link['new_name']}”与本机的关联"
                           f"“{link['old_name']} → {row[0]}”不同，保留本机的。")
    return skipped


def cli_package(db: sqlite_utils.Database, args, *, db_path: Path) -> int:
    """``package export --session ID FILE`` and ``package import FILE`` (CONTRACT.md)."""
    if args.package_command == "export":
        documents = list(args.documents)
        if args.with_export:
            import tempfile

            from .export import run_export

            with tempfile.TemporaryDirectory() as tmp:
                run_export(db, args.session, tmp)
                info = export_package(db, session_id=args.session, path=args.file, documents=[*documents, tmp])
        else:
            info = export_package(db, session_id=args.session, path=args.file, documents=documents)
        print(f"已导出评议会包：{info.path}（{len(info.files)} 个文件，指纹 {info.fingerprint[:12].upper()}）")
        return 0
    root = Path(db_path).with_name(Path(db_path).stem + "-packages")
    result = import_package(db, args.file, documents_root=root)
    print(result.summary())
    print(result.session_id)
    return 0
