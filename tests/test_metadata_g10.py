"""Document metadata of every kind of government (session 11, meta10): autonomous regions, prefectures
and counties, a 盟's 行政公署, a 旗's 苏木, a 林区 and a city's 矿区, zones run by a 管理委员会, ministries and
central bureaus signing together, the 国务院安委会办公室, central organs' vertical branches in a province
(通信管理局, 消防救援总队, 海事局), a 人大常委会's 条例, a government's 令, a 两办 notice, a state-owned
group's notice; genres beyond the annual notice (意见, 规划, 细则, 决定, 通告, 通报, 函, 批复, 纪要); years
of targets (到2027年) and plans (（2025—2027年）), dates in Chinese digits, in a web box; an organ's short
and old names; copies of one plan with and without its 印发 wrapper, a draft beside its final text.
Documents written for these tests (tests/data/metadata10/*.txt; invented places and organs, no sentence
copied or paraphrased from a real document); each expected reading was written down before running
``policytag segment`` on the document.

Decisions (docs/segmentation.md, Document metadata):
- a central organ's vertically run branch is the central organ's, its region the place it names (as
  国家矿山安全监察局山西局 and 国家税务总局柘川市税务局 already read): a province's 通信管理局 (工业和信息化部's),
  its 消防救援总队 and a city's 支队 or a county's 大队 (国家消防救援局's), a 海事局 named by its province's
  short name (交通运输部's; a city's 地方海事局 is the city's own) are ``central``;
- a state-owned group (中岳省能源投资集团有限公司) is ``department`` whoever owns it (docs/segmentation.md: enterprises sit
  on no tier of the government ladder), its region the place its name opens with;
- an organ's short name is spelt out (市应急局 → 市应急管理局, 区安委办 → 区安全生产委员会办公室); an old
  name is kept (县安监局 → 县安全生产监督管理局, never 应急管理局: the bureau the 2018 reform replaced is
  another organ, and the Shanxi corpus has both);
- a multi-year plan (（2025—2027年）) is for its first year, even signed the December before; a target
  (到2027年, 至2027年底) is no year of the notice: its number's or signing year is;
- a 函 asking for comments on a draft rule and a 批复 on a plan are letters (``other``), not the rule or
  plan they name; a 条例 adopted by a 人大常委会 is the 常委会's, dated by no signature (as the probe's
  prefecture regulation);
- the state's name before a central organ's is dropped (中华人民共和国应急管理部, as its decrees are signed, is
  应急管理部); a branch of a place no province list knows (国家矿山安全监察局中岳局, 柘江海事局) has no region,
  not 全国;
- a decision amending or repealing a named rule (关于修改《…办法》的决定) is a ``decision``; a plan's 修订说明 /
  编制说明 an ``interpretation``;
- a joint title's full-width spaces between organs are dropped (as tests/test_metadata_g9.py's
  hitech_zone_joint reads; three expectations first written with them were corrected to that convention);
- two copies of one plan, one sent inside its 印发 notice, are one document (however short the plan); a draft (征求意见稿, 草案,
  送审稿, 讨论稿) and the text adopted after it are two, never merged.
"""

from __future__ import annotations

import json

import pytest

from policytag.corpus import metadata as md
from conftest import TEST_DATA, read_document_metadata as _read, run_cli

DATA = TEST_DATA / "metadata10"

