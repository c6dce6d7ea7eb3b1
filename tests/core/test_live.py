"""The live meeting state machine, driven by a hand-held clock."""
from __future__ import annotations

import json

import pytest

from fazhi_desktop.db import open_db, schema_version
from fazhi_desktop.errors import UserError
from fazhi_desktop.live import LiveMeeting, claim_console, fmt_clock, release_console
from fazhi_desktop.migrations import LATEST, MIGRATIONS
from fazhi_desktop.roster import list_units
from fazhi_desktop.show import session_dict

READY = 2  # demo session ready to run: 10 units, 8/5/1 minutes


class FakeClock:
    """One hand-moved time for both clocks: monotonic and wall."""

    def __init__(self, start: float = 1_700_000_000.0):
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def meeting(demo_db, clock):
    m = LiveMeeting(demo_db, READY, clock=clock, wall=clock)
    m.begin()
    return m


def test_begin_makes_session_live_and_first_unit_current(meeting, demo_db):
    units = list_units(demo_db, READY)
    assert meeting.unit_id == units[0].id and meeting.phase == "report" and not meeting.running
    assert session_dict(demo_db, READY)["status"] == "live"
    assert list_units(demo_db, READY)[0].status == "report"
    assert meeting.display() == "08:00"


def test_warning_then_overtime_in_red_figures(meeting, clock):
    meeting.start()
    clock.advance(6 * 60 + 59)
    assert meeting.timer_state() == "normal" and meeting.display() == "01:01"
    clock.advance(1)  # 7:00 used, 1:00 left: the warning
    assert meeting.timer_state() == "warn" and meeting.display() == "01:00"
    clock.advance(60)
    assert meeting.timer_state() == "warn" and meeting.display() == "00:00"
    clock.advance(30)  # 8:30 used
    assert meeting.timer_state() == "overtime" and meeting.display() == "+00:30"


def test_pause_stops_time_and_resume_continues(meeting, clock):
    meeting.start()
    clock.advance(100)
    meeting.pause()
    clock.advance(1000)
    assert meeting.elapsed() == pytest.approx(100)
    meeting.toggle()
    clock.advance(20)
    assert meeting.elapsed() == pytest.approx(120)
    assert meeting.display() == "06:00"


def test_add_minute_extends_the_phase(meeting, clock):
    meeting.start()
    clock.advance(8 * 60 + 30)
    assert meeting.display() == "+00:30"
    meeting.add_minute()
    assert meeting.display() == "00:30" and meeting.timer_state() == "warn"


def test_phases_and_actual_durations_are_stored(meeting, clock, demo_db):
    first = meeting.unit_id
    meeting.start()
    clock.advance(472.3)
    meeting.end_phase()  # the floor passes straight to the experts: the Q&A clock runs at once
    assert meeting.phase == "questions" and meeting.running and meeting.display() == "05:00"
    clock.advance(301)
    meeting.end_phase()
    assert meeting.phase == "scoring" and meeting.timer_state() == "idle"
    meeting.end_phase()
    assert meeting.unit_id != first and meeting.phase == "report"
    unit = session_dict(demo_db, READY)["units"][0]
    assert unit["status"] == "done"
    assert unit["actual"] == {"report_s": 472.3, "questions_s": 301.0}


def _run_unit(meeting, clock, report_s, qa_s):
    meeting.start(); clock.advance(report_s); meeting.end_phase()
    clock.advance(qa_s); meeting.end_phase()
    meeting.end_phase()


def test_ahead_behind_with_absent_and_reordered_units(meeting, clock, demo_db):
    units = list_units(demo_db, READY)
    a, b, c, d = units[0], units[1], units[2], units[3]
    meeting.mark_absent(b.id)          # B never presents: its planned time is not owed
    meeting.move_later(c.id)           # C goes to the end of the agenda
    _run_unit(meeting, clock, 9 * 60, 4 * 60)          # A: +60, -60 → on time
    assert meeting.unit_id == d.id                       # B absent, C moved: D is next
    s = meeting.schedule()
    assert s.behind_s == pytest.approx(0) and s.units_done == 1 and s.units_total == 9
    _run_unit(meeting, clock, 10 * 60, 5 * 60 + 30)      # D: +120, +30
    s = meeting.schedule()
    assert s.behind_s == pytest.approx(150)
    assert s.planned_s == pytest.approx(9 * 13 * 60)
    assert s.used_s == pytest.approx(13 * 60 + 15 * 60 + 30)
    # the running unit counts only once it overruns; ahead shows as negative
    meeting.start(); clock.advance(9 * 60)
    assert meeting.schedule().behind_s == pytest.approx(210)
    order = [u.name for u in list_units(demo_db, READY)]
    assert order[-1] == c.name
    # C, presented last, and short: the meeting catches up
    meeting.end_phase(); meeting.start(); clock.advance(60); meeting.end_phase(); meeting.end_phase()
    meeting.go_to(c.id)
    _run_unit(meeting, clock, 4 * 60, 2 * 60)
    assert meeting.schedule().behind_s == pytest.approx(150 + 60 - 240 - 240 - 180)


