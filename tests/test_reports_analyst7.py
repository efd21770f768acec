"""What analyst7 found (session 13) reviewing the clause-file readers and the report assembly, tagging a
large synthetic clause file as a researcher, and running ``policytag tag`` on a new batch of documents as an
analyst (tests/data/reports7/, what each report should say written down in its EXPECTED.md before the CLI
was run on them). Every sentence there was written for these tests; every place and organ is invented.

* A Parquet clause file's repeated id was refused naming no row (``c.parquet: duplicate id 'a'``) while a
  JSONL file's named its line: JSONL and Parquet each had a reading loop and a duplicate-id check of their
  own in inference/inputs.py. One loop now (``_row_clauses``), naming the row for both.
* The bold words of a clause cut the codebook's cue words in half: in 开展燃气安全检查 a measure type's n-gram
  气安全检查 (5 characters) won the overlap with the sector's cue 燃气 (2), and the Markdown read
  ``开展燃**气安全检查**`` (the HTML marked the same): the word the sector was given for was not shown. What
  the codebook matched (cues, rules) is now shown whole, n-grams only around it.
* The 尾矿库 plan's 附件 task rows (heading path empty) were listed in the Markdown under ``### 二、工作要求``, the
  last heading shown, as if they were part of that section. A clause under no heading after headed ones now
  gets a heading saying so.
* Tagging 210,000 clauses with ``--stream`` and stderr in a log (nohup, a batch job): two minutes of an empty
  log, since tqdm draws no bar off a terminal. Now a line every 30 s says how many of how many are tagged.
* ``policytag tag --clauses big.jsonl -o tagged.jsonl`` (no --stream) builds a report of all 210,000 clauses in
  memory: 2.4 GiB after a minute of CPU, growing, with nothing said. Now a line before the tagging says what it
  costs and names --stream.
* A JSONL clause file that is not UTF-8 (GBK) was refused by a report run in one line, but a ``--stream`` run
  ended "unexpected UnicodeDecodeError … (a bug)": now the same line as the report's.
* ``--compare-with`` 石渡瑶族自治县's 2027 工作要点 (its letter and the 工作要点, two notices) against 云岑州's 2026
  annual notice: the emphasis section cautioned that the baseline is another government, level and kind, but
  the report opened with "Trend: share of clauses per year" in columns 26 and 27, one government's course to
  read. Now no year table there, and a line saying why.
* A Parquet clause file whose text column is named otherwise (``txt``), with --skip-bad: a report said only "no
  clauses to tag (every line was malformed)", a streamed run printed a warning per row first (200,000 for the
  researcher's file). Now one line naming its columns, for both.
* A carried-over clause whose figure moved read ``2027-…-2 ← 2026-…-2 (1.00): …采石场[-5-]{+3+}处`` (HTML ``· 1.00``):
  the figure is the best match of one sentence (二、深化非煤矿山整治 is unchanged), read by an analyst as
  "identical"; nothing said what it is. Now the heading of each such section (the HTML box) says it.
* In the HTML across heatmap 青崖县's one clause drew two cells of 100, as dark as the ministry's 6 of 6 tested
  beyond chance: the darkest cells of the table were a one-clause notice. A row of fewer than 3 clauses is now
  hatched (seen in headless Chromium), and the legend says so, as a trend point of one is drawn hollow.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from policytag.cli import main

DATA = Path(__file__).parent / "data" / "reports7"


def _run(args: list[str]) -> tuple[int, str]:
    """``policytag ARGS`` through the real CLI in this process: its exit status and stderr."""
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(args)
    return code, err.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The whole folder tagged once as Markdown and as JSONL rows by the real CLI."""
    out = tmp_path_factory.mktemp("reports7")
    for name in ("out.md", "out.jsonl"):
        code, said = _run(["tag", str(DATA), "-o", str(out / name)])
        assert code == 0, said
    return out


def _rows(folder: Path) -> list[dict]:
    return [json.loads(x) for x in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()]


