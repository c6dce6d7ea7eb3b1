"""Opening the database: checks that the file is ours and sound, then migrates it.

One connection per thread: a worker opens its own with :func:`open_db`.
Writes run inside :func:`transaction` (``BEGIN IMMEDIATE`` … ``COMMIT``), one per service call.
"""
from __future__ import annotations

import os
import sqlite3
import stat
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import sqlite_utils

from . import APPLICATION_ID, SQLITE_HEADER
from .errors import DatabaseError
from .migrations import LATEST, MIGRATIONS
from .startup import FirstPaintDatabase
from .timeutil import now_iso  # noqa: F401 - the services import it from here

if TYPE_CHECKING:
    from concurrent.futures import Future

# 'FZRV': marks a file as a 法治评议 database, so we never migrate somebody else's.
FULL_CHECK_BYTES = 8 * 1024 * 1024  # files up to this size get a full quick_check at every open
# how long a write waits for another program's lock before saying so (FAZHI_LOCK_TIMEOUT: tests)
LOCK_TIMEOUT_S = float(os.environ.get("FAZHI_LOCK_TIMEOUT", "10"))


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(f"数据库路径是一个文件夹，不是文件：{path}")
    try:
        mode = path.stat().st_mode  # follows a link: what would be written is what counts
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise DatabaseError(f"无法读取数据库文件 {path}：{exc.strerror or exc}") from exc
    if mode is not None and not stat.S_ISREG(mode):
        kind = ("设备" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "管道" if stat.S_ISFIFO(mode)
                else "套接字" if stat.S_ISSOCK(mode) else "特殊文件")
        raise DatabaseError(f"{path} 是{kind}，不是普通文件，不能用作数据库，未作任何改动。请用 --db 指定一个 .db 文件。")
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"无法创建数据文件夹 {folder}：{exc.strerror or exc}") from exc
    if not os.access(folder, os.W_OK):
        raise DatabaseError(f"数据文件夹 {folder} 不可写（只读），无法保存评议数据。请换一个位置（--db）。")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise DatabaseError(f"数据库文件 {path} 是只读的，无法保存评议数据。")
        if path.stat().st_size > 0:
            with path.open("rb") as fh:
                header = fh.read(16)
            if header != SQLITE_HEADER:
                raise DatabaseError(f"文件 {path} 不是法治评议的数据库（也不是 SQLite 数据库），未作任何改动。")


def connect(path: Path | str, *, lazy: bool = False) -> sqlite_utils.Database:
    """A raw connection in autocommit mode (transactions are explicit), WAL and foreign keys on.
    A lock held by another program is waited for up to LOCK_TIMEOUT_S, then reported.
    ``lazy``: sqlite-utils is imported only when more than reads are needed (fazhi_desktop.startup)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=LOCK_TIMEOUT_S, check_same_thread=True)
    # execute_plugins=False: no scan of every installed package for sqlite-utils plugins (≈12 ms+ at start).
    db = FirstPaintDatabase(conn) if lazy else sqlite_utils.Database(conn, execute_plugins=False)
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode is durable across application crashes; FULL also survives power loss.
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def open_db(path: Path | str, *, migrate: bool = True, lazy: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    ``lazy=True`` (the window's start): see fazhi_desktop.startup.FirstPaintDatabase.

    Refuses, without changing the file: a non-SQLite file, a SQLite file that is not ours, a
    damaged file, and a file written by a newer version of the program.
    """
    memory = str(path) == ":memory:"
    pending: Future | None = None
    if not memory:
        path = Path(path)
        _check_file(path)
        if path.exists() and path.stat().st_size > 0:
            _inspect(path)  # read-only: a refused file is never touched, not even its header
            if path.stat().st_size > FULL_CHECK_BYTES:
                pending = _background_check(path)
    try:
        db = connect(path, lazy=lazy)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"数据库文件 {path} 已损坏或无法读取（{exc}），未作任何改动。") from exc
    db._fazhi_check = pending  # type: ignore[attr-defined]  # every write waits for it (transaction)
    if migrate:
        try:
            migrate_db(db)
        except sqlite3.DatabaseError as exc:
            db.conn.close()
            raise DatabaseError(f"数据库文件 {path} 已损坏，无法升级（{exc}），未作任何改动。") from exc
    return db


def _inspect(path: Path) -> None:
    """Check an existing file through a read-only connection before anything writes to it."""
    problem = _header_problem(path)
    if problem:
        raise DatabaseError(f"数据库文件 {path} 已损坏（{problem}），未作任何改动。")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"数据库文件 {path} 无法打开（{exc}），未作任何改动。") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        tables = len(names)
        if tables:
            if path.stat().st_size <= FULL_CHECK_BYTES:
                result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                problem = None if result == "ok" else result
            else:
                # quick_check reads every page (≈0.25 s per 100 MB warm, seconds on a cold disk):
                # a big history database gets the cheap checks; the backups' integrity_check and
                # SQLite's own checks on each read catch the rest.
                for name in names:
                    conn.execute(f'SELECT 1 FROM "{name.replace(chr(34), chr(34) * 2)}" LIMIT 1').fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(damaged_message(path, str(exc))) from exc
    finally:
        conn.close()
    if problem:
        raise DatabaseError(damaged_message(path, problem))
    if app_id != APPLICATION_ID and tables > 0:
        raise DatabaseError(f"文件 {path} 是别的程序的 SQLite 数据库，不是法治评议的数据库，未作任何改动。")
    if version > LATEST:
        raise DatabaseError(
            f"数据库 {path} 来自更新版本的法治评议（数据版本 {version}，本程序支持到 {LATEST}）。"
            "请升级程序后再打开，文件未作任何改动。")


