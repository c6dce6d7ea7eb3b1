"""文件 → 校验审计链…: the menu item runs verify off the UI thread and shows each chain; a score
changed with a database tool is shown as a broken chain, naming it."""
from __future__ import annotations

import sqlite3


def _run(qtbot, window):
    dialog = window.verify_database()
    qtbot.waitUntil(lambda: dialog.ok is not None, timeout=60000)
    dialog.wait()
    return dialog


def test_verify_menu_item_passes_then_names_a_tampered_score(qtbot, demo_window, db_path):
    action = demo_window.actions["db.verify"]
    assert action.text() == "校验审计链…"
    assert action in demo_window.menuBar().actions()[0].menu().actions()
    dialog = _run(qtbot, demo_window)
    assert dialog.ok and "校验通过" in dialog.summary.text()
    dialog.close()
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("UPDATE scores SET value = '1' WHERE rowid = (SELECT min(rowid) FROM scores WHERE value != '1')")
    con.close()
    dialog = _run(qtbot, demo_window)
    assert dialog.ok is False and "校验未通过" in dialog.summary.text()
    assert "表中为 1" in dialog.table.item(0, 2).text()
    dialog.close()
