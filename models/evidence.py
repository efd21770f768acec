"""Evidence for output labels: why a clause is tagged 煤矿.

Three sources, each returning ``[[Evidence, ...] per clause]`` for the labels the tagger output:

* ``lexical_evidence``: the cue words and codebook rules that fired (``policytag.knowledge``),
  with character spans into the clause text (or the heading path, ``source="heading"``);
* ``ngram_evidence``: for a TF-IDF model, the character n-grams present in the clause whose
  coefficient × TF-IDF value weighed most for the label, merged into phrases with spans;
* ``occlusion_evidence``: for any model (the embedding LR, a transformer), the phrases whose
  removal lowers the label's probability most.

``evidence_for(tagger, clauses, labels)`` picks what the tagger supports (its ``explain``
method, else the lexical evidence), so every tagger gives evidence for every output label.
"""

from __future__ import annotations

import re
import string
import unicodedata
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Sequence

import numpy as np

from policytag.knowledge import HEADING_JOIN, load_knowledge
from policytag.records import Clause, Evidence, Labels, same_objects
from policytag.taxonomy import DIMENSIONS

PHRASE_SPLIT = re.compile(r"[，、；。：！？,;:（）()“”\s]+")


class _Unfrozen:
    """An Evidence under construction: the same slots (``policytag.records.Evidence`` is a slotted dataclass),
    not frozen, so each field is one plain slot store; its class is then set to Evidence (allowed between
    classes of one layout). A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``
    (twice the cost, and a clause gets ~15 pieces of evidence)."""

    __slots__ = Evidence.__slots__


def make_evidence(label: str, dimension: str, kind: str, text: str, span: tuple[int, int], weight: float = 1.0,
                  source: str = "text", rule: str | None = None) -> Evidence:
    """``Evidence(label, dimension, kind, text, span, weight, source, rule)``, the same object
    (equal, same hash), made at half the cost (see ``_Unfrozen``; a fifth of the tagging time once went
    into making them). ``tests/test_speed.py`` checks it against the dataclass."""
    ev = _Unfrozen()
    ev.label, ev.dimension, ev.kind, ev.text = label, dimension, kind, text
    ev.span, ev.weight, ev.source, ev.rule = span, weight, source, rule
    ev.__class__ = Evidence
    return ev


def _output(labels: Labels) -> list[tuple[str, str]]:
    return [(dim, lid) for dim in DIMENSIONS for lid in getattr(labels, dim)]


def lexical_evidence(tagger, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None) -> list[list[Evidence]]:
    """Cue/rule hits for each output label (text first, then heading hits)."""
    labels = labels if labels is not None else tagger.predict(clauses)
    knowledge = load_knowledge(tagger.taxonomy)
    out = []
    # the batch's hits were usually just computed for the features: clause_hits returns them
    # without matching again (and without copying them: they are only read here)
    make = make_evidence
    for clause_hits, lab in zip(knowledge.clause_hits(clauses), labels):
        if not clause_hits:
            out.append([])
            continue
        # (hits are of the taxonomy's dimensions, whose label sets Labels holds: a short tuple
        # looked into per hit, no set of (dimension, label) pairs per clause)
        hits = [h for h in clause_hits if h.label in getattr(lab, h.dimension)]
        if len(hits) > 1:
            hits.sort(key=_text_first)
        out.append([make(h.label, h.dimension, h.kind, h.text, h.span, h.weight, h.source, h.rule) for h in hits])
    return out


def _text_first(h) -> tuple[bool, int]:
    """Evidence order of hits: text hits before heading hits, then by start."""
    return (h.source != "text", h.span[0])


