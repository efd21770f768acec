"""Document metadata, session 23 (meta23): central joint notices of four and five organs and a title's ``…等五部门``,
国务院安委会 and its office, a vertical branch, a 安委办 sealed by its department, signatures and dates on one line, two
dates, titles with an issue suffix or Latin letters, a county-level city of an autonomous prefecture, townships, villages.

33 notices (26, 4 of a second round written after the first's fixes, 3 of a third), tests/data/metadata23/*.txt, the
reading of each written down in its EXPECTED.md before the code ran. 25 read right on main's code (guards); 7 were
misread and are fixed in corpus/metadata.py:

- a title naming a joint notice by its lead organ and a count (``应急管理部等五部门关于…``, ``省应急管理厅等三部门``) kept
  that phrase as the issuer (region none, level ``department``) over a signature listing the organs: the signing organs
  now, when the first of them is the lead one (``_RE_LEAD_AND_OTHERS``, ``full_name``); unsigned, the phrase stays the
  issuer but reads its lead organ's region and level (全国, ``central``);
- a township's or a town's party committee by its title name (``青石乡党委``, ``石门镇党委办公室``) was not spelt as it signs
  (``中共岩溪县青石乡委员会``), so the signature was no fuller name of it (issuer and region lost the county): spelt out
  after a 乡, 镇 or 苏木 (``_ABBREVIATIONS``; a bureau's 党委 and a 县委 stay as they are).

Open (strict xfail): a 安委办's signature over its department's seal on a line of its own naming the department
(``（澜霁省应急管理厅代章）``) is no seal line for corpus/clean.py (``RE_SEAL`` knows only a bare ``（代章）``), so the
signature above it reads as body text and the title's ``省安委办`` keeps no province (leftover for the lead).

Documents written for these tests (real names where the kind needs one: central organs, 国家矿山安全监察局陕西局/山西局,
恩施土家族苗族自治州利川市; invented ones elsewhere); no sentence copied or paraphrased from a real document.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests

DATA = TEST_DATA / "metadata23"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# read right on main's code already: guards that the fixes keep
PROBED = {
    'a01_central_four_organs.txt': ('应急管理部国家矿山安全监察局国家消防救援局中国气象局关于做好2027年汛期安全防范工作的通知', '应急管理部、国家矿山安全监察局、国家消防救援局、中国气象局', '全国', 'central', 'other', 2027, '2027-05-20', None),
    'a02_state_council_committee.txt': ('国务院安全生产委员会关于加强岁末年初安全生产工作的通知', '国务院安全生产委员会', '全国', 'central', 'other', 2027, '2027-12-10', '安委〔2027〕5号'),
    'a03_state_council_committee_office.txt': ('国务院安全生产委员会办公室关于开展城镇燃气安全隐患排查的通知', '国务院安全生产委员会办公室', '全国', 'central', 'other', 2027, '2027-06-08', '安委办〔2027〕12号'),
    'a04_state_council_committee_short_title.txt': ('国务院安委会关于进一步强化安全生产责任落实的通知', '国务院安全生产委员会', '全国', 'central', 'other', 2027, '2027-03-02', None),
    'a05_mine_bureau_provincial_branch.txt': ('国家矿山安全监察局陕西局关于开展煤矿雨季三防专项检查的通知', '国家矿山安全监察局陕西局', '陕西省', 'central', 'other', 2027, '2027-06-15', None),
    'a06_ministry_general_office.txt': ('应急管理部办公厅关于做好高温天气安全防范工作的通知', '应急管理部办公厅', '全国', 'central', 'other', 2027, '2027-07-04', '应急厅〔2027〕21号'),
    'a08_national_fire_agency.txt': ('国家消防救援局关于做好冬春火灾防控工作的通知', '国家消防救援局', '全国', 'central', 'other', 2027, '2027-11-01', None),
    'b01_committee_office_sealed_short.txt': ('澜霁省安全生产委员会办公室关于开展安全生产月活动的通知', '澜霁省安全生产委员会办公室', '澜霁省', 'province', 'other', 2027, '2027-05-26', None),
    'c01_signature_date_one_line.txt': ('澄河市应急管理局关于开展危险化学品运输车辆安全检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-08-03', None),
    'c02_signature_date_one_line_cn.txt': ('岩溪县人民政府办公室关于加强汛期水库安全管理的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2027-05-06', None),
    'c03_signed_and_printed_dates.txt': ('澄河市应急管理局关于开展工贸企业粉尘防爆专项检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-03-05', None),
    'd01_bulletin_number_suffix.txt': ('澄河市安全生产委员会办公室关于近期几起生产安全事故的通报（第2号）', '澄河市安全生产委员会办公室', '澄河市', 'city', 'bulletin', 2027, '2027-04-12', None),
    'd02_announcement_year_number_suffix.txt': ('澄河市应急管理局公告（2027年第3号）', '澄河市应急管理局', '澄河市', 'city', 'announcement', 2027, '2027-06-02', None),
    'd03_briefing_issue_suffix.txt': ('岩溪县安全生产工作简报（2027年第3期）', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'other', 2027, '2027-03-31', None),
    'd04_title_g20.txt': ('澄河市人民政府办公室关于做好G20峰会期间安全生产工作的通知', '澄河市人民政府办公室', '澄河市', 'city', 'other', 2027, '2027-08-20', None),
    'd05_title_5g.txt': ('岩溪县应急管理局关于开展5G基站铁塔安全隐患排查的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-07-13', None),
    'd06_title_lng.txt': ('澄河市应急管理局关于加强LNG加气站安全管理的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-10-09', None),
    'e01_autonomous_pref_county_city_short.txt': ('利川市应急管理局关于做好汛期地质灾害防范工作的通知', '恩施土家族苗族自治州利川市应急管理局', '恩施土家族苗族自治州利川市', 'county', 'other', 2027, '2027-06-03', None),
    'e02_autonomous_pref_county_city_government.txt': ('恩施土家族苗族自治州利川市人民政府关于加强农村道路交通安全管理的通知', '恩施土家族苗族自治州利川市人民政府', '恩施土家族苗族自治州利川市', 'county', 'other', 2027, '2027-04-18', None),
    'f01_township_government.txt': ('岩溪县青石乡人民政府关于做好秋冬季森林防火工作的通知', '岩溪县青石乡人民政府', '岩溪县青石乡', 'department', 'other', 2027, '2027-10-15', None),
    'f03_township_party_and_government.txt': ('中共青石乡委员会青石乡人民政府关于加强农村自建房安全管理的通知', '中共青石乡委员会、青石乡人民政府', '青石乡', 'department', 'other', 2027, '2027-03-16', None),
    'f04_town_safety_committee.txt': ('岩溪县石门镇安全生产委员会关于开展小作坊消防安全检查的通知', '岩溪县石门镇安全生产委员会', '岩溪县石门镇', 'department', 'other', 2027, '2027-09-08', None),
    'f05_village_committee.txt': ('岩溪县青石乡柳河村村民委员会关于做好冬季用火用电安全的通知', '岩溪县青石乡柳河村村民委员会', '岩溪县青石乡柳河村', 'department', 'other', 2027, '2027-12-01', None),
    'r2_town_party_and_government_full_signature.txt': ('中共石门镇委员会石门镇人民政府关于做好汛期地质灾害群测群防工作的通知', '中共岩溪县石门镇委员会、岩溪县石门镇人民政府', '岩溪县石门镇', 'department', 'other', 2027, '2027-06-09', None),
    'r3_mine_branch_and_province_department.txt': ('国家矿山安全监察局山西局山西省应急管理厅关于开展非煤矿山汛期安全检查的通知', '国家矿山安全监察局山西局、山西省应急管理厅', '山西省', 'central', 'other', 2027, '2027-06-22', None),
}

# misread on main's code (each test failed there: the fields it read instead in the comment)
FIXED = {
    # (issuer 应急管理部等五部门, region None, level department: a lead organ and a count named no organs)
    'a07_five_ministries_short_title.txt': ('应急管理部等五部门关于加强电动自行车全链条安全监管的通知', '应急管理部、工业和信息化部、公安部、住房和城乡建设部、国家市场监督管理总局', '全国', 'central', 'other', 2027, '2027-04-09', None),
    # (issuer 青石乡党委, region 青石乡: 党委 was not spelt 中共…委员会, so the signature was no fuller name of it)
    'f02_township_party_committee_short.txt': ('青石乡党委关于落实安全生产党政同责的通知', '中共岩溪县青石乡委员会', '岩溪县青石乡', 'department', 'other', 2027, '2027-02-22', None),
    # (region None, level department)
    'r2_lead_and_others_unsigned.txt': ('应急管理部等四部门关于加强城市地下管网安全管理的通知', '应急管理部等四部门', '全国', 'central', 'other', 2027, '2027-09-03', None),
    # (issuer 澜霁省应急管理厅等三部门)
    'r2_province_lead_and_others.txt': ('省应急管理厅等三部门关于开展危险货物道路运输联合执法检查的通知', '澜霁省应急管理厅、澜霁省公安厅、澜霁省交通运输厅', '澜霁省', 'province', 'other', 2027, '2027-05-11', None),
    # (issuer 青石乡党委)
    'r2_township_party_committee_unsigned.txt': ('青石乡党委关于开展安全生产大宣讲活动的通知', '中共青石乡委员会', '青石乡', 'department', 'other', 2027, '2027-06-01', None),
    # (issuer 应急管理部等四部门, region None, level department)
    'r3_four_organs_one_signature_line.txt': ('应急管理部等四部门关于做好冬季极端天气安全防范工作的通知', '应急管理部、国家矿山安全监察局、国家消防救援局、中国气象局', '全国', 'central', 'other', 2027, '2027-11-25', None),
    # (issuer 石门镇党委办公室, region 石门镇)
    'r3_town_party_committee_office.txt': ('石门镇党委办公室关于做好节日期间值班值守工作的通知', '中共岩溪县石门镇委员会办公室', '岩溪县石门镇', 'department', 'other', 2027, '2027-09-28', None),
}

# misread when written (b02 failed on main until the lead's clean.RE_SEAL change)
OPEN = {
    'b02_committee_office_sealed_short_title.txt': ('省安委办关于做好中秋国庆期间安全防范工作的通知', '澜霁省安全生产委员会办公室', '澜霁省', 'province', 'other', 2027, '2027-09-20', None),
}

# (b02: fixed by the lead after meta23, clean.RE_SEAL reads a seal line naming who seals)
KNOWN_GAPS: dict[str, str] = {}

test_every_document_is_listed, test_document_metadata = probe_tests(DATA, PROBED, FIXED, OPEN, known_gaps=KNOWN_GAPS,
                                                                    at_least=33)


@pytest.mark.parametrize("short, full", [
    ("青石乡党委", "中共青石乡委员会"),
    ("中共石门镇党委", "中共石门镇委员会"),
    ("石门镇党委办公室", "中共石门镇委员会办公室"),
    ("宝力格苏木党委", "中共宝力格苏木委员会"),
    # not a township's: a bureau's party committee, a county's 县委, a 党委 no place names stay as titled
    ("澄河市应急管理局党委", "澄河市应急管理局党委"),
    ("岩溪县委", "岩溪县委"),
    ("乡党委", "乡党委"),
])
def test_township_party_committee_spelt_as_it_signs(short: str, full: str) -> None:
    assert md.normalize_issuer(short) == full


@pytest.mark.parametrize("organ, signed, issuer", [
    ("应急管理部等三部门", ["应急管理部　公安部", "交通运输部"], "应急管理部、公安部、交通运输部"),
    ("市应急管理局等2个部门", ["澄河市应急管理局", "澄河市财政局"], "澄河市应急管理局、澄河市财政局"),
    # the lead is not the first to sign, or one organ signs: the title's phrase stays
    ("应急管理部等三部门", ["公安部　应急管理部", "交通运输部"], "应急管理部等三部门"),
    ("应急管理部等三部门", ["应急管理部"], "应急管理部等三部门"),
])
def test_lead_and_others_by_the_signature(organ: str, signed: list[str], issuer: str) -> None:
    assert md.full_name(organ, signed) == issuer


def test_lead_and_others_unsigned_reads_the_lead_organ() -> None:
    assert md.issuer_region_level("应急管理部等五部门") == ("全国", "central")
    assert md.issuer_region_level("澜霁省应急管理厅等七部门") == ("澜霁省", "province")
    assert md.issuer_region_level("澄河市应急管理局党委") == ("澄河市", "city")  # (no lead-and-others phrase)
