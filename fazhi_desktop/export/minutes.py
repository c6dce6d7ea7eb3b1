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

from ..i18n import QT_TRANSLATE_NOOP
from ..template import fmt_decimal
from . import layout as L
from .data import ExportData
from .deadlines import report_due_words
from .doc_language import CHINESE, is_chinese, tr_doc
from .titles import title_lines
from .wording import (bracketed, cn_index, date_words, duration_words, formula, grade_bands, num, pct,
                      weight_percents)

STATUS_WORDS = {"absent": QT_TRANSLATE_NOOP("Documents", "缺席"), "incomplete": QT_TRANSLATE_NOOP("Documents", "未完成")}


def t(lang: str, text: str, *values: object) -> str:
    """A fixed text of the minutes in ``lang`` (see doc_language)."""
    return tr_doc(lang, text, *values)


def joined(lang: str, parts, sep: str = "、") -> str:
    """Parts joined by 、 (or ；, ，) in Chinese, by ', ' ('; ') in English."""
    return t(lang, sep).join(parts)


# the separators, marked once for lupdate
SEPARATORS = (QT_TRANSLATE_NOOP("Documents", "、"), QT_TRANSLATE_NOOP("Documents", "；"),
              QT_TRANSLATE_NOOP("Documents", "，"))


def doc_title(title: str, lang: str = CHINESE) -> str:
    if title.endswith("会"):
        return t(lang, QT_TRANSLATE_NOOP("Documents", "%1纪要"), title)
    return t(lang, QT_TRANSLATE_NOOP("Documents", "%1会议纪要"), title)


