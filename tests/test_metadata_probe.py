"""A probe of each document's title, issuer, region, level, genre and year (issue 17 item 2) on
notices written for these tests (tests/data/genres/m3_*.txt; no real document copied or
paraphrased; the places are invented). Each notice's expected reading was written down before
running ``policytag segment`` on it; each notice here read wrong before corpus/metadata.py's fixes.

Decisions where the notice leaves room (docs: docs/segmentation.md "Document metadata"):
- A 县级市 carries no marker of its own (临川市's numbers read 临政发 as a prefecture's do). What
  tells is whom it writes to: a prefecture-level city sends its notices to 各县（市、区）, a
  county-level city to its 镇 and 街道 — such an addressee, naming no 县 or 区, makes the 市
  ``county``. Without an addressee a 市 named alone stays ``city``.
- 新疆生产建设兵团 has a ladder of its own: the 兵团 is ``province``, a 师 ``city``, a 团
  ``county``; a bare 兵团… or 第X师… is the 兵团's (there is one).
- A 新区 run by a 管理委员会 is a zone (``department``); a 新区 with a 人民政府 is a district.
- A central organ's provincial branch (国家矿山安全监察局山西局) is ``central``, its region the
  province it names.
- A joint notice's issuer lists every organ, in the order printed (ministries too).
- A bare organ (市安委办, 自治区应急管理厅) takes its place from the document number or from an
  issuer line that names it (the signature 临江市安委办), never a place of another tier (县应急管理局
  numbered 青应急 is no 青海省 organ) nor the place of a document it forwards (转发 a city's notice).
- A forwarded document (关于转发…的通知) is the forwarding organ's; its genre is the forwarded
  document's, as an enclosure's is for 关于印发.
- A number's first character may be a province's abbreviation and a county's first character too
  (青安委: 青海省 or 青石县): read as the province's only when the notice is not sent to townships and
  does not speak of 全县/全市 more than of 全省.
- The year is the title's, else the number's …: a year in Chinese digits counts; the year in a
  standard's code (GB 30871—2022) does not; a number of one year whose body plans the next one's
  work (a December notice: 为做好2027年元旦、春节期间…) is for the next year.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA

DATA = TEST_DATA / "genres"

# file: (title, issuer, region, level, genre, year, date)
NOTICES = {
    # a county-level city writing to its towns and street offices; the year in Chinese digits in
    # the title and the opening (before: level city, genre other)
    "m3_county_city_notice.txt": (
        "临川市人民政府关于做好二〇二七年安全生产工作的通知", "临川市人民政府", "临川市", "county", "annual_notice", 2027,
        "2027-01-20"),
    # its bureau, writing to the towns' stations (before: level city)
    "m3_county_city_bureau.txt": (
        "临川市应急管理局关于开展二〇二七年度安全生产执法检查的通知", "临川市应急管理局", "临川市", "county", "other", 2027,
        "2027-02-22"),
    # a division of the 兵团 (before: region None, level department)
    "m3_corps_division_notice.txt": (
        "新疆生产建设兵团第十五师应急管理局关于做好2027年夏收期间安全生产工作的通知", "新疆生产建设兵团第十五师应急管理局",
        "新疆生产建设兵团第十五师", "city", "other", 2027, "2027-06-18"),
    # the 兵团's own safety committee office, number 兵安办 (before: region None, level department)
    "m3_corps_committee_office.txt": (
        "新疆生产建设兵团安全生产委员会办公室关于开展2027年安全生产大检查的通知", "新疆生产建设兵团安全生产委员会办公室",
        "新疆生产建设兵团", "province", "other", 2027, "2027-04-15"),
    # three ministries over the title, set apart by spaces (before: one issuer 应急管理部公安部交通运输部)
    "m3_ministries_joint_notice.txt": (
        "应急管理部公安部交通运输部关于加强2027年危险货物道路运输安全管理的通知", "应急管理部、公安部、交通运输部", "全国",
        "central", "other", 2027, "2027-03-01"),
    # signed 自治区应急管理厅, numbered 蒙应急 (before: issuer 自治区应急管理厅, region 自治区)
    "m3_region_bureau_notice.txt": (
        "关于开展2027年全区危险化学品安全专项检查的通知", "内蒙古自治区应急管理厅", "内蒙古自治区", "province", "other", 2027,
        "2027-03-20"),
    # a 新区's committee (before: level county)
    "m3_new_area_committee.txt": (
        "临江新区管理委员会关于加强2027年汛期安全防范工作的通知", "临江新区管理委员会", "临江新区", "department", "other", 2027,
        "2027-05-30"),
    # a red header and no title: the title is built; the opening tells an annual notice (before:
    # 临江市安全生产委员会2027年文件, genre other)
    "m3_no_title_notice.txt": (
        "临江市安全生产委员会关于2027年安全生产工作的通知", "临江市安全生产委员会", "临江市", "city", "annual_notice", 2027,
        "2027-01-30"),
    # the title names the office bare (市安委办), the signature names its city (before: region None)
    "m3_bare_committee_office.txt": (
        "市安委办关于做好2027年清明节期间安全防范工作的通知", "临江市安全生产委员会办公室", "临江市", "city", "other", 2027,
        "2027-03-28"),
    # a standard's code in the title (before: year 2022)
    "m3_standard_in_title.txt": (
        "临江市应急管理局关于贯彻实施GB 30871—2022《危险化学品企业特殊作业安全规范》的通知", "临江市应急管理局", "临江市",
        "city", "other", 2027, "2027-04-10"),
    # a central organ's provincial branch (before: region 全国)
    "m3_central_branch_notice.txt": (
        "国家矿山安全监察局山西局关于开展2027年煤矿雨季“三防”专项检查的通知", "国家矿山安全监察局山西局", "山西省", "central",
        "other", 2027, "2027-05-20"),
    # a county bureau, signed bare (县应急管理局), forwarding a city bureau's notice; its number's 青
    # is no province's (before: region 临江市 — the forwarded notice's — and level city)
    "m3_forwarded_by_bare_bureau.txt": (
        "关于转发《临江市应急管理局关于开展危险化学品安全专项检查的通知》的通知", "县应急管理局", None, "county", "covering_letter", 2027,
        "2027-03-02"),
    # three ministries stacked over the title, one a line (before: the last one alone)
    "m3_stacked_ministries.txt": (
        "应急管理部工业和信息化部国家市场监督管理总局关于加强2027年电动自行车火灾防范工作的通知",
        "应急管理部、工业和信息化部、国家市场监督管理总局", "全国", "central", "other", 2027, "2027-05-08"),
    # five bureaus over two lines (before: the second line's two only)
    "m3_five_organs_notice.txt": (
        "临江市应急管理局临江市公安局临江市交通运输局临江市住房和城乡建设局临江市市场监督管理局关于开展城镇燃气安全隐患联合排查的通知",
        "临江市应急管理局、临江市公安局、临江市交通运输局、临江市住房和城乡建设局、临江市市场监督管理局", "临江市", "city", "other",
        2027, "2027-04-02"),
    # a 团's committee, its number written with 〇 (before: no issuer, title without the organ)
    "m3_regiment_notice.txt": (
        "第十五师二〇八团安全生产委员会关于开展2027年冬季供暖安全检查的通知", "新疆生产建设兵团第十五师二〇八团安全生产委员会",
        "新疆生产建设兵团第十五师二〇八团", "county", "other", 2027, "2027-10-08"),
    # no title: a plan that names itself (特制定本实施方案) and rules (制定本办法) get a title built with
    # that word (before: 青石县人民政府办公室2027年文件, genre other; …2027年法规规章)
    "m3_untitled_plan.txt": (
        "青石县人民政府办公室2027年实施方案", "青石县人民政府办公室", "青石县", "county", "special_plan", 2027, "2027-03-12"),
    "m3_untitled_rules.txt": (
        "青石县安全生产委员会2027年办法", "青石县安全生产委员会", "青石县", "county", "regulation", 2027, "2027-04-20"),
    # a plan copied without its organ's name (the seal over the date lost): the issuer is read from a
    # number that opens with two characters of the county's name (before: no issuer)
    "m3_two_char_number.txt": (
        "石桥县燃气安全专项整治实施方案", "石桥县人民政府办公室", "石桥县", "county", "special_plan", 2027, "2027-03-15"),
    # a 盟's 行政公署 over its title and in its signature (before: no issuer, no region, no level)
    "m3_league_office_notice.txt": (
        "查干盟行政公署关于做好2027年草原防火工作的通知", "查干盟行政公署", "查干盟", "city", "other", 2027, "2027-03-06"),
    # two ministries signing one a line over the date, no organ over the title (before: the first only)
    "m3_stacked_signature.txt": (
        "关于做好2027年汛期地质灾害防范工作的通知", "应急管理部、自然资源部", "全国", "central", "other", 2027, "2027-05-10"),
    # 'X转发Y关于…的通知' with no 关于 before 转发: the document is X's (before: issuer
    # 青石县人民政府办公室、转发临江市应急管理局 and 国务院、办公厅转发应急管理部)
    "m3_county_forwards_city.txt": (
        "青石县人民政府办公室转发临江市应急管理局关于加强高温天气安全生产工作的通知", "青石县人民政府办公室", "青石县", "county",
        "other", 2027, "2027-07-12"),
    # the forwarded document is an 意见: its genre (session 9, meta7), the forwarding office's metadata
    "m3_state_council_forwards.txt": (
        "国务院办公厅转发应急管理部关于进一步加强危险化学品安全生产工作意见的通知", "国务院办公厅", "全国", "central", "opinion",
        2027, "2027-04-02"),
    # a web copy's number in full-width ［］ (before: no number, so no issuer)
    "m3_bracket_number.txt": (
        "临江市2027年安全生产月活动方案", "临江市安全生产委员会办公室", "临江市", "city", "special_plan", 2027, None),
    # a county's notice whose number opens with 青 (青石县's), copied without its organ: not 青海省's
    # (before: issuer 青海省安全生产委员会, level province); nothing names the county, so no issuer
    "m3_county_number_like_province.txt": (
        "关于做好2027年春节期间安全防范工作的通知", None, None, "county", "other", 2027, None),
    # the autonomous region's notice without its signature, speaking of 全区: its 全区 is the
    # region's, so its number 蒙应急 is still read (fails on the first form of province_guess_fits)
    "m3_region_number_unsigned.txt": (
        "关于开展2027年全区危险化学品安全专项检查的通知", "内蒙古自治区应急管理厅", "内蒙古自治区", "province", "other", 2027,
        None),
    # signed 二〇二六年十二月二十八日, numbered 〔2026〕, for the 2027 holidays (为做好2027年元旦、春节
    # 期间…): the year it is for (before: 2026, the number's)
    "m3_december_for_next_year.txt": (
        "白沙县人民政府办公室关于做好元旦春节期间安全防范工作的通知", "白沙县人民政府办公室", "白沙县", "county", "other", 2027,
        "2026-12-28"),
}


def test_every_m3_notice_is_listed():
    assert sorted(p.name for p in DATA.glob("m3_*.txt")) == sorted(NOTICES)


def assert_document_metadata(path, expected) -> None:
    """One document read from ``path``, its (title, issuer, region, level, genre, year, date) as
    ``expected``, and every clause carrying its issuer, region, level, genre and year."""
    result = segment_paths([path])
    assert not result.errors
    (doc,) = result.documents
    assert (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date) == expected
    for c in result.clauses:  # every row carries its document's metadata
        assert (c.issuer, c.region, c.level, c.genre, c.year) == expected[1:6]


@pytest.mark.parametrize("name", sorted(NOTICES))
def test_document_metadata(name):
    assert_document_metadata(DATA / name, NOTICES[name])


@pytest.mark.parametrize("number, hint, expected", [
    ("晋应急〔2027〕3号", None, ("山西省应急管理厅", "山西省", "province")),
    ("京应急〔2027〕3号", None, ("北京市应急管理局", "北京市", "province")),  # a 直辖市's bureau is a 局
    ("安委办明电〔2027〕3号", None, ("国务院安全生产委员会办公室", "全国", "central")),
    ("应急厅函〔2027〕31号", None, ("应急管理部办公厅", "全国", "central")),
    ("矿安〔2027〕5号", None, ("国家矿山安全监察局", "全国", "central")),
    ("建办质〔2027〕12号", None, ("住房和城乡建设部办公厅", "全国", "central")),
    ("新兵发〔2027〕1号", None, ("新疆生产建设兵团", "新疆生产建设兵团", "province")),  # not 新疆维吾尔自治区's
    ("兵安委〔2027〕1号", None, ("新疆生产建设兵团安全生产委员会", "新疆生产建设兵团", "province")),
    # a district's numbers open with the district's first character, the city's with the city's
    ("东政发〔2027〕1号", "临江市东陵区", ("临江市东陵区人民政府", "临江市东陵区", "county")),
    ("东应急〔2027〕4号", "临江市东陵区", ("临江市东陵区应急管理局", "临江市东陵区", "county")),
    ("临政办发〔2027〕4号", "临江市东陵区", ("临江市人民政府办公室", "临江市", "city")),
    # two characters of the place's name; one where two leave no organ (临安委: 临 + 安委)
    ("石桥府发〔2027〕3号", "重庆市石桥县", ("重庆市石桥县人民政府", "重庆市石桥县", "county")),
    ("东陵政办发〔2027〕3号", "临江市东陵区", ("临江市东陵区人民政府办公室", "临江市东陵区", "county")),
])
def test_issuer_from_document_number(number, hint, expected):
    assert md.issuer_from_number(number, hint) == expected


@pytest.mark.parametrize("raw, issuer, region, level", [
    ("应急管理部　公安部　交通运输部", "应急管理部、公安部、交通运输部", "全国", "central"),
    ("应急管理部公安部市场监管总局", "应急管理部、公安部、市场监管总局", "全国", "central"),
    ("兵团应急管理局", "新疆生产建设兵团应急管理局", "新疆生产建设兵团", "province"),
    ("第十五师应急管理局", "新疆生产建设兵团第十五师应急管理局", "新疆生产建设兵团第十五师", "city"),
    ("新疆生产建设兵团第十五师二〇八团", "新疆生产建设兵团第十五师二〇八团", "新疆生产建设兵团第十五师二〇八团", "county"),
    ("临江新区管委会", "临江新区管理委员会", "临江新区", "department"),
    ("国家矿山安全监察局内蒙古局", "国家矿山安全监察局内蒙古局", "内蒙古自治区", "central"),
    # 城区, 郊区, 矿区 right after a city and before an organ name a district
    ("临江市城区人民政府", "临江市城区人民政府", "临江市城区", "county"),
    ("临江市矿区应急管理局", "临江市矿区应急管理局", "临江市矿区", "county"),
    ("白音旗查干苏木人民政府", "白音旗查干苏木人民政府", "白音旗查干苏木", "department"),  # a township
    # a street office's full name is one organ, the district government's agency
    ("临江市东陵区人民政府东湖街道办事处", "临江市东陵区人民政府东湖街道办事处", "临江市东陵区东湖街道", "department"),
    ("应急管理部消防救援局", "应急管理部消防救援局", "全国", "central"),  # a ministry's own bureau
    ("市委办公室", "市委办公室", None, "city"),  # a bare tier's party office is no central organ
])
def test_issuer_region_and_level(raw, issuer, region, level):
    assert md.normalize_issuer(raw) == issuer
    assert md.issuer_region_level(issuer) == (region, level)


def test_a_bare_autonomous_region_organ_takes_the_hint():
    assert md.normalize_issuer("自治区应急管理厅", region_hint="内蒙古自治区") == "内蒙古自治区应急管理厅"
    assert md.normalize_issuer("自治州人民政府", region_hint="东川省雪山藏族自治州") == "东川省雪山藏族自治州人民政府"
    assert md.split_region("自治区应急管理厅") == ("", "自治区应急管理厅")  # a tier word alone names no place


@pytest.mark.parametrize("region, addressees, level", [
    ("临川市", ["各镇人民政府、街道办事处，市政府各部门："], "county"),
    ("临川市", ["各乡镇（街道），市直有关单位："], "county"),
    ("临江市", ["各县（市、区）人民政府，市政府各部门："], "city"),  # a prefecture-level city
    ("临江市", ["各区人民政府，市政府各部门，各街道办事处："], "city"),  # one of districts only
    ("临江市", [], "city"),  # nothing tells: left as written
    # a 区 of a zone or a community is no district
    ("临川市", ["各镇（街道）、各村（社区），市直有关单位："], "county"),
    ("临川市", ["各镇人民政府、街道办事处，高新区、开发区管委会，市政府各部门："], "county"),
    ("雪山藏族自治州", ["各乡镇人民政府："], "city"),  # a 州 is no county-level city
])
def test_county_level_city_from_its_addressee(region, addressees, level):
    assert md.county_level_city(region, "city", addressees) == level


@pytest.mark.parametrize("title, year_text", [
    ("关于做好二〇二七年安全生产工作的通知", "关于做好2027年安全生产工作的通知"),
    ("关于贯彻实施GB/T 29639-2020的通知", "关于贯彻实施的通知"),
    ("关于执行AQ 3013—2008的通知", "关于执行的通知"),
])
def test_year_text(title, year_text):
    assert md.year_text(title) == year_text
