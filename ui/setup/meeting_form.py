"""Meeting data (会议信息): each field is stored when the user leaves it (through ``ui.operations``:
the hub tells every page that the session's fields changed)."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from fazhi_desktop import sessions

from .. import operations
from ..i18n import arg, label

LINE_FIELDS = ("title", "kind", "date", "venue", "organisers", "chair", "host", "secretary")
KINDS = ["普法履职报告评议", "法治政府建设述职评议", "法治建设综合评议"]


class MeetingForm(QWidget):
    changed = Signal()  # a field was stored

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in LINE_FIELDS:
            if field == "kind":
                combo = QComboBox()
                combo.setEditable(True)
                combo.addItems(KINDS)  # suggestions for a stored value: the documents print it
                edit = combo.lineEdit()
                form.addRow(label("Session", sessions.FIELD_LABELS[field]), combo)
                self.kind_combo = combo
            else:
                edit = QLineEdit()
                form.addRow(label("Session", sessions.FIELD_LABELS[field]), edit)
            edit.setObjectName(field)
            edit.editingFinished.connect(lambda f=field: self.store(f))
            self.edits[field] = edit
        self.edits["date"].setPlaceholderText("YYYY-MM-DD")
        self.edits["organisers"].setPlaceholderText(self.tr("多个单位用顿号分隔"))
        self.status = QLabel()
        form.addRow(self.tr("状态"), self.status)
        self.draw_info = QLabel()
        self.draw_info.setWordWrap(True)
        form.addRow(self.tr("出场顺序"), self.draw_info)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("会议小结（评议组组长的总结意见，写入会议纪要）"))
        self.summary.setMaximumHeight(140)
        self._summary_timer = QTimer(self, singleShot=True, interval=700)
        self._summary_timer.timeout.connect(lambda: self.store("summary"))
        self.summary.textChanged.connect(self._summary_timer.start)
        form.addRow(self.tr("会议小结"), self.summary)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        holder = QWidget()
        holder.setMaximumWidth(960)
        holder.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(holder)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.refresh()

    def value(self, field: str) -> str:
        return self.summary.toPlainText() if field == "summary" else self.edits[field].text()

    def store(self, field: str) -> bool:
        done = operations.run(self.db, lambda: sessions.update_session(self.db, session_id=self.session_id,
                                                                         **{field: self.value(field)}),
                              say=self.error.setText)
        if not done.ok:
            return False
        self.error.clear()
        if done.value:
            self._load(field)
            self.changed.emit()
        return True

    def _apply_rule(self, s: sessions.Session) -> None:
        """Meeting data only while the session is open; the chair's summary until it is sealed."""
        fixed = not s.editable("meeting")
        for edit in self.edits.values():
            edit.setReadOnly(fixed)
        self.kind_combo.setEnabled(not fixed)
        self.summary.setReadOnly(not s.editable("summary"))

    def _load(self, field: str) -> None:
        s = sessions.get_session(self.db, self.session_id)
        text = getattr(s, field) or ""
        if field == "summary":
            if self.summary.toPlainText() != text:
                self.summary.blockSignals(True)
                self.summary.setPlainText(text)
                self.summary.blockSignals(False)
        elif self.edits[field].text() != text:
            self.edits[field].setText(text)

    def refresh(self) -> None:
        s = sessions.get_session(self.db, self.session_id)
        for field in (*LINE_FIELDS, "summary"):
            self._load(field)
        self.status.setText(label("Session", sessions.STATUSES.get(s.status, s.status)))
        if s.order_mode == "drawn" and s.draw_seed:
            text = arg(self.tr("抽签决定：种子 %1，%2"), s.draw_seed, (s.draw_at or "")[:16].replace("T", " "))
            if s.draw_witness:
                text += arg(self.tr("，监督人 %1"), s.draw_witness)
        else:
            text = self.tr("按录入顺序")
        self.draw_info.setText(text)
        self.error.clear()
        self._apply_rule(s)
