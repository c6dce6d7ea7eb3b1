"""The real program under a virtual X screen: Space starts the report, a question is logged, the
process is killed with SIGKILL, `live 2` reopens it, and the timer has gone on as if nothing
happened. Skipped where Xvfb or xdotool is missing (``apt-get install xvfb xdotool``)."""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("Xvfb")
                                     and shutil.which("xdotool")), reason="needs Xvfb and xdotool")


def _wait(predicate, timeout=20.0, step=0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out")


def _xdotool(env, *args) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=10).stdout.strip()


def _show(db: Path) -> dict:
    out = subprocess.run([sys.executable, "main.py", "--db", str(db), "show", "--session", "2", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
    return json.loads(out)


def _window(env) -> str:
    found = _xdotool(env, "search", "--onlyvisible", "--name", "市级普法")
    return found.splitlines()[0] if found else ""


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """A virtual screen on a display number Xvfb finds free itself (``-displayfd``), so two test
    workers, or a screen left by another program, never meet on one display."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as fh:
        ready, _, _ = select.select([fh], [], [], 30)
        number = fh.readline().strip() if ready else ""
    if not number.isdigit():
        xvfb.kill()
        xvfb.wait(timeout=10)
        raise AssertionError(f"Xvfb did not report its display (exit code {xvfb.returncode})")
    return xvfb, f":{number}"


def test_sigkill_mid_report_then_live_id_continues(tmp_path):
    xvfb, display = _start_xvfb()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path / "config"))
    db = tmp_path / "real.db"
    apps: list[subprocess.Popen] = []
    try:
        subprocess.run([sys.executable, "main.py", "--db", str(db), "demo"], cwd=ROOT, check=True,
                       capture_output=True, timeout=60)
        subprocess.run([sys.executable, "-c", "from fazhi_desktop.db import open_db; "
                        "from fazhi_desktop.sessions import set_status; "
                        f"set_status(open_db({str(db)!r}), session_id=2, status='live')"], cwd=ROOT, check=True)

        def launch():
            app = subprocess.Popen([sys.executable, "main.py", "--db", str(db), "live", "2"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            apps.append(app)
            wid = _wait(lambda: _window(env), timeout=40)
            time.sleep(1.0)  # let the console take the focus
            _xdotool(env, "windowactivate", "--sync", wid)
            _xdotool(env, "windowfocus", "--sync", wid)
            return app, wid

        app, wid = launch()
        _xdotool(env, "key", "--window", wid, "space")
        started = time.monotonic()
        _wait(lambda: _show(db)["live"]["running"])
        _xdotool(env, "key", "--window", wid, "ctrl+q")
        _xdotool(env, "key", "--window", wid, "Return")
        _xdotool(env, "type", "--window", wid, "Q1 record")
        _xdotool(env, "key", "--window", wid, "Return")
        _wait(lambda: _show(db)["questions"])
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        time.sleep(2)

        app, wid = launch()
        data = _show(db)
        since = time.monotonic() - started
        live = data["live"]
        assert live["unit"] == data["units"][0]["name"] and live["phase"] == "report" and live["running"]
        assert since - 1.5 <= live["elapsed_s"] <= since + 1.5
        assert [q["text"] for q in data["questions"]] == ["Q1 record"]
        app.terminate()
        app.wait(timeout=10)
    finally:
        for app in apps:
            if app.poll() is None:
                app.kill()
        xvfb.terminate()
        xvfb.wait(timeout=10)
