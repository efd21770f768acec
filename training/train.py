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

import hashlib
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from sklearn.base import clone

from policytag import ConfigError, PolicytagError
from policytag.labels import label_matrix
from policytag.models.base import Tagger
from policytag.models.registry import build_tagger as build_registered
from policytag.models.runs import save_run
from policytag.paths import runs_dir
from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS, load_taxonomy

from .config import check_data_files, data_file
from .challenge import extra_metrics, has_training_only, with_augment
from .data import Dataset, Example, load_dataset
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


def config_dataset(config: dict, run_config: str | Path | None = None) -> Dataset:
    """The gold dataset a config names (paths resolved as ``training.config`` documents);
    ``run_config``: the saved run's config file, named when the data is not found."""
    return load_dataset(data_file(config, "gold", run_config), data_file(config, "corpus", run_config))


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


def folds_progress(splits: list[Split], what: str) -> Iterable[Split]:
    """A progress bar over the K fits of CV / out-of-fold thresholds, on a terminal only (tqdm's
    ``disable=None``: logs and tests stay clean). K fits of a hybrid or a transformer are minutes
    with nothing on the screen otherwise."""
    from tqdm.auto import tqdm

    return tqdm(splits, desc=what, unit="fold", disable=None, file=sys.stderr, leave=False)


def cross_validate(config: dict, data: Dataset) -> dict:
    folds = []
    config = cv_config(config)
    splits = kfold_splits(data, folds=config["split"]["folds"], seed=config["seed"])
    for split in folds_progress(splits, "cross-validation"):
        tagger, _ = fit_on_split(config, data, split)
        folds.append(evaluate_on(tagger, data, split.test)[0])
    return mean_metrics(folds)


def _check_split_years(config: dict, data: Dataset) -> None:
    """One line naming the split key whose years hold no gold clause (the bare "temporal split is
    empty somewhere (train 310, dev 69, test 0)" named neither the config nor the key)."""
    s = config["split"]
    years = sorted({e.clause.year for e in data.examples if e.clause.year is not None})
    parts = (("train_until", [y for y in years if y <= s["train_until"]], f"in or before {s['train_until']}"),
             ("dev_years", [y for y in years if y in s["dev_years"]], f"in {s['dev_years']}"),
             ("test_years", [y for y in years if y in s["test_years"]], f"in {s['test_years']}"))
    for key, found, where in parts:
        if not found and years:
            raise ConfigError(f"{config.get('source') or '<config>'}: split.{key}: no gold clause {where} "
                              f"(the gold clauses are of {years[0]}-{years[-1]})")


def temporal(config: dict, data: Dataset) -> Split:
    s = config["split"]
    _check_split_years(config, data)
    return temporal_split(data, s["train_until"], s["dev_years"], s["test_years"])


