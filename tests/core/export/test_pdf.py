"""What a reader of the exported PDFs sees (text extracted with poppler's pdftotext)."""
from __future__ import annotations

import re

import pytest
from reportlab.pdfbase import pdfmetrics

from fazhi_desktop.demo import DISTRICTS, PANEL_2020
from fazhi_desktop.export import FEEDBACK_FOLDER, FILE_NAMES
from fazhi_desktop.export.data import load_export_data
from fazhi_desktop.export.feedback import write_feedback_pdf
from fazhi_desktop.export.fonts import pdf_fonts

from .conftest import heading_orphans, page_texts, pdf_pages, pdffonts, pdftotext, squeeze


def test_minutes_in_jiyao_form_with_every_unit_and_the_fingerprint_in_every_footer(exported):
    pdf = exported["folder"] / FILE_NAMES["pdf"]
    pages = page_texts(pdf)
    fp = exported["result"].short_fingerprint
    text = squeeze("".join(pages))
    for unit in DISTRICTS:
        assert unit in text
    assert "法治政府建设暨“七五”普法第二片区总结评议会纪要" in text  # the title, over two lines
    assert "91.10" in text and "开州区" in text and "78.88" in text
    for n, page in enumerate(pages, 1):
        assert f"第{n}页共{len(pages)}页" in squeeze(page)
        assert f"数据指纹 {fp}" in page
    for label in ("时间：", "地点：", "主持：", "出席：", "列席：", "记录："):
        assert label in text
    for heading in ("一、评议方式", "二、评议结果", "三、各单位评议情况", "四、评议组意见", "五、整改要求"):
        assert heading in text
    assert "去掉一个最高分和一个最低分" in text and "王晓东对云阳县回避评分" in text
    # the signature block ends the text; the audit record follows as 附件; the 版记 ends the minutes
    whole = squeeze("".join(pages))
    assert "评议组组长（签字）" in whole and "记录人（签字）" in whole and "2020年10月27日" in whole
    assert whole.index("评议组组长（签字）") < whole.index("附件评议会审计记录") < whole.index("抄送")
    last = squeeze(pages[-1])
    assert "抄送：各参评单位，评议组成员。" in last and "2020年10月27日印发" in last


def test_the_running_header_starts_on_page_two(exported):
    pages = page_texts(exported["folder"] / FILE_NAMES["pdf"])
    header = "法治政府建设暨“七五”普法第二片区总结评议会纪要"
    assert squeeze(pages[0]).count(header) == 1  # the title only
    assert all(squeeze(p).startswith(header) for p in pages[1:])


def test_each_question_stays_with_its_answer(exported):
    """A question and its answer are one block: never split across pages."""
    pages = page_texts(exported["folder"] / FILE_NAMES["pdf"])
    for page in pages:
        lines = [squeeze(x) for x in page.splitlines() if squeeze(x)]
        body = [x for x in lines if not x.startswith("数据指纹") and "页共" not in x]
        if body and re.match(r"^\d+．.*问：", body[-1]):
            pytest.fail(f"a question ends a page without its answer: {body[-1]}")


@pytest.mark.parametrize("kind", ["pdf", "sheets", "blank"])
def test_every_font_is_embedded_and_each_role_has_its_face(exported, kind):
    fonts = pdffonts(exported["folder"] / FILE_NAMES[kind])
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    used = {f["name"].split("+", 1)[-1] for f in fonts}
    faces = pdf_fonts().faces
    wanted = {"pdf": ("hei", "kai", "song"), "sheets": ("hei", "song"), "blank": ("hei", "song")}[kind]
    for role in wanted:
        face = faces.get(role)
        if face is not None:
            ps = pdfmetrics.getFont(face.name).face.name.decode()
            assert any(ps in name for name in used), (role, ps, used)


def test_the_free_role_faces_of_debian_are_found():
    """scripts/dev.sh installs AR PL UMing (宋), AR PL UKai (楷) and WenQuanYi (黑): three faces."""
    fonts = pdf_fonts()
    assert fonts.embedded
    assert len({fonts.role(r) for r in ("title", "hei", "kai")}) == 3, fonts.roles
    for note in fonts.notes:  # each borrowed role says so, in words
        assert note.startswith("本机没有可嵌入的") and "改用" in note


def test_signed_score_sheets_one_page_per_expert_with_totals_as_in_the_minutes(exported):
    pdf = exported["folder"] / FILE_NAMES["sheets"]
    pages = page_texts(pdf)
    assert len(pages) == len(PANEL_2020)
    data = load_export_data(exported["db"], exported["sid"])
    fp = exported["result"].short_fingerprint
    for i, (name, _cat, _aff) in enumerate(PANEL_2020):
        page = squeeze(pages[i])
        assert f"评议专家：{name}" in page and "评分表" in page and f"数据指纹{fp}" in page
        assert "评议专家（签字）" in page and "评议组组长（核对签字）" in page
        total = sum(v for (e, u, _p), v in data.scores.items() if e == name and u == "万州区")
        assert f"{total:.2f}" in page  # 69.50, not 69.5
    assert "回避" in squeeze(pages[2])  # 王晓东 is recused from 云阳县


