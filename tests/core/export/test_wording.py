"""The wording an office expects: no spaces between numbers and Chinese, durations and grade bands
in words, weights as percentages with the formula, brackets that do not nest, titles broken by rule."""
from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi_desktop.export import layout as L
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.feedback import letter_blocks
from fazhi_desktop.export.minutes import minutes_document
from fazhi_desktop.export.papers import agenda_document, signin_document
from fazhi_desktop.export.sheets import sheets_document
from fazhi_desktop.export.titles import LEXICON, title_lines, width
from fazhi_desktop.export.wording import apportion, bracketed, duration_cn, formula, grade_bands, weight_percents
from fazhi_desktop.library import find_template

SPACED = re.compile(r"\d[ \u3000][\u4e00-\u9fff]|[\u4e00-\u9fff][ \u3000]\d")


def user_texts(data) -> list[str]:
    s = data.session
    out = [s.title, s.summary, s.venue, s.organisers]
    out += [x for q in data.questions for x in (q.text, q.answer, q.measure)]
    out += [x for u in data.units for x in (u.name, u.presenter, u.presenter_title, u.report_title)]
    return sorted((x for x in out if x), key=len, reverse=True)


def test_no_space_between_numbers_and_chinese_in_what_the_program_writes(exported):
    data = load_export_data(exported["db"], exported["sid"])
    ready = load_export_data(exported["db"], exported["ready"])
    docs = [minutes_document(data), sheets_document(data), agenda_document(ready), signin_document(ready)]
    pieces = [t for d in docs for t in L.text_of(d.blocks)]
    pieces += [t for u in data.units for t in L.text_of(letter_blocks(data, u.name))]
    entered = user_texts(data) + user_texts(ready)
    for text in pieces:
        for u in entered:  # what users typed is printed as typed ("全年审查 46 件")
            text = text.replace(u, "")
        assert not SPACED.search(text), text
    joined = "".join(pieces)
    assert "满分100分" in joined and "排名第11名" in joined
    assert "0分25秒" not in joined and "分钟" in joined


def test_durations_in_words():
    assert duration_cn(25) == "25秒"
    assert duration_cn(480) == "8分钟"
    assert duration_cn(472.4) == "7分52秒"
    assert duration_cn(None) == "—"


def test_grade_bands_say_where_each_band_ends(fresh_db):
    t = find_template(fresh_db, "普法履职报告评议")
    assert grade_bands(t) == ["优秀（90分以上）", "良好（80分以上、不足90分）", "合格（60分以上、不足80分）",
                              "不合格（不足60分）"]


def test_weights_are_percentages_with_the_formula(fresh_db):
    t = find_template(fresh_db, "普法履职综合评议（含社会评议）")
    assert set(weight_percents(t).values()) <= {"40%", "20%"}
    assert formula(t) == "综合得分＝评议团评分×40%＋社会评议×40%＋联席会议成员评分×20%"


def test_brackets_do_not_nest():
    assert bracketed("县长") == "（县长）"
    assert bracketed("副局长（副主任）") == "〔副局长（副主任）〕"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=12), st.integers(1, 9))
def test_apportioned_figures_add_up_to_the_rounded_total(numerators, denominator):
    values = [Fraction(n, denominator * 8) for n in numerators]
    shown = apportion(values, sum(values, Fraction(0)))
    total = sum(values, Fraction(0))
    from fazhi_desktop.results import round_half_up

    assert sum(shown) == round_half_up(total)
    assert all(abs(Fraction(s) - v) < Fraction(1, 100) for s, v in zip(shown, values))  # off by < 0.01


def test_the_demo_title_breaks_between_words():
    lines = title_lines("法治政府建设暨“七五”普法第二片区总结评议会纪要", 20)
    assert lines == ["法治政府建设暨“七五”普法", "第二片区总结评议会纪要"]
    assert title_lines("市级普法责任单位普法履职报告评议会纪要", 20) == ["市级普法责任单位普法履职报告评议会纪要"]


WORDS = [w for w in LEXICON if len(w) >= 2] + ["“七五”", "“八五”", "2023年度"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=4, max_size=14))
def test_long_titles_break_at_word_boundaries_in_a_balanced_shape(words):
    title = "".join(words)
    lines = title_lines(title, 20)
    assert "".join(lines) == title
    assert all(width(x) <= 20 for x in lines)
    if len(lines) == 1:
        return
    cuts = set()
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        cuts.add(pos)
    starts, pos = set(), 0
    for w in words:  # every cut falls between two of the words the title was made of
        starts.add(pos)
        pos += len(w)
    assert cuts <= starts, (lines, words)
    if len(lines) == 2:
        longest = max(width(w) for w in words)
        assert abs(width(lines[0]) - width(lines[1])) <= max(longest, 4) + 1, lines


def test_titles_never_split_pingyihui():
    for title in ("重庆市2023年度市级普法责任单位普法履职报告现场评议会会议纪要",
                  "渝东北片区法治政府建设暨“八五”普法中期总结评议会纪要"):
        lines = title_lines(title, 20)
        assert any("评议会" in x for x in lines), lines


def test_an_expert_without_category_or_affiliation_gets_no_empty_brackets(demo_db, tmp_path):
    """李晓梅（） in the minutes was a defect: an expert with nothing to say in brackets gets none."""
    import docx

    from fazhi_desktop.export import run_export
    from fazhi_desktop.roster import add_expert

    add_expert(demo_db, session_id=2, name="李晓梅")
    out = run_export(demo_db, 2, {"docx": tmp_path / "m.docx", "pdf": tmp_path / "m.pdf"})
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs)
    assert "李晓梅" in text and "李晓梅（）" not in text and "（）" not in text
    assert out
