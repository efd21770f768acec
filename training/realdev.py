"""The real-text dev set (``realdev``): real clauses of other governments, kept OUTSIDE the
repository (``../shared/realdev/realdev.jsonl``), used for evaluation and model selection only.

Never trained on: nothing in ``training/`` reads it except ``policytag compare`` (the real-dev
column) and ``policytag evaluate --split realdev``. A fresh clone has no ``../shared``; then the
report says so in one line and nothing else changes.

Where it is looked for, first found wins:

1. ``$POLICYTAG_REALDEV`` (a file path; when set but missing, that is reported, not skipped);
2. ``../shared/realdev/realdev.jsonl`` relative to the current directory;
3. the same relative to the checkout policytag runs from, and, when that checkout is a git
   worktree, relative to its main checkout (worktrees live elsewhere but share the main one's
   neighbours).

Row format (its README): ``id``, ``heading`` (ancestor headings joined with `` > ``), ``text``,
``sector``, ``measure_type`` (dominant first), plus source fields that are ignored here.
"""

from __future__ import annotations

import os
from pathlib import Path

from policytag import PROJECT_ROOT, PolicytagError
from policytag.io import read_jsonl
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy

from .data import Dataset, Example

ENV = "POLICYTAG_REALDEV"
REL = Path("..") / "shared" / "realdev" / "realdev.jsonl"


def _main_checkout(root: Path) -> Path | None:
    """The main checkout of a git worktree (``.git`` is a file ``gitdir: MAIN/.git/worktrees/X``)."""
    marker = root / ".git"
    if not marker.is_file():
        return None
    try:
        line = marker.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not line.startswith("gitdir:"):
        return None
    gitdir = Path(line.split(":", 1)[1].strip())
    if not gitdir.is_absolute():
        gitdir = (root / gitdir).resolve()
    # MAIN/.git/worktrees/NAME -> MAIN
    return gitdir.parent.parent.parent if gitdir.parent.name == "worktrees" else None


def candidates() -> list[Path]:
    """Where the real-dev file is looked for, in order (see the module docstring)."""
    env = os.environ.get(ENV)
    if env:
        return [Path(env)]
    roots = [Path.cwd(), PROJECT_ROOT]
    main = _main_checkout(PROJECT_ROOT)
    if main is not None:
        roots.append(main)
    out: list[Path] = []
    for root in roots:
        path = (root / REL).resolve()
        if path not in out:
            out.append(path)
    return out


def realdev_path() -> Path | None:
    """The real-dev file, or None when there is none (a fresh clone)."""
    return next((p for p in candidates() if p.is_file()), None)


def absent_message() -> str:
    """The one line a report or command prints when no real-dev file is found."""
    if os.environ.get(ENV):
        return f"real-dev set not found: ${ENV}={os.environ[ENV]} is not a file"
    return (f"real-dev set not found (looked for {REL.as_posix()} next to the current directory and the "
            f"checkout; set ${ENV} to its path): no real-dev figures")


def load_realdev(path: str | Path) -> Dataset:
    """The real-dev clauses with their labels (a one-line error for a malformed file).

    Labels outside the current taxonomy (e.g. an id a later codebook renamed) are an error: the
    figures would otherwise silently count them as misses.
    """
    path = Path(path)
    taxonomy = load_taxonomy()
    examples = []
    for n, row in enumerate(read_jsonl(path), 1):
        for key in ("text", "sector", "measure_type"):
            if key not in row:
                raise PolicytagError(f"{path}: row {n}: missing {key!r}")
        unknown = [x for dim in ("sector", "measure_type") for x in row[dim] if x not in taxonomy[dim].ids]
        if unknown:
            raise PolicytagError(f"{path}: row {n}: label(s) not in taxonomy {taxonomy.version}: {', '.join(unknown)}")
        try:
            clause = Clause.from_row(row, doc_id=f"realdev-{row.get('issuer') or 'unknown'}", clause_id=f"realdev-{n}")
        except ValueError as exc:
            raise PolicytagError(f"{path}: row {n}: {exc}") from None
        examples.append(Example(clause, Labels(tuple(row["sector"]), tuple(row["measure_type"]))))
    if not examples:
        raise PolicytagError(f"{path}: real-dev set is empty")
    return Dataset.of_clause_set(examples)


def score_realdev(tagger, path: str | Path | None = None) -> tuple[dict, dict] | None:
    """``(metrics, info)`` of a fitted tagger on the real-dev set, or None when there is none.

    ``metrics`` is ``training.metrics.evaluate_labels`` (micro/macro/samples F1, exact match and
    per-label P/R/F1/support per dimension); ``info`` has the path, size, content hash and the
    throughput measured while predicting.
    """
    import time

    from .metrics import evaluate_labels

    path = Path(path) if path else realdev_path()
    if path is None:
        return None
    part = load_realdev(path)
    start = time.perf_counter()
    pred = tagger.predict(part.clauses)
    elapsed = time.perf_counter() - start
    metrics = evaluate_labels(part.labels, pred, load_taxonomy())
    info = {"path": str(path), "n": len(part.examples), "data_hash": part.data_hash,
            "throughput_clauses_per_s": round(len(part.examples) / max(elapsed, 1e-9), 1)}
    return metrics, info
