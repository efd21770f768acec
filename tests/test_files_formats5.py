"""Files as government sites publish them, read through the real ``policytag segment``: a task table
published as an .xlsx spreadsheet (binary .xls/.et and sealed workbooks refused in one line), Word
RTF with text boxes and with rows merged across a table (``\\clmgf``/``\\clmrg``), an OFD table ruled
round its cells without a 序号 column, OFD notes set down the margin glyph by glyph or turned by a CTM.

The fixtures in tests/data/formats5/ are ours (invented county 榆汀县), made by ``make_fixtures.py``
beside them; the readings were written down in EXPECTED.md before any reader ran.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import TEST_DATA, refused_line, run_cli
from test_files_formats2 import _segment  # segment --format jsonl|--documents, source dropped

FORMATS5 = TEST_DATA / "formats5"


def _clauses(path: Path) -> list[tuple]:
    """What a clause says, without the ids (a notice without a number or title keys its id on the
    file's name, so two copies of one such notice differ there)."""
    return [(c["kind"], c["heading_path"], c["text"], c["agencies"]) for c in _segment(path)]


# -- a spreadsheet --------------------------------------------------------------------------------
def test_an_xlsx_task_table_reads_as_its_text_copy():
    """task_sheet.xlsx (EXPECTED.md): a title merged across, 序号 as numbers, a date cell, a hidden
    sheet. Before: refused ("a spreadsheet … which is not read"); now its title line and one clause
    per task, as the same table typed with tabs in task_sheet.txt reads (the date as 2027年8月15日, the
    hidden sheet's 是 / 否 not read)."""
    from policytag.corpus.readers import read_file

    sheet, text = FORMATS5 / "task_sheet.xlsx", FORMATS5 / "task_sheet.txt"
    assert read_file(sheet) == read_file(text).rstrip("\n")
    got = _clauses(sheet)
    assert got == _clauses(text)
    # (the caption …任务分解表 is the title since session 13; it was a preamble clause with no agency)
    assert [agencies for *_, agencies in got] == [["各乡镇"], ["县消防救援大队"], ["县商务局"]]
    assert got[-1][2] == "3.督促商场超市落实主体责任（完成时限：2027年8月15日）"


def test_an_xls_reads_as_the_xlsx():
    """task_sheet.xls: the same workbook in Excel 97-2003's format (EXPECTED.md). Before: refused ("a
    spreadsheet in a binary format … save it as .xlsx"); now the .xlsx's text and clauses."""
    from policytag.corpus.readers import read_file

    assert read_file(FORMATS5 / "task_sheet.xls") == read_file(FORMATS5 / "task_sheet.xlsx")
    assert _clauses(FORMATS5 / "task_sheet.xls") == _clauses(FORMATS5 / "task_sheet.xlsx")


def test_a_folder_reads_its_xlsx(tmp_path):
    """A folder of downloads with the task list as .xlsx beside the notice. Before: the .xlsx was
    skipped unseen (a folder with nothing else: "no notice files"); now it is read with the rest."""
    shutil.copy(FORMATS5 / "task_sheet.xlsx", tmp_path / "附件2.xlsx")
    shutil.copy(FORMATS5 / "fire_notice.txt", tmp_path / "通知.txt")
    out = run_cli("segment", tmp_path, "--documents")
    assert out.returncode == 0, out.stderr
    assert sorted(Path(line.split('"source": "')[1].split('"')[0]).name for line in out.stdout.splitlines()) \
        == ["通知.txt", "附件2.xlsx"]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)  # an OLE file's header: .xls, .et, an encrypted .xlsx


@pytest.mark.parametrize("name, data, words", [
    ("tasks.xls", OLE, "save it as .xlsx and read that"),
    ("tasks.et", OLE, "save it as .xlsx and read that"),
    ("tasks.xlsx", OLE, "encrypted workbook"),  # Excel stores a workbook with a password as an OLE file
    ("cut.xlsx", None, "save it again as .xlsx"),  # a download cut short
])
def test_a_spreadsheet_that_cannot_be_read_says_what_to_do_in_one_line(tmp_path, name, data, words):
    """Before: each said to copy the notice text into a .docx or .txt, though an .xlsx is read now."""
    from policytag.corpus.readers import SUPPORTED_SUFFIXES

    path = tmp_path / name
    path.write_bytes(data if data is not None else (FORMATS5 / "task_sheet.xlsx").read_bytes()[:3000])
    line = refused_line(path)
    assert words in line and "spreadsheet" in line.replace("workbook", "spreadsheet"), line
    assert ", ".join(SUPPORTED_SUFFIXES) in line, line


def test_a_zip_named_xlsx_without_a_workbook_is_one_line(tmp_path):
    """A zip with an xl/ folder but no workbook part (a broken export): one line, no traceback."""
    path = tmp_path / "tasks.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    line = refused_line(path)
    assert "spreadsheet that cannot be read" in line, line


# -- RTF ------------------------------------------------------------------------------------------
def test_rtf_text_boxes_are_read_before_their_paragraph():
    """fire_textbox.rtf: the number, and the signature with the date, in Word text boxes (\\shp …
    \\shptxt, with the \\shprslt fallback). Before: both boxes skipped (striprtf ignores shapes), so
    no number and no date; now the .txt's reading, record for record."""
    path = FORMATS5 / "fire_textbox.rtf"
    assert _segment(path, documents=True) == _segment(FORMATS5 / "fire_notice.txt", documents=True)
    assert _segment(path) == _segment(FORMATS5 / "fire_notice.txt")


