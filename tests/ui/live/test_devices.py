"""The chair's view of the experts' phones (专家设备 in the live console), on a real scoring server
on loopback: seven "phones" (HTTP clients, the browser page is tested in tests/browser) score the
presenting unit at once and the console shows each one's progress and the values in the grid
without any polling; a device's column is read-only in the grid until the chair takes it over
with a reason; the printed cards carry the links shown; ending the meeting stops the server."""
from __future__ import annotations

import json
import subprocess
import threading
import urllib.error
import urllib.request

import pytest
from PySide6.QtCore import Qt

from fazhi_desktop import scoring
from fazhi_desktop.lifecycle import finish_session
from fazhi_desktop.roster import list_experts
from fazhi_desktop.sessions import load_template

from .test_console import READY, clock, page  # noqa: F401  (fixtures)


def post(url: str, body: dict) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


@pytest.fixture
def console(page):
    """The live console of test_console.py (session 2, live), at the smallest screen size."""
    page.resize(1366, 768)
    yield page
    page.devices.stop_server()


def test_seven_phones_score_and_the_chair_sees_it_live(console, qtbot, demo_db):
    panel = console.devices
    console.tabs.setCurrentWidget(panel)
    assert panel.start_server(host="127.0.0.1", port=0)
    unit_id = console.meeting.unit_id
    unit = console.meeting.unit().name
    leaves = [path for path, _leaf in load_template(demo_db, READY).leaves()]
    experts = list_experts(demo_db, READY)
    recused = {e for e, u in scoring_recusals(demo_db) if u == unit_id}
    phones = [e for e in experts if e.id not in recused]
    assert len(phones) >= 6
    results: list[int] = []

    def phone(expert):
        url = panel.url_for(expert.id)
        for k, path in enumerate(leaves):
            status, _ = post(url + "/scores", {"unit": unit, "criterion": path, "score": str(1 + k % 3)})
            results.append(status)

    threads = [threading.Thread(target=phone, args=(e,)) for e in phones]
    for t in threads:
        t.start()
    # the console keeps painting while the phones write: its event loop runs here
    qtbot.waitUntil(lambda: all(not t.is_alive() for t in threads), timeout=30_000)
    assert results.count(200) == len(phones) * len(leaves), sorted(set(results))
    model = panel.model
    qtbot.waitUntil(lambda: all(model.unit_text(r) == f"已评 {len(leaves)}/{len(leaves)}"
                                for r in model.rows if r.expert_id in {e.id for e in phones}), timeout=10_000)
    # the grid shows the phones' values, and their columns are read-only there (the chair turns to
    # it: a hidden tab applies the change records it missed when shown)
    console.tabs.setCurrentWidget(console.scoring_area)
    grid = console.scoring.model
    first = phones[0]
    column = grid.column_of(first.id)
    row = grid.leaf_rows()[0]
    assert grid.data(grid.index(row, column), Qt.ItemDataRole.DisplayRole) in ("1", "1.0", "1.00")
    assert not grid.flags(grid.index(row, column)) & Qt.ItemFlag.ItemIsEditable
    assert "手机" in grid.headerData(column, Qt.Orientation.Horizontal)
    assert "手机无法连接" in panel.status_label.text()  # served on loopback: the chair is told
    console.scoring.grid.setCurrentIndex(grid.index(row, column))
    assert not console.scoring.submit_button.isEnabled()  # the phone submits its own sheet
    # a device-seen row says online, in green
    r = next(i for i, x in enumerate(model.rows) if x.expert_id == first.id)
    assert model.data(model.index(r, 1)).startswith("在线")
    assert model.data(model.index(r, 1), Qt.ItemDataRole.ForegroundRole).color().name() == "#2e7d32"

    # submit from the phone: the chair's table says so, in 本单位 and in the unit's own column
    status, _ = post(panel.url_for(first.id) + "/submit", {"unit": unit})
    assert status == 200
    qtbot.waitUntil(lambda: model.unit_text(model.rows[r]) == "已提交", timeout=10_000)
    col = model.FIRST_UNIT + [u.unit_id for u in model.units].index(unit_id)
    assert model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == unit
    assert model.data(model.index(r, col)) == "✓" and model.data(model.index(r, col + 1)) == ""
    assert model.data(model.index(r, col), Qt.ItemDataRole.BackgroundRole).color().name() == "#e3f2fd"  # on stage
    assert model.data(model.index(r, 3)) == f"1/{sum(1 for p in model.rows[r].units.values() if not p.recused)}"
    other = next(i for i, x in enumerate(model.rows) if x.expert_id == phones[1].id)
    assert model.data(model.index(other, col)) == f"{len(leaves)}/{len(leaves)}"

    # the chair takes over the second expert's column, with a reason: the old link is dead
    second = phones[1]
    old = panel.url_for(second.id)
    panel._select(second.id)
    panel.ask_reason = lambda *_: "手机没电，按纸质评分表代录"
    assert panel.take_over_selected()
    assert post(old + "/scores", {"unit": unit, "criterion": leaves[0], "score": "2"})[0] == 403
    assert panel.url_for(second.id) != old
    assert grid.flags(grid.index(row, grid.column_of(second.id))) & Qt.ItemFlag.ItemIsEditable
    assert any(e["reason"] == "手机没电，按纸质评分表代录" for e in scoring.audit_log(demo_db, READY, expert=second.name))


