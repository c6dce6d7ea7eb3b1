"""Everything the documents of a checklist session show, read once into plain objects (as
``data.ExportData`` does for scored sessions): the writers never query the database."""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from ..checklist.evidence import Evidence, check_evidence, list_evidence
from ..checklist.ratings import Rating, ratings_for
from ..checklist.results import CandidateResult, ChecklistResults, compute_checklist_results
from ..checklist.steps import Proposal, StepRecord, proposed_list, steps_for
from ..roster import Expert, Unit, lookup
from ..sessions import Session
from ..template import Template
from .data import UNFINISHED
from .fingerprint import session_fingerprint, short_fingerprint


@dataclass
class ChecklistData:
    session: Session
    template: Template
    units: list[Unit]
    experts: list[Expert]  # the assessment team
    results: ChecklistResults
    ratings: dict[tuple[str, str], Rating]  # (unit name, leaf path) → rating
    evidence: dict[tuple[str, str], list[Evidence]]  # (unit name, leaf path) → files
    steps: dict[tuple[str, str], StepRecord]  # (unit name, step key) → record
    proposals: list[Proposal]
    fingerprint: str
    leaf_paths: list[str] = field(default_factory=list)
    evidence_problems: list[str] = field(default_factory=list)

    @property
    def short_fp(self) -> str:
        return short_fingerprint(self.fingerprint)

    @property
    def draft(self) -> bool:
        return self.session.status in UNFINISHED

    def result(self, unit: str) -> CandidateResult:
        return next(r for r in self.results.units if r.name == unit)

    def number(self, path: str) -> int:
        """An indicator's number in tree order (as the rating grid shows it)."""
        return self.leaf_paths.index(path) + 1


def load_checklist_data(db: sqlite_utils.Database, session_id: int) -> ChecklistData:
    names = lookup(db, session_id)
    units, paths = names.unit_names, names.leaf_paths
    ratings = {(units[u], paths[c]): r for (u, c), r in ratings_for(db, session_id).items() if c in paths}
    evidence: dict[tuple[str, str], list[Evidence]] = {}
    for item in list_evidence(db, session_id):
        if item.criterion_id in paths:
            evidence.setdefault((units[item.unit_id], paths[item.criterion_id]), []).append(item)
    steps = {(units[u], key): rec for (u, key), rec in steps_for(db, session_id).items()}
    return ChecklistData(names.session, names.template, names.units, names.experts,
                         compute_checklist_results(db, session_id), ratings, evidence, steps,
                         proposed_list(db, session_id), session_fingerprint(db, session_id),
                         [p for p, _leaf in names.template.leaves()], check_evidence(db, session_id))
