"""The main window: the session list at the left, the open session's pages at the right."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSplitter, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from fazhi_desktop import sessions
from fazhi_desktop.errors import UserError

from . import lifecycle, operations, settings
from .actions import ActionRegistry, shortcut_table
from .i18n import app_name, arg, label
from .icons import icon
from .session_list import SessionListPanel

# Imported where they are used, after the first paint: ui.dialogs, ui.backups (with
# fazhi_desktop.backup), ui.pages; the window's first frame needs none of them.


def clamp_to_screens(rect: QRect, screens: list[QRect]) -> QRect:
    """Fit ``rect`` onto the screen it overlaps most (the first screen if none): a window saved on
    a projector or a larger monitor that is no longer attached comes back fully visible."""
    if not screens:
        return rect
    best = max(screens, key=lambda s: (s.intersected(rect).width() * s.intersected(rect).height()))
    if best.intersected(rect).isEmpty():
        best = screens[0]
    w, h = min(rect.width(), best.width()), min(rect.height(), best.height())
    x = min(max(rect.x(), best.x()), best.x() + best.width() - w)
    y = min(max(rect.y(), best.y()), best.y() + best.height() - h)
    return QRect(x, y, w, h)


def available_screen_rects() -> list[QRect]:
    return [s.availableGeometry() for s in QGuiApplication.screens()]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键一览"))
        rows = shortcut_table()
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("操作"), self.tr("快捷键")])
        for r, (text, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(text.replace("…", "")))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.table = table
        self.resize(420, 460)


class MainWindow(QMainWindow):
    painted = Signal()  # first paint (for the self-test's startup figure)

    def __init__(self, db, db_path: Path | str, parent: QWidget | None = None, *, defer_shortcuts: bool = False):
        """``defer_shortcuts``: the menu's keys are bound, its icons set (or when a session's pages
        are built, whose bar shows some) and the backup keeper started by :meth:`finish_start`,
        which the program's start (ui/app.py ``after_first_paint``, the self-test) calls once the
        window has painted; the window takes no keys before it is on screen."""
        super().__init__(parent)
        self.db = db
        self.db_path = Path(db_path)
        self.session_id: int | None = None
        self.checklist = False  # the open session is a 示范创建 assessment: its own pages
        self._painted = False
        self.setWindowTitle(app_name())
        self.setWindowIcon(icon("meeting", "#b71c1c"))

        self.session_list = SessionListPanel(db)
        self.session_list.session_selected.connect(self._on_session_selected)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.empty = self._empty_pane()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        session_pane = QWidget()
        pane = QVBoxLayout(session_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.setSpacing(0)
        self.stack.addWidget(session_pane)

        splitter = QSplitter()
        splitter.addWidget(self.session_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 1000])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.actions = ActionRegistry(self, keys=["session.new", "session.duplicate", "session.delete",
                                                  "session.export", "history.open", "db.backups", "db.verify", "app.quit", "edit.undo", "edit.redo",
                                                  "help.shortcuts", *lifecycle.ACTION_KEYS],
                                      shortcuts=not defer_shortcuts, icons=not defer_shortcuts)
        self.lifecycle_bar = lifecycle.LifecycleBar(self.actions.actions)
        pane.addWidget(self.lifecycle_bar)
        pane.addWidget(self.tabs, 1)
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(QLabel(arg(self.tr("数据库：%1"), self.db_path)))
        self.statusBar().addWidget(self.status_label)
        self._restore_geometry()
        self.keeper = None
        self.session_list.reload()
        if not defer_shortcuts:
            self._start_keeper()

    def finish_start(self) -> None:
        """What a start with ``defer_shortcuts`` leaves for after the first paint (and the garbage
        collector, which main.py holds until then: fazhi_desktop/startup.py)."""
        from fazhi_desktop.startup import release_collector

        self.actions.set_shortcuts()
        self.actions.set_icons()
        if self.keeper is None:
            self._start_keeper()
        release_collector()

    def _start_keeper(self) -> None:
        from .backups import BackupKeeper

        self.keeper = BackupKeeper(lambda: self.db, self.db_path, self)
        self.keeper.snapshot_taken.connect(lambda text: self.statusBar().showMessage(arg(self.tr("已自动备份：%1"), text), 8000))
        self.keeper.failed.connect(lambda text: self.statusBar().showMessage(arg(self.tr("自动备份失败：%1"), text)))
        self.keeper.start()
        self._listen_hub()

    def _listen_hub(self) -> None:
        """The window's own title, status label, lifecycle bar and menu follow the open session's
        status and fields, whoever changed them (a dialog of this window, the console, the history
        window, another window on the same database)."""
        operations.hub(self.db).changes.connect(self._on_changes)

    def _on_changes(self, change) -> None:
        if self.session_id is None or not change.concerns(self.session_id):
            return
        if change.touches("status"):
            self.status_changed()
        elif change.touches("session"):
            self._update_title()

    def _empty_pane(self) -> QWidget:
        """No session open: say what to do, with the buttons for it (a first start has no sessions:
        then the demo can be loaded too)."""
        pane = QWidget()
        text = QLabel(self.tr("在左侧选择一场评议会，或新建一场开始筹备。"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #607d8b; font-size: 15px;")
        self.empty_text = text
        new = QPushButton(icon("new"), self.tr("新建评议会…"))
        new.clicked.connect(lambda: self.session_list.new_session())
        self.demo_button = QPushButton(icon("open"), self.tr("载入演示数据（两场示例评议会）"))
        self.demo_button.setToolTip(self.tr("一场已结束的区县评议会（含评分、提问和整改台账）和一场待开的部门评议会"))
        self.demo_button.clicked.connect(self.load_demo)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(new)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        layout = QVBoxLayout(pane)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(2)
        return pane

    def load_demo(self) -> int | None:
        """Add the demo sessions (first start) and open the one ready to run."""
        from fazhi_desktop.demo import add_demo

        past, ready = add_demo(self.db)
        self.session_list.reload(keep=ready)
        self.statusBar().showMessage(self.tr("已载入演示数据：两场示例评议会。"), 8000)
        return ready

    # -- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        a.connect("session.new", self.session_list.new_session)
        a.connect("session.duplicate", self.session_list.duplicate_session)
        a.connect("session.delete", self.session_list.delete_session)
        a.connect("session.export", self.export_session)
        a.connect("history.open", self.open_history)
        a.connect("db.backups", self.show_backups)
        a.connect("db.verify", self.verify_database)
        a.connect("app.quit", self.close)
        a.connect("edit.undo", lambda: self._page_undo("undo"))
        a.connect("edit.redo", lambda: self._page_undo("redo"))
        a.connect("help.shortcuts", self.show_shortcuts)
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        for key in ("session.new", "session.duplicate", "session.delete"):
            file_menu.addAction(a[key])
        file_menu.addSeparator()
        file_menu.addAction(a["session.export"])
        file_menu.addAction(a["history.open"])
        file_menu.addAction(a["db.backups"])
        file_menu.addAction(a["db.verify"])
        file_menu.addSeparator()
        file_menu.addAction(a["app.quit"])
        edit = bar.addMenu(self.tr("编辑(&E)"))
        edit.addAction(a["edit.undo"])
        edit.addAction(a["edit.redo"])
        a.connect("meeting.begin", self.begin_meeting)
        a.connect("meeting.finish", self.finish_meeting)
        a.connect("meeting.seal", self.seal_meeting)
        a.connect("meeting.reopen", self.reopen_meeting)
        a.connect("meeting.revise", self.revise_meeting)
        meeting = bar.addMenu(self.tr("会议(&M)"))
        for key in lifecycle.ACTION_KEYS:
            meeting.addAction(a[key])
        lifecycle.enable_actions(a.actions, None)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(a["help.shortcuts"])
        about = help_menu.addAction(self.tr("关于"))
        about.triggered.connect(self.show_about)

    # -- the session's life ----------------------------------------------------------------
    def begin_meeting(self) -> None:
        """Go to the live console and call the first unit (the session becomes 进行中); a checklist
        session goes to 进行中 and opens its rating grid."""
        if self.session_id is None:
            return
        if self.checklist:
            from fazhi_desktop.lifecycle import begin_assessment

            from . import dialogs

            sid = self.session_id
            done = operations.run(self.db, lambda: begin_assessment(self.db, session_id=sid))
            if not done.ok:
                dialogs.show_error(self, done.error)
                return
            self.show_page("ratings")  # the record (status) made the pages and the title follow
            return
        if not self.show_page("live"):
            return
        self.page("live").begin()

    def _step(self, done: bool, message: str) -> bool:
        """After a lifecycle dialog: when it went through, the status bar says so (the dialog ran its
        step as an operation: on its record the pages, the session list and this window followed)."""
        if done:
            self.statusBar().showMessage(message, 15000)
        return done

    def finish_meeting(self) -> bool:
        return self.session_id is not None and self._step(
            lifecycle.finish(self, self.db, self.session_id), self.tr("评议会已结束：内容只读，核对无误后可以封盘。"))

    def seal_meeting(self) -> str | None:
        if self.session_id is None:
            return None
        digest = lifecycle.seal(self, self.db, self.session_id)
        if digest:
            from fazhi_desktop.export.fingerprint import short_fingerprint

            self._step(True, arg(self.tr("已封盘，指纹 %1。"), short_fingerprint(digest)))
        return digest

    def reopen_meeting(self) -> bool:
        return self.session_id is not None and self._step(
            lifecycle.reopen(self, self.db, self.session_id), self.tr("评议会已重新打开（进行中），原因已记入审计日志。"))

    def revise_meeting(self) -> bool:
        from . import dialogs
        from .checklist.revision_dialog import revision_dialog

        if self.session_id is None:
            return False
        dialog = revision_dialog(self.db, self.session_id, self)
        if not dialogs.run_dialog(dialog):
            return False
        before, after = dialog.result_fingerprints  # the dialog ran the correction as an operation (its record is out)
        return self._step(True, arg(self.tr("已更正并记入审计日志；指纹 %1 → %2"), before, after))

    def open_rehearsal(self, session_id: int) -> QWidget | None:
        """演练: the live console on a throwaway copy of the session, in a window of its own."""
        from . import dialogs
        from .live.rehearsal import RehearsalWindow

        try:
            self.rehearsal = RehearsalWindow(self.db, session_id, None)
        except UserError as exc:
            dialogs.show_error(self, exc)
            return None
        self.rehearsal.show()
        return self.rehearsal

    def status_changed(self) -> None:
        """The session's status changed: pages that do not listen re-read what they may offer. The
        step ran as an operation, whose record the hub has announced to the pages that listen (and
        the snapshot policy) and to the session list."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            refresh = getattr(page, "refresh", None)
            if callable(refresh) and not isinstance(page, operations.Listener):
                refresh()
        self._update_title()

    def _page_undo(self, which: str) -> None:
        page = self.tabs.currentWidget()
        stack = getattr(page, "undo_stack", None)
        if stack is not None:
            getattr(stack, which)()

    def _update_undo(self, *_args) -> None:
        """撤销/重做 act on the shown page's own stack: off where a page has none (会前筹备)."""
        stack = getattr(self.tabs.currentWidget(), "undo_stack", None)
        for key, can, text in (("edit.undo", "canUndo", "undoText"), ("edit.redo", "canRedo", "redoText")):
            action = self.actions[key]
            action.setEnabled(stack is not None and getattr(stack, can)())
            label = self.tr("撤销") if key == "edit.undo" else self.tr("重做")
            detail = getattr(stack, text)() if stack is not None else ""
            action.setText(f"{label} {detail}".strip())

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from fazhi_desktop import __version__

        from . import dialogs

        dialogs.show_info(self, arg(self.tr("%1 %2\n评议会现场评议、评分汇总与会议材料导出。\n数据库：%3"),
                                    app_name(), __version__, self.db_path), self.tr("关于"))

    def export_session(self) -> None:
        if self.session_id is None:
            return
        from .export.dialog import ExportDialog

        ExportDialog(self.db, self.session_id, self).open()

    def open_history(self) -> QWidget | None:
        from .history.window import HistoryWindow

        if getattr(self, "_history", None) is None:
            self._history = HistoryWindow(self.db, self)
            self._history.setWindowFlag(Qt.WindowType.Window, True)
            self._history.open_session_requested.connect(self._open_from_history)
        self._history.show()
        self._history.raise_()
        return self._history

    def show_backups(self) -> BackupDialog:
        from fazhi_desktop import backup

        from .backups import BackupDialog

        titles = {r["id"]: r["title"] for r in sessions.list_sessions(self.db)}
        dialog = BackupDialog(self.db_path, lambda: backup.snapshot(self.db, reason="manual",
                                                                     session_id=self.session_id), self,
                              titles=titles)
        dialog.restore_requested.connect(self.restore_snapshot)
        dialog.open()
        return dialog

    def verify_database(self):
        """文件 → 校验审计链…: every chain, seal and signature, checked off the UI thread."""
        from .verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.db_path, self)
        dialog.open()
        return dialog

    def restore_snapshot(self, snap) -> bool:
        """Close every page and the database, restore the snapshot (the current file is kept as
        a snapshot first), reopen. On a refusal the current database is reopened unchanged."""
        from PySide6.QtCore import QCoreApplication, QEvent

        from fazhi_desktop import backup
        from fazhi_desktop.db import open_db

        from . import dialogs

        keep = self.session_id
        self._clear_pages()
        if getattr(self, "_history", None) is not None:
            self._history.close()
            self._history.deleteLater()
            self._history = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.keeper.wait()  # a snapshot being written must finish before the file is replaced
        self.keeper.stop()
        self.db.conn.close()
        ok = True
        try:
            backup.restore(snap, self.db_path)
        except UserError as exc:
            ok = False
            dialogs.show_error(self, exc)
        self.db = open_db(self.db_path)
        self._listen_hub()
        self.session_id = None
        self.session_list.set_db(self.db)
        self.keeper.reset()
        if keep is not None:
            self.open_session(keep)
        if ok:
            self.statusBar().showMessage(self.tr("已恢复备份；恢复前的数据已另存为一个备份。"), 10000)
        return ok

    def _clear_pages(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            w = self.tabs.widget(0)
            self.tabs.removeTab(0)
            w.close()
            w.deleteLater()
        self.tabs.blockSignals(False)

    def _open_from_history(self, session_id: int) -> None:
        self.session_list.reload()
        self.open_session(session_id)
        self.raise_()
        self.activateWindow()

    # -- sessions -------------------------------------------------------------------------
    def open_session(self, session_id: int, page: str | None = None) -> bool:
        if not self.session_list.select(session_id):
            return False
        if page:
            self.show_page(page)
        return True

    def page(self, key: str) -> QWidget | None:
        for i in range(self.tabs.count()):
            w = self.tabs.widget(i)
            if w.property("page_key") == key:
                return w
        return None

    def show_page(self, key: str) -> bool:
        w = self.page(key)
        if w is None:
            return False
        self.tabs.setCurrentWidget(w)
        return True

    def leave_pages(self) -> bool:
        """Ask every page whose unsaved edits would be lost (save, discard or stay); False: stay."""
        for i in range(self.tabs.count()):
            leave = getattr(self.tabs.widget(i), "leave", None)
            if callable(leave) and not leave():
                self.tabs.setCurrentIndex(i)
                return False
        return True

    def _on_session_selected(self, session_id: int) -> None:
        if session_id == self.session_id and self.tabs.count():
            return
        if self.session_id is not None and not self.leave_pages():
            self.session_list.select(self.session_id)  # the chair chose to stay: the list follows back
            return
        self._clear_pages()
        self.session_id = session_id if session_id >= 0 else None
        if self.session_id is None:
            self.demo_button.setVisible(not sessions.list_sessions(self.db, limit=1))
            self.stack.setCurrentWidget(self.empty)
            self.status_label.setText("")
            self.setWindowTitle(app_name())
            lifecycle.enable_actions(self.actions.actions, None)
            self._update_undo()
            return
        self._build_pages()
        # open where the session's work is: setup before the meeting, the console during it, results after
        status = sessions.get_session(self.db, self.session_id).status
        self.show_page({"draft": "setup", "live": "ratings" if self.checklist else "live"}.get(status, "results"))
        self._update_title()

    def _build_pages(self) -> None:
        from .pages import available_pages

        self.actions.set_icons()  # the lifecycle bar above the pages shows some
        self.checklist = sessions.is_checklist(self.db, self.session_id)
        for spec in available_pages(self.checklist):
            try:
                widget = spec.load()(self.db, self.session_id, self)
            except UserError as exc:
                widget = QLabel(str(exc))
            widget.setProperty("page_key", spec.key)
            self.tabs.addTab(widget, icon(spec.icon), label("pages", spec.title))
            changed = getattr(widget, "session_changed", None)
            if changed is not None:
                changed.connect(self._page_changed_session)
            rehearsal = getattr(widget, "rehearsal_requested", None)
            if rehearsal is not None:
                rehearsal.connect(self.open_rehearsal)
            stack = getattr(widget, "undo_stack", None)
            if stack is not None:
                for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged):
                    signal.connect(self._update_undo)
            export = getattr(widget, "export_requested", None)
            if export is not None:
                export.connect(self.export_session)
        # the experts' phones write through the console's scoring server: their change records reach
        # every page through the hub; 评分录入 also keeps a phone's column read-only, as the console's grid does
        devices, scoring_page = getattr(self.page("live"), "devices", None), self.page("scoring")
        if devices is not None and scoring_page is not None:
            devices.device_experts_changed.connect(scoring_page.set_device_experts)
        self.stack.setCurrentWidget(self.stack.widget(1))

    def _rebuild_pages(self) -> None:
        """The template changed kind (scored ↔ checklist): the session gets the other set of pages."""
        if self.session_id is None:
            return
        self._clear_pages()
        self._build_pages()
        self.show_page("setup")
        self._update_title()

    def _on_tab_changed(self, index: int) -> None:
        w = self.tabs.widget(index)
        refresh = getattr(w, "refresh", None)
        if callable(refresh):
            refresh()
        self._update_undo()

    def _page_changed_session(self) -> None:
        """A page changed the session (its title, or its status: the console began the meeting; or
        its template's kind, which changes the pages)."""
        if self.session_id is not None and sessions.is_checklist(self.db, self.session_id) != self.checklist:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._rebuild_pages)  # not while the page that asked is still in its signal
            return
        before = self.lifecycle_bar.status
        self.session_list.reload(keep=self.session_id)
        self._update_title()
        if self.lifecycle_bar.status != before:
            self.status_changed()  # the console began the meeting as an operation: the hub has its record

    def _update_title(self) -> None:
        if self.session_id is None:
            return
        s = sessions.get_session(self.db, self.session_id)
        self.setWindowTitle(f"{s.title} — {app_name()}")
        self.status_label.setText(arg(self.tr("状态：%1"), label("Session", sessions.STATUSES.get(s.status, s.status))))
        self.lifecycle_bar.show_status(s.status, checklist=self.checklist)
        lifecycle.enable_actions(self.actions.actions, s.status)
        self.actions["meeting.begin"].setText(self.tr("开始评估") if self.checklist else self.tr("开始现场评议"))

    # -- geometry -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        screens = available_screen_rects()
        saved = settings.get(settings.MAIN_GEOMETRY)
        if saved is not None and self.restoreGeometry(saved):
            self.setGeometry(clamp_to_screens(self.geometry(), screens))
            return
        screen = screens[0] if screens else QRect(0, 0, 1366, 768)
        want = QRect(0, 0, min(1400, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9)))
        want.moveCenter(screen.center())
        self.setGeometry(clamp_to_screens(want, screens))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.leave_pages():
            event.ignore()
            return
        settings.put(settings.MAIN_GEOMETRY, self.saveGeometry())
        if self.keeper is not None:  # None: closed before finish_start
            self.keeper.stop()
            self.keeper.wait(30)
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()
