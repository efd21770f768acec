"""The speed work's pieces compute what they replace, exactly: the batched character n-gram
TF-IDF equals scikit-learn's ``TfidfVectorizer.transform``; the vectorised score rounding equals
Python's ``round``; the batched decoding equals the per-row decoding."""

from __future__ import annotations

import dataclasses

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


# ---------------------------------------------------------------- cue masking, n-gram evidence
def _regex_mask(text, taxonomy, dims):
    """What ``mask_cues`` did before: one alternation of the cues, longest first, ``re.sub``."""
    import re

    from policytag.models.learners import MASK

    cues = sorted({c for d in dims for label in taxonomy[d].labels for c in label.cues if c}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, cues))).sub(MASK, text)


def _cue_text(taxonomy):
    cues = sorted({c for d in ("sector", "measure_type") for label in taxonomy[d].labels for c in label.cues})
    # cues, pieces of cues and filler, so cues overlap, nest and sit side by side
    pieces = cues + [c[:len(c) // 2] for c in cues if len(c) > 1] + [c[1:] for c in cues if len(c) > 1] + ["，", "要", " "]
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_cue_masker_equals_the_regex_alternation(taxonomy, data):
    from policytag.models.learners import mask_cues

    text = data.draw(_cue_text(taxonomy))
    for dims in (["sector"], ["measure_type"], ["sector", "measure_type"]):
        assert mask_cues(text, taxonomy, dims) == _regex_mask(text, taxonomy, dims)


def test_cue_masker_on_the_gold_clauses(taxonomy, gold_dataset):
    from policytag.models.learners import mask_cues

    for clause in gold_dataset.clauses:
        assert mask_cues(clause.text, taxonomy, ["sector"]) == _regex_mask(clause.text, taxonomy, ["sector"])


def _tfidf_learners():
    """TF-IDF learners of real fitted models: the speed snapshot's run and the shipped default's."""
    from conftest import TEST_DATA

    from policytag.models.hybrid import HybridTagger
    from policytag.models.runs import load_run
    from policytag.paths import shipped_model_dir
    from policytag.taxonomy import load_taxonomy

    snap = TEST_DATA / "speed_snapshot"
    models = [HybridTagger.load(snap / "model", taxonomy=load_taxonomy(snap / "taxonomy.yaml"))]
    if (shipped_model_dir() / "run.json").exists():
        models.append(load_run(shipped_model_dir()))
    return [learner for m in models for learner in getattr(m, "learners_", [m])
            if hasattr(learner, "coef_") and hasattr(learner, "vectorizer_")]


@pytest.fixture(scope="module")
def tfidf_learners():
    learners = _tfidf_learners()
    assert learners
    return learners


def _random_labels(taxonomy, n, seed):
    from policytag.records import Labels
    from policytag.taxonomy import DIMENSIONS

    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        pick = {dim: tuple(rng.choice(taxonomy[dim].ids, size=rng.integers(0, 4), replace=False)) for dim in DIMENSIONS}
        out.append(Labels(**pick))
    return out


def _both_ways(learner, clauses, labels, **kw):
    from policytag.models.evidence import _ngram_evidence_rows, _tfidf_matrix, ngram_evidence

    X, vocab = _tfidf_matrix(learner, clauses)
    top = {"top_ngrams": kw.get("top_ngrams", 8), "top_phrases": kw.get("top_phrases", 3)}
    return (ngram_evidence(learner, clauses, labels, **top),
            _ngram_evidence_rows(learner, X, vocab, clauses, labels, top["top_ngrams"], top["top_phrases"]))


def test_batched_ngram_evidence_equals_clause_by_clause(tfidf_learners, gold_dataset):
    """The array version picks, locates, merges and ranks exactly what the clause-by-clause
    code does, on real clauses with their predicted labels and with random label sets."""
    clauses = list(gold_dataset.clauses[:400])
    for k, learner in enumerate(tfidf_learners):
        for labels in (learner.predict(clauses), _random_labels(learner.taxonomy, len(clauses), k)):
            for start in range(0, len(clauses), 128):
                batch, lab = clauses[start:start + 128], labels[start:start + 128]
                got, want = _both_ways(learner, batch, lab)
                assert got == want
                assert sum(map(len, got)) > 0


def test_batched_ngram_evidence_with_many_equal_weights(tfidf_learners, gold_dataset):
    """Coefficients rounded to one decimal: equal contributions everywhere, so which n-grams make
    the top list is decided by np.argsort of each row in both versions."""
    import copy

    learner = copy.copy(tfidf_learners[0])
    learner.coef_ = {dim: np.round(c, 1) for dim, c in learner.coef_.items()}
    clauses = list(gold_dataset.clauses[:256])
    labels = _random_labels(learner.taxonomy, len(clauses), 7)
    for top_ngrams, top_phrases in ((8, 3), (1, 1), (3, 5)):
        got, want = _both_ways(learner, clauses, labels, top_ngrams=top_ngrams, top_phrases=top_phrases)
        assert got == want


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from([0.5, 0.25, 1.0, 0.1, 0.3])), max_size=40),
       st.booleans())
def test_span_order_equals_lexsort(items, distinct):
    """The phrases' sort (by span key, equal keys by weight, equal both as they come) is
    ``np.lexsort((weight, key))``: with equal keys and equal weights, and with distinct keys."""
    from policytag.models.evidence import _by_key_then_weight

    key = np.array([k * 1000 + i if distinct else k for i, (k, _) in enumerate(items)], dtype=np.int64)
    weight = np.array([w for _, w in items], dtype=np.float64)
    assert _by_key_then_weight(key, weight).tolist() == np.lexsort((weight, key)).tolist()


def _one_by_one(items, clauses):
    """The definition ``ngram_evidence_many`` replaces: each learner's ``ngram_evidence``, the
    lists concatenated clause by clause."""
    from policytag.models.evidence import ngram_evidence

    parts = [ngram_evidence(learner, clauses, labels) for learner, labels in items]
    return [[e for part in parts for e in part[i]] for i in range(len(clauses))]


