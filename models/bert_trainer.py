"""LP-FT training of :class:`~.bert_hf.PolicytagBertForTagging` on ``transformers.Trainer``.

Two phases:

1. **linear probe** (``probe_epochs`` > 0): the encoder is frozen and run once (eval mode) to get the
   pooled clause vectors [n, h]; the two heads alone are fitted on them (:func:`linear_probe`, a
   plain AdamW loop at the constant ``probe_learning_rate``: seconds), so fine-tuning starts from
   fitted heads;
2. **fine-tuning** on ``Trainer`` with ``TrainingArguments``: encoder (minus frozen word embeddings / lower layers) + heads; AdamW with the
   encoder at ``learning_rate`` and the heads at ``head_learning_rate`` (:class:`TaggingTrainer`),
   linear warm-up (``warmup_ratio``) and decay, gradient clipping 1.0, seed, gradient accumulation,
   ``dataloader_num_workers``; dev evaluated every epoch through :func:`make_compute_metrics`,
   ``EarlyStoppingCallback(patience)`` and ``load_best_model_at_end`` on dev macro-F1. When the
   probe's dev score beats every fine-tuning epoch the probe state is restored (LP-FT may not hurt).

With ``cache_layers`` = N > 0 (``BertTagger(cache_frozen=True)``, N = ``freeze_layers``) one eval-mode
pass before phase 1 keeps, per clause, the state after the frozen layer N (its own length, float32 on
the CPU) and the pooled vector of the last layer (phase 1's features, so the probe is unchanged);
phase 2 then feeds those states to the upper layers alone (:class:`CachedClauses`,
:func:`collate_states`, ``PolicytagBertForTagging.cached_lower``), for training and dev scoring alike.
The frozen layers' output never changes in fine-tuning; the one difference is that it carries no
dropout (computed once in eval mode).

Dev macro-F1 is ``policytag.metrics.macro_f1`` (the one definition every report uses: mean over
labels present in dev of the per-label F1) at per-label thresholds tuned on dev
(``thresholds.tune_thresholds``), averaged over the two dimensions.

Data-parallel: the same call runs under ``torchrun --nproc_per_node N`` or ``accelerate launch``;
Trainer wraps the model in DDP (gloo on CPU, nccl on GPU), every rank holds the same weights after
training, checkpoints go to a directory shared by the ranks of one launch.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch
from transformers import DataCollatorWithPadding, EarlyStoppingCallback, PrinterCallback, Trainer, TrainingArguments

from policytag import PolicytagError
from policytag.metrics import macro_f1

from .thresholds import tune_thresholds

DEVICES = ("auto", "cpu", "cuda", "mps")


def resolve_device(device: str = "auto") -> str:
    """``auto`` -> ``cuda`` when a GPU is visible, else ``mps`` (Apple), else ``cpu``; an explicit
    device that is not available is a one-line error."""
    if device not in DEVICES and not (device.startswith("cuda:") and device[5:].isdigit()):
        raise PolicytagError(f"device must be one of {', '.join(DEVICES)} (or cuda:N), not {device!r}")
    has_mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "mps" if has_mps else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise PolicytagError("device 'cuda' requested but no CUDA GPU is visible (use --device auto or cpu)")
    if device == "mps" and not has_mps:
        raise PolicytagError("device 'mps' requested but the Apple MPS backend is not available")
    return device


def world_size() -> int:
    """Processes of a torchrun/accelerate launch, read before TrainingArguments exist (to pick the
    gloo backend on the CPU); afterwards ``args.world_size`` / ``args.should_save`` (accelerate's
    process state) answer every rank question."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def tuned_macro_f1(proba: np.ndarray, y: np.ndarray) -> float:
    """``policytag.metrics.macro_f1`` of ``y`` [n, k] at per-label thresholds tuned on (proba, y)."""
    return macro_f1(y, (proba >= tune_thresholds(proba, y)[None, :]).astype(np.int64))


def dev_scores(logits: np.ndarray, y: np.ndarray, slices: dict[str, slice]) -> dict[str, float]:
    """``{"macro_f1": mean over dims, "<dim>_macro_f1": …}`` from flat logits/labels [n, K]."""
    proba = 1.0 / (1.0 + np.exp(-logits.astype(np.float64)))
    y = (np.asarray(y) > 0.5).astype(np.int64)
    out = {f"{dim}_macro_f1": tuned_macro_f1(proba[:, s], y[:, s]) for dim, s in slices.items()}
    out["macro_f1"] = float(np.mean(list(out.values())))
    return out


