"""Codes the database stores and the Chinese labels people read, in one place.

The rectification ledger stores its status as a code (``todo``, ``doing``, ``done``; ``overdue`` is
computed, never stored); documents, the command line and meeting packages show or carry the
Chinese label, and the window translates the label (each is marked with ``QT_TRANSLATE_NOOP``, shown
with ``ui.i18n.label(context, text)``).

Audit actions of the ledger chain are stored as codes too (``item.add``, ``item.update:status``, …).
The audit log is hash-chained and append-only: rows written before codes existed keep their Chinese
action (the hash covers it), so :func:`action_label` passes a label through unchanged and
:func:`action_code` maps an old label to its code when a reader needs one.
"""
from __future__ import annotations

from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP

CODES_VERSION = 9  # the schema version that stores codes (migrations._v9_ledger_codes)


def codes_schema(db) -> bool:
    """The database stores codes (version 9). Services also run on an older schema before it is
    migrated (tests build old databases with them, as the demo does): there they write the words
    that version wrote, so the migration finds what it expects."""
    return db.execute("PRAGMA user_version").fetchone()[0] >= CODES_VERSION


# -- the ledger's status ------------------------------------------------------------------------

TODO, DOING, DONE = "todo", "doing", "done"
OVERDUE = "overdue"  # shown for a 限期 item past its deadline and not done; never stored
STATUS_CODES = (TODO, DOING, DONE)  # what ``rectification_items.status`` holds
STATUS_CONTEXT = "LedgerStatus"
STATUS_LABELS = {
    TODO: QT_TRANSLATE_NOOP("LedgerStatus", "未启动"),
    DOING: QT_TRANSLATE_NOOP("LedgerStatus", "推进中"),
    DONE: QT_TRANSLATE_NOOP("LedgerStatus", "已完成"),
    OVERDUE: QT_TRANSLATE_NOOP("LedgerStatus", "逾期"),
}
_STATUS_BY_LABEL = {text: code for code, text in STATUS_LABELS.items()}


def status_label(code: str) -> str:
    """The Chinese label of a status code (an unknown value is returned as it is)."""
    return STATUS_LABELS.get(code, code)


def status_code(value: str, *, computed: bool = False) -> str:
    """The code of a status given as a code or as its Chinese label (what packages and older
    callers pass). ``computed``: 逾期/overdue is accepted too (a filter, not a stored value)."""
    code = _STATUS_BY_LABEL.get(value, value)
    if code in STATUS_CODES or (computed and code == OVERDUE):
        return code
    raise UserError(f"状态“{value}”无效：应为未启动、推进中或已完成（逾期由时限自动判断）。")


# -- audit actions of the ledger chain -----------------------------------------------------------

ACTION_CONTEXT = "AuditAction"
ACTIONS = {
    "item.add": QT_TRANSLATE_NOOP("AuditAction", "添加整改事项"),
    "item.update": QT_TRANSLATE_NOOP("AuditAction", "修改整改事项"),
    "item.close": QT_TRANSLATE_NOOP("AuditAction", "整改事项销号"),
    "item.delete": QT_TRANSLATE_NOOP("AuditAction", "删除整改事项"),
    "item.import": QT_TRANSLATE_NOOP("AuditAction", "随评议会包导入整改事项"),
    "link.add": QT_TRANSLATE_NOOP("AuditAction", "关联单位曾用名"),
    "link.remove": QT_TRANSLATE_NOOP("AuditAction", "解除单位曾用名关联"),
    "link.import": QT_TRANSLATE_NOOP("AuditAction", "随评议会包导入单位曾用名关联"),
}
_ACTION_BY_LABEL = {text: code for code, text in ACTIONS.items()}
# the fields a "修改整改事项" names (``item.update:problem,status``)
FIELD_LABELS = {"problem": "存在问题", "measure": "整改措施", "responsible_unit": "责任单位",
                "responsible_person": "责任人", "deadline": "整改时限", "kind": "整改类型", "status": "状态",
                "evidence": "佐证材料", "review_opinion": "复核意见", "unit_name": "参评单位"}
_FIELD_BY_LABEL = {text: key for key, text in FIELD_LABELS.items()}


def update_action(fields) -> str:
    """The code of "修改整改事项" naming the changed fields, in order."""
    return "item.update:" + ",".join(fields)


def stored_action(db, code: str) -> str:
    """An action as it is written to the audit log: the code, or its words on a database from
    before version 9."""
    return code if codes_schema(db) else action_label(code)


def action_label(action: str | None) -> str:
    """What a person reads for a stored action: the label of a code; an action stored before codes
    existed (already Chinese, pinned by the hash) unchanged."""
    if not action:
        return action or ""
    base, _, detail = action.partition(":")
    if base not in ACTIONS:
        return action
    text = ACTIONS[base]
    if detail:
        text += "：" + "、".join(FIELD_LABELS.get(f, f) for f in detail.split(","))
    return text


def action_code(action: str | None) -> str | None:
    """The code of a stored action, whether stored as a code or (in rows written before codes
    existed) as its Chinese label; None for an action that has no code."""
    if not action:
        return None
    if action.partition(":")[0] in ACTIONS:
        return action
    if action in _ACTION_BY_LABEL:
        return _ACTION_BY_LABEL[action]
    head, sep, detail = action.partition("：")
    if sep and _ACTION_BY_LABEL.get(head) == "item.update":
        return update_action(_FIELD_BY_LABEL.get(f, f) for f in detail.split("、"))
    return None
