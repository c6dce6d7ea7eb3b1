"""The life of a session: 筹备中 → 进行中 → 已结束 → 已封盘 (draft → live → finished → sealed).

- going live: :meth:`fazhi_desktop.live.LiveMeeting.begin` (the first unit is called);
- ending: :func:`finish_session` here. It lists every score sheet still missing and refuses, unless
  the chair gives a reason to end anyway, which is audited with the gaps it overrode;
- sealing, reopening and revisions after sealing: :mod:`fazhi_desktop.seal`.

What each status lets change is one rule, :meth:`fazhi_desktop.sessions.Session.why_locked`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from . import backup
from .changes import NOTHING, Change
from .db import now_iso, transaction
from .double_entry import double_entry_enabled, unchecked
from .errors import UserError
from .roster import list_experts, list_recusals, list_units
from .scoring import audit, scores_for
from .serve.access import end_tokens
from .sessions import STATUSES, get_session, load_template, set_status


@dataclass(frozen=True)
class Gap:
    """One expert's score sheet for one unit that is not complete, or complete but not submitted."""
    unit: str
    expert: str
    missing: tuple[str, ...]  # leaf paths without a score (empty when only the submission is missing)
    leaves: int               # how many leaves the sheet has
    expert_id: int = field(default=0, compare=False)
    unit_id: int = field(default=0, compare=False)
    unchecked: bool = False   # complete, but with double entry on some scores are not yet checked

    def text(self) -> str:
        if self.unchecked:
            shown = "、".join(self.missing[:3]) + ("等" if len(self.missing) > 3 else "")
            return f"{self.unit} / {self.expert}：{len(self.missing)} 项分数待双人核对（{shown}）"
        if not self.expert:  # a checklist candidate: its indicators not yet rated
            if len(self.missing) == self.leaves:
                return f"{self.unit}：未评定（{self.leaves} 项指标）"
            shown = "、".join(p.rsplit("/", 1)[-1][:24] for p in self.missing[:3]) + ("等" if len(self.missing) > 3 else "")
            return f"{self.unit}：{len(self.missing)} 项指标未评定（{shown}）"
        if not self.missing:
            return f"{self.unit} / {self.expert}：已评完，未提交"
        if len(self.missing) == self.leaves:
            return f"{self.unit} / {self.expert}：未评分（{self.leaves} 项）"
        shown = "、".join(self.missing[:3]) + ("等" if len(self.missing) > 3 else "")
        return f"{self.unit} / {self.expert}：缺 {len(self.missing)} 项（{shown}）"


@dataclass
class FinishCheck:
    incomplete: list[Gap] = field(default_factory=list)   # blocks ending, unless overridden with a reason
    unsubmitted: list[Gap] = field(default_factory=list)  # complete: submitted (locked) when the session ends
    change: Change = NOTHING  # what ending changed (set by finish_session)

    @property
    def ok(self) -> bool:
        return not self.incomplete


class FinishRefused(UserError):
    """Ending refused: score sheets are missing (``check`` lists them)."""

    def __init__(self, message: str, check: FinishCheck):
        super().__init__(message, [g.text() for g in check.incomplete])
        self.check = check


def finish_check(db: sqlite_utils.Database, session_id: int) -> FinishCheck:
    """Every present unit × non-recused expert whose sheet is incomplete or not yet submitted; for a
    checklist session, every present candidate with indicators not yet rated."""
    template = load_template(db, session_id)
    leaves = template.leaves()
    if template.is_checklist:
        return _checklist_check(db, session_id, leaves)
    scored: dict[tuple[int, int], set[int]] = {}
    for (e, u, c) in scores_for(db, session_id):
        scored.setdefault((e, u), set()).add(c)
    recused = list_recusals(db, session_id)
    submitted = set(db.execute("SELECT expert_id, unit_id FROM submissions WHERE session_id = ?", [session_id]).fetchall())
    experts = list_experts(db, session_id)
    pending: dict[tuple[int, int], set[int]] = {}  # 双人录入核对: scores without a standing check
    if double_entry_enabled(db, session_id):
        for item in unchecked(db, session_id):
            pending.setdefault((item.expert_id, item.unit_id), set()).add(item.criterion_id)
    check = FinishCheck()
    for unit in list_units(db, session_id):
        if unit.status == "absent":
            continue
        for expert in experts:
            if (expert.id, unit.id) in recused:
                continue
            have = scored.get((expert.id, unit.id), set())
            missing = tuple(path for path, leaf in leaves if leaf.id not in have)
            waiting = pending.get((expert.id, unit.id))
            if missing:
                check.incomplete.append(Gap(unit.name, expert.name, missing, len(leaves), expert.id, unit.id))
            elif waiting:  # counts as not complete: the scores have not been entered twice alike
                paths = tuple(path for path, leaf in leaves if leaf.id in waiting)
                check.incomplete.append(Gap(unit.name, expert.name, paths, len(leaves), expert.id, unit.id, True))
            if not missing and (expert.id, unit.id) not in submitted:
                check.unsubmitted.append(Gap(unit.name, expert.name, (), len(leaves), expert.id, unit.id))
    return check


