"""The command line of CONTRACT.md, run as a secretary or an outside check runs it:
``python main.py --db X …`` in a child process, reading stdout, stderr and the exit status."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, env_db: Path | None = None, check=True):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("FAZHI_DB", None)
    if env_db is not None:
        env["FAZHI_DB"] = str(env_db)
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                         env=env, timeout=60)
    if check:
        assert out.returncode == 0, out.stderr
    return out


def test_demo_then_sessions_and_show_json(tmp_path):
    db = tmp_path / "x.db"
    assert cli("--db", db, "demo").stdout.split() == ["1", "2"]
    assert cli("--db", db, "demo", "--if-empty").stdout == ""  # idempotent for the Quick start
    sessions = json.loads(cli("--db", db, "sessions", "--json").stdout)
    assert [(s["id"], s["status"], s["units"]) for s in sessions] == [(2, "draft", 10), (1, "finished", 11)]
    past = json.loads(cli("--db", db, "show", "--session", "1", "--json").stdout)
    for key in ("id", "title", "kind", "date", "venue", "status", "template", "units", "experts", "recusals",
                "questions", "live"):
        assert key in past
    assert past["date"] == "2020-10-27" and past["status"] == "finished"
    assert len(past["units"]) == 11 and [u["order"] for u in past["units"]] == list(range(1, 12))
    assert {"expert": "王晓东", "unit": "云阳县"} in past["recusals"]
    assert past["questions"] and all(q["unit"] and q["text"] and q["at"] for q in past["questions"])
    assert set(past["template"]) >= {"name", "criteria", "aggregation", "components", "grades", "timing"}
    ready = json.loads(cli("--db", db, "show", "--session", "2", "--json").stdout)
    assert ready["status"] == "draft" and len(ready["units"]) == 10 and len(ready["experts"]) >= 5


def test_new_with_template_file_then_imports(tmp_path):
    db = tmp_path / "x.db"
    tpl = tmp_path / "t.json"
    tpl.write_text(json.dumps({"name": "试行细则", "criteria": [{"name": "甲", "max": 60}, {"name": "乙", "max": 40}],
                               "timing": {"report_minutes": 10}}, ensure_ascii=False), encoding="utf-8")
    sid = cli("--db", db, "new", "--title", "试评议会", "--date", "2024-05-06", "--venue", "三楼",
              "--template", tpl).stdout.strip()
    assert sid == "1"
    units = tmp_path / "u.csv"
    units.write_bytes("单位名称,汇报人\n甲区,张三\n乙区,李四\n".encode("gb18030"))
    experts = tmp_path / "e.csv"
    experts.write_text("姓名,类别\n周立,专家学者\n", encoding="utf-8-sig")
    assert "2 个" in cli("--db", db, "import", "units", units, "--session", sid).stdout
    assert "1 个" in cli("--db", db, "import", "experts", experts, "--session", sid).stdout
    data = json.loads(cli("--db", db, "show", "--session", sid, "--json").stdout)
    assert [u["name"] for u in data["units"]] == ["甲区", "乙区"]
    assert data["template"]["name"] == "试行细则" and data["template"]["timing"]["report_minutes"] == 10
    # the template part of show --json is a template file again
    again = tmp_path / "again.json"
    again.write_text(json.dumps(data["template"], ensure_ascii=False), encoding="utf-8")
    assert cli("--db", db, "new", "--title", "再来", "--template", again).stdout.strip() == "2"


def test_fazhi_db_environment_sets_the_file(tmp_path):
    db = tmp_path / "env.db"
    cli("new", "--title", "环境变量", env_db=db)
    assert db.exists()
    assert "环境变量" in cli("--db", db, "sessions").stdout


@pytest.mark.parametrize("args, words", [
    (["new", "--title", "x", "--date", "2023-02-30"], ["日期", "无效"]),
    (["new", "--title", "x", "--template", "不存在的模板"], ["没有名为", "不存在的模板"]),
    (["show", "--session", "9", "--json"], ["没有编号为 9"]),
    (["show"], ["参数错误"]),
    (["import", "units", "missing.csv", "--session", "1"], ["missing.csv"]),
])
def test_refusals_exit_2_in_chinese(tmp_path, args, words):
    db = tmp_path / "x.db"
    cli("--db", db, "new", "--title", "已有")
    out = cli("--db", db, *args, check=False)
    assert out.returncode == 2
    for w in words:
        assert w in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_units_file_names_rows_and_stores_nothing(tmp_path):
    db = tmp_path / "x.db"
    cli("--db", db, "new", "--title", "评议会")
    bad = tmp_path / "u.csv"
    bad.write_text("名单\n单位名称,顺序\n甲区,1\n　　,2\n甲区,3\n", encoding="utf-8")
    out = cli("--db", db, "import", "units", bad, "--session", "1", check=False)
    assert out.returncode == 2
    assert "u.csv" in out.stderr and "第 4 行" in out.stderr and "第 5 行" in out.stderr
    assert json.loads(cli("--db", db, "show", "--session", "1", "--json").stdout)["units"] == []


def test_templates_lists_the_three_builtins_and_exports_json(tmp_path):
    db = tmp_path / "x.db"
    out = cli("--db", db, "templates").stdout
    for name in ("普法履职报告评议", "法治政府建设暨普法总结评议", "普法履职综合评议（含社会评议）"):
        assert name in out
    data = json.loads(cli("--db", db, "templates", "--export", "普法履职综合评议（含社会评议）").stdout)
    assert [c["weight"] for c in data["components"]] == [40, 40, 20]


def test_live_without_a_display_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    if sys.platform.startswith("linux"):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.db"), "live", "1"],
                             capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 2 and "显示器" in out.stderr
