"""Snapshots of the database (SQLite's online backup API) and restoring one.

Snapshots live next to the database, in ``<db stem>-backups/``. The file name carries
everything the restore list shows, so there is no second file to get out of step::

    fazhi-review-20231117-094105-123456-live-s2.db
    <stem>      -<local time, microseconds>-<reason>-s<session id, or 0 for none>.db

A snapshot is written to a hidden ``.partial`` file, synced, then renamed into place: a crash
or a full disk never leaves a half-written snapshot that looks like a good one. Only the last
``keep`` snapshots are kept.

The meeting's snapshots are the core's decision (:class:`AutoSnapshots`): one when a session goes
live (reason ``live``), every few minutes while it is live (``periodic``; :func:`due` decides when)
and when it ends (``end``). The services that change the status say so (:func:`status_changed`,
called next to the status change in ``live.LiveMeeting.begin`` and ``lifecycle.finish_session``);
the window only registers the policy for its file (:func:`watch`) and calls :func:`tick` on events
it already has (a write, the console's checkpoint): nothing polls. Copying takes ≈0.2 s per
100 MB on a fast disk and seconds on an old one, so it runs in a worker that passes the file *path*
(the worker's own connection).
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Union

import sqlite_utils

from . import APPLICATION_ID, SQLITE_HEADER
from .errors import UserError

KEEP = 20
EVERY_S = 300
# A history of 1,000 sessions is ~110 MB: twenty copies would eat 2 GB of an old laptop's disk.
MAX_BYTES = 1 << 30  # the newest snapshots that fit in 1 GiB are kept …
MIN_KEEP = 3  # … but never fewer than three, whatever their size
OFF_ENV = "FAZHI_BACKUP_OFF"  # set (e.g. by --self-test) to take no automatic snapshots
REASONS = {
    "live": "评议开始",
    "periodic": "定时备份",
    "end": "评议结束",
    "manual": "手动备份",
    "before-restore": "恢复前的当前数据",
    "damaged": "损坏的原文件",
}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z][a-z-]*)-s(?P<sid>\d+)\.db$")
_TS = "%Y%m%d-%H%M%S-%f"

DbOrPath = Union["sqlite_utils.Database", sqlite3.Connection, Path, str]


@dataclass(frozen=True)
class Snapshot:
    path: Path
    at: datetime  # local wall-clock time the snapshot was taken
    reason: str
    session_id: int | None
    size: int

    @property
    def label(self) -> str:
        """What the restore list shows for the reason, in Chinese."""
        return REASONS.get(self.reason, self.reason)


def backups_dir(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-backups")


def due(last_at: float | datetime | None, now: float | datetime, every_s: float = EVERY_S) -> bool:
    """True when a periodic snapshot is due: never taken yet, or ``every_s`` seconds have passed.

    ``last_at``/``now`` are both monotonic seconds or both datetimes; a clock that went
    backwards (``now`` before ``last_at``) also counts as due, so a changed clock can't stop backups.
    """
    if last_at is None:
        return True
    elapsed = now - last_at
    seconds = elapsed.total_seconds() if hasattr(elapsed, "total_seconds") else float(elapsed)
    return seconds >= every_s or seconds < 0


def _sqlite_conn(source: DbOrPath) -> sqlite3.Connection | None:
    """The sqlite3 connection of a database object or a connection, None for a path. Any object
    with a ``.conn`` counts: the window's database before its first paint is not yet a
    ``sqlite_utils.Database`` (fazhi_desktop/startup.py), and asking would import sqlite-utils."""
    if isinstance(source, sqlite3.Connection):
        return source
    conn = getattr(source, "conn", None) if not isinstance(source, (str, Path)) else None
    return conn if isinstance(conn, sqlite3.Connection) else None


def _connection_of(source: DbOrPath) -> tuple[sqlite3.Connection, Path]:
    """A fresh connection to the database file (and its path). Never the caller's own connection:
    copied through it, a write still in progress (later rolled back) would land in the snapshot."""
    source = _sqlite_conn(source) or source
    if isinstance(source, sqlite3.Connection):
        rows = source.execute("PRAGMA database_list").fetchall()
        file = next((r[2] for r in rows if r[1] == "main"), "")
        if not file:
            raise UserError("内存中的数据库没有文件，无法备份。")
        source = file
    path = Path(source)
    if not path.is_file():
        raise UserError(f"找不到要备份的数据库文件：{path}")
    try:
        return sqlite3.connect(str(path), timeout=10), path
    except sqlite3.Error as exc:
        raise UserError(f"无法打开数据库文件 {path} 进行备份（{exc}）。") from exc


def _disk_message(folder: Path, exc: BaseException) -> str:
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or "disk is full" in text:
        return f"备份失败：磁盘空间不足（{folder}）。没有留下不完整的备份，当前数据未受影响，评议可以继续。请清理磁盘空间后再备份。"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text or "read-only" in text:
        return f"备份失败：备份文件夹 {folder} 不可写（只读或无权限）。当前数据未受影响，评议可以继续。"
    detail = getattr(exc, "strerror", None) or str(exc)
    return f"备份失败：无法写入备份文件夹 {folder}（{detail}）。当前数据未受影响，评议可以继续。"


def _write_snapshot(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into the new file ``target`` page by page, then sync it to disk."""
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
        # A snapshot is a plain file: no -wal/-shm beside it, readable in read-only mode.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    _fsync(target)


