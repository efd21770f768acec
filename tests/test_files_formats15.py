"""Files a user downloads from many government sites, probed in tests/data/formats15/ (EXPECTED.md there: the readings
written down before any reader ran): formats14's leftover (a bare 单位 column of units read as agencies), a headline
under 8 characters only in a page's ``<title>``, and new ground: a redirect page and a page built by script (each one
line saying what to do), a Strict Open XML .docx, a CSV task list; guards for what read right already (a Word RTF
with ``\\listtext`` list numbers, a GBK page declaring GB2312, a TRS page with the editor's style and script, a base64
web archive).

The fixtures are ours (an invented county's notice), written by ``tests/data/formats15/make_fixtures.py`` into a
temporary folder once for the module; compared in-process (``read_file`` then ``segment_text``), the path ``policytag
segment`` takes.
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.readers import ReadError, read_file
from policytag.corpus.tables import Cell, table_lines


@pytest.fixture(scope="module")
def f15():
    return make_fixtures("formats15")


@pytest.fixture(scope="module")
def files(f15, tmp_path_factory):
    return f15.write_all(tmp_path_factory.mktemp("formats15"))


@pytest.fixture(scope="module")
def twin(files):
    """The notice's reading as its .txt."""
    return segment_reading(read_file(files["notice.txt"]))


def _clauses(reading: list) -> list:
    return [item for item in reading if len(item) == 3]


def _titles(reading: list) -> list[str]:
    return [item[0] for item in reading if len(item) == 4]


def _grid(rows: list[list[str]]) -> list[list[Cell]]:
    return [[Cell(object(), (text,) if text else ()) for text in row] for row in rows]


# -- 1. a bare 单位 column of units ----------------------------------------------------------------------------------
@pytest.mark.parametrize("rows", [
    [["名称", "单位"], ["燃气", "立方米"]],
    [["序号", "物资名称", "单位", "数量"], ["1", "帐篷", "顶", "20"], ["2", "应急队员", "人", "30"]],
    [["名称", "单位", "时间"], ["燃气", "立方米", "2027年"], ["电力", "千瓦时", "2027年"]],
])
def test_a_unit_column_is_no_agency_column(rows):
    """A bare 单位 is a unit of measure as often as an organ: where its cells read as no agencies (立方米, 顶, 人), it is
    no agency column, with or without 序号. Before (main): ``燃气（责任单位：立方米）``, ``1.帐篷（数量：20）（责任单位：顶）``.
    Every row is still one line holding its cells."""
    lines = table_lines(_grid(rows))
    assert not [line for line in lines if "责任单位" in line], lines
    for row in rows[1:]:
        assert len([line for line in lines if all(cell in line for cell in row)]) == 1, (row, lines)


@pytest.mark.parametrize("rows, agencies", [
    ([["序号", "单位", "安全生产工作职责"], ["1", "县应急局", "负责安全生产综合监督管理。"]], "责任单位：县应急局"),
    ([["工作任务", "责任单位", "完成时限"], ["开展燃气安全排查。", "县住建局牵头，各乡镇配合", "6月底前"]],
     "责任单位：县住建局牵头、各乡镇配合"),
    ([["重点任务", "单位"], ["开展燃气安全排查。", "县住建局"], ["组织燃气安全培训。", "县市场监管局、各乡镇（街道）"]],
     "责任单位：县市场监管局、各乡镇（街道）"),
    ([["工作任务", "责任人", "完成时限"], ["开展燃气安全排查。", "张某某", "6月底前"]], "责任人：张某某"),
])
def test_an_organ_column_stays_an_agency_column(rows, agencies):
    """Guards: a duty list's bare 单位 over organs, an agency cell saying 牵头 / 配合 in a table with no 序号, a 单位
    column over organs with no 序号, a person's column (its cells are names, never in doubt): task tables as before."""
    lines = table_lines(_grid(rows))
    assert len(lines) == len(rows) - 1 and agencies in lines[-1], lines


# -- 2. a short headline only in the <title> -----------------------------------------------------------------------
@pytest.mark.parametrize("container", [False, True], ids=["plain", "trs"])
@pytest.mark.parametrize("name", list(make_fixtures("formats15").SHORT_TITLES))
def test_a_short_title_is_a_headline_where_it_names_its_subject(name, container, files, f15):
    """A ``<title>`` piece under 8 characters is the headline where it names what the notice is about (``停气通知``,
    ``燃气安全提示``); a genre word alone or with a word of urgency (``通知``, ``紧急通知``, ``重要通知``) or a column's name
    (``通知公告``) is none: the page reads as with the site's name for its ``<title>``. Before (main): a plain page took
    no short headline (``停气通知`` was lost), a page with a CMS container took any title-shaped first piece
    (``紧急通知`` became the notice's title)."""
    if container:
        name = name.replace(".html", "_trs.html")
    bare = "title_site_trs.html" if container else "title_site.html"
    reading = segment_reading(read_file(files[name]))
    expected = f15.SHORT_TITLES[name.replace("_trs.html", ".html")][1]
    if expected:
        assert _titles(reading) == [expected]
        assert _clauses(reading) == _clauses(segment_reading(read_file(files[bare])))
    else:
        assert reading == segment_reading(read_file(files[bare]))


# -- 3. new ground ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, words", [
    ("redirect.html", ("/art/2027/12/1/art_12_345.html", "redirect", "open that address")),
    ("script_page.html", ("script", "save it complete", ".mht")),
    ("notice.csv", ("CSV", ".xlsx")),
])
def test_a_file_holding_no_readable_notice_says_why_in_one_line(name, words, files):
    """A redirect page (``页面跳转中…``), a page whose text a script writes in, a CSV task list: one line naming the file,
    the cause and what to do. Before (main): "no recognisable notice structure" (the redirect), "no text found" (the
    scripted page), "unsupported file type .csv" (each naming no cause or remedy)."""
    with pytest.raises(ReadError) as caught:
        read_file(files[name])
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(files[name]))
    for word in words:
        assert word in message, message


def test_a_strict_open_xml_docx_reads_as_the_twin(files, twin):
    """Word's "Strict Open XML Document" (the ``purl.oclc.org/ooxml`` namespaces). Before (main): "not a readable .docx
    file (KeyError)"; now read as a .docx, the same documents and clauses as the .txt."""
    assert segment_reading(read_file(files["strict.docx"])) == twin


@pytest.mark.parametrize("name", ["listtext.rtf", "trs_style.html", "base64_gb2312.mht", "gb2312_wider.html"])
def test_guards_read_as_the_twin(name, files, twin, f15):
    """Read right already (guards): Word RTF's ``\\listtext`` numbers (each once), a TRS container's own ``<style>`` and
    ``<script>`` (no CSS, no script in any line), a base64 web archive whose charset is in its part's header only, a
    page declaring GB2312 whose bytes are GBK (堃, 喆 decoded)."""
    text = read_file(files[name])
    assert not [line for line in text.split("\n") if "{" in line or "margin" in line or "share" in line], text
    reading = segment_reading(text)
    assert _titles(reading) == _titles(twin)
    clauses = _clauses(reading)
    if name == "gb2312_wider.html":
        assert any(f15.WIDER[2:] in clause[1] for clause in clauses), clauses
        clauses = [clause for clause in clauses if f15.WIDER[2:] not in clause[1]]
    assert clauses == _clauses(twin)
