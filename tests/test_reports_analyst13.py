"""What analyst13 found (session 19) reading ``policytag tag`` over a province's annual notice, three of its cities'
and two counties' 工作要点 (two of them for 2026 too), a ministry's notice, an undated notice, a title-only file and
one notice given twice (tests/data/reports13/, its EXPECTED.md written before the CLI was run). Every sentence there
was written for these tests; every place and organ is invented.

* The notices index and the per-notice sections followed the input's order (the Markdown) or newest first (the
  HTML) while the across-governments table ran by level (中央 → 省级 → 市级 → 县级, then name): a reader met 青岚市
  first in the index and the ministry first in the table. With a table, both now follow its order, and say so.
* With two years in the input, an across row was tested against the other governments' rows of *both* years and
  one mean: 石桥县's 2026 工作要点 against 柘溪市's 2027 one, a change of year read as a difference between
  governments. A row is now tested against the other governments' rows of its own year only, with one mean row per
  year in the tables; the note says so.
"""

from __future__ import annotations

import csv
import html as htmllib
import io
import re

import pytest
from scipy.stats import fisher_exact

from policytag import PROJECT_ROOT
from policytag.inference import across as across_mod
from policytag.inference.across import build_across
from policytag.inference.render_html import render_html
from policytag.inference.render_md import render_md
from policytag.inference.render_rows import render_across_csv
from policytag.inference.report import build_report
from policytag.taxonomy import load_taxonomy

from conftest import TEST_DATA
from report_cli import run
from report_synth import _doc, _tagged

DATA = TEST_DATA / "reports13"
MODEL = str(PROJECT_ROOT / "policytag" / "resources" / "model")
TAX = load_taxonomy()

GAS = ("年底前完成老旧燃气管网改造。", ("urban_gas",), ("engineering_technology",))
CHEM = ("开展危险化学品企业安全风险评估。", ("hazardous_chemicals",), ("hazard_remediation",))

#: the reading order EXPECTED.md names: by level from the centre down, then name (character code), a government's
#: documents together (programmes first, years ascending, an undated one-topic notice after them)
ORDER = ["国家工贸安全监督部关于做好2027年工贸行业安全生产工作的通知",
         "岫川省人民政府关于做好2027年全省安全生产工作的通知",
         "柘溪市安全生产委员会2027年安全生产工作要点",
         "筠山市安全生产委员会2027年安全生产工作要点",
         "青岚市安全生产委员会2026年安全生产工作要点",
         "青岚市安全生产委员会2027年安全生产工作要点",
         "石桥县安全生产委员会2026年安全生产工作要点",
         "石桥县安全生产委员会2027年安全生产工作要点",
         "芦湾县安全生产委员会2027年安全生产工作要点",
         "芦湾县应急管理局关于加强汛期安全防范工作的通知"]


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """The folder plus the same 柘溪市 notice under another name, tagged once with the shipped model, through the
    CLI (Markdown and HTML from one tagging: the report is built by ``report_cli.build``'s steps)."""
    from policytag.app import resolve_model
    from policytag.inference.inputs import read_notices
    from policytag.inference.tagging import tag_clauses

    inp = read_notices([str(DATA / "folder"), str(DATA / "dup")], False)
    tagger = resolve_model(MODEL)
    tagged = tag_clauses(tagger, inp.clauses, progress=False, dates={d.doc_id: d.date for d in inp.documents})
    report = build_report(inp.documents, tagged, TAX, tagger.model_version)
    return inp, report, render_md(report), render_html(report)


def _md_index(md: str) -> list[str]:
    block = md.split("## 文件 Notices in this report", 1)[1].split("\n## ", 1)[0]
    return [line.split(" | ")[0].lstrip("| ") for line in block.splitlines() if line.startswith("| ") and "---" not in line][1:]


def _md_sections(md: str) -> list[str]:
    return [re.sub(r"（[^（）]*）$", "", h) for h in re.findall(r"^# (.+)$", md, flags=re.M)]


def _html_index(html: str) -> list[str]:
    block = html.split('<section id="notices">', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<tr><td><a href="#notice-[^"]+">([^<]+)</a>', block)


def _html_sections(html: str) -> list[str]:
    return [re.sub(r"（[^（）]*）$", "", h) for h in re.findall(r'<section class="notice" id="[^"]+"[^>]*><h2>([^<]+)</h2>', html)]


