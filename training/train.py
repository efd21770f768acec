"""Train a tagger from a config on the temporal split, tune thresholds on dev, evaluate on test,
optionally cross-validate the same recipe, and write the run directory."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from policytag.models.base import Tagger
from policytag.models.runs import RUNS_DIR, save_run, tagger_class
from policytag.taxonomy import load_taxonomy

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
    params = dict(config["model"].get("params") or {})
    cls = tagger_class(config["model"]["type"])
    if "random_state" in cls.__init__.__code__.co_varnames and "random_state" not in params:
        params["random_state"] = config["seed"]
    if "seed" in cls.__init__.__code__.co_varnames and "seed" not in params:
        params["seed"] = config["seed"]
    return cls(**params)


def fit_on_split(config: dict, data: Dataset, split: Split) -> tuple[Tagger, float]:
    set_seed(config["seed"])
    tagger = build_tagger(config)
    train, dev = data.subset(split.train), data.subset(split.dev)
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


def train(config: dict, out_dir: str | Path | None = None, overwrite: bool = False) -> Path:
    data = load_dataset(config["data"]["gold"], config["data"]["corpus"])
    split = temporal(config, data)
    tagger, train_seconds = fit_on_split(config, data, split)
    test_metrics, throughput = evaluate_on(tagger, data, split.test)
    dev_metrics, _ = evaluate_on(tagger, data, split.dev)
    metrics = {"split": "temporal", "sizes": {"train": len(split.train), "dev": len(split.dev), "test": len(split.test)},
               "dev": dev_metrics, "test": test_metrics}
    if config["split"].get("cv"):
        metrics["cv"] = cross_validate(config, data)
    info = {"train_seconds": round(train_seconds, 2), "throughput_clauses_per_s": round(throughput, 1),
            "seed": config["seed"], **getattr(tagger, "train_info_", {})}
    out_dir = Path(out_dir) if out_dir else RUNS_DIR / config["name"]
    # what a tagger's own model card (the BERT model dir's README.md) needs to know about the run
    tagger.card_context_ = {"config": config, "metrics": metrics, "data_hash": data.data_hash,
                            "sizes": metrics["sizes"]}
    if int(os.environ.get("RANK", "0")) != 0:
        return out_dir  # a secondary data-parallel worker (torchrun / accelerate launch): rank 0 writes the run
    return save_run(tagger, out_dir, config, metrics, data.data_hash, info, overwrite=overwrite)
