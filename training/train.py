"""Train a tagger from a (validated) config and write the run directory.

``split.mode: temporal`` (default): fit on train years, tune thresholds on dev years, evaluate on
test years; optionally cross-validate the same recipe (``split.cv``).

``split.mode: all`` (the shipped default model): fit on every gold clause; the per-label
thresholds come from out-of-fold predictions (``split.folds``-fold iterative stratification:
each fold's model predicts the clauses it did not see), so no label is held out from the final
model. Its metrics are the out-of-fold figures (``metrics["oof"]``; thresholds were tuned on the
same predictions, so they are slightly optimistic); there is no test split.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from sklearn.base import clone

from policytag.labels import label_matrix
from policytag.models.base import Tagger
from policytag.models.registry import build_tagger as build_registered
from policytag.models.runs import save_run
from policytag.paths import runs_dir
from policytag.taxonomy import DIMENSIONS, load_taxonomy

from .config import resolved_path
from .challenge import extra_metrics, has_training_only, with_augment
from .data import Dataset, load_dataset
from .metrics import evaluate_labels, mean_metrics
from .splits import Split, kfold_splits, temporal_split


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch
    except ImportError:
        return
    torch.manual_seed(seed)


def build_tagger(config: dict[str, Any]) -> Tagger:
    """The tagger ``config["model"]`` describes (params already validated by ``load_config``)."""
    return build_registered(config["model"]["type"], config["model"].get("params"), seed=config["seed"])


def config_dataset(config: dict) -> Dataset:
    """The gold dataset a config names (paths resolved as ``training.config`` documents)."""
    return load_dataset(resolved_path(config, config["data"]["gold"]), resolved_path(config, config["data"]["corpus"]))


def fit_on_split(config: dict, data: Dataset, split: Split) -> tuple[Tagger, float]:
    set_seed(config["seed"])
    tagger = build_tagger(config)
    train, dev = with_augment(config, data.subset(split.train)), data.subset(split.dev)
    start = time.perf_counter()
    tagger.fit(train.clauses, train.labels, dev.clauses, dev.labels)
    return tagger, time.perf_counter() - start


def evaluate_on(tagger: Tagger, data: Dataset, indices) -> tuple[dict, float]:
    """Metrics on the given examples and the throughput measured while predicting them."""
    part = data.subset(indices)
    start = time.perf_counter()
    pred = tagger.predict(part.clauses)
    elapsed = time.perf_counter() - start
    return evaluate_labels(part.labels, pred, load_taxonomy()), len(part.clauses) / max(elapsed, 1e-9)


def cv_config(config: dict) -> dict:
    """The config CV folds train with: ``model.params`` updated by ``model.cv_params`` (if any).

    Lets an expensive recipe (BERT) be cross-validated with a smaller, documented budget.
    """
    overrides = config["model"].get("cv_params") or {}
    if not overrides:
        return config
    model = {**config["model"], "params": {**(config["model"].get("params") or {}), **overrides}}
    return {**config, "model": model}


def cross_validate(config: dict, data: Dataset) -> dict:
    folds = []
    config = cv_config(config)
    for split in kfold_splits(data, folds=config["split"]["folds"], seed=config["seed"]):
        tagger, _ = fit_on_split(config, data, split)
        folds.append(evaluate_on(tagger, data, split.test)[0])
    return mean_metrics(folds)


def temporal(config: dict, data: Dataset) -> Split:
    s = config["split"]
    return temporal_split(data, s["train_until"], s["dev_years"], s["test_years"])


def oof_proba(config: dict, data: Dataset) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities ``{dim: [n, k]}``: every clause scored by a model of the recipe
    fitted on the other folds (no dev data: thresholds are not needed for probabilities)."""
    taxonomy = load_taxonomy()
    out = {dim: np.zeros((len(data.examples), len(taxonomy[dim].ids))) for dim in DIMENSIONS}
    prototype = build_tagger(config)
    for split in kfold_splits(data, folds=config["split"]["folds"], seed=config["seed"]):
        set_seed(config["seed"])
        train_idx = np.concatenate([split.train, split.dev])  # the inner dev part is not needed here
        part = with_augment(config, data.subset(train_idx))
        tagger = clone(prototype).fit(part.clauses, part.labels)
        proba = tagger.predict_proba(data.subset(split.test).clauses)
        for dim in DIMENSIONS:
            out[dim][split.test] = proba[dim]
    return out


