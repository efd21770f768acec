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
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
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


def row_per_line_table_pdf(path, centred: bool):
    """The table drawn without lines as Word exports one: each text line of a row one text object, the
    cells apart by cursor moves (pypdf reads a row as one line, its cells apart by spaces, a wrapped
    cell's next line as a line of its own); the header labels ``centred`` in their columns or not."""
    from reportlab.pdfbase import pdfmetrics

    c, (width, height) = _canvas(path)
    y = height - 80
    for text in HEAD:
        c.setFont(FONT, 14)
        c.drawString(80, y, text)
        y -= 28
    xs = [70, 110, 380, 480, 560]
    for number, row in enumerate(TABLE):
        cells = [cell if isinstance(cell, list) else [cell] for cell in row]
        for k in range(max(len(cell) for cell in cells)):
            line = c.beginText()
            line.setFont(FONT, 11)
            line.setTextOrigin(xs[0], y)
            at = xs[0]
            for j, cell in enumerate(cells):
                if k >= len(cell):
                    continue
                x = xs[j]
                if centred and number == 0:
                    x = (xs[j] + xs[j + 1] - pdfmetrics.stringWidth(cell[k], FONT, 11)) / 2
                line.moveCursor(x - at, 0)
                at = x
                line.textOut(cell[k])
            c.drawText(line)
            y -= 16
        y -= 10
    c.setFont(FONT, 14)
    for text in TAIL:
        y -= 18
        c.drawString(80, y, text)
    c.showPage()
    c.save()


@pytest.mark.parametrize("centred", [False, True])
def test_pdf_table_without_lines_one_row_per_line(tmp_path, centred):
    row_per_line_table_pdf(tmp_path / "wp.pdf", centred)
    from pypdf import PdfReader

    assert "序号 工作任务 责任单位 完成时限\n1 开展" in PdfReader(tmp_path / "wp.pdf").pages[0].extract_text()
    assert _read(tmp_path / "wp.pdf")[1:] == TASKS


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


def _check_clauses():
    """The clauses CHECK reads as: the preamble, then each part's heading over its three items."""
    want, heading = [], ()
    for _, text in CHECK[3:-2]:
        text = text.strip()
        if text[1] == "、":
            heading = (text,)
        else:
            want.append((heading, text))
    assert len(want) == 10
    return want


@pytest.mark.parametrize("header", [("松林县应急管理局", "松应急〔2027〕5号"), ("松林县人民政府公报", "2027年第3期")])
@pytest.mark.parametrize("footer", ["— {page} —", "-{page}-", "第 {page} 页 共 {total} 页"])
def test_a_running_header_of_two_lines_leaves_every_page(tmp_path, header, footer):
    notice_pdf(tmp_path / "n.pdf", CHECK, header=header, footer=footer)
    result = segment_paths([tmp_path / "n.pdf"])
    assert not result.errors and len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.title, doc.issuer, doc.date) == (TITLE, "松林县应急管理局", "2027-03-09")
    assert [(c.heading_path, c.text) for c in result.clauses] == _check_clauses()
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


# --- enclosures and the imprint (版记) in a PDF ----------------------------------------------------

SPRING = [
    [("c", "松林县安全生产委员会办公室"), ("c", "关于开展2027年春节期间安全检查的通知"), ("l", "各乡镇人民政府，县安委会各成员单位："),
     ("", S + "为做好春节期间安全生产工作，防范各类事故发生，现就有关事项通知如下。"), ("", S + "一、检查重点"),
     ("", S + "（一）人员密集场所。重点检查商场、集贸市场消防通道畅通和消防设施完好情况。"),
     ("", S + "（二）烟花爆竹。严厉打击非法生产、储存、运输烟花爆竹行为。"), ("", S + "二、工作要求"),
     ("", S + "各乡镇要于1月20日前将检查情况报县安委办。"), ("l", S + "附件：1.春节期间安全检查表"),
     ("l", S + "　　　2.春节期间值班安排表"), ("r", "松林县安全生产委员会办公室"), ("r", "2027年1月6日")],
    [("l", "附件1"), ("c", "春节期间安全检查表"), ("", S + "1.消防通道是否畅通，有无占用、堵塞、封闭疏散通道的情况。"),
     ("", S + "2.灭火器、消火栓等消防设施是否完好有效。")],
    [("l", "附件2"), ("c", "春节期间值班安排表"), ("", S + "春节期间实行24小时值班，值班电话0000-0000000。")],
    [("rule",), ("l", "抄送：县委办公室，县人大常委会办公室，县政协办公室。"), ("rule",),
     ("l", "松林县安全生产委员会办公室　　　　　2027年1月6日印发"), ("rule",)],
]


