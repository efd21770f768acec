"""analyst18: a city's release day and three counties (tests/data/reports18/, expectations written before the code ran
on them: tests/data/reports18/EXPECTED.md).

* A covering letter only (鹭汀市人民政府办公室关于转发《霁川省…》的通知: one sentence, 现将《…》转发给你们, the province's
  notice pasted below and read as the province's) took its title's genre, 年度安全生产工作通知, and so was compared with
  the city's 2026 annual notice ("dropped: 6 clauses", 思想认识与目标要求 +100 pp), pooled into the baseline of a later
  notice, and stood in the across table as the city's 2027 programme row, tested against the province's notice it
  forwards (思想认识与目标要求 +91.7 pp, the smallest p-value of the table) and raising that year's mean. Now it is
  compared with nothing (the index: ``— none: a covering letter only``), is no baseline, is a row of its own kind in
  the across table (shown, not tested) and draws no trend line.
* 蓼湾县 2027 is its 2026 notice with the items reordered (森林防火 五 → 二, 消防 六 → 三): the report said "carried over:
  6 clauses, word for word" and nothing else. A notice's order is its priority: the carried-over clauses that moved
  are now listed (``Reordered: 3 of the 6 …``, each up or down with its places and item numbers), counted among the
  clauses both notices hold, so an inserted item (鹭汀市 2027's 二、电动自行车) moves nothing.
"""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from policytag.inference.across import COVERING_KIND
from policytag.inference.render_html import render_html
from policytag.inference.render_md import render_md
from policytag.inference.render_rows import render_across_csv, render_csv, render_json
from policytag.inference.report import COVERING_ONLY, build_report
from policytag.inference.yoy import _kept_in_order

from conftest import TEST_DATA, tagged_inputs

DATA = TEST_DATA / "reports18"


def _tagged(folder: str):
    return tagged_inputs(DATA / folder)


@pytest.fixture(scope="module")
def city_input():
    return _tagged("city")


@pytest.fixture(scope="module")
def city(city_input):
    return build_report(*city_input)


@pytest.fixture(scope="module")
def counties():
    return build_report(*_tagged("counties"))


def _notice(report, issuer: str, year: int):
    (notice,) = [n for n in report.notices if n.document.issuer == issuer and n.document.year == year]
    return notice


def _id_of(notice, words: str) -> str:
    (cid,) = [t.clause.clause_id for t in notice.tagged if words in t.clause.text]
    return cid


LETTER = "鹭汀市人民政府办公室"


# --- the 转发 covering letter -----------------------------------------------------------------------------------


def test_a_covering_letter_only_is_compared_with_nothing(city):
    letter = _notice(city, LETTER, 2027)
    assert len(letter.tagged) == 1 and letter.comparison is None
    assert letter.comparison_note.startswith(COVERING_ONLY)
    md = render_md(city)
    index_row = next(line for line in md.splitlines() if line.startswith("| 鹭汀市人民政府办公室关于转发"))
    assert "— none: a covering letter only" in index_row
    section = md.split("# 鹭汀市人民政府办公室关于转发")[1]
    assert "Dropped" not in section and "compared with the 2026 notice" not in section


def test_the_city_s_own_notice_is_compared_with_its_own_2026_notice_only(city):
    notice = _notice(city, "鹭汀市人民政府", 2027)
    cmp = notice.comparison
    assert (cmp.prev_year, cmp.prev_n_clauses, len(cmp.prev_doc_ids)) == (2026, 6, 1)
    flags = notice.flags
    assert [c for c, f in flags.items() if f == "new"] == [_id_of(notice, "电动自行车")]
    assert [c for c, f in flags.items() if f == "changed"] == [_id_of(notice, "测速监控点位60处")]
    assert [cmp.prev_texts[c][:10] for c in cmp.dropped] == ["五、加强森林防火工作"]
    # an item inserted as 二 pushes the others one number down: no clause moved among those both notices hold
    assert cmp.moves == []


