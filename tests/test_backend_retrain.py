"""Retraining from annotations (no server): gold minus the held-out years + annotations, the
held-out macro-F1 gate (a better model is saved and switched to, a worse one refused with both
figures), held-out annotations never trained on, and the one-at-a-time worker."""

import json
import threading
import time

import pytest

from policytag.backend.wiring import retrain_recipe
from policytag.backend.retrain import Retrainer, retrain_once
from policytag.io import read_jsonl
from policytag.models.runs import load_run, tagger_class



@pytest.fixture(scope="module")
def recipe():
    """The default recipe's data and split, with a fast TF-IDF model and the temporal split (dev
    years tune thresholds), without augmentation clauses (so the counts below are gold's)."""
    r = retrain_recipe()
    return {**r, "data": {k: r["data"][k] for k in ("gold", "corpus")}, "split": {**r["split"], "mode": "temporal"},
            "model": {"type": "tfidf", "params": {"ngram_range": [1, 2], "max_features": 20000, "min_df": 2,
                                                   "C": 4.0, "use_heading": True}}}


@pytest.fixture(scope="module")
def gold(recipe):
    from policytag.training.data import load_dataset

    return load_dataset(recipe["data"]["gold"], recipe["data"]["corpus"])


@pytest.fixture(scope="module")
def weak(gold, recipe):
    """A TF-IDF model that saw only 15 clauses."""
    few = [e for e in gold.examples if e.clause.year <= 2021][:15]
    return tagger_class("tfidf")(**recipe["model"]["params"]).fit([e.clause for e in few], [e.labels for e in few])


def row(example, **over):
    c, y = example.clause, example.labels
    return {"clause_id": c.clause_id, "doc_id": c.doc_id, "year": c.year, "text": c.text,
            "heading_path": list(c.heading_path), "sector": list(y.sector), "measure_type": list(y.measure_type),
            **over}


def test_a_better_model_is_saved_and_switched_to(tmp_path, recipe, gold, weak):
    test_example = next(e for e in gold.examples if e.clause.year == 2025)
    new_clause = next(e for e in gold.examples if e.clause.year == 2019)
    rows = [row(test_example),  # a held-out clause: must not be trained on
            row(new_clause, clause_id="new-2027-1", doc_id="new-2027", year=2027)]  # a clause gold does not have
    new, outcome = retrain_once(weak, rows, recipe, tmp_path / "runs", "bk", 5, "test", load_run)
    assert new is not None and outcome.accepted, outcome
    assert outcome.new_macro_f1 > outcome.old_macro_f1
    assert outcome.n_annotations == 2 and outcome.n_annotations_heldout == 1
    n_gold_train = sum(e.clause.year <= 2021 for e in gold.examples)
    assert outcome.n_train == n_gold_train + 1
    assert outcome.n_heldout == sum(e.clause.year >= 2024 for e in gold.examples)
    assert new.model_version != weak.model_version and new.model_version == outcome.new_version
    run = json.loads((tmp_path / "runs" / outcome.run_dir.split("/")[-1] / "run.json").read_text(encoding="utf-8"))
    assert run["taxonomy_version"] == new.taxonomy_version_
    assert "switched to" in outcome.line() and f"{outcome.old_macro_f1:.4f}" in outcome.line()


def test_a_worse_model_is_refused_with_both_figures(tmp_path, recipe, gold, weak):
    # the current model is strong (all of gold's train years); the recipe's base data is tiny
    train = [e for e in gold.examples if e.clause.year <= 2023]
    strong = tagger_class("tfidf")(**recipe["model"]["params"]).fit([e.clause for e in train], [e.labels for e in train])
    rows = read_jsonl(recipe["data"]["gold"])
    years = {e.clause.clause_id: e.clause.year for e in gold.examples}
    # held-out years, 10 training clauses and 5 dev clauses (the temporal split needs all three parts)
    keep = ([r for r in rows if years.get(r["clause_id"], 0) >= 2024] + [r for r in rows if years.get(r["clause_id"]) == 2019][:10]
            + [r for r in rows if years.get(r["clause_id"]) == 2022][:5])
    tiny = tmp_path / "tiny-gold.jsonl"
    tiny.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep), encoding="utf-8")
    small = {**recipe, "data": {**recipe["data"], "gold": str(tiny)}}
    new, outcome = retrain_once(strong, [], small, tmp_path / "runs", "bk", 5, "test", load_run)
    assert new is None and not outcome.accepted
    assert outcome.new_macro_f1 < outcome.old_macro_f1
    assert "refused" in outcome.line() and f"{outcome.new_macro_f1:.4f}" in outcome.line()
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


