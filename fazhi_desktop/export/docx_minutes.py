"""The minutes as an editable DOCX draft in 公文 layout (GB/T 9704-2012).

Title 方正小标宋简体 2号 (22 pt), body 仿宋_GB2312 3号 (16 pt), level-1 headings 黑体, level-2
楷体_GB2312; A4 with margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm
text block); fixed 28 pt line spacing (22 lines a page). Chinese font names must be set as
``w:eastAsia`` in ``w:rFonts``: Word ignores ``font.name`` for Chinese characters.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..template import fmt_decimal
from .data import ExportData, date_cn, method_sentences, minutes_text, num
from .pdf_minutes import cn_index, expert_notes

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
TABLE_FONT = "仿宋_GB2312"
SIZE_2 = Pt(22)  # 2号
SIZE_3 = Pt(16)  # 3号
SIZE_4 = Pt(14)  # 4号
SIZE_TABLE = Pt(12)  # 小4号
LINE = Pt(28)


def set_run_font(run, name: str, size: Pt | None = None, bold: bool = False) -> None:
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    if size is not None:
        run.font.size = size
    run.font.bold = bold


def _style_font(style, name: str, size: Pt) -> None:
    style.font.name = name
    style.font.size = size
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


STYLES = {  # name → (font, size, bold, indent first line, alignment, exact line spacing)
    "公文标题": (TITLE_FONT, SIZE_2, False, False, WD_ALIGN_PARAGRAPH.CENTER, Pt(36)),
    "公文正文": (BODY_FONT, SIZE_3, False, True, WD_ALIGN_PARAGRAPH.JUSTIFY, LINE),
    "公文居中": (BODY_FONT, SIZE_3, False, False, WD_ALIGN_PARAGRAPH.CENTER, LINE),
    "公文落款": (BODY_FONT, SIZE_3, False, False, WD_ALIGN_PARAGRAPH.RIGHT, LINE),
    "一级标题": (H1_FONT, SIZE_3, False, True, WD_ALIGN_PARAGRAPH.LEFT, LINE),
    "二级标题": (H2_FONT, SIZE_3, False, True, WD_ALIGN_PARAGRAPH.LEFT, LINE),
    "表格文字": (TABLE_FONT, SIZE_TABLE, False, False, WD_ALIGN_PARAGRAPH.CENTER, None),
    "表格居左": (TABLE_FONT, SIZE_TABLE, False, False, WD_ALIGN_PARAGRAPH.LEFT, None),
    "表格表头": (H1_FONT, SIZE_TABLE, False, False, WD_ALIGN_PARAGRAPH.CENTER, None),
}


class Writer:
    """Paragraph styles carry the fonts (so a secretary can restyle the draft in Word or WPS, and
    writing is fast); each paragraph just names its style."""

    def __init__(self) -> None:
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(28)
        _style_font(self.doc.styles["Normal"], BODY_FONT, SIZE_3)
        self.styles = {name: self._make_style(name, *spec) for name, spec in STYLES.items()}
        self._page_number_footer(section)

    def _make_style(self, name, font, size, bold, indent, align, line):
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        _style_font(style, font, size)
        style.font.bold = bold
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = fmt.space_after = Pt(0)
        if line is not None:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = line
        else:
            fmt.line_spacing = 1.0
        if indent:
            fmt.first_line_indent = Pt(size.pt * 2)
        # a heading never ends a page alone: it stays with what it introduces
        fmt.keep_with_next = name in ("公文标题", "一级标题", "二级标题")
        return style

    def _page_number_footer(self, section) -> None:
        """'— 1 —' centred, 4号 宋体, as 公文 page numbers are."""
        para = section.footer.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_run_font(para.add_run("— "), "宋体", SIZE_4)
        run = para.add_run()
        set_run_font(run, "宋体", SIZE_4)
        for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if tag:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), tag)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._element.append(el)
        set_run_font(para.add_run(" —"), "宋体", SIZE_4)

    def para(self, text: str, style: str = "公文正文"):
        para = self.doc.add_paragraph(text)
        para._p.style = self.styles[style].style_id  # Paragraph.style= rescans every style: slow
        return para

    def title(self, text: str):
        return self.para(text, "公文标题")

    def h1(self, text: str):
        return self.para(text, "一级标题")

    def h2(self, text: str):
        return self.para(text, "二级标题")

    def table(self, rows: Sequence[Sequence[Any]], widths_mm: Sequence[float], left: Sequence[int] = (1,)) -> None:
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = [Mm(w) for w in widths_mm]
        head, cell_c, cell_l = (self.styles[n].style_id for n in ("表格表头", "表格文字", "表格居左"))
        for i, (row, cells) in enumerate(zip(rows, (r.cells for r in t.rows))):
            for j, (value, cell) in enumerate(zip(row, cells)):
                cell.width = widths[j]
                para = cell.paragraphs[0]
                para._p.style = head if i == 0 else cell_l if j in left else cell_c
                para.add_run("" if value is None else str(value))
        if len(rows) > 1:  # repeat the header row on each page
            tr_pr = t.rows[0]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            tr_pr.append(el)

    def save(self, target: Path | Any) -> None:
        self.doc.core_properties.author = "法治评议"
        self.doc.save(target)


def write_minutes_docx(data: ExportData, target: Path | Any) -> None:
    s = data.session
    w = Writer()
    w.doc.core_properties.title = f"{s.title} 会议纪要"
    w.doc.core_properties.subject = f"数据指纹 {data.short_fp}"
    w.title(s.title)
    w.title("会议纪要")
    w.para(f"（{date_cn(s.date)}　数据指纹 {data.short_fp}）", "公文居中")

    w.h1("一、基本情况")
    w.para(f"{date_cn(s.date)}，{s.organisers or '评议组织单位'}在{s.venue or '会场'}召开{s.title}。"
           f"会议由{s.host or '—'}主持，评议组组长{s.chair or '—'}，记录员{s.secretary or '—'}。")
    w.para(f"评议组由 {len(data.experts)} 位专家组成：" + "；".join(
        f"{e.name}（{e.category}，{e.affiliation}）" if e.affiliation else f"{e.name}（{e.category}）"
        for e in data.experts) + "。")
    w.para(f"参评单位共 {len(data.units)} 个，按汇报顺序依次为：" + "、".join(u.name for u in data.units) + "。")

    w.h1("二、评议方式")
    for text in method_sentences(data):
        w.para(text)

    w.h1("三、评议结果")
    comps = list(data.results.units[0].components) if data.results.units else []
    rows: list[list[Any]] = [["排名", "单位", *comps, "综合得分", "等次"]]
    for u in data.ranked():
        rows.append([u.rank or "—", u.name, *[num(v) for v in u.components.values()], num(u.final),
                     u.grade or ("缺席" if u.status == "absent" else "未完成")])
    rest = (156 - 16 - 30) / (len(comps) + 2)
    w.table(rows, [16, 30, *[rest] * (len(comps) + 2)])

    w.h1("四、各单位评议情况")
    for i, unit in enumerate(data.units, 1):
        r = data.result(unit.name)
        w.h2(f"（{cn_index(i)}）{unit.name}")
        if r.final is not None:
            w.para(f"综合得分 {num(r.final)}，排名第 {r.rank} 名，等次：{r.grade}。") \
                .paragraph_format.keep_with_next = True  # with the unit's table below
        else:
            w.para("缺席。" if r.status == "absent" else "评分未完成，暂无综合得分。")
        crit = [["指标", "满分", "平均得分"]] + [[path.replace("/", " / "), fmt_decimal(data.leaf_max[path]),
                                                num(r.criteria.get(path))] for path in data.leaf_paths]
        w.table(crit, [96, 30, 30], left=(0,))
        notes = expert_notes(data, r)
        w.para("专家评分：" + "；".join(
            f"{e.name} {num(r.experts.get(e.name))}" + (f"（{notes[e.name]}）" if notes[e.name] else "")
            for e in data.experts) + "。")
        for n, q in enumerate(data.questions_for(unit.name), 1):
            who = f"（{q.expert}）" if q.expert else ""
            w.para(f"{n}. 问{who}：{q.text}")
            w.para(f"答：{q.answer or '（未记录）'}")
        for q in (q for q in data.questions_for(unit.name) if q.problem):
            w.para(f"存在问题：{q.text}整改措施：{q.measure or '—'}；完成期限："
                   f"{date_cn(q.deadline) if q.deadline else '—'}。")

    w.h1("五、评议组总结")
    for para in (s.summary or "（未填写会议小结）").split("\n"):
        if para.strip():
            w.para(para.strip())

    w.h1("六、计时情况")
    plan_r = float(data.template.timing.report_minutes) * 60
    plan_q = float(data.template.timing.qa_minutes) * 60
    w.para(f"每个单位计划汇报 {minutes_text(plan_r)}、问答 {minutes_text(plan_q)}。")
    w.table([["顺序", "单位", "汇报（实际）", "问答（实际）"]] +
            [[u.position, u.name, minutes_text(data.timing.get(u.name, {}).get("report")),
              minutes_text(data.timing.get(u.name, {}).get("questions"))] for u in data.units], [16, 40, 50, 50])
    w.para("")
    w.para(f"记录员：{s.secretary or '　　　　'}　　评议组组长：{s.chair or '　　　　'}", "公文落款")
    w.save(target)
