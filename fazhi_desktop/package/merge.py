"""Importing a package: check everything, compare with any local copy, write all or nothing.

Before anything is written: the file's bounds, names, checksums and the exporter's signature
(format.py); every value (validate.py); the audit chain's links, its seals' signatures and the rule
that a sealed session changes only by a signed correction (verify.check_seals). Then, in one
transaction: the session is written, the chain replayed against it (a content that does not match
its own history is refused), its fingerprint recomputed against the manifest's and, when sealed,
against the fingerprint last sealed. The documents are staged in a folder of their own first and
moved into place inside that transaction, so a session never exists without them.

The same session here (same uid) is compared by its audit chain, never by time:

- the same chain → refused (nothing to do);
- the package's chain continues this one (more entries after the same ones) → the local copy is
  updated; when it is sealed here, the new entries must be a correction signed by the signer on
  record for the session;
- this chain continues the package's → refused, this copy is newer;
- they part ways → refused, naming the first entry that differs (e.g. a correction made on each
  laptop): never "take the newer".
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import sqlite_utils

from ..chain import LEDGER_CHAIN, append, entries, first_broken, store
from ..changes import NOTHING, Change
from ..db import now_iso, transaction
from ..labels import action_label
from ..errors import UserError, os_error_text
from ..replay import differences, replay, snapshot
from ..sessions import _insert_criteria
from ..signing import key_id
from ..template import Template
from ..verify import check_seals, last_sealed_fingerprint
from .format import DOCS, MAX_DOCUMENT_BYTES, Opened, copy_bounded, doc_target, open_package, read_bounded
from .serialise import SESSION_COLS, fingerprint
from .validate import validate


@dataclass
class ImportResult:
    session_id: int
    action: str  # added | updated
    title: str
    fingerprint: str
    documents_folder: Path | None = None
    skipped_links: list[str] = field(default_factory=list)
    package_signer: str = ""
    seal_signers: list[str] = field(default_factory=list)
    # the record: a new session in the list; a session updated in place changes in every part; the
    # ledger and the unit links (no session) when the package brought rectification items or links
    change: Change = field(default=NOTHING, compare=False, repr=False)

    def summary(self) -> str:
        verb = "已加入本机历史" if self.action == "added" else "已按包内签名的后续记录更新本机的"
        text = f"评议会“{self.title}”{verb}（编号 {self.session_id}）。"
        text += f"\n导出签名：{self.package_signer}"
        if self.seal_signers:
            text += f"\n封盘签名：{'、'.join(self.seal_signers)}"
        if self.documents_folder:
            text += f"\n会议材料已放在：{self.documents_folder}"
        for link in self.skipped_links:
            text += f"\n注意：{link}"
        return text


def _who(signed: dict[str, Any]) -> str:
    return f"{signed.get('signer_name') or '?'}（{key_id(str(signed.get('signer')))}）"


def _entry_text(e: dict[str, Any]) -> str:
    parts = [e.get("at") or "", action_label(e.get("action"))]
    parts += [str(e[k]) for k in ("expert", "unit", "criterion") if e.get(k)]
    if e.get("before") is not None or e.get("after") is not None:
        parts.append(f"{e.get('before') or '（无）'} → {e.get('after') or '（无）'}"[:60])
    return " ".join(p for p in parts if p)


def _seal_signers(rows: list[dict[str, Any]]) -> list[str]:
    """Public keys of the chain's seals, in order (a legacy unsigned seal has none)."""
    return [json.loads(r["state"]).get("signer") for r in rows if r.get("entity") == "seal"]


