"""What analyst9 found (session 15) measuring a report run's memory on synthetic clause files
(tests/data/reports9/make_clauses.py) and running ``policytag tag`` as an analyst on new documents (tests/data/reports9/,
what each report should say written down in its EXPECTED.md before the CLI was run on them). Every sentence there was
written for these tests; every place and organ is invented.

* A report holds every tagged clause until it is written: each clause's scores were a dict of two dicts of 30 Python
  floats, ~1.6 KB a clause (tracemalloc). They are now a view (``tagging.Scores``) of one float64 table per batch;
  every output byte for byte as before.
* A clause file whose document's first row names no issuer (the others do) made an unnamed document of 澄漪县's notice.
* A screen reader heard the HTML charts only as ``行业领域 2027`` (a ``role="img"`` hides its bars' own titles).
* ``--compare-with`` a ministry's notice beside a province's listed the ministry's clauses as "Dropped".
"""

from __future__ import annotations

import csv
import gc
import html as htmllib
import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import TEST_DATA

from policytag import PolicytagError
from report_cli import run as _run

DATA = TEST_DATA / "reports9"
CHROMIUM = Path("/usr/bin/chromium")


def _snapshot_tagger():
    from policytag.models.hybrid import HybridTagger
    from policytag.taxonomy import load_taxonomy

    snap = TEST_DATA / "speed_snapshot"
    return HybridTagger.load(snap / "model", taxonomy=load_taxonomy(snap / "taxonomy.yaml"))


def _own_bytes(roots: list, shared: set[int]) -> int:
    """Bytes of every object reachable from ``roots`` (each counted once), not counting those in ``shared``
    (strings of the taxonomy, the classes) and not descending into them."""
    seen: set[int] = set(shared)
    stack = list(roots)
    total = 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


def test_the_scores_a_report_holds_take_a_fraction_of_a_dict_of_floats():
    """The scores of 1,024 tagged clauses, everything reachable from them counted once (label ids aside), take under
    500 bytes a clause (main: a dict of two dicts of 30 floats, ~1,600), and read as before: the dict of every label's
    probability rounded by Python's ``round`` to 4 places, a plain dict in the row (JSON)."""
    from policytag.inference.tagging import tag_clauses
    from policytag.records import Clause

    tagger = _snapshot_tagger()
    texts = ["加强煤矿瓦斯防治，年底前完成隐患排查。", "对城镇燃气管道开展安全检查，整改率达到100%。",
             "组织森林防火应急演练。", "督促建筑施工企业落实安全生产责任制。"]
    clauses = [Clause(doc_id="d", clause_id=f"c{i}", heading_path=(), text=texts[i % 4] + "第" + str(i) + "项。",
                      kind="clause") for i in range(1024)]
    out = tag_clauses(tagger, clauses, progress=False, batch_size=128)
    shared = {id(x) for dim in ("sector", "measure_type") for x in tagger.taxonomy[dim].ids}
    shared |= {id(x) for x in ("sector", "measure_type")}
    per_clause = _own_bytes([t.scores for t in out], shared) / len(out)
    assert per_clause < 500, f"{per_clause:.0f} bytes a clause"
    proba = tagger.predict_proba(clauses[:128])
    for i in (0, 77, 127):
        want = {dim: {lid: round(float(p), 4) for lid, p in zip(tagger.taxonomy[dim].ids, np.asarray(proba[dim])[i])}
                for dim in ("sector", "measure_type")}
        assert out[i].scores == want and dict(out[i].scores) == want
        row = out[i].to_dict()
        assert type(row["scores"]) is dict and json.loads(json.dumps(row))["scores"] == want


