"""Run directories: a trained tagger with its resolved config, taxonomy version, data hash and
metrics, written atomically; loaded back only under the taxonomy version it was trained on.

Layout of ``runs/NAME/``::

    run.json        name, tagger type, model_version, taxonomy version, data hash, created,
                    timings, sizes, the library releases it was fitted with
    config.yaml     the resolved (validated) training config
    metrics.json    dev/test (or CV) metrics
    model/          the tagger's own files (tagger.json + weights), plain data only

``model_version`` is ``NAME@CREATED-CONTENT``, e.g. ``baseline-tfidf@20261201T215012-3fa9c2d1``:
the run name, the UTC creation time and the first 8 hex digits of the sha256 over the model
files, so it changes whenever the model is retrained. ``load_run`` sets it on the tagger.

No pickle: a run whose model directory holds a pickle-based file (``.joblib``, ``.pkl``,
``.pickle``) is refused before anything in it is read. The runs directory is
``policytag.paths.runs_dir()`` (``--runs-dir``, ``$POLICYTAG_RUNS``, else ``HOME/runs``).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import re
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any, Sequence

import yaml

from policytag import PolicytagError
from policytag.io import atomic_dir, write_jsonl
from policytag.paths import runs_dir as default_runs_dir
from policytag.taxonomy import load_taxonomy

from .base import Tagger
from .registry import is_tagger, tagger_class, tagger_names

#: files a run must never contain: loading them would unpickle (and so could run code)
PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")
RETRAIN = "retrain it with `policytag train CONFIG`"


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def content_hash(directory: Path) -> str:
    """sha256 over the relative paths and bytes of every file under ``directory``."""
    h = hashlib.sha256()
    for f in sorted(p for p in Path(directory).rglob("*") if p.is_file()):
        h.update(f.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def make_model_version(name: str, created: _dt.datetime, model_dir: Path) -> str:
    return f"{name}@{created.strftime('%Y%m%dT%H%M%S')}-{content_hash(model_dir)[:8]}"


def refuse_pickles(run_dir: Path) -> None:
    """One-line error when the run holds a pickle-based file (checked before any file is read)."""
    for f in sorted(Path(run_dir).rglob("*")):
        if f.suffix.lower() in PICKLE_SUFFIXES:
            raise PolicytagError(f"{f}: pickle-based model file (from an older policytag, or not from policytag); "
                                 f"it is never loaded because unpickling can run code: {RETRAIN}")


def refuse_outside_links(run_dir: Path) -> None:
    """One-line error when a symlink inside the run points outside it (``model -> /etc``): a run
    is shared as plain data, and following such a link would read (or hash, or load) whatever it
    names on the receiving machine. Links that stay inside the run are fine."""
    root = Path(run_dir).resolve()
    for dirpath, dirnames, filenames in os.walk(run_dir):  # os.walk does not follow directory links
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            if p.is_symlink():
                target = p.resolve()
                if target != root and root not in target.parents:
                    raise PolicytagError(f"{p}: a symlink to {os.readlink(p)}, outside the run directory; a run is "
                                         "refused when it links elsewhere (copy the files in instead)")


_VERSION_HASH = re.compile(r"@\d{8}T\d{6}-([0-9a-f]{8})$")


def verify_model_files(run_dir: Path) -> None:
    """Without loading anything, check the model files are the ones the run was saved with: no
    ``.npy`` holds a pickle (object arrays are refused by ``allow_pickle=False`` on load only), and
    the sha256 over ``model/`` still matches the one ``model_version`` was made from (a missing,
    added or changed file does not). For ``compare``, which never loads a model."""
    import numpy as np

    run_dir = Path(run_dir)
    model = run_dir / "model"
    for f in sorted(model.rglob("*.npy")):
        try:
            with f.open("rb") as fh:
                version = np.lib.format.read_magic(fh)
                reader = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                          else np.lib.format.read_array_header_2_0)
                _shape, _fortran, dtype = reader(fh)
        except (OSError, ValueError, SyntaxError, TypeError) as exc:
            raise PolicytagError(f"{f}: not a readable .npy array ({type(exc).__name__}); the run is broken: "
                                 f"{RETRAIN}") from None
        if dtype.hasobject:
            raise PolicytagError(f"{f}: a pickled (object) array; it is never loaded because unpickling can run "
                                 f"code: {RETRAIN}")
    info = read_run_info(run_dir)
    m = _VERSION_HASH.search(str(info.get("model_version") or ""))
    if m and content_hash(model)[:8] != m.group(1):
        raise PolicytagError(f"{model}: its files are not those the run was saved with (a file is missing, added "
                             f"or changed since {info.get('model_version')}); the run is broken: {RETRAIN}")


def share_modes(run_dir: Path) -> None:
    """Give every file of a run being built the run directory's own permissions (``atomic_dir``
    set them from the umask): transformers writes ``model.safetensors`` 0600 through a temporary
    file, so a run copied into a shared runs directory was unreadable to everyone but its trainer."""
    mode = Path(run_dir).stat().st_mode & 0o777
    for path in Path(run_dir).rglob("*"):
        if not path.is_symlink():
            path.chmod(mode if path.is_dir() else mode & 0o666)


#: the packages whose release can change what a fitted model predicts (run.json ``libraries``): the
#: numerical stack, the transformer stack and the project itself
LIBRARIES = ("numpy", "scipy", "scikit-learn", "torch", "transformers", "tokenizers", "safetensors", "policytag")


def library_versions() -> dict[str, str]:
    """The Python and library releases in use (from the installed distributions' metadata: nothing
    is imported), recorded in run.json so that a run that retrains differently can say why."""
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = _metadata.version(name)
        except _metadata.PackageNotFoundError:
            pass
    return versions


def library_changes(info: dict[str, Any]) -> list[str]:
    """``name old -> new`` for each library whose release differs from the one the run (its
    run.json ``info``) was fitted with; empty for a run that recorded none (runs before this field)."""
    recorded, now = info.get("libraries") or {}, library_versions()
    return [f"{name} {old} -> {now.get(name, 'absent')}" for name, old in sorted(recorded.items())
            if name != "policytag" and now.get(name) != old]


#: the labelled rows a run trained on besides its recipe's data (``save_run``'s ``extra_rows``)
EXTRA_ROWS_FILE = "extra_rows.jsonl"


def save_run(tagger: Tagger, run_dir: str | Path, config: dict[str, Any], metrics: dict[str, Any],
             data_hash: str, info: dict[str, Any] | None = None, overwrite: bool = False,
             name: str | None = None, extra_rows: Sequence[dict[str, Any]] = ()) -> Path:
    """Write a complete run directory atomically (a crash leaves no half-written run). ``name``
    (default: the directory's name) opens the ``model_version``; the shipped default lives in
    ``resources/model/`` but is the run named ``default``. ``extra_rows`` (the labelled rows trained on
    besides the recipe's data, e.g. a project's pulled annotations) are written beside the config as
    ``EXTRA_ROWS_FILE``: the project's annotations change after a retraining, and without its own copy
    the run could not be trained again (``policytag train RUN/config.yaml --rows RUN/extra_rows.jsonl``)."""
    run_dir = Path(run_dir)
    name = name or run_dir.name
    if not is_tagger(tagger.name) or tagger_class(tagger.name) is not type(tagger):
        # run.json names the class that loads the run: an unregistered subclass would load as its parent
        raise PolicytagError(f"{type(tagger).__name__} is not registered (decorate it with "
                             "@register_tagger('family.v1')); its run could not be loaded back")
    with atomic_dir(run_dir, overwrite=overwrite) as tmp:
        (tmp / "model").mkdir()
        tagger.save(tmp / "model")
        (tmp / "config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (tmp / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
        if extra_rows:
            write_jsonl(tmp / EXTRA_ROWS_FILE, extra_rows)
        refuse_pickles(tmp)  # a tagger must save plain data only
        created = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
        version = make_model_version(name, created, tmp / "model")
        run = {
            "name": name,
            "tagger": tagger.name,
            "model_version": version,
            "taxonomy_version": tagger.taxonomy_version_,
            "data_hash": data_hash,
            "created": created.isoformat(timespec="seconds"),
            "model_size_bytes": dir_size(tmp / "model"),
            "libraries": library_versions(),
            **({"extra_rows": {"file": EXTRA_ROWS_FILE, "n": len(extra_rows)}} if extra_rows else {}),
            **(info or {}),
        }
        (tmp / "run.json").write_text(json.dumps(run, ensure_ascii=False, indent=2), encoding="utf-8")
        share_modes(tmp)
    tagger.model_version = version
    tagger.run_name = run_dir.name
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
    if not is_tagger(info["tagger"]):
        raise PolicytagError(f"{where}: tagger: unknown model type {info['tagger']!r} "
                             f"(one of {', '.join(tagger_names())})")
    if not (run_dir / "model").is_dir():
        raise PolicytagError(f"{run_dir}: no model/ directory; the run directory is incomplete")
    return info


def load_run(run_dir: str | Path) -> Tagger:
    """Load the tagger of a run; fails clearly on a taxonomy-version mismatch."""
    run_dir = Path(run_dir)
    refuse_outside_links(run_dir)
    refuse_pickles(run_dir)
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
    # runs written before model_version had this form keep a stable, distinct version string
    tagger.model_version = info.get("model_version") or f"{info['name']}@{info.get('created', 'unknown')}"
    return tagger


def run_metrics(run_dir: str | Path) -> dict[str, Any]:
    return json.loads((Path(run_dir) / "metrics.json").read_text(encoding="utf-8"))


def selection_score(run_dir: Path) -> float:
    """What "best" means when choosing a default model: the mean over both dimensions of the
    CV macro-F1 when the run has one, else the dev (else out-of-fold) macro-F1. Never the test split (choosing on
    test would make its figures optimistic). -1 when the run has neither."""
    try:
        metrics = run_metrics(run_dir)
        scores = metrics.get("cv") or metrics.get("dev") or metrics["oof"]
        return sum(scores[d]["macro_f1"] for d in scores) / len(scores)
    except (OSError, KeyError, ValueError, TypeError, ZeroDivisionError):
        return -1.0


def has_pickles(run_dir: Path) -> bool:
    return any(f.suffix.lower() in PICKLE_SUFFIXES for f in Path(run_dir).rglob("*"))


def available_runs(runs_dir: Path | None = None) -> list[Path]:
    """Run directories under the runs directory trained on the current taxonomy version, best
    first (``selection_score``); the keyword reference row and pickle-based runs are skipped."""
    runs_dir = Path(runs_dir or default_runs_dir())
    version = load_taxonomy().version
    found = []
    for info_file in runs_dir.glob("*/run.json") if runs_dir.exists() else []:
        try:
            info = json.loads(info_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(info, dict):
            continue
        if has_pickles(info_file.parent):
            continue  # never a default: loading it is refused (policytag.app says so)
        # the keyword matcher is a reference row, never a default tagging model
        name = info.get("tagger")
        if (info.get("taxonomy_version") == version and isinstance(name, str) and is_tagger(name)
                and tagger_class(name).default_candidate):
            found.append(info_file.parent)
    return sorted(found, key=lambda d: (selection_score(d), d.name), reverse=True)
