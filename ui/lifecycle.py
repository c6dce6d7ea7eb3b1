"""The session's life in the window: where it stands (筹备中 → 进行中 → 已结束 → 已封盘) and the
next step, with the dialogs that end, seal and reopen it.

The rules are the core's (:mod:`fazhi_desktop.lifecycle`, :mod:`fazhi_desktop.seal`); this module
asks the chair and shows what the core answers. The main window's 会议 menu, this bar and the
history window all end up in the same functions (``finish``, ``seal``, ``reopen``); each step runs
through ``ui.operations.run``, so its change record (status …) reaches every page once, whichever
window asked.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton,
                               QVBoxLayout, QWidget)

from fazhi_desktop.sessions import STATUSES, get_session, is_checklist

from . import operations
from .widgets import ElidedLabel, error_label
from .i18n import arg, label, translate

STEPS = ("draft", "live", "finished", "sealed")
ACTION_KEYS = ("meeting.begin", "meeting.finish", "meeting.seal", "meeting.reopen", "meeting.revise")
# what the chair can do next from each status (the 会议 menu enables these; the bar shows them)
NEXT_STEPS = {"draft": ("meeting.begin", "meeting.finish"), "live": ("meeting.finish",),
              "finished": ("meeting.seal", "meeting.reopen"), "sealed": ("meeting.revise",)}




class _StepDialog(QDialog):
    """A dialog that runs one service call when the chair confirms it: the error line and the
    OK/Cancel row (OK renamed for the step); a refusal stays in the dialog, in Chinese. The call
    (``perform``, returning what the service returned) runs as an operation: its record goes to the hub."""

    def _finish_layout(self, layout: QVBoxLayout, ok_text: str, *, enabled: bool) -> None:
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setEnabled(enabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def perform(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        if operations.run(self.db, self.perform, say=self.error.setText).ok:
            super().accept()


class FinishDialog(_StepDialog):
    """结束评议会: what is still missing, and either refuse or end with a recorded reason."""

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.session_id = db, session_id
        from PySide6.QtWidgets import QCheckBox, QListWidget  # the dialogs' own widgets: not before first paint

        from fazhi_desktop.lifecycle import finish_check  # the double-entry and import stacks: not before first paint

        self.check = finish_check(db, session_id)
        s = get_session(db, session_id)
        self.setWindowTitle(self.tr("结束评议会"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        head = QLabel()
        head.setWordWrap(True)
        layout.addWidget(head)
        self.gaps = QListWidget()
        self.override = QCheckBox(self.tr("仍然结束（原因与上列缺项记入审计日志）"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("原因，例如：黄振专家因公提前离会，经评议组同意"))
        checklist = is_checklist(db, session_id)
        if checklist:
            self.reason.setPlaceholderText(self.tr("原因，例如：开州区撤回申报，经评估组同意"))
        if checklist and not self.check.incomplete:
            head.setText(arg(self.tr("“%1”的指标评定已全部完成。结束后，指标评定、创建进程和会议信息只读"
                                 "（会议小结仍可填写），之后可以封盘。"), s.title))
        elif checklist:
            head.setText(arg(self.tr("“%1”还有 %2 个参评单位的指标未评定完，暂不能结束。请先补齐评定；确需结束的，"
                                 "勾选下面一项并写明原因。"), s.title, str(len(self.check.incomplete))))
            self.gaps.addItems([g.text() for g in self.check.incomplete])
            layout.addWidget(self.gaps, 1)
            layout.addWidget(self.override)
            layout.addWidget(self.reason)
        elif self.check.incomplete:
            head.setText(arg(self.tr("“%1”还有 %2 份评分未完成，暂不能结束。请先补齐评分；确需结束的，勾选下面一项并写明原因。"),
                             s.title, str(len(self.check.incomplete))))
            self.gaps.addItems([g.text() for g in self.check.incomplete])
            layout.addWidget(self.gaps, 1)
            layout.addWidget(self.override)
            layout.addWidget(self.reason)
        else:
            head.setText(arg(self.tr("“%1”的评分已全部完成。结束后，评分、提问和会议信息只读（会议小结仍可填写），"
                                 "之后可以封盘。"), s.title))
        if self.check.unsubmitted:
            note = QLabel(arg(self.tr("已评完但未提交的 %1 份评分将在结束时一并提交（锁定）。"), str(len(self.check.unsubmitted))))
            note.setWordWrap(True)
            layout.addWidget(note)
        self._finish_layout(layout, self.tr("结束评议会"), enabled=True)
        self.override.toggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        allowed = not self.check.incomplete or (self.override.isChecked() and bool(self.reason.text().strip()))
        self.ok_button.setEnabled(allowed)
        self.reason.setEnabled(self.override.isChecked())

    def perform(self) -> object:
        reason = self.reason.text() if self.override.isChecked() else ""
        from fazhi_desktop.lifecycle import finish_session

        return finish_session(self.db, session_id=self.session_id, override_reason=reason)


class SealDialog(_StepDialog):
    """封盘: the fingerprint the documents will carry, and an explicit confirmation."""

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.session_id = db, session_id
        self.fingerprint: str | None = None
        from fazhi_desktop.export.fingerprint import short_fingerprint  # the export stack loads on first use

        from PySide6.QtWidgets import QCheckBox

        from fazhi_desktop import seal as seal_core  # with the audit chain: for these dialogs only

        s = get_session(db, session_id)
        digest = seal_core.fingerprint(db, session_id)
        self.setWindowTitle(self.tr("封盘"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        what = self.tr("指标评定、创建进程和会议信息") if is_checklist(db, session_id) else self.tr("评分、提问和会议信息")
        text = QLabel(arg(self.tr("封盘后，“%1”的%2都不能再直接修改；确需更正时须填写原因，"
                              "留下记录，指纹随之改变。会议材料每一页都印有下面的指纹："), s.title, what))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.short = QLabel(short_fingerprint(digest))
        font = QFont(self.short.font())
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        font.setPixelSize(28)
        font.setBold(True)
        self.short.setFont(font)
        self.short.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.short)
        full = QLabel(digest)
        full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        full.setAlignment(Qt.AlignmentFlag.AlignCenter)
        full.setStyleSheet("color: #607d8b;")
        layout.addWidget(full)
        self.confirm = QCheckBox(self.tr("已核对评议结果和会议材料，确认封盘"))
        layout.addWidget(self.confirm)
        self._finish_layout(layout, self.tr("封盘"), enabled=False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)

    def perform(self) -> object:
        from fazhi_desktop import seal as seal_core

        self.fingerprint = seal_core.seal(self.db, session_id=self.session_id, confirmed=self.confirm.isChecked())
        return self.fingerprint


class ReopenDialog(_StepDialog):
    """重新打开: back to 进行中, with a reason that goes to the audit log."""

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.session_id = db, session_id
        s = get_session(db, session_id)
        self.setWindowTitle(self.tr("重新打开评议会"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        text = QLabel(arg(self.tr("重新打开后，“%1”回到“进行中”，可以补录或修改评分、提问；之后须再次结束。"
                              "原因记入审计日志："), s.title))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("例如：补录陈敏专家的纸质评分表"))
        layout.addWidget(self.reason)
        self._finish_layout(layout, self.tr("重新打开"), enabled=False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))

    def perform(self) -> object:
        from fazhi_desktop import seal as seal_core

        return seal_core.reopen_session(self.db, session_id=self.session_id, reason=self.reason.text())


def finish(parent: QWidget | None, db, session_id: int) -> bool:
    from . import dialogs  # here: the window's first paint does not need it

    return dialogs.run_dialog(FinishDialog(db, session_id, parent))


def seal(parent: QWidget | None, db, session_id: int) -> str | None:
    from . import dialogs

    dialog = SealDialog(db, session_id, parent)
    return dialog.fingerprint if dialogs.run_dialog(dialog) else None


def reopen(parent: QWidget | None, db, session_id: int) -> bool:
    from . import dialogs

    return dialogs.run_dialog(ReopenDialog(db, session_id, parent))


class LifecycleBar(QFrame):
    """The four steps with the current one marked, and the buttons for the next step."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lifecycle")
        self.setStyleSheet("#lifecycle { background: #f5f7f8; border-bottom: 1px solid #cfd8dc; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        self.steps: dict[str, QLabel] = {}
        for i, status in enumerate(STEPS):
            if i:
                arrow = QLabel("→")
                arrow.setStyleSheet("color: #90a4ae;")
                row.addWidget(arrow)
            step = QLabel(label("Session", STATUSES[status]))
            self.steps[status] = step
            row.addWidget(step)
        self.hint = ElidedLabel()  # the next step's hint; a long translation ends in … (whole in the tooltip)
        self.hint.setStyleSheet("color: #607d8b;")
        row.addSpacing(12)
        row.addWidget(self.hint, 1)
        self.buttons: dict[str, QToolButton] = {}
        for key in ACTION_KEYS:
            b = QToolButton()
            b.setDefaultAction(actions[key])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.buttons[key] = b
            row.addWidget(b)
        self.status = ""

    def show_status(self, status: str, checklist: bool = False) -> None:
        """``checklist``: a 示范创建 assessment, rated indicator by indicator (other hints)."""
        self.status = status
        for s, step_label in self.steps.items():
            here = s == status
            passed = STEPS.index(s) < STEPS.index(status)
            step_label.setStyleSheet("font-weight: bold; color: white; background: #b71c1c; border-radius: 3px;"
                                " padding: 1px 6px;" if here else
                                ("color: #37474f; padding: 1px 6px;" if passed else "color: #90a4ae; padding: 1px 6px;"))
        hints = {"draft": translate("lifecycle", "筹备就绪后，在“现场评议”开始第一个单位。"),
                 "live": translate("lifecycle", "全部单位评议完毕后，结束评议会。"),
                 "finished": translate("lifecycle", "评分、提问和会议信息只读；核对无误后封盘，需修改时重新打开。"),
                 "sealed": translate("lifecycle", "已定稿；更正须填写原因并留痕。")}
        if checklist:
            hints.update({"draft": translate("lifecycle", "导入指标表、录入参评单位后，在“指标评定”逐项评定。"),
                          "live": translate("lifecycle", "全部单位的指标评定完毕、创建进程记录后，结束评估。"),
                          "finished": translate("lifecycle", "指标评定和创建进程只读；核对无误后封盘，需修改时重新打开。")})
        self.hint.setText(hints.get(status, ""))
        for key, b in self.buttons.items():
            b.setVisible(key in NEXT_STEPS.get(status, ()))


def enable_actions(actions: dict[str, QAction], status: str | None) -> None:
    """Enable the 会议 actions that fit the status (the menu and the bar share the QActions)."""
    on = NEXT_STEPS.get(status or "", ())
    for key, action in actions.items():
        if key.startswith("meeting."):
            action.setEnabled(key in on)
