"""A paragraph flowable for Chinese text: breaks lines by character with the usual rules
(no closing punctuation at a line start, no opening one at a line end, numbers and Latin words kept
whole, a number kept with its unit: see :func:`bind_numbers`), justifies by spreading the characters, sets CJK characters on a character grid where the
layout has one (公文: 28 a line), and mixes faces by run (a 黑体 label in a 仿宋 line).

A run in a Latin face (``latin.PDF_FACES``: the English minutes) is set as English is: it breaks
only at spaces (not the one between a number and its unit), a space that a line ends or starts with is
not drawn, and a justified line spreads at its spaces only.

It is much faster than reportlab's Paragraph (no markup parser, widths cached per face), which
matters: a meeting's documents hold thousands of paragraphs and table cells.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from .latin import PDF_FACE_NAMES, bound_spaces, is_latin

rl_config.useA85 = 0  # binary streams: smaller files, and ASCII85 in pure Python is slow

NO_LINE_START = set("，。、；：？！）》」』”’〕】…—％·,.;:?!)]}%")
NO_LINE_END = set("（《「『“‘〔【([{")
HALF_BLANK = set("，。、；：）》」』〕】")  # full-width marks drawn in their left half (GB/T 15834)
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
    __slots__ = ("text", "font", "width", "full", "space", "bind")

    def __init__(self, text: str, font: str, width: float, full: bool, space: bool = False) -> None:
        self.text, self.font, self.width, self.full = text, font, width, full
        self.space = space  # a space between words in a Latin face: where English lines break and stretch
        # no line break (nor justification gap) after this token: 2 inside a number and its unit
        # (7分, 第3名, 72.60分), 1 between such pairs (2021年2月28日, 7分52秒), which a piece wider
        # than the line gives up first
        self.bind = 0


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
        # a number or a Latin word stays whole
        for piece in _text_pieces(text, lambda t, i, j: t[i] in LATIN and t[j] in LATIN_TAIL):
            if piece == "\n":
                out.append(Token("\n", font, 0, False))
                continue
            f = font if all(covered(font, c) for c in piece) else spare
            table = widths if f == font else (_WIDTHS.get(f) or _WIDTHS.setdefault(f, {}))
            w = 0.0
            for c in piece:
                cw = table.get(c)
                if cw is None:
                    cw = table[c] = pdfmetrics.stringWidth(c, f, 1)
                w += cw
            w *= size
            full = len(piece) == 1 and w >= 0.9 * size
            out.append(Token(piece, f, w + (pitch_extra if full else 0), full))
    if any(c.isdigit() for text, _f in runs for c in text):
        bind_numbers(out)
    if len(_TOKENS) > 20000:
        _TOKENS.clear()
    _TOKENS[key] = out
    return out


# What a number counts or measures: the unit stays with the number (GB/T 15835 writes them
# together; a line that ends in "汇报用时7" and goes on "分52秒" reads badly). Words of two or more
# characters first; then single characters.
UNIT_WORDS = ("个百分点", "百分点", "分钟", "小时", "个月", "年度", "月份", "周岁", "万元", "亿元", "公里", "平方米")
UNIT_CHARS = frozenset("年月日时分秒个项名位次条页人家件份天周岁倍元万亿届期号处票轮批章节款%％")
DIGITS = frozenset("0123456789")
NUMBER_TAIL = LATIN_TAIL - set(" ")


def _unit_length(toks: list[Token], i: int) -> int:
    """How many tokens from ``toks[i]`` make a unit (0: none there), with a space before it
    ("学法 6 次": spaces typed around a number)."""
    if i < len(toks) and toks[i].text == " " and not toks[i].space:
        units = _unit_length(toks, i + 1)
        return units + 1 if units else 0
    for word in UNIT_WORDS:
        if "".join(t.text for t in toks[i:i + len(word)]) == word:
            return len(word)
    return 1 if i < len(toks) and toks[i].text in UNIT_CHARS else 0


def bind_numbers(toks: list[Token]) -> None:
    """Mark where a line may not break: between a number and its unit (7|分, 72.60|分, 11|个,
    2|月), after 第 before its number (第|3名), and, less firmly, between number-and-unit pairs
    that follow each other (2021年|2月|28日, 7分|52秒): :func:`break_lines` keeps each such
    piece on one line unless it is wider than the line."""
    n = len(toks)
    pair_end = -2  # the last token of the number-and-unit pair just before
    k = 0
    while k < n:
        t = toks[k]
        if not (t.text[:1] in DIGITS and all(c in NUMBER_TAIL for c in t.text)):
            k += 1
            continue
        start = k
        if k > 0 and toks[k - 1].text == "第":
            toks[k - 1].bind = 2
            start = k - 1
        elif k > 1 and toks[k - 1].text == " " and toks[k - 2].text == "第":  # 第 3 名
            toks[k - 2].bind = toks[k - 1].bind = 2
            start = k - 2
        units = _unit_length(toks, k + 1)
        for x in range(k, k + units):
            toks[x].bind = 2
        if units:
            if pair_end == start - 1:
                toks[pair_end].bind = 1
            pair_end = k + units
        k += units + 1


def _latin_tokens(text: str, font: str, size: float, spare: str, out: list[Token]) -> None:
    """English in a Latin face: each word (what stands between spaces) one token, each space one;
    a number and its unit ("7 min", "27 October") one word (latin.bound_spaces)."""
    bound = bound_spaces(text)
    for piece in _text_pieces(text, lambda t, i, j: t[i] not in WORD_BREAK and (t[j] not in WORD_BREAK or j in bound)):
        if piece == "\n":
            out.append(Token("\n", font, 0, False))
            continue
        f = font if all(covered(font, c) for c in piece) else spare
        out.append(Token(piece, f, sum(char_width(f, c) for c in piece) * size, False, space=piece[0] in " \t"))


def _text_pieces(text: str, joins) -> Iterator[str]:
    """``text`` cut into pieces: a line break alone; otherwise a piece runs from ``i`` while
    ``joins(text, i, j)`` says the character at ``j`` belongs to it."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if text[i] != "\n":
            while j < n and joins(text, i, j):
                j += 1
        yield text[i:j]
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


