"""Extraction probe 8: fields misread (or unread) on text other governments write (工作要点 items,
专项整治 phases, 应急预案 response times, regulations with fines, 安委会 notices, county bulletins),
each fixed by a general rule, with the look-alikes beside them that must stay as they read.

* a plan's horizon ``到2027年，…`` (also 至, 力争到, 二〇二七年) is a deadline: ``by_end_of_year`` of that
  year (``text`` 2027年, as 到2027年底 gives 2027年底), the action what follows; not a year range
  (2026年到2027年), a postponement (推迟到2027年), a year that opens a work sentence (2025年，全县要…) nor
  a past one;
* limits in minutes are ``within_minutes`` (30分钟内, 半小时内: ``period`` in minutes), as limits in hours
  are ``within_hours``; 两 is a numeral of an hour limit as of any other (两小时内);
* a month a rule starts from (自2025年4月起, 2025年7月起, 10月份起) is ``effective_from`` (``day`` null, ``due``
  the month's first day), as a day it starts from is; not 起草 (6月起草…), a phase (2025年4月起至10月) nor a
  season (每年4月起);
* a frequency of several years or months is a ``per`` as written (每三年 -> 三年, 每两个月 -> 两个月), so a
  weak verb with it is a count (每两年开展一次安全评价);
* a cap on a fine (处不超过5万元的罚款) is a penalty, not a target; a rate kept (覆盖率保持100%) is;
* limits enumerated with their own tasks (30分钟内电话报告、1小时内书面报告) keep their own: each action ends at
  the 、 before the next limit, a later limit's lead is its subject after the 、 or the one before the first;
* windows (春节、全国两会期间, 汛期期间, 国庆节期间) stay unread: no kind of the deadline vocabulary is a
  window (a field to read them would be a new one: left as documented);
* evidence (models/evidence.py): an n-gram phrase does not begin or end inside a run of digits or Latin
  letters (``00公里`` of 500公里 is shown as 500公里, ``开展5`` of 5G as 开展5G).

Every sentence is invented for this file (places and organs too); the readings were written down
before the code ran on them.
"""

from __future__ import annotations

import functools

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets

from test_extract_probe2 import _targets  # (text, value, unit, what, comparator, verb) of each target
from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each

Y = 2025
YE, P, M, D = "by_end_of_year", "by_end_of_period", "by_end_of_month", "by_date"
H, MIN, F = "within_hours", "within_minutes", "effective_from"


def _fields_agree(text: str, year: int = Y) -> None:
    """The batch path (``extract_fields``) reads what the one-text functions read."""
    assert extract_fields([text], [year]) == [(extract_deadlines(text, year), extract_targets(text))]


# --- a plan's horizon ----------------------------------------------------------------------------------
HORIZONS = [
    ("到2027年，全市生产安全事故死亡人数下降20%。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全市生产安全事故死亡人数下降20%")]),
    ("到2027年全市建成应急避难场所20处。",
     [("2027年", YE, 2027, None, None, None, None, "2027-12-31", "全市建成应急避难场所20处")]),
    ("力争到2030年，全县危险化学品企业全部完成智能化改造。",
     [("2030年", YE, 2030, None, None, None, None, "2030-12-31", "全县危险化学品企业全部完成智能化改造")]),
    ("至2026年，鹤汀县乡镇专职消防队覆盖率达到100%。",
     [("2026年", YE, 2026, None, None, None, None, "2026-12-31", "鹤汀县乡镇专职消防队覆盖率达到100%")]),
    ("到二〇二七年，基本建成应急物资保障体系。",
     [("二〇二七年", YE, 2027, None, None, None, None, "2027-12-31", "基本建成应急物资保障体系")]),
    # (read as before: the year end after 到)
    ("到2026年底，全区完成老旧燃气管道更新改造。",
     [("2026年底", YE, 2026, None, None, None, None, "2026-12-31", "全区完成老旧燃气管道更新改造")]),
]
HORIZONS_BESIDE = [
    ("2026年到2027年分两批完成改造。", []),  # a range of years
    ("原定的验收推迟到2027年进行。", []),  # a postponement
    ("2025年，全县要突出抓好燃气安全整治。", []),  # the work year
    ("到2024年，全市已建成应急避难场所12处。", []),  # before the notice year (and reported)
]


