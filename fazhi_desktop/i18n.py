"""Marks texts the window translates, without importing Qt (the core stays Qt-free).

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; pyside6-lupdate finds the call by
its name and files ``text`` under ``context`` in the .ts, and the window shows it with
``ui.i18n.label(context, text)``. The core itself (command line, documents) uses the Chinese text.
"""
from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d{1,2})")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def arg(text: str, *values: object) -> str:
    """``text`` with %1, %2, … replaced by ``values`` (str() of each) in one pass, as Qt's
    ``QString::arg`` does (a translation may reorder the places; a value containing "%2" is not
    substituted again); unknown places stay."""
    def fill(m: re.Match) -> str:
        i = int(m.group(1))
        return str(values[i - 1]) if 1 <= i <= len(values) else m.group(0)
    return _PLACE.sub(fill, text)
