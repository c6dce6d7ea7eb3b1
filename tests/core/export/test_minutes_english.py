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

from .conftest import footer_sizes_wrong, heading_orphans, page_texts, pdf_pages, pdffonts, rfonts_repeated, text_faces

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


def chinese_outside_data(pieces: list[tuple[str, str]], data: list[str]) -> list[str]:
    """Chinese in the PDF's text pieces (one face's run on one line, as poppler reads them) that is
    not part of a stored text. Piece by piece, not over the page's text: a table's neighbouring
    cells that wrap onto several lines are read interleaved, which would cut data strings apart."""
    left = []
    for text, _face in pieces:
        rest = re.sub(r"\s+", "", text)
        if not CJK.search(rest) or any(rest in d for d in data):
            continue
        for d in data:
            rest = rest.replace(d, "\0")
        left += [run for run in re.findall(r"[^\0]+", rest) if CJK.search(run) and not any(run in d for d in data)]
    return sorted(set(left))


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
    assert chinese_outside_data(text_faces(pdf), minutes["data"]) == []


def test_no_english_heading_ends_a_page(minutes):
    """"Questions and answers:" once ended page 4 alone (its first question on page 5)."""
    doc = minutes_document(load_export_data(minutes["db"], minutes["sid"]), lang="en_US")
    assert heading_orphans(minutes["files"]["en_US"] / "m.pdf", doc) == []


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


# -- faces: English in a Latin face, the Chinese data in the CJK faces ---------------------------

LATIN_WORD = re.compile(r"[A-Za-z0-9]")
HAN = re.compile(r"[\u3400-\u9fff]")


def test_the_english_pdf_sets_english_in_times_and_the_chinese_names_in_a_chinese_face(minutes):
    pieces = text_faces(minutes["files"]["en_US"] / "m.pdf")
    latin = [(t, f) for t, f in pieces if LATIN_WORD.search(t)]
    han = [(t, f) for t, f in pieces if HAN.search(t)]
    assert [p for p in latin if p[1] != "Times"] == []  # every letter and digit, footers and tables included
    assert [p for p in han if p[1] == "Times"] == []
    words = " ".join(t for t, _f in latin)
    for text in ("Composite score", "Questions and answers:", "Page 1 of", "Data fingerprint", "Total (panel score)"):
        assert text in words, text
    names = {t.strip() for t, _f in han}
    assert "开州区" in names and "刘建国" in names  # a unit in the results table, the host
    fonts = {f["name"].split("+")[-1] for f in pdffonts(minutes["files"]["en_US"] / "m.pdf")}
    assert {"Times-Roman", "Times-Bold"} <= fonts  # body and headings (标题/黑体 roles read bold)


def test_the_chinese_pdf_keeps_its_embedded_chinese_faces_for_every_character(minutes):
    for lang in ("zh_CN", None):
        path = minutes["files"][lang] / "m.pdf"
        fonts = pdffonts(path)
        assert fonts and all(f["emb"] == "yes" and "Times" not in f["name"] for f in fonts), fonts
        assert {f for _t, f in text_faces(path)} <= {f["name"] for f in fonts}
    zh = {f["name"].split("+")[-1] for f in pdffonts(minutes["files"]["zh_CN"] / "m.pdf")}
    en = {f["name"].split("+")[-1] for f in pdffonts(minutes["files"]["en_US"] / "m.pdf")}
    assert en - {"Times-Roman", "Times-Bold", "Times-Italic"} <= zh  # the same Chinese faces, nothing else


def docx_parts(folder):
    with zipfile.ZipFile(folder / "m.docx") as z:
        return {n: z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}


def runs_of(xml: str) -> list[tuple[str, str]]:
    """(run properties, text) of every run with text."""
    out = []
    for run in re.findall(r"<w:r>(.*?)</w:r>", xml, re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", run))
        if text:
            out.append((re.search(r"<w:rPr>(.*?)</w:rPr>", run, re.S).group(1) if "<w:rPr>" in run else "", text))
    return out


def test_the_english_docx_names_times_for_latin_and_the_chinese_face_for_east_asian(minutes):
    from fazhi_desktop.export.docx_render import FACES

    parts = docx_parts(minutes["files"]["en_US"])
    styles = dict(re.findall(r'w:styleId="GW(\w+)".*?<w:rFonts ([^>]*)/>', parts["word/styles.xml"], re.S))
    assert styles and set(styles) >= {"body", "h1", "cell", "cell_head"}
    for name, fonts in styles.items():
        assert 'w:ascii="Times New Roman" w:hAnsi="Times New Roman"' in fonts, (name, fonts)
        assert re.search(r'w:eastAsia="([^"]+)"', fonts).group(1) in FACES.values(), (name, fonts)
    runs = [r for n, xml in parts.items() if n.startswith(("word/document", "word/footer", "word/header"))
            for r in runs_of(xml)]
    latin = [(rpr, t) for rpr, t in runs if LATIN_WORD.search(t)]
    assert latin and [r for r in latin if 'w:eastAsia="Times New Roman"' not in r[0] or HAN.search(r[1])] == []
    assert [r for r in runs if HAN.search(r[1]) and "Times New Roman" in r[0]] == []  # names: their style's face
    assert any(t.startswith("Date:") and "<w:b/>" in rpr for rpr, t in latin)  # a 黑体 label reads bold
    assert not any("<w:b/>" in rpr for rpr, t in runs if HAN.search(t))  # no faux bold on Chinese


def test_the_chinese_docx_names_only_chinese_faces(minutes):
    from fazhi_desktop.export.docx_render import FACES

    for lang in ("zh_CN", None):
        parts = docx_parts(minutes["files"][lang])
        named = set(re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', parts["word/styles.xml"]
                               + parts["word/document.xml"] + parts["word/footer1.xml"]))
        assert "Times New Roman" not in named and {FACES["fang"], FACES["hei"]} <= named, named


def test_the_english_docx_footer_is_one_size_and_names_its_faces_once(minutes):
    """Page 1 of 3: the page number fields at the footer's 10.5 pt in w:sz and w:szCs; one w:rFonts
    per w:rPr (the Normal style once had two)."""
    from fazhi_desktop.export import layout as L

    path = minutes["files"]["en_US"] / "m.docx"
    assert footer_sizes_wrong(path, L.GONGWEN.footer_size) == []
    assert rfonts_repeated(path) == []


def test_a_number_stays_with_its_unit_in_the_english_minutes(minutes):
    """"report time 7 / min 34 s" once broke between the number and its unit in the PDF; the DOCX
    joins them with a no-break space (Word and LibreOffice break lines themselves)."""
    units = r"(min|s|points?|units?|experts?|entries|January|February|March|April|May|June|July|August|September" \
            r"|October|November|December)\b"
    text = "\n".join(page_texts(minutes["files"]["en_US"] / "m.pdf"))
    assert "7 min 34 s" in text.replace("\n", " ")
    assert re.findall(r"\d\n" + units, text) == []
    parts = docx_parts(minutes["files"]["en_US"])
    texts = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", parts["word/document.xml"]))
    assert "7\u00a0min 34\u00a0s" in texts and "27\u00a0October 2020" in texts
    assert re.findall(r"\d " + units, texts) == []
