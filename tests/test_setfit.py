"""The SetFit-style learner (models/setfit.py, issue 17 item 6) on a tiny BERT with a character
vocabulary saved in Hub format: pair construction, contrastive fine-tuning that really moves the
encoder, a pickle-free Hub-format save that loads back to the same probabilities, and the two
recipes (configs/setfit.yaml, configs/hybrid-setfit.yaml) through the CLI with only the encoder and
the budget swapped. Real parts throughout; seconds to tens of seconds."""

from __future__ import annotations

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentence_transformers")

from tiny_bert import build_tiny_bert, recipe_copy as _recipe, toy_data  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402
from policytag.labels import label_matrix  # noqa: E402
from policytag.models.registry import build_tagger  # noqa: E402
from policytag.models.setfit import SetFitTagger, make_pairs  # noqa: E402
from policytag.taxonomy import DIMENSIONS, load_taxonomy  # noqa: E402

GOLD = PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl"
TRAIN_V2 = PROJECT_ROOT / "data" / "train-v2" / "train-v2.jsonl"


def test_pairs_are_positive_when_a_label_is_shared_and_scored_by_jaccard():
    y = {"measure_type": np.array([[1, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 1]]),
         "sector": np.array([[1, 0], [1, 0], [0, 1], [0, 1]])}
    pairs = make_pairs(y, ["measure_type"], per_clause=4, seed=0)
    mt = y["measure_type"].astype(bool)
    assert pairs and all(i != j for i, j, _ in pairs)
    for i, j, score in pairs:
        shared, union = (mt[i] & mt[j]).sum(), (mt[i] | mt[j]).sum()
        assert score == pytest.approx(shared / union)
    # every clause gets both a positive and a negative partner where one exists
    assert {i for i, _, s in pairs if s > 0} == {0, 1, 2, 3}
    assert {i for i, _, s in pairs if s == 0} == {0, 1, 2, 3}
    assert make_pairs(y, ["measure_type"], 4, seed=0) == pairs  # seeded
    binary = make_pairs(y, ["measure_type", "sector"], 2, seed=1, target="binary")
    assert {s for *_, s in binary} <= {0.0, 1.0}


def _pair_gap(tagger, clauses, labels) -> float:
    """Mean cosine of clause pairs sharing a measure type minus that of pairs sharing none."""
    emb = tagger.embed_texts([c.text for c in clauses], prefix="query: ").astype(np.float64)
    y = label_matrix(labels, load_taxonomy())["measure_type"]
    same = (y @ y.T) > 0
    cos = emb @ emb.T
    off = ~np.eye(len(clauses), dtype=bool)
    return float(cos[same & off].mean() - cos[~same].mean())


def test_setfit_fine_tunes_the_encoder_and_round_trips_without_pickle(tmp_path):
    from transformers import AutoModel

    enc = build_tiny_bert(tmp_path / "tiny-char-bert", layers=2, hidden=32)
    clauses, labels = toy_data()
    params = {"model_name_or_path": str(enc), "max_length": 32, "epochs": 10, "learning_rate": 3e-3,
              "freeze_layers": 1, "pairs_per_clause": 6, "num_threads": 1}
    tagger = build_tagger("setfit", params, seed=0)
    assert isinstance(tagger, SetFitTagger)
    base = build_tagger("embedding", {"model_name_or_path": str(enc), "max_length": 32}, seed=0)
    gap_before = _pair_gap(base, clauses, labels)
    tagger.fit(clauses, labels)
    # the contrastive objective pulled same-measure-type clauses together, others apart
    assert _pair_gap(tagger, clauses, labels) > gap_before + 0.3
    assert tagger.n_pairs_ > 0 and np.isfinite(tagger.train_loss_)
    # frozen: embeddings and layer 0 unchanged; layer 1 trained
    before, after = AutoModel.from_pretrained(enc), tagger._encoder()[1]
    assert torch.equal(before.embeddings.word_embeddings.weight, after.embeddings.word_embeddings.weight)
    assert torch.equal(before.encoder.layer[0].output.dense.weight, after.encoder.layer[0].output.dense.weight)
    assert not torch.equal(before.encoder.layer[1].output.dense.weight, after.encoder.layer[1].output.dense.weight)
    # it learned the toy labels (6 distinct texts, each seen 3 times)
    predicted = tagger.predict(clauses[:6])
    assert sum(p.measure_type == g.measure_type for p, g in zip(predicted, labels[:6])) >= 4

    out = tmp_path / "run"
    out.mkdir()
    tagger.save(out)
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert "encoder/model.safetensors" in files and "encoder/modules.json" in files and "setfit.json" in files
    assert not [f for f in files if f.endswith((".bin", ".pkl", ".pickle", ".pt"))]
    again = SetFitTagger.load(out)
    a, b = tagger.predict_proba(clauses), again.predict_proba(clauses)
    for dim in DIMENSIONS:
        np.testing.assert_allclose(a[dim], b[dim], atol=1e-5)
    # the saved encoder is an ordinary Hub / sentence-transformers directory
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(out / "encoder"), device="cpu")
    vec = st.encode(["query: " + clauses[0].text], normalize_embeddings=True)
    np.testing.assert_allclose(vec[0], again.embed(clauses[:1])[0], atol=1e-4)


@pytest.mark.slow  # two trainings on the real data (about a minute; more under load)
@pytest.mark.skipif(not (GOLD.exists() and TRAIN_V2.exists()), reason="gold / train-v2 data not present")
def test_setfit_recipes_train_end_to_end_on_a_tiny_character_bert(tmp_path, monkeypatch):
    from policytag.cli import main
    from policytag.models.runs import load_run

    monkeypatch.setenv("POLICYTAG_REALDEV", str(tmp_path / "no-realdev.jsonl"))  # the test never reads real-dev
    enc = build_tiny_bert(tmp_path / "tiny-char-bert", layers=2, hidden=32)
    cfg = _recipe("setfit", tmp_path, **{"model.params.model_name_or_path": str(enc), "model.params.max_length": 48,
                                         "model.params.max_pairs": 256, "model.params.freeze_layers": 1,
                                         "model.params.num_threads": 1})
    assert main(["train", cfg, "-o", str(tmp_path / "setfit")]) == 0
    metrics = json.loads((tmp_path / "setfit" / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["test"]) == set(DIMENSIONS) and metrics["test"]["measure_type"]["n"] == metrics["sizes"]["test"]
    record = json.loads((tmp_path / "setfit" / "model" / "setfit.json").read_text(encoding="utf-8"))
    assert record["pairs"] == 256 and record["finetune_seconds"] > 0

    hyb = _recipe("hybrid-setfit", tmp_path, **{"model.params.learners.2.params.model_name_or_path":
                                                str(tmp_path / "setfit" / "model" / "encoder")})
    assert main(["train", hyb, "-o", str(tmp_path / "hybrid")]) == 0
    tagger = load_run(tmp_path / "hybrid")
    assert [type(x).__name__ for x in tagger.learners_] == ["TfidfTagger", "ContextTfidfTagger", "EmbeddingTagger"]
    assert tagger.learners_[2].input_prefix == "query: "
    weights = [w for w in tagger.meta_weights()["measure_type"].values() if "constant" not in w]
    assert weights and all("logit_embedding" in w for w in weights)
    assert all("logit_embedding" not in w for w in tagger.meta_weights()["sector"].values())
