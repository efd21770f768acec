"""genres11: segmentation and document-level reading of what other governments publish (session 11).

Notices written for these tests (tests/data/genres11/; invented places and organs, no sentence copied or
paraphrased from a real document). Each expected reading was written down from the notice before running
the segmenter on it.

What was wrong and is now read right (corpus/segment.py, corpus/clean.py):
- a 信息公开 box row copied as one line, its fields apart by tabs (``成文日期：…⇥发文字号：…⇥发布日期：…``):
  the first key took the whole line as its value, the 发文字号 and 发文机关 after it were lost.
- ``桂塘街道办事处关于…`` signed ``柘川市蓼湾区桂塘街道办事处``: the title's short name was the issuer; the
  signature's full name of the same organ is (tests/test_metadata_g9.py); another organ stays.
- a place signing alone (``蓼湾区`` over the date) was the issuer; a place is no organ: issuer None,
  region and level the place's.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_text

BODY = "为加强辖区安全管理，现将有关事项通知如下：\n一、各单位要在6月底前完成自查。\n二、严禁违规动火作业。\n\n"


def _doc(text: str):
    (doc, _), = segment_text(text, "inline.txt")
    return doc


def test_every_field_of_a_tab_separated_box_row_is_read():
    text = ("索引号：11410000/2025-00112\t发文机关：蓼湾区应急管理局\t成文日期：2025-06-02\n"
            "关于开展夏季高温时段安全检查的通知\n" + BODY)
    doc = _doc(text)
    assert (doc.issuer, doc.region, doc.level, doc.date) == ("蓼湾区应急管理局", "蓼湾区", "county", "2025-06-02")


@pytest.mark.parametrize("title, signature, issuer", [
    # the same organ: the signature's full name (its city and district)
    ("桂塘街道办事处关于开展出租房屋消防检查的通知", "柘川市蓼湾区桂塘街道办事处", "柘川市蓼湾区桂塘街道办事处"),
    # guards: another organ in the title stays the issuer
    ("蓼湾区应急管理局关于开展出租房屋消防检查的通知", "柘川市蓼湾区安全生产委员会办公室", "蓼湾区应急管理局"),
    ("桂塘街道办事处关于开展出租房屋消防检查的通知", "柘川市蓼湾区石岭镇人民政府", "桂塘街道办事处"),
])
def test_the_signature_names_the_titles_organ_in_full(title, signature, issuer):
    assert _doc(f"{title}\n{BODY}{signature}\n2025年5月6日\n").issuer == issuer


def test_a_place_signing_alone_is_no_issuer():
    doc = _doc(f"关于加强汛期河道管理的通知\n{BODY}柘川县\n2025年6月3日\n")
    assert (doc.issuer, doc.region, doc.level) == (None, "柘川县", "county")
