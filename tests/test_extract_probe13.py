"""Extraction probe 13: the known gaps of probe 12 (a weekly limit before the end of the working day, a limit
counted from the end of each quarter or month, 不超过 before a reporting time, the units 分贝 and 分钟) and a new
user's probe in the wording other governments write: seasons and festivals, quarters and half years, phases from
now, start dates and validity, counts with comparators, baselines, money, ranges and Chinese numerals, the
responsible agencies of a task, and numbers that are no field at all (article numbers, document numbers,
standards' numbers, telephone numbers).

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* a weekly limit may name the time of the day: 每周五下班前, 每周一12时前, 每星期四17时前, 每周五下午5点前 are
  ``recurring`` with ``event`` 每周, the whole phrase its ``text`` (the time of day stays there, as the weekday does);
* a limit in days counted from the end of each cycle (每季度结束后10日内, 每月结束后5个工作日内, 每半年结束后15日内,
  每年度结束后30日内, 每季度终了后15日内) is ``recurring``: ``event`` the cycle (每季度, 每月, 每半年, 每年), ``period``
  the days, ``due`` null; without 每 (季度结束后10日内) it is a limit in days from an event, as before;
* 不超过 / 不得超过 / 最迟不超过 before a limit in hours, minutes or days that a task follows (事故发生后不超过1小时内
  报告, 接警后不超过5分钟出动) is part of the limit's phrase (its action read 事故发生后不超过报告); such a length that
  closes its clause part (单次连续作业时间不超过2小时) is a target, as before; 时限最长不超过30日 is a term;
* 分贝 is a unit of measure and 分钟 a length read with a comparator only, as 小时 is (厂界噪声昼间不超过60分贝,
  应急演练时长不少于30分钟); 不得超过 is a comparator (``<=``) as 不超过 is.

Windows (两会期间, 春节前后) stay unread: probes 3, 8 and 12 pin them. Agencies are read from remarks and keyed
entries (``extract_agencies``), not from a sentence's subject. Every sentence is invented for this file (places and
organs too); the readings were written down before the code ran on them. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_agencies, extract_deadlines, extract_fields

from extract_kinds import BE, D, F, H, M, MIN, P, R, WD, WM, WY, YE, Y
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (the last probes' readers of the same fields)


def _check(text: str, deadlines: list, targets: list) -> None:
    assert (_deadlines(text, Y), _targets(text)) == (deadlines, targets)
    _fields_agree(text)


# --- known gap 1: a weekly limit with the time of the day -------------------------------------------------------
WEEKLY = [
    ("各单位每周五下班前报送本周隐患排查情况。",
     [("每周五下班前", R, None, None, None, None, "每周", None, "各单位报送本周隐患排查情况")], []),
    ("各乡镇于每周一12时前将上周巡查台账报县应急局。",
     [("每周一12时前", R, None, None, None, None, "每周", None, "各乡镇将上周巡查台账报县应急局")], []),
    ("值班人员每周五下午5点前汇总本周值班记录。",
     [("每周五下午5点前", R, None, None, None, None, "每周", None, "值班人员汇总本周值班记录")], []),
    ("各企业每星期四17时前上报本周风险研判结果。",
     [("每星期四17时前", R, None, None, None, None, "每周", None, "各企业上报本周风险研判结果")], []),
    ("网格员每周五下班之前更新巡查记录。",
     [("每周五下班之前", R, None, None, None, None, "每周", None, "网格员更新巡查记录")], []),
    # (beside: after the working day; no cycle; a frequency)
    ("每周五下班后开展设备检查。", [], []),
    ("周五下班前完成整改。", [], []),
    # (a frequency: a count of times after a weak verb with its cycle, as probes 9–12 read it)
    ("每周开展一次安全巡查。", [], [("开展一次安全巡查", 1, "次", "安全巡查", "=", "开展", "周")]),
]


# --- known gap 2: a limit counted from the end of each cycle -----------------------------------------------------
CYCLE_ENDS = [
    ("各县区于每季度结束后10日内报送季度统计报表。",
     [("每季度结束后10日内", R, None, None, None, 10, "每季度", None, "各县区报送季度统计报表")], []),
    ("企业应当在每月结束后5个工作日内报送上月安全生产情况。",
     [("每月结束后5个工作日内", R, None, None, None, 5, "每月", None, "企业应当报送上月安全生产情况")], []),
    ("每半年结束后15日内，各单位报送半年工作总结。",
     [("每半年结束后15日内", R, None, None, None, 15, "每半年", None, "各单位报送半年工作总结")], []),
    ("请于每年度结束后30日内报送年度执法工作报告。",
     [("每年度结束后30日内", R, None, None, None, 30, "每年", None, "请报送年度执法工作报告")], []),
    ("各区每季度终了后15日内报送季度报表。",
     [("每季度终了后15日内", R, None, None, None, 15, "每季度", None, "各区报送季度报表")], []),
    # (beside: without 每 a limit from an event, as before)
    ("季度结束后10日内报送统计报表。",
     [("10日内", WD, None, None, None, 10, None, None, "季度结束后报送统计报表")], []),
    ("演练结束后3日内完成评估总结。", [("3日内", WD, None, None, None, 3, None, None, "演练结束后完成评估总结")], []),
]


# --- known gap 3: 不超过 before a reporting time; the units 分贝 and 分钟 -----------------------------------------
NOT_EXCEEDING = [
    ("事故发生后不超过1小时内报告县应急局。",
     [("不超过1小时内", H, None, None, None, 1, None, None, "事故发生后报告县应急局")], []),
    ("事故单位负责人接到报告后，应当在不超过1小时内向县应急管理局报告。",
     [("不超过1小时内", H, None, None, None, 1, None, None, "应当向县应急管理局报告")], []),
    ("接警后不超过5分钟出动。", [("不超过5分钟", MIN, None, None, None, 5, None, None, "接警后出动")], []),
    ("较大事故发生后，事发地政府应在不超过2小时报告市政府。",
     [("不超过2小时", H, None, None, None, 2, None, None, "事发地政府报告市政府")], []),
    ("现场处置结束后不得超过3日提交书面报告。",
     [("不得超过3日", WD, None, None, None, 3, None, None, "现场处置结束后提交书面报告")], []),
    ("整改时限最长不超过30日。", [("时限最长不超过30日", WD, None, None, None, 30, None, None, "整改")], []),
    # (beside: a length closing its clause part is a target; a lateness is no limit)
    ("单次连续作业时间不超过2小时。", [], [("不超过2小时", 2, "小时", "单次连续作业时间", "<=", None, None)]),
    ("超过1小时未报告的，按迟报论处。", [], []),
]
UNITS = [
    ("厂界噪声昼间不超过60分贝。", [], [("不超过60分贝", 60, "分贝", "厂界噪声昼间", "<=", None, None)]),
    ("作业场所噪声强度不得超过85分贝。", [], [("不得超过85分贝", 85, "分贝", "作业场所噪声强度", "<=", None, None)]),
    ("声级计示值误差不大于0.5分贝。", [], [("不大于0.5分贝", 0.5, "分贝", "声级计示值误差", "<=", None, None)]),
    ("应急演练时长不少于30分钟。", [], [("不少于30分钟", 30, "分钟", "应急演练时长", ">=", None, None)]),
    ("城区消防站到场时间不超过5分钟。", [], [("不超过5分钟", 5, "分钟", "城区消防站到场时间", "<=", None, None)]),
    ("应急救援队伍接警后30分钟内到达现场。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "应急救援队伍接警后到达现场")], []),
    # (beside: a frequency, a reach, a duty rota: no comparator)
    ("每30分钟向指挥部报告一次水情。", [], []),
    ("县城区基本形成15分钟应急救援圈。", [], []),
    ("噪声监测每次持续20分钟。", [], []),
]
KNOWN_GAPS = WEEKLY + CYCLE_ENDS + NOT_EXCEEDING + UNITS


@pytest.mark.parametrize("text,deadlines,targets", KNOWN_GAPS, ids=_ids(KNOWN_GAPS))
def test_known_gaps_of_probe_12(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- a new user's probe: (text, deadlines, targets), the readings written before the code ran on them ------------
#: seasons, festivals and sessions
SEASONS = [
    ("各水库管理单位要在汛期前完成大坝安全鉴定。",
     [("汛期前", BE, None, None, None, None, "汛期", None, "各水库管理单位完成大坝安全鉴定")], []),
    ("春节前，各地要完成一轮烟花爆竹安全检查。",
     [("春节前", BE, None, None, None, None, "春节", None, "各地要完成一轮烟花爆竹安全检查")], []),
    ("国庆节前，各景区完成游乐设施安全检查。",
     [("国庆节前", BE, None, None, None, None, "国庆节", "2026-09-30", "各景区完成游乐设施安全检查")], []),
    ("入冬前完成供暖设施检修。", [("入冬前", BE, None, None, None, None, "入冬", None, "完成供暖设施检修")], []),
    ("主汛期前，完成山洪灾害危险区巡查。",
     [("主汛期前", BE, None, None, None, None, "主汛期", None, "完成山洪灾害危险区巡查")], []),
    ("各地于每年汛期前完成隐患排查。",
     [("每年汛期前", R, None, None, None, None, "每年汛期", None, "各地完成隐患排查")], []),
    ("2027年春节前，完成农村自建房安全隐患排查。",
     [("2027年春节前", BE, 2027, None, None, None, "春节", None, "完成农村自建房安全隐患排查")], []),
    ("两会期间，各地实行24小时值班。", [], []),
    ("全国两会期间严格落实领导带班制度。", [], []),
    ("春节前后，加强烟花爆竹安全监管。", [], []),
    ("开展汛前检查。", [], []),
]
#: quarters, half years, parts of months, year ends
PARTS_OF_THE_YEAR = [
    ("2027年一季度前完成全部验收。",
     [("2027年一季度前", P, 2027, 3, None, None, None, "2027-03-31", "完成全部验收")], []),
    ("二〇二七年第一季度完成规划编制。",
     [("二〇二七年第一季度", P, 2027, 3, None, None, None, "2027-03-31", "完成规划编制")], []),
    ("2027年上半年，各县区完成应急指挥平台建设。",
     [("2027年上半年", P, 2027, 6, None, None, None, "2027-06-30", "各县区完成应急指挥平台建设")], []),
    ("下半年开展“回头看”。", [("下半年", P, None, 12, None, None, None, "2026-12-31", "开展“回头看”")], []),
    ("各地要在2027年底前全面完成燃气管道老化更新改造。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "各地全面完成燃气管道老化更新改造")], []),
    ("年底前全面完成改造任务。", [("年底前", YE, None, None, None, None, None, "2026-12-31", "全面完成改造任务")], []),
    ("各县区要于6月上旬前完成自查。", [("6月上旬前", P, None, 6, 10, None, None, "2026-06-10", "各县区完成自查")], []),
    ("9月中旬，组织开展综合应急演练。", [("9月中旬", P, None, 9, 20, None, None, "2026-09-20", "组织开展综合应急演练")], []),
    ("11月底前，各地组织开展“回头看”。",
     [("11月底前", M, None, 11, None, None, None, "2026-11-30", "各地组织开展“回头看”")], []),
    ("今年10月底前完成全部整治任务。",
     [("今年10月底前", M, None, 10, None, None, None, "2026-10-31", "完成全部整治任务")], []),
    ("明年3月底前完成验收。", [("明年3月底前", M, 2027, 3, None, None, None, "2027-03-31", "完成验收")], []),
    ("各地须于2026年11月15日前将排查结果报市安委办。",
     [("2026年11月15日前", D, 2026, 11, 15, None, None, "2026-11-15", "各地将排查结果报市安委办")], []),
    ("各县（市、区）人民政府要于2027年6月底前完成辖区内隐患排查。",
     [("2027年6月底前", M, 2027, 6, None, None, None, "2027-06-30", "各县（市、区）人民政府完成辖区内隐患排查")], []),
    ("截至2025年底，全市共建成消防站20座。", [], []),
    ("听取一季度安全生产工作情况汇报。", [], []),
]
#: phases from now, phases named, start dates and validity
PHASES_AND_VALIDITY = [
    ("自即日起至2026年12月31日，在全省范围内开展燃气安全专项整治。",
     [("自即日起至2026年12月31日", P, 2026, 12, 31, None, None, "2026-12-31", "全省范围内开展燃气安全专项整治")], []),
    ("即日起至年底，开展安全生产大检查。",
     [("即日起至年底", P, None, 12, None, None, None, "2026-12-31", "开展安全生产大检查")], []),
    ("2027年3月1日至4月30日为自查自纠阶段。",
     [("2027年3月1日至4月30日", P, 2027, 4, 30, None, None, "2027-04-30", "自查自纠阶段")], []),
    ("集中整治阶段（2027年5月至9月）。",
     [("2027年5月至9月", P, 2027, 9, None, None, None, "2027-09-30", "集中整治阶段")], []),
    ("本办法自2027年3月1日起施行。",
     [("2027年3月1日起", F, 2027, 3, 1, None, None, "2027-03-01", "本办法施行")], []),
    ("本规定自2027年1月1日起施行，有效期5年。",
     [("2027年1月1日起", F, 2027, 1, 1, None, None, "2027-01-01", "本规定施行")], []),
    ("本通知自印发之日起施行，有效期至2029年12月31日。", [], []),
    ("本细则自发布之日起施行。", [], []),
    ("本办法有效期5年。", [], []),
    ("本实施方案有效期为三年。", [], []),
    ("证书有效期为3年。", [], []),
    ("有效期届满前3个月申请延续。",
     [("有效期届满前3个月", BE, None, None, None, None, "有效期届满", None, "申请延续")], []),
    ("本方案于2026年11月5日起草完成。", [], []),
]
#: lengths of time, in digits and Chinese numerals
LENGTHS = [
    ("三个月内完成整改。", [("三个月内", WM, None, None, None, 3, None, None, "完成整改")], []),
    ("两年内完成城镇燃气管网更新改造。",
     [("两年内", WY, None, None, None, 2, None, "2027-12-31", "完成城镇燃气管网更新改造")], []),
    ("在三年内全面完成改造。", [("三年内", WY, None, None, None, 3, None, "2028-12-31", "全面完成改造")], []),
    ("用三年时间，基本完成老旧小区消防设施改造。",
     [("用三年时间", WY, None, None, None, 3, None, "2028-12-31", "基本完成老旧小区消防设施改造")], []),
    ("整改期限为两个月。", [("期限为两个月", WM, None, None, None, 2, None, None, "整改")], []),
    ("整改期限一般不超过三个月。", [("期限一般不超过三个月", WM, None, None, None, 3, None, None, "整改")], []),
    ("请于收到本通知之日起10个工作日内反馈意见。",
     [("收到本通知之日起10个工作日内", WD, None, None, None, 10, None, None, "请反馈意见")], []),
    ("两年内新建消防站三座。",
     [("两年内", WY, None, None, None, 2, None, "2027-12-31", "新建消防站三座")],
     [("新建消防站三座", 3, "座", "新建消防站", "=", "新建", None)]),
    # (培训 before 时间 is the count's verb, what 培训时间: probes 10 and 11 pin that reading)
    ("新招录人员岗前培训时间不少于三个月。", [],
     [("培训时间不少于三个月", 3, "个月", "培训时间", ">=", "培训", None)]),
]
#: counts, rates and baselines
COUNTS = [
    ("每年开展应急演练不少于2次。", [],
     [("开展应急演练不少于2次", 2, "次", "开展应急演练", ">=", "开展", "年")]),
    ("每个企业至少配备1名专职安全生产管理人员。", [],
     [("至少配备1名专职安全生产管理人员", 1, "名", "专职安全生产管理人员", ">=", "配备", None)]),
    # (the comparator's object is the chunk before it, 全年 kept: probes 2, 3, 7 and 11 pin that reading)
    ("全年培训特种作业人员不少于5000人次。", [],
     [("不少于5000人次", 5000, "人次", "全年培训特种作业人员", ">=", None, None)]),
    ("重大危险源监控覆盖率达到100%。", [],
     [("重大危险源监控覆盖率达到100%", 100, "%", "重大危险源监控覆盖率", ">=", "达到", None)]),
    ("到2027年，企业安全生产标准化达标覆盖率达到100%。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "企业安全生产标准化达标覆盖率达到100%")],
     [("企业安全生产标准化达标覆盖率达到100%", 100, "%", "企业安全生产标准化达标覆盖率", ">=", "达到", None)]),
    ("生产安全事故起数同比下降10%以上。", [],
     [("生产安全事故起数同比下降10%以上", 10, "%", "生产安全事故起数", ">=", "同比下降", None)]),
    ("较大事故起数较2025年下降20%。", [],
     [("较大事故起数较2025年下降20%", 20, "%", "较大事故起数", "=", "较2025年下降", None)]),
    ("亿元地区生产总值生产安全事故死亡率较2025年下降33%以上。", [],
     [("亿元地区生产总值生产安全事故死亡率较2025年下降33%以上", 33, "%", "亿元地区生产总值生产安全事故死亡率", ">=",
       "较2025年下降", None)]),
    ("重点行业领域企业隐患整改率保持在98%以上。", [],
     [("重点行业领域企业隐患整改率保持在98%以上", 98, "%", "重点行业领域企业隐患整改率", ">=", "保持在", None)]),
    ("农村自建房安全隐患整治完成率达100%。", [],
     [("农村自建房安全隐患整治完成率达100%", 100, "%", "农村自建房安全隐患整治完成率", ">=", "达", None)]),
    ("重点车辆动态监控上线率不低于95%。", [],
     [("重点车辆动态监控上线率不低于95%", 95, "%", "重点车辆动态监控上线率", ">=", "不低于", None)]),
    ("各县（市、区）要新建应急避难场所2处以上。", [],
     [("新建应急避难场所2处以上", 2, "处", "新建应急避难场所", ">=", "新建", None)]),
    ("全市共有12个乡镇。", [], []),
]
#: money and ranges
MONEY_AND_RANGES = [
    ("市财政每年安排安全生产专项资金2000万元。", [],
     [("安排安全生产专项资金2000万元", 2000, "万元", "安排安全生产专项资金", "=", "安排", "年")]),
    ("省级财政下达补助资金1.5亿元。", [],
     [("下达补助资金1.5亿元", 1.5, "亿元", "下达补助资金", "=", "下达", None)]),
    ("自2027年起，每年安排专项资金500万元。",
     [("2027年起", F, 2027, None, None, None, None, "2027-01-01", "每年安排专项资金500万元")],
     [("安排专项资金500万元", 500, "万元", "安排专项资金", "=", "安排", "年")]),
    ("每个乡镇配备专职安全员3—5人。", [],
     [("配备专职安全员3—5人", 3, "人", "配备专职安全员", "between", "配备", None)]),
    ("各行政村配备2~3名网格安全员。", [],
     [("配备2~3名网格安全员", 2, "名", "网格安全员", "between", "配备", None)]),
    ("每个社区组建3—5人的应急救援队伍。", [],
     [("组建3—5人的应急救援队伍", 3, "人", "应急救援队伍", "between", "组建", None)]),
    ("事故造成直接经济损失约1.2亿元。", [], []),
    ("对违法企业处5万元以上10万元以下的罚款。", [], []),
]
#: numbers that are no field: articles, documents, standards, telephone numbers, dates of signing
NOT_FIELDS = [
    ("第十二条 生产经营单位应当建立安全风险分级管控制度。", [], []),
    ("依照本办法第十二条、第十五条规定执行。", [], []),
    ("根据市政府2号文件要求，开展专项检查。", [], []),
    ("依据《危险化学品企业特殊作业安全规范》（GB 30871-2022）开展作业。", [], []),
    ("GB 50016-2014《建筑设计防火规范》（2018年版）", [], []),
    ("发现火情立即拨打119报警。", [], []),
    ("110、119、120联动处置。", [], []),
    ("拨打12350安全生产举报热线。", [], []),
    ("举报电话：0351-12345678。", [], []),
    ("咨询电话：13912345678。", [], []),
    ("联系人：张某，电话：0351-4567890，传真：0351-4567891。", [], []),
    ("邮编：030001。", [], []),
    ("晋应急〔2027〕5号", [], []),
    ("根据《某某市人民政府关于进一步加强安全生产工作的通知》（某政发〔2027〕5号）精神，制定本方案。", [], []),
    ("依据《安全生产法》第九十五条规定予以处罚。", [], []),
    ("2026年12月1日", [], []),
    ("（2026年12月5日印发）", [], []),
    ("第2号公告", [], []),
]
NEW_USER = SEASONS + PARTS_OF_THE_YEAR + PHASES_AND_VALIDITY + LENGTHS + COUNTS + MONEY_AND_RANGES + NOT_FIELDS


@pytest.mark.parametrize("text,deadlines,targets", NEW_USER, ids=_ids(NEW_USER))
def test_new_user_probe(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- what the probe found: daily limits, percentage points, a holiday's qualifier, a day of this month --------------
FOUND = [
    # a daily limit with a time of day is recurring, as a weekly one is (每天 is 每日)
    ("各乡镇每日17时前报送当日巡查情况。",
     [("每日17时前", R, None, None, None, None, "每日", None, "各乡镇报送当日巡查情况")], []),
    ("值班室每天下班前汇总当日值班记录。",
     [("每天下班前", R, None, None, None, None, "每日", None, "值班室汇总当日值班记录")], []),
    ("每日上午10时前，各企业上报前一日风险监测数据。",
     [("每日上午10时前", R, None, None, None, None, "每日", None, "各企业上报前一日风险监测数据")], []),
    ("每天下班后关闭燃气阀门。", [], []),
    ("每天开展一次巡查。", [], [("开展一次巡查", 1, "次", "巡查", "=", "开展", "天")]),
    # a change in percentage points (个百分点) is a rate's, unit 百分点
    ("到2027年，安全生产标准化达标率提高5个百分点。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "安全生产标准化达标率提高5个百分点")],
     [("安全生产标准化达标率提高5个百分点", 5, "百分点", "安全生产标准化达标率", "=", "提高", None)]),
    ("事故死亡人数占比下降5个百分点以上。", [],
     [("事故死亡人数占比下降5个百分点以上", 5, "百分点", "事故死亡人数占比", ">=", "下降", None)]),
    ("重点企业在线监测覆盖率较2025年提高10个百分点。", [],
     [("重点企业在线监测覆盖率较2025年提高10个百分点", 10, "百分点", "重点企业在线监测覆盖率", "=", "较2025年提高", None)]),
    ("该指标与上年相比下降了2个百分点。", [], []),
    ("全市共发生事故12起，同比下降3.5个百分点。", [], []),
    # a holiday's qualifier is part of the phrase (重要节假日前 read the action 重开展安全检查: 要 cut from 重要)
    ("重要节假日前，开展安全检查。", [("重要节假日前", BE, None, None, None, None, "节假日", None, "开展安全检查")], []),
    ("法定节假日前，各单位组织开展一次安全检查。",
     [("法定节假日前", BE, None, None, None, None, "节假日", None, "各单位组织开展一次安全检查")], []),
    # an item number opening the clause is no part of an action borrowed from the chunk before a bare verb (it read
    # （三）县应急局要…，汇总上报)
    ("（三）县应急局要建立值班信息日报制度，每日17时前汇总上报。",
     [("每日17时前", R, None, None, None, None, "每日", None, "县应急局要建立值班信息日报制度，汇总上报")], []),
    ("2.各乡镇要开展燃气安全自查，6月底前完成。",
     [("6月底前", M, None, 6, None, None, None, "2026-06-30", "各乡镇要开展燃气安全自查，完成")], []),
    # a date with its weekday in brackets or a time of the day before 前 is a date (it was unread)
    ("请于11月30日（星期五）前报送自查报告。",
     [("11月30日（星期五）前", D, None, 11, 30, None, None, "2026-11-30", "请报送自查报告")], []),
    ("请各县区于12月20日下班前报送。", [("12月20日下班前", D, None, 12, 20, None, None, "2026-12-20", "请各县区报送")], []),
    ("各单位于12月5日12时前反馈意见。", [("12月5日12时前", D, None, 12, 5, None, None, "2026-12-05", "各单位反馈意见")], []),
    ("请于2026年12月20日17:00前将材料报送至市应急局。",
     [("2026年12月20日17:00前", D, 2026, 12, 20, None, None, "2026-12-20", "请将材料报送至市应急局")], []),
    ("11月30日（星期五）召开会议。", [], []),
    # a phase from a start date to its end: 自 and 止 are part of it (the action read 自止)
    ("自2027年1月1日起至12月31日止，开展专项行动。",
     [("自2027年1月1日起至12月31日止", P, 2027, 12, 31, None, None, "2027-12-31", "开展专项行动")], []),
    ("从2027年3月1日起至6月30日，在全县开展燃气安全排查。",
     [("从2027年3月1日起至6月30日", P, 2027, 6, 30, None, None, "2027-06-30", "全县开展燃气安全排查")], []),
    ("2027年3月1日至6月30日，在全县开展燃气安全排查。",
     [("2027年3月1日至6月30日", P, 2027, 6, 30, None, None, "2027-06-30", "全县开展燃气安全排查")], []),
    # a share of a base a rule sets is no share of what follows (it read 1.5%的标准提取安全生产费用, 1.5%的安全生产费用):
    # unread, as probe 10 pins 按照不低于…的比例 unread; a share with nothing between its comparator and figure, or none,
    # is read as before
    ("企业按照不低于营业收入1.5%的标准提取安全生产费用。", [], []),
    ("每年投入不低于年度营业收入1.5%的安全生产费用。", [], []),
    ("力争90%的化工园区达到较低安全风险等级。", [],
     [("90%的化工园区达到较低安全风险等级", 90, "%", "化工园区达到较低安全风险等级", "=", None, None)]),
    ("高危行业企业按期完成90%的整改任务。", [], [("完成90%的整改任务", 90, "%", "整改任务", "=", "完成", None)]),
    # an event in quotation marks is the event (“五一”前 was unread); 双节 (中秋 and 国庆) is an event
    ("各地要在“五一”前完成景区安全检查。",
     [("“五一”前", BE, None, None, None, None, "五一", "2026-04-30", "各地完成景区安全检查")], []),
    ("“双节”前，开展一次安全大检查。", [("“双节”前", BE, None, None, None, None, "双节", None, "开展一次安全大检查")], []),
    ("“两会”期间，加强值班值守。", [], []),
    ("做好“双节”前安全检查。", [], []),
    # a comparator before a share with no subject before it: the share is of what follows (it read 不少于90% with an
    # empty what)
    ("确保不少于90%的企业完成安全生产标准化建设。", [],
     [("不少于90%的企业完成安全生产标准化建设", 90, "%", "企业完成安全生产标准化建设", ">=", "不少于", None)]),
    ("力争不低于80%的乡镇建成应急消防站。", [],
     [("不低于80%的乡镇建成应急消防站", 80, "%", "乡镇建成应急消防站", ">=", "不低于", None)]),
    ("规模以上企业安全生产标准化达标率不低于90%。", [],
     [("规模以上企业安全生产标准化达标率不低于90%", 90, "%", "规模以上企业安全生产标准化达标率", ">=", "不低于", None)]),
    # a year before 前 closes a plan's horizon as 到2027年 does (by_end_of_year, due that year's 12-31; it was unread);
    # not 前三季度, 前后, 前期, nor a year before the notice's (a scope: 2020年前建成的…)
    ("2028年前完成全部改造。", [("2028年前", YE, 2028, None, None, None, None, "2028-12-31", "完成全部改造")], []),
    ("2027年前，全面淘汰老旧设备。", [("2027年前", YE, 2027, None, None, None, None, "2027-12-31", "全面淘汰老旧设备")], []),
    ("力争2030年以前全面完成城镇燃气管道更新改造。",
     [("2030年以前", YE, 2030, None, None, None, None, "2030-12-31", "全面完成城镇燃气管道更新改造")], []),
    ("2027年前三季度，全省共发生事故30起。", [], []),
    ("2020年前建成的老旧小区全部纳入改造范围。", [], []),
    ("2027年前后，将迎来设备更新高峰。", [], []),
    ("对2027年前期工作进行部署。", [], []),
    # a day of this month: the notice's month when its date is known (below), else none
    ("请于本月25日前报送。", [("本月25日前", D, None, None, 25, None, None, None, "请报送")], []),
]


@pytest.mark.parametrize("text,deadlines,targets", FOUND, ids=_ids(FOUND))
def test_what_the_probe_found(text, deadlines, targets):
    _check(text, deadlines, targets)


def test_a_day_of_this_month_is_in_the_notices_month_when_its_date_is_known():
    text = "请各县区于本月25日前报送自查报告。"
    [d] = extract_deadlines(text, Y, notice_date="2026-11-10")
    assert (d.text, d.kind, d.month, d.day, d.due, d.action) == ("本月25日前", D, 11, 25, "2026-11-25", "请各县区报送自查报告")
    assert extract_fields([text], [Y], ["2026-11-10"])[0][0] == [d]


# --- responsible agencies: remarks and keyed entries ---------------------------------------------------------------
AGENCIES = [
    ("开展燃气安全专项整治（牵头单位：市住建局；配合单位：市应急局、市市场监管局）",
     ["市住建局", "市应急局", "市市场监管局"]),
    ("开展燃气安全专项整治。牵头单位：市住建局；配合单位：市应急局、市市场监管局。",
     ["市住建局", "市应急局", "市市场监管局"]),
    ("加强消防安全管理（责任单位：各县（市、区）人民政府，市消防救援支队）",
     ["各县（市、区）人民政府", "市消防救援支队"]),
    ("落实企业主体责任（市应急局、市工信局、市住建局等按职责分工负责）", ["市应急局", "市工信局", "市住建局"]),
    ("（市应急局、市消防救援支队按职责分工负责）", ["市应急局", "市消防救援支队"]),
    ("（各县（市、区）人民政府负责）", ["各县（市、区）人民政府"]),
    ("整治道路运输安全隐患（责任单位：市交通运输局、市公安局交警支队；完成时限：2027年6月底前）",
     ["市交通运输局", "市公安局交警支队"]),
    # (a sentence's subject is no remark)
    ("各县（市、区）人民政府负责本辖区隐患排查。", []),
    ("没有备注的条款。", []),
    # the remark's second organ kept the verb after it (['市应急局', '各县（市、区）人民政府负责']; fixed by the lead
    # in corpus/segment.py's parse_agencies)
    ("开展执法检查（市应急局牵头，各县（市、区）人民政府负责落实）", ["市应急局", "各县（市、区）人民政府"]),
    # a 按职责分工负责 sentence without brackets closing a clause names its agencies as the remark does (read: []; fixed
    # by extract14 in inference/extract.py's extract_agencies)
    ("加强危险化学品运输管理。市应急局、市交通运输局按职责分工负责。", ["市应急局", "市交通运输局"]),
]


@pytest.mark.parametrize("text,want", AGENCIES, ids=_ids(AGENCIES))
def test_agencies(text, want):
    assert extract_agencies(text) == want


# --- the gates keep the new forms -------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from policytag.inference import extract as ex  # noqa: E402
from policytag.inference.extract import extract_targets  # noqa: E402

#: the pieces of the forms added here and their look-alikes
PIECES = ["每周", "每星期", "五", "一", "下班", "下午", "5", "17", "时", "点", "前", "之前", "后", "每季度", "每月", "每年度",
          "季度", "结束", "终了", "10", "日", "个工作日", "内", "不超过", "不得超过", "最长", "超过", "1", "小时", "分钟", "报告",
          "出动", "，", "。", "的", "以上", "未", "分贝", "噪声", "不少于", "时间", "起草", "2026年11月5日", "起", "每日", "每天",
          "上午", "本月", "25日", "重要", "节假日", "覆盖率", "提高", "个百分点", "了", "“", "”", "五一", "双节", "做好",
          "（星期五）", "12月20日", "17:00", "自", "至", "止", "按照", "不低于", "营业收入", "1.5%", "2027年", "以前", "前三季度", "前后"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_gates_never_drop_the_new_forms(text):
    """A text the new forms match passes every gate before its scan (the flags, the substring tests), and the
    batch reads what the one-text functions read."""
    flags = ex._text_flags([text], ex._batch_code_points([text]))[0]
    if ex.RE_NOT_EXCEEDING.search(text) or ex.RE_DEADLINE_WORDS.search(text) or ex.RE_YEAR_BEFORE.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text), text
    if ex.RE_YEAR_BEFORE.search(text):
        assert ex._may_have_year_before(text), text
    assert extract_fields([text], [Y]) == [(extract_deadlines(text, Y), extract_targets(text))]


def test_the_time_flag_holds_the_not_exceeding_limit():
    """不超过1小时报告 holds none of the other time words (月, 内, 前…): its 超 sets the flag the scan waits on."""
    text = "接警后不超过5分钟出动"
    assert ex._text_flags([text], ex._batch_code_points([text]))[0] & ex._FLAG_TIME
    assert extract_fields([text], [Y])[0][0] == extract_deadlines(text, Y) != []


def test_a_text_of_many_new_forms_reads_in_linear_time():
    """Each new form looks back a few characters only (每季度结束后, 不超过 before a limit; the weekly time of day):
    a text of 2,400 units takes about 16x the time of 150, not more than 40x."""
    from conftest import best_cpu_time

    unit = "每周五下班前报送，每季度结束后10日内报送，事故发生后不超过1小时内报告，接警后不超过5分钟出动，噪声不得超过85分贝；"
    small = max(best_cpu_time(lambda t: extract_deadlines(t, Y), unit * 150), 0.01)
    large = best_cpu_time(lambda t: extract_deadlines(t, Y), unit * 2400, repeat=2)
    assert large < 40 * small, (small, large)
    assert len(extract_deadlines(unit * 3, Y)) == 12
