"""The transformer recipes of issue 17 end to end on a tiny BERT with a character vocabulary (as
bert-base-chinese has), saved in Hub format: ``configs/bert-v2.yaml`` (fine-tuned on the enlarged
data) and ``configs/hybrid-bert.yaml`` (its fine-tuned encoder inside the hybrid), through the CLI,
with only the encoder path and the budget swapped. Real parts throughout; about a minute."""

from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytest.importorskip("accelerate")

from tiny_bert import build_tiny_bert, recipe_copy as _recipe  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402
from policytag.cli import main  # noqa: E402
from policytag.models.runs import load_run  # noqa: E402
from policytag.taxonomy import DIMENSIONS, load_taxonomy  # noqa: E402

GOLD = PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl"
TRAIN_V2 = PROJECT_ROOT / "data" / "train-v2" / "train-v2.jsonl"
needs_data = pytest.mark.skipif(not (GOLD.exists() and TRAIN_V2.exists()), reason="gold / train-v2 data not present")


@needs_data
def test_transformer_recipes_train_end_to_end_on_a_tiny_character_bert(tmp_path, monkeypatch):
    from transformers import AutoModel, AutoTokenizer

    monkeypatch.setenv("POLICYTAG_REALDEV", str(tmp_path / "no-realdev.jsonl"))  # the test never reads real-dev
    enc = build_tiny_bert(tmp_path / "tiny-char-bert", layers=2, hidden=32)
    tok = AutoTokenizer.from_pretrained(enc)
    assert tok.tokenize("煤矿瓦斯") == ["煤", "矿", "瓦", "斯"]  # a character vocabulary

    bert_cfg = _recipe("bert-v2", tmp_path, **{
        "model.params.model_name_or_path": str(enc), "model.params.max_length": 64,
        "model.params.probe_epochs": 5, "model.params.epochs": 1, "model.params.batch_size": 32,
        "model.params.progress": False})
    assert main(["train", bert_cfg, "-o", str(tmp_path / "bert")]) == 0
    metrics = json.loads((tmp_path / "bert" / "metrics.json").read_text(encoding="utf-8"))
    sizes = metrics["sizes"]
    assert set(metrics["test"]) == set(DIMENSIONS) and metrics["test"]["sector"]["n"] == sizes["test"]
    # the saved run is a Hub-format model directory: the fine-tuned encoder loads with AutoModel
    encoder = AutoModel.from_pretrained(tmp_path / "bert" / "model")
    assert encoder.config.num_hidden_layers == 2

    hyb_cfg = _recipe("hybrid-bert", tmp_path, **{"model.params.learners.2.params.model_name_or_path":
                                                  str(tmp_path / "bert" / "model")})
    assert main(["train", hyb_cfg, "-o", str(tmp_path / "hybrid")]) == 0
    tagger = load_run(tmp_path / "hybrid")
    assert [type(x).__name__ for x in tagger.learners_] == ["TfidfTagger", "ContextTfidfTagger", "EmbeddingTagger"]
    weights = [w for w in tagger.meta_weights()["measure_type"].values() if "constant" not in w]
    assert weights and all("logit_embedding" in w and "logit_tfidf" in w for w in weights)
    tax = load_taxonomy()
    hmetrics = json.loads((tmp_path / "hybrid" / "metrics.json").read_text(encoding="utf-8"))
    assert hmetrics["test"]["measure_type"]["n"] == sizes["test"]
    assert 0.0 <= hmetrics["test"]["measure_type"]["macro_f1"] <= 1.0
    assert len(hmetrics["test"]["sector"]["per_label"]) == len(tax.sector.ids)
