"""The current unit and its clock, at the top of the live console.

Left the card (unit, presenter, report, who is next, the projector's controls); right the dark
timer box (phase, the big clock, the limit). It paints what it is given from the meeting in
memory: it never reads the database.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fazhi_desktop import live as core

from ..i18n import arg, label
from .projector import BACKGROUND, TIMER_COLOURS

PAUSED_COLOUR = "#90a4ae"


class TimerCard(QWidget):
    def __init__(self, projector_bar: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.timer_px = 72
        self.unit_label = QLabel()
        f = QFont(self.unit_label.font())
        f.setPixelSize(26)
        f.setBold(True)
        self.unit_label.setFont(f)
        self.presenter_label = QLabel()
        self.report_label = QLabel()
        self.report_label.setWordWrap(True)
        self.report_label.setStyleSheet("color: #455a64;")
        self.next_label = QLabel()
        self.next_label.setStyleSheet("color: #607d8b;")
        card = QVBoxLayout()
        for w in (self.unit_label, self.presenter_label, self.report_label, self.next_label):
            card.addWidget(w)
        card.addStretch(1)
        card.addWidget(projector_bar)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label = QLabel()
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tf = QFont(self.timer_label.font())
        tf.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        tf.setPixelSize(72)
        tf.setBold(True)
        self.timer_label.setFont(tf)
        self.limit_label = QLabel()
        self.limit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        timer_box = QWidget()
        timer_box.setObjectName("timerBox")
        timer_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        timer_box.setStyleSheet(f"#timerBox {{ background: {BACKGROUND}; border-radius: 8px; }} "
                                "#timerBox QLabel { color: #eceff1; }")
        tv = QVBoxLayout(timer_box)
        tv.addWidget(self.phase_label)
        tv.addWidget(self.timer_label)
        tv.addWidget(self.limit_label)
        timer_box.setMinimumWidth(300)
        head = QHBoxLayout(self)
        head.setContentsMargins(0, 0, 0, 0)
        head.addLayout(card, 1)
        head.addWidget(timer_box)

    # -- the unit ---------------------------------------------------------------------------------
    def show_unit(self, meeting: core.LiveMeeting, unit, following) -> None:
        status = meeting.session.status
        self.unit_label.setText(unit.name if unit else self.tr("尚未开始") if status == "draft"
                                else self.tr("评议会已结束") if status in ("finished", "sealed")
                                else self.tr("（没有当前单位）"))
        self.presenter_label.setText(
            arg(self.tr("汇报人：%1"), " ".join(p for p in (unit.presenter, unit.presenter_title) if p))
            if unit and (unit.presenter or unit.presenter_title) else "")
        self.report_label.setText(unit.report_title if unit else "")
        self.next_label.setText(arg(self.tr("下一个：%1"), following.name) if following else "")
        limit = meeting.limit()
        self.limit_label.setText(arg(self.tr("限时 %1"), core.fmt_span(limit)) if limit else "")

    # -- the clock ----------------------------------------------------------------------------------
    @staticmethod
    def paused(meeting: core.LiveMeeting) -> bool:
        """A timed phase whose clock is stopped: shown grey, with 已暂停, so it never looks running."""
        return meeting.phase in core.TIMED and not meeting.running

    def clock_text(self, meeting: core.LiveMeeting) -> str:
        if meeting.phase == "scoring":
            return self.tr("评分中")
        return meeting.display() if meeting.phase else "--:--"

    def phase_text(self, meeting: core.LiveMeeting) -> str:
        if meeting.session.status in ("draft", "live"):
            return label("live", core.PHASE_LABELS.get(meeting.phase, ""))
        return self.tr("已结束")

    def show_clock(self, meeting: core.LiveMeeting, text: str, state: str) -> None:
        self.fit_font(meeting, state)
        self.timer_label.setText(text)
        paused = self.paused(meeting)
        self.timer_label.setStyleSheet(f"color: {PAUSED_COLOUR if paused else TIMER_COLOURS[state]};")
        phase = self.phase_text(meeting)
        self.phase_label.setText(arg(self.tr("%1 · 已暂停（空格键继续）"), phase) if paused else phase)

    def set_height(self, height: int, meeting: core.LiveMeeting) -> None:
        """The console's height sets the clock's size."""
        self.timer_px = max(56, min(120, height // 9))
        self.fit_font(meeting, meeting.timer_state())

    def fit_font(self, meeting: core.LiveMeeting, state: str) -> None:
        # words ("评分中") take more room per character than the digits of a countdown
        px = self.timer_px if meeting.phase in core.TIMED else int(self.timer_px * 0.55)
        if state == "overtime":
            px = int(px * 5 / 6)  # "+01:23" has one character more than "01:23"
        if self.timer_label.font().pixelSize() != px:
            font = QFont(self.timer_label.font())
            font.setPixelSize(px)
            self.timer_label.setFont(font)
