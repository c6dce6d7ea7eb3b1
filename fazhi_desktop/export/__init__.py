"""End-of-session exports: minutes (PDF, DOCX), score sheets, per-unit feedback, XLSX workbook.

:func:`run_export` writes each file under a temporary name in the target folder and renames it
into place when complete, so a failure (folder not writable, disk full, file open in another
program) never leaves a half-written document. It takes its own database connection's data in
one read and never touches Qt, so the window runs it in a worker thread.
"""
from __future__ import annotations

import errno
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import sqlite_utils

from ..errors import UserError
from .data import ExportData, load_export_data
from .fingerprint import session_fingerprint, short_fingerprint
from .fonts import pdf_fonts

Progress = Callable[[int, int, str], None]  # (done, total, what is being written)

KINDS = ("pdf", "docx", "xlsx", "sheets", "blank", "feedback")
KIND_LABELS = {"pdf": "会议纪要（PDF）", "docx": "会议纪要（Word）", "xlsx": "评议数据（Excel）",
               "sheets": "专家评分表（签字）", "blank": "空白评分表", "feedback": "各单位评议意见书"}
FILE_NAMES = {"pdf": "会议纪要.pdf", "docx": "会议纪要（草稿）.docx", "xlsx": "评议数据.xlsx",
              "sheets": "专家评分表（签字）.pdf", "blank": "空白评分表.pdf"}
FEEDBACK_FOLDER = "评议意见书"


class ExportCancelled(UserError):
    """The user cancelled; files already finished stay, nothing half-written does."""


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    fingerprint: str = ""
    elapsed_ms: int = 0
    font_warning: str | None = None

    @property
    def short_fingerprint(self) -> str:
        return short_fingerprint(self.fingerprint)


@dataclass
class Job:
    kind: str
    path: Path
    label: str
    unit: str | None = None


def plan_jobs(data: ExportData, target: Path | str | Mapping[str, Path | str], kinds=None) -> list[Job]:
    """What to write where: a folder gets every kind (or ``kinds``) under the usual names; a mapping
    {kind: path} writes only those files (``feedback`` maps to a folder)."""
    jobs: list[Job] = []
    if isinstance(target, Mapping):
        wanted = {k: Path(v) for k, v in target.items() if v}
        unknown = set(wanted) - set(KINDS)
        if unknown:
            raise UserError(f"不认识的导出类型：{'、'.join(sorted(unknown))}")
    else:
        folder = Path(target)
        wanted = {k: folder / FILE_NAMES[k] for k in FILE_NAMES}
        wanted["feedback"] = folder / FEEDBACK_FOLDER
        if kinds is not None:
            wanted = {k: v for k, v in wanted.items() if k in set(kinds)}
    for kind in KINDS:
        if kind not in wanted:
            continue
        if kind == "feedback":
            from .feedback import feedback_file_name

            for unit in data.units:
                jobs.append(Job(kind, wanted[kind] / feedback_file_name(unit.name),
                                f"评议意见书（{unit.name}）", unit.name))
        else:
            jobs.append(Job(kind, wanted[kind], KIND_LABELS[kind]))
    return jobs


def _write(job: Job, data: ExportData, handle, show_experts: bool) -> None:
    if job.kind == "pdf":
        from .pdf_minutes import write_minutes_pdf

        write_minutes_pdf(data, handle)
    elif job.kind == "docx":
        from .docx_minutes import write_minutes_docx

        write_minutes_docx(data, handle)
    elif job.kind == "xlsx":
        from .xlsx import write_workbook

        write_workbook(data, handle)
    elif job.kind in ("sheets", "blank"):
        from .sheets import write_score_sheets

        write_score_sheets(data, handle, blank=job.kind == "blank")
    elif job.kind == "feedback":
        from .feedback import write_feedback_pdf

        write_feedback_pdf(data, job.unit or "", handle, show_experts=show_experts)