# file: (title, issuer, region, level, genre, year, date, doc_number)
DOCUMENTS = {
    "autonomous_region_bureau.txt": ("西岭壮族自治区应急管理厅关于开展汛期尾矿库安全专项检查的通知", "西岭壮族自治区应急管理厅",
                                     "西岭壮族自治区", "province", "other", 2025, "2025-05-12", "西应急〔2025〕31号"),
    "autonomous_county_gov.txt": ("禾丰瑶族自治县人民政府关于进一步加强农村自建房安全管理的通知", "禾丰瑶族自治县人民政府",
                                  "禾丰瑶族自治县", "county", "other", 2025, "2025-04-18", "禾政发〔2025〕8号"),
    "league_office_plan.txt": ("锡岭盟行政公署办公室关于印发《锡岭盟2025年森林草原防灭火工作方案》的通知", "锡岭盟行政公署办公室",
                               "锡岭盟", "city", "special_plan", 2025, "2025-03-03", None),
    "banner_sumu.txt": ("察哈旗白音苏木人民政府关于做好春季牧区防火工作的通知", "察哈旗白音苏木人民政府", "察哈旗白音苏木",
                        "department", "other", 2025, "2025-03-01", None),
    "forest_district.txt": ("云杉林区人民政府办公室关于加强景区游客安全管理的通知", "云杉林区人民政府办公室", "云杉林区", "county",
                            "other", 2025, "2025-05-08", None),
    "mining_district_bureau.txt": ("柘川市矿区应急管理局关于开展采空区塌陷隐患排查的通知", "柘川市矿区应急管理局", "柘川市矿区",
                                   "county", "other", 2025, "2025-07-02", None),
    "new_area_committee.txt": ("中岳省蓼江新区管理委员会关于加强建设工程施工现场安全管理的通知", "中岳省蓼江新区管理委员会",
                               "中岳省蓼江新区", "department", "other", 2025, "2025-04-25", None),
    "etdz_committee.txt": ("柘川经济技术开发区管理委员会关于开展化工企业特殊作业专项检查的通知", "柘川经济技术开发区管理委员会",
                           "柘川经济技术开发区", "department", "other", 2025, "2025-06-03", None),
    "industrial_park_office.txt": ("蓼湾工业园区管委会办公室关于做好高温季节安全生产工作的通知", "蓼湾工业园区管理委员会办公室",
                                   "蓼湾工业园区", "department", "other", 2025, "2025-07-01", None),
    "ministries_fire_joint.txt": ("应急管理部工业和信息化部国家消防救援局关于加强电动自行车充电场所消防安全管理的通知",
                                  "应急管理部、工业和信息化部、国家消防救援局", "全国", "central", "other", 2025, "2025-06-10",
                                  "应急〔2025〕40号"),
    "ministries_mine_joint.txt": ("应急管理部自然资源部国家矿山安全监察局关于严厉打击非法违法开采矿产资源行为的通知",
                                  "应急管理部、自然资源部、国家矿山安全监察局", "全国", "central", "other", 2025, "2025-05-30", None),
    "state_council_committee_office.txt": ("国务院安委会办公室关于开展城镇燃气安全隐患动态清零行动的通知",
                                           "国务院安全生产委员会办公室", "全国", "central", "other", 2025, "2025-08-05",
                                           "安委办〔2025〕6号"),
    "comms_bureau_province.txt": ("中岳省通信管理局关于做好主汛期通信网络安全保障工作的通知", "中岳省通信管理局", "中岳省",
                                  "central", "other", 2025, "2025-06-06", None),
    "fire_corps_province.txt": ("中岳省消防救援总队关于开展大型商业综合体消防安全专项检查的通知", "中岳省消防救援总队", "中岳省",
                                "central", "other", 2025, "2025-10-15", None),
    "two_offices_rules.txt": ("中共柘川县委办公室柘川县人民政府办公室关于印发《柘川县党政领导干部安全生产责任制实施细则》的通知",
                              "中共柘川县委办公室、柘川县人民政府办公室", "柘川县", "county", "regulation", 2025, "2025-05-20",
                              "柘办发〔2025〕15号"),
    "soe_group_notice.txt": ("中岳省能源投资集团有限公司关于开展冬季安全生产大检查的通知", "中岳省能源投资集团有限公司", "中岳省",
                             "department", "other", 2025, "2025-11-20", None),
    "congress_regulation.txt": ("柘川市燃气安全管理条例", "柘川市人民代表大会常务委员会", "柘川市", "city", "regulation", 2025,
                                None, None),
    "implementation_opinion.txt": ("柘川市人民政府关于进一步加强城镇燃气安全管理的实施意见", "柘川市人民政府", "柘川市", "city",
                                   "opinion", 2025, "2025-03-25", "柘政发〔2025〕11号"),
    "target_year_opinion.txt": ("柘川市人民政府办公室关于到2027年全面消除自建房重大安全隐患的实施意见", "柘川市人民政府办公室",
                                "柘川市", "city", "opinion", 2025, "2025-04-16", "柘政办发〔2025〕22号"),
    "five_year_plan.txt": ("柘川县人民政府办公室关于印发《柘川县应急体系建设规划（2026—2030年）》的通知", "柘川县人民政府办公室",
                           "柘川县", "county", "plan", 2026, "2026-03-10", "柘政办发〔2026〕9号"),
    "three_year_plan_signed_before.txt": ("蓼湾区人民政府办公室关于印发《蓼湾区消防安全三年提升行动方案（2025—2027年）》的通知",
                                          "蓼湾区人民政府办公室", "蓼湾区", "county", "special_plan", 2025, "2024-12-30",
                                          "蓼政办发〔2024〕40号"),
    "commendation_decision.txt": ("柘川县人民政府关于表彰2025年度安全生产工作先进集体和先进个人的决定", "柘川县人民政府", "柘川县",
                                  "county", "decision", 2025, "2026-01-20", "柘政发〔2026〕3号"),
    "fireworks_announcement.txt": ("柘川市人民政府关于禁止在城区燃放烟花爆竹的通告", "柘川市人民政府", "柘川市", "city",
                                   "announcement", 2025, "2025-12-18", "柘政告〔2025〕2号"),
    "accident_bulletin.txt": ("柘川市安全生产委员会办公室关于蓼湾区“3·12”较大燃气爆炸事故的通报", "柘川市安全生产委员会办公室",
                              "柘川市", "city", "bulletin", 2025, "2025-03-20", "柘安委办〔2025〕9号"),
    "inspection_bulletin.txt": ("中岳省安委办关于2025年第一季度安全生产督查情况的通报", "中岳省安全生产委员会办公室", "中岳省",
                                "province", "bulletin", 2025, "2025-04-08", "中安委办〔2025〕12号"),
    "draft_comment_letter.txt": ("柘川市应急管理局关于征求《柘川市危险化学品安全管理办法（征求意见稿）》意见的函", "柘川市应急管理局",
                                 "柘川市", "city", "other", 2025, "2025-07-01", None),
    "plan_approval_reply.txt": ("柘川市人民政府关于《蓼湾区城镇燃气专项整治方案》的批复", "柘川市人民政府", "柘川市", "city", "other",
                                2025, "2025-06-09", "柘政函〔2025〕27号"),
    "committee_minutes.txt": ("柘川县安全生产委员会2025年第二次全体会议纪要", "柘川县安全生产委员会", "柘川县", "county", "minutes",
                              2025, "2025-07-10", None),
    "web_box_chinese_date.txt": ("关于做好暑期学生防溺水工作的通知", "柘川市蓼湾区人民政府办公室", "柘川市蓼湾区", "county", "other",
                                 2025, "2025-07-02", None),
    "old_bureau_name.txt": ("柘川县安监局关于开展2017年危险化学品安全生产执法检查的通知", "柘川县安全生产监督管理局", "柘川县",
                            "county", "other", 2017, "2017-03-20", "柘安监〔2017〕6号"),
    "short_bureau_title.txt": ("蓼湾区应急局关于做好中秋国庆期间安全防范工作的通知", "蓼湾区应急管理局", "蓼湾区", "county", "other",
                               2025, "2025-09-25", "蓼应急〔2025〕26号"),
    # the state's name before a central organ's is dropped (one organ, one name); a 海事局 named by no known
    # province serves a territory its name does not tell: no region
    "maritime_branch.txt": ("中华人民共和国柘江海事局关于加强主汛期船舶航行安全管理的通知", "柘江海事局", None, "central", "other",
                            2025, "2025-06-12", None),
    # known gaps until genres11's segment.py change: a decree's 第N号 under 某市人民政府令 / 某部令 is its number
    "government_decree.txt": ("柘川市生产经营单位安全生产主体责任规定", "柘川市人民政府", "柘川市", "city", "regulation", 2025,
                              "2025-04-20", "柘川市人民政府令第12号"),
    "ministry_decree.txt": ("烟花爆竹批发仓库安全检查规定", "应急管理部", "全国", "central", "regulation", 2025, "2025-08-01",
                            "应急管理部令第20号"),
    # a web page showing only when it was put online: that is no signing date, but the year it gives is the
    # notice's when nothing else names one
    "web_box_publish_date_only.txt": ("关于做好秋季森林防火工作的通知", "柘川县应急管理局", "柘川县", "county", "other", 2025, None,
                                      None),
}

