"""Latin faces for documents not in Chinese (the English minutes): English words, digits and
punctuation in a Latin face, the Chinese data (names, titles, criteria) in the CJK faces.

A Chinese face's Latin glyphs are monospaced or crude: not what an office sends a foreign
delegation. The PDF uses reportlab's standard Times faces: every PDF reader has them (the
standard 14 fonts), reportlab knows their metrics exactly (so lines break alike on every
machine), and there is no file to ship or licence to carry. Their metrics are Times New Roman's,
which the DOCX names, so Word sets the same widths. Standard faces are not embedded, unlike the
CJK faces: no reader lacks Times, while few foreign readers have a Chinese face.

Each role maps to a weight as the Chinese face reads: 小标宋 and 黑体 (title, headings, labels,
table heads) bold, 楷体 (level-2 headings, subtitle) italic, 仿宋 and 宋体 roman.

Which characters are Latin: those the standard faces' WinAnsi encoding holds (ASCII, Latin-1,
curly quotes, dashes, ×, ÷). Everything else (Chinese, 、，（） and the like) stays in the CJK
face. A Chinese document never calls this module: it stays as it was, byte for byte.

A number stays with its unit or what it counts ("7 min", "60 points", "11 units") and a day with
its month ("27 October"): the space between them does not break a line (:func:`bound_spaces`;
the PDF's line breaker keeps them one word, the DOCX writes a no-break space).
"""
from __future__ import annotations

import re
from functools import lru_cache

PDF_FACES = {"title": "Times-Bold", "fang": "Times-Roman", "hei": "Times-Bold", "kai": "Times-Italic",
             "song": "Times-Roman"}
PDF_FACE_NAMES = frozenset(PDF_FACES.values())
DOCX_FACE = "Times New Roman"
DOCX_EMPHASIS = {"title": "<w:b/>", "hei": "<w:b/>", "kai": "<w:i/>"}  # a run property per role


@lru_cache(maxsize=1)
def _winansi() -> frozenset[str]:
    chars = set()
    for code in range(0x20, 0x100):
        try:
            chars.add(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: not in WinAnsi
            continue
    chars.discard("\x7f")
    return frozenset(chars | {"\t"})


UNITS = ("min", "s", "h", "points", "point", "pts", "units", "unit", "experts", "expert", "entries", "entry",
         "items", "item", "January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December")
# a space after a number (digits, a decimal point or comma between them) and before a unit word
_BOUND = re.compile(r"(?<=\d) (?=(?:" + "|".join(UNITS) + r")\b)")
NO_BREAK_SPACE = "\u00a0"


def bound_spaces(text: str) -> set[int]:
    """Where in ``text`` a space binds a number to its unit (7 min, 60 points, 27 October)."""
    return {m.start() for m in _BOUND.finditer(text)}


def keep_units(text: str) -> str:
    """``text`` with a no-break space where a number meets its unit (:func:`bound_spaces`)."""
    return _BOUND.sub(NO_BREAK_SPACE, text)


def is_latin(ch: str) -> bool:
    return ch in _winansi()


def split(text: str) -> list[tuple[str, bool]]:
    """``text`` as runs of (piece, latin), in order; a line break stays in the run it is in."""
    out: list[tuple[str, bool]] = []
    latin_set = _winansi()
    start, kind = 0, None
    for i, ch in enumerate(text):
        if ch == "\n":
            continue
        k = ch in latin_set
        if kind is None:
            kind = k
        elif k != kind:
            out.append((text[start:i], kind))
            start, kind = i, k
    if text:
        out.append((text[start:], bool(kind) if kind is not None else True))
    return out
