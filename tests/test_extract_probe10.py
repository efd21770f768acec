"""Extraction probe 10: the known gaps of probe 9 (an organ before a horizon, counts in Chinese numerals after a
weak verb, the purpose 为 before 用…时间) and a new user's probe in the wording of regulations (第X条, 应当/不得,
fines), 应急预案 (response levels and times), 工作要点 (6月底前, 全年, 持续推进), 专项整治方案 (dated phases),
rates, money, counts of people and enterprises, relative dates (次月10日前, 每月5日前) and lunar festivals.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* a plan's horizon after an organ (市应急局到2027年，…, 县住建局到2028年…) is read as after a place: the chunk
  before 到 is only an organ's name, ending in 局/厅/委/办/部门/队/中心/站/所/院/署/政府/单位/企业… (not 督办, 举办,
  全部: verbs and words), so 有效期到2027年, 推迟到2027年 stay unread;
* a count of times in Chinese numerals after a weak verb and its object, closing the clause part
  (组织开展执法检查三次以上, 开展应急演练两次), reads as its form in digits does (probe 9);
* the purpose 为 (为了) of a time a task is given (为用两年时间全面消除…) is no part of the action, as the 自 of a
  start is not: the action is 全面消除…;
* 次月10日前 (the tenth of the month after each period reported on) is ``recurring`` with ``event`` 次月, as
  每月5日前 is with 每月: a point in each cycle, no one date;
* 元宵节前, 除夕前 are before a lunar festival, as 春节前, 端午节前 are (``before_event``, no due date);
* a fine given as a share of an income (处上一年年收入40%的罚款) is no target, as a fine in 元 is not.

Windows (汛期期间, 春节期间) stay unread: probes 3 and 8 pin them. Every sentence is invented for this file
(places and organs too); the readings were written down before the code ran on them. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets

from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (the last probe's readers of the same fields)

from extract_kinds import BE, D, F, H, M, MIN, P, R, WD, WM, WY, WYR, YE, Y  # noqa: F401 (the probes' kind aliases)


# --- known gap 1: an organ before a horizon ------------------------------------------------------------
ORGAN_HORIZONS = [
    ("市应急局到2027年，建成全市危险化学品安全风险监测预警平台。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "市应急局建成全市危险化学品安全风险监测预警平台")]),
    ("县住建局到2028年基本完成城区老旧燃气管网改造。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "县住建局基本完成城区老旧燃气管网改造")]),
    ("区消防救援大队到2027年，实现高层建筑消防设施物联网监测全覆盖。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "区消防救援大队实现高层建筑消防设施物联网监测全覆盖")]),
    ("省交通运输厅到二〇二八年，完成国省道安全生命防护工程建设。",
     [("二〇二八年", YE, 2028, None, None, None, None, "2028-12-31", "省交通运输厅完成国省道安全生命防护工程建设")]),
    ("各级应急管理部门到2027年，全面建成执法信息化平台。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "各级应急管理部门全面建成执法信息化平台")]),
    ("（三）市应急管理局到2028年，建成市级应急物资储备中心。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "市应急管理局建成市级应急物资储备中心")]),
    ("各生产经营单位到2027年，全部建立全员安全生产责任制。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "各生产经营单位全部建立全员安全生产责任制")]),
    ("县安委办到2027年，完成全县安全生产责任清单修订。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "县安委办完成全县安全生产责任清单修订")]),
]
ORGAN_HORIZONS_BESIDE = [
    # (read as before: an organ before a year end with 前)
    ("市应急局到2027年底前完成全部化工园区整治提升。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "市应急局完成全部化工园区整治提升")]),
    ("该企业安全生产许可证有效期到2027年。", []),  # a validity, not a horizon
    ("挂牌督办到2027年仍未整改的，依法关闭。", []),  # a verb before 到
    ("市应急局将整改期限推迟到2027年。", []),
    ("市应急局到2024年已建成应急指挥平台。", []),  # past and reported
    ("全部到2027年完成。", []),  # 全部 is no organ
    ("县应急局2026年到2027年开展两轮专项检查。", []),  # a range of years
]


@pytest.mark.parametrize("text,want", ORGAN_HORIZONS + ORGAN_HORIZONS_BESIDE,
                         ids=_ids(ORGAN_HORIZONS + ORGAN_HORIZONS_BESIDE))
def test_an_organ_before_a_horizon(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- known gap 2: counts in Chinese numerals after a weak verb ----------------------------------------------
CN_WEAK = [
    ("组织开展执法检查三次以上。",
     [("组织开展执法检查三次以上", 3, "次", "组织开展执法检查", ">=", "组织开展", None)]),
    ("开展应急演练两次。", [("开展应急演练两次", 2, "次", "开展应急演练", "=", "开展", None)]),
    ("县安委办组织开展安全生产巡查三次。",
     [("组织开展安全生产巡查三次", 3, "次", "组织开展安全生产巡查", "=", "组织开展", None)]),
    ("每个乡镇每年开展森林火灾应急演练两次。",
     [("开展森林火灾应急演练两次", 2, "次", "开展森林火灾应急演练", "=", "开展", "年")]),
    ("县安委会全体会议每季度至少召开一次。",
     [("至少召开一次", 1, "次", "县安委会全体会议召开", ">=", "召开", "季度")]),
    ("每季度至少召开一次安委会全体会议。",
     [("至少召开一次安委会全体会议", 1, "次", "安委会全体会议", ">=", "召开", "季度")]),
    ("全年举办危险化学品安全培训班十次以上。",
     [("举办危险化学品安全培训班十次以上", 10, "次", "举办危险化学品安全培训班", ">=", "举办", None)]),
]
CN_WEAK_BESIDE = [
    ("县消防救援大队组织开展人员密集场所消防安全检查四次，发现并督促整改火灾隐患五十二处。", []),  # reports
    ("组织开展了安全生产巡查三次。", []),  # done
    ("县应急局共组织执法检查十五次。", []),  # done
    ("组织开展燃气安全宣传活动二十场次。", []),  # the scale of the work
    ("开展“一月一次”安全检查。", []),  # a name
    ("组织开展第三次全国自然灾害综合风险普查。", []),  # an ordinal
]


@pytest.mark.parametrize("text,want", CN_WEAK + CN_WEAK_BESIDE, ids=_ids(CN_WEAK + CN_WEAK_BESIDE))
def test_counts_in_chinese_numerals_after_weak_verbs(text, want):
    assert _targets(text) == want
    _fields_agree(text)


@pytest.mark.parametrize("digits,numerals", [
    ("组织开展执法检查3次以上。", "组织开展执法检查三次以上。"),
    ("开展应急演练2次。", "开展应急演练两次。"),
    ("各乡镇每半年开展地质灾害避险演练1次。", "各乡镇每半年开展地质灾害避险演练一次。"),
    ("组织开展燃气安全宣传活动不少于20场次。", "组织开展燃气安全宣传活动不少于二十场次。"),
    ("县安委办组织开展了安全生产巡查3次。", "县安委办组织开展了安全生产巡查三次。"),
    ("每季度至少召开1次。", "每季度至少召开一次。"),
    # (培训班 names the classes held: no verb of their own in the object)
    ("全年举办危险化学品安全培训班10次以上。", "全年举办危险化学品安全培训班十次以上。"),
])
def test_a_count_of_times_reads_alike_in_digits_and_numerals(digits, numerals):
    """Written in Chinese numerals, a count of times after a weak verb gives what it gives in digits."""
    def fields(text):
        return [(t.value, t.unit, t.what, t.comparator, t.verb, t.per) for t in extract_targets(text)]
    assert fields(numerals) == fields(digits)
    _fields_agree(numerals)


# --- known gap 3: the purpose 为 of a time a task is given -------------------------------------------------
PURPOSES = [
    ("为用两年时间全面消除城镇燃气重大事故隐患，制定本方案。",
     [("用两年时间", WY, None, None, None, 2, None, "2027-12-31", "全面消除城镇燃气重大事故隐患")]),
    ("为了用三年时间基本完成全县老旧小区消防设施改造，特制定本实施方案。",
     [("用三年时间", WY, None, None, None, 3, None, "2028-12-31", "基本完成全县老旧小区消防设施改造")]),
    ("为用半年时间集中整治电动自行车违规停放充电，现就有关事项通知如下。",
     [("用半年时间", WM, None, None, None, 6, None, None, "集中整治电动自行车违规停放充电")]),
]
PURPOSES_BESIDE = [
    # (read as before: a 为 that does not lead the phrase's chunk is the action's)
    ("年底前为全县各行政村配备应急广播。",
     [("年底前", YE, None, None, None, None, None, "2026-12-31", "为全县各行政村配备应急广播")]),
    ("用两年时间，全面消除重大事故隐患。",
     [("用两年时间", WY, None, None, None, 2, None, "2027-12-31", "全面消除重大事故隐患")]),
]


@pytest.mark.parametrize("text,want", PURPOSES + PURPOSES_BESIDE, ids=_ids(PURPOSES + PURPOSES_BESIDE))
def test_the_purpose_wei_is_no_part_of_the_action(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- a new user's probe: regulations (第X条, 应当/不得, fines) -------------------------------------------------
REGULATION_DEADLINES = [
    ("第十二条 生产经营单位应当在每年1月31日前向所在地应急管理部门报送上一年度安全生产情况。",
     [("每年1月31日前", R, None, 1, 31, None, "每年", None, "生产经营单位应当向所在地应急管理部门报送上一年度安全生产情况")]),
    ("第十五条 事故发生单位应当自事故发生之日起30日内提交书面报告。",
     [("自事故发生之日起30日内", WD, None, None, None, 30, None, None, "事故发生单位应当提交书面报告")]),
    ("第二十一条 负有安全生产监督管理职责的部门应当自受理申请之日起二十个工作日内作出决定。",
     [("自受理申请之日起二十个工作日内", WD, None, None, None, 20, None, None, "负有安全生产监督管理职责的部门应当作出决定")]),
    ("第四十条 本条例自2027年3月1日起施行。",
     [("2027年3月1日起", F, 2027, 3, 1, None, None, "2027-03-01", "本条例施行")]),
    ("第八条 生产经营单位应当在每月5日前报送上月隐患排查治理情况。",
     [("每月5日前", R, None, None, 5, None, "每月", None, "生产经营单位应当报送上月隐患排查治理情况")]),
]
REGULATION_NONE = [
    "第二十三条 生产经营单位不得使用国家明令淘汰、禁止使用的危及生产安全的工艺、设备。",
    "第三十二条 违反本条例规定，未按要求开展安全培训的，责令限期改正，可以处一万元以下的罚款。",
    "第三十三条 生产经营单位主要负责人受刑事处罚的，自刑罚执行完毕之日起5年内不得担任任何生产经营单位的主要负责人。",
    "第五条 县级以上人民政府应当加强对安全生产工作的领导。",
    "第三十五条 发生生产安全事故的，对负有责任的单位处二十万元以上五十万元以下的罚款。",
]
REGULATION_TARGETS = [
    ("第三十二条 违反本条例规定的，处5000元以上2万元以下的罚款。", []),  # a fine
    ("第三十四条 对主要负责人处上一年年收入40%的罚款。", []),  # a fine as a share of an income
    ("第三十六条 对举报重大事故隐患查证属实的，给予举报人最高10万元的奖励。", []),  # a reward, not a target
    ("第十条 从业人员超过一百人的，应当设置安全生产管理机构。", []),  # a scope
    ("第十一条 生产经营单位应当每年至少组织一次生产安全事故应急救援预案演练。",
     [("至少组织一次生产安全事故应急救援预案演练", 1, "次", "生产安全事故应急救援预案演练", ">=", "组织", "年")]),
    # a ratio a rule sets (session 14: read as a target, was pinned unread)
    ("第十三条 矿山企业应当按照不低于从业人员总数2%的比例配备专职安全生产管理人员。",
     [("按照不低于从业人员总数2%的比例配备专职安全生产管理人员", 2, "%", "专职安全生产管理人员占从业人员总数比例", ">=", "配备", None)]),
]


@pytest.mark.parametrize("text,want", REGULATION_DEADLINES + [(t, []) for t in REGULATION_NONE],
                         ids=_ids(REGULATION_DEADLINES + [(t, []) for t in REGULATION_NONE]))
def test_regulation_deadlines(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


@pytest.mark.parametrize("text,want", REGULATION_TARGETS + [(t, []) for t in REGULATION_NONE],
                         ids=_ids(REGULATION_TARGETS + [(t, []) for t in REGULATION_NONE]))
def test_regulation_targets(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- 应急预案: response levels and times ------------------------------------------------------------------
RESPONSES = [
    ("Ⅲ级响应：事发地乡镇人民政府接报后1小时内向县政府报告。",
     [("1小时内", H, None, None, None, 1, None, None, "事发地乡镇人民政府接报后向县政府报告")]),
    ("县应急局接到事故报告后，应当在2小时内上报市应急局。",
     [("2小时内", H, None, None, None, 2, None, None, "应当上报市应急局")]),
    ("Ⅰ级响应启动后，指挥部成员单位负责人30分钟内到达指挥中心。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "指挥部成员单位负责人到达指挥中心")]),
    ("接到预警信息后，危险区域群众须在两小时内完成转移。",
     [("两小时内", H, None, None, None, 2, None, None, "危险区域群众完成转移")]),
    ("事故现场救援结束后7日内，县应急局组织开展应急处置评估。",
     [("7日内", WD, None, None, None, 7, None, None, "事故现场救援结束后县应急局组织开展应急处置评估")]),
    ("重大情况须在半小时内电话报告、1小时内书面报告。",
     [("半小时内", MIN, None, None, None, 30, None, None, "重大情况电话报告"),
      ("1小时内", H, None, None, None, 1, None, None, "重大情况书面报告")]),
]
RESPONSES_NONE = [
    "启动Ⅱ级应急响应，由县应急救援指挥部统一指挥。",
    "各成员单位实行24小时应急值守。",
    "县城区基本形成15分钟应急救援圈。",
    "汛期期间，各水库管理单位实行领导带班值班。",  # a window (probes 3, 8)
    "春节期间，严格落实24小时值班和领导带班制度。",  # a window (probes 3, 8)
    "每30分钟向指挥部报告一次水情。",  # a frequency
    "24小时内发生两起以上较大事故的，提高响应等级。",  # a condition
]


@pytest.mark.parametrize("text,want", RESPONSES + [(t, []) for t in RESPONSES_NONE],
                         ids=_ids(RESPONSES + [(t, []) for t in RESPONSES_NONE]))
def test_response_times(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- 工作要点: month ends, the year, 持续推进 -------------------------------------------------------------------
WORK_POINTS = [
    ("6月底前，完成全县工贸企业粉尘涉爆除尘系统改造。",
     [("6月底前", M, None, 6, None, None, None, "2026-06-30", "完成全县工贸企业粉尘涉爆除尘系统改造")]),
    ("县应急局牵头，9月底前完成全县尾矿库安全风险评估。",
     [("9月底前", M, None, 9, None, None, None, "2026-09-30", "完成全县尾矿库安全风险评估")]),
    ("年内完成100家企业安全生产标准化复评。",
     [("年内", WYR, None, None, None, None, None, "2026-12-31", "完成100家企业安全生产标准化复评")]),
    ("二季度完成全部加油站安全评价。",
     [("二季度", P, None, 6, None, None, None, "2026-06-30", "完成全部加油站安全评价")]),
    ("11月底前，各乡镇要完成冬春森林防火准备工作。",
     [("11月底前", M, None, 11, None, None, None, "2026-11-30", "各乡镇要完成冬春森林防火准备工作")]),
    ("（五）持续推进城镇燃气安全专项整治，10月底前完成整治“回头看”。",
     [("10月底前", M, None, 10, None, None, None, "2026-10-31", "完成整治“回头看”")]),
    ("2026年12月10日前，各成员单位将全年工作总结报县安委办。",
     [("2026年12月10日前", D, 2026, 12, 10, None, None, "2026-12-10", "各成员单位将全年工作总结报县安委办")]),
    ("下半年组织开展全县安全生产综合督查。",
     [("下半年", P, None, 12, None, None, None, "2026-12-31", "组织开展全县安全生产综合督查")]),
    ("3月中旬前完成春季开复工企业安全检查。",
     [("3月中旬前", P, None, 3, 20, None, None, "2026-03-20", "完成春季开复工企业安全检查")]),
]
WORK_POINTS_NONE = [
    "持续推进城镇燃气安全专项整治。",
    "全年安全生产形势保持总体稳定。",
    "深入推进安全生产治本攻坚三年行动。",
    "上半年以来，全县未发生较大生产安全事故。",
    "听取各乡镇一季度安全生产工作情况汇报。",
    "2025年12月底前已完成的整改项目不再重复验收。",  # a past year
]


@pytest.mark.parametrize("text,want", WORK_POINTS + [(t, []) for t in WORK_POINTS_NONE],
                         ids=_ids(WORK_POINTS + [(t, []) for t in WORK_POINTS_NONE]))
def test_work_points(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- 整治方案: dated phases ---------------------------------------------------------------------------------
PHASES = [
    ("（一）动员部署阶段（2027年3月—4月）。",
     [("2027年3月—4月", P, 2027, 4, None, None, None, "2027-04-30", "动员部署阶段")]),
    ("集中整治阶段（2026年5月—9月）：全面排查整治重大事故隐患。",
     [("2026年5月—9月", P, 2026, 9, None, None, None, "2026-09-30", "集中整治阶段")]),
    ("巩固提升阶段（10月1日—11月30日），总结推广经验做法。",
     [("10月1日—11月30日", P, None, 11, 30, None, None, "2026-11-30", "巩固提升阶段")]),
    ("2026年11月至2027年2月，开展冬春火灾防控专项行动。",
     [("2026年11月至2027年2月", P, 2027, 2, None, None, None, "2027-02-28", "开展冬春火灾防控专项行动")]),
    ("自即日起至2026年12月31日，在全县开展燃气安全专项整治。",
     [("自即日起至2026年12月31日", P, 2026, 12, 31, None, None, "2026-12-31", "全县开展燃气安全专项整治")]),
    ("排查整治阶段（第二季度）。", [("第二季度", P, None, 6, None, None, None, "2026-06-30", "排查整治阶段")]),
]
PHASES_NONE = [
    "每年6月至9月为主汛期。",  # a season defined
    "2026年1月至9月，全县共发生生产安全事故8起。",  # a reporting period
    "汛期（6月1日至9月30日）各水库实行24小时值守。",  # a season in passing
]


@pytest.mark.parametrize("text,want", PHASES + [(t, []) for t in PHASES_NONE],
                         ids=_ids(PHASES + [(t, []) for t in PHASES_NONE]))
def test_phases(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- relative dates and lunar festivals -------------------------------------------------------------------
RELATIVE = [
    ("各乡镇于次月10日前报送上月隐患排查治理情况。",
     [("次月10日前", R, None, None, 10, None, "次月", None, "各乡镇报送上月隐患排查治理情况")]),
    ("每月底前报送本月执法检查情况。",
     [("每月底前", R, None, None, None, None, "每月", None, "报送本月执法检查情况")]),
    ("各成员单位每季度末将工作进展报县安委办。",
     [("每季度末", R, None, None, None, None, "每季度", None, "各成员单位将工作进展报县安委办")]),
    ("每年12月20日前报送全年安全生产工作总结。",
     [("每年12月20日前", R, None, 12, 20, None, "每年", None, "报送全年安全生产工作总结")]),
    ("次年1月15日前报送年度考核自评报告。",
     [("次年1月15日前", D, 2027, 1, 15, None, None, "2027-01-15", "报送年度考核自评报告")]),
    ("各乡镇每月5日前向县应急局报送上月安全生产情况。",
     [("每月5日前", R, None, None, 5, None, "每月", None, "各乡镇向县应急局报送上月安全生产情况")]),
]
FESTIVALS = [
    ("元宵节前，完成烟花爆竹燃放场所安全检查。",
     [("元宵节前", BE, None, None, None, None, "元宵节", None, "完成烟花爆竹燃放场所安全检查")]),
    ("除夕前，各乡镇要完成烟花爆竹经营网点全面检查。",
     [("除夕前", BE, None, None, None, None, "除夕", None, "各乡镇要完成烟花爆竹经营网点全面检查")]),
    ("端午节前，完成龙舟赛事水域安全检查。",
     [("端午节前", BE, None, None, None, None, "端午节", None, "完成龙舟赛事水域安全检查")]),
    ("中秋节前夕，开展旅游景区安全检查。",
     [("中秋节前夕", BE, None, None, None, None, "中秋节", None, "开展旅游景区安全检查")]),
    ("春节前，各乡镇要完成农村自建房安全排查。",
     [("春节前", BE, None, None, None, None, "春节", None, "各乡镇要完成农村自建房安全排查")]),
    ("国庆节前完成景区游乐设施检修。",
     [("国庆节前", BE, None, None, None, None, "国庆节", "2026-09-30", "完成景区游乐设施检修")]),
]
FESTIVALS_NONE = [
    "清明节前后，加强林区火源管控。",  # around it
    "元宵节期间，加强灯会现场安全管理。",  # a window
    "做好元宵节前安全检查工作。",  # a kind of work
    "除夕夜加强烟花爆竹燃放巡查。",  # a night, not before
    "次月起实行新的值班制度。",  # a start without a day
]


@pytest.mark.parametrize("text,want", RELATIVE + FESTIVALS + [(t, []) for t in FESTIVALS_NONE],
                         ids=_ids(RELATIVE + FESTIVALS + [(t, []) for t in FESTIVALS_NONE]))
def test_relative_dates_and_festivals(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- rates, money and counts of people and enterprises ---------------------------------------------------------
TARGETS = [
    ("到2027年底，全市规上工贸企业安全生产标准化达标率达到95%以上。",
     [("全市规上工贸企业安全生产标准化达标率达到95%以上", 95, "%", "全市规上工贸企业安全生产标准化达标率", ">=", "达到", None)]),
    ("生产安全事故死亡人数较上年下降10%。",
     [("生产安全事故死亡人数较上年下降10%", 10, "%", "生产安全事故死亡人数", "=", "较上年下降", None)]),
    ("道路交通事故万车死亡率控制在1.5以下。",
     [("道路交通事故万车死亡率控制在1.5以下", 1.5, "", "道路交通事故万车死亡率", "<=", "控制在", None)]),
    ("重大事故隐患整改率达到100%。", [("重大事故隐患整改率达到100%", 100, "%", "重大事故隐患整改率", ">=", "达到", None)]),
    ("特种作业人员持证上岗率100%。", [("特种作业人员持证上岗率100%", 100, "%", "特种作业人员持证上岗率", "=", None, None)]),
    ("全年投入安全生产专项资金2000万元。",
     [("投入安全生产专项资金2000万元", 2000, "万元", "投入安全生产专项资金", "=", "投入", None)]),
    ("全年培训企业主要负责人和安全管理人员5000人次。",
     [("培训企业主要负责人和安全管理人员5000人次", 5000, "人次", "培训企业主要负责人和安全管理人员", "=", "培训", None)]),
    ("为每个行政村配备1名应急管理专干。", [("配备1名应急管理专干", 1, "名", "应急管理专干", "=", "配备", None)]),
    ("全市新增注册安全工程师200名以上。",
     [("新增注册安全工程师200名以上", 200, "名", "新增注册安全工程师", ">=", "新增", None)]),
    ("关闭退出不具备安全生产条件的非煤矿山10座。",
     [("关闭退出不具备安全生产条件的非煤矿山10座", 10, "座", "关闭退出不具备安全生产条件的非煤矿山", "=", "关闭退出", None)]),
    ("年内完成100家企业安全生产标准化复评。",
     [("完成100家企业安全生产标准化复评", 100, "家", "企业安全生产标准化复评", "=", "完成", None)]),
    ("全年开展各类应急演练不少于50场次。",
     [("开展各类应急演练不少于50场次", 50, "场次", "开展各类应急演练", ">=", "开展", None)]),
    ("全年组织安全生产执法检查1200家次以上。",
     [("组织安全生产执法检查1200家次以上", 1200, "家次", "组织安全生产执法检查", ">=", "组织", None)]),
    ("确保全年不发生较大及以上生产安全事故。",
     [("不发生较大及以上生产安全事故", 0, "", "较大及以上生产安全事故", "=", "确保", None)]),
    ("新建改造城区供水管网30公里。", [("新建改造城区供水管网30公里", 30, "公里", "城区供水管网", "=", "新建改造", None)]),
]
TARGETS_NONE = [
    "全县共有危险化学品经营企业86家。",  # a scope
    "截至2026年6月底，全县已建成应急避难场所42处。",  # reported
    "2025年全县发生生产安全事故12起，同比下降20%。",  # accidents counted
    "举报电话：12345。",
    "按照《安全生产法》第一百一十二条规定予以处罚。",
    "对30人以上的人员密集场所开展消防检查。",  # a scope
    "今年以来，累计排查整治隐患3600余项。",  # reported
    "县财政累计投入资金1.2亿元。",  # done
]


@pytest.mark.parametrize("text,want", TARGETS + [(t, []) for t in TARGETS_NONE],
                         ids=_ids(TARGETS + [(t, []) for t in TARGETS_NONE]))
def test_rates_money_and_counts(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- a second round: phases named with 为, terms not exceeding, money and rates in words ------------------------
ROUND2_DEADLINES = [
    ("2027年4月至9月为集中整治阶段。",
     [("2027年4月至9月", P, 2027, 9, None, None, None, "2027-09-30", "集中整治阶段")]),
    ("2027年3月底前为自查自纠阶段。",
     [("2027年3月底前", M, 2027, 3, None, None, None, "2027-03-31", "自查自纠阶段")]),
    ("整改时限不得超过15个工作日。", [("时限不得超过15个工作日", WD, None, None, None, 15, None, None, "整改")]),
    ("重大事故隐患整改期限不超过3个月。",
     [("期限不超过3个月", WM, None, None, None, 3, None, None, "重大事故隐患整改")]),
    # (read as before: 为 for whom, not naming a phase)
    ("9月底前为全县中小学校配齐消防器材。",
     [("9月底前", M, None, 9, None, None, None, "2026-09-30", "为全县中小学校配齐消防器材")]),
    ("整改期限为3个月。", [("期限为3个月", WM, None, None, None, 3, None, None, "整改")]),
]


@pytest.mark.parametrize("text,want", ROUND2_DEADLINES, ids=_ids(ROUND2_DEADLINES))
def test_phases_named_with_wei_and_terms_not_exceeding(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


ROUND2_TARGETS = [
    ("重大事故隐患整改期限不超过3个月。", []),  # a term, not a count of 个
    ("县财政安排应急救援能力建设资金500万元。",
     [("安排应急救援能力建设资金500万元", 500, "万元", "安排应急救援能力建设资金", "=", "安排", None)]),
    ("拨付应急救援能力建设资金500万元。",
     [("拨付应急救援能力建设资金500万元", 500, "万元", "拨付应急救援能力建设资金", "=", "拨付", None)]),
    ("下达省级安全生产专项资金3000万元。",
     [("下达省级安全生产专项资金3000万元", 3000, "万元", "下达省级安全生产专项资金", "=", "下达", None)]),
    ("全年新增应急救援能力建设资金1000万元。",
     [("新增应急救援能力建设资金1000万元", 1000, "万元", "新增应急救援能力建设资金", "=", "新增", None)]),
    ("投入资金2000万元用于隐患治理。", [("投入资金2000万元", 2000, "万元", "投入资金", "=", "投入", None)]),
    ("改造资金500万元由县财政承担。", []),  # who pays, no commitment verb
    ("安排专项检查3次。", []),  # a verb of funding counts money only
    ("县财政已安排专项资金800万元。", []),  # done
    ("全县火灾事故起数同比下降百分之五以上。",
     [("全县火灾事故起数同比下降百分之五以上", 5, "%", "全县火灾事故起数", ">=", "同比下降", None)]),
    ("重点场所视频监控覆盖率达到百分之九十五。",
     [("重点场所视频监控覆盖率达到百分之九十五", 95, "%", "重点场所视频监控覆盖率", ">=", "达到", None)]),
    ("隐患整改率达到百分之百。", [("隐患整改率达到百分之百", 100, "%", "隐患整改率", ">=", "达到", None)]),
    ("对主要负责人处上一年年收入百分之四十的罚款。", []),  # a fine
    # (read as before)
    ("全年投入安全生产专项资金2000万元。",
     [("投入安全生产专项资金2000万元", 2000, "万元", "投入安全生产专项资金", "=", "投入", None)]),
    ("处5万元以上10万元以下的罚款。", []),
]


@pytest.mark.parametrize("text,want", ROUND2_TARGETS, ids=_ids(ROUND2_TARGETS))
def test_money_and_rates_in_words(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- a third round: the year written before an event or a month, 年度内 -------------------------------------------
ROUND3 = [
    ("2027年春节前完成全部烟花爆竹批发企业检查。",
     [("2027年春节前", BE, 2027, None, None, None, "春节", None, "完成全部烟花爆竹批发企业检查")]),
    ("2026年国庆节前，完成旅游景区游乐设施检测。",
     [("2026年国庆节前", BE, 2026, None, None, None, "国庆节", "2026-09-30", "完成旅游景区游乐设施检测")]),
    ("2027年汛前完成病险水库除险加固。",
     [("2027年汛前", BE, 2027, None, None, None, "汛期", None, "完成病险水库除险加固")]),
    ("2025年春节前已完成的检查不再重复。", []),  # a past year
    ("今年6月底前完成全县自建房排查。",
     [("今年6月底前", M, None, 6, None, None, None, "2026-06-30", "完成全县自建房排查")]),
    ("各乡镇要在今年9月30日前完成林区防火隔离带清理。",
     [("今年9月30日前", D, None, 9, 30, None, None, "2026-09-30", "各乡镇完成林区防火隔离带清理")]),
    ("今年第三季度完成全部验收。", [("今年第三季度", P, None, 9, None, None, None, "2026-09-30", "完成全部验收")]),
    ("本年度内完成全部隐患整改。", [("本年度内", WYR, None, None, None, None, None, "2026-12-31", "完成全部隐患整改")]),
    ("年度内完成全部企业复评。", [("年度内", WYR, None, None, None, None, None, "2026-12-31", "完成全部企业复评")]),
    # (read as before)
    ("年度考核结果作为评先评优的重要依据。", []),
    ("开展年度内部审计。", []),  # 内部, inside
    ("听取今年一季度安全生产工作情况汇报。", []),  # a quarter in passing
    ("明年3月底前完成整改。", [("明年3月底前", M, 2027, 3, None, None, None, "2027-03-31", "完成整改")]),
]


@pytest.mark.parametrize("text,want", ROUND3, ids=_ids(ROUND3))
def test_the_year_before_an_event_or_a_month(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- a fourth round: regulations' class hours and usual terms -------------------------------------------------
ROUND4_TARGETS = [
    ("第二十八条 生产经营单位应当建立安全生产教育培训档案，培训时间不得少于24学时。",
     [("培训时间不得少于24学时", 24, "学时", "培训时间", ">=", "培训", None)]),
    ("新上岗的从业人员，每年再培训时间不得少于20学时。",
     [("培训时间不得少于20学时", 20, "学时", "培训时间", ">=", "培训", "年")]),
    ("对存在重大事故隐患的企业，责令停产停业整顿，整顿期限一般不超过6个月。", []),  # a term, no count of 个
    ("整改期限不超过3个月。", []),
    ("组织专题培训48学时。", []),  # a length without a comparator, as 24小时
    # (read as before)
    ("建成标准化矿井3个，月产能稳步提高。", [("建成标准化矿井3个", 3, "个", "建成标准化矿井", "=", "建成", None)]),
]
ROUND4_DEADLINES = [
    ("对存在重大事故隐患的企业，责令停产停业整顿，整顿期限一般不超过6个月。",
     [("期限一般不超过6个月", WM, None, None, None, 6, None, None, "整顿")]),
    ("隐患整改期限原则上为30日。", [("期限原则上为30日", WD, None, None, None, 30, None, None, "隐患整改")]),
]


def test_a_length_of_months_is_counted_in_months():
    """至少保存六个月 read 6 个 with the object 月: a length of months is counted in 个月 (its ``what``, 保存, is the
    chunk's verb only: the subject 监控数据 before the comparator is not looked for)."""
    [t] = extract_targets("客运企业要落实车辆动态监控主体责任，监控数据至少保存六个月。")
    assert (t.text, t.value, t.unit, t.comparator) == ("至少保存六个月", 6, "个月", ">=")


@pytest.mark.parametrize("text,want", ROUND4_TARGETS, ids=_ids(ROUND4_TARGETS))
def test_class_hours_and_terms_are_no_counts_of_ge(text, want):
    assert _targets(text) == want
    _fields_agree(text)


ROUND4_DEADLINES += [
    ("对30日内未完成整改的企业，依法予以处罚。", []),  # a condition: those that did not
    ("3个月内未按要求整改到位的，暂扣安全生产许可证。", []),
    # (read as before)
    ("调查报告应在30日内报送。", [("30日内", WD, None, None, None, 30, None, None, "调查报告报送")]),
]


@pytest.mark.parametrize("text,want", ROUND4_DEADLINES, ids=_ids(ROUND4_DEADLINES))
def test_usual_terms(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- the gates keep the new forms -------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from policytag.inference import extract as ex  # noqa: E402

#: the pieces of the forms added here and their look-alikes
PIECES = ["到", "市应急局", "县住建局", "督办", "全部", "2027", "年", "，", "。", "开展", "组织", "组织开展", "演练", "检查",
          "培训班", "三", "两", "十", "3", "次", "场次", "以上", "不少于", "了", "共", "为", "用", "两年", "时间", "次月", "每月",
          "10", "日", "底", "前", "后", "元宵节", "除夕", "端午", "夜", "期间", "做好", "安全", "40", "%", "的", "罚款", "比例",
          "百分之", "五", "达到", "下降", "同比", "覆盖率", "以上", "安排", "建设", "资金", "500", "万元", "用于",
          "今年", "本年度", "年度", "内", "内部", "春节", "国庆节", "6月", "第三季度", "为", "阶段", "期限", "不超过", "3个月"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_gates_never_drop_the_new_forms(text):
    """A text one of the added forms matches passes every gate before its scan (the flags, the substring
    tests), and the batch reads what the one-text functions read."""
    flags = ex._text_flags([text], ex._batch_code_points([text]))[0]
    if ex.RE_COUNT_WEAK_CN.search(text):
        assert flags & ex._FLAG_COUNT and ex._COUNT_GATE.search(text) and ex._WEAK_CN_GATE.search(text), text
    words = ex.RE_DEADLINE_WORDS.search(text)
    if words:
        assert flags & ex._FLAG_TIME and flags & ex._FLAG_WORDS and ex._may_have_deadline(text), text
        assert ex._WORD_GATE.search(text), text
    if ex.RE_RATE_CN.search(text):
        assert "百分之" in text, text
    if ex.RE_NEXT_MONTH.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text), text
    assert extract_fields([text], [Y]) == [(extract_deadlines(text, Y), extract_targets(text))]
    assert extract_fields([text], [Y], ["2026-03-01"]) == [
        (extract_deadlines(text, Y, notice_date="2026-03-01"), extract_targets(text))]
