"""The setup view as a chair uses it: a new session built from imports, edited, reordered by
drag and by buttons, drawn by lot, its template edited with a live sum."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor

from fazhi_desktop import library, roster, scoring, sessions
from fazhi_desktop.errors import UserError
from ui import dialogs
from ui.setup.template_editor import BAD, MAX
from ui.setup.view import SetupView


@pytest.fixture
def new_session(fresh_db):
    return sessions.create_session(fresh_db, title="2024年度普法履职报告评议会", date="2024-11-20",
                                   template=library.builtin_templates()[0])


@pytest.fixture
def view(qtbot, fresh_db, new_session):
    v = SetupView(fresh_db, new_session)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    return v


def names(db, sid):
    return [u.name for u in roster.list_units(db, sid)]


UNITS_CSV = "参评单位名单\n单位名称,汇报人,职务,汇报题目\n市教委,张三,副主任,教育系统普法\n市公安局,李四,副局长,公安普法\n市民政局,王五,副局长,民政普法\n"


def test_session_from_imports_reordered_and_drawn(view, fresh_db, new_session, tmp_path, qtbot, monkeypatch):
    units = tmp_path / "units.csv"
    units.write_bytes(UNITS_CSV.encode("gb18030"))
    experts = tmp_path / "experts.csv"
    experts.write_text("姓名,类别,工作单位\n周立,专家学者,西南政法大学\n陈红,人大代表,市人大\n", encoding="utf-8-sig")

    assert view.units.import_file(str(units))
    assert names(fresh_db, new_session) == ["市教委", "市公安局", "市民政局"]
    assert "已导入 3 个" in view.units.message.text()
    assert view.units.model.rowCount() == 3
    assert view.experts.import_file(str(experts))
    assert [e.name for e in roster.list_experts(fresh_db, new_session)] == ["周立", "陈红"]

    # buttons: move the third unit up
    view.units.select_row(2)
    view.units.move(-1)
    assert names(fresh_db, new_session) == ["市教委", "市民政局", "市公安局"]
    assert view.units.current_row() == 1

    # drag and drop: drop 市教委 at the end
    model = view.units.model
    mime = model.mimeData([model.index(0, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names(fresh_db, new_session) == ["市民政局", "市公安局", "市教委"]
    assert [model.index(r, 0).data() for r in range(3)] == ["市民政局", "市公安局", "市教委"]

    # draw by lot with a seed and a witness: the stored order is the one the seed gives
    from ui.setup.draw_dialog import DrawDialog

    monkeypatch.setattr(DrawDialog, "exec", lambda self: (self.seed.setText("382915"),
                                                          self.witness.setText("纪检组 刘明"), self.accept(),
                                                          self.result())[-1])
    assert view.draw()
    expected = roster.drawn_order(["市教委", "市公安局", "市民政局"], "382915")
    assert names(fresh_db, new_session) == expected
    s = sessions.get_session(fresh_db, new_session)
    assert (s.order_mode, s.draw_seed, s.draw_witness) == ("drawn", "382915", "纪检组 刘明")
    assert "382915" in view.meeting.draw_info.text() and "刘明" in view.meeting.draw_info.text()


def test_bad_import_is_refused_whole_and_named(view, fresh_db, new_session, tmp_path):
    bad = tmp_path / "units.csv"
    bad.write_text("单位名称,顺序\n市教委,1\n,2\n市教委,x\n", encoding="utf-8")
    assert not view.units.import_file(str(bad))
    text = view.units.message.text()
    assert "整个文件未导入" in text and "第 3 行" in text and "第 4 行" in text
    assert names(fresh_db, new_session) == []
    assert view.units.model.rowCount() == 0


def test_add_edit_remove_units_and_refusals(view, fresh_db, new_session, qtbot, monkeypatch):
    view.units.new_name.setText("市教委")
    qtbot.keyPress(view.units.new_name, Qt.Key.Key_Return)
    view.units.new_name.setText("市教委")
    assert not view.units.add()
    assert "市教委" in view.units.message.text()
    assert names(fresh_db, new_session) == ["市教委"]

    model = view.units.model
    assert model.setData(model.index(0, model.PRESENTER), "  张三  ")
    assert roster.list_units(fresh_db, new_session)[0].presenter == "张三"
    assert not model.setData(model.index(0, model.NAME), "")  # an empty name is refused
    assert "不能为空" in view.units.message.text()
    assert names(fresh_db, new_session) == ["市教委"]

    view.units.select_row(0)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    assert not view.units.remove()
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert view.units.remove()
    assert names(fresh_db, new_session) == []


def test_meeting_form_stores_fields_and_refuses_a_bad_date(view, fresh_db, new_session, qtbot):
    edit = view.meeting.edits["venue"]
    edit.setText("区政府三楼会议室")
    edit.editingFinished.emit()
    assert sessions.get_session(fresh_db, new_session).venue == "区政府三楼会议室"
    date = view.meeting.edits["date"]
    date.setText("2024-02-30")
    date.editingFinished.emit()
    assert "2024-02-30" in view.meeting.error.text() and "无效" in view.meeting.error.text()
    assert sessions.get_session(fresh_db, new_session).date == "2024-11-20"


def test_template_editor_live_sum_and_refused_leaf(view, fresh_db, new_session):
    editor = view.template
    model = editor.model
    assert editor.total == Decimal(100)
    assert "合计 100 分" in editor.sum_label.text()
    top = model.index(0, 0)
    editor.tree.setCurrentIndex(top)
    child = editor.add_child()  # 普法责任制机制建设 becomes a parent with one new leaf, no maximum yet
    assert child.data() == "新下级指标" and child.parent().data() == "普法责任制机制建设"
    assert editor.bad_leaves() == ["普法责任制机制建设/新下级指标"]
    assert "缺少正数满分" in editor.sum_label.text()
    assert child.siblingAtColumn(MAX).data(Qt.ItemDataRole.BackgroundRole).color() == BAD
    assert not editor.save()
    assert "满分" in editor.message.text()
    assert sessions.load_template(fresh_db, new_session).total_max == 100  # nothing stored

    assert not model.setData(child.siblingAtColumn(MAX), "0")  # refused, named
    assert "普法责任制机制建设/新下级指标" in editor.message.text() and "正数" in editor.message.text()
    assert model.setData(child.siblingAtColumn(MAX), "12.5")
    assert editor.total == Decimal("92.5")
    assert model.index(0, MAX).data() == "12.5"  # the parent shows the sum of its children
    assert child.siblingAtColumn(MAX).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "92.5" in editor.sum_label.text()
    assert editor.save()
    stored = sessions.load_template(fresh_db, new_session)
    assert stored.total_max == Decimal("92.5")
    assert [c.name for c in stored.criteria[0].children] == ["新下级指标"]


def test_template_change_refused_once_scores_exist(view, fresh_db, new_session):
    roster.add_unit(fresh_db, session_id=new_session, name="市教委")
    roster.add_expert(fresh_db, session_id=new_session, name="周立")
    leaf = sessions.load_template(fresh_db, new_session).leaves()[0][1]
    unit = roster.list_units(fresh_db, new_session)[0]
    expert = roster.list_experts(fresh_db, new_session)[0]
    scoring.record_score(fresh_db, session_id=new_session, expert_id=expert.id, unit_id=unit.id,
                         criterion_id=leaf.id, value="18")
    view.refresh()
    editor = view.template
    assert "已有评分" in editor.message.text()
    maximum = editor.model.index(0, MAX)
    assert not maximum.flags() & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.setData(maximum, "25")
    with pytest.raises(UserError, match="不能再修改评分指标"):
        editor.draft.set_max((0,), "25")
    assert editor.save()  # nothing about the criteria changed
    assert sessions.load_template(fresh_db, new_session).criteria[0].max == 20
    # timing may still change
    editor.refresh()
    editor.report.setValue(10)
    assert editor.save()
    assert sessions.load_template(fresh_db, new_session).timing.report_minutes == 10

    # and the service still refuses a changed criterion the editor was made to send
    template = sessions.load_template(fresh_db, new_session)
    template.criteria[0].max = Decimal(25)
    with pytest.raises(UserError, match="不能再修改评分指标"):
        sessions.set_template(fresh_db, session_id=new_session, template=template)


def test_recusal_grid_stores_a_recusal(view, fresh_db, new_session):
    roster.add_unit(fresh_db, session_id=new_session, name="云阳县")
    roster.add_expert(fresh_db, session_id=new_session, name="王晓东")
    view.recusals.refresh()
    model = view.recusals.model
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    e, u = roster.list_experts(fresh_db, new_session)[0], roster.list_units(fresh_db, new_session)[0]
    assert roster.list_recusals(fresh_db, new_session) == {(e.id, u.id)}
    assert model.index(0, 0).data() == "回避"


def test_finished_session_opens_read_only(qtbot, demo_db):
    v = SetupView(demo_db, 1)
    qtbot.addWidget(v)
    assert "已结束" in v.banner.text()
    assert v.meeting.edits["title"].isReadOnly()
    assert not v.units.tools["add"].isEnabled()
    assert not (v.units.model.flags(v.units.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert not v.template.save_button.isEnabled()


def test_models_pass_qt_model_tester(qtmodeltester, demo_db):
    from ui.models.recusal_model import RecusalModel
    from ui.models.roster_models import ExpertsModel, UnitsModel
    from ui.models.sessions_model import SessionsModel

    for model in (UnitsModel(demo_db, 1), ExpertsModel(demo_db, 1), RecusalModel(demo_db, 1), SessionsModel(demo_db)):
        qtmodeltester.check(model)
