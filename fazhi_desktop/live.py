"""The live meeting: which unit presents, its phase (report → questions → scoring), the phase timer,
and how far ahead or behind the whole meeting runs.

Time is measured with a monotonic clock that callers inject (tests drive it by hand); a display
timer only repaints, from memory: the meeting keeps the units and their stored times it has read
(and updates them as it writes them), so painting the clock and the agenda reads no SQL. Each
write returns a :class:`~fazhi_desktop.changes.Change` naming what it changed. Every change is written at once to ``live_state`` together with the wall-clock
moment the running stretch began, so reopening the session after a crash continues the timer as
if the program had never stopped. Actual durations per unit and phase go to ``unit_timing``.
"""
from __future__ import annotations

import math
import os
import socket
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator

import sqlite_utils

from . import backup
from .changes import Change
from .db import now_iso, transaction
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .labels import with_detail
from .questions import meeting_elapsed
from .roster import Unit, list_units
from .scoring import audit
from .sessions import SessionLocked, erase_session, get_session, load_template, record_order, set_status

Clock = Callable[[], float]
TIMED = ("report", "questions")
PHASES = ("report", "questions", "scoring")
PHASE_LABELS = {"report": QT_TRANSLATE_NOOP("live", "汇报"), "questions": QT_TRANSLATE_NOOP("live", "提问答复"),
                "scoring": QT_TRANSLATE_NOOP("live", "评分"), None: QT_TRANSLATE_NOOP("live", "未开始")}
_OPEN_HERE: set[tuple[str, int]] = set()  # (database file, session) held by a console in this process


def fmt_clock(seconds: float) -> str:
    """Remaining time as MM:SS (rounded up, so it shows 00:00 only at the end); overtime as +MM:SS."""
    if seconds < 0:
        over = int(math.floor(-seconds + 1e-9))
        return f"+{over // 60:02d}:{over % 60:02d}"
    left = int(math.ceil(seconds - 1e-9))
    return f"{left // 60:02d}:{left % 60:02d}"


def fmt_span(seconds: float) -> str:
    """A duration as M:SS (for time used and ahead/behind figures)."""
    s = int(round(abs(seconds)))
    return f"{s // 60}:{s % 60:02d}"


@dataclass
class Schedule:
    """Planned against actual for the timed phases of the units that present (absent ones excluded)."""
    planned_s: float       # the whole meeting's timed phases, by the template
    used_s: float          # time used so far in timed phases
    behind_s: float        # > 0: the meeting runs late by this much; < 0: ahead
    remaining_s: float     # planned time still to come (what is left of phases not yet finished)
    units_done: int
    units_total: int


