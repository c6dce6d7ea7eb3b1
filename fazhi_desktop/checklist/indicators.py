"""The full indicator table of a checklist (示范指标体系) from XLSX or CSV: columns 一级, 二级,
三级, 评估要点, 佐证要求 (also written 一级指标 …, 佐证材料).

Tables are laid out the way the published system is: the first- and second-level cells merged
down over their third-level rows. A blank level cell therefore means "the same as the row above";
a new 一级 starts its second levels afresh. Each row names one indicator at the deepest level the
table has; a row that fills only higher levels is a heading (its 评估要点 goes to that heading).
Enumerators in front of names (一、 1. （一）) are dropped, and a "/" inside a name becomes "／"
(the "/" separates the levels of a path). Any bad row refuses the whole file, each named by its
spreadsheet row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ..errors import UserError
from ..imports import refuse
from ..sessions import load_template, set_template
from ..tabular import Column, read_table
from ..template import Criterion, Template, parse_template

MAX_NAME = 500
ENUMERATOR = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+(?:[、．]|\.(?!\d)))\s*")


@dataclass(frozen=True)
class AnyOf(Column):
    """A column known by several Chinese headers (一级 or 一级指标)."""
    aliases: tuple[str, ...] = ()

    def matches(self, header: str) -> bool:
        text = header.strip().rstrip("*＊").strip()
        return super().matches(header) or text in self.aliases


COLUMNS = [
    AnyOf("l1", "一级", "level1", required=True, aliases=("一级指标",)),
    AnyOf("l2", "二级", "level2", aliases=("二级指标",)),
    AnyOf("l3", "三级", "level3", aliases=("三级指标",)),
    AnyOf("description", "评估要点", "description", aliases=("评估内容", "指标说明")),
    AnyOf("evidence", "佐证要求", "evidence_required", aliases=("佐证材料", "佐证材料要求")),
]


@dataclass
class _Node:
    name: str
    row: int
    description: str = ""
    evidence: str = ""
    children: dict[str, "_Node"] = field(default_factory=dict)

    def criterion(self) -> Criterion:
        return Criterion(self.name, None, self.description, [c.criterion() for c in self.children.values()],
                         evidence_required=self.evidence)


@dataclass
class IndicatorTable:
    criteria: list[Criterion]
    counts: tuple[int, int, int]  # indicators at level 1, 2, 3
    notes: list[str]

    def summary(self) -> str:
        a, b, c = self.counts
        parts = [f"{a} 项一级指标"] + ([f"{b} 项二级指标"] if b else []) + ([f"{c} 项三级指标"] if c else [])
        leaves = sum(1 for crit in self.criteria for _ in _leaves(crit))
        return "、".join(parts) + f"，共 {leaves} 项评估指标。"


def _leaves(node: Criterion):
    if node.is_leaf:
        yield node
    for child in node.children:
        yield from _leaves(child)


def clean_name(text: str, slashes: list[int]) -> str:
    name = ENUMERATOR.sub("", text, count=1).strip() or text.strip()
    if "/" in name:
        slashes.append(1)
        name = name.replace("/", "／")
    return name


def read_indicator_table(path: Path | str) -> IndicatorTable:
    """The tree of a full indicator table; :class:`ImportRefused` with every bad row."""
    path = Path(path)
    rows = read_table(path, COLUMNS, what="指标表")
    present = set().union(*(r.values.keys() for r in rows)) if rows else set()
    depth = 3 if "l3" in present else (2 if "l2" in present else 1)
    keys = ["l1", "l2", "l3"][:depth]
    problems: list[str] = []
    slashes: list[int] = []
    roots: dict[str, _Node] = {}
    context: list[_Node | None] = [None, None]
    for row in rows:
        v = row.values
        cells = [clean_name(v.get(k, ""), slashes) if v.get(k, "") else "" for k in keys]
        if any(len(c) > MAX_NAME for c in cells):
            problems.append(f"第 {row.number} 行：指标名称过长（超过 {MAX_NAME} 个字）。")
            continue
        if cells[0]:
            if context[0] is None or context[0].name != cells[0]:
                context = [roots.setdefault(cells[0], _Node(cells[0], row.number)), None]
        elif context[0] is None:
            problems.append(f"第 {row.number} 行：一级指标为空（上面也没有可沿用的一级指标）。")
            continue
        parent = context[0]
        if depth == 3 and cells[1]:
            if context[1] is None or context[1].name != cells[1]:
                context[1] = parent.children.setdefault(cells[1], _Node(cells[1], row.number))
        if depth == 3 and context[1] is not None:
            parent = context[1]
        leaf = cells[-1] if depth > 1 else ""
        if depth == 1:  # a table of one level: each 一级 is an indicator
            node = context[0]
        elif not leaf:  # a heading row: its texts belong to the heading it names
            node = context[1] if depth == 3 and cells[1] else context[0]
        else:
            if leaf in parent.children:
                problems.append(f"第 {row.number} 行：指标“{leaf}”与第 {parent.children[leaf].row} 行重名"
                                f"（同在“{parent.name}”之下）。")
                continue
            node = parent.children[leaf] = _Node(leaf, row.number)
        node.description = node.description or v.get("description", "")
        node.evidence = node.evidence or v.get("evidence", "")
    if not rows:
        problems.append("文件里没有任何指标（表头下面没有数据行）。")
    if problems:
        raise refuse(path, problems)
    criteria = [n.criterion() for n in roots.values()]
    seconds = [child for c in criteria for child in c.children]
    thirds = [child for c in seconds for child in c.children]
    notes = [f"{len(slashes)} 个指标名称中的“/”已改为“／”（“/”用于分隔指标层级）。"] if slashes else []
    return IndicatorTable(criteria, (len(criteria), len(seconds), len(thirds)), notes)


def with_indicators(template: Template, table: IndicatorTable) -> Template:
    """``template`` (a checklist: its name, threshold and weight kept) with the table's indicators."""
    data = template.to_dict() if template.is_checklist else {"name": template.name, "kind": "checklist"}
    data["criteria"] = [c.to_dict(checklist=True) for c in table.criteria]
    return parse_template(data, source="指标表")


def import_indicators(db: sqlite_utils.Database, *, session_id: int, path: Path | str) -> IndicatorTable:
    """Replace a checklist session's indicators with a full indicator table (refused once any
    indicator is rated: ``sessions.set_template``)."""
    template = load_template(db, session_id)
    if not template.is_checklist:
        raise UserError(f"本场评分细则“{template.name}”是打分式的；请先载入清单式模板（示范创建），再导入指标表。")
    table = read_indicator_table(path)
    set_template(db, session_id=session_id, template=with_indicators(template, table))
    return table
