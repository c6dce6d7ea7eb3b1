"""Marks texts the window translates, without importing Qt (the core stays Qt-free).

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; pyside6-lupdate finds the call by
its name and files ``text`` under ``context`` in the .ts, and the window shows it with
``ui.i18n.label(context, text)``. The core itself (command line, documents) uses the Chinese text.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text
