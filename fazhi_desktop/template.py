"""Scoring templates (评分细则): the criteria tree, aggregation, components, grades and timing.

The JSON form is the public one in CONTRACT.md. :func:`parse_template` checks everything and
lists every problem in Chinese, naming the criterion or setting at fault.

A checklist template (``"kind": "checklist"``, 示范创建) has leaves without maxima, rated
达标/部分达标/未达标/不适用 per unit, a ``threshold`` (percent, default 90) and a
``partial_weight`` (what a 部分达标 counts for, default 0). Its indicators may carry 佐证要求
(``evidence_required``). Its JSON form carries only what a checklist uses: no aggregation,
components, grades or timing. A scored template's JSON form is exactly what it was before
checklists existed, so the fingerprints of sessions sealed earlier do not change.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

from .errors import TemplateError

AGGREGATIONS = {"mean": "算术平均", "trimmed_mean": "去掉一个最高分和一个最低分后平均"}
SOURCES = {"experts": "评议专家评分", "external": "外部录入"}
DEFAULT_GRADES = [("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)]
MAX_DEPTH = 3
KINDS = {"scores": "打分式", "checklist": "清单式（示范创建）"}
DEFAULT_THRESHOLD = Decimal(90)
DEFAULT_PARTIAL_WEIGHT = Decimal(0)


def to_decimal(value: Any) -> Decimal:
    """A number from JSON, a cell or typed text, exactly (floats through their shortest repr)."""
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, (int, float)):
        result = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace("，", ".").replace("．", ".")
        try:
            result = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError("not a number") from exc
    else:
        raise ValueError("not a number")
    if not result.is_finite():
        raise ValueError("not a number")
    return result


def fmt_decimal(value: Decimal | None) -> str:
    """8.50 → '8.5', 20.0 → '20': how a number is stored as text and shown."""
    if value is None:
        return ""
    if not value.is_finite() or abs(value.adjusted()) > 30:
        return str(value)  # '1E+999999999': never expand an absurd number into a billion digits
    text = format(value.normalize(), "f")
    return text


@dataclass
class Criterion:
    name: str
    max: Decimal | None = None  # set on leaves only
    description: str = ""
    children: list["Criterion"] = field(default_factory=list)
    id: int | None = None  # the row id once stored with a session
    evidence_required: str = ""  # 佐证要求 of a checklist indicator

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def maximum(self) -> Decimal:
        if self.is_leaf:
            return self.max or Decimal(0)
        return sum((c.maximum for c in self.children), Decimal(0))

    def to_dict(self, checklist: bool = False) -> dict:
        d: dict[str, Any] = {"name": self.name}
        if self.is_leaf and not checklist:
            d["max"] = _json_number(self.maximum)
        if self.description:
            d["description"] = self.description
        if self.evidence_required:
            d["evidence_required"] = self.evidence_required
        if self.children:
            d["children"] = [c.to_dict(checklist) for c in self.children]
        return d


@dataclass
class Component:
    name: str
    weight: Decimal
    source: str  # 'experts' | 'external'


@dataclass
class Grade:
    name: str
    min: Decimal


@dataclass
class Timing:
    report_minutes: Decimal = Decimal(8)
    qa_minutes: Decimal = Decimal(5)
    warn_minutes: Decimal = Decimal(1)

    def to_dict(self) -> dict:
        return {"report_minutes": _json_number(self.report_minutes),
                "qa_minutes": _json_number(self.qa_minutes),
                "warn_minutes": _json_number(self.warn_minutes)}


@dataclass
class Template:
    name: str
    criteria: list[Criterion]
    aggregation: str = "mean"
    components: list[Component] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=lambda: [Grade(n, Decimal(m)) for n, m in DEFAULT_GRADES])
    timing: Timing = field(default_factory=Timing)
    kind: str = "scores"  # or "checklist"
    threshold: Decimal = DEFAULT_THRESHOLD  # checklist: the pass line, percent
    partial_weight: Decimal = DEFAULT_PARTIAL_WEIGHT  # checklist: what a 部分达标 counts for

    @property
    def is_checklist(self) -> bool:
        return self.kind == "checklist"

    def leaves(self) -> list[tuple[str, Criterion]]:
        """Every leaf with its path ('一级/二级'), in tree order."""
        return list(_walk_leaves(self.criteria, ""))

    @property
    def total_max(self) -> Decimal:
        return sum((c.maximum for c in self.criteria), Decimal(0))

    def to_dict(self) -> dict:
        if self.is_checklist:
            return {"name": self.name, "kind": "checklist",
                    "criteria": [c.to_dict(checklist=True) for c in self.criteria],
                    "threshold": _json_number(self.threshold), "partial_weight": _json_number(self.partial_weight)}
        d: dict[str, Any] = {
            "name": self.name,
            "criteria": [c.to_dict() for c in self.criteria],
            "aggregation": self.aggregation,
        }
        d["components"] = [{"name": c.name, "weight": _json_number(c.weight), "source": c.source}
                           for c in self.components]
        d["grades"] = [{"name": g.name, "min": _json_number(g.min)} for g in self.grades]
        d["timing"] = self.timing.to_dict()
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _walk_leaves(nodes: list[Criterion], prefix: str) -> Iterator[tuple[str, Criterion]]:
    for node in nodes:
        path = f"{prefix}/{node.name}" if prefix else node.name
        if node.is_leaf:
            yield path, node
        else:
            yield from _walk_leaves(node.children, path)


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# ---------------------------------------------------------------------------------------------
# Parsing and checking


def parse_template(data: Any, *, source: str = "评分细则") -> Template:
    """Build a checked :class:`Template` from its JSON form; raises :class:`TemplateError`."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise TemplateError(f"{source}：内容应当是一个 JSON 对象（{{…}}）。")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("缺少模板名称（name）。")
        name = ""
    kind = data.get("kind", "scores")
    if not isinstance(kind, str) or kind not in KINDS:
        problems.append(f"模板类型（kind）“{kind}”无效，只能是 checklist（清单式，示范创建）或不写（打分式）。")
        kind = "scores"
    if kind == "checklist":
        return _parse_checklist(data, name, problems, source)
    criteria = _parse_criteria(data.get("criteria"), "", 1, problems)
    if not criteria and not any("criteria" in p for p in problems):
        problems.append("至少需要一个评分指标（criteria）。")

    aggregation = data.get("aggregation", "mean")
    if not isinstance(aggregation, str) or aggregation not in AGGREGATIONS:
        problems.append(f"汇总方式（aggregation）“{aggregation}”无效，只能是 mean（平均）或 trimmed_mean（去掉最高最低分后平均）。")
        aggregation = "mean"
    components = _parse_components(data.get("components"), problems)
    grades = _parse_grades(data.get("grades"), problems)
    timing = _parse_timing(data.get("timing"), problems)
    if problems:
        raise TemplateError(f"{source}有 {len(problems)} 处错误，未保存：", problems)
    return Template(name.strip(), criteria, aggregation, components, grades, timing)


