"""``verify``: walk every audit chain and every seal, and name the first broken link.

For each session: the chain's links (each entry's hash and its link to the one before), the content
the chain describes against what the tables hold (:mod:`fazhi_desktop.replay`), the seals (each
signed by the key it names; after a seal, content changes only inside a signed correction), and for
a sealed session the fingerprint of what is there now against the one last sealed. The ledger's
chain gets the same check against the rectification items and unit-name links.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

import sqlite_utils

from .chain import CONTENT, LEDGER_CHAIN, entries, first_broken, is_routine
from .labels import action_code, action_label
from .replay import differences, ledger_snapshot, replay, snapshot
from .signing import check, key_id

SEALS = ("seal.seal", "seal.correct")  # compared as codes: stored as words before v9


@dataclass
class Report:
    """What verify found for one chain; ``problems`` empty when it holds."""
    label: str
    entries: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _label(db: sqlite_utils.Database, session_id: int) -> str:
    row = db.execute("SELECT title FROM sessions WHERE id = ?", [session_id]).fetchone()
    return f"评议会 {session_id}“{row[0] if row else '?'}”"


def seal_fields(uid: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The fields a seal entry's signature covers (signing.message)."""
    return {"uid": uid, "action": "封盘" if action_code(row["action"]) == "seal.seal" else "更正", "at": row["at"],
            "reason": row["reason"], "before": row["before"], "after": row["after"]}


