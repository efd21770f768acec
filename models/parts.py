"""A TF-IDF learner that also reads a long clause part by part (issue 17, measure-type recall).

Why: the codebook gives a clause every measure type it prescribes (a clause that sets up a duty
system, funds it and checks it is responsibility + support_capacity + enforcement), but one
logistic regression over the whole clause's n-grams sees each instrument diluted by the others:
on real text, whose clauses are longer than the training clauses (median 128 vs 53 characters)
and carry more labels (1.87 vs 1.57), most measure-type misses had a LOW learner probability and
no cue hit. Here the learner's probability of a label is the whole clause's, combined with the
probabilities of its parts — the sentences, semicolon-separated items and numbered sub-items the
clause is written in — so an instrument written in one part of a long clause is scored on the
part's own wording, at about the length the learner was trained on.

``PartsTfidfTagger`` (``parts_tfidf``) is the TF-IDF learner (same fit, same saved state) with a
different ``predict_proba``: clauses of at least ``min_chars`` characters that split into two or
more parts get ``combine(p_whole, p_part_1, ..., p_part_k)`` per label, every other clause its
whole-clause probability unchanged. Parts are scored with the fitted vectorizer and coefficients
in one batch (one extra TF-IDF pass over the long clauses' characters, nothing over short ones).
Because the hybrid fits its meta-classifier on the learner's out-of-fold probabilities, it learns
how far to trust the combined score.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Literal, Sequence

import numpy as np
from pydantic import Field

from policytag import PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import Tagger
from .features import clause_input
from .registry import OptionalPositiveInt, PositiveFloat, PositiveInt, Seed, register_tagger
from .tfidf import NgramRange, TfidfTagger, _expit, char_tfidf

#: a part ends after a sentence or item end mark (full-width and ASCII: some pages convert them)
_END = "。；;！？!?"
#: a numbered sub-item starts a part: （一）/(一)/（1）/(1), ①…⑳, ⑴…⒇, and `1.`/`1、`/`1．` when
#: not part of a decimal number or a `1.1` section number (no digit or dot before, no digit after)
_ITEM = (r"[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]"
         r"|[\u2460-\u2473\u2474-\u2487]"
         r"|(?<![\d.．])\d{1,2}[、.．](?!\d)")
_SPLIT = re.compile(rf"(?<=[{_END}])|(?=(?:{_ITEM}))")


def split_parts(text: str, min_part_chars: int = 6, max_parts: int = 12) -> list[str]:
    """The parts of a clause text: split after 。；;！？!? and before numbered sub-items.

    Parts shorter than ``min_part_chars`` characters (a bare ``（一）``, a trailing ``。``) are
    joined to the part after them (the last one to the part before), so no part is a fragment
    that carries no instrument. At most ``max_parts`` parts: the rest is joined into the last one
    (bounds the scoring cost of a very long clause). Joining the parts gives ``text`` back
    (white space at the ends of parts aside).
    """
    raw = [p for p in _SPLIT.split(text) if p and p.strip()]
    parts: list[str] = []
    carry = ""
    for piece in raw:
        piece = carry + piece
        if len(piece.strip()) < min_part_chars:
            carry = piece
            continue
        carry = ""
        parts.append(piece)
    if carry:
        if parts:
            parts[-1] += carry
        else:
            parts.append(carry)
    if len(parts) > max_parts:
        parts = parts[:max_parts - 1] + ["".join(parts[max_parts - 1:])]
    return [p.strip() for p in parts]


Combine = Literal["none", "max", "noisy_or", "mean_max"]


def combine_parts(whole: np.ndarray, part_proba: np.ndarray, owner: np.ndarray, how: str) -> np.ndarray:
    """Per clause and label, the whole clause's probability combined with its parts'.

    ``whole``: [n, k] probabilities of the clauses; ``part_proba``: [m, k] of the parts;
    ``owner``: [m] the clause index of each part (clauses with no row here keep ``whole``).

    * ``max``: the larger of the whole's and the best part's probability (a label any part
      states clearly is the clause's label: codebook, every instrument prescribed);
    * ``noisy_or``: ``1 - prod(1 - p_part)`` over the parts, then the larger of that and the
      whole's (several parts each half-stating an instrument add up);
    * ``mean_max``: the mean of the whole's and the best part's probability (a softer max that
      keeps some of the whole clause's view);
    * ``none``: the whole clause's probability (parts not read; with ``compose`` alone).
    """
    out = np.array(whole, dtype=np.float64, copy=True)
    if len(owner) == 0 or how == "none":
        return out
    best = np.zeros_like(out)
    has = np.zeros(len(out), dtype=bool)
    has[owner] = True
    if how == "noisy_or":
        log_miss = np.zeros_like(out)
        np.add.at(log_miss, owner, np.log1p(-np.clip(part_proba, 0.0, 1.0 - 1e-12)))
        best = 1.0 - np.exp(log_miss)
        out[has] = np.maximum(out[has], best[has])
        return out
    np.maximum.at(best, owner, part_proba)
    if how == "max":
        out[has] = np.maximum(out[has], best[has])
    elif how == "mean_max":
        out[has] = 0.5 * (out[has] + best[has])
    else:
        raise ValueError(f"combine must be max, noisy_or or mean_max, got {how!r}")
    return out


@register_tagger("parts_tfidf.v1", aliases=("parts_tfidf",))
class PartsTfidfTagger(TfidfTagger):
    """TF-IDF + LR per label; a clause of ``min_chars`` or more characters is also scored part by
    part and the probabilities combined (``combine``; see the module doc). Fitting and the saved
    state are the TF-IDF learner's (the options only change how a fitted learner reads a clause)."""

    # predict_proba below computes every dimension (no ``dimensions`` argument): the hybrid must not
    # ask it for fewer, as it does the plain TF-IDF learner (hybrid-long failed to train on main)
    proba_by_dimension = False

    def __init__(self, ngram_range: NgramRange = (1, 3), min_df: PositiveInt = 2,
                 max_features: OptionalPositiveInt = 200_000, C: PositiveFloat = 4.0, use_heading: bool = True,
                 combine: Combine = "max", min_chars: PositiveInt = 60, min_part_chars: PositiveInt = 6,
                 max_parts: PositiveInt = 12, compose: Annotated[float, Field(ge=0, le=3)] = 0.0,
                 compose_max: Annotated[int, Field(ge=2, le=6)] = 3, random_state: Seed = 0, taxonomy=None):
        super().__init__(ngram_range=ngram_range, min_df=min_df, max_features=max_features, C=C,
                         use_heading=use_heading, random_state=random_state, taxonomy=taxonomy)
        self.combine = combine
        self.min_chars = min_chars
        self.min_part_chars = min_part_chars
        self.max_parts = max_parts
        self.compose = compose
        self.compose_max = compose_max

    def _fit(self, clauses, y, dev) -> None:
        """With ``compose`` > 0 the regressions also learn from long clauses made of consecutive
        training clauses of one document (``compose`` of them per training clause, 2 to
        ``compose_max`` clauses each) labelled with the union of their labels — the codebook's
        label of a clause that prescribes all of their measures. The learner then sees, in
        training, the diluted long clauses it meets on real text (the hybrid's meta-classifier
        still learns from the real training clauses only)."""
        if self.compose > 0:
            extra, extra_y = compose_clauses(list(clauses), y, self.compose, self.compose_max, self.random_state)
            if extra:
                clauses = list(clauses) + extra
                y = {dim: np.vstack([y[dim], extra_y[dim]]) for dim in y}
        super()._fit(clauses, y, dev)

    def clause_parts(self, clauses: Sequence[Clause]) -> tuple[list[str], np.ndarray]:
        """The inputs of the parts of every long clause and each part's clause index (a part is
        read as its clause is: behind the heading path when ``use_heading``)."""
        texts: list[str] = []
        owner: list[int] = []
        for i, c in enumerate(clauses):
            if len(c.text) < self.min_chars:
                continue
            parts = split_parts(c.text, self.min_part_chars, self.max_parts)
            if len(parts) < 2:
                continue
            for p in parts:
                texts.append(clause_input(_with_text(c, p), True) if self.use_heading else p)
                owner.append(i)
        return texts, np.asarray(owner, dtype=np.int64)

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        clauses = list(clauses)
        whole = super().predict_proba(clauses)
        if self.combine == "none":
            return whole
        texts, owner = self.clause_parts(clauses)
        if not texts:
            return whole
        # the parts' matrix is not memoised: evidence reads the whole clauses' matrix
        X = char_tfidf(self.vectorizer_, texts)
        out = {}
        for dim in DIMENSIONS:
            p = _expit(np.asarray(X @ self._coef_t(dim)) + self.intercept_[dim][None, :])
            const = ~np.isnan(self.constant_[dim])
            p[:, const] = self.constant_[dim][const]
            out[dim] = combine_parts(whole[dim], p, owner, self.combine)
        return out


def compose_clauses(clauses: Sequence[Clause], y: dict[str, np.ndarray], rate: float, most: int,
                    seed: int) -> tuple[list[Clause], dict[str, np.ndarray]]:
    """About ``rate * len(clauses)`` synthetic clauses, each 2..``most`` consecutive clauses of one
    document (in the order given) joined, with the union of their label rows. Documents with one
    clause give none. Deterministic for a seed."""
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(clauses):
        by_doc.setdefault(c.doc_id, []).append(i)
    runs = [idx for idx in by_doc.values() if len(idx) >= 2]
    if not runs or rate <= 0:
        return [], {dim: y[dim][:0] for dim in y}
    rng = np.random.default_rng(seed)
    n = int(round(rate * len(clauses)))
    # documents drawn in proportion to their clauses, so every training clause is about as likely
    weights = np.array([len(r) for r in runs], dtype=np.float64)
    docs = rng.choice(len(runs), size=n, p=weights / weights.sum())
    out, rows = [], []
    for d in docs:
        idx = runs[d]
        k = int(rng.integers(2, min(most, len(idx)) + 1))
        start = int(rng.integers(0, len(idx) - k + 1))
        members = idx[start:start + k]
        out.append(_with_text(clauses[members[0]], "".join(clauses[m].text for m in members)))
        rows.append(members)
    extra_y = {dim: np.stack([y[dim][m].max(axis=0) for m in rows]) for dim in y}
    return out, extra_y


@register_tagger("clause_length.v1", aliases=("clause_length",))
class ClauseLengthTagger(Tagger):
    """The clause's length as a meta feature: every label of every dimension gets the same
    "probability" ``sigmoid(log(x / median))``, with ``x`` the clause's characters (``measure:
    chars``) or its parts (``measure: parts``, ``split_parts``) and ``median`` that of the
    training clauses. Its logit is ``log(x / median)``, so the hybrid's meta-classifier learns,
    per label, how much more (or less) likely the label is on a longer clause, beside the other
    learners' scores: a clause that prescribes several measures is longer and carries more labels.
    Nothing about the wording is learned here."""

    def __init__(self, measure: Literal["chars", "parts"] = "chars", random_state: Seed = 0, taxonomy=None):
        super().__init__(use_heading=False, taxonomy=taxonomy)
        self.measure = measure
        self.random_state = random_state  # unused (nothing random); build_tagger seeds every tagger

    def _sizes(self, clauses: Sequence[Clause]) -> np.ndarray:
        if self.measure == "parts":
            return np.array([len(split_parts(c.text)) for c in clauses], dtype=np.float64)
        return np.array([max(len(c.text), 1) for c in clauses], dtype=np.float64)

    def _fit(self, clauses, y, dev) -> None:
        self.median_ = float(np.median(self._sizes(clauses))) if len(clauses) else 1.0

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        self._check_fitted("median_")
        clauses = list(clauses)
        p = _expit(np.log(self._sizes(clauses) / self.median_))
        return {d: np.repeat(p[:, None], len(self.taxonomy[d].ids), axis=1) for d in DIMENSIONS}

    def explain(self, clauses: Sequence[Clause], labels=None) -> list[list]:
        """No words to show: length is no evidence a reader can check (and occlusion of a length
        feature would only cost time)."""
        return [[] for _ in clauses]

    def _save_state(self, directory: Path) -> None:
        (directory / "clause_length.json").write_text(
            json.dumps({"format": "policytag-clause-length/1", "median": self.median_}), encoding="utf-8")

    def _load_state(self, directory: Path) -> None:
        f = directory / "clause_length.json"
        if not f.exists():
            raise PolicytagError(f"{f}: missing; the run directory is incomplete, retrain it with `policytag train`")
        self.median_ = float(json.loads(f.read_text(encoding="utf-8"))["median"])


def _with_text(clause: Clause, text: str) -> Clause:
    from dataclasses import replace

    return replace(clause, text=text)


__all__ = ["PartsTfidfTagger", "ClauseLengthTagger", "split_parts", "combine_parts", "compose_clauses"]