def test_worker_runs_one_job_at_a_time_and_coalesces_requests(recipe, weak, tmp_path):
    running, peak, calls = [0], [0], []
    lock, started = threading.Lock(), threading.Event()

    def fetch(project):
        started.set()
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        calls.append(project)
        time.sleep(0.3)
        with lock:
            running[0] -= 1
        return []

    switched = []
    bad = {**recipe, "data": {**recipe["data"], "gold": str(tmp_path / "missing.jsonl")}}  # fails fast, after fetch
    worker = Retrainer(bad, tmp_path / "runs", "bk", fetch, current=lambda: weak, switch=switched.append,
                       load_run=load_run)
    assert worker.request(1, "START_TRAINING") == "retraining started"
    assert started.wait(30)  # the first job is running now
    answers = [worker.request(1, "START_TRAINING") for _ in range(3)]
    assert answers[0] == "queued behind the running retraining" and "already queued" in answers[2]
    assert worker.wait_idle(60)
    assert peak[0] == 1 and len(calls) == 2  # the three later requests collapsed into one more job
    status = worker.status()
    assert status["done"] == len(calls) and not status["running"]
    assert status["last"]["error"] and not switched  # a failing job is reported, the model kept
    worker.stop()


def test_a_recipe_in_mode_all_trains_on_everything_but_the_heldout_years(tmp_path, recipe, gold):
    """The shipped default recipe fits on all labels with out-of-fold thresholds (split.mode: all);
    retraining follows it, minus the held-out years (a keyword model keeps this fast)."""
    all_mode = {**recipe, "split": {**recipe["split"], "mode": "all", "oof_thresholds": True},
                "model": {"type": "keyword", "params": {}}}
    few = [e for e in gold.examples if e.clause.year <= 2021][:15]
    current = tagger_class("keyword")().fit([e.clause for e in few], [e.labels for e in few])
    new, outcome = retrain_once(current, [], all_mode, tmp_path / "runs", "bk", None, "test", load_run)
    assert outcome.error is None and outcome.n_dev == 0
    assert outcome.n_train == sum(e.clause.year <= 2023 for e in gold.examples)
    assert outcome.old_macro_f1 is not None and outcome.new_macro_f1 is not None
    assert (new is not None) == outcome.accepted == (outcome.new_macro_f1 >= outcome.old_macro_f1)


def test_a_current_model_fitted_on_the_heldout_years_is_not_the_gate(tmp_path, recipe, gold):
    """The shipped default fits on every gold clause, the held-out years included: scored on them it
    shows a training figure (about 0.94 for the default, 0.65 for a model that never saw them), so
    every retraining was refused. Serving such a model, the worker compares the new model with the
    recipe's own held-out figure without annotations; with no annotations the two are the same
    model, which must pass. After the switch the retrained model (test years held out) is the gate."""
    leaky = tagger_class("tfidf")(**recipe["model"]["params"]).fit([e.clause for e in gold.examples],
                                                                   [e.labels for e in gold.examples])
    switched = []
    worker = Retrainer(recipe, tmp_path / "runs", "bk", lambda project: [], current=lambda: (switched or [leaky])[-1],
                       switch=switched.append, load_run=load_run, current_saw_heldout=True)
    worker.request(3, "START_TRAINING")
    assert worker.wait_idle(300)
    first = worker.status()["last"]
    assert first["error"] is None and first["accepted"], first
    assert first["reference"] == "recipe without annotations" and first["old_macro_f1"] == first["new_macro_f1"]
    from policytag.taxonomy import DIMENSIONS
    from policytag.training.train import evaluate_on

    heldout = [i for i, e in enumerate(gold.examples) if e.clause.year >= 2024]
    scores = evaluate_on(leaky, gold, heldout)[0]
    leaky_f1 = sum(float(scores[dim]["macro_f1"]) for dim in DIMENSIONS) / len(DIMENSIONS)
    assert leaky_f1 > first["old_macro_f1"] + 0.1  # the figure main compared with: a training figure
    assert switched and not worker.current_saw_heldout
    worker.request(3, "START_TRAINING")  # now the served model is a retrained one: its own figure counts
    assert worker.wait_idle(300)
    second = worker.status()["last"]
    assert second["reference"] == "current" and second["old_version"] == switched[0].model_version
    worker.stop()


def test_which_served_models_trained_on_the_heldout_years(tmp_path):
    from policytag.backend.wiring import saw_heldout

    assert saw_heldout("default") is True  # policytag/resources/default.yaml: split.mode all
    for name, metrics, seen in (("temporal", {"split": "temporal", "sizes": {"train": 310, "dev": 69, "test": 99}}, False),
                                ("all", {"split": "all", "sizes": {"train": 478}}, True),
                                ("retrained", {"split": "all", "sizes": {"train": 379, "test": 99}}, False),
                                ("unknown", {}, False)):
        run = tmp_path / name
        run.mkdir()
        (run / "metrics.json").write_text(json.dumps(metrics), encoding="utf-8")
        assert saw_heldout(str(run)) is seen, name
