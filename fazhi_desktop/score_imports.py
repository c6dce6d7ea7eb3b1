"""Imports of scores (long form) and external component values (CONTRACT.md).

Every row is checked before anything is written; a file with any bad row is refused whole and
the results stay exactly as they were. A value that replaces a stored one is audited.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import sqlite_utils

from .changes import Change
from .db import transaction
from .errors import UserError
from .imports import ImportResult, refuse
from .roster import Expert, Unit, list_experts, list_recusals, list_units
from .scoring import check_score, record_score, set_external
from .sessions import ensure_editable, load_template
from .tabular import Column, read_table
from .template import Criterion, Template

SCORE_COLUMNS = [
    Column("expert", "专家", "expert", required=True),
    Column("unit", "单位", "unit", required=True),
    Column("criterion", "指标", "criterion", required=True),
    Column("score", "得分", "score", required=True),
]
EXTERNAL_COLUMNS = [
    Column("unit", "单位", "unit", required=True),
    Column("component", "项目", "component", required=True),
    Column("score", "得分", "score", required=True),
    Column("source", "来源", "source"),  # optional: the survey or body that gave the value
]


def resolve_leaf(template: Template, text: str, *, numbered: bool = False, not_leaf: str = "只能给末级指标打分",
                 missing: str = "评分细则里没有指标“{text}”") -> Criterion:
    """A leaf by its name, or by its path ('一级/二级') where a name repeats; with ``numbered``
    also by its number in tree order (the ratings import). The wording of a refusal is the caller's."""
    leaves = template.leaves()
    by_path = {path: leaf for path, leaf in leaves}
    if text in by_path:
        return by_path[text]
    named = [(path, leaf) for path, leaf in leaves if leaf.name == text]
    if len(named) == 1:
        return named[0][1]
    if len(named) > 1:
        paths = "、".join(p for p, _ in named)
        raise UserError(f"指标“{text}”有重名（{paths}），请写完整路径")
    if numbered and text.isdigit() and 1 <= int(text) <= len(leaves):
        return leaves[int(text) - 1][1]
    parents = {path for path, _ in leaves for path in _prefixes(path)}
    if text in parents or any(text == p.rsplit("/", 1)[-1] for p in parents):
        raise UserError(f"“{text}”不是末级指标，{not_leaf}")
    if numbered and text.isdigit():
        raise UserError(f"指标序号 {text} 超出范围（本场共 {len(leaves)} 项指标）")
    raise UserError(missing.format(text=text))


def _formula_cells(row, columns: list[Column]) -> list[str]:
    """A score is a typed number: a formula cell (its value can change, or was never calculated)
    is refused, naming the column."""
    return [f"“{c.zh}”列是公式，请在 Excel/WPS 中复制后“选择性粘贴 → 数值”再导入" for c in columns if c.key in row.formulas]