def check_seals(uid: str, rows: list[Mapping[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    """(problems, notes, signers) of a chain's seals: every seal signed and valid; after a seal,
    content changes only inside a correction that is itself signed; the status never leaves
    sealed otherwise."""
    problems: list[str] = []
    notes: list[str] = []
    signers: list[str] = []
    sealed, pending = False, None
    for index, row in enumerate(rows, start=1):
        where = f"第 {index} 条（{row['at']} {action_label(row['action'])}）"
        code = action_code(row["action"])
        entity = row.get("entity")
        if entity == "seal":
            try:
                signed = json.loads(row["state"]) or {}
                valid = isinstance(signed, dict) and check(seal_fields(uid, row), signed)
            except (ValueError, TypeError):
                signed, valid = {}, False
            if not valid:
                problems.append(f"{where}：封盘签名无效（签名与内容不符，或被改动）")
                return problems, notes, signers
            who = f"{signed.get('signer_name') or '?'}（{key_id(signed['signer'])}）"
            if who not in signers:
                signers.append(who)
            if code == "seal.seal" and sealed:
                problems.append(f"{where}：已封盘的评议会再次封盘")
                return problems, notes, signers
            if code == "seal.correct" and not sealed:
                problems.append(f"{where}：未封盘却有封盘后更正")
                return problems, notes, signers
            sealed, pending = True, None
        elif entity is None and code in SEALS:
            if "升级前封盘，未签名" not in notes:
                notes.append("升级前封盘，未签名")
            sealed, pending = True, None
        elif entity == "baseline":
            state = json.loads(row["state"]) or {}
            sealed = state.get('["status"]') == "sealed"
            pending = None
        elif entity == "status":
            if sealed:
                problems.append(f"{where}：已封盘的评议会状态被改为“{json.loads(row['state'])}”（只能通过签名的封盘后更正修改）")
                return problems, notes, signers
        elif entity in CONTENT and sealed and pending is None:
            pending = where
    if pending:
        problems.append(f"{pending}：封盘后的修改没有签名的更正记录")
    return problems, notes, signers


def last_sealed_fingerprint(rows: list[Mapping[str, Any]]) -> str | None:
    for row in reversed(rows):
        if action_code(row["action"]) in SEALS and (row.get("entity") in ("seal", None)) and row.get("after"):
            return row["after"]
    return None


def verify_session(db: sqlite_utils.Database, session_id: int) -> Report:
    report = Report(_label(db, session_id))
    uid, status = db.execute("SELECT uid, status FROM sessions WHERE id = ?", [session_id]).fetchone()
    rows = entries(db, uid)
    report.entries = len(rows)
    if not rows:
        report.problems.append("没有任何审计记录（评议会不是经本程序建立的，或审计记录被删除）")
        return report
    broken = first_broken(rows, uid)
    if broken:
        report.problems.append(broken)
        return report
    problems, report.notes, report.signers = check_seals(uid, rows)
    if problems:
        report.problems += problems
        return report
    expected = replay(rows)
    if (expected.get('["session"]') or {}).get("uid") != uid:
        report.problems.append("审计链不属于这场评议会（评议会标识不符）")
        return report
    diff = differences(expected, snapshot(db, session_id))
    if diff:
        report.problems.append("表中的内容与审计链不符：" + diff[0])
        report.problems += diff[1:]
        return report
    if status == "sealed":
        from .seal import fingerprint

        sealed = last_sealed_fingerprint(rows)
        now = fingerprint(db, session_id)
        if sealed != now:
            report.problems.append(f"封盘指纹为 {str(sealed)[:12].upper()}，现在的内容算得 {now[:12].upper()}：封盘后内容被改动")
    signed = [r["signature"] for r in db.query("SELECT signature FROM seal_log WHERE session_id = ? AND signature "
                                               "IS NOT NULL ORDER BY id", [session_id])]
    chained = [json.loads(r["state"]).get("signature") for r in rows if r.get("entity") == "seal"]
    if signed != chained:
        report.problems.append("封盘记录与审计链中的签名不一致（封盘记录被改动）")
    return report


def verify_ledger(db: sqlite_utils.Database) -> Report:
    report = Report("整改台账与单位更名关联")
    rows = entries(db, LEDGER_CHAIN)
    report.entries = len(rows)
    broken = first_broken(rows, LEDGER_CHAIN)
    if broken:
        report.problems.append(broken)
        return report
    diff = differences(replay(rows), ledger_snapshot(db))
    if diff:
        report.problems.append("表中的内容与审计链不符：" + diff[0])
        report.problems += diff[1:]
    return report


def verify_orphans(db: sqlite_utils.Database) -> list[Report]:
    """Chains whose session is gone: intact, and ending with the deletion."""
    reports = []
    for (chain,) in db.execute("SELECT DISTINCT chain FROM audit_log WHERE chain != ? AND chain NOT IN "
                               "(SELECT uid FROM sessions WHERE uid IS NOT NULL)", [LEDGER_CHAIN]).fetchall():
        rows = entries(db, chain)
        report = Report(f"已删除的评议会（审计链 {chain[:8]}…）", len(rows))
        broken = first_broken(rows, chain)
        if broken:
            report.problems.append(broken)
        elif not chain.startswith("deleted-session-") and replay(rows):
            report.problems.append("评议会的数据不见了，审计链却没有删除记录（被绕过程序删除）")
        reports.append(report)
    return reports


def verify_all(db: sqlite_utils.Database, session_id: int | None = None) -> list[Report]:
    """Every session's report (or one session's), then the ledger's and the deleted sessions'."""
    if session_id is not None:
        from .sessions import get_session

        get_session(db, session_id)
        return [verify_session(db, session_id)]
    ids = [sid for (sid,) in db.execute("SELECT id FROM sessions ORDER BY id")]
    return [verify_session(db, sid) for sid in ids] + [verify_ledger(db)] + verify_orphans(db)


def cli_verify(db: sqlite_utils.Database, args) -> int:
    import sys
    import time

    began = time.perf_counter()
    reports = verify_all(db, args.session)
    bad = [r for r in reports if not r.ok]
    total = sum(r.entries for r in reports)
    if bad:
        print("verify=broken")
        sys.stderr.write("错误：审计链校验未通过，数据可能被改动：\n")
        for r in bad:
            sys.stderr.write(f"  - {r.label}：{r.problems[0]}\n")
            for more in r.problems[1:]:
                sys.stderr.write(f"      {more}\n")
        return 2
    print("verify=ok")
    print(f"已校验 {len(reports)} 条审计链、{total} 条记录，用时 {time.perf_counter() - began:.1f} 秒。")
    for r in reports:
        if r.signers or r.notes:
            print(f"  {r.label}：" + "；".join([*(f"签名 {s}" for s in r.signers), *r.notes]))
    return 0


def audit_appendix(db: sqlite_utils.Database, session_id: int, *, everything: bool = False) -> dict[str, Any]:
    """What the minutes print as their appendix (the export renders it; this reads and checks):
    the chain verified first, then its entries in order. ``everything`` includes the routine first
    entries (every score as entered); by default the corrections, submissions, status changes and
    seals. ``head`` is the hash of the chain's last entry, which covers all of them."""
    from .chain import chain_of

    report = verify_session(db, session_id)
    rows = entries(db, chain_of(db, session_id))
    shown = [r for r in rows if everything or not is_routine(r)]
    return {
        "verified": report.ok,
        "problems": list(report.problems),
        "signers": list(report.signers),
        "notes": list(report.notes),
        "entries": len(rows),
        "head": rows[-1]["hash"] if rows else None,
        "rows": [{"seq": r["seq"], "at": r["at"], "operator": r["operator"], "action": action_label(r["action"]),
                  "code": action_code(r["action"]),
                  "expert": r["expert"], "unit": r["unit"], "criterion": r["criterion"], "before": r["before"],
                  "after": r["after"], "reason": r["reason"], "hash": r["hash"][:12]} for r in shown],
    }
