"""Build the fixtures of tests/test_files_formats10.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats10/make_fixtures.py
    .venv/bin/python tests/data/formats10/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings written
down before any reader ran). formats6's winter notice (invented city 澄溪市) and formats5/7/8's writers are reused.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # tests/: the shared fixture helpers
from fixture_writers import load_module as _load, to_unicode_cmap  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def formats8():
    return _load("formats8_fixtures", HERE.parent / "formats8" / "make_fixtures.py")


def formats7():
    return formats8().formats7()


def formats6():
    return formats8().formats6()


def formats5():
    return _load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")


def parts() -> dict:
    return formats6()._notice()


def notice() -> str:
    return formats6().WINTER_NOTICE


# -- PDF: a printed 公文's pages ---------------------------------------------------------------------
FONT = "STSong-Light"
SIZE = 16  # 三号, the body size of a 公文
LEFT, RIGHT = 70.0, 70.0 + 28 * SIZE  # 28 characters a line


def _font() -> str:
    return formats5()._font()


_NO_LINE_START = "。，、；：？！）》」』”’"


def _wrapped(paragraph: str) -> list[tuple[str, float]]:
    """A body paragraph as a word processor prints it: the first line indented two characters, the others at
    the left margin, each as many characters as fit the line (a digit half a character's room)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[tuple[str, float]] = [("", LEFT + 2 * SIZE)]
    for ch in paragraph:
        text, x = lines[-1]
        # 避头尾: a closing mark never opens a line; Word hangs it past the margin (标点溢出边界)
        if text and x + stringWidth(text + ch, FONT, SIZE) > RIGHT and ch not in _NO_LINE_START:
            lines.append(("", LEFT))
            text, x = lines[-1]
        lines[-1] = (text + ch, x)
    return lines


def printed_lines() -> list[tuple[str, str, float]]:
    """The notice's printed lines: (text, how: title | centre | left | text | row | right, x)."""
    n = parts()
    lines = [(n["title"], "title", 0.0), (n["number"], "centre", 0.0), (n["addressee"], "left", LEFT)]
    for paragraph in (n["preamble"], *n["body"]):
        lines += [(text, "text", x) for text, x in _wrapped(paragraph)]
    lines += [("\t".join(row), "row", 0.0) for row in n["table"]]
    return lines + [(n["signature"], "right", 0.0), (n["date"], "right", 0.0)]


COLUMNS = (70.0, 110.0, 330.0, 470.0)


def _show(c, text: str, how: str, x: float, y: float, glyphs: bool = False) -> None:
    """One printed line. ``glyphs``: every character drawn by a text object of its own (``BT … Tm … Tj ET``),
    the title's set a character's width apart."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = 20 if how == "title" else (12 if how == "row" else SIZE)
    c.setFont(FONT, size)
    pieces = ([(cell, COLUMNS[k]) for k, cell in enumerate(text.split("\t"))] if how == "row" else [(text, x)])
    for piece, at in pieces:
        step = 2 * size if (glyphs and how == "title") else None
        wide = step * (len(piece) - 1) + size if step else stringWidth(piece, FONT, size)
        if how in ("title", "centre"):
            at = 297.5 - wide / 2
        elif how == "right":
            at = RIGHT - wide
        if not glyphs:
            c.drawString(at, y, piece)
            continue
        for ch in piece:
            c.drawString(at, y, ch)
            at += step or stringWidth(ch, FONT, size)


def paged_pdf(path: Path, footer: str = "count", glyphs: bool = False, lines_per_page: int = 8) -> None:
    """The notice over pages under a running header (澄溪市应急管理局 over a rule) and over a footer: ``count``
    ``第N页 共M页`` centred; ``slash``: ``- N -`` centred and ``第 N 页 / 共 M 页`` on the right. The first page
    ends after the preamble's first printed line, so that sentence runs across the page break."""
    from reportlab.pdfgen import canvas

    _font()
    lines = printed_lines()
    cut = next(i for i, (text, _, _) in enumerate(lines) if text.startswith(parts()["preamble"][:6])) + 1
    pages = [lines[:cut]] + [lines[at:at + lines_per_page] for at in range(cut, len(lines), lines_per_page)]
    c = canvas.Canvas(str(path) if isinstance(path, Path) else path, pagesize=(595, 842))
    for number, page in enumerate(pages, start=1):
        c.setFont(FONT, 10)
        c.drawCentredString(297.5, 805, "澄溪市应急管理局")
        c.line(60, 798, 535, 798)
        y = 760.0
        for text, how, x in page:
            _show(c, text, how, x, y, glyphs)
            y -= 36 if how == "title" else 30
        c.setFont(FONT, 12)
        if footer == "slash":
            c.drawCentredString(297.5, 40, f"- {number} -")
            c.drawRightString(535, 40, f"第 {number} 页 / 共 {len(pages)} 页")
        else:
            c.drawCentredString(297.5, 40, f"第{number}页 共{len(pages)}页")
        c.showPage()
    c.save()


#: what some converters' /ToUnicode maps send a glyph to: Kangxi radicals (U+2F00…), the CJK radicals
#: supplement's simplified forms (U+2E80…), CJK compatibility ideographs (U+F900…) — each looks like the
#: ideograph it stands for
LOOKALIKES = {"一": "\u2f00", "二": "\u2f06", "人": "\u2f08", "大": "\u2f24", "工": "\u2f2f", "支": "\u2f40",
              "日": "\u2f47", "月": "\u2f49", "火": "\u2f55", "自": "\u2f83", "行": "\u2f8f", "车": "\u2ecb",
              "落": "\uf918", "年": "\uf98e", "理": "\uf9e4", "全": "\ufa72", "充": "\ufa74", "直": "\ufaa8"}


def radicals_pdf(path: Path) -> None:
    """paged_pdf's notice on pages whose font maps glyphs to Unicode through a /ToUnicode CMap that sends the
    LOOKALIKES' glyphs to the look-alike code points (each glyph an ``/Identity-H`` code of its own)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ByteStringObject, ContentStream, NameObject, StreamObject

    out = io.BytesIO()
    paged_pdf(out, lines_per_page=40)  # type: ignore[arg-type]  (reportlab writes to a file object too)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    codes: dict[str, int] = {}
    for page in writer.pages:
        content = ContentStream(page.get_contents(), writer)
        for operands, operator in content.operations:
            if operator == b"Tj":
                text = operands[0].original_bytes.decode("utf-16-be")
                operands[0] = ByteStringObject(b"".join(
                    (3 + codes.setdefault(ch, len(codes))).to_bytes(2, "big") for ch in text))
        page.replace_contents(content)
    stream = StreamObject()
    stream.set_data(to_unicode_cmap([(3 + n, ord(LOOKALIKES.get(ch, ch))) for ch, n in codes.items()]))
    to_unicode = writer._add_object(stream)
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if FONT in str(font.get("/BaseFont")):
                font[NameObject("/Encoding")] = NameObject("/Identity-H")
                font[NameObject("/ToUnicode")] = to_unicode
    writer.write(path)


def _red_head():
    """The 版头 as a picture: a red band where 澄溪市应急管理局文件 is printed (no text in it) and the red rule."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1000, 200), "white")
    draw = ImageDraw.Draw(image)
    for k in range(10):  # ten red blocks: the characters of the 版头, as a picture shows them
        draw.rectangle((60 + 90 * k, 30, 130 + 90 * k, 120), fill=(210, 20, 20))
    draw.rectangle((0, 170, 1000, 178), fill=(210, 20, 20))
    return image


def redhead_image_pdf(path: Path, split_table: bool = False) -> None:
    """The notice under a 版头 drawn as a picture (:func:`_red_head`), over two pages: page 2 opens with the
    task table's header row (``split_table``: with the first task row, the header row left alone at the foot
    of page 1, as Word breaks a table whose 标题行重复 is not set)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    _font()
    lines = printed_lines()
    cut = next(i for i, (_, how, _) in enumerate(lines) if how == "row") + (1 if split_table else 0)
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, page in enumerate((lines[:cut], lines[cut:]), start=1):
        y = 760.0
        if number == 1:
            c.drawImage(ImageReader(_red_head()), 60, 700, width=475, height=95)
            y = 660.0
        for text, how, x in page:
            _show(c, text, how, x, y)
            y -= 36 if how == "title" else 30
        c.setFont(FONT, 12)
        c.drawCentredString(297.5, 40, f"- {number} -")
        c.showPage()
    c.save()


# -- Word: a .docx as WPS 文字 saves one ------------------------------------------------------------------
_WPS_NS = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/'
           'wpsCustomData" mc:Ignorable="w14 wpsCustomData"')


def _wps_runs(text: str, mark: int) -> str:
    """``text`` as WPS cuts it: runs of two characters each with ``w:hint="eastAsia"``, a bookmark round the
    second run and a proofing mark after the third."""
    out = []
    for k in range(0, len(text), 2):
        out.append('<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>'
                   f'<w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{text[k:k + 2]}</w:t></w:r>')
        if k == 2:
            out.insert(-1, f'<w:bookmarkStart w:id="{mark}" w:name="_GoBack{mark}"/>')
            out.append(f'<w:bookmarkEnd w:id="{mark}"/>')
        if k == 4:
            out.append('<w:proofErr w:type="spellStart"/><w:proofErr w:type="spellEnd"/>')
    return "".join(out)


def _wps_para(text: str, n: int, extra_ppr: str = "") -> str:
    return (f'<w:p w14:paraId="{0x1A2B3C00 + n:08X}" w14:textId="77777777"><w:pPr><w:spacing w:line="560" '
            f'w:lineRule="exact"/>{extra_ppr}</w:pPr>{_wps_runs(text, n) if text else ""}</w:p>')


def _wps_text_box(text: str) -> str:
    """The title in a DrawingML text box (the Choice) with its VML twin (the Fallback), as WPS writes a shape."""
    inner = f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_wps_runs(text, 900)}</w:p></w:txbxContent>'
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
            'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionV><wp:extent cx="5000000" cy="500000"/><wp:wrapTopAndBottom/><wp:docPr id="2" '
            'name="文本框 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            f'wordprocessingShape"><wps:wsp><wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>'
            '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:400pt;'
            f'height:40pt" stroked="f"><v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')


def _wps_table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f'{_wps_para(text, 500 + 10 * r + c)}</w:tc>' for c, text in enumerate(row)) + "</w:tr>"
        for r, row in enumerate(rows))
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="7"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{cells}</w:tbl>')


def wps_docx(path: Path) -> None:
    n = parts()
    body = [f'<w:p w14:paraId="1A2B3BFF">{_wps_text_box(n["title"])}</w:p>']
    body += [_wps_para(text, k) for k, text in enumerate((n["number"], n["addressee"], n["preamble"], *n["body"]))]
    body.append(_wps_table(n["table"]))
    body.append(_wps_para(n["signature"], 80))
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
               'w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" '
               'w:linePitch="579" w:charSpace="-849"/></w:sectPr>')
    body.append(_wps_para(n["date"], 81, section))  # WPS keeps the last section's properties in its paragraph
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_WPS_NS}><w:body>'
                f'{"".join(body)}</w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
             'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
             'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'custom-properties" Target="docProps/custom.xml"/></Relationships>')
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
              'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
              'officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
              'name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
        archive.writestr("docProps/custom.xml", custom)
        archive.writestr("customXml/item1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
                         'xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSectProps>'
                         '<customSectPr/></customSectProps></s:customData>')


# -- Spreadsheets: a 任务清单 with hidden rows and formulas -------------------------------------------
SHEET_TITLE = "澄溪市冬春火灾防控工作任务清单"
SHEET_TASKS = [["开展人员密集场所消防安全检查", "各县（区）应急管理局", "12月31日前"],
               ["组织中小学校消防疏散演练", "市教育局", "12月25日前"],
               ["组织电动自行车充电场所专项巡查", "市消防救援支队", "2028年1月31日前"]]


def _with_cached_values(path: Path, values: dict[str, str]) -> None:
    """openpyxl writes a formula with no cached value (``<v></v>``); Excel saves the value it computed. Put
    ``values`` (cell → cached text) in, as Excel would have."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode("utf-8")
    for cell, value in values.items():
        sheet, count = re.subn(rf'(<c r="{cell}"[^>]*?)(?: t="\w+")?(>(?:<f>[^<]*</f>))<v>[^<]*</v>',
                               lambda m: m.group(1) + ("" if value.isdigit() else ' t="str"') + m.group(2)
                                         + f"<v>{value}</v>", sheet)
        assert count == 1, cell
    members["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def tasks_xlsx(path: Path, hide: str = "row", cached: bool = True) -> None:
    """The 任务清单: title merged across, header, SHEET_TASKS with 序号 formulas (=ROW()-2) and the first task's
    责任单位 a string formula; the second task's row hidden (``hide``: ``row`` by hand, ``filter`` by an AutoFilter
    on 责任单位, ``none``); a hidden sheet 说明."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "任务清单"
    sheet.append([SHEET_TITLE])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "工作任务", "责任单位", "完成时限"])
    for k, (task, agency, deadline) in enumerate(SHEET_TASKS):
        row = 3 + k
        sheet.append(["=ROW()-2", task, '="各县（区）"&"应急管理局"' if k == 0 else agency, deadline])
    if hide == "row":
        sheet.row_dimensions[4].hidden = True
    elif hide == "filter":
        sheet.auto_filter.ref = "A2:D5"
        sheet.auto_filter.add_filter_column(2, [SHEET_TASKS[0][1], SHEET_TASKS[2][1]])
        sheet.row_dimensions[4].hidden = True
    notes = book.create_sheet("说明")
    notes.append(["本表由各责任单位每月5日前更新。"])
    notes.sheet_state = "hidden"
    book.save(str(path))
    if cached:
        _with_cached_values(path, {"A3": "1", "A4": "2", "A5": "3", "C3": SHEET_TASKS[0][1]})


def tasks_txt(shown: list[int]) -> str:
    """The sheet's shown rows typed with tabs: the reference reading of tasks_xlsx."""
    rows = [SHEET_TITLE, "序号\t工作任务\t责任单位\t完成时限"]
    rows += [f"{k + 1}\t" + "\t".join(SHEET_TASKS[k]) for k in shown]  # =ROW()-2 counts hidden rows too
    return "\n".join(rows) + "\n"


def hidden_xls_row(data: bytes, row: int) -> bytes:
    """An .xls workbook (BIFF8) with ``row`` (0-based) hidden, as Excel saves a row hidden by hand: the
    fDyZero bit (0x20) of its ROW record's options (no .xls writer here does it: xlwt is not installed)."""
    record = b"\x08\x02\x10\x00" + row.to_bytes(2, "little")  # ROW, 16 bytes, its row number
    at = data.index(record)
    options = int.from_bytes(data[at + 16:at + 18], "little") | 0x20
    return data[:at + 16] + options.to_bytes(2, "little") + data[at + 18:]


# -- Plain text ---------------------------------------------------------------------------------------
def text_variants() -> dict[str, bytes]:
    """The .txt probes: line ends, NUL bytes, a BOM in the middle, full-width digits."""
    text = notice()
    lines = text.split("\n")
    mixed = "".join(line + ("\r\n", "\n", "\r")[k % 3] for k, line in enumerate(lines[:-1]))
    utf8 = text.encode("utf-8")
    cut = text.index("三、重点任务")
    fullwidth = (text.replace("〔2027〕31号", "〔２０２７〕３１号").replace("12月20日前", "１２月２０日前")
                 .replace("2027年11月15日", "２０２７年１１月１５日"))
    return {"cr_only.txt": text.replace("\n", "\r").encode("utf-8"),
            "mixed_eol.txt": mixed.encode("utf-8"),
            "nul_padded.txt": utf8 + bytes(4096 - len(utf8) % 4096),
            "nul_line.txt": text.replace("\n", "\r\n").replace("二、落实工作责任\r\n", "二、落实工作责任\r\x00", 1)
                                .encode("utf-8"),
            "two_boms.txt": b"\xef\xbb\xbf" + text[:cut].encode("utf-8") + b"\xef\xbb\xbf" + text[cut:].encode("utf-8"),
            "fullwidth_digits.txt": fullwidth.encode("utf-8")}


# -- Files named for another type ----------------------------------------------------------------------
def notice_page() -> str:
    f7 = formats7()
    return f7._page(f7._article(), parts()["title"])


ERROR_PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head><body>'
              '<div class="nav"><a href="/">首页</a></div><div class="err"><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除。'
              '</p><p><a href="/">返回首页</a></p></div><div class="footer">主办：澄溪市人民政府办公室</div></body></html>')


def misnamed(folder: Path) -> None:
    docx = folder / "_notice.docx"
    formats8().notice_docx(docx)
    pdf = folder / "_notice.pdf"
    formats7().running_pdf(pdf)
    (folder / "docx_named.doc").write_bytes(docx.read_bytes())
    (folder / "docx_named.pdf").write_bytes(docx.read_bytes())
    (folder / "pdf_named.docx").write_bytes(pdf.read_bytes())
    page = notice_page().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; '
                                 'charset=gbk">')
    (folder / "html_named.doc").write_bytes(page.encode("gbk"))
    (folder / "html_named.pdf").write_text(notice_page(), encoding="utf-8")
    (folder / "error_page.pdf").write_text(ERROR_PAGE, encoding="utf-8")
    docx.unlink()
    pdf.unlink()


