"""Active-learning strategies on real clauses: margin to per-label thresholds over both dimensions,
k-means diversity, mixed (uncertain *and* spread out), seeded random."""

import dataclasses

import numpy as np
import pytest

from policytag import PolicytagError
from policytag.annotation.active import STRATEGIES, closest_calls, rank
from policytag.taxonomy import DIMENSIONS, load_taxonomy


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def flat(taxonomy, n, value=0.05):
    """Probabilities far below a 0.5 threshold everywhere (nothing uncertain), to be edited per test."""
    return {dim: np.full((n, len(taxonomy[dim].ids)), value) for dim in DIMENSIONS}


def halves(taxonomy):
    return {dim: np.full(len(taxonomy[dim].ids), 0.5) for dim in DIMENSIONS}


def test_closest_call_is_over_both_dimensions_in_threshold_units(taxonomy):
    proba = flat(taxonomy, 3)
    t = halves(taxonomy)
    t["sector"][2] = 0.2
    proba["sector"][0, 2] = 0.25      # clause 0: sector label 2, 0.05 above a 0.2 threshold -> 0.05/0.8
    proba["measure_type"][1, 4] = 0.45  # clause 1: measure label 4, 0.05 below 0.5 -> 0.05/0.5
    proba["measure_type"][2, 0] = 0.99  # clause 2: confidently positive; its closest call is elsewhere
    calls = closest_calls(proba, t, taxonomy)
    assert (calls[0].dim, calls[0].label) == ("sector", taxonomy["sector"].ids[2])
    assert calls[0].margin == pytest.approx(0.05 / 0.8)
    assert (calls[1].dim, calls[1].label) == ("measure_type", taxonomy["measure_type"].ids[4])
    assert calls[1].margin == pytest.approx(0.1)
    assert calls[2].margin == pytest.approx(min(0.15 / 0.2, 0.45 / 0.5))  # sector 2 at 0.05 vs t=0.2
    picks = rank("uncertainty", [None] * 3, 3, taxonomy, proba, t)
    assert [p.index for p in picks] == [0, 1, 2]
    assert "just above" in picks[0].reason and taxonomy["sector"].labels[2].name in picks[0].reason
    assert "just below" in picks[1].reason


def near_duplicate_pool(gold_dataset, groups=4, copies=5):
    """``groups`` distinct clauses, each repeated ``copies`` times with a small edit (the genre's
    year-after-year repeats); returns clauses and the group of each."""
    seen, bases = set(), []
    for e in gold_dataset.examples:
        key = e.clause.text[:12]
        if len(e.clause.text) > 60 and key not in seen:
            seen.add(key)
            bases.append(e.clause)
        if len(bases) == groups:
            break
    clauses, group = [], []
    for g, base in enumerate(bases):
        for k in range(copies):
            clauses.append(dataclasses.replace(base, clause_id=f"{base.clause_id}-{k}", text=base.text + "（" + "年" * k + "）"))
            group.append(g)
    return clauses, np.array(group)


def test_diversity_covers_every_group_of_near_duplicates(gold_dataset, taxonomy):
    clauses, group = near_duplicate_pool(gold_dataset)
    picks = rank("diversity", clauses, 4, taxonomy, seed=1)
    assert sorted(group[[p.index for p in picks]]) == [0, 1, 2, 3]
    assert all("cluster" in p.reason for p in picks)
    assert [p.rank for p in picks] == [1, 2, 3, 4]


def test_mixed_avoids_the_near_duplicates_that_uncertainty_picks(gold_dataset, taxonomy):
    clauses, group = near_duplicate_pool(gold_dataset)
    proba, t = flat(taxonomy, len(clauses)), halves(taxonomy)
    # group 0's copies are the most uncertain clauses; one clause of every other group is fairly uncertain
    for i in np.where(group == 0)[0]:
        proba["sector"][i, 0] = 0.49 - 0.001 * i
    for g in (1, 2, 3):
        proba["measure_type"][np.where(group == g)[0][0], 1] = 0.40
    unc = rank("uncertainty", clauses, 4, taxonomy, proba, t)
    assert set(group[[p.index for p in unc]]) == {0}  # four near-duplicates
    mixed = rank("mixed", clauses, 4, taxonomy, proba, t, seed=0)
    chosen = [p.index for p in mixed]
    assert sorted(group[chosen]) == [0, 1, 2, 3]
    assert chosen[0] == unc[0].index  # the single most uncertain clause still comes first
    assert all(p.score >= 0 and "most uncertain of" in p.reason for p in mixed)


