"""The orchestrator: what gets written where, progress, cancel, and no half-written file ever."""
from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from fazhi_desktop import cli
from fazhi_desktop.errors import UserError
from fazhi_desktop.export import KINDS, ExportCancelled, FILE_NAMES, run_export, self_test_export
from fazhi_desktop.export import fonts as fonts_mod

from .conftest import pdffonts, pdftotext


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_folder_export_writes_every_document_and_reports_progress(exported):
    files = _files(exported["folder"])
    assert {FILE_NAMES[k] for k in KINDS if k != "feedback"} <= set(files)
    assert sum(f.startswith("评议意见书/") for f in files) == 11
    assert not [f for f in files if f.endswith(".part")]
    steps = exported["steps"]
    assert steps[0][0] == 0 and steps[-1] == (len(files), len(files), "完成")
    assert [s[0] for s in steps] == list(range(len(files) + 1))
    assert exported["result"].files and exported["result"].font_warning is None


@pytest.fixture
def out(tmp_path):
    """An empty folder (tmp_path itself holds the database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_named_files_only(demo_db, out):
    tmp_path = out
    result = run_export(demo_db, 1, {"pdf": tmp_path / "a" / "纪要.pdf", "xlsx": tmp_path / "b.xlsx"})
    assert _files(tmp_path) == ["a/纪要.pdf", "b.xlsx"]
    assert [p.name for p in result.files] == ["纪要.pdf", "b.xlsx"]


def test_read_only_folder_is_refused_in_chinese_and_leaves_nothing(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.name != "nt" and os.geteuid() != 0:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    else:  # root writes anywhere: make the folder refuse the way a read-only one does
        real = tempfile.mkstemp

        def refuse(*args, **kwargs):
            if str(kwargs.get("dir", "")).startswith(str(folder)):
                raise PermissionError(errno.EACCES, "Permission denied")
            return real(*args, **kwargs)
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(UserError, match="不可写"):
            run_export(demo_db, 1, folder)
        assert _files(folder) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_unwritable_folder_seen_by_os_access(demo_db, out, monkeypatch):
    tmp_path = out
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(UserError, match="只读"):
        run_export(demo_db, 1, {"pdf": tmp_path / "m.pdf"})
    assert _files(tmp_path) == []


def test_disk_full_mid_write_leaves_the_old_file_untouched_and_no_part_file(demo_db, out, monkeypatch):
    tmp_path = out
    target = tmp_path / "会议纪要.pdf"
    target.write_bytes(b"old minutes")
    from fazhi_desktop.export import minutes as pdf_minutes

    def full(data, handle, **_kwargs):
        handle.write(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(pdf_minutes, "write_minutes_pdf", full)
    with pytest.raises(UserError, match="磁盘空间不足"):
        run_export(demo_db, 1, {"pdf": target})
    assert target.read_bytes() == b"old minutes"
    assert _files(tmp_path) == ["会议纪要.pdf"]


def test_file_locked_by_another_program_is_named(demo_db, out, monkeypatch):
    tmp_path = out
    target = tmp_path / "评议数据.xlsx"
    target.write_bytes(b"open in excel")

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError, match="其他程序"):
        run_export(demo_db, 1, {"xlsx": target})
    assert target.read_bytes() == b"open in excel"
    assert _files(tmp_path) == ["评议数据.xlsx"]


def test_cancel_stops_between_files(demo_db, out):
    tmp_path = out
    calls = []
    with pytest.raises(ExportCancelled, match="已取消"):
        run_export(demo_db, 1, tmp_path, progress=lambda d, n, label: calls.append(d), cancelled=lambda: len(calls) >= 2)
    assert len(_files(tmp_path)) == 2


def test_unknown_session_is_a_user_error(demo_db, tmp_path):
    with pytest.raises(UserError, match="没有编号为 99"):
        run_export(demo_db, 99, tmp_path)


def test_without_a_truetype_font_the_pdf_still_renders_with_a_warning(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_mod, "candidates", lambda role: [])
    fonts_mod.pdf_fonts.cache_clear()
    try:
        result = run_export(demo_db, 1, {"pdf": tmp_path / "m.pdf"})
        assert result.font_warning and "未找到可嵌入的中文" in result.font_warning
        # This poppler lacks the Adobe-GB1 language pack (poppler-data), so it cannot draw CID
        # fonts: check the file itself names STSong-Light and embeds no font program.
        raw = (tmp_path / "m.pdf").read_bytes()
        assert b"/STSong-Light" in raw and b"/FontFile" not in raw
        assert raw.startswith(b"%PDF-") and raw.rstrip().endswith(b"%%EOF")
    finally:
        fonts_mod.pdf_fonts.cache_clear()


def test_cli_export_writes_the_named_files(demo_db, db_path, tmp_path, capsys):
    demo_db.conn.close()
    out = tmp_path / "out"
    code = cli.run(["--db", str(db_path), "export", "--session", "1", "--pdf", str(out / "m.pdf"),
                    "--docx", str(out / "m.docx"), "--xlsx", str(out / "m.xlsx")])
    printed = capsys.readouterr().out
    assert code == 0
    assert _files(out) == ["m.docx", "m.pdf", "m.xlsx"]
    assert "fingerprint=" in printed and "export_ms=" in printed


def test_cli_export_folder_and_refusals(demo_db, db_path, tmp_path, capsys):
    demo_db.conn.close()
    assert cli.run(["--db", str(db_path), "export", "--session", "1", "--folder", str(tmp_path / "all"),
                    "--no-expert-names"]) == 0
    assert len(_files(tmp_path / "all")) == 16
    for name in ("评议意见书/评议意见书_梁平区.pdf", "会议纪要.pdf"):  # names left out of every document sent
        assert "周立" not in pdftotext(tmp_path / "all" / name)
    assert cli.run(["--db", str(db_path), "export", "--session", "1"]) == 2
    assert "--papers" in capsys.readouterr().err


def test_self_test_export_checks_and_is_fast(demo_db, tmp_path):
    figures = self_test_export(demo_db, 1, tmp_path)
    assert figures["pdf_pages"] >= 5
    assert figures["export_ms"] < 5000  # ~0.5 s warm on 2 cores; generous for a loaded CI box


def test_a_session_without_scores_or_units_still_exports(demo_db, fresh_db, out):
    result = run_export(demo_db, 2, out / "draft")  # the demo's 2023 session: units, experts, no scores
    text = pdftotext(out / "draft" / FILE_NAMES["pdf"])
    assert "市教委" in text and "暂无综合得分" in text  # (the draft mark's letters run through the lines)
    assert len(result.files) == 5 and result.skipped  # a draft: no letters
    from fazhi_desktop.library import builtin_templates
    from fazhi_desktop.sessions import create_session

    empty = create_session(demo_db, title="空白评议会", template=builtin_templates()[0])
    assert len(run_export(demo_db, empty, out / "empty").files) == 5
