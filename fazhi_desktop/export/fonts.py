"""Chinese TrueType faces by role, registered with reportlab so every font in a PDF is embedded.

A 公文 uses four faces: 小标宋 for the title, 仿宋 for the body, 黑体 for level-1 headings and 楷体
for level-2 (GB/T 9704-2012). Each role has its candidates: a bundled file first (frozen builds
carry resources/fonts/), then Windows' SimSun/FangSong/SimHei/KaiTi, then Debian's free faces
(AR PL UMing 宋/明, AR PL UKai 楷, WenQuanYi 黑). reportlab embeds TrueType outlines only, so a
face is used only when its file holds ``glyf`` outlines (not CFF) and Chinese glyphs.

A role without a face of its own borrows another role's face, and :attr:`PdfFonts.notes` says so
in words for the export dialog and the command line: never silently. With no TrueType face at all
the PDF falls back to the STSong-Light CID font, which is NOT embedded (:attr:`PdfFonts.warning`).
"""
from __future__ import annotations

import logging
import os
import struct
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..resources import resource_path

log = logging.getLogger(__name__)

FALLBACK_CID = "STSong-Light"
ROLES = ("title", "fang", "hei", "kai", "song")
ROLE_LABELS = {"title": "标题（小标宋）", "fang": "正文（仿宋）", "hei": "一级标题（黑体）",
               "kai": "二级标题（楷体）", "song": "页码与版记（宋体）"}
FACE_LABELS = {"title": "小标宋", "fang": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}

# Per role, (file name, subfont index of a .ttc), best first. A bare name is looked up in the
# bundle, the Windows font folders and (for Windows faces copied to Linux) the usual font folders.
WINDOWS = {
    "title": [("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXiaoBiaoSong-B05S.ttf", 0)],
    "fang": [("simfang.ttf", 0)],
    "hei": [("simhei.ttf", 0), ("msyh.ttc", 0)],
    "kai": [("simkai.ttf", 0)],
    "song": [("simsun.ttc", 0)],
}
LINUX = {  # Debian: fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-microhei / -zenhei
    "title": [],
    "fang": [],  # no free 仿宋 with simplified glyphs ships with Debian (cwTeX's is traditional only)
    "hei": [("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0), ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
            ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
            ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
            ("/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf", 0)],
    "kai": [("/usr/share/fonts/truetype/arphic/ukai.ttc", 0), ("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", 0)],
    "song": [("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
             ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0)],
}
MAC = {"hei": [("/System/Library/Fonts/STHeiti Light.ttc", 0), ("/Library/Fonts/Arial Unicode.ttf", 0),
               ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0)]}
# Who stands in for a missing role, in order: a 宋 title, a 宋 body, then whatever there is.
BORROW = {"title": ("song", "fang", "hei", "kai"), "fang": ("song", "kai", "hei"), "kai": ("fang", "song", "hei"),
          "hei": ("song", "fang", "kai"), "song": ("fang", "kai", "hei")}


