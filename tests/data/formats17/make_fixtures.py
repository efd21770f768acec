"""The formats17 probes (EXPECTED.md beside this file in the worktree: the readings written down before any reader
ran): a web page whose typed text is shown as typed by a stylesheet rule the reader did not follow (compound,
descendant, id and grouped selectors, ``@media``, ``!important``, a ``<link>`` to a sheet saved beside the page),
and file quirks: a .docx with tracked changes, comments, a text box, fields, content controls and ``%1.%2`` legal
numbering, a WeChat article saved as HTML, a GB2312 quoted-printable web archive, a GBK page declaring its charset in
``<meta http-equiv>`` only, UTF-16 text without a BOM.

The notice is ours (the invented county 澄江县). Every writer returns the file's bytes; :func:`write_all` writes them
into ``folder`` (tests/test_files_formats17.py calls it once for the module). Nothing binary is committed.
"""

from __future__ import annotations

import io
import quopri
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

TITLE = "澄江县应急管理局关于开展汛期安全隐患排查整治的通知"
NUMBER = "澄应急〔2029〕7号"
ADDRESSEE = "各乡镇人民政府，县直有关单位："
PREAMBLE = "主汛期即将到来，为切实防范化解汛期安全风险，现就开展隐患排查整治有关事项通知如下："
PARTS = [("一、突出排查重点", ["（一）排查山塘水库。各乡镇要对辖区山塘水库逐座开展安全检查，落实巡查责任人，及时消除隐患。",
                           "（二）排查地质灾害隐患点。县自然资源局要组织对地质灾害隐患点开展巡查，完善监测预警措施。"]),
         ("二、压实工作责任", ["（一）落实属地责任。各乡镇主要负责人要亲自部署，确保排查整治不留死角。",
                           "（二）强化督导检查。县应急管理局要会同有关部门开展督导，对问题整改情况跟踪问效。"])]
ISSUER = "澄江县应急管理局"
DATE = "2029年5月8日"


#: a sentence more for each item: the notice with paragraphs of 80-100 characters, as most are
MORE = "对排查发现的问题要建立清单、明确时限、落实整改责任，整改不到位的不得销号，确保各项措施落到实处。"


def lines(long: bool = False) -> list[str]:
    out = [TITLE, NUMBER, ADDRESSEE, PREAMBLE]
    for heading, items in PARTS:
        out.append(heading)
        out.extend(item + MORE if long else item for item in items)
    return out + [ISSUER, DATE]


def notice(long: bool = False) -> str:
    return "\n".join(lines(long)) + "\n"


# -- 1. CSS white-space from rules the reader did not follow ------------------------------------------------------
def _page(style: str, body_open: str, body_close: str, head: str = "") -> bytes:
    """A page showing the notice as typed text (its source's line breaks) inside ``body_open``…``body_close``, made
    so by the rule(s) in ``style``; without them the whole notice is one run of text."""
    sheet = f"<style>{style}</style>" if style else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title>{head}{sheet}</head><body>'
            f'<div class="nav"><a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>'
            f'{body_open}{escape(notice())}{body_close}</body></html>').encode("utf-8")


CSS_PAGES = {
    "css_descendant.html": ("div.article p { color: #333; white-space: pre-wrap; }",
                            '<div class="article"><p>', "</p></div>"),
    "css_id.html": ("#content{white-space:pre-line}", '<div id="content">', "</div>"),
    "css_two_classes.html": (".main .zw { white-space: pre-wrap }", '<div class="main"><div class="zw">',
                             "</div></div>"),
    "css_trs.html": (".TRS_Editor p{font-size:16px;white-space:pre-wrap;line-height:2}",
                     '<div class="TRS_Editor"><p>', "</p></div>"),
    "css_group.html": ("div.notice, p.typed { white-space: pre-wrap; }", '<div class="notice">', "</div>"),
    "css_media.html": ("body{margin:0}@media (min-width:768px){.zw{white-space:pre-wrap}}",
                       '<div class="zw">', "</div>"),
    "css_important.html": (".zw{white-space:pre-wrap !important}", '<div class="zw" style="white-space:normal">',
                           "</div>"),
    "css_comment.html": ("/* 正文 */ .zw /* 保留换行 */ { white-space: /* 按原样 */ pre-wrap }",
                         '<div class="zw">', "</div>"),
    # the id's rule outranks a later, less specific one (the cascade: specificity before order)
    "css_specific.html": ("#content { white-space: pre-wrap } div { white-space: normal }",
                          '<div id="content">', "</div>"),
    # guards: a rule for .zw inside a .sidebar the page has not, a rule for print only, a later more specific normal, no rule at all
    "css_elsewhere.html": (".sidebar .zw { white-space: pre-wrap }", '<div class="zw">', "</div>"),
    "css_print_only.html": ("@media print { .zw { white-space: pre-wrap } }", '<div class="zw">', "</div>"),
    "css_overridden.html": (".zw { white-space: pre-wrap } div.zw { white-space: normal }", '<div class="zw">', "</div>"),
}

