"""What an analyst found running ``policytag tag`` on a new batch of documents (session 10:
tests/data/reports4/, a province, two of its cities, a county, a town and a central organ, two years for
some, annual notices, 工作要点, one-topic notices and 专项整治方案; what each report should say is written down
in tests/data/reports4/EXPECTED.md before the CLI was run on them). Every sentence there was written for
these tests; every place and organ is invented.

* the comparison across governments tested a one-topic document against every other document: 蒲阳市应急管理局's
  防汛 notice "stressed 水旱灾害 more than the others (+90 pp)" and 柘川市's 城镇燃气 plan "城镇燃气 +82 pp":
  a flood notice is about floods. The mean every row was read against pooled the whole-year programmes with
  the 100 %-燃气 plans (城镇燃气 18 % where the annual notices and 工作要点 hold 5 %). Now like is compared
  with like, as the year-over-year pairing does: annual notices and 工作要点 with the other governments'
  ones, a one-topic document with the other governments' documents of its genre and subject (the two
  cities' 燃气 plans with each other); one without such a peer is shown, not tested, and the report says so.
"""

from __future__ import annotations

import contextlib
import csv
import json
import io
from pathlib import Path

import pytest

from policytag.cli import main

DATA = Path(__file__).parent / "data" / "reports4"
PROGRAMMES = ("annual_notice", "work_points")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The folder tagged once per output format by the real CLI (its ``main``, in this process: the
    model loads once for the module)."""
    folder = tmp_path_factory.mktemp("reports4")
    for name in ("out.csv", "out.md", "out.html"):
        with contextlib.redirect_stderr(io.StringIO()) as err:
            assert main(["tag", str(DATA), "-o", str(folder / name)]) == 0
        (folder / f"{name}.stderr").write_text(err.getvalue(), encoding="utf-8")
    return folder


def _across(out: Path) -> list[dict]:
    with open(out / "out.across.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _pooled(rows: list[dict], dim: str, label: str) -> float:
    """The label's share of all clauses of these across rows (one per group)."""
    cells = [r for r in rows if r["dimension"] == dim and r["label_id"] == label]
    return sum(int(r["count"]) for r in cells) / sum(int(r["n_clauses"]) for r in cells)


def test_a_one_topic_document_is_not_said_to_stress_its_own_subject(out):
    rows = _across(out)
    flood = [r for r in rows if r["issuer"] == "蒲阳市应急管理局"]
    assert flood and {r["genre"] for r in flood} == {"other"}  # the premise: the 防汛 notice, its own row
    assert not any(r["significant"] == "1" for r in flood)
    md = (out / "out.md").read_text(encoding="utf-8")
    stress = md.split("### 侧重差异", 1)[1].split("\n# ", 1)[0]
    assert "蒲阳市应急管理局" not in stress and "水旱灾害 +" not in stress
    # and the report says why it is not compared: no document of its kind and subject elsewhere
    note = next(line for line in md.splitlines() if line.startswith("*Note:"))
    assert "蒲阳市应急管理局" in note and "not tested" in note


def test_programmes_are_read_against_the_programmes_mean(out):
    rows = _across(out)
    programmes = [r for r in rows if r["genre"] in PROGRAMMES]
    gas = [r for r in programmes if r["dimension"] == "sector" and r["label_id"] == "urban_gas"]
    want = _pooled(programmes, "sector", "urban_gas")
    assert want < _pooled(rows, "sector", "urban_gas")  # the premise: the one-topic 燃气 documents inflate it
    # each year's rows against that year's programmes (rows are compared within their year: analyst13)
    years = {r["year"] for r in gas}
    assert {(r["year"], float(r["mean_share"])) for r in gas} == {
        (y, round(_pooled([r for r in programmes if r["year"] == y], "sector", "urban_gas"), 4)) for y in years}


def test_two_governments_plans_on_one_subject_are_compared_with_each_other(out):
    rows = _across(out)
    plans = [r for r in rows if r["genre"] == "special_plan" and r["year"] == "2027"]
    assert {r["issuer"] for r in plans} == {"柘川市安全生产委员会办公室", "蒲阳市安全生产委员会办公室"}  # the 燃气 plans
    gas = [r for r in plans if r["dimension"] == "sector" and r["label_id"] == "urban_gas"]
    assert {float(r["mean_share"]) for r in gas} == {round(_pooled(plans, "sector", "urban_gas"), 4)}
    # tested (against each other), on every label either plan carries (one neither carries is no test: no p-value)
    carried = {(r["dimension"], r["label_id"]) for r in plans if int(r["count"])}
    assert carried and all((r["p_value"] not in ("", None)) == ((r["dimension"], r["label_id"]) in carried) for r in plans)
    assert all("城镇燃气" in r["compared_with"] for r in plans)


