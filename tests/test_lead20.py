"""The lead's session-20 fix: a notice whose text shows no title, saved under it, is read by its file name.

Found by analyst14's probe (tests/test_reports_analyst14.py, its strict xfail until this fix): a web page's body copied
into ``汀岚省安全生产委员会办公室关于开展2027年安全生产月活动的通知.txt`` was shown with the file name as its title
(``metadata.build_title``'s last resort) but read as no issuer, no level and no year — ``--year 2027`` left it out —
because issuer, year and genre had been read from an empty title before the name was taken. Now a file name that
reads as a title (``clean.title_like``) is the title from the start (``segment._file_name_title``); the doc_id stays
keyed on what the text shows.
"""

from __future__ import annotations

import pytest

from policytag.corpus.readers import ReadError
from policytag.corpus.segment import segment_text

BODY = """各乡镇人民政府，县直有关部门：
　　为切实做好今年汛期安全生产工作，现将有关事项通知如下。
　　一、全面开展隐患排查。各乡镇要对辖区内地质灾害隐患点、山塘水库逐一排查，建立台账。
　　二、落实值班值守制度。汛期实行24小时领导带班和专人值班制度。
"""

NAME = "岚溪县应急管理局关于做好2027年汛期安全生产工作的通知"


def _doc(text: str, source: str):
    docs = segment_text(text, source)
    assert len(docs) == 1
    return docs[0][0]


@pytest.mark.parametrize("source", [f"{NAME}.txt", f"/downloads/{NAME}(1).txt", f"{NAME} - 副本.docx",
                                    f"{NAME}（2）.txt", f"附件.zip!{NAME}.docx", f"通知.eml!{NAME}.pdf"])
def test_a_text_without_a_title_is_read_by_its_file_name(source):
    doc = _doc(BODY, source)
    assert (doc.title, doc.issuer, doc.region, doc.level, doc.year) == (
        NAME, "岚溪县应急管理局", "岚溪县", "county", 2027)


def test_what_the_text_shows_wins_over_the_file_name():
    doc = _doc("桐川市应急管理局关于做好2026年防汛工作的通知\n\n" + BODY, f"{NAME}.txt")
    assert (doc.title, doc.issuer, doc.year) == ("桐川市应急管理局关于做好2026年防汛工作的通知", "桐川市应急管理局", 2026)


@pytest.mark.parametrize("source", ["notice.txt", "附件1.txt", "2027.txt", "新建文本文档.txt", "通知.txt",
                                    "岚溪县应急管理局关于做好汛期工作的通知_20270312.txt"])
def test_a_file_name_that_reads_as_no_title_is_not_read(source):
    doc = _doc(BODY, source)
    # (the body's 各乡镇 / 县直 make it a county's: that much comes from the text, no issuer or year from the name)
    assert doc.issuer is None and doc.year is None


def test_the_doc_id_is_keyed_on_the_file_name_not_on_the_title_taken_from_it():
    # (as for any text without title or number: the name and the year; two copies in two folders are one notice)
    a, b = _doc(BODY, f"/a/{NAME}.txt"), _doc(BODY, f"/b/{NAME}.txt")
    assert a.doc_id == b.doc_id and a.doc_id.startswith("2027-")


def test_a_file_name_makes_no_text_a_notice():
    with pytest.raises(ReadError, match="no recognisable notice structure"):
        segment_text("今天天气很好，我们去公园散步，然后回家吃饭。\n", f"{NAME}.txt")


# --- segment names a folder's files that hold no text, as tag does (analyst15's leftover) ---------------------------

def test_segment_names_the_pictures_of_a_folder_it_leaves_out(tmp_path, capsys):
    from policytag.cli import main

    (tmp_path / f"{NAME}.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "扫描件.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 16)
    (tmp_path / "汇报.pptx").write_bytes(b"PK\x03\x04")
    assert main(["segment", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert f"policytag: {tmp_path}: left out 1 file(s) holding no text to read here: 扫描件.jpg (a picture" in err
    assert "汇报.pptx (" in err
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 3
