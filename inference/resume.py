"""What a streaming run was: the identity ``--resume`` checks before it appends to ``OUT.partial``.

A streaming run writes, before its first row, ``OUT.partial.meta.json``: the model version, the
options that change rows (``--threshold``, the output format) and, per input file, its resolved
path, size, modification time and the sha256 of its first bytes (up to ``HEAD_BYTES``: the first
rows). ``--resume`` compares the run it is asked to do with that record and refuses, in one line
naming what differs, to append rows of another input, model or threshold to the rows already
written (issue 21 row 2: 3,500 foreign rows silently mixed with 10 new ones).

Rules (:func:`difference`):

* model version and options must be equal;
* the inputs named must be the same paths (resolved: ``./a/../x.jsonl`` and ``x.jsonl`` agree);
* each input file recorded must still exist with the same first bytes; it may have *grown* (rows
  appended since: they are tagged now), but not shrunk; a directory input may have gained files;
* a partial output without a record (written by an older policytag) is refused: nothing says
  what it holds.

The record is removed when the run finishes (``OUT`` is renamed into place).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

from policytag import PolicytagError
from policytag.errors import escape

META_SUFFIX = ".meta.json"
#: bytes of each input hashed: the first rows (a clause row is ~0.3-2 KB)
HEAD_BYTES = 1 << 20
#: the rows' layout: 2 added ``date`` (the notice's signing date) to every row and Parquet column set, so
#: parts written before it cannot be joined to new ones (a Parquet ``finish`` would fail on the schema)
FORMAT_VERSION = 2


def meta_path(partial: str | os.PathLike) -> Path:
    """``OUT.partial`` -> ``OUT.partial.meta.json`` (beside it, for a file and a directory alike)."""
    partial = Path(partial)
    return partial.with_name(partial.name + META_SUFFIX)


def _head_sha(path: str, n: int) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            data = fh.read(n)
    except OSError:
        return None
    if len(data) < n:
        return None
    h.update(data)
    return h.hexdigest()


def file_identity(path: str) -> dict[str, Any]:
    st = os.stat(path)
    n = min(st.st_size, HEAD_BYTES)
    return {"path": os.path.realpath(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "head_bytes": n, "head_sha256": _head_sha(path, n)}


def input_identity(paths: Sequence[str], suffixes: Iterable[str] | None = None) -> dict[str, Any]:
    """The identity of a run's inputs: the paths as named (resolved) and every file read, a
    directory expanded to its files (those ending in ``suffixes`` when given)."""
    wanted = tuple(s.lower() for s in suffixes) if suffixes is not None else None
    files = []
    for raw in paths:
        if os.path.isdir(raw):
            for root, dirs, names in os.walk(raw):
                dirs.sort()
                for name in sorted(names):
                    if wanted is None or name.lower().endswith(wanted):
                        files.append(file_identity(os.path.join(root, name)))
        elif os.path.exists(raw):
            files.append(file_identity(raw))
    return {"inputs": [os.path.realpath(p) for p in paths], "files": files}


def run_identity(model_version: str, options: dict[str, Any], inputs: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything that decides the rows of a streaming run (``inputs`` from :func:`input_identity`;
    None when the caller streams an iterable with no file behind it)."""
    out: dict[str, Any] = {"format_version": FORMAT_VERSION, "model_version": str(model_version),
                           "options": dict(sorted(options.items()))}
    if inputs is not None:
        out.update(inputs)
    return out


def write_meta(partial: str | os.PathLike, identity: dict[str, Any]) -> None:
    from policytag.io import atomic_write

    with atomic_write(meta_path(partial)) as fh:
        json.dump(identity, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def read_meta(partial: str | os.PathLike) -> dict[str, Any] | None:
    """The recorded identity, None when there is none; a corrupt record is an error."""
    path = meta_path(partial)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PolicytagError(f"{path}: unreadable record of the interrupted run ({type(exc).__name__}); "
                             f"delete it and {Path(partial).name} to start again") from None
    if not isinstance(data, dict):
        raise PolicytagError(f"{path}: not a record of a streaming run; delete it and {Path(partial).name} "
                             "to start again")
    return data


def remove_meta(partial: str | os.PathLike) -> None:
    try:
        os.unlink(meta_path(partial))
    except FileNotFoundError:
        pass


def _shown(value: Any) -> str:
    return "the run's own thresholds" if value is None else escape(value)


def difference(recorded: dict[str, Any], current: dict[str, Any]) -> str | None:
    """What makes ``current`` a different run from ``recorded`` (one phrase), or None."""
    if recorded.get("format_version", 1) != current.get("format_version", 1):
        return (f"row format: it was written by an older policytag (format {recorded.get('format_version', 1)}), "
                f"this one writes format {current.get('format_version', 1)}")
    if recorded.get("model_version") != current.get("model_version"):
        return f"model: it was written by {recorded.get('model_version')}, this run uses {current.get('model_version')}"
    old_opts, new_opts = recorded.get("options") or {}, current.get("options") or {}
    for key in sorted(set(old_opts) | set(new_opts)):
        if old_opts.get(key) != new_opts.get(key):
            return f"option {key}: {_shown(old_opts.get(key))} then, {_shown(new_opts.get(key))} now"
    if "inputs" not in current or "inputs" not in recorded:
        return None  # an iterable without files behind it (library use): nothing more to compare
    if recorded["inputs"] != current["inputs"]:
        old, new = recorded["inputs"], current["inputs"]
        return (f"input: it was written from {escape(', '.join(old)) or 'nothing'}, this run reads "
                f"{escape(', '.join(new)) or 'nothing'}")
    now = {f["path"]: f for f in current.get("files") or []}
    for before in recorded.get("files") or []:
        path = before.get("path")
        after = now.get(path)
        if after is None:
            return f"input file {escape(path)} is gone"
        if after["size"] < before.get("size", 0):
            return f"input file {escape(path)} shrank ({before.get('size'):,} -> {after['size']:,} bytes)"
        if (after["size"], after["mtime_ns"]) == (before.get("size"), before.get("mtime_ns")):
            continue
        if _head_sha(path, int(before.get("head_bytes") or 0)) != before.get("head_sha256"):
            return f"input file {escape(path)} changed (its first rows differ)"
    return None
