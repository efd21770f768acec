"""Build the fixtures of tests/test_files_formats5.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats5/make_fixtures.py
    .venv/bin/python tests/data/formats5/make_fixtures.py --probes /tmp/probes   # the probes, not committed

The notice (invented county 榆汀县; EXPECTED.md holds the readings written down before any reader
ran) is fire_notice.txt beside this script, its task table fire_tasks.txt. python-docx (with raw
WordprocessingML where it has no API: tracked changes, notes, fields), reportlab, pypdf, PIL,
openpyxl and xlwt (generation only); the RTF files are written as Word writes RTF on a Chinese system (formats4's writer).
"""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTICE = [line for line in (HERE / "fire_notice.txt").read_text(encoding="utf-8").split("\n") if line.strip()]
TITLE, NUMBER, ADDRESSEE, PREAMBLE, ITEM1, ITEM2, ITEM3, SIGNATURE, DATE = NOTICE
#: the task table of fire_tasks.txt: header and three rows
TASKS = [["序号", "工作任务", "责任单位", "完成时限"],
         ["1", "排查人员密集场所消防设施", "各乡镇", "7月15日前"],
         ["2", "开展高层建筑消防设施联合检查", "县消防救援大队", "7月31日前"],
         ["3", "督促商场超市落实主体责任", "县商务局", "8月15日前"]]
