"""One headless chromium (Debian's, driven through its own chromedriver) and one scoring server
for the browser tests. The browser is isolated: a fresh profile, no background networking, and a
360×740 phone viewport."""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 360, 740
SESSION = 2  # the demo's 2023 review, not yet under way


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    reason = ("Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, "
              "/usr/bin/chromedriver); `bash scripts/dev.sh setup` installs them")
    for item in items:
        if "tests/browser" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps",
                 "--no-default-browser-check", "--lang=zh-CN", f"--window-size={WIDTH},{HEIGHT}",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": WIDTH, "height": HEIGHT,
                                                                          "pixelRatio": 2.0, "touch": True}})
    # every request the page makes (performance log) and every console message (CSP violations)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()


@dataclass
class Served:
    db_path: Path
    base: str
    tokens: dict[str, str]  # expert name → token
    server: object
    port: int

    def url(self, expert: str) -> str:
        return f"{self.base}/e/{self.tokens[expert]}"

    def restart(self) -> None:
        from fazhi_desktop.serve.server import ScoringServer
        self.server = ScoringServer(self.db_path, SESSION, host="127.0.0.1", port=self.port)
        self.server.start()


@pytest.fixture(scope="module")
def served(tmp_path_factory, _db_templates):
    from fazhi_desktop.db import open_db
    from fazhi_desktop.serve.access import ensure_tokens
    from fazhi_desktop.serve.server import ScoringServer

    db_path = tmp_path_factory.mktemp("phone-db") / "fazhi.db"
    shutil.copyfile(_db_templates[0], db_path)
    db = open_db(db_path)
    source = sqlite3.connect(_db_templates[1])
    try:
        source.backup(db.conn)
    finally:
        source.close()
    tokens = {a.expert: a.token for a in ensure_tokens(db, SESSION)}
    db.conn.close()
    server = ScoringServer(db_path, SESSION, host="127.0.0.1", port=0)
    base = server.start().rstrip("/")
    port = int(base.rsplit(":", 1)[1])
    served = Served(db_path, base, tokens, server, port)
    try:
        yield served
    finally:
        served.server.stop()
