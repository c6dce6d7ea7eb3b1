"""Per-unit feedback (评议意见书): the unit's result, rank and grade, the criteria where it lost
points, the questions put to it, and the problems it must rectify by when.

Documents sent to units can leave the experts' names out (``show_experts=False``).
"""
from __future__ import annotations

import re
from datetime import date as Date
from fractions import Fraction
from pathlib import Path
from typing import Any

from reportlab.platypus import KeepTogether

from ..template import fmt_decimal
from .data import ExportData, date_cn, num
from .pdf_base import Spacer, Styles, build_pdf, frame_width, mm, p, table

WEAK_COUNT = 3  # how many weakest criteria the text names


def safe_name(name: str) -> str:
    """A unit name usable as a file name on Windows too."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "单位"


def feedback_file_name(unit: str) -> str:
    return f"评议意见书_{safe_name(unit)}.pdf"


def _add_months(iso: str | None, months: int) -> str | None:
    if not iso:
        return None
    d = Date.fromisoformat(iso[:10])
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    day = min(d.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31,
                      31, 30, 31, 30, 31][month - 1])
    return Date(year, month, day).isoformat()


def report_deadline(data: ExportData, unit: str) -> str | None:
    """When the written rectification report is due: the latest problem deadline, otherwise one
    month after the meeting for a failing grade and four months for the others (DOMAIN.md)."""
    deadlines = [q.deadline for q in data.questions_for(unit) if q.problem and q.deadline]
    if deadlines:
        return max(deadlines)
    r = data.result(unit)
    lowest = min(data.template.grades, key=lambda g: g.min).name if data.template.grades else None
    return _add_months(data.session.date, 1 if r.grade and r.grade == lowest else 4)


def weakest(data: ExportData, unit: str) -> list[tuple[str, Fraction]]:
    """Leaf paths with their score rate, lowest first (only where the unit lost points)."""
    r = data.result(unit)
    rates = []
    for path in data.leaf_paths:
        mean, top = r.criteria.get(path), data.leaf_max[path]
        if mean is not None and top and mean < Fraction(top):
            rates.append((path, mean * 100 / Fraction(top)))
    return sorted(rates, key=lambda x: x[1])


def feedback_story(data: ExportData, unit_name: str, st: Styles, *, show_experts: bool = True) -> list:
    s = data.session
    w = frame_width()
    unit = next(u for u in data.units if u.name == unit_name)
    r = data.result(unit_name)
    ranked = sum(1 for u in data.results.units if u.rank is not None)
    story: list = [p("评 议 意 见 书", st.title), p(s.title, st.subtitle), p(f"{unit_name}：", st.plain)]
    presenter = unit.presenter + (f"（{unit.presenter_title}）" if unit.presenter and unit.presenter_title else "")
    story.append(p(
        f"{date_cn(s.date)}，{s.organisers or '评议组织单位'}在{s.venue or '会场'}召开{s.title}。"
        f"你单位{presenter}作了汇报，评议组 {len(data.experts)} 位专家现场提问并评分。"
        "现将评议意见反馈如下。", st.body))

    story.append(p("一、评议结果", st.h1))
    if r.final is not None:
        story.append(p(f"你单位综合得分 {num(r.final)} 分，在 {ranked} 个参评单位中排名第 {r.rank} 名，"
                       f"评议等次为“{r.grade}”。", st.body))
    else:
        story.append(p("你单位评分未完成，暂无综合得分和排名。" if r.status != "absent" else "你单位未参加本次评议。",
                       st.body))
    comps = list(r.components.items())
    rows: list[list[Any]] = [[*[name for name, _v in comps], "综合得分", "排名", "等次"],
                             [*[num(v) for _n, v in comps], num(r.final),
                              f"{r.rank} / {ranked}" if r.rank else "—", r.grade or "—"]]
    story.append(table(rows, [w / (len(comps) + 3)] * (len(comps) + 3), st, align="c" * (len(comps) + 3)))

    story.append(p("二、各项指标得分", st.h1))
    crit_rows: list[list[Any]] = [["指标", "满分", "平均得分", "失分", "得分率"]]
    for path in data.leaf_paths:
        mean, top = r.criteria.get(path), data.leaf_max[path]
        crit_rows.append([path.replace("/", " / "), fmt_decimal(top), num(mean),
                          num(Fraction(top) - mean) if mean is not None else "—",
                          f"{num(mean * 100 / Fraction(top))}%" if mean is not None and top else "—"])
    story.append(table(crit_rows, [w - 84 * mm, 18 * mm, 22 * mm, 22 * mm, 22 * mm], st, align="lrrrr"))
    weak = weakest(data, unit_name)[:WEAK_COUNT]
    if weak:
        names = "、".join(f"“{path.rsplit('/', 1)[-1]}”（得分率 {num(rate)}%）" for path, rate in weak)
        story.append(p(f"失分较多的指标：{names}，请重点改进。", st.body))

    story.append(p("三、专家提问", st.h1))
    qs = data.questions_for(unit_name)
    if not qs:
        story.append(p("本次评议未记录对你单位的提问。", st.body))
    for n, q in enumerate(qs, 1):
        who = q.expert if show_experts and q.expert else "评议专家"
        story.append(p(f"{n}. {who}问：{q.text}", st.body))
        story.append(p(f"你单位答复：{q.answer or '（未记录）'}", st.body))

    story.append(p("四、存在问题与整改要求", st.h1))
    problems = [q for q in qs if q.problem]
    if problems:
        story.append(table([["序号", "存在问题", "整改措施", "完成期限"],
                            *[[i, q.text, q.measure or "—", date_cn(q.deadline) if q.deadline else "—"]
                              for i, q in enumerate(problems, 1)]],
                           [12 * mm, (w - 42 * mm) / 2, (w - 42 * mm) / 2, 30 * mm], st, align="cllc"))
    due = report_deadline(data, unit_name)
    # The closing request and the signature never stand alone on a page.
    story.append(KeepTogether([
        p("请你单位对照评议意见和专家提出的问题，制定整改方案，明确整改措施、责任人和完成时限，"
          f"逐项抓好落实，并于{date_cn(due) if due else '规定期限内'}前将整改情况书面报送"
          f"{s.organisers or '评议组织单位'}。", st.body),
        Spacer(1, 8 * mm), p(s.organisers or "", st.right), p(date_cn(s.date), st.right)]))
    return story


def write_feedback_pdf(data: ExportData, unit_name: str, target: Path | Any, *, show_experts: bool = True) -> None:
    st = Styles()
    title = f"{data.session.title} 评议意见书（{unit_name}）"
    build_pdf(target, feedback_story(data, unit_name, st, show_experts=show_experts), title=title,
              header=title, fingerprint=data.short_fp, author=data.session.organisers)
