"""双人录入核对 in the window: the real dialog, opened from the scoring page and driven by keys."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget

from fazhi_desktop import double_entry, scoring
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.sessions import load_template
from ui import dialogs
from ui.scoring.panel import ScoringPage

READY = 2  # the demo session ready to run: 10 units × 7 experts, 6 leaves
FIRST = ["18.25", "17.75", "9.25", "13.25", "14.75", "19.25"]  # 周立's sheet on 市教委 as first entered
SECOND = ["18.25", "17.75", "9.25", "13", "14.75", "19.25"]  # read again: 新媒体普法 differs


@pytest.fixture
def page(demo_db, qtbot):
    db = demo_db
    unit = list_units(db, READY)[0]
    expert = list_experts(db, READY)[0]
    for (_p, leaf), value in zip(load_template(db, READY).leaves(), FIRST):
        scoring.record_score(db, session_id=READY, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id,
                             value=value)
    p = ScoringPage(db, READY)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    qtbot.waitExposed(p)
    p.set_unit(unit.id)
    yield p
    p._anomaly_timer.stop()
    p.close()


def shown_texts(widget: QWidget) -> str:
    """Everything the dialog shows or would show on hover: labels, fields, buttons, every combo item."""
    out = [widget.windowTitle()]
    for w in widget.findChildren(QWidget):
        out.append(w.toolTip())
        if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
    return "\n".join(out)


def type_column(dialog, values) -> None:
    """The second person's keys: each value then Enter, which moves down the column."""
    for k, value in enumerate(values):
        focused = QApplication.focusWidget()
        assert focused is dialog.fields[k]
        QTest.keyClicks(focused, value)
        QTest.keyClick(focused, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.next_button  # after the last criterion: 比较


def drive(qtbot, steps):
    """A stand-in for dialogs.run_dialog: shows the real dialog and runs ``steps`` on it."""
    def run(dialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        steps(dialog)
        dialog.close()
        return bool(dialog.done_sheets)
    return run


def sheet(page):
    unit = list_units(page.db, READY)[0]
    expert = list_experts(page.db, READY)[0]
    return unit, expert


def test_blind_entry_one_difference_settled_with_a_reason(page, qtbot, monkeypatch):
    db = page.db
    page.double_switch.setChecked(True)  # the switch on the page, audited
    assert double_entry.double_entry_enabled(db, READY)
    assert "本单位 6 项评分待核对" in page.check_label.text()
    unit, expert = sheet(page)
    seen = {}

    def steps(dialog):
        dialog.checker.setText("李核对")
        assert dialog.expert_combo.currentData() == expert.id  # the sheet awaiting a check comes first
        QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # 开始录入
        seen["blind"] = [v for v in FIRST if v in shown_texts(dialog)]  # the empty column: nothing shown
        type_column(dialog, SECOND)
        typed = shown_texts(dialog)
        seen["blind_typed"] = ("13.25" in typed, "19.25" in typed)  # the differing first value hidden; typed ones shown
        QTest.keyClick(dialog.next_button, Qt.Key.Key_Return)  # 比较
        assert [(r.diff.criterion, r.labels[1].text(), r.labels[2].text()) for r in dialog.rows] == \
            [("社会普法宣传/新媒体普法", "13.25", "13")]
        row = dialog.rows[0]
        QTest.mouseClick(row.radios[2], Qt.MouseButton.LeftButton)  # neither: the paper says 13.5
        QTest.keyClicks(row.paper, "13.5")
        QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # 完成 without a reason: refused
        seen["refused"] = dialog.status.text()
        seen["checks_after_refusal"] = dict(double_entry.checked_values(db, READY))
        row.reason.insert("纸质表涂改，核对原件为 13.5")  # Chinese comes from the input method, not keys
        QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        seen["done"] = dialog.status.text()

    monkeypatch.setattr(dialogs, "run_dialog", drive(qtbot, steps))
    dialog = page.open_double_entry()
    assert seen["blind"] == [] and seen["blind_typed"] == (False, True)  # no first value anywhere before comparing
    assert "需要填写原因" in seen["refused"] and seen["checks_after_refusal"] == {}
    assert "已核对：周立" in seen["done"] and dialog.done_sheets
    leaves = [leaf for _p, leaf in load_template(db, READY).leaves()]
    stored = scoring.scores_for(db, READY, unit.id)
    assert stored[(expert.id, unit.id, leaves[3].id)] == Decimal("13.5")
    assert [stored[(expert.id, unit.id, leaf.id)] for leaf in leaves] == \
        [Decimal(v) for v in ["18.25", "17.75", "9.25", "13.5", "14.75", "19.25"]]
    assert double_entry.unchecked(db, READY, unit.id) == []  # all six checked
    entry = next(r for r in scoring.audit_log(db, READY) if r["action"] == "核对差异")
    assert (entry["expert"], entry["before"], entry["after"], entry["operator"]) == ("周立", "13.25", "13.5", "李核对")
    assert entry["reason"] == "纸质表涂改，核对原件为 13.5（第二次录入 13）"
    assert "开启双人录入核对" in [r["action"] for r in scoring.audit_log(db, READY)]
    assert "本单位的评分已全部核对" in page.check_label.text()


def test_closing_halfway_changes_nothing(page, qtbot, monkeypatch):
    db = page.db
    before = (scoring.scores_for(db, READY), len(scoring.audit_log(db, READY, everything=True)))

    def steps(dialog):
        QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        type_column(dialog, SECOND)
        QTest.keyClick(dialog.next_button, Qt.Key.Key_Return)  # 比较: one difference listed
        dialog.rows[0].choose(1)
        dialog.rows[0].reason.setText("第二次为准")
        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # 关闭 instead of 完成

    monkeypatch.setattr(dialogs, "run_dialog", drive(qtbot, steps))
    dialog = page.open_double_entry()
    assert dialog.done_sheets == []
    assert (scoring.scores_for(db, READY), len(scoring.audit_log(db, READY, everything=True))) == before
    assert double_entry.checked_values(db, READY) == {}


def test_switch_is_refused_on_a_finished_session(demo_db, qtbot):
    p = ScoringPage(demo_db, 1)  # the demo's finished 2020 review
    qtbot.addWidget(p)
    assert not p.double_switch.isEnabled() and not p.double_button.isEnabled()
    assert not p.set_double_entry(True)
    assert "已结束" in p.status.text() and not p.double_switch.isChecked()
    assert not double_entry.double_entry_enabled(demo_db, 1)
    p._anomaly_timer.stop()


def test_ranking_says_how_many_scores_await_a_check(demo_db):
    from fazhi_desktop.results import compute_results
    from ui.scoring.results_models import RankingModel

    unit = list_units(demo_db, READY)[0]
    for expert in list_experts(demo_db, READY)[:2]:
        for (_p, leaf), value in zip(load_template(demo_db, READY).leaves(), FIRST):
            scoring.record_score(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id,
                                 criterion_id=leaf.id, value=value)
    model = RankingModel()
    model.set_results(compute_results(demo_db, READY))
    status_col = model.headers().index("状态")
    row = next(r for r, u in enumerate(model.units) if u.unit_id == unit.id)
    assert model.index(row, status_col).data() == "完整" and model.units[row].rank == 1
    double_entry.set_double_entry(demo_db, session_id=READY, enabled=True)
    model.set_results(compute_results(demo_db, READY))
    row = next(r for r, u in enumerate(model.units) if u.unit_id == unit.id)
    assert model.index(row, status_col).data() == "待核对 12 项" and model.units[row].rank is None
    assert "12 项分数待双人核对" in model.index(row, status_col).data(Qt.ItemDataRole.ToolTipRole)
