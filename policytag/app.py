"""Application layer: turns a model spec into a loaded tagger (for tagging, annotation and the
ML backend alike) and provisions the default model. The CLI calls this; lower layers receive a
tagger object and never resolve specs themselves.

Model specs (``resolve_model``):

* ``None`` / ``"default"``: the best trained run in the runs directory (ranked by CV, else dev
  macro-F1, never test; the keyword reference row and pickle-based runs are never chosen), else
  the **shipped default model** (``policytag/resources/model/``, package data built from the
  default recipe by ``policytag train configs/default.yaml --package``) when it was built from
  the recipe, data and taxonomy in use (``recipe_fingerprint``), else the default recipe
  (``policytag/resources/default.yaml``) trained on first use and cached in
  ``runs/cache/default``: only a recipe, data or taxonomy the user changed trains on first use;
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

#: the one command that rebuilds the shipped default model (run from a checkout)
REBUILD_COMMAND = "policytag train configs/default.yaml --package"


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def resolve_model(spec: str | None, notify: Notify | None = None):
    """``None``/``"default"`` -> the default model (trained and cached on first use); a run
    directory or a run name under the runs directory -> that run's tagger.

    Every failure is a one-line ``PolicytagError``.
    """
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
        return _load(path)
    except PolicytagError:
        raise
    except (OSError, ValueError, KeyError, EOFError, ImportError, AttributeError, TypeError) as exc:
        # a run.json whose model files are missing or corrupt
        raise PolicytagError(f"{spec}: cannot load the run's model ({type(exc).__name__}: "
                             f"{' '.join(str(exc).split())[:160]})") from None


def _load(run_dir: Path):
    """``load_run`` + where it came from (``run_dir``: worker processes and Ray actors load the
    same run themselves)."""
    from policytag.models.runs import load_run

    tagger = load_run(run_dir)
    tagger.run_dir = str(run_dir)
    return tagger


# what a data folder holds besides data: a script (data/challenge/stats.py), its bytecode, a card.
# Editing those must not mark the shipped model stale (a refactor of stats.py did, and CI failed).
_NOT_DATA_SUFFIXES = frozenset({".py", ".pyc", ".md"})


def _data_files(path: Path) -> list[Path]:
    """The data files a recipe's data entry stands for, in a fixed order: the file itself, or
    every data file under the folder (no scripts, caches, cards or hidden files)."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*")
                  if p.is_file() and p.suffix not in _NOT_DATA_SUFFIXES
                  and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(path).parts))


def recipe_fingerprint(config: dict) -> str:
    """sha256 of what the default model depends on: the validated recipe, the bytes of every data
    file it names (gold, corpus, augmentation, ...) and of the taxonomy file (cheap: no
    segmentation, a few hundred KiB read)."""
    from policytag.taxonomy import load_taxonomy
    from policytag.training.config import resolved_path

    h = hashlib.sha256()
    h.update(json.dumps({k: v for k, v in config.items() if k != "source"}, sort_keys=True).encode("utf-8"))
    for key, value in sorted((config.get("data") or {}).items()):
        if not isinstance(value, str) or not value:
            continue
        path = resolved_path(config, value)
        for f in _data_files(path):
            h.update(f"{key}:{f.name}\0".encode("utf-8"))
            h.update(f.read_bytes() if f.is_file() else b"")
    taxonomy = load_taxonomy()
    h.update(taxonomy.version.encode("utf-8"))
    # the cues and rules too, not only the version: they are features of the hybrid
    source = Path(taxonomy.source)
    h.update(source.read_bytes() if source.is_file() else b"")
    return h.hexdigest()[:16]


def quick_fingerprint(recipe: Path) -> str | None:
    """sha256 of the recipe file's bytes, of every package data file it names and of the taxonomy
    file: what ``policytag tag`` checks before using the shipped model, without validating the
    recipe (that imports every tagger's parameter schema: a second of a one-notice ``tag``). None
    when the recipe names data outside the package (then ``recipe_fingerprint`` decides)."""
    import yaml

    from policytag.paths import PACKAGE_PREFIX, resolve_data_path
    from policytag.taxonomy import load_taxonomy

    try:
        text = recipe.read_bytes()
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("data"), dict):
        return None
    h = hashlib.sha256(text)
    for key, value in sorted(raw["data"].items()):
        if not isinstance(value, str) or not value:
            continue
        if not value.startswith(PACKAGE_PREFIX):
            return None
        path = resolve_data_path(value)
        for f in _data_files(path):
            h.update(f"{key}:{f.name}\0".encode("utf-8"))
            h.update(f.read_bytes() if f.is_file() else b"")
    taxonomy = load_taxonomy()
    source = Path(taxonomy.source)
    h.update(taxonomy.version.encode("utf-8") + (source.read_bytes() if source.is_file() else b""))
    return h.hexdigest()[:16]


