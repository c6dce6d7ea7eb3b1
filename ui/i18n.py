"""Translation helpers for the window.

Qt's extractor (pyside6-lupdate) only sees string literals passed to ``tr``/``translate``/
``QT_TRANSLATE_NOOP``, so every text a user reads is written as a literal at one of those calls;
a text chosen at run time (a status, a page title) is marked where it is defined with
``QT_TRANSLATE_NOOP(context, text)`` and shown with ``label(context, text)``.

``arg`` fills the numbered places of a translated text, as Qt's ``QString::arg`` does in C++
(a translation may reorder ``%1`` and ``%2``): ``arg(self.tr("共 %1 场"), n)``. It replaces all
places in one pass, so a value that itself contains "%2" is never substituted again.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fazhi_desktop.i18n import arg

__all__ = ["app_name", "arg", "label", "translate"]


def translate(context: str, text: str) -> str:
    """``text`` in the UI's language; outside a QObject method write both as literals at the call,
    ``translate("Context", "文字")``, so lupdate files the text under the context asked for here."""
    return QCoreApplication.translate(context, text)


def label(context: str, text: str) -> str:
    """A text marked elsewhere with ``QT_TRANSLATE_NOOP(context, text)``, in the UI's language."""
    return QCoreApplication.translate(context, text)


def app_name() -> str:
    """The program's name as the window shows it (法治评议; "Fazhi Review" in English)."""
    return translate("app", "法治评议")
