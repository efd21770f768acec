"""Document metadata left over from session 8's probe (meta5), on documents written for these tests
(tests/data/metadata6/*.txt; invented places and organs, no sentence copied or paraphrased from a real
document). Each expected reading was written down before running ``policytag segment`` on the document;
each failed on the code before the fix it pins.

Decisions (docs: README "Segment notices", document metadata):
- A signing date is read in every form a notice prints it: ``2027年元月5日`` (元月 is January),
  full-width ``２０２７年１月５日``, ``二0二七年一月五日`` (an Arabic 0 typed among Chinese digits) and
  ``2027.1.5`` (a whole line of dotted figures); it is the date line, never a clause.
"""

from __future__ import annotations

import pytest

from policytag.corpus.clean import parse_date
from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA

DATA = TEST_DATA / "metadata6"

_NOTICE = "临江市应急管理局关于做好冬季取暖期煤气安全防范工作的通知"
# file: (title, issuer, region, level, genre, year, date)
DOCUMENTS = {
    # the signing date in four forms (before: each a clause, date None; year None where no other line
    # names one, as here)
    "date_yuanyue.txt": (_NOTICE, "临江市应急管理局", "临江市", "city", "other", 2027, "2027-01-05"),
    "date_fullwidth.txt": (_NOTICE, "临江市应急管理局", "临江市", "city", "other", 2027, "2027-01-05"),
    "date_cn_arabic_zero.txt": (_NOTICE, "临江市应急管理局", "临江市", "city", "other", 2027, "2027-01-05"),
    "date_dotted.txt": (_NOTICE, "临江市应急管理局", "临江市", "city", "other", 2027, "2027-01-05"),
}


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(DOCUMENTS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_metadata(name):
    result = segment_paths([DATA / name])
    assert not result.errors
    (doc,) = result.documents
    assert (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date) == DOCUMENTS[name]
    for c in result.clauses:  # every row carries its document's metadata
        assert (c.issuer, c.region, c.level, c.genre, c.year) == DOCUMENTS[name][1:6]


@pytest.mark.parametrize("name", [n for n in sorted(DOCUMENTS) if n.startswith("date_")])
def test_the_signing_date_is_no_clause(name):
    texts = [c.text for c in segment_paths([DATA / name]).clauses]
    assert texts == ["入冬以来，城乡居民取暖用煤增多。为防范煤气中毒事故，现将有关事项通知如下。",
                     "一、各地要组织排查取暖设施，及时消除隐患。", "二、要加强宣传提醒，引导群众正确使用取暖设备。"]


@pytest.mark.parametrize("text, date", [
    ("2027年元月5日", "2027-01-05"), ("２０２７年１月５日", "2027-01-05"), ("二0二七年一月五日", "2027-01-05"),
    ("2027.1.5", "2027-01-05"), ("２０２７．１２．３１", "2027-12-31"),
    ("二〇二七年元月五日", "2027-01-05"), ("2027年1月5日", "2027-01-05"),  # read before: kept
    ("2027.13.5", None), ("2027.1", None), ("3.14", None),
])
def test_date_forms(text, date):
    assert parse_date(text) == date