def enclosures_pdf(path):
    """A notice, each of its two enclosures on a page of its own opening with its label (附件1, 附件2),
    and the imprint between rules on the last page."""
    c, (width, height) = _canvas(path)
    for number, page in enumerate(SPRING, 1):
        y = height - 100
        for item in _wrap([x for x in page if x[0] != "rule"]) if number < len(SPRING) else page:
            if item[0] == "rule":
                c.line(80, y + 20, width - 80, y + 20)
                continue
            align, text = item
            c.setFont(FONT, 15)
            {"c": lambda: c.drawCentredString(width / 2, y, text), "r": lambda: c.drawRightString(width - 80, y, text),
             "l": lambda: c.drawString(80, y, text), "": lambda: c.drawString(80, y, text)}[align]()
            y -= 30
        c.setFont(FONT, 12)
        c.drawCentredString(width / 2, 36, f"— {number} —")
        c.showPage()
    c.save()


SPRING_CLAUSES = [
    ((), "为做好春节期间安全生产工作，防范各类事故发生，现就有关事项通知如下。"),
    (("一、检查重点",), "（一）人员密集场所。重点检查商场、集贸市场消防通道畅通和消防设施完好情况。"),
    (("一、检查重点",), "（二）烟花爆竹。严厉打击非法生产、储存、运输烟花爆竹行为。"),
    (("二、工作要求",), "各乡镇要于1月20日前将检查情况报县安委办。"),
    ((), "1.消防通道是否畅通，有无占用、堵塞、封闭疏散通道的情况。"),  # the enclosures: no heading over them
    ((), "2.灭火器、消火栓等消防设施是否完好有效。"),
    ((), "春节期间实行24小时值班，值班电话0000-0000000。"),
]


def test_enclosure_labels_opening_pages_are_no_running_header(tmp_path):
    """附件1 and 附件2 open two pages of four: the same words but for the number, as a running header
    with an issue number. They were dropped as one, and the enclosures ran on as text of no notice
    part; the imprint (抄送, 印发) stays out of every clause."""
    enclosures_pdf(tmp_path / "n.pdf")
    lines = read_file(tmp_path / "n.pdf").split("\n")
    assert "附件1" in lines and "附件2" in lines
    result = segment_paths([tmp_path / "n.pdf"])
    assert not result.errors and len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.title, doc.issuer, doc.date) == ("松林县安全生产委员会办公室关于开展2027年春节期间安全检查的通知",
                                                  "松林县安全生产委员会办公室", "2027-01-06")
    got = [(c.heading_path, c.text) for c in result.clauses]
    assert got[:5] == SPRING_CLAUSES[:5] and got[-1] == SPRING_CLAUSES[-1]
    assert not any(word in c.text for c in result.clauses for word in ("抄送", "印发", "附件", "检查表"))


def test_every_item_of_every_enclosure_is_a_clause(tmp_path):
    enclosures_pdf(tmp_path / "n.pdf")
    assert "2.灭火器、消火栓等消防设施是否完好有效。" in read_file(tmp_path / "n.pdf").replace("\n", "")
    assert [(c.heading_path, c.text) for c in segment_paths([tmp_path / "n.pdf"]).clauses] == SPRING_CLAUSES


# --- a WeChat article, a red header in a layout table ----------------------------------------------

FLOOD_TITLE = "松林县应急管理局关于做好2027年汛期安全防范工作的通知"
FLOOD = ["各乡镇人民政府，县直有关单位：", "为做好汛期安全防范工作，现就有关事项通知如下。", "一、加强隐患排查",
         "（一）各乡镇要对辖区内尾矿库、淤地坝开展全面排查，6月15日前完成。", "（二）住建部门要督促在建工地落实防汛措施。",
         "二、落实值班值守", "汛期实行24小时值班和领导带班制度。", "松林县应急管理局", "2027年6月1日"]
