"""The agenda at the left of the live console: the units in order with their status and time used,
and under it how far ahead or behind the whole meeting runs. Enter or a double-click on a row asks
to jump there (``jump_requested``); the console decides."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fazhi_desktop import live as core

from ..i18n import arg
from .models import AgendaModel


class AgendaPane(QWidget):
    jump_requested = Signal(int)  # unit id

    def __init__(self, meeting: core.LiveMeeting, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting = meeting
        self.model = AgendaModel(meeting, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        self.schedule_label = QLabel()
        self.schedule_label.setWordWrap(True)
        lv = QVBoxLayout(self)
        lv.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("议程（双击或回车跳转）"))
        title.setStyleSheet("font-weight: bold;")
        lv.addWidget(title)
        lv.addWidget(self.view, 1)
        lv.addWidget(self.schedule_label)
        self.setMinimumWidth(270)

    def _activated(self, index) -> None:
        unit = self.model.unit_at(index.row())
        if unit is not None:
            self.jump_requested.emit(unit.id)

    def reload(self, open_items: dict[int, int] | None = None) -> None:
        """The rows again from the meeting (its units and times, in memory)."""
        if open_items is not None:
            self.model.open_items = open_items
        self.model.reload()
        self.follow()

    def follow(self) -> None:
        """Keep the current unit's row in sight."""
        row = self.model.row_of(self.meeting.unit_id)
        if row >= 0:
            self.view.scrollTo(self.model.index(row, 0))

    def repaint_current(self) -> None:
        """The status and time used of the current unit's row (the clock moved, or its phase)."""
        self.model.tick()

    def selected_unit_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.unit_at(rows[0].row()).id
        return self.meeting.unit_id

    def show_schedule(self) -> None:
        """Planned against actual for the whole meeting: how far ahead or behind it runs."""
        s = self.meeting.schedule()
        if not s.units_total:
            self.schedule_label.setText("")
            return
        if abs(s.behind_s) < 1:
            where = self.tr("进度正常")
        elif s.behind_s > 0:
            where = arg(self.tr("落后 %1"), core.fmt_span(s.behind_s))
        else:
            where = arg(self.tr("提前 %1"), core.fmt_span(s.behind_s))
        self.schedule_label.setText(arg(self.tr("已完成 %1/%2 个单位，%5\n计划 %3，已用 %4，尚需约 %6"),
                                        s.units_done, s.units_total, core.fmt_span(s.planned_s),
                                        core.fmt_span(s.used_s), where, core.fmt_span(s.remaining_s)))
