"""Rebuild ``tests/data/speed_snapshot/``: a small fixed hybrid run and what it outputs on the
challenge clauses, the reference for ``tests/test_speed_snapshot.py``.

The speed work (one-pass matching, batched features, shared hits) must change no prediction of a
given model. This script trains a small hybrid (knowledge + a 1,500-feature TF-IDF learner) on the
gold data under a COPY of the taxonomy stored beside it, and writes the challenge clauses with
the labels, scores, evidence and extracted fields that ``tag_clauses`` gives for them. The test
reloads the run under the stored taxonomy, tags the stored clauses and compares: so the snapshot
depends on code only, not on later taxonomy, gold or challenge edits.

Regenerate ONLY when the run itself must be rebuilt (e.g. the run format changed), never to make
a failing comparison pass::

    .venv/bin/python tests/build_speed_snapshot.py
"""

from __future__ import annotations

import json
import shutil
import sys
from conftest import TEST_DATA

HERE = TEST_DATA / "speed_snapshot"


def snapshot_rows(tagger, clauses) -> list[dict]:
    """What the comparison looks at: labels, raw probabilities, evidence, deadlines, targets."""
    from policytag.inference.tagging import predict_proba_batched, tag_clauses
    from policytag.taxonomy import DIMENSIONS

    tagged = tag_clauses(tagger, clauses, progress=False, batch_size=64)
    proba = predict_proba_batched(tagger, clauses, batch_size=64, progress=False)
    rows = []
    for i, (clause, t) in enumerate(zip(clauses, tagged)):
        d = t.to_dict()
        rows.append({"clause": clause.to_dict(),
                     "sector": d["sector"], "measure_type": d["measure_type"],
                     "proba": {dim: [float(x) for x in proba[dim][i]] for dim in DIMENSIONS},
                     "evidence": d["evidence"], "deadlines": d["deadlines"], "targets": d["targets"]})
    return rows


def main() -> None:
    from policytag import PROJECT_ROOT
    from policytag.models.hybrid import HybridTagger
    from policytag.taxonomy import load_taxonomy
    from policytag.training.challenge import load_challenge
    from policytag.training.data import load_dataset

    if HERE.exists():
        shutil.rmtree(HERE)
    (HERE / "model").mkdir(parents=True)
    shutil.copyfile(PROJECT_ROOT / "configs" / "taxonomy.yaml", HERE / "taxonomy.yaml")
    taxonomy = load_taxonomy(HERE / "taxonomy.yaml")
    gold = load_dataset(PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl", PROJECT_ROOT / "data" / "corpus")
    tagger = HybridTagger(learners=[{"type": "tfidf", "params": {"max_features": 1500, "min_df": 2},
                                     "dimensions": ["measure_type"]}], folds=3, random_state=0, taxonomy=taxonomy)
    tagger.fit(gold.clauses, gold.labels)
    tagger.save(HERE / "model")
    (HERE / "model" / "oof_proba.npz").unlink()  # fit-time data, not needed to predict
    challenge = load_challenge(PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl").clauses
    rows = snapshot_rows(tagger, challenge)
    with open(HERE / "snapshot.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {HERE} ({len(rows)} clauses)", file=sys.stderr)


if __name__ == "__main__":
    main()
