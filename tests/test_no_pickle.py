"""No pickle anywhere a model is loaded.

A planted pickle-based run (``model/tfidf.joblib`` that writes a marker file when unpickled - the
test first proves it does) must be refused with one line by every path that loads models: ``tag
--model DIR``, ``tag --model NAME``, ``annotate export/push --predictions`` (one resolver), the
default-model search, ``evaluate`` and ``compare``; the marker never appears. A pickle disguised as
``.npy`` is refused too. And the package source never calls ``pickle``/``joblib`` loaders or
``torch.load`` without ``weights_only=True``.
"""

from __future__ import annotations

import ast
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from policytag import PROJECT_ROOT, PolicytagError
from policytag.cli import main

PACKAGE_DIRS = ["policytag", "corpus", "models", "training", "annotation", "inference", "backend"]


class _Payload:
    """Unpickling this object runs ``exec(code)``: it writes the marker file."""

    def __init__(self, marker: Path):
        self.code = f"open({str(marker)!r}, 'w').write('unpickled')"

    def __reduce__(self):
        return (exec, (self.code,))


def _malicious_pickle(marker: Path) -> bytes:
    return pickle.dumps({"vectorizer": _Payload(marker), "estimators": {}})


def _plant_run(run_dir: Path, marker: Path, taxonomy, disguise: bool = False) -> Path:
    """A run directory that looks like a TF-IDF run of the current taxonomy, with the best scores."""
    model = run_dir / "model"
    model.mkdir(parents=True)
    scores = {dim: {"macro_f1": 0.99, "micro_f1": 0.99, "samples_f1": 0.99, "exact_match": 0.99, "n": 1,
                    "per_label": {}} for dim in ("sector", "measure_type")}
    (run_dir / "run.json").write_text(json.dumps({
        "name": run_dir.name, "tagger": "tfidf", "model_version": f"{run_dir.name}@x",
        "taxonomy_version": taxonomy.version, "data_hash": "planted", "created": "2026-01-01T00:00:00+00:00"}),
        encoding="utf-8")
    config = {"name": run_dir.name, "seed": 13, "data": {"gold": "data/annotations/gold-v1.jsonl",
                                                         "corpus": "data/corpus"},
              "split": {"train_until": 2021, "dev_years": [2022, 2023], "test_years": [2024, 2025, 2026],
                        "folds": 5, "cv": False}, "model": {"type": "tfidf", "params": {}}}
    (run_dir / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (run_dir / "metrics.json").write_text(json.dumps({"dev": scores, "test": scores, "cv": scores}),
                                          encoding="utf-8")
    (model / "tagger.json").write_text(json.dumps({
        "name": "tfidf", "params": {}, "taxonomy_version": taxonomy.version,
        "labels": {dim: taxonomy[dim].ids for dim in ("sector", "measure_type")},
        "thresholds": {dim: [0.5] * len(taxonomy[dim].ids) for dim in ("sector", "measure_type")}}),
        encoding="utf-8")
    if disguise:  # plain-data layout, but a "coefficient" file is a pickle
        (model / "tfidf.json").write_text(json.dumps({
            "format": "policytag-tfidf/1",
            "vectorizer": {"analyzer": "char", "ngram_range": [1, 1], "sublinear_tf": True, "norm": "l2",
                           "lowercase": True, "smooth_idf": True},
            "vocabulary": {"煤": 0}, "idf": [1.0],
            "constant": {dim: [None] * len(taxonomy[dim].ids) for dim in ("sector", "measure_type")}}),
            encoding="utf-8")
        (model / "coef_sector.npy").write_bytes(_numpy_pickle(marker))
    else:
        (model / "tfidf.joblib").write_bytes(_malicious_pickle(marker))
    return run_dir


def _numpy_pickle(marker: Path) -> bytes:
    """An .npy file holding an object array: np.load(allow_pickle=True) would unpickle the payload."""
    import io

    buf = io.BytesIO()
    np.save(buf, np.array([_Payload(marker)], dtype=object), allow_pickle=True)
    return buf.getvalue()


@pytest.fixture
def planted(tmp_path, taxonomy):
    marker = tmp_path / "MARKER"
    runs = tmp_path / "runs"
    return marker, runs, _plant_run(runs / "evil", marker, taxonomy)


def test_the_plant_is_real(tmp_path):
    """Unpickling the planted file in a separate process does write the marker (so the refusals
    below are what keeps it from appearing)."""
    proof = tmp_path / "PROOF"
    blob = tmp_path / "blob.joblib"
    blob.write_bytes(_malicious_pickle(proof))
    subprocess.run([sys.executable, "-c", f"import joblib; joblib.load({str(blob)!r})"], check=False,
                   capture_output=True, timeout=120)
    assert proof.exists()


def _one_line_refusal(capsys, code: int, *fragments: str) -> str:
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err, err
    errors = [line for line in err.splitlines() if line.startswith("policytag: error:")]
    assert len(errors) == 1, err
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]