def test_blank_sheets_are_headed_score_sheet_without_a_fingerprint(exported):
    pdf = exported["folder"] / FILE_NAMES["blank"]
    pages = page_texts(pdf)
    assert len(pages) == len(PANEL_2020)
    for page in pages:
        flat = squeeze(page)
        assert "评分表" in flat and "空白评分表" not in flat and "数据指纹" not in flat
        assert "评议组组长（核对签字）" in flat
        grid = flat.split("合计")[1].split("说明")[0]
        assert not re.search(r"\d+\.\d", grid)  # no score values in the grid


def test_one_page_letters_with_number_result_and_signature(exported):
    folder = exported["folder"] / FEEDBACK_FOLDER
    files = sorted(folder.iterdir())
    assert len(files) == len(DISTRICTS)
    assert all(pdf_pages(f) == 1 for f in files)
    text = squeeze(pdftotext(folder / "评议意见书_开州区.pdf"))
    assert "评议意见书" in text and "评议意见〔2020〕4号" in text and text.index("开州区：") < text.index("一、评议结果")
    assert "91.10" in text and "排名第1名" in text and "优秀" in text
    assert "三、专家提问" in text and "四、整改要求" in text  # 开州区 has no problem to rectify
    assert "中共重庆市委全面依法治市办公室" in text and "重庆市普法工作办公室" in text
    assert exported["result"].short_fingerprint in text
    wanzhou = squeeze(pdftotext(folder / "评议意见书_万州区.pdf"))
    assert "四、存在问题与整改要求" in wanzhou
    assert "执法全过程记录" in wanzhou and "2021年2月28日" in wanzhou  # the problem and its deadline
    assert "本次评议未记录" not in text + wanzhou


def test_letters_name_weak_criteria_only_below_80_percent_and_one_report_date(exported):
    folder = exported["folder"] / FEEDBACK_FOLDER
    dates = set()
    for f in folder.iterdir():
        text = squeeze(pdftotext(f))
        dates.add(re.search(r"并于(\d+年\d+月\d+日)前将整改情况书面报送", text).group(1))
        for rate in re.findall(r"”（得分率([\d.]+)%）", text):
            assert float(rate) < 80
    assert dates == {"2021年2月27日"}  # four months after the meeting: no unit is in the lowest band
    kaizhou = squeeze(pdftotext(folder / "评议意见书_开州区.pdf"))
    assert "得分率低于80%" not in kaizhou  # the winner has no criterion below 80%


def test_letter_signature_gives_each_body_and_the_date_room(exported, tmp_path):
    """The date is set 右空四字; each issuing body is its own line or column, never run together."""
    import subprocess

    pdf = exported["folder"] / FEEDBACK_FOLDER / "评议意见书_万州区.pdf"
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>', bbox)
    date = [w for w in words if w[3].startswith("2020年10月27日")][-1]
    right_edge = 595.28 - 26 * 72 / 25.4
    gap = right_edge - float(date[2])
    size = float(date[2]) - float(date[0])
    assert gap > 3 * size / 9, (gap, size)  # about four characters from the right edge
    bodies = [w for w in words if w[3] in ("中共重庆市委全面依法治市办公室", "重庆市普法工作办公室")]
    assert len(bodies) == 2


def test_feedback_can_leave_expert_names_out(exported, tmp_path):
    data = load_export_data(exported["db"], exported["sid"])
    askers = {q.expert for q in data.questions_for("万州区")}
    assert askers
    write_feedback_pdf(data, "万州区", tmp_path / "with.pdf", show_experts=True)
    write_feedback_pdf(data, "万州区", tmp_path / "without.pdf", show_experts=False)
    with_names = pdftotext(tmp_path / "with.pdf")
    without = pdftotext(tmp_path / "without.pdf")
    assert all(name in with_names for name in askers)
    assert not any(name in without for name, _c, _a in PANEL_2020)
    assert re.search(r"专家[甲乙丙丁戊己庚]问", squeeze(without))


def test_pdf_pages_render_to_images(exported, tmp_path):
    import subprocess

    pdf = exported["folder"] / FILE_NAMES["pdf"]
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "pg")], check=True)
    pngs = sorted(tmp_path.glob("pg*.png"))
    assert len(pngs) == 2 and all(p.stat().st_size > 1000 for p in pngs)


def test_no_heading_ends_a_page_of_the_minutes(exported):
    """A heading (一、…, a unit's （一）…, 专家提问与答复：, a table's caption) always has at least
    the first line or rows of what it heads on its page (demo pages 8–11 once ended with
    专家提问与答复： alone)."""
    from fazhi_desktop.export.minutes import minutes_document

    doc = minutes_document(load_export_data(exported["db"], exported["sid"]))
    assert heading_orphans(exported["folder"] / FILE_NAMES["pdf"], doc) == []
