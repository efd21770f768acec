"""Vocabulary pruning: keep the word-embedding rows (and Unigram pieces) a corpus can use, so the
pruned model returns identical hidden states on that corpus."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from policytag import PolicytagError

from .provenance import KEPT_IDS_FILE, PROVENANCE_FILE, kept_ids_file, prune_record


# Single characters always kept, so that new text in the same script tokenises without <unk>.
_CJK_RANGES = (
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # half-/full-width forms
    (0x20000, 0x3FFFF),  # extensions B and later
)


def _is_kept_single_char(piece: str) -> bool:
    """True for pieces that are one CJK or printable ASCII character, with or without ``▁``."""
    core = piece[1:] if piece.startswith("\u2581") and len(piece) > 1 else piece
    if len(core) != 1:
        return False
    cp = ord(core)
    return 0x20 <= cp < 0x7F or core == "\u2581" or any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def _corpus_words(tokenizer, texts: Iterable[str]) -> set[str]:
    """Normalised, pre-tokenised words (``▁`` marks a preceding space) of each text and of its
    whitespace-free variant (a clause segmenter joins lines that PDF extraction broke apart)."""
    normalizer, pre_tokenizer = tokenizer.normalizer, tokenizer.pre_tokenizer
    words: set[str] = set()
    for text in texts:
        for variant in (text, re.sub(r"\s+", "", text)):
            normalised = normalizer.normalize_str(variant)
            words.update(word for word, _ in pre_tokenizer.pre_tokenize_str(normalised))
    return words


def _substring_piece_ids(words: Iterable[str], piece_ids: dict[str, int]) -> set[int]:
    """Ids of every piece that equals a substring of a word, or ``▁`` + such a substring.

    Any way of cutting the corpus into texts, and any Viterbi path over them, can only use such
    pieces, so keeping them all makes pruning independent of how the corpus is segmented later.
    """
    prefixes = {piece[:i] for piece in piece_ids for i in range(1, len(piece) + 1)}
    found: set[int] = set()
    for word in words:
        core = word.lstrip("\u2581")
        for start in range(len(core)):
            for end in range(start + 1, len(core) + 1):
                sub = core[start:end]
                marked = "\u2581" + sub
                if marked in piece_ids:
                    found.add(piece_ids[marked])
                if sub in piece_ids:
                    found.add(piece_ids[sub])
                if sub not in prefixes and marked not in prefixes:
                    break  # no longer piece starts with this substring
    return found


def select_pieces(tokenizer_json: dict, texts: Sequence[str]) -> np.ndarray:
    """Sorted original ids of the pieces to keep for ``texts`` (int64, 1-D).

    Kept: specials (``<s> <pad> </s> <unk> <mask>``); every piece the tokenizer emits for the texts
    (plain and with the ``query: ``/``passage: `` prefixes e5 expects); every piece that is a
    substring of the (whitespace-free variant of the) texts; all single CJK / ASCII characters with
    and without ``▁``; and the lowest-scoring piece, because the Unigram model scores ``<unk>`` at
    ``min(score) - 10`` and that must not move.
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(json.dumps(tokenizer_json, ensure_ascii=False))
    vocab = tokenizer_json["model"]["vocab"]
    piece_ids = {piece: i for i, (piece, _) in enumerate(vocab)}
    keep = {token["id"] for token in tokenizer_json["added_tokens"]}
    keep.add(tokenizer_json["model"]["unk_id"])
    for prefix in ("", "query: ", "passage: "):
        for encoding in tokenizer.encode_batch([prefix + text for text in texts]):
            keep.update(encoding.ids)
    keep |= _substring_piece_ids(_corpus_words(tokenizer, texts), piece_ids)
    keep.update(i for i, (piece, _) in enumerate(vocab) if _is_kept_single_char(piece))
    keep.add(int(np.argmin([score for _, score in vocab])))
    return np.array(sorted(keep), dtype=np.int64)


def _remap_tokenizer_json(tokenizer_json: dict, kept: np.ndarray) -> dict:
    """A copy of ``tokenizer_json`` whose Unigram vocabulary holds only ``kept`` (scores unchanged)."""
    new_id = {int(old): new for new, old in enumerate(kept)}
    pruned = json.loads(json.dumps(tokenizer_json))
    model = pruned["model"]
    model["vocab"] = [tokenizer_json["model"]["vocab"][int(i)] for i in kept]
    model["unk_id"] = new_id[model["unk_id"]]
    for token in pruned["added_tokens"]:
        token["id"] = new_id[token["id"]]
    post = pruned.get("post_processor") or {}
    for special in post.get("special_tokens", {}).values():
        special["ids"] = [new_id[i] for i in special["ids"]]
    return pruned


