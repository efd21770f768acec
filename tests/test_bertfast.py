"""``BertTagger(cache_frozen=True)`` on a tiny 4-layer BERT (seconds): the frozen lower layers' output
is computed once per clause and fine-tuning runs the upper layers alone on it.

* the cached path (``states_after`` -> padded ``collate_states`` batch -> ``forward(lower_states)``
  inside ``cached_lower``) gives the full model's logits in eval mode, for any cut, clauses of
  different lengths in one batch;
* a cached fit trains the upper layers + heads through Trainer, leaves the frozen ones as they
  were, and saves the same Hub-format model (no extra weights) that reloads and predicts identically;
* the cached clauses give Trainer's length-grouped sampler the same lengths as the tokenised ones;
* bad settings are one-line errors.

The real encoder with the smoke recipe is tests/test_bert_smoke.py.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytest.importorskip("accelerate")

from tiny_bert import build_tiny_bert, toy_data  # noqa: E402

from policytag import PolicytagError  # noqa: E402
from policytag.models.bert import BertTagger  # noqa: E402
from policytag.taxonomy import DIMENSIONS  # noqa: E402

LAYERS = 4
TEXTS = ["加强煤矿瓦斯治理", "深化危险化学品专项整治，严厉打击非法违法生产经营建设行为，落实企业主体责任",
         "强化消防安全检查", "落实安全生产责任制，健全隐患排查治理体系", "开展宣传教育"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return build_tiny_bert(tmp_path_factory.mktemp("tiny-bert4"), layers=LAYERS, hidden=32)


@pytest.fixture(scope="module")
def tagging_model(tiny_model):
    """The tagging model (heads freshly initialised) of the tiny encoder and its tokenizer, eval mode."""
    tagger = BertTagger(model_name_or_path=str(tiny_model), device="cpu")
    torch.manual_seed(0)
    tagger._init_model(str(tiny_model))
    return tagger.model_.eval(), tagger.tokenizer_


@pytest.mark.parametrize("cut", [1, 3, LAYERS])
def test_cached_path_gives_the_full_models_logits(tagging_model, cut):
    from policytag.models.bert_trainer import CachedClauses, collate_states, frozen_states

    model, tokenizer = tagging_model
    frozen = frozen_states(model, tokenizer, TEXTS, max_length=64, batch_size=2, layers=cut)
    assert [len(s) for s in frozen.states] == [len(ids) for ids in frozen.input_ids]  # each its own length
    batch = collate_states([CachedClauses(frozen, np.zeros((len(TEXTS), 1)))[i] for i in range(len(TEXTS))])
    assert batch["lower_states"].shape[:2] == batch["attention_mask"].shape and "input_ids" not in batch
    enc = tokenizer(TEXTS, truncation=True, max_length=64, padding=True, return_tensors="pt")
    with torch.no_grad():
        full = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).logits
        with model.cached_lower(cut):
            cached = model(lower_states=batch["lower_states"], attention_mask=batch["attention_mask"]).logits
        probe = model(pooled=frozen.pooled).logits  # the probe's features: the last layer, pooled
    torch.testing.assert_close(cached, full, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(probe, full, atol=1e-5, rtol=1e-5)
    assert getattr(model, "_upper", None) is None  # dropped with the block: nothing left to save or copy


def test_cached_lower_adds_no_weights_and_needs_its_block(tagging_model):
    model, _ = tagging_model
    names = [n for n, _ in model.named_parameters()]
    with model.cached_lower(2):
        assert [n for n, _ in model.named_parameters()] == names
        assert set(model.state_dict()) == {*names, *(k for k in model.state_dict() if "position_ids" in k)}
        upper = model._upper[1]
        assert all(a is b for a, b in zip(upper.encoder.layer, model.bert.encoder.layer[2:]))  # shared modules
    with pytest.raises(ValueError, match="outside cached_lower"):
        model(lower_states=torch.zeros(1, 3, 32), attention_mask=torch.ones(1, 3, dtype=torch.long))


def test_cached_clauses_give_the_samplers_lengths(tagging_model):
    """Trainer's length-grouped sampler reads ``len(item["input_ids"])``: the cached clauses carry the
    same token ids as the tokenised ones, so the same lengths and the same batches."""
    from policytag.models.bert_trainer import CachedClauses, TokenizedClauses, frozen_states

    model, tokenizer = tagging_model
    y = np.zeros((len(TEXTS), 2), dtype=np.float32)
    cached = CachedClauses(frozen_states(model, tokenizer, TEXTS, 16, 32, 2), y)
    plain = TokenizedClauses(tokenizer, TEXTS, y, 16)  # 16 pieces: the long clause is truncated in both
    assert [cached[i]["input_ids"] for i in range(len(TEXTS))] == [plain[i]["input_ids"] for i in range(len(TEXTS))]
    assert max(len(plain[i]["input_ids"]) for i in range(len(TEXTS))) == 16


@pytest.fixture(scope="module")
def cached_fit(tiny_model):
    """An LP-FT fit with ``cache_frozen`` on the toy data, 2 of 4 layers frozen."""
    clauses, labels = toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), epochs=2, batch_size=4, max_length=64,
                        probe_epochs=3, freeze_layers=2, cache_frozen=True, group_by_length=True,
                        progress=False, num_threads=1, device="cpu")
    tagger.fit(clauses, labels, clauses[:6], labels[:6])
    return tagger


def test_cached_fit_trains_the_upper_layers_only(cached_fit, tiny_model):
    history = cached_fit.train_info_["history"]
    assert history[0]["phase"] == "probe" and history[0]["train_loss"] < history[0]["train_loss_start"]
    tuned = [r for r in history if r.get("phase") != "probe"]
    # Trainer's epochs ran on the cached states: steps and a dev score each
    assert [r["epoch"] for r in tuned] == [1, 2] and all(r["steps"] > 0 and "dev_macro_f1" in r for r in tuned)
    pretrained = transformers.BertModel.from_pretrained(str(tiny_model)).state_dict()
    ours = cached_fit.model_.bert.state_dict()
    for key in ("embeddings.word_embeddings.weight", "embeddings.LayerNorm.weight",
                "encoder.layer.1.output.dense.weight"):
        torch.testing.assert_close(ours[key], pretrained[key], atol=0, rtol=0)  # frozen: as pretrained
    if any(r.get("best") for r in tuned):  # a fine-tuning epoch was kept: the upper layers moved
        assert not torch.equal(ours["encoder.layer.3.output.dense.weight"],
                               pretrained["encoder.layer.3.output.dense.weight"])
    assert getattr(cached_fit.model_, "_upper", None) is None
    assert cached_fit.get_params()["cache_frozen"] is True


def test_cached_fit_saves_the_same_hub_model(cached_fit, tiny_model, tmp_path):
    from safetensors import safe_open
    from transformers import AutoModel

    cached_fit.save(tmp_path)
    with safe_open(str(tmp_path / "model.safetensors"), framework="pt") as f:
        saved = set(f.keys())
    encoder = {f"bert.{k}" for k in
               transformers.BertModel.from_pretrained(str(tiny_model), add_pooling_layer=False).state_dict()}
    heads = {f"heads.{dim}.{w}" for dim in DIMENSIONS for w in ("weight", "bias")}
    assert saved - {k for k in saved if k.endswith("position_ids")} == \
        (encoder | heads) - {k for k in encoder if k.endswith("position_ids")}  # nothing added, nothing lost
    AutoModel.from_pretrained(tmp_path)  # the encoder alone loads anywhere
    again = BertTagger.load(tmp_path)
    clauses, _ = toy_data()
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(again.predict_proba(clauses)[dim], cached_fit.predict_proba(clauses)[dim])


def test_cache_frozen_needs_frozen_layers(tiny_model):
    with pytest.raises(PolicytagError, match="needs freeze_layers > 0"):
        BertTagger(model_name_or_path=str(tiny_model), cache_frozen=True)
    clauses, labels = toy_data()
    tagger = BertTagger(model_name_or_path=str(tiny_model), freeze_layers=LAYERS + 1, cache_frozen=True, epochs=1,
                        progress=False, num_threads=1, device="cpu")
    with pytest.raises(PolicytagError, match=f"freeze_layers is {LAYERS + 1} but the encoder has {LAYERS} layers"):
        tagger.fit(clauses, labels, clauses[:6], labels[:6])
