"""``rank(..., spread_batch=False)``: mixed and diversity without the spread over documents and
genres, the ranking the learning-curve benchmark (benchmarks/active_learning.py, ``mixed-unspread``)
compares the spread against. Real clauses: the 2024 annual notice of the corpus and three short
notices of other genres (tests/ls_genre_notices.py)."""

import numpy as np
import pytest

from policytag.annotation.active import rank
from policytag.taxonomy import DIMENSIONS, load_taxonomy


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    from policytag.annotation.tasks import load_clauses

    from conftest import CORPUS_DIR
    from ls_genre_notices import PLAN_NOTICE, REGULATION, WORK_POINTS

    work = tmp_path_factory.mktemp("spread-pool")
    paths = []
    for name, text in (("plan.txt", PLAN_NOTICE), ("regulation.txt", REGULATION), ("points.txt", WORK_POINTS)):
        (work / name).write_text(text, encoding="utf-8")
        paths.append(work / name)
    annual = [c for c in load_clauses([CORPUS_DIR]).clauses if c.year == 2024]
    return annual, annual + load_clauses(paths).clauses


def test_without_the_spread_the_uncertain_notice_fills_the_batch(pool, taxonomy):
    """The annual notice is uncertain throughout, the other genres clearly less: unspread, every
    pick of mixed is a clause of the notice (the clusters of its 3×n most uncertain clauses) and no
    reason mentions the spread; spread (the default), the other genres get places."""
    annual, clauses = pool
    n = 8
    proba = {dim: np.full((len(clauses), len(taxonomy[dim].ids)), 0.05) for dim in DIMENSIONS}
    t = {dim: np.full(len(taxonomy[dim].ids), 0.5) for dim in DIMENSIONS}
    for i in range(len(annual)):
        proba["sector"][i, 0] = 0.49 - 0.0005 * i
    for i in range(len(annual), len(clauses)):
        proba["measure_type"][i, 1] = 0.30 - 0.001 * i
    plain = rank("mixed", clauses, n, taxonomy, proba, t, seed=0, spread_batch=False)
    assert len(plain) == n and [p.rank for p in plain] == list(range(1, n + 1))
    assert {clauses[p.index].doc_id for p in plain} == {annual[0].doc_id}
    assert all(p.reason.startswith("most uncertain of ") for p in plain)
    assert all(p.index < 3 * n for p in plain)  # drawn from the prefilter only
    spread = rank("mixed", clauses, n, taxonomy, proba, t, seed=0)
    assert {clauses[p.index].genre for p in spread} > {annual[0].genre}
    diverse = rank("diversity", clauses, n, taxonomy, seed=0, spread_batch=False)
    assert all(p.reason.startswith("represents cluster") for p in diverse)
