"""Learners for the hybrid that see past the cue lists (issue 17, items 5 and 6).

* ``ContextTfidfTagger`` (``context_tfidf``): TF-IDF character n-grams + one LR per label, on the
  clause text with every cue word of the masked dimension(s) replaced by one placeholder
  character. The cue lists already feed the hybrid's meta-classifier as features; a learner that
  sees the cues too mostly re-learns them (on real text the TF-IDF sector probabilities added
  nothing to the cues). Masked, it has to learn the *context* a sector is written in — the
  equipment, places, hazards and agencies the cue list lacks (``输油``/``站场``/``第三方施工``
  around a pipeline, ``塔吊``/``基坑`` around a building site).
* ``LabelSimilarityTagger`` (``label_similarity``): no labelled data at all — the cosine
  similarity of the clause (``query: …``) to each label's codebook description and cue words
  (``passage: …``) under the e5 retrieval encoder, centred on the clause's mean similarity over
  the dimension's labels and squashed to (0, 1). The hybrid's meta-classifier learns how far to
  trust it, per label.

* ``WeightedTfidfTagger`` (``weighted_tfidf``): the TF-IDF learner with the clauses of a file
  (train-v2: other governments' genres) and/or longer clauses weighted more in its regressions;
  the default's measure-type learner (docs/training.md §8, third pass).

All are ordinary taggers (fit / predict_proba / save / load, plain-data state) so the hybrid
stacks them like the TF-IDF learner; ``dimensions`` in the learner spec says which dimension's
meta features use them.
"""

from __future__ import annotations

import json
from operator import itemgetter
from pathlib import Path
from typing import Sequence

import numpy as np

from policytag import PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS, Taxonomy
from policytag.text import INPUT_SEP

from typing import Annotated, Literal, Optional

from pydantic import Field

from .base import NotFittedError
from .embedding import DEFAULT_ENCODER, EmbeddingTagger
from .registry import OptionalPositiveInt, PositiveFloat, PositiveInt, Seed, register_tagger
from .tfidf import NgramRange, TfidfTagger, clause_inputs

#: what a masked cue becomes: one character that never occurs in the corpus, so n-grams across a
#: mask read "a cue was here" without saying which
MASK = "□"


