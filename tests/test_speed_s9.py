"""Session 9's throughput work: each shortcut gives what the work it skips gave.

* the batch's cue/rule hits and lexical features are shared read-only by the callers that only
  read them (no copy per caller) and equal a fresh matching;
* the context learner finds its gated cells once a batch;
* the whole tagging path gives the same rows whatever the batch (duplicates, empty and very long
  clauses, batch size 1).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest


def test_clause_hits_are_the_kept_hits_of_the_batch(taxonomy, gold_dataset):
    """``Knowledge.clause_hits`` answers a batch asked for again from the latest call, as the very
    tuples kept (no copy), equal to what ``match_clauses`` gives; ``match_clauses`` still hands
    out fresh lists; another batch is matched again."""
    from policytag.knowledge import Knowledge

    knowledge = Knowledge(taxonomy)
    clauses = list(gold_dataset.clauses[:50])
    first = knowledge.clause_hits(clauses)
    calls = []
    real = knowledge._match_texts
    knowledge._match_texts = lambda *a, **k: calls.append(1) or real(*a, **k)
    assert knowledge.clause_hits(tuple(clauses)) is first and not calls
    assert all(isinstance(hits, tuple) for hits in first)
    fresh = Knowledge(taxonomy).match_clauses(clauses)
    assert [list(hits) for hits in first] == fresh
    lists = knowledge.match_clauses(clauses)
    assert lists == fresh and all(a is not b for a, b in zip(lists, first)) and not calls
    assert knowledge.match_clauses(clauses, ["sector"]) == [[h for h in hits if h.dimension == "sector"] for hits in fresh]
    knowledge.clause_hits(gold_dataset.clauses[50:60])
    assert len(calls) == 1


def test_batch_features_are_shared_read_only(taxonomy, gold_dataset):
    """``Knowledge.batch_features``: the latest batch's features themselves (no copy), read-only,
    equal to ``features``; ``features`` still gives a copy its caller may change."""
    from policytag.knowledge import Knowledge

    knowledge = Knowledge(taxonomy)
    clauses = list(gold_dataset.clauses[:40])
    shared = knowledge.batch_features(clauses)
    assert knowledge.batch_features(list(clauses)) is shared
    want = Knowledge(taxonomy).features(clauses)
    for dim, f in shared.items():
        np.testing.assert_array_equal(f, want[dim])
        with pytest.raises(ValueError):
            f[0, 0, 0] = 5.0
    mine = knowledge.features(clauses)
    mine["sector"][:] = 3.0
    np.testing.assert_array_equal(knowledge.batch_features(clauses)["sector"], want["sector"])


def test_context_learner_finds_its_gated_cells_once_a_batch(monkeypatch, gold_dataset):
    """The context learner's rows to compute and its gate come from one ``gated_cells`` call per
    gated dimension (two before: the same cells found twice), and its probabilities are still
    the gate applied to every row's (the definition)."""
    from policytag.models import learners
    from policytag.models.learners import ContextTfidfTagger, gate_on_hits
    from policytag.models.runs import load_run
    from policytag.models.tfidf import TfidfTagger
    from policytag.paths import shipped_model_dir
    from policytag.taxonomy import DIMENSIONS

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    learner = [x for x in load_run(shipped_model_dir()).learners_ if isinstance(x, ContextTfidfTagger)][0]
    clauses = list(gold_dataset.clauses[:120])
    want = gate_on_hits(TfidfTagger.predict_proba(learner, clauses, DIMENSIONS), clauses, learner.taxonomy,
                        learner.mask_dimensions, learner.gate)
    calls = []
    real = learners.gated_cells
    monkeypatch.setattr(learners, "gated_cells", lambda *a: calls.append(a[2]) or real(*a))
    got = learner.predict_proba(clauses, DIMENSIONS)
    assert calls == list(learner.mask_dimensions)
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(got[dim], want[dim])


def _rows(tagged) -> list[dict]:
    return [t.to_dict() for t in tagged]


def test_tagging_is_the_same_whatever_the_batch(gold_dataset):
    """The shipped model's full path (probabilities, decoding, evidence, extraction) gives the
    same rows for a batch with repeated clauses (the same objects and equal copies), an empty
    clause, clauses of white space, digits or punctuation only and a very long clause, tagged in
    one batch, in batches of 7 and one by one."""
    from policytag.app import resolve_model
    from policytag.inference.tagging import tag_clauses
    from policytag.paths import shipped_model_dir

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    tagger = resolve_model(str(shipped_model_dir()))
    base = list(gold_dataset.clauses[:30])
    long_text = "".join(c.text for c in gold_dataset.clauses[30:90])
    odd = [dataclasses.replace(base[0], clause_id=f"odd{i}", text=text)
           for i, text in enumerate(["", "   ", "2027 2027", "。，；", long_text, "煤矿"])]
    clauses = base[:10] + [base[3], base[3]] + [dataclasses.replace(c, clause_id=c.clause_id + "b") for c in base[:5]] \
        + odd + base[10:]
    one = _rows(tag_clauses(tagger, clauses, progress=False, batch_size=1))
    assert _rows(tag_clauses(tagger, clauses, progress=False, batch_size=len(clauses))) == one
    assert _rows(tag_clauses(tagger, clauses, progress=False, batch_size=7)) == one


def test_clause_evidence_groups_by_dimension_where_an_id_names_two_labels():
    """``clause_evidence`` groups evidence by label id alone when no id names labels of two
    dimensions; where one does (a taxonomy may reuse an id), each dimension's label gets only its
    own evidence, as grouping by (dimension, label) gives."""
    from types import SimpleNamespace

    from policytag.inference.tagging import clause_evidence
    from policytag.records import Evidence, Labels

    taxonomy = {"sector": SimpleNamespace(ids=["x", "s1"]), "measure_type": SimpleNamespace(ids=["m1", "x"])}
    sx = Evidence("x", "sector", "cue", "煤矿", (0, 2))
    mx = Evidence("x", "measure_type", "ngram", "排查", (3, 5), 0.5)
    mx2 = Evidence("x", "measure_type", "cue", "排查", (3, 5))
    fake = SimpleNamespace(taxonomy=taxonomy, explain_parts=lambda clauses, labels: [[[sx, mx]], [[mx2, sx]]])
    proba = {"sector": np.full((1, 2), 0.7), "measure_type": np.full((1, 2), 0.6)}
    got = clause_evidence(fake, [object()], [Labels(("x",), ("x",))], proba)[0]
    assert got == {"sector": {"x": (sx,)}, "measure_type": {"x": (mx, mx2)}}
