"""Everything the documents show, as plain objects by names, computed from one snapshot
(``fazhi_desktop.snapshot``: the session read once, in one read transaction).

Writers never query the database: they format an :class:`ExportData`, which keeps them fast and
lets one read serve the PDF, DOCX and XLSX alike, all of one moment.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import sqlite_utils

from ..results import Results, UnitResult, results_of
from ..roster import Expert, Unit
from ..sessions import Session
from ..snapshot import CONTENT, Snapshot, load_snapshot, read_transaction
from ..template import Template
from .fingerprint import fingerprint_of, short_fingerprint
from .wording import apportion

UNFINISHED = ("draft", "live")


@dataclass
class Question:
    unit: str
    expert: str  # '' when not recorded
    text: str
    answer: str
    criterion: str | None
    problem: bool
    measure: str
    deadline: str | None
    at: str


@dataclass
class External:
    """One external component value with where it came from (migration v5)."""
    value: Decimal
    note: str  # the survey or body that gave it
    file: str  # imported from
    entered_by: str
    at: str  # when it was entered (ISO)


@dataclass
class ExportData:
    session: Session
    template: Template
    units: list[Unit]
    experts: list[Expert]
    recusals: set[tuple[str, str]]  # (expert name, unit name)
    scores: dict[tuple[str, str, str], Decimal]  # (expert, unit, leaf path) → value
    results: Results
    questions: list[Question]
    timing: dict[str, dict[str, float]]  # unit → {"report": s, "questions": s}
    fingerprint: str
    leaf_paths: list[str] = field(default_factory=list)
    external: dict[tuple[str, str], External] = field(default_factory=dict)  # (unit, component) → value
    audit: dict | None = None  # verify.audit_appendix: the checked audit chain the minutes append
    snapshot: Snapshot | None = None  # what all of the above was computed from

    @property
    def short_fp(self) -> str:
        return short_fingerprint(self.fingerprint)

    @property
    def draft(self) -> bool:
        """An unfinished session (draft or live): its documents are marked 草稿（未定稿）."""
        return self.session.status in UNFINISHED

    def result(self, unit: str) -> UnitResult:
        return next(r for r in self.results.units if r.name == unit)

    def ranked(self) -> list[UnitResult]:
        return sorted(self.results.units, key=lambda u: (u.rank is None, u.rank or 0, u.position))

    def questions_for(self, unit: str) -> list[Question]:
        return [q for q in self.questions if q.unit == unit]

    @property
    def leaf_max(self) -> dict[str, Decimal]:
        return {path: leaf.maximum for path, leaf in self.template.leaves()}

    @property
    def ranked_count(self) -> int:
        return sum(1 for u in self.results.units if u.rank is not None)

    def panel_exact(self, unit: str) -> Fraction | None:
        """The panel score on the template's own scale: the sum of the per-criterion means."""
        values = list(self.result(unit).criteria.values())
        return None if not values or any(v is None for v in values) else sum(values, Fraction(0))

    def shown_criteria(self, unit: str) -> dict[str, Decimal | None]:
        """Per leaf, the mean as printed: 2 decimals, adjusted so they add up to the printed panel score."""
        r = self.result(unit)
        shown = apportion([r.criteria.get(p) for p in self.leaf_paths], self.panel_exact(unit))
        return dict(zip(self.leaf_paths, shown))

    def external_components(self) -> list[str]:
        return [c.name for c in self.template.components if c.source == "external"]

    def expert_labels(self, show: bool) -> dict[str, str]:
        """Expert name → what a document prints: the name, or 专家甲/乙/… in an order that does not
        follow the panel list (so a label cannot be matched to a name by position)."""
        if show:
            return {e.name: e.name for e in self.experts}
        names = [e.name for e in self.experts]
        random.Random(int(hashlib.sha256(self.fingerprint.encode()).hexdigest()[:8], 16)).shuffle(names)
        stems = "甲乙丙丁戊己庚辛壬癸"
        return {n: f"专家{stems[i] if i < len(stems) else i + 1}" for i, n in enumerate(names)}


def load_export_data(db: sqlite_utils.Database, session_id: int) -> ExportData:
    """The documents' data of one moment: a snapshot and the checked audit appendix, both read in
    one read transaction (another window or program writing meanwhile changes neither)."""
    from ..chain import chained
    from ..verify import audit_appendix

    with read_transaction(db):
        snap = load_snapshot(db, session_id, CONTENT)
        audit = audit_appendix(db, session_id) if chained(db) else None
    return export_data(snap, audit)


def export_data(snap: Snapshot, audit: dict | None = None) -> ExportData:
    """What the documents show, by names, over a snapshot (``audit``: verify.audit_appendix): pure."""
    snap.need(CONTENT, "questions")
    unit_names, expert_names, paths = snap.unit_names, snap.expert_names, snap.leaf_paths
    recusals = {(expert_names[e], unit_names[u]) for e, u in snap.recusals}
    scores = {(expert_names[e], unit_names[u], paths[c]): v for (e, u, c), v in snap.scores.items() if c in paths}
    questions = [Question(unit_names.get(q.unit_id, ""), expert_names.get(q.expert_id, "") if q.expert_id else "",
                          q.text, q.answer, paths.get(q.criterion_id), q.problem, q.measure, q.deadline, q.at)
                 for q in snap.questions]
    timing: dict[str, dict[str, float]] = {}
    for t in snap.timing:
        timing.setdefault(unit_names[t.unit_id], {})[t.phase] = float(t.seconds)
    external = {(unit_names[x.unit_id], x.component): External(x.value, x.note, x.file, x.entered_by, x.at)
                for x in snap.external if x.unit_id in unit_names}
    return ExportData(snap.session, snap.template, snap.units, snap.experts, recusals, scores, results_of(snap),
                      questions, timing, fingerprint_of(snap), list(paths.values()), external, audit, snap)


def leaf_label(path: str) -> str:
    return path.rsplit("/", 1)[-1]
