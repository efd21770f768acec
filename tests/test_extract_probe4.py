"""Extraction leftovers of probe 3: periods a report looks back on, and target subjects that carried
an item number, a deadline or the verb 完成. Every sentence is written for this test (invented places
and organs); the expected readings were written down before the code ran on them.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* a time in a sentence that reports what was done is no time limit: after the phrase, in its sentence,
  a perfective 了 (开展了, 发现了; not 为了, 除了, 了解) or a reporting word (共检查, 累计, 已完成…: the cues
  that keep a reported figure from being a target);
* a deadline due before the notice's date is a past reference when the date is known (``notice_date``),
  as a year before the notice's year always was;
* the object before a count's verb is cut as the other subjects are: no item number, no deadline
  before it, no leading 完成 (``（一）完成县城…更新改造200公里`` -> ``县城…更新改造``).
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets

from test_extract_probe2 import _targets  # one reading of a target for every probe

Y = 2027


def _deadlines(text, year=Y, **kw):
    out = []
    for d in extract_deadlines(text, year, **kw):
        assert text[d.span[0]:d.span[1]] == d.text
        out.append((d.text, d.kind, d.year, d.month, d.day, d.due, d.action))
    return out


@pytest.mark.parametrize("text", [
    "2027年1月至3月，市应急管理局组织开展了全市安全生产检查，共检查企业320家，发现隐患1150处。",
    "第一季度，县住建局对全县在建工地开展了安全检查。",
    "1月至3月，市应急管理局共检查生产经营单位412家。",
    "2027年3月底前，全县已完成127处隐患的整改。",
])
def test_a_period_a_report_looks_back_on_is_no_deadline(text):
    assert _deadlines(text) == []


@pytest.mark.parametrize("text,want", [
    ("为了确保汛期安全，各地要在5月底前完成水库除险加固。",
     [("5月底前", "by_end_of_month", None, 5, None, "2027-05-31", "各地完成水库除险加固")]),
    ("6月底前，各地要了解掌握辖区内液化石油气站点底数。",
     [("6月底前", "by_end_of_month", None, 6, None, "2027-06-30", "各地要了解掌握辖区内液化石油气站点底数")]),
    ("2027年1月至3月，市应急管理局组织开展了全市安全生产检查，各单位要在6月底前完成整改。",
     [("6月底前", "by_end_of_month", None, 6, None, "2027-06-30", "各单位完成整改")]),
])
def test_a_limit_beside_a_report_is_read(text, want):
    assert _deadlines(text) == want


def test_a_deadline_before_the_notice_date_is_past():
    text = "3月31日前，各县区完成自查自纠。"
    want = [("3月31日前", "by_date", None, 3, 31, "2027-03-31", "各县区完成自查自纠")]
    assert _deadlines(text) == want  # the date unknown: read as before
    assert _deadlines(text, notice_date="2027-03-01") == want
    assert _deadlines(text, notice_date="2027-04-08") == []
    phase = "2027年1月至3月，市应急管理局组织开展全市安全生产检查，各单位要在6月底前完成整改。"
    assert [d[0] for d in _deadlines(phase, notice_date="2027-04-08")] == ["6月底前"]
    assert [d[0] for d in _deadlines(phase)] == ["2027年1月至3月", "6月底前"]


def test_the_batch_path_takes_the_notice_dates():
    texts = ["3月31日前，各县区完成自查自纠。", "3月31日前，各县区完成自查自纠。", "第一季度，县住建局对全县在建工地开展了安全检查。"]
    got = extract_fields(texts, [Y] * 3, dates=["2027-04-08", None, None])
    assert [len(d) for d, _ in got] == [0, 1, 0]
    assert extract_fields(texts, [Y] * 3) == [(extract_deadlines(t, Y), extract_targets(t)) for t in texts]


@pytest.mark.parametrize("text,want", [
    ("（一）完成县城老旧燃气管网更新改造200公里。",
     [("改造200公里", 200, "公里", "县城老旧燃气管网更新改造", "=", "改造")]),
    ("年底前完成全市煤矿智能化改造100处。", [("改造100处", 100, "处", "全市煤矿智能化改造", "=", "改造")]),
    ("2027年6月底前全面完成城区老旧电梯更新改造300台。",
     [("改造300台", 300, "台", "城区老旧电梯更新改造", "=", "改造")]),
    ("（二）年底前全市建成智能化采掘工作面不少于120个。",
     [("不少于120个", 120, "个", "全市建成智能化采掘工作面", ">=", None)]),
    # a bare 完成 after a deadline names no work: the chunk before, as for a rate
    ("对县乡道路临水临崖路段加装防护设施，年内完成80公里。",
     [("完成80公里", 80, "公里", "对县乡道路临水临崖路段加装防护设施", "=", "完成")]),
    # as before
    ("隐患整改完成率达到100%。", [("隐患整改完成率达到100%", 100, "%", "隐患整改完成率", ">=", "达到")]),
    ("完成搬迁500户。", [("完成搬迁500户", 500, "户", "完成搬迁", "=", "完成")]),
])
def test_a_count_subject_without_item_number_deadline_or_completion_verb(text, want):
    assert _targets(text) == want


# --- known limits of probe 3 -----------------------------------------------------------------------
# A bare month before a verb of finishing (完成, 建成, 办结, 报送, 上报, 提交) is due at its end, read where a
# month range is (opening its chunk, or after 要/在/于…), not after 每年 (a season), not one looked back on.
@pytest.mark.parametrize("text,want", [
    ("6月完成全部液化石油气站点的整治。",
     [("6月", "by_end_of_month", None, 6, None, "2027-06-30", "完成全部液化石油气站点的整治")]),
    ("各县区要在9月完成隐患整改“回头看”。",
     [("9月", "by_end_of_month", None, 9, None, "2027-09-30", "各县区完成隐患整改“回头看”")]),
    ("2027年10月建成区级应急指挥平台。",
     [("2027年10月", "by_end_of_month", 2027, 10, None, "2027-10-31", "建成区级应急指挥平台")]),
])
def test_a_bare_month_before_a_verb_of_finishing(text, want):
    assert _deadlines(text) == want


@pytest.mark.parametrize("text", [
    "6月份以来，全市共发生火灾事故15起。",
    "6月发生的两起事故暴露出企业主体责任不落实的问题。",
    "3月完成了全市燃气用户隐患排查。",
    "每年3月完成上年度安全生产考核。",
    "县应急局听取了6月完成的督查情况汇报。",
])
def test_months_that_are_no_limit(text):
    assert _deadlines(text) == []


# 确保不发生较大事故 commits to zero, as 确保较大事故零发生 does
@pytest.mark.parametrize("text,want", [
    ("确保不发生较大及以上生产安全事故。", [("不发生较大及以上生产安全事故", 0, "", "较大及以上生产安全事故", "=", "确保")]),
    ("力争全年不发生亡人火灾事故。", [("不发生亡人火灾事故", 0, "", "亡人火灾事故", "=", "力争")]),
])
def test_no_accident_is_a_zero_target(text, want):
    assert _targets(text) == want
    assert extract_fields([text], [Y]) == [(extract_deadlines(text, Y), extract_targets(text))]


@pytest.mark.parametrize("text", [
    "全年未发生较大及以上生产安全事故。",  # a report
    "如不发生次生灾害，应急响应于24小时后终止。",  # a condition
])
def test_no_accident_that_is_no_target(text):
    assert _targets(text) == []


def test_the_bare_month_passes_the_gates():
    from policytag.inference.extract import _may_have_deadline, _may_have_more

    for form in ["6月完成", "6月份完成", "2027年十月建成", "12月 全面完成", "元月报送"]:
        assert _may_have_more(form) and _may_have_deadline(form), form


def test_a_day_count_from_an_event_after_zai():
    # (在 is a cue, as in 在6月底前: not part of the phrase; the start the count runs from is)
    text = "在事故发生之日起60日内，事故调查组提交事故调查报告。"
    assert _deadlines(text) == [("事故发生之日起60日内", "within_days", None, None, None, None, "事故调查组提交事故调查报告")]


def test_yaoqiu_is_no_modal():
    # (要 opening an action is a modal and goes; 要求 is a verb and stays)
    text = "市应急管理局开展全市安全生产检查，要求各单位6月底前完成整改。"
    assert [d[6] for d in _deadlines(text)] == ["要求各单位完成整改"]
