"""A paragraph flowable for Chinese text: breaks lines by character with the usual rules
(no closing punctuation at a line start, no opening one at a line end, numbers and Latin words kept
whole), justifies by spreading the characters, sets CJK characters on a character grid where the
layout has one (公文: 28 a line), and mixes faces by run (a 黑体 label in a 仿宋 line).

A run in a Latin face (``latin.PDF_FACES``: the English minutes) is set as English is: it breaks
only at spaces (not the one between a number and its unit), a space that a line ends or starts with is
not drawn, and a justified line spreads at its spaces only.

It is much faster than reportlab's Paragraph (no markup parser, widths cached per face), which
matters: a meeting's documents hold thousands of paragraphs and table cells.
"""
from __future__ import annotations

import re
from typing import Sequence

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from .latin import PDF_FACE_NAMES, bound_spaces, is_latin

rl_config.useA85 = 0  # binary streams: smaller files, and ASCII85 in pure Python is slow

NO_LINE_START = set("，。、；：？！）》」』”’〕】…—％·,.;:?!)]}%")
NO_LINE_END = set("（《「『“‘〔【([{")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_WIDTHS: dict[str, dict[str, float]] = {}  # font → char → width at 1 pt
_COVER: dict[str, set[int] | None] = {}


def char_width(font: str, ch: str) -> float:
    table = _WIDTHS.get(font)
    if table is None:
        table = _WIDTHS[font] = {}
    w = table.get(ch)
    if w is None:
        w = table[ch] = pdfmetrics.stringWidth(ch, font, 1)
    return w


def covered(font: str, ch: str) -> bool:
    cmap = _COVER.get(font, False)
    if cmap is False:
        glyphs = getattr(getattr(pdfmetrics.getFont(font), "face", None), "charToGlyph", None)
        cmap = _COVER[font] = set(glyphs) if glyphs is not None else None  # CID fonts: assume yes
    if font in PDF_FACE_NAMES:  # a standard face: what its encoding holds
        return is_latin(ch)
    return cmap is None or ord(ch) in cmap


class Token:
    __slots__ = ("text", "font", "width", "full", "space")

    def __init__(self, text: str, font: str, width: float, full: bool, space: bool = False) -> None:
        self.text, self.font, self.width, self.full = text, font, width, full
        self.space = space  # a space between words in a Latin face: where English lines break and stretch


_TOKENS: dict[tuple, list[Token]] = {}
LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
LATIN_TAIL = LATIN | set(".,%+-/:#_")
WORD_BREAK = " \t\n"


def tokens(runs: Sequence[tuple[str, str]], size: float, spare: str, pitch_extra: float) -> list[Token]:
    """Runs of (text, font) as unbreakable tokens with their widths; a character the face lacks
    is set in the ``spare`` face (黑体 covers the most). Cached: tables repeat the same cells."""
    key = (tuple(runs), size, spare, pitch_extra)
    hit = _TOKENS.get(key)
    if hit is not None:
        return hit
    out: list[Token] = []
    for text, font in runs:
        text = CONTROL.sub(" ", text)
        widths = _WIDTHS.get(font) or _WIDTHS.setdefault(font, {})
        if font in PDF_FACE_NAMES:
            _latin_tokens(text, font, size, spare, out)
            continue
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\n":
                out.append(Token("\n", font, 0, False))
                i += 1
                continue
            j = i + 1
            if ch in LATIN:  # a number or a Latin word stays whole
                while j < n and text[j] in LATIN_TAIL:
                    j += 1
            piece = text[i:j]
            f = font if all(covered(font, c) for c in piece) else spare
            table = widths if f == font else (_WIDTHS.get(f) or _WIDTHS.setdefault(f, {}))
            w = 0.0
            for c in piece:
                cw = table.get(c)
                if cw is None:
                    cw = table[c] = pdfmetrics.stringWidth(c, f, 1)
                w += cw
            w *= size
            full = j - i == 1 and w >= 0.9 * size
            out.append(Token(piece, f, w + (pitch_extra if full else 0), full))
            i = j
    if len(_TOKENS) > 20000:
        _TOKENS.clear()
    _TOKENS[key] = out
    return out


