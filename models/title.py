"""The document title as sector evidence (codebook v2 rule 21, single-sector documents).

A clause of a plan, notice or 通告 whose *document title* names one sector or hazard
(``……石油天然气管道保护工作的通知``, ``……森林火灾应急预案``, ``关于禁止燃放烟花爆竹的通告``) gets
that sector when its own text names no sector: its text is about the title's subject. Other
governments publish many such documents (special rectification plans, emergency plans, 通告);
their clauses rarely repeat the sector's name (``三、请各县区于10月10日前报送整改情况``), so neither
the cue lists nor a model of the clause text can see it.

``TitleSectorTagger`` (``title_sector``) turns the rule into a learner of the hybrid: per clause
and sector label a probability that says "the title names this sector and the text names none"
(``strength``), "the title names a sector, so not ``cross_sector``" (``1 - strength`` for the
dimension's exclusive label) or nothing (0.5, logit 0). The hybrid's meta-classifier learns per
label how far to trust it, from the training clauses that carry a title naming a sector (the
project's own clauses of other genres, ``data/train-v2``). Nothing is fitted here: the cue
lists and rules of the taxonomy are the whole model, read through ``policytag.knowledge``.

Where the title comes from: ``Clause.title`` (set by segmentation and on every clause file row
that has one); else the first element of the heading path when it reads as a document title
(not a numbered heading, and a document kind such as 通知/方案/预案/通告/办法 in it), which is how
clause lists copied from published pages carry it.
"""

from __future__ import annotations

import json
import re
import weakref
from pathlib import Path
from typing import Annotated, Literal, Sequence

import numpy as np
from pydantic import Field

from policytag import PolicytagError
from policytag.records import Clause, Evidence, Labels, same_objects
from policytag.taxonomy import DIMENSIONS

from .base import Tagger
from .registry import Seed, register_tagger

#: what a document title ends in or names: the kinds of documents governments publish
DOCUMENT_KIND = re.compile(r"(通知|通告|公告|方案|预案|办法|规定|意见|要点|条例|细则|规划|决定|计划|规则|函|解读|纪要|"
                           r"批复|报告|指南|措施|制度|决议|公报)")
#: a numbered heading inside a document (一、 / （一） / 1. / 1.1 / 第一章 / 第一条), never a title
NUMBERED_HEADING = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]+[章节条部分]|[一二三四五六七八九十]+[、.．]|"
                              r"[（(][一二三四五六七八九十\d]+[）)]|\d+(\.\d+)*[、.．\s]|附件)")

#: the dimension this learner speaks for (the only one whose labels a title decides, rule 21)
SECTOR_DIM = DIMENSIONS[0]


def document_title(clause: Clause) -> tuple[str, str] | None:
    """``(title, where)`` of the clause's document: ``where`` is ``"title"`` (``Clause.title``)
    or ``"heading"`` (the first heading-path element read as a title), or None."""
    if clause.title:
        return clause.title, "title"
    if clause.heading_path:
        first = clause.heading_path[0]
        if not NUMBERED_HEADING.match(first) and DOCUMENT_KIND.search(first):
            return first, "heading"
    return None


#: the latest batch's ``_title_hits``: [key (text, heading path, title per clause), knowledge, hits,
#: the clause objects]
_TITLE_HITS: list = [None, None, None, []]
#: per knowledge object, the sector hits of the titles seen: {knowledge: {title: hits}} (an entry
#: goes with its knowledge object)
_TITLE_MATCHES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
#: ``_match_titles``' answer for a clause without a document title (shared: never modified)
_NO_TITLE: tuple = ((), frozenset(), None)