def test_index_sections_and_across_rows_read_in_one_order(probe):
    inp, report, md, html = probe
    rows = [report.across.groups[i].titles[0] for i in range(len(report.across.groups))]
    assert rows == ORDER  # the table's order (analyst12's): the reference
    assert _md_index(md) == ORDER and _md_sections(md) == ORDER
    assert _html_index(html) == ORDER and _html_sections(html) == ORDER
    said = "Order: as the rows of Across governments (by administrative level from the centre down"
    assert said in md and said in html
    # the rows of a clause file follow the input, as before: a data set's order is its input's
    assert [n.document.title for n in report.notices][:2] != ORDER[:2]


def test_the_order_does_not_depend_on_the_input_order():
    county = _doc("c", "石桥县人民政府", "石桥县", "county", "annual_notice", 2027)
    city = _doc("m", "青岚市人民政府", "青岚市", "city", "annual_notice", 2027)
    city_old = _doc("m0", "青岚市人民政府", "青岚市", "city", "annual_notice", 2026)
    prov = _doc("p", "岫川省人民政府", "岫川省", "province", "annual_notice", 2027)
    docs = [county, city, city_old, prov]
    tagged = _tagged(county, [GAS] * 3) + _tagged(city, [CHEM] * 3) + _tagged(city_old, [CHEM] * 3) + _tagged(prov, [GAS] * 3)
    want = ["p", "m0", "m", "c"]
    for given in (docs, docs[::-1], [city, prov, county, city_old]):
        report = build_report(given, tagged, TAX, "t")
        assert [n.document.doc_id for n in report.by_government] == want
        assert [d.doc_id for d in across_mod.document_order(given)] == want
        titles = [d.title for d in sorted(docs, key=lambda d: want.index(d.doc_id))]
        assert _md_index(render_md(report)) == titles and _html_index(render_html(report)) == titles


def test_one_government_keeps_its_order_newest_first_in_html():
    old = _doc("a", "岫川省人民政府", "岫川省", "province", "annual_notice", 2026)
    new = _doc("b", "岫川省人民政府", "岫川省", "province", "annual_notice", 2027)
    report = build_report([old, new], _tagged(old, [GAS] * 2) + _tagged(new, [CHEM] * 2), TAX, "t")
    assert report.across is None and report.by_government is None
    html = render_html(report)
    assert html.index('id="notice-b"') < html.index('id="notice-a"')  # newest first, as before
    assert "Order: as the rows of Across governments" not in render_md(report)


def _two_years():
    """Two governments in 2026 and three in 2027: 临川市 stresses 燃气 in 2026 only."""
    a26 = _doc("a26", "临川市人民政府", "临川市", "city", "annual_notice", 2026)
    b26 = _doc("b26", "石门县人民政府", "石门县", "county", "annual_notice", 2026)
    a27 = _doc("a27", "临川市人民政府", "临川市", "city", "annual_notice", 2027)
    b27 = _doc("b27", "石门县人民政府", "石门县", "county", "annual_notice", 2027)
    c27 = _doc("c27", "东川省人民政府", "东川省", "province", "annual_notice", 2027)
    docs = [a26, b26, a27, b27, c27]
    tagged = (_tagged(a26, [GAS] * 6) + _tagged(b26, [CHEM] * 6) + _tagged(a27, [CHEM] * 6)
              + _tagged(b27, [GAS] * 3 + [CHEM] * 3) + _tagged(c27, [GAS] * 6))
    return docs, tagged


def test_a_row_is_tested_against_the_other_governments_rows_of_its_own_year():
    docs, tagged = _two_years()
    across = build_across(docs, tagged, TAX)
    row = {g.doc_ids: g for g in across.groups}
    gas = {lid.label_id: lid for lid in across.cells[row[("a26",)].key]["sector"]}["urban_gas"]
    # 6 of 6 against 石门县's 2026 0 of 6, not against 2026 and 2027 (0 of 6 + 3 of 6 + 6 of 6 as on main)
    assert gas.p_value == pytest.approx(fisher_exact([[6, 0], [0, 6]]).pvalue)
    assert gas.mean_share == pytest.approx(0.5)  # 2026's mean: 6 of 12 clauses
    b27 = {c.label_id: c for c in across.cells[row[("b27",)].key]["sector"]}["urban_gas"]
    assert b27.mean_share == pytest.approx(9 / 18)  # 2027's mean: 0 + 3 + 6 of 18
    assert b27.p_value == pytest.approx(fisher_exact([[3, 3], [6, 6]]).pvalue)


