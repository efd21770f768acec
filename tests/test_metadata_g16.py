"""Document metadata of issuers and layouts the earlier tests lacked (session 17, meta16): three organs signing side by
side on one line (a city's bureaus, a province's departments; a city's bureau and a county-level city's government),
a province's 两办 on one line, three organs stacked over a title; a ministry's 司 (in full, by its short name, signing
an untitled notice), a province's department's 处, the 国家矿山安全监察局's 内蒙古局, the 国家防汛抗旱总指挥部办公室; 省安委会
and 省安委办 in titles that name no province; a 直辖市's district (its government's office, its 安委办 by the short name,
a notice titled without its organ) and a prefecture city's district; a county-level city (its bureau, government, 安委办
and 街道; its report to the prefecture city); an autonomous county, its 民族乡 and a village; an 自治旗's office, a 林区's
安委办, an 自治区's department; a town's plan (signed and unsigned) and its 安委会; a village's, a community's and a 嘎查's
notices titled by the place alone; a date only in the 印发 line, in full-width digits, spaced; `2027年全县…要点` signed
and unsigned; a header's pinyin / English line, a red header wrapped over two lines, a 份号 and 密级, 特急 (alone, and
beside a 明电 number), 签发人 (beside the number, on its own line), `（此件主动公开）` (after the date, before the
signature, above the title), a 补充通知 and a 紧急通知; copies of one notice with different 抄送 lines (dedup).

Documents written for these tests (tests/data/metadata16/*.txt; invented places and organs, 天津市, 内蒙古自治区 and
central organs the only real units named; no sentence copied or paraphrased from a real document); each expected
reading was written down before running ``policytag segment`` on the document (tests/data/metadata16/EXPECTED.md, with
the decisions taken). 54 of 62 read right on main's code already (PROBED: kept so that none regresses).

Fixed here (corpus/metadata.py; each test failed on main's code):
- a joint signature in two rows with a blank line between (two organs side by side, a blank line for the seals, the
  third under them) signs for all three organs (``md.first_organs``; was the first row's two);
- a village, a community or a 嘎查 titled alone (``柳湾村关于…的倡议书``, ``柳岸社区关于…``, ``乌兰嘎查关于…``) is the committee
  that signs for it (``石门瑶族乡柳湾村村民委员会``), as a town titled alone is its government (docs/segmentation.md); was the place's
  name as issuer and its township as region;
- ``metadata.level_from_body`` takes the title too (``2027年全县安全生产工作要点``, unsigned: the title says it is a
  county's); ``metadata.county_level_city`` takes the genre: a 市's report to another 市's organ is a county-level
  city's. segment.py (the lead's) does not pass either yet: strict xfails below, leftovers.

Decided: a 镇's plan is the town's, ``department`` (docs/segmentation.md: 乡镇 below the county tier), its issuer the government
signing it, none when nothing signs; copies of one notice that differ only in their 抄送 line are one notice.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests, segment_folder, write_copies

DATA = TEST_DATA / "metadata16"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# the documents read right on main's code already: the probe's record, kept so that none regresses
PROBED = {
    'joint_three_side_by_side.txt': ('关于开展危险货物道路运输安全联合执法检查的通知', '霁阳市应急管理局、霁阳市公安局、霁阳市交通运输局', '霁阳市', 'city', 'other', 2027, '2027-04-12', None),
    'joint_three_province_spaced.txt': ('关于加强烟花爆竹批发经营安全管理的通知', '澂岭省应急管理厅、澂岭省公安厅、澂岭省市场监督管理局', '澂岭省', 'province', 'other', 2027, '2027-12-15', None),
    'province_two_offices_one_line.txt': ('关于进一步压实地方党政领导干部安全生产责任的通知', '中共澂岭省委办公厅、澂岭省人民政府办公厅', '澂岭省', 'province', 'other', 2027, '2027-03-02', None),
    'ministry_department_si.txt': ('应急管理部安全生产基础司关于征集工贸行业有限空间作业典型事故案例的通知', '应急管理部安全生产基础司', '全国', 'central', 'other', 2027, '2027-05-20', None),
    'ministry_department_hazchem.txt': ('关于开展危险化学品企业特殊作业安全专项检查的通知', '应急管理部危险化学品安全监督管理一司', '全国', 'central', 'other', 2027, '2027-06-08', None),
    'mine_safety_local_bureau_real_province.txt': ('国家矿山安全监察局内蒙古局关于开展露天煤矿边坡安全专项监察的通知', '国家矿山安全监察局内蒙古局', '内蒙古自治区', 'central', 'other', 2027, '2027-07-03', None),
    'province_committee_short_title.txt': ('省安委会关于开展全省安全生产大检查的通知', '澂岭省安全生产委员会', '澂岭省', 'province', 'other', 2027, '2027-03-25', None),
    'province_committee_office_short_title.txt': ('省安委办关于做好清明节期间安全防范工作的通知', '澂岭省安全生产委员会办公室', '澂岭省', 'province', 'other', 2027, '2027-03-28', '澂安委办〔2027〕12号'),
    'municipality_district_office.txt': ('天津市澄河区人民政府办公室关于做好汛期安全防范工作的通知', '天津市澄河区人民政府办公室', '天津市澄河区', 'county', 'other', 2027, '2027-06-05', None),
    'prefecture_district_bureau.txt': ('霁阳市汀水区应急管理局关于开展小型商超消防安全检查的通知', '霁阳市汀水区应急管理局', '霁阳市汀水区', 'county', 'other', 2027, '2027-04-20', None),
    'county_city_to_towns.txt': ('榕川市应急管理局关于做好农村自建房经营场所安全排查的通知', '榕川市应急管理局', '榕川市', 'county', 'other', 2027, '2027-05-09', None),
    'autonomous_county_gov.txt': ('峦山彝族自治县人民政府关于加强森林草原防灭火工作的通知', '峦山彝族自治县人民政府', '峦山彝族自治县', 'county', 'other', 2027, '2027-02-18', None),
    'ethnic_township.txt': ('峦山彝族自治县石门瑶族乡人民政府关于做好汛期地质灾害群测群防工作的通知', '峦山彝族自治县石门瑶族乡人民政府', '峦山彝族自治县石门瑶族乡', 'department', 'other', 2027, '2027-05-06', None),
    'autonomous_banner_gov_office.txt': ('科岭蒙古族自治旗人民政府办公室关于做好冬春季草原防火工作的通知', '科岭蒙古族自治旗人民政府办公室', '科岭蒙古族自治旗', 'county', 'other', 2027, '2027-10-28', None),
    'forest_district_committee_office.txt': ('神岭林区安全生产委员会办公室关于做好国庆期间旅游景区安全工作的通知', '神岭林区安全生产委员会办公室', '神岭林区', 'county', 'other', 2027, '2027-09-25', None),
    'printed_line_date_only.txt': ('霁阳市安全生产委员会关于开展城镇燃气安全专项整治的通知', '霁阳市安全生产委员会', '霁阳市', 'city', 'other', 2027, None, None),
    'year_first_county_points_signed.txt': ('2027年全县安全生产工作要点', '峦山彝族自治县安全生产委员会', '峦山彝族自治县', 'county', 'work_points', 2027, '2027-01-20', None),
    'pinyin_header.txt': ('霁阳市应急管理局关于开展工贸企业粉尘防爆专项检查的通知', '霁阳市应急管理局', '霁阳市', 'city', 'other', 2027, '2027-06-16', '霁应急〔2027〕21号'),
    'english_header_line.txt': ('关于做好高温天气安全防范工作的通知', '澂岭省安全生产委员会办公室', '澂岭省', 'province', 'other', 2027, '2027-07-10', '澂安委办〔2027〕20号'),
    'red_header_two_lines.txt': ('关于开展电动自行车充电场所消防安全排查的通知', '霁阳市汀水区安全生产委员会办公室', '霁阳市汀水区', 'county', 'other', 2027, '2027-08-22', '汀安办〔2027〕9号'),
    'urgent_marker_notice.txt': ('霁阳市应急管理局关于做好强降雨天气安全防范工作的紧急通知', '霁阳市应急管理局', '霁阳市', 'city', 'other', 2027, '2027-07-17', None),
    'signer_line_report.txt': ('霁阳市应急管理局关于2027年上半年安全生产工作情况的报告', '霁阳市应急管理局', '霁阳市', 'city', 'report', 2027, '2027-07-05', '霁应急报〔2027〕18号'),
    'public_release_marker.txt': ('霁阳市汀水区应急管理局关于开展有限空间作业安全专项检查的通知', '霁阳市汀水区应急管理局', '霁阳市汀水区', 'county', 'other', 2027, '2027-05-12', None),
    'public_release_before_date.txt': ('榕川市安全生产委员会办公室关于做好端午节期间安全防范工作的通知', '榕川市安全生产委员会办公室', '榕川市', 'county', 'other', 2027, '2027-06-10', None),
    'town_plan.txt': ('青禾镇2027年安全生产专项整治工作方案', '霁阳市汀水区青禾镇人民政府', '霁阳市汀水区青禾镇', 'department', 'special_plan', 2027, '2027-03-01', None),
    'town_plan_unsigned.txt': ('青禾镇2027年安全生产专项整治工作方案', None, '青禾镇', 'department', 'special_plan', 2027, None, None),
    'town_committee_notice.txt': ('青禾镇安全生产委员会关于开展汛期安全隐患排查的通知', '霁阳市汀水区青禾镇安全生产委员会', '霁阳市汀水区青禾镇', 'department', 'other', 2027, '2027-05-08', None),
    'village_appeal_untitled_place.txt': ('防范森林火灾倡议书', '柳湾村村民委员会', '柳湾村', 'department', 'appeal', 2027, '2027-02-12', None),
    'county_city_subdistrict.txt': ('榕川市青石街道办事处关于开展老旧小区消防通道清理的通知', '榕川市青石街道办事处', '榕川市青石街道', 'department', 'other', 2027, '2027-04-02', None),
    'province_department_division.txt': ('澂岭省应急管理厅危险化学品安全监督管理处关于报送危险化学品重大危险源企业信息的通知', '澂岭省应急管理厅危险化学品安全监督管理处', '澂岭省', 'province', 'other', 2027, '2027-09-01', None),
    'autonomous_region_department.txt': ('澂桂壮族自治区应急管理厅关于做好台风防御工作的通知', '澂桂壮族自治区应急管理厅', '澂桂壮族自治区', 'province', 'other', 2027, '2027-08-03', None),
    'national_flood_headquarters_office.txt': ('国家防汛抗旱总指挥部办公室关于做好主汛期防汛工作的通知', '国家防汛抗旱总指挥部办公室', '全国', 'central', 'other', 2027, '2027-07-01', None),
    'full_width_digits_date.txt': ('霁阳市应急管理局关于开展冬季矿山安全检查的通知', '霁阳市应急管理局', '霁阳市', 'city', 'other', 2027, '2027-11-05', None),
    'spaced_date.txt': ('榕川市应急管理局关于做好元宵节期间烟花爆竹安全管理的通知', '榕川市应急管理局', '榕川市', 'county', 'other', 2027, '2027-02-08', None),
    'supplementary_notice.txt': ('霁阳市应急管理局关于开展燃气安全专项检查的补充通知', '霁阳市应急管理局', '霁阳市', 'city', 'other', 2027, '2027-06-20', None),
    'copy_number_marker.txt': ('霁阳市安全生产委员会关于开展重大事故隐患专项排查整治的通知', '霁阳市安全生产委员会', '霁阳市', 'city', 'other', 2027, '2027-06-30', '霁安委〔2027〕6号'),
    'three_organs_stacked_title.txt': ('霁阳市应急管理局霁阳市住房和城乡建设局霁阳市市场监督管理局关于开展餐饮场所燃气安全联合检查的通知', '霁阳市应急管理局、霁阳市住房和城乡建设局、霁阳市市场监督管理局', '霁阳市', 'city', 'other', 2027, '2027-07-20', None),
    'municipality_district_short_title.txt': ('澄河区安委办关于开展夏季安全生产检查的通知', '天津市澄河区安全生产委员会办公室', '天津市澄河区', 'county', 'other', 2027, '2027-06-18', None),
    'county_city_under_prefecture_gov.txt': ('榕川市人民政府关于加强建筑施工安全管理的通知', '榕川市人民政府', '榕川市', 'county', 'other', 2027, '2027-04-26', None),
    'r2_district_signature_only.txt': ('关于开展居民住宅楼燃气管道隐患排查的通知', '天津市澄河区人民政府办公室', '天津市澄河区', 'county', 'other', 2027, '2027-08-12', None),
    'r2_public_release_top.txt': ('霁阳市汀水区人民政府办公室关于印发汀水区2027年安全生产工作要点的通知', '霁阳市汀水区人民政府办公室', '霁阳市汀水区', 'county', 'covering_letter', 2027, '2027-02-20', None),
    'r2_joint_two_tiers_one_line.txt': ('关于联合开展跨区域危险化学品运输车辆检查的通知', '霁阳市应急管理局、榕川市人民政府', '霁阳市', 'city', 'other', 2027, '2027-08-25', None),
    'r2_si_short_title_signed.txt': ('安全生产基础司关于报送2027年上半年工贸行业安全生产情况的通知', '应急管理部安全生产基础司', '全国', 'central', 'other', 2027, '2027-06-25', None),
    # (third round)
    'r3_committee_sealed_by_department.txt': ('澂岭省安全生产委员会关于开展安全生产责任制落实情况巡查的通知', '澂岭省安全生产委员会', '澂岭省', 'province', 'other', 2027, '2027-04-26', None),
    'r3_joint_number_side_signatures.txt': ('关于加强汛期旅游景区安全管理的通知', '霁阳市应急管理局、霁阳市文化广电和旅游局', '霁阳市', 'city', 'other', 2027, '2027-06-14', '霁应急联〔2027〕3号'),
    'r3_joint_report_two_signers.txt': ('霁阳市应急管理局霁阳市消防救援支队关于2027年夏季消防检查工作情况的报告', '霁阳市应急管理局、霁阳市消防救援支队', '霁阳市', 'city', 'report', 2027, '2027-09-10', '霁应急报〔2027〕22号'),
    'r3_mine_safety_bureau_si.txt': ('国家矿山安全监察局安全基础司关于开展非煤矿山外包工程安全管理调研的通知', '国家矿山安全监察局安全基础司', '全国', 'central', 'other', 2027, '2027-08-02', None),
    'r3_special_district_committee.txt': ('霁阳市岩岭特区安全生产委员会关于做好煤矿雨季三防工作的通知', '霁阳市岩岭特区安全生产委员会', '霁阳市岩岭特区', 'county', 'other', 2027, '2027-05-22', None),
    # (fourth round)
    'r4_central_two_offices_side.txt': ('关于加强新时代基层应急管理能力建设的意见', '中共中央办公厅、国务院办公厅', '全国', 'central', 'opinion', 2027, '2027-03-18', None),
    'r4_ministry_and_administration_side.txt': ('关于开展煤矿重大灾害治理专项检查的通知', '应急管理部、国家矿山安全监察局', '全国', 'central', 'other', 2027, '2027-03-30', None),
    'r4_district_signature_short.txt': ('关于做好夏季防溺水工作的通知', '澄河区人民政府', '澄河区', 'county', 'other', 2027, '2027-06-28', None),
    'r4_province_prefixed_county_city.txt': ('澂岭省榕川市应急管理局关于开展冬季取暖安全宣传的通知', '澂岭省榕川市应急管理局', '澂岭省榕川市', 'county', 'other', 2027, '2027-11-20', None),
    'r4_pinyin_caps_between.txt': ('榕川市人民政府办公室关于做好秋冬季森林防火工作的通知', '榕川市人民政府办公室', '榕川市', 'county', 'other', 2027, '2027-10-15', '榕政办发〔2027〕15号'),
    'r4_imprint_only_issuer.txt': ('关于做好国庆期间危险化学品安全管理工作的通知', '霁阳市应急管理局', '霁阳市', 'city', 'other', 2027, None, None),
}

# the documents main's code misread (each test failed there): a village, a community, a 嘎查 titled alone
FIXED = {
    'r2_village_appeal_short_signature.txt': ('柳湾村关于做好汛期防溺水安全工作的倡议书', '石门瑶族乡柳湾村村民委员会', '石门瑶族乡柳湾村', 'department', 'appeal', 2027, '2027-06-01', None),
    'r2_community_appeal.txt': ('柳岸社区关于规范电动自行车停放充电的倡议书', '青石街道柳岸社区居民委员会', '青石街道柳岸社区', 'department', 'appeal', 2027, '2027-08-08', None),
    'r2_gacha_notice.txt': ('乌兰嘎查关于做好春季牧场防火工作的通知', '巴音苏木乌兰嘎查委员会', '巴音苏木乌兰嘎查', 'department', 'other', 2027, '2027-03-15', None),
    # (third round: three organs signing on two rows, a blank line between: was the first row's two only)
    'r3_joint_three_two_lines.txt': ('关于开展建筑施工起重机械安全专项检查的通知', '霁阳市住房和城乡建设局、霁阳市应急管理局、霁阳市市场监督管理局', '霁阳市', 'city', 'other', 2027, '2027-09-06', None),
}

# readings still wrong (strict: a fix shows as an XPASS to turn into a plain test)
OPEN = {
    'year_first_county_points_unsigned.txt': ('2027年全县安全生产工作要点', None, None, 'county', 'work_points', 2027, None, None),
    'urgent_marker_number_line.txt': ('霁阳市人民政府办公室关于立即开展燃气安全隐患排查的紧急通知', '霁阳市人民政府办公室', '霁阳市', 'city', 'other', 2027, '2027-06-23', '霁政办明电〔2027〕5号'),
    'village_appeal.txt': ('柳湾村关于文明祭扫、防范森林火灾的倡议书', '峦山彝族自治县石门瑶族乡柳湾村村民委员会', '峦山彝族自治县石门瑶族乡柳湾村', 'department', 'appeal', 2027, '2027-03-30', None),
    'r2_signer_own_line.txt': ('榕川市人民政府关于2027年度安全生产目标责任考核情况的报告', '榕川市人民政府', '榕川市', 'county', 'report', 2027, '2028-01-12', '榕政报〔2027〕7号'),
}

KNOWN_GAPS = {
}

test_every_document_is_listed, test_document_metadata = probe_tests(DATA, PROBED, FIXED, OPEN, known_gaps=KNOWN_GAPS,
                                                                    at_least=40)


@pytest.mark.parametrize("organ, signed, expected", [
    ("柳湾村", ["峦山彝族自治县石门瑶族乡柳湾村村民委员会"], "峦山彝族自治县石门瑶族乡柳湾村村民委员会"),
    ("柳湾村", ["柳湾村村民委员会"], "柳湾村村民委员会"),
    ("柳岸社区", ["榕川市青石街道柳岸社区居民委员会"], "榕川市青石街道柳岸社区居民委员会"),
    ("乌兰嘎查", ["巴音苏木乌兰嘎查委员会"], "巴音苏木乌兰嘎查委员会"),
    # (guards: another village's committee; the township's government; nothing signing (as on main); a committee in
    # the title by its short name; a town titled alone)
    ("柳湾村", ["石门瑶族乡大柳湾村村民委员会"], "柳湾村"),
    ("柳湾村", ["峦山彝族自治县石门瑶族乡人民政府"], "柳湾村"),
    ("柳湾村", [], "柳湾村"),
    ("柳塘村村委会", ["梧溪市石桥镇柳塘村村民委员会"], "梧溪市石桥镇柳塘村村民委员会"),
    ("芦口镇", ["苇塘县芦口镇人民政府"], "苇塘县芦口镇人民政府"),
])
def test_a_village_titled_alone_is_the_committee_that_signs_for_it(organ, signed, expected):
    assert md.full_name(organ, signed) == expected


def test_the_committee_of_a_village_titled_alone_governs_it():
    issuer = md.full_name("柳湾村", ["峦山彝族自治县石门瑶族乡柳湾村村民委员会"])
    assert md.issuer_region_level(issuer) == ("峦山彝族自治县石门瑶族乡柳湾村", "department")


@pytest.mark.parametrize("paragraphs, title, level", [
    (["2027年全县安全生产工作的总体要求是：坚持安全第一。"], "2027年全县安全生产工作要点", "county"),
    (["全省各地要压实责任。"], "2027年全省安全生产工作要点", "province"),
    # (guards: the body alone, as before; a title naming no 全X; the body outweighing the title)
    (["2027年全县安全生产工作的总体要求是：坚持安全第一。"], "", None),
    (["全县各乡镇要压实责任。", "全县各部门要加强检查。"], "", "county"),
    (["2027年全县安全生产工作的总体要求是：坚持安全第一。"], "2027年安全生产工作要点", None),
    (["全市各县区要压实责任。", "全市各部门要加强检查。", "全市各企业要落实主体责任。"], "2027年全县安全生产工作要点", "city"),
])
def test_a_title_naming_whose_work_it_is_counts_for_the_level(paragraphs, title, level):
    assert md.level_from_body(paragraphs, title) == level


@pytest.mark.parametrize("region, addressees, genre, level", [
    ("榕川市", ["霁阳市人民政府："], "report", "county"),
    ("榕川市", ["澂岭省霁阳市人民政府："], "report", "county"),
    # (guards: a letter may go to a peer city; a report to its own government, to the province; no genre, as before;
    # a city's report to its province's organ spelt out with the province)
    ("榕川市", ["霁阳市人民政府："], "other", "city"),
    ("霁阳市", ["霁阳市人民政府："], "report", "city"),
    ("霁阳市", ["澂岭省人民政府："], "report", "city"),
    ("霁阳市", ["澂岭省霁阳市人民政府："], "report", "city"),
    ("榕川市", ["霁阳市人民政府："], None, "city"),
    ("榕川市", ["各镇人民政府、街道办事处："], None, "county"),
])
def test_a_citys_report_to_another_city_is_a_county_level_citys(region, addressees, genre, level):
    assert md.county_level_city(region, "city", addressees, genre) == level


@pytest.mark.parametrize("lines, organs", [
    ([("霁阳市住房和城乡建设局　霁阳市应急管理局", 6), ("霁阳市市场监督管理局", 8)],
     "霁阳市住房和城乡建设局　霁阳市应急管理局、霁阳市市场监督管理局"),
    ([("霁阳市应急管理局", 10), ("霁阳市公安局", 12), ("霁阳市交通运输局", 14)], "霁阳市应急管理局、霁阳市公安局、霁阳市交通运输局"),
    # (guards: stacked one a line; an organ line further down is another block's)
    ([("应急管理部", 3), ("自然资源部", 4)], "应急管理部、自然资源部"),
    ([("霁阳市应急管理局", 3), ("霁阳市应急管理局办公室", 9)], "霁阳市应急管理局"),
    ([("霁阳市应急管理局", 3), ("霁阳市公安局", 6)], "霁阳市应急管理局"),
])
def test_the_rows_of_a_joint_signature_with_a_blank_line_between(lines, organs):
    assert md.first_organs(lines) == organs


# dedup: one notice sent out twice, its imprint's 抄送 line differing (tests/data/metadata16/dedup/)
DEDUP = DATA / "dedup"


def _text(name: str) -> str:
    return (DEDUP / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("files", [
    {"to_congress.txt": "cc_people_congress.txt", "to_cppcc.txt": "cc_cppcc.txt"},
    {"to_congress.txt": "cc_people_congress.txt", "to_cppcc.docx": "cc_cppcc.txt"},
    {"to_congress.html": "cc_people_congress.txt", "to_cppcc.docx": "cc_cppcc.txt"},
])
def test_copies_differing_only_in_their_cc_line_are_one_notice(tmp_path, files):
    # (guard: read right on main) the 抄送 line is the distribution list, not the notice's text
    write_copies(tmp_path, {name: _text(source) for name, source in files.items()})
    docs, skipped = segment_folder(tmp_path)
    assert [(d.title, d.doc_number, d.date) for d in docs] == [
        ("霁阳市应急管理局关于开展汛期尾矿库安全专项检查的通知", "霁应急〔2027〕25号", "2027-06-02")]
    assert len(skipped) == 1


def test_a_copy_without_its_imprint_is_the_same_notice(tmp_path):
    # (guard: a web page's copy without the 抄送 and 印发 lines)
    text = _text("cc_cppcc.txt")
    write_copies(tmp_path, {"full.txt": text, "web.html": text.split("\n抄送")[0]})
    docs, skipped = segment_folder(tmp_path)
    assert len(docs) == 1 and len(skipped) == 1


def test_two_notices_with_one_cc_line_stay_two(tmp_path):
    # (guard: the same 抄送 under two notices of one organ says nothing of their texts)
    other = (_text("cc_cppcc.txt").replace("汛期尾矿库安全专项检查", "汛期地下矿山防治水专项检查")
             .replace("25号", "26号").replace("排洪设施和坝体位移监测情况", "井下排水系统和探放水措施落实情况")
             .replace("对头顶库要逐库落实包保责任人", "对水文地质类型复杂的矿山要逐矿落实包保责任人"))
    write_copies(tmp_path, {"tailings.txt": _text("cc_cppcc.txt"), "water.txt": other})
    docs, skipped = segment_folder(tmp_path)
    assert sorted(d.doc_number for d in docs) == ["霁应急〔2027〕25号", "霁应急〔2027〕26号"]
    assert not skipped


@pytest.mark.parametrize("mark", [
    lambda t: t.replace("2027年6月2日\n\n抄送", "2027年6月2日\n（此件主动公开）\n\n抄送"),
    lambda t: "000126\n机密★1年\n" + t,
    lambda t: t.replace("霁应急〔2027〕25号", "霁应急〔2027〕25号　　　签发人：周明远"),
], ids=["public_release", "copy_number_and_secrecy", "signer"])
def test_a_copy_with_a_header_or_release_mark_of_its_own_is_the_same_notice(tmp_path, mark):
    # (guard: read right on main) a 份号, 密级, 签发人 or （此件主动公开） one copy prints is no text of the notice
    text = _text("cc_people_congress.txt")
    write_copies(tmp_path, {"plain.txt": text, "marked.docx": mark(text)})
    docs, skipped = segment_folder(tmp_path)
    assert [(d.doc_number, d.date) for d in docs] == [("霁应急〔2027〕25号", "2027-06-02")] and skipped == ["marked.docx"]
