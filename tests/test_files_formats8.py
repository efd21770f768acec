"""Files a user from another government sends, read through the real readers and ``policytag segment``:
Outlook's .msg mails, a zip attached to a mail, and the formats probed in tests/data/formats8/ (EXPECTED.md
there: the readings written down before any reader ran).

The fixtures are ours (invented places and organs), made by ``tests/data/formats8/make_fixtures.py``.
"""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage

import pytest
from conftest import TEST_DATA
from fixture_writers import error_lines, make_fixtures, winter_reading
from test_files_formats2 import _segment, run_cli

FORMATS6 = TEST_DATA / "formats6"
FORMATS8 = TEST_DATA / "formats8"
TITLE = "澄溪市应急管理局关于开展冬春火灾防控工作的通知"


def _fixtures():
    """tests/data/formats8/make_fixtures.py as a module (its writers make the mails of the tests below)."""
    return make_fixtures("formats8")


@pytest.fixture(scope="module")
def winter(tmp_path_factory):
    """formats6's winter_notice.txt and its reading: the reference of the files here (as in formats7)."""
    return winter_reading(tmp_path_factory.mktemp("winter"))


_errors = error_lines


# -- Outlook .msg ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["winter_mail.msg", "winter_mail_body.msg", "winter_mail_ansi.msg"])
def test_an_outlook_msg_reads_as_the_notice_it_carries(name, winter):
    """winter_mail.msg: a cover note with the notice's .docx attached under its Chinese long name (0x3707) and a
    seal picture; winter_mail_body.msg: the notice pasted into the mail (PR_BODY and PR_HTML); winter_mail_ansi.msg:
    the notice as the 8-bit PR_BODY of a non-Unicode Outlook, code page 936. Before: "unsupported file type .msg";
    now each reads as winter_notice.txt, record for record (the cover note and the picture not read)."""
    documents, clauses = winter
    assert _segment(FORMATS8 / name, documents=True) == documents
    assert _segment(FORMATS8 / name) == clauses


def test_an_outlook_msg_s_attachment_is_named_as_an_eml_s_is():
    out = run_cli("segment", FORMATS8 / "winter_mail.msg", "--documents")
    assert {json.loads(line)["source"] for line in out.stdout.splitlines()} == {
        f"{FORMATS8 / 'winter_mail.msg'}!{TITLE}.docx"}


def test_a_folder_s_outlook_mails_are_read(tmp_path):
    """A folder holding a .msg: before, skipped unseen (no supported suffix); now read, its attachment named."""
    import shutil

    shutil.copy(FORMATS8 / "winter_mail.msg", tmp_path / "通知.msg")
    out = run_cli("segment", tmp_path, "--documents")
    assert out.returncode == 0, out.stderr
    assert [json.loads(line)["source"] for line in out.stdout.splitlines()] == [f"{tmp_path / '通知.msg'}!{TITLE}.docx"]


@pytest.mark.parametrize("content, why", [
    ("text", "not a readable Outlook mail (.msg): not an OLE compound file"),
    ("word", "not an Outlook mail (.msg): an OLE file holding no mail properties"),
])
def test_a_msg_that_is_no_outlook_mail_is_one_error_line(tmp_path, content, why):
    """A text file and a Word 97-2003 file named .msg: one error line each saying what it is not; before,
    "unsupported file type .msg" for both."""
    path = tmp_path / "x.msg"
    if content == "text":
        path.write_text("各单位：请查收。", encoding="utf-8")
    else:
        path.write_bytes((TEST_DATA / "formats" / "numbered_list.doc").read_bytes())
    out = run_cli("segment", path)
    assert out.returncode == 1
    assert len(_errors(out)) == 1 and _errors(out)[0].startswith(f"policytag: error: {path}: {why}"), out.stderr


