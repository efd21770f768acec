"""Label encodings shared by every layer: label sets <-> indicator matrices (taxonomy order)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from policytag.records import Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy


def label_matrix(labels: Sequence[Labels], taxonomy: Taxonomy) -> dict[str, np.ndarray]:
    """Indicator matrices ``{dim: int64 array [n_clauses, n_labels(dim)]}``, columns in taxonomy order.

    An unknown label id raises ``PolicytagError`` (via ``Dimension.index``).
    """
    out = {}
    for dim in DIMENSIONS:
        d = taxonomy[dim]
        m = np.zeros((len(labels), len(d.ids)), dtype=np.int64)
        for i, lab in enumerate(labels):
            for label_id in getattr(lab, dim):
                m[i, d.index(label_id)] = 1
        out[dim] = m
    return out


def stacked_label_matrix(labels: Sequence[Labels], taxonomy: Taxonomy) -> np.ndarray:
    """Both dimensions side by side: int64 array [n_clauses, n_sector + n_measure_type]."""
    y = label_matrix(labels, taxonomy)
    return np.hstack([y[d] for d in DIMENSIONS])
