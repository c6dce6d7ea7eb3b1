"""The XLSX workbook: 评分明细, 结果, 分项得分, 专家合计, 外部得分, 提问记录, 整改事项, 计时, 会议信息.

评分明细 is the long form that ``import scores`` reads: columns exactly 专家 / 单位 / 指标 / 得分,
criteria by name (by path where a name repeats), numbers as numbers. It is the first sheet
because the import reads the first sheet, so the workbook re-imports as it is.

Text is always written as text: a unit named ``=HYPERLINK(…)`` stays a string (never a live
formula) and carries Excel's quote prefix, so the sheet re-imports identically and opening it
runs nothing. Characters XML cannot hold (a vertical tab from Word, for one) become spaces
instead of failing the export. Scores show two decimals (0.00), dates are dates, every sheet
has filters, a frozen header, and prints fitted to the page width with its header row repeated.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from ..results import round_half_up
from .data import ExportData, leaf_label
from .layout import DRAFT_MARK
from .wording import duration_cn, grade_bands

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E8E8E8")
WRAP = Alignment(wrap_text=True, vertical="top")
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
SCORE = "0.00"
STATUS = {"complete": "完整", "incomplete": "未完成", "absent": "缺席"}


def _number(value) -> float | int | None:
    """An exact decimal or fraction as a spreadsheet number (2 decimals at most, so float is exact
    enough to read back as the same decimal)."""
    if value is None:
        return None
    d = value if isinstance(value, Decimal) else round_half_up(value)
    return int(d) if d == d.to_integral_value() else float(d)


def _date(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _moment(iso: str | None) -> datetime | None:
    """An ISO time as the wall-clock time it was taken at (Excel has no time zones)."""
    try:
        return datetime.fromisoformat(iso).replace(tzinfo=None) if iso else None
    except ValueError:
        return None


class Sheet:
    """A table sheet written in openpyxl's write-only mode (cells streamed, about twice as fast);
    ``formats`` maps a column (0-based) to a number format."""

    def __init__(self, wb: Workbook, title: str, head: Sequence[str], widths: Sequence[int],
                 formats: dict[int, str] | None = None, landscape: bool = False) -> None:
        self.ws = wb.create_sheet(title)
        self.formats = formats or {}
        self.landscape = landscape
        self.rows: list[list[WriteOnlyCell]] = []
        self.width = len(head)
        for i, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.add(head, head=True)  # headers hold names too (专家合计): written as text like every cell

    def add(self, row: Sequence[Any], *, head: bool = False, formats: dict[int, str] | None = None) -> None:
        cells = []
        for j, v in enumerate(row):
            if isinstance(v, str):
                v = ILLEGAL.sub(" ", v)
            cell = WriteOnlyCell(self.ws, v)
            if isinstance(v, str):
                cell.data_type = "s"  # openpyxl would take '=…' for a formula
                if v.startswith(FORMULA_START):
                    cell.quotePrefix = True
                if len(v) > 20:
                    cell.alignment = WRAP
            elif v is not None:
                fmt = (formats or {}).get(j) or self.formats.get(j)
                if fmt:
                    cell.number_format = fmt
            if head:
                cell.font, cell.fill = HEAD_FONT, HEAD_FILL
            cells.append(cell)
        self.width = max(self.width, len(cells))
        self.rows.append(cells)

    def finish(self, title: str, draft: bool) -> None:
        ws = self.ws
        ws.freeze_panes = "A2"
        if len(self.rows) > 1:
            ws.auto_filter.ref = f"A1:{get_column_letter(self.width)}{len(self.rows)}"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape" if self.landscape else "portrait"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddHeader.center.text = f"{title}　{ws.title}"
        if draft:
            ws.oddHeader.left.text, ws.oddHeader.left.color = DRAFT_MARK, "C62828"
        ws.oddFooter.center.text = "第&P页　共&N页"
        for cells in self.rows:
            ws.append(cells)


def criterion_labels(data: ExportData) -> dict[str, str]:
    """Leaf path → what the 指标 column holds: the name, or the path where names repeat."""
    counts = Counter(leaf_label(p) for p in data.leaf_paths)
    return {p: leaf_label(p) if counts[leaf_label(p)] == 1 else p for p in data.leaf_paths}


def score_rows(data: ExportData, labels: dict[str, str] | None = None) -> list[list[Any]]:
    names = labels or {e.name: e.name for e in data.experts}
    crit = criterion_labels(data)
    rows = []
    for e in data.experts:
        for u in data.units:
            for path in data.leaf_paths:
                value = data.scores.get((e.name, u.name, path))
                if value is not None:
                    rows.append([names[e.name], u.name, crit[path], _number(value)])
    return rows


def write_workbook(data: ExportData, target: Path | Any, *, show_experts: bool = True) -> None:
    wb = Workbook(write_only=True)
    labels = data.expert_labels(show_experts)
    s = data.session
    sheets: list[Sheet] = []

    def sheet(*args, **kwargs) -> Sheet:
        sheets.append(Sheet(wb, *args, **kwargs))
        return sheets[-1]

    sh = sheet("评分明细", ["专家", "单位", "指标", "得分"], [12, 16, 22, 8])
    for row in score_rows(data, labels):
        sh.add(row)

    comps = list(data.results.units[0].components) if data.results.units else []
    n = len(comps)
    sh = sheet("结果", ["排名", "单位", *comps, "综合得分", "等次", "状态", "有效评分数", "去掉的最高分（专家）",
                        "去掉的最低分（专家）", "回避专家", "未评完专家"],
               [6, 16, *[12] * n, 10, 8, 8, 10, 16, 16, 14, 14],
               {j: SCORE for j in range(2, 3 + n)}, landscape=True)
    for u in data.ranked():
        high, low = (u.trimmed_experts + [None, None])[:2]
        sh.add([u.rank, u.name, *[_number(v) for v in u.components.values()], _number(u.final), u.grade,
                STATUS[u.status], len(u.experts), labels.get(high, "") if high else "", labels.get(low, "") if low else "",
                "、".join(labels[e] for e in u.recused_experts), "、".join(labels[e] for e in u.incomplete_experts)])

    paths = data.leaf_paths
    sh = sheet("分项得分", ["单位", *[p.replace("/", "／") for p in paths], "合计（评议团评分）"], [16, *[12] * (len(paths) + 1)],
               {j: SCORE for j in range(1, len(paths) + 2)}, landscape=True)
    for u in data.units:
        shown = data.shown_criteria(u.name)
        sh.add([u.name, *[_number(shown[p]) for p in paths], _number(data.panel_exact(u.name))])

    names = [e.name for e in data.experts]
    sh = sheet("专家合计", ["单位", *[labels[n] for n in names]], [16, *[10] * len(names)],
               {j: SCORE for j in range(1, len(names) + 1)}, landscape=True)
    for u in data.results.units:  # a recused expert reads 回避, one who did not finish 未评完
        sh.add([u.name, *[_number(u.experts[n]) if n in u.experts else "回避" if n in u.recused_experts
                          else "未评完" if n in u.incomplete_experts else None for n in names]])

    if data.external_components():
        sh = sheet("外部得分", ["单位", "项目", "得分", "来源", "导入文件", "录入人", "录入时间"],
                   [16, 16, 8, 30, 24, 10, 20], {2: SCORE, 6: "yyyy-mm-dd hh:mm"}, landscape=True)
        for u in data.units:
            for comp in data.external_components():
                ext = data.external.get((u.name, comp))
                if ext is not None:
                    sh.add([u.name, comp, _number(ext.value), ext.note, ext.file, ext.entered_by, _moment(ext.at)])

    sh = sheet("提问记录", ["单位", "专家", "提问", "答复", "指标", "是否问题", "时间"], [14, 10, 50, 40, 20, 8, 18],
               {6: "yyyy-mm-dd hh:mm:ss"}, landscape=True)
    for q in data.questions:
        sh.add([q.unit, labels.get(q.expert, q.expert), q.text, q.answer, q.criterion or "", "是" if q.problem else "",
                _moment(q.at)])
    sh = sheet("整改事项", ["单位", "问题", "来源", "整改措施", "完成期限", "状态"], [14, 50, 18, 50, 12, 8],
               {4: "yyyy-mm-dd"}, landscape=True)
    for q in data.questions:
        if q.problem:
            src = f"专家意见（{labels.get(q.expert, q.expert)}）" if q.expert else "专家意见"
            sh.add([q.unit, q.text, src, q.measure, _date(q.deadline), "未启动"])

    plan_r = float(data.template.timing.report_minutes) * 60
    plan_q = float(data.template.timing.qa_minutes) * 60
    sh = sheet("计时", ["顺序", "单位", "汇报计划（秒）", "汇报实际（秒）", "问答计划（秒）", "问答实际（秒）", "汇报实际", "问答实际"],
               [6, 16, 14, 14, 14, 14, 12, 12], {j: "0" for j in range(2, 6)})
    for u in data.units:
        t = data.timing.get(u.name, {})
        sh.add([u.position, u.name, plan_r, t.get("report"), plan_q, t.get("questions"),
                duration_cn(t.get("report")), duration_cn(t.get("questions"))])

    sh = sheet("会议信息", ["项目", "内容"], [14, 80], {})
    for k, v in [("会议名称", s.title), ("状态", DRAFT_MARK if data.draft else "已定稿"), ("日期", _date(s.date)),
                 ("地点", s.venue), ("主办单位", s.organisers), ("评议组组长", s.chair), ("主持人", s.host),
                 ("记录员", s.secretary), ("评分模板", data.template.name), ("等次划分", "；".join(grade_bands(data.template))),
                 ("数据指纹", data.fingerprint), ("数据指纹（简）", data.short_fp)]:
        sh.add([k, v], formats={1: "yyyy-mm-dd"} if isinstance(v, date) else None)
    for x in sheets:
        x.finish(s.title, data.draft)
    wb.properties.title = f"{s.title} 评议数据"
    wb.properties.creator = "法治评议"
    wb.properties.language = "zh-CN"
    if data.draft:
        wb.properties.subject = DRAFT_MARK
    wb.save(target)

