"""TF-IDF character n-grams + one-vs-rest logistic regression (class-balanced), per dimension.

Fitting uses scikit-learn as is: one ``TfidfVectorizer`` shared by both dimensions and, per
dimension, ``OneVsRestClassifier(LogisticRegression)`` on the indicator matrix.

Saved without pickle (``model/``): ``tfidf.json`` (vectorizer parameters, vocabulary, idf and per
dimension the labels that were constant in training) and ``coef_<dim>.npy`` [k, n_features],
``intercept_<dim>.npy`` [k]. Loading rebuilds the vectorizer from the JSON (``vocabulary=`` +
``idf_``) and predicts with the stored coefficients: for a binary logistic regression
``predict_proba[:, 1] == expit(X @ coef.T + intercept)`` (to the last bit), what ``LogisticRegression``
computes. A run that still holds the old ``tfidf.joblib`` is refused (never unpickled).

Attributes for other code (e.g. TF-IDF evidence):

* ``vectorizer_``: the fitted ``TfidfVectorizer`` (``get_feature_names_out()`` names the columns);
* ``coef_[dim]``: float64 array [k, n_features], ``intercept_[dim]``: [k] (zero rows for constant
  labels); ``constant_[dim]``: float array [k], NaN where the label was learned, else the
  constant probability (0 or 1) of a label with one class only in training;
* ``classifiers_[dim]``: the fitted ``OneVsRestClassifier`` (only after ``fit``, not after load).
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Annotated, Sequence

import numpy as np
from pydantic import AfterValidator, Field

from policytag import PolicytagError
from policytag.records import Clause, same_objects
from policytag.taxonomy import DIMENSIONS

from .base import Tagger
from .registry import OptionalPositiveInt, PositiveFloat, PositiveInt, Seed, register_tagger
from .features import inputs

STATE_FILE = "tfidf.json"
#: a transform of one batch is kept for the evidence of the same batch (see ``TfidfTagger.transform``)
_MEMO_BATCHES = 2
LEGACY_PICKLE = "tfidf.joblib"
RETRAIN_HINT = "retrain it with `policytag train CONFIG` (e.g. configs/baseline.yaml)"


def _ngram_range(value: list[int]) -> list[int]:
    lo, hi = value
    if lo < 1 or hi < lo or hi > 10:
        raise ValueError(f"must be [min, max] with 1 <= min <= max <= 10, got {value}")
    return value


#: ``[min, max]`` character n-gram lengths
NgramRange = Annotated[list[int], Field(min_length=2, max_length=2), AfterValidator(_ngram_range)]


@register_tagger("tfidf.v1", aliases=("tfidf",))
class TfidfTagger(Tagger):
    """Character n-gram TF-IDF features shared by both dimensions; one binary LR per label.

    Labels with no positive (or no negative) training example get a constant probability,
    because a classifier cannot be fitted on one class.
    """

    def __init__(self, ngram_range: NgramRange = (1, 3), min_df: PositiveInt = 2,
                 max_features: OptionalPositiveInt = 200_000, C: PositiveFloat = 4.0, use_heading: bool = True,
                 random_state: Seed = 0, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        self.ngram_range = ngram_range  # stored unchanged (sklearn convention), made a tuple at use
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.random_state = random_state

    def _texts(self, clauses: Sequence[Clause]) -> list[str]:
        """What the vectorizer reads (a hook: ``models/learners.py`` masks cue words here)."""
        return clause_inputs(clauses, self.use_heading)

    def _fit(self, clauses, y, dev) -> None:
        with one_blas_thread():
            self._fit_lr(clauses, y)

    def _fit_lr(self, clauses, y, sample_weight=None) -> None:
        """Fit the vectorizer and the per-label regressions; ``sample_weight`` (one per clause, or
        None) reaches every regression through scikit-learn's metadata routing (subclasses weigh
        clauses, ``models/learners.py``)."""
        import sklearn  # fit time only: tagging never imports it
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        self._forget()
        self.vectorizer_ = TfidfVectorizer(analyzer="char", ngram_range=tuple(self.ngram_range), min_df=self.min_df,
                                           max_features=self.max_features, sublinear_tf=True)
        X = self.vectorizer_.fit_transform(self._texts(clauses))
        weights = {} if sample_weight is None else {"sample_weight": np.asarray(sample_weight, dtype=np.float64)}
        self.classifiers_, self.coef_, self.intercept_, self.constant_ = {}, {}, {}, {}
        for dim in DIMENSIONS:
            Y = y[dim]
            with sklearn.config_context(enable_metadata_routing=bool(weights)), warnings.catch_warnings():
                lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000, random_state=self.random_state)
                ovr = OneVsRestClassifier(lr.set_fit_request(sample_weight=True) if weights else lr)
                # a label with one class only becomes a constant predictor; that is expected here
                warnings.filterwarnings("ignore", message="Label .* is present in all training examples")
                ovr.fit(X, Y, **weights)
            k = Y.shape[1]
            coef = np.zeros((k, X.shape[1]), dtype=np.float64)
            intercept = np.zeros(k, dtype=np.float64)
            constant = np.full(k, np.nan)
            for j, est in enumerate(ovr.estimators_):
                if Y[:, j].min() == Y[:, j].max():
                    constant[j] = float(Y[0, j])
                else:
                    coef[j], intercept[j] = est.coef_[0], est.intercept_[0]
            self.classifiers_[dim] = ovr
            self.coef_[dim], self.intercept_[dim], self.constant_[dim] = coef, intercept, constant

    def _forget(self) -> None:
        """Drop what was derived from the learned state (a refit or reload changes it)."""
        for key in ("_transform_memo", "_transform_last", "_feature_names", "_feature_names_stripped", "_coef_t_cache"):
            self.__dict__.pop(key, None)

    def transform(self, clauses: Sequence[Clause]):
        """The TF-IDF matrix of the clauses (CSR, sorted indices), equal to
        ``vectorizer_.transform``. The last batches' matrices are kept, so the n-gram evidence of a
        batch reuses the matrix its probabilities were computed from instead of a second pass."""
        # keyed by what ``_texts`` reads (text, heading path, document title), so a hit costs no
        # ``_texts`` (the context learner masks cue words there); the very clause objects of the
        # latest call (frozen) need no key at all
        clauses = clauses if isinstance(clauses, (list, tuple)) else list(clauses)
        last = self.__dict__.get("_transform_last")
        if last is not None and same_objects(clauses, last[0]):
            return last[1]
        key = tuple([(c.text, c.heading_path, c.title) for c in clauses])
        memo = self.__dict__.setdefault("_transform_memo", {})
        X = memo.get(key)
        if X is None:
            X = char_tfidf(self.vectorizer_, self._texts(clauses))
            if len(memo) >= _MEMO_BATCHES:
                memo.clear()
            memo[key] = X
        self._transform_last = (list(clauses), X)
        return X

    def feature_names(self, stripped: bool = False) -> list[str]:
        """Column index -> n-gram (built once; ``get_feature_names_out`` rebuilds it per call);
        ``stripped``: without surrounding white space (what evidence searches the text for)."""
        key = "_feature_names_stripped" if stripped else "_feature_names"
        names = self.__dict__.get(key)
        if names is None:
            names = [""] * len(self.vectorizer_.vocabulary_)
            for term, i in self.vectorizer_.vocabulary_.items():
                names[i] = term.strip() if stripped else term
            self.__dict__[key] = names
        return names

    def _coef_t(self, dim: str) -> np.ndarray:
        """``coef_[dim].T`` as a C-contiguous array, made once (the sparse product would copy the
        transposed view on every batch; the arithmetic is the same)."""
        cache = self.__dict__.setdefault("_coef_t_cache", {})
        coef = self.coef_[dim]
        hit = cache.get(dim)
        if hit is None or hit[0] is not coef:
            hit = cache[dim] = (coef, np.ascontiguousarray(coef.T))
        return hit[1]

    #: ``predict_proba`` takes ``dimensions`` (the hybrid asks only for those its meta features use)
    proba_by_dimension = True

    def predict_proba(self, clauses: Sequence[Clause], dimensions: Sequence[str] = DIMENSIONS) -> dict[str, np.ndarray]:
        """``{dim: [n, n_labels]}`` for ``dimensions`` (default both): each dimension's
        probabilities are computed on their own, so asking for fewer changes none of them."""
        self._check_fitted(["vectorizer_", "coef_"])
        X = self.transform(clauses)
        return {dim: self._dimension_proba(X, dim) for dim in dimensions}

    def _dimension_proba(self, X, dim: str, rows: np.ndarray | None = None) -> np.ndarray:
        """``[n, n_labels]`` probabilities of ``dim`` for the rows of ``X``; with ``rows`` (row
        indices) only those rows are computed and the others hold 0.5 (for a caller that replaces
        them: the context learner's gate). A row's product depends on that row alone (scipy sums
        its elements in order), so a computed row is the same either way."""
        intercept = self.intercept_[dim][None, :]
        if rows is None:
            p = _expit(np.asarray(X @ self._coef_t(dim)) + intercept)
        else:
            p = np.full((X.shape[0], len(self.intercept_[dim])), 0.5)
            if len(rows):
                p[rows] = _expit(np.asarray(X[rows] @ self._coef_t(dim)) + intercept)
        const = ~np.isnan(self.constant_[dim])
        p[:, const] = self.constant_[dim][const]
        return p

    # -- plain-data state (no pickle) -----------------------------------------------------------
    def _save_state(self, directory: Path) -> None:
        vec = self.vectorizer_
        state = {
            "format": "policytag-tfidf/1",
            "vectorizer": {"analyzer": vec.analyzer, "ngram_range": list(vec.ngram_range),
                           "sublinear_tf": vec.sublinear_tf, "norm": vec.norm, "lowercase": vec.lowercase,
                           "smooth_idf": vec.smooth_idf},
            "vocabulary": {term: int(i) for term, i in vec.vocabulary_.items()},
            "idf": [float(x) for x in vec.idf_],
            "constant": {dim: [None if np.isnan(c) else float(c) for c in self.constant_[dim]] for dim in DIMENSIONS},
        }
        (directory / STATE_FILE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        for dim in DIMENSIONS:
            np.save(directory / f"coef_{dim}.npy", self.coef_[dim], allow_pickle=False)
            np.save(directory / f"intercept_{dim}.npy", self.intercept_[dim], allow_pickle=False)

    def _load_state(self, directory: Path) -> None:
        self._forget()
        state_file = directory / STATE_FILE
        if not state_file.exists():
            if (directory / LEGACY_PICKLE).exists():
                raise PolicytagError(f"{directory / LEGACY_PICKLE}: pickle-based TF-IDF run from an older policytag; "
                                     f"it is not loaded because unpickling can run code: {RETRAIN_HINT}")
            raise PolicytagError(f"{state_file}: missing; the run directory is incomplete, {RETRAIN_HINT}")
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if state.get("format") != "policytag-tfidf/1":
            raise PolicytagError(f"{state_file}: unknown TF-IDF state format {state.get('format')!r}; {RETRAIN_HINT}")
        v = state["vectorizer"]
        # the fitted vectorizer's state, without scikit-learn: tagging with a loaded run never imports it
        vec = CharVectorizer(analyzer=v["analyzer"], ngram_range=tuple(v["ngram_range"]),
                             sublinear_tf=v["sublinear_tf"], norm=v["norm"], lowercase=v["lowercase"],
                             smooth_idf=v["smooth_idf"], vocabulary=state["vocabulary"],
                             idf=np.asarray(state["idf"], dtype=np.float64))
        self.vectorizer_ = vec
        n_features = len(state["vocabulary"])
        self.coef_, self.intercept_, self.constant_ = {}, {}, {}
        for dim in DIMENSIONS:
            k = len(self.taxonomy[dim].ids)
            coef = np.load(directory / f"coef_{dim}.npy", allow_pickle=False)
            intercept = np.load(directory / f"intercept_{dim}.npy", allow_pickle=False)
            if coef.shape != (k, n_features) or intercept.shape != (k,):
                raise PolicytagError(f"{directory}: coef_{dim}.npy has shape {coef.shape}, expected {(k, n_features)}; "
                                     f"the run directory is corrupt, {RETRAIN_HINT}")
            self.coef_[dim], self.intercept_[dim] = coef.astype(np.float64), intercept.astype(np.float64)
            self.constant_[dim] = np.array([np.nan if c is None else float(c) for c in state["constant"][dim]])


#: the latest ``clause_inputs`` call: [its clauses, use_heading, the inputs]
_INPUTS: list = [(), None, []]


def clause_inputs(clauses: Sequence[Clause], use_heading: bool) -> list[str]:
    """``features.inputs(clauses, use_heading)`` (do not modify the list): the latest answer is
    kept for the very same clause objects (frozen: the same objects mean the same texts), since a
    hybrid's TF-IDF learners read the same clauses of a batch one after another (each clause's
    remarks stripped once, not once per learner: ~0.7 us a clause each)."""
    last = _INPUTS
    if last[1] == use_heading and same_objects(clauses, last[0]):
        return last[2]
    out = inputs(clauses, use_heading)
    _INPUTS[:] = [list(clauses), use_heading, out]
    return out


def _expit(z: np.ndarray) -> np.ndarray:
    """The logistic function ``1 / (1 + exp(-z))`` in numpy (``scipy.special.expit`` agrees to the
    last bit or one unit in it; importing ``scipy.special`` cost most of a one-notice ``tag``)."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def one_blas_thread():
    """A context in which BLAS/OpenMP run one thread (``threadpoolctl``).

    The logistic regressions here are small (a few hundred clauses, ~25k features): a second BLAS
    thread only adds synchronisation, and on a machine whose cores are busy the threads' spin-waits
    made each fit ~40x slower (measured: 5 fits 13.6 s wall with 2 OpenBLAS threads, 0.29 s with
    one, load 11 on 2 cores). One thread also makes the fitted weights independent of the machine's
    core count (the same sums in the same order), so a retrained shipped model is identical.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def char_tfidf(vectorizer, texts: Sequence[str]):
    """``vectorizer.transform(texts)`` for a fitted character n-gram TF-IDF vectorizer (scikit-learn's
    ``TfidfVectorizer`` or a loaded ``CharVectorizer``), computed for the whole batch with numpy.

    scikit-learn counts n-grams in a Python loop with one dictionary lookup and one counter update
    per n-gram (~220 per corpus-like clause: half of the tagging time). Here the batch's characters
    become one array of code points, every n-gram one integer (its code points, 16 bits each when
    every code point of the batch is in 1..U+FFFE, else 21), and one hash-table look-up
    (``PackedKeyTable``, else ``KeyTable``) finds every n-gram's column. The count matrix is the one scikit-learn builds (float64, CSR with sorted
    indices) and the weighting repeats scikit-learn's arithmetic step by step (``log(tf) + 1``,
    times idf, each row divided by the square root of its sum of squares summed in index order),
    so the result is bit-identical (``tests/test_speed.py``). Any other set-up falls back to
    scikit-learn.
    """
    import scipy.sparse as sp

    v = vectorizer
    if (v.analyzer != "char" or getattr(v, "preprocessor", None) is not None or getattr(v, "strip_accents", None)
            or getattr(v, "input", "content") != "content" or getattr(v, "binary", False)
            or getattr(v, "use_idf", True) is not True or v.norm not in ("l2", None)
            or not all(isinstance(t, str) for t in texts) or v.ngram_range[1] > 3 or not texts):
        return _sklearn(v).transform(list(texts))
    tables = v.__dict__.get("_policytag_char_tables")
    if tables is None:
        tables = v._policytag_char_tables = _char_tables(v.vocabulary_)
    prepared = _prepared(texts, v.lowercase)
    if prepared is None:  # lone surrogates: let scikit-learn deal with them
        return _sklearn(v).transform(list(texts))
    prepped, cps = prepared[0], prepared[1].astype(np.uint64)
    lengths = np.fromiter(map(len, prepped), dtype=np.int64, count=len(prepped))
    doc = np.repeat(np.arange(len(prepped), dtype=np.int64), lengths)
    per_n, combined = tables
    # code points 1..U+FFFE (nearly always): 16 bits each and one PackedKeyTable look-up
    packed = _packed_table(v) if len(cps) and cps.all() and int(cps.max()) < PackedKeyTable.LIMIT else None
    bits = np.uint64(21 if packed is None else 16)
    grams = []  # (n, keys of the batch's n-grams, their clause)
    lo, hi = v.ngram_range
    for n in range(lo, hi + 1):
        m = len(cps) - n + 1
        if m <= 0 or n not in per_n:
            continue
        key = cps[:m].copy()
        for k in range(1, n):
            key = (key << bits) | cps[k:k + m]
        inside = doc[:m] == doc[n - 1:n - 1 + m]  # an n-gram never spans two clauses
        grams.append((n, key[inside], doc[:m][inside]))
    if packed is not None:
        # 1-grams read from an array indexed by code point, the longer ones in one hash look-up
        unigrams, table = packed
        looked_up = [(where, unigrams[key]) for n, key, where in grams if n == 1]
        longer = [(key, where) for n, key, where in grams if n > 1]
        if longer:
            looked_up.append((np.concatenate([w for _, w in longer]), table.get(np.concatenate([k for k, _ in longer]))))
    elif combined is not None and len(grams) > 1 and cps.all():
        # every length in one look-up (no U+0000 in the texts: see _char_tables)
        where = np.concatenate([w for _, _, w in grams])
        looked_up = [(where, combined.get(np.concatenate([k for _, k, _ in grams])))]
    else:
        looked_up = [(where, per_n[n].get(key)) for n, key, where in grams]
    rows, cols = [], []
    for where, col in looked_up:
        known = col >= 0
        rows.append(where[known])
        cols.append(col[known])
    rows_a = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    cols_a = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    X = _count_matrix(rows_a, cols_a, len(texts), len(v.vocabulary_))
    # TfidfTransformer.transform, step by step
    if v.sublinear_tf:
        np.log(X.data, X.data)
        X.data += 1.0
    X.data *= np.asarray(v.idf_)[X.indices]
    if v.norm == "l2" and X.nnz:
        # sklearn's inplace_csr_row_normalize_l2: per row, the squares summed left to right from
        # 0.0, then divided by the square root. A weighted bincount adds its weights in input
        # order (out[row[i]] += w[i]), so with the elements in row order it is that sequential
        # sum (np.add.reduceat sums pairwise: not the same bits)
        counts = np.diff(X.indptr)
        norms = np.sqrt(np.bincount(np.repeat(np.arange(X.shape[0]), counts), weights=X.data * X.data,
                                    minlength=X.shape[0]))
        norms[norms == 0.0] = 1.0
        X.data /= np.repeat(norms, counts)
    return X


def _prepared(texts: Sequence[str], lowercase: bool) -> tuple[Sequence[str], np.ndarray] | None:
    """scikit-learn's preprocessing of each text (lower-cased if asked, each run of white space
    made one space) and the code points of the prepared texts, one after another (uint32); None
    when a text has a lone surrogate (no UTF-32 for it).

    Most batches need neither step (Chinese text, single spaces), and the regular expression and
    ``str.lower`` scanned every character (~20 us a batch each, measured): so the batch's code
    points are looked up first in a table of the characters ``str.lower`` changes and of white
    space (``str.isspace``, what ``\\s`` matches), and only the texts that may change are
    prepared (a run of white space in them, or at their start after a text ending in white space;
    a character lower-casing changes: ``str.lower`` maps characters one by one, except the final
    sigma, which changes either way)."""
    try:
        cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return None
    if len(cps) and int(cps.max()) < 0x10000:
        lower, space = _char_classes()
        blank = space[cps]
        may_change = lower[cps] if lowercase else np.zeros(len(cps), dtype=bool)
        may_change[1:] |= blank[1:] & blank[:-1]
        if not may_change.any():
            return texts, cps
        # only the texts with such a character are prepared (a few in a batch)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        doc = np.repeat(np.arange(len(texts)), lengths)
        prepped = list(texts)
        for i in np.unique(doc[may_change]).tolist():
            prepped[i] = _WHITE_SPACES.sub(" ", texts[i].lower() if lowercase else texts[i])
    else:
        prepped = [_WHITE_SPACES.sub(" ", t.lower() if lowercase else t) for t in texts]
    try:
        return prepped, np.frombuffer("".join(prepped).encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return None


_CHAR_CLASSES: list = []


def _char_classes() -> tuple[np.ndarray, np.ndarray]:
    """For each code point below 2**16: does ``str.lower`` change it, is it white space (made
    once, ~15 ms)."""
    if not _CHAR_CLASSES:
        chars = list(map(chr, range(0x10000)))
        _CHAR_CLASSES[:] = [np.fromiter((c.lower() != c for c in chars), dtype=bool, count=0x10000),
                            np.fromiter(map(str.isspace, chars), dtype=bool, count=0x10000)]
    return _CHAR_CLASSES[0], _CHAR_CLASSES[1]


def _count_matrix(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int):
    """The CSR matrix of how often each (row, column) pair occurs, indices sorted within each row
    (what scikit-learn's count matrix has): ``coo_matrix((1, (rows, cols))).tocsr()`` with its
    duplicates summed. When rows and columns fit in 16 bits, the pairs are ordered by two stable
    radix sorts of 16-bit integers (column, then row) and counted in one pass; scipy's per-row
    index sort took as long as the rest of the transform (measured)."""
    import scipy.sparse as sp

    if n_rows >= 2 ** 16 or n_cols >= 2 ** 16 or not len(rows):
        X = sp.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n_rows, n_cols)).tocsr()
        X.sum_duplicates()
        return X
    order = np.argsort(cols.astype(np.uint16), kind="stable")
    order = order[np.argsort(rows[order].astype(np.uint16), kind="stable")]
    r, c = rows[order], cols[order]
    new = np.ones(len(r), dtype=bool)
    new[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    first = np.flatnonzero(new)
    counts = np.diff(np.append(first, len(r))).astype(np.float64)
    indptr = np.zeros(n_rows + 1, dtype=np.int32)
    np.cumsum(np.bincount(r[first], minlength=n_rows), out=indptr[1:])
    X = sp.csr_matrix((counts, c[first].astype(np.int32), indptr), shape=(n_rows, n_cols))
    X.has_sorted_indices = True  # and no duplicates: canonical, as sum_duplicates leaves it
    return X


#: scikit-learn's white-space normalisation of character n-gram input (``_VectorizerMixin``)
_WHITE_SPACES = re.compile(r"\s\s+")


class CharVectorizer:
    """A fitted character n-gram TF-IDF vectorizer as plain state (what a run stores): the
    vocabulary, idf and settings of scikit-learn's ``TfidfVectorizer``. ``transform`` gives what the
    scikit-learn vectorizer gives (``char_tfidf``) without importing scikit-learn; ``to_sklearn``
    builds the real one for anything else."""

    input = "content"
    preprocessor = None
    strip_accents = None
    binary = False
    use_idf = True
    dtype = np.float64

    def __init__(self, analyzer: str, ngram_range: tuple[int, int], sublinear_tf: bool, norm: str | None,
                 lowercase: bool, smooth_idf: bool, vocabulary: dict[str, int], idf: np.ndarray):
        self.analyzer, self.ngram_range, self.sublinear_tf = analyzer, tuple(ngram_range), sublinear_tf
        self.norm, self.lowercase, self.smooth_idf = norm, lowercase, smooth_idf
        self.vocabulary_, self.idf_ = dict(vocabulary), np.asarray(idf, dtype=np.float64)

    def transform(self, texts):
        return char_tfidf(self, list(texts))

    def get_feature_names_out(self) -> np.ndarray:
        names = [""] * len(self.vocabulary_)
        for term, i in self.vocabulary_.items():
            names[i] = term
        return np.asarray(names, dtype=object)

    def to_sklearn(self):
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(analyzer=self.analyzer, ngram_range=self.ngram_range, sublinear_tf=self.sublinear_tf,
                              norm=self.norm, lowercase=self.lowercase, smooth_idf=self.smooth_idf,
                              vocabulary=self.vocabulary_)
        vec.idf_ = self.idf_  # also fixes vocabulary_ from vocabulary=
        return vec


def fit_char_tfidf(texts: Sequence[str], ngram_range: tuple[int, int] = (2, 3), sublinear_tf: bool = True
                   ) -> CharVectorizer:
    """``TfidfVectorizer(analyzer="char", ngram_range=..., sublinear_tf=...).fit(texts)`` without
    scikit-learn (defaults otherwise: lower-cased, every n-gram kept, smooth idf, l2 rows): the
    vocabulary in sorted order and ``idf = ln((n + 1) / (df + 1)) + 1`` as scikit-learn computes
    them, so ``transform`` gives the same matrix (``tests/test_speed.py``). For a small index built
    on the fly (the year-on-year similarity of a report)."""
    lo, hi = ngram_range
    df: dict[str, int] = {}
    for text in texts:
        t = _WHITE_SPACES.sub(" ", text.lower())
        grams = set()
        for n in range(lo, min(hi, len(t)) + 1):
            grams.update(t[i:i + n] for i in range(len(t) - n + 1))
        for g in grams:
            df[g] = df.get(g, 0) + 1
    if not df:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    terms = sorted(df)
    counts = np.array([df[g] for g in terms], dtype=np.float64) + 1.0
    idf = np.log(float(len(texts) + 1) / counts) + 1
    return CharVectorizer("char", ngram_range, sublinear_tf, "l2", True, True,
                          {g: i for i, g in enumerate(terms)}, idf)


def _sklearn(vectorizer):
    return vectorizer.to_sklearn() if isinstance(vectorizer, CharVectorizer) else vectorizer


def _table_bits(n_keys: int) -> int:
    """log2 of the slot count of a hash table for ``n_keys`` keys: at most a quarter full."""
    return max(4, int(4 * max(n_keys, 1) - 1).bit_length())


def _probe_slots(home: np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """The slot of each key under linear probing from its ``home`` slot in a table of ``size``
    slots (a power of two), and how many slots from its home a key sits at most (``_probes``).

    Placed round by round on whole arrays: each key not yet placed tries the slot ``probe`` after
    its home; of keys trying one free slot, the first takes it. Every slot a key passed is taken
    (slots are never freed), so a look-up may stop at the first empty slot. Shared by both tables
    so that they place keys identically."""
    mask = size - 1
    occupied = np.zeros(size, dtype=bool)
    where = np.empty(len(home), dtype=np.int64)
    todo = np.arange(len(home))
    probe = longest = 0
    while len(todo):
        slot = (home[todo] + probe) & mask
        free = np.flatnonzero(~occupied[slot])
        taken, first = np.unique(slot[free], return_index=True)
        winners = free[first]
        occupied[taken] = True
        where[todo[winners]] = taken
        if len(winners):
            longest = probe
        todo = np.delete(todo, winners)
        probe += 1
    return where, longest + 1


class KeyTable:
    """A hash table from integer keys (uint64, never ``2**64 - 1``) to columns, looked up for a
    whole array of keys at once: open addressing with linear probing, slots chosen by Fibonacci
    hashing (the top bits of ``key * 2**64/phi``), at most a quarter full. A look-up is one or two
    gathers per key where a binary search over the sorted vocabulary took ~14 dependent reads
    (that search was the largest single cost of a batch's TF-IDF, measured)."""

    EMPTY = np.uint64(2 ** 64 - 1)
    _MUL = np.uint64(0x9E3779B97F4A7C15)

    def __init__(self, keys: np.ndarray, values: np.ndarray):
        keys = np.asarray(keys, dtype=np.uint64)
        values = np.asarray(values, dtype=np.int64)
        bits = _table_bits(len(keys))
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        self._keys = np.full(1 << bits, self.EMPTY, dtype=np.uint64)
        self._values = np.full(1 << bits, -1, dtype=np.int64)
        where, self._probes = _probe_slots(self._slot(keys), 1 << bits)
        self._keys[where] = keys
        self._values[where] = values

    def _slot(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * self._MUL) >> self._shift).astype(np.int64)

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The column of each key, -1 for a key not in the table."""
        keys = np.asarray(keys, dtype=np.uint64)
        home = self._slot(keys)
        # the first probe on whole arrays (most keys end there: found, or absent at an empty slot),
        # without the index array and masked assignments of the later rounds
        stored = self._keys[home]
        hit = stored == keys
        out = np.where(hit, self._values[home], -1)
        todo = np.flatnonzero(~hit & (stored != self.EMPTY))
        for probe in range(1, self._probes):
            if not len(todo):
                break
            slot = (home[todo] + probe) & self._mask
            stored = self._keys[slot]
            hit = stored == keys[todo]  # (a key equal to EMPTY "finds" an empty slot's -1: absent)
            out[todo[hit]] = self._values[slot[hit]]
            todo = todo[~hit & (stored != self.EMPTY)]  # an empty slot ends the search: absent
        return out


def _char_tables(vocabulary: dict[str, int]) -> tuple[dict[int, KeyTable], KeyTable | None]:
    """Per n-gram length, a table from the vocabulary's n-grams as code-point integers to columns;
    and one table of every length, when no n-gram contains U+0000 (None otherwise).

    Why one table: a look-up costs a few numpy calls per probe round, and each table needs as many
    rounds as its longest probe sequence (4-8 here), so one look-up of all lengths at once costs a
    third of three. It is exact: an n-gram's key (21 bits per code point) whose first code point
    is not 0 lies in [2**(21(n-1)), 2**(21n)), so keys of different lengths never meet, as long as
    neither the vocabulary nor the text (``char_tfidf`` checks) contains U+0000."""
    by_n: dict[int, tuple[list[int], list[int]]] = {}
    for term, column in vocabulary.items():
        if not 1 <= len(term) <= 3:
            continue
        key = 0
        for ch in term:
            key = (key << 21) | ord(ch)
        keys, cols = by_n.setdefault(len(term), ([], []))
        keys.append(key)
        cols.append(column)
    per_n = {n: KeyTable(np.array(keys, dtype=np.uint64), np.array(cols, dtype=np.int64))
             for n, (keys, cols) in by_n.items()}
    combined = None
    if not any("\x00" in term for term in vocabulary):
        combined = KeyTable(np.array([k for keys, _ in by_n.values() for k in keys], dtype=np.uint64),
                            np.array([c for _, cols in by_n.values() for c in cols], dtype=np.int64))
    return per_n, combined


class PackedKeyTable:
    """``KeyTable`` for n-grams of code points 1..U+FFFE with columns below ``2**16 - 1``: a key
    (16 bits per code point, at most 48) and its column share one 64-bit slot, ``key << 16 |
    column``, so a look-up reads one slot where ``KeyTable`` reads a key and then a value, and the
    table is half of ``KeyTable``'s size (8 bytes a slot against 16, both at most a quarter full).
    Why it matters: in the tagging pipeline the tables are mostly out of the CPU caches
    when a batch looks its ~25,000 n-grams up (other stages ran in between), so the look-up was
    cache misses, about 3x slower than in a loop (measured).

    Open addressing with linear probing and Fibonacci hashing like ``KeyTable``; the keys not at
    home are probed slot after slot, each round on the keys still unresolved (most end at the
    next slot or two). A slot's key part is never a query key once the caller keeps U+FFFF out
    of the texts: the empty slot is all ones, whose key part would be ``\uffff\uffff\uffff``.
    """

    LIMIT = 0xFFFF  # code points must be below this (and above 0)
    EMPTY = np.uint64(2 ** 64 - 1)
    _MUL = np.uint64(0x9E3779B97F4A7C15)
    _LOW = np.uint64(0xFFFF)
    _SIXTEEN = np.uint64(16)

    def __init__(self, keys: np.ndarray, values: np.ndarray):
        keys = np.asarray(keys, dtype=np.uint64)
        values = np.asarray(values, dtype=np.int64)
        if len(values) and (values.min() < 0 or values.max() >= 0xFFFF):
            raise ValueError("PackedKeyTable: columns must be in [0, 2**16 - 1)")
        if len(keys) and keys.max() >= np.uint64(2 ** 48 - 1):
            raise ValueError("PackedKeyTable: keys must be below 2**48 - 1")
        bits = _table_bits(len(keys))
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        self._slots = np.full(1 << bits, self.EMPTY, dtype=np.uint64)
        where, self._probes = _probe_slots(self._slot(keys), 1 << bits)
        self._slots[where] = (keys << self._SIXTEEN) | values.astype(np.uint64)

    def _slot(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * self._MUL) >> self._shift).astype(np.int64)

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The column of each key (each below ``2**48 - 1``), -1 for a key not in the table."""
        keys = np.asarray(keys, dtype=np.uint64)
        # the home slots as int64 by a view: they are below 2**bits, so the same numbers as
        # ``astype`` gives, without the copy
        home = ((keys * self._MUL) >> self._shift).view(np.int64)
        stored = self._slots[home]
        miss = (stored >> self._SIXTEEN) != keys
        out = (stored & self._LOW).view(np.int64)  # a column (< 2**16) where the key is at home
        out[miss] = -1
        todo = np.flatnonzero(miss & (stored != self.EMPTY))
        # keys not at home (another key is there; ~10 % of a batch's): one probe round per slot
        # after home, on the keys still unresolved, until an empty slot or the longest probe
        # sequence ends them. Reading every key's whole window at once (a [keys, probes] array)
        # cost more: numpy's 2-D broadcasting over rows of 6-8 slots was ~0.4 ms a batch against
        # ~0.05 ms for the rounds (measured on the benchmark's batches)
        for probe in range(1, self._probes):
            if not len(todo):
                break
            stored = self._slots[(home[todo] + probe) & self._mask]
            hit = (stored >> self._SIXTEEN) == keys[todo]
            out[todo[hit]] = (stored[hit] & self._LOW).view(np.int64)
            todo = todo[~hit & (stored != self.EMPTY)]
        return out


def _packed_table(vectorizer) -> tuple[np.ndarray, PackedKeyTable] | None:
    """For the vectorizer's 1-3-grams whose code points are 1..U+FFFE (the only ones a text of
    such code points can contain), made once: the column of each 1-gram in an array indexed by
    its code point (-1: none; 128 KiB, which stays in the CPU caches, where a third of a batch's
    look-ups went to the hash table) and a ``PackedKeyTable`` of the 2- and 3-grams; None when the
    vocabulary has ``2**16 - 1`` columns or more."""
    got = vectorizer.__dict__.get("_policytag_packed_table", False)
    if got is False:
        got = None
        if len(vectorizer.vocabulary_) < 0xFFFF:
            unigrams = np.full(PackedKeyTable.LIMIT, -1, dtype=np.int16 if len(vectorizer.vocabulary_) < 2 ** 15 else np.int32)
            keys, cols = [], []
            for term, column in vectorizer.vocabulary_.items():
                if 1 <= len(term) <= 3 and all(0 < ord(ch) < PackedKeyTable.LIMIT for ch in term):
                    if len(term) == 1:
                        unigrams[ord(term)] = column
                        continue
                    key = 0
                    for ch in term:
                        key = (key << 16) | ord(ch)
                    keys.append(key)
                    cols.append(column)
            got = (unigrams, PackedKeyTable(np.array(keys, dtype=np.uint64), np.array(cols, dtype=np.int64)))
        vectorizer._policytag_packed_table = got
    return got
