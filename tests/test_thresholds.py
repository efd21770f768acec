"""Decoding rules (exclusive label, min/max labels, best first), per-label threshold tuning, and the
deterministic splits (temporal, multi-label K-fold) - on small hand-made inputs with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from policytag.labels import label_matrix, stacked_label_matrix
from policytag.models.thresholds import GRID, decode, tune_thresholds
from policytag.records import Labels
from policytag.training.splits import kfold_splits, temporal_split


def _proba(taxonomy, sector: dict[str, float], measure: dict[str, float], floor: float = 0.01):
    """One row of probabilities: the named labels get the given values, every other label ``floor``."""
    out = {}
    for dim, values in (("sector", sector), ("measure_type", measure)):
        ids = taxonomy[dim].ids
        out[dim] = np.array([[values.get(i, floor) for i in ids]])
    return out


def _thresholds(taxonomy, value=0.5):
    return {dim: np.full(len(taxonomy[dim].ids), value) for dim in ("sector", "measure_type")}


# --- decode -------------------------------------------------------------------------------------------
def test_decode_orders_labels_best_first(taxonomy):
    p = _proba(taxonomy, {"coal_mine": 0.7, "hazardous_chemicals": 0.9}, {"enforcement": 0.6, "emergency": 0.8})
    (lab,) = decode(p, _thresholds(taxonomy), taxonomy)
    assert lab.sector == ("hazardous_chemicals", "coal_mine")
    assert lab.measure_type == ("emergency", "enforcement")


def test_decode_min_labels_takes_the_best_when_nothing_passes(taxonomy):
    p = _proba(taxonomy, {"earthquake": 0.3, "coal_mine": 0.2}, {"publicity_training": 0.4})
    (lab,) = decode(p, _thresholds(taxonomy), taxonomy)
    assert lab.sector == ("earthquake",) and lab.measure_type == ("publicity_training",)


def test_decode_max_labels_caps_measure_types(taxonomy):
    assert taxonomy.measure_type.max_labels == 3
    measure = {"enforcement": 0.95, "emergency": 0.9, "responsibility": 0.85, "rules_standards": 0.8,
               "support_capacity": 0.75}
    (lab,) = decode(_proba(taxonomy, {"coal_mine": 0.9}, measure), _thresholds(taxonomy), taxonomy)
    assert lab.measure_type == ("enforcement", "emergency", "responsibility")


def test_decode_exclusive_label_alone_only_when_top(taxonomy):
    assert "cross_sector" in taxonomy.sector.exclusive
    top = _proba(taxonomy, {"cross_sector": 0.9, "coal_mine": 0.6}, {"enforcement": 0.9})
    (lab,) = decode(top, _thresholds(taxonomy), taxonomy)
    assert lab.sector == ("cross_sector",)
    second = _proba(taxonomy, {"cross_sector": 0.7, "coal_mine": 0.8, "urban_gas": 0.6}, {"enforcement": 0.9})
    (lab,) = decode(second, _thresholds(taxonomy), taxonomy)
    assert lab.sector == ("coal_mine", "urban_gas")  # the exclusive label is dropped, not the others


def test_decode_uses_per_label_thresholds(taxonomy):
    t = _thresholds(taxonomy)
    t["sector"][taxonomy.sector.index("urban_gas")] = 0.2
    p = _proba(taxonomy, {"coal_mine": 0.9, "urban_gas": 0.25}, {"enforcement": 0.9})
    (lab,) = decode(p, t, taxonomy)
    assert lab.sector == ("coal_mine", "urban_gas")
    (lab,) = decode(p, _thresholds(taxonomy), taxonomy)
    assert lab.sector == ("coal_mine",)


def test_decoded_labels_obey_the_taxonomy_rules(taxonomy):
    rng = np.random.default_rng(7)
    proba = {dim: rng.random((200, len(taxonomy[dim].ids))) for dim in ("sector", "measure_type")}
    for lab in decode(proba, _thresholds(taxonomy, 0.3), taxonomy):
        assert taxonomy.problems(lab.sector, lab.measure_type) == []


# --- threshold tuning --------------------------------------------------------------------------------
def test_tune_finds_the_separating_threshold():
    # column 0: positives score 0.32-0.40, negatives 0.05-0.25 -> any t in (0.25, 0.32] gives F1 = 1
    pos = np.linspace(0.32, 0.40, 10)
    neg = np.linspace(0.05, 0.25, 30)
    proba = np.concatenate([pos, neg])[:, None]
    y = np.concatenate([np.ones(10), np.zeros(30)]).astype(int)[:, None]
    (t,) = tune_thresholds(proba, y)
    assert 0.25 < t <= 0.32
    assert t == pytest.approx(0.30)  # the only grid value in that range


def test_tune_keeps_default_without_positives_and_breaks_ties_towards_it():
    proba = np.array([[0.1, 0.9], [0.2, 0.8], [0.3, 0.1]])
    y = np.array([[0, 1], [0, 1], [0, 0]])
    t = tune_thresholds(proba, y, default=0.5)
    assert t[0] == 0.5  # no positive example: nothing to tune on
    # column 1: every threshold in (0.1, 0.8] is perfect; the one closest to 0.5 wins
    assert t[1] == pytest.approx(0.5)


def test_tune_prefers_recall_when_it_pays():
    # 4 positives at 0.2, 1 negative at 0.6: t <= 0.2 gives F1 = 8/9, t = 0.5 gives 0
    proba = np.array([0.2, 0.2, 0.2, 0.2, 0.6])[:, None]
    y = np.array([1, 1, 1, 1, 0])[:, None]
    (t,) = tune_thresholds(proba, y)
    assert t <= 0.2 and t in set(np.round(GRID, 2))


def test_tune_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="shape"):
        tune_thresholds(np.zeros((3, 2)), np.zeros((3, 3)))


# --- splits ---------------------------------------------------------------------------------------------
def test_kfold_splits_partition_the_data_and_stratify(gold_dataset, taxonomy):
    folds = kfold_splits(gold_dataset, folds=5, seed=13)
    n = len(gold_dataset.examples)
    assert len(folds) == 5
    tests = np.concatenate([f.test for f in folds])
    assert sorted(tests.tolist()) == list(range(n))  # every clause is tested exactly once
    for f in folds:
        assert not set(f.train) & set(f.dev) and not (set(f.train) | set(f.dev)) & set(f.test)
        assert len(f.train) + len(f.dev) + len(f.test) == n
        assert len(f.dev) > 0
    # iterative stratification: every label with >= 25 positives (5 per fold) is in every test fold
    y = stacked_label_matrix(gold_dataset.labels, taxonomy)
    common = np.where(y.sum(axis=0) >= 25)[0]
    for f in folds:
        assert (y[f.test][:, common].sum(axis=0) > 0).all()
    again = kfold_splits(gold_dataset, folds=5, seed=13)
    assert all(np.array_equal(a.test, b.test) and np.array_equal(a.dev, b.dev) for a, b in zip(folds, again))
    other = kfold_splits(gold_dataset, folds=5, seed=14)
    assert any(not np.array_equal(a.test, b.test) for a, b in zip(folds, other))


def test_temporal_split_by_year(gold_dataset):
    s = temporal_split(gold_dataset, 2021, (2022, 2023), (2024, 2025, 2026))
    years = np.array([e.clause.year for e in gold_dataset.examples])
    assert (years[s.train] <= 2021).all() and set(years[s.dev]) == {2022, 2023}
    assert set(years[s.test]) == {2024, 2025, 2026}
    assert len(s.train) + len(s.dev) + len(s.test) == len(years)


def test_label_matrix_columns_follow_the_taxonomy(taxonomy):
    y = label_matrix([Labels(("urban_gas", "coal_mine"), ("emergency",))], taxonomy)
    assert y["sector"].shape == (1, len(taxonomy.sector.ids))
    assert y["sector"][0].nonzero()[0].tolist() == sorted([taxonomy.sector.index("coal_mine"),
                                                           taxonomy.sector.index("urban_gas")])
    assert y["measure_type"][0].tolist() == [int(i == "emergency") for i in taxonomy.measure_type.ids]
