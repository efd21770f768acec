"""Document metadata, session 26 (meta26): the administrative map's less common tiers and titles that name no organ.

70 files, tests/data/metadata26/*.txt (44, then 6 of a second round written after the first's fix, 14 of a third, 6 of a
fourth on the county-level city),
the reading of each written down in its EXPECTED.md before the code ran: county-level cities (writing to their towns, under a 市 or a 自治州,
marked （县级）, governed by the province), districts and counties of the municipalities (北京市朝阳区, 天津市滨海新区,
重庆市…县), a 自治州 and its 县, a 盟, its 旗 and a 苏木, a 地区行署 and its 县, a 省直管县, a district's 安委办
(``澄河市白沙区安委办``), issuers signed by a short name only (``市应急局``, ``县政府办``, ``区应急局``) with the place in
the title alone, titles naming another government (``关于对岩溪县…的通报`` by the city), titles with （试行）, （征求意见稿）,
（2027年修订）, ``二〇二七年度``, notices signed in December for the next year (the year's notice, a 元旦春节 notice), a
汛期 notice, and genres: a 专项检查 notice (``other``) and its 方案 (``special_plan``), 实施意见, 责任清单, 任务分工,
排查清单, accident 通报, 约谈 notices, 工作总结.

62 read right on main's code (guards: 44 of the first round, 13 of the third, 5 of the fourth). 5 were misread, fixed in
corpus/metadata.py (title_region): a title opening with 关于 and its work (``关于开展澄河市城镇燃气安全专项检查的通知``,
``关于进一步加强澄河市白沙区…``, ``关于做好2027年岩溪县…``)
named its place as ``关于开展澄河市``, so a bare organ signing it (``市应急局``) became ``关于开展澄河市应急管理局``; the place
after the verb (and a year) is now the hint. A region read from a title never opens with 关于 (``关于对岩溪县…的通报``:
the county is the subject, not the sender). 3 are open (KNOWN_GAPS: corpus/clean.py takes no signature by a short name
without its place, 市安委会, 市安委办, 市防指办; their regions are right now, 关于对岩溪县, 关于做好鹭川市 and 关于做好澄河市
on main).

Documents written for these tests; invented places, real names only for the municipalities.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests

DATA = TEST_DATA / "metadata26"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# read right on main's code already: guards that the fix keeps
PROBED = {
    'a03_city_bulletin_on_county.txt': ('澄河市人民政府关于对岩溪县“3·12”较大道路交通事故调查处理情况的通报', '澄河市人民政府', '澄河市', 'city', 'bulletin', 2027, '2027-06-18', None),
    'a04_untitled_organ_bulletin_on_county.txt': ('关于对岩溪县安全生产工作约谈情况的通报', '澄河市安全生产委员会', '澄河市', 'city', 'bulletin', 2027, '2027-08-09', None),
    'g01_special_inspection_notice.txt': ('澄河市应急管理局关于开展2027年工贸企业有限空间作业专项检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-03-18', None),
    'g02_special_inspection_plan.txt': ('岩溪县2027年汛期安全生产专项检查工作方案', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'special_plan', 2027, '2027-05-06', None),
    'g03_implementation_opinion.txt': ('岩溪县人民政府关于推进安全生产治本攻坚的实施意见', '岩溪县人民政府', '岩溪县', 'county', 'opinion', 2027, '2027-03-25', '岩政发〔2027〕4号'),
    'g04_duty_list.txt': ('澄河市应急管理局安全生产责任清单（2027年版）', '澄河市应急管理局', '澄河市', 'city', 'duty_list', 2027, '2027-02-14', None),
    'g05_hazard_checklist.txt': ('岩溪县燃气企业重大事故隐患排查清单', '岩溪县住房和城乡建设局', '岩溪县', 'county', 'checklist', 2027, '2027-04-02', None),
    'g06_accident_bulletin.txt': ('澄河市安全生产委员会办公室关于岩溪县“1·15”较大火灾事故的通报', '澄河市安全生产委员会办公室', '澄河市', 'city', 'bulletin', 2027, '2027-01-20', '澄安办〔2027〕3号'),
    'g07_accident_bulletin_untitled_organ.txt': ('关于“1·15”较大事故的通报', '岩溪县安全生产委员会', '岩溪县', 'county', 'bulletin', 2027, '2027-01-22', None),
    'g08_interview_notice.txt': ('岩溪县安全生产委员会办公室关于约谈青石镇人民政府的通知', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'other', 2027, '2027-06-05', None),
    'g09_work_summary.txt': ('岩溪县应急管理局2026年工作总结', '岩溪县应急管理局', '岩溪县', 'county', 'report', 2026, '2027-01-10', None),
    'g10_safety_work_summary_title_year_du.txt': ('澄河市安全生产委员会办公室关于2026年度安全生产工作总结的报告', '澄河市安全生产委员会办公室', '澄河市', 'city', 'report', 2026, '2027-01-18', None),
    'g11_interview_notice_book.txt': ('澄河市安全生产委员会安全生产约谈通知书', '澄河市安全生产委员会', '澄河市', 'city', 'other', 2027, '2027-06-28', None),
    'g12_duty_division.txt': ('岩溪县2027年安全生产重点工作任务分工', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'duty_list', 2027, '2027-03-03', None),
    'l01_county_city_towns.txt': ('鹭川市应急管理局关于开展小作坊安全检查的通知', '鹭川市应急管理局', '鹭川市', 'county', 'other', 2027, '2027-04-06', None),
    'l02_prefecture_city_counties.txt': ('澄河市应急管理局关于开展小作坊安全检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-04-07', None),
    'l03_city_under_city.txt': ('澄河市鹭川市人民政府关于做好夏季安全生产工作的通知', '澄河市鹭川市人民政府', '澄河市鹭川市', 'county', 'other', 2027, '2027-06-02', None),
    'l04_county_city_remark.txt': ('鹭川市（县级）应急管理局关于加强有限空间作业管理的通知', '鹭川市应急管理局', '鹭川市', 'county', 'other', 2027, '2027-05-09', None),
    'l05_municipality_district_beijing.txt': ('北京市朝阳区应急管理局关于开展冬季燃气安全检查的通知', '北京市朝阳区应急管理局', '北京市朝阳区', 'county', 'other', 2027, '2027-11-03', None),
    'l06_municipality_county_chongqing.txt': ('重庆市岩山县人民政府办公室关于做好汛期地质灾害防范工作的通知', '重庆市岩山县人民政府办公室', '重庆市岩山县', 'county', 'other', 2027, '2027-05-20', None),
    'l07_municipality_new_area_government.txt': ('天津市滨海新区人民政府关于加强港口危险货物安全管理的通知', '天津市滨海新区人民政府', '天津市滨海新区', 'county', 'other', 2027, '2027-03-16', None),
    'l08_autonomous_prefecture.txt': ('澜西土家族苗族自治州应急管理局关于开展非煤矿山安全检查的通知', '澜西土家族苗族自治州应急管理局', '澜西土家族苗族自治州', 'city', 'other', 2027, '2027-03-30', None),
    'l09_autonomous_prefecture_county.txt': ('澜西土家族苗族自治州岩山县人民政府关于做好春耕农机安全工作的通知', '澜西土家族苗族自治州岩山县人民政府', '澜西土家族苗族自治州岩山县', 'county', 'other', 2027, '2027-03-02', None),
    'l10_autonomous_prefecture_city.txt': ('澜西土家族苗族自治州岚川市应急管理局关于开展烟花爆竹经营安全检查的通知', '澜西土家族苗族自治州岚川市应急管理局', '澜西土家族苗族自治州岚川市', 'county', 'other', 2027, '2027-01-08', None),
    'l11_league_office.txt': ('巴音塔拉盟应急管理局关于做好冬春草原防火工作的通知', '巴音塔拉盟应急管理局', '巴音塔拉盟', 'city', 'other', 2027, '2027-10-12', None),
    'l12_banner_of_league.txt': ('巴音塔拉盟乌兰旗应急管理局关于开展牧区用火安全检查的通知', '巴音塔拉盟乌兰旗应急管理局', '巴音塔拉盟乌兰旗', 'county', 'other', 2027, '2027-10-20', None),
    'l13_sumu_of_banner.txt': ('乌兰旗宝力格苏木人民政府关于做好防火期牧户用火管理的通知', '乌兰旗宝力格苏木人民政府', '乌兰旗宝力格苏木', 'department', 'other', 2027, '2027-10-25', None),
    'l14_prefecture_commissioner_office.txt': ('塔勒克地区行政公署办公室关于做好冬季道路交通安全工作的通知', '塔勒克地区行政公署办公室', '塔勒克地区', 'city', 'other', 2027, '2027-11-15', None),
    'l15_prefecture_county.txt': ('塔勒克地区岩山县应急管理局关于开展冬季取暖安全检查的通知', '塔勒克地区岩山县应急管理局', '塔勒克地区岩山县', 'county', 'other', 2027, '2027-11-20', None),
    'l16_province_direct_city.txt': ('澜霁省仙湖市人民政府关于做好安全生产月活动的通知', '澜霁省仙湖市人民政府', '澜霁省仙湖市', 'county', 'other', 2027, '2027-05-28', None),
    'l17_province_direct_county.txt': ('澜霁省岩石县人民政府关于加强自建房安全管理的通知', '澜霁省岩石县人民政府', '澜霁省岩石县', 'county', 'other', 2027, '2027-04-19', None),
    'l18_district_safety_office_stack.txt': ('澄河市白沙区安委办关于开展电动自行车火灾隐患排查的通知', '澄河市白沙区安全生产委员会办公室', '澄河市白沙区', 'county', 'other', 2027, '2027-03-12', None),
    'l19_district_safety_office_unsigned_full.txt': ('澄河市白沙区安委办关于开展夏季用电安全检查的通知', '澄河市白沙区安全生产委员会办公室', '澄河市白沙区', 'county', 'other', 2027, '2027-07-01', None),
    'r2_issuing_notice_short_sign.txt': ('关于印发《澄河市2027年危险化学品安全专项整治工作方案》的通知', '澄河市应急管理局', '澄河市', 'city', 'special_plan', 2027, '2027-03-20', None),
    'r2_whole_city_number_short_sign.txt': ('关于开展全市燃气安全检查的通知', '市应急管理局', None, 'city', 'other', 2027, '2027-03-08', '澄应急〔2027〕7号'),
    't01_trial_measures.txt': ('岩溪县安全生产约谈办法（试行）', '岩溪县安全生产委员会', '岩溪县', 'county', 'regulation', 2027, '2027-02-22', None),
    't02_draft_for_comment.txt': ('澄河市危险化学品道路运输安全管理办法（征求意见稿）', '澄河市应急管理局', '澄河市', 'city', 'regulation', 2027, '2027-06-06', None),
    't03_revised_plan.txt': ('澄河市生产安全事故应急预案（2027年修订）', '澄河市人民政府办公室', '澄河市', 'city', 'emergency_plan', 2027, '2027-09-01', None),
    't04_revised_measures_signed_next_year.txt': ('关于印发《岩溪县安全生产举报奖励办法（2026年修订）》的通知', '岩溪县应急管理局', '岩溪县', 'county', 'regulation', 2027, '2027-01-15', '岩应急发〔2027〕2号'),
    'y01_chinese_year_du.txt': ('岩溪县二〇二七年度安全生产工作要点', '岩溪县安全生产委员会', '岩溪县', 'county', 'work_points', 2027, '2027-02-10', None),
    'y02_late_december_next_year.txt': ('澄河市人民政府关于做好2027年全市安全生产工作的通知', '澄河市人民政府', '澄河市', 'city', 'annual_notice', 2027, '2026-12-29', '澄政发〔2026〕31号'),
    'y03_new_year_festival_notice.txt': ('岩溪县人民政府办公室关于做好2027年元旦春节期间安全生产工作的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2026-12-24', '岩政办明电〔2026〕20号'),
    'y04_new_year_festival_no_year_in_title.txt': ('岩溪县应急管理局关于做好元旦春节期间安全防范工作的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2026-12-26', None),
    'y05_flood_season_notice.txt': ('澄河市防汛抗旱指挥部关于做好2027年汛期安全防范工作的通知', '澄河市防汛抗旱指挥部', '澄河市', 'city', 'other', 2027, '2027-04-28', '澄防指〔2027〕3号'),
}

# misread on main's code (what it read instead in the comment)
FIXED = {
    # (issuer '关于开展澄河市应急管理局', region '关于开展澄河市')
    'a01_city_bureau_signed_short.txt': ('关于开展澄河市城镇燃气安全专项检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-04-11', None),
    # (issuer None, region '关于做好岩溪县')
    'a02_county_office_signed_short_number.txt': ('关于做好岩溪县2027年防汛工作的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2027-05-03', '岩政办发〔2027〕15号'),
    # (issuer '关于开展鹭川市应急管理局', region '关于开展鹭川市')
    'r2_city_county_bureau_short_sign.txt': ('关于开展鹭川市小餐饮燃气安全检查的通知', '鹭川市应急管理局', '鹭川市', 'county', 'other', 2027, '2027-04-16', None),
    # (issuer '县应急管理局', region None)
    'r2_county_year_first_signed_short.txt': ('关于做好2027年岩溪县森林防火工作的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-02-09', None),
    # (issuer '关于进一步加强澄河市白沙区应急管理局', region '关于进一步加强澄河市白沙区')
    'r2_district_bureau_signed_short.txt': ('关于进一步加强澄河市白沙区高层建筑消防安全管理的通知', '澄河市白沙区应急管理局', '澄河市白沙区', 'county', 'other', 2027, '2027-09-12', None),
}

# round 3, written after round 2: a 旗 alone, a 盟's 行署 by its short name, a municipality's district 安委办, 浦东新区, a
# district's and a province's 人民政府安委办, 二〇二七年度 work points signed in December 2026, a 元旦春节 notice numbered
# 〔2026〕, a year's summary titled by its year, 约谈 minutes, 印发 an 实施意见 and a 责任清单, a 明查暗访 notice
ROUND3 = {
    'r3_banner_alone.txt': ('乌兰旗应急管理局关于做好春季牧区防火工作的通知', '乌兰旗应急管理局', '乌兰旗', 'county', 'other', 2027, '2027-03-06', None),
    'r3_beijing_district_safety_office.txt': ('北京市朝阳区安委办关于开展有限空间作业专项检查的通知', '北京市朝阳区安全生产委员会办公室', '北京市朝阳区', 'county', 'other', 2027, '2027-05-14', None),
    'r3_city_year_summary.txt': ('2026年度全市安全生产工作总结', '澄河市安全生产委员会办公室', '澄河市', 'city', 'report', 2026, '2027-01-12', None),
    'r3_december_work_points_chinese_year.txt': ('岩溪县二〇二七年度应急管理工作要点', '岩溪县应急管理局', '岩溪县', 'county', 'work_points', 2027, '2026-12-30', None),
    'r3_district_government_safety_office.txt': ('澄河市白沙区人民政府安全生产委员会办公室关于开展燃气安全检查的通知', '澄河市白沙区人民政府安全生产委员会办公室', '澄河市白沙区', 'county', 'other', 2027, '2027-04-09', None),
    'r3_festival_numbered_no_title_year.txt': ('岩溪县人民政府办公室关于做好元旦春节期间安全生产工作的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2026-12-30', '岩政办明电〔2026〕22号'),
    'r3_interview_minutes.txt': ('岩溪县安全生产约谈会议纪要', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'minutes', 2027, '2027-06-11', None),
    'r3_issuing_duty_list.txt': ('关于印发《岩溪县党政领导干部安全生产责任清单》的通知', '岩溪县安全生产委员会', '岩溪县', 'county', 'duty_list', 2027, '2027-03-01', None),
    'r3_issuing_implementation_opinion.txt': ('关于印发《岩溪县关于推进企业安全生产标准化建设的实施意见》的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'opinion', 2027, '2027-05-08', '岩政办发〔2027〕18号'),
    'r3_league_commissioner_short.txt': ('巴音塔拉盟行署关于加强冬季煤矿安全生产工作的通知', '巴音塔拉盟行政公署', '巴音塔拉盟', 'city', 'other', 2027, '2027-11-02', None),
    'r3_province_government_safety_office.txt': ('澜霁省人民政府安全生产委员会办公室关于开展危险化学品安全检查的通知', '澜霁省人民政府安全生产委员会办公室', '澜霁省', 'province', 'other', 2027, '2027-04-10', None),
    'r3_shanghai_new_area_bureau.txt': ('上海市浦东新区应急管理局关于做好台风防御工作的通知', '上海市浦东新区应急管理局', '上海市浦东新区', 'county', 'other', 2027, '2027-08-01', None),
    'r3_unannounced_inspection_notice.txt': ('澄河市安全生产委员会办公室关于开展安全生产明查暗访的通知', '澄河市安全生产委员会办公室', '澄河市', 'city', 'other', 2027, '2027-07-07', None),
}

# round 4, on the county-level city: its 安委办 writing to towns, one named alone (省直管) numbered and writing to towns,
# its report up to the prefecture; a prefecture's notice with no addressee (city, the documented default); a county
# bureau signing 县应急局 under a title naming the city's campaign (the city is no place of the sender's)
ROUND4 = {
    'r4_county_city_report_up.txt': ('鹭川市应急管理局关于2027年上半年安全生产工作情况的报告', '鹭川市应急管理局', '鹭川市', 'county', 'report', 2027, '2027-07-05', None),
    'r4_county_city_safety_office_towns.txt': ('鹭川市安委办关于开展汛期安全隐患排查的通知', '鹭川市安全生产委员会办公室', '鹭川市', 'county', 'other', 2027, '2027-05-12', None),
    'r4_county_forwards_city_campaign_short_sign.txt': ('关于开展澄河市“安全生产月”宣传咨询日活动的通知', '县应急管理局', None, 'county', 'other', 2027, '2027-06-03', '岩应急〔2027〕20号'),
    'r4_prefecture_city_no_addressee.txt': ('澄河市应急管理局关于公布2027年安全生产举报电话的公告', '澄河市应急管理局', '澄河市', 'city', 'announcement', 2027, '2027-02-03', None),
    'r4_province_direct_city_no_prefix_towns.txt': ('仙湖市人民政府办公室关于加强城镇燃气安全管理的通知', '仙湖市人民政府办公室', '仙湖市', 'county', 'other', 2027, '2027-06-21', '仙政办发〔2027〕11号'),
}

# misread until the lead's fix (clean.RE_BARE_TIER_ORGAN): a signature by a bare tier and a short organ name
OPEN = {
    # (round 3; main read region 关于做好澄河市; the region is right now, the issuer still none)
    # (round 4; main read region 关于做好鹭川市; the region and level are right now, the issuer still none)
    'r4_county_city_short_sign_towns_in_title.txt': ('关于做好鹭川市2027年安全生产月活动的通知', '鹭川市安全生产委员会办公室', '鹭川市', 'county', 'other', 2027, '2027-05-26', None),
    'r3_flood_office_short_sign.txt': ('关于做好澄河市2027年汛期安全防范工作的通知', '澄河市防汛抗旱指挥部办公室', '澄河市', 'city', 'other', 2027, '2027-05-02', None),
    'r2_bulletin_on_county_number_short_sign.txt': ('关于对岩溪县安全生产工作约谈情况的通报', '市安全生产委员会', None, 'city', 'bulletin', 2027, '2027-08-09', '澄安委〔2027〕9号'),
}

KNOWN_GAPS: dict[str, str] = {
    # (the three OPEN signatures, 市安委会, 市安委办, 市防指办: a bare tier and a short organ name signing was no issuer
    # line in corpus/clean.py; clean.RE_BARE_TIER_ORGAN reads them since the lead's fix of session 23)
}

test_every_document_is_listed, test_document_metadata = probe_tests(
    DATA, PROBED, FIXED, ROUND3, ROUND4, OPEN, known_gaps=KNOWN_GAPS, at_least=70)


@pytest.mark.parametrize("title, region", [
    # the place right after 关于 and the work it orders is the work's territory, the sender's
    ("关于开展澄河市城镇燃气安全专项检查的通知", "澄河市"),
    ("关于做好岩溪县2027年防汛工作的通知", "岩溪县"),
    ("关于进一步加强澄河市白沙区高层建筑消防安全管理的通知", "澄河市白沙区"),
    ("关于做好2027年岩溪县森林防火工作的通知", "岩溪县"),
    ("关于切实做好鹭川市汛期安全防范工作的通知", "鹭川市"),
    # a subject, or no place: none
    ("关于加强城区燃气安全管理的通知", ""),
    ("关于开展乡镇燃气安全检查的通知", ""),
    ("关于开展2027年工贸企业有限空间作业专项检查的通知", ""),
    # another government named as the subject: never 关于对岩溪县
    ("关于对岩溪县安全生产工作约谈情况的通报", ""),
    ("关于岩溪县“1·15”较大火灾事故的通报", ""),
    # unchanged: an organ opening the title, an enclosure, a forwarded document, a commented one
    ("澄河市应急管理局关于开展燃气安全检查的通知", "澄河市"),
    ("关于印发《澄河市2027年危险化学品安全专项整治工作方案》的通知", "澄河市"),
    ("岩溪县应急管理局关于转发《澄河市应急管理局关于开展燃气安全检查的通知》的通知", "岩溪县"),
    ("关于《梧溪市燃气安全管理办法（征求意见稿）》的起草说明", "梧溪市"),
])
def test_title_region_of_a_title_opening_with_guanyu(title: str, region: str) -> None:
    assert md.title_region(title) == region
