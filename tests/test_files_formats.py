"""Notices published as Word 97-2003 binary files (.doc, and .wps of WPS 2003 and later) and as OFD
(GB/T 33190) files read as the same notice's .txt or .docx reads.

The fixtures in tests/data/formats/ are ours: notices of tests/data/genres/ and a task-table notice
written for this test (invented places), set into real files by the scripts beside them
(``make_doc_fixtures.py``: python-docx, then LibreOffice's Word 97-2003 writer; ``make_ofd_fixtures.py``:
an OFD writer following GB/T 33190 and the files real writers produce; see their headers).
Every reading is compared through the real ``policytag segment`` command: each clause record and
the document's metadata (``--documents``) but the file's own name.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import TEST_DATA, cli_in_process, run_cli

from policytag.corpus.readers import expand_paths, read_file
from policytag.corpus.segment import segment_paths

FORMATS = TEST_DATA / "formats"
GENRES = TEST_DATA / "genres"

#: (the binary file, the same notice as text)
WORD_NOTICES = [("safety_committee_notice.doc", GENRES / "safety_committee_notice.txt"),
                ("probe_county_bureau_notice.wps", GENRES / "probe_county_bureau_notice.txt")]


def _segment(*paths, documents: bool = False) -> tuple[list[dict], str, int]:
    """(records, stderr, exit code) of ``policytag segment PATHS`` (``--documents``: the metadata), run in this
    process (the real processes: run_cli below)."""
    out = cli_in_process("segment", *paths, *(["--documents"] if documents else []))
    records = [json.loads(line) for line in out.stdout.splitlines()]
    for record in records:
        record.pop("source", None)  # the file's own name
    return records, out.stderr, out.returncode


@pytest.mark.parametrize("name, text", WORD_NOTICES)
def test_word_binary_notice_segments_as_its_text(name, text):
    """The page header (a gazette's name) and the footer's PAGE field are no part of the main text;
    the link field in the body keeps its shown words (``省安委办``), not its code (HYPERLINK "…")."""
    for documents in (False, True):
        got, err, code = _segment(FORMATS / name, documents=documents)
        want, _, _ = _segment(text, documents=documents)
        assert code == 0, err
        assert got == want and got


def test_word_binary_keeps_only_the_main_text():
    text = read_file(FORMATS / "safety_committee_notice.doc")
    assert "公报" not in text and "PAGE" not in text and "HYPERLINK" not in text
    assert "突发险情30分钟内报告省安委办。" in text


#: written down from the notice (make_doc_fixtures.TASKS_*) before it was read: one clause per task
#: row, the merged 类别 cell on both its rows, the row spanning the table a lead of the rows under it
TASK_CLAUSES = [
    ([], "现将2027年全县安全生产重点工作任务分工印发给你们，请认真抓好落实。", []),
    (["一、重点任务分工"], "1.燃气安全：排查老旧燃气管网和餐饮场所燃气设施（完成时限：6月底前）",
     ["县住建局", "县市场监管局", "各乡镇"]),
    (["一、重点任务分工"], "2.燃气安全：清理违规存放的液化石油气钢瓶（完成时限：9月底前）", ["县住建局", "各乡镇"]),
    (["一、重点任务分工"], "3.地质灾害防治：汛期安全：巡查尾矿库和淤地坝（完成时限：7月15日前）", ["县应急管理局", "县水利局"]),
    (["二、工作要求"], "各牵头单位要于每季度末将任务进展情况报县安委办。", []),
]


def test_task_table_in_a_doc_reads_one_clause_per_task_as_in_the_docx():
    got, err, code = _segment(FORMATS / "task_table.doc")
    assert code == 0, err
    assert [(r["heading_path"], r["text"], r["agencies"]) for r in got] == TASK_CLAUSES
    assert got == _segment(FORMATS / "task_table.docx")[0]
    (doc,), _, _ = _segment(FORMATS / "task_table.doc", documents=True)
    assert (doc["title"], doc["issuer"], doc["doc_number"], doc["date"]) == (
        "松林县安全生产委员会办公室关于印发2027年重点工作任务分工的通知", "松林县安全生产委员会办公室",
        "松安办〔2027〕4号", "2027-03-02")


#: written down from make_doc_fixtures.LIST_NOTICE before it was read: the numbers Word shows
#: (一、 / （一） / 1.) are no characters of the text but a list's, counted per level
LIST_CLAUSES = [
    ([], "为做好汛期安全生产工作，现就有关事项通知如下："),
    (["一、压实安全责任"], "（一）落实企业主体责任。各企业要建立汛期隐患排查制度。"),
    (["一、压实安全责任"], "（二）落实部门监管责任。行业主管部门要开展汛前检查。"),
    (["二、强化应急准备", "（一）完善应急预案"], "1.修订防汛应急预案。"),
    (["二、强化应急准备", "（一）完善应急预案"], "2.开展应急演练。"),
]


def test_word_list_numbers_of_a_doc_read_as_in_the_docx():
    """Without them the headings were bare words (压实安全责任) and the items ran together."""
    got, err, code = _segment(FORMATS / "numbered_list.doc")
    assert code == 0, err
    assert [(r["heading_path"], r["text"]) for r in got] == LIST_CLAUSES
    assert got == _segment(FORMATS / "numbered_list.docx")[0]


def test_hidden_text_of_a_doc_is_no_text():
    """An office template's hidden prompt (sprmCFVanish), which Word shows no reader, as read_docx
    drops ``w:vanish`` runs: it was read into the preamble."""
    assert "模板提示" in (FORMATS / "make_doc_fixtures.py").read_text(encoding="utf-8")
    assert "模板提示" not in read_file(FORMATS / "numbered_list.doc")


@pytest.mark.parametrize("misnamed", ["notice.docx", "notice.pdf", "notice.txt.doc"])
def test_word_binary_under_another_name_is_read_as_what_it_is(tmp_path, misnamed):
    """A .doc served as .docx or .pdf (download sites rename files) is read by its bytes."""
    path = tmp_path / misnamed
    shutil.copy(FORMATS / "safety_committee_notice.doc", path)
    assert _segment(path) == _segment(GENRES / "safety_committee_notice.txt")


def _encrypted(path: Path) -> Path:
    """The fixture with FibBase.fEncrypted set, as Word marks a password-protected .doc."""
    import olefile

    shutil.copy(FORMATS / "safety_committee_notice.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        word[0x0B] |= 0x01  # flags at 0x0A: fEncrypted is bit 8
        ole.write_stream("WordDocument", bytes(word))
    return path


def _truncated(path: Path) -> Path:
    path.write_bytes((FORMATS / "task_table.doc").read_bytes()[:6000])
    return path


def _old_wps(path: Path) -> Path:
    """Not an OLE file: a WPS 2000-era document's bytes (its own binary format)."""
    path.write_bytes(b"WPS2000\x00" + bytes(range(256)) * 8)
    return path


@pytest.mark.parametrize("make, name, reason", [
    (_encrypted, "locked.doc", "encrypted (password-protected) Word file"),
    (_truncated, "cut.doc", "damaged"),
    (_old_wps, "old.wps", "not a Word 97-2003 file (a WPS 2000 or older file"),
])
def test_unreadable_word_file_is_one_line_and_the_run_goes_on(tmp_path, make, name, reason):
    bad = make(tmp_path / name)
    good = FORMATS / "task_table.doc"
    out = run_cli("segment", bad, good)
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0], out.stderr
    assert len({json.loads(line)["doc_id"] for line in out.stdout.splitlines()}) == 1  # the good file's clauses


