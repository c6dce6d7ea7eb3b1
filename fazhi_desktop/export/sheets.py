"""Score sheets (评分表): one landscape page per expert with every unit × criterion, the total, the
expert's signature and the group leader's check; and the same form blank, printed before the
meeting as the paper fallback (headed 评分表, without a fingerprint, which would mean nothing on
a blank form). Totals print with two decimals, as in the minutes."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..template import fmt_decimal
from . import layout as L
from .data import ExportData
from .wording import bracketed, date_cn, num

GAP = "　　"


def _leaves(node) -> list:
    return [node] if node.is_leaf else [leaf for child in node.children for leaf in _leaves(child)]


def header_rows(data: ExportData) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """Two header rows: parents spanning their leaves, leaves with their maxima; and the spans."""
    top, bottom = ["序号", "单位"], ["", ""]
    spans = [(0, 0, 0, 1), (1, 0, 1, 1)]
    col = 2
    for node in data.template.criteria:
        leaves = _leaves(node)
        head = f"{node.name}\n（{fmt_decimal(node.maximum)}分）"
        if node.is_leaf:
            top.append(head)
            bottom.append("")
            spans.append((col, 0, col, 1))
        else:
            top += [head] + [""] * (len(leaves) - 1)
            bottom += [f"{leaf.name}\n（{fmt_decimal(leaf.maximum)}分）" for leaf in leaves]
            if len(leaves) > 1:
                spans.append((col, 0, col + len(leaves) - 1, 0))
        col += len(leaves)
    top.append(f"合计\n（{fmt_decimal(data.template.total_max)}分）")
    bottom.append("")
    spans.append((col, 0, col, 1))
    return [top, bottom], spans


def expert_sheet(data: ExportData, expert, *, blank: bool) -> list[L.Block]:
    heads, spans = header_rows(data)
    n = len(data.leaf_paths)
    rows = [list(r) for r in heads]
    shaded = []
    for i, unit in enumerate(data.units, 1):
        r = len(rows)
        if (expert.name, unit.name) in data.recusals:
            rows.append([str(i), unit.name, "回避"] + [""] * n)
            spans.append((2, r, n + 2, r))
            shaded.append((2, r, n + 2, r))
        elif blank:
            rows.append([str(i), unit.name] + [""] * (n + 1))
        else:
            values = [data.scores.get((expert.name, unit.name, path)) for path in data.leaf_paths]
            total = num(sum(values)) if all(v is not None for v in values) else "未评完"
            rows.append([str(i), unit.name, *[fmt_decimal(v) if v is not None else "" for v in values], total])
    leaf_w = (1 - 0.05 - 0.14 - 0.09) / max(1, n)
    s = data.session
    who = expert.name + (bracketed("，".join(x for x in (expert.category, expert.affiliation) if x))
                         if expert.category or expert.affiliation else "")
    note = ("说明：各项得分不得超过该项分值，可保留一位小数（如8.5）；对回避单位不评分。" if blank
            else "说明：以上得分与系统记录一致，合计保留两位小数；请核对后签字。")
    return [
        L.Para(s.title, "subtitle"), L.Title(["评分表"]),
        L.Para(f"评议专家：{who}{GAP}会议日期：{date_cn(s.date)}{GAP}地点：{s.venue or '—'}", "plain"),
        L.Table(rows, [0.05, 0.14, *[leaf_w] * n, 0.09], "cl" + "c" * (n + 1), head_rows=2, spans=spans,
                shaded=shaded, row_height=24 if blank else 0),
        L.Para(note, "note"), L.Space(0.6),
        L.Para(f"评议专家（签字）：＿＿＿＿＿＿＿＿{GAP}日期：＿＿＿＿年＿＿月＿＿日", "right"),
        L.Para("评议组组长（核对签字）：＿＿＿＿＿＿＿＿", "right"),
    ]


def sheets_document(data: ExportData, *, blank: bool = False) -> L.Document:
    blocks: list[L.Block] = []
    for i, expert in enumerate(data.experts):
        if i:
            blocks.append(L.PageBreak())
        blocks += expert_sheet(data, expert, blank=blank)
    if not blocks:
        blocks = [L.Para("本场评议会还没有评议专家。", "plain")]
    title = f"{data.session.title} 评分表"
    return L.Document(L.SHEET, blocks, title=title, header="",
                      fingerprint="" if blank else data.short_fp, draft=data.draft and not blank,
                      first_page_header=False)


def write_score_sheets(data: ExportData, target: Path | Any, *, blank: bool = False) -> None:
    from .pdf_render import write_pdf

    write_pdf(sheets_document(data, blank=blank), target)
