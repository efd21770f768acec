"""The formats13 probes (EXPECTED.md): a notice OCR'd with ``一 3 一`` page marks, a news page whose short headline is
also a link, and files as users get them: a .docx with tracked changes and a comment, one with a text box and a header
and footer, one with a footnote; a two-sheet .xlsx 整改任务清单 with merged cells; UTF-16 and GB18030 texts; a page laid
out in a <table>; a two-column .pdf; a .zip of a notice and its 附件.

The notice is ours (the invented county 岚溪县). Every writer writes into ``folder``; tests/test_files_formats13.py
calls :func:`write_all` once for the module. Nothing binary is committed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ISSUER = "岚溪县安全生产委员会办公室"
TITLE = "岚溪县安全生产委员会办公室关于开展汛期安全生产大检查的通知"
NUMBER = "岚安办〔2027〕12号"
ADDRESSEE = "各乡镇人民政府，县直有关单位："
PREAMBLE = "为做好汛期安全生产工作，经县安委会同意，决定在全县开展汛期安全生产大检查。现将有关事项通知如下："
ITEMS = ["一、检查范围。重点检查矿山、危险化学品、建筑施工、道路交通等行业领域企业，以及人员密集场所。",
         "二、检查方式。各乡镇要组织安全监管人员每周开展一次巡查，对发现的隐患实行清单管理，整改一项销号一项。",
         "三、工作要求。各单位要依照《安全生产法》落实企业主体责任，于2027年7月31日前将检查情况报送县安委办。"]
DATE = "2027年6月15日"


def notice_lines() -> list[str]:
    return [TITLE, NUMBER, ADDRESSEE, PREAMBLE, *ITEMS, ISSUER, DATE]


def notice() -> str:
    return "\n".join(notice_lines()) + "\n"


# -- a. a scan's text with 一 3 一 page marks ------------------------------------------------------------------
#: a longer notice, cut over three pages: a paragraph runs over each page break
LONG_ITEMS = [
    "一、全面排查隐患。各乡镇、各有关部门要组织力量，对辖区内矿山、危险化学品、建筑施工、道路交通、城镇燃气等"
    "行业领域开展拉网式排查，做到不留死角、不留盲区，对排查出的隐患逐项登记。",
    "二、强化监测预警。县气象局、县水利局要加强雨情水情监测，及时发布预警信息；各乡镇接到预警后要立即通知到村"
    "到户到人，提前组织危险区域群众转移避险。",
    "三、严格值班值守。各单位要严格执行24小时值班和领导带班制度，保持通信畅通，遇有险情及时报告，不得迟报漏报。",
    "四、加强督导检查。县安委办将适时组织督查组，对各乡镇、各部门工作开展情况进行督导检查，对工作不力的予以通报。",
]


def ocr_pages(mark: str) -> str:
    """The long notice as OCR reads a three-page scan: each page after the first under the running header (the
    issuer's name), each page ending in its number written ``mark`` (``一 {} 一`` or ``— {} —``); a page break falls
    inside items 二 and 四's paragraphs."""
    two, four = LONG_ITEMS[1], LONG_ITEMS[3]
    page1 = [TITLE, NUMBER, ADDRESSEE, PREAMBLE, LONG_ITEMS[0], two[:40]]
    page2 = ["岚溪县应急管理局文件", two[40:], LONG_ITEMS[2], four[:30]]
    page3 = ["岚溪县应急管理局文件", four[30:], ISSUER, DATE]
    out = []
    for n, page in enumerate((page1, page2, page3), start=1):
        out += page + [mark.format(n)]
    return "\n".join(out) + "\n"


# -- b. a short headline that is also a link ------------------------------------------------------------------
HEADLINE = "做好当前防汛工作的通知"
SHORT_BODY = ("<p>各乡镇人民政府，县直各有关单位：</p><p>当前已进入主汛期，为切实做好防汛工作，现将有关事项通知如下：</p>"
              "<p>一、加强监测预警。各乡镇要落实24小时值班制度，及时发布预警信息。</p>"
              "<p>二、做好人员转移。对山洪灾害危险区群众，要提前组织转移避险。</p>"
              "<p style='text-align:right'>岚溪县防汛抗旱指挥部办公室</p><p style='text-align:right'>2027年6月12日</p>")
BREADCRUMB = "<div class='nav'><a href='/'>首页</a> &gt; <a href='/tzgg/'>{column}</a></div>"
#: where the page lists other articles, the headline among them: a sidebar, a 相关链接 table, a box with dates
LISTS = {
    "sidebar": "<div class='right'><h3>最新信息</h3><ul><li><a href='/a1.html'>{h}</a></li>"
               "<li><a href='/a2.html'>岚溪县2027年汛期安全工作方案</a></li></ul></div>",
    "related_table": "<table><tr><td>相关链接：</td></tr><tr><td><a href='/a1.html'>{h}</a></td></tr>"
                     "<tr><td><a href='/a2.html'>岚溪县2027年汛期安全工作方案</a></td></tr></table>",
    "dated_box": "<div class='xg'><div class='t'><span>相关链接</span><a href='/more'>更多&gt;&gt;</a></div>"
                 "<ul><li><a href='/a1.html'>{h}</a><span>2027-06-12</span></li></ul></div>",
}


def short_headline_page(listing: str, container: bool, headline: str = HEADLINE, column: str = "通知公告",
                        h1: bool = True) -> str:
    """A news page: ``<title>`` headline_site, a breadcrumb naming ``column``, the ``<h1>`` headline (where ``h1``), the
    text in a ``#zoom`` container (where ``container``) or loose in the page, then a list of links ``listing``."""
    body = f"<div id='zoom'>{SHORT_BODY}</div>" if container else SHORT_BODY
    return (f"<html><head><meta charset='utf-8'><title>{headline}_岚溪县人民政府</title></head><body>"
            + BREADCRUMB.format(column=column) + (f"<h1>{headline}</h1>" if h1 else "") + body
            + LISTS[listing].format(h=headline) + "</body></html>")


# -- 1-3. Word files ------------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(build) -> bytes:
    from docx import Document

    document = Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml(fragment: str):
    from docx.oxml import parse_xml

    return parse_xml(fragment.replace("XMLNS", f'xmlns:w="{W_NS}"'))


def _run(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'


def tracked_docx() -> bytes:
    """Item 二 with ``每月`` deleted and ``每周`` inserted (w:del/w:ins), a fourth paragraph deleted whole (its runs and
    its mark), and a comment on item 一 (its text in comments.xml)."""
    two = ITEMS[1]
    before, after = two.split("每周")
    deleted = "四、其他事项。本通知未尽事宜另行通知。"

    def build(document):
        for line in [TITLE, NUMBER, ADDRESSEE, PREAMBLE]:
            document.add_paragraph(line)
        first = document.add_paragraph(ITEMS[0])
        document.add_comment(first.runs, text="此处请核实", author="审核人", initials="SH")
        p = document.add_paragraph()
        p._p.append(_xml(f"<w:r XMLNS><w:t>{before}</w:t></w:r>"))
        p._p.append(_xml(f'<w:del XMLNS w:id="91" w:author="a" w:date="2027-06-14T09:00:00Z">'
                         f'<w:r><w:delText>每月</w:delText></w:r></w:del>'))
        p._p.append(_xml(f'<w:ins XMLNS w:id="92" w:author="a" w:date="2027-06-14T09:00:00Z">'
                         f'<w:r><w:t>每周</w:t></w:r></w:ins>'))
        p._p.append(_xml(f'<w:r XMLNS><w:t xml:space="preserve">{after}</w:t></w:r>'))
        document.add_paragraph(ITEMS[2])
        gone = document.add_paragraph()
        gone._p.append(_xml(f'<w:pPr XMLNS><w:rPr><w:del w:id="93" w:author="a" w:date="2027-06-14T09:00:00Z"/>'
                            f'</w:rPr></w:pPr>'))
        gone._p.append(_xml(f'<w:del XMLNS w:id="94" w:author="a" w:date="2027-06-14T09:00:00Z">'
                            f'<w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))
        document.add_paragraph(ISSUER)
        document.add_paragraph(DATE)
    return _docx(build)


TEXT_BOX = ('<w:r XMLNS xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
            '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="5000000" cy="600000"/><wp:docPr id="1" name="文本框 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def boxes_header_docx() -> bytes:
    """The notice with item 三 in a text box (DrawingML, VML fallback) anchored in an empty paragraph; the header the
    issuer's name, the footer ``—`` PAGE ``—``."""
    def build(document):
        section = document.sections[0]
        section.header.paragraphs[0].text = ISSUER
        footer = section.footer.paragraphs[0]
        footer.add_run("—")
        footer._p.append(_xml('<w:fldSimple XMLNS w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run("—")
        for line in [TITLE, NUMBER, ADDRESSEE, PREAMBLE, ITEMS[0], ITEMS[1]]:
            document.add_paragraph(line)
        anchor = document.add_paragraph()
        anchor._p.append(_xml(TEXT_BOX.format(text=ITEMS[2])))
        document.add_paragraph(ISSUER)
        document.add_paragraph(DATE)
    return _docx(build)


FOOTNOTE = "2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议修正。"
_FOOTNOTES_XML = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
                  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                  '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                  f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {FOOTNOTE}</w:t></w:r></w:p></w:footnote></w:footnotes>')


def footnotes_docx() -> bytes:
    """The notice with a footnote after ``《安全生产法》`` in item 三 (footnotes.xml added as Word writes it)."""
    before, after = ITEMS[2].split("》", 1)

    def build(document):
        for line in [TITLE, NUMBER, ADDRESSEE, PREAMBLE, ITEMS[0], ITEMS[1]]:
            document.add_paragraph(line)
        p = document.add_paragraph(before + "》")
        p._p.append(_xml('<w:r XMLNS><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'))
        p.add_run(after)
        document.add_paragraph(ISSUER)
        document.add_paragraph(DATE)
    data = _docx(build)
    return _with_parts(data, {"word/footnotes.xml": _FOOTNOTES_XML.encode("utf-8")},
                       rel=('<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            'relationships/footnotes" Target="footnotes.xml"/>'),
                       override=('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                                 'officedocument.wordprocessingml.footnotes+xml"/>'))


def _with_parts(data: bytes, parts: dict[str, bytes], rel: str, override: str) -> bytes:
    """The .docx ``data`` with ``parts`` added, the document's relationship ``rel`` and the content type ``override``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(info, body)
        for name, body in parts.items():
            target.writestr(name, body)
    return out.getvalue()


# -- 4. a two-sheet 整改任务清单 --------------------------------------------------------------------------------
LIST_TITLE = "岚溪县安全生产专项整治整改任务清单"
HEADER = ["序号", "类别", "整改任务", "责任单位", "完成时限"]
TASKS = [
    ("危险化学品", "对全县危险化学品企业开展全覆盖检查，建立隐患清单", "县应急管理局", "2027年7月31日前"),
    ("危险化学品", "推进危险化学品运输车辆动态监控全覆盖", "县交通运输局", "2027年8月31日前"),
    ("危险化学品", "督促企业完成重大危险源在线监测系统升级", "县应急管理局", "2027年9月30日前"),
    ("消防安全", "对人员密集场所开展消防安全专项检查", "县消防救援大队", "2027年7月31日前"),
    ("消防安全", "清理整治高层建筑消防通道占用问题", "县消防救援大队", "2027年8月31日前"),
]
NOTES = ["1.本清单由县安委办负责解释。", "2.各责任单位每月25日前报送整改进展情况。"]


def tasks_xlsx() -> bytes:
    """Sheet 清单: the title merged over the columns, the header, the 类别 merged over 3 and 2 rows, the two 消防 rows'
    责任单位 merged over both. Sheet 说明: the notes, one per row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append([LIST_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for n, (category, task, unit, due) in enumerate(TASKS, start=1):
        sheet.append([n, category, task, unit, due])
    # merged cells keep their value in the first cell only: blank the rest as Excel does
    for first, last in ((3, 5), (6, 7)):
        sheet.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
    sheet.merge_cells(start_row=6, start_column=4, end_row=7, end_column=4)
    notes = book.create_sheet("说明")
    for line in NOTES:
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- 5. encodings -----------------------------------------------------------------------------------------------
#: characters whose GB18030 bytes are also Big5 byte pairs (a run Big5 decodes to other characters)
ENCODED_ITEM = "四、加强瞭望巡护。林区各乡镇要在防火期增设瞭望哨，严防山火；堃岭村、翀溪村要落实专人值守。"


def encoded_notice() -> str:
    lines = notice_lines()
    return "\n".join(lines[:7] + [ENCODED_ITEM] + lines[7:]) + "\n"


# -- 6. a page laid out in a table ---------------------------------------------------------------------------
#: an old site's menu bar: a row of cells of one link each, over the article
MENU_BAR = ["首页", "政务公开", "通知公告", "工作动态", "政策法规", "应急预案", "安全提示", "办事服务"]


def menu_bar_html() -> str:
    """An old site's page: one table, its top row the menu bar, the row under it the article (one cell spanning)."""
    menu = "".join(f"<td><a href='/{n}/'>{word}</a></td>" for n, word in enumerate(MENU_BAR))
    article = (f"<p align='center'><b>{TITLE}</b></p>" + "".join(f"<p>{line}</p>" for line in [NUMBER, ADDRESSEE, PREAMBLE, *ITEMS])
               + f"<p align='right'>{ISSUER}</p><p align='right'>{DATE}</p>")
    return ("<html><head><meta charset='utf-8'><title>岚溪县应急管理局</title></head><body>"
            f"<table><tr>{menu}</tr><tr><td colspan='{len(MENU_BAR)}'>{article}</td></tr></table></body></html>")


def table_layout_html(title_row: bool = False) -> str:
    """An old site's page: one table, its left cell the navigation and a 最新信息 list, its right cell the article; where
    ``title_row``, the headline and the 发布日期 line in rows of their own over the article's cell (the left cell spans
    the three rows)."""
    nav = ("<table><tr><td><a href='/'>首页</a></td></tr><tr><td><a href='/tzgg/'>通知公告</a></td></tr>"
           "<tr><td><a href='/zcfg/'>政策法规</a></td></tr><tr><td><a href='/gzdt/'>工作动态</a></td></tr></table>"
           "<p>最新信息</p><table><tr><td><a href='/b1.html'>岚溪县召开2027年第二季度安全生产形势分析会</a></td></tr>"
           "<tr><td><a href='/b2.html'>县应急管理局开展危险化学品企业执法检查</a></td></tr></table>")
    article = (f"<p align='center'><b>{TITLE}</b></p><p align='center'>发布日期：2027-06-15　来源：县应急管理局</p>"
               + "".join(f"<p>{line}</p>" for line in [NUMBER, ADDRESSEE, PREAMBLE, *ITEMS])
               + f"<p align='right'>{ISSUER}</p><p align='right'>{DATE}</p>")
    if title_row:
        head, text = article.split("<p>", 1)
        rows = (f"<tr><td width='200' valign='top' rowspan='2'>{nav}</td><td>{head}</td></tr>"
                f"<tr><td width='800' valign='top'><p>{text}</td></tr>")
    else:
        rows = f"<tr><td width='200' valign='top'>{nav}</td><td width='800' valign='top'>{article}</td></tr>"
    return ("<html><head><meta charset='utf-8'><title>岚溪县应急管理局</title></head><body>"
            "<table width='1000'><tr><td colspan='2'><img src='/logo.png' alt='岚溪县应急管理局'></td></tr>"
            f"{rows}"
            "<tr><td colspan='2'>版权所有：岚溪县应急管理局　网站标识码：9999000013</td></tr></table></body></html>")


# -- 7. a two-column .pdf ----------------------------------------------------------------------------------------
BRIEFING_TITLE = "岚溪县安全生产工作简报"
LEFT = ["一、全县开展汛期安全生产大检查", "6月以来，全县共检查企业", "312家，发现隐患586项，已", "整改541项。",
        "二、县应急管理局召开会议", "部署危险化学品安全专项", "整治，要求各企业严格落实", "主体责任。"]
RIGHT = ["三、各乡镇加强值班值守", "各乡镇严格执行领导带班", "制度，确保信息畅通，遇有", "险情及时报告。",
         "四、下一步工作安排", "县安委办将组织督查组，", "对工作开展情况进行督导", "检查。"]


def two_columns_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    page.setFont("STSong-Light", 18)
    page.drawCentredString(width / 2, height - 80, BRIEFING_TITLE)
    page.setFont("STSong-Light", 12)
    for x, column in ((60, LEFT), (width / 2 + 20, RIGHT)):
        for n, line in enumerate(column):
            page.drawString(x, height - 130 - 20 * n, line)
    page.showPage()
    page.save()
    return out.getvalue()


# -- 8. a zip of a notice and its 附件 -------------------------------------------------------------------------
ANNEX_TITLE = "附件1"
CHECKS = [("检查项目", "检查内容", "检查结果"), ("防汛物资", "储备数量是否满足要求", ""),
          ("值班值守", "是否落实24小时值班", ""), ("隐患整改", "是否建立隐患整改台账", "")]


def annex_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "检查表"
    sheet.append([ANNEX_TITLE])
    sheet.append(["汛期安全生产检查表"])
    for row in CHECKS:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def annex_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{TITLE}.docx", _docx(lambda d: [d.add_paragraph(x) for x in notice_lines()]))
        archive.writestr("附件1 汛期安全生产检查表.xlsx", annex_xlsx())
    return out.getvalue()


def write_all(folder: Path) -> dict[str, Path]:
    files = {
        "ocr_pages.txt": ocr_pages("一 {} 一").encode("utf-8"),
        "dash_pages.txt": ocr_pages("— {} —").encode("utf-8"),
        "notice.txt": notice().encode("utf-8"),
        "tracked.docx": tracked_docx(),
        "boxes_header.docx": boxes_header_docx(),
        "footnotes.docx": footnotes_docx(),
        "tasks.xlsx": tasks_xlsx(),
        "encoded.txt": encoded_notice().encode("utf-8"),
        "utf16.txt": encoded_notice().encode("utf-16"),
        "gb18030.txt": encoded_notice().encode("gb18030"),
        "table_layout.html": table_layout_html().encode("utf-8"),
        "table_layout_rows.html": table_layout_html(title_row=True).encode("utf-8"),
        "table_layout_menu_bar.html": menu_bar_html().encode("utf-8"),
        "two_columns.pdf": two_columns_pdf(),
        "with_annex.zip": annex_zip(),
    }
    for listing in LISTS:
        for container in (True, False):
            files[f"short_{listing}_{'zoom' if container else 'loose'}.html"] = \
                short_headline_page(listing, container).encode("utf-8")
    out = {}
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out[name] = path
    return out
