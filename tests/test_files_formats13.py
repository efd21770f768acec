"""Files a user sends, probed in tests/data/formats13/ (EXPECTED.md there: the readings written down before any reader
ran): formats12's leftovers (a scan's ``一 3 一`` page marks in a text copy; a short headline the page also lists as a
link), an old site's page laid out in one ``<table>``, and guards for what read right already (a .docx's tracked
changes and comment, its text box, header and footer, its footnote; a two-sheet .xlsx with merged cells; UTF-16 and
GB18030 texts; a two-column .pdf; a .zip of a notice and its 附件).

The fixtures are ours (an invented county's notice), written by ``tests/data/formats13/make_fixtures.py`` into a
temporary folder once for the module; compared in-process (``read_file`` then ``segment_text``), the path ``policytag
segment`` takes.
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.readers import _text_copy_pages, expand_paths, read_file


@pytest.fixture(scope="module")
def f13():
    return make_fixtures("formats13")


@pytest.fixture(scope="module")
def files(f13, tmp_path_factory):
    return f13.write_all(tmp_path_factory.mktemp("formats13"))


@pytest.fixture(scope="module")
def notice(files):
    """The notice's reading as its .txt."""
    return _reading(files["notice.txt"])


def _reading(path) -> list:
    return segment_reading(read_file(path))


def _clause_texts(reading: list) -> str:
    return "\n".join(item[1] for item in reading if isinstance(item[1], str) and len(item) == 3)


# -- a. a scan's 一 3 一 page marks ------------------------------------------------------------------------------
def test_ocr_page_marks_cut_a_text_copy_into_pages_as_dashes_do(files, f13):
    """A notice OCR'd from a three-page scan, each page's ``— n —`` read as ``一 n 一``, the issuer's name the running
    header of pages 2 and 3. Before: the cleaner took ``一 2 一`` for a page mark but the text copy was never cut into
    pages, so the running header stayed: it cut items 二 and 四 in two. Now it reads as with ``— n —`` marks."""
    reading = _reading(files["ocr_pages.txt"])
    assert reading == _reading(files["dash_pages.txt"])
    assert "岚溪县应急管理局文件" not in _clause_texts(reading)
    assert f13.LONG_ITEMS[1] in _clause_texts(reading) and f13.LONG_ITEMS[3] in _clause_texts(reading)


def test_ocr_page_marks_unit():
    """The reader's step itself: the header over pages 2 and 3 goes, a line with 一 in words (``一、…``) is no mark."""
    text = "标题\n一、第一段\n一 1 一\n某局文件\n二、第二段\n一 2 一\n某局文件\n三、第三段\n一 3 一"
    kept = [line for line in _text_copy_pages(text).split("\n") if line]
    assert kept == ["标题", "一、第一段", "一 1 一", "二、第二段", "一 2 一", "三、第三段", "一 3 一"]


# -- b. a short headline that the page also lists as a link --------------------------------------------------
@pytest.mark.parametrize("listing", ["sidebar", "related_table", "dated_box"])
@pytest.mark.parametrize("container", ["zoom", "loose"])
def test_a_short_headline_also_listed_as_a_link_is_the_title(listing, container, files, f13):
    """``<h1>做好当前防汛工作的通知</h1>`` (11 characters, no number), the ``<title>`` the same, and the page's 最新信息
    sidebar, 相关链接 table or dated 相关链接 box listing it among other articles; the text in a ``#zoom`` container or loose.
    Before: a link's words of 12 characters or less were a column's name, so neither the ``<h1>`` nor the ``<title>``
    gave the notice its title (``岚溪县防汛抗旱指挥部办公室2027年文件``, made up); now a list of articles names no column."""
    reading = _reading(files[f"short_{listing}_{container}.html"])
    assert reading[0][0] == f13.HEADLINE
    assert "汛期安全工作方案" not in _clause_texts(reading)


@pytest.mark.parametrize("menu", ["breadcrumb", "list"])
def test_a_column_linked_in_the_menu_is_still_no_headline(menu, tmp_path, f13):
    """Guard: a column's name (``安全生产预警提示``, title-shaped, 8 characters, no column word) in the ``<title>``,
    linked by the breadcrumb or a menu list of short names, on a page with no headline of its own: no title from it
    (the link rule alone tells: without it the column was the title)."""
    column = "安全生产预警提示"
    nav = (f"<div><a href='/'>首页</a> &gt; <a href='/yjts/'>{column}</a></div>" if menu == "breadcrumb" else
           f"<ul><li><a href='/'>首页</a></li><li><a href='/yjts/'>{column}</a></li><li><a href='/tzgg/'>通知公告</a>"
           "</li></ul>")
    path = tmp_path / "column.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>{column}_岚溪县应急管理局</title></head><body>{nav}"
                    f"<div id='zoom'>{f13.SHORT_BODY}</div></body></html>", encoding="utf-8")
    assert _reading(path)[0][0] != column


