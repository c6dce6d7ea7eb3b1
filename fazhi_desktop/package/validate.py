"""Every value in ``session.json`` checked as strictly as a file import, before anything is written:
types, names, statuses, dates, maxima, references between parts and caps on counts. A package is
written by our program; anything else in it is refused, each problem named by where it sits."""
from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable

from ..chain import FIELDS, REPLAYED
from ..errors import UserError
from ..ledger import KINDS, STATUSES as ITEM_STATUSES
from ..roster import UNIT_STATUSES
from ..scoring import check_score
from ..sessions import STATUSES
from ..template import Template, fmt_decimal, parse_template
from ..textcheck import name_problem

from ..roster import MAX_EXPERTS, MAX_UNITS  # noqa: E402 - the same caps as typing and file imports
MAX_QUESTIONS = 20_000
MAX_ITEMS = 20_000
MAX_LINKS = 2_000
MAX_AUDIT = 2_000_000
MAX_TEXT = 20_000
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")


class Problems:
    """Collects what is wrong, by where it is; stops at 20 (a bad package has enough said)."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        if len(self.items) < 20:
            self.items.append(f"{where}：{what}")

    def __bool__(self) -> bool:
        return bool(self.items)


def _in(v: Any, names: Any) -> bool:
    """Membership that a list or a dict in the package can't turn into a TypeError."""
    return isinstance(v, str) and v in names


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _stamp(v: Any) -> bool:
    if not isinstance(v, str) or len(v) > 40:
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def _day(v: Any) -> bool:
    if v is None:
        return True
    if not isinstance(v, str) or len(v) != 10:
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _number(v: Any, *, low: float = 0, high: float = 1e7) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and low <= v <= high)


def _list(p: Problems, data: dict, key: str, cap: int) -> list:
    value = data.get(key)
    if not isinstance(value, list):
        p.add(key, "应是列表")
        return []
    if len(value) > cap:
        p.add(key, f"条目过多（{len(value)}，上限 {cap}）")
        return []
    return value


def _text(p: Problems, where: str, v: Any, label: str, *, required: bool = False, max_len: int = 200,
          multiline: bool = False, nullable: bool = False) -> None:
    if v is None and nullable:
        return
    why = name_problem(v, label=label, max_len=max_len, required=required, multiline=multiline)
    if why:
        p.add(where, why)


def _shape(p: Problems, where: str, row: Any, size: int) -> bool:
    if not isinstance(row, list) or len(row) != size:
        p.add(where, f"应是 {size} 项的列表")
        return False
    return True


TOP = {"session", "template", "units", "experts", "recusals", "scores", "submissions", "external", "timing",
       "questions", "live_state", "audit", "seal_log", "rectification_items", "unit_links"}
KEYS = {
    "units": {"name", "presenter", "presenter_title", "report_title", "status"},
    "experts": {"name", "category", "affiliation"},
    "questions": {"uid", "unit", "expert", "text", "answer", "criterion", "problem", "measure", "deadline", "at",
                  "elapsed_s"},
    "live_state": {"unit", "phase", "running", "elapsed_s", "started_wall", "extra_s", "updated_at"},
    "seal_log": {"at", "action", "operator", "reason", "fingerprint_before", "fingerprint_after", "signer",
                 "signer_name", "signature"},
    "rectification_items": {"uid", "question", "unit_name", "criterion", "source", "problem", "measure",
                            "responsible_unit", "responsible_person", "deadline", "kind", "status", "evidence",
                            "evidence_files", "closed_at", "review_opinion", "created_at", "updated_at"},
    "unit_links": {"old_name", "new_name", "note", "created_at"},
}


