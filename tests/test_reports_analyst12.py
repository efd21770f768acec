"""What analyst12 found (session 18) reading ``policytag tag … --report`` as an analyst comparing governments
(tests/data/reports12/: a province, two of its cities, one of them with two years, a county and a ministry, what
each report should say written down in its EXPECTED.md before the CLI was run on them). Every sentence there was
written for these tests; every place and organ is invented.

* The across-governments table listed its rows in the order the files were read: a folder whose files sort city,
  county, ministry, province put the province and the ministry under the county. Rows now run by administrative
  level from the centre down (中央, 省级, 市级, 县级, 基层及其他), then by name, each government's rows together,
  whatever the input's order; the captions say so, and so do the per-issuer trend lines.
* The HTML heatmap showed a cell's share alone (``100``) and its count only in a tooltip, where the Markdown read
  ``100 (5)``: both now show the share and the clause count, the tooltip keeps the evidence (count of n, pp, q).
* The HTML level column sorted by its text (县级 before 市级 before 省级); the stress lists named no level.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import random

import pytest

from policytag import PROJECT_ROOT
from policytag.corpus.metadata import LEVELS
from policytag.inference.across import build_across, issuer_trends
from policytag.inference.cli import render
from policytag.inference.render_md import render_md
from policytag.inference.report import build_report
from policytag.taxonomy import DIMENSIONS, load_taxonomy

from conftest import TEST_DATA
from report_cli import build
from report_synth import _doc, _tagged

DATA = TEST_DATA / "reports12"
MODEL = str(PROJECT_ROOT / "policytag" / "resources" / "model")
TAX = load_taxonomy()

GAS = ("年底前完成老旧燃气管网改造。", ("urban_gas",), ("engineering_technology",))
CHEM = ("开展危险化学品企业安全风险评估。", ("hazardous_chemicals",), ("hazard_remediation",))


@pytest.fixture(scope="module")
def report():
    """The six notices of tests/data/reports12 tagged once with the shipped model (the folder reads city, city,
    city, county, ministry, province: the reverse of the administrative order)."""
    return build([str(DATA)], MODEL)


@pytest.fixture(scope="module")
def md(report) -> str:
    return render(report, "md")


@pytest.fixture(scope="module")
def html(report) -> str:
    return render(report, "html")


def _md_table(md: str, dim_name: str) -> list[list[str]]:
    """The cells of the across table of one dimension in the Markdown (its rows, the mean row left out)."""
    part = md[md.index("## 各地比较"):]
    part = part[part.index(f"**{dim_name}**"):]
    lines = part.split("\n\n")[1].splitlines()[2:]
    return [[c.strip() for c in line.strip("|").split("|")] for line in lines if not line.startswith("| *")]


def _html_rows(html: str, dim: str) -> list[str]:
    body = html[html.index(f'<table class="sortable heat" data-dim="{dim}">'):]
    return re.findall(r"<tr data-arow.*?</tr>", body[:body.index("</tbody>")])


EXPECTED_ROWS = [("国家工贸安全监督部", "central", 2027), ("澄屿省人民政府", "province", 2027),
                 ("枫渚市人民政府", "city", 2026), ("枫渚市人民政府", "city", 2027), ("蓼原市人民政府", "city", 2027),
                 ("苇岙县人民政府", "county", 2027)]


def test_across_rows_run_from_the_centre_down_whatever_the_file_order(report, md):
    """On main the rows followed the folder: 枫渚市 2026, 枫渚市 2027, 蓼原市, 苇岙县, the ministry, the province."""
    assert [n.document.level for n in report.notices][:1] == ["city"]  # the input's order is not the table's
    a = report.across
    assert [(g.name, g.level, g.year) for g in a.groups] == EXPECTED_ROWS
    for dim in DIMENSIONS:
        rows = _md_table(md, TAX[dim].name)
        assert [(r[0], r[1], r[2]) for r in rows] == [(n, {"central": "中央", "province": "省级", "city": "市级",
                                                           "county": "县级"}[lv], str(y)) for n, lv, y in EXPECTED_ROWS]
    # the caption says the order; the note names the governments alone at their level in it too
    assert "Order: rows by administrative level (中央, 省级, 市级, 县级, 基层及其他" in md
    note = a.peers_note()
    assert note.index("国家工贸安全监督部 is the only 中央") < note.index("澄屿省 is the only 省级") < note.index("苇岙县 is the only 县级")


def _synthetic():
    """A ministry, a province, a city's government, its 安委会 and its 交通运输局 (which sorts before 人民政府 by name),
    two counties named 长宁县 (one with two organs), and a document naming no issuer: nine rows."""
    docs = [_doc("cn1", "长宁县人民政府", "青川省长宁县", "county", "annual_notice", 2026),
            _doc("lj1", "临江市安全生产委员会", "临江市", "city", "work_points", 2026, title="临江市2026年安全生产工作要点"),
            _doc("un1", None, None, None, "work_points", 2026, title="2026年安全生产工作要点"),
            _doc("cn2", "长宁县应急管理局", "青川省长宁县", "county", "annual_notice", 2026),
            _doc("dc1", "东川省人民政府", "东川省", "province", "annual_notice", 2026),
            _doc("nj1", "长宁县人民政府", "南江省长宁县", "county", "annual_notice", 2026),
            _doc("lj2", "临江市人民政府", "临江市", "city", "annual_notice", 2026),
            _doc("mn1", "国家工贸安全监督部", "全国", "central", "annual_notice", 2026),
            _doc("lj3", "临江市交通运输局", "临江市", "city", "other", 2026, title="临江市交通运输局关于加强道路运输安全的通知")]
    tagged = [t for i, d in enumerate(docs) for t in _tagged(d, [GAS, CHEM][: 1 + i % 2])]
    return docs, tagged


def test_row_order_does_not_depend_on_the_input_order():
    """Every order of the documents gives one table: levels from the centre down, a city's organs together (its
    人民政府 first, then the others by name), two governments of one name apart by region with each one's organs
    together, the document naming no issuer last. On main the table followed the documents."""
    docs, tagged = _synthetic()
    expected = [("国家工贸安全监督部", "全国"), ("东川省人民政府", "东川省"), ("临江市人民政府", "临江市"),
                ("临江市交通运输局", "临江市"), ("临江市安全生产委员会", "临江市"), ("长宁县人民政府", "南江省长宁县"), ("长宁县人民政府", "青川省长宁县"),
                ("长宁县应急管理局", "青川省长宁县"), (None, "un1")]
    rng = random.Random(12)
    orders = [list(range(len(docs))), list(range(len(docs)))[::-1]]
    for _ in range(30):
        orders.append(rng.sample(range(len(docs)), len(docs)))
    for k, order in enumerate(orders):
        a = build_across([docs[i] for i in order], tagged[::-1] if k % 2 else tagged, TAX)
        rows = [(g.issuer, g.region) if g.issuer else (None, g.doc_ids[0]) for g in a.groups]
        assert rows == expected, order


def test_html_cells_show_share_and_count_as_the_markdown_does(md, html):
    """On main an HTML cell read ``100`` (the count, 5 of 5, only in its tooltip) where the Markdown read
    ``100 (5)``; a 1-clause row's 100 looked like a 6-of-6 row's. The tooltip keeps the evidence."""
    for dim in DIMENSIONS:
        md_cells = [r[5:] for r in _md_table(md, TAX[dim].name)]
        html_rows = _html_rows(html, dim)
        assert len(html_rows) == len(md_cells) == len(EXPECTED_ROWS)
        for row, want in zip(html_rows, md_cells):
            cells = re.findall(r'<td class="h\d[^"]*" data-v="[\d.]+" title="([^"]*)"><a href="#[^"]+">([^<]*)</a>', row)
            assert [text for _, text in cells] == want
            for tip, text in cells:
                count = re.match(r"\d+ \((\d+)\)|0(?=[▲▼]?$)", text)
                assert count, text
                assert htmllib.unescape(tip).startswith(f"{count.group(1) or 0}/")  # count/n, pp, q
    assert "the clauses in brackets, as in the Markdown report" in html
    assert "100 (5)▲" in html  # the ministry's 冶金工贸: 5 of its 5 clauses, beyond chance


def test_html_level_column_sorts_by_rank_and_stress_lists_name_the_level(report, md, html):
    """Sorting the level column by its text put 县级 before 市级 before 省级; the stress lists named no level."""
    assert html.count('<th data-sort="lrank">level</th>') == len(DIMENSIONS) + 1  # both heatmaps and the stress table
    for dim in DIMENSIONS:
        ranks = [int(x) for x in re.findall(r'data-lrank="(\d+)"', "".join(_html_rows(html, dim)))]
        assert ranks == [LEVELS.index(lv) for _, lv, _ in EXPECTED_ROWS]
    assert "Order as first shown: rows by administrative level" in html
    assert "- **国家工贸安全监督部 2027 年度安全生产工作通知** · 中央" in md
    stress = html[html.index('<table class="sortable stress">'):]
    assert re.search(r"国家工贸安全监督部</a></td><td>中央</td><td>2027</td>", stress)


def test_issuer_trend_lines_follow_the_table_order():
    """A county's two years given first, then a city's, then a province's: the lines (the HTML chart's issuer
    list) run province, city, county as the table does. On main they followed the files."""
    docs = [_doc(f"{p}{y}", f"{name}人民政府", name, level, "annual_notice", y)
            for p, name, level in (("sm", "石门县", "county"), ("lj", "临江市", "city"), ("dc", "东川省", "province"))
            for y in (2026, 2027)]
    tagged = [t for d in docs for t in _tagged(d, [GAS, CHEM])]
    assert [t.issuer for t in issuer_trends(docs, tagged, TAX)] == ["东川省人民政府", "临江市人民政府", "石门县人民政府"]


def test_each_government_is_compared_with_its_own_last_year_only(report, md):
    """A guard (as EXPECTED.md says; main reads so too): 枫渚市 2027 with 枫渚市 2026 and nothing else; the province,
    蓼原市, 苇岙县 and the ministry with no earlier notice of their own, never with 枫渚市's 2026 notice; no pooled
    trend; each notice's header names its issuer and level."""
    by = {(n.document.issuer, n.document.year): n for n in report.notices}
    fz26, fz27 = by[("枫渚市人民政府", 2026)], by[("枫渚市人民政府", 2027)]
    assert fz27.comparison.prev_doc_ids == (fz26.document.doc_id,)
    for (issuer, year), n in by.items():
        if (issuer, year) != ("枫渚市人民政府", 2027):
            assert n.comparison is None and f"of {issuer} before {year}" in n.comparison_note
    assert report.trend is None and "no pooled trend" in md
    for n in report.notices:
        level = {"central": "中央", "province": "省级", "city": "市级", "county": "县级"}[n.document.level]
        header = md[md.index(f"# {n.document.title}"):].splitlines()[2]
        assert f" · {n.document.issuer} · " in header and f" · {level} · " in header


