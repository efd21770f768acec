"""What ``policytag tag`` reads: notice files or directories, a notice on stdin (``-``), or a clause
file (JSONL), turned into Documents and Clauses. One job: input -> records; nothing here knows of
models or output formats.

A clause file holds one JSON object per line: ``text`` (required), optional ``id`` (echoed back as
``clause_id``), ``heading`` (string, split on `` > ``) or ``heading_path`` (list of strings), and
optional ``doc_id``, ``year``, ``agencies`` and ``agency_roles``: read by ``Clause.from_row``, the one row parser; and
``date``, the notice's signing date (ISO ``YYYY-MM-DD``, what ``segment --documents`` writes), which a
clause does not hold: it becomes its document's date, so deadlines are read against it as a notice's are.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from policytag import PolicytagError
from policytag.records import Clause, Document

STDIN = "-"


@dataclass(frozen=True)
class TagInput:
    """Documents in input order (each once), their clauses (document order kept), warnings for
    skipped input and notes (e.g. duplicate notices dropped) that are not problems."""

    documents: tuple[Document, ...]
    clauses: tuple[Clause, ...]
    warnings: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())


def missing_message(path: str) -> str:
    """``PATH: no such file or directory``, with the nearest names beside it when one looks like a typo
    (``notice: … (did you mean notices/?)``): difflib's ratio over the parent folder's entries, which is
    what a mistyped name is compared with (difflib: the standard library)."""
    import difflib

    parent = Path(path).parent
    try:
        entries = {q.name: q.is_dir() for q in parent.iterdir()}
    except OSError:  # a missing or unreadable folder: no suggestion, the message stays the same
        entries = {}
    close = difflib.get_close_matches(Path(path).name, list(entries), n=2, cutoff=0.75)
    shown = [str(parent / name) + ("/" if entries[name] else "") for name in close]
    return f"{path}: no such file or directory" + (f" (did you mean {' or '.join(shown)}?)" if shown else "")


def read_notices(paths: list[str], skip_bad: bool = False, stdin: BinaryIO | None = None) -> TagInput:
    """Segment notice files/directories (``-`` = stdin). A bad file is an error, or with
    ``skip_bad`` a warning while the good files are still read. A notice given twice (its .txt
    and its .pdf, or one file named twice) is tagged once and noted."""
    from policytag.corpus.dedup import dedupe_documents, duplicates_message
    from policytag.corpus.readers import ReadError, decode_bytes, unread_files_notes
    from policytag.corpus.segment import segment_paths, segment_text

    pairs: list[tuple[Document, list[Clause]]] = []
    duplicates = []
    warnings: list[str] = []
    problems: list[str] = []
    files = [p for p in paths if p != STDIN]
    for missing in (p for p in files if not Path(p).exists()):
        problems.append(missing_message(missing))
    files = [p for p in files if Path(p).exists()]
    if STDIN in paths:
        data = (stdin or sys.stdin.buffer).read()
        try:
            if not data.strip():
                raise ReadError("<stdin>", "empty notice (no text on standard input)")
            pairs.extend(segment_text(decode_bytes(data, "<stdin>"), "<stdin>"))
        except ReadError as exc:
            problems.append(str(exc))
    if files:
        result = segment_paths(files, progress=True)
        pairs.extend(result.pairs)
        duplicates.extend(result.duplicates)
        problems.extend(str(e) for e in result.errors)
    pairs, more = dedupe_documents(pairs)  # stdin against the files
    duplicates.extend(more)
    documents = [d for d, _ in pairs]
    clauses = [c for _, cs in pairs for c in cs]
    if problems and not skip_bad:
        hint = ""
        if len(problems) > 1:
            hint = f" (and {len(problems) - 1} more problem(s); --skip-bad tags the readable input)"
        elif clauses:
            hint = " (--skip-bad tags the readable input)"
        raise PolicytagError(problems[0] + hint)
    warnings.extend(f"skipped {p}" for p in problems)
    if not clauses:
        raise PolicytagError("no clauses to tag: the input holds no notice text")
    note = duplicates_message(duplicates)
    notes = ((note,) if note else ()) + tuple(unread_files_notes(files))  # (segment and tag --stream say them too)
    return TagInput(tuple(documents), tuple(clauses), tuple(warnings), notes)


def _clause_from_row(row: object, lineno: int, default_doc: str) -> Clause:
    """One clause-file row -> Clause (``Clause.from_row``; a row without an id gets
    ``DOC-LINE``, one without ``agencies`` those its ``agency_roles`` name, else those of its ``（…负责）``
    remark or closing duty sentence, with their roles: ``extract_agency_roles``; one that gives ``agencies`` alone
    keeps them, with no roles); raises ``ValueError`` with the reason when the row is unusable."""
    from .extract import extract_agency_roles

    clause = Clause.from_row(row, doc_id=default_doc, clause_id="")
    if not clause.clause_id:
        clause = replace(clause, clause_id=f"{clause.doc_id}-{lineno}")
    if row.get("agencies") is None:
        roles = clause.agency_roles or tuple(extract_agency_roles(clause.text))
        clause = replace(clause, agencies=tuple(r.name for r in roles), agency_roles=roles)
    return clause


def row_date(row: object) -> str | None:
    """A clause row's ``date`` (its notice's signing date), checked: an ISO ``YYYY-MM-DD`` string of a
    real day (``datetime.date.fromisoformat``, the standard library); None when the row has none.
    Raises ``ValueError`` naming the key, like ``Clause.from_row``."""
    import datetime

    value = row.get("date") if isinstance(row, dict) else None
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        with contextlib.suppress(ValueError):  # 2027-02-30 matches the form but is no day
            return datetime.date.fromisoformat(value.strip()).isoformat()
    raise ValueError("'date' must be the notice's signing date as YYYY-MM-DD (2027-07-15), got "
                     + json.dumps(value, ensure_ascii=False)[:60])


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_document_date(dates: dict[str, str | None], doc_id: str, date: str, name: str) -> None:
    """Record ``date`` as document ``doc_id``'s signing date in ``dates``: one per document, so rows of
    one notice naming two dates are an error, not a guess (the summary and the streaming readers both
    call it)."""
    known = dates.setdefault(doc_id, date)
    if known != date:
        raise PolicytagError(f"{name}: document {doc_id!r} has rows of two notice dates "
                             f"({', '.join(sorted((known, date)))}); a notice has one signing date")


def read_clause_file(path: str, skip_bad: bool = False) -> TagInput:
    """Read a clause file for a summary: JSONL (``-`` = stdin), or Parquet / a saved Hugging Face dataset
    (their rows through the streaming readers, :func:`_table_rows`, collected in memory). Every kind goes
    through one loop (:func:`_row_clauses`): a bad row, or an id given twice, is an error naming its line
    (row) number, or with ``skip_bad`` a warning while the good ones are still tagged. Every kind gives
    its documents the metadata its rows carry (:func:`clause_documents`)."""
    from .stream import input_kind

    name = "<stdin>" if path == STDIN else path
    kind = "jsonl" if path == STDIN else input_kind(path)
    table = kind != "jsonl"
    rows = _table_rows(path, kind) if table else jsonl_rows(path)
    default_doc = Path(name).stem if path != STDIN else "stdin"
    clauses, warnings, dates = _row_clauses(rows, name, default_doc, skip_bad, "row" if table else "line")
    if not clauses:
        raise PolicytagError(f"{name}: no clauses to tag" + (f" (every {'row' if table else 'line'} was malformed)" if warnings else " (empty file)"))
    documents = clause_documents(clauses, dates, name)
    return TagInput(documents, with_document_metadata(tuple(clauses), documents), tuple(warnings))


def _table_rows(path: str, kind: str) -> Iterator[tuple[int, object]]:
    """The numbered rows of a Parquet file or saved dataset (``kind``: ``stream.input_kind``), read by the
    streaming path's readers (one reading of those formats)."""
    from .stream import _rows_hf, _rows_parquet

    if not Path(path).exists():
        raise PolicytagError(f"{path}: no such file")
    check_text_column(path)
    return _rows_hf(path, 1024) if kind == "hf" else _rows_parquet(path, 1024)


