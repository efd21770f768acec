"""Build the fixtures of tests/test_files_formats8.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats8/make_fixtures.py
    .venv/bin/python tests/data/formats8/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings written
down before any reader ran). formats6's winter notice (invented city 澄溪市) and formats7's writers are reused.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compound import compound_file  # noqa: E402

sys.path.insert(0, str(HERE.parent.parent))  # tests/: the shared fixture helpers
from fixture_writers import load_module as _load  # noqa: E402

SEAL_PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
ZIP_FOLDER = "冬春火灾防控"


def formats6():
    return _load("formats6_fixtures", HERE.parent / "formats6" / "make_fixtures.py")


def formats7():
    return _load("formats7_fixtures", HERE.parent / "formats7" / "make_fixtures.py")


def title() -> str:
    return formats6()._notice()["title"]


# -- Outlook .msg (MS-OXMSG) ----------------------------------------------------------------------
def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le") + b"\x00\x00"


def _prop(name: int, kind: int, value: bytes = bytes(8)) -> bytes:
    """One 16-byte entry of a ``__properties_version1.0`` stream: tag (type | id << 16), flags, value."""
    return struct.pack("<II", kind | name << 16, 0x6) + value.ljust(8, b"\x00")


def _sized(name: int, kind: int, data: bytes) -> bytes:
    """The entry of a variable-size property (its stream holds the value): the value is its size."""
    return _prop(name, kind, struct.pack("<I", len(data)))


def outlook_msg(subject: str, body: str | None, html: str | None = None,
                attachments: list[tuple[str, bytes]] = (), codepage: int | None = None) -> bytes:
    """An Outlook mail as Outlook saves one (``File > Save As > Outlook Message Format``): its properties as
    ``__substg1.0_`` streams, listed in ``__properties_version1.0``; ``codepage``: the 8-bit strings
    (``001E``) of an older, non-Unicode Outlook in that code page (PR_MESSAGE_CODEPAGE), else Unicode (``001F``)."""
    def string(text: str) -> tuple[int, bytes]:
        return (0x001E, text.encode(f"cp{codepage}") + b"\x00") if codepage else (0x001F, _utf16(text))

    streams: dict[str, bytes] = {}
    entries = []

    def put(storage: str, name: int, kind: int, data: bytes) -> None:
        streams[f"{storage}__substg1.0_{name:04X}{kind:04X}"] = data
        entries.append((storage, _sized(name, kind, data)))

    for name, text in ((0x001A, "IPM.Note"), (0x0037, subject), (0x0C1A, "澄溪市应急管理局办公室"),
                       (0x0E04, "各县（区）应急管理局"), *([(0x1000, body)] if body is not None else [])):
        put("", name, *string(text))
    if html is not None:
        put("", 0x1013, 0x0102, html.encode(f"cp{codepage or 936}", errors="xmlcharrefreplace"))
    top = b""
    if codepage:
        top += _prop(0x3FFD, 0x0003, struct.pack("<I", codepage))  # PR_MESSAGE_CODEPAGE
    top += _prop(0x3FDE, 0x0003, struct.pack("<I", codepage or 936))  # PR_INTERNET_CPID: the HTML's
    top += b"".join(entry for storage, entry in entries if not storage)
    for k, (file_name, data) in enumerate(attachments):
        storage = f"__attach_version1.0_#{k:08X}/"
        put(storage, 0x3707, *string(file_name))
        put(storage, 0x3704, *string(_short_name(file_name, k)))
        put(storage, 0x3701, 0x0102, data)
        props = _prop(0x3705, 0x0003, struct.pack("<I", 1))  # PR_ATTACH_METHOD: by value
        props += b"".join(entry for where, entry in entries if where == storage)
        streams[f"{storage}__properties_version1.0"] = bytes(8) + props
    header = struct.pack("<8xIIII8x", 0, len(attachments), 0, len(attachments))
    streams["__properties_version1.0"] = header + top
    for guid in ("00020102", "00030102", "00040102"):  # the named-property map every .msg carries (empty here)
        streams[f"__nameid_version1.0/__substg1.0_{guid}"] = b""
    return compound_file(streams)


def _short_name(name: str, k: int) -> str:
    """An 8.3 name as Outlook makes one for a long name (the suffix kept)."""
    return f"ATT{k:05d}{Path(name).suffix[:4].upper()}"


def _cover(subject: str) -> tuple[str, str]:
    text = "各单位：\n附件是" + subject + "，请查收并抓好落实。\n\n澄溪市应急管理局办公室\n"
    return text, "<html><body><p>各单位：</p><p>附件是" + subject + "，请查收并抓好落实。</p></body></html>"


def notice_docx(path: Path) -> Path:
    formats7()._flat_docx(path)
    return path


def mail_msg(path: Path, docx: Path | None) -> None:
    """winter_mail.msg (``docx`` attached under the notice's title, a seal beside it, a cover note) or, without
    ``docx``, winter_mail_body.msg (the notice pasted into the mail, text and HTML; the seal attached)."""
    if docx is not None:
        text, html = _cover(title())
        attached = [(title() + ".docx", docx.read_bytes()), ("印章.png", SEAL_PNG)]
        path.write_bytes(outlook_msg("转发：" + title(), text, html, attached))
        return
    notice = formats6().WINTER_NOTICE
    path.write_bytes(outlook_msg(title(), notice, _notice_html(), [("印章.png", SEAL_PNG)]))


def _notice_html() -> str:
    """The notice as a mail's HTML part: its lines as paragraphs, the task table a table (formats7's mail)."""
    n = formats6()._notice()
    rows = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in n["table"])
    head = [n["title"], n["number"], n["addressee"], n["preamble"], *n["body"]]
    paras = "".join(f"<p>{line}</p>" for line in head)
    return (f'<html><head><meta charset="gb2312"></head><body>{paras}<table border="1">{rows}</table>'
            f'<p>{n["signature"]}</p><p>{n["date"]}</p></body></html>')


def ansi_msg(path: Path) -> None:
    """winter_mail_ansi.msg: the notice as the plain text of a non-Unicode Outlook (code page 936), no HTML."""
    path.write_bytes(outlook_msg(title(), formats6().WINTER_NOTICE, None, [], codepage=936))


# -- a zip attached to a mail ---------------------------------------------------------------------
def attachments_zip(docx: Path) -> bytes:
    """附件.zip as an office zips a notice's folder: the .docx under a folder, the seal beside it."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(docx, f"{ZIP_FOLDER}/{title()}.docx")
        archive.writestr(f"{ZIP_FOLDER}/印章.png", SEAL_PNG)
    return buffer.getvalue()


