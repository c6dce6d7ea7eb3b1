"""A session as it stood at one moment, read once: the data the rules compute over.

:func:`load_snapshot` reads everything inside one read transaction (``BEGIN`` … ``COMMIT`` on the
connection; in WAL mode every query of it sees the same moment, whatever another window, a phone
or another program writes meanwhile). The results (``results.results_of``), the fingerprint
(``export.fingerprint.fingerprint_of``), the documents' data (``export.data.export_data``) and the
package (``package.serialise.package_data``) are pure functions of a :class:`Snapshot`, so a
workbook's 评分明细 always agrees with its own 专家合计.

This module is the one place that reads the ``scores`` table as a set (:func:`read_scores`);
``scoring.scores_for`` calls it too. A snapshot is read to a *level*: what the caller needs and no
more, so the results page does not read the audit chain:

- ``RESULTS``: session, template, units, experts, recusals, scores, submissions, external values,
  double entry and its checks, a checklist session's ratings;
- ``CONTENT``: + questions, the audit chain's content head, evidence and candidates' steps (what
  the fingerprint covers) and the units' actual durations;
- ``PACKAGE``: + what only a package carries (live state, audit chain, seal log, ledger items,
  unit links, demonstration records, the template's stored state).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

import sqlite_utils

from .chain import CHAIN_VERSION, content_head, entries
from .db import read_transaction
from .errors import UserError
from .questions import Question
from .roster import Expert, Unit
from .sessions import Session
from .stored_template import CHECKLIST_VERSION, DEVICES_VERSION, load_template
from .template import Template

RESULTS, CONTENT, PACKAGE = 0, 1, 2
SCORING_VERSION = 2  # submissions, external values (migrations._v2_scoring)
TIMING_VERSION = 3  # unit_timing.extra_s, started_at, ended_at (migrations._v3_live)
PROVENANCE_VERSION = 5  # external_values.source_note, source_file, entered_by (migrations._v5_external_provenance)
SEAL_COLS = ("at", "action", "operator", "reason", "fingerprint_before", "fingerprint_after", "signer", "signer_name",
             "signature")
ScoreKey = tuple[int, int, int]  # (expert id, unit id, criterion id)


@dataclass(frozen=True)
class ExternalRow:
    """One stored value of an external component, with where it came from (empty before v5)."""
    unit_id: int
    component: str
    text: str  # as stored
    at: str
    note: str = ""
    file: str = ""
    entered_by: str = ""

    @property
    def value(self) -> Decimal:
        return Decimal(self.text)


@dataclass(frozen=True)
class TimingRow:
    unit_id: int
    phase: str
    seconds: float
    extra_s: float | None = None
    started_at: str | None = None
    ended_at: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """One session's data at one moment (see the module doc). Keys are row ids; ``unit_names``,
    ``expert_names`` and ``leaf_paths`` turn them into the names documents and packages speak in.
    A part not read at the snapshot's level is None."""
    level: int
    session: Session
    session_row: Mapping[str, Any]  # every column of the sessions row (uid, checklist_json, …)
    template: Template
    units: list[Unit]
    experts: list[Expert]
    recusals: frozenset[tuple[int, int]]  # (expert id, unit id)
    scores: Mapping[ScoreKey, Decimal]
    score_rows: Mapping[ScoreKey, tuple[str, str]]  # the stored text and updated_at of each score
    submissions: Mapping[tuple[int, int], str]  # (expert id, unit id) → submitted_at
    external: list[ExternalRow]  # in unit id, component order
    double_entry: bool
    checks: Mapping[ScoreKey, Decimal]  # 双人录入核对: the value each check agreed with (empty when off)
    ratings: list[tuple] | None  # checklist: (unit id, criterion id, rating, note, evidence text, updated_at)
    # CONTENT
    questions: list[Question] | None = None  # in time order
    timing: list[TimingRow] | None = None  # in unit id, phase order
    chain_head: str | None = None
    evidence: list[tuple] | None = None  # checklist: (id, unit id, criterion id, name, stored, sha256, size, added_at)
    steps: list[tuple] | None = None  # checklist: (unit id, step, date, end, outcome, value, objections, note, updated_at)
    # PACKAGE
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def unit_names(self) -> dict[int, str]:
        return {u.id: u.name for u in self.units}

    @property
    def expert_names(self) -> dict[int, str]:
        return {e.id: e.name for e in self.experts}

    @property
    def leaf_paths(self) -> dict[int, str]:
        """{leaf criterion id: '一级/二级'} in the template's order."""
        return {leaf.id: path for path, leaf in self.template.leaves()}

    @property
    def is_checklist(self) -> bool:
        return self.session_row.get("checklist_json") is not None

    def need(self, level: int, what: str) -> None:
        if self.level < level:
            raise ValueError(f"a snapshot read to level {self.level} has no {what} (needs {level})")


