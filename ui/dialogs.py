"""Small modal questions and messages, in one place so that tests can answer them
(monkeypatch these functions) and every refusal is shown the same way."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from fazhi_desktop.errors import UserError
from .i18n import translate




def show_error(parent: QWidget | None, error: UserError | str, title: str = "") -> None:
    """A refused action: the message and every reason, in Chinese."""
    if isinstance(error, UserError):
        text, details = error.message, "\n".join(error.problems)
    else:
        text, details = str(error), ""
    box = QMessageBox(QMessageBox.Icon.Warning, title or translate("dialogs", "未能完成"), text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = "") -> None:
    QMessageBox(QMessageBox.Icon.Information, title or translate("dialogs", "提示"), text, QMessageBox.StandardButton.Ok, parent).exec()


def confirm(parent: QWidget | None, text: str, title: str = "", *, danger: bool = False) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question, title or translate("dialogs", "请确认"),
                      text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No if danger else QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def run_dialog(dialog: QDialog) -> bool:
    """Run a modal dialog; True when accepted. Tests replace this to fill in and accept the dialog."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def save_discard_stay(parent: QWidget | None, text: str) -> str:
    """Unsaved edits: "save", "discard" or "stay" (also for Esc or closing the box)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("dialogs", "未保存的修改"), text, QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(translate("dialogs", "保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("dialogs", "放弃修改"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(translate("dialogs", "留在此处"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(stay)
    box.exec()
    return {save: "save", discard: "discard"}.get(box.clickedButton(), "stay")


def choose(parent: QWidget | None, title: str, text: str, options: list[tuple[str, str]]) -> str | None:
    """One of several ways on: ``options`` are (key, button text), the first the default; None on Esc."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in options}
    cancel = box.addButton(translate("dialogs", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())
