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