# Misreadings in files meta10 does not own (owner and line in the session report); strict, so that the
# fix shows here as an XPASS to turn into a plain test.


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(DOCUMENTS)
    assert len(DOCUMENTS) >= 24


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_metadata(name):
    assert _read(DATA / name) == DOCUMENTS[name]


@pytest.mark.parametrize("name", ["comms_bureau_province.txt", "target_year_opinion.txt"])
def test_cli_documents(name):
    """``policytag segment FILE --documents``, the command acceptance runs, prints the reading."""
    proc = run_cli("segment", DATA / name, "--documents")
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    fields = ("title", "issuer", "region", "level", "genre", "year", "date", "doc_number")
    assert tuple(row[f] for f in fields) == DOCUMENTS[name]


@pytest.mark.parametrize("name, region, level", [
    ("中岳省通信管理局", "中岳省", "central"),
    ("中岳省消防救援总队", "中岳省", "central"),
    ("柘川市消防救援支队", "柘川市", "central"),
    ("柘川市蓼湾区消防救援大队", "柘川市蓼湾区", "central"),
    ("山东海事局", "山东省", "central"),
    ("中华人民共和国山东海事局", "山东省", "central"),
    # guards: the central organs themselves; a city's own 地方海事局 and transport bureau; a province's 厅
    ("国家消防救援局", "全国", "central"),
    ("国家矿山安全监察局山西局", "山西省", "central"),
    ("柘川市地方海事局", "柘川市", "city"),
    ("柘川市交通运输局", "柘川市", "city"),
    ("中岳省应急管理厅", "中岳省", "province"),
    ("中岳省消防协会", "中岳省", "department"),  # (no 消防救援 branch; an association is on no tier: session 14)
])
def test_a_central_organs_vertical_branch(name, region, level):
    assert md.issuer_region_level(md.normalize_issuer(name)) == (region, level)