def read_scores(db: sqlite_utils.Database, session_id: int, unit_id: int | None = None,
                ) -> dict[ScoreKey, tuple[str, str]]:
    """The one reader of the scores table as a set: {(expert, unit, criterion): (text, updated_at)}
    of a session (or one of its units), in no particular order."""
    sql = "SELECT expert_id, unit_id, criterion_id, value, updated_at FROM scores WHERE session_id = ?"
    params: list[object] = [session_id]
    if unit_id is not None:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    return {(e, u, c): (v, at) for e, u, c, v, at in db.execute(sql, params)}


def load_snapshot(db: sqlite_utils.Database, session_id: int, level: int = RESULTS) -> Snapshot:
    """The session at one moment, read to ``level`` in one read transaction (or inside the caller's)."""
    with read_transaction(db):
        return _load(db, session_id, level)


def _rows(db: sqlite_utils.Database, sql: str, session_id: int) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql, [session_id]).fetchall()]


def _load(db: sqlite_utils.Database, session_id: int, level: int) -> Snapshot:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    cursor = db.execute("SELECT * FROM sessions WHERE id = ?", [session_id])
    row = cursor.fetchone()
    if row is None:
        raise UserError(f"没有编号为 {session_id} 的评议会。")
    session_row = dict(zip([d[0] for d in cursor.description], row))
    session = Session.from_row(session_row)
    try:
        template = load_template(db, session_id)
    except (KeyError, ValueError, TypeError, ArithmeticError, AttributeError):
        if level < PACKAGE:
            raise
        template = None  # an old session today's template can't read: a package still carries it raw
    units = [Unit(*r) for r in db.execute(
        "SELECT id, name, presenter, presenter_title, report_title, position, status FROM units "
        "WHERE session_id = ? ORDER BY position, id", [session_id])]
    experts = [Expert(*r) for r in db.execute(
        "SELECT id, name, category, affiliation, position FROM experts WHERE session_id = ? ORDER BY position, id",
        [session_id])]
    recusals = frozenset((e, u) for e, u in db.execute(
        "SELECT expert_id, unit_id FROM recusals WHERE session_id = ?", [session_id]))
    score_rows = read_scores(db, session_id)
    scores = {k: Decimal(v) for k, (v, _at) in score_rows.items()}
    submissions = {(e, u): at for e, u, at in db.execute(
        "SELECT expert_id, unit_id, submitted_at FROM submissions WHERE session_id = ? ORDER BY unit_id, expert_id",
        [session_id])} if version >= SCORING_VERSION else {}
    provenance = "source_note, source_file, entered_by" if version >= PROVENANCE_VERSION else "'', '', ''"
    external = [ExternalRow(*r) for r in db.execute(
        f"SELECT unit_id, component, value, updated_at, {provenance} FROM external_values WHERE session_id = ? "
        "ORDER BY unit_id, component", [session_id])]
    double_entry = version >= DEVICES_VERSION and db.execute(
        "SELECT 1 FROM double_entry WHERE session_id = ?", [session_id]).fetchone() is not None
    checks = {(e, u, c): Decimal(v) for e, u, c, v in db.execute(
        "SELECT expert_id, unit_id, criterion_id, value FROM score_checks WHERE session_id = ?",
        [session_id])} if double_entry else {}
    checklist = version >= CHECKLIST_VERSION and session_row.get("checklist_json") is not None
    ratings = _rows(db, "SELECT unit_id, criterion_id, rating, note, evidence_text, updated_at FROM ratings "
                        "WHERE session_id = ? ORDER BY unit_id, criterion_id", session_id) if checklist else None
    parts: dict[str, Any] = {}
    if level >= CONTENT:
        uid = "uid" if version >= CHAIN_VERSION else "NULL"
        parts["questions"] = [Question(qid, session_id, u, e, text, answer, c, bool(p), measure, deadline, at, elapsed,
                                       quid) for qid, u, e, text, answer, c, p, measure, deadline, at, elapsed, quid in
                              db.execute("SELECT id, unit_id, expert_id, text, answer, criterion_id, problem, measure, "
                                         f"deadline, at, elapsed_s, {uid} FROM questions WHERE session_id = ? "
                                         "ORDER BY at, id", [session_id])]
        more = "t.extra_s, t.started_at, t.ended_at" if version >= TIMING_VERSION else "NULL, NULL, NULL"
        parts["timing"] = [TimingRow(*r) for r in db.execute(
            f"SELECT t.unit_id, t.phase, t.seconds, {more} FROM unit_timing t JOIN units u ON u.id = t.unit_id "
            "WHERE u.session_id = ? ORDER BY t.unit_id, t.phase", [session_id])]
        parts["chain_head"] = content_head(db, session_id)
        if checklist:
            parts["evidence"] = _rows(db, "SELECT id, unit_id, criterion_id, name, stored, sha256, size, added_at "
                                          "FROM rating_evidence WHERE session_id = ? ORDER BY id", session_id)
            parts["steps"] = _rows(db, "SELECT unit_id, step, date, end_date, outcome, value, objections, note, "
                                       "updated_at FROM candidate_steps WHERE session_id = ? ORDER BY unit_id, step",
                                   session_id)
    if level >= PACKAGE:
        parts["extra"] = _package_parts(db, session_id, session_row, template, checklist)
    return Snapshot(level, session, session_row, template, units, experts, recusals, scores, score_rows, submissions,
                    external, double_entry, checks, ratings, **parts)


