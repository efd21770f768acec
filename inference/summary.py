"""Per-notice summary of tagged clauses: label distributions, sector × measure co-occurrence and the
clauses that carry deadlines or targets. Names and order come from the taxonomy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from policytag.records import Document
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .tagging import TaggedClause


@dataclass(frozen=True)
class LabelCount:
    """How many clauses carry a label, and their share of the notice's clauses (0..1).

    Clauses are multi-label, so the shares of one dimension can sum to more than 1.
    """

    label_id: str
    name: str
    count: int
    share: float


@dataclass(frozen=True)
class DocSummary:
    """``distributions[dim]``: one LabelCount per label, taxonomy order. ``cooccurrence``:
    [n_sector][n_measure_type] clause counts (a clause counts once in every cell of its label pairs).
    ``commitments``: ids of clauses with a deadline or target, in clause order."""

    doc_id: str
    year: int | None
    n_clauses: int
    distributions: dict[str, tuple[LabelCount, ...]]
    cooccurrence: tuple[tuple[int, ...], ...]
    commitments: tuple[str, ...]

    def top(self, dim: str, k: int | None = None) -> list[LabelCount]:
        """Labels with at least one clause, most frequent first (ties: taxonomy order)."""
        present = [c for c in self.distributions[dim] if c.count]
        return sorted(present, key=lambda c: -c.count)[:k]

    def shares(self, dim: str) -> dict[str, float]:
        return {c.label_id: c.share for c in self.distributions[dim]}


def label_shares(tagged: Sequence[TaggedClause], taxonomy: Taxonomy) -> dict[str, tuple[LabelCount, ...]]:
    """``{dim: (LabelCount per label in taxonomy order)}`` over the given clauses."""
    n = len(tagged)
    out = {}
    for dim in DIMENSIONS:
        counts = {lid: 0 for lid in taxonomy[dim].ids}
        for t in tagged:
            for lid in getattr(t.labels, dim):
                counts[lid] += 1
        out[dim] = tuple(LabelCount(lid, taxonomy[dim].name_of(lid), c, c / n if n else 0.0)
                         for lid, c in counts.items())
    return out


def summarize(doc: Document, tagged: Sequence[TaggedClause], taxonomy: Taxonomy) -> DocSummary:
    """Summary of one notice from its tagged clauses."""
    sector_ids, measure_ids = taxonomy.sector.ids, taxonomy.measure_type.ids
    matrix = [[0] * len(measure_ids) for _ in sector_ids]
    for t in tagged:
        for s in t.labels.sector:
            for m in t.labels.measure_type:
                matrix[sector_ids.index(s)][measure_ids.index(m)] += 1
    return DocSummary(
        doc_id=doc.doc_id, year=doc.year, n_clauses=len(tagged), distributions=label_shares(tagged, taxonomy),
        cooccurrence=tuple(tuple(row) for row in matrix),
        commitments=tuple(t.clause.clause_id for t in tagged if t.has_commitments),
    )
