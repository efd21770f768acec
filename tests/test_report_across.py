"""Across governments (issue 19 item 3): issuer × label shares, the Fisher exact test with
Benjamini–Hochberg correction, and the links from every cell to its clauses in Markdown, CSV and
HTML. Reports are built from synthetic clauses with known labels (tests/report_synth.py), and once
through the CLI from the notices of three issuers written for tests/test_genres_yoy.py."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pytest

from policytag.inference.across import ALPHA, benjamini_hochberg, build_across, fisher_p
from policytag.inference.render_html import render_html
from policytag.inference.render_md import render_md
from policytag.inference.render_rows import render_across_csv
from policytag.taxonomy import DIMENSIONS, load_taxonomy
from report_synth import synthetic_corpus, synthetic_report

YOY = Path(__file__).parent / "data" / "genres" / "yoy"


@pytest.fixture(scope="module")
def report():
    return synthetic_report(40, clauses=20)


def test_shares_and_mean_are_counted_exactly(report):
    a = report.across
    docs, tagged = synthetic_corpus(40, clauses=20)
    total = len(tagged)
    assert a.n_issuers == 20 and len(a.groups) == 40
    for dim in DIMENSIONS:
        for lid, mean in a.mean_shares[dim].items():
            assert mean == pytest.approx(sum(lid in getattr(t.labels, dim) for t in tagged) / total)
    for g in a.groups:
        mine = [t for t in tagged if t.clause.doc_id in g.doc_ids]
        assert g.n_clauses == len(mine) == 20
        for dim in DIMENSIONS:
            for c in a.cells[g.key][dim]:
                ids = tuple(t.clause.clause_id for t in mine if c.label_id in getattr(t.labels, dim))
                assert c.clause_ids == ids and c.count == len(ids)  # the cell's link targets
                assert c.share == pytest.approx(len(ids) / 20)
                # against its own year's mean (the rows span 2026-2027: each is compared within its year)
                year = [t for t in tagged if t.clause.year == g.year]
                mean = sum(c.label_id in getattr(t.labels, dim) for t in year) / len(year)
                assert c.mean_share == pytest.approx(mean)
                assert c.diff_pp == pytest.approx(round((c.share - mean) * 100, 1))


def test_benjamini_hochberg_by_hand():
    p = [0.01, 0.04, 0.03, 0.005, 0.5, 1.0]
    # sorted: 0.005*6/1=.03, 0.01*6/2=.03, 0.03*6/3=.06, 0.04*6/4=.06, 0.5*6/5=.6, 1.0
    assert np.allclose(benjamini_hochberg(p), [0.03, 0.06, 0.06, 0.03, 0.6, 1.0])
    assert benjamini_hochberg([]).size == 0


def test_fisher_exact_two_sided():
    from scipy.stats import fisher_exact

    assert fisher_p(12, 16, 30, 300) == pytest.approx(fisher_exact([[12, 4], [30, 270]]).pvalue)
    assert fisher_p(0, 16, 0, 300) == 1.0


def test_only_the_planted_difference_is_significant(report):
    """Issuer 0 writes 3/4 of its clauses on 危险化学品; the others draw templates at random. Only
    issuer 0's rows stress anything more, and it is 危险化学品; no row of the others passes BH."""
    a = report.across
    flagged = {(g.issuer, c.label_id) for g in a.groups for dim in DIMENSIONS for c in a.more(g.key, dim)}
    chem = a.groups[0].issuer
    assert flagged == {(chem, "hazardous_chemicals")}
    for g in a.groups:
        for dim in DIMENSIONS:
            for c in a.less(g.key, dim):
                assert g.issuer == chem  # it writes less on everything else, if anything
                assert c.q_value < ALPHA and c.diff_pp < 0
    cell = next(c for c in a.cells[a.groups[0].key]["sector"] if c.label_id == "hazardous_chemicals")
    assert cell.diff_pp > 40 and cell.q_value < 0.01


def test_no_comparison_with_one_issuer():
    docs, tagged = synthetic_corpus(6, years=(2021, 2022, 2023, 2024, 2025, 2026))
    one = [d for d in docs if d.issuer == docs[0].issuer]
    assert len(one) == 6
    assert build_across(one, [t for t in tagged if t.clause.issuer == docs[0].issuer], load_taxonomy()) is None


def test_markdown_csv_html_carry_the_table_and_links(report):
    a = report.across
    md = render_md(report)
    assert "## 各地比较 Across governments: 20 issuers, 40 issuer-year rows" in md
    assert "Fisher exact test" in md and "Benjamini–Hochberg" in md
    chem = a.groups[0]
    assert f"- **{chem.issuer} {chem.year} 年度安全生产工作通知**" in md
    cell = next(c for c in a.cells[chem.key]["sector"] if c.label_id == "hazardous_chemicals")
    assert f"`{cell.clause_ids[0]}`" in md.split("### 侧重差异")[1]

    rows = list(csv.DictReader(io.StringIO(render_across_csv(report))))
    labels = sum(len(load_taxonomy()[d].ids) for d in DIMENSIONS)
    assert len(rows) == len(a.groups) * labels
    row = next(r for r in rows if r["group"] == chem.key and r["label_id"] == "hazardous_chemicals")
    assert row["clause_ids"].split(";") == list(cell.clause_ids) and row["significant"] == "1"

    html = render_html(report)
    assert 'id="across"' in html and html.count('<table class="sortable heat"') == 2
    anchors = set(re.findall(r'<section class="notice[^"]*" id="([^"]+)"', html))
    links = re.findall(r'<td class="h\d[^"]*" data-v="[\d.]+" title="[^"]*"><a href="#([^"]+)">', html)
    used = sum(len(a.used_labels(d)) for d in DIMENSIONS)
    assert len(links) == len(a.groups) * used  # every cell is a link ...
    assert set(links) <= anchors  # ... to a notice section that holds its clause table
    for level in ("province", "city", "county"):
        assert f'<option value="{level}">' in html
    assert "://" not in html  # still self-contained


def test_cli_multi_issuer_reports(tmp_path, keyword_run, policytag_cli):
    """The notices written for the like-with-like test (three issuers at three levels, two years)."""
    md = policytag_cli("tag", YOY, "--format", "md", "--model", keyword_run)
    assert md.returncode == 0, md.stderr
    assert "## 各地比较 Across governments: 4 issuers" in md.stdout
    out = tmp_path / "out.csv"
    proc = policytag_cli("tag", YOY, "--format", "csv", "-o", out, "--model", keyword_run)
    assert proc.returncode == 0, proc.stderr
    side = list(csv.DictReader(io.StringIO((tmp_path / "out.across.csv").read_text(encoding="utf-8-sig"))))
    assert {r["issuer"] for r in side} == {"东川省人民政府", "临江市安全生产委员会", "青石县人民政府", "云岭市安全生产委员会"}
    clause_ids = {r["clause_id"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    for r in side:
        assert set(filter(None, r["clause_ids"].split(";"))) <= clause_ids
