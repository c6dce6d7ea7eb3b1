"""An export read while another connection writes scores shows one moment (issue 13: a workbook's
评分明细 disagreed with its own 专家合计 in 3 of 15 runs, each query having seen another moment).

Both tests fail on the code before the session snapshot: there the export data read the scores
table three times (its own 评分明细, ``compute_results`` and the fingerprint)."""
from __future__ import annotations

import io
import threading
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

from openpyxl import load_workbook

from fazhi_desktop.db import connect
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.xlsx import write_workbook
from fazhi_desktop.snapshot import read_scores, read_transaction

PAST = 1  # the demo's finished session: 11 units, 7 experts, every sheet complete


def _disagreements(data) -> list[str]:
    """Where the export's own score rows (评分明细) do not add up to its expert totals (专家合计)."""
    out = []
    for unit in data.results.units:
        for expert, total in unit.experts.items():
            rows = sum((Fraction(data.scores[(expert, unit.name, p)]) for p in data.leaf_paths), Fraction(0))
            if rows != total:
                out.append(f"{unit.name}/{expert}: 评分明细 {float(rows)} ≠ 专家合计 {float(total)}")
    return out


class Toggler:
    """Another program changing stored scores one at a time (each by 0.25, then back): an expert's
    total moves with every write."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.rows = conn.execute("SELECT rowid, value FROM scores WHERE session_id = ? ORDER BY rowid",
                                 [PAST]).fetchall()
        self.writes = 0

    def __call__(self) -> None:
        rowid, value = self.rows[self.writes % len(self.rows)]
        up = (self.writes // len(self.rows)) % 2 == 0
        self.conn.execute("UPDATE scores SET value = ? WHERE rowid = ?",
                          [str(Decimal(value) + Decimal("0.25")) if up else value, rowid])
        self.writes += 1


def test_scores_written_during_each_query_do_not_split_the_export(demo_db, db_path):
    """Deterministic: before every statement the export runs, another connection changes a score.
    Read in one transaction, every part of the data is of one moment; the workbook agrees too."""
    writer = connect(db_path)
    writer.execute("PRAGMA synchronous = OFF")
    toggle = Toggler(writer.conn)

    def before_statement(sql: str) -> None:
        if "scores" in sql and sql.lstrip().upper().startswith("SELECT"):
            toggle()

    demo_db.conn.set_trace_callback(before_statement)
    try:
        data = load_export_data(demo_db, PAST)
    finally:
        demo_db.conn.set_trace_callback(None)
    writer.conn.close()
    assert toggle.writes >= 1  # the scores were read while the other connection wrote
    assert _disagreements(data) == []

    book = io.BytesIO()
    write_workbook(data, book)
    wb = load_workbook(io.BytesIO(book.getvalue()), read_only=True)
    detail: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for expert, unit, _leaf, value in list(wb["评分明细"].iter_rows(values_only=True))[1:]:
        detail[(expert, unit)] += Decimal(str(value))
    totals = list(wb["专家合计"].iter_rows(values_only=True))
    experts = totals[0][1:]
    shown = {(e, row[0]): Decimal(str(v)) for row in totals[1:] for e, v in zip(experts, row[1:])
             if isinstance(v, (int, float))}
    wb.close()
    assert shown and {k: detail[k] for k in shown} == shown


def test_an_export_read_while_another_connection_keeps_writing_agrees_with_itself(demo_db, db_path):
    """As in the issue: a thread with its own connection writes scores without pause while the
    export data is read 6 times (the old code split all 15 of 15 reads); every read adds up."""
    stop = threading.Event()
    written = []

    def keep_writing() -> None:
        conn = connect(db_path)
        conn.execute("PRAGMA synchronous = OFF")
        toggle = Toggler(conn.conn)
        while not stop.wait(0.0005):  # a write every half millisecond or so: a phone, the window, a script
            toggle()
        written.append(toggle.writes)
        conn.conn.close()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        bad = [(run, d) for run in range(6) for d in _disagreements(load_export_data(demo_db, PAST))[:1]]
    finally:
        stop.set()
        thread.join()
    assert written and written[0] > 6
    assert bad == []


def test_inside_a_read_transaction_another_connections_write_is_not_seen(demo_db, db_path):
    """The mechanism: a score written by another connection between two reads of one snapshot is
    seen by neither; the next snapshot sees it."""
    writer = connect(db_path)
    toggle = Toggler(writer.conn)
    with read_transaction(demo_db):
        before = read_scores(demo_db, PAST)
        toggle()
        assert read_scores(demo_db, PAST) == before
    after = read_scores(demo_db, PAST)
    writer.conn.close()
    changed = [k for k in before if before[k][0] != after[k][0]]
    assert len(changed) == 1 and Decimal(after[changed[0]][0]) - Decimal(before[changed[0]][0]) == Decimal("0.25")