def organisers(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[、，,；;\n]+", text or "") if p.strip()]


def title_block(text: str, layout: L.Layout) -> L.Title:
    st = layout.styles["title"]
    return L.Title(title_lines(text, int(layout.page.frame_width // st.size)))


def label(name: str, text: str, lang: str = CHINESE) -> L.Para:
    return L.Para([(t(lang, QT_TRANSLATE_NOOP("Documents", "%1："), name), "hei"), (text, "")], "label")


def attendance(data: ExportData, show_experts: bool, lang: str = CHINESE) -> list[L.Block]:
    s = data.session
    out: list[L.Block] = [label(t(lang, QT_TRANSLATE_NOOP("Documents", "时间")), date_words(s.date, lang), lang),
                          label(t(lang, QT_TRANSLATE_NOOP("Documents", "地点")), s.venue or "—", lang)]
    if s.host:
        out.append(label(t(lang, QT_TRANSLATE_NOOP("Documents", "主持")), s.host, lang))
    present = t(lang, QT_TRANSLATE_NOOP("Documents", "出席"))
    if show_experts:
        others = [e for e in data.experts if e.name != s.chair]
        panel = joined(lang, (e.name + (bracketed(e.affiliation, lang) if e.affiliation else "") for e in others))
        if s.chair and len(others) < len(data.experts):
            out.append(label(present, t(lang, QT_TRANSLATE_NOOP("Documents", "评议组组长%1；评议专家%2"), s.chair, panel), lang))
        else:
            out.append(label(present, t(lang, QT_TRANSLATE_NOOP("Documents", "评议专家%1"), panel), lang))
    else:
        kinds = Counter(e.category or t(lang, QT_TRANSLATE_NOOP("Documents", "其他")) for e in data.experts)
        out.append(label(present, t(lang, QT_TRANSLATE_NOOP("Documents", "评议组专家%1人"), len(data.experts)) + bracketed(
            joined(lang, (t(lang, QT_TRANSLATE_NOOP("Documents", "%1%2人"), k, n) for k, n in kinds.items())), lang), lang))
    out.append(label(t(lang, QT_TRANSLATE_NOOP("Documents", "列席")),
                     t(lang, QT_TRANSLATE_NOOP("Documents", "%1等%2个参评单位的汇报人"),
                       joined(lang, (u.name for u in data.units)), len(data.units)), lang))
    if s.secretary:
        out.append(label(t(lang, QT_TRANSLATE_NOOP("Documents", "记录")), s.secretary, lang))
    return out


def opening(data: ExportData, lang: str = CHINESE) -> L.Para:
    s = data.session
    done = sum(1 for r in data.results.units if r.status == "complete")
    text = (t(lang, QT_TRANSLATE_NOOP("Documents", "%1，%2在%3召开%4。"), date_words(s.date, lang),
              s.organisers or t(lang, QT_TRANSLATE_NOOP("Documents", "评议组织单位")),
              s.venue or t(lang, QT_TRANSLATE_NOOP("Documents", "会场")), s.title)
            + t(lang, QT_TRANSLATE_NOOP("Documents", "%1个参评单位依次汇报，评议组%2位专家现场提问"),
                len(data.units), len(data.experts)))
    if data.draft:
        text += t(lang, QT_TRANSLATE_NOOP("Documents", "。本稿为草稿，评议尚未结束，%1个单位已完成评分。"), done)
    else:
        text += t(lang, QT_TRANSLATE_NOOP("Documents", "并评分。现将会议主要情况纪要如下。"))
    return L.Para(text)


def method_sentences(data: ExportData, lang: str = CHINESE) -> list[str]:
    t_, s = data.template, data.session
    out = [t(lang, QT_TRANSLATE_NOOP("Documents", "本次评议采用“%1”评分细则，满分%2分，设一级指标%3项、评分指标%4项，由评议专家现场逐项打分。"),
             t_.name, fmt_decimal(t_.total_max), len(t_.criteria), len(t_.leaves()))]
    if t_.aggregation == "trimmed_mean":
        out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "每位专家对一个单位各项得分之和为该专家的评分；有效评分不少于5份的，去掉一个最高分和一个最低分后"
                                             "取算术平均值，作为评议团评分；不足5份的，直接取算术平均值。")))
    else:
        out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "每位专家对一个单位各项得分之和为该专家的评分，各专家评分的算术平均值为评议团评分。")))
    out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "各单位的分项得分，是计入评议团评分的专家（不含去掉的最高分、最低分）在该项得分的平均值，"
                                         "各分项相加即为评议团评分；分项得分四舍五入保留两位小数，尾差调整到舍入误差最大的分项。")))
    if t_.components:
        ext = [c.name for c in t_.components if c.source == "external"]
        first = t(lang, QT_TRANSLATE_NOOP("Documents", "综合得分按下式计算：%1。评议团评分按满分100分折算"), formula(t_, lang))
        out.append(first + (t(lang, QT_TRANSLATE_NOOP("Documents", "；%1按百分制（0至100分）计入。"), joined(lang, ext)) if ext
                            else t(lang, QT_TRANSLATE_NOOP("Documents", "。"))))
        out += provenance_sentences(data, lang)
    elif t_.total_max == 100:
        out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "综合得分即评议团评分。")))
    else:
        out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "综合得分为评议团评分按满分100分折算（评议团评分÷%1×100）。"),
                     fmt_decimal(t_.total_max)))
    out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "综合得分四舍五入保留两位小数，按综合得分从高到低排名，得分相同的名次并列。")))
    out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "等次划分：%1。"), joined(lang, grade_bands(t_, lang), "；")))
    if data.recusals:
        order_e = {e.name: i for i, e in enumerate(data.experts)}
        order_u = {u.name: i for i, u in enumerate(data.units)}
        pairs = sorted(data.recusals, key=lambda p: (order_e.get(p[0], 0), order_u.get(p[1], 0)))
        out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "回避情况：%1回避评分，其评分不计入该单位得分。"),
                     joined(lang, (t(lang, QT_TRANSLATE_NOOP("Documents", "%1对%2"), e, u) for e, u in pairs), "；")))
    else:
        out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "回避情况：本次评议无专家回避。")))
    if s.order_mode == "drawn":
        if s.draw_witness:
            out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "汇报顺序由抽签确定（抽签种子%1，监督人%2）。"), s.draw_seed, s.draw_witness))
        else:
            out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "汇报顺序由抽签确定（抽签种子%1）。"), s.draw_seed))
    tm = data.template.timing
    out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "每个单位汇报时间%1、问答时间%2。"),
                 duration_words(float(tm.report_minutes) * 60, lang), duration_words(float(tm.qa_minutes) * 60, lang)))
    return out


