"""The formats16 probes (EXPECTED.md): list numbers a .docx or .odt keeps outside its text — Word's list styles
(``w:numStyleLink``), restarted per section, reached through paragraph styles; number formats shown in other
characters (壹 ⑴ ⒈); an .odt's headings numbered by its outline style.

The notice is ours (the invented county 松川县). Every writer returns the file's bytes; :func:`write_all` writes them
into ``folder`` (tests/test_files_formats16.py calls it once for the module). The packages are written as raw XML (the
few parts Word and LibreOffice need), so each probe says exactly what its numbering is. Nothing binary is committed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

TITLE = "松川县应急管理局关于做好春节期间安全防范工作的通知"
NUMBER = "松应急〔2028〕3号"
ADDRESSEE = "各乡镇人民政府，县直有关单位："
PREAMBLE = "春节将至，为确保节日期间安全形势稳定，现就有关事项通知如下："
#: (heading, [sub-items]) — the numbers are the list's: 一、 / （一） where typed
PARTS = [("强化隐患排查", ["排查人员密集场所。各乡镇要对商场、车站、景区等人员密集场所开展全面检查，及时消除隐患。",
                       "排查燃气设施。县住建局要组织对餐饮场所燃气管道、阀门和软管逐户排查，建立隐患台账。"]),
         ("加强值班值守", ["落实带班制度。各单位要严格落实领导带班和24小时值班制度，保持通讯畅通。",
                       "及时报送信息。发生险情要立即报告县应急管理局，不得迟报、漏报、瞒报。"])]
ISSUER = "松川县应急管理局"
DATE = "2028年1月20日"
ANNEX_TITLE = "春节期间安全检查重点"
ANNEX_ITEMS = ["商场超市。检查疏散通道、安全出口是否畅通，消防设施是否完好。",
               "车站码头。检查安检设备运行和客流疏导措施落实情况。"]

_ONE_TWO = "一二三四五六七八九十"
_LEGAL = "壹贰叁肆伍陆柒捌玖拾"


def notice(top=lambda n: f"{_ONE_TWO[n]}、", sub=lambda n: f"（{_ONE_TWO[n]}）", annex: bool = False) -> str:
    """The notice typed, its numbers written by ``top`` and ``sub`` (0-based); with its attachment where ``annex``."""
    lines = [TITLE, NUMBER, ADDRESSEE, PREAMBLE]
    for i, (heading, items) in enumerate(PARTS):
        lines.append(top(i) + heading)
        lines.extend(sub(j) + item for j, item in enumerate(items))
    lines += [ISSUER, DATE]
    if annex:
        lines += ["附件", ANNEX_TITLE] + [f"{_ONE_TWO[j]}、{item}" for j, item in enumerate(ANNEX_ITEMS)]
    return "\n".join(lines) + "\n"


# -- .docx ------------------------------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'styles" Target="styles.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'numbering" Target="numbering.xml"/></Relationships>')


def _p(text: str, num: tuple[int, int] | None = None, style: str | None = None, section_end: bool = False) -> str:
    """A ``w:p``: its style, its own ``w:numPr`` (numId, ilvl) where ``num``, a section break after it."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if section_end:
        ppr += '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>'
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _level(ilvl: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/></w:lvl>')


def _docx(body: list[str], numbering: str, styles: str = "") -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
                + "".join(body) + '<w:sectPr/></w:body></w:document>')
    style_part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
                  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
                  f'{styles}</w:styles>')
    numbering_part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
                      f'{numbering}</w:numbering>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", style_part)
        z.writestr("word/numbering.xml", numbering_part)
    return buf.getvalue()


#: the list style: its own abstractNum (w:styleLink) holds the levels; the paragraphs' num goes through an
#: abstractNum holding only w:numStyleLink (as Word writes a list defined by a list style)
_LIST_STYLE = ('<w:style w:type="numbering" w:customStyle="1" w:styleId="SongchuanList"><w:name w:val="松川列表"/>'
               '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')


