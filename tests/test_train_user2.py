"""The ML engineer's path walked as a newcomer (README "Train and compare models", docs/training.md
§1-§6): own configs for the baseline, the hybrid and the tiny transformer, driven through the real
`policytag train` / `compare` CLI. Each case is something that went wrong on the walk: a typo named
without the right key, a missing data file found only after the fit, an existing runs/NAME refused
only after the whole fit, a device that could not be chosen on the command line, a SIGTERM that left
the checkpoint scratch behind, a compare refusal spread over escaped lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import yaml

from conftest import CORPUS_DIR, GOLD_FILE

from policytag import PROJECT_ROOT
from policytag.cli import main

#: a small real recipe: the TF-IDF baseline on the repository's gold clauses (about a second)
TFIDF = {"data": {"gold": str(GOLD_FILE), "corpus": str(CORPUS_DIR)},
         "model": {"type": "tfidf", "params": {"ngram_range": [1, 2], "min_df": 2, "C": 2.0}}}


def _config(tmp_path, name: str, body: dict) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    return str(path)


def _one_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("policytag: error: "), err
    return err


# --------------------------------------------------------------------------- typos name the right key
@pytest.mark.parametrize("body, key, right", [
    ({"model": {"type": "bert", "params": {"lerning_rate": 1e-4}}}, "model.params.lerning_rate", "learning_rate"),
    ({"model": {"type": "tfidf", "cv_params": {"min_dff": 1}}}, "model.cv_params.min_dff", "min_df"),
    ({"modle": {"type": "tfidf"}}, "modle", "model"),
    ({"split": {"dev_year": [2022]}}, "split.dev_year", "dev_years"),
    ({"data": {"gol": "x.jsonl"}}, "data.gol", "gold"),
    ({"model": {"type": "tfdif"}}, "model.type", "tfidf"),
])
def test_a_typo_is_one_line_naming_the_key_and_the_right_one(tmp_path, capsys, body, key, right):
    cfg = _config(tmp_path, "typo", body)
    assert main(["train", cfg, "-o", str(tmp_path / "run")]) == 2
    err = _one_error(capsys)
    assert f"{cfg}: {key}: " in err and f"(did you mean {right!r}?)" in err
    assert not (tmp_path / "run").exists()


# --------------------------------------------------------------------------- data files
def test_a_missing_data_file_is_named_by_its_key_before_any_fit(tmp_path, capsys):
    cfg = _config(tmp_path, "noaug", {**TFIDF, "data": {**TFIDF["data"], "augment": "my-augment.jsonl"}})
    assert main(["train", cfg, "-o", str(tmp_path / "run")]) == 2  # a config error, not a failed fit
    err = _one_error(capsys)
    assert f"{cfg}: data.augment: my-augment.jsonl: no such file or directory" in err
    assert str(tmp_path) in err  # says where it looked, the config's own directory included


def test_a_data_file_beside_the_config_is_found(tmp_path, gold_dataset, capsys):
    # a config kept with its own training-only clauses, run from the checkout: `augment: aug.jsonl`
    # means the file next to the config (the cwd and the checkout have no such file)
    example = next(e for e in gold_dataset.examples if e.clause.year and e.clause.year <= 2021)
    row = {"clause_id": "mine-1", "text": example.clause.text, "sector": list(example.labels.sector),
           "measure_type": list(example.labels.measure_type)}
    (tmp_path / "aug.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    cfg = _config(tmp_path, "withaug", {**TFIDF, "data": {**TFIDF["data"], "augment": "aug.jsonl"}})
    assert not (PROJECT_ROOT / "aug.jsonl").exists()
    assert main(["train", cfg, "-o", str(tmp_path / "run")]) == 0, capsys.readouterr().err
    stored = yaml.safe_load((tmp_path / "run" / "config.yaml").read_text(encoding="utf-8"))
    assert stored["data"]["augment"] == "aug.jsonl"  # stored as written


@pytest.mark.parametrize("split, key", [({"test_years": [2030]}, "split.test_years: no gold clause in [2030]"),
                                        ({"train_until": 2001, "dev_years": [2002]},
                                         "split.train_until: no gold clause in or before 2001")])
def test_split_years_without_clauses_name_the_key(tmp_path, capsys, split, key):
    cfg = _config(tmp_path, "years", {**TFIDF, "split": split})
    assert main(["train", cfg, "-o", str(tmp_path / "run")]) == 2
    assert f"{cfg}: {key} (the gold clauses are of " in _one_error(capsys)


def test_evaluate_elsewhere_names_the_runs_config_key(tmp_path, capsys, monkeypatch):
    # trained from the checkout with the README's relative paths, evaluated from another directory
    monkeypatch.chdir(PROJECT_ROOT)
    rel = {**TFIDF, "data": {"gold": "data/annotations/gold-v1.jsonl", "corpus": "data/corpus"}}
    assert main(["train", _config(tmp_path, "rel", rel), "-o", str(tmp_path / "run")]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", str(tmp_path / "run")]) == 1  # not a usage error: the run's data moved
    err = _one_error(capsys)
    assert f"{tmp_path / 'run' / 'config.yaml'}: data.gold: data/annotations/gold-v1.jsonl: no such file" in err


# --------------------------------------------------------------------------- the default run directory
def test_an_existing_default_run_directory_is_refused_before_training(tmp_path, capsys, monkeypatch):
    runs = tmp_path / "runs"
    (runs / "mine").mkdir(parents=True)
    (runs / "mine" / "run.json").write_text("{}", encoding="utf-8")  # precious: never touched
    monkeypatch.setenv("POLICYTAG_RUNS", str(runs))
    # gold is missing too: the refusal must come first, before any data is read or model fitted
    cfg = _config(tmp_path, "mine", {**TFIDF, "data": {**TFIDF["data"], "gold": str(tmp_path / "gone.jsonl")}})
    assert main(["train", cfg]) != 0
    assert f"{runs / 'mine'}: already exists (use --force to replace it)" in _one_error(capsys)
    assert (runs / "mine" / "run.json").read_text(encoding="utf-8") == "{}"


# --------------------------------------------------------------------------- device
def _bert_config(tmp_path, model_dir: str, **params) -> str:
    return _config(tmp_path, "tinybert", {
        "data": TFIDF["data"], "split": {"cv": False},
        "model": {"type": "bert", "params": {"model_name_or_path": model_dir, "max_length": 48, "probe_epochs": 1,
                                             "epochs": 1, "batch_size": 16, "progress": False, "num_threads": 1,
                                             **params}}})


def test_device_is_checked_before_any_work_and_named(tmp_path, capsys):
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is visible: asking for one is not an error here")
    # model_name_or_path does not exist: the device line must come before anything reads it
    cfg = _bert_config(tmp_path, str(tmp_path / "no-encoder"), device="cuda")
    assert main(["train", cfg, "-o", str(tmp_path / "run")]) == 2
    assert f"{cfg}: model.params.device: device 'cuda' requested but no CUDA GPU" in _one_error(capsys)
    assert main(["train", _bert_config(tmp_path, str(tmp_path / "no-encoder")), "--device", "cuda",
                 "-o", str(tmp_path / "run")]) == 2
    assert "--device: device 'cuda' requested but no CUDA GPU is visible" in _one_error(capsys)
    cfg = _bert_config(tmp_path, str(tmp_path / "no-encoder"), bf16=True)  # bf16 is CUDA-only
    assert main(["train", cfg, "--device", "cpu", "-o", str(tmp_path / "run")]) == 2
    assert f"{cfg}: model.params.bf16: mixed precision needs a CUDA GPU, the device is cpu" in _one_error(capsys)
    assert main(["train", _config(tmp_path, "tf", TFIDF), "--device", "cpu", "-o", str(tmp_path / "run")]) == 2
    err = _one_error(capsys)
    assert "--device: model type tfidf has no device setting (it trains on the CPU); types that take one: " in err
    assert "bert.v1" in err.rsplit(":", 1)[1]


@pytest.mark.slow  # trains the tiny BERT (a few seconds, torch import included)
def test_device_flag_overrides_the_config_and_is_stored(tmp_path, capsys):
    pytest.importorskip("torch")
    from tiny_bert import build_tiny_bert

    tiny = build_tiny_bert(tmp_path / "tiny")
    cfg = _bert_config(tmp_path, str(tiny), device="cuda:3")  # a GPU this machine has not got
    assert main(["train", cfg, "--device", "cpu", "-o", str(tmp_path / "run")]) == 0, capsys.readouterr().err
    info = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    stored = yaml.safe_load((tmp_path / "run" / "config.yaml").read_text(encoding="utf-8"))
    assert info["device"] == "cpu" and stored["model"]["params"]["device"] == "cpu"


# --------------------------------------------------------------------------- SIGTERM
@pytest.mark.slow  # a subprocess imports torch and fine-tunes the tiny BERT until it is terminated
def test_sigterm_mid_fit_leaves_no_scratch_and_no_run(tmp_path):
    pytest.importorskip("torch")
    from tiny_bert import build_tiny_bert

    tiny = build_tiny_bert(tmp_path / "tiny")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    cfg = _bert_config(tmp_path, str(tiny), device="cpu", epochs=200, patience=500)
    env = {**os.environ, "TMPDIR": str(scratch), "OMP_NUM_THREADS": "1", "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "policytag.cli", "train", cfg, "-o", str(tmp_path / "run")],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        # the Trainer's checkpoint scratch appears once fine-tuning has saved its first epoch
        while not list(scratch.glob("policytag-bert-*/checkpoint-*")) and proc.poll() is None:
            assert time.monotonic() < deadline, "fine-tuning never started"
            time.sleep(0.1)
        assert proc.poll() is None, proc.stderr.read()[-2000:]
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM and "policytag: terminated (SIGTERM)" in err, err[-2000:]
    assert not list(scratch.glob("policytag-bert-*"))  # ~100 MB per launch with the real encoder
    assert not (tmp_path / "run").exists() and not list(tmp_path.glob(".run.*"))


# --------------------------------------------------------------------------- compare
def test_compare_refusal_is_one_line_naming_what_differs(tmp_path, capsys):
    for name, seed in (("seed7", 7), ("seed8", 8)):
        assert main(["train", _config(tmp_path, name, {**TFIDF, "seed": seed}), "-o", str(tmp_path / name)]) == 0
    capsys.readouterr()
    assert main(["compare", str(tmp_path / "seed7"), str(tmp_path / "seed8"), "-o", str(tmp_path / "cmp")]) == 1
    err = _one_error(capsys)
    assert "\\n" not in err  # the refusal used to come out as one line with escaped newlines in it
    assert "seed seed7=7, seed8=8" in err and "train_until" not in err  # only what differs
    assert not (tmp_path / "cmp.md").exists()


# --------------------------------------------------------------------------- the examples a newcomer copies
EXAMPLES = PROJECT_ROOT / "configs" / "examples"


def _train_example(name: str, tmp_path, monkeypatch, *extra: str, **params) -> dict:
    """Train configs/examples/NAME.yaml as its header says (from another directory: its relative
    data paths resolve through the checkout holding it); ``params`` replace model params."""
    source = EXAMPLES / f"{name}.yaml"
    if params:
        body = yaml.safe_load(source.read_text(encoding="utf-8"))
        body["model"]["params"].update(params)
        body["data"] = {k: str(PROJECT_ROOT / v) for k, v in body["data"].items()}  # the copy is outside it
        source = tmp_path / f"{name}.yaml"
        source.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = tmp_path / name
    assert main(["train", str(source), "-o", str(run), *extra]) == 0
    return json.loads((run / "run.json").read_text(encoding="utf-8"))


def test_the_baseline_example_trains_from_anywhere(tmp_path, monkeypatch, capsys):
    info = _train_example("baseline", tmp_path, monkeypatch)
    assert info["tagger"] == "tfidf.v1" and info["taxonomy_version"] and info["data_hash"]
    assert "test  measure_type" in capsys.readouterr().out


@pytest.mark.slow  # the hybrid (seconds) and the tiny BERT (torch import, a short fine-tuning)
def test_the_hybrid_and_tiny_bert_examples_train_and_compare(tmp_path, monkeypatch, capsys):
    pytest.importorskip("torch")
    from tiny_bert import build_tiny_bert

    assert _train_example("baseline", tmp_path, monkeypatch)["tagger"] == "tfidf.v1"
    assert _train_example("hybrid", tmp_path, monkeypatch)["tagger"] == "hybrid.v1"
    tiny = build_tiny_bert(tmp_path / "tiny-encoder")
    info = _train_example("tiny-bert", tmp_path, monkeypatch, "--device", "cpu", model_name_or_path=str(tiny))
    assert info["tagger"] == "bert.v1" and info["device"] == "cpu"
    run = tmp_path / "tiny-bert"
    shared = run.stat().st_mode & 0o666  # model.safetensors was 0600: a copied run was unreadable to others
    assert {f.name: f.stat().st_mode & 0o777 for f in run.rglob("*") if f.is_file()} == \
        {f.name: shared for f in run.rglob("*") if f.is_file()}
    card = (run / "model" / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "model-index:" in card and "name: example-tiny-bert" in card
    capsys.readouterr()
    runs = [str(tmp_path / n) for n in ("baseline", "hybrid", "tiny-bert")]
    assert main(["compare", *runs, "-o", str(tmp_path / "cmp")]) == 0, capsys.readouterr().err
    assert all(f"| {n} " in (tmp_path / "cmp.md").read_text(encoding="utf-8") for n in ("baseline", "hybrid"))


# --------------------------------------------------------------------------- progress on long work
@pytest.mark.slow  # a subprocess imports the whole stack and cross-validates (10-20 s under load)
def test_cross_validation_shows_its_folds_on_a_terminal_only(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    cfg = _config(tmp_path, "cv", {**TFIDF, "split": {"folds": 2, "cv": True}})
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # tqdm needs a width
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "policytag.cli", "train", cfg, "-o", str(tmp_path / "run")],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait(timeout=300) == 0, seen.decode(errors="replace")[-2000:]
    assert b"cross-validation: 100%" in seen and b"2/2" in seen  # the K fits used to run silently


def test_compare_of_a_copied_run_says_why_the_names_clash(tmp_path, capsys):
    import shutil

    assert main(["train", _config(tmp_path, "mine", TFIDF), "-o", str(tmp_path / "mine")]) == 0
    shutil.copytree(tmp_path / "mine", tmp_path / "mine-copy")  # what one does to keep a run aside
    capsys.readouterr()
    assert main(["compare", str(tmp_path / "mine"), str(tmp_path / "mine-copy"), "-o", str(tmp_path / "cmp")]) == 1
    err = _one_error(capsys)
    assert f"{tmp_path / 'mine'} and {tmp_path / 'mine-copy'} are both the run named 'mine'" in err


def test_a_misspelt_label_in_own_training_clauses_suggests_the_id(tmp_path, capsys):
    row = {"clause_id": "mine-1", "text": "加强煤矿瓦斯治理", "sector": ["coal_mines"], "measure_type": ["enforcement"]}
    (tmp_path / "aug.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    cfg = _config(tmp_path, "badlabel", {**TFIDF, "data": {**TFIDF["data"], "augment": str(tmp_path / "aug.jsonl")}})
    assert main(["train", cfg, "-o", str(tmp_path / "run")]) == 1
    assert "mine-1: unknown sector label 'coal_mines' (did you mean 'coal_mine'?)" in _one_error(capsys)
    assert not (tmp_path / "run").exists()
