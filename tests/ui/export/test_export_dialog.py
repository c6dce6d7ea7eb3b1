"""The export dialog as the secretary meets it: fingerprint shown, progress while a worker
exports, the window stays responsive, errors in plain words, names left out on request."""
from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTime, QTimer

from fazhi_desktop.export import session_fingerprint, short_fingerprint
from fazhi_desktop.export.fonts import PdfFonts
from ui import settings as ui_settings
from ui.export import dialog as dialog_mod
from ui.export.dialog import ExportDialog

SHOTS = Path(__file__).resolve().parents[3] / "shots"


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(ui_settings, "qsettings", lambda: store)
    return store


def make(qtbot, db, folder: Path) -> ExportDialog:
    dlg = ExportDialog(db, 1)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(folder))
    dlg.show()
    return dlg


def finish(qtbot, dlg, timeout=20000):
    qtbot.waitUntil(lambda: dlg.thread is None, timeout=timeout)


def test_shows_the_same_fingerprint_as_the_pages(qtbot, demo_db, tmp_path):
    dlg = make(qtbot, demo_db, tmp_path / "out")
    fp = short_fingerprint(session_fingerprint(demo_db, 1))
    assert fp in dlg.fingerprint_label.text()
    assert not dlg.font_warning.isVisible()  # a TrueType CJK font exists here
    for size in ((1366, 768), (1920, 1080)):
        dlg.resize(min(size[0], 640), min(size[1], 620))
        SHOTS.mkdir(exist_ok=True)
        dlg.grab().save(str(SHOTS / f"export_dialog_{size[0]}.png"))


def test_exports_everything_with_progress_and_the_window_stays_responsive(qtbot, demo_db, tmp_path):
    out = tmp_path / "out"
    dlg = make(qtbot, demo_db, out)
    seen: list[int] = []
    dlg.progress.valueChanged.connect(seen.append)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    t = time.perf_counter()
    dlg.export_button.click()
    assert time.perf_counter() - t < 0.5  # the click returns at once: the work is in the worker
    assert dlg.close_button.text() == "取消导出" and not dlg.export_button.isEnabled()
    finish(qtbot, dlg)
    timer.stop()
    assert dlg.result is not None, dlg.status.text()
    assert len(ticks) >= 5  # the event loop kept running during the export
    assert "已导出 15 个文件" in dlg.status.text()  # the documents after the meeting (the papers are not ticked)
    assert dlg.progress.value() == dlg.progress.maximum()
    assert len(set(seen)) > 5
    assert (out / "会议纪要.pdf").exists() and len(list((out / "评议意见书").iterdir())) == 11
    assert dlg.open_button.isEnabled() and dlg.close_button.text() == "关闭"
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "export_dialog_done.png"))


def test_remembers_folder_and_the_names_setting(qtbot, demo_db, tmp_path, own_settings):
    out = tmp_path / "chosen"
    dlg = make(qtbot, demo_db, out)
    for kind, box in dlg.kind_boxes.items():
        box.setChecked(kind == "feedback")
    dlg.omit_names.setChecked(True)
    dlg.export_button.click()
    finish(qtbot, dlg)
    assert dlg.result is not None, dlg.status.text()
    text = subprocess.run(["pdftotext", str(out / "评议意见书" / "评议意见书_万州区.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"专家[甲乙丙丁戊己庚]问", text) and "周立" not in text and "李文华" not in text
    again = ExportDialog(demo_db, 1)
    qtbot.addWidget(again)
    assert again.omit_names.isChecked()
    assert [k for k, b in again.kind_boxes.items() if b.isChecked()] == ["feedback"]
    # the next export is proposed beside the last one, in a folder named after its session
    other = ExportDialog(demo_db, 2)
    qtbot.addWidget(other)
    assert other.folder_edit.text() == str(tmp_path / "市级普法责任单位普法履职报告评议会_2023-11-17")


def test_unwritable_folder_is_explained_and_nothing_is_written(qtbot, demo_db, tmp_path, monkeypatch):
    out = tmp_path / "ro"
    out.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).startswith(str(out)) else real(p, mode))
    dlg = make(qtbot, demo_db, out)
    dlg.export_button.click()
    finish(qtbot, dlg)
    assert dlg.result is None
    assert "导出失败" in dlg.status.text() and "不可写" in dlg.status.text()
    assert list(out.iterdir()) == []
    assert dlg.export_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "export_dialog_error.png"))