def check_text_column(path: str) -> None:
    """A Parquet file or saved Hugging Face dataset without a ``text`` column is refused in one line naming
    the columns it has: else each of its rows was a bad row, and with --skip-bad a report said only "no
    clauses to tag (every row was malformed)" and a streamed run printed a warning per row (200,000 for a
    researcher's file) first. (An unreadable file is left to the reader, which says so.)"""
    names = _table_columns(path)
    if names is not None and "text" not in names:
        raise PolicytagError(f"{path}: no 'text' column (the clause text); its columns: {', '.join(names)}")


def _table_columns(path: str) -> list[str] | None:
    """The column names of a Parquet file or saved dataset (read from its schema, no rows); None when it
    cannot be read as one (its reader refuses it in one line) or is a JSONL file."""
    from .stream import input_kind

    try:
        kind = input_kind(path)
        if kind == "parquet":
            import pyarrow.parquet as pq

            return list(pq.ParquetFile(path).schema_arrow.names)
        if kind == "hf":
            from datasets import Dataset, load_from_disk

            ds = load_from_disk(path)
            return list(ds.column_names) if isinstance(ds, Dataset) else None
    except Exception:  # pyarrow and datasets raise several types for what they cannot read
        return None
    return None


def jsonl_rows(path: str) -> Iterator[tuple[int, object]]:
    """The numbered rows of a JSONL clause file (``-`` = stdin), read a line at a time: ``(line number,
    parsed row)``, or a ``ValueError`` in place of a row that is not JSON; blank lines skipped. The one JSONL
    reader of the summary and the streaming paths (each had its own; the streamed one decoded while it
    read, so a GBK file ended in an uncaught UnicodeDecodeError naming no line). A line that is not UTF-8
    stops the read naming it, with or without --skip-bad: a file in another encoding fails on every line,
    and a warning per row would bury the one cause."""
    name = "<stdin>" if path == STDIN else path
    if path != STDIN and not Path(path).exists():
        raise PolicytagError(f"{path}: no such file")
    # bytes split on b"\n" only (a trailing "\r" is JSON whitespace): text lines would also split on
    # U+2028, U+0085 … which are valid, unescaped, inside JSON strings
    source = contextlib.nullcontext(sys.stdin.buffer) if path == STDIN else open(path, "rb")
    with source as lines:
        for lineno, raw in enumerate(lines, start=1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                raise PolicytagError(f"{name}:{lineno}: not UTF-8 text (a clause file is UTF-8 JSON lines)") from None
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, ValueError(f"malformed JSON ({exc.msg})")


def _row_clauses(rows: Iterable[tuple[int, object]], name: str, default_doc: str, skip_bad: bool,
                 unit: str) -> tuple[list[Clause], list[str], dict[str, str | None]]:
    """The clauses of a clause file's numbered rows (:func:`row_clauses`, collected), their warnings and
    their notices' dates."""
    warnings: list[str] = []
    dates: dict[str, str | None] = {}  # doc_id -> the signing date its rows name
    clauses = list(row_clauses(rows, name, default_doc, skip_bad, warnings.append, dates, unit))
    return clauses, warnings, dates


def row_clauses(rows: Iterable[tuple[int, object]], name: str, default_doc: str, skip_bad: bool,
                warn: Callable[[str], None], dates: dict[str, str | None], unit: str = "row") -> Iterator[Clause]:
    """The clauses of a clause file's numbered rows, in order: the one owner of the row checks of the
    summary and the streaming readers (each had a loop of its own; the streamed run's duplicate-id check sat
    in the tagging loop, named no file or row and stopped even with --skip-bad). A bad row or an id given
    twice is an error naming ``name:N``, or with ``skip_bad`` a ``warn``-ing. Each row's signing date is
    recorded in ``dates`` as it is read. ``unit`` (line | row) is what the messages call a row."""
    seen: set[str] = set()
    for n, row in rows:
        try:
            if isinstance(row, ValueError):
                raise row
            clause = _clause_from_row(row, n, default_doc)
            if clause.clause_id in seen:
                raise ValueError(f"duplicate id {clause.clause_id!r}")
            date = row_date(row)
        except ValueError as exc:
            message = f"{name}:{n}: {exc}"
            if not skip_bad:
                raise PolicytagError(f"{message} (--skip-bad tags the good {unit}s and reports the rest)") from None
            warn(f"skipped {unit} {message}")
            continue
        seen.add(clause.clause_id)
        if date is not None:
            add_document_date(dates, clause.doc_id, date, name)
        yield clause


def clause_documents(clauses: list[Clause], dates: dict[str, str | None], source: str) -> tuple[Document, ...]:
    """One Document per ``doc_id`` of a clause file, in first-seen order, with the metadata its rows carry
    (a ``policytag segment`` output does: title, issuer, region, level, genre from its first row that carries
    any, :func:`_metadata_rows`), its year when its rows agree on one, and the signing date they name. The one
    reader of a clause file's documents: Parquet rows had their own loop here that dropped title, issuer,
    level and genre."""
    first: dict[str, Clause] = {}
    years: dict[str, set[int]] = {}
    for c in clauses:
        first.setdefault(c.doc_id, c)
        if c.year is not None:
            years.setdefault(c.doc_id, set()).add(c.year)
    named = _metadata_rows(clauses, source)
    documents = []
    for doc_id, row in first.items():
        row = named.get(doc_id, row)
        year = years.get(doc_id, set())
        documents.append(Document(doc_id=doc_id, title=row.title or "", year=next(iter(year)) if len(year) == 1 else None,
                                  doc_number=None, issuer=row.issuer, date=dates.get(doc_id), source=source, text="",
                                  region=row.region, level=row.level, genre=row.genre))
    return tuple(documents)


#: the document metadata a clause file's row may carry (``policytag segment`` writes them on every row)
METADATA_FIELDS = ("title", "issuer", "region", "level", "genre")


def _carries_metadata(c: Clause) -> bool:
    return any(getattr(c, f) for f in METADATA_FIELDS)


def _metadata_rows(clauses: Iterable[Clause], source: str) -> dict[str, Clause]:
    """Per ``doc_id``, its first row that carries document metadata. A document whose first row carries none
    (rows merged from two exports, a hand-added row) was read as naming no issuer although its other rows
    name one: 澄漪县's notice became an unnamed document and left the comparison across governments.
    Rows of one document naming two issuers are an error, as two signing dates are (a notice has one)."""
    named: dict[str, Clause] = {}
    for c in clauses:
        if not _carries_metadata(c):
            continue
        known = named.setdefault(c.doc_id, c)
        if c.issuer and known.issuer and c.issuer != known.issuer:
            raise PolicytagError(f"{source}: document {c.doc_id!r} has rows of two issuers ({known.issuer}, {c.issuer}); "
                                 "a notice has one issuer (give each its own doc_id)")
        if c.issuer and not known.issuer:
            named[c.doc_id] = c  # a row naming the issuer says more than one naming a title alone
    return named


def streamed_metadata(rows: Iterable[tuple[int, object]], source: str, default_doc: str,
                      dates: dict[str, str | None]) -> dict[str, Clause]:
    """A streamed clause file's first pass: per ``doc_id``, the row its documents take their metadata from (as
    :func:`_metadata_rows` picks it for a report), and each document's signing date into ``dates``, before any
    row is tagged. A streamed row was written as it was read, so one whose document is named only by a later row
    kept empty title, issuer, level and genre (and no date when the dated row came in a later batch) where the
    report named them. Light: only the metadata keys of each parsed row are read (``Clause.from_row`` extracts
    the agencies of every row: 4 s of 20,000 rows, against 0.3 s for this pass); a row the real pass refuses is
    passed over here (it is reported there, or is an error there)."""
    def light() -> Iterator[Clause]:
        for _, row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
                continue
            meta = {f: row[f].strip() or None for f in METADATA_FIELDS if isinstance(row.get(f), str)}
            doc_id = row.get("doc_id")
            doc_id = str(doc_id).strip() if isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool) else ""
            doc_id = doc_id or default_doc
            try:
                date = row_date(row)
            except ValueError:
                continue
            if date is not None:
                add_document_date(dates, doc_id, date, source)
            if any(meta.values()):
                yield Clause(doc_id=doc_id, clause_id="", heading_path=(), text="", kind="clause", **meta)

    return _metadata_rows(light(), source)


