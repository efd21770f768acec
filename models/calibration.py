"""Isotonic / Platt calibrators of label scores, fitted on out-of-fold predictions (the error
they reduce, ECE, and the reliability curves are ``policytag.metrics``).

Annotators see the scores as pre-annotation confidence and active learning ranks by them, so a
score of 0.8 should be right about 80 % of the time. All functions take one dimension's
probabilities ``proba`` ``[n, k]`` and indicators ``y`` ``[n, k]`` and pool every (clause, label)
pair, which is what a reader of the scores sees.
"""

from __future__ import annotations

import numpy as np


class Calibrator:
    """One monotone map per dimension, fitted on pooled out-of-fold (score, label) pairs.

    ``method``: ``"isotonic"`` (sklearn ``IsotonicRegression``) or ``"platt"`` (a 1-D logistic
    regression on the logit). Stored as plain numbers (``to_dict``/``from_dict``), no pickle.
    """

    def __init__(self, method: str = "isotonic"):
        if method not in ("isotonic", "platt"):
            raise ValueError(f"unknown calibration method {method!r}")
        self.method = method
        self.maps_: dict[str, dict] = {}

    def fit(self, proba: dict[str, np.ndarray], y: dict[str, np.ndarray]) -> "Calibrator":
        for dim, p in proba.items():
            x, t = np.asarray(p, dtype=np.float64).ravel(), np.asarray(y[dim], dtype=np.float64).ravel()
            if self.method == "isotonic":
                from sklearn.isotonic import IsotonicRegression

                iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x, t)
                self.maps_[dim] = {"x": iso.X_thresholds_.tolist(), "y": iso.y_thresholds_.tolist()}
            else:
                from sklearn.linear_model import LogisticRegression

                z = _logit(x)[:, None]
                lr = LogisticRegression(C=1e6).fit(z, t)
                self.maps_[dim] = {"a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])}
        return self

    def transform(self, proba: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        out = {}
        for dim, p in proba.items():
            m = self.maps_.get(dim)
            p = np.asarray(p, dtype=np.float64)
            if m is None:
                out[dim] = p
            elif self.method == "isotonic":
                out[dim] = np.interp(p, m["x"], m["y"])
            else:
                out[dim] = 1.0 / (1.0 + np.exp(-(m["a"] * _logit(p) + m["b"])))
        return out

    def to_dict(self) -> dict:
        return {"method": self.method, "maps": self.maps_}

    @classmethod
    def from_dict(cls, data: dict) -> "Calibrator":
        obj = cls(data["method"])
        obj.maps_ = data["maps"]
        return obj


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))
