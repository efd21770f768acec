"""List numbers a .docx or .odt keeps outside its text, probed in tests/data/formats16/ (EXPECTED.md there: the
readings written down before any reader ran): Word's list styles (``w:numStyleLink``), reached through paragraphs or
heading styles and restarted for an attachment; formats Word shows in other characters (壹、 ⑴ ⒈); an .odt's headings
numbered by its outline style (chapter numbering), with the guards that must stay unnumbered.

The fixtures are ours (an invented county's notice), written by ``tests/data/formats16/make_fixtures.py`` into a
temporary folder once for the module; compared in-process (``read_file`` then ``segment_text``), the path ``policytag
segment`` takes.
"""

from __future__ import annotations

import re

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.docx_lists import _FORMATS
from policytag.corpus.readers import ZIP_MEMBER_MARK, ReadError, expand_paths, read_file, unread_files_notes


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return make_fixtures("formats16").write_all(tmp_path_factory.mktemp("formats16"))


def _same_reading(files, name: str, twin: str) -> None:
    got, want = read_file(files[name]), read_file(files[twin])
    assert segment_reading(got) == segment_reading(want), got


# -- 1-3. Word's list styles ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, twin", [
    ("list_style.docx", "notice.txt"),
    ("list_style_headings.docx", "notice.txt"),
    ("list_style_restart.docx", "notice_annex.txt"),
])
def test_a_list_style_numbers_its_paragraphs(files, name, twin):
    """A list defined by a list style keeps its levels in the abstractNum whose ``w:styleLink`` names the style; the
    paragraphs' (or their heading styles') num goes through an abstractNum holding only ``w:numStyleLink``. Read as
    the notice typed: 一、强化隐患排查 a heading over （一）（二）; the attachment's list, restarted (``w:startOverride``),
    reads 一、二、 again. Before (main, failed): no number at all (``强化隐患排查`` a bare line, its items no path)."""
    _same_reading(files, name, twin)


def test_a_level_the_num_defines_anew_is_shown(files):
    """A num redefining a level (``w:lvlOverride`` holding a ``w:lvl``: ``（%2）`` over the abstract list's ``%2.``)
    shows its own: as the twin. Before (main, failed): the abstract's ``1.`` ``2.``."""
    _same_reading(files, "redefined_level.docx", "notice.txt")


# -- 4. number formats shown in other characters ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["legal_numbers.docx", "fullstop_numbers.docx"])
def test_numbers_read_in_the_characters_word_shows(files, name):
    """chineseLegalSimplified shows 壹、贰、, decimalEnclosedParen ⑴ ⑵, decimalEnclosedFullstop ⒈ ⒉: read as the
    notice typed so. Before (main, failed): ``一、``, and a bare ``1 `` for ⑴ and ⒈."""
    _same_reading(files, name, name.replace(".docx", ".txt"))


@pytest.mark.parametrize("fmt, numbers, shown", [
    ("chineseLegalSimplified", (1, 3, 10, 11, 20), ["壹", "叁", "壹拾", "壹拾壹", "贰拾"]),
    ("ideographLegalTraditional", (2, 3, 10), ["貳", "參", "壹拾"]),
    ("decimalEnclosedParen", (1, 20, 21), ["⑴", "⒇", "(21)"]),
    ("decimalEnclosedFullstop", (1, 20, 21), ["⒈", "⒛", "21."]),
])
def test_number_formats_past_the_first_items(fmt, numbers, shown):
    """Past the first items: a capital ten is 壹拾 (never a bare 拾); the enclosed numerals end at 20, after which the
    number is written with its parenthesis or full stop as ordinary characters."""
    assert [_FORMATS[fmt](n) for n in numbers] == shown


