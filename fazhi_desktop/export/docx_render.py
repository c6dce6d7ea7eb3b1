"""A :class:`layout.Document` as DOCX in 公文 form (GB/T 9704-2012), for Word and WPS.

The geometry, styles and content come from the same layout description as the PDF. What Word
needs beyond it: Chinese faces named in ``w:eastAsia``; 22 lines a page (docGrid lines, pitch
28.95 pt) and 28 characters a line (3号 condensed by 0.25 pt: with a linesAndChars grid,
LibreOffice gives each 16 pt character two grid cells and sets 14 a line); page numbers odd
right and even left, each 空一字 (evenAndOddHeaders); tables
whose grid columns equal their cell widths (fixed layout), so WPS and LibreOffice do not rewrap
them; the document language zh-CN. The body is written as one XML string and parsed once:
python-docx's element-by-element API costs ~0.5 s for one set of minutes.

A document not in Chinese (the English minutes) names Times New Roman for Latin text
(``w:ascii``/``w:hAnsi``) and the role's Chinese face for ``w:eastAsia`` in every style, and
splits each run into Latin and Chinese pieces (``latin.split``, as the PDF does): a Latin piece
names Times New Roman in all four slots (Word would set curly quotes in the East Asian face of a
zh-CN document otherwise) and is bold or italic as its role reads; a Chinese piece keeps its face.

Word and LibreOffice may break a Chinese line between a number and its unit (汇报用时7 / 分52秒);
the PDF keeps them together (``pdf_text.bind_numbers``), the DOCX does not: OOXML has no run
property for it, the settings' kinsoku lists (w:noLineBreaksBefore) forbid a character at every
line start (评分, 部分 too), and a U+2060 word joiner is ignored by LibreOffice 7.4 there and would
stay in text a reader copies or searches (Find 7分 would miss 7⁠分).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from . import latin
from . import layout as L
from .doc_language import is_chinese

FACES = {"title": "方正小标宋简体", "fang": "仿宋_GB2312", "hei": "黑体", "kai": "楷体_GB2312", "song": "宋体"}
STYLE_NAMES = {"title": "公文标题", "subtitle": "公文副标题", "h1": "一级标题", "h2": "二级标题", "body": "公文正文",
               "plain": "公文正文（无缩进）", "label": "公文正文（标签）", "center": "公文居中", "right": "公文落款",
               "note": "说明文字", "sign": "签字行", "cell": "表格文字", "cell_head": "表格表头", "banji": "版记", "docno": "发文字号"}
JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
TWIPS_PER_PT = 20
W = nsdecls("w")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Word and LibreOffice add space between Chinese and digits by default ("7 分 34 秒"): not in 公文
NO_AUTOSPACE = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'


def twips_mm(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _text(text: str) -> str:
    return escape(CONTROL.sub(" ", text))


def _run(text: str, role: str = "", color: str = "") -> str:
    rpr = ""
    if role or color:
        fonts = f'<w:rFonts w:ascii="{FACES[role]}" w:hAnsi="{FACES[role]}" w:eastAsia="{FACES[role]}"/>' if role else ""
        tint = f'<w:color w:val="{color}"/>' if color else ""
        rpr = f"<w:rPr>{fonts}{tint}</w:rPr>"
    return f"<w:r>{rpr}{_body(text)}</w:r>"


def _body(text: str) -> str:
    return "<w:br/>".join(f'<w:t xml:space="preserve">{_text(p)}</w:t>' for p in text.split("\n"))


def _latin_fonts() -> str:
    f = latin.DOCX_FACE
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'


def _mixed_runs(text: str, cjk_rpr: str, latin_rpr: str) -> str:
    """``text`` as runs, its Latin pieces with ``latin_rpr``, the rest with ``cjk_rpr`` (each the
    inside of a w:rPr, in schema order); a number and its unit joined by a no-break space."""
    out = []
    for piece, is_latin in latin.split(text):
        rpr = latin_rpr if is_latin else cjk_rpr
        piece = latin.keep_units(piece) if is_latin else piece
        out.append(f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{_body(piece)}</w:r>")
    return "".join(out)


class Writer:
    def __init__(self, doc: L.Document) -> None:
        self.doc = doc
        self.page = doc.layout.page
        self.width = twips_mm(self.page.width - self.page.left - self.page.right)
        self.pitch = self.width / self.page.chars_per_line if self.page.chars_per_line else 0
        self.xml: list[str] = []
        self.english = not is_chinese(doc.lang)  # Latin text in a Latin face (module docstring)

    # -- styles ---------------------------------------------------------------------------------
    def style_xml(self, name: str, st: L.Style) -> str:
        size = round(st.size * 2)
        face = FACES[st.role]
        ind = ""
        if st.indent or st.right_indent:
            unit = self.pitch if st.grid and self.pitch else st.size * TWIPS_PER_PT
            ind = (f'<w:ind w:firstLineChars="{round(st.indent * 100)}" w:firstLine="{round(st.indent * unit)}" '
                   f'w:rightChars="{round(st.right_indent * 100)}" w:right="{round(st.right_indent * unit)}"/>')
        spacing = (f'<w:spacing w:before="{round(st.space_before * st.leading * 20)}" '
                   f'w:after="{round(st.space_after * st.leading * 20)}" w:line="{round(st.leading * 20)}" w:lineRule="exact"/>')
        keep = "<w:keepNext/>" if st.keep_with_next else ""
        grid = "" if st.grid else "<w:snapToGrid w:val=\"0\"/>"
        # A 16 pt character is wider than the 15.79 pt grid pitch: LibreOffice then gives it two
        # grid cells (14 a line). Condensing it by 0.25 pt makes it fit one cell in every program.
        condense = '<w:spacing w:val="-5"/>' if st.grid and self.pitch else ""
        latin_face = latin.DOCX_FACE if self.english else face
        return (f'<w:style {W} w:type="paragraph" w:customStyle="1" w:styleId="GW{name}">'
                f'<w:name w:val="{STYLE_NAMES.get(name, name)}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
                f'<w:pPr>{keep}<w:widowControl/>{NO_AUTOSPACE}{grid}'  # children in schema order
                f'{spacing}{ind}<w:jc w:val="{JC[st.align]}"/></w:pPr>'
                f'<w:rPr><w:rFonts w:ascii="{latin_face}" w:hAnsi="{latin_face}" w:eastAsia="{face}" w:cs="{latin_face}"/>'
                f'{condense}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>')

    # -- blocks ---------------------------------------------------------------------------------
    def para(self, runs: list[tuple[str, str]], style: str, *, keep: bool = False, jc: str = "",
             extra_ppr: str = "") -> str:
        ppr = f'<w:pStyle w:val="GW{style}"/>' + ("<w:keepNext/>" if keep else "") + extra_ppr
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        if self.english:
            return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(self.mixed_run(t, r, style) for t, r in runs)}</w:p>"
        return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(_run(t, r) for t, r in runs)}</w:p>"

    def mixed_run(self, text: str, role: str, style: str) -> str:
        """A run of an English document: Latin pieces in the Latin face, bold or italic as the
        run's role (or its style's) reads and not condensed to the character grid; Chinese pieces
        in the role's face."""
        if not text:
            return _run(text, role)
        st = self.doc.layout.styles[style]
        latin_rpr = (_latin_fonts() + latin.DOCX_EMPHASIS.get(role or st.role, "")
                     + ('<w:spacing w:val="0"/>' if st.grid and self.pitch else ""))
        cjk_rpr = f'<w:rFonts w:ascii="{FACES[role]}" w:hAnsi="{FACES[role]}" w:eastAsia="{FACES[role]}"/>' if role else ""
        return _mixed_runs(text, cjk_rpr, latin_rpr)

    def table(self, b: L.Table, *, keep: bool = False, borders: bool = True, floating: str = "") -> str:
        cols = [round(w * self.width) for w in b.widths]
        cols[-1] += self.width - sum(cols) if abs(sum(b.widths) - 1) < 1e-6 else 0
        aligns = (b.align or "c" * len(cols)).ljust(len(cols), "c")
        covered: dict[tuple[int, int], str] = {}  # (col, row) → '' (hidden) or 'continue'
        starts: dict[tuple[int, int], tuple[int, int]] = {}
        for c0, r0, c1, r1 in b.spans:
            starts[(c0, r0)] = (c1 - c0 + 1, r1 - r0)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (c, r) != (c0, r0):
                        covered[(c, r)] = "continue" if c == c0 else ""
        shaded = {(c, r) for c0, r0, c1, r1 in b.shaded for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        line = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="333333"/>'
        border = ("<w:tblBorders>" + "".join(line.format(s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
                  + "</w:tblBorders>") if borders else ""
        out = [f'<w:tbl><w:tblPr>{floating}<w:tblW w:w="{sum(cols)}" w:type="dxa"/><w:jc w:val="center"/>{border}'
               '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
               '<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>'
               + "".join(f'<w:gridCol w:w="{c}"/>' for c in cols) + "</w:tblGrid>"]
        for r, row in enumerate(b.rows):
            trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if r < b.head_rows and len(b.rows) > b.head_rows else "")
            if b.row_height and r >= b.head_rows:
                trpr += f'<w:trHeight w:val="{round(b.row_height * 20)}" w:hRule="exact"/>'
            out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>")
            head = r < b.head_rows or r in b.strong_rows
            for c, value in enumerate(row):
                state = covered.get((c, r))
                if state == "":
                    continue
                span, down = starts.get((c, r), (1, 0))
                if state == "continue":
                    span = next((c1 - c0 + 1 for c0, r0, c1, r1 in b.spans if c0 == c and r0 < r <= r1), 1)
                width = sum(cols[c:c + span])
                tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
                tcpr += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
                tcpr += '<w:vMerge w:val="restart"/>' if down else '<w:vMerge/>' if state == "continue" else ""
                if r < b.head_rows or (c, r) in shaded:
                    tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>'
                tcpr += '<w:vAlign w:val="center"/>'
                jc = "center" if r < b.head_rows else {"l": "left", "c": "center", "r": "right"}[aligns[c]]
                text = "" if state == "continue" else str(value)
                style = "cell_head" if head else b.style
                hold = keep or b.keep or r < b.head_rows + b.keep_first - 1
                out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{self.para([(text, '')], style, keep=hold, jc=jc)}</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def signatures(self, b: L.Signatures) -> str:
        out = []
        out += [self.para([(line, "")], "sign", keep=True) for line in b.lines]
        out += [self.para([("", "")], "plain", keep=True)] * round(b.seal_room)
        right = self.doc.layout.styles["right"]
        k = len(b.bodies)
        if k > 1 and all(_chars(x) <= (self.page.chars_per_line or 28) / k - 2 for x in b.bodies):
            out.append(self.table(L.Table([b.bodies], [1 / k] * k, "c" * k, head_rows=0, style="center"),
                                  keep=True, borders=False))
        else:
            for body in b.bodies:  # one under the other, each centred over the date
                shift = (_chars(body) - _chars(b.date)) / 2
                chars = max(0.0, right.right_indent - shift)
                unit = self.pitch or right.size * TWIPS_PER_PT
                ind = f'<w:ind w:rightChars="{round(chars * 100)}" w:right="{round(chars * unit)}"/>'
                out.append(self.para([(body, "")], "right", keep=True, extra_ppr=ind))
        out.append(self.para([(b.date, "")], "right"))
        return "".join(out)

    def banji(self, b: L.Banji) -> str:
        """版记 as a table floating at the bottom of the text block (GB/T 9704 §7.4)."""
        t = L.Table([[b.copy_to, ""], [b.issuer, b.issued]], [0.6, 0.4], "lr", head_rows=0, style="banji",
                    spans=[(0, 0, 1, 0)])
        # At the foot of the text block: an absolute position from the page's top (LibreOffice
        # ignores tblpYSpec="bottom"), the table's height taken as two banji lines and padding.
        st = self.doc.layout.styles["banji"]
        height = round(2 * (st.leading + 4) * 20)
        top = twips_mm(self.page.height - self.page.bottom) - height
        xml = self.table(t, borders=False, floating=f'<w:tblpPr w:vertAnchor="page" w:horzAnchor="margin" '
                                                    f'w:tblpXSpec="center" w:tblpY="{top}"/>')
        thick, thin = '<w:{0} w:val="single" w:sz="8" w:space="0" w:color="000000"/>', \
            '<w:{0} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        borders = ("<w:tblBorders>" + thick.format("top") + thick.format("bottom") + thin.format("insideH")
                   + "</w:tblBorders>")
        # a line before it (where a reader lays it out in the flow, as LibreOffice does, its rule
        # would touch the date), and a paragraph after it: a document must end with one
        return self.para([("", "")], "plain") + \
            xml.replace('<w:jc w:val="center"/>', '<w:jc w:val="center"/>' + borders, 1) + self.para([("", "")], "plain")

    def blocks(self, blocks: list[L.Block], keep: bool = False) -> None:
        for i, b in enumerate(blocks):
            last = i == len(blocks) - 1
            if isinstance(b, L.Para):
                self.xml.append(self.para(b.runs, b.style, keep=b.keep_with_next or (keep and not last)))
            elif isinstance(b, L.Title):
                self.xml.append(self.para([("\n".join(b.lines), "")], b.style))
            elif isinstance(b, L.Table):
                self.xml.append(self.table(b, keep=keep and not last))
            elif isinstance(b, L.Keep):
                self.blocks(b.blocks, keep=True)
            elif isinstance(b, L.Signatures):
                self.xml.append(self.signatures(b))
            elif isinstance(b, L.Banji):
                self.xml.append(self.banji(b))
            elif isinstance(b, L.Space):
                self.xml += [self.para([("", "")], "plain", keep=keep)] * max(1, round(b.lines))
            elif isinstance(b, L.PageBreak):
                self.xml.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')


def _chars(text: str) -> float:
    """Width in characters: full-width 1, ASCII ½."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text)


def _field(code: str, rpr: str = "") -> str:
    """A field (PAGE, NUMPAGES); ``rpr``: its result's run properties (a w:rPr element)."""
    # (every run of it: LibreOffice sets the result as the field's first run)
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> {code} '
            f'</w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>1</w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def _size(half_points: int) -> str:
    """A run's size for every script: w:sz (Latin, CJK) and w:szCs (complex scripts). A run
    without them takes its paragraph style's, in a header or footer Normal's 16 pt."""
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _footer_xml(doc: L.Document, width: int, odd: bool) -> str:
    size = round(doc.layout.footer_size * 2)
    rpr = f'<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>{_size(size)}</w:rPr>'
    before, after = doc.page_label.split("{page}")
    middle, tail = after.split("{pages}")
    if not is_chinese(doc.lang):  # Page 1 of 3, Data fingerprint …: Latin text in the Latin face
        sz = _size(size)
        cjk, lat = f'<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>{sz}', _latin_fonts() + sz
        number = f"<w:rPr>{lat}</w:rPr>"
        label = (_mixed_runs(before, cjk, lat) + _field("PAGE", number) + _mixed_runs(middle, cjk, lat)
                 + _field("NUMPAGES", number) + _mixed_runs(tail, cjk, lat))
        fp = _mixed_runs(L.fingerprint_words(doc), cjk, lat) if doc.fingerprint else ""
    else:
        # the numbers in the words' face and size (a field run without them is set at 16 pt)
        label = (f"<w:r>{rpr}<w:t>{_text(before)}</w:t></w:r>{_field('PAGE', rpr)}<w:r>{rpr}<w:t xml:space=\"preserve\">"
                 f"{_text(middle)}</w:t></w:r>{_field('NUMPAGES', rpr)}<w:r>{rpr}<w:t>{_text(tail)}</w:t></w:r>")
        fp = f"<w:r>{rpr}<w:t>{_text(L.fingerprint_words(doc))}</w:t></w:r>" if doc.fingerprint else ""
    one = round(doc.layout.footer_size * TWIPS_PER_PT)  # 空一字
    tab = f"<w:r>{rpr}<w:tab/></w:r>"
    if odd:  # fingerprint left, number right 空一字
        ppr = f'<w:tabs><w:tab w:val="right" w:pos="{width - one}"/></w:tabs>{NO_AUTOSPACE}<w:snapToGrid w:val="0"/>'
        content = fp + tab + label
    else:
        ppr = (f'<w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs>{NO_AUTOSPACE}<w:snapToGrid w:val="0"/>'
               f'<w:ind w:left="{one}"/>')
        content = label + tab + fp
    return f"<w:p {W}><w:pPr>{ppr}</w:pPr>{content}</w:p>"


def _header_xml(doc: L.Document, text: str) -> str:
    size = round(doc.layout.header_size * 2)
    rpr = f'<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>{_size(size)}</w:rPr>'
    draft = (f'<w:r><w:rPr><w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:color w:val="C62828"/>'
             f'{_size(size + 2)}</w:rPr><w:t xml:space="preserve">{_text(L.draft_mark(doc))}　</w:t></w:r>') if doc.draft else ""
    line = f"<w:r>{rpr}<w:t>{_text(text)}</w:t></w:r>"
    if not is_chinese(doc.lang):  # the Latin text in the Latin face (the draft mark bold, as 黑体 reads)
        tint = f'<w:color w:val="C62828"/>{_size(size + 2)}'
        draft = _mixed_runs(L.draft_mark(doc) + "　", '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/>' + tint,
                            _latin_fonts() + latin.DOCX_EMPHASIS["hei"] + tint) if doc.draft else ""
        sz = _size(size)
        line = _mixed_runs(text, f'<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>{sz}', _latin_fonts() + sz)
    return (f'<w:p {W}><w:pPr>{NO_AUTOSPACE}<w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr>{draft}'
            f"{line}</w:p>")


def _replace(part_element, xml: str) -> None:
    for child in list(part_element):
        part_element.remove(child)
    part_element.append(parse_xml(xml))


def write_docx(doc: L.Document, target: Path | Any) -> None:
    page = doc.layout.page
    d = new_docx()
    w = Writer(doc)
    styles = d.styles.element
    for name, st in doc.layout.styles.items():
        styles.append(parse_xml(w.style_xml(name, st)))
    normal = d.styles["Normal"]
    normal.font.name = latin.DOCX_FACE if w.english else FACES["fang"]
    # The character grid's pitch is counted from Normal's size: 16 pt + charSpace gives 28 a line.
    normal.font.size = Pt(doc.layout.styles["body"].size)
    # the Chinese face on the rFonts that font.name made: one w:rFonts a w:rPr (Word reads the first)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FACES["fang"])
    lang = styles.find(qn("w:docDefaults")).find(f'{qn("w:rPrDefault")}/{qn("w:rPr")}/{qn("w:lang")}')
    lang.set(qn("w:val"), L.language_tag(doc))
    lang.set(qn("w:eastAsia"), "zh-CN")
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(defaults):
        defaults.remove(child)
    for xml in ('<w:autoSpaceDE w:val="0"/>', '<w:autoSpaceDN w:val="0"/>', '<w:spacing w:after="0"/>'):
        defaults.append(parse_xml(xml.replace("/>", f" {W}/>")))

    section = d.sections[0]
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance = Mm(max(10, page.top - 12))
    section.footer_distance = Mm(max(8, page.bottom - 7 - 5))
    grid = section._sectPr.find(qn("w:docGrid"))
    if page.chars_per_line:
        pitch_pt = (page.width - page.left - page.right) / 25.4 * 72 / page.chars_per_line
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(int(L.LINE * 20)))
        grid.set(qn("w:charSpace"), str(round((pitch_pt - doc.layout.styles["body"].size) * 4096)))
    d.settings.odd_and_even_pages_header_footer = True
    section.different_first_page_header_footer = True
    width = w.width
    for footer, odd in ((section.footer, True), (section.even_page_footer, False), (section.first_page_footer, True)):
        _replace(footer._element, _footer_xml(doc, width, odd))
    first = doc.header if doc.first_page_header else ""
    for header, text in ((section.header, doc.header), (section.even_page_header, doc.header),
                         (section.first_page_header, first)):
        _replace(header._element, _header_xml(doc, text))

    w.blocks(doc.blocks)
    body = d.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    fragment = parse_xml(f"<w:body {W}>{''.join(w.xml)}</w:body>")
    for child in list(fragment):
        sect.addprevious(child)
    props = d.core_properties
    props.title, props.author, props.language = doc.title, doc.author or "法治评议", L.language_tag(doc)
    props.subject = L.fingerprint_words(doc) if doc.fingerprint else ""
    props.comments = L.draft_mark(doc) if doc.draft else ""
    d.save(target)