@pytest.mark.parametrize("name, better", [("report.xlsx", "report.csv"), ("report.docx", "report.html")])
def test_an_output_named_for_a_format_policytag_does_not_write_is_refused(tmp_path, capsys, name, better):
    """``tag notice.txt -o report.xlsx`` wrote JSONL rows into report.xlsx and exited 0: Excel then
    refuses the file. Refused before any work, naming what to write instead."""
    assert main(["tag", str(DATA / "zhechuan_annual_2027.txt"), "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and better in err
    assert not list(tmp_path.iterdir())


def _clause_file(path: Path, date: str | None) -> Path:
    """A mid-year report of 柘川市 as clause rows (what a `segment` output or a database export holds):
    its 3月底前 is a period already past when it was signed, its 年底前 a limit still ahead."""
    rows = [{"id": "zc-1", "doc_id": "zc-mid-2027", "year": 2027,
             "text": "一、3月底前，各县（区）完成餐饮场所燃气使用安全检查。"},
            {"id": "zc-2", "doc_id": "zc-mid-2027", "year": 2027,
             "text": "二、各县（区）要在年底前完成城区老旧燃气管道更新改造。"}]
    for row in rows:
        if date is not None:
            row["date"] = date
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _deadlines(tmp_path: Path, clauses: Path) -> dict[str, list[str]]:
    out = tmp_path / f"{clauses.stem}.tagged.jsonl"
    assert main(["tag", "--clauses", str(clauses), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["clause_id"]: [d["kind"] for d in r["deadlines"]] for r in rows}


def test_a_clause_rows_date_is_the_notice_date_deadlines_are_read_against(tmp_path):
    """A clause file had no notice date, so a period before the signing date (3月底前 in a report signed in
    July) was a deadline, although the docs read notices against their date. A row's ``date`` (the
    notice's signing date, ISO, as `segment --documents` writes it) now carries it."""
    undated = _deadlines(tmp_path, _clause_file(tmp_path / "undated.jsonl", None))
    assert undated["zc-1"] and undated["zc-2"] == ["by_end_of_year"]  # the premise: both read as limits
    dated = _deadlines(tmp_path, _clause_file(tmp_path / "dated.jsonl", "2027-07-15"))
    assert dated == {"zc-1": [], "zc-2": ["by_end_of_year"]}


@pytest.mark.parametrize("dates, said", [(["2027-7-15", "2027-7-15"], "'date' must be"),
                                         (["2027-07-15", "2027-08-01"], "two notice dates")])
def test_a_bad_or_conflicting_row_date_is_one_line(tmp_path, capsys, dates, said):
    path = _clause_file(tmp_path / "c.jsonl", None)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(json.dumps({**r, "date": d}, ensure_ascii=False) + "\n" for r, d in zip(rows, dates)),
                    encoding="utf-8")
    assert main(["tag", "--clauses", str(path), "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and said in err and not (tmp_path / "out.jsonl").exists()


def test_across_rows_stand_by_government_and_year_whatever_the_files_are_named(tmp_path):
    """The across rows followed the files' order: a folder named year first (2026_…, 2027_…) spread
    青崖县's two 工作要点 and 柘川市's notices over the table, and 柘川市's 2027 燃气 plan stood above its 2026
    自建房 plan. Now each government's rows stand together (in the order the governments first appear),
    by issuer, genre and year."""
    import shutil

    folder = tmp_path / "batch"
    folder.mkdir()
    for f in DATA.glob("*.txt"):
        year = "2026" if "2026" in f.stem else "2027"
        shutil.copy(f, folder / f"{year}_{f.stem.replace(year, '')}.txt")  # 2026_qingya_work_points_.txt …
    assert main(["tag", str(folder), "--format", "csv", "-o", str(tmp_path / "out.csv")]) == 0
    rows = _across(tmp_path)
    order = list(dict.fromkeys((r["group"], r["level"], r["issuer"], r["region"], r["year"]) for r in rows))
    regions = [o[3] for o in order]
    assert all(regions.index(x) == i or regions[i - 1] == x for i, x in enumerate(regions))  # each together
    issuers = [o[2] for o in order]
    assert all(issuers.index(x) == i or issuers[i - 1] == x for i, x in enumerate(issuers))
    assert [o[4] for o in order if o[2] == "青崖县安全生产委员会"] == ["2026", "2027"]
    plans = [r for r in rows if r["issuer"] == "柘川市安全生产委员会办公室" and r["label_id"] == "urban_gas"]
    assert [r["year"] for r in plans] == ["2026", "2027"]


def test_html_level_filter_lists_levels_from_the_top(out):
    """The across filter listed levels by their ids' spelling (中央, 市级, 县级, 基层及其他, 省级: province last);
    now from the centre down, as the codebook orders them."""
    import re

    html = (out / "out.html").read_text(encoding="utf-8")
    select = re.search(r'<select class="afilter" data-key="level".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="\w+">([^<]+)</option>', select) == ["中央", "省级", "市级", "县级", "基层及其他"]


def test_csv_rows_name_labels_in_chinese(out):
    """The per-clause CSV, the one an analyst opens in Excel/WPS, named labels only by id
    (``construction``, ``hazard_remediation;enforcement``) where every report names them in Chinese; it
    now carries the taxonomy's names beside the ids, in the same order."""
    from policytag.taxonomy import load_taxonomy

    tax = load_taxonomy()
    with open(out / "out.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    gas = next(r for r in rows if r["text"].startswith("（五）城镇燃气。年底前完成城区老旧燃气管道"))
    assert "urban_gas" in gas["sector"].split(";") and "城镇燃气" in gas["sector_names"].split(";")
    for r in rows:
        for dim in ("sector", "measure_type"):
            ids = [x for x in r[dim].split(";") if x]
            assert r[f"{dim}_names"].split(";") == [tax[dim].name_of(x) for x in ids]


def test_markdown_across_cells_carry_their_clause_counts(out):
    """The Markdown across table showed bare percentages: 石坪镇's 3-clause 工作要点 read 67 and 33, 蒲阳市's
    4-clause 防汛 notice 100, beside 8- and 9-clause notices, with nothing to say 67 is two clauses. A
    non-empty cell now carries its count (``67 (2)``), as the per-notice tables and the HTML tooltips do."""
    md = (out / "out.md").read_text(encoding="utf-8")
    table = md.split("**行业领域**", 1)[1].split("\n\n", 2)[1].splitlines()
    head = [c.strip() for c in table[0].strip("|").split("|")]
    row = next(line for line in table if line.startswith("| 青崖县石坪镇人民政府 |"))
    cells = dict(zip(head, (c.strip() for c in row.strip("|").split("|"))))
    across = {r["label"]: r for r in _across(out) if r["issuer"] == "青崖县石坪镇人民政府" and r["dimension"] == "sector"}
    shown = [name for name in head[5:] if across[name]["count"] != "0"]
    assert shown  # the premise: the town's row has labels
    for name in head[5:]:
        count, n = int(across[name]["count"]), int(across[name]["n_clauses"])
        assert cells[name].rstrip("▲▼") == (f"{count / n * 100:.0f} ({count})" if count else "0")


def test_when_nothing_is_comparable_the_report_says_so(tmp_path):
    """柘川市's 燃气 plan beside 蒲阳市's annual notice: two governments, no document of one kind in both.
    The report said "no issuer differs from the others by more than chance gives" (nothing was tested)
    and called the annual notice a one-topic document."""
    out = tmp_path / "r.md"
    assert main(["tag", str(DATA / "zhechuan_gas_plan_2027.txt"), str(DATA / "puyang_annual_2027.txt"),
                 "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    stress = md.split("### 侧重差异", 1)[1].split("\n# ", 1)[0]
    assert "more than chance" not in stress and "nothing is tested" in stress
    note = next(line for line in md.splitlines() if line.startswith("*Note:"))
    assert "蒲阳市安全生产委员会 2027 (annual notices and 工作要点)" in note and "one-topic documents are" not in note


def test_csv_files_name_levels_and_genres_in_chinese(out):
    """Both CSVs gave a row's level and genre as ids (city, annual_notice, special_plan) where the reports
    say 市级, 年度安全生产工作通知, 专项整治/实施方案: a spreadsheet filter on them read in English. Each now
    has level_name and genre_name beside the ids."""
    from policytag.corpus.metadata import GENRE_NAMES, LEVEL_NAMES

    with open(out / "out.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for table in (rows, _across(out)):
        assert {r["level"] for r in table} >= {"central", "province", "city", "county"}  # the premise
        for r in table:
            assert r["level_name"] == LEVEL_NAMES[r["level"]] and r["genre_name"] == GENRE_NAMES[r["genre"]]
