"""Reading CSV and XLSX tables the way secretaries make them.

- CSV: UTF-8, UTF-8 with BOM, GB18030 (GBK/GB2312), UTF-16 with BOM; detected, not asked.
- XLSX: the first sheet; merged cells and title rows above the header are fine.
- The header row is the first row holding a required column's name (Chinese or English).
- Cells are trimmed (full-width spaces too); blank rows are skipped.
- Row numbers are spreadsheet rows: the first line of a CSV is row 1.
- Limits: file size, rows, columns and the length of one cell (the XLSX reader streams, see
  xlsx_reader.py); a CSV whose lines change encoding (a GB18030 header over UTF-8 rows) is refused
  naming the first line where it changes, rather than read as mojibake.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRefused


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool = False

    def matches(self, header: str) -> bool:
        text = header.strip().rstrip("*＊").strip()
        return text == self.zh or text.lower() == self.en


@dataclass
class Row:
    number: int  # spreadsheet row number
    values: dict[str, str]
    formulas: frozenset[str] = frozenset()  # keys of the columns whose cell is a formula (XLSX)
    trimmed: tuple[str, ...] = ()  # keys whose cell had invisible characters trimmed at its ends


MAX_CSV_BYTES = 20 * 1024 ** 2
MAX_ROWS = 50_000
MAX_COLS = 100
MAX_CELL = 2000


def cell_text(value: object) -> str:
    """A cell as trimmed text; numbers keep their shortest form (90.0 → '90', 8.5 → '8.5')."""
    from .xlsx_reader import Cell, TooLong

    if isinstance(value, Cell):
        value = value.value
    if isinstance(value, TooLong):
        return ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 text without a BOM (NULs in every
    other byte, as ASCII and CJK punctuation give), else None."""
    sample = data[:4000]
    if len(sample) < 4 or len(data) % 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > half // 3 and even == 0:
        return "utf-16-le"
    if even > half // 3 and odd == 0:
        return "utf-16-be"
    return None


def decode_csv(data: bytes, name: str) -> str:
    refused = ImportRefused(f"{name}：无法识别文件编码（支持 UTF-8、GB18030/GBK 与 UTF-16），文件可能已损坏，未导入任何内容。")
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        utf16 = _bomless_utf16(data)
        if utf16:
            return data.decode(utf16)
    except UnicodeDecodeError:
        raise refused from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _encoding_change(data)
    if mixed:
        raise ImportRefused(f"{name}：{mixed}。同一个文件只能用一种编码（请在 Excel/WPS 中另存为 CSV UTF-8 "
                            "或 CSV 后再导入），未导入任何内容。")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise refused from None


def _encoding_change(data: bytes) -> str | None:
    """Where a file that is not UTF-8 as a whole has lines that are (the rest being GB18030): a
    header saved by one program and rows pasted from another. Pure-ASCII lines say nothing."""
    first = None  # (line, encoding) of the first line that tells
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            kind = "GB18030"
        else:
            # Chinese in UTF-8 is three bytes a character; a GB18030 line that happens to be valid
            # UTF-8 (司 is CB BE) decodes to Latin, Greek or Cyrillic letters instead: no evidence
            if any("\x80" <= ch < "\u0800" for ch in text):
                continue
            kind = "UTF-8"
        if first is None:
            first = (number, kind)
        elif kind != first[1]:
            return f"第 {number} 行的编码（{kind}）与第 {first[0]} 行（{first[1]}）不同"
    return None


def _csv_rows(path: Path, columns: list[Column]) -> list[tuple[int, list[object]]]:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise ImportRefused(f"{path.name}：文件过大（{size // 1024 ** 2} MB，上限 {MAX_CSV_BYTES // 1024 ** 2} MB），"
                            "未导入任何内容。")
    text = decode_csv(path.read_bytes(), path.name)
    if "\x00" in text:
        raise ImportRefused(f"{path.name}：不是文本表格文件（含有二进制内容），未导入任何内容。")
    first = text.split("\n", 1)[0]
    delimiters = ["\t", ","] if first.count("\t") > first.count(",") else [",", "\t"]
    rows: list[list[str]] = []
    for delimiter in delimiters:  # the first line may be a title: keep the split that finds a header
        rows = _split(path, text, delimiter)
        if _header_index(rows, columns) is not None:
            break
    return list(enumerate(rows, start=1))


