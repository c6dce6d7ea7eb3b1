"""The experts' access cards: each printed QR code reads back (zbarimg, from the rendered page) as
that expert's own link, four cards a page, every name and the session title in the text."""
from __future__ import annotations

import shutil
import subprocess

from fazhi_desktop.export.access_cards import Card, qr_matrix, qr_png, write_access_cards

TITLE = "2023年度区县法治政府建设工作评议会"
CARDS = [Card(name, f"http://192.168.137.1:8765/e/{token}") for name, token in [
    ("张明华", "Qm9vX2Zha2VfdG9rZW5fMTIzNDU2Nzg5MA"), ("李建国", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"),
    ("王丽", "x" * 32), ("赵志远", "y" * 32), ("钱文", "z" * 32)]]


def test_every_printed_code_reads_back_as_its_experts_link(tmp_path):
    pdf = tmp_path / "入场卡.pdf"
    assert write_access_cards(TITLE, CARDS, pdf) == 2  # five cards: four on page 1, one on page 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for card in CARDS:
        assert card.expert in text and card.url in text
    assert text.count(TITLE) == 5 and "会议结束后链接自动失效" in text
    assert shutil.which("zbarimg"), "scripts/dev.sh installs zbar-tools"
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(tmp_path / "page")], check=True)
    read = []
    for page in sorted(tmp_path.glob("page-*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True).stdout
        read.append(sorted(out.split()))
    assert read == [sorted(c.url for c in CARDS[:4]), [CARDS[4].url]]


def test_the_window_png_and_the_printed_matrix_are_one_code(tmp_path):
    url = CARDS[0].url
    png = tmp_path / "qr.png"
    png.write_bytes(qr_png(url))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
    assert out == url
    matrix = qr_matrix(url)
    assert len(matrix) == len(matrix[0]) and all(matrix[0][:7]) and not matrix[1][1]  # a finder pattern's corner


def test_no_experts_prints_one_page_that_says_so(tmp_path):
    pdf = tmp_path / "空.pdf"
    assert write_access_cards(TITLE, [], pdf) == 1
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "还没有评议专家" in text