def test_going_back_keeps_time_and_absent_unit_can_return(meeting, clock, demo_db):
    units = list_units(demo_db, READY)
    meeting.start(); clock.advance(50)
    meeting.next_unit()
    assert meeting.unit_id == units[1].id and not meeting.running
    meeting.previous_unit()
    assert meeting.unit_id == units[0].id and meeting.elapsed() == pytest.approx(50)
    meeting.mark_absent(units[0].id)
    assert meeting.unit_id == units[1].id
    meeting.go_to(units[0].id)
    assert list_units(demo_db, READY)[0].status == "report"


def test_crash_resume_running_timer_continues(demo_db, db_path, clock):
    m = LiveMeeting(demo_db, READY, clock=clock, wall=clock)
    m.begin(); m.start(); clock.advance(75); m.end_phase(); m.start(); clock.advance(40)
    unit = m.unit_id
    del m
    demo_db.conn.close()
    clock.advance(20)  # the program was down for 20 s
    db = open_db(db_path)
    again = LiveMeeting(db, READY, clock=FakeClock(5.0), wall=clock)
    assert (again.unit_id, again.phase, again.running) == (unit, "questions", True)
    assert again.elapsed() == pytest.approx(60)
    live = session_dict(db, READY, wall=clock)["live"]
    assert live["phase"] == "questions" and live["running"] is True and live["elapsed_s"] == pytest.approx(60)
    db.conn.close()


def test_crash_resume_paused_timer_stays(demo_db, db_path, clock):
    m = LiveMeeting(demo_db, READY, clock=clock, wall=clock)
    m.begin(); m.start(); clock.advance(75); m.pause(); m.add_minute()
    demo_db.conn.close()
    clock.advance(600)
    db = open_db(db_path)
    again = LiveMeeting(db, READY, clock=clock, wall=clock)
    assert again.phase == "report" and not again.running
    assert again.elapsed() == pytest.approx(75) and again.display() == "07:45"
    db.conn.close()


def test_wall_clock_set_back_never_counts_backwards(demo_db, clock):
    m = LiveMeeting(demo_db, READY, clock=clock, wall=clock)
    m.begin(); m.start(); clock.advance(30)
    wall = FakeClock(clock.t - 3600)  # system time moved back an hour
    again = LiveMeeting(demo_db, READY, clock=clock, wall=wall)
    assert again.elapsed() == pytest.approx(30 - 30)  # cannot know the gap; never negative
    assert again.running


def test_sealed_session_refuses_live_changes(meeting, demo_db):
    demo_db.execute("UPDATE sessions SET status = 'sealed' WHERE id = ?", [READY])
    with pytest.raises(UserError, match="封盘"):
        meeting.start()


def test_second_console_is_refused(demo_db):
    claim_console(demo_db, READY)
    with pytest.raises(UserError, match="已经打开"):
        claim_console(demo_db, READY)
    release_console(demo_db, READY)
    claim_console(demo_db, READY)
    release_console(demo_db, READY)


def test_console_of_a_killed_process_can_be_taken_over(demo_db):
    import socket
    demo_db.execute("INSERT INTO live_state (session_id, owner_pid, owner_host, updated_at) "
                    "VALUES (?, 99999999, ?, '')", [READY, socket.gethostname()])
    claim_console(demo_db, READY)  # pid 99999999 is not running
    release_console(demo_db, READY)


def test_fmt_clock():
    assert fmt_clock(480) == "08:00" and fmt_clock(59.2) == "01:00" and fmt_clock(-83.9) == "+01:23"


def test_v2_database_migrates_to_v3(db_path):
    from fazhi_desktop.db import connect, migrate_db
    db = connect(db_path)
    migrate_db(db, target=2)
    db.execute("INSERT INTO sessions (title, template_name, grades_json, timing_json, created_at, updated_at) "
               "VALUES ('旧会', 't', '[]', '{}', '', '')")
    db.execute("INSERT INTO units (session_id, name, position) VALUES (1, '甲', 1)")
    db.execute("INSERT INTO unit_timing (unit_id, phase, seconds) VALUES (1, 'report', 470)")
    db.conn.close()
    db = open_db(db_path)
    assert schema_version(db) == LATEST == len(MIGRATIONS) >= 3
    assert db.execute("SELECT seconds, extra_s FROM unit_timing").fetchone() == (470, 0)
    assert "live_state" in db.table_names()
    assert db.execute("SELECT rehearsal_of FROM sessions").fetchone() == (None,)
    db.conn.close()


