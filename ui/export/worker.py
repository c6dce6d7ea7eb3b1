"""The export worker: runs :func:`fazhi_desktop.export.run_export` off the UI thread.

It opens its own database connection (SQLite connections stay in their thread), never touches
a widget, and reports through signals only.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from fazhi_desktop.export import ExportCancelled, run_export

from .. import crashlog


class ExportWorker(QObject):
    progress = Signal(int, int, str)  # done, total, label
    succeeded = Signal(object)  # ExportResult
    failed = Signal(str)  # a message in Chinese
    cancelled = Signal(str)
    done = Signal()

    def __init__(self, db_path: Path, session_id: int, folder: Path, *, kinds: list[str], show_experts: bool,
                 start: str | None = None, lang: str = "zh_CN"):
        super().__init__()
        self.db_path = Path(db_path)
        self.session_id = session_id
        self.folder = Path(folder)
        self.kinds = list(kinds)
        self.show_experts = show_experts
        self.start = start
        self.lang = lang  # the minutes' language (zh_CN or en_US)
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the export stops before its next file."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        db = None
        try:
            db = open_db(self.db_path, migrate=False)
            result = run_export(db, self.session_id, self.folder, kinds=self.kinds, show_experts=self.show_experts,
                                start=self.start, lang=self.lang,
                                progress=lambda d, n, label: self.progress.emit(d, n, label),
                                cancelled=self._stop.is_set)
            self.succeeded.emit(result)
        except ExportCancelled as exc:
            self.cancelled.emit(str(exc))
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user instead of killing the thread, and logged
            crashlog.log_handled(exc)
            self.failed.emit(f"导出时发生意外错误：{type(exc).__name__}: {exc}（详情见崩溃日志）")
        finally:
            if db is not None:
                db.conn.close()
            self.done.emit()
