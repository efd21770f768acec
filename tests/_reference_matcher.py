"""REFERENCE ONLY: the per-cue matcher ``policytag/knowledge.py`` had before the one-pass
automaton (commit 1331b30), kept unchanged so ``tests/test_matcher_equivalence.py`` can show the
new matcher returns identical hits and spans. Not imported by policytag itself.

Original docstring follows.

The codebook's knowledge as matchers: per-label cue words and the lexical decision rules of
``docs/ANNOTATION_CODEBOOK.md`` (rules 3, 6-11, 13), compiled once from the taxonomy config.

Everything that uses cue words reads them through here: the keyword tagger, the hybrid
tagger's features, the evidence shown in reports, and the Label Studio hints.

``Knowledge.match(text)`` returns ``Hit`` records with character spans into ``text``:

* ``kind="cue"``: a label's cue word, unless it lies inside one of the label's
  ``exclude_contexts`` or inside a match of a rule that ``exclude``s the label (rule 9:
  ``消防`` in ``消防救援队伍``);
* ``kind="rule"``: a rule's pattern (with its ``near`` context, when given) for every label the
  rule ``add``s (rule 6: ``矿山`` -> both mines). Rules marked ``only_if_no_other`` (and the cues
  of exclusive labels such as ``cross_sector``) fire only when the text names no other label of
  the dimension (rule 7: ``高危行业`` without a list).

``Knowledge.match_clause(clause)`` also matches the heading path (``source="heading"``, spans
into the heading string ``" > ".join(heading_path)``); rule 13 says per dimension whether a
heading hit counts as evidence for the label (``heading_counts``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from policytag import ConfigError
from policytag.records import Clause
from policytag.text import mask_remarks
from policytag.taxonomy import DIMENSIONS, Taxonomy, load_taxonomy

HEADING_JOIN = " > "
_RULE_KEYS = {"id", "codebook_rule", "dimension", "patterns", "near", "window", "add", "exclude",
              "only_if_no_other", "weight", "where", "heading_counts", "note"}


@dataclass(frozen=True)
class Hit:
    """One piece of lexical evidence: ``text`` at ``span`` (offsets into the matched string)."""

    dimension: str
    label: str
    kind: str  # "cue" | "rule"
    text: str
    span: tuple[int, int]
    weight: float = 1.0
    source: str = "text"  # "text" | "heading"
    rule: str | None = None  # rule id for kind="rule" (and for the exclusion that removed nothing)
    codebook_rule: int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    codebook_rule: int | None
    dimension: str
    patterns: tuple[re.Pattern, ...]
    near: tuple[re.Pattern, ...]
    window: int
    add: tuple[str, ...]
    exclude: tuple[str, ...]
    only_if_no_other: bool
    weight: float
    where: str  # "text" | "heading" | "both"


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: invalid regular expression {pattern!r} ({exc})") from None


def _spans(text: str, needle: str) -> Iterable[tuple[int, int]]:
    start = text.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


class _Containment:
    """Answers "is this span inside one of the spans?" in O(log n) per query.

    A linear scan per hit made matching quadratic in the number of hits (minutes on a 5 MB clause):
    spans sorted by start with a running maximum of their ends answer containment by bisection.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans: list[tuple[int, int]] = []
        self.extend(spans)

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans.extend(spans)
        self._spans.sort()
        self._starts = [a for a, _ in self._spans]
        self._max_end = list(itertools.accumulate((b for _, b in self._spans), max))

    def __contains__(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_right(self._starts, span[0])
        return i > 0 and self._max_end[i - 1] >= span[1]


class Knowledge:
    """Compiled cue and rule matchers of one taxonomy (build with ``load_knowledge``)."""

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self.heading_counts = {dim: dim == "measure_type" for dim in DIMENSIONS}
        self.rules: list[Rule] = []
        src = taxonomy.source
        for i, raw in enumerate(taxonomy.rules):
            key = f"{src}: rules[{i}]"
            unknown = set(raw) - _RULE_KEYS
            if unknown:
                raise ConfigError(f"{key}: unknown key(s) {', '.join(sorted(unknown))}")
            if "heading_counts" in raw:
                hc = raw["heading_counts"] or {}
                for dim, flag in hc.items():
                    if dim not in DIMENSIONS:
                        raise ConfigError(f"{key}.heading_counts: unknown dimension {dim!r}")
                    self.heading_counts[dim] = bool(flag)
                if "patterns" not in raw:
                    continue
            dim = raw.get("dimension")
            if dim not in DIMENSIONS:
                raise ConfigError(f"{key}.dimension: must be one of {', '.join(DIMENSIONS)}, got {dim!r}")
            ids = taxonomy[dim].ids
            for field in ("add", "exclude"):
                for label in raw.get(field) or ():
                    if label not in ids:
                        raise ConfigError(f"{key}.{field}: unknown {dim} label {label!r}")
            if not raw.get("patterns"):
                raise ConfigError(f"{key}.patterns: at least one pattern required")
            if not raw.get("add") and not raw.get("exclude"):
                raise ConfigError(f"{key}: a rule needs 'add' or 'exclude'")
            where = raw.get("where", "text")
            if where not in ("text", "heading", "both"):
                raise ConfigError(f"{key}.where: must be text, heading or both")
            self.rules.append(Rule(
                id=str(raw.get("id") or f"rule{i}"), codebook_rule=raw.get("codebook_rule"), dimension=dim,
                patterns=tuple(_compile(p, f"{key}.patterns") for p in raw["patterns"]),
                near=tuple(_compile(p, f"{key}.near") for p in raw.get("near") or ()),
                window=int(raw.get("window", 20)), add=tuple(raw.get("add") or ()),
                exclude=tuple(raw.get("exclude") or ()), only_if_no_other=bool(raw.get("only_if_no_other")),
                weight=float(raw.get("weight", 1.0)), where=where))
        # cues longest first, so that evidence spans prefer the most specific cue
        self.cues = {dim: [(lab.id, sorted(set(lab.cues), key=len, reverse=True), tuple(lab.exclude_contexts))
                           for lab in taxonomy[dim].labels] for dim in DIMENSIONS}

    # ------------------------------------------------------------------ matching
    def match(self, text: str, dimensions: Sequence[str] = DIMENSIONS, source: str = "text") -> list[Hit]:
        """All cue and rule hits in ``text`` (spans are offsets into ``text``)."""
        hits: list[Hit] = []
        for dim in dimensions:
            hits.extend(self._match_dim(text, dim, source))
        return hits

    def _rule_matches(self, rule: Rule, text: str) -> list[re.Match]:
        out = []
        for pat in rule.patterns:
            for m in pat.finditer(text):
                if m.end() == m.start():
                    continue
                if rule.near:
                    lo, hi = max(0, m.start() - rule.window), min(len(text), m.end() + rule.window)
                    if not any(n.search(text, lo, hi) for n in rule.near):
                        continue
                out.append(m)
        return out

    def _match_dim(self, text: str, dim: str, source: str) -> list[Hit]:
        exclusive = set(self.taxonomy[dim].exclusive)
        rules = [r for r in self.rules if r.dimension == dim and
                 (r.where == "both" or r.where == source)]
        blocked: dict[str, list[tuple[int, int]]] = {}
        rule_hits: list[tuple[Rule, re.Match]] = []
        for rule in rules:
            for m in self._rule_matches(rule, text):
                for label in rule.exclude:
                    blocked.setdefault(label, []).append(m.span())
                if rule.add:
                    rule_hits.append((rule, m))
        hits: list[Hit] = []
        for label, cues, contexts in self.cues[dim]:
            blocks = _Containment(blocked.get(label, []))
            blocks.extend(span for ctx in contexts for span in _spans(text, ctx))
            # A hit inside a hit of an earlier cue of the label adds nothing (a shorter cue inside a
            # longer one). Containment is transitive, so testing against every earlier cue's hits,
            # kept or not, gives the same answer as testing against the kept ones.
            earlier = _Containment()
            for cue in cues:
                spans = list(_spans(text, cue))
                for span in spans:
                    if span in blocks or span in earlier:
                        continue
                    hits.append(Hit(dim, label, "cue", cue, span, 1.0, source))
                earlier.extend(spans)
        for rule, m in rule_hits:
            for label in rule.add:
                hits.append(Hit(dim, label, "rule", m.group(0), m.span(), rule.weight, source, rule.id,
                                rule.codebook_rule))
        # exclusive labels (cross_sector) and only_if_no_other rules: only when nothing specific fired
        specific = {h.label for h in hits if h.label not in exclusive}
        if specific:
            hits = [h for h in hits if h.label not in exclusive and not (h.kind == "rule" and self._rule(h.rule).only_if_no_other)]
        return sorted(hits, key=lambda h: (h.span[0], -h.span[1], h.label))

    def _rule(self, rule_id: str | None) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def match_clause(self, clause: Clause, dimensions: Sequence[str] = DIMENSIONS) -> list[Hit]:
        """Hits in the clause text (``source="text"``) and in its heading path (``source="heading"``)."""
        # codebook rule 2 (responsible-agency remarks are metadata): the same masking hook as the
        # one-pass matcher, so the two are compared on the matching itself
        hits = self.match(mask_remarks(clause.text), dimensions, "text")
        if clause.heading_path:
            hits += self.match(mask_remarks(HEADING_JOIN.join(clause.heading_path)), dimensions, "heading")
        return hits

    # ------------------------------------------------------------------ features
    def feature_names(self) -> list[str]:
        return list(FEATURES)

    def features(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        """Per-label lexical features ``{dim: float array [n_clauses, n_labels, len(FEATURES)]}``.

        Features (see ``FEATURES``): cue hit in the text, rule hit in the text, cue/rule hit in
        the heading, whether the text names any *other* label of the dimension (what decides
        ``cross_sector`` against a specific sector), whether the label is named in the clause's
        lead (its first ``LEAD_CHARS`` characters: a sector sub-paragraph ``煤矿：…`` or an item
        title ``（十七）消防。…``), and whether another label is (the codebook's §1 and rule 1:
        the lead names what the clause targets; later mentions are often examples in passing).
        """
        out = {dim: np.zeros((len(clauses), len(self.taxonomy[dim].ids), len(FEATURES))) for dim in DIMENSIONS}
        for i, clause in enumerate(clauses):
            for dim in DIMENSIONS:
                ids = self.taxonomy[dim].ids
                f = out[dim][i]
                for h in self.match_clause(clause, (dim,)):
                    j = ids.index(h.label)
                    if h.source == "heading":
                        f[j, 2] = 1.0
                        continue
                    f[j, 0 if h.kind == "cue" else 1] = 1.0
                    if h.span[0] < LEAD_CHARS:
                        f[j, 4] = 1.0
                text_any = np.maximum(f[:, 0], f[:, 1])
                f[:, 3] = (text_any.sum() - text_any) > 0
                f[:, 5] = (f[:, 4].sum() - f[:, 4]) > 0
        return out


FEATURES = ("cue_text", "rule_text", "hit_heading", "other_label_text", "lead_text", "other_lead")
#: how far into the clause text a hit counts as the clause's lead (item number + sector name);
#: 16 chosen on dev (2022-23) among 6/9/12/16/24: sector macro-F1 0.901, measure type 0.814
LEAD_CHARS = 16

_CACHE: dict[int, tuple[Taxonomy, Knowledge]] = {}


def load_knowledge(taxonomy: Taxonomy | None = None) -> Knowledge:
    """The compiled knowledge of ``taxonomy`` (default: the loaded taxonomy), compiled once per
    taxonomy object (the taxonomy loader itself caches per file version)."""
    taxonomy = taxonomy or load_taxonomy()
    cached = _CACHE.get(id(taxonomy))
    if cached is None or cached[0] is not taxonomy:
        if len(_CACHE) > 8:
            _CACHE.clear()
        cached = (taxonomy, Knowledge(taxonomy))
        _CACHE[id(taxonomy)] = cached
    return cached[1]
