"""Fine-tuned BERT tagger: one encoder, two multi-label heads (sector, measure_type), trained with
Hugging Face ``Trainer`` and saved as a standard Hub-format model directory.

The encoder is any Hugging Face BERT checkpoint: by default the offline conversion of
intfloat/multilingual-e5-small with its vocabulary pruned to the corpus
(``policytag pretrained build --prune-corpus data/corpus``), or a hub id for users who have a hub.

Recipe (``models/bert_trainer.py``; every knob is a parameter below and a key in the config):

* input = ``clause_input`` (heading path + clause text), truncated to ``max_length`` pieces,
  dynamic padding; clause vector = mean of the last hidden states over real tokens
  (``pooling="mean"``, e5's pooling) or the first token (``"cls"``);
* one linear head per dimension (sizes from the taxonomy); loss = sum over dimensions of
  ``BCEWithLogitsLoss(pos_weight)``, ``pos_weight = n_neg / n_pos`` per label from the training
  labels clipped to ``[1, max_pos_weight]``;
* LP-FT: ``probe_epochs`` of the heads alone on frozen pooled features, then fine-tuning with
  ``EarlyStoppingCallback(patience)`` / ``load_best_model_at_end`` on dev macro-F1 (tuned per-label
  thresholds, mean of both dimensions); AdamW (encoder ``learning_rate``, heads
  ``head_learning_rate``), linear warm-up/decay, gradient clipping, seed — all Trainer's;
* ``freeze_embeddings`` / ``freeze_layers``: frozen word embeddings / embeddings + lower N layers
  (``requires_grad=False``: backward stops above them);
* ``cache_frozen`` (opt-in, needs ``freeze_layers`` > 0): the frozen layers' output of each clause
  is computed once (eval mode, no grad, its own length) and fine-tuning runs only the layers above
  it + the heads on those states, for training and dev scoring; the same pass gives the probe's
  features. Through public API only (``output_hidden_states`` and a second ``BertModel`` sharing
  the upper layers: ``bert_hf.upper_encoder``; an earlier cache called transformers' private
  layer signatures and was removed). The one change in what is learned: no dropout inside the
  frozen layers. The saved model is the same complete Hub-format model. The smoke recipe
  (``configs/bert-smoke.yaml``, 10 of 12 layers frozen) uses it: the whole smoke test (this training + the
  keyword run) took 267 s of CPU at seed 13 (1 thread, load 12-17), where the training command
  alone took 504 s before; dev measure-type macro-F1 0.774 against the keyword row's 0.758;
  seed 7: 260 s of CPU for the training command (404 s before), 0.798;
* ``group_by_length``: fine-tuning batches of clauses of like length (Trainer's length-grouped
  sampler): about half the padded tokens of random batches on the training clauses;
* ``device``: ``auto`` (a GPU when present) | ``cpu`` | ``cuda`` | ``mps``; ``bf16``/``fp16`` only on
  a GPU; ``gradient_accumulation_steps``, ``dataloader_num_workers``; the same config runs under
  ``torchrun --nproc_per_node N`` / ``accelerate launch`` (data-parallel);
* the base class tunes the final per-label thresholds on dev; this class also tunes a second set
  through the int8 model (``quantize=True`` predicts with dynamic int8 ``nn.Linear`` layers and
  decodes with those thresholds).

Saved model directory (``runs/NAME/model/``): ``config.json`` (a ``BertConfig`` with
``id2label``/``label2id``/``label_dims``/``taxonomy_version``), ``model.safetensors``, tokenizer
files, ``README.md`` (model card), ``tagger.json`` (params, thresholds) and ``bert_state.json``
(training history, int8 thresholds). ``AutoConfig``/``AutoTokenizer``/``AutoModel`` load it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Annotated, Iterator, Literal, Sequence

import numpy as np
from pydantic import Field

from policytag import PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import NotFittedError, Tagger
from .features import inputs
from .registry import (Fraction, NonNegativeInt, OptionalPositiveInt, PositiveFloat, PositiveInt, Seed,
                       register_tagger)
from .thresholds import tune_thresholds

DEFAULT_MODEL = "artifacts/pretrained/multilingual-e5-small-pruned"
BERT_STATE_FILE = "bert_state.json"
MODEL_CARD_FILE = "README.md"


def _torch():
    import torch  # imported lazily: the TF-IDF baseline and the CLI never pay for torch

    return torch


def resolve_model_path(model_name_or_path: str) -> str:
    """A local directory (absolute, or relative to the cwd or the policytag home, which is the
    checkout when run from one; see ``policytag.paths``) or a hub id.

    Hub ids are passed through unchanged so ``from_pretrained`` keeps working for users with a hub;
    a missing local default gets a message that says how to build it offline.
    """
    from policytag.paths import home

    for candidate in (Path(model_name_or_path), home() / model_name_or_path):
        if candidate.is_dir():
            return str(candidate)
    if model_name_or_path.startswith(("artifacts/", "/", "./", "../")):
        looked = ", ".join(dict.fromkeys(str(c) for c in (Path(model_name_or_path).absolute(), home() / model_name_or_path)))
        where = f"model_name_or_path: pretrained model directory {model_name_or_path} not found (looked in {looked})"
        # only the e5 encoders are built here (training/encoders.py; into artifacts/pretrained/ by
        # default); any other name is the user's own Hugging Face directory, which no command of ours makes
        if Path(model_name_or_path).name.startswith("multilingual-e5-small") or "pretrained/" in model_name_or_path:
            raise PolicytagError(
                f"{where}; build it offline with "
                f"`policytag pretrained build --prune-corpus data/corpus -o {model_name_or_path}` "
                f"(or `policytag pretrained build` for the unpruned model)")
        raise PolicytagError(f"{where}; it must be a local Hugging Face model directory (config.json, weights, "
                             "tokenizer) or a hub id")
    return model_name_or_path


def default_threads() -> int:
    """The intra-op threads a block uses when the config names none: ``OMP_NUM_THREADS`` when set
    (the usual way to give a process its share: a test worker, a Ray actor, a batch job's slot),
    else the cores this process may run on.

    Why not all cores: two processes each spinning all cores' worth of threads on the same cores
    are several times slower than each using its share (measured on 2 cores with a second busy
    process: 1 thread 1.6-1.9 s per fine-tuning step, 2 threads 3.2-5.9 s).
    """
    env = os.environ.get("OMP_NUM_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


@contextlib.contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Use ``n`` intra-op threads (default: ``default_threads()``) inside the block, restore afterwards.

    torch's default can exceed the cores this process really gets; pinning it also keeps
    inference reductions in the same order from run to run (identical figures on re-evaluation).
    """
    torch = _torch()
    before = torch.get_num_threads()
    torch.set_num_threads(max(1, n or default_threads()))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def pos_weights(y: np.ndarray, max_pos_weight: float) -> np.ndarray:
    """``n_neg / n_pos`` per label column of y [n, k], clipped to [1, max_pos_weight]. Returns [k].

    A label with no positive gets 1.0: there is nothing to up-weight.
    """
    pos = y.sum(axis=0).astype(np.float64)
    neg = len(y) - pos
    w = np.where(pos > 0, neg / np.maximum(pos, 1), 1.0)
    return np.clip(w, 1.0, max_pos_weight)


@register_tagger("bert.v1", aliases=("bert",))
class BertTagger(Tagger):
    """Fine-tuned BERT encoder with a multi-label head per taxonomy dimension.

    Parameters mirror a Hugging Face training script; everything is JSON-serialisable and saved
    with the run. ``max_steps`` (if set) caps fine-tuning optimisation steps (smoke tests).
    """

    def __init__(self, model_name_or_path: str = DEFAULT_MODEL, max_length: Annotated[int, Field(ge=8, le=512)] = 256,
                 pooling: Literal["mean", "cls"] = "mean", shared_encoder: bool = True,
                 freeze_embeddings: bool = True, freeze_layers: Annotated[int, Field(ge=0, le=48)] = 0,
                 probe_epochs: NonNegativeInt = 0, probe_learning_rate: Annotated[float, Field(gt=0, le=10)] = 5e-3,
                 epochs: NonNegativeInt = 10, batch_size: PositiveInt = 16,
                 learning_rate: Annotated[float, Field(gt=0, le=1)] = 5e-5,
                 head_learning_rate: Annotated[float, Field(gt=0, le=10)] = 1e-3, weight_decay: Fraction = 0.01,
                 warmup_ratio: Fraction = 0.1, dropout: Annotated[float, Field(ge=0, lt=1)] = 0.1,
                 max_pos_weight: PositiveFloat = 10.0, patience: NonNegativeInt = 3,
                 max_steps: OptionalPositiveInt = None, eval_batch_size: PositiveInt = 32,
                 num_threads: OptionalPositiveInt = None, quantize: bool = False, progress: bool = True,
                 seed: Seed = 13, use_heading: bool = True,
                 device: Annotated[str, Field(pattern=r"^(auto|cpu|cuda(:\d+)?|mps)$")] = "auto",
                 bf16: bool = False, fp16: bool = False, gradient_accumulation_steps: PositiveInt = 1,
                 dataloader_num_workers: NonNegativeInt = 0, max_grad_norm: PositiveFloat = 1.0,
                 group_by_length: bool = False, cache_frozen: bool = False, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        if pooling not in ("mean", "cls"):
            raise PolicytagError(f"pooling must be 'mean' or 'cls', not {pooling!r}")
        if not shared_encoder:
            # one encoder per dimension doubled every step, the saved model and inference with no
            # measured gain (docs/training.md); a Hub-format model has one encoder
            raise PolicytagError("shared_encoder: false is no longer supported (one encoder, two heads)")
        if cache_frozen and not freeze_layers:
            raise PolicytagError("cache_frozen: true needs freeze_layers > 0 (it caches the frozen layers' output)")
        self.model_name_or_path = model_name_or_path
        self.max_length = max_length
        self.pooling = pooling
        self.shared_encoder = shared_encoder
        self.freeze_embeddings = freeze_embeddings
        self.freeze_layers = freeze_layers
        self.probe_epochs = probe_epochs
        self.probe_learning_rate = probe_learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.head_learning_rate = head_learning_rate
        self.weight_decay = weight_decay
        self.warmup_ratio = warmup_ratio
        self.dropout = dropout
        self.max_pos_weight = max_pos_weight
        self.patience = patience
        self.max_steps = max_steps
        self.eval_batch_size = eval_batch_size
        self.num_threads = num_threads
        self.quantize = quantize
        self.progress = progress
        self.seed = seed
        self.device = device
        self.bf16 = bf16
        self.fp16 = fp16
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.dataloader_num_workers = dataloader_num_workers
        self.max_grad_norm = max_grad_norm
        self.group_by_length = group_by_length
        self.cache_frozen = cache_frozen

    # -- model construction ------------------------------------------------------------------
    def _label_dims(self) -> dict[str, list[str]]:
        return {dim: list(self.taxonomy[dim].ids) for dim in DIMENSIONS}

    def _init_model(self, source: str | Path) -> None:
        """Tokenizer + model from a pretrained encoder ``source`` (heads freshly initialised)."""
        from transformers import AutoConfig, AutoTokenizer

        from .bert_hf import PolicytagBertForTagging, tagging_config

        self.tokenizer_ = AutoTokenizer.from_pretrained(source)
        config = tagging_config(AutoConfig.from_pretrained(source), self._label_dims(), self.taxonomy.version,
                                self.pooling, self.dropout)
        self.model_ = PolicytagBertForTagging.from_pretrained(source, config=config)
        self._quantized_ = None

    def _freeze(self, model) -> None:
        """Fine-tuning freezing (``requires_grad``): word embeddings, or embeddings + lower layers."""
        if self.freeze_embeddings or self.freeze_layers:
            # the word-embedding matrix is most of the parameters; on a few hundred clauses its
            # update is noise, and freezing it saves optimiser memory and time
            model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
        if self.freeze_layers:
            for p in [*model.bert.embeddings.parameters(), *model.bert.encoder.layer[:self.freeze_layers].parameters()]:
                p.requires_grad_(False)

    def _flat(self, y: dict[str, np.ndarray]) -> np.ndarray:
        """{dim: [n, k_dim]} -> [n, K] in the model's column order."""
        return np.concatenate([y[dim] for dim in DIMENSIONS], axis=1).astype(np.float32)

    # -- training ------------------------------------------------------------------------------
    def _fit(self, clauses, y, dev) -> None:
        torch = _torch()
        from .bert_trainer import FitOptions, fit_lpft, resolve_device

        start = time.perf_counter()
        device = resolve_device(self.device)
        torch.manual_seed(self.seed)  # head initialisation
        self._init_model(resolve_model_path(self.model_name_or_path))
        self.model_.set_pos_weight({dim: pos_weights(y[dim], self.max_pos_weight) for dim in DIMENSIONS})
        opts = FitOptions(**{k: getattr(self, k) for k in (
            "device", "batch_size", "eval_batch_size", "epochs", "max_steps", "learning_rate", "head_learning_rate",
            "weight_decay", "warmup_ratio", "max_grad_norm", "probe_epochs", "probe_learning_rate", "patience",
            "gradient_accumulation_steps", "dataloader_num_workers", "bf16", "fp16", "seed", "progress",
            "group_by_length")}, cache_layers=self.freeze_layers if self.cache_frozen else 0)
        texts = inputs(clauses, self.use_heading)
        dev_data = (inputs(dev[0], self.use_heading), self._flat(dev[1])) if dev is not None else None
        with torch_threads(self.num_threads if device == "cpu" else None):
            info = fit_lpft(self.model_, self.tokenizer_, texts, self._flat(y), dev_data, opts, self.max_length,
                            self._freeze)
        self.model_.to("cpu" if device == "cpu" else device).eval()
        # rank 0 of a data-parallel launch (Trainer's process state) is the one that writes the run
        self.is_main_process_ = info.pop("is_main_process")
        # read by training.train and stored in run.json
        self.train_info_ = {**info, "fit_seconds": round(time.perf_counter() - start, 2), "device": device,
                            "num_threads": self.num_threads or default_threads()}

    def tune_thresholds(self, clauses, labels) -> "BertTagger":
        """Per-label thresholds on dev for float32 (``thresholds_``) and, on the CPU, for the int8
        model (``int8_thresholds_``): int8 shifts probabilities, so it gets its own thresholds."""
        from policytag.labels import label_matrix

        self._check_fitted()
        y = label_matrix(labels, self.taxonomy)
        float_proba = self.predict_proba(clauses, use_quantized=False)
        self.thresholds_ = {dim: tune_thresholds(float_proba[dim], y[dim]) for dim in DIMENSIONS}
        self.int8_thresholds_ = None
        if self._device() == "cpu":
            q = self.predict_proba(clauses, use_quantized=True)
            self.int8_thresholds_ = {dim: tune_thresholds(q[dim], y[dim]) for dim in DIMENSIONS}
        return self

    def decode(self, proba, thresholds=None):
        if thresholds is None and self.quantize and getattr(self, "int8_thresholds_", None):
            thresholds = self.int8_thresholds_
        return super().decode(proba, thresholds)

    # -- inference -----------------------------------------------------------------------------
    def _device(self) -> str:
        from .bert_trainer import resolve_device

        return resolve_device(self.device)

    def quantized_net(self):
        """Dynamic int8 copy of the model (every ``nn.Linear``: int8 weights, activations quantised
        per batch; CPU only)."""
        torch = _torch()
        import copy

        if getattr(self, "_quantized_", None) is None:
            self._quantized_ = torch.ao.quantization.quantize_dynamic(
                copy.deepcopy(self.model_).to("cpu").eval(), {torch.nn.Linear}, dtype=torch.qint8)
        return self._quantized_

    def predict_proba(self, clauses: Sequence[Clause], use_quantized: bool | None = None) -> dict[str, np.ndarray]:
        """``{dim: float64 [n, k_dim]}`` sigmoid probabilities, taxonomy column order.

        Clauses are batched in length order (less padding); the batches depend only on the input,
        so the same clauses always give the same figures.
        """
        if not hasattr(self, "model_"):
            raise NotFittedError("BertTagger is not fitted yet: call fit() or load a run")
        torch = _torch()
        quantized = self.quantize if use_quantized is None else use_quantized
        model = self.quantized_net() if quantized else self.model_
        device = "cpu" if quantized else self._device()
        if not quantized and next(model.parameters()).device.type != device:
            model.to(device)
        was_training = model.training
        model.eval()
        texts = inputs(clauses, self.use_heading)
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
        slices = self.model_.dim_slices()
        out = {dim: np.zeros((len(texts), len(self.taxonomy[dim].ids)), dtype=np.float64) for dim in DIMENSIONS}
        with torch_threads(self.num_threads), torch.inference_mode():
            for b in range(0, len(order), self.eval_batch_size):
                idx = order[b:b + self.eval_batch_size]
                enc = self.tokenizer_([texts[i] for i in idx], truncation=True, max_length=self.max_length,
                                      padding=True, return_tensors="pt")
                logits = model(input_ids=enc["input_ids"].to(device),
                               attention_mask=enc["attention_mask"].to(device)).logits
                proba = torch.sigmoid(logits.float()).double().cpu().numpy()
                for dim in DIMENSIONS:
                    out[dim][idx] = proba[:, slices[dim]]
        model.train(was_training)
        return out

    # -- persistence ---------------------------------------------------------------------------
    def _save_state(self, directory: Path) -> None:
        """Hub format: ``save_pretrained`` model + tokenizer, the model card, ``bert_state.json``."""
        from .bert_card import model_card

        self.model_.save_pretrained(directory)
        self.tokenizer_.save_pretrained(directory)
        int8 = getattr(self, "int8_thresholds_", None)
        state = {"source_model": self.model_name_or_path, "train_info": getattr(self, "train_info_", {}),
                 "int8_thresholds": {dim: [float(x) for x in t] for dim, t in int8.items()} if int8 else None}
        (directory / BERT_STATE_FILE).write_text(json.dumps(state, indent=2), encoding="utf-8")
        (directory / MODEL_CARD_FILE).write_text(model_card(self, getattr(self, "card_context_", None)),
                                                 encoding="utf-8")

    def _load_state(self, directory: Path) -> None:
        from transformers import AutoTokenizer

        from .bert_hf import PolicytagBertForTagging

        if (directory / "heads.pt").exists() or not (directory / "config.json").exists():
            raise PolicytagError(f"{directory}: a BERT run in the old private layout (heads.pt); retrain it with "
                                 "`policytag train` to get a Hub-format model directory")
        self.tokenizer_ = AutoTokenizer.from_pretrained(directory)
        self.model_ = PolicytagBertForTagging.from_pretrained(directory)
        if self.model_.config.label_dims != self._label_dims():
            raise PolicytagError(f"{directory}: model labels differ from the taxonomy; retrain it with `policytag train`")
        self.model_.eval()
        self._quantized_ = None
        state = directory / BERT_STATE_FILE
        self.int8_thresholds_ = None
        if state.exists():
            data = json.loads(state.read_text(encoding="utf-8"))
            self.train_info_ = data.get("train_info", {})
            if data.get("int8_thresholds"):
                self.int8_thresholds_ = {dim: np.asarray(t, dtype=np.float64)
                                         for dim, t in data["int8_thresholds"].items()}
