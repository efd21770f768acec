"""Quick check of what the augmentation set does to the TF-IDF baseline (not the comparison report).

Usage (from the repository root)::

    nice .venv/bin/python data/augment/ablation.py

Fits the baseline recipe of ``configs/baseline.yaml`` (TF-IDF 1-3-grams, min_df 2, C 4, heading
used) on the gold temporal train split (notices <= 2021) with and without
``augment-v1.jsonl``, tunes per-label thresholds on dev (2022-2023) and prints macro/micro-F1 on
dev and on the temporal test (2024-2026). The augmentation rows only ever enter the *training*
side; dev and test are the gold clauses alone. The official with/without rows belong to
``policytag compare`` (issue 9); this script exists so the data card's figures can be re-measured.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from policytag.models.tfidf import TfidfTagger
from policytag.records import Clause, Labels
from policytag.training.data import load_dataset
from policytag.training.metrics import evaluate_labels

HERE = Path(__file__).resolve().parent


def load_augment(path: Path = HERE / "augment-v1.jsonl") -> tuple[list[Clause], list[Labels]]:
    clauses, labels = [], []
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        clauses.append(Clause.from_row(r))
        labels.append(Labels(tuple(r["sector"]), tuple(r["measure_type"])))
    return clauses, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train-until", type=int, default=2021)
    args = ap.parse_args()
    data = load_dataset()
    split = {"train": [], "dev": [], "test": []}
    for ex in data.examples:
        year = ex.clause.year
        part = "train" if year <= args.train_until else "dev" if year <= args.train_until + 2 else "test"
        split[part].append(ex)
    aug_c, aug_l = load_augment()
    print(f"train {len(split['train'])} (+{len(aug_c)} augment), dev {len(split['dev'])}, test {len(split['test'])}")
    print("| training data | part | sector macro | sector micro | measure macro | measure micro |")
    print("|---|---|---:|---:|---:|---:|")
    for name, (extra_c, extra_l) in (("gold train", ([], [])), ("gold train + augment-v1", (aug_c, aug_l))):
        clauses = [e.clause for e in split["train"]] + extra_c
        labels = [e.labels for e in split["train"]] + extra_l
        model = TfidfTagger(ngram_range=(1, 3), min_df=2, C=4.0, use_heading=True)
        model.fit(clauses, labels, [e.clause for e in split["dev"]], [e.labels for e in split["dev"]])
        for part in ("dev", "test"):
            m = evaluate_labels([e.labels for e in split[part]], model.predict([e.clause for e in split[part]]),
                                model.taxonomy)
            print(f"| {name} | {part} | {m['sector']['macro_f1']:.3f} | {m['sector']['micro_f1']:.3f} | "
                  f"{m['measure_type']['macro_f1']:.3f} | {m['measure_type']['micro_f1']:.3f} |")


if __name__ == "__main__":
    main()