def test_ngram_evidence_of_several_learners_in_one_pass(tfidf_learners, gold_dataset):
    """One batched pass over several TF-IDF learners (columns numbered learner after learner)
    gives, per clause, each learner's n-gram evidence one after another: with the learners in
    either order, a learner twice, label sets of one dimension per learner (as the hybrid gives
    them) and random ones, and a learner without any output label."""
    from policytag.models.evidence import ngram_evidence_many
    from policytag.models.hybrid import _labels_only
    from policytag.records import Labels
    from policytag.taxonomy import DIMENSIONS

    clauses = list(gold_dataset.clauses[:256])
    first, second = tfidf_learners[0], tfidf_learners[-1]
    predicted = first.predict(clauses)
    labels = [_labels_only(predicted, ("measure_type",)), _labels_only(_random_labels(second.taxonomy, 256, 3), ("sector",)),
              _random_labels(first.taxonomy, 256, 4), [Labels(**{dim: () for dim in DIMENSIONS})] * 256]
    cases = [[(first, labels[0]), (second, labels[1])], [(second, labels[2]), (first, labels[0])],
             [(first, labels[2]), (first, labels[1]), (second, labels[3])], [(second, labels[3]), (first, labels[3])]]
    for items in cases:
        for start in range(0, len(clauses), 128):
            batch = clauses[start:start + 128]
            mine = [(learner, lab[start:start + 128]) for learner, lab in items]
            got, want = ngram_evidence_many(mine, batch), _one_by_one(mine, batch)
            assert got == want
            assert [[e.label for e in row] for row in got] == [[e.label for e in row] for row in want]


def test_hybrid_explain_parts_merge_like_one_part_per_learner(gold_dataset):
    """The hybrid's consecutive TF-IDF learners give one part (their evidence one after another);
    merged, the parts are what a part per learner (``learned_evidence``) merges to."""
    from policytag.models.evidence import learned_evidence, lexical_evidence, merge_evidence
    from policytag.models.hybrid import HybridTagger, _labels_only
    from policytag.models.runs import load_run
    from policytag.paths import shipped_model_dir
    from policytag.taxonomy import DIMENSIONS

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped model")
    model = load_run(shipped_model_dir())
    assert isinstance(model, HybridTagger)
    clauses = list(gold_dataset.clauses[:200])
    labels = model.predict(clauses)
    want = [lexical_evidence(model, clauses, labels)]
    for learner, spec in zip(model.learners_, model.learner_specs):
        dims = tuple(dim for dim in DIMENSIONS if model._uses(spec, dim))
        want.append(learned_evidence(learner, clauses, _labels_only(labels, dims)))
    got = model.explain_parts(clauses, labels)
    assert len(got) < len(want)  # the TF-IDF learners did share a part
    assert merge_evidence(got) == merge_evidence(want)
    assert sum(e.kind == "ngram" for row in merge_evidence(got) for e in row) > 0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("煤矿安全生产隐患排查治理，。 \n\tAaé𠀀") + ["\ud800"]), max_size=30),
                min_size=1, max_size=6), st.integers(0, 1000))
def test_batched_ngram_evidence_on_generated_text(tfidf_learners, texts, seed):
    """Odd text too: repeated characters (overlapping occurrences), white space, upper case,
    characters outside the BMP, a lone surrogate (str.find then locates every n-gram)."""
    from policytag.records import Clause

    clauses = [Clause(doc_id="d", clause_id=f"c{i}", heading_path=(), text=t, kind="clause") for i, t in enumerate(texts)]
    learner = tfidf_learners[seed % len(tfidf_learners)]
    labels = _random_labels(learner.taxonomy, len(clauses), seed)
    got, want = _both_ways(learner, clauses, labels)
    assert got == want


def test_make_evidence_is_the_dataclass():
    from policytag.models.evidence import make_evidence
    from policytag.records import Evidence

    for args in (("mine", "sector", "ngram", "煤矿", (1, 3), 0.25), ("x", "measure_type", "rule", "", (0, 0), 1.0, "heading", "r6")):
        fast, slow = make_evidence(*args), Evidence(*args)
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert fast.to_dict() == slow.to_dict()
        with pytest.raises(AttributeError):  # still frozen
            fast.label = "other"


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(0, 2 ** 64 - 2), max_size=300), st.lists(st.integers(0, 2 ** 64 - 1), max_size=50),
       st.integers(0, 2 ** 20))
