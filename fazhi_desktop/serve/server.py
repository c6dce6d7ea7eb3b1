"""The scoring server in a thread of its own: waitress (a WSGI server with a pool of worker threads,
pure Python, no compile step, runs on Windows) serving :mod:`fazhi_desktop.serve.app`.

Used by the window (the chair's view starts and stops it) and by ``serve`` on the command line.
It binds only to the address given (the laptop's hotspot or the meeting router's interface;
loopback by default), and ``port=0`` lets the system pick a free port that the URLs then carry.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import sys
import threading
from pathlib import Path

from ..db import open_db
from ..errors import UserError
from .access import check_servable, ensure_tokens
from .app import OnChange, ScoringApp

THREADS = 8  # writes queue for SQLite's one writer anyway; more threads only help reads


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def allowed_hosts(host: str, port: int) -> set[str]:
    """The ``Host`` header values a browser sends for this address (DNS rebinding is refused:
    a name that is not ours never matches)."""
    names = {_bracket(host.lower())}
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host.lower() == "localhost"
    if loopback:
        names |= {"localhost", "127.0.0.1", "[::1]"}
    out = {f"{n}:{port}" for n in names}
    return out | names if port == 80 else out


class ScoringServer:
    """``start()`` → the base URL ``http://HOST:PORT``; ``url(token)``; ``stop()``. ``on_change``
    is called from a worker thread after each committed write (the window queues it to the UI)."""

    def __init__(self, db_path: Path | str, session_id: int, host: str = "127.0.0.1", port: int = 0,
                 on_change: OnChange | None = None, *, threads: int = THREADS):
        self.db_path, self.session_id, self.host, self.port = db_path, session_id, host, port
        self.on_change, self.threads = on_change, threads
        self.base_url: str | None = None
        self.app: ScoringApp | None = None
        self._server = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def url(self, token: str) -> str:
        if self.base_url is None:
            raise UserError("评分服务尚未启动。")
        return f"{self.base_url}/e/{token}"

    def start(self) -> str:
        """Check the session, issue the missing tokens, bind and serve; the base URL."""
        if self.running:
            return self.base_url  # type: ignore[return-value]
        db = open_db(self.db_path)
        try:
            check_servable(db, self.session_id)
            ensure_tokens(db, self.session_id)
        finally:
            db.conn.close()
        sock = self._bind()
        port = sock.getsockname()[1]
        self.app = ScoringApp(self.db_path, self.session_id, allowed_hosts=allowed_hosts(self.host, port),
                              on_change=self.on_change)
        from waitress.server import create_server

        logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth": expected at 30 phones
        self._server = create_server(
            self.app, map={}, sockets=[sock], threads=self.threads, ident="fazhi-review",
            max_request_body_size=64 * 1024, max_request_header_size=16 * 1024, channel_timeout=30,
            connection_limit=200, expose_tracebacks=False, asyncore_use_poll=True)
        self.base_url = f"http://{_bracket(self.host)}:{port}"
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="fazhi-scoring-server", daemon=True)
        self._thread.start()
        return self.base_url

    def _bind(self) -> socket.socket:
        try:
            family, kind, proto, _name, address = socket.getaddrinfo(
                self.host, self.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        except socket.gaierror:
            raise UserError(f"地址“{self.host}”无效或不是本机的地址，评分服务没有启动。") from None
        sock = socket.socket(family, kind, proto)
        if sys.platform != "win32":  # a restart may bind the same port at once (Windows would let others share it)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            sock.close()
            raise UserError(f"无法在 {_bracket(self.host)}:{self.port} 上开启评分服务（{exc.strerror or exc}）："
                            "端口可能已被占用，或这不是本机的地址。请换一个端口（或 0 自动选择）。") from None
        return sock

    def _run(self) -> None:
        server = self._server
        try:
            while not self._stopping.is_set():
                server.asyncore.loop(timeout=1.0, map=server._map, use_poll=True, count=1)
        finally:
            # the loop no longer accepts; requests being served finish (up to 5 s) while the
            # trigger they pull is still open, then the listening socket and every connection close
            server.task_dispatcher.shutdown()
            server.close()
            for channel in list(server._map.values()):
                channel.close()

    def stop(self) -> None:
        """Stop serving, wait for the thread, release the port (idempotent)."""
        if self._thread is None:
            return
        self._stopping.set()
        try:
            self._server.pull_trigger()  # wake the loop now rather than after its timeout
        except OSError:
            pass
        self._thread.join(timeout=10)
        self._thread = None
        self._server = None
        if self.app is not None:
            self.app.close()  # the writer thread, once no request can reach it
