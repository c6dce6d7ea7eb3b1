"""Fuzzed CSV/XLSX files into the importers: each either imports exactly what the file says or is
refused with a Chinese message (UserError) and nothing stored; never another exception."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from fazhi_desktop.db import open_db
from fazhi_desktop.errors import UserError
from fazhi_desktop.imports import import_experts, import_units
from fazhi_desktop.library import builtin_templates
from fazhi_desktop.roster import add_expert, add_unit, list_experts, list_units
from fazhi_desktop.score_imports import import_external, import_scores
from fazhi_desktop.scoring import record_score, scores_for
from fazhi_desktop.sessions import create_session, load_template

# FUZZ_SCALE=20 in the environment runs twenty times as many examples (a deeper, slower hunt).
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
# database=None: no .hypothesis/ folder written into the source tree.
FUZZ = settings(max_examples=60 * SCALE, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25 * SCALE, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1"]
CJK_MESSAGE = re.compile(r"[\u4e00-\u9fff]")
TABLES = ["units", "experts", "scores", "audit_log", "submissions", "external_values"]


# -- the world each example imports into ---------------------------------------------------------

TEMPLATE = builtin_templates()[0]
UNIT_NAMES = ["市教委", "市公安局", "市民政局"]
EXPERT_NAMES = ["周立", "陈敏", "王晓东"]


def fresh_world():
    """An in-memory database with one draft session: 3 units, 3 experts, one stored score."""
    db = open_db(":memory:")
    sid = create_session(db, title="模糊测试评议会", template=TEMPLATE)
    for n in UNIT_NAMES:
        add_unit(db, session_id=sid, name=n)
    for n in EXPERT_NAMES:
        add_expert(db, session_id=sid, name=n)
    leaf = load_template(db, sid).leaves()[0][1]
    record_score(db, session_id=sid, expert_id=list_experts(db, sid)[0].id, unit_id=list_units(db, sid)[0].id,
                 criterion_id=leaf.id, value="5")
    return db, sid


def counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def run_import(fn, db, sid, path):
    """Call the importer; a refusal must be a UserError with a Chinese message and change nothing."""
    before = counts(db)
    try:
        return fn(db, session_id=sid, path=path)
    except UserError as exc:
        assert CJK_MESSAGE.search(str(exc)), str(exc)
        assert counts(db) == before, "a refused import stored something"
        return None


SCRATCH: list[Path] = []


@pytest.fixture(autouse=True, scope="module")
def scratch_folder(tmp_path_factory):
    """One folder for every generated file of this module (hypothesis can't take tmp_path)."""
    SCRATCH[:] = [tmp_path_factory.mktemp("fuzz")]
    yield
    shutil.rmtree(SCRATCH[0], ignore_errors=True)


def scratch(suffix: str) -> Path:
    return Path(tempfile.mkdtemp(dir=SCRATCH[0])) / f"表格{suffix}"


# -- raw bytes -----------------------------------------------------------------------------------

prefixes = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04",
                            "单位名称,汇报人\n".encode(), "专家,单位,指标,得分\n".encode("gb18030"),
                            "姓名\n".encode("utf-16")])


@FUZZ
@given(prefix=prefixes, body=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".xls", ""]),
       which=st.sampled_from([import_units, import_experts, import_scores, import_external]))
@example(prefix=b"\xff\xfe", body=b"a", suffix=".csv", which=import_units)          # odd UTF-16
@example(prefix=b"\xef\xbb\xbf", body=b"\xff", suffix=".csv", which=import_units)   # bad UTF-8 after BOM
@example(prefix=b"PK\x03\x04", body=b"\x00" * 40, suffix=".xlsx", which=import_scores)
def test_random_bytes_never_crash(prefix, body, suffix, which):
    db, sid = fresh_world()
    path = scratch(suffix)
    path.write_bytes(prefix + body)
    run_import(which, db, sid, path)


def test_random_zip_archives_are_refused(tmp_path):
    import zipfile

    cases = {
        "empty.xlsx": {},
        "no-sheet.xlsx": {"[Content_Types].xml": "<x/>"},
        "bad-xml.xlsx": {"[Content_Types].xml": "<Types", "xl/workbook.xml": "<<<"},
        "junk.xlsx": {"xl/worksheets/sheet1.xml": "\x00\x01", "xl/workbook.xml": "<workbook/>"},
    }
    for name, members in cases.items():
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as z:
            for member, text in members.items():
                z.writestr(member, text)
        db, sid = fresh_world()
        assert run_import(import_units, db, sid, path) is None


# -- CSV and XLSX shapes ---------------------------------------------------------------------------

