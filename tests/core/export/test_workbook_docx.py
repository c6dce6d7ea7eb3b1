"""The XLSX workbook re-imports to the same results and reads as a spreadsheet should; the DOCX is
a 公文 for Word and WPS from the same layout description as the PDF."""
from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from fazhi_desktop.demo import DISTRICTS
from fazhi_desktop.export import FILE_NAMES
from fazhi_desktop.export import layout as L
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.minutes import minutes_document
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.score_imports import import_scores
from fazhi_desktop.sessions import duplicate_session

from .conftest import docx_parts, footer_sizes_wrong, page_texts, rfonts_repeated, run_sizes, squeeze


def test_score_sheet_is_the_import_long_form_and_reimports_to_identical_results(exported):
    db, sid = exported["db"], exported["sid"]
    path = exported["folder"] / FILE_NAMES["xlsx"]
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames[0] == "评分明细"
    assert {"结果", "分项得分", "专家合计", "提问记录", "整改事项", "计时", "会议信息"} <= set(wb.sheetnames)
    rows = list(wb["评分明细"].iter_rows(values_only=True))
    assert list(rows[0]) == ["专家", "单位", "指标", "得分"]
    stored = db.execute("SELECT count(*) FROM scores WHERE session_id = ?", [sid]).fetchone()[0]
    assert len(rows) - 1 == stored
    wb.close()
    copy = duplicate_session(db, session_id=sid, title="副本")
    import_scores(db, session_id=copy, path=path)
    assert results_json(compute_results(db, copy))["units"] == results_json(compute_results(db, sid))["units"]


def test_result_sheet_names_the_dropped_experts_and_tells_recused_from_missing(exported):
    wb = load_workbook(exported["folder"] / FILE_NAMES["xlsx"])
    ws = wb["结果"]
    head = [c.value for c in ws[1]]
    first = dict(zip(head, [c.value for c in ws[2]]))
    assert first["排名"] == 1 and first["单位"] == "开州区" and Decimal(str(first["综合得分"])) == Decimal("91.1")
    assert first["去掉的最高分（专家）"] and first["去掉的最低分（专家）"]
    assert ws.cell(2, head.index("综合得分") + 1).number_format == "0.00"
    totals = wb["专家合计"]
    experts = [c.value for c in totals[1]]
    yunyang = next(r for r in totals.iter_rows(min_row=2, values_only=True) if r[0] == "云阳县")
    assert yunyang[experts.index("王晓东")] == "回避"
    for ws in wb.worksheets:  # filters, a frozen header, printing fitted to the width with the header repeated
        assert ws.freeze_panes == "A2" and ws.print_title_rows in ("1:1", "$1:$1") and ws.page_setup.fitToWidth == 1
        if ws.max_row > 1:
            assert ws.auto_filter.ref
    info = dict(list(wb["会议信息"].iter_rows(values_only=True))[1:])
    assert info["数据指纹"] == exported["result"].fingerprint and info["状态"] == "已定稿"
    assert isinstance(info["日期"], dt.datetime) and info["日期"].date() == dt.date(2020, 10, 27)
    deadlines = [r[4] for r in wb["整改事项"].iter_rows(min_row=2, values_only=True)]
    assert deadlines and all(isinstance(d, dt.datetime) for d in deadlines)
    timing = list(wb["计时"].iter_rows(values_only=True))
    assert len(timing) == 1 + len(DISTRICTS) and timing[1][2] == 480


def test_per_criterion_sheet_adds_up_like_the_minutes(exported):
    wb = load_workbook(exported["folder"] / FILE_NAMES["xlsx"], read_only=True)
    for row in list(wb["分项得分"].iter_rows(values_only=True))[1:]:
        leaves, total = row[1:-1], row[-1]
        assert round(sum(Decimal(str(v)) for v in leaves), 2) == Decimal(str(total))


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
    style = para.style
    while style is not None and style.font.size is None:
        style = style.base_style
    return style.font.size if style is not None else None


