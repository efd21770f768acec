"""The batched matcher (``Knowledge._match_texts``: one automaton pass over a batch's texts, the
cue occurrences resolved with numpy) against the definitions it replaced: the per-cue reference
matcher (``tests/_reference_matcher.py``) clause by clause, on whole batches of repository and
generated clauses (texts that hold the separator, empty texts, heading paths); the occurrence
by occurrence ``_outermost``; the list comprehension ``_expand`` stands for; and the cue
occurrences ``cue_spans`` gives (every occurrence of every cue word, found with ``str.find``)."""

from __future__ import annotations

import sys
from dataclasses import astuple
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytag.knowledge import Knowledge, _expand, _outermost_mask
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS, load_taxonomy
from policytag.text import mask_remarks

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reference_matcher as reference  # noqa: E402
from test_matcher_equivalence import PIECE, _repo_clauses  # noqa: E402

TAXONOMY = load_taxonomy()
NEW, OLD = Knowledge(TAXONOMY), reference.Knowledge(TAXONOMY)


def _outermost(occurrences: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The definition ``_outermost_mask`` replaced (the matcher's code before the batching): the
    occurrences not inside another occurrence of the same label, one by one in (start, -end)
    order."""
    out = []
    reach = -1
    for a, b, cue in sorted(occurrences, key=lambda o: (o[0], -o[1])):
        if reach >= b:
            continue
        out.append((a, b, cue))
        reach = max(reach, b)
    return out


def _same_batch(clauses: list[Clause]) -> None:
    """One ``match_clauses`` call over the whole batch equals the reference, clause by clause
    (and the per-dimension views of the same call)."""
    knowledge = Knowledge(TAXONOMY)  # nothing from an earlier call
    got = knowledge.match_clauses(clauses)
    for clause, hits in zip(clauses, got):
        assert [astuple(h) for h in hits] == [astuple(h) for h in OLD.match_clause(clause)], clause.text[:80]
    for dims in (DIMENSIONS[:1], DIMENSIONS[1:], DIMENSIONS[::-1]):
        view = Knowledge(TAXONOMY).match_clauses(clauses, dims)
        for clause, hits in zip(clauses, view):
            assert [astuple(h) for h in hits] == [astuple(h) for h in OLD.match_clause(clause, dims)]


@pytest.mark.slow  # the reference over every repository clause (~20 s under load)
def test_one_batch_of_every_repository_clause(gold_dataset):
    clauses = _repo_clauses() + list(gold_dataset.clauses)
    assert any(c.heading_path for c in clauses)
    for start in range(0, len(clauses), 300):  # batches as tag_clauses makes them, a few sizes
        _same_batch(clauses[start:start + 300])
    _same_batch(clauses[:7])


SEPARATOR = NEW._separator
TEXT = st.one_of(st.lists(PIECE, max_size=12).map("".join),
                 # the joining character inside a text, next to cue words: no occurrence may
                 # reach from one text into the next, nor be lost at a text's edge; and a lone
                 # surrogate (which the Rust automaton cannot take as UTF-8)
                 st.lists(st.one_of(PIECE, st.just(SEPARATOR), st.just("\ud800")), max_size=8).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXT, st.lists(st.lists(PIECE, max_size=3).map("".join), max_size=2)),
                min_size=1, max_size=8))
def test_generated_batches(rows):
    clauses = [Clause("d", f"c{i}", tuple(heading), text, "clause") for i, (text, heading) in enumerate(rows)]
    _same_batch(clauses)


def test_lone_surrogates_keep_every_occurrence_and_offset():
    cue = next(c for lab in TAXONOMY["sector"].labels for c in lab.cues if len(c) >= 2)
    texts = [f"坏\ud800{cue}", f"{cue}\udfff{cue}", f"{cue[:1]}\ud800{cue[1:]}", "\ud800"]
    clauses = [Clause("d", f"c{i}", (), t, "clause") for i, t in enumerate(texts)]
    _same_batch(clauses)
    assert any(h.text == cue for hits in Knowledge(TAXONOMY).match_clauses(clauses) for h in hits)


def test_the_batch_comparison_can_fail():
    """Texts that differ only in the separator's place: joining them without it makes occurrences
    that cross texts, which the comparison sees."""
    cue = next(c for lab in TAXONOMY["sector"].labels for c in lab.cues if len(c) >= 2)
    clauses = [Clause("d", "a", (), "关于" + cue[:1], "clause"), Clause("d", "b", (), cue[1:] + "的要求", "clause")]
    _same_batch(clauses)
    broken = Knowledge(TAXONOMY)
    broken._separator = ""
    got = broken.match_clauses(clauses)
    assert [astuple(h) for hits in got for h in hits] != \
        [astuple(h) for c in clauses for h in OLD.match_clause(c)]


OCCURRENCES = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 12), st.integers(1, 5)), max_size=40)


@given(OCCURRENCES)
def test_outermost_mask_equals_the_occurrence_by_occurrence_definition(raw):
    # distinct spans per group (two different cues never share a span); the cue is its span
    rows = sorted({(g, a, a + n) for g, a, n in raw}, key=lambda o: (o[0], o[1], -o[2]))
    group = np.array([g for g, _, _ in rows], dtype=np.int64)
    end = np.array([b for _, _, b in rows], dtype=np.int64)
    keep = _outermost_mask(group, end)
    got = [row for row, k in zip(rows, keep) if k]
    want = [(g, a, b) for g in sorted(set(group.tolist()))
            for a, b, _ in _outermost([(a, b, f"{a}:{b}") for gg, a, b in rows if gg == g])]
    assert got == want


@given(st.lists(st.integers(0, 4), max_size=6), st.lists(st.integers(0, 5), max_size=20))
def test_expand_equals_its_list_comprehension(counts, raw_ids):
    ptr = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]).astype(np.int64)
    ids = np.array([i % len(counts) for i in raw_ids] if counts else [], dtype=np.int64)
    item, row = _expand(ptr, ids)
    assert list(zip(item.tolist(), row.tolist())) == \
        [(i, r) for i, w in enumerate(ids.tolist()) for r in range(ptr[w], ptr[w + 1])]


def _all_cue_spans(text: str, dims) -> list[tuple[int, int]]:
    """Every occurrence of every cue word of ``dims`` in ``text``, once per label it is a cue of."""
    out = []
    for dim in dims:
        for lab in TAXONOMY[dim].labels:
            for cue in set(lab.cues):
                i = text.find(cue)
                while i != -1:
                    out.append((i, i + len(cue)))
                    i = text.find(cue, i + 1)
    return sorted(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_cue_spans_are_every_cue_occurrence_of_the_batch(texts):
    knowledge = Knowledge(TAXONOMY)
    clauses = [Clause("d", f"c{i}", ("一、" + t[:4],), t, "clause") for i, t in enumerate(texts)]
    knowledge.match_clauses(clauses)
    for text in texts:
        for dims in (DIMENSIONS, DIMENSIONS[:1], DIMENSIONS[1:]):
            assert sorted(knowledge.cue_spans(mask_remarks(text), dims)) == _all_cue_spans(mask_remarks(text), dims)
    assert knowledge.cue_spans("ZZ not matched", DIMENSIONS) is None


def test_a_word_cue_of_several_labels_orders_its_hits_by_label_id():
    """Hits of one span (a word that is a cue of two labels of a dimension) come in label-id
    order, as the per-cue matcher sorted them, whatever the labels' taxonomy order."""
    import dataclasses

    word = "共用测试词"
    for dim in DIMENSIONS:
        labels = TAXONOMY[dim].labels
        plain = [lab for lab in labels if lab.id not in TAXONOMY[dim].exclusive]  # never dropped
        # two labels whose taxonomy order is the reverse of their id order
        first, last = next((a, b) for a in plain for b in plain
                           if labels.index(a) < labels.index(b) and a.id > b.id)
        changed = dataclasses.replace(TAXONOMY[dim], labels=tuple(
            dataclasses.replace(lab, cues=tuple(lab.cues) + (word,)) if lab in (first, last) else lab
            for lab in labels))
        other = dataclasses.replace(TAXONOMY, dimensions={**TAXONOMY.dimensions, dim: changed})
        new, old = Knowledge(other), reference.Knowledge(other)
        for text in (f"加强{word}管理", f"{word}{word}和煤矿"):
            got = [astuple(h) for h in new.match(text)]
            assert got == [astuple(h) for h in old.match(text)]
            assert sum(h[1] in (first.id, last.id) for h in got) >= 2
