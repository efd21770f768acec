"""Document metadata, session 25 (meta25): issuers not yet covered (a county's 工业园区 and a city's 化工园区 安委会, a 高新区, an
经开区 by its short name, a 林区 and its bureau, a province's 农垦总局 and one of its farms, a 兵团 师 and a 团场 named as a farm,
a city's 矿区, a mine-safety branch, two ministries' 司, the national maritime administration, the civil aviation's regional
and provincial administrations, a railway supervision office, the 国家消防救援局 and a province's 总队, a town, a street, a
village committee, two state-owned groups, a joint notice of five organs on two lines, a 省委办公厅 and 省政府办公厅 notice,
five organs stacked under an untitled joint notice); dates (二〇二七年三月五日, 2027.1.5, 2027/01/05) and years (2027—2028年度,
“十五五”); one notice of each genre; supervision orders (督办); covering letters.

64 files (54, then 5 covering letters, then 5 of a second round written after the first's fixes), tests/data/metadata25/*.txt,
the reading of each written down in its EXPECTED.md before the code ran. 51 read right on main's code (guards); 11 were
misread and are fixed in corpus/metadata.py (2 are open, below):

- a covering letter only (现将《…》转发给你们 / 印发给你们, an opening line before it, at most 特此通知 after it, no work of its
  own) read as the document it passes on (``关于转发《…2027年安全生产工作要点》的通知``: ``work_points``), while the reports
  tell it apart by its clauses (inference/yoy.covering_sentence, across.document_kinds): now its own genre,
  ``covering_letter`` (转发/印发通知), exactly where the reports' rule holds (a letter that adds its own requirements keeps the
  genre of what it forwards; an issuing notice followed by its enclosure is its enclosure's);
- a 挂牌督办通知书, a 督办函, a 督办单 read ``other``: a supervision order to one addressee naming a hazard and a date is a
  ``rectification`` (the genre's definition, docs/segmentation.md); a notice listing hazards for 挂牌督办 to many stays
  ``other``, a ``…挂牌督办…整改情况的通报`` a ``bulletin``;
- ``国家铁路局广州铁路监督管理局`` read as a 州 named ``国家铁路局广州`` (city), ``澜霁省农垦红旗农场`` as a 旗 named
  ``澜霁省农垦红旗``: 铁路 and 农垦 are organ words, no place's name holds them.

Documents written for these tests (real names where the kind needs one: central organs and their branches; invented ones
elsewhere); no sentence copied or paraphrased from a real document.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests, read_documents

DATA = TEST_DATA / "metadata25"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# read right on main's code already: guards that the fixes keep
PROBED = {
    'c03_forwarding_letter_with_requirements.txt': ('岩溪县应急管理局关于转发《澄河市应急管理局关于开展危险化学品安全专项检查的通知》的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-04-10', None),
    'd01_chinese_numeral_date.txt': ('澄河市应急管理局关于开展汛前尾矿库安全检查的通知', '澄河市应急管理局', '澄河市', 'city', 'other', 2027, '2027-03-05', None),
    'd02_dotted_date.txt': ('岩溪县应急管理局关于做好元旦期间安全防范工作的通知', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-01-05', None),
    'd03_slash_date.txt': ('岩溪县住房和城乡建设局关于加强冬期施工安全管理的通知', '岩溪县住房和城乡建设局', '岩溪县', 'county', 'other', 2027, '2027-01-05', None),
    'd04_two_year_season_plan.txt': ('澄河市2027—2028年度冬春火灾防控工作方案', '澄河市消防安全委员会', '澄河市', 'city', 'special_plan', 2027, '2027-10-28', None),
    'd05_fifteenth_plan_signed.txt': ('岩溪县“十五五”安全生产规划', '岩溪县人民政府', '岩溪县', 'county', 'plan', 2026, '2026-03-10', None),
    'd07_chinese_date_with_zero.txt': ('岩溪县人民政府办公室关于做好中秋国庆期间安全生产工作的通知', '岩溪县人民政府办公室', '岩溪县', 'county', 'other', 2027, '2027-09-28', '岩政办明电〔2027〕9号'),
    'd08_two_year_title_work_points.txt': ('澄河市安全生产委员会2027—2028年度安全生产工作要点', '澄河市安全生产委员会', '澄河市', 'city', 'work_points', 2027, '2027-03-01', None),
    'g01_work_points.txt': ('岩溪县应急管理局2027年安全生产工作要点', '岩溪县应急管理局', '岩溪县', 'county', 'work_points', 2027, '2027-02-18', None),
    'g02_implementation_plan.txt': ('关于印发《澄河市城镇燃气安全专项整治实施方案》的通知', '澄河市人民政府办公室', '澄河市', 'city', 'special_plan', 2027, '2027-04-15', '澄政办发〔2027〕12号'),
    'g03_emergency_plan.txt': ('岩溪县危险化学品生产安全事故应急预案', '岩溪县人民政府办公室', '岩溪县', 'county', 'emergency_plan', 2027, '2027-05-10', None),
    'g04_measures_banfa.txt': ('澄河市安全生产举报奖励办法', '澄河市应急管理局', '澄河市', 'city', 'regulation', 2027, '2027-07-01', None),
    'g05_rules_xize.txt': ('关于印发《岩溪县安全生产约谈实施细则》的通知', '岩溪县安全生产委员会', '岩溪县', 'county', 'regulation', 2027, '2027-08-08', '岩安委〔2027〕7号'),
    'g06_announcement.txt': ('澄河市人民政府关于春节期间禁止燃放烟花爆竹的通告', '澄河市人民政府', '澄河市', 'city', 'announcement', 2027, '2027-01-20', None),
    'g07_bulletin.txt': ('岩溪县安全生产委员会办公室关于2027年第一季度安全生产督查情况的通报', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'bulletin', 2027, '2027-04-12', None),
    'g08_opinion.txt': ('澄河市应急管理局关于加强小微企业安全生产服务的指导意见', '澄河市应急管理局', '澄河市', 'city', 'opinion', 2027, '2027-09-06', None),
    'g09_decision_commendation.txt': ('岩溪县人民政府关于表彰2026年度安全生产工作先进单位的决定', '岩溪县人民政府', '岩溪县', 'county', 'decision', 2026, '2027-02-08', None),
    'g10_reply_pifu.txt': ('澄河市人民政府关于《白沙区危险化学品企业搬迁改造实施方案》的批复', '澄河市人民政府', '澄河市', 'city', 'other', 2027, '2027-06-30', None),
    'g11_letter_han.txt': ('岩溪县应急管理局关于商请协助开展危险货物运输车辆检查的函', '岩溪县应急管理局', '岩溪县', 'county', 'other', 2027, '2027-10-09', None),
    'g12_minutes.txt': ('澄河市安全生产委员会2027年第三次全体会议纪要', '澄河市安全生产委员会', '澄河市', 'city', 'minutes', 2027, '2027-08-22', None),
    'g13_speech.txt': ('在全县安全生产工作会议上的讲话', '岩溪县人民政府', '岩溪县', 'county', 'speech', 2027, '2027-02-16', None),
    'i01_county_industrial_park.txt': ('岩溪县工业园区管理委员会关于开展园区企业动火作业安全检查的通知', '岩溪县工业园区管理委员会', '岩溪县工业园区', 'department', 'other', 2027, '2027-04-08', None),
    'i02_park_safety_committee.txt': ('澄河市化工园区安全生产委员会关于加强园区危险化学品运输车辆管理的通知', '澄河市化工园区安全生产委员会', '澄河市化工园区', 'department', 'other', 2027, '2027-05-12', None),
    'i03_hitech_zone_full.txt': ('鹭汀高新技术产业开发区管理委员会关于做好高温天气安全生产工作的通知', '鹭汀高新技术产业开发区管理委员会', '鹭汀高新技术产业开发区', 'department', 'other', 2027, '2027-07-03', None),
    'i04_dev_zone_short_signed_full.txt': ('澄江经开区管委会关于开展粉尘涉爆企业专项检查的通知', '澄江经济开发区管理委员会', '澄江经济开发区', 'department', 'other', 2027, '2027-03-22', None),
    'i05_forest_district_government.txt': ('岚溪林区人民政府关于做好2027年春季森林防火工作的通知', '岚溪林区人民政府', '岚溪林区', 'county', 'other', 2027, '2027-02-27', None),
    'i06_forest_district_bureau.txt': ('岚溪林区应急管理局关于开展林区旅游景区安全检查的通知', '岚溪林区应急管理局', '岚溪林区', 'county', 'other', 2027, '2027-04-30', None),
    'i07_state_farm_bureau_province.txt': ('澜霁省农垦总局关于做好夏收期间农机安全生产工作的通知', '澜霁省农垦总局', '澜霁省', 'province', 'other', 2027, '2027-06-10', None),
    'i09_corps_division_bureau.txt': ('新疆生产建设兵团第十三师应急管理局关于开展冬季取暖安全检查的通知', '新疆生产建设兵团第十三师应急管理局', '新疆生产建设兵团第十三师', 'city', 'other', 2027, '2027-11-05', None),
    'i11_mining_district_bureau.txt': ('澄河市矿区应急管理局关于开展非煤矿山汛期安全检查的通知', '澄河市矿区应急管理局', '澄河市矿区', 'county', 'other', 2027, '2027-06-03', None),
    'i12_mine_safety_bureau_province.txt': ('国家矿山安全监察局内蒙古局关于开展煤矿防灭火专项监察的通知', '国家矿山安全监察局内蒙古局', '内蒙古自治区', 'central', 'other', 2027, '2027-08-16', None),
    'i13_ministry_department_si.txt': ('应急管理部安全生产综合协调司关于报送2027年上半年安全生产工作情况的函', '应急管理部安全生产综合协调司', '全国', 'central', 'other', 2027, '2027-06-20', None),
    'i14_ministry_department_si_hazchem.txt': ('应急管理部危险化学品安全监督管理司关于开展化工园区安全风险复核的通知', '应急管理部危险化学品安全监督管理司', '全国', 'central', 'other', 2027, '2027-03-15', None),
    'i15_msa_national.txt': ('交通运输部海事局关于做好2027年汛期水上交通安全工作的通知', '交通运输部海事局', '全国', 'central', 'other', 2027, '2027-05-06', None),
    'i16_caac_regional_full.txt': ('中国民用航空华北地区管理局关于加强机场净空安全管理的通知', '中国民用航空华北地区管理局', None, 'central', 'other', 2027, '2027-04-18', None),
    'i17_caac_province_supervision.txt': ('民航山西安全监督管理局关于开展通用航空安全检查的通知', '中国民用航空山西安全监督管理局', '山西省', 'central', 'other', 2027, '2027-07-12', None),
    'i19_national_fire_rescue.txt': ('国家消防救援局关于做好2027年冬春火灾防控工作的通知', '国家消防救援局', '全国', 'central', 'other', 2027, '2027-11-10', None),
    'i20_province_fire_corps.txt': ('澜霁省消防救援总队关于开展高层建筑消防安全专项检查的通知', '澜霁省消防救援总队', '澜霁省', 'central', 'other', 2027, '2027-03-28', None),
    'i21_town_government.txt': ('岩溪县青石镇人民政府关于做好汛期地质灾害防范工作的通知', '岩溪县青石镇人民政府', '岩溪县青石镇', 'department', 'other', 2027, '2027-06-08', None),
    'i22_street_office.txt': ('澄河市白沙区东湖街道办事处关于开展辖区燃气安全入户检查的通知', '澄河市白沙区东湖街道办事处', '澄河市白沙区东湖街道', 'department', 'other', 2027, '2027-04-02', None),
    'i23_village_committee.txt': ('岩溪县青石镇柳湾村村民委员会关于做好防溺水工作的通知', '岩溪县青石镇柳湾村村民委员会', '岩溪县青石镇柳湾村', 'department', 'other', 2027, '2027-06-15', None),
    'i24_enterprise_group_city.txt': ('澄河市城市建设投资集团有限公司关于开展在建项目安全生产大检查的通知', '澄河市城市建设投资集团有限公司', '澄河市', 'department', 'other', 2027, '2027-03-09', None),
    'i25_enterprise_group_province.txt': ('澜霁省能源集团有限公司关于做好迎峰度夏安全生产工作的通知', '澜霁省能源集团有限公司', '澜霁省', 'department', 'other', 2027, '2027-06-25', None),
    'i26_five_organs_joint.txt': ('澄河市应急管理局澄河市公安局澄河市交通运输局澄河市市场监督管理局澄河市消防救援支队关于开展危险化学品道路运输联合执法检查的通知', '澄河市应急管理局、澄河市公安局、澄河市交通运输局、澄河市市场监督管理局、澄河市消防救援支队', '澄河市', 'city', 'other', 2027, '2027-08-05', None),
    'i27_two_offices_province.txt': ('中共澜霁省委办公厅澜霁省人民政府办公厅关于进一步加强安全生产工作的意见', '中共澜霁省委办公厅、澜霁省人民政府办公厅', '澜霁省', 'province', 'opinion', 2027, '2027-04-26', None),
    'i28_five_organs_stacked_signature.txt': ('关于开展2027年“安全生产月”活动的通知', '岩溪县安全生产委员会办公室、岩溪县应急管理局、岩溪县总工会、共青团岩溪县委员会、岩溪县妇女联合会', '岩溪县', 'county', 'other', 2027, '2027-05-20', None),
    's04_listing_notice_to_many.txt': ('澄河市安全生产委员会关于对2027年第一批重大事故隐患实行挂牌督办的通知', '澄河市安全生产委员会', '澄河市', 'city', 'other', 2027, '2027-04-06', '澄安委〔2027〕5号'),
    's05_supervision_bulletin.txt': ('岩溪县安全生产委员会办公室关于挂牌督办重大事故隐患整改情况的通报', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'bulletin', 2027, '2027-10-15', None),
}

# misread on main's code (what it read instead in the comment)
FIXED = {
    # (region '澜霁省农垦红旗')
    'i08_state_farm_of_province.txt': ('澜霁省农垦红旗农场关于开展粮食烘干设备安全检查的通知', '澜霁省农垦红旗农场', '澜霁省', 'department', 'other', 2027, '2027-09-20', None),
    # (region '国家铁路局广州', level 'city')
    'i18_railway_supervision_full.txt': ('国家铁路局广州铁路监督管理局关于加强汛期铁路运输安全监管的通知', '国家铁路局广州铁路监督管理局', None, 'central', 'other', 2027, '2027-05-25', None),
    # (genre 'other')
    's01_listed_supervision_order.txt': ('澄河市安全生产委员会办公室重大事故隐患挂牌督办通知书', '澄河市安全生产委员会办公室', '澄河市', 'city', 'rectification', 2027, '2027-05-18', '澄安办督〔2027〕3号'),
    # (genre 'other')
    's02_supervision_letter.txt': ('岩溪县安全生产委员会办公室关于青石镇石料厂重大事故隐患整改的督办函', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'rectification', 2027, '2027-07-09', None),
    # (genre 'other')
    's03_supervision_slip.txt': ('澄河市应急管理局安全生产督办单', '澄河市应急管理局', '澄河市', 'city', 'rectification', 2027, '2027-09-14', None),
}

# covering letters only: the genre of the document passed on on main's code (in the comment)
COVERING = {
    # (genre 'work_points')
    'c02_forwarding_letter_alone.txt': ('澄河市应急管理局关于转发《澜霁省应急管理厅2027年安全生产工作要点》的通知', '澄河市应急管理局', '澄河市', 'city', 'covering_letter', 2027, '2027-03-06', None),
    # (genre 'work_points')
    'c04_issuing_letter_without_enclosure.txt': ('关于印发《澄河市2027年安全生产工作要点》的通知', '澄河市安全生产委员会', '澄河市', 'city', 'covering_letter', 2027, '2027-02-25', '澄安委〔2027〕2号'),
    # (genre 'other')
    'c05_forwarding_letter_opening_and_closing.txt': ('澄河市人民政府办公室关于转发《澜霁省人民政府办公厅关于做好2027年汛期安全防范工作的通知》的通知', '澄河市人民政府办公室', '澄河市', 'city', 'covering_letter', 2027, '2027-05-28', '澄政办发〔2027〕21号'),
}

# round 2, written after round 1's fixes: a covering sentence with a request of its own after it, a town's 转发 letter, a
# 督办通知书 by a short organ name, a city's fire detachment (its date 2027/1/5), a 2027—2028年度 season's notice
ROUND2 = {
    'r2_fire_detachment_city.txt': ('澄河市消防救援支队关于开展大型商业综合体消防安全检查的通知', '澄河市消防救援支队', '澄河市', 'central', 'other', 2027, '2027-01-05', None),
    'r2_forward_letter_request_paragraph.txt': ('岩溪县应急管理局关于转发《澄河市应急管理局2027年安全生产执法工作要点》的通知', '岩溪县应急管理局', '岩溪县', 'county', 'work_points', 2027, '2027-03-12', None),
    'r2_two_year_season_notice.txt': ('澄河市森林草原防灭火指挥部关于做好2027—2028年度冬春森林防火工作的通知', '澄河市森林草原防灭火指挥部', '澄河市', 'city', 'other', 2027, '2027-10-20', None),
    # (genre 'other' on main's code)
    'r2_supervision_notice_short_organ.txt': ('岩溪县安委办安全生产督办通知书', '岩溪县安全生产委员会办公室', '岩溪县', 'county', 'rectification', 2027, '2027-09-08', '岩安办督〔2027〕4号'),
    # (genre 'other' on main's code)
    'r2_town_forwards_county_notice.txt': ('岩溪县青石镇人民政府关于转发《岩溪县人民政府办公室关于做好2027年防汛工作的通知》的通知', '岩溪县青石镇人民政府', '岩溪县青石镇', 'department', 'covering_letter', 2027, '2027-05-06', None),
}

# still misread (files of others: the reason in KNOWN_GAPS)
OPEN = {
    'i10_corps_regiment_government.txt': ('新疆生产建设兵团第十三师红星一场关于做好秋收安全生产工作的通知', '新疆生产建设兵团第十三师红星一场', '新疆生产建设兵团第十三师红星一场', 'county', 'other', 2027, '2027-09-02', None),
    'd06_fifteenth_plan_signed_before.txt': ('澄河市“十五五”应急体系建设规划', '澄河市人民政府', '澄河市', 'city', 'plan', 2026, '2025-12-22', None),
}

KNOWN_GAPS: dict[str, str] = {}

# a covering letter and the notice it forwards, pasted after it in one file
TWO_DOCUMENTS = {
    "c01_forwarding_letter_with_notice.txt": [
        ('岩溪县人民政府办公室关于转发《澄河市人民政府关于做好2027年安全生产工作的通知》的通知', '岩溪县人民政府办公室', '岩溪县',
         'county', 'covering_letter', 2027, '2027-02-20', '岩政办发〔2027〕6号'),
        ('澄河市人民政府关于做好2027年安全生产工作的通知', '澄河市人民政府', '澄河市', 'city', 'annual_notice', 2027, '2027-02-10',
         '澄政发〔2027〕3号'),
    ],
}

test_every_document_is_listed, test_document_metadata = probe_tests(
    DATA, PROBED, FIXED, COVERING, ROUND2, OPEN, known_gaps=KNOWN_GAPS, two_documents=TWO_DOCUMENTS, at_least=64)


@pytest.mark.parametrize("name", sorted(TWO_DOCUMENTS))
def test_a_covering_letter_and_the_notice_it_forwards(name: str) -> None:
    assert read_documents(DATA / name) == TWO_DOCUMENTS[name]


# --- the covering letter's genre agrees with the reports' covering letter ------------------------------------------


def test_covering_letter_is_a_listed_genre_with_a_name() -> None:
    assert "covering_letter" in md.GENRES and md.GENRES[-2:] == ("rectification", "other")
    assert md.GENRE_NAMES["covering_letter"] == "转发/印发通知"


@pytest.mark.parametrize("paragraphs, genre", [
    (["现将《澄河市2027年安全生产工作要点》印发给你们，请认真贯彻执行。"], "covering_letter"),
    (["现将《澜霁省应急管理厅关于开展燃气安全检查的通知》转发给你们，请结合实际抓好落实。", "特此通知。"], "covering_letter"),
    (["汛期临近。", "现将省防指的通知转发给你们，请遵照执行。"], "covering_letter"),  # (the document unnamed, as the reports allow)
    # its own requirements after the covering sentence: work of its own, the genre of what it forwards
    (["现将《澜霁省应急管理厅2027年安全生产工作要点》转发给你们，并提出以下要求：", "一、各地要在3月底前制定本地工作要点。"],
     "work_points"),
    # an issuing notice followed by its enclosure: the enclosure's genre
    (["现将《澄河市2027年安全生产工作要点》印发给你们，请认真贯彻执行。", "澄河市2027年安全生产工作要点",
      "2027年全市安全生产工作的总体要求是：坚持人民至上。", "一、压实安全生产责任。", "二、深化专项整治。"], "work_points"),
    # a sentence that passes nothing on
    (["为做好2027年安全生产工作，现将有关事项通知如下：", "一、压实责任。"], "work_points"),
])
def test_a_covering_letter_only_is_its_own_genre(paragraphs: list[str], genre: str) -> None:
    title = "澄河市应急管理局关于转发《澜霁省应急管理厅2027年安全生产工作要点》的通知"
    assert md.genre_of(title, paragraphs) == genre


def test_the_genre_is_covering_letter_exactly_where_the_reports_see_a_covering_letter_only() -> None:
    # the reports' rule (inference/yoy.covering_sentence: every clause its opening, one of them passing a document on) and
    # the genre, over every document of this folder and of two folders of 转发 letters written before (metadata11, 14)
    from inference.yoy import covering_sentence
    from policytag.corpus.segment import segment_paths

    result = segment_paths([DATA, TEST_DATA / "metadata11", TEST_DATA / "metadata14"])
    clauses: dict[str, list] = {}
    for c in result.clauses:
        clauses.setdefault(c.doc_id, []).append(SimpleNamespace(clause=c))
    seen = {True: 0, False: 0}
    for doc in result.documents:
        covering = covering_sentence(clauses.get(doc.doc_id, [])) is not None
        assert (doc.genre == "covering_letter") == covering, (doc.source, doc.title, doc.genre)
        seen[covering] += 1
    assert seen[True] >= 10 and seen[False] >= 50


# --- supervision orders (督办) --------------------------------------------------------------------------------------


@pytest.mark.parametrize("title, genre", [
    # to one addressee, naming a hazard or a lag and a date: a rectification order
    ("澄河市安全生产委员会办公室重大事故隐患挂牌督办通知书", "rectification"),
    ("岩溪县安全生产委员会办公室关于青石镇石料厂重大事故隐患整改的督办函", "rectification"),
    ("澄河市应急管理局安全生产督办单", "rectification"),
    ("澄河市应急管理局重大事故隐患督办通知单", "rectification"),
    # to many: a notice listing the hazards, a bulletin on their rectification, a rule on supervision
    ("澄河市安全生产委员会关于对2027年第一批重大事故隐患实行挂牌督办的通知", "other"),
    ("岩溪县安全生产委员会办公室关于挂牌督办重大事故隐患整改情况的通报", "bulletin"),
    ("关于印发《澄河市重大事故隐患挂牌督办办法》的通知", "regulation"),
    ("澄河市安全生产委员会关于加强安全生产督办工作的通知", "other"),
])
def test_supervision_orders_to_one_addressee_are_rectification(title: str, genre: str) -> None:
    assert md.genre_of(title, []) == genre


# --- names no place's name holds --------------------------------------------------------------------------------------


@pytest.mark.parametrize("issuer, reading", [
    ("国家铁路局广州铁路监督管理局", (None, "central")),  # (no 州 named 国家铁路局广州)
    ("国家铁路局沈阳铁路监督管理局", (None, "central")),
    ("澜霁省农垦红旗农场", ("澜霁省", "department")),  # (no 旗 named 农垦红旗)
    ("澜霁省农垦总局", ("澜霁省", "province")),
    ("岩溪县红旗镇人民政府", ("岩溪县红旗镇", "department")),
    # a 兵团's regiment farm named as a farm: the county's tier of its ladder, as a numbered 团
    ("新疆生产建设兵团第十三师红星一场", ("新疆生产建设兵团第十三师红星一场", "county")),
    ("新疆生产建设兵团第六师芳草湖农场应急管理局", ("新疆生产建设兵团第六师芳草湖农场", "county")),
    ("新疆生产建设兵团第六师一〇三团", ("新疆生产建设兵团第六师一〇三团", "county")),
    ("岩溪县国营红星农场", ("岩溪县", "department")),  # (a county's state farm: no tier)
])
def test_issuer_region_and_level(issuer: str, reading: tuple) -> None:
    assert md.issuer_region_level(md.normalize_issuer(issuer)) == reading