def test_cancel_stops_after_the_current_file(qtbot, demo_db, tmp_path):
    out = tmp_path / "out"
    dlg = make(qtbot, demo_db, out)
    dlg.export_button.click()
    dlg.close_button.click()  # 取消导出
    finish(qtbot, dlg)
    assert dlg.result is None
    assert "已取消" in dlg.status.text()
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) < 15 and not [p for p in written if p.suffix == ".part"]


def test_warns_when_no_truetype_chinese_font(qtbot, demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(dialog_mod, "pdf_fonts", lambda: PdfFonts({"fang": "STSong-Light"}, {}, (), False))
    dlg = make(qtbot, demo_db, tmp_path)
    assert dlg.font_warning.isVisible()
    assert "未找到可嵌入的中文" in dlg.font_warning.text()
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "export_dialog_font_warning.png"))


def test_papers_before_the_meeting_with_a_start_time(qtbot, demo_db, tmp_path):
    out = tmp_path / "papers"
    dlg = ExportDialog(demo_db, 2)  # the 2023 session, ready to run
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(out))
    for kind, box in dlg.kind_boxes.items():
        box.setChecked(kind in ("agenda", "signin", "blank", "cards"))
    dlg.start_time.setTime(QTime(14, 30))
    dlg.show()
    dlg.export_button.click()
    finish(qtbot, dlg)
    assert dlg.result is not None, dlg.status.text()
    assert sorted(p.name for p in out.iterdir()) == sorted(["议程.pdf", "签到表.pdf", "空白评分表.pdf", "桌签.pdf"])
    text = subprocess.run(["pdftotext", str(out / "议程.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "14:30" in text
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "export_dialog_papers.png"))


def test_a_draft_session_gets_no_letters_and_says_why(qtbot, demo_db, tmp_path):
    dlg = ExportDialog(demo_db, 2)  # 筹备中
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.draft_note.isVisible() and "草稿（未定稿）" in dlg.draft_note.text()
    assert not dlg.kind_boxes["feedback"].isEnabled() and "feedback" not in dlg.selected_kinds()


def test_print_opens_an_exported_pdf_in_the_system_viewer(qtbot, demo_db, tmp_path, monkeypatch):
    from ui.export import printing

    opened = []
    monkeypatch.setattr(printing.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dlg = make(qtbot, demo_db, tmp_path / "out")
    for kind, box in dlg.kind_boxes.items():
        box.setChecked(kind in ("pdf", "feedback"))
    dlg.export_button.click()
    finish(qtbot, dlg)
    assert dlg.print_button.isEnabled()
    actions = dlg.print_menu.actions()
    assert len(actions) == 12 and actions[0].text() == "会议纪要.pdf"
    actions[0].trigger()
    assert opened == [str(tmp_path / "out" / "会议纪要.pdf")]


def test_asks_before_replacing_files_and_does_nothing_when_told_no(qtbot, demo_db, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "会议纪要.pdf").write_bytes(b"the printed one")
    asked = []
    monkeypatch.setattr(dialog_mod.dialogs, "confirm", lambda *a, **k: asked.append(a[1]) or False)
    dlg = make(qtbot, demo_db, out)
    for kind, box in dlg.kind_boxes.items():
        box.setChecked(kind == "pdf")
    dlg.export_button.click()
    assert asked and "会议纪要.pdf" in asked[0] and dlg.thread is None
    assert (out / "会议纪要.pdf").read_bytes() == b"the printed one"


def test_the_whole_export_path_is_shown(qtbot, demo_db, tmp_path):
    """A long folder was cut at the left in the line edit: the whole path is shown, wrapped, below it."""
    long = tmp_path / ("法治政府建设暨七五普法第二片区总结评议会" * 3) / "导出"
    dlg = make(qtbot, demo_db, long)
    assert dlg.folder_full.text().replace("\u200b", "") == str(long)
    assert dlg.folder_full.wordWrap() and dlg.folder_edit.toolTip() == str(long)
