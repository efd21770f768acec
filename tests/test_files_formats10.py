"""Files a user from another government sends, probed in tests/data/formats10/ (EXPECTED.md there: the readings
written down before any reader ran): PDF text layers whose fonts map glyphs to Kangxi radicals, plain text with
``\\r`` line ends or NUL bytes, task lists with rows hidden by hand or by a filter, an .xls whose reader printed
to stdout; and guards for what read right already (running headers and ``第N页 共M页`` footers with a sentence
across the page break, a glyph per text object, a 版头 drawn as a picture, a .docx as WPS saves one).

The fixtures are ours (invented places and organs), made by ``tests/data/formats10/make_fixtures.py``; the
.txt probes are written here (a .txt of tests/data is a notice the baseline check segments). The notices are
compared in-process (``read_file`` then ``segment_text``): the same path ``policytag segment`` takes, without a
fresh interpreter per file.
"""

from __future__ import annotations

import pytest
from conftest import TEST_DATA
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.lookalikes import fold
from policytag.corpus.readers import ReadError, plain_text, read_file
from policytag.corpus.segment import segment_text
from test_files_formats import _ofd  # the one-page OFD package writer

FORMATS10 = TEST_DATA / "formats10"


@pytest.fixture(scope="module")
def f10():
    return make_fixtures("formats10")


_reading = segment_reading


@pytest.fixture(scope="module")
def winter(f10):
    """formats6's winter_notice.txt's reading: the reference of the winter files here (as in formats7-9)."""
    reading = _reading(plain_text(f10.notice()))  # as read_txt reads the .txt
    assert len(reading) == 8 and reading[0][0] == f10.parts()["title"]  # the title, the preamble, 4 items, 2 tasks
    return reading


# -- PDF and OFD text layers ------------------------------------------------------------------------------
def test_kangxi_radicals_and_compatibility_ideographs_in_a_pdf_read_as_their_ideographs(winter):
    """winter_radicals.pdf: the font's /ToUnicode map sends 一 二 人 … to Kangxi radicals (⼀ U+2F00 …), 车 to
    the radicals supplement's ⻋ (U+2ECB), 落 年 理 … to compatibility ideographs (U+F918 …). Before: 6 clauses,
    ``⼀、强化隐患排查`` no heading, the title ``…冬春⽕灾防控⼯作的通知`` run into the running header, no date
    (⽉ ⽇); now as winter_notice.txt."""
    text = read_file(FORMATS10 / "winter_radicals.pdf")
    assert not any("\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff" for ch in text)
    assert _reading(text) == winter


def test_a_kangxi_radical_in_an_ofd_text_code_reads_as_its_ideograph(tmp_path):
    """An OFD's TextCode holds the text as its writer gave it: a converter from PDF writes the PDF's ⼀ (U+2F00)."""
    page = ("<ofd:TextObject ID='3' Boundary='20 40 150 10' Size='5'><ofd:TextCode X='0' Y='5'>"
            "\u2f00、各县（区）要在12\u2f49底前完成\u2f55灾隐患排查。</ofd:TextCode></ofd:TextObject>")
    assert read_file(_ofd(tmp_path / "n.ofd", page)) == "一、各县（区）要在12月底前完成火灾隐患排查。"


def test_only_look_alikes_are_folded():
    """Every other character stays: a bound radical (氵 as ⺡ U+2EA1, no character of its own), the CJK
    compatibility block's twelve unified ideographs (﨎 U+FA0E), Latin, full-width digits, punctuation."""
    text = "⺡﨎 ABC １２３，。（一）"
    assert fold(text) == text
    assert fold("⼈⺠政府⻓效机制⻋辆") == "人民政府长效机制车辆"


@pytest.mark.parametrize("name", ["winter_paged.pdf", "winter_paged_slash.pdf", "winter_glyphs.pdf",
                                  "winter_redhead_image.pdf"])
