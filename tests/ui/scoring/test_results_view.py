"""The results page: ranking, per-unit trace, recomputation as scores arrive, external values."""
from __future__ import annotations

from PySide6.QtCore import Qt

from fazhi_desktop import scoring
from fazhi_desktop.results import compute_results, round_half_up
from fazhi_desktop.roster import add_expert, add_unit, list_experts, list_units
from fazhi_desktop.seal import reopen_session
from fazhi_desktop.sessions import create_session, load_template
from fazhi_desktop.template import parse_template
from ui.scoring.audit_dialog import AuditDialog
from ui import operations
from ui.scoring.results_view import ResultsPage


def cell(model, row, col):
    return model.index(row, col).data()


def test_ranking_matches_the_rules_on_demo_session(demo_db, qtbot):
    page = ResultsPage(demo_db, 1)
    qtbot.addWidget(page)
    res = compute_results(demo_db, 1)
    m = page.ranking
    assert m.rowCount() == 11
    headers = m.headers()
    assert headers[:3] == ["排名", "单位", "评议团评分"] and headers[-5:] == ["综合得分", "等次", "状态", "未评完专家", "回避专家"]
    ranks = [cell(m, r, 0) for r in range(11)]
    assert ranks[0] == "1" and ranks == sorted(ranks, key=int)
    by_unit = {cell(m, r, 1): r for r in range(11)}
    for u in res.units:
        r = by_unit[u.name]
        assert cell(m, r, 3) == str(u.final) and cell(m, r, 4) == u.grade and cell(m, r, 5) == "完整"
    assert cell(m, by_unit["云阳县"], 7) == "王晓东"


def test_trace_shows_each_experts_total_and_recusal(demo_db, qtbot):
    page = ResultsPage(demo_db, 1)
    qtbot.addWidget(page)
    unit = next(u for u in compute_results(demo_db, 1).units if u.name == "云阳县")
    page.select_unit(unit.unit_id)
    t = page.trace
    total_row = len(t.leaves)
    experts = [e.name for e in list_experts(demo_db, 1)]
    for k, name in enumerate(experts, start=1):
        if name == "王晓东":
            assert cell(t, total_row, k) == "回避"
        else:
            assert cell(t, total_row, k) == str(round_half_up(unit.experts[name]))
    assert cell(t, total_row + 1, len(experts) + 1) == str(unit.final)
    assert "去掉" in page.formula.text() and "回避：王晓东" in page.formula.text()


WEIGHTED = parse_template({"name": "加权", "criteria": [{"name": "总体", "max": 50}], "components": [
    {"name": "评议团评分", "weight": 60, "source": "experts"}, {"name": "社会评议", "weight": 40, "source": "external"}]})


def test_recomputed_as_scores_arrive_and_external_entered_in_window(fresh_db, qtbot):
    sid = create_session(fresh_db, title="加权测试", template=WEIGHTED)
    unit = add_unit(fresh_db, session_id=sid, name="甲局")
    expert = add_expert(fresh_db, session_id=sid, name="周立")
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    page = ResultsPage(fresh_db, sid)
    qtbot.addWidget(page)
    page.show()
    assert cell(page.ranking, 0, 0) == "—" and cell(page.ranking, 0, 6) == "未完成"
    # a score typed elsewhere in the window (another page, a phone): its change record reaches the page
    operations.run(fresh_db, lambda: scoring.record_score(fresh_db, session_id=sid, expert_id=expert.id,
                                                          unit_id=unit.id, criterion_id=leaf.id, value="45"))
    assert cell(page.ranking, 0, 2) == "90.00"  # at once: no poll, no explicit refresh
    assert cell(page.ranking, 0, 3) == "—" and cell(page.ranking, 0, 4) == "—" and "社会评议 尚无数值" in page.formula.text().replace("：", " ")
    dialog = page.edit_external()
    qtbot.addWidget(dialog)
    index = dialog.model.index(0, 0)
    assert dialog.model.setData(index, "120") is False  # refused at the cell, reason shown, nothing stored
    assert "超出范围" in index.data(Qt.ItemDataRole.ToolTipRole) and "超出范围" in dialog.status.text()
    assert fresh_db.execute("SELECT count(*) FROM external_values").fetchone()[0] == 0
    assert dialog.model.setData(index, "80")
    # final = (60 × 90 + 40 × 80) / 100 = 86
    assert cell(page.ranking, 0, 4) == "86.00" and cell(page.ranking, 0, 0) == "1"


def test_audit_dialog_filters_by_expert_and_unit(demo_db, qtbot):
    units = list_units(demo_db, 1)
    experts = list_experts(demo_db, 1)
    leaf = load_template(demo_db, 1).leaves()[0][1]
    reopen_session(demo_db, session_id=1, reason="核对纸质评分表")
    scoring.record_score(demo_db, session_id=1, expert_id=experts[0].id, unit_id=units[0].id, criterion_id=leaf.id,
                         value="12", reason="核对纸质评分表", operator="何静")
    dialog = AuditDialog(demo_db, 1)
    qtbot.addWidget(dialog)
    everything = len(dialog.model.rows)
    assert everything == 11 * 7 - 1 + 3  # 76 submissions, ended, reopened, 1 change
    dialog.expert_box.setCurrentIndex(dialog.expert_box.findData(experts[0].name))
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData(units[0].name))
    assert [r["action"] for r in dialog.model.rows] == ["提交评分", "修改已提交评分"]
    last = dialog.model.rowCount() - 1
    assert [dialog.model.index(last, c).data() for c in range(2, 9)] == [
        "修改已提交评分", experts[0].name, units[0].name, leaf.name,
        dialog.model.rows[-1]["before"], "12", "核对纸质评分表"]
    assert dialog.count.text() == "共 2 条"
