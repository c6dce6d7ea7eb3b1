"""Characters that have no place in a name, and strict numbers: one rule for file imports,
packages and typed input.

A vertical tab from a Word line break, a zero-width space pasted from a web page or a right-to-left
override look like nothing on screen, then break exports (XLSX refuses control characters) or make
two names that look the same differ. Names refuse them, naming the character and its position.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Cc control, Cf format (zero-width, BOM, bidi controls), Zl/Zp line and paragraph separators,
# Co private use, Cs surrogates, Cn unassigned
_BAD_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}
_ALLOWED_IN_TEXT = {"\n", "\t", "\r"}  # long text (a summary, an answer) may have lines and tabs
# ASCII or full-width digits, one optional decimal point (ASCII, full-width or the ideographic full stop
# used as one), nothing else: no signs, exponents, underscores, grouping or other scripts' digits
# a minus sign is read (so "-1" is refused as out of range, with the range said)
_NUMBER = re.compile(r"^[-\uff0d]?[0-9\uff10-\uff19]+(?:[.\uff0e][0-9\uff10-\uff19]+)?$")
_FULL_WIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"\uff0e": ".", "\uff0d": "-"})


def char_name(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    try:
        return f"{code} {unicodedata.name(ch)}"
    except ValueError:
        return code


def bad_char(text: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """(1-based position, description) of the first character a name or text must not hold."""
    for index, ch in enumerate(text, start=1):
        if multiline and ch in _ALLOWED_IN_TEXT:
            continue
        if unicodedata.category(ch) in _BAD_CATEGORIES:
            return index, char_name(ch)
    return None


def name_problem(text: object, *, label: str, max_len: int = 200, required: bool = True,
                 multiline: bool = False) -> str | None:
    """Why ``text`` is not an acceptable name or text field (in Chinese), or None."""
    if not isinstance(text, str):
        return f"{label}应是文字"
    if required and not text.strip():
        return f"{label}为空"
    if len(text) > max_len:
        return f"{label}过长（{len(text)} 个字，最多 {max_len} 个）"
    bad = bad_char(text, multiline=multiline)
    if bad:
        return f"{label}含有不可见或控制字符（第 {bad[0]} 个字符 {bad[1]}）"
    return None


def strip_report(text: str) -> tuple[str, bool]:
    """The text trimmed of spaces (full-width too) and of invisible characters at its ends, and
    whether anything other than ordinary spaces was trimmed (the caller says so)."""
    trimmed = text.strip()
    edge = trimmed
    while edge and (unicodedata.category(edge[0]) in _BAD_CATEGORIES or edge[0].isspace()):
        edge = edge[1:]
    while edge and (unicodedata.category(edge[-1]) in _BAD_CATEGORIES or edge[-1].isspace()):
        edge = edge[:-1]
    return edge, edge != trimmed


def strict_number(text: str) -> Decimal | None:
    """A score as typed or read from a cell: ASCII or full-width digits with at most one decimal
    point (and a minus sign, refused later as out of range); anything else (exponents, ``1_0``,
    ``٨``, ``5，5``, ``+1``) is None."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    return Decimal(text.translate(_FULL_WIDTH))
