"""English set as English in the PDF (the English minutes): Latin pieces in Times, lines broken at
spaces only, widths measured in the face drawn; Chinese text set as it always was."""
from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics

from fazhi_desktop.export import layout as L
from fazhi_desktop.export.fonts import pdf_fonts
from fazhi_desktop.export.latin import keep_units, split
from fazhi_desktop.export.pdf_render import Renderer
from fazhi_desktop.export.pdf_text import CJKParagraph, english_stretch, tokens

TEXT = ("An expert's score for a unit is the sum of that expert's item scores. With at least 5 valid "
        "scores, the highest and the lowest are dropped and the arithmetic mean of the rest is the panel score.")


def lines_of(runs, width: float, size: float = 16) -> list[list]:
    p = CJKParagraph(runs, size=size, leading=size * 1.8, align="justify", spare=pdf_fonts().role("hei"))
    p.wrap(width, 10_000)
    return p._lines


def test_latin_and_chinese_pieces():
    assert split("On 27 October 2020, 中共重庆市委“七五”普法") == [
        ("On 27 October 2020, ", True), ("中共重庆市委", False), ("“", True), ("七五", False), ("”", True),
        ("普法", False)]
    assert split("时间：\n27 October") == [("时间：\n", False), ("27 October", True)]
    assert split("") == []


def test_english_lines_break_at_spaces_and_neither_start_nor_end_with_one():
    lines = lines_of([(TEXT, "Times-Roman")], 300)
    assert len(lines) > 3
    for line in lines:
        assert not line[0].space and not line[-1].space
        assert sum(t.width for t in line) <= 300 + 0.01
    words = [t.text for line in lines for t in line if not t.space]
    assert words == TEXT.split(" ")  # "expert's" and "scores." whole, every word once


def test_a_word_wider_than_a_narrow_cell_is_cut_to_stay_inside_it():
    lines = lines_of([("Rectification", "Times-Bold")], 40, size=12)
    assert len(lines) > 1 and "".join(t.text for line in lines for t in line) == "Rectification"
    assert all(sum(t.width for t in line) <= 40.01 for line in lines)


def test_a_mixed_line_stretches_at_spaces_and_between_chinese_characters_not_inside_words():
    cjk = pdf_fonts().role("fang")
    toks = tokens([("panel chair ", "Times-Roman"), ("李文华", cjk), ("; panel", "Times-Roman")], 16, cjk, 0)
    assert [t.text for t in toks] == ["panel", " ", "chair", " ", "李", "文", "华", ";", " ", "panel"]
    assert english_stretch(toks) == [False, True, False, True, True, True, False, False, True, False]
    chinese = tokens([("李文华 100分", cjk)], 16, cjk, 0)
    assert english_stretch(chinese) is None  # a Chinese line stretches after every token, as before


def test_widths_are_measured_in_the_face_drawn():
    doc = L.Document(L.GONGWEN, [], title="t", lang="en_US")
    en, zh = Renderer(doc), Renderer(L.Document(L.GONGWEN, [], title="t"))
    text = "Composite score 开州区"
    hei = pdf_fonts().role("hei")
    assert en.runs(text, "hei") == [("Composite score ", "Times-Bold"), ("开州区", hei)]
    assert en.measure(text, "hei", 12) == (
        pdfmetrics.stringWidth("Composite score ", "Times-Bold", 12) + pdfmetrics.stringWidth("开州区", hei, 12))
    assert zh.runs(text, "hei") == [(text, hei)]
    assert zh.measure(text, "hei", 12) == pdfmetrics.stringWidth(text, hei, 12)


TIMES = ("Report time 7 min 34 s, question time 5 min 25 s. Composite score 72.60, ranked 11 of 11 units, "
         "grade 合格 (60 points and above, below 80), on 27 October 2020.")
UNIT = re.compile(r"(min|s|units|points|October)\b")


def test_a_number_stays_with_its_unit_at_every_line_width():
    """"7 min", "60 points", "27 October": never a number at a line's end and its unit at the next
    line's start, whatever the width; the text drawn is the text given."""
    cjk = pdf_fonts().role("fang")
    runs = [(piece, "Times-Roman" if is_latin else cjk) for piece, is_latin in split(TIMES)]
    for width in range(100, 420, 3):
        lines = lines_of(runs, width)
        for a, b in zip(lines, lines[1:]):
            assert not (re.fullmatch(r"[\d.,]+", a[-1].text) and UNIT.match(b[0].text)), (width, a[-1].text, b[0].text)
        words = [t.text for line in lines for t in line if not t.space]
        assert "7 min" in words and "27 October" in words and "(60 points" in words
        assert "".join(t.text for line in lines for t in line).replace(" ", "") == TIMES.replace(" ", "")
    assert keep_units("7 min 34 s, 5 valid scores, Page 4 of 19") == "7\u00a0min 34\u00a0s, 5 valid scores, Page 4 of 19"