FLOOD_CLAUSES = [((), FLOOD[1]), (("一、加强隐患排查",), FLOOD[3]), (("一、加强隐患排查",), FLOOD[4]),
                 (("二、落实值班值守",), FLOOD[6])]


def test_a_wechat_article_reads_with_its_headline(tmp_path):
    """An official account's article as saved from the browser: the headline in h1.rich_media_title
    (and og:title), each paragraph a <section>, the account's name and the QR prompt around it."""
    page = (f"<html><head><meta property='og:title' content='{FLOOD_TITLE}'><title>{FLOOD_TITLE}</title></head><body>"
            f"<div id='page-content'><h1 class='rich_media_title' id='activity-name'>\n  {FLOOD_TITLE}\n</h1>"
            "<div id='meta_content'><span>原创</span> <a id='js_name'>松林应急</a> <em id='publish_time'>2027-06-01 18:00</em></div>"
            "<div id='js_content' class='rich_media_content' style='visibility:hidden'>"
            + "".join(f"<section style='text-indent:2em'><span leaf=''>{p}</span></section>" for p in FLOOD)
            + "<section><img src='qr.png'><span>长按识别二维码关注我们</span></section></div>"
            "<div id='js_pc_qr_code'>微信扫一扫关注该公众号</div><a>阅读原文</a></div></body></html>")
    (tmp_path / "wx.html").write_text(page, encoding="utf-8")
    result = segment_paths([tmp_path / "wx.html"])
    doc = result.documents[0]
    assert (doc.title, doc.issuer, doc.date) == (FLOOD_TITLE, "松林县应急管理局", "2027-06-01")
    assert [(c.heading_path, c.text) for c in result.clauses] == FLOOD_CLAUSES
    assert "微信扫一扫" not in read_file(tmp_path / "wx.html")


def test_docx_red_header_table_with_the_organs_stacked_in_one_cell(tmp_path):
    """A joint notice's red header as a layout table: both organs, one under the other, in the left
    cell and 文件 in the right. Also a page header and footer (not in the text), a footnote mark and a
    comment anchored in the body (no text of theirs in the line)."""
    import docx
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "松林县应急管理局"
    d.sections[0].footer.paragraphs[0].text = "— 1 —"
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "松林县应急管理局\n松林县公安局"
    table.cell(0, 1).text = "文件"
    for line in ["松应急〔2027〕9号", "松林县应急管理局 松林县公安局关于加强烟花爆竹安全管理的通知", "各乡镇人民政府：",
                 "为加强烟花爆竹安全管理，现就有关事项通知如下。", "一、严格经营许可"]:
        d.add_paragraph(line)
    d.paragraphs[3]._p.append(etree.fromstring(f'<w:r xmlns:w="{w}"><w:footnoteReference w:id="1"/></w:r>'))
    item = d.add_paragraph("（一）各乡镇要对辖区内烟花爆竹零售点逐一检查，")
    item._p.insert(1, etree.fromstring(f'<w:commentRangeStart xmlns:w="{w}" w:id="0"/>'))
    item.add_run("12月20日前完成。")
    item._p.append(etree.fromstring(f'<w:commentRangeEnd xmlns:w="{w}" w:id="0"/>'))
    item._p.append(etree.fromstring(f'<w:r xmlns:w="{w}"><w:commentReference w:id="0"/></w:r>'))
    for line in ["二、加强运输管理", "公安部门要加强烟花爆竹运输车辆检查。", "松林县应急管理局        松林县公安局", "2027年11月20日"]:
        d.add_paragraph(line)
    d.save(tmp_path / "n.docx")
    lines = read_file(tmp_path / "n.docx").split("\n")
    assert lines[:2] == ["松林县应急管理局松林县公安局文件", "松应急〔2027〕9号"]
    assert "— 1 —" not in lines
    result = segment_paths([tmp_path / "n.docx"])
    doc = result.documents[0]
    assert (doc.issuer, doc.doc_number, doc.date) == ("松林县应急管理局、松林县公安局", "松应急〔2027〕9号", "2027-11-20")
    assert [(c.heading_path, c.text) for c in result.clauses] == [
        ((), "为加强烟花爆竹安全管理，现就有关事项通知如下。"),
        (("一、严格经营许可",), "（一）各乡镇要对辖区内烟花爆竹零售点逐一检查，12月20日前完成。"),
        (("二、加强运输管理",), "公安部门要加强烟花爆竹运输车辆检查。")]


