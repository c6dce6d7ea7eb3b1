"""单位档案: one unit's history over its linked names: the score chart, its sessions with final,
rank and grade, the panel's questions, its rectification items and 示范创建 records."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QTabWidget, \
    QVBoxLayout, QWidget

from fazhi_desktop import history, ledger, unit_links

from .. import dialogs
from ..checklist.dossier_panel import DemonstrationPanel
from ..i18n import arg, label
from .chart import ScoreChart
from ..widgets import read_only_table
from .common import button
from .models import RowsModel


def _rank(entry) -> str | None:
    return f"{entry.rank}/{entry.ranked}" if entry.rank else None


SESSION_COLUMNS = [(QT_TRANSLATE_NOOP("TableHeaders", "日期"), "date"), (QT_TRANSLATE_NOOP("TableHeaders", "评议会"), "title"),
                   (QT_TRANSLATE_NOOP("TableHeaders", "当时名称"), "unit_name"),
                   (QT_TRANSLATE_NOOP("TableHeaders", "综合得分"), "final"), (QT_TRANSLATE_NOOP("TableHeaders", "排名"), _rank),
                   (QT_TRANSLATE_NOOP("TableHeaders", "等次"), "grade")]
QUESTION_COLUMNS = [(QT_TRANSLATE_NOOP("TableHeaders", "日期"), "date"), (QT_TRANSLATE_NOOP("TableHeaders", "提问"), "text"),
                    (QT_TRANSLATE_NOOP("TableHeaders", "答复"), "answer"), (QT_TRANSLATE_NOOP("TableHeaders", "专家"), "expert"),
                    (QT_TRANSLATE_NOOP("TableHeaders", "发现问题"), lambda q: QCoreApplication.translate("RowsModel", "是") if q["problem"] else "")]
ITEM_COLUMNS = [(QT_TRANSLATE_NOOP("TableHeaders", "状态"), lambda i: label("LedgerStatus", ledger.status_label(i["shown_status"]))),
                (QT_TRANSLATE_NOOP("TableHeaders", "存在问题"), "problem"),
                (QT_TRANSLATE_NOOP("TableHeaders", "整改时限"), "deadline"),
                (QT_TRANSLATE_NOOP("TableHeaders", "来源"), "session_title"), (QT_TRANSLATE_NOOP("TableHeaders", "佐证"), "evidence")]


class DossierTab(QWidget):
    def __init__(self, db, window):  # window: the HistoryWindow (its run, say, ask_path, today, show_*)
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
        link = button(self.tr("关联曾用名…"), "units", self.link_old_name)
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
        self.sessions = RowsModel(SESSION_COLUMNS, self)
        self.questions = RowsModel(QUESTION_COLUMNS, self)
        self.items = RowsModel(ITEM_COLUMNS, self)
        self.sessions_view = read_only_table(self.sessions)
        self.questions_view = read_only_table(self.questions)
        self.items_view = read_only_table(self.items)
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
        # how much the dossier shows: the latest sessions, questions and items (bench/app_timing.py
        # sets the amounts a small history fills, to time a large one for the same amount shown)
        self.shown = {"limit": 30, "questions_limit": 200, "items_limit": 100}
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
        d = history.unit_dossier(self.db, name, today=self.window_.today(), **self.shown)
        self.dossier = d
        self.chart.set_entries(d.entries)
        self.sessions.set_rows(list(reversed(d.entries)))
        self.questions.set_rows(d.questions)
        self.items.set_rows(d.items)
        others = [a for a in d.aliases if a != name]
        text = arg(self.tr("共 %1 场评议"), len(d.entries))
        if d.more:
            text += arg(self.tr("（显示最近 %1 场）"), len(d.entries))
        if others:
            text += self.tr("；含曾用名/现名称：") + "、".join(others)
        text += arg(self.tr("；未完成整改 %1 项"), d.items_open)
        self.aliases.setText(text)
        self.lower.setTabText(1, arg(self.tr("专家提问（%1）"), len(d.questions)))
        if d.items_total > len(d.items):  # the whole list is in 整改台账, filtered by the unit
            self.lower.setTabText(2, arg(self.tr("整改事项（最近 %1 项，共 %2 项）"), len(d.items), d.items_total))
        else:
            self.lower.setTabText(2, arg(self.tr("整改事项（%1）"), len(d.items)))
        demo = self.demonstration.load(name)
        self.lower.setTabText(3, arg(self.tr("示范创建（%1）"), label("DemonstrationState", demo.state)))

    def link_old_name(self) -> bool:
        name = self.unit.currentText().strip()
        if not name:
            return False
        old = dialogs.ask_text(self, self.tr("关联曾用名"), arg(self.tr("“%1”以前的名称（如机构改革前的名称）："), name))
        if not old:
            return False
        ok = self.window_.run(lambda: unit_links.link_units(self.db, old_name=old, new_name=name))
        if ok:
            self.load(name)
        return ok
