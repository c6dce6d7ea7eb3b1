"""历史评议: past sessions, search, the unit dossier and the rectification ledger, in one window.

The window is a shell: one tab per file (``sessions_tab``, ``search_tab``, ``dossier_tab``,
``ledger_tab``), plus what the tabs share: asking for a path, running a service call (a refusal
is shown, never a traceback), the status line and moving between tabs.

Sessions open read-only here; sealing, reopening (audited, with a reason) and meeting packages
are explicit buttons. Every change goes through a service function in ``fazhi_desktop``, run as an
operation (``ui.operations.run``): its record (the ledger, the list of sessions, a status …)
reaches the main window's pages and session list once, through the database's hub.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from fazhi_desktop import ledger, package
from fazhi_desktop.errors import UserError

from .. import dialogs, operations
from ..icons import icon
from .dossier_tab import DossierTab
from .ledger_tab import LedgerTab
from .search_tab import SearchTab
from .sessions_tab import SessionsTab

__all__ = ["DossierTab", "HistoryWindow", "LedgerTab", "SearchTab", "SessionsTab"]


class HistoryWindow(QMainWindow):
    """``open_session_requested(id)``: the user asked to open a session (read-only) in the main
    window. ``today``: a callable giving today's date (tests pass their own)."""

    open_session_requested = Signal(int)

    def __init__(self, db, parent: QWidget | None = None, *, today=None):
        super().__init__(parent)
        self.db = db
        self.today = today or ledger.today_iso
        self.setWindowTitle(self.tr("历史评议 · 单位档案 · 整改台账"))
        self.resize(1280, 760)
        self.tabs = QTabWidget()
        self.sessions = SessionsTab(db, self)
        self.search = SearchTab(db, self)
        self.dossier = DossierTab(db, self)
        self.ledger = LedgerTab(db, self)
        self.tabs.addTab(self.sessions, icon("meeting"), self.tr("历次评议会"))
        self.tabs.addTab(self.search, icon("question"), self.tr("检索"))
        self.tabs.addTab(self.dossier, icon("units"), self.tr("单位档案"))
        self.tabs.addTab(self.ledger, icon("audit"), self.tr("整改台账"))
        self.setCentralWidget(self.tabs)
        self.sessions.open_requested.connect(self.open_session_requested)
        bar = QToolBar(self.tr("评议会包"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(icon("import"), self.tr("导入评议会包…"), self.import_package)
        self.addToolBar(bar)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._running = False  # inside this window's own write: it refreshes once, after it
        self._stale = False  # told of a change while hidden: refresh when shown
        operations.hub(db).changes.connect(self._on_changes)

    # -- helpers that tests replace -------------------------------------------------------------

    def ask_path(self, *, save: bool, title: str, name: str = "", filter_: str = "") -> str | None:
        filter_ = filter_ or self.tr("评议会包 (*.fzpkg);;所有文件 (*)")
        if save:
            path, _ = QFileDialog.getSaveFileName(self, title, name, filter_)
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, "", filter_)
        return path or None

    def say(self, text: str) -> None:
        self.status_label.setText(text)

    def run(self, operation, *, done: str = "") -> bool:
        """Run one service call as an operation (its record is announced on the hub once); a refusal
        is shown, never a traceback. Refreshes what may change. ``operation`` returns what the
        service returned (the record rides on it)."""
        refused: list[UserError] = []

        def call():
            try:
                return operation()
            except UserError as exc:
                refused.append(exc)  # shown whole below: the message, and each reason under it
                raise
        self._running = True
        try:
            outcome = operations.run(self.db, call)
        finally:
            self._running = False
        if not outcome.ok:
            dialogs.show_error(self, refused[0] if refused else outcome.error)
            return False
        if done:
            self.say(done)
        self.refresh()
        return True

    # -- what other windows change --------------------------------------------------------------

    # What the lists here show: the sessions (and their status and fields), the ledger, the links
    # between unit names. Scores and questions typed during a live meeting are not refreshed on
    # every keystroke; a session's status change (the end of the meeting) brings its figures.
    WATCHED = ("sessions", "status", "session", "ledger", "links")

    def _on_changes(self, change) -> None:
        if self._running or not change.touches(*self.WATCHED):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    # -- navigation ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.sessions.refresh()
        self.ledger.refresh_units()
        self.ledger.apply_filters()
        self.dossier.refresh_units()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.ledger:
            self.ledger.apply_filters()

    def show_dossier(self, unit_name: str) -> None:
        self.tabs.setCurrentWidget(self.dossier)
        self.dossier.load(unit_name)

    def show_session(self, session_id: int) -> None:
        self.tabs.setCurrentWidget(self.sessions)
        if not self.sessions.select(session_id):
            self.sessions.text.clear()
            for combo in (self.sessions.year, self.sessions.kind, self.sessions.status):
                combo.setCurrentIndex(0)
            self.sessions.select(session_id)

    def import_package(self) -> bool:
        path = self.ask_path(save=False, title=self.tr("导入评议会包"))
        if not path:
            return False
        root = Path(path).with_suffix("").parent
        result: list = []

        def run():
            result.append(package.import_package(
                self.db, path, documents_root=root / "评议会包材料",
                confirm_update=lambda question: dialogs.confirm(self, question, self.tr("更新评议会"))))
            return result[0]  # its record: the list of sessions (and the ledger, the links it brought)
        ok = self.run(run)
        if ok:
            self.say(result[0].summary().replace("\n", "　"))
            self.show_session(result[0].session_id)
        return ok
