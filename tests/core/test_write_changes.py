"""The remaining writes return the record of what they changed, worked out by hand: score and
external-value imports (the units of the file), double entry (the switch: every unit; a sheet: its
unit), the rectification ledger (kind ``ledger``, no session) and the list of sessions (kind
``sessions``: created, copied, deleted, imported). What they returned before reads as before."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi_desktop import double_entry as de
from fazhi_desktop import ledger, package, sessions
from fazhi_desktop.changes import Change, carrying
from fazhi_desktop.db import open_db
from fazhi_desktop.roster import add_expert, add_unit
from fazhi_desktop.score_imports import import_external, import_scores
from fazhi_desktop.scoring import record_score
from fazhi_desktop.template import parse_template

TEMPLATE = parse_template({"name": "记录测试", "criteria": [{"name": "依法决策", "max": 50}, {"name": "执法规范", "max": 50}],
                           "components": [{"name": "评议团评分", "weight": 60, "source": "experts"},
                                          {"name": "社会评议", "weight": 40, "source": "external"}]})


@pytest.fixture
def s(fresh_db):
    sid = sessions.create_session(fresh_db, title="记录评议", template=TEMPLATE)
    units = {n: add_unit(fresh_db, session_id=sid, name=n) for n in ("甲局", "乙局", "丙局")}
    experts = {n: add_expert(fresh_db, session_id=sid, name=n) for n in ("周立", "陈敏")}
    return fresh_db, sid, units, experts


def csv(path, rows):
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_imports_name_the_units_of_their_file(s, tmp_path):
    db, sid, units, _experts = s
    scores = csv(tmp_path / "s.csv", [["专家", "单位", "指标", "得分"], ["周立", "甲局", "依法决策", "40"],
                                      ["陈敏", "甲局", "执法规范", "44"], ["周立", "丙局", "依法决策", "45"]])
    result = import_scores(db, session_id=sid, path=scores)
    assert len(result.added) == 3 and result.summary() == "已导入 3 个评分。"  # as before
    assert result.change == Change.of("scores", sid, [units["甲局"].id, units["丙局"].id])  # not 乙局
    assert not result.change.names_unit(units["乙局"].id)

    external = csv(tmp_path / "e.csv", [["单位", "项目", "得分"], ["乙局", "社会评议", "90"]])
    result = import_external(db, session_id=sid, path=external)
    assert result.added == ["乙局/社会评议"] and result.change == Change.of("external", sid, [units["乙局"].id])


def test_double_entry_names_every_unit_for_the_switch_and_one_unit_for_a_sheet(s, tmp_path):
    db, sid, units, experts = s
    decide, enforce = [leaf.id for _p, leaf in sessions.load_template(db, sid).leaves()]
    for e, (a, b) in {"周立": ("40", "45"), "陈敏": ("42", "44")}.items():
        record_score(db, session_id=sid, expert_id=experts[e].id, unit_id=units["甲局"].id, criterion_id=decide, value=a)
        record_score(db, session_id=sid, expert_id=experts[e].id, unit_id=units["甲局"].id, criterion_id=enforce, value=b)

    on = de.set_double_entry(db, session_id=sid, enabled=True)
    assert on and on.changed is True and on.change == Change.of("scores", sid)  # every unit: which scores count
    again = de.set_double_entry(db, session_id=sid, enabled=True)
    assert not again and not again.change  # it stood: false, as the bool was, and nothing to announce

    one = units["甲局"].id
    agreed = de.record_second_entry(db, session_id=sid, expert_id=experts["周立"].id, unit_id=one,
                                    values={decide: "40", enforce: "45"})
    assert agreed == [] and agreed.change == Change.of("scores", sid, [one])
    # 陈敏's 执法规范 read as 45 the second time; the sheet says 44: settled with the first entry's value
    settled = de.settle_second_entry(db, session_id=sid, expert_id=experts["陈敏"].id, unit_id=one,
                                     values={decide: "42", enforce: "45"},
                                     resolutions={enforce: (Decimal("44"), "以纸质表为准")})
    assert [(d.criterion, d.stored, d.second) for d in settled] == [("执法规范", Decimal("44"), Decimal("45"))]
    assert settled.change == Change.of("scores", sid, [one])
    value = de.resolve_difference(db, session_id=sid, expert_id=experts["陈敏"].id, unit_id=one, criterion_id=enforce,
                                  value="43.5", reason="专家当场更正")
    assert value == Decimal("43.5") and str(value) == "43.5" and value.change == Change.of("scores", sid, [one])
    assert de.unchecked_counts(db, sid) == {u.id: 0 for u in units.values()}

    checked = de.check_scores_file(db, session_id=sid, path=csv(tmp_path / "c.csv", [
        ["专家", "单位", "指标", "得分"], ["周立", "甲局", "依法决策", "40"]]))
    assert checked.checked == 1 and checked.change == Change.of("scores", sid, [one])


def test_ledger_writes_name_the_ledger_and_no_session(demo_db):
    """Kind ``ledger`` with ``session_id`` None: a later session's console counts the items of earlier ones."""
    ledger_change = Change.of("ledger", None)
    assert ledger_change.concerns(1) and ledger_change.concerns(2)

    made = ledger.create_from_questions(demo_db, session_id=1)
    assert made == [] and not made.change  # the demo made its items already: nothing new, nothing said
    item_id = ledger.add_item(demo_db, unit_name="万州区", problem="行政复议案件办理超期", deadline="2021-06-30")
    assert item_id == ledger.get_item(demo_db, item_id)["id"] and f"{item_id}" == str(int(item_id))
    assert item_id.change == ledger_change

    before = ledger.update_item(demo_db, item_id=item_id, measure="建立案件台账", deadline="2021-06-30")
    assert before == {"measure": ""} and before.change == ledger_change  # the deadline stood
    same = ledger.update_item(demo_db, item_id=item_id, measure="建立案件台账")
    assert same == {} and not same.change

    closed = ledger.close_item(demo_db, item_id=item_id, evidence="台账已建立", closed_at="2021-06-20")
    assert closed["status"] == ledger.DONE and closed.change == ledger_change
    gone = ledger.delete_item(demo_db, item_id=item_id)
    assert gone["problem"] == "行政复议案件办理超期" and gone.change == ledger_change


