"""The minutes (会议纪要) as PDF: 基本情况, 评议方式, 评议结果, per-unit details, summary, timing."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from ..template import fmt_decimal
from .data import ExportData, date_cn, leaf_label, method_sentences, minutes_text, num
from .pdf_base import GAP, Styles, build_pdf, frame_width, mm, p, table

CN_NUM = "一二三四五六七八九十"


def cn_index(i: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十 (enough for the units of one meeting)."""
    if i <= 10:
        return CN_NUM[i - 1]
    if i < 20:
        return "十" + CN_NUM[i - 11]
    tens, ones = divmod(i, 10)
    return CN_NUM[tens - 1] + "十" + (CN_NUM[ones - 1] if ones else "")


def basic_info(data: ExportData, st: Styles) -> list:
    s = data.session
    w = frame_width()
    rows = [["时间", date_cn(s.date)], ["地点", s.venue or "—"], ["主办单位", s.organisers or "—"],
            ["评议组组长", s.chair or "—"], ["主持人", s.host or "—"], ["记录员", s.secretary or "—"]]
    out: list = [p("一、基本情况", st.h1), table([["项目", "内容"], *rows], [32 * mm, w - 32 * mm], st, align="ll")]
    out.append(p(f"评议组由 {len(data.experts)} 位专家组成：", st.body))
    out.append(table([["序号", "姓名", "类别", "工作单位"],
                      *[[i, e.name, e.category, e.affiliation] for i, e in enumerate(data.experts, 1)]],
                     [14 * mm, 28 * mm, 32 * mm, w - 74 * mm], st, align="cccl"))
    out.append(p(f"参评单位共 {len(data.units)} 个，按汇报顺序：", st.body))
    out.append(table([["顺序", "单位", "汇报人", "汇报题目"],
                      *[[u.position, u.name, " ".join(x for x in (u.presenter, u.presenter_title) if x), u.report_title]
                        for u in data.units]],
                     [14 * mm, 24 * mm, 62 * mm, w - 100 * mm], st, align="ccll"))
    return out


def method(data: ExportData, st: Styles) -> list:
    w = frame_width()
    out: list = [p("二、评议方式", st.h1)]
    out += [p(text, st.body) for text in method_sentences(data)]
    rows: list[list[Any]] = [["指标", "分值", "评分要点"]]
    for node in data.template.criteria:
        rows.append([node.name, fmt_decimal(node.maximum), node.description])
        for child in node.children:
            rows.append([f"{GAP}{child.name}", fmt_decimal(child.maximum), child.description])
    rows.append(["合计", fmt_decimal(data.template.total_max), ""])
    out.append(table(rows, [50 * mm, 18 * mm, w - 68 * mm], st, align="lcl"))
    return out


def results_table(data: ExportData, st: Styles) -> list:
    w = frame_width()
    comps = list(data.results.units[0].components) if data.results.units else []
    head = ["排名", "单位", *comps, "综合得分", "等次"]
    rows = [head] + [[u.rank or "—", u.name, *[num(v) for v in u.components.values()], num(u.final),
                      u.grade or ("缺席" if u.status == "absent" else "未完成")] for u in data.ranked()]
    comp_w = min(32 * mm, (w - 90 * mm) / max(1, len(comps)))
    unit_w = w - 14 * mm - 26 * mm - 22 * mm - comp_w * len(comps)
    return [p("三、评议结果", st.h1),
            table(rows, [14 * mm, unit_w, *[comp_w] * len(comps), 26 * mm, 22 * mm], st,
                  align=["c", "l", *["r"] * len(comps), "r", "c"])]


def unit_section(data: ExportData, index: int, unit_name: str, st: Styles, *, show_experts: bool = True) -> list:
    w = frame_width()
    r = data.result(unit_name)
    head = f"（{cn_index(index)}）{unit_name}"
    status = (f"综合得分 {num(r.final)}，排名第 {r.rank} 名，等次：{r.grade}" if r.final is not None
              else "缺席" if r.status == "absent" else "评分未完成，暂无综合得分")
    maxima = data.leaf_max
    crit_rows: list[list[Any]] = [["指标", "满分", "平均得分", "得分率"]]
    for path in data.leaf_paths:
        mean = r.criteria.get(path)
        rate = "—" if mean is None or not maxima[path] else f"{num(mean * 100 / Fraction(maxima[path]))}%"
        crit_rows.append([path.replace("/", " / "), fmt_decimal(maxima[path]), num(mean), rate])
    block: list = [p(head, st.h2), p(status + "。", st.body),
                   table(crit_rows, [w - 66 * mm, 18 * mm, 24 * mm, 24 * mm], st, align="lrrr")]
    if show_experts:
        block.append(expert_totals(data, r, st))
    # The scores of one unit stay on one page; questions may flow on.
    out: list = [KeepTogether(block)]
    qs = data.questions_for(unit_name)
    if qs:
        out.append(p("专家提问与答复：", st.plain))
        for n, q in enumerate(qs, 1):
            who = f"（{q.expert}）" if show_experts and q.expert else ""
            out.append(p(f"{n}. 问{who}：{q.text}", st.body))
            out.append(p(f"答：{q.answer or '（未记录）'}", st.body))
    problems = [q for q in qs if q.problem]
    if problems:
        out.append(p("发现的问题与整改要求：", st.plain))
        out.append(table([["问题", "整改措施", "完成期限"],
                          *[[q.text, q.measure or "—", date_cn(q.deadline) if q.deadline else "—"] for q in problems]],
                         [(w - 30 * mm) / 2, (w - 30 * mm) / 2, 30 * mm], st, align="llc"))
    return out


