"""analyst17: a county's 2027 annual notice read beside its own 2026 one and its city's 2027 one (tests/data/reports17/
notices/, expectations written before the code ran on them: tests/data/reports17/EXPECTED.md).

* A new item (柳溪县 2027's 十、推进自建房安全整治) read as "revised" from 2026's 二、深化重大事故隐患排查整治 (0.18 on the
  frame 对…开展…排查，…月底前完成…) while 2027's 二 continued that very clause with only its deadline moved (6月底前 →
  5月底前). The report listed 1 new clause of 2 and a nonsense diff. A previous clause that a clause continues word for
  word with only its figures changed (a deadline, a count) is that clause's, as one continued word for word is.
"""

from __future__ import annotations

import pytest

from policytag import PROJECT_ROOT
from policytag.inference.align import align
from policytag.inference.render_md import render_md

from conftest import TEST_DATA
from report_cli import build

DATA = TEST_DATA / "reports17"
NOTICES = DATA / "notices"
MODEL = str(PROJECT_ROOT / "policytag" / "resources" / "model")


@pytest.fixture(scope="module")
def report():
    return build([str(NOTICES)], MODEL)


def _notice(report, issuer: str, year: int):
    (notice,) = [n for n in report.notices if n.document.issuer == issuer and n.document.year == year]
    return notice


def _status_of(notice, words: str) -> str:
    texts = {t.clause.clause_id: t.clause.text for t in notice.tagged}
    (cid,) = [c for c, text in texts.items() if words in text]
    return next(n.status for n in notice.comparison.novelty if n.clause_id == cid)


def test_the_county_is_compared_with_its_own_last_year_and_the_city_with_nothing(report):
    county = _notice(report, "柳溪县人民政府", 2027)
    assert (county.comparison.prev_year, county.comparison.prev_n_clauses) == (2026, 10)
    assert _notice(report, "桐川市人民政府", 2027).comparison is None


@pytest.mark.parametrize("words", ["推进自建房安全整治", "加强电动自行车安全管理"])
def test_a_new_item_is_new_not_a_revision_of_a_clause_continued_with_a_new_deadline(report, words):
    assert _status_of(_notice(report, "柳溪县人民政府", 2027), words) == "new"


def test_the_county_comparison_counts_add_up(report):
    notice = _notice(report, "柳溪县人民政府", 2027)
    statuses = [n.status for n in notice.comparison.novelty]
    assert (statuses.count("new"), statuses.count("revised"), statuses.count("carried_over")) == (2, 0, 9)
    assert len(notice.comparison.dropped) == 1  # 2026's 非煤矿山 item: 10 = 9 continued + 1 dropped
    county = render_md(report).split("# 柳溪县人民政府关于做好2027年")[1]
    assert "New this year: 2 of 11 clauses" in county
    assert "Revised: 0 clauses" in county  # no revision left: the 自建房 item was the only one, and it is new
    assert "[-6-]{+5+}月底前" in county  # the moved deadline is still shown, on the clause that moved it
    assert "continues word for word, figures aside" in county  # the new list says why its best match reads low


# another government's items, of another frame: a clause continued with only a figure changed closes its counterpart
FIGURES = (["（一）开展危险化学品企业安全检查，全年检查企业不少于40家。",
            "（二）开展粉尘涉爆企业安全排查，全年完成隐患整改。",
            "（三）推进化工园区安全整治提升，年底前完成园区认定复核。"],
           ["（一）开展危险化学品企业安全检查，全年检查企业不少于30家。",
            "（二）推进化工园区安全整治提升，年底前完成园区认定复核。"])


def test_a_clause_continued_with_only_a_figure_changed_is_that_clauses():
    current, previous = FIGURES
    aligned = align(current, previous)
    # the 粉尘涉爆 item read as revising the 危险化学品 one (0.195, on 开展…企业安全…，全年…) that （一） continues
    assert [a.status for a in aligned] == ["carried_over", "new", "carried_over"]
    assert [aligned[0].counterpart, aligned[2].counterpart] == [0, 1]


def test_a_short_clause_whose_figure_changed_keeps_its_counterpart():
    """The clause that changed only a figure is never blocked from its own counterpart, even where the changed figure
    brings a one-sentence clause below ``carried_from`` (0.72 here)."""
    current = ["全年检查在建项目不少于100个。", "全年检查企业不少于300家。"]
    previous = ["全年检查在建项目不少于80个。"]
    aligned = align(current, previous)
    assert [(a.counterpart, a.status) for a in aligned[:1]] == [(0, "revised")]
    assert aligned[1].status == "new"  # 企业 300家 read as revising 在建项目 80个 (0.20)