@pytest.mark.parametrize("name, region, level", [
    ("西岭壮族自治区应急管理厅", "西岭壮族自治区", "province"),
    ("禾丰瑶族自治县人民政府", "禾丰瑶族自治县", "county"),
    ("锡岭盟行政公署", "锡岭盟", "city"),
    ("锡岭盟察哈旗应急管理局", "锡岭盟察哈旗", "county"),
    ("察哈旗白音苏木人民政府", "察哈旗白音苏木", "department"),
    ("云杉林区人民政府", "云杉林区", "county"),
    ("柘川市矿区人民政府", "柘川市矿区", "county"),
    ("国务院安全生产委员会办公室", "全国", "central"),
    ("应急管理部危险化学品安全监督管理司", "全国", "central"),
    ("柘川市人民代表大会常务委员会", "柘川市", "city"),
    ("中岳省能源投资集团有限公司", "中岳省", "department"),
])
def test_every_tier(name, region, level):
    assert md.issuer_region_level(md.normalize_issuer(name)) == (region, level)


@pytest.mark.parametrize("raw, issuer", [
    ("柘川市应急局", "柘川市应急管理局"),
    ("蓼湾区安委办", "蓼湾区安全生产委员会办公室"),
    ("国务院安委会办公室", "国务院安全生产委员会办公室"),
    ("国务院安委办", "国务院安全生产委员会办公室"),
    # an old name stays: the 安监局 is the organ the 应急管理局 replaced, not the same organ
    ("柘川县安监局", "柘川县安全生产监督管理局"),
    ("应急管理部　自然资源部　国家矿山安全监察局", "应急管理部、自然资源部、国家矿山安全监察局"),
])
def test_an_organs_short_name_is_spelt_out(raw, issuer):
    assert md.normalize_issuer(raw) == issuer


