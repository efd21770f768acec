"""N-gram evidence names words: a TF-IDF phrase made only of digits, punctuation or white space
(``202`` of a year, an enumeration comma ``、``), or with one word character only (``年`` of a year,
``客`` cut from 客运: a character 1-gram weighs in the model but names nothing read alone), is no
reason an analyst can read, so it is not shown; every other piece of evidence stays as it was.

The clauses are written for this test (invented, no place named). Read before the change, the
shipped model gave: c0 ``202`` for awareness_goals; c1 ``、`` (twice each) for non_coal_mine and
fireworks_explosives; c2 ``2020`` and ``20`` for awareness_goals.
"""

from __future__ import annotations

import string
import unicodedata

import pytest

from policytag.records import Clause

TEXTS = [
    "2027年，全县要完成2020年以来排查出的重大隐患整改，实现隐患清零。",
    "1.开展危险化学品、烟花爆竹、非煤矿山安全专项检查，检查企业不少于1000家。",
    "到2025年底，全市亿元地区生产总值生产安全事故死亡率较2020年下降20%。",
    "落实企业主体责任、部门监管责任、属地管理责任，2026年底前建成双重预防机制。",
]


def _not_word_char(c: str) -> bool:
    """The test's own reading of "a digit, punctuation or white space"."""
    return (c.isspace() or c.isdigit() or unicodedata.category(c).startswith("P")
            or bool(unicodedata.normalize("NFKC", c) and all(x in string.punctuation for x in unicodedata.normalize("NFKC", c))))


def _no_word(text: str) -> bool:
    """Unreadable as a reason: fewer than two characters that are not digits, punctuation or white
    space (``202``, ``、``; since session 10 also one character cut from its word, ``年`` or ``客``)."""
    return sum(not _not_word_char(c) for c in text) < 2


@pytest.fixture(scope="module")
def tagger():
    from policytag.app import resolve_model
    from policytag.paths import shipped_model_dir

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    return resolve_model(str(shipped_model_dir()))


def _clauses() -> list[Clause]:
    return [Clause(doc_id="t", clause_id=f"c{i}", heading_path=(), text=t, kind="clause", agencies=(), span=(0, 0),
                   year=2027) for i, t in enumerate(TEXTS)]


def test_ngram_evidence_names_words(tagger):
    """No n-gram item of the tagged clauses is made only of digits, punctuation or white space;
    the labels that had only such n-grams and no cue keep other evidence (or the score item)."""
    from policytag.inference.tagging import tag_clauses

    tagged = tag_clauses(tagger, _clauses(), progress=False)
    ngrams = [(t.clause.clause_id, lid, e.text) for t in tagged for per in t.evidence.values()
              for lid, evs in per.items() for e in evs if e.kind == "ngram"]
    assert ngrams, "the clauses must have n-gram evidence"
    assert [x for x in ngrams if _no_word(x[2])] == []
    assert all(evs for t in tagged for per in t.evidence.values() for evs in per.values())


@pytest.mark.parametrize("batch_size", [1, 3])
def test_dropping_unreadable_ngrams_keeps_the_rest(tagger, batch_size):
    """Per learner, the n-gram evidence is what the unfiltered definition gives less its items
    made only of digits, punctuation or white space (the heaviest three phrases are chosen first:
    a label shows fewer phrases, never others); the batched pass equals the clause-by-clause
    definition."""
    from policytag.models.evidence import _ngram_evidence_rows, _ngram_evidence_sources, _tfidf_matrix, is_tfidf

    clauses = _clauses()
    labels = tagger.predict(clauses)
    dropped = 0
    for learner in tagger.learners_:
        if not is_tfidf(learner):
            continue
        for start in range(0, len(clauses), batch_size):
            part, lab = clauses[start:start + batch_size], labels[start:start + batch_size]
            X, vocab = _tfidf_matrix(learner, part)
            everything = _ngram_evidence_rows(learner, X, vocab, part, lab, 8, 3, words_only=False)
            want = [[e for e in row if not _no_word(e.text)] for row in everything]
            dropped += sum(len(a) - len(b) for a, b in zip(everything, want))
            assert _ngram_evidence_rows(learner, X, vocab, part, lab, 8, 3) == want
            assert _ngram_evidence_sources([(learner, X, vocab, lab)], part, 8, 3) == want
    assert dropped >= 4  # c0, c1 and c2 had such items
