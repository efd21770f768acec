"""Hybrid tagger (knowledge + OOF-stacked learned model) and the frozen-embedding tagger: trained on
real gold clauses, saved and loaded without pickle, cloneable, and the cue features carry sectors."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from policytag.models.hybrid import HybridTagger
from policytag.records import Clause


@pytest.fixture(scope="module")
def data(gold_dataset):
    return gold_dataset


@pytest.fixture(scope="module")
def small_hybrid(data):
    part = data.subset(range(0, len(data.examples), 3))  # ~160 clauses of every year
    model = HybridTagger(learners=[{"type": "tfidf", "params": {"min_df": 2}, "dimensions": ["measure_type"]}],
                         folds=3)
    return model.fit(part.clauses, part.labels), part


def test_fit_predict_shapes_and_oof_thresholds(small_hybrid):
    model, part = small_hybrid
    proba = model.predict_proba(part.clauses[:7])
    assert proba["sector"].shape == (7, len(model.taxonomy.sector.ids))
    assert proba["measure_type"].shape == (7, len(model.taxonomy.measure_type.ids))
    assert ((proba["sector"] >= 0) & (proba["sector"] <= 1)).all()
    # thresholds come from the meta-classifier's out-of-fold predictions (no dev data given)
    assert model.oof_proba_["sector"].shape == (len(part.clauses), len(model.taxonomy.sector.ids))
    assert not np.allclose(model.thresholds_["measure_type"], 0.5)


def test_meta_features_per_dimension(small_hybrid):
    model, _ = small_hybrid
    w = model.meta_weights()
    assert "logit_tfidf" in w["measure_type"]["enforcement"]
    assert "logit_tfidf" not in w["sector"]["coal_mine"]  # TF-IDF feeds measure types only here
    # a cue word in the text is strong positive evidence for its sector
    assert w["sector"]["coal_mine"]["cue_text"] > 1.0


def test_save_load_roundtrip_without_pickle(small_hybrid, tmp_path):
    model, part = small_hybrid
    model.save(tmp_path)
    files = {p.name for p in tmp_path.rglob("*") if p.is_file()}
    assert "meta.json" in files and not any(f.endswith((".pkl", ".joblib", ".pickle")) for f in files)
    loaded = HybridTagger.load(tmp_path)
    a, b = model.predict_proba(part.clauses[:20]), loaded.predict_proba(part.clauses[:20])
    for dim in a:
        np.testing.assert_allclose(a[dim], b[dim], rtol=1e-6, atol=1e-9)
    assert model.predict(part.clauses[:20]) == loaded.predict(part.clauses[:20])


def test_scores_are_calibrated_on_oof(small_hybrid):
    from policytag.labels import label_matrix
    from policytag.metrics import ece

    model, part = small_hybrid
    assert model.calibrator_ is not None and model.calibrator_.method == "isotonic"
    y = label_matrix(part.labels, model.taxonomy)
    for dim in ("sector", "measure_type"):  # the OOF scores the thresholds were tuned on are calibrated
        assert ece(model.oof_proba_[dim], y[dim]) < 0.02


def test_clone_keeps_params(small_hybrid):
    model, _ = small_hybrid
    c = clone(model)
    assert c.get_params()["learners"] == model.get_params()["learners"]
    assert not hasattr(c, "meta_")


def test_standalone_clause_names_its_sector_not_cross_sector(small_hybrid):
    model, _ = small_hybrid
    clauses = [Clause("t", f"t{i}", (), text, "clause") for i, text in enumerate([
        "烟花爆竹经营单位要严格落实储存安全要求。",
        "各地要加强城镇燃气管网老化更新改造。",
        "加强尾矿库安全风险监测预警。"])]
    got = [lab.sector for lab in model.predict(clauses)]
    assert got[0] == ("fireworks_explosives",)
    assert "urban_gas" in got[1] and "cross_sector" not in got[1]
    assert "non_coal_mine" in got[2]


def test_explain_gives_evidence_with_spans(small_hybrid):
    model, part = small_hybrid
    clauses = part.clauses[:10]
    labels = model.predict(clauses)
    checked = 0
    for clause, lab, evs in zip(clauses, labels, model.explain(clauses, labels)):
        for ev in evs:
            assert ev.label in lab.sector + lab.measure_type
            if ev.source == "text":
                assert clause.text[ev.span[0]:ev.span[1]] == ev.text
                checked += 1
        assert {e.kind for e in evs} <= {"cue", "rule", "ngram"}
    assert checked >= len(clauses)  # the loop checked real evidence, not an empty list


def test_knowledge_only_hybrid_trains_without_learners(data):
    part = data.subset(range(0, len(data.examples), 4))
    model = HybridTagger(learners=[], folds=3).fit(part.clauses, part.labels)
    assert model.meta_weights()["sector"]["coal_mine"]["cue_text"] > 0


def test_a_refitted_hybrid_is_a_new_model_version(data):
    part = data.subset(range(0, len(data.examples), 12))  # small: only the version is under test
    model = HybridTagger(learners=[], folds=2, calibration=None).fit(part.clauses, part.labels)
    model.model_version = "old-run@20260101T000000-00000000"  # as if loaded from a run
    model.fit(part.clauses, part.labels)
    assert model.model_version != "old-run@20260101T000000-00000000"
    assert model.model_version.startswith("hybrid.v1@unsaved")


def test_learners_are_built_and_seeded_by_the_registry():
    from policytag.models.tfidf import TfidfTagger

    model = HybridTagger(random_state=5)
    learner = model._make_learner({"type": "tfidf", "params": {"min_df": 1}})
    assert isinstance(learner, TfidfTagger) and learner.random_state == 5 and learner.min_df == 1
    assert model._make_learner({"type": "tfidf.v1", "params": {"random_state": 2}}).random_state == 2
