"""指标评定: the keyboard-driven rating grid of a checklist session, the note and evidence of the
current cell beside it, and the import of the assessment team's sheets.

Keys: 1 达标, 2 部分达标, 3 未达标, 0 不适用 (on every selected cell at once), Delete clears; after
a key the cursor goes down the candidate's column (and on to the next candidate's), so a paper
sheet is copied without the mouse. Each key is one undoable command over the services; the area
rows and the last row show the rates as they change.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidgetItem,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from fazhi_desktop.checklist import RATINGS
from fazhi_desktop.checklist.evidence import add_evidence, evidence_path, list_evidence, remove_evidence
from fazhi_desktop.checklist.ratings import KEYS, rate_cells, set_note
from fazhi_desktop.errors import UserError
from fazhi_desktop.rating_imports import import_ratings
from fazhi_desktop.sessions import get_session
from fazhi_desktop.template import fmt_decimal

from ..icons import icon
from ..widgets import error_label
from .detail_panel import DetailPanel
from .rating_model import COL_NAME, COL_NO, FIRST_UNIT, RatingGridModel
from ..i18n import arg, label, translate
from ..locks import why_locked

KEY_CODES = {Qt.Key.Key_1: "1", Qt.Key.Key_2: "2", Qt.Key.Key_3: "3", Qt.Key.Key_0: "0"}




class RatingCommand(QUndoCommand):
    """Set the rating of several cells; undo puts each one's rating back (through the services)."""

    def __init__(self, page: "RatingPage", cells: list[tuple[int, int, str | None, str | None]], text: str):
        super().__init__(text)
        self.page = page
        self.cells = cells  # (unit_id, criterion_id, before, after)
        self.error: str | None = None

    def _store(self, pairs: list[tuple[int, int, str | None]]) -> None:
        try:
            rate_cells(self.page.db, session_id=self.page.session_id, cells=pairs)
            self.error = None
        except UserError as exc:
            self.error = exc.message
        self.page.after_store([(u, c) for u, c, _r in pairs], self.error)

    def redo(self) -> None:
        self._store([(u, c, after) for u, c, _before, after in self.cells])
        if self.error:
            self.setObsolete(True)  # refused: nothing is left on the stack

    def undo(self) -> None:
        self._store([(u, c, before) for u, c, before, _after in self.cells])


