"""The language a document is written in: Chinese (the default, the official text) or English (the
minutes for a foreign delegation).

Every fixed text of a document is written in Chinese at its definition, marked
``QT_TRANSLATE_NOOP("Documents", "…")`` so that pyside6-lupdate files it in the .ts under the
context "Documents", and looked up here with :func:`tr_doc`. Chinese returns the text itself (the
official documents stay as they were, byte for byte); English reads the finished translations of
that context from ``resources/i18n/fazhi_en_US.ts`` (parsed once). The core imports no Qt, so the
.ts (not the compiled .qm) is what it reads: the wheel and the installer ship it for that reason.
A text without a translation stays Chinese, as Qt's own lookup does.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache

from ..i18n import arg
from ..resources import resource_path

CONTEXT = "Documents"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, "en_US")


def is_chinese(lang: str | None) -> bool:
    return not lang or lang == CHINESE


@lru_cache(maxsize=8)
def translations(lang: str, context: str = CONTEXT) -> dict[str, str]:
    """source → translation of ``context`` in ``fazhi_<lang>.ts`` (finished ones only)."""
    path = resource_path("i18n") / f"fazhi_{lang}.ts"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip():
                continue
            out[message.findtext("source") or ""] = t.text or ""
    return out


def tr_doc(lang: str | None, text: str, *values: object, context: str = CONTEXT) -> str:
    """``text`` in ``lang`` (Chinese: unchanged), with %1, %2, … filled by ``values``; ``context``
    for a label marked elsewhere (an audit action's "AuditAction")."""
    if not is_chinese(lang):
        text = translations(lang, context).get(text, text)
    return arg(text, *values) if values else text
