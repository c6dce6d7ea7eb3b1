"""Table models of the live console: the agenda (units in order, status, time used) and the
question log of one unit. They read through the core; they never write."""
from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor, QFont

from fazhi_desktop.live import PHASE_LABELS, LiveMeeting, fmt_span
from fazhi_desktop.questions import Question, list_questions
from fazhi_desktop.roster import UNIT_STATUSES, list_experts

from ..i18n import arg, label, translate

Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {"waiting": "#546e7a", "report": "#1565c0", "questions": "#6a1b9a", "scoring": "#ef6c00",
                  "done": "#2e7d32", "absent": "#9e9e9e"}


class AgendaModel(QAbstractTableModel):
    COL_ORDER, COL_NAME, COL_STATUS, COL_USED = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("live", "序号"), QT_TRANSLATE_NOOP("live", "参评单位"),
               QT_TRANSLATE_NOOP("live", "状态"), QT_TRANSLATE_NOOP("live", "用时"))

    def __init__(self, meeting: LiveMeeting, parent=None):
        super().__init__(parent)
        self.meeting = meeting
        self.rows = []
        self.used: dict[int, float] = {}
        self.open_items: dict[int, int] = {}  # unit id → open rectification items from earlier sessions
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.meeting.units()
        self.used = {}
        for (uid, _phase), (secs, _extra) in self.meeting.stored_timing().items():
            self.used[uid] = self.used.get(uid, 0.0) + secs
        self.endResetModel()

    def tick(self) -> None:
        """Repaint the current unit's time used (the running phase moves it)."""
        for r, u in enumerate(self.rows):
            if u.id == self.meeting.unit_id:
                i = self.index(r, self.COL_USED)
                self.dataChanged.emit(i, i, [Qt.ItemDataRole.DisplayRole])

    def planned_vs_actual(self, unit_id: int) -> str:
        """Per phase: actual / planned (+ added minutes), e.g. "汇报 8:35 / 8:00；提问答复 4:10 / 5:00"."""
        stored = self.meeting.stored_timing()
        parts = []
        for phase in ("report", "questions"):
            if unit_id == self.meeting.unit_id and phase == self.meeting.phase:
                actual, extra = self.meeting.elapsed(), self.meeting.extra_s
            else:
                actual, extra = stored.get((unit_id, phase), (0.0, 0.0))
            plan = fmt_span(self.meeting.plan[phase]) + (f" + {fmt_span(extra)}" if extra else "")
            parts.append(f"{label('live', PHASE_LABELS[phase])} {fmt_span(actual)} / {plan}")
        return "；".join(parts)

    def unit_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, unit_id: int | None) -> int:
        return next((r for r, u in enumerate(self.rows) if u.id == unit_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label("live", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        u = self.rows[index.row()]
        col = index.column()
        current = u.id == self.meeting.unit_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_ORDER:
                return ("▶ " if current else "") + str(u.position)
            if col == self.COL_NAME:
                n = self.open_items.get(u.id, 0)
                return u.name + (arg(translate("live", "（整改 %1）"), n) if n else "")
            if col == self.COL_STATUS:
                return label("Roster", UNIT_STATUSES.get(u.status, u.status))
            if col == self.COL_USED:
                used = self.meeting.used(u.id) if current else self.used.get(u.id, 0.0)
                return fmt_span(used) if used > 0 or u.status == "done" else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_USED:
            return self.planned_vs_actual(u.id)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_NAME and self.open_items.get(u.id):
            return arg(translate("live", "往次评议提出、尚未完成的整改事项 %1 项"), self.open_items[u.id])
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            return QBrush(QColor(STATUS_COLOURS.get(u.status, "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and u.status == "absent":
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(QColor("#e3f2fd"))
        if role == Qt.ItemDataRole.FontRole and (current or u.status == "absent"):
            font = QFont()
            font.setBold(current)
            font.setStrikeOut(u.status == "absent")
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_ORDER, self.COL_USED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return u.id
        return None


class QuestionModel(QAbstractTableModel):
    COL_AT, COL_EXPERT, COL_TEXT, COL_ANSWER, COL_PROBLEM = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("live", "时间"), QT_TRANSLATE_NOOP("live", "专家"), QT_TRANSLATE_NOOP("live", "提问"),
               QT_TRANSLATE_NOOP("live", "答复"), QT_TRANSLATE_NOOP("live", "发现问题 / 整改措施"))

    def __init__(self, db, session_id: int, parent=None):
        super().__init__(parent)
        self.db, self.session_id = db, session_id
        self.unit_id: int | None = None
        self.rows: list[Question] = []
        self.experts: dict[int, str] = {}

    def set_unit(self, unit_id: int | None) -> None:
        self.unit_id = unit_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.experts = {e.id: e.name for e in list_experts(self.db, self.session_id)}
        self.rows = [] if self.unit_id is None else list_questions(self.db, self.session_id, self.unit_id)
        self.endResetModel()

    def question_at(self, row: int) -> Question | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label("live", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        q = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_AT:
                clock = q.at[11:16] if len(q.at) >= 16 else q.at
                return f"{clock}  (+{fmt_span(q.elapsed_s or 0)})"
            if col == self.COL_EXPERT:
                return self.experts.get(q.expert_id, "") if q.expert_id else ""
            if col == self.COL_TEXT:
                return q.text
            if col == self.COL_ANSWER:
                return q.answer
            if col == self.COL_PROBLEM:
                if not q.problem:
                    return ""
                parts = [translate("live", "是")] + [p for p in (q.measure, q.deadline and translate("live", "期限 ") + q.deadline) if p]
                return "；".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_TEXT, self.COL_ANSWER):
            return q.text if col == self.COL_TEXT else q.answer
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_PROBLEM and q.problem:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.UserRole:
            return q.id
        return None
