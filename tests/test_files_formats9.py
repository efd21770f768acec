"""Files a user from another government sends, read through the real readers and ``policytag segment``:
Outlook mails forwarded as an attachment (a mail attached to the mail), mails whose text Outlook keeps only
as compressed RTF, and the formats probed in tests/data/formats9/ (EXPECTED.md there: the readings written
down before any reader ran).

The fixtures are ours (invented places and organs), made by ``tests/data/formats9/make_fixtures.py``.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import TEST_DATA
from fixture_writers import error_lines, make_fixtures, winter_reading
from test_files_formats2 import _segment, run_cli

FORMATS9 = TEST_DATA / "formats9"
TITLE = "澄溪市应急管理局关于开展冬春火灾防控工作的通知"


def _fixtures():
    """tests/data/formats9/make_fixtures.py as a module (its writers make the mails of the tests below)."""
    return make_fixtures("formats9")


@pytest.fixture(scope="module")
def winter(tmp_path_factory):
    """formats6's winter_notice.txt and its reading: the reference of the files here (as in formats7)."""
    return winter_reading(tmp_path_factory.mktemp("winter"))


_errors = error_lines


def _sources(path, *more) -> list[str]:
    out = run_cli("segment", path, "--documents", *more)
    assert out.returncode == 0, out.stderr
    return [json.loads(line)["source"] for line in out.stdout.splitlines()]


# -- a mail forwarded as an attachment (an embedded message) -----------------------------------------
@pytest.mark.parametrize("name, inside", [
    ("winter_forward.msg", f"{TITLE}.msg!{TITLE}.docx"),
    ("winter_forward_body.msg", f"{TITLE}.msg"),
])
def test_a_mail_attached_to_an_outlook_mail_is_read(name, inside, winter):
    """A cover note forwarding the original mail as an attachment (转发为附件: PR_ATTACH_METHOD 5, the mail an
    embedded message storage ``__substg1.0_3701000D``), that mail carrying the notice's .docx and a seal
    (winter_forward.msg) or the notice pasted as its text (winter_forward_body.msg). Before: the attached mail,
    holding no file data, was skipped and the cover note read (2 lines, "no clause text"); now the notice reads
    as winter_notice.txt, named ``MAIL.msg!<its subject>.msg!<file>`` / ``MAIL.msg!<its subject>.msg``."""
    documents, clauses = winter
    assert _segment(FORMATS9 / name, documents=True) == documents
    assert _segment(FORMATS9 / name) == clauses
    assert _sources(FORMATS9 / name) == [f"{FORMATS9 / name}!{inside}"]


def test_a_folder_s_forwarded_mail_is_read_by_its_attached_mail_s_file(tmp_path):
    shutil.copy(FORMATS9 / "winter_forward.msg", tmp_path / "转发.msg")
    assert _sources(tmp_path) == [f"{tmp_path / '转发.msg'}!{TITLE}.msg!{TITLE}.docx"]


def test_an_attached_mail_s_name_is_never_a_path(tmp_path):
    """An attached mail is named by its display name (its subject): a subject holding ``/`` or ``!`` (关于A/B的通知)
    is one name, not a path or a member mark."""
    f9 = _fixtures()
    inner = f9.message_streams("关于A/B!类企业的通知", f9.formats6().WINTER_NOTICE, embedded=True)
    (tmp_path / "m.msg").write_bytes(f9.compound_file(f9.message_streams("转发", "请查收。",
                                                                          attachments=[("关于A/B!类企业的通知", inner)])))
    assert _sources(tmp_path / "m.msg") == [f"{tmp_path / 'm.msg'}!关于A_B_类企业的通知.msg"]


def test_a_mail_attached_to_a_mail_attached_to_a_mail_is_read(tmp_path, winter):
    """A forward of a forward: two mails deep, the notice pasted into the innermost; read as winter_notice.txt."""
    f9 = _fixtures()
    innermost = f9.message_streams(TITLE, f9.formats6().WINTER_NOTICE, embedded=True)
    middle = f9.message_streams("转发：" + TITLE, "请查收。", attachments=[(TITLE, innermost)], embedded=True)
    (tmp_path / "m.msg").write_bytes(f9.compound_file(f9.message_streams("转发：转发", "请查收。",
                                                                          attachments=[("转发：" + TITLE, middle)])))
    assert _segment(tmp_path / "m.msg") == winter[1]
    assert _sources(tmp_path / "m.msg") == [f"{tmp_path / 'm.msg'}!转发：{TITLE}.msg!{TITLE}.msg"]