# -- 5. an .odt's outline numbering -----------------------------------------------------------------------------
@pytest.mark.parametrize("name, twin", [
    ("outline.odt", "notice.txt"),
    ("outline_unnumbered.odt", "notice_bare.txt"),
    ("outline_list_header.odt", "notice_list_header.txt"),
    ("outline_cached.odt", "notice.txt"),
])
def test_odt_headings_numbered_by_the_outline_style(files, name, twin):
    """Headings (``text:h`` with an outline level, in no list) take the number the outline style gives their level,
    counted over the text, a level restarting those below it: 一、 … （一）（二）, 二、 … （一）（二）. Before (main, failed):
    no number. Guards (read right before, and still): an outline style numbering with an empty num-format (every
    LibreOffice document carries one) gives none; a heading marked ``text:is-list-header`` gets none and does not
    count; a heading holding its number as ``text:number`` is not numbered twice."""
    _same_reading(files, name, twin)


# -- 6. what a Mac, Word or WPS leaves beside a document ----------------------------------------------------------
@pytest.mark.parametrize("name", ["mac.zip", "lock.zip"])
def test_a_zip_reads_its_notice_not_its_byproducts(files, name):
    """A Mac's zip (``__MACOSX/._附件1.docx``, ``.DS_Store``) and one packed while the attachment was open
    (``~$附件1.docx``, Word's owner file): only the notice is a member to read, and it reads as the twin. Before
    (main, failed): each byproduct a member, refused as ``not a readable .docx file (PackageNotFoundError)``."""
    members = expand_paths([files[name]])
    assert [p.name.split(ZIP_MEMBER_MARK)[-1].rsplit("/", 1)[-1] for p in members] == ["附件1.docx"], members
    assert segment_reading(read_file(members[0])) == segment_reading(read_file(files["notice.txt"]))


def test_a_folder_passes_over_byproducts_not_documents(files):
    """A folder holding the notice, its owner file and its AppleDouble: the notice is read, the byproducts are not
    listed; a real .docx whose name starts with ``~$`` (a zip inside) still is. Before (main, failed): the
    byproducts listed, each an error line."""
    folder = files["folder/通知.docx"].parent
    assert sorted(p.name for p in expand_paths([folder])) == ["~$工作方案.docx", "通知.docx"]


@pytest.mark.parametrize("name, says", [
    ("~$附件1.docx", "the lock file Word or WPS writes beside a document while it is open"),
    ("._附件1.docx", "macOS metadata of 附件1.docx"),
])
def test_a_byproduct_named_alone_says_what_it_is(files, name, says):
    """Named alone, a byproduct is one line saying what it is and to read the document. Before (main, failed): ``not
    a readable .docx file (PackageNotFoundError)``."""
    with pytest.raises(ReadError, match="not a document: read") as err:
        read_file(files[name])
    assert says in str(err.value)


# -- 7. archives that are no zip, office formats not read ---------------------------------------------------------
@pytest.mark.parametrize("name, says", [
    ("附件.rar", "a RAR archive, not read here (a .zip is): unpack it"),
    ("附件.7z", "a 7z archive, not read here (a .zip is): unpack it"),
    ("附件_rar.zip", "a RAR archive, not read here (a .zip is): unpack it"),
    ("通知.uot", "a UOF (标文通) text"),
])
def test_an_archive_or_uof_file_says_what_to_do(files, name, says):
    """A .rar, a .7z and a RAR renamed .zip (sites do) name their kind and what to do; a UOF text (永中 Office,
    RedOffice) says to save it as .docx. Before (main, failed): ``unsupported file type .rar; use one of …``,
    ``not a readable zip file (BadZipFile)``."""
    paths = expand_paths([files[name]])
    with pytest.raises(ReadError, match=re.escape(says)):
        read_file(paths[0])


def test_a_folder_names_the_archives_it_passes_over(files, tmp_path):
    """A folder's run names the .rar it leaves out, as it names pictures (one note per kind): its notices may be in
    it. Before (main, failed): no note; the attachments were dropped unseen."""
    (tmp_path / "附件.rar").write_bytes(files["附件.rar"].read_bytes())
    (tmp_path / "通知.txt").write_bytes(files["notice.txt"].read_bytes())
    assert unread_files_notes([str(tmp_path)]) == [
        f"{tmp_path}: left out 1 archive(s) not unpacked here: 附件.rar (a RAR archive, not read here (a .zip is): "
        "unpack it (7-Zip, WinRAR or Bandizip) and read the folder, or pack its files as .zip)"]


