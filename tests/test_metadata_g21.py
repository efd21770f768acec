"""Document metadata, session 20 (meta21): the administrative map of the whole country.

24 notices (and 5 of a second round), one issuer kind each that no earlier probe folder held (tests/data/metadata21/*.txt; the reading of each
written down in its EXPECTED.md before the code ran). 13 read right on main's code (guards); 11 were misread:

- a district whose own name holds 市 or 旗 before its 区 lost its 区: 荆州市沙市区 read 荆州市沙市, 新乡市红旗区 新乡市红旗,
  乌鲁木齐市新市区 乌鲁木齐市新市 (the shortest tier match stops at the inner 市/旗; corpus/metadata.py
  ``_inner_name_goes_on``: under a city, the 区 after it goes on the name, as 州/乡/县 already did);
- a 地区 under an autonomous prefecture (伊犁哈萨克自治州塔城地区) read ``county`` as a 市 under a 州 does: a 地区 or a
  盟 is a prefecture wherever it sits (``region_level``);
- vertical branches of central organs read as the place's own organ: a city's 邮政管理局 (国家邮政局's), a province's
  森林消防总队 (国家消防救援局's, as its 消防救援总队), a province's 地震局 (中国地震局's; a city's stays the city's), a
  customs office (中华人民共和国岚江海关: region 全国 and the state's name kept; now 岚江海关, no region: a port, not the
  whole country; 北京海关 北京市), a ministry's river-basin agency (水利部岚江水利委员会 was ``department``; now central,
  no region, as 交通运输部长江航务管理局, which read 全国);
- 中共岩溪县纪委　岩溪县监委 (a title's short names) stayed the issuer over the signature's full names: 纪委/监委 are spelt
  out as they sign (中共岩溪县纪律检查委员会、岩溪县监察委员会);
- (rounds 2, 3) a town or a street whose name holds 市, 旗 or 州 (云州镇 under a county) (新市镇, 红旗镇, 新市街道, 红旗街道: common names) read as a city
  or a banner, ``county``: under a county or a district, or named by two characters, the town's ending goes on the name;
- three organs run together, a central administration's branch between a province's departments
  (山西省应急管理厅国家矿山安全监察局山西局山西省能源局), stayed one issuer: the joint notice is not cut inside the
  branch's name now (``_branch_name``), so it is cut into its three organs.

Documents written for these tests (real place names where the kind needs one; invented ones elsewhere; no sentence copied
or paraphrased from a real document).
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests

DATA = TEST_DATA / "metadata21"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# read right on main's code already: guards that the fixes keep
PROBED = {
    'a01_municipality_district_bureau.txt': ('重庆市綦江区应急管理局关于开展汛期非煤矿山安全检查的通知', '重庆市綦江区应急管理局', '重庆市綦江区', 'county', 'other', 2027, '2027-06-08', None),
    # (a town of a prefecture-level city with no counties: a town; the title's short name is the signature's full one)
    'a02_no_county_city_town.txt': ('虎门镇人民政府关于开展工业园区厂房消防安全整治的通知', '东莞市虎门镇人民政府', '东莞市虎门镇', 'department', 'other', 2027, '2027-04-12', None),
    'a03_league_office.txt': ('阿拉善盟行政公署关于做好2027年安全生产工作的通知', '阿拉善盟行政公署', '阿拉善盟', 'city', 'annual_notice', 2027, '2027-02-20', '阿盟行发〔2027〕5号'),
    'a04_banner_bureau.txt': ('额济纳旗应急管理局关于做好胡杨林景区旅游旺季安全工作的通知', '额济纳旗应急管理局', '额济纳旗', 'county', 'other', 2027, '2027-09-22', None),
    'a05_ethnic_autonomous_county_xiang_name.txt': ('临夏回族自治州东乡族自治县应急管理局关于开展冬春季农村用火用电安全检查的通知', '临夏回族自治州东乡族自治县应急管理局', '临夏回族自治州东乡族自治县', 'county', 'other', 2027, '2027-11-25', None),
    # (a zone's committee, whatever rank: department, region as written)
    'a10_state_new_area_committee.txt': ('河北雄安新区管理委员会关于加强建设工地安全生产管理的通知', '河北雄安新区管理委员会', '河北雄安新区', 'department', 'other', 2027, '2027-04-28', None),
    # (the party's mass organisations sign for their place, unlike a 协会)
    'a15_trade_union.txt': ('澄河市总工会关于开展2027年“安康杯”竞赛活动的通知', '澄河市总工会', '澄河市', 'city', 'other', 2027, '2027-04-02', None),
    'a16_red_cross.txt': ('岩溪县红十字会关于开展应急救护培训进企业活动的通知', '岩溪县红十字会', '岩溪县', 'county', 'other', 2027, '2027-05-15', None),
    'a17_municipality_autonomous_county.txt': ('重庆市石柱土家族自治县应急管理局关于加强地质灾害防范应对工作的通知', '重庆市石柱土家族自治县应急管理局', '重庆市石柱土家族自治县', 'county', 'other', 2027, '2027-06-15', None),
    'a18_ethnic_township.txt': ('岩溪县白岭瑶族乡人民政府关于做好秋冬季森林防火工作的通知', '岩溪县白岭瑶族乡人民政府', '岩溪县白岭瑶族乡', 'department', 'other', 2027, '2027-10-09', None),
    'a22_mine_safety_enforcement_office.txt': ('国家矿山安全监察局山西局晋北监察执法处关于开展煤矿防灭火专项监察的通知', '国家矿山安全监察局山西局晋北监察执法处', '山西省', 'central', 'other', 2027, '2027-09-08', None),
    'a23_township_party_and_government.txt': ('中共岩溪县芦口乡委员会岩溪县芦口乡人民政府关于加强农村自建房安全管理的通知', '中共岩溪县芦口乡委员会、岩溪县芦口乡人民政府', '岩溪县芦口乡', 'department', 'other', 2027, '2027-04-06', None),
    'a24_district_named_shi_first.txt': ('青岛市市北区应急管理局关于开展港区危险货物储存安全检查的通知', '青岛市市北区应急管理局', '青岛市市北区', 'county', 'other', 2027, '2027-07-22', None),
}

# misread on main's code (each test failed there: the field it read instead in the comment)
FIXED = {
    # (region 荆州市沙市, 新乡市红旗, 乌鲁木齐市新市)
    'a06_district_named_shi.txt': ('荆州市沙市区应急管理局关于开展城镇燃气安全专项检查的通知', '荆州市沙市区应急管理局', '荆州市沙市区', 'county', 'other', 2027, '2027-03-16', None),
    'a07_district_named_qi.txt': ('新乡市红旗区人民政府关于加强电动自行车消防安全管理的通知', '新乡市红旗区人民政府', '新乡市红旗区', 'county', 'other', 2027, '2027-05-09', None),
    'a08_district_named_shi_new.txt': ('乌鲁木齐市新市区安全生产委员会关于开展冬季供暖安全检查的通知', '乌鲁木齐市新市区安全生产委员会', '乌鲁木齐市新市区', 'county', 'other', 2027, '2027-10-18', '新区安委〔2027〕9号'),
    # (county)
    'a09_prefecture_under_autonomous_prefecture.txt': ('伊犁哈萨克自治州塔城地区行政公署关于加强春季融雪性洪水防范工作的通知', '伊犁哈萨克自治州塔城地区行政公署', '伊犁哈萨克自治州塔城地区', 'city', 'other', 2027, '2027-03-05', None),
    # (issuer 中华人民共和国岚江海关, region 全国)
    'a11_customs.txt': ('中华人民共和国岚江海关关于加强进出口危险化学品查验安全管理的通知', '岚江海关', None, 'central', 'other', 2027, '2027-07-06', None),
    # (city, province, province)
    'a12_postal_city.txt': ('澄河市邮政管理局关于开展寄递企业安全生产检查的通知', '澄河市邮政管理局', '澄河市', 'central', 'other', 2027, '2027-08-10', '澄邮管〔2027〕11号'),
    'a13_forest_fire_corps.txt': ('澜霁省森林消防总队关于做好春季森林防灭火驻防工作的通知', '澜霁省森林消防总队', '澜霁省', 'central', 'other', 2027, '2027-03-01', None),
    'a19_province_earthquake_bureau.txt': ('澜霁省地震局关于做好汛期地震监测台站安全工作的通知', '澜霁省地震局', '澜霁省', 'central', 'other', 2027, '2027-05-26', None),
    # (issuer 中共岩溪县纪委、岩溪县监委)
    'a14_discipline_commission.txt': ('中共岩溪县纪委岩溪县监委关于开展安全生产领域形式主义官僚主义问题专项整治的通知', '中共岩溪县纪律检查委员会、岩溪县监察委员会', '岩溪县', 'county', 'other', 2027, '2027-05-20', None),
    # (department)
    'a20_river_basin_commission.txt': ('水利部岚江水利委员会关于做好2027年流域水利工程安全度汛工作的通知', '水利部岚江水利委员会', None, 'central', 'other', 2027, '2027-04-18', None),
    # (one issuer, the three names run together)
    'a21_joint_three_levels.txt': ('山西省应急管理厅国家矿山安全监察局山西局山西省能源局关于开展煤矿雨季“三防”专项检查的通知', '山西省应急管理厅、国家矿山安全监察局山西局、山西省能源局', '山西省', 'province', 'other', 2027, '2027-06-03', '晋应急发〔2027〕41号'),
}

# round 2 (written after round 1's fixes): towns and streets whose names hold 市 or 旗 (misread on main and after round 1:
# region 岩溪县红旗, 新市, 澄河市白沙区新市, 红旗; level county)
FIXED_ROUND2 = {
    'r2_town_named_qi.txt': ('岩溪县红旗镇人民政府关于开展农村道路交通安全劝导工作的通知', '岩溪县红旗镇人民政府', '岩溪县红旗镇', 'department', 'other', 2027, '2027-08-16', None),
    'r2_town_named_shi_alone.txt': ('新市镇人民政府关于做好汛期地质灾害防范工作的通知', '新市镇人民政府', '新市镇', 'department', 'other', 2027, '2027-06-02', None),
    'r2_street_named_shi.txt': ('澄河市白沙区新市街道办事处关于开展老旧小区燃气安全入户检查的通知', '澄河市白沙区新市街道办事处', '澄河市白沙区新市街道', 'department', 'other', 2027, '2027-08-25', None),
    'r2_street_named_qi_alone.txt': ('红旗街道办事处关于加强高层住宅消防安全管理的通知', '红旗街道办事处', '红旗街道', 'department', 'other', 2027, '2027-11-03', None),
    # (region 新乡市红旗 on main; read right after round 1)
    # (round 3: region 岩溪县云州, level city on main and after round 2)
    'r3_town_named_zhou.txt': ('岩溪县云州镇人民政府关于做好春耕期间农机安全生产工作的通知', '岩溪县云州镇人民政府', '岩溪县云州镇', 'department', 'other', 2027, '2027-03-12', None),
    'r2_district_named_qi_two_offices.txt': ('中共新乡市红旗区委办公室新乡市红旗区人民政府办公室关于建立安全生产包保责任制的通知', '中共新乡市红旗区委办公室、新乡市红旗区人民政府办公室', '新乡市红旗区', 'county', 'other', 2027, '2027-03-22', None),
}

# still misread (round 4): the organ signs a notice whose title names none, and the signature line is not read as an issuer
# (issuer, region, level all None): corpus/clean.py's RE_ISSUER (lines22's file) knows no signature ending 总工会, 红十字会,
# 联合会 or 海关; metadata reads these organs right once they are the issuer (round 1's a11/a15/a16, their titles opening with
# them). Leftover for the lead / lines22.
OPEN = {
    'r4_signed_trade_union.txt': ('关于组织开展职工安全生产合理化建议活动的通知', '澄河市总工会', '澄河市', 'city', 'other', 2027, '2027-07-12', None),
    'r4_signed_red_cross.txt': ('关于开展防溺水应急救护知识进校园活动的通知', '岩溪县红十字会', '岩溪县', 'county', 'other', 2027, '2027-06-18', None),
    'r4_signed_customs.txt': ('关于做好进口危险货物集装箱查验场地安全管理的通知', '岚江海关', None, 'central', 'other', 2027, '2027-09-14', None),
    'r4_signed_womens_federation.txt': ('关于开展“平安家庭”燃气安全宣传活动的通知', '澄河市妇女联合会', '澄河市', 'city', 'other', 2027, '2027-09-01', None),
}
_SIGNATURE_GAP = "corpus/clean.py RE_ISSUER: a signature ending {} is no issuer line (title names no organ: issuer None)"
# (the four read right since lines22, RE_ISSUER ending 总工会, 红十字会, 联合会, 海关: their strict xfails dropped)
KNOWN_GAPS: dict[str, str] = {}

test_every_document_is_listed, test_document_metadata = probe_tests(DATA, PROBED, FIXED, FIXED_ROUND2, OPEN,
                                                                    known_gaps=KNOWN_GAPS, at_least=34)


def _read(name: str) -> tuple:
    issuer = md.normalize_issuer(name)
    return (issuer, *md.issuer_region_level(issuer))


@pytest.mark.parametrize("name, reading", [
    # a district's name holding 市 or 旗 before its 区, other cities' (each read without its 区 on main)
    ("荆州市沙市区人民政府", ("荆州市沙市区人民政府", "荆州市沙市区", "county")),
    ("中共荆州市沙市区委办公室", ("中共荆州市沙市区委办公室", "荆州市沙市区", "county")),
    ("新乡市红旗区应急管理局", ("新乡市红旗区应急管理局", "新乡市红旗区", "county")),
    ("乌鲁木齐市新市区人民政府", ("乌鲁木齐市新市区人民政府", "乌鲁木齐市新市区", "county")),
    # a 地区 or a 盟 is a prefecture wherever it sits (county on main)
    ("伊犁哈萨克自治州塔城地区应急管理局", ("伊犁哈萨克自治州塔城地区应急管理局", "伊犁哈萨克自治州塔城地区", "city")),
    # vertical branches (city, province, department, 全国 on main)
    ("东川省邮政管理局", ("东川省邮政管理局", "东川省", "central")),
    ("澜霁省森林消防总队临江支队", ("澜霁省森林消防总队临江支队", "澜霁省", "central")),
    ("东川省地震局", ("东川省地震局", "东川省", "central")),
    ("北京海关", ("北京海关", "北京市", "central")),
    ("中华人民共和国岚江海关", ("岚江海关", None, "central")),
    ("交通运输部长江航务管理局", ("交通运输部长江航务管理局", None, "central")),
    ("水利部太湖流域管理局", ("水利部太湖流域管理局", None, "central")),
    # the short names of the discipline and supervision commissions, spelt out
    ("中共澄河市纪委", ("中共澄河市纪律检查委员会", "澄河市", "city")),
    ("澄河市监委", ("澄河市监察委员会", "澄河市", "city")),
    # towns and streets named with 市 or 旗 (a 旗 or a city on main), also under a county-level city
    ("临江市白沙市新市镇人民政府", ("临江市白沙市新市镇人民政府", "临江市白沙市新市镇", "department")),
    ("临江市红旗乡人民政府", ("临江市红旗乡人民政府", "临江市红旗乡", "department")),
    ("岩溪县双新市镇人民政府", ("岩溪县双新市镇人民政府", "岩溪县双新市镇", "department")),
    ("红旗镇人民政府", ("红旗镇人民政府", "红旗镇", "department")),
    ("临江市白沙区青州街道办事处", ("临江市白沙区青州街道办事处", "临江市白沙区青州街道", "department")),
    # a joint notice with a central administration's branch, first or between (one issuer on main)
    ("国家矿山安全监察局山西局山西省应急管理厅", ("国家矿山安全监察局山西局、山西省应急管理厅", "山西省", "central")),
])
def test_issuer_region_level(name, reading):
    assert _read(name) == reading


@pytest.mark.parametrize("name, reading", [
    # guards: read so on main too
    ("临江市地震局", ("临江市地震局", "临江市", "city")),  # a city's 地震局 is the city's own
    ("岩溪县森林消防大队", ("岩溪县森林消防大队", "岩溪县", "county")),  # a county's own forest fire team
    ("东川省临江市应急管理局", ("东川省临江市应急管理局", "东川省临江市", "city")),
    ("临江市东陵区应急管理局", ("临江市东陵区应急管理局", "临江市东陵区", "county")),
    ("赤峰市克什克腾旗应急管理局", ("赤峰市克什克腾旗应急管理局", "赤峰市克什克腾旗", "county")),
    ("重庆市沙坪坝区人民政府", ("重庆市沙坪坝区人民政府", "重庆市沙坪坝区", "county")),
    ("临江市白沙市应急管理局", ("临江市白沙市应急管理局", "临江市白沙市", "county")),  # a 市 under a 市: county-level
    ("应急管理部消防救援局", ("应急管理部消防救援局", "全国", "central")),
    ("海关总署", ("海关总署", "全国", "central")),
    ("国家税务总局临江市税务局", ("国家税务总局临江市税务局", "临江市", "central")),
    ("临江市财政局国家税务总局临江市税务局", ("临江市财政局、国家税务总局临江市税务局", "临江市", "city")),
    ("岚湖新区管理委员会", ("岚湖新区管理委员会", "岚湖新区", "department")),
    ("中共岩溪县委办公室", ("中共岩溪县委办公室", "岩溪县", "county")),
])
def test_issuer_region_level_guards(name, reading):
    assert _read(name) == reading


@pytest.mark.parametrize("title, region", [
    # the city's urban area (市区) right after a city named first is no district: the city
    ("临江市区燃气管网改造实施方案", "临江市"),
    ("东川省临江市区燃气管网改造实施方案", "东川省临江市"),
    # a word of several tiers or a tier's level after a city is no town (镇村, 镇街, 乡镇, 镇级)
    ("临江市镇村道路安全隐患排查清单", "临江市"),
    ("东莞市镇街安全生产考核办法", "东莞市"),
    ("东川省临江市镇级应急管理体系建设方案", "东川省临江市"),
    ("东川省临江市街道安全生产网格化管理办法", "东川省临江市"),
    ("镶黄旗苏木安全生产工作要点", "镶黄旗"),
    ("徐州街道网格化安全管理办法", "徐州"),  # (a prefecture named first: its streets)
    # a district named 沙市区 in a title with no organ: the district whole
    ("荆州市沙市区城镇燃气事故应急预案", "荆州市沙市区"),
])
def test_title_region(title, region):
    assert md.split_region(title)[0] == region
