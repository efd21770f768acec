"""Files a user sends, probed in tests/data/formats11/ (EXPECTED.md there: the readings written down before any
reader ran): web pages whose headline is only in their ``<title>``, .xls and .xlsx task lists with a filter set and
cleared or active, a PDF whose running header is the notice's title; and guards for what read right already (a
page Word saved, a .docx with tracked changes, GB18030 text with a character outside GBK).

The fixtures are ours (formats6's winter notice, formats5's task sheet: invented places and organs), written by
``tests/data/formats11/make_fixtures.py`` into a temporary folder once for the module; the notices are compared
in-process (``read_file`` then ``segment_text``), the path ``policytag segment`` takes.
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.readers import plain_text, read_file


@pytest.fixture(scope="module")
def f11():
    return make_fixtures("formats11")


@pytest.fixture(scope="module")
def files(f11, tmp_path_factory):
    return f11.write_all(tmp_path_factory.mktemp("formats11"))


_reading = segment_reading


@pytest.fixture(scope="module")
def winter(f11):
    """The winter notice's reading as its .txt (``plain_text``, as read_txt reads it), whole and less its number
    (and addressee): the references of the pages whose body has no number."""
    n, text = f11.parts(), f11.notice()
    return {"whole": _reading(plain_text(text)),
            "no number": _reading(plain_text(f11.without(text, n["number"]))),
            "text first": _reading(plain_text(f11.without(text, n["number"], n["addressee"])))}


# -- 1. a web page whose headline is only in <title> ------------------------------------------------------
@pytest.mark.parametrize("name, reference", [
    ("title_dash.html", "no number"), ("title_underscore.html", "no number"), ("title_bar.html", "no number"),
    ("title_site_first.html", "no number"), ("title_number_first.html", "whole"),
    ("title_text_first.html", "text first"), ("title_top_bar.html", "whole"),
    ("title_double_dash.html", "no number"), ("title_article_meta.html", "no number")])
def test_a_headline_only_in_the_page_title_is_the_notices_title(name, reference, files, winter, f11):
    """No <h1>, no CMS container; the body opens with the addressee, the number or the text. Before: the title
    was made up (澄溪市应急管理局2027年文件: no genre); now the <title>'s headline, its site (`` - 澄溪市人民政府``,
    ``_…``, ``｜…门户网站``, ``——…``, or a site and column before it; or the CMS's ``<meta name=ArticleTitle>`` where
    the <title> is the site's name) left out: the notice reads as its .txt. (A portal's top
    bar, menu and breadcrumb over the body: the headline goes over the body's number, not over them.)"""
    reading = _reading(read_file(files[name]))
    assert reading[0][0] == f11.parts()["title"]
    assert reading == winter[reference]


def test_the_menu_is_not_the_title_where_the_headline_is_in_the_page_title(tmp_path, winter):
    """formats10's page (formats7's generator: a nav of links 首页 通知公告, no ``>`` between them, the headline in
    <title> only). Before: the menu's words read as the title (首页通知公告); now the headline, the menu not read."""
    path = tmp_path / "notice.html"
    path.write_text(make_fixtures("formats10").notice_page(), encoding="utf-8")
    assert _reading(read_file(path)) == winter["whole"]


@pytest.mark.parametrize("name", ["title_in_body.html", "title_in_body_top_bar.html"])
def test_a_body_with_its_own_title_takes_nothing_from_the_page_title(name, files, winter):
    """Guard: the body's centred title line is the notice's; the <title> (a shortened headline) adds no second,
    under a portal's top bar and menu too (formats3's county page is the same case, the full headline)."""
    assert _reading(read_file(files[name])) == winter["no number"]


def test_a_body_title_under_a_pages_metadata_rows_takes_nothing_from_the_page_title(files, f11):
    """A 信息公开 page's five rows (索引号：…, 发文字号：…) over the body's own title: still the body's title, once
    (the <title>'s headline, the same words, is not added above the rows)."""
    text = read_file(files["title_under_meta.html"])
    assert text.split("\n").count(f11.parts()["title"]) == 1
    assert text.index(f11.META_ROWS[-1]) < text.index(f11.parts()["title"])


def test_a_column_name_in_the_page_title_is_no_headline(files):
    """Guard: ``通知公告_澄溪市应急管理局`` names the page's column, not the notice (a genre word in 4 characters):
    nothing is taken from it."""
    text = read_file(files["title_column_only.html"])
    assert "通知公告" not in text.split("\n")
    assert _reading(text)[0][0] != "通知公告"


