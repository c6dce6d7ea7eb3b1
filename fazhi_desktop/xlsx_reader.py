"""A streaming, bounded reader for the first sheet of an XLSX file.

openpyxl trusts a sheet's ``<dimension>`` (a 5 KB file claiming A1:XFD1048576 made it build rows of
16,384 cells, gigabytes in all) and holds every shared string in memory (one string of 400 million
characters cost 3.9 GB). This reader never pads rows to a claimed size, parses with expat as the
bytes inflate (never the whole XML at once), and stops at the first cap it meets:

- the file, the zip's entries and the inflated size of each part it reads;
- rows, columns, the length of one cell and the number of shared strings;
- a DOCTYPE (entity expansion) is refused outright: no Office program writes one.

It keeps what a cell holds, and whether the cell is a formula, so score imports can refuse one.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.parsers import expat

from .errors import ImportRefused

MAX_FILE = 50 * 1024 ** 2       # the .xlsx file
MAX_PART = 64 * 1024 ** 2       # one inflated part (the sheet, the shared strings)
MAX_SMALL_PART = 4 * 1024 ** 2  # workbook.xml and its relationships
MAX_ENTRIES = 2000
MAX_ROWS = 50_000               # spreadsheet row number
MAX_COLS = 100                  # a cell beyond column CV that holds something is refused
MAX_CELL = 2000                 # characters in one cell
MAX_STRINGS = 500_000
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class TooLong:
    """A string longer than MAX_CELL: only its length is kept (never echoed in a message)."""

    def __init__(self, length: int):
        self.length = length


@dataclass
class Cell:
    value: object           # str, int, float, bool, TooLong or None
    formula: bool = False


class _Stop(Exception):
    pass


def column_name(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _parse(zf: zipfile.ZipFile, name: str, limit: int, start, end, text, fail: Callable[[str], ImportRefused]) -> None:
    """Feed one part to expat in chunks as it inflates; never more than ``limit`` bytes."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise fail("缺少工作表内容") from None
    if info.file_size > limit:
        raise fail(f"其中的 {posixpath.basename(name)} 解压后过大（{info.file_size // 1024 ** 2} MB，上限 "
                   f"{limit // 1024 ** 2} MB）")
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def doctype(*_a):
        raise fail("含有 DOCTYPE 声明（不是 Excel/WPS 保存的文件）")
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda *_a: doctype()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    total = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(256 * 1024)
            total += len(chunk)
            if total > limit:
                raise fail("内容解压后过大")
            parser.Parse(chunk, not chunk)
            if not chunk:
                break


def _sheet_path(zf: zipfile.ZipFile, fail) -> str:
    """The first sheet's part, from workbook.xml and its relationships."""
    first: list[str] = []
    targets: dict[str, str] = {}

    def wb_start(tag, attrs):
        if tag == f"{_NS_MAIN}}}sheet" and not first:
            first.append(attrs.get(f"{_NS_REL}}}id", ""))
    try:
        _parse(zf, "xl/workbook.xml", MAX_SMALL_PART, wb_start, None, None, fail)
    except ImportRefused:
        raise
    except Exception:  # noqa: BLE001 - broken XML or zip entry: not a workbook we can read
        raise fail("工作簿结构无法读取") from None

    def rel_start(tag, attrs):
        if tag.endswith("Relationship"):
            targets[attrs.get("Id", "")] = attrs.get("Target", "")
    try:
        _parse(zf, "xl/_rels/workbook.xml.rels", MAX_SMALL_PART, rel_start, None, None, fail)
    except ImportRefused:
        pass  # no relationships: fall back to the usual name below
    except Exception:  # noqa: BLE001
        pass
    if not first:
        raise fail("工作簿里没有工作表")
    target = targets.get(first[0], "worksheets/sheet1.xml")
    path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return path


def _shared_strings(zf: zipfile.ZipFile, fail) -> list[object]:
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    strings: list[object] = []
    state = {"in_si": False, "in_t": False, "skip": 0, "parts": [], "length": 0}

    def start(tag, _attrs):
        local = tag.rsplit("}", 1)[-1]
        if local == "si":
            state.update(in_si=True, parts=[], length=0)
        elif local in ("rPh", "phoneticPr"):
            state["skip"] += 1
        elif local == "t" and state["in_si"] and not state["skip"]:
            state["in_t"] = True

    def end(tag):
        local = tag.rsplit("}", 1)[-1]
        if local == "si":
            strings.append(TooLong(state["length"]) if state["length"] > MAX_CELL else "".join(state["parts"]))
            state["in_si"] = False
            if len(strings) > MAX_STRINGS:
                raise fail(f"共享字符串超过 {MAX_STRINGS} 个")
        elif local in ("rPh", "phoneticPr"):
            state["skip"] -= 1
        elif local == "t":
            state["in_t"] = False

    def text(data):
        if state["in_t"]:
            state["length"] += len(data)
            if state["length"] <= MAX_CELL:
                state["parts"].append(data)
    _parse(zf, "xl/sharedStrings.xml", MAX_PART, start, end, text, fail)
    return strings


