"""Per-label decision thresholds tuned on held-out (dev) data, and the decoding rules."""

from __future__ import annotations

import numpy as np

from policytag.records import Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy

GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)


def tune_thresholds(proba: np.ndarray, y: np.ndarray, default: float = 0.5) -> np.ndarray:
    """Best-F1 threshold per label column. proba, y: [n, k]. Returns [k].

    Labels with no positive example in the tuning data keep ``default``: there is nothing to
    tune on, and a low threshold would only add false positives.
    """
    k = y.shape[1]
    out = np.full(k, default, dtype=np.float64)
    for j in range(k):
        if y[:, j].sum() == 0:
            continue
        best, best_f1 = default, -1.0
        for t in GRID:
            pred = proba[:, j] >= t
            tp = float((pred & (y[:, j] == 1)).sum())
            denom = pred.sum() + y[:, j].sum()
            f1 = 2 * tp / denom if denom else 0.0
            # ties: prefer the threshold closest to the default (more stable out of sample)
            if f1 > best_f1 + 1e-12 or (abs(f1 - best_f1) <= 1e-12 and abs(t - default) < abs(best - default)):
                best, best_f1 = float(t), f1
        out[j] = best
    return out


def decode(proba: dict[str, np.ndarray], thresholds: dict[str, np.ndarray], taxonomy: Taxonomy) -> list[Labels]:
    """Probabilities -> label sets that obey the taxonomy rules, best label first.

    Per dimension: labels at or above their threshold; at least ``min_labels`` (the best label
    when none passes); at most ``max_labels``; an exclusive label (cross_sector) wins alone only
    when it is the top-scoring label, otherwise it is dropped.
    """
    n = len(next(iter(proba.values())))
    per_dim: dict[str, list[tuple[str, ...]]] = {}
    for dim in DIMENSIONS:
        d = taxonomy[dim]
        p, t = proba[dim], thresholds[dim]
        rows = []
        for i in range(n):
            order = np.argsort(-p[i], kind="stable")
            chosen = [j for j in order if p[i, j] >= t[j]]
            if len(chosen) < d.min_labels:
                chosen = list(order[: d.min_labels])
            ids = [d.ids[j] for j in chosen]
            for ex in d.exclusive:
                if ex in ids and len(ids) > 1:
                    ids = [ex] if ids[0] == ex else [x for x in ids if x != ex]
            if d.max_labels:
                ids = ids[: d.max_labels]
            rows.append(tuple(ids))
        per_dim[dim] = rows
    return [Labels(sector=per_dim["sector"][i], measure_type=per_dim["measure_type"][i]) for i in range(n)]
