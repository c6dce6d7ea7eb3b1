"""The workbook of a checklist session: 评定明细 first, in exactly the columns ``import ratings``
reads (单位 / 指标 / 评定 / 说明 / 佐证, indicators by path), so it re-imports as it is; then the
results, the first-level rates, the evidence files and the candidates' steps. Text is written as
text (never a formula), through the same sheet writer as the scored workbook."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ..checklist import RATINGS
from ..checklist.results import verdict
from ..checklist.steps import STEPS
from .checklist_data import ChecklistData
from .layout import DRAFT_MARK
from .xlsx import SCORE, Sheet, _date, _number

STATUS = {"complete": "完整", "incomplete": "未完成", "absent": "缺席"}


def write_checklist_workbook(data: ChecklistData, target: Path | Any) -> None:
    wb = Workbook(write_only=True)
    s = data.session
    sheets: list[Sheet] = []

    def sheet(*args, **kwargs) -> Sheet:
        sheets.append(Sheet(wb, *args, **kwargs))
        return sheets[-1]

    sh = sheet("评定明细", ["单位", "指标", "评定", "说明", "佐证"], [14, 50, 10, 30, 30], landscape=True)
    for u in data.units:
        for path in data.leaf_paths:
            r = data.ratings.get((u.name, path))
            if r is not None and r.rating:
                sh.add([u.name, path, RATINGS[r.rating], r.note, r.evidence_text])
    sh = sheet("评估结果", ["排名", "单位", "达标", "部分达标", "未达标", "不适用", "适用", "未评定", "达标率（%）", "结论", "状态"],
               [6, 14, 8, 8, 8, 8, 8, 8, 10, 28, 8], {8: SCORE}, landscape=True)
    for u in data.results.ranked():
        t = u.tally
        sh.add([u.rank, u.name, t.met, t.partial, t.unmet, t.not_applicable, t.applicable, t.unrated,
                _number(u.rate), verdict(u, data.template.threshold), STATUS[u.status]])
    areas = [a.name for a in data.template.criteria]
    sh = sheet("一级指标达标率", ["单位", *areas], [14, *[14] * len(areas)], {j: SCORE for j in range(1, len(areas) + 1)},
               landscape=True)
    for u in data.results.units:
        sh.add([u.name, *[_number(a.rate) for a in u.areas]])
    sh = sheet("佐证文件", ["单位", "指标", "文件", "大小（字节）", "SHA-256", "添加时间"], [14, 40, 30, 12, 66, 20],
               landscape=True)
    for (unit, path), items in data.evidence.items():
        for e in items:
            sh.add([unit, path, e.name, e.size, e.sha256, e.added_at])
    sh = sheet("创建进程", ["单位", "步骤", "日期", "结束日期", "结果", "百分比", "异议件数", "说明"],
               [14, 16, 12, 12, 12, 10, 10, 40], {2: "yyyy-mm-dd", 3: "yyyy-mm-dd", 5: SCORE}, landscape=True)
    for u in data.units:
        for step in STEPS:
            rec = data.steps.get((u.name, step.key))
            if rec is not None:
                sh.add([u.name, step.label, _date(rec.date), _date(rec.end_date), rec.outcome, _number(rec.value),
                        rec.objections, rec.note])
    sh = sheet("会议信息", ["项目", "内容"], [14, 80], {})
    for k, v in [("评估名称", s.title), ("状态", DRAFT_MARK if data.draft else "已定稿"), ("日期", s.date or ""),
                 ("主办单位", s.organisers), ("指标体系", data.template.name),
                 ("达标门槛（%）", str(data.template.threshold)), ("部分达标折算", str(data.template.partial_weight)),
                 ("数据指纹", data.fingerprint), ("数据指纹（简）", data.short_fp)]:
        sh.add([k, v])
    for x in sheets:
        x.finish(s.title, data.draft)
    wb.properties.title = f"{s.title} 评定明细"
    wb.properties.creator = "法治评议"
    wb.properties.language = "zh-CN"
    if data.draft:
        wb.properties.subject = DRAFT_MARK
    wb.save(target)
