"""Training configs are validated before any work: one line ``FILE: dotted.key: why``, exit code 2, no
traceback, for unknown keys at every level, wrong types and out-of-range values; the run stores the
validated config. (The params schemas are derived from the taggers' ``__init__``:
tests/test_registry.py.)"""

from __future__ import annotations

import json

import pytest
import yaml

from policytag.cli import main
from policytag.models.registry import is_tagger
from policytag.training.config import DEFAULTS, load_config, validate_config

BASE = {"name": "cfg", "model": {"type": "tfidf", "params": {"ngram_range": [1, 2], "C": 4}}}


def _with(path: tuple, value, base=BASE):
    """A deep copy of ``base`` with ``path`` (a tuple of keys) set to ``value``."""
    cfg = json.loads(json.dumps(base))
    node = cfg
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return cfg


CASES = [
    # unknown key at every level
    ("unknown top-level key", _with(("dev_year",), 2022), "dev_year", "unknown key"),
    ("unknown data key", _with(("data", "gol"), "x.jsonl"), "data.gol", "unknown key"),
    ("unknown split key", _with(("split", "dev_year"), [2022]), "split.dev_year", "unknown key"),
    ("unknown model key", _with(("model", "parms"), {}), "model.parms", "unknown key"),
    ("unknown params key", _with(("model", "params", "ngram_rang"), [1, 3]), "model.params.ngram_rang",
     "unknown key"),
    ("unknown cv_params key", _with(("model", "cv_params", "Cc"), 1.0), "model.cv_params.Cc", "unknown key"),
    # wrong types
    ("seed not an int", _with(("seed",), "thirteen"), "seed", "integer"),
    ("cv not a bool", _with(("split", "cv"), "yes"), "split.cv", "boolean"),
    ("dev years not a list", _with(("split", "dev_years"), 2022), "split.dev_years", "list"),
    ("section not a mapping", _with(("split",), "temporal"), "split", "dictionary"),
    ("param wrong type", _with(("model", "params", "min_df"), "two"), "model.params.min_df", "integer"),
    ("bert param wrong type", {"model": {"type": "bert", "params": {"max_length": 1.5}}},
     "model.params.max_length", "integer"),
    # bad values
    ("folds out of range", _with(("split", "folds"), 1), "split.folds", "greater than or equal to 2"),
    ("negative C", _with(("model", "params", "C"), -1.0), "model.params.C", "greater than 0"),
    ("reversed ngram range", _with(("model", "params", "ngram_range"), [3, 1]), "model.params.ngram_range",
     "1 <= min <= max"),
    ("unknown model type", _with(("model", "type"), "svm"), "model.type", "unknown model type 'svm'"),
    ("dev year before train_until", _with(("split", "dev_years"), [2020]), "split.dev_years", "after train_until"),
    ("test years overlap dev", _with(("split", "test_years"), [2023, 2024]), "split.test_years", "also dev years"),
    ("bad split mode", _with(("split", "mode"), "random"), "split.mode", "'temporal' or 'all'"),
    ("bad pooling", {"model": {"type": "bert", "params": {"pooling": "max"}}}, "model.params.pooling", "'mean'"),
    ("cv_params out of range", {"model": {"type": "bert", "cv_params": {"epochs": -1}}}, "model.cv_params.epochs",
     "greater than or equal to 0"),
    ("run name with a slash", _with(("name",), "../escape"), "name", "pattern"),
]


@pytest.mark.parametrize("label,config,key,why", CASES, ids=[c[0] for c in CASES])
def test_cli_reports_one_line_with_file_and_key(tmp_path, capsys, label, config, key, why):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    out_dir = tmp_path / "run"
    code = main(["train", str(path), "-o", str(out_dir)])
    err = capsys.readouterr().err
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"policytag: error: {path}: {key}: "), lines[0]
    assert why in lines[0], lines[0]
    assert not out_dir.exists()  # validated before any work


@pytest.mark.parametrize("text,why", [("model: [unclosed", "invalid YAML"), ("- a\n- b\n", "mapping")])
def test_unparsable_or_non_mapping_file(tmp_path, capsys, text, why):
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["train", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"policytag: error: {path}: ") and why in err and "\n" not in err


def test_missing_config_file(tmp_path, capsys):
    assert main(["train", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml: no such config file" in capsys.readouterr().err


def test_resolved_config_fills_defaults_and_seeds_the_tagger():
    cfg = validate_config(BASE, "x.yaml")
    assert cfg["split"] == DEFAULTS["split"]
    params = cfg["model"]["params"]
    assert params["ngram_range"] == [1, 2] and params["C"] == 4.0 and isinstance(params["C"], float)
    assert params["min_df"] == 2 and params["use_heading"] is True  # schema defaults filled in
    assert params["random_state"] == 13  # the run's seed, since params did not set one
    assert validate_config(_with(("model", "params", "random_state"), 5), "x.yaml")["model"]["params"][
        "random_state"] == 5
    assert validate_config(cfg, "x.yaml") == cfg  # a stored config re-validates to itself


def test_shipped_configs_are_valid():
    from policytag import PROJECT_ROOT

    for path in sorted((PROJECT_ROOT / "configs").glob("*.yaml")):
        if path.name == "taxonomy.yaml":
            continue
        cfg = load_config(path)
        assert is_tagger(cfg["model"]["type"]) and cfg["name"]


def test_run_stores_the_validated_config(tmp_path, capsys):
    path = tmp_path / "kw.yaml"
    path.write_text(yaml.safe_dump({"model": {"type": "keyword", "params": {"use_heading": False}}}),
                    encoding="utf-8")
    assert main(["train", str(path), "-o", str(tmp_path / "kw")]) == 0
    stored = yaml.safe_load((tmp_path / "kw" / "config.yaml").read_text(encoding="utf-8"))
    assert stored["name"] == "kw" and stored["split"]["mode"] == "temporal" and stored["seed"] == 13
    assert stored["model"] == {"type": "keyword", "params": {"use_heading": False}, "cv_params": {}}


@pytest.mark.parametrize("path,value,hint", [
    (("model", "name"), "tfidf", "(one of type, params, cv_params)"),  # no close key: the section's keys
    (("split", "dev_yeers"), [2022], "(did you mean 'dev_years'?)"),   # a typo: the closest key
])
def test_unknown_key_names_what_the_section_takes(tmp_path, capsys, path, value, hint):
    cfg = _with(path, value)
    file = tmp_path / "bad.yaml"
    file.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    assert main(["train", str(file), "-o", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"policytag: error: {file}: {'.'.join(path)}: unknown key {hint}"), err
