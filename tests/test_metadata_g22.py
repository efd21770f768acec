"""Document metadata, session 22 (meta22): the 兵团, prefectures of every kind, zones, streets, 转发 letters, dates and
titles in the forms portals and offices print them.

63 notices (42, 13 of a second round written after the first ran, 8 of a third after the second's fixes), tests/data/metadata22/*.txt, the reading of each
written down in its EXPECTED.md before the code ran. 51 read right on main's code (guards: the 兵团's 师市 and 团 by short
names, a 市 under a 自治州 or 地区, a 盟's 旗, 白云鄂博矿区, 神农架林区, 浦东新区 and 滨海新区 governed as districts, zones'
committees by their short names, a street office named by its district's government, dates in Chinese numerals with 〇, ○,
零 or spaces and in full-width figures, a number as the only year, joint party and government offices, 应急管理厅 + 财政厅,
a title over two lines, 2027年度 and 二〇二七年度, plans for 2026—2028年); 12 were misread:

- a 转发 title printed without its 关于 (``转发国务院安委会办公室关于…的通知``, as portals shorten
  ``关于转发…的通知的通知``) read the forwarded organ, with its verb, as the issuer (``转发国务院安全生产委员会办公室``;
  a county's letter: region ``转发澄河市``, level ``city``): a title opening with 转发/批转/印发/下发 names no organ of its
  own (corpus/metadata.py ``forwards_only``), so the signature gives the issuer;
- a portal's tag before a headline (``【重要通知】``, ``〔转载〕``, ``[通知公告]``) stayed in the issuer
  (``【重要通知】澄河市应急管理局``): dropped (``_RE_PORTAL_TAG``); the title keeps it (corpus/segment.py: leftover);
- a 地区 named bare (``地区行署办公室``) was no tier its signature (喀什地区行政公署办公室) could name; now it is, as 州 and 盟
  were, and so are the 兵团's 师, 团 and 师市 (a 师 run with its city, 第八师石河子市);
- (round 3) a regiment named by one numeral after its 师 (第一师四团) read as the 师 (``city``): a regiment is one to five
  numerals before 团 after its 师 (``_CORPS_REGIMENT_RX``); a 林区 and a zone named by its kind alone (林区应急管理局,
  经开区安委办, 开发区管委会) are the ones the signature names (``_bare_zone_of``), as a bare 州 or 市 is;
- a street's party work committee by its short name (``中共城东街道工委``) was not spelt out, so the signature's
  ``中共岩溪县城东街道工作委员会`` was no fuller name of it: issuer and region lost the county; 工委 is spelt
  ``工作委员会`` now (not 党工委, a zone's committee's name; not 团工委).

Fixed by the lead after meta22 (corpus/clean.py): a portal tag before or after a title line (the title kept it, or the
line was no title: _untagged_title) and a 师市 signature over 16 characters before its organ (issuer_line, RE_CORPS_LEAD).

Documents written for these tests (real place names where the kind needs one; invented ones elsewhere; no sentence copied
or paraphrased from a real document). r2_number_with_di's number was written down as printed (``〔2027〕第7号``); the
code's one written form drops 第 (corpus/metadata.py ``document_number``, decided before): the reading follows it.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests

DATA = TEST_DATA / "metadata22"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# read right on main's code already: guards that the fixes keep
PROBED = {
    'b01_corps_division_city_merged.txt': ('新疆生产建设兵团第八师石河子市应急管理局关于开展冬季供暖锅炉安全检查的通知', '新疆生产建设兵团第八师石河子市应急管理局', '新疆生产建设兵团第八师石河子市', 'city', 'other', 2027, '2027-10-26', None),
    'b02_corps_regiment_short_title.txt': ('一〇三团关于做好棉花收购季节防火工作的通知', '新疆生产建设兵团第六师一〇三团', '新疆生产建设兵团第六师一〇三团', 'county', 'other', 2027, '2027-09-12', None),
    'b03_corps_short_prefix.txt': ('兵团第七师应急管理局关于开展农用机械安全隐患排查的通知', '新疆生产建设兵团第七师应急管理局', '新疆生产建设兵团第七师', 'city', 'other', 2027, '2027-04-03', None),
    'b04_corps_division_committee_office.txt': ('新疆生产建设兵团第十师安全生产委员会办公室关于加强春季融雪期安全防范工作的通知', '新疆生产建设兵团第十师安全生产委员会办公室', '新疆生产建设兵团第十师', 'city', 'other', 2027, '2027-03-10', '师安委办〔2027〕6号'),
    'p01_autonomous_prefecture_city_bureau.txt': ('延边朝鲜族自治州延吉市应急管理局关于开展冬季商场消防安全检查的通知', '延边朝鲜族自治州延吉市应急管理局', '延边朝鲜族自治州延吉市', 'county', 'other', 2027, '2027-11-08', None),
    'p02_league_banner_government.txt': ('锡林郭勒盟正蓝旗人民政府关于加强冬季牧区雪灾防范工作的通知', '锡林郭勒盟正蓝旗人民政府', '锡林郭勒盟正蓝旗', 'county', 'other', 2027, '2027-11-20', None),
    'p03_prefecture_county_city_bureau.txt': ('喀什地区喀什市应急管理局关于加强夏季高温时段施工安全管理的通知', '喀什地区喀什市应急管理局', '喀什地区喀什市', 'county', 'other', 2027, '2027-07-02', None),
    'p04_autonomous_prefecture_short_title.txt': ('州应急管理局关于开展汛期尾矿库安全检查的通知', '黔岭布依族苗族自治州应急管理局', '黔岭布依族苗族自治州', 'city', 'other', 2027, '2027-05-18', None),
    'p05_league_office_short_title.txt': ('盟行署办公室关于做好春季草原防火工作的通知', '锡林郭勒盟行政公署办公室', '锡林郭勒盟', 'city', 'other', 2027, '2027-03-25', None),
    'p06_city_named_mining_district.txt': ('包头市白云鄂博矿区应急管理局关于开展非煤矿山边坡安全检查的通知', '包头市白云鄂博矿区应急管理局', '包头市白云鄂博矿区', 'county', 'other', 2027, '2027-06-21', None),
    'p07_forest_district_province_named.txt': ('湖北省神农架林区应急管理局关于做好国庆期间景区安全工作的通知', '湖北省神农架林区应急管理局', '湖北省神农架林区', 'county', 'other', 2027, '2027-09-26', None),
    'z01_new_area_government.txt': ('上海市浦东新区人民政府关于加强高层建筑消防安全管理的通知', '上海市浦东新区人民政府', '上海市浦东新区', 'county', 'other', 2027, '2027-08-15', None),
    'z02_new_area_bureau_municipality.txt': ('天津市滨海新区应急管理局关于开展港区危险化学品储罐安全检查的通知', '天津市滨海新区应急管理局', '天津市滨海新区', 'county', 'other', 2027, '2027-05-06', None),
    'z03_hitech_zone_short_title.txt': ('澄河高新区管委会关于开展园区企业有限空间作业安全检查的通知', '澄河高新技术产业开发区管理委员会', '澄河高新技术产业开发区', 'department', 'other', 2027, '2027-06-09', None),
    'z04_economic_zone_bureau.txt': ('澄河经济技术开发区安全生产监督管理局关于加强粉尘涉爆企业安全管理的通知', '澄河经济技术开发区安全生产监督管理局', '澄河经济技术开发区', 'department', 'other', 2027, '2027-04-22', None),
    'z05_city_economic_zone_committee.txt': ('澄河市临港经济开发区管理委员会关于做好台风防御工作的通知', '澄河市临港经济开发区管理委员会', '澄河市临港经济开发区', 'department', 'other', 2027, '2027-08-01', None),
    's01_street_committee_short_title.txt': ('花园街道安全生产委员会关于开展老旧小区电动自行车充电隐患排查的通知', '澄河市东湖区花园街道安全生产委员会', '澄河市东湖区花园街道', 'department', 'other', 2027, '2027-05-12', None),
    's02_county_street_office.txt': ('岩溪县城东街道办事处关于加强沿街商铺消防安全管理的通知', '岩溪县城东街道办事处', '岩溪县城东街道', 'department', 'other', 2027, '2027-03-28', None),
    's03_street_office_named_by_district_government.txt': ('澄河市东湖区人民政府花园街道办事处关于做好汛期地下空间安全防范的通知', '澄河市东湖区人民政府花园街道办事处', '澄河市东湖区花园街道', 'department', 'other', 2027, '2027-06-18', None),
    'f01_province_forwards_state_council_office.txt': ('澜霁省安全生产委员会办公室关于转发国务院安委会办公室关于加强冬季安全防范工作的通知的通知', '澜霁省安全生产委员会办公室', '澜霁省', 'province', 'other', 2027, '2027-01-05', None),
    'f02_county_forwards_two_department_notice.txt': ('岩溪县应急管理局关于转发澜霁省应急管理厅澜霁省财政厅关于做好安全生产专项资金项目申报工作的通知的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-03-02', '岩应急〔2027〕9号'),
    'f03_forward_title_names_organ_short.txt': ('省安委办关于转发国务院安委会办公室关于进一步加强燃气安全管理的通知的通知', '澜霁省安全生产委员会办公室', '澜霁省', 'province', 'other', 2027, '2027-02-14', None),
    'd01_cn_date_circle_zero.txt': ('澄河市应急管理局关于开展烟花爆竹批发企业安全检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-03-08', None),
    'd02_cn_date_ling_december.txt': ('澄河市应急管理局关于做好元旦春节期间安全防范工作的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-12-28', None),
    'd03_fullwidth_date.txt': ('岩溪县应急管理局关于开展小型加工作坊消防安全检查的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-04-16', None),
    'd04_cn_date_twentieth.txt': ('岩溪县人民政府办公室关于加强农村自建房安全管理的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2027-01-20', None),
    'n01_number_only_unsigned.txt': ('关于开展危险化学品企业安全检查的通知', '山西省安全生产委员会办公室', '山西省', 'province', 'other', 2027, None, '晋安委办〔2027〕3号'),
    'n02_number_only_signed_undated.txt': ('岩溪县安全生产委员会办公室关于开展校园周边交通安全整治的通知', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'other', 2027, None, '岩安委办〔2027〕3号'),
    'j01_province_party_and_government_offices.txt': ('中共澜霁省委办公厅澜霁省人民政府办公厅关于建立健全安全生产责任体系的通知', '中共澜霁省委办公厅、澜霁省人民政府办公厅', '澜霁省', 'province', 'other', 2027, '2027-02-08', None),
    'j02_prefecture_party_and_government_offices.txt': ('中共黔岭州委办公室黔岭州人民政府办公室关于加强地质灾害防治工作的通知', '中共黔岭州委办公室、黔岭州人民政府办公室', '黔岭州', 'city', 'other', 2027, '2027-04-30', None),
    'j03_two_departments_issue_rules.txt': ('澜霁省应急管理厅澜霁省财政厅关于印发《澜霁省安全生产预防和应急救援能力建设补助资金管理办法》的通知', '澜霁省应急管理厅、澜霁省财政厅', '澜霁省', 'province', 'regulation', 2027, '2027-05-25', '澜应急〔2027〕22号'),
    'j04_two_departments_short_title.txt': ('省应急管理厅省财政厅关于做好安全生产专项资金绩效评价工作的通知', '澜霁省应急管理厅、澜霁省财政厅', '澜霁省', 'province', 'other', 2027, '2027-08-12', None),
    'j05_city_two_bureaus.txt': ('澄河市应急管理局澄河市财政局关于下达2027年安全生产专项资金的通知', '澄河市应急管理局、澄河市财政局', '澄河市', 'city', 'other', 2027, '2027-06-30', None),
    'j06_district_office_and_bureau.txt': ('澄河市东湖区人民政府办公室澄河市东湖区应急管理局关于开展燃气用户安全检查的通知', '澄河市东湖区人民政府办公室、澄河市东湖区应急管理局', '澄河市东湖区', 'county', 'other', 2027, '2027-10-11', None),
    't01_title_wrapped_two_lines.txt': ('澄河市应急管理局关于开展2027年工贸企业有限空间作业安全专项检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-04-08', None),
    't04_year_niandu_inspection_plan.txt': ('澄河市应急管理局2027年度安全生产监督检查计划', '澄河市应急管理局', '澄河市', 'city', 'work_points', 2027, '2027-02-10', None),
    't05_three_year_plan_range.txt': ('澄河市安全生产治本攻坚三年行动实施方案（2026—2028年）', '澄河市安全生产委员会', '澄河市', 'city', 'special_plan', 2026, '2026-04-10', None),
    't06_range_plan_signed_year_before.txt': ('岩溪县2026—2028年安全生产宣传教育行动方案', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'special_plan', 2026, '2025-12-28', None),
    't07_cn_year_in_title.txt': ('岩溪县人民政府关于做好二〇二七年度安全生产工作的通知', '岩溪县人民政府', '岩溪县', 'county', 'annual_notice', 2027, '2027-01-20', None),
    't08_range_hyphen_next_year_plan.txt': ('澄河市应急管理局关于印发《澄河市安全生产执法人员培训计划（2027-2029年）》的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2026-12-22', None),
    'r2_autonomous_prefecture_county_short.txt': ('县应急管理局关于做好汛期山洪灾害防御工作的通知', '黔岭布依族苗族自治州岭南县应急管理局', '黔岭布依族苗族自治州岭南县', 'county', 'other', 2027, '2027-05-29', None),
    'r2_league_county_city.txt': ('锡林郭勒盟锡林浩特市应急管理局关于开展供热企业安全检查的通知', '锡林郭勒盟锡林浩特市应急管理局', '锡林郭勒盟锡林浩特市', 'county', 'other', 2027, '2027-09-30', None),
    'r2_city_government_committee.txt': ('澄河市人民政府安全生产委员会关于印发《澄河市安全生产约谈实施办法》的通知', '澄河市人民政府安全生产委员会', '澄河市', 'city', 'regulation', 2027, '2027-03-15', '澄安委〔2027〕4号'),
    'r2_cn_date_spaced.txt': ('岩溪县应急管理局关于加强冬季取暖用煤安全宣传的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-11-15', None),
    'r2_number_with_di.txt': ('岩溪县安全生产委员会办公室关于开展夏季防溺水安全教育的通知', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'other', 2027, None, '岩安委办〔2027〕7号'),
    'r2_province_party_and_government.txt': ('中共澜霁省委澜霁省人民政府关于推进安全生产领域改革发展的实施意见', '中共澜霁省委、澜霁省人民政府', '澜霁省', 'province', 'opinion', 2027, '2027-07-01', None),
}

# misread on main's code (each test failed there: the fields it read instead in the comment)
FIXED = {
    # (issuer 转发国务院安全生产委员会办公室: the forwarded organ, with the verb; the signature never read)
    'r2_forward_title_no_guanyu.txt': ('转发国务院安委会办公室关于做好岁末年初安全防范工作的通知', '澜霁省安全生产委员会办公室', '澜霁省', 'province', 'other', 2027, '2027-12-03', None),
    # (issuer 转发澄河市应急管理局, region 转发澄河市, level city)
    'r2_forward_title_no_guanyu_county.txt': ('转发澄河市应急管理局关于开展建筑施工领域安全检查的通知', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'other', 2027, '2027-05-04', '岩安委办〔2027〕12号'),
    # (issuer 地区行政公署办公室: a 地区 named bare was no tier the signature could name)
    'r2_prefecture_office_short.txt': ('地区行署办公室关于加强沙尘暴天气交通安全防范的通知', '喀什地区行政公署办公室', '喀什地区', 'city', 'other', 2027, '2027-04-14', None),
    # (issuer 中共城东街道工委、岩溪县城东街道办事处, region 城东街道: 工委 was not spelt out, so the signature's
    # 中共岩溪县城东街道工作委员会 was no fuller name of it)
    'r2_street_party_working_committee_county.txt': ('中共城东街道工委城东街道办事处关于开展居民楼消防通道清理的通知', '中共岩溪县城东街道工作委员会、岩溪县城东街道办事处', '岩溪县城东街道', 'department', 'other', 2027, '2027-06-06', None),
}

# round 3 (written after round 2's fixes): read right on main
PROBED_ROUND3 = {
    'r3_league_under_region.txt': ('内蒙古自治区锡林郭勒盟行政公署关于做好冬春季防灾减灾工作的通知', '内蒙古自治区锡林郭勒盟行政公署', '内蒙古自治区锡林郭勒盟', 'city', 'other', 2027, '2027-11-12', None),
    'r3_date_yuanyue.txt': ('岩溪县应急管理局关于做好春运期间道路交通安全工作的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-01-08', None),
    'r3_street_bare.txt': ('街道办事处关于做好汛期低洼地段排涝工作的通知', '岩溪县城东街道办事处', '岩溪县城东街道', 'department', 'other', 2027, '2027-06-12', None),
    'r3_new_area_party_and_committee.txt': ('中共澄河新区工作委员会澄河新区管理委员会关于加强建设工地扬尘和高处作业安全管理的通知', '中共澄河新区工作委员会、澄河新区管理委员会', '澄河新区', 'department', 'other', 2027, '2027-05-08', None),
    'r3_year_first_title_unsigned_number.txt': ('2027年度澄河市安全生产工作要点', '澄河市安全生产委员会', '澄河市', 'city', 'work_points', 2027, None, '澄安委〔2027〕2号'),
}
# round 3: misread on main and after round 2 (the fields read instead in the comment)
FIXED_ROUND3 = {
    # (region 新疆生产建设兵团第一师, level city: a regiment of one numeral was no regiment)
    'r3_corps_one_numeral_regiment.txt': ('新疆生产建设兵团第一师四团安全生产委员会关于做好秋季林果采收安全工作的通知', '新疆生产建设兵团第一师四团安全生产委员会', '新疆生产建设兵团第一师四团', 'county', 'other', 2027, '2027-09-01', None),
    # (issuer 林区应急管理局: a 林区 named bare was no tier the signature could name)
    'r3_forest_district_bare.txt': ('林区应急管理局关于做好春季森林防火工作的通知', '湖北省神农架林区应急管理局', '湖北省神农架林区', 'county', 'other', 2027, '2027-03-06', None),
    # (issuer 经开区安全生产委员会办公室, region 经开区: a zone named by its kind alone, likewise)
    'r3_zone_short_bare.txt': ('经开区安委办关于开展园区危险化学品企业安全检查的通知', '澄河经济技术开发区安全生产委员会办公室', '澄河经济技术开发区', 'department', 'other', 2027, '2027-04-19', None),
}

# still misread: the title line (corpus/segment.py, corpus/clean.py) and a long 兵团 signature (corpus/clean.py RE_ISSUER)
OPEN = {
    # (issuer 【重要通知】澄河市应急管理局 on main, fixed; the title keeps the tag)
    't02_title_with_portal_tag.txt': ('澄河市应急管理局关于开展城镇燃气管道老化更新改造安全检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-07-19', None),
    # (issuer 〔转载〕岩溪县应急管理局 on main, fixed; the title keeps the tag)
    't03_title_with_bracket_tag.txt': ('岩溪县应急管理局关于做好秋收期间农机安全生产工作的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-09-05', None),
    # (issuer [通知公告]岩溪县应急管理局 on main, fixed; the title keeps the tag)
    'r2_square_tag_title.txt': ('岩溪县应急管理局关于开展危险化学品运输车辆专项检查的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-10-08', None),
    # (issuer 师市安全生产委员会办公室, region 师市 on main and now: the signature line is read as text)
    'r2_corps_division_city_short_office.txt': ('师市安委办关于开展冬季道路交通安全整治的通知', '新疆生产建设兵团第八师石河子市安全生产委员会办公室', '新疆生产建设兵团第八师石河子市', 'city', 'other', 2027, '2027-11-02', None),
    # (title built: 澄河市应急管理局2027年文件, the title line with a tag after it not read as a title)
    'r2_tag_after_title.txt': ('澄河市应急管理局关于公布2027年第一批安全生产举报奖励名单的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-05-20', None),
}
KNOWN_GAPS: dict[str, str] = {}

test_every_document_is_listed, test_document_metadata = probe_tests(DATA, PROBED, FIXED, PROBED_ROUND3, FIXED_ROUND3, OPEN,
                                                                    known_gaps=KNOWN_GAPS, at_least=63)


@pytest.mark.parametrize("raw, issuer", [
    # a portal's tag before the organ (kept on main)
    ("【重要通知】澄河市应急管理局", "澄河市应急管理局"),
    ("〔转载〕岩溪县人民政府办公室", "岩溪县人民政府办公室"),
    ("[通知公告]岩溪县应急管理局", "岩溪县应急管理局"),
    ("［工作动态］澜霁省应急管理厅", "澜霁省应急管理厅"),
    # a title's opening that names only the organ passed on (the forwarded organ with its verb on main)
    ("转发国务院安委会办公室", None),
    ("批转澄河市应急管理局", None),
    # a street's or an office's party work committee by its short name (中共城东街道工委 on main)
    ("中共城东街道工委", "中共城东街道工作委员会"),
    ("中共澄河市直属机关工委", "中共澄河市直属机关工作委员会"),
    ("中共澄河高新区工委", "中共澄河高新区工作委员会"),
])
def test_normalize_issuer(raw, issuer):
    assert md.normalize_issuer(raw) == issuer


@pytest.mark.parametrize("raw, issuer", [
    # guards: read so on main too
    ("中共澄河经济开发区党工委", "中共澄河经济开发区党工委"),  # (a zone's committee keeps its name)
    ("共青团澄河市委", "共青团澄河市委"),
    ("中共岩溪县委农工委", "中共岩溪县委农工委"),  # (农村工作委员会: no 工作委员会 of a 农)
    ("中共澄河市委教工委", "中共澄河市委教工委"),
    ("岩溪县人民政府办公室转发澄河市应急管理局", "岩溪县人民政府办公室"),  # (the forwarding organ named first)
    ("澄河市应急管理局", "澄河市应急管理局"),
])
def test_normalize_issuer_guards(raw, issuer):
    assert md.normalize_issuer(raw) == issuer


@pytest.mark.parametrize("title", [
    "转发国务院安委会办公室关于做好岁末年初安全防范工作的通知",
    "转发澄河市应急管理局关于开展建筑施工领域安全检查的通知",
    "印发澄河市安全生产约谈办法的通知",
])
def test_a_forwarding_title_names_no_organ(title):
    """(issuer_from_title read 转发国务院安委会办公室 on main; organ_opening_title none there too: a guard)"""
    assert md.issuer_from_title(title) is None and md.organ_opening_title(title) is None
    assert md.full_name(title.split("关于")[0], ["澜霁省安全生产委员会办公室"]) == ""


@pytest.mark.parametrize("short, signed, issuer", [
    # a tier named bare, the signature naming which (the short name stayed on main)
    ("地区行署办公室", ["喀什地区行政公署办公室"], "喀什地区行政公署办公室"),
    ("地区应急管理局", ["阿兰地区应急管理局"], "阿兰地区应急管理局"),
    ("师应急管理局", ["新疆生产建设兵团第七师应急管理局"], "新疆生产建设兵团第七师应急管理局"),
    ("团安委会", ["新疆生产建设兵团第六师一〇三团安全生产委员会"], "新疆生产建设兵团第六师一〇三团安全生产委员会"),
    ("师市安委办", ["新疆生产建设兵团第八师石河子市安全生产委员会办公室"], "新疆生产建设兵团第八师石河子市安全生产委员会办公室"),
    ("林区应急管理局", ["湖北省神农架林区应急管理局"], "湖北省神农架林区应急管理局"),
    # a zone named by its kind alone (round 3: the short name stayed on main)
    ("经开区安委办", ["澄河经济技术开发区安全生产委员会办公室"], "澄河经济技术开发区安全生产委员会办公室"),
    ("经开区管委会", ["澄河经济开发区管理委员会"], "澄河经济开发区管理委员会"),
    ("高新区应急管理局", ["澄河高新区应急管理局"], "澄河高新区应急管理局"),
    ("新区管委会", ["河北雄安新区管理委员会"], "河北雄安新区管理委员会"),
    ("园区安委办", ["澄河化工园区安全生产委员会办公室"], "澄河化工园区安全生产委员会办公室"),
    # the short 工委 and the signature's full name (the short one stayed on main)
    ("中共城东街道工委", ["中共岩溪县城东街道工作委员会"], "中共岩溪县城东街道工作委员会"),
])
def test_short_name_by_signature(short, signed, issuer):
    assert md.full_name(short, signed) == issuer


@pytest.mark.parametrize("name, reading", [
    # a regiment named by one numeral after its 师 (the 师's region and level on main)
    ("新疆生产建设兵团第一师四团安全生产委员会", ("新疆生产建设兵团第一师四团", "county")),
    ("新疆生产建设兵团第一师十团", ("新疆生产建设兵团第一师十团", "county")),
    # guards (read so on main too)
    ("新疆生产建设兵团第一师一〇三团", ("新疆生产建设兵团第一师一〇三团", "county")),
    ("新疆生产建设兵团第七师团委", ("新疆生产建设兵团第七师", "city")),
    ("新疆生产建设兵团第七师应急管理局", ("新疆生产建设兵团第七师", "city")),
])
def test_corps_region_level(name, reading):
    assert md.issuer_region_level(name) == reading


@pytest.mark.parametrize("short, signed", [
    # guards: a signature of another tier names no bare tier (read so on main too)
    ("师市安委办", ["澄河市安全生产委员会办公室"]),
    ("师应急管理局", ["澄河市应急管理局"]),
    ("团安委会", ["新疆生产建设兵团第七师安全生产委员会"]),
    ("地区应急管理局", ["澄河市应急管理局"]),
    ("市应急管理局", ["新疆生产建设兵团第七师应急管理局"]),
    ("林区应急管理局", ["澄河市应急管理局"]),
    ("经开区安委办", ["澄河高新技术产业开发区安全生产委员会办公室"]),  # (another kind of zone)
    ("经开区安委办", ["澄河市安全生产委员会办公室"]),
    ("开发区管委会", ["开发区管理委员会"]),  # (no zone's name before the kind)
])
def test_short_name_of_another_tier_stays(short, signed):
    assert md.full_name(short, signed) == short


@pytest.mark.parametrize("raw, hint, issuer", [
    # a bare 师 or 团 and the place a number or a signature hints (the bare name on main)
    ("师应急管理局", "新疆生产建设兵团第七师", "新疆生产建设兵团第七师应急管理局"),
    ("团应急管理局", "新疆生产建设兵团第七师一〇三团", "新疆生产建设兵团第七师一〇三团应急管理局"),
    ("地区行署办公室", "喀什地区", "喀什地区行政公署办公室"),
    # guard: a 团 is no 兵团 (read so on main too)
    ("团应急管理局", "新疆生产建设兵团", "团应急管理局"),
])
def test_bare_corps_tier_by_hint(raw, hint, issuer):
    assert md.normalize_issuer(raw, region_hint=hint) == issuer
