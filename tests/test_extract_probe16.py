"""Extraction probe 16: extract15's three leftovers and their neighbours: counts joined by 和/及/与 (建成消防站3座和微型消防站
10个), a place and a year opening a rate's subject (全市到2027年生产安全事故死亡人数下降15%), a year after a rate's figure
(覆盖率达到90%到2027年), and 及以上 after a count (配备2名及以上专职安全员).

Decisions: tests/data/extract16/EXPECTED.md. Every sentence is invented for this file. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_targets

from extract_kinds import YE, Y
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (text, value, unit, what, comparator, verb, per) of each


def _check(text: str, targets: list) -> None:
    assert _targets(text) == targets
    _fields_agree(text)


# --- 1. two counts joined by 和 / 及 / 与: the second item shares the verb, as a 、 list's items do -----------------
JOINED = [
    ("建成消防站3座和微型消防站10个。", [("建成消防站3座", 3, "座", "建成消防站", "=", "建成", None),
                                ("微型消防站10个", 10, "个", "建成微型消防站", "=", "建成", None)]),
    ("新建应急避难场所5处及物资储备点12个。", [("新建应急避难场所5处", 5, "处", "新建应急避难场所", "=", "新建", None),
                                  ("物资储备点12个", 12, "个", "新建物资储备点", "=", "新建", None)]),
    ("配备救援车辆6辆与破拆工具20套。", [("配备救援车辆6辆", 6, "辆", "配备救援车辆", "=", "配备", None),
                               ("破拆工具20套", 20, "套", "配备破拆工具", "=", "配备", None)]),
    ("培训企业负责人500人和安全管理人员800人。", [("培训企业负责人500人", 500, "人", "培训企业负责人", "=", "培训", None),
                                    ("安全管理人员800人", 800, "人", "培训安全管理人员", "=", "培训", None)]),
    ("建成消防站3座、微型消防站5个和应急站2个。", [("建成消防站3座", 3, "座", "建成消防站", "=", "建成", None),
                                    ("微型消防站5个", 5, "个", "建成微型消防站", "=", "建成", None),
                                    ("应急站2个", 2, "个", "建成应急站", "=", "建成", None)]),
    # (the object after the figure: each item's is its own)
    ("新建2座消防站和3座微型消防站。", [("新建2座消防站", 2, "座", "消防站", "=", "新建", None),
                                ("3座微型消防站", 3, "座", "微型消防站", "=", "新建", None)]),
    ("建成60座智能化煤矿、20个智能化工作面和5个示范矿井。",
     [("建成60座智能化煤矿", 60, "座", "智能化煤矿", "=", "建成", None),
      ("20个智能化工作面", 20, "个", "智能化工作面", "=", "建成", None), ("5个示范矿井", 5, "个", "示范矿井", "=", "建成", None)]),
    # (a second item with no figure: one count, its object before the joining word)
    ("建成消防站3座和微型消防站。", [("建成消防站3座", 3, "座", "建成消防站", "=", "建成", None)]),
    # (及以上 after the figure is 以上, no joining word)
    ("配备2名及以上专职安全员。", [("配备2名及以上专职安全员", 2, "名", "专职安全员", ">=", "配备", None)]),
    # (unchanged: 和 inside the object before the figure)
    ("培训企业主要负责人和安全管理人员3000人次。",
     [("培训企业主要负责人和安全管理人员3000人次", 3000, "人次", "培训企业主要负责人和安全管理人员", "=", "培训", None)]),
]


@pytest.mark.parametrize("text,targets", JOINED, ids=_ids(JOINED))
def test_counts_joined_by_a_conjunction(text, targets):
    _check(text, targets)


# --- 2. a place and a time opening a rate's subject: where and when, the subject follows -----------------------
DATED = [
    ("全市到2027年生产安全事故死亡人数下降15%。", [("生产安全事故死亡人数下降15%", 15, "%", "生产安全事故死亡人数", "=", "下降", None)]),
    ("全省到2027年较大以上事故起数下降20%。", [("较大以上事故起数下降20%", 20, "%", "较大以上事故起数", "=", "下降", None)]),
    ("全县到2028年底农村应急广播覆盖率达到95%以上。",
     [("农村应急广播覆盖率达到95%以上", 95, "%", "农村应急广播覆盖率", ">=", "达到", None)]),
    ("各地到2027年重大事故隐患整改率达到100%。", [("重大事故隐患整改率达到100%", 100, "%", "重大事故隐患整改率", ">=", "达到", None)]),
    ("全省2027年底前较大以上事故起数下降20%。", [("较大以上事故起数下降20%", 20, "%", "较大以上事故起数", "=", "下降", None)]),
    ("全县在2027年底前农村自建房安全隐患整治率达到100%。",
     [("农村自建房安全隐患整治率达到100%", 100, "%", "农村自建房安全隐患整治率", ">=", "达到", None)]),
    # (unchanged: a place right before the subject is part of it; 年度 names an annual figure; a bare year opening
    # the subject stays in it, as probe 7 pins: 2027年较大事故起数控制在1起以内)
    ("2027年隐患整改率达到95%。", [("2027年隐患整改率达到95%", 95, "%", "2027年隐患整改率", ">=", "达到", None)]),
    ("全市生产安全事故死亡人数到2027年下降15%。",
     [("全市生产安全事故死亡人数到2027年下降15%", 15, "%", "全市生产安全事故死亡人数", "=", "下降", None)]),
    ("全县2027年度安全培训合格率达到98%。", [("全县2027年度安全培训合格率达到98%", 98, "%", "全县2027年度安全培训合格率", ">=", "达到", None)]),
    # (unchanged: a year alone is the subject where no earlier rate gives one, probe 15)
    ("2027年达到95%，2028年达到100%。", [("2027年达到95%", 95, "%", "2027年", ">=", "达到", None),
                                   ("2028年达到100%", 100, "%", "2028年", ">=", "达到", None)]),
]


@pytest.mark.parametrize("text,targets", DATED, ids=_ids(DATED))
def test_a_place_and_year_before_the_subject(text, targets):
    _check(text, targets)


def test_the_year_before_the_subject_stays_a_deadline():
    text = "全市到2027年生产安全事故死亡人数下降15%。"
    assert _deadlines(text) == [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全市生产安全事故死亡人数下降15%")]


# --- 3. a year after a rate's figure is no range's end -----------------------------------------------------------
YEAR_AFTER = [
    ("覆盖率达到90%到2027年。", [("覆盖率达到90%", 90, "%", "覆盖率", ">=", "达到", None)]),
    ("森林覆盖率达到65%到2030年。", [("森林覆盖率达到65%", 65, "%", "森林覆盖率", ">=", "达到", None)]),
    ("事故死亡人数下降10%以上到2027年。", [("事故死亡人数下降10%以上", 10, "%", "事故死亡人数", ">=", "下降", None)]),
]


@pytest.mark.parametrize("text,targets", YEAR_AFTER, ids=_ids(YEAR_AFTER))
def test_a_year_after_the_figure(text, targets):
    _check(text, targets)


@pytest.mark.parametrize("text,deadlines", [
    # (the year after the figure says by when it is reached, as 到2027年 before the subject does)
    ("覆盖率达到90%到2027年。", [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "覆盖率达到90%")]),
    ("事故死亡人数下降10%以上到2027年。", [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "事故死亡人数下降10%以上")]),
    # (各地, every place, is a subject a horizon follows, as 全市 is)
    ("各地到2027年全面完成老旧燃气管网改造。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "各地全面完成老旧燃气管网改造")]),
    # (guards: a year after a figure that does not close its chunk; a figure of years)
    ("覆盖率达到90%到2027年的水平。", []),
    ("应急广播覆盖率由2025年的85%提高到95%。", []),
], ids=lambda v: v[:14] if isinstance(v, str) else "")
def test_a_year_after_the_figure_is_its_deadline(text, deadlines):
    assert _deadlines(text) == deadlines


def test_a_range_of_rates_is_still_one():
    [t] = extract_targets("安全培训覆盖率达到90%到95%。")
    assert (t.value, t.value_max, t.unit, t.comparator) == (90, 95, "%", "between")
