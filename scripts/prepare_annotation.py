"""Write the annotators' work files and draw the second-pass sample.

  data/annotations/work/clauses/YEAR.jsonl   every clause of the corpus, per notice year
  data/annotations/work/pass2/sample.jsonl   15% of the clauses of every year (seed 20260129)

Usage: python scripts/prepare_annotation.py   (re-running reproduces the same files)
"""

import json
import random
from collections import defaultdict

from policytag import PROJECT_ROOT
from policytag.corpus.segment import segment_paths

SEED = 20260129
FRACTION = 0.15
WORK = PROJECT_ROOT / "data" / "annotations" / "work"


def row(c, docs):
    return {"clause_id": c.clause_id, "doc_id": c.doc_id, "year": c.year, "title": docs[c.year].title,
            "kind": c.kind, "heading_path": list(c.heading_path), "text": c.text}


def main():
    result = segment_paths([PROJECT_ROOT / "data" / "corpus"])
    docs = {d.year: d for d in result.documents}
    by_year = defaultdict(list)
    for c in result.clauses:
        by_year[c.year].append(c)
    (WORK / "clauses").mkdir(parents=True, exist_ok=True)
    (WORK / "pass2").mkdir(parents=True, exist_ok=True)
    for year, clauses in by_year.items():
        with open(WORK / "clauses" / f"{year}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row(c, docs), ensure_ascii=False) + "\n" for c in clauses)
    rng = random.Random(SEED)
    sample = []
    for year in sorted(by_year):  # sampled within every year, so all years are covered
        k = max(1, round(FRACTION * len(by_year[year])))
        sample += rng.sample(by_year[year], k)
    with open(WORK / "pass2" / "sample.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row(c, docs), ensure_ascii=False) + "\n" for c in sample)
    print(f"{len(result.clauses)} clauses in {len(by_year)} years; second-pass sample: {len(sample)}")


if __name__ == "__main__":
    main()
