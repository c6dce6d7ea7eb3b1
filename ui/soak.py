"""A whole scripted review meeting through the real main window (the soak of issue 12).

The chair's keys and the secretary's typing go in as key events (``QTest``), into the widgets of
:class:`ui.main_window.MainWindow`: 开始现场评议, then for every unit Space (report timer), N,
questions logged in the question log, N, every expert's scores typed digit by digit into the
console's grid with Enter, 全部提交 (Ctrl+Shift+Enter), N. The projector is opened with F5 and
a message flashed on it; at the end the history window is opened (Ctrl+H) and searched, and
the documents are exported through the export dialog (Ctrl+E). The meeting clock is a fake one
given to the live console (``ui.pages.page_options``), so a 2½-hour meeting takes seconds, while
the console's real QTimer still repaints.

Measured: the references to ``None``/``True``/``False`` (an unsound binding loses one per icon
paint or emit, see ui/binding.py), the resident memory after a warm-up unit and at the end, and
what was stored against what was typed. Used by ``tests/soak`` and by ``--self-test`` (a compact
run), so it lives in the package and never imports pytest.
"""
from __future__ import annotations

import gc
import os
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from fazhi_desktop.live import fmt_clock
from fazhi_desktop.questions import list_questions
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.sessions import get_session, load_template

from .pages import page_options

Sheet = Callable[[int, int, list[Decimal]], list[str]]
REF_NAMES = ("None", "True", "False")
QUESTIONS = [
    "执法全过程记录是怎样落实的？", "重大执法决定法制审核由谁负责，审核了多少件？", "行政执法公示通过哪些渠道发布？",
    "主要负责人今年专题学法几次？", "普法责任清单是否向社会公开？", "针对青少年和农民工开展了哪些精准普法？",
    "新媒体普法的覆盖面和阅读量如何？", "上一轮整改的完成率是多少？", "普法经费是否列入年度预算？",
    "以案释法做了哪些工作？",
]


class SoakFailed(Exception):
    """A step of the script did not do what a user would have seen it do."""


class FakeClock:
    """The meeting's monotonic clock, moved by hand; ``wall`` is the matching wall-clock time."""

    def __init__(self, start: datetime | None = None):
        self.t = 10_000.0
        self._wall0 = (start or datetime(2023, 11, 17, 9, 0, tzinfo=timezone(timedelta(hours=8)))).timestamp()

    def __call__(self) -> float:
        return self.t

    def wall(self) -> float:
        return self._wall0 + (self.t - 10_000.0)

    def advance(self, seconds: float) -> None:
        self.t += seconds


def rss_bytes() -> int | None:
    """Resident memory of this process now (Linux /proc; None elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None


def singleton_refs() -> dict[str, int]:
    gc.collect()
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def default_sheet(unit: int, expert: int, maxima: list[Decimal]) -> list[str]:
    """An expert's scores for a unit: 60–100 % of each maximum in half points, fixed by the indexes."""
    rng = random.Random(unit * 100 + expert)
    quality = 0.7 + 0.025 * ((unit * 7) % 11)
    out = []
    for top in maxima:
        share = min(1.0, max(0.6, quality + rng.uniform(-0.08, 0.08)))
        value = Decimal(round(float(top) * share * 2)) / 2
        out.append(format(value.normalize(), "f"))
    return out


@dataclass
class SoakReport:
    units: int = 0
    scores: int = 0
    questions: int = 0
    flashes: int = 0
    history_hits: int = 0
    exported: list[str] = field(default_factory=list)
    typed: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (unit, expert, leaf path) → text
    refs: dict[str, dict[str, int]] = field(default_factory=dict)  # moment → singleton → count
    rss: dict[str, int | None] = field(default_factory=dict)  # moment → bytes
    unexpected_dialogs: list[str] = field(default_factory=list)
    elapsed_ms: int = 0
    status: str = ""        # the session's status at the end (sealed, when the run got that far)
    fingerprint: str = ""   # the fingerprint the 封盘 dialog showed

    def lost(self, since: str = "start") -> dict[str, int]:
        """References lost from ``since`` to the end (negative: gained)."""
        a, b = self.refs[since], self.refs["end"]
        return {k: a[k] - b[k] for k in REF_NAMES}

    def rss_growth_mb(self, since: str = "warm", until: str = "meeting") -> float | None:
        """Resident memory gained from ``since`` to ``until`` (default: over the meeting after
        the warm-up unit; the history window and the first export after it load modules and the
        PDF font once, ~65 MB, measured apart as "meeting" → "end")."""
        a, b = self.rss.get(since), self.rss.get(until)
        return None if a is None or b is None else (b - a) / 2**20

    def lines(self) -> list[str]:
        """``NAME=value`` lines for the self-test's output."""
        lost = self.lost()

        def mb(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.1f}"

        end = self.rss.get("end")
        return [f"soak_ms={self.elapsed_ms}", f"soak_units={self.units}", f"soak_scores={self.scores}",
                f"soak_questions={self.questions}",
                "soak_refs_lost=" + ",".join(f"{k}:{lost[k]}" for k in REF_NAMES),
                f"soak_rss_growth_mb={mb(self.rss_growth_mb())}",
                f"soak_rss_end_mb={mb(None if end is None else end / 2**20)}"]


