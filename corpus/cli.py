"""``policytag segment``: notice files -> clause records."""

from __future__ import annotations

import argparse
import sys

from policytag.io import atomic_write, check_output_path, refuse_input_as_output


def register(subparsers: argparse._SubParsersAction) -> None:
    # the formats are spelled here, not read from readers.SUPPORTED_SUFFIXES: importing the readers
    # costs ~0.2 s on every command's start; tests/test_cli_usage.py keeps the two lists equal
    p = subparsers.add_parser(
        "segment", help="split notice files into documents and clauses",
        description="Read notices (.txt/.html/.htm/.shtml/.xhtml/.mht/.mhtml/.docx/.pdf/.doc/.wps/.wpt/.ofd/.rtf/.odt/.xlsx/.xls/.et/.eml/.msg/.docm/.dotx/.dotm, "
                    "a .zip of them, or directories of them), clean them and print one "
                    "record per clause. Bad files are reported at the end (exit 1); good files are still "
                    "processed. A notice given twice (say its .txt and its .pdf) is segmented once.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="notice file(s) or directories; - reads a notice from stdin")
    p.add_argument("--format", choices=("jsonl", "csv", "md"), default="jsonl", help="output format (default: jsonl)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write to this file (atomically) instead of stdout; never one of the inputs")
    p.add_argument("--force", action="store_true", help="replace OUT even when it is a read-only file")
    p.add_argument("--documents", action="store_true", help="print document metadata (JSONL) instead of clauses")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from .dedup import duplicates_message
    from .render import render_clauses
    from .segment import segment_paths

    from policytag.errors import one_line

    from .readers import SUPPORTED_SUFFIXES, unread_files_notes

    if args.output:  # before any work
        refuse_input_as_output(args.output, args.paths, SUPPORTED_SUFFIXES)
        check_output_path(args.output, force=args.force)
    result = segment_paths(args.paths, progress=True)
    if args.documents:
        text = "".join(json.dumps({k: v for k, v in d.to_dict().items() if k != "text"}, ensure_ascii=False) + "\n"
                       for d in result.documents)
    else:
        text = render_clauses(result.documents, result.clauses, args.format)
        if args.format == "csv" and args.output:
            text = "\ufeff" + text  # UTF-8 BOM, as `tag` writes it: spreadsheets then show the Chinese text
    message = duplicates_message(result.duplicates)
    if message:
        print(f"policytag: {message}", file=sys.stderr)
    for note in unread_files_notes(args.paths):  # (a folder's pictures, CAJ files, slides: named, as `tag` names them)
        print(f"policytag: {note}", file=sys.stderr)
    if result.documents:
        if args.output:
            with atomic_write(args.output) as fh:
                fh.write(text)
        else:
            from policytag.io import write_stdout

            write_stdout(text)
        print(f"policytag: {len(result.documents)} document(s), {len(result.clauses)} clause(s)", file=sys.stderr)
    for err in result.errors:
        print(f"policytag: error: {one_line(err)}", file=sys.stderr)
    return 1 if result.errors else 0
