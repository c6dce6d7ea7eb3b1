"""Everything the documents show, read once from the database into plain objects.

Writers never query the database: they format an :class:`ExportData`, which keeps them fast and
lets one read serve the PDF, DOCX and XLSX alike.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import sqlite_utils

from ..results import Results, UnitResult, compute_results
from ..roster import Expert, Unit, lookup
from ..sessions import Session
from ..template import Template
from .fingerprint import session_fingerprint, short_fingerprint
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
    names = lookup(db, session_id)
    session, template, units, experts = names.session, names.template, names.units, names.experts
    unit_names, expert_names, paths = names.unit_names, names.expert_names, names.leaf_paths
    leaves = template.leaves()
    recusals = {(expert_names[e], unit_names[u]) for e, u in db.execute(
        "SELECT expert_id, unit_id FROM recusals WHERE session_id = ?", [session_id])}
    scores = {(expert_names[e], unit_names[u], paths[c]): Decimal(v) for e, u, c, v in db.execute(
        "SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = ?", [session_id])
        if c in paths}
    questions = [Question(unit_names.get(u, ""), expert_names.get(e, "") if e else "", text, answer,
                          paths.get(c), bool(p), measure, deadline, at)
                 for u, e, text, answer, c, p, measure, deadline, at in db.execute(
                     "SELECT unit_id, expert_id, text, answer, criterion_id, problem, measure, deadline, at "
                     "FROM questions WHERE session_id = ? ORDER BY at, id", [session_id])]
    timing: dict[str, dict[str, float]] = {}
    for unit_id, phase, seconds in db.execute(
            "SELECT t.unit_id, t.phase, t.seconds FROM unit_timing t JOIN units u ON u.id = t.unit_id "
            "WHERE u.session_id = ?", [session_id]):
        timing.setdefault(unit_names[unit_id], {})[phase] = float(seconds)
    columns = {row[1] for row in db.execute("PRAGMA table_info(external_values)")}
    extra = "source_note, source_file, entered_by" if "entered_by" in columns else "'', '', ''"
    external = {(unit_names[u], comp): External(Decimal(v), note, file, who, at) for u, comp, v, at, note, file, who in
                db.execute(f"SELECT unit_id, component, value, updated_at, {extra} FROM external_values "
                           "WHERE session_id = ?", [session_id]) if u in unit_names}
    from ..chain import chained
    from ..verify import audit_appendix

    audit = audit_appendix(db, session_id) if chained(db) else None
    return ExportData(session, template, units, experts, recusals, scores, compute_results(db, session_id),
                      questions, timing, session_fingerprint(db, session_id), [p for p, _l in leaves], external,
                      audit)


def leaf_label(path: str) -> str:
    return path.rsplit("/", 1)[-1]
