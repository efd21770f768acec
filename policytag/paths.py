"""Where policytag finds its package data and keeps user state.

Package data (read-only, ships inside the wheel, read with ``importlib.resources``) lives in
``policytag/resources/``: the taxonomy (``taxonomy.yaml``), the annotation codebook, the default
model recipe (``default.yaml``), the gold dataset (``data/gold-v1.jsonl``) and the corpus copy it
labels (``data/corpus/``). In a source checkout ``configs/taxonomy.yaml``, ``configs/default.yaml``,
``docs/ANNOTATION_CODEBOOK.md``, ``data/annotations/gold-v1.jsonl`` and the corpus text under
``data/corpus/`` are relative symlinks to those files: one source of truth, and an edit made
through either path lands in the same file.

User state (runs, the default-model cache, built encoders) lives under ONE home directory, chosen
in this order:

1. ``$POLICYTAG_HOME`` when set;
2. the current directory when it is a policytag checkout, i.e. it holds ``pyproject.toml`` naming
   the project ``policytag`` *and* ``configs/taxonomy.yaml`` (so ``runs/`` and ``artifacts/`` keep
   working when you run from the checkout, as before);
3. otherwise the user data directory (``platformdirs.user_data_dir("policytag")``, e.g.
   ``~/.local/share/policytag`` on Linux), never inside site-packages.

The fitted default model ships as package data too (``policytag/resources/model/``, see
``shipped_model_dir``), so a fresh install tags without training.

Under the home: ``runs/`` (``$POLICYTAG_RUNS`` or ``--runs-dir`` override it), ``runs/cache/``
(the default model) and ``artifacts/`` (built encoders).

Config paths (``data.gold``, ``data.corpus``, ``model.params.model_name_or_path``) are resolved by
``resolve_data_path``: ``policytag:REL`` names package data; an absolute path is used as is; a
relative path is tried against the current directory, then the checkout/home directory.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

#: prefix of config paths that name package data, e.g. ``policytag:data/gold-v1.jsonl``
PACKAGE_PREFIX = "policytag:"

_runs_override: Path | None = None
_files = contextlib.ExitStack()
atexit.register(_files.close)


@lru_cache(maxsize=None)
def resource(rel: str = "") -> Path:
    """A real filesystem path of package data ``policytag/resources/REL`` (file or directory).

    ``importlib.resources.as_file`` materialises it when the package is imported from a zip;
    the temporary copy lives until the process exits.
    """
    root = resources.files("policytag.resources")
    target = root.joinpath(*[p for p in rel.split("/") if p]) if rel else root
    return Path(_files.enter_context(resources.as_file(target)))


def is_checkout(directory: str | os.PathLike) -> bool:
    """Does ``directory`` hold a policytag source checkout (pyproject naming policytag +
    configs/taxonomy.yaml)?"""
    directory = Path(directory)
    pyproject = directory / "pyproject.toml"
    if not (pyproject.is_file() and (directory / "configs" / "taxonomy.yaml").exists()):
        return False
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(r'^\s*name\s*=\s*"policytag"\s*$', text, re.MULTILINE) is not None


def checkout_root() -> Path | None:
    """The current directory when it is a policytag checkout, else None."""
    cwd = Path.cwd()
    return cwd if is_checkout(cwd) else None


def home() -> Path:
    """The directory holding ``runs/`` and ``artifacts/`` (see the module docstring for the rule)."""
    env = os.environ.get("POLICYTAG_HOME")
    if env:
        return Path(env).expanduser()
    root = checkout_root()
    if root is not None:
        return root
    import platformdirs

    return Path(platformdirs.user_data_dir("policytag", appauthor=False))


def set_runs_dir(path: str | os.PathLike | None) -> None:
    """Override the runs directory for this process (None: no override)."""
    global _runs_override
    _runs_override = Path(path).expanduser() if path else None


@contextlib.contextmanager
def runs_dir_set(path: str | os.PathLike) -> Iterator[None]:
    """The runs directory overridden while the block runs (the CLI's ``--runs-dir``, one command's): a
    ``main([...])`` called in a process that goes on (a test, a notebook) left its override behind, so a
    later command in that process searched another command's runs (a pytest worker's tag run printed the
    pickle refusal of a run planted by an earlier test)."""
    previous = _runs_override
    set_runs_dir(path)
    try:
        yield
    finally:
        set_runs_dir(previous)


def runs_dir() -> Path:
    """Where runs are written and searched: ``--runs-dir``, ``$POLICYTAG_RUNS`` or ``HOME/runs``."""
    if _runs_override is not None:
        return _runs_override
    env = os.environ.get("POLICYTAG_RUNS")
    return Path(env).expanduser() if env else home() / "runs"


def default_model_dir() -> Path:
    """The cached default model (trained from the shipped recipe on first use)."""
    return runs_dir() / "cache" / "default"


def shipped_model_dir() -> Path:
    """The fitted default model shipped as package data (``policytag/resources/model/``, a run
    directory built by ``policytag train configs/default.yaml --package``); may be absent."""
    return resource("model")


def artifacts_dir() -> Path:
    """Built artifacts (the converted pretrained encoder)."""
    return home() / "artifacts"


def taxonomy_path() -> Path:
    """``$POLICYTAG_TAXONOMY``, else the checkout's ``configs/taxonomy.yaml``, else package data."""
    env = os.environ.get("POLICYTAG_TAXONOMY")
    if env:
        return Path(env)
    root = checkout_root()
    if root is not None:
        return root / "configs" / "taxonomy.yaml"
    return resource("taxonomy.yaml")


def default_config_path() -> Path:
    """The one config file describing the default model recipe (package data)."""
    return resource("default.yaml")


def codebook_path() -> Path:
    return resource("ANNOTATION_CODEBOOK.md")


def gold_path() -> Path:
    """The shipped gold dataset (``data/annotations/gold-v1.jsonl`` in a checkout)."""
    return resource("data/gold-v1.jsonl")


def corpus_path() -> Path:
    """The shipped corpus copy the gold dataset labels (``data/corpus/`` in a checkout)."""
    return resource("data/corpus")


def resolve_data_path(value: str | os.PathLike, base: str | os.PathLike | None = None) -> Path:
    """Resolve a path named in a config (see the module docstring).

    ``base``: an extra directory tried after the current one (e.g. the config file's checkout).
    A path that exists nowhere is returned relative to the current directory, so the error that
    follows names what the user wrote.
    """
    text = str(value)
    if text.startswith(PACKAGE_PREFIX):
        return resource(text[len(PACKAGE_PREFIX):])
    path = Path(text).expanduser()
    if path.is_absolute() or path.exists():
        return path
    candidates = [Path(base) / path] if base else []
    root = checkout_root()
    candidates += [home() / path] + ([root / path] if root else [])
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return path
