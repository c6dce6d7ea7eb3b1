"""The experts' scoring server as a WSGI application (CONTRACT.md, "The experts' scoring server").

    GET  /e/TOKEN            the phone page (resources/serve/expert.html)
    GET  /e/TOKEN/<file>     the page's own files from resources/serve/ (names checked, no folders)
    GET  /e/TOKEN/state      this expert's own sheet: criteria, units, own scores, the live unit
    POST /e/TOKEN/scores     {"unit", "criterion", "score"} → 200 once durable, 422, 409
    POST /e/TOKEN/submit     {"unit"} → 200, 409 while a leaf is unscored

Every write goes through ``scoring.record_score`` / ``scoring.submit`` (validation, recusal,
audit) in one transaction that also records the device's check (``score_checks``), and the
answer is sent only after COMMIT (WAL, ``synchronous = FULL``). Each worker thread has its own
connection. Nothing another expert scored, and no ranking, is ever in an answer.

Threat model (README, "The experts' scoring server"): an isolated meeting network, plain HTTP,
the token in the URL. Hence no Referer leaves the page, no URL is logged, ``Host`` must be the
bound address (DNS rebinding), a cross-origin ``Origin`` may not write, bodies are small JSON,
each token is rate-limited, and a revoked token or a finished session's token opens nothing.
"""
from __future__ import annotations

import html
import json
import logging
import re
import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable

import sqlite_utils

from ..db import database_error_text, now_iso, open_db
from ..errors import UserError
from ..resources import resource_path
from ..scoring import check_score, is_recused, is_submitted, record_score, submit
from ..sessions import SessionLocked, get_session, load_template
from ..template import fmt_decimal
from .access import CLOSED_TEXT, Forbidden, SessionClosed, resolve_token, seen_recently, touch
from .writer import BUSY_TIMEOUT_MS, GroupWriter

OPERATOR = "专家本人（设备）"
MAX_BODY = 4096
RATE_PER_S, BURST = 20.0, 40.0
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,86}")
ASSET_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\.(js|css|svg|png|ico|woff2|webmanifest)")
ASSET_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8", "svg": "image/svg+xml",
               "png": "image/png", "ico": "image/x-icon", "woff2": "font/woff2",
               "webmanifest": "application/manifest+json"}
SECURITY_HEADERS = [
    ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),  # the token is in the URL: it must not leave the page
    ("X-Frame-Options", "DENY"),
]
MESSAGE_PAGE = ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>专家评分</title>"
                "</head><body><h1>专家评分</h1><p>{}</p></body></html>")
PLACEHOLDER = MESSAGE_PAGE.format("评分页面文件缺失（resources/serve/expert.html），请联系会务人员。评分服务本身在运行。")
STATUS_TEXT = {200: "200 OK", 400: "400 Bad Request", 403: "403 Forbidden", 404: "404 Not Found",
               405: "405 Method Not Allowed", 409: "409 Conflict", 411: "411 Length Required",
               413: "413 Payload Too Large", 415: "415 Unsupported Media Type", 422: "422 Unprocessable Entity",
               429: "429 Too Many Requests", 500: "500 Internal Server Error", 503: "503 Service Unavailable"}

OnChange = Callable[[dict], None]
log = logging.getLogger(__name__)