def probes(folder: Path) -> None:
    """The probes (EXPECTED.md): written to ``folder``; those that needed a reader fix are committed."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "winter_notice.txt").write_text(notice(), encoding="utf-8")
    paged_pdf(folder / "paged.pdf")
    paged_pdf(folder / "paged_slash.pdf", footer="slash")
    radicals_pdf(folder / "radicals.pdf")
    paged_pdf(folder / "glyphs.pdf", glyphs=True, lines_per_page=40)
    redhead_image_pdf(folder / "redhead_image.pdf")
    redhead_image_pdf(folder / "table_across_pages.pdf", split_table=True)
    wps_docx(folder / "wps_box.docx")
    tasks_xlsx(folder / "tasks_hidden.xlsx")
    (folder / "tasks_hidden.txt").write_text(tasks_txt([0, 2]), encoding="utf-8")
    tasks_xlsx(folder / "tasks_filtered.xlsx", hide="filter")
    tasks_xlsx(folder / "tasks_shown.xlsx", hide="none")
    (folder / "tasks_all.txt").write_text(tasks_txt([0, 1, 2]), encoding="utf-8")
    tasks_xlsx(folder / "tasks_nocache.xlsx", hide="none", cached=False)
    for name, data in text_variants().items():
        (folder / name).write_bytes(data)
    misnamed(folder)


def main() -> None:
    """The committed files: the probes tests/test_files_formats10.py reads (the .txt probes it writes itself)."""
    paged_pdf(HERE / "winter_paged.pdf")
    paged_pdf(HERE / "winter_paged_slash.pdf", footer="slash")
    paged_pdf(HERE / "winter_glyphs.pdf", glyphs=True, lines_per_page=40)
    radicals_pdf(HERE / "winter_radicals.pdf")
    redhead_image_pdf(HERE / "winter_redhead_image.pdf")
    redhead_image_pdf(HERE / "winter_table_across_pages.pdf", split_table=True)
    wps_docx(HERE / "winter_wps_box.docx")
    tasks_xlsx(HERE / "tasks_hidden.xlsx")
    tasks_xlsx(HERE / "tasks_filtered.xlsx", hide="filter")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()