def provenance_sentences(data: ExportData, lang: str = CHINESE) -> list[str]:
    """Where each external component's values came from, in one sentence when they share a source."""
    out = []
    for comp in data.external_components():
        values = [v for (u, c), v in data.external.items() if c == comp]
        if not values:
            out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "%1尚未录入。"), score_of(comp, lang)))
            continue
        sources = {(v.note, v.file, v.entered_by, v.at[:10]) for v in values}
        if len(sources) == 1:
            note, file, who, day = next(iter(sources))
            out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "%1%2。"), score_of(comp, lang),
                         source_words(note, file, who, day, lang)))
        else:
            out.append(t(lang, QT_TRANSLATE_NOOP("Documents", "%1来源不一，逐单位列于各单位评议情况。"), score_of(comp, lang)))
    return out


def score_of(component: str, lang: str = CHINESE) -> str:
    """社会评议 → 社会评议得分; 联席会议成员评分 stays as it is (no 评分得分)."""
    if component.endswith(("得分", "评分", "分数")):
        return component
    return t(lang, QT_TRANSLATE_NOOP("Documents", "%1得分"), component)


def source_words(note: str, file: str, who: str, day: str, lang: str = CHINESE) -> str:
    parts = []
    if note:
        parts.append(t(lang, QT_TRANSLATE_NOOP("Documents", "来源：%1"), note))
    if file:
        parts.append(t(lang, QT_TRANSLATE_NOOP("Documents", "由文件“%1”导入"), file))
    if who and day:
        parts.append(t(lang, QT_TRANSLATE_NOOP("Documents", "%1于%2录入"), who, date_words(day, lang)))
    elif who:
        parts.append(t(lang, QT_TRANSLATE_NOOP("Documents", "%1录入"), who))
    elif day:
        parts.append(t(lang, QT_TRANSLATE_NOOP("Documents", "于%1录入"), date_words(day, lang)))
    else:
        parts.append(t(lang, QT_TRANSLATE_NOOP("Documents", "录入人未记录")))
    return bracketed(joined(lang, parts, "，"), lang)


def criteria_table(data: ExportData, lang: str = CHINESE) -> L.Table:
    rows = [[t(lang, QT_TRANSLATE_NOOP("Documents", "指标")), t(lang, QT_TRANSLATE_NOOP("Documents", "分值")),
             t(lang, QT_TRANSLATE_NOOP("Documents", "评分要点"))]]
    for node in data.template.criteria:
        rows.append([node.name, fmt_decimal(node.maximum), node.description])
        for child in node.children:
            rows.append([f"　{child.name}", fmt_decimal(child.maximum), child.description])
    rows.append([t(lang, QT_TRANSLATE_NOOP("Documents", "合计")), fmt_decimal(data.template.total_max), ""])
    return L.Table(rows, [0.36, 0.12, 0.52], "lcl", strong_rows=(len(rows) - 1,))


def results_table(data: ExportData, lang: str = CHINESE) -> L.Table:
    comps = [c.name for c in data.template.components]
    shares = weight_percents(data.template)
    head = [t(lang, QT_TRANSLATE_NOOP("Documents", "排名")), t(lang, QT_TRANSLATE_NOOP("Documents", "单位")),
            *[t(lang, QT_TRANSLATE_NOOP("Documents", "%1\n（%2）"), c, shares[c]) for c in comps],
            t(lang, QT_TRANSLATE_NOOP("Documents", "综合得分")), t(lang, QT_TRANSLATE_NOOP("Documents", "等次"))]
    # STATUS_WORDS here is the session statuses' (defined below, it shadows the units' one): an
    # absent unit shows "—" in the 等次 column, as the minutes always have
    rows = [head] + [[str(u.rank or "—"), u.name, *[num(u.components.get(c)) for c in comps], num(u.final),
                      u.grade or (t(lang, STATUS_WORDS[u.status]) if u.status in STATUS_WORDS else "—")]
                     for u in data.ranked()]
    unit = 0.3 if not comps else 0.2
    rest = (1 - 0.08 - unit) / (len(comps) + 2)
    return L.Table(rows, [0.08, unit, *[rest] * (len(comps) + 2)], "cl" + "r" * (len(comps) + 1) + "c")


