"""`import scores|external` and `results --json` through the command line, on a hand-worked file."""
from __future__ import annotations

import json

from fazhi_desktop.cli import run


def write(path, text, encoding="utf-8-sig"):
    path.write_text(text, encoding=encoding)
    return str(path)


def test_scores_and_external_to_results_json(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    assert run(["--db", db, "new", "--title", "CLI 评议", "--template", "普法履职综合评议（含社会评议）"]) == 0
    sid = capsys.readouterr().out.strip()
    units = write(tmp_path / "u.csv", "单位名称\n甲局\n乙局\n丙局\n")
    experts = write(tmp_path / "x.csv", "姓名\n周立\n陈敏\n")
    assert run(["--db", db, "import", "units", units, "--session", sid]) == 0
    assert run(["--db", db, "import", "experts", experts, "--session", sid]) == 0
    leaves = ["普法责任制机制建设", "系统内学法用法", "社会普法宣传", "创新普法形式", "普法实效"]
    sheets = {  # totals by hand: 甲 90/89 → 89.5; 乙 80.5/81 → 80.75; 丙 90/89 → 89.5
        ("周立", "甲局"): [18, 18, 22, 14, 18], ("陈敏", "甲局"): [18, 17, 23, 13, 18],
        ("周立", "乙局"): [16, 16, 20.5, 12, 16], ("陈敏", "乙局"): [16, 16, 21, 12, 16],
        ("周立", "丙局"): [18, 18, 22, 14, 18], ("陈敏", "丙局"): [18, 17, 23, 13, 18]}
    lines = ["expert,unit,criterion,score"] + [f"{e},{u},{c},{v}" for (e, u), vs in sheets.items()
                                              for c, v in zip(leaves, vs)]
    assert run(["--db", db, "import", "scores", write(tmp_path / "s.csv", "\n".join(lines)), "--session", sid]) == 0
    ext = ("单位,项目,得分\n甲局,社会评议,86.25\n甲局,联席会议成员评分,88\n"
           "乙局,社会评议,90\n乙局,联席会议成员评分,85\n丙局,社会评议,86.25\n")
    assert run(["--db", db, "import", "external", write(tmp_path / "e.csv", ext), "--session", sid]) == 0
    capsys.readouterr()
    assert run(["--db", db, "results", "--session", sid, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    got = {u["name"]: (u["final"], u["rank"], u["grade"], u["status"]) for u in out["units"]}
    # 甲: 0.4×89.5 + 0.4×86.25 + 0.2×88 = 35.8 + 34.5 + 17.6 = 87.9
    # 乙: 0.4×80.75 + 0.4×90 + 0.2×85 = 32.3 + 36 + 17 = 85.3
    # 丙: no 联席会议成员评分 → null
    assert got == {"甲局": (87.9, 1, "良好", "complete"), "乙局": (85.3, 2, "良好", "complete"),
                   "丙局": (None, None, None, "incomplete")}
    assert [u["name"] for u in out["units"]] == ["甲局", "乙局", "丙局"]
    assert out["units"][1]["experts"] == {"周立": 80.5, "陈敏": 81.0}


def test_refused_score_file_exits_2_with_rows_and_changes_nothing(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    run(["--db", db, "demo"])
    capsys.readouterr()
    run(["--db", db, "results", "--session", "1", "--json"])
    before = capsys.readouterr().out
    bad = write(tmp_path / "bad.csv", "专家,单位,指标,得分\n周立,万州区,第一责任人职责履行,25\n周立,万州区,无此项,5\n",
                encoding="gb18030")
    assert run(["--db", db, "import", "scores", bad, "--session", "1"]) == 2
    assert "已结束" in capsys.readouterr().err  # the demo's past session: first reopen it, with a reason
    assert run(["--db", db, "reopen", "--session", "1", "--reason", "补录纸质评分表"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "import", "scores", bad, "--session", "1"]) == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "第 2 行" in err and "第 3 行" in err
    run(["--db", db, "results", "--session", "1", "--json"])
    assert capsys.readouterr().out == before
