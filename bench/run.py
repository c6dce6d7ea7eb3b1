"""Benchmarks for issue 8: prints ONE JSON object of figures, each beside a baseline measured in
the same run (these machines are noisy: the ratios are the claim, not the absolute times).

    .venv/bin/python bench/run.py            # everything (the 1,000-session history takes a few minutes)
    .venv/bin/python bench/run.py --quick    # skips the 1,000-session history
    .venv/bin/python bench/run.py --only score_save,startup

Figures (goals from the issue):
  score_save   record_score, durable (WAL, synchronous FULL), p50/p99 over 2,000 entries
               vs a bare sqlite3 INSERT … ON CONFLICT + COMMIT with the same PRAGMAs. Goal p99 ≤ 10 ms.
  startup      ``main.py --self-test``'s startup_ms (process start → main window painted, in the
               process that opens the ready demo database) vs a bare PySide6 window timed the same
               way, both from compiled bytecode. Goal ≤ 1.5× (issue 13).  Also peak RSS of both.
  pdf          the full minutes PDF (11 units × 9 experts × 5 criteria, 100 questions) via
               fazhi_desktop.export vs a bare reportlab document with the same tables. Goal ≤ 2×.
  export       the demo's whole export folder warm (minutes PDF + DOCX, XLSX, signed sheets, 11
               letters; median of 5), and each document beside a bare writer of the same content
               (reportlab Paragraphs and tables, python-docx add_paragraph/add_table, openpyxl
               append). Goal: the folder ≤ 1 s warm.
  history      at 10 and at 1,000 generated sessions (fazhi_desktop.history_gen): the window's startup on
               that database, history browser open, unit dossier, search (bench/app_timing.py, real
               widgets, offscreen), peak RSS; and the same as bare service calls.
               Goal: the 1,000 figure ≤ 1.2× the 10 figure.
A figure whose module is missing is reported as {"skipped": reason}. This is not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FAZHI_BACKUP_OFF", "1")


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


# -- single score save ----------------------------------------------------------------------------


def _score_world(folder: Path, units: int = 11, experts: int = 9):
    from fazhi_desktop.db import open_db
    from fazhi_desktop.library import find_template
    from fazhi_desktop.roster import add_expert, add_unit, list_experts, list_units
    from fazhi_desktop.sessions import create_session, load_template

    db = open_db(folder / "bench.db")
    template = find_template(db, "普法履职报告评议")
    sid = create_session(db, title="性能测试评议会", template=template)
    for i in range(units):
        add_unit(db, session_id=sid, name=f"参评单位{i + 1}")
    for i in range(experts):
        add_expert(db, session_id=sid, name=f"专家{i + 1}")
    leaves = [leaf for _p, leaf in load_template(db, sid).leaves()]
    cells = [(e.id, u.id, leaf) for u in list_units(db, sid) for e in list_experts(db, sid) for leaf in leaves]
    return db, sid, cells


def bench_score_save(n: int = 2000) -> dict:
    from fazhi_desktop.scoring import record_score

    with tempfile.TemporaryDirectory(prefix="fazhi-bench-", dir=_bench_tmp()) as tmp:
        folder = Path(tmp)
        db, sid, cells = _score_world(folder)
        bare = sqlite3.connect(folder / "bare.db", isolation_level=None)
        bare.execute("PRAGMA journal_mode = WAL")
        bare.execute("PRAGMA synchronous = FULL")
        bare.execute("CREATE TABLE scores (e INTEGER, u INTEGER, c INTEGER, value TEXT, updated_at TEXT, "
                     "PRIMARY KEY (e, u, c))")
        ours: list[float] = []
        base: list[float] = []
        # Interleaved in blocks so both see the same disk and CPU weather.
        for block in range(0, n, 100):
            for i in range(block, min(n, block + 100)):
                e, u, leaf = cells[i % len(cells)]
                value = str(Decimal(((i // len(cells)) % 4 + 1) * 2))  # changes on each pass: always a write
                t = time.perf_counter()
                record_score(db, session_id=sid, expert_id=e, unit_id=u, criterion_id=leaf.id, value=value)
                ours.append(time.perf_counter() - t)
            for i in range(block, min(n, block + 100)):
                e, u, leaf = cells[i % len(cells)]
                t = time.perf_counter()
                bare.execute("BEGIN IMMEDIATE")
                bare.execute("INSERT INTO scores VALUES (?, ?, ?, ?, ?) ON CONFLICT(e, u, c) DO UPDATE SET "
                             "value = excluded.value, updated_at = excluded.updated_at",
                             [e, u, leaf.id, str(i), "2023-11-17T09:00:00+08:00"])
                bare.execute("COMMIT")
                base.append(time.perf_counter() - t)
        db.conn.close()
        bare.close()
    p50, p99, b50, b99 = pct(ours, 50), pct(ours, 99), pct(base, 50), pct(base, 99)
    return {"n": n, "p50_ms": ms(p50), "p99_ms": ms(p99), "max_ms": ms(max(ours)),
            "baseline_p50_ms": ms(b50), "baseline_p99_ms": ms(b99),
            "ratio_p50": ratio(p50, b50), "ratio_p99": ratio(p99, b99),
            "goal": "p99 ≤ 10 ms", "goal_met": p99 * 1000 <= 10}


def _bench_tmp() -> str | None:
    """Temporary files on a real disk (not tmpfs), so fsync costs what it costs for users."""
    return os.environ.get("FAZHI_BENCH_TMP") or None


# -- startup --------------------------------------------------------------------------------------

BARE_WINDOW = r"""
import os, sys, time
sys.path.insert(0, sys.argv[1])
from fazhi_desktop.proc import ms_since_start
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
painted = []
class Window(QMainWindow):
    def paintEvent(self, event):
        super().paintEvent(event)
        painted.append(1)
