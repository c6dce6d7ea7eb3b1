"""会前筹备: the setup of one session, as sub-tabs. Finished and sealed sessions open read-only.

Every write of these tabs (meeting fields, units, experts, recusals, the draw, the template) runs
through ``ui.operations.run``: the service's change record reaches the other pages (the console,
评分录入, 评议结果) once, through the hub; this page builds none itself."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from fazhi_desktop import sessions

from ..icons import icon
from ..models.recusal_model import RecusalModel
from .draw_dialog import DrawDialog
from .meeting_form import MeetingForm
from .roster_panel import ExpertsPanel, UnitsPanel
from .template_editor import TemplateEditor
from ..i18n import arg, label


class RecusalPanel(QWidget):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RecusalModel(db, session_id, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setDefaultSectionSize(92)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.model.refused.connect(lambda exc: self.message.setText(str(exc)))
        hint = QLabel(self.tr("勾选表示该专家与该单位有利害关系，须回避：不为该单位评分，其评分不计入该单位结果。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.model.reload()
        self.message.clear()


class SetupView(QWidget):
    session_changed = Signal()  # title, date or status changed: the session list should reload

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.meeting = MeetingForm(db, session_id)
        self.units = UnitsPanel(db, session_id)
        self.experts = ExpertsPanel(db, session_id)
        self.template = TemplateEditor(db, session_id)
        self.recusals = RecusalPanel(db, session_id)
        self.checklist = sessions.is_checklist(db, session_id)  # a 示范创建 assessment: no recusals, no draw
        self.tabs = QTabWidget()
        self.tabs.addTab(self.meeting, icon("meeting"), self.tr("会议信息"))
        self.tabs.addTab(self.units, icon("units"), self.tr("参评单位"))
        self.tabs.addTab(self.experts, icon("experts"), self.tr("评估组") if self.checklist else self.tr("评议专家"))
        self.tabs.addTab(self.template, icon("template"),
                         self.tr("评估指标与门槛") if self.checklist else self.tr("评分细则与计时"))
        if not self.checklist:
            self.tabs.addTab(self.recusals, icon("recusal"), self.tr("回避"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; color: #6d4c41; padding: 6px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self.meeting.changed.connect(self.session_changed.emit)
        self.template.saved.connect(self.session_changed.emit)  # a change of kind changes the pages
        self.units.draw_requested.connect(self.draw)
        self.units.changed.connect(self._roster_changed)
        self.experts.changed.connect(self._roster_changed)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.refresh()

    def _roster_changed(self) -> None:
        self.recusals.refresh()
        self.session_changed.emit()

    def draw(self) -> bool:
        dialog = DrawDialog(self.db, self.session_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.units.model.reload()
        self.meeting.refresh()
        info = dialog.result_info or {}
        self.units.show_note(arg(self.tr("已按抽签结果排序（种子 %1）。"), str(info.get("seed", ""))))
        return True

    def _refresh_current(self) -> None:
        w = self.tabs.currentWidget()
        if w is self.recusals:
            self.recusals.refresh()
        elif w is self.units:
            self.units.model.reload()

    def refresh(self) -> None:
        s = sessions.get_session(self.db, self.session_id)
        self.meeting.refresh()
        self.units.model.reload()
        self.experts.model.reload()
        if not self.template.dirty:
            self.template.refresh()
        self.recusals.refresh()
        self.units.set_read_only(not s.editable("roster"))
        self.experts.set_read_only(not s.editable("roster"))
        self.recusals.model.read_only = not s.editable("recusals")
        self.units.tools["draw"].setEnabled(s.editable("draw"))
        self.units.tools["draw"].setVisible(not self.checklist)
        if s.status == "sealed":
            self.banner.setText(self.tr("本场评议会已封盘，所有内容只读。") + label("Session", sessions.REVISE_HINT))
        elif s.status == "finished":
            self.banner.setText(self.tr("本场评议会已结束，筹备信息只读（会议小结仍可填写）。") + label("Session", sessions.REOPEN_HINT))
        elif s.status == "live":
            self.banner.setText(self.tr("本场评估正在进行：修改参评单位或评估指标会影响评定，请谨慎。") if self.checklist else
                                self.tr("本场评议会正在进行：修改单位或专家会影响现场评议，请谨慎。"))
        self.banner.setVisible(s.status != "draft")

    def leave(self) -> bool:
        """Unsaved template edits: save, discard or stay (see TemplateEditor.leave)."""
        return self.template.leave(self)
