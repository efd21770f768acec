"""What an analyst found running ``policytag tag`` on new documents of invented governments (session 9:
tests/data/reports3/, a ministry, two provinces, three cities, three counties and a development zone,
two years for some; what each report should say is written down in tests/data/reports3/EXPECTED.md,
before the CLI was run on them). Every sentence there was written for these tests; every place and
organ is invented.

* the JSON/JSONL/CSV rows said nothing of a clause carried over from last year with a changed figure
  (劝导站50个 -> 60个): ``novelty`` read ``carried_over`` like a clause repeated word for word, while
  the Markdown and HTML flagged it ``changed`` with its diff. The rows now carry the same flag
  (``changed``, ``previous_text``, ``diff``), from the one reading all formats use
  (``NoticeReport.flags``).
* ``--compare-with`` another government's notice of the same year (a county's 2027 工作要点 against a
  ministry's 2027 one) was reported in the words of the notice's own past: ``New this year``,
  ``[-last year-] {+this year+}``. Against a baseline the user chose, the reports say ``Not in the
  baseline`` and ``[-baseline-] {+this notice+}``;
* a comparison without revised clauses showed the Revised heading over nothing (Markdown, HTML),
  unlike the other sections' ``none``;
* a folder of several governments tagged to JSONL, JSON or CSV on stdout dropped the comparison across
  them without a word (only md, html and ``-o OUT.csv`` carry it): stderr now says where it is;
* ``--year 2027`` over a folder left out its undated emergency plan (鹤汀市城镇燃气事故应急预案) without a
  word: stderr now names what it leaves out;
* the HTML highlighted no evidence inside a deadline or target: ``新建交通安全劝导站60个`` was one green
  target mark, and 交通安全 (the cue) and 劝导 (an n-gram) for 道路交通运输 were not shown, although the
  docs say the HTML highlights them all; and evidence starting before a target and ending inside it
  (n-gram 完成餐饮 before 餐饮场所…安装率达到95%) dropped the target mark. Evidence marks now nest
  inside the deadline/target marks; one crossing a target's edge stays whole and cuts the target mark;
* two ministries were one government: 水域安全保障部's 2027 工作要点 was compared with 山林防火保障部's
  2026 one as its own past, their shares pooled into one year trend, and no across-governments section
  (every central organ's region is 全国, and the region stood for the government). A central organ
  is its own now (its 办公厅 writes for it);
* the across comparison of a 400-notice folder spent 2.4 s in ``scipy.stats.fisher_exact`` (about 1 ms a
  table for 3,356 distinct tables): the same p-values now come from one vectorised pass per table;
* a folder of 400 notices sat silent for seconds after the tagging bar (each notice aligned with its
  baseline, the Fisher tests across governments): a ``comparing`` bar now runs on a terminal.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
from html import unescape
from pathlib import Path

import pytest

from policytag.cli import main
from policytag.inference.report import build_report
from policytag.taxonomy import load_taxonomy

TAX = load_taxonomy()

DATA = Path(__file__).parent / "data" / "reports3"
FENGLING_2027 = "2027年全市安全生产和应急管理工作要点"  # in the 2027 notice's title only


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The folder tagged once per output format by the real CLI (its ``main``, in this process: the
    model loads once for the module)."""
    folder = tmp_path_factory.mktemp("reports3")
    for name in ("out.jsonl", "out.json", "out.csv", "out.md", "out.html"):
        with contextlib.redirect_stderr(io.StringIO()) as err:
            assert main(["tag", str(DATA), "-o", str(folder / name)]) == 0
        (folder / f"{name}.stderr").write_text(err.getvalue(), encoding="utf-8")
    return folder


def _jsonl(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "out.jsonl").read_text(encoding="utf-8").splitlines()]


def _fengling_2027(rows: list[dict]) -> list[dict]:
    return [r for r in rows if FENGLING_2027 in (r["title"] or "")]