w = Window()
w.setWindowTitle("法治评议")
w.setCentralWidget(QLabel("法治评议"))
w.resize(1366, 768)
w.show()
while not painted:
    app.processEvents()
print(f"startup_ms={ms_since_start()}")
"""

# Runs a command and reports its peak resident memory (ru_maxrss of the waited-for child).
RSS_WRAPPER = r"""
import resource, subprocess, sys
out = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(out.stdout)
sys.stderr.write(out.stderr)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"maxrss_kb={rss if sys.platform != 'darwin' else rss // 1024}")
sys.exit(out.returncode)
"""


def _run_timed(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, int]:
    wrapped = [sys.executable, "-c", RSS_WRAPPER, *cmd] if os.name == "posix" else cmd
    out = subprocess.run(wrapped, capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed: {out.stderr.strip()[-400:]}")
    figures = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition("=")
        if value.strip().lstrip("-").isdigit():
            figures[name.strip()] = int(value)
    return figures


def _bytecode_env(folder: str) -> dict[str, str]:
    """Both programs start from compiled bytecode, as installed programs do (the frozen bundle
    ships it, pip compiles at install): with PYTHONDONTWRITEBYTECODE set, as in some shells and
    CI images, every start of a source checkout would compile our ~60 modules again, a cost no
    user pays and the bare window (one module of ours) hardly has. The warm-up runs fill a cache
    of the bench's own (PYTHONPYCACHEPREFIX), so the checkout is left as it was."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=folder)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def bench_startup(runs: int = 5) -> dict:
    main_py = ROOT / "main.py"
    if not main_py.exists():
        return {"skipped": "main.py not found"}
    probe = subprocess.run([sys.executable, str(main_py), "--help"], capture_output=True, text=True, cwd=ROOT)
    if "--self-test" not in probe.stdout:
        return {"skipped": "main.py has no --self-test"}
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-pyc-") as pyc:
        return _bench_startup(main_py, runs, _bytecode_env(pyc))


