"""Change records: what each write names, how two merge, and that painting the live meeting
after a write reads nothing."""
from __future__ import annotations


import pytest

from fazhi_desktop import backup
from fazhi_desktop.changes import NOTHING, Change, merge_all
from fazhi_desktop.live import LiveMeeting
from fazhi_desktop.questions import add_question
from fazhi_desktop.roster import add_unit, list_experts, list_units
from fazhi_desktop.scoring import record_score, reopen, submit
from fazhi_desktop.sessions import load_template, set_status
from tests.tracing import traced

READY = 2  # demo: 10 units × 7 experts, 6 leaves, nothing scored


def test_merge_is_worked_by_hand():
    a = Change.of("scores", 2, [12])
    b = Change.of(("live", "units"), 2, [13, None])
    assert a.merge(b) == Change(frozenset({"scores", "live", "units"}), 2, frozenset({12, 13}))
    assert a.merge(Change.of("units", 2)).unit_ids == frozenset()  # one of them names every unit: all
    assert a.merge(NOTHING) == a and NOTHING.merge(a) == a and not NOTHING
    assert a.merge(Change.of("scores", 3, [12])).session_id is None  # two sessions: any
    assert merge_all([None, a, b]) == a.merge(b)
    assert a.names_unit(12) and not a.names_unit(13) and Change.of("units", 2).names_unit(99)
    assert a.touches("live", "scores") and not a.touches("live")
    with pytest.raises(ValueError):
        Change.of("score", 2)  # a misspelt kind is a programming error, not a silent no-op


def test_score_writes_name_their_unit(demo_db):
    unit = list_units(demo_db, READY)[0]
    expert = list_experts(demo_db, READY)[0]
    leaves = [leaf for _p, leaf in load_template(demo_db, READY).leaves()]
    first = record_score(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id,
                         criterion_id=leaves[0].id, value="8")
    assert first.change == Change.of("scores", READY, [unit.id])
    same = record_score(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id,
                        criterion_id=leaves[0].id, value="8.0")
    assert not same.change  # the stored value stands: nothing to show again
    for leaf in leaves[1:]:
        record_score(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value="5")
    assert submit(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id) == Change.of("scores", READY, [unit.id])
    assert not submit(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id)  # submitted already
    assert reopen(demo_db, session_id=READY, expert_id=expert.id, unit_id=unit.id, reason="补录") == \
        Change.of("scores", READY, [unit.id])


def test_question_and_live_writes_name_what_they_changed(demo_db):
    set_status(demo_db, session_id=READY, status="live")
    t = [1_700_000_000.0]
    meeting = LiveMeeting(demo_db, READY, clock=lambda: t[0], wall=lambda: t[0])
    began = meeting.begin()
    first = meeting.unit_id
    assert began.touches("live", "units") and began.unit_ids == {first}
    assert meeting.toggle() == Change.of("live", READY, [first])  # Space: the clock only
    q = add_question(demo_db, session_id=READY, unit_id=first, text="执法数据从何而来？")
    assert q.change == Change.of("questions", READY, [first])
    meeting.end_phase()
    meeting.end_phase()
    moved = meeting.end_phase()  # scoring → the next unit
    assert moved.touches("units") and moved.unit_ids == {first, meeting.unit_id} and meeting.unit_id != first


def test_painting_the_meeting_after_its_own_writes_reads_nothing(demo_db):
    set_status(demo_db, session_id=READY, status="live")
    t = [1_700_000_000.0]
    meeting = LiveMeeting(demo_db, READY, clock=lambda: t[0], wall=lambda: t[0])
    meeting.begin()
    meeting.toggle()
    t[0] += 90
    meeting.end_phase()  # report → questions (the clock runs on at once)
    with traced(demo_db) as statements:
        t[0] += 30
        meeting.unit(), meeting.next_unit_after(), meeting.schedule(), meeting.used(meeting.unit_id)
        meeting.timer_state(), meeting.display()
    assert statements == []
    schedule = meeting.schedule()
    assert (schedule.units_done, schedule.units_total) == (0, 10)
    assert round(meeting.used(meeting.unit_id)) == 120  # 90 s of report + 30 s of questions, from memory
    # another page adds a unit: the meeting reads the roster again when told (a "units" change)
    add_unit(demo_db, session_id=READY, name="市审计局")
    assert meeting.schedule().units_total == 10
    meeting.reload_units()
    assert meeting.schedule().units_total == 11
    assert meeting.stored_timing() == LiveMeeting(demo_db, READY).stored_timing()  # memory agrees with the file


def test_snapshot_policy_going_live_periodically_and_at_the_end(tmp_path, monkeypatch):
    monkeypatch.delenv(backup.OFF_ENV, raising=False)
    taken: list[tuple[str, int]] = []
    monkeypatch.setattr(backup, "snapshot", lambda path, reason, session_id: taken.append((reason, session_id)))
    t = [0.0]
    policy = backup.AutoSnapshots(tmp_path / "x.db", every_s=300, clock=lambda: t[0], run=lambda job: job())
    policy.seed({1: "finished", 2: "draft"})
    assert policy.tick() is None and taken == []  # nothing live: no periodic snapshot
    assert policy.status_changed(2, "live") == "live"
    t[0] += 299
    assert policy.tick() is None
    t[0] += 1
    assert policy.tick() == "periodic"
    assert policy.status_changed(2, "live") is None  # told twice: once
    assert policy.status_changed(2, "finished") == "end"
    assert policy.status_changed(1, "sealed") is None  # finished → sealed: no meeting ended here
    assert taken == [("live", 2), ("periodic", 2), ("end", 2)]
