"""The report-back rule for rectification, one for the whole meeting (DOMAIN.md): a written
report within four months of the meeting, within one month for a unit rated in the lowest band.
The minutes state it and each 评议意见书 applies it."""
from __future__ import annotations

from datetime import date as Date

from ..i18n import QT_TRANSLATE_NOOP
from .data import ExportData
from .doc_language import CHINESE, tr_doc
from .wording import date_words

REPORT_MONTHS = 4
FAILING_MONTHS = 1


def add_months(iso: str | None, months: int) -> str | None:
    if not iso:
        return None
    d = Date.fromisoformat(iso[:10])
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    day = min(d.day, [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return Date(year, month, day).isoformat()


def lowest_grade(data: ExportData) -> str | None:
    return min(data.template.grades, key=lambda g: g.min).name if len(data.template.grades) > 1 else None


def report_due(data: ExportData, unit: str) -> str | None:
    """One rule for the whole meeting: four months after it, one month for the lowest band."""
    failing = data.result(unit).grade is not None and data.result(unit).grade == lowest_grade(data)
    return add_months(data.session.date, FAILING_MONTHS if failing else REPORT_MONTHS)


def report_due_words(data: ExportData, lang: str = CHINESE) -> str:
    to = data.session.organisers or tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "评议组织单位"))
    set_term = tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "规定期限"))
    due = add_months(data.session.date, REPORT_MONTHS)
    text = tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "各参评单位应于%1前将整改情况书面报送%2"),
                  date_words(due, lang, set_term), to)
    low = lowest_grade(data)
    if low and any(r.grade == low for r in data.results.units):
        text += tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "；评议等次为“%1”的单位应于%2前报送"), low,
                       date_words(add_months(data.session.date, FAILING_MONTHS), lang, set_term))
    return text + tr_doc(lang, "。")
