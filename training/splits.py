"""Deterministic splits: temporal (the real use: tag next year's notice) and multi-label K-fold."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

from policytag import PolicytagError
from policytag.labels import label_matrix
from policytag.taxonomy import DIMENSIONS, load_taxonomy

from .data import Dataset


@dataclass(frozen=True)
class Split:
    name: str
    train: np.ndarray  # indices into the dataset
    dev: np.ndarray
    test: np.ndarray


def temporal_split(data: Dataset, train_until: int = 2021, dev_years=(2022, 2023), test_years=(2024, 2025, 2026)) -> Split:
    years = np.array([e.clause.year for e in data.examples])
    train = np.where(years <= train_until)[0]
    dev = np.where(np.isin(years, list(dev_years)))[0]
    test = np.where(np.isin(years, list(test_years)))[0]
    if not len(train) or not len(dev) or not len(test):
        raise PolicytagError(f"temporal split is empty somewhere (train {len(train)}, dev {len(dev)}, test {len(test)})")
    return Split("temporal", train, dev, test)


def _stacked_labels(data: Dataset) -> np.ndarray:
    y = label_matrix(data.labels, load_taxonomy())
    return np.hstack([y[d] for d in DIMENSIONS])


def kfold_splits(data: Dataset, folds: int = 5, seed: int = 13, dev_fraction_folds: int = 4) -> list[Split]:
    """Iterative stratification over both dimensions' labels; each fold's training part gives an
    inner stratified dev split (1/``dev_fraction_folds`` of it) for thresholds and early stopping."""
    y = _stacked_labels(data)
    outer = MultilabelStratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    splits = []
    for k, (train_all, test) in enumerate(outer.split(np.zeros(len(y)), y)):
        inner = MultilabelStratifiedKFold(n_splits=dev_fraction_folds, shuffle=True, random_state=seed + k + 1)
        tr, dv = next(inner.split(np.zeros(len(train_all)), y[train_all]))
        splits.append(Split(f"cv{k + 1}", train_all[tr], train_all[dv], np.sort(test)))
    return splits
