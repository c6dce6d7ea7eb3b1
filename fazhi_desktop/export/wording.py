"""Wording shared by the documents, written the way an office writes it: no spaces between numbers
and Chinese ("满分100分"), durations as "8分钟" or "25秒", grade bands as "80分以上、不足90分"
(以上 includes the number, 不足 does not), weights as percentages with the formula, and titles in
brackets without nesting the same bracket (〔副局长（副主任）〕, as GB/T 15834 advises).
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Sequence

from ..i18n import QT_TRANSLATE_NOOP
from ..results import round_half_up
from ..template import Template, fmt_decimal
from .doc_language import CHINESE, is_chinese, tr_doc

CN_NUM = "一二三四五六七八九十"
CENT = Decimal("0.01")


def num(value: Fraction | Decimal | None) -> str:
    """A shown score: rounded half up to 2 decimals; '—' when missing."""
    return "—" if value is None else f"{round_half_up(value)}"


def pct(value: Fraction | None) -> str:
    return "—" if value is None else f"{round_half_up(value)}%"


def cn_index(i: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十, 99 → 九十九."""
    if i <= 10:
        return CN_NUM[i - 1]
    if i < 20:
        return "十" + CN_NUM[i - 11]
    tens, ones = divmod(i, 10)
    return CN_NUM[tens - 1] + "十" + (CN_NUM[ones - 1] if ones else "")


def date_cn(iso: str | None, missing: str = "（日期未定）") -> str:
    """'2020-10-27' → '2020年10月27日'."""
    if not iso:
        return missing
    y, m, d = iso[:10].split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def date_words(iso: str | None, lang: str = CHINESE, missing: str | None = None) -> str:
    """date_cn in ``lang``: '2020-10-27' → '27 October 2020' in English."""
    if is_chinese(lang):
        return date_cn(iso) if missing is None else date_cn(iso, missing)
    if not iso:
        return tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "（日期未定）")) if missing is None else missing
    y, m, d = iso[:10].split("-")
    return tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1年%2月%3日"), int(y), MONTHS_EN[int(m) - 1], int(d))


def duration_words(seconds: float | None, lang: str = CHINESE) -> str:
    """duration_cn in ``lang``: 472 → '7 min 52 s' in English."""
    if is_chinese(lang) or seconds is None:
        return duration_cn(seconds)
    minutes, rest = divmod(int(round(seconds)), 60)
    if not minutes:
        return tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1秒"), rest)
    if not rest:
        return tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1分钟"), minutes)
    return tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1分%2秒"), minutes, rest)


def duration_cn(seconds: float | None) -> str:
    """472 → '7分52秒'; 480 → '8分钟'; 25 → '25秒'; None → '—'."""
    if seconds is None:
        return "—"
    whole = int(round(seconds))
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest}秒"
    return f"{minutes}分钟" if not rest else f"{minutes}分{rest}秒"


def bracketed(text: str, lang: str = CHINESE) -> str:
    """（text）, or 〔text〕 when the text holds round brackets itself; ' (text)' in English."""
    if not is_chinese(lang):
        return f" ({text})"
    return f"〔{text}〕" if "（" in text or "(" in text else f"（{text}）"


def grade_bands(t: Template, lang: str = CHINESE) -> list[str]:
    """['优秀（90分以上）', '良好（80分以上、不足90分）', …, '不合格（不足60分）']"""
    bands = sorted(t.grades, key=lambda g: g.min, reverse=True)
    out = []
    for i, g in enumerate(bands):
        upper = bands[i - 1].min if i else None
        low = fmt_decimal(g.min)
        if upper is None:
            out.append(tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1（%2分以上）"), g.name, low))
        elif g.min > 0:
            out.append(tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1（%2分以上、不足%3分）"), g.name, low,
                              fmt_decimal(upper)))
        else:
            out.append(tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "%1（不足%2分）"), g.name, fmt_decimal(upper)))
    return out


def weight_percents(t: Template) -> dict[str, str]:
    """Each component's share of the final as a percentage ('40%'): weight / Σ weights."""
    total = sum((Fraction(c.weight) for c in t.components), Fraction(0))
    out = {}
    for c in t.components:
        share = round_half_up(Fraction(c.weight) * 100 / total) if total else Decimal(0)
        out[c.name] = f"{fmt_decimal(share.normalize())}%"
    return out


def formula(t: Template, lang: str = CHINESE) -> str:
    """综合得分＝评议团评分×40%＋社会评议×40%＋联席会议成员评分×20%"""
    shares = weight_percents(t)
    plus = tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "＋"))
    return tr_doc(lang, QT_TRANSLATE_NOOP("Documents", "综合得分＝%1"),
                  plus.join(f"{c.name}×{shares[c.name]}" for c in t.components))


def apportion(values: Sequence[Fraction | None], total: Fraction | None) -> list[Decimal | None]:
    """Each value rounded half up to 2 decimals, then the rounding remainder of the sum moved onto
    the values that rounding moved the most (尾差调整), so the printed figures add up to the
    printed total (the total rounded half up). None stays None; with any None nothing is adjusted."""
    shown = [None if v is None else round_half_up(v) for v in values]
    if total is None or any(v is None for v in values):
        return shown
    cents = int((round_half_up(total) - sum(shown, Decimal(0))) / CENT)  # type: ignore[arg-type]
    if cents:
        # how far each value was rounded down (positive) or up (negative), in cents
        error = [(Fraction(v) - Fraction(s)) * 100 for v, s in zip(values, shown)]  # type: ignore[arg-type]
        order = sorted(range(len(values)), key=lambda i: (-error[i] if cents > 0 else error[i], i))
        step = CENT if cents > 0 else -CENT
        for i in order[:abs(cents)]:
            shown[i] += step  # type: ignore[operator]
    return shown