def test_page_controls_inside_the_content_container_are_no_text(tmp_path):
    """【字体：大 中 小】【打印本页】【关闭窗口】, 分享到：, 扫一扫在手机打开当前页 inside the container
    that holds the notice: gone, alone on a line or beside other text; words like 打印 in a sentence
    stay. The page's 发布时间/来源/浏览次数 line there reads as its publication date and the organ that put it online
    (发布机构, session 22)."""
    page = (f"<html><head><title>{FLOOD_TITLE}</title></head><body><div class='content'>"
            "<div>发布时间：2027-06-01 09:30 来源：松林县应急管理局 浏览次数：<span>128</span></div>"
            "<div>【字体：大 中 小】 【打印本页】 【关闭窗口】</div>"
            + "".join(f"<p>{p}</p>" for p in FLOOD[:7]) + "<p>各单位不得打印张贴未经审核的宣传材料。</p>"
            + "".join(f"<p>{p}</p>" for p in FLOOD[7:])
            + "<p>分享到：</p><p>【打印本页】 【关闭窗口】</p><p>扫一扫在手机打开当前页</p></div></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert read_file(tmp_path / "p.html").split("\n") == [FLOOD_TITLE, "发布日期：2027-06-01", "发布机构：松林县应急管理局"] + FLOOD[:7] + [
        "各单位不得打印张贴未经审核的宣传材料。"] + FLOOD[7:]
    # the page's information line inside the container is the page's date, not a notice's text
    result = segment_paths([tmp_path / "p.html"])
    assert len(result.documents) == 1 and result.documents[0].title == FLOOD_TITLE
    assert [(c.heading_path, c.text) for c in result.clauses] == FLOOD_CLAUSES + [
        (("二、落实值班值守",), "各单位不得打印张贴未经审核的宣传材料。")]



def test_a_web_page_saved_as_text_keeps_one_notice(tmp_path):
    """The same page saved or pasted as .txt: its information line and controls are lines of their own.
    They split the notice in two (the line after 来源 read as a new notice's head, the first notice a
    built title and the information line its clause); now the date is the page's and the rest goes."""
    lines = [FLOOD_TITLE, "发布时间：2027-06-01 09:30　　来源：松林县应急管理局", "浏览次数：128",
             "【字体：大 中 小】【打印本页】【关闭窗口】", *FLOOD[:7], "各单位不得打印张贴未经审核的宣传材料。", *FLOOD[7:],
             "分享到：", "扫一扫在手机打开当前页"]
    (tmp_path / "p.txt").write_text("\n".join(lines), encoding="utf-8")
    assert read_file(tmp_path / "p.txt").split("\n") == [FLOOD_TITLE, "发布日期：2027-06-01", "发布机构：松林县应急管理局"] + FLOOD[:7] + [
        "各单位不得打印张贴未经审核的宣传材料。"] + FLOOD[7:]
    result = segment_paths([tmp_path / "p.txt"])
    assert len(result.documents) == 1 and result.documents[0].title == FLOOD_TITLE
    assert [(c.heading_path, c.text) for c in result.clauses] == FLOOD_CLAUSES + [
        (("二、落实值班值守",), "各单位不得打印张贴未经审核的宣传材料。")]

# --- .txt copies as offices save them --------------------------------------------------------------

