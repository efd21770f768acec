"""Re-evaluate a saved run on its config's split (identical figures to training time)."""

from __future__ import annotations

from pathlib import Path

import yaml

from policytag import PolicytagError
from policytag.models.runs import load_run, read_run_info, refuse_pickles

from policytag.taxonomy import load_taxonomy

from .challenge import challenge_path, load_challenge
from .metrics import evaluate_labels
from .train import config_dataset, cross_validate, evaluate_on, temporal


def run_config(run_dir: str | Path) -> dict:
    return yaml.safe_load((Path(run_dir) / "config.yaml").read_text(encoding="utf-8"))


def evaluate_run(run_dir: str | Path, split: str = "test") -> dict:
    """``split``: "test" or "dev" scores the saved model; "cv" cross-validates its recipe;
    "challenge" scores the saved model on the challenge set (``data.challenge``); "realdev" on the
    real-text dev set (``training.realdev``; a one-line error when it is absent)."""
    refuse_pickles(Path(run_dir))  # before any work, whatever the split
    info = read_run_info(run_dir)
    config = run_config(run_dir)
    data = config_dataset(config, Path(run_dir) / "config.yaml")
    if data.data_hash != info["data_hash"]:
        print(f"policytag: note: the gold data changed since {info['name']} was trained "
              f"({info['data_hash']} -> {data.data_hash})")
    if split == "cv":
        return cross_validate(config, data)
    if split == "challenge":
        # the held-apart challenge set: scored with the saved model as it is (never tuned on it)
        part = load_challenge(challenge_path(config))
        return evaluate_labels(part.labels, load_run(run_dir).predict(part.clauses), load_taxonomy())
    if split == "realdev":
        from .realdev import absent_message, realdev_path, score_realdev

        path = realdev_path()
        if path is None:
            raise PolicytagError(absent_message())
        return score_realdev(load_run(run_dir), path)[0]
    if split not in ("test", "dev"):
        raise PolicytagError(f"unknown split {split!r} (test, dev, cv, challenge or realdev)")
    if (config.get("split") or {}).get("mode") == "all":
        raise PolicytagError(f"{run_dir}: fitted on every gold clause (split.mode: all), so it has no {split} "
                             "split; use --split cv, or its out-of-fold figures in metrics.json")
    tagger = load_run(run_dir)
    s = temporal(config, data)
    return evaluate_on(tagger, data, s.test if split == "test" else s.dev)[0]
