"""Multi-label metrics per dimension of label sets (``Labels``): the figures themselves are
computed by ``policytag.metrics``; this module turns gold/predicted label sets into indicator matrices and
averages folds."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from policytag.labels import label_matrix
from policytag.metrics import SUMMARY_KEYS, multilabel_metrics
from policytag.records import Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy


def evaluate_labels(gold: Sequence[Labels], pred: Sequence[Labels], taxonomy: Taxonomy) -> dict:
    yt, yp = label_matrix(gold, taxonomy), label_matrix(pred, taxonomy)
    return {dim: multilabel_metrics(yt[dim], yp[dim], taxonomy[dim].ids) for dim in DIMENSIONS}


def mean_metrics(folds: list[dict]) -> dict:
    """Average fold metrics (per-label figures averaged, supports summed)."""
    out = {}
    for dim in DIMENSIONS:
        ds = [f[dim] for f in folds]
        agg = {k: float(np.mean([d[k] for d in ds])) for k in SUMMARY_KEYS}
        agg["n"] = int(sum(d["n"] for d in ds))
        agg["per_label"] = {
            lid: {"precision": float(np.mean([d["per_label"][lid]["precision"] for d in ds])),
                  "recall": float(np.mean([d["per_label"][lid]["recall"] for d in ds])),
                  "f1": float(np.mean([d["per_label"][lid]["f1"] for d in ds])),
                  "support": int(sum(d["per_label"][lid]["support"] for d in ds))}
            for lid in ds[0]["per_label"]}
        agg["folds"] = [{k: d[k] for k in SUMMARY_KEYS} for d in ds]
        out[dim] = agg
    return out