class _CueMasker:
    """Replaces every cue word of some dimensions by ``MASK``, leftmost-longest and without
    overlaps: what ``re.sub`` of the alternation of the cues, longest first, replaces
    (``tests/test_speed.py`` compares the two). One Aho-Corasick pass finds every occurrence; the
    alternation tried hundreds of cues at every position (and rebuilding its cue set per call was
    most of the cost: 66 us a clause, measured)."""

    def __init__(self, cues: frozenset[str]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for cue in cues:
            self.automaton.add_word(cue, len(cue))
        if cues:
            self.automaton.make_automaton()
        self.empty = not cues

    def __call__(self, text: str, found: list[tuple[int, int]] | None = None) -> str:
        """``text`` masked; ``found``: every occurrence of the cues in ``text`` when the caller
        has them (``Knowledge.cue_spans``), else this automaton finds them."""
        if self.empty or not text:
            return text
        if found is None:
            found = [(end + 1 - n, end + 1) for end, n in self.automaton.iter(text)]
        if not found:
            return text
        # at each position the longest cue that starts there, then on after its end: ordered by
        # start, equal starts by end descending (two stable sorts on C-level keys, no Python key
        # function per occurrence)
        found.sort(key=itemgetter(1), reverse=True)
        found.sort(key=itemgetter(0))
        parts, pos = [], 0
        for start, end in found:
            if start >= pos:
                parts += (text[pos:start], MASK)
                pos = end
        parts.append(text[pos:])
        return "".join(parts)


_MASKERS: dict[tuple[int, tuple[str, ...]], tuple[Taxonomy, _CueMasker]] = {}


def _masker(taxonomy: Taxonomy, dims: Sequence[str]) -> _CueMasker:
    """The masker of ``dims``' cue words, built once per taxonomy object and dimensions."""
    key = (id(taxonomy), tuple(dims))
    cached = _MASKERS.get(key)
    if cached is None or cached[0] is not taxonomy:
        if len(_MASKERS) > 16:
            _MASKERS.clear()
        cues = frozenset(c for dim in dims for label in taxonomy[dim].labels for c in label.cues if c)
        cached = _MASKERS[key] = (taxonomy, _CueMasker(cues))
    return cached[1]


def mask_cues(text: str, taxonomy: Taxonomy, dims: Sequence[str]) -> str:
    """``text`` with every cue word of ``dims`` replaced by ``MASK`` (one per occurrence; where
    cues overlap, the leftmost, then the longest, as a regular expression alternation would)."""
    return _masker(taxonomy, dims)(text)


GateMode = Literal["label", "dimension", "none"]


def gate_on_hits(proba: dict[str, np.ndarray], clauses: Sequence[Clause], taxonomy: Taxonomy,
                 dims: Sequence[str], mode: str = "label") -> dict[str, np.ndarray]:
    """``proba`` with 0.5 (logit 0: no opinion) wherever the codebook's cues/rules speak, for the
    dimensions ``dims``: ``mode="label"``: where a cue or rule of that label fires in the clause
    text; ``"dimension"``: where a cue or rule of any specific label of the dimension fires (the
    learner then speaks only on clauses the cue lists are silent about); ``"none"``: never.

    Why: where the codebook's cues fire, the hybrid's meta-classifier already has the strongest
    evidence there is, and a learner that cannot see the cue (masked) or reads the clause as a
    whole (similarity) only adds noise to it — measured on the temporal test, ungated context
    probabilities dropped a correctly cued 煤矿/矿山 clause's label. Gated, the learner speaks only
    where the cue lists are silent, which is what it is for: the meta-classifier learns its weight
    from those clauses.
    """
    if mode == "none" or not dims:
        return proba
    return _gated(proba, {dim: gated_cells(clauses, taxonomy, dim, mode) for dim in dims})


def _gated(proba: dict[str, np.ndarray], cells: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``proba`` with 0.5 in the ``cells`` (``{dim: gated_cells}``) of their dimensions."""
    out = dict(proba)
    for dim, gated in cells.items():
        out[dim] = np.where(gated, 0.5, proba[dim])
    return out


def gated_cells(clauses: Sequence[Clause], taxonomy: Taxonomy, dim: str, mode: str) -> np.ndarray:
    """``[n, n_labels]``: where ``gate_on_hits`` puts 0.5 for ``dim`` (``mode`` ``label`` or
    ``dimension``)."""
    from policytag.knowledge import FEATURES, load_knowledge

    # read only: the batch's kept features, not a copy
    feats = load_knowledge(taxonomy).batch_features(list(clauses))
    fired = [FEATURES.index("cue_text"), FEATURES.index("rule_text")]
    hit = feats[dim][:, :, fired].max(axis=2) > 0
    if mode == "dimension":
        exclusive = [taxonomy[dim].index(x) for x in taxonomy[dim].exclusive]
        specific = np.delete(hit, exclusive, axis=1) if exclusive else hit
        hit = np.repeat(specific.any(axis=1, keepdims=True), hit.shape[1], axis=1)
    return hit


def read_labelled_clauses(path: str) -> tuple[list[Clause], list]:
    """Clauses + labels of a JSONL clause file (``text``, ``sector``, ``measure_type``, optional
    ``heading_path``; the training-clause format). ``policytag:`` names package data."""
    from policytag.io import read_jsonl
    from policytag.paths import resolve_data_path
    from policytag.records import Labels

    where = resolve_data_path(path)
    if not where.is_file():
        raise PolicytagError(f"{path}: training clause file not found")
    clauses, labels = [], []
    for row in read_jsonl(where):
        clauses.append(Clause.from_row(row))
        labels.append(Labels(tuple(row["sector"]), tuple(row["measure_type"])))
    return clauses, labels


def in_clause_file(clauses: Sequence[Clause], path: str) -> np.ndarray:
    """Which of ``clauses`` are clauses of the training-clause file ``path`` (by clause id): the
    rows a per-file option (sample weights, rows left out of tuning) applies to."""
    ids = {c.clause_id for c in read_labelled_clauses(path)[0]}
    return np.array([c.clause_id in ids for c in clauses], dtype=bool)


@register_tagger("context_tfidf.v1", aliases=("context_tfidf",))
class ContextTfidfTagger(TfidfTagger):
    """TF-IDF + LR on the clause with the cue words of ``mask_dimensions`` masked (see module doc).

    ``use_heading`` defaults to False: a sector named in a heading is context, not the clause's
    label (codebook rule 13), and the corpus' sector headings would teach the model the corpus'
    layout rather than the clause's wording.
    """

    def __init__(self, ngram_range: NgramRange = (1, 3), min_df: PositiveInt = 2,
                 max_features: OptionalPositiveInt = 200_000, C: PositiveFloat = 4.0, use_heading: bool = False,
                 mask_dimensions: list[Literal["sector", "measure_type"]] = ("sector",),
                 gate: GateMode = "label", extra_train: Optional[str] = None, use_title: bool = False,
                 random_state: Seed = 0, taxonomy=None):
        super().__init__(ngram_range=ngram_range, min_df=min_df, max_features=max_features, C=C,
                         use_heading=use_heading, random_state=random_state, taxonomy=taxonomy)
        self.mask_dimensions = mask_dimensions
        self.gate = gate  # no opinion where a cue/rule of the label fires (gate_on_hits)
        self.extra_train = extra_train
        # the document title (masked like the text) before the clause: the document a clause
        # belongs to is context too (an annual notice's clause vs a pipeline plan's)
        self.use_title = use_title

    def _fit(self, clauses, y, dev) -> None:
        """With ``extra_train`` (a labelled clause file, e.g. ``policytag:data/train-v2.jsonl``)
        the learner also learns from those clauses, while the hybrid's meta-classifier, thresholds
        and calibration stay fitted on the clauses the hybrid was given: the extra clauses teach
        wording, not how much to trust it (their labelling conventions and genres differ)."""
        if self.extra_train:
            from policytag.labels import label_matrix

            extra_clauses, extra_labels = read_labelled_clauses(self.extra_train)
            extra_y = label_matrix(extra_labels, self.taxonomy)
            clauses = list(clauses) + extra_clauses
            y = {dim: np.vstack([y[dim], extra_y[dim]]) for dim in y}
        super()._fit(clauses, y, dev)

    def predict_proba(self, clauses: Sequence[Clause], dimensions: Sequence[str] = DIMENSIONS) -> dict[str, np.ndarray]:
        clauses = list(clauses)
        if not clauses or self.gate == "none":
            return super().predict_proba(clauses, dimensions)
        # the batch's cue/rule matching (the gate needs it anyway) before the masking, which
        # then reuses its cue occurrences (``_texts``)
        from policytag.knowledge import load_knowledge

        load_knowledge(self.taxonomy).clause_hits(clauses)
        self._check_fitted(["vectorizer_", "coef_"])
        X = self.transform(clauses)
        # the gated cells of each masked dimension, found once for the rows to compute and the gate
        # (gate_on_hits finds the same cells again)
        cells = {dim: gated_cells(clauses, self.taxonomy, dim, self.gate)
                 for dim in self.mask_dimensions if dim in dimensions}
        proba = {}
        for dim in dimensions:
            rows = None
            if dim in cells:
                # a row the gate replaces entirely (every label 0.5: in the shipped default's
                # "dimension" mode, the ~80 % of clauses naming a specific sector) is not
                # computed; its product with the coefficients was thrown away
                rows = np.flatnonzero(~cells[dim].all(axis=1))
            proba[dim] = self._dimension_proba(X, dim, rows)
        return _gated(proba, cells)

    def _texts(self, clauses: Sequence[Clause]) -> list[str]:
        mask = _masker(self.taxonomy, self.mask_dimensions)
        texts = clause_inputs(clauses, self.use_heading)
        if self.use_title:
            from .title import document_title

            titles = [document_title(c) for c in clauses]
            texts = [(t[0] + INPUT_SEP + x) if t else x for t, x in zip(titles, texts)]
        # the cue occurrences of the texts the batch's matching pass read (clause texts without
        # a remark, when nothing is put before them) are at hand: no second automaton pass
        from policytag.knowledge import load_knowledge

        knowledge = load_knowledge(self.taxonomy)
        dims = self.mask_dimensions
        return [mask(x, knowledge.cue_spans(x, dims)) for x in texts]


@register_tagger("weighted_tfidf.v1", aliases=("weighted_tfidf",))
class WeightedTfidfTagger(TfidfTagger):
    """The TF-IDF learner with training clauses weighted in its regressions (the saved state and
    prediction are the TF-IDF learner's: the weights only change the fit).

    * ``weight_file`` / ``file_weight``: the clauses of a labelled clause file (by ``clause_id``,
      e.g. ``policytag:data/train-v2.jsonl``: other governments' genres) weigh ``file_weight``
      times as much as the others;
    * ``length_power``: every clause weighs ``(characters / median characters) ** length_power``
      (clipped to [1/4, 4]): real clauses are longer than most training clauses.
    """

    def __init__(self, ngram_range: NgramRange = (1, 3), min_df: PositiveInt = 2,
                 max_features: OptionalPositiveInt = 200_000, C: PositiveFloat = 4.0, use_heading: bool = True,
                 weight_file: Optional[str] = None, file_weight: PositiveFloat = 1.0,
                 length_power: Annotated[float, Field(ge=0, le=2)] = 0.0,
                 random_state: Seed = 0, taxonomy=None):
        super().__init__(ngram_range=ngram_range, min_df=min_df, max_features=max_features, C=C,
                         use_heading=use_heading, random_state=random_state, taxonomy=taxonomy)
        self.weight_file = weight_file
        self.file_weight = file_weight
        self.length_power = length_power

    def sample_weights(self, clauses: Sequence[Clause]) -> np.ndarray:
        w = np.ones(len(clauses), dtype=np.float64)
        if self.weight_file and self.file_weight != 1.0:
            w[in_clause_file(clauses, self.weight_file)] *= self.file_weight
        if self.length_power:
            n = np.array([max(len(c.text), 1) for c in clauses], dtype=np.float64)
            w *= np.clip((n / np.median(n)) ** self.length_power, 0.25, 4.0)
        return w

    def _fit_lr(self, clauses, y, sample_weight=None) -> None:
        w = self.sample_weights(clauses) if sample_weight is None else sample_weight
        super()._fit_lr(clauses, y, sample_weight=None if np.all(w == 1.0) else w)


@register_tagger("label_similarity.v1", aliases=("label_similarity",))
class LabelSimilarityTagger(EmbeddingTagger):
    """e5 similarity of the clause to each label's description + cues (no labels needed).

    ``proba[dim][i, j] = sigmoid(scale * (cos(q_i, d_j) - mean_j' cos(q_i, d_j')))`` with
    ``q_i`` the ``query:`` embedding of the clause and ``d_j`` the ``passage:`` embedding of label
    ``j``'s Chinese name, ``description_zh`` and cue words. ``fit`` only embeds the label
    descriptions (the labels of the training clauses are not used); the hybrid's meta-classifier
    learns per label how much the similarity says.
    """

    def __init__(self, model_name_or_path: str = DEFAULT_ENCODER, max_length: Annotated[int, Field(ge=8, le=4096)] = 128,
                 batch_size: PositiveInt = 32, scale: PositiveFloat = 50.0, use_cues: bool = True,
                 gate: GateMode = "label", use_heading: bool = False, cache_size: PositiveInt = 20_000, random_state: Seed = 0,
                 taxonomy=None):
        super().__init__(model_name_or_path=model_name_or_path, max_length=max_length, batch_size=batch_size,
                         C=1.0, use_heading=use_heading, cache_size=cache_size, random_state=random_state,
                         taxonomy=taxonomy)
        self.scale = scale
        self.use_cues = use_cues
        self.gate = gate  # no opinion where a cue/rule of the label fires (gate_on_hits)

    prefix = "query: "

    def label_passages(self, dim: str) -> list[str]:
        """The text each label of ``dim`` is represented by (name, description, cues)."""
        out = []
        for label in self.taxonomy[dim].labels:
            parts = [label.name, label.description_zh]
            if self.use_cues and label.cues:
                parts.append("、".join(label.cues))
            out.append("：".join(p for p in parts if p))
        return out

    def _fit(self, clauses, y, dev) -> None:
        self.label_emb_ = {dim: self.embed_texts(self.label_passages(dim), prefix="passage: ") for dim in DIMENSIONS}

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        if not hasattr(self, "label_emb_"):
            raise NotFittedError("LabelSimilarityTagger is not fitted yet: call fit() or load a run")
        clauses = list(clauses)
        if not clauses:
            return {dim: np.zeros((0, len(self.taxonomy[dim].ids))) for dim in DIMENSIONS}
        q = self.embed(clauses).astype(np.float64)
        out = {}
        for dim in DIMENSIONS:
            sim = q @ self.label_emb_[dim].astype(np.float64).T
            out[dim] = 1.0 / (1.0 + np.exp(-self.scale * (sim - sim.mean(axis=1, keepdims=True))))
        return gate_on_hits(out, clauses, self.taxonomy, DIMENSIONS, self.gate)

    def explain(self, clauses, labels=None):
        from .evidence import lexical_evidence, merge_evidence

        labels = labels if labels is not None else self.predict(clauses)
        return merge_evidence([lexical_evidence(self, clauses, labels)])

    def _save_state(self, directory: Path) -> None:
        (directory / "label_similarity.json").write_text(json.dumps({"format": "policytag-label-similarity/1"}),
                                                         encoding="utf-8")
        for dim in DIMENSIONS:
            np.save(directory / f"label_emb_{dim}.npy", self.label_emb_[dim], allow_pickle=False)

    def _load_state(self, directory: Path) -> None:
        f = directory / "label_similarity.json"
        if not f.exists():
            raise PolicytagError(f"{f}: missing; the run directory is incomplete, retrain it with `policytag train`")
        self.label_emb_ = {}
        for dim in DIMENSIONS:
            emb = np.load(directory / f"label_emb_{dim}.npy", allow_pickle=False)
            if emb.shape[0] != len(self.taxonomy[dim].ids):
                raise PolicytagError(f"{directory}: label_emb_{dim}.npy has {emb.shape[0]} rows, the taxonomy "
                                     f"{len(self.taxonomy[dim].ids)} labels; retrain it with `policytag train`")
            self.label_emb_[dim] = emb
