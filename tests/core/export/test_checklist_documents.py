"""The documents of a checklist session: the summary table with the 90% line, one assessment report
per candidate (rate, first-level breakdown, every unmet and partly met indicator with its note, the
evidence list), PDF and DOCX from one layout, draft-marked until finished; the workbook re-imports."""
from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook

from fazhi_desktop.checklist.demo import add_checklist_demo
from fazhi_desktop.checklist.evidence import add_evidence
from fazhi_desktop.checklist.results import checklist_results_json, compute_checklist_results
from fazhi_desktop.db import open_db
from fazhi_desktop.export import run_export
from fazhi_desktop.export import layout as L
from fazhi_desktop.export.assessment import report_document
from fazhi_desktop.export.checklist_data import load_checklist_data
from fazhi_desktop.export.checklist_run import REPORTS_FOLDER
from fazhi_desktop.export.checklist_summary import summary_document
from fazhi_desktop.rating_imports import import_ratings
from fazhi_desktop.roster import list_units
from fazhi_desktop.sessions import duplicate_session, load_template, set_status

from .conftest import page_texts, squeeze

MARK = "草稿（未定稿）"


@pytest.fixture(scope="module")
def assessed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("checklist")
    db = open_db(folder / "demo.db")
    sid = add_checklist_demo(db, finish=False)
    kaizhou = next(u.id for u in list_units(db, sid) if u.name == "开州区")
    leaf = load_template(db, sid).leaves()[13][1]  # 行政执法公示制度全面落实: 未达标
    scan = folder / "执法公示抽查记录.pdf"
    scan.write_bytes(b"%PDF-1.4 scan of the checks")
    add_evidence(db, session_id=sid, unit_id=kaizhou, criterion_id=leaf.id, path=scan)
    draft = run_export(db, sid, folder / "draft")
    set_status(db, session_id=sid, status="finished")
    final = run_export(db, sid, folder / "final")
    yield {"db": db, "sid": sid, "folder": folder, "draft": draft, "final": final}
    db.conn.close()


def test_every_file_is_written_and_drafts_are_marked_on_every_page(assessed):
    names = {p.relative_to(assessed["folder"] / "final").as_posix() for p in assessed["final"].files}
    assert {"评估结果汇总表.pdf", "评估结果汇总表.docx", "评定明细.xlsx", f"{REPORTS_FOLDER}/评估报告_开州区.pdf",
            f"{REPORTS_FOLDER}/评估报告_开州区.docx"} <= names and len(names) == 13
    assert assessed["draft"].draft and not assessed["final"].draft
    for path in (assessed["folder"] / "draft" / "评估结果汇总表.pdf", assessed["folder"] / "draft" / REPORTS_FOLDER / "评估报告_忠县.pdf"):
        pages = page_texts(path)
        assert pages and all(MARK in squeeze(p) for p in pages)
    assert all(MARK not in squeeze(p) for p in page_texts(assessed["folder"] / "final" / "评估结果汇总表.pdf"))
    doc = Document(str(assessed["folder"] / "draft" / "评估结果汇总表.docx"))
    assert MARK in doc.sections[0].header._element.xml


def test_the_summary_draws_the_threshold_line_between_pass_and_fail(assessed):
    text = squeeze("".join(page_texts(assessed["folder"] / "final" / "评估结果汇总表.pdf")))
    table = text[text.index("结论"):]  # the intro names the line too
    line = table.index("——达标门槛90%——")
    assert table.index("万州区") < line < table.index("开州区")  # 90.00 reaches it, 89.66 does not
    assert "90.00%达到门槛" in text and "89.66%未达门槛" in text
    assert "拟命名名单：万州区、梁平区、忠县" in text and "已予以命名：梁平区、忠县" in text
    data = load_checklist_data(assessed["db"], assessed["sid"])
    table = next(b for b in summary_document(data).blocks if isinstance(b, L.Table))
    at = [r[0] for r in table.rows].index("—— 达标门槛 90% ——")
    assert (0, at, 8, at) in table.spans and [r[1] for r in table.rows[1:at]] == ["梁平区", "忠县", "万州区"]


def test_the_report_names_each_shortfall_with_its_note_and_the_evidence(assessed):
    text = squeeze("".join(page_texts(assessed["folder"] / "final" / REPORTS_FOLDER / "评估报告_开州区.pdf")))
    assert "达标率为89.66%，未达到综合示范创建“90%以上指标达标”的要求" in text
    for note in ("执法公示不全", "复议案件超期2件", "年度报告未按时公开"):
        assert note in text
    assert "执法公示抽查记录.pdf" in text and "SHA-256" in text
    assert "未列入拟命名名单" in text
    data = load_checklist_data(assessed["db"], assessed["sid"])
    doc = report_document(data, "开州区")
    def tables_in(blocks):
        for b in blocks:
            if isinstance(b, L.Table):
                yield b
            elif isinstance(b, L.Keep):
                yield from tables_in(b.blocks)
    tables = list(tables_in(doc.blocks))
    areas = tables[0]
    assert areas.rows[-1][0] == "合计" and areas.rows[-1][-1] == "89.66%"
    shortfalls = tables[1]
    assert [r[2] for r in shortfalls.rows[1:]] == ["未达标"] * 3
    # the DOCX holds the same words as the PDF
    words = squeeze("".join(p.text for p in Document(str(assessed["folder"] / "final" / REPORTS_FOLDER /
                                                        "评估报告_开州区.docx")).paragraphs))
    assert "达标率为89.66%" in words


def test_the_workbook_reimports_to_the_same_results(assessed):
    db, sid = assessed["db"], assessed["sid"]
    path = assessed["folder"] / "final" / "评定明细.xlsx"
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames[0] == "评定明细"
    head = next(wb["评定明细"].iter_rows(values_only=True))
    assert list(head) == ["单位", "指标", "评定", "说明", "佐证"]
    wb.close()
    copy = duplicate_session(db, session_id=sid, title="副本")
    import_ratings(db, session_id=copy, path=path)
    assert checklist_results_json(compute_checklist_results(db, copy))["units"] == \
        checklist_results_json(compute_checklist_results(db, sid))["units"]
