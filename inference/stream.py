"""Streaming tagging: clauses are read, tagged in batches and written incrementally, with bounded
memory (one batch of clauses and rows at a time, plus the set of ids already written), a tqdm
progress bar, and ``--resume``.

Inputs: notice files / directories (:func:`notice_clauses`: each notice once, through
``corpus/dedup.py`` as plain ``tag`` reads them; clauses segmented one file at a time), a JSONL
clause file (line by line), a Parquet clause file (record batches) or a Hugging Face dataset saved
with ``save_to_disk`` (a directory with ``dataset_info.json``). Clause rows have the fields of
``policytag tag --clauses`` (``text``, optional ``id``, ``heading``/``heading_path``, ``doc_id``,
``year``, ``agencies``).

Outputs (:class:`JsonlSink`, :class:`ParquetSink`): one row per clause, the ``policytag tag
--format jsonl`` row without the notice-level ``novelty`` (it needs the whole previous notice).

Atomicity and resume. Rows go to ``OUT.partial`` (JSONL: a file, appended and flushed per batch;
Parquet: a directory of part files, each written atomically) and ``OUT.partial`` is renamed to
``OUT`` only when the input is exhausted, so ``OUT`` never exists half-written. An interrupted run
leaves ``OUT.partial``; ``--resume`` reads the ids already in it (a JSONL line cut by a crash is
dropped), skips those clauses and appends the rest: no duplicates, no gaps. Without ``--resume`` an
existing partial output is an error (nothing is overwritten silently). ``--resume`` with a
finished ``OUT`` continues from it (e.g. the input grew). Resuming with another model than the one
that wrote the partial output is refused.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from policytag import PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS, Taxonomy


PARTIAL = ".partial"
#: rows per row group of a Parquet output
ROW_GROUP = 65_536
STREAM_FORMATS = ("jsonl", "parquet")


# -- inputs ------------------------------------------------------------------------------------
def input_kind(path: str) -> str:
    """``jsonl`` | ``parquet`` | ``hf`` (a saved Hugging Face dataset) for a clause input path."""
    p = Path(path)
    if p.is_dir():
        if (p / "dataset_info.json").exists() or (p / "dataset_dict.json").exists() or (p / "state.json").exists():
            return "hf"
        raise PolicytagError(f"{path}: a directory, but not a saved Hugging Face dataset (no dataset_info.json)")
    if p.suffix.lower() in (".parquet", ".pq"):
        return "parquet"
    return "jsonl"


def _rows_parquet(path: str, batch_size: int) -> Iterator[tuple[int, Any]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise PolicytagError(f"{path}: not a readable Parquet file ({exc})") from None
    n = 0
    for batch in pf.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            n += 1
            yield n, row


def _rows_hf(path: str, batch_size: int) -> Iterator[tuple[int, Any]]:
    from datasets import DatasetDict, load_from_disk

    ds = load_from_disk(path)
    if isinstance(ds, DatasetDict):
        raise PolicytagError(f"{path}: a DatasetDict ({', '.join(ds)}); save one split with save_to_disk")
    n = 0
    for batch in ds.iter(batch_size=batch_size):
        keys = list(batch)
        for values in zip(*(batch[k] for k in keys)):
            n += 1
            yield n, dict(zip(keys, values))


def clause_rows(path: str, skip_bad: bool, warn: Callable[[str], None], batch_size: int = 1024) -> "ClauseRows":
    """Clauses of a clause input (JSONL / Parquet / HF dataset), in file order; a bad row is an error
    naming its row number, or with ``skip_bad`` a warning. The rows' ``date`` (their notice's signing
    date, ``inputs.row_date``) is collected by ``doc_id`` as the rows are read (``ClauseRows.dates``),
    so streamed deadlines are read against it as the summary path reads them."""
    from .inputs import check_text_column

    if not Path(path).exists():
        raise PolicytagError(f"{path}: no such file")
    check_text_column(path)  # one line before any row is read, not a warning for each of its rows
    return ClauseRows(path, skip_bad, warn, batch_size)


class ClauseRows:
    """The clauses of a clause input (iterate it) and each document's signing date by ``doc_id``
    (``dates``), filled by a first, light pass over the rows (``inputs.streamed_metadata``) before the
    first clause is yielded: a row's date, and its document's metadata where the row names none, are
    known before its clause is tagged, whichever row of the document names them."""

    def __init__(self, path: str, skip_bad: bool, warn: Callable[[str], None], batch_size: int = 1024):
        self.path, self.skip_bad, self.warn, self.batch_size = path, skip_bad, warn, batch_size
        self.dates: dict[str, str | None] = {}

    #: ids checked as the rows are read (``inputs.row_clauses``, naming file and row), so the tagging loop
    #: need not keep a second set of every id
    unique_ids = True

    def __iter__(self) -> Iterator[Clause]:
        from .inputs import jsonl_rows, row_clauses, streamed_metadata, with_row_metadata

        path = self.path
        kind = input_kind(path)
        rows = {"jsonl": lambda: jsonl_rows(path), "parquet": lambda: _rows_parquet(path, self.batch_size),
                "hf": lambda: _rows_hf(path, self.batch_size)}[kind]
        # a first, light pass: a document's metadata and date, wherever in the file its rows name them, for every
        # row of it (a report's rows get them from the whole file too); memory: one row per document
        named = streamed_metadata(rows(), path, Path(path).stem, self.dates)
        for clause in row_clauses(rows(), path, Path(path).stem, self.skip_bad, self.warn, self.dates,
                                  "line" if kind == "jsonl" else "row"):
            yield with_row_metadata(clause, named.get(clause.doc_id))


def unique_clauses(clauses: Iterable[Clause]) -> Iterator[Clause]:
    """``clauses`` with a repeated id refused (resuming and the output rows key on ids), for the local and the
    Ray engine alike; a clause file's reader (``ClauseRows.unique_ids``) checks them itself, naming file and
    row, so its clauses pass through without a second set of every id."""
    if getattr(clauses, "unique_ids", False):
        yield from clauses
        return
    seen: set[str] = set()
    for c in clauses:
        if c.clause_id in seen:
            raise PolicytagError(f"duplicate clause id {c.clause_id!r} in the input")
        seen.add(c.clause_id)
        yield c


def batch_dates(dates: Mapping[str, str | None] | None, batch: Sequence[Clause]) -> dict[str, str | None] | None:
    """The signing dates of a batch's notices, by ``doc_id`` (what a worker process or Ray actor gets
    with its batch instead of the whole run's ``dates``); None when no date is known."""
    return {c.doc_id: dates.get(c.doc_id) for c in batch} if dates else None