@pytest.mark.parametrize("title, kept", [
    ("柘川市人民政府办公室关于到2027年全面消除自建房重大安全隐患的实施意见", None),
    ("关于确保至2026年底全面完成老旧燃气管网改造的通知", None),
    # guards: a plan's period is its first year; a deadline in the year stays; 2025年度
    ("蓼湾区消防安全三年提升行动方案（2025—2027年）", "2025"),
    ("关于在2025年底前完成自建房排查整治的通知", "2025"),
    ("柘川县人民政府关于表彰2025年度安全生产工作先进集体的决定", "2025"),
    ("柘川市燃气安全三年行动方案（2025年至2027年）", "2025"),
])
def test_a_target_is_no_year(title, kept):
    import re
    m = re.search(r"(?:19|20)\d{2}", md.year_text(title))
    assert (m.group(0) if m else None) == kept


@pytest.mark.parametrize("title, genre", [
    ("柘川市应急管理局关于征求《柘川市危险化学品安全管理办法（征求意见稿）》意见的函", "other"),
    ("关于征求《蓼湾区燃气事故应急预案（征求意见稿）》意见的通知", "other"),
    ("关于对《柘川县安全生产约谈办法》征求意见的函", "other"),
    ("柘川市人民政府关于《蓼湾区城镇燃气专项整治方案》的批复", "other"),
    ("关于同意蓼湾区安全生产专项整治实施方案的批复", "other"),
    ("关于柘川县森林火灾应急预案备案的复函", "other"),
    # guards: the draft itself is the rule; a sent plan is the plan; the other kinds by their last words
    ("柘川市危险化学品安全管理办法（征求意见稿）", "regulation"),
    ("关于印发《柘川市危险化学品安全管理办法》的通知", "regulation"),
    ("关于印发《蓼湾区城镇燃气专项整治方案》的函", "special_plan"),
    ("柘川市人民政府关于进一步加强城镇燃气安全管理的实施意见", "opinion"),
    ("柘川县应急体系建设规划（2026—2030年）", "plan"),
    ("柘川县党政领导干部安全生产责任制实施细则", "regulation"),
    ("柘川市生产经营单位安全生产主体责任规定", "regulation"),
    ("柘川市燃气安全管理条例", "regulation"),
    ("关于禁止在城区燃放烟花爆竹的通告", "announcement"),
    ("柘川市应急管理局关于蓼湾区危险化学品企业安全生产许可的公告", "announcement"),
    ("关于2025年第一季度安全生产督查情况的通报", "bulletin"),
    ("柘川县安全生产委员会2025年第二次全体会议纪要", "minutes"),
    ("关于表彰2025年度安全生产工作先进集体和先进个人的决定", "decision"),
    ("关于商请协助开展跨区域危险货物运输联合检查的函", "other"),
    # a decision amending or repealing a rule is a decision, not the rule (it read regulation), also forwarded;
    # the explanation of a plan's revision is an interpretation (it read emergency_plan)
    ("柘川市人民政府关于废止《柘川市烟花爆竹安全管理办法》的决定", "decision"),
    ("柘川市人民政府关于修改《柘川市危险化学品安全管理办法》的决定", "decision"),
    ("关于转发《中岳省人民政府关于修改〈中岳省安全生产条例实施办法〉的决定》的通知", "decision"),
    ("柘川市应急管理局关于《柘川市燃气事故应急预案》的修订说明", "interpretation"),
    ("《蓼湾区森林火灾应急预案》编制说明", "interpretation"),
    # guards: a repeal notice is a notice; decisions of other kinds; a rule sent by a notice
    ("关于废止部分安全生产规范性文件的通知", "other"),
    ("柘川市人民政府关于宣布失效一批行政规范性文件的决定", "decision"),
    ("柘川市人民政府关于印发柘川市危险化学品安全管理办法的通知", "regulation"),
    ("柘川市危险化学品安全管理办法修订草案", "regulation"),  # (the draft is the rule's text, as （征求意见稿）)
])
def test_genre_from_the_title(title, genre):
    assert md.genre_of(title, []) == genre


def _notice_docx(path, lines: list[str]) -> None:
    import docx  # python-docx: a real Word file, as an office saves the notice's attachment

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


