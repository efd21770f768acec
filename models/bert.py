"""Fine-tuned BERT tagger: one shared encoder, two multi-label heads (sector, measure_type).

The encoder is any Hugging Face BERT-style checkpoint: by default the offline conversion of
intfloat/multilingual-e5-small with its vocabulary pruned to the corpus
(``policytag pretrained build --prune-corpus data/corpus``), or a hub id for users who have a hub.

Recipe (Hugging Face example-script style, written for a 2-core CPU):

* input = ``clause_input`` (heading path + clause text), truncated to ``max_length`` pieces,
  padded per batch only (dynamic padding);
* clause vector = mean of the last hidden states over real tokens (``pooling="mean"``, e5's own
  pooling) or the ``[CLS]``/``<s>`` state (``pooling="cls"``);
* one linear head per dimension, sizes from the taxonomy; loss = sum over dimensions of
  ``BCEWithLogitsLoss(pos_weight)`` with ``pos_weight = n_neg / n_pos`` per label from the training
  labels, clipped to ``[1, max_pos_weight]`` (rare labels get recall without exploding gradients);
* optionally first a linear probe (``probe_epochs``): the heads alone on frozen pooled features,
  so fine-tuning starts from fitted heads (LP-FT);
* optionally the lower ``freeze_layers`` layers frozen, their outputs cached once per clause;
* AdamW (encoder ``learning_rate``, heads ``head_learning_rate``), linear warm-up then decay;
* after the probe and each epoch the dev set is scored (macro-F1 at per-label tuned thresholds, mean of both
  dimensions); the best epoch's weights are kept, training stops after ``patience`` epochs
  without improvement;
* the base class then tunes the final per-label thresholds on dev.

``shared_encoder=False`` trains one encoder per dimension instead (twice the cost); the choice of
the shared default is measured in docs/training.md. ``quantize=True`` runs inference through a
dynamic int8 copy of the model (``torch.ao.quantization.quantize_dynamic`` on every ``nn.Linear``).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import time
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from policytag import PROJECT_ROOT, PolicytagError
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS

from .base import NotFittedError, Tagger
from .features import inputs
from .thresholds import tune_thresholds

DEFAULT_MODEL = "artifacts/pretrained/multilingual-e5-small-pruned"
HEADS_FILE = "heads.pt"
#: (source, freeze_layers, max_length) -> {input text: frozen lower-layer states [t, h]}
_PRETRAINED_STATES: dict[tuple, dict] = {}
BERT_STATE_FILE = "bert_state.json"


def _torch():
    import torch  # imported lazily: the TF-IDF baseline and the CLI never pay for torch

    return torch


def resolve_model_path(model_name_or_path: str) -> str:
    """A local directory (absolute, or relative to the cwd or the repository root) or a hub id.

    Hub ids are passed through unchanged so ``from_pretrained`` keeps working for users with a hub;
    a missing local default gets a message that says how to build it offline.
    """
    for candidate in (Path(model_name_or_path), PROJECT_ROOT / model_name_or_path):
        if candidate.is_dir():
            return str(candidate)
    if model_name_or_path.startswith(("artifacts/", "/", "./", "../")):
        raise PolicytagError(
            f"pretrained model directory {model_name_or_path} not found; build it offline with "
            f"`policytag pretrained build --prune-corpus data/corpus -o {model_name_or_path}` "
            f"(or `policytag pretrained build` for the unpruned model)")
    return model_name_or_path


@contextlib.contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Use ``n`` intra-op threads (default: all cores) inside the block, restore afterwards.

    torch's default can exceed the cores this process really gets; pinning it also keeps
    inference reductions in the same order from run to run (identical figures on re-evaluation).
    """
    torch = _torch()
    before = torch.get_num_threads()
    torch.set_num_threads(max(1, n or os.cpu_count() or 1))
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