def make_compute_metrics(slices: dict[str, slice]):
    """``compute_metrics`` for Trainer: EvalPrediction(logits [n, K], labels [n, K]) -> dev scores."""
    def compute_metrics(eval_pred) -> dict[str, float]:
        logits = eval_pred.predictions[0] if isinstance(eval_pred.predictions, tuple) else eval_pred.predictions
        return dev_scores(np.asarray(logits), np.asarray(eval_pred.label_ids), slices)
    return compute_metrics


class TokenizedClauses(torch.utils.data.Dataset):
    """Tokenised clause inputs (unpadded: ``DataCollatorWithPadding`` pads each batch to its longest
    clause) with their flat label rows [K] (float 0/1)."""

    def __init__(self, tokenizer, texts: Sequence[str], labels: np.ndarray, max_length: int):
        enc = tokenizer(list(texts), truncation=True, max_length=max_length)
        self.input_ids, self.attention_mask = enc["input_ids"], enc["attention_mask"]
        self.labels = np.asarray(labels, dtype=np.float32)

    def __len__(self) -> int:
        return len(self.input_ids)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return {"input_ids": self.input_ids[i], "attention_mask": self.attention_mask[i],
                "labels": self.labels[i].tolist()}


@dataclass
class FrozenStates:
    """One eval-mode pass over some clauses (:func:`frozen_states`): per clause its token ids and
    the state after the cached lower layers [t_i, h] (its own length t_i), and the pooled vectors of
    the last layer [n, h] (the linear probe's features)."""

    input_ids: list[list[int]]
    states: list[torch.Tensor]
    pooled: torch.Tensor


class CachedClauses(torch.utils.data.Dataset):
    """Clauses as the cached lower layers' output (``lower_states`` [t_i, h]) with their flat label
    rows [K]. ``input_ids`` is there for Trainer's length-grouped sampler, which reads the length of
    ``item["input_ids"]``: the same lengths, so the same batches as :class:`TokenizedClauses`;
    :func:`collate_states` leaves it out of the model's inputs."""

    def __init__(self, frozen: FrozenStates, labels: np.ndarray):
        self.frozen = frozen
        self.labels = np.asarray(labels, dtype=np.float32)

    def __len__(self) -> int:
        return len(self.frozen.states)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return {"input_ids": self.frozen.input_ids[i], "lower_states": self.frozen.states[i],
                "labels": self.labels[i].tolist()}


