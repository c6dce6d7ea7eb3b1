"""Unit and expert imports exactly as CONTRACT.md says; every bad case refused whole."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from fazhi_desktop.errors import ImportRefused
from fazhi_desktop.imports import import_experts, import_units
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.roster import add_unit, list_experts, list_units
from fazhi_desktop.sessions import create_session


@pytest.fixture
def sid(fresh_db):
    return create_session(fresh_db, title="评议会", template=builtin_templates()[0])


def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def names(db, sid):
    return [u.name for u in list_units(db, sid)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_units_csv_in_every_encoding(fresh_db, sid, tmp_path, encoding):
    path = write_csv(tmp_path / "u.csv", "单位名称,汇报人,职务,汇报题目\n市教委,王某,副主任,教育普法\n市公安局,李某,副局长,公安普法\n",
                     encoding)
    result = import_units(fresh_db, session_id=sid, path=path)
    assert result.summary() == "已导入 2 个参评单位。"
    units = list_units(fresh_db, sid)
    assert [(u.name, u.presenter, u.presenter_title, u.report_title, u.position) for u in units] == [
        ("市教委", "王某", "副主任", "教育普法", 1), ("市公安局", "李某", "副局长", "公安普法", 2)]


def test_english_headers_trimmed_cells_and_blank_rows(fresh_db, sid, tmp_path):
    path = write_csv(tmp_path / "u.csv", "name,presenter\n\u3000市教委\u3000, 王某 \n,\n\n市民政局,\n")
    import_units(fresh_db, session_id=sid, path=path)
    assert [(u.name, u.presenter) for u in list_units(fresh_db, sid)] == [("市教委", "王某"), ("市民政局", "")]


def test_order_column_sets_presentation_order(fresh_db, sid, tmp_path):
    path = write_csv(tmp_path / "u.csv", "顺序,单位名称\n3,丙\n1,甲\n2,乙\n")
    import_units(fresh_db, session_id=sid, path=path)
    assert names(fresh_db, sid) == ["甲", "乙", "丙"]


def test_xlsx_with_title_row_and_merged_cells(fresh_db, sid, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "2023年普法履职报告评议参评单位名单"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["序号", "单位名称", "汇报人", "职务"])
    ws.append([1, "市教委", "王某", "副主任"])
    ws.append([None, None, None, None])
    ws.append([2, "市公安局 ", "李某", "副局长"])
    path = tmp_path / "u.xlsx"
    wb.save(path)
    import_units(fresh_db, session_id=sid, path=path)
    assert names(fresh_db, sid) == ["市教委", "市公安局"]


def test_bad_rows_are_each_named_by_spreadsheet_row_and_nothing_stored(fresh_db, sid, tmp_path):
    add_unit(fresh_db, session_id=sid, name="市妇联")
    path = write_csv(tmp_path / "u.csv",
                     "单位名称,顺序\n市教委,1\n,2\n市教委,3\n市妇联,4\n市公安局,x\n市民政局,1\n")
    with pytest.raises(ImportRefused) as info:
        import_units(fresh_db, session_id=sid, path=path)
    problems = info.value.problems
    assert problems == [
        "第 3 行：单位名称为空。",
        "第 4 行：单位“市教委”与第 2 行重复。",
        "第 5 行：单位“市妇联”已在本场名单中。",
        "第 6 行：顺序“x”应是正整数。",
        "第 7 行：顺序 1 与第 2 行重复。",
    ]
    assert "u.csv" in info.value.message and "未导入" in info.value.message
    assert names(fresh_db, sid) == ["市妇联"]


def test_xlsx_row_numbers_count_title_rows(fresh_db, sid, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["参评单位名单"])
    ws.append(["单位名称"])
    ws.append(["甲"])
    ws.append(["甲"])
    path = tmp_path / "u.xlsx"
    wb.save(path)
    with pytest.raises(ImportRefused) as info:
        import_units(fresh_db, session_id=sid, path=path)
    assert info.value.problems == ["第 4 行：单位“甲”与第 3 行重复。"]


@pytest.mark.parametrize("content, message", [
    ("汇报人,职务\n王某,局长\n", "找不到表头行"),
    ("单位名称,单位名称\n甲,乙\n", "出现了 2 次"),
    ("单位名称\n", "没有任何单位"),
])
def test_header_problems(fresh_db, sid, tmp_path, content, message):
    path = write_csv(tmp_path / "u.csv", content)
    with pytest.raises(ImportRefused, match=message):
        import_units(fresh_db, session_id=sid, path=path)
    assert names(fresh_db, sid) == []


def test_unreadable_files(fresh_db, sid, tmp_path):
    with pytest.raises(ImportRefused, match="找不到参评单位文件"):
        import_units(fresh_db, session_id=sid, path=tmp_path / "none.csv")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportRefused, match="无法读取这个 Excel 文件"):
        import_units(fresh_db, session_id=sid, path=bad)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportRefused, match="另存为 .xlsx"):
        import_units(fresh_db, session_id=sid, path=old)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ImportRefused):
        import_units(fresh_db, session_id=sid, path=binary)


def test_overlong_cell_refused(fresh_db, sid, tmp_path):
    path = write_csv(tmp_path / "u.csv", "单位名称,汇报题目\n甲," + "长" * 300 + "\n")
    with pytest.raises(ImportRefused, match="第 2 行：“汇报题目”过长"):
        import_units(fresh_db, session_id=sid, path=path)


def test_experts_import_and_refusals(fresh_db, sid, tmp_path):
    path = write_csv(tmp_path / "e.csv", "姓名,类别,工作单位\n周立,人大代表,全国人大代表\n陈敏,政协委员,市政协\n",
                     "gb18030")
    import_experts(fresh_db, session_id=sid, path=path)
    assert [(e.name, e.category, e.affiliation) for e in list_experts(fresh_db, sid)] == [
        ("周立", "人大代表", "全国人大代表"), ("陈敏", "政协委员", "市政协")]
    again = write_csv(tmp_path / "e2.csv", "姓名\n王晓东\n周立\n\u3000\n,\n")
    with pytest.raises(ImportRefused) as info:
        import_experts(fresh_db, session_id=sid, path=again)
    assert info.value.problems == ["第 3 行：专家“周立”已在本场评议组中。"]
    assert len(list_experts(fresh_db, sid)) == 2