def test_docx_uses_the_official_document_fonts_geometry_grid_and_language(exported):
    path = exported["folder"] / FILE_NAMES["docx"]
    doc = Document(str(path))
    paras = [p for p in doc.paragraphs if p.text]
    title = paras[0]
    assert title.text == "法治政府建设暨“七五”普法\n第二片区总结评议会纪要"  # broken between words
    assert east_asia(title) == "方正小标宋简体" and size(title) == Pt(22)  # 2号
    h1 = next(p for p in paras if p.text == "一、评议方式")
    assert east_asia(h1) == "黑体" and size(h1) == Pt(16)  # 3号
    h2 = next(p for p in paras if p.text.startswith("（一）"))
    assert east_asia(h2) == "楷体_GB2312" and size(h2) == Pt(16)
    body = next(p for p in paras if p.text.startswith("2020年10月27日"))
    assert east_asia(body) == "仿宋_GB2312" and size(body) == Pt(16)
    s = doc.sections[0]
    assert [round(x.mm) for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin,
                                  s.right_margin)] == [210, 297, 37, 35, 28, 26]
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 22 lines in 225 mm
    assert doc.styles["公文正文"].element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"  # 28 a line
    lang = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "zh-CN" and lang.get(qn("w:eastAsia")) == "zh-CN"
    assert doc.core_properties.language == "zh-CN"


def test_docx_page_numbers_odd_right_even_left_with_the_fingerprint_in_the_footer(exported):
    path = exported["folder"] / FILE_NAMES["docx"]
    doc = Document(str(path))
    s = doc.sections[0]
    assert doc.settings.odd_and_even_pages_header_footer
    odd, even = s.footer._element.xml, s.even_page_footer._element.xml
    fp = exported["result"].short_fingerprint
    for xml in (odd, even):
        assert "PAGE" in xml and "NUMPAGES" in xml and fp in xml
    assert odd.index(fp) < odd.index("PAGE") and even.index("PAGE") < even.index(fp)  # number outside
    assert 'w:ind w:left="' in even  # 空一字 on even pages
    body = "\n".join(p.text for p in doc.paragraphs[:12])
    assert fp not in body  # not in the title block


def test_docx_tables_have_grid_columns_equal_to_their_cell_widths(exported):
    with zipfile.ZipFile(exported["folder"] / FILE_NAMES["docx"]) as z:
        xml = z.read("word/document.xml").decode()
    doc = Document(str(exported["folder"] / FILE_NAMES["docx"]))
    for t in doc.tables:
        grid = [int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert t._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        row = t._tbl.tr_lst[-1]
        widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row.tc_lst]
        assert sum(widths) == sum(grid)
    assert "w:tblHeader" in xml


def test_docx_and_pdf_show_the_same_text_in_the_same_order(exported):
    """One layout description: every piece of the minutes' text is in both files, in order (the
    DOCX's XML holds it exactly; in the PDF, table cells wrap side by side, so there the running
    text and the short cells are checked)."""
    data = load_export_data(exported["db"], exported["sid"])
    doc_blocks = minutes_document(data).blocks
    pieces = [squeeze(t) for t in L.text_of(doc_blocks)]
    doc = Document(str(exported["folder"] / FILE_NAMES["docx"]))
    docx = squeeze("".join(t.text or "" for t in doc.element.body.iter(qn("w:t"))))
    assert_in_order(pieces, docx)
    header = squeeze(minutes_document(data).header)
    pages = []
    for page in page_texts(exported["folder"] / FILE_NAMES["pdf"]):
        lines = [squeeze(x) for x in page.splitlines()]
        pages += [x for x in lines if x and x != header and not x.startswith("数据指纹")]
    pdf = "".join(pages)
    running = [squeeze(t) for b in doc_blocks if not isinstance(b, L.Table) for t in L.text_of([b])]
    assert_in_order(running, pdf)
    cells = [squeeze(c) for b in doc_blocks if isinstance(b, L.Table) for row in b.rows for c in row if 0 < len(c) <= 6]
    assert all(c in pdf for c in cells)


def assert_in_order(pieces: list[str], source: str) -> None:
    at = 0
    for piece in pieces:
        found = source.find(piece, at)
        assert found >= 0, (piece, source[at:at + 80])
        at = found + len(piece) if len(piece) > 8 else found


def test_docx_footer_page_numbers_are_set_at_the_footer_size(exported):
    """第x页　共y页: the PAGE and NUMPAGES fields' runs carry the footer's 10.5 pt (w:sz and w:szCs),
    as the words around them do; without it LibreOffice set the numbers at 16 pt."""
    path = exported["folder"] / FILE_NAMES["docx"]
    assert footer_sizes_wrong(path, L.GONGWEN.footer_size) == []
    runs = [r for name, xml in docx_parts(path).items() if name.startswith("word/footer") for r in run_sizes(xml)]
    assert any(r[2] == " PAGE " for r in runs) and any(r[2] == " NUMPAGES " for r in runs)


def test_docx_run_properties_name_their_faces_once(exported):
    """One w:rFonts per w:rPr (the Normal style once had two: Word reads only the first)."""
    assert rfonts_repeated(exported["folder"] / FILE_NAMES["docx"]) == []
