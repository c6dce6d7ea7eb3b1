"""The papers printed before the meeting: 议程 (the order with planned times), 签到表 (experts
and units), and 桌签 (a table card per expert, folded in the middle, readable from both sides).
The blank 评分表 is in ``sheets``. None of them carries a fingerprint or a draft mark: they are
meant for before the meeting, when nothing is final yet by nature.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen import canvas as rl_canvas

from ..errors import UserError
from . import layout as L
from .data import ExportData
from .minutes import title_block
from .pdf_text import plain_width
from .wording import bracketed, date_cn, duration_cn

OPENING_MIN = 5  # 主持人宣布开会、介绍评议组和评议安排
SCORING_MIN = 2  # after each unit: scoring and the next unit taking the floor
CLOSING = [("评议组合议，汇总评分", 10), ("评议组组长作总结讲话", 10)]
DEFAULT_START = "09:00"


def parse_start(text: str | None) -> datetime:
    try:
        return datetime.strptime((text or DEFAULT_START).strip(), "%H:%M")
    except ValueError:
        raise UserError(f"开始时间“{text}”无效：请写成 时:分，例如 09:00。") from None


def agenda_document(data: ExportData, start: str | None = None) -> L.Document:
    s = data.session
    t = data.template.timing
    report, qa = float(t.report_minutes), float(t.qa_minutes)
    clock = parse_start(start)
    rows = [["序号", "时间", "内容", "汇报人"]]

    def slot(minutes: float) -> str:
        nonlocal clock
        begin, clock = clock, clock + timedelta(minutes=minutes)
        return f"{begin:%H:%M}—{clock:%H:%M}"

    rows.append(["1", slot(OPENING_MIN), "主持人宣布开会，介绍评议组成员和评议安排", s.host or ""])
    for u in data.units:
        who = u.presenter + (bracketed(u.presenter_title) if u.presenter and u.presenter_title else "")
        rows.append([str(len(rows)), slot(report + qa + SCORING_MIN),
                     f"{u.name}汇报" + (f"：{u.report_title}" if u.report_title else "") + "；专家提问、答复；评分", who])
    for what, minutes in CLOSING:
        rows.append([str(len(rows)), slot(minutes), what, s.chair if "组长" in what else ""])
    order = "汇报顺序经抽签确定。" if s.order_mode == "drawn" else "汇报顺序按会前确定的顺序。"
    blocks: list[L.Block] = [
        title_block(f"{s.title}议程", L.PORTRAIT),
        L.Para(f"{date_cn(s.date)}{'　' + s.venue if s.venue else ''}", "subtitle"),
        L.Table(rows, [0.07, 0.2, 0.5, 0.23], "ccll"),
        L.Para(f"说明：以上为计划时间。每个单位汇报{duration_cn(report * 60)}、提问与答复{duration_cn(qa * 60)}，"
               f"评分及交接约{SCORING_MIN}分钟；汇报时间剩余{duration_cn(float(t.warn_minutes) * 60)}时提示。{order}",
               "note"),
    ]
    return L.Document(L.PORTRAIT, blocks, title=f"{s.title} 议程", page_label="第{page}页　共{pages}页")


def signin_document(data: ExportData) -> L.Document:
    s = data.session
    experts = [["序号", "姓名", "类别", "工作单位", "签到"]] + [
        [str(i), e.name, e.category, e.affiliation, ""] for i, e in enumerate(data.experts, 1)]
    units = [["序号", "单位", "汇报人", "职务", "签到"]] + [
        [str(i), u.name, u.presenter, u.presenter_title, ""] for i, u in enumerate(data.units, 1)]
    blocks: list[L.Block] = [
        title_block(f"{s.title}签到表", L.PORTRAIT),
        L.Para(f"{date_cn(s.date)}{'　' + s.venue if s.venue else ''}", "subtitle"),
        L.Para("一、评议专家", "h1"),
        L.Table(experts, [0.08, 0.16, 0.16, 0.36, 0.24], "cccl", row_height=30),
        L.Para("二、参评单位", "h1"),
        L.Table(units, [0.08, 0.18, 0.34, 0.16, 0.24], "clll", row_height=30),
    ]
    return L.Document(L.PORTRAIT, blocks, title=f"{s.title} 签到表")


def write_agenda(data: ExportData, target: Path | Any, *, start: str | None = None) -> None:
    from .pdf_render import write_pdf

    write_pdf(agenda_document(data, start), target)


def write_signin(data: ExportData, target: Path | Any) -> None:
    from .pdf_render import write_pdf

    write_pdf(signin_document(data), target)


def write_table_cards(data: ExportData, target: Path | Any) -> None:
    """One A4 landscape page per expert: fold along the dashed line; the upper half is upside down,
    so the name reads from the front and from the back."""
    from .fonts import pdf_fonts

    fonts = pdf_fonts()
    hei, kai = fonts.role("hei"), fonts.role("kai")
    w, h = 297 * L.MM, 210 * L.MM
    c = rl_canvas.Canvas(target if not isinstance(target, Path) else str(target), pagesize=(w, h),
                         initialFontName=hei, lang="zh-CN")
    c.setTitle(f"{data.session.title} 桌签")
    c.setCreator("法治评议")
    chair = data.session.chair
    for e in data.experts or []:
        role = "评议组组长" if e.name == chair else "评议专家"
        size = min(120.0, (w - 40 * L.MM) / max(1.0, plain_width(e.name, hei, 1)))
        for upside_down in (False, True):
            c.saveState()
            if upside_down:
                c.translate(w, h)
                c.rotate(180)
            c.setFont(hei, size)
            c.drawCentredString(w / 2, h / 4 - size * 0.2, e.name)
            c.setFont(kai, 20)
            c.drawCentredString(w / 2, h / 4 - size * 0.2 - 34, role)
            c.restoreState()
        c.saveState()
        c.setDash(4, 4)
        c.setStrokeColor(colors.HexColor("#999999"))
        c.line(10 * L.MM, h / 2, w - 10 * L.MM, h / 2)
        c.restoreState()
        c.showPage()
    if not data.experts:
        c.setFont(hei, 14)
        c.drawString(30 * L.MM, h / 2, "本场评议会还没有评议专家。")
        c.showPage()
    c.save()
