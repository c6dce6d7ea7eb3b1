"""The session's fingerprint: SHA-256 over a canonical JSON of its setup, scores and questions.

The same fingerprint is printed on every exported page and shown in the app, so a printed page
can be matched to the database it came from. Only meeting content counts: row ids, timestamps of
edits and the status do not, so copying a session to another database keeps the fingerprint,
and any change of a score, a question or the setup changes it.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlite_utils

from ..checklist.canonical import checklist_canonical_of
from ..snapshot import CONTENT, Snapshot, load_snapshot
from ..template import fmt_decimal

SHORT_LENGTH = 12


def canonical_data(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """What the fingerprint covers (read in one transaction); see :func:`canonical_of`."""
    return canonical_of(load_snapshot(db, session_id, CONTENT))


def canonical_of(snap: Snapshot) -> dict[str, Any]:
    """What the fingerprint covers, with names instead of row ids and numbers as exact text."""
    snap.need(CONTENT, "questions")
    s, template, units, experts = snap.session, snap.template, snap.units, snap.experts
    unit_names, expert_names, leaf_paths = snap.unit_names, snap.expert_names, snap.leaf_paths
    scores = sorted([expert_names[e], unit_names[u], leaf_paths.get(c, str(c)), fmt_decimal(v)]
                    for (e, u, c), v in snap.scores.items())
    external = sorted([unit_names[x.unit_id], x.component, fmt_decimal(x.value)] for x in snap.external)
    questions = [[unit_names.get(q.unit_id), expert_names.get(q.expert_id), q.text, q.answer,
                  leaf_paths.get(q.criterion_id), q.problem, q.measure, q.deadline] for q in snap.questions]
    recusals = sorted([expert_names[e], unit_names[u]] for e, u in snap.recusals)
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
    data.update(checklist_canonical_of(snap))
    return data


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def session_fingerprint(db: sqlite_utils.Database, session_id: int) -> str:
    """The session's fingerprint as it is now (one snapshot, read in one transaction)."""
    return fingerprint_of(load_snapshot(db, session_id, CONTENT))


def fingerprint_of(snap: Snapshot) -> str:
    """The full SHA-256 hex digest of the session's canonical data and of its audit chain's head
    (the last change of content: a forged history gives another fingerprint; see chain.py)."""
    data = canonical_of(snap)
    if snap.chain_head:  # none for a session sealed before the chain existed: its printed fingerprint holds
        data["chain"] = snap.chain_head
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def short_fingerprint(digest: str) -> str:
    """The first 12 hex digits in groups of four, upper case: easy to read aloud and compare."""
    head = digest[:SHORT_LENGTH].upper()
    return "-".join(head[i:i + 4] for i in range(0, SHORT_LENGTH, 4))