def test_questions_flagged_make_items_and_say_so(fresh_db):
    from fazhi_desktop.questions import add_question

    sid = sessions.create_session(fresh_db, title="提问评议", template=TEMPLATE)
    unit = add_unit(fresh_db, session_id=sid, name="甲局")
    sessions.set_status(fresh_db, session_id=sid, status="live")
    add_question(fresh_db, session_id=sid, unit_id=unit.id, text="执法数据从何而来？", problem=True)
    made = ledger.create_from_questions(fresh_db, session_id=sid)
    assert len(made) == 1 and type(made[0]) is int and made.change == Change.of("ledger", None)


def test_the_list_of_sessions_changes_with_create_copy_delete_and_import(demo_db, tmp_path):
    sid = sessions.create_session(demo_db, title="2024年度评议会", template=TEMPLATE)
    assert sid == max(s["id"] for s in sessions.list_sessions(demo_db)) and sid.change == Change.of("sessions", sid)
    assert f"{sid}" == str(int(sid))  # the command line prints the id as before
    copy = sessions.duplicate_session(demo_db, session_id=2, title="副本")
    assert type(int(copy)) is int and copy.change == Change.of("sessions", copy) and not copy.change.concerns(2)

    gone = sessions.delete_session(demo_db, session_id=copy)
    assert gone.title == "副本" and gone.change == Change.of("sessions", copy)  # no items went with it
    assert isinstance(gone, sessions.Session) and gone.status == "draft"  # the session as it was
    # the demo's finished session has rectification items: they go with it, and the ledger says so
    path = package.export_package(demo_db, session_id=1, path=tmp_path / "p.fzpkg").path
    gone = sessions.delete_session(demo_db, session_id=1)
    assert gone.change == Change(frozenset({"sessions", "ledger"}), None, frozenset())

    other = open_db(tmp_path / "other.db")
    try:
        added = package.import_package(other, path)
        assert added.action == "added"
        # a new session in the list, the items it brought (no session: merged to None)
        assert added.change.kinds == {"sessions", "ledger"} and added.change.session_id is None
    finally:
        other.conn.close()


def test_an_updated_session_changes_in_every_part(demo_db, tmp_path):
    first = package.export_package(demo_db, session_id=2, path=tmp_path / "a.fzpkg").path
    other = open_db(tmp_path / "other.db")
    try:
        sid = package.import_package(other, first).session_id
        sessions.update_session(demo_db, session_id=2, venue="市政府第二会议室")
        newer = package.export_package(demo_db, session_id=2, path=tmp_path / "b.fzpkg").path
        updated = package.import_package(other, newer, confirm_update=lambda _q: True)
        assert updated.action == "updated" and updated.session_id == sid
        assert updated.change == Change.of(("sessions", "session", "status", "template", "units", "experts", "scores",
                                            "external", "questions"), sid)
    finally:
        other.conn.close()


def test_a_carried_value_is_the_value(demo_db):
    n = carrying(7, Change.of("ledger", None))
    assert n == 7 and n + 1 == 8 and f"{n}" == "7" and hash(n) == hash(7)
    d = carrying(Decimal("8.50"), Change.of("scores", 2))
    assert d == Decimal("8.5") and str(d) == "8.50" and isinstance(d + 1, Decimal)
    again = carrying(n, Change.of("sessions", 3))  # a carried value takes the new record
    assert again == 7 and again.change == Change.of("sessions", 3)
    with pytest.raises(TypeError):
        carrying(True, Change.of("scores", 2))  # a bool cannot: a small record instead (de.Switched)