def _parse_checklist(data: dict, name: str, problems: list[str], source: str) -> Template:
    """A checklist template: indicators without maxima, a threshold and a weight for 部分达标."""
    criteria = _parse_criteria(data.get("criteria"), "", 1, problems, checklist=True)
    if not criteria and not any("criteria" in p for p in problems):
        problems.append("至少需要一个评估指标（criteria）。")
    for key, label in (("components", "组成部分"), ("grades", "等次")):
        if data.get(key) not in (None, []):
            problems.append(f"清单式模板按达标率与门槛判断是否通过，不设{label}（{key}）。")
    if data.get("aggregation", "mean") != "mean":
        problems.append("清单式模板不设汇总方式（aggregation）：达标率按指标评定计算。")
    threshold = DEFAULT_THRESHOLD
    if data.get("threshold") is not None:
        value = _parse_number(data["threshold"], "达标门槛（threshold）", problems)
        if value is not None and not (0 < value <= 100):
            problems.append(f"达标门槛（threshold）{fmt_decimal(value)} 应大于 0、不超过 100（百分比）。")
        elif value is not None:
            threshold = value
    weight = DEFAULT_PARTIAL_WEIGHT
    if data.get("partial_weight") is not None:
        value = _parse_number(data["partial_weight"], "部分达标折算（partial_weight）", problems)
        if value is not None and not (0 <= value <= 1):
            problems.append(f"部分达标折算（partial_weight）{fmt_decimal(value)} 应在 0 到 1 之间"
                            "（0：不计；0.5：按半项计；1：按达标计）。")
        elif value is not None:
            weight = value
    if problems:
        raise TemplateError(f"{source}有 {len(problems)} 处错误，未保存：", problems)
    return Template(name.strip(), criteria, kind="checklist", threshold=threshold, partial_weight=weight)