SHEET = "/* 澄江县政府网站 */\n.zw-box .zw {\n  font-family: 仿宋;\n  white-space: pre-wrap;\n}\n"


def css_page(name: str) -> bytes:
    return _page(*CSS_PAGES[name])


def linked_page(href: str) -> bytes:
    return _page("", '<div class="zw-box"><div class="zw">', "</div></div>",
                 head=f'<link rel="stylesheet" type="text/css" href="{href}">')


def framed_pages() -> tuple[bytes, bytes, bytes]:
    """(a portal page framing ``page_files/content.html``, that framed page, a page holding it as ``srcdoc``): the
    framed page's own ``<head>`` sheet shows the notice as typed."""
    inner = _page(".zw{white-space:pre-wrap}", '<div class="zw">', "</div>")
    outer = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>澄江县人民政府</title></head><body>'
             '<div class="nav"><a href="/">首页</a></div><iframe src="page_files/content.html" width="100%">'
             '</iframe></body></html>').encode("utf-8")
    srcdoc = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>澄江县人民政府</title></head><body>'
              '<iframe srcdoc="' + escape(inner.decode("utf-8"), {'"': "&quot;"}) + '"></iframe></body></html>'
              ).encode("utf-8")
    return outer, inner, srcdoc


def styled_mht() -> bytes:
    """A web archive (as Chrome saves a page, .mhtml) whose page links ``style.css``, packed as a part of its own."""
    page = linked_page("style.css")
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n'
            b'\tboundary="----MultipartBoundary--7Qk"\r\n\r\n------MultipartBoundary--7Qk\r\n'
            b'Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: base64\r\n'
            b'Content-Location: http://www.chengjiang.gov.cn/tzgg/202905/t20290508_1.html\r\n\r\n'
            + __import__("base64").encodebytes(page).replace(b"\n", b"\r\n")
            + b'\r\n------MultipartBoundary--7Qk\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n'
            b'Content-Location: http://www.chengjiang.gov.cn/tzgg/202905/style.css\r\n\r\n'
            + quopri.encodestring(SHEET.encode("utf-8")).replace(b"\n", b"\r\n")
            + b'\r\n------MultipartBoundary--7Qk--\r\n')


def hidden_spans_html() -> bytes:
    """The notice as paragraphs, with a site's anti-copy junk: a ``display:none`` span inside sentences, a
    ``<font class="hid">`` hidden by the page's sheet."""
    junk = ['<span style="display:none">Xk9z</span>', '<font class="hid">澄江网</font>']
    body = "".join(f"<p>{escape(line[:6])}{junk[i % 2]}{escape(line[6:])}</p>" for i, line in enumerate(lines()))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title><style>.hid{{display:none}}'
            f'</style></head><body><div class="TRS_Editor">{body}</div></body></html>').encode("utf-8")


# -- 2. .docx quirks ----------------------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (f'xmlns:w="{_W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps"')
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/numbering.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
       '<Override PartName="/word/comments.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'numbering" Target="numbering.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'comments" Target="comments.xml"/></Relationships>')
_COMMENTS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {_NS}>'
             '<w:comment w:id="0" w:author="李科长" w:date="2029-05-07T10:00:00Z"><w:p><w:r>'
             '<w:t>此处请核实水库数量，建议补充责任人名单。</w:t></w:r></w:p></w:comment></w:comments>')


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(inner: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>" if ppr else f"<w:p>{inner}</w:p>"


def _docx(body: list[str], numbering: str = "") -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                         f'<w:numbering {_NS}>{numbering}</w:numbering>')
        z.writestr("word/comments.xml", _COMMENTS)
    return buf.getvalue()


def _plain_body() -> list[str]:
    return [_p(_r(line)) for line in lines()]


