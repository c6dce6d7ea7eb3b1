"""The one layout description of a document: page geometry, paragraph styles and the blocks of its
content. The PDF (``pdf_render``) and the DOCX (``docx_render``) are both drawn from it, so the
minutes cannot drift apart between the two.

The 公文 geometry follows GB/T 9704-2012: A4, margins top 37 mm, bottom 35 mm, left 28 mm,
right 26 mm (a 156 × 225 mm text block); body 仿宋 3号 (16 pt), 28 characters a line and 22
lines a page; title 小标宋 2号 (22 pt); level-1 headings 黑体, level-2 楷体, both 3号.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence, Union

from ..i18n import QT_TRANSLATE_NOOP
from .doc_language import tr_doc

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Style:
    role: str  # font role: title, fang, hei, kai, song (fonts.py)
    size: float  # pt
    leading: float  # pt, fixed line distance
    align: str = "justify"  # left, center, right, justify
    indent: float = 0  # first-line indent in characters (of this style's size)
    right_indent: float = 0  # in characters
    space_before: float = 0  # in lines (of this style's leading)
    space_after: float = 0
    keep_with_next: bool = False
    grid: bool = False  # set CJK characters on the line's character grid (28 a line in 公文)


@dataclass(frozen=True)
class Page:
    width: float  # mm
    height: float
    top: float
    bottom: float
    left: float
    right: float
    chars_per_line: int = 0  # the character grid (0: none)
    lines_per_page: int = 0

    @property
    def frame_width(self) -> float:
        """The text block's width in points."""
        return (self.width - self.left - self.right) * MM

    @property
    def frame_height(self) -> float:
        return (self.height - self.top - self.bottom) * MM


@dataclass(frozen=True)
class Layout:
    page: Page
    styles: dict[str, Style]
    footer_size: float = 10.5
    header_size: float = 10.5


GONGWEN_PAGE = Page(210, 297, 37, 35, 28, 26, chars_per_line=28, lines_per_page=22)
LINE = GONGWEN_PAGE.frame_height / 22  # 28.95 pt: 22 lines in 225 mm

GONGWEN = Layout(GONGWEN_PAGE, {
    "title": Style("title", 22, 36, "center", keep_with_next=True),
    "subtitle": Style("kai", 16, LINE, "center", keep_with_next=True),
    "h1": Style("hei", 16, LINE, "left", indent=2, keep_with_next=True, grid=True),
    "h2": Style("kai", 16, LINE, "left", indent=2, keep_with_next=True, grid=True),
    "body": Style("fang", 16, LINE, "justify", indent=2, grid=True),
    "plain": Style("fang", 16, LINE, "justify", grid=True),
    "label": Style("fang", 16, LINE, "justify", grid=True),  # 出席：… (label in 黑体 by its run)
    "center": Style("fang", 16, LINE, "center"),
    "right": Style("fang", 16, LINE, "right", right_indent=4),  # the date: 右空四字
    "sign": Style("fang", 16, LINE, "left", indent=10),  # signature lines in the right half
    "note": Style("fang", 12, 20, "justify", indent=2),
    "cell": Style("fang", 12, 18, "left"),
    "cell_head": Style("hei", 12, 18, "center"),
    "banji": Style("fang", 14, 26, "left", indent=1, right_indent=1),
})

LETTER_PAGE = Page(210, 297, 25, 22, 28, 26)
LETTER = Layout(LETTER_PAGE, {
    "title": Style("title", 22, 32, "center", keep_with_next=True),
    "docno": Style("fang", 14, 24, "center"),
    "h1": Style("hei", 14, 23, "left", indent=2, keep_with_next=True),
    "body": Style("fang", 14, 23, "justify", indent=2),
    "plain": Style("fang", 14, 23, "justify"),
    "center": Style("fang", 14, 23, "center"),
    "right": Style("fang", 14, 23, "right", right_indent=4),
    "note": Style("fang", 10.5, 15, "justify"),
    "cell": Style("fang", 10.5, 14, "left"),
    "cell_head": Style("hei", 10.5, 14, "center"),
}, footer_size=9, header_size=9)

SHEET_PAGE = Page(297, 210, 18, 18, 18, 18)
SHEET = Layout(SHEET_PAGE, {
    "title": Style("title", 20, 30, "center", keep_with_next=True),
    "subtitle": Style("fang", 14, 22, "center"),
    "h1": Style("hei", 14, 22, "left"),
    "plain": Style("fang", 12, 20, "left"),
    "body": Style("fang", 12, 20, "justify"),
    "right": Style("fang", 12, 22, "right"),
    "note": Style("fang", 10.5, 16, "left"),
    "cell": Style("fang", 10.5, 14, "center"),
    "cell_head": Style("hei", 10.5, 14, "center"),
    "card": Style("hei", 96, 110, "center"),
    "card_small": Style("kai", 28, 36, "center"),
}, footer_size=9, header_size=9)