def _fields(p: Problems, data: dict) -> None:
    """Every record has exactly the fields our program writes."""
    from .serialise import SESSION_COLS

    if set(data) not in (TOP, TOP | {"checklist"}):  # "checklist": a 示范创建 session's ratings, evidence, steps
        extra, missing = sorted(set(data) - TOP - {"checklist"})[:3], sorted(TOP - set(data))[:3]
        p.add("session.json", f"顶层字段不对（多出 {extra}，缺少 {missing}）")
        return
    if not isinstance(data["session"], dict) or set(data["session"]) != set(SESSION_COLS):
        p.add("session", "字段不对")
    if data["live_state"] is not None and (not isinstance(data["live_state"], dict)
                                           or set(data["live_state"]) != KEYS["live_state"]):
        p.add("live_state", "字段不对")
    for part, keys in KEYS.items():
        if part == "live_state" or not isinstance(data[part], list):
            continue
        for i, row in enumerate(data[part]):
            if not isinstance(row, dict) or set(row) != keys:
                p.add(f"{part}[{i}]", "字段不对")
                break


def validate(data: dict[str, Any]) -> Template:
    """Raise UserError listing every problem found (up to 20); returns the session's template."""
    p = Problems()
    _fields(p, data)
    if p:
        raise UserError("评议会包的内容有误，未导入任何内容：", p.items)
    s = data["session"]
    if not isinstance(s.get("uid"), str) or not _HEX32.match(s["uid"]):
        p.add("session.uid", "评议会标识无效")
    _text(p, "session.title", s.get("title"), "会议名称", required=True)
    for k in ("kind", "venue", "organisers", "chair", "host", "secretary"):
        _text(p, f"session.{k}", s.get(k), k, max_len=500)
    _text(p, "session.summary", s.get("summary"), "会议小结", max_len=MAX_TEXT, multiline=True)
    if not _day(s.get("date")):
        p.add("session.date", "日期无效")
    if not _in(s.get("status"), STATUSES):
        p.add("session.status", f"状态“{str(s.get('status'))[:20]}”无效")
    if not _in(s.get("order_mode"), ("entered", "drawn")):
        p.add("session.order_mode", "顺序方式无效")
    _text(p, "session.draw_seed", s.get("draw_seed"), "抽签种子", max_len=40, nullable=True)
    _text(p, "session.draw_witness", s.get("draw_witness"), "监督人", nullable=True)
    if s.get("draw_at") is not None and not _stamp(s.get("draw_at")):
        p.add("session.draw_at", "时间无效")
    for k in ("created_at", "updated_at"):
        if not _stamp(s.get(k)):
            p.add(f"session.{k}", "时间无效")
    template = None
    if not isinstance(data.get("template"), dict):
        p.add("template", "评分细则缺失")
    else:
        try:
            template = parse_template(data["template"], source="评议会包中的评分细则")
        except UserError as exc:
            p.add("template", str(exc)[:300])
        except Exception:  # noqa: BLE001 - whatever shape: a template we can't read is refused
            p.add("template", "评分细则无法读取")
    if p:
        raise UserError("评议会包的内容有误，未导入任何内容：", p.items)
    assert template is not None
    _roster(p, data, template)
    _checklist(p, data, template)
    if p:
        raise UserError("评议会包的内容有误，未导入任何内容：", p.items)
    return template


