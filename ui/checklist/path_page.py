"""创建进程: each candidate's path from 自查自评 to 命名 — one row of fields per step, recorded
through the services (dates checked, the order kept, 予以命名 only from the 拟命名名单 after the
notice) — and the 拟命名名单 with the reason each other candidate is left out."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget)

from fazhi_desktop import roster
from fazhi_desktop.checklist.results import compute_checklist_results
from fazhi_desktop.checklist.steps import STEPS, Proposal, Step, clear_step, notice_end, proposed_list, record_step, steps_for
from fazhi_desktop.errors import UserError
from fazhi_desktop.sessions import check_date, get_session
from fazhi_desktop.template import fmt_decimal

from ..models.base import ListTableModel
from ..widgets import error_label
from .rating_model import FAIL_FG, PASS_FG
from ..i18n import arg, label, translate
from ..locks import why_locked


def record_summary(rec) -> str:
    """steps.Record.summary in the UI's language: 2024-03-05 达标（91.00%）."""
    when = rec.date or translate("PathPage", "日期未定")
    if rec.end_date:
        when = arg(translate("PathPage", "%1 至 %2"), when, rec.end_date)
    what = label("ChecklistSteps", rec.outcome) if rec.outcome else ""
    if rec.value is not None:
        what += arg(translate("PathPage", "（%1%）"), fmt_decimal(rec.value))
    if rec.objections is not None and rec.step == "notice":
        what += arg(translate("PathPage", "（异议 %1 件）"), rec.objections)
    return " ".join(p for p in (when, what) if p)

class ProposalModel(ListTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("TableHeaders", "单位"), QT_TRANSLATE_NOOP("TableHeaders", "第三方达标率"),
               QT_TRANSLATE_NOOP("TableHeaders", "拟命名"), QT_TRANSLATE_NOOP("TableHeaders", "说明"))

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Proposal] = []

    def set_rows(self, rows: list[Proposal]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = translate("PathPage", "已命名") if p.named else (translate("PathPage", "列入") if p.included else translate("PathPage", "未列入"))
            return [p.name, "—" if p.third_party is None else f"{p.third_party}%", state,
                    "；".join(p.reasons)][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QBrush(PASS_FG if p.included else FAIL_FG)
        if role == Qt.ItemDataRole.ToolTipRole and p.reasons:
            return "\n".join(p.reasons)
        return None


class StepRow(QGroupBox):
    """The fields of one step: date (and end, for the notice), outcome, percentage, objections, note."""

    def __init__(self, step: Step, page: "PathPage"):
        super().__init__(f"{STEPS.index(step) + 1}. {label('ChecklistSteps', step.label)}")
        self.step = step
        self.page = page
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.date.setMaximumWidth(110)
        self.end = QLineEdit()
        self.end.setPlaceholderText(translate("PathPage", "至 YYYY-MM-DD"))
        self.end.setMaximumWidth(110)
        self.outcome = QComboBox()
        self.outcome.addItem("", "")
        for o in step.outcomes:
            self.outcome.addItem(label("ChecklistSteps", o), o)
        self.value = QLineEdit()
        self.value.setPlaceholderText(label("ChecklistSteps", step.value_label) if step.value_label else "")
        self.value.setMaximumWidth(120)
        self.objections = QLineEdit()
        self.objections.setPlaceholderText(translate("PathPage", "异议件数"))
        self.objections.setMaximumWidth(80)
        self.note = QLineEdit()
        self.note.setPlaceholderText(label("ChecklistSteps", step.note_label))
        self.save = QPushButton(translate("PathPage", "记录"))
        self.save.clicked.connect(lambda: page.record(self))
        self.clear = QPushButton(translate("PathPage", "清除"))
        self.clear.clicked.connect(lambda: page.clear(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 2, 6, 2)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(translate("PathPage", "日期")), 0, 0)
        grid.addWidget(self.date, 0, 1)
        col = 2
        if step.period:
            grid.addWidget(self.end, 0, col)
            col += 1
            self.date.editingFinished.connect(self._fill_end)
        grid.addWidget(QLabel(translate("PathPage", "结果")), 0, col)
        grid.addWidget(self.outcome, 0, col + 1)
        col += 2
        if step.value_label:
            grid.addWidget(self.value, 0, col)
            grid.addWidget(QLabel("%"), 0, col + 1)
            col += 2
        if step.period:
            grid.addWidget(self.objections, 0, col)
            grid.addWidget(QLabel(translate("PathPage", "件异议")), 0, col + 1)
            col += 2
        if step.key == "third_party":
            fill = QPushButton(translate("PathPage", "取本场评定结果"))
            fill.setToolTip(translate("PathPage", "按本场指标评定算出的达标率填入"))
            fill.clicked.connect(lambda: page.fill_third_party(self))
            self.fill = fill
            grid.addWidget(fill, 0, col)
            col += 1
        grid.setColumnStretch(col, 1)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.save)
        notes.addWidget(self.clear)
        grid.addLayout(notes, 1, 0, 1, col + 1)

    def _fill_end(self) -> None:
        """A notice lasts seven days unless the end is written."""
        if self.end.text().strip() or not self.date.text().strip():
            return
        try:
            self.end.setText(notice_end(check_date(self.date.text()) or ""))
        except (UserError, ValueError):
            pass

    def show_record(self, rec) -> None:
        self.date.setText((rec.date or "") if rec else "")
        self.end.setText((rec.end_date or "") if rec else "")
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(rec.outcome if rec else "")))
        self.value.setText(fmt_decimal(rec.value) if rec and rec.value is not None else "")
        self.objections.setText("" if not rec or rec.objections is None else str(rec.objections))
        self.note.setText(rec.note if rec else "")
        head = f"{STEPS.index(self.step) + 1}. {label('ChecklistSteps', self.step.label)}"
        self.setTitle(f"{head}　—　" + (translate("PathPage", "已记录：") + record_summary(rec) if rec else translate("PathPage", "未记录")))

    def set_editable(self, on: bool) -> None:
        for w in (self.date, self.end, self.outcome, self.value, self.objections, self.note, self.save, self.clear,
                  getattr(self, "fill", None)):
            if w is not None:
                w.setEnabled(on)


