"""What an analyst found running ``policytag tag`` on a new batch of documents (session 11:
tests/data/reports5/, two provinces, a city and two of its counties, a central organ; annual notices of
two years for some, with a year gap for one county, a one-paragraph notice, a 工作要点, a 实施方案 and a
forwarding notice; what each report should say is written down in tests/data/reports5/EXPECTED.md before
the CLI was run on them). Every sentence there was written for these tests; every place and organ is
invented.

* 梓溪县's 2026 notice is one paragraph, one clause; its 2027 notice was read against it as "道路交通运输
  -85.7 pp" and "责任体系与落实 -100.0 pp" with nothing to say that one clause is the whole baseline. Now the
  comparison carries a caution above the gains and losses.
* Rows of several levels sit in one across table with nothing saying how they are compared: a newcomer
  asks whether the county is ranked among counties only or folded into its city. Now the note says
  levels are compared together, and the p-values are what that says.
* When no difference passes the Fisher + Benjamini–Hochberg test, the report said only "no issuer
  differs", although 北楠省's 森林草原火灾 (4 of 9 clauses, mean 7 %) came within q = 0.085: the nearest
  differences are now named, as not beyond chance.
* A one-clause document was headed "1 clauses".
* 岚桥县's forwarding notice (现将《…》转发给你们) read "思想认识与目标要求 100 %" like any programme: its one
  clause is the covering sentence. Now a caution says the forwarded document is not part of it.
* The HTML across cells of a row tested against no one (梓溪县's 电动自行车 plan: no other government's plan
  on that subject) read ``5/5, +0.0 pp, q=1.000``: a test never made (the CSV leaves its p-value empty).
* The per-issuer trend line of 梓溪县 started at "道路交通运输 100%" in 2026: a one-clause notice, and the
  point said nothing of it. Now each point says what it is out of, and one of fewer than 3 clauses is hollow.
* 澄原市's 工作要点 has no earlier 工作要点; its note named last year's annual notice and said
  "--compare-with that file compares with it". Run on the folder as told, the option compared all 13
  documents of six governments with that one notice. Now the hint is the whole command, for this notice alone.
* ``-o out.csv`` wrote out.across.csv beside it and said only ``wrote out.csv``: the comparison across
  governments was a file the analyst did not know of. The last line now names it.
* ``-o out.jsonl`` said ``the input holds several governments (13 issuer rows)`` where the reports head the
  same input ``9 issuers of 6 governments, 13 issuer-year rows``: now the line says it as they do.
* An analyst sorting a year's documents by when they were signed found the date in each notice's header
  only: the index of the Markdown and HTML reports now has a ``signed`` column (the HTML one sorts).
"""

from __future__ import annotations

import contextlib
import csv
import html as htmllib
import io
import json
import re
from pathlib import Path

import pytest

from policytag.cli import main

