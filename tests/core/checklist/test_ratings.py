"""Rating services: one rule for what may change (``ratings`` as ``scores``), refusals in Chinese
naming the candidate and indicator, audited replacements, evidence files beside the database."""
from __future__ import annotations

import pytest

from fazhi_desktop.checklist.evidence import add_evidence, check_evidence, evidence_root, list_evidence, remove_evidence
from fazhi_desktop.checklist.ratings import KEYS, get_rating, rate_cells, rating_code, revise_rating, set_note, set_rating
from fazhi_desktop.errors import UserError
from fazhi_desktop.lifecycle import finish_check, finish_session
from fazhi_desktop.roster import add_unit, list_units, remove_unit
from fazhi_desktop.scoring import audit_log
from fazhi_desktop.seal import seal
from fazhi_desktop.sessions import SessionLocked, create_session, get_session, load_template
from fazhi_desktop.library import builtin_templates

from .conftest import make_session, rate


def ids(db, sid):
    leaves = [leaf.id for _p, leaf in load_template(db, sid).leaves()]
    units = {u.name: u.id for u in list_units(db, sid)}
    return units, leaves


def test_words_codes_and_keys():
    assert [rating_code(w) for w in ("达标", "部分达标", "未达标", "不适用", "met")] == [
        "met", "partial", "unmet", "not_applicable", "met"]
    assert KEYS == {"1": "met", "2": "partial", "3": "unmet", "0": "not_applicable"}
    with pytest.raises(UserError, match="只能是：达标、部分达标、未达标、不适用"):
        rating_code("基本达标")


def test_rate_note_clear_and_refusals(fresh_db):
    sid = make_session(fresh_db, {"职能": 2}, units=("甲县", "乙县"))
    units, leaves = ids(fresh_db, sid)
    got = set_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], rating="部分达标",
                     note="清单未及时更新")
    assert (got.before, got.after, got.audited) == (None, "partial", False)
    set_note(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], note="已更新", evidence_text="《清单》")
    r = get_rating(fresh_db, units["甲县"], leaves[0])
    assert (r.rating, r.note, r.evidence_text) == ("partial", "已更新", "《清单》")
    set_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], rating=None)
    assert get_rating(fresh_db, units["甲县"], leaves[0]).rating is None  # the note stays
    with pytest.raises(UserError, match="没有编号为 999 的末级指标"):
        set_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=999, rating="达标")
    parent = fresh_db.execute("SELECT id FROM criteria WHERE session_id = ? AND parent_id IS NULL", [sid]).fetchone()[0]
    with pytest.raises(UserError, match="末级指标"):
        set_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=parent, rating="达标")
    fresh_db.execute("UPDATE units SET status = 'absent' WHERE id = ?", [units["乙县"]])
    with pytest.raises(UserError, match="“乙县”已标记缺席"):
        set_rating(fresh_db, session_id=sid, unit_id=units["乙县"], criterion_id=leaves[0], rating="达标")
    with pytest.raises(UserError, match="已有评分、评定或提问记录，不能删除"):
        remove_unit(fresh_db, unit_id=units["甲县"])


def test_a_scored_session_has_no_ratings(fresh_db):
    sid = create_session(fresh_db, title="评议会", template=builtin_templates()[0])
    unit = add_unit(fresh_db, session_id=sid, name="市教委")
    with pytest.raises(UserError, match="打分式"):
        set_rating(fresh_db, session_id=sid, unit_id=unit.id, criterion_id=1, rating="达标")


def test_rate_cells_is_all_or_nothing(fresh_db):
    sid = make_session(fresh_db, {"职能": 3})
    units, leaves = ids(fresh_db, sid)
    with pytest.raises(UserError):
        rate_cells(fresh_db, session_id=sid, cells=[(units["甲县"], leaves[0], "达标"), (units["甲县"], 999, "达标")])
    assert get_rating(fresh_db, units["甲县"], leaves[0]) is None
    rate_cells(fresh_db, session_id=sid, cells=[(units["甲县"], c, "达标") for c in leaves])
    assert all(get_rating(fresh_db, units["甲县"], c).rating == "met" for c in leaves)