def test_a_covering_letter_is_no_baseline_of_a_later_notice(city_input):
    # a 2028 notice of the city: its year before holds the city's annual notice and the 转发 letter, both of its
    # government and, by their titles, of one genre; the letter's sentence is no part of the city's 2027 programme
    documents, tagged, taxonomy, version = city_input
    (own,) = [d for d in documents if d.issuer == "鹭汀市人民政府" and d.year == 2027]
    later = dataclasses.replace(own, doc_id="luting-2028", year=2028, title=own.title.replace("2027", "2028"))
    copies = [dataclasses.replace(t, clause=dataclasses.replace(t.clause, doc_id=later.doc_id,
                                                                clause_id=t.clause.clause_id.replace("2027-", "2028-")))
              for t in tagged if t.clause.doc_id == own.doc_id]
    report = build_report([*documents, later], [*tagged, *copies], taxonomy, version)
    cmp = _notice(report, "鹭汀市人民政府", 2028).comparison
    assert (cmp.prev_year, cmp.prev_doc_ids, cmp.prev_n_clauses) == (2027, (own.doc_id,), 6)
    assert cmp.dropped == () and all(not n.is_new for n in cmp.novelty)


def test_the_covering_letter_is_no_programme_row_across_governments(city):
    a = city.across
    (row,) = [g for g in a.groups if g.issuer == LETTER]
    assert (row.kind_label, row.tested) == (COVERING_KIND, False)
    # the 2027 mean of the programmes pools the province's 5 clauses and the city's 6, not the letter's sentence
    (mean_2027,) = [m for m in a.year_means if m.year == 2027]
    assert mean_2027.n == 11
    # nothing tested is the letter's, and it is never the "smallest p-value" named for the table
    assert all(g.issuer != LETTER for g, _ in a.tested_cells())
    md = render_md(city)
    assert f"| {LETTER} | 市级 | 2027 | 转发/印发通知, a covering letter only (not tested) | 1 |" in md
    assert f"{LETTER} 2027 ({COVERING_KIND})" in md  # the note naming the rows shown, not tested
    assert "转发/印发通知, a covering letter only (not tested)</td>" in render_html(city)
    table = list(csv.DictReader(io.StringIO(render_across_csv(city))))
    letter_rows = [r for r in table if r["issuer"] == LETTER]
    assert letter_rows and all(r["compared_with"] == "" and r["q_value"] == "" for r in letter_rows)


def test_a_covering_letter_draws_no_trend_line(city):
    names = [t.issuer for t in city.issuer_trends]
    assert names and not any(LETTER in name for name in names)


def test_the_pasted_province_notice_is_the_province_s_in_every_output(city):
    province = _notice(city, "霁川省人民政府", 2027)
    assert (province.document.level, len(province.tagged), province.comparison) == ("province", 5, None)
    ids = {t.clause.clause_id for t in province.tagged}
    rows = list(csv.DictReader(io.StringIO(render_csv(city))))
    assert {r["issuer"] for r in rows if r["clause_id"] in ids} == {"霁川省人民政府"}
    import json

    assert {r["issuer"] for r in json.loads(render_json(city)) if r["clause_id"] in ids} == {"霁川省人民政府"}


# --- three counties: a missing year, a reordered notice --------------------------------------------------------


def test_a_missing_year_is_said_and_the_latest_earlier_notice_compared(counties):
    cmp = _notice(counties, "檀溪县人民政府", 2027).comparison
    assert cmp.prev_year == 2025
    assert "the latest earlier one: none of 2026 in the input" in cmp.header
    assert cmp.moves == []


def test_a_reordered_notice_says_which_items_moved(counties):
    notice = _notice(counties, "蓼湾县人民政府", 2027)
    cmp = notice.comparison
    assert set(notice.flags.values()) == {""} and cmp.dropped == ()  # nothing new, changed or dropped
    moved = {m.clause_id: (m.prev_place, m.place, m.up, m.of) for m in cmp.moves}
    assert moved == {_id_of(notice, "加强森林防火工作"): (5, 2, True, 6),
                     _id_of(notice, "加强消防安全管理"): (6, 3, True, 6),
                     _id_of(notice, "做好防汛抗旱工作"): (4, 5, False, 6)}
    section = render_md(counties).split("# 蓼湾县人民政府关于做好2027年")[1]
    assert "Reordered: 3 of the 6 clauses carried over" in section
    assert "加强森林防火工作: up, 5th → 2nd (五 → 二)" in section
    html = render_html(counties)
    assert "Reordered: 3 of the 6 clauses carried over" in html
    assert "加强消防安全管理: up, 6th → 3rd (六 → 三)" in html


