"""文件 → 校验审计链…: runs ``verify`` (every session's hash chain, its seals and signatures, and
the tables against the chain) in a worker with its own connection, and shows each chain's result.
A broken link is shown with the first place it breaks, as ``verify`` on the command line says it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from .i18n import arg, translate




class VerifyWorker(QObject):
    finished = Signal(object)  # list[Report] or a message (str)

    def __init__(self, db_path: Path, session_id: int | None):
        super().__init__()
        self.db_path, self.session_id = Path(db_path), session_id

    @Slot()
    def run(self) -> None:
        from fazhi_desktop.verify import verify_all

        db = None
        try:
            db = open_db(self.db_path, migrate=False)
            self.finished.emit(verify_all(db, self.session_id))
        except UserError as exc:
            self.finished.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a dead thread
            self.finished.emit(f"校验时发生意外错误：{type(exc).__name__}: {exc}")
        finally:
            if db is not None:
                db.conn.close()


class VerifyDialog(QDialog):
    """The results of one verify run. The table is a read-only report, not stored data."""

    done = Signal(bool)  # True when every chain holds

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, session_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("VerifyDialog", "校验审计链与封盘签名"))
        self.resize(900, 420)
        self.summary = QLabel(translate("VerifyDialog", "正在校验…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([translate("VerifyDialog", "审计链"), translate("VerifyDialog", "记录数"), translate("VerifyDialog", "结果")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.ok: bool | None = None
        self._thread = QThread(self)
        self._worker = VerifyWorker(db_path, session_id)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._show)
        # quit in the worker's own thread (QThread.quit is thread-safe): the thread ends when the
        # work does, not when the UI next gets to a queued call, so wait() below cannot miss it
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    def _show(self, result) -> None:
        if isinstance(result, str):
            self.ok = False
            self.summary.setText(result)
            self.done.emit(False)
            return
        bad = [r for r in result if not r.ok]
        self.ok = not bad
        total = sum(r.entries for r in result)
        self.summary.setText(
            arg(translate("VerifyDialog", "校验通过：%1 条审计链、%2 条记录，均未被改动。") if not bad else
             translate("VerifyDialog", "校验未通过：%3 条审计链有断裂（见下表），数据可能被改动。请保留此文件，并从备份恢复。"), str(len(result)), str(total), str(len(bad))))
        self.table.setRowCount(len(result))
        for row, r in enumerate(sorted(result, key=lambda r: r.ok)):
            text = r.problems[0] if r.problems else "；".join(["通过", *(f"签名 {s}" for s in r.signers), *r.notes])
            for col, value in enumerate((r.label, str(r.entries), text)):
                item = QTableWidgetItem(value)
                item.setToolTip("\n".join(r.problems) if r.problems else value)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.done.emit(self.ok)

    def wait(self, ms: int = 60000) -> bool:
        """For tests: wait for the worker."""
        return self._thread.wait(ms)
