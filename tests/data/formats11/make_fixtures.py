"""The formats11 probes (EXPECTED.md): formats6's winter notice as a web page whose headline is only in its
``<title>``, as a page Word saved, as a .docx with tracked changes, as GB18030 text with a character outside GBK,
as a PDF whose running header is its title; formats5's task sheet as an .xls with a filter (inactive and active).

Every writer returns bytes or writes to a path it is given: tests/test_files_formats11.py builds the files in a
temporary folder (module fixture), nothing here is committed but this script and EXPECTED.md.
"""

from __future__ import annotations

import struct
from pathlib import Path

from fixture_writers import make_fixtures

HERE = Path(__file__).resolve().parent


def formats6():
    return make_fixtures("formats6")


def formats10():
    return make_fixtures("formats10")


def parts() -> dict:
    return formats6()._notice()


def notice() -> str:
    return formats6().WINTER_NOTICE


def without(text: str, *lines: str) -> str:
    """``text`` with the lines ``lines`` left out (the winter notice less its number, its addressee)."""
    return "\n".join(line for line in text.split("\n") if line not in lines)


# -- 1. web pages whose headline is only in <title> ------------------------------------------------------
def _rows(table: list[list[str]]) -> str:
    return "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in table)


#: a 信息公开 page's rows over the notice (index number, organ, dates, number), as plain paragraphs
META_ROWS = ("索引号：11140000-2027-00031", "发文机关：澄溪市应急管理局", "成文日期：2027年11月15日",
             "发文字号：澄应急〔2027〕31号", "发布日期：2027年11月16日")


#: a county portal's top: a welcome bar with its own links, a menu of one link a line, a breadcrumb
TOP_BAR = ('<div class="top-bar"><span>欢迎访问澄溪市人民政府门户网站</span><a href="#">无障碍浏览</a><a href="#">长者模式</a>'
           '</div><div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
           '<li><a href="/hdjl/">互动交流</a></li></ul></div><div class="location">当前位置：<a href="/">首页</a> &gt; '
           '<a href="/zwgk/">政务公开</a> &gt; 通知公告</div>')


def page(title: str, head: tuple[str, ...] = ("addressee",), body_title: str | None = None,
         meta: bool = False, top: str = "", meta_head: str = "") -> str:
    """The notice on a site's page with no CMS content container: a nav box of links, then the notice's
    paragraphs in plain ``<div>``s (its head lines ``head``: number, addressee, in that order), its table, a
    footer; ``body_title``: a centred title line of the body's own above them; ``meta``: ``META_ROWS`` first;
    ``meta_head``: ``<meta>`` tags of the page's head."""
    n = parts()
    lines = [n[key] for key in head] + [n["preamble"], *n["body"]]
    own = "".join(f"<p>{row}</p>" for row in META_ROWS) if meta else ""
    own += f'<p style="text-align:center"><strong>{body_title}</strong></p>' if body_title else ""
    paras = "".join(f"<p>{line}</p>" for line in lines)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{meta_head}</head><body>'
            f'{top or TOP}'
            f'<div id="main">{own}{paras}<table border="1">{_rows(n["table"])}</table>'
            f'<p style="text-align:right">{n["signature"]}</p><p style="text-align:right">{n["date"]}</p></div>'
            '<div class="bottom">主办：澄溪市人民政府办公室 网站标识码：9999000011</div></body></html>')


TOP = '<div class="top"><a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>'


def pages() -> dict[str, str]:
    title = parts()["title"]
    short = title.replace("澄溪市应急管理局", "")
    return {
        "title_dash.html": page(f"{title} - 澄溪市人民政府"),
        "title_underscore.html": page(f"{title}_澄溪市应急管理局"),
        "title_bar.html": page(f"{title}｜澄溪市人民政府门户网站"),
        "title_site_first.html": page(f"澄溪市人民政府门户网站 - 通知公告 - {title}"),
        "title_number_first.html": page(f"{title} - 澄溪市人民政府", head=("number", "addressee")),
        "title_text_first.html": page(f"{title} - 澄溪市人民政府", head=()),
        "title_double_dash.html": page(f"{title}——澄溪市应急管理局"),
        "title_article_meta.html": page("澄溪市人民政府门户网站",
                                        meta_head=f'<meta name="ArticleTitle" content="{title}">'),
        "title_top_bar.html": page(f"{title}_澄溪市人民政府", head=("number", "addressee"), top=TOP_BAR),
        "title_in_body.html": page(f"{short}_澄溪市应急管理局", body_title=title),
        "title_in_body_top_bar.html": page(f"{short}_澄溪市应急管理局", body_title=title, top=TOP_BAR),
        "title_under_meta.html": page(f"{title} - 澄溪市人民政府", body_title=title, meta=True),
        "title_column_only.html": page("通知公告_澄溪市应急管理局"),
    }


