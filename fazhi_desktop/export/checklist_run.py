"""Exporting a checklist session (示范创建评估): the summary table (PDF, DOCX), one assessment
report per candidate (PDF, DOCX, in 评估报告/), and the workbook of ratings. Written the same way as
the scored documents (:func:`fazhi_desktop.export.atomic_write`: a temporary file renamed into
place), draft-marked while the session is unfinished, from one read of the data."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Mapping

import sqlite_utils

from ..errors import UserError
from . import ExportResult, Job, Progress, run_jobs
from .checklist_data import ChecklistData, load_checklist_data
from .fonts import pdf_fonts
from .naming import safe_name, shorten, short_hash, unique_stems
from fazhi_desktop.i18n import QT_TRANSLATE_NOOP

CHECKLIST_KINDS = ("cl_summary", "cl_summary_docx", "cl_reports", "cl_reports_docx", "cl_xlsx")
CHECKLIST_LABELS = {"cl_summary": QT_TRANSLATE_NOOP("Export", "评估结果汇总表（PDF）"),
                    "cl_summary_docx": QT_TRANSLATE_NOOP("Export", "评估结果汇总表（Word）"),
                    "cl_reports": QT_TRANSLATE_NOOP("Export", "各单位评估报告（PDF）"),
                    "cl_reports_docx": QT_TRANSLATE_NOOP("Export", "各单位评估报告（Word）"),
                    "cl_xlsx": QT_TRANSLATE_NOOP("Export", "评定明细（Excel）")}
CHECKLIST_FILES = {"cl_summary": "评估结果汇总表.pdf", "cl_summary_docx": "评估结果汇总表.docx", "cl_xlsx": "评定明细.xlsx"}
REPORTS_FOLDER = "评估报告"
# what the ``export`` command's options mean for a checklist session
CLI_KINDS = {"pdf": "cl_summary", "docx": "cl_summary_docx", "xlsx": "cl_xlsx"}


def report_file_name(unit: str, suffix: str, stems: dict[str, str] | None = None) -> str:
    stem = (stems or {}).get(unit) or shorten(safe_name(unit), tag=short_hash(unit))
    return f"评估报告_{stem}{suffix}"


def plan_checklist_jobs(data: ChecklistData, target: Path | str | Mapping[str, Path | str],
                        kinds=None) -> list[Job]:
    if isinstance(target, Mapping):
        wanted = {CLI_KINDS.get(k, k): Path(v) for k, v in target.items() if v}
    else:
        folder = Path(target)
        chosen = list(kinds) if kinds is not None else list(CHECKLIST_KINDS)
        wanted = {k: folder / CHECKLIST_FILES[k] if k in CHECKLIST_FILES else folder / REPORTS_FOLDER
                  for k in chosen if k in CHECKLIST_KINDS}
    unknown = set(wanted) - set(CHECKLIST_KINDS)
    if unknown:
        raise UserError("示范创建评估导出的是评估结果汇总表、各单位评估报告和评定明细；"
                        f"不认识的导出类型：{'、'.join(sorted(unknown))}")
    stems = unique_stems(u.name for u in data.units)
    jobs: list[Job] = []
    for kind in CHECKLIST_KINDS:
        if kind not in wanted:
            continue
        if kind in ("cl_reports", "cl_reports_docx"):
            suffix = ".pdf" if kind == "cl_reports" else ".docx"
            for unit in data.units:
                jobs.append(Job(kind, wanted[kind] / report_file_name(unit.name, suffix, stems),
                                f"评估报告（{unit.name}）", unit.name))
        else:
            jobs.append(Job(kind, wanted[kind], CHECKLIST_LABELS[kind]))
    seen: dict[str, Job] = {}
    for job in jobs:
        key = os.path.normcase(str(job.path.resolve()))
        if key in seen:
            raise UserError(f"“{seen[key].label}”和“{job.label}”不能写到同一个文件 {job.path}。")
        seen[key] = job
    return jobs


def _write(job: Job, data: ChecklistData, handle) -> None:
    if job.kind in ("cl_summary", "cl_summary_docx"):
        from .checklist_summary import write_summary_docx, write_summary_pdf

        (write_summary_pdf if job.kind == "cl_summary" else write_summary_docx)(data, handle)
    elif job.kind in ("cl_reports", "cl_reports_docx"):
        from .assessment import write_report_docx, write_report_pdf

        (write_report_pdf if job.kind == "cl_reports" else write_report_docx)(data, job.unit or "", handle)
    elif job.kind == "cl_xlsx":
        from .checklist_xlsx import write_checklist_workbook

        write_checklist_workbook(data, handle)


def run_checklist_export(db: sqlite_utils.Database, session_id: int, target: Path | str | Mapping[str, Path | str], *,
                         progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                         kinds=None) -> ExportResult:
    begin = time.perf_counter()
    fonts = pdf_fonts()
    data = load_checklist_data(db, session_id)
    jobs = plan_checklist_jobs(data, target, kinds)
    if not jobs:
        raise UserError("没有选择要导出的文件。")
    notes = [f"佐证文件有问题：{p}" for p in data.evidence_problems]
    result = ExportResult(fingerprint=data.fingerprint, font_warning=fonts.warning, font_notes=fonts.notes,
                          skipped=notes, draft=data.draft)
    return run_jobs(jobs, lambda job, handle: _write(job, data, handle), result, begin, progress, cancelled)
