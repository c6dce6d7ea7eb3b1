"""SIGKILL during score entry and imports, 50 times: the file stays sound, every acknowledged
write is there, and the write in flight (one score, or a whole import) is all there or not at all."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest

from fazhi_desktop.db import open_db
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.roster import add_expert, add_unit
from fazhi_desktop.sessions import create_session

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

KILLS = 50
CHILD = Path(__file__).with_name("kill_child.py")
ROOT = Path(__file__).resolve().parents[2]

Cells = dict[tuple[int, int, int], Decimal]


def stored(path: Path) -> Cells:
    conn = sqlite3.connect(path)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        assert result == [("ok",)], result
        return {(e, u, c): Decimal(v) for e, u, c, v in
                conn.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores")}
    finally:
        conn.close()


def apply(model: Cells, op: dict) -> Cells:
    result = dict(model)
    for e, u, c, v in op["cells"]:
        if v is None:
            result.pop((e, u, c), None)
        else:
            result[(e, u, c)] = Decimal(v)
    return result


class Child:
    """The child process and the lines it printed (read on a thread so the pipe never fills)."""

    def __init__(self, args: list[str]):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                self.ready.set()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        self.stderr = self.proc.stderr.read()


def test_sigkill_during_scoring_and_imports(tmp_path):
    db_path = tmp_path / "kill.db"
    db = open_db(db_path)
    sid = create_session(db, title="断电测试评议会", template=builtin_templates()[0])
    for i in range(10):
        add_unit(db, session_id=sid, name=f"参评单位{i + 1}")
    for i in range(7):
        add_expert(db, session_id=sid, name=f"专家{i + 1}")
    db.conn.close()

    rng = random.Random(8)
    model: Cells = {}
    acked = in_flight_committed = in_flight_lost = import_kills = early_kills = 0
    started = time.monotonic()
    for round_ in range(KILLS):
        child = Child([str(db_path), str(sid), str(round_), str(tmp_path)])
        if rng.random() < 0.1:  # now and then while it is still starting up and opening the file
            time.sleep(rng.uniform(0.0, 0.3))
        else:
            assert child.ready.wait(timeout=30), "child did not start"
            time.sleep(rng.uniform(0.0, 0.25))
        child.kill()
        assert child.proc.returncode == -signal.SIGKILL, child.stderr  # it was still working, not crashed
        early_kills += not child.ready.is_set()

        pending = None
        for line in child.lines:
            if line.startswith("BEGIN "):
                pending = json.loads(line[6:])
            elif line == "ACK":
                model = apply(model, pending)
                acked += 1
                pending = None
        now = stored(db_path)
        if pending is None or now == model:
            assert now == model, f"round {round_}: an acknowledged write is missing or a stray one appeared"
            in_flight_lost += pending is not None
        else:
            assert now == apply(model, pending), (
                f"round {round_}: the write in flight is partly stored "
                f"({'import ' + pending['import'] if 'import' in pending else 'one score'})")
            model = now
            in_flight_committed += 1
        import_kills += pending is not None and "import" in pending

    # The database still opens in the app, and the demo of the whole exercise was real.
    open_db(db_path).conn.close()
    elapsed = time.monotonic() - started
    print(f"kills={KILLS} acked={acked} in_flight_committed={in_flight_committed} "
          f"in_flight_lost={in_flight_lost} kills_during_import={import_kills} early={early_kills} "
          f"elapsed={elapsed:.1f}s")
    assert acked > KILLS  # writes really happened between the kills
    assert in_flight_lost + in_flight_committed >= KILLS // 2  # most kills landed mid-write
    assert import_kills >= 3  # and some of them in the middle of an import