def mail_zip_eml(path: Path, zipped: bytes) -> None:
    """winter_mail_zip.eml: a cover note with 附件.zip attached."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "澄溪市应急管理局办公室 <office@example.gov.cn>"
    mail["To"] = "units@example.gov.cn"
    mail["Subject"] = "转发：" + title()
    text, html = _cover(title())
    mail.set_content(text)
    mail.add_alternative(html, subtype="html")
    mail.add_attachment(zipped, maintype="application", subtype="zip", filename="附件.zip")
    path.write_bytes(bytes(mail))


# -- probes (EXPECTED.md, "Probes") ------------------------------------------------------------------
def _wrap_source(html: str, width: int = 76) -> str:
    """HTML source broken into lines of about ``width`` characters as Word writes a web page: past the width, at
    the next space outside a tag or between two Chinese characters of the text (never inside a tag or an entity)."""
    out, line, in_tag = [], "", False
    for k, ch in enumerate(html):
        nxt = html[k + 1:k + 2]
        in_tag = (in_tag or ch == "<") and ch != ">"
        if len(line) >= width and not in_tag and ch == " ":
            out.append(line)
            line = ""
            continue
        line += ch
        if len(line) >= width and not in_tag and _chinese(ch) and _chinese(nxt):
            out.append(line)
            line = ""
    return "\n".join(out + [line])


def _chinese(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f")


def _word_para(text: str, number: str = "", centre: bool = False) -> str:
    """A ``p.MsoNormal`` as Word saves it; ``number``: a list number Word sets (``mso-list``), kept in
    ``<![if !supportLists]>`` … ``<![endif]>`` as Word writes it for browsers that show no list."""
    style = " align=center style='text-align:center'" if centre else ""
    mark = ""
    if number:
        style = " style='margin-left:0cm;text-indent:0cm;mso-list:l0 level1 lfo1'"
        mark = ("<![if !supportLists]><span lang=EN-US style='mso-fareast-font-family:黑体'><span style='mso-list:Ignore'>"
                f"{number}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span><![endif]>")
    return (f"<p class=MsoNormal{style}>{mark}<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}"
            "<span lang=EN-US><o:p></o:p></span></span></p>\n")


def word_page_htm() -> bytes:
    """The notice as Word saves it as 网页 (.htm, GB2312): Office namespaces, document properties in a
    conditional comment, mso styles in a commented <style>, the 一、 headings as Word list numbers, empty
    ``<o:p>`` paragraphs, the task table a ``MsoTableGrid``; the source wrapped at 76 characters."""
    n = formats6()._notice()
    body = [_word_para(n["title"], centre=True), _word_para(n["number"], centre=True),
            "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n",
            _word_para(n["addressee"]), _word_para(n["preamble"])]
    for line in n["body"]:
        head, sep, rest = line.partition("、")
        heading = sep and head in "一二三四五六七八九十"
        body.append(_word_para(rest, number=head + sep) if heading else _word_para(line))
    rows = "".join("<tr style='mso-yfti-irow:0'>" + "".join(
        f"<td width=138 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>{_word_para(t)}</td>"
        for t in row) + "</tr>\n" for row in n["table"])
    body.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
                f"border:none'>\n{rows}</table>\n")
    body += [_word_para(n["signature"]), _word_para(n["date"])]
    page = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
            '<meta http-equiv=Content-Type content="text/html; charset=gb2312">\n<meta name=ProgId content=Word.Document>\n'
            '<meta name=Generator content="Microsoft Word 15">\n<title>' + n["title"] + "</title>\n"
            "<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>办公室</o:Author>\n  <o:Pages>1</o:Pages>\n"
            " </o:DocumentProperties>\n</xml><![endif]-->\n<style>\n<!--\n /* Font Definitions */\n @font-face\n"
            "\t{font-family:仿宋_GB2312;}\np.MsoNormal, li.MsoNormal\n\t{margin:0cm;text-align:justify;font-size:10.5pt;}\n"
            "@list l0:level1\n\t{mso-level-number-format:chinese-counting;mso-level-text:%1、;}\n-->\n</style>\n"
            "<!--[if gte mso 10]>\n<style>\ntable.MsoNormalTable {mso-style-name:普通表格;}\n</style>\n<![endif]-->\n"
            "</head>\n<body lang=ZH-CN style='tab-interval:21.0pt'>\n<div class=WordSection1>\n"
            + _wrap_source("".join(body)) + "\n</div>\n</body>\n</html>\n")
    return page.encode("gb2312")


def _set_main_type(docx: Path, target: Path, content_type: str) -> None:
    """``docx`` re-packed with its main part's content type ``content_type`` (a .docm, a .dotx)."""
    import zipfile

    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    content_type.encode())
            out.writestr(info, data)