def _latin_tokens(text: str, font: str, size: float, spare: str, out: list[Token]) -> None:
    """English in a Latin face: each word (what stands between spaces) one token, each space one;
    a number and its unit ("7 min", "27 October") one word (latin.bound_spaces)."""
    bound = bound_spaces(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            out.append(Token("\n", font, 0, False))
            i += 1
            continue
        j = i + 1
        if ch not in WORD_BREAK:
            while j < n and (text[j] not in WORD_BREAK or j in bound):
                j += 1
        piece = text[i:j]
        f = font if all(covered(font, c) for c in piece) else spare
        out.append(Token(piece, f, sum(char_width(f, c) for c in piece) * size, False, space=ch in " \t"))
        i = j


def _cut_wide_words(toks: list[Token], width: float) -> list[Token]:
    """An English word wider than a line (a narrow table cell) cut where the line is full, so it
    stays inside its cell."""
    out: list[Token] = []
    for tok in toks:
        if tok.font not in PDF_FACE_NAMES or tok.width <= width + 0.01 or tok.space:
            out.append(tok)
            continue
        size = tok.width / max(1e-9, sum(char_width(tok.font, c) for c in tok.text))
        piece, used = "", 0.0
        for c in tok.text:
            w = char_width(tok.font, c) * size
            if piece and used + w > width + 0.01:
                out.append(Token(piece, tok.font, used, False))
                piece, used = "", 0.0
            piece, used = piece + c, used + w
        out.append(Token(piece, tok.font, used, False))
    return out


def break_lines(toks: list[Token], first_width: float, width: float) -> list[list[Token]]:
    if any(t.font in PDF_FACE_NAMES and t.width > min(first_width, width) + 0.01 for t in toks):
        toks = _cut_wide_words(toks, min(first_width, width))
    lines: list[list[Token]] = [[]]
    used = 0.0
    limit = first_width
    for tok in toks:
        if tok.text == "\n":
            lines.append([])
            used, limit = 0.0, width
            continue
        line = lines[-1]
        if tok.space and not line and len(lines) > 1:
            continue  # an English line does not start with a space
        if used + tok.width <= limit + 0.01 or not line:
            line.append(tok)
            used += tok.width
            continue
        if tok.space:  # the space a line breaks at is not drawn
            lines.append([])
            used, limit = 0.0, width
            continue
        while len(line) > 1 and line[-1].space:  # nor one it ends with
            line.pop()
        carry: list[Token] = []
        # Closing punctuation may not start a line: take the character before it along, or,
        # when that would leave an opening mark alone, let the mark hang past the edge.
        # (by a token's first and last character: an English word token may be "),")
        if tok.text[:1] in NO_LINE_START:
            if len(line) > 1 and line[-2].text[-1:] not in NO_LINE_END:
                carry.append(line.pop())
            else:
                line.append(tok)
                used += tok.width
                continue
        # Opening punctuation may not end a line.
        while len(line) > 1 and line[-1].text[-1:] in NO_LINE_END:
            carry.insert(0, line.pop())
        lines.append([*carry, tok])
        used, limit = sum(t.width for t in lines[-1]), width
    return lines if lines != [[]] else [[]]


class CJKParagraph(Flowable):
    def __init__(self, runs: Sequence[tuple[str, str]], *, size: float, leading: float, align: str = "left",
                 indent: float = 0, right_indent: float = 0, pitch: float | None = None, spare: str = "",
                 space_before: float = 0, space_after: float = 0, color=None, keep_with_next: bool = False,
                 stroke: float = 0) -> None:
        super().__init__()
        self.stroke = stroke  # outline width in points: a heavier face where only a light one exists
        self.runs = [(t, f) for t, f in runs]
        self.size, self.leading, self.align = size, leading, align
        self.indent, self.right_indent = indent, right_indent  # points
        self.pitch_extra = (pitch - size) if pitch else 0.0
        self.spare = spare or self.runs[0][1]
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.color = color
        self.keepWithNext = keep_with_next
        self._toks = tokens(self.runs, size, self.spare, self.pitch_extra)
        self._lines: list[list[Token]] = []
        self._width = 0.0
        self._first = True  # the first line of the paragraph is in this piece (indent applies)
        self._last = True  # the last line is in this piece (not justified)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._lines or avail_width != self._width:
            self._width = avail_width
            inner = avail_width - self.right_indent
            first = inner - (self.indent if self._first else 0)
            self._lines = break_lines(self._toks, first, inner)
        self.height = len(self._lines) * self.leading
        self.width = avail_width
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int((avail_height + 0.01) // self.leading)
        if fit < 2 or fit >= len(self._lines) or len(self._lines) - fit < 2:  # no widows or orphans
            if fit >= len(self._lines):
                return [self]
            if fit < 2 or len(self._lines) < 4:
                return []
            fit = len(self._lines) - 2
        head, tail = self._piece(self._lines[:fit]), self._piece(self._lines[fit:])
        head._last, tail._first = False, False
        head.spaceAfter, tail.spaceBefore = 0, 0
        tail.keepWithNext = self.keepWithNext
        head.keepWithNext = False
        return [head, tail]

    def _piece(self, lines: list[list[Token]]) -> "CJKParagraph":
        p = CJKParagraph.__new__(CJKParagraph)
        p.__dict__.update(self.__dict__)
        p._lines, p._toks = lines, [t for line in lines for t in line]
        p._width = self._width
        return p

    def draw(self) -> None:
        canvas = self.canv
        styled = self.color is not None or self.stroke
        if styled:
            canvas.saveState()
            if self.color is not None:
                canvas.setFillColor(self.color)
            if self.stroke:
                canvas.setLineWidth(self.stroke)
        inner = self._width - self.right_indent
        descent = self.leading - (self.leading - self.size) / 2 - self.size * 0.88
        y = self.height - self.leading + descent
        for n, line in enumerate(self._lines):
            first = n == 0 and self._first
            last = n == len(self._lines) - 1 and self._last
            x0 = self.indent if first else 0.0
            room = inner - x0
            used = sum(t.width for t in line)
            gap = 0.0
            stretch = english_stretch(line)
            if self.align == "center":
                x0 += (room - used) / 2
            elif self.align == "right":
                x0 += room - used
            elif self.align == "justify" and not last and len(line) > 1 and used < room:
                slots = len(line) - 1 if stretch is None else sum(stretch)
                gap = (room - used) / slots if slots else 0.0
            self._draw_line(line, x0, y, gap, stretch)
            y -= self.leading
        if styled:
            canvas.restoreState()

    def _draw_line(self, line: list[Token], x: float, y: float, gap: float,
                   stretch: list[bool] | None = None) -> None:
        """One text object a line: runs of one face move by Td from the line's last origin, so
        a line costs a few operators rather than a text object per run. The justification ``gap``
        goes after every token, or where ``stretch`` says (:func:`english_stretch`)."""
        if not line:
            return
        text = self.canv.beginText(x, y)
        if self.stroke:
            text.setTextRenderMode(2)  # fill and stroke
        stroked = bool(self.stroke)
        origin, font, tc = x, None, 0.0
        i = 0
        while i < len(line):
            j = i
            f, full = line[i].font, line[i].full
            while j < len(line) and line[j].font == f and line[j].full == full:
                j += 1
            if f != font:
                text.setFont(f, self.size)
                font = f
                if self.stroke and (f not in PDF_FACE_NAMES) != stroked:  # a Latin face is bold already
                    stroked = not stroked
                    text.setTextRenderMode(2 if stroked else 0)
            if full:  # Tc applies after every character: the grid's extra and the justification gap
                want = self.pitch_extra + gap
                if want != tc:
                    text.setCharSpace(want)
                    tc = want
                if x != origin:
                    text.moveCursor(x - origin, 0)
                    origin = x
                text.textOut("".join(t.text for t in line[i:j]))
                x += sum(t.width for t in line[i:j]) + gap * (j - i)
                if stretch is not None and not stretch[j - 1]:  # no gap before the English that follows
                    x -= gap
            else:  # half-width words stay whole: the gap goes between them only
                if tc:
                    text.setCharSpace(0)
                    tc = 0.0
                for k in range(i, j):
                    t = line[k]
                    if x != origin:
                        text.moveCursor(x - origin, 0)
                        origin = x
                    text.textOut(t.text)
                    x += t.width + (gap if stretch is None or stretch[k] else 0.0)
            i = j
        self.canv.drawText(text)


def english_stretch(line: list[Token]) -> list[bool] | None:
    """Where a justified line with English in it (a token in a Latin face) stretches: after each
    space, and between two CJK characters, as a Chinese line does; not inside or around an
    English word. None for a line without English: it stretches after every token."""
    if not any(t.font in PDF_FACE_NAMES for t in line):
        return None
    return [t.space or (t.font not in PDF_FACE_NAMES and k + 1 < len(line) and line[k + 1].font not in PDF_FACE_NAMES)
            for k, t in enumerate(line)]


def plain_width(text: str, font: str, size: float) -> float:
    return sum(char_width(font, c) for c in text) * size