def _pieces(toks: list[Token], width: float) -> list[list[Token]]:
    """The tokens as the pieces a line does not break inside: one token, or a number with its
    unit (:func:`bind_numbers`). A piece wider than ``width`` (a narrow table cell) breaks between
    its number-and-unit pairs, and a pair wider still between its tokens, so no line overflows
    for it."""
    if not any(t.bind for t in toks):
        return [[t] for t in toks]
    out: list[list[Token]] = []
    i, n = 0, len(toks)
    while i < n:
        j = i + 1
        while j < n and toks[j - 1].bind:
            j += 1
        group = toks[i:j]
        if j - i == 1 or sum(t.width for t in group) <= width + 0.01:
            out.append(group)
        else:
            part: list[Token] = []
            for t in group:
                part.append(t)
                if t.bind != 2:
                    if sum(x.width for x in part) <= width + 0.01:
                        out.append(part)
                    else:
                        out += [[x] for x in part]
                    part = []
        i = j
    return out


def _tail_that_fits(piece: list[Token], room: float) -> tuple[list[Token], list[Token]] | None:
    """``piece`` cut in two so that the second part fits in ``room``: between its number-and-unit
    pairs if that will do (7分 | 52秒), else between tokens (72.60 | 分, as a piece wider than a line
    breaks); the longest second part that fits. None if not even the last token fits."""
    for firm in (1, 2):
        for i in range(1, len(piece)):
            if piece[i - 1].bind <= firm and sum(t.width for t in piece[i:]) <= room + 0.01:
                return piece[:i], piece[i:]
    return None


def break_lines(toks: list[Token], first_width: float, width: float) -> list[list[Token]]:
    if any(t.font in PDF_FACE_NAMES and t.width > min(first_width, width) + 0.01 for t in toks):
        toks = _cut_wide_words(toks, min(first_width, width))
    lines: list[list[list[Token]]] = [[]]  # each line as its pieces
    used = 0.0
    limit = first_width
    for piece in _pieces(toks, min(first_width, width)):
        tok = piece[0]
        if tok.text == "\n":
            lines.append([])
            used, limit = 0.0, width
            continue
        line = lines[-1]
        if tok.space and not line and len(lines) > 1:
            continue  # an English line does not start with a space
        w = tok.width if len(piece) == 1 else sum(t.width for t in piece)
        if used + w <= limit + 0.01 or not line:
            line.append(piece)
            used += w
            continue
        if tok.space:  # the space a line breaks at is not drawn
            lines.append([])
            used, limit = 0.0, width
            continue
        while len(line) > 1 and line[-1][0].space:  # nor one it ends with
            line.pop()
        carry: list[list[Token]] = []
        # Closing punctuation may not start a line: take the piece before it along (with the
        # closing marks before it: "），"). When that would leave the line empty or an opening mark
        # alone, or overfill the next line, take along the end of that piece (7分 | 52秒，), or,
        # when not even its last token fits, let the mark hang past the edge.
        # (by a token's first and last character: an English word token may be "),")
        if tok.text[:1] in NO_LINE_START:
            k = len(line) - 1
            while k > 0 and line[k][0].text[:1] in NO_LINE_START:
                k -= 1
            if len(line[k]) > 1 and tok.text in HALF_BLANK and used + w / 2 <= limit + 0.01:
                # rather than take a number and its unit along (and stretch this line by their
                # width), set the mark at the line's end in half its width: its right half is blank
                line.append(piece)
                used += w
                continue
            room = width - w - sum(t.width for p in line[k + 1:] for t in p)
            if k == 0 or line[k - 1][-1].text[-1:] in NO_LINE_END \
                    or sum(t.width for t in line[k]) > room + 0.01:
                cut = _tail_that_fits(line[k], room)
                if cut is None:
                    line.append(piece)
                    used += w
                    continue
                carry = [cut[1], *line[k + 1:]]
                line[k:] = [cut[0]]
            else:
                carry = line[k:]
                del line[k:]
        # Opening punctuation may not end a line.
        while len(line) > 1 and line[-1][-1].text[-1:] in NO_LINE_END:
            carry.insert(0, line.pop())
        lines.append([*carry, piece])
        used, limit = sum(t.width for p in lines[-1] for t in p), width
    return [[t for p in line for t in p] for line in lines]


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
            stretch = stretch_points(line)
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
        goes after every token, or where ``stretch`` says (:func:`stretch_points`)."""
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
                if stretch is not None and not stretch[j - 1]:
                    break  # Tc would put the gap after it: the run ends there
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


def stretch_points(line: list[Token]) -> list[bool] | None:
    """Where a justified line stretches: as :func:`english_stretch` says, but never inside a
    number and its unit (7分52秒, 2021年2月28日: :func:`bind_numbers`). None: after every token."""
    stretch = english_stretch(line)
    if not any(t.bind for t in line):
        return stretch
    if stretch is None:
        return [not t.bind and k + 1 < len(line) for k, t in enumerate(line)]
    return [s and not t.bind for s, t in zip(stretch, line)]


def plain_width(text: str, font: str, size: float) -> float:
    return sum(char_width(font, c) for c in text) * size
