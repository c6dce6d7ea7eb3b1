"""Shared PDF layout: A4 pages, Chinese paragraph styles, a header with the meeting title and a
footer "第 x 页 共 y 页" with the session's fingerprint on every page.

Table cells hold Paragraphs, so Chinese text wraps inside the cell instead of running over
its neighbours; header rows repeat when a table breaks across pages.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from .fonts import pdf_fonts

GRID = colors.HexColor("#555555")
HEAD_BG = colors.HexColor("#e8e8e8")


class Styles:
    """Paragraph styles in the registered Chinese font (wordWrap='CJK' breaks between characters)."""

    def __init__(self) -> None:
        f = self.font = pdf_fonts().name
        base = dict(fontName=f, wordWrap="CJK")
        self.title = ParagraphStyle("title", fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=6, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=11, leading=18, alignment=TA_CENTER,
                                       spaceAfter=10, **base)
        self.h1 = ParagraphStyle("h1", fontSize=14, leading=22, spaceBefore=10, spaceAfter=4, **base)
        self.h2 = ParagraphStyle("h2", fontSize=12, leading=19, spaceBefore=8, spaceAfter=3, **base)
        self.body = ParagraphStyle("body", fontSize=10.5, leading=17, firstLineIndent=21, **base)
        self.plain = ParagraphStyle("plain", fontSize=10.5, leading=17, **base)
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12, **base)
        self.cell_c = ParagraphStyle("cell_c", parent=self.cell, alignment=TA_CENTER)
        self.cell_r = ParagraphStyle("cell_r", parent=self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", parent=self.cell, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=self.plain, alignment=TA_RIGHT)
        self.left = ParagraphStyle("left", parent=self.plain, alignment=TA_LEFT)


GAP = "\u00a0" * 4  # a visible gap: reportlab collapses runs of ordinary (and ideographic) spaces


def p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape("" if text is None else str(text)).replace("\n", "<br/>"), style)


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float], st: Styles, *,
          align: Sequence[str] | None = None, head_rows: int = 1, extra: Sequence[tuple] = (),
          row_heights: Sequence[float | None] | None = None) -> LongTable:
    """A grid table; every cell becomes a Paragraph ('l', 'c' or 'r' per column)."""
    align = align or ["l"] * len(widths)
    by = {"l": st.cell, "c": st.cell_c, "r": st.cell_r}
    body = []
    for i, row in enumerate(rows):
        body.append([cell if not isinstance(cell, (str, int, float)) and cell is not None
                     else p(cell, st.head if i < head_rows else by[align[j]]) for j, cell in enumerate(row)])
    t = LongTable(body, colWidths=list(widths), rowHeights=row_heights, repeatRows=head_rows, hAlign="CENTER",
                  spaceBefore=3, spaceAfter=5)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font),  # the table's own default is Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ]))
    return t


def numbered_canvas(header: str, fingerprint: str):
    """A canvas class that knows the page count when it draws each page's header and footer."""
    font = pdf_fonts().name

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this every page names Helvetica, a font that is never embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
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
            w, h = self._pagesize
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            self.setFont(font, 8.5)
            self.drawCentredString(w / 2, h - 13 * mm, header)
            self.line(18 * mm, h - 15 * mm, w - 18 * mm, h - 15 * mm)
            self.line(18 * mm, 15 * mm, w - 18 * mm, 15 * mm)
            self.drawCentredString(w / 2, 10 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            self.drawRightString(w - 18 * mm, 10 * mm, f"数据指纹 {fingerprint}")
            self.restoreState()

    return NumberedCanvas


def build_pdf(target: Path | Any, story: list, *, title: str, header: str, fingerprint: str,
              landscape_pages: bool = False, author: str = "") -> None:
    """Lay out ``story`` on A4 into ``target`` (a path or a binary file object)."""
    size = landscape(A4) if landscape_pages else A4
    doc = SimpleDocTemplate(target if not isinstance(target, Path) else str(target), pagesize=size,
                            leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
                            title=title, author=author, creator="法治评议", subject=f"数据指纹 {fingerprint}")
    doc.build(story, canvasmaker=numbered_canvas(header, fingerprint))


def frame_width(landscape_pages: bool = False) -> float:
    size = landscape(A4) if landscape_pages else A4
    return size[0] - 36 * mm


__all__ = ["GAP", "Styles", "p", "table", "build_pdf", "frame_width", "Spacer", "mm"]
