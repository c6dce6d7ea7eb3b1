"""The indicator table (一级/二级/三级/评估要点/佐证要求, merged cells) and ``import ratings``: as strict
as the score imports — any bad row refuses the file, each named by its row, nothing stored."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from fazhi_desktop.checklist.evidence import list_evidence
from fazhi_desktop.checklist.indicators import import_indicators, read_indicator_table
from fazhi_desktop.checklist.ratings import ratings_for
from fazhi_desktop.errors import ImportRefused, UserError
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.rating_imports import import_ratings
from fazhi_desktop.roster import add_unit
from fazhi_desktop.scoring import audit_log
from fazhi_desktop.sessions import create_session, load_template

from .conftest import make_session


def indicator_xlsx(path, rows, *, merge=()):
    wb = Workbook()
    ws = wb.active
    ws.append(["市县法治政府建设示范指标体系（2021年版）"])  # a title row above the header
    ws.append(["一级指标", "二级指标", "序号", "三级指标", "评估要点", "佐证要求"])
    for row in rows:
        ws.append(row)
    for cells in merge:
        ws.merge_cells(cells)
    wb.save(path)
    return path


ROWS = [
    ["一、政府职能依法全面履行", "1.加大简政放权力度", 1, "全面普及“马上办、网上办”", "办理时限压缩", "政务服务事项清单"],
    [None, None, 2, "依法实施行政许可，无变相许可", "", "行政许可事项清单"],
    [None, "2.优化营商环境", 3, "落实市场准入负面清单", "", ""],
    ["二、依法行政制度体系完善", "3.加强规范性文件监督管理", 4, "规范性文件合法性审核率100%", "", "审核台账"],
]


def test_merged_indicator_table_builds_the_tree(tmp_path):
    path = indicator_xlsx(tmp_path / "指标表.xlsx", ROWS, merge=("A3:A5", "B3:B4"))
    table = read_indicator_table(path)
    assert table.counts == (2, 3, 4)
    assert table.summary() == "2 项一级指标、3 项二级指标、4 项三级指标，共 4 项评估指标。"
    first = table.criteria[0]
    assert first.name == "政府职能依法全面履行"  # 一、 dropped
    assert [c.name for c in first.children] == ["加大简政放权力度", "优化营商环境"]
    leaf = first.children[0].children[0]
    assert (leaf.name, leaf.description, leaf.evidence_required) == ("全面普及“马上办、网上办”", "办理时限压缩", "政务服务事项清单")


def test_bad_rows_refuse_the_table(tmp_path):
    rows = [[None, "1.无一级", 1, "甲", "", ""],
            ["一、甲", "1.乙", 2, "丙", "", ""],
            [None, None, 3, "丙", "", ""]]
    with pytest.raises(ImportRefused) as err:
        read_indicator_table(indicator_xlsx(tmp_path / "坏.xlsx", rows))
    assert err.value.problems == ["第 3 行：一级指标为空（上面也没有可沿用的一级指标）。",
                                  "第 5 行：指标“丙”与第 4 行重名（同在“乙”之下）。"]


def test_import_indicators_into_the_builtin_checklist(fresh_db, tmp_path):
    builtin = next(t for t in builtin_templates() if t.is_checklist)
    sid = create_session(fresh_db, title="示范创建评估", template=builtin)
    import_indicators(fresh_db, session_id=sid, path=indicator_xlsx(tmp_path / "指标表.xlsx", ROWS))
    t = load_template(fresh_db, sid)
    assert t.name == builtin.name and t.threshold == 90 and len(t.leaves()) == 4
    scored = create_session(fresh_db, title="评议会", template=builtin_templates()[0])
    with pytest.raises(UserError, match="打分式"):
        import_indicators(fresh_db, session_id=scored, path=tmp_path / "指标表.xlsx")


def ratings_csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_import_ratings_stores_notes_evidence_and_audits_replacements(fresh_db, tmp_path):
    sid = make_session(fresh_db, {"职能": 2, "制度": 1}, units=("甲县", "乙县"))
    (tmp_path / "清单.pdf").write_bytes(b"%PDF list")
    path = ratings_csv(tmp_path / "评定.csv",
                       "单位,指标,评定,说明,佐证\n"
                       "甲县,职能1,达标,,《权责清单》；清单.pdf\n"
                       "甲县,职能/职能2,部分达标,清单未公开,\n"
                       "甲县,3,不适用,无此事项,\n"
                       "乙县,职能1,未达标,,\n")
    result = import_ratings(fresh_db, session_id=sid, path=path)
    assert result.summary() == "已导入 4 个评定。"
    got = {(u, c): r for (u, c), r in ratings_for(fresh_db, sid).items()}
    codes = sorted(r.rating for r in got.values())
    assert codes == ["met", "not_applicable", "partial", "unmet"]
    assert {r.evidence_text for r in got.values()} >= {"《权责清单》"}
    assert [e.name for e in list_evidence(fresh_db, sid)] == ["清单.pdf"]
    ratings_csv(path, "单位,指标,评定\n乙县,职能1,达标\n")
    import_ratings(fresh_db, session_id=sid, path=path)
    entry = audit_log(fresh_db, sid)[-1]
    assert (entry["action"], entry["unit"], entry["before"], entry["after"]) == ("导入替换评定", "乙县", "未达标", "达标")


def test_a_bad_word_refuses_the_file_with_its_row_and_stores_nothing(fresh_db, tmp_path):
    sid = make_session(fresh_db, {"职能": 3}, units=("甲县", "乙县"))
    path = ratings_csv(tmp_path / "评定.csv",
                       "单位,指标,评定,佐证\n"
                       "甲县,职能1,达标,\n"
                       "甲县,职能2,基本达标,\n"
                       "丙县,职能1,达标,\n"
                       "甲县,职能1,未达标,\n"
                       "甲县,职能,达标,\n"
                       "甲县,职能3,,\n"
                       "甲县,9,达标,\n"
                       "乙县,职能2,达标,扫描件.pdf\n")
    with pytest.raises(ImportRefused) as err:
        import_ratings(fresh_db, session_id=sid, path=path)
    assert err.value.problems == [
        "第 3 行：评定“基本达标”无效，只能是：达标、部分达标、未达标、不适用。",
        "第 4 行：本场没有参评单位“丙县”。",
        "第 5 行：与第 2 行重复（同一单位、指标：甲县 / 职能/职能1）。",
        "第 6 行：“职能”不是末级指标，只能评定末级指标。",
        "第 7 行：评定为空。",
        "第 8 行：指标序号 9 超出范围（本场共 3 项指标）。",
        f"第 9 行：佐证文件“扫描件.pdf”不存在（在 {tmp_path} 下找不到）。",
    ]
    assert "整个文件未导入" in err.value.message
    assert ratings_for(fresh_db, sid) == {}


def test_import_ratings_on_a_scored_session_is_refused(fresh_db, tmp_path):
    sid = create_session(fresh_db, title="评议会", template=builtin_templates()[0])
    add_unit(fresh_db, session_id=sid, name="市教委")
    with pytest.raises(UserError, match="import scores"):
        import_ratings(fresh_db, session_id=sid, path=ratings_csv(tmp_path / "r.csv", "单位,指标,评定\n市教委,x,达标\n"))
