"""Extraction probe 7: fields misread on text other governments write (工作要点, 专项整治方案, 应急预案,
regulations, 安委会 notices, county bulletins), each fixed by a general rule, with look-alikes that must
stay unread.

* a count in digits after a Chinese numeral that is part of its object (建成一类应急避难场所4处并配齐物资:
  一类 was taken for the count, rejected, and 4处 never tried, since the count does not close its part);
  并 after a count opens the next verb phrase: the count's object ends before it (…4处并配齐应急物资,
  完成三项重点工作并于年底前总结; not in 合并, 兼并).
* a limit in hours (应急预案, reporting rules) is ``within_hours`` (接报后1小时内, 在事故发生后2小时内,
  自接到报告之时起24小时内; ``period`` in hours, ``due`` null: the start is an event), as a limit in days
  is ``within_days``; a duty rota (24小时值班) and a condition (24小时内发生…) are none.
* 份 after a bare month is part of the phrase (6月份完成… gave 6月 and the action 份完成…);
* a period that opens the bracket after a phase's name dates the phase (集中整治阶段（4月1日—9月30日）,
  动员部署阶段（第一季度））, as its year-led form does; 汛期（6月至9月） still defines a season;
* a period followed by 起 is a start, not a limit (第三季度起，每半月开展一次巡查; 一季度起草… is a limit);
  前夕 (the eve) is part of an event's phrase (国庆前夕组织… gave 国庆前 and the action 夕组织…);
* dates enumerated before one 前 share it (分别于6月底、12月底前报送…, 3月15日、6月15日、9月15日前): each is a
  deadline, and each one's action is the task, without the other dates (6月底 alone, with no 前 after the
  last date, stays none: 6月底、9月底各报送一次);
* a sentence that counts accidents that happened (全县发生生产安全事故12起，同比下降20%) reports, unless the
  target's own part commits (…发生事故5起，全年事故起数要下降10%以上);
* evidence (models/evidence.py): an n-gram phrase is shown as the words it holds, without the punctuation
  or white space at its edges (``隐患排查，`` -> ``隐患排查``, ``、建筑施工`` -> ``建筑施工``, ``规划》`` -> ``规划``;
  ``100%`` keeps its sign); its weight is the phrase's, as before.

Every sentence is invented for this file (places and organs too); the readings were written down
before the code ran on them.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets

from test_extract_probe2 import _targets  # (text, value, unit, what, comparator, verb) of each target
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each

Y = 2025

# --- counts after a numeral of their object ---------------------------------------------------------
COUNTS = [
    ("建成一类应急避难场所4处并配齐物资。",
     [("建成一类应急避难场所4处", 4, "处", "建成一类应急避难场所", "=", "建成")]),
    ("年内完成一类重点企业32家的安全评估。",
     [("完成一类重点企业32家的安全评估", 32, "家", "安全评估", "=", "完成")]),
    ("新建二级消防站2座并投入使用，",
     [("新建二级消防站2座", 2, "座", "新建二级消防站", "=", "新建")]),
    # 并 opens the next verb phrase
    ("建成应急避难场所4处并配齐应急物资。",
     [("建成应急避难场所4处", 4, "处", "建成应急避难场所", "=", "建成")]),
]

# beside each count, what must stay as it was: a numeral of an object is no count, a comparator after it
# starts a count of its own, 合并 is no conjunction
COUNTS_BESIDE = [
    ("每个乡镇建成一支不少于6人的专职消防队并建成一类应急避难场所4处。",
     [("不少于6人的专职消防队", 6, "人", "专职消防队", ">=", None),
      ("建成一类应急避难场所4处", 4, "处", "建成一类应急避难场所", "=", "建成")]),
    ("建成一类应急避难场所并配齐物资，新建二级消防站2座并投入使用。",
     [("新建二级消防站2座", 2, "座", "新建二级消防站", "=", "新建")]),
    # (a count of 2 or more in Chinese numerals right after its verb is read, as before; its object ends at 并)
    ("完成三项重点工作并于年底前总结。", [("完成三项重点工作", 3, "项", "重点工作", "=", "完成")]),
    ("年内完成2个乡镇合并后的应急站点调整并建成应急避难场所4处。",
     [("完成2个乡镇合并后的应急站点调整", 2, "个", "乡镇合并后的应急站点调整", "=", "完成"),
      ("建成应急避难场所4处", 4, "处", "建成应急避难场所", "=", "建成")]),
]


@pytest.mark.parametrize("text,want", COUNTS + COUNTS_BESIDE, ids=[t[:12] for t, _ in COUNTS + COUNTS_BESIDE])
def test_counts(text, want):
    assert _targets(text) == want


# --- limits in hours ----------------------------------------------------------------------------------
H = "within_hours"
HOURS = [
    ("接报后1小时内向县应急管理局报告。",
     [("1小时内", H, None, None, None, 1, None, None, "接报后向县应急管理局报告")]),
    ("事故发生后，事故单位负责人应当在1小时内向柘川县应急管理局报告。",
     [("1小时内", H, None, None, None, 1, None, None, "事故单位负责人应当向柘川县应急管理局报告")]),
    ("蓼湾区防汛指挥部自接到预警之时起24小时内完成人员转移。",
     [("自接到预警之时起24小时内", H, None, None, None, 24, None, None, "蓼湾区防汛指挥部完成人员转移")]),
    # a duty rota and a condition beside a limit
    ("坚持24小时值班，重大情况二小时内报县政府。",
     [("二小时内", H, None, None, None, 2, None, None, "重大情况报县政府")]),
    ("企业24小时内发生两起事故的，县应急局4小时内派员到场。",
     [("4小时内", H, None, None, None, 4, None, None, "县应急局派员到场")]),
]


@pytest.mark.parametrize("text,want", HOURS, ids=[t[:12] for t, _ in HOURS])
def test_limits_in_hours(text, want):
    assert _deadlines(text, Y) == want


# --- evidence phrases without edge punctuation ----------------------------------------------------------
#: clauses whose n-gram phrases, with the shipped model, ran over a comma before the change (隐患排查，,
#: 消防安全检查，, 责任，: five phrases)
EVIDENCE_TEXTS = [
    "柘川县各乡镇要开展燃气安全隐患排查，严厉打击非法经营行为，做好风险评估，建立问题清单。",
    "蓼湾区住建局、区应急局、区消防救援大队要加强建筑施工、城镇燃气、消防安全检查，督促整改。",
    "中岳省各地要严格落实《安全生产责任制规定》，压实“三管三必须”责任，强化考核。",
    "严厉打击非法违法生产经营行为，坚持“铁腕治患、重典治乱”，严防重特大事故。",
]


def _edge(ch: str) -> bool:
    """The test's own reading of an edge character: white space or punctuation, not a figure's sign."""
    return ch.isspace() or (unicodedata.category(ch).startswith("P") and ch not in "%‰％")


@pytest.fixture(scope="module")
def shipped():
    from policytag.app import resolve_model
    from policytag.paths import shipped_model_dir

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    return resolve_model(str(shipped_model_dir()))


def test_ngram_phrases_show_words_without_edge_punctuation(shipped):
    from policytag.inference.tagging import tag_clauses
    from policytag.records import Clause

    clauses = [Clause(doc_id="p7", clause_id=f"c{i}", heading_path=(), text=t, kind="clause", agencies=(), span=(0, 0),
                      year=Y) for i, t in enumerate(EVIDENCE_TEXTS)]
    items = [(t.clause.text, e) for t in tag_clauses(shipped, clauses, progress=False) for per in t.evidence.values()
             for evs in per.values() for e in evs if e.kind == "ngram"]
    assert len(items) >= 20
    for text, e in items:
        assert text[e.span[0]:e.span[1]] == e.text
        assert not _edge(e.text[0]) and not _edge(e.text[-1]), e.text
    # the phrases the commas were cut from are there, with their words
    assert {"隐患排查", "消防安全检查", "责任"} <= {e.text for _, e in items}


@pytest.mark.parametrize("text,span,want", [
    ("做好风险评估，建立清单", (2, 7), "风险评估"),
    ("加强建筑施工、城镇燃气", (6, 9), "城镇"),
    ("落实《安全生产规划》要求", (2, 10), "安全生产规划"),
    ("覆盖率达到100%，", (3, 10), "达到100%"),
    ("检查，督促", (2, 3), "，"),  # nothing but an edge: as it is
])
def test_trim_phrase(text, span, want):
    from policytag.models.evidence import trim_phrase

    a, b = trim_phrase(text, *span)
    assert text[a:b] == want


# --- bare months with 份, dated phases ------------------------------------------------------------------
M, P = "by_end_of_month", "by_end_of_period"
PHASES = [
    ("6月份完成全县燃气用户入户安检。",
     [("6月份", M, None, 6, None, None, None, "2025-06-30", "完成全县燃气用户入户安检")]),
    # 6月份以来 is a time looked back on, beside a limit
    ("6月份以来全县开展检查，各乡镇要在9月份报送整改台账。",
     [("9月份", M, None, 9, None, None, None, "2025-09-30", "各乡镇报送整改台账")]),
    # a season defined in brackets, beside a dated phase
    ("汛期（6月至9月）要加强值班值守，集中整治阶段（4月1日—9月30日）逐项整治。",
     [("4月1日—9月30日", P, None, 9, 30, None, None, "2025-09-30", "集中整治阶段逐项整治")]),
    ("（一）动员部署阶段（第一季度）。",
     [("第一季度", P, None, 3, None, None, None, "2025-03-31", "动员部署阶段")]),
    ("总结验收阶段（12月上旬）：各乡镇完成自评。",
     [("12月上旬", P, None, 12, 10, None, None, "2025-12-10", "总结验收阶段")]),
]


@pytest.mark.parametrize("text,want", PHASES, ids=[t[:12] for t, _ in PHASES])
def test_bare_months_and_dated_phases(text, want):
    assert _deadlines(text, Y) == want


# --- accidents that happened are reported, not targets ---------------------------------------------------
HAPPENED = [
    ("2024年全县发生生产安全事故12起，同比下降20%。", []),
    ("2026年蓼湾区发生较大事故2起，同比下降50%；2027年较大事故起数控制在1起以内。",
     [("2027年较大事故起数控制在1起以内", 1, "起", "2027年较大事故起数", "<=", "控制在")]),
]


@pytest.mark.parametrize("text,want", HAPPENED, ids=[t[:12] for t, _ in HAPPENED])
def test_accidents_that_happened_are_reported(text, want):
    assert _targets(text) == want
    assert [ts for _, ts in extract_fields([text], [Y])] == [extract_targets(text)]


#: a bulletin's sentence before each guard (the code before this probe read its 20% as a target)
REPORTED = "2024年全县发生生产安全事故12起，同比下降20%。"


# after it, a commitment in the target's part, or no count of accidents: read as before
@pytest.mark.parametrize("text,want", [
    ("今年以来柘川县发生生产安全事故5起，全年事故起数要下降10%以上。",
     [("下降10%以上", 10, "%", "全年事故起数", ">=", "下降")]),
    ("确保不发生较大事故，事故起数下降5%。",
     [("不发生较大事故", 0, "", "较大事故", "=", "确保"), ("事故起数下降5%", 5, "%", "事故起数", "=", "下降")]),
    ("较大事故发生起数下降10%以上。", [("较大事故发生起数下降10%以上", 10, "%", "较大事故发生起数", ">=", "下降")]),
])
def test_commitments_beside_happened_stay_targets(text, want):
    assert _targets(REPORTED + text) == want


# --- a start is no limit; the eve of an event ------------------------------------------------------------
E = "before_event"
STARTS = [
    ("第三季度起，每半月开展一次巡查；一季度起草完成实施方案。",
     [("一季度", P, None, 3, None, None, None, "2025-03-31", "起草完成实施方案")]),
    ("下半年起全面推行电子巡检，6月下旬前完成设备安装。",
     [("6月下旬前", P, None, 6, None, None, None, "2025-06-30", "完成设备安装")]),
    ("国庆前夕组织开展旅游景区安全大检查。",
     [("国庆前夕", E, None, None, None, None, "国庆", "2025-09-30", "组织开展旅游景区安全大检查")]),
    ("中秋节前夕，蓼湾区市场监管局开展月饼生产企业检查。",
     [("中秋节前夕", E, None, None, None, None, "中秋节", None, "蓼湾区市场监管局开展月饼生产企业检查")]),
]


@pytest.mark.parametrize("text,want", STARTS, ids=[t[:12] for t, _ in STARTS])
def test_starts_and_eves(text, want):
    assert _deadlines(text, Y) == want


# --- dates sharing one 前 ------------------------------------------------------------------------------
D = "by_date"
ENUMERATED = [
    ("各成员单位分别于6月底、12月底前报送半年和全年工作总结。",
     [("6月底", M, None, 6, None, None, None, "2025-06-30", "各成员单位分别报送半年和全年工作总结"),
      ("12月底前", M, None, 12, None, None, None, "2025-12-31", "各成员单位分别报送半年和全年工作总结")]),
    ("各乡镇于7月5日、次年1月5日前分别报送考核材料。",
     [("7月5日", D, None, 7, 5, None, None, "2025-07-05", "各乡镇分别报送考核材料"),
      ("次年1月5日前", D, 2026, 1, 5, None, None, "2026-01-05", "各乡镇分别报送考核材料")]),
    ("（一）蓼湾区各街道于3月15日、6月15日、9月15日前报送季度台账。",
     [("3月15日", D, None, 3, 15, None, None, "2025-03-15", "蓼湾区各街道报送季度台账"),
      ("6月15日", D, None, 6, 15, None, None, "2025-06-15", "蓼湾区各街道报送季度台账"),
      ("9月15日前", D, None, 9, 15, None, None, "2025-09-15", "蓼湾区各街道报送季度台账")]),
    # no 前 after the last date: none, beside a pair that shares one
    ("6月底、9月底各报送一次；各乡镇分别于6月底、12月底前报送工作总结。",
     [("6月底", M, None, 6, None, None, None, "2025-06-30", "各乡镇分别报送工作总结"),
      ("12月底前", M, None, 12, None, None, None, "2025-12-31", "各乡镇分别报送工作总结")]),
]


@pytest.mark.parametrize("text,want", ENUMERATED, ids=[t[:12] for t, _ in ENUMERATED])
def test_enumerated_dates_share_their_before(text, want):
    assert _deadlines(text, Y) == want


# --- through `policytag tag` ---------------------------------------------------------------------------
#: an invented county's plan; the fields its rows should carry, written down first
NOTICE = """柘川县城镇燃气安全专项整治实施方案

