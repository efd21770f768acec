"""List numbers a .docx or .odt keeps outside its text, probed in tests/data/formats16/ (EXPECTED.md there: the
readings written down before any reader ran): Word's list styles (``w:numStyleLink``), reached through paragraphs or
heading styles and restarted for an attachment; formats Word shows in other characters (壹、 ⑴ ⒈); an .odt's headings
numbered by its outline style (chapter numbering), with the guards that must stay unnumbered.

The fixtures are ours (an invented county's notice), written by ``tests/data/formats16/make_fixtures.py`` into a
temporary folder once for the module; compared in-process (``read_file`` then ``segment_text``), the path ``policytag
segment`` takes.
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.docx_lists import _FORMATS
from policytag.corpus.readers import read_file


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
