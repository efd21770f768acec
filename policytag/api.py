"""The Python API: segment and tag notices or clause strings from a notebook or a script.

A thin layer over what ``policytag segment`` and ``policytag tag`` call (``inference.inputs``,
``inference.tagging``, ``inference.report``, ``inference.render_rows``, ``policytag.app``): the same
records, labels, scores, evidence and extracted facts as the CLI on the same input, nothing computed a
second way. Warnings the CLI prints on stderr go to ``warnings.warn`` (:class:`PolicytagWarning`) or to an
``on_warning`` callback; errors are a one-line :class:`policytag.PolicytagError`. See docs/python.md.

``import policytag`` does not import this module (it stays light); ``from policytag import api`` does.
"""

from __future__ import annotations

import io
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, Union, overload

from policytag import PolicytagError
from policytag.records import Clause, Document
from policytag.taxonomy import Taxonomy

from policytag.inference.tagging import DEFAULT_BATCH_SIZE, TaggedClause

__all__ = ["PolicytagError", "PolicytagWarning", "Segmented", "Tagged", "TaggedClause", "load_model", "segment",
           "tag", "tag_texts", "iter_tagged", "to_records", "to_rows", "to_dataframe"]

#: a notice file or folder, several of them, or (a ``str`` that names no path) the text of a notice
Source = Union[str, "PathLike[str]", Sequence[Union[str, "PathLike[str]"]]]
OnWarning = Callable[[str], None]

#: the clause batch of :func:`iter_tagged` (``policytag tag --stream``'s default)
STREAM_BATCH_SIZE = 256


class PolicytagWarning(UserWarning):
    """What ``policytag`` prints as ``policytag: …`` on stderr: a skipped file, a notice given twice."""


