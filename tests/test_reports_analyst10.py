"""What analyst10 found (session 16) running ``policytag tag`` as an analyst on new documents (tests/data/reports10/,
what each report should say written down in its EXPECTED.md before the CLI was run on them). Every sentence there was
written for these tests; every place and organ is invented.

* The Markdown trend table headed its columns ``26 | 27``: years are now written in full, and the table says that a
  column may add up to more than 100 (a clause carries several labels).
* A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` was run by a spreadsheet as a formula (``=HYPERLINK(…)`` a live
  link, ``-对烟花爆竹…`` a #NAME? error): such a text now starts with ``'``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import TEST_DATA

from report_cli import run as _run, tag as _tag

DATA = TEST_DATA / "reports10"


def test_the_trend_table_names_its_years_in_full(tmp_path):
    """潆屿市 2026 and 2027 (one series): the Markdown trend table's columns are headed 2026 and 2027 (main: 26 and 27),
    and the table says what a column is out of and that it may add up to more than 100 (the measure types' 2026 column
    adds up to 160 here)."""
    md = _tag(tmp_path, [str(DATA / "yingyu_city_2026.txt"), str(DATA / "yingyu_city_2027.txt")], "y.md")
    trend = md.split("## 年度趋势 Trend", 1)[1].split("\n# ", 1)[0]
    heads = re.findall(r"^\| (?:行业领域|措施类型) \| (.+) \|$", trend, flags=re.M)
    assert heads == ["2026 | 2027"] * 2, heads
    assert "a column may add up to more than 100" in trend
    measures = trend.split("**措施类型**", 1)[1]
    rows = [[int(v) for v in m] for m in re.findall(r"^\| [^|*]+ \| (\d+) \| (\d+) \|$", measures, flags=re.M)]
    assert rows and max(sum(r[0] for r in rows), sum(r[1] for r in rows)) > 100, rows


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_a_csv_cell_never_starts_as_a_formula(tmp_path):
    """formula_clauses.jsonl as Excel reads its CSV: clause texts (and a heading) starting with ``=``, ``+``, ``-``, ``@``
    start with ``'`` (main: ``=HYPERLINK(…)`` as it is, run as a formula), the rest of the text intact; the other texts,
    the numbers (year, scores) and the JSONL rows are as they were."""
    source = [json.loads(line) for line in (DATA / "formula_clauses.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = list(csv.DictReader(io.StringIO(_tag(tmp_path, ["--clauses", str(DATA / "formula_clauses.jsonl")], "f.csv"),
                                           newline="")))
    assert len(rows) == len(source)
    for row, src in zip(rows, source):
        assert not [k for k, v in row.items() if v.startswith(FORMULA)], row
        assert row["text"] == ("'" + src["text"] if src["text"].startswith(FORMULA) else src["text"])
        assert row["year"] == "2027" and float(row["score:sector:urban_gas"]) >= 0
    assert {r["clause_id"]: r["heading_path"] for r in rows}["f4"] == "'=一、重点任务"
    jsonl = [json.loads(line) for line in _tag(tmp_path, ["--clauses", str(DATA / "formula_clauses.jsonl")], "f.jsonl").splitlines()]
    assert [r["text"] for r in jsonl] == [s["text"] for s in source]


def _clause_file(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "clauses.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


META = ("title", "issuer", "region", "level", "genre", "date")


def test_a_streamed_row_takes_its_document_s_metadata_from_any_row_of_it(tmp_path):
    """A clause file whose document 萍溪县's metadata and signing date are on its fifth row only, streamed two rows a
    batch: every row of it names 萍溪县人民政府 and 2027-02-26, as the report's rows do (main: the first four streamed
    rows had no title, issuer, level, genre or date); a document whose rows name nothing stays unnamed; a row's own
    metadata is kept."""
    named = {"title": "萍溪县人民政府关于做好2027年安全生产工作的通知", "issuer": "萍溪县人民政府", "region": "萍溪县",
             "level": "county", "genre": "annual_notice", "date": "2027-02-26"}
    texts = ["加强燃气安全检查，6月底前完成。", "开展森林防火巡查。", "对渡口渡船开展安全检查。", "组织应急演练。",
             "加强建筑施工安全监管。", "开展消防安全检查。"]
    rows = [{"id": f"p{i}", "doc_id": "pingxi", "year": 2027, "text": t} for i, t in enumerate(texts)]
    rows[4].update(named)
    rows.append({"id": "u1", "doc_id": "unnamed", "year": 2027, "text": "加强道路交通安全管理。"})
    rows.append({"id": "o1", "doc_id": "other", "year": 2027, "text": "严格非煤矿山执法检查。", "issuer": "苔溪县人民政府"})
    path = _clause_file(tmp_path, rows)
    streamed, report = tmp_path / "s.jsonl", tmp_path / "r.jsonl"
    code, said = _run(["tag", "--clauses", str(path), "--stream", "--batch-size", "2", "-o", str(streamed)])
    assert code == 0, said
    code, said = _run(["tag", "--clauses", str(path), "-o", str(report)])
    assert code == 0, said
    got = {r["clause_id"]: r for r in map(json.loads, streamed.read_text(encoding="utf-8").splitlines())}
    want = {r["clause_id"]: r for r in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    assert list(got) == [r["id"] for r in rows]
    for i in range(len(texts)):
        assert {k: got[f"p{i}"][k] for k in META} == named, got[f"p{i}"]
    assert all(got[i][k] is None for i in ("u1",) for k in META)
    assert got["o1"]["issuer"] == "苔溪县人民政府" and got["o1"]["title"] is None
    for cid, row in got.items():  # the streamed rows say what the report's rows say
        assert {k: row[k] for k in META} == {k: want[cid][k] for k in META}, cid
        assert row["deadlines"] == want[cid]["deadlines"], cid


#: sha256 of the first 200 rows (JSON lines) each make_clauses.py wrote before they shared tests/data/clause_synth.py
#: (main's three copies): the files EXPECTED.md's memory figures were measured on
SYNTH_DIGESTS = {"reports7": "fe09458beb208c35c26652bfa02c6d193878b466f4d7b443a9614c51bdcffb01",
                 "reports8": "4b478a2a4f4b5402a284ce25a9b1c8912cb8fe1bdff0bed93beddd4910365d45",
                 "reports9": "0755ada242b33fda73f038e853d208f76a334eafbc45a88fdd543fcc223c9578"}


@pytest.mark.parametrize("folder", sorted(SYNTH_DIGESTS))
def test_the_synthetic_clause_writers_share_one_helper_and_write_the_same_files(folder):
    """reports7, 8 and 9's make_clauses.py are their places and phrases over tests/data/clause_synth.py (reports9's was
    a copy of reports8's with other words): the rows are those the copies wrote, byte for byte; one notice per
    ``per_notice`` rows, ids unique, document metadata exactly where the notices have a level."""
    import hashlib
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"make_clauses_{folder}", TEST_DATA / folder / "make_clauses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = (TEST_DATA / folder / "make_clauses.py").read_text(encoding="utf-8")
    assert "from clause_synth import" in source and "rng.choice" not in source
    rows = list(module.clause_rows(200))
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert hashlib.sha256(text.encode()).hexdigest() == SYNTH_DIGESTS[folder]
    assert len({r["id"] for r in rows}) == 200
    per = module.NOTICES.per_notice
    assert [r["doc_id"] for r in rows[:per]] == [rows[0]["doc_id"]] * per and rows[per]["doc_id"] != rows[0]["doc_id"]
    assert all(("issuer" in r) == (module.NOTICES.level is not None) for r in rows)


def test_a_label_no_compared_document_carries_is_not_one_of_the_tests(tmp_path):
    """Three counties of 潆屿市: each row is tested only on the labels it or the other counties carry. A label none of
    them carries gives p = 1 whatever happens; main counted those in the Benjamini–Hochberg family too ("the smallest
    p-value of the 90 tests" beside tables of 17 labels), which raised every q (苔溪县's 非煤矿山, 4 of 5 clauses and
    none in the two other counties: q=0.330). The across CSV gives such a cell no p- or q-value, the q-values are the
    correction of the tested p-values alone, and the Markdown names the nearest miss with the CSV's figures."""
    from scipy.stats import false_discovery_control

    counties = [str(DATA / f"{c}_county_2027.txt") for c in ("yingbei", "taixi", "rongping")]
    _tag(tmp_path, counties, "c.csv")
    md = _tag(tmp_path, counties, "c.md")
    with open(tmp_path / "c.across.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    carried = {(r["dimension"], r["label_id"]) for r in rows if int(r["count"])}
    tested = [r for r in rows if r["q_value"]]
    assert tested and {(r["dimension"], r["label_id"]) for r in tested} == carried
    assert len(tested) == 3 * len(carried) < len(rows)
    q = false_discovery_control([float(r["p_value"]) for r in tested], method="bh")
    assert [float(r["q_value"]) for r in tested] == pytest.approx(list(q), rel=1e-3)
    nearest = min(tested, key=lambda r: float(r["q_value"]))
    assert nearest["name"] == "苔溪县人民政府" and nearest["label"] == "非煤矿山"
    assert (f"苔溪县人民政府 2027 年度安全生产工作通知 非煤矿山 +{float(nearest['diff_pp']):.1f} pp (4 of 5 clauses, mean 27%, "
            f"q={float(nearest['q_value']):.3f})") in md


CHROMIUM = Path("/usr/bin/chromium")


def _open(html: Path, width: int):
    """A headless Chromium page of ``html`` at ``width`` CSS pixels (a phone: 375), yielded once ready."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless", "--disable-gpu"])
        page = browser.new_page(viewport={"width": width, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(html.resolve().as_uri())
        page.wait_for_selector('html[data-ready="1"]')
        page.errors = errors
        yield page
        browser.close()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_the_html_report_fits_a_phone_screen(tmp_path):
    """The report of 潆屿市's two notices and its three counties on a 375-pixel-wide screen: the page is no wider than the
    screen (main: 540 pixels, the notices' index table and the chart grid, whose columns were at least 520 pixels,
    pushed it sideways, so every paragraph had to be panned); a wide table scrolls inside its own box."""
    html = tmp_path / "r.html"
    inputs = [str(DATA / f) for f in ("yingyu_city_2026.txt", "yingyu_city_2027.txt", "yingbei_county_2027.txt",
                                      "taixi_county_2027.txt", "rongping_county_2027.txt")]
    code, said = _run(["tag", *inputs, "-o", str(html)])
    assert code == 0, said
    for page in _open(html, 375):
        assert page.errors == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        # the index still has all its columns, reachable by scrolling its box
        box = page.evaluate("(() => { const t = document.querySelector('table.index'); const b = t.parentElement; "
                            "return [getComputedStyle(b).overflowX, t.querySelectorAll('th').length]; })()")
        assert box == ["auto", 8]


def test_every_tag_s_evidence_is_in_the_page_by_its_chinese_name(tmp_path):
    """潆屿市 2027 in HTML: each label of each clause says why it was given in the page's text, under its labels (a folded
    依据 evidence list, one item per label, as the Markdown's evidence line), and in its tag's tooltip by its Chinese name
    with the model's probability. Main: a tag's tooltip was ``urban_gas p=0.87`` (an id the analyst reads nowhere
    else), and the why was only in hover tooltips of the highlighted words (no mouse on a phone, none from the keyboard,
    and a label given for its heading or its probability alone had no highlight)."""
    import html as htmllib

    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    ids = {lid for dim in ("sector", "measure_type") for lid in taxonomy[dim].ids}
    page = _tag(tmp_path, [str(DATA / "yingyu_city_2027.txt")], "y.html")
    rows = re.findall(r'<tr class="clause" data-sector="([^"]*)" data-measure="([^"]*)">(.*?)</tr>', page, flags=re.S)
    assert len(rows) == 5
    for sectors, measures, row in rows:
        labels = [("sector", x) for x in sectors.split()] + [("measure_type", x) for x in measures.split()]
        folded = "".join(re.findall(r'<details class="why">(.*?)</details>', row, flags=re.S))
        why = [htmllib.unescape(x) for x in re.findall(r"<li>(.*?)</li>", folded)]
        assert [w.split(" ← ")[0] for w in why] == [taxonomy[dim].name_of(lid) for dim, lid in labels]
        titles = [htmllib.unescape(x) for x in re.findall(r'<span class="tag [a-z_]+" title="([^"]*)">', row)]
        assert len(titles) == len(labels)
        for title, (dim, lid), reason in zip(titles, labels, why):
            assert title.startswith(reason + "; model probability ") and not ids & set(re.findall(r"[a-z_]+", title))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_a_tag_s_evidence_opens_with_a_tap(tmp_path):
    """On a phone-wide page a tap on a clause's 依据 evidence shows why its labels were given (main: nothing to tap)."""
    html = tmp_path / "r.html"
    code, said = _run(["tag", str(DATA / "yingyu_city_2027.txt"), "-o", str(html)])
    assert code == 0, said
    for page in _open(html, 375):
        page.evaluate("document.querySelectorAll('section.notice details:not(.why)').forEach(d => d.open = true)")
        first = page.locator("tr.clause details.why").first
        item = first.locator("li").first
        assert not item.is_visible()
        first.locator("summary").click()
        assert item.is_visible() and " ← " in item.inner_text()


def test_the_across_tables_say_a_row_may_add_up_to_more_than_100(tmp_path):
    """The three counties: 苔溪县's sector row reads 煤矿 20, 非煤矿山 80, 道路交通运输 20 (120 in all), and the Markdown and
    the HTML now say beside the tables that a row may add up to more than 100 (main: "share of each issuer's clauses"
    alone, which a reader checking the row against 100 read as a fault)."""
    import html as htmllib

    counties = [str(DATA / f"{c}_county_2027.txt") for c in ("yingbei", "taixi", "rongping")]
    md = _tag(tmp_path, counties, "c.md")
    page = htmllib.unescape(_tag(tmp_path, counties, "c.html"))
    said = "a clause can carry several labels, so a row's shares may add up to more than 100"
    table = md.split("**行业领域**", 1)[1].split("**措施类型**", 1)[0]
    row = next(r for r in table.splitlines() if r.startswith("| 苔溪县人民政府 |"))
    shares = [int(cell.split()[0]) for cell in row.strip("| ").split(" | ")[5:]]
    assert sum(shares) > 100, row
    intro = md.split("## 各地比较", 1)[1].split("**行业领域**", 1)[0]
    assert said in intro and said in page.split('id="across"', 1)[1].split("<table", 1)[0]
