"""The session's fingerprint: SHA-256 over a canonical JSON of its setup, scores and questions.

The same fingerprint is printed on every exported page and shown in the app, so a printed page
can be matched to the database it came from. Only meeting content counts: row ids, timestamps of
edits and the status do not, so copying a session to another database keeps the fingerprint,
and any change of a score, a question or the setup changes it.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

import sqlite_utils

from ..chain import content_head
from ..checklist.canonical import checklist_canonical
from ..roster import lookup
from ..template import fmt_decimal

SHORT_LENGTH = 12


def canonical_data(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """What the fingerprint covers, with names instead of row ids and numbers as exact text."""
    names = lookup(db, session_id)
    s, template, units, experts = names.session, names.template, names.units, names.experts
    unit_names, expert_names, leaf_paths = names.unit_names, names.expert_names, names.leaf_paths
    scores = sorted(
        [expert_names[e], unit_names[u], leaf_paths.get(c, str(c)), fmt_decimal(Decimal(v))]
        for e, u, c, v in db.execute(
            "SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = ?", [session_id]))
    external = sorted(
        [unit_names[u], comp, fmt_decimal(Decimal(v))] for u, comp, v in db.execute(
            "SELECT unit_id, component, value FROM external_values WHERE session_id = ?", [session_id]))
    questions = [
        [unit_names.get(u), expert_names.get(e), text, answer, leaf_paths.get(c), bool(p), measure, deadline]
        for u, e, text, answer, c, p, measure, deadline in db.execute(
            "SELECT unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline FROM questions "
            "WHERE session_id = ? ORDER BY at, id", [session_id])]
    recusals = sorted([expert_names[e], unit_names[u]] for e, u in db.execute(
        "SELECT expert_id, unit_id FROM recusals WHERE session_id = ?", [session_id]))
    data = {
        "meeting": {k: getattr(s, k) for k in ("title", "kind", "date", "venue", "organisers", "chair",
                                               "host", "secretary", "summary")},
        "order": {"mode": s.order_mode, "seed": s.draw_seed},
        "template": template.to_dict(),
        "units": [[u.name, u.presenter, u.presenter_title, u.report_title, u.status] for u in units],
        "experts": [[e.name, e.category, e.affiliation] for e in experts],
        "recusals": recusals,
        "scores": scores,
        "external": external,
        "questions": questions,
    }
    # a checklist session's ratings, evidence files (by SHA-256) and the candidates' steps; nothing
    # for a scored session, so no fingerprint sealed before checklists existed moves
    data.update(checklist_canonical(db, session_id))
    return data


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def session_fingerprint(db: sqlite_utils.Database, session_id: int) -> str:
    """The full SHA-256 hex digest of the session's canonical data and of its audit chain's head
    (the last change of content: a forged history gives another fingerprint; see chain.py)."""
    data = canonical_data(db, session_id)
    head = content_head(db, session_id)
    if head:  # none for a session sealed before the chain existed: its printed fingerprint holds
        data["chain"] = head
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def short_fingerprint(digest: str) -> str:
    """The first 12 hex digits in groups of four, upper case: easy to read aloud and compare."""
    head = digest[:SHORT_LENGTH].upper()
    return "-".join(head[i:i + 4] for i in range(0, SHORT_LENGTH, 4))
