"""Files a user from another government sends, read through the real readers and ``policytag segment``:
a .docx keeping a portal's menu as HYPERLINK fields, the cold read of an OFD ruled table, and the formats
probed in tests/data/formats7/ (EXPECTED.md there: the readings written down before any reader ran).

The fixtures are ours (invented places and organs), made by ``tests/data/formats7/make_fixtures.py``.
"""

from __future__ import annotations

import json
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


def test_an_ofd_table_drawn_cell_by_cell_is_grouped_without_comparing_every_pair_of_rules(monkeypatch):
    """A 40-row, 6-column table whose every cell draws its own four borders (960 strokes, as some converters
    draw a table) and a ruled box apart from it. Before: each stroke reached was compared with every stroke not
    yet grouped (134,614 calls of _meet; scipy's version before it every pair, 464,166; 0.6-1 s at load 11); now
    only with those near it, and the groups are those of the pairwise comparison written out here."""
    from policytag.corpus import ofd

    strokes = [("h", 200.0, 20.0, 60.0), ("h", 210.0, 20.0, 60.0), ("v", 20.0, 200.0, 210.0), ("v", 60.0, 200.0, 210.0)]
    for r in range(40):
        for c in range(6):
            x0, x1, y0, y1 = 20 + c * 28, 20 + (c + 1) * 28, 30 + r * 4, 30 + (r + 1) * 4
            strokes += [("h", y0, x0, x1), ("h", y1, x0, x1), ("v", x0, y0, y1), ("v", x1, y0, y1)]
    calls = []
    meet = ofd._meet
    monkeypatch.setattr(ofd, "_meet", lambda one, other: calls.append(1) or meet(one, other))
    groups = ofd._touching_groups(strokes)
    assert len(calls) < 30 * len(strokes), len(calls)
    monkeypatch.undo()
    label = list(range(len(strokes)))  # the pairwise reference: a label per stroke, merged pair by pair
    for m in range(len(strokes)):
        for n in range(m + 1, len(strokes)):
            if meet(strokes[m], strokes[n]) and label[m] != label[n]:
                old = label[n]
                label = [label[m] if x == old else x for x in label]
    reference: dict[int, list[int]] = {}
    for k, x in enumerate(label):
        reference.setdefault(x, []).append(k)
    assert sorted(groups) == sorted(reference.values()) and len(groups) == 2


# -- the winter notice in the formats another government sends (EXPECTED.md, "Probes") ---------------
@pytest.fixture(scope="module")
def winter(tmp_path_factory):
    """formats6's winter_notice.txt (make_fixtures.WINTER_NOTICE) and its reading: the reference of the probes."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("formats6_fixtures", FORMATS6 / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("winter") / "winter_notice.txt"
    path.write_text(module.WINTER_NOTICE, encoding="utf-8")
    from test_files_formats2 import _segment

    return _segment(path, documents=True), _segment(path)


@pytest.mark.parametrize("name", ["winter_spaced.pdf", "winter_iframe.html"])
def test_a_probe_reads_as_the_winter_notice(name, winter):
    """winter_spaced.pdf: the notice's text layer a space after every character (a converter placing each
    character as a word), the task table set out in columns. Before: refused as a scan ("PDF has no text
    layer": no two Chinese characters in a row); then, the two-character cells (序 号, 1 2) kept their spaces
    and the task table read as one run of cells. winter_iframe.html: the body in an <iframe srcdoc="…">.
    Before: frames were dropped, the page read as its menu (title 首页 通知公告, no clause). Now both read
    as winter_notice.txt, record for record."""
    from test_files_formats2 import _segment

    documents, clauses = winter
    assert _segment(FORMATS7 / name, documents=True) == documents
    assert _segment(FORMATS7 / name) == clauses


def test_a_wps_et_saved_as_an_xlsx_archive_reads_as_the_xlsx(tmp_path):
    """WPS 表格 saves .et as an .xlsx archive (the binary .et of older WPS reads by xlrd, as an .xls);
    formats5's task_sheet.xlsx named .et. Before: read_file sent it to openpyxl by its bytes, which refused
    the name ("a spreadsheet that cannot be read (InvalidFileException)"); now it reads as the .xlsx."""
    import shutil

    from policytag.corpus.readers import read_file

    et = tmp_path / "task_sheet.et"
    shutil.copy(TEST_DATA / "formats5" / "task_sheet.xlsx", et)
    assert read_file(et) == read_file(TEST_DATA / "formats5" / "task_sheet.xlsx")


# -- OpenDocument text ----------------------------------------------------------------------------
def _twin(name: str, tmp_path) -> "Path":
    """The .docx an .odt of tests/data/formats7 was saved from (make_fixtures.odt_twins)."""
    import importlib.util

    if name == "fire_tasks_noseq":
        return TEST_DATA / "formats5" / "fire_tasks_noseq.docx"
    if name == "winter_nested":
        return FORMATS6 / "winter_nested.docx"
    folder = {"fire_review": TEST_DATA / "formats5", "winter_restart": FORMATS6}[name]
    spec = importlib.util.spec_from_file_location(f"{name}_fixtures", folder / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path / f"{name}.docx"
    {"fire_review": lambda: module.review_docx(path), "winter_restart": lambda: module.restart_docx(path)}[name]()
    return path


@pytest.mark.parametrize("name", ["fire_review", "fire_tasks_noseq", "winter_nested"])
def test_an_odt_reads_as_the_docx_it_was_saved_from(name, tmp_path):
    """.odt files LibreOffice saved from .docx notices (EXPECTED.md): formats5's reviewed notice (tracked
    changes read accepted; comments, notes, header and footer not read), its ruled task table without 序号 (配合
    单位 merged down: table:covered-table-cell), formats6's notice nested in a layout cell. Before: "unsupported
    file type .odt"; now each reads as its .docx twin, record for record."""
    from test_files_formats2 import _segment

    twin = _twin(name, tmp_path)
    assert _segment(FORMATS7 / f"{name}.odt", documents=True) == _segment(twin, documents=True)
    assert _segment(FORMATS7 / f"{name}.odt") == _segment(twin)