class LiveMeeting:
    """The state machine of one session's live meeting, persisted on every change."""

    def __init__(self, db: sqlite_utils.Database, session_id: int, *, clock: Clock = time.monotonic,
                 wall: Clock = time.time):
        self.db, self.session_id, self.clock, self.wall = db, session_id, clock, wall
        self.session = get_session(db, session_id)
        self._units: list[Unit] | None = None  # read once, kept in step by this object's own writes
        self._timing: dict[tuple[int, str], tuple[float, float]] | None = None
        self.reload_plan()
        self.unit_id: int | None = None
        self.phase: str | None = None
        self.running = False
        self._base = 0.0          # elapsed before the running stretch
        self._mono_anchor = 0.0   # clock() when the running stretch began
        self._wall_anchor: float | None = None
        self.extra_s = 0.0
        self._restore()

    def reload(self) -> None:
        """Read the session, its timing and the stored live state again (its status changed elsewhere:
        ended, reopened, or driven by another window)."""
        self.session = get_session(self.db, self.session_id)
        self.reload_plan()
        self.reload_units()
        self.running, self._wall_anchor = False, None
        self._restore()

    def reload_plan(self, template=None) -> None:
        """Read the session's timing again (the chair may change it in the setup page mid-meeting);
        ``template``: the session's template when the caller has it already."""
        timing = (template or load_template(self.db, self.session_id)).timing
        self.plan = {"report": float(timing.report_minutes) * 60, "questions": float(timing.qa_minutes) * 60}
        self.warn_s = float(timing.warn_minutes) * 60

    def reload_units(self) -> None:
        """Forget the units and stored times read so far (another page changed the roster): the next
        reader reads them again, once."""
        self._units = None
        self._timing = None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A write transaction; when it fails, what this object keeps in memory is read again."""
        try:
            with transaction(self.db):
                yield
        except BaseException:
            self.reload_units()
            raise

    def _change(self, *unit_ids: int | None, kinds: tuple[str, ...] = ("live",)) -> Change:
        return Change.of(kinds, self.session_id, unit_ids)

    # -- reading ------------------------------------------------------------------------------

    def _restore(self) -> None:
        row = self.db.execute("SELECT unit_id, phase, running, elapsed_s, started_wall, extra_s FROM live_state "
                              "WHERE session_id = ?", [self.session_id]).fetchone()
        if row is None:
            return
        self.unit_id, self.phase, running, self._base, wall_anchor, self.extra_s = row
        if self.unit_id is None:
            self.phase = None
        self.running = bool(running) and self.phase in TIMED and wall_anchor is not None
        if self.running:
            # The only clock that survives a restart is the wall clock; never count backwards.
            away = max(0.0, self.wall() - wall_anchor)
            self._mono_anchor = self.clock() - away
            self._wall_anchor = wall_anchor

    def units(self) -> list[Unit]:
        if self._units is None:
            self._units = list_units(self.db, self.session_id)
        return list(self._units)

    def unit(self, unit_id: int | None = None) -> Unit | None:
        wanted = self.unit_id if unit_id is None else unit_id
        return next((u for u in self.units() if u.id == wanted), None)

    def elapsed(self) -> float:
        if self.running:
            return self._base + max(0.0, self.clock() - self._mono_anchor)
        return self._base

    def limit(self) -> float | None:
        """The current phase's allowed time (plan plus added minutes); None when untimed."""
        if self.phase not in TIMED:
            return None
        return self.plan[self.phase] + self.extra_s

    def remaining(self) -> float | None:
        limit = self.limit()
        return None if limit is None else limit - self.elapsed()

    def timer_state(self) -> str:
        """'idle' (no timed phase), 'normal', 'warn' (within warn_minutes of the end) or 'overtime'."""
        left = self.remaining()
        if left is None:
            return "idle"
        if left < 0:
            return "overtime"
        if left <= self.warn_s + 1e-9:
            return "warn"
        return "normal"

    def display(self) -> str:
        left = self.remaining()
        if left is None:
            return fmt_span(0) if self.phase is None else "--:--"
        return fmt_clock(left)

    def next_unit_after(self, unit_id: int | None = None) -> Unit | None:
        """The next unit still to present after ``unit_id`` (default: the current one)."""
        units = self.units()
        ref = self.unit_id if unit_id is None else unit_id
        ids = [u.id for u in units]
        start = ids.index(ref) + 1 if ref in ids else 0
        for u in units[start:]:
            if u.status not in ("absent", "done") and u.id != ref:
                return u
        return None

    def stored_timing(self) -> dict[tuple[int, str], tuple[float, float]]:
        if self._timing is None:
            rows = self.db.execute("SELECT t.unit_id, t.phase, t.seconds, t.extra_s FROM unit_timing t "
                                   "JOIN units u ON u.id = t.unit_id WHERE u.session_id = ?", [self.session_id])
            self._timing = {(uid, phase): (secs, extra) for uid, phase, secs, extra in rows}
        return dict(self._timing)

    def used(self, unit_id: int) -> float:
        """Time used by a unit in its timed phases, the running one included."""
        total = 0.0
        for (uid, phase), (secs, _extra) in self.stored_timing().items():
            if uid == unit_id and not (uid == self.unit_id and phase == self.phase):
                total += secs
        if unit_id == self.unit_id and self.phase in TIMED:
            total += self.elapsed()
        return total

    def schedule(self) -> Schedule:
        stored = self.stored_timing()
        planned = used = behind = remaining = 0.0
        done = total = 0
        for u in self.units():
            if u.status == "absent":
                continue
            total += 1
            done += u.status == "done"
            reached = PHASES.index(u.status) if u.status in PHASES else (3 if u.status == "done" else -1)
            for phase in TIMED:
                plan = self.plan[phase]
                planned += plan
                if u.id == self.unit_id and phase == self.phase:
                    actual = self.elapsed()
                else:
                    actual = stored.get((u.id, phase), (0.0, 0.0))[0]
                used += actual
                finished = reached > PHASES.index(phase)
                if finished:
                    behind += actual - plan
                else:
                    behind += max(0.0, actual - plan)
                    remaining += max(0.0, plan - actual)
        return Schedule(planned, used, behind, remaining, done, total)

    def meeting_elapsed(self) -> float:
        """Seconds since the meeting's first timed phase began (what a logged question records)."""
        return meeting_elapsed(self.db, self.session_id, now=self.wall())

    def live_dict(self) -> dict:
        u = self.unit()
        return {"unit": u.name if u else None, "phase": self.phase, "running": self.running,
                "elapsed_s": round(self.elapsed(), 1)}

    # -- writing ------------------------------------------------------------------------------

    def _check_open(self) -> None:
        reason = get_session(self.db, self.session_id).why_locked("live")
        if reason:
            raise SessionLocked(reason)

    def _save(self) -> None:
        """Write the live state (inside the caller's transaction)."""
        self.db.execute(
            "INSERT INTO live_state (session_id, unit_id, phase, running, elapsed_s, started_wall, extra_s, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(session_id) DO UPDATE SET "
            "unit_id = excluded.unit_id, phase = excluded.phase, running = excluded.running, "
            "elapsed_s = excluded.elapsed_s, started_wall = excluded.started_wall, extra_s = excluded.extra_s, "
            "updated_at = excluded.updated_at",
            [self.session_id, self.unit_id, self.phase, int(self.running), self._base,
             self._wall_anchor if self.running else None, self.extra_s, now_iso()])

    def _store_phase(self, *, ended: bool) -> None:
        """Write the current timed phase's elapsed time to unit_timing."""
        if self.unit_id is None or self.phase not in TIMED:
            return
        self.db.execute(
            "INSERT INTO unit_timing (unit_id, phase, seconds, extra_s, started_at, ended_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id, phase) DO UPDATE SET seconds = excluded.seconds, "
            "extra_s = excluded.extra_s, ended_at = coalesce(excluded.ended_at, unit_timing.ended_at)",
            [self.unit_id, self.phase, round(self.elapsed(), 3), self.extra_s, wall_time(self.wall()),
             wall_time(self.wall()) if ended else None])
        if self._timing is not None:
            self._timing[(self.unit_id, self.phase)] = (round(self.elapsed(), 3), self.extra_s)

    def _set_unit_status(self, unit_id: int, status: str) -> None:
        unit = self.unit(unit_id)
        if unit is None:  # not in what was read: read again
            self.reload_units()
            unit = self.unit(unit_id)
        name, before = unit.name, unit.status
        if before == status:
            return
        self.db.execute("UPDATE units SET status = ? WHERE id = ?", [status, unit_id])
        for u in self._units or ():
            if u.id == unit_id:
                u.status = status
        if (before == "absent") != (status == "absent"):  # attendance is content; the phase is the clock's
            audit(self.db, session_id=self.session_id,
                  action="attendance.absent" if status == "absent" else "attendance.present",
                  unit=name, entity="attendance", ref=[name], state="absent" if status == "absent" else None)

    def _freeze(self) -> None:
        if self.running:
            self._base = self.elapsed()
            self.running = False
            self._wall_anchor = None

    def _enter(self, unit_id: int | None, phase: str | None) -> None:
        """Make (unit, phase) current, paused, continuing from any time already stored for it."""
        self.unit_id, self.phase = unit_id, phase
        self.running, self._wall_anchor = False, None
        row = None
        if unit_id is not None and phase in TIMED:
            row = self.stored_timing().get((unit_id, phase))
        self._base, self.extra_s = (float(row[0]), float(row[1])) if row else (0.0, 0.0)
        if unit_id is not None and phase is not None:
            self._set_unit_status(unit_id, phase)

    def begin(self) -> Change:
        """Open the meeting: the session goes live and the first unit still to present is current
        (and a snapshot is taken, when the window watches the file)."""
        self._check_open()
        went_live = False
        with self._writing():
            if get_session(self.db, self.session_id).status == "draft":
                set_status(self.db, session_id=self.session_id, status="live", action="session.start")
                went_live = True
            if self.unit_id is None:
                first = self.next_unit_after(-1)
                if first is not None:
                    self._enter(first.id, first.status if first.status in PHASES else "report")
            self._save()
        change = self._change(self.unit_id, kinds=("live", "units"))
        if went_live:
            self.session = get_session(self.db, self.session_id)
            backup.status_changed(self.db, self.session_id, "live")
            change = change.merge(Change.of("status", self.session_id))
        return change

    def start(self) -> Change:
        if self.phase not in TIMED or self.running:
            return Change()
        self._check_open()
        with self._writing():
            self._run()
            self._save()
        return self._change(self.unit_id)

    def _run(self) -> None:
        """Start the current timed phase's clock (inside the caller's transaction)."""
        self.running = True
        self._mono_anchor = self.clock()
        self._wall_anchor = self.wall()
        self.db.execute(
            "INSERT INTO unit_timing (unit_id, phase, seconds, extra_s, started_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(unit_id, phase) DO NOTHING",
            [self.unit_id, self.phase, self._base, self.extra_s, wall_time(self._wall_anchor)])
        if self._timing is not None:
            self._timing.setdefault((self.unit_id, self.phase), (self._base, self.extra_s))

    def pause(self) -> Change:
        if not self.running:
            return Change()
        with self._writing():
            self._freeze()
            self._store_phase(ended=False)
            self._save()
        return self._change(self.unit_id)

    def checkpoint(self) -> None:
        """Re-anchor a running timer to both clocks and store it. The console calls this every few
        seconds, so a system-time change followed by a crash costs at most the time since the last
        checkpoint, and other readers (show --json) see a fresh figure. It writes and never reads;
        while the session is live it is also the moment a periodic snapshot may fall due."""
        if self.session.status == "live":
            backup.tick(self.db)
        if not self.running:
            return
        with self._writing():
            now = self.clock()
            self._base += max(0.0, now - self._mono_anchor)
            self._mono_anchor, self._wall_anchor = now, self.wall()
            self._store_phase(ended=False)
            self._save()

    def back_phase(self) -> Change:
        """Undo an early "end phase": questions → report, scoring → questions, continuing the time
        already used in that phase."""
        if self.unit_id is None or self.phase not in ("questions", "scoring"):
            raise UserError("当前环节之前没有可以返回的环节。")
        self._check_open()
        with self._writing():
            self._freeze()
            self._store_phase(ended=False)
            self._enter(self.unit_id, "report" if self.phase == "questions" else "questions")
            self.db.execute("UPDATE unit_timing SET ended_at = NULL WHERE unit_id = ? AND phase = ?",
                            [self.unit_id, self.phase])
            self._save()
        return self._change(self.unit_id, kinds=("live", "units"))

    def toggle(self) -> Change:
        return self.pause() if self.running else self.start()

    def add_minute(self, minutes: float = 1) -> Change:
        if self.phase not in TIMED:
            raise UserError("当前环节不计时，不能加时。")
        self._check_open()
        with self._writing():
            self.extra_s += 60 * minutes
            self._store_phase(ended=False)
            self._save()
        return self._change(self.unit_id)

    def end_phase(self) -> Change:
        """Close the current phase and go to the next one; after scoring, to the next unit. The
        questions phase runs at once: the floor passes straight from the presenter to the experts."""
        if self.unit_id is None:
            raise UserError("当前没有进行中的单位。")
        self._check_open()
        left = self.unit_id
        with self._writing():
            self._freeze()
            self._store_phase(ended=True)
            if self.phase == "report":
                self._enter(self.unit_id, "questions")
                self._run()
            elif self.phase == "questions":
                self._enter(self.unit_id, "scoring")
            else:
                self._set_unit_status(self.unit_id, "done")
                following = self.next_unit_after()
                self._go(following)
            self._save()
        return self._change(left, self.unit_id, kinds=("live", "units"))

    def _go(self, target: Unit | None) -> None:
        if target is None:
            self._enter(None, None)
            return
        phase = target.status if target.status in PHASES else ("scoring" if target.status == "done" else "report")
        self._enter(target.id, phase)

    def go_to(self, unit_id: int) -> Change:
        """Jump to a unit; the current one keeps its time and its status. An absent unit comes back."""
        target = self.unit(unit_id)
        if target is None:
            raise UserError(f"本场评议会没有编号为 {unit_id} 的参评单位。")
        self._check_open()
        if unit_id == self.unit_id:
            return Change()
        left = self.unit_id
        with self._writing():
            self._freeze()
            self._store_phase(ended=False)
            self._go(target)
            self._save()
        return self._change(left, self.unit_id, kinds=("live", "units"))

    def next_unit(self) -> Change:
        following = self.next_unit_after()
        if following is None:
            raise UserError("后面没有待汇报的单位了。")
        return self.go_to(following.id)

    def previous_unit(self) -> Change:
        units = [u for u in self.units() if u.status != "absent"]
        ids = [u.id for u in units]
        if self.unit_id not in ids:
            if not units:
                raise UserError("没有可以返回的单位。")
            return self.go_to(units[-1].id)
        at = ids.index(self.unit_id)
        if at == 0:
            raise UserError("已经是第一个单位。")
        return self.go_to(ids[at - 1])

    def mark_absent(self, unit_id: int) -> Change:
        """The unit does not present; if it is the current one, the next unit becomes current."""
        target = self.unit(unit_id)
        if target is None:
            raise UserError(f"本场评议会没有编号为 {unit_id} 的参评单位。")
        self._check_open()
        left = self.unit_id
        with self._writing():
            if unit_id == self.unit_id:
                self._freeze()
                self._store_phase(ended=False)
                following = self.next_unit_after()
                self._set_unit_status(unit_id, "absent")
                self._go(following)
            else:
                self._set_unit_status(unit_id, "absent")
            self._save()
        return self._change(unit_id, left, self.unit_id, kinds=("live", "units"))

    def mark_present(self, unit_id: int) -> Change:
        """Undo an absence: the unit waits for its turn again."""
        target = self.unit(unit_id)
        if target is None or target.status != "absent":
            return Change()
        self._check_open()
        with self._writing():
            self._set_unit_status(unit_id, "waiting")
            self._save()
        return self._change(unit_id, kinds=("live", "units"))

    def move_later(self, unit_id: int) -> Change:
        """Move a unit that has not finished to the end of the agenda (e.g. its presenter is late)."""
        target = self.unit(unit_id)
        if target is None:
            raise UserError(f"本场评议会没有编号为 {unit_id} 的参评单位。")
        if target.status == "done":
            raise UserError(f"“{target.name}”已评议完毕，不能调后。")
        self._check_open()
        left = self.unit_id
        with self._writing():
            if unit_id == self.unit_id:
                self._freeze()
                self._store_phase(ended=False)
                following = self.next_unit_after()
                if target.status == "report" and self._base == 0:
                    self._set_unit_status(unit_id, "waiting")
                self._go(following)
            # positions only: a drawn order stays recorded as drawn (seed and witness kept for the minutes)
            ids = [u.id for u in self.units() if u.id != unit_id] + [unit_id]
            for pos, uid in enumerate(ids, start=1):
                self.db.execute("UPDATE units SET position = ? WHERE id = ?", [pos, uid])
            record_order(self.db, self.session_id, action=with_detail("order.last", target.name))
            self._save()
        self.reload_units()  # positions changed: read the order again, once
        return self._change(unit_id, left, self.unit_id, kinds=("live", "units"))


