"""Extraction probe 5.

* The cheaper gates of session 9 (``inference.extract``) never drop a reading: the second
  lookaheads of the deadline patterns and the count pattern's numeral reach against the patterns
  without them, the batch's flags per text (``_text_flags``) against the tests they stand for,
  and the trailing-word checks of ``_tidy``/``_obj`` against the patterns alone, on generated text
  dense in what the gates look at (white space between a numeral and its unit, half-width
  punctuation, full-width and other scripts' digits).
* ``policytag tag`` reads a notice's deadlines against its signing date (``Document.date``, handed
  to ``tag_clauses(dates=)`` by the ``tag`` command and by the streaming path): a work report's
  periods before its date are not deadlines, in the JSONL rows, the Markdown and HTML reports and
  the streamed rows alike (an invented county's notice, its right reading written down first).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytag.inference import extract as ex

# what the gates look at: time words and their look-alikes, numerals of several scripts, units,
# verbs, white space, delimiters of both widths, zero and reporting words
PIECES = ["年", "月", "日", "号", "底", "末", "前", "内", "之", "以", "起", "至", "到", "—", "-", "~", "份", "季度", "季", "旬", "上", "中",
          "下", "半年", "半", "期限", "时限", "限", "每", "每月", "每年", "即日", "自", "从", "清明", "端午", "中秋", "汛", "汛期", "主汛期",
          "入汛", "入冬", "春节", "元旦", "国庆", "五一", "两会", "节假日", "冬季", "雨季", "防", "今年", "当年", "本年", "元", "第", "个",
          "工作", "天", "〇", "零", "会", "2027", "20", "6", "30", "0.5", "１２", "٣", "一", "二", "两", "三", "十", "十二", "九",
          "个月", "家", "座", "次", "人次", "万元", "公里", "小时", "起", "%", "％", "建成", "完成", "开展", "组织开展", "不少于", "至少",
          "达到", "控制在", "新建改造", "同比下降", "不发生", "零死亡", "共检查", "累计", "截至", "已完成", "了", "为了", "确保",
          "要", "须", "的", "并", "在", "煤矿", "隐患", "整改", " ", "  ", "\t", "\n", "，", "。", "；", "：", ",", ".", ";", ":",
          "!", "?", "（", "）", "“", "”", "𠀀"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _matches(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in rx.finditer(text)]


def _without(rx: re.Pattern, part: str) -> re.Pattern:
    """``rx`` without one of its lookaheads (the pattern as it was before that gate)."""
    assert rx.pattern.count(part) == 1
    return re.compile(rx.pattern.replace(part, ""))


GATED = [(ex.RE_DEADLINE, ex._DEADLINE_SECOND), (ex.RE_DEADLINE_MORE, ex._MORE_SECOND),
         (ex.RE_DEADLINE_WORDS, ex._WORDS_SECOND), (ex.RE_COUNT, ex._COUNT_NEAR)]
UNGATED = [(rx, _without(rx, part)) for rx, part in GATED]


@SETTINGS
@given(TEXT)
def test_the_second_lookaheads_keep_every_match(text):
    for rx, plain in UNGATED:
        assert _matches(rx, text) == _matches(plain, text), rx.pattern[:40]


@pytest.mark.parametrize("text", [
    "2027年底前完成", "年内建成", "一年内", "两年之内", "十二月底前", "二〇二七年六月三十日前", "元月5日前", "元旦前", "主汛期前", "入冬前",
    "5月至9月，开展", "二季度末前", "6月下旬前", "15个工作日内", "十日以内", "6月完成", "每月5日前", "即日起至9月底", "上半年",
    "期限为3个月", "中秋节前", "至少建成 3 座", "不少于\t两次", "建成20座", "组织开展不少于二 次演练",
])
def test_the_forms_the_lookaheads_look_for_are_still_read(text):
    """Each second lookahead admits the forms it was written for (the property test above compares
    the patterns on generated text; these are the forms by name)."""
    assert any(_matches(rx, text) for rx, _ in GATED), text
    for rx, plain in UNGATED:
        assert _matches(rx, text) == _matches(plain, text)


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_the_text_flags_never_say_no(texts):
    """A text without a flag has none of what the flag stands for."""
    flags = ex._text_flags(texts, ex._batch_code_points(texts))
    for text, f in zip(texts, flags):
        assert f & ex._FLAG_TIME or not ex._may_have_deadline(text), text
        assert f & ex._FLAG_WIDTH or ex._fullwidth(text) is text, text
        assert f & ex._FLAG_WORDS or not ex._WORD_GATE.search(text), text
        assert f & ex._FLAG_ZERO or not ex._zero_word(text), text
        assert f & ex._FLAG_CUE or not ex._REPORT_CUE.search(text), text
        assert f & ex._FLAG_COUNT or not ex._COUNT_GATE.search(text), text
        assert f & ex._FLAG_DIGIT or not re.search(r"\d", text), text


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=6), st.integers(2015, 2028),
       st.sampled_from([None, "2027-06-20", "2016-01-01"]))
def test_extract_fields_equals_text_by_text(texts, year, date):
    years, dates = [year] * len(texts), [date] * len(texts)
    want = [(ex.extract_deadlines(t, y, notice_date=d), ex.extract_targets(t)) for t, y, d in zip(texts, years, dates)]
    assert ex.extract_fields(texts, years, dates) == want


def test_a_count_with_white_space_before_its_unit_is_read_in_a_batch():
    """(a Chinese numeral, then white space, then the unit: _FLAG_COUNT is set on the numeral and
    the space, not only on a numeral right before a unit's first character)"""
    texts = ["各单位每月组织开展应急演练不少于二 次。", "加强隐患排查。"]
    got = ex.extract_fields(texts, [2027, 2027])
    assert [(t.value, t.unit, t.comparator) for t in got[0][1]] == [(2, "次", ">=")]
    assert got == [(ex.extract_deadlines(t, 2027), ex.extract_targets(t)) for t in texts]


TRAIL_PIECES = ["并且", "并", "且", "要", "须", "需", "必须", "务必", "确保", "力争", "争取", "努力", "在", "于", "到", "至", "将",
                "应", "的", "整改", "求", "位", "少", "同时", "全力", "之", "前", "\n", " ", "　", "，", "、"]


@SETTINGS
@given(st.lists(st.sampled_from(TRAIL_PIECES), max_size=8).map("".join))
def test_tidy_and_obj_equal_their_patterns_alone(s):
    def tidy(s: str) -> str:
        s = ex._LEAD.sub("", s.strip(" 　，、"))
        return ex._TRAIL.sub("", s).strip(" 　，、")

    def obj(s: str) -> str:
        s = s.strip(" 　，、")
        s = s[1:] if s.startswith("的") else s
        return ex._OBJ_TRAIL.sub("", s).strip(" 　，、")

    assert ex._tidy(s) == tidy(s)
    assert ex._obj(s) == obj(s)


# --- the notice's date in `policytag tag` ------------------------------------------------------------
#: an invented county's bulletin dated 2027-06-20: its first part reports work done by dates before
#: that (no 了, no 已/共/累计 to say so), its second part sets limits after it
REPORT_AND_PLAN = """青岚县安全生产委员会办公室关于燃气安全专项整治进展和下一步工作安排的通报

各乡镇人民政府，县安委会各成员单位：
现将今年以来全县燃气安全专项整治进展和下一步工作安排通报如下。
一、工作进展
（一）排查整治。全县于2027年4月底前完成城镇燃气用户安全检查，发现隐患127处，均整改到位。
（二）餐饮场所检查。5月31日前，县市场监管局会同各乡镇对辖区内86家餐饮场所逐一开展燃气安全检查，督促加装报警装置。
（三）宣传培训。2027年3月1日至4月30日，县应急管理局组织开展燃气安全进社区活动，覆盖群众2.1万人次。
二、下一步工作安排
（一）各乡镇要在2027年9月底前完成老旧燃气管道更新改造。
（二）县住建局于7月15日前将整改情况报县安委办。
（三）年底前，全县建成燃气安全监测预警平台。

青岚县安全生产委员会办公室
2027年6月20日
"""
#: written down before the code ran on it: the three limits of the second part; not 2027年4月底前
#: (2027-04-30), 5月31日前 (2027-05-31) nor 2027年3月1日至4月30日 (2027-04-30), all due before the date
WANT = [("2027年9月底前", "2027-09-30"), ("7月15日前", "2027-07-15"), ("年底前", "2027-12-31")]
#: the same notice without its date line: no date is known, so each time is read as a limit (as before)
UNDATED_WANT = [("2027年4月底前", "2027-04-30"), ("5月31日前", "2027-05-31"), ("2027年3月1日至4月30日", "2027-04-30"), *WANT]


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extract5")
    dated, undated = folder / "qinglan_gas_2027.txt", folder / "undated" / "qinglan_gas_2027.txt"
    undated.parent.mkdir()
    dated.write_text(REPORT_AND_PLAN, encoding="utf-8")
    undated.write_text(REPORT_AND_PLAN.replace("2027年6月20日\n", ""), encoding="utf-8")
    return dated, undated


def _row_deadlines(path) -> list[tuple[str, str | None]]:
    import json

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(d["text"], d["due"]) for row in rows for d in row["deadlines"]]