def unit_status(data: ExportData, unit, lang: str = CHINESE) -> str:
    r = data.result(unit.name)
    tm = data.timing.get(unit.name, {})
    who = (unit.presenter + bracketed(unit.presenter_title, lang)) if unit.presenter and unit.presenter_title \
        else unit.presenter or unit.presenter_title
    parts = [t(lang, QT_TRANSLATE_NOOP("Documents", "汇报人：%1"), who) if who else "",
             t(lang, QT_TRANSLATE_NOOP("Documents", "汇报用时%1"), duration_words(tm["report"], lang)) if "report" in tm else "",
             t(lang, QT_TRANSLATE_NOOP("Documents", "问答用时%1"), duration_words(tm["questions"], lang)) if "questions" in tm else ""]
    text = joined(lang, (p for p in parts if p), "，")
    text = text + t(lang, QT_TRANSLATE_NOOP("Documents", "。")) if text else ""
    if r.final is not None:
        text += t(lang, QT_TRANSLATE_NOOP("Documents", "综合得分%1分，在%2个单位中排名第%3名，等次为“%4”。"),
                  num(r.final), data.ranked_count, r.rank, r.grade)
    elif r.status == "absent":
        text += t(lang, QT_TRANSLATE_NOOP("Documents", "未参加评议（缺席）。"))
    else:
        text += t(lang, QT_TRANSLATE_NOOP("Documents", "评分尚未完成，暂无综合得分。"))
    for comp in data.external_components():
        ext = data.external.get((unit.name, comp))
        if ext is not None and len({(v.note, v.file, v.entered_by, v.at[:10]) for (u, c), v in data.external.items()
                                    if c == comp}) > 1:
            text += t(lang, QT_TRANSLATE_NOOP("Documents", "%1%2分%3。"), score_of(comp, lang), num(ext.value),
                      source_words(ext.note, ext.file, ext.entered_by, ext.at[:10], lang))
    return text


def unit_scores(data: ExportData, name: str, lang: str = CHINESE) -> L.Table:
    maxima = data.leaf_max
    shown = data.shown_criteria(name)
    rows = [[t(lang, QT_TRANSLATE_NOOP("Documents", "指标")), t(lang, QT_TRANSLATE_NOOP("Documents", "分值")),
             t(lang, QT_TRANSLATE_NOOP("Documents", "平均得分")), t(lang, QT_TRANSLATE_NOOP("Documents", "得分率"))]]
    for path in data.leaf_paths:
        mean = shown[path]
        rows.append([path.replace("/", "／" if is_chinese(lang) else " / "), fmt_decimal(maxima[path]), num(mean),
                     pct(Fraction(mean) * 100 / Fraction(maxima[path])) if mean is not None and maxima[path] else "—"])
    panel = data.panel_exact(name)
    total = data.template.total_max
    rows.append([t(lang, QT_TRANSLATE_NOOP("Documents", "合计（评议团评分）")), fmt_decimal(total), num(panel),
                 pct(panel * 100 / Fraction(total)) if panel is not None and total else "—"])
    return L.Table(rows, [0.52, 0.14, 0.17, 0.17], "lrrr", strong_rows=(len(rows) - 1,))


def expert_notes(data: ExportData, r, lang: str = CHINESE) -> dict[str, str]:
    notes: dict[str, str] = {}
    for e in data.experts:
        note = []
        if e.name in r.recused_experts:
            note.append(t(lang, QT_TRANSLATE_NOOP("Documents", "回避")))
        if e.name in r.incomplete_experts:
            note.append(t(lang, QT_TRANSLATE_NOOP("Documents", "未评完")))
        if e.name in r.trimmed_experts:  # trimmed_experts lists the highest, then the lowest
            note.append(t(lang, QT_TRANSLATE_NOOP("Documents", "去掉最高分")) if r.trimmed_experts.index(e.name) == 0
                        else t(lang, QT_TRANSLATE_NOOP("Documents", "去掉最低分")))
        notes[e.name] = joined(lang, note, "；")
    return notes