def test_an_outlook_mail_named_doc_says_what_it_is(tmp_path):
    """A .msg a user renamed .doc: before, "an Office 97-2003 file with no Word document in it"; now one line
    saying it is an Outlook mail and to name it .msg."""
    path = tmp_path / "通知.doc"
    path.write_bytes((FORMATS8 / "winter_mail.msg").read_bytes())
    out = run_cli("segment", path)
    assert _errors(out) == [f"policytag: error: {path}: an Outlook mail (.msg) under another name: name it .msg "
                            "and read that"], out.stderr


def test_a_plain_text_mail_reads_its_typed_table_as_a_txt_does(tmp_path, winter):
    """An .eml whose only text is the notice as plain text (its task table typed with tabs). Before: the body was
    read as it stood, not as a .txt is read, so the table was one paragraph (序号工作任务…): 6 clauses, not 7;
    now as winter_notice.txt, record for record."""
    mail = EmailMessage()
    mail["From"], mail["Subject"] = "office@example.gov.cn", TITLE
    mail.set_content(_fixtures().formats6().WINTER_NOTICE)
    (tmp_path / "m.eml").write_bytes(bytes(mail))
    documents, clauses = winter
    assert _segment(tmp_path / "m.eml") == clauses
    assert _segment(tmp_path / "m.eml", documents=True) == documents


# -- a zip attached to a mail ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["winter_mail_zip.eml", "winter_mail_zip.msg"])
def test_a_zip_attached_to_a_mail_is_read_as_its_members(name, winter):
    """A cover note with 附件.zip attached (the notice's .docx in a folder, a seal beside it). Before: refused, "a
    zip attached to a mail is not read here"; now its member is read as a zip's member is, named
    ``MAIL!附件.zip!folder/name.docx``, as winter_notice.txt."""
    documents, clauses = winter
    assert _segment(FORMATS8 / name, documents=True) == documents
    assert _segment(FORMATS8 / name) == clauses
    out = run_cli("segment", FORMATS8 / name, "--documents")
    assert {json.loads(line)["source"] for line in out.stdout.splitlines()} == {
        f"{FORMATS8 / name}!附件.zip!冬春火灾防控/{TITLE}.docx"}


def _mail_with(zipped: bytes, name: str = "附件.zip") -> bytes:
    mail = EmailMessage()
    mail["From"], mail["Subject"] = "office@example.gov.cn", "通知"
    mail.set_content("请查收附件。")
    mail.add_attachment(zipped, maintype="application", subtype="zip", filename=name)
    return bytes(mail)


def test_bad_members_of_a_mail_s_zip_are_one_line_each_and_the_rest_reads(tmp_path):
    """A mail's zip holding the notice, a zip, a member unpacking past 100 MB (a zip bomb: ~100 kB packed): the
    notice read, one error line naming ``m.eml!附件.zip!member`` for each of the others, exit 1."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(FORMATS6 / "winter_nested.docx", "通知.docx")
        archive.writestr("inner.zip", b"PK\x05\x06" + bytes(18))  # an empty zip
        with archive.open("bomb.txt", "w") as bomb:
            for _ in range(101):
                bomb.write(b"\n" * 2**20)
    (tmp_path / "m.eml").write_bytes(_mail_with(buffer.getvalue()))
    out = run_cli("segment", tmp_path / "m.eml", "--documents")
    assert out.returncode == 1
    assert [json.loads(line)["source"] for line in out.stdout.splitlines()] == [f"{tmp_path / 'm.eml'}!附件.zip!通知.docx"]
    errors = _errors(out)
    assert len(errors) == 2, out.stderr
    for member, why in {"inner.zip": "a zip inside a zip", "bomb.txt": "zip bomb"}.items():
        assert any(f"{tmp_path / 'm.eml'}!附件.zip!{member}: " in line and why in line for line in errors), out.stderr


def test_a_zip_in_a_mail_in_a_zip_is_refused_in_one_line(tmp_path):
    """x.zip holding a mail that attaches a zip of the notice: three containers deep, refused in one line
    ("nested too deep"), as a zip in a zip is, so no chain of containers multiplies a file's size. Before: refused
    as "a zip attached to a mail is not read here". Two containers (y.zip!m.eml, the .docx attached) still read."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.write(FORMATS6 / "winter_nested.docx", "通知.docx")
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive:
        archive.writestr("m.eml", _mail_with(inner.getvalue()))
    out = run_cli("segment", tmp_path / "x.zip")
    assert out.returncode == 1 and not out.stdout.strip()
    assert len(_errors(out)) == 1 and "nested too deep" in _errors(out)[0], out.stderr
    assert _errors(out)[0].startswith(f"policytag: error: {tmp_path / 'x.zip'}!m.eml: "), out.stderr
    mail = EmailMessage()
    mail["From"], mail["Subject"] = "office@example.gov.cn", "通知"
    mail.set_content("请查收附件。")
    mail.add_attachment((FORMATS6 / "winter_nested.docx").read_bytes(), maintype="application",
                        subtype="octet-stream", filename="通知.docx")
    with zipfile.ZipFile(tmp_path / "y.zip", "w") as archive:
        archive.writestr("m.eml", bytes(mail))
    assert _segment(tmp_path / "y.zip") == _segment(FORMATS6 / "winter_nested.docx")


