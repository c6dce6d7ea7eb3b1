"""Prompts for the chair (主持人): scores that deserve a second look before results are announced.

Headless: reads through the services and the results rules, writes nothing. These are hints
for the chair's laptop only, never for the projector.

- ``spread``: the counted totals of one unit (normalised to 100) lie far apart.
- ``outlier_expert``: an expert scores consistently higher (or lower) than the rest of the panel.
- ``missing``: a unit that is done, or already partly scored, where a non-recused expert has
  leaves without a score.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import sqlite_utils

from .results import compute_results, round_half_up
from .roster import list_experts, list_units
from .scoring import missing_leaves, scores_for

KINDS = {"spread": "分差过大", "outlier_expert": "评分偏离", "missing": "漏评"}


@dataclass(frozen=True)
class Anomaly:
    kind: str  # spread | outlier_expert | missing
    unit: str | None
    expert: str | None
    message: str

    @property
    def label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _fmt(value: Fraction) -> str:
    return f"{round_half_up(value, Decimal('0.1'))}"


def find_anomalies(db: sqlite_utils.Database, session_id: int, *, spread_threshold: float = 10,
                   deviation_threshold: float = 8, min_units: int = 3) -> list[Anomaly]:
    """Every anomaly of the session, in presentation order of the units, then by expert.

    Deviation is measured against the mean of the *other* counted experts of the unit: with a
    panel of five to seven, an expert's own total would pull the mean toward them and hide the
    very bias we are looking for.
    """
    res = compute_results(db, session_id)
    total_max = Fraction(res.template.total_max)
    if not total_max:
        return []
    spread_limit = Fraction(str(spread_threshold))
    deviation_limit = Fraction(str(deviation_threshold))
    found: list[Anomaly] = []
    units = {u.id: u for u in list_units(db, session_id)}
    experts = list_experts(db, session_id)
    expert_ids = {e.name: e.id for e in experts}
    scored_units = {u for (_e, u, _c) in scores_for(db, session_id)}

    # spread, per unit
    deviations: dict[str, list[Fraction]] = {}
    for r in res.units:
        normalised = {name: total * 100 / total_max for name, total in r.experts.items()}
        if len(normalised) >= 2:
            high = max(normalised, key=normalised.__getitem__)
            low = min(normalised, key=normalised.__getitem__)
            spread = normalised[high] - normalised[low]
            if spread > spread_limit:
                found.append(Anomaly("spread", r.name, None,
                                     f"“{r.name}”专家总分相差 {_fmt(spread)} 分（最高 {high} {_fmt(normalised[high])}，"
                                     f"最低 {low} {_fmt(normalised[low])}，按百分制），超过 {spread_threshold} 分。"))
            for name, value in normalised.items():
                others = [v for n, v in normalised.items() if n != name]
                deviations.setdefault(name, []).append(value - sum(others, Fraction(0)) / len(others))

    # outlier experts, over the session
    for expert in experts:
        devs = deviations.get(expert.name, [])
        if len(devs) < max(1, min_units):
            continue
        same_side = all(d > 0 for d in devs) or all(d < 0 for d in devs)
        mean = sum(devs, Fraction(0)) / len(devs)
        if same_side and abs(mean) > deviation_limit:
            side = "高于" if mean > 0 else "低于"
            found.append(Anomaly("outlier_expert", None, expert.name,
                                 f"专家“{expert.name}”在 {len(devs)} 个单位的总分平均{side}其他专家 {_fmt(abs(mean))} 分"
                                 f"（按百分制），且每个单位都{side}，超过 {deviation_threshold} 分。"))

    # missing leaves
    leaf_count = len(res.template.leaves())
    for r in res.units:
        unit = units[r.unit_id]
        if unit.status == "absent" or not (unit.status == "done" or r.unit_id in scored_units):
            continue
        for name in r.incomplete_experts:
            missing = missing_leaves(db, session_id, expert_ids[name], r.unit_id)
            shown = "、".join(missing[:3]) + ("等" if len(missing) > 3 else "")
            found.append(Anomaly("missing", r.name, name,
                                 f"专家“{name}”对“{r.name}”还有 {len(missing)}/{leaf_count} 项未评分（{shown}）。"))
    return found
