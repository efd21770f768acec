"""Document metadata of issuers and shapes the earlier tests lacked (session 16, meta15): a national-level 新区 and a
旅游度假区 run by committees, a 新区 with a 人民政府, a 高新区 / 经开区 by full and short names; a 直辖市's district (by its
full and short name), its town and its bureau by its number alone; a 计划单列市's government, district bureau and a
district's party and government offices together; a 盟's 行署 (by its short name), 安委会 and 市; a 旗, a 苏木, a 嘎查's
committee, an 自治旗's 安委办; a 地区's 行署 by its short name and its 市; a city's 矿区 district and a 矿区 a committee runs;
the 兵团's 安委会 by its number, a 师市's bureau and a 团 by its short name; a central enterprise's branch and 安委办, a
province's state-owned group; a national and a province's association; a ministry and a province signing together, two
provincial departments together; issuers named only by their numbers (晋安委办, 应急厅); dates as 二〇二七年一月五日,
2027.1.5, 2027-01-05 and an imprint's …印发 date alone; a year's 工作要点 signed the December before; a January report on
last year; numbers with a place's short name in brackets (鹭（江）安委, （沐）应急责改); a 转发 letter whose forwarded notice
follows a bare 附件 line.

Documents written for these tests (tests/data/metadata15/*.txt; invented places and organs, 重庆市, 山西省 and the 兵团 the
only real units, no sentence copied or paraphrased from a real document); each expected reading was written down before
running ``policytag segment`` on the document (tests/data/metadata15/EXPECTED.md, with the decisions taken).

Fixed here (corpus/metadata.py; each test failed on main's code):
- a 嘎查's committee named 嘎查委员会 after its name (巴音嘎查委员会) governs that 嘎查 (was region 东乌岚旗巴音苏木); a
  village's committee by its short name 柳塘村委会 is 柳塘村村民委员会 (was 柳塘村民委员会, no village);
- a national association (中国岚业安全协会) is a social organisation, ``department`` (was ``central``, 全国, for opening
  with 中国);
- a zone's short name in a title (沐川经开区安委办) is the organ its signature names in full (沐川经济技术开发区…);
- a place titled alone with nothing signing (tests/test_metadata_g14.py r2_town_alone_nosig) has no issuer (docs/segmentation.md: a
  place is not an organ); a place signing as itself keeps it (tests/test_signatures.py);
- ``metadata.document_number`` reads a number line keeping a place's bracketed short name, and ``issuer_from_number`` reads
  such a number (``（沐）应急责改`` under 沐川市 is 沐川市应急管理局, no longer the ministry's ``应急``): segment.py does not
  call it yet (a leftover for its owner: strict xfails below).

dedup (corpus/dedup.py; docs/segmentation.md, Each notice once):
- a revised edition (``…办法（修订版）``, ``（2027年修订）``) and the text it revises are two documents, however near their
  texts (they were merged when read from two formats in one year);
- a copy that lost its year (a notice pasted after a 转发 letter, no date or number of its own) takes it from the copy
  that shows it, as it took the number and date; a title only built for the kept copy (the pasted notice after a bare
  附件 line) gives way to the title the other copy prints, with the genre read from it; the clauses follow;
- decided: a 转发 letter is its forwarding organ's own document, never a copy of the notice it forwards (even one of the
  same place: 沐川市人民政府办公室 forwarding 沐川市应急管理局's notice); the forwarded notice pasted after it is split off
  and is a copy of that notice given alone.
"""

from __future__ import annotations

import json

import pytest

from policytag.corpus import dedup
from policytag.corpus import metadata as md
from policytag.records import Clause, Document
from conftest import TEST_DATA
from metadata_harness import probe_tests, read_documents, segment_documents, segment_rows, write_copies