NAME_CHARS = list("市县区局委办法治政府普法司检察院人民教育公安民政妇联万州梁平云阳ABCxyz0123456789·（）()-—_ ")
name_text = st.text(alphabet=st.sampled_from(NAME_CHARS), min_size=1, max_size=12)
padding = st.sampled_from(["", " ", "\u3000", "\t", "  \u3000"])
odd_text = st.text(alphabet=st.sampled_from(list('，,"\'\n; 甲乙abc\u3000')), max_size=8)


@st.composite
def unit_sheets(draw):
    """(rows, expected names or None when the file should be refused)."""
    english = draw(st.booleans())
    header = ["name" if english else "单位名称"]
    extras = draw(st.lists(st.sampled_from(["汇报人", "职务", "汇报题目", "备注", "presenter", "序号"]),
                           unique=True, max_size=3))
    if "汇报人" in extras and "presenter" in extras:
        extras.remove("presenter")  # the same column twice is refused: tested on its own below
    header += extras
    order = draw(st.permutations(range(len(header))))
    names = draw(st.lists(name_text, max_size=8))
    rows = []
    for name in names:
        rows.append([draw(padding) + name + draw(padding)] + [draw(odd_text) for _ in extras])
        if draw(st.integers(0, 3)) == 0:
            rows.append([""] * len(header))  # blank rows are skipped
    if draw(st.integers(0, 3)) == 0:  # a name missing while another cell is filled: a bad row
        rows.insert(draw(st.integers(0, len(rows))), [""] + ["x"] * len(extras))
    table = [[header[i] for i in order]] + [[r[i] for i in order] for r in rows]
    titles = draw(st.lists(st.sampled_from(["2023年普法履职评议参评单位名单", "附件1", ""]), max_size=2))
    table = [[t] for t in titles] + table
    kept = [r for r in rows if any(c.strip() for c in r)]
    stripped = [r[0].strip() for r in kept]
    bad = not kept or any(not n for n in stripped) or len(set(stripped)) != len(stripped)
    return table, None if bad else stripped


def csv_bytes(table, encoding, delimiter=","):
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter).writerows(table)
    return buf.getvalue().encode(encoding)


@FUZZ
@given(sheet=unit_sheets(), encoding=st.sampled_from(ENCODINGS), delimiter=st.sampled_from([",", "\t"]),
       which=st.sampled_from(["units", "experts"]))
def test_csv_shapes_and_encodings(sheet, encoding, delimiter, which):
    table, expected = sheet
    if which == "experts":
        table = [[{"单位名称": "姓名", "name": "name"}.get(c, c) for c in row] for row in table]
    try:
        data = csv_bytes(table, encoding, delimiter)
    except UnicodeEncodeError:
        assume(False)
    db, sid = fresh_world()
    path = scratch(".csv")
    path.write_bytes(data)
    fn = import_units if which == "units" else import_experts
    result = run_import(fn, db, sid, path)
    listed = list_units if which == "units" else list_experts
    base = UNIT_NAMES if which == "units" else EXPERT_NAMES
    if expected is not None and set(expected) & set(base):
        expected = None  # already on the list: refused
    stored = [x.name for x in listed(db, sid)]
    if encoding == "latin-1" and not data.isascii():
        return  # not a supported encoding: refused or read as GB18030, but never a crash or half import
    event(f"{which} {'refused' if result is None else 'imported'}")
    if expected is None:
        assert result is None, f"should have been refused: {table}"
        assert stored == base
    else:
        assert result is not None, f"should have imported: {table}"
        assert stored == base + expected


@st.composite
def xlsx_cells(draw):
    return draw(st.one_of(st.none(), name_text, st.integers(-5, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                          st.booleans(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)), odd_text))


@SLOW
@given(sheet=unit_sheets(), junk=st.lists(st.lists(xlsx_cells(), max_size=5), max_size=4),
       merge=st.booleans(), second_sheet=st.booleans())
def test_xlsx_shapes(sheet, junk, merge, second_sheet):
    table, expected = sheet
    wb = Workbook()
    ws = wb.active
    for row in table:
        ws.append([c if c != "" else None for c in row])
    if merge and ws.max_column > 1:
        ws.insert_rows(1)
        ws["A1"] = "参评单位名单"
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ws.max_column)
    if second_sheet:
        other = wb.create_sheet("其他")
        for row in junk:
            other.append(row)
    path = scratch(".xlsx")
    wb.save(path)
    db, sid = fresh_world()
    result = run_import(import_units, db, sid, path)
    stored = [u.name for u in list_units(db, sid)]
    if expected is not None and set(expected) & set(UNIT_NAMES):
        expected = None
    if expected is None:
        assert result is None
        assert stored == UNIT_NAMES
    else:
        assert result is not None, table
        assert stored == UNIT_NAMES + expected


