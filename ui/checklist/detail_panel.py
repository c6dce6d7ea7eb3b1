"""The side panel of the rating grid: the current indicator with its 评估要点 and 佐证要求, the
rating buttons (the same keys as the grid), the note, the evidence in words and the evidence
files. It only shows and asks: every change goes through the page, which calls the services."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from fazhi_desktop.checklist import RATINGS
from fazhi_desktop.checklist.ratings import KEYS

from ..icons import icon
from ..i18n import arg, label, translate




class DetailPanel(QWidget):
    """The current cell: the indicator with its 评估要点 and 佐证要求, rating buttons, the note, the
    evidence in words and the evidence files."""

    def __init__(self, page) -> None:  # the RatingPage (not imported: it imports this module)
        super().__init__(page)
        self.page = page
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setStyleSheet("font-weight: bold;")
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #546e7a;")
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()  # two rows: all five stay readable in a 280 px column at 1366 × 768
        row.setSpacing(4)
        for i, (key, code) in enumerate(KEYS.items()):
            b = QPushButton(f"{key}  {label('Checklist', RATINGS[code])}")
            b.setToolTip(arg(translate("RatingPage", "快捷键 %1"), key))
            b.clicked.connect(lambda _c=False, k=key: page.rate_selection(k))
            self.buttons[code] = b
            row.addWidget(b, i // 3, i % 3)
        clear = QPushButton(translate("RatingPage", "Del  清除"))
        clear.setToolTip(translate("RatingPage", "快捷键 Delete"))
        clear.clicked.connect(lambda: page.rate_selection(""))
        self.buttons["clear"] = clear
        row.addWidget(clear, 1, 1)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(translate("RatingPage", "说明：未达标或部分达标的原因、核查发现"))
        self.note.setMaximumHeight(90)
        self.evidence_text = QLineEdit()
        self.evidence_text.setPlaceholderText(translate("RatingPage", "佐证材料（文字），如：《权责清单》；工作台账"))
        self.save_note = QPushButton(icon("save"), translate("RatingPage", "保存说明"))
        self.save_note.clicked.connect(lambda: page.save_note())
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        self.files.itemDoubleClicked.connect(lambda item: page.open_evidence(item.data(Qt.ItemDataRole.UserRole)))
        self.add_file = QPushButton(icon("add"), translate("RatingPage", "添加佐证文件…"))
        self.add_file.clicked.connect(lambda: page.add_evidence_file())
        self.remove_file = QPushButton(icon("remove"), translate("RatingPage", "删除所选文件"))
        self.remove_file.clicked.connect(lambda: page.remove_evidence_file())
        files_bar = QHBoxLayout()
        files_bar.addWidget(self.add_file)
        files_bar.addWidget(self.remove_file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.where)
        layout.addWidget(self.about)
        layout.addLayout(row)
        form = QFormLayout()
        form.addRow(translate("RatingPage", "说明"), self.note)
        form.addRow(translate("RatingPage", "佐证"), self.evidence_text)
        layout.addLayout(form)
        layout.addWidget(self.save_note, 0, Qt.AlignmentFlag.AlignRight)
        files_label = QLabel(translate("RatingPage", "佐证文件（复制到数据库旁的 -evidence 文件夹，双击打开）"))
        files_label.setWordWrap(True)
        layout.addWidget(files_label)
        layout.addWidget(self.files)
        layout.addLayout(files_bar)
        layout.addStretch(1)

    def set_enabled(self, rateable: bool, editable: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(rateable and editable)
        for w in (self.note, self.evidence_text, self.save_note, self.add_file, self.remove_file):
            w.setEnabled(rateable and editable)