def test_printed_pdf_layouts_read_as_the_notice(name, winter):
    """Read right already (guards): every page under a running header (the organ over a rule) and over a footer
    ``第N页 共M页`` (``- N -`` and ``第 N 页 / 共 M 页``), the preamble running across the break of pages 1 and 2;
    every glyph a text object of its own, the title set a character apart; the 版头 a picture over the text."""
    assert _reading(read_file(FORMATS10 / name)) == winter


def test_a_task_table_broken_across_pages_reads_its_rows_under_the_first_page_s_header(winter):
    """winter_table_across_pages.pdf: the unruled task table's header row the last line of page 1, its rows on
    page 2 (Word breaks a table so where 标题行重复 is not set). Before: the header, the page mark and the blank
    line of the page break ended the table; the cells were read as one run (序号工作任务…) and 2028年1月31日前 as
    a clause of its own (7 records, no task with its agency). Now each row read under the header."""
    assert _reading(read_file(FORMATS10 / "winter_table_across_pages.pdf")) == winter


# -- Word ---------------------------------------------------------------------------------------------------
def test_a_docx_as_wps_saves_one_reads_as_the_notice(winter):
    """Read right already (guard): the title in a DrawingML text box with its VML fallback (read once), runs cut
    two characters each between bookmarks and proofing marks, the last section's properties in a paragraph."""
    assert _reading(read_file(FORMATS10 / "winter_wps_box.docx")) == winter


# -- Plain text ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["cr_only.txt", "mixed_eol.txt", "nul_padded.txt", "nul_line.txt", "two_boms.txt"])
def test_line_ends_nul_bytes_and_a_second_bom_in_a_txt(name, f10, tmp_path, winter):
    """``\\r`` line ends (an old Mac, some exports) and ``\\r\\n``/``\\n``/``\\r`` mixed: before, the lone ``\\r``
    was no line end, the tab-typed task table one run (6 clauses). NUL bytes padding the file to its block, or
    one in place of a ``\\n``: before, "binary file, not text". Two files with BOMs concatenated: right already.
    Each now reads as winter_notice.txt."""
    path = tmp_path / name
    path.write_bytes(f10.text_variants()[name])
    assert _reading(read_file(path)) == winter


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,  # a picture under a .txt name: NULs throughout
    "各县要排查隐患。".encode("utf-8") + b"\x00\x01\x02\x03" * 40,  # text, then a binary tail
])
def test_a_binary_file_named_txt_is_still_refused(data, tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="binary file, not text"):
        read_file(path)


# -- Spreadsheets -------------------------------------------------------------------------------------------
def _tasks(f10, shown: list[int]) -> list:
    return _reading(plain_text(f10.tasks_txt(shown)))


def test_a_task_sheet_s_row_hidden_by_hand_is_not_read(f10):
    """tasks_hidden.xlsx: the second task's row hidden by hand (a dropped task), 序号 formulas (=ROW()-2) and a
    string formula read by their cached values. Before: the hidden task read (3 clauses); now as the sheet shows
    it, tasks 1 and 3 (their 序号 as Excel shows them)."""
    reading = _reading(read_file(FORMATS10 / "tasks_hidden.xlsx"))
    assert reading == _tasks(f10, [0, 2])
    assert not any("市教育局" in str(record) for record in reading)


def test_rows_hidden_by_a_filter_are_read(f10):
    """tasks_filtered.xlsx: the same row hidden by an AutoFilter on 责任单位: a filter is a reader's view, every
    task is read."""
    assert _reading(read_file(FORMATS10 / "tasks_filtered.xlsx")) == _tasks(f10, [0, 1, 2])


def test_formulas_saved_without_values_are_named_in_a_warning(f10, tmp_path, capsys):
    """tasks_nocache: the 序号 and one 责任单位 formulas saved with no value (as a program writing .xlsx leaves
    them): read empty, as before, but no longer silently: one warning line saying how many and what to do.
    A workbook Excel saved (its values cached, tasks_hidden.xlsx) says nothing."""
    f10.tasks_xlsx(tmp_path / "nocache.xlsx", hide="none", cached=False)
    text = read_file(tmp_path / "nocache.xlsx")
    assert "ROW()" not in text and "&" not in text  # a formula's source is never read as its cell's text
    warning = capsys.readouterr().err.strip().split("\n")
    assert len(warning) == 1 and "4 formula cell(s) hold no saved value" in warning[0]
    read_file(FORMATS10 / "tasks_hidden.xlsx")
    assert capsys.readouterr().err == ""