_PLAN_TITLE = "柘川县2025年燃气安全专项整治工作方案"
_PLAN = [
    "为全面排查整治燃气安全风险隐患，坚决防范燃气事故，结合本县实际，制定本方案。",
    "一、工作目标",
    "2025年底前，全县燃气经营企业、餐饮场所和居民用户的燃气安全隐患全部整改到位。",
    "二、重点任务",
    "（一）排查整治燃气经营企业。县住房城乡建设局要在5月底前对全县燃气经营企业逐家检查，重点检查储气设施和安全管理制度。",
    "（二）排查整治餐饮场所。县市场监管局要会同各乡镇在6月底前完成餐饮场所燃气报警装置安装情况的全面检查。",
    "（三）排查整治居民用户。燃气经营企业要对居民用户开展入户安检，更换老化软管，安检率不低于百分之九十五。",
    "（四）排查整治燃气管网。县住房城乡建设局要组织对运行超过二十年的老旧管网开展检测评估，制定改造计划。",
    "三、工作步骤",
    "（一）动员部署阶段。各乡镇、各部门要在4月15日前制定具体工作方案，明确责任人和时间表。",
    "（二）排查整治阶段。各乡镇、各部门要按照职责分工全面开展排查，建立隐患台账，实行清单管理。",
    "（三）巩固提升阶段。各乡镇、各部门要总结经验做法，建立燃气安全管理长效机制。",
    "四、保障措施",
    "（一）加强组织领导。县安委会办公室要定期调度工作进展，对工作不力的乡镇和部门予以通报。",
    "（二）强化督导检查。县安委会办公室要组织督导组对各乡镇和部门工作开展情况进行督导。",
]


@pytest.mark.parametrize("paragraphs", [4, 9, len(_PLAN)])
def test_a_plan_and_its_wrapper_notice_are_one_document(tmp_path, paragraphs):
    """The plan alone (the page's copy, .txt) and the notice sending it (关于印发《…方案》的通知, .docx: its
    own opening sentence, number and date around the same plan): one plan, kept as the .txt, with the
    notice's number and date. A plan of 4 or 9 paragraphs was kept twice (the notice's sentences kept the
    two texts below the near-duplicate threshold; the whole plan, 15 paragraphs, was merged: a guard)."""
    plan = _PLAN[:paragraphs]
    (tmp_path / "a_plan.txt").write_text("\n".join([_PLAN_TITLE, *plan]) + "\n", encoding="utf-8")
    _notice_docx(tmp_path / "b_notice.docx", [
        "柘川县人民政府办公室文件", "柘政办发〔2025〕6号", f"柘川县人民政府办公室关于印发《{_PLAN_TITLE}》的通知",
        "各乡镇人民政府，县直各单位：", f"《{_PLAN_TITLE}》已经县人民政府同意，现印发给你们，请认真贯彻落实。",
        "柘川县人民政府办公室", "2025年4月2日", _PLAN_TITLE, *plan])
    proc = run_cli("segment", tmp_path, "--documents")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert [r["source"].rsplit("/", 1)[-1] for r in rows] == ["a_plan.txt"]
    assert (rows[0]["doc_number"], rows[0]["date"], rows[0]["genre"]) == ("柘政办发〔2025〕6号", "2025-04-02", "special_plan")


_RULES_TITLE = "柘川市危险化学品安全管理办法"
_RULES = [
    "第一条　为了加强危险化学品安全管理，预防和减少危险化学品事故，结合本市实际，制定本办法。",
    "第二条　本办法适用于本市行政区域内危险化学品的生产、储存、使用、经营和运输。",
    "第三条　危险化学品单位的主要负责人对本单位危险化学品安全管理工作全面负责。",
    "第四条　危险化学品单位应当每季度至少开展一次安全风险辨识，建立风险清单。",
    "第五条　储存危险化学品的仓库应当设置明显的安全警示标志，配备相应的消防器材。",
    "第六条　运输危险化学品的车辆应当按照公安机关指定的路线和时间行驶。",
    "第七条　市应急管理局负责本市危险化学品安全监督管理的综合工作。",
    "第八条　本办法自2025年10月1日起施行。",
]