def _clause_file(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "clauses.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_document_s_issuer_comes_from_the_rows_that_name_it():
    """mixed_issuer_clauses.jsonl: 澄漪县's notice, whose first row names no issuer and whose three other rows do, is
    澄漪县人民政府's (main: a document naming no issuer, left out of the comparison across governments, which then had
    one issuer and was not drawn); the document whose rows name none stays unnamed."""
    from policytag.inference.inputs import read_clause_file

    inp = read_clause_file(str(DATA / "mixed_issuer_clauses.jsonl"))
    docs = {d.doc_id: d for d in inp.documents}
    assert docs["chengyi-2027"].issuer == "澄漪县人民政府" and docs["chengyi-2027"].level == "county"
    assert docs["chengyi-2027"].genre == "annual_notice" and docs["chengyi-2027"].title.startswith("澄漪县人民政府关于")
    assert docs["unnamed-2027"].issuer is None and docs["huaiyuan-2027"].issuer == "淮沅县人民政府"
    # every row of the notice names it, as the report does (a CSV filtered by issuer lost the first row)
    assert [c.issuer for c in inp.clauses if c.doc_id == "chengyi-2027"] == ["澄漪县人民政府"] * 4
    assert [c.issuer for c in inp.clauses if c.doc_id == "unnamed-2027"] == [None, None]


def test_the_clause_file_s_csv_names_every_row_s_issuer_and_compares_the_governments(tmp_path):
    """The CSV of mixed_issuer_clauses.jsonl, as Excel reads it (BOM, quoted commas, quotes and a line break): one row
    per clause with its text intact, a1 named 澄漪县人民政府 like its document's other rows, and the .across.csv beside
    it (two issuers and an unnamed document: main wrote none)."""
    out = tmp_path / "c.csv"
    code, said = _run(["tag", "--clauses", str(DATA / "mixed_issuer_clauses.jsonl"), "-o", str(out)])
    assert code == 0, said
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    texts = [json.loads(line)["text"] for line in (DATA / "mixed_issuer_clauses.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == texts
    assert {r["clause_id"]: r["issuer"] for r in rows}["a1"] == "澄漪县人民政府"
    across = out.with_name("c.across.csv")
    assert across.read_bytes().startswith(b"\xef\xbb\xbf")
    names = {r["name"] for r in csv.DictReader(io.StringIO(across.read_text(encoding="utf-8-sig"), newline=""))}
    assert {"澄漪县人民政府", "淮沅县人民政府"} <= names and len(names) == 3


def test_rows_of_one_document_naming_two_issuers_are_an_error(tmp_path):
    """Two issuers in one document's rows (two notices given one doc_id) are a one-line error naming both, as two
    signing dates are; main took the first row's and reported the other's clauses as its."""
    from policytag.inference.inputs import read_clause_file

    path = _clause_file(tmp_path, [
        {"id": "x1", "doc_id": "d", "text": "加强燃气安全检查。", "issuer": "汀澄市人民政府"},
        {"id": "x2", "doc_id": "d", "text": "开展森林防火巡查。"},
        {"id": "x3", "doc_id": "d", "text": "开展消防安全检查。", "issuer": "溆坪县人民政府"}])
    with pytest.raises(PolicytagError, match=r"document 'd' has rows of two issuers \(汀澄市人民政府, 溆坪县人民政府\)"):
        read_clause_file(str(path))


def _accessibility_tree(html: Path) -> list[dict]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless", "--disable-gpu"])
        page = browser.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_selector('html[data-ready="1"]')
        nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        browser.close()
    return nodes


def _role(node: dict) -> str:
    return (node.get("role") or {}).get("value", "")


def _name(node: dict) -> str:
    return (node.get("name") or {}).get("value", "")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_a_screen_reader_hears_the_charts_data_and_every_header(tmp_path):
    """The three-year county report in headless Chromium, read through its accessibility tree as a screen reader
    does: the page is Chinese (lang), one h1, no heading level skipped; each chart's name carries its data (main:
    ``行业领域 2027`` and nothing of the counts, the bars' titles being hidden inside ``role="img"``); no column
    header is empty (main: the emphasis table's corner cell)."""
    html = tmp_path / "x.html"
    code, said = _run(["tag", *(str(DATA / f"xuping_county_{y}.txt") for y in (2025, 2026, 2027)), "-o", str(html)])
    assert code == 0, said
    assert '<html lang="zh-CN">' in html.read_text(encoding="utf-8")
    nodes = _accessibility_tree(html)
    levels = [int(p["value"]["value"]) for n in nodes if _role(n) == "heading"
              for p in n.get("properties", []) if p["name"] == "level"]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    images = [_name(n) for n in nodes if _role(n) == "image"]
    # 2027: 城镇燃气 2 of the notice's 5 clauses, 森林草原火灾 none (it had 1 of 5 in 2026: -20 pp)
    assert any(name.startswith("行业领域 2027:") and "城镇燃气 2 of 5 clauses, 40%, +20.0 pp" in name
               and "森林草原火灾 0 of 5 clauses, 0%, -20.0 pp" in name for name in images), images
    assert any(name.startswith("sector by measure type 2027:") and "城镇燃气 × " in name for name in images), images
    trend = [name for name in images if name.startswith("行业领域 share by year")]
    assert trend and "森林草原火灾 2025 40%, 2026 20%, 2027 0%" in trend[0], trend
    headers = [n for n in nodes if _role(n) in ("columnheader", "rowheader")]
    assert headers and not [n for n in headers if not _name(n).strip()]


def test_a_baseline_of_another_government_and_level_drops_nothing(tmp_path):
    """岚海省's 2027 notice --compare-with 国家能源生产安全部's 2027 notice: the ministry's clauses no clause of the
    province continues are only in the baseline, not "Dropped" (main), in the Markdown and the HTML; the caution
    names the two levels. Against its own past a county's clauses are still dropped."""
    def tag(inputs: list[str], fmt: str) -> str:
        out = tmp_path / f"r.{fmt}"
        code, said = _run(["tag", *inputs, "-o", str(out)])
        assert code == 0, said
        text = out.read_text(encoding="utf-8")
        return htmllib.unescape(text) if fmt == "html" else text

    apart = [str(DATA / "lanhai_province_2027.txt"), "--compare-with", str(DATA / "ministry_energy_2027.txt")]
    for fmt in ("md", "html"):
        text = tag(apart, fmt)
        assert "Dropped" not in text and "删去内容" not in text
        assert "Only in the baseline: 4 clauses of 国家能源生产安全部 2027 that no clause of this notice continues" in text
        assert "of another level (中央; this notice: 省级)" in text
    own = tag([str(DATA / "xuping_county_2026.txt"), str(DATA / "xuping_county_2025.txt")], "md")
    assert "## 删去内容 Dropped: 1 clause of 2025 that no clause continues" in own


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_the_per_issuer_trend_chart_reads_out_each_issuer_s_years(tmp_path):
    """The whole folder's HTML: the per-issuer trend chart (drawn by the page's script) is named for a screen reader
    with the chosen label and each chosen issuer's share per year, out of its clauses (main: no name, its data only
    in the points' tooltips)."""
    html = tmp_path / "r.html"
    code, said = _run(["tag", str(DATA), "-o", str(html)])
    assert code == 0, said
    names = [_name(n) for n in _accessibility_tree(html) if _role(n) == "image" and " per issuer: " in _name(n)]
    assert len(names) == 1, names
    assert "溆坪县人民政府 2025 " in names[0] and ", 2026 " in names[0] and ", 2027 " in names[0]
    assert "of 5)" in names[0] and "汀澄市人民政府 2026 " in names[0], names[0]


def test_a_mean_row_over_documents_of_different_kinds_says_so(tmp_path):
    """The ministry's annual notice and a 新区's 实施方案 (reports8) in one report (the test paired the ministry's notice,
    then read as 其他文件, with the province's annual notice; it is now the sector's annual notice): neither is tested (no
    peer of its kind), and the tables' mean row pools both kinds. Main called it "mean (pooled)" (HTML: "mean of all
    rows (pooled)") as if it were the reference of one kind; it now says it pools documents of different kinds and is
    no row's reference. A folder whose mean row is of one kind keeps its name."""
    def tag(inputs: list[str], fmt: str) -> str:
        out = tmp_path / f"r.{fmt}"
        code, said = _run(["tag", *inputs, "-o", str(out)])
        assert code == 0, said
        return htmllib.unescape(out.read_text(encoding="utf-8"))

    both = [str(DATA / "ministry_energy_2027.txt"), str(DATA.parent / "reports8" / "qinghu_newarea_plan_2027.txt")]
    said = "mean of all rows, documents of different kinds (pooled; no row is tested against it)"
    md = tag(both, "md")
    assert md.count(f"| *{said}* |") == 2 and "mean (pooled)" not in md
    assert said in tag(both, "html")
    folder = tag([str(DATA)], "md")
    assert "| *mean of the annual notices and 工作要点 (pooled), 2027* |" in folder and said not in folder