DATA = TEST_DATA / "metadata15"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# the documents read right on main's code already: the probe's record, kept so that none regresses
PROBED = {
    'national_new_area_committee.txt': ('岚湖新区管理委员会关于开展汛期安全隐患排查整治的通知', '沅澜省岚湖新区管理委员会', '沅澜省岚湖新区', 'department', 'other', 2027, '2027-06-03', None),
    'new_area_government_district.txt': ('鹭江市翠湾新区人民政府关于加强城市内涝防范工作的通知', '鹭江市翠湾新区人民政府', '鹭江市翠湾新区', 'county', 'other', 2027, '2027-05-18', None),
    'hitech_zone_full_committee.txt': ('鹭江高新技术产业开发区管理委员会关于开展实验室危险化学品安全检查的通知', '鹭江高新技术产业开发区管理委员会', '鹭江高新技术产业开发区', 'department', 'other', 2027, '2027-08-26', None),
    'econ_zone_bureau_number.txt': ('沐川经济技术开发区应急管理局关于开展粉尘涉爆企业专项检查的通知', '沐川经济技术开发区应急管理局', '沐川经济技术开发区', 'department', 'other', 2027, '2027-06-28', '沐开应急〔2027〕4号'),
    'municipality_district_gov.txt': ('重庆市岚溪区人民政府关于做好2027年安全生产工作的通知', '重庆市岚溪区人民政府', '重庆市岚溪区', 'county', 'annual_notice', 2027, '2027-02-10', '岚溪府发〔2027〕2号'),
    'municipality_district_bureau_short.txt': ('岚溪区应急管理局关于开展小型游乐设施安全检查的通知', '重庆市岚溪区应急管理局', '重庆市岚溪区', 'county', 'other', 2027, '2027-04-22', None),
    'municipality_town.txt': ('重庆市岚溪区青杠镇人民政府关于做好秋冬季森林防火工作的通知', '重庆市岚溪区青杠镇人民政府', '重庆市岚溪区青杠镇', 'department', 'other', 2027, '2027-10-18', None),
    'municipality_bureau_number.txt': ('关于开展危险化学品储存场所安全检查的通知', '重庆市应急管理局', '重庆市', 'province', 'other', 2027, '2027-04-08', '渝应急发〔2027〕15号'),
    'subprovincial_city_gov.txt': ('鹭江市人民政府关于加强高层建筑消防安全管理的意见', '鹭江市人民政府', '鹭江市', 'city', 'opinion', 2027, '2027-03-12', '鹭政发〔2027〕6号'),
    'subprovincial_district_bureau_short.txt': ('思岚区应急管理局关于开展港口危险货物作业安全检查的通知', '鹭江市思岚区应急管理局', '鹭江市思岚区', 'county', 'other', 2027, '2027-07-06', None),
    'subprovincial_district_party.txt': ('中共鹭江市思岚区委员会办公室鹭江市思岚区人民政府办公室关于印发思岚区安全生产党政同责实施办法的通知', '中共鹭江市思岚区委员会办公室、鹭江市思岚区人民政府办公室', '鹭江市思岚区', 'county', 'regulation', 2027, '2027-03-30', None),
    'league_admin_office_short.txt': ('锡岚盟行署关于做好2027年草原防火工作的通知', '锡岚盟行政公署', '锡岚盟', 'city', 'other', 2027, '2027-03-08', None),
    'league_committee.txt': ('锡岚盟安全生产委员会关于开展安全生产大检查的通知', '锡岚盟安全生产委员会', '锡岚盟', 'city', 'other', 2027, '2027-04-15', None),
    'league_county_city.txt': ('锡岚盟岚浩特市应急管理局关于做好冬季取暖安全工作的通知', '锡岚盟岚浩特市应急管理局', '锡岚盟岚浩特市', 'county', 'other', 2027, '2027-11-02', None),
    'banner_government.txt': ('锡岚盟东乌岚旗人民政府关于加强牧区防灾减灾工作的通知', '锡岚盟东乌岚旗人民政府', '锡岚盟东乌岚旗', 'county', 'other', 2027, '2027-10-25', None),
    'sumu_government.txt': ('东乌岚旗巴音苏木人民政府关于做好春季草原防火工作的通知', '锡岚盟东乌岚旗巴音苏木人民政府', '锡岚盟东乌岚旗巴音苏木', 'department', 'other', 2027, '2027-03-20', None),
    'autonomous_banner_committee_office.txt': ('鄂岚温克族自治旗安委办关于做好五一期间安全防范工作的通知', '鄂岚温克族自治旗安全生产委员会办公室', '鄂岚温克族自治旗', 'county', 'other', 2027, '2027-04-26', None),
    'prefecture_admin_office_short.txt': ('阿岚行署关于加强地质灾害防治工作的通知', '阿岚地区行政公署', '阿岚地区', 'city', 'other', 2027, '2027-05-09', '阿署发〔2027〕9号'),
    'prefecture_county_city.txt': ('阿岚地区岚泉市人民政府关于开展城镇燃气安全专项整治的通知', '阿岚地区岚泉市人民政府', '阿岚地区岚泉市', 'county', 'other', 2027, '2027-06-15', None),
    'city_mining_district_gov.txt': ('岚阳市矿区人民政府关于加强采空区安全管理的通知', '岚阳市矿区人民政府', '岚阳市矿区', 'county', 'other', 2027, '2027-08-04', None),
    'mining_area_committee.txt': ('岚阳市岚山矿区管理委员会关于开展非煤矿山安全检查的通知', '岚阳市岚山矿区管理委员会', '岚阳市岚山矿区', 'department', 'other', 2027, '2027-05-27', None),
    'corps_safety_committee_number.txt': ('新疆生产建设兵团安全生产委员会关于开展安全生产大检查的通知', '新疆生产建设兵团安全生产委员会', '新疆生产建设兵团', 'province', 'other', 2027, '2027-04-20', '兵安委〔2027〕3号'),
    'corps_division_city_bureau.txt': ('新疆生产建设兵团第三师图岚市应急管理局关于做好夏季棉花加工企业防火工作的通知', '新疆生产建设兵团第三师图岚市应急管理局', '新疆生产建设兵团第三师图岚市', 'city', 'other', 2027, '2027-07-20', None),
    'central_enterprise_branch.txt': ('中国岚能集团有限公司岚川分公司关于开展有限空间作业专项检查的通知', '中国岚能集团有限公司岚川分公司', None, 'department', 'other', 2027, '2027-06-09', None),
    'central_enterprise_committee_office.txt': ('中国岚能集团有限公司安全生产委员会办公室关于做好汛期安全生产工作的通知', '中国岚能集团有限公司安全生产委员会办公室', None, 'department', 'other', 2027, '2027-06-01', None),
    'provincial_soe.txt': ('沅澜省交通投资集团有限公司关于开展高速公路施工安全专项检查的通知', '沅澜省交通投资集团有限公司', '沅澜省', 'department', 'other', 2027, '2027-05-14', None),
    'provincial_association_appeal.txt': ('沅澜省建筑业协会关于加强建筑施工高处作业安全的倡议书', '沅澜省建筑业协会', '沅澜省', 'department', 'appeal', 2027, '2027-07-03', None),
    'ministry_province_joint.txt': ('应急管理部沅澜省人民政府关于共同推进岚江流域防汛抗旱能力建设的意见', '应急管理部、沅澜省人民政府', '全国', 'central', 'opinion', 2027, '2027-04-28', None),
    'province_two_departments_joint.txt': ('沅澜省应急管理厅沅澜省公安厅关于加强烟花爆竹运输安全管理的通知', '沅澜省应急管理厅、沅澜省公安厅', '沅澜省', 'province', 'other', 2027, '2027-12-10', None),
    'number_only_province_committee_office.txt': ('关于做好元旦春节期间安全防范工作的通知', '山西省安全生产委员会办公室', '山西省', 'province', 'other', 2027, '2027-12-22', '晋安委办〔2027〕38号'),
    'number_only_ministry_office.txt': ('关于开展工贸企业有限空间作业安全专项检查的通知', '应急管理部办公厅', '全国', 'central', 'other', 2027, '2027-07-26', '应急厅〔2027〕21号'),
    'date_cn_numerals.txt': ('鹭江市应急管理局关于开展岁末年初危险化学品安全检查的通知', '鹭江市应急管理局', '鹭江市', 'city', 'other', 2027, '2027-01-05', None),
    'date_dotted.txt': ('沐川市应急管理局关于做好寒潮天气安全防范工作的通知', '沐川市应急管理局', '沐川市', 'city', 'other', 2027, '2027-01-05', None),
    'date_iso.txt': ('沐川市安全生产委员会办公室关于做好雨雪冰冻天气安全防范的通知', '沐川市安全生产委员会办公室', '沐川市', 'city', 'other', 2027, '2027-01-05', None),
    'printed_date_only.txt': ('沐川市应急管理局关于开展冬季矿山安全检查的通知', '沐川市应急管理局', '沐川市', 'city', 'other', 2027, None, None),
    'points_next_year_december.txt': ('鹭江市应急管理局2027年安全生产工作要点', '鹭江市应急管理局', '鹭江市', 'city', 'work_points', 2027, '2026-12-28', None),
    'points_notice_december_number.txt': ('沐川市安全生产委员会关于印发沐川市2027年安全生产工作要点的通知', '沐川市安全生产委员会', '沐川市', 'city', 'covering_letter', 2027, '2026-12-30', '沐安委〔2026〕12号'),
    'report_last_year_january.txt': ('沐川市应急管理局关于2026年安全生产工作情况的报告', '沐川市应急管理局', '沐川市', 'city', 'report', 2026, '2027-01-15', None),
    'untitled_year_body_december.txt': ('沐川市应急管理局关于做好元旦春节期间烟花爆竹安全管理工作的通知', '沐川市应急管理局', '沐川市', 'city', 'other', 2027, '2026-12-20', None),
    'direct_county_city_province.txt': ('沅澜省仙岚市人民政府关于做好汛期安全防范工作的通知', '沅澜省仙岚市人民政府', '沅澜省仙岚市', 'county', 'other', 2027, '2027-05-25', None),
    'tourism_resort_committee.txt': ('鹭江岚屿旅游度假区管理委员会关于加强海上游乐项目安全管理的通知', '鹭江岚屿旅游度假区管理委员会', '鹭江岚屿旅游度假区', 'department', 'other', 2027, '2027-07-15', None),
    'zone_party_and_committee_city_prefix.txt': ('中共沐川经济技术开发区工作委员会办公室关于做好安全生产巡查工作的通知', '中共沐川经济技术开发区工作委员会办公室', '沐川经济技术开发区', 'department', 'other', 2027, '2027-08-03', None),
    # (second round)
    'r2_date_yuanyue.txt': ('沐川市应急管理局关于做好春节前后烟花爆竹安全工作的通知', '沐川市应急管理局', '沐川市', 'city', 'other', 2027, '2027-01-08', None),
    'r2_joint_untitled_organs_stacked.txt': ('关于共同推进岚江流域应急救援基地建设的意见', '应急管理部、沅澜省人民政府', '全国', 'central', 'opinion', 2027, '2027-09-12', None),
    'r2_prefecture_office_office.txt': ('阿岚地区行政公署办公室关于印发阿岚地区森林草原火灾应急预案的通知', '阿岚地区行政公署办公室', '阿岚地区', 'city', 'emergency_plan', 2027, '2027-03-02', '阿署办发〔2027〕5号'),
    'r2_soe_safety_committee.txt': ('沅澜省交通投资集团有限公司安全生产委员会关于开展安全生产月活动的通知', '沅澜省交通投资集团有限公司安全生产委员会', '沅澜省', 'department', 'other', 2027, '2027-05-30', None),
    'r2_forward_points_december.txt': ('沐川市岚河县人民政府办公室关于转发《沐川市2027年安全生产工作要点》的通知', '沐川市岚河县人民政府办公室', '沐川市岚河县', 'county', 'covering_letter', 2027, '2026-12-31', None),
    'r2_points_notice_no_place.txt': ('关于印发2027年安全生产工作要点的通知', '沐川市岚河县应急管理局', '沐川市岚河县', 'county', 'covering_letter', 2027, '2027-02-16', '岚河应急〔2027〕3号'),
    'r2_zone_committee_city_prefix_short.txt': ('沐川市沐川经开区管委会关于做好园区企业复工复产安全工作的通知', '沐川市沐川经济技术开发区管理委员会', '沐川市沐川经济技术开发区', 'department', 'other', 2027, '2027-02-18', None),
    'r2_municipality_subdistrict.txt': ('岚溪区青杠街道办事处关于开展老旧小区电动自行车充电隐患排查的通知', '重庆市岚溪区青杠街道办事处', '重庆市岚溪区青杠街道', 'department', 'other', 2027, '2027-04-12', None),
    'r2_printed_line_alone.txt': ('沐川市应急管理局关于开展夏季高温作业安全检查的通知', '沐川市应急管理局', '沐川市', 'city', 'other', 2027, None, None),
}

