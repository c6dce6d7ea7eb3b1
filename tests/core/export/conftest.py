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
