"""The candidate's path (创建进程, seed 004): 自查自评 → 申报 → 初审推荐 → 第三方评估 → 人民群众满意度
测评 → 实地核查 → 公示 → 命名, each step with its date and outcome, and the figures the steps carry
(self-assessment rate, third-party rate, satisfaction %, on-site findings, the notice period with
its objections, the decision). From them comes the 拟命名名单.

Rules kept here, each refused in Chinese naming the candidate and the step:
- dates are real dates, and no step is dated before a step that comes earlier on the path;
- percentages are 0–100 with at most two decimals;
- the public notice has an end no earlier than its start; objections are a count, and a count
  above 0 cannot be recorded as 无异议;
- 予以命名 only for a candidate on the 拟命名名单 whose notice has ended without an upheld objection.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date, timedelta
from decimal import Decimal
from fractions import Fraction

import sqlite_utils

from ..db import now_iso, transaction
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..results import round_half_up
from ..roster import list_units
from ..scoring import audit
from ..sessions import check_date, ensure_editable, load_template
from ..template import fmt_decimal, to_decimal
from ..snapshot import CONTENT, Snapshot, load_snapshot
from .results import checklist_results_of

NOTICE_DAYS = 7  # seen: a 7-day public notice


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    outcomes: tuple[str, ...]
    value_label: str = ""  # a percentage the step carries
    note_label: str = QT_TRANSLATE_NOOP("ChecklistSteps", "备注")
    period: bool = False  # a start and an end date (the notice)


# texts marked QT_TRANSLATE_NOOP: the window shows them with ui.i18n.label("ChecklistSteps", text)
STEPS = (
    Step("self_assessment", QT_TRANSLATE_NOOP("ChecklistSteps", "自查自评"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "自评达标"), QT_TRANSLATE_NOOP("ChecklistSteps", "自评未达标")),
         QT_TRANSLATE_NOOP("ChecklistSteps", "自评达标率（%）")),
    Step("application", QT_TRANSLATE_NOOP("ChecklistSteps", "申报"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "已申报"), QT_TRANSLATE_NOOP("ChecklistSteps", "撤回申报"))),
    Step("preliminary", QT_TRANSLATE_NOOP("ChecklistSteps", "初审推荐"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "推荐"), QT_TRANSLATE_NOOP("ChecklistSteps", "不予推荐")),
         note_label=QT_TRANSLATE_NOOP("ChecklistSteps", "推荐意见")),
    Step("third_party", QT_TRANSLATE_NOOP("ChecklistSteps", "第三方评估"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "达标"), QT_TRANSLATE_NOOP("ChecklistSteps", "未达标")),
         QT_TRANSLATE_NOOP("ChecklistSteps", "第三方评估达标率（%）")),
    Step("survey", QT_TRANSLATE_NOOP("ChecklistSteps", "人民群众满意度测评"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "通过"), QT_TRANSLATE_NOOP("ChecklistSteps", "未通过")),
         QT_TRANSLATE_NOOP("ChecklistSteps", "满意度（%）")),
    Step("onsite", QT_TRANSLATE_NOOP("ChecklistSteps", "实地核查"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "通过"), QT_TRANSLATE_NOOP("ChecklistSteps", "限期整改"),
          QT_TRANSLATE_NOOP("ChecklistSteps", "未通过")),
         note_label=QT_TRANSLATE_NOOP("ChecklistSteps", "核查发现")),
    Step("notice", QT_TRANSLATE_NOOP("ChecklistSteps", "公示"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "无异议"), QT_TRANSLATE_NOOP("ChecklistSteps", "异议不成立"),
          QT_TRANSLATE_NOOP("ChecklistSteps", "异议成立")),
         note_label=QT_TRANSLATE_NOOP("ChecklistSteps", "异议及处理"), period=True),
    Step("naming", QT_TRANSLATE_NOOP("ChecklistSteps", "命名"),
         (QT_TRANSLATE_NOOP("ChecklistSteps", "予以命名"), QT_TRANSLATE_NOOP("ChecklistSteps", "不予命名")),
         note_label=QT_TRANSLATE_NOOP("ChecklistSteps", "命名文件")),
)
BY_KEY = {s.key: s for s in STEPS}
ORDER = {s.key: i for i, s in enumerate(STEPS)}


@dataclass(frozen=True)
class StepRecord:
    unit_id: int
    step: str
    date: str | None
    end_date: str | None
    outcome: str
    value: Decimal | None
    objections: int | None
    note: str

    @property
    def label(self) -> str:
        return BY_KEY[self.step].label

    def summary(self) -> str:
        """One line: 2024-03-05 达标（91.00%）."""
        parts = [self.date or "日期未定"]
        if self.end_date:
            parts[0] += f" 至 {self.end_date}"
        what = self.outcome
        if self.value is not None:
            what += f"（{fmt_decimal(self.value)}%）"
        if self.objections is not None and self.step == "notice":
            what += f"（异议 {self.objections} 件）"
        return " ".join(p for p in (*parts, what) if p)


def steps_for(db: sqlite_utils.Database, session_id: int) -> dict[tuple[int, str], StepRecord]:
    return _records(db.execute("SELECT unit_id, step, date, end_date, outcome, value, objections, note "
                               "FROM candidate_steps WHERE session_id = ?", [session_id]))


def steps_of(snap: Snapshot) -> dict[tuple[int, str], StepRecord]:
    """{(unit id, step key): record} of a snapshot read to CONTENT."""
    snap.need(CONTENT, "steps")
    return _records(r[:8] for r in snap.steps or ())


def _records(rows) -> dict[tuple[int, str], StepRecord]:
    return {(r[0], r[1]): StepRecord(r[0], r[1], r[2], r[3], r[4], Decimal(r[5]) if r[5] is not None else None,
                                     r[6], r[7]) for r in rows}


def notice_end(start: str, days: int = NOTICE_DAYS) -> str:
    """The last day of a notice of ``days`` days that begins on ``start`` (both days counted)."""
    return (Date.fromisoformat(start) + timedelta(days=days - 1)).isoformat()


def _percent(raw: object, what: str) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = to_decimal(str(raw).strip().rstrip("%％"))
    except ValueError:
        raise UserError(f"{what}“{raw}”不是数字。") from None
    if not (0 <= value <= 100):
        raise UserError(f"{what} {fmt_decimal(value)} 应在 0 到 100 之间。")
    if value != value.quantize(Decimal("0.01")):
        raise UserError(f"{what} {raw} 最多保留两位小数。")
    return value


def record_step(db: sqlite_utils.Database, *, session_id: int, unit_id: int, step: str, date: str | None = None,
                end_date: str | None = None, outcome: str = "", value: object = None, objections: object = None,
                note: str = "", operator: str = "") -> StepRecord:
    """Record (or replace) one step of a candidate's path."""
    ensure_editable(db, session_id, "steps")
    if step not in BY_KEY:
        raise UserError(f"没有“{step}”这一步；步骤为：{'、'.join(s.label for s in STEPS)}。")
    spec = BY_KEY[step]
    unit = next((u for u in list_units(db, session_id) if u.id == unit_id), None)
    if unit is None:
        raise UserError(f"本场评议会没有编号为 {unit_id} 的参评单位。")
    where = f"{unit.name} / {spec.label}"
    if not load_template(db, session_id).is_checklist:
        raise UserError("本场不是示范创建评估（清单式评分细则），没有创建进程。")
    day, end = check_date(date), check_date(end_date)
    outcome = (outcome or "").strip()
    if outcome and outcome not in spec.outcomes:
        raise UserError(f"{where}：结果“{outcome}”无效，只能是：{'、'.join(spec.outcomes)}。")
    number = _percent(value, f"{where}：{spec.value_label or '数值'}") if spec.value_label else None
    if value not in (None, "") and not spec.value_label:
        raise UserError(f"{where}：这一步不记录百分比。")
    count = None
    if spec.period:
        if day and end and end < day:
            raise UserError(f"{where}：公示结束日期 {end} 早于开始日期 {day}。")
        if objections not in (None, ""):
            try:
                count = int(str(objections).strip())
                if count < 0:
                    raise ValueError
            except ValueError:
                raise UserError(f"{where}：异议件数“{objections}”应是 0 或正整数。") from None
        if count and outcome == "无异议":
            raise UserError(f"{where}：收到异议 {count} 件，结果不能是“无异议”；请写明异议是否成立。")
    elif end:
        raise UserError(f"{where}：只有公示有结束日期。")
    records = steps_for(db, session_id)
    if day:
        for other in STEPS:
            rec = records.get((unit_id, other.key))
            if rec is None or not rec.date or other.key == step:
                continue
            if ORDER[other.key] < ORDER[step] and rec.date > day:
                raise UserError(f"{where}：日期 {day} 早于前一步“{other.label}”的日期 {rec.date}。")
            if ORDER[other.key] > ORDER[step] and rec.date < day:
                raise UserError(f"{where}：日期 {day} 晚于后一步“{other.label}”的日期 {rec.date}。")
    if step == "naming" and outcome == "予以命名":
        entry = next(e for e in proposed_list(db, session_id) if e.unit_id == unit_id)
        if not entry.included:
            raise UserError(f"{where}：“{unit.name}”不在拟命名名单中（{'；'.join(entry.reasons)}），不能予以命名。")
        notice = records.get((unit_id, "notice"))
        if notice is None or not notice.outcome or not notice.end_date:
            raise UserError(f"{where}：须先完成公示（记录公示起止日期和结果），才能予以命名。")
        if notice.outcome == "异议成立":
            raise UserError(f"{where}：公示中异议成立，不能予以命名。")
        if day and day <= notice.end_date:
            raise UserError(f"{where}：命名日期 {day} 应在公示期满（{notice.end_date}）之后。")
    note = (note or "").strip()
    before = records.get((unit_id, step))
    with transaction(db):
        db.execute("INSERT INTO candidate_steps (session_id, unit_id, step, date, end_date, outcome, value, objections, "
                   "note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id, step) DO UPDATE SET "
                   "date = excluded.date, end_date = excluded.end_date, outcome = excluded.outcome, "
                   "value = excluded.value, objections = excluded.objections, note = excluded.note, "
                   "updated_at = excluded.updated_at",
                   [session_id, unit_id, step, day, end, outcome, fmt_decimal(number) if number is not None else None,
                    count, note, now_iso()])
        record = steps_for(db, session_id)[(unit_id, step)]
        if before is not None and before.summary() != record.summary():
            audit(db, session_id=session_id, action="progress.update", operator=operator, unit=unit.name,
                  criterion=spec.label, before=before.summary(), after=record.summary())
    return record