def os_error_message(exc: OSError, path: Path) -> str:
    """An OSError in plain Chinese words, naming the file."""
    if exc.errno == errno.ENOSPC:
        return f"磁盘空间不足，无法写入 {path}。请清理磁盘或换一个文件夹。"
    if exc.errno == errno.EROFS or (exc.errno in (errno.EACCES, errno.EPERM) and not path.exists()):
        return f"文件夹 {path.parent} 不可写（只读或没有权限），无法保存 {path.name}。请换一个文件夹。"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return f"文件 {path} 无法覆盖：它可能正在被其他程序（如 WPS、Word、Excel）打开。请关闭后重试。"
    return f"无法写入 {path}：{exc.strerror or exc}"


def atomic_write(path: Path, write: Callable[[object], None]) -> None:
    """Write through ``write(file)`` into a temporary file beside ``path``, then rename it over
    ``path``. On any failure the temporary file is removed and ``path`` is left as it was."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建文件夹 {folder}：{exc.strerror or exc}") from exc
    if not os.access(folder, os.W_OK):
        raise UserError(f"文件夹 {folder} 不可写（只读或没有权限），无法保存 {path.name}。请换一个文件夹。")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name != "nt":  # mkstemp makes 0600; documents are meant to be shared
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise UserError(os_error_message(exc, path)) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def run_export(db: sqlite_utils.Database, session_id: int, target: Path | str | Mapping[str, Path | str], *,
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
               show_experts: bool = True, kinds=None) -> ExportResult:
    """Export the session's documents into a folder (all kinds, or ``kinds``) or to the paths of a
    {kind: path} mapping. ``progress(done, total, label)`` is called before each file and at the end;
    ``cancelled()`` returning True stops before the next file (raises :class:`ExportCancelled`)."""
    start = time.perf_counter()
    fonts = pdf_fonts()
    data = load_export_data(db, session_id)
    jobs = plan_jobs(data, target, kinds)
    if not jobs:
        raise UserError("没有选择要导出的文件。")
    result = ExportResult(fingerprint=data.fingerprint, font_warning=fonts.warning)
    for i, job in enumerate(jobs):
        if cancelled is not None and cancelled():
            raise ExportCancelled(f"已取消导出；已完成 {len(result.files)} 个文件。")
        if progress is not None:
            progress(i, len(jobs), job.label)
        atomic_write(job.path, lambda handle, job=job: _write(job, data, handle, show_experts))
        result.files.append(job.path)
    if progress is not None:
        progress(len(jobs), len(jobs), "完成")
    result.elapsed_ms = int((time.perf_counter() - start) * 1000)
    return result


def cli_export(db: sqlite_utils.Database, args) -> int:
    """The ``export`` command: the named files, or every document into ``--folder``."""
    import sys

    target: dict[str, Path] = {k: Path(getattr(args, k)) for k in ("pdf", "docx", "xlsx") if getattr(args, k, None)}
    if not target and not args.folder:
        raise UserError("请至少指定 --pdf、--docx、--xlsx 或 --folder 之一。")
    results = []
    if target:
        results.append(run_export(db, args.session, target, show_experts=not args.no_expert_names))
    if args.folder:
        results.append(run_export(db, args.session, Path(args.folder), show_experts=not args.no_expert_names))
    for res in results:
        for path in res.files:
            print(path)
        if res.font_warning:
            sys.stderr.write(f"警告：{res.font_warning}\n")
    print(f"fingerprint={results[0].short_fingerprint}")
    print(f"export_ms={sum(r.elapsed_ms for r in results)}")
    return 0


def self_test_export(db: sqlite_utils.Database, session_id: int, folder: Path | str) -> dict[str, int]:
    from .check import self_test_export as check

    return check(db, session_id, Path(folder))


__all__ = ["cli_export", "self_test_export", "run_export", "ExportResult", "ExportCancelled", "session_fingerprint", "short_fingerprint",
           "pdf_fonts", "KINDS", "KIND_LABELS", "FILE_NAMES", "FEEDBACK_FOLDER", "atomic_write"]
