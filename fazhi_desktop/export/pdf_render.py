"""A :class:`layout.Document` as PDF: faces by role, the running header from page 2 on, the footer
(第x页　共y页 on the outer side, the fingerprint on the inner side), and 草稿（未定稿） on every page
of an unfinished session's documents. A document not in Chinese sets its Latin text in a Latin face
(``latin``), the Chinese in the face of its role."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, LongTable, PageBreak,
                                PageTemplate, Spacer, TableStyle)

from . import latin
from . import layout as L
from .doc_language import is_chinese
from .fonts import pdf_fonts
from .pdf_text import CJKParagraph, covered, plain_width

GRID = colors.HexColor("#333333")
SHADE = colors.HexColor("#e6e6e6")
DRAFT_RED = colors.HexColor("#c62828")
WATERMARK = colors.Color(0.78, 0.16, 0.16, alpha=0.13)
ALIGN = {"l": "left", "c": "center", "r": "right", "j": "justify"}


def latin_faces(doc: L.Document) -> dict[str, str] | None:
    """Role → Latin face for a document not in Chinese; None for a Chinese one (all CJK faces)."""
    return None if is_chinese(doc.lang) else latin.PDF_FACES


def script_runs(text: str, role: str, fonts, latin_roles: dict[str, str] | None) -> list[tuple[str, str]]:
    cjk = fonts.role(role)
    if latin_roles is None:
        return [(text, cjk)]
    return [(piece, latin_roles[role] if is_latin else cjk) for piece, is_latin in latin.split(text)]


def draw_string(canv, x: float, y: float, text: str, role: str, size: float, fonts,
                latin_roles: dict[str, str] | None, anchor: str = "left") -> None:
    """One line on the page (header, footer, draft mark) in its faces; ``anchor``: where ``x`` is
    (left, centre or right). A Chinese line is drawn as one string, as it always was."""
    runs = script_runs(text, role, fonts, latin_roles)
    if latin_roles is None:
        if (canv._fontname, canv._fontsize) != (runs[0][1], size):
            canv.setFont(runs[0][1], size)
        {"left": canv.drawString, "centre": canv.drawCentredString, "right": canv.drawRightString}[anchor](x, y, text)
        return
    width = sum(plain_width(t, f, size) for t, f in runs)
    x -= {"left": 0.0, "centre": width / 2, "right": width}[anchor]
    for t, f in runs:
        canv.setFont(f, size)
        canv.drawString(x, y, t)
        x += plain_width(t, f, size)


class FillToBottom(Flowable):
    """Takes the page's remaining height less ``keep`` points, so what follows sits at the bottom
    (the 版记 ends the last page, as GB/T 9704 sets it)."""

    def __init__(self, keep: float) -> None:
        super().__init__()
        self.keep = keep

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(0.0, avail_height - self.keep - 1)
        return avail_width, self.height

    def draw(self) -> None:
        pass


class Keep(KeepTogether):
    """reportlab's KeepTogether, measuring with the frame's tolerance: it compares the block's
    height with the room left exactly, so a block that fills a page to its last line (22 × the
    公文 line pitch comes out a hair above the frame) went to the next page and left its lines
    blank. It allows for the rounding as the frame that places its content does (``_FUZZ``), so
    what it keeps on a page fits there."""

    def split(self, aW: float, aH: float) -> list:
        return super().split(aW, aH + rl_config._FUZZ)


class Renderer:
    def __init__(self, doc: L.Document) -> None:
        self.doc = doc
        self.page = doc.layout.page
        self.fonts = pdf_fonts()
        self.spare = self.fonts.role("hei")
        self.width = self.page.frame_width
        self.latin = latin_faces(doc)

    def font(self, role: str) -> str:
        return self.fonts.role(role)

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """``text`` as (piece, face): the role's face, or in a document not in Chinese, the
        role's Latin face for its Latin pieces."""
        return script_runs(text, role, self.fonts, self.latin)

    def measure(self, text: str, role: str, size: float) -> float:
        """The width of one line of ``text`` as drawn (in the faces :meth:`runs` gives)."""
        if self.latin is None:
            return plain_width(text, self.font(role), size)
        return sum(plain_width(t, f, size) for t, f in self.runs(text, role))

    def style(self, name: str) -> L.Style:
        return self.doc.layout.styles[name]

    def para(self, block: L.Para, width_style: str | None = None, align: str | None = None) -> CJKParagraph:
        st = self.style(block.style)
        pitch = (self.width / self.page.chars_per_line) if st.grid and self.page.chars_per_line else None
        unit = pitch or st.size
        runs = [run for text, role in block.runs for run in self.runs(text, role or st.role)]
        # 小标宋 is a heavy 宋: where the title borrows a light 宋/明 face, outline it a little
        stroke = st.size * 0.03 if st.role == "title" and self.fonts.faces.get("title") is None else 0
        return CJKParagraph(runs, size=st.size, leading=st.leading, align=align or st.align,
                            indent=st.indent * unit, right_indent=st.right_indent * unit, pitch=pitch,
                            spare=self.spare, space_before=st.space_before * st.leading,
                            space_after=st.space_after * st.leading,
                            keep_with_next=block.keep_with_next or st.keep_with_next, stroke=stroke)

    def cell(self, text: str, style: str, align: str) -> CJKParagraph | str:
        return self.para(L.Para(text, style), align=align)

    def table(self, b: L.Table) -> list:
        widths = [w * self.width for w in b.widths]
        aligns = (b.align or "c" * len(widths)).ljust(len(widths), "c")
        head_style, body_style = self.style("cell_head"), self.style(b.style)
        roles = {"head": head_style.role, "body": body_style.role}
        # the table's own face: a plain string cell is drawn in it (in English, the Latin one)
        fonts = {k: (self.latin or {}).get(role) or self.font(role) for k, role in roles.items()}
        body = []
        for i, row in enumerate(b.rows):
            strong = i < b.head_rows or i in b.strong_rows
            st = head_style if strong else body_style
            font = fonts["head" if strong else "body"]
            cells: list = []
            for j, v in enumerate(row):
                text = str(v)
                # One line that the face covers: a plain string, drawn by the table itself (fast).
                if not text:
                    cells.append([])  # an empty cell: nothing to draw (an empty string is still a text object)
                elif "\n" not in text and plain_width(text, font, st.size) <= widths[j] - 6 \
                        and all(covered(font, c) for c in text):
                    cells.append(text)
                else:
                    align = "center" if i < b.head_rows else ALIGN[aligns[j]]
                    cells.append(self.cell(text, "cell_head" if strong else b.style, align))
            body.append(cells)
        heights = None
        if b.row_height:
            heights = [None] * b.head_rows + [b.row_height] * (len(b.rows) - b.head_rows)
        t = LongTable(body, colWidths=widths, rowHeights=heights, repeatRows=b.head_rows, hAlign="CENTER",
                      spaceBefore=3, spaceAfter=3, splitInRow=1)
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts["body"]),  # the table's own default is Helvetica
            ("FONTSIZE", (0, 0), (-1, -1), body_style.size), ("LEADING", (0, 0), (-1, -1), body_style.leading),
            *[("ALIGN", (j, b.head_rows), (j, -1), {"l": "LEFT", "c": "CENTER", "r": "RIGHT"}[a])
              for j, a in enumerate(aligns)],
            ("ALIGN", (0, 0), (-1, b.head_rows - 1), "CENTER"),
            *[("FONTNAME", (0, r), (-1, r), fonts["head"]) for r in (*range(b.head_rows), *b.strong_rows)],
            ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if b.head_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, b.head_rows - 1), SHADE))
        commands += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in b.spans]
        commands += [("BACKGROUND", (c0, r0), (c1, r1), SHADE) for c0, r0, c1, r1 in b.shaded]
        t.setStyle(TableStyle(commands))
        if b.keep:
            return [Keep([t])]
        # the header and the first rows never stand alone at a page's foot (estimated from the
        # cells' widths: wrapping the table here would lay it out twice)
        first = b.head_rows + min(b.keep_first, len(b.rows) - b.head_rows)
        return [CondPageBreak(self.rows_height(b, b.rows[:first])), t]

    def rows_height(self, b: L.Table, rows: list[list[str]]) -> float:
        """Rows' height estimated without laying them out: each row is its tallest cell's lines ×
        leading + padding (the lines from the text's width in its faces)."""
        widths = [w * self.width for w in b.widths]
        styles = self.doc.layout.styles
        h = 6.0
        for i, row in enumerate(rows):
            st = styles["cell_head"] if i < b.head_rows or i in b.strong_rows else styles[b.style]
            lines = max((sum(max(1, -(-self.measure(part, st.role, st.size) // max(1.0, widths[j] - 6)))
                             for part in str(v).split("\n")) for j, v in enumerate(row)), default=1)
            h += max(b.row_height, lines * st.leading + 4)
        return h

    def signatures(self, b: L.Signatures) -> list:
        st = self.style("right")
        unit = st.size
        out: list = []
        out += [self.para(L.Para(line, "sign")) for line in b.lines]
        out.append(Spacer(1, b.seal_room * st.leading))
        date_width = self.measure(b.date, st.role, st.size)
        right_room = st.right_indent * unit
        font = self.font(st.role)
        side_by_side = len(b.bodies) > 1 and all(
            self.measure(x, st.role, st.size) <= self.width / len(b.bodies) - 2 * unit for x in b.bodies)
        if side_by_side:  # joint issuers in a row, each to seal over its own name
            cols = len(b.bodies)
            t = LongTable([[self.cell(body, "center", "center") for body in b.bodies]], colWidths=[self.width / cols] * cols)
            t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
            out.append(t)
        else:  # one under the other, each centred over the date
            for body in b.bodies:
                shift = (self.measure(body, st.role, st.size) - date_width) / 2
                out.append(CJKParagraph(self.runs(body, st.role), size=st.size, leading=st.leading, align="right",
                                        right_indent=max(0.0, right_room - shift), spare=self.spare))
        out.append(self.para(L.Para(b.date, "right")))
        return [Keep(out)]

    def banji(self, b: L.Banji) -> list:
        rows = [[self.cell(b.copy_to, "banji", "left"), ""], [self.cell(b.issuer, "banji", "left"),
                                                            self.cell(b.issued, "banji", "right")]]
        t = LongTable(rows, colWidths=[self.width * 0.6, self.width * 0.4])
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font("song")),
                               ("SPAN", (0, 0), (1, 0)), ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.black),
                               ("LINEBELOW", (0, 1), (-1, 1), 1.0, colors.black),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        _w, h = t.wrap(self.width, self.page.frame_height)
        return [FillToBottom(h + 2), t]

    def flowables(self, blocks: list[L.Block]) -> list:
        out: list = []
        for b in blocks:
            if isinstance(b, L.Para):
                out.append(self.para(b))
            elif isinstance(b, L.Title):
                out.append(self.para(L.Para("\n".join(b.lines), b.style)))
            elif isinstance(b, L.Table):
                out += self.table(b)
            elif isinstance(b, L.Keep):
                out.append(Keep(self.flowables(b.blocks)))
            elif isinstance(b, L.Signatures):
                out += self.signatures(b)
            elif isinstance(b, L.Banji):
                out += self.banji(b)
            elif isinstance(b, L.Space):
                out.append(Spacer(1, b.lines * self.style("body" if "body" in self.doc.layout.styles else "plain").leading))
            elif isinstance(b, L.PageBreak):
                out.append(PageBreak())
        return self.bind_headings(out)

    def bind_headings(self, flowables: list) -> list:
        """Headings (paragraphs kept with the next) bound to what follows them where reportlab
        would not: its keepWithNext groups a heading with the next flowable only when that is a
        plain one, so a heading before a KeepTogether (a question and its answer, a table kept
        whole) or before the conditional break ahead of a table could end a page alone. Before a
        KeepTogether the headings go into it; before a table's CondPageBreak the break moves
        ahead of the headings and asks for their height as well."""
        out: list = []
        i, n = 0, len(flowables)
        while i < n:
            j = i
            while j < n and isinstance(flowables[j], CJKParagraph) and flowables[j].keepWithNext:
                j += 1
            if j == i or j == n or not isinstance(flowables[j], (KeepTogether, CondPageBreak)):
                out += flowables[i:j + 1]
                i = j + 1
                continue
            heads, after = flowables[i:j], flowables[j]
            for h in heads:
                h.keepWithNext = False
            if isinstance(after, KeepTogether):
                out.append(Keep([*heads, *after._content], after._maxHeight))
            else:
                room = sum(h.wrap(self.width, self.page.frame_height)[1] + h.getSpaceBefore() + h.getSpaceAfter()
                           for h in heads)
                out += [CondPageBreak(after.height + room), *heads]
            i = j + 1
        return out


