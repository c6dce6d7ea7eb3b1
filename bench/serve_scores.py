"""A phone's score save through the experts' scoring server (issue 16), beside the same save typed
in the window, measured in the same run; prints ONE JSON object (progress on standard error).

    .venv/bin/python bench/serve_scores.py
    .venv/bin/python bench/run.py --only serve_scores

  phones_7    p50/p99 of one score save as a phone sees it (HTTP POST round trip on loopback, on the
              phone's keep-alive connection, answered after COMMIT) with 7 experts scoring the same
              unit at once, each pausing 50–150 ms between two saves (ten a second: far faster than
              a hand types); the server is ``main.py serve`` in a child process, as at a meeting.
  phones_7_flood  the same with no pause at all (each phone posts the moment its last answer
              arrives): the server saturated, a throughput figure rather than what a phone sees.
  window      the same saves the window's way: ``scoring.record_score`` on the window's connection,
              interleaved unit by unit with the phones' saves; the baseline is two experts' columns
              of every unit typed at the phones' pace (the same 50–150 ms before each save: a
              secretary types no faster), the rest back to back (``window_back_to_back``, for
              information: a save right after another finds caches and the disk warm, ~0.75 ms
              against ~2 ms after a pause, which made the first ratio compare unlike with unlike).
  phones_30   30 experts posting at once; every value is read back: nothing lost, nothing doubled.
Goal: phones_7 p99 ≤ 50 ms and ≤ 5× the window's p99. This is not a test.
"""
from __future__ import annotations

import http.client
import json
import os
import queue
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("FAZHI_BACKUP_OFF", "1")

from run import _bench_tmp, ms, pct, ratio  # noqa: E402

SESSION = 2
PACED_COLUMNS = 2  # the window's baseline: two experts' columns of every unit typed at the phones' pace
TYPING = (0.05, 0.15)  # seconds between two saves of one phone: ten a second, far faster than a hand  # the demo's meeting ready to run (7 experts, 10 units, 6 leaves)


def _serve(db_path: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FAZHI_BACKUP_OFF="1")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "serve", "--session",
                             str(SESSION)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x.rstrip("\n")) for x in proc.stdout], daemon=True).start()
    urls: dict[str, str] = {}
    while (line := lines.get(timeout=60)) != "ready":
        name, url = line.split(" ", 1)
        urls[name.removeprefix("expert=")] = url.removeprefix("url=")
    return proc, urls


