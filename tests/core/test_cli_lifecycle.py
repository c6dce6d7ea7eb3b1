"""`finish`, `seal` and `reopen` on the command line: the same rules as the window."""
from __future__ import annotations

import json

from fazhi_desktop.cli import run


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def _session(tmp_path, capsys) -> tuple[str, str]:
    db = str(tmp_path / "cli.db")
    assert run(["--db", db, "new", "--title", "命令行评议", "--template", "普法履职报告评议"]) == 0
    sid = capsys.readouterr().out.strip()
    assert run(["--db", db, "import", "units", write(tmp_path / "u.csv", "单位名称\n甲局\n乙局\n"), "--session", sid]) == 0
    assert run(["--db", db, "import", "experts", write(tmp_path / "x.csv", "姓名\n周立\n陈敏\n"), "--session", sid]) == 0
    capsys.readouterr()
    return db, sid


LEAVES = ["普法责任制机制建设", "系统内学法用法", "重点对象普法", "新媒体普法", "创新普法形式", "普法实效"]


def _scores(tmp_path, sheets) -> str:
    lines = ["专家,单位,指标,得分"] + [f"{e},{u},{c},{v}" for (e, u), vs in sheets.items() for c, v in zip(LEAVES, vs)]
    return write(tmp_path / "s.csv", "\n".join(lines))


def test_finish_refuses_with_every_gap_then_ends_once_paper_scores_are_in(tmp_path, capsys):
    db, sid = _session(tmp_path, capsys)
    half = {("周立", "甲局"): [18, 18, 9, 13, 14, 18], ("陈敏", "甲局"): [18, 17, 8, 14, 13, 18],
            ("周立", "乙局"): [16, 16, 8, 12, 12, 16]}
    assert run(["--db", db, "import", "scores", _scores(tmp_path, half), "--session", sid]) == 0
    capsys.readouterr()
    assert run(["--db", db, "finish", "--session", sid]) == 2
    err = capsys.readouterr().err
    assert "还有 1 份评分未完成" in err and "乙局 / 陈敏：未评分（6 项）" in err
    assert run(["--db", db, "sessions", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "draft"
    rest = {("陈敏", "乙局"): [15, 16, 8, 12, 12, 16]}
    assert run(["--db", db, "import", "scores", _scores(tmp_path, rest), "--session", sid]) == 0
    capsys.readouterr()
    assert run(["--db", db, "finish", "--session", sid]) == 0
    assert "结束时一并提交了 4 份" in capsys.readouterr().out  # imported paper sheets count as submitted
    # a finished session takes no more scores, with the way back named
    assert run(["--db", db, "import", "scores", _scores(tmp_path, rest), "--session", sid]) == 2
    assert "重新打开" in capsys.readouterr().err


def test_finish_with_an_override_seal_prints_the_fingerprint_and_reopen_needs_a_reason(tmp_path, capsys):
    db, sid = _session(tmp_path, capsys)
    assert run(["--db", db, "seal", "--session", sid]) == 2
    assert "尚未结束" in capsys.readouterr().err
    assert run(["--db", db, "finish", "--session", sid, "--override", "专家评分表另行归档"]) == 0
    assert "4 份已记入审计日志" in capsys.readouterr().out
    assert run(["--db", db, "reopen", "--session", sid, "--reason", " "]) == 2
    assert "需要填写原因" in capsys.readouterr().err
    assert run(["--db", db, "reopen", "--session", sid, "--reason", "补录"]) == 0
    assert run(["--db", db, "finish", "--session", sid, "--override", "补录后仍缺"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "seal", "--session", sid]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("fingerprint=") and len(line) == len("fingerprint=") + 64
    assert run(["--db", db, "export", "--session", sid, "--pdf", str(tmp_path / "m.pdf")]) == 0
    full = line.split("=")[1]  # the documents carry its short form
    assert f"fingerprint={full[:4]}-{full[4:8]}-{full[8:12]}".upper() in capsys.readouterr().out.upper()
    assert run(["--db", db, "seal", "--session", sid]) == 2
    assert "已经封盘" in capsys.readouterr().err
    assert run(["--db", db, "import", "units", write(tmp_path / "u2.csv", "单位名称\n丙局\n"), "--session", sid]) == 2
    assert "封盘后更正" in capsys.readouterr().err
