"""An unfinished session (draft or live) never exports documents that look final: every page of
every document says 草稿（未定稿）, and no 评议意见书 (with its deadline and 落款) is issued."""
from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook

from fazhi_desktop import cli
from fazhi_desktop.errors import UserError
from fazhi_desktop.export import FEEDBACK_FOLDER, FILE_NAMES, PAPER_KINDS, run_export
from fazhi_desktop.seal import seal
from fazhi_desktop.sessions import set_status

from .conftest import page_texts, squeeze

MARK = "草稿（未定稿）"


@pytest.fixture(scope="module")
def draft_export(tmp_path_factory, exported):
    db, sid = exported["db"], exported["sid"]
    set_status(db, session_id=sid, status="live")  # the demo's finished session, reopened as live
    try:
        folder = tmp_path_factory.mktemp("draft")
        result = run_export(db, sid, folder)
        papers = run_export(db, sid, folder / "papers", kinds=PAPER_KINDS)
    finally:
        set_status(db, session_id=sid, status="finished")
    return {"folder": folder, "result": result, "papers": papers}


def test_every_page_of_every_pdf_is_marked(draft_export):
    folder = draft_export["folder"]
    for name in ("pdf", "sheets"):
        pages = page_texts(folder / FILE_NAMES[name])
        assert pages and all(MARK in squeeze(p) for p in pages), name
    assert draft_export["result"].draft
    assert any("草稿" in n for n in draft_export["result"].notes())


def test_the_docx_and_the_workbook_are_marked(draft_export):
    doc = Document(str(draft_export["folder"] / FILE_NAMES["docx"]))
    s = doc.sections[0]
    for header in (s.header, s.even_page_header, s.first_page_header):  # every page
        assert MARK in header._element.xml
    wb = load_workbook(draft_export["folder"] / FILE_NAMES["xlsx"])
    assert all(ws.oddHeader.left.text == MARK for ws in wb.worksheets)  # every printed page
    info = dict(list(wb["会议信息"].iter_rows(values_only=True))[1:])
    assert info["状态"] == MARK


def test_no_letters_for_an_unfinished_session(draft_export, exported):
    assert not (draft_export["folder"] / FEEDBACK_FOLDER).exists()
    assert any("不出具评议意见书" in s for s in draft_export["result"].skipped)
    db, sid = exported["db"], exported["sid"]
    set_status(db, session_id=sid, status="draft")
    try:
        with pytest.raises(UserError, match="不出具评议意见书"):
            run_export(db, sid, {"feedback": draft_export["folder"] / "letters"})
    finally:
        set_status(db, session_id=sid, status="finished")


def test_the_minutes_of_a_draft_do_not_claim_the_scoring_is_done(draft_export):
    text = squeeze("".join(page_texts(draft_export["folder"] / FILE_NAMES["pdf"])))
    assert "本稿为草稿，评议尚未结束" in text and "现场提问并评分。现将" not in text


def test_papers_before_the_meeting_are_not_marked(draft_export):
    for kind in ("agenda", "signin", "blank"):
        path = draft_export["folder"] / "papers" / FILE_NAMES[kind]
        assert all(MARK not in squeeze(p) for p in page_texts(path)), kind


def test_finished_and_sealed_sessions_are_not_marked(exported, tmp_path):
    db, sid = exported["db"], exported["sid"]
    run_export(db, sid, {"pdf": tmp_path / "finished.pdf"})
    assert all(MARK not in squeeze(p) for p in page_texts(tmp_path / "finished.pdf"))


def test_a_sealed_session_exports_final_documents(demo_db, db_path, tmp_path, capsys):
    seal(demo_db, session_id=1, confirmed=True)
    demo_db.conn.close()
    assert cli.run(["--db", str(db_path), "export", "--session", "1", "--pdf", str(tmp_path / "m.pdf")]) == 0
    assert "草稿" not in capsys.readouterr().err
    assert all(MARK not in squeeze(p) for p in page_texts(tmp_path / "m.pdf"))


def test_cli_says_when_the_documents_are_drafts(demo_db, db_path, tmp_path, capsys):
    demo_db.conn.close()
    code = cli.run(["--db", str(db_path), "export", "--session", "2", "--folder", str(tmp_path / "d")])
    err = capsys.readouterr().err
    assert code == 0 and "草稿（未定稿）" in err and "不出具评议意见书" in err