def test_an_odt_named_otherwise_is_read_by_its_bytes(tmp_path):
    """An .odt a download script saved as download.do reads as the .odt (its zip's mimetype says what it is)."""
    import shutil

    from policytag.corpus.readers import read_file

    saved = tmp_path / "download.do"
    shutil.copy(FORMATS7 / "winter_nested.odt", saved)
    assert read_file(saved) == read_file(FORMATS7 / "winter_nested.odt")


def test_an_odt_with_list_numbers_reads_as_the_docx(tmp_path):
    """winter_restart.odt: formats6's restart.docx (一、 and （一） Word list numbers, the （一） list restarting
    under 二) saved by LibreOffice: the numbers are in the list styles (WWNum10/11/20: num-format
    ``一, 二, 三, ...``, prefix （ suffix ）), the 一、 lists chained by ``text:continue-list``, the second （一） list
    restarted by ``text:start-value``. Read without them, 强化隐患排查 was a clause, not the heading
    一、强化隐患排查; now as the .docx, record for record."""
    from test_files_formats2 import _segment

    assert _segment(FORMATS7 / "winter_restart.odt") == _segment(_twin("winter_restart", tmp_path))


# -- a mail ---------------------------------------------------------------------------------------
def test_a_mail_is_read_as_the_notice_it_carries(winter):
    """winter_mail.eml: a cover note (请查收) with the notice's .docx attached under its Chinese name (RFC 2231);
    winter_mail_body.eml: the notice pasted into the mail (text and HTML parts), a picture attached. Before:
    "unsupported file type .eml"; now the attachment is read as a zip's member is, named
    ``winter_mail.eml!<its name>``, the cover note not read, and a mail with no attachment read here is read
    by its own text: both as winter_notice.txt."""
    from test_files_formats2 import _segment
    from test_files_formats2 import run_cli

    documents, clauses = winter
    for name in ("winter_mail.eml", "winter_mail_body.eml"):
        assert _segment(FORMATS7 / name, documents=True) == documents, name
        assert _segment(FORMATS7 / name) == clauses, name
    out = run_cli("segment", FORMATS7 / "winter_mail.eml", "--documents").stdout.splitlines()
    sources = {json.loads(line)["source"] for line in out}
    assert sources == {f"{FORMATS7 / 'winter_mail.eml'}!澄溪市应急管理局关于开展冬春火灾防控工作的通知.docx"}


def test_a_mail_s_bad_attachment_is_one_error_line_naming_it(tmp_path):
    """A mail whose attachment is a truncated .docx: one error line naming ``MAIL.eml!name``, exit 1."""
    from email.message import EmailMessage

    from test_files_formats2 import run_cli

    mail = EmailMessage()
    mail["From"], mail["Subject"] = "office@example.gov.cn", "通知"
    mail.set_content("请查收。")
    mail.add_attachment((FORMATS6 / "winter_nested.docx").read_bytes()[:2000], maintype="application",
                        subtype="octet-stream", filename="通知.docx")
    (tmp_path / "m.eml").write_bytes(bytes(mail))
    out = run_cli("segment", tmp_path / "m.eml")
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("policytag: error:")]
    assert len(errors) == 1 and f"{tmp_path / 'm.eml'}!通知.docx: " in errors[0], out.stderr