def test_key_table_finds_what_a_dict_finds(keys, others, spread):
    """The hash table behind the TF-IDF n-gram look-up: every stored key gives its value, any
    other key (the never-stored 2**64 - 1 included) -1; clustered keys (small integers, one
    apart) make long probe runs."""
    from policytag.models.tfidf import KeyTable

    keys = sorted(keys | {k * 7 + spread for k in range(len(keys) // 2)} - {2 ** 64 - 1})
    want = {k: i for i, k in enumerate(keys)}
    table = KeyTable(np.array(keys, dtype=np.uint64), np.arange(len(keys)))
    queries = keys + others + [2 ** 64 - 1]
    got = table.get(np.array(queries, dtype=np.uint64)).tolist()
    assert got == [want.get(q, -1) for q in queries]


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(0, 2 ** 48 - 2), max_size=300), st.lists(st.integers(0, 2 ** 48 - 2), max_size=50),
       st.integers(0, 2 ** 20))
def test_packed_key_table_finds_what_a_dict_finds(keys, others, spread):
    """The one-slot-per-key table of the 16-bit n-gram keys: every stored key gives its column,
    any other key -1 (keys below ``2**48 - 1``, the key part of an empty slot, which
    ``char_tfidf`` never asks for: it keeps U+FFFF out); clustered keys make long probe runs,
    which the look-up follows round by round."""
    from policytag.models.tfidf import PackedKeyTable

    keys = sorted(keys | {k * 7 + spread for k in range(len(keys) // 2)} - {2 ** 48 - 1})
    want = {k: i % 0xFFFF for i, k in enumerate(keys)}
    table = PackedKeyTable(np.array(keys, dtype=np.uint64), np.array([want[k] for k in keys]))
    queries = keys + others
    got = table.get(np.array(queries, dtype=np.uint64)).tolist()
    assert got == [want.get(q, -1) for q in queries]


def test_char_tfidf_packed_look_up_and_wide_code_points(monkeypatch):
    """Texts of code points 1..U+FFFE are looked up in one ``PackedKeyTable`` (16 bits a code
    point; 1-grams in an array indexed by code point); a vocabulary with wider code points (``𠀀``) or U+FFFF keeps those n-grams out of it,
    and a batch that has such a code point is looked up with 21 bits a code point: the matrix is
    scikit-learn's either way."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    import policytag.models.tfidf as tfidf

    fit = CORPUS_TEXTS + ["𠀀煤矿安全", "\uffff\uffff\uffff安全"]
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=1, sublinear_tf=True).fit(fit)
    packed = []
    real = tfidf.PackedKeyTable.get
    monkeypatch.setattr(tfidf.PackedKeyTable, "get", lambda self, keys: packed.append(len(keys)) or real(self, keys))
    for batch, fast in ((["煤矿安全生产", "危险化学品 企业"], True), (["𠀀煤矿", "煤矿安全"], False),
                        (["\uffff\uffff\uffff安全", "安全"], False), (CORPUS_TEXTS, True)):
        packed.clear()
        _equal(char_tfidf(vec, batch), vec.transform(batch))
        assert bool(packed) == fast


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("煤矿安全 \t\n\u3000\xa0AbΣσİß'Ä.") + ["𠀀"]), max_size=12),
                min_size=1, max_size=6), st.booleans())
def test_prepared_texts_equal_scikit_learns_preprocessing(texts, lowercase):
    """``char_tfidf``'s preprocessing (only the texts a look-up table says may change are
    prepared) gives each text as scikit-learn prepares it (lower-cased if asked, runs of white
    space made one space) and their code points."""
    from policytag.models.tfidf import _WHITE_SPACES, _prepared

    want = [_WHITE_SPACES.sub(" ", t.lower() if lowercase else t) for t in texts]
    prepped, cps = _prepared(texts, lowercase)
    assert list(prepped) == want
    assert cps.tolist() == [ord(c) for c in "".join(want)]


def test_clause_inputs_are_kept_for_the_same_clause_objects(gold_dataset):
    """The TF-IDF learners of a batch share its clause inputs (``clause_inputs``): equal to
    ``features.inputs``, answered from the latest call only for the very same clause objects and
    the same ``use_heading``; other clauses (an equal copy too) or the other setting get their own."""
    from dataclasses import replace

    from policytag.models.features import inputs
    from policytag.models.tfidf import clause_inputs

    clauses = [c for c in gold_dataset.clauses if c.heading_path][:20]
    first = clause_inputs(clauses, True)
    assert first == inputs(clauses, True) and clause_inputs(list(clauses), True) is first
    assert clause_inputs(clauses, False) == inputs(clauses, False) != first
    changed = clauses[:-1] + [replace(clauses[-1], text="另一条款。")]
    assert clause_inputs(changed, False) == inputs(changed, False)
    assert clause_inputs(clauses, True) == first and clause_inputs(clauses[:5], True) == inputs(clauses[:5], True)


def test_meta_probabilities_of_all_labels_at_once_equal_the_per_label_products(gold_dataset):
    """The hybrid's meta-classifiers of a dimension computed in one stacked matmul give, bit for
    bit, each label's ``_meta_predict`` of its own design matrix (the matrix-vector product per
    label, as before); with a constant label among them every label goes the per-label way."""
    import copy

    from policytag.models.runs import load_run
    from policytag.paths import shipped_model_dir
    from policytag.taxonomy import DIMENSIONS

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    tagger = load_run(shipped_model_dir())
    clauses = gold_dataset.clauses[:150]
    learned = [tagger._learner_proba(learner, spec, clauses) for learner, spec in zip(tagger.learners_, tagger.learner_specs)]
    lexical = tagger._lexical(clauses)
    for dim in DIMENSIONS:
        got = tagger._meta_proba(learned, lexical[dim], dim)
        want = np.stack([tagger._meta_predict(m, tagger._meta_X(learned, lexical[dim], dim, j))
                         for j, m in enumerate(tagger.meta_[dim])], axis=1)
        assert got.dtype == want.dtype and got.shape == want.shape and got.flags.c_contiguous
        np.testing.assert_array_equal(got, want)
        assert (want > 0.5).any() and (want < 0.5).any()
    other = copy.copy(tagger)
    other.meta_ = dict(tagger.meta_, sector=[0.25] + list(tagger.meta_["sector"][1:]))
    got = other._meta_proba(learned, lexical["sector"], "sector")
    assert (got[:, 0] == 0.25).all()
    np.testing.assert_array_equal(got[:, 1:], tagger._meta_proba(learned, lexical["sector"], "sector")[:, 1:])


@pytest.mark.parametrize("gate", ["dimension", "label", "none"])
def test_context_learner_computes_only_the_rows_its_gate_keeps(gold_dataset, gate):
    """The context learner computes no probabilities for a row its gate replaces entirely: what
    it returns equals the gate applied to every row's probabilities (the definition), bit for bit,
    in each gate mode; the shipped default's learner gates most gold clauses."""
    import copy

    from policytag.models.learners import ContextTfidfTagger, gate_on_hits, gated_cells
    from policytag.models.runs import load_run
    from policytag.models.tfidf import TfidfTagger
    from policytag.paths import shipped_model_dir
    from policytag.taxonomy import DIMENSIONS

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    context = [x for x in load_run(shipped_model_dir()).learners_ if isinstance(x, ContextTfidfTagger)][0]
    learner = copy.copy(context)
    learner.gate = gate
    clauses = gold_dataset.clauses[:200]
    want = TfidfTagger.predict_proba(learner, clauses, DIMENSIONS)
    gated = [dim for dim in learner.mask_dimensions]
    want = gate_on_hits(want, clauses, learner.taxonomy, gated, gate)
    got = learner.predict_proba(clauses, DIMENSIONS)
    for dim in DIMENSIONS:
        np.testing.assert_array_equal(got[dim], want[dim])
    if gate == "dimension":  # rows left out and rows computed are both there
        whole = gated_cells(clauses, learner.taxonomy, gated[0], gate).all(axis=1)
        assert 0 < whole.sum() < len(clauses)


def test_tagging_pauses_the_cyclic_gc_and_restores_it():
    """``tag_clauses`` runs with the cyclic collector off (it only traversed the growing output)
    and leaves it as it found it, on or off, even when tagging fails."""
    import gc

    from conftest import TEST_DATA

    from policytag.inference.tagging import tag_clauses
    from policytag.models.hybrid import HybridTagger
    from policytag.records import Clause
    from policytag.taxonomy import load_taxonomy

    snap = TEST_DATA / "speed_snapshot"
    tagger = HybridTagger.load(snap / "model", taxonomy=load_taxonomy(snap / "taxonomy.yaml"))
    seen, fail = [], []
    real = tagger.predict_proba

    def recording(clauses):
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("tagging failed")
        return real(clauses)

    tagger.predict_proba = recording
    clauses = [Clause(doc_id="d", clause_id=f"c{i}", heading_path=(), text=t, kind="clause")
               for i, t in enumerate(["加强煤矿瓦斯防治。", "年底前完成隐患排查整治。"])]
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            assert len(tag_clauses(tagger, clauses, progress=False, batch_size=1)) == 2
            assert gc.isenabled() is state
        gc.enable()
        fail.append(True)
        with pytest.raises(RuntimeError):
            tag_clauses(tagger, clauses, progress=False)
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)


GRAM_TEXT = st.text(alphabet=st.sampled_from(list("煤矿煤矿安全 ab") + ["𠀀"]), max_size=25)


@settings(max_examples=150, deadline=None)
@given(st.lists(GRAM_TEXT, min_size=1, max_size=6), st.data())
def test_gram_index_finds_what_str_find_finds(texts, data):
    """The batch index behind the n-gram evidence spans: every (overlapping) occurrence of each
    looked-up n-gram in its text, as ``str.find`` finds them; the last n-grams of the last text
    too (a bound there once ran into the next key's positions), and n-grams absent from the text
    or spanning two texts; with n-grams sharing a hash bucket too."""
    import policytag.models.evidence as evidence
    from policytag.models.evidence import _find_all, _GramIndex

    real_bucket = evidence._bucket
    for coarse in (False, True):
        # coarse: 3 buckets, so n-grams share them (the key check must tell them apart)
        evidence._bucket = (lambda key: (key % np.uint64(3)).astype(np.uint16)) if coarse else real_bucket
        try:
            _check_gram_index(_GramIndex(texts), texts, data)
        finally:
            evidence._bucket = real_bucket


def _check_gram_index(index, texts, data):
    from policytag.models.evidence import _find_all

    all_looks = []
    for n in (1, 2, 3):
        looks = []
        for d, text in enumerate(texts):
            grams = {text[i:i + n] for i in range(len(text) - n + 1)}
            grams |= set(data.draw(st.lists(st.text(alphabet="煤矿安 a𠀀", min_size=n, max_size=n), max_size=3)))
            if d + 1 < len(texts) and len(text) >= 1 and len(texts[d + 1]) >= n - 1:
                grams.add((text + texts[d + 1])[len(text) - 1:len(text) - 1 + n])  # across the boundary
            looks += [(d, g) for g in sorted(grams) if len(g) == n]
        if not looks:
            continue
        keys = np.array([int("".join(f"{ord(ch):021b}" for ch in g), 2) for _, g in looks], dtype=np.uint64)
        which, start = index.find_lengths(np.array([d for d, _ in looks], dtype=np.int64), keys,
                                          np.full(len(keys), n, dtype=np.int64))
        got = sorted(zip(which.tolist(), start.tolist()))
        want = sorted((q, a) for q, (d, g) in enumerate(looks) for a, _ in _find_all(texts[d], g))
        assert got == want
        all_looks += [(d, g, key) for (d, g), key in zip(looks, keys.tolist())]
    if all_looks:
        # every length at once (what the evidence uses): the same occurrences
        which, start = index.find_lengths(np.array([d for d, _, _ in all_looks], dtype=np.int64),
                                          np.array([k for _, _, k in all_looks], dtype=np.uint64),
                                          np.array([len(g) for _, g, _ in all_looks], dtype=np.int64))
        got = sorted(zip(which.tolist(), start.tolist()))
        want = sorted((q, a) for q, (d, g, _) in enumerate(all_looks) for a, _ in _find_all(texts[d], g))
        assert got == want


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 50, allow_nan=False) | st.integers(0, 10 ** 6).map(lambda k: k / 10 ** 5 + 5e-5),
                max_size=40))
