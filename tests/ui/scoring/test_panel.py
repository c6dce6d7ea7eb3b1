"""The scoring page, driven by the keyboard the way a secretary copies paper sheets."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fazhi_desktop import scoring
from fazhi_desktop.roster import list_experts, list_units, set_recusal
from fazhi_desktop.sessions import load_template
from ui.scoring.grid_model import FIRST_EXPERT, INVALID_BG, RECUSED_BG
from ui.scoring.panel import ScoringPage

READY = 2  # demo session ready to run: 10 units × 7 experts, 6 leaves, nothing scored


@pytest.fixture
def page(demo_db, qtbot):
    units = list_units(demo_db, READY)
    experts = list_experts(demo_db, READY)
    set_recusal(demo_db, session_id=READY, expert_id=experts[1].id, unit_id=units[0].id, recused=True)
    p = ScoringPage(demo_db, READY)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    p.set_unit(units[0].id)
    p.grid.setFocus()
    yield p
    p._anomaly_timer.stop()
    p.close()


def leaves(db):
    return [leaf for _p, leaf in load_template(db, READY).leaves()]


def type_value(text: str, key=Qt.Key.Key_Return) -> None:
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    QTest.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()  # Enter commits through a queued call in Qt's delegate


def stored(page) -> dict:
    return {(e, c): v for (e, _u, c), v in scoring.scores_for(page.db, READY, page.unit_id).items()}


def test_keyboard_entry_stores_each_value_and_moves_to_next_expert(page):
    db = page.db
    first, second, third = list_experts(db, READY)[:3]  # second is recused on this unit
    grid = page.grid
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (page.model.leaf_rows()[0], FIRST_EXPERT)
    values = ["18", "17.5", "9", "13", "14.5", "19"]
    for k, v in enumerate(values):
        type_value(v, Qt.Key.Key_Tab if k % 2 else Qt.Key.Key_Return)
        # stored at once, not at the end of the sheet
        assert len(stored(page)) == k + 1
    assert stored(page) == {(first.id, leaf.id): Decimal(v) for leaf, v in zip(leaves(db), values)}
    # after the last criterion the cursor is on the first criterion of the next non-recused expert
    assert page.model.expert_at(grid.currentIndex().column()).id == third.id
    assert grid.currentIndex().row() == page.model.leaf_rows()[0]
    # totals row and completeness follow
    total_row = page.model.rowCount() - 1
    assert page.model.index(total_row, FIRST_EXPERT).data() == "91"
    assert page.model.states[first.id] == "complete"
    assert "1/6 已评完" in page.title.text()


def test_invalid_value_is_refused_at_the_cell_and_nothing_stored(page):
    grid = page.grid
    start = grid.currentIndex()
    type_value("25")  # 普法责任制机制建设 max 20
    assert stored(page) == {}
    assert grid.currentIndex() == start  # stays on the refused cell
    cell = page.model.index(start.row(), start.column())
    assert "超出范围" in cell.data(Qt.ItemDataRole.ToolTipRole) and "0 到 20" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "超出范围" in page.status.text()
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == INVALID_BG
    assert grid.state() == grid.State.EditingState  # the editor is open again, the value selected
    type_value("abc")
    assert "不是数字" in cell.data(Qt.ItemDataRole.ToolTipRole) and stored(page) == {}
    assert cell.data() == "abc" and grid.state() == grid.State.EditingState
    type_value("19.5")  # a good value clears the error and moves on
    assert list(stored(page).values()) == [Decimal("19.5")]
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None or cell.data(Qt.ItemDataRole.BackgroundRole).color() != INVALID_BG
    assert grid.currentIndex().row() == page.model.leaf_rows()[1]


def test_undo_restores_previous_stored_value_through_the_service(page):
    type_value("18")
    page.grid.setCurrentIndex(page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT))
    type_value("16")
    assert list(stored(page).values()) == [Decimal(16)]
    page.undo_stack.undo()
    assert list(stored(page).values()) == [Decimal(18)]
    page.undo_stack.undo()
    assert stored(page) == {}
    page.undo_stack.redo()
    assert list(stored(page).values()) == [Decimal(18)]
    assert page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT).data() == "18"


def test_recused_cell_is_grey_and_not_editable(page):
    recused = list_experts(page.db, READY)[1]
    col = page.model.column_of(recused.id)
    cell = page.model.index(page.model.leaf_rows()[0], col)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert cell.data() == "回避"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == RECUSED_BG
    assert page.model.setData(cell, "10") is False
    assert stored(page) == {}
    # painted: the pixel in the middle of the cell is the grey
    page.grid.viewport().repaint()
    image = page.grid.viewport().grab().toImage()
    rect = page.grid.visualRect(cell)
    assert image.pixelColor(rect.center().x(), rect.top() + 3) == RECUSED_BG
    # the unit list says who is recused
    assert "1 回避" in page.units.data(page.units.index(0))


def test_a_refused_value_is_never_left_standing(page):
    grid = page.grid
    start = grid.currentIndex()
    type_value("abc")
    assert page.model.index(start.row(), start.column()).data() == "abc"  # while its editor is open
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    QApplication.processEvents()
    cell = page.model.index(start.row(), start.column())
    assert cell.data() == "" and page.model.error_at(start.row(), start.column()) is None
    assert grid.state() != grid.State.EditingState
    # leaving the cell with a bad value: it is dropped, the reason stays in the status line
    type_value("99")
    grid.setFocus()  # the editor loses the focus (a click elsewhere)
    QApplication.processEvents()
    assert page.model.index(start.row(), start.column()).data() == "" and stored(page) == {}
    assert "超出范围" in page.status.text()


def test_invalid_cell_is_painted_red(page):
    type_value("99")
    cell = page.grid.currentIndex()
    page.grid.viewport().repaint()
    image = page.grid.grab().toImage()  # with the open editor on top of the cell
    rect = page.grid.visualRect(cell).translated(page.grid.viewport().pos())
    assert image.pixelColor(rect.right() - 6, rect.center().y()) == INVALID_BG


def fill_first_expert(page):
    for v in ["18", "17", "9", "13", "14", "19"]:
        type_value(v)


def test_submit_then_locked_edit_needs_reason_and_is_audited(page, monkeypatch):
    first = list_experts(page.db, READY)[0]
    fill_first_expert(page)
    page.grid.setCurrentIndex(page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT))
    assert page.submit_current()
    assert page.model.states[first.id] == "submitted"
    assert "已提交" in page.model.headerData(FIRST_EXPERT, Qt.Orientation.Horizontal)
    # cancelled reason: nothing changes, and the cell shows the stored value, not a red 20
    page.ask_reason = lambda *_a: None
    type_value("20")
    assert stored(page)[(first.id, leaves(page.db)[0].id)] == Decimal(18)
    cell = page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT)
    assert cell.data() == "18" and page.model.error_at(cell.row(), cell.column()) is None
    assert "需要填写原因" in page.status.text()
    # with a reason: stored and audited
    page.ask_reason = lambda *_a: "专家更正笔误"
    page.grid.setCurrentIndex(page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT))
    type_value("20")
    assert stored(page)[(first.id, leaves(page.db)[0].id)] == Decimal(20)
    last = scoring.audit_log(page.db, READY)[-1]
    assert (last["before"], last["after"], last["reason"]) == ("18", "20", "专家更正笔误")
    # undo of a locked edit is audited too
    page.undo_stack.undo()
    assert stored(page)[(first.id, leaves(page.db)[0].id)] == Decimal(18)
    assert scoring.audit_log(page.db, READY)[-1]["reason"].startswith("撤销修改")


def test_incomplete_expert_cannot_submit(page):
    type_value("18")
    page.grid.setCurrentIndex(page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT))
    assert not page.submit_button.isEnabled()
    assert page.submit_current() is False
    assert "未评分" in page.status.text()


def test_delete_clears_a_cell(page):
    type_value("18")
    page.grid.setCurrentIndex(page.model.index(page.model.leaf_rows()[0], FIRST_EXPERT))
    QTest.keyClick(page.grid, Qt.Key.Key_Delete)
    assert stored(page) == {}


def test_set_unit_and_audit_dialog_filters(page, qtbot):
    units = list_units(page.db, READY)
    page.set_unit(units[3].id)
    assert page.units.units[page.unit_view.currentIndex().row()].id == units[3].id
    assert units[3].name in page.title.text()
    dialog = page.show_audit()
    qtbot.addWidget(dialog)
    assert dialog.unit_box.currentText() == units[3].name
    assert dialog.model.rows == []


def test_spread_anomaly_is_shown_to_the_chair(page):
    experts = list_experts(page.db, READY)
    unit = page.unit_id
    for k, expert in enumerate([experts[0], experts[2]]):
        for leaf in leaves(page.db):
            scoring.record_score(page.db, session_id=READY, expert_id=expert.id, unit_id=unit, criterion_id=leaf.id,
                                 value=leaf.maximum * (Decimal("0.95") if k == 0 else Decimal("0.7")))
    page.refresh()
    texts = [page.anomalies.list.item(i).text() for i in range(page.anomalies.list.count())]
    assert any("分差过大" in t and "市教委" in t for t in texts)


def test_shift_tab_goes_back_and_completion_is_announced(page):
    type_value("18", Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    QApplication.processEvents()
    assert page.grid.currentIndex().row() == page.model.leaf_rows()[0]
    page.grid.setCurrentIndex(page.model.index(page.model.leaf_rows()[1], FIRST_EXPERT))
    for v in ["17", "9", "13", "14", "19"]:
        type_value(v)
    assert "已评完全部指标" in page.status.text()
    assert page.submit_button.isEnabled() is False  # cursor moved on to the next expert's column
    assert page.submit_all_button.isEnabled()
    assert page.submit_all_complete()
    assert page.model.states[list_experts(page.db, READY)[0].id] == "submitted"


def test_sealed_session_is_read_only(demo_db, qtbot):
    from fazhi_desktop.sessions import set_status

    set_status(demo_db, session_id=1, status="sealed")
    p = ScoringPage(demo_db, 1)
    qtbot.addWidget(p)
    cell = p.model.index(p.model.leaf_rows()[0], FIRST_EXPERT)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert not p.reopen_button.isEnabled() and not p.submit_all_button.isEnabled()
    p._anomaly_timer.stop()


def test_empty_session_opens(fresh_db, qtbot):
    from fazhi_desktop.library import builtin_templates
    from fazhi_desktop.sessions import create_session

    sid = create_session(fresh_db, title="空", template=builtin_templates()[0])
    p = ScoringPage(fresh_db, sid)
    qtbot.addWidget(p)
    assert p.model.columnCount() == FIRST_EXPERT and "还没有参评单位" in p.title.text()
    p.show_side_panels(False)


def test_import_from_the_window_refuses_whole_file_or_refreshes(page, tmp_path):
    unit = list_units(page.db, READY)[0].name
    bad = tmp_path / "bad.csv"
    bad.write_text(f"专家,单位,指标,得分\n周立,{unit},普法责任制机制建设,18\n周立,{unit},普法实效,25\n", encoding="utf-8")
    page.choose_file = lambda _title: str(bad)
    assert page.import_file("scores") is False
    assert stored(page) == {} and "第 3 行" in page.status.text() and "超出范围" in page.status.text()
    good = tmp_path / "good.csv"
    good.write_text(f"专家,单位,指标,得分\n周立,{unit},普法责任制机制建设,18\n", encoding="utf-8")
    assert page.import_file("scores", str(good))
    first = list_experts(page.db, READY)[0]
    assert page.model.index(page.model.leaf_rows()[0], page.model.column_of(first.id)).data() == "18"
    assert "已导入 1 个评分" in page.status.text()


def test_keyboard_only_submit_and_unit_switch(page, qtbot):
    first = list_experts(page.db, READY)[0]
    for v in ["18", "17", "9", "13", "14"]:
        type_value(v)
    for ch in "19":  # last criterion typed, not yet confirmed: Ctrl+Enter stores it and submits
        QTest.keyClick(QApplication.focusWidget(), ch)
    page.shortcuts["submit_current"].activated.emit()
    assert page.model.states[first.id] == "submitted"
    assert len(stored(page)) == 6
    units = list_units(page.db, READY)
    page.shortcuts["next_unit"].activated.emit()
    assert page.unit_id == units[1].id
    page.shortcuts["previous_unit"].activated.emit()
    assert page.unit_id == units[0].id
