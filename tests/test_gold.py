"""Guard the gold dataset: every clause of the current segmenter output annotated exactly once,
with valid ids and rules, and labels tied to the exact text they were given for."""

import json
from collections import Counter

import pytest

from policytag.corpus.segment import segment_paths
from policytag.io import read_jsonl
from policytag.taxonomy import load_taxonomy
from policytag.training.data import text_sha1
from conftest import CORPUS_DIR, GOLD_CARD, GOLD_FILE


@pytest.fixture(scope="module")
def gold():
    rows = read_jsonl(GOLD_FILE)
    assert len(rows) > 400, "the gold file lost its rows"  # every loop below would pass on an empty file
    return rows


@pytest.fixture(scope="module")
def clauses():
    found = {c.clause_id: c for c in segment_paths([CORPUS_DIR]).clauses}
    assert len(found) > 400, "the segmenter lost the corpus clauses"
    return found


def test_every_clause_annotated_exactly_once(gold, clauses):
    counts = Counter(r["clause_id"] for r in gold)
    duplicated = sorted(k for k, v in counts.items() if v > 1)
    missing = sorted(set(clauses) - set(counts))
    unknown = sorted(set(counts) - set(clauses))
    assert not duplicated, f"annotated more than once: {duplicated}"
    assert not missing, f"clauses without gold labels (annotate them): {missing}"
    assert not unknown, f"gold labels for clauses the segmenter no longer produces (re-check): {unknown}"


def test_labels_still_match_their_text(gold, clauses):
    drifted = [r["clause_id"] for r in gold if r["clause_id"] in clauses
               and text_sha1(clauses[r["clause_id"]].text) != r["text_sha1"]]
    assert not drifted, f"the segmenter changed these clauses since they were labelled; re-check: {drifted}"


def test_ids_and_rules(gold, clauses):
    taxonomy = load_taxonomy()
    bad = {}
    for r in gold:
        problems = taxonomy.problems(r["sector"], r["measure_type"])
        if not (1 <= len(r["measure_type"]) <= 3):
            problems.append("1-3 measure types")
        if "cross_sector" in r["sector"] and len(r["sector"]) > 1:
            problems.append("cross_sector exclusivity")
        c = clauses.get(r["clause_id"])
        if c and (r["doc_id"] != c.doc_id or r["year"] != c.year):
            problems.append("doc_id/year mismatch")
        if not r.get("annotator"):
            problems.append("annotator missing")
        if problems:
            bad[r["clause_id"]] = problems
    assert not bad, bad


def test_preamble_rule(gold, clauses):
    # codebook §4 rule 3: the preamble paragraph is cross_sector + awareness_goals
    checked = 0
    for r in gold:
        if clauses[r["clause_id"]].kind == "preamble" and clauses[r["clause_id"]].clause_id.endswith("-0-p1"):
            assert r["sector"] == ["cross_sector"] and "awareness_goals" in r["measure_type"], r["clause_id"]
            checked += 1
    assert checked >= 10, f"only {checked} opening preambles found: the rule was hardly checked"


def test_data_card_records_taxonomy_version_and_agreement():
    text = GOLD_CARD.read_text(encoding="utf-8")
    assert f"Taxonomy version: {load_taxonomy().version}" in text
    agreement = json.loads((GOLD_FILE.parent / "agreement.json").read_text(encoding="utf-8"))
    assert agreement["n"] >= 0.15 * len(read_jsonl(GOLD_FILE)) - 1
    for label in load_taxonomy().measure_type.ids:
        assert label in text  # per-label kappa table lists every measure type
