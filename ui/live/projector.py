"""The projector window: what the room sees. Frameless and full-screen on the screen the chair
picks. It is given display strings only (it has no database), so it cannot show a score — except
the final ranking, which the chair reveals explicitly at the end (``show_results``)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import arg

TIMER_COLOURS = {"normal": "#43a047", "warn": "#ffb300", "overtime": "#e53935", "idle": "#78909c"}
PRESET_MESSAGES = (QT_TRANSLATE_NOOP("ProjectorBar", "请控制时间"), QT_TRANSLATE_NOOP("ProjectorBar", "请简要回答"),
                   QT_TRANSLATE_NOOP("ProjectorBar", "请结束发言"))
BACKGROUND = "#0d1b2a"


@dataclass
class Board:
    """Everything the projector shows."""
    title: str = ""
    unit: str = ""
    presenter: str = ""
    phase: str = ""
    clock: str = ""
    state: str = "idle"
    next_unit: str = ""


def projector_geometry(index: int, screens: list[QRect]) -> QRect:
    """The full geometry of screen ``index``; a screen that is gone falls back to the last one
    present (a projector is usually the last), and no screens at all to a 1024×768 window."""
    if not screens:
        return QRect(0, 0, 1024, 768)
    if not 0 <= index < len(screens):
        index = len(screens) - 1
    return QRect(screens[index])


def screen_rects() -> list[QRect]:
    return [s.geometry() for s in QGuiApplication.screens()]


class ProjectorWindow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle(self.tr("投屏"))
        self.setObjectName("projector")
        self.setStyleSheet(f"#projector {{ background: {BACKGROUND}; }} QLabel {{ color: #eceff1; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)  # the chair's keys stay on the console
        self.title = QLabel()
        self.unit = QLabel()
        self.presenter = QLabel()
        self.phase = QLabel()
        self.clock = QLabel()
        self.message = QLabel()
        self.next_unit = QLabel()
        layout = QVBoxLayout(self)
        for w in (self.title, self.unit, self.presenter, self.phase, self.clock, self.message, self.next_unit):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setWordWrap(w is not self.clock)
            # the fonts follow the window's height; the labels must never push the window larger
            w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            layout.addWidget(w)
        for i, stretch in enumerate((3, 5, 3, 4, 22, 4, 3)):
            layout.setStretch(i, stretch)
        self.results = QLabel()
        self.results.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.results.hide()
        layout.addWidget(self.results, 40)
        self.board_labels = (self.unit, self.presenter, self.phase, self.clock, self.next_unit)
        self.message.hide()
        self.message.setStyleSheet("color: #0d1b2a; background: #ffca28; border-radius: 12px; padding: 8px;")
        self._hide_message = QTimer(self, singleShot=True, interval=10_000)
        # how to close it, for a few seconds after it opens (the room sees it only at the start)
        self.close_hint = QLabel()
        self.close_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.close_hint.setStyleSheet("color: #90a4ae;")
        layout.addWidget(self.close_hint, 2)
        self._hide_hint = QTimer(self, singleShot=True, interval=8_000)
        self._hide_hint.timeout.connect(self.close_hint.clear)
        self.mode = "fullscreen"
        self._hide_message.timeout.connect(self.message.hide)
        self.board = Board()
        self._fit_fonts()

    def place_on(self, index: int, screens: list[QRect] | None = None) -> QRect:
        rect = projector_geometry(index, screen_rects() if screens is None else screens)
        self.setGeometry(rect)
        return rect

    def _set_mode(self, mode: str) -> None:
        """'fullscreen': frameless, never takes the chair's focus; 'window': an ordinary window the
        chair can move, resize and close (one screen: it must not cover the console)."""
        flags = Qt.WindowType.Window
        if mode == "fullscreen":
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
        if mode != self.mode or self.windowFlags() != flags:
            self.setWindowFlags(flags)
        self.mode = mode

    def _show_hint(self) -> None:
        self.close_hint.setText(self.tr("按 F5 关闭投屏") if self.mode == "fullscreen"
                                else self.tr("按 F5、Esc 或关闭窗口结束投屏"))
        self._hide_hint.start()

    def show_on(self, index: int) -> None:
        if self.isFullScreen():
            self.showNormal()  # a full-screen window only moves to another screen from normal state
        self._set_mode("fullscreen")
        rect = self.place_on(index)
        screens = QGuiApplication.screens()
        for screen in screens:
            if screen.geometry() == rect:
                self.setScreen(screen)
        self.showFullScreen()
        self._show_hint()

    def show_windowed(self, rect: QRect) -> None:
        """In a window of its own (one screen only, or a preview for the chair)."""
        if self.isFullScreen():
            self.showNormal()
        self._set_mode("window")
        self.setGeometry(rect)
        self.show()
        self._show_hint()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.mode == "window":
            self.close()
            return
        super().keyPressEvent(event)

    def show_board(self, board: Board) -> None:
        self.board = board
        self.title.setText(board.title)
        self.unit.setText(board.unit)
        self.presenter.setText(board.presenter)
        self.phase.setText(board.phase)
        self.next_unit.setText(arg(self.tr("下一个：%1"), board.next_unit) if board.next_unit else "")
        self.set_clock(board.clock, board.state)

    def show_results(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Replace the board with the ranking: (rank, unit, final, grade) per row, as display text."""
        px = max(14, min(int(self.height() * 0.7 / max(len(rows) + 1, 8) * 0.72), 52))
        head = "".join(f"<th style='padding:4px 28px'>{h}</th>" for h in (self.tr("名次"), self.tr("单位"),
                                                                          self.tr("综合得分"), self.tr("等次")))
        aligns = ("center", "left", "right", "center")
        body = "".join("<tr>" + "".join(f"<td align='{a}' style='padding:4px 28px'>{c}</td>"
                                        for a, c in zip(aligns, row)) + "</tr>" for row in rows)
        self.results.setText(f"<table align='center' style='font-size:{px}px' cellspacing='0'>"
                             f"<tr>{head}</tr>{body}</table>")
        for w in self.board_labels:
            w.hide()
        self.results.show()

    def hide_results(self) -> None:
        self.results.hide()
        self.results.clear()
        for w in self.board_labels:
            w.show()

    @property
    def showing_results(self) -> bool:
        return not self.results.isHidden()

    def set_clock(self, text: str, state: str) -> None:
        self.board.clock, self.board.state = text, state
        self.clock.setText(text)
        self.clock.setStyleSheet(f"color: {TIMER_COLOURS.get(state, TIMER_COLOURS['idle'])};")

    def flash(self, text: str, seconds: int = 10) -> None:
        """Show a short message to the presenter for ``seconds``."""
        text = text.strip()
        if not text:
            return
        self.message.setText(text)
        self.message.show()
        self._hide_message.start(seconds * 1000)

    def texts(self) -> list[str]:
        """Every text on the window (tests check that no score is there)."""
        return [w.text() for w in self.findChildren(QLabel) if w.text()]

    def _fit_fonts(self) -> None:
        h = max(300, self.height())
        sizes = {self.title: 0.045, self.unit: 0.085, self.presenter: 0.04, self.phase: 0.055,
                 self.clock: 0.30, self.message: 0.06, self.next_unit: 0.04}
        for label, share in sizes.items():
            font = QFont(label.font())
            font.setPixelSize(max(12, int(h * share)))
            font.setBold(label in (self.unit, self.clock, self.message))
            if label is self.clock:
                font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
            label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fonts()
