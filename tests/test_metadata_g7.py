"""A document's genre says what it is, also for what governments publish around the annual notice
(session 9, meta7): 通告, 通报, 讲话, 会议纪要, 工作总结/报告, 决定, 意见 and 责任清单 read ``other``
before and now read a genre of their own. Documents written for these tests (tests/data/metadata7/*.txt;
invented places and organs, no sentence copied or paraphrased from a real document); each expected
reading was written down before running ``policytag segment`` on the document, and each new value
read ``other`` on the code before.

Decisions (docs: docs/segmentation.md, the ``genre`` row; corpus/metadata.py's docstring):
- The document's own kind decides, as its title ends (``…的通告``, ``…情况的通报``, ``…上的讲话``,
  ``…会议纪要``, ``…工作总结``/``…报告``, ``…的决定``, ``…实施意见``/``…指导意见``, ``…责任清单``/
  ``…任务分工``/``…工作职责``); a title ending ``…的通知`` is a notice (``other``), whatever it mentions
  (``关于开展2027年安全生产工作总结的通知`` is no report, ``…适时通报`` in a body no bulletin).
- A wrapper (``关于印发《…实施意见》的通知``, ``关于转发《…的通报》的通知``) has the enclosed document's genre.
- An annual notice stays ``annual_notice`` when it is titled 意见 or 决定 (``关于进一步加强2027年安全生产
  工作的意见``), as before; the genres of form (预案, 工作要点, 规章, 方案) come first, as before.
- With no title, the body's telltale forms: a speech opens ``同志们：``, minutes ``现将会议议定事项纪要如下``,
  a bulletin ``现将…情况通报如下``, an announcement ``…通告如下`` / ``特此通告``, a decision ``作出如下决定``,
  opinions ``提出如下（实施）意见`` (an annual notice's ``…2027年安全生产工作提出如下意见`` stays annual), a
  government work report ``各位代表：`` / ``向大会报告政府工作``, a summary ``…总结如下``. A duty list has no
  telltale opening: untitled, it stays ``other``.
- A built title (an untitled document's) ends in the genre's plain word: ``蓼湾县人民政府2027年通告``.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA
from test_metadata_probe import assert_document_metadata

DATA = TEST_DATA / "metadata7"

NEW_GENRES = ("announcement", "bulletin", "speech", "minutes", "report", "decision", "opinion", "duty_list")

# file: (title, issuer, region, level, genre, year, date)
DOCUMENTS = {
    "announcement_detour.txt": ("芷川市公安局关于芷川大桥封闭施工期间车辆绕行的通告", "芷川市公安局", "芷川市", "city",
                                "announcement", 2027, "2027-04-20"),
    # no title: 通告如下 / 特此通告; the built title ends in 通告 (before: 蓼湾县人民政府2027年文件)
    "announcement_untitled.txt": ("蓼湾县人民政府2027年通告", "蓼湾县人民政府", "蓼湾县", "county", "announcement", 2027,
                                  "2027-10-25"),
    "bulletin_inspection.txt": ("芷川市安全生产委员会办公室关于2027年第一季度建筑施工安全检查情况的通报",
                                "芷川市安全生产委员会办公室", "芷川市", "city", "bulletin", 2027, "2027-04-08"),
    # a county forwards a city's bulletin: the forwarded document's genre, the forwarding organ's metadata
    "bulletin_forwarded.txt": ("蓼湾县安全生产委员会办公室关于转发《芷川市安全生产委员会办公室关于一起较大道路运输事故的通报》"
                               "的通知", "蓼湾县安全生产委员会办公室", "蓼湾县", "county", "covering_letter", 2027, "2027-06-03"),
    "bulletin_untitled.txt": ("苕岭县安全生产委员会办公室2027年通报", "苕岭县安全生产委员会办公室", "苕岭县", "county",
                              "bulletin", 2027, "2027-03-20"),
    "speech_flood.txt": ("在全县2027年防汛工作会议上的讲话", "蓼湾县人民政府", "蓼湾县", "county", "speech", 2027,
                         "2027-05-12"),
    # the issuer is the organ the title opens with, before the signature (segment.py's documented order; written
    # down as the signing office before running: the one expectation corrected, no genre matter)
    "minutes_district.txt": ("芷川市蘅阳区安全生产委员会2027年第三次全体会议纪要", "芷川市蘅阳区安全生产委员会",
                             "芷川市蘅阳区", "county", "minutes", 2027, "2027-07-22"),
    "minutes_untitled.txt": ("苕岭县人民政府办公室2027年会议纪要", "苕岭县人民政府办公室", "苕岭县", "county", "minutes", 2027,
                             "2027-03-10"),
    "report_summary.txt": ("苕岭县应急管理局2027年工作总结", "苕岭县应急管理局", "苕岭县", "county", "report", 2027,
                           "2027-12-18"),
    # the title's year (2027), signed in 2028
    "decision_commendation.txt": ("芷川市人民政府关于表彰2027年度安全生产先进集体和先进个人的决定", "芷川市人民政府", "芷川市",
                                  "city", "decision", 2027, "2028-01-16"),
    "decision_untitled.txt": ("苕岭县安全生产委员会2027年决定", "苕岭县安全生产委员会", "苕岭县", "county", "decision", 2027,
                              "2027-09-02"),
    "opinion_wrapped.txt": ("蓼湾县人民政府办公室关于印发《蓼湾县关于加强农村自建房安全管理的实施意见》的通知",
                            "蓼湾县人民政府办公室", "蓼湾县", "county", "opinion", 2027, "2027-03-18"),
    "opinion_guiding.txt": ("芷川市应急管理局关于推进危险化学品企业安全风险分级管控的指导意见", "芷川市应急管理局", "芷川市",
                            "city", "opinion", 2027, "2027-05-06"),
    "duty_list_committee.txt": ("苕岭县安全生产委员会成员单位安全生产工作责任清单", "苕岭县安全生产委员会办公室", "苕岭县",
                                "county", "duty_list", 2027, "2027-04-02"),
    "duty_list_wrapped.txt": ("芷川市蘅阳区人民政府办公室关于印发《芷川市蘅阳区2027年安全生产重点工作任务分工》的通知",
                              "芷川市蘅阳区人民政府办公室", "芷川市蘅阳区", "county", "duty_list", 2027, "2027-02-26"),
    # negatives: an annual notice speaking of 讲话精神 and 通报 stays annual; 关于做好…工作的通知 is no bulletin
    "annual_mentions_bulletin.txt": ("苕岭县人民政府关于做好2027年安全生产工作的通知", "苕岭县人民政府", "苕岭县", "county",
                                     "annual_notice", 2027, "2027-02-10"),
    "notice_not_bulletin.txt": ("芷川市应急管理局关于做好2027年汛期安全生产工作的通知", "芷川市应急管理局", "芷川市", "city",
                                "other", 2027, "2027-05-28"),
}
# untitled and unsigned: only the genre is under test here (who spoke, and which year a report
# delivered in one year about the last is for, are no genre's business)
GENRE_ONLY = {"speech_untitled.txt": "speech", "report_untitled.txt": "report"}


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted([*DOCUMENTS, *GENRE_ONLY])


def test_each_new_genre_has_two_documents_and_a_report_name():
    readings = [e[4] for e in DOCUMENTS.values()] + list(GENRE_ONLY.values())
    for genre in NEW_GENRES:
        assert genre in md.GENRES and md.GENRE_NAMES[genre]
        assert readings.count(genre) >= 2, genre
    assert md.GENRES[-1] == "other" and set(md.GENRE_NAMES) == set(md.GENRES)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_metadata(name):
    assert_document_metadata(DATA / name, DOCUMENTS[name])


@pytest.mark.parametrize("name", sorted(GENRE_ONLY))
def test_untitled_document_genre(name):
    result = segment_paths([DATA / name])
    assert not result.errors
    (doc,) = result.documents
    assert doc.genre == GENRE_ONLY[name]
    assert {c.genre for c in result.clauses} == {GENRE_ONLY[name]}


@pytest.mark.parametrize("title, genre", [
    # an organ's 通告 titled by the organ alone, and a 公告
    ("临江市人民政府通告（2027年第2号）", "announcement"),
    ("关于禁止在城区燃放烟花爆竹的公告", "announcement"),
    ("关于2027年第二季度安全生产督查情况的通报", "bulletin"),
    ("临川市安全生产委员会办公室关于东陵区“5·12”较大火灾事故的通报", "bulletin"),
    ("在全市安全生产工作会议上的讲话（摘要）", "speech"),
    ("雁岭县人民政府常务会议纪要", "minutes"),
    ("霁山县2027年政府工作报告（摘要）", "report"),
    ("关于2027年全县安全生产工作情况的报告", "report"),
    ("鹤汀区应急管理局2027年工作总结和2028年工作打算", "report"),
    ("关于对“4·9”较大火灾事故有关责任人员问责处理的决定", "decision"),
    ("中共霁山县委办公室霁山县人民政府办公室关于全面加强乡镇应急管理能力建设的实施意见", "opinion"),
    # a forwarded 意见 (no 《》): the forwarded document's genre
    ("国务院办公厅转发应急管理部关于进一步加强危险化学品安全生产工作意见的通知", "opinion"),
    ("东陵区安全生产委员会成员单位安全生产工作职责清单", "duty_list"),
    ("青石县应急管理局安全生产权责清单（2027年版）", "duty_list"),
    ("青石县森林防灭火指挥部成员单位工作职责", "duty_list"),
    # negatives: annual notices titled 意见 or 决定 stay annual; notices stay notices
    ("东川省人民政府关于进一步加强2027年安全生产工作的意见", "annual_notice"),
    ("关于做好2027年安全生产工作的决定", "annual_notice"),
    ("关于开展2027年安全生产工作总结的通知", "other"),
    ("关于召开全县安全生产工作会议的通知", "other"),
    ("关于征求《临江市安全生产条例（草案）》意见的通知", "other"),
    ("住房和城乡建设部办公厅关于加强城市地下管线施工安全管理的函", "other"),
    ("枫川县餐饮场所燃气安全隐患排查清单", "checklist"),  # a checklist of hazards, no one's duties (meta8)
    # genres of form still come first: an emergency plan's or a plan's title
    ("关于印发《临江市防汛应急预案》的通知", "emergency_plan"),
    ("关于印发《青石县安全生产专项整治实施方案》的通知", "special_plan"),
])
def test_genre_from_the_title(title, genre):
    assert md.genre_of(title, ["一、加强组织领导。"]) == genre


@pytest.mark.parametrize("paragraphs, genre", [
    (["同志们：", "今天召开全市安全生产工作会议。下面，我讲三点意见。"], "speech"),
    (["2027年3月9日，县长主持召开县政府常务会议。现将会议议定事项纪要如下：", "一、会议同意……"], "minutes"),
    (["会议议定事项", "一、由县应急管理局牵头开展执法检查。"], "minutes"),
    (["近期，市安委办对各区县开展了督查。现将督查情况通报如下：", "一、基本情况"], "bulletin"),
    (["为做好森林防火工作，现将有关事项通告如下：", "一、严禁野外用火。", "特此通告。"], "announcement"),
    (["经县安委会研究，作出如下决定：", "一、对该公司予以通报批评。"], "decision"),
    (["为加强农村自建房安全管理，提出如下实施意见。", "一、严格审批。"], "opinion"),
    (["各位代表：", "现在，我代表县人民政府，向大会报告政府工作，请予审议。"], "report"),
    (["2027年，我局各项工作取得积极成效。现将一年来工作总结如下：", "一、主要成效"], "report"),
    # negatives: an annual notice's opinions stay annual; a body that only mentions 通报 or 讲话精神 is none
    (["为做好2027年安全生产工作，现就做好2027年全县安全生产工作提出如下意见：", "一、压实责任。"], "annual_notice"),
    (["要认真学习领会会议讲话精神，对工作不力的予以通报批评。", "一、压实责任。"], "other"),
])
def test_genre_from_an_untitled_body(paragraphs, genre):
    assert md.genre_of(None, paragraphs) == genre


@pytest.mark.parametrize("genre, word", [("announcement", "通告"), ("bulletin", "通报"), ("speech", "讲话"),
                                         ("minutes", "会议纪要"), ("decision", "决定"), ("opinion", "意见"),
                                         ("duty_list", "责任清单")])
def test_a_built_title_ends_in_the_genre_word(genre, word):
    assert md.build_title("苕岭县人民政府", 2027, genre, ["一、压实责任。"], "x") == f"苕岭县人民政府2027年{word}"


def test_a_built_report_title_says_summary_or_report():
    assert md.build_title("苕岭县应急管理局", 2027, "report", ["现将一年来工作总结如下："], "x") == "苕岭县应急管理局2027年工作总结"
    assert md.build_title(None, 2027, "report", ["各位代表："], "x") == "2027年工作报告"


# one county's fireworks documents: its 2026 and 2027 通告 and a 2026 通知 on the same subject
_BAN = """苕岭县人民政府关于春节期间城区禁止燃放烟花爆竹的通告