def _bench_startup(main_py: Path, runs: int, env: dict[str, str]) -> dict:
    ours, bare, ours_rss, bare_rss, steps = [], [], [], [], {}
    _run_timed([sys.executable, "-c", BARE_WINDOW, str(ROOT)], env)  # warm the disk and bytecode caches for both
    _run_timed([sys.executable, str(main_py), "--self-test"], env)
    for _ in range(runs):
        app = _run_timed([sys.executable, str(main_py), "--self-test"], env)
        if "startup_ms" not in app:
            return {"skipped": "--self-test printed no startup_ms"}
        ours.append(app["startup_ms"])
        ours_rss.append(app.get("maxrss_kb", 0))
        for k, v in app.items():
            steps.setdefault(k, []).append(v)
        base = _run_timed([sys.executable, "-c", BARE_WINDOW, str(ROOT)], env)
        bare.append(base["startup_ms"])
        bare_rss.append(base.get("maxrss_kb", 0))
    a, b = statistics.median(ours), statistics.median(bare)
    return {"runs": runs, "startup_ms": a, "baseline_ms": b, "ratio": ratio(a, b),
            "all_ms": ours, "baseline_all_ms": bare,
            "self_test_other_steps_ms": {k: statistics.median(v) for k, v in steps.items()
                                         if k.endswith("_ms") and k != "startup_ms"},
            "peak_rss_mb": round(max(ours_rss) / 1024, 1), "baseline_peak_rss_mb": round(max(bare_rss) / 1024, 1),
            "bytecode": "compiled (PYTHONPYCACHEPREFIX of the bench)",
            "goal": "≤ 1.5×", "goal_met": a <= 1.5 * b}


# -- minutes PDF ----------------------------------------------------------------------------------


def bench_pdf(runs: int = 3) -> dict:
    try:
        from fazhi_desktop import export
        from fazhi_desktop.export.fonts import pdf_fonts
    except ImportError as exc:
        return {"skipped": f"fazhi_desktop.export not available ({exc})"}
    if not hasattr(export, "run_export"):
        return {"skipped": "fazhi_desktop.export has no run_export"}
    from fazhi_desktop.db import transaction
    from fazhi_desktop.questions import add_question
    from fazhi_desktop.scoring import record_score
    from fazhi_desktop.sessions import set_status

    with tempfile.TemporaryDirectory(prefix="fazhi-bench-pdf-", dir=_bench_tmp()) as tmp:
        folder = Path(tmp)
        db, sid, cells = _score_world(folder)
        with transaction(db):
            for i, (e, u, leaf) in enumerate(cells):
                record_score(db, session_id=sid, expert_id=e, unit_id=u, criterion_id=leaf.id,
                             value=str(leaf.maximum * Decimal(80 + (i * 7) % 20) / 100).split(".")[0])
            units = sorted({u for _e, u, _l in cells})
            experts = sorted({e for e, _u, _l in cells})
            for q in range(100):
                add_question(db, session_id=sid, unit_id=units[q % len(units)], expert_id=experts[q % len(experts)],
                             text=f"第{q + 1}个问题：执法全过程记录制度是怎样落实的？重大执法决定法制审核由谁负责？",
                             answer="执法记录仪全覆盖，音像资料统一归档；法制审核由司法局法制审核科负责。")
        set_status(db, session_id=sid, status="live")
        set_status(db, session_id=sid, status="finished")
        fonts = pdf_fonts()
        ours, bare = [], []
        tables = _bare_tables(db, sid)
        for r in range(runs):
            t = time.perf_counter()
            export.run_export(db, sid, {"pdf": folder / f"minutes{r}.pdf"})
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            _bare_pdf(folder / f"bare{r}.pdf", tables, fonts.name)
            bare.append(time.perf_counter() - t)
        pages = _pages(folder / "minutes0.pdf"), _pages(folder / "bare0.pdf")
        db.conn.close()
    a, b = statistics.median(ours), statistics.median(bare)
    return {"runs": runs, "pdf_ms": ms(a), "baseline_ms": ms(b), "ratio": ratio(a, b),
            "pages": pages[0], "baseline_pages": pages[1], "font_embedded": fonts.embedded,
            "goal": "≤ 2×", "goal_met": a <= 2 * b}