# -- one console per session ----------------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _db_key(db: sqlite_utils.Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or f":memory:{id(db.conn)}"


def claim_console(db: sqlite_utils.Database, session_id: int) -> None:
    """Refuse a second console on the same session (in this process or another one still running)."""
    key = (_db_key(db), session_id)
    if key in _OPEN_HERE:
        raise UserError("这场评议会的现场窗口已经打开，不能再开第二个。")
    host = socket.gethostname()
    with transaction(db):
        row = db.execute("SELECT owner_pid, owner_host FROM live_state WHERE session_id = ?", [session_id]).fetchone()
        if row and row[0] and row[0] != os.getpid() and row[1] == host and _pid_alive(row[0]):
            raise UserError(f"这场评议会的现场窗口已在另一个程序中打开（进程 {row[0]}），不能同时打开两个。")
        db.execute("INSERT INTO live_state (session_id, owner_pid, owner_host, updated_at) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(session_id) DO UPDATE SET owner_pid = excluded.owner_pid, "
                   "owner_host = excluded.owner_host", [session_id, os.getpid(), host, now_iso()])
    _OPEN_HERE.add(key)


def release_console(db: sqlite_utils.Database, session_id: int) -> None:
    _OPEN_HERE.discard((_db_key(db), session_id))
    with transaction(db):
        db.execute("UPDATE live_state SET owner_pid = NULL, owner_host = NULL WHERE session_id = ? AND owner_pid = ?",
                   [session_id, os.getpid()])