def test_round_like_python_equals_round(values):
    """The vectorised rounding of evidence weights equals Python's ``round(w, 4)``, near ties
    (``x.xxxx5``) included."""
    from policytag.models.evidence import round_like_python

    assert round_like_python(np.array(values, dtype=np.float64), 4) == [round(float(v), 4) for v in values]


def test_extract_fields_equals_extracting_text_by_text(gold_dataset):
    """The batch extraction (one traditional-script check for the batch) gives what
    ``extract_deadlines`` and ``extract_targets`` give text by text: on gold clauses, on their
    traditional-script copies (converted with OpenCC ``s2t``), on texts with a few traditional
    characters only, and with a lone surrogate in the batch."""
    import opencc

    from policytag.corpus.script import is_traditional
    from policytag.inference.extract import _surely_simplified, extract_deadlines, extract_fields, extract_targets

    plain = [c.text for c in gold_dataset.clauses[:150]]
    s2t = opencc.OpenCC("s2t")
    traditional = [s2t.convert(t) for t in plain[:40]]
    assert sum(map(is_traditional, traditional)) >= 20  # the conversion path is really taken
    few = ["2027年6月底前完成隱患排查，達到100%。", "年底前實現", ""]
    for texts in (plain + traditional + few, few + ["坏\ud800字，3月底前完成10个"]):
        years = [2020 + i % 7 for i in range(len(texts))]
        got = extract_fields(texts, years)
        want = [(extract_deadlines(t, y), extract_targets(t)) for t, y in zip(texts, years)]
        assert got == want
        assert sum(len(d) + len(t) for d, t in got) > 0
    surely = _surely_simplified(plain + traditional + few)
    assert not any(s and is_traditional(t) for s, t in zip(surely, plain + traditional + few))
    assert sum(surely) >= len(plain)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 40)), max_size=200), st.sampled_from([41, 70_000]))
