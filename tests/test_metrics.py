"""policytag.metrics: the one definition of F1, kappa/alpha and ECE, checked against sklearn and
the krippendorff package on hand-made cases (including the constant-rater convention)."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from policytag import metrics


def test_macro_f1_averages_the_labels_present_in_gold():
    y = np.array([[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 0]])
    pred = np.array([[1, 0, 1], [0, 1, 0], [0, 1, 0], [1, 0, 0]])
    # label 2 never occurs in gold: left out (it would be F1 0 and drag the mean with the split)
    per_label = f1_score(y, pred, average=None, zero_division=0)
    assert metrics.macro_f1(y, pred) == pytest.approx((per_label[0] + per_label[1]) / 2)
    assert metrics.micro_f1(y, pred) == pytest.approx(f1_score(y, pred, average="micro", zero_division=0))
    assert metrics.exact_match(y, pred) == pytest.approx(0.25)  # only row 3 matches
    assert metrics.macro_f1(np.zeros((3, 2)), np.ones((3, 2))) == 0.0
    # one label column is still one label (sklearn alone would read it as a binary target)
    one, one_pred = np.array([[1], [0], [1]]), np.array([[1], [1], [1]])
    assert metrics.macro_f1(one, one_pred) == pytest.approx(0.8)
    assert len(metrics.per_label_prf(one, one_pred)[2]) == 1


def test_multilabel_metrics_names_the_columns():
    y = np.array([[1, 0], [0, 1], [1, 1]])
    m = metrics.multilabel_metrics(y, y, ["a", "b"])
    assert set(m["per_label"]) == {"a", "b"} and m["per_label"]["a"]["support"] == 2
    assert all(m[k] == 1.0 for k in metrics.SUMMARY_KEYS) and m["n"] == 3


def test_cohen_kappa_matches_sklearn_and_the_constant_rater_convention():
    a, b = [1, 0, 1, 1, 0, 0], [1, 0, 0, 1, 0, 1]
    assert metrics.cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    assert metrics.cohen_kappa([1, 1, 1], [1, 1, 1]) is None   # every rating the same: undefined
    assert metrics.cohen_kappa([0, 0], [0, 0]) is None
    assert metrics.cohen_kappa([0, 0, 0], [1, 1, 1]) == 0.0     # constant but different: no agreement
    assert metrics.cohen_kappa([], []) is None
    with pytest.raises(ValueError):
        metrics.cohen_kappa([1], [1, 0])


def test_krippendorff_alpha_drops_unpairable_items_and_shares_the_convention():
    m = np.array([[1, 0, 1, np.nan, 0], [1, 1, 1, 0, np.nan], [np.nan, 0, 1, 0, 0]])
    expected = krippendorff.alpha(reliability_data=m, level_of_measurement="nominal")
    assert metrics.krippendorff_alpha(m) == pytest.approx(expected)
    assert metrics.krippendorff_alpha(np.array([[1, 1, np.nan], [1, 1, 0]])) is None  # no variation where pairable
    assert metrics.krippendorff_alpha(np.array([[1, np.nan], [np.nan, 0]])) is None    # nothing pairable


def test_ece_of_a_calibrated_and_an_overconfident_scorer():
    rng = np.random.default_rng(0)
    p = rng.random((4000, 3))
    calibrated = (rng.random((4000, 3)) < p).astype(int)
    assert metrics.ece(p, calibrated) < 0.03
    assert metrics.ece(np.full((100, 1), 0.9), np.zeros((100, 1))) == pytest.approx(0.9)
    assert metrics.ece(np.zeros((0, 2)), np.zeros((0, 2))) == 0.0
    curve = metrics.reliability(p, calibrated, bins=5)
    assert len(curve) == 5 and sum(b["n"] for b in curve) == p.size
    report = metrics.calibration_report({"d": p}, {"d": calibrated})
    assert report["d"]["ece"] == round(metrics.ece(p, calibrated), 4)
