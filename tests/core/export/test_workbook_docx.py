"""The XLSX workbook re-imports to the same results; the DOCX carries the 公文 fonts and margins."""
from __future__ import annotations

from decimal import Decimal

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from fazhi_desktop.demo import DISTRICTS
from fazhi_desktop.export import FILE_NAMES
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.score_imports import import_scores
from fazhi_desktop.sessions import duplicate_session


def test_score_sheet_is_the_import_long_form_and_reimports_to_identical_results(exported):
    db, sid = exported["db"], exported["sid"]
    path = exported["folder"] / FILE_NAMES["xlsx"]
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames[0] == "评分明细"
    assert {"结果", "提问记录", "整改事项", "计时"} <= set(wb.sheetnames)
    rows = list(wb["评分明细"].iter_rows(values_only=True))
    assert list(rows[0]) == ["专家", "单位", "指标", "得分"]
    stored = db.execute("SELECT count(*) FROM scores WHERE session_id = ?", [sid]).fetchone()[0]
    assert len(rows) - 1 == stored
    wb.close()

    copy = duplicate_session(db, session_id=sid, title="副本")
    import_scores(db, session_id=copy, path=path)
    original = results_json(compute_results(db, sid))
    again = results_json(compute_results(db, copy))
    assert again["units"] == original["units"]
    assert [u["final"] for u in again["units"]][DISTRICTS.index("开州区")] == 91.1


def test_result_sheet_lists_finals_ranks_and_grades(exported):
    wb = load_workbook(exported["folder"] / FILE_NAMES["xlsx"], read_only=True)
    rows = list(wb["结果"].iter_rows(values_only=True))
    head = list(rows[0])
    first = dict(zip(head, rows[1]))
    assert first["排名"] == 1 and first["单位"] == "开州区" and Decimal(str(first["综合得分"])) == Decimal("91.1")
    assert first["等次"] == "优秀"
    info = dict(list(wb["会议信息"].iter_rows(values_only=True))[1:])
    assert info["数据指纹"] == exported["result"].fingerprint
    timing = list(wb["计时"].iter_rows(values_only=True))
    assert len(timing) == 1 + len(DISTRICTS) and timing[1][2] == 480
    wb.close()


def east_asia(para) -> str | None:
    """The Chinese font Word uses for the paragraph's text: the run's, else its style chain's."""
    for run in para.runs:
        fonts = run._element.rPr.find(qn("w:rFonts")) if run._element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    style = para.style
    while style is not None:
        rpr = style.element.rPr
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        style = style.base_style
    return None


def size(para):
    for run in para.runs:
        if run.font.size:
            return run.font.size
    style = para.style
    while style is not None and style.font.size is None:
        style = style.base_style
    return style.font.size if style is not None else None


def test_docx_uses_the_official_document_fonts_and_margins(exported):
    doc = Document(str(exported["folder"] / FILE_NAMES["docx"]))
    paras = [p for p in doc.paragraphs if p.runs]
    title = paras[0]
    assert title.text == "法治政府建设暨“七五”普法第二片区总结评议会"
    assert east_asia(title) == "方正小标宋简体" and size(title) == Pt(22)  # 2号
    h1 = next(p for p in paras if p.text == "一、基本情况")
    assert east_asia(h1) == "黑体" and size(h1) == Pt(16)  # 3号
    h2 = next(p for p in paras if p.text.startswith("（一）"))
    assert east_asia(h2) == "楷体_GB2312" and size(h2) == Pt(16)
    body = next(p for p in paras if p.text.startswith("2020年10月27日"))
    assert east_asia(body) == "仿宋_GB2312" and size(body) == Pt(16)
    assert body.style.paragraph_format.first_line_indent == Pt(32)  # two characters
    cell = doc.tables[0].rows[1].cells[1].paragraphs[0]
    assert east_asia(cell) == "仿宋_GB2312"
    normal = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    s = doc.sections[0]
    mm = [round(x.mm) for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin,
                                s.right_margin)]
    assert mm == [210, 297, 37, 35, 28, 26]  # A4, GB/T 9704 margins (stored in twips)
    text = "\n".join(p.text for p in doc.paragraphs)
    for unit in DISTRICTS:
        assert unit in text
    assert exported["result"].short_fingerprint in text
    results = doc.tables[0]
    assert results.rows[1].cells[1].text == "开州区" and results.rows[1].cells[-2].text == "91.10"
    assert "PAGE" in doc.sections[0].footer._element.xml  # page numbers in the footer


def test_docx_headings_and_score_lines_stay_with_what_follows(exported):
    """Seen rendered (LibreOffice): "二、评议方式" ended page 1 alone and a unit's heading was cut
    from its table. Headings and the line above a unit's table keep with the next paragraph."""
    doc = Document(str(exported["folder"] / FILE_NAMES["docx"]))
    for name in ("公文标题", "一级标题", "二级标题"):
        assert doc.styles[name].paragraph_format.keep_with_next is True
    assert doc.styles["公文正文"].paragraph_format.keep_with_next is not True
    score_lines = [p for p in doc.paragraphs if p.text.startswith("综合得分 ")]
    assert len(score_lines) == len(DISTRICTS)
    assert all(p.paragraph_format.keep_with_next for p in score_lines)
