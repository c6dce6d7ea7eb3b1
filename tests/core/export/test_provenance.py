"""External values (社会评议 …) keep where they came from: the survey or body, the file, who
entered them and when (migration v5, ``scoring.set_external``, ``import external``)."""
from __future__ import annotations

import sqlite3

from fazhi_desktop.db import connect, migrate_db, open_db
from fazhi_desktop.library import find_template
from fazhi_desktop.roster import add_unit
from fazhi_desktop.score_imports import import_external
from fazhi_desktop.scoring import set_external
from fazhi_desktop.sessions import create_session

WEIGHTED = "普法履职综合评议（含社会评议）"


def provenance(db, sid):
    return {(u, c): (v, note, f, who, at) for u, c, v, note, f, who, at in db.execute(
        "SELECT u.name, x.component, x.value, x.source_note, x.source_file, x.entered_by, x.updated_at "
        "FROM external_values x JOIN units u ON u.id = x.unit_id WHERE x.session_id = ?", [sid])}


def weighted_session(db):
    sid = create_session(db, title="综合评议", template=find_template(db, WEIGHTED))
    for name in ("市教委", "市公安局"):
        add_unit(db, session_id=sid, name=name)
    return sid


def test_a_version_4_database_gains_the_provenance_columns_and_keeps_its_values(db_path):
    db = connect(db_path)
    migrate_db(db, target=4)
    sid = weighted_session(db)
    uid = db.execute("SELECT id FROM units WHERE name = '市教委'").fetchone()[0]
    db.execute("INSERT INTO external_values (session_id, unit_id, component, value, updated_at) "
               "VALUES (?, ?, '社会评议', '83.5', '2023-11-17T10:00:00+08:00')", [sid, uid])
    db.conn.commit()
    db.conn.close()
    db = open_db(db_path)
    assert provenance(db, sid)[("市教委", "社会评议")] == ("83.5", "", "", "", "2023-11-17T10:00:00+08:00")
    db.conn.close()
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] >= 5


def test_typed_value_records_who_and_the_note(fresh_db):
    sid = weighted_session(fresh_db)
    uid = fresh_db.execute("SELECT id FROM units WHERE name = '市公安局'").fetchone()[0]
    set_external(fresh_db, session_id=sid, unit_id=uid, component="社会评议", value="88", operator="何静",
                 note="2023年度群众满意度电话调查")
    value, note, file, who, at = provenance(fresh_db, sid)[("市公安局", "社会评议")]
    assert (value, note, file, who) == ("88", "2023年度群众满意度电话调查", "", "何静") and at


def test_import_records_the_file_and_the_optional_source_column(fresh_db, tmp_path):
    sid = weighted_session(fresh_db)
    csv = tmp_path / "社会评议结果.csv"
    csv.write_text("单位,项目,得分,来源\n市教委,社会评议,83.5,第三方问卷（样本1200份）\n"
                   "市公安局,社会评议,90,\n市教委,联席会议成员评分,86,\n", encoding="utf-8")
    import_external(fresh_db, session_id=sid, path=csv, operator="何静")
    got = provenance(fresh_db, sid)
    assert got[("市教委", "社会评议")][:4] == ("83.5", "第三方问卷（样本1200份）", "社会评议结果.csv", "何静")
    assert got[("市公安局", "社会评议")][:4] == ("90", "", "社会评议结果.csv", "何静")


def test_import_messages_end_with_one_full_stop(fresh_db, tmp_path):
    sid = weighted_session(fresh_db)
    csv = tmp_path / "x.csv"
    csv.write_text("单位,项目,得分\n市教委,社会评议,101\n", encoding="utf-8")
    try:
        import_external(fresh_db, session_id=sid, path=csv)
    except Exception as exc:  # noqa: BLE001 - the message is what we check
        message = str(exc)
    assert "超出范围" in message and "。。" not in message


def scored_weighted_session(db, tmp_path):
    """Two units, two experts scoring everything, 社会评议 imported from a survey file and the
    joint-meeting score typed in by hand."""
    from fazhi_desktop.roster import add_expert, list_units
    from fazhi_desktop.scoring import record_score
    from fazhi_desktop.sessions import load_template, set_status, update_session

    sid = weighted_session(db)
    update_session(db, session_id=sid, date="2023-11-17", organisers="重庆市司法局、重庆市普法办")
    experts = [add_expert(db, session_id=sid, name=n) for n in ("周立", "陈敏")]
    units = list_units(db, sid)
    for unit in units:
        for e in experts:
            for _p, leaf in load_template(db, sid).leaves():
                record_score(db, session_id=sid, expert_id=e.id, unit_id=unit.id, criterion_id=leaf.id,
                             value=str(leaf.maximum * 8 / 10))
    csv = tmp_path / "社会评议结果.csv"
    csv.write_text("单位,项目,得分,来源\n市教委,社会评议,83.5,2023年群众满意度问卷\n"
                   "市公安局,社会评议,90,2023年群众满意度问卷\n", encoding="utf-8")
    import_external(db, session_id=sid, path=csv, operator="何静")
    for unit in units:
        set_external(db, session_id=sid, unit_id=unit.id, component="联席会议成员评分", value="86", operator="吴涛",
                     note="联席会议成员书面评分")
    set_status(db, session_id=sid, status="finished")
    return sid


def test_the_documents_say_where_external_values_came_from(fresh_db, tmp_path):
    from openpyxl import load_workbook

    from fazhi_desktop.export import FEEDBACK_FOLDER, FILE_NAMES, run_export

    from .conftest import pdftotext, squeeze

    sid = scored_weighted_session(fresh_db, tmp_path)
    run_export(fresh_db, sid, tmp_path / "out")
    minutes = squeeze(pdftotext(tmp_path / "out" / FILE_NAMES["pdf"]))
    assert "综合得分＝评议团评分×40%＋社会评议×40%＋联席会议成员评分×20%" in minutes
    assert "社会评议得分（来源：2023年群众满意度问卷，由文件“社会评议结果.csv”导入，何静于" in minutes
    assert "联席会议成员评分（来源：联席会议成员书面评分，吴涛于" in minutes and "评分得分" not in minutes
    assert "按百分制（0至100分）计入" in minutes
    letter = squeeze(pdftotext(tmp_path / "out" / FEEDBACK_FOLDER / "评议意见书_市教委.pdf"))
    assert "社会评议83.50分（来源：2023年群众满意度问卷" in letter
    wb = load_workbook(tmp_path / "out" / FILE_NAMES["xlsx"], read_only=True)
    rows = list(wb["外部得分"].iter_rows(values_only=True))
    assert rows[0] == ("单位", "项目", "得分", "来源", "导入文件", "录入人", "录入时间")
    assert ("市教委", "社会评议", 83.5, "2023年群众满意度问卷", "社会评议结果.csv", "何静") == rows[1][:6]
