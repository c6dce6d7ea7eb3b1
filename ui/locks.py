"""Why a session's part cannot change now, in the UI's language.

``fazhi_desktop.sessions.Session.why_locked`` says it in Chinese for the command line and the
errors the core raises; the window's banners use :func:`why_locked` here: the same cases, with
the texts marked in the core (``CHANGES``, ``REOPEN_HINT``, ``REVISE_HINT``) and translated here.
"""
from __future__ import annotations

from fazhi_desktop.sessions import CHANGES, REOPEN_HINT, REVISE_HINT, Session

from .i18n import arg, label, translate


def why_locked(session: Session, what: str) -> str | None:
    """None when ``what`` (a key of sessions.CHANGES) may change now; otherwise the reason."""
    if session.why_locked(what) is None:
        return None
    part = label("SessionParts", CHANGES[what])
    if session.status == "sealed":
        return arg(translate("Session", "评议会“%1”已封盘，%2不能再修改。"), session.title, part) + label("Session", REVISE_HINT)
    if session.status == "finished":
        return arg(translate("Session", "评议会“%1”已结束，%2只读。"), session.title, part) + label("Session", REOPEN_HINT)
    return arg(translate("Session", "评议会“%1”已开始现场评议，不能再%2。"), session.title, part)
