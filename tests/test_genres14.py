"""genres14: segmentation of what other governments publish (session 14).

Notices written for these tests (tests/data/genres14/; invented places, organs and people, no sentence copied or
paraphrased from a real document). Each expected reading was written down in tests/data/genres14/EXPECTED.md from the
notice before running the segmenter on it; each notice is also read wrapped like a PDF (60…100 cells) and copied from
a phone (35 cells, every paragraph indented by two full-width spaces: tests/test_genres13.py's ``phone_wrap``).

What was wrong and is now read right (corpus/segment.py, corpus/clean.py):
- a 请示's ``妥否，请批示。`` and a 批复's ``此复。`` read as clauses (under the last item); a reply's courtesy closing
  (``感谢您对…的关心和支持，欢迎继续提出宝贵意见。``) too: closing formulas now, as ``特此通知``.
- ``以上共需资金335万元，恳请区政府予以安排。`` after a last item carrying a sentence was headed by that item: a paragraph
  summing the items up (以上/上述) closes the list.
- titles ending in 答复 (``关于…第58号建议的答复``) or 一封信/公开信 were no titles (a title built from the issuer; the
  open letter's title a preamble clause and its addressee ``尊敬的各位家长：`` a heading).
- ``中共某市应急管理局党组`` over the date was a clause (the issuer lost 党组); ``参会人员：`` / ``记录：程某某`` after minutes
  were clauses.
- a 调研报告's team (``…调研组``) under its title was a preamble clause, over its date a clause (no issuer, no region).
- a scored item ``1.考核内容：…。`` over its ``评分标准：…`` line: the item became a heading and lost its text.
- wrapped (a portal page printed to PDF or read on a phone): the rest of a cut breadcrumb or information line read as
  the title's first word or a clause, the rest of a cut contact line (``1）``) or ``抄送：`` list as a second document.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_text
from conftest import TEST_DATA
from genres_harness import GenreSet

DATA14 = TEST_DATA / "genres14"

# file: ((title, issuer, region, level, genre, year, date), [(heading path, kind, start of the clause)])
G14 = {
    "g14_supervision_letter.txt": (
        ("苇塘县安全生产委员会办公室关于督促整改重大事故隐患的督办函", "苇塘县安全生产委员会办公室", "苇塘县", "county", "rectification", 2027,
         "2027-04-20"), [
            ((), "preamble", "4月18日，县安委会第二督导组在检查中发现"),
            ((), "clause", "一、请你局督促市场经营单位立即停用涉事管道"),
            ((), "clause", "二、整改期间要落实专人24小时值守"),
            ((), "clause", "三、请于5月12日前将整改情况连同回执报送县安委办。"),
        ]),
    "g14_reminder_letter.txt": (
        ("汀阜县应急管理局安全生产提示函", "汀阜县应急管理局", "汀阜县", "county", "reminder", 2027, "2027-07-12"), [
            ((), "preamble", "近期我县持续高温"),
            ((), "clause", "一是严格落实动火、受限空间等特殊作业审批制度"),
            ((), "clause", "二是加强储罐区温度、压力监测"),
            ((), "clause", "三是主要负责人要带队开展一次全面自查"),
            ((), "clause", "请你公司收到本提示函后，于7月20日前将落实情况书面反馈我局。"),
        ]),
    "g14_party_group_minutes.txt": (
        ("中共岑口市应急管理局党组会议纪要", "中共岑口市应急管理局党组", "岑口市", "city", "minutes", 2027, "2027-06-09"), [
            ((), "preamble", "2027年6月8日，局党组书记、局长韩某某主持召开局党组会议"),
            (("一、传达学习全省安全生产电视电话会议精神",), "clause", "会议强调，全局上下要清醒认识"),
            (("二、研究部署主汛期防汛工作", "会议要求"), "clause", "（一）局领导班子成员6月15日前带队"),
            (("二、研究部署主汛期防汛工作", "会议要求"), "clause", "（二）应急指挥中心落实24小时值班值守"),
            (("三、研究干部教育培训事项",), "clause", "会议同意举办全市应急管理系统安全执法业务培训班"),
        ]),
    "g14_score_rules_keyed.txt": (
        ("澄岭市安全生产工作考核细则", "澄岭市安全生产委员会", "澄岭市", "city", "regulation", 2027, "2027-01-25"), [
            ((), "preamble", "为科学评价各县（市、区）安全生产工作成效"),
            (("一、考核内容及评分标准", "（一）责任落实（20分）"), "clause",
             "1.考核内容：党委政府定期研究安全生产工作。评分标准：每半年至少研究1次"),
            (("一、考核内容及评分标准", "（一）责任落实（20分）"), "clause",
             "2.考核内容：落实领导干部安全生产责任清单。评分标准：未制定清单的扣5分"),
            (("一、考核内容及评分标准", "（二）隐患治理（30分）"), "clause",
             "3.考核内容：重大事故隐患动态清零。评分标准：每有1项逾期未整改扣5分"),
            (("二、考核方式",), "clause", "采取日常考核与年终考核相结合的方式"),
            (("三、结果运用",), "clause", "考核结果分为优秀、良好、合格、不合格四个等次"),
        ]),
    "g14_suggestion_reply.txt": (
        ("澄岭市应急管理局关于市十七届人大二次会议第58号建议的答复", "澄岭市应急管理局", "澄岭市", "city", "other", 2027,
         "2027-05-30"), [
            ((), "preamble", "您提出的《关于加强农村自建房经营场所消防安全管理的建议》收悉。经认真研究，现答复如下："),
            (("一、关于摸排底数",), "clause", "今年3月以来，我局会同住建、消防救援等部门"),
            (("二、关于加强监管",), "clause", "下一步，我们将推动各乡镇"),
            (("三、关于宣传培训",), "clause", "我局将在今年汛期前组织开展"),
        ]),
    "g14_open_letter.txt": (
        ("致全县中小学生家长的一封信", "汾源县教育局、汾源县应急管理局", "汾源县", "county", "other", 2027, "2027-07-01"), [
            ((), "preamble", "暑假即将来临，学生溺水事故进入高发期。"),
            ((), "clause", "一、切实履行监护责任。"),
            ((), "clause", "二、教育孩子做到“三不”。"),
            ((), "clause", "三、掌握科学施救方法。"),
            ((), "clause", "孩子的安全牵动着全社会的心，让我们携起手来"),
        ]),
    "g14_request.txt": (
        ("栾溪区应急管理局关于申请安排2027年度安全生产专项资金的请示", "栾溪区应急管理局", "栾溪区", "county", "other", 2027,
         "2027-03-02"), [
            ((), "preamble", "为推进全区危险化学品企业安全风险智能化管控平台建设"),
            ((), "clause", "一、重大危险源在线监测系统升级改造，预算资金180万元。"),
            ((), "clause", "二、化工园区封闭化管理卡口建设，预算资金95万元。"),
            ((), "clause", "三、基层应急救援队伍装备配备，预算资金60万元。"),
            ((), "clause", "以上共需资金335万元，恳请区政府予以安排。"),
        ]),
    "g14_approval_reply.txt": (
        ("栾溪区人民政府关于同意设立栾溪区危险化学品安全生产专家委员会的批复", "栾溪区人民政府", "栾溪区", "county", "other", 2027,
         "2027-04-06"), [
            ((), "preamble", "你局《关于设立栾溪区危险化学品安全生产专家委员会的请示》（栾应急〔2027〕15号）收悉。经研究，现批复如下："),
            ((), "clause", "一、同意设立栾溪区危险化学品安全生产专家委员会"),
            ((), "clause", "二、专家委员会日常工作由你局负责"),
            ((), "clause", "三、你局要抓紧制定专家委员会工作规则"),
        ]),
    "g14_research_report.txt": (
        ("关于全市小微企业安全生产状况的调研报告", "岑口市应急管理局调研组", "岑口市", "city", "report", 2027, "2027-06-20"), [
            ((), "preamble", "为摸清全市小微企业安全生产底数"),
            (("一、基本情况",), "clause", "全市共有从业人员50人以下的工业企业2316家"),
            (("二、存在的主要问题",), "clause", "（一）主体责任落实不到位。"),
            (("二、存在的主要问题",), "clause", "（二）从业人员安全素质偏低。"),
            (("二、存在的主要问题",), "clause", "（三）基层监管力量薄弱。"),
            (("三、对策建议",), "clause", "（一）推行安全生产托管服务。"),
            (("三、对策建议",), "clause", "（二）开展全员安全培训。"),
            (("三、对策建议",), "clause", "（三）充实基层监管力量。"),
        ]),
    "g14_accident_investigation.txt": (
        ("汀阜县鑫源化工有限公司“3·21”中毒窒息事故调查报告", "汀阜县鑫源化工有限公司“3·21”中毒窒息事故调查组", "汀阜县", "county",
         "report", 2027, "2027-05-10"), [
            ((), "preamble", "2027年3月21日9时40分许，汀阜县鑫源化工有限公司"),
            (("一、事故基本情况", "（一）事故单位概况"), "clause", "汀阜县鑫源化工有限公司成立于2015年"),
            (("一、事故基本情况", "（二）事故经过"), "clause", "3月21日8时30分，公司安排2名员工"),
            (("二、事故原因", "（一）直接原因"), "clause", "作业人员未经审批"),
            (("二、事故原因", "（二）间接原因"), "clause", "企业未制定有限空间作业安全管理制度"),
            (("三、事故性质",), "clause", "经调查认定，这是一起一般生产安全责任事故。"),
            (("四、责任认定及处理建议", "（一）建议移送司法机关处理的人员"), "clause",
             "1.邬某某，鑫源化工有限公司生产部经理，违章指挥作业人员进入有限空间，对事故发生负有直接责任。建议由公安机关依法追究其刑事责任。"),
            (("四、责任认定及处理建议", "（二）建议给予行政处罚的单位和人员"), "clause", "2.汀阜县鑫源化工有限公司，"),
            (("四、责任认定及处理建议", "（二）建议给予行政处罚的单位和人员"), "clause", "3.葛某某，"),
            (("四、责任认定及处理建议", "（三）建议给予处分的公职人员"), "clause",
             "4.柏某某，县应急管理局危险化学品监管股股长，对该企业监督检查不到位。建议给予政务警告处分。"),
            (("五、防范和整改措施",), "clause", "（一）企业要全面排查有限空间作业场所"),
            (("五、防范和整改措施",), "clause", "（二）县应急管理局要在全县化工企业开展有限空间作业专项整治，6月30日前完成。"),
        ]),
    "g14_web_portal_reminder.txt": (
        ("汾源县应急管理局关于做好近期强降雨天气安全防范工作的风险提示", "汾源县应急管理局", "汾源县", "county", "reminder", 2027,
         "2027-08-02"), [
            ((), "preamble", "据县气象台预报，8月3日至5日我县将出现强降雨天气"),
            ((), "clause", "一、非煤矿山要加强排水设施检查"),
            ((), "clause", "二、建筑施工企业要对深基坑、高支模、塔吊等部位开展专项检查"),
            ((), "clause", "三、各乡镇要加强对山洪沟、地质灾害隐患点的巡查"),
        ]),
}
# the document numbers the notices print (normalised as docs/segmentation.md says)
NUMBERS = {"g14_reminder_letter.txt": "汀应急提〔2027〕5号", "g14_suggestion_reply.txt": "澄应急建复〔2027〕12号",
           "g14_approval_reply.txt": "栾政复〔2027〕7号"}

# readings still wrong, read in files genres14 does not own (strict: a fix shows as an XPASS to turn into a
# plain test): (test, file) -> the file that reads it and what it reads
# (the accident report's level, open at the probe's end, was fixed by the lead in session 14: metadata reads a
# 事故调查组 named after an enterprise's accident as the government's team)
KNOWN_GAPS: dict[tuple[str, str], str] = {}
# each notice wrapped like a PDF at 60…100 cells reads as it does unwrapped
WRAP_MISS: set[tuple[str, int]] = set()
# each notice copied from a phone (35 cells, full-width indents) reads as it does unwrapped
PHONE_MISS: set[str] = set()
SET14 = GenreSet(DATA14, G14, KNOWN_GAPS, WRAP_MISS, PHONE_MISS)


def test_every_notice_is_listed_and_has_its_reading_written_down():
    SET14.check_listed()


@pytest.mark.parametrize("name", SET14.known("reading"))
def test_document_reading(name):
    SET14.check_reading(name)


@pytest.mark.parametrize("name", SET14.known("clauses"))
def test_clauses_heading_paths_and_kinds(name):
    SET14.check_clauses(name)


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_document_numbers(name):
    (doc, _), = SET14.read(name)
    assert doc.doc_number == NUMBERS[name]


@pytest.mark.parametrize("name, width", SET14.wrap_params())
def test_same_clauses_when_wrapped_like_a_pdf(name, width):
    SET14.check_wrapped(name, width)


@pytest.mark.parametrize("name", SET14.phone_params())
def test_same_clauses_when_copied_from_a_phone(name):
    SET14.check_phone(name)


# --- the rules behind the readings, each on other wordings than the notices' ------------------------------
def _one(body: str, head: str = "栾溪区应急管理局关于申请安排安全生产专项资金的请示\n\n栾溪区人民政府：\n",
         tail: str = "\n栾溪区应急管理局\n2027年3月2日\n"):
    (doc, clauses), = segment_text(head + body + tail, "inline.txt")
    return doc, [(c.heading_path, c.kind, c.text) for c in clauses]


ITEMS = "为推进平台建设，现将有关事项请示如下：\n一、升级监测系统，预算资金180万元。\n二、配备救援装备，预算资金60万元。\n"


@pytest.mark.parametrize("closing", ["妥否，请批示。", "当否，请批示。", "妥否，请批复。", "此复。", "特此函复。",
                                     "感谢你们对安全生产工作的关心和支持！"])
def test_a_request_or_replys_closing_formula_is_no_clause(closing):
    # written first: the items are the clauses; the closing formula, as 特此通知, is none
    _, clauses = _one(ITEMS + closing)
    assert [t for _, _, t in clauses][1:] == ["一、升级监测系统，预算资金180万元。", "二、配备救援装备，预算资金60万元。"]


@pytest.mark.parametrize("summing_up", ["以上共需资金240万元，恳请区政府予以安排。", "上述项目均已完成前期论证，请予支持。"])
def test_a_paragraph_summing_up_the_items_is_no_part_of_the_last_item(summing_up):
    _, clauses = _one(ITEMS + summing_up)
    assert clauses[-1] == ((), "clause", summing_up)


@pytest.mark.parametrize("signature, issuer", [("中共岑口市应急管理局党组", "中共岑口市应急管理局党组"),
                                               ("中共栖梧县住房和城乡建设局党委", "中共栖梧县住房和城乡建设局党委")])
def test_an_organs_party_group_signs_minutes(signature, issuer):
    # written first: the party group or committee over the date is the signature (it was the last clause)
    doc, clauses = _one("会议要求，各科室要在6月15日前完成汛前检查。\n记录人：程某某\n",
                        head=f"{issuer}会议纪要\n\n", tail=f"\n{signature}\n2027年6月9日\n")
    assert doc.issuer == issuer
    assert [t for _, _, t in clauses] == ["会议要求，各科室要在6月15日前完成汛前检查。"]


@pytest.mark.parametrize("team", ["栖梧县应急管理局第三督查组", "岑口市应急管理局调研组"])
def test_a_teams_byline_under_the_title_is_no_clause_and_its_signature_the_issuer(team):
    doc, clauses = _one("为摸清底数，调研组深入企业开展调研。现将调研情况报告如下：\n一、基本情况\n全市共有小微企业2316家。\n",
                        head=f"关于全市小微企业安全状况的调研报告\n{team}\n\n", tail=f"\n{team}\n2027年6月20日\n")
    assert doc.issuer == team
    assert [k for _, k, _ in clauses] == ["preamble", "clause"]


@pytest.mark.parametrize("key", ["评分标准", "考核标准"])
def test_a_scored_items_scoring_line_stays_in_its_clause(key):
    _, clauses = _one(f"1.考核内容：按时完成隐患整改。\n{key}：逾期1项扣2分。\n2.考核内容：开展应急演练。\n{key}：未开展的扣3分。\n",
                      head="澄岭市安全生产工作考核细则\n\n")
    assert [t for _, _, t in clauses] == [f"1.考核内容：按时完成隐患整改。{key}：逾期1项扣2分。",
                                           f"2.考核内容：开展应急演练。{key}：未开展的扣3分。"]


def test_lines_that_are_no_text_keep_their_rest_when_cut():
    # written first: an imprint's list of organs over three lines, a contact line cut before its bracket closes and
    # a page's information line cut inside a key: no clause, no second document after the date
    text = ("您所在的位置：首页 > 信息公开 > 通知\n公告\n栾溪区应急管理局关于做好汛期安全防范工作的通知\n"
            "发布时间：2027-06-02　来源：栾溪区应急管理局　浏览次\n数：56\n各街道办事处：\n"
            "为做好汛期安全防范工作，现就有关事项通知如下：\n一、各街道要在6月10日前完成自查。\n二、严格值班值守。\n\n"
            "栾溪区应急管理局\n2027年6月2日\n（联系人：叶某某，电话：0000-76543\n21）\n"
            "抄送：区委办公室，区人大常委会办公室，区政协\n办公室，区纪委监委，区人民法院，区人民\n检察院。\n")
    (doc, clauses), = segment_text(text, "inline.txt")
    assert (doc.title, doc.date) == ("栾溪区应急管理局关于做好汛期安全防范工作的通知", "2027-06-02")
    assert [c.text for c in clauses] == ["为做好汛期安全防范工作，现就有关事项通知如下：", "一、各街道要在6月10日前完成自查。",
                                         "二、严格值班值守。"]


@pytest.mark.parametrize("title", ["致全市广大市民朋友的一封信", "致全县中小学生家长的公开信"])
def test_an_open_letters_title(title):
    (doc, clauses), = segment_text(f"{title}\n\n广大市民朋友们：\n汛期将至，请您注意防范。\n一、不到河边游泳。\n\n"
                                   "汾源县应急管理局\n2027年7月1日\n", "inline.txt")
    assert doc.title == title
    assert [c.text for c in clauses] == ["汛期将至，请您注意防范。", "一、不到河边游泳。"]


@pytest.mark.parametrize("first, second, issuer", [
    ("汀阜县鑫源化工有限公司“3·21”中毒", "窒息事故调查组", "汀阜县鑫源化工有限公司“3·21”中毒窒息事故调查组"),
    ("青石县云岫镇安全生产委员", "会办公室", "青石县云岫镇安全生产委员会办公室")])
def test_a_signature_wrapped_over_two_lines_before_the_date_is_one(first, second, issuer):
    # written first: the two pieces over the date are one signature, the issuer; the last item keeps its text
    text = (f"关于做好汛期安全防范工作的通知\n\n各村（社区）：\n一、各村要在6月10日前完成自查。\n二、严格值班值守。\n\n"
            f"{first}\n{second}\n2027年6月2日\n")
    (doc, clauses), = segment_text(text, "inline.txt")
    assert doc.issuer == issuer
    assert [c.text for c in clauses] == ["一、各村要在6月10日前完成自查。", "二、严格值班值守。"]
