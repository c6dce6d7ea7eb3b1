"""Where the PDF's pages break: a heading never ends a page without what it heads (reportlab keeps
a keepWithNext paragraph with the next flowable only when that is a plain one, not a
KeepTogether block nor the conditional break before a table)."""
from __future__ import annotations

from fazhi_desktop.export import layout as L
from fazhi_desktop.export.pdf_render import write_pdf

from .conftest import heading_orphans, page_texts, squeeze

FILL = 20  # body lines before the heading: the heading takes the 21st of the page's lines


def filler(case: str, lines: int = FILL) -> list[L.Block]:
    return [L.Para(f"{case}第{i}行。") for i in range(1, lines + 1)]


def cases() -> list[L.Block]:
    qa = L.Keep([L.Para("1．专家甲问：执法全过程记录是怎样落实的？"), L.Para("答：执法记录仪全覆盖。")])
    rows = [["指标", "分值"], ["依法决策", "10"], ["严格规范执法", "10"], ["合计", "20"]]
    return [*filler("甲"), L.Para("专家提问与答复：", "plain", keep_with_next=True), qa, L.PageBreak(),
            *filler("乙", FILL - 1), L.Para("（一）万州区", "h2"), L.Para("评议结果如下：", keep_with_next=True),
            L.Table(rows, [0.7, 0.3]), L.PageBreak(),
            *filler("丙"), L.Para("二、评议结果", "h1"), L.Table(rows, [0.7, 0.3], keep=True), L.PageBreak(),
            *filler("丁"), L.Para("四、评议组意见", "h1"), L.Para("各区县要对照专家意见逐项整改。" * 4)]


def test_a_heading_at_a_page_foot_goes_over_with_what_it_heads(tmp_path):
    """Each case fills a page but for a heading's room: before a question and its answer (a Keep),
    before a table (a heading and the table's caption), before a table kept whole, before a
    paragraph (reportlab's own keepWithNext). Each heading must open the next page with what
    follows it."""
    doc = L.Document(L.GONGWEN, cases(), title="分页", fingerprint="0000-0000-0000")
    pdf = tmp_path / "breaks.pdf"
    write_pdf(doc, pdf)
    assert heading_orphans(pdf, doc) == []
    pages = [squeeze(p) for p in page_texts(pdf)]
    assert len(pages) == 8
    for case, heading, follows in (("甲", "专家提问与答复：", "1．专家甲问"), ("乙", "（一）万州区评议结果如下：", "指标分值"),
                                   ("丙", "二、评议结果", "指标分值"), ("丁", "四、评议组意见", "各区县")):
        page = next(n for n, p in enumerate(pages) if f"{case}第1行" in p)
        assert heading not in pages[page], case
        assert pages[page + 1].startswith(heading) and follows in pages[page + 1], (case, pages[page + 1][:60])


def test_a_kept_block_that_fills_the_page_exactly_stays_on_it(tmp_path):
    """A question and its answer (4 lines) after 18 lines end the page on its 22nd line: they stay
    (reportlab's KeepTogether compared heights without tolerance, and 22 × 28.99 pt came out a
    hair above the frame's 637.8 pt, so the block went over and left 4 lines blank)."""
    qa = L.Keep([L.Para("1．专家甲问：执法全过程记录是怎样落实的？请说明执法记录仪的覆盖面和音像资料归档情况。"),
                 L.Para("答：执法记录仪全覆盖，音像资料统一归档，法制审核科每季度抽查一次，发现问题限期整改。")])
    doc = L.Document(L.GONGWEN, [*filler("甲", 18), qa, L.Para("其后一段。")], title="分页")
    pdf = tmp_path / "exact.pdf"
    write_pdf(doc, pdf)
    pages = [squeeze(p) for p in page_texts(pdf)]
    assert len(pages) == 2 and "答：执法记录仪全覆盖" in pages[0] and pages[1].startswith("其后一段")