def _flags_of_rows(rows: list[dict]) -> tuple[set[str], set[str]]:
    new = {r["clause_id"] for r in rows if r["novelty"] and r["novelty"]["is_new"]}
    return new, {r["clause_id"] for r in rows if r["changed"]}


def _flags_of_csv(out: Path) -> tuple[set[str], set[str]]:
    with open(out / "out.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    new = {r["clause_id"] for r in rows if r["novelty"] and json.loads(r["novelty"])["is_new"]}
    return new, {r["clause_id"] for r in rows if r["changed"] == "1"}


def _flags_of_md(out: Path) -> tuple[set[str], set[str]]:
    md = (out / "out.md").read_text(encoding="utf-8")
    found = re.findall(r"^- `([^`]+)` \*\*\[(new|changed)\]\*\*", md, re.M)
    return {c for c, f in found if f == "new"}, {c for c, f in found if f == "changed"}


def _flags_of_html(out: Path) -> tuple[set[str], set[str]]:
    html = (out / "out.html").read_text(encoding="utf-8")
    found = re.findall(r'<td><code>([^<]+)</code> <span class="(new|changed)"', html)
    return {c for c, f in found if f == "new"}, {c for c, f in found if f == "changed"}


def test_rows_flag_a_carried_over_clause_whose_figure_changed(out):
    rows = _fengling_2027(_jsonl(out))
    road = next(r for r in rows if "劝导站60个" in r["text"])
    assert road["novelty"]["status"] == "carried_over"  # the premise: the sentence continues 2026's
    assert road["changed"] is True
    assert "劝导站[-50-]{+60+}个" in road["diff"]
    assert "劝导站50个" in road["previous_text"]
    drill = next(r for r in rows if "不少于2次" in r["text"])
    assert drill["changed"] and "不少于[-1-]{+2+}次" in drill["diff"]
    same = next(r for r in rows if r["text"].startswith("（二）修订市级部门"))  # word for word
    assert same["changed"] is False and same["diff"] is None and "9月底前" in same["previous_text"]
    ebike = next(r for r in rows if "电动自行车" in r["text"])
    assert ebike["novelty"]["is_new"] and ebike["changed"] is False and ebike["previous_text"] is None
    # a notice without a baseline: nothing to say either way
    assert all(r["changed"] is None and r["diff"] is None for r in _jsonl(out) if "枫岭市2026年" in (r["title"] or ""))


def test_every_format_flags_the_same_clauses_new_and_changed(out):
    rows = _jsonl(out)
    want = _flags_of_rows(rows)
    figures = {r["clause_id"] for r in _fengling_2027(rows) if re.search("劝导站60个|120公里|不少于2次", r["text"])}
    assert figures <= want[1] and want[0]  # the premise: the figure changes are flagged, something is new
    with open(out / "out.json", encoding="utf-8") as f:
        assert _flags_of_rows(json.load(f)) == want
    assert _flags_of_csv(out) == want
    assert _flags_of_md(out) == want
    assert _flags_of_html(out) == want


def test_a_chosen_baseline_of_another_government_is_not_last_year(tmp_path):
    county, ministry = DATA / "weitang_work_points_2027.txt", DATA / "ministry_work_points_2027.txt"
    for fmt in ("md", "html"):
        assert main(["tag", str(county), "--compare-with", str(ministry), "-o", str(tmp_path / f"r.{fmt}")]) == 0
    md, html = (tmp_path / "r.md").read_text(encoding="utf-8"), (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "compared with the 2027 工作要点 of 水域安全保障部" in md  # the premise: that baseline was used
    assert "## 新增内容 Not in the baseline:" in md and "[-baseline-] {+this notice+}" in md
    assert "<h3>新增内容 Not in the baseline:" in html and "<del>baseline</del> <ins>this notice</ins>" in html
    for text in (md, html):
        assert "New this year" not in text and "last year" not in text


def test_an_empty_revised_section_says_none(out):
    md = (out / "out.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## 修改内容 Revised: 0 clauses.*\n\n(.*)$", md, re.M)
    assert sections and all(line == "- none" for line in sections)
    html = (out / "out.html").read_text(encoding="utf-8")
    lists = re.findall(r"Revised: 0 clauses[^<]*\(<del>[^<]*</del> <ins>[^<]*</ins>\)</summary><ul>(.*?)</ul>", html)
    assert lists and all(items == "<li>none</li>" for items in lists)


class _Terminal(io.StringIO):
    """stderr as a terminal (tqdm draws its bars only there)."""

    def isatty(self) -> bool:
        return True


def test_assembling_a_big_report_shows_progress_on_a_terminal(monkeypatch):
    from policytag.inference.report import PROGRESS_NOTICES
    from report_synth import synthetic_corpus

    documents, tagged = synthetic_corpus(PROGRESS_NOTICES, clauses=2)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    build_report(documents, tagged, load_taxonomy(), "synthetic-labels")
    assert "comparing" in sys.stderr.getvalue()


def test_rows_without_the_across_comparison_say_where_it_is(out):
    for name in ("out.jsonl", "out.json"):
        err = (out / f"{name}.stderr").read_text(encoding="utf-8")
        assert "the input holds several governments" in err and "--format md or html" in err
    for name in ("out.csv", "out.md", "out.html"):  # these carry it (out.across.csv beside out.csv)
        assert "several governments" not in (out / f"{name}.stderr").read_text(encoding="utf-8")
    assert (out / "out.across.csv").is_file()


def test_year_says_which_undated_notices_it_leaves_out(tmp_path):
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert main(["tag", str(DATA), "--year", "2027", "-o", str(tmp_path / "y.jsonl")]) == 0
    rows = [json.loads(line) for line in (tmp_path / "y.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["year"] for r in rows} == {2027}  # the premise: the undated plan is not reported
    assert "--year 2027 leaves out 1 notice(s) stating no year" in err.getvalue()
    assert "heting_gas_emergency_plan.txt" in err.getvalue()


def test_the_html_highlights_evidence_inside_a_target(out):
    html = (out / "out.html").read_text(encoding="utf-8")
    targets = re.findall(r'<mark class="tg" title="[^"]*">((?:[^<]|<mark class="ev"[^>]*>[^<]*</mark>)*)</mark>', html)
    road = [t for t in targets if re.sub(r"<[^>]+>", "", t) == "新建交通安全劝导站60个"]
    assert road, "the premise: the figure is a target"
    assert re.search(r'<mark class="ev" data-labels="[^"]*道路交通运输[^"]*" title="[^"]*">交通安全</mark>', road[0])
    # marks added, no character lost or repeated: every clause cell reads as its clause's text
    texts = {r["clause_id"]: r["text"] for r in _jsonl(out)}
    cells = re.findall(r'<tr class="clause"[^>]*><td><code>([^<]+)</code>.*?</td><td>(?:<div class="path">[^<]*</div>)?(.*?)'
                       r'(?:<div class="path">[^<]*</div>)?</td><td>', html)
    assert len(cells) == len(texts)
    assert all(unescape(re.sub(r"<[^>]+>", "", cell)) == texts[cid] for cid, cell in cells)


def test_evidence_crossing_a_targets_edge_stays_whole_and_the_target_stays_marked():
    from dataclasses import replace

    from policytag.inference.extract import extract_fields
    from policytag.inference.render_html import _highlight
    from policytag.records import Evidence
    from report_synth import _doc, _tagged

    text = "（一）开展液化气专项检查，完成餐饮场所燃气报警装置安装率达到95%。"
    doc = _doc("jl27", "金澜经济技术开发区管理委员会", "金澜经济技术开发区", "department", "work_points", 2027)
    (plain,) = _tagged(doc, [(text, ("urban_gas",), ("engineering_technology",))])
    deadlines, targets = extract_fields([text], [2027])[0]
    start = text.index("完成餐饮")
    assert targets and targets[0].span[0] == start + 2  # the premise: the n-gram crosses the target's start
    evidence = {"sector": {"urban_gas": (Evidence("urban_gas", "sector", "ngram", "完成餐饮", (start, start + 4), 0.4),)},
                "measure_type": {"engineering_technology": (Evidence("engineering_technology", "measure_type", "cue",
                                                                     "报警装置", (text.index("报警装置"), text.index("报警装置") + 4)),)}}
    tagged = replace(plain, deadlines=tuple(deadlines), targets=tuple(targets), evidence=evidence)
    html = _highlight(tagged, load_taxonomy())
    assert re.search(r'<mark class="ev"[^>]*>完成餐饮</mark>', html)  # the evidence whole
    target_marks = re.findall(r'<mark class="tg"[^>]*>((?:[^<]|<mark class="ev"[^>]*>[^<]*</mark>)*)</mark>', html)
    assert "".join(re.sub(r"<[^>]+>", "", m) for m in target_marks) == "场所燃气报警装置安装率达到95%"  # the rest of the target
    assert any(re.search(r'<mark class="ev"[^>]*>报警装置</mark>', m) for m in target_marks)  # a cue inside it
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text


def test_two_ministries_are_two_governments():
    from report_synth import _doc, _tagged

    water27 = _doc("w27", "水域安全保障部", "全国", "central", "work_points", 2027)
    forest26 = _doc("f26", "山林防火保障部", "全国", "central", "work_points", 2026)
    water26 = _doc("w26", "水域安全保障部办公厅", "全国", "central", "work_points", 2026)
    boats = ("一、开展船舶超载专项治理。", ("rail_air_water",), ("hazard_remediation",))
    fires = ("一、严格野外火源管控。", ("forest_grassland_fire",), ("hazard_remediation",))
    tagged = _tagged(water27, [boats]) + _tagged(forest26, [fires]) + _tagged(water26, [boats])
    report = build_report([forest26, water27], [t for t in tagged if t.clause.doc_id != "w26"], TAX, "test")
    water = next(n for n in report.notices if n.document.doc_id == "w27")
    assert water.comparison is None and water.comparison_note.startswith("no previous 工作要点 of 水域安全保障部")
    assert "山林防火保障部" not in water.comparison_note  # not offered as this ministry's past either
    assert report.trend is None and report.across is not None and len(report.across.groups) == 2
    # the ministry's own office wrote last year's: that is its past
    own = build_report([water26, water27], [t for t in tagged if t.clause.doc_id != "f26"], TAX, "test")
    assert next(n for n in own.notices if n.document.doc_id == "w27").comparison.prev_doc_ids == ("w26",)


def _random_tables(k: int, seed: int) -> list[tuple[int, int, int, int]]:
    """``k`` distinct 2 × 2 tables as the across comparison makes them: a row's clauses with and
    without a label (up to 60), the other rows' (up to 5,000)."""
    import random

    rng, out = random.Random(seed), set()
    while len(out) < k:
        n, rest = rng.randint(1, 60), rng.randint(1, 5000)
        count, rest_count = rng.randint(0, n), rng.randint(0, rest)
        out.add((count, n, rest_count, rest))
    return sorted(out)


def test_fisher_p_is_scipys_two_sided_p_value():
    from scipy.stats import fisher_exact

    from policytag.inference.across import fisher_p

    for count, n, rest_count, rest in _random_tables(100, seed=3) + [(0, 5, 0, 7), (5, 5, 0, 9), (3, 3, 4, 4), (1, 1, 0, 1)]:
        want = fisher_exact([[count, n - count], [rest_count, rest - rest_count]]).pvalue
        assert fisher_p(count, n, rest_count, rest) == pytest.approx(want, rel=1e-9, abs=1e-300)


def test_fisher_p_of_a_big_folders_tables_takes_well_under_a_second():
    import time

    from policytag.inference.across import fisher_p

    tables = _random_tables(3000, seed=11)  # distinct and unseen: nothing comes from the cache
    start = time.process_time()
    for table in tables:
        fisher_p(*table)
    assert time.process_time() - start < 0.6  # 0.15 s; scipy's fisher_exact: 1.4–3.6 s of CPU for these
