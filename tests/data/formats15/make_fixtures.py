"""The formats15 probes (EXPECTED.md): short headlines only in a page's ``<title>``, and files as users download them
from many sites: a redirect stub and a page built by script, a Strict Open XML .docx, a Word RTF with list numbers in
``\\listtext``, a GBK page declaring GB2312, a TRS page with the editor's own style and script, a base64 web archive,
a CSV task list.

The notice is ours (the invented county 青崖县). Every writer returns the file's bytes; :func:`write_all` writes them
into ``folder`` (tests/test_files_formats15.py calls it once for the module). Nothing binary is committed.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

ISSUER = "青崖县应急管理局"
TITLE = "青崖县应急管理局关于做好冬季燃气安全防范工作的通知"
NUMBER = "青应急〔2027〕21号"
ADDRESSEE = "各乡镇人民政府，县直有关单位："
PREAMBLE = "入冬以来，城乡燃气用量明显增加，为防范燃气事故，现就做好冬季燃气安全防范工作通知如下："
ITEMS = ["一、开展隐患排查。各乡镇要组织对餐饮场所、集贸市场和老旧小区的燃气管道、阀门、软管逐户排查，建立隐患台账。",
         "二、加强宣传教育。县住建局、县市场监管局要通过入户走访、发放明白纸等方式，普及燃气泄漏应急处置常识。",
         "三、严格值班值守。各单位要落实24小时值班制度，发现险情立即报告，于2027年12月31日前报送排查情况。"]
DATE = "2027年12月1日"
SITE = "青崖县人民政府"


def notice_lines() -> list[str]:
    return [TITLE, NUMBER, ADDRESSEE, PREAMBLE, *ITEMS, ISSUER, DATE]


def notice() -> str:
    return "\n".join(notice_lines()) + "\n"


# -- web pages ---------------------------------------------------------------------------------------------------
NAV = "<div class='nav'><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a> <a href='/tzgg/'>通知公告</a></div>"
FOOTER = "<div class='footer'>主办：青崖县人民政府办公室 网站标识码：1234000000 ICP备12345678号</div>"


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def page(title: str, lines: list[str], container: bool = False, charset: str = "utf-8", head: str = "") -> str:
    """A county site's page: a menu, the notice's ``lines`` (in a TRS container where ``container``), a footer."""
    body = _paragraphs(lines)
    if container:
        body = f"<div class='TRS_Editor'>{body}</div>"
    return (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>{head}"
            f"<title>{title}</title></head><body>{NAV}<div class='main'>{body}</div>{FOOTER}</body></html>")


#: the body of a page with no title of its own: from the addressee on
BODY = [ADDRESSEE, PREAMBLE, *ITEMS, ISSUER, DATE]
#: short <title>s: the name of each page, its <title>, and the title it must read as ("" none)
SHORT_TITLES = {
    "title_bare.html": ("通知", ""),
    "title_urgent.html": (f"紧急通知_{SITE}", ""),
    "title_important.html": (f"重要通知 - {ISSUER}", ""),
    "title_column.html": (f"通知公告_{SITE}", ""),
    "title_site.html": (SITE, ""),
    "title_hint.html": (f"燃气安全提示_{ISSUER}", "燃气安全提示"),
    "title_gas_off.html": (f"停气通知｜{SITE}", "停气通知"),
}


def redirect_html() -> str:
    return ("<html><head><meta http-equiv='refresh' content='0;url=/art/2027/12/1/art_12_345.html'>"
            "<script>window.location.href='/art/2027/12/1/art_12_345.html';</script></head>"
            "<body>页面跳转中…</body></html>")


def script_page_html() -> str:
    text = "\\n".join(notice_lines())
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}_{SITE}</title></head><body><div id='app'></div>"
            f"<script>window.__INITIAL_STATE__ = {{\"title\": \"{TITLE}\", \"content\": \"{text}\"}};</script>"
            "<script src='/static/js/app.js'></script></body></html>")


#: characters GBK has and GB2312 has not (a signer's and a village's names, as GBK editors write them)
WIDER = "五、请堃岭村、翀溪村落实专人值守。联系人：王喆。"


def gb2312_wider_html() -> bytes:
    lines = [TITLE, ADDRESSEE, PREAMBLE, *ITEMS, WIDER, ISSUER, DATE]
    return page(f"{TITLE}_{SITE}", lines, charset="gb2312").encode("gbk")


def trs_style_html() -> str:
    style = ("<style type='text/css'>.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:1.5;font-family:宋体;}"
             ".TRS_Editor DIV{font-size:12pt;}</style>")
    script = "<script>var share = {title: '分享到微信', url: location.href}; showShare(share);</script>"
    sidebar = ("<div class='side'><h3>热点推荐</h3><ul><li><a href='/a/1.html'>青崖县召开安全生产工作会议</a></li>"
               "<li><a href='/a/2.html'>全县开展消防安全检查</a></li></ul></div>")
    body = f"<div class='TRS_Editor'>{style}{_paragraphs([TITLE, *BODY])}{script}</div>"
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}_{SITE}</title></head><body>{NAV}{sidebar}"
            f"<div class='main'>{body}</div>{FOOTER}</body></html>")


def base64_mht() -> bytes:
    html = ("<html><head><title>青崖县</title></head><body>" + _paragraphs([TITLE, *BODY]) + "</body></html>").encode("gb2312")
    encoded = base64.encodebytes(html).decode("ascii")
    subject = "=?gb2312?B?" + base64.b64encode(TITLE.encode("gb2312")).decode("ascii") + "?="
    return ("From: <Saved by Windows Internet Explorer 8>\r\n"
            f"Subject: {subject}\r\n"
            "Date: Tue, 1 Dec 2027 10:00:00 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000_0000_01D00000.00000000"\r\n'
            "\r\nThis is a multi-part message in MIME format.\r\n\r\n"
            "------=_NextPart_000_0000_01D00000.00000000\r\n"
            'Content-Type: text/html;\r\n\tcharset="gb2312"\r\n'
            "Content-Transfer-Encoding: base64\r\n"
            "Content-Location: http://www.qingya.gov.cn/art/2027/12/1/art_12_345.html\r\n\r\n"
            + encoded.replace("\n", "\r\n") +
            "\r\n------=_NextPart_000_0000_01D00000.00000000--\r\n").encode("ascii")


# -- Word and RTF ------------------------------------------------------------------------------------------------
#: what Word's "Strict Open XML Document" writes for the Transitional namespaces python-docx writes (ISO/IEC 29500-1
#: Strict; the OPC package's own namespaces, content types and package relationships, are the same in both)
STRICT_NAMES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
}


def docx(lines: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def strict_docx() -> bytes:
    """The notice as a .docx whose XML parts use Strict's namespace names (Word: 另存为 Strict Open XML 文档)."""
    source = zipfile.ZipFile(io.BytesIO(docx(notice_lines())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                for old, new in STRICT_NAMES.items():
                    text = text.replace(old, new)
                if info.filename == "word/document.xml":
                    text = re.sub(r"<w:document\b", '<w:document w:conformance="strict"', text, count=1)
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _rtf_escaped(text: str) -> str:
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)


def listtext_rtf() -> bytes:
    """The notice as Word writes RTF: Chinese as ``\\uN?``; items 一–三 numbered by a list (``\\ls1``), each number
    also written in a ``{\\listtext …\\tab}`` group for readers that know no lists."""
    head = ("{\\rtf1\\ansi\\ansicpg936\\deff0\\uc1{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
            "{\\*\\listtable{\\list\\listtemplateid1{\\listlevel\\levelnfc39\\levelstartat1{\\leveltext\\'02\\'00"
            + _rtf_escaped("、") + ";}{\\levelnumbers\\'01;}}\\listid1}}"
            "{\\*\\listoverridetable{\\listoverride\\listid1\\listoverridecount0\\ls1}}\n")
    body = []
    for line in notice_lines():
        m = re.match(r"([一二三四五六七八九十]+、)(.*)", line)
        if m:
            body.append("{\\listtext\\pard\\plain \\f0 " + _rtf_escaped(m.group(1)) + "\\tab}"
                        "\\pard\\plain\\ls1\\ilvl0\\f0 " + _rtf_escaped(m.group(2)) + "\\par\n")
        else:
            body.append("\\pard\\plain\\f0 " + _rtf_escaped(line) + "\\par\n")
    return (head + "".join(body) + "}").encode("ascii")


# -- a CSV task list ---------------------------------------------------------------------------------------------
CSV_HEADER = ["序号", "工作任务", "责任单位", "完成时限"]
CSV_ROWS = [["1", "开展餐饮场所燃气安全隐患排查整治", "县住建局、县市场监管局", "2027年12月31日前"],
            ["2", "组织燃气企业开展应急演练", "县住建局", "2028年1月15日前"]]


def tasks_csv() -> bytes:
    rows = [CSV_HEADER, *CSV_ROWS]
    return ("\ufeff" + "\r\n".join(",".join(row) for row in rows) + "\r\n").encode("utf-8")


def write_all(folder: Path) -> dict[str, Path]:
    files: dict[str, bytes | str] = {
        "notice.txt": notice(),
        "redirect.html": redirect_html(),
        "script_page.html": script_page_html(),
        "strict.docx": strict_docx(),
        "listtext.rtf": listtext_rtf(),
        "gb2312_wider.html": gb2312_wider_html(),
        "trs_style.html": trs_style_html(),
        "base64_gb2312.mht": base64_mht(),
        "notice.csv": tasks_csv(),
        **{name: page(title, BODY) for name, (title, _) in SHORT_TITLES.items()},
        **{name.replace(".html", "_trs.html"): page(title, BODY, container=True)
           for name, (title, _) in SHORT_TITLES.items()},
    }
    out = {}
    for name, data in files.items():
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        out[name] = path
    return out