class PathPage(QWidget):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.units: list[roster.Unit] = []
        self.proposals = ProposalModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.proposals)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().hide()
        self.list_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        self.list_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self.show_unit(cur.row()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("PathPage", "拟命名名单"))
        title.setStyleSheet("font-weight: bold;")
        lv.addWidget(title)
        lv.addWidget(self.list_view, 1)
        lv.addWidget(self.summary)
        self.unit_title = QLabel()
        self.unit_title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.rows = {step.key: StepRow(step, self) for step in STEPS}
        steps = QWidget()
        sv = QVBoxLayout(steps)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.unit_title)
        for row in self.rows.values():
            sv.addWidget(row)
        sv.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(steps)
        self.message = error_label()
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(area, 1)
        rv.addWidget(self.message)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; color: #6d4c41; padding: 6px;")
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        self.current: int | None = None
        self.refresh()

    def refresh(self) -> None:
        keep = self.current
        self.units = roster.list_units(self.db, self.session_id)
        props = proposed_list(self.db, self.session_id)
        self.proposals.set_rows(props)
        listed = [p.name for p in props if p.included]
        named = [p.name for p in props if p.named]
        self.summary.setText(arg(translate("PathPage", "列入拟命名名单：%1；已命名：%2。"),
                                 "、".join(listed) or translate("PathPage", "暂无"), "、".join(named) or translate("PathPage", "暂无")))
        reason = why_locked(get_session(self.db, self.session_id), "steps")
        self.banner.setText(reason or "")
        self.banner.setVisible(bool(reason))
        for row in self.rows.values():
            row.set_editable(reason is None)
        ids = [u.id for u in self.units]
        row = ids.index(keep) if keep in ids else 0
        if self.units:
            self.list_view.selectRow(row)
            self.show_unit(row)

    def show_unit(self, row: int) -> None:
        if not 0 <= row < len(self.units):
            return
        unit = self.units[row]
        self.current = unit.id
        self.unit_title.setText(arg(translate("PathPage", "%1 的创建进程"), unit.name))
        records = steps_for(self.db, self.session_id)
        for key, widget in self.rows.items():
            widget.show_record(records.get((unit.id, key)))

    def say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.message.setText(text)

    def record(self, row: StepRow) -> bool:
        if self.current is None:
            return False
        try:
            rec = record_step(self.db, session_id=self.session_id, unit_id=self.current, step=row.step.key,
                              date=row.date.text(), end_date=row.end.text() if row.step.period else None,
                              outcome=row.outcome.currentData() or "", value=row.value.text() if row.step.value_label else None,
                              objections=row.objections.text() if row.step.period else None, note=row.note.text())
        except UserError as exc:
            self.say(str(exc))
            return False
        self.say(arg(translate("PathPage", "已记录%1：%2"),
                     label("ChecklistSteps", row.step.label), record_summary(rec)), ok=True)
        self.refresh()
        return True

    def clear(self, row: StepRow) -> bool:
        if self.current is None:
            return False
        try:
            clear_step(self.db, session_id=self.session_id, unit_id=self.current, step=row.step.key)
        except UserError as exc:
            self.say(str(exc))
            return False
        self.refresh()
        return True

    def fill_third_party(self, row: StepRow) -> None:
        r = next((u for u in compute_checklist_results(self.db, self.session_id).units if u.unit_id == self.current), None)
        if r is None or r.rate is None:
            self.say(translate("PathPage", "本场评定尚未完成，没有达标率可填。"))
            return
        row.value.setText(str(r.rate))
        row.outcome.setCurrentIndex(row.outcome.findData("达标" if r.passed else "未达标"))
