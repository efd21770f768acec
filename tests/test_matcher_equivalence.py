"""The one-pass matcher (``policytag.knowledge``: an Aho-Corasick automaton over every cue word and
exclusion context) returns exactly the hits, spans and order of the per-cue matcher it replaced
(``tests/_reference_matcher.py``), on every clause the repository holds (corpus, gold, challenge,
augmentation) and on random text built from cue words, exclusion contexts, rule fragments and
noise (hypothesis)."""

from __future__ import annotations

import re
import sys
from dataclasses import astuple
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytag import PROJECT_ROOT
from policytag.knowledge import HEADING_JOIN, Knowledge
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS, load_taxonomy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reference_matcher as reference  # noqa: E402


@pytest.fixture(scope="module")
def pair():
    taxonomy = load_taxonomy()
    return Knowledge(taxonomy), reference.Knowledge(taxonomy)


def _same(new: Knowledge, old, text: str) -> None:
    for source in ("text", "heading"):
        for dims in (DIMENSIONS, DIMENSIONS[::-1], DIMENSIONS[:1], DIMENSIONS[1:]):
            got = [astuple(h) for h in new.match(text, dims, source)]
            want = [astuple(h) for h in old.match(text, dims, source)]
            assert got == want, f"{source} {dims}: {text[:80]!r}"


def _repo_clauses() -> list[Clause]:
    from policytag.corpus.segment import segment_paths
    from policytag.training.challenge import load_clause_set

    clauses = list(segment_paths(sorted((PROJECT_ROOT / "data" / "corpus").glob("*.txt"))).clauses)
    for path, what in ((PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl", "challenge"),
                       (PROJECT_ROOT / "data" / "augment" / "augment-v1.jsonl", "augmentation")):
        clauses += load_clause_set(path, what).clauses
    return clauses


@pytest.mark.slow  # both matchers over every clause of the repository (~30 s under load)
def test_identical_hits_on_every_repository_clause(pair, gold_dataset):
    new, old = pair
    clauses = _repo_clauses() + list(gold_dataset.clauses)
    assert len(clauses) > 1000
    for clause in clauses:
        _same(new, old, clause.text)
        got = [astuple(h) for h in new.match_clause(clause)]
        assert got == [astuple(h) for h in old.match_clause(clause)], clause.clause_id
        for dims in (DIMENSIONS[:1], DIMENSIONS[1:]):  # the memoised per-dimension view
            assert [astuple(h) for h in new.match_clause(clause, dims)] == \
                [astuple(h) for h in old.match_clause(clause, dims)], clause.clause_id
    got, want = new.features(clauses), old.features(clauses)
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(got[dim], want[dim])


def _vocabulary(taxonomy) -> list[str]:
    words = set()
    for dim in DIMENSIONS:
        for lab in taxonomy[dim].labels:
            words.update(lab.cues)
            words.update(lab.exclude_contexts)
    for rule in taxonomy.rules:  # the literal parts of rule patterns and their near contexts
        for pattern in list(rule.get("patterns") or ()) + list(rule.get("near") or ()):
            words.update(re.findall(r"[\u4e00-\u9fff]+", pattern))
    return sorted(w for w in words if w)


TAXONOMY = load_taxonomy()
WORDS = _vocabulary(TAXONOMY)
NOISE = st.text(alphabet=st.sampled_from(sorted(set("".join(WORDS))) + list("，。、；：（）() >0123456789年月底前非各")),
                max_size=6)
PIECE = st.one_of(st.sampled_from(WORDS), NOISE,
                  # a word cut short or with its first characters dropped: partial and overlapping matches
                  st.tuples(st.sampled_from(WORDS), st.integers(0, 3), st.booleans()).map(
                      lambda t: t[0][t[1]:] if t[2] else t[0][:max(1, len(t[0]) - t[1])]))
PAIR = (Knowledge(TAXONOMY), reference.Knowledge(TAXONOMY))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECE, max_size=25), st.lists(st.lists(PIECE, max_size=4).map("".join), max_size=3))
def test_identical_hits_on_generated_text(pieces, heading):
    new, old = PAIR
    text = "".join(pieces)
    _same(new, old, text)
    clause = Clause("d", "c", tuple(heading), text, "clause")
    assert [astuple(h) for h in new.match_clause(clause)] == [astuple(h) for h in old.match_clause(clause)]
    if heading:
        _same(new, old, HEADING_JOIN.join(heading))




def test_the_comparison_can_fail(pair):
    """The comparison sees a difference: a matcher with one cue removed disagrees somewhere."""
    import dataclasses

    dim = DIMENSIONS[0]
    label = next(lab for lab in TAXONOMY[dim].labels if lab.cues)
    cue = max(label.cues, key=len)
    changed = dataclasses.replace(TAXONOMY[dim], labels=tuple(
        dataclasses.replace(lab, cues=tuple(c for c in lab.cues if c != cue)) if lab is label else lab
        for lab in TAXONOMY[dim].labels))
    other = dataclasses.replace(TAXONOMY, dimensions={**TAXONOMY.dimensions, dim: changed})
    with pytest.raises(AssertionError):
        _same(Knowledge(other), pair[1], f"关于{cue}的要求")
