"""The score grid view: keyboard entry the way a secretary copies a paper sheet.

Type a number, Enter or Tab stores it and moves down the criteria; after the last criterion the
cursor goes to the first criterion of the next expert (recused experts are skipped). A refused
value stays in its open editor, painted red with the reason, until it is corrected; Esc or
leaving the cell drops it and the cell shows the stored value again, so a refused value is never
left standing in the grid. Delete clears a cell.
"""
from __future__ import annotations

from PySide6.QtGui import QPen
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QLineEdit,
                               QStyle, QStyledItemDelegate, QTableView)

from .grid_model import INVALID_BG, INVALID_FG, COL_MAX, COL_NAME, FIRST_EXPERT, ScoreGridModel


class ScoreDelegate(QStyledItemDelegate):
    """Enter and Tab store the value and move on; a refused value closes the editor in place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._editing: dict[int, QPersistentModelIndex] = {}
        self.reopening: QPersistentModelIndex | None = None  # a refused cell whose editor opens again

    def setEditorData(self, editor, index):  # noqa: N802
        super().setEditorData(editor, index)
        if isinstance(editor, QLineEdit):
            refused = index.model().error_at(index.row(), index.column())
            # a refused value reopens red, with its reason, until it is corrected or dropped (Esc)
            editor.setStyleSheet(f"background: {INVALID_BG.name()}; color: {INVALID_FG.name()};" if refused else "")
            editor.setToolTip(refused or "")
            editor.selectAll()  # typing replaces a refused value

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        self._editing[id(editor)] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda _=None, k=id(editor): self._editing.pop(k, None))
        return editor

    def eventFilter(self, editor, event):  # noqa: N802
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if event.type() == QEvent.Type.KeyPress and event.key() in keys:
            self.commitData.emit(editor)
            index = self._editing.get(id(editor))
            back = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if index is not None and index.isValid() and index.model().error_at(index.row(), index.column()):
                # refused: the editor opens again on the same cell, the value red, until corrected or Esc
                self.reopening = index
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                view = self.parent()
                QTimer.singleShot(0, view, lambda: view.edit_again(index))
                return True
            else:
                hint = (QAbstractItemDelegate.EndEditHint.EditPreviousItem if back
                        else QAbstractItemDelegate.EndEditHint.EditNextItem)
            self.closeEditor.emit(editor, hint)
            return True
        return super().eventFilter(editor, event)

    def paint(self, painter, option, index):
        model = index.model()
        refused = hasattr(model, "error_at") and model.error_at(index.row(), index.column())
        if refused:
            option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)  # the red shows through
        super().paint(painter, option, index)
        if refused:
            painter.save()
            painter.setPen(QPen(INVALID_FG, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class ScoreGridView(QTableView):
    clear_requested = Signal(QModelIndex)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setItemDelegate(ScoreDelegate(self))

    def setModel(self, model: ScoreGridModel) -> None:  # noqa: N802 (Qt name)
        super().setModel(model)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(56)
        header.setDefaultSectionSize(78)
        model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Criterion names as wide as they need (within reason); the experts share the rest."""
        header = self.horizontalHeader()
        if self.model().columnCount() > COL_MAX:
            header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
            self.resizeColumnToContents(COL_NAME)
            header.resizeSection(COL_NAME, min(max(header.sectionSize(COL_NAME) + 12, 140), 300))
            header.setSectionResizeMode(COL_MAX, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(COL_MAX, 52)
            for col in range(FIRST_EXPERT, self.model().columnCount()):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    # --- navigation -----------------------------------------------------------------------------
    def _cells(self) -> list[tuple[int, int]]:
        """Editable cells in entry order: down each expert's column, expert after expert."""
        m: ScoreGridModel = self.model()
        rows = m.leaf_rows()
        return [(r, c) for c in range(FIRST_EXPERT, m.columnCount()) for r in rows if m.is_editable_cell(r, c)]

    def step(self, index: QModelIndex, forward: bool = True) -> QModelIndex:
        cells = self._cells()
        if not cells:
            return index
        here = (index.row(), index.column())
        if here in cells:
            k = cells.index(here) + (1 if forward else -1)
            k = min(max(k, 0), len(cells) - 1)
        else:  # from a group row or a name cell: the next editable cell after it
            after = [c for c in cells if (c[1], c[0]) > (here[1], here[0])]
            before = [c for c in cells if (c[1], c[0]) < (here[1], here[0])]
            pick = (after[0] if after else cells[-1]) if forward else (before[-1] if before else cells[0])
            return self.model().index(*pick)
        return self.model().index(*cells[k])

    def moveCursor(self, action, modifiers):  # noqa: N802
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self.step(self.currentIndex(), True)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self.step(self.currentIndex(), False)
        return super().moveCursor(action, modifiers)

    def edit_again(self, index: QPersistentModelIndex) -> None:
        delegate = self.itemDelegate()
        if index.isValid() and delegate.reopening == index:
            self.setCurrentIndex(QModelIndex(index))
            self.edit(QModelIndex(index))
        delegate.reopening = None

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 (Qt slot)
        """An editor closed by Esc or by leaving the cell: a refused value there is dropped."""
        delegate = self.itemDelegate()
        index = delegate._editing.get(id(editor))
        super().closeEditor(editor, hint)
        if index is not None and index.isValid() and delegate.reopening != index:
            self.model().drop_error(index.row(), index.column())

    def finish_editing(self) -> None:
        """Store what is typed in an open editor (before a shortcut acts on the sheet)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and editor is not self and self.isAncestorOf(editor):
            delegate = self.itemDelegate()
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.setCurrentIndex(self.step(self.currentIndex(), not event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                index = self.currentIndex()
                if index.isValid() and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
                    self.clear_requested.emit(index)
                return
        super().keyPressEvent(event)
