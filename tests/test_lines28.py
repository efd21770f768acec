"""lines28: the line layer (corpus/clean.py; session 23, second round): a 团场 named as a farm signing, an item's last
line closing short of the margin, and pasted copies with line-level quirks.

Notices written for these tests (tests/data/lines28/; invented places and organs, no sentence copied or paraphrased from
a real document), each reading written down before the segmenter was run on it.

What was wrong and is now read right (each test marked "failed on main" failed on main's code):
- a 团场 named as a farm, not by a number (新疆生产建设兵团第十三师红星一场, …第六师芳草湖农场), signing under its 师:
  no organ line (``clean.issuer_line`` knew numbered 团 only), so its notice had no issuer. It now reads the farm as
  corpus/metadata.py's ``_CORPS_REGIMENT_RX`` does (tests/test_metadata_g25.py's i10 is no longer an xfail).
"""

from __future__ import annotations

import pytest

from conftest import TEST_DATA
from policytag.corpus.clean import issuer_line
from policytag.corpus.segment import segment_text

DATA = TEST_DATA / "lines28"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _docs(text: str, name: str = "t.txt"):
    return segment_text(text, name)


# --- 1. a 团场 named as a farm signing --------------------------------------------------------------------------------
@pytest.mark.parametrize("line, signs", [
    ("新疆生产建设兵团第十三师红星一场", True), ("新疆生产建设兵团第六师芳草湖农场", True),  # failed on main
    ("兵团第九师一六一团", True), ("新疆生产建设兵团第十三师", True),  # (as they were)
    ("新疆生产建设兵团第十三师各农场", False),  # (a 师's farms: no one farm)
    ("新疆生产建设兵团第十三师要加强农场", False), ("红星一场", False), ("兵团第十三师市场", False),
])
def test_a_farm_named_regiment_under_its_division_signs(line, signs):
    assert issuer_line(line) is signs


def test_a_farm_named_regiments_notice_has_its_issuer():  # failed on main: issuer None
    text = ("新疆生产建设兵团第六师芳草湖农场关于做好冬季安全生产工作的通知\n\n各连队，场属各单位：\n"
            "入冬以来，气温持续下降，现就有关事项通知如下：\n一、各连队要加强取暖设施检查，严防一氧化碳中毒。\n"
            "二、各单位要落实值班值守制度。\n\n新疆生产建设兵团第六师芳草湖农场\n2027年11月20日\n")
    (doc, clauses), = _docs(text)
    assert doc.issuer == "新疆生产建设兵团第六师芳草湖农场"
    assert not any("芳草湖农场" in c.text for c in clauses)
