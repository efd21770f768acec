"""Files a user sends, probed in tests/data/formats12/ (EXPECTED.md there: the readings written down before any
reader ran): web pages whose ``<title>`` holds a CMS column's name (安全生产工作动态, 安全生产通知公告) and no headline of
the page's own, pages whose notice is a frame's page (in a web archive, by Content-Location or Chrome's ``cid:``; a
page saved "complete" with its ``_files`` folder), a menu over the body's own title; and guards for what read right
already (a ``<meta>`` charset kept when the page was saved again as UTF-8, a CMS download box, byte-order marks).

The fixtures are ours (formats6's winter notice: invented places and organs), written by
``tests/data/formats12/make_fixtures.py`` into a temporary folder once for the module; compared in-process
(``read_file`` then ``segment_text``), the path ``policytag segment`` takes.
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.readers import ReadError, _title_headline, expand_paths, plain_text, read_file


@pytest.fixture(scope="module")
def f12():
    return make_fixtures("formats12")


@pytest.fixture(scope="module")
def files(f12, tmp_path_factory):
    return f12.write_all(tmp_path_factory.mktemp("formats12"))


@pytest.fixture(scope="module")
def winter(f12):
    """The winter notice's reading as its .txt, whole and less its number (the pages' bodies have none)."""
    text, number = f12.notice(), f12.parts()["number"]
    return {"whole": segment_reading(plain_text(text)),
            "no number": segment_reading(plain_text("\n".join(l for l in text.split("\n") if l != number)))}


def _reading(path) -> list:
    return segment_reading(read_file(path))


# -- 1. a column's name in the page's <title> -------------------------------------------------------------
@pytest.mark.parametrize("name", ["column_linked.html", "column_unlinked.html", "column_zoom.html"])
def test_a_long_column_name_in_the_page_title_is_no_headline(name, files):
    """``安全生产工作动态_澄溪市应急管理局`` (the breadcrumb links the column), ``安全生产通知公告 - 澄溪市人民政府`` (no link
    names it; shaped as a column: a topic and 通知公告), and the first in a ``#zoom`` container: the page has no title of
    its own. Before: the column's name (8 characters, a genre word) was the notice's title (genre 动态/公告); now nothing
    is taken from the <title>: the page reads as its twin whose <title> is the site's name."""
    reading = _reading(files[name])
    assert reading == _reading(files[f"bare/{name}"])
    assert reading[0][0] not in ("安全生产工作动态", "安全生产通知公告")


@pytest.mark.parametrize("name", ["column_then_headline.html", "headline_column_site.html", "column_heading_zoom.html"])
def test_the_headline_is_read_not_the_column_beside_it(name, files, winter):
    """``site - 安全生产通知公告 - headline`` (before: the column, the first title-like piece, was the title), ``headline_
    应急管理工作动态_site`` (a guard), and a sidebar's column heading ``<h3>通知公告</h3>`` before the page's ``<h1>``
    headline over a ``#zoom`` container (before: the heading, the first title-shaped one, was the title): the notice
    reads as its .txt less its number."""
    assert _reading(files[name]) == winter["no number"]


@pytest.mark.parametrize("name, title", [("plan_headline.html", "澄溪市2027年冬春火灾防控工作方案"),
                                         ("briefing_headline.html", "安全生产工作动态（第12期）")])
def test_a_headline_without_guanyu_is_still_the_title(name, title, files):
    """Guards: a plan's headline naming its place and year, and a briefing's issue whose name is the column's but
    numbered, are headlines, on a page whose breadcrumb links the column 安全生产工作动态."""
    assert _reading(files[name])[0][0] == title


@pytest.mark.parametrize("page_title, headline", [
    ("部门动态_岚溪县人民政府", ""), ("应急管理要闻 - 岚溪县应急管理局", ""), ("政务公开通知公告｜岚溪县人民政府", ""),
    ("岚溪县2027年安全生产工作要点_工作动态_岚溪县人民政府", "岚溪县2027年安全生产工作要点"),
    ("岚溪县安全生产委员会办公室关于做好节日期间安全防范工作的通知_部门动态", "岚溪县安全生产委员会办公室关于做好节日期间安全防范工作的通知"),
    ("森林防火工作动态（2027年第3期）_岚溪县林业局", "森林防火工作动态（2027年第3期）")])
def test_column_names_of_other_sites_are_no_headlines(page_title, headline):
    """The rule on other governments' <title>s: a column word (动态, 要闻, 通知公告) after a topic, no number, is a
    column; a headline naming its place and year, a 关于…通知 and a numbered issue are headlines."""
    assert _title_headline(page_title) == headline  # no page: the names' shape alone decides


# -- 2. the notice in a frame's page -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["frames.mht", "frames_cid.mhtml", "saved_complete/notice.html",
                                  "saved_frameset/notice.html"])
