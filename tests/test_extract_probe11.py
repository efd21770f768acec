"""Extraction probe 11: the known gaps of probe 10 (organs listed before a horizon, figures given 分别 (respectively),
enumerated months, the end of an event, the notice's own month, a quarter in each year, a time before an expiry, the
ratio a rule sets, a strong verb inside a noun before a weak count) and a new user's probe in the wording of genres
earlier probes did not cover: accident reports, inspection plans, 考核细则, 规划 indicators, 提示函, penalties, training
hours, drills and mixed Chinese/Arabic numerals.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* organs (or places) listed with 、/和/及 before a horizon (市应急局、市住建局、市交通运输局到2027年，…) are its subject,
  as one organ is (probe 10): each item of the list is an organ's or a place's name;
* figures given respectively (事故起数和死亡人数分别控制在35起、20人以内) are one target each, paired in order with the
  subjects listed before 分别; each target's ``text`` is its own figure as written (35起, 20人以内), the verb and a
  qualifier written once (以内, 以上) are shared; with as many subjects as figures only;
* enumerated months sharing one 月 (7、8月份, 6、7、8月) are a period, as 7月至8月 is (``by_end_of_period``, due at
  the last month's end), vetted as a yearless range is;
* the end of an event (汛期结束前) is before that end: ``before_event`` with ``event`` 汛期结束 (not the season's start);
* 本月底前 is the end of the notice's own month: ``by_end_of_month``, ``month`` and ``due`` from the notice's date
  when it is known, else null;
* 每年第一季度内 is a point in each year (``recurring``, ``event`` 每年, ``month`` 3); 第一季度内 keeps its 内 (it
  was left to the action);
* a time before an expiry (有效期届满前1个月, 任期届满前30日, 有效期届满前) is ``before_event`` with ``event`` the
  expiry (有效期届满); the offset is in ``text``, no due date;
* the ratio a rule sets (按不低于从业人员1%的比例配备专职安全管理人员) is a target: ``value`` 1, ``unit`` %, ``what``
  专职安全管理人员占从业人员比例 (what is set, of what base), ``verb`` 配备, the comparator as written;
* a strong verb inside a noun (建设 of 建设项目, 建设单位) does not take the count of times of a weak verb after it
  (对建设项目开展安全检查3次 is 开展's count): a count of times whose object holds a weak verb is that verb's.

Windows (汛期期间, 春节期间) stay unread: probes 3 and 8 pin them. Every sentence is invented for this file
(places and organs too); the readings were written down before the code ran on them. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets

from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (the last probes' readers of the same fields)

from extract_kinds import BE, D, F, H, M, MIN, P, R, WD, WM, WY, WYR, YE, Y  # noqa: F401 (the probes' kind aliases)


# --- known gap 1: organs listed before a horizon --------------------------------------------------------------
LISTED_ORGANS = [
    ("市应急局、市住建局、市交通运输局到2027年，完成城区老旧燃气管网改造。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "市应急局、市住建局、市交通运输局完成城区老旧燃气管网改造")]),
    ("县应急局、县市场监管局和县消防救援大队到2028年，实现重点场所消防物联网监测全覆盖。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31",
       "县应急局、县市场监管局和县消防救援大队实现重点场所消防物联网监测全覆盖")]),
    ("各县（区）、市直各部门到2027年，全面建立安全风险分级管控体系。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "各县（区）、市直各部门全面建立安全风险分级管控体系")]),
]
LISTED_ORGANS_BESIDE = [
    # (read as before: two organs within one name's reach; 和 inside a name is no list)
    ("省应急厅及省住房和城乡建设厅到2028年，完成既有建筑安全评估。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "省应急厅及省住房和城乡建设厅完成既有建筑安全评估")]),
    # (read as before: the year end with 前)
    ("市应急局、市住建局、市交通运输局到2027年底前完成老旧设施改造。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "市应急局、市住建局、市交通运输局完成老旧设施改造")]),
    ("检查、督办到2027年仍未整改的，依法关闭。", []),  # a verb ends the list
    ("企业安全生产许可证、排污许可证有效期到2027年。", []),  # a validity
    ("市应急局、市住建局2026年到2027年开展两轮检查。", []),  # a range of years
    ("加强宣传、推迟到2027年。", []),
]


@pytest.mark.parametrize("text,want", LISTED_ORGANS + LISTED_ORGANS_BESIDE,
                         ids=_ids(LISTED_ORGANS + LISTED_ORGANS_BESIDE))
def test_organs_listed_before_a_horizon(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- known gap 2: figures given respectively --------------------------------------------------------------------
RESPECTIVELY = [
    ("事故起数和死亡人数分别控制在35起、20人以内。",
     [("35起", 35, "起", "事故起数", "<=", "控制在", None), ("20人以内", 20, "人", "死亡人数", "<=", "控制在", None)]),
    ("持证上岗率和安全培训覆盖率分别达到95%、90%以上。",
     [("95%", 95, "%", "持证上岗率", ">=", "达到", None), ("90%以上", 90, "%", "安全培训覆盖率", ">=", "达到", None)]),
    ("全市生产安全事故起数、死亡人数分别下降10%、8%。",
     [("10%", 10, "%", "全市生产安全事故起数", "=", "下降", None), ("8%", 8, "%", "死亡人数", "=", "下降", None)]),
    ("较大事故和一般事故分别控制在2起、15起以内。",
     [("2起", 2, "起", "较大事故", "<=", "控制在", None), ("15起以内", 15, "起", "一般事故", "<=", "控制在", None)]),
    ("到2028年，重点企业、一般企业隐患整改率分别达到100%、95%。",
     [("100%", 100, "%", "重点企业", ">=", "达到", None), ("95%", 95, "%", "一般企业隐患整改率", ">=", "达到", None)]),
]
RESPECTIVELY_BESIDE = [
    ("全市共发生事故12起、死亡9人，同比分别下降20%、10%。", []),  # reported
    ("两项指标分别为35起、20人。", []),  # 为 commits to nothing
    ("事故起数、死亡人数和受伤人数分别控制在35起、20人以内。", []),  # three subjects, two figures: no pairing
]


@pytest.mark.parametrize("text,want", RESPECTIVELY + RESPECTIVELY_BESIDE, ids=_ids(RESPECTIVELY + RESPECTIVELY_BESIDE))
def test_figures_given_respectively(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- known gap 3: enumerated months, an event's end, this month, a quarter each year, before an expiry -------------
TIMES = [
    ("7、8月份，各地要开展防汛安全专项检查。",
     [("7、8月份", P, None, 8, None, None, None, "2026-08-31", "各地要开展防汛安全专项检查")]),
    ("7、8月份完成尾矿库安全排查。", [("7、8月份", P, None, 8, None, None, None, "2026-08-31", "完成尾矿库安全排查")]),
    ("6、7、8月份开展高温作业专项检查。",
     [("6、7、8月份", P, None, 8, None, None, None, "2026-08-31", "开展高温作业专项检查")]),
    ("汛期结束前完成水毁设施修复。", [("汛期结束前", BE, None, None, None, None, "汛期结束", None, "完成水毁设施修复")]),
    ("主汛期结束前，各地要完成水库安全度汛检查。",
     [("主汛期结束前", BE, None, None, None, None, "主汛期结束", None, "各地要完成水库安全度汛检查")]),
    ("本月底前完成自查自纠。", [("本月底前", M, None, None, None, None, None, None, "完成自查自纠")]),
    ("每年第一季度内完成全员安全培训。", [("每年第一季度内", R, None, 3, None, None, "每年", None, "完成全员安全培训")]),
    ("第一季度内完成培训。", [("第一季度内", P, None, 3, None, None, None, "2026-03-31", "完成培训")]),
    ("有效期届满前1个月提出延续申请。", [("有效期届满前1个月", BE, None, None, None, None, "有效期届满", None, "提出延续申请")]),
    ("任期届满前30日完成换届准备。", [("任期届满前30日", BE, None, None, None, None, "任期届满", None, "完成换届准备")]),
    ("有效期届满前申请延续。", [("有效期届满前", BE, None, None, None, None, "有效期届满", None, "申请延续")]),
]
TIMES_BESIDE = [
    ("每年7、8月份是防汛关键期。", []),  # a season
    ("汛期结束后开展复查。", []),
    ("有效期届满后不得继续使用。", []),
    ("7、8月份为主汛期。", []),  # a definition
    ("听取7、8月份安全生产情况汇报。", []),  # named in passing
    ("每年第三季度是事故多发期。", []),  # a season
    # (an item number before a month is no list of months: read as before)
    ("三、5月底前完成全部自建房安全隐患排查整治。",
     [("5月底前", M, None, 5, None, None, None, "2026-05-31", "完成全部自建房安全隐患排查整治")]),
    ("2、3月底前完成检查。", [("3月底前", M, None, 3, None, None, None, "2026-03-31", "完成检查")]),
    ("三、5月至9月，开展汛期检查。", [("5月至9月", P, None, 9, None, None, None, "2026-09-30", "开展汛期检查")]),
    ("2、3月开展专项检查。", []),
    ("三、四月开展专项检查。", []),
    ("3、6、9月开展检查。", []),  # months named one by one
]


@pytest.mark.parametrize("text,want", TIMES + TIMES_BESIDE, ids=_ids(TIMES + TIMES_BESIDE))
def test_listed_months_event_ends_this_month_quarters_and_expiries(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


def test_this_month_is_the_notices_month_when_its_date_is_known():
    [d] = extract_deadlines("本月底前完成自查自纠。", Y, notice_date="2026-04-10")
    assert (d.text, d.kind, d.month, d.due, d.action) == ("本月底前", M, 4, "2026-04-30", "完成自查自纠")
    assert extract_fields(["本月底前完成自查自纠。"], [Y], ["2026-04-10"])[0][0] == [d]


# --- known gap 4: the ratio a rule sets ---------------------------------------------------------------------
RATIOS = [
    ("按不低于从业人员1%的比例配备专职安全管理人员。",
     [("按不低于从业人员1%的比例配备专职安全管理人员", 1, "%", "专职安全管理人员占从业人员比例", ">=", "配备", None)]),
    ("按照不低于从业人员总数2%的比例配备注册安全工程师。",
     [("按照不低于从业人员总数2%的比例配备注册安全工程师", 2, "%", "注册安全工程师占从业人员总数比例", ">=", "配备", None)]),
    ("按营业收入1.5%的比例提取安全生产费用。",
     [("按营业收入1.5%的比例提取安全生产费用", 1.5, "%", "安全生产费用占营业收入比例", "=", "提取", None)]),
    ("矿山企业按照从业人员3‰的比例配备专职救护队员。",
     [("按照从业人员3‰的比例配备专职救护队员", 3, "‰", "专职救护队员占从业人员比例", "=", "配备", None)]),
]
RATIOS_BESIDE = [
    ("按上一年年收入40%的比例处以罚款。", []),  # a fine
    # (read as before: a rate after its subject)
    ("专职安全管理人员配备比例不低于从业人员的1%。",
     [("专职安全管理人员配备比例不低于从业人员的1%", 1, "%", "专职安全管理人员配备比例", ">=", "不低于", None)]),
]


@pytest.mark.parametrize("text,want", RATIOS + RATIOS_BESIDE, ids=_ids(RATIOS + RATIOS_BESIDE))
def test_the_ratio_a_rule_sets(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- known gap 5: a strong verb inside a noun before a weak count -------------------------------------------------
NOUN_VERBS = [
    ("对在建建设项目开展安全检查3次。", [("开展安全检查3次", 3, "次", "开展安全检查", "=", "开展", None)]),
    ("县建设管理局每月组织一次施工现场安全检查。",
     [("组织一次施工现场安全检查", 1, "次", "施工现场安全检查", "=", "组织", "月")]),
    ("市城乡建设部门每季度召开一次安全生产例会。",
     [("召开一次安全生产例会", 1, "次", "安全生产例会", "=", "召开", "季度")]),
]
NOUN_VERBS_BESIDE = [
    # (read as before)
    ("县住建局每季度对建设项目开展消防安全抽查1次。",
     [("开展消防安全抽查1次", 1, "次", "开展消防安全抽查", "=", "开展", "季度")]),
    ("建设单位组织开展应急演练2次以上。", [("组织开展应急演练2次以上", 2, "次", "组织开展应急演练", ">=", "组织开展", None)]),
    ("建设项目每年开展应急演练两次。", [("开展应急演练两次", 2, "次", "开展应急演练", "=", "开展", "年")]),
    ("建成应急避难场所4处。", [("建成应急避难场所4处", 4, "处", "建成应急避难场所", "=", "建成", None)]),
    ("每年对建设项目开展检查不少于2次。", [("开展检查不少于2次", 2, "次", "开展检查", ">=", "开展", "年")]),
]


@pytest.mark.parametrize("text,want", NOUN_VERBS + NOUN_VERBS_BESIDE, ids=_ids(NOUN_VERBS + NOUN_VERBS_BESIDE))
def test_a_verb_inside_a_noun_takes_no_weak_count(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- a new user's probe: genres earlier probes did not cover ---------------------------------------------------
# (text, deadlines, targets); the deadlines as ``_deadlines`` gives them, the targets as ``_targets`` does

def _read(text: str) -> tuple[list, list]:
    return _deadlines(text, Y), _targets(text)


ACCIDENT_REPORTS = [
    ("事故共造成3人死亡、2人受伤，直接经济损失1234.5万元。", [], []),
    ("2026年3月12日14时20分许，岱山县某化工企业发生一起爆炸事故。", [], []),
    ("事故造成直接经济损失约860万元。", [], []),
    ("事故调查组建议对企业处以罚款150万元。", [], []),
    ("对事故责任单位处50万元以上100万元以下的罚款。", [], []),
    ("事故直接经济损失1.2亿元，死亡5人。", [], []),
    ("2026年共发生生产安全事故15起、死亡11人。", [], []),
    ("事故造成2人死亡、1人重伤，直接经济损失约480万元。", [], []),
    ("对事故发生单位处以80万元罚款。", [], []),
    ("建议给予该公司主要负责人撤职处分，并处上一年年收入60%的罚款。", [], []),
    ("经调查认定，该起事故是一起生产安全责任事故。", [], []),
    ("事故发生后，企业迟报事故信息2小时。", [], []),
    # (a limit a report says was not kept is no limit: 未在1小时内报告 is a finding)
    ("事故发生后，企业未在1小时内向当地应急管理部门报告。", [], []),
    ("该公司未于2026年3月底前完成整改。", [], []),
    ("责成该企业在30日内完成全面整改。",
     [("30日内", WD, None, None, None, 30, None, None, "责成该企业完成全面整改")], []),
    ("企业应在事故发生后立即启动应急预案，并于2小时内上报事故信息。",
     [("2小时内", H, None, None, None, 2, None, None, "上报事故信息")], []),
    ("事故企业应当在接到整改通知之日起15日内完成整改并报告。",
     [("接到整改通知之日起15日内", WD, None, None, None, 15, None, None, "事故企业应当完成整改并报告")], []),
    ("事故调查报告应当在事故发生之日起60日内提交。",
     [("事故发生之日起60日内", WD, None, None, None, 60, None, None, "事故调查报告应当提交")], []),
]
INSPECTION_PLANS = [
    # (a comparator after a verb and its object is the verb's count: 检查企业不少于…, as 深入生产现场不少于一次 is)
    ("全年检查企业不少于200家次。", [], [("检查企业不少于200家次", 200, "家次", "检查企业", ">=", "检查", None)]),
    ("重点企业检查覆盖率100%。", [], [("重点企业检查覆盖率100%", 100, "%", "重点企业检查覆盖率", "=", None, None)]),
    ("一般企业抽查比例不低于30%。", [], [("一般企业抽查比例不低于30%", 30, "%", "一般企业抽查比例", ">=", "不低于", None)]),
    ("每月检查企业不少于15家。", [], [("检查企业不少于15家", 15, "家", "检查企业", ">=", "检查", "月")]),
    ("市级对重大危险源企业每季度至少检查1次。", [],
     [("至少检查1次", 1, "次", "市级对重大危险源企业检查", ">=", "检查", "季度")]),
    ("执法检查计划于每年3月底前报送上级部门备案。",
     [("每年3月底前", R, None, 3, None, None, "每年", None, "执法检查计划报送上级部门备案")], []),
    ("对举报线索核查率达到100%。", [], [("举报线索核查率达到100%", 100, "%", "举报线索核查率", ">=", "达到", None)]),
    ("双随机抽查企业数量不少于辖区企业总数的5%。", [],
     [("双随机抽查企业数量不少于辖区企业总数的5%", 5, "%", "双随机抽查企业数量", ">=", "不少于", None)]),
    ("2026年计划开展执法检查600家次以上。", [],
     [("开展执法检查600家次以上", 600, "家次", "开展执法检查", ">=", "开展", None)]),
    ("检查发现的问题隐患整改率达到95%以上。", [],
     [("检查发现的问题隐患整改率达到95%以上", 95, "%", "检查发现的问题隐患整改率", ">=", "达到", None)]),
    ("上半年共检查企业326家次，发现隐患1208项。", [], []),
    ("第三季度重点检查危险化学品企业。",
     [("第三季度", P, None, 9, None, None, None, "2026-09-30", "重点检查危险化学品企业")], []),
    ("安全生产监管执法检查计划完成率100%。", [],
     [("安全生产监管执法检查计划完成率100%", 100, "%", "安全生产监管执法检查计划完成率", "=", None, None)]),
    ("全年立案查处违法行为不少于60起。", [], [("不少于60起", 60, "起", "全年立案查处违法行为", ">=", None, None)]),
    ("行政处罚案件办结率达到98%以上。", [],
     [("行政处罚案件办结率达到98%以上", 98, "%", "行政处罚案件办结率", ">=", "达到", None)]),
    ("2025年全市共检查企业2860家次，同比增长15%。", [], []),
    ("截至10月底，已完成检查计划的85%。", [], []),
    ("执法人员人均年办案数不少于8件。", [], [("不少于8件", 8, "件", "执法人员人均年办案数", ">=", None, None)]),
    ("对上一年度发生过事故的企业，检查频次每年不少于2次。", [],
     [("检查频次每年不少于2次", 2, "次", "检查频次", ">=", "检查", "年")]),
    ("一般企业每三年至少检查一次。", [], [("至少检查一次", 1, "次", "一般企业检查", ">=", "检查", "三年")]),
    ("重大危险源企业每年至少检查两次。", [], [("至少检查两次", 2, "次", "重大危险源企业检查", ">=", "检查", "年")]),
    ("2026年11月底前完成全部检查任务。",
     [("2026年11月底前", M, 2026, 11, None, None, None, "2026-11-30", "完成全部检查任务")], []),
    ("各单位于每月5日前报送上月检查情况。",
     [("每月5日前", R, None, None, 5, None, "每月", None, "各单位报送上月检查情况")], []),
]
ASSESSMENT_RULES = [
    ("未按时完成年度目标任务的，扣2分。", [], []),
    ("发生一般生产安全事故的，每起扣5分，最高扣10分。", [], []),
    ("考核得分90分以上为优秀。", [], []),
    ("年度考核分值为100分。", [], []),
    ("考核不合格的，取消年度评优资格。", [], []),
    ("瞒报、谎报事故的，实行一票否决。", [], []),
    ("安全生产工作在年度综合考核中的权重不低于5%。", [],
     [("安全生产工作在年度综合考核中的权重不低于5%", 5, "%", "安全生产工作在年度综合考核中的权重", ">=", "不低于", None)]),
    ("考核结果于次年1月15日前报市安委办。",
     [("次年1月15日前", D, 2027, 1, 15, None, None, "2027-01-15", "考核结果报市安委办")], []),
    ("自查自评报告于每年11月30日前报送。",
     [("每年11月30日前", R, None, 11, 30, None, "每年", None, "自查自评报告报送")], []),
    ("各地应急管理部门应于12月10日前完成年度考核自评。",
     [("12月10日前", D, None, 12, 10, None, None, "2026-12-10", "各地应急管理部门完成年度考核自评")], []),
]
PLAN_INDICATORS = [
    # (a baseline year before a change, 比2025年, is part of the verb as 比上年 is; so is 年均, an annual average)
    ("到2030年，亿元GDP生产安全事故死亡率比2025年下降20%。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31", "亿元GDP生产安全事故死亡率比2025年下降20%")],
     [("亿元GDP生产安全事故死亡率比2025年下降20%", 20, "%", "亿元GDP生产安全事故死亡率", "=", "比2025年下降", None)]),
    ("到2030年，工矿商贸就业人员十万人生产安全事故死亡率比2025年下降15%以上。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31",
       "工矿商贸就业人员十万人生产安全事故死亡率比2025年下降15%以上")],
     [("工矿商贸就业人员十万人生产安全事故死亡率比2025年下降15%以上", 15, "%",
       "工矿商贸就业人员十万人生产安全事故死亡率", ">=", "比2025年下降", None)]),
    ("较大事故起数较2025年下降10%。", [],
     [("较大事故起数较2025年下降10%", 10, "%", "较大事故起数", "=", "较2025年下降", None)]),
    ("规划目标：生产安全事故死亡人数年均下降3%。", [],
     [("生产安全事故死亡人数年均下降3%", 3, "%", "生产安全事故死亡人数", "=", "年均下降", None)]),
    ("道路交通万车死亡率控制在1.5以下。", [],
     [("道路交通万车死亡率控制在1.5以下", 1.5, "", "道路交通万车死亡率", "<=", "控制在", None)]),
    ("煤矿百万吨死亡率控制在0.05以内。", [],
     [("煤矿百万吨死亡率控制在0.05以内", 0.05, "", "煤矿百万吨死亡率", "<=", "控制在", None)]),
    ("规划期内新建应急避难场所120处。", [], [("新建应急避难场所120处", 120, "处", "新建应急避难场所", "=", "新建", None)]),
    ("“十五五”期间，每年培训企业主要负责人不少于5000人次。", [],
     [("不少于5000人次", 5000, "人次", "培训企业主要负责人", ">=", None, "年")]),
    ("到2030年，安全生产监管执法人员专业化比例达到75%以上。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31", "安全生产监管执法人员专业化比例达到75%以上")],
     [("安全生产监管执法人员专业化比例达到75%以上", 75, "%", "安全生产监管执法人员专业化比例", ">=", "达到", None)]),
    ("到2030年，森林火灾受害率控制在0.9‰以内。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31", "森林火灾受害率控制在0.9‰以内")],
     [("森林火灾受害率控制在0.9‰以内", 0.9, "‰", "森林火灾受害率", "<=", "控制在", None)]),
    ("城市消防站覆盖率提高到95%。", [], [("城市消防站覆盖率提高到95%", 95, "%", "城市消防站覆盖率", ">=", "提高到", None)]),
    ("较大以上事故起数控制在2起以内。", [],
     [("较大以上事故起数控制在2起以内", 2, "起", "较大以上事故起数", "<=", "控制在", None)]),
    ("确保全年不发生较大及以上生产安全事故。", [],
     [("不发生较大及以上生产安全事故", 0, "", "较大及以上生产安全事故", "=", "确保", None)]),
    ("实现生产安全事故起数和死亡人数“双下降”。", [], []),
    ("全县建成标准化微型消防站26个。", [], [("建成标准化微型消防站26个", 26, "个", "建成标准化微型消防站", "=", "建成", None)]),
    ("重点行业领域企业安全生产标准化达标率达到90%。", [],
     [("重点行业领域企业安全生产标准化达标率达到90%", 90, "%", "重点行业领域企业安全生产标准化达标率", ">=", "达到", None)]),
    ("较上年比，事故总量有所下降。", [], []),
    ("2025年末全市共有应急避难场所312处。", [], []),
]
REMINDER_LETTERS = [
    # (之日起 after 于 opens the limit, as after 在: 请于收到本函之日起5个工作日内)
    ("请于收到本函之日起5个工作日内将整改情况书面反馈我局。",
     [("收到本函之日起5个工作日内", WD, None, None, None, 5, None, None, "请将整改情况书面反馈我局")], []),
    ("请你单位高度重视，于2026年5月20日前完成隐患整改。",
     [("2026年5月20日前", D, 2026, 5, 20, None, None, "2026-05-20", "完成隐患整改")], []),
    ("请于本月底前报送自查情况。", [("本月底前", M, None, None, None, None, None, None, "请报送自查情况")], []),
    ("近期气温持续偏高，请各单位切实做好防火工作。", [], []),
    ("请于3日内反馈落实情况。", [("3日内", WD, None, None, None, 3, None, None, "请反馈落实情况")], []),
    ("如有疑问，请联系：0123-4567890。", [], []),
    ("请各地在清明节前完成林区火源排查。", [("清明节前", BE, None, None, None, None, "清明节", None, "请各地完成林区火源排查")], []),
    ("请于2026年6月15日前将自查报告报送市安委办。",
     [("2026年6月15日前", D, 2026, 6, 15, None, None, "2026-06-15", "请将自查报告报送市安委办")], []),
    ("汛期前完成尾矿库隐患治理。", [("汛期前", BE, None, None, None, None, "汛期", None, "完成尾矿库隐患治理")], []),
    ("请于国庆节前组织一次全面检查。", [("国庆节前", BE, None, None, None, None, "国庆节", "2026-09-30", "请组织一次全面检查")], []),
    ("联系人：李某，电话：12350。", [], []),
]
PENALTIES = [
    ("违反本规定的，责令限期改正，处5万元以上20万元以下的罚款。", [], []),
    ("逾期未改正的，处10万元以上50万元以下的罚款，对其直接负责的主管人员处1万元以上2万元以下的罚款。", [], []),
    ("责令停产停业整顿，并处上一年年收入百分之四十的罚款。", [], []),
    ("拒不执行的，可以处不超过3万元的罚款。", [], []),
    ("对个人处2000元以上1万元以下罚款。", [], []),
    ("没收违法所得，并处违法所得1倍以上5倍以下的罚款。", [], []),
    ("自2026年7月1日起施行。", [("2026年7月1日起", F, 2026, 7, 1, None, None, "2026-07-01", "施行")], []),
    ("本细则自印发之日起施行，有效期3年。", [], []),
    ("五年内不得担任任何生产经营单位的主要负责人。", [], []),
    ("对被责令限期整改的企业，30日内未整改到位的，依法予以关闭。", [], []),
]
TRAINING_HOURS = [
    # (培训 before 时间 is the count's verb, what 培训时间: probe 10 pins that reading)
    ("生产经营单位主要负责人初次安全培训时间不得少于32学时，每年再培训时间不得少于12学时。", [],
     [("培训时间不得少于32学时", 32, "学时", "培训时间", ">=", "培训", None),
      ("培训时间不得少于12学时", 12, "学时", "培训时间", ">=", "培训", "年")]),
    ("新上岗的从业人员，岗前安全培训时间不得少于24学时。", [],
     [("培训时间不得少于24学时", 24, "学时", "培训时间", ">=", "培训", None)]),
    ("特种作业人员每年接受安全教育培训不少于12学时。", [],
     [("培训不少于12学时", 12, "学时", "特种作业人员接受安全教育培训", ">=", "培训", "年")]),
    ("组织专题培训48学时。", [], []),
    # (累计 with a comparator sets a cumulative target: 累计关闭…23处 is done, 累计…不少于20学时 is not)
    ("每年累计培训时间不少于20学时。", [], [("培训时间不少于20学时", 20, "学时", "培训时间", ">=", "培训", "年")]),
    ("煤矿企业从业人员每年接受再培训的时间不少于20学时。", [],
     [("培训的时间不少于20学时", 20, "学时", "培训时间", ">=", "培训", "年")]),
]
DRILLS = [
    ("每半年至少组织一次应急演练。", [], [("至少组织一次应急演练", 1, "次", "应急演练", ">=", "组织", "半年")]),
    ("生产经营单位应当每年至少组织一次综合应急预案演练或者专项应急预案演练，每半年至少组织一次现场处置方案演练。", [],
     [("至少组织一次综合应急预案演练或者专项应急预案演练", 1, "次", "综合应急预案演练或者专项应急预案演练", ">=", "组织", "年"),
      ("至少组织一次现场处置方案演练", 1, "次", "现场处置方案演练", ">=", "组织", "半年")]),
    ("人员密集场所每半年至少开展一次灭火和应急疏散演练。", [],
     [("至少开展一次灭火和应急疏散演练", 1, "次", "灭火和应急疏散演练", ">=", "开展", "半年")]),
    # (每学期: a school term is a cycle, as 每季度 is)
    ("学校每学期开展应急疏散演练不少于2次。", [],
     [("开展应急疏散演练不少于2次", 2, "次", "开展应急疏散演练", ">=", "开展", "学期")]),
    ("各乡镇每年汛前至少开展一次山洪灾害避险转移演练。",
     [("每年汛前", R, None, None, None, None, "每年汛期", None, "各乡镇至少开展一次山洪灾害避险转移演练")],
     [("至少开展一次山洪灾害避险转移演练", 1, "次", "山洪灾害避险转移演练", ">=", "开展", "年")]),
    ("演练结束后3日内完成评估总结。", [("3日内", WD, None, None, None, 3, None, None, "演练结束后完成评估总结")], []),
    ("全年开展应急演练120场次。", [], []),
    ("每年组织开展防汛应急演练不少于2次。", [],
     [("组织开展防汛应急演练不少于2次", 2, "次", "组织开展防汛应急演练", ">=", "组织开展", "年")]),
    ("元旦、春节前开展一次安全大检查。",
     [("元旦", BE, None, None, None, None, "元旦", None, "开展一次安全大检查"),
      ("春节前", BE, None, None, None, None, "春节", None, "开展一次安全大检查")], []),
    ("本年度共组织应急演练46次，参演人员3200人次。", [], []),
]
MIXED_NUMERALS = [
    # (a rate in Chinese digits written one by one, 一〇〇%, reads as 100%)
    ("重大事故隐患整改率达到一〇〇%。", [], [("重大事故隐患整改率达到一〇〇%", 100, "%", "重大事故隐患整改率", ">=", "达到", None)]),
    ("投入资金1.5亿元用于隐患治理。", [], [("投入资金1.5亿元", 1.5, "亿元", "投入资金", "=", "投入", None)]),
    # (a count in Chinese numerals closing its clause part after a verb and its object reads as in digits; 千 and 百
    # are part of the numeral: 两千万元 is 2000 万元)
    ("新建消防站二十座。", [], [("新建消防站二十座", 20, "座", "新建消防站", "=", "新建", None)]),
    ("建成应急避难场所三十五处。", [], [("建成应急避难场所三十五处", 35, "处", "建成应急避难场所", "=", "建成", None)]),
    ("至少配备两名专职安全员。", [], [("至少配备两名专职安全员", 2, "名", "专职安全员", ">=", "配备", None)]),
    ("储备应急物资价值不低于五百万元。", [], [("不低于五百万元", 500, "万元", "储备应急物资价值", ">=", None, None)]),
    ("发放宣传资料1.2万份。", [], [("发放宣传资料1.2万份", 1.2, "万份", "发放宣传资料", "=", "发放", None)]),
    ("整改率达到百分之百。", [], [("整改率达到百分之百", 100, "%", "整改率", ">=", "达到", None)]),
    ("淘汰落后产能一批。", [], []),  # 一批: some, not one batch
    ("每个乡镇（街道）配备不少于5名专职安全监管人员。", [],
     [("配备不少于5名专职安全监管人员", 5, "名", "专职安全监管人员", ">=", "配备", None)]),
]
GENRE_CASES = (ACCIDENT_REPORTS + INSPECTION_PLANS + ASSESSMENT_RULES + PLAN_INDICATORS + REMINDER_LETTERS + PENALTIES
               + TRAINING_HOURS + DRILLS + MIXED_NUMERALS)


@pytest.mark.parametrize("text,deadlines,targets", GENRE_CASES, ids=_ids(GENRE_CASES))
def test_genres_earlier_probes_did_not_cover(text, deadlines, targets):
    assert _read(text) == (deadlines, targets)
    _fields_agree(text)


@pytest.mark.parametrize("digits,numerals", [
    ("新建消防站20座。", "新建消防站二十座。"),
    ("全年安排安全生产专项资金2000万元。", "全年安排安全生产专项资金两千万元。"),
    ("培训特种作业人员3000人次以上。", "培训特种作业人员三千人次以上。"),
    ("储备应急物资价值不低于500万元。", "储备应急物资价值不低于五百万元。"),
    ("全年检查企业1200家次。", "全年检查企业一千二百家次。"),
    ("重大事故隐患整改率达到100%。", "重大事故隐患整改率达到一〇〇%。"),
    ("关闭退出小煤矿12处。", "关闭退出小煤矿十二处。"),
])
def test_mixed_numerals_read_as_digits(digits, numerals):
    """A count or rate in Chinese numerals (二十, 两千, 一〇〇) gives what it gives in digits."""
    def fields(text):
        return [(t.value, t.unit, t.what, t.comparator, t.verb, t.per) for t in extract_targets(text)]
    assert fields(numerals) == fields(digits)
    _fields_agree(numerals)


def test_a_text_without_a_numeral_is_scanned_when_a_deadline_could_match():
    """``_may_match_wordless`` (which spares a text without a numeral the deadline scan) says yes wherever
    ``RE_DEADLINE`` matches in such a text: every string of up to 4 characters over the characters its
    numeral-free forms are made of (and a filler), and the numeral-free phrases of each form in a sentence."""
    import itertools

    from policytag.inference import extract as ex

    alphabet = "底末内汛期春节元旦月份国庆假日冬入雨季年今当本度之以前夕到来主两会结束安"
    numeral = ex._NUMERAL
    checked = 0
    for n in range(1, 5):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            if numeral.search(text) is None and ex.RE_DEADLINE.search(text) is not None:
                assert ex._may_match_wordless(text), text
                checked += 1
    assert checked > 1000
    for phrase in ("年底前", "今年年底前", "年内", "本年度内", "元月份前", "元月底前", "本月底前", "汛期前", "汛前",
                   "入汛前", "主汛期结束前", "春节前", "元旦、春节前", "国庆节前", "节假日前", "入冬前", "冬季到来前", "雨季前"):
        text = f"各地要在{phrase}完成隐患排查。"
        assert ex.RE_DEADLINE.search(text) is not None and ex._may_match_wordless(text), phrase
