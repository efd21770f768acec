"""Several annotators on one clause: per-label agreement, and the documented resolution policy.

Resolution policy (docs/annotation.md, "Several annotators"):

* one annotation per annotator and clause counts (an annotator's latest one, by update time);
* a clause annotated once keeps that annotation's labels, in their order;
* a clause annotated by n >= 2 annotators gets, per dimension, every label chosen by more than
  n/2 of them (majority per label); the order is by mean position in the annotations, except that
  the dominant measure type (each annotation's first) is decided by its own majority and goes first;
* a label chosen by exactly n/2 annotators is a tie, and a dimension left with no majority label is
  unresolved (so is a dominant measure type without a majority, as ``measure_dominant``): such a
  clause goes to the conflicts file for adjudication and is *excluded* from the resolved dataset.
  Nothing is ever resolved by silently taking the first annotation.

Agreement is measured per label as a binary decision (chosen / not chosen) on the clauses that
have at least two annotations: Krippendorff's alpha (nominal; any number of annotators, missing
values allowed) always, and Cohen's kappa when exactly two annotators share those clauses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from policytag.metrics import cohen_kappa, krippendorff_alpha
from policytag.taxonomy import DIMENSIONS, Taxonomy

POLICY = ("majority per label over the clause's annotators (one per annotator, latest); the dominant measure "
          "type by its own majority, first; a label (or dominant) chosen by exactly half of them is a tie and a "
          "dimension without any majority label is unresolved: such clauses go to the conflicts file and are "
          "excluded from the resolved dataset")

#: the key of the dominant measure type in ties/unresolved/votes
DOMINANT_KEY = "measure_dominant"


@dataclass(frozen=True)
class Vote:
    """One annotator's labels for one clause (the input of resolution and agreement)."""

    annotator: str
    sector: tuple[str, ...]
    measure_type: tuple[str, ...]

    def labels(self, dim: str) -> tuple[str, ...]:
        return getattr(self, dim)


@dataclass
class Resolution:
    """The outcome for one clause."""

    sector: tuple[str, ...]
    measure_type: tuple[str, ...]
    kind: str  # "single" | "unanimous" | "majority" | "conflict"
    #: dim -> label ids chosen by exactly half of the annotators
    ties: dict[str, list[str]] = field(default_factory=dict)
    #: dims where no label reached a majority (and there was no tie to adjudicate instead)
    unresolved: list[str] = field(default_factory=list)
    #: dim -> label id -> number of annotators who chose it
    votes: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def is_conflict(self) -> bool:
        return self.kind == "conflict"


def resolve(votes: Sequence[Vote], taxonomy: Taxonomy) -> Resolution:
    """Apply the majority-per-label policy to the votes of one clause."""
    if not votes:
        raise ValueError("resolve() needs at least one vote")
    if len(votes) == 1:
        v = votes[0]
        return Resolution(v.sector, v.measure_type, "single",
                          votes={d: {lab: 1 for lab in v.labels(d)} for d in DIMENSIONS})
    n = len(votes)
    chosen: dict[str, tuple[str, ...]] = {}
    ties: dict[str, list[str]] = {}
    unresolved: list[str] = []
    counts: dict[str, dict[str, int]] = {}
    for dim in DIMENSIONS:
        ids = taxonomy[dim].ids
        count: dict[str, int] = defaultdict(int)
        positions: dict[str, list[int]] = defaultdict(list)
        for v in votes:
            for pos, lab in enumerate(dict.fromkeys(v.labels(dim))):
                count[lab] += 1
                positions[lab].append(pos)
        counts[dim] = dict(sorted(count.items(), key=lambda kv: (ids.index(kv[0]) if kv[0] in ids else len(ids), kv[0])))
        majority = [lab for lab, c in count.items() if 2 * c > n]
        tied = [lab for lab, c in count.items() if 2 * c == n]
        # order: mean position across the annotations that chose the label, then taxonomy order
        majority.sort(key=lambda lab: (float(np.mean(positions[lab])), ids.index(lab) if lab in ids else len(ids)))
        chosen[dim] = tuple(majority)
        if tied:
            ties[dim] = sorted(tied, key=lambda lab: ids.index(lab) if lab in ids else len(ids))
        elif not majority:
            unresolved.append(dim)
    # the dominant measure type (first of each annotation) needs its own majority
    dom_count: dict[str, int] = defaultdict(int)
    for v in votes:
        if v.measure_type:
            dom_count[v.measure_type[0]] += 1
    counts[DOMINANT_KEY] = dict(dom_count)
    dom = [lab for lab, c in dom_count.items() if 2 * c > n]
    if dom:
        chosen["measure_type"] = (dom[0], *[lab for lab in chosen["measure_type"] if lab != dom[0]])
    elif [lab for lab, c in dom_count.items() if 2 * c == n]:
        ids = taxonomy.measure_type.ids
        ties[DOMINANT_KEY] = sorted((lab for lab, c in dom_count.items() if 2 * c == n),
                                    key=lambda lab: ids.index(lab) if lab in ids else len(ids))
    elif "measure_type" not in unresolved:
        unresolved.append(DOMINANT_KEY)
    if ties or unresolved:
        kind = "conflict"
    elif all(set(v.labels(d)) == set(votes[0].labels(d)) for v in votes for d in DIMENSIONS) and len(dom_count) == 1:
        kind = "unanimous"
    else:
        kind = "majority"
    return Resolution(chosen["sector"], chosen["measure_type"], kind, ties, unresolved, counts)


