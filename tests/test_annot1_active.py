"""Active learning on a project full of near-duplicate clauses (tests/data/annot1/EXPECTED.md §1).

A sentence recurs year after year in this genre. When its copies are the clauses the model is
least sure about, ``mixed`` used to fill a batch of 10 with the same wording 10 times (k-means puts
identical vectors in one cluster and the places left went to the next most uncertain: the other
copies), ``diversity`` 3 times. Real parts: the corpus's clauses and the default model."""

from dataclasses import replace

import numpy as np
import pytest

from policytag.annotation.active import rank, uncertainty_scores
from policytag.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def corpus():
    from policytag.annotation.tasks import load_clauses

    from conftest import CORPUS_DIR

    return load_clauses([CORPUS_DIR]).clauses


@pytest.fixture(scope="module")
def tagger():
    from policytag.app import resolve_model

    return resolve_model("default")


def _copies(clause, n: int):
    """``n`` copies of a clause in ``n`` notices of ``n`` years: the year figures change, and every
    third copy has one more word (a county that reissues the sentence with a small edit)."""
    year = str(clause.year)
    out = []
    for k in range(n):
        text = clause.text.replace(year, str(2030 + k))
        if k % 3 == 2:
            text = text.replace("，", "，切实", 1)
        out.append(replace(clause, clause_id=f"copy-{k}-of-{clause.clause_id}", doc_id=f"copy-doc-{k}", year=2030 + k,
                           text=text))
    return out


@pytest.fixture(scope="module")
def pool(corpus, tagger, taxonomy):
    """The corpus plus 30 copies of its clause the default model is least sure about."""
    from policytag.annotation.active import model_inputs

    proba, thresholds = model_inputs(tagger, corpus)
    scores, _ = uncertainty_scores(proba, thresholds, taxonomy)
    top = corpus[int(np.argmax(scores))]
    clauses = _copies(top, 30) + list(corpus)
    proba, thresholds = model_inputs(tagger, clauses)
    return clauses, proba, thresholds, top


@pytest.mark.parametrize("strategy", ["mixed", "diversity"])
def test_a_batch_has_each_wording_once(pool, taxonomy, strategy):
    clauses, proba, thresholds, top = pool
    picks = rank(strategy, clauses, 10, taxonomy, proba, thresholds, seed=0)
    assert len(picks) == 10
    copies = [p for p in picks if clauses[p.index].clause_id.startswith("copy-")
              or clauses[p.index].clause_id == top.clause_id]
    assert len(copies) <= 1, [clauses[p.index].text[:30] for p in copies]
    assert len({clauses[p.index].text for p in picks}) == 10
    if strategy == "mixed":  # the most uncertain wording is there, once, and says what it stands for
        assert len(copies) == 1 and "more clause(s) of the same wording" in copies[0].reason


def test_copies_fill_a_batch_only_after_every_distinct_wording(corpus, tagger, taxonomy):
    """Three wordings in five notices each, a batch of 10: the three first, then copies, each
    saying whose wording it repeats."""
    from policytag.annotation.active import model_inputs

    clauses = [c for base in corpus[40:43] for c in _copies(base, 5)]
    proba, thresholds = model_inputs(tagger, clauses)
    for strategy in ("mixed", "diversity"):
        picks = rank(strategy, clauses, 10, taxonomy, proba, thresholds, seed=0)
        assert len(picks) == 10
        assert len({clauses[p.index].clause_id.split("-of-")[1] for p in picks[:3]}) == 3
        assert all("same wording as rank" in p.reason for p in picks[3:]), [p.reason for p in picks]


def test_similar_but_different_clauses_are_not_one_wording(corpus):
    """The threshold is the corpus's near-duplicate one (4-gram Jaccard 0.9): the corpus's 478
    clauses, which include sentences reworded from one year to the next (职业病防治各项制度 /
    职业危害防治工作各项制度), hold no two of one wording."""
    from policytag.annotation.active import same_wording

    assert same_wording(range(len(corpus)), corpus) == {}