def _list_style_numbering(restart: bool = False) -> str:
    levels = _level(0, "chineseCounting", "%1、") + _level(1, "chineseCounting", "（%2）")
    out = (f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
           f'<w:styleLink w:val="SongchuanList"/>{levels}</w:abstractNum>'
           '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
           '<w:numStyleLink w:val="SongchuanList"/></w:abstractNum>'
           '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
           '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    if restart:  # Word's 重新开始于一: a num of its own over the same list, its level 0 started again
        out += ('<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    return out


def _body(num_top, num_sub, top_style=None, sub_style=None) -> list[str]:
    body = [_p(TITLE), _p(NUMBER), _p(ADDRESSEE), _p(PREAMBLE)]
    for heading, items in PARTS:
        body.append(_p(heading, num_top, top_style))
        body.extend(_p(item, num_sub, sub_style) for item in items)
    return body + [_p(ISSUER), _p(DATE)]


def list_style_docx() -> bytes:
    return _docx(_body((2, 0), (2, 1)), _list_style_numbering(), _LIST_STYLE)


def list_style_headings_docx() -> bytes:
    """The list reached through 标题 1 / 标题 2, whose w:numPr name the linking num (the paragraphs have none)."""
    styles = _LIST_STYLE + "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="heading {lvl + 1}"/><w:basedOn w:val="a"/>'
        f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
        for sid, lvl in (("1", 0), ("2", 1)))
    return _docx(_body(None, None, "1", "2"), _list_style_numbering(), styles)


def list_style_restart_docx() -> bytes:
    """The notice, a section break, its attachment whose items restart the list (num 3: startOverride 1)."""
    body = _body((2, 0), (2, 1))
    body[-1] = _p(DATE, section_end=True)
    body += [_p("附件"), _p(ANNEX_TITLE)] + [_p(item, (3, 0)) for item in ANNEX_ITEMS]
    return _docx(body, _list_style_numbering(restart=True), _LIST_STYLE)


#: the legal_numbers probe's formats: level 0, level 1, and how the twin types each (0-based)
LEGAL_FORMATS = {
    "legal_numbers.docx": (("chineseLegalSimplified", "%1、"), ("decimalEnclosedParen", "%2"),
                           lambda n: f"{_LEGAL[n]}、", lambda n: chr(0x2474 + n)),
    "fullstop_numbers.docx": (("chineseCounting", "%1、"), ("decimalEnclosedFullstop", "%2"),
                              lambda n: f"{_ONE_TWO[n]}、", lambda n: chr(0x2488 + n)),
}


def formats_docx(name: str) -> bytes:
    (top_fmt, top_text), (sub_fmt, sub_text), _, _ = LEGAL_FORMATS[name]
    numbering = (f'<w:abstractNum w:abstractNumId="0">{_level(0, top_fmt, top_text)}{_level(1, sub_fmt, sub_text)}'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    return _docx(_body((1, 0), (1, 1)), numbering)


def redefined_level_docx() -> bytes:
    """The notice's list whose num redefines level 1 (w:lvlOverride holding a w:lvl: ``（%2）`` chineseCounting) over
    an abstract list numbering it ``%2.`` decimal; level 0 as the abstract's (``%1、``)."""
    numbering = (f'<w:abstractNum w:abstractNumId="0">{_level(0, "chineseCounting", "%1、")}'
                 f'{_level(1, "decimal", "%2.")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 f'<w:lvlOverride w:ilvl="1">{_level(1, "chineseCounting", "（%2）")}</w:lvlOverride></w:num>')
    return _docx(_body((1, 0), (1, 1)), numbering)


def formats_twin(name: str) -> str:
    _, _, top, sub = LEGAL_FORMATS[name]
    return notice(top, sub)


# -- .odt -------------------------------------------------------------------------------------------------------
_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"')
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
             'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
             '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
             '</manifest:manifest>')


def _outline_style(numbered: bool) -> str:
    """styles.xml's ``text:outline-style``: level 1 ``一、``, level 2 ``（一）`` where ``numbered``; else every level
    with an empty num-format, as each LibreOffice document carries it."""
    if not numbered:
        levels = "".join(f'<text:outline-level-style text:level="{n}" style:num-format=""/>' for n in range(1, 11))
    else:
        levels = ('<text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>'
                  '<text:outline-level-style text:level="2" style:num-format="一, 二, 三, ..." '
                  'style:num-prefix="（" style:num-suffix="）"/>'
                  + "".join(f'<text:outline-level-style text:level="{n}" style:num-format=""/>' for n in range(3, 11)))
    return f'<text:outline-style style:name="Outline">{levels}</text:outline-style>'


def _odt(paragraphs: list[str], numbered: bool = True) -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}><office:body><office:text>'
               + "".join(paragraphs) + '</office:text></office:body></office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODF_NS}><office:styles>'
              f'{_outline_style(numbered)}</office:styles></office:document-styles>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
    return buf.getvalue()


def _odt_p(text: str) -> str:
    return f"<text:p>{escape(text)}</text:p>"


def _odt_h(text: str, level: int, attrs: str = "", number: str = "") -> str:
    number = f"<text:number>{escape(number)}</text:number>" if number else ""
    return f'<text:h text:outline-level="{level}"{attrs}>{number}{escape(text)}</text:h>'


def outline_odt(numbered: bool = True, header_first: bool = False, cached: bool = False) -> bytes:
    """The notice, its headings numbered by the outline style. ``header_first``: a 附件-style heading marked
    ``text:is-list-header`` before the body's first heading (it takes no number); ``cached``: each heading holds its
    number already as ``text:number`` (as some writers save it)."""
    paragraphs = [_odt_p(TITLE), _odt_p(NUMBER), _odt_p(ADDRESSEE), _odt_p(PREAMBLE)]
    if header_first:
        paragraphs.insert(0, _odt_h("通知", 1, ' text:is-list-header="true"'))
    for i, (heading, items) in enumerate(PARTS):
        paragraphs.append(_odt_h(heading, 1, number=f"{_ONE_TWO[i]}、" if cached else ""))
        for j, item in enumerate(items):
            # a sub-item is a level-2 heading holding the whole item (its lead sentence and the rest), as typed
            paragraphs.append(_odt_h(item, 2, number=f"（{_ONE_TWO[j]}）" if cached else ""))
    paragraphs += [_odt_p(ISSUER), _odt_p(DATE)]
    return _odt(paragraphs, numbered)


# -- byproducts beside a document, archives that are no zip --------------------------------------------------------
#: a Word owner (lock) file: a length byte, the user's name, padded to Word's 162 bytes
OWNER_FILE = (b"\x08zhangsan" + b"\x00" * 153)[:162]
#: a Mac's AppleDouble metadata file: its magic, version, filler, an entry or two (a Finder info record)
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02" + b"\x00" * 60 + b"ATTR" + b"\x00" * 200


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def typed_docx() -> bytes:
    """The notice in a .docx with its numbers typed (the byproducts' document: its reading is not at stake)."""
    return _docx([_p(line) for line in notice().splitlines()], "")


def mac_zip() -> bytes:
    """A zip a Mac's Finder made: the attachment, its AppleDouble under __MACOSX/, the folder's .DS_Store."""
    return _zip({"附件/附件1.docx": typed_docx(), "__MACOSX/附件/._附件1.docx": APPLE_DOUBLE,
                 "附件/.DS_Store": b"\x00\x00\x00\x01Bud1" + b"\x00" * 100})


def lock_zip() -> bytes:
    """A zip packed while the attachment was open in Word: its owner file beside it."""
    return _zip({"附件1.docx": typed_docx(), "~$附件1.docx": OWNER_FILE})


def folder_files() -> dict[str, bytes]:
    """A folder copied from a Mac's USB disk while the notice was open: the notice, its owner file, its
    AppleDouble; and a real .docx whose name starts with ``~$`` (a guard: read)."""
    return {"通知.docx": typed_docx(), "~$通知.docx": OWNER_FILE, "._通知.docx": APPLE_DOUBLE,
            "~$工作方案.docx": typed_docx()}


ARCHIVES = {"附件.rar": b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64, "附件.7z": b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 64,
            "附件_rar.zip": b"Rar!\x1a\x07\x00" + b"\x00" * 64,
            "通知.uot": _zip({"mimetype": b"vnd.uof.text", "content.xml": b"<uof/>"})}


# -- web pages showing typed text ---------------------------------------------------------------------------------
def _page(body: str, style: str = "") -> str:
    """A county site's page: its <title> the headline, a menu, ``body``, a footer (``style``: the page's sheet)."""
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}_松川县人民政府</title><style>{style}</style></head>"
            "<body><div class='nav'><a href='/'>首页</a> <a href='/tzgg/'>通知公告</a></div>"
            f"{body}<div class='footer'>主办：松川县人民政府办公室 网站标识码：1234000000</div></body></html>")


