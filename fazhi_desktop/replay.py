"""What a session holds, as the audit chain describes it and as the tables hold it.

:func:`snapshot` reads the tables into a flat map ``key → value`` (keys are canonical JSON of
``[entity, *ref]``, by names, never row ids); :func:`replay` builds the same map from the chain's
entries alone. ``verify`` compares the two: a score changed with a database tool, a unit added
behind the program's back or a question deleted shows up as the first key that differs.

What is compared: meeting data, status, template, order of units and experts, units, experts,
attendance (absent or not), recusals, scores, submissions, external values, questions; for the
ledger chain: rectification items and unit-name links. What is not: timings, the live clock and
the results cache (none of them is content).
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

import sqlite_utils

from .chain import GENESIS, LEDGER_CHAIN, canon, make_entry, store
from .labels import status_label

MEETING = ("title", "kind", "date", "venue", "organisers", "chair", "host", "secretary", "summary")
ITEM_FIELDS = ("unit_name", "criterion", "source", "problem", "measure", "responsible_unit", "responsible_person",
               "deadline", "kind", "status", "evidence", "evidence_files", "closed_at", "review_opinion")
# where a unit's or an expert's name sits in the keys of other entities (index into [entity, *ref])
_UNIT_AT = {"attendance": 1, "recusal": 2, "score": 2, "submission": 2, "external": 1}
_EXPERT_AT = {"recusal": 1, "score": 1, "submission": 1}
LABELS = {"session": "评议会", "status": "状态", "meeting": "会议信息", "template": "评分细则",
          "order": "汇报顺序与专家顺序", "unit": "参评单位", "expert": "评议专家", "attendance": "缺席标记",
          "recusal": "回避", "score": "评分", "submission": "提交", "external": "外部得分", "question": "提问记录",
          "item": "整改事项", "link": "单位更名关联"}


def key(entity: str, *ref: Any) -> str:
    return canon([entity, *ref])


# ---------------------------------------------------------------------------------------------
# States of single things, as services record them


def criterion_paths(db: sqlite_utils.Database, session_id: int) -> dict[int, str]:
    """{criterion id: '一级/二级'} for every node (a question may point at a parent)."""
    rows = db.execute("SELECT id, parent_id, name FROM criteria WHERE session_id = ?", [session_id]).fetchall()
    by_id = {cid: (parent, name) for cid, parent, name in rows}
    paths: dict[int, str] = {}

    def path(cid: int) -> str:
        if cid not in paths:
            parent, name = by_id[cid]
            paths[cid] = name if parent is None or parent not in by_id else f"{path(parent)}/{name}"
        return paths[cid]
    for cid in by_id:
        path(cid)
    return paths


def meeting_state(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    row = db.execute(f"SELECT {', '.join(MEETING)} FROM sessions WHERE id = ?", [session_id]).fetchone()
    return dict(zip(MEETING, row))


def template_state(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    from .stored_template import load_template

    try:
        return load_template(db, session_id).to_dict()
    except (KeyError, ValueError, TypeError, ArithmeticError, AttributeError):
        # a session an old version stored with settings today's template can't read: its raw columns
        row = db.execute("SELECT template_name, aggregation, components_json, grades_json, timing_json FROM sessions "
                         "WHERE id = ?", [session_id]).fetchone()
        crit = db.execute("SELECT name, max, description, position FROM criteria WHERE session_id = ? "
                          "ORDER BY parent_id IS NOT NULL, position, id", [session_id]).fetchall()
        return {"raw": [list(row), [list(c) for c in crit]]}


def order_state(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    mode, seed, witness = db.execute("SELECT order_mode, draw_seed, draw_witness FROM sessions WHERE id = ?",
                                     [session_id]).fetchone()
    units = [n for (n,) in db.execute("SELECT name FROM units WHERE session_id = ? ORDER BY position, id", [session_id])]
    experts = [n for (n,) in db.execute("SELECT name FROM experts WHERE session_id = ? ORDER BY position, id",
                                        [session_id])]
    return {"mode": mode, "seed": seed, "witness": witness or "", "units": units, "experts": experts}


def unit_state(db: sqlite_utils.Database, unit_id: int) -> dict[str, Any] | None:
    row = db.execute("SELECT name, presenter, presenter_title, report_title FROM units WHERE id = ?",
                     [unit_id]).fetchone()
    return None if row is None else dict(zip(("name", "presenter", "presenter_title", "report_title"), row))


def expert_state(db: sqlite_utils.Database, expert_id: int) -> dict[str, Any] | None:
    row = db.execute("SELECT name, category, affiliation FROM experts WHERE id = ?", [expert_id]).fetchone()
    return None if row is None else dict(zip(("name", "category", "affiliation"), row))


def question_state(db: sqlite_utils.Database, question_id: int) -> tuple[str, dict[str, Any]] | None:
    """(uid, state) of one question."""
    row = db.execute("SELECT q.uid, q.session_id, u.name, e.name, q.text, q.answer, q.criterion_id, q.problem, "
                     "q.measure, q.deadline, q.at FROM questions q JOIN units u ON u.id = q.unit_id "
                     "LEFT JOIN experts e ON e.id = q.expert_id WHERE q.id = ?", [question_id]).fetchone()
    if row is None:
        return None
    uid, sid, unit, expert, text, answer, crit, problem, measure, deadline, at = row
    path = criterion_paths(db, sid).get(crit) if crit is not None else None
    return uid, {"unit": unit, "expert": expert, "text": text, "answer": answer, "criterion": path,
                 "problem": bool(problem), "measure": measure, "deadline": deadline, "at": at}


def item_state(db: sqlite_utils.Database, item_id: int) -> tuple[str, dict[str, Any]] | None:
    """(uid, state) of one rectification item."""
    row = db.execute(f"SELECT r.uid, s.uid, {', '.join('r.' + f for f in ITEM_FIELDS)} FROM rectification_items r "
                     "LEFT JOIN sessions s ON s.id = r.session_id WHERE r.id = ?", [item_id]).fetchone()
    if row is None:
        return None
    state = dict(zip(ITEM_FIELDS, row[2:]))
    state["status"] = status_label(state["status"])  # the chain carries the words (as before codes, v9)
    state["evidence_files"] = json.loads(state["evidence_files"] or "[]")
    state["session"] = row[1]
    return row[0], state


# ---------------------------------------------------------------------------------------------
# The whole content, from the tables


def snapshot(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """Everything :func:`replay` must reproduce for a session, read from the tables."""
    out: dict[str, Any] = {}
    uid, status = db.execute("SELECT uid, status FROM sessions WHERE id = ?", [session_id]).fetchone()
    out[key("session")] = {"uid": uid}
    out[key("status")] = status
    out[key("meeting")] = meeting_state(db, session_id)
    out[key("template")] = template_state(db, session_id)
    out[key("order")] = order_state(db, session_id)
    units = dict(db.execute("SELECT id, name FROM units WHERE session_id = ?", [session_id]).fetchall())
    experts = dict(db.execute("SELECT id, name FROM experts WHERE session_id = ?", [session_id]).fetchall())
    for uid_, name, presenter, ptitle, rtitle, ustatus in db.execute(
            "SELECT id, name, presenter, presenter_title, report_title, status FROM units WHERE session_id = ?",
            [session_id]):
        out[key("unit", name)] = {"name": name, "presenter": presenter, "presenter_title": ptitle,
                                  "report_title": rtitle}
        if ustatus == "absent":
            out[key("attendance", name)] = "absent"
    for _eid, name, category, affiliation in db.execute(
            "SELECT id, name, category, affiliation FROM experts WHERE session_id = ?", [session_id]):
        out[key("expert", name)] = {"name": name, "category": category, "affiliation": affiliation}
    for e, u in db.execute("SELECT expert_id, unit_id FROM recusals WHERE session_id = ?", [session_id]):
        out[key("recusal", experts.get(e), units.get(u))] = True
    paths = criterion_paths(db, session_id)
    for e, u, c, v in db.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = ?",
                                 [session_id]):
        out[key("score", experts.get(e), units.get(u), paths.get(c))] = v
    for e, u in db.execute("SELECT expert_id, unit_id FROM submissions WHERE session_id = ?", [session_id]):
        out[key("submission", experts.get(e), units.get(u))] = True
    for u, comp, v in db.execute("SELECT unit_id, component, value FROM external_values WHERE session_id = ?",
                                 [session_id]):
        out[key("external", units.get(u), comp)] = v
    for quid, u, e, text, answer, crit, problem, measure, deadline, at in db.execute(
            "SELECT uid, unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline, at "
            "FROM questions WHERE session_id = ?", [session_id]):
        out[key("question", quid)] = {"unit": units.get(u), "expert": experts.get(e), "text": text, "answer": answer,
                                      "criterion": paths.get(crit) if crit is not None else None,
                                      "problem": bool(problem), "measure": measure, "deadline": deadline, "at": at}
    return out


def ledger_snapshot(db: sqlite_utils.Database) -> dict[str, Any]:
    """The ledger chain's content: every rectification item and every unit-name link."""
    out: dict[str, Any] = {}
    for (item_id,) in db.execute("SELECT id FROM rectification_items"):
        got = item_state(db, item_id)
        if got:
            out[key("item", got[0])] = got[1]
    for old, new, note in db.execute("SELECT old_name, new_name, note FROM unit_links"):
        out[key("link", old)] = {"new": new, "note": note}
    return out


