"""BertTagger on a tiny randomly initialised BERT (seconds): Trainer-based LP-FT, early stopping,
Hub-format model directory (AutoConfig/AutoTokenizer/AutoModel), exact reload, int8 thresholds,
device selection, the dev metric against training/metrics.py, and the real train/evaluate path.

The real encoder is exercised by the slow smoke test (tests/test_bert_smoke.py); two-process
data-parallel training by tests/test_ddp.py.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytest.importorskip("accelerate")

from tiny_bert import build_tiny_bert, toy_data  # noqa: E402

from policytag import PolicytagError  # noqa: E402
from policytag.models.bert import BertTagger, pos_weights, resolve_model_path  # noqa: E402
from policytag.models.runs import load_run  # noqa: E402
from policytag.taxonomy import DIMENSIONS, load_taxonomy  # noqa: E402


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return build_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


@pytest.fixture(scope="module")
def fitted(tiny_model, tmp_path_factory):
    """A tagger fitted with LP-FT on the toy data (dev = first 6 clauses) and saved to a directory."""
    clauses, labels = toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=2, batch_size=4, max_length=64,
                        probe_epochs=3, progress=False, num_threads=1, device="cpu")
    tagger.fit(clauses, labels, clauses[:6], labels[:6])
    out = tmp_path_factory.mktemp("saved")
    tagger.save(out)
    return tagger, out


def test_pos_weights_clipped():
    y = np.array([[1, 0, 0], [0, 0, 1], [0, 0, 1], [0, 0, 1]] + [[0, 0, 1]] * 40)
    w = pos_weights(y, max_pos_weight=10.0)
    assert w.shape == (3,)
    assert w[0] == 10.0  # 43 negatives per positive, clipped
    assert w[1] == 1.0   # no positive: nothing to up-weight
    assert w[2] == 1.0   # more positives than negatives: never below 1


def test_missing_local_model_says_how_to_build():
    with pytest.raises(PolicytagError, match="policytag pretrained build"):
        resolve_model_path("artifacts/pretrained/does-not-exist")
    assert resolve_model_path("intfloat/multilingual-e5-small") == "intfloat/multilingual-e5-small"  # hub id kept


def test_lpft_history_from_trainer(fitted):
    tagger, _ = fitted
    history = tagger.train_info_["history"]
    assert history[0]["phase"] == "probe" and history[0]["train_loss"] < history[0]["train_loss_start"]
    assert [r["epoch"] for r in history[1:]] == [1, 2]           # Trainer's per-epoch log, dev scored
    assert all("dev_macro_f1" in r for r in history)
    assert sum(bool(r.get("best")) for r in history) == 1       # load_best_model_at_end / probe kept
    assert tagger.train_info_["device"] == "cpu" and tagger.train_info_["world_size"] == 1


def test_hub_format_directory_loads_with_auto_classes(fitted):
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    tagger, out = fitted
    tax = load_taxonomy()
    config = AutoConfig.from_pretrained(out)
    flat = [lid for dim in DIMENSIONS for lid in tax[dim].ids]
    assert config.model_type == "bert"
    assert [config.id2label[i] for i in range(len(flat))] == flat
    assert config.label2id == {lid: i for i, lid in enumerate(flat)}
    assert config.label_dims == {dim: tax[dim].ids for dim in DIMENSIONS}
    assert config.dimensions == list(DIMENSIONS)
    assert config.taxonomy_version == tax.version and config.problem_type == "multi_label_classification"
    tok = AutoTokenizer.from_pretrained(out)
    assert tok("加强煤矿瓦斯治理")["input_ids"][0] == tok.cls_token_id
    encoder = AutoModel.from_pretrained(out)  # the fine-tuned encoder alone (heads.* are dropped)
    enc_state = encoder.state_dict()
    ours = tagger.model_.bert.state_dict()
    key = "encoder.layer.0.attention.self.query.weight"
    torch.testing.assert_close(enc_state[key], ours[key])
    card = (out / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and tax.version in card and "Intended use" in card
    assert (out / "model.safetensors").exists() and not list(out.glob("*.pt")) and not list(out.glob("*.bin"))


def test_reload_gives_identical_predictions(fitted):
    tagger, out = fitted
    clauses, _ = toy_data()
    again = BertTagger.load(out)
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(again.predict_proba(clauses)[dim], tagger.predict_proba(clauses)[dim])
    assert again.predict(clauses) == tagger.predict(clauses)
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(again.int8_thresholds_[dim], tagger.int8_thresholds_[dim])


def test_early_stopping_stops_when_dev_does_not_improve(tiny_model):
    clauses, labels = toy_data()
    # a learning rate this small leaves the dev score unchanged: patience 1 ends after epoch 2 of 6
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=6, patience=1, batch_size=6, max_length=64,
                        learning_rate=1e-9, head_learning_rate=1e-9, progress=False, num_threads=1, device="cpu")
    tagger.fit(clauses, labels, clauses[:6], labels[:6])
    assert [r["epoch"] for r in tagger.train_info_["history"]] == [1, 2]
    assert tagger.train_info_["best_epoch"] == 1


def test_prediction_does_not_depend_on_batching(fitted):
    tagger, _ = fitted
    clauses, _ = toy_data()
    whole = tagger.predict_proba(clauses)
    before, tagger.eval_batch_size = tagger.eval_batch_size, 2
    try:
        small = tagger.predict_proba(clauses)
    finally:
        tagger.eval_batch_size = before
    for dim in DIMENSIONS:
        np.testing.assert_allclose(small[dim], whole[dim], atol=1e-5)


def test_int8_uses_its_own_dev_tuned_thresholds(fitted):
    tagger, _ = fitted
    clauses, _ = toy_data()
    fp = tagger.predict_proba(clauses, use_quantized=False)
    q = tagger.predict_proba(clauses, use_quantized=True)
    assert isinstance(tagger.quantized_net().heads["sector"], torch.ao.nn.quantized.dynamic.Linear)
    for dim in DIMENSIONS:
        assert 0 < np.abs(q[dim] - fp[dim]).max() < 0.05  # int8 weights: close, not identical
    assert set(tagger.int8_thresholds_) == set(DIMENSIONS)
    tagger.quantize = True
    try:
        assert tagger.predict(clauses) == tagger.decode(q, tagger.int8_thresholds_)
    finally:
        tagger.quantize = False
    assert tagger.predict(clauses) == tagger.decode(fp, tagger.thresholds_)


def test_device_selection():
    from policytag.models.bert_trainer import FitOptions, resolve_device, training_arguments

    expected = "cuda" if torch.cuda.is_available() else ("mps" if torch.backends.mps.is_available() else "cpu")
    assert resolve_device("auto") == expected
    assert resolve_device("cpu") == "cpu"
    with pytest.raises(PolicytagError, match="device must be one of"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(PolicytagError, match="no CUDA GPU"):
            resolve_device("cuda")
        with pytest.raises(PolicytagError, match="needs a CUDA GPU"):
            training_arguments(FitOptions(device="cpu", bf16=True), __import__("pathlib").Path("/tmp/x"), True)


def test_old_private_layout_is_refused(tmp_path, fitted):
    _, out = fitted
    (tmp_path / "tagger.json").write_text((out / "tagger.json").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "heads.pt").write_bytes(b"")
    with pytest.raises(PolicytagError, match="old private layout"):
        BertTagger.load(tmp_path)


@pytest.mark.slow  # the real train path on the gold data (40 s under load): not in the fast lane
def test_train_and_reevaluate_give_identical_figures(tiny_model, tmp_path):
    """The real `train` path on the gold data; `evaluate` of the saved run reproduces metrics.json."""
    from policytag.training.config import load_config
    from policytag.training.evaluate import evaluate_run
    from policytag.training.train import train_recipe

    cfg_path = tmp_path / "tiny.yaml"
    cfg_path.write_text(json.dumps({
        "name": "tiny-bert", "model": {"type": "bert", "params": {
            "model_name_or_path": str(tiny_model), "epochs": 1, "max_length": 64, "probe_epochs": 2,
            "progress": False, "device": "cpu"}}}), encoding="utf-8")
    run = train_recipe(load_config(cfg_path), out_dir=tmp_path / "run")
    info = json.loads((run / "run.json").read_text())
    assert info["tagger"] == "bert.v1" and info["history"] and info["train_seconds"] > 0
    saved = json.loads((run / "metrics.json").read_text())["test"]
    first = evaluate_run(run, "test")
    second = evaluate_run(run, "test")
    assert first == second == saved
    assert load_run(run).name == "bert.v1"
    card = (run / "model" / "README.md").read_text(encoding="utf-8")
    macro = saved["sector"]["macro_f1"]
    assert f"macro-F1 {macro:.3f}" in card and "| coal_mine |" in card  # per-label test metrics from the run
    from huggingface_hub import ModelCard

    results = {r.metric_name: r for r in ModelCard(card).data.eval_results}  # machine-readable model-index
    assert results["sector macro-F1"].metric_value == round(macro, 4)
    assert results["sector macro-F1"].dataset_split == "test" and "example.invalid" not in card


def test_length_grouped_batches_pad_less(tiny_model, tmp_path):
    """``group_by_length``: the fine-tuning batches hold clauses of like length (Trainer's
    length-grouped sampler), so they carry fewer padded tokens than random batches of the same data."""
    from transformers import AutoTokenizer, DataCollatorWithPadding

    from policytag.models.bert_trainer import FitOptions, TaggingTrainer, TokenizedClauses, training_arguments

    tokenizer = AutoTokenizer.from_pretrained(str(tiny_model))
    rng = np.random.default_rng(0)
    texts = ["安全生产" * int(n) for n in rng.integers(1, 30, size=96)]
    y = np.zeros((len(texts), 2), dtype=np.float32)

    def padded_tokens(group: bool) -> int:
        args = training_arguments(FitOptions(device="cpu", batch_size=8, group_by_length=group, progress=False),
                                  tmp_path / f"ckpt-{group}", has_dev=False)
        model = transformers.BertModel(transformers.BertConfig.from_pretrained(str(tiny_model)))
        trainer = TaggingTrainer(model=model, args=args, train_dataset=TokenizedClauses(tokenizer, texts, y, 128),
                                 data_collator=DataCollatorWithPadding(tokenizer, return_tensors="pt"))
        return sum(int(b["input_ids"].numel()) for b in trainer.get_train_dataloader())

    grouped, random = padded_tokens(True), padded_tokens(False)
    assert grouped < 0.8 * random, (grouped, random)


def test_length_grouped_fit_trains(tiny_model):
    clauses, labels = toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=1, batch_size=4, max_length=64,
                        progress=False, num_threads=1, device="cpu", group_by_length=True)
    tagger.fit(clauses, labels, clauses[:6], labels[:6])
    assert tagger.get_params()["group_by_length"] is True
    assert set(tagger.predict_proba(clauses[:3])) == set(DIMENSIONS)


def test_default_threads_follow_omp_num_threads(monkeypatch):
    """The recipe's default intra-op threads: the process's share when OMP_NUM_THREADS gives one (a
    test worker, a Ray actor), else the cores it may run on — not every core of the machine."""
    import os

    from policytag.models.bert import default_threads, torch_threads

    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert default_threads() == 3
    with torch_threads(None):
        assert torch.get_num_threads() == 3
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert default_threads() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("OMP_NUM_THREADS", "garbage")
    assert default_threads() == len(os.sched_getaffinity(0))
