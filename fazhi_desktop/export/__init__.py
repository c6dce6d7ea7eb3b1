"""Exports: after the session the minutes (PDF, DOCX), the workbook, the signed score sheets and a
评议意见书 per unit; before it the papers to print (议程, 签到表, blank 评分表, 桌签).

:func:`run_export` writes each file under a unique temporary name beside its target and renames
it into place when complete, so a failure (folder not writable, disk full, file open in another
program) never leaves a half-written document, and two exports to the same file never share a
temporary file. File names are safe and unique (``naming``); a file that already existed is
replaced only as the caller asked and is listed in :attr:`ExportResult.replaced`. An unfinished
session's documents are marked 草稿（未定稿） on every page, and it gets no 评议意见书 (a letter
with a rectification deadline and the issuing bodies makes no sense before the result is final).
It takes its own database connection's data in one read and never touches Qt.
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
from .naming import feedback_file_name, unique_stems
from fazhi_desktop.i18n import QT_TRANSLATE_NOOP

Progress = Callable[[int, int, str], None]  # (done, total, what is being written)

KINDS = ("pdf", "docx", "xlsx", "sheets", "blank", "feedback")  # after the meeting (--folder)
PAPER_KINDS = ("agenda", "signin", "blank", "cards")  # before the meeting (--papers)
ALL_KINDS = (*KINDS, "agenda", "signin", "cards")
KIND_LABELS = {"pdf": QT_TRANSLATE_NOOP("Export", "会议纪要（PDF）"),
               "docx": QT_TRANSLATE_NOOP("Export", "会议纪要（Word）"),
               "xlsx": QT_TRANSLATE_NOOP("Export", "评议数据（Excel）"),
               "sheets": QT_TRANSLATE_NOOP("Export", "专家评分表（签字）"),
               "blank": QT_TRANSLATE_NOOP("Export", "空白评分表"),
               "feedback": QT_TRANSLATE_NOOP("Export", "各单位评议意见书"),
               "agenda": QT_TRANSLATE_NOOP("Export", "议程"),
               "signin": QT_TRANSLATE_NOOP("Export", "签到表"),
               "cards": QT_TRANSLATE_NOOP("Export", "桌签")}
FILE_NAMES = {"pdf": "会议纪要.pdf", "docx": "会议纪要.docx", "xlsx": "评议数据.xlsx",
              "sheets": "专家评分表（签字）.pdf", "blank": "空白评分表.pdf", "agenda": "议程.pdf",
              "signin": "签到表.pdf", "cards": "桌签.pdf"}
FEEDBACK_FOLDER = "评议意见书"
NO_LETTERS = "评议会尚未结束（筹备中或进行中），不出具评议意见书；结束评议后再导出。"
STALE_PART_S = 600  # a temporary file this old is left from a killed export


class ExportCancelled(UserError):
    """The user cancelled; files already finished stay, nothing half-written does."""


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    fingerprint: str = ""
    elapsed_ms: int = 0
    font_warning: str | None = None
    font_notes: tuple[str, ...] = ()
    skipped: list[str] = field(default_factory=list)  # what was not written, and why
    replaced: list[Path] = field(default_factory=list)  # files that existed and were replaced
    draft: bool = False

    @property
    def short_fingerprint(self) -> str:
        return short_fingerprint(self.fingerprint)

    def notes(self) -> list[str]:
        """Everything the user should read besides the file list."""
        out = []
        if self.draft:
            out.append("评议会尚未结束：导出的材料每页都标有“草稿（未定稿）”。")
        out += self.skipped
        if self.font_warning:
            out.append(self.font_warning)
        out += self.font_notes
        if self.replaced:
            out.append("已替换原有文件：" + "、".join(p.name for p in self.replaced))
        return out


@dataclass
class Job:
    kind: str
    path: Path
    label: str
    unit: str | None = None


def plan_jobs(data: ExportData, target: Path | str | Mapping[str, Path | str], kinds=None) -> tuple[list[Job], list[str]]:
    """What to write where, and what is left out and why. A folder gets every end-of-session kind
    (or ``kinds``) under the usual names; a mapping {kind: path} writes only those files
    (``feedback`` maps to a folder)."""
    skipped: list[str] = []
    if isinstance(target, Mapping):
        wanted = {k: Path(v) for k, v in target.items() if v}
        unknown = set(wanted) - set(ALL_KINDS)
        if unknown:
            raise UserError(f"不认识的导出类型：{'、'.join(sorted(unknown))}")
        if "feedback" in wanted and data.draft:
            raise UserError(NO_LETTERS)
    else:
        folder = Path(target)
        chosen = list(kinds) if kinds is not None else list(KINDS)
        unknown = set(chosen) - set(ALL_KINDS)
        if unknown:
            raise UserError(f"不认识的导出类型：{'、'.join(sorted(unknown))}")
        wanted = {k: folder / FILE_NAMES[k] for k in chosen if k in FILE_NAMES}
        if "feedback" in chosen:
            if data.draft:
                skipped.append(NO_LETTERS)
            else:
                wanted["feedback"] = folder / FEEDBACK_FOLDER
    jobs: list[Job] = []
    stems = unique_stems(u.name for u in data.units)
    for kind in ALL_KINDS:
        if kind not in wanted:
            continue
        if kind == "feedback":
            for unit in data.units:
                jobs.append(Job(kind, wanted[kind] / feedback_file_name(unit.name, stems),
                                f"评议意见书（{unit.name}）", unit.name))
        else:
            jobs.append(Job(kind, wanted[kind], KIND_LABELS[kind]))
    seen: dict[str, Job] = {}
    for job in jobs:  # two kinds named onto one file (a mapping can do that): refuse, never overwrite
        key = os.path.normcase(str(job.path.resolve()))
        if key in seen:
            raise UserError(f"“{seen[key].label}”和“{job.label}”不能写到同一个文件 {job.path}。")
        seen[key] = job
    return jobs, skipped


def _write(job: Job, data: ExportData, handle, show_experts: bool, start: str | None, lang: str = "zh_CN") -> None:
    if job.kind in ("pdf", "docx"):
        from .minutes import write_minutes_docx, write_minutes_pdf

        (write_minutes_pdf if job.kind == "pdf" else write_minutes_docx)(data, handle, show_experts=show_experts,
                                                                        lang=lang)
    elif job.kind == "xlsx":
        from .xlsx import write_workbook

        write_workbook(data, handle, show_experts=show_experts)
    elif job.kind in ("sheets", "blank"):
        from .sheets import write_score_sheets

        write_score_sheets(data, handle, blank=job.kind == "blank")
    elif job.kind == "feedback":
        from .feedback import write_feedback_pdf

        write_feedback_pdf(data, job.unit or "", handle, show_experts=show_experts)
    elif job.kind in ("agenda", "signin", "cards"):
        from . import papers

        if job.kind == "agenda":
            papers.write_agenda(data, handle, start=start)
        elif job.kind == "signin":
            papers.write_signin(data, handle)
        else:
            papers.write_table_cards(data, handle)


def os_error_message(exc: OSError, path: Path) -> str:
    """An OSError in plain Chinese words, naming the file."""
    if exc.errno == errno.ENOSPC:
        return f"磁盘空间不足，无法写入 {path}。请清理磁盘或换一个文件夹。"
    if exc.errno == errno.ENAMETOOLONG:
        return f"文件名过长，无法写入 {path}。请换一个路径较短的文件夹。"
    if exc.errno == errno.EROFS or (exc.errno in (errno.EACCES, errno.EPERM) and not path.exists()):
        return f"文件夹 {path.parent} 不可写（只读或没有权限），无法保存 {path.name}。请换一个文件夹。"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return f"文件 {path} 无法覆盖：它可能正在被其他程序（如 WPS、Word、Excel）打开。请关闭后重试。"
    return f"无法写入 {path}：{exc.strerror or exc}"


def _sweep_stale_parts(folder: Path, stem: str) -> None:
    """Remove temporary files of this name left by a killed export (old ones only: a concurrent
    export's file is young)."""
    now = time.time()
    try:
        for part in folder.glob(f".{stem}.*.part"):
            if now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
    except OSError:
        pass


def atomic_write(path: Path, write: Callable[[object], None]) -> None:
    """Write through ``write(file)`` into a uniquely named temporary file beside ``path``, then
    rename it over ``path``. On any failure the temporary file is removed and ``path`` is left as
    it was."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建文件夹 {folder}：{exc.strerror or exc}") from exc
    if not os.access(folder, os.W_OK):
        raise UserError(f"文件夹 {folder} 不可写（只读或没有权限），无法保存 {path.name}。请换一个文件夹。")
    _sweep_stale_parts(folder, path.stem)
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
               show_experts: bool = True, kinds=None, start: str | None = None, lang: str = "zh_CN") -> ExportResult:
    """Export the session's documents into a folder (the end-of-session kinds, or ``kinds``) or to
    the paths of a {kind: path} mapping. ``progress(done, total, label)`` is called before each
    file and at the end; ``cancelled()`` returning True stops before the next file (raises
    :class:`ExportCancelled`). ``start`` (HH:MM) is the agenda's start time. A checklist session
    (示范创建) exports its own documents (``checklist_run``). ``lang`` (zh_CN or en_US) is the
    minutes' language; every other document is Chinese."""
    from ..sessions import is_checklist

    if is_checklist(db, session_id):
        from .checklist_run import run_checklist_export

        return run_checklist_export(db, session_id, target, progress=progress, cancelled=cancelled, kinds=kinds)
    begin = time.perf_counter()
    if start is not None:
        from .papers import parse_start

        parse_start(start)  # a bad time is refused before anything is written
    fonts = pdf_fonts()
    data = load_export_data(db, session_id)
    jobs, skipped = plan_jobs(data, target, kinds)
    if not jobs and not skipped:
        raise UserError("没有选择要导出的文件。")
    result = ExportResult(fingerprint=data.fingerprint, font_warning=fonts.warning, font_notes=fonts.notes,
                          skipped=skipped, draft=data.draft)
    return run_jobs(jobs, lambda job, handle: _write(job, data, handle, show_experts, start, lang), result, begin,
                    progress, cancelled)


def run_jobs(jobs: list, write: Callable[[object, object], None], result: "ExportResult", begin: float,
             progress: "Progress | None", cancelled: Callable[[], bool] | None) -> "ExportResult":
    """Write each job's file atomically, in order, reporting progress and honouring a cancel
    between files; the files written and replaced go into ``result`` (the scored and the checklist
    export both run their jobs here)."""
    for i, job in enumerate(jobs):
        if cancelled is not None and cancelled():
            raise ExportCancelled(f"已取消导出；已完成 {len(result.files)} 个文件。")
        if progress is not None:
            progress(i, len(jobs), job.label)
        existed = job.path.exists()
        atomic_write(job.path, lambda handle, job=job: write(job, handle))
        result.files.append(job.path)
        if existed:
            result.replaced.append(job.path)
    if progress is not None:
        progress(len(jobs), len(jobs), "完成")
    result.elapsed_ms = int((time.perf_counter() - begin) * 1000)
    return result


def cli_export(db: sqlite_utils.Database, args) -> int:
    """The ``export`` command: the named files, every document into ``--folder``, the papers for
    before the meeting into ``--papers``."""
    import sys

    target: dict[str, Path] = {k: Path(getattr(args, k)) for k in ("pdf", "docx", "xlsx") if getattr(args, k, None)}
    papers = getattr(args, "papers", None)
    if not target and not args.folder and not papers:
        raise UserError("请至少指定 --pdf、--docx、--xlsx、--folder 或 --papers 之一。")
    show = not args.no_expert_names
    start = getattr(args, "start", None)
    lang = getattr(args, "lang", None) or "zh_CN"
    from ..sessions import is_checklist

    if papers and is_checklist(db, args.session):
        raise UserError("示范创建评估没有会前材料（议程、签到表、评分表、桌签）；请用 --pdf、--docx、--xlsx 或 --folder。")
    results = []
    if target:
        results.append(run_export(db, args.session, target, show_experts=show, lang=lang))
    if args.folder:
        results.append(run_export(db, args.session, Path(args.folder), show_experts=show, lang=lang))
    if papers:
        results.append(run_export(db, args.session, Path(papers), kinds=PAPER_KINDS, show_experts=show, start=start))
    notes: list[str] = []
    for res in results:
        for path in res.files:
            print(path)
        notes += [n for n in res.notes() if n not in notes]
    for note in notes:
        sys.stderr.write(f"注意：{note}\n")
    print(f"fingerprint={results[0].short_fingerprint}")
    print(f"export_ms={sum(r.elapsed_ms for r in results)}")
    return 0


def self_test_export(db: sqlite_utils.Database, session_id: int, folder: Path | str) -> dict[str, int]:
    from .check import self_test_export as check

    return check(db, session_id, Path(folder))


__all__ = ["cli_export", "self_test_export", "run_export", "ExportResult", "ExportCancelled", "session_fingerprint",
           "short_fingerprint", "pdf_fonts", "KINDS", "PAPER_KINDS", "ALL_KINDS", "KIND_LABELS", "FILE_NAMES",
           "FEEDBACK_FOLDER", "atomic_write", "plan_jobs"]