# -- Word's other packages and web pages ----------------------------------------------------------
@pytest.mark.parametrize("name", ["winter_flat.docm", "winter_flat.dotx"])
def test_a_docm_or_dotx_reads_as_the_docx_it_is(name, winter, tmp_path):
    """formats7's flat.docx as a macro-enabled document and as a template (the same package, the main part's
    content type …macroEnabled.main+xml / …template.main+xml). Before: "not a readable .docx file (ValueError)"
    (python-docx opens only a .docx's main part) and a folder skipped them; now each reads as winter_notice.txt,
    named alone and in a folder."""
    import shutil

    documents, clauses = winter
    assert _segment(FORMATS8 / name, documents=True) == documents
    assert _segment(FORMATS8 / name) == clauses
    shutil.copy(FORMATS8 / name, tmp_path)
    out = run_cli("segment", tmp_path, "--documents")
    assert out.returncode == 0, out.stderr
    assert [json.loads(line)["title"] for line in out.stdout.splitlines()] == [TITLE]


def test_a_page_word_saved_as_a_web_page_reads_as_the_notice(winter):
    """winter_word_page.htm (EXPECTED.md): the notice saved by Word as 网页: GB2312, Office namespaces, mso styles,
    the 一、 headings as Word list numbers in <![if !supportLists]>, <o:p> paragraphs, the source wrapped at 76
    characters between two Chinese characters. Before: each source line break was read as a space (火 灾,
    开展人员 密集场所, a cell's 各县（区 ）应急管理局 cut apart), the task rows misread; now as winter_notice.txt."""
    documents, clauses = winter
    assert _segment(FORMATS8 / "winter_word_page.htm", documents=True) == documents
    assert _segment(FORMATS8 / "winter_word_page.htm") == clauses


def test_a_source_line_break_is_dropped_only_between_chinese_characters(tmp_path):
    """CSS Text 3's rule, as browsers show a page: a source line break between two Chinese (wide) characters is
    no space, between Latin words or a Chinese character and a digit it is one."""
    from policytag.corpus.readers import read_file

    page = tmp_path / "p.html"
    page.write_text("<html><body><p>各县（区）要组织对人员密集\n场所开展消防安全检查，依据GB\n50016和\n2027年计划。</p>"
                    "<p>Work\nSafety</p></body></html>", encoding="utf-8")
    assert read_file(page).split("\n") == ["各县（区）要组织对人员密集场所开展消防安全检查，依据GB 50016和 2027年计划。",
                                           "Work Safety"]


# -- formats that hold no text to read ------------------------------------------------------------
def _picture(path, kind: str) -> None:
    from PIL import Image

    Image.new("RGB", (60, 80), "white").save(path, format=kind)


