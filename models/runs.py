"""Run directories: a trained tagger with its resolved config, taxonomy version, data hash and
metrics, written atomically; loaded back only under the taxonomy version it was trained on.

Layout of ``runs/NAME/``::

    run.json        name, tagger type, taxonomy version, data hash, created, timings, sizes
    config.yaml     the resolved training config
    metrics.json    dev/test (or CV) metrics
    model/          the tagger's own files (tagger.json + weights)
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

from policytag import PROJECT_ROOT, PolicytagError
from policytag.io import atomic_dir
from policytag.taxonomy import load_taxonomy

from .base import Tagger

#: tagger name -> "module:Class" (imported lazily so the baseline never imports torch)
TAGGERS = {
    "keyword": "policytag.models.keyword:KeywordTagger",
    "tfidf": "policytag.models.tfidf:TfidfTagger",
    "bert": "policytag.models.bert:BertTagger",
}

RUNS_DIR = Path(os.environ.get("POLICYTAG_RUNS", PROJECT_ROOT / "runs"))


def tagger_class(name: str) -> type[Tagger]:
    try:
        module, cls = TAGGERS[name].split(":")
    except KeyError:
        raise PolicytagError(f"unknown model type {name!r} (choose from {', '.join(TAGGERS)})") from None
    return getattr(importlib.import_module(module), cls)


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def save_run(tagger: Tagger, run_dir: str | Path, config: dict[str, Any], metrics: dict[str, Any],
             data_hash: str, info: dict[str, Any] | None = None, overwrite: bool = False) -> Path:
    """Write a complete run directory atomically (a crash leaves no half-written run)."""
    run_dir = Path(run_dir)
    with atomic_dir(run_dir, overwrite=overwrite) as tmp:
        (tmp / "model").mkdir()
        tagger.save(tmp / "model")
        (tmp / "config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (tmp / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
        run = {
            "name": run_dir.name,
            "tagger": tagger.name,
            "model_version": f"{run_dir.name}:{tagger.model_version}",
            "taxonomy_version": tagger.taxonomy_version_,
            "data_hash": data_hash,
            "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "model_size_bytes": dir_size(tmp / "model"),
            **(info or {}),
        }
        (tmp / "run.json").write_text(json.dumps(run, ensure_ascii=False, indent=2), encoding="utf-8")
    return run_dir


def read_run_info(run_dir: str | Path) -> dict[str, Any]:
    run_dir = Path(run_dir)
    if not (run_dir / "run.json").exists():
        raise PolicytagError(f"{run_dir}: not a policytag run directory (no run.json); train one with `policytag train`")
    where = run_dir / "run.json"
    try:
        info = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PolicytagError(f"{where}: unreadable run description ({type(exc).__name__}); "
                             "the run directory is corrupt, retrain it with `policytag train`") from None
    if not isinstance(info, dict):
        raise PolicytagError(f"{where}: expected a JSON object; the run directory is corrupt")
    for key in ("name", "tagger", "taxonomy_version"):
        if not isinstance(info.get(key), str) or not info[key]:
            raise PolicytagError(f"{where}: {key}: missing or not a string; the run directory is corrupt, "
                                 "retrain it with `policytag train`")
    if info["tagger"] not in TAGGERS:
        raise PolicytagError(f"{where}: tagger: unknown model type {info['tagger']!r} "
                             f"(one of {', '.join(TAGGERS)})")
    if not (run_dir / "model").is_dir():
        raise PolicytagError(f"{run_dir}: no model/ directory; the run directory is incomplete")
    return info


def load_run(run_dir: str | Path) -> Tagger:
    """Load the tagger of a run; fails clearly on a taxonomy-version mismatch."""
    run_dir = Path(run_dir)
    info = read_run_info(run_dir)
    taxonomy = load_taxonomy()
    if info.get("taxonomy_version") != taxonomy.version:
        raise PolicytagError(
            f"{run_dir}: run was trained on taxonomy version {info.get('taxonomy_version')}, the current "
            f"taxonomy is {taxonomy.version}; retrain it with `policytag train`")
    try:
        tagger = tagger_class(info["tagger"]).load(run_dir / "model", taxonomy=taxonomy)
    except PolicytagError:
        raise
    except (OSError, ValueError, KeyError, TypeError, EOFError, AttributeError, IndexError) as exc:
        # model files missing, corrupt, or of another tagger than run.json names
        detail = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.filename else str(exc)
        raise PolicytagError(f"{run_dir}: cannot load its {info['tagger']} model "
                             f"({type(exc).__name__}: {' '.join(detail.split())[:160]})") from None
    tagger.run_name = info["name"]
    return tagger


def run_metrics(run_dir: str | Path) -> dict[str, Any]:
    return json.loads((Path(run_dir) / "metrics.json").read_text(encoding="utf-8"))


def _score(run_dir: Path) -> float:
    """Mean test macro-F1 over both dimensions (what "best" means when choosing a default)."""
    try:
        test = run_metrics(run_dir)["test"]
        return sum(test[d]["macro_f1"] for d in test) / len(test)
    except (OSError, KeyError, ValueError, ZeroDivisionError):
        return -1.0


def available_runs(runs_dir: Path | None = None) -> list[Path]:
    """Run directories under ``runs/`` trained on the current taxonomy version, best first."""
    runs_dir = Path(runs_dir or RUNS_DIR)
    version = load_taxonomy().version
    found = []
    for info_file in runs_dir.glob("*/run.json") if runs_dir.exists() else []:
        try:
            info = json.loads(info_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        # the keyword matcher is a reference row, never a default tagging model
        if info.get("taxonomy_version") == version and info.get("tagger") != "keyword":
            found.append(info_file.parent)
    return sorted(found, key=_score, reverse=True)


DEFAULT_CACHE = RUNS_DIR / "cache" / "default-tfidf"
DEFAULT_CONFIG = PROJECT_ROOT / "configs" / "baseline.yaml"


def load_default(notify=print) -> Tagger:
    """The best trained run available; with none, train the TF-IDF baseline from the shipped gold
    dataset (seconds), cache it under ``runs/cache/`` and say so in one line."""
    runs = available_runs()
    if runs:
        return load_run(runs[0])
    if (DEFAULT_CACHE / "run.json").exists():
        try:
            return load_run(DEFAULT_CACHE)
        except PolicytagError:
            pass  # stale cache (taxonomy changed): retrain below
    import time

    from policytag.training.config import load_config
    from policytag.training.train import train

    notify("policytag: no trained model found; training the TF-IDF baseline from the gold dataset …")
    start = time.perf_counter()
    config = load_config(DEFAULT_CONFIG)
    config["name"] = "default-tfidf"
    config["split"]["cv"] = False  # the default model only needs fitting; CV is for reports
    train(config, DEFAULT_CACHE, overwrite=True)
    notify(f"policytag: trained the TF-IDF baseline from {config['data']['gold']} "
           f"in {time.perf_counter() - start:.1f} s (cached in {DEFAULT_CACHE.relative_to(PROJECT_ROOT) if DEFAULT_CACHE.is_relative_to(PROJECT_ROOT) else DEFAULT_CACHE})")
    return load_run(DEFAULT_CACHE)
