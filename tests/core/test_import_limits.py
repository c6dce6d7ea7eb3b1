"""File imports tried as an attacker would (issue 14): bombs refused fast with bounded memory and
a short message, formulas and garbage scores refused naming the row, mixed encodings and invisible
characters caught, caps on units and experts; never a traceback."""
from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from fazhi_desktop.errors import UserError
from fazhi_desktop.imports import import_experts, import_units
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.roster import MAX_EXPERTS, MAX_UNITS, add_expert, add_unit, list_units
from fazhi_desktop.score_imports import import_scores
from fazhi_desktop.scoring import scores_for
from fazhi_desktop.sessions import create_session, load_template

ROOT = Path(__file__).resolve().parents[2]
WB = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def xlsx(path: Path, sheet_rows: str, *, dimension: str = "A1:D3", shared=None) -> Path:
    """A minimal workbook written by hand; ``shared`` is a list of strings or a callable that streams
    the sharedStrings part into an open zip entry."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", WB)
        zf.writestr("xl/_rels/workbook.xml.rels", RELS)
        zf.writestr("xl/worksheets/sheet1.xml",
                    f'<worksheet {NS}><dimension ref="{dimension}"/><sheetData>{sheet_rows}</sheetData></worksheet>')
        if callable(shared):
            with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
                shared(out)
        elif shared is not None:
            items = "".join(f"<si><t>{s}</t></si>" for s in shared)
            zf.writestr("xl/sharedStrings.xml", f'<sst {NS}>{items}</sst>')
    return path


def cells(row: int, *values: str, formula_at: int | None = None) -> str:
    out = []
    for i, v in enumerate(values):
        ref = f"{'ABCD'[i]}{row}"
        if i == formula_at:
            out.append(f'<c r="{ref}"><f>SUM(1,7)</f><v>{v}</v></c>')
        elif v.replace(".", "").isdigit():
            out.append(f'<c r="{ref}"><v>{v}</v></c>')
        else:
            out.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
    return f'<row r="{row}">{"".join(out)}</row>'


@pytest.fixture
def sid(fresh_db):
    s = create_session(fresh_db, title="导入测试", template=builtin_templates()[0])
    add_unit(fresh_db, session_id=s, name="市教委")
    add_expert(fresh_db, session_id=s, name="周立")
    return s


def measured(fn):
    tracemalloc.start()
    began = time.perf_counter()
    try:
        with pytest.raises(UserError) as err:
            fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return err.value, time.perf_counter() - began, peak


def test_far_dimension_is_ignored_and_a_row_past_the_cap_refused_fast(fresh_db, sid, tmp_path):
    ok = xlsx(tmp_path / "ok.xlsx", cells(1, "单位名称") + cells(2, "市公安局"), dimension="A1:XFD1048576")
    assert ok.stat().st_size < 5 * 1024
    import_units(fresh_db, session_id=sid, path=ok)
    assert [u.name for u in list_units(fresh_db, sid)] == ["市教委", "市公安局"]
    far = xlsx(tmp_path / "far.xlsx", cells(1, "单位名称") + cells(2, "市民政局") +
               '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
               dimension="A1:XFD1048576")
    error, elapsed, peak = measured(lambda: import_units(fresh_db, session_id=sid, path=far))
    assert "第 1048576 行超出上限" in str(error)
    assert elapsed < 2 and peak < 30 * 1024 ** 2
    assert [u.name for u in list_units(fresh_db, sid)] == ["市教委", "市公安局"]


def test_a_column_past_the_cap_is_refused(fresh_db, sid, tmp_path):
    wide = xlsx(tmp_path / "wide.xlsx", cells(1, "单位名称") + '<row r="2"><c r="A2" t="inlineStr"><is><t>市局</t>'
                '</is></c><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>')
    with pytest.raises(UserError, match="第 2 行第 XFD 列超出上限"):
        import_units(fresh_db, session_id=sid, path=wide)


def test_a_huge_shared_string_is_refused_fast_with_bounded_memory(fresh_db, sid, tmp_path):
    def stream(out):
        out.write(f'<sst {NS}><si><t>'.encode())
        chunk = b"x" * (1024 * 1024)
        for _ in range(100):  # 100 million characters (the file had 400 million)
            out.write(chunk)
        out.write(b"</t></si></sst>")
    bomb = xlsx(tmp_path / "bomb.xlsx", cells(1, "单位名称") + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
                shared=stream)
    assert bomb.stat().st_size < 1024 ** 2
    error, elapsed, peak = measured(lambda: import_units(fresh_db, session_id=sid, path=bomb))
    message = str(error)
    assert "sharedStrings.xml 解压后过大" in message and len(message) < 200 and "xxxxxxxxxx" not in message
    assert elapsed < 2 and peak < 30 * 1024 ** 2, (elapsed, peak)


def test_a_long_cell_is_named_not_echoed(fresh_db, sid, tmp_path):
    long = xlsx(tmp_path / "long.xlsx", cells(1, "单位名称") + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
                shared=["长" * 10_000])
    with pytest.raises(UserError) as err:
        import_units(fresh_db, session_id=sid, path=long)
    assert "第 2 行第 A 列的内容过长（10000 个字" in str(err.value) and "长长长长长" not in str(err.value)


def test_formula_cells_are_refused_in_score_imports(fresh_db, sid, tmp_path):
    leaf = load_template(fresh_db, sid).leaves()[0][1].name
    f = xlsx(tmp_path / "f.xlsx", cells(1, "专家", "单位", "指标", "得分") + cells(2, "周立", "市教委", leaf, "8",
                                                                                formula_at=3))
    with pytest.raises(UserError) as err:
        import_scores(fresh_db, session_id=sid, path=f)
    assert "第 2 行" in str(err.value) and "“得分”列是公式" in str(err.value)
    assert scores_for(fresh_db, sid) == {}


def test_a_csv_that_mixes_encodings_is_refused_naming_the_row(fresh_db, sid, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("单位名称,汇报人\n".encode("gb18030") + "市公安局,王某\n市民政局,李某\n".encode("utf-8"))
    with pytest.raises(UserError) as err:
        import_units(fresh_db, session_id=sid, path=path)
    assert "第 2 行的编码（UTF-8）与第 1 行（GB18030）不同" in str(err.value)
    assert [u.name for u in list_units(fresh_db, sid)] == ["市教委"]


@pytest.mark.parametrize("value", ["1_0", "1e1", "٨", "5，5", "0e-999999999", "+8", "8.", ".5", "1 0", "0x8",
                                   "8.5.1", "NaN", "８٫５"])
def test_scores_other_than_plain_digits_are_refused(fresh_db, sid, tmp_path, value):
    leaf = load_template(fresh_db, sid).leaves()[0][1].name
    path = tmp_path / "s.csv"
    path.write_text(f"专家,单位,指标,得分\n周立,市教委,{leaf},{value}\n", encoding="utf-8")
    with pytest.raises(UserError, match="第 2 行.*不是数字"):
        import_scores(fresh_db, session_id=sid, path=path)


def test_full_width_digits_are_a_score(fresh_db, sid, tmp_path):
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    path = tmp_path / "s.csv"
    path.write_text(f"专家,单位,指标,得分\n周立,市教委,{leaf.name},８．５\n", encoding="utf-8")
    import_scores(fresh_db, session_id=sid, path=path)
    assert [str(v) for v in scores_for(fresh_db, sid).values()] == ["8.5"]


def test_control_and_invisible_characters_in_names(fresh_db, sid, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("单位名称\n市公安\x0b局\n市民\u200b政局\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        import_units(fresh_db, session_id=sid, path=path)
    assert "第 2 行" in str(err.value) and "U+000B" in str(err.value)
    assert "第 3 行" in str(err.value) and "U+200B" in str(err.value)
    path.write_text("单位名称\n市公安局\u200b\n", encoding="utf-8")
    result = import_units(fresh_db, session_id=sid, path=path)
    assert [u.name for u in list_units(fresh_db, sid)][-1] == "市公安局"
    assert "第 2 行" in result.summary() and "不可见字符" in result.summary()
    with pytest.raises(UserError, match="不可见或控制字符"):
        add_unit(fresh_db, session_id=sid, name="市\x0b司法局")


def test_caps_on_units_and_experts(fresh_db, sid, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("单位名称\n" + "".join(f"单位{i}\n" for i in range(MAX_UNITS)), encoding="utf-8")
    with pytest.raises(UserError, match=f"超过上限 {MAX_UNITS} 个"):
        import_units(fresh_db, session_id=sid, path=path)
    path.write_text("姓名\n" + "".join(f"专家{i}\n" for i in range(MAX_EXPERTS)), encoding="utf-8")
    with pytest.raises(UserError, match=f"超过上限 {MAX_EXPERTS} 位"):
        import_experts(fresh_db, session_id=sid, path=path)


def cli(db_path, *args, **kw):
    return subprocess.run([sys.executable, "main.py", "--db", str(db_path), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, **kw)


def test_a_one_megabyte_csv_field_is_a_clear_refusal(fresh_db, sid, db_path, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("单位名称,汇报题目\n市公安局,\"" + "长" * (1024 * 1024) + "\"\n", encoding="utf-8")
    fresh_db.conn.close()
    r = cli(db_path, "import", "units", str(path), "--session", str(sid))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "第 2 行第 B 列的内容过长" in r.stderr and len(r.stderr) < 400


def test_two_concurrent_imports_of_one_file(fresh_db, sid, db_path, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text("单位名称\n" + "".join(f"单位{i}\n" for i in range(40)), encoding="utf-8")
    fresh_db.conn.close()
    cmd = [sys.executable, "main.py", "--db", str(db_path), "import", "units", str(path), "--session", str(sid)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert sorted(code for code, _e in results) == [0, 2, 2], results
    assert all("Traceback" not in err and "IntegrityError" not in err for _c, err in results)
