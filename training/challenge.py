"""The challenge split: clauses written for evaluation only (``data/challenge/challenge-v1.jsonl``),
in the genre but not from the corpus: other provinces' and cities' notices, standalone clauses
with and without a heading, cue-only sectors, misleading words (codebook rules 6-11).

Rows have the gold file's shape plus the clause itself (``text``, ``heading_path``), since they
are not segmented from the corpus. The split is never used for training, early stopping or
threshold tuning: only ``evaluate --split challenge`` and ``compare`` read it.
"""

from __future__ import annotations

from pathlib import Path

from policytag import PROJECT_ROOT, PolicytagError
from policytag.io import read_jsonl
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy

from .data import Dataset, Example

DEFAULT_CHALLENGE = PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl"


def challenge_path(config: dict | None = None) -> Path:
    """``data.challenge`` of a config when given, else ``data/challenge/challenge-v1.jsonl``."""
    path = ((config or {}).get("data") or {}).get("challenge")
    if not path:
        return DEFAULT_CHALLENGE
    from .config import resolved_path

    return resolved_path(config, path)


def augment_path(config: dict) -> Path | None:
    """``data.augment`` of a config (training-only clauses for rare labels), or None."""
    path = ((config or {}).get("data") or {}).get("augment")
    if not path:
        return None
    from .config import resolved_path

    return resolved_path(config, path)


def train_extra_path(config: dict) -> Path | None:
    """``data.train_extra`` of a config (more training-only clauses, e.g. data/train-v2/), or None."""
    path = ((config or {}).get("data") or {}).get("train_extra")
    if not path:
        return None
    from .config import resolved_path

    return resolved_path(config, path)


def has_training_only(config: dict) -> bool:
    """Does the config add training-only clauses (``data.augment`` / ``data.train_extra``)?"""
    data = (config or {}).get("data") or {}
    return bool(data.get("augment") or data.get("train_extra"))


def with_augment(config: dict, part: Dataset) -> Dataset:
    """``part`` plus the config's training-only clauses (``data.augment``, ``data.train_extra``),
    for *training* only: dev, test, CV test folds, the challenge and real-dev sets never see them."""
    examples = list(part.examples)
    for path, what in ((augment_path(config), "augmentation set"), (train_extra_path(config), "training-only set")):
        if path is not None:
            examples += load_clause_set(path, what).examples
    return part if len(examples) == len(part.examples) else Dataset(examples, part.data_hash)


def load_challenge(path: str | Path | None = None) -> Dataset:
    """The challenge clauses with their labels; a one-line error when missing or malformed."""
    return load_clause_set(Path(path) if path else DEFAULT_CHALLENGE, "challenge set")


def load_clause_set(path: Path, what: str) -> Dataset:
    """A JSONL file of labelled clauses that carry their own text (challenge, augmentation)."""
    path = Path(path)
    if not path.exists():
        raise PolicytagError(f"{path}: {what} not found")
    taxonomy = load_taxonomy()
    examples = []
    for n, row in enumerate(read_jsonl(path), 1):
        for key in ("sector", "measure_type"):
            if key not in row:
                raise PolicytagError(f"{path}: row {n}: missing {key!r}")
        try:
            clause = Clause.from_row(row, doc_id="challenge")
        except ValueError as exc:
            raise PolicytagError(f"{path}: row {n}: {exc}") from None
        problems = taxonomy.problems(row["sector"], row["measure_type"])
        if problems:
            raise PolicytagError(f"{path}: {clause.clause_id}: {'; '.join(problems)}")
        examples.append(Example(clause, Labels(tuple(row["sector"]), tuple(row["measure_type"]))))
    if not examples:
        raise PolicytagError(f"{path}: {what} is empty")
    return Dataset.of_clause_set(examples)


def extra_metrics(config: dict, tagger, data: Dataset | None = None, test_indices=None) -> dict:
    """What every run records beside its split figures: the challenge-set metrics (when the set
    exists) and per-dimension calibration (ECE + reliability bins) on the temporal test and the
    challenge set. The model is not changed or tuned here."""
    import time

    from policytag.labels import label_matrix
    from policytag.metrics import calibration_report

    from .metrics import evaluate_labels

    taxonomy = load_taxonomy()
    out: dict = {"calibration": {}}
    parts = []
    if data is not None and test_indices is not None and len(test_indices):
        parts.append(("test", data.subset(test_indices)))
    path = challenge_path(config)
    if path.exists():
        parts.append(("challenge", load_challenge(path)))
    for name, part in parts:
        start = time.perf_counter()
        proba = tagger.predict_proba(part.clauses)
        pred = tagger.decode(proba)
        elapsed = time.perf_counter() - start
        y = label_matrix(part.labels, taxonomy)
        out["calibration"][name] = calibration_report(proba, y)
        if name == "challenge":
            out["challenge"] = evaluate_labels(part.labels, pred, taxonomy)
            out["challenge_info"] = {"path": str(path), "n": len(part.examples), "data_hash": part.data_hash,
                                     "throughput_clauses_per_s": round(len(part.examples) / max(elapsed, 1e-9), 1)}
    oof = getattr(tagger, "oof_proba_", None)
    if oof and data is not None and test_indices is None:
        out["calibration"]["oof"] = calibration_report(oof, label_matrix(data.labels, taxonomy))
    return out