# -- text kept only as compressed RTF ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["winter_mail_rtf.msg", "winter_mail_rtf_html.msg"])
def test_a_mail_whose_text_is_only_compressed_rtf_is_read(name, winter):
    """The notice as PR_RTF_COMPRESSED only (no PR_BODY, no PR_HTML), code page 936: a plain-text mail's RTF
    (\\fromtext) and an HTML mail's (\\fromhtml1: tags in \\*\\htmltag groups, RTF-only marks in \\htmlrtf spans).
    Before: refused ("kept only as RTF: open it in Outlook…"); now decompressed (compressed_rtf) and read as an
    .rtf file is: as winter_notice.txt, its tab-typed task table one clause a task."""
    documents, clauses = winter
    assert _segment(FORMATS9 / name, documents=True) == documents
    assert _segment(FORMATS9 / name) == clauses


def test_damaged_compressed_rtf_is_one_line(tmp_path):
    """A compressed RTF stream whose CRC does not match its bytes: one line naming the file."""
    f9 = _fixtures()
    data = bytearray(f9.compressed(f9.notice_rtf()))
    data[-5] ^= 0xFF  # a byte of the compressed data: the CRC no longer matches
    (tmp_path / "m.msg").write_bytes(f9.compound_file(f9.message_streams(TITLE, rtf=bytes(data))))
    out = run_cli("segment", tmp_path / "m.msg")
    assert out.returncode == 1
    assert _errors(out) == [f"policytag: error: {tmp_path / 'm.msg'}: damaged compressed RTF text in the Outlook "
                            "mail (.msg) (Exception): open it in Outlook, save it as .eml and read that"], out.stderr


def test_compressed_rtf_without_its_library_is_one_line(monkeypatch):
    """compressed-rtf is imported only for such a mail; without it, one line saying what to install."""
    import sys

    from policytag.corpus.readers import ReadError, read_file

    monkeypatch.setitem(sys.modules, "compressed_rtf", None)
    with pytest.raises(ReadError, match=r"needs the compressed-rtf package: pip install compressed-rtf$"):
        read_file(FORMATS9 / "winter_mail_rtf.msg")


# -- a PDF page in two text columns with a ruled table -----------------------------------------------
def test_two_text_columns_over_a_ruled_table_read_column_by_column(winter):
    """winter_two_columns_ruled.pdf (EXPECTED.md): formats8's two-column page (一 left, 二 right, each printed line
    written across the page) with 三's task table ruled below it. A ruled table sends the page to pdfplumber,
    whose text round the table read each line across the page: before, 一、强化隐患排查 二、落实工作责任 was one
    line and the columns interleaved (4 of 一's and 二's clauses misread); now the left column reads whole, then
    the right, then the table row by row: as winter_notice.txt."""
    documents, clauses = winter
    assert _segment(FORMATS9 / "winter_two_columns_ruled.pdf", documents=True) == documents
    assert _segment(FORMATS9 / "winter_two_columns_ruled.pdf") == clauses


# -- probes: text in Big5, slides, and what already read right (guards) -----------------------------
@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    """make_fixtures.py --probes: the probe files of EXPECTED.md, written afresh."""
    folder = tmp_path_factory.mktemp("probes")
    _fixtures().probes(folder)
    return folder


@pytest.mark.parametrize("name", ["big5_nobom.txt", "big5_utf8.txt"])
def test_a_traditional_notice_in_big5_reads_as_its_simplified_copy(name, probes, winter):
    """The notice in traditional characters (OpenCC s2tw), saved as Big5 (cp950, as a Windows in Taiwan, Hong Kong
    or Macao saves 'ANSI') without a BOM, and the same in UTF-8. Before: the Big5 file was refused ("unreadable
    text encoding (not UTF-8 or GB18030/GBK)": every Big5 pair is a GBK pair, decoded into kana and private-use
    codes); both then read 6 clauses, not 7: the tab-typed task table's header 序號/工作任務/責任單位/完成時限 was
    no header (the table is recognised before the text is made simplified), so its rows were one paragraph.
    Now each reads as winter_notice.txt, record for record."""
    documents, clauses = winter
    assert _segment(probes / name) == clauses
    assert _segment(probes / name, documents=True) == documents


