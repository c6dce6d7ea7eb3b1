"""Screenshots of the real window for looking at, on a fresh demo database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR [--size 1366x768]

Saves one PNG per page and state (setup tabs, the live console in each phase, the scoring grid,
results, history, the lifecycle dialogs; then a 示范创建 assessment's template, rating grid,
results, path, export dialog and dossier) at the given window size. Nothing is written beside the
project: the database lives in a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="fazhi-shots-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    os.environ["FAZHI_BACKUP_OFF"] = "1"
    if args.lang:
        os.environ["FAZHI_LANG"] = args.lang

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fazhi_desktop.db import open_db
    from fazhi_desktop.demo import add_demo
    from fazhi_desktop.sessions import load_template
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    db = open_db(tmp / "shots.db")
    past, ready = add_demo(db)
    w = MainWindow(db, tmp / "shots.db")
    w.resize(width, height)
    w.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(name: str, widget=None) -> None:
        settle()
        (widget or w).grab().save(str(out / f"{args.size}-{name}.png"))

    w.open_session(ready, page="setup")
    setup = w.page("setup")
    for i, key in enumerate(("meeting", "units", "experts", "template", "recusals")):
        setup.tabs.setCurrentIndex(i)
        shot(f"setup-{key}")
    w.begin_meeting()
    console = w.page("live")
    shot("live-report")
    console.meeting.start()
    shot("live-running")
    console.meeting.pause()
    console.refresh()
    shot("live-paused")
    console.end_phase()
    shot("live-questions")
    console.tabs.setCurrentWidget(console.scoring_area)
    shot("live-scoring-tab")
    # 专家设备: the scoring server on loopback, two "phones" having scored part of the unit
    import json
    import urllib.request

    devices = console.devices
    console.tabs.setCurrentWidget(devices)
    devices.start_server(host="127.0.0.1", port=0)
    leaves = [p for p, _leaf in load_template(db, ready).leaves()]
    for n, row in enumerate(devices.model.rows[:2]):
        for path in leaves[: 2 + 3 * n]:
            body = json.dumps({"unit": console.meeting.unit().name, "criterion": path, "score": "8"}).encode()
            urllib.request.urlopen(urllib.request.Request(devices.url_for(row.expert_id) + "/scores", data=body, headers={
                "Content-Type": "application/json"}, method="POST"), timeout=10).read()
    devices._select(devices.model.rows[1].expert_id)
    shot("live-devices")
    console.tabs.setCurrentWidget(console.scoring_area)
    shot("live-scoring-with-phones")
    devices.stop_server()
    w.show_page("scoring")
    shot("scoring")
    w.open_session(past, page="results")
    shot("results")
    w.show_page("scoring")
    shot("scoring-finished")
    w.show_page("live")
    shot("live-finished")
    from ui.export.dialog import ExportDialog
    export = ExportDialog(db, past, w)
    export.open()
    shot("export-dialog", export)
    export.close()
    history = w.open_history()
    history.resize(width, height)
    shot("history", history)
    history.close()

    # a 示范创建 assessment (checklist): its pages, the export dialog, the dossier after naming
    from fazhi_desktop.checklist.demo import add_checklist_demo

    checklist = add_checklist_demo(db, finish=False)
    w.session_list.reload(keep=checklist)
    w.show_page("setup")
    setup = w.page("setup")
    setup.tabs.setCurrentWidget(setup.template)
    shot("checklist-template")
    for key in ("ratings", "results", "path"):
        w.show_page(key)
        shot(f"checklist-{key}")
    export = ExportDialog(db, checklist, w)
    export.open()
    shot("checklist-export-dialog", export)
    export.close()
    history = w.open_history()
    history.resize(width, height)
    history.refresh()
    history.show_dossier("梁平区")
    history.dossier.lower.setCurrentWidget(history.dossier.demonstration)
    shot("checklist-dossier", history)
    history.close()
    QTimer.singleShot(0, app.quit)
    app.exec()
    db.conn.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