def _bare_tables(db, sid) -> list[list[list[str]]]:
    """The same tables the minutes hold: results, each unit's expert × criterion scores, questions."""
    from fazhi_desktop.results import compute_results

    results = compute_results(db, sid)
    rows = [["序号", "单位", "综合得分", "等次", "排名"]]
    for i, u in enumerate(results.units if hasattr(results, "units") else results["units"], start=1):
        get = (lambda k: getattr(u, k, None)) if not isinstance(u, dict) else u.get
        rows.append([str(i), str(get("name")), str(get("final")), str(get("grade")), str(get("rank"))])
    tables = [rows]
    leaves = [r[0] for r in db.execute("SELECT name FROM criteria WHERE session_id = ? AND max IS NOT NULL "
                                       "ORDER BY position", [sid])]
    for (uid,) in db.execute("SELECT id FROM units WHERE session_id = ? ORDER BY position", [sid]).fetchall():
        t = [["专家", *leaves, "合计"]]
        for (eid, name) in db.execute("SELECT id, name FROM experts WHERE session_id = ? ORDER BY position", [sid]):
            values = [v for (v,) in db.execute("SELECT s.value FROM scores s JOIN criteria c ON c.id = s.criterion_id "
                                              "WHERE s.expert_id = ? AND s.unit_id = ? ORDER BY c.position", [eid, uid])]
            t.append([name, *values, str(sum(Decimal(v) for v in values))])
        tables.append(t)
    q = [["单位", "专家", "问题", "答复"]]
    for row in db.execute("SELECT u.name, e.name, q.text, q.answer FROM questions q JOIN units u ON u.id = q.unit_id "
                          "LEFT JOIN experts e ON e.id = q.expert_id WHERE q.session_id = ? ORDER BY q.id", [sid]):
        q.append([str(c or "") for c in row])
    tables.append(q)
    return tables