def is_truetype(path: Path, index: int = 0) -> bool:
    """True when the (sub)font has TrueType outlines: a ``glyf`` table and no ``CFF ``."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            offset = 0
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if index >= count:
                    return False
                fh.seek(12 + 4 * index)
                offset = struct.unpack(">I", fh.read(4))[0]
                fh.seek(offset)
                head = fh.read(12)
            if head[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return False  # 'OTTO': CFF outlines, which reportlab cannot embed
            tables = struct.unpack(">H", head[4:6])[0]
            tags = {fh.read(16)[:4] for _ in range(tables)}
    except (OSError, struct.error):
        return False
    return b"glyf" in tags and b"CFF " not in tags


def _font_dirs() -> list[Path]:
    if sys.platform.startswith("win"):
        return [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
                Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"]
    home = Path.home()
    return [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


@lru_cache(maxsize=1)
def _installed_by_name() -> dict[str, Path]:
    """Lower-case file name → path, for Windows faces a user copied onto Linux (one walk a process)."""
    found: dict[str, Path] = {}
    if sys.platform.startswith("win"):
        return found
    for folder in _font_dirs():
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def candidates(role: str) -> list[tuple[Path, int]]:
    """Files to try for ``role``, bundled ones first."""
    out: list[tuple[Path, int]] = []
    bundled = resource_path("fonts")
    win, linux = WINDOWS.get(role, []), LINUX.get(role, [])
    for name, idx in [*win, *linux]:
        out.append((bundled / Path(name).name, idx))
    if sys.platform.startswith("win"):
        out += [(folder / name, idx) for name, idx in win for folder in _font_dirs()]
    else:
        installed = _installed_by_name()
        out += [(installed[name.lower()], idx) for name, idx in win if name.lower() in installed]
        out += [(Path(p), idx) for p, idx in (MAC.get(role, []) if sys.platform == "darwin" else linux)]
    return out


@dataclass(frozen=True)
class Face:
    name: str  # the reportlab font name
    path: Path
    index: int


@dataclass(frozen=True)
class PdfFonts:
    roles: dict[str, str]  # role → reportlab font name
    faces: dict[str, Face | None] = field(default_factory=dict)  # role → its own face, None when borrowed
    notes: tuple[str, ...] = ()
    embedded: bool = True

    @property
    def name(self) -> str:
        """The body face (kept for callers that want one font)."""
        return self.roles["fang"]

    def role(self, role: str) -> str:
        return self.roles.get(role, self.roles["fang"])

    @property
    def warning(self) -> str | None:
        if self.embedded:
            return None
        return ("未找到可嵌入的中文 TrueType 字体（如宋体、黑体、文泉驿微米黑），导出的 PDF 使用未嵌入的"
                "“STSong-Light”字体：在没有该字体的电脑上可能显示不正常。请安装中文字体后重新导出。")


class _GlyfSlices:
    """The 'glyf' table as slices of the font file without copying the table: reportlab's
    subsetter asks for the whole table (16 MB in AR PL UMing) once per subset, per document,
    and only ever slices single glyphs out of it. Each slice is returned as bytes."""

    __slots__ = ("_view",)

    def __init__(self, data: bytes, pos: int, length: int) -> None:
        self._view = memoryview(data)[pos:pos + length]

    def __getitem__(self, key):
        return self._view[key].tobytes()

    def __len__(self) -> int:
        return len(self._view)


def _slice_glyf(face) -> None:
    """Let ``face.get_table('glyf')`` answer :class:`_GlyfSlices` (saves ~8 ms a subset: a
    letter embeds two). Left alone if reportlab's internals are not as expected."""
    original = getattr(face, "get_table", None)
    if original is None or not hasattr(face, "get_table_pos") or not isinstance(getattr(face, "_ttf_data", None), bytes):
        return

    def get_table(tag: str):
        if tag == "glyf":
            pos, length = face.get_table_pos(tag)
            return _GlyfSlices(face._ttf_data, pos, length)
        return original(tag)

    face.get_table = get_table


def _register(path: Path, index: int) -> str | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"FZ-{path.stem}-{index}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if not is_truetype(path, index):
        log.info("font %s[%d] skipped: not TrueType outlines", path, index)
        return None
    try:
        # asciiReadable=False: all 256 codes of a subset hold any glyph, so a letter needs fewer
        # subsets (each costs a copy of the font's glyph table when the PDF is saved)
        font = TTFont(name, str(path), subfontIndex=index, asciiReadable=False)
        if font.face.charToGlyph.get(ord("评")) is None:  # a TrueType font without Chinese glyphs
            return None
        _slice_glyf(font.face)
        pdfmetrics.registerFont(font)
    except (TTFError, OSError, ValueError, KeyError, struct.error) as exc:
        log.info("font %s unusable: %s", path, exc)
        return None
    return name


def _first(role: str, tried: dict[tuple[Path, int], str | None]) -> Face | None:
    for path, index in candidates(role):
        key = (path, index)
        if key not in tried:
            tried[key] = _register(path, index) if path.is_file() else None
        if tried[key]:
            return Face(tried[key], path, index)
    return None


@lru_cache(maxsize=1)
def pdf_fonts() -> PdfFonts:
    """Register (once per process) a face for each role and say where one was borrowed."""
    tried: dict[tuple[Path, int], str | None] = {}
    own = {role: _first(role, tried) for role in ROLES}
    if not any(own.values()):
        return cid_fallback()
    roles: dict[str, str] = {}
    notes: list[str] = []
    for role in ROLES:
        face = own[role]
        if face is None:
            lender = next(r for r in BORROW[role] if own[r] is not None)
            face = own[lender]
            notes.append(f"本机没有可嵌入的{FACE_LABELS[role]}字体，PDF 的{ROLE_LABELS[role]}改用"
                             f"{FACE_LABELS[lender]}（{face.path.name}）。")
        roles[role] = face.name
    return PdfFonts(roles, own, tuple(notes), True)


def cid_fallback() -> PdfFonts:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    log.warning("no embeddable CJK TrueType font found; using %s (not embedded)", FALLBACK_CID)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    return PdfFonts({role: FALLBACK_CID for role in ROLES}, {role: None for role in ROLES}, (), False)

