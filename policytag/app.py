"""Application layer: turns a model spec into a loaded tagger (for tagging, annotation and the
ML backend alike) and provisions the default model. The CLI calls this; lower layers receive a
tagger object and never resolve specs themselves.

Model specs (``resolve_model``):

* ``None`` / ``"default"``: the best trained run in the runs directory (ranked by CV, else dev
  macro-F1, never test; the keyword reference row and pickle-based runs are never chosen), else
  the default recipe (``policytag/resources/default.yaml``, shipped as package data) trained on
  first use and cached in ``runs/cache/default``; the cache is retrained when the recipe, the
  gold data or the taxonomy changes;
* a run directory (a path that exists);
* a run name: ``RUNS_DIR/NAME``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Callable

from policytag import PolicytagError

Notify = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def resolve_model(spec: str | None, notify: Notify | None = None):
    """``None``/``"default"`` -> the default model (trained and cached on first use); a run
    directory or a run name under the runs directory -> that run's tagger.

    Every failure is a one-line ``PolicytagError``.
    """
    from policytag.models.runs import load_run
    from policytag.paths import runs_dir

    notify = notify or _stderr
    if spec in (None, "", "default"):
        try:
            return default_model(notify=notify)
        except PolicytagError as exc:
            raise PolicytagError(f"no default model available: {exc}; pass --model RUN_DIR") from None
    path = Path(spec)
    if not path.exists() and not path.is_absolute() and len(path.parts) == 1 and (runs_dir() / spec).exists():
        path = runs_dir() / spec  # a run name
    if not path.exists():
        raise PolicytagError(f"{spec}: no such run directory or run name in {runs_dir()} (pass a directory "
                             "written by `policytag train`, or `default`)")
    if not path.is_dir():
        raise PolicytagError(f"{spec}: not a run directory (it is a file)")
    try:
        return load_run(path)
    except PolicytagError:
        raise
    except (OSError, ValueError, KeyError, EOFError, ImportError, AttributeError, TypeError) as exc:
        # a run.json whose model files are missing or corrupt
        raise PolicytagError(f"{spec}: cannot load the run's model ({type(exc).__name__}: "
                             f"{' '.join(str(exc).split())[:160]})") from None


def recipe_fingerprint(config: dict) -> str:
    """sha256 of what the default model depends on: the validated recipe, the bytes of every data
    file it names (gold, corpus, augmentation, ...) and the taxonomy version (cheap: no
    segmentation, a few hundred KiB read)."""
    from policytag.taxonomy import load_taxonomy
    from policytag.training.config import resolved_path

    h = hashlib.sha256()
    h.update(json.dumps({k: v for k, v in config.items() if k != "source"}, sort_keys=True).encode("utf-8"))
    for key, value in sorted((config.get("data") or {}).items()):
        if not isinstance(value, str) or not value:
            continue
        path = resolved_path(config, value)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            h.update(f"{key}:{f.name}\0".encode("utf-8"))
            h.update(f.read_bytes() if f.is_file() else b"")
    h.update(load_taxonomy().version.encode("utf-8"))
    return h.hexdigest()[:16]


def default_model(notify: Notify | None = None):
    """The best trained run available; with none, the cached default model, trained from the
    default recipe on first use (one line says so, and one line how long it took)."""
    from policytag.models.runs import available_runs, has_pickles, load_run, read_run_info
    from policytag.paths import default_config_path, default_model_dir, runs_dir
    from policytag.training.config import load_config

    notify = notify or _stderr
    root = runs_dir()
    for old in sorted(root.glob("*/run.json")) if root.exists() else []:
        if has_pickles(old.parent):
            notify(f"policytag: skipping {old.parent}: pickle-based run from an older policytag "
                   "(never loaded); retrain it with `policytag train CONFIG`")
    runs = available_runs(root)
    if runs:
        return load_run(runs[0])
    config = load_config(default_config_path())  # validated before any work
    fingerprint = recipe_fingerprint(config)
    cache = default_model_dir()
    if (cache / "run.json").exists():
        try:
            if read_run_info(cache).get("recipe_fingerprint") == fingerprint:
                return load_run(cache)
        except PolicytagError:
            pass  # stale or corrupt cache: retrain below
    return train_default(config, cache, fingerprint, notify)


def train_default(config: dict, cache: Path, fingerprint: str, notify: Notify):
    from policytag.models.runs import load_run
    from policytag.training.train import train_recipe

    model = config["model"]["type"]
    notify(f"policytag: no trained model found; training the default model ({model}) from the shipped "
           "gold dataset …")
    start = time.perf_counter()
    train_recipe(config, out_dir=cache, overwrite=True, info={"recipe_fingerprint": fingerprint})
    notify(f"policytag: trained the default model in {time.perf_counter() - start:.1f} s (cached in {cache})")
    return load_run(cache)
