"""Printable access cards for the experts' own-device scoring: one card per expert, four to an A4
page with dashed cut lines. Each card names the session and the expert, carries the expert's
private link as a QR code (drawn as vector squares from segno's matrix, so it prints crisp at any
size) and as text (for typing when a camera fails), and says how to keep it.

The card is the only paper that carries a token: it says so, and the chair can revoke a lost one
(a new token makes the old card useless)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.pdfgen import canvas as rl_canvas

from . import layout as L
from .pdf_text import plain_width


@dataclass(frozen=True)
class Card:
    expert: str
    url: str


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of ``text`` as rows of dark (True) modules, without the quiet zone. Error
    correction M (15%): a card folded or smudged in a pocket still scans."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=0)]


def qr_png(text: str, *, scale: int = 8) -> bytes:
    """The QR code as PNG bytes with a 4-module quiet zone (for the window)."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


def _draw_qr(c: Any, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Dark modules as filled squares in a ``size`` square whose lower-left corner is (x, y)."""
    n = len(matrix)
    m = size / n
    c.saveState()
    c.setFillColor(colors.black)
    for r, row in enumerate(matrix):
        col = 0
        while col < n:  # one rectangle per run of dark modules: fewer objects, no hairline gaps
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            c.rect(x + start * m, y + size - (r + 1) * m, (col - start) * m, m, stroke=0, fill=1)
    c.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> float:
    return min(size, width / max(1.0, plain_width(text, font, 1)))


def write_access_cards(title: str, cards: Sequence[Card], target: Path | Any) -> int:
    """Write the cards (2 × 2 per A4 portrait page); returns the number of pages."""
    from .fonts import pdf_fonts

    fonts = pdf_fonts()
    hei, song, kai = fonts.role("hei"), fonts.role("song"), fonts.role("kai")
    w, h = 210 * L.MM, 297 * L.MM
    cw, ch = w / 2, h / 2
    c = rl_canvas.Canvas(target if not isinstance(target, Path) else str(target), pagesize=(w, h),
                         initialFontName=hei, lang="zh-CN")
    c.setTitle(f"{title} 专家评分入场卡")
    c.setCreator("法治评议")
    pages = 0
    for start in range(0, max(1, len(cards)), 4):
        pages += 1
        for i, card in enumerate(cards[start:start + 4]):
            x0, y0 = (i % 2) * cw, h - (i // 2 + 1) * ch
            pad = 12 * L.MM
            inner = cw - 2 * pad
            y = y0 + ch - pad

            def line(text: str, font: str, size: float, gap: float, fit: bool = True) -> None:
                """One centred line below the last; shrunk to the card's width when ``fit``."""
                nonlocal y
                size = _fit(text, font, size, inner) if fit else size
                c.setFont(font, size)
                c.drawCentredString(x0 + cw / 2, y - size, text)
                y -= size + gap

            line(title, hei, 11, 9 * L.MM)
            line(card.expert, hei, 24, 4 * L.MM)
            line("请用手机扫描二维码，在本人页面上评分", kai, 11, 4 * L.MM, fit=False)
            qr = 62 * L.MM
            _draw_qr(c, qr_matrix(card.url), x0 + (cw - qr) / 2, y - qr, qr)
            y -= qr + 5 * L.MM
            line(card.url, song, 8, 4 * L.MM)
            line("须连接会场无线网络。此卡仅限本人使用，请勿转发或拍照外传。", kai, 9, 2 * L.MM, fit=False)
            line("遗失请告知会务人员作废；会议结束后链接自动失效。", kai, 9, 2 * L.MM, fit=False)
        c.saveState()  # cut lines
        c.setDash(4, 4)
        c.setStrokeColor(colors.HexColor("#999999"))
        c.line(cw, 8 * L.MM, cw, h - 8 * L.MM)
        c.line(8 * L.MM, ch, w - 8 * L.MM, ch)
        c.restoreState()
        if not cards:
            c.setFont(hei, 14)
            c.drawString(30 * L.MM, h / 2 + 20, "本场评议会还没有评议专家。")
        c.showPage()
    c.save()
    return pages
