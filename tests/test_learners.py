"""The hybrid's learners beyond the cue lists (models/learners.py), training-only extra clauses
(``data.train_extra``) and building a missing offline encoder (training/encoders.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from policytag import PROJECT_ROOT
from policytag.models.learners import MASK, ContextTfidfTagger, mask_cues
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy
from conftest import GOLD_FILE

GOLD = GOLD_FILE
needs_gold = pytest.mark.skipif(not GOLD.exists(), reason="gold dataset not present")


def test_mask_cues_hides_every_cue_of_the_dimension_only():
    tax = load_taxonomy()
    text = "加强危险化学品和输油站场巡护，开展隐患排查"
    masked = mask_cues(text, tax, ["sector"])
    assert "危险化学品" not in masked and MASK in masked
    assert "输油站场" in masked  # context words stay: that is what the learner must use
    assert "隐患排查" in masked  # a measure-type cue, not masked here
    assert "隐患排查" not in mask_cues(text, tax, ["measure_type"])
    # longest cue first: 危险化学品 is one mask, not 危险 + 化学品
    assert masked.count(MASK) == 1


def _toy(tax):
    """Clauses whose sector is told only by context words (no cue of any sector in them), plus
    clauses that carry the cue word: a masked learner must rank by the context."""
    sec = tax.sector.ids
    ctx = [("沿线油气管道站场阀室巡线看护，防范第三方施工挖掘破坏", "oil_gas_pipeline"),
           ("塔吊基坑模板支撑专项方案论证，落实旁站监理", "construction")]
    rows = []
    for i in range(6):
        for text, label in ctx:
            rows.append((f"{text}{i}", label))
    clauses = [Clause("d", f"c{i}", (), t, "clause", year=2020) for i, (t, _) in enumerate(rows)]
    labels = [Labels((lab,), (tax.measure_type.ids[0],)) for _, lab in rows]
    assert all(s in sec for _, s in rows)
    return clauses, labels


def test_context_tfidf_learns_sector_context_and_ignores_cues():
    tax = load_taxonomy()
    clauses, labels = _toy(tax)
    tagger = ContextTfidfTagger(min_df=1).fit(clauses, labels)
    # a new clause with the context words of a pipeline and the cue word of construction
    probe = [Clause("d", "p", (), "站场阀室巡线看护，建筑施工", "clause", year=2021)]
    p = tagger.predict_proba(probe)["sector"][0]
    j_pipe, j_cons = tax.sector.index("oil_gas_pipeline"), tax.sector.index("construction")
    assert p[j_pipe] > p[j_cons]
    # its features never contain a sector cue
    vocab = set(tagger.vectorizer_.get_feature_names_out())
    assert not {"油气管", "气管道", "油气"} & vocab  # the training texts' cue 油气管道 was masked


@needs_gold
def test_train_extra_clauses_are_training_only(tmp_path):
    from policytag.cli import main

    extra = tmp_path / "extra.jsonl"
    rows = [{"clause_id": f"x-{i}", "doc_id": "x", "year": 2019, "heading_path": [],
             "text": f"某县第{i}号测试条款：加强燃气管网巡查。", "sector": ["urban_gas"], "measure_type": ["hazard_remediation"]}
            for i in range(5)]
    extra.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    cfg = yaml.safe_load((PROJECT_ROOT / "configs" / "keyword.yaml").read_text(encoding="utf-8"))
    cfg["split"]["cv"] = False
    out = {}
    for name, data in (("plain", {}), ("extra", {"train_extra": str(extra)})):
        c = dict(cfg, name=name, data={**cfg["data"], **data})
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(c, allow_unicode=True), encoding="utf-8")
        assert main(["train", str(path), "-o", str(tmp_path / name)]) == 0
        out[name] = json.loads((tmp_path / name / "metrics.json").read_text(encoding="utf-8"))
    # the evaluation splits are the same clauses: the extra ones never enter dev or test
    assert out["plain"]["sizes"] == out["extra"]["sizes"]
    assert out["plain"]["test"]["sector"]["n"] == out["extra"]["test"]["sector"]["n"]

    from policytag.training.challenge import with_augment
    from policytag.training.config import load_config
    from policytag.training.data import Dataset

    config = load_config(tmp_path / "extra.yaml")
    assert config["data"]["train_extra"] == str(extra)
    part = with_augment(config, Dataset([], "h"))
    assert [e.clause.clause_id for e in part.examples] == [r["clause_id"] for r in rows]


def test_encoder_refs_cover_hybrid_learners():
    from policytag.training.encoders import BUILDABLE, encoder_refs

    config = {"model": {"params": {"learners": [{"type": "tfidf", "params": {}},
                                                {"type": "label_similarity",
                                                 "params": {"model_name_or_path": "artifacts/pretrained/a"}}]},
                        "cv_params": {"model_name_or_path": "artifacts/pretrained/b"}}}
    assert list(encoder_refs(config)) == ["artifacts/pretrained/a", "artifacts/pretrained/b"]
    assert BUILDABLE.match("multilingual-e5-small-pruned-L6").group("layers") == "6"
    assert BUILDABLE.match("multilingual-e5-small").group("pruned") is None
    assert BUILDABLE.match("my-encoder") is None


def test_missing_layer_truncated_encoder_is_built(tmp_path, monkeypatch):
    """A config naming ``…-pruned-L1`` next to an existing ``…-pruned`` encoder gets the 1-layer
    copy built (real weights: a tiny BERT stands in for e5 here)."""
    pytest.importorskip("transformers")
    from tiny_bert import build_tiny_bert
    from transformers import AutoModel

    from policytag.training.encoders import ensure_encoders

    monkeypatch.setenv("POLICYTAG_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    base = build_tiny_bert(tmp_path / "artifacts" / "pretrained" / "multilingual-e5-small-pruned", layers=2)
    ref = "artifacts/pretrained/multilingual-e5-small-pruned-L1"
    config = {"data": {"corpus": "data/corpus"},
              "model": {"type": "hybrid", "params": {"learners": [
                  {"type": "label_similarity", "params": {"model_name_or_path": ref}}]}}}
    lines = []
    built = ensure_encoders(config, notify=lines.append)
    assert [p.name for p in built] == ["multilingual-e5-small-pruned-L1"] and "lower 1 layers" in lines[0]
    small, full = AutoModel.from_pretrained(tmp_path / ref), AutoModel.from_pretrained(base)
    assert small.config.num_hidden_layers == 1
    np.testing.assert_allclose(small.encoder.layer[0].attention.self.query.weight.detach().numpy(),
                               full.encoder.layer[0].attention.self.query.weight.detach().numpy())
    assert ensure_encoders(config, notify=lines.append) == []  # present now: nothing to build


def test_label_similarity_is_a_saveable_tagger(tmp_path):
    """With any encoder the similarity learner is a working tagger: fit embeds the label texts
    only, probabilities are in (0, 1), and save/load gives the same output."""
    pytest.importorskip("transformers")
    from tiny_bert import build_tiny_bert

    from policytag.models.learners import LabelSimilarityTagger

    enc = build_tiny_bert(tmp_path / "enc", layers=1)
    tax = load_taxonomy()
    tagger = LabelSimilarityTagger(model_name_or_path=str(enc), max_length=64)
    clauses = [Clause("d", "a", (), "煤矿瓦斯治理", "clause", year=2020)]
    tagger.fit(clauses, [Labels(("coal_mine",), ("hazard_remediation",))])
    p = tagger.predict_proba(clauses)
    assert p["sector"].shape == (1, len(tax.sector.ids)) and ((p["sector"] > 0) & (p["sector"] < 1)).all()
    out = tmp_path / "saved"
    out.mkdir()
    tagger.save(out)
    again = LabelSimilarityTagger.load(out)
    np.testing.assert_allclose(again.predict_proba(clauses)["sector"], p["sector"], rtol=1e-5)
