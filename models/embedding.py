"""Frozen-embedding tagger: mean-pooled multilingual-e5-small sentence embeddings (the offline
conversion in ``artifacts/pretrained/``), one class-balanced logistic regression per label.

The encoder is never trained, so a fit costs one forward pass per distinct clause plus 30 small
LRs. Embeddings are cached per object (bounded, ``cache_size`` texts) and, inside a hybrid's
out-of-fold loop, shared between the fold models of one fit (``share_cache``); nothing is cached
at module level.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Annotated, Literal, Optional, Sequence

import numpy as np
from pydantic import Field

from policytag import PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import NotFittedError, Tagger
from .features import clause_input
from .registry import PositiveFloat, PositiveInt, Seed, register_tagger

DEFAULT_ENCODER = "artifacts/pretrained/multilingual-e5-small-pruned"


@register_tagger("embedding.v1", aliases=("embedding",))
class EmbeddingTagger(Tagger):
    """LR per label on L2-normalised mean-pooled encoder states of ``"passage: " + input``.

    Shapes: embeddings ``[n, hidden]`` (384 for e5-small); ``coef_[dim]`` ``[k, hidden]``.
    """

    def __init__(self, model_name_or_path: str = DEFAULT_ENCODER, max_length: Annotated[int, Field(ge=8, le=4096)] = 256,
                 batch_size: PositiveInt = 32, C: PositiveFloat = 1.0, use_heading: bool = True,
                 cache_size: PositiveInt = 20_000, random_state: Seed = 0,
                 input_prefix: Optional[Literal["passage: ", "query: ", ""]] = None, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        self.model_name_or_path = model_name_or_path
        # None: the class's ``prefix``; "query: " for an encoder fine-tuned on query-prefixed text
        # (a SetFit run's encoder/, models/setfit.py), which must be read the way it was trained
        self.input_prefix = input_prefix
        self.max_length = max_length
        self.batch_size = batch_size
        self.C = C
        self.cache_size = cache_size
        self.random_state = random_state
        self._cache: dict[str, np.ndarray] = {}

    def share_cache(self, cache: dict) -> None:
        """Use ``cache`` (text -> embedding) for this object's lookups (a hybrid fit shares one)."""
        self._cache = cache

    # ------------------------------------------------------------------ encoder
    def _encoder(self):
        if getattr(self, "_encoder_", None) is None:
            from transformers import AutoModel, AutoTokenizer

            from .bert import resolve_model_path

            path = resolve_model_path(self.model_name_or_path)
            try:  # mean pooling needs no pooler; e5 and SetFit encoders have none (else reported as new)
                model = AutoModel.from_pretrained(path, add_pooling_layer=False)
            except TypeError:  # an architecture without that argument
                model = AutoModel.from_pretrained(path)
            self._encoder_ = (AutoTokenizer.from_pretrained(path), model.eval())
        return self._encoder_

    #: e5 is a retrieval model trained with "query: " / "passage: " prefixes; a clause to be
    #: classified is embedded as a passage here (``LabelSimilarityTagger`` queries with it instead)
    prefix = "passage: "

    def embed(self, clauses: Sequence[Clause]) -> np.ndarray:
        """``[n, hidden]`` float32, L2-normalised; cached per input text."""
        prefix = self.prefix if getattr(self, "input_prefix", None) is None else self.input_prefix
        return self.embed_texts([clause_input(c, self.use_heading) for c in clauses], prefix)

    def embed_texts(self, texts: Sequence[str], prefix: str = "passage: ") -> np.ndarray:
        """``[n, hidden]`` float32 L2-normalised mean-pooled states of ``prefix + text``; cached
        per (prefix, text) in this object's cache (shared by a hybrid's fold models)."""
        # the encoder is part of the key: a hybrid shares one cache between learners of any encoder
        keys = [f"{self.model_name_or_path}\0{self.max_length}\0{prefix}{t}" for t in texts]
        # sorted by length so that each batch pads to similar lengths (about half the work)
        missing = sorted(dict.fromkeys(k for k in keys if k not in self._cache), key=len)
        fresh: dict[str, np.ndarray] = {}
        if missing:
            import torch
            from tqdm.auto import tqdm

            tok, model = self._encoder()
            with torch.inference_mode():
                for start in tqdm(range(0, len(missing), self.batch_size), desc="encoding", unit="batch",
                                  disable=len(missing) <= 4 * self.batch_size, leave=False):
                    batch = missing[start:start + self.batch_size]
                    enc = tok([k.split("\0", 2)[2] for k in batch], padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
                    hidden = model(**enc).last_hidden_state
                    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
                    pooled = torch.nn.functional.normalize(pooled, dim=-1).numpy().astype(np.float32)
                    fresh.update(zip(batch, pooled))
            if len(self._cache) + len(fresh) > self.cache_size:
                self._cache.clear()  # bounded: start over rather than grow without limit
            self._cache.update(fresh)
        if not keys:
            return np.zeros((0, self._dim()), dtype=np.float32)
        return np.stack([fresh[k] if k in fresh else self._cache[k] for k in keys])

    def _dim(self) -> int:
        return int(self._encoder()[1].config.hidden_size)

    # ------------------------------------------------------------------ fit / predict
    def _fit(self, clauses, y, dev) -> None:
        X = self.embed(clauses)
        self.coef_, self.intercept_, self.constant_ = {}, {}, {}
        for dim in DIMENSIONS:
            k = y[dim].shape[1]
            coef, intercept, const = np.zeros((k, X.shape[1])), np.zeros(k), np.full(k, np.nan)
            for j in range(k):
                col = y[dim][:, j]
                if col.min() == col.max():
                    const[j] = float(col[0])
                    continue
                from sklearn.linear_model import LogisticRegression  # fit only: tagging never imports sklearn

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000,
                                            random_state=self.random_state).fit(X, col)
                coef[j], intercept[j] = lr.coef_[0], lr.intercept_[0]
            self.coef_[dim], self.intercept_[dim], self.constant_[dim] = coef, intercept, const

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        if not hasattr(self, "coef_"):
            raise NotFittedError("EmbeddingTagger is not fitted yet: call fit() or load a run")
        clauses = list(clauses)
        if not clauses:
            return {dim: np.zeros((0, len(self.taxonomy[dim].ids))) for dim in DIMENSIONS}
        X = self.embed(clauses).astype(np.float64)
        out = {}
        for dim in DIMENSIONS:
            from scipy.special import expit  # imported here: a hybrid without embeddings never needs it

            p = expit(X @ self.coef_[dim].T + self.intercept_[dim][None, :])
            const = ~np.isnan(self.constant_[dim])
            p[:, const] = self.constant_[dim][const]
            out[dim] = p
        return out

    def explain(self, clauses, labels=None):
        from .evidence import lexical_evidence, merge_evidence, occlusion_evidence

        labels = labels if labels is not None else self.predict(clauses)
        return merge_evidence([lexical_evidence(self, clauses, labels), occlusion_evidence(self, clauses, labels)])

    # ------------------------------------------------------------------ persistence (no pickle)
    def _save_state(self, directory: Path) -> None:
        meta = {"format": "policytag-embedding/1",
                "constant": {d: [None if np.isnan(c) else float(c) for c in self.constant_[d]] for d in DIMENSIONS}}
        (directory / "embedding.json").write_text(json.dumps(meta), encoding="utf-8")
        for dim in DIMENSIONS:
            np.save(directory / f"coef_{dim}.npy", self.coef_[dim], allow_pickle=False)
            np.save(directory / f"intercept_{dim}.npy", self.intercept_[dim], allow_pickle=False)

    def _load_state(self, directory: Path) -> None:
        f = directory / "embedding.json"
        if not f.exists():
            raise PolicytagError(f"{f}: missing; the run directory is incomplete, retrain it with `policytag train`")
        meta = json.loads(f.read_text(encoding="utf-8"))
        self.coef_, self.intercept_, self.constant_ = {}, {}, {}
        for dim in DIMENSIONS:
            self.coef_[dim] = np.load(directory / f"coef_{dim}.npy", allow_pickle=False)
            self.intercept_[dim] = np.load(directory / f"intercept_{dim}.npy", allow_pickle=False)
            self.constant_[dim] = np.array([np.nan if c is None else c for c in meta["constant"][dim]])