为保障公共安全，现就春节期间城区禁止燃放烟花爆竹有关事项通告如下：
一、{year}年1月20日至2月28日，县城建成区内禁止燃放烟花爆竹。
二、违反本通告规定的，由公安机关依法处理。
特此通告。

苕岭县人民政府
{year}年1月10日
"""
_BAN_NOTICE = """苕岭县人民政府关于做好春节期间烟花爆竹燃放安全管理工作的通知

各乡镇人民政府，县直各单位：
一、各乡镇要加强烟花爆竹零售网点安全检查。
二、县公安局要严厉打击非法运输、储存烟花爆竹行为。

苕岭县人民政府
2026年1月8日
"""


def test_a_notice_is_no_previous_announcement():
    """Year over year, a 通告 is compared with the government's previous 通告, not with a 通知 on the same
    subject (before: both read ``other`` and the two 2026 documents were pooled as the baseline)."""
    from policytag.corpus.segment import segment_text
    from policytag.inference.yoy import previous_documents

    (ban26, _), = segment_text(_BAN.format(year=2026), "ban_2026.txt")
    (notice26, _), = segment_text(_BAN_NOTICE, "notice_2026.txt")
    (ban27, _), = segment_text(_BAN.format(year=2027), "ban_2027.txt")
    assert (ban26.genre, notice26.genre, ban27.genre) == ("announcement", "other", "announcement")
    assert previous_documents(ban27, [ban26, notice26, ban27]) == [ban26]