def sections_docx(path: Path, typed: bool = False) -> None:
    """The notice, then a section break (a new page) and 附件 任务分解 with two headings 一、/二、 of its own, as
    Word list numbers restarting at 一 in the new section (a second w:num over the same list, its level 0
    restarted by a startOverride); ``typed``: the same with every number typed, the reading to match."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import parse_xml

    n = formats6()._notice()
    document = docx.Document()
    W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
    for num, restart in ((91, False), (92, True)):
        override = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else "")
        numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num}"><w:abstractNumId w:val="90"/>'
                                   f'{override}</w:num>'))

    def heading(text: str, number: str, num: int) -> None:
        if typed:
            document.add_paragraph(number + text)
            return
        para = document.add_paragraph(text)
        para._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))

    for line in (n["title"], n["number"], n["addressee"], n["preamble"]):
        document.add_paragraph(line)
    for line in n["body"]:
        head, sep, rest = line.partition("、")
        if sep and head in "一二三四五六七八九十":
            heading(rest, head + sep, 91)
        else:
            document.add_paragraph(line)
    formats6()._grid(document.add_table(rows=len(n["table"]), cols=len(n["table"][0])), n["table"])
    for line in (n["signature"], n["date"]):
        document.add_paragraph(line)
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("附件")
    document.add_paragraph("冬春火灾防控任务分解")
    heading("县级任务", "一、", 92)
    document.add_paragraph("（一）各县（区）应急管理局要在12月10日前完成辖区商场的消防检查。")
    heading("市级任务", "二、", 92)
    document.add_paragraph("（一）市消防救援支队要在12月15日前完成全市高层建筑的消防检查。")
    document.save(str(path))


def two_columns_pdf(path: Path, ruled: bool = False) -> None:
    """The notice with 一 and 二 set in two columns side by side under the full-width head (10.5 pt, each item
    wrapped at the column's width, 236 pt), each printed line written across the page (the left column's line, then the right's at the same height), as some
    PDF printers write a page; 三, the table and the signature full width below. ``ruled`` (formats9): the table
    drawn with lines round every cell."""
    from reportlab.pdfgen import canvas

    f5 = formats7()._load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")
    f5._font()
    n = formats6()._notice()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 780
    for text, size, centre in ((n["title"], 16, True), (n["number"], 12, True), (n["addressee"], 12, False),
                               (n["preamble"], 11, False)):
        c.setFont("STSong-Light", size)
        (c.drawCentredString(297, y, text) if centre else c.drawString(50, y, text))
        y -= 28
    split, three = (n["body"].index(next(line for line in n["body"] if line.startswith(h))) for h in ("二、", "三、"))
    wrap = lambda lines: [piece for line in lines for piece in f5._wrap(line, 236, 10.5)]  # noqa: E731
    left, right = wrap(n["body"][:split]), wrap(n["body"][split:three])
    c.setFont("STSong-Light", 10.5)
    for k in range(max(len(left), len(right))):
        for x, column in ((50, left), (310, right)):
            if k < len(column):
                c.drawString(x, y, column[k])
        y -= 20
    rest = [line for line in n["body"] if line.startswith("三、")]
    c.setFont("STSong-Light", 12)
    for line in rest:
        c.drawString(50, y, line)
        y -= 26
    top = y + 17
    for row in n["table"]:
        for k, cell in enumerate(row):
            c.drawString((50, 90, 310, 450)[k] + (4 if ruled else 0), y, cell)
        y -= 24
    if ruled:
        edges = (45, 85, 305, 445, 550)
        bottom = top - 24 * len(n["table"])
        for k in range(len(n["table"]) + 1):
            c.line(edges[0], top - 24 * k, edges[-1], top - 24 * k)
        for x in edges:
            c.line(x, top, x, bottom)
        y -= 10
    for text in (n["signature"], n["date"]):
        c.drawRightString(545, y, text)
        y -= 24
    c.showPage()
    c.save()


def scan_pictures(folder: Path) -> None:
    """A page photographed or scanned: the same picture as .jpg, .png and .tif."""
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(page)
    for k in range(20):  # lines of "text" as a scan shows them: dark bars
        draw.rectangle((60, 80 + 36 * k, 560 - (k % 3) * 60, 96 + 36 * k), fill=(40, 40, 40))
    for suffix in ("jpg", "png", "tif"):
        page.save(folder / f"scan.{suffix}")


def probes(folder: Path) -> None:
    """The probes (EXPECTED.md): written to ``folder``; those that needed a reader fix are committed."""
    import tempfile

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "winter_notice.txt").write_text(formats6().WINTER_NOTICE, encoding="utf-8")
    (folder / "word_page.htm").write_bytes(word_page_htm())
    with tempfile.TemporaryDirectory() as scratch:
        docx = notice_docx(Path(scratch) / "flat.docx")
        _set_main_type(docx, folder / "flat.docm", "application/vnd.ms-word.document.macroEnabled.main+xml")
        _set_main_type(docx, folder / "flat.dotx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
    sections_docx(folder / "sections.docx")
    sections_docx(folder / "sections_typed.docx", typed=True)
    two_columns_pdf(folder / "two_columns.pdf")
    scan_pictures(folder)
    (folder / "paper.caj").write_bytes(b"CAJ\x00" + bytes(60) + "澄溪市消防安全研究".encode("gb18030") + bytes(200))
    (folder / "paper_hn.caj").write_bytes(b"HN\x00\x00" + bytes(300))
    (folder / "book.ceb").write_bytes(b"\x00CEB" + bytes(300))


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        docx = notice_docx(Path(scratch) / "flat.docx")
        mail_msg(HERE / "winter_mail.msg", docx)
        _set_main_type(docx, HERE / "winter_flat.docm", "application/vnd.ms-word.document.macroEnabled.main+xml")
        _set_main_type(docx, HERE / "winter_flat.dotx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
        zipped = attachments_zip(docx)
        mail_zip_eml(HERE / "winter_mail_zip.eml", zipped)
        text, html = _cover(title())
        (HERE / "winter_mail_zip.msg").write_bytes(outlook_msg("转发：" + title(), text, html, [("附件.zip", zipped)]))
    mail_msg(HERE / "winter_mail_body.msg", None)
    (HERE / "winter_word_page.htm").write_bytes(word_page_htm())
    two_columns_pdf(HERE / "winter_two_columns.pdf")
    ansi_msg(HERE / "winter_mail_ansi.msg")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()
