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


def test_evaluate_split_challenge(runs, capsys):
    _, r = runs
    assert main(["evaluate", str(r["kw-a"]), "--split", "challenge", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    saved = json.loads((r["kw-a"] / "metrics.json").read_text(encoding="utf-8"))["challenge"]
    for dim in ("sector", "measure_type"):
        assert metrics[dim]["macro_f1"] == pytest.approx(saved[dim]["macro_f1"])


# --------------------------------------------------------------------------- real-dev column
# Rows in realdev's format (id, source fields, heading joined with " > ", text, labels), written
# for this test: never real-dev's own text.
REALDEV_ROWS = [
    {"id": "t001", "issuer": "测试县应急管理局", "year": 2024, "heading": "二、重点任务 > （一）矿山",
     "text": "持续开展煤矿瓦斯超限专项执法检查，对违法违规行为依法从严查处。",
     "sector": ["coal_mine"], "measure_type": ["enforcement"], "confidence": "high"},
    {"id": "t002", "issuer": "测试市安委会", "year": 2023, "heading": "",
     "text": "加强危险化学品企业重大危险源监测预警，推动化工园区建设信息平台。",
     "sector": ["hazardous_chemicals"], "measure_type": ["engineering_technology", "hazard_remediation"],
     "confidence": "medium"},
    {"id": "t003", "issuer": "", "year": 2022, "heading": "三、保障措施",
     "text": "各乡镇各部门要严格落实安全生产责任制，层层签订责任书，确保责任落到实处。",
     "sector": ["cross_sector"], "measure_type": ["responsibility"], "confidence": "high"},
    {"id": "t004", "issuer": "测试区", "year": 2025, "heading": "",
     "text": "汛期前组织开展防汛应急演练，储备抢险物资，落实值班值守制度。",
     "sector": ["flood_drought"], "measure_type": ["emergency"], "confidence": "high"},
]


def _write_realdev(path, rows=REALDEV_ROWS):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_compare_has_a_realdev_column_for_every_run(runs, tmp_path, monkeypatch):
    from policytag.models.runs import load_run
    from policytag.training.metrics import evaluate_labels
    from policytag.training.realdev import load_realdev

    tmp, r = runs
    realdev = _write_realdev(tmp_path / "realdev.jsonl")
    monkeypatch.setenv("POLICYTAG_REALDEV", str(realdev))
    out = tmp_path / "rd" / "cmp"
    assert main(["compare", str(r["kw-a"]), str(r["kw-b"]), "-o", str(out)]) == 0
    report = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert report["realdev"]["n"] == len(REALDEV_ROWS)
    part = load_realdev(realdev)
    assert [c.heading_path for c in part.clauses][0] == ("二、重点任务", "（一）矿山")
    for run in report["runs"]:
        # the figures are the saved model's own predictions on the file, not copied from anywhere
        expected = evaluate_labels(part.labels, load_run(run["path"]).predict(part.clauses), load_taxonomy())
        for dim in ("sector", "measure_type"):
            got = run["realdev"][dim]
            assert got["micro_f1"] == pytest.approx(expected[dim]["micro_f1"])
            assert got["macro_f1"] == pytest.approx(expected[dim]["macro_f1"])
            support = {lid: m["support"] for lid, m in got["per_label"].items()}
            assert support["coal_mine" if dim == "sector" else "enforcement"] == 1
            assert sum(support.values()) == sum(len(row[dim]) for row in REALDEV_ROWS)
    assert "## Real-dev (real clauses of other governments)" in md
    assert "Per label, real-dev: sector" in md and "Per label, real-dev: measure_type" in md
    assert "**real-dev** sector micro / macro-F1" in md  # the headline table's column
    # the headline row carries the real-dev micro / macro figures of each run
    run = report["runs"][0]
    cell = f"{run['realdev']['sector']['micro_f1']:.3f} / {run['realdev']['sector']['macro_f1']:.3f}"
    assert any(line.startswith(f"| {run['name']} |") and cell in line for line in md.splitlines())
    # the default-model ranking: CV macro and real-dev micro, averaged per dimension then over both
    from policytag.training.compare import selection_score

    ranked = [r for r in report["runs"] if r["cv"]]
    assert ranked and "## Choosing the default recipe: CV and real-dev together" in md
    for r in ranked:
        want = sum((r["cv"][d]["macro_f1"] + r["realdev"][d]["micro_f1"]) / 2 for d in ("sector", "measure_type")) / 2
        assert selection_score(r) == pytest.approx(want)
        assert f"**{want:.3f}**" in md
    assert all(selection_score(r) is None for r in report["runs"] if not r["cv"])


def test_compare_without_realdev_says_so_and_does_not_crash(runs, tmp_path, monkeypatch, capsys):
    tmp, r = runs
    monkeypatch.setenv("POLICYTAG_REALDEV", str(tmp_path / "nowhere" / "realdev.jsonl"))
    out = tmp_path / "nord" / "cmp"
    assert main(["compare", str(r["kw-a"]), "-o", str(out)]) == 0
    report = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "real-dev set not found" in report["realdev"]["absent"]
    assert report["runs"][0]["realdev"] is None
    assert sum("real-dev set not found" in line for line in md.splitlines()) == 1
    assert "## Real-dev" not in md
    assert "real-dev set not found" in capsys.readouterr().out


def test_evaluate_split_realdev(runs, tmp_path, monkeypatch, capsys):
    _, r = runs
    monkeypatch.setenv("POLICYTAG_REALDEV", str(_write_realdev(tmp_path / "realdev.jsonl")))
    assert main(["evaluate", str(r["kw-a"]), "--split", "realdev", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["sector"]["n"] == len(REALDEV_ROWS)
    monkeypatch.setenv("POLICYTAG_REALDEV", str(tmp_path / "missing.jsonl"))
    assert main(["evaluate", str(r["kw-a"]), "--split", "realdev"]) == 1
    assert "real-dev set not found" in capsys.readouterr().err


def test_realdev_is_looked_for_next_to_the_current_directory(tmp_path, monkeypatch):
    from policytag.training.realdev import candidates, realdev_path

    monkeypatch.delenv("POLICYTAG_REALDEV", raising=False)
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    target = tmp_path / "shared" / "realdev" / "realdev.jsonl"
    target.parent.mkdir(parents=True)
    _write_realdev(target)
    monkeypatch.chdir(checkout)
    assert candidates()[0] == target.resolve()
    assert realdev_path() == target.resolve()


def test_realdev_rejects_labels_outside_the_taxonomy(tmp_path):
    from policytag.training.realdev import load_realdev

    bad = dict(REALDEV_ROWS[0], sector=["no_such_sector"])
    with pytest.raises(PolicytagError, match="no_such_sector"):
        load_realdev(_write_realdev(tmp_path / "bad.jsonl", [bad]))


def _selection_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("selection_script", PROJECT_ROOT / "scripts" / "selection.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_selection_script_seeds_the_hybrids_folds_not_only_the_cv_folds():
    # validation copies the run's seed into the tagger's random_state (the hybrid's out-of-fold
    # folds); setting config["seed"] after loading would move only the CV folds
    sel = _selection_module()
    config = sel.config_at_seed(str(PROJECT_ROOT / "configs" / "hybrid-doc.yaml"), 14)
    assert config["seed"] == 14 and config["model"]["params"]["random_state"] == 14
    assert config["name"] == "hybrid-doc"
    assert sel._key(config, 14, False) != sel._key(sel.config_at_seed(str(PROJECT_ROOT / "configs" / "hybrid-doc.yaml"), 15), 15, False)


def test_selection_table_ranks_recipes_by_their_mean_over_seeds():
    from policytag.taxonomy import DIMENSIONS as dims

    sel = _selection_module()

    def row(name, seed, score, rd):
        return {"name": name, "seed": seed, "selection": score, "cv_macro": {d: 0.8 for d in dims},
                "realdev_micro": {d: rd for d in dims}, "test_macro": {d: 0.8 for d in dims},
                "challenge_macro": {d: 0.8 for d in dims}}

    # b wins one seed by a lot, a wins on the mean
    rows = [row("a", 13, 0.85, 0.77), row("a", 14, 0.85, 0.77), row("b", 13, 0.86, 0.79), row("b", 14, 0.83, 0.75)]
    lines = sel.table(rows, False)
    assert lines[2].startswith("| a | 13,14 | 0.8500 ± 0.0000")
    assert lines[3].startswith("| b | 13,14 | 0.8450 ± 0.0150")
