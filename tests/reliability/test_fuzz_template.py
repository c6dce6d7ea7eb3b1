"""Fuzzed template JSON into parse_template / load_template_file: a checked Template that survives
a round trip, or a TemplateError with a Chinese message; never another exception."""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fazhi_desktop.errors import TemplateError, UserError
from fazhi_desktop.template import Template, load_template_file, parse_template

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = settings(max_examples=150 * SCALE, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
CJK = re.compile(r"[\u4e00-\u9fff]")

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                    st.text(max_size=6), st.sampled_from(["mean", "trimmed_mean", "experts", "external", "1e999999999",
                                                          "NaN", "-0", "20", "8.5", "１０"]))
any_json = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.text(max_size=6), inner, max_size=4)),
                        max_leaves=25)
numbers = st.one_of(st.integers(-5, 200), st.floats(-5, 200, allow_nan=False), st.sampled_from(
    [0, 0.5, "10", "abc", None, True, [], {}, "1e999999999", 1e308, "-1E-999999999", "sNaN"]))
names = st.one_of(st.sampled_from(["普法责任制", "社会普法", "创新", "实效", "a/b", "", "  ", "普法责任制"]),
                  st.text(max_size=5), st.integers(), st.none(), st.lists(st.text(max_size=2), max_size=2))


def criteria(depth: int = 0):
    leaf = st.fixed_dictionaries({"name": names}, optional={"max": numbers, "description": any_json})
    if depth >= 3:
        return st.lists(leaf, max_size=3)
    node = st.fixed_dictionaries({"name": names}, optional={"children": criteria(depth + 1), "max": numbers})
    return st.lists(st.one_of(leaf, node, any_json), max_size=4)


templates = st.fixed_dictionaries(
    {"name": names, "criteria": criteria()},
    optional={
        "aggregation": st.one_of(st.sampled_from(["mean", "trimmed_mean", "median"]), any_json),
        "components": st.one_of(any_json, st.lists(st.fixed_dictionaries(
            {"name": names, "weight": numbers}, optional={"source": st.one_of(
                st.sampled_from(["experts", "external", "x"]), any_json)}), max_size=3)),
        "grades": st.one_of(any_json, st.lists(st.fixed_dictionaries({"name": names, "min": numbers}), max_size=4)),
        "timing": st.one_of(any_json, st.fixed_dictionaries({}, optional={
            "report_minutes": numbers, "qa_minutes": numbers, "warn_minutes": numbers})),
    })


def check(data) -> Template | None:
    started = time.monotonic()
    try:
        template = parse_template(data)
    except TemplateError as exc:
        assert CJK.search(str(exc)) and exc.problems or CJK.search(exc.message), str(exc)
        template = None
    assert time.monotonic() - started < 2, "parsing must never hang on a crafted number"
    if template is not None:
        # A template that was accepted can be saved and read back unchanged.
        again = parse_template(json.loads(template.to_json()))
        assert again.to_dict() == template.to_dict()
        assert template.leaves() and template.total_max > 0
    return template


@FUZZ
@given(data=any_json)
@example(data={"name": "x", "criteria": [], "aggregation": ["mean"]})
@example(data={"name": "x", "criteria": [{"name": "a", "max": 10}], "components": [{"name": "c", "weight": 1,
                                                                                    "source": []}]})
def test_any_json_value(data):
    check(data)


@FUZZ
@given(data=templates)
@example(data={"name": "大", "criteria": [{"name": "a", "max": "1e999999999"}]})
@example(data={"name": "大", "criteria": [{"name": "a", "max": 10}],
               "components": [{"name": "专家", "weight": "1e999999999", "source": "experts"}]})
def test_template_shaped_json(data):
    check(data)


def test_valid_template_is_accepted():
    template = check({"name": "普法履职", "criteria": [{"name": "普法责任制", "max": 20},
                                                      {"name": "社会普法", "children": [{"name": "宣传", "max": 10},
                                                                                     {"name": "覆盖", "max": 15}]}]})
    assert template is not None and template.total_max == 45


@pytest.mark.parametrize("value", ["1e999999999", 1e308, "1e30"])
def test_absurd_maximum_is_refused_with_a_message(value):
    with pytest.raises(TemplateError, match="过大"):
        parse_template({"name": "大", "criteria": [{"name": "a", "max": value}]})


SCRATCH: list[Path] = []


@pytest.fixture(autouse=True, scope="module")
def scratch_folder(tmp_path_factory):
    SCRATCH[:] = [tmp_path_factory.mktemp("fuzz-tpl")]
    yield
    shutil.rmtree(SCRATCH[0], ignore_errors=True)


def _file(data: bytes) -> Path:
    path = Path(tempfile.mkdtemp(dir=SCRATCH[0])) / "模板.json"
    path.write_bytes(data)
    return path


@FUZZ
@given(data=st.one_of(st.binary(max_size=300),
                      any_json.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")),
                      templates.map(lambda v: json.dumps(v, ensure_ascii=False).encode(
                          "utf-16" if len(str(v)) % 5 == 0 else "utf-8-sig"))))
@example(data=b"[" * 100_000)
@example(data=b'{"name": "x", "criteria": [{"name": "a", "max": 1e999}]}')
def test_template_files(data):
    path = _file(data)
    try:
        template = load_template_file(path)
    except UserError as exc:
        assert CJK.search(str(exc)), str(exc)
        return
    check(template.to_dict())
