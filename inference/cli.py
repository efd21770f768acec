"""``policytag tag``: notices (or a clause file) -> tagged clauses and a notice summary.

Thin layer: parse arguments, check the output path before any work, then call inputs -> tagging ->
report -> render. Heavy imports happen inside ``run`` so ``policytag --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import time
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator

from policytag import PolicytagError, UsageError

FORMATS = ("jsonl", "json", "csv", "md", "html", "parquet")  # parquet: streamed rows (inference/stream.py)
# what an output file name implies when --format is not given
SUFFIX_FORMATS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".md": "md", ".markdown": "md",
                  ".html": "html", ".htm": "html", ".parquet": "parquet", ".pq": "parquet"}
#: suffixes of files policytag does not write: without --format such an -o got JSONL rows under a name
#: Excel, Word or a PDF reader then refuses to open (tag … -o report.xlsx exited 0)
FOREIGN_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".et", ".ods", ".tsv", ".docx", ".doc", ".wps", ".odt",
                              ".pdf", ".ofd"})
#: exit code when --skip-bad skipped input (the output of the readable input is still written)
EXIT_SKIPPED = 1


def _threshold(value: str) -> float:
    try:
        t = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < t < 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (exclusive), got {value}")
    return t


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return n


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "tag", help="tag every clause of notices and summarise what they emphasise",
        description="Segment notices (or read a JSONL clause file), tag every clause with sectors and measure\n"
                    "types, extract deadlines and quantitative targets, and summarise each notice against the\n"
                    "previous year's notice in the input. Errors are one line on stderr; nothing is written then.",
        epilog="examples:\n"
               "  policytag tag data/corpus/shanxi_annual_safety_notices_2009-2026.txt --year 2026 --format md\n"
               "  policytag tag data/corpus/ --format html -o report.html\n"
               "  policytag tag new_notice.txt data/corpus/ --year 2027 --format md   # compare with 2026\n"
               "  policytag tag --clauses clauses.jsonl --skip-bad -o tagged.jsonl\n"
               "  cat notice.txt | policytag tag - --format md",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="notice file(s) in any format `policytag segment --help` lists (.txt, .html, .docx, .pdf, .doc, .wps, "
                        ".ofd, .eml, a .zip of them, …), directories of them, or - for a notice on stdin")
    p.add_argument("--clauses", metavar="FILE.jsonl",
                   help="tag a clause file instead: one JSON object per line with text, optional id, heading "
                        "(string) or heading_path (list), doc_id, year, date (the notice's signing date, YYYY-MM-DD)")
    p.add_argument("--model", metavar="RUN_DIR|NAME|default", default=None,
                   help="a run directory (or the name of a run in the runs directory) from `policytag train`; "
                        "default: the best run in the runs directory (by CV, else dev, else out-of-fold macro-F1; "
                        "never test), else the shipped default model when it was built from today's recipe "
                        "(configs/default.yaml), data and taxonomy, else that recipe trained on first use and "
                        "cached in runs/cache/default")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="jsonl/csv: one row per clause (json: the rows as one JSON array); md: summary for the terminal; "
                        "html: self-contained report with charts (default: from the -o suffix (.html, .md, .csv, "
                        ".jsonl, .json), else jsonl)")
    p.add_argument("--excel", action="store_true",
                   help="CSV for spreadsheets: UTF-8 with a byte-order mark even on stdout (files written with -o "
                        "always get one), so Excel shows the Chinese text")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write here (atomically) instead of stdout; never one of the inputs, and a file replaced "
                        "keeps its mode")
    p.add_argument("--force", action="store_true",
                   help="replace OUT even when it is a read-only file (its mode is kept)")
    p.add_argument("--threshold", type=_threshold, metavar="P",
                   help="one probability threshold for every label, overriding the run's tuned thresholds")
    p.add_argument("--year", type=int, metavar="YEAR",
                   help="report only the notice(s) of this year; the previous year's notice in the input is still "
                        "used for the year-over-year comparison")
    p.add_argument("--compare-with", metavar="FILE",
                   help="compare every reported notice with the notice(s) in FILE instead of the same issuer's "
                        "previous document of the same genre in the input")
    p.add_argument("--skip-bad", action="store_true",
                   help="skip malformed clause-file lines and unreadable notice files (reported on stderr) instead "
                        f"of failing; the readable input is still tagged and written, and the exit code is "
                        f"{EXIT_SKIPPED} when anything was skipped")
    p.add_argument("--batch-size", type=_positive_int, default=None, metavar="N",
                   help="clauses per model call (default: 128; 256 when streaming)")
    from .stream_cli import add_arguments as add_stream_arguments  # --stream/--resume/--engine ray

    add_stream_arguments(p)
    p.set_defaults(func=run)


def check_output_path(path: str, inputs: list[str] | None = None, force: bool = False) -> None:
    """Fail before any work when OUT cannot be written (``policytag.io.check_output_path``), is
    read-only (unless ``force``) or is one of the ``inputs`` however spelled (a link, ``x/../n.txt``)."""
    from policytag.corpus.readers import SUPPORTED_SUFFIXES
    from policytag.io import check_output_path as check
    from policytag.io import refuse_input_as_output

    refuse_input_as_output(path, inputs or [], SUPPORTED_SUFFIXES)
    check(path, force=force)
    partial = f"{path}.partial"  # where streaming writes first: never an input either
    refuse_input_as_output(partial, inputs or [], SUPPORTED_SUFFIXES)


def across_path(output: str) -> Path | None:
    """Where ``-o OUT.csv`` puts the comparison across issuers: ``OUT.across.csv``; None when OUT
    is written through (``/dev/stdout``, a named pipe): no file is made beside a device."""
    out = Path(output)
    if out.exists() and not out.is_file():
        return None
    return out.with_suffix(".across.csv")


def output_format(fmt: str | None, output: str | None) -> str:
    """``--format``, or what the ``-o`` suffix implies (``report.html`` -> html); a clash is an error."""
    suffix = Path(output).suffix.lower() if output else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if not fmt and suffix in FOREIGN_SUFFIXES:
        spreadsheet = suffix in (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".tsv")
        better = Path(output).with_suffix(".csv" if spreadsheet else ".html").name
        raise UsageError(f"-o {output}: policytag does not write {suffix} files; use -o {better} ("
                         + ("CSV with a byte-order mark: Excel and WPS open it with the Chinese text" if spreadsheet
                            else "a self-contained report any browser opens and prints")
                         + ") or choose --format")
    if fmt and implied and fmt != implied:
        raise UsageError(f"--format {fmt} but -o {output} names a .{implied} file; drop --format or rename the output")
    return fmt or implied or "jsonl"


def across_note(report, fmt: str, across_written: bool) -> str | None:
    """The line saying where the comparison across governments went when this output has none (JSONL
    and JSON rows are per clause; CSV on stdout has no file beside it), so it is not lost unnoticed;
    None when it is in the output or the input has fewer than two governments."""
    if report.across is None or fmt in ("md", "html") or across_written:
        return None
    # as the reports head it (9 issuers of 6 governments, 13 issuer-year rows): "13 issuer rows" alone read as
    # 13 issuers where the Markdown said 9
    a = report.across
    return (f"the input holds several governments ({a.issuers_label}, {len(a.groups)} issuer-year rows): the comparison across "
            f"them is not in {fmt} rows; write it with --format md or html, or -o OUT.csv (+ OUT.across.csv)")


def wrote_line(output: str | None, across_written: bool, replaced: str | None = None) -> str:
    """``; wrote out.csv``, naming the file written beside it too (``and out.across.csv, the comparison
    across governments …``): a reader of the one line never learnt that the across table was a second file.
    ``replaced``: when OUT was there before (:func:`existing_output`), ``(replacing the file there, last written …)``."""
    if not output:
        return ""
    side = (f" and {across_path(output)} (the comparison across governments, one row per issuer × label)"
            if across_written else "")
    was = f" (replacing the file there, last written {replaced})" if replaced else ""
    return f"; wrote {output}{was}{side}"


def existing_output(output: str | None) -> str | None:
    """When ``output`` is a file already there, when it was last written (``2026-12-07 13:08``), else None. A
    second run to the same ``-o`` said ``wrote report.md`` as the first did: nothing told the analyst that the
    report of the first run (another folder, another --year) was gone. A FIFO or device is written through,
    never replaced: None."""
    if not output:
        return None
    try:
        st = os.stat(output)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    from datetime import datetime

    return datetime.fromtimestamp(st.st_mtime).strftime("%Y-%m-%d %H:%M")


def _warn(message: str) -> None:
    print(f"policytag: warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.clauses and args.inputs:
        raise UsageError("give notice INPUT(s) or --clauses FILE, not both")
    if not args.clauses and not args.inputs:
        raise UsageError("nothing to tag: give notice file(s) or directories, - for stdin, or --clauses FILE")
    fmt = output_format(args.format, args.output)
    if args.output:
        inputs = [args.clauses] if args.clauses else list(args.inputs)
        if getattr(args, "compare_with", None):
            inputs.append(args.compare_with)  # read too: never to be overwritten either
        check_output_path(args.output, inputs, args.force)
        if fmt == "csv" and across_path(args.output):  # the comparison across issuers goes beside it
            check_output_path(str(across_path(args.output)), inputs, args.force)
    from .stream_cli import run_stream, wants_stream

    if not wants_stream(args, fmt) and (getattr(args, "workers", None) or 1) > 1:
        # a summary run reads and tags in this one process; --workers silently did nothing here
        raise UsageError(f"--workers {args.workers} needs a streaming run (add --stream to write jsonl/parquet "
                         "rows with N processes; a summary or csv/md/html report is tagged in one process)")
    if wants_stream(args, fmt):  # rows in batches to OUT.partial -> OUT, resumable (inference/stream.py)
        if getattr(args, "compare_with", None):
            raise UsageError("--compare-with needs a report (md, html, jsonl or csv without --stream)")
        return run_stream(args, fmt)
    start = time.perf_counter()

    from .inputs import read_clause_file, read_notices, select_year, undated_note, year_name_mismatches

    # the inputs first: a missing or unreadable INPUT is one line in half the CPU time, before numpy,
    # the model code and the report (about 0.6 s of imports, tests/test_cli_startup.py) are imported
    inp = (read_clause_file(args.clauses, args.skip_bad) if args.clauses
           else read_notices(args.inputs, args.skip_bad))
    from policytag.app import resolve_model
    from policytag.io import atomic_write

    if len(inp.clauses) >= LARGE_REPORT:  # said before the tagging starts, so it can be stopped at once
        print(f"policytag: {large_report_note(len(inp.clauses))}", file=sys.stderr)
    for note in inp.notes:
        print(f"policytag: {note}", file=sys.stderr)
    for warning in inp.warnings:
        _warn(warning)
    report_ids = None
    wanted = {d.doc_id for d in inp.documents}
    if args.year is not None:
        report_ids, context_ids = select_year(inp, args.year)
        for note in year_name_mismatches(inp, args.year):  # the year in a file name is not the notice's
            print(f"policytag: {note}", file=sys.stderr)
        undated = undated_note(inp, args.year)
        if undated:
            print(f"policytag: {undated}", file=sys.stderr)
        wanted = report_ids | context_ids
    documents = [d for d in inp.documents if d.doc_id in wanted]
    clauses = [c for c in inp.clauses if c.doc_id in wanted]
    baseline_ids = None
    if args.compare_with:  # the baseline named explicitly: tagged, compared with, not reported
        base = read_notices([args.compare_with], args.skip_bad)
        report_ids = report_ids if report_ids is not None else {d.doc_id for d in documents}
        if args.year is not None:  # the year's own baseline is FILE, not the input's earlier notice
            documents = [d for d in documents if d.doc_id in report_ids]
            clauses = [c for c in clauses if c.doc_id in report_ids]
        baseline_ids = {d.doc_id for d in base.documents}
        documents += [d for d in base.documents if d.doc_id not in {x.doc_id for x in documents}]
        clauses += [c for c in base.clauses if c.doc_id not in {x.doc_id for x in clauses}]

    tagger = resolve_model(args.model)  # a wrong --model is one line before the imports below, too
    from .report import build_report
    from .tagging import DEFAULT_BATCH_SIZE, tag_clauses

    # each notice's signing date: a work report's periods before it are not deadlines
    tagged = tag_clauses(tagger, clauses, args.threshold, args.batch_size or DEFAULT_BATCH_SIZE,
                         dates={d.doc_id: d.date for d in documents})
    report = build_report(documents, tagged, tagger.taxonomy, tagger.model_version, report_ids, args.threshold,
                          baseline_ids=baseline_ids)
    replaced = existing_output(args.output)  # (asked before writing: afterwards OUT is always there)
    write_report(report, fmt, args.output, bom=fmt == "csv" and bool(args.output or args.excel))
    across_written = False
    if args.output:
        if fmt == "csv":  # several issuers: the comparison across them beside, one row per issuer × label
            from .render_rows import render_across_csv

            across = render_across_csv(report)
            side = across_path(args.output)
            if side is None:
                pass
            elif across is not None:
                try:
                    with atomic_write(side) as fh:
                        fh.write("\ufeff" + across)
                    across_written = True
                except OSError as exc:
                    raise PolicytagError(f"{side}: cannot write ({exc.strerror or exc})") from None
            elif side.is_file():
                # one issuer this time: an OUT.across.csv of an earlier run would sit beside OUT as if
                # it belonged to it (other documents, other clause ids); it is this command's own file
                side.unlink()
                print(f"policytag: removed {side}, left by an earlier run: this input has fewer than two issuers "
                      "to compare", file=sys.stderr)
    note = across_note(report, fmt, across_written)
    if note:
        print(f"policytag: {note}", file=sys.stderr)
    n_clauses = sum(len(n.tagged) for n in report.notices)
    print(f"policytag: tagged {n_clauses} clause(s) of {len(report.notices)} notice(s) with {tagger.model_version} "
          f"in {time.perf_counter() - start:.1f} s" + wrote_line(args.output, across_written, replaced), file=sys.stderr)
    if inp.warnings:
        print(f"policytag: {len(inp.warnings)} input(s) skipped (listed above); exit code {EXIT_SKIPPED}",
              file=sys.stderr)
        return EXIT_SKIPPED
    return 0


#: from this many clauses on, a report run says that it holds them all in memory and names --stream
LARGE_REPORT = 50_000


#: a report run's peak memory, measured (tests/data/reports9/make_clauses.py, -o t.jsonl, load 7-9; docs/tagging.md):
#: 238 MiB for 10,000 synthetic clauses, 525 MiB for 50,000: about this much a clause beyond a fixed part
REPORT_BYTES_PER_CLAUSE = 7_300
REPORT_FIXED_BYTES = 160 << 20


def large_report_note(n: int) -> str:
    """What a report of ``n`` clauses costs, and the streaming path: 210,000 synthetic clauses to a JSONL
    report held 2.4 GiB (and growing) after a minute of CPU, with nothing said, where ``--stream`` tagged them
    in 170 MiB (tests/data/reports7/EXPECTED.md)."""
    gib = (REPORT_FIXED_BYTES + n * REPORT_BYTES_PER_CLAUSE) / 2**30
    return (f"{n:,} clauses: a report holds every clause, its scores and evidence in memory (about {gib:.1f} GiB "
            "at this size); --stream writes the rows (jsonl or parquet) in batches in bounded memory, and --resume "
            "continues it if interrupted")


def render(report, fmt: str) -> str:
    """The report in one of FORMATS."""
    return "".join(render_pieces(report, fmt))


def render_pieces(report, fmt: str) -> Iterator[str]:
    """The report in one of FORMATS, in pieces whose concatenation is :func:`render`'s text (a row, a
    section or a notice each): a report of 10,000 clauses peaked at 434 MiB with its text built whole
    (held twice while joined, and once more encoded), about as much as the tagged clauses themselves."""
    if fmt == "jsonl":
        from .render_rows import iter_jsonl
        return iter_jsonl(report)
    if fmt == "json":
        from .render_rows import iter_json
        return iter_json(report)
    if fmt == "csv":
        from .render_rows import iter_csv
        return iter_csv(report)
    if fmt == "md":
        from .render_md import iter_md
        return iter_md(report)
    if fmt == "html":
        from .render_html import iter_html
        return iter_html(report)
    raise PolicytagError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_report(report, fmt: str, output: str | None, bom: bool = False) -> None:
    """Render ``report`` in ``fmt`` to the file ``output`` (atomically: all or nothing) or, when None, to
    standard output, a piece at a time (:func:`render_pieces`); ``bom``: a UTF-8 byte-order mark first (CSV
    for spreadsheets, which otherwise guess a legacy code page)."""
    from policytag.io import atomic_write

    pieces = render_pieces(report, fmt)
    if bom:
        pieces = chain(("\ufeff",), pieces)
    if output is None:
        write_stdout_pieces(pieces)
        return
    try:
        with atomic_write(output) as fh:
            fh.writelines(pieces)  # each piece as it is rendered: the whole text is never held
    except OSError as exc:
        raise PolicytagError(f"{output}: cannot write ({exc.strerror or exc})") from None


#: how much of a report bound for standard output (bytes of its UTF-8 text) is held in memory before the rest goes
#: to a temporary file
STDOUT_SPOOL_BYTES = 8 << 20


def write_stdout_pieces(pieces: Iterable[str]) -> None:
    """Write the rendered ``pieces`` to standard output once all are rendered (``policytag.io.write_stdout``),
    so a failure while rendering writes nothing there, as before; beyond ``STDOUT_SPOOL_BYTES`` they wait in
    a temporary file rather than in memory (the standard library's spooled file, deleted on close)."""
    import tempfile

    from policytag.io import write_stdout

    # newline="": written and read back exactly, no line-end translation
    with tempfile.SpooledTemporaryFile(STDOUT_SPOOL_BYTES, "w+", encoding="utf-8", newline="") as spool:
        for piece in pieces:
            spool.write(piece)  # (write, not writelines: the size is checked after each write, rolling over in time)
        spool.seek(0)
        while block := spool.read(1 << 20):
            write_stdout(block)
