"""Deadlines and targets missed on self-written notices (probe 2), each fixed by a general rule, with
look-alikes that must stay unextracted. Every sentence here is written for this test.

* a level a count reaches, its subject before the verb (储备能力达到10万人, 死亡人数控制在35人以内);
* 接入 commits to a count (接入重点企业200家);
* an object longer than 8 characters between the verb and the count (关闭不具备安全生产条件的小矿山20座);
* a plan phase written as a period (（2026年4月至10月）): its end is the due date.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets


def _targets(text):
    out = []
    for t in extract_targets(text):
        assert text[t.span[0]:t.span[1]] == t.text
        out.append((t.text, t.value, t.unit, t.what, t.comparator, t.verb))
    return out


@pytest.mark.parametrize("text,want", [
    ("到2027年底，全县应急救援队伍后备储备能力达到10万人。",
     [("全县应急救援队伍后备储备能力达到10万人", 10, "万人", "全县应急救援队伍后备储备能力", ">=", "达到")]),
    ("全年生产安全事故死亡人数控制在35人以内，较大事故得到有效遏制。",
     [("全年生产安全事故死亡人数控制在35人以内", 35, "人", "全年生产安全事故死亡人数", "<=", "控制在")]),
    ("年内危险化学品监测预警系统接入重点企业200家。",
     [("接入重点企业200家", 200, "家", "接入重点企业", "=", "接入")]),
    ("年底前依法关闭不具备安全生产条件的小矿山20座。",
     [("关闭不具备安全生产条件的小矿山20座", 20, "座", "关闭不具备安全生产条件的小矿山", "=", "关闭")]),
    ("全年新增经过备案的社会应急救援队伍12支（县应急局负责）",
     [("新增经过备案的社会应急救援队伍12支", 12, "支", "新增经过备案的社会应急救援队伍", "=", "新增")]),
])
def test_counts_now_read(text, want):
    assert _targets(text) == want


@pytest.mark.parametrize("text,want", [
    # a level in a condition or a scope is not a target
    ("凡一次事故死亡人数达到3人的，由县政府挂牌督办。", []),
    ("对死亡人数达到10人以上的事故一律提级调查。", []),
    ("储备能力达到10万人的县（市、区）给予资金补助。", []),
    ("年内达到3个。", []),  # no subject: nothing says what reaches 3
    # a long object whose count does not close its chunk is a scope
    ("关闭不具备安全生产条件的小矿山20座以上的乡镇，给予表彰。", []),
    # a long object holding a verb: the count is read from the later verb, as before
    ("推动全县规模以上工贸企业安全生产标准化建设达标100家。",
     [("建设达标100家", 100, "家", "建设达标", "=", "建设")]),
    # a level verb not followed by its number swallows no later verb's count; after a comparator it
    # reads as before
    ("推动达到安全标准的工贸企业建成20座示范班组", [("建成20座示范班组", 20, "座", "示范班组", "=", "建成")]),
    ("督促达到规模的企业培训200人", [("培训200人", 200, "人", "督促达到规模的企业培训", "=", "培训")]),
    ("全县储备能力至少达到10万人。", [("至少达到10万人", 10, "万人", "达到", ">=", None)]),
    # weak verbs still need a comparator or a frequency, however long the object
    ("开展辖区内全部危险化学品经营企业检查20家。", []),
])
def test_look_alikes_stay_unread(text, want):
    assert _targets(text) == want


def _deadlines(text, year):
    out = []
    for d in extract_deadlines(text, year):
        assert text[d.span[0]:d.span[1]] == d.text
        out.append((d.text, d.kind, d.year, d.month, d.day, d.due, d.action))
    return out


@pytest.mark.parametrize("year,text,want", [
    (2026, "（二）集中整治阶段（2026年4月至10月）",
     [("2026年4月至10月", "by_end_of_period", 2026, 10, None, "2026-10-31", "集中整治阶段")]),
    (2027, "三、巩固提升阶段：2027年3月至6月，各地组织开展“回头看”。",
     [("2027年3月至6月", "by_end_of_period", 2027, 6, None, "2027-06-30", "各地组织开展“回头看”")]),
    (2026, "2026年11月至2027年2月，开展冬春火灾防控专项行动。",
     [("2026年11月至2027年2月", "by_end_of_period", 2027, 2, None, "2027-02-28", "开展冬春火灾防控专项行动")]),
    # the end month before the start month: the end is in the next year
    (2026, "2026年12月至3月，开展冬季道路交通安全整治。",
     [("2026年12月至3月", "by_end_of_period", 2027, 3, None, "2027-03-31", "开展冬季道路交通安全整治")]),
    (2026, "2026年5月10日至6月30日，开展安全生产宣传咨询活动。",
     [("2026年5月10日至6月30日", "by_end_of_period", 2026, 6, 30, "2026-06-30", "开展安全生产宣传咨询活动")]),
])
def test_a_plan_phase_is_due_at_its_end(year, text, want):
    assert _deadlines(text, year) == want


@pytest.mark.parametrize("year,text", [
    (2026, "每年4月至10月为防汛重点时段，各地落实值班值守。"),  # a season: no year written
    (2026, "2026年1月至9月，全县共发生生产安全事故12起。"),  # a reporting period
    (2026, "2024年4月至10月开展的专项整治成效明显。"),  # a past phase
])
def test_periods_that_are_not_phases(year, text):
    assert _deadlines(text, year) == []


def test_a_phase_is_no_target_and_the_batch_path_agrees():
    texts = ["（二）集中整治阶段（2026年4月至10月）", "年底前依法关闭不具备安全生产条件的小矿山20座。",
             "到2027年底，全县应急救援队伍后备储备能力达到10万人。"]
    got = extract_fields(texts, [2026] * 3)
    assert got == [(extract_deadlines(t, 2026), extract_targets(t)) for t in texts]
    assert got[0][1] == []
