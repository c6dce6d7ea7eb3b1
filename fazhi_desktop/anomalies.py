"""Prompts for the chair (主持人): scores that deserve a second look before results are announced.

Headless and pure: ``anomalies_of`` works over one session snapshot (``snapshot.load_snapshot``, one
read transaction) and the results rules over it; ``find_anomalies`` reads that snapshot. Writes
nothing. These are hints for the chair's laptop only, never for the projector.

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

from .i18n import QT_TRANSLATE_NOOP, arg
from .results import results_of, round_half_up
from .snapshot import Snapshot, load_snapshot

KINDS = {"spread": QT_TRANSLATE_NOOP("anomalies", "分差过大"), "outlier_expert": QT_TRANSLATE_NOOP("anomalies", "评分偏离"),
         "missing": QT_TRANSLATE_NOOP("anomalies", "漏评")}
# The messages, with numbered places so that the window can show them in its language
# (ui: arg(label("anomalies", a.text), *a.args)); the command line and tests read ``message``.
SPREAD = QT_TRANSLATE_NOOP("anomalies", "“%1”专家总分相差 %2 分（最高 %3 %4，最低 %5 %6，按百分制），超过 %7 分。")
OUTLIER_HIGH = QT_TRANSLATE_NOOP("anomalies", "专家“%1”在 %2 个单位的总分平均高于其他专家 %3 分（按百分制），且每个单位都高于，超过 %4 分。")
OUTLIER_LOW = QT_TRANSLATE_NOOP("anomalies", "专家“%1”在 %2 个单位的总分平均低于其他专家 %3 分（按百分制），且每个单位都低于，超过 %4 分。")
MISSING = QT_TRANSLATE_NOOP("anomalies", "专家“%1”对“%2”还有 %3/%4 项未评分（%5）。")
MISSING_MORE = QT_TRANSLATE_NOOP("anomalies", "专家“%1”对“%2”还有 %3/%4 项未评分（%5等）。")


@dataclass(frozen=True)
class Anomaly:
    kind: str  # spread | outlier_expert | missing
    unit: str | None
    expert: str | None
    text: str  # one of the messages above
    args: tuple[str, ...]

    @property
    def label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def message(self) -> str:
        return arg(self.text, *self.args)


def _fmt(value: Fraction) -> str:
    return f"{round_half_up(value, Decimal('0.1'))}"


def find_anomalies(db: sqlite_utils.Database, session_id: int, *, spread_threshold: float = 10,
                   deviation_threshold: float = 8, min_units: int = 3) -> list[Anomaly]:
    """Every anomaly of the session as it is now (one snapshot, read in one transaction)."""
    return anomalies_of(load_snapshot(db, session_id), spread_threshold=spread_threshold,
                        deviation_threshold=deviation_threshold, min_units=min_units)


def anomalies_of(snap: Snapshot, *, spread_threshold: float = 10, deviation_threshold: float = 8,
                 min_units: int = 3) -> list[Anomaly]:
    """Every anomaly of the snapshot's session, in presentation order of the units, then by expert.

    Deviation is measured against the mean of the *other* counted experts of the unit: with a
    panel of five to seven, an expert's own total would pull the mean toward them and hide the
    very bias we are looking for.
    """
    res = results_of(snap)
    total_max = Fraction(res.template.total_max)
    if not total_max:
        return []
    spread_limit = Fraction(str(spread_threshold))
    deviation_limit = Fraction(str(deviation_threshold))
    found: list[Anomaly] = []
    units = {u.id: u for u in snap.units}
    experts = snap.experts
    expert_ids = {e.name: e.id for e in experts}
    scored = {(e, u, c) for (e, u, c) in snap.scores}
    scored_units = {u for (_e, u, _c) in scored}

    # spread, per unit
    deviations: dict[str, list[Fraction]] = {}
    for r in res.units:
        normalised = {name: total * 100 / total_max for name, total in r.experts.items()}
        if len(normalised) >= 2:
            high = max(normalised, key=normalised.__getitem__)
            low = min(normalised, key=normalised.__getitem__)
            spread = normalised[high] - normalised[low]
            if spread > spread_limit:
                found.append(Anomaly("spread", r.name, None, SPREAD,
                                     (r.name, _fmt(spread), high, _fmt(normalised[high]), low, _fmt(normalised[low]),
                                      str(spread_threshold))))
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
            found.append(Anomaly("outlier_expert", None, expert.name, OUTLIER_HIGH if mean > 0 else OUTLIER_LOW,
                                 (expert.name, str(len(devs)), _fmt(abs(mean)), str(deviation_threshold))))

    # missing leaves
    leaves = res.template.leaves()
    leaf_count = len(leaves)
    for r in res.units:
        unit = units[r.unit_id]
        if unit.status == "absent" or not (unit.status == "done" or r.unit_id in scored_units):
            continue
        for name in r.incomplete_experts:
            expert_id = expert_ids[name]
            missing = [path for path, leaf in leaves if (expert_id, r.unit_id, leaf.id) not in scored]
            found.append(Anomaly("missing", r.name, name, MISSING_MORE if len(missing) > 3 else MISSING,
                                 (name, r.name, str(len(missing)), str(leaf_count), "、".join(missing[:3]))))
    return found
