"""The batch extraction's numeral gates (``inference.extract._may_have_numerals``: a text without
any numeral has no target, one without a digit no rate, share or object-first target) against
the definitions they skip: ``_numeral_table`` against ``\\d`` itself, ``_candidates(digits=False)``
against the ungated scan, and ``extract_fields`` against ``extract_deadlines``/``extract_targets``
text by text on generated batches dense in digits of several scripts, Chinese numerals, units,
rate verbs and deadline words (and characters above the table, traditional text)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytag.inference.extract import (
    _CN_NUMERALS,
    _FLAG_DIGIT,
    _FLAG_NUMERAL,
    _TABLE_END,
    _candidates,
    _numeral_table,
    extract_deadlines,
    extract_fields,
    extract_targets,
)


def test_numeral_table_flags_what_backslash_d_matches_and_the_chinese_numerals():
    table = _numeral_table()
    assert len(table) == _TABLE_END
    every = "".join(map(chr, range(_TABLE_END)))
    digits = {ord(c) for c in re.findall(r"\d", every)}
    assert len(digits) > 300  # not only 0-9: Arabic-Indic, full-width, Devanagari, ...
    assert {c for c in range(_TABLE_END) if table[c] & _FLAG_DIGIT} == digits
    assert {c for c in range(_TABLE_END) if table[c] & _FLAG_NUMERAL} == digits | {ord(c) for c in _CN_NUMERALS}
    # RE_COUNT's Chinese numerals are these (a numeral missing here would be gated away)
    from policytag.inference.extract import _COUNT_GATE
    assert all(_COUNT_GATE.search(f"{c}个") for c in _CN_NUMERALS)


PIECES = ["达到", "提高到", "控制在", "完成", "不少于", "至少", "建成", "新建", "改造", "培训", "覆盖率", "死亡率",
          "%", "‰", "以上", "以下", "个", "座", "公里", "万元", "名", "次", "年底前", "6月底前", "三年内", "年内",
          "，", "。", "的", "煤矿", "隐患", "整改率", "每月", "检查", "两", "十", "一", "五", "百",
          "3", "12", "0.5", "2017年", "１２", "٣", "४", "7", "𠀀", "達到", "覆蓋率", "個", "完成隱患"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(list("0123456789一二两三四五六七八九十"))),
                max_size=14).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=6), st.integers(2015, 2027))
def test_extract_fields_equals_text_by_text_on_numeral_dense_batches(texts, year):
    years = [year] * len(texts)
    want = [(extract_deadlines(t, y), extract_targets(t)) for t, y in zip(texts, years)]
    assert extract_fields(texts, years) == want


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_candidates_without_digits_equal_the_ungated_scan(text):
    if not re.search(r"\d", text):
        assert _candidates(text, digits=False) == _candidates(text, gated=False)


def test_the_gates_are_exercised():
    """The generated batches reach every branch: targets read from texts with only Chinese
    numerals, from texts with non-ASCII digits, and texts skipped for having no numeral."""
    texts = ["每月至少检查两次", "覆盖率达到１２%", "加强煤矿隐患排查", "年底前完成改造𠀀"]
    got = extract_fields(texts, [2020] * len(texts))
    assert got == [(extract_deadlines(t, 2020), extract_targets(t)) for t in texts]
    assert got[0][1] and got[1][1] and not got[2][1] and got[3][0]
