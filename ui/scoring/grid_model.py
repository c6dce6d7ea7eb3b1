"""The score grid of one unit: criteria (the tree, with maxima) as rows, experts as columns.

Rows are the flattened criteria tree (group rows show the expert's subtotal, leaf rows are
edited) and a last row with each expert's total. The model never writes: an edited cell is
handed to ``committer(expert_id, criterion_id, text)``, which stores it through the services
(via the undo stack) and returns ``None``, or returns the reason it was refused; a refused cell
shows the typed text, painted red, with the reason as its tooltip, while its editor is open
(see grid_view), and nothing is stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fazhi_desktop import roster, scoring
from fazhi_desktop.sessions import get_session, load_template
from fazhi_desktop.template import Criterion, fmt_decimal

from ..i18n import label, translate

COL_NAME, COL_MAX, FIRST_EXPERT = 0, 1, 2

INVALID_BG = QColor("#ffcdd2")
INVALID_FG = QColor("#b71c1c")
RECUSED_BG = QColor("#e0e0e0")
RECUSED_FG = QColor("#757575")
SUBMITTED_BG = QColor("#e8f5e9")
GROUP_BG = QColor("#eceff1")
TOTAL_BG = QColor("#fff8e1")

Committer = Callable[[int, int, str], "str | None"]


def state_label(state: str) -> str:
    return label("ScoreGrid", scoring.SHEET_STATES.get(state, state))  # marked in the core (scoring.SHEET_STATES)


@dataclass
class GridRow:
    kind: str  # group | leaf | total
    name: str
    path: str
    depth: int
    maximum: Decimal
    criterion_id: int | None = None
    leaf_ids: list[int] = field(default_factory=list)


def flatten(criteria: list[Criterion], prefix: str = "", depth: int = 0) -> list[GridRow]:
    rows: list[GridRow] = []
    for node in criteria:
        path = f"{prefix}/{node.name}" if prefix else node.name
        if node.is_leaf:
            rows.append(GridRow("leaf", node.name, path, depth, node.maximum, node.id, [node.id]))
        else:
            children = flatten(node.children, path, depth + 1)
            leaf_ids = [i for r in children if r.kind == "leaf" for i in r.leaf_ids]
            rows.append(GridRow("group", node.name, path, depth, node.maximum, None, leaf_ids))
            rows.extend(children)
    return rows


class ScoreGridModel(QAbstractTableModel):
    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.unit_id: int | None = None
        self.committer: Committer | None = None
        self.read_only = False
        self.rows: list[GridRow] = []
        self.experts: list[roster.Expert] = []
        self.values: dict[tuple[int, int], Decimal] = {}
        self.states: dict[int, str] = {}
        self.errors: dict[tuple[int, int], tuple[str, str]] = {}
        self.template = None
        self.on_device: set[int] = set()  # experts scoring on their own device: their column is read-only here
        self.reload()

    # --- loading -----------------------------------------------------------------------------
    def set_unit(self, unit_id: int | None) -> None:
        """Another unit's sheet: its values and states (the template and experts stay)."""
        self.unit_id = unit_id
        self.beginResetModel()
        self.errors.clear()
        self._load_values()
        self.endResetModel()

    def reload(self) -> None:
        """Everything again: the template (kept until the next reload), the experts, the values."""
        self.beginResetModel()
        template = self.template = load_template(self.db, self.session_id)
        self.rows = flatten(template.criteria)
        self.rows.append(GridRow("total", translate("ScoreGrid", "合计"), "", 0, template.total_max))
        self.read_only = not get_session(self.db, self.session_id).editable("scores")
        self.experts = roster.list_experts(self.db, self.session_id)
        self.errors.clear()
        self._load_values()
        self.endResetModel()

    def _load_values(self) -> None:
        if self.unit_id is None:
            self.values, self.states = {}, {}
            return
        self.values = {(e, c): v for (e, _u, c), v in scoring.scores_for(self.db, self.session_id, self.unit_id).items()}
        self.states = scoring.sheet_states(self.db, self.session_id, self.unit_id, self.template)

    def refresh_values(self) -> None:
        """Re-read the stored values (after a service call) without dropping refused cells of other columns."""
        self._load_values()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def apply_write(self, change) -> bool:
        """Take one stored score from its record (``scoring.ScoreWrite``: the cell and the value stored
        by ``record_score``) when it is a write of this unit's sheet: the cell, the expert's subtotals
        and state change, nothing is read. False when the record is not one (another source, several
        units, an unknown cell): the caller reads the sheet again."""
        if not isinstance(change, scoring.ScoreWrite) or change.kinds != {"scores"} or self.unit_id is None \
                or change.unit_ids != {self.unit_id} or change.session_id != self.session_id:
            return False
        expert, leaves = change.expert_id, self._all_leaves()
        if change.criterion_id not in leaves or not any(e.id == expert for e in self.experts) \
                or self.states.get(expert) == "recused":
            return False
        key = (expert, change.criterion_id)
        if change.value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = change.value
        self.states[expert] = self._state_after_write(expert, leaves)
        column = self.column_of(expert)
        self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        return True

    def _state_after_write(self, expert_id: int, leaves: list[int]) -> str:
        """The sheet state ``scoring.sheet_states`` would read after one write: a write keeps a
        submission only on a complete sheet (clearing a score of a submitted sheet withdraws it)."""
        got = sum(1 for c in leaves if (expert_id, c) in self.values)
        if got == len(leaves):
            return "submitted" if self.states.get(expert_id) == "submitted" else "complete"
        return "incomplete" if got else "empty"

    # --- geometry ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIRST_EXPERT + len(self.experts)

    def expert_at(self, column: int) -> roster.Expert | None:
        k = column - FIRST_EXPERT
        return self.experts[k] if 0 <= k < len(self.experts) else None

    def column_of(self, expert_id: int) -> int:
        return next(FIRST_EXPERT + k for k, e in enumerate(self.experts) if e.id == expert_id)

    def row_of(self, criterion_id: int) -> int:
        return next(r for r, row in enumerate(self.rows) if row.criterion_id == criterion_id)

    def is_editable_cell(self, row: int, column: int) -> bool:
        expert = self.expert_at(column)
        return (expert is not None and self.unit_id is not None and not self.read_only
                and self.rows[row].kind == "leaf" and self.states.get(expert.id) != "recused"
                and expert.id not in self.on_device)

    def set_on_device(self, expert_ids: set[int]) -> None:
        if expert_ids != self.on_device:
            self.on_device = set(expert_ids)
            self.refresh_values()

    def leaf_rows(self) -> list[int]:
        return [r for r, row in enumerate(self.rows) if row.kind == "leaf"]

    def total(self, expert_id: int, leaf_ids: list[int]) -> Decimal | None:
        got = [self.values[(expert_id, c)] for c in leaf_ids if (expert_id, c) in self.values]
        return sum(got, Decimal(0)) if got else None

    # --- Qt model API ------------------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable_cell(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == COL_NAME:
            return translate("ScoreGrid", "评分指标") if role == Qt.ItemDataRole.DisplayRole else None
        if section == COL_MAX:
            return translate("ScoreGrid", "满分") if role == Qt.ItemDataRole.DisplayRole else None
        expert = self.expert_at(section)
        if expert is None:
            return None
        state = self.states.get(expert.id, "empty")
        device = expert.id in self.on_device
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{expert.name}\n{state_label(state)}" + (translate("ScoreGrid", "·手机") if device else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            category = expert.category or translate("ScoreGrid", "专家")
            tip = f"{expert.name}（{category}）：{state_label(state)}"
            if device:
                tip += translate("ScoreGrid", "。该专家正用自己的手机评分，此列只读；需代录时，请在“专家设备”中接管。")
            return tip
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(RECUSED_FG) if state == "recused" else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if col == COL_NAME:
            return self._name_data(row, role)
        if col == COL_MAX:
            if role == Qt.ItemDataRole.DisplayRole:
                return fmt_decimal(row.maximum)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return self._row_style(row, role)
        expert = self.expert_at(col)
        if expert is None:
            return None
        state = self.states.get(expert.id, "empty")
        error = self.errors.get((index.row(), col))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if error:
                return error[0]
            if state == "recused":
                return translate("ScoreGrid", "回避") if role == Qt.ItemDataRole.DisplayRole else ""
            if row.kind == "leaf":
                return fmt_decimal(self.values.get((expert.id, row.criterion_id)))
            return fmt_decimal(self.total(expert.id, row.leaf_ids or self._all_leaves()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error[1]
            if state == "recused":
                return translate("ScoreGrid", "{0} 对本单位回避，不评分").format(expert.name)
            if row.kind == "leaf":
                return translate("ScoreGrid", "{0}：0 到 {1} 分，可打半分").format(row.path, fmt_decimal(row.maximum))
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return QBrush(INVALID_BG)
            if state == "recused":
                return QBrush(RECUSED_BG)
            if row.kind == "leaf" and state == "submitted":
                return QBrush(SUBMITTED_BG)
            return self._row_style(row, role)
        if role == Qt.ItemDataRole.ForegroundRole:
            if error:
                return QBrush(INVALID_FG)
            if state == "recused":
                return QBrush(RECUSED_FG)
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._row_style(row, role)
        return None

    def _all_leaves(self) -> list[int]:
        return [c for r in self.rows if r.kind == "leaf" for c in r.leaf_ids]

    def _name_data(self, row: GridRow, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * row.depth + row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.path or None
        return self._row_style(row, role)

    def _row_style(self, row: GridRow, role: int):
        if role == Qt.ItemDataRole.BackgroundRole and row.kind != "leaf":
            return QBrush(TOTAL_BG if row.kind == "total" else GROUP_BG)
        if role == Qt.ItemDataRole.FontRole and row.kind != "leaf":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_editable_cell(index.row(), index.column()):
            return False
        expert = self.expert_at(index.column())
        row = self.rows[index.row()]
        text = "" if value is None else str(value).strip()
        key = (index.row(), index.column())
        stored = fmt_decimal(self.values.get((expert.id, row.criterion_id)))
        if text == stored and key not in self.errors:
            return False
        refused = self.committer(expert.id, row.criterion_id, text) if self.committer else translate("ScoreGrid", "不能保存")
        if refused:
            self.errors[key] = (text, refused)
        else:
            self.errors.pop(key, None)
        self.dataChanged.emit(index, index)
        return not refused

    def drop_error(self, row: int, column: int) -> None:
        """Forget a refused value: the cell shows what is stored again."""
        if self.errors.pop((row, column), None) is not None:
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def error_at(self, row: int, column: int) -> str | None:
        error = self.errors.get((row, column))
        return error[1] if error else None
