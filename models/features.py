"""Clause -> model input text, and label lists <-> indicator matrices."""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy

HEADING_SEP = " ｜ "


def clause_input(clause: Clause, use_heading: bool = True) -> str:
    """The text a model sees: heading path (context) then the clause text.

    Headings often name the instrument (``深化专项整治``), so they are included by default.
    """
    if use_heading and clause.heading_path:
        return " > ".join(clause.heading_path) + HEADING_SEP + clause.text
    return clause.text


def inputs(clauses: Iterable[Clause], use_heading: bool = True) -> list[str]:
    return [clause_input(c, use_heading) for c in clauses]


def label_matrix(labels: Sequence[Labels], taxonomy: Taxonomy) -> dict[str, np.ndarray]:
    """Indicator matrices ``{dim: int array [n_clauses, n_labels]}`` in taxonomy order."""
    out = {}
    for dim in DIMENSIONS:
        ids = taxonomy[dim].ids
        m = np.zeros((len(labels), len(ids)), dtype=np.int64)
        for i, lab in enumerate(labels):
            for label_id in getattr(lab, dim):
                m[i, taxonomy[dim].index(label_id)] = 1
        out[dim] = m
    return out
