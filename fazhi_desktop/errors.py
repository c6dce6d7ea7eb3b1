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


class ReasonRequired(UserError):
    """The change is allowed only with a reason (a submitted score sheet): the window catches this
    and asks for one, the command line and the phones are told in these words."""
