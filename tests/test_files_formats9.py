"""Files a user from another government sends, read through the real readers and ``policytag segment``:
Outlook mails forwarded as an attachment (a mail attached to the mail), mails whose text Outlook keeps only
as compressed RTF, and the formats probed in tests/data/formats9/ (EXPECTED.md there: the readings written
down before any reader ran).

The fixtures are ours (invented places and organs), made by ``tests/data/formats9/make_fixtures.py``.
"""

from __future__ import annotations

import importlib.util
import json
import shutil

import pytest
from conftest import TEST_DATA
from test_files_formats2 import _segment, run_cli

FORMATS9 = TEST_DATA / "formats9"
TITLE = "澄溪市应急管理局关于开展冬春火灾防控工作的通知"


def _fixtures():
    """tests/data/formats9/make_fixtures.py as a module (its writers make the mails of the tests below)."""
    spec = importlib.util.spec_from_file_location("formats9_fixtures", FORMATS9 / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def winter(tmp_path_factory):
    """formats6's winter_notice.txt and its reading: the reference of the mails (as in formats7 and formats8)."""
    path = tmp_path_factory.mktemp("winter") / "winter_notice.txt"
    path.write_text(_fixtures().formats6().WINTER_NOTICE, encoding="utf-8")
    return _segment(path, documents=True), _segment(path)


def _errors(out) -> list[str]:
    return [line for line in out.stderr.splitlines() if line.startswith("policytag: error:")]


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
