"""Clauses -> tagged clauses: one model call per batch, taxonomy-ordered scores, extracted fields.

The model is resolved once by the caller (``policytag.app.resolve_model``) and every clause goes through ``predict_proba`` in
batches, so a run costs one load plus ``n / batch_size`` forward passes whatever the input size.
"""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import Any, Iterator, Mapping, Sequence

import numpy as np

from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .extract import Deadline, Target, extract_fields

DEFAULT_BATCH_SIZE = 128
SCORE_DECIMALS = 4
EXTRACT_PROGRESS_CHARS = 1_000_000  # inputs longer than this show an extraction progress bar


@dataclass(frozen=True)
class TaggedClause:
    """One clause with its labels (best first), a score for every label and the extracted fields.

    ``scores``: ``{"sector": {label_id: p}, "measure_type": {label_id: p}}`` in taxonomy order.
    """

    clause: Clause
    labels: Labels
    #: a :class:`Scores` view when made by ``tag_clauses`` (reads like the dict; ``plain_scores`` gives the dict)
    scores: Mapping[str, Mapping[str, float]]
    deadlines: tuple[Deadline, ...]
    targets: tuple[Target, ...]
    #: ``{dim: {label_id: (Evidence, ...)}}`` for every output label (``models.evidence``)
    evidence: dict[str, dict[str, tuple]] | None = None

    @property
    def has_commitments(self) -> bool:
        """Does the clause carry a deadline or a quantitative target?"""
        return bool(self.deadlines or self.targets)

    def to_dict(self, date: str | None = None) -> dict[str, Any]:
        """The JSONL row (``policytag tag --format jsonl``); ``date``: the notice's signing date (ISO,
        ``Document.date``; a clause record holds its notice's year, not its date), null when unknown."""
        c = self.clause
        return {
            "doc_id": c.doc_id,
            "clause_id": c.clause_id,
            "year": c.year,
            "date": date,
            # who wrote it and what kind of document (corpus/metadata.py); null for a bare clause file
            "title": c.title, "issuer": c.issuer, "region": c.region, "level": c.level, "genre": c.genre,
            "heading_path": list(c.heading_path),
            "text": c.text,
            "sector": list(self.labels.sector),
            "measure_type": list(self.labels.measure_type),
            "scores": plain_scores(self.scores),
            "agencies": list(c.agencies),
            # each of them with its role, where the reader knew it: [{"name": "县应急局", "role": "lead"}, …]
            "agency_roles": [r.to_dict() for r in c.agency_roles],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "targets": [t.to_dict() for t in self.targets],
            "evidence": {dim: {lid: [e.to_dict() for e in evs] for lid, evs in per.items()}
                         for dim, per in (self.evidence or {}).items()},
        }


def threshold_arrays(value: float | None, taxonomy: Taxonomy) -> dict[str, np.ndarray] | None:
    """One override threshold for every label of both dimensions (None keeps the tuned ones)."""
    if value is None:
        return None
    return {dim: np.full(len(taxonomy[dim].ids), float(value)) for dim in DIMENSIONS}


def predict_proba_batched(tagger, clauses: Sequence[Clause], batch_size: int = DEFAULT_BATCH_SIZE,
                          progress: bool = True) -> dict[str, np.ndarray]:
    """``{dim: array [n, n_labels(dim)]}`` computed ``batch_size`` clauses at a time (a tqdm bar on
    stderr when there is more than one batch and stderr is a terminal)."""
    from tqdm import tqdm

    taxonomy = tagger.taxonomy
    parts: dict[str, list[np.ndarray]] = {dim: [] for dim in DIMENSIONS}
    n = len(clauses)
    with tqdm(total=n, unit="clause", desc="tagging", file=sys.stderr, leave=False,
              disable=None if progress and n > batch_size else True) as bar:
        for start in range(0, n, batch_size):
            batch = clauses[start:start + batch_size]
            proba = tagger.predict_proba(batch)
            for dim in DIMENSIONS:
                parts[dim].append(np.asarray(proba[dim], dtype=np.float64).reshape(len(batch), len(taxonomy[dim].ids)))
            bar.update(len(batch))
    return {dim: np.concatenate(parts[dim]) if parts[dim] else np.zeros((0, len(taxonomy[dim].ids)))
            for dim in DIMENSIONS}