def compare(local: list[dict[str, Any]], theirs: list[dict[str, Any]], *, title: str, local_id: int) -> str:
    """'update' when the package continues the local chain; otherwise a UserError saying why not."""
    common = 0
    for mine, other in zip(local, theirs):
        if mine["hash"] != other["hash"]:
            break
        common += 1
    if common == len(local) == len(theirs):
        raise UserError(f"评议会“{title}”已在本机历史中（编号 {local_id}），内容与包内完全相同，未重复导入。")
    if common == len(theirs):
        raise UserError(f"本机的评议会“{title}”（编号 {local_id}）已包含包内的全部记录，"
                        f"且另有 {len(local) - common} 条之后的记录（最后一条：{_entry_text(local[-1])}），"
                        "本机的版本较新，未导入。")
    if common == len(local):
        return "update"
    raise UserError(
        f"评议会“{title}”在本机（编号 {local_id}）和包内的历史已经分叉，未导入，以免覆盖任何一方的修改：",
        [f"前 {common} 条记录相同；第 {common + 1} 条起不同",
         f"本机：{_entry_text(local[common])}（本机其后共 {len(local) - common} 条）",
         f"包内：{_entry_text(theirs[common])}（包内其后共 {len(theirs) - common} 条）",
         "请核对两边的更正，由封盘的电脑作出正式更正后再导出。"])


def import_package(db: sqlite_utils.Database, path: Path | str, *, documents_root: Path | str | None = None,
                   operator: str = "", confirm_update: Callable[[str], bool] | None = None) -> ImportResult:
    """Add (or update, see the module docstring) the packaged session; returns what was done.
    ``confirm_update(question)``: asked before a package updates a local copy; False refuses."""
    opened = open_package(path)
    try:
        return _import(db, opened, documents_root=documents_root, operator=operator, confirm_update=confirm_update)
    finally:
        opened.close()


def _import(db: sqlite_utils.Database, opened: Opened, *, documents_root, operator: str,
            confirm_update) -> ImportResult:
    path, data, manifest = opened.path, opened.data, opened.manifest
    template = validate(data)
    uid, title = data["session"]["uid"], data["session"]["title"]
    if manifest["session"]["uid"] != uid:
        raise UserError(f"评议会包 {path.name} 的清单与内容不符（评议会标识不同），未导入。")
    rows = [dict(e) for e in data["audit"]]
    broken = first_broken(rows, uid)
    if broken:
        raise UserError(f"评议会包 {path.name} 的审计链断裂，未导入任何内容：", [broken])
    problems, _notes, signers = check_seals(uid, rows)
    if problems:
        raise UserError(f"评议会包 {path.name} 的封盘记录不成立，未导入任何内容：", problems)
    diff = differences(replay(rows), data_snapshot(data, template))
    if diff:
        raise UserError(f"评议会包 {path.name} 的内容与其审计记录不符（内容被改动），未导入任何内容：", diff[:5])
    package_signer = _who(manifest["signature"])
    local_now = db.execute("SELECT id FROM sessions WHERE uid = ?", [uid]).fetchone()
    if local_now and confirm_update is not None:
        mine = entries(db, uid)
        compare(mine, rows, title=title, local_id=local_now[0])  # refuses here when it is not a continuation
        if not confirm_update(
                f"本机已有这场评议会（编号 {local_now[0]}）。包内的版本较新：它接续本机的审计记录，多出 "
                f"{len(rows) - len(mine)} 条（最后一条：{_entry_text(rows[-1])}）。包由 {package_signer} 签名导出。"
                "用包内的内容更新本机的这场评议会吗？更新会记入审计日志。"):
            raise UserError(f"未导入：保留本机的评议会（编号 {local_now[0]}）。")
    staged = _stage_documents(opened, documents_root) if opened.documents and documents_root is not None else None
    placed: Path | None = None
    try:
        try:
            with transaction(db):
                result = _write(db, opened, template, rows, operator=operator)
                if staged is not None:  # moved into place inside the transaction: both or neither
                    placed = result.documents_folder = _free_folder(staged.parent, result.session_id, title)
                    _place(staged, placed)
                    db.execute("UPDATE package_imports SET documents = ? WHERE id = (SELECT max(id) FROM "
                               "package_imports)", [str(placed)])
        except sqlite3.IntegrityError as exc:  # another import of the same session got there first
            raise UserError(f"评议会“{title}”正由另一个导入写入本机（或已在本机），未重复导入：{exc}") from None
    except BaseException:
        for folder in (staged, placed):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        raise
    if placed is not None:
        (placed / PENDING).unlink(missing_ok=True)  # committed: the folder is the session's now
    result.package_signer = package_signer
    result.seal_signers = signers
    from ..history import session_results

    session_results(db, result.session_id)  # the dossier reads past sessions' results from the cache
    return result