def _fsync(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories can't be opened for syncing on Windows; NTFS journals renames
        return
    try:
        _fsync(folder)
    except OSError:
        pass


def _unique_name(folder: Path, stem: str, at: datetime, reason: str, session_id: int | None) -> Path:
    base = f"{stem}-{at.strftime(_TS)}"
    tail = f"-{reason}-s{session_id or 0}.db"
    candidate = folder / (base + tail)
    n = 1
    while candidate.exists():
        candidate = folder / f"{base}-{n}{tail}"
        n += 1
    return candidate


def snapshot(source: DbOrPath, *, reason: str, session_id: int | None = None, keep: int = KEEP,
             now: datetime | None = None) -> Snapshot:
    """Copy the database (an open connection or a file path) into its backups folder.

    Raises :class:`UserError` (in Chinese) when the folder can't be written or the disk is full;
    then nothing half-written is left and the database itself is untouched.
    """
    if not re.fullmatch(r"[a-z][a-z-]*", reason):
        raise ValueError(f"reason must be lowercase letters and '-': {reason!r}")
    conn, db_path = _connection_of(source)
    folder = backups_dir(db_path)
    at = now or datetime.now()
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = _unique_name(folder, db_path.stem, at, reason, session_id)
        partial = folder / f".{final.name}.partial"
        _write_snapshot(conn, partial)
        os.replace(partial, final)
        partial = None
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(_disk_message(folder, exc)) from exc
    finally:
        if partial is not None:
            _remove_quietly(partial)
            _remove_quietly(partial.with_name(partial.name + "-journal"))
        conn.close()
    prune(db_path, keep=keep)
    return _parse(final) or Snapshot(final, at, reason, session_id, final.stat().st_size)


def auto_snapshot(source: DbOrPath, *, reason: str, session_id: int | None = None,
                  keep: int = KEEP) -> Snapshot | None:
    """:func:`snapshot` for the automatic moments (live / periodic / end): None when backups are
    switched off (``FAZHI_BACKUP_OFF``) or the database is in memory. Failures raise UserError
    like :func:`snapshot`, for the status bar: the meeting goes on."""
    if os.environ.get(OFF_ENV):
        return None
    conn = _sqlite_conn(source)
    if conn is not None:
        if not next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), ""):
            return None
    return snapshot(source, reason=reason, session_id=session_id, keep=keep)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _parse(path: Path) -> Snapshot | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        at = datetime.strptime(match["ts"], _TS)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    sid = int(match["sid"])
    return Snapshot(path, at, match["reason"], sid or None, size)


