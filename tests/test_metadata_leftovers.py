"""Document metadata leftovers of the metadata probe (tests/test_metadata_probe.py), on notices
written for these tests (tests/data/genres/m4_*.txt; invented places, no real document copied or
paraphrased). Each expected reading was written down before running ``policytag segment``.

Decisions (docs: docs/segmentation.md "Document metadata"):
- 元月 is January in a signing date (二〇二七年元月五日); 正月 (the lunar first month) is no date.
- An edition remark in a title (（2018年版）, （2019年修订）, （2021年修正）) dates the text cited,
  not the notice: the year is the number's or the date's. A regulation with no number and no date
  whose only year is its edition remark keeps that year.
- A 市 that marks itself （县级） is ``county``; the remark stays out of the issuer's name.
- A five-year plan (“十五五”规划) with no year in its title, no number and no date is for the
  period's first year (十四五 2021, 十五五 2026, 十六五 2031).
- A plan with no signature whose title names a place (青石县…实施方案) has that region and level,
  but no issuer: a place is not an organ.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.clean import parse_date
from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA

DATA = TEST_DATA / "genres"

# file: (issuer, region, level, genre, year, date)
NOTICES = {
    "m4_new_year_date.txt": ("青石县人民政府办公室", "青石县", "county", "other", 2027, "2027-01-05"),
    "m4_edition_wrapper.txt": ("临川市人民政府", "临川市", "county", "regulation", 2027, "2027-02-10"),
    "m4_edition_regulation.txt": (None, "东陵区", "county", "regulation", 2019, None),
    "m4_county_remark.txt": ("临川市应急管理局", "临川市", "county", "other", 2027, "2027-03-15"),
    "m4_three_year_plan_unsigned.txt": (None, "青石县", "county", "special_plan", 2027, None),
    # five-year plans with no number or date (before: None, and 2028/2030 from years their bodies
    # name; changes these genre notices' doc_id and clause ids deliberately)
    "g3_plan_preface_gaps.txt": (None, "青石县", "county", "plan", 2026, None),
    "g3_plan_parts_web.txt": (None, "临川市", "city", "plan", 2026, None),
    "g3_plan_chapters_sections.txt": (None, "临川市", "city", "plan", 2026, None),
}


@pytest.mark.parametrize("name", sorted(NOTICES))
def test_notice_metadata(name):
    result = segment_paths([DATA / name])
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date) == NOTICES[name]
    assert doc.doc_id.startswith(f"{doc.year}-")


def test_a_new_year_signing_date_is_no_clause():
    result = segment_paths([DATA / "m4_new_year_date.txt"])
    assert not any("元月" in c.text for c in result.clauses)


@pytest.mark.parametrize("text, date", [
    ("二〇二七年元月五日", "2027-01-05"), ("二〇二七年元月三十一日", "2027-01-31"), ("二〇二七年正月五日", None),
    ("二〇二七年一月五日", "2027-01-05"),
])
def test_parse_date_new_year_month(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("title, year_text, fallback", [
    ("关于印发《某市安全生产责任制规定（2018年版）》的通知", "关于印发《某市安全生产责任制规定》的通知", 2018),
    ("临川市安全生产条例（2019年修订）", "临川市安全生产条例", 2019),
    ("东陵区安全生产规定（二〇二一年修正）", "东陵区安全生产规定", 2021),
    ("青石县“十五五”应急管理体系规划", "青石县“十五五”应急管理体系规划", 2026),
    ("临川市“十四五”安全生产规划", "临川市“十四五”安全生产规划", 2021),
    ("东陵区“十六五”应急体系规划", "东陵区“十六五”应急体系规划", 2031),
    ("2027年“十五五”规划实施计划", "2027年“十五五”规划实施计划", None),  # the title's own year wins
    ("青石县三年行动实施方案（2027—2029年）", "青石县三年行动实施方案（2027—2029年）", None),  # a period, no edition
])
def test_edition_and_period_years(title, year_text, fallback):
    assert md.year_text(title) == year_text
    assert md.title_fallback_year(title) == fallback


@pytest.mark.parametrize("region, texts, level", [
    ("临川市", ["临川市（县级）人民政府关于…的通知"], "county"),
    ("临川市", ["", "临川市(县级市)应急管理局"], "county"),
    ("临川市", ["临川市人民政府关于…的通知"], "city"),  # no remark: as written
    ("临江市", ["临川市（县级）人民政府"], "city"),  # another city's remark
])
def test_county_remark(region, texts, level):
    assert md.county_remark(region, "city", texts) == level
    assert md.normalize_issuer("临川市（县级）人民政府") == "临川市人民政府"
