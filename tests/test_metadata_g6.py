"""Document metadata left over from session 8's probe (meta5), on documents written for these tests
(tests/data/metadata6/*.txt; invented places and organs, no sentence copied or paraphrased from a real
document). Each expected reading was written down before running ``policytag segment`` on the document;
each failed on the code before the fix it pins.

Decisions (docs: docs/segmentation.md, document metadata):
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
- An unsigned document's issuer, after the signature and the number: the organ its title opens with
  when no 关于 follows (青石县应急管理局安全生产权责清单 -> 青石县应急管理局; 临川市安全生产委员会工作规则 ->
  the committee); a place's 政府工作报告 is its 人民政府's. A speech's is the organ of the speaker's line
  (``临江市人民政府副市长　周立新``: organ, post, name), a signer line like ``县长　周某某``.
- A title line printed whole inside 《》 (``《临江市安全生产约谈办法》``, also with a remark after it) is a
  title, as without them.
- When nothing else gives a year (title, number, the year the body plans, the signing date, years in the
  body), the year of the ``…印发`` line does; the printing date gives no date.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.clean import RE_SIGNER, classify_lines, parse_date
from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA
from test_metadata_probe import assert_document_metadata

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
    # unsigned; the title opens with its organ, no 关于 after it (before: issuer None)
    "duty_list.txt": (
        "青石县应急管理局安全生产权责清单（2027年版）", "青石县应急管理局", "青石县", "county", "duty_list", 2027, None),
    # the speaker's line names organ, post and name (before: issuer None, and the line split the speech
    # into two documents)
    "speech.txt": ("在全市安全生产工作会议上的讲话", "临江市人民政府", "临江市", "city", "speech", 2027, "2027-02-15"),
    # an untitled-looking rules text: its title printed whole inside 《》 (before: no title, one built,
    # ``2027年办法``, region None)
    "title_guillemets.txt": ("《临江市安全生产约谈办法》", None, "临江市", "city", "regulation", 2027, None),
}


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted([*DOCUMENTS, "minutes.txt"])


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_metadata(name):
    assert_document_metadata(DATA / name, DOCUMENTS[name])


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


def test_a_government_work_report_is_the_governments():
    (doc,) = segment_paths([TEST_DATA / "genres5" / "g5_gov_work_report.txt"]).documents
    assert (doc.title, doc.issuer, doc.region, doc.level) == ("霁山县2027年政府工作报告（摘要）", "霁山县人民政府", "霁山县", "county")


@pytest.mark.parametrize("title, organ", [
    ("青石县应急管理局安全生产权责清单（2027年版）", "青石县应急管理局"),
    ("临江市人民政府办公室安全值班制度", "临江市人民政府办公室"),
    ("霁山县2027年政府工作报告（摘要）", "霁山县人民政府"),
    # no organ: a subject after the place (内部, 东部: no organ of three characters; 工作办法 no organ's end)
    ("临江市内部审计工作办法", None), ("临江市东部新城消防规划", None), ("临江市局部地区防汛方案", None),
    ("东陵区城镇燃气事故应急预案", None), ("临江市危险化学品企业安全生产检查表", None),
])
def test_the_organ_a_title_opens_with(title, organ):
    assert md.organ_opening_title(title) == organ


@pytest.mark.parametrize("line, organ", [
    ("临江市人民政府副市长　周立新", "临江市人民政府"), ("青石县应急管理局局长　李明", "青石县应急管理局"),
    ("县长　周某某", None), ("常务副市长　王强", None),
])
def test_a_speakers_line(line, organ):
    kind = classify_lines(line)[0].kind
    m = RE_SIGNER.match(line)
    assert (kind, m.group(1)) == ("signer", organ)