def expert_notes(data: ExportData, r) -> dict[str, str]:
    notes: dict[str, str] = {}
    for e in data.experts:
        note = []
        if e.name in r.recused_experts:
            note.append("回避")
        if e.name in r.incomplete_experts:
            note.append("未完成")
        if e.name in r.trimmed_experts:  # trimmed_experts lists the highest, then the lowest
            note.append("去掉最高分" if r.trimmed_experts.index(e.name) == 0 else "去掉最低分")
        notes[e.name] = "；".join(note)
    return notes


def expert_totals(data: ExportData, r, st: Styles):
    """Each expert's total for the unit: experts across when they fit, otherwise down."""
    w = frame_width()
    notes = expert_notes(data, r)
    names = [e.name for e in data.experts]
    if len(names) <= 9:
        col = (w - 20 * mm) / max(1, len(names))
        return table([["专家", *names], ["评分合计", *[num(r.experts.get(n)) for n in names]],
                      ["说明", *[notes[n] for n in names]]], [20 * mm, *[col] * len(names)], st,
                     align="c" * (len(names) + 1))
    return table([["专家", "评分合计", "说明"], *[[n, num(r.experts.get(n)), notes[n]] for n in names]],
                 [40 * mm, 30 * mm, w - 70 * mm], st, align="crl")


def timing_table(data: ExportData, st: Styles) -> list:
    w = frame_width()
    plan_r = float(data.template.timing.report_minutes) * 60
    plan_q = float(data.template.timing.qa_minutes) * 60
    rows: list[list[Any]] = [["顺序", "单位", "汇报（计划）", "汇报（实际）", "问答（计划）", "问答（实际）", "超时"]]
    for u in data.units:
        t = data.timing.get(u.name, {})
        over = sum(max(0.0, t.get(k, 0.0) - plan) for k, plan in (("report", plan_r), ("questions", plan_q)))
        rows.append([u.position, u.name, minutes_text(plan_r), minutes_text(t.get("report")), minutes_text(plan_q),
                     minutes_text(t.get("questions")), minutes_text(over) if over else "—"])
    rest = (w - 14 * mm - 28 * mm) / 5
    return [p("六、计时情况", st.h1), table(rows, [14 * mm, 28 * mm, *[rest] * 5], st, align="clrrrrr")]


def minutes_story(data: ExportData, st: Styles | None = None) -> list:
    st = st or Styles()
    s = data.session
    story: list = [p(f"{s.title}", st.title), p("会 议 纪 要", st.title),
                   p(f"{date_cn(s.date)}{GAP}{s.venue}{GAP}数据指纹 {data.short_fp}", st.subtitle)]
    story += basic_info(data, st)
    story += method(data, st)
    story += results_table(data, st)
    story.append(p("四、各单位评议情况", st.h1))
    for i, u in enumerate(data.units, 1):
        story += unit_section(data, i, u.name, st)
    story.append(CondPageBreak(40 * mm))
    story.append(p("五、评议组总结", st.h1))
    for para in (s.summary or "（未填写会议小结）").split("\n"):
        if para.strip():
            story.append(p(para.strip(), st.body))
    # The signatures never stand alone on the last page.
    story.append(KeepTogether([*timing_table(data, st), Spacer(1, 10 * mm),
                               p(f"记录员：{s.secretary or '＿＿＿＿'}", st.right),
                               p(f"评议组组长：{s.chair or '＿＿＿＿'}", st.right)]))
    return story


def write_minutes_pdf(data: ExportData, target: Path | Any) -> None:
    build_pdf(target, minutes_story(data), title=f"{data.session.title} 会议纪要", header=f"{data.session.title}　会议纪要",
              fingerprint=data.short_fp, author=data.session.organisers)


__all__ = ["write_minutes_pdf", "unit_section", "cn_index", "leaf_label", "Paragraph"]