# ---------------------------------------------------------------------------------------------
# The same, from the chain


def _rename(state: dict[str, Any], kind: str, old: str, new: str) -> None:
    positions = _UNIT_AT if kind == "unit" else _EXPERT_AT
    field = "unit" if kind == "unit" else "expert"
    for k in list(state):
        parts = json.loads(k)
        at = positions.get(parts[0])
        if at is not None and len(parts) > at and parts[at] == old:
            parts[at] = new
            state[canon(parts)] = state.pop(k)
        elif parts[0] == "question" and isinstance(state[k], dict) and state[k].get(field) == old:
            state[k] = {**state[k], field: new}
    order = state.get(key("order"))
    if isinstance(order, dict):
        names = order.get("units" if kind == "unit" else "experts")
        if isinstance(names, list):
            order[("units" if kind == "unit" else "experts")] = [new if n == old else n for n in names]


def _key_of(entity: str, ref_text: str | None) -> str:
    """key(entity, *ref) from the stored canonical ``ref`` text, without parsing it (the chain
    writes ref as canonical JSON; a forged non-canonical one simply matches nothing)."""
    if not ref_text or ref_text == "[]":
        return f'["{entity}"]'
    return f'["{entity}",{ref_text[1:]}'


def apply(state: dict[str, Any], entry: Mapping[str, Any]) -> None:
    """Apply one entry's change to ``state`` (in place)."""
    entity = entry.get("entity")
    if entity is None:
        return
    value = json.loads(entry["state"]) if entry.get("state") else None
    if entity in ("attendance", "recusal", "score", "submission", "external", "question", "item", "link",
                  "status", "meeting", "template", "order"):  # the common case: set or remove one key
        k = _key_of(entity, entry.get("ref"))
        if value is None:
            state.pop(k, None)
        else:
            state[k] = value
        return
    ref = json.loads(entry["ref"]) if entry.get("ref") else []
    if entity == "baseline":
        state.clear()
        state.update(value or {})
    elif entity == "session" and value is None:
        state.clear()
    elif entity == "seal":
        state[key("status")] = "sealed"
    elif entity in ("unit", "expert") and value is not None and ref and value.get("name") != ref[0]:
        state.pop(key(entity, ref[0]), None)
        _rename(state, entity, ref[0], value["name"])
        state[key(entity, value["name"])] = value
    else:
        k = key(entity, *ref)
        if value is None:
            state.pop(k, None)
        else:
            state[k] = value


