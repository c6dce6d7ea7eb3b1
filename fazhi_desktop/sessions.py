"""Service functions for review sessions (评议会): meeting data, status, template, copies.

Every write is one transaction, takes keyword arguments, and refuses bad input with a
:class:`UserError` in Chinese before anything is written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields as dataclass_fields
from datetime import date as Date
from typing import Any

import sqlite_utils

from .changes import NOTHING, Change, carrying
from .db import now_iso, transaction
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .labels import MEETING_FIELD_LABELS, meeting_update_action, with_detail
from .stored_template import checklist_schema, load_template
from .template import Criterion, Template, fmt_decimal, parse_template

STATUSES = {"draft": QT_TRANSLATE_NOOP("Session", "筹备中"), "live": QT_TRANSLATE_NOOP("Session", "进行中"),
            "finished": QT_TRANSLATE_NOOP("Session", "已结束"), "sealed": QT_TRANSLATE_NOOP("Session", "已封盘")}
MEETING_FIELDS = ("title", "kind", "date", "venue", "organisers", "chair", "host", "secretary", "summary")
FIELD_LABELS = MEETING_FIELD_LABELS  # marked once, in labels.py (the audit action "修改…" names them)


# One rule for what may change, by status. Every service asks it before writing (ensure_editable),
# every window asks it before offering an edit (Session.editable), so the two cannot disagree.
CHANGES = {
    "meeting": QT_TRANSLATE_NOOP("SessionParts", "会议信息"),
    "summary": QT_TRANSLATE_NOOP("SessionParts", "会议小结"),
    "roster": QT_TRANSLATE_NOOP("SessionParts", "参评单位和评议专家"),
    "template": QT_TRANSLATE_NOOP("SessionParts", "评分细则"),
    "draw": QT_TRANSLATE_NOOP("SessionParts", "抽签"),
    "recusals": QT_TRANSLATE_NOOP("SessionParts", "回避"),
    "scores": QT_TRANSLATE_NOOP("SessionParts", "评分"),
    "external": QT_TRANSLATE_NOOP("SessionParts", "外部得分"),
    "questions": QT_TRANSLATE_NOOP("SessionParts", "提问记录"),
    "live": QT_TRANSLATE_NOOP("SessionParts", "现场计时"),
    # a checklist session (示范创建): the indicator ratings and the candidates' steps follow the scores' rule
    "ratings": QT_TRANSLATE_NOOP("SessionParts", "指标评定"),
    "steps": QT_TRANSLATE_NOOP("SessionParts", "创建进程"),
}
_ALLOWED = {
    "draft": set(CHANGES),
    "live": set(CHANGES) - {"draw"},       # the order is fixed once the first unit has presented
    "finished": {"summary"},               # the chair's summary is written after the last unit
    "sealed": set(),                       # only an audited revision (seal.revise)
}
REOPEN_HINT = QT_TRANSLATE_NOOP("Session", "如需修改，请先重新打开评议会（窗口菜单“会议 → 重新打开…”，或命令 reopen；需填写原因，留痕）。")
REVISE_HINT = QT_TRANSLATE_NOOP("Session", "如需更正，请走封盘后更正（窗口菜单“会议 → 封盘后更正…”；需填写原因，留痕）。")


class SessionLocked(UserError):
    """A change that the session's status does not allow (finished, sealed, or already under way)."""


@dataclass
class Session:
    id: int
    title: str
    kind: str
    date: str | None
    venue: str
    organisers: str
    chair: str
    host: str
    secretary: str
    status: str
    template_name: str
    order_mode: str
    draw_seed: str | None
    draw_at: str | None
    draw_witness: str | None
    summary: str
    created_at: str
    updated_at: str

    @classmethod
    def from_row(cls, row: dict) -> "Session":
        return cls(**{k: row[k] for k in cls.__dataclass_fields__})

    def why_locked(self, what: str) -> str | None:
        """None when ``what`` (a key of CHANGES) may change now; otherwise the reason, in Chinese."""
        if what not in CHANGES:
            raise ValueError(f"unknown kind of change: {what}")
        if what in _ALLOWED.get(self.status, set()):
            return None
        label = CHANGES[what]
        if self.status == "sealed":
            return f"评议会“{self.title}”已封盘，{label}不能再修改。{REVISE_HINT}"
        if self.status == "finished":
            return f"评议会“{self.title}”已结束，{label}只读。{REOPEN_HINT}"
        return f"评议会“{self.title}”已开始现场评议，不能再{label}。"

    def editable(self, what: str) -> bool:
        return self.why_locked(what) is None