def tracked_docx() -> bytes:
    """Tracked changes left in: an inserted phrase (w:ins), a deleted one (w:del/w:delText), a phrase moved
    (w:moveFrom … w:moveTo), a whole paragraph deleted (its runs and its mark)."""
    body = _plain_body()
    item = PARTS[0][1][0]  # （一）排查山塘水库。各乡镇要对辖区山塘水库逐座开展安全检查，落实巡查责任人，及时消除隐患。
    head, tail = item.split("逐座")
    body[5] = _p(_r(head) + '<w:del w:id="1" w:author="王" w:date="2029-05-06T00:00:00Z"><w:r><w:delText>全面</w:delText>'
                 '</w:r></w:del><w:ins w:id="2" w:author="王" w:date="2029-05-06T00:00:00Z">' + _r("逐座")
                 + "</w:ins>" + _r(tail))
    item2 = PARTS[1][1][1]  # (line 9) （二）强化督导检查。县应急管理局要会同有关部门开展督导，对问题整改情况跟踪问效。
    a, b = item2.split("开展督导，")
    body[9] = _p(_r(a) + '<w:moveFrom w:id="3" w:author="王" w:date="2029-05-06T00:00:00Z"><w:r><w:t>定期</w:t></w:r>'
                  '</w:moveFrom>' + _r("开展督导，") + '<w:moveTo w:id="4" w:author="王" w:date="2029-05-06T00:00:00Z">'
                  + _r("") + "</w:moveTo>" + _r(b))
    deleted = ('<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="王" w:date="2029-05-06T00:00:00Z"/></w:rPr></w:pPr>'
               '<w:del w:id="6" w:author="王" w:date="2029-05-06T00:00:00Z"><w:r><w:delText>（三）此项删除。各乡镇要'
               '按月上报排查台账。</w:delText></w:r></w:del></w:p>')
    body.insert(7, deleted)
    return _docx(body)


def comments_docx() -> bytes:
    """A reviewer's comment on the first item (its range, its reference run, comments.xml): not the notice's."""
    body = _plain_body()
    body[5] = _p('<w:commentRangeStart w:id="0"/>' + _r(PARTS[0][1][0]) + '<w:commentRangeEnd w:id="0"/>'
                 '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>')
    return _docx(body)


def text_box_docx() -> bytes:
    """The title set in a text box (a DrawingML shape and its VML fallback) anchored in an empty first
    paragraph; the rest typed."""
    box = f'<w:txbxContent><w:p>{_r(TITLE)}</w:p></w:txbxContent>'
    anchor = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="5000000" '
              'cy="600000"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
              f'wordprocessingShape"><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
              '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
              f'{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    return _docx([_p(anchor)] + _plain_body()[1:])


def fields_docx() -> bytes:
    """Fields: a complex HYPERLINK over the attachment's name (its code not read, its display text read), a simple
    DATE field holding the date, a PAGE field in a 第…页 line at the end (a printed page mark)."""
    body = _plain_body()
    item = PARTS[1][1][1]
    a, b = item.split("县应急管理局")
    body[9] = _p(_r(a) + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                  'HYPERLINK "http://yjj.chengjiang.gov.cn/" \\o "县应急管理局" </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("县应急管理局")
                  + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + _r(b))
    body[-1] = _p('<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">' + _r(DATE) + "</w:fldSimple>")
    body.append(_p(_r("— ") + '<w:fldSimple w:instr=" PAGE ">' + _r("1") + "</w:fldSimple>" + _r(" —")))
    return _docx(body)


def sdt_docx() -> bytes:
    """A template's content controls: the number a run-level control, the body's first part a block-level control,
    the date a date picker, and one control left showing its prompt (not read)."""
    body = _plain_body()

    def control(inner: str, prompt: bool = False) -> str:
        pr = "<w:sdtPr><w:alias w:val=\"正文\"/>" + ("<w:showingPlcHdr/>" if prompt else "") + "</w:sdtPr>"
        return f"<w:sdt>{pr}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    body[1] = _p(control(_r(NUMBER)))
    body[4:7] = [control("".join(body[4:7]))]
    body[-1] = _p('<w:sdt><w:sdtPr><w:date w:fullDate="2029-05-08T00:00:00Z"><w:dateFormat w:val="yyyy年M月d日"/>'
                  f'</w:date></w:sdtPr><w:sdtContent>{_r(DATE)}</w:sdtContent></w:sdt>')
    body.append(control(_p(_r("单击或点击此处输入附件名称。")), prompt=True))
    return _docx(body)