def _clause_lines(md: str) -> dict[str, tuple[str, str | None]]:
    """Each clause's line of the notices' clause lists (``## 条款 Clauses``) after its id and flag, by id, with
    the last ``###`` heading above it in its list (None when there is none)."""
    lines: dict[str, tuple[str, str | None]] = {}
    heading, listing = None, False
    for line in md.splitlines():
        if line.startswith(("# ", "## ")):
            heading, listing = None, line.startswith("## 条款")
        elif line.startswith("### "):
            heading = line[4:]
        elif listing and (m := re.match(r"- `([^`]+)`(?: \*\*\[\w+\]\*\*)? (.*)", line)):
            lines.setdefault(m.group(1), (m.group(2), heading))
    return lines


def _bold(marked: str, n: int) -> set[int]:
    """The offsets, among the first ``n`` characters of the text, that ``marked`` shows in ``**bold**``."""
    bold, on, pos, i = set(), False, 0, 0
    while i < len(marked) and pos < n:
        if marked.startswith("**", i):
            on, i = not on, i + 2
            continue
        if on:
            bold.add(pos)
        pos, i = pos + 1, i + 1
    return bold


def test_the_words_the_codebook_matched_are_bold_whole(folder):
    """Every cue and rule match in a clause's text (the JSONL rows' evidence spans) is bold whole in the
    Markdown, unless a longer (or as long) cue or rule match overlaps it: an n-gram never cuts one. Over every
    clause of the folder; the premise: 燃气 is a cue of one of them."""
    lines = _clause_lines((folder / "out.md").read_text(encoding="utf-8"))
    cut = []
    cues = set()
    for row in _rows(folder):
        marked, _ = lines[row["clause_id"]]
        bold = _bold(marked, len(row["text"]))
        spans = [tuple(e["span"]) for per in row["evidence"].values() for evs in per.values() for e in evs
                 if e["kind"] in ("cue", "rule") and e["source"] == "text"]
        for a, b in spans:
            cues.add(row["text"][a:b])
            rival = any(x < b and a < y and y - x >= b - a and (x, y) != (a, b) for x, y in spans)
            if not set(range(a, b)) <= bold and not rival:
                cut.append((row["clause_id"], row["text"][a:b], marked))
    assert "燃气" in cues
    assert not cut, cut[:5]


def test_a_clause_under_no_heading_is_not_listed_under_the_last_heading(folder):
    """Each clause of the Markdown list sits under its own heading path; the plan's four 附件 task rows (headed
    by the table's title, 重点任务分工表, since genres17: the lead's decision; no heading before) are not under
    ``二、工作要求``."""
    lines = _clause_lines((folder / "out.md").read_text(encoding="utf-8"))
    rows = _rows(folder)
    task_rows = [r for r in rows if r["text"].startswith(("1.开展尾矿库", "2.完成停用", "3.建设尾矿库", "4.组织下游"))]
    assert len(task_rows) == 4 and all(r["heading_path"] == ["重点任务分工表"] for r in task_rows)  # the premise
    sections = {" > ".join(r["heading_path"]) for r in rows if r["heading_path"]}

    def right(row: dict, heading: str | None) -> bool:
        """A headed clause under its own path; an unheaded one under none or a heading naming no section."""
        return heading == " > ".join(row["heading_path"]) if row["heading_path"] else heading not in sections

    wrong = [(r["clause_id"], lines[r["clause_id"]][1]) for r in rows if not right(r, lines[r["clause_id"]][1])]
    assert not wrong, wrong