def _merge_spans(items: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Overlapping/adjacent n-gram spans -> phrases (summed weight)."""
    merged: list[list] = []
    for a, b, w in sorted(items):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
            merged[-1][2] += w
        else:
            merged.append([a, b, w])
    return [tuple(m) for m in merged]


def ngram_evidence(tfidf, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None,
                   top_ngrams: int = 8, top_phrases: int = 3) -> list[list[Evidence]]:
    """TF-IDF n-grams (coef × tfidf value, positive only) present in the clause text, as phrases.

    Per output label: the ``top_ngrams`` n-grams of the clause with the largest coef × TF-IDF
    value (``np.argsort`` of the clause's row decides between equal values), those with a positive value
    located in the clause text (every occurrence), overlapping or adjacent occurrences merged into
    phrases (weights summed left to right), the ``top_phrases`` heaviest phrases (equal weights:
    the earlier one), of which those with fewer than two characters other than digits, punctuation or
    white space (``202`` of a year, an enumeration comma, ``年`` or ``客`` cut from their words: no word
    an analyst can read as a reason) are not shown (``names_a_word``), and each is shown without the punctuation or white space at its edges
    (``trim_phrase``: ``评估，`` -> ``评估``; an n-gram of characters spans a comma as readily as a
    word, but an analyst reads the words; its weight stays the phrase's). Needs the TF-IDF tagger's ``vectorizer_`` and ``coef_[dim]`` ([n_labels,
    n_features]).

    Computed for the whole batch with numpy (``_ngram_evidence_batch``); ``_ngram_evidence_rows``
    is the same definition clause by clause, as it was computed before (the reference
    ``tests/test_speed.py`` compares it with).
    """
    clauses = list(clauses)
    labels = list(labels) if labels is not None else tfidf.predict(clauses)
    X, vocab = _tfidf_matrix(tfidf, clauses)
    return _ngram_evidence_batch(tfidf, X, vocab, clauses, labels, top_ngrams, top_phrases)


def _ngram_evidence_rows(tfidf, X, vocab, clauses, labels, top_ngrams, top_phrases,
                         words_only: bool = True) -> list[list[Evidence]]:
    """``ngram_evidence`` clause by clause, label by label (see there); ``words_only=False``
    keeps the phrases that name no word too (the definition before they were left out; a phrase
    of punctuation only is kept as it is, not trimmed to nothing)."""
    indptr, indices, data = X.indptr, X.indices, X.data
    column = {dim: {lid: j for j, lid in enumerate(tfidf.taxonomy[dim].ids)} for dim in DIMENSIONS}
    out = []
    for i, (clause, lab) in enumerate(zip(clauses, labels)):
        idx, val = indices[indptr[i]:indptr[i + 1]], data[indptr[i]:indptr[i + 1]]
        columns = idx.tolist()
        text = clause.text
        found: dict[str, list[tuple[int, int]]] = {}  # n-gram -> its spans in the text (shared by labels)
        ev: list[Evidence] = []
        for dim in DIMENSIONS:
            for lid in getattr(lab, dim):
                contrib = tfidf.coef_[dim][column[dim][lid], idx] * val
                order = np.argsort(-contrib)[:top_ngrams]
                spans = []
                for o, c in zip(order.tolist(), contrib[order].tolist()):
                    if c <= 0:
                        break
                    gram = vocab[columns[o]]
                    if not gram:
                        continue
                    # spans in the clause text; an n-gram only in the heading is not highlighted
                    where = found.get(gram)
                    if where is None:
                        where = found[gram] = _find_all(text, gram)
                    for a, b in where:
                        spans.append((a, b, c))
                phrases = sorted(_merge_spans(spans), key=lambda m: -m[2])[:top_phrases]
                # (whether a phrase names a word is read before it is trimmed and widened: widening
                # to a code's letters, N of LNG, must not let in a phrase that names none)
                ev += [Evidence(lid, dim, "ngram", text[a:b], (a, b), round(w, 4))
                       for a, b, w in ((*trim_phrase(text, a, b), w) for a, b, w in phrases
                                       if not words_only or names_a_word(text[a:b]))]
        out.append(ev)
    return out


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (overlapping) occurrence of ``needle`` in ``text``."""
    out = []
    start = text.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _segments(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For segments of ``counts`` items laid end to end: each item's segment and its rank in it."""
    seg = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return seg, np.arange(int(counts.sum())) - starts[seg]


#: how many runs ``_top_positive`` cuts a pair's positive contributions into, per n-gram kept
_RUNS_PER_TOP = 2


def _top_positive(contrib: np.ndarray, starts: np.ndarray, counts: np.ndarray,
                  top_ngrams: int) -> tuple[np.ndarray, np.ndarray]:
    """The indices of each pair's positive contributions among its ``top_ngrams`` largest, as
    the clause-by-clause code picks them (``np.argsort(-row)[:top_ngrams]``, positive ones); a
    pair's row is ``contrib[starts[p]:starts[p + 1]]`` (``counts[p]`` long). Returned with the
    pair of each index (the caller needs it: found here once, for the candidates).

    A cheap bound first: cut each row into runs (up to ``_RUNS_PER_TOP * (top_ngrams + 1)``);
    the run maxima are distinct elements, so the (top_ngrams + 1)-th largest of them is at most
    the row's (top_ngrams + 1)-th largest value. Only the positive values at or above it (a few
    per pair, against ~100 n-grams a row) are ranked, by a partition that finds the cut-off (kth)
    and the next value; with fewer than top_ngrams + 1 positive values every one is kept. Where kth
    is shared by the next value (n-grams that always occur together get equal coefficients),
    which of the equal ones is kept is what ``np.argsort`` of the pair's whole row says, so those
    pairs are redone that way.
    """
    n_pairs = len(counts)
    if not len(contrib):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    runs = np.minimum(counts, _RUNS_PER_TOP * (top_ngrams + 1))
    run_pair, j = _segments(runs)
    cuts = starts[run_pair] + (j * counts[run_pair]) // runs[run_pair]
    maxima = np.full((n_pairs, max(int(runs.max()), top_ngrams + 1)), -np.inf)
    maxima[run_pair, j] = np.maximum.reduceat(contrib, cuts)
    width = maxima.shape[1]
    bound = np.partition(maxima, width - top_ngrams - 1, axis=1)[:, width - top_ngrams - 1]
    # positive and at or above the bound in one comparison: x > 0 is x >= the least positive
    # double (NaN fails both)
    cand = np.flatnonzero(contrib >= np.repeat(np.maximum(bound, _LEAST_POSITIVE), counts))
    # rank the candidates: kth = the top_ngrams-th largest, after = the next one (-inf: none)
    pair = np.searchsorted(starts, cand, side="right") - 1
    values = contrib[cand]
    sizes = np.bincount(pair, minlength=n_pairs)
    _, rank = _segments(sizes)
    width = max(int(sizes.max()) if len(sizes) else 0, top_ngrams + 1)
    padded = np.full((n_pairs, width), -np.inf)
    padded[pair, rank] = values
    part = np.partition(padded, [width - top_ngrams - 1, width - top_ngrams], axis=1)
    kth, after = part[:, width - top_ngrams], part[:, width - top_ngrams - 1]
    keep = values >= kth[pair]
    chosen, chosen_pair = cand[keep], pair[keep]
    tied = np.flatnonzero((after == kth) & (kth > 0))
    if len(tied):
        negative = -contrib
        firsts = starts[tied]
        # each tied row's own argsort (its first top_ngrams places), offset by the row's start
        # once for all rows after (not one addition per row)
        redo = [negative[s:s + n].argsort()[:top_ngrams] for s, n in zip(firsts.tolist(), counts[tied].tolist())]
        sizes = np.fromiter(map(len, redo), dtype=np.int64, count=len(redo))
        is_tied = np.zeros(n_pairs, dtype=bool)  # a mask, not np.isin (which sorts both sides)
        is_tied[tied] = True
        keep = ~is_tied[chosen_pair]
        chosen = np.concatenate([chosen[keep], np.concatenate(redo) + np.repeat(firsts, sizes)])
        chosen_pair = np.concatenate([chosen_pair[keep], np.repeat(tied, sizes)])
        positive = contrib[chosen] > 0
        chosen, chosen_pair = chosen[positive], chosen_pair[positive]
    return chosen, chosen_pair


_LEAST_POSITIVE = np.nextafter(0.0, 1.0)


_PAIRS: list = [None, None]  # the last labels list and its _pairs (the learners of a hybrid share it)


def _pairs(labels: Sequence[Labels], taxonomy):
    """Every (clause, output label) pair, dimension by dimension, then clause by clause, then as
    output: ``(clause, label column, pairs per dimension, [(label id, dimension)])``."""
    key = tuple(labels)
    if _PAIRS[0] == key and _PAIRS[1][0] is taxonomy:
        return _PAIRS[1][1]
    p_clause, p_label, per_dim, names = [], [], [], []
    clause_ids = np.arange(len(labels), dtype=np.int64)
    for dim in DIMENSIONS:
        column = list(map(attrgetter(dim), labels))
        if not any(column):  # (a learner of the other dimension gets empty label sets here)
            per_dim.append(0)
            continue
        index = {lid: j for j, lid in enumerate(taxonomy[dim].ids)}
        # the columns and names of each distinct label set made once (a batch has few), then
        # laid out clause after clause by C-level maps (no Python statement per clause)
        made = {ids: ([index[lid] for lid in ids], [(lid, dim) for lid in ids]) for ids in dict.fromkeys(column)}
        got = list(map(made.__getitem__, column))
        sizes = list(map(len, column))
        p_clause.append(np.repeat(clause_ids, sizes))
        p_label += chain.from_iterable(map(itemgetter(0), got))
        names += chain.from_iterable(map(itemgetter(1), got))
        per_dim.append(sum(sizes))
    p_clause = np.concatenate(p_clause) if p_clause else np.zeros(0, dtype=np.int64)
    out = (p_clause, np.asarray(p_label, dtype=np.int64), per_dim, names)
    _PAIRS[:] = [key, (taxonomy, out)]
    return out


def _coef_t(tfidf, dim: str) -> np.ndarray:
    """``tfidf.coef_[dim].T``, C-contiguous: the learner's own cached copy when it keeps one
    (``TfidfTagger._coef_t``), else made here."""
    cached = getattr(tfidf, "_coef_t", None)
    if callable(cached):
        return cached(dim)
    return np.ascontiguousarray(tfidf.coef_[dim].T)


def _ngram_evidence_batch(tfidf, X, vocab, clauses, labels, top_ngrams, top_phrases) -> list[list[Evidence]]:
    """``ngram_evidence`` for a batch with array operations (the definition: ``_ngram_evidence_rows``)."""
    return _ngram_evidence_sources([(tfidf, X, vocab, labels)], clauses, top_ngrams, top_phrases)


def ngram_evidence_many(items: Sequence[tuple], clauses: Sequence[Clause], top_ngrams: int = 8,
                        top_phrases: int = 3) -> list[list[Evidence]]:
    """Per clause, the evidence of ``ngram_evidence(tfidf, clauses, labels)`` for each
    ``(tfidf, labels)`` of ``items``, one after another (the concatenation of their lists), in one
    batched pass: a hybrid's TF-IDF learners share the pairs' arrays, one top-n-gram selection,
    one look-up in the gram index, one phrase pass and one loop that makes the evidence (a pass
    per learner repeated each of ~100 numpy calls on a batch). ``tests/test_speed.py`` compares
    it with the learner-by-learner concatenation."""
    clauses = list(clauses)
    sources = []
    for tfidf, labels in items:
        labels = list(labels) if labels is not None else tfidf.predict(clauses)
        X, vocab = _tfidf_matrix(tfidf, clauses)
        sources.append((tfidf, X, vocab, labels))
    return _ngram_evidence_sources(sources, clauses, top_ngrams, top_phrases)


def _ngram_evidence_sources(sources, clauses, top_ngrams, top_phrases) -> list[list[Evidence]]:
    """``_ngram_evidence_batch`` of each ``(tfidf, X, vocab, labels)`` of ``sources``, concatenated
    per clause, computed as one batch: the pairs of all sources laid end to end (the first
    source's first), each with its own matrix row and coefficients; a pair's n-gram columns are
    numbered after the columns of the sources before it (``_VocabTable``).

    1. every (clause, output label) pair: the n-grams of the clause's row, with contributions;
    2. per pair the ``top_ngrams`` largest (a partition finds each pair's cut-off), positive ones;
    3. their occurrences in the clause texts;
    4. per pair the occurrence spans sorted, merged into phrases, the heaviest kept.
    """
    n = len(clauses)
    # 1. pairs; a pair's elements are its clause's row of its source's X
    p_clause_l, counts_l, cols_l, contrib_l = [], [], [], []
    names = []
    col_offset = 0
    for tfidf, X, vocab, labels in sources:
        indptr, indices, data = X.indptr, X.indices, X.data
        p_clause, p_label, per_dim, s_names = _pairs(labels, tfidf.taxonomy)
        if len(p_clause):
            counts = np.diff(indptr)[p_clause]
            starts = np.concatenate([[0], np.cumsum(counts)])
            # each element's position in X: its pair's row start, then on by one
            pos = np.arange(int(starts[-1])) - np.repeat(starts[:-1] - indptr[:-1][p_clause], counts)
            cols = indices[pos]
            contrib = data[pos]
            # times each n-gram's coefficient for the pair's label; pairs come dimension by dimension
            bounds = np.cumsum([0] + per_dim).tolist()
            for dim, first, last in zip(DIMENSIONS, bounds, bounds[1:]):
                if first == last:
                    continue
                coef_t = _coef_t(tfidf, dim)
                lo, hi = starts[first], starts[last]
                # each element's coefficient, read from the [n_features, n_labels] copy of the
                # coefficients the learner's probabilities were computed with (``_coef_t``): the
                # labels of one n-gram share a cache line there, and the rows the batch's product
                # read are still in cache; in ``coef_`` ([n_labels, n_features]) each read was a
                # cache miss (~4x slower, measured). The same numbers.
                at = cols[lo:hi] * np.int64(coef_t.shape[1])
                at += np.repeat(p_label[first:last], counts[first:last])
                contrib[lo:hi] *= np.take(coef_t.ravel(), at)
            p_clause_l.append(p_clause)
            counts_l.append(counts)
            cols_l.append(cols + col_offset if col_offset else cols)
            contrib_l.append(contrib)
            names += s_names
        col_offset += len(vocab)
    if not p_clause_l:
        return [[] for _ in range(n)]
    if len(p_clause_l) == 1:
        p_clause, counts, cols, contrib = p_clause_l[0], counts_l[0], cols_l[0], contrib_l[0]
    else:
        p_clause, counts, cols, contrib = (np.concatenate(x) for x in (p_clause_l, counts_l, cols_l, contrib_l))
    starts = np.concatenate([[0], np.cumsum(counts)])  # where each pair's elements start (and end)
    vocab = _vocab_table([v for _, _, v, _ in sources])
    # 2. the top n-grams of each pair: its positive contributions at or above its top_ngrams-th
    # largest value (kth); their order does not matter (step 4 sorts the spans)
    top, t_pair = _top_positive(contrib, starts, counts, top_ngrams)
    t_col, t_w = cols[top], contrib[top]
    # 3. where each top n-gram occurs in its clause's text
    texts = [c.text for c in clauses]
    s_pair, s_a, s_b, s_w = _occurrences(texts, vocab, p_clause[t_pair], t_col, t_pair, t_w)
    # 4. phrases: spans sorted by (start, end, weight) within a pair, merged while they touch
    out: list[list[Evidence]] = [[] for _ in range(n)]
    if not len(s_pair):
        return out
    bits = (max(map(len, texts)) + 1).bit_length()
    if 2 * bits + len(p_clause).bit_length() <= 62:  # (pair, start, end) as one integer: one sort key less
        o = _by_key_then_weight((s_pair << (2 * bits)) | (s_a << bits) | s_b, s_w)
    else:
        o = np.lexsort((s_w, s_b, s_a, s_pair))
    s_pair, s_a, s_b, s_w = s_pair[o], s_a[o], s_b[o], s_w[o]
    first = np.ones(len(o), dtype=bool)
    first[1:] = s_pair[1:] != s_pair[:-1]
    # the running end of the phrase so far, per pair (texts are shorter than 2**40 characters)
    reach = np.maximum.accumulate(s_pair.astype(np.int64) << 40 | s_b) & ((1 << 40) - 1)
    new = first.copy()
    new[1:] |= s_a[1:] > reach[:-1]
    starts = np.flatnonzero(new)
    g_pair, g_a = s_pair[starts], s_a[starts]
    g_b = reach[np.append(starts[1:], len(o)) - 1]
    # weights summed left to right, as the clause-by-clause code adds them
    sizes = np.diff(np.append(starts, len(o)))
    g_w = s_w[starts].copy()
    for k in range(1, int(sizes.max())):
        more = sizes > k
        g_w[more] += s_w[starts[more] + k]
    # the heaviest phrases per pair (equal weights: the earlier)
    o = np.lexsort((-g_w, g_pair))
    g_pair, g_a, g_b, g_w = g_pair[o], g_a[o], g_b[o], g_w[o]
    _, r = _segments(np.bincount(g_pair, minlength=len(counts)))
    keep = np.flatnonzero(r < top_phrases)
    # of the heaviest phrases, those that name a word (chosen first, so no other phrase takes the
    # place of one left out: every other piece of evidence is as before)
    # (and each shown without the punctuation or white space at its edges: ``trim_phrase``)
    named, t_a, t_b = _phrase_words(texts, p_clause[g_pair[keep]], g_a[keep], g_b[keep])
    keep, t_a, t_b = keep[named], t_a[named], t_b[named]
    weights = round_like_python(g_w[keep], 4)
    make = make_evidence
    kept = g_pair[keep]
    # each phrase's clause and (label, dimension) looked up for all at once (not per phrase)
    for i, (label, dim), a, b, w in zip(p_clause[kept].tolist(), map(names.__getitem__, kept.tolist()), t_a.tolist(),
                                        t_b.tolist(), weights):
        out[i].append(make(label, dim, "ngram", texts[i][a:b], (a, b), w, "text", None))
    return out


def names_a_word(text: str) -> bool:
    """Does ``text`` hold ``MIN_WORD_CHARS`` characters other than digits, punctuation or white space?
    (What an n-gram phrase must hold to be shown as evidence: ``202`` of a year, ``、`` or ``1.`` is
    no reason an analyst can read, nor is one character cut from its word, ``年``, ``客`` or ``单``
    of ``清单``: a character 1-gram weighs in the model, but read alone it names nothing.) Digits:
    ``str.isdigit`` (ASCII, full-width, circled; not 十 or 〇, which are words here); punctuation:
    Unicode categories P* and ASCII punctuation (``+``, ``%``, ``~`` …) in its full-width forms too
    (NFKC)."""
    return sum(map(_is_word_char, text)) >= MIN_WORD_CHARS


#: word characters an n-gram phrase needs to be shown (``names_a_word``)
MIN_WORD_CHARS = 2


def _is_word_char(ch: str) -> bool:
    if ch.isspace() or ch.isdigit() or unicodedata.category(ch).startswith("P"):
        return False
    folded = unicodedata.normalize("NFKC", ch)
    return not (folded and all(c in _ASCII_PUNCTUATION for c in folded))


_ASCII_PUNCTUATION = frozenset(string.punctuation)


def trim_phrase(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``(a, b)`` of ``text`` without the white space and punctuation at its edges
    (``_is_edge_char``): an n-gram phrase is shown as the words it holds (``评估，`` -> ``评估``,
    ``、建筑施工`` -> ``建筑施工``, ``规划》`` -> ``规划``); unchanged when nothing would be left. Then
    widened to whole runs of digits and Latin letters (``widen_to_runs``: ``00公里`` of 500公里 ->
    ``500公里``)."""
    x, y = a, b
    while x < y and _is_edge_char(text[x]):
        x += 1
    while y > x and _is_edge_char(text[y - 1]):
        y -= 1
    return widen_to_runs(text, x, y) if x < y else (a, b)


#: the characters of a run of digits and Latin letters (ASCII or full-width; a decimal point between two
#: digits joins them too, 0.1‰): a number or a code (5G, LNG), which a phrase shows whole
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_RUN_CHARS = _DIGITS | frozenset(string.ascii_letters) | frozenset(map(chr, range(ord("Ａ"), ord("Ｚ") + 1))) \
    | frozenset(map(chr, range(ord("ａ"), ord("ｚ") + 1)))
_POINTS = frozenset(".．")
#: how far a phrase is widened into a run on each side: a number or a code is shorter; a longer run
#: (a web address, a serial number) is shown cut rather than whole
RUN_REACH = 16


def widen_to_runs(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``(a, b)`` of ``text`` widened so that it neither begins nor ends inside a run of
    digits or Latin letters: a character n-gram starts wherever it occurs (``00公里`` of ``500公里``,
    ``开展5`` of ``开展5G``), but an analyst reads the figure and the code whole (``500公里``,
    ``开展5G``). A side whose run goes on for more than ``RUN_REACH`` characters is left as it is.
    (Hand-written: at most ``RUN_REACH`` steps a side, on the few phrases that need it.)"""
    x = a
    while x > 0 and a - x < RUN_REACH and _joined(text, x):
        x -= 1
    y = b
    while y < len(text) and y - b < RUN_REACH and _joined(text, y):
        y += 1
    return (a if x > 0 and _joined(text, x) else x), (b if y < len(text) and _joined(text, y) else y)


def _joined(text: str, i: int) -> bool:
    """Do ``text[i - 1]`` and ``text[i]`` belong to one run (``5|00``, ``L|NG``, ``0.|1``, ``0|.1``)?"""
    left, right = text[i - 1], text[i]
    if left in _POINTS:
        return i >= 2 and text[i - 2] in _DIGITS and right in _DIGITS
    if right in _POINTS:
        return left in _DIGITS and i + 1 < len(text) and text[i + 1] in _DIGITS
    return left in _RUN_CHARS and right in _RUN_CHARS


def _is_edge_char(ch: str) -> bool:
    """White space or punctuation (Unicode categories P*), except the signs that belong to a figure
    (``%``, ``‰``, ``％``: ``100%`` keeps its sign)."""
    return ch.isspace() or (unicodedata.category(ch).startswith("P") and ch not in _FIGURE_SIGNS)


_FIGURE_SIGNS = frozenset("%‰％")
#: per code point below 2**16: bit 1 a word character (``_is_word_char``), bit 2 an edge character
#: (``_is_edge_char``), bit 4 a character of a run or a decimal point (``widen_to_runs``), -1 not yet asked (filled as texts bring code points: a table of all 65,536
#: took ~50 ms, a tenth of a one-notice ``tag``)
_CHAR_KINDS = np.full(0x10000, -1, dtype=np.int8)
_WORD, _EDGE, _RUNISH = 1, 2, 4


def _char_kind(ch: str) -> int:
    return _WORD * _is_word_char(ch) | _EDGE * _is_edge_char(ch) | _RUNISH * (ch in _RUN_CHARS or ch in _POINTS)


def _phrase_words(texts: list[str], doc: np.ndarray, a: np.ndarray, b: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each phrase ``k`` (``texts[doc[k]][a[k]:b[k]]``), for a batch at once: does it name a word
    (``names_a_word``), and its span trimmed as ``trim_phrase`` trims it. Read from the kinds of the
    batch's characters: a word character's running count at both ends of each span, and the kind
    of its first and last character."""
    if not len(doc):
        return np.zeros(0, dtype=bool), a, b
    try:
        cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate: phrase by phrase
        pairs = [(names_a_word(texts[d][x:y]), *trim_phrase(texts[d], x, y))
                 for d, x, y in zip(doc.tolist(), a.tolist(), b.tolist())]
        named, ta, tb = zip(*pairs)
        return np.array(named, dtype=bool), np.array(ta, dtype=np.int64), np.array(tb, dtype=np.int64)
    small = cps < 0x10000
    kind = np.zeros(len(cps), dtype=np.int8)
    known = _CHAR_KINDS[cps[small]]
    if (known < 0).any():
        for c in np.unique(cps[small][known < 0]).tolist():
            _CHAR_KINDS[c] = _char_kind(chr(c))
        known = _CHAR_KINDS[cps[small]]
    kind[small] = known
    if not small.all():
        kind[~small] = [_char_kind(chr(c)) for c in cps[~small].tolist()]
    running = np.zeros(len(cps) + 1, dtype=np.int64)
    np.cumsum(kind & _WORD, out=running[1:])
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    start = (np.cumsum(lengths) - lengths)[doc]
    named = running[start + b] - running[start + a] >= MIN_WORD_CHARS
    # the phrases with an edge character at either end (one in fifteen) are trimmed together, a
    # character a round from each end while one is an edge (trim_phrase one by one cost ~1 us a
    # clause; a phrase that names a word holds a character that is no edge, so the ends never meet)
    edged = np.flatnonzero(named & (((kind[start + a] | kind[start + b - 1]) & _EDGE) != 0))
    ta, tb = a.copy(), b.copy()
    if len(edged):
        base = start[edged]
        x, y = base + a[edged], base + b[edged]
        while (step := (kind[x] & _EDGE) != 0).any():
            x += step
        while (step := (kind[y - 1] & _EDGE) != 0).any():
            y -= step
        ta[edged], tb[edged] = x - base, y - base
    # the phrases with a run's character on both sides of an end (a figure or code cut: ``00公里`` of
    # 500公里) are widened as ``widen_to_runs`` widens them, one by one (a few a batch)
    # (the character before a text's first or after its last is the next text's, or the array's end
    # again: a "maybe" at worst, which widen_to_runs settles within the phrase's own text)
    first, after = start + ta, start + tb
    across = (kind.take(first - 1, mode="clip") & kind[first]) | (kind[after - 1] & kind.take(after, mode="clip"))
    for k in np.flatnonzero(named & ((across & _RUNISH) != 0)).tolist():
        ta[k], tb[k] = widen_to_runs(texts[doc[k]], int(ta[k]), int(tb[k]))
    return named, ta, tb


def _by_key_then_weight(key: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """``np.lexsort((weight, key))``: the order by key, equal keys by weight, equal both as they
    come. The weight decides only between equal keys (here: equal spans of a pair, from n-grams
    that strip to the same text), which are rare: one stable sort by key, and lexsort's two
    only when some keys are equal (``tests/test_speed.py``)."""
    o = np.argsort(key, kind="stable")
    ordered = key[o]
    if (ordered[1:] == ordered[:-1]).any():
        return np.lexsort((weight, key))
    return o


def round_like_python(values: np.ndarray, decimals: int) -> list[float]:
    """``[round(float(x), decimals) for x in values]``, vectorised.

    ``np.round`` scales, rounds to an integer and divides; the division gives the double nearest
    to that integer / 10**decimals, as Python's ``round`` does, whenever both pick the same integer,
    which they do unless the scaled value is within rounding error of a tie (x.5): those few are
    rounded by Python itself (``tests/test_speed.py``).
    """
    values = np.asarray(values, dtype=np.float64)
    scaled = values * 10.0 ** decimals
    out = np.round(values, decimals).tolist()
    near_tie = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    if len(near_tie):
        exact = values.tolist()
        for k in near_tie.tolist():
            out[k] = round(exact[k], decimals)
    return out


class _GramIndex:
    """Where character n-grams (n <= 3) occur in a batch of texts, for many look-ups at once.

    Every position of the concatenated texts gets the integer key of the n-gram starting there
    (code points, 21 bits each; ``_NONE`` where it would run into the next text) and a 16-bit
    bucket, a hash of the key (the top bits of ``key * 2**64/phi``). Per n, the positions are
    sorted once by bucket (a radix sort of 16-bit integers, stable, so positions stay in order
    within a bucket: ~15x faster here than sorting the 64-bit keys); a look-up (text, n-gram) is
    then two binary searches for the run of its bucket's positions inside its text, and a check
    of their keys (another n-gram may share the bucket). The index is shared by both TF-IDF
    learners of a batch (``_INDEX``).
    """

    def __init__(self, texts: Sequence[str]):
        lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.lens, self.offset = lens, np.cumsum(lens) - lens
        self.cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        self.doc = np.repeat(np.arange(len(texts), dtype=np.int64), lens)
        self._span = len(self.cps) + 1  # above every position and text end: one bucket's codes never reach the next's
        self._keys: dict[int, np.ndarray] = {}
        self._sorted: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def keys(self, n: int) -> np.ndarray:
        """The key of the n-gram at each position (``_NONE``: none there)."""
        key = self._keys.get(n)
        if key is None:
            m = max(len(self.cps) - n + 1, 0)
            key = self.cps[:m].copy()
            for s in range(1, n):
                key = (key << _BITS) | self.cps[s:s + m]
            key[self.doc[:m] != self.doc[n - 1:n - 1 + m]] = _NONE
            key = self._keys[n] = key
        return key

    def _by_bucket(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """``(code, position)``: the positions sorted by (bucket, position), with
        ``code = bucket * _span + position`` (increasing, for binary search)."""
        got = self._sorted.get(n)
        if got is None:
            bucket = _bucket(self.keys(n))
            position = np.argsort(bucket, kind="stable")
            got = self._sorted[n] = (bucket[position].astype(np.int64) * self._span + position, position)
        return got

    def _merged(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every length's ``_by_bucket`` in one sorted array: ``(code, position, key)`` with
        ``code = ((n - 1) * 2**16 + bucket) * _span + position`` (the lengths one after another,
        each sorted as before) and the n-gram key at each entry."""
        got = self._sorted.get("merged")
        if got is None:
            parts = [self._by_bucket(n) for n in range(1, _MAX_GRAM + 1)]
            total = sum(len(position) for _, position in parts)
            # written into slices of three arrays (concatenating copies was most of the cost)
            code_all = np.empty(total, dtype=np.int64)
            position_all = np.empty(total, dtype=np.int64)
            key_all = np.empty(total, dtype=np.uint64)
            at = 0
            for n, (code, position) in enumerate(parts, start=1):
                end = at + len(position)
                np.add(code, (n - 1) * _BUCKETS * self._span, out=code_all[at:end])
                position_all[at:end] = position
                np.take(self.keys(n), position, out=key_all[at:end])
                at = end
            got = self._sorted["merged"] = (code_all, position_all, key_all)
        return got

    def find_lengths(self, doc: np.ndarray, key: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For look-ups ``(texts[doc[q]], n-gram key[q] of n[q] characters)``, n from 1 to
        ``_MAX_GRAM``: the look-up of each occurrence and its start in its text (every occurrence,
        overlapping ones too). One pair of binary searches in ``_merged`` for every length at once
        instead of one per length (a look-up round is a dozen numpy calls, most of its cost on a
        batch's few thousand look-ups)."""
        code, position, keys = self._merged()
        base = ((n - 1) * _BUCKETS + _bucket(key).astype(np.int64)) * self._span + self.offset[doc]
        # both ends of every look-up in one search, in increasing order (each binary search then
        # starts where the previous one ended, and walks the index once instead of at random)
        bounds = np.concatenate([base, base + self.lens[doc]])
        order = np.argsort(bounds)
        found = np.empty_like(order)
        found[order] = np.searchsorted(code, bounds[order])
        lo, hi = found[:len(base)], found[len(base):]
        which, r = _segments(hi - lo)
        at = lo[which] + r
        same = keys[at] == key[which]  # not another n-gram of the same bucket
        which, at = which[same], position[at[same]]
        return which, at - self.offset[doc[which]]


_BUCKETS = 1 << 16  # _bucket's range
_HASH_MUL = np.uint64(0x9E3779B97F4A7C15)


def _bucket(key: np.ndarray) -> np.ndarray:
    """A 16-bit hash of each key: the top bits of ``key * 2**64/phi`` (Fibonacci hashing)."""
    with np.errstate(over="ignore"):
        return ((key * _HASH_MUL) >> np.uint64(48)).astype(np.uint16)


#: an n-gram as one integer: its code points, 21 bits each (as ``models.tfidf.char_tfidf``)
_BITS = np.uint64(21)
_MAX_GRAM = 3
_NONE = np.uint64(2 ** 64 - 1)  # no n-gram's key (they have at most 63 bits); KeyTable's empty slot
_INDEX: list = [None, None]  # the last batch's texts and their _GramIndex (shared by the learners)


def _gram_keys(vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per column: the n-gram as an integer and its length (0: empty, or longer than ``_MAX_GRAM``)."""
    keys = np.zeros(len(vocab), dtype=np.uint64)
    lengths = np.zeros(len(vocab), dtype=np.int64)
    for j, gram in enumerate(vocab):
        if 1 <= len(gram) <= _MAX_GRAM:
            key = 0
            for ch in gram:
                key = (key << 21) | ord(ch)
            keys[j], lengths[j] = key, len(gram)
    return keys, lengths


_GRAM_KEYS: dict[int, tuple[list[str], tuple[np.ndarray, np.ndarray]]] = {}


def _gram_table(vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``_gram_keys(vocab)``, computed once per vocabulary list (a tagger keeps its list)."""
    hit = _GRAM_KEYS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        if len(_GRAM_KEYS) > 8:
            _GRAM_KEYS.clear()
        hit = _GRAM_KEYS[id(vocab)] = (vocab, _gram_keys(vocab))
    return hit[1]


_VOCABS: list = [None, None]  # the latest sources' vocabularies and their concatenation


def _vocab_table(vocabs: list[list[str]]) -> list[str]:
    """Column -> n-gram for columns numbered source after source: the one vocabulary itself, or
    the sources' vocabularies concatenated (made once per set of vocabulary lists; a tagger keeps
    its list, so ``_gram_table`` of the concatenation is made once too)."""
    if len(vocabs) == 1:
        return vocabs[0]
    key = _VOCABS[0]
    if key is None or not same_objects(key, vocabs):
        _VOCABS[:] = [list(vocabs), [gram for vocab in vocabs for gram in vocab]]
    return _VOCABS[1]


def _occurrences(texts: list[str], vocab: list[str], doc: np.ndarray, col: np.ndarray, pair: np.ndarray,
                 weight: np.ndarray):
    """Every occurrence of n-gram ``vocab[col[q]]`` in ``texts[doc[q]]`` for each look-up ``q``:
    ``(pair, start, end, weight)`` arrays, one entry per occurrence (what ``_find_all`` finds)."""
    gram_key, gram_len = _gram_table(vocab)
    length = gram_len[col]
    parts = []
    odd = np.flatnonzero(length == 0)
    if len(odd):
        # an empty n-gram (only white space) has no span; a longer one (a model of longer
        # n-grams) is found with str.find
        found = [(q, a, b) for q in odd.tolist() if vocab[col[q]]
                 for a, b in _find_all(texts[doc[q]], vocab[col[q]])]
        if found:
            q, a, b = (np.asarray(x, dtype=np.int64) for x in zip(*found))
            parts.append((pair[q], a, b, weight[q]))
    if len(odd) < len(col):
        if _INDEX[0] is not texts and _INDEX[0] != texts:
            try:
                _INDEX[:] = [texts, _GramIndex(texts)]
            except UnicodeEncodeError:  # a lone surrogate: str.find for all
                _INDEX[:] = [None, None]
                rest = np.flatnonzero(length > 0)
                found = [(q, a, b) for q in rest.tolist() for a, b in _find_all(texts[doc[q]], vocab[col[q]])]
                if found:
                    q, a, b = (np.asarray(x, dtype=np.int64) for x in zip(*found))
                    parts.append((pair[q], a, b, weight[q]))
                return _concat(parts)
        index = _INDEX[1]
        q = np.flatnonzero(length > 0)
        n = length[q]
        which, start = index.find_lengths(doc[q], gram_key[col[q]], n)
        parts.append((pair[q[which]], start, start + n[which], weight[q[which]]))
    return _concat(parts)


def _concat(parts):
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return tuple(np.concatenate(x) for x in zip(*parts))


def _tfidf_matrix(tfidf, clauses: Sequence[Clause]):
    """The clauses' TF-IDF matrix (CSR) and column -> n-gram without surrounding white space:
    the tagger's own (kept from the probabilities of the same batch) when it offers them, else
    computed here."""
    if hasattr(tfidf, "transform") and hasattr(tfidf, "feature_names"):
        return tfidf.transform(clauses).tocsr(), tfidf.feature_names(stripped=True)
    from .features import inputs

    return (tfidf.vectorizer_.transform(inputs(clauses, tfidf.use_heading)).tocsr(),
            [g.strip() for g in tfidf.vectorizer_.get_feature_names_out()])


def occlusion_evidence(tagger, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None,
                       top_phrases: int = 2, max_phrases: int = 24) -> list[list[Evidence]]:
    """Phrases (split at punctuation) whose removal lowers the label's probability most.

    One batched ``predict_proba`` over all occluded variants: cost ~ (phrases + 1) × clauses.
    """
    from dataclasses import replace

    labels = labels if labels is not None else tagger.predict(clauses)
    variants, owners = [], []
    phrase_spans = []
    for i, clause in enumerate(clauses):
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^，、；。：！？,;:（）()“”\s]+", clause.text)]
        spans = sorted(spans, key=lambda s: s[0] - s[1])[:max_phrases]  # the longest phrases
        phrase_spans.append(spans)
        variants.append(clause)
        owners.append((i, None))
        for a, b in spans:
            variants.append(replace(clause, text=clause.text[:a] + clause.text[b:]))
            owners.append((i, (a, b)))
    proba = tagger.predict_proba(variants) if variants else {}
    base_rows = {i: k for k, (i, s) in enumerate(owners) if s is None}
    out = []
    for i, (clause, lab) in enumerate(zip(clauses, labels)):
        ev = []
        for dim, lid in _output(lab):
            j = tagger.taxonomy[dim].index(lid)
            p0 = proba[dim][base_rows[i], j]
            drops = [(p0 - proba[dim][k, j], s) for k, (o, s) in enumerate(owners) if o == i and s is not None]
            drops.sort(key=lambda x: -x[0])
            ev += [Evidence(lid, dim, "attribution", clause.text[a:b], (a, b), round(float(d), 4))
                   for d, (a, b) in drops[:top_phrases] if d > 0]
        out.append(ev)
    return out


def merge_evidence(parts: Sequence[list[list[Evidence]]]) -> list[list[Evidence]]:
    """Concatenate per-clause evidence lists of several sources, dropping exact duplicates."""
    if not parts:
        return []
    out = []
    for rows in zip(*parts):
        seen, merged = set(), []
        for ev in (e for row in rows for e in row):
            key = (ev.dimension, ev.label, ev.kind, ev.span, ev.source)
            if key not in seen:
                seen.add(key)
                merged.append(ev)
        out.append(merged)
    return out


def is_tfidf(tagger) -> bool:
    """Whether ``learned_evidence`` explains ``tagger`` with its TF-IDF n-grams."""
    return hasattr(tagger, "coef_") and hasattr(tagger, "vectorizer_")


def learned_evidence(tagger, clauses: Sequence[Clause], labels: Sequence[Labels]) -> list[list[Evidence]]:
    """What a learned model weighed: TF-IDF n-grams when it is a TF-IDF model (``coef_`` and
    ``vectorizer_``), else the tagger's ``explain``, else occlusion."""
    if is_tfidf(tagger):
        return ngram_evidence(tagger, clauses, labels)
    explain = getattr(tagger, "explain", None)
    if callable(explain):
        return explain(clauses, labels)
    return occlusion_evidence(tagger, clauses, labels)


def evidence_parts(tagger, clauses: Sequence[Clause], labels: Sequence[Labels]) -> list[list[list[Evidence]]]:
    """``evidence_for`` before merging: one ``[[Evidence] per clause]`` per source."""
    clauses = list(clauses)
    parts = getattr(tagger, "explain_parts", None)
    if callable(parts):
        return parts(clauses, labels)
    explain = getattr(tagger, "explain", None)
    if callable(explain):
        return [explain(clauses, labels)]
    return [lexical_evidence(tagger, clauses, labels), learned_evidence(tagger, clauses, labels)]


def evidence_for(tagger, clauses: Sequence[Clause], labels: Sequence[Labels]) -> list[list[Evidence]]:
    """Evidence for every output label: the tagger's own ``explain`` when it has one (hybrid,
    keyword, embedding), else the cue/rule hits (always available, from the taxonomy's knowledge)
    plus what the learned model weighed (``learned_evidence``)."""
    return merge_evidence(evidence_parts(tagger, clauses, labels))


__all__ = ["lexical_evidence", "ngram_evidence", "names_a_word", "trim_phrase", "occlusion_evidence", "merge_evidence", "evidence_for", "evidence_parts",
           "learned_evidence", "make_evidence", "ngram_evidence_many", "is_tfidf",
           "HEADING_JOIN"]