class NoticeClauses:
    """The clauses of notice files (iterate it: ``notice_clauses``' two passes) and, once the first
    pass has read the notices, each kept notice's ISO signing date by ``doc_id`` (``dates``), which
    ``stream_tag`` hands to ``tag_clauses``: a clause record carries no date."""

    def __init__(self, paths: Sequence[str], skip_bad: bool, warn: Callable[[str], None],
                 note: Callable[[str], None] | None = None):
        self.args = (paths, skip_bad, warn, note)
        self.dates: dict[str, str | None] = {}
        #: how many clauses the kept notices hold, known once the first pass has segmented them (None before):
        #: the progress bar and log lines read it, so a folder's run says how far it is (``… of 1,500 clauses
        #: tagged (40%) …, about 2 min left``), as a clause file's does
        self.total: int | None = None

    def __iter__(self) -> Iterator[Clause]:
        return _notice_clauses(*self.args, self.dates, self)


def notice_clauses(paths: Sequence[str], skip_bad: bool, warn: Callable[[str], None],
                   note: Callable[[str], None] | None = None) -> NoticeClauses:
    """Clauses of notice files/directories, each notice once exactly as plain ``tag`` reads them
    (``corpus.dedup``: the .txt and .pdf of one notice are one notice, the most faithful copy kept,
    colliding ``doc_id``s made distinct), in the same order; with the notices' dates (``NoticeClauses``).

    Two passes, so memory holds documents but never every clause: the first segments each file
    and keeps only its documents for ``dedupe_documents``; the second segments again, one file at
    a time, and yields the clauses of the documents kept. ``note`` gets the duplicates message and
    ``corpus.readers.unread_files_notes`` (a folder's files holding no text to read), as plain ``tag`` prints them.
    """
    return NoticeClauses(paths, skip_bad, warn, note)