SHEET_TITLE = "榆汀县夏季消防安全隐患排查整治任务分解表"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _formats4():
    """formats4's fixture writer (its RTF as Word writes one), loaded from its file."""
    spec = importlib.util.spec_from_file_location("formats4_fixtures", HERE.parent / "formats4" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- Word: review marks, notes, fields, sections -------------------------------------------------
def _xml(fragment: str):
    from docx.oxml import parse_xml

    return parse_xml(fragment)


def _r(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'


def _p(inner: str, mark: str = "") -> str:
    return f'<w:p xmlns:w="{W_NS}"><w:pPr><w:ind w:firstLineChars="200"/>{mark}</w:pPr>{inner}</w:p>'


def _ins(inner: str, n: int) -> str:
    return f'<w:ins w:id="{n}" w:author="办公室" w:date="2027-06-19T10:00:00Z">{inner}</w:ins>'


def _del(text: str, n: int) -> str:
    return (f'<w:del w:id="{n}" w:author="办公室" w:date="2027-06-19T10:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def _notes_part(document, kind: str, text: str) -> None:
    """A footnotes or endnotes part holding Word's two separator notes and note 1 (``text``)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    tag = kind[:-1]  # footnote, endnote
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind} xmlns:w="{W_NS}">'
           f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag}Ref/></w:r>'
           f'{_r(" " + text)}</w:p></w:{tag}></w:{kind}>')
    part = Part(PackURI(f"/word/{kind}.xml"),
                f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml",
                xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}")


def _note_ref(kind: str) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="1"/></w:r>'


def _page_field() -> str:
    """``— PAGE —`` as Word writes a page number: a complex field, its shown result ``3``."""
    return (_r("— ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("3") +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + _r(" —"))


def _body_append(document, xml: str) -> None:
    from docx.oxml import parse_xml

    document.element.body.insert(len(document.element.body) - 1, parse_xml(xml))  # before the body's sectPr


def review_docx(path: Path) -> None:
    """fire_notice sent round for review: tracked changes, a comment, notes, header and footer."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = SIGNATURE
    footer = section.footer.paragraphs[0]._p
    for run in _xml(f'<w:p xmlns:w="{W_NS}">{_page_field()}</w:p>').findall(f"{{{W_NS}}}r"):
        footer.append(run)
    for line in (TITLE, NUMBER, ADDRESSEE, PREAMBLE):
        document.add_paragraph(line)
    before, after = ITEM1.split("7月15日前")
    _body_append(document, _p(_r(before) + _del("6月30日前", 1) + _ins(_r("7月15日前"), 2) + _r(after)))
    item2 = document.add_paragraph(ITEM2)
    document.add_comment(item2.runs, text="请核实大队名称", author="办公室", initials="BGS")
    head, tail = ITEM3.split("商场超市")
    _body_append(document, _p(_r(head + "商场超市") + _note_ref("footnote") + _r(tail) + _note_ref("endnote")))
    deleted_mark = '<w:rPr><w:del w:id="3" w:author="办公室" w:date="2027-06-19T10:00:00Z"/></w:rPr>'
    _body_append(document, _p(_del("　　四、县教育局要开展校园消防演练。", 4), deleted_mark))
    document.add_paragraph(SIGNATURE)
    document.add_paragraph(DATE)
    _notes_part(document, "footnotes", "指营业面积在五百平方米以上的商场、超市。")
    _notes_part(document, "endnotes", "本通知由县安委办负责解释。")
    document.save(str(path))


def _control(inner: str, placeholder: bool) -> str:
    """A content control (``w:sdt``) at run level holding ``inner``; ``placeholder``: it shows its
    prompt (``w:showingPlcHdr``), as an empty control of a template does."""
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else ""
    return (f'<w:sdt><w:sdtPr><w:alias w:val="输入项"/><w:id w:val="{sum(map(ord, inner))}"/>{shown}</w:sdtPr>'
            f'<w:sdtContent><w:r>{style}<w:t xml:space="preserve">{inner}</w:t></w:r></w:sdtContent></w:sdt>')


def placeholder_docx(path: Path) -> None:
    """fire_notice from a template: the number in a filled content control, two empty ones showing prompts."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    _body_append(document, f'<w:p xmlns:w="{W_NS}">{_control(NUMBER, False)}</w:p>')
    for line in (ADDRESSEE, PREAMBLE, ITEM1, ITEM2, ITEM3):
        document.add_paragraph(line)
    _body_append(document, _p(_control("单击或点击此处输入文字。", True)))
    _body_append(document, f'<w:p xmlns:w="{W_NS}">{_control("（请输入附件名称）", True)}</w:p>')
    document.add_paragraph(SIGNATURE)
    document.add_paragraph(DATE)
    document.save(str(path))


def landscape_docx(path: Path) -> None:
    """fire_tasks with its table on a landscape page of its own section, a fourth row deleted."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import parse_xml

    document = docx.Document()
    for line in (TITLE, NUMBER, ADDRESSEE, PREAMBLE):
        document.add_paragraph(line)
    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = landscape.page_height, landscape.page_width
    rows = [*TASKS, ["4", "开展校园消防演练", "县教育局", "9月10日前"]]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    last = table.rows[-1]._tr
    last.insert(0, parse_xml(f'<w:trPr xmlns:w="{W_NS}"><w:del w:id="7" w:author="办公室" '
                             'w:date="2027-06-19T10:00:00Z"/></w:trPr>'))
    for t in last.iter(f"{{{W_NS}}}t"):  # a deleted row's runs are deleted too
        t.tag = f"{{{W_NS}}}delText"
        run = t.getparent()
        wrapper = parse_xml(f'<w:del xmlns:w="{W_NS}" w:id="8" w:author="办公室" w:date="2027-06-19T10:00:00Z"/>')
        run.addprevious(wrapper)
        wrapper.append(run)
    portrait = document.add_section(WD_SECTION.NEW_PAGE)
    portrait.orientation = WD_ORIENT.PORTRAIT
    portrait.page_width, portrait.page_height = portrait.page_height, portrait.page_width
    document.add_paragraph(SIGNATURE)
    document.add_paragraph(DATE)
    document.save(str(path))


# -- PDF ------------------------------------------------------------------------------------------
def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _seal():
    """A red ring with a star, transparent around it: an organ's seal as a picture."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 290, 290), outline=(220, 20, 20, 200), width=14)
    draw.regular_polygon((150, 150, 50), 5, fill=(220, 20, 20, 200))
    return image


def _wrap(text: str, width: float, size: float = 14) -> list[str]:
    """A paragraph broken into printed lines as a word processor breaks them: as many characters as
    fit ``width`` points at ``size`` (a digit takes half a Chinese character's room)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = [""]
    for ch in text:
        if lines[-1] and stringWidth(lines[-1] + ch, "STSong-Light", size) > width:
            lines.append("")
        lines[-1] += ch
    return lines


def _footer(c, font: str, number: int, width: float = 595) -> None:
    c.setFont(font, 12)
    c.drawCentredString(width / 2, 40, f"- {number} -")


def layout_pdf(path: Path) -> None:
    """A 红头 notice: the red 版头 and rule, two pages, page marks, a header on page 2, a seal."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFillColorRGB(0.85, 0.05, 0.05)
    c.setFont(font, 30)
    c.drawCentredString(297, 740, "榆汀县安全生产委员会办公室文件")
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, 14)
    c.drawCentredString(297, 700, NUMBER)
    c.setStrokeColorRGB(0.85, 0.05, 0.05)
    c.setLineWidth(2)
    c.line(70, 685, 525, 685)
    c.setFont(font, 16)
    y = 640
    for line in _wrap(TITLE, 390, 16):
        c.drawCentredString(297, y, line)
        y -= 26
    c.setFont(font, 14)
    y -= 10
    lines = [ADDRESSEE] + [piece for para in (PREAMBLE, ITEM1) for piece in _wrap(para, 395)]
    for line in lines:
        c.drawString(70, y, line)
        y -= 24
    _footer(c, font, 1)
    c.showPage()
    c.setFont(font, 10)
    c.drawCentredString(297, 800, SIGNATURE)  # the running header of the pages after the first
    c.setFont(font, 14)
    y = 760
    for line in [piece for para in (ITEM2, ITEM3) for piece in _wrap(para, 395)]:
        c.drawString(70, y, line)
        y -= 24
    y -= 40
    c.drawRightString(500, y, SIGNATURE)
    c.drawRightString(480, y - 24, DATE)
    c.drawImage(ImageReader(_seal()), 370, y - 70, width=120, height=120, mask="auto")
    _footer(c, font, 2)
    c.showPage()
    c.save()


def two_column_pdf(path: Path) -> None:
    """The notice in a gazette set in two columns of 13 characters, running over two pages."""
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    lines = [(line, "title") for line in _wrap(TITLE, 210, 16)] + [(NUMBER, "centre")]
    lines += [(piece, "text") for para in (ADDRESSEE, PREAMBLE, ITEM1, ITEM2, ITEM3) for piece in _wrap(para, 185)]
    lines += [(SIGNATURE, "right"), (DATE, "right")]
    per_column = 14
    columns = [lines[i:i + per_column] for i in range(0, len(lines), per_column)]
    for page in range(0, len(columns), 2):
        c.setFont(font, 10)
        c.drawCentredString(297, 805, "榆汀县人民政府公报")
        c.line(60, 798, 535, 798)
        for k, column in enumerate(columns[page:page + 2]):
            left = 60 + k * 250
            y = 760
            for text, how in column:
                c.setFont(font, 16 if how == "title" else 14)
                if how in ("title", "centre"):
                    c.drawCentredString(left + 112, y, text)
                elif how == "right":
                    c.drawRightString(left + 225, y, text)
                else:
                    c.drawString(left, y, text)
                y -= 26
        _footer(c, font, 5 + page // 2)
        c.showPage()
    c.save()


def rotated_pdf(path: Path) -> None:
    """fire_tasks over three pages, its table on page 2: a portrait page turned by /Rotate 90 whose
    content is drawn turned back, so that it shows as a landscape page (842 x 595 on screen)."""
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(font, 16)
    c.drawCentredString(297, 760, TITLE[:24])
    c.drawCentredString(297, 734, TITLE[24:])
    c.setFont(font, 14)
    c.drawCentredString(297, 700, NUMBER)
    y = 660
    for line in [ADDRESSEE] + _wrap(PREAMBLE, 395):
        c.drawString(70, y, line)
        y -= 24
    _footer(c, font, 1)
    c.showPage()
    c.setPageRotation(90)
    c.saveState()
    c.transform(0, 1, -1, 0, 595, 0)  # shown (X, Y) on the landscape page -> (595 - Y, X) on the portrait one
    widths = [60, 330, 170, 130]
    left, top, height = 76, 480, 34
    c.setFont(font, 13)
    for r, row in enumerate(TASKS):
        x = left
        for w, text in zip(widths, row):
            c.rect(x, top - (r + 1) * height, w, height)
            c.drawCentredString(x + w / 2, top - (r + 1) * height + 12, text)
            x += w
    c.setFont(font, 12)
    c.drawCentredString(421, 40, "- 2 -")
    c.restoreState()
    c.showPage()
    c.setFont(font, 14)
    c.drawRightString(500, 760, SIGNATURE)
    c.drawRightString(480, 736, DATE)
    _footer(c, font, 3)
    c.showPage()
    c.save()


# -- HTML -----------------------------------------------------------------------------------------
def site_page(path: Path) -> None:
    """The notice as a county site's page: menus, controls, related links, footer around it."""
    paragraphs = "\n".join(f"<p style=\"text-indent:2em\">{line.strip()}</p>" for line in (PREAMBLE, ITEM1, ITEM2, ITEM3))
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{TITLE}_通知公告_榆汀县人民政府</title></head>
<body>
<div class="top-bar"><a href="/">榆汀县人民政府</a> <a href="/en">English</a> <a href="/wza">无障碍</a></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/tzgg">通知公告</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg">通知公告</a></div>
<div class="main">
<h1 class="article-title">{TITLE}</h1>
<div class="article-info">发布时间：2027-06-20 来源：榆汀县应急管理局 浏览次数：<span id="hits">128</span>
【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="article-body">
<p style="text-align:center">{NUMBER}</p>
<p>{ADDRESSEE}</p>
{paragraphs}
<p style="text-align:right">{SIGNATURE}</p>
<p style="text-align:right">{DATE}</p>
</div>
<div class="article-tools">分享到：<a>微信</a> <a>微博</a> 【<a>打印本页</a>】【<a>关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3>
<ul><li><a href="/tzgg/1.html">榆汀县应急管理局关于做好汛期安全防范工作的通知</a></li>
<li><a href="/tzgg/2.html">榆汀县安全生产委员会办公室关于开展燃气安全专项整治的通知</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：榆汀县人民政府办公室</p><p>网站标识码：9999000001 中岳ICP备00000001号</p></div>
</body></html>
"""
    path.write_text(html, encoding="utf-8")


# -- a spreadsheet --------------------------------------------------------------------------------
def task_sheet_xlsx(path: Path) -> None:
    """The task table as a spreadsheet: a title merged across, numbers as numbers, a date cell."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "任务分解表"
    sheet["A1"] = SHEET_TITLE
    sheet.merge_cells("A1:D1")
    sheet.append(TASKS[0])
    for row in TASKS[1:]:
        sheet.append([int(row[0]), row[1], row[2], row[3]])
    sheet["D5"] = datetime.date(2027, 8, 15)
    sheet["D5"].number_format = 'yyyy"年"m"月"d"日"'
    options = book.create_sheet("选项")  # the list a drop-down draws on, hidden as forms hide it
    options.append(["是"])
    options.append(["否"])
    options.sheet_state = "hidden"
    book.properties.creator = "榆汀县安委办"
    book.properties.created = book.properties.modified = datetime.datetime(2027, 6, 20, 9, 0)
    book.save(str(path))


def task_sheet_xls(path: Path) -> None:
    """task_sheet as an Excel 97-2003 workbook (xlwt: generation only, the readers use xlrd)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("任务分解表")
    sheet.write_merge(0, 0, 0, 3, SHEET_TITLE)
    for c, label in enumerate(TASKS[0]):
        sheet.write(1, c, label)
    for r, row in enumerate(TASKS[1:], start=2):
        sheet.write(r, 0, int(row[0]))
        sheet.write(r, 1, row[1])
        sheet.write(r, 2, row[2])
        if r < 4:
            sheet.write(r, 3, row[3])
    sheet.write(4, 3, datetime.date(2027, 8, 15), xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"'))
    options = book.add_sheet("选项")
    options.write(0, 0, "是")
    options.write(1, 0, "否")
    options.visibility = 1  # hidden
    book.save(str(path))


# -- RTF ------------------------------------------------------------------------------------------
def _hmerge_table(f4, rows: list[list[str]]) -> str:
    """Rows as Word writes a table, a row of one text merged across (``\\clmgf`` on its first cell,
    ``\\clmrg`` on the others, which hold no text)."""
    widths = [900, 4200, 2100, 1800]
    out = []
    for row in rows:
        across = len(row) == 1
        merge = ["\\clmgf", "\\clmrg", "\\clmrg", "\\clmrg"] if across else [""] * 4
        texts = [row[0], "", "", ""] if across else row
        props = "\\trowd \\irow0\\trgaph108\\trleft0" + "".join(
            f"{merge[i]}\\clbrdrt\\brdrs\\brdrw10 \\clbrdrl\\brdrs\\brdrw10 \\clbrdrb\\brdrs\\brdrw10 "
            f"\\clbrdrr\\brdrs\\brdrw10 \\cltxlrtb\\clftsWidth3\\clwWidth{w} \\cellx{sum(widths[:i + 1])}"
            for i, w in enumerate(widths))
        cells = "".join(f"\\pard\\plain \\qc\\intbl {f4._run(text, 24)}\\cell " for text in texts)
        out.append(f"{props}\n{cells}\\pard\\plain \\intbl {{{props}\\row }}\n")
    return "".join(out)


def hmerge(f4, name: str, rows: list[list[str]], folder: Path = HERE) -> None:
    """fire_tasks with ``rows`` as its table (a row of one text merged across), as Word's RTF and as
    a .docx whose such rows python-docx merges."""
    import docx

    head = [TITLE, NUMBER, ADDRESSEE, PREAMBLE]
    body = [f4._paragraph(line, centred=i == 0) for i, line in enumerate(head)]
    body.append(_hmerge_table(f4, rows))
    body.extend(f4._paragraph(line) for line in (SIGNATURE, DATE))
    (folder / f"{name}.rtf").write_bytes(f4.rtf("".join(body)))
    document = docx.Document()
    for line in head:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        if len(cells) == 1:
            table.cell(r, 0).merge(table.cell(r, 3)).text = cells[0]
            continue
        for cell, text in zip(table.rows[r].cells, cells):
            cell.text = text
    for line in (SIGNATURE, DATE):
        document.add_paragraph(line)
    document.save(str(folder / f"{name}.docx"))


def _text_box(f4, lines: list[str], top: int) -> str:
    """A text box as Word writes one: a shape (``\\shp``) whose instructions hold its properties and
    its text (``\\shptxt``), and the drawing-object fallback (``\\shprslt``) for older readers,
    which holds the text again (``\\dptxbxtext``)."""
    text = "".join(f"\\pard\\plain \\ql {f4._run(line, 28)}\\par " for line in lines)
    props = "".join(f"{{\\sp{{\\sn {k}}}{{\\sv {v}}}}}" for k, v in (("shapeType", 202), ("fFlipH", 0),
                                                                   ("lTxid", 65536), ("fLine", 0)))
    return (f"{{\\shp{{\\*\\shpinst\\shpleft5000\\shptop{top}\\shpright9000\\shpbottom{top + 900}\\shpfhdr0"
            f"\\shpbxcolumn\\shpbxignore\\shpbypara\\shpbyignore\\shpwr3\\shpwrk0\\shpfblwtxt0\\shpz1\\shplid1026"
            f"{props}{{\\shptxt {text}}}}}"
            f"{{\\shprslt{{\\*\\do\\dobxcolumn\\dobypara\\dodhgt8193\\dptxbx\\dptxlrtb{{\\dptxbxtext {text}}}"
            f"\\dpx5000\\dpy{top}\\dpxsize4000\\dpysize900\\dpfillfgcr255\\dpfillbgcr255\\dpfillpat0}}}}}}")


def textbox_rtf(f4) -> None:
    """fire_notice with its number, and its signature with the date, in text boxes (a 公文 template
    sets them so, the signature to lie under the seal), each anchored in an empty paragraph."""
    body = [f4._paragraph(TITLE, centred=True)]
    body.append(f"\\pard\\plain \\qj {_text_box(f4, [NUMBER], 300)}\\par\n")
    body.extend(f4._paragraph(line) for line in (ADDRESSEE, PREAMBLE, ITEM1, ITEM2, ITEM3))
    body.append(f"\\pard\\plain \\qj {_text_box(f4, [SIGNATURE, DATE], 200)}\\par\n")
    (HERE / "fire_textbox.rtf").write_bytes(f4.rtf("".join(body)))


# -- OFD ------------------------------------------------------------------------------------------
#: the ruled table of fire_tasks_noseq (EXPECTED.md): no 序号 column; None: the cell above goes on
NOSEQ = [["工作任务", "牵头单位", "配合单位", "完成时限"],
         ["开展人员密集场所消防设施排查并建立问题清单", "各乡镇", "县消防救援大队", "7月15日前"],
         ["对高层建筑和大型商业综合体开展消防设施联合检查", "县消防救援大队", "县住建局", "7月31日前"],
         ["督促商场超市落实消防安全主体责任并开展自查", "县商务局", None, "8月15日前"]]
NOSEQ_COLUMNS = (70.0, 32.0, 32.0, 22.8)  # mm: the body's width, 156.8


def _formats_ofd():
    """tests/data/formats' OFD writer (GB/T 33190 packages as real writers set them)."""
    spec = importlib.util.spec_from_file_location("formats_ofd", HERE.parent / "formats" / "make_ofd_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ruled_table(ofd, writer, rows: list[list[str | None]], columns: tuple[float, ...]) -> None:
    """``rows`` as a table ruled round every cell, each border a PathObject; a ``None`` cell is the
    cell above it going on (no rule between them in that column); cells wrapped at their width."""
    edges = [ofd.LEFT]
    for width in columns:
        edges.append(edges[-1] + width)
    first = top = writer.y - ofd.BODY - 1.5
    writer.rule(edges[0], top, edges[-1], top)
    for r, row in enumerate(rows):
        cells = []
        for text, width in zip(row, columns):
            lines, rest = [], text or ""
            while rest:
                line, rest = ofd.wrap(rest, (width - 2) / ofd.CELL)
                lines.append(line)
            cells.append(lines)
        height = max(len(c) for c in cells) * 7.0 + 3
        for k, (lines, x0) in enumerate(zip(cells, edges)):
            for j, text in enumerate(lines):
                writer.text(x0 + 1, top + 6 + 7.0 * j, text, ofd.CELL, style=ofd.STYLES[(k + j) % len(ofd.STYLES)])
        top += height
        below = rows[r + 1] if r + 1 < len(rows) else [""] * len(row)
        for k in range(len(row)):  # the rule under each cell, but under one the next row goes on from
            if below[k] is not None:
                writer.rule(edges[k], top, edges[k + 1], top)
    for x in edges:
        writer.rule(x, first, x, top)
    writer.y = top + ofd.BODY + 6


def noseq_ofd(path: Path) -> None:
    """fire_notice's head and preamble, the NOSEQ table ruled, the signature and date; its .docx twin."""
    import docx

    ofd = _formats_ofd()
    writer = ofd.Writer()
    writer.line(TITLE[:20], "center", ofd.TITLE)
    writer.line(TITLE[20:], "center", ofd.TITLE)
    writer.line(NUMBER, "center")
    writer.line(ADDRESSEE)
    writer.paragraph(PREAMBLE.strip())
    _ruled_table(ofd, writer, NOSEQ, NOSEQ_COLUMNS)
    writer.line(SIGNATURE, "right")
    writer.line(DATE, "right")
    ofd.package(writer, path, TITLE, "榆汀县安全生产委员会办公室政务公开", SIGNATURE)
    document = docx.Document()
    for line in (TITLE, NUMBER, ADDRESSEE, PREAMBLE):
        document.add_paragraph(line)
    table = document.add_table(rows=len(NOSEQ), cols=4)
    table.style = "Table Grid"
    for r, cells in enumerate(NOSEQ):
        for c, text in enumerate(cells):
            if text is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                table.cell(r, c).text = text
    for line in (SIGNATURE, DATE):
        document.add_paragraph(line)
    document.save(str(path.with_suffix(".docx")))


def main() -> None:
    f4 = _formats4()
    task_sheet_xlsx(HERE / "task_sheet.xlsx")
    task_sheet_xls(HERE / "task_sheet.xls")
    placeholder_docx(HERE / "placeholder.docx")
    hmerge(f4, "fire_tasks_sections", [TASKS[0], ["人员密集场所"], TASKS[1], ["高层建筑和商业场所"], *TASKS[2:]])
    textbox_rtf(f4)
    noseq_ofd(HERE / "fire_tasks_noseq.ofd")


def probes(folder: Path) -> None:
    """The probes that read right already (EXPECTED.md, "Probed"), written to ``folder`` (not
    committed: no test may pass on the code before its fix), for the next reader change to run."""
    folder.mkdir(parents=True, exist_ok=True)
    review_docx(folder / "review.docx")
    landscape_docx(folder / "landscape.docx")
    layout_pdf(folder / "layout.pdf")
    two_column_pdf(folder / "two_column.pdf")
    rotated_pdf(folder / "rotated.pdf")
    site_page(folder / "site_page.html")
    hmerge(_formats4(), "fire_tasks_hmerge", [[SHEET_TITLE], *TASKS], folder)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()
