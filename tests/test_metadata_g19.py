"""Document metadata of issuers and titles the earlier tests lacked (session 19, meta19): the short names titles give a
government's headquarters (市防指, 县森防指办, 州减灾办) and its 减灾委 (盟减灾委); a 领导小组 and its office; a province's
农垦总局, its 分局 and a farm; a 师市合一 bureau titled without the 兵团; a county's 两办 stacked under a 办发 number; a
ministry's 局; a ministry and the mine safety administration in one title; a 计划单列市 whose numbers open with a
province's letter (青应急); zones titled by their short name alone (高新区安委会, 经开区应急管理局); a township's and a
county-level city's 防指; titles over two and three lines; a number after the date; a December-signed plan for the next
year, a next year's number dated 30 December, a 2027—2028年度 plan; letters to the public subtitled with a dash.

Documents written for these tests (tests/data/metadata19/*.txt; invented places and organs, 青岛市, the 兵团 and the
central organs the only real units named; no sentence copied or paraphrased from a real document); each expected reading
was written down before running ``policytag segment`` on the document (tests/data/metadata19/EXPECTED.md, with the
decisions taken). 21 of 38 read right on main's code already (PROBED: kept so that none regresses).

Fixed here (corpus/metadata.py; each test failed on main's code):
- the headquarters' short names are spelt out (``市防指`` → 防汛抗旱指挥部, ``县防指办`` / ``县防汛办`` → 防汛抗旱指挥部办公室,
  ``县森防指(办)`` → 森林草原防灭火指挥部(办公室), ``州减灾办`` → 减灾委员会办公室) and take the name their signature gives
  them, the older 森林防火指挥部 too; the issuer was ``棠州市防指``, ``枫溪县森防指办``, ``雪岭藏族自治州减灾办``;
- ``国家防总`` (and its 办公室) is the 国家防汛抗旱总指挥部; ``…防指办公室`` / ``…森防指办公室`` are spelt out as ``…防指办`` is;
- a township's, a town's, a street office's or a 苏木's organ titled by the bare tier (``乡防指``, ``镇安委会``) is the one
  its signature names in full, as a county's (``县防指``) was (``metadata._RE_BARE_TIER``);
- an organ named with no place that ends in 指挥部 or 武装部 (``镇防汛抗旱指挥部``, ``乡武装部``) is no ministry: it read
  ``central``, 全国 (``metadata._CENTRAL_RX``);
- a period written in Chinese digits (``二〇二七—二〇二八年度``) is read from its first year (was 2028: only the year
  before 年 was read as digits);
- a season's or a farm season's notice (``2027年秋收安全生产工作的通知``, 冬季, 春耕…) is no annual notice (was
  ``annual_notice``);
- a letter to the public takes its genre from the line a dash sets beside it, before or after it
  (``春节期间安全提示——致全市人民的一封信``: ``reminder``, was ``other``); the decision (reminder, not appeal or
  announcement) is written in the module's docstring and EXPECTED.md.

Left open by meta19 and fixed later in the session (FIXED_LATER): a title whose 《…》 closes on a line of its own that
opens with its remark (``（试行）》的通知``, ``（2027—2029年）》的通知``) lost that line; a 领导小组 signing was no issuer line, nor
a street office's headquarters' office signing with its city and district (lines20, corpus/clean.py); a number after
the date opened an empty next notice and was lost (meta20, corpus/segment.py).
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests

DATA = TEST_DATA / "metadata19"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# the documents read right on main's code already: the probe's record, kept so that none regresses
PROBED = {
    'league_disaster_committee_short.txt': ('盟减灾委关于开展防灾减灾宣传周活动的通知', '锡岭盟减灾委员会', '锡岭盟', 'city', 'other', 2027, '2027-05-06', None),
    'county_leading_group_office.txt': ('枫溪县农村自建房安全专项整治工作领导小组办公室关于开展经营性自建房复查的通知', '枫溪县农村自建房安全专项整治工作领导小组办公室', '枫溪县', 'county', 'other', 2027, '2027-08-03', None),
    'reclamation_farm.txt': ('湄江省农垦总局青山农场关于开展粮食仓储安全检查的通知', '湄江省农垦总局青山农场', '湄江省', 'department', 'other', 2027, '2027-10-08', None),
    'reclamation_branch_bureau.txt': ('湄江省农垦总局北岭分局关于加强春耕农机安全管理的通知', '湄江省农垦总局北岭分局', '湄江省', 'province', 'other', 2027, '2027-03-20', None),
    'corps_division_city_bureau_title.txt': ('第九师岚河市应急管理局关于开展棉花加工企业防火检查的通知', '新疆生产建设兵团第九师岚河市应急管理局', '新疆生产建设兵团第九师岚河市', 'city', 'other', 2027, '2027-09-25', None),
    'county_two_offices_stacked_number.txt': ('关于印发《枫溪县党政领导干部安全生产责任制实施细则》的通知', '中共枫溪县委办公室、枫溪县人民政府办公室', '枫溪县', 'county', 'regulation', 2027, '2027-02-26', '枫办发〔2027〕5号'),
    'ministry_bureau_enforcement.txt': ('应急管理部安全执法和工贸监管局关于开展工贸企业粉尘涉爆重大事故隐患专项执法检查的通知', '应急管理部安全执法和工贸监管局', '全国', 'central', 'other', 2027, '2027-04-09', None),
    # (the title as every title reads, its spaces dropped: EXPECTED.md's row kept the printed space, revised)
    'ministry_and_mine_bureau_title.txt': ('应急管理部国家矿山安全监察局关于加强汛期尾矿库安全管理的通知', '应急管理部、国家矿山安全监察局', '全国', 'central', 'other', 2027, '2027-05-28', '应急〔2027〕35号'),
    'points_december_number_after_title.txt': ('棠州市人民政府办公室关于印发棠州市2027年安全生产工作要点的通知', '棠州市人民政府办公室', '棠州市', 'city', 'work_points', 2027, '2026-12-28', '棠政办发〔2026〕58号'),
    'winter_range_plan_county.txt': ('枫溪县2027—2028年度冬春火灾防控工作方案', '枫溪县安全生产委员会', '枫溪县', 'county', 'special_plan', 2027, '2027-10-20', None),
    'number_next_year_date_december.txt': ('关于做好元旦春节期间烟花爆竹安全管理工作的通知', '棠州市应急管理局', '棠州市', 'city', 'other', 2027, '2026-12-30', '棠应急〔2027〕1号'),
    'county_city_flood_hq.txt': ('溪口市防汛抗旱指挥部关于做好强降雨防范应对工作的通知', '溪口市防汛抗旱指挥部', '溪口市', 'county', 'other', 2027, '2027-07-12', None),
    'subprovincial_city_bureau_qing_number.txt': ('关于开展海上渔业船舶安全专项检查的通知', '青岛市应急管理局', '青岛市', 'city', 'other', 2027, '2027-04-22', '青应急〔2027〕9号'),
    'hitech_zone_committee_short_title.txt': ('高新区安委会关于开展园区企业有限空间作业专项检查的通知', '棠州高新技术产业开发区安全生产委员会', '棠州高新技术产业开发区', 'department', 'other', 2027, '2027-05-16', None),
    'econ_zone_bureau_short_title.txt': ('经开区应急管理局关于做好危险化学品企业汛期安全工作的通知', '棠州经济技术开发区应急管理局', '棠州经济技术开发区', 'department', 'other', 2027, '2027-06-01', None),
    'township_flood_hq.txt': ('石坪乡防汛抗旱指挥部关于做好汛前准备工作的通知', '枫溪县石坪乡防汛抗旱指挥部', '枫溪县石坪乡', 'department', 'other', 2027, '2027-04-26', None),
    'letter_appeal_subtitle.txt': ('致全县广大群众的一封信——文明祭扫倡议', '枫溪县森林草原防灭火指挥部办公室', '枫溪县', 'county', 'appeal', 2027, '2027-03-25', None),
    # (second round)
    'r2_city_two_offices_short_title.txt': ('市委办公室市政府办公室关于印发《棠州市安全生产巡查工作办法》的通知', '中共棠州市委办公室、棠州市人民政府办公室', '棠州市', 'city', 'regulation', 2027, '2027-03-09', None),
    'r2_year_range_both_years_december.txt': ('棠州市安全生产宣传教育工作方案（2027年—2028年）', '棠州市安全生产委员会办公室', '棠州市', 'city', 'special_plan', 2027, '2026-12-25', None),
    'r2_subprovincial_district_committee_office.txt': ('关于开展城镇燃气安全专项检查的通知', '青岛市崂岭区安全生产委员会办公室', '青岛市崂岭区', 'county', 'other', 2027, '2027-05-20', '崂安办〔2027〕5号'),
    'r2_three_central_organs_stacked.txt': ('关于加强煤矿企业安全生产标准化建设的通知', '应急管理部、国家矿山安全监察局、国家能源局', '全国', 'central', 'other', 2027, '2027-06-15', None),
}

# the documents main's code misread (each test failed there)
FIXED = {
    # (the headquarters' short names: the issuer was 棠州市防指, 枫溪县森防指办, 雪岭藏族自治州减灾办)
    'city_flood_hq_short_title.txt': ('市防指关于做好2027年主汛期防汛工作的通知', '棠州市防汛抗旱指挥部', '棠州市', 'city', 'other', 2027, '2027-06-10', '棠防指〔2027〕3号'),
    'county_forest_fire_office_short.txt': ('县森防指办关于加强清明节期间野外火源管控的通知', '枫溪县森林草原防灭火指挥部办公室', '枫溪县', 'county', 'other', 2027, '2027-03-28', None),
    'prefecture_disaster_office_short.txt': ('州减灾办关于做好冬春季雪灾防范应对工作的通知', '雪岭藏族自治州减灾委员会办公室', '雪岭藏族自治州', 'city', 'other', 2027, '2027-11-18', None),
    # (a harvest season's notice: was annual_notice)
    'reclamation_bureau_season.txt': ('湄江省农垦总局关于做好2027年秋收安全生产工作的通知', '湄江省农垦总局', '湄江省', 'province', 'other', 2027, '2027-09-05', None),
    # (a 安全提示 subtitled as a letter: was other)
    'letter_reminder_subtitle_reversed.txt': ('春节期间安全提示——致全市人民的一封信', '棠州市安全生产委员会办公室', '棠州市', 'city', 'reminder', 2027, '2027-01-30', None),
    # (second round: 国家防总, 省防汛办, 旗森防指 and …森防指办公室 were not spelt out; a period in Chinese digits was its
    # second year's, 2028)
    'r2_national_flood_hq_short.txt': ('国家防总关于做好2027年防汛抗旱工作的通知', '国家防汛抗旱总指挥部', '全国', 'central', 'other', 2027, '2027-04-08', None),
    'r2_county_forest_fire_office_spelt_old.txt': ('县森防指办公室关于做好秋冬季森林防火工作的通知', '枫溪县森林防火指挥部办公室', '枫溪县', 'county', 'other', 2027, '2027-10-12', None),
    # (a province's 防汛办 and a 旗's 森防指 by their short names)
    'r2_province_flood_office_short.txt': ('省防汛办关于做好台风防御工作的通知', '湄江省防汛抗旱指挥部办公室', '湄江省', 'province', 'other', 2027, '2027-08-11', None),
    'r2_banner_forest_fire_hq_short.txt': ('旗森防指关于做好春季森林草原防火工作的通知', '锡岭盟哈达旗森林草原防灭火指挥部', '锡岭盟哈达旗', 'county', 'other', 2027, '2027-03-15', None),
    # (third round: a township's, a town's headquarters or committee titled by the bare tier: was 乡防汛抗旱指挥部,
    # 镇安全生产委员会, the signature's full name not taken)
    'r3_township_flood_hq_short.txt': ('乡防指关于做好山洪灾害防御工作的通知', '枫溪县石坪乡防汛抗旱指挥部', '枫溪县石坪乡', 'department', 'other', 2027, '2027-06-18', None),
    'r3_town_committee_short.txt': ('镇安委会关于开展小餐饮场所燃气安全检查的通知', '枫溪县白沙镇安全生产委员会', '枫溪县白沙镇', 'department', 'other', 2027, '2027-05-10', None),
    'r2_cn_year_range_plan.txt': ('枫溪县二〇二七—二〇二八年度森林防火工作方案', '枫溪县森林防火指挥部', '枫溪县', 'county', 'special_plan', 2027, '2027-09-26', None),
}

# readings left wrong by meta19 and fixed in the same session (a title's last line opening with its remark, a 领导小组 or
# a street office's long name signing: lines20, corpus/clean.py; a number after the date: meta20, corpus/segment.py)
FIXED_LATER = {
    'title_three_lines_range_december.txt': ('棠州市安全生产委员会关于印发《棠州市安全生产治本攻坚三年行动实施方案（2027—2029年）》的通知', '棠州市安全生产委员会', '棠州市', 'city', 'covering_letter', 2027, '2026-12-20', '棠安委〔2026〕15号'),
    'title_trial_own_line_county_city.txt': ('关于印发《溪口市安全生产约谈办法（试行）》的通知', '溪口市人民政府办公室', '溪口市', 'county', 'regulation', 2027, '2027-04-02', '溪政办发〔2027〕12号'),
    'number_at_end_district.txt': ('棠州市青湖区应急管理局关于开展夏季高温时段户外作业安全检查的通知', '棠州市青湖区应急管理局', '棠州市青湖区', 'county', 'other', 2027, '2027-07-02', '青应急〔2027〕31号'),
    'r3_street_forest_fire_office_short.txt': ('街道森防指办关于加强清明节期间林区火源管控的通知', '棠州市青湖区云峰街道森林草原防灭火指挥部办公室', '棠州市青湖区云峰街道', 'department', 'other', 2027, '2027-03-30', None),
    'town_leading_group_signed_only.txt': ('关于开展燃气用户安全入户检查的通知', '枫溪县白沙镇燃气安全专项整治工作领导小组', '枫溪县白沙镇', 'department', 'other', 2027, '2027-04-15', None),
}
FIXED = {**FIXED, **FIXED_LATER}
OPEN: dict = {}

KNOWN_GAPS: dict[str, str] = {}

test_every_document_is_listed, test_document_metadata = probe_tests(DATA, PROBED, FIXED, OPEN, known_gaps=KNOWN_GAPS,
                                                                    at_least=38)


@pytest.mark.parametrize("title, signed, issuer", [
    ("市防指", ["棠州市防汛抗旱指挥部"], "棠州市防汛抗旱指挥部"),
    ("县防指办", ["枫溪县防汛抗旱指挥部办公室"], "枫溪县防汛抗旱指挥部办公室"),
    ("县防汛办", ["枫溪县防汛抗旱指挥部办公室"], "枫溪县防汛抗旱指挥部办公室"),
    ("县森防指", ["枫溪县森林草原防灭火指挥部"], "枫溪县森林草原防灭火指挥部"),
    ("县森防指办", ["枫溪县森林草原防灭火指挥部办公室"], "枫溪县森林草原防灭火指挥部办公室"),
    ("州减灾办", ["雪岭藏族自治州减灾委员会办公室"], "雪岭藏族自治州减灾委员会办公室"),
    # (the signature's older name of the forest fire headquarters is the same organ's: its name kept)
    ("县森防指办", ["枫溪县森林防火指挥部办公室"], "枫溪县森林防火指挥部办公室"),
    ("县森防指", ["枫溪县森林防灭火指挥部"], "枫溪县森林防灭火指挥部"),
    # (guards: another county's headquarters; a town's 防指 signing for the county's; a full name titled stays)
    ("县防指", ["石岭县人民政府"], "县防指"),
    ("县森林防火指挥部", ["枫溪县森林防火指挥部"], "枫溪县森林防火指挥部"),
])
def test_a_headquarters_short_name_is_the_one_its_signature_names(title, signed, issuer):
    assert md.full_name(title, signed) == issuer


@pytest.mark.parametrize("raw, hint, issuer", [
    ("市防指", "棠州市", "棠州市防汛抗旱指挥部"),
    ("县森防指办", "枫溪县", "枫溪县森林草原防灭火指挥部办公室"),
    ("省防汛办", "湄江省", "湄江省防汛抗旱指挥部办公室"),
    ("盟减灾办", "锡岭盟", "锡岭盟减灾委员会办公室"),
    # (guards: 防指 only at a name's end: a fire brigade's or civil air defence's words are no headquarters)
    ("县森防指办公室", "枫溪县", "枫溪县森林草原防灭火指挥部办公室"),
    ("市防指办公室", "棠州市", "棠州市防汛抗旱指挥部办公室"),
    ("国家防总", None, "国家防汛抗旱总指挥部"),
    ("国家防总办公室", None, "国家防汛抗旱总指挥部办公室"),
    ("市消防指导中心", None, "市消防指导中心"),
    ("市人防指挥所", None, "市人防指挥所"),
    ("棠州市防汛抗旱指挥部办公室", None, "棠州市防汛抗旱指挥部办公室"),
])
def test_a_headquarters_short_name_is_spelt_out(raw, hint, issuer):
    assert md.normalize_issuer(raw, hint) == issuer


def test_a_headquarters_short_name_reads_as_an_organ_on_its_tier():
    assert md.looks_like_issuer("市防指") and md.looks_like_issuer("县森防指办")
    assert md.issuer_region_level(md.normalize_issuer("县防指", "枫溪县")) == ("枫溪县", "county")


@pytest.mark.parametrize("title, genre", [
    ("春节期间安全提示——致全市人民的一封信", "reminder"),
    ("致全市人民的一封信——春节期间安全提示", "reminder"),
    ("汛期安全风险提示--致全县广大群众的公开信", "reminder"),
    ("文明祭扫倡议——致全县广大群众的一封信", "appeal"),
    ("致全县广大群众的一封信——文明祭扫倡议", "appeal"),
    # (guards: a letter alone is a form of address, no genre (genres14); a dash subtitle naming no kind; a tip alone)
    ("致全县中小学生家长的一封信", "other"),
    ("致全市人民的一封信——平安过大年", "other"),
    ("春节期间安全提示", "reminder"),
])
def test_a_letter_to_the_public_takes_the_kind_its_dash_line_names(title, genre):
    assert md.genre_of(title, ["春节将至，市安委办提醒您："]) == genre


@pytest.mark.parametrize("title, genre", [
    ("湄江省农垦总局关于做好2027年秋收安全生产工作的通知", "other"),
    ("关于做好2027年冬季安全生产工作的通知", "other"),
    ("关于做好2027年春耕安全生产工作的通知", "other"),
    # (guards: a sector's year and a government's year are annual notices, as before)
    ("关于做好2027年交通运输安全生产工作的通知", "annual_notice"),
    ("湄江省人民政府关于做好2027年安全生产工作的通知", "annual_notice"),
    ("关于做好2027年农垦系统安全生产工作的通知", "annual_notice"),
])
def test_a_seasons_safety_work_is_no_years(title, genre):
    assert md.genre_of(title, []) == genre


@pytest.mark.parametrize("text, digits", [
    ("枫溪县二〇二七—二〇二八年度森林防火工作方案", "枫溪县2027—2028年度森林防火工作方案"),
    ("二〇二七至二〇二八年", "2027至2028年"),
    # (guards: a year alone, as before; a period with no 年; a count of people; the first year alone before a 年度)
    ("二〇二七年冬春", "2027年冬春"),
    ("二〇二七—二〇二八", "二〇二七—二〇二八"),
    ("共二〇二七人", "共二〇二七人"),
])
def test_a_period_in_chinese_digits_reads_both_years(text, digits):
    assert md.arabic_years(text) == digits


@pytest.mark.parametrize("title, signed, issuer", [
    ("乡防指", ["枫溪县石坪乡防汛抗旱指挥部"], "枫溪县石坪乡防汛抗旱指挥部"),
    ("镇安委会", ["枫溪县白沙镇安全生产委员会"], "枫溪县白沙镇安全生产委员会"),
    ("街道办事处", ["棠州市青湖区云峰街道办事处"], "棠州市青湖区云峰街道办事处"),
    ("苏木人民政府", ["锡岭盟哈达旗巴音苏木人民政府"], "锡岭盟哈达旗巴音苏木人民政府"),
    # (guards: a town's organ is no county's; a 镇长 signs as a person, no tier)
    ("镇安委会", ["枫溪县安全生产委员会"], "镇安委会"),
    ("镇长办公会议", ["枫溪县白沙镇人民政府"], "镇长办公会议"),
])
def test_a_towns_organ_titled_by_its_bare_tier_is_the_one_it_signs_as(title, signed, issuer):
    assert md.full_name(title, signed) == issuer


@pytest.mark.parametrize("issuer, reading", [
    ("镇防汛抗旱指挥部", (None, "department")),
    ("乡武装部", (None, "department")),
    ("防汛抗旱指挥部", (None, "department")),
    # (guards: the ministries and the national headquarters stay central)
    ("应急管理部", ("全国", "central")),
    ("应急管理部办公厅", ("全国", "central")),
    ("国家防汛抗旱总指挥部", ("全国", "central")),
    ("县防汛抗旱指挥部", (None, "county")),
])
def test_a_headquarters_named_without_its_place_is_no_ministry(issuer, reading):
    assert md.issuer_region_level(issuer) == reading
