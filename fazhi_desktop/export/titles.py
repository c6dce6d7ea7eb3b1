"""Breaking a document title into lines by rule (GB/T 9704-2012 §7.3.1): a title that needs more
than one line breaks between whole words, and its lines make a symmetric shape (梯形 or 菱形),
never leaving "评议会" split across two lines.

Words come from a small lexicon of the terms these titles are made of, by longest match; quoted
or bracketed parts (“七五”, 《…》, （…）), numbers with their unit (2023年) and Latin words are
never split. Between two
characters that no known word explains a break is allowed only when nothing better exists.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

LEXICON = """
法治政府建设 示范创建 总结评议会 法治政府 法治 政府 建设 示范 创建 普法 七五 八五 九五 六五 总结 评议会 评议 会议 纪要 会议纪要 述职 履职 报告
责任 单位 责任单位 普法责任单位 市级 区县 县级 省级 乡镇 街道 工作 综合 第一 第二 第三 第四 第五 第六 第七 第八 第九
第十 片区 年度 全面 依法 治市 治区 治县 依法治市 依法治国 法治建设 第一责任人 职责 情况 专项 现场 汇报 社会 评价 考核
暨 关于 开展 推进 落实 规划 实施 行政 执法 监督 决策 应诉 重大 专题 联席 成员 部门 机关 人民 人民政府 委员会 办公室
司法局 司法 法院 检察院 公安局 教委 民政局 社保局 监管局 农业农村委 国资委 妇联 重庆 重庆市 万州区 梁平区 云阳县 开州区
城口县 丰都县 垫江县 忠县 奉节县 巫山县 巫溪县 渝东北 渝东南 主城 都市区 评议组 专家 意见 意见书 议程 签到表 评分表
""".split()
FUNCTION = set("暨和及与的")  # a break right after these reads naturally
OPEN = set("“‘《（〔【「『(")
CLOSE = set("”’》）〕】」』)")
NO_START = set("，。、；：？！”’》）〕】」』)…—·")
SPAN = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》|（[^）]*）|〔[^〕]*〕|【[^】]*】|\([^)]*\)|[A-Za-z0-9][A-Za-z0-9.\-]*(?:年度|[年月日号个项届期次])?")


def width(text: str) -> float:
    """In characters: full-width 1, ASCII ½."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text)


@lru_cache(maxsize=256)
def words(title: str) -> tuple[tuple[str, bool], ...]:
    """(word, known) by longest match; protected spans are one known word."""
    out: list[tuple[str, bool]] = []
    longest = max(len(w) for w in LEXICON)
    lex = set(LEXICON)
    i = 0
    while i < len(title):
        m = SPAN.match(title, i)
        if m:
            out.append((m.group(), True))
            i = m.end()
            continue
        for n in range(min(longest, len(title) - i), 0, -1):
            piece = title[i:i + n]
            if n == 1 or piece in lex:
                out.append((piece, n > 1 or piece in lex))
                i += n
                break
    return tuple(out)


def _penalty(left: tuple[str, bool], right: tuple[str, bool]) -> float:
    (lw, lknown), (rw, rknown) = left, right
    if rw[0] in NO_START or lw[-1] in OPEN:
        return float("inf")
    if lw[-1] in FUNCTION and len(lw) == 1:
        return -1.0
    if lw[-1] in CLOSE or rw[0] in OPEN:
        return 0.0
    if not lknown and not rknown:
        return 6.0  # two characters no known word explains: maybe inside an unknown word
    return 0.5 if not (lknown and rknown) else 0.0


def title_lines(title: str, max_width: float) -> list[str]:
    """The title in as few lines as fit ``max_width`` (in characters), broken where the shape is
    most symmetric at the least cost; a title that fits stays one line."""
    title = title.strip()
    if width(title) <= max_width:
        return [title]
    ws = words(title)
    cuts = range(1, len(ws))
    best: tuple[float, list[str]] | None = None
    for count in range(2, 5):
        for chosen in combinations(cuts, count - 1):
            bounds = [0, *chosen, len(ws)]
            lines = ["".join(w for w, _k in ws[a:b]) for a, b in zip(bounds, bounds[1:])]
            widths = [width(x) for x in lines]
            if max(widths) > max_width:
                continue
            cost = sum(_penalty(ws[c - 1], ws[c]) for c in chosen)
            if cost == float("inf"):
                continue
            cost += _shape_cost(widths)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            return best[1]
    return _hard_wrap(title, max_width)


def _shape_cost(widths: list[float]) -> float:
    """梯形 (each line no longer or no shorter than the one before) or 菱形 (longest in the
    middle), as even as possible."""
    spread = max(widths) - min(widths)
    if len(widths) == 2:
        return spread + (0.01 if widths[0] > widths[1] else 0)  # a tie goes to 正梯形 (upper shorter)
    mid = widths[len(widths) // 2]
    rising = all(a <= b for a, b in zip(widths, widths[1:]))
    falling = all(a >= b for a, b in zip(widths, widths[1:]))
    diamond = mid == max(widths)
    return spread + (0 if rising or falling or diamond else 3)


def _hard_wrap(title: str, max_width: float) -> list[str]:
    """A title made of one enormous word: cut by width (the last resort)."""
    lines, line = [], ""
    for ch in title:
        if width(line + ch) > max_width and line:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines
