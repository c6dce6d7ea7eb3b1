"""The minutes carry the audit record as 附件: the hash chain checked as it is printed, the
submissions of each unit in one row, corrections, status changes and the seal each on their own;
a tampered score makes the appendix say the check failed."""
from __future__ import annotations

from fazhi_desktop.export import run_export
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.layout import text_of
from fazhi_desktop.export.minutes import minutes_document
from fazhi_desktop.seal import seal

from .conftest import pdftotext


def appendix_text(db, sid) -> str:
    blocks = minutes_document(load_export_data(db, sid)).blocks
    texts = text_of(blocks)
    return "\n".join(texts[texts.index("附件"):])


def test_the_sealed_minutes_end_with_the_checked_audit_record(demo_db, tmp_path):
    seal(demo_db, session_id=1, confirmed=True)
    text = appendix_text(demo_db, 1)
    assert "评议会审计记录" in text and "校验结果\n通过" in text and "封盘签名" in text
    assert "万州区 / 7位专家" in text and "云阳县 / 6位专家" in text  # one row per unit's submissions
    assert "结束评议会" in text and "筹备中→已结束" in text and "封盘" in text
    run_export(demo_db, 1, {"pdf": tmp_path / "m.pdf"})
    pdf = pdftotext(tmp_path / "m.pdf")
    assert "附件" in pdf and "评议会审计记录" in pdf and "通过" in pdf


def test_a_tampered_score_shows_in_the_appendix(demo_db):
    demo_db.conn.execute("UPDATE scores SET value = '1' WHERE rowid = (SELECT min(rowid) FROM scores WHERE session_id = 1)")
    text = appendix_text(demo_db, 1)
    assert "校验结果\n未通过" in text and "审计链记录为" in text
