"""Build the fixtures of tests/test_files_formats6.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats6/make_fixtures.py
    .venv/bin/python tests/data/formats6/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings
written down before any reader ran). formats5's notice (invented county 榆汀县) and its OFD writer
(tests/data/formats/make_ofd_fixtures.py, GB/T 33190 as real writers set it) are reused.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- OFD: a landscape table page turned a quarter onto a portrait page ----------------------------
#: the landscape page's height and width (mm): what its y and x run over before it is turned
LANDSCAPE_H, LANDSCAPE_W = 210.0, 297.0


def _turned(obj: str, clockwise: bool = True) -> str:
    """An object of a landscape page (its ``Boundary`` x y w h, its ``CTM`` if any) set on a portrait page
    turned a quarter, as a converter prints a landscape section on portrait paper. Clockwise, the point
    (X, Y) of the landscape page lands at (210 - Y, X): its lines run down the page, the next line to the
    left; counter-clockwise at (Y, 297 - X): they run up it, the next to the right. The object's own
    space is kept; its CTM is composed with the turn."""
    x, y, w, h = map(float, re.search(r'Boundary="([^"]+)"', obj).group(1).split())
    found = re.search(r'CTM="([^"]+)"', obj)
    a, b, c, d, e, f = map(float, found.group(1).split()) if found else (1, 0, 0, 1, 0, 0)
    # (u, v) -> (a u + c v + e, b u + d v + f) in the box, then the turn, from the new box's corner
    if clockwise:
        corner, turned = (LANDSCAPE_H - y - h, x), (-b, a, -d, c, h - f, e)
    else:
        corner, turned = (y, LANDSCAPE_W - x - w), (b, -a, d, -c, f, w - e)
    obj = re.sub(r' CTM="[^"]+"', "", obj)
    return re.sub(r'Boundary="[^"]+"', f'Boundary="{corner[0]:.3f} {corner[1]:.3f} {h:.3f} {w:.3f}" '
                  f'CTM="{" ".join(f"{v:g}" for v in turned)}"', obj, count=1)


def turned_table_ofd(path: Path, clockwise: bool = True) -> None:
    """formats5's fire_tasks_noseq notice with its ruled table (no 序号 column, a 配合单位 merged down) on a
    page of its own, turned a quarter; the head and preamble on page 1, the signature on page 3."""
    f5 = _load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")
    ofd = f5._formats_ofd()
    writer = ofd.Writer()
    writer.line(f5.TITLE[:20], "center", ofd.TITLE)
    writer.line(f5.TITLE[20:], "center", ofd.TITLE)
    writer.line(f5.NUMBER, "center")
    writer.line(f5.ADDRESSEE)
    writer.paragraph(f5.PREAMBLE.strip())
    writer.pages.append([])
    writer.y = ofd.TOP
    f5._ruled_table(ofd, writer, f5.NOSEQ, f5.NOSEQ_COLUMNS)
    writer.pages[-1] = [_turned(obj, clockwise) for obj in writer.pages[-1]]
    writer.pages.append([])
    writer.y = ofd.TOP
    writer.line(f5.SIGNATURE, "right")
    writer.line(f5.DATE, "right")
    ofd.package(writer, path, f5.TITLE, "榆汀县安全生产委员会办公室政务公开", f5.SIGNATURE)


# -- probes: winter_notice.txt in the formats another government sends (EXPECTED.md, "Probes") ----------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


#: winter_notice.txt, the probes' notice (invented city 澄溪市), written by ``probes`` beside them; kept here, not
#: as a .txt of tests/data, whose .txt notices the baseline check segments
WINTER_NOTICE = """澄溪市应急管理局关于开展冬春火灾防控工作的通知
澄应急〔2027〕31号
各县（区）应急管理局，市直有关单位：
为做好今冬明春火灾防控工作，有效遏制较大以上火灾事故，现将有关事项通知如下：
一、强化隐患排查
（一）各县（区）要组织对人员密集场所开展消防安全检查。
（二）各县（区）要加强对电动自行车集中充电场所的巡查。
二、落实工作责任
（一）各单位要明确消防安全责任人。
（二）各单位要在12月20日前报送工作进展。
三、重点任务
序号\t工作任务\t责任单位\t完成时限
1\t开展人员密集场所消防安全检查\t各县（区）应急管理局\t12月31日前
2\t组织电动自行车充电场所专项巡查\t市消防救援支队\t2028年1月31日前
澄溪市应急管理局
2027年11月15日
"""


def _notice() -> dict:
    """WINTER_NOTICE's parts: head lines, preamble, the items by heading, the task table, the signature."""
    lines = [line for line in WINTER_NOTICE.split("\n") if line.strip()]
    table_at = next(i for i, line in enumerate(lines) if "\t" in line)
    return {"title": lines[0], "number": lines[1], "addressee": lines[2], "preamble": lines[3],
            "body": lines[4:table_at], "table": [line.split("\t") for line in lines[table_at:-2]],
            "signature": lines[-2], "date": lines[-1]}


