"""The template editor's library bar: load a template from the library, import one from a JSON file
or (checklist) a full indicator table, export the draft as JSON, save it to the library.

The bar reads the editor's draft and hands what it loads to ``apply`` (the editor's draft decides
whether it may be replaced); what it says goes out through ``message`` (text, tone)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from fazhi_desktop import library
from fazhi_desktop.errors import UserError
from fazhi_desktop.template import Template, parse_template
from fazhi_desktop.template_draft import TemplateDraft

from .. import dialogs, operations
from ..i18n import arg
from ..icons import icon

OK, NOTE, ERROR = "ok", "note", "error"


class TemplateLibraryBar(QWidget):
    message = Signal(str, str)  # text, tone (OK, NOTE or ERROR)

    def __init__(self, db, draft: Callable[[], TemplateDraft], apply: Callable[[Template], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.draft = draft
        self.apply = apply
        self.library = QComboBox()
        self.load_button = QPushButton(icon("open"), self.tr("载入所选模板"))
        self.load_button.clicked.connect(self.load_library_choice)
        self.import_button = QPushButton(icon("import"), self.tr("从文件导入…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.table_button = QPushButton(icon("excel"), self.tr("导入指标表…"))
        self.table_button.setToolTip(self.tr("从 Excel 或 CSV 导入完整的指标体系：一级、二级、三级、评估要点、佐证要求"))
        self.table_button.clicked.connect(lambda: self.import_indicator_table())
        self.export_button = QPushButton(icon("export"), self.tr("导出为文件…"))
        self.export_button.clicked.connect(lambda: self.export_file())
        self.save_button = QPushButton(icon("save"), self.tr("另存到模板库…"))
        self.save_button.clicked.connect(lambda: self.save_to_library())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("模板库")))
        row.addWidget(self.library, 1)
        for b in (self.load_button, self.import_button, self.table_button, self.export_button, self.save_button):
            row.addWidget(b)

    def fill(self, current: str) -> None:
        """The library's templates, the session's own chosen when it came from there."""
        self.library.clear()
        for tpl, builtin in library.list_templates(self.db):
            self.library.addItem(tpl.name + ("" if builtin else self.tr("（自定义）")), tpl.name)
        found = self.library.findData(current)
        self.library.setCurrentIndex(found if found >= 0 else -1)

    def _refuse(self, exc: UserError) -> None:
        self.message.emit(str(exc), ERROR)

    def load_library_choice(self) -> bool:
        if not self.load_button.isEnabled():
            return False
        name = self.library.currentData()
        template = library.find_template(self.db, name) if name else None
        return template is not None and self.apply(template)

    def import_file(self, path: str | None = None) -> bool:
        if not self.import_button.isEnabled():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入评分模板"), "", self.tr("模板 (*.json)"))
        if not path:
            return False
        from fazhi_desktop.template import load_template_file
        try:
            template = load_template_file(path)
        except UserError as exc:
            self._refuse(exc)
            return False
        return self.apply(template)

    def import_indicator_table(self, path: str | None = None) -> bool:
        """A full indicator table (一级/二级/三级/评估要点/佐证要求) into the draft; saving stores it
        (refused once indicators are rated)."""
        if not self.table_button.isEnabled():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入指标表"), "", self.tr("表格 (*.xlsx *.csv)"))
        if not path:
            return False
        from fazhi_desktop.checklist.indicators import read_indicator_table, with_indicators

        state = self.draft().state
        try:
            table = read_indicator_table(path)
            base = parse_template({"name": state.name.strip() or self.tr("示范创建评估"), "kind": "checklist",
                                   "criteria": [{"name": "x"}], "threshold": state.threshold,
                                   "partial_weight": state.partial_weight}, source=self.tr("评分细则"))
            template = with_indicators(base, table)
        except UserError as exc:
            self._refuse(exc)
            return False
        if not self.apply(template):
            return False
        self.message.emit(arg(self.tr("已读入指标表：%1 保存后生效。"), table.summary()) + "".join(table.notes), NOTE)
        return True

    def export_file(self, path: str | None = None) -> bool:
        try:
            template = self.draft().to_template(source=self.tr("评分细则"))
        except UserError as exc:
            self._refuse(exc)
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出评分模板"), f"{template.name}.json",
                                                  self.tr("模板 (*.json)"))
        if not path:
            return False
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(template.to_json())
        except OSError as exc:
            self._refuse(UserError(arg(self.tr("无法写入 %1：%2"), path, exc.strerror or str(exc))))
            return False
        self.message.emit(arg(self.tr("已导出到 %1"), path), OK)
        return True

    def save_to_library(self, name: str | None = None) -> bool:
        draft = self.draft()
        if name is None:
            name = dialogs.ask_text(self, self.tr("另存到模板库"), self.tr("模板名称："),
                                    draft.state.name + self.tr("（修订）"))
        if not name:
            return False
        source = self.tr("评分细则")
        if not operations.run(self.db, lambda: library.save_template(self.db, template=draft.to_template(source=source, name=name)),
                              say=lambda text: self.message.emit(text, ERROR)).ok:
            return False
        self.fill(name)
        self.message.emit(arg(self.tr("已存入模板库：%1"), name), OK)
        return True
