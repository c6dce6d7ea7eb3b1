"""One writer thread per served database, committing the phones' writes in groups.

SQLite admits one writer at a time and, with ``synchronous = FULL``, every COMMIT waits for the
disk. Seven phones saving at once each waited for the others' COMMITs in turn, and a connection
that finds the file busy sleeps in growing steps (up to 100 ms) before it tries again: a p99 of
~450 ms on loopback. Here the worker threads hand their writes to one thread, which runs every
write waiting at that moment in one transaction, each in a SAVEPOINT of its own (a refused write
rolls back alone), then COMMITs once. Each caller is answered only after that COMMIT: an answer
still means "stored durably".
"""
from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Callable, TypeVar

import sqlite_utils

from ..db import open_db, transaction

T = TypeVar("T")
MAX_GROUP = 64
BUSY_TIMEOUT_MS = 15000  # the window's own writes, or another program's, are waited for this long


class GroupWriter:
    def __init__(self, db_path: Path | str):
        self.db_path = db_path
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def run(self, job: Callable[[sqlite_utils.Database], T]) -> T:
        """Run ``job(db)`` inside a write transaction; return its result once committed (or raise
        what it raised, with nothing of it stored)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="fazhi-serve-writer", daemon=True)
                self._thread.start()
        future: Future = Future()
        self._jobs.put((job, future))
        return future.result()

    def close(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(10)

    def _loop(self) -> None:
        db = open_db(self.db_path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            while True:
                item = self._jobs.get()
                if item is None:
                    return
                group = [item]
                stop = False
                while len(group) < MAX_GROUP:
                    try:
                        more = self._jobs.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        stop = True
                        break
                    group.append(more)
                self._commit(db, group)
                if stop:
                    return
        finally:
            db.conn.close()

    @staticmethod
    def _commit(db: sqlite_utils.Database, group: list) -> None:
        done: list[tuple[Future, object, BaseException | None]] = []
        try:
            with transaction(db):
                for job, future in group:
                    try:
                        with transaction(db):  # a SAVEPOINT: a refused write leaves the others alone
                            done.append((future, job(db), None))
                    except Exception as exc:  # noqa: BLE001 - handed to the caller, who answers the phone
                        done.append((future, None, exc))
        except BaseException as exc:  # the COMMIT itself failed (a full disk): nothing of the group is stored
            for _job, future in group:
                if not future.done():
                    future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for future, value, error in done:
            if error is None:
                future.set_result(value)
            else:
                future.set_exception(error)
