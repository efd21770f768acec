"""The speed work's pieces compute what they replace, exactly: the batched character n-gram
TF-IDF equals scikit-learn's ``TfidfVectorizer.transform``; the vectorised score rounding equals
Python's ``round``; the batched decoding equals the per-row decoding."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytag.inference.tagging import round_scores
from policytag.models.tfidf import char_tfidf

CORPUS_TEXTS = ["加强煤矿瓦斯防治，严禁电动自行车进楼入户充电。", "2027年6月底前完成  隐患排查\t整治",
                "Fire SAFETY  in   high-rise 建筑", "非煤矿山要突出抓好地下矿山防中毒窒息", "危险化学品 企业 100%"]


@pytest.fixture(scope="module", params=[(1, 3), (2, 3), (1, 2)])
def vectorizer(request):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char", ngram_range=request.param, min_df=1, sublinear_tf=True).fit(CORPUS_TEXTS * 2)


def _equal(a, b):
    a, b = a.tocsr(), b.tocsr()
    assert a.shape == b.shape
    np.testing.assert_array_equal(a.indptr, b.indptr)
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.data, b.data)  # bit-identical, not approximately equal


TEXT = st.text(alphabet=st.sampled_from(sorted(set("".join(CORPUS_TEXTS))) + ["\n", " ", "\u3000", "Ä", "ß", "İ", "𠀀"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=8))
def test_char_tfidf_equals_scikit_learn(vectorizer, texts):
    _equal(char_tfidf(vectorizer, texts), vectorizer.transform(texts))


def test_char_tfidf_on_the_default_recipes_features(gold_dataset):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from policytag.models.features import inputs

    texts = inputs(gold_dataset.clauses)
    v = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, max_features=20000, sublinear_tf=True).fit(texts)
    _equal(char_tfidf(v, texts), v.transform(texts))
    _equal(char_tfidf(v, texts[:1]), v.transform(texts[:1]))


def test_loaded_vectorizer_transforms_like_scikit_learn(vectorizer):
    """A run's vectorizer state (``CharVectorizer``, no scikit-learn) gives the same matrix."""
    from policytag.models.tfidf import CharVectorizer

    v = vectorizer
    light = CharVectorizer(v.analyzer, v.ngram_range, v.sublinear_tf, v.norm, v.lowercase, v.smooth_idf,
                           v.vocabulary_, v.idf_)
    _equal(light.transform(CORPUS_TEXTS + ["", "  x  "]), v.transform(CORPUS_TEXTS + ["", "  x  "]))
    _equal(light.to_sklearn().transform(CORPUS_TEXTS), v.transform(CORPUS_TEXTS))


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=8), st.lists(TEXT, min_size=1, max_size=4))
def test_fit_char_tfidf_equals_scikit_learns_fit(fit_texts, texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from policytag.models.tfidf import fit_char_tfidf

    want = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True)
    try:
        want.fit(fit_texts)
    except ValueError:  # no n-gram at all: both refuse
        with pytest.raises(ValueError):
            fit_char_tfidf(fit_texts, (2, 3))
        return
    got = fit_char_tfidf(fit_texts, (2, 3))
    assert got.vocabulary_ == want.vocabulary_
    np.testing.assert_array_equal(got.idf_, want.idf_)
    _equal(got.transform(texts), want.transform(texts))


def test_char_tfidf_falls_back_for_other_analyzers():
    from sklearn.feature_extraction.text import TfidfVectorizer

    v = TfidfVectorizer(analyzer="word").fit(["aa bb cc", "bb cc dd"])
    _equal(char_tfidf(v, ["aa dd", "cc"]), v.transform(["aa dd", "cc"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=60))
def test_round_scores_equals_python_round(values):
    p = np.array(values).reshape(1, -1)
    assert round_scores(p) == [[round(float(x), 4) for x in values]]


def test_round_scores_at_ties():
    p = (np.arange(0, 20001) / 20000).reshape(1, -1)  # every x.xxxx5
    assert round_scores(p) == [[round(float(x), 4) for x in p[0]]]


def test_batched_decode_equals_row_by_row(taxonomy):
    from policytag.models.thresholds import decode
    from policytag.taxonomy import DIMENSIONS

    rng = np.random.default_rng(3)
    proba = {dim: rng.random((300, len(taxonomy[dim].ids))) ** 3 for dim in DIMENSIONS}
    proba["sector"][:50] = 0.5  # ties everywhere: the stable order decides
    thresholds = {dim: rng.uniform(0.2, 0.8, len(taxonomy[dim].ids)) for dim in DIMENSIONS}
    whole = decode(proba, thresholds, taxonomy)
    one_by_one = [decode({d: proba[d][i:i + 1] for d in DIMENSIONS}, thresholds, taxonomy)[0] for i in range(300)]
    assert whole == one_by_one
    # and the rules hold: cross_sector alone, at least one label per dimension
    for labels in whole:
        assert labels.sector and labels.measure_type
        assert "cross_sector" not in labels.sector or labels.sector == ("cross_sector",)
