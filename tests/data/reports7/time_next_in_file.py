"""Time what the Markdown and HTML reports ask of every notice of a folder of thousands of files: the
notice read after it from the same file (``next_in_file``, for a covering letter's caution).

    .venv/bin/python tests/data/reports7/time_next_in_file.py [N]      # N notices, one file each (5000)

N one-clause notices are tagged once (the default model), then reported without the comparisons (they are
not what is timed); the lookups for every notice and ``render_md`` are timed. Runs on main's code (the
function ``next_in_file(n, notices)``) and on the branch's (``Report.next_in_file(n)``)."""

from __future__ import annotations

import sys
import time

from policytag.app import resolve_model
from policytag.records import Clause, Document

from policytag.inference import report as rep
from policytag.inference.render_md import render_md
from policytag.inference.summary import summarize
from policytag.inference.tagging import tag_clauses

SUBJECTS = ("消防", "燃气", "矿山", "危险化学品", "道路交通", "建筑施工", "防汛", "森林防火")


def main(n: int) -> None:
    docs = [Document(f"d{i}", f"甲{i}县安全生产工作通知", 2027, None, f"甲{i}县人民政府", None, f"folder/notice_{i}.txt",
                     "", level="county", genre="annual_notice") for i in range(n)]
    clauses = [Clause(d.doc_id, f"{d.doc_id}-1", (), f"开展{SUBJECTS[i % len(SUBJECTS)]}安全检查，年底前完成整改。",
                      "clause", year=2027) for i, d in enumerate(docs)]
    tagger = resolve_model(None)
    tagged = tag_clauses(tagger, clauses, progress=False)
    notices = tuple(rep.NoticeReport(d, summarize(d, [t], tagger.taxonomy), (t,), None) for d, t in zip(docs, tagged))
    report = rep.Report(notices, None, tagger.taxonomy, tagger.model_version)
    start = time.perf_counter()
    if hasattr(rep.Report, "next_in_file"):
        found = [report.next_in_file(x) for x in notices]
    else:
        found = [rep.next_in_file(x, notices) for x in notices]
    lookups = time.perf_counter() - start
    assert not any(found)  # one notice per file: none follows another
    start = time.perf_counter()
    render_md(report)
    md = time.perf_counter() - start
    print(f"{n} notices: next_in_file for every notice {lookups:.2f} s; render_md {md:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
