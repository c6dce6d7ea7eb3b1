"""A checklist session on the command line, as a secretary runs it: new from the built-in
template, units, the indicator table, ``import ratings`` (a bad word refused with its row),
``results --json`` by the contract, finish refused while an indicator is unrated."""
from __future__ import annotations

import json

from openpyxl import Workbook

from tests.core.test_cli import cli

BUILTIN = "市县法治政府建设示范指标体系（2021年版）"


def test_a_checklist_session_from_the_command_line(tmp_path):
    db = tmp_path / "x.db"
    sid = cli("--db", db, "new", "--title", "2024年示范创建评估", "--date", "2024-05-20", "--template", BUILTIN).stdout.strip()
    (tmp_path / "units.csv").write_text("单位名称\n甲县\n乙县\n", encoding="utf-8")
    cli("--db", db, "import", "units", tmp_path / "units.csv", "--session", sid)
    wb = Workbook()
    ws = wb.active
    ws.append(["一级", "二级", "三级"])
    for area in ("职能", "制度"):
        for i in range(1, 6):
            ws.append([area, f"{area}二级", f"{area}指标{i}"])
    wb.save(tmp_path / "指标表.xlsx")
    out = cli("--db", db, "import", "indicators", tmp_path / "指标表.xlsx", "--session", sid)
    assert "2 项一级指标、2 项二级指标、10 项三级指标" in out.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("单位,指标,评定\n甲县,职能指标1,达标\n甲县,职能指标2,基本达标\n", encoding="utf-8")
    refused = cli("--db", db, "import", "ratings", bad, "--session", sid, check=False)
    assert refused.returncode == 2 and "第 3 行：评定“基本达标”无效" in refused.stderr
    good = tmp_path / "good.csv"
    rows = [f"甲县,{a}指标{i},达标" for a in ("职能", "制度") for i in range(1, 6)]
    rows[-1] = "甲县,制度指标5,未达标"
    rows += [f"乙县,{a}指标{i},达标" for a in ("职能",) for i in range(1, 6)]
    good.write_text("单位,指标,评定\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert cli("--db", db, "import", "ratings", good, "--session", sid).stdout.strip() == "已导入 15 个评定。"
    res = json.loads(cli("--db", db, "results", "--session", sid, "--json").stdout)
    first, second = res["units"]
    assert {k: first[k] for k in ("name", "status", "met", "partial", "unmet", "not_applicable", "applicable", "rate",
                                  "passed", "rank")} == {
        "name": "甲县", "status": "complete", "met": 9, "partial": 0, "unmet": 1, "not_applicable": 0,
        "applicable": 10, "rate": 90.0, "passed": True, "rank": 1}
    assert (second["status"], second["rate"], second["passed"], second["rank"]) == ("incomplete", None, None, None)
    assert [a["name"] for a in first["areas"]] == ["职能", "制度"] and first["areas"][1]["rate"] == 80.0
    assert "达到门槛" in cli("--db", db, "results", "--session", sid).stdout
    fin = cli("--db", db, "finish", "--session", sid, check=False)
    assert fin.returncode == 2 and "乙县：5 项指标未评定" in fin.stderr
    shown = json.loads(cli("--db", db, "show", "--session", sid, "--json").stdout)
    assert shown["template"]["kind"] == "checklist" and len(shown["ratings"]) == 15
    assert shown["ratings"][0] == {"unit": "甲县", "criterion": "职能/职能二级/职能指标1", "rating": "达标", "code": "met",
                                   "note": "", "evidence": "", "files": []}
    assert "清单式，2 项指标" not in cli("--db", db, "templates").stdout  # the built-in has its nine areas
    assert f"{BUILTIN}（清单式，9 项指标，达标门槛 90%）" in cli("--db", db, "templates").stdout


def test_export_of_a_checklist_session(tmp_path):
    from fazhi_desktop.checklist.demo import add_checklist_demo
    from fazhi_desktop.db import open_db

    db_path = tmp_path / "x.db"
    db = open_db(db_path)
    sid = add_checklist_demo(db)
    db.conn.close()
    out = cli("--db", db_path, "export", "--session", sid, "--pdf", tmp_path / "汇总.pdf", "--docx", tmp_path / "汇总.docx",
              "--xlsx", tmp_path / "评定.xlsx")
    assert [line for line in out.stdout.splitlines() if not line.startswith(("fingerprint=", "export_ms="))] == [
        str(tmp_path / "汇总.pdf"), str(tmp_path / "汇总.docx"), str(tmp_path / "评定.xlsx")]
    folder = cli("--db", db_path, "export", "--session", sid, "--folder", tmp_path / "全部")
    assert "评估报告_忠县.pdf" in folder.stdout
    papers = cli("--db", db_path, "export", "--session", sid, "--papers", tmp_path / "会前", check=False)
    assert papers.returncode == 2 and "没有会前材料" in papers.stderr