def test_random_is_seeded_and_without_repeats(gold_dataset, taxonomy):
    clauses = [e.clause for e in gold_dataset.examples[:40]]
    a = rank("random", clauses, 10, taxonomy, seed=3)
    b = rank("random", clauses, 10, taxonomy, seed=3)
    c = rank("random", clauses, 10, taxonomy, seed=4)
    assert [p.index for p in a] == [p.index for p in b] != [p.index for p in c]
    assert len({p.index for p in a}) == 10


def test_uncertainty_on_a_real_model(gold_dataset, taxonomy):
    """A real (keyword) model with thresholds tuned on dev: the picks are the pool's smallest margins."""
    from policytag.annotation.active import model_inputs
    from policytag.models.runs import tagger_class

    train = [e for e in gold_dataset.examples if e.clause.year <= 2021]
    dev = [e for e in gold_dataset.examples if e.clause.year in (2022, 2023)]
    pool = [e.clause for e in gold_dataset.examples if e.clause.year >= 2024]
    tagger = tagger_class("keyword")().fit([e.clause for e in train], [e.labels for e in train],
                                           [e.clause for e in dev], [e.labels for e in dev])
    proba, thresholds = model_inputs(tagger, pool)
    picks = rank("uncertainty", pool, 10, taxonomy, proba, thresholds)
    margins = np.array([c.margin for c in closest_calls(proba, thresholds, taxonomy)])
    assert [p.index for p in picks] == list(np.argsort(margins, kind="stable")[:10])
    assert picks[0].score == pytest.approx(1 - margins.min(), abs=1e-4)
    mixed = rank("mixed", pool, 10, taxonomy, proba, thresholds)
    assert len({p.index for p in mixed}) == 10


def test_bad_arguments(taxonomy):
    with pytest.raises(PolicytagError, match="unknown strategy"):
        rank("greedy", [None], 1, taxonomy)
    with pytest.raises(PolicytagError, match="needs a model"):
        rank("uncertainty", [None], 1, taxonomy)
    assert rank("random", [None, None], 5, taxonomy)[-1].rank == 2  # n larger than the pool
    assert set(STRATEGIES) == {"uncertainty", "diversity", "mixed", "random"}


@pytest.fixture(scope="module")
def genre_pool(tmp_path_factory):
    """The 2024 annual notice of the corpus (one long document) and three short documents of other
    genres (an emergency plan, a regulation, a 工作要点; tests/ls_genre_notices.py), segmented."""
    from policytag.annotation.tasks import load_clauses

    from conftest import CORPUS_DIR
    from ls_genre_notices import PLAN_NOTICE, REGULATION, WORK_POINTS

    work = tmp_path_factory.mktemp("genre-pool")
    paths = []
    for name, text in (("plan.txt", PLAN_NOTICE), ("regulation.txt", REGULATION), ("points.txt", WORK_POINTS)):
        (work / name).write_text(text, encoding="utf-8")
        paths.append(work / name)
    return load_clauses([CORPUS_DIR]).clauses, load_clauses(paths).clauses


def test_mixed_and_diversity_spread_over_documents_and_genres(genre_pool, taxonomy):
    """One notice the model is unsure about from its first clause to its last must not fill the
    batch: every genre gets its most uncertain clause, and no document more than twice its share."""
    import math
    from collections import Counter

    corpus, others = genre_pool
    annual = [c for c in corpus if c.year == 2024]
    pool = annual + others
    n, docs = 8, len({c.doc_id for c in pool})
    proba, t = flat(taxonomy, len(pool)), halves(taxonomy)
    for i in range(len(annual)):  # the annual notice: every clause a near-threshold call
        proba["sector"][i, 0] = 0.49 - 0.0005 * i
    for i in range(len(annual), len(pool)):  # the other genres: clearly less uncertain
        proba["measure_type"][i, 1] = 0.30 - 0.001 * i
    assert {p.index for p in rank("uncertainty", pool, n, taxonomy, proba, t)} <= set(range(len(annual)))
    for strategy in ("mixed", "diversity"):
        picks = rank(strategy, pool, n, taxonomy, proba, t, seed=0)
        chosen = [pool[p.index] for p in picks]
        assert len({p.index for p in picks}) == n and [p.rank for p in picks] == list(range(1, n + 1))
        assert {c.genre for c in chosen} == {c.genre for c in pool}, strategy
        # at most twice its fair share (active.DOC_SHARE = 2)
        assert max(Counter(c.doc_id for c in chosen).values()) <= math.ceil(2 * n / docs), strategy
        assert all(p.reason for p in picks)
    mixed = rank("mixed", pool, n, taxonomy, proba, t, seed=0)
    assert mixed[0].index == 0  # the most uncertain clause still comes first
    assert any("of its genre" in p.reason for p in mixed)