def oof_proba(config: dict, data: Dataset) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities ``{dim: [n, k]}``: every clause scored by a model of the recipe
    fitted on the other folds (no dev data: thresholds are not needed for probabilities)."""
    taxonomy = load_taxonomy()
    out = {dim: np.zeros((len(data.examples), len(taxonomy[dim].ids))) for dim in DIMENSIONS}
    prototype = build_tagger(config)
    splits = kfold_splits(data, folds=config["split"]["folds"], seed=config["seed"])
    for split in folds_progress(splits, "out-of-fold thresholds"):
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


@dataclass
class RecipeData:
    """What a recipe trains and is scored on: the gold dataset with the extra rows merged in.

    ``data`` holds gold's examples (in gold order; a row for a gold clause replaces its labels)
    followed by the new clauses the rows add. ``split`` is the temporal split (None in
    ``split.mode: all``): gold follows ``temporal_split`` exactly as ``policytag train`` without
    rows; an added clause of a dev year is a dev clause, of any other year (or none) a training
    clause. Rows about the test years (or a test clause) are never used: the held-out figure stays
    honest. ``counts`` says what happened to the rows (run.json ``metrics["extra_rows"]``).
    """

    data: Dataset
    split: Split | None
    counts: dict[str, int]


def _row_example(row: dict[str, Any], n: int) -> Example:
    try:
        clause = Clause.from_row(row)
    except ValueError as exc:
        raise PolicytagError(f"extra training row {n}: {exc}") from None
    return Example(clause, Labels(tuple(row.get("sector") or ()), tuple(row.get("measure_type") or ())))


def recipe_data(config: dict, extra_rows: Sequence[dict[str, Any]] = ()) -> RecipeData:
    """The recipe's gold dataset plus ``extra_rows`` (labelled rows as ``annotate pull`` writes
    them: ``clause_id``, ``text``, ``sector``, ``measure_type``, optional ``doc_id``, ``year``,
    ``heading_path``), split as the recipe says (see :class:`RecipeData`)."""
    gold = config_dataset(config)
    s = config["split"]
    test_years, dev_years = set(s["test_years"]), set(s["dev_years"])
    temporal_mode = s.get("mode") != "all"
    split = temporal(config, gold) if temporal_mode else None
    examples = list(gold.examples)
    position = {e.clause.clause_id: i for i, e in enumerate(examples)}
    test_ids = {e.clause.clause_id for e in examples if e.clause.year in test_years}
    counts = {"given": len(extra_rows), "heldout": 0, "incomplete": 0, "relabelled": 0, "added": 0}
    added: list[Example] = []
    for n, row in enumerate(extra_rows, 1):
        example = _row_example(row, n)
        if example.clause.clause_id in test_ids or example.clause.year in test_years:
            counts["heldout"] += 1  # never trained on: the held-out years stay held out
            continue
        if not example.labels.sector or not example.labels.measure_type:
            counts["incomplete"] += 1  # a dimension left empty is not a usable training label
            continue
        if example.clause.clause_id in position:
            i = position[example.clause.clause_id]
            examples[i] = Example(examples[i].clause, example.labels)
            counts["relabelled"] += 1
        else:
            position[example.clause.clause_id] = len(examples) + len(added)
            added.append(example)
            counts["added"] += 1
    used = counts["relabelled"] + counts["added"]
    data_hash = gold.data_hash
    if used:
        canonical = json.dumps(sorted((e.clause.clause_id, e.labels.sector, e.labels.measure_type)
                                      for e in examples + added), ensure_ascii=False)
        data_hash = hashlib.sha256(f"{gold.data_hash}\0{canonical}".encode("utf-8")).hexdigest()[:16]
    data = Dataset(examples + added, data_hash)
    if split is not None and added:
        new = np.arange(len(examples), len(examples) + len(added))
        is_dev = np.array([e.clause.year in dev_years for e in added], dtype=bool)
        split = Split(split.name, np.concatenate([split.train, new[~is_dev]]),
                      np.concatenate([split.dev, new[is_dev]]), split.test)
    return RecipeData(data, split, counts)


#: ``accept(tagger, metrics, test)``: the gate a caller puts before saving (see :func:`train_recipe`)
Accept = Callable[[Tagger, dict, Dataset], bool]


def train_recipe(config: dict, extra_rows: Sequence[dict[str, Any]] = (), out_dir: str | Path | None = None, *,
                 overwrite: bool = False, info: dict[str, Any] | None = None, hold_out_test: bool = False,
                 accept: Accept | None = None, name: str | None = None) -> Path | None:
    """Recipe (+ extra labelled rows) -> a saved run: the one way policytag trains.

    ``policytag train``, the default-model provisioning and the ML backend's retraining all call
    it. Data and split: :func:`recipe_data`. ``split.mode: temporal`` fits on the train years
    (thresholds tuned on dev) and scores dev and test; ``split.mode: all`` fits on every clause
    with out-of-fold thresholds, or, with ``hold_out_test``, on every clause but the test years,
    which are then scored (``metrics["test"]``; the backend's gate needs a held-out figure).

    ``info``: extra keys for run.json (read when the run is saved, after ``accept``). ``name``: the
    run's name when it differs from the directory's (the shipped default).
    ``accept(tagger, metrics, test)``: called after scoring and before anything is written; False
    -> nothing is saved and None is returned. Returns the run directory (default
    ``RUNS_DIR/NAME``), or None in a secondary process of a data-parallel launch (rank 0 writes).
    """
    if isinstance(extra_rows, (str, os.PathLike)):  # train_recipe(config, "runs/x"): out_dir is keyword-only
        raise TypeError("train_recipe: extra_rows must be rows (dicts); pass the run directory as out_dir=")
    out_dir = Path(out_dir) if out_dir else runs_dir() / config["name"]
    check_data_files(config)  # a missing augment/train_extra file is one line now, not after the fit
    prepared = recipe_data(config, extra_rows)
    data, split = prepared.data, prepared.split
    metrics: dict[str, Any]
    if split is None:  # split.mode: all
        test_years = set(config["split"]["test_years"]) if hold_out_test else set()
        fit_idx = [i for i, e in enumerate(data.examples) if e.clause.year not in test_years]
        test_idx = [i for i, e in enumerate(data.examples) if e.clause.year in test_years]
        if hold_out_test and not test_idx:
            raise PolicytagError(f"no held-out clauses (years {sorted(test_years)}) in {config['data']['gold']}")
        fit_data = data.subset(fit_idx)
        tagger, oof_metrics, train_seconds = fit_all(config, fit_data)
        start = time.perf_counter()
        tagger.predict(fit_data.clauses[:64])
        throughput = min(64, len(fit_data.clauses)) / max(time.perf_counter() - start, 1e-9)
        metrics = {"split": "all", "sizes": {"train": len(fit_idx)}}
        if oof_metrics:
            metrics["oof"] = oof_metrics
        if test_idx:
            metrics["sizes"]["test"] = len(test_idx)
            metrics["test"], throughput = evaluate_on(tagger, data, test_idx)
            metrics.update(extra_metrics(config, tagger, data, test_idx))
        else:
            metrics.update(extra_metrics(config, tagger, None if has_training_only(config) else data))
        test = data.subset(test_idx)
    else:
        tagger, train_seconds = fit_on_split(config, data, split)
        test_metrics, throughput = evaluate_on(tagger, data, split.test)
        dev_metrics, _ = evaluate_on(tagger, data, split.dev)
        metrics = {"split": "temporal",
                   "sizes": {"train": len(split.train), "dev": len(split.dev), "test": len(split.test)},
                   "dev": dev_metrics, "test": test_metrics}
        metrics.update(extra_metrics(config, tagger, data, split.test))
        # what a tagger's own model card (the BERT model dir's README.md) needs to know about the run
        tagger.card_context_ = {"config": config, "metrics": metrics, "data_hash": data.data_hash,
                                "sizes": metrics["sizes"]}
        test = data.subset(split.test)
    if extra_rows:
        metrics["extra_rows"] = prepared.counts
    if config["split"].get("cv"):
        metrics["cv"] = cross_validate(config, data)
    if accept is not None and not accept(tagger, metrics, test):
        return None
    run_info = {"train_seconds": round(train_seconds, 2), "throughput_clauses_per_s": round(throughput, 1),
                "seed": config["seed"], **getattr(tagger, "train_info_", {}), **(info or {})}
    if not getattr(tagger, "is_main_process_", True):
        # a secondary process of a data-parallel launch (torchrun / accelerate launch; the transformer
        # reports it from Trainer's process state): rank 0 writes the run
        return None
    return save_run(tagger, out_dir, config, metrics, data.data_hash, run_info, overwrite=overwrite, name=name,
                    extra_rows=extra_rows)
