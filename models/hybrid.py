"""Knowledge + learned model: the codebook's cue/rule hits stacked with a learned tagger's
out-of-fold probabilities in a per-label meta-classifier.

Why stacking and not an override: the learned model (TF-IDF LR, or an LR on frozen encoder
embeddings) knows the corpus' phrasing of measure types, but on clauses written elsewhere it
falls back to the corpus' headings and the 48 % ``cross_sector`` prior. The cue/rule hits carry
the codebook's sector knowledge. A small logistic regression per label learns how much to trust
each source, from predictions the learned model made on clauses it did not see (out-of-fold), so
the weights reflect how the learned model behaves on unseen text.

Per label ``j`` of a dimension, the meta features are (shape ``[n, n_learners + 4]``):

* ``logit(p_j)`` of every learned model (out-of-fold at fit time, the full-data model after),
* ``cue_text_j``, ``rule_text_j``: a cue / rule of label ``j`` fires in the clause text,
* ``hit_heading_j``: it fires in the heading path (rule 13: context, its weight is learned),
* ``other_label_text_j``: some *other* label of the dimension fires in the text (what tells
  ``cross_sector`` from a named sector).

Scores are calibrated by an isotonic map fitted on the pooled out-of-fold meta probabilities
(``calibration``). Thresholds come from the meta-classifier's own out-of-fold probabilities (no dev data needed,
so the shipped default can learn from every label); ``threshold_source="dev"`` tunes them on the
dev split instead. Saved as JSON + the learned models' own (pickle-free) directories.
"""

from __future__ import annotations

import json
from operator import attrgetter
from pathlib import Path
from typing import Annotated, Literal, Optional, Sequence

import numpy as np
from pydantic import AfterValidator, Field, ValidationError

from policytag import PolicytagError
from policytag.errors import did_you_mean_or_list, validation_reason
from policytag.knowledge import FEATURES, load_knowledge
from policytag.labels import label_matrix
from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS

from .base import NotFittedError, Tagger
from .calibration import Calibrator
from .registry import PositiveFloat, Seed, build_tagger, params_schema, register_tagger, tagger_class, tagger_names
from .thresholds import tune_thresholds, tune_thresholds_micro

_EPS = 1e-4


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


def _labels_only(labels: Sequence[Labels], dims: tuple[str, ...]) -> Sequence[Labels]:
    """``labels`` with the dimensions not in ``dims`` emptied (``labels`` itself when none is).

    One ``Labels`` per distinct label set of the batch (a batch has few: ``dataclasses.replace``
    per clause and learner was 5 us a clause)."""
    if set(DIMENSIONS) <= set(dims):
        return labels
    # each clause's key (its label sets of ``dims``) and the key -> Labels look-up by C-level
    # maps and zip (no Python statement per clause)
    keys = list(zip(*[map(attrgetter(dim), labels) for dim in dims]))
    made = {key: Labels(**dict(zip(dims, key))) for key in dict.fromkeys(keys)}
    return list(map(made.__getitem__, keys))


def _folds(y: dict[str, np.ndarray], folds: int, seed: int, groups: Sequence[str] | None = None
           ) -> list[tuple[np.ndarray, np.ndarray]]:
    """K folds over the training clauses. With ``groups`` (the notice of each clause), whole notices
    are held out together, so out-of-fold predictions look like predictions on an unseen notice
    (clauses of one notice share headings and phrasing; random folds would leak them)."""
    from iterstrat.ml_stratifiers import MultilabelStratifiedKFold

    stacked = np.hstack([y[d] for d in DIMENSIONS])
    n = len(stacked)
    if groups is not None and len(set(groups)) >= folds >= 2:
        from sklearn.model_selection import GroupKFold

        return list(GroupKFold(n_splits=folds).split(np.zeros(n), groups=list(groups)))
    folds = max(2, min(folds, n))
    kf = MultilabelStratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(kf.split(np.zeros(n), stacked))


