"""Order draw (抽签): a seed shown in large digits, the order it gives, an optional witness.
The same seed always gives the same order (fazhi_desktop.roster.drawn_order), so anyone can
check the draw afterwards from the seed written in the minutes."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QVBoxLayout, QWidget)

from fazhi_desktop import roster

from .. import operations
from ..widgets import error_label, ok_cancel


class DrawDialog(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.result_info: dict | None = None
        self.setWindowTitle(self.tr("抽签决定出场顺序"))
        self.names = [u.name for u in roster.list_units(db, session_id)]
        self.seed = QLineEdit(roster.new_seed())
        self.seed.setStyleSheet("font-size: 22px; font-weight: bold; letter-spacing: 3px;")
        self.seed.textChanged.connect(self._preview)
        again = QPushButton(self.tr("重新生成"))
        again.clicked.connect(lambda: self.seed.setText(roster.new_seed()))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(again)
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("可选：现场监督人姓名"))
        self.preview = QListWidget()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("随机种子"), seed_row)
        form.addRow(self.tr("监督人"), self.witness)
        hint = QLabel(self.tr("同一种子总是得到同一顺序：单位名称排序后按种子打乱。确定后种子、时间和监督人记入会议纪要。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("按此顺序确定"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("抽签结果（预览）：")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 520)
        self._preview()

    def _preview(self) -> None:
        self.preview.clear()
        seed = self.seed.text().strip()
        if not seed:
            return
        for i, name in enumerate(roster.drawn_order(self.names, seed), start=1):
            self.preview.addItem(f"{i:>2}. {name}")

    def accept(self) -> None:
        done = operations.run(self.db, lambda: roster.draw_order(self.db, session_id=self.session_id, seed=self.seed.text(),
                                                                 witness=self.witness.text()),
                              say=self.error.setText)  # the new order reaches every page through the hub
        if not done.ok:
            return
        self.result_info = done.value
        super().accept()
