"""The child process of the kill test: score entry and score imports in a loop until it is killed.

Usage: kill_child.py DB_PATH SESSION_ID SEED WORKDIR

Before each write it prints ``BEGIN <json>`` (what it is about to store), and ``ACK`` once the
service call has returned, i.e. after COMMIT. The parent SIGKILLs it at a random moment and
checks that every ACKed write is in the file and that the write in flight is all there or absent.
"""
from __future__ import annotations

import csv
import json
import random
import sys
from decimal import Decimal
from pathlib import Path


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    db_path, session_id, seed, workdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    from fazhi_desktop.db import open_db
    from fazhi_desktop.roster import list_experts, list_units
    from fazhi_desktop.score_imports import import_scores
    from fazhi_desktop.scoring import record_score
    from fazhi_desktop.sessions import load_template

    db = open_db(db_path)
    experts = list_experts(db, session_id)
    units = list_units(db, session_id)
    leaves = [leaf for _path, leaf in load_template(db, session_id).leaves()]
    rng = random.Random(seed)
    say("READY")

    def value_for(leaf) -> str:
        steps = int(leaf.maximum * 2)
        return str(Decimal(rng.randint(0, steps)) / 2)

    n = 0
    while True:
        n += 1
        if rng.random() < 0.7:
            e, u, leaf = rng.choice(experts), rng.choice(units), rng.choice(leaves)
            value = None if rng.random() < 0.1 else value_for(leaf)
            say("BEGIN " + json.dumps({"cells": [[e.id, u.id, leaf.id, value]]}))
            record_score(db, session_id=session_id, expert_id=e.id, unit_id=u.id, criterion_id=leaf.id, value=value)
            say("ACK")
        else:
            chosen = rng.sample(units, rng.randint(1, 3))
            cells, rows = [], [["专家", "单位", "指标", "得分"]]
            for u in chosen:
                for e in experts:
                    for leaf in leaves:
                        value = value_for(leaf)
                        cells.append([e.id, u.id, leaf.id, value])
                        rows.append([e.name, u.name, leaf.name, value])
            path = workdir / f"import-{seed}-{n}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh).writerows(rows)
            say("BEGIN " + json.dumps({"cells": cells, "import": path.name}))
            import_scores(db, session_id=session_id, path=path)
            say("ACK")


if __name__ == "__main__":
    sys.exit(main())
