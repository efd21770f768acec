"""Multi-label metrics per dimension: per-label P/R/F1/support, micro/macro/samples F1, exact match."""

from __future__ import annotations

from typing import Sequence

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from policytag.labels import label_matrix
from policytag.records import Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy


def dimension_metrics(y_true: np.ndarray, y_pred: np.ndarray, ids: list[str]) -> dict:
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
    present = y_true.sum(axis=0) > 0
    return {
        "per_label": {ids[j]: {"precision": float(p[j]), "recall": float(r[j]), "f1": float(f[j]), "support": int(s[j])}
                      for j in range(len(ids))},
        "micro_f1": float(f1_score(y_true, y_pred, average="micro", zero_division=0)),
        # macro over labels that occur in the evaluated data: absent labels have undefined recall
        "macro_f1": float(np.mean(f[present])) if present.any() else 0.0,
        "samples_f1": float(f1_score(y_true, y_pred, average="samples", zero_division=0)),
        "exact_match": float(accuracy_score(y_true, y_pred)),
        "n": int(len(y_true)),
    }


def evaluate_labels(gold: Sequence[Labels], pred: Sequence[Labels], taxonomy: Taxonomy) -> dict:
    yt, yp = label_matrix(gold, taxonomy), label_matrix(pred, taxonomy)
    return {dim: dimension_metrics(yt[dim], yp[dim], taxonomy[dim].ids) for dim in DIMENSIONS}


def mean_metrics(folds: list[dict]) -> dict:
    """Average fold metrics (per-label figures averaged, supports summed)."""
    out = {}
    for dim in DIMENSIONS:
        ds = [f[dim] for f in folds]
        agg = {k: float(np.mean([d[k] for d in ds])) for k in ("micro_f1", "macro_f1", "samples_f1", "exact_match")}
        agg["n"] = int(sum(d["n"] for d in ds))
        agg["per_label"] = {
            lid: {"precision": float(np.mean([d["per_label"][lid]["precision"] for d in ds])),
                  "recall": float(np.mean([d["per_label"][lid]["recall"] for d in ds])),
                  "f1": float(np.mean([d["per_label"][lid]["f1"] for d in ds])),
                  "support": int(sum(d["per_label"][lid]["support"] for d in ds))}
            for lid in ds[0]["per_label"]}
        agg["folds"] = [{k: d[k] for k in ("micro_f1", "macro_f1", "samples_f1", "exact_match")} for d in ds]
        out[dim] = agg
    return out
