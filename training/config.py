"""Training configs: a YAML file fully describes a run (data, split, model, thresholds, seed)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from policytag import PolicytagError

DEFAULTS: dict[str, Any] = {
    "name": None,
    "seed": 13,
    "data": {"gold": "data/annotations/gold-v1.jsonl", "corpus": "data/corpus"},
    "split": {"train_until": 2021, "dev_years": [2022, 2023], "test_years": [2024, 2025, 2026],
              "folds": 5, "cv": False},
    "model": {"type": "tfidf", "params": {}},
}


def _merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for k, v in (over or {}).items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load_config(path: str | Path) -> dict[str, Any]:
    """Read a config and fill in defaults; the result is what the run directory stores."""
    path = Path(path)
    if not path.exists():
        raise PolicytagError(f"{path}: no such config file")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise PolicytagError(f"{path}: invalid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(raw, dict):
        raise PolicytagError(f"{path}: a config must be a mapping")
    unknown = set(raw) - set(DEFAULTS)
    if unknown:
        raise PolicytagError(f"{path}: unknown config key(s): {', '.join(sorted(unknown))}")
    config = _merge(DEFAULTS, raw)
    config["name"] = config["name"] or path.stem
    config["source"] = str(path)
    return config