def damaged_message(path: Path | None, problem: str) -> str:
    """fazhi_desktop.backup's text, importing that module only when a file is found damaged (the
    window's start does not need it before its first paint)."""
    from .backup import damaged_message as text

    return text(path, problem)


_CHECKED: dict[tuple[str, int, int], Future] = {}
_CHECK_LOCK = threading.Lock()


def _background_check(path: Path) -> Future:
    """A full quick_check of a large file on a read-only connection of its own, started at open so
    reading can begin at once; the first write waits for it (see :func:`await_check`). The result
    is kept per file (and its size and time) for the process: a second connection doesn't recheck."""
    from concurrent.futures import Future  # only a large file has one: not imported at every start

    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _CHECK_LOCK:
        if key in _CHECKED:
            return _CHECKED[key]
        future: Future = Future()
        _CHECKED[key] = future

    def run() -> None:
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                rows = conn.execute("PRAGMA quick_check(5)").fetchall()
            finally:
                conn.close()
            problems = [r[0] for r in rows if r[0] != "ok"]
            future.set_result("；".join(problems)[:300] or None)
        except sqlite3.DatabaseError as exc:
            future.set_result(str(exc))
        except BaseException as exc:  # noqa: BLE001 - reported to the waiting write
            future.set_exception(exc)
    threading.Thread(target=run, name="fazhi-db-check", daemon=True).start()
    return future


def await_check(db: sqlite_utils.Database) -> None:
    """Before the first write on a large file: wait for its integrity check; a damaged file is never
    written (DatabaseError, naming the latest good snapshot)."""
    pending: Future | None = getattr(db, "_fazhi_check", None)
    if pending is None:
        return
    problem = pending.result()
    if problem:
        path = database_file(db)
        raise DatabaseError(damaged_message(path, problem))
    db._fazhi_check = None  # type: ignore[attr-defined]


def _header_problem(path: Path) -> str | None:
    """A truncated file, told from the header's page count (valid when no WAL holds newer pages)."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100:
        return "文件头不完整"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "页大小无效"
    pages = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if pages and header[24:28] == header[92:96] and not has_wal and path.stat().st_size < pages * page_size:
        return f"文件被截断：应有 {pages * page_size} 字节，实有 {path.stat().st_size} 字节"
    return None


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate_db(db: sqlite_utils.Database, *, target: int = LATEST) -> int:
    """Apply the missing migrations up to ``target``; returns the version reached."""
    version = schema_version(db)
    while version < target:
        with transaction(db):
            MIGRATIONS[version](db)
            version += 1
            db.execute(f"PRAGMA user_version = {version}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return version


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction. Nested use joins the outer one (a SAVEPOINT)."""
    conn = db.conn
    await_check(db)
    if conn.in_transaction:
        name = f"sp{id(conn)}_{os.urandom(3).hex()}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    with _outermost(conn, "BEGIN IMMEDIATE"):
        yield db


@contextmanager
def read_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One read transaction: every query inside sees the database at one moment (WAL keeps it while
    others write). Inside a transaction already (a write, or a read around this one) it joins it."""
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    with _outermost(conn, "BEGIN"):  # deferred: the first read fixes the moment; writers are not locked out
        yield db


@contextmanager
def _outermost(conn: sqlite3.Connection, begin: str) -> Iterator[None]:
    """BEGIN … COMMIT around the body, ROLLBACK when it raises."""
    conn.execute(begin)
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def database_file(db: sqlite_utils.Database) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def database_error_text(exc: BaseException, path: object = None) -> str:
    """What a raw SQLite error means for the user (the CLI and the window show this, never a
    traceback): a lock held too long, a full disk, a damaged file, a duplicate."""
    import sqlite3

    text = str(exc).lower()
    where = f"数据库 {path}" if path else "数据库"
    if "locked" in text or "busy" in text:
        return (f"{where}正被另一个程序（另一个法治评议窗口或命令）占用，等待后仍未释放，未作任何改动。"
                "请关闭其他正在使用它的窗口或命令后重试。")
    if "disk is full" in text or "database or disk is full" in text:
        return f"磁盘已满，{where}无法写入，未保存这次的修改。请腾出磁盘空间后重试。"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged_message(path, str(exc))  # type: ignore[arg-type]
    if isinstance(exc, sqlite3.IntegrityError):
        return f"{where}拒绝了这次写入（与已有数据冲突，可能另一个程序刚写入了相同的内容），未作任何改动。"
    if "readonly" in text or "read-only" in text:
        return f"{where}是只读的，无法保存。"
    if "disk i/o" in text:
        return f"读写{where}时发生磁盘错误（磁盘已满、已拔出或损坏），未保存这次的修改。"
    return f"{where}出错（{exc}），未作任何改动。"
