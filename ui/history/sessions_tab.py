"""历次评议会: the list of past sessions with filters, and the selected one's detail, results and
actions (open read-only, seal, reopen, revise, items from questions, export a package)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from fazhi_desktop import history, ledger, package, seal
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.sessions import STATUSES, get_session

from .. import dialogs, lifecycle
from ..checklist.revision_dialog import revision_dialog
from ..i18n import arg, label
from ..widgets import read_only_table
from .common import button
from .models import HistoryModel, RowsModel

RESULT_COLUMNS = [(QT_TRANSLATE_NOOP("TableHeaders", "排名"), "rank"), (QT_TRANSLATE_NOOP("TableHeaders", "单位"), "name"),
                  (QT_TRANSLATE_NOOP("TableHeaders", "综合得分"), "final"), (QT_TRANSLATE_NOOP("TableHeaders", "等次"), "grade")]


class SessionsTab(QWidget):
    open_requested = Signal(int)

    def __init__(self, db, window):  # window: the HistoryWindow (its run, say, ask_path, today, show_*)
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.year = QComboBox()
        self.kind = QComboBox()
        self.status = QComboBox()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("会议名称、地点或主办单位"))
        self.text.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for text, w in ((self.tr("年度"), self.year), (self.tr("类型"), self.kind), (self.tr("状态"), self.status)):
            filters.addWidget(QLabel(text))
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        self.count = QLabel()
        filters.addWidget(self.count)
        self.model = HistoryModel(db, self)
        self.view = read_only_table(self.model)
        self.view.horizontalHeader().setSectionResizeMode(HistoryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        # read-only detail of the selected session
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details = 0  # how many times a detail was shown (apply_filters shows it once)
        self.results = RowsModel(RESULT_COLUMNS, self)
        self.results_view = read_only_table(self.results)
        self.open_button = button(self.tr("打开（只读）"), "open", self.open_selected)
        self.seal_button = button(self.tr("封盘…"), "submit", self.seal_selected)
        self.reopen_button = button(self.tr("重新打开…"), "unlock", self.reopen_selected)
        self.revise_button = button(self.tr("更正评分…"), "scores", self.revise_selected)
        self.items_button = button(self.tr("从提问生成整改事项"), "add", self.items_from_questions)
        self.package_button = button(self.tr("导出评议会包…"), "export", self.export_package)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.seal_button, self.reopen_button, self.revise_button):
            buttons.addWidget(b)
        buttons2 = QHBoxLayout()
        buttons2.addWidget(self.items_button)
        buttons2.addWidget(self.package_button)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.detail_info)
        dl.addLayout(buttons)
        dl.addLayout(buttons2)
        dl.addWidget(QLabel(self.tr("评议结果")))
        dl.addWidget(self.results_view, 1)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self._fill_filters()
        for combo in (self.year, self.kind, self.status):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.text.textChanged.connect(self.apply_filters)
        self.apply_filters()

    def _fill_filters(self) -> None:
        for combo, values in ((self.year, [(str(y), y) for y in history.history_years(self.db)]),
                              (self.kind, [(k, k) for k in history.history_kinds(self.db)]),
                              (self.status, [(label("Session", v), k) for k, v in STATUSES.items()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for text, data in values:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def apply_filters(self) -> None:
        self.model.set_filters(year=self.year.currentData(), kind=self.kind.currentData(),
                               status=self.status.currentData(), text=self.text.text())
        self.count.setText(arg(self.tr("共 %1 场"), self.model.total_count()))
        shown = self._details
        if self.model.rowCount():
            self.view.selectRow(0)  # a new current row shows its detail (currentRowChanged)
        if self._details == shown:  # no row, or the same one: show it here, once
            self.show_detail()

    def refresh(self) -> None:
        self._fill_filters()
        current = self.selected_id()
        self.apply_filters()
        if current is not None:
            self.select(current)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.session_id(index.row()) if index.isValid() else None

    def select(self, session_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.session_id(row) == session_id:
                self.view.selectRow(row)
                return True
        return False

    def show_detail(self) -> None:
        self._details += 1
        sid = self.selected_id()
        for b in (self.open_button, self.seal_button, self.reopen_button, self.revise_button, self.items_button,
                  self.package_button):
            b.setEnabled(sid is not None)
        if sid is None:
            self.detail_title.setText(self.tr("没有符合条件的评议会"))
            self.detail_info.setText("")
            self.results.set_rows([])
            return
        s = get_session(self.db, sid)
        self.detail_title.setText(s.title)
        digest = seal.fingerprint(self.db, sid)
        from fazhi_desktop.export.fingerprint import short_fingerprint

        self.detail_info.setText(arg(self.tr("日期：%1　地点：%2\n状态：%3　指纹：%4"), s.date or self.tr("未定"),
                                     s.venue or "—", label("Session", STATUSES[s.status]),
                                     short_fingerprint(digest)))
        self.seal_button.setEnabled(s.status == "finished")
        self.reopen_button.setEnabled(s.status == "finished")
        self.revise_button.setEnabled(s.status == "sealed")
        rows = results_json(compute_results(self.db, sid))["units"]
        self.results.set_rows(sorted(rows, key=lambda u: (u["rank"] is None, u["rank"] or 0)))

    def open_selected(self) -> None:
        sid = self.selected_id()
        if sid is not None:
            self.open_requested.emit(sid)

    def seal_selected(self) -> bool:
        """The same 封盘 dialog as the main window's 会议 menu (the fingerprint shown, confirmed)."""
        sid = self.selected_id()
        if sid is None or not lifecycle.seal(self, self.db, sid):
            return False
        self.window_.refresh()
        return True

    def reopen_selected(self) -> bool:
        sid = self.selected_id()
        if sid is None or not lifecycle.reopen(self, self.db, sid):
            return False
        self.window_.refresh()
        return True

    def revise_selected(self) -> bool:
        sid = self.selected_id()
        if sid is None:
            return False
        dialog = revision_dialog(self.db, sid, self)
        if not dialogs.run_dialog(dialog):
            return False
        before, after = dialog.result_fingerprints
        self.window_.say(arg(self.tr("已更正并记入审计日志；指纹 %1 → %2"), before, after))
        self.window_.refresh()
        return True

    def items_from_questions(self) -> bool:
        sid = self.selected_id()
        if sid is None:
            return False
        made: list[int] = []

        def create():
            new = ledger.create_from_questions(self.db, session_id=sid)
            made.extend(new)
            return new  # carrying the ledger's record when it made any
        ok = self.window_.run(create)
        if ok:
            self.window_.say(arg(self.tr("已生成 %1 项整改事项（已有的不重复生成）。"), len(made)))
        return ok

    def export_package(self) -> bool:
        sid = self.selected_id()
        if sid is None:
            return False
        s = get_session(self.db, sid)
        path = self.window_.ask_path(save=True, title=self.tr("导出评议会包"),
                                     name=f"{s.date or ''}{s.title}.fzpkg")
        if not path:
            return False
        return self.window_.run(lambda: package.export_package(self.db, session_id=sid, path=path),
                                done=arg(self.tr("评议会包已导出：%1"), path))