def live_summary(db: sqlite_utils.Database, session_id: int) -> dict:
    """The ``live`` key of ``show --json``."""
    return LiveMeeting(db, session_id).live_dict()


def wall_time(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


# -- rehearsal ---------------------------------------------------------------------------------------


def start_rehearsal(db: sqlite_utils.Database, *, session_id: int) -> int:
    """A copy of the session (units, experts, template, recusals; no scores or questions) to practise
    the meeting on; the real record is never touched. Earlier leftover copies are discarded first."""
    from .sessions import duplicate_session

    source = get_session(db, session_id)
    if source.status == "sealed":
        raise UserError(f"评议会“{source.title}”已封盘，不能演练。")
    with transaction(db):
        for (old,) in db.execute("SELECT id FROM sessions WHERE rehearsal_of = ?", [session_id]).fetchall():
            erase_session(db, old, action="rehearsal.discard")
        copy = duplicate_session(db, session_id=session_id, title=f"【演练】{source.title}")
        db.execute("UPDATE sessions SET rehearsal_of = ? WHERE id = ?", [session_id, copy])
        set_status(db, session_id=copy, status="live", action="rehearsal.start")
    return copy


def discard_rehearsal(db: sqlite_utils.Database, *, rehearsal_id: int) -> None:
    """Delete a rehearsal copy with everything done in it. Refuses anything that is not a rehearsal."""
    row = db.execute("SELECT rehearsal_of FROM sessions WHERE id = ?", [rehearsal_id]).fetchone()
    if row is None:
        return
    if row[0] is None:
        raise UserError("这不是演练副本，不能丢弃。")
    with transaction(db):
        erase_session(db, rehearsal_id, action="rehearsal.discard")


def is_rehearsal(db: sqlite_utils.Database, session_id: int) -> bool:
    row = db.execute("SELECT rehearsal_of FROM sessions WHERE id = ?", [session_id]).fetchone()
    return bool(row and row[0] is not None)
