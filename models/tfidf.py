"""TF-IDF character n-grams + one-vs-rest logistic regression (class-balanced), per dimension.

Fitting uses scikit-learn as is: one ``TfidfVectorizer`` shared by both dimensions and, per
dimension, ``OneVsRestClassifier(LogisticRegression)`` on the indicator matrix.

Saved without pickle (``model/``): ``tfidf.json`` (vectorizer parameters, vocabulary, idf and per
dimension the labels that were constant in training) and ``coef_<dim>.npy`` [k, n_features],
``intercept_<dim>.npy`` [k]. Loading rebuilds the vectorizer from the JSON (``vocabulary=`` +
``idf_``) and predicts with the stored coefficients: for a binary logistic regression
``predict_proba[:, 1] == expit(X @ coef.T + intercept)``, exactly what ``LogisticRegression``
computes. A run that still holds the old ``tfidf.joblib`` is refused (never unpickled).

Attributes for other code (e.g. TF-IDF evidence):

* ``vectorizer_``: the fitted ``TfidfVectorizer`` (``get_feature_names_out()`` names the columns);
* ``coef_[dim]``: float64 array [k, n_features], ``intercept_[dim]``: [k] (zero rows for constant
  labels); ``constant_[dim]``: float array [k], NaN where the label was learned, else the
  constant probability (0 or 1) of a label with one class only in training;
* ``classifiers_[dim]``: the fitted ``OneVsRestClassifier`` (only after ``fit``, not after load).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Annotated, Sequence

import numpy as np
from pydantic import AfterValidator, Field
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from policytag import PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import Tagger
from .registry import OptionalPositiveInt, PositiveFloat, PositiveInt, Seed, register_tagger
from .features import inputs

STATE_FILE = "tfidf.json"
LEGACY_PICKLE = "tfidf.joblib"
RETRAIN_HINT = "retrain it with `policytag train CONFIG` (e.g. configs/baseline.yaml)"


def _ngram_range(value: list[int]) -> list[int]:
    lo, hi = value
    if lo < 1 or hi < lo or hi > 10:
        raise ValueError(f"must be [min, max] with 1 <= min <= max <= 10, got {value}")
    return value


#: ``[min, max]`` character n-gram lengths
NgramRange = Annotated[list[int], Field(min_length=2, max_length=2), AfterValidator(_ngram_range)]


@register_tagger("tfidf.v1", aliases=("tfidf",))
class TfidfTagger(Tagger):
    """Character n-gram TF-IDF features shared by both dimensions; one binary LR per label.

    Labels with no positive (or no negative) training example get a constant probability,
    because a classifier cannot be fitted on one class.
    """

    def __init__(self, ngram_range: NgramRange = (1, 3), min_df: PositiveInt = 2,
                 max_features: OptionalPositiveInt = 200_000, C: PositiveFloat = 4.0, use_heading: bool = True,
                 random_state: Seed = 0, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        self.ngram_range = ngram_range  # stored unchanged (sklearn convention), made a tuple at use
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.random_state = random_state

    def _texts(self, clauses: Sequence[Clause]) -> list[str]:
        """What the vectorizer reads (a hook: ``models/learners.py`` masks cue words here)."""
        return inputs(clauses, self.use_heading)

    def _fit(self, clauses, y, dev) -> None:
        self.vectorizer_ = TfidfVectorizer(analyzer="char", ngram_range=tuple(self.ngram_range), min_df=self.min_df,
                                           max_features=self.max_features, sublinear_tf=True)
        X = self.vectorizer_.fit_transform(self._texts(clauses))
        self.classifiers_, self.coef_, self.intercept_, self.constant_ = {}, {}, {}, {}
        for dim in DIMENSIONS:
            Y = y[dim]
            ovr = OneVsRestClassifier(LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000,
                                                         random_state=self.random_state))
            with warnings.catch_warnings():
                # a label with one class only becomes a constant predictor; that is expected here
                warnings.filterwarnings("ignore", message="Label .* is present in all training examples")
                ovr.fit(X, Y)
            k = Y.shape[1]
            coef = np.zeros((k, X.shape[1]), dtype=np.float64)
            intercept = np.zeros(k, dtype=np.float64)
            constant = np.full(k, np.nan)
            for j, est in enumerate(ovr.estimators_):
                if Y[:, j].min() == Y[:, j].max():
                    constant[j] = float(Y[0, j])
                else:
                    coef[j], intercept[j] = est.coef_[0], est.intercept_[0]
            self.classifiers_[dim] = ovr
            self.coef_[dim], self.intercept_[dim], self.constant_[dim] = coef, intercept, constant

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        self._check_fitted(["vectorizer_", "coef_"])
        X = self.vectorizer_.transform(self._texts(clauses))
        out = {}
        for dim in DIMENSIONS:
            p = expit(np.asarray(X @ self.coef_[dim].T) + self.intercept_[dim][None, :])
            const = ~np.isnan(self.constant_[dim])
            p[:, const] = self.constant_[dim][const]
            out[dim] = p
        return out

    # -- plain-data state (no pickle) -----------------------------------------------------------
    def _save_state(self, directory: Path) -> None:
        vec = self.vectorizer_
        state = {
            "format": "policytag-tfidf/1",
            "vectorizer": {"analyzer": vec.analyzer, "ngram_range": list(vec.ngram_range),
                           "sublinear_tf": vec.sublinear_tf, "norm": vec.norm, "lowercase": vec.lowercase,
                           "smooth_idf": vec.smooth_idf},
            "vocabulary": {term: int(i) for term, i in vec.vocabulary_.items()},
            "idf": [float(x) for x in vec.idf_],
            "constant": {dim: [None if np.isnan(c) else float(c) for c in self.constant_[dim]] for dim in DIMENSIONS},
        }
        (directory / STATE_FILE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        for dim in DIMENSIONS:
            np.save(directory / f"coef_{dim}.npy", self.coef_[dim], allow_pickle=False)
            np.save(directory / f"intercept_{dim}.npy", self.intercept_[dim], allow_pickle=False)

    def _load_state(self, directory: Path) -> None:
        state_file = directory / STATE_FILE
        if not state_file.exists():
            if (directory / LEGACY_PICKLE).exists():
                raise PolicytagError(f"{directory / LEGACY_PICKLE}: pickle-based TF-IDF run from an older policytag; "
                                     f"it is not loaded because unpickling can run code: {RETRAIN_HINT}")
            raise PolicytagError(f"{state_file}: missing; the run directory is incomplete, {RETRAIN_HINT}")
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if state.get("format") != "policytag-tfidf/1":
            raise PolicytagError(f"{state_file}: unknown TF-IDF state format {state.get('format')!r}; {RETRAIN_HINT}")
        v = state["vectorizer"]
        vec = TfidfVectorizer(analyzer=v["analyzer"], ngram_range=tuple(v["ngram_range"]),
                              sublinear_tf=v["sublinear_tf"], norm=v["norm"], lowercase=v["lowercase"],
                              smooth_idf=v["smooth_idf"], vocabulary=state["vocabulary"])
        vec.idf_ = np.asarray(state["idf"], dtype=np.float64)  # also fixes vocabulary_ from vocabulary=
        self.vectorizer_ = vec
        n_features = len(state["vocabulary"])
        self.coef_, self.intercept_, self.constant_ = {}, {}, {}
        for dim in DIMENSIONS:
            k = len(self.taxonomy[dim].ids)
            coef = np.load(directory / f"coef_{dim}.npy", allow_pickle=False)
            intercept = np.load(directory / f"intercept_{dim}.npy", allow_pickle=False)
            if coef.shape != (k, n_features) or intercept.shape != (k,):
                raise PolicytagError(f"{directory}: coef_{dim}.npy has shape {coef.shape}, expected {(k, n_features)}; "
                                     f"the run directory is corrupt, {RETRAIN_HINT}")
            self.coef_[dim], self.intercept_[dim] = coef.astype(np.float64), intercept.astype(np.float64)
            self.constant_[dim] = np.array([np.nan if c is None else float(c) for c in state["constant"][dim]])
