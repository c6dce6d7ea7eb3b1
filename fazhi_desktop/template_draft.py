"""An editable draft of a template (评分细则 or 示范创建 indicators), with undo.

The editor shows a :class:`TemplateDraft` and changes it only through its operations; the rules
live here once:

- a parent's maximum is the sum of its children (:meth:`TemplateDraft.total_of`), never typed;
- a leaf of a scored template needs a positive maximum: an operation that would set a zero,
  negative or non-numeric maximum is refused with the criterion named (“一级/二级”); a leaf that
  has none yet (just added, or a parent whose children were removed) is listed by
  :meth:`TemplateDraft.bad_leaves` and refused on saving;
- names: not empty, no “/”, different among siblings; at most three levels;
- once scores exist (``criteria_fixed``) the criteria, their maxima and the kind stay as they are:
  descriptions, grades, timing and the checklist settings may still change;
- settings are checked value by value (a weight or a time must be a number in its range); what
  needs the whole template (one component from the experts, a reminder shorter than the report)
  is checked by :func:`fazhi_desktop.template.parse_template` when the draft becomes a
  :class:`Template` (:meth:`TemplateDraft.to_template`), which lists every problem.

Undo lives in the draft itself, as whole-state snapshots: a template is a few dozen nodes, so a
copy per step is cheap (an operation changes the state in place and keeps a copy of what was
before), an undo restores exactly the previous tree (no inverse operation to get wrong), and the
same history serves the window and the tests without Qt. Consecutive edits of one
field (typing a name, stepping a spin box) merge into one step. A refused operation changes
nothing and leaves no step.

Nodes are addressed by their path of row numbers from the top (``(0, 2)``: the third child of
the first criterion).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .template import (AGGREGATIONS, KINDS, MAX_DEPTH, MAX_NUMBER, SOURCES, Template, fmt_decimal, parse_template,
                       to_decimal)

Path = tuple[int, ...]

# the names of the undo steps (shown by the window as “撤销 添加指标”)
ADD = QT_TRANSLATE_NOOP("TemplateDraft", "添加指标")
REMOVE = QT_TRANSLATE_NOOP("TemplateDraft", "删除指标")
MOVE = QT_TRANSLATE_NOOP("TemplateDraft", "移动指标")
RENAME = QT_TRANSLATE_NOOP("TemplateDraft", "修改指标名称")
SET_MAX = QT_TRANSLATE_NOOP("TemplateDraft", "修改满分")
SET_DESCRIPTION = QT_TRANSLATE_NOOP("TemplateDraft", "修改说明")
SET_EVIDENCE = QT_TRANSLATE_NOOP("TemplateDraft", "修改佐证要求")
SET_NAME = QT_TRANSLATE_NOOP("TemplateDraft", "修改模板名称")
SET_KIND = QT_TRANSLATE_NOOP("TemplateDraft", "修改模板类型")
SET_AGGREGATION = QT_TRANSLATE_NOOP("TemplateDraft", "修改汇总方式")
COMPONENTS = QT_TRANSLATE_NOOP("TemplateDraft", "修改组成部分")
GRADES = QT_TRANSLATE_NOOP("TemplateDraft", "修改等次")
TIMING = QT_TRANSLATE_NOOP("TemplateDraft", "修改计时")
CHECKLIST = QT_TRANSLATE_NOOP("TemplateDraft", "修改达标门槛")
LOAD = QT_TRANSLATE_NOOP("TemplateDraft", "载入模板")

TIMING_LABELS = {"report_minutes": "汇报时长", "qa_minutes": "问答时长", "warn_minutes": "提前提醒时间"}
MAX_MINUTES = Decimal(600)


@dataclass(eq=False)
class DraftNode:
    """A criterion (or indicator) being edited. ``max`` is set on leaves of a scored template."""
    name: str
    max: Decimal | None = None
    description: str = ""
    evidence: str = ""
    children: list["DraftNode"] = field(default_factory=list)
    parent: "DraftNode | None" = field(default=None, repr=False)

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass
class ComponentRow:
    name: str = ""
    weight: str = ""  # as typed; a positive number when filled
    source: str = "external"


@dataclass
class GradeRow:
    name: str = ""
    min: str = ""  # as typed; 0 to 100 when filled


@dataclass
class DraftState:
    name: str
    kind: str
    criteria: list[DraftNode]
    aggregation: str
    components: list[ComponentRow]
    grades: list[GradeRow]
    timing: dict[str, Decimal]
    threshold: Decimal
    partial_weight: Decimal


@dataclass
class _Step:
    label: str
    before: DraftState
    after: DraftState | None = None
    merge_key: Any = None


def _node(c, parent: DraftNode | None) -> DraftNode:
    node = DraftNode(c.name, c.max if c.is_leaf else None, c.description or "", c.evidence_required or "",
                     parent=parent)
    node.children = [_node(child, node) for child in c.children]
    return node


def _state(template: Template) -> DraftState:
    return DraftState(
        name=template.name, kind=template.kind, criteria=[_node(c, None) for c in template.criteria],
        aggregation=template.aggregation,
        components=[ComponentRow(c.name, fmt_decimal(c.weight), c.source) for c in template.components],
        grades=[GradeRow(g.name, fmt_decimal(g.min)) for g in template.grades],
        timing={"report_minutes": template.timing.report_minutes, "qa_minutes": template.timing.qa_minutes,
                "warn_minutes": template.timing.warn_minutes},
        threshold=template.threshold, partial_weight=template.partial_weight)


def _number(value: Any, what: str) -> Decimal:
    try:
        number = to_decimal(value)
    except ValueError:
        raise UserError(f"{what}“{value}”不是数字。") from None
    if number.copy_abs() > MAX_NUMBER:
        raise UserError(f"{what}“{value}”过大（不能超过 {MAX_NUMBER}）。")
    return number


class TemplateDraft:
    """A template being edited: operations that check what they change, sums, and undo/redo."""

    def __init__(self, template: Template, *, criteria_fixed: bool = False):
        self.criteria_fixed = criteria_fixed  # scores exist: criteria, maxima and kind stay
        self.state = _state(template)
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._saved = self.to_dict()

    # -- reading ---------------------------------------------------------------------------
    @property
    def is_checklist(self) -> bool:
        return self.state.kind == "checklist"

    @property
    def criteria(self) -> list[DraftNode]:
        return self.state.criteria

    def node(self, path: Path) -> DraftNode:
        nodes, found = self.state.criteria, None
        for row in path:
            if not 0 <= row < len(nodes):
                raise UserError(f"没有第 {row + 1} 项指标。")
            found = nodes[row]
            nodes = found.children
        if found is None:
            raise UserError("没有选中指标。")
        return found

    def siblings(self, node: DraftNode) -> list[DraftNode]:
        return node.parent.children if node.parent is not None else self.state.criteria

    def row_of(self, node: DraftNode) -> int:
        for i, other in enumerate(self.siblings(node)):
            if other is node:
                return i
        raise ValueError("node not in this draft")

    def path_of(self, node: DraftNode) -> Path:
        rows: list[int] = []
        while node is not None:
            rows.append(self.row_of(node))
            node = node.parent
        return tuple(reversed(rows))

    def label_of(self, node: DraftNode) -> str:
        """The criterion as messages name it: “一级/二级”."""
        names: list[str] = []
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "/".join(reversed(names))

    def total_of(self, node: DraftNode) -> Decimal:
        """A leaf's maximum (0 while it has none); a parent's is the sum of its children."""
        if node.is_leaf:
            return node.max or Decimal(0)
        return sum((self.total_of(c) for c in node.children), Decimal(0))

    def total(self) -> Decimal:
        return sum((self.total_of(c) for c in self.state.criteria), Decimal(0))

    def leaves(self) -> list[DraftNode]:
        out: list[DraftNode] = []

        def walk(nodes: list[DraftNode]) -> None:
            for n in nodes:
                if n.is_leaf:
                    out.append(n)
                walk(n.children)
        walk(self.state.criteria)
        return out

    def is_bad(self, node: DraftNode) -> bool:
        """A leaf of a scored template without a positive maximum."""
        return not self.is_checklist and node.is_leaf and (node.max is None or node.max <= 0)

    def bad_leaves(self) -> list[str]:
        """The leaves still without a positive maximum, named “一级/二级” (none in a checklist)."""
        return [self.label_of(n) for n in self.leaves() if self.is_bad(n)]

    def depth(self, node: DraftNode) -> int:
        d = 1
        while node.parent is not None:
            node, d = node.parent, d + 1
        return d

    # -- undo ------------------------------------------------------------------------------
    def _change(self, label: str, mutate: Callable[[], Any], merge_key: Any = None) -> Any:
        """Run ``mutate`` on the state (in place: the nodes keep their identity, so a view's rows
        stay) and keep a copy of what was before as one undo step. Every operation checks its input
        before it mutates; should a mutation raise all the same, the state goes back as it was."""
        last = self._undo[-1] if self._undo else None
        merging = merge_key is not None and last is not None and last.merge_key == merge_key and not self._redo
        before = copy.deepcopy(self.state)
        try:
            result = mutate()
        except Exception:
            self.state = before
            raise
        if not merging:  # typing on in the same field: one step
            self._undo.append(_Step(label, before, None, merge_key))
        self._redo.clear()
        return result

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> str | None:
        """Back one step; returns its name (None when there is nothing to undo)."""
        if not self._undo:
            return None
        step = self._undo.pop()
        step.after, step.merge_key = self.state, None
        self.state = step.before
        self._redo.append(step)
        return step.label

    def redo(self) -> str | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self.state = step.after
        self._undo.append(step)
        return step.label

    @property
    def modified(self) -> bool:
        """The draft differs from the template it was made from (undoing every step makes it equal again)."""
        return self.to_dict() != self._saved

    # -- the criteria ----------------------------------------------------------------------
    def _frozen(self, node: DraftNode | None = None) -> None:
        if not self.criteria_fixed:
            return
        where = f"（“{self.label_of(node)}”）" if node is not None else ""
        if self.is_checklist:
            raise UserError(f"本场已有指标评定，不能再修改评估指标{where}；"
                            "可以修改评估要点、佐证要求、达标门槛和部分达标的折算。")
        raise UserError(f"本场已有评分，不能再修改评分指标和满分{where}；可以修改评分说明、等次和计时。")

    def add(self, parent: Path | None, name: str) -> Path:
        """A new leaf at the end of ``parent``'s children (of the top level when None). A name
        taken among its siblings gets a number (新指标2). The new leaf has no maximum yet."""
        above = self.node(parent) if parent else None
        self._frozen(above)
        if above is not None and self.depth(above) >= MAX_DEPTH:
            raise UserError(f"指标“{self.label_of(above)}”已是第三级：最多三级指标，不能再添加下级指标。")
        siblings = above.children if above is not None else self.state.criteria
        name, taken = name.strip(), {s.name for s in siblings}
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}{n}"

        def run() -> Path:
            if above is not None:
                above.max = None  # a leaf that gets children: its maximum is now their sum
            siblings.append(DraftNode(unique, parent=above))
            return (*(parent or ()), len(siblings) - 1)
        return self._change(ADD, run)

    def remove(self, path: Path) -> None:
        node = self.node(path)
        self._frozen(node)
        self._change(REMOVE, lambda: self.siblings(node).pop(path[-1]))

    def move(self, path: Path, delta: int) -> Path | None:
        """Up (-1) or down (+1) among its siblings; None (and no step) at either end."""
        node = self.node(path)
        siblings, target = self.siblings(node), path[-1] + delta
        if not 0 <= target < len(siblings):
            return None
        self._frozen(node)

        def run() -> Path:
            siblings.insert(target, siblings.pop(path[-1]))
            return (*path[:-1], target)
        return self._change(MOVE, run)

    def rename(self, path: Path, name: str) -> None:
        node = self.node(path)
        name = name.strip()
        if name == node.name:
            return
        self._frozen(node)
        where = self.label_of(node)
        if not name:
            raise UserError(f"指标“{where}”的名称不能为空。")
        if "/" in name:
            raise UserError(f"指标名称“{name}”不能含有“/”（“/”用来写一级/二级路径）。")
        if any(s.name == name for s in self.siblings(node) if s is not node):
            prefix = self.label_of(node.parent) + "/" if node.parent is not None else ""
            raise UserError(f"指标“{prefix}{name}”重名：同一级下的指标名称必须不同。")
        self._change(RENAME, lambda: setattr(self.node(path), "name", name))

    def set_max(self, path: Path, text: Any) -> None:
        """A leaf's maximum, typed; refused unless it is a positive number."""
        node = self.node(path)
        where = self.label_of(node)
        if self.is_checklist:
            raise UserError(f"指标“{where}”不设满分：清单式模板的指标只评定达标与否。")
        if not node.is_leaf:
            raise UserError(f"指标“{where}”有下级指标：它的满分是下级指标满分之和"
                            f"（现为 {fmt_decimal(self.total_of(node))}），不能直接填写。")
        if str(text).strip() == "":
            raise UserError(f"指标“{where}”缺少满分：末级指标必须有一个正数满分。")
        value = _number(text, f"指标“{where}”的满分")
        if value <= 0:
            raise UserError(f"指标“{where}”的满分必须是正数（现为 {fmt_decimal(value)}）。")
        if value == node.max:
            return
        self._frozen(node)
        self._change(SET_MAX, lambda: setattr(self.node(path), "max", value))

    def set_description(self, path: Path, text: str) -> None:
        if self.node(path).description != text.strip():
            self._change(SET_DESCRIPTION, lambda: setattr(self.node(path), "description", text.strip()))

    def set_evidence(self, path: Path, text: str) -> None:
        if self.node(path).evidence != text.strip():
            self._change(SET_EVIDENCE, lambda: setattr(self.node(path), "evidence", text.strip()))

    # -- the template's own settings ---------------------------------------------------------
    def set_name(self, text: str) -> None:
        """The template's name as typed (an empty one is refused on saving)."""
        if text != self.state.name:
            self._change(SET_NAME, lambda: setattr(self.state, "name", text), merge_key="name")

    def set_kind(self, kind: str) -> None:
        if kind not in KINDS:
            raise UserError(f"模板类型“{kind}”无效，只能是 scores（打分式）或 checklist（清单式）。")
        if kind == self.state.kind:
            return
        self._frozen()
        self._change(SET_KIND, lambda: setattr(self.state, "kind", kind))

    def set_aggregation(self, code: str) -> None:
        if code not in AGGREGATIONS:
            raise UserError(f"汇总方式“{code}”无效，只能是 mean（平均）或 trimmed_mean（去掉最高最低分后平均）。")
        if code != self.state.aggregation:
            self._change(SET_AGGREGATION, lambda: setattr(self.state, "aggregation", code))

    def add_component(self) -> int:
        def run() -> int:
            self.state.components.append(ComponentRow())
            return len(self.state.components) - 1
        return self._change(COMPONENTS, run)

    def remove_component(self, row: int) -> None:
        if not 0 <= row < len(self.state.components):
            raise UserError(f"没有第 {row + 1} 个组成部分。")
        self._change(COMPONENTS, lambda: self.state.components.pop(row))

    def set_component(self, row: int, *, name: str | None = None, weight: str | None = None,
                      source: str | None = None) -> None:
        """One cell of a component: a weight must be a positive number, a source experts/external."""
        if not 0 <= row < len(self.state.components):
            raise UserError(f"没有第 {row + 1} 个组成部分。")
        current = self.state.components[row]
        label = (name or current.name or f"第 {row + 1} 项").strip()
        if weight is not None and weight.strip():
            value = _number(weight, f"组成部分“{label}”的权重")
            if value <= 0:
                raise UserError(f"组成部分“{label}”的权重必须是正数（现为 {fmt_decimal(value)}）。")
        if source is not None and source not in SOURCES:
            raise UserError(f"组成部分“{label}”的来源“{source}”无效，只能是 experts（专家评分）或 external（外部录入）。")
        changed = {k: v.strip() if k != "source" else v for k, v in
                   (("name", name), ("weight", weight), ("source", source)) if v is not None}
        if all(getattr(current, k) == v for k, v in changed.items()):
            return

        def run() -> None:
            for k, v in changed.items():
                setattr(self.state.components[row], k, v)
        self._change(COMPONENTS, run)

    def add_grade(self) -> int:
        def run() -> int:
            self.state.grades.append(GradeRow())
            return len(self.state.grades) - 1
        return self._change(GRADES, run)

    def remove_grade(self, row: int) -> None:
        if not 0 <= row < len(self.state.grades):
            raise UserError(f"没有第 {row + 1} 个等次。")
        self._change(GRADES, lambda: self.state.grades.pop(row))

    def set_grade(self, row: int, *, name: str | None = None, low: str | None = None) -> None:
        """One cell of a grade band: its lowest score must be a number from 0 to 100."""
        if not 0 <= row < len(self.state.grades):
            raise UserError(f"没有第 {row + 1} 个等次。")
        current = self.state.grades[row]
        label = (name or current.name or f"第 {row + 1} 项").strip()
        if low is not None and low.strip():
            value = _number(low, f"等次“{label}”的最低分")
            if not 0 <= value <= 100:
                raise UserError(f"等次“{label}”的最低分 {fmt_decimal(value)} 应在 0 到 100 之间。")
        changed = {k: v.strip() for k, v in (("name", name), ("min", low)) if v is not None}
        if all(getattr(current, k) == v for k, v in changed.items()):
            return

        def run() -> None:
            for k, v in changed.items():
                setattr(self.state.grades[row], k, v)
        self._change(GRADES, run)

    def set_timing(self, key: str, value: Any) -> None:
        """汇报时长 above 0, 问答时长 and 提前提醒 from 0, all up to 600 minutes (whether the
        reminder is shorter than the report is checked on saving)."""
        if key not in TIMING_LABELS:
            raise UserError(f"没有计时设置“{key}”。")
        what = f"{TIMING_LABELS[key]}（{key}）"
        number = _number(value, what)
        if number < 0 or (key == "report_minutes" and number <= 0) or number > MAX_MINUTES:
            raise UserError(f"{what}{fmt_decimal(number)} 分钟不合理。")
        if number != self.state.timing[key]:
            self._change(TIMING, lambda: self.state.timing.__setitem__(key, number), merge_key=("timing", key))

    def set_threshold(self, value: Any) -> None:
        number = _number(value, "达标门槛（threshold）")
        if not 0 < number <= 100:
            raise UserError(f"达标门槛（threshold）{fmt_decimal(number)} 应大于 0、不超过 100（百分比）。")
        if number != self.state.threshold:
            self._change(CHECKLIST, lambda: setattr(self.state, "threshold", number), merge_key="threshold")

    def set_partial_weight(self, value: Any) -> None:
        number = _number(value, "部分达标折算（partial_weight）")
        if not 0 <= number <= 1:
            raise UserError(f"部分达标折算（partial_weight）{fmt_decimal(number)} 应在 0 到 1 之间"
                            "（0：不计；0.5：按半项计；1：按达标计）。")
        if number != self.state.partial_weight:
            self._change(CHECKLIST, lambda: setattr(self.state, "partial_weight", number),
                         merge_key="partial_weight")

    def load(self, template: Template) -> None:
        """Replace everything with ``template`` (from the library, a file, an indicator table):
        one step, undone as one."""
        self._frozen()
        new = _state(template)
        self._change(LOAD, lambda: vars(self.state).update(vars(new)))

    # -- to a template -----------------------------------------------------------------------
    def _node_dict(self, node: DraftNode) -> dict:
        d: dict[str, Any] = {"name": node.name.strip()}
        if node.description:
            d["description"] = node.description
        if self.is_checklist and node.evidence:
            d["evidence_required"] = node.evidence
        if node.children:
            d["children"] = [self._node_dict(c) for c in node.children]
        elif not self.is_checklist:
            d["max"] = fmt_decimal(node.max) or None
        return d

    def to_dict(self) -> dict:
        """The template's JSON form (CONTRACT.md) as far as the draft has it."""
        s = self.state
        criteria = [self._node_dict(c) for c in s.criteria]
        if self.is_checklist:
            return {"name": s.name.strip(), "kind": "checklist", "criteria": criteria,
                    "threshold": s.threshold, "partial_weight": s.partial_weight}
        return {"name": s.name.strip(), "criteria": criteria, "aggregation": s.aggregation,
                "components": [{"name": c.name, "weight": c.weight, "source": c.source} for c in s.components],
                "grades": [{"name": g.name, "min": g.min} for g in s.grades],
                "timing": dict(s.timing)}

    def to_template(self, *, source: str = "评分细则", name: str | None = None) -> Template:
        """The checked template; raises :class:`~fazhi_desktop.errors.TemplateError` listing every
        problem (a leaf without a positive maximum named among them)."""
        data = self.to_dict()
        if name is not None:
            data["name"] = name
        return parse_template(data, source=source)