# the documents main's code misread (each test failed there): what this session fixed
FIXED = {
    # (a zone's short name in the title, its full name signing: was 沐川经开区安全生产委员会办公室, region 沐川经开区)
    'econ_zone_committee_office_short.txt': ('沐川经开区安委办关于做好中秋国庆期间安全防范工作的通知', '沐川经济技术开发区安全生产委员会办公室', '沐川经济技术开发区', 'department', 'other', 2027, '2027-09-20', None),
    # (a 嘎查's committee governs the 嘎查: was region 东乌岚旗巴音苏木)
    'gacha_committee.txt': ('巴音嘎查委员会关于做好防火期牧户安全用火的通知', '东乌岚旗巴音苏木巴音嘎查委员会', '东乌岚旗巴音苏木巴音嘎查', 'department', 'other', 2027, '2027-04-02', None),
    # (a national association is no central organ: was 全国, central)
    'national_association.txt': ('中国岚业安全协会关于开展会员单位安全生产标准化建设的通知', '中国岚业安全协会', None, 'department', 'other', 2027, '2027-06-12', None),
    # (second round) (a national group's provincial company by the group's short name: was region 国网沅澜省)
    'r2_state_grid_province_company.txt': ('国网沅澜省电力有限公司关于开展迎峰度夏电网设备安全检查的通知', '国网沅澜省电力有限公司', None, 'department', 'other', 2027, '2027-06-18', None),
    # (third round) (a city bureau's branch in a zone is the bureau's: was region 沐川市应急管理局沐川经济技术开发区, department;
    # and one organ: was split in two, 鹭江市市场监督管理局、鹭江高新区分局; an association's branch: was 全国, central)
    'r3_city_bureau_zone_branch.txt': ('沐川市应急管理局沐川经济技术开发区分局关于开展涉氨制冷企业安全检查的通知', '沐川市应急管理局沐川经济技术开发区分局', '沐川市', 'city', 'other', 2027, '2027-07-22', None),
    'r3_market_bureau_zone_branch.txt': ('鹭江市市场监督管理局鹭江高新区分局关于开展电梯安全专项检查的通知', '鹭江市市场监督管理局鹭江高新区分局', '鹭江市', 'city', 'other', 2027, '2027-05-11', None),
    'r3_association_branch.txt': ('中国岚业安全协会沅澜分会关于举办安全管理人员培训班的通知', '中国岚业安全协会沅澜分会', None, 'department', 'other', 2027, '2027-08-20', None),
}

