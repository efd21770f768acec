"""Typed hyper-parameter schemas, one per tagger type (pydantic v2, unknown keys forbidden).

``model.params`` of a training config is validated against ``PARAMS[model.type]`` before any work
(``policytag.training.config.load_config``); the validated values are what the run stores. The
schemas import nothing heavy (no torch), so validating a BERT config costs nothing.

Extension points (for taggers added later):

* a new tagger type registers its schema with ``register_params("hybrid", HybridParams)`` in a
  module imported by this one's registry, or simply adds an entry to ``PARAMS`` below; the
  class must subclass ``TaggerParams`` (which forbids unknown keys) and its field names must be
  the keyword arguments of the tagger's ``__init__`` (``tests/test_config_validation.py`` checks
  that for every registered type);
* a tagger that gains options (e.g. BERT's Trainer settings: ``device``, ``bf16``,
  ``gradient_accumulation_steps``, ``dataloader_num_workers``) adds fields to its class here, with
  the same default as ``__init__`` and a range (``Field(ge=..., le=...)``) where one makes sense.

Ranges are deliberately generous: they catch typos and impossible values (a negative learning
rate, ``min_df: 0``), not unusual-but-valid choices.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator


class TaggerParams(BaseModel):
    """Base of every params schema: unknown keys are errors, values are not coerced from strings."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    use_heading: bool = True


class KeywordParams(TaggerParams):
    """The cue-word reference row has no hyper-parameter beyond ``use_heading``."""


class TfidfParams(TaggerParams):
    ngram_range: list[int] = Field(default=[1, 3], min_length=2, max_length=2)
    min_df: int = Field(default=2, ge=1)
    max_features: Optional[int] = Field(default=200_000, ge=1)
    C: float = Field(default=4.0, gt=0)
    random_state: int = Field(default=0, ge=0)

    @field_validator("ngram_range")
    @classmethod
    def _ordered(cls, value: list[int]) -> list[int]:
        lo, hi = value
        if lo < 1 or hi < lo or hi > 10:
            raise ValueError(f"must be [min, max] with 1 <= min <= max <= 10, got {value}")
        return value

    @field_validator("C", mode="before")
    @classmethod
    def _int_is_float(cls, value):
        # YAML writes `C: 4` as an int; that is a float hyper-parameter, not a type error
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class BertParams(TaggerParams):
    model_name_or_path: str = "artifacts/pretrained/multilingual-e5-small-pruned"
    max_length: int = Field(default=256, ge=8, le=512)
    pooling: Literal["mean", "cls"] = "mean"
    shared_encoder: bool = True
    freeze_embeddings: bool = True
    freeze_layers: int = Field(default=0, ge=0, le=48)
    probe_epochs: int = Field(default=0, ge=0)
    probe_learning_rate: float = Field(default=5e-3, gt=0, le=10)
    epochs: int = Field(default=10, ge=0)
    batch_size: int = Field(default=16, ge=1)
    learning_rate: float = Field(default=5e-5, gt=0, le=1)
    head_learning_rate: float = Field(default=1e-3, gt=0, le=10)
    weight_decay: float = Field(default=0.01, ge=0, le=1)
    warmup_ratio: float = Field(default=0.1, ge=0, le=1)
    dropout: float = Field(default=0.1, ge=0, lt=1)
    max_pos_weight: float = Field(default=10.0, gt=0)
    patience: int = Field(default=3, ge=0)
    max_steps: Optional[int] = Field(default=None, ge=1)
    eval_batch_size: int = Field(default=32, ge=1)
    num_threads: Optional[int] = Field(default=None, ge=1)
    quantize: bool = False
    progress: bool = True
    seed: int = Field(default=13, ge=0)
    # transformers.Trainer options
    device: str = Field(default="auto", pattern=r"^(auto|cpu|cuda(:\d+)?|mps)$")
    bf16: bool = False
    fp16: bool = False
    gradient_accumulation_steps: int = Field(default=1, ge=1)
    dataloader_num_workers: int = Field(default=0, ge=0)
    max_grad_norm: float = Field(default=1.0, gt=0)

    @field_validator("probe_learning_rate", "learning_rate", "head_learning_rate", "weight_decay", "warmup_ratio",
                     "dropout", "max_pos_weight", "max_grad_norm", mode="before")
    @classmethod
    def _int_is_float(cls, value):
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class EmbeddingParams(TaggerParams):
    """Frozen mean-pooled encoder embeddings + one LR per label (``models/embedding.py``)."""

    model_name_or_path: str = "artifacts/pretrained/multilingual-e5-small-pruned"
    max_length: int = Field(default=256, ge=8, le=4096)
    batch_size: int = Field(default=32, ge=1)
    C: float = Field(default=1.0, gt=0)
    cache_size: int = Field(default=20_000, ge=1)
    random_state: int = Field(default=0, ge=0)

    @field_validator("C", mode="before")
    @classmethod
    def _int_is_float(cls, value):
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class HybridParams(TaggerParams):
    """Knowledge + learned models stacked in a per-label meta-classifier (``models/hybrid.py``).

    ``learners``: ``[{"type": "tfidf", "params": {...}}, ...]``; each entry's params are
    validated against that type's own schema.
    """

    learners: list[dict] = Field(default_factory=lambda: [{"type": "tfidf", "params": {}}])
    folds: int = Field(default=5, ge=2, le=20)
    meta_C: float = Field(default=10.0, gt=0)
    class_weight: Optional[Literal["balanced"]] = "balanced"
    threshold_source: Literal["oof", "dev"] = "oof"
    fold_groups: Literal["notice", "stratified"] = "stratified"
    calibration: Optional[Literal["isotonic", "platt"]] = "isotonic"
    random_state: int = Field(default=0, ge=0)

    @field_validator("meta_C", mode="before")
    @classmethod
    def _int_is_float(cls, value):
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("learners")
    @classmethod
    def _learners(cls, value: list[dict]) -> list[dict]:
        out = []
        for i, item in enumerate(value):
            if set(item) - {"type", "params", "dimensions"} or "type" not in item:
                raise ValueError(f"learners[{i}]: needs 'type', optional 'params' and 'dimensions', got {sorted(item)}")
            dims = item.get("dimensions")
            if dims is not None and (not isinstance(dims, list) or not dims or
                                     set(dims) - {"sector", "measure_type"}):
                raise ValueError(f"learners[{i}].dimensions: a non-empty list of sector/measure_type, got {dims!r}")
            kind = item["type"]
            if kind not in PARAMS or kind == "hybrid":
                raise ValueError(f"learners[{i}].type: {kind!r} is not a learnable tagger type")
            params = PARAMS[kind].model_validate(item.get("params") or {})
            out.append({"type": kind, "params": params.model_dump(exclude_unset=True),
                        **({"dimensions": list(dims)} if dims else {})})
        return out


#: tagger type (``model.type``) -> its params schema
PARAMS: dict[str, type[TaggerParams]] = {
    "keyword": KeywordParams,
    "tfidf": TfidfParams,
    "bert": BertParams,
    "embedding": EmbeddingParams,
    "hybrid": HybridParams,
}


def register_params(tagger_type: str, schema: type[TaggerParams]) -> None:
    """Register (or replace) the params schema of a tagger type."""
    if not (isinstance(schema, type) and issubclass(schema, TaggerParams)):
        raise TypeError(f"{schema!r} must subclass TaggerParams")
    PARAMS[tagger_type] = schema