def _tag(cli, *args) -> str:
    proc = cli("tag", *map(str, args))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_tag_reads_a_work_report_against_its_date(policytag_cli, keyword_run, notices, tmp_path):
    dated, undated = notices
    _tag(policytag_cli, dated, "--model", keyword_run, "-o", tmp_path / "out.jsonl")
    assert _row_deadlines(tmp_path / "out.jsonl") == WANT
    _tag(policytag_cli, undated, "--model", keyword_run, "-o", tmp_path / "undated.jsonl")
    assert _row_deadlines(tmp_path / "undated.jsonl") == UNDATED_WANT


def test_the_reports_and_the_streamed_rows_carry_the_same_deadlines(policytag_cli, keyword_run, notices, tmp_path):
    dated, _ = notices
    md = _tag(policytag_cli, dated, "--model", keyword_run, "--format", "md")
    assert re.findall(r"时限 deadline: (.+?)（(\d{4}-\d\d-\d\d)）", md) == WANT
    html = _tag(policytag_cli, dated, "--model", keyword_run, "--format", "html")
    assert list(dict.fromkeys(re.findall(r'<mark class="dl" title="([^"（]+)（([^）"]+)）', html))) == WANT
    _tag(policytag_cli, dated, "--model", keyword_run, "--format", "jsonl", "--stream", "-o", tmp_path / "one.jsonl")
    assert _row_deadlines(tmp_path / "one.jsonl") == WANT
    # worker processes get each batch's notice dates with the batch
    _tag(policytag_cli, dated, "--model", keyword_run, "--stream", "--workers", "2", "--batch-size", "2",
         "-o", tmp_path / "two.jsonl")
    assert _row_deadlines(tmp_path / "two.jsonl") == WANT


def test_the_phrase_objects_are_the_dataclasses_own():
    """Deadlines and targets are made without their dataclass ``__init__`` (``extract._frozen``): the
    same objects, every field set, still frozen."""
    import dataclasses
    import pickle

    deadline = ex.extract_deadlines("各县区要在2027年6月底前完成整改。", 2027)[0]
    target = ex.extract_targets("年底前建成20座智能化煤矿。")[0]
    for x in (deadline, target):
        made = type(x)(**{name: getattr(x, name) for name in x.__dataclass_fields__})
        assert x == made and hash(x) == hash(made) and repr(x) == repr(made) and x.to_dict() == made.to_dict()
        assert vars(x) == vars(made)
        assert pickle.loads(pickle.dumps(x)) == x
        assert dataclasses.replace(x, text="x") == dataclasses.replace(made, text="x")
        with pytest.raises(dataclasses.FrozenInstanceError):
            x.text = ""