# readings still wrong (strict: a fix shows as an XPASS to turn into a plain test)
OPEN = {
    'corps_regiment_short_title.txt': ('四十四团关于做好秋收期间农机安全工作的通知', '新疆生产建设兵团第三师四十四团', '新疆生产建设兵团第三师四十四团', 'county', 'other', 2027, '2027-09-05', None),
    'number_place_bracket.txt': ('鹭江市安全生产委员会关于开展岁末年初安全生产大检查的通知', '鹭江市安全生产委员会', '鹭江市', 'city', 'other', 2026, '2026-11-20', '鹭（江）安委〔2026〕31号'),
    'number_bracket_prefix_order.txt': ('沐川市应急管理局责令限期整改指令书', '沐川市应急管理局', '沐川市', 'city', 'rectification', 2027, '2027-06-10', '（沐）应急责改〔2027〕12号'),
    'r2_points_no_title_year_december.txt': ('鹭江市应急管理局安全生产工作要点', '鹭江市应急管理局', '鹭江市', 'city', 'work_points', 2027, '2026-12-28', None),
}

KNOWN_GAPS = {
}
TWO_DOCUMENTS = {
    "forward_bare_annex.txt": [
        ("沐川市岚河县应急管理局关于转发沐川市应急管理局关于开展燃气安全专项检查的通知的通知", "沐川市岚河县应急管理局", "沐川市岚河县",
         "county", "covering_letter", 2027, "2027-07-12", None),
        ("沐川市应急管理局关于开展燃气安全专项检查的通知", "沐川市应急管理局", "沐川市", "city", "other", 2027, "2027-07-05",
         "沐应急〔2027〕16号"),
    ],
}


