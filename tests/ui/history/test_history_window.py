"""The history window as a secretary or expert uses it: sessions with filters and read-only detail,
sealing with confirmation, search, the unit dossier chart, the ledger's dialogs, packages, and the
open-items panel of the live console."""
from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from fazhi_desktop import history_gen, ledger, package
from fazhi_desktop.db import open_db
from fazhi_desktop.sessions import get_session
from tests.core.history.conftest import add_scored_copy
from ui import dialogs
from ui.history import HistoryWindow, OpenItemsPanel
from ui.history import models as history_models
from ui.history.chart import FINAL_COLOUR
from ui.history.ledger_dialogs import CloseDialog, ItemDialog

TODAY = "2021-10-01"


@pytest.fixture
def db(demo_db):
    add_scored_copy(demo_db)
    ledger.create_from_questions(demo_db, session_id=1)
    return demo_db


@pytest.fixture
def window(qtbot, db):
    w = HistoryWindow(db, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def cells(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_sessions_listed_newest_first_filtered_and_shown_read_only(window, qtbot):
    tab = window.sessions
    assert cells(tab.model, 1) == ["2023-11-17", "2021-10-20", "2020-10-27"]
    tab.status.setCurrentIndex(tab.status.findData("finished"))
    assert cells(tab.model, 1) == ["2021-10-20", "2020-10-27"] and tab.count.text() == "共 2 场"
    tab.year.setCurrentIndex(tab.year.findData(2020))
    assert cells(tab.model, 0) == ["法治政府建设暨“七五”普法第二片区总结评议会"]
    assert "已结束" in tab.detail_info.text() and "指纹" in tab.detail_info.text()
    assert tab.results.rowCount() == 11 and tab.results.index(0, 0).data() == "1"
    with qtbot.waitSignal(window.open_session_requested) as sig:
        tab.open_button.click()
    assert sig.args == [1]


def test_seal_asks_first_then_seals_and_reopen_is_disabled(window, db, monkeypatch):
    from ui.lifecycle import SealDialog

    tab = window.sessions
    tab.select(1)
    shown = []

    def cancel(dialog):
        shown.append(dialog)
        return False
    monkeypatch.setattr(dialogs, "run_dialog", cancel)
    assert not tab.seal_selected() and get_session(db, 1).status == "finished"
    assert isinstance(shown[0], SealDialog)  # the same dialog as the 会议 menu, with the fingerprint

    def tick(dialog):
        dialog.confirm.setChecked(True)
        dialog.accept()
        return True
    monkeypatch.setattr(dialogs, "run_dialog", tick)
    assert tab.seal_selected()
    assert get_session(db, 1).status == "sealed"
    tab.select(1)
    assert "已封盘" in tab.detail_info.text()
    assert not tab.seal_button.isEnabled() and not tab.reopen_button.isEnabled()


def test_search_two_characters_and_jump_to_the_dossier(window):
    window.tabs.setCurrentWidget(window.search)
    window.search.query.setText("执法")
    n = window.search.run()
    texts = cells(window.search.model, 1)
    assert n > 0 and all("执法" in t for t in texts)
    assert "提问" in cells(window.search.model, 0)
    row = next(r for r, h in enumerate(window.search.model.hits) if h.unit_name == "万州区")
    window.search.open_hit(window.search.model.index(row, 0))
    assert window.tabs.currentWidget() is window.dossier
    assert window.dossier.unit.currentText() == "万州区"


def test_dossier_chart_paints_the_finals_and_ranks(window, qtbot):
    window.show_dossier("万州区")
    d = window.dossier
    assert d.sessions.rowCount() == 2 and cells(d.sessions, 0) == ["2021-10-20", "2020-10-27"]
    assert all("/11" in r for r in cells(d.sessions, 4))
    series = d.chart.series()
    assert list(series)[0] == "综合得分" and len(series["综合得分"]) == 2
    assert "严格规范执法" in "".join(series)
    qtbot.wait(10)
    image = d.chart.grab().toImage()
    ratio = d.chart.devicePixelRatioF()
    pt = d.chart.point_at(0, 1)
    colour = QColor(image.pixel(int(pt.x() * ratio), int(pt.y() * ratio)))
    assert abs(colour.red() - FINAL_COLOUR.red()) < 40 and colour.green() < 90  # the red final's dot
    assert "未完成整改" in d.aliases.text() and d.items.rowCount() == 1


def test_ledger_add_close_without_evidence_refused_then_closed(window, db, monkeypatch):
    tab = window.ledger
    window.tabs.setCurrentWidget(tab)
    assert tab.count.text() == f"共 {ledger.count_items(db)} 项"
    overdue_row = cells(tab.model, 6).index("逾期")
    assert tab.model.index(overdue_row, 1).data(Qt.ItemDataRole.BackgroundRole).color() == history_models.OVERDUE_BG
    d = ItemDialog(db, None, window, unit="梁平区")
    d.problem.setPlainText("重大行政决策目录未公开")
    d.deadline.setText("2021-13-01")
    d.accept()
    assert "日期" in d.error.text() and ledger.count_items(db) == 2
    d.deadline.setText("2022-03-31")
    d.accept()
    assert d.saved_id and ledger.get_item(db, d.saved_id)["unit_name"] == "梁平区"
    tab.apply_filters()
    tab.unit.setCurrentText("梁平区")
    assert cells(tab.model, 1) == ["重大行政决策目录未公开"]
    tab.view.selectRow(0)
    c = CloseDialog(db, tab.selected(), window)
    c.accept()
    assert "佐证" in c.error.text() and ledger.get_item(db, d.saved_id)["status"] == "todo"
    c.evidence.setPlainText("目录已于政府网站公开")
    c.closed_at.setText("2021-09-30")
    c.accept()
    assert c.closed and ledger.get_item(db, d.saved_id)["status"] == "done"
    tab.apply_filters()
    assert cells(tab.model, 6) == ["已完成"]


def test_ledger_filters_and_xlsx_export(window, tmp_path, monkeypatch):
    tab = window.ledger
    tab.status.setCurrentIndex(tab.status.findData("overdue"))
    assert set(cells(tab.model, 6)) == {"逾期"}
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(window, "ask_path", lambda **k: str(target))
    assert tab.export()
    from openpyxl import load_workbook

    rows = list(load_workbook(target).active.iter_rows(min_row=3, values_only=True))
    assert len(rows) == tab.model.rowCount() and {r[11] for r in rows} == {"逾期"}


def test_import_package_in_the_window_and_tampered_refused(qtbot, db, tmp_path, monkeypatch):
    path = package.export_package(db, session_id=1, path=tmp_path / "p.fzpkg").path
    other = open_db(tmp_path / "other.db")
    w = HistoryWindow(other, today=lambda: TODAY)
    qtbot.addWidget(w)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, e, *a: errors.append(str(e)))
    bad = tmp_path / "bad.fzpkg"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            dst.writestr(info.filename, blob.replace("万州区".encode(), "万洲区".encode()) if info.filename == "session.json"
                         else blob)
    monkeypatch.setattr(w, "ask_path", lambda **k: str(bad))
    assert not w.import_package() and "已损坏或被改动" in errors[0]
    assert w.sessions.model.rowCount() == 0
    monkeypatch.setattr(w, "ask_path", lambda **k: str(path))
    assert w.import_package()
    assert w.sessions.model.rowCount() == 1 and "已加入本机历史" in w.status_label.text()
    assert "导出签名" in w.status_label.text()  # who signed the package is shown
    assert not w.import_package() and "完全相同" in errors[-1]
    other.conn.close()


def test_open_items_panel_for_the_live_console(qtbot, db):
    later = add_scored_copy(db, day="2022-10-20", seed=9)
    unit = db.execute("SELECT id FROM units WHERE session_id = ? AND name = '万州区'", [later]).fetchone()[0]
    panel = OpenItemsPanel(db, later, unit, today="2022-10-20")
    qtbot.addWidget(panel)
    assert panel.count() == 1 and panel.list.count() == 1
    text = panel.list.item(0).text()
    assert text.startswith("【逾期】") and "执法" in text and "2020" in text
    assert "万州区" in panel.title.text() and "1 项" in panel.title.text()
    other = db.execute("SELECT id FROM units WHERE session_id = ? AND name = '梁平区'", [later]).fetchone()[0]
    panel.set_unit(other)
    assert panel.count() == 0 and "没有未完成" in panel.title.text()
    first = OpenItemsPanel(db, 1, None)
    qtbot.addWidget(first)
    assert first.count() == 0


def test_history_model_pages_through_many_sessions(qtbot, qtmodeltester, fresh_db, monkeypatch):
    monkeypatch.setattr(history_models, "PAGE", 5)
    history_gen.generate(fresh_db, 12, questions_per_unit=1, today="2024-01-01")
    model = history_models.HistoryModel(fresh_db)
    assert model.rowCount() == 5 and model.total_count() == 12 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 12
    dates = cells(model, 1)
    assert dates == sorted(dates, reverse=True)
    qtmodeltester.check(model)
    items = history_models.LedgerModel(fresh_db, today=lambda: "2024-01-01")
    items.reload()
    qtmodeltester.check(items)
    assert items.total_count() == ledger.count_items(fresh_db)


def test_revision_of_a_sealed_score_from_the_window(window, db, monkeypatch):
    from fazhi_desktop import seal
    from fazhi_desktop.scoring import audit_log
    from ui.history.revision_dialog import RevisionDialog

    seal.seal(db, session_id=1, confirmed=True)
    window.refresh()
    window.sessions.select(1)
    assert window.sessions.revise_button.isEnabled()
    d = RevisionDialog(db, 1, window)
    old = d.current.text()
    d.value.setText("1" if old != "1" else "2")
    d.accept()
    assert "原因" in d.error.text() and audit_log(db, 1)[-1]["action"] == "封盘"
    d.reason.setPlainText("誊录笔误")
    d.accept()
    assert d.result_fingerprints and d.result_fingerprints[0] != d.result_fingerprints[1]
    last = audit_log(db, 1)[-1]
    assert (last["action"], last["reason"]) == ("封盘后更正", "誊录笔误")
    assert get_session(db, 1).status == "sealed"


def test_newer_package_asks_before_updating(qtbot, db, tmp_path, monkeypatch):
    from fazhi_desktop import seal

    first = package.export_package(db, session_id=1, path=tmp_path / "a.fzpkg").path
    other = open_db(tmp_path / "o.db")
    package.import_package(other, first)
    seal.seal(db, session_id=1, confirmed=True)
    newer = package.export_package(db, session_id=1, path=tmp_path / "b.fzpkg").path
    w = HistoryWindow(other, today=lambda: TODAY)
    qtbot.addWidget(w)
    errors, asked = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, e, *a: errors.append(str(e)))
    monkeypatch.setattr(w, "ask_path", lambda **k: str(newer))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, text, *a, **k: asked.append(text) or False)
    assert not w.import_package() and "保留本机" in errors[-1] and "较新" in asked[0]
    assert get_session(other, 1).status == "finished"
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert w.import_package() and get_session(other, 1).status == "sealed"
    other.conn.close()