# -- 8. web pages showing typed text ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["pre_wrap.html", "pre_line.html", "pre_class.html", "textarea.html", "pre.html"])
def test_a_page_showing_typed_text_reads_its_lines(files, name):
    """A CMS that stores the body as typed text shows its line breaks through ``white-space: pre-wrap`` /
    ``pre-line`` (in the element's style or a class rule of the page's sheet) or a read-only ``<textarea>``: read
    as the twin, a line per typed line. Before (main, failed; ``pre.html`` a guard that passed): the whole notice one
    line, one clause."""
    _same_reading(files, name, "notice.txt")


def test_a_textarea_inside_a_form_reads_its_lines(files):
    """An OA system's view page: the notice in a read-only ``<textarea>`` inside a ``<form>`` (with a 关闭 button):
    as the twin. Before (main, failed): the page's menu only (``首页 通知公告``): the form went with its controls."""
    _same_reading(files, "form_textarea.html", "notice.txt")


def test_a_form_s_short_text_box_is_still_no_text(files, tmp_path):
    """Guard: a 留言 form's text box holding a few default words is a field, not the page's text: dropped with the
    form, the page read as before (its notice in the body)."""
    page = files["pre.html"].read_text(encoding="utf-8").replace(
        "</body>", "<form><textarea name='msg'>请输入您的留言内容</textarea><input type='submit' value='提交'></form></body>")
    (tmp_path / "message_form.html").write_text(page, encoding="utf-8")
    assert "留言" not in read_file(tmp_path / "message_form.html")
    assert segment_reading(read_file(tmp_path / "message_form.html")) == segment_reading(read_file(files["notice.txt"]))


def test_a_plain_div_still_collapses_its_source_line_breaks(files):
    """Guard: a ``<div>`` with no such style shows its source's line breaks as nothing between Chinese characters
    (a browser's segment-break rule): the items run on as one line, as the page shows them."""
    text = read_file(files["wrapped_div.html"])
    assert "通知如下：一、强化隐患排查（一）排查人员密集场所。各乡镇要" in text, text


# -- 9. PDFs with a fake bold -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["bold_title.pdf", "bold_headings.pdf", "bold_glyphs.pdf", "glyphs_only.pdf"])
def test_a_fake_bold_reads_once(files, name):
    """A title or headings drawn two or three times 0.35 pt apart (a fake bold), as whole lines or glyph by glyph:
    read as the same PDF drawn once. Before (main, failed): each draw read, the title twice (two titles), the heading
    three times. A page drawn glyph by glyph throughout (no two characters in one string: ``glyphs_only.pdf``, and
    ``bold_glyphs.pdf`` with its bold glyphs twice) has a text layer. Before (main, failed): refused, ``PDF has no
    text layer (scanned image?)``."""
    got, want = read_file(files[name]), read_file(files["plain.pdf"])
    assert got.splitlines() == want.splitlines(), got  # line for line: the title once (read twice, the segmenter
    assert segment_reading(got) == segment_reading(want)  # took the title's repeat as the title again)


@pytest.mark.parametrize("pieces, overprinted", [
    ([(780.0, 60.0, 14.0, "一、强化隐患排查"), (780.2, 60.35, 14.0, "一、强化隐患排查")], True),
    ([(780.0, 60.0, 14.0, "县"), (780.0, 60.0, 14.0, "县")], True),
    ([(780.0, 60.0, 14.0, "一、强化隐患排查"), (757.6, 60.0, 14.0, "一、强化隐患排查")], False),
    ([(780.0, 60.0, 14.0, "县"), (780.0, 74.0, 14.0, "县")], False),
])
def test_only_a_string_drawn_over_itself_is_overprinted(pieces, overprinted):
    """The same string a line apart, or one glyph beside its twin (县县 typed), is no overprint: the page keeps
    pypdf's reading."""
    from policytag.corpus.readers import _overprinted

    assert _overprinted(pieces) is overprinted
