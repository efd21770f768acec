"""The challenge split: clauses written for evaluation only (``data/challenge/challenge-v*.jsonl``:
v1, other provinces' and cities' notices, standalone clauses with and without a heading, cue-only
sectors, misleading words of codebook rules 6-11; v2, the genres of other governments (regulations,
emergency plans, 工作要点, 专项整治方案, 通告) and misleading words of codebook-v2 rules 14-24).
A directory means every ``challenge-v*.jsonl`` file in it, in version order.

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

DEFAULT_CHALLENGE = PROJECT_ROOT / "data" / "challenge"
#: the clause files of a challenge directory (v1, v2, ...); other files there are its card's inputs
CHALLENGE_FILES = "challenge-v*.jsonl"


def challenge_path(config: dict | None = None) -> Path:
    """``data.challenge`` of a config when given, else the directory ``data/challenge`` (all of
    its ``challenge-v*.jsonl`` files)."""
    path = ((config or {}).get("data") or {}).get("challenge")
    if not path:
        return DEFAULT_CHALLENGE
    from .config import resolved_path

    return resolved_path(config, path)


def augment_path(config: dict) -> Path | None:
    """``data.augment`` of a config (training-only clauses for rare labels), or None."""
    if not ((config or {}).get("data") or {}).get("augment"):
        return None
    from .config import data_file

    return data_file(config, "augment")


def train_extra_path(config: dict) -> Path | None:
    """``data.train_extra`` of a config (more training-only clauses, e.g. data/train-v2/), or None."""
    if not ((config or {}).get("data") or {}).get("train_extra"):
        return None
    from .config import data_file

    return data_file(config, "train_extra")


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


def _label_hint(taxonomy, row: dict) -> str:
    """`` (did you mean 'coal_mine'?)`` for the first label of ``row`` the taxonomy lacks: a
    hand-written training file misspells ids (``coal_mines``) more often than it invents them."""
    from policytag.errors import did_you_mean

    for dim in ("sector", "measure_type"):
        ids = taxonomy[dim].ids
        for label in row.get(dim) or ():
            if label not in ids:
                return did_you_mean(label, ids)
    return ""


def load_clause_set(path: Path, what: str) -> Dataset:
    """A JSONL file of labelled clauses that carry their own text (challenge, augmentation), or a
    directory: all its ``challenge-v*.jsonl`` files, in version order."""
    path = Path(path)
    if not path.exists():
        raise PolicytagError(f"{path}: {what} not found")
    files = sorted(path.glob(CHALLENGE_FILES), key=_version) if path.is_dir() else [path]
    if not files:
        raise PolicytagError(f"{path}: no {CHALLENGE_FILES} file in this directory")
    taxonomy = load_taxonomy()
    examples = []
    seen: set[str] = set()
    for file in files:
        for n, row in enumerate(read_jsonl(file), 1):
            for key in ("sector", "measure_type"):
                if key not in row:
                    raise PolicytagError(f"{file}: row {n}: missing {key!r}")
            try:
                clause = Clause.from_row(row, doc_id="challenge")
            except ValueError as exc:
                raise PolicytagError(f"{file}: row {n}: {exc}") from None
            problems = taxonomy.problems(row["sector"], row["measure_type"])
            if problems:
                raise PolicytagError(f"{file}: {clause.clause_id}: {'; '.join(problems)}{_label_hint(taxonomy, row)}")
            if clause.clause_id in seen:  # the files of one directory share one id space
                raise PolicytagError(f"{file}: row {n}: clause_id {clause.clause_id!r} occurs twice")
            seen.add(clause.clause_id)
            examples.append(Example(clause, Labels(tuple(row["sector"]), tuple(row["measure_type"]))))
    if not examples:
        raise PolicytagError(f"{path}: {what} is empty")
    return Dataset.of_clause_set(examples)


def _version(file: Path) -> tuple[int, str]:
    """``challenge-v2.jsonl`` -> (2, name): v10 sorts after v9."""
    digits = "".join(ch for ch in file.stem.rsplit("-v", 1)[-1] if ch.isdigit())
    return (int(digits) if digits else 0, file.name)


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
