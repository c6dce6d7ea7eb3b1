"""Finding a TrueType CJK font for reportlab, so every font in the PDF is embedded.

reportlab embeds TrueType outlines only (not CFF/OTF), so the candidates are .ttf/.ttc files:
a bundled one first (frozen builds carry resources/fonts/), then the system's. When none is
found, the PDF still renders with the STSong-Light CID font, which is NOT embedded: callers
show :attr:`PdfFonts.warning` to the user.
"""
from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import resource_path

log = logging.getLogger(__name__)

REGULAR = "FZCJK"
FALLBACK_CID = "STSong-Light"

# (file name, subfont index for .ttc); in order of preference per platform.
WINDOWS_FONTS = [("simsun.ttc", 0), ("simhei.ttf", 0), ("msyh.ttc", 0), ("simkai.ttf", 0), ("simfang.ttf", 0)]
MAC_FONTS = [("/Library/Fonts/Arial Unicode.ttf", 0),
             ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
             ("/System/Library/Fonts/STHeiti Light.ttc", 0), ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0)]
LINUX_FONTS = [("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
               ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
               ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
               ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
               ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
               ("/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf", 0)]
BUNDLED_NAMES = ("wqy-microhei.ttc", "DroidSansFallbackFull.ttf", "NotoSansSC-Regular.ttf")


@dataclass(frozen=True)
class PdfFonts:
    name: str  # the reportlab font name to use for all text
    path: Path | None  # the TrueType file, or None for the CID fallback
    embedded: bool

    @property
    def warning(self) -> str | None:
        if self.embedded:
            return None
        return ("未找到可嵌入的中文 TrueType 字体（如宋体、黑体、文泉驿微米黑），导出的 PDF 使用未嵌入的"
                "“STSong-Light”字体：在没有该字体的电脑上可能显示不正常。请安装中文字体后重新导出。")


def candidate_fonts() -> list[tuple[Path, int]]:
    """Font files to try, bundled ones first."""
    found: list[tuple[Path, int]] = []
    bundled = resource_path("fonts")
    for name in BUNDLED_NAMES:
        found.append((bundled / name, 0))
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        found += [(folder / name, idx) for name, idx in WINDOWS_FONTS for folder in (windir, local)]
    elif sys.platform == "darwin":
        found += [(Path(p), idx) for p, idx in MAC_FONTS]
    else:
        found += [(Path(p), idx) for p, idx in LINUX_FONTS]
    return found


def _try_register(path: Path, index: int) -> bool:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont(REGULAR, str(path), subfontIndex=index) if path.suffix.lower() == ".ttc" \
            else TTFont(REGULAR, str(path))
        if font.face.charToGlyph.get(ord("评")) is None:  # a TrueType font without Chinese glyphs
            return False
        pdfmetrics.registerFont(font)
    except (TTFError, OSError, ValueError, KeyError) as exc:
        log.info("font %s unusable: %s", path, exc)
        return False
    return True


@lru_cache(maxsize=1)
def pdf_fonts() -> PdfFonts:
    """Register (once per process) the best Chinese font found and say which it is."""
    for path, index in candidate_fonts():
        if path.is_file() and _try_register(path, index):
            return PdfFonts(REGULAR, path, True)
    return cid_fallback()


def cid_fallback() -> PdfFonts:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    log.warning("no embeddable CJK TrueType font found; using %s (not embedded)", FALLBACK_CID)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    return PdfFonts(FALLBACK_CID, None, False)