def collate_states(features: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
    """A batch of :class:`CachedClauses` items: states zero-padded to the batch's longest clause
    [b, t, h] with their attention mask [b, t] (padded positions are masked, so their value does not
    reach the real tokens or the mean pooling), labels [b, K]."""
    states = [f["lower_states"] for f in features]
    lengths = torch.tensor([len(s) for s in states])
    mask = (torch.arange(int(lengths.max()))[None, :] < lengths[:, None]).long()
    return {"lower_states": torch.nn.utils.rnn.pad_sequence(states, batch_first=True), "attention_mask": mask,
            "labels": torch.tensor([f["labels"] for f in features], dtype=torch.float32)}


@torch.no_grad()  # not inference_mode: the states become inputs of layers that are trained
def frozen_states(model, tokenizer, texts: Sequence[str], max_length: int, batch_size: int, layers: int) -> FrozenStates:
    """The states after layer ``layers`` and the pooled vectors, in the batches of
    :func:`pooled_features` (length order, ``batch_size``; eval mode): its figures exactly.

    Memory: h floats per token, e.g. 2,000 clauses x 50 pieces (median) x 384 x 4 bytes = 154 MB,
    at most 393 MB at the 128-piece cap.
    """
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
    input_ids: list[list[int]] = [[] for _ in texts]
    states: list[torch.Tensor] = [torch.empty(0) for _ in texts]
    pooled = torch.zeros(len(texts), model.config.hidden_size)
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        enc = tokenizer([texts[i] for i in idx], truncation=True, max_length=max_length, padding=True,
                        return_tensors="pt")
        lower, vectors = model.states_after(enc["input_ids"].to(device), enc["attention_mask"].to(device), layers)
        pooled[idx] = vectors.float().cpu()
        for j, i in enumerate(idx):
            n = int(enc["attention_mask"][j].sum())  # right padding: the first n positions are the clause
            input_ids[i] = enc["input_ids"][j, :n].tolist()
            states[i] = lower[j, :n].float().cpu().clone()  # its own storage, not a view of the batch
    model.train(was_training)
    return FrozenStates(input_ids, states, pooled)


class TaggingTrainer(Trainer):
    """Trainer with a separate learning rate for the freshly initialised heads."""

    def __init__(self, *args, head_learning_rate: float | None = None, **kwargs):
        self.head_learning_rate = head_learning_rate
        super().__init__(*args, **kwargs)

    def create_optimizer(self, model=None):
        if self.optimizer is None and self.head_learning_rate is not None:
            model = self.model if model is None else model
            decay = set(self.get_decay_parameter_names(model))
            groups = {"enc_decay": [], "enc_no_decay": [], "heads": []}
            for name, p in model.named_parameters():
                if not p.requires_grad:
                    continue
                if name.startswith("heads.") or ".heads." in name:
                    groups["heads"].append(p)
                else:
                    groups["enc_decay" if name in decay else "enc_no_decay"].append(p)
            self.optimizer = torch.optim.AdamW([
                {"params": groups["enc_decay"], "lr": self.args.learning_rate, "weight_decay": self.args.weight_decay},
                {"params": groups["enc_no_decay"], "lr": self.args.learning_rate, "weight_decay": 0.0},
                {"params": groups["heads"], "lr": self.head_learning_rate, "weight_decay": 0.0},
            ], lr=self.args.learning_rate, betas=(self.args.adam_beta1, self.args.adam_beta2), eps=self.args.adam_epsilon)
            return self.optimizer
        return super().create_optimizer(model)


def checkpoint_dir() -> Path:
    """A scratch directory for Trainer checkpoints, the same for every rank of one launch."""
    launch = os.environ.get("TORCHELASTIC_RUN_ID")
    if world_size() > 1:
        launch = f"{launch or 'ddp'}-{os.environ.get('MASTER_PORT', '0')}"
    if launch:
        return Path(tempfile.gettempdir()) / f"policytag-bert-{launch}"
    # one process: its host and pid in the name, so the next run removes it if this one is killed (-9)
    from policytag.io import owner_tag, sweep_stale

    sweep_stale(Path(tempfile.gettempdir()), "policytag-bert-", suffix="")
    return Path(tempfile.gettempdir()) / f"policytag-bert-{owner_tag()}{uuid.uuid4().hex}"


@dataclass
class FitOptions:
    """The training knobs of BertTagger (see its docstring)."""

    device: str = "auto"
    batch_size: int = 16
    eval_batch_size: int = 32
    epochs: int = 5
    max_steps: int | None = None
    learning_rate: float = 5e-5
    head_learning_rate: float = 1e-3
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    max_grad_norm: float = 1.0
    probe_epochs: int = 0
    probe_learning_rate: float = 5e-3
    patience: int = 3
    gradient_accumulation_steps: int = 1
    dataloader_num_workers: int = 0
    bf16: bool = False
    fp16: bool = False
    seed: int = 13
    progress: bool = True
    group_by_length: bool = False
    cache_layers: int = 0  # > 0: fine-tune on the cached output of the lower layers (module docstring)


def training_arguments(opts: FitOptions, out: Path, has_dev: bool, **overrides) -> TrainingArguments:
    """The fine-tuning phase's TrainingArguments from the tagger's options (checkpoints under ``out``)."""
    device = resolve_device(opts.device)
    if (opts.bf16 or opts.fp16) and not device.startswith("cuda"):
        raise PolicytagError(f"bf16/fp16 mixed precision needs a CUDA GPU; the device is {device}")
    args: dict[str, Any] = dict(
        output_dir=str(out), seed=opts.seed, data_seed=opts.seed,
        per_device_train_batch_size=opts.batch_size, per_device_eval_batch_size=opts.eval_batch_size,
        gradient_accumulation_steps=opts.gradient_accumulation_steps,
        dataloader_num_workers=opts.dataloader_num_workers, use_cpu=device == "cpu",
        bf16=opts.bf16, fp16=opts.fp16, report_to="none", disable_tqdm=not opts.progress,
        remove_unused_columns=False, label_names=["labels"], save_only_model=True,
        ddp_backend=("gloo" if device == "cpu" else None) if world_size() > 1 else None,
        ddp_find_unused_parameters=False,
    )
    args.update(num_train_epochs=opts.epochs, max_steps=opts.max_steps or -1,
                learning_rate=opts.learning_rate, weight_decay=opts.weight_decay,
                warmup_steps=opts.warmup_ratio, lr_scheduler_type="linear", max_grad_norm=opts.max_grad_norm,
                logging_strategy="epoch",
                eval_strategy="epoch" if has_dev else "no", save_strategy="epoch" if has_dev else "no",
                load_best_model_at_end=has_dev, metric_for_best_model="macro_f1" if has_dev else None,
                greater_is_better=True, save_total_limit=1 if has_dev else None)
    if opts.group_by_length:
        args.update(_length_grouping())
    args.update(overrides)
    return TrainingArguments(**args)


def _length_grouping() -> dict[str, Any]:
    """Trainer's length-grouped sampling (LengthGroupedSampler: random mega-batches, each sorted by
    length), under the name this transformers version uses: ``train_sampling_strategy`` (5.x) or
    ``group_by_length`` (4.x). Batches of like lengths halve the padded tokens of the training
    clauses (median 49 pieces, 12 % at the 128 cap: 202k padded tokens an epoch at random, 104k grouped)."""
    import dataclasses

    names = {f.name for f in dataclasses.fields(TrainingArguments)}
    if "train_sampling_strategy" in names:
        return {"train_sampling_strategy": "group_by_length"}
    return {"group_by_length": True}


@torch.inference_mode()
def pooled_features(model, tokenizer, texts: Sequence[str], max_length: int, batch_size: int) -> torch.Tensor:
    """Eval-mode pooled vectors [n, h] (float32, on the CPU), batched in length order."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
    out = torch.zeros(len(texts), model.config.hidden_size)
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        enc = tokenizer([texts[i] for i in idx], truncation=True, max_length=max_length, padding=True,
                        return_tensors="pt")
        out[idx] = model.encode(enc["input_ids"].to(device), enc["attention_mask"].to(device)).float().cpu()
    model.train(was_training)
    return out


def linear_probe(model, feats: torch.Tensor, y: torch.Tensor, opts: FitOptions) -> list[float]:
    """Phase 1: the heads alone on pooled features [n, h] for ``probe_epochs`` epochs (AdamW at the
    constant ``probe_learning_rate``, batches of ``batch_size``, dropout on). Returns the mean loss
    of every epoch.

    A plain loop, not a Trainer: Trainer's per-step overhead (~90 ms measured here on 2 cores)
    times 20 steps x 200 epochs made the probe 6 minutes instead of seconds. Every rank of a
    data-parallel launch runs the same seeded probe on all the data, so the heads agree without
    communication.
    """
    heads = model.heads
    optimizer = torch.optim.AdamW(heads.parameters(), lr=opts.probe_learning_rate, weight_decay=0.0)
    generator = torch.Generator().manual_seed(opts.seed + 1)
    model.train()
    losses = []
    for _ in range(opts.probe_epochs):
        order = torch.randperm(len(feats), generator=generator).to(feats.device)
        total, batches = 0.0, 0
        for b in range(0, len(order), opts.batch_size):
            idx = order[b:b + opts.batch_size]
            loss = model(pooled=feats[idx], labels=y[idx]).loss
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            total, batches = total + loss.item(), batches + 1
        losses.append(total / batches)
    return losses


def _quiet(trainer: Trainer, opts: FitOptions) -> Trainer:
    """Without progress output Trainer would still print every log dict (its PrinterCallback)."""
    if not opts.progress or not trainer.is_world_process_zero():
        trainer.remove_callback(PrinterCallback)
    return trainer


def fit_lpft(model, tokenizer, texts: Sequence[str], y: np.ndarray, dev: tuple[Sequence[str], np.ndarray] | None,
             opts: FitOptions, max_length: int, freeze) -> dict[str, Any]:
    """Train ``model`` in place (both phases); returns ``{"history": [...], "best_epoch", "steps",
    "world_size", "is_main_process"}`` (the last from accelerate's process state: rank 0 of a
    data-parallel launch, or a plain single process, writes the run).

    ``y`` / ``dev[1]``: flat label rows [n, K]. ``freeze(model)`` applies the fine-tuning freezing.
    """
    out = checkpoint_dir()
    args = training_arguments(opts, out, dev is not None)  # sets up the device and the process group
    slices = model.dim_slices()
    compute_metrics = make_compute_metrics(slices)
    history: list[dict[str, Any]] = []
    probe_state, probe_score, steps = None, -1.0, 0
    cached = dev_cached = None
    try:
        if opts.cache_layers:
            if opts.cache_layers > model.config.num_hidden_layers:
                raise PolicytagError(f"cache_frozen: freeze_layers is {opts.cache_layers} but the encoder has "
                                     f"{model.config.num_hidden_layers} layers")
            model.to(args.device)
            cached = frozen_states(model, tokenizer, texts, max_length, opts.eval_batch_size, opts.cache_layers)
            if dev is not None:
                dev_cached = frozen_states(model, tokenizer, dev[0], max_length, opts.eval_batch_size,
                                           opts.cache_layers)
        if opts.probe_epochs:
            device = args.device
            model.to(device)
            for p in model.bert.parameters():
                p.requires_grad_(False)
            feats = cached.pooled if cached is not None else pooled_features(
                model, tokenizer, texts, max_length, opts.eval_batch_size)
            losses = linear_probe(model, feats.to(device), torch.as_tensor(y, dtype=torch.float32, device=device), opts)
            record = {"epoch": 0, "phase": "probe", "probe_epochs": opts.probe_epochs,
                      "train_loss_start": round(losses[0], 5) if losses else None,
                      "train_loss": round(losses[-1], 5) if losses else None}
            if dev is not None:
                dev_feats = dev_cached.pooled if dev_cached is not None else pooled_features(
                    model, tokenizer, dev[0], max_length, opts.eval_batch_size)
                model.eval()
                with torch.inference_mode():
                    logits = model(pooled=dev_feats.to(device)).logits.float().cpu().numpy()
                probe_score = dev_scores(logits, dev[1], slices)["macro_f1"]
                record["dev_macro_f1"] = round(probe_score, 5)
                probe_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
            history.append(record)
            if opts.progress and args.should_log:
                print("linear probe: " + ", ".join(f"{k} {v}" for k, v in record.items() if k != "epoch"), flush=True)
            for p in model.bert.parameters():
                p.requires_grad_(True)
        if opts.epochs > 0 and (opts.max_steps is None or opts.max_steps > 0):
            freeze(model)
            if cached is not None:
                train_ds, collator = CachedClauses(cached, y), collate_states
                dev_ds = CachedClauses(dev_cached, dev[1]) if dev is not None else None
                upper_only = model.cached_lower(opts.cache_layers)
            else:
                train_ds = TokenizedClauses(tokenizer, texts, y, max_length)
                dev_ds = TokenizedClauses(tokenizer, dev[0], dev[1], max_length) if dev is not None else None
                collator = DataCollatorWithPadding(tokenizer, return_tensors="pt")
                upper_only = contextlib.nullcontext()
            callbacks = [EarlyStoppingCallback(early_stopping_patience=opts.patience)] if dev is not None else []
            with upper_only:  # entered before Trainer seeds the run: building the upper encoder draws random numbers
                trainer = TaggingTrainer(
                    model=model, args=args, train_dataset=train_ds, eval_dataset=dev_ds, data_collator=collator,
                    compute_metrics=compute_metrics if dev is not None else None, callbacks=callbacks,
                    head_learning_rate=opts.head_learning_rate)
                trainer = _quiet(trainer, opts)
                trainer.train()
            steps = trainer.state.global_step
            history.extend(_epoch_records(trainer.state.log_history))
            best = trainer.state.best_metric
            if probe_state is not None and (best is None or probe_score > best + 1e-9):
                model.load_state_dict(probe_state)  # the probe beat every fine-tuning epoch
                for r in history:
                    r.pop("best", None)
                history[0]["best"] = True
            elif best is not None:
                for r in history:
                    if r.get("phase") != "probe" and r.get("dev_macro_f1") is not None \
                            and abs(r["dev_macro_f1"] - round(best, 5)) < 1e-9:
                        r["best"] = True
                        break
            trainer.accelerator.wait_for_everyone()
        elif probe_state is not None:
            history[0]["best"] = True
    finally:
        if args.should_save:  # one rank removes the checkpoints the ranks of a launch share
            shutil.rmtree(out, ignore_errors=True)
    model.eval()
    best_epoch = next((r["epoch"] for r in history if r.get("best")), history[-1]["epoch"] if history else 0)
    return {"history": history, "best_epoch": best_epoch, "steps": steps, "world_size": args.world_size,
            "is_main_process": args.should_save}


def _epoch_records(log_history: list[dict]) -> list[dict[str, Any]]:
    """Trainer's log history -> one record per fine-tuning epoch (train loss, dev scores)."""
    records: dict[int, dict[str, Any]] = {}
    for h in log_history:
        if "epoch" not in h:
            continue
        epoch = max(1, int(round(h["epoch"])))
        rec = records.setdefault(epoch, {"epoch": epoch})
        if "loss" in h:
            rec["train_loss"] = round(float(h["loss"]), 5)
        if "step" in h:
            rec["steps"] = int(h["step"])
        for key in ("eval_macro_f1", "eval_sector_macro_f1", "eval_measure_type_macro_f1"):
            if key in h:
                rec[key.replace("eval_", "dev_")] = round(float(h[key]), 5)
    return [records[k] for k in sorted(records)]

