"""The minutes (会议纪要) as one layout description, drawn as PDF and as DOCX.

Laid out like a real 会议纪要: the title broken by rule, an opening paragraph, 时间/地点/主持/
出席/列席/记录, 一、评议方式 二、评议结果 三、各单位评议情况 (scores, each question with its
answer kept together) 四、评议组意见 五、整改要求, the signature block (评议组组长（签字）,
记录人（签字）, the issuing bodies, the date), the audit record as 附件 (the hash-chained log,
checked as it is printed) and the 版记.
"""
from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction

from ..template import fmt_decimal
from . import layout as L
from .data import ExportData
from .deadlines import report_due_words
from .titles import title_lines
from .wording import (bracketed, cn_index, date_cn, duration_cn, formula, grade_bands, num, pct,
                      weight_percents)

STATUS_WORDS = {"absent": "缺席", "incomplete": "未完成"}


def doc_title(title: str) -> str:
    return f"{title}纪要" if title.endswith("会") else f"{title}会议纪要"


def organisers(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[、，,；;\n]+", text or "") if p.strip()]


def title_block(text: str, layout: L.Layout) -> L.Title:
    st = layout.styles["title"]
    return L.Title(title_lines(text, int(layout.page.frame_width // st.size)))


def label(name: str, text: str) -> L.Para:
    return L.Para([(f"{name}：", "hei"), (text, "")], "label")


def attendance(data: ExportData, show_experts: bool) -> list[L.Block]:
    s = data.session
    out: list[L.Block] = [label("时间", date_cn(s.date)), label("地点", s.venue or "—")]
    if s.host:
        out.append(label("主持", s.host))
    if show_experts:
        others = [e for e in data.experts if e.name != s.chair]
        panel = "、".join(e.name + (bracketed(e.affiliation) if e.affiliation else "") for e in others)
        lead = f"评议组组长{s.chair}；评议专家" if s.chair and len(others) < len(data.experts) else "评议专家"
        out.append(label("出席", f"{lead}{panel}"))
    else:
        kinds = Counter(e.category or "其他" for e in data.experts)
        out.append(label("出席", f"评议组专家{len(data.experts)}人" + bracketed("、".join(f"{k}{n}人" for k, n in kinds.items()))))
    out.append(label("列席", "、".join(u.name for u in data.units) + f"等{len(data.units)}个参评单位的汇报人"))
    if s.secretary:
        out.append(label("记录", s.secretary))
    return out


def opening(data: ExportData) -> L.Para:
    s = data.session
    done = sum(1 for r in data.results.units if r.status == "complete")
    text = (f"{date_cn(s.date)}，{s.organisers or '评议组织单位'}在{s.venue or '会场'}召开{s.title}。"
            f"{len(data.units)}个参评单位依次汇报，评议组{len(data.experts)}位专家现场提问")
    if data.draft:
        text += f"。本稿为草稿，评议尚未结束，{done}个单位已完成评分。"
    else:
        text += "并评分。现将会议主要情况纪要如下。"
    return L.Para(text)


def method_sentences(data: ExportData) -> list[str]:
    t, s = data.template, data.session
    out = [f"本次评议采用“{t.name}”评分细则，满分{fmt_decimal(t.total_max)}分，设一级指标{len(t.criteria)}项、"
           f"评分指标{len(t.leaves())}项，由评议专家现场逐项打分。"]
    if t.aggregation == "trimmed_mean":
        out.append("每位专家对一个单位各项得分之和为该专家的评分；有效评分不少于5份的，去掉一个最高分和一个最低分后"
                   "取算术平均值，作为评议团评分；不足5份的，直接取算术平均值。")
    else:
        out.append("每位专家对一个单位各项得分之和为该专家的评分，各专家评分的算术平均值为评议团评分。")
    out.append("各单位的分项得分，是计入评议团评分的专家（不含去掉的最高分、最低分）在该项得分的平均值，"
               "各分项相加即为评议团评分；分项得分四舍五入保留两位小数，尾差调整到舍入误差最大的分项。")
    if t.components:
        ext = [c.name for c in t.components if c.source == "external"]
        out.append(f"综合得分按下式计算：{formula(t)}。评议团评分按满分100分折算"
                   + (f"；{'、'.join(ext)}按百分制（0至100分）计入。" if ext else "。"))
        out += provenance_sentences(data)
    elif t.total_max == 100:
        out.append("综合得分即评议团评分。")
    else:
        out.append(f"综合得分为评议团评分按满分100分折算（评议团评分÷{fmt_decimal(t.total_max)}×100）。")
    out.append("综合得分四舍五入保留两位小数，按综合得分从高到低排名，得分相同的名次并列。")
    out.append("等次划分：" + "；".join(grade_bands(t)) + "。")
    if data.recusals:
        order_e = {e.name: i for i, e in enumerate(data.experts)}
        order_u = {u.name: i for i, u in enumerate(data.units)}
        pairs = sorted(data.recusals, key=lambda p: (order_e.get(p[0], 0), order_u.get(p[1], 0)))
        out.append("回避情况：" + "；".join(f"{e}对{u}" for e, u in pairs) + "回避评分，其评分不计入该单位得分。")
    else:
        out.append("回避情况：本次评议无专家回避。")
    if s.order_mode == "drawn":
        out.append(f"汇报顺序由抽签确定（抽签种子{s.draw_seed}" + (f"，监督人{s.draw_witness}" if s.draw_witness else "") + "）。")
    tm = data.template.timing
    out.append(f"每个单位汇报时间{duration_cn(float(tm.report_minutes) * 60)}、问答时间"
               f"{duration_cn(float(tm.qa_minutes) * 60)}。")
    return out


def provenance_sentences(data: ExportData) -> list[str]:
    """Where each external component's values came from, in one sentence when they share a source."""
    out = []
    for comp in data.external_components():
        values = [v for (u, c), v in data.external.items() if c == comp]
        if not values:
            out.append(f"{score_of(comp)}尚未录入。")
            continue
        sources = {(v.note, v.file, v.entered_by, v.at[:10]) for v in values}
        if len(sources) == 1:
            note, file, who, day = next(iter(sources))
            out.append(f"{score_of(comp)}" + source_words(note, file, who, day) + "。")
        else:
            out.append(f"{score_of(comp)}来源不一，逐单位列于各单位评议情况。")
    return out


def score_of(component: str) -> str:
    """社会评议 → 社会评议得分; 联席会议成员评分 stays as it is (no 评分得分)."""
    return component if component.endswith(("得分", "评分", "分数")) else f"{component}得分"


def source_words(note: str, file: str, who: str, day: str) -> str:
    parts = []
    if note:
        parts.append(f"来源：{note}")
    if file:
        parts.append(f"由文件“{file}”导入")
    entered = (who or "") + (f"于{date_cn(day)}" if day else "") + "录入"
    parts.append(entered if who or day else "录入人未记录")
    return bracketed("，".join(parts))


def criteria_table(data: ExportData) -> L.Table:
    rows = [["指标", "分值", "评分要点"]]
    for node in data.template.criteria:
        rows.append([node.name, fmt_decimal(node.maximum), node.description])
        for child in node.children:
            rows.append([f"　{child.name}", fmt_decimal(child.maximum), child.description])
    rows.append(["合计", fmt_decimal(data.template.total_max), ""])
    return L.Table(rows, [0.36, 0.12, 0.52], "lcl", strong_rows=(len(rows) - 1,))


def results_table(data: ExportData) -> L.Table:
    comps = [c.name for c in data.template.components]
    shares = weight_percents(data.template)
    head = ["排名", "单位", *[f"{c}\n（{shares[c]}）" for c in comps], "综合得分", "等次"]
    rows = [head] + [[str(u.rank or "—"), u.name, *[num(u.components.get(c)) for c in comps], num(u.final),
                      u.grade or STATUS_WORDS.get(u.status, "—")] for u in data.ranked()]
    unit = 0.3 if not comps else 0.2
    rest = (1 - 0.08 - unit) / (len(comps) + 2)
    return L.Table(rows, [0.08, unit, *[rest] * (len(comps) + 2)], "cl" + "r" * (len(comps) + 1) + "c")


def unit_status(data: ExportData, unit) -> str:
    r = data.result(unit.name)
    t = data.timing.get(unit.name, {})
    who = (unit.presenter + bracketed(unit.presenter_title)) if unit.presenter and unit.presenter_title \
        else unit.presenter or unit.presenter_title
    parts = [f"汇报人：{who}" if who else "", f"汇报用时{duration_cn(t['report'])}" if "report" in t else "",
             f"问答用时{duration_cn(t['questions'])}" if "questions" in t else ""]
    text = "，".join(p for p in parts if p)
    text = text + "。" if text else ""
    if r.final is not None:
        text += f"综合得分{num(r.final)}分，在{data.ranked_count}个单位中排名第{r.rank}名，等次为“{r.grade}”。"
    else:
        text += "未参加评议（缺席）。" if r.status == "absent" else "评分尚未完成，暂无综合得分。"
    for comp in data.external_components():
        ext = data.external.get((unit.name, comp))
        if ext is not None and len({(v.note, v.file, v.entered_by, v.at[:10]) for (u, c), v in data.external.items()
                                    if c == comp}) > 1:
            text += f"{score_of(comp)}{num(ext.value)}分" + source_words(ext.note, ext.file, ext.entered_by, ext.at[:10]) + "。"
    return text


def unit_scores(data: ExportData, name: str) -> L.Table:
    maxima = data.leaf_max
    shown = data.shown_criteria(name)
    rows = [["指标", "分值", "平均得分", "得分率"]]
    for path in data.leaf_paths:
        mean = shown[path]
        rows.append([path.replace("/", "／"), fmt_decimal(maxima[path]), num(mean),
                     pct(Fraction(mean) * 100 / Fraction(maxima[path])) if mean is not None and maxima[path] else "—"])
    panel = data.panel_exact(name)
    total = data.template.total_max
    rows.append(["合计（评议团评分）", fmt_decimal(total), num(panel),
                 pct(panel * 100 / Fraction(total)) if panel is not None and total else "—"])
    return L.Table(rows, [0.52, 0.14, 0.17, 0.17], "lrrr", strong_rows=(len(rows) - 1,))


def expert_notes(data: ExportData, r) -> dict[str, str]:
    notes: dict[str, str] = {}
    for e in data.experts:
        note = []
        if e.name in r.recused_experts:
            note.append("回避")
        if e.name in r.incomplete_experts:
            note.append("未评完")
        if e.name in r.trimmed_experts:  # trimmed_experts lists the highest, then the lowest
            note.append("去掉最高分" if r.trimmed_experts.index(e.name) == 0 else "去掉最低分")
        notes[e.name] = "；".join(note)
    return notes


def expert_totals(data: ExportData, name: str, show_experts: bool) -> L.Block:
    r = data.result(name)
    notes = expert_notes(data, r)
    if not show_experts:
        totals = sorted(r.experts.values(), reverse=True)
        text = "各专家评分（从高到低）：" + ("、".join(num(v) for v in totals) or "无")
        if r.trimmed_experts:
            text += f"；去掉最高分{num(r.experts[r.trimmed_experts[0]])}、最低分{num(r.experts[r.trimmed_experts[1]])}"
        extra = [f"{len(r.recused_experts)}位专家回避"] if r.recused_experts else []
        extra += [f"{len(r.incomplete_experts)}位专家未评完"] if r.incomplete_experts else []
        return L.Para(text + ("；" + "，".join(extra) if extra else "") + "。", "body")
    names = [e.name for e in data.experts]
    if len(names) <= 8:
        col = 0.84 / max(1, len(names))
        return L.Table([["专家", *names], ["评分", *[num(r.experts.get(n)) if n in r.experts else "—" for n in names]],
                        ["说明", *[notes[n] for n in names]]], [0.16, *[col] * len(names)], "c" * (len(names) + 1))
    return L.Table([["专家", "评分", "说明"], *[[n, num(r.experts.get(n)), notes[n]] for n in names]],
                   [0.3, 0.2, 0.5], "crl")


def questions(data: ExportData, name: str, show_experts: bool) -> list[L.Block]:
    qs = data.questions_for(name)
    if not qs:
        return []
    labels = data.expert_labels(show_experts)
    out: list[L.Block] = [L.Para("专家提问与答复：", "plain", keep_with_next=True)]
    for n, q in enumerate(qs, 1):
        who = labels.get(q.expert, "评议专家") if q.expert else "评议专家"
        out.append(L.Keep([L.Para(f"{n}．{who}问：{q.text}"), L.Para(f"答：{q.answer or '（未记录）'}")]))
    return out


def unit_section(data: ExportData, index: int, unit, show_experts: bool) -> list[L.Block]:
    return [L.Para(f"（{cn_index(index)}）{unit.name}", "h2"),
            L.Para(unit_status(data, unit)),
            unit_scores(data, unit.name), expert_totals(data, unit.name, show_experts),
            *questions(data, unit.name, show_experts)]


def rectification(data: ExportData) -> list[L.Block]:

    problems = [q for q in data.questions if q.problem]
    out: list[L.Block] = []
    if problems:
        out.append(L.Para("评议中发现的问题和整改要求如下，各单位要逐项整改到位："))
        rows = [["序号", "单位", "存在问题", "整改措施", "完成期限"]]
        rows += [[str(i), q.unit, q.text, q.measure or "—", date_cn(q.deadline, "—")] for i, q in enumerate(problems, 1)]
        out.append(L.Table(rows, [0.08, 0.14, 0.33, 0.3, 0.15], "cclll"))
    else:
        out.append(L.Para("评议中未列出需限期整改的问题，各单位要对照专家意见改进工作。"))
    out.append(L.Para(report_due_words(data)))
    return out


STATUS_WORDS = {"draft": "筹备中", "live": "进行中", "finished": "已结束", "sealed": "已封盘"}


def _short(value: str | None) -> str:
    """A value as the appendix prints it: a status in words, a fingerprint or hash shortened."""
    if not value:
        return "—"
    value = STATUS_WORDS.get(value, value)
    return value if len(value) <= 12 or " " in value else value[:8] + "…"


def _change(before: str | None, after: str | None) -> str:
    if not before and not after:
        return "—"
    return f"{_short(before)}→{_short(after)}"


def _appendix_rows(rows: list[dict]) -> list[list[str]]:
    """One table row per entry, except that the submissions of one unit's sheets in a run are one
    row (序号 as a range): each is routine, and their count is what the reader checks."""
    out: list[list[str]] = []
    group: list[dict] = []

    def flush() -> None:
        if not group:
            return
        first, last = group[0], group[-1]
        seq = str(first["seq"]) if len(group) == 1 else f"{first['seq']}–{last['seq']}"
        who = "、".join(r["expert"] for r in group if r["expert"]) if len(group) <= 2 else f"{len(group)}位专家"
        out.append([seq, (first["at"] or "")[:16].replace("T", " "), "提交评分", f"{first['unit'] or '—'} / {who}",
                    "—", first["reason"] or "—"])
        group.clear()

    for r in rows:
        if r["code"] == "score.submit" and r["unit"] and (not group or group[0]["unit"] == r["unit"]) \
                and (r["reason"] or "") == (group[0]["reason"] or "" if group else r["reason"] or ""):
            group.append(r)
            continue
        flush()
        if r["code"] == "score.submit" and r["unit"]:
            group.append(r)
            continue
        what = " / ".join(x for x in (r["unit"], r["expert"], r["criterion"]) if x)
        out.append([str(r["seq"]), (r["at"] or "")[:16].replace("T", " "), r["action"], what or "—",
                    _change(r["before"], r["after"]), r["reason"] or "—"])
    flush()
    return out


def audit_appendix(data: ExportData) -> list[L.Block]:
    """附件 审计记录: the corrections, submissions, status changes and seals, in the order of the
    hash chain, with what the check found; the chain's last hash covers all of them (and the
    fingerprint in the footer covers the chain)."""
    audit = data.audit
    if not audit:
        return []
    facts = [["审计链记录", f"{audit['entries']}条（每条的哈希值包含上一条的哈希值）"],
             ["校验结果", "通过" if audit["verified"] else "未通过：" + "；".join(audit["problems"][:3])],
             ["链尾哈希值", (audit["head"] or "—")[:16]]]
    if audit["signers"]:
        facts.append(["封盘签名", "；".join(audit["signers"])])
    out: list[L.Block] = [L.PageBreak(), L.Para("附件", "h1"), L.Para("评议会审计记录", "h2", keep_with_next=True),
                          L.Table(facts, [0.22, 0.78], "ll", head_rows=0)]
    rows = _appendix_rows(audit["rows"])
    if rows:
        out.append(L.Space(0.5))
        out.append(L.Table([["序号", "时间", "事项", "对象", "变化", "原因"], *rows],
                           [0.11, 0.17, 0.15, 0.27, 0.17, 0.13], "ccllcl"))
    else:
        out.append(L.Para("除逐项录入的评分外，没有更正、提交或状态变化的记录。"))
    return out


def minutes_document(data: ExportData, *, show_experts: bool = True) -> L.Document:
    s = data.session
    title = doc_title(s.title)
    bodies = organisers(s.organisers)
    blocks: list[L.Block] = [title_block(title, L.GONGWEN), L.Space(0.5), opening(data), *attendance(data, show_experts),
                             L.Para("一、评议方式", "h1"), *[L.Para(t) for t in method_sentences(data)],
                             criteria_table(data), L.Para("二、评议结果", "h1")]
    grades = Counter(r.grade for r in data.results.units if r.grade)
    summary = "，".join(f"{g.name}{grades[g.name]}个" for g in sorted(data.template.grades, key=lambda g: -g.min)
                       if grades[g.name])
    blocks.append(L.Para("评议结果按综合得分排序如下" + (f"，其中{summary}" if summary else "") + "。", keep_with_next=True))
    blocks.append(results_table(data))
    blocks.append(L.Para("三、各单位评议情况", "h1"))
    for i, u in enumerate(data.units, 1):
        blocks += unit_section(data, i, u, show_experts)
    blocks.append(L.Para("四、评议组意见", "h1"))
    blocks += [L.Para(p.strip()) for p in (s.summary or "").split("\n") if p.strip()] or [L.Para("（评议组意见待补充。）")]
    blocks.append(L.Para("五、整改要求", "h1"))
    blocks += rectification(data)
    blocks.append(L.Space(1))
    blocks.append(L.Signatures(["评议组组长（签字）：＿＿＿＿＿＿", "记录人（签字）：＿＿＿＿＿＿＿＿"], bodies, date_cn(s.date)))
    blocks += audit_appendix(data)
    blocks.append(L.Banji("抄送：各参评单位，评议组成员。", bodies[0] if bodies else "评议组织单位",
                          f"{date_cn(s.date)}印发"))
    return L.Document(L.GONGWEN, blocks, title=title, header=title, fingerprint=data.short_fp, draft=data.draft,
                      author=s.organisers)


def write_minutes_pdf(data: ExportData, target, *, show_experts: bool = True) -> None:
    from .pdf_render import write_pdf

    write_pdf(minutes_document(data, show_experts=show_experts), target)


def write_minutes_docx(data: ExportData, target, *, show_experts: bool = True) -> None:
    from .docx_render import write_docx

    write_docx(minutes_document(data, show_experts=show_experts), target)