def load_template_file(path: Path | str) -> Template:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise TemplateError(f"无法读取模板文件 {path}：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(f"模板文件 {path} 不是 UTF-8 编码的 JSON 文本。") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(f"模板文件 {path} 第 {exc.lineno} 行第 {exc.colno} 列：JSON 格式错误（{exc.msg}）。") from exc
    except RecursionError:
        raise TemplateError(f"模板文件 {path} 嵌套层数过多，不是评分模板。") from None
    return parse_template(data, source=f"模板文件 {path.name}")


MAX_NUMBER = Decimal(10_000)  # no maximum, weight or time in a template comes near this


def _parse_number(value: Any, what: str, problems: list[str]) -> Decimal | None:
    try:
        number = to_decimal(value)
    except ValueError:
        problems.append(f"{what}“{value}”不是数字。")
        return None
    if number.copy_abs() > MAX_NUMBER:  # copy_abs: no arithmetic context, so no Overflow
        problems.append(f"{what}“{value}”过大（不能超过 {MAX_NUMBER}）。")
        return None
    return number


def _parse_criteria(raw: Any, prefix: str, depth: int, problems: list[str],
                    checklist: bool = False) -> list[Criterion]:
    where = f"指标“{prefix}”的下级指标" if prefix else "评分指标（criteria）"
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(f"{where}应当是一个列表。")
        return []
    result: list[Criterion] = []
    seen: set[str] = set()
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            problems.append(f"{where}第 {index} 项不是对象。")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}第 {index} 项缺少名称。")
            continue
        name = name.strip()
        if "/" in name:
            problems.append(f"指标名称“{name}”不能含有“/”（“/”用来写一级/二级路径）。")
        path = f"{prefix}/{name}" if prefix else name
        if name in seen:
            problems.append(f"指标“{path}”重名：同一级下的指标名称必须不同。")
        seen.add(name)
        description = item.get("description") or ""
        evidence = item.get("evidence_required") or ""
        if evidence and not checklist:
            problems.append(f"指标“{path}”：佐证要求（evidence_required）只用于清单式模板。")
        if checklist and item.get("max") is not None:
            problems.append(f"指标“{path}”不应有满分（max）：清单式模板的指标只评定达标与否。")
        children_raw = item.get("children")
        if checklist:
            children = _parse_criteria(children_raw, path, depth + 1, problems, True) \
                if children_raw and depth < MAX_DEPTH else []
            if children_raw and depth >= MAX_DEPTH:
                problems.append(f"指标“{path}”层级过深：最多三级指标。")
                continue
            result.append(Criterion(name, None, str(description), children, evidence_required=str(evidence)))
            continue
        if children_raw:
            if depth >= MAX_DEPTH:
                problems.append(f"指标“{path}”层级过深：最多三级指标。")
                continue
            children = _parse_criteria(children_raw, path, depth + 1, problems)
            node = Criterion(name, None, str(description), children)
            if "max" in item and item["max"] is not None:
                stated = _parse_number(item["max"], f"指标“{path}”的满分", problems)
                if stated is not None and children and stated != node.maximum:
                    problems.append(
                        f"指标“{path}”的满分 {fmt_decimal(stated)} 与下级指标满分之和 "
                        f"{fmt_decimal(node.maximum)} 不一致。")
        else:
            maximum = _parse_number(item.get("max"), f"指标“{path}”的满分", problems) \
                if item.get("max") is not None else None
            if item.get("max") is None:
                problems.append(f"指标“{path}”缺少满分（max）：末级指标必须有一个正数满分。")
            elif maximum is not None and maximum <= 0:
                problems.append(f"指标“{path}”的满分必须是正数（现为 {fmt_decimal(maximum)}）。")
            node = Criterion(name, maximum, str(description))
        result.append(node)
    return result