def tag_clauses(tagger, clauses: Sequence[Clause], threshold: float | None = None,
                batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True,
                evidence: bool = True, dates: Mapping[str, str | None] | None = None) -> list[TaggedClause]:
    """Tag every clause: labels above the tuned (or overriding) threshold, best first, obeying the
    taxonomy rules (``Tagger.decode``); scores for every label; deadlines and targets.
    ``evidence=False`` leaves ``TaggedClause.evidence`` None: for outputs that carry none (the
    streaming Parquet rows), where it would be computed only to be dropped.
    ``dates``: each notice's ISO signing date by ``doc_id`` (``Document.date``: a clause record
    carries its notice's year, not its date). A deadline due before its notice's date is a period
    the notice reports on, not a time limit, and is left out (``extract.extract_fields(dates=)``);
    without it (None, or a notice it lacks or has no date for) none is known.

    Batch by batch, every step at once: probabilities, decoding, evidence, extraction. So the
    work a batch's probabilities did (cue/rule hits, the TF-IDF matrix) is still at hand for its
    evidence, and memory is one batch of intermediate results.
    """
    from tqdm import tqdm

    clauses = list(clauses)
    if not clauses:
        return []
    thresholds = threshold_arrays(threshold, tagger.taxonomy)
    out: list[TaggedClause] = []
    n = len(clauses)
    # a bar in clauses when there is more than one batch, or the input is long enough (multi-MB
    # clauses) for extraction alone to take seconds
    show = progress and (n > batch_size or sum(len(c.text) for c in clauses) > EXTRACT_PROGRESS_CHARS)
    with tqdm(total=n, unit="clause", desc="tagging", file=sys.stderr, leave=False,
              disable=None if show else True) as bar, _cyclic_gc_paused():
        for start in range(0, n, batch_size):
            batch = clauses[start:start + batch_size]
            out += _tag_batch(tagger, batch, thresholds, evidence, dates)
            bar.update(len(batch))
    return out


