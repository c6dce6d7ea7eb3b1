"""After naming (seed 004, 严格监督): a named demonstration unit's 年度报告 (annual reports),
回访核查 (return visits) and 摘牌 (de-listing for one of the four causes of the 示范创建办法).

These records belong to the unit's dossier, not to the session that named it: they come years
later, after that session is sealed. They follow the unit across renames (``unit_links``) and are
audited against the naming session.

Rules, each refused in Chinese naming the unit:
- only a unit named (a 命名 step 予以命名) has these records, dated no earlier than its naming;
- one annual report a year, for a year no earlier than the naming;
- a de-listing names one of the four causes; "其他" needs the reason written out; "回访核查不达标"
  needs a return visit found 不符合示范要求 on or before that day;
- after de-listing nothing more is added.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from ..db import now_iso, transaction
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..scoring import audit
from ..sessions import check_date
from ..unit_links import unit_aliases

KINDS = {"annual_report": QT_TRANSLATE_NOOP("Dossier", "年度报告"), "return_visit": QT_TRANSLATE_NOOP("Dossier", "回访核查"),
         "delisting": QT_TRANSLATE_NOOP("Dossier", "摘牌")}
CAUSES = {
    "violation": QT_TRANSLATE_NOOP("Dossier", "发生严重违法行政行为或者因行政不作为、乱作为造成恶劣社会影响"),
    "fraud": QT_TRANSLATE_NOOP("Dossier", "通过提供虚假材料、隐瞒事实真相或者其他不正当手段获取示范命名"),
    "below_standard": QT_TRANSLATE_NOOP("Dossier", "在回访核查中证实已经达不到示范市县要求"),
    "other": QT_TRANSLATE_NOOP("Dossier", "其他应当撤销示范命名的情形"),
}
REPORT_OUTCOMES = (QT_TRANSLATE_NOOP("Dossier", "已报告并向社会公布"), QT_TRANSLATE_NOOP("Dossier", "已报告未公布"),
                   QT_TRANSLATE_NOOP("Dossier", "逾期未报告"))
VISIT_OUTCOMES = (QT_TRANSLATE_NOOP("Dossier", "符合示范要求"), QT_TRANSLATE_NOOP("Dossier", "不符合示范要求"))


@dataclass(frozen=True)
class Naming:
    session_id: int
    session_title: str
    unit_name: str  # the name it was named under
    date: str | None
    note: str  # e.g. the naming document


@dataclass(frozen=True)
class Record:
    id: int
    unit_name: str
    session_id: int | None
    kind: str
    date: str
    year: int | None
    outcome: str
    cause: str | None
    note: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def text(self) -> str:
        if self.kind == "annual_report":
            return f"{self.year}年度报告：{self.outcome}" + (f"（{self.note}）" if self.note else "")
        if self.kind == "return_visit":
            return f"回访核查：{self.outcome}" + (f"（{self.note}）" if self.note else "")
        return f"摘牌：{CAUSES.get(self.cause or '', self.cause or '')}" + (f"（{self.note}）" if self.note else "")


@dataclass
class DemonstrationStatus:
    name: str
    naming: Naming | None
    records: list[Record] = field(default_factory=list)  # oldest first

    @property
    def delisting(self) -> Record | None:
        return next((r for r in self.records if r.kind == "delisting"), None)

    @property
    def state(self) -> str:
        if self.naming is None:
            return QT_TRANSLATE_NOOP("DemonstrationState", "未命名")
        return QT_TRANSLATE_NOOP("DemonstrationState", "已摘牌") if self.delisting else \
            QT_TRANSLATE_NOOP("DemonstrationState", "示范单位")


def naming_of(db: sqlite_utils.Database, unit_name: str) -> Naming | None:
    """The latest naming of the unit (under any of its linked names), or None."""
    names = unit_aliases(db, unit_name)
    row = db.execute(
        f"""SELECT s.id, s.title, u.name, c.date, c.note FROM candidate_steps c
            JOIN units u ON u.id = c.unit_id JOIN sessions s ON s.id = c.session_id
            WHERE c.step = 'naming' AND c.outcome = '予以命名' AND u.name IN ({', '.join('?' * len(names))})
            ORDER BY c.date IS NULL, c.date DESC, s.id DESC LIMIT 1""", names).fetchone()
    return Naming(*row) if row else None


def demonstration_status(db: sqlite_utils.Database, unit_name: str) -> DemonstrationStatus:
    names = unit_aliases(db, unit_name)
    rows = db.execute(f"SELECT id, unit_name, session_id, kind, date, year, outcome, cause, note "
                      f"FROM demonstration_records WHERE unit_name IN ({', '.join('?' * len(names))}) "
                      "ORDER BY date, id", names).fetchall()
    return DemonstrationStatus(unit_name, naming_of(db, unit_name), [Record(*r) for r in rows])


def _open(db: sqlite_utils.Database, unit_name: str, day: str | None, what: str) -> tuple[DemonstrationStatus, str]:
    name = (unit_name or "").strip()
    status = demonstration_status(db, name)
    if status.naming is None:
        raise UserError(f"“{name}”没有被命名为示范单位（没有“予以命名”的创建进程记录），不能记录{what}。")
    if status.delisting is not None:
        raise UserError(f"“{name}”已于 {status.delisting.date} 摘牌，不能再记录{what}。")
    if not day:
        raise UserError(f"“{name}”的{what}须写明日期。")
    if status.naming.date and day < status.naming.date:
        raise UserError(f"“{name}”的{what}日期 {day} 早于命名日期 {status.naming.date}。")
    return status, name


def _insert(db: sqlite_utils.Database, status: DemonstrationStatus, name: str, kind: str, day: str,
            year: int | None, outcome: str, cause: str | None, note: str, operator: str) -> Record:
    session_id = status.naming.session_id  # type: ignore[union-attr]
    with transaction(db):
        rid = db.execute("INSERT INTO demonstration_records (unit_name, session_id, kind, date, year, outcome, cause, "
                         "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [name, session_id, kind, day, year, outcome, cause, note, now_iso()]).lastrowid
        record = Record(rid, name, session_id, kind, day, year, outcome, cause, note)
        audit(db, session_id=session_id, action=f"dossier.{kind}", operator=operator, unit=name,
              after=record.text(), reason=note if kind == "delisting" else "")
    return record


def add_annual_report(db: sqlite_utils.Database, *, unit_name: str, year: int, date: str,
                      outcome: str = REPORT_OUTCOMES[0], note: str = "", operator: str = "") -> Record:
    day = check_date(date)
    status, name = _open(db, unit_name, day, "年度报告")
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise UserError(f"“{name}”年度报告的年度“{year}”应是年份，如 2024。") from None
    if outcome not in REPORT_OUTCOMES:
        raise UserError(f"年度报告的情况只能是：{'、'.join(REPORT_OUTCOMES)}。")
    named_year = int((status.naming.date or "0")[:4] or 0)  # type: ignore[union-attr]
    if year < named_year:
        raise UserError(f"“{name}”于 {named_year} 年命名，不能记录 {year} 年度报告。")
    if any(r.kind == "annual_report" and r.year == year for r in status.records):
        raise UserError(f"“{name}”的 {year} 年度报告已经记录过。")
    return _insert(db, status, name, "annual_report", day, year, outcome, None, note.strip(), operator)


def add_return_visit(db: sqlite_utils.Database, *, unit_name: str, date: str, outcome: str, note: str = "",
                     operator: str = "") -> Record:
    day = check_date(date)
    status, name = _open(db, unit_name, day, "回访核查")
    if outcome not in VISIT_OUTCOMES:
        raise UserError(f"回访核查的结论只能是：{'、'.join(VISIT_OUTCOMES)}。")
    return _insert(db, status, name, "return_visit", day, None, outcome, None, note.strip(), operator)


def delist(db: sqlite_utils.Database, *, unit_name: str, date: str, cause: str, reason: str = "",
           operator: str = "") -> Record:
    day = check_date(date)
    status, name = _open(db, unit_name, day, "摘牌")
    if cause not in CAUSES:
        raise UserError("摘牌须写明原因，只能是以下情形之一：" + "；".join(CAUSES.values()) + "。")
    reason = (reason or "").strip()
    if cause == "other" and not reason:
        raise UserError(f"“{name}”以“其他情形”摘牌，须写明具体原因。")
    if cause == "below_standard" and not any(
            r.kind == "return_visit" and r.outcome == "不符合示范要求" and r.date <= day for r in status.records):
        raise UserError(f"“{name}”以“回访核查中证实已经达不到示范要求”摘牌，须先记录一次结论为“不符合示范要求”的回访核查。")
    return _insert(db, status, name, "delisting", day, None, "撤销示范命名", cause, reason, operator)


def demonstration_units(db: sqlite_utils.Database) -> list[DemonstrationStatus]:
    """Every unit ever named, with its records (for the history window's list)."""
    names = [n for (n,) in db.execute(
        "SELECT DISTINCT u.name FROM candidate_steps c JOIN units u ON u.id = c.unit_id "
        "WHERE c.step = 'naming' AND c.outcome = '予以命名' ORDER BY u.name")]
    return [demonstration_status(db, n) for n in names]