def check_date(value: str | None) -> str | None:
    """'' or None → None; otherwise a real calendar date as YYYY-MM-DD."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        parsed = Date.fromisoformat(text)
    except ValueError:
        raise UserError(f"日期“{text}”无效：请写成 YYYY-MM-DD，例如 2023-11-17。") from None
    return parsed.isoformat()


def get_session(db: sqlite_utils.Database, session_id: int) -> Session:
    cur = db.execute("SELECT * FROM sessions WHERE id = ?", [session_id])
    row = cur.fetchone()
    if row is None:
        raise UserError(f"没有编号为 {session_id} 的评议会。")
    cols = [d[0] for d in cur.description]
    return Session.from_row(dict(zip(cols, row)))


def list_sessions(db: sqlite_utils.Database, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Sessions newest first, with unit and expert counts (one query, indexes only)."""
    sql = """
        SELECT s.id, s.title, s.kind, s.date, s.venue, s.status, s.template_name,
               (SELECT count(*) FROM units u WHERE u.session_id = s.id) AS units,
               (SELECT count(*) FROM experts e WHERE e.session_id = s.id) AS experts
        FROM sessions s WHERE s.rehearsal_of IS NULL  -- a rehearsal copy is not a session of its own
        ORDER BY coalesce(s.date, '9999') DESC, s.id DESC
    """
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [limit, offset]
    return list(db.query(sql, params))


def ensure_editable(db: sqlite_utils.Database, session_id: int, what: str, *, session: Session | None = None,
                    ) -> Session:
    """The session, or :class:`SessionLocked` when its status does not allow changing ``what``.
    ``session``: the row as a core service read it with its own checks (one statement), None
    when there is no such session; without it the session is read here."""
    if session is None:
        session = get_session(db, session_id)
    reason = session.why_locked(what)
    if reason:
        raise SessionLocked(reason)
    return session


def create_session(db: sqlite_utils.Database, *, title: str, template: Template, kind: str = "",
                   date: str | None = None, venue: str = "", organisers: str = "", chair: str = "",
                   host: str = "", secretary: str = "") -> int:
    """Create a draft session with its own copy of ``template``; returns the new id, carrying the
    record (kind ``sessions``: the list of sessions has one more)."""
    title = (title or "").strip()
    if not title:
        raise UserError("会议名称不能为空。")
    day = check_date(date)
    template = parse_template(template.to_dict(), source=f"模板“{template.name}”")
    now = now_iso()
    with transaction(db):
        *settings, checklist = _settings_json(template)
        cur = db.execute(
            """INSERT INTO sessions (title, kind, date, venue, organisers, chair, host, secretary,
                   status, template_name, aggregation, components_json, grades_json, timing_json,
                   created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)""",
            [title, kind.strip(), day, venue.strip(), organisers.strip(), chair.strip(), host.strip(),
             secretary.strip(), template.name, template.aggregation, *settings, now, now],
        )
        session_id = cur.lastrowid
        if checklist is not None:  # a scored session's row is written exactly as before checklists existed
            db.execute("UPDATE sessions SET checklist_json = ? WHERE id = ?", [checklist, session_id])
        _insert_criteria(db, session_id, template.criteria, None)
        record_created(db, session_id, action="session.create")
    return carrying(session_id, Change.of("sessions", session_id))


def record_created(db: sqlite_utils.Database, session_id: int, *, action: str, operator: str = "") -> None:
    """The first entries of a new session's chain: its uid, status, meeting data, template and order."""
    from .chain import chained

    if not chained(db):
        return
    from .chain import append_many
    from .replay import meeting_state, order_state, template_state

    uid, status = db.execute("SELECT uid, status FROM sessions WHERE id = ?", [session_id]).fetchone()
    append_many(db, session_id=session_id, items=[
        {"action": action, "operator": operator, "entity": "session", "ref": [], "state": {"uid": uid}},
        {"action": "status.set", "operator": operator, "after": status, "entity": "status", "ref": [], "state": status},
        {"action": "meeting.set", "operator": operator, "entity": "meeting", "ref": [],
         "state": meeting_state(db, session_id)},
        {"action": "template.set", "operator": operator, "entity": "template", "ref": [],
         "state": template_state(db, session_id)},
        {"action": "order.set", "operator": operator, "entity": "order", "ref": [], "state": order_state(db, session_id)},
    ])