def test_the_across_rows_of_three_counties(counties):
    a = counties.across
    rows = [(g.issuer, g.year, g.tested) for g in a.groups]
    assert rows == [("檀溪县人民政府", 2025, False), ("檀溪县人民政府", 2027, True), ("芷源县人民政府", 2027, True),
                    ("蓼湾县人民政府", 2026, False), ("蓼湾县人民政府", 2027, True)]
    assert [m.year for m in a.year_means] == [2025, 2026, 2027]


@pytest.mark.parametrize("ranks, moved", [
    ([0, 1, 2, 3], set()),               # the same order
    ([0, 4, 1, 2, 3], {1}),              # one item moved up from 5th to 2nd: that one, not the three it passed
    ([1, 2, 3, 0], {3}),                 # one moved down to the end... read as the first moved to the end
    ([], set()),
])
def test_one_moved_item_is_that_item_not_the_ones_it_passed(ranks, moved):
    assert set(range(len(ranks))) - _kept_in_order(ranks) == moved


# --- a 解读 of a notice ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title, topic", [
    ("《鹭汀市人民政府关于做好2027年全市安全生产工作的通知》政策解读", ""),   # an annual notice's: no subject of its own
    ("关于《青石县城镇燃气安全专项整治方案》的解读", "城镇燃气"),
    ("一图读懂《青石县自建房安全专项整治方案》", "自建房"),
    ("《青石县森林防火条例（修订草案）》起草说明", "森林防火修订草案"),
])
def test_an_interpretation_is_about_the_document_it_explains(title, topic):
    from policytag.inference.yoy import _topic

    assert _topic(title, None, "青石县") == topic


def test_the_interpretation_s_row_names_no_nonsense_subject(city):
    (row,) = [g for g in city.across.groups if g.genre == "interpretation"]
    assert row.kind_label == "政策解读 naming no subject in its title" and not row.tested


def test_the_across_section_says_the_province_row_is_a_forwarded_copy(city, counties):
    said = ("霁川省人民政府 2027 is read from the copy 鹭汀市人民政府办公室 forwarded below its covering letter: "
            "霁川省人民政府's text, not what 鹭汀市人民政府办公室 stresses")
    assert city.forwarded_note == said
    assert f"*Forwarded copies: {said}.*" in render_md(city)
    assert "Forwarded copies: 霁川省人民政府 2027 is read from the copy" in render_html(city)
    assert counties.forwarded_note is None and "Forwarded copies" not in render_md(counties)


# --- the evidence of an emphasis shift -------------------------------------------------------------------------


def test_each_gain_and_loss_names_the_clauses_behind_it(city, counties):
    notice = _notice(city, "鹭汀市人民政府", 2027)
    cmp = notice.comparison
    (fire,) = [c for c in cmp.changes["sector"] if c.name == "消防·人员密集场所"]
    (forest,) = [c for c in cmp.changes["sector"] if c.name == "森林草原火灾"]
    ebike, dropped_forest = _id_of(notice, "电动自行车"), cmp.dropped[0]
    assert (fire.delta_pp, fire.gained_by, fire.lost_from) == (16.7, (ebike,), ())
    assert (forest.delta_pp, forest.gained_by, forest.lost_from) == (-16.7, (), (dropped_forest,))
    # a label carried by the same clauses both years names none (a share moved by nothing)
    (roads,) = [c for c in cmp.changes["sector"] if c.name == "道路交通运输"]
    assert roads.gained_by == roads.lost_from == ()
    section = render_md(city).split("# 鹭汀市人民政府关于做好2027年")[1].split("## 新增内容")[0]
    assert f"  - 消防·人员密集场所: from `{ebike}` 加强电动自行车安全管理 (new)" in section
    assert f"  - 森林草原火灾: was in `{dropped_forest}` 加强森林防火工作 (dropped)" in section
    assert f"<li>森林草原火灾: was in `{dropped_forest}` 加强森林防火工作 (dropped)</li>" in render_html(city)
    # a notice only reordered shifted nothing, and says no evidence
    assert all(not c.gained_by and not c.lost_from
               for dim in ("sector", "measure_type") for c in _notice(counties, "蓼湾县人民政府", 2027).comparison.changes[dim])
