"""Build the fixtures of tests/test_files_formats9.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats9/make_fixtures.py
    .venv/bin/python tests/data/formats9/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings written
down before any reader ran). formats6's winter notice (invented city 澄溪市) and formats8's writers are reused.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "formats8"))
from compound import compound_file  # noqa: E402

sys.path.insert(0, str(HERE.parent.parent))  # tests/: the shared fixture helpers
from fixture_writers import load_module as _load  # noqa: E402


def formats8():
    return _load("formats8_fixtures", HERE.parent / "formats8" / "make_fixtures.py")


def formats6():
    return formats8().formats6()


def formats5():
    return _load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")


def title() -> str:
    return formats6()._notice()["title"]


# -- Outlook .msg with attached mails and compressed RTF (MS-OXMSG, MS-OXRTFCP) ----------------------
def message_streams(subject: str, body: str | None = None, rtf: bytes | None = None,
                    attachments: list[tuple[str, bytes | dict]] = (), embedded: bool = False) -> dict[str, bytes]:
    """An Outlook mail's streams (Unicode properties), as formats8's ``outlook_msg`` writes them, with two more
    things Outlook writes: ``rtf`` as PR_RTF_COMPRESSED (0x1009, the compressed bytes) and an attachment whose
    value is a dict: a mail attached to the mail (PR_ATTACH_METHOD 5, its streams in the storage
    ``__substg1.0_3701000D``, its display name the name given). ``embedded``: the property stream's header is
    the 24 bytes of an attached mail's, not the 32 of the file's own."""
    f8 = formats8()
    streams: dict[str, bytes] = {}
    entries: list[tuple[str, bytes]] = []

    def put(storage: str, name: int, kind: int, data: bytes) -> None:
        streams[f"{storage}__substg1.0_{name:04X}{kind:04X}"] = data
        entries.append((storage, f8._sized(name, kind, data)))

    for name, text in ((0x001A, "IPM.Note"), (0x0037, subject), (0x0C1A, "澄溪市应急管理局办公室"),
                       *([(0x1000, body)] if body is not None else [])):
        put("", name, 0x001F, f8._utf16(text))
    if rtf is not None:
        put("", 0x1009, 0x0102, rtf)
    for k, (file_name, data) in enumerate(attachments):
        storage = f"__attach_version1.0_#{k:08X}/"
        put(storage, 0x3001, 0x001F, f8._utf16(file_name))
        if isinstance(data, dict):
            method = 5  # ATTACH_EMBEDDED_MSG
            for inner, value in data.items():
                streams[f"{storage}__substg1.0_3701000D/{inner}"] = value
            entries.append((storage, f8._prop(0x3701, 0x000D, bytes(8))))
        else:
            method = 1  # ATTACH_BY_VALUE
            put(storage, 0x3707, 0x001F, f8._utf16(file_name))
            put(storage, 0x3701, 0x0102, data)
        props = f8._prop(0x3705, 0x0003, struct.pack("<I", method))
        props += b"".join(entry for where, entry in entries if where == storage)
        streams[f"{storage}__properties_version1.0"] = bytes(8) + props
    top = f8._prop(0x3FDE, 0x0003, struct.pack("<I", 936))
    top += b"".join(entry for storage, entry in entries if not storage)
    header = struct.pack("<8xIIII", 0, len(attachments), 0, len(attachments)) + (b"" if embedded else bytes(8))
    streams["__properties_version1.0"] = header + top
    if not embedded:
        for guid in ("00020102", "00030102", "00040102"):
            streams[f"__nameid_version1.0/__substg1.0_{guid}"] = b""
    return streams


def _rtf_escape(text: str) -> str:
    """Chinese text as Outlook writes it in RTF of code page 936: each GBK byte ``\\'xx``, a tab ``\\tab``."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append("\\tab ")
        elif ord(ch) < 128:
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
    return "".join(out)