def _checklist(p: Problems, data: dict, template: Template) -> None:
    """A checklist session's part (checklist/canonical.py writes it): present exactly when the
    template is a checklist, every row of the shape written, every name one of the session's."""
    from ..checklist import RATINGS
    from ..checklist.dossier import CAUSES, KINDS as RECORD_KINDS
    from ..checklist.steps import BY_KEY

    part = data.get("checklist")
    if not template.is_checklist:
        if part is not None:
            p.add("checklist", "计分评议会的包不应有指标评定")
        return
    want = {"checklist_json", "ratings", "rating_evidence", "candidate_steps", "demonstration_records"}
    if not isinstance(part, dict) or set(part) != want:
        p.add("checklist", "指标评定部分缺失或字段不对")
        return
    if not isinstance(part["checklist_json"], str) or len(part["checklist_json"]) > 1000:
        p.add("checklist.checklist_json", "达标门槛设置无效")
    units = {u.get("name") for u in data.get("units", []) if isinstance(u, dict)}
    leaves = {path for path, _leaf in template.leaves()}
    seen: set[tuple] = set()
    for i, row in enumerate(_list(p, part, "ratings", MAX_UNITS * 1000)):
        where = f"checklist.ratings[{i}]"
        if not _shape(p, where, row, 6):
            continue
        u, c, rating, note, evidence, at = row
        if not _in(u, units) or not _in(c, leaves):
            p.add(where, "单位或指标不是本场的")
        elif (u, c) in seen:
            p.add(where, "同一单位、指标重复")
        seen.add((u, c) if isinstance(u, str) and isinstance(c, str) else (i,))
        if rating is not None and not _in(rating, RATINGS):
            p.add(where, "评定无效")
        _text(p, where, note, "说明", max_len=MAX_TEXT, multiline=True)
        _text(p, where, evidence, "佐证", max_len=MAX_TEXT, multiline=True)
        if not _stamp(at):
            p.add(where, "时间无效")
    for i, row in enumerate(_list(p, part, "rating_evidence", 100_000)):
        where = f"checklist.rating_evidence[{i}]"
        if not _shape(p, where, row, 7):
            continue
        u, c, name, stored, sha, size, at = row
        if not _in(u, units) or not _in(c, leaves):
            p.add(where, "单位或指标不是本场的")
        _text(p, where, name, "佐证文件名", required=True, max_len=255)
        if not isinstance(stored, str) or not re.fullmatch(r"[0-9a-f]{32}/[0-9a-f]{64}(\.[0-9A-Za-z]{1,10})?", stored):
            p.add(where, "佐证文件的存放名无效")
        if not isinstance(sha, str) or not _HEX64.match(sha) or not (isinstance(stored, str) and sha in stored):
            p.add(where, "佐证文件的校验和无效")
        if not _is_int(size) or not 0 <= size <= 512 * 1024 ** 2:
            p.add(where, "佐证文件大小无效")
        if not _stamp(at):
            p.add(where, "时间无效")
    for i, row in enumerate(_list(p, part, "candidate_steps", MAX_UNITS * 20)):
        where = f"checklist.candidate_steps[{i}]"
        if not _shape(p, where, row, 9):
            continue
        u, step, day, end, outcome, value, objections, note, at = row
        if not _in(u, units) or not _in(step, BY_KEY):
            p.add(where, "单位或步骤无效")
        if not _day(day) or not _day(end):
            p.add(where, "日期无效")
        for label, text in (("结果", outcome), ("备注", note)):
            _text(p, where, text, label, max_len=MAX_TEXT, multiline=True, nullable=True)
        if objections is not None and not (_is_int(objections) and 0 <= objections <= 100_000):
            p.add(where, "异议件数无效")
        try:
            ok = value is None or (isinstance(value, str) and len(value) <= 12 and 0 <= Decimal(value) <= 100)
        except ArithmeticError:  # InvalidOperation: not a number
            ok = False
        if not ok:
            p.add(where, "数值无效（应是 0 到 100 的数）")
        if not _stamp(at):
            p.add(where, "时间无效")
    for i, row in enumerate(_list(p, part, "demonstration_records", 10_000)):
        where = f"checklist.demonstration_records[{i}]"
        if not _shape(p, where, row, 8):
            continue
        name, kind, day, year, outcome, cause, note, at = row
        _text(p, where, name, "单位名称", required=True)
        if not _in(kind, RECORD_KINDS) or (cause is not None and not _in(cause, CAUSES)):
            p.add(where, "记录类别或摘牌原因无效")
        if not _day(day) or (year is not None and not (_is_int(year) and 1990 <= year <= 2200)):
            p.add(where, "日期或年度无效")
        for label, text in (("结果", outcome), ("备注", note)):
            _text(p, where, text, label, max_len=MAX_TEXT, multiline=True, nullable=True)
        if not _stamp(at):
            p.add(where, "时间无效")


