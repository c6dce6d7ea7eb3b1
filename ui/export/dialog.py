"""The export dialog: what to export (the documents after the meeting, the papers to print before
it) and where, a progress bar, cancel, and a print action; the export itself runs in a worker
thread so the window never freezes. The folder, the choice and the expert-names setting are
remembered (QSettings: UI state only)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QThread, QTime, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMenu, QProgressBar, QPushButton, QTimeEdit,
                               QVBoxLayout, QWidget)

from fazhi_desktop.db import database_file
from fazhi_desktop.export import (ALL_KINDS, FEEDBACK_FOLDER, FILE_NAMES, KIND_LABELS, pdf_fonts,
                                  session_fingerprint, short_fingerprint)
from fazhi_desktop.export.naming import safe_name
from fazhi_desktop.export.checklist_run import CHECKLIST_FILES, CHECKLIST_KINDS, CHECKLIST_LABELS, REPORTS_FOLDER
from fazhi_desktop.sessions import get_session, is_checklist

from .. import dialogs
from .. import settings
from ..icons import icon
from .printing import open_for_print
from .worker import ExportWorker
from ..i18n import arg, label

AFTER = ("pdf", "docx", "xlsx", "sheets", "feedback")  # the documents of the meeting
BEFORE = ("agenda", "signin", "blank", "cards")  # the papers to print before it
DEFAULT_KINDS = set(AFTER)



class ExportDialog(QDialog):
    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.session = get_session(db, session_id)
        self.thread: QThread | None = None
        self.worker: ExportWorker | None = None
        self.result = None
        self.setWindowTitle(self.tr("导出会议材料"))
        self.setWindowIcon(icon("export"))
        self.setMinimumWidth(640)

        fp = short_fingerprint(session_fingerprint(db, session_id))
        self.fingerprint_label = QLabel(arg(self.tr("数据指纹：%1（每页页脚都印有此指纹，可与本机数据核对）"), fp))
        self.fingerprint_label.setWordWrap(True)
        head = QLabel(f"<b>{self.session.title}</b>")
        head.setWordWrap(True)

        self.font_warning = QLabel()
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet("color: #b71c1c;")
        fonts = pdf_fonts()
        warning = fonts.warning
        self.font_warning.setText(self.tr("注意：") + warning if warning else "")
        self.font_warning.setVisible(bool(warning))
        self.font_notes = QLabel("\n".join(getattr(fonts, "notes", ()) or ()))
        self.font_notes.setWordWrap(True)
        self.font_notes.setStyleSheet("color: #6d4c41;")
        self.font_notes.setVisible(bool(self.font_notes.text()))
        self.draft = self.session.status in ("draft", "live")
        self.checklist = is_checklist(db, session_id)  # a 示范创建 assessment exports its own documents
        self.draft_note = QLabel(self.tr("评估尚未结束：导出的汇总表和评估报告每页标有“草稿（未定稿）”。") if self.checklist else
                                 self.tr("评议会尚未结束：导出的会议材料每页标有“草稿（未定稿）”；"
                                         "评议意见书在评议结束后才能导出。"))
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet("color: #b71c1c;")
        self.draft_note.setVisible(self.draft)

        chosen = settings.get(settings.EXPORT_KINDS)
        chosen = set(chosen if isinstance(chosen, list) else [chosen]) if chosen else DEFAULT_KINDS
        if self.checklist:  # the remembered choice is the scored documents': all of a checklist's, each time
            chosen = set(CHECKLIST_KINDS)
        self.kind_boxes: dict[str, QCheckBox] = {}
        groups = []
        sets = ((self.tr("评估材料"), CHECKLIST_KINDS), (self.tr("会前打印"), ())) if self.checklist else \
            ((self.tr("会议材料（会后）"), AFTER), (self.tr("会前打印（议程、签到表、空白评分表、桌签）"), BEFORE))
        for title, kinds in sets:
            group = QGroupBox(title)
            grid = QVBoxLayout(group)
            for kind in kinds:
                box = QCheckBox(label("Export", {**KIND_LABELS, **CHECKLIST_LABELS}[kind]))  # marked in the core
                box.setChecked(kind in chosen)
                box.setIcon(icon({"pdf": "pdf", "docx": "word", "xlsx": "excel", "cl_summary_docx": "word",
                                  "cl_reports_docx": "word", "cl_xlsx": "excel"}.get(kind, "pdf")))
                box.toggled.connect(self._update_buttons)
                self.kind_boxes[kind] = box
                grid.addWidget(box)
            groups.append((group, grid))
        what, what_grid = groups[0]
        before, before_grid = groups[1]
        self.omit_names = QCheckBox(self.tr("纪要、评议数据和评议意见书中不写专家姓名（发给参评单位时）"))
        self.omit_names.setChecked(settings.get(settings.EXPORT_OMIT_NAMES))
        what_grid.addWidget(self.omit_names)
        # the minutes for a foreign delegation: offered (and ticked) only when the window is in English
        self.minutes_english = QCheckBox(self.tr("会议纪要用英文（其他材料为中文）"))
        english = (os.environ.get("FAZHI_LANG") or QLocale.system().name()).startswith("en")
        self.minutes_english.setChecked(english)
        self.minutes_english.setVisible(english)
        what_grid.addWidget(self.minutes_english)
        self.start_time = QTimeEdit(QTime.fromString(settings.get(settings.EXPORT_START), "HH:mm"))
        self.start_time.setDisplayFormat("HH:mm")
        start_row = QHBoxLayout()
        start_row.addWidget(QLabel(self.tr("议程开始时间：")))
        start_row.addWidget(self.start_time)
        start_row.addStretch(1)
        before_grid.addLayout(start_row)

        self.folder_edit = QLineEdit(self.default_folder())
        browse = QPushButton(icon("open"), self.tr("选择…"))
        browse.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder_edit, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("导出到文件夹："), where)
        # the whole path, wrapped: in the line edit a long one shows only its end (or its start)
        self.folder_full = QLabel()
        self.folder_full.setWordWrap(True)
        self.folder_full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_full.setStyleSheet("color: #607d8b;")
        self.folder_edit.textChanged.connect(self._show_folder)
        self._show_folder(self.folder_edit.text())
        form.addRow("", self.folder_full)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("选择要导出的材料和文件夹，然后点“导出”。"))
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setIcon(icon("export"))
        self.open_button = self.buttons.addButton(self.tr("打开文件夹"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setIcon(icon("open"))
        self.open_button.setEnabled(False)
        self.print_button = self.buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setIcon(icon("pdf"))
        self.print_button.setToolTip(self.tr("在系统的 PDF 阅读器中打开所选文件，从其打印对话框打印"))
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setEnabled(False)
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        for w in (head, self.fingerprint_label, self.draft_note, self.font_warning, self.font_notes, what, before):
            layout.addWidget(w)
        if self.checklist:
            before.hide()
            self.omit_names.hide()
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_buttons()

    def _show_folder(self, text: str) -> None:
        # a break may fall after any path separator or character: the label wraps the whole path
        self.folder_full.setText(text.replace("/", "/\u200b").replace("\\", "\\\u200b"))
        self.folder_edit.setToolTip(text)
        self.folder_edit.setCursorPosition(0)

    # -- settings ---------------------------------------------------------------------------
    def default_folder(self) -> str:
        """<the base folder used last time>/<会议名称_日期>; the first time the base is
        文档/法治评议导出. One sub-folder per session, so exporting another session never
        overwrites this one's documents."""
        base = settings.get(settings.EXPORT_BASE)
        if not base:
            docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
            base = str(Path(docs) / "法治评议导出")
        return str(Path(str(base)) / self.session_folder_name())

    def session_folder_name(self) -> str:
        return safe_name(f"{self.session.title}_{self.session.date or ''}".rstrip("_"))

    def selected_kinds(self) -> list[str]:
        """The ticked kinds; an unfinished session gets no 评议意见书 (the box is greyed out)."""
        if self.checklist:
            return [k for k in CHECKLIST_KINDS if self.kind_boxes[k].isChecked()]
        return [k for k in ALL_KINDS if self.kind_boxes[k].isChecked() and not (self.draft and k == "feedback")]

    def existing_targets(self, folder: Path) -> list[Path]:
        """Files this export would replace."""
        if self.checklist:
            out = [folder / CHECKLIST_FILES[k] for k in self.selected_kinds()
                   if k in CHECKLIST_FILES and (folder / CHECKLIST_FILES[k]).exists()]
            reports = folder / REPORTS_FOLDER
            if reports.is_dir() and {"cl_reports", "cl_reports_docx"} & set(self.selected_kinds()):
                out += sorted(reports.glob("评估报告_*"))
            return out
        out = [folder / FILE_NAMES[k] for k in self.selected_kinds() if k in FILE_NAMES and (folder / FILE_NAMES[k]).exists()]
        letters = folder / FEEDBACK_FOLDER
        if "feedback" in self.selected_kinds() and letters.is_dir():
            out += sorted(letters.glob("*.pdf"))
        return out

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择导出文件夹"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    @Slot()
    def _update_buttons(self) -> None:
        running = self.thread is not None
        self.export_button.setEnabled(not running and bool(self.selected_kinds()))
        self.close_button.setText(self.tr("取消导出") if running else self.tr("关闭"))
        for box in (*self.kind_boxes.values(), self.omit_names, self.folder_edit, self.start_time):
            box.setEnabled(not running)
        if self.checklist:
            return
        if self.draft:
            self.kind_boxes["feedback"].setEnabled(False)
        self.omit_names.setEnabled(not running and any(self.kind_boxes[k].isChecked() for k in ("pdf", "docx", "xlsx", "feedback")))
        self.start_time.setEnabled(not running and self.kind_boxes["agenda"].isChecked())

    # -- the export ------------------------------------------------------------------------
    @Slot()
    def start_export(self) -> None:
        folder = self.folder_edit.text().strip()
        path = database_file(self.db)
        if not folder:
            self._show_failure(self.tr("请选择导出文件夹。"))
            return
        if path is None:
            self._show_failure(self.tr("内存数据库不能在后台导出。"))
            return
        kinds = self.selected_kinds()
        existing = self.existing_targets(Path(folder))
        if existing:
            names = "、".join(p.name for p in existing[:6]) + ("等" if len(existing) > 6 else "")
            if not dialogs.confirm(self, arg(self.tr("文件夹中已有 %1 个同名文件（%2），导出将替换它们。继续吗？"),
                                             str(len(existing)), names), self.tr("替换已有文件")):
                return
        settings.put(settings.EXPORT_BASE, str(Path(folder).parent))
        if not self.checklist:  # the remembered choice is the scored documents'
            settings.put(settings.EXPORT_OMIT_NAMES, self.omit_names.isChecked())
            settings.put(settings.EXPORT_KINDS, [k for k, b in self.kind_boxes.items() if b.isChecked()])
        settings.put(settings.EXPORT_START, self.start_time.time().toString("HH:mm"))
        self.result = None
        self.open_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first report
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在准备…"))
        self.thread = QThread(self)
        self.worker = ExportWorker(path, self.session_id, Path(folder), kinds=kinds,
                                   show_experts=not self.omit_names.isChecked(),
                                   start=self.start_time.time().toString("HH:mm"),
                                   lang="en_US" if self.minutes_english.isChecked() else "zh_CN")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.on_progress)
        self.worker.succeeded.connect(self.on_succeeded)
        self.worker.failed.connect(self._show_failure)
        self.worker.cancelled.connect(self.on_cancelled)
        self.worker.done.connect(self.thread.quit)
        self.thread.finished.connect(self.on_thread_finished)
        self._update_buttons()
        self.thread.start()

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done < total:
            self.status.setText(arg(self.tr("正在导出（%1/%2）：%3"), str(done + 1), str(total), label))

    @Slot(object)
    def on_succeeded(self, result) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = (arg(self.tr("已导出 %1 个文件，用时 %2 秒。数据指纹 %3。"),
                    str(len(result.files)), f"{result.elapsed_ms / 1000:.1f}", result.short_fingerprint))
        notes = [n for n in result.notes() if n not in result.font_notes]  # those are shown above
        self.status.setText(text + ("\n" + "\n".join(notes) if notes else ""))
        self.open_button.setEnabled(True)
        self.print_menu.clear()
        for path in result.files:
            if path.suffix.lower() == ".pdf":
                label = path.name if path.parent.name not in (FEEDBACK_FOLDER, REPORTS_FOLDER) else \
                    f"{path.parent.name}／{path.name}"
                self.print_menu.addAction(label, lambda p=path: self.print_file(p))
        self.print_button.setEnabled(not self.print_menu.isEmpty())

    @Slot(str)
    def on_cancelled(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    @Slot(str)
    def _show_failure(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(self.tr("导出失败：") + message)

    @Slot()
    def on_thread_finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        if self.thread is not None:
            self.thread.deleteLater()
        self.worker = None
        self.thread = None
        self._update_buttons()

    def print_file(self, path: Path) -> None:
        if not open_for_print(path):
            self._show_failure(arg(self.tr("无法打开 %1：本机没有可打开 PDF 的程序。"), path.name))

    @Slot()
    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder_edit.text().strip()))

    @Slot()
    def cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("正在取消…（当前文件写完后停止）"))
            return
        self.reject()

    def reject(self) -> None:
        if self.thread is not None:  # closing mid-export: stop after the current file, then close
            if self.worker is not None:
                self.worker.cancel()
            self.thread.quit()
            self.thread.wait(10000)
        super().reject()