def _grid(table, rows: list[list[str]]) -> None:
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text


def _link(paragraph, label: str, url: str) -> None:
    """``label`` as a hyperlink to ``url`` in ``paragraph`` (w:hyperlink over a run; python-docx has no API)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    paragraph._p.append(parse_xml(f'<w:hyperlink xmlns:w="{W_NS}" xmlns:r="{r_ns}" r:id="{rid}"><w:r><w:t>{label}</w:t>'
                                  '</w:r></w:hyperlink>'))


def nested_docx(path: Path, side_nav: bool = False) -> None:
    """The whole notice in one cell of a layout table (a nav column of links beside it when ``side_nav``),
    the task table nested in that cell after the paragraphs it follows."""
    import docx

    n = _notice()
    document = docx.Document()
    layout = document.add_table(rows=1, cols=2 if side_nav else 1)
    if side_nav:  # the portal's menu, each entry a hyperlink, as a page pasted into Word keeps it
        nav = layout.cell(0, 0)
        for k, (label, url) in enumerate((("首页", "http://www.example.gov.cn/"),
                                          ("通知公告", "http://www.example.gov.cn/tzgg/"))):
            _link(nav.paragraphs[0] if k == 0 else nav.add_paragraph(), label, url)
    cell = layout.cell(0, 1 if side_nav else 0)
    cell.text = n["title"]
    for line in (n["number"], n["addressee"], n["preamble"], *n["body"]):
        cell.add_paragraph(line)
    _grid(cell.add_table(rows=len(n["table"]), cols=len(n["table"][0])), n["table"])
    for line in (n["signature"], n["date"]):
        cell.add_paragraph(line)
    document.save(str(path))


def _numbering_xml() -> str:
    """One list of （一） numbers (chineseCounting, single level) and two instances of it: 10, and 11
    restarting it at 1 (Word's "restart numbering"); one list of 一、 numbers (20)."""
    def abstract(aid: int, fmt: str) -> str:
        return (f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">'
                f'<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{fmt}"/>'
                '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
    return (f'<w:numbering xmlns:w="{W_NS}">{abstract(1, "（%1）")}{abstract(2, "%1、")}'
            '<w:num w:numId="10"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="11"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
            '</w:lvlOverride></w:num><w:num w:numId="20"><w:abstractNumId w:val="2"/></w:num></w:numbering>')


def restart_docx(path: Path) -> None:
    """一、二、三、 and （一）（二） as Word list numbers, the （一） list restarting under 二 (numId 11)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    n = _notice()
    document = docx.Document()
    for line in (n["title"], n["number"], n["addressee"], n["preamble"]):
        document.add_paragraph(line)
    heading, num_id = 0, 10
    for line in n["body"]:
        if line[1] == "、":  # 一、强化隐患排查: a 一、 list item
            heading += 1
            num_id = 10 if heading == 1 else 11
            text, numbering = line[2:], (20, 0)
        else:  # （一）…: the （一） list, restarted under each heading after the first
            text, numbering = line[3:], (num_id, 0)
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'))
    _grid(document.add_table(rows=len(n["table"]), cols=len(n["table"][0])), n["table"])
    for line in (n["signature"], n["date"]):
        document.add_paragraph(line)
    part = document.part
    for rel in list(part.rels.values()):
        if rel.reltype == RT.NUMBERING:
            rel.target_part._element = parse_xml(_numbering_xml())
            break
    else:
        numbering = Part(PackURI("/word/numbering.xml"), "application/vnd.openxmlformats-officedocument."
                         "wordprocessingml.numbering+xml", _numbering_xml().encode(), part.package)
        part.relate_to(numbering, RT.NUMBERING)
    document.save(str(path))


def ruled_pdf(path: Path) -> None:
    """The notice on A4 (reportlab, the STSong-Light CID font), its task table ruled round every cell."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    n = _notice()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 16)
    c.drawCentredString(297, 760, n["title"])
    c.setFont("STSong-Light", 12)
    c.drawCentredString(297, 730, n["number"])
    y = 700
    for line in (n["addressee"], n["preamble"], *n["body"]):
        c.drawString(60 if line is n["addressee"] else 84, y, line)
        y -= 22
    widths, height = (40, 190, 140, 105), 26
    edges = [60]
    for w in widths:
        edges.append(edges[-1] + w)
    top = y
    for r, row in enumerate(n["table"]):
        for k, text in enumerate(row):
            c.setFont("STSong-Light", 10 if len(text) > 13 else 11)
            c.drawString(edges[k] + 3, top - 17 - r * height, text)
    bottom = top - len(n["table"]) * height
    for r in range(len(n["table"]) + 1):
        c.line(edges[0], top - r * height, edges[-1], top - r * height)
    for x in edges:
        c.line(x, top, x, bottom)
    c.setFont("STSong-Light", 12)
    c.drawRightString(520, bottom - 40, n["signature"])
    c.drawRightString(510, bottom - 62, n["date"])
    c.showPage()
    c.save()


def portal_html() -> str:
    """The notice as a city portal's page laid out in tables: header row, nav column, the body cell (its
    paragraphs, the task table, an attachment link), the footer row."""
    n = _notice()
    rows = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in n["table"])
    body = "".join(f"<p style=\"text-indent:2em\">{line}</p>" for line in (n["preamble"], *n["body"]))
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{n["title"]}</title></head>
<body><table width="1000" align="center"><tr><td colspan="2"><a href="/">澄溪市人民政府门户网站</a></td></tr>
<tr><td width="200" valign="top"><a href="/">首页</a><br><a href="/tzgg">通知公告</a><br><a href="/zcwj">政策文件</a></td>
<td valign="top"><table width="100%"><tr><td align="center"><b>{n["title"]}</b></td></tr>
<tr><td>发布时间：2027-11-16 来源：澄溪市应急管理局</td></tr>
<tr><td><p align="center">{n["number"]}</p><p>{n["addressee"]}</p>{body}
<table border="1" cellspacing="0">{rows}</table>
<p align="right">{n["signature"]}</p><p align="right">{n["date"]}</p>
<p>附件：<a href="/att/renwu.xlsx">1.冬春火灾防控工作任务清单.xlsx</a></p></td></tr></table></td></tr>
<tr><td colspan="2">主办：澄溪市人民政府办公室 网站标识码：9999000002</td></tr></table></body></html>
"""


def portal_mht(path: Path) -> None:
    """portal_html as Internet Explorer saves a web archive: MIME, GB2312, quoted-printable."""
    import quopri

    body = quopri.encodestring(portal_html().encode("gb2312")).decode("ascii")
    path.write_bytes(("From: <Saved by Windows Internet Explorer 8>\r\nSubject: winter\r\nMIME-Version: 1.0\r\n"
                      'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000_0000"\r\n\r\n'
                      "This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000_0000\r\n"
                      'Content-Type: text/html;\r\n\tcharset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
                      "Content-Location: http://www.example.gov.cn/tzgg/1.html\r\n\r\n"
                      + body.replace("\n", "\r\n") + "\r\n\r\n------=_NextPart_000_0000--\r\n").encode("ascii"))


def gbk_zip(path: Path, members: dict[str, Path]) -> None:
    """A zip whose member names are GBK bytes without the UTF-8 flag, as 7-Zip on a Chinese Windows writes.
    zipfile writes a non-ASCII name as UTF-8 with the flag, so each member is written under an ASCII name
    of its GBK name's length and the name's bytes put in its place (headers and central directory)."""
    import zipfile

    stand_ins = {f"{k:0{len(name.encode('gbk'))}d}".encode(): name.encode("gbk") for k, name in enumerate(members)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for stand_in, source in zip(stand_ins, members.values()):
            archive.writestr(zipfile.ZipInfo(stand_in.decode(), (2027, 11, 16, 9, 0, 0)), source.read_bytes(),
                             zipfile.ZIP_DEFLATED)
    data = path.read_bytes()
    for stand_in, name in stand_ins.items():
        data = data.replace(stand_in, name)
    path.write_bytes(data)


def probes(folder: Path) -> None:
    """The probes (EXPECTED.md): written to ``folder``; those that needed a reader fix are committed."""
    folder.mkdir(parents=True, exist_ok=True)
    text = WINTER_NOTICE
    (folder / "winter_notice.txt").write_text(text, encoding="utf-8")
    nested_docx(folder / "nested.docx")
    nested_docx(folder / "nested_side.docx", side_nav=True)
    restart_docx(folder / "restart.docx")
    ruled_pdf(folder / "ruled.pdf")
    (folder / "portal.html").write_text(portal_html().replace("charset=gb2312", "charset=utf-8"), encoding="utf-8")
    portal_mht(folder / "portal_gb2312.mht")
    (folder / "gb18030.txt").write_bytes(text.encode("gb18030"))
    (folder / "utf16.txt").write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    gbk_zip(folder / "gbk_names.zip", {"澄溪市应急管理局通知.docx": folder / "nested.docx",
                                       "附件1.txt": folder / "winter_notice.txt"})


def main() -> None:
    turned_table_ofd(HERE / "fire_tasks_turned.ofd")
    turned_table_ofd(HERE / "fire_tasks_turned_ccw.ofd", clockwise=False)
    nested_docx(HERE / "winter_nested.docx")  # the reference of winter_nav.docx (reads as winter_notice.txt)
    nested_docx(HERE / "winter_nav.docx", side_nav=True)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()