def test_finish_lists_unrated_candidates_then_locks_and_seals(fresh_db):
    sid = make_session(fresh_db, {"职能": 3}, units=("甲县", "乙县"))
    rate(fresh_db, sid, "甲县", {"met": 3})
    rate(fresh_db, sid, "乙县", {"met": 1})
    check = finish_check(fresh_db, sid)
    assert [g.text() for g in check.incomplete] == ["乙县：2 项指标未评定（职能2、职能3）"]
    with pytest.raises(UserError, match="1 个参评单位的指标未评定完"):
        finish_session(fresh_db, session_id=sid)
    rate(fresh_db, sid, "乙县", {"met": 2, "unmet": 1})
    finish_session(fresh_db, session_id=sid)
    units, leaves = ids(fresh_db, sid)
    with pytest.raises(SessionLocked, match="指标评定只读"):
        set_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], rating="未达标")
    seal(fresh_db, session_id=sid, confirmed=True)
    with pytest.raises(SessionLocked, match="已封盘，指标评定不能再修改"):
        set_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], rating="未达标")
    before, after = revise_rating(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0],
                                  rating="未达标", reason="复核时发现清单未公开")
    assert get_session(fresh_db, sid).status == "sealed"
    entry = [r for r in audit_log(fresh_db, sid) if r["action"] == "修改评定"][-1]
    assert (entry["unit"], entry["criterion"], entry["before"], entry["after"]) == ("甲县", "职能/职能1", "达标", "未达标")


def test_finishing_with_a_reason_audits_the_unrated(fresh_db):
    sid = make_session(fresh_db, {"职能": 2})
    finish_session(fresh_db, session_id=sid, override_reason="甲县撤回申报，评估组同意")
    actions = [(r["action"], r["reason"]) for r in audit_log(fresh_db, sid)]
    assert ("结束时未完成评定", "甲县：未评定（2 项指标）") in actions


def test_evidence_copied_beside_the_database_listed_and_removed(fresh_db, db_path, tmp_path):
    sid = make_session(fresh_db, {"职能": 2})
    units, leaves = ids(fresh_db, sid)
    doc = tmp_path / "权责清单.pdf"
    doc.write_bytes(b"%PDF-1.4 list")
    ev = add_evidence(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], path=doc)
    assert ev.name == "权责清单.pdf" and ev.size == len(b"%PDF-1.4 list")
    root = evidence_root(fresh_db)
    assert root == db_path.with_name("fazhi-evidence") and (root / ev.stored).read_bytes() == doc.read_bytes()
    assert add_evidence(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], path=doc) is None
    other = tmp_path / "sub" / "权责清单.pdf"
    other.parent.mkdir()
    other.write_bytes(b"another file")
    second = add_evidence(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], path=other)
    assert second.name == "权责清单（2）.pdf"
    # the same file on another indicator is stored once
    third = add_evidence(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[1], path=doc)
    assert third.stored == ev.stored and len(list_evidence(fresh_db, sid)) == 3
    remove_evidence(fresh_db, evidence_id=ev.id)
    assert (root / ev.stored).exists()  # still listed on the other indicator
    remove_evidence(fresh_db, evidence_id=third.id)
    assert not (root / ev.stored).exists()
    (root / second.stored).write_bytes(b"changed!!!!!")
    assert check_evidence(fresh_db, sid) == ["权责清单（2）.pdf：文件已被改动（校验和不符）"]
    with pytest.raises(UserError, match="找不到佐证文件"):
        add_evidence(fresh_db, session_id=sid, unit_id=units["甲县"], criterion_id=leaves[0], path=tmp_path / "无.pdf")
