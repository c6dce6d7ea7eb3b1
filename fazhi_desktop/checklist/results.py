"""The results of a checklist session (CONTRACT.md, "Results rules", checklist part).

Per candidate: met, partial, unmet, not_applicable, applicable = met + partial + unmet;
rate = (met + partial_weight × partial) / applicable × 100, exact (a fraction), shown half up
(四舍五入) to 2 decimals; passed compares the *exact* rate with the threshold, so 89.995 fails 90
although it is shown as 90.00; a candidate with any indicator unrated is incomplete (rate null);
ranks are shared on equal shown rates (1, 2, 2, 4). The same figures per first-level area show
where a candidate falls short.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Iterable, Mapping

import sqlite_utils

from ..results import round_half_up, shared_ranks
from ..snapshot import Snapshot, load_snapshot
from ..template import Criterion, Template, fmt_decimal
from . import RATINGS


@dataclass
class Tally:
    met: int = 0
    partial: int = 0
    unmet: int = 0
    not_applicable: int = 0
    unrated: int = 0

    def add(self, rating: str | None) -> None:
        if rating is None:
            self.unrated += 1
        else:
            setattr(self, rating, getattr(self, rating) + 1)

    @property
    def applicable(self) -> int:
        return self.met + self.partial + self.unmet

    @property
    def rated(self) -> int:
        return self.applicable + self.not_applicable


def exact_rate(tally: Tally, partial_weight: Decimal | Fraction) -> Fraction | None:
    """(met + partial_weight × partial) / applicable × 100, exactly; None when nothing applies."""
    if not tally.applicable:
        return None
    return (tally.met + Fraction(partial_weight) * tally.partial) * 100 / tally.applicable


def passes(rate: Fraction | None, threshold: Decimal | Fraction) -> bool | None:
    """The exact rate against the threshold (89.995 fails 90, though it is shown as 90.00)."""
    return None if rate is None else rate >= Fraction(threshold)


@dataclass
class AreaResult:
    name: str
    tally: Tally
    rate_exact: Fraction | None  # None while an indicator of the area is unrated
    provisional_exact: Fraction | None  # over the indicators rated so far
    threshold: Decimal

    @property
    def rate(self) -> Decimal | None:
        return None if self.rate_exact is None else round_half_up(self.rate_exact)

    @property
    def short(self) -> bool:
        """The area's rate so far is below the threshold: where the candidate falls short."""
        return self.provisional_exact is not None and self.provisional_exact < Fraction(self.threshold)


@dataclass
class CandidateResult:
    unit_id: int
    name: str
    position: int
    status: str  # complete | incomplete | absent
    tally: Tally
    rate_exact: Fraction | None
    provisional_exact: Fraction | None
    passed: bool | None
    rank: int | None = None
    areas: list[AreaResult] = field(default_factory=list)
    unrated: list[str] = field(default_factory=list)  # leaf paths without a rating

    @property
    def rate(self) -> Decimal | None:
        return None if self.rate_exact is None else round_half_up(self.rate_exact)

    @property
    def provisional(self) -> Decimal | None:
        return None if self.provisional_exact is None else round_half_up(self.provisional_exact)


@dataclass
class ChecklistResults:
    session_id: int
    title: str
    template: Template
    units: list[CandidateResult]

    @property
    def threshold(self) -> Decimal:
        return self.template.threshold

    def ranked(self) -> list[CandidateResult]:
        return sorted(self.units, key=lambda u: (u.rank is None, u.rank or 0, u.position))


def _leaves_of(node: Criterion, prefix: str) -> Iterable[tuple[str, Criterion]]:
    path = f"{prefix}/{node.name}" if prefix else node.name
    if node.is_leaf:
        yield path, node
    for child in node.children:
        yield from _leaves_of(child, path)


