"""Checks of exported files that need no outside tools: used by ``--self-test`` and the CLI.

A PDF must be whole (header, trailer) and have as many pages as its footer claims; the DOCX and
XLSX must open and hold the session's data; the XLSX 评分明细 must hold every stored score.
"""
from __future__ import annotations

import re
import time
import zlib
from pathlib import Path

import sqlite_utils

from ..errors import UserError
from ..snapshot import read_scores

PAGES_DICT = re.compile(rb"<<[^<>]*?/Type\s*/Pages\b[^<>]*>>", re.S)
COUNT = re.compile(rb"/Count\s+(\d+)")


def pdf_page_count(path: Path) -> int:
    data = Path(path).read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise UserError(f"{path} 不是完整的 PDF 文件。")
    counts = [int(m.group(1)) for d in PAGES_DICT.findall(data) for m in [COUNT.search(d)] if m]
    if not counts:
        raise UserError(f"{path} 没有页面。")
    return max(counts)


def pdf_uses_only_embedded_fonts(path: Path) -> bool:
    """True when every font dictionary in the file has an embedded font program."""
    data = Path(path).read_bytes()
    chunks = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    text = b"\n".join(chunks)
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", text))
    embedded = len(re.findall(rb"/FontFile2?\b|/FontFile3\b", text))
    fonts = len(re.findall(rb"/Type\s*/Font\b(?!Descriptor)", text))
    return fonts > 0 and descriptors > 0 and embedded >= descriptors and b"/Helvetica" not in text


def check_docx(path: Path, title: str) -> int:
    from docx import Document

    doc = Document(str(path))
    texts = [p.text.replace("\n", "") for p in doc.paragraphs]  # a long title is broken into lines
    if not any(title in t for t in texts):
        raise UserError(f"{path} 里没有会议名称“{title}”。")
    return len(texts)


def check_xlsx(path: Path, expected_scores: int) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(str(path), read_only=True)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    if ws.title != "评分明细" or list(rows[0][:4]) != ["专家", "单位", "指标", "得分"]:
        raise UserError(f"{path} 的第一个工作表不是评分明细（专家/单位/指标/得分）。")
    if len(rows) - 1 != expected_scores:
        raise UserError(f"{path} 的评分明细有 {len(rows) - 1} 行，数据库里有 {expected_scores} 个评分。")
    return len(rows) - 1


def self_test_export(db: sqlite_utils.Database, session_id: int, folder: Path) -> dict[str, int]:
    """Export the minutes (PDF, DOCX) and the workbook of a session and check them.
    Returns {"export_ms": …, "pdf_pages": …}; raises UserError on any fault."""
    from . import run_export

    folder = Path(folder)
    start = time.perf_counter()
    result = run_export(db, session_id, {"pdf": folder / "会议纪要.pdf", "docx": folder / "会议纪要.docx",
                                         "xlsx": folder / "评议数据.xlsx"})
    elapsed = int((time.perf_counter() - start) * 1000)
    title = db.execute("SELECT title FROM sessions WHERE id = ?", [session_id]).fetchone()[0]
    pages = pdf_page_count(folder / "会议纪要.pdf")
    if result.font_warning is None and not pdf_uses_only_embedded_fonts(folder / "会议纪要.pdf"):
        raise UserError("会议纪要 PDF 里有未嵌入的字体。")
    check_docx(folder / "会议纪要.docx", title)
    count = len(read_scores(db, session_id))
    check_xlsx(folder / "评议数据.xlsx", count)
    return {"export_ms": elapsed, "pdf_pages": pages}
