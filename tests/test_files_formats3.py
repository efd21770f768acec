"""Files as other governments' sites and office systems publish them, read as the notice's plain text
reads: a Word "single file web page" (MHTML, also under a .doc name), a page of a site serving
``.shtml``, a PDF with a user password.

The fixtures in tests/data/formats3/ are ours (invented county 柘川县), made by ``make_fixtures.py``
beside them; the readings were written down in EXPECTED.md before any reader ran. Each reading is
compared through the real ``policytag segment`` command: every clause record and the document's
metadata but the file's name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TEST_DATA, run_cli
from test_files_formats2 import _segment  # segment --format jsonl|--documents, source dropped

FORMATS3 = TEST_DATA / "formats3"
NOTICE = FORMATS3 / "flood_notice.txt"

#: written down from flood_notice.txt before any reader ran (EXPECTED.md)
FLOOD_META = ("柘川县应急管理局关于开展汛前安全检查的通知", "柘应急〔2027〕9号", "柘川县应急管理局", "2027-04-02")
FLOOD_CLAUSES = [
    ("preamble", [], "为做好汛前安全防范工作，确保安全度汛，现将有关事项通知如下："),
    ("clause", [], "一、各乡镇要在5月底前完成山塘水库和地质灾害隐患点的排查，建立问题清单。"),
    ("clause", [], "二、县水利局要加强汛期值班值守，发现险情及时报告。"),
    ("clause", [], "三、县应急管理局要组织一次防汛抢险演练。"),
]




def _reads_as_the_notice(path: Path) -> None:
    """``path`` gives the reading written down (EXPECTED.md), record for record the .txt's."""
    (doc,) = _segment(path, documents=True)
    assert (doc["title"], doc["doc_number"], doc["issuer"], doc["date"]) == FLOOD_META
    clauses = _segment(path)
    assert [(c["kind"], c["heading_path"], c["text"]) for c in clauses] == FLOOD_CLAUSES
    assert clauses == _segment(NOTICE) and [doc] == _segment(NOTICE, documents=True)


@pytest.mark.parametrize("name", ["flood_notice.mht", "flood_notice_mht.doc"])
def test_a_word_single_file_web_page_reads_as_its_text(name):
    """A web archive (multipart/related, the page quoted-printable in GB2312, the seal an image part),
    as an OA system exports a notice's "Word" copy. Before: .mht was an unsupported type, and under a
    .doc name it read as "not a Word 97-2003 file … save it as .docx"."""
    _reads_as_the_notice(FORMATS3 / name)


def _gb2312_page(lines: list[str]) -> bytes:
    """The notice as a county site's page: GB2312 declared in a <meta> only, navigation, script and
    footer around the content container."""
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
            "<title>柘川县应急管理局关于开展汛前安全检查的通知_通知公告_柘川县人民政府</title>"
            "<script>var nav = '首页';</script></head><body><div class='nav'><a href='/'>首页</a> | 政务公开</div>"
            f"<div class='TRS_Editor'>{body}</div><div class='footer'>主办：柘川县人民政府办公室</div></body></html>")
    return page.encode("gb2312")


@pytest.mark.parametrize("suffix", [".shtml", ".xhtml"])
def test_a_page_of_a_site_serving_shtml_reads_as_a_web_page(tmp_path, suffix):
    """Many county sites serve their pages as .shtml (server-side includes); a page saved from one
    keeps the name. Before: "unsupported file type .shtml"."""
    path = tmp_path / f"content_4521{suffix}"
    path.write_bytes(_gb2312_page(NOTICE.read_text(encoding="utf-8").split("\n")))
    _reads_as_the_notice(path)


def _pdf(lines: list[str], path: Path) -> None:
    from test_genres import _as_pdf

    _as_pdf([line for line in lines if line.strip()], path)


def _encrypted(source: Path, path: Path, user_password: str) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=user_password, owner_password="柘川-owner", algorithm="AES-256")
    writer.write(path)