def typed_pages() -> dict[str, str]:
    """The notice typed (its lines joined by the source's own line breaks, ``\r\n`` as a database gives them),
    shown as typed by an element's white-space or in a read-only textarea; a guard <pre>; and a plain <div> whose
    source is wrapped in the middle of the items (shown collapsed: the items run on, as a browser shows them)."""
    text = notice().replace("\n", "\r\n")
    return {
        "pre_wrap.html": _page(f"<div class='article' style='white-space: pre-wrap;'>{escape(text)}</div>"),
        "pre_line.html": _page(f"<div style='font-size:16px; white-space:pre-line'><span>{escape(text)}</span></div>"),
        "pre_class.html": _page(f"<div class='detail-text'>{escape(text)}</div>",
                                "body {margin:0} div.detail-text { line-height: 2; white-space: pre-wrap }"),
        "textarea.html": _page(f"<textarea readonly rows='40' cols='80'>{escape(text)}</textarea>"),
        "pre.html": _page(f"<pre>{escape(text)}</pre>"),
        "form_textarea.html": _page(f"<form action='/oa/view'><textarea readonly rows='40'>{escape(text)}</textarea>"
                                    "<input type='button' value='关闭'></form>"),
        "wrapped_div.html": _page("<div class='article'>" + escape(text).replace("\r\n", "") .replace("。", "。\n")
                                  + "</div>"),
    }