def fit_all(config: dict, data: Dataset) -> tuple[Tagger, dict, float]:
    """Fit on every clause; thresholds from out-of-fold predictions; returns (tagger, OOF
    metrics, fit seconds)."""
    taxonomy = load_taxonomy()
    start = time.perf_counter()
    oof = oof_proba(config, data) if config["split"].get("oof_thresholds", True) else None
    set_seed(config["seed"])
    fit_data = with_augment(config, data)
    tagger = build_tagger(config).fit(fit_data.clauses, fit_data.labels)
    if oof is None:  # the tagger tuned its own thresholds (e.g. the hybrid's internal OOF)
        return tagger, {}, time.perf_counter() - start
    tagger.set_thresholds_from(oof, label_matrix(data.labels, taxonomy))
    seconds = time.perf_counter() - start
    metrics = evaluate_labels(data.labels, tagger.decode(oof), taxonomy)
    return tagger, metrics, seconds


def train(config: dict, out_dir: str | Path | None = None, overwrite: bool = False,
          info: dict[str, Any] | None = None) -> Path:
    """Train as ``config`` says and write the run directory (default ``RUNS_DIR/NAME``).

    ``info``: extra keys for run.json (e.g. the default model's recipe fingerprint).
    """
    out_dir = Path(out_dir) if out_dir else runs_dir() / config["name"]
    data = config_dataset(config)
    if config["split"].get("mode") == "all":
        tagger, oof_metrics, train_seconds = fit_all(config, data)
        start = time.perf_counter()
        tagger.predict(data.clauses[:64])
        throughput = min(64, len(data.clauses)) / max(time.perf_counter() - start, 1e-9)
        metrics = {"split": "all", "sizes": {"train": len(data.examples)}}
        if oof_metrics:
            metrics["oof"] = oof_metrics
        metrics.update(extra_metrics(config, tagger, None if has_training_only(config) else data))
        if config["split"].get("cv"):
            metrics["cv"] = cross_validate(config, data)
        run_info = {"train_seconds": round(train_seconds, 2), "throughput_clauses_per_s": round(throughput, 1),
                    "seed": config["seed"], **getattr(tagger, "train_info_", {}), **(info or {})}
        return save_run(tagger, out_dir, config, metrics, data.data_hash, run_info, overwrite=overwrite)
    split = temporal(config, data)
    tagger, train_seconds = fit_on_split(config, data, split)
    test_metrics, throughput = evaluate_on(tagger, data, split.test)
    dev_metrics, _ = evaluate_on(tagger, data, split.dev)
    metrics = {"split": "temporal", "sizes": {"train": len(split.train), "dev": len(split.dev), "test": len(split.test)},
               "dev": dev_metrics, "test": test_metrics}
    metrics.update(extra_metrics(config, tagger, data, split.test))
    if config["split"].get("cv"):
        metrics["cv"] = cross_validate(config, data)
    run_info = {"train_seconds": round(train_seconds, 2), "throughput_clauses_per_s": round(throughput, 1),
                "seed": config["seed"], **getattr(tagger, "train_info_", {}), **(info or {})}
    # what a tagger's own model card (the BERT model dir's README.md) needs to know about the run
    tagger.card_context_ = {"config": config, "metrics": metrics, "data_hash": data.data_hash,
                            "sizes": metrics["sizes"]}
    if int(os.environ.get("RANK", "0")) != 0:
        return out_dir  # a secondary data-parallel worker (torchrun / accelerate launch): rank 0 writes the run
    return save_run(tagger, out_dir, config, metrics, data.data_hash, run_info, overwrite=overwrite)