def record(db: sqlite_utils.Database, session_id: int, *, action: str, entity: str, ref: list | None = None,
           state: Any = None, operator: str = "", **human: Any) -> None:
    """One machine-readable change in the session's chain (inside the caller's transaction)."""
    from .chain import append

    append(db, session_id=session_id, action=action, operator=operator, entity=entity, ref=ref or [], state=state,
           **human)


def record_order(db: sqlite_utils.Database, session_id: int, *, action: str = "order.change", operator: str = "") -> None:
    from .chain import chained

    if not chained(db):
        return
    from .replay import order_state

    record(db, session_id, action=action, entity="order", state=order_state(db, session_id), operator=operator)


def update_session(db: sqlite_utils.Database, *, session_id: int, **fields: Any) -> dict[str, Any]:
    """Change meeting data (the names in MEETING_FIELDS); returns the fields that changed, carrying
    the record (kind ``session``; nothing when no field changed)."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise UserError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    session = get_session(db, session_id)
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "date":
            value = check_date(value)
        else:
            value = (value or "").strip() if key != "summary" else (value or "")
        if key == "title" and not value:
            raise UserError("会议名称不能为空。")
        if getattr(session, key) != value:
            clean[key] = value
    for what in sorted({"summary" if key == "summary" else "meeting" for key in clean}):
        ensure_editable(db, session_id, what)
    if clean:
        from .replay import meeting_state

        sets = ", ".join(f"{k} = ?" for k in clean)
        with transaction(db):
            db.execute(f"UPDATE sessions SET {sets}, updated_at = ? WHERE id = ?",
                       [*clean.values(), now_iso(), session_id])
            record(db, session_id, action=meeting_update_action(clean), entity="meeting",
                   state=meeting_state(db, session_id),
                   before="；".join(str(getattr(session, k) or "")[:40] for k in clean),
                   after="；".join(str(v or "")[:40] for v in clean.values()))
    return carrying(clean, Change.of("session", session_id) if clean else NOTHING)


def set_status(db: sqlite_utils.Database, *, session_id: int, status: str, action: str = "status.change",
               operator: str = "", reason: str = "") -> str:
    if status not in STATUSES:
        raise UserError(f"状态“{status}”无效。")
    before = get_session(db, session_id).status
    with transaction(db):
        db.execute("UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?", [status, now_iso(), session_id])
        record(db, session_id, action=action, entity="status", state=status, before=before, after=status,
               operator=operator, reason=reason)
    return carrying(status, Change.of("status", session_id))


@dataclass
class DeletedSession(Session):
    """The session :func:`delete_session` deleted, as it was, with the record of the deletion."""
    change: Change = field(default=NOTHING, compare=False, repr=False)


def delete_session(db: sqlite_utils.Database, *, session_id: int) -> DeletedSession:
    """Delete a session that is not sealed; returns it as it was, carrying the record (kind
    ``sessions``; ``ledger`` too when its rectification items went with it)."""
    session = get_session(db, session_id)
    if session.status == "sealed":
        raise SessionLocked(f"评议会“{session.title}”已封盘，是正式记录，不能删除。")
    had_items = db.execute("SELECT 1 FROM rectification_items WHERE session_id = ? LIMIT 1",
                           [session_id]).fetchone() is not None
    with transaction(db):
        erase_session(db, session_id, action="session.delete")
    change = Change.of("sessions", session_id).merge(Change.of("ledger", None) if had_items else None)
    return DeletedSession(**{f.name: getattr(session, f.name) for f in dataclass_fields(Session)}, change=change)


def erase_session(db: sqlite_utils.Database, session_id: int, *, action: str) -> None:
    """Delete a session's rows; its chain ends with the deletion (and the ledger's with its items)."""
    from .chain import record_item_removed

    for (item_id,) in db.execute("SELECT id FROM rectification_items WHERE session_id = ?", [session_id]).fetchall():
        record_item_removed(db, item_id, action=with_detail("item.remove_with", action))
    record(db, session_id, action=action, entity="session", state=None)
    db.execute("DELETE FROM sessions WHERE id = ?", [session_id])


def has_scores(db: sqlite_utils.Database, session_id: int) -> bool:
    """Any score, or (a checklist session) any rating, stored against the session's criteria."""
    if not checklist_schema(db):
        return db.execute("SELECT 1 FROM scores WHERE session_id = ? LIMIT 1", [session_id]).fetchone() is not None
    return db.execute("SELECT 1 FROM scores WHERE session_id = ?1 UNION ALL "
                      "SELECT 1 FROM ratings WHERE session_id = ?1 LIMIT 1", [session_id]).fetchone() is not None