@dataclass(frozen=True)
class Segmented:
    """A source read and segmented: its documents (each once), their clauses in document order, and the
    warnings about skipped input (with ``skip_bad``)."""

    documents: tuple[Document, ...]
    clauses: tuple[Clause, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tagged(Sequence[TaggedClause]):
    """The tagged clauses (a sequence of :class:`TaggedClause`, in input order) with what their rows name:
    the documents, the model version, the taxonomy and the threshold override (None: the tuned ones)."""

    clauses: tuple[TaggedClause, ...]
    documents: tuple[Document, ...]
    model_version: str
    taxonomy: Taxonomy
    threshold: float | None = None
    warnings: tuple[str, ...] = ()

    @overload
    def __getitem__(self, i: int) -> TaggedClause: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[TaggedClause]: ...

    def __getitem__(self, i):
        return self.clauses[i]

    def __len__(self) -> int:
        return len(self.clauses)

    def __iter__(self) -> Iterator[TaggedClause]:
        return iter(self.clauses)

    @cached_property
    def report(self):
        """The report ``policytag tag`` renders its rows from (``inference.report.build_report``: each notice
        compared with the same issuer's previous one in the input), built once, when first asked for."""
        from policytag.inference.report import build_report

        return build_report(list(self.documents), list(self.clauses), self.taxonomy, self.model_version,
                            None, self.threshold)

    def __repr__(self) -> str:
        return (f"Tagged({len(self.clauses)} clause(s) of {len(self.documents)} document(s), "
                f"model {self.model_version})")


def load_model(spec: str | PathLike[str] | None = None, on_warning: OnWarning | None = None):
    """The tagger ``policytag tag --model SPEC`` uses (``policytag.app.resolve_model``): None or
    ``"default"`` the default model, else a run directory or a run name. Load it once and pass it to
    :func:`tag` / :func:`tag_texts`: loading takes seconds, tagging a clause milliseconds."""
    from policytag.app import resolve_model

    return resolve_model(None if spec is None else str(spec), notify=_notifier(on_warning))


def segment(source: Source, *, skip_bad: bool = False, on_warning: OnWarning | None = None) -> Segmented:
    """The documents and clauses of a notice file, a folder, several of them, or a notice's text (a ``str``
    that names no existing path and is not path-like: see :func:`_paths_or_text`), read exactly as
    ``policytag tag`` reads them (``inference.inputs.read_notices``). A bad file is a ``PolicytagError``,
    or with ``skip_bad`` a warning while the good files are still read."""
    from policytag.inference.inputs import STDIN, read_notices

    paths, text = _paths_or_text(source)
    stdin = io.BytesIO(text.encode("utf-8")) if text is not None else None
    with _api_hints(text is not None):
        inp = read_notices([STDIN] if text is not None else paths, skip_bad, stdin=stdin)
    warn = _notifier(on_warning)
    for line in (*inp.notes, *(f"warning: {w}" for w in inp.warnings)):
        warn(line)
    return Segmented(inp.documents, inp.clauses, inp.warnings)


def tag(source: Source | Segmented, model: Any = None, *, threshold: float | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE, skip_bad: bool = False,
        on_warning: OnWarning | None = None) -> Tagged:
    """Tag every clause of ``source`` (what :func:`segment` takes, or its result) as ``policytag tag``
    does: ``model`` a loaded tagger (:func:`load_model`) or a spec for it; ``threshold`` one probability
    for every label instead of the tuned ones (``--threshold``); ``batch_size`` clauses per model call."""
    _check_options(threshold, batch_size)
    seg = source if isinstance(source, Segmented) else segment(source, skip_bad=skip_bad, on_warning=on_warning)
    return _tag(seg.documents, seg.clauses, model, threshold, batch_size, seg.warnings, on_warning)


def tag_texts(texts: Iterable[str | Mapping[str, Any]], model: Any = None, *,
              heading_paths: Sequence[Sequence[str]] | None = None, title: str | None = None,
              doc_id: str = "texts", year: int | None = None, threshold: float | None = None,
              batch_size: int = DEFAULT_BATCH_SIZE, skip_bad: bool = False,
              on_warning: OnWarning | None = None) -> Tagged:
    """Tag bare clause strings as ``policytag tag --clauses FILE`` tags a clause file's rows: each text is a
    row ``{"text": …}`` of document ``doc_id`` (id ``DOC_ID-N``, N from 1), with its heading path
    (``heading_paths[i]``, outermost first), the document's ``title`` and ``year`` when given. An item
    may also be a whole clause-file row (a dict: ``text``, ``id``, ``heading_path``, ``doc_id``, ``date``, …;
    docs/tagging.md). A bad item is a ``PolicytagError`` naming it (``texts:N: …``), or with ``skip_bad`` a
    warning while the good ones are still tagged."""
    from policytag.inference.inputs import clause_documents, row_clauses, with_document_metadata

    _check_options(threshold, batch_size)
    if isinstance(texts, str):
        raise PolicytagError("tag_texts takes a list of clause strings, not one string (use tag() for a notice's text)")
    items = list(texts)
    if heading_paths is not None and len(heading_paths) != len(items):
        raise PolicytagError(f"heading_paths has {len(heading_paths)} entries for {len(items)} texts")
    rows = []
    for i, item in enumerate(items):
        row: Any = dict(item) if isinstance(item, Mapping) else {"text": item}
        if heading_paths is not None:
            row.setdefault("heading_path", list(heading_paths[i]))
        if title is not None:
            row.setdefault("title", title)
        if year is not None:
            row.setdefault("year", year)
        row.setdefault("doc_id", doc_id)
        rows.append((i + 1, row))
    dates: dict[str, str | None] = {}
    warned: list[str] = []
    with _api_hints(False):
        clauses = list(row_clauses(rows, "texts", doc_id, skip_bad, warned.append, dates, "item"))
        documents = clause_documents(clauses, dates, "texts")
    warn = _notifier(on_warning)
    for line in warned:
        warn(f"warning: {line}")
    return _tag(documents, with_document_metadata(tuple(clauses), documents), model, threshold, batch_size,
                tuple(warned), on_warning)


def iter_tagged(source: Source, model: Any = None, *, threshold: float | None = None,
                batch_size: int = STREAM_BATCH_SIZE, skip_bad: bool = False,
                on_warning: OnWarning | None = None) -> Iterator[TaggedClause]:
    """The tagged clauses of notice files or folders one batch at a time, in bounded memory (the reading of
    ``policytag tag --stream``: ``inference.stream.notice_clauses``, each file segmented twice, the clauses
    never all held). Each clause as :func:`tag` gives it; no year-over-year comparison (that needs every
    notice at once: use :func:`tag` and :func:`to_records`). ``TaggedClause.to_dict()`` gives its row."""
    from policytag.inference.stream import batch_dates, batched, notice_clauses, unique_clauses
    from policytag.inference.tagging import tag_clauses

    _check_options(threshold, batch_size)
    paths, text = _paths_or_text(source)
    if text is not None:
        raise PolicytagError("iter_tagged reads notice files or folders; tag a notice's text with tag()")
    tagger = _model(model, on_warning)
    warn = _notifier(on_warning)
    clauses = notice_clauses(paths, skip_bad, lambda m: warn(f"warning: {m}"), warn)
    for batch in batched(unique_clauses(clauses), batch_size):
        yield from tag_clauses(tagger, batch, threshold, batch_size, progress=False,
                               dates=batch_dates(clauses.dates, batch))


def to_records(tagged: Tagged) -> Iterator[dict[str, Any]]:
    """The rows ``policytag tag --format jsonl`` writes for the same input, one dict a clause (nested:
    lists and dicts), with the year-over-year ``novelty``/``changed`` of each notice against the same
    issuer's previous one in the input. A generator: write or filter them as they come."""
    from policytag.inference.render_rows import rows

    yield from rows(_report(tagged))


def to_rows(tagged: Tagged) -> Iterator[dict[str, Any]]:
    """The flat rows of ``policytag tag --format csv`` (the same columns and values: labels joined by ``;``,
    one ``score:DIM:LABEL`` column per label, nested fields as compact JSON), as Python values (``year`` an
    int, scores floats) with the text untouched: only the CSV file prefixes a text a spreadsheet would run as
    a formula (``=…``, ``-…``) with ``'``."""
    from policytag.inference.render_rows import flat_row, rows

    report = _report(tagged)
    for row in rows(report):
        yield flat_row(row, report.taxonomy)


def to_dataframe(tagged: Tagged):
    """:func:`to_rows` as a pandas DataFrame (one row a clause, the CSV's columns); pandas is optional."""
    try:
        import pandas as pd
    except ImportError:
        raise PolicytagError("to_dataframe needs pandas: pip install pandas (or use to_rows for plain dicts)") from None
    return pd.DataFrame.from_records(list(to_rows(tagged)))


# -- helpers -------------------------------------------------------------------------------------------
@contextmanager
def _api_hints(text: bool) -> Iterator[None]:
    """A ``PolicytagError`` of the readers as this API's caller needs it: their hint names the CLI's
    ``--skip-bad``, which is ``skip_bad=True`` here; a text that reads as no notice (one clause, say) names
    :func:`tag_texts`, the way to tag bare clause strings."""
    try:
        yield
    except PolicytagError as exc:
        message = str(exc).replace("--skip-bad", "skip_bad=True")
        if text and "no recognisable notice structure" in message:
            message += "; to tag bare clause strings use tag_texts([...])"
        raise PolicytagError(message) from None


def _notifier(on_warning: OnWarning | None) -> OnWarning:
    """``on_warning``, or a ``PolicytagWarning`` per message (shown at the line that called ``segment``)."""
    if on_warning is not None:
        return on_warning
    return lambda message: warnings.warn(message, PolicytagWarning, stacklevel=3)


def _check_options(threshold: float | None, batch_size: int) -> None:
    """The checks the CLI's ``--threshold`` and ``--batch-size`` make, as one-line errors."""
    if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, (int, float))
                                  or not 0.0 < float(threshold) < 1.0):
        raise PolicytagError(f"threshold must be between 0 and 1 (exclusive), got {threshold!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise PolicytagError(f"batch_size must be an integer of at least 1, got {batch_size!r}")


def _paths_or_text(source: Source) -> tuple[list[str], str | None]:
    """``(paths, None)`` for files or folders, ``([], text)`` for a notice's text. A ``str`` is a path when
    it names one that exists; one that does not but reads as a path (one line ending in a notice file suffix,
    or holding a ``/``) is a missing file (``PolicytagError`` naming it, with a near name when there is one):
    a mistyped file name is not tagged as the text of a notice."""
    from policytag.corpus.readers import SUPPORTED_SUFFIXES
    from policytag.inference.inputs import missing_message

    if isinstance(source, Segmented):
        raise PolicytagError("a Segmented result is tagged with tag(), not read again")
    if isinstance(source, PathLike):
        return [str(source)], None
    if isinstance(source, str):
        one_line = "\n" not in source and len(source) < 4096
        if one_line and source.strip() and Path(source).exists():
            return [source], None
        if one_line and (source.lower().endswith(tuple(SUPPORTED_SUFFIXES)) or "/" in source):
            raise PolicytagError(missing_message(source))
        if not source.strip():
            raise PolicytagError("no clauses to tag: the text is empty")
        return [], source
    if isinstance(source, (bytes, bytearray)):
        raise PolicytagError("pass a notice's text as str (decode the bytes), or its file's path")
    if isinstance(source, Iterable):
        paths = [str(p) for p in source]
        if not paths:
            raise PolicytagError("no notice files given")
        return paths, None
    raise PolicytagError(f"not a path, a list of paths or a notice's text: {type(source).__name__}")


def _model(model: Any, on_warning: OnWarning | None):
    """A loaded tagger as it is; a spec (None, ``"default"``, a run directory or name) loaded."""
    if model is None or isinstance(model, (str, PathLike)):
        return load_model(model, on_warning)
    if not hasattr(model, "predict_proba") or not hasattr(model, "taxonomy"):
        raise PolicytagError(f"model: not a tagger or a model spec: {type(model).__name__} (use load_model())")
    return model


def _tag(documents: Sequence[Document], clauses: Sequence[Clause], model: Any, threshold: float | None,
         batch_size: int, warned: tuple[str, ...], on_warning: OnWarning | None) -> Tagged:
    """``tag_clauses`` as ``policytag tag`` calls it (each notice's signing date: a work report's periods
    before it are not deadlines)."""
    from policytag.inference.tagging import tag_clauses

    tagger = _model(model, on_warning)
    tagged = tag_clauses(tagger, clauses, threshold, batch_size, dates={d.doc_id: d.date for d in documents})
    return Tagged(tuple(tagged), tuple(documents), tagger.model_version, tagger.taxonomy,
                  None if threshold is None else float(threshold), warned)


def _report(tagged: Tagged):
    """``tagged.report``, checked to be one (a list of TaggedClause has no documents to compare)."""
    if not isinstance(tagged, Tagged):
        raise PolicytagError(f"expected the result of tag() or tag_texts(), got {type(tagged).__name__}")
    return tagged.report
