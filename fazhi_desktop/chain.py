"""The audit trail as a hash chain: every change, in order, each entry sealed to the one before.

Each session has its own chain (``audit_log.chain`` = the session's uid), so a chain travels in a
package unchanged and is checked the same on any laptop; the rectification ledger and the links
between unit names share one more chain, ``ledger``. An entry's hash covers its chain, its number
in the chain (``seq``), the previous entry's hash and every field of the entry, so changing,
removing or reordering one entry breaks every link after it.

Entries that change content carry it machine-readably: ``entity`` (what kind of thing), ``ref``
(which one: names, not row ids, so the chain means the same in another database) and ``state``
(the thing after the change, JSON; ``null`` when it is gone). :mod:`fazhi_desktop.replay` replays
them to the content the tables must hold, which is how ``verify`` sees a score changed by a tool.

The fingerprint covers :func:`content_head`, the hash of the last entry that changed content, so
a printed or signed fingerprint pins the whole history before it.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Mapping

import sqlite_utils

from .labels import CODES_VERSION, action_code, action_label
from .timeutil import now_iso

GENESIS = "0" * 64
LEDGER_CHAIN = "ledger"
HASH_TAG = "fazhi-review/audit/1\n"
# entries whose entity is one of these changed the session's content (the fingerprint covers them)
CONTENT = ("session", "meeting", "template", "order", "unit", "expert", "attendance", "recusal", "score",
           "submission", "external", "question")
# entries that change what the tables hold without being content: status, seals, a baseline
REPLAYED = CONTENT + ("status", "seal", "baseline", "item", "link")
FIELDS = ("chain", "seq", "prev_hash", "at", "operator", "action", "expert", "unit", "criterion", "before", "after",
          "reason", "entity", "ref", "state")
_UNSET = object()
# entries the audit dialog leaves out by default (first entries, routine status); `verify` reads them all
ROUTINE_ENTITIES = ("session", "meeting", "template", "order", "unit", "expert", "recusal", "question", "attendance",
                    "item", "link")
ROUTINE_CODES = ("status.set", "score.record", "score.clear", "score.import", "external.record", "external.import")
# what an action filter in SQL compares: the codes, and the words rows stored before codes (v9)
ROUTINE_ACTIONS = (*ROUTINE_CODES, *(action_label(c) for c in ROUTINE_CODES))
CHAIN_VERSION = 6  # the schema version that brought the chain (migrations._v6_sealed)


def chained(db: sqlite_utils.Database) -> bool:
    """False on a database not yet migrated to the chain (only a migration's own steps, or tests that
    build an old database with today's services, write to one)."""
    return db.execute("PRAGMA user_version").fetchone()[0] >= CHAIN_VERSION


def is_routine(row: Mapping[str, Any]) -> bool:
    """An entry the audit dialog and the minutes leave out by default (stored as a code or as words)."""
    return row.get("entity") in ROUTINE_ENTITIES or action_code(row.get("action")) in ROUTINE_CODES


def _as_stored(version: int, action: str) -> str:
    """Services pass codes; a database older than version 9 (a test building one with today's
    services) gets the words that version wrote."""
    return action if version >= CODES_VERSION else action_label(action)


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canon(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 text (what is hashed and stored)."""
    return _ENCODER.encode(value)


def entry_hash(entry: Mapping[str, Any]) -> str:
    payload = [entry.get(f) for f in FIELDS if f != "hash"]
    return hashlib.sha256((HASH_TAG + canon(payload)).encode("utf-8")).hexdigest()


def chain_of(db: sqlite_utils.Database, session_id: int) -> str:
    row = db.execute("SELECT uid FROM sessions WHERE id = ?", [session_id]).fetchone()
    if row is None or not row[0]:
        from .errors import UserError

        raise UserError(f"没有编号为 {session_id} 的评议会。")
    return row[0]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def make_entry(*, chain: str, seq: int, prev_hash: str, action: str, at: str | None = None, operator: str = "",
               expert: Any = None, unit: Any = None, criterion: Any = None, before: Any = None, after: Any = None,
               reason: str = "", entity: str | None = None, ref: Iterable[Any] | None = None,
               state: Any = _UNSET) -> dict[str, Any]:
    """One entry with its hash (not yet stored)."""
    entry = {
        "chain": chain, "seq": seq, "prev_hash": prev_hash, "at": at or now_iso(), "operator": operator or "",
        "action": action, "expert": _text(expert), "unit": _text(unit), "criterion": _text(criterion),
        "before": _text(before), "after": _text(after), "reason": reason or "",
        "entity": entity, "ref": None if entity is None else canon(list(ref or [])),
        "state": None if entity is None else canon(None if state is _UNSET else state),
    }
    entry["hash"] = entry_hash(entry)
    return entry


def head(db: sqlite_utils.Database, chain: str) -> tuple[int, str]:
    """(seq, hash) of the chain's last entry; (0, GENESIS) for an empty chain."""
    row = db.execute("SELECT seq, hash FROM audit_log WHERE chain = ? ORDER BY seq DESC LIMIT 1", [chain]).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


_INSERT = (f"INSERT INTO audit_log (session_id, {', '.join(FIELDS)}, hash) "
           f"VALUES ({', '.join('?' * (len(FIELDS) + 2))})")


def store(db: sqlite_utils.Database, session_id: int, entries: list[dict[str, Any]]) -> None:
    db.conn.executemany(_INSERT, [[session_id, *(e[f] for f in FIELDS), e["hash"]] for e in entries])


def append(db: sqlite_utils.Database, *, session_id: int, action: str, chain: str | None = None,
           version: int | None = None, **fields: Any) -> dict[str, Any]:
    """Append one entry to the session's chain (or to ``chain``) inside the caller's transaction.
    ``version``: the schema version, when the caller read it already (a score write reads it, and
    the session's uid, with its checks: two statements fewer)."""
    if version is None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    action = _as_stored(version, action)
    if version < CHAIN_VERSION:
        return _legacy(db, session_id, action, {**fields, "chain": chain})
    chain = chain or chain_of(db, session_id)
    seq, prev = head(db, chain)
    entry = make_entry(chain=chain, seq=seq + 1, prev_hash=prev, action=action, **fields)
    store(db, session_id, [entry])
    return entry


def _legacy(db: sqlite_utils.Database, session_id: int, action: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A row as versions 2–5 wrote it: only what a person reads (no machine-readable change)."""
    if fields.get("entity") in ROUTINE_ENTITIES or action in ROUTINE_ACTIONS:
        return {}
    if session_id and fields.get("chain") != LEDGER_CHAIN and "audit_log" in db.table_names():
        cols = ("at", "operator", "expert", "unit", "criterion", "before", "after", "reason")
        row = {c: fields.get(c) for c in cols}
        row["at"] = row["at"] or now_iso()
        row["operator"] = row["operator"] or ""
        row["reason"] = row["reason"] or ""
        db.execute(f"INSERT INTO audit_log (session_id, action, {', '.join(cols)}) VALUES (?, ?, {', '.join('?' * len(cols))})",
                   [session_id, action, *(_text(row[c]) for c in cols)])
    return {}


def append_many(db: sqlite_utils.Database, *, session_id: int, items: Iterable[Mapping[str, Any]],
                chain: str | None = None) -> list[dict[str, Any]]:
    """Append many entries at once (bulk imports, generated history); each item holds the keyword
    arguments of :func:`make_entry` without chain, seq and prev_hash."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < CHAIN_VERSION:
        return []
    chain = chain or chain_of(db, session_id)
    seq, prev = head(db, chain)
    out = []
    for item in items:
        seq += 1
        item = {**item, "action": _as_stored(version, item["action"])}
        entry = make_entry(chain=chain, seq=seq, prev_hash=prev, **item)
        prev = entry["hash"]
        out.append(entry)
    store(db, session_id, out)
    return out


def content_head(db: sqlite_utils.Database, session_id: int) -> str | None:
    """The hash of the last entry that changed the session's content, or None when there is none
    (a session from before the chain existed keeps the fingerprint it was sealed with)."""
    if not chained(db):
        return None
    row = db.execute("SELECT uid FROM sessions WHERE id = ?", [session_id]).fetchone()
    if row is None or not row[0]:
        return None
    found = db.execute(f"SELECT hash FROM audit_log WHERE chain = ? AND entity IN ({', '.join('?' * len(CONTENT))}) "
                       "ORDER BY seq DESC LIMIT 1", [row[0], *CONTENT]).fetchone()
    return found[0] if found else None


def entries(db: sqlite_utils.Database, chain: str) -> list[dict[str, Any]]:
    """Every entry of a chain, in order, with its stored hash."""
    cols = ", ".join((*FIELDS, "hash", "id"))
    return [dict(r) for r in db.query(f"SELECT {cols} FROM audit_log WHERE chain = ? ORDER BY seq", [chain])]


def first_broken(rows: list[Mapping[str, Any]], chain: str) -> str | None:
    """The first broken link of a chain's entries (in stored order), in Chinese, or None."""
    prev = GENESIS
    for index, row in enumerate(rows, start=1):
        where = f"第 {index} 条（{row.get('at') or '?'} {action_label(row.get('action')) or '?'}）"
        if row.get("chain") != chain or row.get("seq") != index:
            return f"{where}：序号不连续（应为 {index}，记录为 {row.get('seq')}），有记录被删除或插入"
        if row.get("prev_hash") != prev:
            return f"{where}：与前一条的链接断开（前一条被改动、删除或替换）"
        if entry_hash(row) != row.get("hash"):
            return f"{where}：内容与其哈希不符（这条记录被改动过）"
        if row.get("entity") is not None and not _json_ok(row.get("ref"), list) or \
                row.get("entity") is not None and not _json_ok(row.get("state"), object):
            return f"{where}：ref 或 state 不是有效的 JSON"
        prev = row["hash"]
    return None


def _json_ok(text: Any, kind: type) -> bool:
    """Text that parses as JSON of ``kind`` (the hash already pins it byte for byte)."""
    if not isinstance(text, str):
        return False
    try:
        return isinstance(json.loads(text), kind)
    except (ValueError, RecursionError):
        return False


def record_item_removed(db: sqlite_utils.Database, item_id: int, *, action: str) -> None:
    """A rectification item removed (by hand, or with its session), in the ledger's chain."""
    if not chained(db):
        return
    uid, sid, unit, problem = db.execute("SELECT uid, session_id, unit_name, problem FROM rectification_items "
                                         "WHERE id = ?", [item_id]).fetchone()
    append(db, session_id=sid or 0, chain=LEDGER_CHAIN, action=action, unit=unit, before=problem[:60],
           entity="item", ref=[uid], state=None)