def expert_totals(data: ExportData, name: str, show_experts: bool, lang: str = CHINESE) -> L.Block:
    r = data.result(name)
    notes = expert_notes(data, r, lang)
    if not show_experts:
        totals = sorted(r.experts.values(), reverse=True)
        text = t(lang, QT_TRANSLATE_NOOP("Documents", "各专家评分（从高到低）：%1"),
                 joined(lang, (num(v) for v in totals)) or t(lang, QT_TRANSLATE_NOOP("Documents", "无")))
        if r.trimmed_experts:
            text += t(lang, QT_TRANSLATE_NOOP("Documents", "；去掉最高分%1、最低分%2"),
                      num(r.experts[r.trimmed_experts[0]]), num(r.experts[r.trimmed_experts[1]]))
        extra = [t(lang, QT_TRANSLATE_NOOP("Documents", "%1位专家回避"), len(r.recused_experts))] if r.recused_experts else []
        extra += [t(lang, QT_TRANSLATE_NOOP("Documents", "%1位专家未评完"), len(r.incomplete_experts))] if r.incomplete_experts else []
        return L.Para(text + (t(lang, "；") + joined(lang, extra, "，") if extra else "") + t(lang, "。"), "body")
    names = [e.name for e in data.experts]
    expert, score, note = (t(lang, QT_TRANSLATE_NOOP("Documents", "专家")), t(lang, QT_TRANSLATE_NOOP("Documents", "评分")),
                           t(lang, QT_TRANSLATE_NOOP("Documents", "说明")))
    if len(names) <= 8:
        col = 0.84 / max(1, len(names))
        return L.Table([[expert, *names], [score, *[num(r.experts.get(n)) if n in r.experts else "—" for n in names]],
                        [note, *[notes[n] for n in names]]], [0.16, *[col] * len(names)], "c" * (len(names) + 1))
    return L.Table([[expert, score, note], *[[n, num(r.experts.get(n)), notes[n]] for n in names]],
                   [0.3, 0.2, 0.5], "crl")


STEMS = "甲乙丙丁戊己庚辛壬癸"


def expert_label(label: str, lang: str) -> str:
    """专家甲 (data.expert_labels) as the document's language writes it: Expert A in English."""
    if is_chinese(lang) or not label.startswith("专家"):
        return label
    mark = label[2:]
    return t(lang, QT_TRANSLATE_NOOP("Documents", "专家%1"), chr(ord("A") + STEMS.index(mark)) if mark in STEMS else mark)


def questions(data: ExportData, name: str, show_experts: bool, lang: str = CHINESE) -> list[L.Block]:
    qs = data.questions_for(name)
    if not qs:
        return []
    labels = data.expert_labels(show_experts)
    anyone = t(lang, QT_TRANSLATE_NOOP("Documents", "评议专家"))
    out: list[L.Block] = [L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "专家提问与答复：")), "plain", keep_with_next=True)]
    for n, q in enumerate(qs, 1):
        who = expert_label(labels[q.expert], lang) if q.expert and q.expert in labels else anyone
        out.append(L.Keep([L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "%1．%2问：%3"), n, who, q.text)),
                           L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "答：%1"),
                                    q.answer or t(lang, QT_TRANSLATE_NOOP("Documents", "（未记录）"))))]))
    return out


def unit_section(data: ExportData, index: int, unit, show_experts: bool, lang: str = CHINESE) -> list[L.Block]:
    return [L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "（%1）%2"), cn_index(index) if is_chinese(lang) else index,
                     unit.name), "h2"),
            L.Para(unit_status(data, unit, lang)),
            unit_scores(data, unit.name, lang), expert_totals(data, unit.name, show_experts, lang),
            *questions(data, unit.name, show_experts, lang)]


