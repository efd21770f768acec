"""TF-IDF character n-grams + one-vs-rest logistic regression (class-balanced), per dimension."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import NotFittedError, Tagger
from .features import inputs


class TfidfTagger(Tagger):
    """Character n-gram TF-IDF features shared by both dimensions; one binary LR per label.

    Labels with no positive (or no negative) training example get a constant probability,
    because a classifier cannot be fitted on one class.
    """

    name = "tfidf"

    def __init__(self, ngram_range: tuple[int, int] = (1, 3), min_df: int = 2, max_features: int | None = 200_000,
                 C: float = 4.0, use_heading: bool = True, random_state: int = 0, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        self.ngram_range = tuple(ngram_range)
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.random_state = random_state

    def params(self) -> dict:
        return {"ngram_range": list(self.ngram_range), "min_df": self.min_df, "max_features": self.max_features,
                "C": self.C, "use_heading": self.use_heading, "random_state": self.random_state}

    def _fit(self, clauses, y, dev) -> None:
        self.vectorizer_ = TfidfVectorizer(analyzer="char", ngram_range=self.ngram_range, min_df=self.min_df,
                                           max_features=self.max_features, sublinear_tf=True)
        X = self.vectorizer_.fit_transform(inputs(clauses, self.use_heading))
        self.estimators_ = {}
        for dim in DIMENSIONS:
            column_models = []
            for j in range(y[dim].shape[1]):
                col = y[dim][:, j]
                if col.min() == col.max():
                    column_models.append(float(col[0]))  # constant
                    continue
                lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000,
                                        random_state=self.random_state)
                column_models.append(lr.fit(X, col))
            self.estimators_[dim] = column_models

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        if not hasattr(self, "vectorizer_"):
            raise NotFittedError("TfidfTagger is not fitted yet: call fit() or load a run")
        X = self.vectorizer_.transform(inputs(clauses, self.use_heading))
        out = {}
        for dim in DIMENSIONS:
            cols = [np.full(X.shape[0], m) if isinstance(m, float) else m.predict_proba(X)[:, 1]
                    for m in self.estimators_[dim]]
            out[dim] = np.stack(cols, axis=1) if cols else np.zeros((X.shape[0], 0))
        return out

    def _save_state(self, directory: Path) -> None:
        joblib.dump({"vectorizer": self.vectorizer_, "estimators": self.estimators_}, directory / "tfidf.joblib")

    def _load_state(self, directory: Path) -> None:
        state = joblib.load(directory / "tfidf.joblib")
        self.vectorizer_, self.estimators_ = state["vectorizer"], state["estimators"]