def is_checklist(db: sqlite_utils.Database, session_id: int) -> bool:
    """A 示范创建 assessment (its template is a checklist), without loading the template."""
    if not checklist_schema(db):
        get_session(db, session_id)
        return False
    row = db.execute("SELECT checklist_json FROM sessions WHERE id = ?", [session_id]).fetchone()
    if row is None:
        raise UserError(f"没有编号为 {session_id} 的评议会。")
    return row[0] is not None


# ---------------------------------------------------------------------------------------------
# The session's own copy of its template


def _settings_json(template: Template) -> list[str | None]:
    """components, grades, timing and the checklist settings (None for a scored template) as stored."""
    checklist = None
    if template.is_checklist:
        checklist = json.dumps({"threshold": fmt_decimal(template.threshold),
                                "partial_weight": fmt_decimal(template.partial_weight)})
    d = Template(template.name, template.criteria, template.aggregation, template.components, template.grades,
                 template.timing).to_dict()
    return [json.dumps(d["components"], ensure_ascii=False), json.dumps(d["grades"], ensure_ascii=False),
            json.dumps(d["timing"], ensure_ascii=False), checklist]


def _insert_criteria(db: sqlite_utils.Database, session_id: int, nodes: list[Criterion], parent: int | None) -> None:
    for position, node in enumerate(nodes):
        values = [session_id, parent, node.name, fmt_decimal(node.max) if node.is_leaf and node.max is not None else None,
                  node.description, position]
        if node.evidence_required:
            cur = db.execute("INSERT INTO criteria (session_id, parent_id, name, max, description, position, "
                             "evidence_required) VALUES (?, ?, ?, ?, ?, ?, ?)", [*values, node.evidence_required])
        else:
            cur = db.execute("INSERT INTO criteria (session_id, parent_id, name, max, description, position) "
                             "VALUES (?, ?, ?, ?, ?, ?)", values)
        node.id = cur.lastrowid
        _insert_criteria(db, session_id, node.children, node.id)


@dataclass(eq=False)
class SavedTemplate(Template):
    """The template :func:`set_template` stored, as read back, with the record of the write."""
    change: Change = field(default=NOTHING, compare=False, repr=False)


def set_template(db: sqlite_utils.Database, *, session_id: int, template: Template) -> SavedTemplate:
    """Replace the session's template. Refused once any score is stored against it. Returns the
    stored template carrying the record (kind ``template``; ``questions`` too when the questions
    lost their links to the criteria replaced)."""
    session = ensure_editable(db, session_id, "template")
    checked = parse_template(template.to_dict(), source=f"模板“{template.name}”")
    if has_scores(db, session_id):
        current = load_template(db, session_id)
        if current.kind != checked.kind or _criteria_shape(current) != _criteria_shape(checked):
            if current.is_checklist:
                raise UserError(f"评议会“{session.title}”已有指标评定，不能再修改评估指标；"
                                "可以修改指标说明、佐证要求、达标门槛和部分达标的折算。")
            raise UserError(f"评议会“{session.title}”已有评分，不能再修改评分指标；"
                            "可以修改等次、计时和组成部分的权重。")
    from .chain import chained
    from .replay import question_state, template_state

    with transaction(db):
        db.execute("UPDATE sessions SET template_name = ?, aggregation = ?, components_json = ?, "
                   "grades_json = ?, timing_json = ?, checklist_json = ?, updated_at = ? WHERE id = ?",
                   [checked.name, checked.aggregation, *_settings_json(checked), now_iso(), session_id])
        if has_scores(db, session_id):
            _update_descriptions(db, session_id, checked)
            linked: list[int] = []
        else:
            linked = [q for (q,) in db.execute("SELECT id FROM questions WHERE session_id = ? AND criterion_id "
                                               "IS NOT NULL", [session_id])]
            db.execute("DELETE FROM criteria WHERE session_id = ?", [session_id])
            _insert_criteria(db, session_id, checked.criteria, None)
        record(db, session_id, action="template.update", entity="template", state=template_state(db, session_id),
               after=checked.name)
        for qid in linked if chained(db) else []:  # new criteria rows: the questions' links to the old ones are gone
            uid, state = question_state(db, qid)
            record(db, session_id, action="question.uncriterion", entity="question", ref=[uid], state=state)
    stored = load_template(db, session_id)
    change = Change.of(("template", "questions") if linked else "template", session_id)
    return SavedTemplate(**{f.name: getattr(stored, f.name) for f in dataclass_fields(Template)}, change=change)


