"""Extraction probe 9: the known gaps of probe 8 (a horizon after its subject, a yearless range followed by
期间, a year a rule starts from, counts after a weak verb) and a new user's probe of dates, targets, Chinese
numerals and ranges in the wording of 工作要点, 专项整治方案, 应急预案, regulations and county bulletins.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* a plan's horizon after its subject (全市到2027年，…, 栖梧县到2028年…) is read as the one that opens its
  chunk (到2027年，全市…): the subject is a place or the whole of one (全市, 我区, 各乡镇, 栖梧县), nothing
  else before 到 (not 延长到2027年, 持续到2030年: a verb);
* a yearless range followed by 期间 (在3月1日至5月31日期间，…) is a phase, as its year-led form
  (2026年6月1日至8月31日期间) is; 期间 is no part of the action; not a season (每年6月1日至9月30日期间) nor
  a reporting period;
* a year a rule starts from (自2027年起, 从2027年开始, 2027年起，…) is ``effective_from`` (``month`` and
  ``day`` null, ``due`` its first day); its 自/从 is no part of the action, as for a day or month start; not
  起草/起火, a year range (2026年起至2028年), a past year, nor a start that names a thing (2027年开始的试点);
* a weak verb (开展, 组织, 组织开展, 检查) with its object and a count of occurrences closing the clause
  part (开展应急演练2次以上, 组织开展…执法检查3次以上) is a target, as it is with 每 or 至少; not in a
  sentence that reports (…检查4次，发现并督促整改…);
* a half year in days or months (半年内) is ``within_months`` (``period`` 6), not the year's end (年内);
* a day range before a limit (3至5个工作日内, 5—10日内) is one limit: ``period`` its outer end.

Every sentence is invented for this file (places and organs too); the readings were written down
before the code ran on them. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets

from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each

from extract_kinds import BE, D, F, M, P, R, WD, WM, WY, Y, YE  # the probes' one set of kind aliases


def _targets(text: str) -> list[tuple]:
    """(text, value, unit, what, comparator, verb, per) of each target; every span points at its text."""
    out = []
    for t in extract_targets(text):
        assert text[t.span[0]:t.span[1]] == t.text
        out.append((t.text, t.value, t.unit, t.what, t.comparator, t.verb, t.per))
    return out


def _fields_agree(text: str, year: int = Y) -> None:
    """The batch path (``extract_fields``) reads what the one-text functions read."""
    assert extract_fields([text], [year]) == [(extract_deadlines(text, year), extract_targets(text))]


def _ids(cases: list) -> list[str]:
    return [c[0][:14] for c in cases]


# --- a horizon after its subject ----------------------------------------------------------------------
HORIZONS = [
    ("全市到2027年，生产安全事故死亡人数下降15%。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全市生产安全事故死亡人数下降15%")]),
    ("栖梧县到2028年基本建成覆盖城乡的应急物资储备网络。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "栖梧县基本建成覆盖城乡的应急物资储备网络")]),
    ("全省到二〇三〇年，危险化学品重大危险源企业全部实现智能化管控。",
     [("二〇三〇年", YE, 2030, None, None, None, None, "2030-12-31", "全省危险化学品重大危险源企业全部实现智能化管控")]),
    ("（二）我区到2027年，建成区级应急指挥平台。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "我区建成区级应急指挥平台")]),
    ("各乡镇到2027年，全部配齐专职安全员。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "各乡镇全部配齐专职安全员")]),
    ("各县（市、区）到2028年，建成县级综合应急救援基地。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "各县（市、区）建成县级综合应急救援基地")]),
]
HORIZONS_BESIDE = [
    ("整治期限延长到2027年。", []),  # a verb before 到
    ("本轮规划持续到2030年，分三个阶段实施。", []),
    ("从2025年到2027年，全县每年组织一次综合演练。", []),  # a range of years
    ("全市到2024年已建成应急避难场所30处。", []),  # before the notice year, and reported
    ("到2027年，全市生产安全事故起数下降10%。",  # (read as before: 到 opens the chunk)
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全市生产安全事故起数下降10%")]),
]


@pytest.mark.parametrize("text,want", HORIZONS + HORIZONS_BESIDE, ids=_ids(HORIZONS + HORIZONS_BESIDE))
def test_horizons_after_their_subject(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


def test_a_horizon_after_its_subject_leaves_the_target_as_it_was():
    text = "全市到2027年，生产安全事故死亡人数下降15%。"
    assert _targets(text) == [("生产安全事故死亡人数下降15%", 15, "%", "生产安全事故死亡人数", "=", "下降", None)]


# --- a yearless range before 期间 ---------------------------------------------------------------------
RANGES = [
    ("在3月1日至5月31日期间，开展危险化学品运输车辆专项检查。",
     [("3月1日至5月31日", P, None, 5, 31, None, None, "2026-05-31", "开展危险化学品运输车辆专项检查")]),
    ("各县区要于4月15日至6月15日期间完成自查自纠。",
     [("4月15日至6月15日", P, None, 6, 15, None, None, "2026-06-15", "各县区完成自查自纠")]),
    ("2026年6月1日至8月31日期间，全市开展燃气安全“百日攻坚”行动。",
     [("2026年6月1日至8月31日", P, 2026, 8, 31, None, None, "2026-08-31", "全市开展燃气安全“百日攻坚”行动")]),
]
RANGES_BESIDE = [
    ("每年6月1日至9月30日期间为主汛期。", []),  # a season
    ("上年10月至12月期间，全县共查处违法行为56起。", []),  # a reporting period
    ("汛期（6月1日至9月30日期间），各水库实行24小时值守。", []),  # a season defined in passing
    ("5月至9月，开展矿山安全专项执法。",  # (read as before: a range that opens its sentence)
     [("5月至9月", P, None, 9, None, None, None, "2026-09-30", "开展矿山安全专项执法")]),
]


@pytest.mark.parametrize("text,want", RANGES + RANGES_BESIDE, ids=_ids(RANGES + RANGES_BESIDE))
def test_ranges_before_qijian(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- a year a rule starts from -------------------------------------------------------------------------
YEAR_STARTS = [
    ("自2027年起，全面推行企业安全生产标准化线上自评。",
     [("2027年起", F, 2027, None, None, None, None, "2027-01-01", "全面推行企业安全生产标准化线上自评")]),
    ("从2027年开始，各乡镇每年开展一次森林防火演练。",
     [("2027年开始", F, 2027, None, None, None, None, "2027-01-01", "各乡镇每年开展一次森林防火演练")]),
    ("本规定自2026年起施行。", [("2026年起", F, 2026, None, None, None, None, "2026-01-01", "本规定施行")]),
    ("全县从2027年起实行隐患排查“红黄绿”分级销号管理。",
     [("2027年起", F, 2027, None, None, None, None, "2027-01-01", "全县实行隐患排查“红黄绿”分级销号管理")]),
    ("2027年起，全市新建住宅小区同步建设电动自行车集中充电设施。",
     [("2027年起", F, 2027, None, None, None, None, "2027-01-01", "全市新建住宅小区同步建设电动自行车集中充电设施")]),
]
YEAR_STARTS_BESIDE = [
    ("2026年起草完成安全生产条例修订稿。", []),
    ("2026年起至2028年，分年度推进老旧管网改造。", []),  # a range of years
    ("自2020年起实施的旧标准同时废止。", []),  # a past year
    ("2027年开始的试点工作由市应急局统一部署。", []),  # a thing that starts, named
    ("企业因2026年起火事故被责令停产整顿。", []),
    ("自2026年7月1日起施行。", [("2026年7月1日起", F, 2026, 7, 1, None, None, "2026-07-01", "施行")]),  # (as before)
]


@pytest.mark.parametrize("text,want", YEAR_STARTS + YEAR_STARTS_BESIDE, ids=_ids(YEAR_STARTS + YEAR_STARTS_BESIDE))
def test_year_starts(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- counts after a weak verb -------------------------------------------------------------------------
WEAK_COUNTS = [
    ("全年组织开展危险化学品企业执法检查3次以上。",
     [("组织开展危险化学品企业执法检查3次以上", 3, "次", "组织开展危险化学品企业执法检查", ">=", "组织开展", None)]),
    ("开展应急演练2次以上。", [("开展应急演练2次以上", 2, "次", "开展应急演练", ">=", "开展", None)]),
    ("各乡镇开展地质灾害避险转移演练不少于1次。",
     [("开展地质灾害避险转移演练不少于1次", 1, "次", "开展地质灾害避险转移演练", ">=", "开展", None)]),
    ("组织企业主要负责人和安全管理人员培训不少于3000人次。",
     [("培训不少于3000人次", 3000, "人次", "企业主要负责人和安全管理人员培训", ">=", "培训", None)]),
    ("对辖区内危化品企业的抽查比例不低于10%。",
     [("辖区内危化品企业的抽查比例不低于10%", 10, "%", "辖区内危化品企业的抽查比例", ">=", "不低于", None)]),
]
WEAK_COUNTS_BESIDE = [
    ("县消防救援大队组织开展人员密集场所消防安全检查4次，发现并督促整改火灾隐患52处。", []),  # reports
    ("深入开展20个重点乡镇安全生产专项整治。", []),  # a scope
    ("县应急局共组织执法检查15次。", []),  # done
    ("开展为期3天的应急管理干部轮训。", []),  # a length, not a count
    ("每个乡镇每年开展森林火灾应急演练2次。",
     [("开展森林火灾应急演练2次", 2, "次", "开展森林火灾应急演练", "=", "开展", "年")]),
    ("县应急局每季度组织执法检查不少于2次。",
     [("组织执法检查不少于2次", 2, "次", "组织执法检查", ">=", "组织", "季度")]),
    ("全年培训基层安全员不少于2000人次。",
     [("培训基层安全员不少于2000人次", 2000, "人次", "培训基层安全员", ">=", "培训", None)]),
    ("随机抽查比例不低于5%。", [("随机抽查比例不低于5%", 5, "%", "随机抽查比例", ">=", "不低于", None)]),
]


@pytest.mark.parametrize("text,want", WEAK_COUNTS + WEAK_COUNTS_BESIDE, ids=_ids(WEAK_COUNTS + WEAK_COUNTS_BESIDE))
def test_counts_after_weak_verbs(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- a new user's probe: dates in every form ----------------------------------------------------------
DATES = [
    ("栖梧县应急管理局2026年6月底前完成全县加油站油气回收装置检测。",
     [("2026年6月底前", M, 2026, 6, None, None, None, "2026-06-30", "栖梧县应急管理局完成全县加油站油气回收装置检测")]),
    ("各乡镇6月30日前将自查报告报送县安委办。",
     [("6月30日前", D, None, 6, 30, None, None, "2026-06-30", "各乡镇将自查报告报送县安委办")]),
    ("年底前，全区完成所有老旧小区燃气报警器加装。",
     [("年底前", YE, None, None, None, None, None, "2026-12-31", "全区完成所有老旧小区燃气报警器加装")]),
    ("第三季度组织开展全市化工园区安全评估。",
     [("第三季度", P, None, 9, None, None, None, "2026-09-30", "组织开展全市化工园区安全评估")]),
    ("上半年完成重点行业领域安全风险辨识评估。",
     [("上半年", P, None, 6, None, None, None, "2026-06-30", "完成重点行业领域安全风险辨识评估")]),
    ("即日起至2026年9月30日，在全县范围内开展自建房安全专项整治。",
     [("即日起至2026年9月30日", P, 2026, 9, 30, None, None, "2026-09-30", "全县范围内开展自建房安全专项整治")]),
    ("本办法自2026年1月1日起施行。", [("2026年1月1日起", F, 2026, 1, 1, None, None, "2026-01-01", "本办法施行")]),
    ("雁塘区2026年12月31日前完成全部受限空间作业场所标识设置。",
     [("2026年12月31日前", D, 2026, 12, 31, None, None, "2026-12-31", "雁塘区完成全部受限空间作业场所标识设置")]),
    ("9月中旬前完成汛后检查。", [("9月中旬前", P, None, 9, 20, None, None, "2026-09-20", "完成汛后检查")]),
    ("每年11月30日前报送下一年度安全生产工作计划。",
     [("每年11月30日前", R, None, 11, 30, None, "每年", None, "报送下一年度安全生产工作计划")]),
    ("每月5日前报送上月隐患排查治理情况。",
     [("每月5日前", R, None, None, 5, None, "每月", None, "报送上月隐患排查治理情况")]),
    # (the next chunk as written, its 要 kept: probe 8's 元旦、春节前，各地要组织开展… reads so)
    ("春节前，各乡镇要完成烟花爆竹经营网点检查。",
     [("春节前", BE, None, None, None, None, "春节", None, "各乡镇要完成烟花爆竹经营网点检查")]),
    ("汛前完成全部病险水库除险加固。", [("汛前", BE, None, None, None, None, "汛期", None, "完成全部病险水库除险加固")]),
    ("2026年9月起，全市推行燃气用户安全“码上查”。",
     [("2026年9月起", F, 2026, 9, None, None, None, "2026-09-01", "全市推行燃气用户安全“码上查”")]),
    ("枫屿乡要在10月底前完成林区防火隔离带清理。",
     [("10月底前", M, None, 10, None, None, None, "2026-10-31", "枫屿乡完成林区防火隔离带清理")]),
    ("2026年第四季度完成全部验收。", [("2026年第四季度", P, 2026, 12, None, None, None, "2026-12-31", "完成全部验收")]),
    ("次年3月底前报送总结。", [("次年3月底前", M, 2027, 3, None, None, None, "2027-03-31", "报送总结")]),
    ("本市自2027年起全面实施电动自行车入户充电禁令。",
     [("2027年起", F, 2027, None, None, None, None, "2027-01-01", "本市全面实施电动自行车入户充电禁令")]),
    ("全市到2030年基本实现安全生产治理体系现代化。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31", "全市基本实现安全生产治理体系现代化")]),
    ("二〇二六年十一月三十日前完成冬季供暖设施安全检查。",
     [("二〇二六年十一月三十日前", D, 2026, 11, 30, None, None, "2026-11-30", "完成冬季供暖设施安全检查")]),
]
DATES_BESIDE = [
    ("每年6月至9月，对全市尾矿库开展巡查。", []),  # a season
    ("一季度全县共检查企业126家。", []),  # a reporting period
    ("上半年以来，全区安全生产形势平稳。", []),
    ("事故单位主要负责人10日内不得离开本地。", []),  # a ban period
    ("实行汛期24小时值班值守制度。", []),
    ("2025年12月底前已完成的整改项目不再重复验收。", []),  # a past year
    ("“十四五”期间，全县累计投入安全生产资金2.3亿元。", []),
]


@pytest.mark.parametrize("text,want", DATES + DATES_BESIDE, ids=_ids(DATES + DATES_BESIDE))
def test_dates_in_every_form(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- Chinese numerals and ranges in limits --------------------------------------------------------------
PERIODS = [
    ("三个月内完成整改。", [("三个月内", WM, None, None, None, 3, None, None, "完成整改")]),
    ("两年内实现全县规模以上工贸企业安全生产标准化达标全覆盖。",
     [("两年内", WY, None, None, None, 2, None, "2027-12-31", "实现全县规模以上工贸企业安全生产标准化达标全覆盖")]),
    ("企业接到整改通知后十五日内完成整改。",
     [("十五日内", WD, None, None, None, 15, None, None, "企业接到整改通知后完成整改")]),
    ("半年内完成全部隐患销号。", [("半年内", WM, None, None, None, 6, None, None, "完成全部隐患销号")]),
    ("受理申请后3至5个工作日内办结。", [("3至5个工作日内", WD, None, None, None, 5, None, None, "受理申请后办结")]),
    ("一般隐患5—10日内整改完毕。", [("5—10日内", WD, None, None, None, 10, None, None, "一般隐患整改完毕")]),
    ("市场监管部门应当在收到材料之日起20个工作日内作出决定。",
     [("收到材料之日起20个工作日内", WD, None, None, None, 20, None, None, "市场监管部门应当作出决定")]),
    ("一个月内完成自查。", [("一个月内", WM, None, None, None, 1, None, None, "完成自查")]),
    # (its 内 was left to the action: 内完成…)
    ("上半年内完成城区燃气管道隐患排查。", [("上半年内", P, None, 6, None, None, None, "2026-06-30", "完成城区燃气管道隐患排查")]),
]
PERIODS += [
    # a time a task is given (用三年时间…: a limit from now, as 三年内; 用 is part of the phrase)
    ("用三年时间，基本完成全县老旧燃气管网改造。",
     [("用三年时间", WY, None, None, None, 3, None, "2028-12-31", "基本完成全县老旧燃气管网改造")]),
    ("力争用2年左右时间，实现规上企业安全生产标准化全覆盖。",
     [("用2年左右时间", WY, None, None, None, 2, None, "2027-12-31", "实现规上企业安全生产标准化全覆盖")]),
    ("用一年时间完成全市瓶装液化石油气站点整合。",
     [("用一年时间", WY, None, None, None, 1, None, "2026-12-31", "完成全市瓶装液化石油气站点整合")]),
    ("用半年时间集中整治电动自行车违规充电。",
     [("用半年时间", WM, None, None, None, 6, None, None, "集中整治电动自行车违规充电")]),
    ("用3个月的时间开展“回头看”。", [("用3个月的时间", WM, None, None, None, 3, None, None, "开展“回头看”")]),
]
PERIODS_BESIDE = [
    ("停用时间超过3年的尾矿库要限期闭库。", []),  # a duration of disuse
    ("栖梧县用两年时间完成了全部农村危房改造。", []),  # reported
    ("利用节假日时间开展安全宣传。", []),
    ("年内完成全部隐患销号。", [("年内", "within_year", None, None, None, None, None, "2026-12-31", "完成全部隐患销号")]),
    ("5年内不得担任本行业生产经营单位的主要负责人。", []),  # a ban period
    ("3个月之内发生两起以上较大事故的，约谈主要负责人。", []),  # a condition
    ("上半年完成半年度安全检查。", [("上半年", P, None, 6, None, None, None, "2026-06-30", "完成半年度安全检查")]),
]


@pytest.mark.parametrize("text,want", PERIODS + PERIODS_BESIDE, ids=_ids(PERIODS + PERIODS_BESIDE))
def test_periods_in_numerals_and_ranges(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- targets and limits -------------------------------------------------------------------------------
TARGETS = [
    ("全年生产安全事故起数和死亡人数均下降10%以上。",
     [("下降10%以上", 10, "%", "全年生产安全事故起数和死亡人数", ">=", "下降", None)]),
    ("较大事故控制在2起以内。", [("较大事故控制在2起以内", 2, "起", "较大事故", "<=", "控制在", None)]),
    ("确保全年实现“零事故”。", [("“零事故”", 0, "", "事故", "=", "实现", None)]),
    ("企业一线作业人员单班作业人数不超过9人。",
     [("不超过9人", 9, "人", "企业一线作业人员单班作业人数", "<=", None, None)]),
    ("重点场所视频监控覆盖率达到100%。",
     [("重点场所视频监控覆盖率达到100%", 100, "%", "重点场所视频监控覆盖率", ">=", "达到", None)]),
    ("死亡人数控制在5人以内。", [("死亡人数控制在5人以内", 5, "人", "死亡人数", "<=", "控制在", None)]),
    ("建成区级应急物资储备库1个。", [("建成区级应急物资储备库1个", 1, "个", "建成区级应急物资储备库", "=", "建成", None)]),
    ("全县安全生产事故死亡人数比上年下降5%以上。",
     [("全县安全生产事故死亡人数比上年下降5%以上", 5, "%", "全县安全生产事故死亡人数", ">=", "比上年下降", None)]),
    ("亿元GDP生产安全事故死亡率控制在0.015以下。",
     [("亿元GDP生产安全事故死亡率控制在0.015以下", 0.015, "", "亿元GDP生产安全事故死亡率", "<=", "控制在", None)]),
    ("企业安全生产标准化达标率100%。", [("企业安全生产标准化达标率100%", 100, "%", "企业安全生产标准化达标率", "=", None, None)]),
    ("力争全年不发生较大及以上生产安全事故。",
     [("不发生较大及以上生产安全事故", 0, "", "较大及以上生产安全事故", "=", "力争", None)]),
    ("新建改造城区消防栓200个。", [("新建改造城区消防栓200个", 200, "个", "新建改造城区消防栓", "=", "新建改造", None)]),
    ("新增应急避难场所面积5万平方米。",
     [("新增应急避难场所面积5万平方米", 5, "万平方米", "新增应急避难场所面积", "=", "新增", None)]),
    ("每年至少组织两次综合应急演练。", [("至少组织两次综合应急演练", 2, "次", "综合应急演练", ">=", "组织", "年")]),
    ("配备专职安全员不少于两名。", [("配备专职安全员不少于两名", 2, "名", "配备专职安全员", ">=", "配备", None)]),
    ("县安委会每季度召开一次全体成员会议。", [("召开一次全体成员会议", 1, "次", "全体成员会议", "=", "召开", "季度")]),
    ("各企业每月至少开展一次全员安全培训。", [("至少开展一次全员安全培训", 1, "次", "全员安全培训", ">=", "开展", "月")]),
    # (其中, among them, is no part of the second subject)
    ("执法检查覆盖率不低于30%，其中重点企业抽查比例不低于50%。",
     [("执法检查覆盖率不低于30%", 30, "%", "执法检查覆盖率", ">=", "不低于", None),
      ("重点企业抽查比例不低于50%", 50, "%", "重点企业抽查比例", ">=", "不低于", None)]),
    ("全年事故起数控制在12起以内。", [("全年事故起数控制在12起以内", 12, "起", "全年事故起数", "<=", "控制在", None)]),
]
TARGETS_BESIDE = [
    ("实现安全生产“双下降”。", []),  # no figure written
    ("年底前实现乡镇应急救援队伍全覆盖。", []),  # no figure written
    ("全县有15年以上老旧电梯320台。", []),  # a scope
    ("处5万元以上10万元以下的罚款。", []),  # a fine
    ("对“零事故”班组给予表彰。", []),  # a name
    ("今年以来，全县共排查整治隐患1200余处。", []),  # reported
    ("举报电话：12350。", []),
    ("按照《安全生产法》第九十五条规定处理。", []),  # an ordinal
]


@pytest.mark.parametrize("text,want", TARGETS + TARGETS_BESIDE, ids=_ids(TARGETS + TARGETS_BESIDE))
def test_targets_and_limits(text, want):
    assert _targets(text) == want
    _fields_agree(text)


def test_a_range_of_people_is_between():
    [t] = extract_targets("每个村（社区）配备3—5名网格安全员。")
    assert (t.text, t.value, t.value_max, t.unit, t.what, t.comparator, t.verb) == (
        "配备3—5名网格安全员", 3, 5, "名", "网格安全员", "between", "配备")


# --- the gates keep the new forms -------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from policytag.inference import extract as ex  # noqa: E402

#: the pieces of the forms added here and their look-alikes
PIECES = ["到", "至", "全市", "各乡镇", "栖梧县", "延长", "自", "从", "2027", "2025", "二〇二七", "年", "起", "开始", "草", "的",
          "，", "。", " ", "半", "年内", "内", "之", "3", "5", "10", "—", "个", "工作", "日", "期间", "月", "1", "开展", "组织",
          "演练", "次", "人次", "以上", "不少于", "培训", "发现", "每年", "对", "比例", "不低于", "%", "上", "用", "时间", "左右", "三"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_gates_never_drop_the_new_forms(text):
    """A text one of the added forms matches passes every gate before its scan (the flag, the
    substring tests, ``_may_have_more``), and the batch reads what the one-text functions read."""
    flags = ex._text_flags([text], ex._batch_code_points([text]))[0]
    if ex.RE_DEADLINE_MORE.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text) and ex._may_have_more(text), text
    if ex.RE_YEAR_FROM.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text) and ex._may_have_year_from(text), text
    if ex.RE_USE_TIME.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text) and ex._may_have_use_time(text), text
    if ex.RE_COUNT_WEAK.search(text):
        assert flags & ex._FLAG_DIGIT and flags & ex._FLAG_COUNT and ex._COUNT_GATE.search(text), text
    assert extract_fields([text], [Y]) == [(extract_deadlines(text, Y), extract_targets(text))]


@pytest.mark.parametrize("text,want", [
    # (场次, 人次 of a weak verb give the scale of the work, probe 6; with a comparator or 以上 a commitment)
    ("组织开展燃气安全宣传活动不少于20场次。",
     [("组织开展燃气安全宣传活动不少于20场次", 20, "场次", "组织开展燃气安全宣传活动", ">=", "组织开展", None)]),
    ("组织开展燃气安全宣传活动20场次以上。",
     [("组织开展燃气安全宣传活动20场次以上", 20, "场次", "组织开展燃气安全宣传活动", ">=", "组织开展", None)]),
    ("组织开展燃气安全宣传活动20场次。", []),
    ("县安委办组织开展安全生产巡查3次。", [("组织开展安全生产巡查3次", 3, "次", "组织开展安全生产巡查", "=", "组织开展", None)]),
    ("县安委办组织开展了安全生产巡查3次。", []),  # done
])
def test_weak_counts_of_times_and_of_scale(text, want):
    assert _targets(text) == want
    _fields_agree(text)