def page_canvas(doc: L.Document, fonts) -> type:
    """A canvas class that knows the page count when it draws each page's header and footer."""
    page = doc.layout.page
    song = fonts.role("song")
    latin_roles = latin_faces(doc)

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or song  # never Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            mm = L.MM
            w, h = self._pagesize
            n = self._pageNumber
            left, right = page.left * mm, w - page.right * mm
            self.saveState()
            fs, hs = doc.layout.footer_size, doc.layout.header_size
            def line(x: float, y: float, text: str, role: str, size: float, anchor: str = "left") -> None:
                draw_string(self, x, y, text, role, size, fonts, latin_roles, anchor)

            if doc.header and (n > 1 or doc.first_page_header):
                self.setFont(song, hs)
                self.setFillColor(colors.HexColor("#444444"))
                line(w / 2, h - page.top * mm + 8 * mm, doc.header, "song", hs, "centre")
            if doc.draft:
                self.setFillColor(DRAFT_RED)
                line(left, h - page.top * mm + 8 * mm, L.draft_mark(doc), "hei", hs + 1)
                self.saveState()
                self.setFillColor(WATERMARK)
                self.setFont(fonts.role("hei"), 64)
                self.translate(w / 2, h / 2)
                self.rotate(35)
                line(0, -20, L.draft_mark(doc), "hei", 64, "centre")
                self.restoreState()
            y = max(8 * mm, page.bottom * mm - 7 * mm - fs)
            self.setFillColor(colors.black)
            self.setFont(song, fs)
            label = doc.page_label.format(page=n, pages=total)
            if n % 2:  # odd pages: the number on the right, 空一字; even pages: on the left
                line(right - fs, y, label, "song", fs, "right")
                if doc.fingerprint:
                    line(left, y, L.fingerprint_words(doc), "song", fs)
            else:
                line(left + fs, y, label, "song", fs)
                if doc.fingerprint:
                    line(right, y, L.fingerprint_words(doc), "song", fs, "right")
            self.restoreState()

    return NumberedCanvas


