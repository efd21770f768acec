"""Document metadata left over from session 8's probe (meta5), on documents written for these tests
(tests/data/metadata6/*.txt; invented places and organs, no sentence copied or paraphrased from a real
document). Each expected reading was written down before running ``policytag segment`` on the document;
each failed on the code before the fix it pins.

Decisions (docs: README "Segment notices", document metadata):
- A signing date is read in every form a notice prints it: ``2027年元月5日`` (元月 is January),
  full-width ``２０２７年１月５日``, ``二0二七年一月五日`` (an Arabic 0 typed among Chinese digits) and
  ``2027.1.5`` (a whole line of dotted figures); it is the date line, never a clause.
- A document number printed in the imprint (after ``抄送：…`` or the ``…印发`` line, with only imprint lines
  or nothing after it) is the notice's own, not a next notice's header.
- An unsigned notice's issuer, as the last resort, is the organ whose office prints it (``临江市应急管理局
  办公室　…印发`` -> 临江市应急管理局); a government's office (人民政府/行政公署/委员会 办公室) names none, as it
  prints its own notices too.
- A year the body names (做好/开展/关于2026年…, 2026年安全生产工作) is the notice's year only when it is not
  before the signing date's year: an earlier one names what the notice looks back on (minutes signed
  2027-03-02 that heard 关于2026年全市安全生产工作情况的汇报 are 2027's). The title's and the number's
  year still come first (关于表彰2026年度…的决定 is 2026's).
- When nothing else gives a year (title, number, the year the body plans, the signing date, years in the
  body), the year of the ``…印发`` line does; the printing date gives no date.
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
    # the number printed in the imprint, between 抄送 and the 印发 line (before: a new, empty document,
    # lost: number None, issuer None); the 印发 line's office is the bureau's, whose notice it prints
    "number_in_imprint.txt": (
        "关于开展2027年粉尘涉爆企业安全检查的通知", "临江市应急管理局", "临江市", "city", "other", 2027, None),
    # signed with no date under the signature: the year of the 印发 line (before: year None); the printing
    # date is no signing date
    "year_in_printed_only.txt": (
        "关于加强夏季高温时段户外作业安全防护的通知", "青石县应急管理局", "青石县", "county", "other", 2027, None),
}


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted([*DOCUMENTS, "minutes.txt"])


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


def test_a_number_in_the_imprint_is_the_notices():
    (doc,) = segment_paths([DATA / "number_in_imprint.txt"]).documents
    assert doc.doc_number == "临应急〔2027〕12号"


def test_minutes_are_the_year_they_were_signed():
    # the header's organ and date 2027-03-02; the body heard 关于2026年…的汇报 (before: year 2026)
    (doc,) = segment_paths([DATA / "minutes.txt"]).documents
    assert (doc.title, doc.year, doc.date) == ("临江市安全生产委员会第一次全体会议纪要", 2027, "2027-03-02")
