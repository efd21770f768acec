"""``policytag compare``: report files, label names from the taxonomy, refusal on mismatched splits."""

from __future__ import annotations

import json

import pytest
import yaml

from policytag import PROJECT_ROOT, PolicytagError
from policytag.cli import main
from policytag.taxonomy import load_taxonomy
from policytag.training.compare import compare_runs
from policytag.training.train import cv_config

GOLD = PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl"
needs_gold = pytest.mark.skipif(not GOLD.exists(), reason="gold dataset not present")


def _config(tmp_path, name: str, **split) -> str:
    cfg = yaml.safe_load((PROJECT_ROOT / "configs" / "keyword.yaml").read_text(encoding="utf-8"))
    cfg["name"] = name
    cfg["split"].update(split)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cmp")
    out = {}
    for name, split in (("kw-a", {}), ("kw-b", {"cv": False}), ("kw-other", {"train_until": 2020, "cv": False})):
        assert main(["train", _config(tmp, name, **split), "-o", str(tmp / name)]) == 0
        out[name] = tmp / name
    return tmp, out


@needs_gold
def test_compare_writes_markdown_json_png(runs):
    tmp, r = runs
    assert main(["compare", str(r["kw-a"]), str(r["kw-b"]), "-o", str(tmp / "report" / "cmp")]) == 0
    md = (tmp / "report" / "cmp.md").read_text(encoding="utf-8")
    report = json.loads((tmp / "report" / "cmp.json").read_text(encoding="utf-8"))
    assert (tmp / "report" / "cmp.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    tax = load_taxonomy()
    for dim in ("sector", "measure_type"):
        for label in tax[dim].labels:  # every label, with its Chinese name, in taxonomy order
            assert f"| {label.id} | {label.name} |" in md
        assert [x["id"] for x in report["labels"][dim]] == tax[dim].ids
    assert report["comparable"] is True
    assert "Cross-validation" in md and "kw-a" in md
    assert any("only some runs have CV" in w for w in report["warnings"])
    run = report["runs"][0]
    for key in ("train_seconds", "model_size_bytes", "throughput_clauses_per_s"):
        assert run[key] is not None
    assert set(run["test"]["sector"]) >= {"micro_f1", "macro_f1", "samples_f1", "exact_match", "per_label"}


@needs_gold
def test_compare_refuses_runs_on_different_splits(runs):
    tmp, r = runs
    with pytest.raises(PolicytagError, match="identical split"):
        compare_runs([r["kw-a"], r["kw-other"]], tmp / "bad")
    assert not (tmp / "bad.md").exists()
    paths = compare_runs([r["kw-a"], r["kw-other"]], tmp / "forced", allow_mismatch=True)
    assert "**WARNING**" in paths["md"].read_text(encoding="utf-8")


def test_cv_config_overrides_only_the_cv_budget():
    config = {"seed": 1, "model": {"type": "bert", "params": {"epochs": 8, "lr": 1}, "cv_params": {"epochs": 3}}}
    assert cv_config(config)["model"]["params"] == {"epochs": 3, "lr": 1}
    assert config["model"]["params"]["epochs"] == 8  # the original is untouched
    plain = {"seed": 1, "model": {"type": "tfidf", "params": {}}}
    assert cv_config(plain) is plain


CHALLENGE = PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl"


@needs_gold
@pytest.mark.skipif(not CHALLENGE.exists(), reason="challenge set not present")
def test_compare_reports_challenge_and_calibration(runs):
    tmp, r = runs
    out = tmp / "report2" / "cmp"
    assert main(["compare", str(r["kw-a"]), str(r["kw-b"]), "-o", str(out)]) == 0
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    report = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert out.with_name("cmp-reliability.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "## Summary" in md and "## Challenge set" in md and "## Calibration" in md
    assert "Per label, challenge set: sector" in md
    for run in report["runs"]:
        assert run["challenge"]["sector"]["n"] > 100
        for part in ("test", "challenge"):
            for dim in ("sector", "measure_type"):
                cal = run["calibration"][part][dim]
                assert 0.0 <= cal["ece"] <= 1.0 and len(cal["reliability"]) == 10
                assert sum(b["n"] for b in cal["reliability"]) == cal_n(run, part, dim)


def cal_n(run, part, dim):
    tax = load_taxonomy()
    return run[part][dim]["n"] * len(tax[dim].ids)


@needs_gold
@pytest.mark.skipif(not CHALLENGE.exists(), reason="challenge set not present")
def test_evaluate_split_challenge(runs, capsys):
    _, r = runs
    assert main(["evaluate", str(r["kw-a"]), "--split", "challenge", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    saved = json.loads((r["kw-a"] / "metrics.json").read_text(encoding="utf-8"))["challenge"]
    for dim in ("sector", "measure_type"):
        assert metrics[dim]["macro_f1"] == pytest.approx(saved[dim]["macro_f1"])
