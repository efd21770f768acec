"""Helpers for the transformer tests: a tiny randomly initialised BERT saved like a hub model, and a
toy labelled clause set. Seconds to build; the real encoder is exercised by test_bert_smoke.py."""

from __future__ import annotations

import collections
from pathlib import Path

import yaml

from policytag import PROJECT_ROOT
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy
from conftest import CORPUS_DIR


def build_tiny_bert(out: Path, layers: int = 2, hidden: int = 32) -> Path:
    """A ``layers``-layer, hidden-``hidden`` BERT with a character vocabulary from the corpus."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts: collections.Counter = collections.Counter()
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        counts.update(path.read_text(encoding="utf-8"))
    chars = [c for c, _ in counts.most_common(3000) if not c.isspace()]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    # transformers 5 builds the tokenizer from ``vocab=`` (a mapping); ``vocab_file=`` is silently
    # ignored there and left a 5-token vocabulary that read every character as [UNK]
    tok = BertTokenizerFast(vocab={piece: i for i, piece in enumerate(vocab)})
    assert len(tok) == len(vocab), "tiny BERT: the character vocabulary did not reach the tokenizer"
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(tok), hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=2,
                        intermediate_size=2 * hidden, max_position_embeddings=256)
    BertModel(config, add_pooling_layer=False).save_pretrained(out)
    tok.save_pretrained(out)
    return out


def toy_data() -> tuple[list[Clause], list[Labels]]:
    """18 clauses (6 distinct texts x 3) with one sector and one measure type each."""
    tax = load_taxonomy()
    sec, mt = tax.sector.ids, tax.measure_type.ids
    texts = ["加强煤矿瓦斯治理", "深化危险化学品专项整治", "严厉打击道路交通超载", "强化消防安全检查",
             "落实安全生产责任制", "开展安全宣传教育培训"]
    labels = [Labels((sec[0],), (mt[3],)), Labels((sec[2],), (mt[4],)), Labels((sec[4],), (mt[3],)),
              Labels((sec[7],), (mt[4],)), Labels(("cross_sector",), (mt[1],)), Labels(("cross_sector",), (mt[8],))]
    clauses = [Clause("d", f"d-{i}", ("一、总体要求",), t, "clause", year=2020) for i, t in enumerate(texts)]
    return clauses * 3, labels * 3


def recipe_copy(name: str, tmp_path, **changes) -> str:
    """A copy of ``configs/NAME.yaml`` named ``tiny-NAME`` with dotted-key changes (list items by
    index, e.g. ``model.params.learners.1.params.x``), written under ``tmp_path``: its path."""
    cfg = yaml.safe_load((PROJECT_ROOT / "configs" / f"{name}.yaml").read_text(encoding="utf-8"))
    cfg["name"] = f"tiny-{name}"
    for key, value in changes.items():
        *parents, last = key.split(".")
        node = cfg
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        node[last] = value
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return str(path)
