"""The list of review sessions at the left of the main window: create, open, duplicate, delete.

Its writes run as operations (``ui.operations.run``); it hears the hub of its database, so a session
added elsewhere (a package imported in the history window) or a status changed elsewhere (sealed
there) shows here at once."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fazhi_desktop import sessions

from . import operations
from .i18n import arg
from .widgets import error_label, ok_cancel, tool_button
from .models.sessions_model import SessionsModel


class NewSessionDialog(QDialog):
    """Title, date, venue and template of a new session. The values are checked by the service
    when the dialog is accepted; a refusal keeps the dialog open with the reason under the form."""

    def __init__(self, db, parent: QWidget | None = None):
        from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit  # not needed for the window's first paint

        super().__init__(parent)
        self.db = db
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("新建评议会"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("例如：2024年度普法履职报告评议会"))
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.venue = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems([self.tr("普法履职报告评议"), self.tr("法治政府建设述职评议"), self.tr("法治政府建设示范创建"),
                            self.tr("其他")])
        self.template = QComboBox()
        self.checklists: set[str] = set()
        from fazhi_desktop import library  # the template library: not needed for the window's first paint

        for tpl, builtin in library.list_templates(db):
            label = tpl.name + ("" if builtin else self.tr("（自定义）"))
            self.template.addItem(label, tpl.name)
            if tpl.is_checklist:
                self.checklists.add(tpl.name)
        # a checklist template is a 示范创建 assessment: say so in the kind, unless the user wrote another
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("会议名称"), self.title)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("地点"), self.venue)
        form.addRow(self.tr("会议类型"), self.kind)
        form.addRow(self.tr("评分模板"), self.template)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def _template_chosen(self, _index: int) -> None:
        presets = {self.kind.itemText(i) for i in range(self.kind.count())}
        if self.kind.currentText() in presets:
            self.kind.setCurrentIndex(2 if self.template.currentData() in self.checklists else 0)

    def accept(self) -> None:
        from fazhi_desktop import library

        def create():
            template = library.resolve_template(self.db, self.template.currentData())
            return sessions.create_session(self.db, title=self.title.text(), date=self.date.text(),
                                           venue=self.venue.text(), kind=self.kind.currentText(), template=template)
        done = operations.run(self.db, create, say=self.error.setText)
        if done.ok:
            self.created_id = int(done.value)
            super().accept()


class SessionListPanel(operations.Listener, QWidget):
    """Emits ``session_selected(id)`` (or -1 when nothing is selected)."""

    session_selected = Signal(int)

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.model = SessionsModel(db, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(SessionsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that asks every row for its text (80,000
        # data() calls and ~175 ms with 1,000 sessions) before the first paint.
        digits = self.fontMetrics().horizontalAdvance("2024-11-20") + 16
        status = self.fontMetrics().horizontalAdvance("已封盘") + 16
        header.setSectionResizeMode(SessionsModel.DATE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(SessionsModel.STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SessionsModel.DATE, digits)
        header.resizeSection(SessionsModel.STATUS, status)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._emit_current())

        title = QLabel(self.tr("评议会"))
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        self.buttons = {}
        for key, meaning, tip, slot in (
                ("new", "new", self.tr("新建评议会"), self.new_session),
                ("duplicate", "duplicate", self.tr("以选中的评议会为模板新建（单位、专家、细则、回避）"), self.duplicate_session),
                ("delete", "delete", self.tr("删除选中的评议会"), self.delete_session)):
            b = tool_button(meaning, tip, slot)
            if key == "new":  # the one a first start needs: named, not only an icon
                b.setText(self.tr("新建"))
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addWidget(b)
            self.buttons[key] = b
        self.setMinimumWidth(250)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._update_buttons()
        self._own_op = False  # this list's own write: it reloads itself, keeping the new session
        self.listen(db, None)  # every session's records: it shows them all

    def set_db(self, db) -> None:
        """After a restore the window reopens the database: the list reads the new connection."""
        self.db = db
        self.model.db = db
        self.listen(db, None)
        self.reload()

    def apply(self, change) -> None:
        """A session added, copied, deleted or imported, or a status changed, by another window."""
        if change.touches("sessions", "status"):
            self.reload()

    def _on_changes(self, change) -> None:
        if not self._own_op:
            super()._on_changes(change)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.show_pending()

    def _run(self, operation, say):
        self._own_op = True
        try:
            return operations.run(self.db, operation, say=say)
        finally:
            self._own_op = False

    # -- selection ------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.session_id(index.row()) if index.isValid() else None

    def select(self, session_id: int) -> bool:
        row = self.model.row_of(session_id)
        if row < 0:
            return False
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        self.model.reload()
        if keep is None or not self.select(keep):
            self._emit_current()

    def _emit_current(self) -> None:
        self._update_buttons()
        sid = self.current_id()
        self.session_selected.emit(sid if sid is not None else -1)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.buttons["duplicate"].setEnabled(has)
        self.buttons["delete"].setEnabled(has)

    # -- actions --------------------------------------------------------------------------
    def new_session(self) -> int | None:
        dialog = NewSessionDialog(self.db, self)
        self._own_op = True
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self._own_op = False
        if not accepted or dialog.created_id is None:
            return None
        self.reload(keep=dialog.created_id)
        return dialog.created_id

    def duplicate_session(self) -> int | None:
        from . import dialogs  # here: the window's first paint does not need it

        sid = self.current_id()
        if sid is None:
            return None
        source = sessions.get_session(self.db, sid)
        title = dialogs.ask_text(self, self.tr("以此为模板新建"), self.tr("新评议会的名称："),
                                 source.title + self.tr("（副本）"))
        if title is None:
            return None
        done = self._run(lambda: sessions.duplicate_session(self.db, session_id=sid, title=title),
                         say=lambda m: dialogs.show_error(self, m))
        if not done.ok:
            return None
        new_id = int(done.value)
        self.reload(keep=new_id)
        return new_id

    def delete_session(self) -> bool:
        from . import dialogs

        sid = self.current_id()
        if sid is None:
            return False
        s = sessions.get_session(self.db, sid)
        text = arg(self.tr("删除评议会“%1”？其单位、专家、评分和提问记录将一并删除，且不能撤销。"), s.title)
        if not dialogs.confirm(self, text, self.tr("删除评议会"), danger=True):
            return False
        if not self._run(lambda: sessions.delete_session(self.db, session_id=sid),
                         say=lambda m: dialogs.show_error(self, m)).ok:
            return False
        self.model.reload()
        self._emit_current()
        return True