def _checklist_check(db: sqlite_utils.Database, session_id: int, leaves: list) -> FinishCheck:
    rated: dict[int, set[int]] = {}
    for unit_id, criterion_id in db.execute("SELECT unit_id, criterion_id FROM ratings WHERE session_id = ? "
                                            "AND rating IS NOT NULL", [session_id]):
        rated.setdefault(unit_id, set()).add(criterion_id)
    check = FinishCheck()
    for unit in list_units(db, session_id):
        if unit.status == "absent":
            continue
        have = rated.get(unit.id, set())
        missing = tuple(path for path, leaf in leaves if leaf.id not in have)
        if missing:
            check.incomplete.append(Gap(unit.name, "", missing, len(leaves), 0, unit.id))
    return check


def finish_session(db: sqlite_utils.Database, *, session_id: int, override_reason: str = "",
                   operator: str = "") -> FinishCheck:
    """End a draft or live session. Refused with every gap listed while a present unit lacks a
    complete sheet from a non-recused expert, unless ``override_reason`` says why it ends anyway
    (audited together with the gaps). Complete sheets not yet submitted are submitted now; a
    running timer is stopped with its time kept. Returns the check it ended on."""
    session = get_session(db, session_id)
    if session.status in ("finished", "sealed"):
        raise UserError(f"评议会“{session.title}”已经{STATUSES[session.status]}。")
    check = finish_check(db, session_id)
    reason = (override_reason or "").strip()
    if check.incomplete and not reason:
        if check.incomplete[0].expert == "":
            raise FinishRefused(f"评议会“{session.title}”还有 {len(check.incomplete)} 个参评单位的指标未评定完，不能结束。"
                                "请补齐评定，或填写原因后仍然结束：", check)
        waiting = "（含待双人核对的）" if any(g.unchecked for g in check.incomplete) else ""
        raise FinishRefused(f"评议会“{session.title}”还有 {len(check.incomplete)} 份评分未完成{waiting}，不能结束。"
                            "请补齐评分、完成核对，或填写原因后仍然结束：", check)
    from .live import LiveMeeting

    with transaction(db):
        LiveMeeting(db, session_id).pause()  # a running phase keeps the time it ran
        for gap in check.unsubmitted:
            db.execute("INSERT OR IGNORE INTO submissions (session_id, expert_id, unit_id, submitted_at) "
                       "VALUES (?, ?, ?, ?)", [session_id, gap.expert_id, gap.unit_id, now_iso()])
            audit(db, session_id=session_id, action="score.submit", operator=operator, expert=gap.expert, unit=gap.unit,
                  reason="结束评议会时一并提交", entity="submission", ref=[gap.expert, gap.unit], state=True)
        end_tokens(db, session_id)  # the experts' scoring links die with the meeting, for good
        set_status(db, session_id=session_id, status="finished", action="session.finish", operator=operator,
                   reason=reason if check.incomplete else "")
        for gap in check.incomplete:
            audit(db, session_id=session_id, action="session.finish_unrated" if not gap.expert else "session.finish_unscored",
                  operator=operator, expert=gap.expert or None, unit=gap.unit, reason=gap.text())
    backup.status_changed(db, session_id, "finished")  # the end of a live meeting is snapshotted
    check.change = Change.of(("status", "live", "scores", "devices"), session_id)
    return check


def begin_assessment(db: sqlite_utils.Database, *, session_id: int, operator: str = "") -> Change:
    """A checklist session (示范创建) goes live: it has no console and no first unit to call, only
    the status 进行中 that tells everyone the assessment is under way."""
    session = get_session(db, session_id)
    if not load_template(db, session_id).is_checklist:
        raise UserError(f"评议会“{session.title}”不是示范创建评估，请在“现场评议”开始第一个单位。")
    if session.status != "draft":
        raise UserError(f"评议会“{session.title}”已经{STATUSES[session.status]}。")
    with transaction(db):
        set_status(db, session_id=session_id, status="live")
        audit(db, session_id=session_id, action="session.assess", operator=operator, before="draft", after="live")
    backup.status_changed(db, session_id, "live")
    return Change.of("status", session_id)