def ruby_docx() -> bytes:
    """汛 in the preamble set with a phonetic guide (Word's 拼音指南: ``w:ruby``, its ``w:rt`` xùn over its
    ``w:rubyBase``)."""
    body = _plain_body()
    head, tail = PREAMBLE.split("汛", 1)
    body[3] = _p(_r(head) + '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>xùn</w:t>'
                 '</w:r></w:rt><w:rubyBase><w:r><w:t>汛</w:t></w:r></w:rubyBase></w:ruby></w:r>' + _r(tail))
    return _docx(body)


def _level(ilvl: int, fmt: str, text: str, legal: bool = False) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>' + ("<w:isLgl/>" if legal else "")
            + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


#: a plan numbered 第一章 / 1.1 / 1.1.1 by one list: level 0 chineseCounting, levels 1-2 decimal with w:isLgl (Word's
#: 正规形式编号: every level's number shown in Arabic digits)
LEGAL_PLAN = [(0, "总则"), (1, "编制目的"), (2, "为规范汛期突发事件应急处置工作，保障人民群众生命财产安全，制定本预案。"),
              (1, "适用范围"), (2, "本预案适用于本县行政区域内汛期突发事件的应对工作。"),
              (0, "组织体系"), (1, "县防汛指挥部"), (2, "县防汛指挥部负责组织、协调、指导全县防汛抢险工作。")]
LEGAL_TITLE = "澄江县汛期突发事件应急预案"


