"""The papers printed before the meeting: 议程 with planned times, 签到表, the blank 评分表 per
expert and a 桌签 per expert; from run_export and from ``export --papers``."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from fazhi_desktop import cli
from fazhi_desktop.demo import CITY_UNITS, PANEL_2023
from fazhi_desktop.errors import UserError
from fazhi_desktop.export import FILE_NAMES, PAPER_KINDS, run_export
from fazhi_desktop.export.papers import CLOSING, OPENING_MIN, SCORING_MIN
from fazhi_desktop.sessions import load_template

from .conftest import page_texts, pdf_pages, pdffonts, squeeze


def test_agenda_lists_every_unit_in_order_with_planned_times(exported):
    text = squeeze("".join(page_texts(exported["papers"] / FILE_NAMES["agenda"])))
    timing = load_template(exported["db"], exported["ready"]).timing
    slot = float(timing.report_minutes + timing.qa_minutes) + SCORING_MIN
    clock = datetime.strptime("08:30", "%H:%M") + timedelta(minutes=OPENING_MIN)
    assert "市级普法责任单位普法履职报告评议会议程" in text and "08:30—08:35" in text
    at = 0
    for name, report in CITY_UNITS:
        end = clock + timedelta(minutes=slot)
        stamp = f"{clock:%H:%M}—{end:%H:%M}"
        assert text.find(stamp, at) >= 0 and text.find(name, at) >= 0, name
        at = text.find(name, at)
        clock = end
    end = clock + timedelta(minutes=sum(m for _w, m in CLOSING))
    assert f"{end:%H:%M}" in text and "以上为计划时间" in text
    assert "数据指纹" not in text and "草稿" not in text


def test_sign_in_sheet_has_every_expert_and_unit_with_room_to_sign(exported):
    text = squeeze("".join(page_texts(exported["papers"] / FILE_NAMES["signin"])))
    assert "签到表" in text and "一、评议专家" in text and "二、参评单位" in text
    for name, _c, _a in PANEL_2023:
        assert name in text
    for name, _r in CITY_UNITS:
        assert name in text


def test_table_cards_one_page_per_expert_readable_from_both_sides(exported):
    path = exported["papers"] / FILE_NAMES["cards"]
    pages = page_texts(path)
    assert len(pages) == len(PANEL_2023)
    for page, (name, _c, _a) in zip(pages, PANEL_2023):
        assert squeeze(page).count(name) == 2  # the name on both halves
    assert all(f["emb"] == "yes" for f in pdffonts(path))


def test_blank_score_sheets_are_among_the_papers(exported):
    assert pdf_pages(exported["papers"] / FILE_NAMES["blank"]) == len(PANEL_2023)
    assert {p.name for p in exported["papers_result"].files} == {FILE_NAMES[k] for k in PAPER_KINDS}


def test_cli_papers_flag_and_start_time(demo_db, db_path, tmp_path, capsys):
    demo_db.conn.close()
    code = cli.run(["--db", str(db_path), "export", "--session", "2", "--papers", str(tmp_path / "p"),
                    "--start", "14:00"])
    out = capsys.readouterr().out
    assert code == 0 and "fingerprint=" in out
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == sorted(FILE_NAMES[k] for k in PAPER_KINDS)
    assert "14:00—14:05" in squeeze(page_texts(tmp_path / "p" / FILE_NAMES["agenda"])[0])
    assert cli.run(["--db", str(db_path), "export", "--session", "2", "--papers", str(tmp_path / "q"),
                    "--start", "25:99"]) == 2
    assert "开始时间" in capsys.readouterr().err


def test_a_bad_start_time_is_refused_before_anything_is_written(demo_db, tmp_path):
    with pytest.raises(UserError, match="开始时间"):
        run_export(demo_db, 2, tmp_path / "p", kinds=["agenda"], start="9点")
    assert not (tmp_path / "p").exists()