@pytest.mark.parametrize("text,want", HORIZONS + HORIZONS_BESIDE, ids=[t[:12] for t, _ in HORIZONS + HORIZONS_BESIDE])
def test_horizons(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


def test_horizon_beside_its_target():
    text = "到2027年，全市生产安全事故死亡人数下降20%。"
    assert _targets(text) == [("全市生产安全事故死亡人数下降20%", 20, "%", "全市生产安全事故死亡人数", "=", "下降")]


# --- limits in minutes and hours ------------------------------------------------------------------------
LIMITS = [
    ("接到报告后30分钟内赶赴现场。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "接到报告后赶赴现场")]),
    ("较大事故发生后，县应急局负责人半小时内到达现场。",
     [("半小时内", MIN, None, None, None, 30, None, None, "县应急局负责人到达现场")]),
    ("应急响应启动后，救援队伍应在30分钟内集结完毕。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "救援队伍集结完毕")]),
    ("两小时内书面报告市应急管理局。",
     [("两小时内", H, None, None, None, 2, None, None, "书面报告市应急管理局")]),
    ("预警信息发布后，各成员单位要在12小时内完成人员转移准备。",
     [("12小时内", H, None, None, None, 12, None, None, "各成员单位完成人员转移准备")]),
    ("自接到指令之时起15分钟内出动。",
     [("自接到指令之时起15分钟内", MIN, None, None, None, 15, None, None, "出动")]),
    # a step number with a closing bracket only is no part of the action (2）重大险情… before)
    ("2）重大险情要在30分钟内电话报告鹤汀县应急管理局。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "重大险情电话报告鹤汀县应急管理局")]),
]
LIMITS_BESIDE = [
    ("事故调查组应当在48小时以内提交初步报告。",
     [("48小时以内", H, None, None, None, 48, None, None, "事故调查组应当提交初步报告")]),
    ("Ⅳ级响应：事发地县应急局接报后1小时内上报市应急局。",
     [("1小时内", H, None, None, None, 1, None, None, "事发地县应急局接报后上报市应急局")]),
    ("建成城区15分钟应急救援圈。", []),  # a reach, not a limit
    ("每30分钟巡查一次库区水位。", []),  # a frequency
    ("实行24小时值班和领导带班制度。", []),  # a rota
    ("30分钟内发生两次以上险情的，立即启动响应。", []),  # a condition
]


@pytest.mark.parametrize("text,want", LIMITS + LIMITS_BESIDE, ids=[t[:12] for t, _ in LIMITS + LIMITS_BESIDE])
def test_limits_in_minutes_and_hours(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


def test_an_hour_limit_in_chinese_numerals_is_no_action_of_the_next():
    # (两小时内 was unread: the limit after it borrowed its chunk as its action)
    text = "事故发生后，单位负责人两小时内书面报告，48小时以内提交报告。"
    assert _deadlines(text, Y) == [
        ("两小时内", H, None, None, None, 2, None, None, "单位负责人书面报告"),
        # (a chunk with a limit of its own lends no action: docs/tagging.md)
        ("48小时以内", H, None, None, None, 48, None, None, "提交报告")]


# --- windows stay unread --------------------------------------------------------------------------------
WINDOWS = [
    ("春节、全国两会期间，各地要严格执行24小时值班制度。", []),
    ("汛期期间，各水库管理单位要加强巡查。", []),
    ("国庆节期间开展旅游景区安全检查。", []),
    ("国庆节前完成景区设施检修，国庆节期间加强值守。",
     [("国庆节前", "before_event", None, None, None, None, "国庆节", "2025-09-30", "完成景区设施检修")]),
]


@pytest.mark.parametrize("text,want", WINDOWS, ids=[t[:12] for t, _ in WINDOWS])
def test_windows_stay_unread(text, want):
    assert _deadlines(text, Y) == want
    assert _targets(text) == []


# --- a month a rule starts from -------------------------------------------------------------------------
STARTS = [
    ("自2025年4月起，全面推行安全生产电子台账。",
     [("2025年4月起", F, 2025, 4, None, None, None, "2025-04-01", "全面推行安全生产电子台账")]),
    ("2025年7月起实行隐患排查月报制度。",
     [("2025年7月起", F, 2025, 7, None, None, None, "2025-07-01", "实行隐患排查月报制度")]),
    ("从10月份起，各乡镇每月报送一次隐患台账。",
     [("10月份起", F, None, 10, None, None, None, "2025-10-01", "各乡镇每月报送一次隐患台账")]),
]
STARTS_BESIDE = [
    ("6月起草完成实施方案。", []),
    ("2025年4月起至10月，开展燃气安全专项整治。",
     [("2025年4月起至10月", P, 2025, 10, None, None, None, "2025-10-31", "开展燃气安全专项整治")]),
    ("每年4月起进入主汛期。", []),
    ("2025年7月1日起施行。", [("2025年7月1日起", F, 2025, 7, 1, None, None, "2025-07-01", "施行")]),
    # the 自 of a start is no part of what starts (本办法自施行 before)
    ("本办法自2025年7月1日起施行。", [("2025年7月1日起", F, 2025, 7, 1, None, None, "2025-07-01", "本办法施行")]),
    # a start borrows no action from the chunk before (its 自 kept it from doing so before)
    ("本规定由县应急管理局负责解释，自2025年9月1日起施行。",
     [("2025年9月1日起", F, 2025, 9, 1, None, None, "2025-09-01", "施行")]),
]


@pytest.mark.parametrize("text,want", STARTS + STARTS_BESIDE, ids=[t[:12] for t, _ in STARTS + STARTS_BESIDE])
def test_month_starts(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- frequencies ----------------------------------------------------------------------------------------
def _per(text: str) -> list[tuple]:
    return [(t.text, t.value, t.unit, t.what, t.comparator, t.verb, t.per) for t in extract_targets(text)]


FREQUENCIES = [
    ("每三年至少修订一次应急预案。", [("至少修订一次应急预案", 1, "次", "应急预案", ">=", None, "三年")]),
    ("每两年开展一次安全评价。", [("开展一次安全评价", 1, "次", "安全评价", "=", "开展", "两年")]),
    ("每两个月召开一次安委会成员单位联络员会议。",
     [("召开一次安委会成员单位联络员会议", 1, "次", "安委会成员单位联络员会议", "=", "召开", "两个月")]),
]
FREQUENCIES_BESIDE = [
    ("每季度至少组织一次应急演练。", [("至少组织一次应急演练", 1, "次", "应急演练", ">=", "组织", "季度")]),
    ("每月开展一次隐患排查。", [("开展一次隐患排查", 1, "次", "隐患排查", "=", "开展", "月")]),
    ("生产经营单位每年至少开展一次综合应急演练。",
     [("至少开展一次综合应急演练", 1, "次", "综合应急演练", ">=", "开展", "年")]),
    ("每半年至少召开一次安委会全体会议。",
     [("至少召开一次安委会全体会议", 1, "次", "安委会全体会议", ">=", "召开", "半年")]),
    ("三年开展一次安全评价。", []),  # no 每: a weak verb and one, no frequency
]


@pytest.mark.parametrize("text,want", FREQUENCIES + FREQUENCIES_BESIDE,
                         ids=[t[:12] for t, _ in FREQUENCIES + FREQUENCIES_BESIDE])
def test_frequencies(text, want):
    assert _per(text) == want
    _fields_agree(text)


# --- fines and kept rates -------------------------------------------------------------------------------
FINES = [
    ("对有关责任人员处不超过5万元的罚款。", []),
    ("情节严重的，可以处不低于2万元的罚款。", []),
    ("对单位主要负责人的罚款金额不超过10万元。", []),
    ("违反本条例规定的，责令限期改正，处1万元以上5万元以下罚款。", []),
    ("逾期未改正的，处5万元以上10万元以下的罚款，对其直接负责的主管人员处1万元以上2万元以下的罚款。", []),
]


@pytest.mark.parametrize("text,want", FINES, ids=[t[:12] for t, _ in FINES])
def test_fines_are_no_targets(text, want):
    assert _targets(text) == want
    _fields_agree(text)


def test_a_subsidy_beside_a_fine_is_a_target():
    # (a 处 that is no penalty: each site; the amount is a commitment)
    text = "对验收合格的每处避难场所补助不少于5万元，对未通过验收的处1万元以上3万元以下罚款。"
    assert [(t.text, t.value, t.unit, t.comparator) for t in extract_targets(text)] == [("不少于5万元", 5, "万元", ">=")]
    _fields_agree(text)


RATES = [
    ("全市危险化学品企业重大危险源在线监测覆盖率保持100%。",
     [("全市危险化学品企业重大危险源在线监测覆盖率保持100%", 100, "%", "全市危险化学品企业重大危险源在线监测覆盖率", "=", "保持")]),
]
RATES_BESIDE = [
    ("确保重大事故隐患整改率达到100%，一般隐患整改率不低于95%。",
     [("重大事故隐患整改率达到100%", 100, "%", "重大事故隐患整改率", ">=", "达到"),
      ("一般隐患整改率不低于95%", 95, "%", "一般隐患整改率", ">=", "不低于")]),
    ("力争较大事故起数同比下降10%以上。", [("较大事故起数同比下降10%以上", 10, "%", "较大事故起数", ">=", "同比下降")]),
    ("保持高压严管态势，2025年底前整治完成率达到100%。",
     [("整治完成率达到100%", 100, "%", "整治完成率", ">=", "达到")]),
]


@pytest.mark.parametrize("text,want", RATES + RATES_BESIDE, ids=[t[:12] for t, _ in RATES + RATES_BESIDE])
def test_rates(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- guards in other genres: read as before ---------------------------------------------------------------
GENRE_DEADLINES = [
    # 工作要点 items
    ("（三）年内新建消防站3座，改造老旧消防站5座。",
     [("年内", "within_year", None, None, None, None, None, "2025-12-31", "新建消防站3座")]),
    ("各地要于2025年12月20日前将工作总结报送市安委办。",
     [("2025年12月20日前", D, 2025, 12, 20, None, None, "2025-12-20", "各地将工作总结报送市安委办")]),
    ("请各单位于每月5日前报送上月隐患排查治理情况。",
     [("每月5日前", "recurring", None, None, 5, None, "每月", None, "请各单位报送上月隐患排查治理情况")]),
    # 专项整治 phases
    ("（一）排查整治阶段（2025年5月—6月）。",
     [("2025年5月—6月", P, 2025, 6, None, None, None, "2025-06-30", "排查整治阶段")]),
    ("2025年5月至6月，集中开展燃气安全“回头看”。",
     [("2025年5月至6月", P, 2025, 6, None, None, None, "2025-06-30", "集中开展燃气安全“回头看”")]),
    ("2025年11月至2026年2月，开展冬春火灾防控。",
     [("2025年11月至2026年2月", P, 2026, 2, None, None, None, "2026-02-28", "开展冬春火灾防控")]),
    ("5月—6月为集中整治期。", []),
    # regulations
    ("县应急管理局应当自受理申请之日起20个工作日内作出决定。",
     [("自受理申请之日起20个工作日内", "within_days", None, None, None, 20, None, None, "县应急管理局应当作出决定")]),
    # county bulletins
    ("截至11月底，全县共排查一般隐患1256项，已整改1198项，整改率95.4%。", []),
]


@pytest.mark.parametrize("text,want", GENRE_DEADLINES, ids=[t[:12] for t, _ in GENRE_DEADLINES])
def test_genre_deadlines(text, want):
    assert _deadlines(text, Y) == want


GENRE_TARGETS = [
    ("（三）年内新建消防站3座，改造老旧消防站5座。",
     [("新建消防站3座", 3, "座", "新建消防站", "=", "新建"), ("改造老旧消防站5座", 5, "座", "改造老旧消防站", "=", "改造")]),
    ("各县（市、区）至少建成1个标准化应急物资储备库。",
     [("至少建成1个标准化应急物资储备库", 1, "个", "标准化应急物资储备库", ">=", "建成")]),
    ("培训基层应急管理干部500人次以上。",
     [("培训基层应急管理干部500人次以上", 500, "人次", "培训基层应急管理干部", ">=", "培训")]),
    ("生产经营单位应当每年至少组织一次生产安全事故应急救援演练。",
     [("至少组织一次生产安全事故应急救援演练", 1, "次", "生产安全事故应急救援演练", ">=", "组织")]),
    ("截至11月底，全县共排查一般隐患1256项，已整改1198项，整改率95.4%。", []),
    ("今年以来，全区发生生产安全事故3起，死亡3人，同比分别下降25%和40%。", []),
]


@pytest.mark.parametrize("text,want", GENRE_TARGETS, ids=[t[:12] for t, _ in GENRE_TARGETS])
def test_genre_targets(text, want):
    assert _targets(text) == want


# --- evidence phrases do not cut a figure or a code -------------------------------------------------------
import re  # noqa: E402  (the evidence part's own reading of a run)

#: the test's reading of a run: digits and Latin letters, a decimal point between digits
RUN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+(?:[.．][0-9０-９]+[0-9A-Za-z]*)*")

EVIDENCE_TEXTS = [
    "蓼川县年内新建改造燃气管网500公里，更新改造老旧管道1200公里。",
    "全县完成LNG储罐检测30座，推进5G基站消防巡检。",
    "鹤汀县建成应急广播终端1860个，覆盖率达到98.5%。",
    "煤矿百万吨死亡率控制在0.05以下，每季度开展一次PM2.5浓度监测。",
]


def _cuts(text: str, a: int, b: int) -> bool:
    return any(s < a < e or s < b < e for s, e in (m.span() for m in RUN.finditer(text)))


@pytest.fixture(scope="module")
def shipped():
    from policytag.app import resolve_model
    from policytag.paths import shipped_model_dir

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    return resolve_model(str(shipped_model_dir()))


def test_ngram_phrases_do_not_cut_figures_or_codes(shipped):
    from policytag.inference.tagging import tag_clauses
    from policytag.records import Clause

    clauses = [Clause(doc_id="p8", clause_id=f"c{i}", heading_path=(), text=t, kind="clause", agencies=(), span=(0, 0),
                      year=Y) for i, t in enumerate(EVIDENCE_TEXTS)]
    items = [(t.clause.text, e) for t in tag_clauses(shipped, clauses, progress=False) for per in t.evidence.values()
             for evs in per.values() for e in evs if e.kind == "ngram"]
    assert len(items) >= 15
    for text, e in items:
        assert text[e.span[0]:e.span[1]] == e.text
        assert not _cuts(text, *e.span), e.text
    # (phrases that touch a figure are there: the property is not met by having none)
    assert any(RUN.search(e.text) for _, e in items)


@pytest.mark.parametrize("text,span,want", [
    ("新建改造燃气管网500公里，", (10, 14), "500公里"),  # 00公里
    ("推进5G基站巡检", (0, 3), "推进5G"),  # 推进5
    ("完成LNG储罐检测", (3, 7), "LNG储罐"),  # NG储罐
    ("死亡率控制在0.05以下", (8, 12), "0.05以下"),  # 05以下
    ("死亡率控制在0.05以下", (7, 12), "0.05以下"),  # .05以下 (the point is an edge: trimmed, then widened)
    ("覆盖率达到98.5%，", (3, 7), "达到98.5"),  # 达到98
    ("覆盖率达到100%，", (3, 10), "达到100%"),  # whole: as it was
    # a run longer than the reach (a serial number, a web address) is left cut, not shown whole
    ("登录abcdefghijklmnopqrstuvwxyz查询", (0, 5), "登录abc"),
    ("编号AB12345678901234567890号", (19, 25), "67890号"),
])
def test_trim_phrase_widens_to_whole_runs(text, span, want):
    from policytag.models.evidence import trim_phrase

    a, b = trim_phrase(text, *span)
    assert text[a:b] == want


# --- the gates keep the new forms -------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from policytag.inference import extract as ex  # noqa: E402

#: the pieces of the forms added here and their look-alikes
PIECES = ["到", "至", "力争", "推迟", "2027", "2025", "年", "二〇二七", "二零", "，", "。", " ", "分钟", "半", "个", "小时", "内",
          "以内", "之", "30", "两", "十五", "月", "4", "10", "份", "起", "草", "自", "从", "每", "每年", "每三年", "至少", "开展",
          "一次", "次", "全市", "建成", "—", "底", "前", "罚款", "处", "不超过", "5万元", "的", "保持", "100%", "率", "达到"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_gates_never_drop_the_new_forms(text):
    """A text one of the added forms matches passes every gate before its scan (the flag, the
    substring tests, ``_may_have_more``), and the batch reads what the one-text functions read."""
    flags = ex._text_flags([text], ex._batch_code_points([text]))[0]
    if ex.RE_DEADLINE_MORE.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text) and ex._may_have_more(text), text
    if ex.RE_HORIZON.search(text):
        assert flags & ex._FLAG_TIME and ex._may_have_deadline(text) and ex._may_have_horizon(text), text
    assert extract_fields([text], [Y]) == [(extract_deadlines(text, Y), extract_targets(text))]


from test_speed import _both_ways, _random_labels, _tfidf_learners  # noqa: E402

_LEARNERS = functools.lru_cache(maxsize=1)(_tfidf_learners)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(list("燃气管网改造公里达到率以下安全，、 0123456789.．５GLNPMx%") + ["2.5", "0.05"]),
                         max_size=20).map("".join), min_size=1, max_size=6), st.integers(0, 1000))
def test_widened_phrases_equal_clause_by_clause(texts, seed):
    """The batch widens what the clause-by-clause reference (``trim_phrase``) widens, on text dense in
    figures, codes, decimal points of both widths and the ends of texts."""
    from policytag.records import Clause

    learners = _LEARNERS()
    clauses = [Clause(doc_id="d", clause_id=f"c{i}", heading_path=(), text=t, kind="clause") for i, t in enumerate(texts)]
    learner = learners[seed % len(learners)]
    got, want = _both_ways(learner, clauses, _random_labels(learner.taxonomy, len(clauses), seed))
    assert got == want


# --- limits enumerated with their own tasks ----------------------------------------------------------------
#: X内A、Y内B (应急预案: 30分钟内电话报告、1小时内书面报告; plans: 于6月底前完成自查、…7月底前完成抽查): each limit's
#: action is its own task, with the subject the parts share or its own after the 、 (the second limit's action
#: held the first limit and its task, the first's held the second's)
OWN_TASKS = [
    ("较大事故发生后，事发地乡镇要在30分钟内电话报告、1小时内书面报告县应急管理局。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "事发地乡镇电话报告"),
      ("1小时内", H, None, None, None, 1, None, None, "事发地乡镇书面报告县应急管理局")]),
    ("重要情况半小时内电话报告、1小时内书面报告。",
     [("半小时内", MIN, None, None, None, 30, None, None, "重要情况电话报告"),
      ("1小时内", H, None, None, None, 1, None, None, "重要情况书面报告")]),
    ("各乡镇于6月底前完成自查、县应急局于7月底前完成抽查。",
     [("6月底前", M, None, 6, None, None, None, "2025-06-30", "各乡镇完成自查"),
      ("7月底前", M, None, 7, None, None, None, "2025-07-31", "县应急局完成抽查")]),
]
OWN_TASKS_BESIDE = [
    # an enumeration of objects: one task
    ("6月底前完成燃气、消防安全检查。", [("6月底前", M, None, 6, None, None, None, "2025-06-30", "完成燃气、消防安全检查")]),
    # dates sharing one 前: as before
    ("各乡镇分别于6月底、12月底前报送工作总结。",
     [("6月底", M, None, 6, None, None, None, "2025-06-30", "各乡镇分别报送工作总结"),
      ("12月底前", M, None, 12, None, None, None, "2025-12-31", "各乡镇分别报送工作总结")]),
]


@pytest.mark.parametrize("text,want", OWN_TASKS + OWN_TASKS_BESIDE, ids=[t[:12] for t, _ in OWN_TASKS + OWN_TASKS_BESIDE])
def test_enumerated_limits_keep_their_own_tasks(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- events enumerated before one 前 ------------------------------------------------------------------------
EVENTS = [
    # (元旦 was unread and left in the action: 元旦各地要组织开展安全大检查)
    ("元旦、春节前，各地要组织开展安全大检查。",
     [("元旦", "before_event", None, None, None, None, "元旦", None, "各地要组织开展安全大检查"),
      ("春节前", "before_event", None, None, None, None, "春节", None, "各地要组织开展安全大检查")]),
    ("五一、国庆前，对旅游景区开展安全检查。",
     [("五一", "before_event", None, None, None, None, "五一", "2025-04-30", "对旅游景区开展安全检查"),
      ("国庆前", "before_event", None, None, None, None, "国庆", "2025-09-30", "对旅游景区开展安全检查")]),
]
EVENTS_BESIDE = [
    ("元旦、春节前后，加强值班值守。", []),  # around them
    ("汛前、汛中、汛后开展巡查。", []),  # phases of work
    ("做好元旦、春节前安全检查。", []),  # a kind of work (做好…安全检查), as 做好春节前安全检查 is
    ("做好春节前安全检查。", []),
]


@pytest.mark.parametrize("text,want", EVENTS + EVENTS_BESIDE, ids=[t[:12] for t, _ in EVENTS + EVENTS_BESIDE])
def test_events_sharing_one_before(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- a subject enumerated before 均 --------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    # (what held 均: 特种作业人员持证上岗率、培训覆盖率均; the text is the verb and figure, as after 要)
    ("特种作业人员持证上岗率、培训覆盖率均达到100%。",
     [("达到100%", 100, "%", "特种作业人员持证上岗率、培训覆盖率", ">=", "达到")]),
    # (as before)
    ("重大事故隐患整改率要达到100%。", [("达到100%", 100, "%", "重大事故隐患整改率", ">=", "达到")]),
])
def test_a_subject_before_jun(text, want):
    assert _targets(text) == want
    _fields_agree(text)