class RatingGridView(QTableView):
    """Emits ``rate_requested(code)`` for the keys 1/2/3/0 (code '' for Delete)."""

    rate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def fit(self) -> None:
        model = self.model()
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NO, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_NO, self.fontMetrics().horizontalAdvance("000") + 14)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(FIRST_UNIT, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            lines = (model.headerData(col, Qt.Orientation.Horizontal) or "").split("\n")
            widest = "100.00% " + max(translate("RatingGrid", "达标"), translate("RatingGrid", "未达"), key=len)
            width = max(header.fontMetrics().horizontalAdvance(t) for t in (*lines, widest)) + 16
            header.resizeSection(col, width)

    def next_cell(self, index: QModelIndex) -> QModelIndex:
        """Down the candidate's column; after its last indicator, the first of the next candidate."""
        model: RatingGridModel = self.model()
        rows = model.leaf_rows()
        cells = [(r, c) for c in range(FIRST_UNIT, model.columnCount()) for r in rows if model.is_rateable(r, c)]
        here = (index.row(), index.column())
        if here in cells:
            k = min(cells.index(here) + 1, len(cells) - 1)
            return model.index(*cells[k])
        after = [c for c in cells if (c[1], c[0]) > (here[1], here[0])]
        return model.index(*after[0]) if after else index

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        if key in KEY_CODES and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.rate_requested.emit(KEY_CODES[key])
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.rate_requested.emit("")
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.setCurrentIndex(self.next_cell(self.currentIndex()))
            return
        super().keyPressEvent(event)


class RatingPage(QWidget):
    session_changed = Signal()

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.undo_stack = QUndoStack(self)
        self.model = RatingGridModel(db, session_id, self)
        self.view = RatingGridView()
        self.view.setModel(self.model)
        self.view.fit()
        self.view.rate_requested.connect(self.rate_selection)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self.show_current())
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; color: #6d4c41; padding: 6px;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #607d8b;")
        self.import_button = QPushButton(icon("import"), translate("RatingPage", "导入评定…"))
        self.import_button.setToolTip(translate("RatingPage", "导入评估组的评定表（CSV 或 Excel：单位、指标、评定、说明、佐证）"))
        self.import_button.clicked.connect(lambda: self.import_file())
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.import_button)
        self.detail = DetailPanel(self)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.detail.setMinimumWidth(280)
        split.setSizes([820, 300])  # the indicators get the room; the detail stays readable at 1366 × 768
        self.splitter = split
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.refresh()
        first = self.view.next_cell(self.model.index(0, 0))
        if first.isValid():
            self.view.setCurrentIndex(first)

    # -- state --------------------------------------------------------------------------------------
    def editable(self) -> bool:
        return get_session(self.db, self.session_id).editable("ratings")

    def refresh(self) -> None:
        current = self.view.currentIndex()
        before = [r.criterion.id for r in self.model.rows if r.criterion is not None]
        self.model.reload()
        if [r.criterion.id for r in self.model.rows if r.criterion is not None] != before:
            self.undo_stack.clear()  # the indicators were replaced: old steps name indicators that are gone
        self.view.fit()
        if current.isValid():
            self.view.setCurrentIndex(self.model.index(current.row(), current.column()))
        s = get_session(self.db, self.session_id)
        reason = why_locked(s, "ratings")
        self.banner.setText(reason or "")
        self.banner.setVisible(bool(reason))
        self.import_button.setEnabled(reason is None)
        t = self.model.template
        self.hint.setText(arg(translate("RatingPage", "按 1 达标、2 部分达标、3 未达标、0 不适用，Delete 清除，可多选后一次评定；"
                              "达标门槛 %1%，部分达标按 %2 项计。灰底行是一级指标的达标率，末行是总达标率"
                              "（…表示尚未评完），※ 表示有说明。"), fmt_decimal(t.threshold), fmt_decimal(t.partial_weight)))
        self.show_current()

    def show_current(self) -> None:
        index = self.view.currentIndex()
        row = self.model.leaf_at(index.row()) if index.isValid() else None
        unit = self.model.unit_at(index.column()) if index.isValid() else None
        d = self.detail
        rateable = index.isValid() and self.model.is_rateable(index.row(), index.column())
        d.set_enabled(rateable, self.editable())
        if row is None:
            d.where.setText(translate("RatingPage", "选择一个单位的一项指标"))
            d.about.clear()
            d.note.setPlainText("")
            d.evidence_text.clear()
            d.files.clear()
            return
        d.where.setText(f"{row.number}. {row.path.replace('/', ' › ')}" + (f"\n{unit.name}" if unit else ""))
        about = []
        if row.criterion.description:
            about.append(translate("RatingPage", "评估要点：") + row.criterion.description)
        if row.criterion.evidence_required:
            about.append(translate("RatingPage", "佐证要求：") + row.criterion.evidence_required)
        d.about.setText("\n".join(about))
        d.about.setVisible(bool(about))
        r = self.model.rating(index.row(), index.column())
        d.note.setPlainText(r.note if r else "")
        d.evidence_text.setText(r.evidence_text if r else "")
        d.files.clear()
        if unit is not None:
            for e in list_evidence(self.db, self.session_id, unit.id, row.criterion.id):
                item = QListWidgetItem(f"{e.name}（{e.size_text()}）")
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                item.setToolTip(f"SHA-256 {e.sha256}\n" + translate("RatingPage", "添加于") + f" {e.added_at}")
                d.files.addItem(item)

    # -- rating ------------------------------------------------------------------------------------
    def selected_cells(self) -> list[tuple[int, int]]:
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        return [(i.row(), i.column()) for i in indexes
                if i.isValid() and self.model.is_rateable(i.row(), i.column())]

    def rate_selection(self, key: str) -> bool:
        """Rate the selected cells (``key``: 1/2/3/0, '' clears) as one undoable step."""
        cells = self.selected_cells()
        if not cells:
            return False
        code = KEYS.get(key) if key else None
        changes = []
        for row, col in cells:
            unit_id, criterion_id = self.model.cell(row, col)
            old = self.model.ratings.get((unit_id, criterion_id))
            before = old.rating if old else None
            if before != code:
                changes.append((unit_id, criterion_id, before, code))
        single = len(cells) == 1
        if changes:
            word = label("Checklist", RATINGS[code]) if code else translate("RatingPage", "清除")
            text = arg(translate("RatingPage", "评定 %1 项：%2"), str(len(changes)), word)
            command = RatingCommand(self, changes, text)
            self.undo_stack.push(command)
            if command.error:
                return False
        if single and key:  # copying a sheet: on to the next indicator
            self.view.setCurrentIndex(self.view.next_cell(self.model.index(*cells[0])))
        return True

    def say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.message.setText(text)

    def after_store(self, cells: list[tuple[int, int]], error: str | None) -> None:
        self.say(error or "")
        self.model.update_cells(cells)
        self.show_current()

    def save_note(self) -> bool:
        index = self.view.currentIndex()
        key = self.model.cell(index.row(), index.column()) if index.isValid() else None
        if key is None:
            return False
        try:
            set_note(self.db, session_id=self.session_id, unit_id=key[0], criterion_id=key[1],
                     note=self.detail.note.toPlainText(), evidence_text=self.detail.evidence_text.text())
        except UserError as exc:
            self.say(str(exc))
            return False
        self.say("")
        self.model.update_cells([key])
        return True

    # -- evidence files -------------------------------------------------------------------------------
    def add_evidence_file(self, path: str | None = None) -> bool:
        index = self.view.currentIndex()
        key = self.model.cell(index.row(), index.column()) if index.isValid() else None
        if key is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("RatingPage", "添加佐证文件"), "", translate("RatingPage", "所有文件 (*)"))
        if not path:
            return False
        try:
            add_evidence(self.db, session_id=self.session_id, unit_id=key[0], criterion_id=key[1], path=path)
        except UserError as exc:
            self.say(str(exc))
            return False
        self.say("")
        self.show_current()
        return True

    def remove_evidence_file(self) -> bool:
        item = self.detail.files.currentItem()
        if item is None:
            return False
        try:
            remove_evidence(self.db, evidence_id=item.data(Qt.ItemDataRole.UserRole))
        except UserError as exc:
            self.say(str(exc))
            return False
        self.show_current()
        return True

    def open_evidence(self, evidence_id: int) -> None:
        item = next((e for e in list_evidence(self.db, self.session_id) if e.id == evidence_id), None)
        if item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(evidence_path(self.db, item))))

    # -- import ---------------------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("RatingPage", "导入评定"), "", translate("RatingPage", "表格 (*.xlsx *.csv)"))
        if not path:
            return False
        try:
            result = import_ratings(self.db, session_id=self.session_id, path=Path(path))
        except UserError as exc:
            self.say(str(exc))
            return False
        self.undo_stack.clear()  # an import is not undone key by key
        self.refresh()
        self.say(result.summary(), ok=True)
        return True
