"""Layouts of files as government offices publish them, third probe: task tables that reach the reader
one cell per line (a PDF drawn without ruling lines, a table pasted into a web page cell by cell), and
PDF pages under a running header of two lines.

Every file is built here from text written for this test (made-up 松林县, 青川县; no real document
copied or paraphrased). Each expected reading was written down before the file was read.
"""

from __future__ import annotations

import pytest

from policytag.corpus.readers import read_file
from policytag.corpus.segment import segment_paths
from policytag.corpus.tables import copied_tables

FONT = "STSong-Light"
S = "　　"  # a paragraph's full-width indent

# --- building PDFs ---------------------------------------------------------------------------------


def _canvas(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=A4), A4


def _wrap(paragraphs, size=15, width=420):
    """(align, text) paragraphs -> lines, a body paragraph wrapped at the text width as a word processor does."""
    from reportlab.pdfbase import pdfmetrics

    out = []
    for align, text in paragraphs:
        if align:
            out.append((align, text))
            continue
        while text:
            cut = 1
            while cut < len(text) and pdfmetrics.stringWidth(text[:cut + 1], FONT, size) <= width:
                cut += 1
            out.append(("", text[:cut]))
            text = text[cut:]
    return out


def notice_pdf(path, paragraphs, header=(), footer="- {page} -", per_page=12):
    """A notice on A4 pages of ``per_page`` lines, ``header`` (any number of lines) centred on top of
    every page and ``footer`` at the bottom."""
    c, (width, height) = _canvas(path)
    lines = _wrap(paragraphs)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    for number, page in enumerate(pages, 1):
        c.setFont(FONT, 10)
        for k, line in enumerate(header):
            c.drawCentredString(width / 2, height - 36 - 14 * k, line)
        c.setFont(FONT, 12)
        c.drawCentredString(width / 2, 36, footer.format(page=number, total=len(pages)))
        c.setFont(FONT, 15)
        for i, (align, text) in enumerate(page):
            y = height - 100 - 30 * i
            if align == "c":
                c.drawCentredString(width / 2, y, text)
            elif align == "r":
                c.drawRightString(width - 80, y, text)
            else:
                c.drawString(80, y, text)
        c.showPage()
    c.save()


# --- 1. a task table one cell per line -------------------------------------------------------------

TABLE = [["序号", "工作任务", "责任单位", "完成时限"],
         ["1", ["开展城镇燃气安全专项整治，全面排查", "老旧管网和餐饮场所隐患"], "县住建局", "6月底前"],
         ["2", "组织危险化学品企业隐患排查", ["县应急局、县市场", "监管局"], "9月底前"],
         ["3", "完善森林防火监测预警体系", "县林业局", "11月底前"]]
TASKS = [
    (("四、重点任务",), "1.开展城镇燃气安全专项整治，全面排查老旧管网和餐饮场所隐患（完成时限：6月底前）", ("县住建局",)),
    (("四、重点任务",), "2.组织危险化学品企业隐患排查（完成时限：9月底前）", ("县应急局", "县市场监管局")),
    (("四、重点任务",), "3.完善森林防火监测预警体系（完成时限：11月底前）", ("县林业局",)),
    (("五、保障措施",), "各乡镇要加强组织领导，每季度末将任务进展报县安委办。", ()),
]
HEAD = ["青川县2027年安全生产工作要点", "一、健全责任体系", "（一）修订县安委会成员单位安全生产工作职责。", "四、重点任务"]
TAIL = ["五、保障措施", "各乡镇要加强组织领导，每季度末将任务进展报县安委办。"]