test_every_document_is_listed, test_document_metadata = probe_tests(
    DATA, PROBED, FIXED, OPEN, known_gaps=KNOWN_GAPS, two_documents=TWO_DOCUMENTS, at_least=40)


# (it got a built title, 沐川市应急管理局2027年文件, before the lead's fix in segment.split_documents)
def test_a_forwarded_notice_after_a_bare_annex_line_keeps_its_own_title():
    assert read_documents(DATA / "forward_bare_annex.txt") == TWO_DOCUMENTS["forward_bare_annex.txt"]


def test_a_forwarded_notice_after_a_bare_annex_line_is_split_off():
    # (guard: the letter and the forwarded notice are two documents, whatever the second one's title)
    assert [(r[1], r[7]) for r in read_documents(DATA / "forward_bare_annex.txt")] == [
        (t[1], t[7]) for t in TWO_DOCUMENTS["forward_bare_annex.txt"]]


@pytest.mark.parametrize("line, number", [
    ("（沐）应急责改〔2027〕第12号", "（沐）应急责改〔2027〕12号"),
    ("(岩) 消改字〔2027〕第021号", "（岩）消改字〔2027〕21号"),
    ("鹭（江）安委［2026］31号", "鹭（江）安委〔2026〕31号"),
    # (guards: plain numbers as segment.py writes them; no number)
    ("晋安委办〔2027〕38号", "晋安委办〔2027〕38号"),
    ("沐开应急[2027]4号", "沐开应急〔2027〕4号"),
    ("关于开展燃气安全专项检查的通知", None),
])
def test_a_number_keeps_its_bracketed_place(line, number):
    assert md.document_number(line) == number