def _bidirectional_mask(encoder, hidden, attention_mask):
    """The attention mask format ``encoder``'s layers expect (SDPA/eager), from a [b, t] 0/1 mask."""
    try:
        from transformers.masking_utils import create_bidirectional_mask
    except ImportError:  # transformers 4.x: the additive [b, 1, 1, t] mask
        return encoder.get_extended_attention_mask(attention_mask, attention_mask.shape)
    return create_bidirectional_mask(config=encoder.config, inputs_embeds=hidden, attention_mask=attention_mask)


def _run_layer(layer, states, mask):
    out = layer(states, mask)
    return out[0] if isinstance(out, tuple) else out  # transformers 4.x layers return tuples


def _build_net(encoders: dict, hidden: int, sizes: dict[str, int], dropout: float, pooling: str):
    """``nn.Module`` with ``encoders`` (key "shared", or one per dimension) and one head per dimension."""
    torch = _torch()
    nn = torch.nn

    class MultiHeadTagger(nn.Module):
        """forward(input_ids [b, t], attention_mask [b, t]) -> {dim: logits [b, k_dim]}.

        ``bottom``/``top`` split an encoder after its first ``n`` layers, so training with frozen
        lower layers can run them once per clause and cache their output (see BertTagger).
        """

        def __init__(self):
            super().__init__()
            self.encoders = nn.ModuleDict(encoders)
            self.dropout = nn.Dropout(dropout)
            self.heads = nn.ModuleDict({dim: nn.Linear(hidden, k) for dim, k in sizes.items()})
            self.pooling = pooling

        def pool(self, states, attention_mask):
            """states [b, t, h], attention_mask [b, t] -> [b, h]."""
            if self.pooling == "cls":
                return states[:, 0]
            mask = attention_mask.unsqueeze(-1).to(states.dtype)  # [b, t, 1]
            return (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)

        def bottom(self, key, input_ids, attention_mask, n_layers):
            """Embeddings + the first ``n_layers`` layers: [b, t, h]."""
            enc = self.encoders[key]
            states = enc.embeddings(input_ids=input_ids)
            mask = _bidirectional_mask(enc, states, attention_mask)
            for layer in enc.encoder.layer[:n_layers]:
                states = _run_layer(layer, states, mask)
            return states

        def top(self, key, states, attention_mask, n_layers):
            """Layers ``n_layers``.. on bottom states [b, t, h], then pooling: [b, h]."""
            enc = self.encoders[key]
            mask = _bidirectional_mask(enc, states, attention_mask)
            for layer in enc.encoder.layer[n_layers:]:
                states = _run_layer(layer, states, mask)
            return self.pool(states, attention_mask)

        def classify(self, pooled: dict):
            """pooled {encoder key: [b, h]} -> {dim: logits [b, k_dim]}."""
            return {dim: head(self.dropout(pooled.get("shared", pooled.get(dim)))) for dim, head in self.heads.items()}

        def forward(self, input_ids, attention_mask):
            pooled = {key: self.pool(enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state,
                                     attention_mask)
                      for key, enc in self.encoders.items()}
            return self.classify(pooled)

    return MultiHeadTagger()