def _phones(urls: dict[str, str], jobs: dict[str, list[dict]], pause: tuple[float, float] = (0, 0)
            ) -> tuple[list[float], list[int]]:
    """Each expert posts its bodies on its own keep-alive connection, all experts at once, pausing
    a random time in ``pause`` (seconds) between two saves, as a hand does between two boxes."""
    times: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(jobs))

    def phone(name: str) -> None:
        parts = urlsplit(urls[name])
        conn = http.client.HTTPConnection(parts.netloc, timeout=60)
        mine_t, mine_s = [], []
        barrier.wait()
        pace = random.Random(name)
        for body in jobs[name]:
            if pause[1]:
                time.sleep(pace.uniform(*pause))
            data = json.dumps(body)
            t = time.perf_counter()
            conn.request("POST", f"{parts.path}/scores", body=data, headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            mine_t.append(time.perf_counter() - t)
            mine_s.append(r.status)
        conn.close()
        with lock:
            times.extend(mine_t)
            statuses.extend(mine_s)

    threads = [threading.Thread(target=phone, args=(n,)) for n in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, statuses


def bench_serve_scores(passes: int = 3) -> dict:
    from fazhi_desktop.db import open_db
    from fazhi_desktop.demo import add_demo
    from fazhi_desktop.roster import add_expert, list_experts, list_units
    from fazhi_desktop.scoring import record_score
    from fazhi_desktop.sessions import load_template

    with tempfile.TemporaryDirectory(prefix="fazhi-bench-serve-", dir=_bench_tmp()) as tmp:
        path = Path(tmp) / "meeting.db"
        db = open_db(path)
        add_demo(db)
        units = list_units(db, SESSION)
        leaves = load_template(db, SESSION).leaves()
        experts = list_experts(db, SESSION)
        proc, urls = _serve(path)
        phone_t: list[float] = []
        window_t: list[float] = []  # back to back: no pause, caches warm
        window_paced_t: list[float] = []  # with the phones' pause between two saves: the baseline
        pace = random.Random(2)
        bad: list[int] = []  # a non-200 answer at the phones' pace: a failure
        flood_bad: list[int] = []  # in the flood a phone posts faster than 20 a second: 429 is the rate limit at work
        try:
            for p in range(passes + 1):  # the last pass floods: no pause at all
                flood = p == passes
                sys.stderr.write(f"serve_scores: pass {p + 1}/{passes + 1}{' (flood)' if flood else ''}\n")
                if flood:
                    typing_t, phone_t = phone_t, []
                for u in units:  # one unit at a time, as at the meeting: phones, then the window the same
                    value = lambda i, j: f"{(p * 3 + i + j) % 9 + 1}.5"  # noqa: E731 - changes every pass
                    jobs = {e.name: [{"unit": u.name, "criterion": path_, "score": value(i, j)}
                                     for j, (path_, _leaf) in enumerate(leaves)] for i, e in enumerate(experts)}
                    t, s = _phones(urls, jobs, (0, 0) if flood else TYPING)
                    phone_t += t
                    (flood_bad if flood else bad).extend(x for x in s if x != 200)
                    for i, e in enumerate(experts):
                        paced = not flood and i < PACED_COLUMNS  # typed at a phone's pace, as a secretary types
                        for j, (_path, leaf) in enumerate(leaves):
                            t0 = time.perf_counter()
                            record_score(db, session_id=SESSION, expert_id=e.id, unit_id=u.id, criterion_id=leaf.id,
                                         value=f"{(p * 3 + i + j) % 9 + 1}.25")
                            if paced:
                                window_paced_t.append(time.perf_counter() - t0)
                                time.sleep(pace.uniform(*TYPING))
                            elif not flood:
                                window_t.append(time.perf_counter() - t0)
        finally:
            proc.terminate()
            proc.wait(10)
        # 30 experts at once: 23 more join the panel, the server starts again with their links
        for k in range(23):
            add_expert(db, session_id=SESSION, name=f"增补专家{k + 1:02d}")
        proc, urls = _serve(path)
        try:
            sys.stderr.write("serve_scores: 30 experts\n")
            experts30 = list_experts(db, SESSION)
            target = units[:2]
            jobs30 = {e.name: [{"unit": u.name, "criterion": path_, "score": f"{(i + j) % 7 + 2}.75"}
                               for u in target for j, (path_, _l) in enumerate(leaves)]
                      for i, e in enumerate(experts30)}
            db.execute("DELETE FROM scores WHERE unit_id IN (?, ?)", [target[0].id, target[1].id])
            t30, s30 = _phones(urls, jobs30)
        finally:
            proc.terminate()
            proc.wait(10)
        sent = {(e.name, u.name, path_): f"{(i + j) % 7 + 2}.75" for i, e in enumerate(experts30) for u in target
                for j, (path_, _l) in enumerate(leaves)}
        paths = {leaf.id: p_ for p_, leaf in leaves}
        got = {(e, u, paths[c]): v for e, u, c, v in db.execute(
            "SELECT e.name, u.name, s.criterion_id, s.value FROM scores s JOIN experts e ON e.id = s.expert_id "
            "JOIN units u ON u.id = s.unit_id WHERE s.unit_id IN (?, ?)", [target[0].id, target[1].id])}
        db.conn.close()
    flood_t = phone_t
    p50, p99, w50, w99 = pct(typing_t, 50), pct(typing_t, 99), pct(window_paced_t, 50), pct(window_paced_t, 99)
    lost = sum(1 for k, v in sent.items() if got.get(k) != v)
    return {
        "phones_7": {"n": len(typing_t), "p50_ms": ms(p50), "p99_ms": ms(p99), "max_ms": ms(max(typing_t)),
                     "pause_s": list(TYPING)},
        "phones_7_flood": {"n": len(flood_t), "p50_ms": ms(pct(flood_t, 50)), "p99_ms": ms(pct(flood_t, 99)),
                           "note": "no pause: the server saturated (one Python process); latency = queue × CPU",
                           "answers_not_200": {str(c): flood_bad.count(c) for c in sorted(set(flood_bad))}},
        "non_200": len(bad),
        "window": {"n": len(window_paced_t), "p50_ms": ms(w50), "p99_ms": ms(w99), "pause_s": list(TYPING),
                   "note": "the baseline: saves typed at the phones' pace (an idle moment before each)"},
        "window_back_to_back": {"n": len(window_t), "p50_ms": ms(pct(window_t, 50)), "p99_ms": ms(pct(window_t, 99)),
                                "note": "no pause between saves: caches and the disk warm; for information"},
        "ratio_p50": ratio(p50, w50), "ratio_p99": ratio(p99, w99),
        "phones_30": {"n": len(t30), "p50_ms": ms(pct(t30, 50)), "p99_ms": ms(pct(t30, 99)),
                      "non_200": sum(1 for x in s30 if x != 200), "sent": len(sent), "stored": len(got),
                      "lost_or_wrong": lost, "extra": len(set(got) - set(sent))},
        "goal": "phones_7 p99 ≤ 50 ms and ≤ 5× the window's; 30 at once lose nothing",
        "goal_met": p99 * 1000 <= 50 and p99 <= 5 * w99 and lost == 0 and not bad and len(got) == len(sent),
    }


if __name__ == "__main__":
    print(json.dumps(bench_serve_scores(), ensure_ascii=False))
