"""Imports of scores and external values: refused whole with numbered rows, audited replacements."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from fazhi_desktop.errors import ImportRefused
from fazhi_desktop.results import compute_results, results_json
from fazhi_desktop.roster import add_expert, add_unit, set_recusal
from fazhi_desktop.score_imports import import_external, import_scores
from fazhi_desktop.scoring import audit_log, scores_for, submit
from fazhi_desktop.sessions import create_session
from fazhi_desktop.template import parse_template

TEMPLATE = parse_template({"name": "导入测试", "criteria": [
    {"name": "机制", "max": 20},
    {"name": "宣传", "children": [{"name": "线上", "max": 10}, {"name": "其他", "max": 20}]},
    {"name": "实效", "children": [{"name": "其他", "max": 50}]}],
    "components": [{"name": "评议团评分", "weight": 60, "source": "experts"},
                   {"name": "社会评议", "weight": 40, "source": "external"}]})


@pytest.fixture
def s(fresh_db):
    sid = create_session(fresh_db, title="导入", template=TEMPLATE)
    units = [add_unit(fresh_db, session_id=sid, name=n) for n in ("市教委", "市公安局")]
    experts = [add_expert(fresh_db, session_id=sid, name=n) for n in ("周立", "陈敏")]
    return fresh_db, sid, units, experts


def write_csv(path, rows, encoding="utf-8"):
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding=encoding)
    return path


GOOD = [["专家", "单位", "指标", "得分"],
        ["周立", "市教委", "机制", "18"], ["周立", "市教委", "线上", "8.5"],
        ["周立", "市教委", "宣传/其他", "17"], ["周立", "市教委", "实效/其他", "45"],
        ["陈敏", "市教委", "机制", "16"], ["陈敏", "市教委", "线上", "9"],
        ["陈敏", "市教委", "宣传/其他", "18.5"], ["陈敏", "市教委", "实效/其他", "40"]]


def test_import_scores_gb18030_then_results(s, tmp_path):
    db, sid, units, experts = s
    result = import_scores(db, session_id=sid, path=write_csv(tmp_path / "s.csv", GOOD, "gb18030"))
    assert len(result.added) == 8
    assert scores_for(db, sid, units[0].id)[(experts[0].id, units[0].id, _leaf_id(db, sid, "线上"))] == Decimal("8.5")
    ext = write_csv(tmp_path / "e.csv", [["单位", "项目", "得分"], ["市教委", "社会评议", "90"]])
    import_external(db, session_id=sid, path=ext)
    # totals 88.5 and 83.5 → 86; final = 0.6×86 + 0.4×90 = 87.6
    unit = results_json(compute_results(db, sid))["units"][0]
    assert unit["final"] == 87.6 and unit["experts"] == {"周立": 88.5, "陈敏": 83.5} and unit["rank"] == 1


def _leaf_id(db, sid, name):
    return db.execute("SELECT id FROM criteria WHERE session_id = ? AND name = ? AND max IS NOT NULL", [sid, name]).fetchone()[0]


def test_bad_file_refused_whole_every_row_numbered(s, tmp_path):
    db, sid, units, experts = s
    set_recusal(db, session_id=sid, expert_id=experts[1].id, unit_id=units[1].id, recused=True)
    import_scores(db, session_id=sid, path=write_csv(tmp_path / "ok.csv", GOOD))
    before = results_json(compute_results(db, sid))
    bad = GOOD[:2] + [
        ["无名氏", "市教委", "机制", "10"],        # row 3 unknown expert
        ["周立", "市外单位", "机制", "10"],        # row 4 unknown unit
        ["周立", "市公安局", "不存在", "10"],      # row 5 unknown criterion
        ["周立", "市公安局", "机制", "21"],        # row 6 out of range
        ["周立", "市公安局", "线上", "八"],        # row 7 not a number
        ["周立", "市教委", "机制", "17"],          # row 8 duplicates row 2
        ["陈敏", "市公安局", "机制", "10"],        # row 9 recused
        ["周立", "市公安局", "其他", "10"],        # row 10 ambiguous name
        ["周立", "市公安局", "宣传", "10"],        # row 11 not a leaf
    ]
    with pytest.raises(ImportRefused) as info:
        import_scores(db, session_id=sid, path=write_csv(tmp_path / "bad.csv", bad))
    problems = info.value.problems
    assert [p.split("：")[0] for p in problems] == [f"第 {n} 行" for n in range(3, 12)]
    for n, words in [(3, "无名氏"), (4, "市外单位"), (5, "不存在"), (6, "超出范围"), (7, "不是数字"),
                     (8, "与第 2 行重复"), (9, "回避"), (10, "重名"), (11, "不是末级指标")]:
        assert words in problems[n - 3], (n, problems[n - 3])
    assert results_json(compute_results(db, sid)) == before


def test_replacement_by_import_is_audited_even_when_locked(s, tmp_path):
    db, sid, units, experts = s
    import_scores(db, session_id=sid, path=write_csv(tmp_path / "a.csv", GOOD))
    submit(db, session_id=sid, expert_id=experts[0].id, unit_id=units[0].id)
    import_scores(db, session_id=sid, path=write_csv(tmp_path / "b.csv", [GOOD[0], ["周立", "市教委", "机制", "19"],
                                                                         ["陈敏", "市教委", "机制", "15"]]))
    rows = [r for r in audit_log(db, sid) if r["before"]]
    assert [(r["expert"], r["criterion"], r["before"], r["after"]) for r in rows] == [
        ("周立", "机制", "18", "19"), ("陈敏", "机制", "16", "15")]
    assert all("b.csv" in r["reason"] for r in rows)


def test_import_scores_from_xlsx_with_title_row(s, tmp_path):
    db, sid, units, experts = s
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2023 年评分汇总"])
    for row in GOOD:
        ws.append([float(v) if v[0].isdigit() else v for v in row])
    wb.save(tmp_path / "s.xlsx")
    import_scores(db, session_id=sid, path=tmp_path / "s.xlsx")
    assert len(scores_for(db, sid)) == 8


def test_external_import_refuses_bad_rows(s, tmp_path):
    db, sid, units, experts = s
    bad = write_csv(tmp_path / "e.csv", [["单位", "项目", "得分"], ["市教委", "社会评议", "90"],
                                         ["市教委", "社会评议", "91"], ["市外", "社会评议", "80"],
                                         ["市公安局", "网络投票", "80"], ["市公安局", "社会评议", "120"]])
    with pytest.raises(ImportRefused) as info:
        import_external(db, session_id=sid, path=bad)
    assert [p.split("：")[0] for p in info.value.problems] == ["第 3 行", "第 4 行", "第 5 行", "第 6 行"]
    assert db.execute("SELECT count(*) FROM external_values").fetchone()[0] == 0
