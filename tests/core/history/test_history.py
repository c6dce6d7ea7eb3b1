"""History as a user meets it: the migration of an older database, the session list with filters,
search for 2- and 4-character Chinese terms, renamed units and the unit dossier."""
from __future__ import annotations

import sqlite3

from fazhi_desktop import history, unit_links
from fazhi_desktop.db import connect, migrate_db, open_db, schema_version
from fazhi_desktop.demo import add_demo
from fazhi_desktop.migrations import LATEST
from fazhi_desktop.questions import add_question, delete_question, update_question
from fazhi_desktop.results import compute_results
from fazhi_desktop.roster import add_unit
from fazhi_desktop.sessions import create_session, load_template, update_session
from fazhi_desktop.library import find_template


def test_version_3_database_migrates_and_its_questions_are_searchable(db_path):
    db = connect(db_path)
    migrate_db(db, target=3)
    add_demo(db, ledger=False)  # version 3 had no ledger
    db.conn.close()
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
    raw.close()
    db = open_db(db_path)
    assert schema_version(db) == LATEST
    assert all(uid for (uid,) in db.execute("SELECT uid FROM sessions"))
    hits = history.search(db, "执法记录")
    assert hits and all("执法记录" in h.text for h in hits)
    assert {h.session_id for h in history.search(db, "以评促整改")} == {1}  # the chair's summary
    # new sessions after the migration get a uid too
    sid = create_session(db, title="新会", template=find_template(db, "普法履职报告评议"))
    assert db.execute("SELECT uid FROM sessions WHERE id = ?", [sid]).fetchone()[0]
    db.conn.close()


def test_search_finds_two_and_four_character_terms_in_demo_questions(demo_db):
    two = history.search(demo_db, "执法")
    four = history.search(demo_db, "行政执法")
    assert any(h.kind == "question" and "执法" in h.text for h in two)
    assert any(h.kind == "question" and "行政执法公示" in h.text for h in four)
    assert all("行政执法" in h.text for h in four)
    assert all("执法" in h.text for h in two) and len(two) > len(four)
    hit = next(h for h in four if h.kind == "question")
    assert hit.session_id == 1 and hit.unit_name and hit.session_title.startswith("法治政府建设")
    # two terms: both must be there; a one-character term works too
    both = history.search(demo_db, "出庭 应诉率")
    assert both and all("出庭" in h.text and "应诉率" in h.text for h in both)
    assert history.search(demo_db, "审") and history.search(demo_db, "不存在的词语") == []
    assert "执法" in two[0].snippet("执法")
    # what users type around terms, and FTS5 syntax, is taken literally
    assert len(history.search(demo_db, '"执法"')) == len(two) == len(history.search(demo_db, "“执法” "))
    assert history.search(demo_db, "NEAR( OR *") == [] and history.search(demo_db, "   ") == []
    assert all("%" in h.text for h in history.search(demo_db, "%"))


def test_search_follows_edits_and_deletions(demo_db):
    unit = demo_db.execute("SELECT id FROM units WHERE session_id = 2 ORDER BY position").fetchone()[0]
    q = add_question(demo_db, session_id=2, unit_id=unit, text="双随机一公开抽查比例是多少？")
    assert [h.ref_id for h in history.search(demo_db, "双随机")] == [q.id]
    update_question(demo_db, question_id=q.id, text="执法公示平台何时上线？", answer="明年一月上线公示平台。")
    assert history.search(demo_db, "双随机") == []
    assert {h.kind for h in history.search(demo_db, "公示平台") if h.ref_id == q.id} == {"question", "answer"}
    delete_question(demo_db, question_id=q.id)
    assert all(h.ref_id != q.id for h in history.search(demo_db, "公示平台"))
    update_session(demo_db, session_id=2, summary="要求各单位公开普法责任清单。")
    assert [h.session_id for h in history.search(demo_db, "普法责任清单", kinds=("summary",))] == [2]