def _roster(p: Problems, data: dict, template: Template) -> None:
    units: dict[str, str] = {}
    for i, u in enumerate(_list(p, data, "units", MAX_UNITS)):
        where = f"units[{i}]"
        if not isinstance(u, dict):
            p.add(where, "应是对象")
            continue
        _text(p, where, u.get("name"), "单位名称", required=True)
        for k in ("presenter", "presenter_title", "report_title"):
            _text(p, where, u.get(k), k, max_len=500)
        if not _in(u.get("status"), UNIT_STATUSES):
            p.add(where, "单位状态无效")
        if isinstance(u.get("name"), str):
            if u["name"] in units:
                p.add(where, f"单位“{u['name']}”重复")
            units[u["name"]] = u.get("status")
    experts: set[str] = set()
    for i, e in enumerate(_list(p, data, "experts", MAX_EXPERTS)):
        where = f"experts[{i}]"
        if not isinstance(e, dict):
            p.add(where, "应是对象")
            continue
        _text(p, where, e.get("name"), "专家姓名", required=True)
        for k in ("category", "affiliation"):
            _text(p, where, e.get(k), k, max_len=500)
        if isinstance(e.get("name"), str):
            if e["name"] in experts:
                p.add(where, f"专家“{e['name']}”重复")
            experts.add(e["name"])
    if p:
        return
    leaves = {path: leaf.maximum for path, leaf in template.leaves()}
    nodes = set(_all_paths(template))
    recused = set()
    for i, r in enumerate(_list(p, data, "recusals", len(units) * len(experts))):
        where = f"recusals[{i}]"
        if _shape(p, where, r, 2):
            if not _in(r[0], experts) or not _in(r[1], units):
                p.add(where, "专家或单位不在名单中")
            elif (r[0], r[1]) in recused:
                p.add(where, "重复")
            recused.add((r[0], r[1]) if isinstance(r[0], str) and isinstance(r[1], str) else None)
    scored: dict[tuple[str, str], set[str]] = {}
    seen: set[tuple] = set()
    for i, row in enumerate(_list(p, data, "scores", max(1, len(units) * len(experts) * len(leaves)))):
        where = f"scores[{i}]"
        if not _shape(p, where, row, 5):
            continue
        e, u, c, v, at = row
        if not _in(e, experts) or not _in(u, units):
            p.add(where, "专家或单位不在名单中")
            continue
        if not _in(c, leaves):
            p.add(where, f"“{str(c)[:40]}”不是末级指标")
            continue
        if not _canonical_value(v, leaves[c]):
            p.add(where, f"得分“{str(v)[:20]}”无效（应是 0 到 {fmt_decimal(leaves[c])} 的数，最多两位小数）")
        if (e, u) in recused or units[u] == "absent":
            p.add(where, "回避或缺席的单位不能有评分")
        if (e, u, c) in seen:
            p.add(where, "重复")
        seen.add((e, u, c))
        scored.setdefault((e, u), set()).add(c)
        if not _stamp(at):
            p.add(where, "时间无效")
    done = set()
    for i, row in enumerate(_list(p, data, "submissions", len(units) * len(experts))):
        where = f"submissions[{i}]"
        if not _shape(p, where, row, 3):
            continue
        if not _in(row[0], experts) or not _in(row[1], units) or not _stamp(row[2]):
            p.add(where, "专家、单位或时间无效")
        elif (row[0], row[1]) in done:
            p.add(where, "重复")
        elif scored.get((row[0], row[1]), set()) != set(leaves):
            p.add(where, "评分表未评完却已提交")
        done.add((row[0], row[1]) if all(isinstance(x, str) for x in row[:2]) else None)
    components = {c.name for c in template.components if c.source == "external"}
    pairs = set()
    for i, row in enumerate(_list(p, data, "external", len(units) * max(1, len(components)))):
        where = f"external[{i}]"
        if not _shape(p, where, row, 4):
            continue
        if not _in(row[0], units) or not _in(row[1], components):
            p.add(where, "单位或外部组成部分无效")
        elif not _canonical_value(row[2], Decimal(100)) or not _stamp(row[3]):
            p.add(where, "外部得分或时间无效")
        elif (row[0], row[1]) in pairs:
            p.add(where, "重复")
        pairs.add((row[0], row[1]) if all(isinstance(x, str) for x in row[:2]) else None)
    timed = set()
    for i, row in enumerate(_list(p, data, "timing", len(units) * 2)):
        where = f"timing[{i}]"
        if not _shape(p, where, row, 6):
            continue
        u, phase, sec, extra, start, end = row
        if not _in(u, units) or not _in(phase, ("report", "questions")) or (u, phase) in timed:
            p.add(where, "单位或环节无效或重复")
        elif not _number(sec) or not _number(extra, low=-1e6):
            p.add(where, "时长无效")
        elif (start is not None and not _stamp(start)) or (end is not None and not _stamp(end)):
            p.add(where, "时间无效")
        timed.add((u, phase) if isinstance(u, str) and isinstance(phase, str) else None)
    quids: set[str] = set()
    for i, q in enumerate(_list(p, data, "questions", MAX_QUESTIONS)):
        where = f"questions[{i}]"
        if not isinstance(q, dict):
            p.add(where, "应是对象")
            continue
        if not isinstance(q.get("uid"), str) or not _HEX32.match(q["uid"]) or q["uid"] in quids:
            p.add(where, "提问标识无效或重复")
        else:
            quids.add(q["uid"])
        if not _in(q.get("unit"), units) or (q.get("expert") is not None and not _in(q.get("expert"), experts)):
            p.add(where, "单位或专家不在名单中")
        _text(p, where, q.get("text"), "提问内容", required=True, max_len=MAX_TEXT, multiline=True)
        for k in ("answer", "measure"):
            _text(p, where, q.get(k), k, max_len=MAX_TEXT, multiline=True)
        if q.get("criterion") is not None and not _in(q.get("criterion"), nodes):
            p.add(where, "指标不在评分细则中")
        if not isinstance(q.get("problem"), bool) or not _day(q.get("deadline")) or not _stamp(q.get("at")):
            p.add(where, "问题标记、整改时限或时间无效")
        if q.get("elapsed_s") is not None and not _number(q.get("elapsed_s")):
            p.add(where, "会议用时无效")
    live = data.get("live_state")
    if live is not None:
        if not isinstance(live, dict) or (live.get("unit") is not None and not _in(live.get("unit"), units)) \
                or not (live.get("phase") is None or _in(live.get("phase"), ("report", "questions", "scoring"))) \
                or not isinstance(live.get("running"), bool) or not _number(live.get("elapsed_s")) \
                or not _number(live.get("extra_s"), low=-1e6) or not _stamp(live.get("updated_at")) \
                or (live.get("started_wall") is not None and not _number(live.get("started_wall"), high=1e11)):
            p.add("live_state", "现场状态无效")
    _audit(p, data)
    _items(p, data, quids)