def list_snapshots(db_path: Path | str) -> list[Snapshot]:
    """The snapshots of this database, newest first."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        if entry.name.startswith(".") or not entry.name.startswith(db_path.stem + "-"):
            continue
        match = _NAME.match(entry.name)
        snap = _parse(entry) if match and match["stem"] == db_path.stem else None
        if snap is not None:
            found.append(snap)
    found.sort(key=lambda s: (s.at, s.path.name), reverse=True)
    return found


def prune(db_path: Path | str, *, keep: int = KEEP, max_bytes: int = MAX_BYTES) -> list[Path]:
    """Keep the newest ``keep`` snapshots that fit in ``max_bytes`` (but at least ``MIN_KEEP``);
    delete the rest. Returns what was deleted."""
    snaps = list_snapshots(db_path)
    kept, total = 0, 0
    for snap in snaps:
        if kept >= max(keep, 1) or (kept >= MIN_KEEP and total + snap.size > max_bytes):
            break
        kept += 1
        total += snap.size
    removed = []
    for snap in snaps[kept:]:
        try:
            snap.path.unlink()
            removed.append(snap.path)
        except OSError:
            pass  # a snapshot we can't delete does no harm; try again next time
    return removed


def check_snapshot(path: Path | str) -> str | None:
    """None when ``path`` is a sound 法治评议 database this program can open; else why not (Chinese)."""
    from .migrations import LATEST

    path = Path(path)
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return "不是 SQLite 数据库"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error) as exc:
        return f"无法打开（{exc}）"
    try:
        result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        return f"已损坏（{exc}）"
    finally:
        conn.close()
    if result != "ok":
        return f"完整性检查未通过（{result}）"
    if app_id != APPLICATION_ID:
        return "不是法治评议的数据库"
    if version > LATEST:
        return f"来自更新版本的程序（数据版本 {version}）"
    return None


def latest_good_snapshot(db_path: Path | str) -> Snapshot | None:
    """The newest snapshot that passes the integrity check, or None."""
    for snap in list_snapshots(db_path):
        if check_snapshot(snap.path) is None:
            return snap
    return None


def _db_for(snapshot_path: Path) -> Path:
    folder = snapshot_path.parent
    if not folder.name.endswith("-backups"):
        raise UserError(f"{snapshot_path} 不在备份文件夹里，请指明要恢复到哪个数据库文件。")
    stem = folder.name[: -len("-backups")]
    candidates = sorted(p for p in folder.parent.glob(f"{glob_escape(stem)}.*")
                        if p.stem == stem and p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal")))
    return candidates[0] if len(candidates) == 1 else folder.parent / f"{stem}.db"


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def restore(snap: Snapshot | Path | str, db_path: Path | str | None = None, *, keep: int = KEEP) -> Snapshot | None:
    """Replace the database file with ``snap``; the current file is first kept as a snapshot.

    Every connection to the database must be closed first (the window reopens it afterwards).
    Returns the snapshot of the file as it was before the restore (None when there was no file).
    A damaged current file is kept byte for byte (reason ``damaged``), never thrown away.
    """
    path = snap.path if isinstance(snap, Snapshot) else Path(snap)
    target = Path(db_path) if db_path is not None else _db_for(path)
    problem = check_snapshot(path)
    if problem:
        raise UserError(f"备份 {path.name} 无法恢复：{problem}。当前数据库未作任何改动。")

    before: Snapshot | None = None
    if target.exists():
        if check_snapshot(target) is None:
            # No pruning yet: the oldest snapshot may be the very one being restored.
            before = snapshot(target, reason="before-restore", keep=10**9)
        else:
            before = _keep_raw_copy(target)
    folder = target.parent
    temp = folder / f".{target.name}.restoring"
    try:
        shutil.copyfile(path, temp)
        _fsync(temp)
        # The old file's WAL belongs to the old file: applied to the restored one it would corrupt it.
        for side in ("-wal", "-shm", "-journal"):
            _remove_quietly(target.with_name(target.name + side))
        os.replace(temp, target)
        temp = None
        _fsync_dir(folder)
    except OSError as exc:
        raise UserError(f"恢复失败：无法写入 {folder}（{exc.strerror or exc}）。原数据库文件未被替换。") from exc
    finally:
        if temp is not None:
            _remove_quietly(temp)
    prune(target, keep=keep)
    return before


def _keep_raw_copy(target: Path) -> Snapshot:
    """A damaged file can't go through the backup API: keep its bytes (and any WAL) as they are."""
    folder = backups_dir(target)
    at = datetime.now()
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = _unique_name(folder, target.stem, at, "damaged", None)
        partial = folder / f".{final.name}.partial"
        shutil.copyfile(target, partial)
        _fsync(partial)
        os.replace(partial, final)
        partial = None
        wal = target.with_name(target.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, final.with_name(final.name + "-wal.keep"))
    except OSError as exc:
        raise UserError(_disk_message(folder, exc) + "为免丢失原文件，未执行恢复。") from exc
    finally:
        if partial is not None:
            _remove_quietly(partial)
    return _parse(final) or Snapshot(final, at, "damaged", None, final.stat().st_size)


def damaged_message(path: Path | None, problem: str) -> str:
    """'damaged, nothing changed' with the latest good snapshot to go back to, if there is one."""
    text = f"数据库文件 {path} 已损坏（{problem}），未作任何改动。"
    if path is None:
        return text
    try:
        snap = latest_good_snapshot(path)
    except Exception:  # noqa: BLE001 - a damaged file's folder may be odd too: just don't offer one
        snap = None
    if snap is not None:
        text += (f"最近一份完好的备份：{snap.path}（{snap.at:%Y-%m-%d %H:%M}，{snap.label}），"
                 "可在“文件 → 备份与恢复”中恢复。")
    else:
        text += "没有找到完好的备份。"
    return text


# -- the meeting's snapshot policy -------------------------------------------------------------------


