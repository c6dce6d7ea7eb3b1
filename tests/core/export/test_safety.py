"""Exports that cannot be turned against their reader (issue 14's part in these files): text that
looks like a formula stays text and re-imports identically, control characters never crash an
export, file names are safe, unique and short, nothing is overwritten silently, and two exports
to one file never share a temporary file."""
from __future__ import annotations

import os
import threading
import time
import zipfile

import pytest
from openpyxl import load_workbook

from fazhi_desktop.errors import UserError
from fazhi_desktop.export import FEEDBACK_FOLDER, FILE_NAMES, run_export
from fazhi_desktop.export.naming import safe_name, unique_stems
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.roster import add_expert, add_unit, list_units
from fazhi_desktop.score_imports import import_scores
from fazhi_desktop.scoring import record_score
from fazhi_desktop.sessions import create_session, duplicate_session, load_template, set_status, update_session
from fazhi_desktop.template import parse_template

from .conftest import pdf_pages, pdftotext

FORMULAS = ['=HYPERLINK("http://example.invalid","点我")', "+1+1", "-2", "@SUM(A1)", "＝1＋1"]


def session_with(db, units, experts=("周立", "陈敏"), legacy_names=None):
    sid = create_session(db, title="安全测试评议会", date="2024-03-01", venue="会议室", organisers="市司法局",
                         template=parse_template({"name": "单项", "criteria": [{"name": "总体", "max": 100}]}))
    us = [add_unit(db, session_id=sid, name=n) for n in units]
    for unit, legacy in zip(us, legacy_names or ()):
        # a name today's services refuse (a control character, over 200 characters) that an older
        # version or another tool stored: the export must still not crash on it
        db.execute("UPDATE units SET name = ? WHERE id = ?", [legacy, unit.id])
    es = [add_expert(db, session_id=sid, name=n) for n in experts]
    leaf = load_template(db, sid).leaves()[0][1]
    for i, u in enumerate(us):
        for j, e in enumerate(es):
            record_score(db, session_id=sid, expert_id=e.id, unit_id=u.id, criterion_id=leaf.id, value=str(70 + i + j))
    return sid


def test_formula_like_names_stay_text_and_reimport_identically(fresh_db, tmp_path):
    sid = session_with(fresh_db, FORMULAS, experts=("=cmd|' /C calc'!A0", "周立"))
    update_session(fresh_db, session_id=sid, title='=HYPERLINK("http://x","会")')
    set_status(fresh_db, session_id=sid, status="live")
    set_status(fresh_db, session_id=sid, status="finished")
    path = tmp_path / "data.xlsx"
    run_export(fresh_db, sid, {"xlsx": path})
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in x for x in sheets)  # no live formula on any sheet
    wb = load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value[:1] in "=+-@＝"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    copy = duplicate_session(fresh_db, session_id=sid, title="副本")
    import_scores(fresh_db, session_id=copy, path=path)
    assert results_json(compute_results(fresh_db, copy))["units"] == results_json(compute_results(fresh_db, sid))["units"]


def test_control_characters_never_crash_an_export(fresh_db, tmp_path):
    sid = session_with(fresh_db, ["甲", "乙", "丙"], legacy_names=["办\x0b局", "市\x0c教委", "换\n行"])
    fresh_db.execute("UPDATE questions SET text = text")  # nothing to update; the names carry the characters
    set_status(fresh_db, session_id=sid, status="finished")
    result = run_export(fresh_db, sid, tmp_path / "out")
    assert len(result.files) == 5 + 3
    text = pdftotext(tmp_path / "out" / FILE_NAMES["pdf"])
    assert "办 局" in text
    wb = load_workbook(tmp_path / "out" / FILE_NAMES["xlsx"], read_only=True)
    names = {r[1] for r in list(wb["评分明细"].iter_rows(values_only=True))[1:]}
    assert "办 局" in names


def test_letters_of_units_whose_names_collide_once_made_safe_do_not_overwrite_each_other(fresh_db, tmp_path):
    long = "某某市某某区" * 33 + "司法局"  # 201 characters
    sid = session_with(fresh_db, ["办/局", "办:局", "CON", "甲"], legacy_names=["办/局", "办:局", "CON", long])
    set_status(fresh_db, session_id=sid, status="finished")
    result = run_export(fresh_db, sid, tmp_path / "out", kinds=["feedback"])
    letters = sorted((tmp_path / "out" / FEEDBACK_FOLDER).iterdir())
    assert len(letters) == 4 == len(result.files)
    assert all(len(p.name.encode()) < 200 and pdf_pages(p) == 1 for p in letters)
    owners = {p.name: pdftotext(p) for p in letters}
    assert sum("办/局：" in t for t in owners.values()) == 1 and sum("办:局：" in t for t in owners.values()) == 1
    assert any(n.startswith("评议意见书__CON") for n in owners)


def test_unique_stems_are_case_insensitive_and_stable():
    stems = unique_stems(["A/B", "a:b", "a?b", "Ab"])
    assert len({s.casefold() for s in stems.values()}) == 4
    assert unique_stems(["A/B", "a:b", "a?b", "Ab"]) == stems
    assert safe_name(' ..\t ') == "未命名" and safe_name("nul.txt") == "_nul.txt"


def test_nothing_is_overwritten_silently(demo_db, tmp_path):
    target = tmp_path / "纪要.pdf"
    first = run_export(demo_db, 1, {"pdf": target})
    assert first.replaced == []
    again = run_export(demo_db, 1, {"pdf": target})
    assert again.replaced == [target] and any("已替换原有文件" in n for n in again.notes())
    with pytest.raises(UserError, match="同一个文件"):
        run_export(demo_db, 1, {"pdf": tmp_path / "x.pdf", "sheets": tmp_path / "x.pdf"})


def test_two_exports_to_the_same_file_do_not_share_a_temporary_file(demo_db, db_path, tmp_path, monkeypatch):
    from fazhi_desktop.db import open_db
    from fazhi_desktop.export import minutes

    import tempfile

    target = tmp_path / "纪要.pdf"
    seen: list[str] = []
    real, real_mkstemp = minutes.write_minutes_pdf, tempfile.mkstemp

    def slow(data, handle, **kwargs):
        time.sleep(0.3)  # both are writing at once
        real(data, handle, **kwargs)

    def mkstemp(*args, **kwargs):
        fd, name = real_mkstemp(*args, **kwargs)
        seen.append(name)
        return fd, name
    monkeypatch.setattr(minutes, "write_minutes_pdf", slow)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    errors: list[Exception] = []

    def export():
        db = open_db(db_path)
        try:
            run_export(db, 1, {"pdf": target})
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            db.conn.close()
    threads = [threading.Thread(target=export) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(seen)) == 2 and all(n.endswith(".part") for n in seen)
    assert pdf_pages(target) > 1 and not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_a_temporary_file_left_by_a_killed_export_is_swept(demo_db, tmp_path):
    stale = tmp_path / ".纪要.abc123.part"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    young = tmp_path / ".纪要.def456.part"  # another export still writing
    young.write_bytes(b"busy")
    run_export(demo_db, 1, {"pdf": tmp_path / "纪要.pdf"})
    assert not stale.exists() and young.exists()


def test_the_units_of_the_demo_keep_their_plain_letter_names(exported):
    names = sorted(p.name for p in (exported["folder"] / FEEDBACK_FOLDER).iterdir())
    assert names == sorted(f"评议意见书_{u.name}.pdf" for u in list_units(exported["db"], exported["sid"]))
