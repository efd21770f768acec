"""Keyword baseline: the taxonomy's cue words, as a reference row in every comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np

from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import Tagger
from .features import clause_input


class KeywordTagger(Tagger):
    """Scores a label 1 when one of its cue words occurs in the clause (plus a tiny prior).

    ``fit`` only learns label frequencies, used to break ties and to pick a label when no cue
    matches (the decoder always returns at least one label per dimension).
    """

    name = "keyword"

    def _fit(self, clauses, y, dev) -> None:
        self.prior_ = {dim: (y[dim].sum(axis=0) + 1) / (len(clauses) + 2) for dim in DIMENSIONS}

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        texts = [clause_input(c, self.use_heading) for c in clauses]
        out = {}
        for dim in DIMENSIONS:
            labels = self.taxonomy[dim].labels
            hits = np.array([[1.0 if any(cue in t for cue in label.cues) else 0.0 for label in labels] for t in texts])
            # prior is < 0.5 so it never passes the default threshold alone, only orders ties
            out[dim] = 0.9 * hits + 0.1 * self.prior_[dim][None, :] if len(texts) else hits.reshape(0, len(labels))
        return out

    def _save_state(self, directory: Path) -> None:
        (directory / "prior.json").write_text(json.dumps({d: p.tolist() for d, p in self.prior_.items()}))

    def _load_state(self, directory: Path) -> None:
        self.prior_ = {d: np.asarray(p) for d, p in json.loads((directory / "prior.json").read_text()).items()}

    def tune_thresholds(self, clauses, labels) -> "KeywordTagger":
        # A cue either matches or not: the reference row keeps the fixed 0.5 cut-off, so it
        # measures the cue words themselves rather than thresholds fitted to dev data.
        return self