def unruled_table_pdf(path):
    """The table drawn as text only, in columns, no line drawn (a cell's text wrapped where its column
    ends): pdfplumber finds no table, pypdf gives one cell per line."""
    c, (width, height) = _canvas(path)
    y = height - 80
    for text in HEAD:
        c.setFont(FONT, 14)
        c.drawString(80, y, text)
        y -= 28
    c.setFont(FONT, 11)
    xs = [70, 110, 380, 480]
    for row in TABLE:
        tall = 1
        for x, cell in zip(xs, row):
            cell = cell if isinstance(cell, list) else [cell]
            tall = max(tall, len(cell))
            for k, piece in enumerate(cell):
                c.drawString(x, y - 16 * k, piece)
        y -= 16 * tall + 10
    c.setFont(FONT, 14)
    for text in TAIL:
        y -= 18
        c.drawString(80, y, text)
    c.showPage()
    c.save()


def _read(path):
    result = segment_paths([path])
    assert not result.errors, result.errors
    return [(c.heading_path, c.text, c.agencies) for c in result.clauses]


def test_unruled_pdf_task_table_one_clause_per_task(tmp_path):
    unruled_table_pdf(tmp_path / "wp.pdf")
    assert _read(tmp_path / "wp.pdf")[1:] == TASKS


def _cells(row):
    return [piece for cell in row for piece in (cell if isinstance(cell, list) else [cell])]


def test_a_table_pasted_into_a_web_page_one_paragraph_per_cell(tmp_path):
    cells = "".join(f"<p>{piece}</p>" for row in TABLE for piece in _cells(row))
    page = (f'<html><head><meta charset="utf-8"><title>{HEAD[0]}</title></head><body><div class="TRS_Editor">'
            + "".join(f"<p>{t}</p>" for t in HEAD) + cells + "".join(f"<p>{t}</p>" for t in TAIL)
            + "</div></body></html>")
    (tmp_path / "wp.html").write_text(page, encoding="utf-8")
    assert _read(tmp_path / "wp.html")[1:] == TASKS


def test_a_text_copy_with_the_table_over_a_page_break(tmp_path):
    """A .txt copied from the PDF: the table breaks between rows 2 and 3 under the page's footer and
    running header, and the header row is repeated on the next page."""
    rows = [piece for row in TABLE[1:3] for piece in _cells(row)]
    text = "\n".join(HEAD + TABLE[0] + rows + ["- 2 -", "青川县安全生产委员会办公室"] + TABLE[0] + _cells(TABLE[3])
                     + TAIL + ["- 3 -", "青川县安全生产委员会办公室"])
    (tmp_path / "wp.txt").write_text(text, encoding="utf-8")
    assert _read(tmp_path / "wp.txt")[1:] == TASKS


@pytest.mark.parametrize("lines", [
    # the header alone, no numbered rows under it
    ["序号", "工作任务", "责任单位", "完成时限", "各乡镇要按照分工抓好落实。"],
    # a row whose lines fit no column split (no agency where the agency column is, no time as deadline)
    ["序号", "工作任务", "责任单位", "完成时限", "1", "开展燃气安全检查", "全面排查", "逐项整改", "2", "组织演练", "县应急局", "9月底前"],
    # labels, but no task column: a list of words, not a task table
    ["序号", "责任单位", "完成时限", "1", "县住建局", "6月底前"],
    # no 序号 line first: the rows cannot be told apart
    ["工作任务", "责任单位", "完成时限", "开展燃气安全检查", "县住建局", "6月底前"],
])
def test_only_an_unmistakable_table_is_read_back_into_rows(lines):
    text = "\n".join(["一、重点任务"] + lines + ["二、保障措施"])
    assert copied_tables(text) == text


def test_a_copied_table_whose_task_wraps_and_agency_cell_is_empty():
    text = "\n".join(["序号", "工作任务", "牵头单位", "配合单位", "完成时限",
                      "1", "推进老旧燃气管道更新改造，年底前完成改造", "120公里", "县住建局", "各乡镇", "12月底前",
                      "2", "开展应急演练", "县应急局", "6月底前",
                      "松林县安全生产委员会办公室", "2027年3月1日"])
    assert copied_tables(text).split("\n") == [
        "1.推进老旧燃气管道更新改造，年底前完成改造120公里（完成时限：12月底前）（牵头单位：县住建局；配合单位：各乡镇）",
        "2.开展应急演练（完成时限：6月底前）（牵头单位：县应急局）",
        "松林县安全生产委员会办公室", "2027年3月1日"]  # the signature after the table is no cell