def _stage_documents(opened: Opened, root: Path | str) -> Path:
    """Copy the documents out under a temporary folder of their own, checking each checksum."""
    root = Path(root)
    _clean_stale(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        staged = root / f".staging-{os.getpid()}-{os.urandom(4).hex()}"
        staged.mkdir()
        (staged / PENDING).write_text(str(os.getpid()), encoding="ascii")
    except OSError as exc:
        raise UserError(f"无法在 {root} 存放会议材料：{os_error_text(exc)}，未导入。") from exc
    listed = opened.manifest["files"]
    try:
        for info in opened.documents:
            target = doc_target(staged, info.filename)
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as out:
                digest = copy_bounded(opened.zf, info, out, listed[info.filename]["size"])
            if digest != listed[info.filename]["sha256"]:
                raise UserError(f"评议会包 {opened.path.name} 已损坏或被改动，未导入任何内容。",
                                [f"{info.filename} 的校验和不符（文件被改动或损坏）"])
    except OSError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise UserError(f"无法写入会议材料：{os_error_text(exc)}，未导入任何内容。") from exc
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged


PENDING = ".fazhi-import-pending"


def _clean_stale(root: Path) -> None:
    """Remove what an import that was killed left (its process is gone): a staging folder, or a
    documents folder moved into place whose transaction never committed (it still has the marker)."""
    from ..live import _pid_alive

    if not root.is_dir():
        return
    for marker in root.glob(f"*/{PENDING}"):
        try:
            pid = int(marker.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue
        if pid != os.getpid() and not _pid_alive(pid):
            shutil.rmtree(marker.parent, ignore_errors=True)


def _write(db: sqlite_utils.Database, opened: Opened, template: Template, rows: list[dict[str, Any]], *,
           operator: str) -> ImportResult:
    data, path = opened.data, opened.path
    s = data["session"]
    uid, title = s["uid"], s["title"]
    local = db.execute("SELECT id FROM sessions WHERE uid = ?", [uid]).fetchone()
    before = None
    if local:
        sid = local[0]
        mine = entries(db, uid)
        try:
            compare(mine, rows, title=title, local_id=sid)
        except UserError as exc:
            if "完全相同" in exc.message and fingerprint(db, sid) != opened.manifest["session"]["fingerprint"]:
                raise UserError(f"评议会包 {path.name} 的审计记录与本机相同，内容却不同（包或本机的数据被改动），"
                                "未导入。请在两边运行“校验”（verify）。") from None
            raise
        on_record = [k for k in _seal_signers(mine) if k]
        if on_record:
            others = {k for k in _seal_signers(rows[len(mine):]) if k and k != on_record[0]}
            if others:
                raise UserError(f"评议会“{title}”在本机由 {key_id(on_record[0])} 封盘，包内的更正却由 "
                                f"{'、'.join(key_id(k) for k in sorted(others))} 签名，签名人不同，未导入。")
        before = fingerprint(db, sid)
        _clear(db, sid)
        cols = [c for c in SESSION_COLS if c != "uid"]
        db.execute(f"UPDATE sessions SET {', '.join(c + ' = ?' for c in cols)}, template_name = ?, aggregation = ?, "
                   "components_json = ?, grades_json = ?, timing_json = ? WHERE id = ?",
                   [*(s[c] for c in cols), *_template_cols(template), sid])
        new_rows = rows[len(mine):]
        seal_rows = data["seal_log"][db.execute("SELECT count(*) FROM seal_log WHERE session_id = ?",
                                                [sid]).fetchone()[0]:]
    else:
        sid = db.execute(f"INSERT INTO sessions ({', '.join(SESSION_COLS)}, template_name, aggregation, components_json, "
                         f"grades_json, timing_json) VALUES ({', '.join('?' * (len(SESSION_COLS) + 5))})",
                         [*(s[c] for c in SESSION_COLS), *_template_cols(template)]).lastrowid
        new_rows, seal_rows = rows, data["seal_log"]
    store(db, sid, new_rows)
    for r in seal_rows:
        db.execute("INSERT INTO seal_log (session_id, at, action, operator, reason, fingerprint_before, "
                   "fingerprint_after, signer, signer_name, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [sid, r["at"], r["action"], r["operator"], r["reason"], r["fingerprint_before"],
                    r["fingerprint_after"], r.get("signer"), r.get("signer_name"), r.get("signature")])
    _fill(db, sid, template, data)
    if data.get("checklist") is not None:  # ratings, evidence (checked against its SHA-256) and steps
        from ..checklist.canonical import EVIDENCE_PREFIX, restore_checklist_package_data

        evidence = {EVIDENCE_PREFIX + i.filename[len(DOCS + EVIDENCE_PREFIX):]: read_bounded(
                    opened.zf, i, MAX_DOCUMENT_BYTES) for i in opened.documents
                    if i.filename.startswith(DOCS + EVIDENCE_PREFIX)}
        restore_checklist_package_data(db, sid, data["checklist"], evidence)
    diff = differences(replay(entries(db, uid)), snapshot(db, sid))
    if diff:
        raise UserError(f"评议会包 {path.name} 的内容与其审计记录不符（内容被改动），未导入任何内容：", diff[:5])
    after = fingerprint(db, sid)
    if after != opened.manifest["session"]["fingerprint"]:
        raise UserError(f"评议会包 {path.name} 的内容与其指纹不符（可能被改动），未导入任何内容。")
    if s["status"] == "sealed" and last_sealed_fingerprint(rows) != after:
        raise UserError(f"评议会包 {path.name} 是已封盘的评议会，但内容与封盘时签名的指纹不符（封盘后被改动），"
                        "未导入任何内容。")
    signed = [r.get("signature") for r in data["seal_log"] if r.get("signature")]
    if signed != [json.loads(r["state"]).get("signature") for r in rows if r.get("entity") == "seal"]:
        raise UserError(f"评议会包 {path.name} 的封盘记录与审计链中的签名不一致，未导入任何内容。")
    skipped = _ledger(db, sid, data)
    db.execute("INSERT INTO package_imports (session_id, uid, fingerprint, changed_at, file_name, imported_at, signer) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)", [sid, uid, after, rows[-1]["at"] if rows else None, path.name, now_iso(),
                                               opened.manifest["signature"]["signer"]])
    append(db, session_id=sid, chain=LEDGER_CHAIN, action="package.update" if before else "package.import",
           operator=operator, before=before, after=after,
           reason=f"来自评议会包 {path.name}，导出签名 {_who(opened.manifest['signature'])}")
    change = Change.of(_WHOLE if before else "sessions", sid)
    if data["rectification_items"]:
        change = change.merge(Change.of("ledger", None))
    if data["unit_links"]:
        change = change.merge(Change.of("links", None))
    return ImportResult(sid, "updated" if before else "added", title, after, None, skipped, change=change)


# what a package that updates a local session replaces: all of it (the pages read it again)
_WHOLE = ("sessions", "session", "status", "template", "units", "experts", "scores", "external", "questions")


def data_snapshot(data: dict[str, Any], template: Template) -> dict[str, Any]:
    """What :func:`fazhi_desktop.replay.snapshot` would read once the package is written, from the
    package alone (checked before anything is written; the written copy is checked again)."""
    from ..replay import MEETING, key

    s = data["session"]
    out: dict[str, Any] = {key("session"): {"uid": s["uid"]}, key("status"): s["status"],
                           key("meeting"): {f: s[f] for f in MEETING}, key("template"): template.to_dict(),
                           key("order"): {"mode": s["order_mode"], "seed": s["draw_seed"],
                                          "witness": s["draw_witness"] or "",
                                          "units": [u["name"] for u in data["units"]],
                                          "experts": [e["name"] for e in data["experts"]]}}
    for u in data["units"]:
        out[key("unit", u["name"])] = {k: u[k] for k in ("name", "presenter", "presenter_title", "report_title")}
        if u["status"] == "absent":
            out[key("attendance", u["name"])] = "absent"
    for e in data["experts"]:
        out[key("expert", e["name"])] = {k: e[k] for k in ("name", "category", "affiliation")}
    for e, u in data["recusals"]:
        out[key("recusal", e, u)] = True
    for e, u, c, v, _at in data["scores"]:
        out[key("score", e, u, c)] = v
    for e, u, _at in data["submissions"]:
        out[key("submission", e, u)] = True
    for u, c, v, _at in data["external"]:
        out[key("external", u, c)] = v
    for q in data["questions"]:
        out[key("question", q["uid"])] = {k: q[k] for k in ("unit", "expert", "text", "answer", "criterion", "problem",
                                                            "measure", "deadline", "at")}
    return out


def _template_cols(template: Template) -> list[Any]:
    """template_name, aggregation, components, grades, timing as the sessions table stores them
    (the checklist settings are restored with the ratings)."""
    from ..sessions import _settings_json

    return [template.name, template.aggregation, *_settings_json(template)[:3]]


def _clear(db: sqlite_utils.Database, sid: int) -> None:
    """The local copy's content goes (its id, chain and seal log stay); ledger items stay too."""
    db.execute("UPDATE rectification_items SET question_id = NULL, unit_id = NULL WHERE session_id = ?", [sid])
    from ..stored_template import checklist_schema

    checklist = ("ratings", "rating_evidence", "candidate_steps", "demonstration_records") if checklist_schema(db) else ()
    for table in ("live_state", "questions", "external_values", "submissions", "scores", *checklist, "recusals",
                  "units", "experts", "criteria"):
        db.execute(f"DELETE FROM {table} WHERE session_id = ?", [sid])


def _free_folder(root: Path, sid: int, title: str) -> Path:
    """A fresh folder name for the session's documents: nothing already there is replaced."""
    base = root / f"{sid}-{_safe(title)}"
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


def _place(staged: Path, folder: Path) -> None:
    try:
        os.replace(staged, folder)
    except OSError as exc:
        raise UserError(f"无法放置会议材料：{os_error_text(exc)}，未导入任何内容。") from exc


def _safe(text: str) -> str:
    from ..textcheck import bad_char

    clean = "".join(c for c in text if c not in '\\/:*?"<>|' and not bad_char(c))
    return clean.strip(" .")[:40] or "评议会"


def _fill(db: sqlite_utils.Database, sid: int, template: Template, data: dict[str, Any]) -> None:
    from ..replay import criterion_paths

    _insert_criteria(db, sid, template.criteria, None)
    crit = {p: c for c, p in criterion_paths(db, sid).items()}
    units, experts = {}, {}
    for pos, u in enumerate(data["units"], start=1):
        units[u["name"]] = db.execute(
            "INSERT INTO units (session_id, name, presenter, presenter_title, report_title, position, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [sid, u["name"], u["presenter"], u["presenter_title"], u["report_title"],
                                              pos, u["status"]]).lastrowid
    for pos, e in enumerate(data["experts"], start=1):
        experts[e["name"]] = db.execute(
            "INSERT INTO experts (session_id, name, category, affiliation, position) VALUES (?, ?, ?, ?, ?)",
            [sid, e["name"], e["category"], e["affiliation"], pos]).lastrowid
    db.conn.executemany("INSERT INTO recusals (session_id, expert_id, unit_id) VALUES (?, ?, ?)",
                        [(sid, experts[e], units[u]) for e, u in data["recusals"]])
    db.conn.executemany("INSERT INTO scores (session_id, expert_id, unit_id, criterion_id, value, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [(sid, experts[e], units[u], crit[c], v, at) for e, u, c, v, at in data["scores"]])
    db.conn.executemany("INSERT INTO submissions (session_id, expert_id, unit_id, submitted_at) VALUES (?, ?, ?, ?)",
                        [(sid, experts[e], units[u], at) for e, u, at in data["submissions"]])
    db.conn.executemany("INSERT INTO external_values (session_id, unit_id, component, value, updated_at) "
                        "VALUES (?, ?, ?, ?, ?)", [(sid, units[u], c, v, at) for u, c, v, at in data["external"]])
    db.conn.executemany("INSERT INTO unit_timing (unit_id, phase, seconds, extra_s, started_at, ended_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [(units[u], *rest) for u, *rest in data["timing"]])
    for q in data["questions"]:
        db.execute("INSERT INTO questions (session_id, unit_id, expert_id, text, answer, criterion_id, problem, measure, "
                   "deadline, at, elapsed_s, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [sid, units[q["unit"]], experts.get(q["expert"]) if q["expert"] else None, q["text"], q["answer"],
                    crit.get(q["criterion"]) if q["criterion"] else None, int(q["problem"]), q["measure"],
                    q["deadline"], q["at"], q["elapsed_s"], q["uid"]])
    live = data.get("live_state")
    if live:
        db.execute("INSERT INTO live_state (session_id, unit_id, phase, running, elapsed_s, started_wall, extra_s, "
                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [sid, units.get(live["unit"]) if live["unit"] else None, live["phase"], int(live["running"]),
                    live["elapsed_s"], live["started_wall"], live["extra_s"], live["updated_at"]])


def _ledger(db: sqlite_utils.Database, sid: int, data: dict[str, Any]) -> list[str]:
    """Rectification items: new ones (by uid) are added and recorded in this laptop's ledger chain;
    items already here stay as they are (the ledger goes on after the meeting, locally). Links
    between unit names: added when new, a different local one kept (and said)."""
    from ..unit_links import record_link
    from ..labels import status_code
    from ..ledger import record_item

    questions = dict(db.execute("SELECT uid, id FROM questions WHERE session_id = ?", [sid]).fetchall())
    units = dict(db.execute("SELECT name, id FROM units WHERE session_id = ?", [sid]).fetchall())
    for item in data["rectification_items"]:
        row = db.execute("SELECT session_id FROM rectification_items WHERE uid = ?", [item["uid"]]).fetchone()
        if row is not None:
            if row[0] != sid:
                raise UserError(f"评议会包中的整改事项（{item['problem'][:20]}…）在本机属于另一场评议会，未导入。")
            db.execute("UPDATE rectification_items SET question_id = ?, unit_id = ? WHERE uid = ?",
                       [questions.get(item["question"]), units.get(item["unit_name"]), item["uid"]])
            continue
        item_id = db.execute(
            "INSERT INTO rectification_items (session_id, unit_id, question_id, uid, unit_name, criterion, source, "
            "problem, measure, responsible_unit, responsible_person, deadline, kind, status, evidence, evidence_files, "
            "closed_at, review_opinion, created_at, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [sid, units.get(item["unit_name"]), questions.get(item["question"]), item["uid"], item["unit_name"],
             item["criterion"], item["source"], item["problem"], item["measure"], item["responsible_unit"],
             item["responsible_person"], item["deadline"], item["kind"], status_code(item["status"]), item["evidence"],
             json.dumps(item["evidence_files"], ensure_ascii=False), item["closed_at"], item["review_opinion"],
             item["created_at"], item["updated_at"]]).lastrowid
        record_item(db, item_id, action="item.import")
    skipped = []
    for link in data["unit_links"]:
        row = db.execute("SELECT new_name FROM unit_links WHERE old_name = ?", [link["old_name"]]).fetchone()
        if row is None:
            db.execute("INSERT INTO unit_links (old_name, new_name, note, created_at) VALUES (?, ?, ?, ?)",
                       [link["old_name"], link["new_name"], link["note"], link["created_at"]])
            record_link(db, link["old_name"], action="link.import")
        elif row[0] != link["new_name"]:
            skipped.append(f"包中“{link['old_name']} → {link['new_name']}”与本机的关联"
                           f"“{link['old_name']} → {row[0]}”不同，保留本机的。")
    return skipped