def _notice_clauses(paths: Sequence[str], skip_bad: bool, warn: Callable[[str], None],
                    note: Callable[[str], None] | None, dates: dict[str, str | None],
                    counted: NoticeClauses | None = None) -> Iterator[Clause]:
    """``notice_clauses``' passes; ``dates`` gets each kept notice's date after the first, ``counted.total`` the
    number of clauses the kept notices hold (counted in the first pass, whose clauses are not kept)."""
    from policytag.corpus.dedup import carry_metadata, content_key, dedupe_documents, duplicates_message, rename_document
    from policytag.corpus.readers import ReadError, expand_paths, read_file, unread_files_notes
    from policytag.corpus.segment import segment_text

    from .inputs import missing_message

    missing = [p for p in paths if not Path(p).exists()]
    if missing and not skip_bad:
        raise PolicytagError(missing_message(missing[0]))
    for p in missing:
        warn(f"skipped {missing_message(p)}")
    from policytag.corpus.segment import file_progress

    documents = []
    sizes: dict[tuple[str, str], int] = {}  # (source, text) of a document -> its clauses
    # the first pass reads every file before the first row is tagged: a bar, as plain `tag` shows
    existing = [p for p in paths if Path(p).exists()]
    for path in file_progress(expand_paths(existing)):
        try:
            for doc, clauses in segment_text(read_file(path), str(path)):
                documents.append((doc, []))
                sizes[doc.source, doc.text] = len(clauses)
        except ReadError as exc:
            if not skip_bad:
                raise PolicytagError(f"{exc} (--skip-bad tags the readable notices)") from None
            warn(f"skipped {exc}")
    kept, duplicates = dedupe_documents(documents)
    dates.update((doc.doc_id, doc.date) for doc, _ in kept)
    if counted is not None:
        counts = [sizes.get((doc.source, doc.text)) for doc, _ in kept]
        counted.total = None if None in counts else sum(counts)
    message = duplicates_message(duplicates)
    if message and note is not None:
        note(message)
    if note is not None:  # the pictures, CAJ files and slides of a folder, named as plain `tag` names them
        for unread in unread_files_notes(existing):
            note(unread)
    segmented: tuple[str, list] = ("", [])  # the last file segmented again (usually the next one is the same)
    for doc, _ in kept:
        if segmented[0] != doc.source:
            segmented = (doc.source, segment_text(read_file(Path(doc.source)), doc.source))
        key = content_key(doc.text)
        found = next(((d, cs) for d, cs in segmented[1] if content_key(d.text) == key), None)
        if found is None:
            raise PolicytagError(f"{doc.source}: the file changed while it was being tagged")
        original, clauses = found
        if original.doc_id != doc.doc_id:  # dedup renamed it (a colliding doc_id, or a better copy's id)
            _, clauses = rename_document(original, clauses, doc.doc_id)
        # what dedup completed on the kept copy from the others (the year a .docx copy names): its clauses show it,
        # as plain `tag`'s do (a no-op, no copy made, when nothing was completed)
        yield from carry_metadata(doc, clauses)


def learn_total(bar, clauses: Iterable[Clause]) -> None:
    """Give a progress bar begun without a total (a notice folder: its clauses are counted by the first pass, which
    runs once the first batch is asked for) the count ``clauses`` now knows (:attr:`NoticeClauses.total`)."""
    total = getattr(clauses, "total", None)
    if bar.total is None and total:
        bar.total = total
        bar.refresh()


def batched(items: Iterable[Clause], size: int) -> Iterator[list[Clause]]:
    batch: list[Clause] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- rows ----------------------------------------------------------------------------------------
def stream_row(tagged, model_version: str, taxonomy_version: str | None = None, date: str | None = None) -> dict[str, Any]:
    """The JSONL row of one tagged clause (``TaggedClause.to_dict(date)``, ``date`` its notice's signing
    date, + ``model_version`` and the ``taxonomy_version`` its label ids are of: the same row as
    ``render_rows.rows``)."""
    return {**tagged.to_dict(date), "model_version": model_version, "taxonomy_version": taxonomy_version}