PORTRAIT_PAGE = Page(210, 297, 22, 20, 22, 22)
PORTRAIT = Layout(PORTRAIT_PAGE, {**SHEET.styles, "title": Style("title", 22, 34, "center", keep_with_next=True),
                                  "body": Style("fang", 14, 24, "justify", indent=2)},
                  footer_size=9, header_size=9)


# ---------------------------------------------------------------------------------------------
# Blocks

Run = tuple[str, str]  # (text, font role or "" for the style's own)


@dataclass
class Para:
    text: str | Sequence[Run]
    style: str = "body"
    keep_with_next: bool = False

    @property
    def runs(self) -> list[Run]:
        return [(self.text, "")] if isinstance(self.text, str) else list(self.text)

    @property
    def plain(self) -> str:
        return "".join(t for t, _r in self.runs)


@dataclass
class Title:
    lines: list[str]  # already broken by rule (titles.title_lines)
    style: str = "title"


@dataclass
class Table:
    rows: list[list[str]]
    widths: list[float]  # fractions of the text block's width
    align: str = ""  # per column: l, c, r (default: centre)
    head_rows: int = 1
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # (col0, row0, col1, row1)
    shaded: list[tuple[int, int, int, int]] = field(default_factory=list)  # cells with a grey ground
    strong_rows: Sequence[int] = ()  # rows in 黑体 (a 合计 row)
    style: str = "cell"
    row_height: float = 0  # a minimum row height in points (blank forms)
    keep: bool = False  # keep the whole table on one page
    keep_first: int = 2  # body rows that stay with the header at a page's foot


@dataclass
class Keep:
    blocks: list["Block"]


@dataclass
class Signatures:
    """The signature block: signature lines side by side, the issuing bodies (one each, with room
    for a seal), and the date set 右空四字."""
    lines: list[str]  # e.g. "评议组组长（签字）："
    bodies: list[str]
    date: str
    seal_room: float = 2  # blank lines above the bodies, for the seal


@dataclass
class Banji:
    """版记: 抄送 and 印发 between rules, at the end."""
    copy_to: str
    issuer: str
    issued: str


@dataclass
class Space:
    lines: float = 1


@dataclass
class PageBreak:
    pass


Block = Union[Para, Title, Table, Keep, Signatures, Banji, Space, PageBreak]


@dataclass
class Document:
    layout: Layout
    blocks: list[Block]
    title: str  # file metadata
    header: str = ""  # running header from page 2 on
    fingerprint: str = ""  # in the footer of every page ('' on blank forms)
    draft: bool = False  # 草稿（未定稿） on every page
    page_label: str = "第{page}页　共{pages}页"
    author: str = ""
    first_page_header: bool = False  # repeat the header on page 1 too (forms)
    lang: str = "zh_CN"  # the fixed texts the renderers add (draft mark, 数据指纹): doc_language


PAGE_LABEL = QT_TRANSLATE_NOOP("Documents", "第{page}页　共{pages}页")
DRAFT_MARK = QT_TRANSLATE_NOOP("Documents", "草稿（未定稿）")
FINGERPRINT = QT_TRANSLATE_NOOP("Documents", "数据指纹 %1")


def draft_mark(doc: "Document") -> str:
    return tr_doc(doc.lang, DRAFT_MARK)


def fingerprint_words(doc: "Document") -> str:
    return tr_doc(doc.lang, FINGERPRINT, doc.fingerprint)


def language_tag(doc: "Document") -> str:
    """zh-CN, en-US: the file's language (PDF /Lang, DOCX w:lang and core properties)."""
    return doc.lang.replace("_", "-")


def text_of(blocks: Sequence[Block]) -> list[str]:
    """Every piece of text in reading order: what both renderers must show (tests compare them)."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(b.plain)
        elif isinstance(b, Title):
            out.append("".join(b.lines))
        elif isinstance(b, Table):
            out += [cell for row in b.rows for cell in row if cell]
        elif isinstance(b, Keep):
            out += text_of(b.blocks)
        elif isinstance(b, Signatures):
            out += [*b.lines, *b.bodies, b.date]
        elif isinstance(b, Banji):
            out += [b.copy_to, b.issuer, b.issued]
    return [t for t in out if t]
