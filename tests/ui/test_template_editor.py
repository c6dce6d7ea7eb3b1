"""The template editor as a chair uses it from the keyboard: a maximum typed into the tree (a zero
refused, named), 撤销/重做 with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y on the real widget, the tree model
under Qt's model tester, and the library bar's JSON export and import."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fazhi_desktop import library, sessions
from ui.setup.template_editor import BAD, MAX, NAME, TemplateEditor


@pytest.fixture
def editor(qtbot, fresh_db):
    sid = sessions.create_session(fresh_db, title="评议会", template=library.builtin_templates()[0])
    e = TemplateEditor(fresh_db, sid)
    qtbot.addWidget(e)
    e.resize(1366, 768)
    e.show()
    qtbot.waitExposed(e)
    e.activateWindow()
    e.tree.setFocus()
    return e


def names(e: TemplateEditor) -> list[str]:
    m = e.model
    return [m.index(r, NAME).data() for r in range(m.rowCount())]


def key(widget, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, k, modifiers)
    QApplication.processEvents()


def type_into(e: TemplateEditor, index, text: str) -> None:
    """Select the cell, type (any key starts editing), Enter."""
    e.tree.setCurrentIndex(index)
    e.tree.setFocus()
    QTest.keyClicks(e.tree, text[0])  # the first key opens the cell's editor, the rest go into it
    editor = QApplication.focusWidget()
    assert editor is not e.tree
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_typed_zero_is_refused_and_named(editor):
    m = editor.model
    editor.tree.setCurrentIndex(m.index(0, NAME))
    child = editor.add_child()
    assert m.index(0, MAX).data() == "0"  # the parent's sum, with its new leaf still empty
    assert child.siblingAtColumn(MAX).data(Qt.ItemDataRole.BackgroundRole).color() == BAD
    type_into(editor, child.siblingAtColumn(MAX), "0")
    assert "指标“普法责任制机制建设/新下级指标”的满分必须是正数（现为 0）" in editor.message.text()
    assert editor.draft.bad_leaves() == ["普法责任制机制建设/新下级指标"]
    type_into(editor, child.siblingAtColumn(MAX), "12.5")
    assert m.index(0, MAX).data() == "12.5" and editor.total == Decimal("92.5")
    assert child.siblingAtColumn(MAX).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "合计 92.5 分" in editor.sum_label.text()


def test_undo_and_redo_by_keys(editor):
    m = editor.model
    before = editor.draft.to_dict()
    assert not editor.undo_action.isEnabled()
    editor.tree.setCurrentIndex(m.index(4, NAME))  # 普法实效
    editor.remove_item()
    editor.tree.setCurrentIndex(m.index(0, NAME))
    editor.move_item(+1)
    assert names(editor)[:2] == ["系统内学法用法", "普法责任制机制建设"]
    assert editor.total == 80 and editor.dirty and "移动指标" in editor.undo_action.text()

    editor.tree.setFocus()
    key(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names(editor) == ["普法责任制机制建设", "系统内学法用法", "社会普法宣传", "创新普法形式"]
    key(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft.to_dict() == before and editor.total == 100 and not editor.dirty
    assert "合计 100 分" in editor.sum_label.text() and not editor.message.text()
    assert not editor.undo_action.isEnabled() and editor.redo_action.isEnabled()

    key(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert names(editor)[-1] == "创新普法形式" and editor.total == 80
    key(editor.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert names(editor)[:2] == ["系统内学法用法", "普法责任制机制建设"]
    assert not editor.redo_action.isEnabled()
    assert editor.tree.isExpanded(m.index(2, NAME))  # 社会普法宣传 still open after undo and redo


def test_undo_puts_a_setting_back(editor):
    editor.report.setFocus()
    editor.report.setValue(9)
    editor.report.setValue(10)  # two steps of the spin box: one undo step
    editor.aggregation.setCurrentIndex(editor.aggregation.findData("trimmed_mean"))
    editor.tree.setFocus()
    key(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.aggregation.currentData() == "mean" and editor.report.value() == 10
    key(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.report.value() == 8 and not editor.dirty


def test_a_refused_weight_puts_the_cell_back(editor):
    editor.row_buttons[0].click()  # a component row
    assert editor.components.rowCount() == 1
    editor.components.item(0, 1).setText("-2")
    assert "权重必须是正数（现为 -2）" in editor.message.text()
    assert editor.components.item(0, 1).text() == "" and editor.draft.state.components[0].weight == ""


def test_tree_model_passes_qt_model_tester(qtmodeltester, editor):
    editor.tree.setCurrentIndex(editor.model.index(2, NAME))
    editor.add_child()
    qtmodeltester.check(editor.model)


def test_export_and_import_through_the_library_bar(editor, tmp_path):
    path = tmp_path / "模板.json"
    editor.model.setData(editor.model.index(0, NAME), "机制建设")
    assert editor.export_file(str(path)) and "已导出到" in editor.message.text()
    assert json.loads(path.read_text(encoding="utf-8"))["criteria"][0]["name"] == "机制建设"
    editor.refresh()
    assert names(editor)[0] == "普法责任制机制建设"
    assert editor.import_file(str(path)) and names(editor)[0] == "机制建设" and editor.dirty
    editor.undo()  # the import is one step
    assert names(editor)[0] == "普法责任制机制建设" and not editor.dirty


def test_ctrl_z_in_the_window_undoes_the_editor_s_step(demo_window):
    """In the main window the 编辑 menu's 撤销 is off on 会前筹备 (no page stack there), so the
    editor's own Ctrl+Z is the only one and acts (an ambiguous shortcut would do nothing)."""
    w = demo_window
    w.open_session(2, page="setup")
    setup = w.page("setup")
    setup.tabs.setCurrentWidget(setup.template)
    e = setup.template
    e.tree.setCurrentIndex(e.model.index(0, NAME))
    e.remove_item()
    assert e.dirty and not w.actions["edit.undo"].isEnabled()
    e.tree.setFocus()
    key(e.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not e.dirty and e.model.rowCount() == len(sessions.load_template(e.db, 2).criteria)


def test_library_save_and_load_are_steps_of_the_draft(editor, fresh_db):
    editor.model.setData(editor.model.index(1, NAME), "学法用法")
    assert editor.save_to_library("我的模板") and "已存入模板库：我的模板" in editor.message.text()
    assert editor.library.currentText() == "我的模板（自定义）"
    stored = library.find_template(fresh_db, "我的模板")
    assert [c.name for c in stored.criteria][:2] == ["普法责任制机制建设", "学法用法"]
    editor.library.setCurrentIndex(editor.library.findData("法治政府建设暨普法总结评议"))
    assert editor.load_library_choice()
    assert names(editor) == [c.name for c in library.find_template(fresh_db, "法治政府建设暨普法总结评议").criteria]
    assert editor.undo_action.text() == "撤销 载入模板"
    editor.undo()
    assert names(editor)[1] == "学法用法" and editor.dirty  # back to the edit before the load
