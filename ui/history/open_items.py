"""A unit's open rectification items from earlier sessions, for the live console: when the unit
steps up, the chair sees what it was told to fix before and can ask about it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fazhi_desktop import ledger

from ..i18n import arg, label


class OpenItemsPanel(QWidget):
    """``count()`` is the number shown on the agenda; the list shows each item on demand."""

    def __init__(self, db, session_id: int, unit_id: int | None, parent: QWidget | None = None, *, today=None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.unit_id = unit_id
        self.today = today
        self.items: list[dict] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.refresh()

    def set_unit(self, unit_id: int | None) -> None:
        self.unit_id = unit_id
        self.refresh()

    def count(self) -> int:
        return len(self.items)

    def refresh(self) -> None:
        self.list.clear()
        self.items = []
        name = None
        if self.unit_id is not None:
            from fazhi_desktop.roster import list_units

            name = next((u.name for u in list_units(self.db, self.session_id) if u.id == self.unit_id), None)
        if name:
            self.items = ledger.open_items_for_unit(self.db, name, self.session_id, today=self.today)
        if not name:
            self.title.setText(self.tr("往次整改事项"))
        elif not self.items:
            self.title.setText(arg(self.tr("%1：往次评议没有未完成的整改事项"), name))
        else:
            self.title.setText(arg(self.tr("%1：往次未完成的整改事项 %2 项"), name, len(self.items)))
        for item in self.items:
            status = item["shown_status"]
            meeting = item["session_title"] or self.tr("手工添加")
            source = f"{(item['session_date'] or '')[:4]} {meeting}".strip()
            text = f"【{label('LedgerStatus', ledger.status_label(status))}】{item['problem']}"
            if item["measure"]:
                text += "\n" + self.tr("整改要求：") + item["measure"]
            text += "\n" + self.tr("来源：") + source
            if item["deadline"]:
                text += " · " + self.tr("时限") + " " + item["deadline"]
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item["id"])
            if status == ledger.OVERDUE:
                row.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(row)