def test_tag_refuses_the_run_dir_and_the_run_name(planted, capsys, corpus_file):
    marker, runs, evil = planted
    code = main(["tag", str(corpus_file), "--year", "2026", "--model", str(evil)])
    _one_line_refusal(capsys, code, "tfidf.joblib", "pickle", "retrain")
    from policytag.paths import runs_dir

    before = runs_dir()
    code = main(["--runs-dir", str(runs), "tag", str(corpus_file), "--year", "2026", "--model", "evil"])
    _one_line_refusal(capsys, code, "tfidf.joblib", "pickle")
    assert not marker.exists()
    # --runs-dir is the one command's: it left its override in the process, and a later tag run in this
    # pytest worker printed this planted run's refusal (tests/test_reports_analyst7.py failed by order)
    assert runs_dir() == before


def test_annotate_predictions_refuse(planted, capsys, corpus_file, tmp_path):
    marker, _, evil = planted
    code = main(["annotate", "export", str(corpus_file), "--year", "2026", "--predictions", str(evil),
                 "-o", str(tmp_path / "tasks.json")])
    _one_line_refusal(capsys, code, "pickle")
    assert not (tmp_path / "tasks.json").exists() and not marker.exists()


def test_push_uses_the_same_resolver():
    """``annotate push --predictions`` and ``export`` share ``_predict``, which calls the one
    resolver (policytag.app.resolve_model); nothing in annotation/ loads runs itself."""
    source = (PROJECT_ROOT / "annotation" / "cli.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    predict = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_predict")
    calls = {n.func.id for n in ast.walk(predict) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "resolve_model" in calls
    for path in (PROJECT_ROOT / "annotation").glob("*.py"):
        assert "load_run(" not in path.read_text(encoding="utf-8"), path


def test_default_search_skips_it_with_a_notice(planted, capsys, taxonomy, gold_dataset):
    """The planted run has the best scores, yet the default model is the honest run next to it."""
    from policytag.app import resolve_model
    from policytag.models.runs import save_run
    from policytag.models.tfidf import TfidfTagger
    from policytag.paths import set_runs_dir

    marker, runs, _ = planted
    part = gold_dataset.subset(range(0, 120))
    good = TfidfTagger(ngram_range=(1, 1), max_features=2000).fit(part.clauses, part.labels)
    scores = {dim: {"macro_f1": 0.5} for dim in ("sector", "measure_type")}
    save_run(good, runs / "honest", {"name": "honest"}, {"dev": scores}, "x")
    notes = []
    set_runs_dir(runs)
    try:
        tagger = resolve_model("default", notify=notes.append)
    finally:
        set_runs_dir(None)
    assert tagger.model_version.startswith("honest@")
    assert any("skipping" in n and "evil" in n and "pickle" in n for n in notes)
    assert not marker.exists()


def test_evaluate_and_compare_refuse(planted, capsys, keyword_run, tmp_path):
    marker, _, evil = planted
    code = main(["evaluate", str(evil)])
    _one_line_refusal(capsys, code, "pickle")
    code = main(["compare", str(evil), str(keyword_run), "-o", str(tmp_path / "cmp")])
    _one_line_refusal(capsys, code, "pickle")
    assert not marker.exists() and not (tmp_path / "cmp.md").exists()


def test_loaders_refuse_directly(planted, taxonomy, tmp_path):
    from policytag.models.runs import load_run
    from policytag.models.tfidf import TfidfTagger

    marker, _, evil = planted
    with pytest.raises(PolicytagError, match="pickle"):
        load_run(evil)
    with pytest.raises(PolicytagError, match="pickle"):
        TfidfTagger.load(evil / "model", taxonomy=taxonomy)  # the tagger's own loader, bypassing runs
    disguised = _plant_run(tmp_path / "disguised", marker, taxonomy, disguise=True)
    with pytest.raises(PolicytagError, match="cannot load"):
        load_run(disguised)
    assert not marker.exists()


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            yield node, owner, name


def test_source_never_unpickles():
    offenders = []
    for folder in PACKAGE_DIRS:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node, owner, name in _calls(tree):
                where = f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
                if owner in ("pickle", "joblib", "cloudpickle", "dill") and name in ("load", "loads"):
                    offenders.append(f"{where}: {owner}.{name}")
                if owner == "torch" and name == "load":
                    kw = {k.arg: k.value for k in node.keywords}
                    ok = isinstance(kw.get("weights_only"), ast.Constant) and kw["weights_only"].value is True
                    if not ok:
                        offenders.append(f"{where}: torch.load without weights_only=True")
                if name == "load" and owner in ("np", "numpy"):
                    kw = {k.arg: k.value for k in node.keywords}
                    if isinstance(kw.get("allow_pickle"), ast.Constant) and kw["allow_pickle"].value is True:
                        offenders.append(f"{where}: np.load(allow_pickle=True)")
    assert offenders == []


def test_saved_runs_hold_plain_data_only(keyword_run, tmp_path, gold_dataset):
    """Every file a tagger writes is JSON, YAML, .npy without objects, or safetensors."""
    from policytag.models.runs import save_run
    from policytag.models.tfidf import TfidfTagger

    part = gold_dataset.subset(range(0, 80))
    tfidf_run = save_run(TfidfTagger(ngram_range=(1, 1), max_features=500).fit(part.clauses, part.labels),
                         tmp_path / "tfidf", {"name": "tfidf"}, {}, "x")
    for run in (keyword_run, tfidf_run):
        for f in (run / "model").rglob("*"):
            if f.suffix == ".npy":
                np.load(f, allow_pickle=False)  # raises on object arrays
            else:
                assert f.suffix in (".json", ".yaml", ".safetensors", ".md", ".txt"), f