class AutoSnapshots:
    """When a snapshot of one database file is due, and taking it (off the caller's thread).

    ``on_taken(snapshot)`` after each, ``on_failed(message)`` when one could not be written (the
    meeting goes on); both are called from the worker thread. ``run(job)`` runs a copy: by default
    in a daemon thread named ``fazhi-backup``; a test passes ``run=lambda job: job()``."""

    def __init__(self, db_path: Path | str, *, every_s: float = EVERY_S, clock: Callable[[], float] = time.monotonic,
                 run: Callable[[Callable[[], None]], None] | None = None,
                 on_taken: Callable[[Snapshot], None] | None = None,
                 on_failed: Callable[[str], None] | None = None):
        self.db_path = Path(db_path)
        self.every_s, self.clock = every_s, clock
        self.on_taken, self.on_failed = on_taken, on_failed
        self._run = run or self._in_thread
        self.worker: threading.Thread | None = None
        self.known: dict[int, str] = {}  # session id → status, as last told
        self.last_at: float | None = None

    # -- what is due ---------------------------------------------------------------------------
    def seed(self, statuses: dict[int, str]) -> None:
        """The sessions' statuses when watching begins (no snapshot for them; a live one gets a
        periodic snapshot at the first tick)."""
        self.known = dict(statuses)

    def status_changed(self, session_id: int, after: str) -> str | None:
        """A session's status is now ``after``: a snapshot when it went live or ended a live meeting.
        Returns the reason taken, or None."""
        before = self.known.get(session_id)
        self.known[session_id] = after
        if before == after:
            return None
        if after == "live":
            return self._take("live", session_id)
        if before == "live" and after in ("finished", "sealed"):
            return self._take("end", session_id)
        return None

    def tick(self) -> str | None:
        """A periodic snapshot when one is due and a session is live (no database read)."""
        live = [sid for sid, st in self.known.items() if st == "live"]
        if live and due(self.last_at, self.clock(), self.every_s):
            return self._take("periodic", live[0])
        return None

    # -- taking one --------------------------------------------------------------------------------
    def _take(self, reason: str, session_id: int) -> str | None:
        if os.environ.get(OFF_ENV) == "1" or self.busy():
            return None  # one copy at a time; a periodic one that is skipped comes round again
        self.last_at = self.clock()
        self._run(lambda: self._copy(reason, session_id))
        return reason

    def _copy(self, reason: str, session_id: int) -> None:
        try:
            snap = snapshot(self.db_path, reason=reason, session_id=session_id)
        except UserError as exc:
            if self.on_failed:
                self.on_failed(str(exc))
            return
        if self.on_taken:
            self.on_taken(snap)

    def _in_thread(self, job: Callable[[], None]) -> None:
        self.worker = threading.Thread(target=job, daemon=True, name="fazhi-backup")
        self.worker.start()

    def busy(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Until a running copy is done (before a restore, or at exit)."""
        if self.worker is not None:
            self.worker.join(timeout)


_WATCHED: dict[str, AutoSnapshots] = {}


def watch(db: sqlite_utils.Database, db_path: Path | str, **options) -> AutoSnapshots:
    """Take the meeting's snapshots of ``db_path`` from now on (the window does this for its file).
    The sessions' statuses now are the baseline (one read, once)."""
    policy = AutoSnapshots(db_path, **options)
    policy.seed({sid: st for sid, st in db.execute("SELECT id, status FROM sessions")})
    _WATCHED[str(Path(db_path).resolve())] = policy
    db._fazhi_backup_key = str(Path(db_path).resolve())  # type: ignore[attr-defined]
    return policy


def unwatch(db_path: Path | str) -> None:
    _WATCHED.pop(str(Path(db_path).resolve()), None)


def _policy(db: sqlite_utils.Database) -> AutoSnapshots | None:
    if not _WATCHED:
        return None
    key = getattr(db, "_fazhi_backup_key", None)
    if key is None:
        file = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")
        key = str(Path(file).resolve()) if file else ""
        try:
            db._fazhi_backup_key = key  # type: ignore[attr-defined]
        except AttributeError:
            pass
    return _WATCHED.get(key) if key else None


def status_changed(db: sqlite_utils.Database, session_id: int, status: str) -> str | None:
    """Called by the services right after a status change commits: the snapshot it calls for, if
    the file is watched. Returns the reason of the snapshot started, or None."""
    policy = _policy(db)
    return policy.status_changed(session_id, status) if policy else None


def tick(db: sqlite_utils.Database) -> str | None:
    """A periodic snapshot if one is due (called on events the window already has)."""
    policy = _policy(db)
    return policy.tick() if policy else None
