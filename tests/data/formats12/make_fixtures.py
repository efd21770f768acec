"""The formats12 probes (EXPECTED.md): formats6's winter notice on web pages whose ``<title>`` holds a CMS column's
name (with and without a headline of its own), in a ``#zoom`` container with a download box, in a layout wrapper named
``.content`` beside a sidebar, as a frame's page (in a web archive, IE's and Chrome's; a page saved "complete", a
frameset too), under a menu of links or with its title a link, as a page whose ``<meta>`` charset was kept when it was
saved again as UTF-8 or saved as UTF-16, and as text with a byte-order mark (GB18030's own, UTF-16's).

Every writer returns bytes: tests/test_files_formats12.py writes the files in a temporary folder (module fixture);
nothing here is committed but this script and EXPECTED.md.
"""

from __future__ import annotations

import quopri
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from fixture_writers import make_fixtures


def formats11():
    return make_fixtures("formats11")


def parts() -> dict:
    return formats11().parts()


def notice() -> str:
    return formats11().notice()


#: a breadcrumb of links whose last names the column 安全生产工作动态 (the site's own navigation names it)
COLUMN_TOP = '<div class="top"><a href="/">首页</a> &gt; <a href="/aqdt/">安全生产工作动态</a></div>'
SITE = "澄溪市应急管理局"


def _body(head: tuple[str, ...] = ("addressee",), title: bool = False) -> str:
    """The notice's paragraphs (its head lines ``head``, its own centred title line where ``title``), table, signature."""
    n = parts()
    lines = [n[key] for key in head] + [n["preamble"], *n["body"]]
    own = f'<p style="text-align:center"><strong>{n["title"]}</strong></p>' if title else ""
    return (own + "".join(f"<p>{line}</p>" for line in lines)
            + f'<table border="1">{formats11()._rows(n["table"])}</table>'
            + f'<p style="text-align:right">{n["signature"]}</p><p style="text-align:right">{n["date"]}</p>')


def zoom_page(title: str, before: str = "", own_title: bool = False, after: str = "",
              meta: str = '<meta charset="utf-8">') -> str:
    """The notice in a TRS site's ``<div id="zoom">`` (``before``: what the page sets ahead of it, a sidebar, an
    ``<h1>``; ``after``: what the CMS adds inside the container after the notice)."""
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>{COLUMN_TOP}{before}"
            f'<div id="zoom">{_body(title=own_title)}{after}</div>'
            '<div class="bottom">主办：澄溪市应急管理局 网站标识码：9999000011</div></body></html>')


DOWNLOADS = ('<div class="fjxz"><p>附件下载：</p><ul><li><a href="/files/rw.xlsx">冬春火灾防控任务清单.xlsx</a></li>'
             '<li><a href="/files/jcb.docx">消防安全检查表.docx</a></li></ul></div>')


def column_pages() -> dict[str, str]:
    """Section 1: the pages, and each one's bare twin (``bare/<name>``: the same page, its <title> the site's name)."""
    page, title = formats11().page, parts()["title"]
    plan = "澄溪市2027年冬春火灾防控工作方案"
    briefing = "安全生产工作动态（第12期）"
    sidebar = '<div class="left"><h3>通知公告</h3><ul><li><a href="/a">澄溪市森林防火宣传月活动启动</a></li></ul></div>'
    out = {
        "column_linked.html": page(f"安全生产工作动态_{SITE}", top=COLUMN_TOP),
        "column_unlinked.html": page("安全生产通知公告 - 澄溪市人民政府"),
        "column_then_headline.html": page(f"澄溪市人民政府门户网站 - 安全生产通知公告 - {title}"),
        "headline_column_site.html": page(f"{title}_应急管理工作动态_澄溪市人民政府"),
        "plan_headline.html": page(f"{plan}_安全生产工作动态_{SITE}", head=(), top=COLUMN_TOP),
        "briefing_headline.html": page(f"{briefing}_{SITE}", head=(), top=COLUMN_TOP),
        "column_zoom.html": zoom_page(f"安全生产工作动态_{SITE}"),
        "column_heading_zoom.html": zoom_page(f"{title}_{SITE}", before=f"{sidebar}<h1>{title}</h1>"),
    }
    out["bare/column_linked.html"] = page(SITE, top=COLUMN_TOP)
    out["bare/column_unlinked.html"] = page(SITE)
    out["bare/column_zoom.html"] = zoom_page(SITE)
    return out