@pytest.mark.parametrize("number, hint, expected", [
    ("（沐）应急责改〔2027〕12号", "沐川市", ("沐川市应急管理局", "沐川市", "city")),
    ("鹭（江）安委〔2026〕31号", "鹭江市", ("鹭江市安全生产委员会", "鹭江市", "city")),
    ("（沐）应急责改〔2027〕12号", None, (None, None, None)),  # (no ministry's 应急 for a place's bracketed number)
    # (guards: a plain number, the ministry's)
    ("沐应急〔2027〕16号", "沐川市", ("沐川市应急管理局", "沐川市", "city")),
    ("应急厅〔2027〕21号", None, ("应急管理部办公厅", "全国", "central")),
])
def test_a_number_with_a_bracketed_place_names_that_places_organ(number, hint, expected):
    assert md.issuer_from_number(number, hint) == expected


@pytest.mark.parametrize("raw, expected", [
    ("东乌岚旗巴音苏木巴音嘎查委员会", ("东乌岚旗巴音苏木巴音嘎查委员会", "东乌岚旗巴音苏木巴音嘎查", "department")),
    ("柳塘村委会", ("柳塘村村民委员会", "柳塘村", "department")),
    ("梧溪市石桥镇柳塘村委会", ("梧溪市石桥镇柳塘村村民委员会", "梧溪市石桥镇柳塘村", "department")),
    ("中国岚业安全协会", ("中国岚业安全协会", None, "department")),
    ("中国岚业安全协会秘书处", ("中国岚业安全协会秘书处", None, "department")),
    # (guards: a village's committee in full; a province's association; central organs opening with 中国)
    ("梧溪市石桥镇柳塘村村委会", ("梧溪市石桥镇柳塘村村民委员会", "梧溪市石桥镇柳塘村", "department")),
    ("沅澜省建筑业协会", ("沅澜省建筑业协会", "沅澜省", "department")),
    ("中国气象局", ("中国气象局", "全国", "central")),
    ("中国民用航空局", ("中国民用航空局", "全国", "central")),
])
def test_villages_and_associations(raw, expected):
    issuer = md.normalize_issuer(raw)
    assert (issuer, *md.issuer_region_level(issuer)) == expected


@pytest.mark.parametrize("organ, signed, expected", [
    ("沐川经开区安委办", ["沐川经济技术开发区安全生产委员会办公室"], "沐川经济技术开发区安全生产委员会办公室"),
    ("桐岚高新区管委会", ["沅澜省桐岚高新技术产业开发区管理委员会"], "沅澜省桐岚高新技术产业开发区管理委员会"),
    ("岚港综保区管委会", ["岚港综合保税区管理委员会"], "岚港综合保税区管理委员会"),
    # (guards: another zone; another organ of the zone)
    ("桐岚高新区管委会", ["沐川高新技术产业开发区管理委员会"], "桐岚高新区管委会"),
    ("沐川经开区安委办", ["沐川经济技术开发区管理委员会"], "沐川经开区安委办"),
])
def test_a_zone_by_its_short_name_is_the_one_its_signature_names(organ, signed, expected):
    assert md.full_name(organ, signed) == expected


@pytest.mark.parametrize("organ, signed, expected", [
    ("芦口镇", [], ""),  # (nothing signs: no organ)
    ("蓼湾区", ["蓼湾区"], "蓼湾区"),  # (guard: a place signing as itself, tests/test_signatures.py)
    ("芦口镇", ["苇塘县芦口镇人民政府"], "苇塘县芦口镇人民政府"),  # (guard: the organ signing for it)
])
def test_a_place_titled_alone(organ, signed, expected):
    assert md.full_name(organ, signed) == expected


# dedup: a researcher's folder (tests/data/metadata15/dedup/)
DEDUP = DATA / "dedup"


def _text(name: str) -> str:
    return (DEDUP / name).read_text(encoding="utf-8")


def test_one_notice_as_txt_and_as_a_docx_spaced_otherwise_is_one(tmp_path):
    # (guard: read right on main) full-width indents, blank lines and a space inside a sentence
    write_copies(tmp_path, {"gas.txt": _text("gas_notice.txt"), "gas.docx": _text("gas_notice_spaced.txt")})
    docs, err = segment_documents(tmp_path)
    assert [(d["source"].rsplit("/", 1)[-1], d["doc_number"]) for d in docs] == [("gas.txt", "沐应急〔2027〕16号")], err
    assert "skipped 1 duplicate notice" in err