class Refused(Exception):
    """An answer other than 200, with the reason for the phone (Chinese)."""

    def __init__(self, status: int, message: str, headers: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or []


class TokenBuckets:
    """A token bucket per key: ``rate`` calls a second on average, ``burst`` at once."""

    def __init__(self, rate: float = RATE_PER_S, burst: float = BURST, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            level, then = self._buckets.get(key, (self.burst, now))
            level = min(self.burst, level + (now - then) * self.rate)
            allowed = level >= 1
            self._buckets[key] = (level - 1 if allowed else level, now)
            if len(self._buckets) > 4096:  # guessed tokens must not grow this without end
                for old in list(self._buckets)[:2048]:
                    del self._buckets[old]
            return allowed


def json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def serve_dir() -> Path:
    return resource_path("serve")


class ScoringApp:
    """The WSGI callable for one session. ``allowed_hosts``: the ``Host`` values accepted
    (``"192.168.43.1:8765"``; for loopback also ``localhost:PORT``), lower case."""

    def __init__(self, db_path: Path | str, session_id: int, *, allowed_hosts: Iterable[str],
                 on_change: OnChange | None = None, rate: float = RATE_PER_S, burst: float = BURST):
        self.db_path, self.session_id = db_path, session_id
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.origins = {f"http://{h}" for h in self.allowed_hosts}
        self.on_change = on_change
        self.buckets = TokenBuckets(rate, burst)
        self._local = threading.local()
        self.writer = GroupWriter(db_path)

    def close(self) -> None:
        """Stop the writer thread (after the server has stopped handing it work)."""
        self.writer.close()

    # -- plumbing -------------------------------------------------------------------------------

    def db(self) -> sqlite_utils.Database:
        """This thread's connection (opened once per worker thread, closed when the thread ends)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = open_db(self.db_path)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._local.db = db
        return db

    def __call__(self, environ: dict, start_response: Callable) -> list[bytes]:
        try:
            status, headers, body = self.handle(environ)
        except Refused as exc:
            status, headers, body = exc.status, exc.headers, _json({"error": exc.message})
            if _is_page(environ):  # a link opened in the browser: the reason as a page, not as JSON
                headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"), *headers]
                body = _message_page(exc.message)
        except sqlite3.Error as exc:
            log.error("scoring server: database error %s", type(exc).__name__)
            status, headers, body = 503, [], _json({"error": database_error_text(exc)})
        except Exception as exc:  # noqa: BLE001 - never a traceback (with the token in it) to the phone or the log
            log.error("scoring server: %s in %s %s", type(exc).__name__, environ.get("REQUEST_METHOD"),
                      _redact(environ.get("PATH_INFO", "")))
            status, headers, body = 500, [], _json({"error": "评分服务出错，这次没有保存。请稍后重试，或告知会务人员。"})
        if not any(k == "Content-Type" for k, _v in headers):
            headers = [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store"), *headers]
        start_response(STATUS_TEXT.get(status, f"{status} Error"),
                       [*headers, *SECURITY_HEADERS, ("Content-Length", str(len(body)))])
        return [body] if environ.get("REQUEST_METHOD") != "HEAD" else []

    def handle(self, environ: dict) -> tuple[int, list[tuple[str, str]], bytes]:
        host = (environ.get("HTTP_HOST") or "").strip().lower()
        if host not in self.allowed_hosts:
            raise Refused(403, "访问地址不对：请使用会务人员提供的评分链接。")
        parts = (environ.get("PATH_INFO") or "/").split("/")
        if len(parts) < 3 or parts[0] != "" or parts[1] != "e" or not parts[2]:
            raise Refused(404, "没有这个页面。请使用会务人员提供的专属评分链接。")
        token, rest = parts[2], "/".join(parts[3:])
        method = environ.get("REQUEST_METHOD", "GET")
        if not TOKEN_RE.fullmatch(token):
            raise Refused(403, "评分链接无效。请使用会务人员发给您的专属链接（或扫描桌上的二维码）。")
        if not self.buckets.allow(token):
            raise Refused(429, "请求过于频繁，请稍候几秒再试。", [("Retry-After", "1")])
        if method == "POST":
            self._check_origin(environ)
        expert_id = self._resolve(token)
        if method in ("GET", "HEAD"):
            if rest in ("", "index.html"):
                return self._page(token)
            if rest == "state":
                return 200, [], _json(self.state(expert_id))
            if ASSET_RE.fullmatch(rest):
                return self._asset(rest)
            if rest in ("scores", "submit"):
                raise Refused(405, "这里只接受提交（POST）。", [("Allow", "POST")])
            raise Refused(404, "没有这个页面。")
        if method == "POST" and rest in ("scores", "submit"):
            data = self._body(environ)
            if rest == "scores":
                self.save_score(expert_id, data)
            else:
                self.submit_unit(expert_id, data)
            return 200, [], _json({"ok": True})
        raise Refused(405, "不支持这种请求。", [("Allow", "GET, POST" if rest in ("scores", "submit") else "GET")])

    def _check_origin(self, environ: dict) -> None:
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin.lower() not in self.origins:
            raise Refused(403, "拒绝来自其他网页的评分请求。")
        if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none"):
            raise Refused(403, "拒绝来自其他网页的评分请求。")

    def _resolve(self, token: str) -> int:
        db = self.db()
        try:
            session_id, expert_id = resolve_token(db, token)
        except Forbidden as exc:
            raise Refused(403, exc.message) from None
        except SessionClosed as exc:
            raise Refused(409, exc.message) from None
        if session_id != self.session_id:
            raise Refused(403, "此链接不属于正在进行的评议会。请向会务人员索取新的链接。")
        if not seen_recently(token) and self.writer.run(lambda wdb: touch(wdb, token)):
            self._changed("seen", expert_id, None)
        return expert_id

    def _body(self, environ: dict) -> dict:
        ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise Refused(415, "请求格式不对（应为 JSON）。")
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            raise Refused(411, "请求缺少长度（Content-Length）。") from None
        if length > MAX_BODY:
            raise Refused(413, f"请求太大（{length} 字节，最多 {MAX_BODY} 字节），没有保存。")
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "请求内容不是有效的 JSON，没有保存。") from None
        if not isinstance(data, dict):
            raise Refused(400, "请求内容应是一个 JSON 对象，没有保存。")
        return data

    def _changed(self, kind: str, expert_id: int, unit_id: int | None) -> None:
        if self.on_change is None:
            return
        try:
            self.on_change({"kind": kind, "session_id": self.session_id, "expert_id": expert_id, "unit_id": unit_id})
        except Exception:  # noqa: BLE001 - the listener's trouble must not turn a stored score into an error
            log.exception("scoring server: on_change failed")

    # -- files ------------------------------------------------------------------------------------

    def _page(self, token: str) -> tuple[int, list[tuple[str, str]], bytes]:
        path = serve_dir() / "expert.html"
        try:
            text = path.read_text("utf-8")
        except OSError:
            text = PLACEHOLDER
        # the page may name its own URL as __TOKEN__ (the token is URL-safe: nothing to escape)
        body = text.replace("__TOKEN__", token).encode("utf-8")
        return 200, [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")], body

    def _asset(self, name: str) -> tuple[int, list[tuple[str, str]], bytes]:
        folder = serve_dir()
        path = folder / name
        if ".." in name or path.resolve().parent != folder.resolve() or not path.is_file():
            raise Refused(404, "没有这个文件。")
        kind = name.rsplit(".", 1)[1]
        return 200, [("Content-Type", ASSET_TYPES[kind]), ("Cache-Control", "no-cache")], path.read_bytes()

    # -- reading ----------------------------------------------------------------------------------

    def state(self, expert_id: int) -> dict[str, Any]:
        """This expert's own sheet, read in one snapshot. Other experts' scores are never read."""
        db = self.db()
        db.execute("BEGIN")
        try:
            session = get_session(db, self.session_id)
            leaves = load_template(db, self.session_id).leaves()
            name = db.execute("SELECT name FROM experts WHERE id = ?", [expert_id]).fetchone()[0]
            mine: dict[int, dict[int, Decimal]] = {}
            for unit_id, criterion_id, value in db.execute(
                    "SELECT unit_id, criterion_id, value FROM scores WHERE session_id = ? AND expert_id = ?",
                    [self.session_id, expert_id]):
                mine.setdefault(unit_id, {})[criterion_id] = Decimal(value)
            units = db.execute(
                "SELECT u.id, u.name, u.status, "
                "EXISTS (SELECT 1 FROM recusals r WHERE r.unit_id = u.id AND r.expert_id = ?), "
                "EXISTS (SELECT 1 FROM submissions b WHERE b.unit_id = u.id AND b.expert_id = ?) "
                "FROM units u WHERE u.session_id = ? ORDER BY u.position, u.id",
                [expert_id, expert_id, self.session_id]).fetchall()
            live = db.execute("SELECT u.name, l.phase FROM live_state l LEFT JOIN units u ON u.id = l.unit_id "
                              "WHERE l.session_id = ?", [self.session_id]).fetchone()
        finally:
            db.execute("COMMIT")
        paths = {leaf.id: path for path, leaf in leaves}
        out_units = []
        for unit_id, unit, status, recused, submitted in units:
            values = mine.get(unit_id, {})
            out_units.append({
                "name": unit, "status": status, "recused": bool(recused), "submitted": bool(submitted),
                "scores": {paths[c]: json_number(v) for c, v in values.items() if c in paths},
                "total": json_number(sum(values.values(), Decimal(0)))})
        live_unit = live[0] if live else None
        return {
            "expert": name, "session": session.title, "status": session.status,
            "criteria": [{"path": path, "max": json_number(leaf.maximum), "description": leaf.description}
                         for path, leaf in leaves],
            "total_max": json_number(sum((leaf.maximum for _p, leaf in leaves), Decimal(0))),
            "units": out_units,
            "live": {"unit": live_unit, "phase": live[1] if live_unit else None},
        }

    # -- writing ----------------------------------------------------------------------------------

    def _unit(self, db: sqlite_utils.Database, data: dict) -> tuple[int, str, str]:
        name = data.get("unit")
        row = db.execute("SELECT id, name, status FROM units WHERE session_id = ? AND name = ?",
                         [self.session_id, name]).fetchone() if isinstance(name, str) else None
        if row is None:
            raise Refused(422, f"本场评议会没有参评单位“{str(name)[:40]}”。")
        return row

    def _leaf(self, db: sqlite_utils.Database, path: str) -> tuple[int, Decimal] | None:
        """(criterion id, maximum) of the leaf at ``path`` ('一级/二级'), from one query (a save is
        on the hot path: the whole template is not needed)."""
        rows = {cid: (parent, name, cmax) for cid, parent, name, cmax in db.execute(
            "SELECT id, parent_id, name, max FROM criteria WHERE session_id = ?", [self.session_id])}
        parents = {parent for parent, _n, _m in rows.values()}
        for cid, (parent, name, cmax) in rows.items():
            if cid in parents or cmax is None or not path.endswith(name):
                continue
            parts = [name]
            while parent is not None:
                parent, pname, _m = rows[parent]
                parts.append(pname)
            if "/".join(reversed(parts)) == path:
                return cid, Decimal(cmax)
        return None

    def _check_open(self, db: sqlite_utils.Database, expert_id: int, unit_id: int, unit: str, status: str,
                    *, scoring: bool) -> None:
        """409 for what the expert cannot change now, checked inside the write transaction."""
        session = get_session(db, self.session_id)
        if session.status in ("finished", "sealed"):
            raise Refused(409, CLOSED_TEXT)
        reason = session.why_locked("scores")
        if reason:
            raise Refused(409, reason)
        if is_recused(db, expert_id, unit_id):
            raise Refused(409, f"您对“{unit}”回避，不参加对该单位的评分。")
        if scoring and status == "absent":
            raise Refused(409, f"“{unit}”已标记缺席，不能评分。")
        if scoring and is_submitted(db, expert_id, unit_id):
            raise Refused(409, f"您对“{unit}”的评分已提交，不能再修改。如需更正，请告知会务人员。")

    def save_score(self, expert_id: int, data: dict) -> None:
        unit_id = self.writer.run(lambda db: self._save_score(db, expert_id, data))
        self._changed("score", expert_id, unit_id)

    def _save_score(self, db: sqlite_utils.Database, expert_id: int, data: dict) -> int:
        """Inside the writer's transaction; the unit's id."""
        unit_id, unit, status = self._unit(db, data)
        path = data.get("criterion")
        leaf = self._leaf(db, path) if isinstance(path, str) else None
        if leaf is None:
            raise Refused(422, f"评分细则里没有指标“{str(path)[:40]}”。")
        leaf_id, maximum = leaf
        self._check_open(db, expert_id, unit_id, unit, status, scoring=True)
        raw = data.get("score")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            value = None  # the expert cleared the box
        else:
            try:
                value = check_score(raw, maximum, where=f"{unit} / {path}")
            except UserError as exc:
                raise Refused(422, exc.message) from None
        try:
            record_score(db, session_id=self.session_id, expert_id=expert_id, unit_id=unit_id,
                         criterion_id=leaf_id, value=value, operator=OPERATOR)
        except SessionLocked as exc:
            raise Refused(409, exc.message) from None
        except UserError as exc:
            raise Refused(422, exc.message) from None
        if value is None:
            db.execute("DELETE FROM score_checks WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
                       [expert_id, unit_id, leaf_id])
        else:  # typed by the expert: nothing to enter a second time
            db.execute("INSERT INTO score_checks (session_id, expert_id, unit_id, criterion_id, value, source, "
                       "checked_at) VALUES (?, ?, ?, ?, ?, 'device', ?) ON CONFLICT(expert_id, unit_id, "
                       "criterion_id) DO UPDATE SET value = excluded.value, source = excluded.source, "
                       "checked_at = excluded.checked_at",
                       [self.session_id, expert_id, unit_id, leaf_id, fmt_decimal(value), now_iso()])
        return unit_id

    def submit_unit(self, expert_id: int, data: dict) -> None:
        unit_id = self.writer.run(lambda db: self._submit(db, expert_id, data))
        if unit_id is not None:
            self._changed("submit", expert_id, unit_id)

    def _submit(self, db: sqlite_utils.Database, expert_id: int, data: dict) -> int | None:
        """Inside the writer's transaction; the unit's id, None when it was submitted already."""
        unit_id, unit, status = self._unit(db, data)
        self._check_open(db, expert_id, unit_id, unit, status, scoring=False)
        if is_submitted(db, expert_id, unit_id):
            return None  # submitting twice changes nothing (a phone resends after a lost answer)
        try:
            submit(db, session_id=self.session_id, expert_id=expert_id, unit_id=unit_id, operator=OPERATOR)
        except UserError as exc:
            raise Refused(409, exc.message) from None
        return unit_id


def make_app(db_path: Path | str, session_id: int, *, allowed_hosts: Iterable[str],
             on_change: OnChange | None = None) -> ScoringApp:
    """The WSGI application for one session (see the module's docstring)."""
    return ScoringApp(db_path, session_id, allowed_hosts=allowed_hosts, on_change=on_change)


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _is_page(environ: dict) -> bool:
    parts = (environ.get("PATH_INFO") or "/").split("/")
    return environ.get("REQUEST_METHOD") in ("GET", "HEAD") and len(parts) in (3, 4) and parts[1] == "e" \
        and (len(parts) == 3 or parts[3] in ("", "index.html"))


def _message_page(message: str) -> bytes:
    return MESSAGE_PAGE.format(html.escape(message)).encode("utf-8")


def _redact(path: str) -> str:
    """A request path with the token hidden (what may go into a log)."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "e":
        parts[2] = "…"
    return "/".join(parts)