def test_count_matrix_equals_scipys(pairs, n_cols):
    """The TF-IDF count matrix (radix-sorted pairs when rows and columns fit in 16 bits, scipy's
    COO conversion otherwise) equals scipy's: same counts, indices sorted within rows."""
    import scipy.sparse as sp

    from policytag.models.tfidf import _count_matrix

    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    cols = np.array([c for _, c in pairs], dtype=np.int64)
    # the transform hands the pairs over per n-gram length, each block in row order
    order = np.argsort(rows, kind="stable")
    rows, cols = rows[order], cols[order]
    want = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(10, n_cols)).tocsr()
    want.sum_duplicates()
    got = _count_matrix(rows, cols, 10, n_cols)
    _equal(got, want)
    assert got.has_canonical_format


def test_title_hits_are_matched_once_per_batch(monkeypatch):
    """The shipped default's two title learners ask for a batch's title hits four times (their
    probabilities and their evidence); the titles are matched once per batch, and what the
    learners get is what a fresh matching gives."""
    from policytag.inference.tagging import tag_clauses
    from policytag.knowledge import load_knowledge
    from policytag.models.runs import load_run
    from policytag.models.title import TitleSectorTagger
    from policytag.paths import shipped_model_dir
    from policytag.records import Clause

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    tagger = load_run(shipped_model_dir())
    titled = [learner for learner in tagger.learners_ if isinstance(learner, TitleSectorTagger)]
    assert len(titled) >= 2
    titles = ["关于开展城镇燃气安全专项整治的实施方案", "关于做好森林防灭火工作的通知", None]
    texts = ["各县区于10月底前报送整治进展情况。", "加强液化石油气钢瓶充装站检查。", "严格落实领导干部带班制度。",
             "组织开展隐患排查，建立问题清单。", "强化烟花爆竹零售点管理。"]
    clauses = [Clause(doc_id=f"d{i % 3}", clause_id=f"c{i}", heading_path=(), text=texts[i % len(texts)],
                      kind="clause", title=titles[i % 3]) for i in range(10)]
    real = TitleSectorTagger._match_titles
    calls = []

    def counting(self, knowledge, batch):
        calls.append(len(batch))
        return real(self, knowledge, batch)

    monkeypatch.setattr(TitleSectorTagger, "_match_titles", counting)
    tag_clauses(tagger, clauses, batch_size=4, progress=False)
    assert calls == [4, 4, 2]
    batch = clauses[8:]
    memo = titled[1]._title_hits(batch)
    assert len(calls) == 3  # the latest batch still at hand
    fresh = real(titled[0], load_knowledge(tagger.taxonomy), batch)
    assert memo == fresh and any(hits for hits, _, _ in fresh)


@pytest.mark.parametrize("when", ["text_silent", "always", "contrast"])
def test_title_learner_equals_its_clause_by_clause_definition(taxonomy, when):
    """The title learner passes over clauses without title hits (no title, or one naming no
    sector) and explains nothing without computing its probabilities when no clause of the batch
    has one; its probabilities and evidence are what the definition (every clause looked at, as
    before) gives, on a batch of titled, heading-titled and untitled clauses."""
    from policytag.knowledge import load_knowledge
    from policytag.models.title import SECTOR_DIM, TitleSectorTagger, document_title
    from policytag.records import Clause, Evidence, Labels

    titles = ["关于开展城镇燃气安全专项整治的实施方案", "某县森林火灾应急预案", None, "关于做好2025年安全生产工作的通知",
              "关于加强道路交通和消防安全工作的通知"]
    texts = ["各县区于10月底前报送整治进展情况。", "加强液化石油气钢瓶充装站检查。", "严格落实领导干部带班制度。",
             "强化烟花爆竹零售点管理，严查煤矿超层越界。"]
    clauses = [Clause("d", f"c{i}", ("某市危险化学品安全专项整治方案",) if i % 7 == 3 else (), texts[i % 4], "clause",
                      title=titles[i % 5] if i % 7 != 3 else None) for i in range(21)]
    dim = taxonomy[SECTOR_DIM]
    labels = [Labels(tuple(dim.ids), ()) for _ in clauses]
    learner = TitleSectorTagger(when=when, taxonomy=taxonomy).fit(clauses[:1], labels[:1])
    knowledge = load_knowledge(taxonomy)
    want_p = np.full((len(clauses), len(dim.ids)), 0.5)
    want_ev = []
    for i, clause in enumerate(clauses):  # the definition, clause by clause
        found = document_title(clause)
        hits = [h for h in knowledge.match(found[0], [SECTOR_DIM], "text") if h.label not in dim.exclusive] if found else []
        names = {h.label for h in knowledge.match_clause(clause)
                 if h.source == "text" and h.dimension == SECTOR_DIM and h.label not in dim.exclusive}
        title_labels = {h.label for h in hits}
        if title_labels and len(title_labels) <= learner.max_title_labels:
            if when == "contrast":
                for lid in names - title_labels:
                    want_p[i, dim.index(lid)] = 1.0 - learner.strength
            elif when == "always" or not names:
                for lid in title_labels:
                    want_p[i, dim.index(lid)] = learner.strength
                want_p[i, [dim.index(x) for x in dim.exclusive]] = 1.0 - learner.strength
        want_ev.append([Evidence(h.label, SECTOR_DIM, h.kind, h.text, h.span, h.weight, found[1], h.rule)
                        for h in hits if want_p[i, dim.index(h.label)] > 0.5])
    np.testing.assert_array_equal(learner.predict_proba(clauses)[SECTOR_DIM], want_p)
    assert learner.explain(clauses, labels) == want_ev
    assert any(want_ev) == (when != "contrast") and (want_p != 0.5).any()
    untitled = [c for c in clauses if document_title(c) is None]
    assert learner.explain(untitled, labels[:len(untitled)]) == [[] for _ in untitled]


#: text made of what the target patterns read: phrases shaped like a target (verb or comparator,
#: filler, number, white space, unit or %, qualifier) among loose numerals, units, verbs and dates
_TARGET_PHRASE = st.tuples(
    st.sampled_from(["", "至少", "不少于", "不超过", "建成", "再建成", "新建", "改造", "新建改造", "修建", "改建", "完成",
                     "达到", "控制在", "召开", "检查", "覆盖率达到", "每月"]),
    st.sampled_from(["", "排水管网", "燃气管网", "的", "智能化", "每月", "“一件事”"]),
    st.sampled_from(["1", "3", "60", "2.5", "100", "2027", "一", "两", "十三", "3-5", "二至三", "٣"]),
    st.sampled_from(["", " ", "\u3000", "  "]),
    st.sampled_from(["个", "座", "公里", "万元", "亿立方米", "人次", "小时", "%", "‰", "年", ""]),
    st.sampled_from(["", "以上", "以下", "的化工园区", "煤矿", "，"])).map("".join)
