"""Deadlines and targets in the wording other governments use (probe 3), each read by a general
rule, with look-alikes that must stay unread. Every sentence here is written for this test (invented
places and organs); the expected readings were written down before the code ran on them.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* 元月 is January; a year, month and day may be written in Chinese digits (二〇二七年六月三十日) or
  full-width digits (２０２７年６月３０日), read as ASCII one character for one (spans unchanged);
* a named period of the calendar is due at its end (``by_end_of_period``): a quarter (第一季度,
  一季度末, 2027年第二季度 -> 03-31, 06-30), a half year (上半年 06-30, 下半年 12-31), a part of a
  month (上旬 the 10th, 中旬 the 20th, 下旬 the month's end), a phase from now (即日起至6月30日) and a
  month range without a year that opens its sentence (5月至9月，开展…);
* a holiday is an event (``before_event``, due null), except the fixed-date ones (国庆 -> 09-30,
  五一 -> 04-30 of the notice year); 汛前 and 入汛前 are before the 汛期; 两会期间 and a bare
  主汛期 are windows, not limits;
* a recurring deadline (每月5日前, 每季度末, 每年12月20日前) is ``recurring``: ``event`` holds the
  cycle (每月, 每季度, 每年), ``month``/``day`` the point in it, ``due`` null (no one date);
* 次年 (翌年, 明年) is the notice year + 1, written into ``year`` when the notice year is known;
* a relative limit in days is ``within_days`` (自本通知印发之日起30日内, 15个工作日内; ``period``),
  ``整改期限为3个月`` is ``within_months``;
* targets: 起 is a unit (较大事故控制在3起以内, 不超过5起); 同比/比上年 belong to the verb (同比下降), not the
  subject; 达 is a rate verb (覆盖率达100%); a rate written right after its noun is a target (覆盖率100%,
  comparator =); zero is a target (生产安全事故零死亡: value 0, unit "", what 生产安全事故死亡; 重特大事故零发生:
  what 重特大事故), not in a name (零事故班组, “零事故”单位) nor 零容忍; a subject stops after an enumerated
  figure (下降5%、死亡人数下降8%); a number after 第 is an ordinal; a sentence that reports figures
  (共发生, 累计, 截至, 已完成, 同比分别) sets no target.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_agencies, extract_deadlines, extract_fields, extract_targets

from test_extract_probe2 import _targets  # one reading of a target for every probe

Y = 2027


def _deadlines(text, year=Y):
    out = []
    for d in extract_deadlines(text, year):
        assert text[d.span[0]:d.span[1]] == d.text
        out.append((d.text, d.kind, d.year, d.month, d.day, d.period, d.event, d.due, d.action))
    return out


P = "by_end_of_period"


@pytest.mark.parametrize("text,want", [
    # 元月
    ("2027年元月5日前，各区完成年度考核自评。",
     [("2027年元月5日前", "by_date", 2027, 1, 5, None, None, "2027-01-05", "各区完成年度考核自评")]),
    ("元月底前报送整改方案。", [("元月底前", "by_end_of_month", None, 1, None, None, None, "2027-01-31", "报送整改方案")]),
    # parts of a month
    ("6月上旬前完成方案编制，6月中旬组织专家评审，6月下旬前全面推开。",
     [("6月上旬前", P, None, 6, 10, None, None, "2027-06-10", "完成方案编制"),
      ("6月中旬", P, None, 6, 20, None, None, "2027-06-20", "组织专家评审"),
      ("6月下旬前", P, None, 6, None, None, None, "2027-06-30", "全面推开")]),
    # quarters and half years
    ("第一季度完成辖区内尾矿库隐患排查。",
     [("第一季度", P, None, 3, None, None, None, "2027-03-31", "完成辖区内尾矿库隐患排查")]),
    ("各街道一季度末前上报自查报告。", [("一季度末前", P, None, 3, None, None, None, "2027-03-31", "各街道上报自查报告")]),
    ("上半年完成全部液化气站点的整治，下半年开展“回头看”。",
     [("上半年", P, None, 6, None, None, None, "2027-06-30", "完成全部液化气站点的整治"),
      ("下半年", P, None, 12, None, None, None, "2027-12-31", "开展“回头看”")]),
    ("2027年第二季度，开展城镇燃气专项督导。",
     [("2027年第二季度", P, 2027, 6, None, None, None, "2027-06-30", "开展城镇燃气专项督导")]),
    # year ends (as before, pinned beside the rest)
    ("年底前完成隐患整改。", [("年底前", "by_end_of_year", None, None, None, None, None, "2027-12-31", "完成隐患整改")]),
    # the flood season and holidays
    ("汛前完成病险水库除险加固。", [("汛前", "before_event", None, None, None, None, "汛期", None, "完成病险水库除险加固")]),
    ("入汛前完成城区排涝泵站检修。", [("入汛前", "before_event", None, None, None, None, "汛期", None, "完成城区排涝泵站检修")]),
    ("主汛期前完成堤防巡查队伍组建。",
     [("主汛期前", "before_event", None, None, None, None, "主汛期", None, "完成堤防巡查队伍组建")]),
    ("春节前完成烟花爆竹经营网点检查。",
     [("春节前", "before_event", None, None, None, None, "春节", None, "完成烟花爆竹经营网点检查")]),
    ("国庆节前完成大型游乐设施安全检验。",
     [("国庆节前", "before_event", None, None, None, None, "国庆节", "2027-09-30", "完成大型游乐设施安全检验")]),
    ("五一前完成景区索道安全评估。",
     [("五一前", "before_event", None, None, None, None, "五一", "2027-04-30", "完成景区索道安全评估")]),
    # a phase from now
    ("即日起至2027年6月30日，在全区开展燃气安全专项整治。",
     [("即日起至2027年6月30日", P, 2027, 6, 30, None, None, "2027-06-30", "全区开展燃气安全专项整治")]),
    ("自即日起至9月底，开展电动自行车消防安全整治。",
     [("自即日起至9月底", P, None, 9, None, None, None, "2027-09-30", "开展电动自行车消防安全整治")]),
    # recurring
    ("各镇每月5日前报送上月隐患排查情况。",
     [("每月5日前", "recurring", None, None, 5, None, "每月", None, "各镇报送上月隐患排查情况")]),
    ("每季度末前报送执法检查统计表。",
     [("每季度末前", "recurring", None, None, None, None, "每季度", None, "报送执法检查统计表")]),
    ("每年12月20日前报送年度工作总结。",
     [("每年12月20日前", "recurring", None, 12, 20, None, "每年", None, "报送年度工作总结")]),
    ("企业每年汛前至少组织一次透水事故应急演练。",
     [("每年汛前", "recurring", None, None, None, None, "每年汛期", None, "企业至少组织一次透水事故应急演练")]),
    # the next year
    ("次年1月10日前报送年度考核材料。",
     [("次年1月10日前", "by_date", 2028, 1, 10, None, None, "2028-01-10", "报送年度考核材料")]),
    # a month range opening its sentence
    ("5月至9月，开展道路交通安全百日攻坚行动。",
     [("5月至9月", P, None, 9, None, None, None, "2027-09-30", "开展道路交通安全百日攻坚行动")]),
    # two deadlines, each with its own action
    ("9月30日前完成排查，12月31日前全面完成整改。",
     [("9月30日前", "by_date", None, 9, 30, None, None, "2027-09-30", "完成排查"),
      ("12月31日前", "by_date", None, 12, 31, None, None, "2027-12-31", "全面完成整改")]),
    # keyed and bracketed time limits
    ("开展燃气安全排查（责任单位：区住建局；时限：2027年6月底前）",
     [("2027年6月底前", "by_end_of_month", 2027, 6, None, None, None, "2027-06-30", "开展燃气安全排查")]),
    ("完成老旧管网改造（2027年6月底前）",
     [("2027年6月底前", "by_end_of_month", 2027, 6, None, None, None, "2027-06-30", "完成老旧管网改造")]),
    # full-width and Chinese digits
    ("２０２７年６月３０日前完成验收。",
     [("２０２７年６月３０日前", "by_date", 2027, 6, 30, None, None, "2027-06-30", "完成验收")]),
    ("二〇二七年六月三十日前完成验收。",
     [("二〇二七年六月三十日前", "by_date", 2027, 6, 30, None, None, "2027-06-30", "完成验收")]),
    # relative limits
    ("自本通知印发之日起30日内，各单位完成自查。",
     [("自本通知印发之日起30日内", "within_days", None, None, None, 30, None, None, "各单位完成自查")]),
    ("对发现的问题建立台账，整改期限为3个月。",
     [("期限为3个月", "within_months", None, None, None, 3, None, None, "整改")]),
])
def test_deadlines_in_other_wordings(text, want):
    assert _deadlines(text) == want


@pytest.mark.parametrize("text", [
    "第一季度全区共发生生产安全事故3起。",  # a reporting period
    "上半年以来，全市安全生产形势总体平稳。",
    "每年5月至9月为汛期。",  # a season
    "6月至9月为主汛期，各地落实24小时值班。",  # a definition, not a phase
    "主汛期加强水库巡查值守。",  # a window, not a limit
    "两会期间加强重点场所安全检查。",
    "事故发生后，事发单位负责人10日内不得出境。",  # a ban period
    "县安委会听取全县一季度安全生产工作情况汇报，研究部署下半年重点工作。",  # periods named in passing
    "各乡镇要对地质灾害隐患点开展汛前排查，做好春节前安全检查。",  # kinds of work
    "春节前后集中开展烟花爆竹专项整治。",  # around, not before
])
def test_periods_that_are_not_limits(text):
    assert _deadlines(text) == []


def test_the_next_year_needs_the_notice_year():
    [d] = extract_deadlines("次年1月底前报送。")
    assert (d.kind, d.year, d.month, d.due) == ("by_end_of_month", None, 1, None)


def test_the_batch_path_agrees_on_the_new_forms():
    texts = ["各镇每月5日前报送上月隐患排查情况。", "２０２７年６月３０日前完成验收。", "第一季度完成辖区内尾矿库隐患排查。",
             "对发现的问题建立台账，整改期限为3个月。", "汛前完成病险水库除险加固。"]
    got = extract_fields(texts, [Y] * len(texts))
    assert got == [(extract_deadlines(t, Y), extract_targets(t)) for t in texts]
    assert all(deadlines for deadlines, _ in got)


@pytest.mark.parametrize("text,want", [
    ("全市生产安全事故起数同比下降10%以上。",
     [("全市生产安全事故起数同比下降10%以上", 10, "%", "全市生产安全事故起数", ">=", "同比下降")]),
    ("较大事故控制在3起以内。", [("较大事故控制在3起以内", 3, "起", "较大事故", "<=", "控制在")]),
    ("力争实现生产安全事故零死亡。", [("生产安全事故零死亡", 0, "", "生产安全事故死亡", "=", "实现")]),
    ("确保重特大事故零发生。", [("重特大事故零发生", 0, "", "重特大事故", "=", "确保")]),
    ("力争实现较大事故“零发生”。", [("较大事故“零发生”", 0, "", "较大事故", "=", "实现")]),
    ("乡镇专职消防队标准化建设达标率100%。", [("乡镇专职消防队标准化建设达标率100%", 100, "%", "乡镇专职消防队标准化建设达标率", "=", None)]),
    ("较大事故起数不超过5起。", [("不超过5起", 5, "起", "较大事故起数", "<=", None)]),
    ("重点场所视频监控覆盖率100%。", [("重点场所视频监控覆盖率100%", 100, "%", "重点场所视频监控覆盖率", "=", None)]),
    ("重点场所视频监控覆盖率达100%。", [("重点场所视频监控覆盖率达100%", 100, "%", "重点场所视频监控覆盖率", ">=", "达")]),
    ("培育安全生产标准化一级企业10家以上。",
     [("培育安全生产标准化一级企业10家以上", 10, "家", "培育安全生产标准化一级企业", ">=", "培育")]),
    ("道路交通万车死亡率控制在1.5以下。", [("道路交通万车死亡率控制在1.5以下", 1.5, "", "道路交通万车死亡率", "<=", "控制在")]),
    ("全年事故起数下降5%、死亡人数下降8%，较大事故不超过2起。",
     [("全年事故起数下降5%", 5, "%", "全年事故起数", "=", "下降"),
      ("死亡人数下降8%", 8, "%", "死亡人数", "=", "下降"),
      ("不超过2起", 2, "起", "较大事故", "<=", None)]),
    ("规模以上企业安全生产标准化达标率达到80%以上。",  # as before
     [("规模以上企业安全生产标准化达标率达到80%以上", 80, "%", "规模以上企业安全生产标准化达标率", ">=", "达到")]),
    ("城镇燃气用户安全检查覆盖率达到100%，", [("城镇燃气用户安全检查覆盖率达到100%", 100, "%", "城镇燃气用户安全检查覆盖率", ">=", "达到")]),
    ("２０２７年底前隐患整改率达到１００％。",
     [("隐患整改率达到１００％", 100, "%", "隐患整改率", ">=", "达到")]),
])
def test_targets_in_other_wordings(text, want):
    assert _targets(text) == want


@pytest.mark.parametrize("text", [
    "1至9月，全市共发生生产安全事故12起、死亡15人，同比分别下降20%和25%。",  # a bulletin's figures
    "截至10月底，已完成隐患整改率达到95%。",
    "完成第12条规定的整改事项。",  # an article number
    "按照《关于开展燃气安全排查的通知》（宁安委〔2027〕3号）要求完成自查。",  # a document number
    "畅通12350安全生产举报热线，举报电话0571-12345678。",
    "坚持对重大隐患零容忍。",
    "开展零事故班组创建活动。",
    "扎实开展“零违章、零隐患、零事故”活动。",  # a quoted campaign name
    "以“零事故”单位创建为抓手，夯实安全基础。",
])
def test_numbers_that_are_not_targets(text):
    assert _targets(text) == []


def test_the_batch_path_agrees_on_the_new_targets():
    texts = ["各镇每月5日前报送上月隐患排查情况。", "确保重特大事故零发生。", "２０２７年６月３０日前完成验收。",
             "第一季度完成辖区内尾矿库隐患排查。", "较大事故控制在3起以内。"]
    got = extract_fields(texts, [Y] * len(texts))
    assert got == [(extract_deadlines(t, Y), extract_targets(t)) for t in texts]
    assert got[1][1] and got[2][0] and got[4][1]


@pytest.mark.parametrize("text,want", [
    ("开展燃气安全排查（牵头单位：市应急局；责任单位：各县（市、区）人民政府）", ["市应急局", "各县（市、区）人民政府"]),
    ("开展燃气安全排查（各县（市、区）人民政府负责）", ["各县（市、区）人民政府"]),
    ("开展燃气安全排查（区应急局牵头，区住建局配合）", ["区应急局", "区住建局"]),
])
def test_agencies_in_other_wordings(text, want):
    assert extract_agencies(text) == want


def test_the_word_led_forms_pass_both_gates():
    """``RE_DEADLINE_WORDS`` is scanned only when the text holds one of ``_WORD_GATES``, and no text
    is scanned unless ``_may_have_deadline``: each of its forms holds a word of both."""
    from policytag.inference.extract import _WORD_GATES, RE_DEADLINE_WORDS, _may_have_deadline

    forms = ["每月5日前", "每季度末", "每季末前", "每半年底前", "每年12月20日前", "每年年底前", "即日起至9月底", "自即日起至年末",
             "从即日起至2027年6月30日", "上半年", "下半年末前", "期限为3个月", "时限是30日", "期限15个工作日",
             "清明节前", "端午前", "中秋节以前"]
    for form in forms:
        assert RE_DEADLINE_WORDS.fullmatch(form), form
        assert any(w in form for w in _WORD_GATES) and _may_have_deadline(form), form


def test_the_numeral_led_forms_pass_both_gates():
    """``RE_DEADLINE_MORE`` (month ranges, quarters, parts of a month, day counts) is scanned only when
    ``_may_have_more`` says so: each of its forms passes it and ``_may_have_deadline``."""
    from policytag.inference.extract import RE_DEADLINE_MORE, _may_have_deadline, _may_have_more

    forms = ["5月至9月", "5月 至 9月底前", "5月10日起至6月30日", "11月—2月", "元月~3月末", "一季度", "2027年第二季度末前",
             "4季度", "6月上旬前", "2027年十二月下旬", "30日内", "15个工作日内", "七天之内", "十日以内"]
    for form in forms:
        assert RE_DEADLINE_MORE.fullmatch(form), form
        assert _may_have_more(form) and _may_have_deadline(form), form
