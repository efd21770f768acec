"""What analyst10 found (session 16) running ``policytag tag`` as an analyst on new documents (tests/data/reports10/,
what each report should say written down in its EXPECTED.md before the CLI was run on them). Every sentence there was
written for these tests; every place and organ is invented.

* The Markdown trend table headed its columns ``26 | 27``: years are now written in full, and the table says that a
  column may add up to more than 100 (a clause carries several labels).
* A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` was run by a spreadsheet as a formula (``=HYPERLINK(…)`` a live
  link, ``-对烟花爆竹…`` a #NAME? error): such a text now starts with ``'``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import TEST_DATA

from policytag.cli import main

DATA = TEST_DATA / "reports10"


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def _tag(tmp_path: Path, inputs: list[str], name: str) -> str:
    out = tmp_path / name
    code, said = _run(["tag", *inputs, "-o", str(out)])
    assert code == 0, said
    return out.read_text(encoding="utf-8-sig")


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
