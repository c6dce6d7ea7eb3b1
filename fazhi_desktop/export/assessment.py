"""The assessment report of one candidate (示范创建评估报告) in 公文 form, PDF and DOCX from one
layout: the conclusion with the rate and how it was reached, the first-level breakdown, every
unmet and partly met indicator with its note, the evidence list (files with size and checksum),
and the candidate's path. Marked 草稿（未定稿） on every page while the session is unfinished.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..checklist import RATINGS
from ..checklist.results import CandidateResult, Tally
from ..checklist.steps import STEPS
from ..results import round_half_up
from ..template import fmt_decimal
from . import layout as L
from .checklist_data import ChecklistData
from .minutes import label, organisers, title_block
from .wording import bracketed, cn_index, date_cn

AREA_HEAD = ["一级指标", "指标", "达标", "部分\n达标", "未达标", "不适用", "达标率"]
AREA_WIDTHS = [0.40, 0.08, 0.08, 0.08, 0.1, 0.1, 0.16]
KEEP_ROWS = 8  # a table this short moves whole with its heading; a longer one may begin at a page's foot


def pct(value: Fraction | None) -> str:
    return "—" if value is None else f"{round_half_up(value)}%"


def rule_sentence(data: ChecklistData) -> str:
    t = data.template
    weight = fmt_decimal(t.partial_weight)
    partial = "部分达标项数×" + weight if t.partial_weight else "部分达标项数×0"
    return (f"达标率＝（达标项数＋{partial}）÷适用指标项数×100%，适用指标项数＝指标总数－不适用项数；"
            f"达标率四舍五入保留两位小数，是否达到{fmt_decimal(t.threshold)}%以未经舍入的达标率判断。")


def counts_words(t: Tally) -> str:
    total = t.rated + t.unrated
    text = (f"共{total}项指标，其中达标{t.met}项、部分达标{t.partial}项、未达标{t.unmet}项、不适用{t.not_applicable}项，"
            f"适用指标{t.applicable}项")
    return text + (f"，尚有{t.unrated}项未评定" if t.unrated else "")


def conclusion(data: ChecklistData, r: CandidateResult) -> str:
    threshold = fmt_decimal(data.template.threshold)
    if r.status == "absent":
        return f"{r.name}已撤回申报，未予评估。"
    text = f"本次评估{counts_words(r.tally)}。"
    if r.status == "incomplete":
        return text + f"评定尚未完成，达标率待全部指标评定后计算（已评定部分暂为{pct(r.provisional_exact)}）。"
    if r.rate_exact is None:
        return text + "没有适用的指标，不计算达标率。"
    text += f"达标率为{r.rate}%，"
    if r.passed:
        return text + f"达到综合示范创建“{threshold}%以上指标达标”的要求。"
    if r.rate is not None and r.rate >= data.template.threshold:
        return text + (f"未经舍入的达标率为{float(r.rate_exact):.4f}%，低于{threshold}%，"
                       f"未达到综合示范创建“{threshold}%以上指标达标”的要求。")
    return text + f"未达到综合示范创建“{threshold}%以上指标达标”的要求。"


def area_table(data: ChecklistData, r: CandidateResult) -> L.Table:
    rows = [AREA_HEAD]
    for a in r.areas:
        t = a.tally
        shown = pct(a.rate_exact) if a.rate_exact is not None else \
            (f"{pct(a.provisional_exact)}（未完）" if a.provisional_exact is not None else "—")
        rows.append([a.name, str(t.rated + t.unrated), str(t.met), str(t.partial), str(t.unmet), str(t.not_applicable),
                     shown])
    t = r.tally
    rows.append(["合计", str(t.rated + t.unrated), str(t.met), str(t.partial), str(t.unmet), str(t.not_applicable),
                 pct(r.rate_exact) if r.rate_exact is not None else pct(r.provisional_exact)])
    short = [i for i, a in enumerate(r.areas, 1) if a.short]
    return L.Table(rows, AREA_WIDTHS, "lrrrrrr", strong_rows=(len(rows) - 1,),
                   shaded=[(6, i, 6, i) for i in short])


def areas_blocks(data: ChecklistData, r: CandidateResult) -> list[L.Block]:
    table = area_table(data, r)
    words = shortfall_words(data, r)
    return [L.Keep([table, *words])] if len(table.rows) <= KEEP_ROWS else [table, *words]


def shortfall_words(data: ChecklistData, r: CandidateResult) -> list[L.Block]:
    short = [a for a in r.areas if a.short]
    if not short:
        return [L.Para("各一级指标的达标率均不低于" + fmt_decimal(data.template.threshold) + "%。")]
    names = "、".join(f"“{a.name}”（{pct(a.provisional_exact)}）" for a in short)
    return [L.Para(f"达标率低于{fmt_decimal(data.template.threshold)}%的方面（表中灰底）：{names}，是下一步整改的重点。")]


def shortcomings(data: ChecklistData, unit: str) -> list[L.Block]:
    rows = [["序号", "指标", "评定", "说明"]]
    for path in data.leaf_paths:
        r = data.ratings.get((unit, path))
        if r is not None and r.rating in ("unmet", "partial"):
            rows.append([str(data.number(path)), path.replace("/", "／"), RATINGS[r.rating], r.note or "—"])
    if len(rows) == 1:
        return [L.Para("全部适用指标均已达标，没有未达标或部分达标的指标。")]
    return with_intro(L.Para(f"未达标和部分达标的指标共{len(rows) - 1}项，逐项列明如下：", keep_with_next=True),
                      L.Table(rows, [0.08, 0.47, 0.12, 0.33], "clcl"))


def with_intro(intro: L.Para, table: L.Table) -> list[L.Block]:
    """The sentence that introduces a table stays with it (it had ended a page alone); a long table
    must be free to break across pages, so only a short one is kept whole."""
    return [L.Keep([intro, table])] if len(table.rows) <= KEEP_ROWS else [intro, table]


def evidence_cell(data: ChecklistData, unit: str, path: str) -> str:
    r = data.ratings.get((unit, path))
    items = [r.evidence_text] if r and r.evidence_text else []
    items += [f"{e.name}（{e.size_text()}，SHA-256 {e.sha256[:12]}）" for e in data.evidence.get((unit, path), [])]
    return "\n".join(items)


def evidence_list(data: ChecklistData, unit: str) -> list[L.Block]:
    rows = [["序号", "指标", "佐证材料"]]
    for path in data.leaf_paths:
        cell = evidence_cell(data, unit, path)
        if cell:
            rows.append([str(data.number(path)), path.rsplit("/", 1)[-1], cell])
    files = sum(len(v) for (u, _p), v in data.evidence.items() if u == unit)
    out: list[L.Block] = []
    if len(rows) == 1:
        out.append(L.Para("未登记佐证材料。"))
    else:
        out += with_intro(L.Para(f"登记佐证材料的指标{len(rows) - 1}项，其中附佐证文件{files}份（文件随本场评估"
                                 "数据保存，以SHA-256校验和核对）：", keep_with_next=True),
                          L.Table(rows, [0.08, 0.4, 0.52], "cll"))
    bad = [p for p in data.evidence_problems]
    if bad:
        out.append(L.Para("注意：" + "；".join(bad) + "。", "note"))
    return out


def path_blocks(data: ChecklistData, unit: str) -> list[L.Block]:
    rows = [["步骤", "日期", "结果", "说明"]]
    for step in STEPS:
        rec = data.steps.get((unit, step.key))
        if rec is None:
            continue
        day = date_cn(rec.date, "—") + (f"至{date_cn(rec.end_date)}" if rec.end_date else "")
        result = rec.outcome + (f"（{fmt_decimal(rec.value)}%）" if rec.value is not None else "")
        note = rec.note
        if rec.objections is not None and step.period:
            note = f"收到异议{rec.objections}件" + (f"；{note}" if note else "")
        rows.append([step.label, day, result or "—", note])
    proposal = next(p for p in data.proposals if p.name == unit)
    if proposal.named:
        status = "已予以命名。"
    elif proposal.included:
        status = "列入拟命名名单。"
    else:
        status = "未列入拟命名名单：" + "；".join(proposal.reasons) + "。"
    if len(rows) == 1:
        return [L.Para("尚未记录创建进程。" + status)]
    table = L.Table(rows, [0.26, 0.24, 0.22, 0.28], "lcll")
    return [L.Keep([table, L.Para(status)])] if len(rows) <= KEEP_ROWS + 1 else [table, L.Para(status)]


def report_blocks(data: ChecklistData, unit_name: str) -> list[L.Block]:
    s = data.session
    r = data.result(unit_name)
    blocks: list[L.Block] = [title_block(f"{unit_name}法治政府建设示范创建评估报告", L.GONGWEN), L.Space(0.5)]
    blocks.append(L.Para(f"根据《{data.template.name}》，{s.organisers or '评估组织单位'}于{date_cn(s.date)}组织评估组，"
                         f"对{unit_name}法治政府建设示范创建情况逐项评估。现将评估情况报告如下。"))
    if data.experts:
        blocks.append(label("评估组", "、".join(e.name + (bracketed(e.affiliation) if e.affiliation else "")
                                             for e in data.experts)))
    sections = [("评估结论", [L.Para(conclusion(data, r)), L.Para(rule_sentence(data))]),
                ("分项评估情况", areas_blocks(data, r)),
                ("未达标和部分达标的指标", shortcomings(data, unit_name)),
                ("佐证材料", evidence_list(data, unit_name)),
                ("创建进程", path_blocks(data, unit_name))]
    for i, (head, body) in enumerate(sections, 1):
        heading = L.Para(f"{cn_index(i)}、{head}", "h1")
        if body and isinstance(body[0], L.Keep):  # a heading never ends a page alone above a kept table
            blocks += [L.Keep([heading, *body[0].blocks]), *body[1:]]
        else:
            blocks += [heading, *body]
    # the last words stay with the signatures: a 落款 never stands alone on a page
    *body, last = blocks
    return [*body, L.Keep([last, L.Space(1), L.Signatures(["评估组组长（签字）：＿＿＿＿＿＿"], organisers(s.organisers),
                                                         date_cn(s.date))])]


def report_document(data: ChecklistData, unit_name: str) -> L.Document:
    title = f"{unit_name}法治政府建设示范创建评估报告"
    return L.Document(L.GONGWEN, report_blocks(data, unit_name), title=title, header=title,
                      fingerprint=data.short_fp, draft=data.draft, author=data.session.organisers)


def write_report_pdf(data: ChecklistData, unit_name: str, target: Any) -> None:
    from .pdf_render import write_pdf

    write_pdf(report_document(data, unit_name), target)


def write_report_docx(data: ChecklistData, unit_name: str, target: Any) -> None:
    from .docx_render import write_docx

    write_docx(report_document(data, unit_name), target)