def shipped_model_problem(config: dict, info: dict | None) -> str | None:
    """Why the shipped default model (its ``run.json`` as ``info``; None = absent) cannot stand for
    the recipe ``config`` with today's data and taxonomy, or None when it can."""
    if info is None:
        return "no shipped default model (policytag/resources/model/run.json is missing)"
    fingerprint = recipe_fingerprint(config)
    if info.get("recipe_fingerprint") != fingerprint:
        return (f"the shipped default model was built from another recipe, data or taxonomy "
                f"(fingerprint {info.get('recipe_fingerprint')}, today's {fingerprint})")
    return None


def shipped_run_info() -> dict | None:
    """The shipped default model's ``run.json`` (None when the package has none)."""
    from policytag.paths import shipped_model_dir

    where = shipped_model_dir() / "run.json"
    if not where.is_file():
        return None
    try:
        return json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def default_model(notify: Notify | None = None):
    """The best trained run available; with none, the shipped default model when it matches the
    recipe in use; else the cached default model, trained from the default recipe on first use
    (one line says so, and one line how long it took)."""
    from policytag.models.runs import available_runs, has_pickles, read_run_info
    from policytag.paths import default_config_path, default_model_dir, runs_dir, shipped_model_dir
    from policytag.training.config import load_config

    notify = notify or _stderr
    root = runs_dir()
    for old in sorted(root.glob("*/run.json")) if root.exists() else []:
        if has_pickles(old.parent):
            notify(f"policytag: skipping {old.parent}: pickle-based run from an older policytag "
                   "(never loaded); retrain it with `policytag train CONFIG`")
    for run in available_runs(root):
        try:
            return _load(run)
        except PolicytagError as exc:  # one broken run must not hide the others or the default
            notify(f"policytag: skipping {run}: {exc}")
    shipped = shipped_run_info()
    if shipped and shipped.get("recipe_quick_fingerprint") and \
            shipped["recipe_quick_fingerprint"] == quick_fingerprint(default_config_path()):
        try:  # the recipe, data and taxonomy the shipped model was built from, byte for byte
            return _load(shipped_model_dir())
        except PolicytagError as exc:
            notify(f"policytag: the shipped default model cannot be loaded ({exc}); training it instead")
            shipped = None
    config = load_config(default_config_path())  # validated before any work
    if shipped_model_problem(config, shipped) is None:
        try:
            return _load(shipped_model_dir())
        except PolicytagError as exc:  # e.g. a damaged install: fall back to training
            notify(f"policytag: the shipped default model cannot be loaded ({exc}); training it instead")
    fingerprint = recipe_fingerprint(config)
    cache = default_model_dir()
    if (cache / "run.json").exists():
        try:
            if read_run_info(cache).get("recipe_fingerprint") == fingerprint:
                return _load(cache)
        except PolicytagError:
            pass  # stale or corrupt cache: retrain below
    return train_default(config, cache, fingerprint, notify)


def train_default(config: dict, cache: Path, fingerprint: str, notify: Notify):
    from policytag.training.train import train_recipe

    model = config["model"]["type"]
    notify(f"policytag: no trained model found; training the default model ({model}) from the shipped "
           "gold dataset …")
    start = time.perf_counter()
    train_recipe(config, out_dir=cache, overwrite=True, info={"recipe_fingerprint": fingerprint})
    notify(f"policytag: trained the default model in {time.perf_counter() - start:.1f} s (cached in {cache})")
    return _load(cache)


def package_default_model(config_path: str | Path, notify: Notify | None = None) -> Path:
    """Build the shipped default model: train the default recipe (``config_path`` must be it) into
    ``policytag/resources/model/`` (package data of this checkout), recording the recipe
    (``config.yaml``), data hash, taxonomy version and recipe fingerprint (``run.json``)."""
    from policytag import UsageError
    from policytag.paths import default_config_path, shipped_model_dir
    from policytag.taxonomy import load_taxonomy
    from policytag.training.config import load_config
    from policytag.training.train import train_recipe

    notify = notify or _stderr
    if Path(config_path).resolve() != default_config_path().resolve():
        raise UsageError(f"{config_path}: --package builds the shipped default model from the default recipe "
                         f"({default_config_path()}, configs/default.yaml in a checkout) only")
    config = load_config(config_path)
    target = shipped_model_dir()
    if not target.parent.is_dir() or not (target.parent / "__init__.py").is_file():
        raise PolicytagError(f"{target.parent}: not the policytag/resources package of a checkout")
    start = time.perf_counter()
    notify(f"policytag: training the default recipe into {target} …")
    train_recipe(config, out_dir=target, overwrite=True, name=config["name"],
                 info={"recipe_fingerprint": recipe_fingerprint(config),
                       "recipe_quick_fingerprint": quick_fingerprint(Path(config_path)),
                       "taxonomy_version": load_taxonomy().version, "packaged_by": REBUILD_COMMAND})
    notify(f"policytag: built the shipped default model in {time.perf_counter() - start:.1f} s")
    return target