def _split(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """The CSV's rows, with the caps on rows, columns and cell length (a cell over the cap is named
    by row and column, never echoed)."""
    csv.field_size_limit(max(MAX_CSV_BYTES, 1 << 20) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise ImportRefused(f"{path.name}：超过 {MAX_ROWS} 行，未导入任何内容。")
            if len(row) > MAX_COLS and any(c.strip() for c in row[MAX_COLS:]):
                raise ImportRefused(f"{path.name}：第 {len(rows) + 1} 行超过 {MAX_COLS} 列，未导入任何内容。")
            for col, cell in enumerate(row[:MAX_COLS]):
                if len(cell) > MAX_CELL:
                    from .xlsx_reader import column_name

                    raise ImportRefused(f"{path.name}：第 {len(rows) + 1} 行第 {column_name(col)} 列的内容过长"
                                        f"（{len(cell)} 个字，上限 {MAX_CELL}），未导入任何内容。")
            rows.append(row[:MAX_COLS])
    except csv.Error as exc:
        raise ImportRefused(f"{path.name}：第 {reader.line_num} 行附近 CSV 格式错误（引号不配对或含有空字符），"
                            "未导入任何内容。") from exc
    return rows


def _header_index(rows: list[list[object]], columns: list[Column]) -> int | None:
    required = [c for c in columns if c.required]
    for index, values in enumerate(rows):
        if any(c.matches(t) for c in required for t in (cell_text(v) for v in values) if t):
            return index
    return None


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    from .xlsx_reader import TooLong, column_name, read_first_sheet

    rows = read_first_sheet(path)
    for number, cells in rows:
        for col, cell in enumerate(cells):
            if isinstance(cell.value, TooLong):
                raise ImportRefused(f"{path.name}：第 {number} 行第 {column_name(col)} 列的内容过长"
                                    f"（{cell.value.length} 个字，上限 {MAX_CELL}），未导入任何内容。")
    return rows  # type: ignore[return-value]


def read_table(path: Path | str, columns: list[Column], *, what: str) -> list[Row]:
    """Rows of ``path`` keyed by column key. Refuses (nothing returned) a file it can't read,
    one without a header, or one missing a required column."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(f"找不到{what}文件：{path}")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ImportRefused(f"无法读取{what}文件 {path}：{exc.strerror or exc}") from exc
    is_xlsx = path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04"
    if path.suffix.lower() == ".xls":
        raise ImportRefused(f"{path.name}：不支持旧版 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV。")
    raw = _xlsx_rows(path) if is_xlsx else _csv_rows(path, columns)

    required = [c for c in columns if c.required]
    header_at = _header_index([values for _number, values in raw], columns)
    if header_at is None:
        names = "、".join(f"“{c.zh}”（或 {c.en}）" for c in required)
        raise ImportRefused(f"{path.name}：找不到表头行，表头需要包含列 {names}，未导入任何内容。")
    header_number, header_values = raw[header_at]
    headers = [cell_text(v) for v in header_values]
    positions: dict[str, int] = {}
    problems = []
    for column in columns:
        found = [i for i, h in enumerate(headers) if h and column.matches(h)]
        if len(found) > 1:
            problems.append(f"第 {header_number} 行（表头）：列“{column.zh}”出现了 {len(found)} 次。")
        if found:
            positions[column.key] = found[0]
        elif column.required:
            problems.append(f"第 {header_number} 行（表头）：缺少必需的列“{column.zh}”（或 {column.en}）。")
    if problems:
        raise ImportRefused(f"{path.name}：表头有误，未导入任何内容：", problems)

    from .textcheck import strip_report
    from .xlsx_reader import Cell

    rows = []
    for number, values in raw[header_at + 1:]:
        texts = [cell_text(v) for v in values]
        if not any(texts):
            continue
        cleaned, trimmed = {}, []
        for key, i in positions.items():
            text, cut = strip_report(texts[i] if i < len(texts) else "")
            cleaned[key] = text
            if cut:
                trimmed.append(key)
        formulas = frozenset(key for key, i in positions.items()
                             if i < len(values) and isinstance(values[i], Cell) and values[i].formula)
        rows.append(Row(number, cleaned, formulas, tuple(trimmed)))
    return rows