def read_first_sheet(path: Path) -> list[tuple[int, list[Cell]]]:
    """(spreadsheet row number, cells) of the first sheet, rows without any value left out."""
    def fail(why: str) -> ImportRefused:
        return ImportRefused(f"{path.name}：{why}，未导入任何内容。")

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(f"{path.name}：无法读取文件（{exc.strerror or exc}），未导入任何内容。") from exc
    if size > MAX_FILE:
        raise fail(f"文件过大（{size // 1024 ** 2} MB，上限 {MAX_FILE // 1024 ** 2} MB）")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRefused(f"{path.name}：无法读取这个 Excel 文件（文件损坏或不是 .xlsx 格式），未导入任何内容。") from None
    try:
        with zf:
            if len(zf.infolist()) > MAX_ENTRIES:
                raise fail("压缩包里的文件过多")
            try:
                sheet = _sheet_path(zf, fail)
                strings = _shared_strings(zf, fail)
                return _rows(zf, sheet, strings, fail)
            except ImportRefused:
                raise
            except (expat.ExpatError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError,
                    RecursionError, MemoryError, UnicodeError):
                raise fail("Excel 文件内容损坏") from None
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a crafted zip raises: can't read it
        raise ImportRefused(f"{path.name}：无法读取这个 Excel 文件（{type(exc).__name__}），未导入任何内容。") from None


def _rows(zf: zipfile.ZipFile, sheet: str, strings: list[object], fail) -> list[tuple[int, list[Cell]]]:
    rows: list[tuple[int, list[Cell]]] = []
    cur: dict = {"row": 0, "cells": {}, "col": -1, "type": None, "formula": False, "text": None, "len": 0,
                 "in": None}

    def start(tag, attrs):
        local = tag.rsplit("}", 1)[-1]
        if local == "row":
            number = attrs.get("r")
            cur["row"] = int(number) if number and number.isdigit() else cur["row"] + 1
            if cur["row"] > MAX_ROWS:
                raise fail(f"第 {cur['row']} 行超出上限（最多 {MAX_ROWS} 行）")
            cur["cells"] = {}
            cur["col"] = -1
        elif local == "c":
            m = _REF.match(attrs.get("r", ""))
            cur["col"] = _column(m.group(1)) if m else cur["col"] + 1
            cur.update(type=attrs.get("t", "n"), formula=False, text=None, len=0)
        elif local == "f":
            cur["formula"] = True
            cur["in"] = "f"
        elif local in ("v", "t"):
            cur["in"] = local
            if cur["text"] is None:
                cur["text"] = []

    def text(data):
        if cur["in"] in ("v", "t"):
            cur["len"] += len(data)
            if cur["len"] <= MAX_CELL:
                cur["text"].append(data)

    def end(tag):
        local = tag.rsplit("}", 1)[-1]
        if local in ("v", "t", "f"):
            cur["in"] = None
        elif local == "c":
            value = _value(cur, strings)
            if value is not None or cur["formula"]:
                if cur["col"] >= MAX_COLS:
                    raise fail(f"第 {cur['row']} 行第 {column_name(cur['col'])} 列超出上限（最多 {MAX_COLS} 列）")
                cur["cells"][cur["col"]] = Cell(value, cur["formula"])
        elif local == "row":
            if cur["cells"]:
                width = max(cur["cells"]) + 1
                rows.append((cur["row"], [cur["cells"].get(i, Cell(None)) for i in range(width)]))
    _parse(zf, sheet, MAX_PART, start, end, text, fail)
    return rows


def _value(cur: dict, strings: list[object]) -> object:
    if cur["text"] is None:
        return None
    if cur["len"] > MAX_CELL:
        return TooLong(cur["len"])
    raw = "".join(cur["text"])
    kind = cur["type"]
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            return None
    if kind in ("inlineStr", "str", "e", "d"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    try:
        number = float(raw)
    except ValueError:
        return raw
    if number != number or number in (float("inf"), float("-inf")):
        return raw
    return int(number) if number.is_integer() and abs(number) < 2 ** 53 else number
