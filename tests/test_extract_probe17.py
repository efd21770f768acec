"""Extraction probe 17: extract16's two leftovers (a deadline closing its action's part took the next part:
森林覆盖率达到65%到2030年，持续巩固; a bare year before a place stayed in a rate's subject: 2027年全县…) and a probe of other
governments' genres (预案 response times, regulations' fines, work points' quantified targets, frequencies, ranges and
approximations, dates, counts in English digits, Chinese numerals and full-width digits).

Decisions: tests/data/extract17/EXPECTED.md (written before the code ran on these cases; the clauses in
tests/data/extract17/clauses.txt). Every sentence is invented for this file. Notice year 2026.
"""

from __future__ import annotations

import pytest

from extract_kinds import BE, H, M, MIN, R, YE, Y
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (text, value, unit, what, comparator, verb, per) of each


def _check(text: str, deadlines: list, targets: list) -> None:
    assert (_deadlines(text, Y), _targets(text)) == (deadlines, targets)
    _fields_agree(text)


# --- 1a. a deadline after its action closes that part: the next part is another task ----------------------------
CLOSING = [
    ("森林覆盖率达到65%到2030年，持续巩固。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31", "森林覆盖率达到65%")],
     [("森林覆盖率达到65%", 65, "%", "森林覆盖率", ">=", "达到", None)]),
    ("事故死亡人数下降20%以上到2028年，逐年巩固提升。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "事故死亡人数下降20%以上")],
     [("事故死亡人数下降20%以上", 20, "%", "事故死亡人数", ">=", "下降", None)]),
    ("应急广播覆盖率达到95%到2027年，实现行政村全覆盖。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "应急广播覆盖率达到95%")],
     [("应急广播覆盖率达到95%", 95, "%", "应急广播覆盖率", ">=", "达到", None)]),
    # (a term after the work it limits: a corpus clause, read 关闭退出小型采石场工作整治提升工业园区4个 on main)
    ("关闭退出小型采石场工作期限6个月，整治提升工业园区4个。",
     [("期限6个月", "within_months", None, None, None, 6, None, None, "关闭退出小型采石场工作")],
     [("整治提升工业园区4个", 4, "个", "整治提升工业园区", "=", "整治提升", None)]),
    # (unchanged: nothing, a subject, an anchor or a topic before the deadline: the next part is its action)
    ("到2027年，全市安全生产形势持续稳定好转。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全市安全生产形势持续稳定好转")], []),
    ("2027年6月底前，各乡镇完成自查。",
     [("2027年6月底前", M, 2027, 6, None, None, None, "2027-06-30", "各乡镇完成自查")], []),
    ("各乡镇于2027年6月底前，全面完成自查。",
     [("2027年6月底前", M, 2027, 6, None, None, None, "2027-06-30", "各乡镇全面完成自查")], []),
    ("省应急厅及省住房和城乡建设厅到2028年，完成既有建筑安全评估。",
     [("2028年", YE, 2028, None, None, None, None, "2028-12-31", "省应急厅及省住房和城乡建设厅完成既有建筑安全评估")], []),
    ("自然灾害救助应急响应启动后12小时内，受灾群众基本生活得到初步救助。",
     [("12小时内", H, None, None, None, 12, None, None, "自然灾害救助应急响应启动后受灾群众基本生活得到初步救助")], []),
    ("重大事故隐患2027年底前，全部整改到位。",
     [("2027年底前", YE, 2027, None, None, None, None, "2027-12-31", "重大事故隐患全部整改到位")], []),
]


@pytest.mark.parametrize("text,deadlines,targets", CLOSING, ids=_ids(CLOSING))
def test_a_deadline_after_its_action_closes_the_part(text, deadlines, targets):
    _check(text, deadlines, targets)


# --- 1b. a bare year before a place opens no subject: it says when -----------------------------------------------
YEAR_BEFORE_PLACE = [
    ("2027年全县生产安全事故死亡人数下降10%。",
     [("全县生产安全事故死亡人数下降10%", 10, "%", "全县生产安全事故死亡人数", "=", "下降", None)]),
    ("2027年全市较大以上事故起数控制在2起以内。",
     [("全市较大以上事故起数控制在2起以内", 2, "起", "全市较大以上事故起数", "<=", "控制在", None)]),
    ("2028年各地重大事故隐患整改率达到100%。",
     [("各地重大事故隐患整改率达到100%", 100, "%", "各地重大事故隐患整改率", ">=", "达到", None)]),
    ("2027年我市亿元GDP生产安全事故死亡率控制在0.02以下。",
     [("我市亿元GDP生产安全事故死亡率控制在0.02以下", 0.02, "", "我市亿元GDP生产安全事故死亡率", "<=", "控制在", None)]),
    # (unchanged: a bare year right before the subject's noun may name the year's figure, probes 7 and 16; 年度)
    ("2027年较大事故起数控制在1起以内。", [("2027年较大事故起数控制在1起以内", 1, "起", "2027年较大事故起数", "<=", "控制在", None)]),
    ("全县2027年度安全培训合格率达到98%。", [("全县2027年度安全培训合格率达到98%", 98, "%", "全县2027年度安全培训合格率", ">=", "达到", None)]),
]


@pytest.mark.parametrize("text,targets", YEAR_BEFORE_PLACE, ids=_ids(YEAR_BEFORE_PLACE))
def test_a_bare_year_before_a_place_is_a_time(text, targets):
    _check(text, [], targets)