一、整治阶段
（一）动员部署阶段（3月底前）。各乡镇制定本地实施方案，明确整治重点。
（二）集中整治阶段（4月1日—9月30日）。各乡镇对照清单逐项整治，建成一类应急避难场所4处并配齐物资（县应急局牵头，县住建局、县消防救援大队配合）。
（三）总结验收阶段。10月份完成自评并报县安委办，县安委办组织验收。
二、工作要求
（一）信息报送。发生燃气事故后，事发地乡镇应当在1小时内向县应急管理局报告。
（二）工作回顾。2024年全县发生燃气事故3起，同比下降25%。

柘川县安全生产委员会办公室
2025年2月20日
"""
NOTICE_DEADLINES = [("3月底前", "by_end_of_month", "2025-03-31"), ("4月1日—9月30日", P, "2025-09-30"),
                    ("10月份", M, "2025-10-31"), ("1小时内", H, None)]
NOTICE_TARGETS = [("建成一类应急避难场所4处", 4, "处")]
NOTICE_AGENCIES = ["县应急局", "县住建局", "县消防救援大队"]


def test_tag_rows_carry_the_fields(policytag_cli, keyword_run, tmp_path):
    notice = tmp_path / "zhechuan_gas_2025.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = policytag_cli("tag", str(notice), "--model", str(keyword_run), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [(d["text"], d["kind"], d["due"]) for row in rows for d in row["deadlines"]] == NOTICE_DEADLINES
    assert [(t["text"], t["value"], t["unit"]) for row in rows for t in row["targets"]] == NOTICE_TARGETS
    assert [a for row in rows for a in row["agencies"]] == NOTICE_AGENCIES
