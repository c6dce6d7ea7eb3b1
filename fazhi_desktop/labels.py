"""Codes the database stores and the Chinese labels people read, in one place.

The rectification ledger stores its status as a code (``todo``, ``doing``, ``done``; ``overdue`` is
computed, never stored); documents, the command line and meeting packages show or carry the
Chinese label, and the window translates the label (each is marked with ``QT_TRANSLATE_NOOP``, shown
with ``ui.i18n.label(context, text)``).

Audit actions are stored as codes too: the ledger chain's (``item.add``, ``item.update:status``, …)
and the sessions' (``score.record``, ``score.submit``, ``session.finish``, ``seal.seal``, …), each
with its label here once (``QT_TRANSLATE_NOOP("AuditAction", …)``, the words stored before codes).
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


# -- audit actions of the sessions' chains ----------------------------------------------------------
# The session chain (and the ledger chain's records about sessions and packages) store these codes
# from version 9; the labels are, word for word, what earlier versions stored, so an old row and a
# new one read the same. A code with a detail is stored ``code:detail``; its label has ``%1``.
SESSION_ACTIONS = {
    # the session itself
    "session.create": QT_TRANSLATE_NOOP("AuditAction", "创建评议会"),
    "session.delete": QT_TRANSLATE_NOOP("AuditAction", "删除评议会"),
    "session.start": QT_TRANSLATE_NOOP("AuditAction", "开始现场评议"),
    "session.assess": QT_TRANSLATE_NOOP("AuditAction", "开始评估"),
    "session.finish": QT_TRANSLATE_NOOP("AuditAction", "结束评议会"),
    "session.finish_unscored": QT_TRANSLATE_NOOP("AuditAction", "结束时未完成评分"),
    "session.finish_unrated": QT_TRANSLATE_NOOP("AuditAction", "结束时未完成评定"),
    "session.reopen": QT_TRANSLATE_NOOP("AuditAction", "重新打开"),
    "status.set": QT_TRANSLATE_NOOP("AuditAction", "状态"),
    "status.change": QT_TRANSLATE_NOOP("AuditAction", "更改状态"),
    "rehearsal.start": QT_TRANSLATE_NOOP("AuditAction", "开始演练"),
    "rehearsal.discard": QT_TRANSLATE_NOOP("AuditAction", "丢弃演练副本"),
    "seal.seal": QT_TRANSLATE_NOOP("AuditAction", "封盘"),
    "seal.correct": QT_TRANSLATE_NOOP("AuditAction", "封盘后更正"),
    # meeting data, template, order
    "meeting.set": QT_TRANSLATE_NOOP("AuditAction", "会议信息"),
    "meeting.update": QT_TRANSLATE_NOOP("AuditAction", "修改%1"),  # detail: the fields (title,date)
    "template.set": QT_TRANSLATE_NOOP("AuditAction", "评分细则"),
    "template.update": QT_TRANSLATE_NOOP("AuditAction", "修改评分细则"),
    "order.set": QT_TRANSLATE_NOOP("AuditAction", "汇报顺序"),
    "order.change": QT_TRANSLATE_NOOP("AuditAction", "调整顺序"),
    "order.draw": QT_TRANSLATE_NOOP("AuditAction", "抽签（种子 %1）"),  # detail: the seed
    "order.last": QT_TRANSLATE_NOOP("AuditAction", "“%1”调至最后"),  # detail: the unit
    # roster
    "roster.copy": QT_TRANSLATE_NOOP("AuditAction", "复制自评议会“%1”"),  # detail: the source's title
    "roster.add": QT_TRANSLATE_NOOP("AuditAction", "添加参评单位与评议专家"),
    "unit.add": QT_TRANSLATE_NOOP("AuditAction", "添加参评单位"),
    "unit.update": QT_TRANSLATE_NOOP("AuditAction", "修改参评单位"),
    "unit.delete": QT_TRANSLATE_NOOP("AuditAction", "删除参评单位"),
    "unit.import": QT_TRANSLATE_NOOP("AuditAction", "导入参评单位"),
    "expert.add": QT_TRANSLATE_NOOP("AuditAction", "添加评议专家"),
    "expert.update": QT_TRANSLATE_NOOP("AuditAction", "修改评议专家"),
    "expert.delete": QT_TRANSLATE_NOOP("AuditAction", "删除评议专家"),
    "expert.import": QT_TRANSLATE_NOOP("AuditAction", "导入评议专家"),
    "recusal.add": QT_TRANSLATE_NOOP("AuditAction", "回避"),
    "recusal.remove": QT_TRANSLATE_NOOP("AuditAction", "取消回避"),
    "attendance.absent": QT_TRANSLATE_NOOP("AuditAction", "标记缺席"),
    "attendance.present": QT_TRANSLATE_NOOP("AuditAction", "取消缺席"),
    # scores and submissions
    "score.record": QT_TRANSLATE_NOOP("AuditAction", "录入评分"),
    "score.import": QT_TRANSLATE_NOOP("AuditAction", "导入评分"),
    "score.check": QT_TRANSLATE_NOOP("AuditAction", "核对评分"),
    "score.clear": QT_TRANSLATE_NOOP("AuditAction", "清除评分"),
    "score.amend": QT_TRANSLATE_NOOP("AuditAction", "修改已提交评分"),
    "score.import_replace": QT_TRANSLATE_NOOP("AuditAction", "导入替换评分"),
    "score.check_replace": QT_TRANSLATE_NOOP("AuditAction", "核对替换评分"),
    "score.submit": QT_TRANSLATE_NOOP("AuditAction", "提交评分"),
    "score.withdraw": QT_TRANSLATE_NOOP("AuditAction", "撤回提交"),
    "external.record": QT_TRANSLATE_NOOP("AuditAction", "录入外部得分"),
    "external.import": QT_TRANSLATE_NOOP("AuditAction", "导入外部得分"),
    "external.record_update": QT_TRANSLATE_NOOP("AuditAction", "录入修改外部得分"),
    "external.import_update": QT_TRANSLATE_NOOP("AuditAction", "导入修改外部得分"),
    "external.delete": QT_TRANSLATE_NOOP("AuditAction", "删除外部得分"),
    "double_entry.on": QT_TRANSLATE_NOOP("AuditAction", "开启双人录入核对"),
    "double_entry.off": QT_TRANSLATE_NOOP("AuditAction", "关闭双人录入核对"),
    "double_entry.check": QT_TRANSLATE_NOOP("AuditAction", "双人录入核对"),
    "double_entry.differ": QT_TRANSLATE_NOOP("AuditAction", "核对差异"),
    "device.revoke": QT_TRANSLATE_NOOP("AuditAction", "停用评分链接"),
    # questions
    "question.add": QT_TRANSLATE_NOOP("AuditAction", "记录提问"),
    "question.update": QT_TRANSLATE_NOOP("AuditAction", "修改提问记录"),
    "question.delete": QT_TRANSLATE_NOOP("AuditAction", "删除提问记录"),
    "question.restore": QT_TRANSLATE_NOOP("AuditAction", "恢复提问记录"),
    "question.uncriterion": QT_TRANSLATE_NOOP("AuditAction", "提问的指标随评分细则更换而清除"),
    # checklist (示范创建) sessions
    "rating.amend": QT_TRANSLATE_NOOP("AuditAction", "修改评定"),
    "rating.import_replace": QT_TRANSLATE_NOOP("AuditAction", "导入替换评定"),
    "evidence.add": QT_TRANSLATE_NOOP("AuditAction", "添加佐证文件"),
    "evidence.delete": QT_TRANSLATE_NOOP("AuditAction", "删除佐证文件"),
    "progress.update": QT_TRANSLATE_NOOP("AuditAction", "修改创建进程"),
    "progress.delete": QT_TRANSLATE_NOOP("AuditAction", "删除创建进程记录"),
    "dossier.annual_report": QT_TRANSLATE_NOOP("AuditAction", "示范单位年度报告"),
    "dossier.return_visit": QT_TRANSLATE_NOOP("AuditAction", "示范单位回访核查"),
    "dossier.delisting": QT_TRANSLATE_NOOP("AuditAction", "示范单位摘牌"),
    # the ledger chain's records about sessions and packages
    "package.import": QT_TRANSLATE_NOOP("AuditAction", "导入评议会包"),
    "package.update": QT_TRANSLATE_NOOP("AuditAction", "导入更新评议会包"),
    "item.remove_with": QT_TRANSLATE_NOOP("AuditAction", "%1（其整改事项一并删除）"),  # detail: the session's code
}
# the fields a "修改…" of the meeting data names (``meeting.update:title,date``); sessions.FIELD_LABELS
MEETING_FIELD_CONTEXT = "Session"
MEETING_FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("Session", "会议名称"), "kind": QT_TRANSLATE_NOOP("Session", "会议类型"),
    "date": QT_TRANSLATE_NOOP("Session", "日期"), "venue": QT_TRANSLATE_NOOP("Session", "地点"),
    "organisers": QT_TRANSLATE_NOOP("Session", "主办单位"), "chair": QT_TRANSLATE_NOOP("Session", "评议组组长"),
    "host": QT_TRANSLATE_NOOP("Session", "主持人"), "secretary": QT_TRANSLATE_NOOP("Session", "记录员"),
    "summary": QT_TRANSLATE_NOOP("Session", "会议小结")}
_MEETING_FIELD_BY_LABEL = {text: key for key, text in MEETING_FIELD_LABELS.items()}
_SESSION_BY_LABEL = {text: code for code, text in SESSION_ACTIONS.items() if "%1" not in text}
_TEMPLATED = [(code, text.split("%1")) for code, text in SESSION_ACTIONS.items() if "%1" in text]


def meeting_update_action(fields) -> str:
    """The code of "修改…" of the meeting data naming the changed fields, in order."""
    return "meeting.update:" + ",".join(fields)


def with_detail(code: str, detail: object) -> str:
    """A code whose label names something (``order.draw`` and its seed): ``code:detail``."""
    return f"{code}:{detail}"


def stored_action(db, code: str) -> str:
    """An action as it is written to the audit log: the code, or its words on a database from
    before version 9."""
    return code if codes_schema(db) else action_label(code)


def _same(_context: str, text: str) -> str:
    return text


def action_label(action: str | None, translate=None) -> str:
    """What a person reads for a stored action: the label of a code; an action stored before codes
    existed (already Chinese, pinned by the hash) unchanged. ``translate(context, text)``: the
    window passes ``ui.i18n.label`` to read the label in the UI's language (the core: Chinese)."""
    if not action:
        return action or ""
    tr = translate or _same
    base, _, detail = action.partition(":")
    if base in ACTIONS:
        text = tr(ACTION_CONTEXT, ACTIONS[base])
        if detail:
            text += "：" + "、".join(FIELD_LABELS.get(f, f) for f in detail.split(","))
        return text
    if base not in SESSION_ACTIONS:
        return action
    text = tr(ACTION_CONTEXT, SESSION_ACTIONS[base])
    if "%1" not in SESSION_ACTIONS[base]:
        return text
    if base == "meeting.update":
        detail = "、".join(tr(MEETING_FIELD_CONTEXT, MEETING_FIELD_LABELS[f]) if f in MEETING_FIELD_LABELS else f
                           for f in detail.split(","))
    elif base == "item.remove_with":
        detail = action_label(detail, translate)
    return text.replace("%1", detail)