def _package_parts(db: sqlite_utils.Database, session_id: int, session_row: Mapping[str, Any],
                   template: Template | None, checklist: bool) -> dict[str, Any]:
    """What only a package carries, read in the snapshot's transaction."""
    from .replay import ITEM_FIELDS, criterion_paths, template_state

    live = db.execute("SELECT unit_id, phase, running, elapsed_s, started_wall, extra_s, updated_at FROM live_state "
                      "WHERE session_id = ?", [session_id]).fetchone()
    return {
        "criterion_paths": criterion_paths(db, session_id),  # every node: a question may point at a parent
        "template_state": template.to_dict() if template is not None else template_state(db, session_id),
        "live_state": None if live is None else tuple(live),
        "unit_links": [dict(r) for r in db.query("SELECT old_name, new_name, note, created_at FROM unit_links")],
        "rectification_items": [dict(r) for r in db.query(
            f"SELECT uid, question_id, {', '.join(ITEM_FIELDS)}, created_at, updated_at FROM rectification_items "
            "WHERE session_id = ? ORDER BY id", [session_id])],
        "audit": entries(db, session_row["uid"]),
        "seal_log": [dict(r) for r in db.query(
            f"SELECT {', '.join(SEAL_COLS)} FROM seal_log WHERE session_id = ? ORDER BY id", [session_id])],
        "demonstration_records": _rows(
            db, "SELECT unit_name, kind, date, year, outcome, cause, note, created_at FROM demonstration_records "
                "WHERE session_id = ? ORDER BY id", session_id) if checklist else None,
    }
