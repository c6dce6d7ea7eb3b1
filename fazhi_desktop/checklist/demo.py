"""A demo checklist session (示范创建评估) for screenshots, tests and trying the window: the nine
first-level areas of the built-in template with a few example indicators each (examples written
for the demo, not the national texts, which are left to the user), five candidates rated so that
the 90% line falls between them, and their steps up to the public notice and naming.

Not part of the ``demo`` command (its two sessions are a public interface); call
:func:`add_checklist_demo` where a checklist session is wanted.
"""
from __future__ import annotations

import sqlite_utils

from ..db import transaction
from ..library import builtin_templates
from ..lifecycle import finish_session
from ..roster import add_expert, add_unit
from ..sessions import create_session, load_template
from ..template import parse_template
from .ratings import set_rating
from .steps import record_step

# (area, second level, third-level example indicators) — six areas with two second levels each
INDICATORS = {
    "政府职能依法全面履行": {"深化简政放权": ["政务服务事项全部实现“一网通办”", "行政许可事项清单向社会公开"],
                        "优化营商环境": ["落实市场准入负面清单制度", "涉企行政检查计划公开", "政务服务好差评制度落实"]},
    "依法行政制度体系完善": {"规范性文件管理": ["规范性文件合法性审核率100%", "规范性文件按规定备案"],
                        "立法与清理": ["政府规章、规范性文件定期清理", "规范性文件统一登记、统一编号、统一发布"]},
    "重大行政决策科学民主合法": {"决策程序": ["重大行政决策事项目录向社会公开", "重大决策履行公众参与、专家论证程序"],
                          "合法性审查": ["重大行政决策合法性审查全覆盖", "政府法律顾问参与决策论证"]},
    "行政执法严格规范公正文明": {"执法三项制度": ["行政执法公示制度全面落实", "执法全过程记录制度全面落实",
                                         "重大执法决定法制审核全覆盖"],
                          "执法监督": ["行政执法案卷评查每年开展", "执法人员持证上岗"]},
    "突发事件应对有力有序": {"应急法治": ["突发事件应急预案定期修订并演练", "应急处置措施依法实施"]},
    "社会矛盾纠纷依法有效化解": {"行政复议": ["行政复议案件按期审结"], "行政应诉": ["行政机关负责人出庭应诉率100%",
                                                                "行政诉讼败诉案件原因分析通报"]},
    "行政权力制约监督科学有效": {"政务公开": ["政府信息主动公开目录完整", "依申请公开按期答复"],
                          "监督体系": ["自觉接受人大监督、政协民主监督"]},
    "法治政府建设科技保障全面加强": {"数字法治政府": ["行政执法信息平台使用率"]},
    "法治政府建设组织领导落实到位": {"责任落实": ["主要负责人履行推进法治建设第一责任人职责", "年度法治政府建设报告按时公开"],
                             "学法用法": ["政府常务会议会前学法制度化"]},
}
UNITS = ["万州区", "梁平区", "云阳县", "开州区", "忠县"]
# per candidate: the indicators (numbered 1–30 in tree order) rated other than 达标, with the note
EXCEPTIONS = {
    "万州区": {11: ("partial", "重大决策公众参与记录不完整"), 15: ("unmet", "执法全过程记录设备配备不足"),
            22: ("unmet", "负责人出庭应诉率86%")},  # 27 of 30 → 90.00, on the line
    "梁平区": {20: ("not_applicable", "本年度未发生需处置的突发事件"), 23: ("not_applicable", "本年度无败诉案件")},
    "云阳县": {3: ("partial", "负面清单落实情况未逐项公开"), 10: ("unmet", "决策事项目录未公开"),
            16: ("partial", "法制审核人员不足"), 17: ("unmet", "案卷评查未开展"), 22: ("unmet", "出庭应诉率72%")},
    "开州区": {20: ("not_applicable", "本年度未发生需处置的突发事件"), 14: ("unmet", "执法公示不全"),
            21: ("unmet", "复议案件超期2件"), 29: ("unmet", "年度报告未按时公开")},  # 26 of 29 → 89.66, just below
    "忠县": {24: ("unmet", "信息公开目录缺项")},  # 29 of 30 → 96.67
}


def demo_template():
    builtin = next(t for t in builtin_templates() if t.is_checklist)
    data = builtin.to_dict()
    data["criteria"] = [{"name": area, "children": [{"name": second, "children": [
        {"name": third, "evidence_required": "制度文件、工作台账"} for third in thirds]}
        for second, thirds in seconds.items()]} for area, seconds in INDICATORS.items()]
    return parse_template(data, source="演示指标")


def add_checklist_demo(db: sqlite_utils.Database, *, finish: bool = True) -> int:
    """Add the demo assessment; returns its session id (finished unless ``finish`` is False)."""
    sid = create_session(db, title="2024年度法治政府建设示范创建评估", date="2024-05-20", venue="市委党校报告厅",
                         kind="法治政府建设示范创建", organisers="市委依法治市办", chair="周立",
                         secretary="何静", template=demo_template())
    with transaction(db):
        units = {name: add_unit(db, session_id=sid, name=name).id for name in UNITS}
        for name, category, affiliation in (("周立", "专家学者", "西南政法大学"), ("陈敏", "法律顾问", "市政府法律顾问室"),
                                            ("黄振", "部门负责人", "市司法局")):
            add_expert(db, session_id=sid, name=name, category=category, affiliation=affiliation)
        leaves = [leaf.id for _p, leaf in load_template(db, sid).leaves()]
        for name, uid in units.items():
            for n, leaf in enumerate(leaves, 1):
                code, note = EXCEPTIONS[name].get(n, ("met", ""))
                set_rating(db, session_id=sid, unit_id=uid, criterion_id=leaf, rating=code, note=note,
                           evidence_text="制度文件；工作台账" if code == "met" and n % 4 == 1 else
                           ("整改方案" if code in ("unmet", "partial") else ""))
        for name, uid in units.items():
            passed = name in ("万州区", "梁平区", "忠县")
            steps = [("self_assessment", "2024-01-15", "自评达标", "95"), ("application", "2024-01-25", "已申报", None),
                     ("preliminary", "2024-02-20", "推荐", None), ("survey", "2024-04-18", "通过", "91.6"),
                     ("onsite", "2024-05-28", "通过" if passed else "限期整改", None)]
            for step, day, outcome, value in steps:
                record_step(db, session_id=sid, unit_id=uid, step=step, date=day, outcome=outcome, value=value,
                            note="" if step != "onsite" or passed else "行政执法案卷评查问题较多")
            if passed:
                record_step(db, session_id=sid, unit_id=uid, step="notice", date="2024-06-10", end_date="2024-06-16",
                            objections=0, outcome="无异议")
        for name in ("梁平区", "忠县"):
            record_step(db, session_id=sid, unit_id=units[name], step="naming", date="2024-07-01", outcome="予以命名",
                        note="渝法治办〔2024〕12号")
    if finish:
        finish_session(db, session_id=sid)
    return sid
