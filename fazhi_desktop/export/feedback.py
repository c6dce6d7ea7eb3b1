"""Per-unit feedback (评议意见书): a letter the unit signs for and keeps, on one page.

文号, 主送, the result, the criteria (失分 from the same figures the minutes print), the weakest
criteria only where they are weak (得分率 below 80%), the questions put to the unit, the problems
to rectify, when to report back (one rule for the whole meeting), and the 落款: each issuing body
on its own with room for its seal, the date 右空四字. A letter that would run onto a second page
is set a little smaller until it fits. An unfinished session gets no letters (see ``run_export``).
"""
from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..results import round_half_up
from ..template import fmt_decimal
from . import layout as L
from .data import ExportData, leaf_label
from .deadlines import report_due
from .minutes import organisers, source_words
from .wording import bracketed, cn_index, date_cn, num, pct

WEAK_RATE = Fraction(80)  # 得分率 below this is named as weak
WEAK_COUNT = 3
SCALES = (1.0, 0.94, 0.88, 0.82, 0.76)
FIT_MARGIN = 0.97  # the estimate's margin: it may be a few points off where table cells wrap


def weakest(data: ExportData, unit: str) -> list[tuple[str, Fraction]]:
    """Leaves whose 得分率 is below WEAK_RATE, lowest first."""
    shown = data.shown_criteria(unit)
    rates = [(path, Fraction(shown[path]) * 100 / Fraction(data.leaf_max[path])) for path in data.leaf_paths
             if shown[path] is not None and data.leaf_max[path]]
    return sorted([x for x in rates if x[1] < WEAK_RATE], key=lambda x: x[1])[:WEAK_COUNT]


def doc_number(data: ExportData, unit_name: str) -> str:
    """评议意见〔2020〕1号: the year of the meeting, the unit's place in the order (不编虚位, no 第)."""
    year = (data.session.date or "")[:4] or "　　"
    position = next(u.position for u in data.units if u.name == unit_name)
    return f"评议意见〔{year}〕{position}号"


def letter_blocks(data: ExportData, unit_name: str, *, show_experts: bool = True) -> list[L.Block]:
    s = data.session
    unit = next(u for u in data.units if u.name == unit_name)
    r = data.result(unit_name)
    who = unit.presenter + (bracketed(unit.presenter_title) if unit.presenter and unit.presenter_title else "")
    blocks: list[L.Block] = [
        L.Title(["评议意见书"]), L.Para(doc_number(data, unit_name), "docno"), L.Para(f"{unit_name}：", "plain"),
        L.Para(f"{date_cn(s.date)}，{s.organisers or '评议组织单位'}在{s.venue or '会场'}召开{s.title}。"
               f"你单位{who}作了汇报，评议组{len(data.experts)}位专家现场提问并评分。现将评议意见反馈如下。")]
    sections: list[tuple[str, list[L.Block]]] = []
    if r.final is not None:
        text = (f"你单位综合得分{num(r.final)}分，在{data.ranked_count}个参评单位中排名第{r.rank}名，"
                f"评议等次为“{r.grade}”。")
    else:
        text = "你单位未参加本次评议。" if r.status == "absent" else "你单位评分未完成，暂无综合得分和排名。"
    comps = [c for c in data.template.components]
    if comps and r.final is not None:
        parts = []
        for c in comps:
            ext = data.external.get((unit_name, c.name))
            src = source_words(ext.note, ext.file, ext.entered_by, ext.at[:10]) if ext else ""
            parts.append(f"{c.name}{num(r.components.get(c.name))}分{src}")
        text += "其中" + "，".join(parts) + "。"
    sections.append(("评议结果", [L.Para(text)]))
    sections.append(("各项指标得分", [scores_table(data, unit_name), *weak_words(data, unit_name)]))
    qs = data.questions_for(unit_name)
    if qs:
        labels = data.expert_labels(show_experts)
        sections.append(("专家提问", [L.Keep([L.Para(f"{n}．{labels.get(q.expert, '评议专家') if q.expert else '评议专家'}"
                                                  f"问：{q.text}"), L.Para(f"你单位答复：{q.answer or '（未记录）'}")])
                                      for n, q in enumerate(qs, 1)]))
    problems = [q for q in qs if q.problem]
    to = s.organisers or "评议组织单位"
    due = report_due(data, unit_name)
    request = L.Para("请你单位对照评议意见和专家提出的问题，制定整改方案，明确整改措施、责任人和完成时限，逐项抓好落实，"
                     f"并于{date_cn(due, '规定期限')}前将整改情况书面报送{to}。")
    if problems:
        rows = [["序号", "存在问题", "整改措施", "完成期限"]]
        rows += [[str(i), q.text, q.measure or "—", date_cn(q.deadline, "—")] for i, q in enumerate(problems, 1)]
        sections.append(("存在问题与整改要求", [L.Table(rows, [0.08, 0.4, 0.34, 0.18], "clll"), request]))
    else:
        sections.append(("整改要求", [request]))
    for i, (head, body) in enumerate(sections, 1):
        blocks += [L.Para(f"{cn_index(i)}、{head}", "h1"), *body]
    blocks.append(L.Signatures([], organisers(s.organisers), date_cn(s.date), seal_room=1.5))
    return blocks


