"""A number stays with its unit in the Chinese PDF (汇报用时7分52秒, 2021年2月28日, 第3名, 72.60分):
no line ends with the number and the next begins with its unit, unless the piece alone is wider
than the line; then it breaks between its parts and never overflows. Justification adds no gap
inside such a piece."""
from __future__ import annotations

import io
import re

import pytest
from reportlab.pdfbase import pdfmetrics

from fazhi_desktop.export import layout as L
from fazhi_desktop.export import pdf_text
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.minutes import minutes_document
from fazhi_desktop.export.pdf_render import Renderer, write_pdf

STATUS = ("汇报人：城口县人民政府主要负责人（县长），汇报用时7分52秒，问答用时4分44秒。"
          "综合得分84.30分，在11个单位中排名第3名，等次为“良好”。")
CELL = "限2021年2月28日前完成，汇报用时7分52秒，排名第3名，得分72.60分。"
UNIT_START = "年月日时分秒个项名位次条页%％"


def texts(lines) -> list[str]:
    return ["".join(t.text for t in line) for line in lines]


def splits(lines: list[str]) -> list[tuple[str, str]]:
    """(line end, next line start) wherever a number ends a line and its unit starts the next,
    or 第 ends a line and its number starts the next."""
    return [(a[-8:], b[:8]) for a, b in zip(lines, lines[1:]) if a and b and (
        re.search(r"\d$", a) and b[0] in UNIT_START or a.endswith("第") and b[0].isdigit())]


def ink(line) -> float:
    """A line's width to the end of its ink: a final ，。、；：） is drawn in its left half, and may
    overrun the line by its blank right half (set in half its width, rather than take a number and
    its unit to the next line)."""
    blank = line[-1].width / 2 if line and line[-1].text in pdf_text.HALF_BLANK else 0.0
    return sum(t.width for t in line) - blank


def body(text: str, width: float | None = None) -> tuple[pdf_text.CJKParagraph, float]:
    r = Renderer(L.Document(L.GONGWEN, [], title="t"))
    p = r.para(L.Para(text))
    p.wrap(width or r.width, 10_000)
    return p, width or r.width


def cell_lines(text: str, width: float) -> list[list]:
    r = Renderer(L.Document(L.GONGWEN, [], title="t"))
    p = r.cell(text, "cell", "left")
    p.wrap(width, 10_000)
    return p._lines


def test_a_unit_status_line_keeps_report_and_question_times_whole():
    """The demo's status line broke 汇报用时7 / 分52秒 at the 公文 line width."""
    p, _w = body(STATUS)
    lines = texts(p._lines)
    assert splits(lines) == []
    assert any("7分52秒" in line for line in lines) and any("4分44秒" in line for line in lines)
    assert "".join(lines) == STATUS


def test_a_table_cell_keeps_the_date_whole_at_every_width_it_fits():
    """2021年2月28日 (78 pt in the 12 pt cell face) is one piece: at every cell width that holds it
    no line breaks inside it or any other number and unit, no line's ink is wider than the cell,
    and the text is the text given."""
    for width in range(80, 300, 2):
        lines = texts(cell_lines(CELL, width))
        assert splits(lines) == [], width
        assert any("2021年2月28日" in line for line in lines), (width, lines)
        assert "".join(lines) == CELL
        assert all(ink(line) <= width + 0.01 for line in cell_lines(CELL, width)), width


def test_a_piece_wider_than_its_cell_breaks_between_its_parts_without_overflowing():
    """The demo's deadline cell was 60 pt: 2021年2月28日 breaks after 月 (between its parts, not
    inside 28日); narrower still, between its tokens; 7分52秒 followed by a comma that does not fit
    breaks after 分 rather than setting the comma past the cell's edge."""
    assert texts(cell_lines("2021年2月28日", 60)) == ["2021年2月", "28日"]
    for width in (60, 45, 30):  # 30 pt holds 72.60, a number that no width breaks
        lines = cell_lines("完成期限2021年2月28日，汇报用时7分52秒，得分72.60分。", width)
        assert "".join(texts(lines)) == "完成期限2021年2月28日，汇报用时7分52秒，得分72.60分。"
        assert all(ink(line) <= width + 0.01 for line in lines), (width, texts(lines))
    assert texts(cell_lines("用时7分52秒，", 50)) == ["用时", "7分52秒，"]  # the comma's ink fits: 42 + 6 pt
    assert texts(cell_lines("用时7分52秒，", 44)) == ["用时", "7分", "52秒，"]  # it does not