def test_a_row_alone_in_its_year_is_shown_not_tested():
    docs, tagged = _two_years()
    d25 = _doc("d25", "白石市人民政府", "白石市", "city", "annual_notice", 2025)
    across = build_across(docs + [d25], tagged + _tagged(d25, [GAS] * 4), TAX)
    g = next(g for g in across.groups if g.doc_ids == ("d25",))
    assert not g.tested and all(g.tested for g in across.groups if g.year != 2025)
    note = across.peers_note()
    assert "documents of its kind and year" in note and "白石市人民政府 2025 (annual notices and 工作要点)" in note


def test_reports_say_rows_are_compared_within_their_year_with_a_mean_row_per_year():
    docs, tagged = _two_years()
    report = build_report(docs, tagged, TAX, "t")
    md, html = render_md(report), htmllib.unescape(render_html(report))
    said = "each row is compared with the other governments' rows of its own year only"
    assert said in md and said in html and "share one mean" not in md
    assert "| *mean (pooled), 2026* | | | | 12 |" in md and "| *mean (pooled), 2027* | | | | 18 |" in md
    assert html.count("<td class=\"who\">mean (pooled), 2026</td>") == 2  # one per dimension's table
    rows = list(csv.DictReader(io.StringIO(render_across_csv(report))))
    assert {r["compared_with"] for r in rows if r["group"] == "g0"} == {"annual notices and 工作要点 of other governments of 2027"}


def test_one_year_reads_as_before():
    docs, tagged = _two_years()
    d27 = [d for d in docs if d.year == 2027]
    report = build_report(d27, [t for t in tagged if t.clause.year == 2027], TAX, "t")
    md = render_md(report)
    assert "| *mean (pooled)* | | | | 18 |" in md and "of its own year" not in md
    assert report.across.year_means == ()


def test_the_probe_pairs_each_government_with_its_own_past_only(probe):
    inp, report, md, _ = probe
    compared = {n.document.title: (n.comparison.baseline if n.comparison else None) for n in report.notices}
    assert compared["青岚市安全生产委员会2027年安全生产工作要点"] == "the 2026 工作要点 of 青岚市安全生产委员会"
    assert compared["石桥县安全生产委员会2027年安全生产工作要点"] == "the 2026 工作要点 of 石桥县安全生产委员会"
    assert sum(v is not None for v in compared.values()) == 2
    # the same notice under two names: read once, said once
    assert sum(d.title == "柘溪市安全生产委员会2027年安全生产工作要点" for d in inp.documents) == 1
    assert any("zhexi_copy.txt" in note and "city_zhexi_2027.txt" in note for note in inp.notes)
    assert "| 芦湾县应急管理局关于加强汛期安全防范工作的通知 | 芦湾县应急管理局 | 县级 | 其他文件 | 年份不详 | 3 | — its year is unknown |" in md


@pytest.mark.parametrize("argv, said", [
    (["tag", "{tmp}/missing.txt"], "no such file or directory"),
    (["tag", "{tmp}/empty.txt"], "empty file"),
    (["tag", str(DATA / "title_only")], "no clause text under the title 柘溪市安全生产委员会办公室关于印发2027年安全生产月活动方案的通知"),
    (["tag", str(DATA / "folder" / "ministry_2027.txt"), "--format", "xlsx"], "invalid choice: 'xlsx'"),
])
def test_bad_input_is_one_line_and_leaves_the_output_as_it_was(tmp_path, argv, said):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "r.md"
    out.write_text("earlier report\n", encoding="utf-8")
    code, err = run([a.format(tmp=tmp_path) for a in argv] + ["--model", MODEL, "-o", str(out)])
    assert code in (1, 2) and err.count("\n") == 1 and said in err, err
    assert out.read_text(encoding="utf-8") == "earlier report\n"


def test_an_undated_document_follows_its_issuers_dated_ones():
    """A row of unknown year sorted as year 0, above its issuer's 2026 and 2027 rows (and its notice above theirs)."""
    undated = _doc("u", "青岚市人民政府", "青岚市", "city", "annual_notice", None, title="青岚市人民政府关于做好安全生产工作的通知")
    dated = _doc("d", "青岚市人民政府", "青岚市", "city", "annual_notice", 2026)
    other = _doc("o", "石桥县人民政府", "石桥县", "county", "annual_notice", 2026)
    docs = [undated, dated, other]
    report = build_report(docs, _tagged(undated, [GAS] * 2) + _tagged(dated, [CHEM] * 2) + _tagged(other, [GAS] * 2), TAX, "t")
    assert [g.doc_ids for g in report.across.groups] == [("d",), ("u",), ("o",)]
    assert [n.document.doc_id for n in report.by_government] == ["d", "u", "o"]
    assert "a row of unknown year after them" in render_md(report)
