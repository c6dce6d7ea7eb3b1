"""A generator of realistic past sessions, for the history benchmarks (10 and 1,000 sessions).

Each session gets 10–11 units, 7 experts, every score submitted, about 10 questions per unit
(some flagged "problem found", which become rectification items), a summary, and the status
finished or sealed. Rows are written with ``executemany`` in one transaction per session, so 1,000
sessions (≈ 500,000 scores, 100,000 questions) take a minute or so, not an hour. The city
department 市人社局 appears under that name before 2019 and as 市人力社保局 after, with the link
between the names recorded, as on a laptop used for years.

    python -m fazhi_desktop.history_gen --db /tmp/big.db --sessions 1000
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date as Date
from datetime import datetime, timedelta
from decimal import Decimal

import sqlite_utils

from .db import now_iso, open_db, transaction
from .demo import CITY_UNITS, DISTRICTS, PANEL_2020, PANEL_2023, PROBLEMS, QUESTIONS
from .library import find_template
from .unit_links import record_link
from .seal import seal
from .sessions import create_session, load_template, record_roster, set_status, update_session
from .template import fmt_decimal

OLD_NAME, NEW_NAME, RENAMED_IN = "市人社局", "市人力社保局", 2019
MORE_DISTRICTS = ["渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区", "长寿区",
                  "江津区", "合川区", "永川区", "南川区", "綦江区", "大足区", "璧山区", "铜梁区", "潼南区", "荣昌区"]
MORE_CITY = ["市司法局", "市检察院", "市城市管理局", "市交通局", "市卫生健康委", "市文化旅游委"]
EXPERT_POOL = [e for e in {p[0]: p for p in PANEL_2020 + PANEL_2023}.values()] + [
    ("郑凯", "法律顾问", "市律师协会"), ("冯雪", "专家学者", "重庆工商大学教授"), ("许明", "人大代表", "区人大代表"),
    ("邓华", "政协委员", "区政协委员"), ("曹阳", "部门负责人", "市委依法治市办")]
EVIDENCE = ["已印发整改方案并完成专项检查，附检查报告。", "制度已出台，见正式文件。", "整改情况已在政府网站公示。"]


def _unit_names(rng: random.Random, district: bool, year: int) -> list[str]:
    if district:
        pool = DISTRICTS + MORE_DISTRICTS
        return rng.sample(pool, 11)
    pool = [n for n, _r in CITY_UNITS] + MORE_CITY
    names = rng.sample(pool, 10)
    if "市人力社保局" not in names:
        names[rng.randrange(10)] = "市人力社保局"
    return [OLD_NAME if n == NEW_NAME and year < RENAMED_IN else n for n in names]


def fill_session(db: sqlite_utils.Database, session_id: int, rng: random.Random, *, questions_per_unit: int = 3,
                 day: str | None = None, problem_rate: float = 0.15) -> None:
    """Scores from every expert for every unit (submitted), questions with answers and some
    problems found, actual durations — for a session that already has units and experts."""
    leaves = load_template(db, session_id).leaves()
    units = db.execute("SELECT id, name FROM units WHERE session_id = ? ORDER BY position", [session_id]).fetchall()
    experts = [e for (e,) in db.execute("SELECT id FROM experts WHERE session_id = ? ORDER BY position", [session_id])]
    day = day or db.execute("SELECT coalesce(date, '2020-01-01') FROM sessions WHERE id = ?", [session_id]).fetchone()[0]
    now = now_iso()
    start = datetime.fromisoformat(f"{day}T09:00:00+08:00")
    scores, subs, questions, timings = [], [], [], []
    leaf_by_name = {leaf.name: leaf.id for _p, leaf in leaves}
    for index, (uid, _name) in enumerate(units):
        quality = rng.uniform(0.62, 0.95)
        for k, eid in enumerate(experts):
            bias = rng.uniform(-0.04, 0.04)
            for _p, leaf in leaves:
                top = float(leaf.maximum)
                raw = top * min(1.0, max(0.3, quality + bias + rng.uniform(-0.06, 0.06)))
                scores.append((session_id, eid, uid, leaf.id, fmt_decimal(Decimal(round(raw * 2) / 2)), now))
            subs.append((session_id, eid, uid, now))
        report_s, qa_s = 480 + rng.randint(-40, 35), 300 + rng.randint(-30, 50)
        timings += [(uid, "report", report_s), (uid, "questions", qa_s)]
        at = start + timedelta(minutes=15 * index)
        for q in range(questions_per_unit):
            text, answer, crit = QUESTIONS[rng.randrange(len(QUESTIONS))]
            problem = PROBLEMS.get(crit) if rng.random() < problem_rate else None
            deadline = None
            if problem:
                deadline = (Date.fromisoformat(day) + timedelta(days=rng.choice([90, 120, 180]))).isoformat()
            asked = at + timedelta(minutes=9, seconds=40 * q)
            questions.append((session_id, uid, experts[rng.randrange(len(experts))], text, answer,
                              leaf_by_name.get(crit), 1 if problem else 0, problem[1] if problem else "", deadline,
                              asked.isoformat(), float((asked - start).total_seconds())))
    with transaction(db):
        db.conn.executemany("INSERT INTO scores (session_id, expert_id, unit_id, criterion_id, value, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)", scores)
        db.conn.executemany("INSERT INTO submissions (session_id, expert_id, unit_id, submitted_at) VALUES (?, ?, ?, ?)",
                            subs)
        db.conn.executemany("INSERT OR REPLACE INTO unit_timing (unit_id, phase, seconds) VALUES (?, ?, ?)", timings)
        first_question = db.execute("SELECT coalesce(max(id), 0) FROM questions").fetchone()[0]
        db.conn.executemany(
            "INSERT INTO questions (session_id, unit_id, expert_id, text, answer, criterion_id, problem, measure, "
            "deadline, at, elapsed_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", questions)
        db.execute("UPDATE units SET status = 'done' WHERE session_id = ?", [session_id])
        _chain(db, session_id, scores, subs, first_question)


def _chain(db: sqlite_utils.Database, session_id: int, scores: list, subs: list, first_question: int) -> None:
    """The generated rows' entries in the session's audit chain, as the services would write them."""
    from .chain import chained

    if not chained(db):
        return
    from .chain import append_many
    from .replay import criterion_paths, question_state

    units = dict(db.execute("SELECT id, name FROM units WHERE session_id = ?", [session_id]).fetchall())
    experts = dict(db.execute("SELECT id, name FROM experts WHERE session_id = ?", [session_id]).fetchall())
    paths = criterion_paths(db, session_id)
    items = [{"action": "score.record", "at": at, "expert": experts[e], "unit": units[u], "criterion": paths[c].rsplit("/", 1)[-1],
              "after": v, "entity": "score", "ref": [experts[e], units[u], paths[c]], "state": v}
             for _s, e, u, c, v, at in scores]
    items += [{"action": "score.submit", "at": at, "expert": experts[e], "unit": units[u], "entity": "submission",
               "ref": [experts[e], units[u]], "state": True} for _s, e, u, at in subs]
    for (qid,) in db.execute("SELECT id FROM questions WHERE session_id = ? AND id > ? ORDER BY id",
                             [session_id, first_question]).fetchall():
        uid, state = question_state(db, qid)
        items.append({"action": "question.add", "at": state["at"], "unit": state["unit"], "expert": state["expert"],
                      "entity": "question", "ref": [uid], "state": state})
    append_many(db, session_id=session_id, items=items)


def _items(db: sqlite_utils.Database, session_id: int, rng: random.Random, day: str, today: str) -> None:
    """Rectification items from the problems found; older ones mostly closed with evidence."""
    from .ledger import create_from_questions

    ids = create_from_questions(db, session_id=session_id)
    age_days = (Date.fromisoformat(today) - Date.fromisoformat(day)).days
    rows = []
    for item_id in ids:
        if age_days > 200 and rng.random() < 0.85:
            closed = (Date.fromisoformat(day) + timedelta(days=rng.randint(30, 170))).isoformat()
            rows.append(("done", EVIDENCE[rng.randrange(len(EVIDENCE))], closed, item_id))
        elif rng.random() < 0.5:
            rows.append(("doing", "", None, item_id))
    from .ledger import record_item

    with transaction(db):
        db.conn.executemany("UPDATE rectification_items SET status = ?, evidence = ?, closed_at = ? WHERE id = ?", rows)
        for row in rows:
            record_item(db, row[-1], action="item.close" if row[0] == "done" else "item.update:status")


def generate(db: sqlite_utils.Database, n: int, *, seed: int = 7, first_year: int | None = None,
             questions_per_unit: int = 10, today: str | None = None, progress=None) -> list[int]:
    """Add ``n`` past sessions, oldest first, spread over the years up to last year; returns the ids."""
    rng = random.Random(seed)
    today = today or Date.today().isoformat()
    last_year = int(today[:4]) - 1
    per_year = max(1, min(40, n // 10 or 1))
    first_year = first_year or last_year - (n - 1) // per_year
    templates = {True: find_template(db, "法治政府建设暨普法总结评议"), False: find_template(db, "普法履职报告评议")}
    ids = []
    for i in range(n):
        year = first_year + i // per_year
        day = Date(year, 1, 1) + timedelta(days=int((i % per_year) * 360 / per_year) + rng.randint(0, 5))
        district = i % 2 == 0
        kind = templates[district].name
        title = f"{year}年度" + ("法治政府建设暨普法总结评议会（第%d片区）" % (i % 5 + 1) if district
                               else "市级普法责任单位普法履职报告评议会（第%d批）" % (i % 4 + 1))
        sid = create_session(db, title=title, template=templates[district], kind=kind, date=day.isoformat(),
                             venue=rng.choice(["市司法局会议室", "万州区", "云阳县", "市政府第二会议室"]),
                             organisers="重庆市普法工作办公室", chair="李文华", host="刘建国", secretary="何静")
        units = [(sid, name, "主要负责同志", "", "履职情况报告", pos)
                 for pos, name in enumerate(_unit_names(rng, district, year), start=1)]
        experts = [(sid, name, cat, aff, pos) for pos, (name, cat, aff) in enumerate(rng.sample(EXPERT_POOL, 7), start=1)]
        with transaction(db):
            db.conn.executemany("INSERT INTO units (session_id, name, presenter, presenter_title, report_title, position) "
                                "VALUES (?, ?, ?, ?, ?, ?)", units)
            db.conn.executemany("INSERT INTO experts (session_id, name, category, affiliation, position) "
                                "VALUES (?, ?, ?, ?, ?)", experts)
            record_roster(db, sid, action="roster.add")
        fill_session(db, sid, rng, questions_per_unit=questions_per_unit, day=day.isoformat())
        _items(db, sid, rng, day.isoformat(), today)
        status = "sealed" if rng.random() < 0.6 else "finished"
        update_session(db, session_id=sid, summary=(
            f"{len(units)} 个单位依次汇报，评议组现场提问、打分。专家指出执法全过程记录、出庭应诉、"
            "普法责任清单公开等方面仍有差距，要求各单位对照问题清单逐项整改，以评促改。"))
        set_status(db, session_id=sid, status="finished", action="session.finish")
        if status == "sealed":
            seal(db, session_id=sid, confirmed=True, cache=False)
        ids.append(sid)
        if progress:
            progress(i + 1, n)
    with transaction(db):
        if db.execute("INSERT OR IGNORE INTO unit_links (old_name, new_name, note, created_at) VALUES (?, ?, ?, ?)",
                      [OLD_NAME, NEW_NAME, f"{RENAMED_IN} 年机构改革更名", now_iso()]).rowcount:
            record_link(db, OLD_NAME, action="link.add")
    return ids


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="生成历史评议会数据（用于性能测试）")
    p.add_argument("--db", required=True)
    p.add_argument("--sessions", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    db = open_db(args.db)
    began = time.perf_counter()
    generate(db, args.sessions, seed=args.seed,
             progress=lambda d, t: sys.stderr.write(f"\r{d}/{t}") if d % 50 == 0 or d == t else None)
    sys.stderr.write("\n")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("sessions", "scores", "questions", "rectification_items")}
    print(f"generated in {time.perf_counter() - began:.1f} s: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
