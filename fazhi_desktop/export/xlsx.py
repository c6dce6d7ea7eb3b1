"""The XLSX workbook: 评分明细, 结果, 专家合计, 提问记录, 整改事项, 计时, 会议信息.

评分明细 is the long form that ``import scores`` reads: columns exactly 专家 / 单位 / 指标 / 得分,
criteria by name (by path where a name repeats), numbers as numbers. It is the first sheet
because the import reads the first sheet, so the workbook re-imports as it is.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..results import round_half_up
from .data import ExportData, date_cn, grade_bands, leaf_label, minutes_text

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E8E8E8")


def _number(value) -> float | int | None:
    """An exact decimal or fraction as a spreadsheet number (2 decimals at most, so float is exact
    enough to read back as the same decimal)."""
    if value is None:
        return None
    d = value if isinstance(value, Decimal) else round_half_up(value)
    return int(d) if d == d.to_integral_value() else float(d)


def _sheet(wb: Workbook, title: str, head: Sequence[str], rows: Sequence[Sequence[Any]],
           widths: Sequence[int]) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(head))
    for cell in ws[1]:
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    for row in rows:
        ws.append(list(row))
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and len(cell.value) > 20:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def criterion_labels(data: ExportData) -> dict[str, str]:
    """Leaf path → what the 指标 column holds: the name, or the path where names repeat."""
    counts = Counter(leaf_label(p) for p in data.leaf_paths)
    return {p: leaf_label(p) if counts[leaf_label(p)] == 1 else p for p in data.leaf_paths}


def score_rows(data: ExportData) -> list[list[Any]]:
    labels = criterion_labels(data)
    rows = []
    for e in data.experts:
        for u in data.units:
            for path in data.leaf_paths:
                value = data.scores.get((e.name, u.name, path))
                if value is not None:
                    rows.append([e.name, u.name, labels[path], _number(value)])
    return rows


def write_workbook(data: ExportData, target: Path | Any) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "评分明细", ["专家", "单位", "指标", "得分"], score_rows(data), [12, 16, 22, 8])

    comps = list(data.results.units[0].components) if data.results.units else []
    status = {"complete": "完整", "incomplete": "未完成", "absent": "缺席"}
    _sheet(wb, "结果", ["排名", "单位", *comps, "综合得分", "等次", "状态", "回避专家", "未完成专家", "去掉的专家"],
           [[u.rank, u.name, *[_number(v) for v in u.components.values()], _number(u.final), u.grade,
             status[u.status], "、".join(u.recused_experts), "、".join(u.incomplete_experts),
             "、".join(u.trimmed_experts)] for u in data.ranked()],
           [6, 16, *[12] * len(comps), 10, 8, 8, 14, 14, 16])
    # Per expert totals and per criterion means, wide, for reading (not for import).
    names = [e.name for e in data.experts]
    _sheet(wb, "专家合计", ["单位", *names],
           [[u.name, *[_number(u.experts.get(n)) for n in names]] for u in data.results.units],
           [16, *[10] * len(names)])
    _sheet(wb, "提问记录", ["单位", "专家", "提问", "答复", "指标", "是否问题", "时间"],
           [[q.unit, q.expert, q.text, q.answer, q.criterion or "", "是" if q.problem else "", q.at]
            for q in data.questions], [14, 10, 50, 40, 20, 8, 26])
    _sheet(wb, "整改事项", ["单位", "问题", "来源", "整改措施", "完成期限", "状态"],
           [[q.unit, q.text, f"专家意见（{q.expert}）" if q.expert else "专家意见", q.measure, q.deadline or "", "未启动"]
            for q in data.questions if q.problem], [14, 50, 18, 50, 12, 8])
    plan_r = float(data.template.timing.report_minutes) * 60
    plan_q = float(data.template.timing.qa_minutes) * 60
    _sheet(wb, "计时", ["顺序", "单位", "汇报计划（秒）", "汇报实际（秒）", "问答计划（秒）", "问答实际（秒）", "汇报实际", "问答实际"],
           [[u.position, u.name, plan_r, data.timing.get(u.name, {}).get("report"), plan_q,
             data.timing.get(u.name, {}).get("questions"), minutes_text(data.timing.get(u.name, {}).get("report")),
             minutes_text(data.timing.get(u.name, {}).get("questions"))] for u in data.units],
           [6, 16, 14, 14, 14, 14, 12, 12])
    s = data.session
    _sheet(wb, "会议信息", ["项目", "内容"],
           [["会议名称", s.title], ["日期", date_cn(s.date)], ["地点", s.venue], ["主办单位", s.organisers],
            ["评议组组长", s.chair], ["主持人", s.host], ["记录员", s.secretary], ["评分模板", data.template.name],
            ["等次划分", "；".join(grade_bands(data.template))], ["数据指纹", data.fingerprint],
            ["数据指纹（简）", data.short_fp]], [14, 80])
    wb.properties.title = f"{s.title} 评议数据"
    wb.properties.creator = "法治评议"
    wb.save(target)
