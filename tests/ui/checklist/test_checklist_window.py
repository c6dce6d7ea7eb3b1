"""A 示范创建 assessment end to end in the real window, driven through its widgets: create from the
built-in template, import the indicator table, five candidates rated by keyboard, rates and
pass/fail seen live, the steps recorded up to naming, finish and seal from the 会议 menu, export."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from openpyxl import Workbook

from fazhi_desktop import sessions
from fazhi_desktop.checklist.results import checklist_results_json, compute_checklist_results
from fazhi_desktop.checklist.steps import steps_for
from fazhi_desktop.export.checklist_run import REPORTS_FOLDER
from fazhi_desktop.scoring import audit_log
from ui import dialogs
from ui.checklist.rating_model import FIRST_UNIT
from ui.export.dialog import ExportDialog
from ui.main_window import MainWindow
from ui.session_list import NewSessionDialog

from ..conftest import close_window

BUILTIN = "市县法治政府建设示范指标体系（2021年版）"
CANDIDATES = ["万州区", "梁平区", "云阳县", "开州区", "忠县"]
# keys per candidate over ten indicators: 1 达标, 2 部分达标, 3 未达标, 0 不适用
KEYS = {"万州区": "1111111113",   # 9 of 10 → 90.00, passes
        "梁平区": "1111111110",   # 9 of 9 → 100.00
        "云阳县": "1111111233",   # 7 of 10 → 70.00
        "开州区": "1111111111",   # 100.00
        "忠县": "1111111123"}     # 8 of 10 → 80.00


def indicator_table(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["市县法治政府建设示范指标体系（示例）"])
    ws.append(["一级指标", "二级指标", "三级指标", "评估要点", "佐证要求"])
    for area in ("政府职能依法全面履行", "行政执法严格规范公正文明"):
        for i in range(1, 6):
            ws.append([area, f"{area[:4]}二级", f"{area[:4]}指标{i}", "", "制度文件"])
    wb.save(path)
    return path


def answer(monkeypatch, fill):
    def run(dialog):
        fill(dialog)
        if not dialog.ok_button.isEnabled():
            return False
        dialog.accept()
        return dialog.result() == 1
    monkeypatch.setattr(dialogs, "run_dialog", run)


def test_a_checklist_session_end_to_end(qtbot, fresh_db, db_path, tmp_path, monkeypatch):
    w = MainWindow(fresh_db, db_path)
    w.show()
    try:
        # 1. a new session from the built-in checklist template
        d = NewSessionDialog(fresh_db, w)
        qtbot.addWidget(d)
        d.title.setText("2024年度法治政府建设示范创建评估")
        d.date.setText("2024-05-20")
        d.template.setCurrentIndex(d.template.findData(BUILTIN))
        d.accept()
        assert d.kind.currentText() == "法治政府建设示范创建"
        sid = d.created_id
        w.session_list.reload(keep=sid)
        assert w.checklist and [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
            "会前筹备", "指标评定", "评估结果", "创建进程"]
        assert w.actions["meeting.begin"].text() == "开始评估"
        setup = w.page("setup")
        assert setup.tabs.count() == 4  # no 回避 in an assessment

        # 2. the indicator table into the template, saved; the candidates typed in
        editor = setup.template
        assert editor.is_checklist() and editor.tree.isColumnHidden(1) and not editor.tree.isColumnHidden(3)
        assert editor.import_indicator_table(str(indicator_table(tmp_path / "指标表.xlsx")))
        assert "2 项一级指标、2 项二级指标、10 项三级指标" in editor.message.text()
        assert editor.save(), editor.message.text()
        assert len(sessions.load_template(fresh_db, sid).leaves()) == 10
        for name in CANDIDATES:
            setup.units.new_name.setText(name)
            setup.units.add()
        w.actions["meeting.begin"].trigger()
        assert sessions.get_session(fresh_db, sid).status == "live"
        assert w.tabs.currentWidget().property("page_key") == "ratings"

        # 3. rating by keyboard: each key rates and moves down the column, then to the next candidate
        page = w.page("ratings")
        view, model = page.view, page.model
        assert model.columnCount() == FIRST_UNIT + 5
        view.setFocus()
        view.setCurrentIndex(view.next_cell(model.index(0, 0)))
        for name in CANDIDATES:
            for key in KEYS[name]:
                QTest.keyClick(view, getattr(Qt.Key, f"Key_{key}"))
        total = model.rowCount() - 1
        shown = [model.index(total, c).data() for c in range(FIRST_UNIT, model.columnCount())]
        assert shown == ["90.00% 达标", "100.00% 达标", "70.00% 未达", "100.00% 达标", "80.00% 未达"]
        area = next(i for i, r in enumerate(model.rows) if r.kind == "area" and r.name.startswith("行政执法"))
        assert model.index(area, FIRST_UNIT + 2).data() == "40.00%"  # 云阳县 in 执法: 2 of 5
        # undo one key, redo it
        w.actions["edit.undo"].trigger()
        assert model.index(total, FIRST_UNIT + 4).data().endswith("…")  # 忠县 one short again
        w.actions["edit.redo"].trigger()
        assert model.index(total, FIRST_UNIT + 4).data() == "80.00% 未达"
        # a note on 云阳县's last indicator
        view.setCurrentIndex(model.index(total - 1, FIRST_UNIT + 2))
        page.detail.note.setPlainText("执法公示不全")
        assert page.save_note()
        assert "※" in model.index(total - 1, FIRST_UNIT + 2).data()

        # 4. results: the line between pass and fail
        w.show_page("results")
        results = w.page("results")
        ranking = results.ranking
        names = [r.name if r else "——" for r in ranking.rows]
        assert names == ["梁平区", "开州区", "万州区", "——", "忠县", "云阳县"]
        data = checklist_results_json(compute_checklist_results(fresh_db, sid))
        assert [(u["rate"], u["passed"]) for u in data["units"]] == [
            (90.0, True), (100.0, True), (70.0, False), (100.0, True), (80.0, False)]

        # 5. the path of 万州区 up to naming, through the step rows
        w.show_page("path")
        path = w.page("path")
        path.list_view.selectRow(0)
        rows = path.rows

        def record(key, date, outcome="", value="", note="", end="", objections=""):
            row = rows[key]
            row.date.setText(date)
            row.end.setText(end)
            row.outcome.setCurrentIndex(row.outcome.findData(outcome))
            row.value.setText(value)
            row.objections.setText(objections)
            row.note.setText(note)
            row.save.click()
            return path.message.text()

        record("self_assessment", "2024-01-15", "自评达标", "95")
        record("application", "2024-01-25", "已申报")
        record("preliminary", "2024-02-20", "推荐", note="市委依法治市办推荐")
        rows["third_party"].fill.click()
        assert rows["third_party"].value.text() == "90.00"
        rows["third_party"].date.setText("2024-05-20")
        rows["third_party"].save.click()
        assert "已记录人民群众满意度测评" in record("survey", "2024-05-22", "通过", "91.6")
        assert "早于前一步" in record("onsite", "2024-01-01", "通过")
        record("onsite", "2024-05-28", "通过")
        rows["notice"].date.setText("2024-06-10")
        rows["notice"].date.editingFinished.emit()
        assert rows["notice"].end.text() == "2024-06-16"  # seven days
        record("notice", "2024-06-10", "无异议", end="2024-06-16", objections="0")
        assert "已记录命名" in record("naming", "2024-07-01", "予以命名", note="渝法治办〔2024〕12号")
        assert path.proposals.rows[0].named
        unit_id = path.units[0].id
        assert steps_for(fresh_db, sid)[(unit_id, "naming")].outcome == "予以命名"

        # 6. finish and seal through the 会议 menu
        answer(monkeypatch, lambda dlg: None)
        w.actions["meeting.finish"].trigger()  # the 会议 menu's QAction (a menu wrapper from the bar is not kept on 6.9)
        assert sessions.get_session(fresh_db, sid).status == "finished"
        assert not page.detail.buttons["met"].isEnabled() and not page.banner.isHidden()
        answer(monkeypatch, lambda dlg: dlg.confirm.setChecked(True))
        w.actions["meeting.seal"].trigger()
        assert sessions.get_session(fresh_db, sid).status == "sealed"
        assert any(r["action"] == "封盘" for r in audit_log(fresh_db, sid))

        # 7. export through the dialog (a worker thread)
        dialog = ExportDialog(fresh_db, sid, w)
        qtbot.addWidget(dialog)
        dialog.folder_edit.setText(str(tmp_path / "导出"))
        assert dialog.selected_kinds() == ["cl_summary", "cl_summary_docx", "cl_reports", "cl_reports_docx", "cl_xlsx"]
        dialog.start_export()
        qtbot.waitUntil(lambda: dialog.result is not None or "失败" in dialog.status.text(), timeout=60000)
        qtbot.waitUntil(lambda: dialog.thread is None, timeout=10000)
        assert dialog.result is not None, dialog.status.text()
        assert (tmp_path / "导出" / "评估结果汇总表.pdf").is_file()
        assert (tmp_path / "导出" / REPORTS_FOLDER / "评估报告_万州区.docx").is_file()
        assert not dialog.result.draft
    finally:
        close_window(w)