def with_row_metadata(clause: Clause, named: Clause | None) -> Clause:
    """``clause`` given the metadata of its document's ``named`` row (:func:`streamed_metadata`) when it carries
    none of its own, as :func:`with_document_metadata` gives a report's rows theirs."""
    if named is None or _carries_metadata(clause) or not (named.issuer or named.title):
        return clause
    return replace(clause, title=named.title or None, issuer=named.issuer, region=named.region, level=named.level,
                   genre=named.genre)


def with_document_metadata(clauses: tuple[Clause, ...], documents: tuple[Document, ...]) -> tuple[Clause, ...]:
    """The clauses, each row that carries no metadata of its own given its document's (``clause_documents``):
    every output row of a document then names its issuer, as the report does (a CSV filtered by issuer kept
    澄漪县's three named rows and lost the fourth). Rows that carry metadata are left as they are."""
    meta = {d.doc_id: d for d in documents if d.issuer or d.title}
    if not meta:
        return clauses
    return tuple(replace(c, title=d.title or None, issuer=d.issuer, region=d.region, level=d.level, genre=d.genre)
                 if (d := meta.get(c.doc_id)) is not None and not _carries_metadata(c) else c
                 for c in clauses)


_NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def year_name_mismatches(inp: TagInput, year: int) -> list[str]:
    """Notices whose file name says ``year`` but whose text is of another year (or of none): a
    ``--year`` the reader took from the file name. Only a file holding one notice and naming one
    year counts (a corpus file ``…_2009-2026.txt`` names a span, not its notices' year)."""
    per_source: dict[str, int] = {}
    for d in inp.documents:
        per_source[d.source] = per_source.get(d.source, 0) + 1
    out = []
    for d in inp.documents:
        name = Path(d.source).name if d.source else ""
        if per_source.get(d.source) == 1 and _NAME_YEAR.findall(name) == [str(year)] and d.year != year:
            what = f"of {d.year}" if d.year is not None else "of no stated year"
            out.append(f"{name} names {year} in its file name, but its text is {what} (title, document number, "
                       f"date): not reported with --year {year}")
    return out