def scores_table(data: ExportData, unit_name: str) -> L.Table:
    shown = data.shown_criteria(unit_name)
    rows = [["指标", "分值", "平均得分", "失分", "得分率"]]
    for path in data.leaf_paths:
        mean, top = shown[path], data.leaf_max[path]
        rows.append([path.replace("/", "／"), fmt_decimal(top), num(mean),  # 失分 from the printed mean
                     num(top - mean) if mean is not None else "—",
                     pct(Fraction(mean) * 100 / Fraction(top)) if mean is not None and top else "—"])
    panel, total = data.panel_exact(unit_name), data.template.total_max
    rows.append(["合计（评议团评分）", fmt_decimal(total), num(panel),
                 num(total - round_half_up(panel)) if panel is not None else "—",
                 pct(panel * 100 / Fraction(total)) if panel is not None and total else "—"])
    return L.Table(rows, [0.44, 0.12, 0.15, 0.14, 0.15], "lrrrr", strong_rows=(len(rows) - 1,))


def weak_words(data: ExportData, unit_name: str) -> list[L.Block]:
    weak = weakest(data, unit_name)
    if not weak:
        return []
    names = "、".join(f"“{leaf_label(path)}”（得分率{pct(rate)}）" for path, rate in weak)
    return [L.Para(f"得分率低于{WEAK_RATE}%的指标：{names}，请重点改进。")]


def scaled(layout: L.Layout, k: float) -> L.Layout:
    styles = {n: replace(st, size=round(st.size * k, 2), leading=round(st.leading * k, 2)) for n, st in layout.styles.items()}
    return replace(layout, styles=styles)


def feedback_document(data: ExportData, unit_name: str, *, show_experts: bool = True) -> L.Document:
    """The letter at the largest type that keeps it on one page (heights estimated with a margin,
    without laying it out: each layout costs as much as writing the letter)."""
    from .pdf_render import estimate_height

    title = f"{data.session.title} 评议意见书（{unit_name}）"
    blocks = letter_blocks(data, unit_name, show_experts=show_experts)
    doc = L.Document(L.LETTER, blocks, title=title, header="", fingerprint=data.short_fp,
                     author=data.session.organisers)
    room = doc.layout.page.frame_height * FIT_MARGIN
    height = estimate_height(doc)
    if height <= room:
        return doc
    # Smaller type also wraps fewer lines, so the height shrinks at least in step with it: start
    # near room/height rather than trying every size.
    for k in [k for k in SCALES[1:] if k <= room / height + 0.06] or [SCALES[-1]]:
        doc = replace(doc, layout=scaled(L.LETTER, k))
        if estimate_height(doc) <= room:
            break
    return doc


def write_feedback_pdf(data: ExportData, unit_name: str, target: Path | Any, *, show_experts: bool = True) -> None:
    from .pdf_render import write_pdf

    write_pdf(feedback_document(data, unit_name, show_experts=show_experts), target)
