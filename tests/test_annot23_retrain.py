"""The retrain gate's tolerance (annot23): a retrained model that scores a noise-level amount below
the reference replaces it, a real loss is still refused, and the drops accepted in a row share one
allowance (docs/backend.md, *Retraining*)."""

from types import SimpleNamespace

import pytest

from conftest import cli_in_process
from policytag.backend import retrain
from policytag.backend.retrain import DEFAULT_TOLERANCE, Outcome, Retrainer, accepts, retrain_once
from policytag.backend.wiring import retrain_recipe
from policytag.models.runs import load_run


@pytest.mark.parametrize("old, new, tolerance, accepted", [
    (0.8851, 0.8756, DEFAULT_TOLERANCE, True),   # the newcomer's walk: one held-out clause's rare label
    (0.8851, 0.8756, 0.0, False),                # 0: the old rule, never lower
    (0.6200, 0.1244, DEFAULT_TOLERANCE, False),  # a real loss (a model fitted on 15 clauses)
    (0.8000, 0.7890, DEFAULT_TOLERANCE, False),  # just past the allowance
    (0.8000, 0.7900, DEFAULT_TOLERANCE, True),   # exactly the allowance (rounding aside)
    (0.8000, 0.8000, 0.0, True),                 # equal is not a drop
    (0.8000, 0.8100, 0.0, True),
])
def test_the_gate_takes_a_noise_level_drop(old, new, tolerance, accepted):
    assert accepts(old, new, tolerance) is accepted


@pytest.fixture(scope="module")
def fast_recipe():
    """The default recipe's data and split with the fast TF-IDF model (as tests/test_backend_retrain.py)."""
    r = retrain_recipe()
    return {**r, "data": {k: r["data"][k] for k in ("gold", "corpus")}, "split": {**r["split"], "mode": "temporal"},
            "model": {"type": "tfidf", "params": {"ngram_range": [1, 2], "max_features": 20000, "min_df": 2,
                                                   "C": 4.0, "use_heading": True}}}


def test_retrain_once_switches_within_the_tolerance_and_says_so(tmp_path, fast_recipe):
    current = SimpleNamespace(model_version="current@test")  # not scored: reference_f1 stands for it
    # 1: a reference nobody reaches, no tolerance: refused, nothing saved; gives the new model's figure
    new, first = retrain_once(current, [], fast_recipe, tmp_path / "runs", "bk", 5, "test", load_run,
                              reference_f1=lambda: 1.0, tolerance=0.0)
    assert new is None and not first.accepted and not (tmp_path / "runs").exists()
    assert "by more than the tolerance 0.0000" in first.line()
    figure = first.new_macro_f1
    # 2: the reference half a point above that figure: within the default tolerance, switched
    new, second = retrain_once(current, [], fast_recipe, tmp_path / "runs", "bk", 5, "test", load_run,
                               reference_f1=lambda: figure + 0.005)
    assert new is not None and second.accepted and second.new_macro_f1 == figure, second
    assert second.tolerance == DEFAULT_TOLERANCE
    assert f"(a drop within the tolerance {DEFAULT_TOLERANCE:.4f}); switched to {second.new_version}" in second.line()


def test_drops_in_a_row_share_one_allowance(monkeypatch, tmp_path):
    """Five retrainings each a little below the last must not take the model a long way down: an
    accepted drop uses up part of the allowance, a retraining that did not drop gives it back."""
    script = [(0.800, 0.794), (0.794, 0.788), (0.794, 0.797), (0.797, 0.791), (0.791, 0.787)]
    given = []

    def fake_retrain_once(current, rows, recipe, runs_dir, name, project, reason, load_run, reference_f1=None,
                          tolerance=DEFAULT_TOLERANCE):
        old, new = script[len(given)]
        given.append(tolerance)
        ok = accepts(old, new, tolerance)
        return (object() if ok else None), Outcome(project, reason, accepted=ok, old_macro_f1=old,
                                                   new_macro_f1=new, tolerance=round(tolerance, 4))

    monkeypatch.setattr(retrain, "retrain_once", fake_retrain_once)
    switched = []
    worker = Retrainer({}, tmp_path, "bk", fetch=lambda project: [], current=lambda: None, switch=switched.append,
                       load_run=load_run, tolerance=0.01)
    try:
        for _ in script:
            worker.request(1, "START_TRAINING")
            assert worker.wait_idle(30)
    finally:
        worker.stop()
    assert [o.accepted for o in worker.history] == [True, False, True, True, True]
    # 0.01; 0.004 left after a drop of 0.006 (0.006 more is refused); whole again after a gain; ...
    assert given == pytest.approx([0.01, 0.004, 0.004, 0.01, 0.004])
    assert len(switched) == 4


def test_retrainer_refuses_a_tolerance_out_of_range(tmp_path):
    with pytest.raises(Exception, match="retrain tolerance 1.5"):
        Retrainer({}, tmp_path, "bk", fetch=lambda p: [], current=lambda: None, switch=lambda t: None,
                  load_run=load_run, tolerance=1.5)


@pytest.mark.parametrize("value", ["-0.01", "1", "2"])
def test_serve_refuses_a_tolerance_out_of_range_in_one_line(value):
    result = cli_in_process("backend", "serve", "--retrain-tolerance", value)
    assert result.returncode == 2, result
    assert f"--retrain-tolerance {float(value)}: a macro-F1 drop" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_help_names_the_tolerance_and_its_default():
    result = cli_in_process("backend", "serve", "--help")
    assert result.returncode == 0 and "--retrain-tolerance F" in result.stdout
    assert f"default {DEFAULT_TOLERANCE}" in " ".join(result.stdout.split())
