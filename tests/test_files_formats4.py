"""Files as users download them from government sites, read through the real ``policytag segment``:
a text PDF with scanned pages, a PDF whose fonts have no Unicode map, RTF (Word's GBK RTF and
LibreOffice's), WPS Office files (.wps as a zip, .wpt), a Markdown pipe table in a .txt, a zip of
attachments.

The fixtures in tests/data/formats4/ are ours (invented county 沣禾县), made by ``make_fixtures.py``
beside them; the readings were written down in EXPECTED.md before any reader ran.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import TEST_DATA, refused_line, run_cli
from test_files_formats2 import _segment  # segment --format jsonl|--documents, source dropped

FORMATS4 = TEST_DATA / "formats4"
NOTICE = FORMATS4 / "gas_notice.txt"

#: written down from gas_notice.txt before any reader ran (EXPECTED.md)
GAS_META = ("沣禾县应急管理局关于开展冬季燃气安全检查的通知", "沣应急〔2027〕21号", "沣禾县应急管理局", "2027-11-28")
GAS_CLAUSES = [
    ("preamble", [], "为防范冬季燃气事故，保障群众生命财产安全，现将有关事项通知如下："),
    ("clause", [], "一、各乡镇要在12月20日前完成辖区餐饮场所燃气设施排查，建立隐患台账。"),
    ("clause", [], "二、县住建局要督促燃气企业开展入户安检，发现问题及时整改。"),
    ("clause", [], "三、县市场监管局要加强燃气器具销售环节的监督抽查。"),
]


def _reads_as_the_notice(path: Path) -> None:
    """``path`` gives the reading written down (EXPECTED.md), record for record the .txt's."""
    (doc,) = _segment(path, documents=True)
    assert (doc["title"], doc["doc_number"], doc["issuer"], doc["date"]) == GAS_META
    clauses = _segment(path)
    assert [(c["kind"], c["heading_path"], c["text"]) for c in clauses] == GAS_CLAUSES
    assert clauses == _segment(NOTICE) and [doc] == _segment(NOTICE, documents=True)


