"""The minutes in English for a foreign delegation (export --lang en_US): every fixed text in
English, the data (names, titles, criteria) as entered; the Chinese minutes stay as they were."""
from __future__ import annotations

import re
import zipfile

import pytest

from fazhi_desktop.export import run_export
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.doc_language import tr_doc
from fazhi_desktop.export.minutes import minutes_document

from tests.texts import stored_strings

from .conftest import page_texts, pdf_pages

# Chinese characters, CJK punctuation and full-width forms (“” are English quotes too)
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")


def data_strings(db) -> list[str]:
    """Every text stored in the database with a Chinese character in it (and a JSON value's strings),
    and each piece of a list (the organisers, one issuing body each)."""
    out = set()
    for v in stored_strings(db, CJK):
        out.add(v)
        out.update(re.split(r"[、，,；;\n]+", v))
    return sorted({re.sub(r"\s+", "", s) for s in out}, key=len, reverse=True)


def chinese_left(text: str, data: list[str]) -> list[str]:
    """The Chinese that is not data, in the pieces where it stands."""
    rest = re.sub(r"\s+", "", text)
    for d in data:
        rest = rest.replace(d, "\0")
    return sorted({m.group() for m in re.finditer(r"[^\0]{0,12}" + CJK.pattern + r"+[^\0]{0,12}", rest)})


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    from fazhi_desktop.db import open_db
    from fazhi_desktop.demo import add_demo

    folder = tmp_path_factory.mktemp("minutes_en")
    db = open_db(folder / "demo.db")
    past, _ready = add_demo(db)
    files = {}
    for lang in ("en_US", "zh_CN", None):
        out = folder / (lang or "default")
        kw = {"lang": lang} if lang else {}
        run_export(db, past, {"pdf": out / "m.pdf", "docx": out / "m.docx"}, **kw)
        files[lang] = out
    yield {"db": db, "sid": past, "files": files, "data": data_strings(db)}
    db.conn.close()


def test_the_english_minutes_have_english_headings_and_no_chinese_but_data(minutes):
    pdf = minutes["files"]["en_US"] / "m.pdf"
    pages = page_texts(pdf)
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text)
    for heading in ("1. How the review was conducted", "2. Results", "3. The units under review",
                    "4. The panel's opinion", "5. Rectification required", "Annex", "Composite score",
                    "Questions and answers:", "Panel chair (signature):", "Copies to:", "27 October 2020"):
        assert heading in flat, heading
    assert f"Page 1 of {pdf_pages(pdf)}" in flat and "Data fingerprint" in flat
    assert chinese_left(text, minutes["data"]) == []


def test_the_english_docx_has_the_same_texts(minutes):
    with zipfile.ZipFile(minutes["files"]["en_US"] / "m.docx") as z:
        xml = z.read("word/document.xml").decode() + z.read("word/footer1.xml").decode()
        styles = z.read("word/styles.xml").decode()
    texts = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert "1. How the review was conducted" in texts and "Data fingerprint" in texts
    assert chinese_left(texts, minutes["data"]) == []
    assert 'w:val="en-US"' in styles  # spelling and hyphenation in English


def test_the_chinese_minutes_do_not_change_with_the_language_option(minutes):
    default, chinese = (page_texts(minutes["files"][k] / "m.pdf") for k in (None, "zh_CN"))
    assert default == chinese
    flat = re.sub(r"\s+", "", "".join(default))
    assert "一、评议方式" in flat and "第1页共" in flat and "数据指纹" in flat
    assert not re.search(r"[A-Za-z]{4,}", re.sub(r"数据指纹[0-9A-F-]+|[0-9a-f]{16}", "", flat))  # no English word


def test_the_chinese_text_is_the_source_text(minutes):
    """zh_CN never reads the .ts: each block of the Chinese document is its source text, even with
    the English translations loaded."""
    data = load_export_data(minutes["db"], minutes["sid"])
    zh = minutes_document(data)
    assert zh.page_label == "第{page}页　共{pages}页" and zh.lang == "zh_CN"
    assert tr_doc("zh_CN", "一、评议方式") == "一、评议方式"
    assert tr_doc("en_US", "一、评议方式") == "1. How the review was conducted"
    assert tr_doc("en_US", "%1年%2月%3日", 2020, "October", 27) == "27 October 2020"