# --- 3. running headers of two lines ---------------------------------------------------------------

TITLE = "松林县应急管理局关于开展2027年有限空间作业安全专项检查的通知"
CHECK = [("c", TITLE[:18]), ("c", TITLE[18:]), ("l", "各乡镇安监站，县直有关单位："),
         ("", S + "为防范有限空间作业中毒窒息事故，决定在全县开展有限空间作业安全专项检查，现将有关事项通知如下。")]
PARTS = ["检查范围", "检查内容", "工作要求"]
ITEMS = ["各相关企业要建立有限空间作业管理台账，明确每一处有限空间的位置、危险因素和管理责任人，落实作业审批制度，"
         "作业前严格执行先通风、再检测、后作业的要求，严禁未经审批擅自作业。",
         "涉及有限空间作业的企业要配备气体检测报警仪、正压式空气呼吸器、安全绳等防护设备，并定期检查维护，"
         "确保完好有效；作业现场要设置监护人员，监护人员不得离开作业现场。",
         "各企业要于{m}月底前完成自查，对发现的问题逐项整改，整改情况报乡镇安监站备案；乡镇安监站要对辖区企业的"
         "自查情况进行抽查，抽查比例不低于三成。"]
for n, part in enumerate(PARTS):
    CHECK.append(("", S + "一二三"[n] + "、" + part))
    CHECK += [("", S + f"（{'一二三'[k]}）" + item.format(m=n + 4)) for k, item in enumerate(ITEMS)]
    ITEMS = ITEMS[1:] + ITEMS[:1]  # each part in another order: no page ends on the same words
CHECK += [("r", "松林县应急管理局"), ("r", "2027年3月9日")]


@pytest.mark.parametrize("header", [("松林县应急管理局", "松应急〔2027〕5号"), ("松林县人民政府公报", "2027年第3期")])
@pytest.mark.parametrize("footer", ["— {page} —", "-{page}-", "第 {page} 页 共 {total} 页"])
def test_a_running_header_of_two_lines_leaves_every_page(tmp_path, header, footer):
    notice_pdf(tmp_path / "n.pdf", CHECK, header=header, footer=footer)
    result = segment_paths([tmp_path / "n.pdf"])
    assert not result.errors and len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.title, doc.issuer, doc.date) == (TITLE, "松林县应急管理局", "2027-03-09")
    want, heading = [], ()
    for _, text in CHECK[3:-2]:  # the preamble, then each part's heading over its three items
        text = text.strip()
        if text[1] == "、":
            heading = (text,)
        else:
            want.append((heading, text))
    assert len(want) == 10
    assert [(c.heading_path, c.text) for c in result.clauses] == want
    text = read_file(tmp_path / "n.pdf")
    assert header[1] not in text  # the second line went with the first, on every page


def test_the_notice_own_head_under_a_repeated_header_line_stays():
    """A document number repeated under the organ's name on every page is a running line, except on
    the page where the title follows it: there it is the notice's own number."""
    from policytag.corpus.readers import _drop_running_lines

    pages = ["松林县应急管理局\n松应急〔2027〕5号\n松林县应急管理局关于开展有限空间作业安全检查的通知\n正文一，",
             "松林县应急管理局\n松应急〔2027〕5号\n接正文一。\n正文二，", "松林县应急管理局\n松应急〔2027〕5号\n接正文二。"]
    assert _drop_running_lines(pages) == ["松应急〔2027〕5号\n松林县应急管理局关于开展有限空间作业安全检查的通知\n正文一，",
                                          "接正文一。\n正文二，", "接正文二。"]