DATA = Path(__file__).parent / "data" / "reports5"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The folder tagged once per output format by the real CLI (its ``main``, in this process: the
    model loads once for the module)."""
    folder = tmp_path_factory.mktemp("reports5")
    for name in ("out.csv", "out.md", "out.html"):
        with contextlib.redirect_stderr(io.StringIO()) as err:
            assert main(["tag", str(DATA), "-o", str(folder / name)]) == 0
        (folder / f"{name}.stderr").write_text(err.getvalue(), encoding="utf-8")
    return folder


def _section(md: str, title_start: str) -> str:
    """The Markdown section of the notice whose title starts so (up to the next notice's heading)."""
    start = md.index(f"\n# {title_start}")
    end = md.find("\n# ", start + 1)
    return md[start:end if end > 0 else len(md)]


def _html_text(out: Path) -> str:
    """The HTML report with its character references read (``'`` is written ``&#x27;``)."""
    return htmllib.unescape((out / "out.html").read_text(encoding="utf-8"))


def _across(out: Path) -> list[dict]:
    with open(out / "out.across.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_a_comparison_with_a_one_clause_notice_carries_a_caution(out):
    md = (out / "out.md").read_text(encoding="utf-8")
    ziqi = _section(md, "梓溪县人民政府办公室关于做好2027年")
    assert "compared with the 2026 notice of 梓溪县人民政府办公室 (1 clause)" in ziqi  # the premise
    emphasis = ziqi[ziqi.index("## 侧重变化"):ziqi.index("## 新增内容")]
    assert "Caution: the 2026 notice of 梓溪县人民政府办公室 has 1 clause, so one clause moves its shares by 100 pp" in emphasis
    html = _html_text(out)
    assert "Caution: the 2026 notice of 梓溪县人民政府办公室 has 1 clause" in html
    # a comparison of two notices of 9 and 10 clauses carries none
    assert "Caution" not in _section(md, "西渚省人民政府办公厅关于做好2027年")


def test_a_one_clause_document_is_headed_1_clause(out):
    md = (out / "out.md").read_text(encoding="utf-8")
    head = _section(md, "梓溪县人民政府办公室关于做好2026年").split("\n")[3]
    assert " · 1 clause · " in head and "1 clauses" not in md


def _fisher_p(a: int, n: int, b: int, m: int) -> float:
    from scipy.stats import fisher_exact

    return fisher_exact([[a, n - a], [b, m - b]], alternative="two-sided")[1]


def test_across_says_levels_are_compared_together_and_that_is_what_is_tested(out):
    note = "levels are compared together: each government's row is tested against every other government's documents of its kind and year, whatever their level (中央、省级、市级、县级), and a county is a government of its own, not part of its city"
    assert note in (out / "out.md").read_text(encoding="utf-8")
    assert note in _html_text(out)
    # what the note says is what the test does: 梓溪县's 2027 notice against the province's, the city's and the
    # ministry's 2027 programmes alike (its own 2026 notice, its plan and the other county's notices of other years
    # left out: rows are compared within their year, analyst13)
    rows = [r for r in _across(out) if r["dimension"] == "sector" and r["label_id"] == "road_transport"]
    ziqi = next(r for r in rows if r["issuer"] == "梓溪县人民政府办公室" and r["year"] == "2027")
    others = [r for r in rows if r["compared_with"] == ziqi["compared_with"] and not r["issuer"].startswith("梓溪县")]
    assert {r["level"] for r in others} == {"central", "province", "city"} and {r["year"] for r in others} == {"2027"}
    p = _fisher_p(int(ziqi["count"]), int(ziqi["n_clauses"]), sum(int(r["count"]) for r in others),
                  sum(int(r["n_clauses"]) for r in others))
    assert float(ziqi["p_value"]) == pytest.approx(p, rel=1e-3)


def test_when_no_difference_passes_the_nearest_ones_are_named(out):
    rows = [r for r in _across(out) if r["q_value"]]
    assert not any(r["significant"] == "1" for r in rows)  # the premise: nothing passes at these counts
    nearest = min(rows, key=lambda r: float(r["q_value"]))
    assert float(nearest["q_value"]) < 0.2
    md = (out / "out.md").read_text(encoding="utf-8")
    line = next(x for x in md.splitlines() if x.startswith("- no issuer differs"))
    said = re.search(r"nearest: (.+?) — not beyond chance at q < 0\.05$", line)
    assert said, line
    first = said.group(1).split("; ")[0]
    # the nearest named first, with the figures of the across CSV
    assert first.startswith(f"{nearest['name']} {nearest['year']} ") and nearest["label"] in first
    assert f"({nearest['count']} of {nearest['n_clauses']} clauses" in first
    assert f"q={float(nearest['q_value']):.3f}" in first
    html = _html_text(out)
    assert f"nearest: {first}" in html


def test_a_covering_letter_says_the_document_it_forwards_is_not_part_of_it(out):
    md = (out / "out.md").read_text(encoding="utf-8")
    letter = _section(md, "岚桥县应急管理局关于转发")
    said = ("Caution: this document is a covering letter only (现将《…》转发给你们): 《西渚省应急管理厅关于做好2027年"
            "元旦春节期间安全防范工作的通知》 is not part of it")
    assert said in letter and said in _html_text(out)
    # a plan issued with its covering sentence holds its own items; a one-paragraph notice is its own content
    assert "covering letter" not in _section(md, "梓溪县安全生产委员会办公室关于印发")
    assert "covering letter" not in _section(md, "梓溪县人民政府办公室关于做好2026年")


def test_an_untested_across_row_shows_no_q_value_in_the_html(out):
    html = (out / "out.html").read_text(encoding="utf-8")
    plan = [r for r in _across(out) if r["issuer"] == "梓溪县安全生产委员会办公室"]
    assert plan and not any(r["q_value"] for r in plan)  # the premise: the CSV says it is untested
    row = re.search(r'<tr [^>]*data-docs="{}">(.*?)</tr>'.format(plan[0]["doc_ids"]), html).group(1)
    tips = [htmllib.unescape(t) for t in re.findall(r'<td class="h\d[^"]*" data-v="[^"]*" title="([^"]*)"', row)]
    assert tips and all("not tested: no other government's 专项整治/实施方案 on " in t and "q=" not in t for t in tips)
    tested = re.search(r'<tr [^>]*data-genre="annual_notice"[^>]*>(.*?)</tr>', html).group(1)
    assert "q=" in tested  # a tested row keeps its q-value


CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")


@contextlib.contextmanager
def _page(out: Path):
    """The HTML report open in headless Chromium (playwright), its script run."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless", "--disable-gpu"])
        page = browser.new_page()
        page.goto((out / "out.html").resolve().as_uri())
        page.wait_for_selector('html[data-ready="1"]')
        yield page
        browser.close()


@needs_chromium
def test_a_trend_point_of_a_one_clause_notice_says_so(out):
    with _page(out) as page:
        page.select_option("#itrend-label", "sector:road_transport")
        ziqi = page.eval_on_selector_all("#itrend-who option", "os => os.filter(o => o.textContent.startsWith("
                                         "'梓溪县人民政府办公室')).map(o => o.value)")
        page.select_option("#itrend-who", ziqi)
        points = page.eval_on_selector_all("#itrend-plot circle", "cs => cs.map(c => [c.getAttribute('class'), "
                                           "c.textContent])")
    assert points == [["few", "梓溪县人民政府办公室 2026: 100% (1 of 1 clause: too few clauses for a share to say much)"],
                      [None, "梓溪县人民政府办公室 2027: 14% (1 of 7 clauses)"]]


def test_the_compare_with_hint_is_a_command_that_compares_this_notice_alone(out, tmp_path):
    md = (out / "out.md").read_text(encoding="utf-8")
    note = _section(md, "澄原市安全生产委员会2027年安全生产工作要点").split("\n")[3]
    said = re.search(r"\(policytag tag (\S+) --compare-with (\S+) compares this notice alone with it\)", note)
    assert said, note
    target = tmp_path / "cw.md"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["tag", said.group(1), "--compare-with", said.group(2), "-o", str(target)]) == 0
    report = target.read_text(encoding="utf-8")
    assert report.count("\n# ") == 0 and report.startswith("# 澄原市安全生产委员会2027年安全生产工作要点")  # this notice alone
    assert "compared with the 2026 notice of 澄原市应急管理局 (8 clauses; chosen with --compare-with)" in report


@needs_chromium
def test_the_index_gives_each_notice_its_signing_date_and_sorts_by_it(out):
    md = (out / "out.md").read_text(encoding="utf-8")
    assert ("| 西渚省人民政府办公厅关于做好2027年全省安全生产工作的通知 | 西渚省人民政府办公厅 | 省级 | 年度安全生产工作通知 | 2027 | 10 | "
            "the 2026 notice of 西渚省人民政府办公厅 | 2027-01-18 |") in md
    with _page(out) as page:
        read = "rs => rs.map(r => r.cells[7].textContent)"
        page.click("table.index th:has-text('signed')")  # latest first, as the other sortable tables
        newest = page.eval_on_selector_all("table.index tbody tr", read)
        page.click("table.index th:has-text('signed')")
        oldest = page.eval_on_selector_all("table.index tbody tr", read)
    assert len(oldest) == 13 and oldest == sorted(oldest) and newest == oldest[::-1]
    assert oldest[0] == "2023-02-06" and oldest[-1] == "2027-04-06"


def test_the_last_line_names_the_across_csv_written_beside_the_rows(out):
    said = (out / "out.csv.stderr").read_text(encoding="utf-8").splitlines()[-1]
    assert said.endswith(f"; wrote {out / 'out.csv'} and {out / 'out.across.csv'} (the comparison across governments, "
                         "one row per issuer × label)")
    assert (out / "out.across.csv").is_file()
    assert (out / "out.md.stderr").read_text(encoding="utf-8").splitlines()[-1].endswith(f"; wrote {out / 'out.md'}")


def test_the_rows_line_counts_issuers_and_governments_as_the_reports_do(out, tmp_path):
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert main(["tag", str(DATA), "-o", str(tmp_path / "out.jsonl")]) == 0
    heading = next(x for x in (out / "out.md").read_text(encoding="utf-8").splitlines() if x.startswith("## 各地比较"))
    assert heading.endswith("Across governments: 9 issuers of 6 governments, 13 issuer-year rows")
    assert "the input holds several governments (9 issuers of 6 governments, 13 issuer-year rows): " in err.getvalue()


def test_rows_carry_their_notice_signing_date(out, tmp_path):
    """An analyst sorting a year's documents by when they were signed: every row names its notice's date
    (``segment --documents``' reading), in the CSV, the JSONL and the streamed JSONL alike."""
    with open(out / "out.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_doc: dict[str, set[str]] = {}
    for r in rows:
        by_doc.setdefault(r["title"], set()).add(r["date"])
    assert by_doc["西渚省人民政府办公厅关于做好2027年全省安全生产工作的通知"] == {"2027-01-18"}
    assert by_doc["梓溪县人民政府办公室关于做好2026年全县安全生产工作的通知"] == {"2026-03-02"}
    assert all(len(dates) == 1 and "" not in dates for dates in by_doc.values())
    for extra in ([], ["--stream"]):
        target = tmp_path / f"rows{len(extra)}.jsonl"
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["tag", str(DATA / "lanqiao_forward_2026.txt"), "-o", str(target), *extra]) == 0
        assert {json.loads(x)["date"] for x in target.read_text(encoding="utf-8").splitlines()} == {"2026-12-28"}
