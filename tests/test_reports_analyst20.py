"""analyst20: reports, round 2 (expectations written before the code ran on them; data: analyst19's 澄江县/澄江区 and 苇川市
notices, tests/data/analyst19/).

* ``align.align`` chose between two equally good counterparts by float noise: a clause sharing a whole sentence with two
  baseline items (its heading with one, a stock 年底前完成。 with the other) paired with whichever scored 1e-16 higher, so
  the order of the baseline's clauses decided. Ties now go to the same heading, then the same item number, then the
  more alike whole clause, then the nearer place.
* The rows said nothing of a merge or a split: each row now carries ``regrouped`` (null, or ``merged`` / ``split`` with
  the baseline clauses and the reports' line), the CSV a ``regrouped`` column after ``moved``.
* A merge read as lost emphasis (监管执法 -20.0 pp, 1 of 5 clauses was 2 of 5, though both items went on in one clause):
  a fall owed to merged items alone is no loss; the reports list it beside the losses.
* 苇川市 2026's 补充通知 (read with its notice as 2027's baseline) said "— none in the input" in the index and stood in the
  across table as an untested "其他文件 on 的补充通知" row: it is now named a supplement to its notice, and counted in
  that notice's across row.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from policytag.inference.align import align
from policytag.inference.render_html import render_html
from policytag.inference.render_md import render_md
from policytag.inference.render_rows import render_csv, render_json
from policytag.inference.report import build_report

from conftest import TEST_DATA, tagged_inputs

DATA = TEST_DATA / "analyst19"

RESPONSIBILITY = "一、压实安全生产责任。各部门要落实党政同责、一岗双责。"
PUBLICITY = "二、强化安全宣传教育。组织开展安全生产月活动，推动宣传进企业。年底前完成。"


# -- (1) ties ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("previous, expected", [
    ([RESPONSIBILITY, PUBLICITY], 0),
    ([PUBLICITY, RESPONSIBILITY], 1),  # the same pair, the baseline in the other order
])
def test_a_tie_goes_to_the_same_heading_whatever_the_order(previous, expected):
    (a,) = align(["一、压实安全生产责任。各部门要落实党政同责、一岗双责。年底前完成。"], previous)
    assert a.counterpart == expected and a.status == "carried_over"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_merged_clause_continues_the_item_of_its_number(order):
    """Both items' sentences go on word for word in 三: it continues 三 (its number), and 四 is the item merged in."""
    items = ["三、加强建筑施工安全监管。对在建工地深基坑、高支模实施重点监管。", "四、加强消防安全管理。对人员密集场所开展消防安全检查。"]
    previous = [items[k] for k in order]
    (a,) = align(["三、加强建筑施工和消防安全监管。对在建工地深基坑、高支模实施重点监管。对人员密集场所开展消防安全检查。"], previous)
    assert previous[a.counterpart].startswith("三、")


def test_repeated_clauses_still_pair_one_for_one():
    """A plan's stock line under each sector (the tie among repeats): this year's repeats continue last year's, one each."""
    rep = "修订完善行业安全管理制度，年底前印发实施。"
    previous = [f"（一）煤矿。{rep}", f"（二）消防。{rep}", f"（三）燃气。{rep}"]
    current = [f"（一）煤矿。{rep}", f"（二）消防。{rep}", f"（三）燃气。{rep}"]
    assert [a.counterpart for a in align(current, previous)] == [0, 1, 2]


# -- the 澄江 notices ---------------------------------------------------------------------------------------------------

def _tagged(folder: str):
    return tagged_inputs(DATA / folder)


@pytest.fixture(scope="module")
def district_vs_county():
    docs, tagged, tax, version = _tagged("city")
    (doc,) = [d for d in docs if d.region == "澄江区"]
    (base,) = [d for d in docs if d.region == "澄江县"]
    return build_report(docs, tagged, tax, version, report_ids={doc.doc_id}, baseline_ids={base.doc_id})


def _id_of(notice, words: str) -> str:
    (cid,) = [t.clause.clause_id for t in notice.tagged if words in t.clause.text]
    return cid


def _prev_id(cmp, words: str) -> str:
    (pid,) = [pid for pid, text in cmp.prev_texts.items() if words in text]
    return pid


# -- (2) merges and splits in the rows ---------------------------------------------------------------------------------