def _all_paths(template: Template) -> list[str]:
    out = []

    def walk(nodes, prefix):
        for n in nodes:
            path = f"{prefix}/{n.name}" if prefix else n.name
            out.append(path)
            walk(n.children, path)
    walk(template.criteria, "")
    return out


def _canonical_value(v: Any, maximum: Decimal) -> bool:
    if not isinstance(v, str) or not re.fullmatch(r"[0-9]{1,6}(\.[0-9]{1,2})?", v):
        return False
    try:
        return fmt_decimal(check_score(v, maximum)) == v
    except UserError:
        return False


def _optional(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: v is None or check(v)


def _audit(p: Problems, data: dict) -> None:
    text = lambda v: isinstance(v, str) and len(v) <= 4 * MAX_TEXT  # noqa: E731
    checks: dict[str, Callable[[Any], bool]] = {
        "chain": lambda v: isinstance(v, str) and len(v) <= 64, "seq": _is_int,
        "prev_hash": lambda v: isinstance(v, str) and bool(_HEX64.match(v)),
        "hash": lambda v: isinstance(v, str) and bool(_HEX64.match(v)),
        "at": lambda v: isinstance(v, str) and len(v) <= 40, "operator": lambda v: isinstance(v, str) and len(v) <= 200,
        "action": lambda v: isinstance(v, str) and 0 < len(v) <= 200,
        "expert": _optional(text), "unit": _optional(text), "criterion": _optional(text), "before": _optional(text),
        "after": _optional(text), "reason": text, "entity": lambda v: v is None or _in(v, REPLAYED),
        "ref": _optional(text), "state": _optional(lambda v: isinstance(v, str) and len(v) <= 8 * 1024 ** 2),
    }
    assert set(checks) == {*FIELDS, "hash"}
    for i, e in enumerate(_list(p, data, "audit", MAX_AUDIT)):
        if not isinstance(e, dict) or set(e) != set(checks):
            p.add(f"audit[{i}]", "审计记录的字段不对")
            return
        bad = [k for k, ok in checks.items() if not ok(e[k])]
        if bad:
            p.add(f"audit[{i}]", f"字段 {'、'.join(bad)} 无效")
            return
    for i, r in enumerate(_list(p, data, "seal_log", 10_000)):
        where = f"seal_log[{i}]"
        if not isinstance(r, dict) or not _stamp(r.get("at")) or not _in(r.get("action"), ("封盘", "更正", "重新打开")):
            p.add(where, "封盘记录无效")
        elif not all(r.get(k) is None or (isinstance(r.get(k), str) and _HEX64.match(r[k]))
                     for k in ("fingerprint_before", "fingerprint_after", "signer")) \
                or not (r.get("signature") is None or (isinstance(r["signature"], str) and _HEX128.match(r["signature"]))) \
                or not all(isinstance(r.get(k), str) and len(r[k]) <= MAX_TEXT for k in ("operator", "reason")) \
                or not (r.get("signer_name") is None or (isinstance(r["signer_name"], str) and len(r["signer_name"]) <= 80)):
            p.add(where, "封盘记录的字段无效")


def _items(p: Problems, data: dict, quids: set[str]) -> None:
    seen: set[str] = set()
    for i, it in enumerate(_list(p, data, "rectification_items", MAX_ITEMS)):
        where = f"rectification_items[{i}]"
        if not isinstance(it, dict):
            p.add(where, "应是对象")
            continue
        if not isinstance(it.get("uid"), str) or not _HEX32.match(it["uid"]) or it["uid"] in seen:
            p.add(where, "整改事项标识无效或重复")
        else:
            seen.add(it["uid"])
        if it.get("question") is not None and not _in(it.get("question"), quids):
            p.add(where, "来源提问不在包中")
        _text(p, where, it.get("unit_name"), "参评单位", required=True)
        _text(p, where, it.get("problem"), "存在问题", required=True, max_len=MAX_TEXT, multiline=True)
        for k in ("measure", "responsible_unit", "responsible_person", "source", "evidence", "review_opinion"):
            _text(p, where, it.get(k), k, max_len=MAX_TEXT, multiline=True)
        _text(p, where, it.get("criterion"), "指标", nullable=True, max_len=500)
        if not _in(it.get("kind"), KINDS) or not _in(it.get("status"), ITEM_STATUSES):
            p.add(where, "整改类型或状态无效")
        if not _day(it.get("deadline")) or not _day(it.get("closed_at")):
            p.add(where, "日期无效")
        if it.get("status") == "已完成" and (not str(it.get("evidence") or "").strip() or not it.get("closed_at")):
            p.add(where, "已完成的事项没有佐证材料或销号日期")
        files = it.get("evidence_files")
        if not isinstance(files, list) or len(files) > 100 or not all(isinstance(f, str) and len(f) <= 500 for f in files):
            p.add(where, "佐证文件列表无效")
        if not _stamp(it.get("created_at")) or not _stamp(it.get("updated_at")):
            p.add(where, "时间无效")
    for i, link in enumerate(_list(p, data, "unit_links", MAX_LINKS)):
        where = f"unit_links[{i}]"
        if not isinstance(link, dict):
            p.add(where, "应是对象")
            continue
        _text(p, where, link.get("old_name"), "原名称", required=True)
        _text(p, where, link.get("new_name"), "现名称", required=True)
        _text(p, where, link.get("note"), "说明", max_len=500)
        if link.get("old_name") == link.get("new_name") or not _stamp(link.get("created_at")):
            p.add(where, "关联无效")
