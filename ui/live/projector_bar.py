"""The chair's controls for the projector: on/off, which screen, a message to flash, the chime.
The chosen screen is UI state (ui.settings); meeting data never is."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar, QToolButton, QWidget

from .. import dialogs, settings
from ..i18n import arg, label
from ..icons import icon
from .projector import PRESET_MESSAGES, Board, ProjectorWindow, screen_rects

class ProjectorBar(QToolBar):
    message = Signal(str)

    def __init__(self, toggle_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_: ProjectorWindow | None = None
        # icon only for the on/off button (its name and F5 are in the tooltip): on a 1366 screen the
        # column beside the timer is narrow and the screen choice and the message must stay visible
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addAction(toggle_action)
        toggle_action.setToolTip(f"{toggle_action.text()} ({toggle_action.shortcut().toString()})")
        self.screen_box = QComboBox()
        self.screen_box.setToolTip(self.tr("投屏窗口显示在哪个屏幕上"))
        self.screen_box.activated.connect(self._screen_chosen)
        self.fill_screens()
        self.addWidget(self.screen_box)
        self.flash_button = QToolButton()
        self.flash_button.setText(self.tr("提示演讲人"))
        self.flash_button.setIcon(icon("warning"))
        self.flash_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.flash_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.flash_button)
        for text in PRESET_MESSAGES:
            menu.addAction(label("ProjectorBar", text)).triggered.connect(
                lambda _c=False, t=text: self.flash(label("ProjectorBar", t)))
        menu.addAction(self.tr("自定义…")).triggered.connect(self._flash_custom)
        menu.addSeparator()
        self.reveal_action = menu.addAction(self.tr("在投屏上公布评议结果…"))
        self.reveal_action.setCheckable(True)
        menu.addSeparator()
        self.chime_action = menu.addAction(self.tr("到提醒时间和超时时响提示音"))
        self.chime_action.setCheckable(True)
        self.chime_action.setChecked(True)
        self.flash_button.setMenu(menu)
        self.addWidget(self.flash_button)

    @property
    def chime(self) -> bool:
        return self.chime_action.isChecked()

    def screen_index(self) -> int:
        return settings.get(settings.PROJECTOR_SCREEN)

    def fill_screens(self) -> None:
        self.screen_box.clear()
        for i, screen in enumerate(QGuiApplication.screens()):
            g = screen.geometry()
            self.screen_box.addItem(arg(self.tr("屏幕 %1（%2×%3）"), i + 1, g.width(), g.height()), i)
        chosen, count = self.screen_index(), self.screen_box.count()
        self.screen_box.setCurrentIndex(chosen if 0 <= chosen < count else count - 1)

    def _screen_chosen(self, index: int) -> None:
        settings.put(settings.PROJECTOR_SCREEN, index)
        if self.window_ is not None and self.window_.isVisible():
            self.window_.show_on(index)

    def toggle(self, board: Board) -> None:
        if self.window_ is not None and self.window_.isVisible():
            self.window_.close()
            return
        self.fill_screens()  # a projector plugged in since the console opened
        screens = screen_rects()
        windowed = None
        if len(screens) <= 1:
            # full screen on the only screen would cover the console, with no way back in sight
            windowed = dialogs.choose(
                self, self.tr("投屏"),
                self.tr("只检测到一个屏幕：全屏投屏会盖住主持界面。请接上投影仪后再按 F5，或先在窗口中显示。"),
                [("window", self.tr("在窗口中显示")), ("preview", self.tr("小窗预览"))])
            if windowed is None:
                return
        if self.window_ is None:
            self.window_ = ProjectorWindow()
        self.window_.show_board(board)
        if windowed is None:
            self.window_.show_on(self.screen_box.currentIndex())
            return
        area = QGuiApplication.primaryScreen().availableGeometry()
        if windowed == "window":
            rect = QRect(0, 0, int(area.width() * 0.6), int(area.height() * 0.6))
            rect.moveCenter(area.center())
        else:
            rect = QRect(area.right() - 500, area.top() + 40, 480, 270)
        self.window_.show_windowed(rect)

    def show_board(self, board: Board) -> None:
        if self.window_ is not None:
            self.window_.show_board(board)

    def ensure_window(self, board: Board) -> ProjectorWindow:
        """The projector window, opened on the chosen screen if it is not showing."""
        if self.window_ is None or not self.window_.isVisible():
            self.toggle(board)
        return self.window_

    def set_clock(self, text: str, state: str) -> None:
        if self.window_ is not None:
            self.window_.set_clock(text, state)

    def flash(self, text: str) -> None:
        if self.window_ is None or not self.window_.isVisible():
            self.message.emit(self.tr("投屏窗口未打开（F5 打开）。"))
            return
        self.window_.flash(text)

    def _flash_custom(self) -> None:
        text = dialogs.ask_text(self, self.tr("提示演讲人"), self.tr("投屏上显示的提示："))
        if text:
            self.flash(text)

    def close_window(self) -> None:
        if self.window_ is not None:
            self.window_.close()
