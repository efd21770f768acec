"""Document metadata, session 24 (meta24): central organs' vertical branches (a maritime branch named with its ministry,
a mine-safety 分局, an energy 监管办公室, the civil aviation and railway regional administrations), zones (a 经开区's and a
综保区's committees, a 高新区's 管委会 安委办, a 新区, a 临空经济区), a state farm and a forestry enterprise, portal news
articles, notices signed in December for the next year and in January for the last, titles over three lines, old names, a
number without 号 or with its serial left blank, two seals on one line; and a genre for warning letters and rectification
orders.

52 notices (41, then 5 of a second round written after the first's fixes and 6 of a third), tests/data/metadata24/*.txt,
the reading of each written down in its EXPECTED.md before the code ran. 33 read right on main's code (guards); 14 were
misread and are fixed in corpus/metadata.py (5 are open, below):

- a new genre, ``rectification`` (警示函/整改通知): a 警示函, a 整改通知(书), a 隐患整改通知书, a 责令限期整改指令书 or
  责令改正通知书 — a letter or an order to one addressee naming its failings and demanding it correct them by a date — read
  ``other`` (``GENRES`` had none); a 提示函 or 提醒函 stays ``reminder``, a ``…整改情况的通报`` a ``bulletin`` and a notice
  on rectification work, ``关于做好…问题整改工作的通知``, ``other``;
- a document number in 〔〕 closing its line without 号 (``澄应急〔2027〕23``, also beside its ``签发人``) or with its serial left
  blank (``岩应急发〔2027〕``, ``澄应急发〔2027〕　号``) was body text: the addressee under it opened a second document with a
  built title (``澄河市应急管理局2027年文件``); now the number line (``NUMBER_FORM``), a blank serial giving no number;
- a maritime branch named with its ministry (``交通运输部广东海事局``) read as a ministry's own unit, region 全国: now its
  province (广东省), and ``交通运输部长江海事局`` none, as ``长江海事局``.

Read since (these were strict xfails, fixed in the files of others): a portal news article (a headline, a
``来源：…`` / ``发布时间：…`` line, no signature, no numbered items) reads its headline as the title (genres23) and its
来源 as the issuer, its 发布时间 as the year but no signing date (seg25; the .txt reader keeps the 来源 as a
``发布机构`` line, lead); a joint title over three lines whose first line holds two organs joins the title (clean26); a
title's ``明年`` signed in December is the next year's (seg25, ``segment._relative_year``).

Documents written for these tests (real names where the kind needs one: central organs and their branches; invented ones
elsewhere); no sentence copied or paraphrased from a real document.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests

DATA = TEST_DATA / "metadata24"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# read right on main's code already: guards that the fixes keep
PROBED = {
    'f01_state_farm.txt': ('岩溪县国营红星农场关于做好秋收期间农机安全工作的通知', '岩溪县国营红星农场', '岩溪县', 'department', 'other', 2027, '2027-09-15', None),
    'f02_forestry_company.txt': ('澜霁省青松林业局有限公司关于做好春季森林防火工作的通知', '澜霁省青松林业局有限公司', '澜霁省', 'department', 'other', 2027, '2027-03-05', None),
    'f03_county_forestry_bureau.txt': ('岩溪县林业局关于加强林区野外用火管理的通知', '岩溪县林业局', '岩溪县', 'county', 'other', 2027, '2027-02-26', None),
    'g04_reminder_letter.txt': ('岩溪县应急管理局关于做好汛期尾矿库安全防范工作的提醒函', '岩溪县应急管理局', '岩溪县', 'county', 'reminder', 2027, '2027-06-25', None),
    'g06_guard_rectification_work_notice.txt': ('岩溪县人民政府办公室关于做好安全生产督查发现问题整改工作的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2027-11-03', None),
    'g07_guard_rectification_bulletin.txt': ('澄河市安全生产委员会办公室关于安全生产大检查发现问题整改情况的通报', '澄河市安全生产委员会办公室', '澄河市', 'city', 'bulletin', 2027, '2027-12-06', None),
    'g08_prompt_letter.txt': ('澄河市应急管理局关于加强节日期间烟花爆竹安全管理的提示函', '澄河市应急管理局', '澄河市', 'city', 'reminder', 2027, '2027-01-20', None),
    's01_two_seals_one_line.txt': ('岩溪县应急管理局岩溪县消防救援大队关于加强出租屋消防安全管理的通知', '岩溪县应急管理局、岩溪县消防救援大队', '岩溪县', 'county', 'other', 2027, '2027-10-08', None),
    's02_two_seals_one_line_with_date.txt': ('澄河市住房和城乡建设局澄河市应急管理局关于开展建筑起重机械安全检查的通知', '澄河市住房和城乡建设局、澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-03-29', None),
    't01_title_three_lines_issuer_split.txt': ('澄河市安全生产委员会办公室关于开展城镇燃气安全专项排查整治的通知', '澄河市安全生产委员会办公室', '澄河市', 'city', 'other', 2027, '2027-04-02', None),
    't03_old_name_full.txt': ('岩溪县安全生产监督管理局关于开展烟花爆竹经营单位安全检查的通知', '岩溪县安全生产监督管理局', '岩溪县', 'county', 'other', 2017, '2017-01-10', '岩安监〔2017〕12号'),
    't04_old_name_short_title.txt': ('市安监局关于加强非煤矿山安全管理的通知', '澄河市安全生产监督管理局', '澄河市', 'city', 'other', 2016, '2016-08-22', None),
    'v02_caac_regional_short.txt': ('民航西南地区管理局关于加强冬季运行安全管理的通知', '中国民用航空西南地区管理局', None, 'central', 'other', 2027, '2027-11-12', None),
    'v03_caac_regional_unsigned.txt': ('民航中南地区管理局关于开展航空货运危险品专项检查的通知', '中国民用航空中南地区管理局', None, 'central', 'other', 2027, '2027-04-08', None),
    'v04_mine_sub_bureau.txt': ('国家矿山安全监察局山西局大同监察分局关于开展煤矿雨季“三防”检查的通知', '国家矿山安全监察局山西局大同监察分局', '山西省', 'central', 'other', 2027, '2027-06-02', None),
    'v05_energy_supervision_office.txt': ('国家能源局山东监管办公室关于做好迎峰度夏电力安全工作的通知', '国家能源局山东监管办公室', '山东省', 'central', 'other', 2027, '2027-06-18', None),
    'v06_railway_supervision_short.txt': ('沈阳铁路监督管理局关于开展铁路沿线安全环境专项整治的通知', '国家铁路局沈阳铁路监督管理局', None, 'central', 'other', 2027, '2027-03-22', None),
    'v07_energy_regional_bureau.txt': ('国家能源局华东监管局关于加强电力建设工程施工安全管理的通知', '国家能源局华东监管局', None, 'central', 'other', 2027, '2027-05-09', None),
    'v08_msa_branch_of_province.txt': ('福建海事局关于开展渔船商船防碰撞专项行动的通知', '福建海事局', '福建省', 'central', 'other', 2027, '2027-09-01', None),
    'y01_december_next_year_untitled_year.txt': ('岩溪县人民政府办公室关于做好元旦春节期间安全防范工作的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2028, '2027-12-26', '岩政办发〔2027〕45号'),
    'y02_summary_titled_previous_year.txt': ('澄河市应急管理局2026年安全生产工作总结', '澄河市应急管理局', '澄河市', 'city', 'report', 2026, '2027-01-15', None),
    'y03_review_bulletin_previous_year.txt': ('岩溪县安全生产委员会关于2026年度安全生产目标责任考核情况的通报', '岩溪县安全生产委员会', '岩溪县', 'county', 'bulletin', 2026, '2027-02-20', '岩安委〔2027〕3号'),
    'y04_december_next_year_in_title.txt': ('澄河市人民政府关于做好2028年安全生产工作的通知', '澄河市人民政府', '澄河市', 'city', 'annual_notice', 2028, '2027-12-28', '澄政发〔2027〕31号'),
    'z01_etdz_committee.txt': ('澄河经济技术开发区管理委员会关于开展园区企业有限空间作业安全检查的通知', '澄河经济技术开发区管理委员会', '澄河经济技术开发区', 'department', 'other', 2027, '2027-04-20', None),
    'z02_hitech_zone_committee_safety_office.txt': ('岩溪高新技术产业开发区管委会安全生产委员会办公室关于做好汛期安全防范工作的通知', '岩溪高新技术产业开发区管理委员会安全生产委员会办公室', '岩溪高新技术产业开发区', 'department', 'other', 2027, '2027-05-28', None),
    'z03_bonded_zone.txt': ('澄河综合保税区管理委员会关于加强仓储物流企业消防安全管理的通知', '澄河综合保税区管理委员会', '澄河综合保税区', 'department', 'other', 2027, '2027-08-16', None),
    'z04_new_area_committee.txt': ('澄河市云湖新区管理委员会关于开展建筑施工安全隐患排查的通知', '澄河市云湖新区管理委员会', '澄河市云湖新区', 'department', 'other', 2027, '2027-03-10', None),
    'z05_etdz_bureau.txt': ('澄河经济技术开发区应急管理局关于开展危险化学品企业安全检查的通知', '澄河经济技术开发区应急管理局', '澄河经济技术开发区', 'department', 'other', 2027, '2027-10-11', None),
    'z06_airport_economic_zone.txt': ('澄河临空经济区管理委员会关于做好冬季安全生产工作的通知', '澄河临空经济区管理委员会', '澄河临空经济区', 'department', 'other', 2027, '2027-11-29', None),
}

# misread on main's code (each failed there: what it read instead in the comment)
FIXED = {
    # (genre other: GENRES had no 警示函)
    'g01_warning_letter.txt': ('澄河市安全生产委员会办公室关于岩溪县近期接连发生生产安全事故的警示函', '澄河市安全生产委员会办公室', '澄河市', 'city', 'rectification', 2027, '2027-08-12', None),
    # (genre other: no 整改通知书)
    'g02_hazard_rectification_notice.txt': ('岩溪县应急管理局隐患整改通知书', '岩溪县应急管理局', '岩溪县', 'county', 'rectification', 2027, '2027-06-14', '岩应急改〔2027〕17号'),
    # (genre other: no 责令限期整改指令书)
    'g03_order_to_rectify.txt': ('澄河市应急管理局责令限期整改指令书', '澄河市应急管理局', '澄河市', 'city', 'rectification', 2027, '2027-09-03', None),
    # (genre other: no 整改通知)
    'g05_committee_rectification_notice.txt': ('澄河市安全生产委员会关于省安全生产巡查反馈问题的整改通知', '澄河市安全生产委员会', '澄河市', 'city', 'rectification', 2027, '2027-10-20', '澄安委〔2027〕9号'),
    # (genre other)
    'g09_warning_letter_organ_line.txt': ('岩溪县安全生产委员会办公室安全生产警示函', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'rectification', 2027, '2027-04-27', None),
    # (two documents: the number line without 号 was body text, and the addressee opened a second notice with a built title)
    't05_number_without_hao.txt': ('澄河市应急管理局关于开展工贸企业有限空间作业专项检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-06-07', '澄应急〔2027〕23号'),
    # (two documents: the bracketed year with no serial was body text)
    't06_number_bracket_year_only.txt': ('岩溪县应急管理局关于做好高温天气安全防范工作的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-07-20', None),
    # (region 全国: the ministry's name before its branch read as a ministry's own unit)
    'v01_msa_ministry_prefix.txt': ('交通运输部广东海事局关于做好台风季节船舶防台工作的通知', '交通运输部广东海事局', '广东省', 'central', 'other', 2027, '2027-07-06', None),
}

# round 2, written after round 1's fixes (each failed on main's code)
ROUND2 = {
    # (genre other)
    'r2_fire_brigade_order.txt': ('岩溪县消防救援大队责令改正通知书', '岩溪县消防救援大队', '岩溪县', 'central', 'rectification', 2027, '2027-09-28', '（岩）消改字〔2027〕21号'),
    # (region 全国)
    'r2_msa_river_ministry_prefix.txt': ('交通运输部长江海事局关于做好枯水期船舶航行安全工作的通知', '交通运输部长江海事局', None, 'central', 'other', 2027, '2027-12-03', None),
    # (two documents)
    'r2_number_blank_serial.txt': ('澄河市应急管理局关于做好寒潮天气安全防范工作的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-12-14', None),
    # (doc_number None: 号-less beside its 签发人)
    'r2_report_number_without_hao_signer.txt': ('澄河市应急管理局关于2027年上半年安全生产工作情况的报告', '澄河市应急管理局', '澄河市', 'city', 'report', 2027, '2027-07-05', '澄应急报〔2027〕8号'),
    # (genre other)
    'r2_warning_letter_to_enterprise.txt': ('关于对澄河市鑫源化工有限公司的安全生产警示函', '澄河市应急管理局', '澄河市', 'city', 'rectification', 2027, '2027-11-16', None),
}

# round 3, written after round 2 ran: zones by their short names, a 新区's 安委办, a province's old 安监局, 明年 in a
# December title, a city government's safety committee's 警示函 (read right on main's code but the 警示函's genre)
ROUND3 = {
    'r3_bonded_zone_short_title.txt': ('澄河综保区管委会关于做好台风天气安全防范工作的通知', '澄河综合保税区管理委员会', '澄河综合保税区', 'department', 'other', 2027, '2027-08-02', None),
    'r3_hitech_zone_short_title.txt': ('岩溪高新区管委会关于开展园区企业消防安全大排查的通知', '岩溪高新技术产业开发区管理委员会', '岩溪高新技术产业开发区', 'department', 'other', 2027, '2027-03-18', None),
    'r3_new_area_safety_office_short.txt': ('云湖新区安委办关于开展燃气安全专项检查的通知', '澄河市云湖新区安全生产委员会办公室', '澄河市云湖新区', 'department', 'other', 2027, '2027-04-12', None),
    'r3_province_old_name_short.txt': ('省安监局关于开展危险化学品重大危险源专项督查的通知', '澜霁省安全生产监督管理局', '澜霁省', 'province', 'other', 2016, '2016-04-06', '澜安监〔2016〕5号'),
    # (genre other on main's code)
    'r3_warning_letter_county_government.txt': ('澄河市人民政府安全生产委员会警示函', '澄河市人民政府安全生产委员会', '澄河市', 'city', 'rectification', 2027, '2027-09-09', '澄安委函〔2027〕6号'),
}

# still misread (corpus/clean.py, corpus/segment.py)
OPEN = {
    'r3_next_year_in_words.txt': ('澄河市应急管理局关于做好明年元旦春节期间安全防范工作的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2028, '2027-12-18', None),
    'n01_news_source_date_one_line.txt': ('岩溪县召开2027年安全生产工作会议', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, None, None),
    'n02_news_source_date_two_lines.txt': ('澄河市应急管理局开展危险化学品企业节前安全检查', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, None, None),
    'n03_news_info_source_cn_date.txt': ('澄河市白沙区开展商场超市消防安全检查', '澄河市白沙区应急管理局', '澄河市白沙区', 'county', 'other', 2027, None, None),
    't02_title_three_lines_joint.txt': ('澄河市应急管理局澄河市公安局澄河市交通运输局关于开展危险货物道路运输安全联合检查的通知', '澄河市应急管理局、澄河市公安局、澄河市交通运输局', '澄河市', 'city', 'other', 2027, '2027-05-17', None),
}

KNOWN_GAPS = {
}

test_every_document_is_listed, test_document_metadata = probe_tests(DATA, PROBED, FIXED, ROUND2, ROUND3, OPEN,
                                                                    known_gaps=KNOWN_GAPS, at_least=52)


@pytest.mark.parametrize("title, genre", [
    ("岩溪县应急管理局关于岩溪县宏达化工有限公司的安全生产警示函", "rectification"),
    ("澄河市安全生产委员会关于市安全生产督导反馈问题的整改通知", "rectification"),
    ("岩溪县住房和城乡建设局建筑施工安全隐患整改通知单", "rectification"),
    ("澄河市应急管理局隐患整改指令书", "rectification"),
    ("岩溪县消防救援大队责令改正通知书", "rectification"),
    ("澄河市应急管理局责令限期整改指令书", "rectification"),
    # tips that oblige no one: reminders
    ("岩溪县应急管理局关于做好汛期安全防范工作的提醒函", "reminder"),
    ("澄河市应急管理局安全生产提示函", "reminder"),
    # on rectification, not one: a notice, a bulletin, a plan, a campaign against warnings' causes
    ("岩溪县人民政府办公室关于做好安全生产巡查反馈问题整改工作的通知", "other"),
    ("澄河市安全生产委员会办公室关于重大事故隐患整改情况的通报", "bulletin"),
    ("澄河市安全生产巡查反馈问题整改方案", "special_plan"),
    ("岩溪县应急管理局关于开展安全生产警示教育活动的通知", "other"),
    ("关于印发《澄河市安全生产警示约谈办法》的通知", "regulation"),
])
def test_rectification_genre(title: str, genre: str) -> None:
    assert md.genre_of(title, []) == genre


def test_rectification_is_a_listed_genre_with_a_name() -> None:
    assert md.GENRES[-2:] == ("rectification", "other") and md.GENRE_NAMES["rectification"] == "警示函/整改通知"


@pytest.mark.parametrize("line, number", [
    ("澄应急〔2027〕23", "澄应急〔2027〕23号"),
    ("澄应急报〔2027〕8　　签发人：王某某", "澄应急报〔2027〕8号"),
    ("岩应急发〔2027〕", None),  # a serial left blank: the number line, no number
    ("岩应急发〔2027〕　号", None),
    ("（沐）应急责改〔2027〕第12号", "（沐）应急责改〔2027〕12号"),
])
def test_number_line_in_bracket_without_hao(line: str, number: str | None) -> None:
    from policytag.corpus.clean import RE_DOCNUM

    assert RE_DOCNUM.match(line) and md.document_number(line) == number


@pytest.mark.parametrize("line", [
    "年度报告（2027）",  # no 〔〕, no 号: a title's year, no number
    "合计（2026） 15",
    "临政发（2027）12",
    "澄应急〔2027〕关于开展检查",
])
def test_no_number_line_without_hao_outside_its_bracket(line: str) -> None:
    from policytag.corpus.clean import RE_DOCNUM

    assert not RE_DOCNUM.match(line)


@pytest.mark.parametrize("issuer, region", [
    ("交通运输部广东海事局", "广东省"),
    ("交通运输部长江海事局", None),  # a river's: no province, not the whole country
    ("广东海事局", "广东省"),
    ("交通运输部长江航务管理局", None),
    ("交通运输部", "全国"),
])
def test_maritime_branch_named_with_its_ministry(issuer: str, region: str | None) -> None:
    assert md.issuer_region_level(md.normalize_issuer(issuer)) == (region, "central")