@register_tagger("title_sector.v1", aliases=("title_sector",))
class TitleSectorTagger(Tagger):
    """Rule 21 as a stackable learner: the sectors the document title names (see module doc).

    ``when``: ``text_silent`` (rule 21: the title's sectors, only when the clause text names no
    specific sector), ``always`` (the title's sectors whatever the text says: rule 20's hazard of a
    warning beside the sector that acts; the meta-classifier weighs it) or ``contrast`` (the
    sectors the text names that the title does not: ``1 - strength``, a hint that a sector named
    in a single-sector document is mentioned in passing, e.g. ``矿山`` in a 非煤矿山 plan, rule 6).
    ``max_title_labels``: a title naming more sectors than this is a general document (its
    clauses are not about one subject) and says nothing. ``strength``: the probability given to a
    title sector (its logit is the meta feature; only its sign and relative size matter, the
    meta-classifier learns the scale).
    """

    def __init__(self, when: Literal["text_silent", "always", "contrast"] = "text_silent",
                 max_title_labels: Annotated[int, Field(ge=1, le=20)] = 2,
                 strength: Annotated[float, Field(gt=0.5, lt=1.0)] = 0.9, random_state: Seed = 0, taxonomy=None):
        super().__init__(use_heading=True, taxonomy=taxonomy)
        self.when = when
        self.max_title_labels = max_title_labels
        self.strength = strength
        self.random_state = random_state  # unused (nothing random); build_tagger seeds every tagger

    def _fit(self, clauses, y, dev) -> None:
        self.fitted_ = True  # nothing to learn: the taxonomy's cues and rules are the model

    def _title_hits(self, clauses: Sequence[Clause]):
        """Per clause: (title hits of specific sector labels, the specific sectors the text names,
        where the title was found).

        The latest batch's answer is kept (``_TITLE_HITS``): it depends on the clauses and the
        taxonomy only, and a hybrid asks for it four times per batch (two title learners, each
        for its probabilities and its evidence)."""
        from policytag.knowledge import load_knowledge

        knowledge = load_knowledge(self.taxonomy)
        memo = _TITLE_HITS
        # the very clause objects of the latest call (clauses are frozen): no key needed
        if memo[1] is knowledge and same_objects(clauses, memo[3]):
            return memo[2]
        key = tuple([(c.text, c.heading_path, c.title) for c in clauses])
        if memo[1] is knowledge and memo[0] == key:
            memo[3] = list(clauses)
            return memo[2]
        memo[:] = [key, knowledge, self._match_titles(knowledge, clauses), list(clauses)]
        return memo[2]

    def _match_titles(self, knowledge, clauses: Sequence[Clause]):
        dim = self.taxonomy[SECTOR_DIM]
        exclusive = set(dim.exclusive)
        text_hits = knowledge.match_clauses(clauses)
        out = []
        # a title's hits, kept across batches (a notice's clauses share its title)
        cache = _TITLE_MATCHES.setdefault(knowledge, {})
        if len(cache) > 4096:
            cache.clear()
        for clause, hits in zip(clauses, text_hits):
            found = document_title(clause)
            if found is None:
                # no title, no title hits: the text's sectors are never read (predict_proba and
                # explain pass a clause without title hits), so they are not collected
                out.append(_NO_TITLE)
                continue
            text_names = {h.label for h in hits if h.source == "text" and h.dimension == SECTOR_DIM and h.label not in exclusive}
            title, where = found
            hits = cache.get(title)
            if hits is None:
                hits = cache[title] = [h for h in knowledge.match(title, [SECTOR_DIM], "text") if h.label not in exclusive]
            out.append((hits, text_names, where))
        return out

    def predict_proba(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        self._check_fitted("fitted_")
        clauses = list(clauses)
        out = {d: np.full((len(clauses), len(self.taxonomy[d].ids)), 0.5) for d in DIMENSIONS}
        if not clauses:
            return out
        dim = self.taxonomy[SECTOR_DIM]
        exclusive = [dim.index(x) for x in dim.exclusive]
        for i, (hits, text_names, _) in enumerate(self._title_hits(clauses)):
            if not hits:  # (most clauses: no title, or one that names no sector)
                continue
            labels = {h.label for h in hits}
            if len(labels) > self.max_title_labels:
                continue
            if self.when == "contrast":
                for lid in text_names - labels:
                    out[SECTOR_DIM][i, dim.index(lid)] = 1.0 - self.strength
                continue
            if self.when == "text_silent" and text_names:
                continue
            for lid in labels:
                out[SECTOR_DIM][i, dim.index(lid)] = self.strength
            out[SECTOR_DIM][i, exclusive] = 1.0 - self.strength
        return out

    def explain(self, clauses: Sequence[Clause], labels: Sequence[Labels] | None = None) -> list[list[Evidence]]:
        """The title words that named an output sector (``source`` ``title`` or ``heading``; spans
        into the title)."""
        clauses = list(clauses)
        labels = labels if labels is not None else self.predict(clauses)
        title_hits = self._title_hits(clauses)
        if not any(hits for hits, _, _ in title_hits):  # no title names a sector: nothing to say
            return [[] for _ in clauses]
        proba = self.predict_proba(clauses)[SECTOR_DIM]
        dim = self.taxonomy[SECTOR_DIM]
        out = []
        for i, ((hits, _, where), lab) in enumerate(zip(title_hits, labels)):
            if not hits:
                out.append([])
                continue
            wanted = set(lab.sector)
            out.append([Evidence(h.label, SECTOR_DIM, h.kind, h.text, h.span, h.weight, where or "title", h.rule)
                        for h in hits if h.label in wanted and proba[i, dim.index(h.label)] > 0.5])
        return out

    def _save_state(self, directory: Path) -> None:
        (directory / "title_sector.json").write_text(json.dumps({"format": "policytag-title-sector/1"}), encoding="utf-8")

    def _load_state(self, directory: Path) -> None:
        if not (directory / "title_sector.json").exists():
            raise PolicytagError(f"{directory / 'title_sector.json'}: missing; the run directory is incomplete, "
                                 "retrain it with `policytag train`")
        self.fitted_ = True
