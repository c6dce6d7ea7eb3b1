"""File names for exported documents: safe on Windows, macOS and Linux, unique within one export,
and short enough for every file system (255 bytes a name; Windows paths are happier short).

Units named ``办/局`` and ``办:局`` both read ``办_局`` once made safe, so a name that collides
with an earlier one (compared as Windows compares: case-insensitively) gets a short hash of the
original name; a very long name is cut and gets the same hash, so two long names that share
their beginning still differ.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Iterable

UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
SPACES = re.compile(r"\s+")
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
MAX_STEM_BYTES = 120  # UTF-8 bytes for the unit part: 40 Chinese characters


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def safe_name(name: str, fallback: str = "未命名") -> str:
    """A name usable as (part of) a file name on Windows too."""
    text = unicodedata.normalize("NFC", name)
    text = SPACES.sub("_", UNSAFE.sub("_", text)).strip("._ ") or fallback
    if text.split(".")[0].upper() in RESERVED:
        text = f"_{text}"
    return text


def shorten(text: str, limit: int = MAX_STEM_BYTES, tag: str = "") -> str:
    """At most ``limit`` UTF-8 bytes; when cut, ends with '…' and ``tag``."""
    if len(text.encode("utf-8")) <= limit:
        return text
    suffix = f"…{tag}"
    room = limit - len(suffix.encode("utf-8"))
    out = ""
    for ch in text:
        if len((out + ch).encode("utf-8")) > room:
            break
        out += ch
    return out.rstrip("._ ") + suffix


def unique_stems(names: Iterable[str]) -> dict[str, str]:
    """Original name → a safe, short stem that no other name in ``names`` shares."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        safe = safe_name(name)
        stem = shorten(safe, tag=short_hash(name))
        if stem.casefold() in taken:
            stem = shorten(safe, MAX_STEM_BYTES - 8) + f"_{short_hash(name)}"
        n = 2
        while stem.casefold() in taken:  # a hash collision as well: practically never
            stem = f"{stem}_{n}"
            n += 1
        taken.add(stem.casefold())
        out[name] = stem
    return out


def feedback_file_name(unit: str, stems: dict[str, str] | None = None) -> str:
    stem = (stems or {}).get(unit) or shorten(safe_name(unit), tag=short_hash(unit))
    return f"评议意见书_{stem}.pdf"
