"""Per-label decision thresholds tuned on held-out (dev) data, and the decoding rules."""

from __future__ import annotations

import numpy as np

from policytag.metrics import per_label_prf
from policytag.records import Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy

GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)


def tune_thresholds(proba: np.ndarray, y: np.ndarray, default: float = 0.5, grid: np.ndarray = GRID) -> np.ndarray:
    """Best-F1 threshold per label column (F1 as ``policytag.metrics`` defines it). proba, y: [n, k] -> [k].

    Labels with no positive example in the tuning data keep ``default``: there is nothing to
    tune on, and a low threshold would only add false positives. Ties go to the threshold
    closest to ``default`` (more stable out of sample).
    """
    proba, y = np.asarray(proba, dtype=np.float64), np.asarray(y)
    if proba.shape != y.shape or proba.ndim != 2:
        raise ValueError(f"proba {proba.shape} and y {y.shape} must be the same [n, k] shape")
    k = y.shape[1]
    out = np.full(k, default, dtype=np.float64)
    # candidate order: closest to the default first, so argmax (first maximum) breaks ties that way
    order = np.argsort(np.abs(grid - default), kind="stable")
    candidates = grid[order]
    for j in range(k):
        if y[:, j].sum() == 0:
            continue
        # one multilabel F1 call scores every candidate threshold: column g = (p >= t_g)
        pred = (proba[:, j:j + 1] >= candidates[None, :]).astype(np.int64)
        truth = np.repeat(y[:, j:j + 1], len(candidates), axis=1)
        f1 = per_label_prf(truth, pred)[2]
        out[j] = float(candidates[int(np.argmax(f1))])
    return out


def tune_thresholds_micro(proba: np.ndarray, y: np.ndarray, default: float = 0.5, grid: np.ndarray = GRID,
                          rounds: int = 3) -> np.ndarray:
    """Thresholds that maximise the micro-F1 over all label columns together (not each label's F1).

    Starts from :func:`tune_thresholds` and moves one label's threshold at a time to the grid value
    that gives the best micro-F1 with the others fixed (coordinate ascent, ``rounds`` passes; ties
    keep the current value). Labels without a positive example keep ``default``. Why: micro-F1 weighs
    every (clause, label) decision alike, so a frequent label's threshold counts for more.
    """
    proba, y = np.asarray(proba, dtype=np.float64), np.asarray(y).astype(bool)
    t = tune_thresholds(proba, y, default, grid)
    k = y.shape[1]
    # per label and candidate: true positives and predicted positives
    pred = proba[:, :, None] >= grid[None, None, :]  # [n, k, g]
    tp_c = (pred & y[:, :, None]).sum(axis=0).astype(np.float64)  # [k, g]
    pp_c = pred.sum(axis=0).astype(np.float64)
    pos = float(y.sum())
    idx = np.array([int(np.argmin(np.abs(grid - v))) for v in t])
    for _ in range(rounds):
        changed = False
        for j in range(k):
            if not y[:, j].any():
                continue
            tp = tp_c[np.arange(k), idx].sum() - tp_c[j, idx[j]] + tp_c[j]
            pp = pp_c[np.arange(k), idx].sum() - pp_c[j, idx[j]] + pp_c[j]
            f1 = np.where(pp + pos > 0, 2 * tp / np.maximum(pp + pos, 1e-12), 0.0)
            best = int(np.argmax(f1))
            if f1[best] > f1[idx[j]] + 1e-12:
                idx[j], changed = best, True
        if not changed:
            break
    out = grid[idx].astype(np.float64)
    out[~y.any(axis=0)] = default
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
        label_ids = d.ids
        p, t = np.asarray(proba[dim]), np.asarray(thresholds[dim])
        # the whole batch at once (each row sorted exactly as a 1-D stable argsort of that row)
        orders = np.argsort(-p, axis=1, kind="stable")
        passed = np.take_along_axis(p >= t[None, :], orders, axis=1)
        # each row's passing labels in its order, taken for all rows at once (row-major boolean
        # indexing keeps each row's order): a Python pass over every label of every row was
        # most of the decoding time
        chosen_all = orders[passed].tolist()
        counts = passed.sum(axis=1).tolist()
        fallback = orders[:, :d.min_labels].tolist()
        rows = []
        at = 0
        for count, first in zip(counts, fallback):
            chosen = chosen_all[at:at + count] if count >= d.min_labels else first
            at += count
            ids = [label_ids[j] for j in chosen]
            for ex in d.exclusive:
                if ex in ids and len(ids) > 1:
                    ids = [ex] if ids[0] == ex else [x for x in ids if x != ex]
            if d.max_labels:
                ids = ids[: d.max_labels]
            rows.append(tuple(ids))
        per_dim[dim] = rows
    return [Labels(sector=per_dim["sector"][i], measure_type=per_dim["measure_type"][i]) for i in range(n)]
