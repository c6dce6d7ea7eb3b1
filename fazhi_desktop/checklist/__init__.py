"""示范创建 assessments (checklist sessions): indicator ratings with notes and evidence, the results
by the 90% rule, the candidates' steps from 自查自评 to 命名, and the records after naming.

A checklist session is an ordinary session whose template is a checklist
(:attr:`fazhi_desktop.template.Template.is_checklist`); its units are the candidates.
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ..db import database_file
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP

RATINGS = {"met": QT_TRANSLATE_NOOP("Checklist", "达标"), "partial": QT_TRANSLATE_NOOP("Checklist", "部分达标"),
           "unmet": QT_TRANSLATE_NOOP("Checklist", "未达标"),
           "not_applicable": QT_TRANSLATE_NOOP("Checklist", "不适用")}


def evidence_root(db: sqlite_utils.Database) -> Path:
    """The folder beside the database that holds the evidence files (``<db name>-evidence``)."""
    path = database_file(db)
    if path is None:
        raise UserError("内存数据库不能保存佐证文件；请用数据库文件（--db）。")
    return path.with_name(f"{path.stem}-evidence")
