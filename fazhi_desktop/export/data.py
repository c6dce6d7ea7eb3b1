"""Everything the documents show, read once from the database into plain objects.

Writers never query the database: they format an :class:`ExportData`, which keeps them fast and
lets one read serve the PDF, DOCX and XLSX alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import sqlite_utils

from ..results import Results, UnitResult, compute_results, round_half_up
from ..roster import Expert, Unit, lookup
from ..sessions import Session
from ..template import AGGREGATIONS, Template, fmt_decimal
from .fingerprint import session_fingerprint, short_fingerprint


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

    @property
    def short_fp(self) -> str:
        return short_fingerprint(self.fingerprint)

    def result(self, unit: str) -> UnitResult:
        return next(r for r in self.results.units if r.name == unit)

    def ranked(self) -> list[UnitResult]:
        return sorted(self.results.units, key=lambda u: (u.rank is None, u.rank or 0, u.position))

    def questions_for(self, unit: str) -> list[Question]:
        return [q for q in self.questions if q.unit == unit]

    @property
    def leaf_max(self) -> dict[str, Decimal]:
        return {path: leaf.maximum for path, leaf in self.template.leaves()}


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
    return ExportData(session, template, units, experts, recusals, scores, compute_results(db, session_id),
                      questions, timing, session_fingerprint(db, session_id), [p for p, _l in leaves])


# ---------------------------------------------------------------------------------------------
# Wording shared by the documents


def num(value: Fraction | Decimal | None) -> str:
    """A shown number: rounded half up to 2 decimals, '—' when missing."""
    return "—" if value is None else f"{round_half_up(value)}"


def leaf_label(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def date_cn(iso: str | None) -> str:
    """'2020-10-27' → '2020年10月27日'."""
    if not iso:
        return "（日期未定）"
    y, m, d = iso[:10].split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def minutes_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = int(round(seconds))
    return f"{whole // 60}分{whole % 60:02d}秒"


def method_sentences(data: ExportData) -> list[str]:
    """评议方式 in words: template, criteria, aggregation, components, grades, recusals, order."""
    t = data.template
    s = data.session
    out = [f"本次评议采用“{t.name}”评分细则，满分 {fmt_decimal(t.total_max)} 分，共 {len(t.criteria)} 项一级指标、"
           f"{len(t.leaves())} 项评分指标，由评议专家现场逐项打分。"]
    if t.aggregation == "trimmed_mean":
        out.append("评议团评分的计算方法：每位专家对一个单位的各项得分相加为该专家的评分；有效评分不少于 5 份时，"
                   "去掉一个最高分和一个最低分后取算术平均，否则直接取算术平均。")
    else:
        out.append(f"评议团评分的计算方法：每位专家对一个单位的各项得分相加为该专家的评分，各专家评分取"
                   f"{AGGREGATIONS.get(t.aggregation, t.aggregation)}。")
    if t.components:
        parts = "、".join(f"{c.name}（权重 {fmt_decimal(c.weight)}）" for c in t.components)
        out.append(f"综合得分由 {parts} 加权计算，评议团评分按满分 100 分折算。")
    else:
        out.append("综合得分即评议团评分（按满分 100 分折算）。")
    out.append("综合得分按四舍五入保留两位小数，按综合得分从高到低排名，得分相同者名次并列。")
    out.append("等次划分：" + "；".join(grade_bands(t)) + "。")
    if data.recusals:
        pairs = "；".join(f"{e}对{u}" for e, u in sorted(data.recusals, key=lambda p: (
            [x.name for x in data.experts].index(p[0]), [x.name for x in data.units].index(p[1]))))
        out.append(f"回避情况：{pairs}回避评分，其评分不计入该单位得分。")
    else:
        out.append("回避情况：本次评议无专家回避。")
    if s.order_mode == "drawn":
        out.append(f"汇报顺序由抽签确定（抽签种子 {s.draw_seed}" +
                   (f"，监督人 {s.draw_witness}" if s.draw_witness else "") + "）。")
    return out


def grade_bands(t: Template) -> list[str]:
    """['优秀（90 分及以上）', …, '不合格（60 分以下）']"""
    bands = sorted(t.grades, key=lambda g: g.min, reverse=True)
    out = []
    for i, g in enumerate(bands):
        if g.min > 0 or i == 0:
            out.append(f"{g.name}（{fmt_decimal(g.min)} 分及以上）")
        else:
            out.append(f"{g.name}（{fmt_decimal(bands[i - 1].min)} 分以下）")
    return out
