"""Extraction probe 21: extract17's three gaps, read in general, and a probe of other governments' genres (预案 response
conditions and times, inspection campaigns, rectification lists, money, time spans, lunar and seasonal anchors, Chinese
numerals and full-width digits).

Decisions: tests/data/extract21/EXPECTED.md (written before the code ran on these cases). Every sentence is invented
for this file. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_deadlines

from extract_kinds import BE, F, H, M, MIN, P, R, WM, YE, Y  # noqa: F401 (R: the kinds as the other probes name them)
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (text, value, unit, what, comparator, verb, per) of each


def _check(text: str, deadlines: list, targets: list) -> None:
    assert (_deadlines(text, Y), _targets(text)) == (deadlines, targets)
    _fields_agree(text)


# --- 1a. events enumerated before one 前: quoted with no 、 between, and the lunar festivals ------------------------
# (“五一”“十一”前 read the second only, “五一” left in its action; 中秋、国庆前 likewise: 中秋 is a lunar festival, read only
# before its own 前)
SHARED_BEFORE = [
    ("“五一”“十一”前，各地开展安全检查。",
     [("“五一”", BE, None, None, None, None, "五一", "2026-04-30", "各地开展安全检查"),
      ("“十一”前", BE, None, None, None, None, "国庆", "2026-09-30", "各地开展安全检查")]),
    ("“五一”、“十一”前，各地开展安全检查。",
     [("“五一”", BE, None, None, None, None, "五一", "2026-04-30", "各地开展安全检查"),
      ("“十一”前", BE, None, None, None, None, "国庆", "2026-09-30", "各地开展安全检查")]),
    ("各景区要在“元旦”“春节”前完成游乐设施检修。",
     [("“元旦”", BE, None, None, None, None, "元旦", None, "各景区完成游乐设施检修"),
      ("“春节”前", BE, None, None, None, None, "春节", None, "各景区完成游乐设施检修")]),
    ("国庆、中秋前，各地完成客运索道安全检查。",
     [("国庆", BE, None, None, None, None, "国庆", "2026-09-30", "各地完成客运索道安全检查"),
      ("中秋前", BE, None, None, None, None, "中秋", None, "各地完成客运索道安全检查")]),
    ("端午、中秋节前，开展水上交通安全检查。",
     [("端午", BE, None, None, None, None, "端午", None, "开展水上交通安全检查"),
      ("中秋节前", BE, None, None, None, None, "中秋节", None, "开展水上交通安全检查")]),
    # (the first event's year holds for the events that share its 前, as a date's does: 国庆前 was due 2026-09-30)
    ("2027年元旦、国庆前，各地完成客运索道安全检查。",
     [("2027年元旦", BE, 2027, None, None, None, "元旦", None, "各地完成客运索道安全检查"),
      ("国庆前", BE, None, None, None, None, "国庆", "2027-09-30", "各地完成客运索道安全检查")]),
    ("2027年“五一”“十一”前，各景区完成游乐设施安全检测。",
     [("2027年“五一”", BE, 2027, None, None, None, "五一", "2027-04-30", "各景区完成游乐设施安全检测"),
      ("“十一”前", BE, None, None, None, None, "国庆", "2027-09-30", "各景区完成游乐设施安全检测")]),
    # (guards, read so on main: a kind of work, around the events, one event)
    ("做好“元旦”“春节”前安全检查。", []),
    ("做好元旦、春节前安全检查。", []),
    ("元旦、春节前后，加强值班值守。", []),
    ("“五一”前，各景区完成游乐设施安全检测。",
     [("“五一”前", BE, None, None, None, None, "五一", "2026-04-30", "各景区完成游乐设施安全检测")]),
    ("中秋节前，开展旅游景区安全检查。",
     [("中秋节前", BE, None, None, None, None, "中秋节", None, "开展旅游景区安全检查")]),
]


@pytest.mark.parametrize("text,deadlines", SHARED_BEFORE, ids=_ids(SHARED_BEFORE))
def test_events_share_one_before(text, deadlines):
    _check(text, deadlines, [])


# --- 1b. N%的 before a modal or an adverb: a class with no head noun, the predicate after it ---------------------------
SHARE_BEFORE_PREDICATE = [
    ("企业负债率约70%的要重点监管。", []),
    ("隐患整改率不足60%的一律约谈主要负责人。", []),
    ("占比30%以上的须逐一核查。", []),
    ("抽查合格率在90%以下的应当加大抽查频次。", []),
    # (guards: a share of a thing; 应急, 要求, 需求 are nouns)
    ("完成80%的隐患整改。", [("完成80%的隐患整改", 80, "%", "隐患整改", "=", "完成", None)]),
    ("覆盖80%的应急避难场所。", [("80%的应急避难场所", 80, "%", "应急避难场所", "=", None, None)]),
    ("满足80%的需求。", [("80%的需求", 80, "%", "需求", "=", None, None)]),
]


@pytest.mark.parametrize("text,targets", SHARE_BEFORE_PREDICATE, ids=_ids(SHARE_BEFORE_PREDICATE))
def test_a_share_before_a_predicate_is_a_scope(text, targets):
    _check(text, [], targets)


# --- 1c. 到 + a year closing the part after an action of its own: its deadline -------------------------------------
# (only a figure before it was read: 覆盖率达到90%到2027年; a verb that makes an organ is no organ's name:
# 建成区域应急救援中心到2028年 read as a subject, the next part its action)
HORIZON_AFTER_ACTION = [
    ("全面完成老旧管网改造到2027年，全部实现智能监测。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全面完成老旧管网改造")]),
    ("建成区域应急救援中心到2028年，实现县域全覆盖。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "建成区域应急救援中心")]),
    ("组建县级综合性应急救援队伍到2027年。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "组建县级综合性应急救援队伍")]),
    # (guards: a verb the year is the new end of; a topic before the year; a range of years; its subject)
    ("试点期限延长到2028年，其他政策不变。", []),
    ("将专项整治持续到2027年。", []),
    ("安全生产许可证有效期到2027年。", []),
    ("重大事故隐患到2027年，全部整改到位。", []),
    ("2026年到2027年，分两批实施。", []),
    ("市应急局到2027年，完成应急指挥平台升级。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "市应急局完成应急指挥平台升级")]),
]


@pytest.mark.parametrize("text,deadlines", HORIZON_AFTER_ACTION, ids=_ids(HORIZON_AFTER_ACTION))
def test_a_year_after_an_action_is_its_deadline(text, deadlines):
    _check(text, deadlines, [])


# --- 2. the probe's findings ------------------------------------------------------------------------------------------
FINDINGS = [
    # (a Chinese numeral does not start inside another: 改造提升二十处 read 10 with what 改造提升二; as in digits now)
    ("改造提升二十处。", [("改造提升二十处", 20, "处", "改造提升", "=", "改造", None)]),
    ("新建微型消防站三十五个。", [("新建微型消防站三十五个", 35, "个", "新建微型消防站", "=", "新建", None)]),
    # (投资 right before the amount a verb of funding moves is the money's name: it read verb 投资)
    ("省级下达中央预算内投资1.2亿元。", [("下达中央预算内投资1.2亿元", 1.2, "亿元", "下达中央预算内投资", "=", "下达", None)]),
    ("市财政拨付省级预算内投资3000万元。", [("拨付省级预算内投资3000万元", 3000, "万元", "拨付省级预算内投资", "=", "拨付", None)]),
    ("全年投资4亿元。", [("投资4亿元", 4, "亿元", "全年投资", "=", "投资", None)]),
    # (以上的 after 对/凡/单笔 + a verb bounds a class: 对单笔投资500万元以上的项目 read a target)
    ("对单笔投资500万元以上的项目实行重点监管。", []),
    ("对新建50户以上的住宅小区开展燃气安全评估。", []),
    ("配备2名以上的专职安全员。", [("配备2名以上的专职安全员", 2, "名", "专职安全员", ">=", "配备", None)]),
    # (a comparator between a verb of funding and its amount: the verb was lost)
    ("县级财政每年安排不少于500万元的安全生产专项经费。",
     [("安排不少于500万元的安全生产专项经费", 500, "万元", "安全生产专项经费", ">=", "安排", "年")]),
    ("各地落实不低于200万元的应急救援专项资金。",
     [("落实不低于200万元的应急救援专项资金", 200, "万元", "应急救援专项资金", ">=", "落实", None)]),
]


@pytest.mark.parametrize("text,targets", FINDINGS, ids=_ids(FINDINGS))
def test_the_probe_findings(text, targets):
    _check(text, [], targets)


# --- 3. the probe (EXPECTED.md; the readings as written before the run, two corrected: see EXPECTED.md) -------------
PROBE21 = [
    # --- 预案: response conditions are scopes, not targets; response times are limits
    ("发生造成3人以上10人以下死亡的生产安全事故，启动Ⅱ级响应。", [], []),
    ("直接经济损失1000万元以上5000万元以下的，由县指挥部启动Ⅲ级响应。", [], []),
    ("造成30人以上死亡或者1亿元以上直接经济损失的，为特别重大事故。", [], []),
    ("Ⅰ级响应启动后，县指挥部1小时内派出现场工作组。",
     [("1小时内", H, None, None, None, 1, None, None, "县指挥部派出现场工作组")], []),
    ("预警信息发布后30分钟内，各乡镇须将预警信息传达到村组。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "预警信息发布后各乡镇须将预警信息传达到村组")], []),
    ("造成直接经济损失100万元以上的火灾，事发地政府须于2小时内上报。",
     [("2小时内", H, None, None, None, 2, None, None, "事发地政府上报")], []),
    # --- inspection campaigns: frequencies and sampling shares
    ("每半年至少开展一次全覆盖检查。", [], [("至少开展一次全覆盖检查", 1, "次", "全覆盖检查", ">=", "开展", "半年")]),
    ("各乡镇对辖区企业抽查比例不低于10%。", [],
     [("各乡镇对辖区企业抽查比例不低于10%", 10, "%", "各乡镇对辖区企业抽查比例", ">=", "不低于", None)]),
    ("冬春季火灾防控期间，每周至少开展一次夜查。", [], [("至少开展一次夜查", 1, "次", "夜查", ">=", "开展", "周")]),
    ("全年检查企业不少于１２０家次。", [], [("检查企业不少于１２０家次", 120, "家次", "检查企业", ">=", "检查", None)]),
    ("专项检查为期3个月，自2027年3月1日起至5月31日止。",
     [("自2027年3月1日起至5月31日止", P, 2027, 5, 31, None, None, "2027-05-31", "专项检查为期3个月")], []),
    ("集中整治行动为期三个月。", [], []),
    ("整治工作为期3个月，分动员部署、集中整治、巩固提升三个阶段。", [], []),
    # --- rectification lists
    ("重大事故隐患整改率达到100%，一般隐患整改率不低于95%。", [],
     [("重大事故隐患整改率达到100%", 100, "%", "重大事故隐患整改率", ">=", "达到", None),
      ("一般隐患整改率不低于95%", 95, "%", "一般隐患整改率", ">=", "不低于", None)]),
    ("问题清单销号率达到90%以上。", [], [("问题清单销号率达到90%以上", 90, "%", "问题清单销号率", ">=", "达到", None)]),
    ("2027年6月底前，问题整改销号率达到100%。",
     [("2027年6月底前", M, 2027, 6, None, None, None, "2027-06-30", "问题整改销号率达到100%")],
     [("问题整改销号率达到100%", 100, "%", "问题整改销号率", ">=", "达到", None)]),
    ("对挂牌督办的12项重大隐患，2027年3月底前全部整改销号。",
     [("2027年3月底前", M, 2027, 3, None, None, None, "2027-03-31", "全部整改销号")], []),
    # --- money
    ("市财政安排专项资金2000万元，用于老旧小区燃气管道改造。", [],
     [("安排专项资金2000万元", 2000, "万元", "安排专项资金", "=", "安排", None)]),
    ("省级下达中央预算内投资1.2亿元。", [], [("下达中央预算内投资1.2亿元", 1.2, "亿元", "下达中央预算内投资", "=", "下达", None)]),
    ("对单笔投资500万元以上的项目实行重点监管。", [], []),
    ("对举报重大事故隐患的，给予1万元以上5万元以下奖励。", [], []),
    ("县级财政每年安排不少于500万元的安全生产专项经费。", [],
     [("安排不少于500万元的安全生产专项经费", 500, "万元", "安全生产专项经费", ">=", "安排", "年")]),
    # --- time spans: effective dates, validity, phases from now
    ("本办法自2027年3月1日起施行，有效期5年。",
     [("2027年3月1日起", F, 2027, 3, 1, None, None, "2027-03-01", "本办法施行")], []),
    ("本方案自印发之日起施行，有效期至2029年12月31日。", [], []),
    ("本规定有效期为5年，自2027年1月1日起施行。",
     [("2027年1月1日起", F, 2027, 1, 1, None, None, "2027-01-01", "施行")], []),
    ("即日起至12月31日，在全县开展燃气安全隐患排查整治。",
     [("即日起至12月31日", P, None, 12, 31, None, None, "2026-12-31", "全县开展燃气安全隐患排查整治")], []),
    ("自即日起至2027年2月28日，开展冬春季火灾防控专项行动。",
     [("自即日起至2027年2月28日", P, 2027, 2, 28, None, None, "2027-02-28", "开展冬春季火灾防控专项行动")], []),
    # --- lunar and seasonal anchors
    ("清明节前，各林区完成野外火源排查。",
     [("清明节前", BE, None, None, None, None, "清明节", None, "各林区完成野外火源排查")], []),
    ("春节前后，严格落实值班值守制度。", [], []),
    ("汛期到来前，完成全部病险水库除险加固。",
     [("汛期到来前", BE, None, None, None, None, "汛期", None, "完成全部病险水库除险加固")], []),
    ("冬春季森林防火期间，严禁野外用火。", [], []),
    ("入冬前，各乡镇完成农村取暖设施安全检查。",
     [("入冬前", BE, None, None, None, None, "入冬", None, "各乡镇完成农村取暖设施安全检查")], []),
    ("“元旦”“春节”前，各地开展烟花爆竹专项检查。",
     [("“元旦”", BE, None, None, None, None, "元旦", None, "各地开展烟花爆竹专项检查"),
      ("“春节”前", BE, None, None, None, None, "春节", None, "各地开展烟花爆竹专项检查")], []),
    ("中秋、国庆前，各景区完成游乐设施安全检测。",
     [("中秋", BE, None, None, None, None, "中秋", None, "各景区完成游乐设施安全检测"),
      ("国庆前", BE, None, None, None, None, "国庆", "2026-09-30", "各景区完成游乐设施安全检测")], []),
    # --- Chinese numerals and full-width digits in dates and counts
    ("二〇二七年十二月底前，完成全部整改。",
     [("二〇二七年十二月底前", M, 2027, 12, None, None, None, "2027-12-31", "完成全部整改")], []),
    ("各乡镇于２０２７年１２月１５日前报送整改报告。",
     [("２０２７年１２月１５日前", "by_date", 2027, 12, 15, None, None, "2027-12-15", "各乡镇报送整改报告")], []),
    ("１２月底前完成“回头看”。", [("１２月底前", M, None, 12, None, None, None, "2026-12-31", "完成“回头看”")], []),
    ("二〇二七年一季度完成验收。", [("二〇二七年一季度", P, 2027, 3, None, None, None, "2027-03-31", "完成验收")], []),
    ("２０２７年底前，全县重大事故隐患整改率达到１００％。",
     [("２０２７年底前", YE, 2027, None, None, None, None, "2027-12-31", "全县重大事故隐患整改率达到100%")],
     [("全县重大事故隐患整改率达到１００％", 100, "%", "全县重大事故隐患整改率", ">=", "达到", None)]),
    ("到二〇二八年，全市安全生产标准化达标率达到95%。",
     [("二〇二八年", YE, 2028, None, None, None, None, "2028-12-31", "全市安全生产标准化达标率达到95%")],
     [("全市安全生产标准化达标率达到95%", 95, "%", "全市安全生产标准化达标率", ">=", "达到", None)]),
    ("新建应急避难场所十五处，改造提升二十处。", [],
     [("新建应急避难场所十五处", 15, "处", "新建应急避难场所", "=", "新建", None),
      ("改造提升二十处", 20, "处", "改造提升", "=", "改造", None)]),
    ("每年汛期结束后1个月内，各水库管理单位报送度汛总结。",
     [("1个月内", WM, None, None, None, 1, None, None, "每年汛期结束后各水库管理单位报送度汛总结")], []),
]


@pytest.mark.parametrize("text,deadlines,targets", PROBE21, ids=_ids(PROBE21))
def test_the_probe_reads_as_expected(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 4. an item number opening the clause: outline numbers, circled digits, 一是 (_ENUM_LEAD) -----------------------
# (1.2 and ① were left in the action; 3.1 before a subject hid the horizon after it; not a decimal with its unit)
ITEM_NUMBERS = [
    ("1.2 2027年底前，完成隐患整改。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "完成隐患整改")], []),
    ("3.1市应急局到2027年，完成应急指挥平台升级。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "市应急局完成应急指挥平台升级")], []),
    ("4.2.1各乡镇于2027年6月底前完成自查。",
     [("2027年6月底前", M, 2027, 6, None, None, None, "2027-06-30", "各乡镇完成自查")], []),
    ("①2027年6月底前，完成自查。", [("2027年6月底前", M, 2027, 6, None, None, None, "2027-06-30", "完成自查")], []),
    ("⑵2027年底前，完成隐患整改。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "完成隐患整改")], []),
    ("一是2027年底前，完成隐患整改。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "完成隐患整改")], []),
    ("4.1.2使用中的气瓶与灶具之间的距离不应小于0.5米。", [],
     [("不应小于0.5米", 0.5, "米", "使用中的气瓶与灶具之间的距离", ">=", None, None)]),
    # (guards: a decimal with its unit opens no outline number; 是否)
    ("1.5万元以上的项目2027年底前，完成竣工验收。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "1.5万元以上的项目完成竣工验收")], []),
    ("（三）2027年底前，完成隐患整改。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "完成隐患整改")], []),
]


@pytest.mark.parametrize("text,deadlines,targets", ITEM_NUMBERS, ids=_ids(ITEM_NUMBERS))
def test_an_item_number_is_no_part_of_the_action(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 5. 应 ending a word is no modal the action ends in (启动响应 read 启动响) ------------------------------------------
RESPONSE = [
    ("3.5级以上地震发生后1小时内，县指挥部启动响应。",
     [("1小时内", H, None, None, None, 1, None, None, "3.5级以上地震发生后县指挥部启动响应")]),
    ("接报后30分钟内启动应急响应。", [("30分钟内", MIN, None, None, None, 30, None, None, "接报后启动应急响应")]),
    ("2027年底前，全面保障应急物资供应。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "全面保障应急物资供应")]),
]


@pytest.mark.parametrize("text,deadlines", RESPONSE, ids=_ids(RESPONSE))
def test_a_word_ending_in_ying_keeps_it(text, deadlines):
    _check(text, deadlines, [])
