"""One loader for bundled resources (templates, translations, fonts, icons).

Works from a source checkout and inside a PyInstaller bundle (``sys._MEIPASS``).
"""
from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """A PyInstaller bundle's resources, else the checkout's resources/ (source or editable
    install), else what ``pip install .`` put under <prefix>/share/fazhi-review (pyproject's
    data-files; a ``--user`` install puts it under the user base)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import site

    for base in (sys.prefix, site.getuserbase()):
        installed = Path(base) / "share" / "fazhi-review"
        if installed.is_dir():
            return installed
    return checkout  # nothing found: the callers say what is missing


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