# -- 6. a page laid out in a table ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["table_layout.html", "table_layout_rows.html", "table_layout_menu_bar.html"])
def test_a_page_laid_out_in_a_table_reads_without_its_navigation(name, files, notice):
    """One ``<table>`` lays out the page: navigation and a 最新信息 list of links in the left cell, the article (title,
    发布日期, text, signature) in the right; or the headline and 发布日期 in a row of their own over the article's cell;
    or a menu bar of eight cells over the article's row. Before: a menu entry ``工作动态`` opened a made-up notice (its
    clause the list's two headlines run together); now the navigation's cells go, the rest reads as the notice's .txt
    (the headline's row kept)."""
    reading = _reading(files[name])
    assert reading == notice
    assert "工作动态" not in str(reading) and "政策法规" not in str(reading)


@pytest.mark.parametrize("where", ["below", "beside"])
def test_a_notice_in_a_table_cell_keeps_its_attachment_links_and_items(where, tmp_path, f13):
    """Guards: a 信息公开 page whose table holds the body in one cell and its 附件 links in a cell below (a row of its
    own) or in a data row beside a cell of the item's name: the links are the notice's, read; and a notice whose
    items are a data table's cells (no cell holds half its words) is read whole."""
    links = "附件：<a href='/f/1.docx'>附件1.汛期安全检查表</a> <a href='/f/2.xlsx'>附件2.隐患台账</a>"
    body = "".join(f"<p>{line}</p>" for line in [f13.ADDRESSEE, f13.PREAMBLE, *f13.ITEMS, f13.ISSUER, f13.DATE])
    rows = (f"<tr><td>标题</td><td>{f13.TITLE}</td></tr><tr><td colspan='2'>{body}</td></tr><tr><td colspan='2'>{links}</td></tr>"
            if where == "below" else
            f"<tr><td>标题</td><td>{f13.TITLE}</td></tr><tr><td>正文</td><td>{body}</td><td>{links}</td></tr>")
    items = "".join(f"<tr><td>{n}</td><td>{item}</td></tr>" for n, item in enumerate(f13.ITEMS, start=1))
    for name, page in (("cell.html", f"<table>{rows}</table>"),
                       ("items.html", f"<p>{f13.TITLE}</p><p>{f13.PREAMBLE}</p><table>{items}</table><p>{f13.ISSUER}</p>")):
        path = tmp_path / name
        path.write_text(f"<html><head><meta charset='utf-8'><title>岚溪县人民政府</title></head><body>{page}</body></html>",
                        encoding="utf-8")
        text = read_file(path)
        assert f13.TITLE in text and f13.PREAMBLE in text and f13.ISSUER in text
        assert name == "items.html" or ("附件1.汛期安全检查表" in text and "附件2.隐患台账" in text)


# -- guards: files that read right already --------------------------------------------------------------------
@pytest.mark.parametrize("name", ["tracked.docx", "boxes_header.docx", "footnotes.docx"])
def test_word_files_read_as_the_notice(name, files, notice):
    """Tracked changes (``每月`` deleted, ``每周`` inserted, a paragraph deleted whole) and a comment; item 三 in a text
    box, the issuer in the header, ``—1—`` in the footer; a footnote after 《安全生产法》: each reads as the .txt."""
    assert _reading(files[name]) == notice


def test_word_files_leave_out_deletions_comments_and_page_furniture(files):
    text = read_file(files["tracked.docx"]) + read_file(files["boxes_header.docx"]) + read_file(files["footnotes.docx"])
    for gone in ("每月", "此处请核实", "四、其他事项", "—1—", "《安全生产法》1", "十三届全国人民代表大会"):
        assert gone not in text


def test_a_two_sheet_task_list_with_merged_cells_reads_each_task_whole(files, f13):
    """清单: the category merged over three and two rows, one 责任单位 over two: every task carries both; 说明: its notes
    after the list."""
    lines = read_file(files["tasks.xlsx"]).split("\n")
    assert lines[0] == f13.LIST_TITLE
    for n, (category, task, unit, due) in enumerate(f13.TASKS, start=1):
        assert f"{n}.{category}：{task}（完成时限：{due}）（责任单位：{unit}）" in lines
    assert lines[-len(f13.NOTES):] == f13.NOTES


@pytest.mark.parametrize("name", ["utf16.txt", "gb18030.txt"])
def test_utf16_and_gb18030_texts_read_as_utf8(name, files):
    assert read_file(files[name]) == read_file(files["encoded.txt"])


def test_a_two_column_pdf_reads_column_by_column(files, f13):
    lines = [line for line in read_file(files["two_columns.pdf"]).split("\n") if line.strip()]
    assert lines == [f13.BRIEFING_TITLE, *f13.LEFT, *f13.RIGHT]


def test_a_zip_of_a_notice_and_its_annex_reads_both(files, notice, f13):
    members = expand_paths([files["with_annex.zip"]])
    assert [p.name.split("!")[-1] for p in members] == [f"{f13.TITLE}.docx", "附件1 汛期安全生产检查表.xlsx"]
    assert _reading(members[0]) == notice
    annex = _reading(members[1])
    assert annex[0][0] == "汛期安全生产检查表"
    assert any("防汛物资：储备数量是否满足要求" in str(item) for item in annex)