def test_a_takeover_needs_a_reason(console):
    panel = console.devices
    assert panel.start_server(host="127.0.0.1", port=0)
    expert = panel.model.rows[0].expert_id
    url = panel.url_for(expert)
    panel._select(expert)
    panel.ask_reason = lambda *_: None  # cancelled
    assert not panel.take_over_selected()
    assert panel.url_for(expert) == url


def test_the_printed_cards_carry_the_links_shown(console, tmp_path):
    panel = console.devices
    assert panel.save_cards(str(tmp_path / "x.pdf")) is None  # nothing to print before the server runs
    assert panel.start_server(host="127.0.0.1", port=0)
    pdf = panel.save_cards(str(tmp_path / "入场卡.pdf"))
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(tmp_path / "p")], check=True)
    read = set()
    for page in tmp_path.glob("p-*.png"):
        read |= set(subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True).stdout.split())
    assert read == {panel.url_for(r.expert_id) for r in panel.model.rows}


def test_ending_the_meeting_stops_the_server_and_the_links(console, demo_db):
    panel = console.devices
    assert panel.start_server(host="127.0.0.1", port=0)
    url = panel.url_for(panel.model.rows[0].expert_id)
    finish_session(demo_db, session_id=READY, override_reason="测试：提前结束")
    console.refresh()
    assert not panel.serving and panel.start_button.text() == "开启扫码评分" and not panel.start_button.isEnabled()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "/state", timeout=3)


def test_a_busy_port_is_told_in_words(console):
    import socket

    panel = console.devices
    messages = []
    panel.message.connect(messages.append)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert not panel.start_server(host="127.0.0.1", port=taken.getsockname()[1])
    assert not panel.serving and "端口" in messages[-1]


def scoring_recusals(db):
    from fazhi_desktop.roster import list_recusals

    return list_recusals(db, READY)


def test_the_main_windows_scoring_page_shows_a_phones_score_at_once(demo_window, qtbot, demo_db):
    """评分录入 (another page of the main window) is told by the console's server, not by polling."""
    w = demo_window
    w.open_session(READY, page="setup")
    w.begin_meeting()
    panel = w.page("live").devices
    assert panel.start_server(host="127.0.0.1", port=0)
    scoring_page = w.page("scoring")
    unit = w.page("live").meeting.unit()
    scoring_page.set_unit(unit.id)
    expert = panel.model.rows[0]
    leaf = load_template(demo_db, READY).leaves()[0][0]
    try:
        assert post(panel.url_for(expert.expert_id) + "/scores", {"unit": unit.name, "criterion": leaf, "score": "7"})[0] == 200
        grid = scoring_page.model
        cell = grid.index(grid.leaf_rows()[0], grid.column_of(expert.expert_id))
        qtbot.waitUntil(lambda: grid.data(cell, Qt.ItemDataRole.DisplayRole) == "7", timeout=10_000)
        assert not grid.flags(cell) & Qt.ItemFlag.ItemIsEditable  # the phone's column, here too
    finally:
        panel.stop_server()


def test_a_meeting_of_phone_saves_keeps_references_and_memory(console, qtbot, demo_db):
    """Long use of the phones' path: 7 phones × 10 units × 6 leaves = 420 saves and 70 submits,
    each reported from a server thread into the console through the queued bridge signal. On a
    sound binding the references of None/True/False never fall, and memory stays put after the
    first unit (the same watch as the soak of the whole meeting)."""
    import gc

    from ui.soak import rss_bytes, singleton_refs as refcounts

    panel = console.devices
    assert panel.start_server(host="127.0.0.1", port=0)
    units = panel.model.units
    leaves = [path for path, _leaf in load_template(demo_db, READY).leaves()]
    recused = scoring_recusals(demo_db)
    rows = list(panel.model.rows)

    def unit_of_phones(unit):
        threads = []
        for row in rows:
            if (row.expert_id, unit.unit_id) in recused:
                continue

            def phone(url=panel.url_for(row.expert_id)):
                for k, path in enumerate(leaves):
                    assert post(url + "/scores", {"unit": unit.unit, "criterion": path, "score": str(5 + k % 3)})[0] == 200
                assert post(url + "/submit", {"unit": unit.unit})[0] == 200
            threads.append(threading.Thread(target=phone))
        for t in threads:
            t.start()
        qtbot.waitUntil(lambda: not any(t.is_alive() for t in threads), timeout=30_000)
        qtbot.waitUntil(lambda: all(r.units[unit.unit_id].submitted or r.units[unit.unit_id].recused
                                    for r in panel.model.rows), timeout=10_000)

    unit_of_phones(units[0])  # warm: first use of every path
    gc.collect()
    refs, rss = refcounts(), rss_bytes()
    for unit in units[1:]:
        unit_of_phones(unit)
    gc.collect()
    after = refcounts()
    # the binding bug of issue 12 loses one reference per emit: ~560 emits here would take None or
    # True+False down by hundreds (on 6.12.0/3.11: None 30,394 → 17,710). A few are released
    # legitimately (an object holding None freed between the two counts: 2 seen on 6.9.3), and True
    # and False trade references (each unit's progress turns from submitted=False to True), so a
    # small allowance for None and the sum of True and False are what must hold.
    assert after["None"] >= refs["None"] - 30, (refs, after)
    assert after["True"] + after["False"] >= refs["True"] + refs["False"] - 30, (refs, after)
    assert all(r.units[u.unit_id].submitted or r.units[u.unit_id].recused for r in panel.model.rows for u in units)
    if rss is not None:
        assert (rss_bytes() - rss) / 2**20 < 25, "memory grew over nine units of phone saves"