class BertTagger(Tagger):
    """Fine-tuned BERT encoder with a multi-label head per taxonomy dimension.

    Parameters mirror a Hugging Face training script; everything is JSON-serialisable and saved
    with the run. ``max_steps`` (if set) caps optimisation steps across epochs (smoke tests).
    """

    name = "bert"

    def __init__(self, model_name_or_path: str = DEFAULT_MODEL, max_length: int = 256, pooling: str = "mean",
                 shared_encoder: bool = True, freeze_embeddings: bool = True, freeze_layers: int = 0, probe_epochs: int = 0,
                 probe_learning_rate: float = 5e-3, epochs: int = 10,
                 batch_size: int = 16, learning_rate: float = 5e-5, head_learning_rate: float = 1e-3,
                 weight_decay: float = 0.01, warmup_ratio: float = 0.1, dropout: float = 0.1,
                 max_pos_weight: float = 10.0, patience: int = 3, max_steps: int | None = None,
                 eval_batch_size: int = 32, num_threads: int | None = None, quantize: bool = False,
                 progress: bool = True, seed: int = 13, use_heading: bool = True, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        if pooling not in ("mean", "cls"):
            raise PolicytagError(f"pooling must be 'mean' or 'cls', not {pooling!r}")
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

    _PARAMS = ("model_name_or_path", "max_length", "pooling", "shared_encoder", "freeze_embeddings", "freeze_layers", "probe_epochs", "probe_learning_rate", "epochs",
               "batch_size", "learning_rate", "head_learning_rate", "weight_decay", "warmup_ratio", "dropout",
               "max_pos_weight", "patience", "max_steps", "eval_batch_size", "num_threads", "quantize",
               "progress", "seed", "use_heading")

    def params(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self._PARAMS}

    # -- model construction ------------------------------------------------------------------
    def _encoder_keys(self) -> list[str]:
        return ["shared"] if self.shared_encoder else list(DIMENSIONS)

    def _init_model(self, source: str | Path, encoder_dirs: dict[str, Path] | None = None) -> None:
        """Tokenizer + net from ``source`` (pretrained start) or from a saved run's encoder dirs."""
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer_ = AutoTokenizer.from_pretrained(source)
        encoders = {key: AutoModel.from_pretrained((encoder_dirs or {}).get(key, source), add_pooling_layer=False)
                    for key in self._encoder_keys()}
        hidden = next(iter(encoders.values())).config.hidden_size
        sizes = {dim: len(self.taxonomy[dim].ids) for dim in DIMENSIONS}
        self.net_ = _build_net(encoders, hidden, sizes, self.dropout, self.pooling)
        self._quantized_ = None

    def _encode(self, texts: Sequence[str]):
        """Tokenised batch: ``input_ids``/``attention_mask`` int64 [b, t], t = longest (<= max_length)."""
        return self.tokenizer_(list(texts), truncation=True, max_length=self.max_length, padding=True,
                               return_tensors="pt")

    # -- training ------------------------------------------------------------------------------
    def _freeze(self) -> None:
        for enc in self.net_.encoders.values():
            if self.freeze_embeddings or self.freeze_layers:
                # the word-embedding matrix is most of the parameters; on a few hundred clauses its
                # update is noise, and freezing it saves optimiser memory and time
                enc.embeddings.word_embeddings.weight.requires_grad_(False)
            if self.freeze_layers:
                for p in [*enc.embeddings.parameters(), *enc.encoder.layer[:self.freeze_layers].parameters()]:
                    p.requires_grad_(False)

    def _bottom_cache(self, texts: Sequence[str]) -> dict[str, list]:
        """Frozen-part output per clause: ``{encoder key: [tensor [t_i, h]]}`` (eval mode, computed once).

        With the lower ``freeze_layers`` layers frozen their output never changes, so each epoch only
        runs the upper layers (10 of 12 frozen: an epoch is ~6x cheaper). The frozen part is still
        the pretrained model, so its outputs are also memoised across fits in this process
        (``_PRETRAINED_STATES``): the CV folds of ``policytag train --cv`` reuse them.
        """
        torch = _torch()
        # every encoder starts from the same pretrained weights: one memo serves all of them
        source = getattr(self, "_source_key_", None)
        memo = _PRETRAINED_STATES.setdefault((source, self.freeze_layers, self.max_length), {}) if source else {}
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        order = sorted(missing, key=len)
        self.net_.eval()
        key0 = next(iter(self.net_.encoders))
        with torch.inference_mode():
            for b in range(0, len(order), self.eval_batch_size):
                batch = order[b:b + self.eval_batch_size]
                enc = self._encode(batch)
                lengths = enc["attention_mask"].sum(1).tolist()
                states = self.net_.bottom(key0, enc["input_ids"], enc["attention_mask"], self.freeze_layers)
                for row, text in enumerate(batch):
                    memo[text] = states[row, :lengths[row]].clone()
        rows = [memo[t] for t in texts]
        return {key: rows for key in self.net_.encoders}

    def _logits(self, texts, idx, cache):
        """Logits for clauses ``idx``: full forward, or the upper layers on cached lower-layer states."""
        return self.net_.classify(self._pooled(texts, idx, cache))

    def _probe(self, texts, cache, targets, losses) -> tuple[float, float]:
        """Linear probing: train only the heads on frozen pooled features [n, h] for ``probe_epochs``.

        The heads start random; fine-tuning the encoder under random heads spends the few
        affordable epochs on fitting the heads (LP-FT, Kumar et al. 2022). Features come from one
        eval-mode pass, so probing costs seconds. Returns (first, last) epoch mean loss.
        """
        torch = _torch()
        self.net_.eval()
        feats = {key: [] for key in self.net_.encoders}
        with torch.inference_mode():
            for b in range(0, len(texts), self.eval_batch_size):
                idx = list(range(b, min(b + self.eval_batch_size, len(texts))))
                pooled = self._pooled(texts, idx, cache)
                for key in feats:
                    feats[key].append(pooled[key])
        feats = {key: torch.cat(v).clone() for key, v in feats.items()}
        heads = self.net_.heads
        optimizer = torch.optim.AdamW(heads.parameters(), lr=self.probe_learning_rate, weight_decay=0.0)
        generator = torch.Generator().manual_seed(self.seed + 1)
        self.net_.train()
        first = last = float("nan")
        for epoch in range(self.probe_epochs):
            order = torch.randperm(len(texts), generator=generator)
            total, batches = 0.0, 0
            for b in range(0, len(order), self.batch_size):
                idx = order[b:b + self.batch_size]
                logits = self.net_.classify({key: f[idx] for key, f in feats.items()})
                loss = sum(losses[dim](logits[dim], targets[dim][idx]) for dim in DIMENSIONS)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
                total, batches = total + loss.item(), batches + 1
            last = total / batches
            first = last if epoch == 0 else first
        return first, last

    def _pooled(self, texts, idx, cache):
        """{encoder key: pooled [b, h]} for clauses ``idx`` (cached lower layers when available)."""
        if cache is None:
            enc = self._encode([texts[i] for i in idx])
            return {key: self.net_.pool(e(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"])
                                        .last_hidden_state, enc["attention_mask"])
                    for key, e in self.net_.encoders.items()}
        torch = _torch()
        pooled = {}
        for key, states in cache.items():
            rows = [states[i] for i in idx]
            mask = torch.zeros(len(rows), max(len(r) for r in rows), dtype=torch.long)
            for j, r in enumerate(rows):
                mask[j, :len(r)] = 1
            padded = torch.nn.utils.rnn.pad_sequence(rows, batch_first=True)  # [b, t, h]
            pooled[key] = self.net_.top(key, padded, mask, self.freeze_layers)
        return pooled

    def _fit(self, clauses, y, dev) -> None:
        torch = _torch()
        from tqdm.auto import tqdm

        torch.manual_seed(self.seed)  # head initialisation and dropout masks
        start = time.perf_counter()
        source = resolve_model_path(self.model_name_or_path)
        self._init_model(source)
        weights = Path(source) / "model.safetensors"
        # memo key for the frozen pretrained states: the local weights file and its mtime (or the hub id)
        self._source_key_ = f"{weights.resolve()}@{weights.stat().st_mtime_ns}" if weights.exists() else source
        net = self.net_
        self._freeze()
        texts = inputs(clauses, self.use_heading)
        dev_texts = inputs(dev[0], self.use_heading) if dev is not None else None
        with torch_threads(self.num_threads):
            cache = self._bottom_cache(texts) if self.freeze_layers else None
            dev_cache = self._bottom_cache(dev_texts) if self.freeze_layers and dev is not None else None
        targets = {dim: torch.tensor(y[dim], dtype=torch.float32) for dim in DIMENSIONS}
        losses = {dim: torch.nn.BCEWithLogitsLoss(
            pos_weight=torch.tensor(pos_weights(y[dim], self.max_pos_weight), dtype=torch.float32))
            for dim in DIMENSIONS}

        head_params = list(net.heads.parameters())
        enc_decay, enc_no_decay = [], []
        for name, p in net.encoders.named_parameters():
            if p.requires_grad:
                (enc_no_decay if "LayerNorm" in name or name.endswith("bias") else enc_decay).append(p)
        optimizer = torch.optim.AdamW([
            {"params": enc_decay, "lr": self.learning_rate, "weight_decay": self.weight_decay},
            {"params": enc_no_decay, "lr": self.learning_rate, "weight_decay": 0.0},
            {"params": head_params, "lr": self.head_learning_rate, "weight_decay": 0.0},
        ])
        trainable = [p for g in optimizer.param_groups for p in g["params"]]
        steps_per_epoch = -(-len(texts) // self.batch_size)
        total = steps_per_epoch * self.epochs
        if self.max_steps:
            total = min(total, self.max_steps)
        warmup = int(self.warmup_ratio * total)
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda s: (s + 1) / max(1, warmup) if s < warmup else max(0.0, (total - s) / max(1, total - warmup)))

        generator = torch.Generator().manual_seed(self.seed)
        history, best, best_state, bad_epochs, step = [], -1.0, None, 0, 0
        with torch_threads(self.num_threads):
            if self.probe_epochs:
                first, last = self._probe(texts, cache, targets, losses)
                record = {"epoch": 0, "phase": "probe", "probe_epochs": self.probe_epochs,
                          "train_loss_start": round(first, 5), "train_loss": round(last, 5)}
                if dev is not None:
                    best = record["dev_macro_f1"] = round(self._dev_score(dev_texts, dev[1], dev_cache), 5)
                    best_state, record["best"] = copy.deepcopy(net.state_dict()), True
                history.append(record)
                if self.progress:
                    print("linear probe: " + ", ".join(f"{k} {v}" for k, v in record.items() if k != "epoch"))
            bar = tqdm(total=total, desc="bert fine-tune", unit="step", disable=not self.progress)
            for epoch in range(1, self.epochs + 1):
                net.train()
                order = torch.randperm(len(texts), generator=generator).tolist()
                epoch_loss, batches = 0.0, 0
                for b in range(0, len(order), self.batch_size):
                    idx = order[b:b + self.batch_size]
                    logits = self._logits(texts, idx, cache)
                    loss = sum(losses[dim](logits[dim], targets[dim][idx]) for dim in DIMENSIONS)
                    optimizer.zero_grad(set_to_none=True)
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(trainable, 1.0)
                    optimizer.step()
                    scheduler.step()
                    epoch_loss += loss.item()
                    batches += 1
                    step += 1
                    bar.update(1)
                    bar.set_postfix(epoch=epoch, loss=f"{epoch_loss / batches:.4f}")
                    if step >= total:
                        break
                record = {"epoch": epoch, "steps": step, "train_loss": round(epoch_loss / max(1, batches), 5)}
                if dev is not None:
                    record["dev_macro_f1"] = round(self._dev_score(dev_texts, dev[1], dev_cache), 5)
                    if record["dev_macro_f1"] > best + 1e-9:
                        best, bad_epochs = record["dev_macro_f1"], 0
                        best_state = copy.deepcopy(net.state_dict())
                        record["best"] = True
                    else:
                        bad_epochs += 1
                history.append(record)
                if self.progress:
                    bar.write(f"epoch {epoch}: " + ", ".join(f"{k} {v}" for k, v in record.items() if k != "epoch"))
                if step >= total or (dev is not None and bad_epochs >= self.patience):
                    break
            bar.close()
        if best_state is not None:
            net.load_state_dict(best_state)
        net.eval()
        best_epoch = next((r["epoch"] for r in reversed(history) if r.get("best")), history[-1]["epoch"] if history else 0)
        # read by training.train and stored in run.json
        self.train_info_ = {"history": history, "best_epoch": best_epoch, "steps": step,
                            "fit_seconds": round(time.perf_counter() - start, 2),
                            "num_threads": self.num_threads or os.cpu_count()}

    def _dev_score(self, texts, y: dict[str, np.ndarray], cache) -> float:
        """Mean over dimensions of dev macro-F1 (labels present in dev) at per-label tuned thresholds."""
        torch = _torch()
        self.net_.eval()
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
        proba = {dim: np.zeros(y[dim].shape) for dim in DIMENSIONS}
        with torch.inference_mode():
            for b in range(0, len(order), self.eval_batch_size):
                idx = order[b:b + self.eval_batch_size]
                logits = self._logits(texts, idx, cache)
                for dim in DIMENSIONS:
                    proba[dim][idx] = torch.sigmoid(logits[dim]).double().numpy()
        scores = []
        for dim in DIMENSIONS:
            yd = y[dim]
            pred = proba[dim] >= tune_thresholds(proba[dim], yd)[None, :]
            tp = (pred & (yd == 1)).sum(0)
            denom = pred.sum(0) + yd.sum(0)
            present = yd.sum(0) > 0
            f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
            scores.append(float(f1[present].mean()) if present.any() else 0.0)
        return float(np.mean(scores))

    # -- inference -----------------------------------------------------------------------------
    def quantized_net(self):
        """Dynamic int8 copy of the net (every ``nn.Linear``: weights int8, activations quantised per batch)."""
        torch = _torch()
        if getattr(self, "_quantized_", None) is None:
            self._quantized_ = torch.ao.quantization.quantize_dynamic(
                copy.deepcopy(self.net_).eval(), {torch.nn.Linear}, dtype=torch.qint8)
        return self._quantized_

    def predict_proba(self, clauses: Sequence[Clause], use_quantized: bool | None = None) -> dict[str, np.ndarray]:
        """``{dim: float64 [n, k_dim]}`` sigmoid probabilities, taxonomy column order.

        Clauses are batched in length order (less padding); the batches depend only on the input,
        so the same clauses always give the same figures.
        """
        if not hasattr(self, "net_"):
            raise NotFittedError("BertTagger is not fitted yet: call fit() or load a run")
        torch = _torch()
        quantized = self.quantize if use_quantized is None else use_quantized
        net = self.quantized_net() if quantized else self.net_
        was_training = net.training
        net.eval()
        texts = inputs(clauses, self.use_heading)
        lengths = [len(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: (lengths[i], i))
        out = {dim: np.zeros((len(texts), len(self.taxonomy[dim].ids)), dtype=np.float64) for dim in DIMENSIONS}
        with torch_threads(self.num_threads), torch.inference_mode():
            for b in range(0, len(order), self.eval_batch_size):
                idx = order[b:b + self.eval_batch_size]
                enc = self._encode([texts[i] for i in idx])
                logits = net(enc["input_ids"], enc["attention_mask"])
                for dim in DIMENSIONS:
                    out[dim][idx] = torch.sigmoid(logits[dim]).double().numpy()
        net.train(was_training)
        return out

    # -- persistence ---------------------------------------------------------------------------
    def _save_state(self, directory: Path) -> None:
        """``encoder/`` (or ``encoder-<dim>/``): save_pretrained weights + tokenizer; ``heads.pt``."""
        torch = _torch()
        for key, enc in self.net_.encoders.items():
            sub = directory / ("encoder" if key == "shared" else f"encoder-{key}")
            enc.save_pretrained(sub)
            self.tokenizer_.save_pretrained(sub)
        torch.save(self.net_.heads.state_dict(), directory / HEADS_FILE)
        (directory / BERT_STATE_FILE).write_text(json.dumps(
            {"encoders": self._encoder_keys(), "source_model": self.model_name_or_path,
             "train_info": getattr(self, "train_info_", {})}, indent=2), encoding="utf-8")

    def _load_state(self, directory: Path) -> None:
        torch = _torch()
        dirs = {key: directory / ("encoder" if key == "shared" else f"encoder-{key}") for key in self._encoder_keys()}
        self._init_model(next(iter(dirs.values())), encoder_dirs=dirs)
        self.net_.heads.load_state_dict(torch.load(directory / HEADS_FILE, map_location="cpu", weights_only=True))
        self.net_.eval()
        state = directory / BERT_STATE_FILE
        if state.exists():
            self.train_info_ = json.loads(state.read_text(encoding="utf-8")).get("train_info", {})