def test_a_forwarding_letter_of_the_same_place_and_the_notice_it_forwards(tmp_path):
    # the city's office forwarding the city bureau's notice (pasted after it without number or date) beside the
    # bureau's .docx: the letter, and the notice once, with the year, number and date the .docx shows (year was None)
    write_copies(tmp_path, {"forward.txt": _text("gas_forward_enclosed.txt"), "gas.docx": _text("gas_notice.txt")})
    docs, err = segment_documents(tmp_path)
    assert [(d["issuer"], d["year"], d["date"], d["doc_number"]) for d in docs] == [
        ("沐川市人民政府办公室", 2027, "2027-07-08", None), ("沐川市应急管理局", 2027, "2027-07-05", "沐应急〔2027〕16号")], err
    assert "skipped 1 duplicate notice" in err
    rows, _ = segment_rows(tmp_path)
    assert [year for _, _, year, _ in rows] == [2027, 2027]  # (every clause row carries its document's year)


def test_a_notice_after_a_bare_annex_line_takes_the_printed_title_of_its_copy(tmp_path):
    # the county's 转发 letter with the city's notice after a bare 附件 line (its title read as the letter's enclosure,
    # a title built for it) beside the city's .docx: the notice once, under the title the .docx prints (was
    # 沐川市应急管理局2027年文件), its clauses too
    letter = ("沐川市岚河县应急管理局关于转发沐川市应急管理局关于开展燃气安全专项检查的通知的通知\n\n各乡镇人民政府，县直有关部门：\n"
              "现将沐川市应急管理局《关于开展燃气安全专项检查的通知》转发给你们，请结合实际认真贯彻落实。\n\n"
              "沐川市岚河县应急管理局\n2027年7月12日\n\n附件\n\n" + _text("gas_notice.txt"))
    write_copies(tmp_path, {"letter.txt": letter, "gas.docx": _text("gas_notice.txt")})
    docs, err = segment_documents(tmp_path)
    assert sorted(d["title"] for d in docs) == ["沐川市岚河县应急管理局关于转发沐川市应急管理局关于开展燃气安全专项检查的通知的通知",
                                                "沐川市应急管理局关于开展燃气安全专项检查的通知"], err
    rows, _ = segment_rows(tmp_path)
    assert sorted(title for _, title, _, _ in rows) == sorted(d["title"] for d in docs)


@pytest.mark.parametrize("files", [
    {"rules.txt": "", "rules_rev.html": ""},
    {"rules.html": "", "rules_rev.txt": ""},
    {"rules.docx": "", "rules_rev.docx": ""},  # (guard: two files of one exact-text format were two versions on main)
])
def test_a_revised_edition_and_the_text_it_revises_are_two_documents(tmp_path, files):
    # signed in the same year, one article and the date of effect changed: near-identical texts (merged on main)
    original = _text("talk_rules.txt").replace("2025", "2027")
    revised = _text("talk_rules_revised.txt").replace("（2027年修订）", "（修订版）")
    write_copies(tmp_path, {name: (revised if "_rev" in name else original) for name in files})
    docs, err = segment_documents(tmp_path)
    assert sorted(d["title"] for d in docs) == ["沐川市安全生产约谈办法", "沐川市安全生产约谈办法（修订版）"], err
    assert "duplicate" not in err


def test_a_revision_of_another_year_and_its_original(tmp_path):
    # (guard: two years' texts were never compared)
    write_copies(tmp_path, {"rules.txt": _text("talk_rules.txt"), "rules_rev.html": _text("talk_rules_revised.txt")})
    docs, err = segment_documents(tmp_path)
    assert sorted((d["title"], d["year"]) for d in docs) == [("沐川市安全生产约谈办法", 2025),
                                                             ("沐川市安全生产约谈办法（2027年修订）", 2027)], err


def test_one_text_under_a_title_with_and_without_its_revision_remark_is_one(tmp_path):
    # (guard: identical bodies are one text, whatever remark a copy's title lost)
    revised = _text("talk_rules_revised.txt")
    write_copies(tmp_path, {"rules.txt": revised, "rules.html": revised.replace("（2027年修订）", "")})
    docs, err = segment_documents(tmp_path)
    assert len(docs) == 1 and "skipped 1 duplicate notice" in err, err


@pytest.mark.parametrize("title, stage", [
    ("沐川市安全生产约谈办法（2027年修订）", "2027年修订"),
    ("沐川市安全生产约谈办法（二〇二七年修订）", "2027年修订"),
    ("沐川市安全生产约谈办法（修订版）", "修订"),
    ("沐川市安全生产约谈办法(2026年修正)", "2026年修正"),
    ("沐川市安全生产约谈办法修订版", "修订"),
    # (guards: no remark; a notice about a revision; a draft)
    ("沐川市安全生产约谈办法", None),
    ("关于修订《沐川市安全生产约谈办法》的通知", None),
    ("沐川市安全生产约谈办法（征求意见稿）", None),
])
def test_revision_stage(title, stage):
    assert dedup.revision_stage(title) == stage


