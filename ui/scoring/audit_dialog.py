"""The audit log (append-only): every change after submission and every replacement by an import."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from fazhi_desktop import roster, scoring
from fazhi_desktop.labels import action_label

from ..i18n import label


COLUMNS = [("at", QT_TRANSLATE_NOOP("AuditLog", "时间")),
           ("operator", QT_TRANSLATE_NOOP("AuditLog", "操作人")),
           ("action", QT_TRANSLATE_NOOP("AuditLog", "操作")),
           ("expert", QT_TRANSLATE_NOOP("AuditLog", "专家")),
           ("unit", QT_TRANSLATE_NOOP("AuditLog", "单位")),
           ("criterion", QT_TRANSLATE_NOOP("AuditLog", "指标/项目")),
           ("before", QT_TRANSLATE_NOOP("AuditLog", "修改前")),
           ("after", QT_TRANSLATE_NOOP("AuditLog", "修改后")),
           ("reason", QT_TRANSLATE_NOOP("AuditLog", "原因"))]


class AuditModel(QAbstractTableModel):
    def __init__(self, db, session_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.expert: str | None = None
        self.unit: str | None = None
        self.rows: list[dict] = []
        self.reload()

    def set_filter(self, *, expert: str | None, unit: str | None) -> None:
        self.expert, self.unit = expert or None, unit or None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = scoring.audit_log(self.db, self.session_id, expert=self.expert, unit=self.unit)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return label("AuditLog", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = COLUMNS[index.column()][0]
        value = self.rows[index.row()].get(key)
        if key == "at" and value and role == Qt.ItemDataRole.DisplayRole:
            return value.replace("T", " ")[:19]
        if key == "action":  # stored as a code (or, before v9, as words): its label in the UI's language
            return action_label(self.rows[index.row()].get("stored"), label)
        return "" if value is None else str(value)


class AuditDialog(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None = None, *, expert: str | None = None,
                 unit: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("评分审计日志"))
        self.model = AuditModel(db, session_id, self)
        self.expert_box = QComboBox(self)
        self.unit_box = QComboBox(self)
        self.expert_box.addItem(self.tr("全部专家"), "")
        for e in roster.list_experts(db, session_id):
            self.expert_box.addItem(e.name, e.name)
        self.unit_box.addItem(self.tr("全部单位"), "")
        for u in roster.list_units(db, session_id):
            self.unit_box.addItem(u.name, u.name)
        if expert:
            self.expert_box.setCurrentIndex(max(0, self.expert_box.findData(expert)))
        if unit:
            self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(unit)))
        self.expert_box.currentIndexChanged.connect(self.apply_filter)
        self.unit_box.currentIndexChanged.connect(self.apply_filter)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("专家"), self))
        filters.addWidget(self.expert_box)
        filters.addWidget(QLabel(self.tr("单位"), self))
        filters.addWidget(self.unit_box)
        filters.addStretch(1)
        filters.addWidget(self.count)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addWidget(QLabel(self.tr("审计日志只能追加，不能修改或删除。"), self))
        layout.addWidget(buttons)
        self.resize(980, 520)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(expert=self.expert_box.currentData(), unit=self.unit_box.currentData())
        self.count.setText(self.tr("共 {0} 条").format(len(self.model.rows)))