def test_every_tag_has_its_evidence(report):
    """A guard: every label of every JSONL row has evidence (a cue, a rule, an n-gram or the model's score)."""
    rows = [json.loads(line) for line in render(report, "jsonl").splitlines()]
    assert len(rows) == 31
    for r in rows:
        for dim in DIMENSIONS:
            for label in r[dim]:
                assert r["evidence"][dim].get(label), (r["clause_id"], dim, label)


def test_a_new_subject_under_last_year_s_item_number_is_new_not_a_revision(report, md):
    """枫渚市 2027's item 三 (加强电动自行车安全管理) took the place of 2026's item 三 (加强烟花爆竹安全管理): same number,
    same frame, 0.42 alike, so on main it read "Revised" from the 烟花爆竹 item and nothing was dropped. Its subject
    is named by a codebook rule (rule 10: 电动自行车 near 充电 is 消防), not by a cue word, which the subject check
    did not read; now it does: the item is new and the 烟花爆竹 item dropped."""
    n = next(n for n in report.notices if (n.document.issuer, n.document.year) == ("枫渚市人民政府", 2027))
    texts = {t.clause.clause_id: t.clause.text for t in n.tagged}
    ebike = next(v for v in n.comparison.novelty if "电动自行车" in texts[v.clause_id])
    assert ebike.status == "new"
    (gone,) = n.comparison.dropped
    assert "烟花爆竹" in n.comparison.prev_texts[gone]
    section = md[md.index("# 枫渚市人民政府关于做好2027年"):]
    assert "## 删去内容 Dropped: 1 clause" in section


def test_clicking_the_level_head_sorts_by_rank_in_a_browser(html, tmp_path):
    """The level column sorted by its characters (中央 县级 基层 市级 省级 ascending); now by rank: descending on the
    first click (县级 first), ascending on the second (中央 first)."""
    from pathlib import Path

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    page_file = tmp_path / "r.html"
    page_file.write_text(html, encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--headless", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(page_file.resolve().as_uri())
            page.wait_for_selector('html[data-ready="1"]')
            head = page.locator('table.heat[data-dim="sector"] thead th[data-sort="lrank"]')
            levels = 'b => Array.from(b.rows).map(r => r.cells[1].textContent)'
            head.click()
            assert page.eval_on_selector('table.heat[data-dim="sector"] tbody', levels) == [
                "县级", "市级", "市级", "市级", "省级", "中央"]
            head.click()
            assert page.eval_on_selector('table.heat[data-dim="sector"] tbody', levels) == [
                "中央", "省级", "市级", "市级", "市级", "县级"]
        finally:
            browser.close()