def test_rows_carry_the_merge_and_the_split(district_vs_county):
    (n,) = district_vs_county.notices
    cmp = n.comparison
    building, fire, both = (_prev_id(cmp, w) for w in ("加强建筑施工安全监管", "加强消防安全管理", "做好防汛和森林防火工作"))
    merged_into = _id_of(n, "加强建筑施工和消防安全监管")
    flood, forest = _id_of(n, "做好防汛工作"), _id_of(n, "做好森林防火工作")
    rows = {r["clause_id"]: r for r in json.loads(render_json(district_vs_county))}
    merged = rows[merged_into]["regrouped"]["merged"]
    assert merged["previous"] == [building, fire]  # its counterpart first, then the item merged in
    assert "加强消防安全管理 → in" in merged["summary"]
    for cid in (flood, forest):
        assert rows[cid]["regrouped"] == {"split": {"previous": both, "into": [flood, forest], "summary": rows[cid]["regrouped"]["split"]["summary"]}}
        assert rows[cid]["regrouped"]["split"]["summary"].startswith("做好防汛和森林防火工作 → ")
    assert rows[_id_of(n, "压实安全生产责任")]["regrouped"] is None
    assert all({"novelty", "moved", "changed", "previous_text", "diff"} <= set(r) for r in rows.values())
    assert set(rows[flood]["novelty"]) == {"is_new", "similarity", "nearest", "status"}  # novelty's four keys stay


def test_csv_adds_a_regrouped_column_after_moved(district_vs_county):
    (n,) = district_vs_county.notices
    table = list(csv.DictReader(io.StringIO(render_csv(district_vs_county))))
    header = list(table[0])
    assert header.index("regrouped") == header.index("moved") + 1 == header.index("taxonomy_version") + 2
    by_id = {r["clause_id"]: r for r in table}
    assert json.loads(by_id[_id_of(n, "做好防汛工作")]["regrouped"])["split"]["into"][0] == _id_of(n, "做好防汛工作")
    assert by_id[_id_of(n, "压实安全生产责任")]["regrouped"] == ""


# -- (3) a merge is no loss of emphasis --------------------------------------------------------------------------------

def test_a_merge_is_no_loss_of_emphasis(district_vs_county):
    (n,) = district_vs_county.notices
    cmp = n.comparison
    assert "enforcement" not in {c.label_id for c in cmp.lost("measure_type")}
    (change,) = [c for c in cmp.merged_only("measure_type") if c.label_id == "enforcement"]
    assert change.delta_pp == -20.0 and change.merged_in == 1
    assert change.counts(5, 5) == "1 of 5 clauses, was 2 of 5; 2 clauses counting each merged item"
    md, html = render_md(district_vs_county), render_html(district_vs_county)
    assert "- 措施类型 fewer clauses only as items were merged, not lost: 监管执法与打非治违 -20.0 pp" in md
    assert "fewer clauses only as items were merged, not lost: 监管执法与打非治违" in html


def test_a_label_the_merge_did_not_carry_is_still_lost():
    """A merged clause that carries the label for one item only: the other item's label went, so it is a loss."""
    from policytag.inference.yoy import ShareChange

    gone = ShareChange("measure_type", "enforcement", "监管执法", 0.2, 0.4, -20.0, 1, 2, (), ("2026-x-4",), 0)
    assert not gone.merge_only
    merged = ShareChange("measure_type", "enforcement", "监管执法", 0.2, 0.4, -20.0, 1, 2, (), (), 1)
    assert merged.merge_only


# -- (4) a supplement is named as one -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def weichuan_and_city():
    docs, tagged, tax, version = _tagged("weichuan")
    docs2, tagged2, _, _ = _tagged("city")
    return build_report(docs + docs2, tagged + tagged2, tax, version)


def test_a_supplement_is_named_a_supplement_of_its_notice(weichuan_and_city):
    report = weichuan_and_city
    (sup,) = [n for n in report.notices if "补充" in (n.document.title or "")]
    main = "苇川市人民政府关于做好2026年全市安全生产工作的通知"
    assert sup.comparison is None and sup.comparison_note.startswith(f"a supplement (补充通知) to {main} (2026)")
    md, html = render_md(report), render_html(report)
    assert f"| — none: a supplement (补充通知) to {main} (2026) |" in md
    assert "— none in the input | 2026-06-02" not in md
    assert f"— none: a supplement (补充通知) to {main} (2026)" in html
    # the across table: one row of 苇川市人民政府 2026, the notice and its supplement (5 + 2 clauses), tested
    rows = [g for g in report.across.groups if g.issuer == "苇川市人民政府" and g.year == 2026]
    assert len(rows) == 1 and rows[0].n_clauses == 7 and rows[0].tested and len(rows[0].doc_ids) == 2
    assert "其他文件 on 的补充通知" not in md and "其他文件 (not tested)" not in md