def test_rtf_rows_merged_across_lead_their_tasks_as_in_the_docx():
    """fire_tasks_sections.rtf: category rows merged across the table (\\clmgf, \\clmrg). Before:
    such a row read as four cells, its text in the 序号 column, and the category was lost; now each
    task under it is led by it, as in the .docx twin."""
    rtf, twin = FORMATS5 / "fire_tasks_sections.rtf", FORMATS5 / "fire_tasks_sections.docx"
    got = _segment(rtf)
    assert got == _segment(twin) and _segment(rtf, True) == _segment(twin, True)
    assert [c["text"].split("：")[0] for c in got[1:]] == ["1.人员密集场所", "2.高层建筑和商业场所", "3.高层建筑和商业场所"]


# -- OFD ------------------------------------------------------------------------------------------
def test_an_ofd_ruled_table_without_a_seq_column_reads_as_the_docx_table():
    """fire_tasks_noseq.ofd: a table ruled round its cells, 工作任务 | 牵头单位 | 配合单位 | 完成时限 (no 序号),
    task cells wrapped, a 配合单位 merged down over two tasks. Before: the OFD reader read a table by
    position only under a 序号 header, so the whole table was one clause of run-together words; now
    one clause per task as in the .docx twin, the merged 配合单位 in both tasks' agencies."""
    ofd, twin = FORMATS5 / "fire_tasks_noseq.ofd", FORMATS5 / "fire_tasks_noseq.docx"
    assert _segment(ofd, documents=True) == _segment(twin, documents=True)
    # the preamble is wrapped once before the table, which the cleaner leaves as two (EXPECTED.md), so
    # the tasks' spans differ: their content is compared
    tasks = [t for t in _clauses(ofd) if t[0] == "clause"]
    assert tasks == [t for t in _clauses(twin) if t[0] == "clause"]
    assert [agencies for *_, agencies in tasks] == [["各乡镇", "县消防救援大队"], ["县消防救援大队", "县住建局"],
                                                    ["县商务局", "县住建局"]]
    assert tasks[0][2] == "开展人员密集场所消防设施排查并建立问题清单（完成时限：7月15日前）"


#: the margin note 此件公开发布 set top to bottom beside the body (EXPECTED.md): a glyph per
#: TextObject, each 6 mm under the one before; one TextObject turned a quarter by its CTM
NOTE = "此件公开发布"
TURNED_NOTES = {
    "glyphs": "".join(f"<ofd:TextObject ID='{20 + k}' Boundary='185 {45 + 6 * k} 8 8' Size='5'><ofd:TextCode X='0' "
                      f"Y='5'>{ch}</ofd:TextCode></ofd:TextObject>" for k, ch in enumerate(NOTE)),
    "ctm": "<ofd:TextObject ID='20' Boundary='185 45 8 40' CTM='0 1 -1 0 0 0' Size='5'><ofd:TextCode X='5' Y='0' "
           f"DeltaX='g {len(NOTE) - 1} 6'>{NOTE}</ofd:TextCode></ofd:TextObject>",
}


@pytest.mark.parametrize("how", sorted(TURNED_NOTES))
def test_ofd_text_set_down_the_page_glyph_by_glyph_or_by_its_ctm_is_one_line(tmp_path, how):
    """Before: each glyph of the note stood on a baseline of its own, 此 joined the body line beside it
    (各乡镇要落实消防安全责任。 此) and the others were lines of one glyph; now the note is one line after
    the body line it starts beside, as formats2's DeltaY and ReadDirection notes are."""
    from test_files_formats2 import _line, _ofd

    from policytag.corpus.readers import read_file

    page = (_line(3, 30, "榆汀县安全生产委员会办公室关于做好消防工作的通知") + _line(4, 50, "各乡镇要落实消防安全责任。")
            + _line(5, 60, "各村要清理房前屋后可燃物。") + TURNED_NOTES[how])
    assert read_file(_ofd(tmp_path / "note.ofd", page)).split("\n") == [
        "榆汀县安全生产委员会办公室关于做好消防工作的通知", "各乡镇要落实消防安全责任。", NOTE, "各村要清理房前屋后可燃物。"]


def test_a_sheet_formatted_to_its_last_cell_reads_its_text_only(tmp_path):
    """One formatted empty cell at XFD1048576 (Excel leaves them where a whole column was formatted)
    makes the used rectangle 17 billion positions; the sheet is read from the cells it stores."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from policytag.corpus.readers import read_file

    book = Workbook()
    book.active.append(["序号", "工作任务"])
    book.active.append([1, "排查消防设施"])
    book.active.cell(1048576, 16384).font = Font(bold=True)
    book.save(tmp_path / "far.xlsx")
    assert read_file(tmp_path / "far.xlsx") == "1.排查消防设施。"  # a task table of one task


def test_a_workbook_unpacking_past_100_mb_is_one_line(tmp_path):
    """A sheet part of 120 MB of spaces (a zip bomb: a few hundred kB packed) is refused before
    openpyxl unpacks it, as a zip of attachments' member is."""
    path = tmp_path / "bomb.xlsx"
    shutil.copy(FORMATS5 / "task_sheet.xlsx", path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet9.xml", b" " * (120 * 2**20))
    line = refused_line(path)
    assert "unpacks to over 100 MB" in line, line


# -- Word -----------------------------------------------------------------------------------------
def test_empty_content_controls_showing_their_prompt_are_not_read():
    """placeholder.docx (EXPECTED.md): the number in a filled content control (read), two controls
    left empty showing their prompts (w:showingPlcHdr). Before: 单击或点击此处输入文字。 and （请输入附件名称）
    were two clauses, and item 三 their heading; now the .txt's reading, record for record."""
    path = FORMATS5 / "placeholder.docx"
    assert _segment(path, documents=True) == _segment(FORMATS5 / "fire_notice.txt", documents=True)
    assert _segment(path) == _segment(FORMATS5 / "fire_notice.txt")
