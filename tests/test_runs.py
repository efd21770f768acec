"""Run directories and taggers as scikit-learn estimators: model_version, file modes, default
selection by dev/CV (never test), run names, clone/get_params, not-fitted errors, TF-IDF reload."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys

import numpy as np
import pytest
from sklearn.base import clone

from policytag import PolicytagError
from policytag.models.base import NotFittedError
from policytag.models.keyword import KeywordTagger
from policytag.models.runs import available_runs, load_run, save_run
from policytag.models.tfidf import TfidfTagger


@pytest.fixture(scope="module")
def small(gold_dataset):
    return gold_dataset.subset(range(0, 150)), gold_dataset.subset(range(150, 200))


def _tfidf(small, **params):
    train, dev = small
    return TfidfTagger(ngram_range=(1, 2), max_features=3000, **params).fit(train.clauses, train.labels,
                                                                            dev.clauses, dev.labels)


def test_model_version_names_the_run_and_changes_on_retrain(small, tmp_path):
    a = save_run(_tfidf(small), tmp_path / "base", {"name": "base"}, {}, "h")
    v1 = json.loads((a / "run.json").read_text())["model_version"]
    assert re.fullmatch(r"base@\d{8}T\d{6}-[0-9a-f]{8}", v1)
    assert load_run(a).model_version == v1
    b = save_run(_tfidf(small, C=0.5), tmp_path / "base", {"name": "base"}, {}, "h", overwrite=True)
    v2 = json.loads((b / "run.json").read_text())["model_version"]
    assert v2 != v1 and v2.split("-")[-1] != v1.split("-")[-1]  # different model content
    assert load_run(b).model_version == v2


def test_tfidf_reload_is_exact_and_matches_sklearn(small, tmp_path):
    tagger = _tfidf(small)
    clauses = small[1].clauses
    p = tagger.predict_proba(clauses)
    from policytag.models.features import inputs

    X = tagger.vectorizer_.transform(inputs(clauses, True))
    for dim in p:  # the stored-coefficient path equals OneVsRestClassifier's own predict_proba
        assert np.allclose(p[dim], tagger.classifiers_[dim].predict_proba(X), atol=1e-12)
        assert tagger.coef_[dim].shape == (p[dim].shape[1], len(tagger.vectorizer_.vocabulary_))
    loaded = load_run(save_run(tagger, tmp_path / "r", {"name": "r"}, {}, "h"))
    q = loaded.predict_proba(clauses)
    assert all(np.array_equal(p[d], q[d]) for d in p)
    assert loaded.predict(clauses) == tagger.predict(clauses)


def test_clone_get_params_and_not_fitted(small):
    t = TfidfTagger(ngram_range=[1, 2], C=2.0)
    c = clone(t)
    assert c is not t and c.get_params()["C"] == 2.0 and c.get_params()["ngram_range"] == [1, 2]
    c.set_params(C=0.25)
    assert c.C == 0.25 and t.C == 2.0
    with pytest.raises(NotFittedError, match="not fitted"):
        c.predict_proba(small[0].clauses[:2])
    from sklearn.exceptions import NotFittedError as SkNotFitted

    with pytest.raises(SkNotFitted):
        KeywordTagger().predict(small[0].clauses[:2])
    fitted = clone(_tfidf(small))
    assert not hasattr(fitted, "coef_")  # clone copies hyper-parameters, not learned state


def test_construction_reads_no_files(monkeypatch):
    import policytag.models.base as base

    calls = []
    monkeypatch.setattr(base, "load_taxonomy", lambda *a: calls.append(a))
    TfidfTagger()
    KeywordTagger(use_heading=False)
    assert calls == []


def _run_with_scores(tagger, path, dev=None, test=None, cv=None):
    metrics = {}
    for key, value in (("dev", dev), ("test", test), ("cv", cv)):
        if value is not None:
            metrics[key] = {d: {"macro_f1": value} for d in ("sector", "measure_type")}
    return save_run(tagger, path, {"name": path.name}, metrics, "h")


def test_default_selection_ranks_by_dev_or_cv_never_test(small, tmp_path):
    tagger = _tfidf(small)
    runs = tmp_path / "runs"
    _run_with_scores(tagger, runs / "best-on-test", dev=0.40, test=0.90)
    _run_with_scores(tagger, runs / "best-on-dev", dev=0.60, test=0.10)
    _run_with_scores(KeywordTagger().fit(small[0].clauses, small[0].labels), runs / "keyword", dev=0.99)
    assert [p.name for p in available_runs(runs)] == ["best-on-dev", "best-on-test"]
    _run_with_scores(tagger, runs / "best-on-cv", dev=0.10, cv=0.70)
    assert available_runs(runs)[0].name == "best-on-cv"


def test_resolve_by_run_name(small, tmp_path):
    from policytag.app import resolve_model
    from policytag.paths import set_runs_dir

    save_run(_tfidf(small), tmp_path / "runs" / "mine", {"name": "mine"}, {}, "h")
    set_runs_dir(tmp_path / "runs")
    try:
        assert resolve_model("mine").model_version.startswith("mine@")
        with pytest.raises(PolicytagError, match="no such run directory or run name"):
            resolve_model("nope")
    finally:
        set_runs_dir(None)


def test_run_directories_follow_the_umask(small, tmp_path):
    """Runs get 0777/0666 & ~umask (not mkdtemp's private 0700), in a child process so this
    process's umask is left alone."""
    code = f"""
import os, stat, sys
os.umask(0o027)
from policytag.models.runs import save_run
from policytag.models.keyword import KeywordTagger
from policytag.training.data import load_dataset
d = load_dataset().subset(range(40))
run = save_run(KeywordTagger().fit(d.clauses, d.labels), {str(tmp_path / 'run')!r}, {{"name": "run"}}, {{}}, "h")
modes = {{p.name: stat.S_IMODE(os.stat(p).st_mode) for p in [run, run / "model", run / "run.json"]}}
print(modes)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    modes = eval(out.stdout.strip().splitlines()[-1])  # a dict literal printed above
    assert modes == {"run": 0o750, "model": 0o750, "run.json": 0o640}
    assert stat.S_IMODE(os.stat(tmp_path).st_mode) != 0  # this process was not affected
