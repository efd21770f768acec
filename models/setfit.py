"""SetFit-style tagger (issue 17 item 6): contrastive fine-tuning of the e5 sentence encoder on
pairs of training clauses, then one logistic regression per label on its embeddings.

Why: the frozen e5 embeddings place clauses by topic (a coal-mine inspection clause and a
coal-mine training clause sit close together), while measure types cut across topics. SetFit
(Tunstall et al. 2022) teaches the encoder the labelling's geometry from pairs: two clauses that
share a label should embed close, two that share none apart. It needs no classification head
during fine-tuning, works with few examples per label and keeps the encoder a plain sentence
encoder that any ``embedding`` learner can load.

Recipe (every knob is a parameter and a config key):

* the encoder is built and trained with ``sentence-transformers`` (``Transformer`` + mean
  ``Pooling``, e5's pooling; ``CosineSimilarityLoss``; ``SentenceTransformerTrainer``: AdamW,
  linear warm-up/decay, seed). Texts get e5's ``"query: "`` prefix, which its model card asks for
  when embeddings are used as classification features (symmetric tasks);
* pairs (``pairs_per_clause`` per training clause, half positive, half negative, seeded): a
  positive partner shares at least one label of ``pair_dimensions`` with the anchor, a negative
  shares none. Clauses carry several labels, so the cosine target is multi-label aware: the
  Jaccard overlap of the two clauses' label sets (mean over ``pair_dimensions``), not 1/0
  (``target="binary"`` gives SetFit's original 1/0);
* ``freeze_layers``: the embeddings and the lower N transformer layers are not trained
  (``requires_grad=False``: backward stops above them; the CPU budget);
* ``epochs`` over the pairs, ``max_length`` pieces, ``train_batch_size`` pairs a step;
* the head: the ``embedding`` learner's class-balanced LR per label on the fine-tuned encoder's
  L2-normalised mean-pooled states (``EmbeddingTagger``).

Saved state (no pickle): ``encoder/`` (a sentence-transformers / Hugging Face Hub directory:
``config.json``, ``model.safetensors``, tokenizer files, ``modules.json``, ``1_Pooling/config.json``;
``AutoModel.from_pretrained`` and ``SentenceTransformer`` both load it), ``setfit.json`` (training
record) and the head's ``.npy`` files. A hybrid can stack the fine-tuned encoder with an
``embedding`` learner whose ``model_name_or_path`` is ``runs/NAME/model/encoder``
(configs/hybrid-setfit.yaml) or fine-tune per fold with a ``setfit`` learner (6x the cost).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Annotated, Literal, Optional, Sequence

import numpy as np
from pydantic import Field

from policytag import PolicytagError
from policytag.taxonomy import DIMENSIONS

from .embedding import EmbeddingTagger
from .features import clause_input
from .registry import NonNegativeInt, OptionalPositiveInt, PositiveFloat, PositiveInt, Seed, register_tagger

#: the CPU-budget encoder: e5-small pruned to the corpus vocabulary, lower 6 of 12 layers
#: (``policytag train`` builds it when missing, training/encoders.py)
SETFIT_ENCODER = "artifacts/pretrained/multilingual-e5-small-pruned-L6"
ENCODER_DIR = "encoder"
STATE_FILE = "setfit.json"

Dimension = Literal["sector", "measure_type"]


def make_pairs(y: dict[str, np.ndarray], dims: Sequence[str], per_clause: int, seed: int,
               target: str = "jaccard") -> list[tuple[int, int, float]]:
    """``(i, j, score)`` training pairs: for each clause ``i``, ``per_clause // 2`` positive partners
    (sharing a label of ``dims``) and as many negatives (sharing none), drawn without replacement
    where possible. ``score`` is the mean over ``dims`` of the Jaccard overlap of the two label
    sets (``target="jaccard"``) or 1/0 (``"binary"``)."""
    rng = np.random.default_rng(seed)
    Y = [y[d].astype(bool) for d in dims]
    n = len(Y[0])
    inter = sum(Yd.astype(np.int32) @ Yd.astype(np.int32).T for Yd in Y)
    share = inter > 0
    np.fill_diagonal(share, False)
    union = [(Yd[:, None, :] | Yd[None, :, :]).sum(-1) for Yd in Y] if target == "jaccard" else None
    pairs, half = [], max(1, per_clause // 2)
    for i in range(n):
        pos = np.flatnonzero(share[i])
        neg = np.flatnonzero(~share[i])
        neg = neg[neg != i]
        for pool, is_pos in ((pos, True), (neg, False)):
            if len(pool) == 0:
                continue
            for j in rng.choice(pool, size=min(half, len(pool)), replace=False):
                if target == "binary":
                    score = 1.0 if is_pos else 0.0
                else:
                    score = float(np.mean([(Yd[i] & Yd[j]).sum() / max(u[i, j], 1) for Yd, u in zip(Y, union)]))
                pairs.append((i, int(j), score))
    order = rng.permutation(len(pairs))
    return [pairs[k] for k in order]


@register_tagger("setfit.v1", aliases=("setfit",))
class SetFitTagger(EmbeddingTagger):
    """Contrastively fine-tuned e5 encoder + LR per label (see module doc)."""

    #: e5's prefix for embeddings used as classification features (symmetric use)
    prefix = "query: "

    def __init__(self, model_name_or_path: str = SETFIT_ENCODER,
                 max_length: Annotated[int, Field(ge=8, le=4096)] = 96,
                 batch_size: PositiveInt = 32, C: PositiveFloat = 1.0, use_heading: bool = False,
                 pairs_per_clause: Annotated[int, Field(ge=2, le=100)] = 4,
                 pair_dimensions: list[Dimension] = ("measure_type",),
                 target: Literal["jaccard", "binary"] = "jaccard",
                 epochs: PositiveInt = 1, train_batch_size: PositiveInt = 16,
                 learning_rate: PositiveFloat = 3e-5, warmup_ratio: Annotated[float, Field(ge=0, lt=1)] = 0.1,
                 freeze_layers: NonNegativeInt = 3, max_pairs: OptionalPositiveInt = None,
                 num_threads: OptionalPositiveInt = None,
                 cache_size: PositiveInt = 20_000, random_state: Seed = 0, taxonomy=None):
        super().__init__(model_name_or_path=model_name_or_path, max_length=max_length, batch_size=batch_size,
                         C=C, use_heading=use_heading, cache_size=cache_size, random_state=random_state,
                         taxonomy=taxonomy)
        self.pairs_per_clause = pairs_per_clause
        self.pair_dimensions = pair_dimensions
        self.target = target
        self.epochs = epochs
        self.train_batch_size = train_batch_size
        self.learning_rate = learning_rate
        self.warmup_ratio = warmup_ratio
        self.freeze_layers = freeze_layers
        self.max_pairs = max_pairs
        self.num_threads = num_threads

    def share_cache(self, cache: dict) -> None:
        """Never share: each fit makes its own encoder, so a hybrid's shared cache (keyed by the
        base encoder's name) would hand other learners or folds this one's embeddings."""

    # ------------------------------------------------------------------ encoder
    def _encoder(self):
        if getattr(self, "_encoder_", None) is None:
            where = getattr(self, "encoder_dir_", None)
            if where is None:
                raise PolicytagError("SetFitTagger: no fine-tuned encoder; call fit() or load a run")
            from transformers import AutoModel, AutoTokenizer

            self._encoder_ = (AutoTokenizer.from_pretrained(where), AutoModel.from_pretrained(where, add_pooling_layer=False).eval())
        return self._encoder_

    def _fit(self, clauses, y, dev) -> None:
        from .bert import resolve_model_path, torch_threads

        clauses = list(clauses)
        with torch_threads(self.num_threads):
            started = time.perf_counter()
            st = self._finetune(resolve_model_path(self.model_name_or_path), clauses, y)
            self.finetune_seconds_ = time.perf_counter() - started
            word = st[0]
            self._encoder_ = (word.tokenizer if hasattr(word, "tokenizer") else word.processor, word.auto_model.eval())
            self._st_ = st
            self._cache = {}  # embeddings of the base encoder (or an earlier fit) are stale now
            super()._fit(clauses, y, dev)  # the LR head on the fine-tuned embeddings

    def _finetune(self, base: str, clauses, y):
        """The contrastive fine-tuning (sentence-transformers); returns the SentenceTransformer."""
        import torch
        from datasets import Dataset
        from sentence_transformers import SentenceTransformer
        from sentence_transformers.sentence_transformer.losses import CosineSimilarityLoss
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
        from sentence_transformers.sentence_transformer.trainer import SentenceTransformerTrainer
        from sentence_transformers.sentence_transformer.training_args import SentenceTransformerTrainingArguments

        torch.manual_seed(self.random_state)
        # no pooler: e5 has none and mean pooling needs none (else transformers reports it as new)
        word = Transformer(base, max_seq_length=self.max_length, model_kwargs={"add_pooling_layer": False})
        pool = Pooling(word.get_embedding_dimension() if hasattr(word, "get_embedding_dimension")
                       else word.get_word_embedding_dimension(), pooling_mode="mean")
        st = SentenceTransformer(modules=[word, pool], device="cpu")
        model = word.auto_model
        layers = model.encoder.layer
        if self.freeze_layers > len(layers):
            raise PolicytagError(f"setfit: freeze_layers={self.freeze_layers} but the encoder has {len(layers)} layers")
        for module in [model.embeddings, *layers[: self.freeze_layers]]:
            for p in module.parameters():
                p.requires_grad = False
        pairs = make_pairs(y, list(self.pair_dimensions), self.pairs_per_clause, self.random_state, self.target)
        if self.max_pairs:
            pairs = pairs[: self.max_pairs]
        if not pairs:
            raise PolicytagError("setfit: the training clauses give no pairs (every clause has the same labels?)")
        texts = [self.prefix + clause_input(c, self.use_heading) for c in clauses]
        data = Dataset.from_dict({"sentence1": [texts[i] for i, _, _ in pairs],
                                  "sentence2": [texts[j] for _, j, _ in pairs],
                                  "score": [s for _, _, s in pairs]})
        self.n_pairs_ = len(pairs)
        with tempfile.TemporaryDirectory() as tmp:
            args = SentenceTransformerTrainingArguments(
                output_dir=tmp, num_train_epochs=self.epochs, per_device_train_batch_size=self.train_batch_size,
                learning_rate=self.learning_rate, warmup_steps=self.warmup_ratio,  # a float < 1: a ratio (transformers 5)
                 seed=self.random_state,
                save_strategy="no", report_to="none", use_cpu=True, logging_steps=50, dataloader_num_workers=0)
            trainer = SentenceTransformerTrainer(model=st, args=args, train_dataset=data, loss=CosineSimilarityLoss(st))
            self.train_loss_ = float(trainer.train().training_loss)
        return st

    # ------------------------------------------------------------------ persistence (no pickle)
    def _save_state(self, directory: Path) -> None:
        super()._save_state(directory)
        st = getattr(self, "_st_", None)
        target = directory / ENCODER_DIR
        if st is not None:
            st.save(str(target), safe_serialization=True)
        else:  # loaded from a run: copy the encoder directory as it is
            import shutil

            shutil.copytree(self.encoder_dir_, target)
        record = {"format": "policytag-setfit/1", "pairs": getattr(self, "n_pairs_", None),
                  "train_loss": getattr(self, "train_loss_", None),
                  "finetune_seconds": getattr(self, "finetune_seconds_", None),
                  "base_encoder": self.model_name_or_path}
        (directory / STATE_FILE).write_text(json.dumps(record, indent=1), encoding="utf-8")

    def _load_state(self, directory: Path) -> None:
        super()._load_state(directory)
        where = directory / ENCODER_DIR
        if not (where / "config.json").is_file() or not (directory / STATE_FILE).is_file():
            raise PolicytagError(f"{where}: missing; the run directory is incomplete, retrain it with `policytag train`")
        record = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
        self.n_pairs_, self.train_loss_ = record.get("pairs"), record.get("train_loss")
        self.finetune_seconds_ = record.get("finetune_seconds")
        self.encoder_dir_ = where
        self._encoder_ = None
