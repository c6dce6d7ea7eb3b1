"""The chair's prompts (spread, outlier expert, missing score). Shown on the chair's laptop only."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout,
                               QWidget)

from fazhi_desktop.anomalies import find_anomalies
from fazhi_desktop.errors import UserError

from ..i18n import arg, label
from ..icons import icon

DEFAULT_SPREAD = 10.0


class AnomalyPanel(QGroupBox):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("主持人提示（不上投屏）"))
        self.db = db
        self.session_id = session_id
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(1, 100)
        self.threshold.setDecimals(1)
        self.threshold.setSingleStep(1)
        self.threshold.setValue(DEFAULT_SPREAD)
        self.threshold.setSuffix(self.tr(" 分"))
        self.threshold.setMaximumWidth(120)
        self.threshold.valueChanged.connect(self.refresh)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("分差阈值"), self.threshold)
        self.threshold.setToolTip(self.tr("同一单位专家总分（按百分制）相差超过此值时提示"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list)
        self.anomalies = []

    def refresh(self) -> None:
        self.list.clear()
        try:
            self.anomalies = find_anomalies(self.db, self.session_id, spread_threshold=self.threshold.value())
        except UserError as exc:  # the session was deleted while a refresh was pending
            self.anomalies = []
            self.list.addItem(str(exc))
            return
        for a in self.anomalies:
            message = arg(label("anomalies", a.text), *a.args)
            item = QListWidgetItem(icon("warning", "#e65100"), f"【{label('anomalies', a.label)}】{message}")
            item.setData(Qt.ItemDataRole.UserRole, a.unit)
            item.setToolTip(message)
            self.list.addItem(item)
        if not self.anomalies:
            item = QListWidgetItem(icon("ok", "#2e7d32"), self.tr("暂无需要注意的评分。"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