def test_history_list_filters_and_sorts_by_date(history_db):
    rows = history.list_history(history_db)
    assert [r["date"] for r in rows] == ["2023-11-17", "2021-10-20", "2020-10-27"]
    assert [r["id"] for r in history.list_history(history_db, year=2020)] == [1]
    assert [r["id"] for r in history.list_history(history_db, status="finished")] == [3, 1]
    assert [r["id"] for r in history.list_history(history_db, kind="普法履职报告评议")] == [2]
    assert [r["id"] for r in history.list_history(history_db, text="渝东北")] == [3]
    assert history.count_history(history_db, status="finished") == 2
    assert history.history_years(history_db) == [2023, 2021, 2020]
    assert [r["id"] for r in history.list_history(history_db, limit=1, offset=1)] == [3]


def test_unit_dossier_across_the_demo_session_and_its_scored_copy(history_db):
    d = history.unit_dossier(history_db, "万州区")
    assert [e.date for e in d.entries] == ["2020-10-27", "2021-10-20"]  # oldest first, draft 2023 has no 万州区
    for e in d.entries:
        res = compute_results(history_db, e.session_id)
        mine = next(u for u in res.units if u.name == "万州区")
        assert e.final == float(mine.final) and e.rank == mine.rank and e.ranked == 11
        assert set(e.criteria) == {p for p, _l in load_template(history_db, e.session_id).leaves()}
        assert all(0 <= v <= 100 for v in e.criteria.values())
    assert {q["session_id"] for q in d.questions} == {1, 3}
    assert all(q["unit"] == "万州区" for q in d.questions)
    # the cached results follow a later change of a score
    before = history.session_results(history_db, 3)["units"]["万州区"]["final"]
    history_db.execute("UPDATE scores SET value = '0' WHERE session_id = 3 AND unit_id = "
                       "(SELECT id FROM units WHERE session_id = 3 AND name = '万州区')")
    assert history.session_results(history_db, 3)["units"]["万州区"]["final"] < before


def test_renamed_unit_is_linked_in_the_dossier(demo_db):
    old = create_session(demo_db, title="2019年度普法履职评议会", date="2019-11-01",
                         template=find_template(demo_db, "普法履职报告评议"))
    add_unit(demo_db, session_id=old, name="市人社局")
    assert [e.unit_name for e in history.unit_dossier(demo_db, "市人力社保局").entries] == ["市人力社保局"]
    unit_links.link_units(demo_db, old_name="市人社局", new_name="市人力社保局", note="机构改革更名")
    d = history.unit_dossier(demo_db, "市人力社保局")
    assert [(e.date, e.unit_name) for e in d.entries] == [("2019-11-01", "市人社局"), ("2023-11-17", "市人力社保局")]
    assert unit_links.unit_aliases(demo_db, "市人社局") == ["市人社局", "市人力社保局"]
    assert unit_links.current_name(demo_db, "市人社局") == "市人力社保局"
    import pytest
    from fazhi_desktop.errors import UserError
    with pytest.raises(UserError, match="反向"):
        unit_links.link_units(demo_db, old_name="市人力社保局", new_name="市人社局")
    unit_links.unlink_unit(demo_db, old_name="市人社局")
    assert unit_links.unit_aliases(demo_db, "市人力社保局") == ["市人力社保局"]


def test_generator_makes_realistic_sessions_with_a_renamed_unit(fresh_db):
    from fazhi_desktop import history_gen, ledger

    ids = history_gen.generate(fresh_db, 20, questions_per_unit=2, today="2024-06-01")
    assert len(ids) == 20 and history.count_history(fresh_db) == 20
    statuses = {r["status"] for r in history.list_history(fresh_db)}
    assert statuses <= {"finished", "sealed"}
    res = compute_results(fresh_db, ids[-1])
    assert all(u.final is not None and u.rank for u in res.units)
    d = history.unit_dossier(fresh_db, "市人力社保局")
    assert {e.unit_name for e in d.entries} == {"市人社局", "市人力社保局"}  # renamed in 2019, linked
    assert ledger.count_items(fresh_db) == fresh_db.execute("SELECT count(*) FROM questions WHERE problem = 1").fetchone()[0]
    assert history.search(fresh_db, "执法")