# -- PDF ------------------------------------------------------------------------------------------
def test_scanned_pages_of_a_text_pdf_are_named_in_one_warning():
    """Pages 3-4 are pictures without text (a scanned 附件). Before: the notice read from pages 1-2
    and nothing said two pages were not read; now one warning line names them, and the reading is
    the .txt's."""
    path = FORMATS4 / "scanned_pages.pdf"
    out = run_cli("segment", path)
    assert out.returncode == 0, out.stderr
    warnings = [line for line in out.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, out.stderr
    (line,) = warnings
    assert str(path) in line and "pages 3, 4 of 4" in line and "OCR" in line, line
    _reads_as_the_notice(path)


@pytest.mark.parametrize("name", ["garbled_nomap.pdf", "garbled_pua.pdf"])
def test_a_pdf_whose_fonts_have_no_unicode_map_is_refused_with_what_to_do(name):
    """The glyphs show, the text extracts as codes (control characters; private-use characters).
    Before: "no recognisable notice structure" and "no text layer (scanned image?)", the second
    the wrong cure (the page has text, only its map is missing)."""
    line = refused_line(FORMATS4 / name)
    assert "fonts have no Unicode map" in line and "OCR" in line and ".docx/.ofd" in line, line


def test_the_garbled_text_test_keeps_english_and_chinese_text():
    """The judgement behind the refusal: codes read as ASCII punctuation, or Latin-1 letters, with no
    Chinese are codes; an English paragraph and a Chinese notice with a few symbols are text."""
    from policytag.corpus.readers import _garbled

    assert _garbled('"#$%&\'()*+,-./012345678\n"%&9:;:<=:>?\n@ABCDEFG$H@I*JKL\nMMNOP./01QRGSTUVWXYZ23G[')
    assert _garbled("ãæºÌÏØÓ¦¼±¹ÜÀí¾Ö¹ØÓÚ¿ªÕ¹¶¬¼¾È¼Æø°²È«¼ì²éµÄÍ¨Öª")
    assert _garbled("(cid:3)(cid:4)(cid:5)(cid:6)(cid:7)(cid:8)(cid:9)(cid:10)(cid:11)(cid:12)" * 3)
    assert not _garbled("Notice on the winter inspection of gas installations in restaurants, 2027 (No. 21).")
    assert not _garbled(NOTICE.read_text(encoding="utf-8") + "※★●◆□" * 3)


# -- RTF ------------------------------------------------------------------------------------------
def test_a_word_rtf_in_gbk_reads_as_the_notice():
    """\\ansicpg936, the text as \\'xx GBK bytes (two escapes of one character broken over two source
    lines), item 二、 as \\uN? escapes, font table, stylesheet and \\info not read. Before: "an RTF
    file, which is not read: … save it as .docx"."""
    _reads_as_the_notice(FORMATS4 / "gas_notice.rtf")


@pytest.mark.parametrize("name", ["gas_tasks.rtf", "gas_tasks_lo.rtf"])
def test_an_rtf_task_table_reads_as_the_docx_table(name):
    """Word's \\trowd … \\cell … \\row rows (and LibreOffice's RTF of the .docx): one clause per task,
    as the .docx reads. Before: refused."""
    assert _segment(FORMATS4 / name) == _segment(FORMATS4 / "gas_tasks.docx")
    assert _segment(FORMATS4 / name, True) == _segment(FORMATS4 / "gas_tasks.docx", True)
    texts = [c["text"] for c in _segment(FORMATS4 / name)]
    assert texts[1:] == ["1.排查餐饮场所燃气设施（完成时限：12月20日前）", "2.开展燃气用户入户安检（完成时限：12月25日前）"]


def test_an_rtf_category_cell_merged_down_leads_every_task_as_in_the_docx():
    """类别 燃气安全 merged over both rows (\\clvmgf / \\clvmrg; the second cell holds no text). Before:
    task 2 lost its category (2.开展燃气用户入户安检…) where the .docx reads 2.燃气安全：开展…."""
    assert _segment(FORMATS4 / "gas_tasks_merged.rtf") == _segment(FORMATS4 / "gas_tasks_merged.docx")
    texts = [c["text"] for c in _segment(FORMATS4 / "gas_tasks_merged.rtf")]
    assert texts[1:] == ["1.燃气安全：排查餐饮场所燃气设施（完成时限：12月20日前）", "2.燃气安全：开展燃气用户入户安检（完成时限：12月25日前）"]


def test_a_damaged_rtf_is_one_line(tmp_path):
    """A \\u escape past Unicode: before, a crash ("unexpected OverflowError … a bug")."""
    path = tmp_path / "notice.rtf"
    path.write_bytes(b"{\\rtf1\\ansi \\u9999999999 x\\par}")
    assert "not a readable RTF file" in refused_line(path)


def test_an_rtf_that_is_not_one_says_so(tmp_path):
    """A .rtf whose bytes are no RTF (a text export under that name) gets one line, not mojibake."""
    path = tmp_path / "notice.rtf"
    path.write_bytes("沣禾县通知".encode("gbk"))
    assert "not an RTF file" in refused_line(path)


# -- WPS Office -----------------------------------------------------------------------------------
def test_wps_office_files_read_as_their_bytes_also_in_a_folder(tmp_path):
    """A .wpt (WPS 文字 template; here a Word 97-2003 file) and a .wps that is a .docx archive (WPS
    2019 and later) read as the notice, named or in a folder. Before: a folder's .wpt was skipped
    unseen ("no notice files in this directory")."""
    _reads_as_the_notice(FORMATS4 / "gas_notice_zip.wps")
    for name in ("gas_notice.wpt", "gas_notice.rtf"):
        folder = tmp_path / Path(name).suffix[1:]
        folder.mkdir()
        shutil.copy(FORMATS4 / name, folder / name)
        _reads_as_the_notice(folder)


# -- Markdown pipe tables -------------------------------------------------------------------------
def _pipe_table_notice(path: Path) -> None:
    """gas_tasks' notice (EXPECTED.md) with its table typed as a Markdown pipe table in a .txt."""
    import sys

    sys.path.insert(0, str(FORMATS4))
    from make_fixtures import TASKS, TASKS_HEAD, TASKS_TAIL

    table = [f"| {' | '.join(TASKS[0])} |", "|:---:|---|---|---|", *(f"| {' | '.join(row)} |" for row in TASKS[1:])]
    path.write_text("\n".join([*TASKS_HEAD, *table, "", *TASKS_TAIL]) + "\n", encoding="utf-8")


def test_a_markdown_pipe_table_reads_as_the_docx_table(tmp_path):
    """``| 序号 | 工作任务 | 责任单位 | 完成时限 |`` over ``|:---:|---|…``: one clause per task, as the
    .docx's table. Before: the header, the delimiter row and both rows were one clause."""
    path = tmp_path / "gas_tasks.txt"
    _pipe_table_notice(path)
    assert _segment(path) == _segment(FORMATS4 / "gas_tasks.docx")
    assert _segment(path, True) == _segment(FORMATS4 / "gas_tasks.docx", True)


def test_a_tabbed_table_of_numbered_rows_without_a_task_column_reads_row_by_row(tmp_path):
    """序号⇥乡镇⇥餐饮场所数量⇥检查时间 over rows 1, 2: no task table (no task column), yet a table. Before:
    the header and both rows ran together into one clause (also tests/test_genres11.py's
    gr11_inspection_plan_table gap)."""
    head = [ln for ln in NOTICE.read_text(encoding="utf-8").split("\n") if ln.strip()]
    table = ["序号\t乡镇\t餐饮场所数量\t检查时间", "1\t沣水镇\t35家\t12月上旬", "2\t禾丰乡\t18家\t12月中旬"]
    path = tmp_path / "numbered_rows.txt"
    path.write_text("\n".join([*head[:4], *table, *head[-2:]]) + "\n", encoding="utf-8")
    assert [c["text"] for c in _segment(path)] == [GAS_CLAUSES[0][2], "1；沣水镇；35家；12月上旬。", "2；禾丰乡；18家；12月中旬。"]


# -- a zip of attachments -------------------------------------------------------------------------
#: written down before any reader ran (EXPECTED.md)
HOLIDAY = ["沣禾县人民政府办公室关于做好元旦春节期间安全防范工作的通知", "沣政办发〔2027〕30号", "各乡镇人民政府，县政府各部门：",
           "\u3000\u3000元旦春节将至，为确保节日期间全县安全形势稳定，现就有关工作通知如下：",
           "\u3000\u3000一、各乡镇要组织对人员密集场所开展一次消防安全检查。",
           "\u3000\u3000二、县交通运输局要加强客运车辆和驾驶人管理，严防超员超载。", "沣禾县人民政府办公室", "2027年12月3日"]
HOLIDAY_META = ("沣禾县人民政府办公室关于做好元旦春节期间安全防范工作的通知", "沣政办发〔2027〕30号", "沣禾县人民政府办公室", "2027-12-03")


def _docx(lines: list[str], path: Path) -> Path:
    import sys

    sys.path.insert(0, str(FORMATS4))
    from make_fixtures import notice_docx

    notice_docx(lines, path)
    return path


def _attachments(folder: Path) -> list[Path]:
    folder.mkdir()
    files = [_docx([ln for ln in NOTICE.read_text(encoding="utf-8").split("\n") if ln.strip()], folder / "gas_notice.docx"),
             _docx(HOLIDAY, folder / "holiday_notice.docx"), folder / "scanned_pages.pdf"]
    shutil.copy(FORMATS4 / "scanned_pages.pdf", files[-1])
    return files


def test_a_zip_of_attachments_reads_as_its_files_in_a_folder(tmp_path):
    """附件.zip holding two .docx and a PDF: each member read as its own file, named 附件.zip!member.
    Before: "unsupported file type .zip"."""
    import zipfile

    files = _attachments(tmp_path / "loose")
    archive = tmp_path / "附件.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for f in files:
            out.write(f, f.name)
    for documents in ([], ["--documents"]):
        in_zip, loose = run_cli("segment", archive, *documents), run_cli("segment", tmp_path / "loose", *documents)
        assert in_zip.returncode == loose.returncode == 0, in_zip.stderr
        as_loose = {"stdout": in_zip.stdout.replace(f"{archive}!", f"{tmp_path / 'loose'}/"),
                    "stderr": in_zip.stderr.replace(f"{archive}!", f"{tmp_path / 'loose'}/")}
        assert as_loose == {"stdout": loose.stdout, "stderr": loose.stderr}
    docs = _segment(archive, documents=True)
    assert {(d["title"], d["doc_number"], d["issuer"], d["date"]) for d in docs} == {GAS_META, HOLIDAY_META}
    assert f"policytag: warning: {archive}!scanned_pages.pdf: pages 3, 4 of 4" in in_zip.stderr
    sources = {json.loads(line)["source"] for line in run_cli("segment", archive, "--documents").stdout.splitlines()}
    assert sources == {f"{archive}!gas_notice.docx", f"{archive}!holiday_notice.docx"}


def _set_flags(data: bytes, name: bytes, set_bits: int = 0, clear_bits: int = 0) -> bytes:
    """A zip's bytes with the general-purpose flags of member ``name`` changed in its local header
    and its central directory entry (zipfile writes neither GBK names nor encrypted members)."""
    out = bytearray(data)
    # (signature, where the flags, the name's length and the name are): local header, central entry
    for signature, flags_at, length_at, name_at in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        at = out.find(signature)
        while at >= 0:
            length = int.from_bytes(out[at + length_at:at + length_at + 2], "little")
            if bytes(out[at + name_at:at + name_at + length]) == name:
                flags = int.from_bytes(out[at + flags_at:at + flags_at + 2], "little")
                out[at + flags_at:at + flags_at + 2] = ((flags | set_bits) & ~clear_bits).to_bytes(2, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def test_a_zip_made_on_a_chinese_windows_names_its_members_in_chinese(tmp_path):
    """The member 附件一.docx stored as GBK bytes without the UTF-8 flag (7-Zip, WinRAR, Explorer on a
    Chinese Windows): its source is x.zip!附件一.docx, not CP437 mojibake. Before: .zip unsupported."""
    import zipfile

    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(_docx(HOLIDAY, tmp_path / "h.docx"), "附件.docx")  # UTF-8: 11 bytes, as 附件一.docx in GBK
    data = archive.read_bytes().replace("附件.docx".encode("utf-8"), "附件一.docx".encode("gbk"))
    archive.write_bytes(_set_flags(data, "附件一.docx".encode("gbk"), clear_bits=0x800))
    (doc,) = [json.loads(line) for line in run_cli("segment", archive, "--documents").stdout.splitlines()]
    assert doc["source"] == f"{archive}!附件一.docx" and doc["title"] == HOLIDAY_META[0]


def test_bad_members_of_a_zip_are_one_line_each_and_the_rest_reads(tmp_path):
    """A nested zip, a name climbing out of the zip, a zip bomb member, an encrypted member: one error
    line each naming x.zip!member; the good member is read; exit 1. Before: .zip unsupported."""
    import zipfile

    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(_docx(HOLIDAY, tmp_path / "h.docx"), "holiday_notice.docx")
        out.writestr("inner.zip", (FORMATS4 / "gas_notice_zip.wps").read_bytes())
        out.writestr("../escape.docx", (FORMATS4 / "gas_notice_zip.wps").read_bytes())
        out.writestr("locked.docx", (FORMATS4 / "gas_notice_zip.wps").read_bytes())
        with out.open("bomb.txt", "w") as bomb:
            for _ in range(101):
                bomb.write(b"\n" * 2**20)
    archive.write_bytes(_set_flags(archive.read_bytes(), b"locked.docx", set_bits=0x1))
    out = run_cli("segment", archive)
    assert out.returncode == 1
    assert [json.loads(line)["title"] for line in out.stdout.splitlines()][0] == HOLIDAY_META[0]
    errors = [line for line in out.stderr.splitlines() if "error" in line]
    expected = {"../escape.docx": "outside the zip", "bomb.txt": "zip bomb", "inner.zip": "zip inside a zip",
                "locked.docx": "encrypted"}
    assert len(errors) == len(expected), out.stderr
    for member, why in expected.items():
        assert any(f"{archive}!{member}:" in line and why in line for line in errors), (member, out.stderr)


@pytest.mark.parametrize("content, why", [("picture", "a zip holding no notice file"), ("truncated", "not a readable zip")])
def test_a_zip_with_nothing_to_read_is_one_line(tmp_path, content, why):
    import zipfile

    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("seal.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        out.write(_docx(HOLIDAY, tmp_path / "h.docx"), "holiday_notice.docx")
    if content == "picture":
        with zipfile.ZipFile(archive, "w") as out:
            out.writestr("seal.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    else:
        archive.write_bytes(archive.read_bytes()[:-200])
    assert why in refused_line(archive)
