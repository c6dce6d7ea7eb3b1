"""Child process of bench/run.py: the real window on a given database, timed.

    python bench/app_timing.py DB_PATH [UNIT_NAME [ROWS,SESSIONS,QUESTIONS,ITEMS]]

Prints ``startup_ms`` (process start as the OS records it → main window painted, as
``--self-test`` measures it), ``history_open_ms`` (history browser constructed → painted),
``dossier_ms`` (the unit's dossier shown in the browser) and ``search_ms`` (a search run in the
browser's search tab).

With the last argument the browser shows at most ROWS sessions in its list (its first page) and
the dossier at most SESSIONS sessions, QUESTIONS questions and ITEMS rectification items: the
amounts a small history fills, so that a large history is timed for the same amount shown (by
default the list loads 100 rows and the dossier 30 sessions, 200 questions and 100 items)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FAZHI_BACKUP_OFF", "1")


def painted(widget, app, timeout_s: float = 30) -> None:
    """Spin the event loop until ``widget`` has been exposed, then paint it once more synchronously."""
    end = time.monotonic() + timeout_s
    while not widget.isVisible() and time.monotonic() < end:
        app.processEvents()
    app.processEvents()
    widget.repaint()


def main() -> int:
    from fazhi_desktop.proc import ms_since_start

    db_path = Path(sys.argv[1])
    unit = sys.argv[2] if len(sys.argv) > 2 else "市人力社保局"
    from ui.app import create_application

    app = create_application()
    from fazhi_desktop.db import open_db
    from ui.main_window import MainWindow

    db = open_db(db_path)
    window = MainWindow(db, db_path)
    done = []
    window.painted.connect(lambda: done.append(1))
    window.resize(1366, 768)
    window.show()
    end = time.monotonic() + 30
    while not done and time.monotonic() < end:
        app.processEvents()
    print(f"startup_ms={ms_since_start()}", flush=True)

    from ui.history import models
    from ui.history.window import HistoryWindow

    shown = None
    if len(sys.argv) > 3:
        rows, sessions, questions, items = (int(v) for v in sys.argv[3].split(","))
        models.PAGE = rows
        shown = {"limit": sessions, "questions_limit": questions, "items_limit": items}
    t = time.perf_counter()
    history = HistoryWindow(db)
    if shown:
        history.dossier.shown = shown
    history.show()
    painted(history, app)
    print(f"history_open_ms={int((time.perf_counter() - t) * 1000)}", flush=True)

    t = time.perf_counter()
    history.show_dossier(unit)
    painted(history, app)
    print(f"dossier_ms={int((time.perf_counter() - t) * 1000)}", flush=True)

    search = history.search
    box = getattr(search, "query", None) or getattr(search, "edit", None)
    run = getattr(search, "run_search", None) or getattr(search, "run", None)
    if box is not None and run is not None:
        t = time.perf_counter()
        box.setText("执法全过程记录")
        run()
        painted(history, app)
        print(f"search_ms={int((time.perf_counter() - t) * 1000)}", flush=True)
    history.close()
    window.close()
    db.conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