def write_pdf(doc: L.Document, target: Path | Any, flowables: list | None = None) -> None:
    """Lay out ``doc`` (or its ``flowables``, made by :func:`story`) into ``target`` (a path or a
    binary file object)."""
    r = Renderer(doc)
    page = doc.layout.page
    mm = L.MM
    template = BaseDocTemplate(str(target) if isinstance(target, Path) else target,
                               pagesize=(page.width * mm, page.height * mm),
                               leftMargin=page.left * mm, rightMargin=page.right * mm,
                               topMargin=page.top * mm, bottomMargin=page.bottom * mm,
                               title=doc.title, author=doc.author, creator="法治评议", lang=L.language_tag(doc),
                               subject=L.fingerprint_words(doc) if doc.fingerprint else "")
    # No frame padding: the text block is exactly the layout's (22 lines of 28.95 pt in 公文).
    frame = Frame(page.left * mm, page.bottom * mm, r.width, page.frame_height, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate("page", [frame])])
    template.keepTogetherClass = Keep  # what keepWithNext groups a heading and its next flowable in
    template.build(flowables if flowables is not None else r.flowables(doc.blocks),
                   canvasmaker=page_canvas(doc, r.fonts))


def estimate_height(doc: L.Document) -> float:
    """The content's height in one long frame, estimated without laying tables out (each row is
    its tallest cell's lines × leading + padding): for fitting a letter on one page cheaply."""
    import io

    r = Renderer(doc)
    canv = rl_canvas.Canvas(io.BytesIO())
    total = 0.0

    for b in doc.blocks:
        if isinstance(b, L.Table):
            total += r.rows_height(b, b.rows)
        elif isinstance(b, L.Keep):
            total += estimate_height(L.Document(doc.layout, b.blocks, title=""))
        else:
            for f in r.flowables([b]):
                if isinstance(f, (FillToBottom, CondPageBreak)):
                    continue
                _w, h = f.wrapOn(canv, r.width, 1e6)
                if isinstance(f, KeepTogether):  # its wrap answers 0xffffff to force a split
                    h = f._H
                total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
