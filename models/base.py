"""The one interface every tagger implements (keyword matcher, TF-IDF baseline, fine-tuned BERT).

A scikit-learn style estimator (``Params``: ``BaseEstimator``'s parameter protocol, without
importing scikit-learn at tagging time): hyper-parameters only in ``__init__`` and stored
unchanged (no file I/O there: the taxonomy, when not passed, is loaded on first use), so
``get_params``/``set_params`` and ``sklearn.base.clone`` work; learned state in attributes ending
in ``_`` set by ``fit``/``load``; using an unfitted tagger raises ``NotFittedError`` (both a
``PolicytagError`` and sklearn's ``NotFittedError``). Training, evaluation, tagging and Label
Studio pre-annotation are written once against this class.

Public attributes other code reads: ``taxonomy``, ``thresholds_`` (``{dim: float array [k]}``),
``taxonomy_version_`` and ``model_version`` (the run's version string once loaded from a run,
see ``runs.load_run``).
"""

from __future__ import annotations

import json
import sys
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from policytag import PolicytagError
from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy, load_taxonomy

from policytag.labels import label_matrix

from .thresholds import decode, tune_thresholds


class NotFittedError(PolicytagError, ValueError, AttributeError):
    """A tagger used before ``fit``/``load`` (one-line message; also scikit-learn's NotFittedError).

    Tagging never imports scikit-learn, so this class cannot inherit from its ``NotFittedError``;
    when scikit-learn is loaded (and so its exception can be caught at all) the error raised is an
    instance of a subclass that is both.
    """

    def __new__(cls, *args, **kwargs):
        if cls is NotFittedError:
            sk = sys.modules.get("sklearn.exceptions")
            if sk is not None:
                cls = _sklearn_compatible(sk.NotFittedError)
        return super().__new__(cls, *args, **kwargs)


_COMPATIBLE: dict[type, type] = {}


def _sklearn_compatible(sk_error: type) -> type:
    if sk_error not in _COMPATIBLE:
        _COMPATIBLE[sk_error] = type("NotFittedError", (NotFittedError, sk_error), {"__module__": __name__})
    return _COMPATIBLE[sk_error]


class Params:
    """scikit-learn's estimator parameter protocol (``get_params``/``set_params``, so
    ``sklearn.base.clone`` works) without importing scikit-learn.

    Tagging with a saved hybrid or TF-IDF model needs numpy and scipy.sparse only; importing
    ``sklearn.base`` alone pulls in scipy.stats and pandas (seconds of a one-notice ``policytag
    tag``), so the taggers' base class implements the protocol itself, exactly as
    ``BaseEstimator`` does: the parameters are the ``__init__`` arguments, read back as attributes.
    """

    @classmethod
    def _get_param_names(cls) -> list[str]:
        import inspect

        init = cls.__init__
        if init is object.__init__:
            return []
        params = [p for p in inspect.signature(init).parameters.values() if p.name != "self" and p.kind != p.VAR_KEYWORD]
        if any(p.kind == p.VAR_POSITIONAL for p in params):
            raise RuntimeError(f"{cls.__name__}: estimators must name their parameters in __init__ (no *args)")
        return sorted(p.name for p in params)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in self._get_param_names():
            value = getattr(self, key)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((f"{key}__{k}", v) for k, v in value.get_params().items())
            out[key] = value
        return out

    def set_params(self, **params) -> "Params":
        valid = self.get_params(deep=True)
        nested: dict[str, dict[str, Any]] = {}
        for key, value in params.items():
            key, sep, sub = key.partition("__")
            if key not in valid:
                raise ValueError(f"invalid parameter {key!r} for {type(self).__name__}; valid: {sorted(valid)}")
            if sep:
                nested.setdefault(key, {})[sub] = value
            else:
                setattr(self, key, value)
                valid[key] = value
        for key, sub in nested.items():
            valid[key].set_params(**sub)
        return self


