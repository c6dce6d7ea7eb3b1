"""One loader for bundled resources (templates, translations, fonts, icons).

Works from a source checkout and inside a PyInstaller bundle (``sys._MEIPASS``).
"""
from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
