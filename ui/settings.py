"""UI state kept between runs, declared once with its type and default (Picard's ``options``,
Vorta's ``store/settings``): window geometry, the projector's screen, the export choices.
Meeting data never goes here; it lives in SQLite.

A value that is missing or of the wrong type (an old or hand-edited settings file) reads as the
default, never as an exception.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

ORG = "fazhi-review"
APP = "fazhi-review"


class Option(NamedTuple):  # not a dataclass: made at every start, a NamedTuple costs far less
    key: str
    kind: type
    default: Any


MAIN_GEOMETRY = Option("main/geometry", QByteArray, None)
PROJECTOR_SCREEN = Option("live/projector_screen", int, -1)
EXPORT_BASE = Option("export/base_folder", str, "")         # holds one sub-folder per session
EXPORT_OMIT_NAMES = Option("export/omit_expert_names", bool, False)
EXPORT_KINDS = Option("export/kinds", list, None)             # None: the documents after the meeting
EXPORT_START = Option("export/agenda_start", str, "09:00")    # the agenda's start time (HH:mm)


def qsettings() -> QSettings:
    return QSettings(ORG, APP)


def get(option: Option) -> Any:
    raw = qsettings().value(option.key, None)
    if raw is None:
        return option.default
    try:
        if option.kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() == "true"
        if option.kind is int:
            return int(raw)
        if option.kind is list:
            return list(raw) if isinstance(raw, (list, tuple)) else [raw]
        if option.kind is str:
            return str(raw)
        return raw if isinstance(raw, option.kind) else option.default
    except (TypeError, ValueError):
        return option.default


def put(option: Option, value: Any) -> None:
    qsettings().setValue(option.key, value)