def notice_rtf(html: bool = False) -> bytes:
    """The winter notice as the RTF Outlook keeps for a mail: ``\\fromtext`` (a plain-text mail), or
    ``\\fromhtml1`` (an HTML mail: each tag in a ``{\\*\\htmltag …}`` group, the RTF-only paragraph marks
    between ``\\htmlrtf`` and ``\\htmlrtf0``), code page 936."""
    lines = formats6().WINTER_NOTICE.rstrip("\n").split("\n")
    head = ("{\\rtf1\\ansi\\ansicpg936\\" + ("fromhtml1" if html else "fromtext")
            + " \\fbidis \\deff0{\\fonttbl{\\f0\\fswiss\\fcharset134 SimSun;}}\r\n")
    if not html:
        body = "".join("\\pard\\plain\\f0\\fs20 " + _rtf_escape(line) + "\\par\r\n" for line in lines)
        return (head + body + "}").encode("ascii")
    body = "{\\*\\htmltag19 <html>}{\\*\\htmltag34 <head>}{\\*\\htmltag41 </head>}{\\*\\htmltag50 <body>}\r\n"
    for line in lines:
        body += ("{\\*\\htmltag64 <p class=MsoNormal>}\\htmlrtf {\\htmlrtf0 " + _rtf_escape(line)
                 + "{\\*\\htmltag244 <o:p>}{\\*\\htmltag252 </o:p>}\r\n\\htmlrtf \\par\r\n}\\htmlrtf0\r\n"
                 "{\\*\\htmltag72 </p>}\r\n")
    body += "{\\*\\htmltag58 </body>}{\\*\\htmltag27 </html>}"
    return (head + body + "}").encode("ascii")


def compressed(rtf: bytes) -> bytes:
    """``rtf`` as PR_RTF_COMPRESSED holds it (LZFu), by compressed_rtf (the library the reader uses to undo it)."""
    from compressed_rtf import compress

    return compress(rtf, compressed=True)


def _cover() -> str:
    return "各单位：\n转发" + title() + "，请查收并抓好落实。\n\n澄溪市应急管理局办公室\n"


def forward_msg(path: Path, docx: Path | None) -> None:
    """winter_forward.msg (the attached mail carries the notice's .docx and a seal) or, without ``docx``,
    winter_forward_body.msg (the notice pasted into the attached mail)."""
    f8 = formats8()
    if docx is not None:
        inner = message_streams(title(), f8._cover(title())[0],
                                attachments=[(title() + ".docx", docx.read_bytes()), ("印章.png", f8.SEAL_PNG)],
                                embedded=True)
    else:
        inner = message_streams(title(), formats6().WINTER_NOTICE, embedded=True)
    path.write_bytes(compound_file(message_streams("转发：" + title(), _cover(), attachments=[(title(), inner)])))


def rtf_msg(path: Path, html: bool = False) -> None:
    """winter_mail_rtf.msg / winter_mail_rtf_html.msg: the notice kept only as compressed RTF (no PR_BODY)."""
    path.write_bytes(compound_file(message_streams(title(), rtf=compressed(notice_rtf(html)))))


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        docx = formats8().notice_docx(Path(scratch) / "flat.docx")
        forward_msg(HERE / "winter_forward.msg", docx)
    forward_msg(HERE / "winter_forward_body.msg", None)
    rtf_msg(HERE / "winter_mail_rtf.msg")
    rtf_msg(HERE / "winter_mail_rtf_html.msg", html=True)
    formats8().two_columns_pdf(HERE / "winter_two_columns_ruled.pdf", ruled=True)


# -- probes (EXPECTED.md, "Probes") ------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _notice_docx(path: Path, para=None) -> None:
    """The winter notice as a plain .docx (formats7's flat one); ``para(document, line)``, when given, writes
    each line of the head and body instead of ``add_paragraph`` (returning False to let it be added plain)."""
    import docx

    n = formats6()._notice()
    document = docx.Document()
    for line in (n["title"], n["number"], n["addressee"], n["preamble"], *n["body"]):
        if para is None or not para(document, line):
            document.add_paragraph(line)
    formats6()._grid(document.add_table(rows=len(n["table"]), cols=len(n["table"][0])), n["table"])
    for line in (n["signature"], n["date"]):
        if para is None or not para(document, line):
            document.add_paragraph(line)
    document.save(str(path))


def tracked_docx(path: Path) -> None:
    """Tracked changes not accepted: 消防 inserted (``w:ins``) in 一's first item, 全部 deleted (``w:del``) in it."""
    from docx.oxml import parse_xml

    def para(document, line: str) -> bool:
        if not line.startswith("（一）各县（区）要组织"):
            return False
        p = document.add_paragraph()
        head, tail = line.split("消防", 1)
        change = 'w:id="{}" w:author="办公室" w:date="2027-11-14T09:00:00Z"'
        p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>（一）各县（区）要</w:t></w:r>'))
        p._p.append(parse_xml(f'<w:del xmlns:w="{W_NS}" {change.format(1)}><w:r><w:delText>全部</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>{head[len("（一）各县（区）要"):]}</w:t></w:r>'))
        p._p.append(parse_xml(f'<w:ins xmlns:w="{W_NS}" {change.format(2)}><w:r><w:t>消防</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>{tail}</w:t></w:r>'))
        return True

    _notice_docx(path, para)