def test_a_pdf_with_a_user_password_is_one_line_and_no_output(tmp_path):
    """A PDF that opens only with a password: one line naming the file and the password, exit 1,
    nothing on stdout. Before: "not a readable PDF (FileNotDecryptedError)". An empty user password
    (only an owner password, set to stop copying, as many sites publish) opens for anyone: that PDF
    reads as the PDF without it."""
    plain = tmp_path / "plain.pdf"
    _pdf(NOTICE.read_text(encoding="utf-8").split("\n"), plain)
    locked = tmp_path / "locked.pdf"
    _encrypted(plain, locked, "zc2027")
    out = run_cli("segment", locked)
    assert out.returncode == 1 and out.stdout == ""
    (line,) = out.stderr.strip().splitlines()
    assert str(locked) in line and "protected by a password" in line
    copy_locked = tmp_path / "copy_locked.pdf"
    _encrypted(plain, copy_locked, "")
    assert _segment(copy_locked) == _segment(plain) and _segment(copy_locked, True) == _segment(plain, True)


def _tracked_docx(lines: list[str], path: Path) -> None:
    """The notice as a .docx whose revisions were left in (EXPECTED.md): item 一、 typed as two
    paragraphs, the first's mark deleted under tracked changes, and before item 二、 a paragraph
    deleted whole (its words and its mark)."""
    import docx
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    revision = f'xmlns:w="{w}" w:author="柘川县应急管理局" w:date="2027-04-01T09:00:00Z"'
    deleted_mark = f'<w:rPr xmlns:w="{w}"><w:del w:id="{{}}" {revision}/></w:rPr>'
    document = docx.Document()
    for line in (line.strip() for line in lines if line.strip()):
        if line.startswith("一、"):
            first = document.add_paragraph(line[:18])
            first._p.get_or_add_pPr().append(etree.fromstring(deleted_mark.format(1)))
            document.add_paragraph(line[18:])
            continue
        if line.startswith("二、"):
            gone = document.add_paragraph()
            gone._p.append(etree.fromstring(f'<w:del w:id="2" {revision}><w:r><w:delText>（此条删除）各村要张贴防汛明白卡。'
                                            '</w:delText></w:r></w:del>'))
            gone._p.get_or_add_pPr().append(etree.fromstring(deleted_mark.format(3)))
        document.add_paragraph(line)
    document.save(path)


def test_a_docx_with_revisions_left_in_reads_as_accepted(tmp_path):
    """A paragraph mark deleted under tracked changes joins its paragraph to the next, as Word shows,
    prints and accepts it. Before: item 一、 read as two clauses (一、…山塘水库和 / 地质灾害…清单。, the
    second under the first as its heading)."""
    path = tmp_path / "revised.docx"
    _tracked_docx(NOTICE.read_text(encoding="utf-8").split("\n"), path)
    _reads_as_the_notice(path)


def _county_page(lines: list[str]) -> bytes:
    """The notice on a county site's page (EXPECTED.md): GBK in <meta charset>, the paragraphs in a
    container of a class no CMS list names, around it a menu, a breadcrumb, a 相关文章 box and
    上一篇/下一篇 links titled as notices, and the site's footer."""
    body = "".join(f"<p>{line.strip()}</p>" for line in lines if line.strip())
    page = f"""<!DOCTYPE html><html><head><meta charset="gbk"><title>柘川县应急管理局关于开展汛前安全检查的通知</title>
<script>document.write('欢迎访问');</script></head><body>
<div class="top-bar"><span>欢迎访问柘川县人民政府门户网站</span><a href="#">无障碍浏览</a><a href="#">长者模式</a></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="main"><div class="wz">{body}</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/zwgk/2027/0321/71.shtml">柘川县人民政府办公室关于做好2027年防汛工作的通知</a></li>
<li><a href="/zwgk/2027/0315/64.shtml">柘川县应急管理局关于开展安全生产大检查的通知</a></li></ul></div>
<div class="prevnext"><p>上一篇：<a href="/zwgk/2027/0330/77.shtml">柘川县应急管理局关于做好森林防火工作的通知</a></p>
<p>下一篇：<a href="/zwgk/2027/0406/83.shtml">柘川县水利局关于公布山塘水库责任人名单的通知</a></p></div></div>
<div class="bottom"><p>主办单位：柘川县人民政府办公室　承办单位：柘川县大数据中心</p>
<p>网站标识码：3310000001　中岳ICP备12345678号</p><p>中岳公网安备 33100002000001号</p></div>
</body></html>"""
    return page.encode("gbk")


