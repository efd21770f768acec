"""Extraction probe 12: the known gaps of probe 11 (counts sharing one verb, verbs sharing one count, a weekly deadline,
a comparator under a ratio) and a new user's probe in the wording of genres earlier probes did not cover: ministries'
司局 deadlines, 应急预案 response levels and times, 标准 clauses, 执法计划 counts, 考核 scoring, money, 年度 years,
effective dates and validity.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* counts listed after one verb (建成省级储备库3个、市级储备库16个; 建成60座智能化煤矿、20个智能化工作面) are one target
  each, the verb shared: each item's ``text`` is its own object and figure as written, ``verb`` the shared verb,
  ``what`` as the first item's reading gives it (the verb and its object when the object comes before the number,
  the object alone when it comes after); an item with a verb or comparator of its own is read as before;
* verbs listed before one count (新建、改建应急避难场所12处) are one target whose ``verb`` is the list as written
  (新建、改建) and whose ``text`` starts at the first verb;
* a weekly limit (每周五前) is ``recurring`` with ``event`` 每周 (the weekday stays in ``text``: ``day`` is a day
  of the month);
* 低于 / 高于 / 不高于 before a ratio's figure (亿元GDP生产安全事故死亡率低于0.2, 不高于0.8%) are its comparator:
  ``<=`` / ``>=`` (the comparator set has no strict sign; ``verb`` keeps the word as written); only under a ratio (a
  subject ending in 率/比例/比重/占比, or a figure in % or ‰) and not before 的 (负债率高于70%的企业 is a scope).

Windows (汛期期间, 春节期间) stay unread: probes 3 and 8 pin them. Every sentence is invented for this file
(places and organs too); the readings were written down before the code ran on them. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_fields

from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (the last probes' readers of the same fields)

Y = 2026
YE, P, M, D, F = "by_end_of_year", "by_end_of_period", "by_end_of_month", "by_date", "effective_from"
WD, WM, WY, R, BE = "within_days", "within_months", "within_years", "recurring", "before_event"
H, MIN, WYR = "within_hours", "within_minutes", "within_year"


# --- known gap 1: counts listed after one verb, verbs listed before one count ----------------------------------
SHARED_VERB = [
    ("建成省级储备库3个、市级储备库16个。",
     [("建成省级储备库3个", 3, "个", "建成省级储备库", "=", "建成", None),
      ("市级储备库16个", 16, "个", "建成市级储备库", "=", "建成", None)]),
    ("全市建成60座智能化煤矿、20个智能化工作面。",
     [("建成60座智能化煤矿", 60, "座", "智能化煤矿", "=", "建成", None),
      ("20个智能化工作面", 20, "个", "智能化工作面", "=", "建成", None)]),
    ("配备应急救援车辆12辆、无人机5架、卫星电话30部。",
     [("配备应急救援车辆12辆", 12, "辆", "配备应急救援车辆", "=", "配备", None),
      ("无人机5架", 5, "架", "配备无人机", "=", "配备", None),
      ("卫星电话30部", 30, "部", "配备卫星电话", "=", "配备", None)]),
    ("新建、改建应急避难场所12处。",
     [("新建、改建应急避难场所12处", 12, "处", "新建、改建应急避难场所", "=", "新建、改建", None)]),
    ("各县区新建、改造消防站8座。",
     [("新建、改造消防站8座", 8, "座", "新建、改造消防站", "=", "新建、改造", None)]),
]
SHARED_VERB_BESIDE = [
    # (read as before: each item has a verb of its own)
    ("市级培养3—5名、县级培养2—3名专业指挥人员。",
     [("培养3—5名", 3, "名", "专业指挥人员", "between", "培养", None),
      ("培养2—3名专业指挥人员", 2, "名", "专业指挥人员", "between", "培养", None)]),
    ("建成区级应急物资储备库1个。", [("建成区级应急物资储备库1个", 1, "个", "建成区级应急物资储备库", "=", "建成", None)]),
    # (an item with a comparator of its own is not taken: read as before)
    ("检查、督办重点企业不少于30家。", [("不少于30家", 30, "家", "检查、督办重点企业", ">=", None, None)]),
]


@pytest.mark.parametrize("text,want", SHARED_VERB + SHARED_VERB_BESIDE, ids=_ids(SHARED_VERB + SHARED_VERB_BESIDE))
def test_counts_sharing_a_verb(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- known gap 2: a weekly limit, and the monthly and quarterly ones beside it -----------------------------------
CYCLES = [
    ("各单位每周五前报送本周隐患排查情况。",
     [("每周五前", R, None, None, None, None, "每周", None, "各单位报送本周隐患排查情况")]),
    ("值班室于每星期一之前汇总上周值班记录。",
     [("每星期一之前", R, None, None, None, None, "每周", None, "值班室汇总上周值班记录")]),
    ("请各单位于每月5日前将上月统计报表报送市应急局。",
     [("每月5日前", R, None, None, 5, None, "每月", None, "请各单位将上月统计报表报送市应急局")]),
    ("各县区应于每季度末报送季度工作总结。",
     [("每季度末", R, None, None, None, None, "每季度", None, "各县区报送季度工作总结")]),
]
CYCLES_BESIDE = [
    ("每周开展一次安全巡查。", []),  # a frequency, no limit
    ("周五前完成整改。", []),  # no cycle: which Friday is not written
]


@pytest.mark.parametrize("text,want", CYCLES + CYCLES_BESIDE, ids=_ids(CYCLES + CYCLES_BESIDE))
def test_weekly_and_other_cycles(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- known gap 3: a comparator under a ratio ------------------------------------------------------------------
UNDER_A_RATIO = [
    ("到2027年，亿元GDP生产安全事故死亡率低于0.2。",
     [("亿元GDP生产安全事故死亡率低于0.2", 0.2, "", "亿元GDP生产安全事故死亡率", "<=", "低于", None)]),
    ("道路交通万车死亡率控制在0.05以下。",
     [("道路交通万车死亡率控制在0.05以下", 0.05, "", "道路交通万车死亡率", "<=", "控制在", None)]),
    ("煤矿百万吨死亡率不高于0.8%。",
     [("煤矿百万吨死亡率不高于0.8%", 0.8, "%", "煤矿百万吨死亡率", "<=", "不高于", None)]),
    ("特种设备定期检验率高于98%。",
     [("特种设备定期检验率高于98%", 98, "%", "特种设备定期检验率", ">=", "高于", None)]),
]
UNDER_A_RATIO_BESIDE = [
    ("资产负债率高于70%的企业列为重点监管对象。", []),  # a scope
    ("气温低于5时停止室外作业。", []),  # no ratio
    ("对产能低于30万吨的煤矿实施关闭。", []),
]


@pytest.mark.parametrize("text,want", UNDER_A_RATIO + UNDER_A_RATIO_BESIDE, ids=_ids(UNDER_A_RATIO + UNDER_A_RATIO_BESIDE))
def test_a_comparator_under_a_ratio(text, want):
    assert _targets(text) == want
    _fields_agree(text)