def undated_note(inp: TagInput, year: int) -> str | None:
    """The notices ``--year`` leaves out because they state no year (an emergency plan without a date):
    else a folder's undated plan vanishes from the report unnoticed. Those whose file name says
    ``year`` are named by :func:`year_name_mismatches` instead."""
    names = [Path(d.source).name or d.doc_id for d in inp.documents
             if d.year is None and _NAME_YEAR.findall(Path(d.source).name if d.source else "") != [str(year)]]
    if not names:
        return None
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return (f"--year {year} leaves out {len(names)} notice(s) stating no year in title, number or date: {shown} "
            "(tag them without --year)")


def select_year(inp: TagInput, year: int) -> tuple[set[str], set[str]]:
    """Doc ids of the notice(s) of ``year`` (reported) and of the latest earlier year present
    (context for the year-over-year comparison only)."""
    years = sorted({d.year for d in inp.documents if d.year is not None})
    chosen = {d.doc_id for d in inp.documents if d.year == year}
    if not chosen:
        have = f"have {years[0]}–{years[-1]}" if len(years) > 1 else (f"have {years[0]}" if years else "no notice has a year")
        named = [Path(d.source).name for d in inp.documents if d.source and str(year) in Path(d.source).name]
        if named and len(inp.documents) > 3:
            have += f"; {', '.join(named[:3])}{' …' if len(named) > 3 else ''} name {year} but their text does not"
        if len(inp.documents) <= 3:  # a notice or two: say which is of which year (read from its text, not its name)
            have += ": " + ", ".join(f"{Path(d.source).name or d.doc_id} is of {d.year}" if d.year is not None
                                     else f"{Path(d.source).name or d.doc_id} names no year in its title, number or date"
                                     for d in inp.documents)
        raise PolicytagError(f"--year {year}: no notice of year {year} in the input ({have})")
    # context: each chosen notice's baseline, the same issuer's previous document of its genre (yoy)
    from .yoy import previous_documents

    context = {p.doc_id for d in inp.documents if d.doc_id in chosen for p in previous_documents(d, inp.documents)}
    return chosen, context
