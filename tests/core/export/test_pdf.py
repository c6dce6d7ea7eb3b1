"""What a reader of the exported PDFs sees (text extracted with poppler's pdftotext)."""
from __future__ import annotations

import re

import pytest

from fazhi_desktop.demo import DISTRICTS, PANEL_2020
from fazhi_desktop.export import FEEDBACK_FOLDER, FILE_NAMES
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.feedback import write_feedback_pdf

from .conftest import pdf_pages, pdffonts, pdftotext


def test_minutes_name_every_unit_the_finals_and_the_fingerprint_on_every_page(exported):
    pdf = exported["folder"] / FILE_NAMES["pdf"]
    text = pdftotext(pdf)
    pages = pdf_pages(pdf)
    fp = exported["result"].short_fingerprint
    for unit in DISTRICTS:
        assert unit in text
    assert "91.10" in text and "开州区" in text  # the demo's winner, exactly as results shows it
    assert "78.88" in text
    for n in range(1, pages + 1):
        assert f"第 {n} 页 共 {pages} 页" in text
    assert text.count(f"数据指纹 {fp}") >= pages
    for heading in ("一、基本情况", "二、评议方式", "三、评议结果", "四、各单位评议情况", "五、评议组总结", "六、计时情况"):
        assert heading in text
    assert "去掉一个最高分和一个最低分" in text  # the demo uses trimmed_mean
    assert "王晓东对云阳县回避评分" in text


def test_each_page_carries_its_own_number(exported):
    pdf = exported["folder"] / FILE_NAMES["pdf"]
    pages = pdf_pages(pdf)
    last = pdftotext(pdf, "-f", str(pages), "-l", str(pages))
    assert f"第 {pages} 页 共 {pages} 页" in last
    assert "第 1 页" not in last


@pytest.mark.parametrize("kind", ["pdf", "sheets", "blank"])
def test_every_font_is_embedded(exported, kind):
    fonts = pdffonts(exported["folder"] / FILE_NAMES[kind])
    assert fonts, "no fonts listed"
    assert all(f["emb"] == "yes" for f in fonts), fonts
    assert any("WenQuanYi" in f["name"] or "Droid" in f["name"] for f in fonts)


def test_signed_score_sheets_one_page_per_expert_with_scores_and_signature(exported):
    pdf = exported["folder"] / FILE_NAMES["sheets"]
    assert pdf_pages(pdf) == len(PANEL_2020)
    data = load_export_data(exported["db"], exported["sid"])
    for i, (name, _cat, _aff) in enumerate(PANEL_2020, 1):
        page = pdftotext(pdf, "-f", str(i), "-l", str(i))
        assert f"评议专家：{name}" in page
        assert "评议专家（签字）" in page and "日期" in page
        for unit in DISTRICTS:
            assert unit in page
        # the expert's total for 万州区 appears on the sheet
        total = sum(v for (e, u, _p), v in data.scores.items() if e == name and u == "万州区")
        assert re.search(rf"万州区\s.*\b{re.escape(format(total.normalize(), 'f'))}\s*$", page, re.M)
    wang = pdftotext(pdf, "-f", "3", "-l", "3")
    assert "回避" in wang  # 王晓东 is recused from 云阳县


def test_blank_sheets_have_the_layout_but_no_scores(exported):
    pdf = exported["folder"] / FILE_NAMES["blank"]
    text = pdftotext(pdf)
    assert pdf_pages(pdf) == len(PANEL_2020)
    assert "空白评分表" in text and "评议专家（签字）" in text
    for unit in DISTRICTS:
        assert unit in text
    body = text.split("合计")[1].split("说明")[0]
    assert not re.search(r"\d+\.\d", body)  # no score values in the grid


def test_feedback_per_unit_with_result_questions_and_problems(exported):
    folder = exported["folder"] / FEEDBACK_FOLDER
    files = sorted(folder.iterdir())
    assert len(files) == len(DISTRICTS)
    text = pdftotext(folder / "评议意见书_开州区.pdf")
    assert "评 议 意 见 书" in text or "评议意见书" in text
    assert "91.10" in text and "排名第 1 名" in text and "优秀" in text
    assert "失分较多的指标" in text
    assert "三、专家提问" in text and "四、存在问题与整改要求" in text
    assert exported["result"].short_fingerprint in text
    wanzhou = pdftotext(folder / "评议意见书_万州区.pdf")
    assert "执法全过程记录" in wanzhou and "2021年2月28日" in wanzhou  # the problem and its deadline


def test_feedback_can_leave_expert_names_out(exported, tmp_path):
    data = load_export_data(exported["db"], exported["sid"])
    askers = {q.expert for q in data.questions_for("万州区")}
    assert askers
    write_feedback_pdf(data, "万州区", tmp_path / "with.pdf", show_experts=True)
    write_feedback_pdf(data, "万州区", tmp_path / "without.pdf", show_experts=False)
    with_names = pdftotext(tmp_path / "with.pdf")
    without = pdftotext(tmp_path / "without.pdf")
    assert all(name in with_names for name in askers)
    assert not any(name in without for name, _c, _a in PANEL_2020)
    assert "评议专家问" in without


def test_pdf_pages_render_to_images(exported, tmp_path):
    import subprocess

    pdf = exported["folder"] / FILE_NAMES["pdf"]
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "pg")], check=True)
    pngs = sorted(tmp_path.glob("pg*.png"))
    assert len(pngs) == 2 and all(p.stat().st_size > 1000 for p in pngs)
