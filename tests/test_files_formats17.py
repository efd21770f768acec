"""Web pages whose typed text a style sheet shows as typed, and file quirks, probed in tests/data/formats17/ (the
readings written down before any reader ran): white-space set by compound, descendant, id and grouped selectors,
``@media``, ``!important`` and a sheet saved beside the page (the cascade decides, a print sheet or a URL does not
count); a .docx with tracked changes, comments, a text box, fields, content controls and legal numbering (``%1.%2``
with ``w:isLgl``); a WeChat article saved as HTML; a GB2312 quoted-printable web archive; a GBK page; UTF-16 text
without a byte-order mark.

The fixtures are ours (an invented county's notice), written by ``tests/data/formats17/make_fixtures.py`` into a
temporary folder once for the module; compared in-process (``read_file`` then ``segment_text``), the path ``policytag
segment`` takes.
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.readers import decode_bytes, read_file


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return make_fixtures("formats17").write_all(tmp_path_factory.mktemp("formats17"))


def _same_reading(files, name: str, twin: str) -> None:
    got, want = read_file(files[name]), read_file(files[twin])
    assert segment_reading(got) == segment_reading(want), got


# -- 1. white-space from the page's style sheets -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["css_descendant.html", "css_id.html", "css_two_classes.html", "css_trs.html",
                                  "css_group.html", "css_media.html", "css_important.html", "css_comment.html",
                                  "css_specific.html"])
def test_a_rule_that_shows_typed_text_keeps_its_lines(files, name):
    """The notice typed into one element whose style sheet rule sets ``white-space: pre-wrap``/``pre-line``: by a
    descendant or compound selector (``div.article p``, ``.TRS_Editor p``), an id (``#content``), a group
    (``div.notice, p.typed``), inside ``@media (min-width…)``, with ``!important`` over the element's own
    ``white-space:normal``, with comments inside the rule, or by an id's rule a later ``div {normal}`` does not
    outrank. Read as the notice typed. Before (main, failed but css_two_classes): the whole notice one line."""
    _same_reading(files, name, "notice.txt")


@pytest.mark.parametrize("name", ["css_elsewhere.html", "css_print_only.html", "css_overridden.html"])
def test_a_rule_that_does_not_reach_the_text_leaves_it_collapsed(files, name):
    """Guards: ``.sidebar .zw`` where no .sidebar holds the .zw, a rule inside ``@media print``, a ``.zw {pre-wrap}``
    outranked by ``div.zw {normal}``: the source's line breaks are spaces, as a browser shows the page (the notice one
    run of text, read as the page without any rule). Before (main, failed): each read as typed, a ``.name`` anywhere
    in a selector applying to every element of that class."""
    _same_reading(files, name, "plain.html")


@pytest.mark.parametrize("name, twin", [
    ("linked/page.html", "notice.txt"),            # <link href="style.css">, the sheet in the page's folder
    ("linked_files/page.html", "notice.txt"),      # <link href="page_files/main.css">, a browser's saved folder
    ("linked_remote/page.html", "plain.html"),     # a URL: never fetched
    ("linked_outside/page.html", "plain.html"),    # ../style.css: outside the page's folder, not read
])
def test_a_linked_sheet_saved_beside_the_page_is_read(files, name, twin):
    """``<link rel="stylesheet">`` to a sheet saved beside the page (``.zw-box .zw {white-space: pre-wrap}``): read as
    the notice typed; a sheet named by URL or outside the page's folder is not read (and is no error). Before (main,
    failed for the first two): one line."""
    _same_reading(files, name, twin)


@pytest.mark.parametrize("head, read_as", [
    ('<style>@import url("css/site.css");</style>', "notice.txt"),      # imports css/site.css, which imports base.css
    ('<link rel="stylesheet" href="css/site.css" media="print">', "plain.html"),  # a print sheet
    ('<link rel="alternate stylesheet" href="css/base.css">', "plain.html"),      # off until a reader picks it
    ('<link rel="icon" href="css/base.css">', "plain.html"),                      # no sheet
])
def test_imported_and_print_sheets(files, tmp_path, head, read_as):
    """A sheet imported by a sheet imported by the page's ``<style>`` (``@import``, each saved beside the page) counts;
    a ``<link media="print">``, an alternate sheet (off until a reader picks it) and a link that is no style sheet do
    not."""
    fixtures = make_fixtures("formats17")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text('@import "base.css";\n.nav { color: red }', encoding="utf-8")
    (tmp_path / "css" / "base.css").write_text(fixtures.SHEET, encoding="utf-8")
    page = fixtures.linked_page("x.css").replace(b'<link rel="stylesheet" type="text/css" href="x.css">',
                                                  head.encode())
    (tmp_path / "page.html").write_bytes(page)
    assert segment_reading(read_file(tmp_path / "page.html")) == segment_reading(read_file(files[read_as]))


@pytest.mark.parametrize("name", ["framed/page.html", "srcdoc.html", "styled.mht"])
def test_a_framed_or_archived_page_keeps_its_own_sheet(files, name):
    """The notice typed in a page shown in a frame (saved beside the portal page, or in ``srcdoc``) whose own
    ``<head>`` sheet shows it as typed, and a Chrome .mhtml whose page links ``style.css``, a part of the archive: read
    as the notice typed. Before (main, failed): one line (the frame's head left behind, the archive's sheet unread)."""
    _same_reading(files, name, "notice.txt")


def test_text_no_browser_shows_is_not_read(files):
    """A site's anti-copy junk inside sentences, an inline ``<span style="display:none">`` and a ``<font>`` hidden by
    the page's ``.hid {display:none}``: not read (as the notice typed). Before (main, failed): read, ``二、压实工作澄江网
    责任`` a heading, ``县应急管Xk9z理局`` a clause, no document number."""
    _same_reading(files, "hidden_spans.html", "notice.txt")


def test_a_page_too_large_for_its_sheet_is_read_in_time():
    """A page of 800 blocks under a sheet of 1,500 rules that each reach hundreds of elements: read in a few seconds
    (the matching stops at a budget, ``_SHEET_MATCHES``; where a ``select`` per rule took 100 s on a page of 2,000)."""
    import time
    from pathlib import Path

    from policytag.corpus.readers import _html_text

    sheet = "".join(f".m{i} .x{i} > li.y{i}:hover a{{display:block}} #n{i} span{{display:none}} .m{i} li.y{i % 7} "
                    f"span{{display:none}} div {{white-space:nowrap}} .m{i} p {{white-space:pre-line}}\n"
                    for i in range(300))
    body = "".join(f"<div class='m{i % 50}'><ul><li class='y{i % 7}'><a>链接{i}</a><span>一二三</span></li></ul>"
                   f"<p>正文第{i}段内容，各乡镇要落实责任。</p></div>" for i in range(800))
    page = f"<html><head><style>{sheet}</style></head><body>{body}</body></html>".encode()
    start = time.process_time()
    _html_text(page, Path("large.html"))
    with_sheet = time.process_time() - start
    start = time.process_time()
    _html_text(page.replace(sheet.encode(), b""), Path("large.html"))
    assert with_sheet < 3 * (time.process_time() - start) + 3


def test_css_rules_in_one_pass():
    """The rules of a sheet: ``@media`` for a screen and ``@supports`` opened, ``@media print``, ``@font-face`` and
    ``@keyframes`` passed over, ``@charset``/``@import`` statements not taken into the next selector, comments gone;
    an unclosed comment or brace ends the sheet. A long sheet is read in time linear in its length. (Before: no such
    reader of sheets, a pattern of ``.name {…}`` alone.)"""
    from policytag.corpus.readers import _css_rules

    sheet = ('@charset "utf-8";@import url(a.css);/* x { } */ p{a:1}@media screen and (min-width:1px){.b{c:2}}'
             "@media print{.c{d:3}}@font-face{font-family:x}@keyframes k{from{e:4}to{e:5}}@supports (display:grid)"
             "{#d{f:6}} .e {g:7} /* unclosed { .f{h:8}")
    assert _css_rules(sheet) == [("p", "a:1"), (".b", "c:2"), ("#d", "f:6"), (".e", "g:7")]
    assert len(_css_rules("p{a:1}" * 20000 + "/*" * 20000)) == 20000


# -- 2. file quirks -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["tracked.docx", "comments.docx", "text_box.docx", "fields.docx", "sdt.docx",
                                  "wechat.html", "gb2312.mht", "gbk.html", "gbk_late_meta.html", "utf16le.txt",
                                  "utf16be.txt"])
def test_file_quirks_read_as_the_notice(files, name):
    """Read right before and still (guards): tracked changes (w:ins read; w:del, w:moveFrom and a paragraph deleted
    whole not), a reviewer's comment (not read), the title in a text box (read once, not again from its VML
    fallback), fields (a HYPERLINK's display text, a DATE's result; a PAGE line a page mark), content controls (a
    prompt left showing not read); a WeChat article (its body in ``#js_content``, hidden until its script runs; its
    QR boxes and counters not read); a GB2312 quoted-printable .mht; a GBK page declaring its charset in ``<meta
    http-equiv>`` only, also after 5 kB of script; UTF-16 without a BOM, CRLF."""
    _same_reading(files, name, "notice.txt")


def test_a_phonetic_guide_reads_its_base(files):
    """A character set with a phonetic guide (``w:ruby``: ``w:rt`` xùn over ``w:rubyBase`` 汛): the base is read, the
    guide is not. Before (main, failed): neither, ``化解期安全风险``."""
    _same_reading(files, "ruby.docx", "notice.txt")


def test_word_legal_numbering_shows_arabic_numbers(files):
    """A plan's list: 第%1章 (chineseCounting) over ``%1.%2`` and ``%1.%2.%3`` with ``w:isLgl`` (Word's 正规形式编号):
    Word shows 1.1 and 1.1.1, so 1.1 编制目的 is a section under 第一章 总则. Before (main, failed): 一.1, 一.1.1, each
    a clause of the chapter."""
    _same_reading(files, "legal_numbers.docx", "legal_numbers.txt")


@pytest.mark.parametrize("name", ["latin1_label.html", "win1252_label.html"])
def test_a_page_labelled_western_but_chinese_reads_as_chinese(files, name):
    """A GBK page whose old template declares ``charset=iso-8859-1`` or ``windows-1252`` (the server's header said GBK):
    read as GBK, as the notice. Before (main, failed): decoded as Latin-1 (``½­ÏØ…``), refused as no notice."""
    _same_reading(files, name, "notice.txt")


def test_a_latin1_page_stays_latin1():
    """Guard: a page that is Latin-1 as labelled (``café``, no Chinese reading of its bytes) reads as labelled."""
    from pathlib import Path

    from policytag.corpus.readers import _html_source

    assert "café" in _html_source(b'<meta charset="iso-8859-1"><p>caf\xe9 au lait</p>', Path("x.html"))


@pytest.mark.parametrize("name", ["utf16le_long.txt", "utf16be_long.txt"])
def test_utf16_without_bom_and_long_paragraphs(files, name):
    """UTF-16 without a byte-order mark whose paragraphs run 80-100 characters (ASCII some 2 % of the characters):
    read as the notice. Before (main, failed): refused, ``binary file, not text``."""
    _same_reading(files, name, "long_notice.txt")


@pytest.mark.parametrize("data", [
    "澄江县应急管理局关于开展汛期安全隐患排查整治的通知".encode("gb18030"),
    "澄江县应急管理局关于开展汛期安全隐患排查整治的通知".encode("utf-8"),
])
def test_gbk_and_utf8_are_not_taken_for_utf16(data):
    """Guard: GBK and UTF-8 text with a NUL byte padded after it (an export's block) stays what it is."""
    assert decode_bytes(data + b"\x00" * 2).startswith("澄江县应急管理局")
