"""Score sheets (评分表): one landscape page per expert with every unit × criterion score, the
totals, a signature line and a date; and blank sheets of the same layout, printed before the
meeting as the paper fallback."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import PageBreak

from ..template import fmt_decimal
from .data import ExportData, date_cn
from .pdf_base import GAP, Spacer, Styles, build_pdf, frame_width, mm, p, table

RECUSED_BG = colors.HexColor("#dddddd")


def header_rows(data: ExportData) -> tuple[list[list[Any]], list[tuple]]:
    """Two header rows: parents spanning their leaves, leaves with their maxima; and the spans."""
    top: list[Any] = ["序号", "单位"]
    bottom: list[Any] = ["", ""]
    spans: list[tuple] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    col = 2
    for node in data.template.criteria:
        leaves = [node] if node.is_leaf else _leaves(node)
        if node.is_leaf:
            top.append(f"{node.name}\n（{fmt_decimal(node.maximum)}分）")
            bottom.append("")
            spans.append(("SPAN", (col, 0), (col, 1)))
        else:
            top += [f"{node.name}\n（{fmt_decimal(node.maximum)}分）"] + [""] * (len(leaves) - 1)
            bottom += [f"{leaf.name}\n（{fmt_decimal(leaf.maximum)}分）" for leaf in leaves]
            if len(leaves) > 1:
                spans.append(("SPAN", (col, 0), (col + len(leaves) - 1, 0)))
        col += len(leaves)
    top.append(f"合计\n（{fmt_decimal(data.template.total_max)}分）")
    bottom.append("")
    spans.append(("SPAN", (col, 0), (col, 1)))
    return [top, bottom], spans


def _leaves(node) -> list:
    return [node] if node.is_leaf else [leaf for child in node.children for leaf in _leaves(child)]


def expert_sheet(data: ExportData, expert, st: Styles, *, blank: bool) -> list:
    w = frame_width(landscape_pages=True)
    heads, spans = header_rows(data)
    n = len(data.leaf_paths)
    leaf_w = (w - 12 * mm - 30 * mm - 24 * mm) / max(1, n)
    rows: list[list[Any]] = list(heads)
    extra: list[tuple] = list(spans)
    for i, unit in enumerate(data.units, 1):
        r = len(rows)
        if (expert.name, unit.name) in data.recusals:
            rows.append([i, unit.name, p("回避", st.cell_c)] + [""] * n)
            extra += [("SPAN", (2, r), (n + 2, r)), ("BACKGROUND", (2, r), (n + 2, r), RECUSED_BG)]
            continue
        if blank:
            rows.append([i, unit.name] + [""] * (n + 1))
            continue
        values = [data.scores.get((expert.name, unit.name, path)) for path in data.leaf_paths]
        total = fmt_decimal(sum(values)) if all(v is not None for v in values) else "未完成"
        rows.append([i, unit.name, *[fmt_decimal(v) if v is not None else "" for v in values], total])
    s = data.session
    who = f"{expert.name}（{'，'.join(x for x in (expert.category, expert.affiliation) if x)}）"
    kind = "空白评分表" if blank else "评分表"
    return [
        p(s.title, st.h1), p(kind, st.title),
        p(f"评议专家：{who}{GAP}会议日期：{date_cn(s.date)}{GAP}地点：{s.venue or '—'}", st.plain),
        table(rows, [12 * mm, 30 * mm, *[leaf_w] * n, 24 * mm], st, head_rows=2,
              align=["c", "l", *["c"] * (n + 1)], extra=extra,
              row_heights=[None, None, *[24 if blank else None] * len(data.units)]),
        p("说明：各项得分不得超过该项分值，可保留一位小数；对回避单位不评分。" if blank
          else "说明：以上得分与系统记录一致，请核对后签字。", st.plain),
        Spacer(1, 6 * mm),
        p(f"评议专家（签字）：＿＿＿＿＿＿＿＿＿＿{GAP}{GAP}日期：＿＿＿＿年＿＿月＿＿日", st.right),
    ]


def write_score_sheets(data: ExportData, target: Path | Any, *, blank: bool = False) -> None:
    st = Styles()
    story: list = []
    for i, expert in enumerate(data.experts):
        if i:
            story.append(PageBreak())
        story += expert_sheet(data, expert, st, blank=blank)
    if not story:
        story = [p("本场评议会还没有评议专家。", st.plain)]
    title = f"{data.session.title} {'空白评分表' if blank else '专家评分表'}"
    build_pdf(target, story, title=title, header=title, fingerprint=data.short_fp, landscape_pages=True)