def test_a_folder_of_downloads_reads_its_doc_and_wps(tmp_path):
    for name, _ in WORD_NOTICES:
        shutil.copy(FORMATS / name, tmp_path / name)
    assert [p.name for p in expand_paths([tmp_path])] == sorted(name for name, _ in WORD_NOTICES)
    result = segment_paths([tmp_path])
    assert not result.errors and len(result.documents) == 2


def test_tag_reads_a_doc_end_to_end(tmp_path, keyword_run):
    out = run_cli("tag", FORMATS / "task_table.doc", "--model", keyword_run, "-o", tmp_path / "rows.jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in (tmp_path / "rows.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == [text for _, text, _ in TASK_CLAUSES]
    assert [(r["agencies"], [d["due"] for d in r["deadlines"]]) for r in rows[1:4]] == [
        (agencies, [due]) for (_, _, agencies), due in zip(TASK_CLAUSES[1:4], ("2027-06-30", "2027-09-30", "2027-07-15"))]


# --- OFD ------------------------------------------------------------------------------------------
OFD_NOTICE = (FORMATS / "probe_county_annual_notice.ofd", GENRES / "probe_county_annual_notice.txt")


def test_ofd_notice_segments_as_its_text():
    """Two pages, each line set in one of five ways (``g N d`` advances, listed advances, a CTM
    scale, a glyph per object, two TextCodes); items running over the page break; the running
    header on the template page and the seal (a stamp annotation) are no text of the notice."""
    for documents in (False, True):
        got, err, code = _segment(OFD_NOTICE[0], documents=documents)
        assert code == 0, err
        assert got == _segment(OFD_NOTICE[1], documents=documents)[0] and got


def test_ofd_text_is_the_pages_own_content():
    text = read_file(OFD_NOTICE[0])
    assert "公报" not in text  # the template page's running header
    assert text.count("青石县人民政府") == 2  # the title's first line and the signature, not the seal


#: written down from make_ofd_fixtures.TASKS_* before the file was read
OFD_TASK_CLAUSES = [
    ([], "为做好汛前安全防范工作，现将排查任务安排如下。", []),
    (["一、排查任务"], "1.排查尾矿库排洪设施和坝体稳定情况（完成时限：5月20日前）", ["县应急管理局"]),
    (["一、排查任务"], "2.检查在建工程深基坑和高边坡支护措施落实情况（完成时限：5月31日前）", ["县住建局"]),  # its task cell wraps
    (["一、排查任务"], "3.清理河道行洪障碍（完成时限：5月31日前）", ["县水利局"]),
    (["二、工作要求"], "各牵头单位要于6月5日前将排查情况报县应急管理局。", []),  # under the table's rules, in its task column
]


def test_ofd_task_table_drawn_as_text_reads_one_clause_per_task():
    got, err, code = _segment(FORMATS / "task_table.ofd")
    assert code == 0, err
    assert [(r["heading_path"], r["text"], r["agencies"]) for r in got] == OFD_TASK_CLAUSES
    (doc,), _, _ = _segment(FORMATS / "task_table.ofd", documents=True)
    assert (doc["title"], doc["issuer"], doc["doc_number"], doc["date"]) == (
        "松林县应急管理局关于开展2027年汛前安全隐患排查的通知", "松林县应急管理局", "松应急〔2027〕6号", "2027-05-06")


def _ofd(path: Path, page: str) -> Path:
    """A one-page OFD package with ``page`` as its page's layer content."""
    import zipfile

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                                    "</ofd:DocBody></ofd:OFD>")
        archive.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:Pages><ofd:Page ID='1' "
                                               "BaseLoc='Pages/Page_0/Content.xml'/></ofd:Pages></ofd:Document>")
        archive.writestr("Doc_0/Pages/Page_0/Content.xml", f"<ofd:Page {ns}><ofd:Content><ofd:Layer ID='2'>{page}"
                                                           "</ofd:Layer></ofd:Content></ofd:Page>")
    return path