def meta_gbk_bytes_utf8() -> bytes:
    """The notice's page (its own title line) declaring gb2312 in its <meta>, its bytes UTF-8."""
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    return zoom_page(SITE, own_title=True, meta=meta).encode("utf-8")


GB18030_BOM = b"\x84\x31\x95\x33"


def bom_texts() -> dict[str, bytes]:
    text = notice()
    return {"gb18030_bom.txt": GB18030_BOM + text.encode("gb18030"),
            "utf16le_bom.txt": b"\xff\xfe" + text.encode("utf-16-le"),
            "utf16be_bom.txt": b"\xfe\xff" + text.encode("utf-16-be")}


MENU = '<div class="menu"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/tzgg/">通知公告</a></div>'
FOOTER = '<div class="bottom">主办：澄溪市应急管理局 网站标识码：9999000011</div>'
HTML_GB2312 = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


def framed_page(src: str, meta: str = HTML_GB2312) -> str:
    """A portal page: the menu, the notice in ``<iframe src=…>``, the footer; ``<title>`` the headline."""
    return (f"<html><head>{meta}<title>{parts()['title']}_{SITE}</title></head><body>{MENU}"
            f'<iframe src="{src}" width="100%"></iframe>{FOOTER}</body></html>')


def frame_content(meta: str = HTML_GB2312) -> str:
    """The frame's page: the notice with its own title line."""
    return f"<html><head>{meta}</head><body>{_body(title=True)}</body></html>"


def _html_part(html: str, charset: str, **headers: str) -> MIMEText:
    """A quoted-printable text/html MIME part in ``charset`` with ``headers`` (Content-Location, Content-ID)."""
    part = MIMEText("", "html", charset)
    del part["Content-Transfer-Encoding"]
    part.set_payload(quopri.encodestring(html.encode(charset)).decode("ascii"))
    part["Content-Transfer-Encoding"] = "quoted-printable"
    for key, value in headers.items():
        part[key.replace("_", "-")] = value
    return part


def frames_mht() -> bytes:
    """A web archive of a portal page whose notice is in ``<iframe src=…/content.htm>``: part 1 the page (menu, the
    frame), part 2 the frame's page (quoted-printable GBK, its Content-Location), as IE/Edge save a page with frames."""
    archive = MIMEMultipart("related", type="text/html")
    base = "http://www.cx.example.gov.cn/tzgg/"
    archive.attach(_html_part(framed_page("content.htm"), "gb2312", Content_Location=base + "index.htm"))
    archive.attach(_html_part(frame_content(), "gb2312", Content_Location=base + "content.htm"))
    archive["Subject"] = parts()["title"]
    return archive.as_bytes()


def frames_cid_mhtml() -> bytes:
    """The same as Chrome saves it: the frame's part named by a Content-ID, the iframe's src ``cid:…``, UTF-8."""
    archive = MIMEMultipart("related", type="text/html")
    meta, cid = '<meta charset="utf-8">', "frame-4F1A2B3C@mhtml.blink"
    archive.attach(_html_part(framed_page(f"cid:{cid}", meta), "utf-8",
                              Content_Location="http://www.cx.example.gov.cn/tzgg/index.htm"))
    archive.attach(_html_part(frame_content(meta), "utf-8", Content_ID=f"<{cid}>"))
    return archive.as_bytes()


def menu_over_title() -> str:
    """A plain page: the menu (three links, no separators) over the body's own title line."""
    return (f'<html><head><meta charset="utf-8"><title>{parts()["title"]}_{SITE}</title></head><body>{MENU}'
            f'<div class="main">{_body(title=True)}</div>{FOOTER}</body></html>')


def utf16_page() -> bytes:
    """The notice's page (its own title line) saved as "Unicode": UTF-16 LE with a BOM, IE's ``charset=unicode``."""
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=unicode">'
    return b"\xff\xfe" + zoom_page(SITE, own_title=True, meta=meta).encode("utf-16-le")


def saved_complete() -> dict[str, bytes]:
    """A page saved "complete": the page, its frame's page in its ``_files`` folder (UTF-8 both)."""
    meta = '<meta charset="utf-8">'
    return {"saved_complete/notice.html": framed_page("notice_files/content.html", meta).encode("utf-8"),
            "saved_complete/notice_files/content.html": frame_content(meta).encode("utf-8")}


