"""Everything the documents of a checklist session show, read once into plain objects (as
``data.ExportData`` does for scored sessions): the writers never query the database."""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from ..checklist.evidence import Evidence, check_evidence, evidence_of
from ..checklist.ratings import Rating
from ..checklist.results import CandidateResult, ChecklistResults, checklist_results_of
from ..checklist.steps import Proposal, StepRecord, proposals_of, steps_of
from ..roster import Expert, Unit
from ..sessions import Session
from ..snapshot import CONTENT, Snapshot, load_snapshot
from ..template import Template
from .data import UNFINISHED
from .fingerprint import fingerprint_of, short_fingerprint


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
    """The documents' data of one moment (one snapshot); the evidence files are checked on disk."""
    snap = load_snapshot(db, session_id, CONTENT)
    return checklist_data(snap, check_evidence(db, session_id, evidence_of(snap)))


def checklist_data(snap: Snapshot, evidence_problems: list[str] | None = None) -> ChecklistData:
    """What a checklist session's documents show, by names, over a snapshot: pure."""
    units, paths = snap.unit_names, snap.leaf_paths
    ratings = {(units[u], paths[c]): Rating(u, c, r, note, text, at)
               for u, c, r, note, text, at in snap.ratings or () if c in paths}
    evidence: dict[tuple[str, str], list[Evidence]] = {}
    for item in evidence_of(snap):
        if item.criterion_id in paths:
            evidence.setdefault((units[item.unit_id], paths[item.criterion_id]), []).append(item)
    steps = {(units[u], key): rec for (u, key), rec in steps_of(snap).items()}
    return ChecklistData(snap.session, snap.template, snap.units, snap.experts, checklist_results_of(snap), ratings,
                         evidence, steps, proposals_of(snap), fingerprint_of(snap), list(paths.values()),
                         evidence_problems or [])
