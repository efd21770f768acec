"""Files a user from another government sends, read through the real readers and ``policytag segment``:
a .docx keeping a portal's menu as HYPERLINK fields, the cold read of an OFD ruled table, and the formats
probed in tests/data/formats7/ (EXPECTED.md there: the readings written down before any reader ran).

The fixtures are ours (invented places and organs), made by ``tests/data/formats7/make_fixtures.py``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import TEST_DATA

FORMATS6 = TEST_DATA / "formats6"
FORMATS7 = TEST_DATA / "formats7"


# -- Word -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["winter_nav_fields.docx", "winter_nav_fldsimple.docx"])
def test_a_docx_keeping_a_portal_menu_as_hyperlink_fields_reads_as_the_notice(name):
    """winter_nav_fields.docx / _fldsimple (EXPECTED.md): formats6's winter_nav.docx with each menu entry a
    HYPERLINK field (a complex field, as Word and WPS keep a pasted link; a w:fldSimple) instead of a
    w:hyperlink. Before: only w:hyperlink words counted as links, the menu cell was text and was read first,
    the title 首页通知公告; now the menu is not read and the notice reads as winter_nested.docx, record for record."""
    from test_files_formats2 import _segment

    nav, alone = FORMATS7 / name, FORMATS6 / "winter_nested.docx"
    assert _segment(nav, documents=True)[0]["title"] == "澄溪市应急管理局关于开展冬春火灾防控工作的通知"
    assert _segment(nav, documents=True) == _segment(alone, documents=True)
    assert _segment(nav) == _segment(alone)


# -- OFD ------------------------------------------------------------------------------------------
def test_reading_an_ofd_ruled_table_imports_no_scipy():
    """formats6's fire_tasks_turned.ofd read in a fresh interpreter. Before: grouping the table's rules
    imported scipy.sparse (connected components), 0.2-0.6 s of a cold read whose own work is ~10 ms (cProfile:
    _touching_groups' imports were the whole of the ~227 ms known); now the groups are walked in Python and
    the read imports neither scipy nor numpy, its text unchanged."""
    code = ("import sys; from policytag.corpus.readers import read_file; "
            f"text = read_file({str(FORMATS6 / 'fire_tasks_turned.ofd')!r}); "
            "print(sorted(m for m in ('scipy', 'numpy') if m in sys.modules)); print(len(text))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    from policytag.corpus.readers import read_file

    assert out[0] == "[]", out
    assert int(out[1]) == len(read_file(FORMATS6 / "fire_tasks_turned.ofd")) > 0