@SLOW
@given(rows=st.lists(st.lists(xlsx_cells(), max_size=6), max_size=8))
def test_xlsx_random_cells_never_crash(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["专家", "单位", "指标", "得分"])
    for row in rows:
        ws.append(row)
    path = scratch(".xlsx")
    wb.save(path)
    db, sid = fresh_world()
    run_import(import_scores, db, sid, path)


# -- score imports: correct when valid, refused whole otherwise ------------------------------------

LEAVES = [(p, leaf) for p, leaf in TEMPLATE.leaves()]
BAD_SCORES = ["", "abc", "-1", "1e999999999", "-1e-999999999", "NaN", "Infinity", "8.555", "1,5", "一百", "999"]


@st.composite
def score_rows(draw):
    rows, expected, seen = [], {}, set()
    bad = False
    for _ in range(draw(st.integers(0, 8))):
        expert = draw(st.sampled_from(EXPERT_NAMES + (["无名氏"] if draw(st.integers(0, 9)) == 0 else [])))
        unit = draw(st.sampled_from(UNIT_NAMES + (["不存在的局"] if draw(st.integers(0, 9)) == 0 else [])))
        index = draw(st.integers(0, len(LEAVES) - 1))
        path, leaf = LEAVES[index]
        criterion = draw(st.sampled_from([leaf.name, path] if "/" in path else [leaf.name]))
        if draw(st.integers(0, 7)) == 0:
            score, ok = draw(st.sampled_from(BAD_SCORES)), False
            ok = score not in ("",) and False
        else:
            value = draw(st.decimals(min_value=0, max_value=leaf.maximum, places=draw(st.integers(0, 2)),
                                     allow_nan=False, allow_infinity=False))
            score, ok = str(value), True
        key = (expert, unit, path)
        ok = ok and expert in EXPERT_NAMES and unit in UNIT_NAMES and key not in seen
        seen.add(key)
        bad = bad or not ok
        rows.append([expert, unit, criterion, score])
        expected[(expert, unit, path)] = score
    return rows, None if bad or not rows else expected


@FUZZ
@given(data=score_rows(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       english=st.booleans())
def test_score_imports_are_all_or_nothing(data, encoding, english):
    rows, expected = data
    header = ["expert", "unit", "criterion", "score"] if english else ["专家", "单位", "指标", "得分"]
    db, sid = fresh_world()
    before = scores_for(db, sid)
    path = scratch(".csv")
    path.write_bytes(csv_bytes([header] + rows, encoding))
    result = run_import(import_scores, db, sid, path)
    event("scores refused" if result is None else "scores imported")
    after = scores_for(db, sid)
    if expected is None:
        assert result is None, rows
        assert after == before
        return
    assert result is not None, rows
    experts = {e.name: e.id for e in list_experts(db, sid)}
    units = {u.name: u.id for u in list_units(db, sid)}
    leaves = {p: leaf.id for p, leaf in load_template(db, sid).leaves()}
    want = dict(before)
    for (e, u, p), score in expected.items():
        want[(experts[e], units[u], leaves[p])] = Decimal(score)
    assert after == want


# -- things found by the fuzzing, pinned ------------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"\xff\xfe\x41",                                    # UTF-16 BOM, odd length
    b"\xef\xbb\xbf\xe5\x8d",                            # UTF-8 BOM, cut in the middle of a character
    "单位名称\n市教委\n".encode("utf-16-le"),           # UTF-16 without a BOM
])
def test_undecodable_csv_is_refused_in_chinese(tmp_path, data):
    db, sid = fresh_world()
    path = tmp_path / "u.csv"
    path.write_bytes(data)
    assert run_import(import_units, db, sid, path) is None


def test_tab_separated_file_with_a_title_row(tmp_path):
    db, sid = fresh_world()
    path = tmp_path / "u.csv"
    path.write_bytes("参评单位名单\n单位名称\t汇报人\n市国资委\t王某\n".encode("gb18030"))
    run_import(import_units, db, sid, path)
    assert [u.name for u in list_units(db, sid)] == UNIT_NAMES + ["市国资委"]


def test_huge_exponent_score_is_refused_quickly(tmp_path):
    db, sid = fresh_world()
    path = tmp_path / "s.csv"
    leaf = LEAVES[0][1].name
    path.write_text(f"专家,单位,指标,得分\n周立,市教委,{leaf},1e999999999\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是数字"):  # an exponent is not a score (issue 14)
        import_scores(db, session_id=sid, path=path)
