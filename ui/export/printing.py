"""Printing an exported document. This build has no QtPdf (PySide6-Essentials only), so the app
cannot render a PDF into a QPrinter itself: it hands the file to the system. On Windows the
file's "print" verb opens the PDF reader's print dialog; elsewhere the system viewer opens it
and its print command (Ctrl+P) does the rest."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_for_print(path: Path) -> bool:
    """Hand ``path`` to the system for printing; False when nothing could open it."""
    path = Path(path)
    if not path.is_file():
        return False
    if sys.platform.startswith("win"):
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]  # Windows only
            return True
        except OSError:
            pass  # no application registered to print PDFs: open it instead
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