def test_a_draft_and_the_adopted_text_are_two_documents(tmp_path):
    """The draft put out for comment (…办法（征求意见稿）, .docx) and the rules adopted from it (.txt), one
    article changed: two documents, both kept (merging them would drop the adopted rules or the draft)."""
    (tmp_path / "a_rules.txt").write_text("\n".join([_RULES_TITLE, *_RULES]) + "\n", encoding="utf-8")
    draft = [r.replace("每季度至少", "每半年至少") for r in _RULES]
    _notice_docx(tmp_path / "b_draft.docx", [f"{_RULES_TITLE}（征求意见稿）", *draft])
    proc = run_cli("segment", tmp_path, "--documents")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert sorted(r["title"] for r in rows) == [_RULES_TITLE, f"{_RULES_TITLE}（征求意见稿）"]
    assert "duplicate" not in proc.stderr


def test_a_draft_word_for_word_is_still_a_draft(tmp_path):
    """The draft's text unchanged in the adopted rules: still two documents (the titles say which is which)."""
    (tmp_path / "a_rules.txt").write_text("\n".join([_RULES_TITLE, *_RULES]) + "\n", encoding="utf-8")
    _notice_docx(tmp_path / "b_draft.docx", [f"{_RULES_TITLE}（送审稿）", *_RULES])
    proc = run_cli("segment", tmp_path, "--documents")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(rows) == 2, proc.stderr


def test_a_ministrys_decree_is_signed_by_the_ministry():
    """中华人民共和国应急管理部令 signs the rules it publishes: the ministry, as its notices name it."""
    assert _read(DATA / "ministry_decree.txt")[1:7] == ("应急管理部", "全国", "central", "regulation", 2025, "2025-08-01")


@pytest.mark.parametrize("raw, issuer, region, level", [
    ("中华人民共和国应急管理部", "应急管理部", "全国", "central"),
    ("中华人民共和国国家卫生健康委员会", "国家卫生健康委员会", "全国", "central"),
    ("中华人民共和国山东海事局", "山东海事局", "山东省", "central"),
    ("中华人民共和国柘江海事局", "柘江海事局", None, "central"),
    ("中岳省通信管理局办公室", "中岳省通信管理局办公室", "中岳省", "central"),
    # guards: the maritime administration itself keeps the state's name (海事局 alone names no organ)
    ("中华人民共和国海事局", "中华人民共和国海事局", "全国", "central"),
    ("国务院安委会", "国务院安全生产委员会", "全国", "central"),
    ("锡岭盟行署", "锡岭盟行政公署", "锡岭盟", "city"),
    ("锡岭盟察哈旗白音苏木人民政府", "锡岭盟察哈旗白音苏木人民政府", "锡岭盟察哈旗白音苏木", "department"),
    ("柘川市蓼江新区人民政府", "柘川市蓼江新区人民政府", "柘川市蓼江新区", "county"),
    ("柘川经济技术开发区应急管理局", "柘川经济技术开发区应急管理局", "柘川经济技术开发区", "department"),
    ("中岳省人民代表大会常务委员会", "中岳省人民代表大会常务委员会", "中岳省", "province"),
    ("蓼源藏族自治州人民代表大会常务委员会", "蓼源藏族自治州人民代表大会常务委员会", "蓼源藏族自治州", "city"),
])
def test_one_organ_one_name(raw, issuer, region, level):
    name = md.normalize_issuer(raw)
    assert (name, *md.issuer_region_level(name)) == (issuer, region, level)


@pytest.mark.parametrize("name, region", [
    # a branch named by a place no province list knows serves that place, not the whole country (read 全国)
    ("国家矿山安全监察局中岳局", None),
    ("国家能源局华北监管局", None),
    # guards: a known province; central organs and their own 司/局
    ("国家矿山安全监察局山西局", "山西省"),
    ("国家矿山安全监察局", "全国"),
    ("国家市场监督管理总局质量发展局", "全国"),
    ("国家能源局综合司", "全国"),
    ("国家林业和草原局", "全国"),
    ("中国地震局", "全国"),
])
def test_a_branch_of_an_unknown_place_is_no_nationwide_organ(name, region):
    assert md.issuer_region_level(md.normalize_issuer(name)) == (region, "central")
