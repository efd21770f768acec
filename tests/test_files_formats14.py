"""A plain table's header row (tests/data/formats14/EXPECTED.md, written before the reader ran): formats13's leftover.

A table that is no task table (a checklist with no 序号, a list of enterprises) read its first row of column labels as
a line of its own, so ``检查项目；检查内容；检查结果。`` was a clause saying nothing. Now a first row of short column labels
(``corpus.tables._label_cell``) over a row of data is left out, as a task table's header is; the rows read as before.
Left out rather than written before each cell (``检查项目：…``): the labels' words (检查, 整改, 标准) would be every
row's measure cues. The fixtures are ours (an invented county), written once for the module by
tests/data/formats14/make_fixtures.py; compared in-process (``read_file``, then ``segment_text``).
"""

from __future__ import annotations

import pytest
from fixture_writers import make_fixtures, segment_reading

from policytag.corpus.readers import read_file
from policytag.corpus.tables import Cell, table_lines


@pytest.fixture(scope="module")
def f14():
    return make_fixtures("formats14")


@pytest.fixture(scope="module")
def files(f14, tmp_path_factory):
    return f14.write_all(tmp_path_factory.mktemp("formats14"))


def _lines(path) -> list[str]:
    return [line for line in read_file(path).split("\n") if line.strip()]


def _row_line(lines: list[str], row: list[str]) -> str:
    """The one line that holds a row's first two cells."""
    found = [line for line in lines if row[0] in line and row[1] in line]
    assert len(found) == 1, (row, lines)
    return found[0]


def _grid(rows: list[list[str]]) -> list[list[Cell]]:
    return [[Cell(object(), (text,) if text else ()) for text in row] for row in rows]


@pytest.mark.parametrize("name, header, rows", [
    ("checklist.docx", "CHECK_HEADER", "CHECK_ROWS"),
    ("checklist.xlsx", "SHEET_HEADER", "SHEET_ROWS"),
    ("plain_list.xlsx", "LIST_HEADER", "LIST_ROWS"),
])
def test_a_plain_tables_header_row_is_no_line(name, header, rows, files, f14):
    """A checklist (检查项目 / 检查内容 / 检查结果, no 序号) in a .docx, an .xlsx 附件's checklist under its title, a list
    of enterprises (企业名称 / 所在地点 / 存在问题 / 整改措施). Before (main): the labels were a line
    (``检查项目；检查内容；检查结果。``); now no line holds a label, and each row is one line, as before."""
    lines = _lines(files[name])
    labels = getattr(f14, header)
    assert not [line for line in lines if any(label in line for label in labels)], lines
    for row in getattr(f14, rows):
        _row_line(lines, row)
    table = [line for line in lines if line not in (f14.TITLE, f14.LEAD, f14.SHEET_TITLE)]
    assert len(table) == len(getattr(f14, rows))


def test_the_header_is_no_clause_and_the_rows_are(files, f14):
    """Segmented, the checklist gives the lead paragraph and one clause per row, none of the column labels."""
    clauses = [item[1] for item in segment_reading(read_file(files["checklist.docx"])) if len(item) == 3]
    assert not [c for c in clauses if "检查项目" in c or "检查结果" in c], clauses
    for row in f14.CHECK_ROWS:
        assert any(row[1] in c for c in clauses)


def test_a_first_row_of_data_stays(files, f14):
    """Guard: a table whose first row is data (液氨储罐区 | 储罐液位计失灵，… ): every row a line, the first too."""
    lines = _lines(files["data_first.docx"])
    for row in f14.DATA_FIRST_ROWS:
        _row_line(lines, row)


def test_a_one_row_table_stays(files, f14):
    """Guard: labels with no row under them (a form left blank): not surely a header, read as before."""
    assert "；".join(f14.CHECK_HEADER) + "。" in _lines(files["one_row.docx"])


def test_a_task_table_reads_as_before(files, f14):
    """Guard: a task table (序号 / 工作任务 / 责任单位 / 完成时限) is still one clause per task, its header left out."""
    lines = _lines(files["tasks.docx"])
    assert [line for line in lines if line not in (f14.TITLE, f14.LEAD)] == [
        f"{seq}.{task}（完成时限：{due}）（责任单位：{unit}）" for seq, task, unit, due in f14.TASK_ROWS]


def test_labels_over_labels_and_a_repeated_header():
    """The rule itself: two rows of labels show no header (both kept); the header repeated further down (a table
    running over pages) goes with the first; a label with a digit or a sentence mark, or a long one, is data."""
    lines = table_lines(_grid([["检查部位", "检查方法"], ["重点部位", "抽查方法"]]))
    assert len(lines) == 2 and lines[0].startswith("检查部位") and lines[1].startswith("重点部位")
    rows = [["检查项目", "存在问题", "整改要求"], ["配电房", "配电柜前未铺设绝缘胶垫", "本周内整改到位"],
            ["检查项目", "存在问题", "整改要求"], ["仓库", "物品堆放距离灯具过近", "立即整改"]]
    assert table_lines(_grid(rows)) == ["配电房；配电柜前未铺设绝缘胶垫；本周内整改到位。", "仓库；物品堆放距离灯具过近；立即整改。"]
    for first in (["2号检查部位", "检查结果"], ["检查项目，部位", "检查结果"], ["液氨储罐区安全检查项目", "检查结果"]):
        lines = table_lines(_grid([first + ["备注"], ["液氨储罐", "液位计失灵，未及时维修", "立即停用"]]))
        assert len(lines) == 2, first


def test_a_unit_column_is_no_agency(files):
    """名称 | 单位 over 燃气 | 立方米 (formats14's strict xfail, fixed by formats15): no 序号, and the 单位 column's cells
    read as no agency, so no task table: no 责任单位 (before: ``燃气（责任单位：立方米）``)."""
    lines = _lines(files["short_rows.docx"])
    assert not [line for line in lines if "责任单位" in line], lines
