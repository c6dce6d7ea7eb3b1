"""The results rules (CONTRACT.md, "Results rules").

Arithmetic is exact: scores are decimals, means are fractions; only what is shown is rounded,
half up (四舍五入) to 2 decimals. Ranks are shared on equal rounded finals (1, 2, 2, 4).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Sequence

import sqlite_utils

from .snapshot import Snapshot, load_snapshot
from .template import Grade, Template

TWO_PLACES = Decimal("0.01")
TRIM_MIN_COUNT = 5


def round_half_up(value: Fraction | Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    """四舍五入 of an exact value: 88.125 → 88.13, 88.124999… → 88.12."""
    if isinstance(value, Decimal):
        return value.quantize(places, rounding=ROUND_HALF_UP)
    scale = 1 / Fraction(places)
    sign = -1 if value < 0 else 1
    scaled = abs(value) * scale
    whole = int(scaled + Fraction(1, 2))
    return (Decimal(sign * whole) / Decimal(int(scale))).quantize(places)


def panel_score(totals: Sequence[Fraction], aggregation: str) -> tuple[Fraction | None, list[int]]:
    """The panel score of the counted totals and the indexes dropped by trimming."""
    if not totals:
        return None, []
    dropped: list[int] = []
    if aggregation == "trimmed_mean" and len(totals) >= TRIM_MIN_COUNT:
        order = sorted(range(len(totals)), key=lambda i: totals[i])
        dropped = [order[-1], order[0]]
    kept = [t for i, t in enumerate(totals) if i not in dropped]
    return sum(kept, Fraction(0)) / len(kept), dropped


def grade_for(final: Decimal | None, grades: Sequence[Grade]) -> str | None:
    if final is None:
        return None
    eligible = [g for g in grades if g.min <= final]
    return max(eligible, key=lambda g: g.min).name if eligible else None


def shared_ranks(finals: Sequence[Decimal | None]) -> list[int | None]:
    """Competition ranking, highest first: equal finals share a rank (1, 2, 2, 4)."""
    present = sorted((f for f in finals if f is not None), reverse=True)
    return [None if f is None else 1 + sum(1 for g in present if g > f) for f in finals]


@dataclass
class UnitResult:
    unit_id: int
    name: str
    position: int
    status: str  # complete | incomplete | absent
    final_exact: Fraction | None
    final: Decimal | None
    rank: int | None = None
    grade: str | None = None
    components: dict[str, Fraction | None] = field(default_factory=dict)
    experts: dict[str, Fraction] = field(default_factory=dict)  # counted totals
    trimmed_experts: list[str] = field(default_factory=list)
    incomplete_experts: list[str] = field(default_factory=list)
    recused_experts: list[str] = field(default_factory=list)
    criteria: dict[str, Fraction | None] = field(default_factory=dict)  # leaf path → mean of counted experts
    unchecked_scores: int = 0  # with double entry on: counted scores not yet checked (the unit is not final)


@dataclass
class Results:
    session_id: int
    title: str
    template: Template
    units: list[UnitResult]
    double_entry: bool = False


def compute_results(db: sqlite_utils.Database, session_id: int) -> Results:
    """The results of the session as it is now (one snapshot, read in one transaction)."""
    return results_of(load_snapshot(db, session_id))


def results_of(snap: Snapshot) -> Results:
    """The results rules over a snapshot: pure, no database."""
    session, template = snap.session, snap.template
    leaves = template.leaves()
    total_max = template.total_max
    units, experts, recused = snap.units, snap.experts, snap.recusals
    scores: dict[tuple[int, int], dict[int, Decimal]] = {}
    for (e, u, c), v in snap.scores.items():
        scores.setdefault((e, u), {})[c] = v
    external: dict[tuple[int, str], Decimal] = {(x.unit_id, x.component): x.value for x in snap.external}
    # 双人录入核对: during the meeting a score counts only while a check of the same value stands.
    # Ending the meeting settles it (结束 lists unchecked scores as gaps; a stated reason accepts
    # them, audited), so a finished session's results, its fingerprint and a package copy agree.
    checks = snap.checks if session.status in ("draft", "live") and snap.double_entry else None

    results: list[UnitResult] = []
    for unit in units:
        r = UnitResult(unit.id, unit.name, unit.position, "incomplete", None, None)
        counted: list[tuple[str, Fraction, dict[int, Decimal]]] = []
        for expert in experts:
            if (expert.id, unit.id) in recused:
                r.recused_experts.append(expert.name)
                continue
            sheet = scores.get((expert.id, unit.id), {})
            if all(leaf.id in sheet for _p, leaf in leaves):
                total = sum((Fraction(sheet[leaf.id]) for _p, leaf in leaves), Fraction(0))
                counted.append((expert.name, total, sheet))
                r.experts[expert.name] = total
                if checks is not None:
                    r.unchecked_scores += sum(1 for _p, leaf in leaves
                                              if checks.get((expert.id, unit.id, leaf.id)) != sheet[leaf.id])
            else:
                r.incomplete_experts.append(expert.name)
        panel, dropped = panel_score([t for _n, t, _s in counted], template.aggregation)
        r.trimmed_experts = [counted[i][0] for i in dropped]
        # Over the same sheets as the panel score (trimmed ones left out), so the leaves add up to it.
        kept = [sheet for i, (_n, _t, sheet) in enumerate(counted) if i not in dropped]
        for path, leaf in leaves:
            values = [Fraction(sheet[leaf.id]) for sheet in kept]
            r.criteria[path] = sum(values, Fraction(0)) / len(values) if values else None
        experts_value = panel * 100 / Fraction(total_max) if panel is not None and total_max else None
        if not template.components:
            r.components = {"评议团评分": experts_value}
            final = experts_value
        else:
            weighted = Fraction(0)
            weights = Fraction(0)
            final = Fraction(0)
            for comp in template.components:
                if comp.source == "experts":
                    value = experts_value
                else:
                    ext = external.get((unit.id, comp.name))
                    value = Fraction(ext) if ext is not None else None
                r.components[comp.name] = value
                if value is None:
                    final = None
                elif final is not None:
                    weighted += Fraction(comp.weight) * value
                    weights += Fraction(comp.weight)
            if final is not None:
                final = weighted / weights
        if unit.status == "absent":
            r.status = "absent"
        elif final is not None and not r.unchecked_scores:
            r.status = "complete"
            r.final_exact = final
            r.final = round_half_up(final)
            r.grade = grade_for(r.final, template.grades)
        results.append(r)
    for r, rank in zip(results, shared_ranks([r.final for r in results])):
        r.rank = rank
    return Results(session.id, session.title, template, results, double_entry=checks is not None)


def _num(value: Fraction | Decimal | None) -> float | None:
    return None if value is None else float(round_half_up(value))


def results_json(res: Results) -> dict:
    return {
        "session": {"id": res.session_id, "title": res.title},
        "aggregation": res.template.aggregation,
        "double_entry": res.double_entry,
        "units": [{
            "name": u.name, "final": _num(u.final), "rank": u.rank, "grade": u.grade, "status": u.status,
            "components": {k: _num(v) for k, v in u.components.items()},
            "experts": {k: _num(v) for k, v in u.experts.items()},
            "incomplete_experts": u.incomplete_experts, "recused_experts": u.recused_experts,
            "trimmed_experts": u.trimmed_experts,
            "criteria": {k: _num(v) for k, v in u.criteria.items()},
            "unchecked_scores": u.unchecked_scores,
        } for u in res.units],
    }


def unchecked_note(unit: UnitResult) -> str:
    """Why a unit with double entry on has no final yet ('' when nothing awaits checking)."""
    return f"{unit.unchecked_scores} 项分数待双人核对" if unit.unchecked_scores else ""


def results_text(res: Results) -> str:
    """The ranking as plain text (the command line without --json)."""
    names = list(res.units[0].components) if res.units else []
    lines = [f"{res.title}  评议结果", "  ".join(["排名", "单位", *names, "综合得分", "等次", "状态", "备注"])]
    status = {"complete": "完整", "incomplete": "未完成", "absent": "缺席"}
    for u in sorted(res.units, key=lambda u: (u.rank is None, u.rank or 0, u.position)):
        comps = [("—" if v is None else f"{round_half_up(v)}") for v in u.components.values()]
        notes = []
        if u.incomplete_experts:
            notes.append("未评完：" + "、".join(u.incomplete_experts))
        if u.recused_experts:
            notes.append("回避：" + "、".join(u.recused_experts))
        if u.unchecked_scores:
            notes.append(unchecked_note(u))
        lines.append("  ".join([str(u.rank or "—"), u.name, *comps, ("—" if u.final is None else str(u.final)),
                                u.grade or "—", status[u.status], "；".join(notes)]).rstrip())
    return "\n".join(lines)


def change_marker(db: sqlite_utils.Database, session_id: int) -> tuple:
    """A cheap value that changes whenever anything the results depend on changes (for polling)."""
    return tuple(db.execute(
        "SELECT (SELECT group_concat(expert_id || ':' || unit_id || ':' || criterion_id || '=' || value) "
        "        FROM scores WHERE session_id = ?1),"
        "       (SELECT group_concat(unit_id || ':' || component || '=' || value) FROM external_values WHERE session_id = ?1),"
        "       (SELECT group_concat(expert_id || ':' || unit_id) FROM recusals WHERE session_id = ?1),"
        "       (SELECT group_concat(id || status || position || name) FROM units WHERE session_id = ?1),"
        "       (SELECT group_concat(id || name) FROM experts WHERE session_id = ?1),"
        "       (SELECT updated_at FROM sessions WHERE id = ?1),"
        "       (SELECT group_concat(expert_id || ':' || unit_id || ':' || criterion_id || '=' || value) "
        "        FROM score_checks WHERE session_id = ?1),"
        "       (SELECT enabled_at FROM double_entry WHERE session_id = ?1)", [session_id]).fetchone())
