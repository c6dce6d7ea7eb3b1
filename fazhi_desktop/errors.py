"""Errors that carry a message for the user, in Chinese, saying what and where."""
from __future__ import annotations


class UserError(Exception):
    """A refused input or action. ``problems`` lists every reason, one line each."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {p}" for p in self.problems)


class ImportRefused(UserError):
    """A file refused whole: nothing from it was stored."""


class TemplateError(UserError):
    """A scoring template whose names, maxima or settings are wrong."""


class DatabaseError(UserError):
    """A database file that is not ours, is damaged, is newer than this program, or can't be opened."""


def os_error_text(exc: OSError) -> str:
    """An operating-system error in the user's words; a full disk is named as a full disk."""
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "磁盘已满（或超出磁盘配额），请腾出空间后重试"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"没有权限（{exc.strerror or exc}）"
    if exc.errno == errno.EROFS:
        return "磁盘是只读的"
    return exc.strerror or str(exc)


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
        from .db import damaged_message

        return damaged_message(path, str(exc))  # type: ignore[arg-type]
    if isinstance(exc, sqlite3.IntegrityError):
        return f"{where}拒绝了这次写入（与已有数据冲突，可能另一个程序刚写入了相同的内容），未作任何改动。"
    if "readonly" in text or "read-only" in text:
        return f"{where}是只读的，无法保存。"
    if "disk i/o" in text:
        return f"读写{where}时发生磁盘错误（磁盘已满、已拔出或损坏），未保存这次的修改。"
    return f"{where}出错（{exc}），未作任何改动。"