def test_a_page_without_a_known_container_reads_without_its_links_and_footer(tmp_path):
    """The related-article and 上一篇/下一篇 links carry other notices' titles and the footer closes the
    page. Before: a second document headed 柘川县人民政府办公室关于做好2027年防汛工作的通知, with the
    links and the footer (主办单位…, 网站标识码…) as its clauses."""
    path = tmp_path / "art_2027_4521.html"
    path.write_bytes(_county_page(NOTICE.read_text(encoding="utf-8").split("\n")))
    _reads_as_the_notice(path)


@pytest.mark.parametrize("name, make", [
    ("download.do", lambda path: _pdf(NOTICE.read_text(encoding="utf-8").split("\n"), path)),
    ("getfile.jsp", lambda path: path.write_bytes((FORMATS3 / "flood_notice.mht").read_bytes())),
    ("content.aspx", lambda path: path.write_bytes(_gb2312_page(NOTICE.read_text(encoding="utf-8").split("\n")))),
    ("P020270402", lambda path: _pdf(NOTICE.read_text(encoding="utf-8").split("\n"), path)),
])
def test_a_file_saved_under_a_download_script_name_reads_as_what_it_is(tmp_path, name, make):
    """Before: "unsupported file type .do" (.jsp, .aspx, "(none)") for a PDF, web archive or page
    whose bytes say plainly what they are."""
    path = tmp_path / name
    make(path)
    _reads_as_the_notice(path)


def _rtf(path: Path) -> None:
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}"
                     b"\\pard\\f0 \\'d5\\'e8\\'b4\\'a8\\par}")


def _xlsx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")


def _et(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # an OLE file's signature, as .et and .xls begin


@pytest.mark.parametrize("name", ["notice.rtf", "notice.doc"])
def test_an_rtf_file_is_read_also_under_a_doc_name(tmp_path, name):
    """RTF was refused here (formats3); formats4 reads it (striprtf), also when Word saved it as .doc:
    its text reaches the segmenter, whose one line is about the content (one word is no notice)."""
    path = tmp_path / name
    _rtf(path)
    out = run_cli("segment", path)
    (line,) = out.stderr.strip().splitlines()
    assert out.returncode == 1 and "no recognisable notice structure" in line and "RTF" not in line, line


@pytest.mark.parametrize("name, make, what", [
    ("tasks.xlsx", _xlsx, "spreadsheet"), ("tasks.et", _et, "spreadsheet"),
])
def test_a_format_published_but_not_read_names_the_formats_that_are(tmp_path, name, make, what):
    """Before: the line said what to do but not which formats are read."""
    from policytag.corpus.readers import SUPPORTED_SUFFIXES

    path = tmp_path / name
    make(path)
    out = run_cli("segment", path)
    assert out.returncode == 1 and out.stdout == ""
    (line,) = out.stderr.strip().splitlines()
    assert str(path) in line and what in line and ".docx" in line
    listed = line[line.index("read are"):]
    assert all(suffix in listed.split(", ") or f" {suffix}" in listed for suffix in SUPPORTED_SUFFIXES), line


def test_a_doc_with_revisions_left_in_reads_the_accepted_text():
    """A Word 97-2003 file published with tracked changes not accepted (make_fixtures.REVISIONS): its
    deleted words are in the text stream, marked sprmCFRMarkDel. Before: both versions were read
    (一、各乡镇要在6月底前5月底前完成…, 三、县水利局要县应急管理局要组织…), and item 二、, typed as two
    paragraphs the first of whose marks is deleted, as two clauses; now the accepted text, as its .docx."""
    _reads_as_the_notice(FORMATS3 / "revised_notice.doc")
    assert _segment(FORMATS3 / "revised_notice.doc") == _segment(FORMATS3 / "revised_notice.docx")
