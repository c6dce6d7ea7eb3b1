"""检索: full-text search over questions, answers, rectification items and session summaries."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..i18n import arg
from ..widgets import read_only_table
from .common import button
from .models import SearchModel


class SearchTab(QWidget):
    def __init__(self, db, window):  # window: the HistoryWindow (its run, say, ask_path, today, show_*)
        super().__init__(window)
        self.db = db
        self.window_ = window
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("检索提问、答复、整改要求、会议小结（如：执法、行政执法、出庭 应诉率）"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        go = button(self.tr("检索"), "search", self.run)
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(go)
        row.addWidget(self.count)
        self.model = SearchModel(db, self)
        self.view = read_only_table(self.model)
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
        self.count.setText(self.model.error or arg(self.tr("找到 %1 条"), f"{n}+" if n >= limit else n))
        self.view.resizeColumnToContents(SearchModel.KIND)
        return n

    def open_hit(self, index) -> None:
        hit = self.model.hits[index.row()]
        if hit.unit_name:
            self.window_.show_dossier(hit.unit_name)
        elif hit.session_id is not None:
            self.window_.show_session(hit.session_id)