def test_ofd_text_code_of_two_lines_reads_as_two_lines(tmp_path):
    """A TextCode that goes back to the margin (a negative DeltaX) and down a line (DeltaY), as
    invoice and form writers set a block, and lines given bottom first: read top to bottom."""
    page = ("<ofd:TextObject ID='3' Boundary='20 60 100 10' Size='5'><ofd:TextCode X='0' Y='5'>第二段在下。"
            "</ofd:TextCode></ofd:TextObject>"
            "<ofd:TextObject ID='4' Boundary='20 40 100 20' Size='5'><ofd:TextCode X='0' Y='5' "
            "DeltaX='g 2 5 -10 g 2 5' DeltaY='g 2 0 7 g 2 0'>第一行第二行</ofd:TextCode></ofd:TextObject>")
    assert read_file(_ofd(tmp_path / "block.ofd", page)).split("\n") == ["第一行", "第二行", "第二段在下。"]


def _cut_ofd(path: Path) -> Path:
    path.write_bytes(OFD_NOTICE[0].read_bytes()[:3000])
    return path


def _scanned_ofd(path: Path) -> Path:
    return _ofd(path, "<ofd:ImageObject ID='3' ResourceID='9' Boundary='0 0 210 297' CTM='210 0 0 297 0 0'/>")


