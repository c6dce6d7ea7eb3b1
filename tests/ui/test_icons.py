"""Icons: drawn by qtawesome once, then loaded from the PNG cache without importing qtawesome
(which costs ~110 ms of every start and paints through a Python icon engine)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from PySide6.QtGui import QImage
from ui.icons import icon
img = icon("meeting", "#b71c1c").pixmap(32, 32).toImage().convertToFormat(QImage.Format.Format_ARGB32)
ink = sum(1 for x in range(32) for y in range(32) if img.pixelColor(x, y).alpha() > 128)
print(ink, "qtawesome" in sys.modules)
"""


def _run(cache: Path) -> tuple[int, bool]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAZHI_ICON_CACHE": str(cache)}
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    ink, imported = out.stdout.split()
    return int(ink), imported == "True"


def test_drawn_once_then_loaded_from_the_cache(tmp_path):
    cache = tmp_path / "icons"
    first_ink, first_imported = _run(cache)
    assert first_imported and first_ink > 50
    assert sorted(p.name for p in cache.iterdir()) == [f"meeting-b71c1c-{s}.png" for s in (16, 20, 24, 32, 48, 64)]
    second_ink, second_imported = _run(cache)
    assert not second_imported  # the second start never loads qtawesome
    assert abs(second_ink - first_ink) <= 2  # the same icon


def test_an_unwritable_cache_only_costs_the_drawing(tmp_path, monkeypatch, qapp):
    from ui import icons

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv(icons.CACHE_ENV, str(blocked / "icons"))
    icons.cache_dir.cache_clear()
    icons.icon.cache_clear()
    try:
        img = icons.icon("save").pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert any(img.pixelColor(x, y).alpha() > 128 for x in range(24) for y in range(24))
    finally:
        icons.cache_dir.cache_clear()
        icons.icon.cache_clear()
