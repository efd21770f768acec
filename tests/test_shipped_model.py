"""The fitted default model ships as package data (``policytag/resources/model/``) and stands for
the default recipe: built from today's recipe, data and taxonomy (fingerprint), and a retraining of
the recipe predicts exactly what it predicts on the corpus and the challenge set. When either
fails, rebuild it (one command, a checkout) and commit the result::

    .venv/bin/policytag train configs/default.yaml --package
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from policytag import PROJECT_ROOT
from policytag.app import REBUILD_COMMAND, recipe_fingerprint, shipped_model_problem, shipped_run_info
from policytag.models.runs import library_changes
from policytag.paths import default_config_path, shipped_model_dir
from policytag.taxonomy import DIMENSIONS

REBUILD = f"rebuild the shipped default model with `.venv/bin/{REBUILD_COMMAND}` and commit policytag/resources/model/"


def _config(path=None):
    from policytag.training.config import load_config

    return load_config(path or default_config_path())


def test_the_shipped_model_was_built_from_todays_recipe_data_and_taxonomy():
    problem = shipped_model_problem(_config(), shipped_run_info())
    assert problem is None, f"{problem}: {REBUILD}"


def test_the_shipped_model_records_the_libraries_it_was_fitted_with():
    info = shipped_run_info()
    if info is None:
        pytest.fail(f"no shipped default model: {REBUILD}")
    assert {"python", "numpy", "scipy", "scikit-learn"} <= set(info.get("libraries", {})), REBUILD


def test_the_shipped_model_is_small_plain_data():
    root = shipped_model_dir()
    if not (root / "run.json").is_file():
        pytest.fail(f"no shipped default model: {REBUILD}")
    files = [p for p in root.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 16 * 2 ** 20
    assert {p.suffix for p in files} <= {".json", ".yaml", ".npy", ".npz", ".safetensors", ".md", ".txt"}
    info = json.loads((root / "run.json").read_text(encoding="utf-8"))
    assert info["recipe_fingerprint"] and info["data_hash"] and info["taxonomy_version"]
    assert (root / "config.yaml").is_file()  # the recipe it was built from


@pytest.fixture(scope="module")
def clauses():
    from policytag.corpus.segment import segment_paths
    from policytag.training.challenge import load_clause_set

    corpus = list(segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses)
    challenge = list(load_clause_set(PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl", "challenge").clauses)
    return corpus + challenge


@pytest.mark.slow
def test_retraining_the_recipe_predicts_what_the_shipped_model_predicts(tmp_path, clauses):
    from policytag.models.runs import load_run
    from policytag.training.train import train_recipe

    if shipped_run_info() is None:
        pytest.fail(f"no shipped default model: {REBUILD}")
    shipped = load_run(shipped_model_dir())
    retrained = load_run(train_recipe(_config(), out_dir=tmp_path / "default"))
    a, b = shipped.predict_proba(clauses), retrained.predict_proba(clauses)
    differ = [c.clause_id for c, x, y in zip(clauses, shipped.decode(a), retrained.decode(b)) if x != y]
    # a fresh set-up outside constraints.txt (a newer scikit-learn or numpy) is the usual cause
    why = "; ".join(library_changes(shipped_run_info())) or "no recorded library release differs"
    assert not differ, f"{len(differ)} of {len(clauses)} clauses tagged differently ({differ[:5]}; {why}): {REBUILD}"
    for dim in DIMENSIONS:
        assert np.allclose(a[dim], b[dim], rtol=0, atol=1e-9), f"{dim} scores differ ({why}): {REBUILD}"


def test_the_check_fails_when_a_copy_of_the_recipe_or_gold_data_changes(tmp_path):
    original = _config()
    built = {"recipe_fingerprint": recipe_fingerprint(original)}  # a model built from today's recipe
    raw = yaml.safe_load(default_config_path().read_text(encoding="utf-8"))

    same = tmp_path / "same.yaml"
    same.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert shipped_model_problem(_config(same), built) is None  # an unchanged copy passes

    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(yaml.safe_dump({**raw, "seed": raw["seed"] + 1}, allow_unicode=True), encoding="utf-8")
    problem = shipped_model_problem(_config(recipe), built)
    assert problem and "another recipe, data or taxonomy" in problem

    # the gold data: one label of one clause changed in a copy the recipe copy points at
    from policytag.training.config import resolved_path

    rows = resolved_path(original, raw["data"]["gold"]).read_text(encoding="utf-8").splitlines()
    first = json.loads(rows[0])
    key = next(k for k in ("measure_type", "sector") if isinstance(first.get(k), list))
    first[key] = first[key][:-1] if len(first[key]) > 1 else first[key] + ["changed"]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join([json.dumps(first, ensure_ascii=False)] + rows[1:]) + "\n", encoding="utf-8")
    data_copy = tmp_path / "data.yaml"
    data_copy.write_text(yaml.safe_dump({**raw, "data": {**raw["data"], "gold": str(gold)}}, allow_unicode=True),
                         encoding="utf-8")
    assert shipped_model_problem(_config(data_copy), built)
    assert shipped_model_problem(_config(same), None)  # and no shipped model at all is a problem too


def test_a_script_or_card_beside_the_data_does_not_change_the_fingerprint(tmp_path):
    """A data folder may hold a script (data/challenge/stats.py), its bytecode and a card: editing
    them leaves the model's inputs alone, so the fingerprint too; editing a data file changes it."""
    import shutil

    from policytag.training.config import resolved_path

    original = _config()
    raw = yaml.safe_load(default_config_path().read_text(encoding="utf-8"))
    folder = tmp_path / "challenge"
    shutil.copytree(resolved_path(original, original["data"]["challenge"]), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(yaml.safe_dump({**raw, "data": {**raw["data"], "challenge": str(folder)}},
                                     allow_unicode=True), encoding="utf-8")
    before = recipe_fingerprint(_config(recipe))

    (folder / "stats.py").write_text("# refactored\n", encoding="utf-8")
    (folder / "README.md").write_text("a new card\n", encoding="utf-8")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "stats.cpython-311.pyc").write_bytes(b"\0bytecode")
    assert recipe_fingerprint(_config(recipe)) == before

    data = sorted(folder.glob("*.jsonl"))[0]
    data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert recipe_fingerprint(_config(recipe)) != before