def _prefixes(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


@dataclass(frozen=True)
class ScoreRow:
    """One accepted row of a score file: the spreadsheet row and what it names."""
    number: int
    expert: Expert
    unit: Unit
    leaf: Criterion
    value: Decimal


def parse_score_file(db: sqlite_utils.Database, *, session_id: int, path: Path | str) -> list[ScoreRow]:
    """Every row of a score file checked against the session (names, range, recusal, absence,
    duplicates), or ImportRefused naming each bad row: the one reading shared by the import and
    the second entry (``double_entry.check_scores_file``), so both are equally strict."""
    path = Path(path)
    rows = read_table(path, SCORE_COLUMNS, what="评分")
    template = load_template(db, session_id)
    experts = {e.name: e for e in list_experts(db, session_id)}
    units = {u.name: u for u in list_units(db, session_id)}
    recused = list_recusals(db, session_id)
    problems: list[str] = []
    seen: dict[tuple[str, str, int], int] = {}
    accepted: list[ScoreRow] = []
    for row in rows:
        v = row.values
        where = f"第 {row.number} 行"
        bad = _formula_cells(row, SCORE_COLUMNS)
        expert = experts.get(v["expert"])
        unit = units.get(v["unit"])
        if not v["expert"]:
            bad.append("专家为空")
        elif expert is None:
            bad.append(f"本场没有专家“{v['expert']}”")
        if not v["unit"]:
            bad.append("单位为空")
        elif unit is None:
            bad.append(f"本场没有参评单位“{v['unit']}”")
        leaf = None
        try:
            leaf = resolve_leaf(template, v["criterion"]) if v["criterion"] else None
            if leaf is None:
                bad.append("指标为空")
        except UserError as exc:
            bad.append(exc.message)
        value = None
        if leaf is not None:
            try:
                value = check_score(v["score"], leaf.maximum) if v["score"] != "" else None
                if value is None:
                    bad.append("得分为空")
            except UserError as exc:
                bad.append(exc.message)
        if unit and unit.status == "absent":
            bad.append(f"“{unit.name}”已标记缺席，不能有评分")
        if expert and unit and (expert.id, unit.id) in recused:
            bad.append(f"专家“{expert.name}”对“{unit.name}”回避，不能有评分")
        if expert and unit and leaf:
            key = (expert.name, unit.name, leaf.id)
            if key in seen:
                bad.append(f"与第 {seen[key]} 行重复（同一专家、单位、指标）")
            seen.setdefault(key, row.number)
        if bad:
            problems.append(f"{where}：{'；'.join(b.rstrip('。') for b in bad)}。")
        else:
            accepted.append(ScoreRow(row.number, expert, unit, leaf, value))
    if not rows:
        problems.append("文件里没有任何评分（表头下面没有数据行）。")
    if problems:
        raise refuse(path, problems)
    return accepted


def import_scores(db: sqlite_utils.Database, *, session_id: int, path: Path | str, operator: str = "") -> ImportResult:
    """Store every row of a score file, or none (a bad row refuses the file). The result's ``.change``
    names the scores of the units the file had rows for."""
    path = Path(path)
    ensure_editable(db, session_id, "scores")
    accepted = parse_score_file(db, session_id=session_id, path=path)
    with transaction(db):
        for r in accepted:
            record_score(db, session_id=session_id, expert_id=r.expert.id, unit_id=r.unit.id, criterion_id=r.leaf.id,
                         value=r.value, reason=f"导入文件 {path.name}", operator=operator, source="导入")
    return ImportResult("评分", [f"{r.expert.name}/{r.unit.name}/{r.leaf.name}" for r in accepted],
                        change=Change.of("scores", session_id, {r.unit.id for r in accepted}))


def import_external(db: sqlite_utils.Database, *, session_id: int, path: Path | str, operator: str = "") -> ImportResult:
    """Store every row of an external-values file, or none. The result's ``.change`` names the
    external values of the units the file had rows for."""
    path = Path(path)
    ensure_editable(db, session_id, "external")
    rows = read_table(path, EXTERNAL_COLUMNS, what="外部得分")
    template = load_template(db, session_id)
    components = [c.name for c in template.components if c.source == "external"]
    units = {u.name: u for u in list_units(db, session_id)}
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    accepted = []
    if not components:
        raise UserError(f"本场评分细则“{template.name}”没有外部组成部分（如社会评议），无需导入外部得分。")
    for row in rows:
        v = row.values
        bad = _formula_cells(row, EXTERNAL_COLUMNS)
        unit = units.get(v["unit"])
        if unit is None:
            bad.append(f"本场没有参评单位“{v['unit']}”" if v["unit"] else "单位为空")
        if v["component"] not in components:
            bad.append(f"项目“{v['component']}”不是本场的外部组成部分（可用：{'、'.join(components)}）")
        try:
            value = check_score(v["score"], Decimal(100)) if v["score"] != "" else None
            if value is None:
                bad.append("得分为空")
        except UserError as exc:
            bad.append(exc.message)
        key = (v["unit"], v["component"])
        if key in seen:
            bad.append(f"与第 {seen[key]} 行重复（同一单位、项目）")
        seen.setdefault(key, row.number)
        if bad:
            problems.append(f"第 {row.number} 行：{'；'.join(b.rstrip('。') for b in bad)}。")
        else:
            accepted.append((unit, v["component"], value, v.get("source") or ""))
    if not rows:
        problems.append("文件里没有任何数据行。")
    if problems:
        raise refuse(path, problems)
    with transaction(db):
        for unit, component, value, note in accepted:
            set_external(db, session_id=session_id, unit_id=unit.id, component=component, value=value,
                         operator=operator, source="导入", note=note, file=path.name)
    return ImportResult("外部得分", [f"{u.name}/{c}" for u, c, _v, _n in accepted],
                        change=Change.of("external", session_id, {u.id for u, _c, _v, _n in accepted}))
