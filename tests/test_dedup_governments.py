"""Near-identical notices of two governments are two notices, not copies of one.

A county often issues its notice from the template of another's (or its city's): the same text with
its own name and document number. ``corpus.dedup`` took such a pair for two copies of one notice
(same year, 4-gram Jaccard >= 0.9) and dropped one: a government disappeared from the run and from
the across-governments comparison. Copies of one notice (its .txt and .pdf, a PDF that lost a
character) still collapse.
"""

from __future__ import annotations

from conftest import TEST_DATA, run_cli

TEMPLATE = (TEST_DATA / "genres" / "county_special_plan.txt").read_text(encoding="utf-8")


def _documents(folder):
    import json

    proc = run_cli("segment", folder, "--documents")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr


def test_a_template_notice_of_another_county_is_kept(tmp_path):
    (tmp_path / "qingshi.txt").write_text(TEMPLATE, encoding="utf-8")
    other = TEMPLATE.replace("青石县", "白沙县").replace("青政办发", "白政办发")
    (tmp_path / "baisha.txt").write_text(other, encoding="utf-8")
    docs, err = _documents(tmp_path)
    assert sorted(d["issuer"] for d in docs) == ["白沙县人民政府办公室", "青石县人民政府办公室"], err
    assert "duplicate" not in err


def test_the_same_county_under_another_number_is_kept(tmp_path):
    # a notice reissued under a new number (a 更正 or a second batch) is another document
    (tmp_path / "a.txt").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEMPLATE.replace("〔2027〕7号", "〔2027〕15号"), encoding="utf-8")
    docs, err = _documents(tmp_path)
    assert sorted(d["doc_number"] for d in docs) == ["青政办发〔2027〕15号", "青政办发〔2027〕7号"], err


def test_copies_of_one_notice_still_collapse(tmp_path):
    # the same notice twice, once with a character lost in a PDF-like copy and the number
    # printed with other brackets: one notice, the other reported as its duplicate
    (tmp_path / "plan.txt").write_text(TEMPLATE, encoding="utf-8")
    lossy = TEMPLATE.replace("〔2027〕7号", "[2027]7号").replace("全面摸清", "全面摸")
    (tmp_path / "plan.html").write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in lossy.splitlines())
                                        + "</body></html>", encoding="utf-8")
    docs, err = _documents(tmp_path)
    assert len(docs) == 1 and docs[0]["source"].endswith("plan.txt"), err
    assert "skipped 1 duplicate notice" in err


def test_a_doc_copy_gives_way_to_the_txt_copy_whatever_the_order(tmp_path):
    # the .doc of a notice given first, its .txt second: the .txt (the text as published) is kept;
    # .doc/.wps/.ofd had no rank and counted as plain text, so whichever came first stayed
    import shutil

    doc = TEST_DATA / "formats" / "safety_committee_notice.doc"
    txt = TEST_DATA / "genres" / "safety_committee_notice.txt"  # the text the .doc was made from
    shutil.copy(doc, tmp_path / "a_notice.doc")
    shutil.copy(txt, tmp_path / "b_notice.txt")
    docs, err = _documents(tmp_path)
    assert len(docs) == 1 and docs[0]["source"].endswith("b_notice.txt"), err
    assert "a_notice.doc (= " in err


def test_a_corrected_text_in_the_same_format_is_a_second_version_not_a_copy(tmp_path):
    # a notice and its corrected reissue (one figure changed, same number), both as typed text: the
    # same reader reading one text twice gives the same text, so a difference is a second version.
    # The first given was kept and the correction dropped as its "duplicate" (one stderr line)
    (tmp_path / "plan.txt").write_text(TEMPLATE, encoding="utf-8")
    fixed = TEMPLATE.replace("全面摸清", "全面彻底摸清")
    assert fixed != TEMPLATE
    (tmp_path / "plan_corrected.txt").write_text(fixed, encoding="utf-8")
    docs, err = _documents(tmp_path)
    assert sorted(d["source"].rsplit("/", 1)[-1] for d in docs) == ["plan.txt", "plan_corrected.txt"], err
    assert "duplicate" not in err
    assert len({d["doc_id"] for d in docs}) == 2  # the second keeps apart under a suffixed id


def test_web_page_suffixes_rank_as_web_pages(tmp_path):
    # a .shtml page (read as a web page since formats3) ranked as plain text: beside the .txt of the same
    # notice the first given was kept; now the .txt is, as beside a .html
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in TEMPLATE.splitlines()) + "</body></html>"
    (tmp_path / "a_plan.shtml").write_text(page, encoding="utf-8")
    (tmp_path / "b_plan.txt").write_text(TEMPLATE, encoding="utf-8")
    docs, err = _documents(tmp_path)
    assert len(docs) == 1 and docs[0]["source"].endswith("b_plan.txt"), err


def test_every_format_read_has_a_copy_rank():
    """Which copy of a notice given twice is kept: every format the readers read has a rank (a .zip is
    read as its members'). The RTF, .wpt and spreadsheet readers came without one, so an .xlsx copy
    ranked with a .txt one and two near-identical .rtf versions were not told apart from two copies."""
    from policytag.corpus.dedup import FORMAT_RANK, LAYOUT_RANK
    from policytag.corpus.readers import SUPPORTED_SUFFIXES

    assert set(SUPPORTED_SUFFIXES) - {".zip"} <= set(FORMAT_RANK)
    assert all(FORMAT_RANK[s] == FORMAT_RANK[".docx"] < LAYOUT_RANK for s in (".rtf", ".wpt", ".xlsx", ".xls", ".et"))