def _learner_specs(value: list[dict]) -> list[dict]:
    """Validate ``learners`` (each entry's params against that tagger type's own schema)."""
    out = []
    for i, item in enumerate(value):
        if set(item) - {"type", "params", "dimensions"} or "type" not in item:
            raise ValueError(f"learners[{i}]: needs 'type', optional 'params' and 'dimensions', got {sorted(item)}")
        dims = item.get("dimensions")
        if dims is not None and (not isinstance(dims, list) or not dims or set(dims) - set(DIMENSIONS)):
            raise ValueError(f"learners[{i}].dimensions: a non-empty list of {'/'.join(DIMENSIONS)}, got {dims!r}")
        kind = item["type"]
        try:
            cls = tagger_class(kind)
        except PolicytagError:
            cls = None
        if cls is None or not cls.stackable:
            raise ValueError(f"learners[{i}].type: {kind!r} is not a learnable tagger type"
                             + did_you_mean_or_list(kind, _stackable_names()))
        schema = params_schema(cls)
        try:
            params = schema.model_validate(item.get("params") or {})
        except ValidationError as exc:  # pydantic's location starts at the params: name the learner
            raise ValueError(_learner_param_error(i, exc, schema)) from None
        out.append({"type": kind, "params": params.model_dump(exclude_unset=True),
                    **({"dimensions": list(dims)} if dims else {})})
    return out


def _stackable_names() -> list[str]:
    """The tagger types a hybrid can stack (a learner's ``type``)."""
    out = []
    for name in tagger_names():
        try:
            if tagger_class(name).stackable:
                out.append(name)
        except PolicytagError:  # an entry point that does not load is no candidate
            continue
    return out


