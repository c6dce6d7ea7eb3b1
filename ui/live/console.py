"""The live console: the chair runs the meeting from here with the keyboard.

A shell that wires its parts: left the agenda (:mod:`.agenda_pane`), right the current unit and
its clock (:mod:`.timer_card`), then the question log, the open items, the scoring panel and the
experts' devices. All state lives in :class:`fazhi_desktop.live.LiveMeeting`; each key runs one
operation (``ui.operations.run``) whose change record says what to repaint. The 200 ms QTimer
only repaints from memory; the 10 s checkpoint only writes.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter,
                               QTabWidget, QToolBar, QVBoxLayout, QWidget)

from fazhi_desktop import ledger, scoring
from fazhi_desktop import live as core
from fazhi_desktop.changes import Change
from fazhi_desktop.errors import UserError
from fazhi_desktop.roster import list_experts
from fazhi_desktop.sessions import REOPEN_HINT, REVISE_HINT, get_session

from .. import dialogs, operations
from ..actions import ActionRegistry
from ..history.open_items import OpenItemsPanel
from ..i18n import arg, label
from ..icons import icon
from ..scoring.grid_model import state_label
from ..scoring.panel import ScoringPage
from .agenda_pane import AgendaPane
from .devices import DevicesPanel
from .projector import TIMER_COLOURS, Board, ProjectorWindow
from .projector_bar import ProjectorBar
from .question_log import QuestionLog
from .timer_card import PAUSED_COLOUR, TimerCard

__all__ = ["ConsolePage", "LIVE_KEYS", "PAUSED_COLOUR", "CHECKPOINT_MS"]

LIVE_KEYS = ["live.start_pause", "live.end_phase", "live.next_unit", "live.previous_unit", "live.add_minute",
             "live.focus_question", "live.projector", "live.mark_absent", "live.back_phase"]
CHECKPOINT_MS = 10_000
_ORDER = {"idle": 0, "normal": 1, "warn": 2, "overtime": 3}


class ConsolePage(operations.Listener, QWidget):
    session_changed = Signal()  # the session's status changed (the main window refreshes its list)
    rehearsal_requested = Signal(int)  # 演练…: the main window opens a RehearsalWindow on a copy

    def __init__(self, db, session_id: int, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic, wall: Callable[[], float] = time.time):
        super().__init__(parent)
        self.db, self.session_id = db, session_id
        self.meeting = core.LiveMeeting(db, session_id, clock=clock, wall=wall)
        self.rehearsal = core.is_rehearsal(db, session_id)  # fixed for the page's life
        self._claimed = False
        if self.meeting.session.status == "live":
            self._claim()
        self.undo_stack = QUndoStack(self)
        self._last_state = self.meeting.timer_state()
        self._last_where = (self.meeting.unit_id, self.meeting.phase)
        self.chimes = 0
        self._ticks = 0
        self._shown: tuple = (None, None)
        self._unit_shown: object = object()  # the unit the log, open items and grid were last set to
        self._running_op = False
        self._build()
        self._timer = QTimer(self, interval=200)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # keeps the phase _align_ticks gives it
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._aligner = QTimer(self, singleShot=True)
        self._aligner.setTimerType(Qt.TimerType.PreciseTimer)
        self._aligner.timeout.connect(self._restart_ticks)
        self._checkpoint = QTimer(self, interval=CHECKPOINT_MS)  # writes the running clock; reads nothing
        self._checkpoint.timeout.connect(lambda: self._do_quiet(self.meeting.checkpoint))
        self._checkpoint.start()
        self.listen(db, session_id)
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff8e1; color: #6d4c41; padding: 6px; border-radius: 4px;")
        self.begin_button = QPushButton(icon("start"), self.tr("开始现场评议"))
        self.begin_button.clicked.connect(self.begin)
        self.rehearse_button = QPushButton(icon("live"), self.tr("演练…"))
        self.rehearse_button.setToolTip(self.tr("在本场的副本上练习主持，结束后丢弃，不影响正式记录"))
        self.rehearse_button.clicked.connect(self.rehearse)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.rehearse_button)
        banner_row.addWidget(self.begin_button)

        self.actions = ActionRegistry(self, keys=LIVE_KEYS)
        a = self.actions
        a.connect("live.start_pause", lambda: self._do(self.meeting.toggle))
        a.connect("live.end_phase", self.end_phase)
        a.connect("live.back_phase", lambda: self._do(self.meeting.back_phase))
        a.connect("live.next_unit", lambda: self._do(self.meeting.next_unit))
        a.connect("live.previous_unit", lambda: self._do(self.meeting.previous_unit))
        a.connect("live.add_minute", lambda: self._do(self.meeting.add_minute))
        a.connect("live.focus_question", self.focus_question)
        a.connect("live.projector", self.toggle_projector)
        a.connect("live.mark_absent", self.toggle_absent)
        for action in a.actions.values():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in ("live.start_pause", "live.end_phase", "live.back_phase", "live.add_minute", "live.previous_unit",
                    "live.next_unit"):
            bar.addAction(a[key])
        bar.addSeparator()
        bar.addAction(a["live.mark_absent"])
        self.move_later_action = bar.addAction(icon("down"), self.tr("调到最后"))
        self.move_later_action.triggered.connect(self.move_later)
        # the projector's controls sit with the current unit: they are what the room sees of it
        self.projector_bar = ProjectorBar(a["live.projector"], self)
        self.projector_bar.reveal_action.triggered.connect(self.reveal_results)
        self.projector_bar.message.connect(self.say)
        self.toolbar = bar

        self.agenda_pane = AgendaPane(self.meeting, self)
        self.agenda_pane.jump_requested.connect(self.jump_to)
        self.agenda_model, self.agenda = self.agenda_pane.model, self.agenda_pane.view
        self.schedule_label = self.agenda_pane.schedule_label

        self.card = TimerCard(self.projector_bar, self)
        for name in ("unit_label", "presenter_label", "report_label", "next_label", "phase_label", "timer_label",
                     "limit_label"):
            setattr(self, name, getattr(self.card, name))

        # question log, open items, scoring, devices
        self.log = QuestionLog(self.db, self.session_id, self.undo_stack, self.meeting.meeting_elapsed, self)
        self.log.message.connect(self.say)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.log, icon("question"), self.tr("提问记录"))
        self.open_items = OpenItemsPanel(self.db, self.session_id, None, self)
        self.tabs.addTab(self.open_items, icon("audit"), self.tr("往次整改"))
        self.scoring = ScoringPage(self.db, self.session_id, self)
        self.scoring.show_side_panels(False)  # the console follows the presenting unit: the grid alone
        # in a scroll area: the panel's own minimum width must not push the window off a 1366 screen
        self.scoring_area = QScrollArea()
        self.scoring_area.setWidgetResizable(True)
        self.scoring_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scoring_area.setWidget(self.scoring)
        self.tabs.addTab(self.scoring_area, icon("scores"), self.tr("评分"))
        self.devices = DevicesPanel(self.db, self.session_id, self)
        self.devices.message.connect(self.say)
        self.devices.device_experts_changed.connect(self.scoring.set_device_experts)
        self.tabs.addTab(self.devices, icon("experts"), self.tr("专家设备"))

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.card)
        rv.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.agenda_pane)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        splitter.setChildrenCollapsible(False)
        self.message_label = QLabel()
        self.message_label.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        layout.addLayout(banner_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    # -- state --------------------------------------------------------------------------------
    def _claim(self) -> None:
        try:
            core.claim_console(self.db, self.session_id)
        except UserError:
            # a console of this session that the main window has just let go (deleteLater) still
            # holds it: let pending deletions run, then try once more
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            core.claim_console(self.db, self.session_id)
        self._claimed = True
        db, sid = self.db, self.session_id
        self.destroyed.connect(lambda *_: _release(db, sid))

    def _do(self, operation: Callable[[], object]) -> bool:
        """Run one meeting operation; a refusal shows as a message line, never a traceback. The
        console repaints what the operation's change names (other pages hear it from the hub)."""
        self._running_op = True
        try:
            done = operations.run(self.db, operation, say=self.say)
        finally:
            self._running_op = False
        if not done.ok:
            return False
        self.say("")
        self.apply(done.change, own=True)
        self._align_ticks()
        return True

    def _on_changes(self, change: Change) -> None:
        if not self._running_op:  # this page's own operation is applied by _do
            super()._on_changes(change)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.show_pending()
        # the chair's keys (Space, N, Ctrl+→) work only with the focus inside this page
        if not self.isAncestorOf(QApplication.focusWidget()):
            QTimer.singleShot(0, self.agenda, self.agenda.setFocus)
        top = self.window()
        if top is not self:
            top.installEventFilter(self)  # installing twice only moves it to the front

    def apply(self, change: Change, own: bool = False) -> None:
        """Repaint what ``change`` names: the clock and card for the live state, the agenda for the
        units; the session's status or template read everything again; the ledger (an item edited in
        the history window, of this or an earlier session) the open items per unit."""
        if not change.concerns(self.session_id):
            return
        if change.touches("status", "template", "session"):
            self.refresh()
            return
        if change.touches("ledger"):
            self.agenda_pane.reload(ledger.open_counts(self.db, self.session_id))
            self.open_items.refresh()
        if change.touches("units") and not own:  # the roster changed elsewhere: the meeting reads it again,
            self.meeting.reload_units()  # and a unit added or renamed may have open items of its own
            self.agenda_pane.reload(ledger.open_counts(self.db, self.session_id))
        elif change.touches("units"):
            self.agenda_pane.reload()
        if change.touches("live", "units"):
            self._show_state()
            self._follow_unit()
            self._show_unit()
            self.agenda_pane.repaint_current()
            self._tick()

    def _align_ticks(self) -> None:
        """Put the 200 ms repaint ticks just after the moments the shown second changes. The clock
        shows whole seconds; with ticks at whatever phase the console was opened with, each change
        could appear up to 200 ms late, depending on when Space was pressed (bench/soak_realtime.py)."""
        left = self.meeting.remaining()
        if not self.meeting.running or left is None:
            return
        until_change = left % 1.0  # seconds until the display changes (also in overtime)
        self._aligner.start(int((until_change % 0.2) * 1000) + 2)

    def _restart_ticks(self) -> None:
        self._timer.start()
        self._tick()

    def say(self, text: str) -> None:
        self.message_label.setText(text)

    def begin(self) -> None:
        if not self._claimed:
            try:
                self._claim()
            except UserError as exc:
                self.say(str(exc))
                return
        if self._do(self.meeting.begin):
            self.session_changed.emit()

    def rehearse(self) -> None:
        """Ask for the console on a throwaway copy of this session (the main window opens it: the
        rehearsal window holds a console of its own, so this page does not import it)."""
        self.rehearsal_requested.emit(self.session_id)

    def refresh(self) -> None:
        """Re-read everything from the database (the page is shown again, or the session's status
        or template changed)."""
        self.take_pending()
        session = get_session(self.db, self.session_id)
        if session.status != self.meeting.session.status:  # ended, reopened or sealed from the menu
            self.meeting.reload()
            self.devices.reload()  # an ended meeting's links are dead: the scoring server stops
            if session.status == "live" and not self._claimed:
                self._do_quiet(self._claim)
        else:
            self.meeting.reload_plan()
            self.meeting.reload_units()
        self.meeting.session = session
        if session.status == "live" and self._claimed and self.meeting.unit_id is None \
                and self.meeting.next_unit_after(-1) is not None:
            self._do_quiet(lambda: operations.run(self.db, self.meeting.begin, say=self.say))
        self._show_state()
        if not session.editable("questions"):
            self.undo_stack.clear()  # what was done before the session ended can't be undone after
        self.agenda_pane.reload(ledger.open_counts(self.db, self.session_id))
        self.log.refresh_experts()
        self._unit_shown = object()
        self._follow_unit()
        self._show_unit()
        self.scoring.refresh()
        self._tick()

    def _show_state(self) -> None:
        """The banner, the buttons and which keys work, for the session's status (from memory)."""
        session = self.meeting.session
        banner = {"draft": self.tr("评议会尚在筹备中。开始后，会议状态变为“进行中”，第一个单位进入汇报环节。"),
                  "finished": self.tr("评议会已结束，现场记录只读。") + label("Session", REOPEN_HINT),
                  "sealed": self.tr("评议会已封盘，现场记录只读。") + label("Session", REVISE_HINT)}.get(session.status, "")
        if session.status == "live" and self.meeting.unit_id is None:
            banner = self.tr("全部单位已评议完毕。核对评分后，请结束评议会（上方“结束评议会…”）。")
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        self.begin_button.setVisible(session.status == "draft")
        self.rehearse_button.setVisible(session.status == "draft" and not self.rehearsal)
        running = session.status == "live" and session.editable("live")  # begun, not ended
        for key in LIVE_KEYS:
            if key not in ("live.projector", "live.focus_question"):
                self.actions[key].setEnabled(running)
        self.move_later_action.setEnabled(running)
        self.actions["live.focus_question"].setEnabled(session.editable("questions"))
        self.log.set_editable(session.editable("questions"))

    def _follow_unit(self) -> None:
        """The parts that show one unit (questions, open items, the grid, the devices) follow the
        meeting when it moves to another unit, and only then (each reads that unit once)."""
        uid = self.meeting.unit_id
        self.agenda_pane.follow()
        if uid == self._unit_shown:
            return
        self._unit_shown = uid
        self.log.set_unit(uid)
        self.open_items.set_unit(uid)
        n = self.open_items.count()
        self.tabs.setTabText(self.tabs.indexOf(self.open_items),
                             arg(self.tr("往次整改（%1）"), n) if n else self.tr("往次整改"))
        if uid is not None:
            self.scoring.set_unit(uid)
        self.devices.set_unit(uid)

    def _do_quiet(self, operation: Callable[[], object]) -> None:
        try:
            operation()
        except UserError as exc:
            self.say(str(exc))

    def _show_unit(self) -> None:
        unit = self.meeting.unit()
        self.card.show_unit(self.meeting, unit, self.meeting.next_unit_after())
        phase = self.meeting.phase
        if (unit and unit.id, phase) != self._shown:
            # follow the meeting only when it moves on, not on every refresh (the chair may have chosen a tab)
            self._shown = (unit and unit.id, phase)
            if phase == "scoring":
                self.tabs.setCurrentWidget(self.scoring_area)
            elif phase in core.TIMED:
                self.tabs.setCurrentIndex(0)
        self.actions["live.start_pause"].setIcon(icon("pause" if self.meeting.running else "start"))
        self.agenda_pane.show_schedule()
        self._push_board()

    def _board(self) -> Board:
        unit = self.meeting.unit()
        following = self.meeting.next_unit_after()
        return Board(title=self.meeting.session.title, unit=unit.name if unit else "",
                     presenter=" ".join(p for p in (unit.presenter_title, unit.presenter) if p) if unit else "",
                     phase=label("live", core.PHASE_LABELS.get(self.meeting.phase, "")) if unit else "",
                     clock=self._clock_text(), state=self.meeting.timer_state(),
                     next_unit=following.name if following else "")

    def _clock_text(self) -> str:
        return self.card.clock_text(self.meeting)

    def _push_board(self) -> None:
        self.projector_bar.show_board(self._board())

    def paused(self) -> bool:
        """A timed phase whose clock is stopped: shown grey, with 已暂停, so it never looks running."""
        return self.card.paused(self.meeting)

    def _tick(self) -> None:
        """Repaint the clock (every 200 ms): from the meeting in memory, no database read."""
        state = self.meeting.timer_state()
        text = self._clock_text()
        self.card.show_clock(self.meeting, text, state)
        self.projector_bar.set_clock(text, state)
        where = (self.meeting.unit_id, self.meeting.phase)
        if self.meeting.running:
            self.agenda_pane.repaint_current()
            self._ticks += 1
            if self._ticks % 5 == 0:  # about once a second: the running phase moves the whole-meeting figure
                self.agenda_pane.show_schedule()
            # chime when time runs into the warning and past zero; not when a minute is added back
            if where == self._last_where and _ORDER[state] > _ORDER[self._last_state] >= 1 \
                    and state in ("warn", "overtime") and self.projector_bar.chime:
                self.chimes += 1
                QApplication.beep()
        self._last_state, self._last_where = state, where

    def timer_colour(self) -> str:
        return TIMER_COLOURS[self.meeting.timer_state()]

    # -- agenda actions -----------------------------------------------------------------------
    def selected_unit_id(self) -> int | None:
        return self.agenda_pane.selected_unit_id()

    def jump_to(self, unit_id: int) -> None:
        self._do(lambda: self.meeting.go_to(unit_id))

    def toggle_absent(self) -> None:
        uid = self.selected_unit_id()
        if uid is None:
            return
        unit = self.meeting.unit(uid)
        if unit.status == "absent":
            self._do(lambda: self.meeting.mark_present(uid))
        else:
            self._do(lambda: self.meeting.mark_absent(uid))

    def move_later(self) -> None:
        uid = self.selected_unit_id()
        if uid is not None:
            self._do(lambda: self.meeting.move_later(uid))

    # -- question log ---------------------------------------------------------------------------
    def focus_question(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.log.focus()

    def end_phase(self) -> bool:
        """N: the next phase. Leaving scoring with sheets still missing asks first, naming them."""
        if self.meeting.phase == "scoring" and self.meeting.unit_id is not None:
            unit = self.meeting.unit()
            states = scoring.sheet_states(self.db, self.session_id, unit.id)
            names = {e.id: e.name for e in list_experts(self.db, self.session_id)}
            gaps = [f"{names.get(e, e)}（{state_label(st)}）" for e, st in states.items()
                    if st in ("empty", "incomplete")]
            if gaps and not dialogs.confirm(
                    self, arg(self.tr("“%1”还有 %2 位专家的评分未完成：%3。\n仍然结束评分、进入下一个单位吗？"
                                      "（缺少的评分可以之后补录）"), unit.name, len(gaps), "、".join(gaps)),
                    self.tr("结束评分")):
                return False
        return self._do(self.meeting.end_phase)

    # -- projector --------------------------------------------------------------------------------
    @property
    def projector(self) -> ProjectorWindow | None:
        return self.projector_bar.window_

    def toggle_projector(self) -> None:
        self.projector_bar.toggle(self._board())

    def flash(self, text: str) -> None:
        self.projector_bar.flash(text)

    def reveal_results(self, show: bool) -> bool:
        """Show the ranking on the projector (the chair confirms first), or take it back."""
        window = self.projector
        if not show:
            if window is not None:
                window.hide_results()
            self.projector_bar.reveal_action.setChecked(False)
            return False
        from fazhi_desktop.results import compute_results

        res = compute_results(self.db, self.session_id)
        pending = [u.name for u in res.units if u.final is None and u.status != "absent"]
        text = self.tr("在投屏上公布评议结果（名次、综合得分、等次）？全场都将看到。")
        if pending:
            text += "\n" + arg(self.tr("尚无综合得分的单位：%1"), "、".join(pending))
        if not dialogs.confirm(self, text, self.tr("公布结果")):
            self.projector_bar.reveal_action.setChecked(False)
            return False
        ranked = sorted((u for u in res.units if u.rank is not None), key=lambda u: (u.rank, u.name))
        rows = [(str(u.rank), u.name, f"{u.final:.2f}", u.grade or "") for u in ranked]
        self.projector_bar.ensure_window(self._board()).show_results(rows)
        self.projector_bar.reveal_action.setChecked(True)
        return True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.card.set_height(self.height(), self.meeting)

    # -- closing ------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window() and self.isVisible() \
                and self.meeting.running:
            if not dialogs.confirm(self, self.tr("计时仍在进行。关闭后现场状态已保存，重新打开本场评议会时"
                                                 "计时会接着进行。确定关闭吗？"), self.tr("关闭窗口")):
                event.ignore()
                return True
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.projector_bar.close_window()
        return super().eventFilter(watched, event)


def _release(db, session_id: int) -> None:
    import sqlite3

    try:
        core.release_console(db, session_id)
    except sqlite3.ProgrammingError:  # the window closed the database first (at exit): nothing to release
        pass