class ScriptedMeeting:
    """Drives one session of ``window`` from 开始现场评议 to the last unit, then history and export.

    ``units``: how many units present (the rest are not reached); ``sheet(unit, expert, maxima)``
    gives the texts typed for one expert's column; ``export_folder`` None skips the export."""

    def __init__(self, window, session_id: int, *, units: int | None = None, questions_per_unit: int = 3,
                 sheet: Sheet = default_sheet, export_folder: Path | None = None, history_query: str = "执法",
                 warmup_units: int = 1, projector: bool = True, clock: FakeClock | None = None):
        self.window = window
        self.session_id = session_id
        self.db = window.db
        self.clock = clock or FakeClock()
        self.sheet = sheet
        self.questions_per_unit = questions_per_unit
        self.export_folder = export_folder
        self.history_query = history_query
        self.warmup_units = warmup_units
        self.use_projector = projector
        self.all_units = list_units(self.db, session_id)
        self.n_units = len(self.all_units) if units is None else min(units, len(self.all_units))
        self.experts = list_experts(self.db, session_id)
        self.leaves = load_template(self.db, session_id).leaves()
        self.report = SoakReport()
        self.console = None
        self._expected: type | None = None  # the dialog the current step opens on purpose
        # modal dialogs a step expects, answered as the chair would: class → what to do with it
        self._answers: dict[type, Callable[[QWidget], None]] = {}
        self._answered: set[int] = set()
        self._watchdog = QTimer()
        self._watchdog.setInterval(300)
        self._watchdog.timeout.connect(self._close_unexpected_dialog)

    # -- the whole run --------------------------------------------------------------------------
    def run(self) -> SoakReport:
        t0 = time.perf_counter()
        self._measure("start")
        self._watchdog.start()
        try:
            with page_options("live", clock=self.clock, wall=self.clock.wall):
                self.open_console()
                self.begin()
                if self.use_projector:
                    self.open_projector()
                for index in range(self.n_units):
                    self.present_unit(index)
                    if index + 1 == self.warmup_units:
                        self._measure("warm")
                self._measure("meeting")
                if self.use_projector:
                    self.close_projector()
                self.search_history()
                self.finish_meeting()
                if self.export_folder is not None:
                    self.export_documents()
                self.seal_meeting()
        finally:
            self._watchdog.stop()
        self._measure("end")
        self.report.refs.setdefault("warm", self.report.refs["start"])
        self.report.rss.setdefault("warm", self.report.rss["start"])
        self.report.elapsed_ms = int((time.perf_counter() - t0) * 1000)
        return self.report

    def _measure(self, moment: str) -> None:
        spin(50)
        self.report.refs[moment] = singleton_refs()
        self.report.rss[moment] = rss_bytes()

    # -- steps ----------------------------------------------------------------------------------
    def open_console(self) -> None:
        self.window.activateWindow()
        if not self.window.open_session(self.session_id, page="live"):
            raise SoakFailed(f"评议会 {self.session_id} 打不开")
        self.console = self.window.page("live")
        if self.console is None or self.window.tabs.currentWidget() is not self.console:
            raise SoakFailed("现场评议页没有显示")
        spin(50)

    def begin(self) -> None:
        c = self.console
        QTest.mouseClick(c.begin_button, Qt.MouseButton.LeftButton)
        spin(20)
        if c.unit_label.text() != self.all_units[0].name:
            raise SoakFailed(f"开始后当前单位是“{c.unit_label.text()}”，不是第一个单位")

    def chair_key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        """A key the chair presses with the focus on the agenda (the console's shortcuts)."""
        agenda = self.console.agenda
        agenda.setFocus()
        QTest.keyClick(agenda, key, modifier)
        spin(5)

    def present_unit(self, index: int) -> None:
        c, unit = self.console, self.all_units[index]
        if c.unit_label.text() != unit.name:
            raise SoakFailed(f"第 {index + 1} 个单位应为“{unit.name}”，控制台显示“{c.unit_label.text()}”")
        # report: Space starts the timer; the shown time follows the clock
        self.chair_key(Qt.Key.Key_Space)
        if not c.meeting.running:
            raise SoakFailed(f"{unit.name}：空格没有开始汇报计时")
        limit = c.meeting.limit()
        report_s = 420 + 20 * (index % 5)  # 7:00 … 8:20; the later ones run into overtime
        for step in (report_s / 2, report_s / 2):
            self.clock.advance(step)
            spin(220)  # the console's 200 ms timer repaints from the clock
        self._expect_clock(fmt_clock(limit - report_s), unit.name)
        self.chair_key(Qt.Key.Key_N)
        if c.meeting.phase != "questions" or c.phase_label.text() != "提问答复":
            raise SoakFailed(f"{unit.name}：N 之后不是提问答复环节（{c.phase_label.text()}）")
        if not c.meeting.running:
            self.chair_key(Qt.Key.Key_Space)
        for q in range(self.questions_per_unit):
            self.clock.advance(55)
            self.log_question(index, q)
        if self.use_projector:
            self.flash_message()
        self.clock.advance(30)
        spin(220)
        self.chair_key(Qt.Key.Key_N)
        if c.meeting.phase != "scoring":
            raise SoakFailed(f"{unit.name}：N 之后不是评分环节")
        self.type_scores(index)
        self.clock.advance(120)
        self.chair_key(Qt.Key.Key_N)
        following = self.all_units[index + 1].name if index + 1 < len(self.all_units) else None
        if following is not None and c.unit_label.text() != following:
            raise SoakFailed(f"{unit.name} 评完后应轮到“{following}”，控制台显示“{c.unit_label.text()}”")
        self.report.units += 1

    def _expect_clock(self, text: str, where: str) -> None:
        label = self.console.timer_label
        if not wait_until(lambda: label.text() == text, 2000):
            raise SoakFailed(f"{where}：计时显示“{label.text()}”，按时钟应为“{text}”")

    def log_question(self, unit_index: int, q: int) -> None:
        """Ctrl+Q, then the expert by the first character of the name and the question, each with Enter."""
        c = self.console
        self.chair_key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        expert = self.experts[(unit_index + q * 3) % len(self.experts)]
        box = c.log.expert_box.lineEdit()
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        box.selectAll()
        ime_commit(box, expert.name[0])
        QTest.keyClick(box, Qt.Key.Key_Return)
        if c.log.expert_box.currentText() != expert.name:
            raise SoakFailed(f"专家框补全为“{c.log.expert_box.currentText()}”，不是“{expert.name}”")
        text = QUESTIONS[(unit_index * self.questions_per_unit + q) % len(QUESTIONS)]
        edit = c.log.question_edit
        QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
        ime_commit(edit, text)
        before = c.log.question_model.rowCount()
        QTest.keyClick(edit, Qt.Key.Key_Return)
        spin(5)
        if c.log.question_model.rowCount() != before + 1:
            raise SoakFailed(f"提问没有记入：{c.message_label.text()}")
        self.report.questions += 1

    def type_scores(self, unit_index: int) -> None:
        """Every expert's column, digit by digit with Enter, then 全部提交 (Ctrl+Shift+Enter)."""
        c, unit = self.console, self.all_units[unit_index]
        page = c.scoring
        if page is None or c.tabs.currentWidget() is not c.scoring_area:
            raise SoakFailed("评分环节没有转到评分标签")
        grid, model = page.grid, page.model
        if model.unit_id != unit.id:
            raise SoakFailed(f"评分表不是“{unit.name}”的")
        rows = model.leaf_rows()
        first = model.index(rows[0], model.column_of(self.experts[0].id))
        grid.scrollTo(first)
        QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         grid.visualRect(first).center())
        if grid.currentIndex() != first:
            grid.setCurrentIndex(first)
        maxima = [leaf.maximum for _p, leaf in self.leaves]
        for k, expert in enumerate(self.experts):
            texts = self.sheet(unit_index, k, maxima)
            for (path, _leaf), text in zip(self.leaves, texts):
                for ch in text:
                    QTest.keyClick(QApplication.focusWidget(), ch)
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
                spin(0)  # Enter commits through a queued call in Qt's delegate
                self.report.typed[(unit.name, expert.name, path)] = text
                self.report.scores += 1
        QTest.keyClick(grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        spin(5)
        states = set(model.states.values())
        if states != {"submitted"}:
            raise SoakFailed(f"{unit.name}：提交后评分表状态为 {sorted(states)}（{page.status.text()}）")

    def open_projector(self) -> None:
        # one screen (offscreen, or a laptop without its projector): the console asks first and
        # offers a window instead of covering itself; the chair takes the window
        self._answers[QMessageBox] = lambda box: _click(box, "在窗口中显示")
        self.chair_key(Qt.Key.Key_F5)
        spin(50)
        self._answers.pop(QMessageBox, None)
        if self.console.projector is None or not self.console.projector.isVisible():
            raise SoakFailed("F5 没有打开投屏窗口")
        self.back_to_main()

    def back_to_main(self) -> None:
        """The offscreen platform activates every window it shows, even the projector (which asks
        not to be): give the activation back to the main window, as the chair's next click would."""
        if QApplication.activeWindow() is not self.window:
            self.window.activateWindow()
            wait_until(lambda: QApplication.activeWindow() is self.window, 1000)

    def flash_message(self) -> None:
        """提示演讲人 → the first preset message, as the chair picks it from the menu."""
        bar = self.console.projector_bar
        action = bar.flash_button.menu().actions()[0]
        action.trigger()
        spin(5)
        shown = self.console.projector.message
        if not shown.isVisible() or shown.text() != action.text():
            raise SoakFailed(f"投屏上没有出现提示“{action.text()}”")
        self.report.flashes += 1

    def close_projector(self) -> None:
        self.chair_key(Qt.Key.Key_F5)
        spin(20)
        if self.console.projector is not None and self.console.projector.isVisible():
            raise SoakFailed("再按 F5 投屏窗口没有关闭")

    def search_history(self) -> None:
        from .history.window import HistoryWindow

        QTest.keyClick(self.window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        spin(50)
        history = self.window.findChild(HistoryWindow)
        if history is None or not history.isVisible():
            raise SoakFailed("Ctrl+H 没有打开历史窗口")
        bar = history.tabs.tabBar()
        tab = history.tabs.indexOf(history.search)
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(tab).center())
        query = history.search.query
        QTest.mouseClick(query, Qt.MouseButton.LeftButton)
        query.selectAll()  # the window remembers the last search
        ime_commit(query, self.history_query)
        QTest.keyClick(query, Qt.Key.Key_Return)
        spin(20)
        hits = history.search.model.hits
        typed_here = sum(1 for q in list_questions(self.db, self.session_id) if self.history_query in q.text)
        found_here = sum(1 for h in hits if h.session_id == self.session_id)
        if found_here < typed_here:
            raise SoakFailed(f"检索“{self.history_query}”只找到本场 {found_here} 条，本场记录了 {typed_here} 条")
        self.report.history_hits = len(hits)
        history.close()
        self.back_to_main()

    def export_documents(self) -> None:
        from .export.dialog import ExportDialog

        self._expected = ExportDialog
        QTest.keyClick(self.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        spin(50)
        dialog = next((d for d in reversed(self.window.findChildren(ExportDialog)) if d.isVisible()), None)
        if dialog is None:
            raise SoakFailed("Ctrl+E 没有打开导出对话框")
        dialog.folder_edit.selectAll()
        QTest.keyClicks(dialog.folder_edit, str(self.export_folder))
        if dialog.folder_edit.text() != str(self.export_folder):
            dialog.folder_edit.setText(str(self.export_folder))  # a non-ASCII path cannot be typed by QTest
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        if not wait_until(lambda: dialog.thread is None, 120_000):
            raise SoakFailed("导出两分钟内没有完成")
        if dialog.result is None:
            raise SoakFailed(f"导出失败：{dialog.status.text()}")
        self.report.exported = [str(p) for p in dialog.result.files]
        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        self._expected = None
        self.back_to_main()

    def finish_meeting(self) -> None:
        """会议 → 结束评议会…: every sheet is complete and submitted, so the dialog offers to end."""
        from .lifecycle import FinishDialog

        scored = {u.name for u in self.all_units[:self.n_units]}

        def end(dialog: QWidget) -> None:
            early = [g for g in dialog.check.incomplete if g.unit in scored]
            if early:
                raise SoakFailed(f"结束评议会时仍有未完成的评分：{[g.text() for g in early][:3]}")
            if dialog.check.incomplete:  # a shortened run (the self-test): the rest end by a stated reason
                dialog.override.click()
                dialog.reason.setFocus()
                QTest.keyClicks(dialog.reason, f"self-test: {self.n_units} units")
            dialog.ok_button.click()
        self._answers[FinishDialog] = end
        self.window.actions["meeting.finish"].trigger()
        spin(20)
        self._answers.pop(FinishDialog, None)
        self.back_to_main()
        status = get_session(self.db, self.session_id).status
        if status != "finished":
            raise SoakFailed(f"结束评议会后状态为 {status}")
        self.report.status = status

    def seal_meeting(self) -> None:
        """会议 → 封盘…: the dialog shows the fingerprint; the chair ticks the confirmation and seals."""
        from .lifecycle import SealDialog

        shown: list[str] = []

        def seal(dialog: QWidget) -> None:
            shown.append(dialog.short.text())
            dialog.confirm.click()
            dialog.ok_button.click()
        self._answers[SealDialog] = seal
        self.window.actions["meeting.seal"].trigger()
        spin(20)
        self._answers.pop(SealDialog, None)
        self.back_to_main()
        status = get_session(self.db, self.session_id).status
        if status != "sealed" or not shown:
            raise SoakFailed(f"封盘后状态为 {status}")
        self.report.status, self.report.fingerprint = status, shown[0]

    # -- safety ---------------------------------------------------------------------------------
    def _close_unexpected_dialog(self) -> None:
        """A modal dialog nobody in the script expects would block the run for ever: note its text
        (the report lists it, the soak test fails on it) and close it."""
        modal = QApplication.activeModalWidget()
        if modal is None or (self._expected is not None and isinstance(modal, self._expected)):
            return
        answer = next((fn for kind, fn in self._answers.items() if isinstance(modal, kind)), None)
        if answer is not None and id(modal) not in self._answered:
            self._answered.add(id(modal))  # once: a dialog still open after its answer is a failure
            answer(modal)
            return
        text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
        self.report.unexpected_dialogs.append(f"{type(modal).__name__}: {text}")
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()


def _click(box: QMessageBox, text: str) -> None:
    """Click the button of ``box`` that reads ``text``."""
    for button in box.buttons():
        if button.text() == text:
            button.click()
            return
    raise SoakFailed(f"对话框“{box.text()}”没有“{text}”按钮")


def spin(ms: int) -> None:
    """Run a real event loop for ``ms`` milliseconds (0: only what is pending), as ``app.exec()``
    would: unlike ``processEvents()`` outside any loop, it also deletes what ``deleteLater()``
    marked (the grid's closed editors), so the memory figures are those of the application."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, ms), loop.quit)
    loop.exec()


def wait_until(predicate: Callable[[], bool], timeout_ms: int) -> bool:
    end = time.perf_counter() + timeout_ms / 1000
    while not predicate():
        if time.perf_counter() > end:
            return False
        spin(10)
    return True


def ime_commit(widget: QWidget, text: str) -> None:
    """Chinese arrives through the input method as committed text (QTest's keys are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def expected_finals(report: SoakReport, leaves_total: Decimal) -> dict[str, Decimal]:
    """Each unit's final from the typed texts: the mean of the experts' totals over the maximum,
    × 100, half up to 2 decimals (the results rules for a plain-mean template)."""
    totals: dict[str, dict[str, Decimal]] = {}
    for (unit, expert, _path), text in report.typed.items():
        totals.setdefault(unit, {}).setdefault(expert, Decimal(0))
        totals[unit][expert] += Decimal(text)
    return {unit: (sum(t.values()) / len(t) / leaves_total * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            for unit, t in totals.items()}
