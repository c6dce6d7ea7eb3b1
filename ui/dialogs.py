"""Small modal questions and messages, in one place so that tests can answer them
(monkeypatch these functions) and every refusal is shown the same way."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from fazhi_desktop.errors import UserError


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_error(parent: QWidget | None, error: UserError | str, title: str = "") -> None:
    """A refused action: the message and every reason, in Chinese."""
    if isinstance(error, UserError):
        text, details = error.message, "\n".join(error.problems)
    else:
        text, details = str(error), ""
    box = QMessageBox(QMessageBox.Icon.Warning, title or _tr("未能完成"), text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str = "") -> None:
    QMessageBox.information(parent, title or _tr("提示"), text)


def confirm(parent: QWidget | None, text: str, title: str = "", *, danger: bool = False) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question, title or _tr("请确认"),
                      text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No if danger else QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None
