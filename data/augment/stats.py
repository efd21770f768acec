"""Recompute the label counts of the augmentation set and check its rows.

Usage (from the repository root)::

    .venv/bin/python data/augment/stats.py            # Markdown tables: train / augment / train+augment
    .venv/bin/python data/augment/stats.py --check    # also validate every row and measure overlap with the corpus

The "train" column is the temporal training split of the gold dataset (notices up to
``--train-until``, default 2021, as in ``configs/baseline.yaml``); it is read from the gold rows'
``year`` field, so no segmentation is needed for the counts. ``--check`` validates the rows against
the taxonomy (ids, ``cross_sector`` exclusive, one to three measure types, unique ids and texts),
flags near-duplicate pairs inside the set (character 4-gram Jaccard >= 0.5) and reports, per row,
the longest substring shared with any corpus clause (segmented with the project's segmenter), so
"not copied from the corpus" is a number, not a promise. Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
AUGMENT = HERE / "augment-v1.jsonl"
GOLD = ROOT / "data" / "annotations" / "gold-v1.jsonl"
TAXONOMY = ROOT / "configs" / "taxonomy.yaml"
CORPUS = ROOT / "data" / "corpus" / "shanxi_annual_safety_notices_2009-2026.txt"
DIMS = ("sector", "measure_type")
MAX_SHARED = 30  # a shared run longer than this (characters) counts as copied


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def label_order(taxonomy: dict) -> dict[str, list[tuple[str, str]]]:
    """{dimension: [(id, Chinese name), ...]} in taxonomy order (the only source of label order)."""
    return {d: [(lab["id"], lab["name"]) for lab in taxonomy["dimensions"][d]["labels"]] for d in DIMS}


def counts(rows: list[dict]) -> dict[str, Counter]:
    return {d: Counter(label for r in rows for label in r[d]) for d in DIMS}


def tables(train: list[dict], aug: list[dict], order: dict, train_until: int) -> str:
    ct, ca = counts(train), counts(aug)
    dominant = Counter(r["measure_type"][0] for r in aug)
    out = [f"Gold train split (notices up to {train_until}): {len(train)} clauses. "
           f"Augmentation set: {len(aug)} clauses "
           f"({sum(1 for r in aug if not r['heading_path'])} without a heading).", ""]
    for d in DIMS:
        extra = " | aug dominant" if d == "measure_type" else ""
        out += [f"### {d}", "", f"| id | 名称 | train | augment | train+augment{extra} |",
                "|---|---|---:|---:|---:|" + ("---:|" if extra else "")]
        for lid, name in order[d]:
            row = f"| `{lid}` | {name} | {ct[d][lid]} | {ca[d][lid]} | {ct[d][lid] + ca[d][lid]} |"
            if extra:
                row += f" {dominant[lid]} |"
            out.append(row)
        out.append("")
    return "\n".join(out)


def _shingles(text: str, n: int = 4) -> set[str]:
    return {text[i:i + n] for i in range(max(1, len(text) - n + 1))}


def longest_shared(text: str, corpus: str) -> int:
    """Length of the longest substring of ``text`` that occurs in ``corpus`` (greedy extension)."""
    best = 0
    for i in range(len(text)):
        k = best + 1
        while i + k <= len(text) and text[i:i + k] in corpus:
            best = k
            k += 1
    return best


def check(aug: list[dict], order: dict) -> list[str]:
    """Problems found in the rows (empty list when all is well); prints the overlap figures."""
    problems = []
    ids = {d: {lid for lid, _ in order[d]} for d in DIMS}
    seen_ids, seen_texts = set(), set()
    for r in aug:
        cid = r.get("clause_id")
        for key in ("clause_id", "doc_id", "source", "year", "heading_path", "text", "kind", "agencies",
                    "sector", "measure_type", "annotator", "note"):
            if key not in r:
                problems.append(f"{cid}: missing key {key}")
        if cid in seen_ids:
            problems.append(f"{cid}: duplicate clause_id")
        if r["text"] in seen_texts:
            problems.append(f"{cid}: duplicate text")
        seen_ids.add(cid)
        seen_texts.add(r["text"])
        for d in DIMS:
            bad = [x for x in r[d] if x not in ids[d]]
            if bad or not r[d] or len(set(r[d])) != len(r[d]):
                problems.append(f"{cid}: bad {d} {r[d]}")
        if "cross_sector" in r["sector"] and len(r["sector"]) > 1:
            problems.append(f"{cid}: cross_sector with other sectors")
        if not 1 <= len(r["measure_type"]) <= 3:
            problems.append(f"{cid}: {len(r['measure_type'])} measure types (1-3 allowed)")
    sh = [(r["clause_id"], _shingles(r["text"])) for r in aug]
    near = 0
    for i in range(len(sh)):
        for j in range(i + 1, len(sh)):
            a, b = sh[i][1], sh[j][1]
            jac = len(a & b) / len(a | b)
            if jac >= 0.5:
                near += 1
                problems.append(f"{sh[i][0]} / {sh[j][0]}: near-duplicates (4-gram Jaccard {jac:.2f})")
    print(f"near-duplicate pairs inside the set (4-gram Jaccard >= 0.5): {near}")
    try:
        from policytag.corpus.segment import segment_paths
    except ImportError as exc:  # the counts do not need the package; the overlap check does
        print(f"corpus overlap not checked (policytag not importable: {exc})")
        return problems
    corpus = "\n".join(c.text for c in segment_paths([CORPUS]).clauses)
    shared = sorted(((longest_shared(r["text"], corpus), r["clause_id"]) for r in aug), reverse=True)
    print(f"longest substring shared with a corpus clause: max {shared[0][0]} characters "
          f"({shared[0][1]}); rows sharing >= 15: {sum(1 for s, _ in shared if s >= 15)} of {len(aug)}")
    problems += [f"{cid}: shares {s} characters with the corpus" for s, cid in shared if s > MAX_SHARED]
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train-until", type=int, default=2021, help="last year of the gold training split (2021)")
    ap.add_argument("--check", action="store_true", help="validate rows and measure overlap with the corpus")
    args = ap.parse_args(argv)
    order = label_order(yaml.safe_load(TAXONOMY.read_text(encoding="utf-8")))
    aug = read_jsonl(AUGMENT)
    train = [r for r in read_jsonl(GOLD) if r["year"] <= args.train_until]
    print(tables(train, aug, order, args.train_until))
    if args.check:
        problems = check(aug, order)
        for p in problems:
            print(f"problem: {p}", file=sys.stderr)
        print(f"check: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
