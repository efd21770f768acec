"""Keyword baseline: the taxonomy's compiled knowledge (cue words + codebook rules), as the
reference row in every comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np

from policytag.knowledge import load_knowledge
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import Tagger
from .registry import register_tagger


@register_tagger("keyword.v1", aliases=("keyword",))
class KeywordTagger(Tagger):
    """Scores a label 0.9+ when one of its cues or rules fires (``policytag.knowledge``), plus a
    tiny prior.

    Text hits always count; heading hits count only for the dimensions where codebook rule 13
    says so (``heading_counts`` in the taxonomy: measure types yes, sectors no), and only with
    ``use_heading``. ``fit`` only learns label frequencies, used to break ties and to pick a
    label when nothing fires (the decoder always returns at least one label per dimension).
    """

    default_candidate = False  # the reference row of every comparison, never a default model

    def _fit(self, clauses, y, dev) -> None:
        self.prior_ = {dim: (y[dim].sum(axis=0) + 1) / (len(clauses) + 2) for dim in DIMENSIONS}

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        knowledge = load_knowledge(self.taxonomy)
        feats = knowledge.features(clauses)
        out = {}
        for dim in DIMENSIONS:
            f = feats[dim]  # [n, k, F]: cue_text, rule_text, hit_heading, other_label_text
            hits = np.maximum(f[:, :, 0], f[:, :, 1])
            if self.use_heading and knowledge.heading_counts[dim]:
                hits = np.maximum(hits, f[:, :, 2])
            # prior is < 0.5 so it never passes the default threshold alone, only orders ties
            out[dim] = 0.9 * hits + 0.1 * self.prior_[dim][None, :]
        return out

    def explain(self, clauses: Sequence[Clause], labels=None):
        from .evidence import lexical_evidence

        return lexical_evidence(self, clauses, labels)

    def _save_state(self, directory: Path) -> None:
        (directory / "prior.json").write_text(json.dumps({d: p.tolist() for d, p in self.prior_.items()}))

    def _load_state(self, directory: Path) -> None:
        self.prior_ = {d: np.asarray(p) for d, p in json.loads((directory / "prior.json").read_text()).items()}

    def tune_thresholds(self, clauses, labels) -> "KeywordTagger":
        # A cue either matches or not: the reference row keeps the fixed 0.5 cut-off, so it
        # measures the knowledge itself rather than thresholds fitted to dev data.
        return self