def test_a_copy_completes_the_year_and_a_built_title():
    body = "为防范燃气事故，现通知如下：\n一、检查餐饮场所。"
    built = md.build_title("沐川市应急管理局", None, "other", body.split("\n"), "letter")
    kept = Document("na-aaaaaa", built, None, None, "沐川市应急管理局", None, "letter.txt", body, region="沐川市", level="city",
                    genre="other")
    copy = Document("2027-bbbbbb", "沐川市应急管理局关于开展燃气安全专项检查的通知", 2027, "沐应急〔2027〕16号", "沐川市应急管理局",
                    "2027-07-05", "gas.docx", body, region="沐川市", level="city", genre="other")
    done = dedup.complete_from_copy(kept, copy)
    assert (done.doc_id, done.title, done.year, done.doc_number, done.date) == (
        "na-aaaaaa", copy.title, 2027, copy.doc_number, copy.date)
    clause = Clause("na-aaaaaa", "na-aaaaaa-c1", (), "一、检查餐饮场所。", "clause", title=built, issuer=kept.issuer,
                    region="沐川市", level="city", genre="other")
    (carried,) = dedup.carry_metadata(done, [clause])
    assert (carried.title, carried.year, carried.clause_id) == (copy.title, 2027, "na-aaaaaa-c1")
    # (guards: a printed title stays; a copy's built title never replaces one)
    assert dedup.complete_from_copy(copy, kept) == copy
    assert dedup.built_title(kept) and not dedup.built_title(copy)


@pytest.mark.parametrize("issuer, expected", [
    ("国网沅澜省电力有限公司", (None, "department")),
    ("国网沅澜省电力有限公司岚阳供电公司", (None, "department")),
    ("中石化沅澜石油分公司", (None, "department")),
    # (guards: a national group by its full name; a province's group; a province's own bureau)
    ("国家电网沅澜省电力有限公司", (None, "department")),
    ("沅澜省交通投资集团有限公司", ("沅澜省", "department")),
    ("沅澜省能源局", ("沅澜省", "province")),
])
def test_a_national_groups_company_by_the_groups_short_name_names_no_place(issuer, expected):
    assert md.issuer_region_level(issuer) == expected
    assert md.split_region(issuer)[0] == (expected[0] or "")


@pytest.mark.parametrize("raw, expected", [
    ("沐川市应急管理局沐川经济技术开发区分局", ("沐川市应急管理局沐川经济技术开发区分局", "沐川市", "city")),
    ("鹭江市市场监督管理局鹭江高新区分局", ("鹭江市市场监督管理局鹭江高新区分局", "鹭江市", "city")),
    ("沐川市公安局沐川经开区分局", ("沐川市公安局沐川经开区分局", "沐川市", "city")),
    # (guards: a district branch; a zone's own bureau and committee; two bureaus signing together)
    ("桐岚市应急管理局鹭汀分局", ("桐岚市应急管理局鹭汀分局", "桐岚市", "city")),
    ("沐川经济技术开发区应急管理局", ("沐川经济技术开发区应急管理局", "沐川经济技术开发区", "department")),
    ("沐川市沐川经开区管委会", ("沐川市沐川经开区管理委员会", "沐川市沐川经开区", "department")),
    ("鹭江市应急管理局鹭江市公安局", ("鹭江市应急管理局、鹭江市公安局", "鹭江市", "city")),
])
def test_a_bureaus_branch_in_a_zone_is_the_bureaus(raw, expected):
    issuer = md.normalize_issuer(raw)
    assert (issuer, *md.issuer_region_level(issuer)) == expected


def test_stream_rows_carry_the_year_a_copy_completed(keyword_run, tmp_path, capsys):
    from policytag.cli import main

    folder = tmp_path / "notices"
    folder.mkdir()
    write_copies(folder, {"forward.txt": _text("gas_forward_enclosed.txt"), "gas.docx": _text("gas_notice.txt")})
    assert main(["tag", str(folder), "--model", str(keyword_run), "-o", str(tmp_path / "plain.jsonl")]) == 0
    assert main(["tag", str(folder), "--model", str(keyword_run), "--stream", "-o", str(tmp_path / "s.jsonl")]) == 0
    capsys.readouterr()
    rows = [[(r["doc_id"], r["year"], r["title"]) for r in map(json.loads, (tmp_path / n).read_text("utf-8").splitlines())]
            for n in ("plain.jsonl", "s.jsonl")]
    assert 2027 in {year for _, year, _ in rows[0]} and None not in {year for _, year, _ in rows[0]}
    assert rows[1] == rows[0]