# -- 2. an .xls task list with a filter -------------------------------------------------------------------
def _records(stream: bytes) -> list[tuple[int, int, bytes]]:
    """A BIFF stream's records: (offset, code, data), up to xlwt's zero padding."""
    out, pos = [], 0
    while pos + 4 <= len(stream):
        code, size = struct.unpack_from("<HH", stream, pos)
        if code == 0 and size == 0:
            break
        out.append((pos, code, stream[pos + 4:pos + 4 + size]))
        pos += 4 + size
    return out


def _record(code: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", code, len(data)) + data


def _insert(stream: bytes, at: int, new: bytes) -> bytes:
    """``new`` records inserted at offset ``at`` of a workbook stream, each BOUNDSHEET's sheet position past it
    moved on, the stream kept at its size by dropping as many of xlwt's trailing padding zeros (so the OLE
    container around it stays as it is)."""
    assert stream[len(stream) - len(new):] == bytes(len(new)), "no padding left"
    out = bytearray(stream[:at] + new + stream[at:len(stream) - len(new)])
    for pos, code, data in _records(bytes(out)):
        if code == 0x85:  # BOUNDSHEET: lbPlyPos, the sheet's BOF offset
            (ply,) = struct.unpack_from("<I", data)
            if ply >= at:
                struct.pack_into("<I", out, pos + 4, ply + len(new))
    return bytes(out)


def _filter_name(rows: int) -> bytes:
    """The built-in name _FilterDatabase (0x0D), hidden, scoped to the first sheet, over A2:D{rows}: with the
    SUPBOOK (this workbook) and EXTERNSHEET its 3-D reference needs. Excel writes it for every AutoFilter."""
    supbook = _record(0x1AE, struct.pack("<HH", 2, 0x0401))
    externsheet = _record(0x17, struct.pack("<HHHH", 1, 0, 0, 0))
    formula = struct.pack("<BHHHHH", 0x3B, 0, 1, rows - 1, 0, 3)  # tArea3d: ixti 0, rows 2.., columns A..D
    name = _record(0x18, struct.pack("<HBBHHH4B", 0x0021, 0, 1, len(formula), 0, 1, 0, 0, 0, 0)
                   + b"\x00\x0d" + formula)
    return supbook + externsheet + name


def _criterion(column: int, sign: int, value: str) -> bytes:
    """An AUTOFILTER record: column ``column`` ``sign`` (2 =, 5 <>) the string ``value``."""
    doper = struct.pack("<BBIBBBB", 0x06, sign, 0, len(value), 1, 0, 0)
    return _record(0x9E, struct.pack("<HH", column, 0x0004) + doper + bytes(10) + b"\x01" + value.encode("utf-16-le"))


def filtered_xls(data: bytes, active: bool) -> bytes:
    """formats5's task_sheet.xls (its first sheet's row 3, the second task, hidden: formats10's writer) with an
    AutoFilter on the table (A2:D5): ``active``: FILTERMODE and a criterion on 责任单位 (<> 县消防救援大队, the row
    the filter hides); else the arrows only (AUTOFILTERINFO, no criterion: a filter set and cleared)."""
    from olefile import OleFileIO

    with OleFileIO(data) as ole:
        stream = ole.openstream("Workbook").read()
    sst = next(pos for pos, code, _ in _records(stream) if code == 0xFC)
    stream = _insert(stream, sst, _filter_name(5))
    dims = next(pos for pos, code, _ in _records(stream) if code == 0x200)  # the first sheet's DIMENSIONS
    new = _record(0x9B) if active else b""
    new += _record(0x9D, struct.pack("<H", 4))
    if active:
        new += _criterion(2, 5, "县消防救援大队")
    stream = _insert(stream, dims, new)
    hidden = formats10().hidden_xls_row(stream, 3)
    at = data.index(stream[:64])  # the Workbook stream lies whole in the file's sectors (4096 bytes, 8 sectors)
    assert data[at:at + len(hidden)] != hidden
    return data[:at] + hidden + data[at + len(hidden):]


def task_sheet_xls() -> bytes:
    return (formats5_dir() / "task_sheet.xls").read_bytes()


def formats5_dir() -> Path:
    return HERE.parent / "formats5"


# -- 3. more quirks --------------------------------------------------------------------------------------
def word_html() -> bytes:
    """The notice as Word saves a web page (filtered): MsoNormal paragraphs, mso- styles, <o:p>, list numbers in
    mso-list:Ignore spans, a MsoTableGrid table, the body in div.WordSection1, GB2312."""
    n = parts()
    pad = '<span style=\'font:7.0pt "Times New Roman"\'>&nbsp;&nbsp;&nbsp; </span>'

    def para(text: str, align: str = "") -> str:
        style = " align=center style='text-align:center'" if align == "center" else (
            " align=right style='text-align:right'" if align == "right" else
            " style='text-indent:32.0pt;mso-char-indent-count:2.0'")
        return (f"<p class=MsoNormal{style}><span style='font-size:16.0pt;font-family:仿宋_GB2312;"
                f"mso-hansi-font-family:\"Times New Roman\"'>{text}<o:p></o:p></span></p>\n")

    def listed(text: str) -> str:
        number, rest = (text.split("、", 1)[0] + "、", text.split("、", 1)[1]) if "、" in text[:3] else (
            text[:text.index("）") + 1], text[text.index("）") + 1:])
        return (f"<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'>"
                f"<![if !supportLists]><span style='font-size:16.0pt;mso-fareast-font-family:仿宋_GB2312'>"
                f"<span style='mso-list:Ignore'>{number}{pad}</span></span><![endif]><span style='font-size:16.0pt'>"
                f"{rest}<o:p></o:p></span></p>\n")

    cells = "".join("<tr style='mso-yfti-irow:0'>" + "".join(
        f"<td width=142 valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>"
        f"<p class=MsoNormal><span style='font-size:12.0pt'>{cell}<o:p></o:p></span></p></td>" for cell in row)
        + "</tr>\n" for row in n["table"])
    body = (para(n["title"], "center") + para(n["number"], "center") + para(n["addressee"]).replace(
        " style='text-indent:32.0pt;mso-char-indent-count:2.0'", "") + para(n["preamble"])
        + "".join(listed(line) for line in n["body"])
        + f"<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
          f"mso-yfti-tbllook:1184'>\n{cells}</table>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
        + para(n["signature"], "right") + para(n["date"], "right"))
    html = ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
            "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n<meta name=Generator "
            "content=\"Microsoft Word 15 (filtered)\">\n<title>关于开展冬春火灾防控工作的通知</title>\n"
            "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公室</o:Author></o:DocumentProperties>"
            "</xml><![endif]-->\n<style>\n<!--\n p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;"
            "font-family:等线;}\n@page WordSection1 {size:595.3pt 841.9pt;}\ndiv.WordSection1 {page:WordSection1;}"
            "\n-->\n</style>\n</head>\n<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>"
            f"\n<div class=WordSection1 style='layout-grid:15.6pt'>\n{body}</div>\n</body>\n</html>\n")
    return html.encode("gb18030")


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tracked_docx(path: Path) -> None:
    """The notice with tracked changes not accepted (EXPECTED.md): its accepted text is the notice."""
    import docx
    from docx.oxml import parse_xml

    n = parts()
    document = docx.Document()
    ns = f'xmlns:w="{W_NS}"'
    mark = 'w:id="{id}" w:author="办公室" w:date="2027-11-14T09:00:00Z"'
    ids = iter(range(1, 100))

    def add(text: str):
        return document.add_paragraph(text)

    add(n["title"])
    add(n["number"])
    add(n["addressee"])
    # a word inserted, a word deleted: 有效遏制 typed over 坚决遏制
    pre = n["preamble"]
    cut = pre.index("有效")
    p = document.add_paragraph(pre[:cut])
    p._p.append(parse_xml(f'<w:del {ns} {mark.format(id=next(ids))}><w:r><w:delText>坚决</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {ns} {mark.format(id=next(ids))}><w:r><w:t>有效</w:t></w:r></w:ins>'))
    p.add_run(pre[cut + 2:])
    # a paragraph deleted whole (runs and mark), between the preamble and the first heading
    gone = document.add_paragraph()
    gone._p.append(parse_xml(f'<w:del {ns} {mark.format(id=next(ids))}><w:r><w:delText>（此段已删除）各地要高度重视。'
                             '</w:delText></w:r></w:del>'))
    gone._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {ns}><w:del {mark.format(id=next(ids))}/></w:rPr>'))
    body = n["body"]
    # a heading whose numbering was changed under tracking: the OLD properties (a list) kept in pPrChange
    for k, line in enumerate(body):
        if k == 2:  # 二、落实工作责任's items: the second moved from before the first
            moved = body[4]
            mf = document.add_paragraph()
            mf._p.append(parse_xml(f'<w:moveFrom {ns} {mark.format(id=next(ids))}><w:r><w:t>{moved}</w:t></w:r>'
                                   '</w:moveFrom>'))
            mf._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {ns}><w:moveFrom {mark.format(id=next(ids))}/></w:rPr>'))
        if k == 4:
            mt = document.add_paragraph()
            mt._p.append(parse_xml(f'<w:moveTo {ns} {mark.format(id=next(ids))}><w:r><w:t>{line}</w:t></w:r>'
                                   '</w:moveTo>'))
            continue
        para = add(line)
        if k == 0:
            para._p.get_or_add_pPr().append(parse_xml(
                f'<w:pPrChange {ns} {mark.format(id=next(ids))}><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
                '</w:numPr></w:pPr></w:pPrChange>'))
    rows = n["table"] + [["3", "（已删除）开展消防演练", "市消防救援支队", "12月31日前"]]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    last = table.rows[-1]._tr
    last.get_or_add_trPr().append(parse_xml(f'<w:del {ns} {mark.format(id=next(ids))}/>'))
    for t in last.iter(f"{{{W_NS}}}t"):  # a deleted row's text is deleted text too
        t.tag = f"{{{W_NS}}}delText"
    for r_el in list(last.iter(f"{{{W_NS}}}r")):
        parent = r_el.getparent()
        wrapper = parse_xml(f'<w:del {ns} {mark.format(id=next(ids))}/>')
        parent.replace(r_el, wrapper)
        wrapper.append(r_el)
    add(n["signature"])
    add(n["date"])
    document.save(str(path))