TARGET_TEXT = st.lists(_TARGET_PHRASE | st.sampled_from(
    ["1", "60", "一", "%", "个", "公里", "至少", "新建", "修建", "完成", "达到", "的", "，", "。", "年底前", "6月底前", "隐患",
     "煤矿", " "]), max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(TARGET_TEXT)
def test_target_gates_never_drop_a_reading(text):
    """``extract_targets`` skips a pattern family's scan when the text lacks what every match of
    that family contains (``_candidates``' gates); on generated text dense in numerals, units and
    verbs, the gated candidates are the ungated ones, in the same order."""
    from policytag.inference.extract import _candidates

    assert _candidates(text) == _candidates(text, gated=False)


def test_target_gates_on_the_gold_clauses(gold_dataset):
    """The gates drop no reading on the gold clauses, and they do skip scans there (most clauses
    have no share, no object-first verb, or no numeral + unit)."""
    from policytag.inference.extract import _COUNT_GATE, _candidates

    texts = [c.text for c in gold_dataset.clauses]
    assert sum(len(_candidates(t)) for t in texts) > 50
    for t in texts:
        assert _candidates(t) == _candidates(t, gated=False)
    assert sum(1 for t in texts if not _COUNT_GATE.search(t)) > len(texts) // 3


def test_labels_only_equals_dataclasses_replace():
    """The hybrid hands each learner the labels of the dimensions it feeds: ``_labels_only``
    gives what ``dataclasses.replace`` with the other dimensions emptied gives, and shares one
    object per distinct label set."""
    from dataclasses import replace

    from policytag.models.hybrid import _labels_only
    from policytag.records import Labels

    labels = [Labels(("coal_mine",), ("responsibility",)), Labels(("coal_mine",), ("enforcement",)),
              Labels((), ()), Labels(("fire", "coal_mine"), ("responsibility",))]
    assert _labels_only(labels, ("sector", "measure_type")) is labels
    for dims, emptied in ((("sector",), "measure_type"), (("measure_type",), "sector")):
        got = _labels_only(labels, dims)
        assert got == [replace(lab, **{emptied: ()}) for lab in labels]
    got = _labels_only(labels, ("sector",))
    assert got[0] is got[1]  # the same sector set: one object


def test_clause_evidence_merges_like_merge_evidence():
    """``clause_evidence`` groups the sources' evidence by label and drops exact duplicates
    inside a group; what it keeps, in order, is ``merge_evidence``'s result grouped by label,
    also when sources repeat each other (duplicates across and within sources)."""
    from policytag.inference.tagging import clause_evidence
    from policytag.models.evidence import merge_evidence
    from policytag.records import Evidence, Labels
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    sec, mt = taxonomy["sector"].ids, taxonomy["measure_type"].ids
    a = Evidence(sec[0], "sector", "cue", "煤矿", (0, 2))
    a_rule = Evidence(sec[0], "sector", "rule", "煤矿", (0, 2), rule="r1")
    a_rule2 = Evidence(sec[0], "sector", "rule", "煤矿", (0, 2), rule="r2")  # same key as a_rule
    b = Evidence(mt[0], "measure_type", "ngram", "责任", (3, 5), 0.5)
    b2 = Evidence(mt[0], "measure_type", "ngram", "落实", (6, 8), 0.25)
    c = Evidence(mt[1], "measure_type", "ngram", "排查", (9, 11), 0.5)
    c_cue = Evidence(mt[1], "measure_type", "cue", "排查", (9, 11))  # same span, another kind: kept
    d = Evidence(mt[2], "measure_type", "ngram", "整治", (12, 14), 0.5)
    parts = [[[a, a_rule, a_rule2, b, c, d]], [[b2, b, a, c]], [[a_rule, d, c_cue]]]

    class Fake:
        pass

    fake = Fake()
    fake.taxonomy = taxonomy
    fake.explain_parts = lambda clauses, labels: parts
    labels = [Labels((sec[0], sec[1]), (mt[0], mt[1], mt[2]))]
    proba = {"sector": np.full((1, len(sec)), 0.75), "measure_type": np.full((1, len(mt)), 0.6)}
    got = clause_evidence(fake, [object()], labels, proba)[0]
    merged = merge_evidence(parts)[0]
    assert got["sector"][sec[0]] == tuple(e for e in merged if e.label == sec[0]) == (a, a_rule)
    assert got["measure_type"][mt[0]] == tuple(e for e in merged if e.label == mt[0]) == (b, b2)
    assert got["measure_type"][mt[1]] == tuple(e for e in merged if e.label == mt[1]) == (c, c_cue)
    assert got["measure_type"][mt[2]] == tuple(e for e in merged if e.label == mt[2]) == (d,)  # a pair of duplicates
    assert [e.kind for e in got["sector"][sec[1]]] == ["score"]  # no lexical evidence: the score


@pytest.mark.parametrize("fit_nul", [False, True])
def test_char_tfidf_with_nul_code_points(fit_nul):
    """One look-up of every n-gram length (``_char_tables``' combined table) is exact only without
    U+0000; with it in the vocabulary or in the texts the per-length tables answer, and the
    matrix is still scikit-learn's (a text 2-gram ``\\x00煤`` has the key of the 1-gram ``煤``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from policytag.models.tfidf import _char_tables

    fit = CORPUS_TEXTS + (["煤\x00矿", "\x00安全"] if fit_nul else [])
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=1, sublinear_tf=True).fit(fit)
    assert (_char_tables(vec.vocabulary_)[1] is None) == fit_nul
    texts = ["加强煤矿\x00瓦斯防治", "\x00煤", "煤矿安全", "\x00\x00安全生产"]
    for batch in (texts, texts[2:3], ["煤矿安全生产", "危险化学品 企业"]):
        _equal(char_tfidf(vec, batch), vec.transform(batch))


_DEADLINE_TEXT = st.lists(st.sampled_from(
    ["2027年", "6月", "十二月", "底", "末", "份", "前", "之前", "以前", "15日", "号", "起", "三年", "6个月", "个", "内", "之内",
     "今年", "年", "主汛期", "春节", "两会", "完成", "，", " ", "确保", "到期", "不得", "煤矿"]), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DEADLINE_TEXT)
def test_deadline_gate_never_drops_a_match(text):
    """``extract_deadlines`` skips its scan when ``_may_have_deadline`` says no; it never says no
    to a text ``RE_DEADLINE`` matches (the deadline-dense texts generated here, and the gold)."""
    from policytag.inference.extract import RE_DEADLINE, _may_have_deadline

    if RE_DEADLINE.search(text):
        assert _may_have_deadline(text)


def test_deadline_gate_on_the_gold_clauses(gold_dataset):
    from policytag.inference.extract import RE_DEADLINE, _may_have_deadline

    texts = [c.text for c in gold_dataset.clauses]
    assert all(_may_have_deadline(t) for t in texts if RE_DEADLINE.search(t))
    assert sum(1 for t in texts if RE_DEADLINE.search(t)) > 20


@pytest.mark.parametrize("min_labels", [0, 1, 2])
def test_decode_equals_the_row_by_row_definition(taxonomy, min_labels):
    """``decode`` (passing labels of all rows taken at once) gives what the plain definition
    gives row by row: labels at or above threshold, best first (a stable sort), the best
    ``min_labels`` when fewer pass, the exclusive label alone only when it is the best, at most
    ``max_labels``; with ties and with 0, 1 or 2 required labels."""
    from dataclasses import replace as dc_replace

    from policytag.models.thresholds import decode
    from policytag.taxonomy import DIMENSIONS

    dims = {dim: dc_replace(taxonomy[dim], min_labels=min_labels) for dim in DIMENSIONS}

    class Tax:
        def __getitem__(self, dim):
            return dims[dim]

    rng = np.random.default_rng(min_labels)
    proba = {dim: np.round(rng.random((200, len(taxonomy[dim].ids))) ** 2, 1) for dim in DIMENSIONS}
    thresholds = {dim: rng.uniform(0.2, 0.9, len(taxonomy[dim].ids)) for dim in DIMENSIONS}
    got = decode(proba, thresholds, Tax())
    for i, labels in enumerate(got):
        for dim in DIMENSIONS:
            d, row = dims[dim], proba[dim][i]
            order = sorted(range(len(row)), key=lambda j: -row[j])  # Python's sort is stable
            chosen = [j for j in order if row[j] >= thresholds[dim][j]]
            if len(chosen) < d.min_labels:
                chosen = order[:d.min_labels]
            ids = [d.ids[j] for j in chosen]
            for ex in d.exclusive:
                if ex in ids and len(ids) > 1:
                    ids = [ex] if ids[0] == ex else [x for x in ids if x != ex]
            assert getattr(labels, dim) == tuple(ids[:d.max_labels] if d.max_labels else ids)


def test_tagged_clauses_are_the_dataclass(gold_dataset):
    """``tag_clauses`` makes its ``TaggedClause`` rows without the dataclass ``__init__``: each
    equals (and reads and prints like) the one the dataclass makes from its fields."""
    import dataclasses

    from policytag.inference.tagging import TaggedClause, tag_clauses
    from policytag.models.runs import load_run
    from policytag.paths import shipped_model_dir

    if not (shipped_model_dir() / "run.json").exists():
        pytest.skip("no shipped default model")
    tagger = load_run(shipped_model_dir())
    for row in tag_clauses(tagger, gold_dataset.clauses[:40], progress=False, batch_size=16):
        fields = {f.name: getattr(row, f.name) for f in dataclasses.fields(TaggedClause)}
        plain = TaggedClause(**fields)
        assert type(row) is TaggedClause and row == plain and vars(row) == vars(plain) and repr(row) == repr(plain)
        assert list(vars(row)) == [f.name for f in dataclasses.fields(TaggedClause)]


def test_context_learner_masks_with_the_matching_pass_spans(taxonomy, gold_dataset):
    """The context learner masks cue words with the occurrences the batch's matching pass found
    (``Knowledge.cue_spans``) where it read the same text, and with its own automaton elsewhere
    (remarks, titles): either way the text ``mask_cues`` gives, for each masked dimension set."""
    from policytag.knowledge import load_knowledge
    from policytag.models.features import clause_input
    from policytag.models.learners import ContextTfidfTagger, mask_cues
    from policytag.records import Clause

    clauses = list(gold_dataset.clauses[:120]) + [
        Clause(doc_id="d", clause_id="r", heading_path=(), text="加强煤矿瓦斯防治（牵头单位：县应急管理局、县消防救援大队）", kind="clause"),
        Clause(doc_id="d", clause_id="t", heading_path=(), text="严禁电动自行车进楼入户充电", kind="clause",
               title="关于开展燃气安全专项整治的通知")]
    knowledge = load_knowledge(taxonomy)
    for dims, use_title in ((["sector"], True), (["sector", "measure_type"], False), (["measure_type"], False)):
        learner = ContextTfidfTagger(mask_dimensions=dims, use_title=use_title, taxonomy=taxonomy)
        knowledge.match_clauses(clauses)
        reused = sum(knowledge.cue_spans(clause_input(c, False), dims) is not None for c in clauses)
        assert reused >= 100  # the matching pass's spans were really used
        got = learner._texts(clauses)
        knowledge.match_clauses([])  # nothing at hand: the learner's own automaton
        assert got == learner._texts(clauses)
        assert any("□" in x for x in got)
        if not use_title:
            assert got == [mask_cues(clause_input(c, False), taxonomy, dims) for c in clauses]


def test_tagging_output_goes_to_the_oldest_gc_generation():
    """After ``tag_clauses`` the output's objects sit in the oldest generation (moved there at
    once, not by a young-generation pass over them), nothing stays frozen, cycles made meanwhile
    are still collected by a full collection; and an application's own frozen objects stay
    frozen (the move is skipped then)."""
    import gc

    from conftest import TEST_DATA

    from policytag.inference.tagging import tag_clauses
    from policytag.models.hybrid import HybridTagger
    from policytag.records import Clause
    from policytag.taxonomy import load_taxonomy

    snap = TEST_DATA / "speed_snapshot"
    tagger = HybridTagger.load(snap / "model", taxonomy=load_taxonomy(snap / "taxonomy.yaml"))
    clauses = [Clause(doc_id="d", clause_id=f"c{i}", heading_path=(), text=t, kind="clause")
               for i, t in enumerate(["加强煤矿瓦斯防治。", "年底前完成隐患排查整治，建成10座智能化煤矿。"] * 20)]
    was = gc.isenabled()
    gc.enable()
    try:
        gc.collect()
        out = tag_clauses(tagger, clauses, progress=False)
        assert gc.get_freeze_count() == 0 and gc.isenabled()
        oldest = {id(o) for o in gc.get_objects(2)}
        assert id(out[0]) in oldest and id(out[-1].scores) in oldest
        cycle = [out[0]]
        cycle.append(cycle)  # a cycle reachable from nothing but itself, after a call
        del cycle
        assert gc.collect() >= 1
        # frozen by the application: left frozen, tagging still works
        sentinel = [[]]
        gc.freeze()
        out = tag_clauses(tagger, clauses, progress=False)
        assert len(out) == len(clauses) and gc.get_freeze_count() > 0
        assert not any(o is sentinel for o in gc.get_objects())  # still frozen (get_objects omits those)
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_match_clauses_answers_a_repeated_batch_from_its_last_call(taxonomy, gold_dataset):
    """A batch asked for again (the same clause objects) gets the hits of the latest call without
    matching: equal to a fresh matching, as new lists (a caller may change them); other clauses,
    fewer dimensions or another order are matched again, equal clause objects too: nothing is kept
    by text across calls (a benchmark of repeated texts would measure that memo)."""
    from policytag.knowledge import Knowledge

    knowledge = Knowledge(taxonomy)
    clauses = list(gold_dataset.clauses[:60])
    first = knowledge.match_clauses(clauses)
    calls = []
    real = knowledge._match_texts  # what matches a batch's texts
    knowledge._match_texts = lambda *a, **k: calls.append(1) or real(*a, **k)
    again = knowledge.match_clauses(tuple(clauses))
    assert again == first and not calls and all(a is not b for a, b in zip(again, first))
    again[0].append("changed")
    assert knowledge.match_clauses(clauses)[0] == first[0]
    fresh = Knowledge(taxonomy).match_clauses(clauses)
    assert again[1:] == fresh[1:] and first == fresh
    assert knowledge.match_clauses(iter(clauses)) == fresh
    assert not calls  # all of it from the latest batch's hits
    assert knowledge.match_clauses(clauses[::-1]) == fresh[::-1] and len(calls) == 1
    assert knowledge.match_clauses(clauses, ["measure_type"]) == [
        [h for h in hits if h.dimension == "measure_type"] for hits in fresh]
    assert len(calls) == 2
    knowledge.match_clauses(gold_dataset.clauses[60:70])
    copies = [dataclasses.replace(c) for c in clauses]  # equal clauses, other objects
    assert knowledge.match_clauses(copies) == fresh and len(calls) == 4


def test_batch_memos_answer_the_same_clause_objects(taxonomy, gold_dataset):
    """The TF-IDF transform and the lexical features of a batch, asked for again with the very
    clause objects of the latest call, come back without recomputing (the same matrix; equal
    feature copies) and equal a fresh computation; a refit forgets the transform."""
    from policytag.knowledge import Knowledge
    from policytag.models import tfidf as tfidf_module
    from policytag.models.tfidf import TfidfTagger

    clauses = list(gold_dataset.clauses[:80])
    labels = list(gold_dataset.labels[:80])
    learner = TfidfTagger(min_df=1, taxonomy=taxonomy).fit(clauses, labels)
    calls = []
    real = tfidf_module.char_tfidf
    tfidf_module.char_tfidf = lambda *a: calls.append(1) or real(*a)
    try:
        X = learner.transform(clauses)
        assert learner.transform(tuple(clauses)) is X and len(calls) == 1
        fresh = real(learner.vectorizer_, learner._texts(clauses))
        assert (X != fresh).nnz == 0
        learner.fit(clauses[:60], labels[:60])
        assert learner.transform(clauses) is not X and len(calls) == 2
    finally:
        tfidf_module.char_tfidf = real
    knowledge = Knowledge(taxonomy)
    first = knowledge.features(clauses)
    first["sector"][:] = 7.0  # a caller's change stays its own
    again = knowledge.features(clauses)
    want = Knowledge(taxonomy).features(clauses)
    assert all(np.array_equal(again[d], want[d]) for d in want)


def test_lexical_features_equal_the_hit_by_hit_definition(taxonomy, gold_dataset):
    """``Knowledge.features`` (cells collected, set once per dimension) equals setting each hit's
    cells one by one: cue/rule in the text, heading hit, lead, and the other-label columns; on
    gold clauses with their heading paths (heading hits) and on clauses without hits."""
    from policytag.knowledge import FEATURES, LEAD_CHARS, Knowledge
    from policytag.records import Clause
    from policytag.taxonomy import DIMENSIONS

    knowledge = Knowledge(taxonomy)
    clauses = list(gold_dataset.clauses[:150]) + [
        Clause(doc_id="d", clause_id="x", heading_path=(), text="无", kind="clause")]
    assert any(c.heading_path for c in clauses)
    hits = knowledge.match_clauses(clauses)
    got = knowledge.features(clauses, hits)
    for dim in DIMENSIONS:
        want = np.zeros((len(clauses), len(taxonomy[dim].ids), len(FEATURES)))
        for i, clause_hits in enumerate(hits):
            for h in clause_hits:
                if h.dimension != dim:
                    continue
                j = taxonomy[dim].ids.index(h.label)
                if h.source == "heading":
                    want[i, j, 2] = 1.0
                    continue
                want[i, j, 0 if h.kind == "cue" else 1] = 1.0
                if h.span[0] < LEAD_CHARS:
                    want[i, j, 4] = 1.0
        text_any = np.maximum(want[:, :, 0], want[:, :, 1])
        want[:, :, 3] = (text_any.sum(axis=1, keepdims=True) - text_any) > 0
        want[:, :, 5] = (want[:, :, 4].sum(axis=1, keepdims=True) - want[:, :, 4]) > 0
        assert np.array_equal(got[dim], want)
        assert want[:, :, 2].any() and want[:, :, 4].any()
