"""The summary table of a checklist session (评估结果汇总表) in 公文 form, PDF and DOCX from one
layout: every candidate by rank with its counts, rate and verdict, the threshold drawn as a line
across the table between those that reach it and those that do not, the first-level rates side by
side (the ones below the threshold on a grey ground), the 拟命名名单 and how the rate is reckoned.
"""
from __future__ import annotations

from typing import Any

from ..checklist.results import CandidateResult, verdict
from ..template import fmt_decimal
from . import layout as L
from .assessment import pct, rule_sentence
from .checklist_data import ChecklistData
from .minutes import organisers, title_block
from .wording import date_cn

HEAD = ["排名", "单位", "达标", "部分\n达标", "未达标", "不适用", "适用", "达标率", "结论"]
WIDTHS = [0.07, 0.15, 0.08, 0.08, 0.095, 0.095, 0.08, 0.13, 0.22]
AREA_COLUMNS = 5  # candidates side by side in one area table


def line_text(data: ChecklistData) -> str:
    return f"—— 达标门槛 {fmt_decimal(data.template.threshold)}% ——"


def short_verdict(u: CandidateResult, data: ChecklistData) -> str:
    text = verdict(u, data.template.threshold)
    return "未达门槛（精确值低于门槛）" if text.startswith("未达门槛（精确值") else text


def summary_table(data: ChecklistData) -> L.Table:
    """The candidates by rank, the threshold line after the last one that reaches it."""
    rows = [HEAD]
    spans, shaded = [], []
    line_at = None
    # by rank; within a shared rank those that reach the threshold first (a shown 90.00 may fall short)
    ranked = sorted(data.results.units, key=lambda u: (u.rank is None, u.rank or 0, not u.passed, u.position))
    for u in ranked:
        if line_at is None and not u.passed:
            line_at = len(rows)
            rows.append([line_text(data)] + [""] * (len(HEAD) - 1))
        t = u.tally
        rows.append([str(u.rank or "—"), u.name, str(t.met), str(t.partial), str(t.unmet), str(t.not_applicable),
                     str(t.applicable), pct(u.rate_exact) if u.rate_exact is not None else "—", short_verdict(u, data)])
    if line_at is None:  # everyone reaches it: the line closes the table
        line_at = len(rows)
        rows.append([line_text(data)] + [""] * (len(HEAD) - 1))
    spans.append((0, line_at, len(HEAD) - 1, line_at))
    shaded.append((0, line_at, len(HEAD) - 1, line_at))
    return L.Table(rows, WIDTHS, "clrrrrrrl", spans=spans, shaded=shaded, strong_rows=(line_at,))


def area_tables(data: ChecklistData) -> list[L.Block]:
    """First-level rates: areas down, candidates across (in groups that fit the page)."""
    units = data.results.units
    out: list[L.Block] = []
    for start in range(0, len(units), AREA_COLUMNS):
        group = units[start:start + AREA_COLUMNS]
        rows = [["一级指标", *[u.name for u in group]]]
        shaded = []
        for i, area in enumerate(data.template.criteria, 1):
            row = [area.name]
            for j, u in enumerate(group, 1):
                a = u.areas[i - 1]
                row.append(pct(a.rate_exact) if a.rate_exact is not None else
                           ("—" if a.provisional_exact is None else f"{pct(a.provisional_exact)}*"))
                if a.short:
                    shaded.append((j, i, j, i))
            rows.append(row)
        rest = 0.58 / len(group)
        out.append(L.Table(rows, [0.42, *[rest] * len(group)], "l" + "r" * len(group), shaded=shaded))
    return out


def proposal_words(data: ChecklistData) -> list[L.Block]:
    listed = [p.name for p in data.proposals if p.included]
    named = [p.name for p in data.proposals if p.named]
    out = [L.Para("拟命名名单：" + ("、".join(listed) if listed else "暂无") +
                  "（第三方评估达到门槛、经初审推荐、完成满意度测评并通过实地核查）。")]
    if named:
        out.append(L.Para("经公示，已予以命名：" + "、".join(named) + "。"))
    left = [p for p in data.proposals if not p.included]
    if left:
        out.append(L.Para("未列入的单位及原因：" + "；".join(f"{p.name}（{'，'.join(p.reasons)}）" for p in left) + "。"))
    return out


def summary_blocks(data: ChecklistData) -> list[L.Block]:
    s = data.session
    title = f"{s.title}结果汇总表"
    passed = sum(1 for u in data.results.units if u.passed)
    done = sum(1 for u in data.results.units if u.status == "complete")
    blocks: list[L.Block] = [title_block(title, L.GONGWEN), L.Space(0.5)]
    text = (f"{date_cn(s.date)}，{s.organisers or '评估组织单位'}依据《{data.template.name}》对"
            f"{len(data.units)}个申报单位开展评估，共{len(data.leaf_paths)}项指标。")
    if data.draft:
        text += f"本表为草稿，评估尚未结束，{done}个单位已评定完毕。"
    else:
        text += f"{passed}个单位达标率达到{fmt_decimal(data.template.threshold)}%。"
    blocks.append(L.Para(text))
    blocks.append(L.Para("一、评估结果", "h1"))
    blocks.append(L.Para(f"按达标率从高到低排列，达标率相同的名次并列；“{line_text(data)}”一行以上的单位达到门槛。",
                         keep_with_next=True))
    blocks.append(summary_table(data))
    blocks.append(L.Para(rule_sentence(data), "note"))
    first, *more = area_tables(data)
    # the heading, its note and the first table move together (the heading had stood alone at a page's foot)
    blocks.append(L.Keep([L.Para("二、各一级指标达标率", "h1"),
                          L.Para(f"灰底为低于{fmt_decimal(data.template.threshold)}%的方面；"
                                 "带*的为尚未评定完毕、按已评定指标暂计的达标率。"), first]))
    blocks += more
    blocks.append(L.Para("三、拟命名名单", "h1"))
    *words, last = proposal_words(data)
    blocks += words
    # the last words stay with the signatures: a 落款 never stands alone on a page
    blocks.append(L.Keep([last, L.Space(1), L.Signatures(["评估组组长（签字）：＿＿＿＿＿＿"], organisers(s.organisers),
                                                       date_cn(s.date))]))
    return blocks


def summary_document(data: ChecklistData) -> L.Document:
    title = f"{data.session.title}结果汇总表"
    return L.Document(L.GONGWEN, summary_blocks(data), title=title, header=title, fingerprint=data.short_fp,
                      draft=data.draft, author=data.session.organisers)


def write_summary_pdf(data: ChecklistData, target: Any) -> None:
    from .pdf_render import write_pdf

    write_pdf(summary_document(data), target)


def write_summary_docx(data: ChecklistData, target: Any) -> None:
    from .docx_render import write_docx

    write_docx(summary_document(data), target)
