"""One demo database and one full export per test module: exporting is the slow part."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from fazhi_desktop.db import open_db
from fazhi_desktop.demo import add_demo
from fazhi_desktop.export import PAPER_KINDS, run_export


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    db = open_db(folder / "demo.db")
    past, ready = add_demo(db)
    steps = []
    result = run_export(db, past, folder / "out", progress=lambda done, total, label: steps.append((done, total, label)))
    papers = run_export(db, ready, folder / "papers", kinds=PAPER_KINDS, start="08:30")
    yield {"db": db, "sid": past, "ready": ready, "folder": folder / "out", "result": result, "steps": steps,
           "papers": folder / "papers", "papers_result": papers}
    db.conn.close()


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_texts(path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdffonts(path: Path) -> list[dict]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the last five columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def squeeze(text: str) -> str:
    """Text without the spaces and line breaks that layout adds."""
    return re.sub(r"\s+", "", text)


def text_faces(path: Path) -> list[tuple[str, str]]:
    """(text, font family) of every piece of text in the PDF, as poppler reads it: a piece is one
    face's run on a line (standard faces read as "Times", embedded ones by their subset name)."""
    import html

    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(path)], check=True, capture_output=True,
                         text=True).stdout
    families = dict(re.findall(r'<fontspec id="(\d+)"[^>]* family="([^"]*)"', xml))
    return [(html.unescape(re.sub(r"<[^>]+>", "", body)), families[font])
            for font, body in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml)]


def headings(doc) -> list[str]:
    """The squeezed text of every block that must not end a page alone: titles, headings, a
    table's caption (a paragraph kept with what follows, by itself or by its style, or one that
    ends with a colon: it introduces what follows)."""
    from fazhi_desktop.export import layout as L

    out: list[str] = []

    def walk(blocks) -> None:
        for b in blocks:
            if isinstance(b, L.Para) and (b.keep_with_next or doc.layout.styles[b.style].keep_with_next
                                          or b.plain.rstrip().endswith(("：", ":"))):
                out.append(squeeze(b.plain))
            elif isinstance(b, L.Title):
                out.append(squeeze("".join(b.lines)))
            elif isinstance(b, L.Keep):
                walk(b.blocks)

    walk(doc.blocks)
    return [h for h in out if h]


def heading_orphans(path: Path, doc) -> list[tuple[int, str]]:
    """(page, heading) for each page of the PDF of ``doc`` whose text, less its footer (page label
    and fingerprint), ends with a heading: a heading left at a page's foot without what follows."""
    from fazhi_desktop.export import layout as L

    pages = page_texts(path)
    heads = headings(doc)
    out = []
    for n, page in enumerate(pages, 1):
        body = squeeze(page).replace(squeeze(doc.page_label.format(page=n, pages=len(pages))), "")
        if doc.fingerprint:
            body = body.replace(squeeze(L.fingerprint_words(doc)), "")
        out += [(n, h) for h in heads if body.endswith(h)][:1]
    return out


def docx_parts(path: Path) -> dict[str, str]:
    """word/*.xml of a DOCX by name."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}


def run_sizes(xml: str) -> list[tuple[str | None, str | None, str]]:
    """(w:sz, w:szCs, what) of every run: what is its text, or the field code or field mark it holds."""
    out = []
    for run in re.findall(r"<w:r>(.*?)</w:r>", xml, re.S):
        sz, cs = (re.search(rf'<w:{k} w:val="(\d+)"/>', run) for k in ("sz", "szCs"))
        what = "".join(re.findall(r"<w:(?:t|instrText)(?: [^>]*)?>([^<]*)</w:", run)) \
            or " ".join(re.findall(r'w:fldCharType="(\w+)"', run)) or ("tab" if "<w:tab/>" in run else "")
        out.append((sz and sz.group(1), cs and cs.group(1), what))
    return out


def footer_sizes_wrong(path: Path, size: float) -> list[tuple]:
    """The footer runs of a DOCX not set at ``size`` pt (both w:sz and w:szCs): a page number field
    without them is set at the Normal style's 16 pt."""
    want = str(round(size * 2))
    return [(name, *r) for name, xml in docx_parts(path).items() if name.startswith("word/footer")
            for r in run_sizes(xml) if r[:2] != (want, want)]


def rfonts_repeated(path: Path) -> list[tuple[str, str]]:
    """(part, rPr) of each run properties element with more than one w:rFonts (Word reads the first
    only; the schema allows one)."""
    return [(name, rpr[:160]) for name, xml in docx_parts(path).items()
            for rpr in re.findall(r"<w:rPr>(.*?)</w:rPr>", xml, re.S) if rpr.count("<w:rFonts") > 1]