RARE = "\u365f"  # 㙟: CJK Extension A, outside GBK, four bytes in GB18030


def rare_text() -> str:
    """The notice naming a town written with ``RARE`` in its addressee and one item."""
    n = parts()
    return (notice().replace(n["addressee"], n["addressee"].replace("市直有关单位", f"{RARE}溪镇，市直有关单位"))
            .replace("（一）各单位要明确", f"（一）{RARE}溪镇和各单位要明确"))


def header_title_pdf(path: Path, first_page: bool = True, wrapped: bool = False) -> None:
    """The notice printed over pages whose running header, on every page (the first too, over the title; from the
    second on where not ``first_page``: Word's "different first page"), is the notice's title in small type over a
    rule; ``第N页 共M页`` footers. ``wrapped``: the title printed over two lines (…防控 / 工作的通知), as a long one is."""
    from reportlab.pdfgen import canvas

    f10 = formats10()
    f10._font()
    lines = f10.printed_lines()
    if wrapped:
        title = lines[0][0]
        cut = title.index("工作的通知")
        lines = [(title[:cut], "title", 0.0), (title[cut:], "title", 0.0)] + lines[1:]
    per_page = 8
    page_lines = [lines[at:at + per_page] for at in range(0, len(lines), per_page)]
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, chunk in enumerate(page_lines, start=1):
        if first_page or number > 1:
            c.setFont(f10.FONT, 10)
            c.drawCentredString(297.5, 805, parts()["title"])
            c.line(60, 798, 535, 798)
        y = 760.0
        for text, how, x in chunk:
            f10._show(c, text, how, x, y)
            y -= 36 if how == "title" else 30
        c.setFont(f10.FONT, 12)
        c.drawCentredString(297.5, 40, f"第{number}页 共{len(page_lines)}页")
        c.showPage()
    c.save()