def test_show_json_has_live_state(meeting, clock, demo_db):
    meeting.start(); clock.advance(12.34)
    data = json.loads(json.dumps(session_dict(demo_db, READY, wall=clock), ensure_ascii=False))
    assert data["live"] == {"unit": data["units"][0]["name"], "phase": "report", "running": True,
                            "elapsed_s": 12.3}
    assert data["units"][0]["status"] == "report" and data["units"][0]["actual"] == {"report_s": 12.3}
    assert data["units"][1]["status"] == "waiting"


def test_rehearsal_is_a_copy_that_is_discarded(demo_db, clock):
    from fazhi_desktop.live import discard_rehearsal, is_rehearsal, start_rehearsal
    from fazhi_desktop.questions import add_question
    copy = start_rehearsal(demo_db, session_id=READY)
    assert is_rehearsal(demo_db, copy) and not is_rehearsal(demo_db, READY)
    m = LiveMeeting(demo_db, copy, clock=clock, wall=clock)
    m.begin(); m.start(); clock.advance(100); m.end_phase()
    add_question(demo_db, session_id=copy, unit_id=m.unit_id, text="演练提问")
    real = session_dict(demo_db, READY)
    assert real["status"] == "draft" and real["questions"] == [] and real["units"][0]["actual"] == {}
    again = start_rehearsal(demo_db, session_id=READY)  # a leftover copy (e.g. after a crash) goes first
    assert demo_db.execute("SELECT count(*) FROM sessions WHERE rehearsal_of = ?", [READY]).fetchone()[0] == 1
    assert demo_db.execute("SELECT count(*) FROM questions WHERE text = '演练提问'").fetchone()[0] == 0
    discard_rehearsal(demo_db, rehearsal_id=again)
    assert demo_db.execute("SELECT count(*) FROM sessions WHERE rehearsal_of IS NOT NULL").fetchone()[0] == 0
    assert demo_db.execute("SELECT count(*) FROM questions WHERE text = '演练提问'").fetchone()[0] == 0
    with pytest.raises(UserError, match="不是演练"):
        discard_rehearsal(demo_db, rehearsal_id=READY)


def test_back_phase_undoes_an_early_end(meeting, clock):
    meeting.start(); clock.advance(200); meeting.end_phase()     # N pressed too early
    meeting.back_phase()
    assert meeting.phase == "report" and meeting.elapsed() == pytest.approx(200) and not meeting.running
    meeting.start(); clock.advance(100); meeting.end_phase()
    meeting.start(); clock.advance(50); meeting.end_phase()
    meeting.back_phase()
    assert meeting.phase == "questions" and meeting.elapsed() == pytest.approx(50)
    meeting.back_phase()
    with pytest.raises(UserError):
        meeting.back_phase()


def test_checkpoint_limits_what_a_wall_clock_jump_can_cost(demo_db, clock):
    wall = FakeClock(clock.t)
    m = LiveMeeting(demo_db, READY, clock=clock, wall=wall)
    m.begin(); m.start()
    clock.advance(300); wall.advance(300)
    m.checkpoint()
    assert m.elapsed() == pytest.approx(300)
    wall.advance(-3600)  # someone sets the system clock back an hour
    clock.advance(5); wall.advance(5)
    assert m.elapsed() == pytest.approx(305)  # the running timer follows the monotonic clock
    again = LiveMeeting(demo_db, READY, clock=clock, wall=wall)  # a crash right now
    assert again.running and again.elapsed() == pytest.approx(300)  # at most the last few seconds lost
    assert session_dict(demo_db, READY, wall=wall)["units"][0]["actual"]["report_s"] == pytest.approx(300)


def test_moving_a_late_unit_keeps_the_draw_on_record(demo_db, clock):
    from fazhi_desktop.roster import draw_order
    drawn = draw_order(demo_db, session_id=READY, seed="123456", witness="何静")
    m = LiveMeeting(demo_db, READY, clock=clock, wall=clock)
    m.begin()
    first = m.unit_id
    m.move_later(first)
    names = [u.name for u in list_units(demo_db, READY)]
    assert names == drawn["order"][1:] + drawn["order"][:1]
    order = session_dict(demo_db, READY)["order"]
    assert order["mode"] == "drawn" and order["seed"] == "123456"
    assert list_units(demo_db, READY)[-1].status == "waiting" and m.unit_id != first
