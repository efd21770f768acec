"""Options of the hybrid's stacking (issue 17, fourth pass; all off by default): clause-level meta
features (``meta_extra``), thresholds for the dimension's micro-F1 (``threshold_objective``) and the
out-of-fold stacking averaged over several fold draws (``oof_bags``)."""

from __future__ import annotations

import numpy as np
import pytest

from policytag.metrics import per_label_prf
from policytag.models.features import clause_meta_features
from policytag.models.hybrid import HybridTagger
from policytag.models.thresholds import GRID, tune_thresholds, tune_thresholds_micro
from policytag.records import Clause

LEARNERS = [{"type": "tfidf", "params": {"min_df": 2}, "dimensions": ["measure_type"]}]


def _micro(proba, y, t):
    pred = proba >= t[None, :]
    tp = (pred & y).sum()
    return 2 * tp / (pred.sum() + y.sum())


def test_micro_thresholds_never_lose_micro_f1_to_per_label_ones():
    rng = np.random.default_rng(0)
    y = rng.random((300, 6)) < np.array([0.5, 0.3, 0.1, 0.05, 0.2, 0.0])
    proba = np.clip(0.35 * y + rng.random(y.shape) * 0.7, 0, 1)
    per_label = tune_thresholds(proba, y)
    micro = tune_thresholds_micro(proba, y)
    assert _micro(proba, y, micro) >= _micro(proba, y, per_label)
    assert set(micro[:5]) <= set(GRID)
    assert micro[5] == 0.5  # no positive example: the default, as tune_thresholds
    # the objective differs: here a per-label optimum is given up for the micro figure
    f1 = per_label_prf(np.repeat(y, 1, axis=1).astype(int), (proba >= micro).astype(int))[2]
    assert len(f1) == 6


def test_micro_thresholds_move_a_frequent_label_for_the_total():
    # label 0: frequent, a threshold of 0.35 trades its own F1 for more true positives overall
    y = np.zeros((20, 2), dtype=bool)
    y[:10, 0] = True
    y[:2, 1] = True
    proba = np.zeros((20, 2))
    proba[:10, 0] = np.linspace(0.3, 0.9, 10)
    proba[10:, 0] = np.linspace(0.1, 0.45, 10)
    proba[:2, 1] = 0.8
    t = tune_thresholds_micro(proba, y)
    assert _micro(proba, y, t) >= _micro(proba, y, tune_thresholds(proba, y))


def test_clause_meta_features():
    short = Clause("d", "a", (), "加强安全检查。", "clause")
    long = Clause("d", "b", (), "（一）加强安全检查；（二）严格执法。" * 5, "clause")
    cued = np.array([[1, 0, 0], [1, 1, 1]])
    x = clause_meta_features([short, long], ["log_length", "sentences", "cue_labels"], cued)
    assert x.shape == (2, 3)
    assert x[1, 0] > x[0, 0] and x[1, 1] > x[0, 1]
    assert x[0, 1] == 0.0  # one sentence
    assert np.allclose(x[:, 2], np.log1p([1, 3]))
    with pytest.raises(ValueError):
        clause_meta_features([short], ["nope"], cued[:1])


@pytest.fixture(scope="module")
def part(gold_dataset):
    return gold_dataset.subset(range(0, len(gold_dataset.examples), 3))


def test_meta_extra_is_a_weighted_feature_and_survives_save(part, tmp_path_factory):
    model = HybridTagger(learners=LEARNERS, folds=3, meta_extra=["log_length", "cue_labels"]).fit(part.clauses, part.labels)
    w = model.meta_weights()["measure_type"]
    some = next(v for v in w.values() if "constant" not in v)
    assert {"log_length", "cue_labels"} <= set(some)
    out = tmp_path_factory.mktemp("run")
    model.save(out)
    again = HybridTagger.load(out)
    assert again.meta_extra == ["log_length", "cue_labels"]
    p1, p2 = model.predict_proba(part.clauses[:9]), again.predict_proba(part.clauses[:9])
    assert all(np.allclose(p1[d], p2[d]) for d in p1)
    plain = HybridTagger(learners=LEARNERS, folds=3).fit(part.clauses, part.labels)
    assert not np.allclose(plain.predict_proba(part.clauses)["measure_type"], model.predict_proba(part.clauses)["measure_type"])


def test_oof_bags_average_fold_draws(part):
    one = HybridTagger(learners=LEARNERS, folds=3, random_state=3).fit(part.clauses, part.labels)
    two = HybridTagger(learners=LEARNERS, folds=3, random_state=3, oof_bags=2).fit(part.clauses, part.labels)
    # the final learners are fitted on every clause either way; the meta features they were
    # stacked with (out-of-fold) differ, so do the meta weights and out-of-fold probabilities
    assert not np.allclose(one.oof_proba_["measure_type"], two.oof_proba_["measure_type"])
    assert two.oof_proba_["measure_type"].shape == one.oof_proba_["measure_type"].shape
    assert two.train_info_["oof_folds"] == 3


def test_threshold_objective_micro_in_the_hybrid(part):
    model = HybridTagger(learners=LEARNERS, folds=3, threshold_objective="micro").fit(part.clauses, part.labels)
    from policytag.labels import label_matrix

    y = label_matrix(part.labels, model.taxonomy)["measure_type"].astype(bool)
    p = model.oof_proba_["measure_type"]
    assert _micro(p, y, model.thresholds_["measure_type"]) >= _micro(p, y, tune_thresholds(p, y)) - 1e-12


def test_meta_weight_moves_the_named_clauses_weight(part, tmp_path):
    import json as _json

    named = part.clauses[: len(part.clauses) // 2]
    path = tmp_path / "named.jsonl"
    path.write_text("".join(_json.dumps({"clause_id": c.clause_id, "doc_id": c.doc_id, "text": c.text,
                                         "sector": list(l.sector), "measure_type": list(l.measure_type)},
                                        ensure_ascii=False) + "\n" for c, l in zip(named, part.labels)), encoding="utf-8")
    spec = {"file": str(path), "weight": 4, "dimensions": ["measure_type"]}
    model = HybridTagger(learners=LEARNERS, folds=3, meta_weight=spec).fit(part.clauses, part.labels)
    plain = HybridTagger(learners=LEARNERS, folds=3).fit(part.clauses, part.labels)
    w = model._meta_row_weights(part.clauses)
    assert set(w) == {"measure_type"} and w["measure_type"].tolist().count(4.0) == len(named)
    a, b = model.predict_proba(part.clauses), plain.predict_proba(part.clauses)
    assert np.allclose(a["sector"], b["sector"])  # only the named dimension's meta-classifiers change
    assert not np.allclose(a["measure_type"], b["measure_type"])
    from policytag.models.hybrid import _meta_weight

    with pytest.raises(ValueError):
        _meta_weight({"file": str(path), "weight": 0})
