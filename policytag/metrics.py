"""The one home of the quality figures: multi-label F1 (per label, micro, macro, samples), exact
match, agreement (Cohen's kappa, Krippendorff's alpha) and calibration (reliability bins, ECE).

In the core so every layer uses the same definitions: models (the BERT trainer's dev score),
training (evaluate, compare), annotation (inter-annotator agreement), scripts and benchmarks.
Arrays only (no taxonomy, no records): indicator matrices ``y`` ``[n, k]`` of 0/1, probabilities
``proba`` ``[n, k]``.

Conventions, decided once here:

* **macro-F1** averages the F1 of the labels that *occur* in the gold matrix (a label absent from
  the evaluated data has undefined recall; counting it as 0 or 1 would move the figure with the
  split, not with the model). No label occurs -> 0.0.
* **Constant raters.** Cohen's kappa and Krippendorff's alpha are ``None`` (undefined, reported as
  "—") when every rating of every rater is the same single value: the expected agreement is 1,
  so kappa is 0/0 — agreement is perfect but says nothing about the raters. Two raters that are
  each constant but on *different* values get kappa 0.0 (observed agreement 0, expected 0). No
  items -> ``None``. Callers round; this module never does.
"""

from __future__ import annotations

import math
import warnings
from typing import Sequence

import numpy as np


# --- F1 and friends ------------------------------------------------------------------------------
def per_label_prf(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall, F1 and support per label column ([k] each); 0 where undefined."""
    from sklearn.metrics import precision_recall_fscore_support

    y_true, y_pred = np.atleast_2d(np.asarray(y_true)), np.atleast_2d(np.asarray(y_pred))
    if y_true.shape[1] == 1:
        # sklearn reads one indicator column as a binary target and would score both classes
        p, r, f, s = precision_recall_fscore_support(y_true[:, 0], y_pred[:, 0], labels=[1], average=None,
                                                     zero_division=0)
    else:
        p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
    return p, r, f, s


def macro_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Mean F1 over the labels present in ``y_true`` (see the module docstring)."""
    _, _, f, _ = per_label_prf(y_true, y_pred)
    present = np.atleast_2d(np.asarray(y_true)).sum(axis=0) > 0
    return float(np.mean(f[present])) if present.any() else 0.0


def micro_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """F1 of the pooled (clause, label) decisions."""
    from sklearn.metrics import f1_score

    return float(f1_score(np.asarray(y_true), np.asarray(y_pred), average="micro", zero_division=0))


def samples_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Mean over clauses of each clause's label-set F1."""
    from sklearn.metrics import f1_score

    return float(f1_score(np.asarray(y_true), np.asarray(y_pred), average="samples", zero_division=0))


def exact_match(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Share of clauses whose predicted label set equals the gold set."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return float(np.mean(np.all(y_true == y_pred, axis=1))) if len(y_true) else 0.0


#: the summary figures of ``multilabel_metrics`` (also what fold averages and reports show)
SUMMARY_KEYS = ("micro_f1", "macro_f1", "samples_f1", "exact_match")


def multilabel_metrics(y_true: np.ndarray, y_pred: np.ndarray, ids: Sequence[str]) -> dict:
    """Per-label P/R/F1/support and the summary figures of one dimension; ``ids`` name the columns."""
    p, r, f, s = per_label_prf(y_true, y_pred)
    return {
        "per_label": {ids[j]: {"precision": float(p[j]), "recall": float(r[j]), "f1": float(f[j]), "support": int(s[j])}
                      for j in range(len(ids))},
        "micro_f1": micro_f1(y_true, y_pred),
        "macro_f1": macro_f1(y_true, y_pred),
        "samples_f1": samples_f1(y_true, y_pred),
        "exact_match": exact_match(y_true, y_pred),
        "n": int(len(y_true)),
    }


# --- agreement -----------------------------------------------------------------------------------
def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two raters' nominal ratings of the same items; ``None`` when undefined
    (no items, or every rating is one and the same value)."""
    from sklearn.metrics import cohen_kappa_score

    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError(f"cohen_kappa: the raters rated {len(a)} and {len(b)} items")
    if not a or len(set(a) | set(b)) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns on a 0/0 it then returns as nan
        value = cohen_kappa_score(a, b)
    return None if math.isnan(value) else float(value)


def krippendorff_alpha(matrix: np.ndarray) -> float | None:
    """Krippendorff's alpha (nominal) of a raters x items matrix with NaN for a missing rating;
    items rated by fewer than two raters are dropped. ``None`` when undefined (nothing pairable,
    or no variation at all: the same convention as ``cohen_kappa``)."""
    import krippendorff

    matrix = np.asarray(matrix, dtype=np.float64)
    pairable = matrix[:, (~np.isnan(matrix)).sum(axis=0) >= 2]
    values = pairable[~np.isnan(pairable)]
    if pairable.shape[1] == 0 or len(np.unique(values)) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = krippendorff.alpha(reliability_data=pairable, level_of_measurement="nominal")
    return None if value is None or math.isnan(value) else float(value)


# --- calibration ---------------------------------------------------------------------------------
def reliability(proba: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    """Equal-width bins over [0, 1] of every (clause, label) pair: per bin
    ``{lo, hi, n, mean_score, frac_positive}`` (``None`` for an empty bin)."""
    p, t = np.asarray(proba, dtype=np.float64).ravel(), np.asarray(y, dtype=np.float64).ravel()
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1], right=False), 0, bins - 1)
    out = []
    for b in range(bins):
        m = idx == b
        out.append({"lo": float(edges[b]), "hi": float(edges[b + 1]), "n": int(m.sum()),
                    "mean_score": float(p[m].mean()) if m.any() else None,
                    "frac_positive": float(t[m].mean()) if m.any() else None})
    return out


def ece(proba: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: sum over bins of (bin share) x |mean score - positive rate|;
    0.0 for no pairs."""
    curve = reliability(proba, y, bins)
    n = sum(b["n"] for b in curve)
    if not n:
        return 0.0
    return float(sum(b["n"] / n * abs(b["mean_score"] - b["frac_positive"]) for b in curve if b["n"]))


def calibration_report(proba: dict[str, np.ndarray], y: dict[str, np.ndarray], bins: int = 10) -> dict:
    """``{dim: {"ece": float (4 decimals), "reliability": [bins]}}`` for every dimension of ``proba``."""
    return {dim: {"ece": round(ece(proba[dim], y[dim], bins), 4), "reliability": reliability(proba[dim], y[dim], bins)}
            for dim in proba}