def _check_same_pieces(old_json: dict, new_json: dict, texts: Sequence[str]) -> None:
    """Both tokenizers must produce the same piece strings for every text (and its e5 prefixes)."""
    from tokenizers import Tokenizer

    old = Tokenizer.from_str(json.dumps(old_json, ensure_ascii=False))
    new = Tokenizer.from_str(json.dumps(new_json, ensure_ascii=False))
    batch = [prefix + text for prefix in ("", "passage: ") for text in texts]
    for text, a, b in zip(batch, old.encode_batch(batch), new.encode_batch(batch)):
        if a.tokens != b.tokens:
            raise PolicytagError(f"pruned tokenizer segments differently: {text[:60]!r}")


def prune_arrays(tokenizer_json: dict, state: dict[str, np.ndarray], texts: Sequence[str]) -> tuple[dict, dict, np.ndarray]:
    """Prune a tokenizer + state dict in memory: ``(tokenizer_json, state, kept_ids)``.

    The word-embedding matrix ``[V, H]`` becomes ``[len(kept), H]`` with rows in old-id order.
    """
    texts = [t for t in texts if t and t.strip()]
    if not texts:
        raise PolicytagError("vocabulary pruning needs at least one non-empty text")
    kept = select_pieces(tokenizer_json, texts)
    new_json = _remap_tokenizer_json(tokenizer_json, kept)
    _check_same_pieces(tokenizer_json, new_json, texts)
    key = "embeddings.word_embeddings.weight"
    new_state = dict(state)
    new_state[key] = np.ascontiguousarray(state[key][kept])
    return new_json, new_state, kept


def prune_vocabulary(model_dir: str | Path, texts: Sequence[str], out_dir: str | Path,
                     overwrite: bool = False) -> Path:
    """Write a copy of a converted model directory whose vocabulary is pruned to ``texts``.

    The word-embedding matrix keeps only the rows of :func:`select_pieces`, the Unigram vocabulary
    keeps the same pieces with their scores, so on ``texts`` the pruned model sees the same pieces
    and returns identical hidden states. ``model_dir`` may itself be pruned already.
    """
    from safetensors.numpy import load_file
    from transformers import BertConfig

    model_dir = Path(model_dir)
    provenance_path = model_dir / PROVENANCE_FILE
    if not provenance_path.is_file():
        raise PolicytagError(f"{model_dir} is not a directory written by `policytag pretrained build`")
    provenance = json.loads(provenance_path.read_text(encoding="utf-8"))
    tokenizer_json = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))
    config = BertConfig.from_pretrained(model_dir)
    state = load_file(str(model_dir / "model.safetensors"))
    texts = [t for t in texts if t and t.strip()]
    new_json, new_state, kept = prune_arrays(tokenizer_json, state, texts)
    old_ids = json.loads((model_dir / KEPT_IDS_FILE).read_text()) if provenance.get("pruned") else None
    if old_ids is not None:  # express kept ids in the original vocabulary
        kept = np.array([old_ids[i] for i in kept], dtype=np.int64)
    config.vocab_size = len(kept)
    original_vocab = provenance.get("original_vocab_size", len(tokenizer_json["model"]["vocab"]))
    provenance.update(
        converted_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        vocab_size=len(kept), pruned=True, prune=prune_record(texts, kept, original_vocab),
    )
    from .modeldir import write_model_dir

    return write_model_dir(Path(out_dir), config, new_state, new_json, provenance, overwrite, kept_ids_file(kept))


# --- the corpus a vocabulary is pruned to (``pretrained build --prune-corpus``, training.encoders)
def corpus_files(paths: list[Path]) -> list[Path]:
    """Expand directories to their ``*.txt`` files (sorted); every path must exist."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.txt"))
            if not found:
                raise PolicytagError(f"{path}: no .txt files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise PolicytagError(f"{path}: no such file or directory")
    return files


def corpus_texts(files: list[Path]) -> list[str]:
    """Texts to prune on: every non-empty line of each file, plus the segmenter's documents and
    clauses (pruning keeps every piece that is a substring of the text, so the raw lines already
    cover any later clause segmentation)."""
    texts: list[str] = []
    for path in files:
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise PolicytagError(f"{path}: not UTF-8 text ({exc.reason})") from exc
        texts.extend(line.strip() for line in content.splitlines() if line.strip())
    texts.extend(_segmented_clauses(files))
    return texts


def _segmented_clauses(files: list[Path]) -> list[str]:
    """Cleaned document texts and clause texts from the corpus segmenter."""
    from policytag.corpus.segment import segment_paths

    result = segment_paths(files)
    texts = [d.text for d in result.documents] + [c.text for c in result.clauses]
    return [text for text in texts if text.strip()]