def legal_numbers_docx() -> bytes:
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
                 + _level(0, "chineseCounting", "第%1章") + _level(1, "decimal", "%1.%2", legal=True)
                 + _level(2, "decimal", "%1.%2.%3", legal=True) + "</w:abstractNum>"
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = [_p(_r(LEGAL_TITLE))] + [
        _p(_r(text), f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr>') for lvl, text in LEGAL_PLAN]
    return _docx(body, numbering)


def legal_numbers_txt() -> str:
    out, counts = [LEGAL_TITLE], [0, 0, 0]
    chinese = "一二三四五六七八九十"
    for lvl, text in LEGAL_PLAN:
        counts[lvl] += 1
        counts[lvl + 1:] = [0] * (2 - lvl)
        number = f"第{chinese[counts[0] - 1]}章" if lvl == 0 else ".".join(str(n) for n in counts[:lvl + 1])
        out.append(f"{number} {text}")
    return "\n".join(out) + "\n"


# -- 3. web quirks ------------------------------------------------------------------------------------------------
def wechat_html() -> bytes:
    """A WeChat (微信公众号) article saved from a browser: the title in ``#activity-name``, the account and time in
    ``#meta_content``, the body in ``#js_content`` which WeChat keeps ``visibility: hidden`` until its script runs,
    then the furniture: a QR code box (hidden), 阅读/在看 counters, a 微信扫一扫 prompt."""
    body = "".join(f'<p style="margin-bottom:8px;"><span style="font-size:16px;">{escape(line)}</span></p>'
                   for line in lines()[2:])
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + TITLE + '</title>'
            '<meta property="og:title" content="' + TITLE + '"><style>.rich_media_meta_list{color:#999}</style></head>'
            '<body id="activity-detail" class="zh_CN"><div class="rich_media_wrp" id="js_article">'
            '<div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">'
            f'<h1 class="rich_media_title" id="activity-name">\n          {TITLE}\n        </h1>'
            '<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname"'
            ' id="profileBt"><a href="javascript:void(0);" id="js_name">澄江应急管理</a></span>'
            '<em id="publish_time" class="rich_media_meta rich_media_meta_text">2029-05-08 17:30</em></div>'
            '<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">'
            f'<p style="text-align:center;"><strong>{NUMBER}</strong></p>{body}</div>'
            '<div class="rich_media_tool" id="js_toobar3"><div class="weui-flex">'
            '<span id="readNum3">阅读 1024</span><span id="js_like_btn">在看</span></div></div>'
            '<div class="qr_code_pc_outer" style="visibility: hidden;"><div id="js_pc_qr_code" class="qr_code_pc">'
            '<p>微信扫一扫<br>关注该公众号</p></div></div>'
            '<div id="js_profile_qrcode" style="display: none;"><strong>澄江应急管理</strong>'
            '<p>微信扫一扫<br>使用小程序</p></div>'
            '</div></div></div><script>var ct = "1873478400";</script></body></html>').encode("utf-8")


def _gbk_page(pad: int = 0) -> bytes:
    """A GBK page declaring its charset only in ``<meta http-equiv>``, after ``pad`` bytes of inline script."""
    script = "<script>var menu = [" + ",".join(f'"m{i}"' for i in range(pad // 6)) + "];</script>" if pad else ""
    body = "".join(f"<p>{escape(line)}</p>" for line in lines())
    return ("<html><head>" + script + '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'
            f"<title>{TITLE}</title></head><body><div id=\"zoom\">{body}</div></body></html>").encode("gbk")


def western_labelled_page(label: str) -> bytes:
    """A GBK page whose old template declares a Western charset (``iso-8859-1``, ``windows-1252``) it is not in."""
    body = "".join(f"<p>{escape(line)}</p>" for line in lines())
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"><title>{TITLE}</title>'
            f'</head><body><div id="zoom">{body}</div></body></html>').encode("gbk")


def gbk_page() -> bytes:
    return _gbk_page()


def gbk_page_late_meta() -> bytes:
    """The meta after 5 kB of the head's script: past where the reader looks for it."""
    return _gbk_page(5000)


def mht_gb2312() -> bytes:
    """Word's or IE's single-file web page: a multipart/related archive whose page is GB2312, quoted-printable
    (soft line breaks ``=\\n`` cutting the source at 76 columns, inside a character's bytes)."""
    page = ('<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><title>' + TITLE
            + '</title></head><body lang=ZH-CN><div class=WordSection1>'
            + "".join(f"<p class=MsoNormal><span style='font-family:仿宋_GB2312'>{escape(line)}</span></p>"
                      for line in lines()) + "</div></body></html>").encode("gb2312")
    encoded = quopri.encodestring(page)
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D9"\r\n\r\n'
            b'This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_01D9\r\n'
            b'Content-Location: file:///C:/D2A1B3C4/notice.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n'
            b'Content-Type: text/html; charset="gb2312"\r\n\r\n' + encoded.replace(b"\n", b"\r\n")
            + b'\r\n\r\n------=_NextPart_01D9\r\nContent-Location: file:///C:/D2A1B3C4/notice.files/filelist.xml\r\n'
            b'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset="utf-8"\r\n\r\n'
            b'<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office"></xml>\r\n\r\n------=_NextPart_01D9--\r\n')


def utf16_no_bom(encoding: str, long: bool = False) -> bytes:
    """The notice in UTF-16 without a byte-order mark, CRLF line ends (as a .NET export writes it): Chinese lines of
    30-45 characters (``long``: items of 80-100), so ASCII (line breaks, digits) is a few percent of the characters."""
    return notice(long).replace("\n", "\r\n").encode(encoding)


def write_all(folder: Path) -> dict[str, Path]:
    files: dict[str, bytes] = {"notice.txt": notice().encode("utf-8"),
                               "legal_numbers.txt": legal_numbers_txt().encode("utf-8")}
    files.update((name, css_page(name)) for name in CSS_PAGES)
    files["plain.html"] = _page("", '<div class="zw">', "</div>")
    files["linked/page.html"] = linked_page("style.css")
    files["linked/style.css"] = SHEET.encode("utf-8")
    files["linked_files/page.html"] = linked_page("page_files/main.css")
    files["linked_files/page_files/main.css"] = SHEET.encode("utf-8")
    files["linked_remote/page.html"] = linked_page("http://www.chengjiang.gov.cn/css/style.css")
    files["linked_outside/page.html"] = linked_page("../style.css")
    files["style.css"] = SHEET.encode("utf-8")
    files.update({"tracked.docx": tracked_docx(), "comments.docx": comments_docx(), "text_box.docx": text_box_docx(),
                  "fields.docx": fields_docx(), "sdt.docx": sdt_docx(), "ruby.docx": ruby_docx(), "legal_numbers.docx": legal_numbers_docx(),
                  "wechat.html": wechat_html(), "gbk.html": gbk_page(), "latin1_label.html": western_labelled_page("iso-8859-1"),
                  "win1252_label.html": western_labelled_page("windows-1252"), "gbk_late_meta.html": gbk_page_late_meta(),
                  "gb2312.mht": mht_gb2312(), "utf16le.txt": utf16_no_bom("utf-16-le"),
                  "utf16be.txt": utf16_no_bom("utf-16-be"), "long_notice.txt": notice(long=True).encode("utf-8"),
                  "utf16le_long.txt": utf16_no_bom("utf-16-le", long=True),
                  "utf16be_long.txt": utf16_no_bom("utf-16-be", long=True)})
    files["framed/page.html"], files["framed/page_files/content.html"], files["srcdoc.html"] = framed_pages()
    files["styled.mht"] = styled_mht()
    files["hidden_spans.html"] = hidden_spans_html()
    out = {}
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out[name] = path
    return out
