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
from typing import Sequence

import numpy as np

from policytag.knowledge import HEADING_JOIN, load_knowledge
from policytag.records import Clause, Evidence, Labels
from policytag.taxonomy import DIMENSIONS

PHRASE_SPLIT = re.compile(r"[，、；。：！？,;:（）()“”\s]+")


def _output(labels: Labels) -> list[tuple[str, str]]:
    return [(dim, lid) for dim in DIMENSIONS for lid in getattr(labels, dim)]


def lexical_evidence(tagger, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None) -> list[list[Evidence]]:
    """Cue/rule hits for each output label (text first, then heading hits)."""
    labels = labels if labels is not None else tagger.predict(clauses)
    knowledge = load_knowledge(tagger.taxonomy)
    out = []
    # the batch's hits were usually just computed for the features: match_clauses returns them
    # without matching again
    for clause_hits, lab in zip(knowledge.match_clauses(clauses), labels):
        wanted = set(_output(lab))
        hits = [h for h in clause_hits if (h.dimension, h.label) in wanted]
        hits.sort(key=lambda h: (h.source != "text", h.span[0]))
        out.append([Evidence(h.label, h.dimension, h.kind, h.text, h.span, h.weight, h.source, h.rule) for h in hits])
    return out


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

    Needs the TF-IDF tagger's ``vectorizer_`` and ``coef_[dim]`` ([n_labels, n_features]).
    """
    labels = labels if labels is not None else tfidf.predict(clauses)
    X, vocab = _tfidf_matrix(tfidf, clauses)
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
            lids = getattr(lab, dim)
            if not lids:
                continue
            # every output label of the dimension at once: contributions [labels, n-grams present],
            # each row ranked exactly as a 1-D argsort of that row would rank it
            contrib = tfidf.coef_[dim][np.ix_([column[dim][lid] for lid in lids], columns)] * val
            orders = np.argsort(-contrib, axis=1)[:, :top_ngrams]
            for lid, order, weights in zip(lids, orders.tolist(), np.take_along_axis(contrib, orders, 1).tolist()):
                spans = []
                for o, c in zip(order, weights):
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
                ev += [Evidence(lid, dim, "ngram", text[a:b], (a, b), round(w, 4)) for a, b, w in phrases]
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


def learned_evidence(tagger, clauses: Sequence[Clause], labels: Sequence[Labels]) -> list[list[Evidence]]:
    """What a learned model weighed: TF-IDF n-grams when it is a TF-IDF model (``coef_`` and
    ``vectorizer_``), else the tagger's ``explain``, else occlusion."""
    if hasattr(tagger, "coef_") and hasattr(tagger, "vectorizer_"):
        return ngram_evidence(tagger, clauses, labels)
    explain = getattr(tagger, "explain", None)
    if callable(explain):
        return explain(clauses, labels)
    return occlusion_evidence(tagger, clauses, labels)


def evidence_for(tagger, clauses: Sequence[Clause], labels: Sequence[Labels]) -> list[list[Evidence]]:
    """Evidence for every output label: the tagger's own ``explain`` when it has one (hybrid,
    keyword, embedding), else the cue/rule hits (always available, from the taxonomy's knowledge)
    plus what the learned model weighed (``learned_evidence``)."""
    clauses = list(clauses)
    explain = getattr(tagger, "explain", None)
    if callable(explain):
        return explain(clauses, labels)
    return merge_evidence([lexical_evidence(tagger, clauses, labels), learned_evidence(tagger, clauses, labels)])


__all__ = ["lexical_evidence", "ngram_evidence", "occlusion_evidence", "merge_evidence", "evidence_for", "learned_evidence",
           "HEADING_JOIN"]