# -- PDFs with a fake bold -----------------------------------------------------------------------------------------
#: the fake-bold PDFs: which lines are drawn over themselves (0-based lines of the notice), how many times, and
#: whether glyph by glyph
FAKE_BOLD = {"plain.pdf": ((), 1, False), "bold_title.pdf": ((0,), 2, False),
             "bold_headings.pdf": ((0, 4, 7), 3, False), "bold_glyphs.pdf": ((0, 4, 7), 2, True),
             "glyphs_only.pdf": ((), 1, True)}


def fake_bold_pdf(name: str) -> bytes:
    """The notice on one A4 page (STSong-Light, reportlab), lines wrapped at 30 characters; the lines of
    ``FAKE_BOLD[name]`` drawn ``times`` times 0.35 pt apart (a fake bold); every line glyph by glyph (each character
    a text object of its own) where ``glyphs``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    bold, times, glyphs = FAKE_BOLD[name]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
    y = 780.0
    for i, line in enumerate(notice().splitlines()):
        size = 18 if i == 0 else 14
        c.setFont("STSong-Light", size)
        for k in range(0, len(line), 30):
            piece = line[k:k + 30]
            for t in range(times if i in bold else 1):
                if glyphs:  # each glyph at its place: after the widths of those before it
                    at = 60 + t * 0.35
                    for ch in piece:
                        c.drawString(at, y, ch)
                        at += pdfmetrics.stringWidth(ch, "STSong-Light", size)
                else:
                    c.drawString(60 + t * 0.35, y, piece)
            y -= size * 1.6
    c.showPage()
    c.save()
    return buf.getvalue()


# -- all --------------------------------------------------------------------------------------------------------
def files() -> dict[str, bytes]:
    return {
        "notice.txt": notice().encode("utf-8"),
        "notice_annex.txt": notice(annex=True).encode("utf-8"),
        "notice_bare.txt": notice(top=lambda n: "", sub=lambda n: "").encode("utf-8"),
        "notice_list_header.txt": ("通知\n" + notice()).encode("utf-8"),
        "list_style.docx": list_style_docx(),
        "list_style_headings.docx": list_style_headings_docx(),
        "list_style_restart.docx": list_style_restart_docx(),
        "redefined_level.docx": redefined_level_docx(),
        **{name: formats_docx(name) for name in LEGAL_FORMATS},
        **{name.replace(".docx", ".txt"): formats_twin(name).encode("utf-8") for name in LEGAL_FORMATS},
        "outline.odt": outline_odt(),
        "outline_unnumbered.odt": outline_odt(numbered=False),
        "outline_list_header.odt": outline_odt(header_first=True),
        "outline_cached.odt": outline_odt(cached=True),
        "mac.zip": mac_zip(),
        "lock.zip": lock_zip(),
        "~$附件1.docx": OWNER_FILE,
        "._附件1.docx": APPLE_DOUBLE,
        **ARCHIVES,
        **{f"folder/{name}": data for name, data in folder_files().items()},
        **{name: html.encode("utf-8") for name, html in typed_pages().items()},
        **{name: fake_bold_pdf(name) for name in FAKE_BOLD},
    }


def write_all(folder: Path) -> dict[str, Path]:
    out = {}
    for name, data in files().items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    print("\n".join(str(p) for p in write_all(target).values()))
