"""The experts' scoring page in a real browser (headless chromium, 360×740), against a real
ScoringServer on 127.0.0.1: it loads with no outside request, fits a phone, stores what is typed,
refuses bad values in words, keeps values through a dropped network and a reload, locks a unit on
submit, follows the console and says when its link is dead.

Screenshots go to a folder under the test's tmp dir; FAZHI_PHONE_SHOTS=DIR copies them there too.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from decimal import Decimal

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from fazhi_desktop.db import open_db
from fazhi_desktop.live import LiveMeeting
from fazhi_desktop.roster import list_units
from fazhi_desktop.scoring import is_submitted
from fazhi_desktop.serve.access import revoke_token
from fazhi_desktop.sessions import load_template

from .conftest import SESSION, WIDTH

# demo session 2's leaves, in order, with their maxima
LEAVES = ["普法责任制机制建设", "系统内学法用法", "社会普法宣传/重点对象普法", "社会普法宣传/新媒体普法",
          "创新普法形式", "普法实效"]
MAXIMA = [20, 20, 10, 15, 15, 20]
# one browser and one server for the module: keep its tests on one xdist worker (dev.sh: loadgroup)
pytestmark = pytest.mark.xdist_group("browser")


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone-shots")
    yield folder
    target = os.environ.get("FAZHI_PHONE_SHOTS")
    if target:
        os.makedirs(target, exist_ok=True)
        for png in folder.glob("*.png"):
            shutil.copy(png, target)


def shoot(driver, shots, name):
    driver.save_screenshot(str(shots / f"{name}.png"))


def wait(driver, condition, timeout=8.0, what=""):
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: condition(d), message=what)


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def field(driver, i):
    return driver.find_element(By.ID, f"s{i}")


def badge(driver, i):
    return driver.execute_script(f"return document.getElementById('s{i}').nextElementSibling.textContent")


def error(driver, i):
    return driver.execute_script(f"return document.getElementById('e{i}').textContent")


def my_scores(served, expert, unit):
    """{leaf path: value} stored in the database for one expert and unit, read through the core."""
    db = open_db(served.db_path)
    try:
        leaves = {leaf.id: path for path, leaf in load_template(db, SESSION).leaves()}
        rows = db.execute("SELECT c.id, s.value FROM scores s JOIN experts e ON e.id = s.expert_id "
                          "JOIN units u ON u.id = s.unit_id JOIN criteria c ON c.id = s.criterion_id "
                          "WHERE s.session_id = ? AND e.name = ? AND u.name = ?", [SESSION, expert, unit]).fetchall()
        return {leaves[cid]: Decimal(v) for cid, v in rows}
    finally:
        db.conn.close()


def ids(served, expert, unit):
    db = open_db(served.db_path)
    try:
        e = db.execute("SELECT id FROM experts WHERE session_id = ? AND name = ?", [SESSION, expert]).fetchone()[0]
        u = db.execute("SELECT id FROM units WHERE session_id = ? AND name = ?", [SESSION, unit]).fetchone()[0]
        return e, u
    finally:
        db.conn.close()


def open_page(driver, served, expert):
    driver.get(served.url(expert))
    wait(driver, lambda d: text(d, "expert") == expert and d.find_elements(By.ID, "s0"), what="page did not load")


def pick(driver, unit):
    """Choose a unit with the picker, as a finger would."""
    driver.find_element(By.CSS_SELECTOR, "#picker summary").click()
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "#units button.unit") if b.find_element(
        By.CLASS_NAME, "uname").text == unit]
    assert buttons, f"{unit} is not in the picker"
    buttons[0].click()
    wait(driver, lambda d: text(d, "unit-name") == unit)


def type_into(driver, i, keys):
    """Scroll to the field (as a thumb does: the bar at the bottom covers the lowest strip), tap it,
    clear it and type."""
    box = field(driver, i)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    driver.execute_script("arguments[0].select()", box)  # what a long press → 全选 does
    box.send_keys(keys)  # real key events replace the selection


def test_page_loads_from_the_server_alone_and_fits_a_phone(browser, served, shots):
    browser.get_log("performance")  # drop what earlier pages logged
    browser.get_log("browser")
    open_page(browser, served, "周立")
    time.sleep(0.3)  # the first state poll and its rendering
    assert text(browser, "session") == "市级普法责任单位普法履职报告评议会"
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#criteria .leaf")]
    assert labels == ["普法责任制机制建设", "系统内学法用法", "重点对象普法", "新媒体普法", "创新普法形式", "普法实效"]
    assert "满分 20" in browser.find_element(By.CSS_SELECTOR, "#criteria li").text
    assert "领导机制" in browser.find_element(By.CSS_SELECTOR, "#criteria li .desc").text
    assert text(browser, "max") == "100"

    # every request went to the server itself: no font, script or anything else from outside
    urls = set()
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.add(message["params"]["request"]["url"])
    urls |= set(browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)"))
    assert any(u.endswith("/expert.js") for u in urls) and any(u.endswith("/state") for u in urls)
    # (chrome:// and data: are the browser's own, never the network)
    outside = sorted(u for u in urls if u.split(":")[0] in ("http", "https", "ws", "wss", "ftp")
                     and not u.startswith(served.base + "/"))
    assert outside == []
    # no console error: a Content-Security-Policy violation (inline script or style) would be one
    errors = [m["message"] for m in browser.get_log("browser") if m["level"] == "SEVERE"]
    assert errors == []

    # nothing wider than the phone, fields a finger can hit, the numeric keyboard
    assert browser.execute_script("return document.documentElement.scrollWidth") <= WIDTH
    assert browser.execute_script("return window.innerWidth") == WIDTH
    small = browser.execute_script(
        "return [...document.querySelectorAll('input, button, summary')].filter(e => e.offsetParent)"
        ".map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect().height])"
        ".filter(([_, h]) => h < 44)")
    assert small == []
    assert {field(browser, i).get_attribute("inputmode") for i in range(6)} == {"decimal"}
    shoot(browser, shots, "01-loaded")


def test_scores_typed_on_the_phone_are_stored_and_bad_ones_refused(browser, served, shots):
    open_page(browser, served, "周立")
    pick(browser, "市教委")
    values = ["18", "１７．５", "9", "12.25", "13", "19"]  # the second typed with full-width digits
    for i, v in enumerate(values):
        type_into(browser, i, v)
    field(browser, 5).send_keys(Keys.ENTER)
    wait(browser, lambda d: text(d, "sync") == "全部已保存", what="values not confirmed by the server")
    assert my_scores(served, "周立", "市教委") == {
        LEAVES[0]: Decimal("18"), LEAVES[1]: Decimal("17.5"), LEAVES[2]: Decimal("9"),
        LEAVES[3]: Decimal("12.25"), LEAVES[4]: Decimal("13"), LEAVES[5]: Decimal("19")}
    assert field(browser, 1).get_attribute("value") == "17.5"  # normalised on leaving the field
    assert [badge(browser, i) for i in range(6)] == ["已保存"] * 6
    assert text(browser, "total") == "88.75"

    # over the maximum, three decimals, not a number: refused on the phone, in words, not stored
    for keys, words in (("12", "得分 12 超出范围，应在 0 到 10 之间。"), ("8.555", "得分 8.555 最多保留两位小数。"),
                        ("八", "“八”不是数字")):
        type_into(browser, 2, keys)
        wait(browser, lambda d: words in error(d, 2), what=f"no message for {keys}")
        assert badge(browser, 2) == "未保存"
    assert browser.find_element(By.ID, "submit").get_attribute("disabled") == "true"
    assert "有误" in text(browser, "why")
    shoot(browser, shots, "02-refused")
    time.sleep(1.0)  # longer than the page waits before sending
    assert my_scores(served, "周立", "市教委")[LEAVES[2]] == Decimal("9")

    # the server checks again: a value that slipped past the phone comes back with its reason
    type_into(browser, 2, "9")
    field(browser, 2).send_keys(Keys.TAB)
    wait(browser, lambda d: badge(d, 2) == "已保存")
    browser.execute_script(
        "const t = location.pathname.split('/').pop();"
        "localStorage.setItem('fazhi:' + t + ':seq', '1000');"
        "localStorage.setItem('fazhi:' + t + ':v:' + JSON.stringify(['市教委', arguments[0]]),"
        " JSON.stringify({unit: '市教委', path: arguments[0], value: '35', state: 'pending', error: '', seq: 999}));",
        LEAVES[3])
    browser.refresh()
    wait(browser, lambda d: "超出范围" in error(d, 3), what="the server's 422 reason is not shown")
    assert "0 到 15" in error(browser, 3)
    assert my_scores(served, "周立", "市教委")[LEAVES[3]] == Decimal("12.25")


def test_values_typed_offline_wait_on_the_phone_and_are_sent_when_the_server_returns(browser, served, shots):
    open_page(browser, served, "孙丽")
    pick(browser, "市公安局")
    served.server.stop()
    type_into(browser, 0, "16")
    type_into(browser, 1, "15.5")
    field(browser, 1).send_keys(Keys.TAB)
    wait(browser, lambda d: not d.find_element(By.ID, "offline").get_attribute("hidden"), what="no offline banner")
    assert [badge(browser, 0), badge(browser, 1)] == ["待发送", "待发送"]
    assert text(browser, "sync") == "离线 · 2 项待发送"
    assert text(browser, "total") == "31.5"
    shoot(browser, shots, "03-offline")

    # the server comes back on the same port, but the phone reloads before it may send
    served.restart()
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/scores"]})
    try:
        browser.refresh()
        wait(browser, lambda d: text(d, "unit-name") == "市公安局")
        assert [field(browser, i).get_attribute("value") for i in (0, 1)] == ["16", "15.5"]
        assert [badge(browser, 0), badge(browser, 1)] == ["待发送", "待发送"]
        assert my_scores(served, "孙丽", "市公安局") == {}
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    wait(browser, lambda d: text(d, "sync") == "全部已保存", timeout=10, what="the queue was not sent")
    assert [badge(browser, 0), badge(browser, 1)] == ["已保存", "已保存"]
    assert browser.find_element(By.ID, "offline").get_attribute("hidden") == "true"
    assert my_scores(served, "孙丽", "市公安局") == {LEAVES[0]: Decimal("16"), LEAVES[1]: Decimal("15.5")}


def test_submit_locks_the_unit_and_the_phone_follows_the_console(browser, served, shots):
    expert, unit, next_unit = "陈敏", "市民政局", "市人力社保局"
    open_page(browser, served, expert)
    pick(browser, unit)
    for i, v in enumerate(["15", "16", "8", "12", "11"]):
        type_into(browser, i, v)
    field(browser, 4).send_keys(Keys.TAB)
    wait(browser, lambda d: text(d, "sync") == "全部已保存")
    submit = browser.find_element(By.ID, "submit")
    assert submit.get_attribute("disabled") == "true" and text(browser, "why") == "还有 1 项未评分。"

    # the chair calls the next unit to scoring: the phone offers it without leaving this one
    db = open_db(served.db_path)
    try:
        live = LiveMeeting(db, SESSION)
        live.begin()
        live.go_to(next(u.id for u in list_units(db, SESSION) if u.name == next_unit))
        live.end_phase()
        live.end_phase()
        assert live.phase == "scoring"
    finally:
        db.conn.close()
    type_into(browser, 5, "17")
    wait(browser, lambda d: d.find_element(By.ID, "live").is_displayed(), timeout=6, what="no scoring banner")
    assert text(browser, "live").startswith(f"现在请为 {next_unit} 评分")
    assert text(browser, "unit-name") == unit
    assert text(browser, "stage") == f"现场：{next_unit} · 评分环节"
    field(browser, 5).send_keys(Keys.TAB)
    wait(browser, lambda d: not d.find_element(By.ID, "submit").get_attribute("disabled"))
    assert text(browser, "total") == "79"

    submit.click()
    dialog = browser.find_element(By.ID, "confirm")
    assert dialog.is_displayed() and "得分合计 79 / 满分 100" in dialog.text
    shoot(browser, shots, "04-confirm")
    browser.find_element(By.ID, "confirm-yes").click()
    # nobody is typing and this unit is done: the page moves to the one the chair has in scoring
    wait(browser, lambda d: text(d, "unit-name") == next_unit, timeout=5, what="did not follow the console")
    e, u = ids(served, expert, unit)
    db = open_db(served.db_path)
    try:
        assert is_submitted(db, e, u)
    finally:
        db.conn.close()

    # the finished unit stays locked; the one in scoring is marked in the list and a tap away
    browser.find_element(By.CSS_SELECTOR, "#picker summary").click()
    stage = browser.find_element(By.CSS_SELECTOR, "#units .on-stage")
    assert stage.text.split("\n") == [next_unit, "现场评分环节", "未评"]
    states = {b.text.split("\n")[0]: b.text.split("\n")[-1] for b in browser.find_elements(By.CSS_SELECTOR, "#units .unit")}
    assert states[unit] == "已提交" and states["市教委"] == "未评"
    shoot(browser, shots, "05-units")
    browser.find_element(By.CSS_SELECTOR, "#picker summary").click()
    pick(browser, unit)
    assert text(browser, "unit-state").startswith("已提交")
    assert all(field(browser, i).get_attribute("disabled") == "true" for i in range(6))
    assert text(browser, "submit") == "已提交"
    shoot(browser, shots, "06-submitted")
    browser.find_element(By.ID, "live").click()
    wait(browser, lambda d: text(d, "unit-name") == next_unit)
    assert "现场评分环节" in text(browser, "unit-state")
    shoot(browser, shots, "07-live-unit")


def test_a_revoked_link_says_so_and_stores_nothing(browser, served, shots):
    open_page(browser, served, "黄振")
    db = open_db(served.db_path)
    try:
        expert_id = db.execute("SELECT id FROM experts WHERE session_id = ? AND name = '黄振'", [SESSION]).fetchone()[0]
        revoke_token(db, session_id=SESSION, expert_id=expert_id, reason="手机遗失")
        unit_id = next(u.id for u in list_units(db, SESSION) if u.name == text(browser, "unit-name"))
    finally:
        db.conn.close()
    type_into(browser, 0, "10")
    wait(browser, lambda d: d.find_element(By.ID, "revoked").is_displayed(), timeout=6, what="no revoked banner")
    assert text(browser, "revoked") == "此链接已失效，请向会务人员索取新的二维码"
    assert field(browser, 0).get_attribute("disabled") == "true"
    assert badge(browser, 0) == "未发送" and text(browser, "sync") == "1 项未发送"
    shoot(browser, shots, "08-revoked")
    db = open_db(served.db_path)
    try:
        stored = db.execute("SELECT count(*) FROM scores s JOIN experts e ON e.id = s.expert_id "
                            "WHERE e.name = '黄振' AND s.unit_id = ?", [unit_id]).fetchone()[0]
    finally:
        db.conn.close()
    assert stored == 0
