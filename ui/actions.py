"""One registry of actions: key → menu text, shortcut, icon, where it lives.

Windows create QActions from this table with :class:`ActionRegistry` and connect handlers by
key, so the shortcuts are declared once and the help dialog lists exactly what exists.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction

from .i18n import label
from .icons import icon


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str  # marked QT_TRANSLATE_NOOP("actions", …), shown with label("actions", text)
    shortcut: str = ""
    icon: str = ""
    group: str = "file"  # file | edit | session | live | view | help
    tip: str = ""


SPECS: list[ActionSpec] = [
    # file / sessions
    ActionSpec("session.new", QT_TRANSLATE_NOOP("actions", "新建评议会…"), "Ctrl+N", "new", "file"),
    ActionSpec("session.duplicate", QT_TRANSLATE_NOOP("actions", "以此为模板新建…"), "", "duplicate", "file"),
    ActionSpec("session.delete", QT_TRANSLATE_NOOP("actions", "删除评议会…"), "", "delete", "file"),
    ActionSpec("session.export", QT_TRANSLATE_NOOP("actions", "导出会议材料…"), "Ctrl+E", "export", "file"),
    ActionSpec("app.quit", QT_TRANSLATE_NOOP("actions", "退出"), "Ctrl+Shift+Q", "", "file"),
    # edit
    ActionSpec("edit.undo", QT_TRANSLATE_NOOP("actions", "撤销"), "Ctrl+Z", "undo", "edit"),
    ActionSpec("edit.redo", QT_TRANSLATE_NOOP("actions", "重做"), "Ctrl+Shift+Z", "redo", "edit"),
    # live console
    ActionSpec("live.start_pause", QT_TRANSLATE_NOOP("actions", "开始/暂停计时"), "Space", "start", "live"),
    ActionSpec("live.end_phase", QT_TRANSLATE_NOOP("actions", "结束当前环节"), "N", "end", "live"),
    ActionSpec("live.next_unit", QT_TRANSLATE_NOOP("actions", "下一个单位"), "Ctrl+Right", "next", "live"),
    ActionSpec("live.previous_unit", QT_TRANSLATE_NOOP("actions", "上一个单位"), "Ctrl+Left", "previous", "live"),
    ActionSpec("live.add_minute", QT_TRANSLATE_NOOP("actions", "加时一分钟"), "Ctrl+M", "minute", "live"),
    ActionSpec("live.focus_question", QT_TRANSLATE_NOOP("actions", "记录提问"), "Ctrl+Q", "question", "live"),
    ActionSpec("live.projector", QT_TRANSLATE_NOOP("actions", "投屏窗口 开/关"), "F5", "projector", "live"),
    ActionSpec("live.mark_absent", QT_TRANSLATE_NOOP("actions", "标记缺席"), "", "absent", "live"),
    ActionSpec("live.back_phase", QT_TRANSLATE_NOOP("actions", "返回上一环节"), "Shift+N", "previous", "live"),
    # the session's life (menu 会议 and the bar above the pages)
    ActionSpec("meeting.begin", QT_TRANSLATE_NOOP("actions", "开始现场评议"), "", "start", "session"),
    ActionSpec("meeting.finish", QT_TRANSLATE_NOOP("actions", "结束评议会…"), "", "end", "session"),
    ActionSpec("meeting.seal", QT_TRANSLATE_NOOP("actions", "封盘…"), "", "submit", "session"),
    ActionSpec("meeting.reopen", QT_TRANSLATE_NOOP("actions", "重新打开…"), "", "unlock", "session"),
    ActionSpec("meeting.revise", QT_TRANSLATE_NOOP("actions", "封盘后更正…"), "", "scores", "session"),
    # history
    ActionSpec("history.open", QT_TRANSLATE_NOOP("actions", "历史与整改台账…"), "Ctrl+H", "audit", "file"),
    ActionSpec("db.backups", QT_TRANSLATE_NOOP("actions", "备份与恢复…"), "", "save", "file"),
    ActionSpec("db.verify", QT_TRANSLATE_NOOP("actions", "校验审计链…"), "", "submit", "file",
               QT_TRANSLATE_NOOP("actions", "核对每场评议会的审计链、封盘签名与数据是否一致（命令行：verify）")),
    # help
    ActionSpec("help.shortcuts", QT_TRANSLATE_NOOP("actions", "快捷键一览"), "F1", "help", "help"),
]
BY_KEY = {spec.key: spec for spec in SPECS}


class ActionRegistry(QObject):
    """The QActions of one window, made from SPECS. With ``shortcuts=False`` the keys are bound
    later, by :meth:`set_shortcuts` (the main window's start does it after its first paint: the
    first QKeySequence costs ~16 ms); with ``icons=False`` the icons are set by :meth:`set_icons`
    (six files read per icon: a closed menu shows none of them)."""

    def __init__(self, parent: QObject, keys: list[str] | None = None, *, shortcuts: bool = True,
                 icons: bool = True):
        super().__init__(parent)
        self.actions: dict[str, QAction] = {}
        self.has_icons = icons
        for spec in SPECS:
            if keys is not None and spec.key not in keys:
                continue
            action = QAction(label("actions", spec.text), parent)
            if spec.shortcut and shortcuts:
                action.setShortcut(_key_sequence(spec.shortcut))
            if spec.icon and icons:
                action.setIcon(icon(spec.icon))
            if spec.tip:
                action.setStatusTip(label("actions", spec.tip))
            action.setObjectName(spec.key)
            self.actions[spec.key] = action

    def set_shortcuts(self) -> None:
        for key, action in self.actions.items():
            if BY_KEY[key].shortcut:
                action.setShortcut(_key_sequence(BY_KEY[key].shortcut))

    def set_icons(self) -> None:
        """The icons left out by ``icons=False`` (a no-op once they are set)."""
        if not self.has_icons:
            self.has_icons = True
            for key, action in self.actions.items():
                if BY_KEY[key].icon:
                    action.setIcon(icon(BY_KEY[key].icon))

    def __getitem__(self, key: str) -> QAction:
        return self.actions[key]

    def connect(self, key: str, handler: Callable[[], object]) -> QAction:
        action = self.actions[key]
        action.triggered.connect(lambda _checked=False: handler())
        return action

    def in_group(self, group: str) -> list[QAction]:
        return [self.actions[s.key] for s in SPECS if s.group == group and s.key in self.actions]


def _key_sequence(text: str):
    from PySide6.QtGui import QKeySequence  # on first use (see ActionRegistry)

    return QKeySequence(text)


def shortcut_table() -> list[tuple[str, str]]:
    """(text, shortcut) for the help dialog, in registry order."""
    from PySide6.QtGui import QKeySequence

    return [(label("actions", s.text), QKeySequence(s.shortcut).toString(QKeySequence.SequenceFormat.NativeText))
            for s in SPECS if s.shortcut]
