"""The labelled dataset: gold labels joined with the segmenter's clauses (text is never stored twice)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from policytag import PolicytagError
from policytag.corpus.segment import segment_paths
from policytag.io import read_jsonl
from policytag.paths import corpus_path, gold_path, resolve_data_path
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy

#: the shipped gold dataset and the corpus copy it labels (package data)
DEFAULT_GOLD = gold_path()
DEFAULT_CORPUS = corpus_path()


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Example:
    clause: Clause
    labels: Labels


@dataclass(frozen=True)
class Dataset:
    examples: list[Example]
    data_hash: str

    @property
    def clauses(self) -> list[Clause]:
        return [e.clause for e in self.examples]

    @property
    def labels(self) -> list[Labels]:
        return [e.labels for e in self.examples]

    def subset(self, indices) -> "Dataset":
        return Dataset([self.examples[i] for i in indices], self.data_hash)

    @classmethod
    def of_clause_set(cls, examples: list[Example]) -> "Dataset":
        """A set of clauses that carry their own text (challenge, augmentation, real-dev), hashed
        over what it is: ids, texts and labels."""
        canonical = json.dumps([(e.clause.clause_id, e.clause.text, e.labels.sector, e.labels.measure_type)
                                for e in examples], ensure_ascii=False)
        return cls(examples, hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16])


def resolve(path: str | Path) -> Path:
    """A data path: ``policytag:REL`` (package data), absolute, or relative to the current
    directory, then the checkout/home (``policytag.paths.resolve_data_path``)."""
    return resolve_data_path(path)


def load_dataset(gold: str | Path = DEFAULT_GOLD, corpus: str | Path = DEFAULT_CORPUS) -> Dataset:
    """Gold rows joined with segmented clauses; fails if a label's text drifted from the clause."""
    gold, corpus = resolve(gold), resolve(corpus)
    rows = read_jsonl(gold)
    taxonomy = load_taxonomy()
    seg = segment_paths([corpus])
    by_id = {c.clause_id: c for c in seg.clauses}
    examples, drifted = [], []
    for row in rows:
        clause = by_id.get(row["clause_id"])
        if clause is None or text_sha1(clause.text) != row.get("text_sha1", text_sha1(clause.text)):
            drifted.append(row["clause_id"])
            continue
        problems = taxonomy.problems(row["sector"], row["measure_type"])
        if problems:
            raise PolicytagError(f"{gold}: {row['clause_id']}: {'; '.join(problems)}")
        examples.append(Example(clause, Labels(tuple(row["sector"]), tuple(row["measure_type"]))))
    if drifted:
        raise PolicytagError(f"{gold}: {len(drifted)} label(s) no longer match the segmenter's clauses "
                             f"(re-check: {', '.join(drifted[:5])}{' …' if len(drifted) > 5 else ''})")
    canonical = json.dumps(sorted((r["clause_id"], r.get("text_sha1"), r["sector"], r["measure_type"]) for r in rows),
                           ensure_ascii=False)
    return Dataset(examples, hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16])