LEAVE = ["松林县应急管理局", "关于做好2027年国庆节期间安全生产工作的通知", "松应急〔2027〕31号", "各乡镇人民政府，县直有关单位：",
         S + "国庆节假期临近，为确保节日期间全县安全生产形势稳定，现就有关事项通知如下。",
         S + "一、加强重点场所检查",
         S + "（一）各乡镇要组织对辖区内景区、商场、宾馆饭店等人员密集场所开展一次全面检查，9月28日前完成。",
         S + "（二）交通运输部门要加强客运站和旅游包车安全管理，严禁客车超员。",
         S + "二、严格值班值守",
         S + "节日期间实行24小时值班和领导带班制度，发生事故及时报告县应急管理局。",
         "松林县应急管理局", "2027年9月20日"]
LEAVE_CLAUSES = [((), LEAVE[4].strip()), (("一、加强重点场所检查",), LEAVE[6].strip()),
                 (("一、加强重点场所检查",), LEAVE[7].strip()), (("二、严格值班值守",), LEAVE[9].strip())]


def _hard_wrapped(lines, width=24):
    """Each line cut every ``width`` characters, as a text copy saved with fixed-width line breaks."""
    return [line[i:i + width] for line in lines for i in range(0, len(line), width)]


@pytest.mark.parametrize("name,data", [
    ("utf16_bom.txt", "\r\n".join(LEAVE).encode("utf-16")),  # Notepad's "Unicode": UTF-16LE with its mark
    ("utf16le_no_bom.txt", "\r\n".join(LEAVE).encode("utf-16-le")),
    ("utf16be_no_bom.txt", "\n".join(LEAVE).encode("utf-16-be")),
    ("gbk_crlf.txt", "\r\n".join(LEAVE).encode("gbk")),
    ("gb18030_wrapped.txt", "\r\n".join(_hard_wrapped(LEAVE)).encode("gb18030")),
    ("utf8_wrapped_bom.txt", "\n".join(_hard_wrapped(LEAVE, 30)).encode("utf-8-sig")),
])
def test_txt_encodings_line_ends_and_fixed_width_wrapping(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    result = segment_paths([tmp_path / name])
    assert not result.errors and len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.title, doc.doc_number, doc.date) == ("松林县应急管理局关于做好2027年国庆节期间安全生产工作的通知",
                                                    "松应急〔2027〕31号", "2027-09-20")
    assert [(c.heading_path, c.text) for c in result.clauses] == LEAVE_CLAUSES


def test_binary_with_nul_bytes_is_still_no_text(tmp_path):
    import random

    rng = random.Random(7)
    (tmp_path / "b.txt").write_bytes(bytes(rng.randrange(256) if i % 2 else 0 for i in range(4096)))
    result = segment_paths([tmp_path / "b.txt"])
    assert result.errors and "binary" in str(result.errors[0])


# --- a task table copied one row per line ----------------------------------------------------------