@pytest.mark.parametrize("name, why", [
    ("scan.jpg", "a picture (a scanned or photographed page?), which holds no text to read: OCR it"),
    ("scan.png", "a picture (a scanned or photographed page?)"),
    ("scan.tif", "a picture (a scanned or photographed page?)"),
    ("download.do", "a picture (a scanned or photographed page?)"),
    ("paper.caj", "a CNKI CAJ file: open it in CAJViewer, save or print it as PDF and read that"),
    ("paper.kdh", "a CNKI CAJ file"),
    ("book.ceb", "an Apabi CEB e-document: open it in Apabi Reader, print it to PDF"),
])
def test_a_file_holding_no_text_is_one_line_saying_what_to_do(tmp_path, name, why):
    """A scanned page as a picture (a PNG saved by a download script as download.do too), CNKI's CAJ family and
    Apabi's CEB. Before: "unsupported file type .jpg; use one of …", which names no way on; now one line naming
    what the file is and what to do."""
    path = tmp_path / name
    if name.startswith(("scan", "download")):
        _picture(path, {"jpg": "JPEG", "png": "PNG", "tif": "TIFF", "do": "PNG"}[name.rsplit(".", 1)[1]])
    else:
        path.write_bytes({"caj": b"CAJ\x00", "kdh": b"KDH \x00", "ceb": b"\x00CEB"}[name[-3:]] + bytes(300))
    out = run_cli("segment", path)
    assert out.returncode == 1
    assert len(_errors(out)) == 1 and _errors(out)[0].startswith(f"policytag: error: {path}: {why}"), out.stderr



# -- a PDF in two text columns --------------------------------------------------------------------
def test_two_text_columns_written_across_the_page_read_column_by_column(winter):
    """winter_two_columns.pdf (EXPECTED.md): 一 and 二 set in two columns (items wrapped at the column's width), each
    printed line written across the page, the left column's line then the right's. Before: pypdf followed the
    content stream, the columns interleaved (一、… / 二、… / （一）left / （一）right …) and 一's items fell under 二;
    now the left column reads whole, then the right, its wrapped items joined: as winter_notice.txt."""
    documents, clauses = winter
    assert _segment(FORMATS8 / "winter_two_columns.pdf", documents=True) == documents
    assert _segment(FORMATS8 / "winter_two_columns.pdf") == clauses


def test_an_unruled_two_column_table_is_no_pair_of_text_columns(tmp_path):
    """The guard of the column reading: an unruled table of tasks (long, wrapped) and units (short) set at the
    page's middle is read row by row as pypdf reads it, each task beside its unit; the two columns of
    winter_two_columns.pdf, read with it, are read column by column."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from policytag.corpus.readers import read_file

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [("开展人员密集场所消防安全检查并建立隐患整改台账", "各县（区）应急管理局"),
            ("组织电动自行车集中充电场所专项巡查并通报结果", "市消防救援支队"),
            ("排查老旧小区消防通道堵塞问题并督促限期整改", "市住房城乡建设局")]
    c = canvas.Canvas(str(tmp_path / "t.pdf"), pagesize=(595, 842))
    c.setFont("STSong-Light", 10.5)
    y = 760
    for task, unit in rows:
        c.drawString(50, y, task[:22])
        c.drawString(310, y, unit)
        c.drawString(50, y - 20, task[22:])
        y -= 44
    c.showPage()
    c.save()
    lines = [line for line in read_file(tmp_path / "t.pdf").split("\n") if line.strip()]
    assert lines.index(rows[0][1]) < lines.index(rows[1][0][:22]), lines
    text = read_file(FORMATS8 / "winter_two_columns.pdf")
    assert text.index("（二）各县（区）要加强对电动自行车集中充电场所的巡查。") < text.index("二、落实工作责任") < text.index(
        "（一）各单位要明确消防安全责任人。"), text
