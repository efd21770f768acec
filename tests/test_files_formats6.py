"""Files a user from another government sends, read through the real readers and ``policytag segment``:
spreadsheets refused in one wording and unpacked under a cap whatever their zip declares, a task table
whose agency column is headed 单位, an OFD table on a page turned a quarter, and the formats probed in
tests/data/formats6/ (EXPECTED.md there: the readings written down before any reader ran).

The fixtures are ours (invented places and organs), made by ``tests/data/formats6/make_fixtures.py``
or written in the test from formats5's committed ones.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from conftest import TEST_DATA, refused_line

FORMATS5 = TEST_DATA / "formats5"
FORMATS6 = TEST_DATA / "formats6"


# -- a spreadsheet that is not read ----------------------------------------------------------------
def _encrypted_xls(path: Path) -> Path:
    """formats5's task_sheet.xls with a FILEPASS record (0x002F: "this workbook is encrypted") where
    its INTERFACEHDR record stood, the record an encrypted workbook carries after its BOF; same size,
    so the OLE stream is rewritten in place."""
    import olefile

    shutil.copy(FORMATS5 / "task_sheet.xls", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream("Workbook").read())
        at = 4 + struct.unpack_from("<H", data, 2)[0]  # after the BOF record
        assert struct.unpack_from("<H", data, at)[0] == 0x00E1  # INTERFACEHDR, 2 bytes
        struct.pack_into("<H", data, at, 0x002F)
        ole.write_stream("Workbook", bytes(data))
    return path


def test_an_encrypted_xls_is_refused_in_the_xlsx_wording(tmp_path):
    """Before: an encrypted .xls said "save it as .xlsx and read that", an encrypted .xlsx "save it as .xlsx
    without a password": two wordings of one refusal. Now one helper words both, the password named."""
    xls = refused_line(_encrypted_xls(tmp_path / "tasks.xls"))
    sealed = tmp_path / "tasks.xlsx"
    sealed.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))  # Excel seals a workbook with a password so
    xlsx = refused_line(sealed)
    tail = "open it in WPS or Excel, save it as .xlsx without a password and read that (the formats read are"
    assert "an encrypted workbook: " + tail in xls, xls
    assert tail in xlsx, xlsx


def _state_size(path: Path, member: str, size: int) -> None:
    """Make the zip at ``path`` state ``size`` as ``member``'s unpacked size, in its local header and its
    central directory entry, its bytes and CRC left as they are (a writer that got the size wrong)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for mark, name_len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        at = data.find(mark)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + name_len_at)[0]
            if data[at + name_at:at + name_at + length] == name:
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(mark, at + 4)
    path.write_bytes(bytes(data))


def test_a_workbook_whose_zip_states_3_gb_is_read_by_what_it_unpacks_to(tmp_path):
    """task_sheet.xlsx with its sheet part's header stating 3 GB, its 2 kB of XML unchanged. Before: refused
    ("unpacks to over 100 MB (3072 MB or more) … a zip bomb?") on the stated size alone; now the sizes are
    counted as the parts unpack (capped at 100 MB, formats5's bomb still refused), so it reads as the
    workbook does."""
    from policytag.corpus.readers import read_file

    path = tmp_path / "tasks.xlsx"
    shutil.copy(FORMATS5 / "task_sheet.xlsx", path)
    _state_size(path, "xl/worksheets/sheet1.xml", 3 * 2**30)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 3 * 2**30
    assert read_file(path) == read_file(FORMATS5 / "task_sheet.xlsx")


# -- a duty list whose organ column is headed 单位 -------------------------------------------------
def test_a_duty_list_headed_by_a_bare_danwei_names_each_row_s_organ_as_its_agency(tmp_path):
    """An .xlsx duty list (成员单位安全生产工作职责) of 序号 | 单位 | 安全生产工作职责, the organs invented. Written
    down first: one clause per row, its organ in ``agencies`` and out of the text. Before: the bare 单位
    column had no role, so each row kept （单位：县林业局） in its text and named no agency."""
    from openpyxl import Workbook

    from policytag.corpus.segment import segment_paths

    book = Workbook()
    for row in (["序号", "单位", "安全生产工作职责"], [1, "栎川县林业局", "负责林区防火和林业生产安全监督管理。"],
                [2, "栎川县文化旅游局", "负责A级旅游景区和文化娱乐场所安全监督管理。"]):
        book.active.append(row)
    book.save(tmp_path / "duties.xlsx")
    result = segment_paths([tmp_path / "duties.xlsx"])
    assert not result.errors, result.errors
    assert [(c.text, c.agencies) for c in result.clauses] == [
        ("1.负责林区防火和林业生产安全监督管理。", ("栎川县林业局",)),
        ("2.负责A级旅游景区和文化娱乐场所安全监督管理。", ("栎川县文化旅游局",))]


# -- OFD ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["fire_tasks_turned.ofd", "fire_tasks_turned_ccw.ofd"])
def test_an_ofd_table_on_a_page_turned_a_quarter_reads_as_the_docx_table(name):
    """fire_tasks_turned.ofd (EXPECTED.md): formats5's ruled table without a 序号 column on a landscape page
    turned a quarter onto a portrait one (every object's CTM ``0 1 -1 0 …``; _ccw: ``0 -1 1 0 …``, its lines
    running up the page). Before: each turned object was a
    vertical note, a line of its own, and the rules a table of the landscape columns (工作任务 read as one row
    of the task cells); now the page is read in its turned frame: one clause per task as in the .docx twin,
    the merged 配合单位 in both tasks' agencies."""
    from test_files_formats2 import _segment

    ofd, twin = FORMATS6 / name, FORMATS5 / "fire_tasks_noseq.docx"
    assert _segment(ofd, documents=True) == _segment(twin, documents=True)
    tasks = [(c["heading_path"], c["text"], c["agencies"]) for c in _segment(ofd) if c["kind"] == "clause"]
    assert tasks == [(c["heading_path"], c["text"], c["agencies"]) for c in _segment(twin) if c["kind"] == "clause"]
    assert [agencies for *_, agencies in tasks] == [["各乡镇", "县消防救援大队"], ["县消防救援大队", "县住建局"],
                                                    ["县商务局", "县住建局"]]


# -- Word -----------------------------------------------------------------------------------------
def test_a_docx_keeping_a_portal_menu_beside_the_notice_reads_as_the_notice():
    """winter_nav.docx (EXPECTED.md, probes): a portal page pasted into Word, a layout table whose first cell is
    the site's menu (首页 / 通知公告, each a hyperlink) beside the cell holding the notice and its nested task table.
    Before: the menu was read first, and the title was 首页通知公告; now the menu is not read and the notice reads
    as winter_nested.docx (the notice alone in one layout cell), record for record."""
    from test_files_formats2 import _segment

    nav, alone = FORMATS6 / "winter_nav.docx", FORMATS6 / "winter_nested.docx"
    assert _segment(nav, documents=True) == _segment(alone, documents=True)
    assert _segment(nav) == _segment(alone)
    assert _segment(nav, documents=True)[0]["title"] == "澄溪市应急管理局关于开展冬春火灾防控工作的通知"
