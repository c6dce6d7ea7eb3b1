"""Faces by role: only TrueType outlines are used (reportlab cannot embed CFF), and a role without
a face of its own borrows one with a note that says so."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

from fazhi_desktop.export import fonts as fonts_mod
from fazhi_desktop.export.fonts import is_truetype, pdf_fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def fresh_fonts():
    pdf_fonts.cache_clear()
    yield
    pdf_fonts.cache_clear()


def sfnt(tag: bytes, tables: list[bytes]) -> bytes:
    head = tag + struct.pack(">HHHH", len(tables), 0, 0, 0)
    return head + b"".join(t + b"\0" * 12 for t in tables)


def test_cff_and_otf_faces_are_refused(tmp_path):
    otf = tmp_path / "x.otf"
    otf.write_bytes(sfnt(b"OTTO", [b"CFF ", b"cmap"]))
    ttf = tmp_path / "x.ttf"
    ttf.write_bytes(sfnt(b"\x00\x01\x00\x00", [b"cmap", b"glyf", b"loca"]))
    junk = tmp_path / "x.ttc"
    junk.write_bytes(b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + sfnt(b"OTTO", [b"CFF "]))
    assert not is_truetype(otf) and is_truetype(ttf) and not is_truetype(junk)
    assert not is_truetype(tmp_path / "missing.ttf")


@pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei not installed")
def test_a_role_without_its_face_borrows_one_and_says_so(fresh_fonts, monkeypatch):
    monkeypatch.setattr(fonts_mod, "candidates", lambda role: [(WQY, 0)] if role == "hei" else [])
    fonts = pdf_fonts()
    assert fonts.embedded and len(set(fonts.roles.values())) == 1
    assert len(fonts.notes) == 4  # title, body, 楷 and 宋 all borrow the 黑体
    assert any("仿宋" in n and "正文" in n and "wqy-microhei.ttc" in n for n in fonts.notes)


def test_no_truetype_face_at_all_falls_back_with_a_warning(fresh_fonts, monkeypatch):
    monkeypatch.setattr(fonts_mod, "candidates", lambda role: [])
    fonts = pdf_fonts()
    assert not fonts.embedded and fonts.warning and "未找到可嵌入的中文" in fonts.warning
    assert set(fonts.roles.values()) == {"STSong-Light"}


def test_glyph_table_slices_make_the_same_subsets_as_reportlab_alone():
    """fonts._slice_glyf spares a copy of the whole glyph table per subset; the subset is the same."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFile

    fonts = pdf_fonts()
    if not fonts.embedded:
        pytest.skip("no TrueType face here")
    text = [ord(c) for c in "法治政府建设暨“七五”普法第二片区总结评议会纪要：72.60分，喆堃玥璟"]
    for role in ("fang", "hei", "kai"):
        face = pdfmetrics.getFont(fonts.role(role)).face
        ours = face.makeSubset(text)
        face.get_table = TTFontFile.get_table.__get__(face)  # reportlab's own, for the comparison
        try:
            assert face.makeSubset(text) == ours, role
        finally:
            fonts_mod._slice_glyf(face)