def test_a_repeated_id_names_its_row_in_parquet_as_in_jsonl(tmp_path):
    """The same three rows, the third repeating the first's id, as JSONL and as Parquet: both refusals
    name row 3, and with --skip-bad both warnings do."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = [{"id": "a", "text": "开展消防安全检查。"}, {"id": "b", "text": "开展燃气安全检查。"},
            {"id": "a", "text": "开展矿山安全检查。"}]
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    table = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), table)
    for source in (jsonl, table):
        code, said = _run(["tag", "--clauses", str(source), "-o", str(tmp_path / "r.md")])
        lines = said.strip().splitlines()
        assert code == 1 and len(lines) == 1 and f"{source}:3: duplicate id 'a'" in lines[0], said
        code, said = _run(["tag", "--clauses", str(source), "--skip-bad", "-o", str(tmp_path / "r.md")])
        assert f"{source}:3: duplicate id 'a'" in said and "skipped" in said, said
        assert "\n- `b` " in (tmp_path / "r.md").read_text(encoding="utf-8")  # the good rows are reported


def _clause_file(path: Path, n: int) -> Path:
    """``n`` clause rows written for these tests (two notices' worth of invented items)."""
    subjects = ("尾矿库", "民族村寨消防", "旅游景区", "燃气", "采石场", "森林防火")
    path.write_text("".join(json.dumps({"id": f"k{i}", "doc_id": f"d{i // 4}", "text": f"开展{subjects[i % 6]}安全检查。"},
                                       ensure_ascii=False) + "\n" for i in range(n)), encoding="utf-8")
    return path


def test_a_streamed_run_logged_off_a_terminal_says_how_far_it_is(tmp_path, monkeypatch):
    """stderr not a terminal (here a StringIO): progress lines, each saying how many of how many clauses; the
    interval set to 0 s so each batch of 2 gives one."""
    import policytag.inference.stream_cli as stream_cli

    monkeypatch.setattr(stream_cli, "LOG_EVERY_S", 0.0, raising=False)
    source = _clause_file(tmp_path / "k.jsonl", 6)
    code, said = _run(["tag", "--clauses", str(source), "--stream", "--batch-size", "2", "-o", str(tmp_path / "t.jsonl")])
    assert code == 0, said
    assert re.findall(r"policytag: (\d) of 6 clauses tagged \(\d+%\)", said) == ["2", "4", "6"], said


def test_a_report_of_many_clauses_says_what_it_holds_and_names_stream(tmp_path, monkeypatch):
    """A report run over LARGE_REPORT clauses or more says, before tagging, that it holds them all in memory
    and that --stream does not (the bound lowered to 6 for the test); one under it says nothing of the kind."""
    import policytag.inference.cli as tag_cli

    monkeypatch.setattr(tag_cli, "LARGE_REPORT", 6, raising=False)
    for n, said_so in ((6, True), (5, False)):
        source = _clause_file(tmp_path / f"k{n}.jsonl", n)
        code, said = _run(["tag", "--clauses", str(source), "-o", str(tmp_path / f"t{n}.jsonl")])
        assert code == 0, said
        assert ("in memory" in said and "--stream" in said) is said_so, said
        if said_so:
            assert said.index("--stream") < said.index("policytag: tagged"), said


def test_a_clause_file_not_in_utf8_is_one_line_when_streamed_as_in_a_report(tmp_path):
    """A GBK clause file: the report run and the streamed run both say, in one line, that it is not UTF-8."""
    source = tmp_path / "gbk.jsonl"
    source.write_bytes(json.dumps({"id": "a", "text": "开展燃气安全检查。"}, ensure_ascii=False).encode("gbk") + b"\n")
    for extra in ([], ["--stream"]):
        code, said = _run(["tag", "--clauses", str(source), *extra, "-o", str(tmp_path / "t.jsonl")])
        lines = said.strip().splitlines()
        assert code == 1 and len(lines) == 1 and f"{source}:1: not UTF-8 text" in lines[0], (extra, said)


def test_a_baseline_of_another_government_draws_no_year_trend(tmp_path):
    """石渡县 2027 against 云岑州 2026 (--compare-with): no per-year table, a note naming what differs; 云岑州's own
    two notices, tagged together, still get theirs."""
    out = tmp_path / "s.md"
    code, said = _run(["tag", str(DATA / "shidu_annual_2027.txt"), "--compare-with", str(DATA / "yuncen_annual_2026.txt"),
                       "-o", str(out)])
    assert code == 0, said
    md = out.read_text(encoding="utf-8")
    # (石渡县's 印发 letter and its 工作要点 are one notice since seg27: a one-notice report draws no trend and needs no
    # "no year trend" line; its comparison's caution names what differs)
    assert "Trend: share of clauses per year" not in md
    assert "Caution: the baseline chosen with --compare-with is another government's document (云岑" in md
    own = tmp_path / "y.md"
    code, said = _run(["tag", str(DATA / "yuncen_annual_2026.txt"), str(DATA / "yuncen_annual_2027.txt"), "-o", str(own)])
    assert code == 0 and "Trend: share of clauses per year" in own.read_text(encoding="utf-8"), said


def test_a_parquet_clause_file_without_a_text_column_is_one_line(tmp_path):
    """Three rows with ``txt`` for ``text``, with --skip-bad: one line naming the columns, neither a warning per
    row nor "every row was malformed" naming no reason."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = tmp_path / "renamed.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": f"r{i}", "txt": "开展燃气安全检查。"} for i in range(3)]), table)
    for out in ("r.md", "r.parquet"):  # a report, and a streamed run
        code, said = _run(["tag", "--clauses", str(table), "--skip-bad", "-o", str(tmp_path / out)])
        lines = said.strip().splitlines()
        assert code == 1 and len(lines) == 1, said
        assert f"{table}: no 'text' column (the clause text); its columns: id, txt" in lines[0], said


def test_the_figure_beside_a_continued_clause_says_what_it_is(folder, tmp_path):
    """The heading of every Markdown section listing revised or carried-over clauses, and the HTML box of each,
    says what the figure beside each clause is; the premise: 云岑州's 二、 (采石场 5处 → 3处) reads (1.00)."""
    md = (folder / "out.md").read_text(encoding="utf-8")
    assert re.search(r"^- `[^`]+` ← `[^`]+` \(1\.00\): .*\[-5-\]\{\+3\+\}", md, re.M)
    headings = re.findall(r"^## (?:修改内容 Revised|沿用内容 Carried over): .*$", md, re.M)
    assert headings and all("in brackets: the best match of one of its sentences, 0–1" in h for h in headings), headings
    html = tmp_path / "out.html"
    code, said = _run(["tag", str(DATA / "yuncen_annual_2027.txt"), str(DATA / "yuncen_annual_2026.txt"), "-o", str(html)])
    boxes = re.findall(r'<details class="(?:revised|carried)"[^>]*><summary>(.*?)</summary>', html.read_text(encoding="utf-8"))
    assert code == 0 and len(boxes) == 2, (said, boxes)
    assert all("after the ids: the best match of one of its sentences, 0–1" in b for b in boxes), boxes


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_a_one_clause_row_is_hatched_in_the_heatmap_seen_in_a_browser(tmp_path):
    """The folder's HTML in headless Chromium: 青崖县's 100 cells (1 clause) are drawn hatched, the ministry's 100
    (6 of 6) plain, and the legend says what a hatched cell is."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    html = tmp_path / "out.html"
    code, said = _run(["tag", str(DATA), "-o", str(html)])
    assert code == 0, said
    style = """tr => Array.from(tr.cells).filter(td => td.textContent.startsWith('100'))
                   .map(td => getComputedStyle(td).backgroundImage)"""
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--headless", "--disable-gpu"])
        page = browser.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_selector('html[data-ready="1"]')
        sector = 'table.heat[data-dim="sector"] tbody tr'
        one = page.eval_on_selector(f'{sector}:has(td.who:text-is("青崖县人民政府"))', style)
        six = page.eval_on_selector(f'{sector}:has(td.who:text-is("国家工贸安全监察总局"))', style)
        legend = page.inner_text("#across")
        browser.close()
    assert len(one) == 2 and all("gradient" in x for x in one), one
    assert len(six) == 1 and six[0] == "none", six
    assert "a hatched cell: a row of fewer than 3 clauses" in legend
