"""历史评议: past sessions, search, the unit dossier and the rectification ledger, in one window.

Sessions open read-only here; sealing, reopening (audited, with a reason) and meeting packages
are explicit buttons. Every change goes through a service function in ``fazhi_desktop``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMainWindow, QPushButton, QSplitter, QTableView, QTabWidget,
                               QToolBar, QVBoxLayout, QWidget)

from fazhi_desktop import history, ledger, package, seal, unit_links
from fazhi_desktop.errors import UserError
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.sessions import STATUSES, get_session

from .. import dialogs, lifecycle
from ..checklist.dossier_panel import DemonstrationPanel
from ..checklist.revision_dialog import revision_dialog
from ..icons import icon
from .chart import ScoreChart
from .ledger_dialogs import CloseDialog, ItemDialog
from .models import HistoryModel, LedgerModel, RowsModel, SearchModel


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def _button(text: str, meaning: str, slot) -> QPushButton:
    b = QPushButton(icon(meaning), text)
    b.clicked.connect(slot)
    return b


class SessionsTab(QWidget):
    open_requested = Signal(int)

    def __init__(self, db, window: "HistoryWindow"):
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
        for label, w in ((self.tr("年度"), self.year), (self.tr("类型"), self.kind), (self.tr("状态"), self.status)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addWidget(self.text, 1)
        self.count = QLabel()
        filters.addWidget(self.count)
        self.model = HistoryModel(db, self)
        self.view = _table(self.model)
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
        self.results = RowsModel([("排名", "rank"), ("单位", "name"), ("综合得分", "final"), ("等次", "grade")], self)
        self.results_view = _table(self.results)
        self.open_button = _button(self.tr("打开（只读）"), "open", self.open_selected)
        self.seal_button = _button(self.tr("封盘…"), "submit", self.seal_selected)
        self.reopen_button = _button(self.tr("重新打开…"), "unlock", self.reopen_selected)
        self.revise_button = _button(self.tr("更正评分…"), "scores", self.revise_selected)
        self.items_button = _button(self.tr("从提问生成整改事项"), "add", self.items_from_questions)
        self.package_button = _button(self.tr("导出评议会包…"), "export", self.export_package)
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
                              (self.status, [(self.tr(v), k) for k, v in STATUSES.items()])):
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
        self.count.setText(self.tr("共 %1 场").replace("%1", str(self.model.total_count())))
        if self.model.rowCount():
            self.view.selectRow(0)
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

        self.detail_info.setText(self.tr("日期：%1　地点：%2\n状态：%3　指纹：%4").replace("%1", s.date or "未定")
                                 .replace("%2", s.venue or "—").replace("%3", self.tr(STATUSES[s.status]))
                                 .replace("%4", short_fingerprint(digest)))
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
        self.window_.say(self.tr("已更正并记入审计日志；指纹 %1 → %2").replace("%1", before).replace("%2", after))
        self.window_.refresh()
        return True

    def items_from_questions(self) -> bool:
        sid = self.selected_id()
        if sid is None:
            return False
        made: list[int] = []
        ok = self.window_.run(lambda: made.extend(ledger.create_from_questions(self.db, session_id=sid)))
        if ok:
            self.window_.say(self.tr("已生成 %1 项整改事项（已有的不重复生成）。").replace("%1", str(len(made))))
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
                                done=self.tr("评议会包已导出：%1").replace("%1", str(path)))


class SearchTab(QWidget):
    def __init__(self, db, window: "HistoryWindow"):
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("检索提问、答复、整改要求、会议小结（如：执法、行政执法、出庭 应诉率）"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        go = _button(self.tr("检索"), "search", self.run)
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(go)
        row.addWidget(self.count)
        self.model = SearchModel(db, self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SearchModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SearchModel.SESSION, 300)
        header.resizeSection(SearchModel.UNIT, 110)
        self.view.doubleClicked.connect(self.open_hit)
        # size the kind column from the first rows only: it holds a handful of short words, and
        # measuring all 500 hits cost ~17 ms per search on a 1,000-session history
        self.view.horizontalHeader().setResizeContentsPrecision(50)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel(self.tr("双击一条结果：打开该单位的档案（会议小结则转到该场评议会）。")))

    def run(self) -> int:
        n = self.model.run(self.query.text())
        limit = self.model.LIMIT
        self.count.setText(self.model.error or self.tr("找到 %1 条").replace("%1", f"{n}+" if n >= limit else str(n)))
        self.view.resizeColumnToContents(SearchModel.KIND)
        return n

    def open_hit(self, index) -> None:
        hit = self.model.hits[index.row()]
        if hit.unit_name:
            self.window_.show_dossier(hit.unit_name)
        elif hit.session_id is not None:
            self.window_.show_session(hit.session_id)


class DossierTab(QWidget):
    def __init__(self, db, window: "HistoryWindow"):
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setMinimumWidth(220)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.activated.connect(lambda _i: self.load(self.unit.currentText()))
        self.unit.lineEdit().returnPressed.connect(lambda: self.load(self.unit.currentText()))
        self.aliases = QLabel()
        link = _button(self.tr("关联曾用名…"), "units", self.link_old_name)
        self.criteria_box = QCheckBox(self.tr("显示各指标"))
        self.criteria_box.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("单位")))
        top.addWidget(self.unit)
        top.addWidget(link)
        top.addWidget(self.aliases, 1)
        top.addWidget(self.criteria_box)
        self.chart = ScoreChart()
        self.criteria_box.toggled.connect(self.chart.set_show_criteria)
        self.sessions = RowsModel([("日期", "date"), ("评议会", "title"), ("当时名称", "unit_name"),
                                   ("综合得分", "final"), ("排名", lambda e: f"{e.rank}/{e.ranked}" if e.rank else None),
                                   ("等次", "grade")], self)
        self.questions = RowsModel([("日期", "date"), ("提问", "text"), ("答复", "answer"), ("专家", "expert"),
                                    ("发现问题", lambda q: "是" if q["problem"] else "")], self)
        self.items = RowsModel([("状态", "shown_status"), ("存在问题", "problem"), ("整改时限", "deadline"),
                                ("来源", "session_title"), ("佐证", "evidence")], self)
        self.sessions_view = _table(self.sessions)
        self.questions_view = _table(self.questions)
        self.items_view = _table(self.items)
        for view, wide in ((self.sessions_view, (1,)), (self.questions_view, (1, 2)), (self.items_view, (1, 4))):
            view.horizontalHeader().setStretchLastSection(False)
            for column in wide:
                view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.sessions_view.doubleClicked.connect(
            lambda i: self.window_.show_session(self.sessions.rows[i.row()].session_id))
        lower = QTabWidget()
        lower.addTab(self.sessions_view, self.tr("历次得分与排名"))
        lower.addTab(self.questions_view, self.tr("专家提问"))
        lower.addTab(self.items_view, self.tr("整改事项"))
        self.demonstration = DemonstrationPanel(db, self)  # 示范创建: annual reports, return visits, de-listing
        lower.addTab(self.demonstration, self.tr("示范创建"))
        self.lower = lower
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.dossier: history.Dossier | None = None
        self.refresh_units()

    def refresh_units(self) -> None:
        text = self.unit.currentText()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItems(history.unit_names(self.db))
        self.unit.setCurrentText(text)
        self.unit.blockSignals(False)

    def load(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        self.unit.setCurrentText(name)
        d = history.unit_dossier(self.db, name, today=self.window_.today())
        self.dossier = d
        self.chart.set_entries(d.entries)
        self.sessions.set_rows(list(reversed(d.entries)))
        self.questions.set_rows(d.questions)
        self.items.set_rows(d.items)
        others = [a for a in d.aliases if a != name]
        text = self.tr("共 %1 场评议").replace("%1", str(len(d.entries)))
        if d.more:
            text += self.tr("（显示最近 %1 场）").replace("%1", str(len(d.entries)))
        if others:
            text += self.tr("；含曾用名/现名称：") + "、".join(others)
        open_items = sum(1 for i in d.items if i["status"] != "已完成")
        text += self.tr("；未完成整改 %1 项").replace("%1", str(open_items))
        self.aliases.setText(text)
        self.lower.setTabText(1, self.tr("专家提问（%1）").replace("%1", str(len(d.questions))))
        self.lower.setTabText(2, self.tr("整改事项（%1）").replace("%1", str(len(d.items))))
        demo = self.demonstration.load(name)
        self.lower.setTabText(3, self.tr("示范创建（%1）").replace("%1", self.tr(demo.state)))

    def link_old_name(self) -> bool:
        name = self.unit.currentText().strip()
        if not name:
            return False
        old = dialogs.ask_text(self, self.tr("关联曾用名"),
                               self.tr("“%1”以前的名称（如机构改革前的名称）：").replace("%1", name))
        if not old:
            return False
        ok = self.window_.run(lambda: unit_links.link_units(self.db, old_name=old, new_name=name))
        if ok:
            self.load(name)
        return ok


class LedgerTab(QWidget):
    STATUS_FILTERS = [("全部", None), ("未完成", "open"), ("未启动", "未启动"), ("推进中", "推进中"), ("逾期", "逾期"),
                      ("已完成", "已完成")]

    def __init__(self, db, window: "HistoryWindow"):
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setMinimumWidth(180)
        self.status = QComboBox()
        for text, data in self.STATUS_FILTERS:
            self.status.addItem(self.tr(text), data)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("问题或措施中的文字"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("单位")))
        filters.addWidget(self.unit)
        filters.addWidget(QLabel(self.tr("状态")))
        filters.addWidget(self.status)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.count)
        self.model = LedgerModel(db, self, today=window.today)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LedgerModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LedgerModel.MEASURE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LedgerModel.UNIT, 110), (LedgerModel.RESPONSIBLE, 140), (LedgerModel.DEADLINE, 96),
                              (LedgerModel.KIND, 50), (LedgerModel.STATUS, 64), (LedgerModel.SESSION, 240)):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.buttons = {
            "add": _button(self.tr("新增…"), "add", self.add),
            "edit": _button(self.tr("编辑…"), "scores", self.edit),
            "close": _button(self.tr("销号…"), "ok", self.close_item),
            "delete": _button(self.tr("删除"), "delete", self.delete),
            "export": _button(self.tr("导出 Excel…"), "excel", self.export),
        }
        row = QHBoxLayout()
        for b in self.buttons.values():
            row.addWidget(b)
        row.addStretch(1)
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.evidence)
        self.refresh_units()
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.unit.currentTextChanged.connect(self.apply_filters)
        self.text.textChanged.connect(self.apply_filters)
        # loaded when the tab is first shown (HistoryWindow._tab_changed): opening the window stays quick

    def refresh_units(self) -> None:
        text = self.unit.currentText()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem("")
        self.unit.addItems(history.unit_names(self.db))
        self.unit.setCurrentText(text)
        self.unit.blockSignals(False)

    def apply_filters(self) -> None:
        self.model.set_filters(unit_name=self.unit.currentText().strip() or None, status=self.status.currentData(),
                               text=self.text.text())
        self.count.setText(self.tr("共 %1 项").replace("%1", str(self.model.total_count())))
        self._show_selected()

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        item = self.selected()
        for key in ("edit", "close", "delete"):
            self.buttons[key].setEnabled(item is not None)
        if item is None:
            self.evidence.setText("")
            return
        self.buttons["close"].setEnabled(item["status"] != "已完成")
        text = self.tr("来源：%1").replace("%1", item["session_title"] or self.tr("手工添加"))
        if item["criterion"]:
            text += self.tr("　指标：") + item["criterion"]
        if item["evidence"]:
            text += self.tr("\n佐证：") + item["evidence"]
            if item["evidence_files"]:
                text += self.tr("（文件：") + "；".join(item["evidence_files"]) + "）"
        if item["closed_at"]:
            text += self.tr("　销号日期：") + item["closed_at"]
        if item["review_opinion"]:
            text += self.tr("\n复核意见：") + item["review_opinion"]
        self.evidence.setText(text)

    def _edit_with(self, dialog) -> bool:
        """Run a ledger dialog (it stores through the service on OK); reload the list if it did."""
        if dialogs.run_dialog(dialog):
            self.apply_filters()
            return True
        return False

    def add(self) -> bool:
        return self._edit_with(ItemDialog(self.db, None, self, unit=self.unit.currentText().strip()))

    def edit(self) -> bool:
        item = self.selected()
        return item is not None and self._edit_with(ItemDialog(self.db, item, self))

    def close_item(self) -> bool:
        item = self.selected()
        return item is not None and self._edit_with(CloseDialog(self.db, item, self))

    def delete(self) -> bool:
        item = self.selected()
        if item is None or not dialogs.confirm(self, self.tr("删除整改事项“%1”？").replace("%1", item["problem"][:40]),
                                               danger=True):
            return False
        ok = self.window_.run(lambda: ledger.delete_item(self.db, item_id=item["id"]))
        self.apply_filters()
        return ok

    def export(self) -> bool:
        path = self.window_.ask_path(save=True, title=self.tr("导出整改台账"), name="整改台账.xlsx",
                                     filter_=self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        f = self.model.filters
        items = ledger.list_items(self.db, today=self.window_.today(), limit=1_000_000, **f)
        return self.window_.run(lambda: ledger.export_xlsx(items, path),
                                done=self.tr("已导出 %1 项到 %2").replace("%1", str(len(items))).replace("%2", str(path)))


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
        """Run one service call; a refusal is shown, never a traceback. Refreshes what may change."""
        try:
            operation()
        except UserError as exc:
            dialogs.show_error(self, exc)
            return False
        if done:
            self.say(done)
        self.refresh()
        return True

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
        ok = self.run(lambda: result.append(package.import_package(
            self.db, path, documents_root=root / "评议会包材料",
            confirm_update=lambda question: dialogs.confirm(self, question, self.tr("更新评议会")))))
        if ok:
            self.say(result[0].summary().replace("\n", "　"))
            self.show_session(result[0].session_id)
        return ok