def rectification(data: ExportData, lang: str = CHINESE) -> list[L.Block]:

    problems = [q for q in data.questions if q.problem]
    out: list[L.Block] = []
    if problems:
        out.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "评议中发现的问题和整改要求如下，各单位要逐项整改到位：")),
                          keep_with_next=True))  # the table's caption: never alone at a page's foot
        rows = [[t(lang, QT_TRANSLATE_NOOP("Documents", "序号")), t(lang, QT_TRANSLATE_NOOP("Documents", "单位")),
                 t(lang, QT_TRANSLATE_NOOP("Documents", "存在问题")), t(lang, QT_TRANSLATE_NOOP("Documents", "整改措施")),
                 t(lang, QT_TRANSLATE_NOOP("Documents", "完成期限"))]]
        rows += [[str(i), q.unit, q.text, q.measure or "—", date_words(q.deadline, lang, "—")]
                 for i, q in enumerate(problems, 1)]
        out.append(L.Table(rows, [0.07, 0.13, 0.32, 0.27, 0.21], "cclll"))  # 完成期限: 2020年10月27日 on one line
    else:
        out.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "评议中未列出需限期整改的问题，各单位要对照专家意见改进工作。"))))
    out.append(L.Para(report_due_words(data, lang)))
    return out


STATUS_WORDS = {"draft": QT_TRANSLATE_NOOP("Documents", "筹备中"), "live": QT_TRANSLATE_NOOP("Documents", "进行中"),
                "finished": QT_TRANSLATE_NOOP("Documents", "已结束"), "sealed": QT_TRANSLATE_NOOP("Documents", "已封盘")}


def _short(value: str | None, lang: str = CHINESE) -> str:
    """A value as the appendix prints it: a status in words, a fingerprint or hash shortened."""
    if not value:
        return "—"
    value = t(lang, STATUS_WORDS[value]) if value in STATUS_WORDS else value
    return value if len(value) <= 12 or " " in value else value[:8] + "…"


def _change(before: str | None, after: str | None, lang: str = CHINESE) -> str:
    if not before and not after:
        return "—"
    return f"{_short(before, lang)}→{_short(after, lang)}"


def _appendix_rows(rows: list[dict], lang: str = CHINESE) -> list[list[str]]:
    """One table row per entry, except that the submissions of one unit's sheets in a run are one
    row (序号 as a range): each is routine, and their count is what the reader checks."""
    out: list[list[str]] = []
    group: list[dict] = []

    def flush() -> None:
        if not group:
            return
        first, last = group[0], group[-1]
        seq = str(first["seq"]) if len(group) == 1 else f"{first['seq']}–{last['seq']}"
        who = joined(lang, (r["expert"] for r in group if r["expert"])) if len(group) <= 2 \
            else t(lang, QT_TRANSLATE_NOOP("Documents", "%1位专家"), len(group))
        out.append([seq, (first["at"] or "")[:16].replace("T", " "), t(lang, QT_TRANSLATE_NOOP("Documents", "提交评分")),
                    f"{first['unit'] or '—'} / {who}", "—", first["reason"] or "—"])
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
        out.append([str(r["seq"]), (r["at"] or "")[:16].replace("T", " "),
                    tr_doc(lang, r["action"], context="AuditAction"), what or "—",
                    _change(r["before"], r["after"], lang), r["reason"] or "—"])
    flush()
    return out


def audit_appendix(data: ExportData, lang: str = CHINESE) -> list[L.Block]:
    """附件 审计记录: the corrections, submissions, status changes and seals, in the order of the
    hash chain, with what the check found; the chain's last hash covers all of them (and the
    fingerprint in the footer covers the chain)."""
    audit = data.audit
    if not audit:
        return []
    facts = [[t(lang, QT_TRANSLATE_NOOP("Documents", "审计链记录")),
              t(lang, QT_TRANSLATE_NOOP("Documents", "%1条（每条的哈希值包含上一条的哈希值）"), audit["entries"])],
             [t(lang, QT_TRANSLATE_NOOP("Documents", "校验结果")),
              t(lang, QT_TRANSLATE_NOOP("Documents", "通过")) if audit["verified"]
              else t(lang, QT_TRANSLATE_NOOP("Documents", "未通过：%1"), "；".join(audit["problems"][:3]))],
             [t(lang, QT_TRANSLATE_NOOP("Documents", "链尾哈希值")), (audit["head"] or "—")[:16]]]
    if audit["signers"]:
        facts.append([t(lang, QT_TRANSLATE_NOOP("Documents", "封盘签名")), joined(lang, audit["signers"], "；")])
    out: list[L.Block] = [L.PageBreak(), L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "附件")), "h1"),
                          L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "评议会审计记录")), "h2", keep_with_next=True),
                          L.Table(facts, [0.22, 0.78], "ll", head_rows=0)]
    rows = _appendix_rows(audit["rows"], lang)
    if rows:
        out.append(L.Space(0.5))
        head = [t(lang, QT_TRANSLATE_NOOP("Documents", "序号")), t(lang, QT_TRANSLATE_NOOP("Documents", "时间")),
                t(lang, QT_TRANSLATE_NOOP("Documents", "事项")), t(lang, QT_TRANSLATE_NOOP("Documents", "对象")),
                t(lang, QT_TRANSLATE_NOOP("Documents", "变化")), t(lang, QT_TRANSLATE_NOOP("Documents", "原因"))]
        out.append(L.Table([head, *rows], [0.11, 0.17, 0.15, 0.27, 0.17, 0.13], "ccllcl"))
    else:
        out.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "除逐项录入的评分外，没有更正、提交或状态变化的记录。"))))
    return out