def replay(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for row in rows:
        apply(state, row)
    return state


def describe(k: str) -> str:
    parts = json.loads(k)
    label = LABELS.get(parts[0], parts[0])
    if parts[0] == "question":
        return label
    return label + ("：" + " / ".join(str(p) for p in parts[1:]) if len(parts) > 1 else "")


def _short(value: Any) -> str:
    if value is None:
        return "（无）"
    text = value if isinstance(value, str) else canon(value)
    return text if len(text) <= 60 else text[:57] + "…"


def differences(expected: Mapping[str, Any], actual: Mapping[str, Any], limit: int = 10) -> list[str]:
    """What the tables hold that the chain does not say (in Chinese), the first ``limit``."""
    out = []
    # the order lists every unit: a single added or removed one is named first, by itself
    for k in sorted(set(expected) | set(actual), key=lambda k: (k == key("order"), k)):
        want, have = expected.get(k), actual.get(k)
        if want == have:
            continue
        if k not in actual:
            out.append(f"{describe(k)}：审计链记录为 {_short(want)}，表中没有（被删除）")
        elif k not in expected:
            out.append(f"{describe(k)}：表中为 {_short(have)}，审计链没有这项记录（绕过程序写入）")
        else:
            if isinstance(want, dict) and isinstance(have, dict):
                fields = [f for f in sorted(set(want) | set(have)) if want.get(f) != have.get(f)]
                detail = "；".join(f"{f}：表中为 {_short(have.get(f))}，审计链记录为 {_short(want.get(f))}"
                                  for f in fields[:3])
                out.append(f"{describe(k)}：{detail}")
            else:
                out.append(f"{describe(k)}：表中为 {_short(have)}，审计链记录为 {_short(want)}")
        if len(out) >= limit:
            break
    return out


def migrate_legacy_log(db: sqlite_utils.Database) -> None:
    """Migration v6: chain the rows written before the chain existed (in the order written), then
    close each session's chain with a baseline of its content, and the ledger chain with the
    ledger's. Runs inside the migration's transaction."""
    uids = dict(db.execute("SELECT id, uid FROM sessions").fetchall())
    rows = [dict(r) for r in db.query("SELECT id, session_id, at, operator, action, expert, unit, criterion, before, "
                                      "after, reason FROM audit_log ORDER BY id")]
    db.execute("DROP TRIGGER audit_log_no_update")
    heads: dict[str, tuple[int, str]] = {}
    for row in rows:
        chain = uids.get(row["session_id"]) or f"deleted-session-{row['session_id']}"
        seq, prev = heads.get(chain, (0, GENESIS))
        entry = make_entry(chain=chain, seq=seq + 1, prev_hash=prev, action=row["action"], at=row["at"],
                           operator=row["operator"], expert=row["expert"], unit=row["unit"],
                           criterion=row["criterion"], before=row["before"], after=row["after"],
                           reason=row["reason"])
        heads[chain] = (seq + 1, entry["hash"])
        db.execute("UPDATE audit_log SET chain = ?, seq = ?, prev_hash = ?, hash = ?, at = ?, operator = ?, "
                   "reason = ? WHERE id = ?", [chain, entry["seq"], entry["prev_hash"], entry["hash"], entry["at"],
                                              entry["operator"], entry["reason"], row["id"]])
    db.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")
    def close(session_id: int, chain: str, action: str, state: dict) -> None:
        seq, prev = heads.get(chain, (0, GENESIS))
        store(db, session_id, [make_entry(chain=chain, seq=seq + 1, prev_hash=prev, action=action, entity="baseline",
                                          ref=[], state=state)])

    for sid, uid in sorted(uids.items()):
        close(sid, uid, "审计链起点（升级前的内容）", snapshot(db, sid))
    ledger = ledger_snapshot(db)
    if ledger:
        close(0, LEDGER_CHAIN, "审计链起点（升级前的整改台账）", ledger)