def _learner_param_error(i: int, exc: ValidationError, schema) -> str:
    """``learners[0].params.min_dff: unknown key (did you mean 'min_df'?)`` for a learner's first bad param."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"learners[{i}].params.{where}: {validation_reason(err, schema)}"


#: ``[{"type": ..., "params": {...}, "dimensions": [...]}, ...]``; None = one TF-IDF learner
LearnerSpecs = Annotated[Optional[list[dict]], AfterValidator(_learner_specs)]


def _tune_skip(value: dict | None) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"file", "dimensions"} or not isinstance(value.get("file"), str):
        raise ValueError(f"tune_skip: needs 'file' (a clause file) and optional 'dimensions', got {value!r}")
    dims = value.get("dimensions", list(DIMENSIONS))
    if not isinstance(dims, list) or not dims or set(dims) - set(DIMENSIONS):
        raise ValueError(f"tune_skip.dimensions: a non-empty list of {'/'.join(DIMENSIONS)}, got {dims!r}")
    return {"file": value["file"], "dimensions": list(dims)}


#: ``{"file": ..., "dimensions": [...]}``: training clauses (by ``clause_id``) whose labels follow
#: another convention than the gold's, left out of those dimensions' thresholds and calibration
TuneSkip = Annotated[Optional[dict], AfterValidator(_tune_skip)]

def _meta_weight(value: dict | None) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"file", "weight", "dimensions"} or not isinstance(value.get("file"), str):
        raise ValueError(f"meta_weight: needs 'file', 'weight' and optional 'dimensions', got {value!r}")
    weight = value.get("weight")
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not weight > 0:
        raise ValueError(f"meta_weight.weight: a positive number, got {weight!r}")
    return {**_tune_skip({"file": value["file"], "dimensions": value.get("dimensions", list(DIMENSIONS))}),
            "weight": float(weight)}


#: ``{"file": ..., "weight": w, "dimensions": [...]}``: the named training clauses weigh ``w`` times
#: in those dimensions' meta-classifiers (e.g. the clauses of other governments' genres)
MetaWeight = Annotated[Optional[dict], AfterValidator(_meta_weight)]

#: clause-level meta features (``meta_extra``), the same value in every label's meta features:
#: ``log_length`` log(characters / 64) of the clause text without remarks, ``sentences`` log of its
#: sentence/item count, ``cue_labels`` log(1 + the number of the dimension's labels whose cue or rule
#: fires in the text). Why: real clauses of other genres are longer and carry more measure types;
#: these let each label's meta-classifier move with the clause's length and how many instruments it names.
MetaExtra = Literal["log_length", "sentences", "cue_labels"]


@register_tagger("hybrid.v1", aliases=("hybrid",))
class HybridTagger(Tagger):
    """Per-label logistic meta-classifier on [learned models' OOF logits, cue/rule features].

    ``learners``: list of ``{"type": ..., "params": {...}, "dimensions": [...]}`` (tagger types
    from ``models.registry``, e.g. ``tfidf`` and ``embedding``; ``dimensions``: which
    dimensions' meta features use the learner, default both); an empty list gives the
    knowledge-only meta-classifier.
    """

    stackable = False  # not a learner of another hybrid

    def __init__(self, learners: LearnerSpecs = None, folds: Annotated[int, Field(ge=2, le=20)] = 5,
                 meta_C: PositiveFloat = 10.0, class_weight: Optional[Literal["balanced"]] = "balanced",
                 threshold_source: Literal["oof", "dev"] = "oof", fold_groups: Literal["notice", "stratified"] = "stratified",
                 calibration: Optional[Literal["isotonic", "platt"]] = "isotonic", use_heading: bool = True,
                 tune_skip: TuneSkip = None, meta_extra: Optional[list[MetaExtra]] = None, meta_weight: MetaWeight = None,
                 threshold_objective: Literal["label", "micro"] = "label",
                 oof_bags: Annotated[int, Field(ge=1, le=10)] = 1, random_state: Seed = 0, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        self.learners = learners  # stored unchanged (sklearn clone); None = one TF-IDF learner
        self.folds = folds
        self.meta_C = meta_C
        self.class_weight = class_weight
        self.threshold_source = threshold_source
        self.fold_groups = fold_groups
        self.calibration = calibration
        # {"file": clause file, "dimensions": [...]}: those clauses (training-only, labelled under
        # another convention) are left out of those dimensions' thresholds and calibration
        self.tune_skip = tune_skip
        # options of issue 17's fourth pass (docs/training.md §8), all off by default: clause-level
        # meta features; thresholds tuned for the dimension's micro-F1 instead of each label's F1;
        # the out-of-fold stacking repeated over `oof_bags` fold draws and averaged (less seed noise)
        self.meta_extra = meta_extra
        self.meta_weight = meta_weight
        self.threshold_objective = threshold_objective
        self.oof_bags = oof_bags
        self.random_state = random_state

    @property
    def learner_specs(self) -> list[dict]:
        return [dict(x) for x in (self.learners if self.learners is not None else [{"type": "tfidf", "params": {}}])]

    # ------------------------------------------------------------------ learners
    def _make_learner(self, spec: dict) -> Tagger:
        # seeded as build_tagger seeds every tagger; spec["dimensions"] only steers the meta features
        learner = build_tagger(spec["type"], spec.get("params"), seed=self.random_state, taxonomy=self.taxonomy)
        if hasattr(learner, "share_cache"):
            learner.share_cache(self._fit_cache)  # embeddings computed once per fit, all folds
        return learner

    # ------------------------------------------------------------------ features
    def _lexical(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        feats = load_knowledge(self.taxonomy).features(clauses)
        if not self.use_heading:
            for dim in DIMENSIONS:
                feats[dim][:, :, FEATURES.index("hit_heading")] = 0.0
        if self.meta_extra:
            from .features import clause_meta_features

            cued = [FEATURES.index("cue_text"), FEATURES.index("rule_text")]
            for dim in DIMENSIONS:
                extra = clause_meta_features(clauses, self.meta_extra, feats[dim][:, :, cued].max(axis=2))
                n, k, _ = feats[dim].shape
                feats[dim] = np.concatenate([feats[dim], np.broadcast_to(extra[:, None, :], (n, k, extra.shape[1]))], axis=2)
        return feats

    def _uses(self, spec: dict, dim: str) -> bool:
        """Does the learner's probability enter the meta features of ``dim``? (``dimensions`` in
        the learner spec; default both.)"""
        return dim in (spec.get("dimensions") or DIMENSIONS)

    def _meta_X(self, learned: list[dict[str, np.ndarray]], lexical: np.ndarray, dim: str, j: int) -> np.ndarray:
        cols = [_logit(p[dim][:, j])[:, None] for spec, p in zip(self.learner_specs, learned) if self._uses(spec, dim)]
        return np.hstack(cols + [lexical[:, j, :]])

    def _meta_fit(self, X: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None):
        if y.min() == y.max():
            return float(y[0])
        from sklearn.linear_model import LogisticRegression  # fit time only

        lr = LogisticRegression(C=self.meta_C, class_weight=self.class_weight, max_iter=1000)
        lr.fit(X, y, sample_weight=weight)
        return lr

    @staticmethod
    def _meta_predict(model, X: np.ndarray) -> np.ndarray:
        if isinstance(model, float):
            return np.full(len(X), model)
        z = X @ model["coef"] + model["intercept"] if isinstance(model, dict) else model.decision_function(X)
        return 1.0 / (1.0 + np.exp(-z))

    # ------------------------------------------------------------------ fit
    def fit(self, clauses: Sequence[Clause], labels: Sequence[Labels],
            dev_clauses: Sequence[Clause] | None = None, dev_labels: Sequence[Labels] | None = None) -> "HybridTagger":
        if len(clauses) != len(labels) or not clauses:
            raise PolicytagError("fit needs the same, non-zero number of clauses and label sets")
        y = label_matrix(labels, self.taxonomy)
        self._model_version = None  # a refitted model is a new model (as Tagger.fit)
        self._fit(clauses, y, None)
        self.taxonomy_version_ = self.taxonomy.version
        if self.threshold_source == "dev" and dev_clauses:
            self.tune_thresholds(dev_clauses, dev_labels)
        return self

    def _fit(self, clauses, y, dev) -> None:
        clauses = list(clauses)
        self._fit_cache: dict = {}
        try:
            groups = [c.doc_id for c in clauses] if self.fold_groups == "notice" else None
            splits = _folds(y, self.folds, self.random_state, groups)
            oof = [self._oof(spec, clauses, y, splits) for spec in self.learner_specs]
            bags = [splits]
            for b in range(1, self.oof_bags if groups is None else 1):
                # another fold draw; each clause's feature is the mean of its out-of-fold probabilities
                more = _folds(y, self.folds, self.random_state + 7919 * b, groups)
                bags.append(more)
                for i, spec in enumerate(self.learner_specs):
                    extra = self._oof(spec, clauses, y, more)
                    oof[i] = {dim: oof[i][dim] + (extra[dim] - oof[i][dim]) / (b + 1) for dim in DIMENSIONS}
            self.learners_ = []
            for spec in self.learner_specs:
                learner = self._make_learner(spec)
                learner.fit(clauses, [self._labels_at(y, i) for i in range(len(clauses))])
                self.learners_.append(learner)
        finally:
            self._fit_cache = {}
        from .tfidf import one_blas_thread

        with one_blas_thread():  # small logistic regressions: see one_blas_thread
            self._fit_meta(clauses, y, oof, bags)

    def _fit_meta(self, clauses, y, oof, bags) -> None:
        lexical = self._lexical(clauses)
        self.meta_ = {}
        self.thresholds_ = {}
        self.oof_proba_ = {}
        weights = self._meta_row_weights(clauses)
        for dim in DIMENSIONS:
            k = y[dim].shape[1]
            models, meta_oof = [], np.zeros((len(clauses), k))
            w = weights.get(dim)
            for j in range(k):
                X = self._meta_X(oof, lexical[dim], dim, j)
                col = y[dim][:, j]
                models.append(self._meta_fit(X, col, w))
                # the meta-classifier's own out-of-fold probabilities, for thresholds/calibration
                # (with oof_bags, the mean over the fold draws)
                for splits in bags:
                    for tr, te in splits:
                        m = self._meta_fit(X[tr], col[tr], None if w is None else w[tr])
                        meta_oof[te, j] += self._meta_predict(m, X[te]) / len(bags)
            self.meta_[dim] = models
            self.oof_proba_[dim] = meta_oof
        # a monotone map per dimension fitted on the pooled OOF scores (isotonic measured best on
        # dev: ECE 0.053 -> 0.007 sector, 0.071 -> 0.016 measure type); thresholds on the mapped scores
        tune = self._tune_rows(clauses)
        self.calibrator_ = Calibrator(self.calibration).fit(
            {d: p[tune[d]] for d, p in self.oof_proba_.items()}, {d: y[d][tune[d]] for d in y}) if self.calibration else None
        self.oof_proba_ = self._calibrate(self.oof_proba_)  # what the model outputs, out of fold
        tuner = tune_thresholds_micro if self.threshold_objective == "micro" else tune_thresholds
        for dim in DIMENSIONS:
            self.thresholds_[dim] = tuner(self.oof_proba_[dim][tune[dim]], y[dim][tune[dim]])
        self.train_info_ = {"oof_folds": len(bags[0]), "learners": [s["type"] for s in self.learner_specs]}

    def _meta_row_weights(self, clauses) -> dict[str, np.ndarray]:
        """``meta_weight``: per dimension it names, the sample weights of the meta-classifiers."""
        if not self.meta_weight:
            return {}
        from .learners import in_clause_file

        w = np.where(in_clause_file(clauses, self.meta_weight["file"]), self.meta_weight["weight"], 1.0)
        return {dim: w for dim in self.meta_weight["dimensions"]}

    def _tune_rows(self, clauses) -> dict[str, np.ndarray]:
        """Per dimension, the training rows thresholds and calibration are tuned on: all, except
        the ``tune_skip`` clauses for its dimensions. Why: the meta-classifier learns from every
        clause, but a decision threshold encodes a labelling convention, and the project's
        training clauses of other genres (data/train-v2, codebook v2) differ from the gold's
        (codebook v1.1, which the corpus and the real-text dev set follow) on some sector labels."""
        keep = np.ones(len(clauses), dtype=bool)
        if self.tune_skip:
            from .learners import in_clause_file

            keep = ~in_clause_file(clauses, self.tune_skip["file"])
            if not keep.any():  # nothing else to tune on: use every row
                keep[:] = True
        dims = self.tune_skip["dimensions"] if self.tune_skip else []
        return {dim: keep if dim in dims else np.ones(len(clauses), dtype=bool) for dim in DIMENSIONS}

    def _labels_at(self, y, i) -> Labels:
        return Labels(**{dim: tuple(self.taxonomy[dim].ids[j] for j in np.flatnonzero(y[dim][i])) for dim in DIMENSIONS})

    def _oof(self, spec, clauses, y, splits) -> dict[str, np.ndarray]:
        out = {dim: np.zeros(y[dim].shape, dtype=np.float64) for dim in DIMENSIONS}
        for tr, te in splits:
            learner = self._make_learner(spec)
            learner.fit([clauses[i] for i in tr], [self._labels_at(y, i) for i in tr])
            proba = learner.predict_proba([clauses[i] for i in te])
            for dim in DIMENSIONS:
                out[dim][te] = proba[dim]
        return out

    # ------------------------------------------------------------------ predict
    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        if not hasattr(self, "meta_"):
            raise NotFittedError("HybridTagger is not fitted yet: call fit() or load a run")
        clauses = list(clauses)
        if not clauses:
            return {dim: np.zeros((0, len(self.taxonomy[dim].ids))) for dim in DIMENSIONS}
        learned = [self._learner_proba(learner, spec, clauses) for learner, spec in zip(self.learners_, self.learner_specs)]
        lexical = self._lexical(clauses)
        raw = {dim: self._meta_proba(learned, lexical[dim], dim) for dim in DIMENSIONS}
        return self._calibrate(raw)

    def _meta_proba(self, learned: list[dict[str, np.ndarray]], lexical: np.ndarray, dim: str) -> np.ndarray:
        """Every label's meta-classifier probability: ``_meta_predict`` of ``_meta_X`` per label,
        with the learners' logits computed once for all labels (elementwise, so the same numbers)
        and each label's design matrix filled in place: per label, ``_meta_X``'s slicing,
        clipping, logs and ``hstack`` were a few dozen small numpy calls (a twentieth of the
        tagging time in batches of 128). The product with each label's weights is the same
        matrix-vector product on the same C-ordered matrix as before (``tests/test_speed.py``)."""
        logits = [_logit(p[dim]) for spec, p in zip(self.learner_specs, learned) if self._uses(spec, dim)]
        n, k = len(lexical), len(logits)
        X = np.empty((len(self.meta_[dim]), n, k + lexical.shape[2]))
        for c, z in enumerate(logits):
            X[:, :, c] = z.T
        X[:, :, k:] = lexical.transpose(1, 0, 2)
        models = self.meta_[dim]
        fitted = [j for j, m in enumerate(models) if isinstance(m, dict)]
        if len(fitted) < len(models) or not fitted:  # constants (or scikit-learn models, at fit time)
            return np.stack([self._meta_predict(m, X[j]) for j, m in enumerate(models)], axis=1)
        # every label at once: a stacked matmul computes each label's product with the same
        # matrix-vector kernel (gemv) on the same C-ordered matrix as ``X[j] @ coef`` (numpy's
        # matmul takes the matrix-vector path for a last dimension of 1), so the same numbers
        # (``tests/test_speed.py``); one call instead of one small product per label
        weights, intercepts = self._meta_weights(dim)
        z = np.matmul(X, weights)[:, :, 0] + intercepts
        return np.ascontiguousarray((1.0 / (1.0 + np.exp(-z))).T)

    def _meta_weights(self, dim: str) -> tuple[np.ndarray, np.ndarray]:
        """The fitted meta-classifiers of ``dim`` as arrays: coefficients ``[labels, features, 1]``
        and intercepts ``[labels, 1]`` (made once per ``meta_`` list)."""
        models = self.meta_[dim]
        cache = self.__dict__.setdefault("_meta_weights_cache", {})
        hit = cache.get(dim)
        if hit is None or hit[0] is not models:
            weights = np.stack([np.asarray(m["coef"], dtype=np.float64) for m in models])[:, :, None]
            intercepts = np.array([[m["intercept"]] for m in models], dtype=np.float64)
            hit = cache[dim] = (models, weights, intercepts)
        return hit[1], hit[2]

    def _learner_proba(self, learner, spec: dict, clauses: list[Clause]) -> dict[str, np.ndarray]:
        """The learner's probabilities for the dimensions whose meta features use it (all of them
        when the learner cannot compute fewer): a TF-IDF learner of one dimension skips the other's
        product with its coefficients."""
        if getattr(learner, "proba_by_dimension", False):
            return learner.predict_proba(clauses, dimensions=[d for d in DIMENSIONS if self._uses(spec, d)])
        return learner.predict_proba(clauses)

    def _calibrate(self, proba: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        calibrator = getattr(self, "calibrator_", None)
        return calibrator.transform(proba) if calibrator is not None else proba

    def explain(self, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None):
        """Per clause, the evidence for each output label: cue/rule hits, then the learned
        models' own evidence (TF-IDF n-grams, embedding occlusion)."""
        from .evidence import merge_evidence

        return merge_evidence(self.explain_parts(clauses, labels))

    def explain_parts(self, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None):
        """``explain`` before merging: one ``[[Evidence] per clause]`` per source (the cue/rule
        hits, then each learner's; consecutive TF-IDF learners give one part, per clause their
        evidence one after another), for a caller that merges them with its own pass.

        A learner explains only the labels of the dimensions whose meta features use it
        (``dimensions`` of its spec): the measure-type TF-IDF learner's sector coefficients never
        reach a sector score, so its n-grams are no reason for a sector label."""
        from .evidence import is_tfidf, learned_evidence, lexical_evidence, ngram_evidence_many

        clauses = list(clauses)
        labels = labels if labels is not None else self.predict(clauses)
        # learners that feed the same dimensions get the same label list (made once per batch)
        used: dict[tuple[str, ...], Sequence[Labels]] = {}
        out = [lexical_evidence(self, clauses, labels)]
        run: list[tuple] = []  # consecutive TF-IDF learners and their label lists
        for learner, spec in zip(self.learners_, self.learner_specs):
            dims = tuple(dim for dim in DIMENSIONS if self._uses(spec, dim))
            mine = used.get(dims)
            if mine is None:
                mine = used[dims] = _labels_only(labels, dims)
            if is_tfidf(learner):
                run.append((learner, mine))
                continue
            if run:
                out.append(ngram_evidence_many(run, clauses))
                run = []
            out.append(learned_evidence(learner, clauses, mine))
        if run:
            # one part for consecutive TF-IDF learners: per clause the concatenation of their
            # parts, which every merge (merge_evidence, clause_evidence) reads in that order
            # anyway; made in one batched pass (ngram_evidence_many)
            out.append(ngram_evidence_many(run, clauses))
        return out

    def meta_weights(self) -> dict[str, dict[str, dict[str, float]]]:
        """``{dim: {label: {feature: weight}}}`` of the meta-classifiers (for docs and tests)."""
        out = {}
        for dim in DIMENSIONS:
            names = ([f"logit_{s['type']}" for s in self.learner_specs if self._uses(s, dim)] + list(FEATURES)
                     + list(self.meta_extra or ()))
            out[dim] = {}
            for lid, m in zip(self.taxonomy[dim].ids, self.meta_[dim]):
                if isinstance(m, float):
                    out[dim][lid] = {"constant": m}
                else:
                    coef = m["coef"] if isinstance(m, dict) else m.coef_[0]
                    out[dim][lid] = dict(zip(names, map(float, coef)))
        return out

    # ------------------------------------------------------------------ persistence (no pickle)
    def _save_state(self, directory: Path) -> None:
        meta = {}
        for dim in DIMENSIONS:
            rows = []
            for m in self.meta_[dim]:
                if isinstance(m, float):
                    rows.append({"constant": m})
                elif isinstance(m, dict):
                    rows.append({"coef": list(map(float, m["coef"])), "intercept": float(m["intercept"])})
                else:
                    rows.append({"coef": list(map(float, m.coef_[0])), "intercept": float(m.intercept_[0])})
            meta[dim] = rows
        if self.calibrator_ is not None:
            meta["calibration"] = self.calibrator_.to_dict()
        (directory / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        np.savez(directory / "oof_proba.npz", **self.oof_proba_)
        for i, learner in enumerate(self.learners_):
            sub = directory / f"learner{i}"
            sub.mkdir()
            learner.save(sub)

    def _load_state(self, directory: Path) -> None:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        cal = meta.pop("calibration", None)
        self.calibrator_ = Calibrator.from_dict(cal) if cal else None
        self.meta_ = {dim: [float(r["constant"]) if "constant" in r else
                            {"coef": np.asarray(r["coef"]), "intercept": float(r["intercept"])} for r in rows]
                      for dim, rows in meta.items()}
        oof = directory / "oof_proba.npz"
        if oof.exists():
            with np.load(oof, allow_pickle=False) as z:
                self.oof_proba_ = {k: z[k] for k in z.files}
        self.learners_ = [tagger_class(spec["type"]).load(directory / f"learner{i}", taxonomy=self.taxonomy)
                          for i, spec in enumerate(self.learner_specs)]
