"""The unit list beside the grid: per unit, how many experts are done, incomplete or recused."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fazhi_desktop import roster, scoring
from fazhi_desktop.sessions import load_template

from .grid_model import state_label
from ..i18n import translate

DONE = QColor("#2e7d32")
PARTLY = QColor("#e65100")
NONE = QColor("#607d8b")


class UnitCompletenessModel(QAbstractListModel):
    UnitIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.units: list[roster.Unit] = []
        self.names: dict[int, str] = {}
        self.states: dict[int, dict[int, str]] = {}
        self.unchecked: dict[int, int] | None = None  # with double entry on: scores awaiting a check, per unit
        self.reload()

    def reload(self, template=None) -> None:
        """``template``: the session's template when the caller holds it (read once, not per unit)."""
        self.beginResetModel()
        self.units = roster.list_units(self.db, self.session_id)
        self.names = {e.id: e.name for e in roster.list_experts(self.db, self.session_id)}
        template = template or load_template(self.db, self.session_id)
        self.states = {u.id: scoring.sheet_states(self.db, self.session_id, u.id, template) for u in self.units}
        self.endResetModel()

    def update_unit(self, unit_id: int, states: dict[int, str] | None = None, template=None) -> None:
        """One unit's row again; ``states`` when the caller has just read them (the grid has)."""
        for row, unit in enumerate(self.units):
            if unit.id == unit_id:
                self.states[unit_id] = dict(states) if states is not None else \
                    scoring.sheet_states(self.db, self.session_id, unit_id, template)
                self.dataChanged.emit(self.index(row), self.index(row))

    def set_unchecked(self, counts: dict[int, int] | None) -> None:
        if counts != self.unchecked:
            self.unchecked = counts
            if self.units:
                self.dataChanged.emit(self.index(0), self.index(len(self.units) - 1))

    def row_of(self, unit_id: int) -> int:
        return next((r for r, u in enumerate(self.units) if u.id == unit_id), -1)

    def counts(self, unit_id: int) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {k: [] for k in scoring.SHEET_STATES}
        for expert_id, state in self.states.get(unit_id, {}).items():
            out[state].append(self.names.get(expert_id, "?"))
        return out

    def summary(self, unit_id: int) -> str:
        c = self.counts(unit_id)
        active = len(self.states.get(unit_id, {})) - len(c["recused"])
        done = len(c["submitted"]) + len(c["complete"])
        text = translate("UnitList", "{0}/{1} 已评完").format(done, active)
        if c["recused"]:
            text += translate("UnitList", "，{0} 回避").format(len(c["recused"]))
        if self.unchecked and self.unchecked.get(unit_id):
            text += translate("UnitList", "，{0} 项待核对").format(self.unchecked[unit_id])
        return text

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.units):
            return None
        unit = self.units[index.row()]
        c = self.counts(unit.id)
        active = len(self.states.get(unit.id, {})) - len(c["recused"])
        done = len(c["submitted"]) + len(c["complete"])
        if role == Qt.ItemDataRole.DisplayRole:
            absent = translate("UnitList", "（缺席）") if unit.status == "absent" else ""
            return f"{unit.position}. {unit.name}{absent}\n    {self.summary(unit.id)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(DONE if active and done == active else PARTLY if done or c["incomplete"] else NONE)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{state_label(key)}：{'、'.join(c[key])}" for key in scoring.SHEET_STATES if c[key]]
            return "\n".join([unit.name, *parts])
        if role == self.UnitIdRole:
            return unit.id
        return None
