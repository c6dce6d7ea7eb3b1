"""双人录入核对: paper score sheets entered a second time, blind, and compared with the first entry.

When a session has double entry switched on, a score counts in the results only once it is checked:
a row in ``score_checks`` whose value equals the stored score (so editing a checked score un-checks
it by itself). A check comes from a second entry that agreed (``second_entry``: the window's blind
grid or ``import scores --check``), from a difference resolved with a reason, or from the scoring
server for a score the expert typed on their own device (``device``). A second entry stores no
score: only the checks of the values that agreed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import sqlite_utils

from .changes import NOTHING, Change, carrying
from .db import now_iso, transaction
from .errors import UserError
from .roster import list_experts, list_units
from .score_imports import parse_score_file
from .scoring import audit, check_score, is_recused, leaf_path, record_score, scores_for
from .sessions import ensure_editable, load_template
from .stored_template import devices_schema
from .template import fmt_decimal

SOURCES = ("second_entry", "device")


@dataclass(frozen=True)
class Difference:
    """A value of the second entry that differs from the stored one (``stored`` None: 未录入)."""
    expert_id: int
    unit_id: int
    criterion_id: int
    expert: str
    unit: str
    criterion: str  # the leaf's path, 一级/二级
    stored: Decimal | None
    second: Decimal
    row: int | None = None  # the spreadsheet row of a checked file

    def line(self) -> str:
        """第N行　专家　单位　指标　已录入 X　第二次 Y (what the command line prints)."""
        first = "未录入" if self.stored is None else f"已录入 {fmt_decimal(self.stored)}"
        where = f"第{self.row}行　" if self.row is not None else ""
        return f"{where}{self.expert}　{self.unit}　{self.criterion}　{first}　第二次 {fmt_decimal(self.second)}"


class EntriesDiffer(UserError):
    """A second entry that does not agree with the first: nothing was stored; each difference listed."""

    def __init__(self, message: str, differences: Sequence[Difference]):
        super().__init__(message, [d.line() for d in differences])
        self.differences = list(differences)


@dataclass(frozen=True)
class CheckResult:
    file: str
    checked: int  # scores compared, all equal, now marked checked
    unchecked_left: int  # stored scores of the session still awaiting a check
    enabled: bool
    change: Change = field(default=NOTHING, compare=False, repr=False)  # the scores of the units checked

    def summary(self) -> str:
        text = f"{self.file}：{self.checked} 项评分与已录入的一致，已标记为已核对。"
        if self.unchecked_left:
            text += f"本场还有 {self.unchecked_left} 项评分待双人核对。"
        if not self.enabled:
            text += "\n注意：本场未开启双人录入核对（命令 double-entry --session ID on），核对记录已保存，开启后生效。"
        return text


@dataclass(frozen=True)
class Unchecked:
    expert_id: int
    unit_id: int
    criterion_id: int
    value: Decimal


@dataclass(frozen=True)
class Switched:
    """What :func:`set_double_entry` did: true when the switch moved (as the bool it returned before),
    with the record (every unit's scores: which of them count changed), or nothing when it stood."""
    changed: bool
    change: Change = NOTHING

    def __bool__(self) -> bool:
        return self.changed


# --- the switch -------------------------------------------------------------------------------------
def double_entry_enabled(db: sqlite_utils.Database, session_id: int) -> bool:
    if not devices_schema(db):  # a database from before version 8, not yet migrated
        return False
    return db.execute("SELECT 1 FROM double_entry WHERE session_id = ?", [session_id]).fetchone() is not None


def set_double_entry(db: sqlite_utils.Database, *, session_id: int, enabled: bool, operator: str = "") -> Switched:
    """Switch double entry on or off (audited); returns whether anything changed (a :class:`Switched`,
    true or false, carrying the record: the whole session's scores, since every unit's results may
    count differently now). Refused once the session is finished or sealed: it decides which scores count."""
    ensure_editable(db, session_id, "scores")
    if double_entry_enabled(db, session_id) == enabled:
        return Switched(False)
    with transaction(db):
        if enabled:
            db.execute("INSERT INTO double_entry (session_id, enabled_at) VALUES (?, ?)", [session_id, now_iso()])
        else:
            db.execute("DELETE FROM double_entry WHERE session_id = ?", [session_id])
        audit(db, session_id=session_id, action="double_entry.on" if enabled else "double_entry.off", operator=operator,
              reason="评分须经第二人核对后计入结果" if enabled else "评分录入后即计入结果")
    return Switched(True, Change.of("scores", session_id))


# --- what is checked --------------------------------------------------------------------------------
def checked_values(db: sqlite_utils.Database, session_id: int) -> dict[tuple[int, int, int], Decimal]:
    """{(expert_id, unit_id, criterion_id): the value a check agreed with}; a score counts as checked
    while its stored value equals this."""
    return {(e, u, c): Decimal(v) for e, u, c, v in db.execute(
        "SELECT expert_id, unit_id, criterion_id, value FROM score_checks WHERE session_id = ?", [session_id])}


def unchecked(db: sqlite_utils.Database, session_id: int, unit_id: int | None = None) -> list[Unchecked]:
    """Stored scores without a check of the same value (of one unit, or of the whole session)."""
    checks = checked_values(db, session_id)
    return [Unchecked(e, u, c, v) for (e, u, c), v in sorted(scores_for(db, session_id, unit_id).items())
            if checks.get((e, u, c)) != v]


def unchecked_counts(db: sqlite_utils.Database, session_id: int) -> dict[int, int]:
    """{unit_id: how many stored scores await checking}, every unit of the session listed."""
    counts = {u.id: 0 for u in list_units(db, session_id)}
    for item in unchecked(db, session_id):
        counts[item.unit_id] = counts.get(item.unit_id, 0) + 1
    return counts


# --- comparing --------------------------------------------------------------------------------------
Entry = tuple  # (expert_id, unit_id, criterion_id, raw value[, spreadsheet row])


def compare(db: sqlite_utils.Database, session_id: int, entries: Iterable[Entry]) -> list[Difference]:
    """The second entry's values that differ from the stored ones (exact decimals: 8.5 equals 8.50;
    a score never stored is a difference). Every value is checked as a first entry would be; any
    bad one refuses the whole entry (UserError listing each), and nothing is written either way."""
    leaves = {leaf.id: (path, leaf) for path, leaf in load_template(db, session_id).leaves()}
    experts = {e.id: e.name for e in list_experts(db, session_id)}
    units = {u.id: u for u in list_units(db, session_id)}
    stored = scores_for(db, session_id)
    problems: list[str] = []
    out: list[Difference] = []
    for entry in entries:
        expert_id, unit_id, criterion_id, raw = entry[:4]
        row = entry[4] if len(entry) > 4 else None
        if expert_id not in experts or unit_id not in units or criterion_id not in leaves:
            raise UserError(f"本场评议会没有这张评分表（专家 {expert_id}、单位 {unit_id}、指标 {criterion_id}）。")
        path, leaf = leaves[criterion_id]
        where = f"{experts[expert_id]} / {units[unit_id].name} / {path}"
        if is_recused(db, expert_id, unit_id):
            raise UserError(f"专家“{experts[expert_id]}”对“{units[unit_id].name}”回避，没有评分可核对。")
        try:
            second = check_score(raw, leaf.maximum, where=where)
        except UserError as exc:
            problems.append(exc.message)
            continue
        first = stored.get((expert_id, unit_id, criterion_id))
        if first != second:
            out.append(Difference(expert_id, unit_id, criterion_id, experts[expert_id], units[unit_id].name, path,
                                  first, second, row))
    if problems:
        raise UserError(f"第二次录入有 {len(problems)} 项无效，未核对：", problems)
    return out


def _mark_checked(db: sqlite_utils.Database, session_id: int, items: Iterable[tuple[int, int, int, Decimal]],
                  source: str = "second_entry") -> int:
    """Record checks (inside the caller's transaction); returns how many."""
    at = now_iso()
    rows = [[session_id, e, u, c, fmt_decimal(v), source, at] for e, u, c, v in items]
    db.conn.executemany(
        "INSERT INTO score_checks (session_id, expert_id, unit_id, criterion_id, value, source, checked_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(expert_id, unit_id, criterion_id) DO UPDATE SET "
        "session_id = excluded.session_id, value = excluded.value, source = excluded.source, "
        "checked_at = excluded.checked_at", rows)
    return len(rows)


def check_scores_file(db: sqlite_utils.Database, *, session_id: int, path: Path | str,
                      operator: str = "") -> CheckResult:
    """``import scores FILE --check``: the file is read exactly as an import reads it (a bad row
    refuses it whole); all values equal → they are marked checked (one transaction, audited once);
    any difference → EntriesDiffer listing each, and nothing is stored. ``.change``: the scores of
    the units the file named (their checks)."""
    path = Path(path)
    ensure_editable(db, session_id, "scores")
    rows = parse_score_file(db, session_id=session_id, path=path)
    differences = compare(db, session_id, [(r.expert.id, r.unit.id, r.leaf.id, r.value, r.number) for r in rows])
    if differences:
        raise EntriesDiffer(f"{path.name} 与已录入的评分有 {len(differences)} 处不同，未标记核对（没有保存任何内容）：",
                            differences)
    with transaction(db):
        count = _mark_checked(db, session_id, [(r.expert.id, r.unit.id, r.leaf.id, r.value) for r in rows])
        audit(db, session_id=session_id, action="double_entry.check", operator=operator, after=f"{count} 项一致",
              reason=f"核对文件 {path.name}")
    return CheckResult(path.name, count, len(unchecked(db, session_id)), double_entry_enabled(db, session_id),
                       Change.of("scores", session_id, {r.unit.id for r in rows}))


# --- the window's blind entry -------------------------------------------------------------------------
def record_second_entry(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int,
                        values: Mapping[int, object], operator: str = "") -> list[Difference]:
    """One paper sheet entered a second time: the values equal to the stored ones are marked checked
    (no score is stored); the differences are returned for :func:`resolve_difference`, carrying the
    record (that unit's scores: which of them count, with double entry on)."""
    ensure_editable(db, session_id, "scores")
    differences = compare(db, session_id, [(expert_id, unit_id, cid, raw) for cid, raw in values.items()])
    differing = {d.criterion_id for d in differences}
    stored = scores_for(db, session_id, unit_id)
    agreed = [(expert_id, unit_id, cid, stored[(expert_id, unit_id, cid)]) for cid in values if cid not in differing]
    expert = next(e.name for e in list_experts(db, session_id) if e.id == expert_id)
    unit = next(u.name for u in list_units(db, session_id) if u.id == unit_id)
    with transaction(db):
        count = _mark_checked(db, session_id, agreed)
        audit(db, session_id=session_id, action="double_entry.check", operator=operator, expert=expert, unit=unit,
              after=f"{count} 项一致", reason=f"{len(differences)} 项不一致待处理" if differences else "")
    return carrying(differences, Change.of("scores", session_id, [unit_id]))


def resolve_difference(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int,
                       criterion_id: int, value: object, reason: str, second: Decimal | str | None = None,
                       operator: str = "") -> Decimal:
    """Settle one difference with the value on the paper (the first entry's, the second's, or a
    third typed from the sheet) and the reason: stored through ``record_score`` (so a submitted
    sheet's correction is audited as any), marked checked, and the resolution itself audited.
    Returns the value stored, carrying the record (that unit's scores)."""
    if not (reason or "").strip():
        raise UserError("处理核对差异需要填写原因（例如：以纸质评分表为准，第一次录入看错行）。")
    reason = reason.strip()
    if value is None or (isinstance(value, str) and not value.strip()):
        raise UserError("核对后的分数不能为空：请选用第一次或第二次录入的值，或照纸质评分表填写。")
    with transaction(db):
        before = scores_for(db, session_id, unit_id).get((expert_id, unit_id, criterion_id))
        change = record_score(db, session_id=session_id, expert_id=expert_id, unit_id=unit_id,
                              criterion_id=criterion_id, value=value, reason=reason, operator=operator, source="核对")
        _mark_checked(db, session_id, [(expert_id, unit_id, criterion_id, change.after)])
        expert, unit = (db.execute("SELECT name FROM experts WHERE id = ?", [expert_id]).fetchone()[0],
                        db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()[0])
        shown = fmt_decimal(second) if isinstance(second, Decimal) else str(second or "").strip()
        note = f"（第二次录入 {shown}）" if shown else ""
        audit(db, session_id=session_id, action="double_entry.differ", operator=operator, expert=expert, unit=unit,
              criterion=leaf_path(db, criterion_id), before=fmt_decimal(before) if before is not None else "未录入",
              after=fmt_decimal(change.after), reason=reason + note)
    return carrying(change.after, Change.of("scores", session_id, [unit_id]))


def settle_second_entry(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int,
                        values: Mapping[int, object], resolutions: Mapping[int, tuple[object, str]],
                        operator: str = "") -> list[Difference]:
    """The window's last step for one sheet, in one transaction: the agreeing values are marked
    checked and each difference is settled with ``resolutions[criterion_id] = (value, reason)``.
    A difference left unsettled, a blank reason or a bad value refuses the whole sheet (nothing
    stored), naming the criterion. Returns the differences settled, carrying the record (that
    unit's scores)."""
    with transaction(db):
        differences = record_second_entry(db, session_id=session_id, expert_id=expert_id, unit_id=unit_id,
                                          values=values, operator=operator)
        open_ = [d.criterion for d in differences if d.criterion_id not in resolutions]
        if open_:
            raise UserError(f"还有 {len(open_)} 项差异未处理（{'、'.join(open_)}），请逐项选定采用的分数。")
        for d in differences:
            value, reason = resolutions[d.criterion_id]
            try:
                resolve_difference(db, session_id=session_id, expert_id=expert_id, unit_id=unit_id,
                                   criterion_id=d.criterion_id, value=value, reason=reason, second=d.second,
                                   operator=operator)
            except UserError as exc:
                raise UserError(f"{d.criterion}：{exc.message}", exc.problems) from None
    return carrying(list(differences), Change.of("scores", session_id, [unit_id]))
