"""`import scores FILE --session ID --check` and `double-entry` in a child process, as a secretary
runs them: exit status, what is printed, and what is (not) stored afterwards."""
from __future__ import annotations

import json

from fazhi_desktop import double_entry as de

from .test_cli import cli
from .test_double_entry import SHEETS, build

LEAVES = ("依法决策", "执法规范")


def sheet_file(path, sheets, encoding="utf-8-sig"):
    lines = ["专家,单位,指标,得分"] + [f"{e},{u},{c},{v}" for (e, u), vs in sheets.items() for c, v in zip(LEAVES, vs)]
    path.write_text("\n".join(lines), encoding=encoding)
    return path


def test_check_lists_differences_refuses_bad_rows_then_marks_an_equal_file_checked(fresh_db, db_path, tmp_path):
    db, sid, units, experts, _leaves = build(fresh_db)
    out = cli("--db", db_path, "double-entry", "--session", sid, "on")
    assert out.stdout.strip() == "双人录入核对：已开启（8 项评分待核对）"
    scores_before = db.execute("SELECT * FROM scores ORDER BY 1, 2, 3, 4").fetchall()

    differ = sheet_file(tmp_path / "第二次.csv", {**SHEETS, ("陈敏", "乙局"): ("44.5", "45")}, "gb18030")
    out = cli("--db", db_path, "import", "scores", differ, "--session", sid, "--check", check=False)
    assert out.returncode == 2
    assert "第二次.csv 与已录入的评分有 1 处不同" in out.stderr
    assert "第9行　陈敏　乙局　执法规范　已录入 45.5　第二次 45" in out.stderr  # header row 1, 陈敏/乙局 rows 8–9
    assert de.checked_values(db, sid) == {}

    bad = tmp_path / "bad.csv"
    bad.write_text("专家,单位,指标,得分\n周立,甲局,依法决策,40\n周立,甲局,依法决策,40\n", encoding="utf-8")
    out = cli("--db", db_path, "import", "scores", bad, "--session", sid, "--check", check=False)
    assert out.returncode == 2 and "bad.csv" in out.stderr and "第 3 行" in out.stderr and "重复" in out.stderr
    assert de.checked_values(db, sid) == {}

    equal = sheet_file(tmp_path / "equal.csv", {k: tuple(v + "0" if "." in v else v for v in vs)
                                                for k, vs in SHEETS.items()})  # 44.50 is 44.5
    out = cli("--db", db_path, "import", "scores", equal, "--session", sid, "--check")
    assert "8 项评分与已录入的一致，已标记为已核对" in out.stdout
    assert len(de.checked_values(db, sid)) == 8 and de.unchecked(db, sid) == []
    assert db.execute("SELECT * FROM scores ORDER BY 1, 2, 3, 4").fetchall() == scores_before  # nothing stored
    res = json.loads(cli("--db", db_path, "results", "--session", sid, "--json").stdout)
    assert res["double_entry"] is True
    assert [(u["name"], u["final"], u["rank"], u["unchecked_scores"]) for u in res["units"]] == \
        [("甲局", 85.5, 2, 0), ("乙局", 90.0, 1, 0)]


def test_check_is_only_for_scores(fresh_db, db_path, tmp_path):
    _db, sid, *_ = build(fresh_db)
    units = tmp_path / "u.csv"
    units.write_text("单位名称\n丙局\n", encoding="utf-8")
    out = cli("--db", db_path, "import", "units", units, "--session", sid, "--check", check=False)
    assert out.returncode == 2 and "只用于 import scores" in out.stderr