def clear_step(db: sqlite_utils.Database, *, session_id: int, unit_id: int, step: str, operator: str = "") -> None:
    ensure_editable(db, session_id, "steps")
    before = steps_for(db, session_id).get((unit_id, step))
    if before is None:
        return
    unit = next(u.name for u in list_units(db, session_id) if u.id == unit_id)
    with transaction(db):
        db.execute("DELETE FROM candidate_steps WHERE unit_id = ? AND step = ?", [unit_id, step])
        audit(db, session_id=session_id, action="progress.delete", operator=operator, unit=unit,
              criterion=BY_KEY[step].label, before=before.summary())


@dataclass
class Proposal:
    unit_id: int
    name: str
    included: bool
    reasons: list[str]  # why not (empty when included)
    third_party: Decimal | None  # the rate it was judged on
    named: bool = False


def proposed_list(db: sqlite_utils.Database, session_id: int) -> list[Proposal]:
    """Every candidate, in order, with whether it is on the 拟命名名单 (one snapshot); see :func:`proposals_of`."""
    return proposals_of(load_snapshot(db, session_id, CONTENT))


def proposals_of(snap: Snapshot) -> list[Proposal]:
    """Every candidate, in order, with whether it is on the 拟命名名单 and, if not, why. On the list:
    applied and not withdrawn, recommended at the preliminary review, a third-party rate at or above
    the threshold (the step's recorded rate, else this session's own result), the satisfaction
    survey not failed, and the on-site check passed."""
    results = {r.unit_id: r for r in checklist_results_of(snap).units}
    threshold = snap.template.threshold
    records = steps_of(snap)
    out = []
    for unit in snap.units:
        get = lambda key: records.get((unit.id, key))  # noqa: E731
        reasons = []
        application = get("application")
        if unit.status == "absent" or (application and application.outcome == "撤回申报"):
            reasons.append("已撤回申报")
        prelim = get("preliminary")
        if prelim is None or not prelim.outcome:
            reasons.append("未经初审推荐")
        elif prelim.outcome != "推荐":
            reasons.append("初审未予推荐")
        tp = get("third_party")
        r = results.get(unit.id)
        rate: Fraction | None = None
        if tp is not None and tp.value is not None:
            rate = Fraction(tp.value)
        elif r is not None and r.rate_exact is not None:
            rate = r.rate_exact
        if rate is None:
            reasons.append("第三方评估未完成")
        elif rate < Fraction(threshold):
            reasons.append(f"第三方评估达标率 {round_half_up(rate)}% 未达到 {fmt_decimal(threshold)}%")
        survey = get("survey")
        if survey is None or (survey.value is None and not survey.outcome):
            reasons.append("尚未进行满意度测评")
        elif survey.outcome == "未通过":
            reasons.append("满意度测评未通过")
        onsite = get("onsite")
        if onsite is None or not onsite.outcome:
            reasons.append("尚未实地核查")
        elif onsite.outcome != "通过":
            reasons.append(f"实地核查结果为“{onsite.outcome}”")
        naming = get("naming")
        out.append(Proposal(unit.id, unit.name, not reasons, reasons,
                            None if rate is None else round_half_up(rate),
                            bool(naming and naming.outcome == "予以命名")))
    return out