def test_a_gbk_text_is_never_read_as_big5(tmp_path):
    """The guard of the Big5 step: a GBK notice (its rows A4-A9 hold kana and box drawing in Big5's place) reads
    as GB18030 first, as before; a text neither decodes to stays refused in one line."""
    from policytag.corpus.readers import ReadError, decode_bytes

    text = "各县（区）应急管理局：现将有关事项通知如下：一、强化隐患排查。"
    assert decode_bytes(text.encode("gbk")) == text
    with pytest.raises(ReadError, match=r"unreadable text encoding \(not UTF-8, GB18030/GBK or Big5\)"):
        decode_bytes(bytes(range(0x80, 0xFF)) * 20)
    for symbols in ("①②③④⑤", "■□▲△◆", "※℃№★☆"):  # a GBK text too full of symbols to pass as text: refused, not Big5
        with pytest.raises(ReadError, match="unreadable text encoding"):
            decode_bytes(((symbols * 2 + "各县区应急管理局要开展安全检查工作。\n") * 20).encode("gbk"))


@pytest.mark.parametrize("text", [
    ("①②③④⑤■□▲△◆※℃№★☆" + "各县区应急管理局要开展安全检查工作。\n") * 20,  # a checklist full of symbols
    ("┌────┐\n│接报│\n└─┬──┘\n  ↓\n" + "县应急管理局核实后报告。\n") * 20,  # a flowchart in box characters
    ("ཞིབ་བཤེར་ལས་ཀ།\n" + "一、加强森林防火工作。\n") * 20,  # a bilingual notice: Tibetan over each Chinese line
    ("ئىشلەپچىقىرىش بىخەتەرلىكى\n" + "二、开展隐患排查整治。\n") * 20,  # Uyghur in Arabic script
], ids=["symbols", "flowchart", "tibetan", "uyghur"])
def test_a_utf8_text_in_other_scripts_and_symbols_is_read(text):
    """Strict UTF-8 is trusted with any script and symbol a notice holds (random bytes seldom decode as UTF-8):
    only control characters, Latin-1 letters (a text once misread as Latin-1), private-use codes and U+FFFD count
    against it. The GB18030/Big5 tries keep the narrow check above. (Before, these were refused, or their UTF-8
    bytes were read as GB18030 into other characters.)"""
    from policytag.corpus.readers import decode_bytes

    assert decode_bytes(text.encode("utf-8")) == text


def test_a_traditional_task_table_header_is_a_header():
    """tables' header roles in traditional characters (序號, 工作任務, 責任單位, 完成時限, 牽頭單位) are the simplified
    ones'; a simplified label is never converted."""
    from policytag.corpus.tables import _simplified_label, task_header

    assert task_header(["序號", "工作任務", "責任單位", "完成時限"])
    assert task_header(["序號", "重點任務", "牽頭單位", "配合單位"])
    assert _simplified_label("责任单位") == "责任单位" and _simplified_label("序号") == "序号"


@pytest.mark.parametrize("name", ["report.pptx", "report.dps", "report.ppt"])
def test_slides_are_one_line_saying_what_they_are(name, probes, tmp_path):
    """A 汇报 slide deck: before, "unsupported file type .pptx; use one of …" (a .ppt: "an Office 97-2003 file with
    no Word document in it"); now one line saying it is a presentation and what to get instead. In a folder,
    slides are skipped unseen, as pictures are (a deck beside a notice is no error)."""
    f9 = _fixtures()
    path = tmp_path / name
    if name.endswith(".ppt"):
        path.write_bytes(f9.compound_file({"PowerPoint Document": bytes(600), "Current User": bytes(64)}))
    else:
        shutil.copy(probes / "report.pptx", path)
    out = run_cli("segment", path)
    assert out.returncode == 1
    assert _errors(out) == [f"policytag: error: {path}: a slide presentation (PowerPoint or WPS 演示), not a notice "
                            "document: get the notice itself (.docx, .pdf), or save the slides' text as .txt and read "
                            "that"], out.stderr
    shutil.copy(probes / "winter_notice.txt", tmp_path)
    out = run_cli("segment", tmp_path, "--documents")
    assert out.returncode == 0 and not _errors(out), out.stderr


