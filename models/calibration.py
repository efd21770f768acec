"""Calibration of label scores: expected calibration error, reliability curves, and isotonic /
Platt calibrators fitted on out-of-fold predictions.

Annotators see the scores as pre-annotation confidence and active learning ranks by them, so a
score of 0.8 should be right about 80 % of the time. All functions take one dimension's
probabilities ``proba`` ``[n, k]`` and indicators ``y`` ``[n, k]`` and pool every (clause, label)
pair, which is what a reader of the scores sees.
"""

from __future__ import annotations

import numpy as np


def reliability(proba: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    """Equal-width bins over [0, 1]: per bin ``{lo, hi, n, mean_score, frac_positive}``."""
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
    """Expected calibration error: sum over bins of (bin share) × |mean score − positive rate|."""
    curve = reliability(proba, y, bins)
    n = sum(b["n"] for b in curve)
    if not n:
        return 0.0
    return float(sum(b["n"] / n * abs(b["mean_score"] - b["frac_positive"]) for b in curve if b["n"]))


def calibration_report(proba: dict[str, np.ndarray], y: dict[str, np.ndarray], bins: int = 10) -> dict:
    """``{dim: {"ece": float, "reliability": [bins]}}``."""
    return {dim: {"ece": round(ece(proba[dim], y[dim], bins), 4), "reliability": reliability(proba[dim], y[dim], bins)}
            for dim in proba}


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