def _parse_components(raw: Any, problems: list[str]) -> list[Component]:
    if raw in (None, []):
        return []
    if not isinstance(raw, list):
        problems.append("组成部分（components）应当是一个列表。")
        return []
    result: list[Component] = []
    names: set[str] = set()
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(f"组成部分第 {index} 项缺少名称。")
            continue
        name = str(item["name"]).strip()
        if name in names:
            problems.append(f"组成部分“{name}”重名。")
        names.add(name)
        weight = _parse_number(item.get("weight"), f"组成部分“{name}”的权重", problems)
        if weight is not None and weight <= 0:
            problems.append(f"组成部分“{name}”的权重必须是正数（现为 {fmt_decimal(weight)}）。")
        source = item.get("source", "external")
        if not isinstance(source, str) or source not in SOURCES:
            problems.append(f"组成部分“{name}”的来源“{source}”无效，只能是 experts（专家评分）或 external（外部录入）。")
        if weight is not None:
            result.append(Component(name, weight, source))
    experts = [c for c in result if c.source == "experts"]
    if result and len(experts) != 1:
        problems.append(f"组成部分中必须恰好有一项来源为 experts（专家评分），现有 {len(experts)} 项。")
    return result


def _parse_grades(raw: Any, problems: list[str]) -> list[Grade]:
    if raw in (None, []):
        return [Grade(n, Decimal(m)) for n, m in DEFAULT_GRADES]
    if not isinstance(raw, list):
        problems.append("等次（grades）应当是一个列表。")
        return []
    result: list[Grade] = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(f"等次第 {index} 项缺少名称。")
            continue
        name = str(item["name"]).strip()
        low = _parse_number(item.get("min"), f"等次“{name}”的最低分", problems)
        if low is None:
            continue
        if not (0 <= low <= 100):
            problems.append(f"等次“{name}”的最低分 {fmt_decimal(low)} 应在 0 到 100 之间。")
        result.append(Grade(name, low))
    if len({g.name for g in result}) != len(result):
        problems.append("等次名称有重复。")
    if len({g.min for g in result}) != len(result):
        problems.append("两个等次的最低分相同，无法区分。")
    result.sort(key=lambda g: g.min, reverse=True)
    return result


def _parse_timing(raw: Any, problems: list[str]) -> Timing:
    timing = Timing()
    if raw is None:
        return timing
    if not isinstance(raw, dict):
        problems.append("计时设置（timing）应当是一个对象。")
        return timing
    labels = {"report_minutes": "汇报时长", "qa_minutes": "问答时长", "warn_minutes": "提前提醒时间"}
    for key, label in labels.items():
        if key in raw:
            value = _parse_number(raw[key], f"{label}（{key}）", problems)
            if value is None:
                continue
            if value < 0 or (key == "report_minutes" and value <= 0) or value > 600:
                problems.append(f"{label}（{key}）{fmt_decimal(value)} 分钟不合理。")
                continue
            setattr(timing, key, value)
    if timing.warn_minutes >= timing.report_minutes:
        problems.append(f"提前提醒时间（{fmt_decimal(timing.warn_minutes)} 分钟）必须短于汇报时长（{fmt_decimal(timing.report_minutes)} 分钟）。")
    return timing