def test_a_notice_in_a_frame_is_read_where_the_frame_stands(name, files, winter):
    """A portal page whose notice is ``<iframe src=…>``: in a web archive as IE/Edge save it (the frame's page a part
    named by its Content-Location, GBK quoted-printable) or as Chrome saves it (``cid:``), and a page saved "complete"
    (the frame's page in ``notice_files/``; a frameset page, no <body>, its menu a frame too). Before: the first page
    only: its menu, "no clause text" (the .mht) or nothing (the frameset's <title> read as a line); now the frame's
    page in place: the notice reads as its .txt less its number, the menu not read."""
    assert _reading(files[name]) == winter["no number"]


def test_a_menu_over_the_bodys_own_title_is_not_read(files, winter):
    """A plain page: a menu of three links with no separators (``首页 政务公开 通知公告``: title-shaped, it ends in a genre
    word) over the body's own title line. Before: the menu line was the title, the body's title a second line; now
    the menu goes, as it did where the headline came from the <title>."""
    assert _reading(files["menu_over_title.html"]) == winter["no number"]


@pytest.mark.parametrize("name, src", [("frame_not_saved.html", "notice_files/content.html"),
                                       ("frame_remote.html", "http://www.cx.example.gov.cn/tzgg/content.htm")])
def test_a_frame_whose_page_is_not_in_the_file_is_one_clear_error(name, src, files):
    """The portal page saved alone ("HTML only"): its frame's page missing beside it, or an address on the web. Before:
    "no clause text under the title 首页 政务公开 通知公告" (the menu read as a title: no cause named); now one line naming
    the frame's address and what to do."""
    with pytest.raises(ReadError) as caught:
        read_file(files[name])
    message = str(caught.value)
    assert "\n" not in message and "frame" in message and src in message and name in message


def test_a_body_title_that_is_a_link_is_no_menu(files, winter):
    """Guard: the body's title line a link to the page itself, the <title> the site's name: the title (the menu rule
    above drops a line of link words only where it is no headline; its first cut dropped this one)."""
    assert _reading(files["linked_title.html"]) == winter["no number"]


def test_a_folder_of_saved_pages_reads_each_framed_notice_once(files):
    """Reading the folder of a page saved "complete": the page, not its frame's page a second time (before: both)."""
    folder = files["saved_complete/notice.html"].parent
    assert expand_paths([folder]) == [files["saved_complete/notice.html"]]


def test_a_frame_outside_the_pages_folder_is_not_followed(tmp_path, f12, winter):
    """Only a relative path inside the page's own folder is read: ``../`` (and an absolute path) are not, even to a
    page that exists; the page then holds no notice, and says its frame's page is not in it."""
    (tmp_path / "content.html").write_text(f12.frame_content('<meta charset="utf-8">'), encoding="utf-8")
    (tmp_path / "site").mkdir()
    for i, src in enumerate(["../content.html", str(tmp_path / "content.html")]):
        page = tmp_path / "site" / f"page{i}.html"
        page.write_text(f12.framed_page(src, '<meta charset="utf-8">'), encoding="utf-8")
        with pytest.raises(ReadError, match="frame whose page is not in this file"):
            read_file(page)
    sibling = tmp_path / "page.html"
    sibling.write_text(f12.framed_page("content.html", '<meta charset="utf-8">'), encoding="utf-8")
    assert _reading(sibling) == winter["no number"]


def test_a_layout_wrapper_named_content_is_not_read_over_the_cms_container(files, winter):
    """``<div class="content">`` wraps the page's middle: a sidebar listing three other notices (links), the <h1>, the
    info line and ``#zoom`` with the notice. Before: the wrapper, the largest container, was read: each sidebar title
    opened a notice of its own (four notices); now ``#zoom`` (it holds most of the wrapper's words outside links),
    the headline from the <h1>: the notice reads as its .txt less its number."""
    assert _reading(files["wrapper_content.html"]) == winter["no number"]


def test_a_small_box_named_content_inside_the_wrapper_does_not_take_its_place(files):
    """Guard: the notice straight in the wrapper, inside it a weather box also named ``.content``: the wrapper is read
    (the box holds few of its words), the notice's clauses all there."""
    text = read_file(files["wrapper_widget.html"])
    assert "各单位要明确消防安全责任人" in text and "开展人员密集场所消防安全检查" in text


# -- 3. guards ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["zoom_downloads.html", "meta_gbk_bytes_utf8.html", "utf16_page.html"])
def test_pages_that_read_right_already(name, files, winter):
    """A ``#zoom`` container holding the CMS's 附件下载 box (file names: not read), a page declaring gb2312 whose bytes
    are UTF-8, a page saved as "Unicode" (UTF-16 LE, BOM): the notice as its .txt less its number."""
    assert _reading(files[name]) == winter["no number"]


@pytest.mark.parametrize("name", ["gb18030_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt"])
def test_text_with_a_byte_order_mark_reads_as_the_notice(name, files, winter):
    """GB18030's own BOM (84 31 95 33), UTF-16 LE and BE with theirs: as the .txt, no U+FEFF before the title."""
    text = read_file(files[name])
    assert not text.startswith("\ufeff")
    assert segment_reading(text) == winter["whole"]
