"""The rectification ledger: items from problems found, by hand, overdue computed, closing only
with evidence, filters, open items for the live console, XLSX export."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from fazhi_desktop import ledger
from fazhi_desktop.demo import add_demo
from fazhi_desktop.errors import UserError
from fazhi_desktop.unit_links import link_units

from .conftest import add_scored_copy


@pytest.fixture
def no_items_db(fresh_db):
    """The demo sessions with an empty ledger."""
    add_demo(fresh_db, ledger=False)
    return fresh_db


def test_the_demo_ledger_holds_the_problems_found(demo_db):
    flagged = demo_db.execute("SELECT count(*) FROM questions WHERE session_id = 1 AND problem = 1").fetchone()[0]
    items = ledger.list_items(demo_db)
    assert len(items) == flagged > 0 and {i["unit_name"] for i in items} == {"万州区", "巫山县"}


def test_items_from_problem_questions_once(no_items_db):
    demo_db = no_items_db
    flagged = demo_db.execute("SELECT count(*) FROM questions WHERE session_id = 1 AND problem = 1").fetchone()[0]
    ids = ledger.create_from_questions(demo_db, session_id=1)
    assert len(ids) == flagged > 0
    assert ledger.create_from_questions(demo_db, session_id=1) == []  # not twice
    item = ledger.get_item(demo_db, ids[0])
    q = demo_db.execute("SELECT text, measure, deadline FROM questions WHERE id = ?", [item["question_id"]]).fetchone()
    assert (item["problem"], item["measure"], item["deadline"]) == tuple(q)
    assert item["unit_name"] == "万州区" and item["kind"] == "限期" and item["status"] == "todo"
    assert item["criterion"] and item["responsible_unit"] == "万州区"


def test_overdue_is_computed_from_deadline_and_today(no_items_db):
    demo_db = no_items_db
    sid = ledger.add_item(demo_db, unit_name="梁平区", problem="规范性文件备案不及时", deadline="2021-03-01",
                          measure="建立备案台账")
    lasting = ledger.add_item(demo_db, unit_name="梁平区", problem="普法宣传覆盖面不足", kind="持续")
    assert ledger.get_item(demo_db, sid, today="2021-02-28")["shown_status"] == "todo"
    assert ledger.get_item(demo_db, sid, today="2021-03-02")["shown_status"] == "overdue"
    assert ledger.get_item(demo_db, lasting, today="2030-01-01")["shown_status"] == "todo"
    # a filter takes the code or the word
    for overdue in ("overdue", "逾期"):
        assert [i["id"] for i in ledger.list_items(demo_db, status=overdue, today="2021-03-02")] == [sid]
    assert [i["id"] for i in ledger.list_items(demo_db, overdue=False, today="2021-03-02")] == [lasting]
    for todo in ("todo", "未启动"):
        assert [i["id"] for i in ledger.list_items(demo_db, status=todo, today="2021-03-02")] == [lasting]
    ledger.update_item(demo_db, item_id=sid, status="推进中")
    assert demo_db.execute("SELECT status FROM rectification_items WHERE id = ?", [sid]).fetchone()[0] == "doing"
    assert ledger.get_item(demo_db, sid, today="2021-03-02")["shown_status"] == "overdue"
    ledger.close_item(demo_db, item_id=sid, evidence="备案台账已建立", today="2021-04-01")
    assert ledger.get_item(demo_db, sid, today="2021-04-02")["shown_status"] == "done"
    with pytest.raises(UserError, match="状态“完成”无效"):
        ledger.update_item(demo_db, item_id=lasting, status="完成")


def test_closing_without_evidence_is_refused(demo_db):
    item = ledger.add_item(demo_db, unit_name="云阳县", problem="出庭应诉率未达标", deadline="2021-06-30")
    with pytest.raises(UserError, match="佐证"):
        ledger.close_item(demo_db, item_id=item, evidence="   ")
    with pytest.raises(UserError, match="销号"):
        ledger.update_item(demo_db, item_id=item, status="已完成")
    assert ledger.get_item(demo_db, item)["status"] == "todo"
    with pytest.raises(Exception):  # the database itself refuses a closed item without evidence
        demo_db.execute("UPDATE rectification_items SET status = 'done', closed_at = '2021-01-01' WHERE id = ?", [item])
    done = ledger.close_item(demo_db, item_id=item, evidence="出庭应诉率达到 100%", evidence_files=["通报.pdf", " "],
                             closed_at="2021-05-20", review_opinion="同意销号")
    assert (done["status"], done["closed_at"], done["evidence_files"], done["review_opinion"]) == \
        ("done", "2021-05-20", ["通报.pdf"], "同意销号")
    with pytest.raises(UserError, match="佐证"):
        ledger.update_item(demo_db, item_id=item, evidence="")


def test_bad_input_is_refused_in_chinese(no_items_db):
    demo_db = no_items_db
    with pytest.raises(UserError, match="时限"):
        ledger.add_item(demo_db, unit_name="忠县", problem="问题", kind="限期")
    with pytest.raises(UserError, match="日期"):
        ledger.add_item(demo_db, unit_name="忠县", problem="问题", deadline="2021-02-30")
    with pytest.raises(UserError, match="存在问题"):
        ledger.add_item(demo_db, unit_name="忠县", problem=" ", kind="持续")
    with pytest.raises(UserError, match="参评单位"):
        ledger.add_item(demo_db, unit_name="市教委", problem="问题", kind="持续", session_id=1)
    assert ledger.count_items(demo_db) == 0


def test_open_items_for_the_next_session_follow_renamed_units(demo_db):
    ledger.create_from_questions(demo_db, session_id=1)
    later = add_scored_copy(demo_db)
    opened = ledger.open_items_for_unit(demo_db, "万州区", later, today="2021-10-20")
    assert opened and all(i["session_id"] == 1 for i in opened)
    assert ledger.open_items_for_unit(demo_db, "万州区", 1) == []  # nothing earlier than the first session
    counts = ledger.open_counts(demo_db, later)
    assert counts[demo_db.execute("SELECT id FROM units WHERE session_id = ? AND name = '万州区'",
                                  [later]).fetchone()[0]] == len(opened)
    ledger.add_item(demo_db, unit_name="市人社局", problem="普法责任清单未公开", kind="持续")
    assert ledger.open_items_for_unit(demo_db, "市人力社保局", 2) == []
    link_units(demo_db, old_name="市人社局", new_name="市人力社保局")
    assert [i["problem"] for i in ledger.open_items_for_unit(demo_db, "市人力社保局", 2)] == ["普法责任清单未公开"]
    first = opened[0]["id"]
    ledger.close_item(demo_db, item_id=first, evidence="已整改")
    assert first not in [i["id"] for i in ledger.open_items_for_unit(demo_db, "万州区", later)]


def test_xlsx_export_shows_what_the_ledger_shows(no_items_db, tmp_path):
    demo_db = no_items_db
    ids = ledger.create_from_questions(demo_db, session_id=1)
    ledger.close_item(demo_db, item_id=ids[0], evidence="专项检查报告", evidence_files=["检查报告.pdf"])
    items = ledger.list_items(demo_db, today="2025-01-01")
    path = ledger.export_xlsx(items, tmp_path / "台账.xlsx")
    ws = load_workbook(path).active
    assert ws["A1"].value == "整改台账"
    header = [c.value for c in ws[2]]
    assert header[:2] == ["序号", "参评单位"] and "佐证材料" in header
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(ids)
    status_col = header.index("状态")
    assert sorted(r[status_col] for r in rows) == sorted(["已完成"] + ["逾期"] * (len(ids) - 1))
    done = next(r for r in rows if r[status_col] == "已完成")
    assert done[header.index("佐证文件")] == "检查报告.pdf"
