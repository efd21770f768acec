"""Throughput of the default model's full tagging path against a plain reference pipeline, in one
process, on the same corpus-like clauses.

Clauses: ``--n`` (3,000) clauses resampled with a fixed stride from the challenge and augmentation
sets (``data/challenge``, ``data/augment``; ~73 characters on average), no heading path.

* ``default``: ``inference.tagging.tag_clauses`` with the default model (``--model``; what
  ``policytag tag`` uses): probabilities, decoding under the taxonomy rules, evidence (cue/rule
  hits, TF-IDF n-grams), deadline and target extraction;
* ``reference``: a plain pipeline of the same kind: character 1–3-gram TF-IDF + one-vs-rest
  logistic regression over all labels of both dimensions (fitted on the gold clauses before
  timing), labels above 0.5, one compiled alternation of every cue word (``finditer``) and one
  deadline regex.

Each is timed ``--repeat`` times, alternating, on the whole clause list; the median is reported
as clauses/s, with the ratio default/reference and the load average before and after (figures
from a busy machine are reported as such). The CPU time of the process (``time.process_time``)
is reported beside it, per clause: on a shared machine the wall time of a run depends on what
else runs in those seconds, its CPU time much less, so the CPU-time ratio is the steadier figure
under load (the aim is stated for wall time on an idle machine).

Usage::

    python benchmarks/bench_throughput.py [--model RUN_DIR|default] [--n 3000 | --distinct] [--repeat 5]
                                          [--batch-size 1024] [--profile OUT.prof] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tag import machine, shipped_model_spec  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402

DEADLINE = re.compile(r"(?:(?:20\d\d|二〇[一二三四五六七八九〇]{2})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|\d{1,2}日)?(?:前|以前)"
                      r"|(?:20\d\d年)?年底前|年内")


def corpus_like(n: int):
    """``n`` clauses resampled with a fixed stride from the challenge + augmentation sets."""
    from dataclasses import replace

    from policytag.training.challenge import load_clause_set

    pool = []
    for path, what in ((PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl", "challenge"),
                       (PROJECT_ROOT / "data" / "augment" / "augment-v1.jsonl", "augmentation")):
        pool += [c for c in load_clause_set(path, what).clauses]
    # ids made unique (the stream path refuses duplicates); text and headings unchanged
    return [replace(pool[(i * 7919) % len(pool)], clause_id=f"b{i:06d}", heading_path=()) for i in range(n)]


def distinct_clauses():
    """Every clause text of the gold, challenge, augmentation and train-v2 sets once (~1,800
    clauses, ~92 characters on average): a check that a speed-up is not an effect of the
    resampled clauses' repeated texts."""
    import json
    from dataclasses import replace

    from policytag.records import Clause
    from policytag.training.challenge import load_clause_set
    from policytag.training.data import load_dataset

    pool = list(load_dataset(PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl", PROJECT_ROOT / "data" / "corpus").clauses)
    for path, what in ((PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl", "challenge"),
                       (PROJECT_ROOT / "data" / "augment" / "augment-v1.jsonl", "augmentation")):
        pool += load_clause_set(path, what).clauses
    with open(PROJECT_ROOT / "data" / "train-v2" / "train-v2.jsonl", encoding="utf-8") as f:
        pool += [Clause.from_row(json.loads(line)) for line in f if line.strip()]
    seen, out = set(), []
    for clause in pool:
        if clause.text not in seen:
            seen.add(clause.text)
            out.append(replace(clause, clause_id=f"u{len(out):06d}"))
    return out


class Reference:
    """char 1–3-gram TF-IDF + OvR LR over every label, one cue alternation, one deadline regex."""

    def __init__(self, taxonomy):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        from policytag.taxonomy import DIMENSIONS

        self.taxonomy = taxonomy
        self.names = [(dim, lid) for dim in DIMENSIONS for lid in taxonomy[dim].ids]
        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, sublinear_tf=True)
        self.ovr = OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=2000))
        cues = sorted({c for dim in DIMENSIONS for lab in taxonomy[dim].labels for c in lab.cues}, key=len, reverse=True)
        self.cues = re.compile("|".join(map(re.escape, cues)))

    def fit(self, clauses, labels):
        import numpy as np

        X = self.vectorizer.fit_transform([c.text for c in clauses])
        Y = np.array([[lid in getattr(lab, dim) for dim, lid in self.names] for lab in labels], dtype=int)
        keep = (Y.min(axis=0) != Y.max(axis=0))  # a label with one class cannot be fitted
        self.keep = keep
        self.ovr.fit(X, Y[:, keep])
        return self

    def tag(self, clauses):
        texts = [c.text for c in clauses]
        proba = self.ovr.predict_proba(self.vectorizer.transform(texts))
        labels = proba > 0.5
        out = []
        for text, row in zip(texts, labels):
            out.append((row.nonzero()[0].tolist(), [(m.start(), m.end()) for m in self.cues.finditer(text)],
                        DEADLINE.findall(text)))
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None,
                        help="run directory or `default` (what `policytag tag` uses, which prefers a trained run "
                             "under runs/ in a working checkout); default: the shipped default model, "
                             "policytag/resources/model")
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--distinct", action="store_true",
                        help="tag every distinct clause text of the gold, challenge, augmentation and train-v2 sets once "
                             "instead of --n resampled corpus-like clauses")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=None, help="tag_clauses batch size (default: its own)")
    parser.add_argument("--profile", metavar="OUT", help="also write a cProfile of one default-path run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.model is None:
        args.model = shipped_model_spec()

    from policytag.app import resolve_model
    from policytag.inference.tagging import DEFAULT_BATCH_SIZE, tag_clauses
    from policytag.training.data import load_dataset

    before = machine()
    clauses = distinct_clauses() if args.distinct else corpus_like(args.n)
    tagger = resolve_model(args.model)
    gold = load_dataset(PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl", PROJECT_ROOT / "data" / "corpus")
    reference = Reference(tagger.taxonomy).fit(gold.clauses, gold.labels)
    batch = args.batch_size or DEFAULT_BATCH_SIZE
    tag_clauses(tagger, clauses[:50], progress=False, batch_size=batch)  # warm-up: lazy imports, caches
    reference.tag(clauses[:50])
    times = {"default": [], "reference": []}
    cpu = {"default": [], "reference": []}
    for _ in range(args.repeat):
        for name, fn in (("default", lambda: tag_clauses(tagger, clauses, progress=False, batch_size=batch)),
                         ("reference", lambda: reference.tag(clauses))):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    if args.profile:
        import cProfile

        cProfile.runctx("tag_clauses(tagger, clauses, progress=False, batch_size=batch)", globals(),
                        {"tag_clauses": tag_clauses, "tagger": tagger, "clauses": clauses, "batch": batch},
                        args.profile)
    rate = {k: len(clauses) / statistics.median(v) for k, v in times.items()}
    result = {
        "machine": before, "load_average_after": "/".join(f"{x:.1f}" for x in os.getloadavg()),
        "clauses": len(clauses), "mean_chars": round(sum(len(c.text) for c in clauses) / len(clauses), 1),
        "model_version": tagger.model_version, "batch_size": batch, "repeat": args.repeat,
        "default_clauses_per_s": round(rate["default"]), "reference_clauses_per_s": round(rate["reference"]),
        "ratio": round(rate["default"] / rate["reference"], 2),
        "cpu_us_per_clause": {k: round(statistics.median(v) / len(clauses) * 1e6, 1) for k, v in cpu.items()},
        "aims": {"ratio >= 0.7": rate["default"] >= 0.7 * rate["reference"], "default >= 2000/s": rate["default"] >= 2000},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    m = result["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores; load average {m['load_average_1_5_15']} before, "
          f"{result['load_average_after']} after")
    print(f"{result['clauses']} clauses ({result['mean_chars']} chars avg), median of {args.repeat}, batch {batch}")
    print(f"default   {result['default_clauses_per_s']:>7,d} clauses/s  [{result['model_version']}]")
    print(f"reference {result['reference_clauses_per_s']:>7,d} clauses/s")
    print(f"ratio     {result['ratio']:.2f}  (aims: >= 0.7x reference: {result['aims']['ratio >= 0.7']}, "
          f">= 2,000/s: {result['aims']['default >= 2000/s']})")
    c = result["cpu_us_per_clause"]
    print(f"CPU time  default {c['default']:.1f} us/clause, reference {c['reference']:.1f} us/clause (median): "
          f"ratio {c['reference'] / c['default']:.2f}")


if __name__ == "__main__":
    main()