@pytest.mark.parametrize("name", ["tracked.docx", "content_controls.docx", "wechat.html", "utf16le_nobom.txt",
                                  "utf16be_nobom.txt", "gb18030_nobom.txt", "scanned_middle.pdf"])
def test_probes_that_read_right_already(name, probes, winter):
    """Guards (EXPECTED.md, read right on main): tracked changes read as accepted (w:ins in, w:del out), the number
    in a content control and the date a DATE field in one, a WeChat 公众号 page (#js_content only: no account name,
    阅读原文, 微信扫一扫), UTF-16 LE/BE and GB18030 without a BOM, a PDF whose middle page is a scan."""
    documents, clauses = winter
    assert _segment(probes / name) == clauses
    assert _segment(probes / name, documents=True) == documents


def test_a_scanned_page_among_text_pages_is_named_in_one_warning(probes):
    out = run_cli("segment", probes / "scanned_middle.pdf")
    warnings = [line for line in out.stderr.splitlines() if "warning" in line]
    assert out.returncode == 0 and len(warnings) == 1 and "page 2 of 3 is a picture without text" in warnings[0], out.stderr


def test_an_encrypted_pdf_is_one_line(probes):
    out = run_cli("segment", probes / "encrypted.pdf")
    assert out.returncode == 1
    assert _errors(out) == [f"policytag: error: {probes / 'encrypted.pdf'}: PDF is protected by a password: open it "
                            "with the password, save a copy without one and read that"], out.stderr


def test_word_s_automatic_article_numbers_read_as_typed(probes):
    """A 办法 whose 第X条 are Word list numbers (chineseCounting, lvlText 第%1条): read as the typed copy (guard)."""
    assert _segment(probes / "auto_articles.docx") == _segment(probes / "typed_articles.docx")


# -- a mail attached to an .eml (message/rfc822) ----------------------------------------------------
def _forward_eml(inner) -> bytes:
    from email.message import EmailMessage

    outer = EmailMessage()
    outer["From"], outer["Subject"] = "office@example.gov.cn", "转发：" + TITLE
    outer.set_content("各单位：转发如下，请查收并抓好落实。")
    outer.add_attachment(inner)  # message/rfc822, as a webmail or Foxmail forwards as an attachment
    return bytes(outer)


def _inner_mail(with_docx: bool):
    from email.message import EmailMessage

    inner = EmailMessage()
    inner["From"], inner["Subject"] = "chengxi@example.gov.cn", TITLE
    if with_docx:
        inner.set_content("各单位：附件是通知，请查收。")
        inner.add_attachment((TEST_DATA / "formats6" / "winter_nested.docx").read_bytes(), maintype="application",
                             subtype="octet-stream", filename="通知.docx")
    else:
        inner.set_content(_fixtures().formats6().WINTER_NOTICE)
    return inner


def test_a_mail_attached_to_an_eml_is_read_by_its_text(tmp_path, winter):
    """An .eml forwarding a mail as an attachment (message/rfc822) whose text is the notice. Before: the outer
    mail's cover note was read ("no recognisable notice structure"); now the attached mail, named
    ``MAIL.eml!<its subject>.eml``, reads as winter_notice.txt."""
    (tmp_path / "m.eml").write_bytes(_forward_eml(_inner_mail(with_docx=False)))
    documents, clauses = winter
    assert _segment(tmp_path / "m.eml") == clauses
    assert _segment(tmp_path / "m.eml", documents=True) == documents
    assert _sources(tmp_path / "m.eml") == [f"{tmp_path / 'm.eml'}!{TITLE}.eml"]


def test_a_file_of_a_mail_attached_to_an_eml_is_read_as_before(tmp_path):
    """The guard: an attached mail carrying the notice's .docx is read by its file, named as before
    (``MAIL.eml!通知.docx``), not as a mail."""
    (tmp_path / "m.eml").write_bytes(_forward_eml(_inner_mail(with_docx=True)))
    assert _sources(tmp_path / "m.eml") == [f"{tmp_path / 'm.eml'}!通知.docx"]
    assert _segment(tmp_path / "m.eml") == _segment(TEST_DATA / "formats6" / "winter_nested.docx")
