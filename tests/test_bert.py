"""BertTagger on a tiny randomly initialised BERT (seconds): shapes, pos_weight, the frozen-layer
cache, save/load, deterministic inference, int8 quantisation, and the real train/evaluate path.

The real encoder is exercised by the slow smoke test (tests/test_bert_smoke.py).
"""

from __future__ import annotations

import collections
import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from policytag import PROJECT_ROOT  # noqa: E402
from policytag.models.bert import BertTagger, pos_weights, resolve_model_path  # noqa: E402
from policytag.models.runs import load_run  # noqa: E402
from policytag.records import Clause, Labels  # noqa: E402
from policytag.taxonomy import DIMENSIONS, load_taxonomy  # noqa: E402

GOLD = PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl"


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A 2-layer, hidden-32 BERT with a character vocabulary from the corpus, saved like a hub model."""
    from transformers import BertConfig, BertModel, BertTokenizerFast

    out = tmp_path_factory.mktemp("tiny-bert")
    counts = collections.Counter()
    for path in sorted((PROJECT_ROOT / "data" / "corpus").glob("*.txt")):
        counts.update(path.read_text(encoding="utf-8"))
    chars = [c for c, _ in counts.most_common(3000) if not c.isspace()]
    (out / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]) + "\n",
                                   encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(out / "vocab.txt"))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=256)
    BertModel(config, add_pooling_layer=False).save_pretrained(out)
    tok.save_pretrained(out)
    return out


def _toy_data():
    tax = load_taxonomy()
    sec, mt = tax.sector.ids, tax.measure_type.ids
    texts = ["加强煤矿瓦斯治理", "深化危险化学品专项整治", "严厉打击道路交通超载", "强化消防安全检查",
             "落实安全生产责任制", "开展安全宣传教育培训"]
    labels = [Labels((sec[0],), (mt[3],)), Labels((sec[2],), (mt[4],)), Labels((sec[4],), (mt[3],)),
              Labels((sec[7],), (mt[4],)), Labels(("cross_sector",), (mt[1],)), Labels(("cross_sector",), (mt[8],))]
    clauses = [Clause("d", f"d-{i}", ("一、总体要求",), t, "clause", year=2020) for i, t in enumerate(texts)]
    return clauses * 3, labels * 3


def test_pos_weights_clipped():
    y = np.array([[1, 0, 0], [0, 0, 1], [0, 0, 1], [0, 0, 1]] + [[0, 0, 1]] * 40)
    w = pos_weights(y, max_pos_weight=10.0)
    assert w.shape == (3,)
    assert w[0] == 10.0  # 43 negatives per positive, clipped
    assert w[1] == 1.0   # no positive: nothing to up-weight
    assert w[2] == 1.0   # more positives than negatives: never below 1


def test_missing_local_model_says_how_to_build(tmp_path):
    from policytag import PolicytagError

    with pytest.raises(PolicytagError, match="policytag pretrained build"):
        resolve_model_path("artifacts/pretrained/does-not-exist")
    assert resolve_model_path("intfloat/multilingual-e5-small") == "intfloat/multilingual-e5-small"  # hub id kept


@pytest.mark.parametrize("shared", [True, False])
def test_fit_predict_save_load(tiny_model, tmp_path, shared):
    clauses, labels = _toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=2, batch_size=4, max_length=64,
                        shared_encoder=shared, progress=False, num_threads=1)
    tagger.fit(clauses, labels, clauses[:6], labels[:6])
    proba = tagger.predict_proba(clauses[:5])
    tax = load_taxonomy()
    for dim in DIMENSIONS:
        assert proba[dim].shape == (5, len(tax[dim].ids))
        assert ((proba[dim] >= 0) & (proba[dim] <= 1)).all()
    assert [r["epoch"] for r in tagger.train_info_["history"]] == [1, 2]
    tagger.save(tmp_path)
    assert (tmp_path / ("encoder" if shared else "encoder-sector") / "tokenizer.json").exists()
    again = BertTagger.load(tmp_path)
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(again.predict_proba(clauses[:5])[dim], proba[dim])
    assert again.predict(clauses[:5]) == tagger.predict(clauses[:5])


def test_frozen_layer_cache_matches_full_forward(tiny_model):
    clauses, _ = _toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), freeze_layers=1, progress=False)
    tagger._init_model(str(tiny_model))
    texts = [c.text for c in clauses[:6]]
    cache = tagger._bottom_cache(texts)
    tagger.net_.eval()
    with torch.inference_mode():
        cached = tagger._logits(texts, list(range(6)), cache)
        full = tagger._logits(texts, list(range(6)), None)
    for dim in DIMENSIONS:
        torch.testing.assert_close(cached[dim], full[dim], atol=1e-5, rtol=1e-4)


def test_prediction_does_not_depend_on_batching(tiny_model):
    clauses, labels = _toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=1, progress=False, eval_batch_size=32)
    tagger.fit(clauses, labels)
    whole = tagger.predict_proba(clauses)
    tagger.eval_batch_size = 2
    small = tagger.predict_proba(clauses)
    for dim in DIMENSIONS:
        np.testing.assert_allclose(small[dim], whole[dim], atol=1e-5)


def test_dynamic_int8_quantisation(tiny_model):
    clauses, labels = _toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=1, progress=False)
    tagger.fit(clauses, labels)
    fp = tagger.predict_proba(clauses)
    tagger.quantize = True
    q = tagger.predict_proba(clauses)
    assert isinstance(tagger.quantized_net().heads["sector"], torch.ao.nn.quantized.dynamic.Linear)
    for dim in DIMENSIONS:
        assert q[dim].shape == fp[dim].shape
        assert np.abs(q[dim] - fp[dim]).max() < 0.05  # int8 weights: close, not identical
    assert tagger.params()["quantize"] is True


@pytest.mark.skipif(not GOLD.exists(), reason="gold dataset not present")
def test_train_and_reevaluate_give_identical_figures(tiny_model, tmp_path):
    """The real `train` path on the gold data; `evaluate` of the saved run reproduces metrics.json."""
    from policytag.training.config import load_config
    from policytag.training.evaluate import evaluate_run
    from policytag.training.train import train

    cfg_path = tmp_path / "tiny.yaml"
    cfg_path.write_text(json.dumps({
        "name": "tiny-bert", "model": {"type": "bert", "params": {
            "model_name_or_path": str(tiny_model), "epochs": 1, "max_length": 64, "freeze_layers": 1,
            "progress": False}}}), encoding="utf-8")
    run = train(load_config(cfg_path), tmp_path / "run")
    info = json.loads((run / "run.json").read_text())
    assert info["tagger"] == "bert" and info["history"] and info["train_seconds"] > 0
    saved = json.loads((run / "metrics.json").read_text())["test"]
    first = evaluate_run(run, "test")
    second = evaluate_run(run, "test")
    assert first == second == saved
    assert load_run(run).name == "bert"