def minutes_document(data: ExportData, *, show_experts: bool = True, lang: str = CHINESE) -> L.Document:
    """The minutes in ``lang`` (zh_CN, the official text, or en_US for a foreign delegation):
    every fixed text follows the language; names, titles and criteria stay as entered."""
    s = data.session
    title = doc_title(s.title, lang)
    bodies = organisers(s.organisers)
    blocks: list[L.Block] = [title_block(title, L.GONGWEN), L.Space(0.5), opening(data, lang),
                             *attendance(data, show_experts, lang),
                             L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "一、评议方式")), "h1"),
                             *[L.Para(x) for x in method_sentences(data, lang)],
                             criteria_table(data, lang), L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "二、评议结果")), "h1")]
    grades = Counter(r.grade for r in data.results.units if r.grade)
    summary = joined(lang, (t(lang, QT_TRANSLATE_NOOP("Documents", "%1%2个"), g.name, grades[g.name])
                            for g in sorted(data.template.grades, key=lambda g: -g.min) if grades[g.name]), "，")
    blocks.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "评议结果按综合得分排序如下，其中%1。"), summary) if summary
                         else t(lang, QT_TRANSLATE_NOOP("Documents", "评议结果按综合得分排序如下。")), keep_with_next=True))
    blocks.append(results_table(data, lang))
    blocks.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "三、各单位评议情况")), "h1"))
    for i, u in enumerate(data.units, 1):
        blocks += unit_section(data, i, u, show_experts, lang)
    blocks.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "四、评议组意见")), "h1"))
    blocks += [L.Para(p.strip()) for p in (s.summary or "").split("\n") if p.strip()] \
        or [L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "（评议组意见待补充。）")))]
    blocks.append(L.Para(t(lang, QT_TRANSLATE_NOOP("Documents", "五、整改要求")), "h1"))
    blocks += rectification(data, lang)
    blocks.append(L.Space(1))
    blocks.append(L.Signatures([t(lang, QT_TRANSLATE_NOOP("Documents", "评议组组长（签字）：＿＿＿＿＿＿")),
                                t(lang, QT_TRANSLATE_NOOP("Documents", "记录人（签字）：＿＿＿＿＿＿＿＿"))],
                               bodies, date_words(s.date, lang)))
    blocks += audit_appendix(data, lang)
    blocks.append(L.Banji(t(lang, QT_TRANSLATE_NOOP("Documents", "抄送：各参评单位，评议组成员。")),
                          bodies[0] if bodies else t(lang, "评议组织单位"),
                          t(lang, QT_TRANSLATE_NOOP("Documents", "%1印发"), date_words(s.date, lang))))
    return L.Document(L.GONGWEN, blocks, title=title, header=title, fingerprint=data.short_fp, draft=data.draft,
                      author=s.organisers, page_label=t(lang, L.PAGE_LABEL), lang=lang)


def write_minutes_pdf(data: ExportData, target, *, show_experts: bool = True, lang: str = CHINESE) -> None:
    from .pdf_render import write_pdf

    write_pdf(minutes_document(data, show_experts=show_experts, lang=lang), target)


def write_minutes_docx(data: ExportData, target, *, show_experts: bool = True, lang: str = CHINESE) -> None:
    from .docx_render import write_docx

    write_docx(minutes_document(data, show_experts=show_experts, lang=lang), target)