class Tagger(Params, ABC):
    """Multi-label tagger for both dimensions (sector, measure_type)."""

    #: registry name (set by ``models.registry.register_tagger``), stored in the run directory
    name: str = "tagger"
    #: may be a learner stacked inside the hybrid
    stackable: bool = True
    #: may be chosen as the default tagging model (the keyword matcher is a reference row only)
    default_candidate: bool = True

    def __init__(self, use_heading: bool = True, taxonomy: Taxonomy | None = None):
        self.use_heading = use_heading
        self.taxonomy = taxonomy

    # ``taxonomy`` is a hyper-parameter (None = the configured taxonomy). Reading it resolves None
    # lazily, so construction does no file I/O; clone() passes the resolved object on unchanged.
    @property
    def taxonomy(self) -> Taxonomy:
        if self._taxonomy is None:
            self._taxonomy = load_taxonomy()
        return self._taxonomy

    @taxonomy.setter
    def taxonomy(self, value: Taxonomy | None) -> None:
        self._taxonomy = value

    def __repr__(self) -> str:
        # sklearn's repr would print the whole taxonomy; the version is what identifies it
        params = ", ".join(f"{k}={v!r}" for k, v in self.params().items())
        version = self._taxonomy.version if self._taxonomy is not None else "default"
        return f"{type(self).__name__}({params}, taxonomy=<{version}>)"

    # -- to implement ------------------------------------------------------------------------
    @abstractmethod
    def _fit(self, clauses: Sequence[Clause], y: dict[str, np.ndarray],
             dev: tuple[Sequence[Clause], dict[str, np.ndarray]] | None) -> None:
        """Learn from clauses and indicator matrices ``y[dim]`` of shape [n, n_labels(dim)]."""

    @abstractmethod
    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        """``{dim: float array [n_clauses, n_labels(dim)]}``, columns in taxonomy order."""

    @abstractmethod
    def _save_state(self, directory: Path) -> None: ...

    @abstractmethod
    def _load_state(self, directory: Path) -> None: ...

    def params(self) -> dict[str, Any]:
        """Hyper-parameters (JSON-serialisable), enough to rebuild the object: ``get_params``
        without the taxonomy, tuples as lists."""
        out = {}
        for key, value in self.get_params(deep=False).items():
            if key != "taxonomy":
                out[key] = list(value) if isinstance(value, tuple) else value
        return out

    # -- shared behaviour --------------------------------------------------------------------
    @property
    def model_version(self) -> str:
        """The run's version string once loaded from (or saved as) a run, ``RUN@CREATED-CONTENT``
        (``runs.make_model_version``), e.g. ``baseline-tfidf@20261201T215012-3fa9c2d1``; an unsaved
        model names its registered type: ``tfidf.v1@unsaved-taxonomy-2.0.0``."""
        version = getattr(self, "_model_version", None)
        return version or f"{self.name}@unsaved-taxonomy-{self.taxonomy.version}"

    @model_version.setter
    def model_version(self, value: str) -> None:
        self._model_version = value

    def fit(self, clauses: Sequence[Clause], labels: Sequence[Labels],
            dev_clauses: Sequence[Clause] | None = None, dev_labels: Sequence[Labels] | None = None) -> "Tagger":
        """Fit on clauses/labels; with dev data, tune per-label thresholds on it."""
        if len(clauses) != len(labels) or not clauses:
            raise PolicytagError("fit needs the same, non-zero number of clauses and label sets")
        y = label_matrix(labels, self.taxonomy)
        dev = (dev_clauses, label_matrix(dev_labels, self.taxonomy)) if dev_clauses else None
        self._model_version = None  # a refitted model is a new model
        self._fit(clauses, y, dev)
        self.taxonomy_version_ = self.taxonomy.version
        self.thresholds_ = {dim: np.full(len(self.taxonomy[dim].ids), 0.5) for dim in DIMENSIONS}
        if dev is not None:
            self.tune_thresholds(dev_clauses, dev_labels)
        return self

    def tune_thresholds(self, clauses: Sequence[Clause], labels: Sequence[Labels]) -> "Tagger":
        """Per-label best-F1 thresholds on held-out clauses (dev data)."""
        self._check_fitted()
        return self.set_thresholds_from(self.predict_proba(clauses), label_matrix(labels, self.taxonomy))

    def set_thresholds_from(self, proba: dict[str, np.ndarray], y: dict[str, np.ndarray]) -> "Tagger":
        """Per-label best-F1 thresholds from given held-out probabilities (e.g. out-of-fold
        predictions) and indicator matrices, both ``{dim: [n, k]}``."""
        self.thresholds_ = {dim: tune_thresholds(proba[dim], y[dim]) for dim in DIMENSIONS}
        return self

    def predict(self, clauses: Sequence[Clause], thresholds: dict[str, np.ndarray] | float | None = None) -> list[Labels]:
        """Label sets (best first) from ``predict_proba`` and the tuned (or given) thresholds."""
        self._check_fitted()  # before predict_proba, which may touch learned state first
        return self.decode(self.predict_proba(clauses), thresholds)

    def decode(self, proba: dict[str, np.ndarray], thresholds: dict[str, np.ndarray] | float | None = None) -> list[Labels]:
        self._check_fitted()
        if thresholds is None:
            thresholds = self.thresholds_
        elif isinstance(thresholds, (int, float)):
            thresholds = {dim: np.full(len(self.taxonomy[dim].ids), float(thresholds)) for dim in DIMENSIONS}
        return decode(proba, thresholds, self.taxonomy)

    def _check_fitted(self, attributes: str | list[str] = "thresholds_") -> None:
        """``sklearn.utils.validation.check_is_fitted(self, attributes)``, as a one-line error."""
        names = [attributes] if isinstance(attributes, str) else list(attributes)
        if not all(hasattr(self, name) for name in names):
            raise NotFittedError(f"{type(self).__name__} is not fitted yet: call fit() or load a run")

    def save(self, directory: str | Path) -> None:
        """Write the model into an existing (temporary) directory; see ``runs.save_run``."""
        self._check_fitted()
        directory = Path(directory)
        meta = {
            "name": self.name,
            "params": self.params(),
            "taxonomy_version": self.taxonomy_version_,
            "labels": {dim: self.taxonomy[dim].ids for dim in DIMENSIONS},
            "thresholds": {dim: [float(x) for x in t] for dim, t in self.thresholds_.items()},
        }
        (directory / "tagger.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        self._save_state(directory)

    @classmethod
    def load(cls, directory: str | Path, taxonomy: Taxonomy | None = None) -> "Tagger":
        directory = Path(directory)
        meta = json.loads((directory / "tagger.json").read_text(encoding="utf-8"))
        taxonomy = taxonomy or load_taxonomy()
        if meta["taxonomy_version"] != taxonomy.version or any(
                meta["labels"][dim] != taxonomy[dim].ids for dim in DIMENSIONS):
            raise PolicytagError(
                f"{directory}: model was trained on taxonomy version {meta['taxonomy_version']}, "
                f"the current taxonomy is {taxonomy.version}; retrain it with `policytag train`")
        obj = cls(**meta["params"], taxonomy=taxonomy)
        obj._model_version = None
        obj.taxonomy_version_ = meta["taxonomy_version"]
        obj.thresholds_ = {dim: np.asarray(t, dtype=np.float64) for dim, t in meta["thresholds"].items()}
        obj._load_state(directory)
        return obj