def test_a_number_keeps_its_unit_across_a_typed_space():
    p, _w = body("答：县委常委会会前学法 6 次，政府常务会学法 8 次，排名第 3 名。")
    for width in range(120, 420, 4):
        p.wrap(width, 10_000)
        lines = texts(p._lines)
        assert not [(a, b) for a, b in zip(lines, lines[1:]) if re.search(r"\d ?$", a) and b.lstrip()[:1] in "次名"]
        assert not [(a, b) for a, b in zip(lines, lines[1:]) if re.search(r"第 ?$", a)], width


class _Text:
    """Stands in for reportlab's text object: where each character is drawn."""

    def __init__(self, chars: list, x: float) -> None:
        self.chars, self.origin, self.x, self.tc, self.font, self.size = chars, x, x, 0.0, "", 0.0

    def setFont(self, font, size):
        self.font, self.size = font, size

    def setCharSpace(self, tc):
        self.tc = tc

    def setTextRenderMode(self, mode):
        pass

    def moveCursor(self, dx, dy):
        self.origin += dx
        self.x = self.origin

    def textOut(self, s):
        for ch in s:
            self.chars.append((ch, self.x))
            self.x += pdfmetrics.stringWidth(ch, self.font, self.size) + self.tc


class _Canvas:
    def __init__(self) -> None:
        self.lines: list[list[tuple[str, float]]] = []

    def beginText(self, x, y):
        self.lines.append([])
        return _Text(self.lines[-1], x)

    def drawText(self, text):
        pass


def test_justification_adds_no_gap_inside_a_number_and_its_unit():
    """A justified line spreads its spare room between characters, but 7分52秒 and 84.30分 keep
    their natural spacing (the grid's pitch, no gap): they read as one item."""
    p, _w = body(STATUS)
    p.canv = _Canvas()
    p.draw()
    n = next(i for i, toks in enumerate(p._lines) if "7分52秒" in "".join(t.text for t in toks))
    toks, drawn = p._lines[n], p.canv.lines[n]
    assert n < len(p._lines) - 1  # a justified line, not the last
    xs, pos = [], 0
    for t in toks:  # where each token is drawn: the x of its first character
        xs.append(drawn[pos][1])
        pos += len(t.text)
    steps = [b - a - t.width for a, b, t in zip(xs, xs[1:], toks)]  # the gap after each token
    inside = [s for s, t in zip(steps, toks) if t.bind]
    outside = [s for s, t in zip(steps, toks) if not t.bind]
    assert inside and all(abs(s) < 0.01 for s in inside), inside
    assert max(outside) > 0.1  # the line is spread, between the other characters


@pytest.fixture(scope="module")
def minutes_doc(_db_templates, tmp_path_factory) -> L.Document:
    """The demo's Chinese minutes (the finished 2020 review) as a layout document."""
    import shutil

    from fazhi_desktop.db import open_db

    path = tmp_path_factory.mktemp("breaks") / "demo.db"
    shutil.copyfile(_db_templates[1], path)
    db = open_db(path)
    try:
        return minutes_document(load_export_data(db, 1))
    finally:
        db.conn.close()


@pytest.fixture(scope="module")
def demo_breaks(minutes_doc):
    """Every line the breaker made for the demo's Chinese minutes (paragraphs and table cells)."""
    made: list[tuple[float, list[str]]] = []
    original = pdf_text.break_lines

    def recording(toks, first_width, width):
        lines = original(toks, first_width, width)
        made.append((width, texts(lines)))
        return lines

    pdf_text.break_lines = recording
    try:
        write_pdf(minutes_doc, io.BytesIO())
    finally:
        pdf_text.break_lines = original
    return made


def test_the_demo_minutes_never_split_a_number_from_its_unit(demo_breaks):
    """Seven unit status lines (汇报用时7 / 分50秒 …) and 等次划分 (不足90 / 分) once did. (The
    rectification table's deadline cells are narrower than a date: they break between its parts.)"""
    assert len(demo_breaks) > 100
    found = [(width, pair) for width, lines in demo_breaks for pair in splits(lines)]
    assert found == []


def test_no_line_starts_with_a_closing_mark_at_any_width():
    """（县长）， : the comma took only the ） before it along, so a line could start with ）."""
    p, _w = body(STATUS)
    for width in range(200, 443, 3):
        p.wrap(width, 10_000)
        lines = texts(p._lines)
        assert not [line for line in lines[1:] if line[0] in pdf_text.NO_LINE_START], width
        assert splits(lines) == [] and "".join(lines) == STATUS, width