def _pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` display columns (a CJK character two wide)."""
    import unicodedata

    return text + " " * (width - sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


def _laid_out(rows, widths=(6, 38, 18, 10)):
    """The table as a text copy laid out by position (``pdftotext -layout``, a table typed with
    spaces): each cell's lines under its column, a wrapped cell's next line on a line of its own."""
    out = []
    for row in rows:
        cells = [cell if isinstance(cell, list) else [cell] for cell in row]
        for k in range(max(len(cell) for cell in cells)):
            out.append("".join(_pad(cell[k] if k < len(cell) else "", w) for cell, w in zip(cells, widths)).rstrip())
    return out


def test_a_text_copy_one_row_per_line_cells_apart_by_spaces(tmp_path):
    """The row-per-line PDF's text as a PDF viewer copies it: a row a line, its cells apart by one
    space, a wrapped cell's next line alone (``老旧管网和餐饮场所隐患`` goes on with the task,
    ``监管局`` ends the agency cell it was cut from)."""
    from pypdf import PdfReader

    row_per_line_table_pdf(tmp_path / "wp.pdf", centred=False)
    copy = PdfReader(tmp_path / "wp.pdf").pages[0].extract_text()
    assert "县应急局、县市场 9月底前\n 监管局" in copy
    (tmp_path / "wp.txt").write_text(copy, encoding="utf-8")
    assert _read(tmp_path / "wp.txt")[1:] == TASKS


def test_a_text_copy_laid_out_in_columns_by_spaces(tmp_path):
    text = "\n".join(HEAD + [""] + _laid_out(TABLE) + [""] + TAIL)
    assert "  县住建局" in text and "\n" + " " * 44 + "监管局\n" in text
    (tmp_path / "wp.txt").write_text(text, encoding="utf-8")
    assert _read(tmp_path / "wp.txt")[1:] == TASKS


@pytest.mark.parametrize("lines", [
    ["序号 工作任务 责任单位 完成时限", "各乡镇要按照分工抓好落实。"],  # no numbered row
    ["序号 工作任务 责任单位 完成时限", "1 开展燃气安全检查 全面排查 逐项整改"],  # no agency, no time where they stand
    ["序号 名单 备注", "1 张某某 县应急局"],  # no task column
])
def test_only_an_unmistakable_row_per_line_table_is_read(lines):
    text = "\n".join(["一、重点任务"] + lines + ["二、保障措施"])
    assert copied_tables(text) == text


def test_a_copied_table_with_labels_wrapped_in_narrow_columns():
    """责任单位 and 完成时限 wrapped in their narrow header cells (责任 / 单位, 完成 / 时限), the header
    repeated on the next page as wrapped."""
    header = ["序号", "工作任务", "责任", "单位", "完成", "时限"]
    text = "\n".join(header + ["1", "开展燃气安全检查", "县住建局", "6月底前"] + header
                     + ["2", "组织应急演练", "县应急局", "9月底前", "二、保障措施"])
    assert copied_tables(text).split("\n") == ["1.开展燃气安全检查（完成时限：6月底前）（责任单位：县住建局）",
                                               "2.组织应急演练（完成时限：9月底前）（责任单位：县应急局）", "二、保障措施"]


def test_a_two_page_notice_with_its_two_line_header_on_page_two_only(tmp_path):
    """Word's different first page: the red header and number on page 1, the organ over the number
    as running header on page 2 alone. Both header lines leave page 2 (the number was a line of text
    there and split the notice in two)."""
    lines = _wrap([("c", "松林县应急管理局文件"), ("c", "松应急〔2027〕5号")] + CHECK)
    c, (width, height) = _canvas(tmp_path / "n.pdf")
    half = (len(lines) + 1) // 2
    for number, start in enumerate((0, half), 1):
        if number == 2:
            c.setFont(FONT, 10)
            c.drawCentredString(width / 2, height - 36, "松林县应急管理局")
            c.drawCentredString(width / 2, height - 50, "松应急〔2027〕5号")
        c.setFont(FONT, 12)
        c.drawCentredString(width / 2, 36, f"— {number} —")
        c.setFont(FONT, 14)
        for i, (align, text) in enumerate(lines[start:start + half]):
            y = height - 80 - 24 * i
            if align == "c":
                c.drawCentredString(width / 2, y, text)
            elif align == "r":
                c.drawRightString(width - 80, y, text)
            else:
                c.drawString(80, y, text)
        c.showPage()
    c.save()
    result = segment_paths([tmp_path / "n.pdf"])
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.title, doc.doc_number, doc.date) == (TITLE, "松应急〔2027〕5号", "2027-03-09")
    assert [(c.heading_path, c.text) for c in result.clauses] == _check_clauses()


def _spans(text):
    return "".join(f"<span style='font-family:仿宋_GB2312'>{ch}</span>" for ch in text)


@pytest.mark.parametrize("name,page", [
    # one <p>, its paragraphs apart by <br>, indented by &nbsp;
    ("br.html", f"<html><body><div class='TRS_Editor'><p style='text-align:center'>{FLOOD_TITLE}</p><p>"
                + "<br>".join("&nbsp;&nbsp;&nbsp;&nbsp;" + p for p in FLOOD) + "</p></div></body></html>"),
    # every character a <span> of its own (a converter's output)
    ("spans.html", f"<html><body><div id='zoom'><p>{_spans(FLOOD_TITLE)}</p>"
                   + "".join(f"<p>&nbsp;&nbsp;{_spans(p)}</p>" for p in FLOOD) + "</div></body></html>"),
    # no content container at all, &nbsp; on both sides of each paragraph
    ("bare.html", f"<html><body><p align=center>{FLOOD_TITLE}</p>"
                  + "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}&nbsp;</p>" for p in FLOOD) + "</body></html>"),
])
def test_web_page_paragraph_layouts(tmp_path, name, page):
    (tmp_path / name).write_text(page, encoding="utf-8")
    result = segment_paths([tmp_path / name])
    doc = result.documents[0]
    assert (len(result.documents), doc.title, doc.issuer, doc.date) == (1, FLOOD_TITLE, "松林县应急管理局", "2027-06-01")
    assert [(c.heading_path, c.text) for c in result.clauses] == FLOOD_CLAUSES


def test_a_copied_table_with_more_organ_and_time_words():
    """Agencies ending in 联 or 协 (县妇联, 县科协), times written as 立即启动 or 持续推进."""
    text = "\n".join(["序号", "工作任务", "责任单位", "完成时限", "1", "开展职工安全教育", "县总工会、县妇联", "立即启动",
                      "2", "开展安全科普宣传", "县科协", "持续推进", "二、保障措施"])
    assert copied_tables(text).split("\n") == ["1.开展职工安全教育（完成时限：立即启动）（责任单位：县总工会、县妇联）",
                                               "2.开展安全科普宣传（完成时限：持续推进）（责任单位：县科协）", "二、保障措施"]


def test_docx_paragraphs_broken_at_each_printed_line(tmp_path):
    """A .docx converted from a PDF: each body paragraph one Word paragraph, broken by manual line
    breaks (Shift+Enter) wherever a printed line ended, at no fixed width; the signature and date one
    paragraph with a break between them. The broken sentences read whole; the organ and the date stay
    two lines."""
    import random

    import docx

    d = docx.Document()
    rng = random.Random(3)
    for align, text in CHECK[:-2]:
        paragraph = d.add_paragraph()
        cuts = sorted(rng.sample(range(6, len(text) - 3), 3)) if not align and len(text) > 30 else []
        pieces = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
        for k, piece in enumerate(pieces):
            run = paragraph.add_run(piece)
            if k < len(pieces) - 1:
                run.add_break()
    signature = d.add_paragraph().add_run(CHECK[-2][1])
    signature.add_break()
    signature.add_text(CHECK[-1][1])
    d.save(tmp_path / "n.docx")
    assert "松林县应急管理局\n2027年3月9日" in read_file(tmp_path / "n.docx")
    result = segment_paths([tmp_path / "n.docx"])
    doc = result.documents[0]
    assert (len(result.documents), doc.title, doc.date) == (1, TITLE, "2027-03-09")
    assert [(c.heading_path, c.text) for c in result.clauses] == _check_clauses()


@pytest.mark.parametrize("header,footer", [(("松林县应急管理局", "松应急〔2027〕5号"), "- {page} -"),
                                           (("松林县人民政府公报", "2027年第3期"), "第 {page} 页 共 {total} 页")])
def test_a_text_copy_of_a_pdf_under_a_two_line_header(tmp_path, header, footer):
    """The notice's PDF copied into a .txt: every page's two header lines and its page number come
    with the text (in pypdf's order: header, number, then the page's text). Both header lines are
    page marks; they split the notice in four and cut the items running over the page breaks."""
    from pypdf import PdfReader

    notice_pdf(tmp_path / "n.pdf", CHECK, header=header, footer=footer)
    pages = PdfReader(tmp_path / "n.pdf").pages
    copy = "\n".join(page.extract_text() for page in pages)
    assert copy.count(header[1]) == len(pages) == 4
    (tmp_path / "n.txt").write_text(copy, encoding="utf-8")
    # and pasted into a web page, each line a paragraph
    (tmp_path / "n.html").write_text("<html><body><div class='TRS_Editor'>" + "".join(
        f"<p>{line}</p>" for line in copy.split("\n")) + "</div></body></html>", encoding="utf-8")
    for name in ("n.txt", "n.html"):
        result = segment_paths([tmp_path / name])
        doc = result.documents[0]
        assert (len(result.documents), doc.title, doc.date) == (1, TITLE, "2027-03-09")
        assert [(c.heading_path, c.text) for c in result.clauses] == _check_clauses()
