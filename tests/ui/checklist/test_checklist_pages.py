"""The checklist pages in detail: the grid model (qtmodeltester), selection ratings, notes and
evidence files, an import refused with its row, the template editor switching kinds, corrections
after sealing, and the dossier's records after naming in the history window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from fazhi_desktop import sessions
from fazhi_desktop.checklist import dossier
from fazhi_desktop.checklist.demo import add_checklist_demo
from fazhi_desktop.checklist.evidence import list_evidence
from fazhi_desktop.checklist.ratings import get_rating
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.scoring import audit_log
from fazhi_desktop.seal import seal
from ui import dialogs
from ui.checklist.dossier_panel import RecordDialog
from ui.checklist.rating_model import FIRST_UNIT, RatingGridModel
from ui.checklist.rating_page import RatingPage
from ui.checklist.revision_dialog import RatingRevisionDialog, revision_dialog
from ui.history import HistoryWindow
from ui.history.revision_dialog import RevisionDialog
from ui.setup.template_editor import TemplateEditor


@pytest.fixture
def demo(fresh_db):
    return add_checklist_demo(fresh_db, finish=False)


def test_grid_model_passes_the_model_tester_and_shows_rates(qtmodeltester, fresh_db, demo):
    model = RatingGridModel(fresh_db, demo)
    qtmodeltester.check(model)
    kinds = [r.kind for r in model.rows]
    assert kinds.count("area") == 9 and kinds.count("leaf") == 30 and kinds[-1] == "total"
    total = model.rowCount() - 1
    assert [model.index(total, c).data() for c in range(FIRST_UNIT, model.columnCount())] == [
        "90.00% 达标", "100.00% 达标", "83.33% 未达", "89.66% 未达", "96.67% 达标"]
    assert "精确值 89.6552%" in model.index(total, FIRST_UNIT + 3).data(Qt.ItemDataRole.ToolTipRole)


def test_a_selection_is_rated_at_once_and_undone_as_one(qtbot, fresh_db, demo):
    page = RatingPage(fresh_db, demo)
    qtbot.addWidget(page)
    m, view = page.model, page.view
    leaves = m.leaf_rows()
    sel = view.selectionModel()
    for r in leaves[:3]:
        sel.select(m.index(r, FIRST_UNIT), QItemSelectionModel.SelectionFlag.Select)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_3)
    key = m.cell(leaves[0], FIRST_UNIT)
    assert get_rating(fresh_db, *key).rating == "unmet"
    assert page.undo_stack.count() == 1 and page.undo_stack.undoText() == "评定 3 项：未达标"
    page.undo_stack.undo()
    assert get_rating(fresh_db, *key).rating == "met"
    assert m.index(m.rowCount() - 1, FIRST_UNIT).data() == "90.00% 达标"


def test_note_evidence_file_and_a_refused_import(qtbot, fresh_db, demo, tmp_path):
    page = RatingPage(fresh_db, demo)
    qtbot.addWidget(page)
    m = page.model
    row = m.leaf_rows()[0]
    page.view.setCurrentIndex(m.index(row, FIRST_UNIT + 1))
    scan = tmp_path / "政务服务清单.pdf"
    scan.write_bytes(b"%PDF scan")
    assert page.add_evidence_file(str(scan))
    assert page.detail.files.count() == 1 and page.detail.files.item(0).text().startswith("政务服务清单.pdf")
    page.detail.files.setCurrentRow(0)
    assert page.remove_evidence_file() and page.detail.files.count() == 0
    assert list_evidence(fresh_db, demo) == []
    bad = tmp_path / "评定.csv"
    bad.write_text("单位,指标,评定\n万州区,1,基本达标\n", encoding="utf-8")
    assert not page.import_file(str(bad))
    assert "第 2 行：评定“基本达标”无效" in page.message.text()
    good = tmp_path / "评定2.csv"
    good.write_text("单位,指标,评定,说明\n万州区,1,未达标,复核发现未实现一网通办\n", encoding="utf-8")
    assert page.import_file(str(good)) and page.message.text() == "已导入 1 个评定。"
    assert m.index(row, FIRST_UNIT).data() == "未达 ※"


def test_template_editor_switches_kind_and_saves_a_checklist(qtbot, fresh_db):
    sid = sessions.create_session(fresh_db, title="评议会", template=builtin_templates()[0])
    editor = TemplateEditor(fresh_db, sid)
    qtbot.addWidget(editor)
    assert not editor.is_checklist() and editor.checklist_box.isHidden() and editor.table_button.isHidden()
    editor.kind.setCurrentIndex(editor.kind.findData("checklist"))
    assert not editor.checklist_box.isHidden() and editor.tree.isColumnHidden(1)
    assert editor.sum_label.text() == "一级指标 5 项，评估指标 6 项"
    editor.threshold.setValue(85)
    editor.partial_weight.setValue(0.5)
    assert editor.save(), editor.message.text()
    t = sessions.load_template(fresh_db, sid)
    assert t.is_checklist and (t.threshold, t.partial_weight) == (85, 0.5) and len(t.leaves()) == 6
    editor.kind.setCurrentIndex(editor.kind.findData("scores"))  # back: the leaves need maxima again
    assert not editor.save() and "末级指标必须有一个正数满分" in editor.message.text()


def test_a_sealed_rating_is_corrected_with_a_reason(qtbot, fresh_db, demo):
    from fazhi_desktop.lifecycle import finish_session

    finish_session(fresh_db, session_id=demo)
    seal(fresh_db, session_id=demo, confirmed=True)
    d = revision_dialog(fresh_db, demo)
    qtbot.addWidget(d)
    assert isinstance(d, RatingRevisionDialog) and d.current.text() == "达标"
    d.rating.setCurrentIndex(d.rating.findData("unmet"))
    d.accept()
    assert "原因" in d.error.text()
    d.reason.setPlainText("复核发现未实现一网通办")
    d.accept()
    assert d.result_fingerprints and sessions.get_session(fresh_db, demo).status == "sealed"
    last = [r for r in audit_log(fresh_db, demo) if r["action"] == "修改评定"][-1]
    assert (last["unit"], last["before"], last["after"]) == ("万州区", "达标", "未达标")
    scored = sessions.create_session(fresh_db, title="评议会", template=builtin_templates()[0])
    other = revision_dialog(fresh_db, scored)
    qtbot.addWidget(other)
    assert isinstance(other, RevisionDialog)


def test_the_dossier_carries_reports_visits_and_a_delisting(qtbot, fresh_db, demo, monkeypatch):
    w = HistoryWindow(fresh_db, today=lambda: "2025-10-01")
    qtbot.addWidget(w)
    w.show_dossier("梁平区")
    panel = w.dossier.demonstration
    assert "梁平区 于 2024-07-01 经“2024年度法治政府建设示范创建评估”命名" in panel.state.text()
    assert w.dossier.lower.tabText(3) == "示范创建（示范单位）"

    def fill(values):
        def run(dialog: RecordDialog):
            for name, value in values.items():
                widget = getattr(dialog, name)
                if hasattr(widget, "setPlainText"):
                    widget.setPlainText(value)
                elif hasattr(widget, "findData"):
                    widget.setCurrentIndex(widget.findData(value))
                else:
                    widget.setText(value)
            dialog.accept()
            return dialog.result() == 1
        monkeypatch.setattr(dialogs, "run_dialog", run)

    fill({"date": "2025-03-01", "year": "2024", "note": "已在区政府网站公开"})
    assert panel.add("annual_report")
    fill({"date": "2025-08-01", "outcome": "不符合示范要求", "note": "重大决策未经合法性审查"})
    assert panel.add("return_visit")
    fill({"date": "2025-09-01", "cause": "below_standard"})
    assert panel.add("delisting")
    assert [panel.records.index(r, 1).data() for r in range(3)] == ["年度报告", "回访核查", "摘牌"]
    assert "已于 2025-09-01 摘牌" in panel.state.text() and not panel.buttons["annual_report"].isEnabled()
    assert dossier.demonstration_status(fresh_db, "梁平区").state == "已摘牌"
    w.show_dossier("云阳县")
    assert "没有示范命名记录" in w.dossier.demonstration.state.text()
