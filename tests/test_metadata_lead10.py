"""Readings the session-10 engineers found and left to the lead (clean.py / metadata.py), beside the
documents of tests/test_metadata_g9.py that now read right: date lines with slashes or hyphens, titles
ending 汇报/讲话提纲/答记者问/说明/决定书, a picture interpretation (图解：…) and the page path above it,
and a rule's 一问一答 as an interpretation. Invented titles."""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.clean import RE_TITLE, date_match, title_like


@pytest.mark.parametrize("line, ymd", [("2025/6/3", ("2025", "6", "3")), ("2025-01-05", ("2025", "01", "05")),
                                       ("２０２５／６／３", ("2025", "6", "3")), ("2027.1.5", ("2027", "1", "5"))])
def test_a_date_line_with_slashes_or_hyphens_is_a_date(line, ymd):
    m = date_match(line)
    assert m is not None and m.groups() == ymd


@pytest.mark.parametrize("line", ["2025/6-3", "2025-06", "发布时间：2025-01-05", "2025-01-05 10:32", "12/6/3"])
def test_not_a_date_line(line):
    assert date_match(line) is None


@pytest.mark.parametrize("title", ["关于2025年上半年全县安全生产工作情况的汇报", "关于《柘川市燃气管理条例（草案）》的说明"])
def test_guan_yu_titles_ending_in_a_report_or_an_explanation(title):
    assert RE_TITLE.match(title)


@pytest.mark.parametrize("title", ["在全市防汛工作会议上的讲话提纲", "柘川市应急管理局负责人就《柘川市约谈办法》答记者问",
                                   "蓼湾区应急管理局行政处罚决定书", "图解：柘川市2025年安全生产工作要点",
                                   "一图读懂｜蓼湾区燃气安全专项整治方案"])
def test_titles_without_guan_yu(title):
    assert title_like(title)


@pytest.mark.parametrize("line", ["首页 > 政务公开 > 政策解读", "当前位置：首页 > 通知公告"])
def test_the_page_path_is_no_title(line):
    assert not title_like(line)


@pytest.mark.parametrize("title, genre", [("柘川市安全生产约谈办法一问一答", "interpretation"),
                                          ("柘川市2025年安全生产工作要点政策问答", "interpretation"),
                                          ("图说：蓼湾区防汛应急预案", "interpretation"),
                                          ("柘川县安全生产知识问答", "other")])
def test_question_and_answer_titles(title, genre):
    assert md.genre_of(title, []) == genre


def test_a_picture_interpretation_names_its_place():
    assert md.title_region("图解：柘川市2025年安全生产工作要点") == "柘川市"
