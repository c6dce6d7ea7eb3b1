"""Seven phones at once, and the headless ``serve`` killed mid-meeting and started again."""
from __future__ import annotations

import http.client
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from fazhi_desktop.template import fmt_decimal

ROOT = Path(__file__).resolve().parents[3]
UNIT = "市国资委"


def test_seven_experts_posting_at_once_lose_and_double_nothing(served, db):
    experts = list(served.tokens)
    assert len(experts) == 7
    sent: dict[tuple[str, str], str] = {}
    for i, name in enumerate(experts):
        for j, (path, maximum) in enumerate(served.maxima.items()):
            sent[(name, path)] = f"{(i + j) % maximum}.{('0', '25', '5', '75')[(i * 6 + j) % 4]}"  # "3.25"
    statuses: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(experts))

    def phone(name: str) -> None:
        conn = http.client.HTTPConnection(served.netloc, timeout=30)  # one keep-alive connection, as a phone has
        barrier.wait()
        for path in served.maxima:
            body = json.dumps({"unit": UNIT, "criterion": path, "score": sent[(name, path)]})
            conn.request("POST", f"/e/{served.tokens[name]}/scores", body=body,
                         headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            with lock:
                statuses.append(r.status)
        conn.close()

    threads = [threading.Thread(target=phone, args=(name,)) for name in experts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses == [200] * 42
    rows = db.execute("SELECT e.name, c.id, s.value FROM scores s JOIN experts e ON e.id = s.expert_id "
                      "JOIN criteria c ON c.id = s.criterion_id WHERE s.unit_id = ?", [served.units[UNIT]]).fetchall()
    by_id = {cid: path for path, cid in served.leaves.items()}
    assert sorted((name, by_id[cid], value) for name, cid, value in rows) == \
        sorted((name, path, fmt_decimal(Decimal(value))) for (name, path), value in sent.items())
    audited = db.execute("SELECT count(*), count(DISTINCT expert || '/' || criterion) FROM audit_log "
                         "WHERE unit = ? AND action = 'score.record'", [UNIT]).fetchone()
    assert audited == (42, 42)
    checks = db.execute("SELECT count(*) FROM score_checks WHERE unit_id = ? AND source = 'device'",
                        [served.units[UNIT]]).fetchone()[0]
    assert checks == 42


class Child:
    """``main.py serve`` as a child process, its stdout read line by line."""

    def __init__(self, db_path: Path, *extra: str):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FAZHI_BACKUP_OFF="1")
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "serve",
                                      "--session", "2", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def ready(self) -> dict[str, str]:
        urls = {}
        while True:
            line = self.lines.get(timeout=30)
            assert line is not None, self.proc.stderr.read()
            if line == "ready":
                return urls
            name, url = line.split(" ", 1)
            assert name.startswith("expert=") and url.startswith("url=http://127.0.0.1:")
            urls[name[len("expert="):]] = url[len("url="):]


def post(url: str, what: str, body: dict) -> int:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=10)
    conn.request("POST", f"{parts.path}/{what}", body=json.dumps(body), headers={"Content-Type": "application/json"})
    status = conn.getresponse().status
    conn.close()
    return status


def get_state(url: str) -> dict:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=10)
    conn.request("GET", f"{parts.path}/state")
    data = json.loads(conn.getresponse().read())
    conn.close()
    return data


def test_serve_killed_mid_meeting_restarts_with_the_same_links(_db_templates, tmp_path):
    path = tmp_path / "meeting.db"
    shutil.copyfile(_db_templates[1], path)
    first = Child(path, "--port", "0")
    try:
        urls = first.ready()
        assert list(urls) == ["周立", "孙丽", "陈敏", "黄振", "李文华", "何静", "吴涛"]
        assert post(urls["陈敏"], "scores", {"unit": "市教委", "criterion": "创新普法形式", "score": "12.5"}) == 200
    finally:
        first.proc.kill()  # SIGKILL: no goodbye
        first.proc.wait(10)
    port = urlsplit(urls["陈敏"]).port
    second = Child(path, "--port", str(port))
    try:
        assert second.ready() == urls  # the same tokens, the same port: the phones' links still work
        state = get_state(urls["陈敏"])
        assert next(u for u in state["units"] if u["name"] == "市教委")["scores"] == {"创新普法形式": 12.5}
        assert post(urls["陈敏"], "scores", {"unit": "市教委", "criterion": "普法实效", "score": "18"}) == 200
        second.proc.send_signal(signal.SIGTERM)
        assert second.proc.wait(10) == 0
    finally:
        if second.proc.poll() is None:
            second.proc.kill()
            second.proc.wait(10)


def test_serve_refuses_a_finished_or_unknown_session(_db_templates, tmp_path):
    path = tmp_path / "meeting.db"
    shutil.copyfile(_db_templates[1], path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FAZHI_BACKUP_OFF="1")
    for session, words in (("1", "已结束，评分链接已失效"), ("99", "没有编号为 99 的评议会")):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "serve", "--session", session],
                             capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 2 and words in out.stderr and out.stdout == ""
