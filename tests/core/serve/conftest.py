"""One demo database and one scoring server (session 2 of the demo: 7 experts, 10 units) shared by
the module's tests; each test scores its own units or experts so they don't meet. All traffic
stays on 127.0.0.1."""
from __future__ import annotations

import http.client
import json
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from fazhi_desktop.db import open_db
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.serve.access import ensure_tokens
from fazhi_desktop.serve.server import ScoringServer
from fazhi_desktop.sessions import load_template

SESSION = 2  # the demo's meeting ready to run


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def json(self) -> dict:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Served:
    server: ScoringServer
    db_path: object
    tokens: dict[str, str]          # expert name → token
    experts: dict[str, int]         # expert name → id
    units: dict[str, int]           # unit name → id
    leaves: dict[str, int]          # leaf path → criterion id
    maxima: dict[str, int]
    events: list[dict] = field(default_factory=list)

    @property
    def netloc(self) -> str:
        return urlsplit(self.server.base_url).netloc

    def call(self, method: str, path: str, body: object = None, *, headers: dict | None = None,
             raw: bytes | None = None) -> Answer:
        conn = http.client.HTTPConnection(self.netloc, timeout=10)
        try:
            data = raw if raw is not None else (None if body is None else json.dumps(body).encode("utf-8"))
            sent = {"Content-Type": "application/json"} if data is not None else {}
            sent.update(headers or {})
            conn.request(method, path, body=data, headers=sent)
            r = conn.getresponse()
            return Answer(r.status, r.read(), {k.lower(): v for k, v in r.getheaders()})
        finally:
            conn.close()

    def score(self, expert: str, unit: str, criterion: str, score: object, **kw) -> Answer:
        return self.call("POST", f"/e/{self.tokens[expert]}/scores",
                         {"unit": unit, "criterion": criterion, "score": score}, **kw)

    def submit(self, expert: str, unit: str) -> Answer:
        return self.call("POST", f"/e/{self.tokens[expert]}/submit", {"unit": unit})

    def state(self, expert: str) -> Answer:
        return self.call("GET", f"/e/{self.tokens[expert]}/state")


def start_served(db_path) -> Served:
    db = open_db(db_path)
    try:
        tokens = {a.expert: a.token for a in ensure_tokens(db, SESSION)}
        experts = {e.name: e.id for e in list_experts(db, SESSION)}
        units = {u.name: u.id for u in list_units(db, SESSION)}
        leaves = load_template(db, SESSION).leaves()
    finally:
        db.conn.close()
    served = Served(None, db_path, tokens, experts, units,  # type: ignore[arg-type]
                    {p: leaf.id for p, leaf in leaves}, {p: int(leaf.maximum) for p, leaf in leaves})
    served.server = ScoringServer(db_path, SESSION, on_change=served.events.append)
    served.server.start()
    return served


@pytest.fixture(scope="module")
def served(_db_templates, tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "meeting.db"
    shutil.copyfile(_db_templates[1], path)
    s = start_served(path)
    yield s
    s.server.stop()


@pytest.fixture
def db(served):
    """A connection of the test's own to the served database (as the window has)."""
    conn = open_db(served.db_path)
    yield conn
    conn.conn.close()
