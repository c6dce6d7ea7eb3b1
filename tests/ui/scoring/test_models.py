"""The scoring table models pass Qt's model tester and show what is stored."""
from __future__ import annotations

from PySide6.QtCore import Qt

from fazhi_desktop.results import compute_results
from fazhi_desktop.roster import list_units
from ui.scoring.audit_dialog import AuditModel
from ui.scoring.external_editor import ExternalModel
from ui.scoring.grid_model import FIRST_EXPERT, ScoreGridModel
from ui.scoring.results_models import RankingModel, TraceModel
from ui.scoring.unit_list import DONE, UnitCompletenessModel


def test_models_pass_the_model_tester(demo_db, qtmodeltester):
    grid = ScoreGridModel(demo_db, 1)
    grid.set_unit(list_units(demo_db, 1)[2].id)
    res = compute_results(demo_db, 1)
    ranking = RankingModel()
    ranking.set_results(res)
    trace = TraceModel()
    trace.set_unit(res, res.units[0], ["周立"], {})
    for model in (grid, UnitCompletenessModel(demo_db, 1), ExternalModel(demo_db, 1), AuditModel(demo_db, 1),
                  ranking, trace):
        qtmodeltester.check(model, force_py=True)


def test_grid_rows_follow_the_criteria_tree_with_maxima(demo_db):
    grid = ScoreGridModel(demo_db, 1)
    grid.set_unit(list_units(demo_db, 1)[0].id)
    names = [grid.index(r, 0).data().strip() for r in range(grid.rowCount())]
    maxima = [grid.index(r, 1).data() for r in range(grid.rowCount())]
    assert names[:5] == ["第一责任人职责履行", "法治政府建设", "依法决策", "严格规范执法", "监督与应诉"]
    assert maxima[:5] == ["20", "30", "10", "10", "10"] and names[-1] == "合计" and maxima[-1] == "100"
    assert grid.index(1, 0).data().startswith("法治") and grid.index(2, 0).data().startswith("    ")  # indented child
    # a group row shows the expert's subtotal of its leaves
    col = FIRST_EXPERT
    sub = sum(float(grid.index(r, col).data()) for r in (2, 3, 4))
    assert float(grid.index(1, col).data()) == sub
    assert not grid.index(1, col).flags() & Qt.ItemFlag.ItemIsEditable


def test_unit_list_paints_complete_units_green(demo_db):
    units = UnitCompletenessModel(demo_db, 1)
    index = units.index(2)
    assert "6/6 已评完" in index.data() and "回避" in index.data()
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == DONE
    assert "回避：王晓东" in index.data(Qt.ItemDataRole.ToolTipRole)
