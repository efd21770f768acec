"""Document metadata of kinds the earlier tests lacked (session 14, meta13): an accident investigation group's report
and the government's 批复 of one, an 安委办's 提示函 / 督办函 and a 警示通报, a 规划 for 2026—2030 signed the December
before and one sent by a 印发 notice without 《》, 政策问答 (on a rule in 《》 and plain), an 倡议书 of three
associations and an association's notice, a 国务院安委会 notice, a ministry's 局 (应急管理部安全执法和工贸监管局), a
province's and a city's 气象局, a 消防救援总队 and a 大队, a county-level city, a 直辖市's district office and street
office, a 盟's 行署办公室, a 旗's two offices, the 兵团's 安委办 by its short name, dates as `（2027年1月5日）` under the
title, as `2027年1月5日印发` under the signature and only in the imprint after `抄送：`, titles quoting a law or a rule
in 《》 without sending it, a notice with its 附件 plan, two notices in one file, a 新区's bureau, 安委办 and party work
committee, a 开发区's and a 高新区's committee, a court, a procuratorate and a bureau signing together, a bureau's
party committee; (third round) a 兵团 师 by its short name, a 嘎查's party branch, towns of a county-level city and of a
直辖市's county, a party secretary's speech, two central offices spaced.
Documents written for these tests (tests/data/metadata13/*.txt; invented places and organs, no sentence copied or
paraphrased from a real document); each expected reading was written down before running ``policytag segment`` on
the document (tests/data/metadata13/EXPECTED.md).

Decisions (docs/segmentation.md, Document metadata):
- a 气象局 of a province, city or county is the 中国气象局's, run vertically as a 消防救援总队 is: ``central``, its region
  the place it names;
- a 新区 is a district when a 人民政府 runs it (``county``) and a zone when a 管理委员会 does (``department``); a
  新区's bureau or 安委办 does not say which, the notice does when its addressees, header or signature name the
  committee (管委会各部门, 新区管委会, 新区党工委); a 新区 the party leads by a 工作委员会 (中共…新区工作委员会) is a
  zone (a district's party organ is its 区委);
- a document a title quotes without sending it (关于认真贯彻落实《…管理办法》的通知, 关于开展《…条例》宣贯活动的通知)
  is what the notice is about, not what it is: the genre is read from the title's own words.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA
from metadata_harness import probe_tests, read_documents

DATA = TEST_DATA / "metadata13"

# file: (title, issuer, region, level, genre, year, date, doc_number)
# the documents read right on main's code already: the probe's record, kept so that none regresses
PROBED = {
    "accident_investigation_report.txt": ("枫岭市汀兰区“5·16”火灾事故调查报告", "枫岭市汀兰区“5·16”火灾事故调查组", "枫岭市汀兰区",
                                          "county", "report", 2027, "2027-08-20", None),
    "investigation_team_city.txt": ("“7·22”较大道路交通事故调查报告", "枫岭市人民政府“7·22”较大道路交通事故调查组", "枫岭市", "city",
                                    "report", 2027, "2027-10-09", None),
    "accident_report_reply.txt": ("鹤汀县人民政府关于鹤汀县“3·8”坍塌事故调查报告的批复", "鹤汀县人民政府", "鹤汀县", "county", "other",
                                  2027, "2027-06-12", "鹤政函〔2027〕20号"),
    "reminder_letter.txt": ("枫岭市安全生产委员会办公室关于做好汛期尾矿库安全防范工作的提示函", "枫岭市安全生产委员会办公室", "枫岭市",
                            "city", "reminder", 2027, "2027-06-02", "枫安委办函〔2027〕15号"),
    "supervision_letter.txt": ("枫岭市安委办关于汀兰区城镇燃气重大事故隐患整改的督办函", "枫岭市安全生产委员会办公室", "枫岭市", "city",
                               "rectification", 2027, "2027-06-20", None),
    "warning_bulletin.txt": ("鹤汀县安委办关于两起有限空间作业事故的警示通报", "鹤汀县安全生产委员会办公室", "鹤汀县", "county",
                             "bulletin", 2027, "2027-07-25", "鹤安办〔2027〕9号"),
    "five_year_plan_period.txt": ("枫岭市防震减灾规划（2026—2030年）", "枫岭市地震局", "枫岭市", "city", "plan", 2026, "2025-12-30",
                                  None),
    "plan_notice_unquoted.txt": ("鹤汀县人民政府办公室关于印发鹤汀县2026—2030年应急体系建设规划的通知", "鹤汀县人民政府办公室",
                                 "鹤汀县", "county", "plan", 2026, "2026-03-05", "鹤政办发〔2026〕5号"),
    "policy_qa.txt": ("《枫岭市生产经营单位安全生产主体责任规定》政策问答", "枫岭市应急管理局", "枫岭市", "city", "interpretation",
                      2027, "2027-04-10", None),
    "policy_qa_plain.txt": ("城镇燃气安全专项整治政策问答", "鹤汀县住房和城乡建设局", "鹤汀县", "county", "interpretation", 2027,
                            "2027-05-08", None),
    "state_council_committee.txt": ("国务院安委会关于开展2027年全国安全生产大检查的通知", "国务院安全生产委员会", "全国", "central",
                                    "other", 2027, "2027-04-08", "安委〔2027〕3号"),
    "ministry_bureau.txt": ("应急管理部安全执法和工贸监管局关于开展粉尘涉爆企业执法检查的通知", "应急管理部安全执法和工贸监管局", "全国",
                            "central", "other", 2027, "2027-07-06", None),
    "province_fire_joint.txt": ("澜霁省应急管理厅澜霁省消防救援总队关于开展高层建筑消防安全专项治理的通知",
                                "澜霁省应急管理厅、澜霁省消防救援总队", "澜霁省", "province", "other", 2027, "2027-06-15", None),
    "county_fire_brigade.txt": ("鹤汀县消防救援大队关于开展“九小场所”消防安全检查的通知", "鹤汀县消防救援大队", "鹤汀县", "central",
                                "other", 2027, "2027-10-26", None),
    "county_level_city.txt": ("葭川市应急管理局关于开展农村自建房经营场所消防安全排查的通知", "葭川市应急管理局", "葭川市", "county",
                              "other", 2027, "2027-04-22", "葭应急〔2027〕11号"),
    "municipality_district_office.txt": ("岚桥区人民政府办公室关于做好2027年防汛工作的通知", "天津市岚桥区人民政府办公室",
                                         "天津市岚桥区", "county", "other", 2027, "2027-05-25", "岚政办发〔2027〕12号"),
    "street_of_municipality_district.txt": ("青石街道办事处关于开展老旧小区电动自行车充电隐患排查的通知", "北京市澄河区青石街道办事处",
                                            "北京市澄河区青石街道", "department", "other", 2027, "2027-08-01", None),
    "league_office_short.txt": ("乌日根盟行署办公室关于做好春季草原防火工作的通知", "乌日根盟行政公署办公室", "乌日根盟", "city", "other",
                                2027, "2027-03-10", None),
    "banner_party_government.txt": ("中共图门旗委员会办公室图门旗人民政府办公室关于进一步加强牧区防火安全工作的通知",
                                    "中共图门旗委员会办公室、图门旗人民政府办公室", "图门旗", "county", "other", 2027, "2027-10-08",
                                    None),
    "corps_committee_office_short.txt": ("兵团安委办关于做好冬季取暖季安全生产工作的通知", "新疆生产建设兵团安全生产委员会办公室",
                                         "新疆生产建设兵团", "province", "other", 2027, "2027-10-30", "兵安委办〔2027〕4号"),
    "date_under_title_speech.txt": ("在全县安全生产工作会议上的讲话", "鹤汀县人民政府", "鹤汀县", "county", "speech", 2027, "2027-01-05",
                                    None),
    "date_under_title_points.txt": ("枫岭市安全生产委员会2027年安全生产工作要点", "枫岭市安全生产委员会", "枫岭市", "city",
                                    "work_points", 2027, "2027-01-05", None),
    "printed_date_only.txt": ("鹤汀县应急管理局关于开展元旦春节期间烟花爆竹安全检查的通知", "鹤汀县应急管理局", "鹤汀县", "county",
                              "other", 2027, None, None),
    "footer_cc_date.txt": ("关于做好春季森林防火工作的通知", "枫岭市应急管理局", "枫岭市", "city", "other", 2027, None, None),
    "law_quoted_title.txt": ("澜霁省应急管理厅关于做好《中华人民共和国安全生产法》宣传贯彻工作的通知", "澜霁省应急管理厅", "澜霁省",
                             "province", "other", 2027, "2027-06-18", "澜应急〔2027〕21号"),
    "regulation_campaign_title.txt": ("鹤汀县应急管理局关于开展《澜霁省安全生产条例》宣贯活动的通知", "鹤汀县应急管理局", "鹤汀县",
                                      "county", "other", 2027, "2027-07-02", None),
    "notice_with_annex_plan.txt": ("枫岭市应急管理局关于印发《枫岭市2027年危险化学品安全专项整治方案》的通知", "枫岭市应急管理局",
                                   "枫岭市", "city", "special_plan", 2027, "2027-03-06", "枫应急〔2027〕9号"),
    "new_area_bureau_government_evidence.txt": ("上海市澄江新区应急管理局关于开展仓储物流企业消防安全检查的通知",
                                                "上海市澄江新区应急管理局", "上海市澄江新区", "county", "other", 2027,
                                                "2027-09-03", None),
    "development_zone_committee_bureau.txt": ("枫岭经济技术开发区管委会安全生产监督管理局关于开展危险化学品企业交叉检查的通知",
                                              "枫岭经济技术开发区管理委员会安全生产监督管理局", "枫岭经济技术开发区", "department",
                                              "other", 2027, "2027-06-28", None),
    "hitech_committee_city_named.txt": ("枫岭市高新技术产业开发区管理委员会关于加强锂电池生产企业安全管理的通知",
                                        "枫岭市高新技术产业开发区管理委员会", "枫岭市高新技术产业开发区", "department", "other", 2027,
                                        "2027-08-05", None),
    "court_procuratorate_joint.txt": ("鹤汀县人民法院鹤汀县人民检察院鹤汀县应急管理局关于建立安全生产行政执法与刑事司法衔接工作机制的意见",
                                      "鹤汀县人民法院、鹤汀县人民检察院、鹤汀县应急管理局", "鹤汀县", "county", "opinion", 2027,
                                      "2027-09-15", None),
    "party_committee_of_bureau.txt": ("中共枫岭市应急管理局委员会关于开展“安全生产月”主题党日活动的通知", "中共枫岭市应急管理局委员会",
                                      "枫岭市", "city", "other", 2027, "2027-05-28", None),
    "province_office_letter.txt": ("澜霁省住房和城乡建设厅办公室关于开展建筑起重机械安全隐患排查的通知", "澜霁省住房和城乡建设厅办公室",
                                   "澜霁省", "province", "other", 2027, "2027-06-22", "澜建办质〔2027〕14号"),
    "joint_rule_stacked.txt": ("枫岭市安全生产举报奖励实施细则（试行）", "枫岭市应急管理局、枫岭市财政局", "枫岭市", "city", "regulation",
                               2027, "2027-05-06", None),
    # (third round)
    "r3_gacha_party_branch.txt": ("宝力格嘎查党支部关于做好秋季打草期防火工作的通知", "图门旗萨仁苏木宝力格嘎查党支部",
                                  "图门旗萨仁苏木宝力格嘎查", "department", "other", 2027, "2027-08-26", None),
    "r3_county_city_town.txt": ("青禾镇人民政府关于开展农村燃气安全入户宣传的通知", "葭川市青禾镇人民政府", "葭川市青禾镇", "department",
                                "other", 2027, "2027-11-03", None),
    "r3_ministry_offices_spaced.txt": ("应急管理部办公厅国家矿山安全监察局综合司关于做好汛期非煤矿山安全防范工作的通知",
                                       "应急管理部办公厅、国家矿山安全监察局综合司", "全国", "central", "other", 2027, "2027-06-08",
                                       None),
    "r3_municipality_county_town.txt": ("云台镇人民政府关于加强汛期地质灾害隐患点巡查的通知", "重庆市鹤山县云台镇人民政府",
                                        "重庆市鹤山县云台镇", "department", "other", 2027, "2027-05-16", None),
}

# the documents main's code misread (each test failed there): what this session fixed
FIXED = {
    # (a 气象局 is the 中国气象局's: central; was province, city)
    "province_weather_bureau.txt": ("澜霁省气象局关于做好强对流天气监测预警服务的通知", "澜霁省气象局", "澜霁省", "central", "other", 2027,
                                    "2027-05-12", None),
    "city_weather_bureau.txt": ("枫岭市气象局关于做好汛期气象服务保障工作的通知", "枫岭市气象局", "枫岭市", "central", "other", 2027,
                                "2027-05-20", None),
    # (a rule quoted in a notice's title is what the notice is about: was regulation)
    "implement_rule_title.txt": ("关于认真贯彻落实《枫岭市生产安全事故隐患排查治理管理办法》的通知", "枫岭市应急管理局", "枫岭市", "city",
                                 "other", 2027, "2027-03-12", None),
    # (a 新区 led by the party's work committee, or whose bureau writes to the committee's departments, is a zone:
    # was county)
    "new_area_party_work_committee.txt": ("中共枫岭市云湖新区工作委员会关于落实安全生产党政同责的通知", "中共枫岭市云湖新区工作委员会",
                                          "枫岭市云湖新区", "department", "other", 2027, "2027-03-18", None),
    "r2_new_area_bureau_streets.txt": ("云湖新区应急管理局关于做好高温天气户外作业安全防护的通知", "枫岭市云湖新区应急管理局",
                                       "枫岭市云湖新区", "department", "other", 2027, "2027-07-12", None),
    # (a 师 by its short name in the title: the 兵团's, as its signature names it; was 十四师应急管理局)
    "r3_corps_division_short.txt": ("十四师应急管理局关于做好棉花加工企业防火工作的通知", "新疆生产建设兵团第十四师应急管理局",
                                    "新疆生产建设兵团第十四师", "city", "other", 2027, "2027-09-28", None),
}

# readings still wrong (strict: a fix shows as an XPASS to turn into a plain test)
OPEN = {  # (open at the probe's end, fixed since: KNOWN_GAPS)
    "associations_appeal.txt": ("关于安全用气、守护平安的倡议书", "枫岭市燃气协会、枫岭市餐饮行业协会、枫岭市消费者协会", "枫岭市",
                                "department", "appeal", 2027, "2027-09-01", None),
    "association_notice.txt": ("枫岭市危险化学品行业协会关于开展会员企业安全生产标准化自查的通知", "枫岭市危险化学品行业协会", "枫岭市",
                               "department", "other", 2027, "2027-08-03", None),
    "new_area_bureau_committee_evidence.txt": ("云湖新区应急管理局关于开展工业企业复工复产安全检查的通知", "枫岭市云湖新区应急管理局",
                                               "枫岭市云湖新区", "department", "other", 2027, "2027-02-10", None),
    "new_area_committee_office.txt": ("枫岭市云湖新区安委办关于做好汛期安全防范工作的通知", "枫岭市云湖新区安全生产委员会办公室",
                                      "枫岭市云湖新区", "department", "other", 2027, "2027-06-01", None),
    "r3_party_secretary_speech.txt": ("在全市安全生产工作会议上的讲话", "中共枫岭市委", "枫岭市", "city", "speech", 2027, "2027-02-26",
                                      None),
}
# (the five open at the probe's end were fixed by the lead in session 14: 协会 in clean.RE_ISSUER, an association on
# no tier (metadata._NON_TIER), 新区各…/管委会各部门 addressees (clean.RE_EACH_ADDRESSEE), 市委书记 in clean.RE_SIGNER)
KNOWN_GAPS: dict[str, str] = {}
TWO_DOCUMENTS = {
    "two_notices_one_file.txt": [
        ("鹤汀县应急管理局关于开展清明节期间森林防火检查的通知", "鹤汀县应急管理局", "鹤汀县", "county", "other", 2027, "2027-04-02",
         None),
        ("鹤汀县安全生产委员会办公室关于做好五一假期安全防范工作的通知", "鹤汀县安全生产委员会办公室", "鹤汀县", "county", "other", 2027,
         "2027-04-28", "鹤安办〔2027〕5号"),
    ],
}


test_every_document_is_listed, test_document_metadata = probe_tests(
    DATA, PROBED, FIXED, OPEN, known_gaps=KNOWN_GAPS, two_documents=TWO_DOCUMENTS, at_least=40)


def test_two_notices_in_one_file_keep_their_own_readings():
    assert read_documents(DATA / "two_notices_one_file.txt") == TWO_DOCUMENTS["two_notices_one_file.txt"]


@pytest.mark.parametrize("name, expected", [
    ("澜霁省气象局", ("澜霁省", "central")),
    ("枫岭市气象局", ("枫岭市", "central")),
    ("枫岭市鹤汀县气象局", ("枫岭市鹤汀县", "central")),
    # (guards: the administration itself; a city's own 地震局 is the city's)
    ("中国气象局", ("全国", "central")),
    ("枫岭市地震局", ("枫岭市", "city")),
])
def test_a_weather_bureau_is_the_central_administrations(name, expected):
    assert md.issuer_region_level(md.normalize_issuer(name)) == expected


@pytest.mark.parametrize("raw, expected", [
    ("十四师应急管理局", "新疆生产建设兵团第十四师应急管理局"),
    ("七师安委办", "新疆生产建设兵团第七师安全生产委员会办公室"),
    ("第十四师应急管理局", "新疆生产建设兵团第十四师应急管理局"),  # (guard: with 第, as before)
    ("三师兄弟", "三师兄弟"),  # (no organ: no 师 of the 兵团)
])
def test_a_corps_division_by_its_short_name(raw, expected):
    assert md.normalize_issuer(raw) == expected


@pytest.mark.parametrize("name, expected", [
    ("中共枫岭市云湖新区工作委员会", ("枫岭市云湖新区", "department")),
    ("枫岭市云湖新区工委", ("枫岭市云湖新区", "department")),
    # (guards: a 新区's committee; a district's party committee and a 新区 with a 人民政府)
    ("枫岭市云湖新区管理委员会", ("枫岭市云湖新区", "department")),
    ("中共枫岭市汀兰区委员会", ("枫岭市汀兰区", "county")),
    ("上海市澄江新区人民政府", ("上海市澄江新区", "county")),
])
def test_a_new_area_the_party_leads_by_a_work_committee_is_a_zone(name, expected):
    assert md.issuer_region_level(md.normalize_issuer(name)) == expected


@pytest.mark.parametrize("region, addressees, expected", [
    ("枫岭市云湖新区", ["新区各街道办事处，管委会各部门，各工业企业："], "department"),
    ("枫岭市云湖新区", ["各街道办事处，新区管委会各部门："], "department"),
    # (guards: a district's addressees; a zone's committee a district writes to is that zone's; a street's 党工委 is
    # the street's, in a district as in a zone)
    ("枫岭市云湖新区", ["各街道党工委，新区各部门："], "county"),
    ("上海市澄江新区", ["各街道办事处、各镇人民政府，区政府各委、办、局："], "county"),
    ("上海市澄江新区", ["各街道办事处，澄江经济开发区管委会，区政府各部门："], "county"),
    ("枫岭市汀兰区", ["各街道办事处，管委会各部门："], "county"),  # (no 新区: a district's name says it)
])
def test_a_new_area_sent_to_its_committee_is_a_zone(region, addressees, expected):
    assert md.county_level_city(region, "county", addressees) == expected


@pytest.mark.parametrize("texts, expected", [
    (["云湖新区应急管理局关于开展安全检查的通知", "枫岭市云湖新区管委会"], "department"),
    (["枫岭市云湖新区党工委　管委会关于开展安全检查的通知"], "department"),
    (["上海市澄江新区应急管理局关于开展安全检查的通知", "上海市澄江新区应急管理局"], "county"),  # (guard)
])
def test_a_new_area_whose_committee_signs_is_a_zone(texts, expected):
    assert md.county_remark("枫岭市云湖新区" if "云湖" in texts[0] else "上海市澄江新区", "county", texts) == expected


@pytest.mark.parametrize("title, genre", [
    ("关于认真贯彻落实《枫岭市生产安全事故隐患排查治理管理办法》的通知", "other"),
    ("枫岭市应急管理局关于贯彻执行《澜霁省生产经营单位安全生产主体责任暂行办法》的通知", "other"),
    ("关于做好《枫岭市城镇燃气安全专项整治实施方案》宣传工作的通知", "other"),
    ("鹤汀县人民政府关于贯彻《澜霁省安全生产条例》的实施意见", "opinion"),
    # (guards: a title that sends the rule or plan it names is read by it)
    ("关于印发《枫岭市生产安全事故隐患排查治理管理办法》的通知", "regulation"),
    ("枫岭市应急管理局关于发布《枫岭市危险化学品事故应急预案》的通知", "emergency_plan"),
    ("枫岭市生产安全事故隐患排查治理管理办法", "regulation"),
    ("《枫岭市生产安全事故隐患排查治理管理办法》", "regulation"),
    ("关于废止《枫岭市烟花爆竹燃放安全管理暂行办法》的决定", "decision"),
])
def test_a_document_a_title_quotes_without_sending_it_names_no_genre(title, genre):
    assert md.genre_of(title, []) == genre


@pytest.mark.parametrize("organ, signed, expected", [
    # each organ of a joint title by its own line of the stacked signature (the party organ's 中共 first)
    ("中共望江街道工作委员会　望江街道办事处", ["中共岱川市临河区望江街道工作委员会", "岱川市临河区望江街道办事处"],
     "中共岱川市临河区望江街道工作委员会、岱川市临河区望江街道办事处"),
    ("青石镇人民政府　青石镇安委会", ["鹤汀县青石镇人民政府", "鹤汀县青石镇安全生产委员会"],
     "鹤汀县青石镇人民政府、鹤汀县青石镇安全生产委员会"),
    # (guards: one organ, as before; another organ in the signature leaves the title's name)
    ("桂塘街道办事处", ["柘川市蓼湾区桂塘街道办事处"], "柘川市蓼湾区桂塘街道办事处"),
    ("云岫镇安委会", ["青石县云岫镇安全生产委员会"], "青石县云岫镇安全生产委员会"),
    ("桂塘街道办事处", ["柘川市蓼湾区人民政府办公室"], "桂塘街道办事处"),
    ("中共望江街道工作委员会", ["岱川市临河区望江街道办事处"], "中共望江街道工作委员会"),
])
def test_the_full_names_a_stacked_signature_gives(organ, signed, expected):
    assert md.full_name(organ, signed) == expected


@pytest.mark.parametrize("title, number", [
    ("岱川市应急管理局关于开展液化石油气充装站安全检查的通知（岱应急〔2027〕12号）", "岱应急〔2027〕12号"),
    ("枫岭市应急管理局关于做好汛期安全防范工作的通知(枫应急[2027]08号)", "枫应急〔2027〕8号"),
    # (a 转发 letter's closing number may be the forwarded notice's; a number quoted inside the title is)
    ("关于转发省应急管理厅关于做好汛期工作的通知的通知（澜应急〔2027〕3号）", None),
    ("关于转发《梧溪市人民政府关于做好汛期安全防范工作的通知》（梧政发〔2027年〕30号）的通知", None),
    ("岱川市应急管理局行政处罚公告（2027年第3号）", None),
])
def test_the_number_a_title_closes_with(title, number):
    assert md.title_number(title) == number


@pytest.mark.parametrize("name", ["枫岭市燃气协会", "枫岭市危险化学品行业协会"])
def test_an_association_signs_as_an_organ(name):
    assert md.looks_like_issuer(name)