def content_controls_docx(path: Path) -> None:
    """The number in a block content control (``w:sdt`` round its paragraph), the date a DATE field
    (``w:fldSimple``) with its cached result in a run-level content control."""
    from docx.oxml import parse_xml

    n = formats6()._notice()

    def para(document, line: str) -> bool:
        if line == n["number"]:
            placeholder = document.add_paragraph("")._p  # where the control goes (before the section's sectPr)
            placeholder.addnext(parse_xml(
                f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:alias w:val="文号"/><w:tag w:val="docnum"/></w:sdtPr>'
                f'<w:sdtContent><w:p><w:r><w:t>{line}</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
            placeholder.getparent().remove(placeholder)
            return True
        if line == n["date"]:
            p = document.add_paragraph()
            p._p.append(parse_xml(
                f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:date w:fullDate="2027-11-15T00:00:00Z"><w:dateFormat '
                'w:val="yyyy年M月d日"/></w:date></w:sdtPr><w:sdtContent><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">'
                f'<w:r><w:t>{line}</w:t></w:r></w:fldSimple></w:sdtContent></w:sdt>'))
            return True
        return False

    _notice_docx(path, para)


ARTICLES = ["为加强电动自行车停放充电安全管理，预防和减少火灾事故，根据有关法律法规，结合本市实际，制定本办法。",
            "本办法适用于本市行政区域内住宅小区、人员密集场所的电动自行车停放充电管理。",
            "物业服务企业应当设置集中停放充电场所，并配备消防器材。",
            "禁止在楼道、安全出口和疏散通道停放电动自行车或者为其充电。",
            "本办法自2028年1月1日起施行。"]
RULES_TITLE = "澄溪市电动自行车停放充电安全管理办法"


def articles_docx(path: Path, typed: bool = False) -> None:
    """A 办法 whose articles are Word automatic list numbers in the 第X条 style (``numFmt chineseCounting``,
    ``lvlText 第%1条``, a space after); ``typed``: the same with 第一条 … typed (the reading to match)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="80"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/>'
        '<w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="81"><w:abstractNumId w:val="80"/></w:num>'))
    document.add_paragraph(RULES_TITLE)
    numerals = "一二三四五六七八九十"
    for k, text in enumerate(ARTICLES):
        if typed:
            document.add_paragraph(f"第{numerals[k]}条　{text}")
            continue
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="81"/></w:numPr>'))
    document.save(str(path))


def scanned_middle_pdf(path: Path) -> None:
    """Three pages: the notice's head and 一 on page 1, page 2 a scanned picture only (no text), 二 and the rest on
    page 3."""
    from reportlab.pdfgen import canvas

    from PIL import Image

    font = formats5()._font()
    lines = formats6().WINTER_NOTICE.rstrip("\n").split("\n")
    split = lines.index("二、落实工作责任")
    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def page(texts: list[str]) -> None:
        c.setFont(font, 12)
        y = 780
        for text in texts:
            c.drawString(50, y, text.replace("\t", "    "))
            y -= 26
        c.showPage()

    page(lines[:split])
    scan = Image.new("L", (400, 560), 255)
    for k in range(12):
        scan.paste(40, (30, 30 + 40 * k, 370 - (k % 3) * 40, 44 + 40 * k))
    import io as _io
    from reportlab.lib.utils import ImageReader

    buffer = _io.BytesIO()
    scan.save(buffer, format="PNG")
    c.drawImage(ImageReader(_io.BytesIO(buffer.getvalue())), 50, 100, 495, 693)
    c.showPage()
    page(lines[split:])
    c.save()


def encrypted_pdf(path: Path) -> None:
    """The notice's first lines in a PDF with an open (user) password."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    f5 = formats5()
    c = canvas.Canvas(str(path), pagesize=(595, 842),
                      encrypt=pdfencrypt.StandardEncryption("8848", ownerPassword="owner", strength=128))
    c.setFont(f5._font(), 12)
    for k, line in enumerate(formats6().WINTER_NOTICE.split("\n")[:6]):
        c.drawString(50, 780 - 26 * k, line)
    c.showPage()
    c.save()


def wechat_html() -> str:
    """The notice as a WeChat 公众号 article page (mp.weixin.qq.com's layout): the account's name, the title in
    ``#activity-name``, the text in ``#js_content`` (``section``/``p``/``span`` with inline styles, the table a
    table), then 阅读原文, 微信扫一扫 / 关注该公众号 and a QR code."""
    n = formats6()._notice()
    span = lambda t: f'<p style="margin:0;line-height:1.75em;"><span style="font-size:15px;color:#333;">{t}</span></p>'  # noqa: E731
    rows = "".join("<tr>" + "".join(f'<td style="border:1px solid #ccc;"><section>{t}</section></td>' for t in row)
                   + "</tr>" for row in n["table"])
    body = "".join(span(t) for t in (n["number"], n["addressee"], n["preamble"], *n["body"]))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="' + n["title"] + '">'
            f'<title>{n["title"]}</title></head><body id="activity-detail"><div class="rich_media_wrp" id="img-content">'
            f'<h1 class="rich_media_title" id="activity-name">{n["title"]}</h1>'
            '<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_text">'
            '原创</span><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">'
            '澄溪应急</a></span><em id="publish_time" class="rich_media_meta rich_media_meta_text">2027-11-15 18:02</em>'
            '</div><div class="rich_media_content js_underline_content" id="js_content" style="visibility: visible;">'
            f'<section style="padding:0 8px;">{body}<section><table style="width:100%;border-collapse:collapse;">'
            f'<tbody>{rows}</tbody></table></section>{span(n["signature"])}{span(n["date"])}</section></div>'
            '<div class="rich_media_tool" id="js_toobar3"><a id="js_view_source" href="#">阅读原文</a>'
            '<span id="js_read_area3">阅读 <span id="readNum3">1024</span></span>'
            '<span class="like_btn">赞</span><span class="media_tool_meta">在看</span></div>'
            '<div class="qr_code_pc_outer"><div class="qr_code_pc"><img id="js_pc_qr_code_img" src="qr.png">'
            '<p>微信扫一扫<br>关注该公众号</p></div></div></div></body></html>')


def report_pptx(path: Path) -> None:
    """A 汇报 slide deck (.pptx, written as PowerPoint's package: presentation.xml and two slides)."""
    import zipfile

    p_ns = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')

    def slide(lines: list[str]) -> str:
        paras = "".join(f"<a:p><a:r><a:t>{t}</a:t></a:r></a:p>" for t in lines)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld {p_ns}><p:cSld><p:spTree>'
                '<p:sp><p:txBody><a:bodyPr/>' + paras + '</p:txBody></p:sp></p:spTree></p:cSld></p:sld>')

    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/'
             'presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.'
             'presentation.main+xml"/><Override PartName="/ppt/slides/slide1.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.presentationml.slide+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("ppt/presentation.xml", f'<?xml version="1.0" encoding="UTF-8"?><p:presentation {p_ns}/>')
        archive.writestr("ppt/slides/slide1.xml", slide(["澄溪市冬春火灾防控工作汇报", "澄溪市应急管理局", "2027年11月"]))
        archive.writestr("ppt/slides/slide2.xml", slide(["一、工作进展", "完成人员密集场所检查326家", "整改隐患1204处"]))


