"""The audit dialog shows the Chinese label of an action stored as a code (v9), and the words of a
row stored before codes the same way."""
from __future__ import annotations

from fazhi_desktop import scoring
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.seal import reopen_session
from fazhi_desktop.sessions import load_template
from ui.scoring.audit_dialog import AuditModel


def test_the_audit_dialog_shows_the_label_of_a_code(demo_db, qtbot):
    unit, expert = list_units(demo_db, 1)[0], list_experts(demo_db, 1)[0]
    leaf = load_template(demo_db, 1).leaves()[0][1]
    reopen_session(demo_db, session_id=1, reason="核对纸质评分表")
    scoring.record_score(demo_db, session_id=1, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id,
                         value="12", reason="核对纸质评分表")
    model = AuditModel(demo_db, 1)
    stored = [r["stored"] for r in model.rows]
    assert stored[-2:] == ["session.reopen", "score.amend"]  # what the table holds
    shown = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert shown[-2:] == ["重新打开", "修改已提交评分"]  # what a person reads
    assert all(not text.isascii() for text in shown)