def action_code(action: str | None) -> str | None:
    """The code of a stored action, whether stored as a code or (in rows written before codes
    existed) as its Chinese label; None for an action that has no code."""
    if not action:
        return None
    base = action.partition(":")[0]
    if base in ACTIONS or base in SESSION_ACTIONS:
        return action
    if action in _ACTION_BY_LABEL:
        return _ACTION_BY_LABEL[action]
    if action in _SESSION_BY_LABEL:
        return _SESSION_BY_LABEL[action]
    head, sep, detail = action.partition("：")
    if sep and _ACTION_BY_LABEL.get(head) == "item.update":
        return update_action(_FIELD_BY_LABEL.get(f, f) for f in detail.split("、"))
    for code, (before, after) in _TEMPLATED:
        if len(action) > len(before) + len(after) and action.startswith(before) and action.endswith(after):
            detail = action[len(before):len(action) - len(after)]
            if code == "meeting.update":
                fields = [_MEETING_FIELD_BY_LABEL.get(f) for f in detail.split("、")]
                if None in fields:
                    continue
                return meeting_update_action(fields)
            if code == "item.remove_with":
                inner = action_code(detail)
                if inner is None:
                    continue
                return with_detail(code, inner)
            return with_detail(code, detail)
    return None


def as_code(word: str) -> str:
    """The code of an action a service composes as words (a source's name in it, ``导入评分``):
    its code, or the words themselves when no code names it (an unknown source)."""
    return action_code(word) or word


def is_action(action: str | None, code: str) -> bool:
    """Whether a stored action (code or old words) is ``code`` (its base, detail aside)."""
    got = action_code(action)
    return got is not None and got.partition(":")[0] == code