def write_all(folder: Path) -> dict[str, Path]:
    """Every probe written to ``folder``: name -> path."""
    out = {}
    for name, html in pages().items():
        out[name] = folder / name
        out[name].write_text(html, encoding="utf-8")
    data = formats10().hidden_xls_row(task_sheet_xls(), 3)
    for name, blob in (("tasks_plain_hidden.xls", data),
                       ("tasks_inactive_hidden.xls", filtered_xls(task_sheet_xls(), active=False)),
                       ("tasks_active.xls", filtered_xls(task_sheet_xls(), active=True)),
                       ("word_saved.html", word_html()),
                       ("gb18030_rare.txt", rare_text().encode("gb18030"))):
        out[name] = folder / name
        out[name].write_bytes(blob)
    out["tracked.docx"] = folder / "tracked.docx"
    tracked_docx(out["tracked.docx"])
    out["header_title.pdf"] = folder / "header_title.pdf"
    header_title_pdf(out["header_title.pdf"])
    out["header_title_later.pdf"] = folder / "header_title_later.pdf"
    header_title_pdf(out["header_title_later.pdf"], first_page=False)
    out["header_title_wrapped.pdf"] = folder / "header_title_wrapped.pdf"
    header_title_pdf(out["header_title_wrapped.pdf"], first_page=False, wrapped=True)
    return out


if __name__ == "__main__":
    import sys

    for name, path in write_all(Path(sys.argv[1])).items():
        print(name, path.stat().st_size)