def parquet_schema(taxonomy: Taxonomy):
    """Arrow schema of the Parquet output: scores as a struct per dimension (taxonomy order),
    deadlines/targets as JSON strings (their fields are the extractor's, not a column contract)."""
    import pyarrow as pa

    scores = pa.struct([pa.field(dim, pa.struct([pa.field(lid, pa.float64()) for lid in taxonomy[dim].ids]))
                        for dim in DIMENSIONS])
    return pa.schema([
        ("doc_id", pa.string()), ("clause_id", pa.string()), ("year", pa.int64()),
        ("date", pa.string()),  # the notice's signing date (ISO), null when unknown
        # document metadata (corpus/metadata.py), null for a bare clause file
        ("title", pa.string()), ("issuer", pa.string()), ("region", pa.string()), ("level", pa.string()),
        ("genre", pa.string()),
        ("heading_path", pa.list_(pa.string())), ("text", pa.string()),
        ("sector", pa.list_(pa.string())), ("measure_type", pa.list_(pa.string())), ("scores", scores),
        ("agencies", pa.list_(pa.string())),
        # who leads, supports or is responsible: the JSONL rows' list of {name, role}, typed
        ("agency_roles", pa.list_(pa.struct([("name", pa.string()), ("role", pa.string())]))),
        ("deadlines", pa.string()), ("targets", pa.string()),
        ("model_version", pa.string()), ("taxonomy_version", pa.string()),  # which taxonomy the label ids are of
    ])


#: columns of the Parquet output holding JSON text
JSON_COLUMNS = ("deadlines", "targets")


def rows_to_table(rows: list[dict[str, Any]], taxonomy: Taxonomy):
    """Rows -> an Arrow table of ``parquet_schema`` (keys it has no column for, ``evidence``, are
    left out)."""
    import pyarrow as pa

    flat = [{**r, **{k: json.dumps(r[k], ensure_ascii=False) for k in JSON_COLUMNS}} for r in rows]
    return pa.Table.from_pylist(flat, schema=parquet_schema(taxonomy))


def encode_rows(rows: list[dict[str, Any]], fmt: str, taxonomy: Taxonomy):
    """Rows as the sink writes them: JSONL text, or an Arrow table (``parquet_schema``). Done by
    the worker that tagged them when ``--workers`` > 1, so the writer only writes."""
    if fmt == "parquet":
        return rows_to_table(rows, taxonomy)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def tag_rows(tagger, clauses: Sequence[Clause], threshold: float | None, model_version: str,
             evidence: bool = True, dates: Mapping[str, str | None] | None = None) -> list[dict[str, Any]]:
    """Tag one batch -> output rows (no progress bar: the caller shows one for the stream);
    ``dates``: the notices' signing dates by ``doc_id`` (``tag_clauses``)."""
    from .tagging import tag_clauses  # numpy and the fact reader: not before `tag --clauses` has read its input

    return [stream_row(t, model_version, tagger.taxonomy.version, (dates or {}).get(t.clause.doc_id))
            for t in tag_clauses(tagger, clauses, threshold, len(clauses) or 1, progress=False, evidence=evidence, dates=dates)]


def tag_encode(tagger, clauses: Sequence[Clause], threshold: float | None, model_version: str,
               fmt: str, dates: Mapping[str, str | None] | None = None) -> tuple[Any, tuple[float, float]]:
    """One batch's whole work, the same in every engine (this process, a ``--workers`` process, a
    Ray actor): tag, then encode for the sink (``encode_rows``). Returns the encoded rows and the
    wall and CPU seconds it took (summed into ``StreamResult.busy_seconds`` / ``busy_cpu_seconds``:
    the per-worker throughput).

    Parquet rows have no ``evidence`` column (per output label, the spans and n-grams behind it:
    ~3.7 KB of JSON per clause), so it is not computed for them: half of a clause's tagging time
    with the hybrid default."""
    start, cpu = time.perf_counter(), time.process_time()
    rows = tag_rows(tagger, clauses, threshold, model_version, evidence=fmt != "parquet", dates=dates)
    encoded = encode_rows(rows, fmt, tagger.taxonomy)
    return encoded, (time.perf_counter() - start, time.process_time() - cpu)