def _no_pages_ofd(path: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'><ofd:DocBody><ofd:DocRoot>"
                                    "Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    return path


@pytest.mark.parametrize("make, name, reason", [
    (_cut_ofd, "cut.ofd", "damaged OFD file"),
    (_no_pages_ofd, "hollow.ofd", "damaged OFD file (no Doc_0/Document.xml)"),
    (_scanned_ofd, "scan.ofd", "OFD has no text (scanned images?)"),
])
def test_unreadable_ofd_is_one_line_and_the_run_goes_on(tmp_path, make, name, reason):
    bad = make(tmp_path / name)
    out = run_cli("segment", bad, FORMATS / "task_table.ofd")
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0], out.stderr
    assert len({json.loads(line)["doc_id"] for line in out.stdout.splitlines()}) == 1


def test_ofd_under_another_name_and_in_a_folder_is_read(tmp_path):
    shutil.copy(OFD_NOTICE[0], tmp_path / "notice.pdf")  # served as .pdf
    assert _segment(tmp_path / "notice.pdf") == _segment(OFD_NOTICE[1])
    folder = tmp_path / "downloads"
    folder.mkdir()
    for source in (OFD_NOTICE[0], FORMATS / "task_table.ofd", FORMATS / "task_table.doc"):
        shutil.copy(source, folder / source.name)
    result = segment_paths([folder])
    assert not result.errors and len(result.documents) == 3


# --- damaged zip packages (.docx, .ofd) -----------------------------------------------------------
def _bad_crc(source: Path, path: Path, words: str) -> Path:
    """``source`` re-stored without compression and one byte of ``words`` in it flipped: the part
    holding them fails its CRC check when read."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as new:
        for name in old.namelist():
            new.writestr(name, old.read(name))
    data = bytearray(buffer.getvalue())
    data[data.index(words.encode("utf-8"))] ^= 1
    path.write_bytes(bytes(data))
    return path


def _new_zip_version(source: Path, path: Path, words: str) -> Path:
    """``source`` with the zip version its parts need set to 22.3 (a garbled central directory)."""
    data = bytearray(source.read_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory entry; its version needed at +6
    data[at + 6] = 223
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("damage, source, reason", [
    (_bad_crc, FORMATS / "task_table.docx", "damaged .docx file (BadZipFile)"),
    (_new_zip_version, FORMATS / "task_table.docx", "damaged .docx file (NotImplementedError)"),
    (_new_zip_version, OFD_NOTICE[0], "damaged OFD file (not a readable zip archive: NotImplementedError)"),
])
def test_a_damaged_zip_package_is_one_line_and_the_run_goes_on(tmp_path, damage, source, reason):
    """A download cut or garbled inside: zipfile's BadZipFile (a part's bad CRC) escaped the .docx
    reader, its NotImplementedError (a version no zip reader knows) the format sniffing, and each
    stopped the whole run as "unexpected … (a bug)", the other files unread."""
    bad = damage(source, tmp_path / f"bad{source.suffix}", "松安办")
    out = run_cli("segment", bad, GENRES / "regulation.txt")
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0], out.stderr
    assert out.stdout.strip()  # regulation.txt's clauses