def test_the_sessions_list_reads_its_first_page_in_index_order(history_db):
    """Newest first without sorting every session: the first page of 1,000 sessions costs what 10 do."""
    sql = ("EXPLAIN QUERY PLAN SELECT s.id FROM sessions s ORDER BY s.date IS NULL, s.date DESC, s.id DESC "
           "LIMIT 100")
    plan = " ".join(r[3] for r in history_db.execute(sql))
    assert "idx_sessions_newest" in plan and "TEMP B-TREE" not in plan
    assert [r["id"] for r in history.list_history(history_db)] == [2, 3, 1]  # 2023, 2021, 2020


def test_unit_names_are_each_name_once_in_order(history_db):
    names = history.unit_names(history_db)
    want = [n for (n,) in history_db.execute("SELECT DISTINCT name FROM units ORDER BY name")]
    assert names == want and len(set(names)) == len(names) > 5
    assert history.unit_names(history_db, limit=3) == want[:3]


def test_dossier_reads_what_it_shows_and_counts_the_rest(history_db):
    """The newest items only, with the number of all and of the open ones; the questions of the
    sessions shown are the same as from the whole history when they fill the list."""
    from fazhi_desktop import ledger

    for n, day in enumerate(("2021-11-30", "2021-12-31", None)):
        ledger.add_item(history_db, unit_name="万州区", problem=f"问题{n}", deadline=day, kind="限期" if day else "持续")
    ids = [i["id"] for i in ledger.list_items(history_db, unit_name="万州区")]
    assert len(ids) >= 3
    ledger.close_item(history_db, item_id=ids[0], evidence="已整改")
    full = history.unit_dossier(history_db, "万州区")
    assert len(full.items) == full.items_total == len(ids) and full.items_open == len(ids) - 1
    short = history.unit_dossier(history_db, "万州区", items_limit=2)
    assert [i["id"] for i in short.items] == ids[:2]
    assert (short.items_total, short.items_open) == (len(ids), len(ids) - 1)
    # one session shown (the 2021 copy); its questions fill a list of 2, else the older ones follow
    one = history.unit_dossier(history_db, "万州区", limit=1, questions_limit=2)
    assert one.more and [q["session_id"] for q in one.questions] == [3, 3]
    every = history.unit_dossier(history_db, "万州区", questions_limit=1000).questions
    assert history.unit_dossier(history_db, "万州区", limit=1, questions_limit=1000).questions == every
    assert {q["session_id"] for q in every} == {1, 3}


def test_years_and_kinds_of_the_sessions_list(history_db):
    update_session(history_db, session_id=2, kind="专项评议")
    assert history.history_years(history_db) == [2023, 2021, 2020]
    assert history.history_kinds(history_db) == sorted({"专项评议", *(k for (k,) in history_db.execute(
        "SELECT kind FROM sessions WHERE id != 2 AND kind != ''"))})


def test_every_table_read_by_session_has_an_index_starting_with_it(fresh_db):
    """A query "for one session" must be an index range, not a pass over every session's rows (the
    submissions of 1,000 sessions were scanned whole, twice per session shown in the history)."""
    missing = []
    for (table,) in fresh_db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'search_fts%'"):
        info = fresh_db.execute(f"PRAGMA table_info('{table}')").fetchall()
        if not any(c[1] == "session_id" for c in info):
            continue
        pk = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]]
        firsts = [fresh_db.execute(f"PRAGMA index_info('{i[1]}')").fetchall()[0][2]
                  for i in fresh_db.execute(f"PRAGMA index_list('{table}')").fetchall()]
        if table == "package_imports":  # a log of imports: written, never read by session
            continue
        if (pk[:1] != ["session_id"]) and "session_id" not in firsts:
            missing.append(table)
    assert not missing