def probes(folder: Path) -> None:
    """The probes (EXPECTED.md): written to ``folder``; those that needed a reader fix are committed."""
    import opencc

    folder.mkdir(parents=True, exist_ok=True)
    notice = formats6().WINTER_NOTICE
    (folder / "winter_notice.txt").write_text(notice, encoding="utf-8")
    formats8().two_columns_pdf(folder / "two_columns_ruled.pdf", ruled=True)
    tracked_docx(folder / "tracked.docx")
    content_controls_docx(folder / "content_controls.docx")
    articles_docx(folder / "auto_articles.docx")
    articles_docx(folder / "typed_articles.docx", typed=True)
    scanned_middle_pdf(folder / "scanned_middle.pdf")
    encrypted_pdf(folder / "encrypted.pdf")
    (folder / "gb18030_nobom.txt").write_bytes(notice.encode("gb18030"))
    (folder / "utf16le_nobom.txt").write_bytes(notice.replace("\n", "\r\n").encode("utf-16-le"))
    (folder / "utf16be_nobom.txt").write_bytes(notice.encode("utf-16-be"))
    (folder / "big5_nobom.txt").write_bytes(opencc.OpenCC("s2tw").convert(notice).encode("cp950"))
    (folder / "big5_utf8.txt").write_text(opencc.OpenCC("s2tw").convert(notice), encoding="utf-8")
    (folder / "wechat.html").write_text(wechat_html(), encoding="utf-8")
    report_pptx(folder / "report.pptx")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()