# --- agreement -----------------------------------------------------------------------------------
def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _alpha(matrix: np.ndarray) -> float | None:
    """Krippendorff's alpha (nominal, ``policytag.metrics``) of an annotators x units matrix with
    NaN for missing; None if undefined (no variation at all)."""
    return _rounded(krippendorff_alpha(matrix))


def _kappa(a: np.ndarray, b: np.ndarray) -> float | None:
    """Cohen's kappa (``policytag.metrics``); None when undefined (both annotators constant and equal)."""
    return _rounded(cohen_kappa(a, b))


def agreement_report(votes_by_clause: dict[str, Sequence[Vote]], taxonomy: Taxonomy) -> dict[str, Any]:
    """Per-label and per-dimension agreement on the clauses with two or more annotations."""
    multi = {cid: list(vs) for cid, vs in votes_by_clause.items() if len(vs) >= 2}
    annotators = sorted({v.annotator for vs in multi.values() for v in vs})
    clause_ids = sorted(multi)
    report: dict[str, Any] = {
        "n_clauses": len(clause_ids),
        "annotators": annotators,
        "method": "cohen_kappa+krippendorff_alpha" if len(annotators) == 2 else "krippendorff_alpha",
    }
    if not clause_ids:
        return report
    row_of = {a: i for i, a in enumerate(annotators)}
    both = [j for j, cid in enumerate(clause_ids)
            if len(annotators) == 2 and {v.annotator for v in multi[cid]} == set(annotators)]
    for dim in DIMENSIONS:
        per_label = {}
        pooled = []
        for lab in taxonomy[dim].ids:
            m = np.full((len(annotators), len(clause_ids)), np.nan)
            for j, cid in enumerate(clause_ids):
                for v in multi[cid]:
                    m[row_of[v.annotator], j] = 1.0 if lab in v.labels(dim) else 0.0
            pooled.append(m)
            decided = ~np.isnan(m)
            chosen = np.nansum(m, axis=0)
            n_disagree = int(np.sum((chosen > 0) & (chosen < decided.sum(axis=0))))
            entry = {"alpha": _alpha(m), "chosen": int(np.nansum(m)), "disagreements": n_disagree}
            if len(annotators) == 2:
                entry["kappa"] = _kappa(m[0, both].astype(int), m[1, both].astype(int))
            per_label[lab] = entry
        exact = [all(set(v.labels(dim)) == set(multi[cid][0].labels(dim)) for v in multi[cid]) for cid in clause_ids]
        summary = {
            "alpha_pooled": _alpha(np.concatenate(pooled, axis=1)),
            "exact_set_agreement": round(float(np.mean(exact)), 4),
            "clauses_with_disagreement": int(len(exact) - sum(exact)),
            "per_label": per_label,
        }
        if len(annotators) == 2:
            kappas = [e["kappa"] for e in per_label.values() if e.get("kappa") is not None]
            summary["mean_kappa"] = round(float(np.mean(kappas)), 4) if kappas else None
        report[dim] = summary
    # the dominant measure type as one nominal decision per clause
    ids = taxonomy.measure_type.ids
    m = np.full((len(annotators), len(clause_ids)), np.nan)
    for j, cid in enumerate(clause_ids):
        for v in multi[cid]:
            if v.measure_type and v.measure_type[0] in ids:
                m[row_of[v.annotator], j] = float(ids.index(v.measure_type[0]))
    same = [len({v.measure_type[0] for v in multi[cid] if v.measure_type}) <= 1 for cid in clause_ids]
    report[DOMINANT_KEY] = {"alpha": _alpha(m), "exact_agreement": round(float(np.mean(same)), 4),
                            "clauses_with_disagreement": int(len(same) - sum(same))}
    return report


def format_report(report: dict[str, Any]) -> str:
    """A short text table: per dimension a summary line, then the labels annotators disagreed on."""
    if not report.get("n_clauses"):
        return "agreement: no clause has more than one annotation"
    lines = [f"agreement on {report['n_clauses']} clause(s) annotated by {len(report['annotators'])} annotators "
             f"({', '.join(report['annotators'])}):"]
    two = len(report["annotators"]) == 2
    for dim in DIMENSIONS:
        d = report[dim]
        fmt = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
        head = f"  {dim}: exact-set agreement {d['exact_set_agreement']:.2f}, pooled alpha {fmt(d['alpha_pooled'])}"
        if two:
            head += f", mean kappa {fmt(d.get('mean_kappa'))}"
        lines.append(head)
        for lab, e in d["per_label"].items():
            if e["disagreements"]:
                extra = f" kappa {fmt(e.get('kappa'))}" if two else ""
                lines.append(f"    {lab:<26} disagreements {e['disagreements']:>3}  alpha {fmt(e['alpha'])}{extra}")
    d = report.get(DOMINANT_KEY)
    if d:
        fmt = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
        lines.append(f"  dominant measure type: agreement {d['exact_agreement']:.2f}, alpha {fmt(d['alpha'])}, "
                     f"{d['clauses_with_disagreement']} clause(s) with another dominant")
    return "\n".join(lines)