# -- sinks ---------------------------------------------------------------------------------------
class JsonlSink:
    """Appends rows to ``OUT.partial`` (flushed per batch); ``finish`` renames it to ``OUT``."""

    def __init__(self, out: Path):
        self.out, self.partial = out, out.with_name(out.name + PARTIAL)

    def exists(self) -> bool:
        return self.partial.exists()

    def adopt_finished(self) -> None:
        os.replace(self.out, self.partial)

    def written(self) -> tuple[set[str], str | None]:
        """Ids in the partial output and the model version that wrote it; a last line cut by a
        crash is truncated away."""
        ids: set[str] = set()
        version = None
        good = 0
        with open(self.partial, "rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break
                try:
                    row = json.loads(raw)
                except ValueError:
                    break
                ids.add(str(row["clause_id"]))
                version = version or row.get("model_version")
                good += len(raw)
        if good != self.partial.stat().st_size:
            with open(self.partial, "r+b") as fh:
                fh.truncate(good)
        return ids, version

    def is_empty(self) -> bool:
        return self.partial.is_file() and self.partial.stat().st_size == 0

    def discard(self) -> None:
        self.partial.unlink()

    def open(self, append: bool, before_first_write: Callable[[], None] | None = None) -> None:
        # the file is created by the first write, not here: a run that fails before its first
        # row (a corrupt input, a bad first row) leaves no empty OUT.partial behind
        self.fh, self._append, self._before = None, append, before_first_write

    def write(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.write_encoded(encode_rows(rows, "jsonl", None))

    def write_encoded(self, text: str) -> None:
        if not text:
            return
        if self.fh is None:
            if self._before:
                self._before()
            self.fh = open(self.partial, "a" if self._append else "w", encoding="utf-8")
        self.fh.write(text)
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        if getattr(self, "fh", None):
            self.fh.close()

    def finish(self) -> None:
        from policytag.io import output_mode

        self.close()
        if not self.partial.exists():  # nothing to tag (every clause already written, or none)
            self.partial.touch()
        os.chmod(self.partial, output_mode(self.out))  # a replaced OUT keeps its mode
        os.replace(self.partial, self.out)


class ParquetSink:
    """Writes each batch as an atomically renamed part file in the ``OUT.partial/`` directory;
    ``finish`` merges the parts into ``OUT`` (streaming: one row group of ``ROW_GROUP`` rows in memory)."""

    def __init__(self, out: Path, taxonomy: Taxonomy):
        self.out, self.partial, self.taxonomy = out, out.with_name(out.name + PARTIAL), taxonomy

    def exists(self) -> bool:
        return self.partial.exists()

    def _parts(self) -> list[Path]:
        return sorted(self.partial.glob("part-*.parquet"))

    def adopt_finished(self) -> None:
        self.partial.mkdir()
        os.replace(self.out, self.partial / "part-000000.parquet")

    def written(self) -> tuple[set[str], str | None]:
        import pyarrow.parquet as pq

        ids: set[str] = set()
        version = None
        for part in self._parts():
            table = pq.read_table(part, columns=["clause_id", "model_version"])
            ids.update(table.column("clause_id").to_pylist())
            if version is None and table.num_rows:
                version = table.column("model_version")[0].as_py()
        return ids, version

    def is_empty(self) -> bool:
        return self.partial.is_dir() and not self._parts()

    def discard(self) -> None:
        shutil.rmtree(self.partial)

    def open(self, append: bool, before_first_write: Callable[[], None] | None = None) -> None:
        if not append:
            shutil.rmtree(self.partial, ignore_errors=True)
        # the directory is made by the first write (see JsonlSink.open)
        self._before = before_first_write
        parts = self._parts()
        self.next = int(parts[-1].stem.split("-")[1]) + 1 if parts else 0

    def write(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.write_table(rows_to_table(rows, self.taxonomy))

    def write_encoded(self, table) -> None:
        self.write_table(table)

    def write_table(self, table) -> None:
        """One part file (``parquet_schema``), written under a temporary name and renamed."""
        import pyarrow.parquet as pq

        if not table.num_rows:
            return
        if not self.partial.is_dir():
            if self._before:
                self._before()
            self.partial.mkdir()
        final = self.partial / f"part-{self.next:06d}.parquet"
        tmp = final.with_suffix(".tmp")
        pq.write_table(table.cast(parquet_schema(self.taxonomy)), tmp)
        os.replace(tmp, final)
        self.next += 1

    def close(self) -> None:
        pass

    def finish(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        tmp = self.out.with_name(f".{self.out.name}.tmp")
        schema = parquet_schema(self.taxonomy)
        with pq.ParquetWriter(tmp, schema) as writer:
            # parts are one batch each (a few hundred rows); OUT gets row groups of ~ROW_GROUP rows
            # (1M clauses: ~16 row groups, not ~2,000), holding at most that many rows in memory
            # (a finished OUT adopted by --resume is one big part: read it a row group at a time)
            held, rows = [], 0
            for part in self._parts():
                for batch in pq.ParquetFile(part).iter_batches(batch_size=ROW_GROUP):
                    held.append(batch)
                    rows += batch.num_rows
                    if rows >= ROW_GROUP:
                        writer.write_table(pa.Table.from_batches(held, schema=schema), row_group_size=ROW_GROUP)
                        held, rows = [], 0
            if held:
                writer.write_table(pa.Table.from_batches(held, schema=schema), row_group_size=ROW_GROUP)
        from policytag.io import output_mode

        os.chmod(tmp, output_mode(self.out))  # a replaced OUT keeps its mode
        os.replace(tmp, self.out)
        shutil.rmtree(self.partial, ignore_errors=True)


def make_sink(out: str | Path, fmt: str, taxonomy: Taxonomy):
    if fmt not in STREAM_FORMATS:
        raise PolicytagError(f"streaming writes {' or '.join(STREAM_FORMATS)} rows, not {fmt!r} "
                             "(summaries need every clause: drop --stream for md/html/csv)")
    return JsonlSink(Path(out)) if fmt == "jsonl" else ParquetSink(Path(out), taxonomy)


def stream_format(out: str, fmt: str | None) -> str:
    """``--format`` if given, else from the output suffix (``.parquet`` -> parquet, else jsonl)."""
    if fmt:
        return fmt
    return "parquet" if Path(out).suffix.lower() in (".parquet", ".pq") else "jsonl"


# -- driver --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StreamResult:
    written: int       # rows written by this run
    resumed: int       # rows already in the partial output (skipped)
    output: Path
    seconds: float
    #: seconds the workers (this process, --workers processes or Ray actors) spent tagging +
    #: encoding, summed: ``written / busy_seconds`` is one worker's clauses/s while it works
    busy_seconds: float = 0.0
    #: the same in CPU seconds of the workers: ``written / busy_cpu_seconds`` is the clauses/s of
    #: one worker given a whole core (the wall-time rate is lower when the cores are shared)
    busy_cpu_seconds: float = 0.0
    workers: int = 1
    #: seconds from the start until the first rows were written (imports done, model and workers
    #: loaded, one batch tagged): the start-up a small input pays
    first_rows_seconds: float | None = None

    def summary(self) -> str:
        """``N workers: X clauses/s (Z per CPU second) each while tagging; first rows after Y s``
        (in the CLI's last line; benchmarks/bench_scale.py reads it)."""
        parts = []
        if self.written and self.busy_seconds > 0:
            rate = f"{self.written / self.busy_seconds:,.0f} clauses/s"
            if self.busy_cpu_seconds > 0:
                rate += f" ({self.written / self.busy_cpu_seconds:,.0f} per CPU second)"
            parts.append(f"1 process: {rate} while tagging" if self.workers == 1
                         else f"{self.workers} workers: {rate} each while tagging")
        if self.first_rows_seconds is not None:
            parts.append(f"first rows after {self.first_rows_seconds:.1f} s")
        return "; ".join(parts)


def prepare_sink(out: str | Path, fmt: str, taxonomy: Taxonomy, resume: bool, model_version: str,
                 identity: dict[str, Any] | None = None):
    """The sink, opened for writing, and the ids already written (empty unless resuming).

    ``identity`` (``inference/resume.py``: model version, options, input files) is recorded beside
    ``OUT.partial`` before its first row and checked by ``--resume``: a partial output of another
    input, model or threshold is refused, in one line naming what differs."""
    from .resume import difference, read_meta, remove_meta, run_identity, write_meta

    identity = identity or run_identity(model_version, {"format": fmt})
    sink = make_sink(out, fmt, taxonomy)
    done: set[str] = set()
    if sink.exists() and sink.is_empty():  # an older run that failed before its first row: nothing to keep
        sink.discard()
        remove_meta(sink.partial)
    adopted = False
    if resume and not sink.exists() and Path(out).exists():
        sink.adopt_finished()  # continue a finished OUT (the input grew); nothing recorded what it read
        adopted = True
        write_meta(sink.partial, identity)
    if sink.exists():
        if not resume:
            raise PolicytagError(f"{sink.partial} exists (an interrupted run): pass --resume to continue it, "
                                 "or delete it to start again")
        recorded = read_meta(sink.partial)
        if recorded is None and not adopted:
            raise PolicytagError(f"{sink.partial}: cannot resume: no record of the run that wrote it (an older "
                                 "policytag); delete it to start again")
        done, version = sink.written()
        if version is not None and version != model_version:
            raise PolicytagError(f"{sink.partial} was written by model {version}, not {model_version}; "
                                 "resume with the same --model or delete it")
        why = difference(recorded, identity) if recorded is not None else None
        if why:
            raise PolicytagError(f"{sink.partial}: cannot resume a different run: {why}; rerun with the same "
                                 "input and options, or delete it to start again")
        write_meta(sink.partial, identity)  # the input may have grown: compare with it next time
    sink.open(append=bool(done) or sink.exists(), before_first_write=lambda: write_meta(sink.partial, identity))
    return sink, done


def stream_tag(tagger, clauses: Iterable[Clause], out: str | Path, fmt: str = "jsonl", *,
               threshold: float | None = None, batch_size: int | None = None, resume: bool = False,
               model_version: str | None = None, progress: bool = True, total: int | None = None,
               on_batch: Callable[[int], None] | None = None, workers: int = 1,
               run_dir: str | Path | None = None, inputs: dict[str, Any] | None = None,
               on_resume: Callable[[int], None] | None = None) -> StreamResult:
    """Tag ``clauses`` (any iterable: read lazily) into ``out`` batch by batch; see the module doc.

    ``workers`` > 1: batches are tagged (and encoded) by that many processes, each loading the
    run at ``run_dir`` once; this process reads, hands out batches and writes the results in input
    order, so the output is the one-process output byte for byte. At most ``2 × workers`` batches
    are in flight (bounded memory).

    ``on_batch(n_written_so_far)`` is called after each batch is durably written (tests use it to
    interrupt a run), with this run's rows; ``on_resume(n)``, once before the first batch, with the rows
    an interrupted run already wrote (0 for a fresh run), so a progress log counts them as the bar does. A clause id seen twice in the input is an error (it would be ambiguous on
    resume). ``inputs`` (``resume.input_identity``) names the files the clauses come from, so
    ``--resume`` can refuse a partial output written from another input. ``clauses`` with
    ``dates`` (``notice_clauses``: the notices' signing dates by ``doc_id``) have their deadlines
    read against their notice's date (``tag_clauses``).
    """
    from tqdm import tqdm

    from .resume import remove_meta, run_identity
    from .tagging import DEFAULT_BATCH_SIZE

    batch_size = batch_size or DEFAULT_BATCH_SIZE  # None: the default, held by tagging (imported only now)
    start = time.perf_counter()
    version = model_version or tagger.model_version
    if workers > 1 and run_dir is None:
        raise PolicytagError("--workers needs a saved run for the worker processes to load (a run directory)")
    identity = run_identity(version, {"format": fmt, "threshold": threshold}, inputs)
    sink, done = prepare_sink(out, fmt, tagger.taxonomy, resume, version, identity)
    written = 0
    stats = {"busy": 0.0, "cpu": 0.0, "first": None}
    if on_resume is not None:
        on_resume(len(done))
    try:
        # the rows already written start the bar (``initial``): counted one by one as they were skipped, they
        # made a resumed run's rate that of reading them (100,000 rows "tagged" in seconds)
        with tqdm(total=total, unit="clause", desc="tagging", file=sys.stderr, disable=None if progress else True,
                  initial=len(done)) as bar:
            def todo() -> Iterator[Clause]:
                for c in unique_clauses(clauses):
                    if c.clause_id in done:
                        continue
                    yield c

            def wrote(n: int, busy: tuple[float, float]) -> None:
                nonlocal written
                written += n
                stats["busy"] += busy[0]
                stats["cpu"] += busy[1]
                if stats["first"] is None:
                    stats["first"] = time.perf_counter() - start
                learn_total(bar, clauses)
                bar.update(n)
                if on_batch:
                    on_batch(written)

            dates = getattr(clauses, "dates", None)  # (filled by the time the first batch is read)
            if workers > 1:
                _stream_parallel(batched(todo(), batch_size), sink, wrote, workers, str(run_dir), version,
                                 threshold, fmt, dates)
            else:
                for batch in batched(todo(), batch_size):
                    encoded, busy = tag_encode(tagger, batch, threshold, version, fmt, dates)
                    sink.write_encoded(encoded)
                    wrote(len(batch), busy)
    finally:
        sink.close()
    sink.finish()
    remove_meta(sink.partial)
    return StreamResult(written, len(done), Path(out), time.perf_counter() - start, stats["busy"], stats["cpu"],
                        workers, stats["first"])


def _stream_parallel(batches: Iterator[list[Clause]], sink, wrote: Callable[[int, tuple[float, float]], None], workers: int,
                     run_dir: str, version: str, threshold: float | None, fmt: str,
                     dates: Mapping[str, str | None] | None = None) -> None:
    """Batches to ``workers`` processes (spawned: no state shared with this one but the run on
    disk), results written in submission order; at most ``2 × workers`` batches in flight. Each
    batch goes with its notices' dates (``dates``, by ``doc_id``)."""
    import collections
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pending: collections.deque = collections.deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_worker_init, initargs=(run_dir, version, threshold, fmt)) as pool:
        try:
            for batch in batches:
                pending.append((len(batch), pool.submit(_worker_tag, batch, batch_dates(dates, batch))))
                while len(pending) >= 2 * workers:
                    n, future = pending.popleft()
                    encoded, busy = future.result()
                    sink.write_encoded(encoded)
                    wrote(n, busy)
            while pending:
                n, future = pending.popleft()
                encoded, busy = future.result()
                sink.write_encoded(encoded)
                wrote(n, busy)
        except BaseException:
            for _, future in pending:
                future.cancel()
            raise


_WORKER: dict[str, Any] = {}


def load_worker(run_dir: str, fmt: str):
    """What a worker process or Ray actor does once: load the run, import the encoder's modules
    now rather than inside its first batch (pyarrow: ~0.5 s), and run BLAS/OpenMP on one thread.

    A worker is one core's worth of work. With OpenBLAS's default of one thread per core, two
    workers on two cores ran four threads whose spin-waits made each worker ~3x slower than a Ray
    actor (Ray sets ``OMP_NUM_THREADS`` to the actor's one CPU): 589 against 1,856 clauses/s while
    tagging, 10k Parquet, load 5 (reports/scale.md)."""
    from threadpoolctl import threadpool_limits

    from policytag.models.runs import load_run

    threadpool_limits(limits=1)  # for the life of this process (not a with-block)
    if fmt == "parquet":
        import pyarrow  # noqa: F401
    return load_run(run_dir)


def _worker_init(run_dir: str, version: str, threshold: float | None, fmt: str) -> None:
    """In a worker process: load the run once. Ctrl-C reaches the whole process group: the parent
    stops handing out batches and keeps what it wrote (``--resume``); a worker interrupted mid-batch
    only printed a traceback each, so workers ignore SIGINT and finish or drop their batch."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(tagger=load_worker(run_dir, fmt), version=version, threshold=threshold, fmt=fmt)


def _worker_tag(batch: list[Clause], dates: Mapping[str, str | None] | None = None) -> tuple[Any, tuple[float, float]]:
    w = _WORKER
    return tag_encode(w["tagger"], batch, w["threshold"], w["version"], w["fmt"], dates)