def _bare_pdf(path: Path, tables, font: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

    style = ParagraphStyle("c", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    story = []
    for t in tables:
        story.append(LongTable([[Paragraph(c, style) for c in row] for row in t], repeatRows=1))
        story.append(Spacer(1, 12))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _pages(path: Path) -> int | None:
    try:
        from fazhi_desktop.export.check import pdf_page_count
        return pdf_page_count(path)
    except Exception:  # noqa: BLE001 - only a label
        return None


# -- the whole export folder (issue 15) ----------------------------------------------------------


def bench_export(runs: int = 5) -> dict:
    """The demo's export folder (minutes PDF and DOCX, XLSX, signed sheets, 11 letters) warm, and each
    document beside a bare writer of the same content in the same run."""
    try:
        from fazhi_desktop.export import run_export
        from fazhi_desktop.export.data import load_export_data
    except ImportError as exc:
        return {"skipped": f"fazhi_desktop.export not available ({exc})"}
    import io

    from fazhi_desktop.db import open_db
    from fazhi_desktop.demo import add_demo

    with tempfile.TemporaryDirectory(prefix="fazhi-bench-export-", dir=_bench_tmp()) as tmp:
        folder = Path(tmp)
        db = open_db(folder / "demo.db")
        sid = add_demo(db)[0]
        run_export(db, sid, folder / "warm")  # fonts registered, modules imported: "warm"
        whole = []
        for r in range(runs):
            t = time.perf_counter()
            result = run_export(db, sid, folder / f"out{r}")
            whole.append(time.perf_counter() - t)
        data = load_export_data(db, sid)
        docs = _export_documents(data)
        per: dict = {}
        for name, (ours, bare) in docs.items():
            a, b = [], []
            for _ in range(runs):
                t = time.perf_counter()
                ours(io.BytesIO())
                a.append(time.perf_counter() - t)
                t = time.perf_counter()
                bare(io.BytesIO())
                b.append(time.perf_counter() - t)
            per[name] = {"ms": ms(statistics.median(a)), "bare_ms": ms(statistics.median(b)),
                         "ratio": ratio(statistics.median(a), statistics.median(b))}
        pages = {k: _pages(folder / "out0" / v) for k, v in (("minutes", "会议纪要.pdf"), ("sheets", "专家评分表（签字）.pdf"))}
        letters = sorted((folder / "out0" / "评议意见书").glob("*.pdf"))
        one_page = sum(1 for p in letters if _pages(p) == 1)
        db.conn.close()
    m = statistics.median(whole)
    return {"runs": runs, "files": len(result.files), "folder_ms": ms(m), "folder_min_ms": ms(min(whole)),
            "documents": per, "pages": pages, "letters_on_one_page": f"{one_page}/{len(letters)}",
            "goal": "whole folder ≤ 1000 ms warm", "goal_met": m <= 1.0}


def _export_documents(data) -> dict:
    """name → (our writer, a bare writer of the same content) over one binary file object."""
    from fazhi_desktop.export import minutes, sheets, xlsx
    from fazhi_desktop.export.feedback import letter_blocks, write_feedback_pdf
    from fazhi_desktop.export.fonts import pdf_fonts

    font = pdf_fonts().role("fang")
    doc = minutes.minutes_document(data)
    sheet_doc = sheets.sheets_document(data)
    letters = [letter_blocks(data, u.name) for u in data.units]
    buf = __import__("io").BytesIO()
    xlsx.write_workbook(data, buf)
    from openpyxl import load_workbook

    book = load_workbook(buf, read_only=True)
    sheet_rows = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    return {
        "minutes_pdf": (lambda f: minutes.write_minutes_pdf(data, f), lambda f: _bare_blocks_pdf(f, doc.blocks, font)),
        "minutes_docx": (lambda f: minutes.write_minutes_docx(data, f), lambda f: _bare_docx(f, doc.blocks)),
        "xlsx": (lambda f: xlsx.write_workbook(data, f), lambda f: _bare_xlsx(f, sheet_rows)),
        "sheets_pdf": (lambda f: sheets.write_score_sheets(data, f), lambda f: _bare_blocks_pdf(f, sheet_doc.blocks, font)),
        "letters_pdf_all": (lambda f: [write_feedback_pdf(data, u.name, f) for u in data.units],
                            lambda f: [_bare_blocks_pdf(f, b, font) for b in letters]),
    }


def _bare_flatten(blocks):
    from fazhi_desktop.export import layout as L

    for b in blocks:
        if isinstance(b, L.Keep):
            yield from _bare_flatten(b.blocks)
        elif isinstance(b, L.Table):
            yield b.rows
        else:
            yield [t for t in L.text_of([b])]


def _bare_blocks_pdf(target, blocks, font: str) -> None:
    """reportlab as it comes: Paragraphs for text, LongTables of plain strings, one face."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    style = ParagraphStyle("b", fontName=font, fontSize=12, leading=18, wordWrap="CJK")
    story = []
    for item in _bare_flatten(blocks):
        if item and isinstance(item[0], list):
            t = LongTable([[str(c).replace("\n", " ") for c in row] for row in item], repeatRows=1)
            t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
            story.append(t)
        else:
            story += [Paragraph(text.replace("\n", "<br/>"), style) for text in item]
    SimpleDocTemplate(target, pagesize=A4).build(story)


def _bare_docx(target, blocks) -> None:
    """python-docx's own API: add_paragraph and add_table with cell text."""
    from docx import Document

    d = Document()
    for item in _bare_flatten(blocks):
        if item and isinstance(item[0], list):
            width = max(len(r) for r in item)
            table = d.add_table(rows=len(item), cols=width)
            for row, cells in zip(item, table.rows):
                for value, cell in zip(row, cells.cells):
                    cell.text = str(value)
        else:
            for text in item:
                d.add_paragraph(text)
    d.save(target)


def _bare_xlsx(target, sheets: dict) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)


# -- history at 10 and 1,000 sessions --------------------------------------------------------------


def bench_history(big: int = 1000, runs: int = 3) -> dict:
    try:
        from fazhi_desktop import history, history_gen
    except ImportError as exc:
        return {"skipped": f"fazhi_desktop.history / history_gen not available ({exc})"}
    from fazhi_desktop.db import open_db

    cache = Path(os.environ.get("FAZHI_BENCH_CACHE") or Path(tempfile.gettempdir()) / "fazhi-bench-cache")
    cache.mkdir(parents=True, exist_ok=True)
    out: dict = {"goal": f"each figure at {big} sessions ≤ 1.2× the figure at 10"}
    paths = {}
    for n in (10, big):
        path = cache / f"history-{n}.db"
        if not path.exists():  # generated once, then reused (delete the cache folder to regenerate)
            partial = cache / f".history-{n}.partial.db"
            db = open_db(partial)
            t = time.perf_counter()
            history_gen.generate(db, n, today="2026-06-30")
            out[f"generate_{n}_s"] = round(time.perf_counter() - t, 1)
            db.conn.close()
            os.replace(partial, path)
        paths[n] = path
        out[f"db_size_{n}_mb"] = round(path.stat().st_size / 2**20, 1)

    # What the window shows on the small history (rows of the list; the dossier's sessions,
    # questions, items): each size is also timed showing at most these (figures *_same_amount),
    # the comparison the goal asks for; the plain figures show what each opens with by default.
    db = open_db(paths[10])
    small = history.unit_dossier(db, history_gen.NEW_NAME)
    shown = (f"{min(100, history.count_history(db))},{len(small.entries)},{max(1, len(small.questions))},"
             f"{max(1, len(small.items))}")
    out["same_amount_shown"] = dict(zip(("list_rows", "dossier_sessions", "dossier_questions", "dossier_items"),
                                        (int(v) for v in shown.split(","))))
    db.conn.close()

    # The window: startup on that database, history browser open, dossier, search (child processes).
    window: dict[str, dict[int, list[int]]] = {}
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-hist-", dir=_bench_tmp()) as tmp:
        copies = {}
        for n, path in paths.items():
            copies[n] = Path(tmp) / path.name
            copies[n].write_bytes(path.read_bytes())
        for r in range(runs + 1):  # the first round only warms the disk cache
            for n in (10, big):
                timing = [sys.executable, str(ROOT / "bench" / "app_timing.py"), str(copies[n]), history_gen.NEW_NAME]
                figures = _run_timed(timing)
                same = _run_timed([*timing, shown])
                figures.update({k.replace("_ms", "_same_amount_ms"): v for k, v in same.items()
                                if k in ("history_open_ms", "dossier_ms")})
                if r:
                    for k, v in figures.items():
                        window.setdefault(k, {}).setdefault(n, []).append(v)
    for k, by_n in window.items():
        name = "peak_rss_mb" if k == "maxrss_kb" else k
        scale = 1 / 1024 if k == "maxrss_kb" else 1
        f = {f"at_{n}": round(statistics.median(v) * scale, 1) for n, v in by_n.items()}
        if k != "maxrss_kb":
            f["ratio"] = ratio(f[f"at_{big}"], f["at_10"])
            f["goal_met"] = f["ratio"] is not None and f["ratio"] <= 1.2
        out[name] = f

    # The same operations as plain service calls (no widgets), for finding where the time goes.
    service: dict = {}
    for n, path in paths.items():
        t = time.perf_counter()
        db = open_db(path)
        service.setdefault("open_db_ms", {})[f"at_{n}"] = ms(time.perf_counter() - t)
        ops = {"list_first_page_ms": lambda: history.list_history(db, limit=200),
               "unit_dossier_ms": lambda: history.unit_dossier(db, history_gen.NEW_NAME),
               "search_ms": lambda: history.search(db, "执法全过程记录"),
               "search_short_term_ms": lambda: history.search(db, "普法")}
        for name, op in ops.items():
            times = []
            for _ in range(5):
                t = time.perf_counter()
                op()
                times.append(time.perf_counter() - t)
            service.setdefault(name, {})[f"at_{n}"] = ms(statistics.median(times))
        db.conn.close()
        from fazhi_desktop import backup
        times = []
        for _ in range(3):
            t = time.perf_counter()
            snap = backup.snapshot(path, reason="periodic", keep=100)
            times.append(time.perf_counter() - t)
        service.setdefault("backup_snapshot_ms", {})[f"at_{n}"] = ms(statistics.median(times))
        import shutil
        shutil.rmtree(snap.path.parent, ignore_errors=True)
    out["service_calls"] = service
    return out


def bench_serve_scores() -> dict:
    from serve_scores import bench_serve_scores as run

    return run()


BENCHES = {"serve_scores": bench_serve_scores, "score_save": bench_score_save, "startup": bench_startup, "pdf": bench_pdf, "export": bench_export,
           "history": bench_history}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", help="comma-separated figures: " + ",".join(BENCHES))
    p.add_argument("--quick", action="store_true", help="skip the 1,000-session history")
    args = p.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(BENCHES)
    if args.quick and not args.only:
        chosen.remove("history")
    out: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                             "cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version}}
    if args.quick and "history" not in chosen:
        out["history"] = {"skipped": "--quick"}
    for name in chosen:
        t = time.perf_counter()
        try:
            out[name] = BENCHES[name]()
        except Exception as exc:  # noqa: BLE001 - one failed figure must not hide the others
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stderr.write(f"{name}: {time.perf_counter() - t:.1f}s\n")
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
