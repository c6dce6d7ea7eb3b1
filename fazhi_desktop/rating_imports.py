"""``import ratings``: the assessment team's sheets of a checklist session (CONTRACT.md).

Columns 单位* / unit, 指标* / criterion (leaf name or path; also, as an extension, the indicator's
number as the rating grid shows it), 评定* / rating (达标, 部分达标, 未达标, 不适用), 说明 / note,
佐证 / evidence. As strict as the score imports: every row is checked first; an unknown unit,
indicator or rating word, a blank rating, a candidate marked absent, the same candidate and
indicator twice, or a named evidence file that is not there is a bad row, and a file with any bad
row is refused whole with nothing stored. A rating that replaces a stored one is audited.

佐证 lists items separated by ；, ; or line breaks. An item that names a file (it ends in a
document or image suffix) is looked for beside the sheet (or at its absolute path) and copied in
as an evidence file; other items are kept as the evidence listed in words. A blank 说明 or 佐证
leaves what is stored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .checklist.evidence import add_evidence
from .checklist.ratings import MAX_NOTE, rating_code, set_rating
from .db import transaction
from .errors import UserError
from .imports import ImportResult, refuse
from .roster import list_units
from .score_imports import resolve_leaf
from .sessions import ensure_editable, load_template
from .tabular import Column, read_table
from .template import Criterion, Template

RATING_COLUMNS = [
    Column("unit", "单位", "unit", required=True),
    Column("criterion", "指标", "criterion", required=True),
    Column("rating", "评定", "rating", required=True),
    Column("note", "说明", "note"),
    Column("evidence", "佐证", "evidence"),
]
FILE_SUFFIXES = {".pdf", ".ofd", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".txt",
                 ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".zip", ".rar", ".7z", ".mp4", ".mp3"}
SEPARATORS = re.compile(r"[；;\n]+")


def resolve_indicator(template: Template, text: str) -> Criterion:
    """A leaf by name, by path ('一级/二级/三级'), or by its number in tree order."""
    return resolve_leaf(template, text, numbered=True, not_leaf="只能评定末级指标",
                        missing="本场评估指标里没有指标“{text}”")


@dataclass
class _Row:
    unit_id: int
    criterion_id: int
    rating: str
    note: str | None
    evidence_text: str | None
    files: list[Path]


def _evidence(cell: str, folder: Path) -> tuple[list[str], list[Path], list[str]]:
    """(text items, files, problems) of one 佐证 cell."""
    texts, files, problems = [], [], []
    for item in (p.strip() for p in SEPARATORS.split(cell or "")):
        if not item:
            continue
        if Path(item).suffix.lower() in FILE_SUFFIXES:
            path = Path(item) if Path(item).is_absolute() else folder / item
            if path.is_file():
                files.append(path)
            else:
                problems.append(f"佐证文件“{item}”不存在（在 {folder} 下找不到）")
        else:
            texts.append(item)
    return texts, files, problems


def import_ratings(db: sqlite_utils.Database, *, session_id: int, path: Path | str, operator: str = "") -> ImportResult:
    path = Path(path)
    ensure_editable(db, session_id, "ratings")
    template = load_template(db, session_id)
    if not template.is_checklist:
        raise UserError(f"本场评分细则“{template.name}”是打分式的，没有指标评定；评分请用 import scores。")
    rows = read_table(path, RATING_COLUMNS, what="指标评定")
    units = {u.name: u for u in list_units(db, session_id)}
    paths = {leaf.id: p for p, leaf in template.leaves()}
    problems: list[str] = []
    seen: dict[tuple[int, int], int] = {}
    accepted: list[_Row] = []
    for row in rows:
        v = row.values
        bad: list[str] = []
        unit = units.get(v["unit"])
        if not v["unit"]:
            bad.append("单位为空")
        elif unit is None:
            bad.append(f"本场没有参评单位“{v['unit']}”")
        elif unit.status == "absent":
            bad.append(f"“{unit.name}”已标记缺席（撤回申报），不能有评定")
        leaf = None
        if not v["criterion"]:
            bad.append("指标为空")
        else:
            try:
                leaf = resolve_indicator(template, v["criterion"])
            except UserError as exc:
                bad.append(exc.message)
        code = None
        if not v["rating"]:
            bad.append("评定为空")
        else:
            try:
                code = rating_code(v["rating"])
            except UserError as exc:
                bad.append(exc.message)
        note = v.get("note", "")
        if len(note) > MAX_NOTE:
            bad.append(f"说明过长（超过 {MAX_NOTE} 个字）")
        texts, files, evidence_problems = _evidence(v.get("evidence", ""), path.parent)
        bad += evidence_problems
        if unit is not None and leaf is not None:
            key = (unit.id, leaf.id)
            if key in seen:
                bad.append(f"与第 {seen[key]} 行重复（同一单位、指标：{unit.name} / {paths[leaf.id]}）")
            seen.setdefault(key, row.number)
        if bad:
            problems.append(f"第 {row.number} 行：{'；'.join(b.rstrip('。') for b in bad)}。")
        else:
            accepted.append(_Row(unit.id, leaf.id, code, note or None, "；".join(texts) or None, files))
    if not rows:
        problems.append("文件里没有任何评定（表头下面没有数据行）。")
    if problems:
        raise refuse(path, problems)
    names = {u.id: u.name for u in units.values()}
    with transaction(db):
        for r in accepted:
            set_rating(db, session_id=session_id, unit_id=r.unit_id, criterion_id=r.criterion_id, rating=r.rating,
                       note=r.note, evidence_text=r.evidence_text, operator=operator, source="导入",
                       reason="")
            for file in r.files:
                add_evidence(db, session_id=session_id, unit_id=r.unit_id, criterion_id=r.criterion_id, path=file,
                             operator=operator)
    return ImportResult("评定", [f"{names[r.unit_id]}/{paths[r.criterion_id]}" for r in accepted])