def saved_frameset() -> dict[str, bytes]:
    """A frameset page saved "complete" (no <body>): a top frame holding the menu, a frame holding the notice."""
    meta = '<meta charset="utf-8">'
    page = (f"<html><head>{meta}<title>{parts()['title']}_{SITE}</title></head><frameset rows=\"80,*\">"
            '<frame src="notice_files/top.html"><frame src="notice_files/content.html"></frameset></html>')
    return {"saved_frameset/notice.html": page.encode("utf-8"),
            "saved_frameset/notice_files/top.html": f"<html><head>{meta}</head><body>{MENU}</body></html>".encode("utf-8"),
            "saved_frameset/notice_files/content.html": frame_content(meta).encode("utf-8")}


SIDEBAR = ('<div class="left"><div class="lm">通知公告</div><ul>'
           '<li><a href="/a1">澄溪市应急管理局关于做好元旦春节期间安全防范工作的通知</a><span>2027-12-20</span></li>'
           '<li><a href="/a2">澄溪市安全生产委员会办公室关于开展岁末年初安全生产大检查的通知</a><span>2027-12-01</span></li>'
           '<li><a href="/a3">澄溪市2027年度安全生产工作考核细则</a><span>2027-11-02</span></li></ul></div>')


def wrapper_page(widget: bool = False) -> str:
    """A page whose layout wrapper is ``<div class="content">``: the sidebar (``SIDEBAR``), the ``<h1>`` headline, the
    info line, the notice in ``#zoom``. ``widget``: the notice straight in the wrapper (no ``#zoom``), a small box
    also named ``.content`` (a weather widget) inside it."""
    n = parts()
    notice = (f'<div class="content"><p>澄溪天气：晴 12℃</p></div>{_body()}' if widget
              else f'<div id="zoom">{_body()}</div>')
    return (f'<html><head><meta charset="utf-8"><title>{n["title"]}_{SITE}</title></head><body>{COLUMN_TOP}'
            f'<div class="content">{SIDEBAR}<div class="right"><h1>{n["title"]}</h1>'
            f'<div class="info">发布时间：2027-11-16 来源：{SITE}</div>{notice}</div></div>{FOOTER}</body></html>')


FRAME_URL = "http://www.cx.example.gov.cn/tzgg/content.htm"


def linked_title() -> str:
    """A plain page, its <title> the site's name, the body's title line a link to the page itself."""
    body = _body().replace("<p>", f'<p><a href="/tzgg/1.html">{parts()["title"]}</a></p><p>', 1)
    return (f'<html><head><meta charset="utf-8"><title>{SITE}</title></head><body>'
            f'<div class="main">{body}</div>{FOOTER}</body></html>')


def write_all(folder: Path) -> dict[str, Path]:
    """Every probe written to ``folder``: name -> path (the bare twins under ``folder/bare``)."""
    blobs = {name: html.encode("utf-8") for name, html in column_pages().items()}
    blobs |= {"zoom_downloads.html": zoom_page(SITE, own_title=True, after=DOWNLOADS).encode("utf-8"),
              "meta_gbk_bytes_utf8.html": meta_gbk_bytes_utf8(), "frames.mht": frames_mht(),
              "frames_cid.mhtml": frames_cid_mhtml(), "menu_over_title.html": menu_over_title().encode("utf-8"),
              "utf16_page.html": utf16_page(), **saved_complete(), **saved_frameset(), **bom_texts(),
              "wrapper_content.html": wrapper_page().encode("utf-8"),
              "wrapper_widget.html": wrapper_page(widget=True).encode("utf-8"),
              "linked_title.html": linked_title().encode("utf-8"),
              # the saved_complete page saved alone ("HTML only"): its frame's page not in the file
              "frame_not_saved.html": framed_page("notice_files/content.html", '<meta charset="utf-8">').encode("utf-8"),
              "frame_remote.html": framed_page(FRAME_URL, '<meta charset="utf-8">').encode("utf-8")}
    out = {}
    for name, blob in blobs.items():
        out[name] = folder / name
        out[name].parent.mkdir(parents=True, exist_ok=True)
        out[name].write_bytes(blob)
    return out


if __name__ == "__main__":
    import sys

    for name, path in write_all(Path(sys.argv[1])).items():
        print(name, path.stat().st_size)