def candidate_result(template: Template, ratings: Mapping[int, str | None], *, unit_id: int = 0, name: str = "",
                     position: int = 0, absent: bool = False) -> CandidateResult:
    """One candidate's figures from its ratings ({leaf id: code or None}): pure, no database."""
    pw, threshold = template.partial_weight, template.threshold
    total = Tally()
    areas: list[AreaResult] = []
    unrated: list[str] = []
    for area in template.criteria:
        tally = Tally()
        for path, leaf in _leaves_of(area, ""):
            rating = ratings.get(leaf.id)  # type: ignore[arg-type]
            tally.add(rating)
            total.add(rating)
            if rating is None:
                unrated.append(path)
        areas.append(AreaResult(area.name, tally, exact_rate(tally, pw) if not tally.unrated else None,
                                exact_rate(tally, pw), threshold))
    complete = not total.unrated
    rate = exact_rate(total, pw) if complete and not absent else None
    status = "absent" if absent else ("complete" if complete else "incomplete")
    return CandidateResult(unit_id, name, position, status, total, rate, exact_rate(total, pw),
                           passes(rate, threshold) if complete and not absent else None, None, areas, unrated)


def rank(results: list[CandidateResult]) -> None:
    """Shared ranks on the shown (rounded) rate, highest first; no rank without a rate."""
    for r, place in zip(results, shared_ranks([r.rate for r in results])):
        r.rank = place


def compute_checklist_results(db: sqlite_utils.Database, session_id: int) -> ChecklistResults:
    """The results of the assessment as it is now (one snapshot, read in one transaction)."""
    return checklist_results_of(load_snapshot(db, session_id))


def checklist_results_of(snap: Snapshot) -> ChecklistResults:
    """The checklist rules over a snapshot: pure, no database."""
    ratings: dict[int, dict[int, str | None]] = {}
    for unit_id, criterion_id, rating, *_rest in snap.ratings or ():
        ratings.setdefault(unit_id, {})[criterion_id] = rating
    results = [candidate_result(snap.template, ratings.get(u.id, {}), unit_id=u.id, name=u.name, position=u.position,
                                absent=u.status == "absent") for u in snap.units]
    rank(results)
    return ChecklistResults(snap.session.id, snap.session.title, snap.template, results)


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _counts(t: Tally) -> dict:
    return {"met": t.met, "partial": t.partial, "unmet": t.unmet, "not_applicable": t.not_applicable,
            "applicable": t.applicable, "unrated": t.unrated}


def checklist_results_json(res: ChecklistResults) -> dict:
    t = res.template
    return {
        "session": {"id": res.session_id, "title": res.title},
        "kind": "checklist",
        "threshold": _num(t.threshold), "partial_weight": _num(t.partial_weight),
        "units": [{
            "name": u.name, "status": u.status, **_counts(u.tally),
            "rate": _num(u.rate), "passed": u.passed, "rank": u.rank,
            "provisional_rate": _num(u.provisional),
            "areas": [{"name": a.name, **_counts(a.tally), "rate": _num(a.rate),
                       "provisional_rate": _num(None if a.provisional_exact is None else round_half_up(a.provisional_exact)),
                       "short": a.short} for a in u.areas],
        } for u in res.units],
    }


def verdict(u: CandidateResult, threshold: Decimal) -> str:
    """达标 / 未达标 with the reason a shown 90.00 fails; 未完成 or 缺席 otherwise."""
    if u.status == "absent":
        return "缺席"
    if u.status == "incomplete":
        return f"未完成（{len(u.unrated)} 项未评定）"
    if u.rate_exact is None:
        return "无适用指标"
    if u.passed:
        return "达到门槛"
    if u.rate is not None and u.rate >= threshold:  # shown as the threshold, exactly below it
        return f"未达门槛（精确值 {float(u.rate_exact):.4f}% 低于 {fmt_decimal(threshold)}%）"
    return "未达门槛"


def checklist_results_text(res: ChecklistResults) -> str:
    threshold = res.threshold
    lines = [f"{res.title}  评估结果（达标门槛 {fmt_decimal(threshold)}%，部分达标按 "
             f"{fmt_decimal(res.template.partial_weight)} 项计）",
             "  ".join(["排名", "单位", *RATINGS.values(), "达标率", "结论"])]
    for u in res.ranked():
        t = u.tally
        lines.append("  ".join([str(u.rank or "—"), u.name, str(t.met), str(t.partial), str(t.unmet),
                                str(t.not_applicable), "—" if u.rate is None else f"{u.rate}%",
                                verdict(u, threshold)]))
    return "\n".join(lines)
