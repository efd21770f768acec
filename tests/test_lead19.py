"""Lead, session 19: rules whose remark under the title records the decree that published them (no meeting).

Gazettes and government web pages print a government's or ministry's rules with the decree that published them in
brackets under the title, ``（2027年3月1日某市人民政府令第12号公布　自2027年5月1日起施行）``. That remark read as the
document's first clause and gave no issuer, number or date. The documents are written for the test."""
from __future__ import annotations

import pytest

from corpus.clean import classify_lines
from corpus.metadata import promulgation
from corpus.segment import segment_text

BODY = """第一章　总　则

第一条　为了加强危险化学品安全管理，预防和减少事故，根据有关法律法规，结合本市实际，制定本办法。

第二条　本市行政区域内危险化学品的安全管理，适用本办法。

第二章　附　则

第三条　本办法自2027年5月1日起施行。
"""


def _doc(title: str, remark: str):
    [(doc, clauses)] = segment_text(f"{title}\n\n{remark}\n\n{BODY}", source="rules.txt")
    return doc, clauses


@pytest.mark.parametrize("remark, issuer, number, date, level", [
    pytest.param("（2027年3月1日松陵市人民政府令第12号公布　自2027年5月1日起施行）",
     "松陵市人民政府", "松陵市人民政府令第12号", "2027-03-01", "city", id="city-decree"),
    # (the meeting that passed it names no place: the decree does)
    pytest.param("（2026年12月20日市人民政府第31次常务会议通过　2027年1月5日临川市人民政府令第5号公布　自2027年3月1日起施行）",
     "临川市人民政府", "临川市人民政府令第5号", "2027-01-05", "city", id="meeting-then-decree"),
    # (a ministry's rules; the number in Chinese numerals; amended later by another decree: the first one counts)
    pytest.param("（2027年4月2日应急管理部令第二十号公布　根据2028年6月1日应急管理部令第31号修正）",
     "应急管理部", "应急管理部令第20号", "2027-04-02", "central", id="ministry-amended"),
    pytest.param("（２０２７年３月１日青禾县人民政府令第３号发布）", "青禾县人民政府", "青禾县人民政府令第3号", "2027-03-01", "county",
                 id="county-full-width"),
])
def test_the_decree_in_the_remark_gives_issuer_number_and_date_and_is_no_clause(remark, issuer, number, date, level):
    doc, clauses = _doc("某某危险化学品安全管理办法", remark)
    assert (doc.issuer, doc.doc_number, doc.date, doc.level, doc.genre) == (issuer, number, date, level, "regulation")
    assert [c.text[:3] for c in clauses] == ["第一条", "第二条", "第三条"]
    assert all("令第" not in c.text for c in clauses)


def test_the_remark_is_a_header_line_and_a_sentence_citing_a_decree_is_text():
    kinds = [line.kind for line in classify_lines("（2027年3月1日松陵市人民政府令第12号公布　自2027年5月1日起施行）")]
    assert kinds == ["adopted"]
    # a sentence that cites a decree is no remark: no brackets round it, or more after them
    for text in ["2027年3月1日松陵市人民政府令第12号公布的办法，各单位要认真执行。",
                 "（2027年3月1日松陵市人民政府令第12号公布）各单位要认真执行。"]:
        assert [line.kind for line in classify_lines(text)] == ["text"]


def test_promulgation_reads_the_first_decree_only_when_there_is_one():
    assert promulgation(["（2027年1月15日某某自治州第十四届人民代表大会第五次会议通过）"]) is None
    p = promulgation(["（2010年5月1日某省人民政府令第100号公布　根据2020年6月1日某省人民政府令第200号修改）"])
    assert (p.organ, p.number, p.date) == ("某省人民政府", "某省人民政府令第100号", "2010-05-01")