@contextmanager
def _cyclic_gc_paused():
    """Python's cyclic garbage collector off for the duration (on again after, if it was on).

    Tagging allocates ~30 container objects a clause (evidence, score dicts) and keeps them in the
    output, so the collector ran every few clauses and traversed the growing output each time:
    12 % of the full path's time (310 -> 272 us a clause, measured at load 6). Tagging makes no
    reference cycles worth collecting meanwhile; plain reference counting still frees everything
    else at once, and whatever cycles there are get collected after.

    On the way out, what was allocated meanwhile (the output: ~50 tracked objects a clause) is
    moved to the oldest generation at once (``gc.freeze`` then ``gc.unfreeze``, two list splices)
    instead of being traversed by the youngest generation's collection that the first allocation
    after ``gc.enable`` would start: that one pass over the whole output was 3-5 % of the full
    path's time. Objects that live on are what the oldest generation is for (its full collections
    still examine them, and collect any cycle among them); only their young-generation passes
    are skipped. Not done when something is frozen already (an application's own ``gc.freeze``,
    e.g. before forking workers, is left as it is).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def round_scores(p: np.ndarray, decimals: int = SCORE_DECIMALS) -> list[list[float]]:
    """``[[round(float(x), decimals) for x in row] for row in p]``, vectorised (``rounded_array``)."""
    return rounded_array(p, decimals).tolist()


def rounded_array(p: np.ndarray, decimals: int = SCORE_DECIMALS) -> np.ndarray:
    """``p`` (2-D) with every value as Python's ``round(float(x), decimals)`` gives it, as a float64 array.

    ``np.round`` scales, rounds and divides; the division gives the same double as Python's
    ``round`` whenever both pick the same last digit, which they do unless the scaled value is
    within rounding error of a tie (x.5): those few are rounded by Python itself. A float64 holds
    each such double exactly, so ``.tolist()`` gives the same floats as rounding one by one.
    """
    p = np.asarray(p, dtype=np.float64)
    scaled = p * 10.0 ** decimals
    out = np.round(p, decimals)
    near_tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    if near_tie.any():
        for i, j in zip(*np.nonzero(near_tie)):
            out[i, j] = round(float(p[i, j]), decimals)
    return out


class ScoreTable:
    """One batch's rounded scores: per dimension the label ids (taxonomy order) and a float64 array
    ``[clauses, labels]``. Its clauses' :class:`Scores` read their rows from it: 8 bytes a score where a
    dict of Python floats per clause took ~1.6 KB a clause (30 floats, two dicts and one around them),
    for every clause a report holds until it is written."""

    __slots__ = ("ids", "values")

    def __init__(self, ids: dict[str, tuple[str, ...]], values: dict[str, np.ndarray]) -> None:
        self.ids, self.values = ids, values


class Scores(Mapping[str, Mapping[str, float]]):
    """One clause's scores, ``{dim: {label_id: p}}`` in taxonomy order, read from its batch's
    :class:`ScoreTable` when asked (each ``scores[dim]`` is a new dict of the same floats the
    rounding gives). Compares equal to the plain dict; ``to_dict`` gives that dict."""

    __slots__ = ("_table", "_row")

    def __init__(self, table: ScoreTable, row: int) -> None:
        self._table, self._row = table, row

    def __getitem__(self, dim: str) -> dict[str, float]:
        table = self._table
        return dict(zip(table.ids[dim], table.values[dim][self._row].tolist()))

    def __iter__(self) -> Iterator[str]:
        return iter(self._table.ids)

    def __len__(self) -> int:
        return len(self._table.ids)

    def to_dict(self) -> dict[str, dict[str, float]]:
        return {dim: self[dim] for dim in self._table.ids}

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def __reduce__(self):
        # pickled (a worker process, a Ray actor) as the plain dict: not the whole batch's table
        return (dict, (self.to_dict(),))


def plain_scores(scores: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """``scores`` as the plain dict a row holds (a :class:`Scores` view read out; a dict as it is)."""
    return scores.to_dict() if isinstance(scores, Scores) else scores


def _tag_batch(tagger, batch: list[Clause], thresholds, with_evidence: bool = True,
               dates: Mapping[str, str | None] | None = None) -> list[TaggedClause]:
    taxonomy = tagger.taxonomy
    raw = tagger.predict_proba(batch)
    proba = {dim: np.asarray(raw[dim], dtype=np.float64).reshape(len(batch), len(taxonomy[dim].ids))
             for dim in DIMENSIONS}
    labels = tagger.decode(proba, thresholds)
    evidence = clause_evidence(tagger, batch, labels, proba, len(batch)) if with_evidence else [None] * len(batch)
    scores = _score_dicts(taxonomy, proba)
    fields = extract_fields([c.text for c in batch], [c.year for c in batch],
                            [dates.get(c.doc_id) for c in batch] if dates else None)
    out = []
    new = _new
    for i, (clause, label) in enumerate(zip(batch, labels)):
        deadlines, targets = fields[i]
        # TaggedClause(clause, label, scores, deadlines, targets, evidence) without the frozen
        # dataclass's __init__ (a call of object.__setattr__ per field): the same object
        # (tests/test_speed.py)
        tagged = new(TaggedClause)
        d = tagged.__dict__
        d["clause"], d["labels"], d["scores"] = clause, label, scores[i]
        d["deadlines"], d["targets"], d["evidence"] = tuple(deadlines), tuple(targets), evidence[i]
        out.append(tagged)
    return out


_new = object.__new__


def _score_dicts(taxonomy: Taxonomy, proba: dict[str, np.ndarray]) -> list[Scores]:
    """Per row, ``{dim: {label_id: rounded p}}`` in taxonomy order, as a :class:`Scores` view of one
    :class:`ScoreTable` for the batch (the rounded floats are made when a row is written, not held)."""
    table = ScoreTable({dim: tuple(taxonomy[dim].ids) for dim in DIMENSIONS},
                       {dim: rounded_array(proba[dim]) for dim in DIMENSIONS})
    return [Scores(table, i) for i in range(len(proba[DIMENSIONS[0]]))]


def clause_evidence(tagger, clauses: Sequence[Clause], labels: Sequence[Labels], proba: dict[str, np.ndarray],
                    batch_size: int = DEFAULT_BATCH_SIZE) -> list[dict[str, dict[str, tuple]]]:
    """Per clause ``{dim: {label_id: (Evidence, ...)}}`` for every output label.

    Evidence comes from ``models.evidence.evidence_for`` (cue/rule hits with spans, TF-IDF
    n-grams, occlusion). A label output with no lexical evidence at all (typically
    ``cross_sector`` when the clause names no sector, or the best-scoring label the decoder
    must output) gets one ``kind="score"`` entry: the model's probability, no span.
    """
    from policytag.models.evidence import evidence_parts, make_evidence

    taxonomy = tagger.taxonomy
    index = {dim: {lid: j for j, lid in enumerate(taxonomy[dim].ids)} for dim in DIMENSIONS}
    # the key evidence is grouped by: its label id alone where no id names labels of two
    # dimensions (the taxonomies here), else (dimension, label)
    by_label = len({lid for dim in DIMENSIONS for lid in taxonomy[dim].ids}) == sum(len(taxonomy[dim].ids) for dim in DIMENSIONS)
    group_key = _LABEL if by_label else _DIMENSION_LABEL
    out = []
    for start in range(0, len(clauses), batch_size):
        batch_labels = labels[start:start + batch_size]
        parts = evidence_parts(tagger, clauses[start:start + batch_size], batch_labels)
        for k, label in enumerate(batch_labels):
            i = start + k
            # the sources merged (exact duplicates dropped, as merge_evidence) and grouped by label
            # in one pass: a duplicate has the same (dimension, label), so grouping first and
            # dropping duplicates within a group of several keeps what merge_evidence keeps, in its
            # order. A source lists a label's evidence in runs (the n-gram phrases of a label one
            # after another), so it is grouped run by run (``groupby``, in C), not item by item
            mine: dict = {}
            for part in parts:
                row = part[k]
                if not row:
                    continue
                for key, run in groupby(row, group_key):
                    got = mine.get(key)
                    if got is None:
                        mine[key] = list(run)
                    else:
                        got.extend(run)
            per: dict[str, dict[str, tuple]] = {}
            for dim in DIMENSIONS:
                per[dim] = mine_dim = {}
                for lid in getattr(label, dim):
                    got = mine.get(lid if by_label else (dim, lid))
                    if got:
                        mine_dim[lid] = (got[0],) if len(got) == 1 else _unique(got)
                    else:
                        p = float(proba[dim][i, index[dim][lid]])
                        mine_dim[lid] = (make_evidence(lid, dim, "score", "", (0, 0), round(p, SCORE_DECIMALS)),)
            out.append(per)
    return out


_LABEL = attrgetter("label")
_DIMENSION_LABEL = attrgetter("dimension", "label")
_SPAN = attrgetter("span")


def _unique(evidence: list) -> tuple:
    """``evidence`` (of one label) without exact duplicates (``merge_evidence``'s key), first kept."""
    if len(evidence) == 2:  # (the most common group) two spans compared, no set
        if evidence[0].span != evidence[1].span:
            return tuple(evidence)
    elif len(set(map(_SPAN, evidence))) == len(evidence):  # no two share a span: no two share the key
        return tuple(evidence)
    seen = set()
    out = []
    for e in evidence:
        key = (e.kind, e.span, e.source)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return tuple(out)
