"""The speed work changes no prediction: a fixed small hybrid run (``tests/data/speed_snapshot``,
built by ``tests/build_speed_snapshot.py`` with the matcher and tagging path as they were before
the one-pass matcher) tags the stored challenge clauses through today's optimised path, and its
labels, probabilities, evidence and extracted fields must equal the stored ones."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import TEST_DATA

HERE = TEST_DATA / "speed_snapshot"
REBUILD = "only when the run itself is rebuilt: .venv/bin/python tests/build_speed_snapshot.py"


@pytest.fixture(scope="module")
def snapshot():
    from policytag.models.hybrid import HybridTagger
    from policytag.records import Clause
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(HERE / "taxonomy.yaml")
    tagger = HybridTagger.load(HERE / "model", taxonomy=taxonomy)
    rows = [json.loads(line) for line in (HERE / "snapshot.jsonl").read_text(encoding="utf-8").splitlines()]
    return tagger, [Clause.from_dict(r["clause"]) for r in rows], rows


@pytest.mark.parametrize("batch_size", [1, 64, 1000])
def test_optimised_path_reproduces_the_old_paths_snapshot(snapshot, batch_size):
    from policytag.inference.tagging import predict_proba_batched, tag_clauses
    from policytag.taxonomy import DIMENSIONS

    tagger, clauses, rows = snapshot
    assert len(rows) > 150
    used = {dim for spec in tagger.learner_specs for dim in (spec.get("dimensions") or DIMENSIONS)}
    assert used != set(DIMENSIONS), "the snapshot run must have a learner that feeds one dimension only"
    tagged = tag_clauses(tagger, clauses, progress=False, batch_size=batch_size)
    proba = predict_proba_batched(tagger, clauses, batch_size=batch_size, progress=False)
    for i, (t, row) in enumerate(zip(tagged, rows)):
        d = t.to_dict()
        where = f"clause {row['clause']['clause_id']} (snapshot regenerated {REBUILD})"
        assert d["sector"] == row["sector"], where
        assert d["measure_type"] == row["measure_type"], where
        for dim in DIMENSIONS:
            np.testing.assert_allclose(proba[dim][i], row["proba"][dim], rtol=0, atol=1e-9, err_msg=where)
        assert d["evidence"] == _explained_by_used_learners(row, used, tagger.taxonomy), where
        assert d["deadlines"] == row["deadlines"], where
        assert d["targets"] == row["targets"], where



def _explained_by_used_learners(row: dict, used: set[str], taxonomy) -> dict:
    """The stored evidence as the hybrid gives it since each learner explains only the dimensions
    it feeds (``HybridTagger.explain_parts``): the snapshot was taken when the run's one TF-IDF
    learner (``dimensions: [measure_type]``) also explained sector labels with n-grams. Those
    n-grams go; a label left without evidence gets the ``score`` item ``clause_evidence`` gives
    (the stored probability). Everything else (cue/rule items, measure-type n-grams, order,
    weights) must still be equal."""
    from policytag.inference.tagging import SCORE_DECIMALS

    out = {}
    for dim, per in row["evidence"].items():
        out[dim] = {}
        for lid, items in per.items():
            kept = [e for e in items if dim in used or e["kind"] != "ngram"]
            if not kept:
                p = row["proba"][dim][taxonomy[dim].ids.index(lid)]
                kept = [{"label": lid, "dimension": dim, "kind": "score", "text": "", "span": [0, 0],
                         "weight": round(p, SCORE_DECIMALS), "source": "text"}]
            out[dim][lid] = kept
    return out