# -- 2. task lists with a filter --------------------------------------------------------------------------
def _tasks(text: str) -> list[str]:
    return [line for line in text.split("\n") if line[:2] in ("1.", "2.", "3.")]


def test_an_xls_filter_set_and_cleared_hides_no_hand_hidden_row(files, capsys):
    """The task sheet's second task hidden by hand, an AutoFilter over the table with no criterion (its
    _FilterDatabase name, AUTOFILTERINFO). Before: the name alone counted as an active filter, so the hidden row was
    read (3 tasks); now it reads as the same sheet without the filter (tasks 1 and 3), silently."""
    plain = read_file(files["tasks_plain_hidden.xls"])
    assert [t[:2] for t in _tasks(plain)] == ["1.", "3."]
    assert read_file(files["tasks_inactive_hidden.xls"]) == plain
    assert capsys.readouterr().err == ""


def test_an_active_xls_filter_reads_every_row_and_says_so_once(files, capsys):
    """FILTERMODE and a criterion on 责任单位 hide the second task: a filter is a reader's view of the list, every
    task is read (formats10's rule for .xlsx), and one warning says rows hidden by a filter were read (before:
    none; the reading then differs from what the sender saw)."""
    text = read_file(files["tasks_active.xls"])
    assert [t[:2] for t in _tasks(text)] == ["1.", "2.", "3."]
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and "1 row(s) hidden by a filter are read" in err[0]


@pytest.mark.parametrize("active", [False, True])
def test_an_xlsx_filter_reads_as_the_xls_one(active, tmp_path, capsys):
    """The same rule for .xlsx: ``<autoFilter ref>`` with no ``<filterColumn>`` (set, then cleared) leaves the row
    hidden by hand out, silently (a guard); with a criterion every row is read and one warning says so (new)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.filters import FilterColumn, Filters

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "工作任务", "责任单位", "完成时限"])
    sheet.append([1, "排查老旧小区消防通道", "各县（区）应急管理局", "12月31日前"])
    sheet.append([2, "开展消防宣传进社区活动", "市消防救援支队", "12月31日前"])
    sheet.append([3, "检查高层建筑消防设施", "各县（区）应急管理局", "12月31日前"])
    sheet.auto_filter.ref = "A1:D4"
    if active:
        sheet.auto_filter.filterColumn.append(FilterColumn(colId=2, filters=Filters(filter=["各县（区）应急管理局"])))
    sheet.row_dimensions[3].hidden = True
    book.save(tmp_path / "tasks.xlsx")
    text = read_file(tmp_path / "tasks.xlsx")
    err = capsys.readouterr().err
    assert [t[:2] for t in _tasks(text)] == (["1.", "2.", "3."] if active else ["1.", "3."])
    assert ("1 row(s) hidden by a filter are read" in err and err.count("\n") == 1) if active else err == ""


# -- 3. more quirks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["header_title.pdf", "header_title_later.pdf", "header_title_wrapped.pdf"])
def test_a_running_header_that_is_the_title_is_not_read_and_the_title_is(name, files, winter):
    """Every page's header (the first page's too, or from the second on) is the notice's title in small type.
    Before: the headers were kept (the title-shaped line after the first, the date after the last made them read
    as issuer lines): the notice read as two, the second titled by page 2's header. Now as its .txt: the title once.
    (The title printed over two lines under headers from page 2 on read right already, and still does: the
    header's words are in the title's two lines, so no header line is kept for a title.)"""
    assert _reading(read_file(files[name])) == winter["whole"]


@pytest.mark.parametrize("name", ["word_saved.html", "tracked.docx"])
def test_word_pages_and_tracked_changes_read_as_the_notice(name, files, winter):
    """Read right already (guards): Word's filtered web page (MsoNormal, mso- styles, <o:p>, list numbers in
    mso-list:Ignore spans, GB2312); a .docx whose tracked changes are not accepted (w:ins, w:del, a paragraph and a
    table row deleted, a paragraph moved, the old numbering in w:pPrChange): its accepted text."""
    assert _reading(read_file(files[name])) == winter["whole"]


def test_gb18030_text_with_a_character_outside_gbk_reads(files, f11):
    """Guard: 㙟 (U+365F, four bytes in GB18030) in the addressee and an item: decoded, not refused."""
    text = read_file(files["gb18030_rare.txt"])
    assert f11.RARE + "溪镇" in text
    assert _reading(text) == _reading(plain_text(f11.rare_text()))
