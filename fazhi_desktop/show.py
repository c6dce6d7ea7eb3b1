"""The whole session as one JSON-ready dict (``show --json``, CONTRACT.md)."""
from __future__ import annotations

import time
from typing import Any, Callable

import sqlite_utils

from .checklist.canonical import checklist_show
from .live import LiveMeeting
from .roster import lookup


def session_dict(db: sqlite_utils.Database, session_id: int, *, wall: Callable[[], float] = time.time) -> dict[str, Any]:
    """``wall``: the wall clock for the running phase's elapsed time (tests pass their own)."""
    names = lookup(db, session_id)
    s, template, units, experts = names.session, names.template, names.units, names.experts
    unit_names, expert_names, leaf_paths = names.unit_names, names.expert_names, names.leaf_paths
    actual: dict[int, dict[str, float]] = {}
    for unit_id, phase, seconds in db.execute(
            "SELECT t.unit_id, t.phase, t.seconds FROM unit_timing t JOIN units u ON u.id = t.unit_id "
            "WHERE u.session_id = ?", [session_id]):
        actual.setdefault(unit_id, {})[f"{phase}_s"] = round(seconds, 1)
    meeting = LiveMeeting(db, session_id, wall=wall)
    if meeting.unit_id is not None and meeting.phase in ("report", "questions") and meeting.elapsed() > 0:
        # the running phase's figure is newer than its last stored value
        actual.setdefault(meeting.unit_id, {})[f"{meeting.phase}_s"] = round(meeting.elapsed(), 1)
    questions = []
    for unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline, at, elapsed in db.execute(
            "SELECT unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline, at, elapsed_s "
            "FROM questions WHERE session_id = ? ORDER BY at, id", [session_id]):
        questions.append({
            "unit": unit_names.get(unit_id), "expert": expert_names.get(expert_id), "text": text,
            "answer": answer, "criterion": leaf_paths.get(criterion_id), "problem": bool(problem),
            "measure": measure, "deadline": deadline, "at": at, "elapsed_s": elapsed})
    return {
        "id": s.id, "title": s.title, "kind": s.kind, "date": s.date, "venue": s.venue,
        "organisers": s.organisers, "chair": s.chair, "host": s.host, "secretary": s.secretary,
        "status": s.status, "summary": s.summary,
        "order": {"mode": s.order_mode, "seed": s.draw_seed, "at": s.draw_at, "witness": s.draw_witness},
        "template": template.to_dict(),
        "units": [{"name": u.name, "presenter": u.presenter, "presenter_title": u.presenter_title,
                   "report_title": u.report_title, "order": u.position, "status": u.status,
                   "actual": actual.get(u.id, {})} for u in units],
        "experts": [{"name": e.name, "category": e.category, "affiliation": e.affiliation} for e in experts],
        "recusals": [{"expert": expert_names[e], "unit": unit_names[u]} for e, u in db.execute(
            "SELECT r.expert_id, r.unit_id FROM recusals r JOIN units u ON u.id = r.unit_id "
            "JOIN experts e ON e.id = r.expert_id WHERE r.session_id = ? ORDER BY e.position, u.position",
            [session_id])],
        "questions": questions,
        "live": meeting.live_dict(),
        **checklist_show(db, session_id),  # a checklist session: its ratings and the candidates' steps
    }
