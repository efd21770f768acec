"""Extraction probe 15: a number inside a count's object (probe 14's strict xfail: 新建110千伏变电站2座) and a new user's
probe of deadline and target wording (汛期前 with a year, 次月5日前, 每季度末月20日前, 自…年度起, 2027年年内, 12月31日（含）前,
percentages with 以上/以内, money, counts of 家/处/人次/场次/批次, dates that are no limit).

Decisions: tests/data/extract15/EXPECTED.md (written before the code ran on these cases). Every sentence is invented
for this file. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import _number_span, extract_targets

from extract_kinds import BE, D, F, M, P, R, WD, WYR, YE, Y
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (the last probes' readers of the same fields)


def _check(text: str, deadlines: list, targets: list) -> None:
    assert (_deadlines(text, Y), _targets(text)) == (deadlines, targets)
    _fields_agree(text)


# --- 1. a number that counts nothing inside a count's object ----------------------------------------------------
SPEC_IN_OBJECT = [
    ("新建110千伏变电站2座。", [], [("新建110千伏变电站2座", 2, "座", "新建110千伏变电站", "=", "新建", None)]),
    ("建设5G基站30个。", [], [("建设5G基站30个", 30, "个", "建设5G基站", "=", "建设", None)]),
    ("更新2吨以上叉车15台。", [], [("更新2吨以上叉车15台", 15, "台", "更新2吨以上叉车", "=", "更新", None)]),
    ("配备2吨以上叉车15台。", [], [("配备2吨以上叉车15台", 15, "台", "配备2吨以上叉车", "=", "配备", None)]),
    ("新建1000吨级泊位3个。", [], [("新建1000吨级泊位3个", 3, "个", "新建1000吨级泊位", "=", "新建", None)]),
    ("改造35kV线路12公里。", [], [("改造35kV线路12公里", 12, "公里", "35kV线路", "=", "改造", None)]),
    # (the count's number written in the object too: its number is the one before its unit)
    ("建设5G基站5个。", [], [("建设5G基站5个", 5, "个", "建设5G基站", "=", "建设", None)]),
    ("新建1000吨级泊位1个。", [], [("新建1000吨级泊位1个", 1, "个", "新建1000吨级泊位", "=", "新建", None)]),
    # (unchanged: the object after the count; no count closing the part; an inner number that is a count itself)
    ("新建2座110千伏变电站。", [], [("新建2座110千伏变电站", 2, "座", "110千伏变电站", "=", "新建", None)]),
    ("新建110千伏变电站。", [], []),
    ("对2吨以上叉车开展专项检查。", [], []),
]


@pytest.mark.parametrize("text,deadlines,targets", SPEC_IN_OBJECT, ids=_ids(SPEC_IN_OBJECT))
def test_a_number_inside_the_object(text, deadlines, targets):
    _check(text, deadlines, targets)


@pytest.mark.parametrize("text", ["建设5G基站5个。", "新建1000吨级泊位1个。", "配备2吨以上叉车2台。", "较大以上事故起数比2025年下降20%。"])
def test_a_number_written_twice_is_read_where_its_unit_follows(text):
    # (the span two readings of one number share: the 5 of 5个, not of 5G; the 20 of 20%, not of 2025)
    for t in extract_targets(text):
        start, end = _number_span(text, t)
        assert text[start:end] == str(t.value) and text[end:].startswith(t.unit)


# --- 2. deadlines in new wording --------------------------------------------------------------------------------
DEADLINES = [
    ("各乡镇要于2027年汛期前完成山洪灾害危险区隐患排查。",
     [("2027年汛期前", BE, 2027, None, None, None, "汛期", None, "各乡镇完成山洪灾害危险区隐患排查")], []),
    ("各街道于次月5日前将上月燃气安全检查情况报区住建局。",
     [("次月5日前", R, None, None, 5, None, "次月", None, "各街道将上月燃气安全检查情况报区住建局")], []),
    ("每季度末，各乡镇将隐患整改台账报县安委办。",
     [("每季度末", R, None, None, None, None, "每季度", None, "各乡镇将隐患整改台账报县安委办")], []),
    ("各县（市、区）每季度末月20日前报送季度执法统计表。",
     [("每季度末月20日前", R, None, None, 20, None, "每季度末月", None, "各县（市、区）报送季度执法统计表")], []),
    ("各有关单位自本方案印发之日起30日内制定具体实施方案。",
     [("自本方案印发之日起30日内", WD, None, None, None, 30, None, None, "各有关单位制定具体实施方案")], []),
    ("自2027年度起，各乡镇每年组织开展防汛应急演练。",
     [("2027年度起", F, 2027, None, None, None, None, "2027-01-01", "各乡镇每年组织开展防汛应急演练")], []),
    ("2027年起，全县新建住宅小区全部配建电动自行车集中充电设施。",
     [("2027年起", F, 2027, None, None, None, None, "2027-01-01", "全县新建住宅小区全部配建电动自行车集中充电设施")], []),
    ("安全生产大排查工作长期坚持，常态化推进。", [], []),
    ("2027年年内完成全部危房改造。",
     [("2027年年内", WYR, 2027, None, None, None, None, "2027-12-31", "完成全部危房改造")], []),
    ("各地要在年内完成农村自建房安全隐患整治。",
     [("年内", WYR, None, None, None, None, None, "2026-12-31", "各地完成农村自建房安全隐患整治")], []),
    ("二季度末前完成全部燃气用户入户安检。",
     [("二季度末前", P, None, 6, None, None, None, "2026-06-30", "完成全部燃气用户入户安检")], []),
    ("各旅游景区须在国庆节前完成客运索道安全检测。",
     [("国庆节前", BE, None, None, None, None, "国庆节", "2026-09-30", "各旅游景区完成客运索道安全检测")], []),
    ("各单位于12月31日（含）前报送年度工作总结。",
     [("12月31日（含）前", D, None, 12, 31, None, None, "2026-12-31", "各单位报送年度工作总结")], []),
    ("请于2027年1月15日（含当日）前提交申报材料。",
     [("2027年1月15日（含当日）前", D, 2027, 1, 15, None, None, "2027-01-15", "请提交申报材料")], []),
    ("各乡镇于7月15日前完成排查、8月31日前完成整改。",
     [("7月15日前", D, None, 7, 15, None, None, "2026-07-15", "各乡镇完成排查"),
      ("8月31日前", D, None, 8, 31, None, None, "2026-08-31", "各乡镇完成整改")], []),
    ("2027年3月底前完成摸底，年底前全部完成改造。",
     [("2027年3月底前", M, 2027, 3, None, None, None, "2027-03-31", "完成摸底"),
      ("年底前", YE, None, None, None, None, None, "2027-12-31", "全部完成改造")], []),
    ("2026年以来，全县共排查整治隐患1200余项。", [], []),
    ("根据2024年修订的《中华人民共和国安全生产法》，制定本办法。", [], []),
    ("截至2026年10月底，全县已完成改造860户。", [], []),
]


@pytest.mark.parametrize("text,deadlines,targets", DEADLINES, ids=_ids(DEADLINES))
def test_deadlines_in_new_wording(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 3. targets in new wording ----------------------------------------------------------------------------------
TARGETS = [
    ("全年生产安全事故起数下降5%以上。", [],
     [("全年生产安全事故起数下降5%以上", 5, "%", "全年生产安全事故起数", ">=", "下降", None)]),
    ("较大以上事故起数比2025年下降20%以上。", [],
     [("较大以上事故起数比2025年下降20%以上", 20, "%", "较大以上事故起数", ">=", "比2025年下降", None)]),
    ("较大生产安全事故控制在3起以内。", [],
     [("较大生产安全事故控制在3起以内", 3, "起", "较大生产安全事故", "<=", "控制在", None)]),
    ("重大事故隐患整改率不低于95%。", [],
     [("重大事故隐患整改率不低于95%", 95, "%", "重大事故隐患整改率", ">=", "不低于", None)]),
    ("全年实现生产安全事故“零死亡”。", [],
     [("生产安全事故“零死亡”", 0, "", "生产安全事故死亡", "=", "实现", None)]),
    ("县财政安排专项资金1200万元，用于老旧燃气管网改造。", [],
     [("安排专项资金1200万元", 1200, "万元", "安排专项资金", "=", "安排", None)]),
    ("筹措资金2.5亿元用于应急避难场所建设。", [], [("筹措资金2.5亿元", 2.5, "亿元", "筹措资金", "=", "筹措", None)]),
    ("整治各类隐患点位120处。", [], [("整治各类隐患点位120处", 120, "处", "整治各类隐患点位", "=", "整治", None)]),
    ("培训企业主要负责人和安全管理人员3000人次。", [],
     [("培训企业主要负责人和安全管理人员3000人次", 3000, "人次", "培训企业主要负责人和安全管理人员", "=", "培训", None)]),
    ("开展应急演练不少于20场次。", [], [("开展应急演练不少于20场次", 20, "场次", "开展应急演练", ">=", "开展", None)]),
    ("完成电动自行车产品抽检50批次。", [],
     [("完成电动自行车产品抽检50批次", 50, "批次", "完成电动自行车产品抽检", "=", "完成", None)]),
    ("全县中小学校视频监控覆盖率达到100%。", [],
     [("全县中小学校视频监控覆盖率达到100%", 100, "%", "全县中小学校视频监控覆盖率", ">=", "达到", None)]),
    ("农村地区应急广播覆盖率达到95%以上。", [],
     [("农村地区应急广播覆盖率达到95%以上", 95, "%", "农村地区应急广播覆盖率", ">=", "达到", None)]),
]


@pytest.mark.parametrize("text,deadlines,targets", TARGETS, ids=_ids(TARGETS))
def test_targets_in_new_wording(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 4. a second round (written before the code ran on it, after the first fixes) ------------------------------
SECOND_ROUND = [
    ("建设10万立方米储气设施2座。", [], [("建设10万立方米储气设施2座", 2, "座", "建设10万立方米储气设施", "=", "建设", None)]),
    ("购置30米以上举高消防车4辆。", [], [("购置30米以上举高消防车4辆", 4, "辆", "购置30米以上举高消防车", "=", "购置", None)]),
    ("新建110千伏变电站2座、35千伏变电站5座。", [],
     [("新建110千伏变电站2座", 2, "座", "新建110千伏变电站", "=", "新建", None),
      ("35千伏变电站5座", 5, "座", "新建35千伏变电站", "=", "新建", None)]),
    ("配备2名以上专职安全员。", [], [("配备2名以上专职安全员", 2, "名", "专职安全员", ">=", "配备", None)]),
    ("每个乡镇配备专职安全员3—5人。", [], [("配备专职安全员3—5人", 3, "人", "配备专职安全员", "between", "配备", None)]),
    ("从2028年度开始，全面推行安全生产责任保险。",
     [("2028年度开始", F, 2028, None, None, None, None, "2028-01-01", "全面推行安全生产责任保险")], []),
    ("二〇二七年年内完成全部危房改造。",
     [("二〇二七年年内", WYR, 2027, None, None, None, None, "2027-12-31", "完成全部危房改造")], []),
    ("各单位于6月30日（含）之前报送半年工作总结。",
     [("6月30日（含）之前", D, None, 6, 30, None, None, "2026-06-30", "各单位报送半年工作总结")], []),
    ("各乡镇于每季末月25日前报送隐患排查台账。",
     [("每季末月25日前", R, None, None, 25, None, "每季末月", None, "各乡镇报送隐患排查台账")], []),
    ("2027年主汛期到来之前，完成病险水库除险加固。",
     [("2027年主汛期到来之前", BE, 2027, None, None, None, "主汛期", None, "完成病险水库除险加固")], []),
    ("安排应急救援专项资金1200万元用于装备购置。", [],
     [("安排应急救援专项资金1200万元", 1200, "万元", "安排应急救援专项资金", "=", "安排", None)]),
    ("落实配套资金800万元用来购置救援装备。", [], [("落实配套资金800万元", 800, "万元", "落实配套资金", "=", "落实", None)]),
    ("2025年底以来，全市累计整治隐患3600项。", [], []),
]


@pytest.mark.parametrize("text,deadlines,targets", SECOND_ROUND, ids=_ids(SECOND_ROUND))
def test_a_second_round(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 5. a third round (written before the code ran on it) ------------------------------------------------------
THIRD_ROUND = [
    ("新建110千伏及以上变电站2座。", [],
     [("新建110千伏及以上变电站2座", 2, "座", "新建110千伏及以上变电站", "=", "新建", None)]),
    ("更新改造3吨及以上叉车20台。", [],
     [("更新改造3吨及以上叉车20台", 20, "台", "更新改造3吨及以上叉车", "=", "更新改造", None)]),
    ("建设30万千瓦光伏电站1座。", [], [("建设30万千瓦光伏电站1座", 1, "座", "建设30万千瓦光伏电站", "=", "建设", None)]),
    ("于2027年6月底（含）前完成验收。",
     [("2027年6月底（含）前", M, 2027, 6, None, None, None, "2027-06-30", "完成验收")], []),
    ("各地于次年一季度完成上年度安全生产考核。",
     [("次年一季度", P, 2027, 3, None, None, None, "2027-03-31", "各地完成上年度安全生产考核")], []),
    ("各地于次年上半年完成评估。", [("次年上半年", P, 2027, 6, None, None, None, "2027-06-30", "各地完成评估")], []),
    ("明年底前完成全部老旧电梯更新。",
     [("明年底前", YE, 2027, None, None, None, None, "2027-12-31", "完成全部老旧电梯更新")], []),
    ("次年年底前完成复核。", [("次年年底前", YE, 2027, None, None, None, None, "2027-12-31", "完成复核")], []),
    # (a word ending in 明 before 年底: 写明, no next year)
    ("报告应写明年底前完成的事项。",
     [("年底前", YE, None, None, None, None, None, "2026-12-31", "报告应写明完成的事项")], []),
]


@pytest.mark.parametrize("text,deadlines,targets", THIRD_ROUND, ids=_ids(THIRD_ROUND))
def test_a_third_round(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 6. a fourth round: a rate given as a range (written before the code ran on it) -----------------------------
def _ranged(text: str) -> list[tuple]:
    """(text, value, value_max, unit, what, comparator, verb) of each target (the probes' tuple has no value_max)."""
    return [(t.text, t.value, t.value_max, t.unit, t.what, t.comparator, t.verb) for t in extract_targets(text)]


RATE_RANGES = [
    ("事故起数同比下降10%—15%。", [("事故起数同比下降10%—15%", 10, 15, "%", "事故起数", "between", "同比下降")]),
    ("较大事故起数下降10%至15%。", [("较大事故起数下降10%至15%", 10, 15, "%", "较大事故起数", "between", "下降")]),
    ("安全培训覆盖率达到90—95%。", [("安全培训覆盖率达到90—95%", 90, 95, "%", "安全培训覆盖率", "between", "达到")]),
    ("森林火灾受害率控制在0.8‰—0.9‰。",
     [("森林火灾受害率控制在0.8‰—0.9‰", 0.8, 0.9, "‰", "森林火灾受害率", "between", "控制在")]),
    ("达标率提高3—5个百分点。", [("达标率提高3—5个百分点", 3, 5, "百分点", "达标率", "between", "提高")]),
    # (no range: a comma after the rate)
    ("事故起数同比下降10%，下降幅度不低于全省平均水平。", [("事故起数同比下降10%", 10, None, "%", "事故起数", "=", "同比下降")]),
]


@pytest.mark.parametrize("text,want", RATE_RANGES, ids=_ids(RATE_RANGES))
def test_a_rate_given_as_a_range(text, want):
    assert _ranged(text) == want
    _fields_agree(text)


def test_a_year_closing_a_rates_subject_says_when():
    # (it read what 隐患整改率2026年; the text keeps the year as written)
    assert _ranged("隐患整改率2026年达到90%。") == [("隐患整改率2026年达到90%", 90, None, "%", "隐患整改率", ">=", "达到")]


#: a chunk that opens with a year (…，2027年达到95%; …，到2027年下降20%) took the year for its subject: the subject is
#: the last rate's in the sentence (found by the fourth round, fixed); with none, the year stays (as before)
YEAR_OPENS_THE_CHUNK = [
    ("隐患整改率2026年达到90%，2027年达到95%。",
     [("隐患整改率2026年达到90%", 90, None, "%", "隐患整改率", ">=", "达到"),
      ("2027年达到95%", 95, None, "%", "隐患整改率", ">=", "达到")]),
    ("事故起数同比下降10%，到2027年下降20%。",
     [("事故起数同比下降10%", 10, None, "%", "事故起数", "=", "同比下降"),
      ("到2027年下降20%", 20, None, "%", "事故起数", "=", "下降")]),
    ("万车死亡率控制在0.3，2027年控制在0.2。",
     [("万车死亡率控制在0.3", 0.3, None, "", "万车死亡率", "<=", "控制在"),
      ("2027年控制在0.2", 0.2, None, "", "万车死亡率", "<=", "控制在")]),
    # (not across a sentence; no earlier subject: the year, as before)
    ("事故起数同比下降10%。到2027年下降20%。",
     [("事故起数同比下降10%", 10, None, "%", "事故起数", "=", "同比下降"),
      ("到2027年下降20%", 20, None, "%", "到2027年", "=", "下降")]),
    ("2027年达到95%，2028年达到100%。",
     [("2027年达到95%", 95, None, "%", "2027年", ">=", "达到"), ("2028年达到100%", 100, None, "%", "2028年", ">=", "达到")]),
]


@pytest.mark.parametrize("text,want", YEAR_OPENS_THE_CHUNK, ids=_ids(YEAR_OPENS_THE_CHUNK))
def test_a_year_opening_a_rates_chunk_borrows_the_sentences_subject(text, want):
    assert _ranged(text) == want
    _fields_agree(text)
