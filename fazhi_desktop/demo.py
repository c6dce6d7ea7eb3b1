"""Demo data from the seed articles: a finished 2020 district review and a 2023 review ready to run.

Scores are generated from a fixed seed, so every demo database holds the same numbers.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

import sqlite_utils

from .db import transaction
from .ledger import create_from_questions
from .library import find_template
from .questions import record_question
from .lifecycle import finish_session
from .roster import add_expert, add_unit, list_units, set_recusal
from .scoring import record_score, submit
from .sessions import create_session, load_template, update_session

DISTRICTS = ["万州区", "梁平区", "云阳县", "开州区", "城口县", "丰都县", "垫江县", "忠县", "奉节县", "巫山县", "巫溪县"]
CITY_UNITS = [
    ("市教委", "教育系统“八五”普法履职情况报告"), ("市公安局", "公安机关普法履职情况报告"),
    ("市民政局", "民政领域普法履职情况报告"), ("市人力社保局", "人力社保领域普法履职情况报告"),
    ("市生态环境局", "生态环境普法履职情况报告"), ("市农业农村委", "农业农村普法履职情况报告"),
    ("市国资委", "国资国企普法履职情况报告"), ("市市场监管局", "市场监管普法履职情况报告"),
    ("市高法院", "以案释法与司法公开情况报告"), ("市妇联", "妇女儿童权益保护普法情况报告"),
]
PANEL_2020 = [
    ("周立", "人大代表", "全国人大代表"), ("陈敏", "政协委员", "市政协委员"),
    ("王晓东", "法律顾问", "市政府法律顾问"), ("李文华", "专家学者", "西南政法大学教授"),
    ("刘建国", "部门负责人", "市司法局"), ("张蓉", "部门负责人", "市委依法治市办"),
    ("赵宏", "专家学者", "西南政法大学副教授"),
]
PANEL_2023 = [
    ("周立", "人大代表", "全国人大代表"), ("孙丽", "人大代表", "市人大代表"),
    ("陈敏", "政协委员", "市政协委员"), ("黄振", "法律顾问", "市政府法律顾问"),
    ("李文华", "专家学者", "西南政法大学教授"), ("何静", "专家学者", "重庆大学法学院副教授"),
    ("吴涛", "部门负责人", "市司法局普法与依法治理处"),
]
QUESTIONS = [
    ("你县在执法过程中执法记录制度是什么？执法全过程记录是怎样落实的？", "执法记录仪全覆盖，音像资料统一归档。", "严格规范执法"),
    ("你区在管理规范性文件上有什么流程？备案审查去年审了多少件？", "实行合法性审核与备案审查，全年审查 46 件。", "监督与应诉"),
    ("你区对普法经费能不能保障？", "普法经费已列入年度财政预算。", "普法规划实施"),
    ("重大执法决定法制审核由谁负责，今年审核了多少件？", "由司法局法制审核科负责，共审核 128 件。", "严格规范执法"),
    ("行政执法公示通过哪些渠道发布？", "政府网站和政务新媒体同步公示。", "严格规范执法"),
    ("党政主要负责人今年专题学法几次？", "县委常委会会前学法 6 次，政府常务会学法 8 次。", "第一责任人职责履行"),
    ("重大行政决策目录是否向社会公开？", "已于年初在政府网站公开。", "依法决策"),
    ("行政机关负责人出庭应诉率是多少？", "出庭应诉率为 87%，尚未全覆盖。", "监督与应诉"),
    ("针对农民工、青少年开展了哪些精准普法？", "开展“法律进工地”“法治进校园”活动。", "普法规划实施"),
    ("新媒体普法的覆盖面和阅读量如何？", "普法公众号关注人数 12 万，年阅读量 300 余万。", "自创动作"),
]
PROBLEMS = {
    "监督与应诉": ("行政机关负责人出庭应诉率未达到要求", "建立出庭应诉通报制度，年底前出庭应诉率达到 100%"),
    "严格规范执法": ("执法全过程记录归档不规范", "统一音像记录归档标准，三个月内完成专项检查"),
    "依法决策": ("重大行政决策目录公开不及时", "每年一季度前公开目录并动态调整"),
}


def _scores_for_unit(rng: random.Random, quality: float, bias: float, leaves) -> list[Decimal]:
    values = []
    for _path, leaf in leaves:
        top = float(leaf.maximum)
        raw = top * min(1.0, max(0.4, quality + bias + rng.uniform(-0.05, 0.05)))
        values.append(Decimal(round(raw * 2) / 2).quantize(Decimal("0.1")).normalize())
    return values


def add_past_session(db: sqlite_utils.Database, *, ledger: bool = True) -> int:
    rng = random.Random(20201027)
    template = find_template(db, "法治政府建设暨普法总结评议")
    sid = create_session(db, title="法治政府建设暨“七五”普法第二片区总结评议会", template=template,
                         kind="法治政府建设暨普法总结评议", date="2020-10-27", venue="云阳县",
                         organisers="中共重庆市委全面依法治市办公室、重庆市普法工作办公室",
                         chair="李文华", host="刘建国", secretary="何静")
    for name in DISTRICTS:
        add_unit(db, session_id=sid, name=name, presenter=f"{name}人民政府主要负责人",
                 presenter_title="区县长" if name.endswith("区") else "县长",
                 report_title="履行推进法治建设第一责任人职责及法治政府建设、“七五”普法规划实施情况")
    experts = [add_expert(db, session_id=sid, name=n, category=c, affiliation=a) for n, c, a in PANEL_2020]
    units = list_units(db, sid)
    by_name = {u.name: u for u in units}
    set_recusal(db, session_id=sid, expert_id=experts[2].id, unit_id=by_name["云阳县"].id, recused=True)
    leaves = load_template(db, sid).leaves()
    leaf_by_name = {leaf.name: leaf for _p, leaf in leaves}
    start = datetime.fromisoformat("2020-10-27T09:00:00+08:00")
    clock = start
    for index, unit in enumerate(units):
        quality = 0.72 + 0.02 * ((index * 7) % 11) + rng.uniform(-0.01, 0.01)
        report_s = 480 + rng.randint(-40, 35)
        qa_s = 300 + rng.randint(-30, 50)
        db.execute("INSERT INTO unit_timing (unit_id, phase, seconds) VALUES (?, 'report', ?), (?, 'questions', ?)",
                   [unit.id, report_s, unit.id, qa_s])
        clock += timedelta(seconds=report_s)
        for q in range(2 + index % 2):
            text, answer, crit = QUESTIONS[(index * 3 + q) % len(QUESTIONS)]
            expert = experts[(index + q * 3) % len(experts)]
            problem = PROBLEMS.get(crit) if q == 0 and index % 3 == 0 else None
            asked = clock + timedelta(seconds=40 + 90 * q)
            qid = db.execute(
                "INSERT INTO questions (session_id, unit_id, expert_id, text, answer, criterion_id, problem, "
                "measure, deadline, at, elapsed_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [sid, unit.id, expert.id, text, answer, leaf_by_name[crit].id if crit in leaf_by_name else None,
                 1 if problem else 0, problem[1] if problem else "", "2021-02-28" if problem else None,
                 asked.isoformat(), float((asked - start).total_seconds())]).lastrowid
            record_question(db, sid, qid, "记录提问")
        clock += timedelta(seconds=qa_s + 240)
        for k, expert in enumerate(experts):
            if expert.id == experts[2].id and unit.name == "云阳县":
                continue
            bias = ((k * 5) % 7 - 3) * 0.012
            for (_path, leaf), value in zip(leaves, _scores_for_unit(rng, quality, bias, leaves)):
                record_score(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id, value=value)
            submit(db, session_id=sid, expert_id=expert.id, unit_id=unit.id, operator="何静")
        db.execute("UPDATE units SET status = 'done' WHERE id = ?", [unit.id])
    update_session(db, session_id=sid, summary=(
        "11 个区县工作有特色、有亮点，推进有力，取得了明显成效。评议组专家提问犀利，"
        "问题涵盖第一责任人职责、法治政府建设和全民普法等重点内容。各区县要对照专家意见逐项整改，"
        "以评促建设、以评促整改；法治政府建设应先抓行政首长出庭应诉，加大普法宣传力度。"))
    finish_session(db, session_id=sid, operator="何静")
    if ledger:  # the problems found become the rectification ledger, as the secretary does after the meeting
        create_from_questions(db, session_id=sid)
    return sid


def add_ready_session(db: sqlite_utils.Database) -> int:
    template = find_template(db, "普法履职报告评议")
    sid = create_session(db, title="市级普法责任单位普法履职报告评议会", template=template,
                         kind="普法履职报告评议", date="2023-11-17", venue="重庆市司法局会议室",
                         organisers="重庆市司法局、重庆市普法办", chair="李文华", host="吴涛", secretary="何静")
    for name, report in CITY_UNITS:
        add_unit(db, session_id=sid, name=name, presenter="分管负责同志", presenter_title="副局长（副主任）",
                 report_title=report)
    for n, c, a in PANEL_2023:
        add_expert(db, session_id=sid, name=n, category=c, affiliation=a)
    return sid


def add_demo(db: sqlite_utils.Database, *, ledger: bool = True) -> list[int]:
    """Add both demo sessions in one transaction; returns their ids. ``ledger=False`` leaves the
    rectification ledger empty (a database from before the ledger existed has no table for it)."""
    with transaction(db):
        return [add_past_session(db, ledger=ledger), add_ready_session(db)]