def test_a_merged_cell_whose_first_row_is_hidden_still_fills_the_rows_shown(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "工作任务", "责任单位", "完成时限"])
    sheet.append([1, "排查老旧小区消防通道", "各县（区）应急管理局", "12月31日前"])
    sheet.append([2, "开展消防宣传进社区活动", None, "12月31日前"])
    sheet.merge_cells("C2:C3")
    sheet.row_dimensions[2].hidden = True
    book.save(tmp_path / "t.xlsx")
    assert read_file(tmp_path / "t.xlsx") == "2.开展消防宣传进社区活动（完成时限：12月31日前）（责任单位：各县（区）应急管理局）"


def test_an_xls_row_hidden_by_hand_is_not_read(f10, tmp_path):
    """formats5's task_sheet.xls with its second task's row hidden (the ROW record's fDyZero bit): not read."""
    data = (TEST_DATA / "formats5" / "task_sheet.xls").read_bytes()
    (tmp_path / "hidden.xls").write_bytes(f10.hidden_xls_row(data, 3))
    shown = read_file(TEST_DATA / "formats5" / "task_sheet.xls").split("\n")
    assert read_file(tmp_path / "hidden.xls").split("\n") == [shown[0], shown[1], shown[3]]


def test_a_cut_xls_prints_nothing_on_stdout(tmp_path, capfd):
    """xlrd wrote its warning about a cut file ("WARNING *** file size (300) not 512 + multiple of sector size")
    to stdout, before the JSON lines of ``policytag segment``; now stdout holds records only. (capfd: xlrd's
    default log is the sys.stdout of its import, which only the file descriptor's capture sees.)"""
    path = tmp_path / "cut.xls"
    path.write_bytes((TEST_DATA / "formats5" / "task_sheet.xls").read_bytes()[:300])
    with pytest.raises(ReadError, match="a spreadsheet that cannot be read"):
        read_file(path)
    assert capfd.readouterr().out == ""


# -- Full-width digits in the number and the date (a gap in corpus/clean.py and metadata.py, fixed by clean18) ----
def test_full_width_digits_in_the_number_and_the_date(f10):
    text = f10.text_variants()["fullwidth_digits.txt"].decode("utf-8")
    documents = segment_text(plain_text(text), "notice")
    assert [(d.doc_number, d.date) for d, _ in documents] == [("澄应急〔2027〕31号", "2027-11-15")]


# -- A file's type by its bytes ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["error.pdf", "error.docx", "error.doc"])
def test_a_site_s_error_page_saved_under_a_file_s_name_says_so(name, f10, tmp_path):
    """A download link that answered with the site's 404 page, saved as 通知.pdf: before, "no recognisable notice
    structure (no title, document number or numbered items)", naming no cause; now one line saying it is a web
    page, not the file, and to download it again."""
    path = tmp_path / name
    path.write_text(f10.ERROR_PAGE, encoding="utf-8")
    with pytest.raises(ReadError, match=r"a web page \(HTML\), not a \.\w+ file, and no notice"):
        read_file(path)


def test_a_notice_s_page_saved_under_a_file_s_name_still_reads(f10, tmp_path, winter):
    """The guard: the notice's own page (GBK, declared in <meta http-equiv> only) saved as .doc reads as its page."""
    page = f10.formats7().trs_html()
    (tmp_path / "n.doc").write_bytes(page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" '
                                                  'content="text/html; charset=gbk">').encode("gbk"))
    (tmp_path / "n.html").write_text(page, encoding="utf-8")
    assert read_file(tmp_path / "n.doc") == read_file(tmp_path / "n.html")
    assert _reading(read_file(tmp_path / "n.doc")) == winter