def _criteria_shape(template: Template) -> list[tuple[str, str]]:
    return [(path, fmt_decimal(leaf.maximum)) for path, leaf in template.leaves()]


def _update_descriptions(db: sqlite_utils.Database, session_id: int, template: Template) -> None:
    stored = load_template(db, session_id)

    def walk(old: list[Criterion], new: list[Criterion]) -> None:
        for o, n in zip(old, new):
            if o.description != n.description or o.evidence_required != n.evidence_required:
                db.execute("UPDATE criteria SET description = ?, evidence_required = ? WHERE id = ?",
                           [n.description, n.evidence_required, o.id])
            walk(o.children, n.children)
    walk(stored.criteria, template.criteria)


def duplicate_session(db: sqlite_utils.Database, *, session_id: int, title: str | None = None) -> int:
    """A new draft from a past session: meeting data, units, experts, template and recusals;
    no scores, questions or timings. Returns the new id, carrying the record (kind ``sessions``)."""
    source = get_session(db, session_id)
    template = load_template(db, session_id)
    with transaction(db):
        new_id = create_session(
            db, title=title or f"{source.title}（副本）", template=template, kind=source.kind,
            venue=source.venue, organisers=source.organisers, chair=source.chair, host=source.host,
            secretary=source.secretary)
        unit_map: dict[int, int] = {}
        for uid, name, presenter, ptitle, rtitle, pos in db.execute(
                "SELECT id, name, presenter, presenter_title, report_title, position FROM units "
                "WHERE session_id = ? ORDER BY position", [session_id]).fetchall():
            unit_map[uid] = db.execute(
                "INSERT INTO units (session_id, name, presenter, presenter_title, report_title, position) "
                "VALUES (?, ?, ?, ?, ?, ?)", [new_id, name, presenter, ptitle, rtitle, pos]).lastrowid
        expert_map: dict[int, int] = {}
        for eid, name, category, affiliation, pos in db.execute(
                "SELECT id, name, category, affiliation, position FROM experts WHERE session_id = ? "
                "ORDER BY position", [session_id]).fetchall():
            expert_map[eid] = db.execute(
                "INSERT INTO experts (session_id, name, category, affiliation, position) VALUES (?, ?, ?, ?, ?)",
                [new_id, name, category, affiliation, pos]).lastrowid
        for eid, uid in db.execute("SELECT expert_id, unit_id FROM recusals WHERE session_id = ?",
                                   [session_id]).fetchall():
            db.execute("INSERT INTO recusals (session_id, expert_id, unit_id) VALUES (?, ?, ?)",
                       [new_id, expert_map[eid], unit_map[uid]])
        record_roster(db, new_id, action=with_detail("roster.copy", source.title))
    new_id = int(new_id)
    return carrying(new_id, Change.of("sessions", new_id))


def record_roster(db: sqlite_utils.Database, session_id: int, *, action: str, operator: str = "") -> None:
    """Entries for every unit, expert and recusal of a session and its order (a copy, an import)."""
    from .chain import chained

    if not chained(db):
        return
    from .chain import append_many
    from .replay import order_state

    items: list[dict[str, Any]] = []
    for name, presenter, ptitle, rtitle in db.execute(
            "SELECT name, presenter, presenter_title, report_title FROM units WHERE session_id = ? ORDER BY position",
            [session_id]):
        items.append({"action": action, "operator": operator, "unit": name, "entity": "unit", "ref": [name],
                      "state": {"name": name, "presenter": presenter, "presenter_title": ptitle,
                                "report_title": rtitle}})
    for name, category, affiliation in db.execute(
            "SELECT name, category, affiliation FROM experts WHERE session_id = ? ORDER BY position", [session_id]):
        items.append({"action": action, "operator": operator, "expert": name, "entity": "expert", "ref": [name],
                      "state": {"name": name, "category": category, "affiliation": affiliation}})
    for expert, unit in db.execute("SELECT e.name, u.name FROM recusals r JOIN experts e ON e.id = r.expert_id "
                                   "JOIN units u ON u.id = r.unit_id WHERE r.session_id = ?", [session_id]):
        items.append({"action": "recusal.add", "operator": operator, "expert": expert, "unit": unit, "entity": "recusal",
                      "ref": [expert, unit], "state": True})
    items.append({"action": "order.set", "operator": operator, "entity": "order", "ref": [],
                  "state": order_state(db, session_id)})
    append_many(db, session_id=session_id, items=items)
