"""The fingerprint: identical while nothing changes, different as soon as a score changes."""
from __future__ import annotations

from fazhi_desktop.export.fingerprint import canonical_data, session_fingerprint, short_fingerprint
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.scoring import record_score
from fazhi_desktop.seal import reopen_session
from fazhi_desktop.sessions import duplicate_session, load_template, update_session


def _first_leaf(db, sid):
    return load_template(db, sid).leaves()[0][1]


def test_same_data_same_fingerprint(demo_db):
    first = session_fingerprint(demo_db, 1)
    assert session_fingerprint(demo_db, 1) == first
    update_session(demo_db, session_id=1, venue="云阳县")  # the same value: nothing changes
    assert session_fingerprint(demo_db, 1) == first
    assert len(first) == 64 and short_fingerprint(first) == "-".join(
        [first[:4].upper(), first[4:8].upper(), first[8:12].upper()])


def test_a_changed_score_changes_the_fingerprint_and_changing_it_back_keeps_the_history(demo_db):
    """Changing a score back restores the content, not the fingerprint: it covers the audit chain's
    head too, so a page printed before the change can't be passed off as the record after it."""
    reopen_session(demo_db, session_id=1, reason="核对纸质评分表")  # the demo's past session is finished
    before = session_fingerprint(demo_db, 1)
    expert = list_experts(demo_db, 1)[0]
    unit = list_units(demo_db, 1)[0]
    leaf = _first_leaf(demo_db, 1)
    old = demo_db.execute("SELECT value FROM scores WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
                          [expert.id, unit.id, leaf.id]).fetchone()[0]
    new = "10" if old != "10" else "11"
    record_score(demo_db, session_id=1, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value=new,
                 reason="核对纸质评分表")
    changed = session_fingerprint(demo_db, 1)
    assert changed != before
    content = canonical_data(demo_db, 1)
    record_score(demo_db, session_id=1, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value=old,
                 reason="改回")
    assert canonical_data(demo_db, 1) != content
    assert session_fingerprint(demo_db, 1) not in (before, changed)


def test_questions_and_summary_count(demo_db):
    before = session_fingerprint(demo_db, 1)
    demo_db.execute("UPDATE questions SET answer = answer || '。' WHERE id = (SELECT min(id) FROM questions WHERE session_id = 1)")
    after_question = session_fingerprint(demo_db, 1)
    assert after_question != before
    update_session(demo_db, session_id=1, summary="另一段小结")
    assert session_fingerprint(demo_db, 1) != after_question


def test_row_ids_do_not_count_but_the_history_does(demo_db):
    """A copy with the same content (other row ids) has the same canonical content; its fingerprint
    differs because its history (audit chain) is its own. A package copy keeps both (test_package)."""
    copy = duplicate_session(demo_db, session_id=2)
    # session 2 has no scores or questions; its copy differs only in title and date
    update_session(demo_db, session_id=copy, title="市级普法责任单位普法履职报告评议会", date="2023-11-17")
    assert canonical_data(demo_db, copy) == canonical_data(demo_db, 2)
    assert session_fingerprint(demo_db, copy) != session_fingerprint(demo_db, 2)
