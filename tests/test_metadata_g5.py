"""Document metadata of documents of every kind of government (session 8), on documents written for
these tests (tests/data/metadata5/*.txt; invented places and organs, no sentence copied or
paraphrased from a real document). Each expected reading was written down before running
``policytag segment`` on the document; each failed on the code before the fix it pins.

Decisions (docs: docs/segmentation.md, document metadata):
- A region ends at its administrative unit: 东陵区城镇燃气…预案 is 东陵区's (城镇 is the subject, as
  are 乡镇, 景区, 小区, 农贸市场, 重点区域, 美丽乡村, 创建省级…, and tiers named together: 县乡两级,
  区县); a town named …城镇 has its own name before it (古城镇).
- The prefecture-level cities with no county or district (东莞市, 中山市, 嘉峪关市, 儋州市) write to
  their towns and street offices as a county-level city does, and stay ``city``.
- An enterprise (a state-owned 集团公司 too) is ``department`` whoever owns it: 中国…集团有限公司 is
  no central organ. Its region is the place its name opens with (临江市城市建设投资集团有限公司 ->
  临江市), none for a national group's name (中国…, 国家…).
- 行署 is a 地区's or 盟's 行政公署 (spelt out, as 安委会 is).
- 在全市…会议上的讲话 names no place (全市 is the whole of one the title does not name).
- A title printed whole inside 《》 reads as without them (place, genre, organ).
- A county-level city's addressee 各镇（区）人民政府、街道办事处 counts zones with its towns: the
  （区） after 镇/乡/街道 is no district (a prefecture's districts come with its counties: 各县（区）).
- A county's number opening with a province's abbreviation (青应急: 青海省? 青石县?) is no
  province's when the notice goes to townships, also when the addressee lists the units the higher
  tiers keep in the county (中央、省、市驻县各单位): a province writes to its cities.
- The supreme court and procuratorate and the 中央… organs named without 中共 (中央网信办, 共青团中央)
  are ``central``.
- A 通告/公告 titled by its organ alone (临江市人民政府通告, also with （2027年第2号）) is that organ's.
- A zone is ``department`` under its short names too (经开区, 综保区, 保税区, 自贸试验区, 临空经济区,
  度假区…), and any 区 run by a 管委会/管理委员会/党工委 is a zone: a district has a 人民政府.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from test_metadata_probe import assert_document_metadata

DATA = TEST_DATA / "metadata5"

# file: (title, issuer, region, level, genre, year, date)
DOCUMENTS = {
    # unsigned, undated: the place the title opens with, not 东陵区城镇 (before: region 东陵区城镇,
    # level department)
    "gas_plan_unsigned.txt": (
        "东陵区城镇燃气事故应急预案", None, "东陵区", "county", "emergency_plan", None, None),
    # a national enterprise group's notice (before: region 全国, level central)
    "enterprise_group_notice.txt": (
        "中国东岳能源集团有限公司关于开展2027年安全生产月活动的通知", "中国东岳能源集团有限公司", None, "department", "other",
        2027, "2027-05-25"),
    # a 地区's 行署 (before: issuer 阿兰地区行署, not spelt out)
    "prefecture_office_notice.txt": (
        "阿兰地区行署关于做好2027年冬春季森林草原防火工作的通知", "阿兰地区行政公署", "阿兰地区", "city", "other", 2027,
        "2027-10-12"),
    # an economic zone's committee under its short name (before: level county)
    "econ_zone_committee.txt": (
        "临江经开区管委会关于开展2027年危险化学品企业安全风险排查的通知", "临江经开区管理委员会", "临江经开区", "department",
        "other", 2027, "2027-03-16"),
    # a county-level city writing to 各镇（区） (before: level city, the （区） taken for districts)
    "county_city_towns_zones.txt": (
        "临川市应急管理局关于开展2027年“安全生产月”活动的通知", "临川市应急管理局", "临川市", "county", "other", 2027,
        "2027-05-20"),
    # unsigned, numbered 青应急, sent to townships and to 中央、省、市驻县各单位; nothing names the
    # county (before: issuer 青海省应急管理厅, level province)
    "county_number_posted_units.txt": (
        "关于做好2027年汛期安全防范工作的通知", None, None, None, "other", 2027, None),
    # an organ's 通告 titled by the organ alone, copied without signature or date (before: no issuer)
    "public_notice_unsigned.txt": (
        "临江市人民政府通告", "临江市人民政府", "临江市", "city", "announcement", 2027, None),
}


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(DOCUMENTS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_metadata(name):
    assert_document_metadata(DATA / name, DOCUMENTS[name])


@pytest.mark.parametrize("name, region", [
    ("东陵区城镇燃气事故应急预案", "东陵区"),
    ("青石县乡镇燃气安全检查方案", "青石县"),
    ("临江市村镇建设安全管理办法", "临江市"),
    ("临江市旅游景区安全管理办法", "临江市"),
    ("临江市住宅小区电动自行车充电安全管理办法", "临江市"),
    ("临江市自然保护区森林防火方案", "临江市"),
    ("临江市中心城区内涝应急预案", "临江市"),
    ("临江市农贸市场消防安全专项整治方案", "临江市"),
    ("临江市重点区域防汛应急预案", "临江市"),
    ("青石县美丽乡村建设安全方案", "青石县"),
    ("临江市创建省级安全发展示范城市工作方案", "临江市"),
    ("临江市县乡两级安全生产责任清单", "临江市"), ("临江市区县安全生产考核办法", "临江市"),  # tiers named together
    # units that stay: a town named …城镇, districts ending like subjects (东城区), a 市's bureau
    ("青石县古城镇人民政府", "青石县古城镇"),
    ("临江市东城区应急管理局", "临江市东城区"),
    ("临江市市场监督管理局", "临江市"),
])
def test_region_ends_at_the_unit(name, region):
    assert md.split_region(name)[0] == region


@pytest.mark.parametrize("region, level", [
    ("东莞市", "city"), ("广东省中山市", "city"), ("嘉峪关市", "city"), ("儋州市", "city"),
    ("临川市", "county"),  # any other 市 writing to its towns is a county-level city
])
def test_prefecture_without_counties_stays_city(region, level):
    assert md.county_level_city(region, "city", ["各镇人民政府、各街道办事处，市政府各部门："]) == level


@pytest.mark.parametrize("addressee, level", [
    ("各镇（区）人民政府、街道办事处，市直各单位：", "county"),
    ("各镇（区、街道），市直各单位：", "county"),
    ("各乡镇（区）、街道，市直有关单位：", "county"),
    ("各县（区）人民政府，市直各单位：", "city"),  # a prefecture's districts
])
def test_zones_counted_with_towns_are_no_districts(addressee, level):
    assert md.county_level_city("临川市", "city", [addressee]) == level


@pytest.mark.parametrize("issuer, region", [
    ("中国东岳能源集团有限公司", None), ("中国东岳能源集团有限公司安全环保部", None),
    ("国家电网东川省电力有限公司", None),  # a national group's branch: no place of its own name
    ("临江市城市建设投资集团有限公司", "临江市"), ("临江能源集团有限公司", None),
])
def test_an_enterprise_is_department(issuer, region):
    assert md.issuer_region_level(issuer) == (region, "department")


def test_a_speech_to_the_whole_city_names_no_place():
    assert md.title_region("在全市安全生产工作会议上的讲话") == ""
    assert md.split_region("对全县安全生产工作的部署")[0] == ""


@pytest.mark.parametrize("title, region, genre, issuer", [
    ("《临江市安全生产约谈办法》", "临江市", "regulation", None),
    ("《青石县森林火灾应急预案》（试行）", "青石县", "emergency_plan", None),
    ("《临江市应急管理局关于开展有限空间作业检查的通知》", "临江市", "other", "临江市应急管理局"),
])
def test_a_title_inside_book_marks(title, region, genre, issuer):
    assert (md.title_region(title), md.genre_of(title, []), md.issuer_from_title(title)) == (region, genre, issuer)


@pytest.mark.parametrize("issuer, region, level", [
    ("临江综合保税区管委会", "临江综合保税区", "department"),
    ("临江市临空经济区管理委员会", "临江市临空经济区", "department"),
    ("临江旅游度假区管委会", "临江旅游度假区", "department"),
    ("临江港区管委会", "临江港区", "department"),  # a 区 run by a committee
    ("临江经开区应急管理局", "临江经开区", "department"),
    ("东川自贸试验区临江片区管委会", "东川自贸试验区", "department"),
    # a district's government and a district's own committee stay county
    ("临江市东陵区人民政府", "临江市东陵区", "county"),
    ("临江市东陵区城市管理委员会", "临江市东陵区", "county"),
])
def test_zones_by_their_short_names(issuer, region, level):
    assert md.issuer_region_level(issuer) == (region, level)


@pytest.mark.parametrize("number, addressee, fits", [
    ("青应急〔2027〕33号", "各乡镇人民政府，县直各单位，中央、省、市驻县各单位：", False),
    ("青应急〔2027〕33号", "各乡镇人民政府，县直各单位，省、州驻县各单位：", False),
    ("青应急〔2027〕33号", "各市（州）应急管理局，省直有关单位：", True),  # a province's letter
])
def test_units_posted_in_a_county_are_no_cities(number, addressee, fits):
    assert md.province_guess_fits(number, [addressee], []) == fits


@pytest.mark.parametrize("raw, issuer", [
    ("最高人民检察院　应急管理部", "最高人民检察院、应急管理部"),
    ("最高人民法院", "最高人民法院"), ("共青团中央", "共青团中央"), ("中央网信办", "中央网信办"),
])
def test_central_organs_not_named_by_the_state(raw, issuer):
    assert md.normalize_issuer(raw) == issuer
    assert md.issuer_region_level(issuer) == (md.CENTRAL_REGION, "central")


@pytest.mark.parametrize("title, issuer", [
    ("临江市人民政府通告（2027年第2号）", "临江市人民政府"),
    ("临江市应急管理局公告", "临江市应急管理局"),
    ("临江市禁止燃放烟花爆竹的通告", None),  # a subject, no organ
])
def test_an_announcement_titled_by_its_organ(title, issuer):
    assert md.issuer_from_title(title) == issuer
