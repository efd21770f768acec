"""The codebook's knowledge as matchers: per-label cue words and the lexical decision rules of
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
from policytag.records import Clause, same_objects
from policytag.text import HEADING_JOIN, mask_remarks
from policytag.taxonomy import DIMENSIONS, Taxonomy, load_taxonomy

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


def _hit(dimension: str, label: str, kind: str, text: str, span: tuple[int, int], weight: float, source: str,
         rule: str | None, codebook_rule: int | None) -> Hit:
    """``Hit(...)``, the same object (equal, same hash) without the frozen dataclass's
    ``__init__``, which sets each field through ``object.__setattr__`` (a clause has ~5 hits, and
    they were a tenth of its matching time)."""
    h = _new(Hit)
    d = h.__dict__
    d["dimension"], d["label"], d["kind"], d["text"], d["span"] = dimension, label, kind, text, span
    d["weight"], d["source"], d["rule"], d["codebook_rule"] = weight, source, rule, codebook_rule
    return h


_new = object.__new__


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


class _Containment:
    """Answers "is this span inside one of the spans?" in O(log n) per query.

    Built once from all spans (sorted by start, with a running maximum of their ends), so a label
    with many blocking spans costs one sort, and containment is a bisection (a linear scan per hit
    made matching quadratic: minutes on a 5 MB clause).
    """

    __slots__ = ("_starts", "_max_end")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end = list(itertools.accumulate((b for _, b in ordered), max))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __contains__(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_right(self._starts, span[0])
        return i > 0 and self._max_end[i - 1] >= span[1]


def _required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains, or None when none is known.

    Read from the parsed pattern, conservatively: a run of plain characters in a mandatory part;
    a group or a repetition of at least once of such a part; an alternation when each branch has
    its own literals (one of the union). Case-insensitive patterns, lookarounds, classes and
    optional parts give nothing. Sound by construction (a literal is only returned when the
    pattern cannot match without it); ``tests/test_matcher_equivalence.py`` checks the hits.
    """
    try:
        from re import _parser as sre_parse  # Python >= 3.11
        from re import _constants as c
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c
        import sre_parse
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparseable pattern: run it always
        return None

    def seq(items) -> frozenset[str] | None:
        candidates: list[frozenset[str]] = []
        run: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                candidates.append(frozenset(["".join(run)]))
                run = []
            if op is c.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if not add_flags & c.SRE_FLAG_IGNORECASE:
                    found = seq(sub)
                    if found:
                        candidates.append(found)
            elif op is c.BRANCH:
                alts = [seq(alt) for alt in av[1]]
                if alts and all(alts):
                    candidates.append(frozenset().union(*alts))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
                low, _high, sub = av
                if low >= 1:
                    found = seq(sub)
                    if found:
                        candidates.append(found)
        if run:
            candidates.append(frozenset(["".join(run)]))
        if not candidates:
            return None
        # the most selective: the set whose shortest literal is longest
        return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))

    return seq(parsed)


def _outermost(occurrences: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The occurrences not inside another occurrence of the same label (a shorter cue inside a
    longer one adds nothing). Two different cues never share a span, so after sorting by
    (start, -end) an occurrence is inside another exactly when an earlier one reaches its end."""
    out = []
    reach = -1
    for a, b, cue in sorted(occurrences, key=lambda o: (o[0], -o[1])):
        if reach >= b:
            continue
        out.append((a, b, cue))
        reach = max(reach, b)
    return out


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
        # cues longest first (kept for callers that list a label's cues)
        self.cues = {dim: [(lab.id, sorted(set(lab.cues), key=len, reverse=True), tuple(lab.exclude_contexts))
                           for lab in taxonomy[dim].labels] for dim in DIMENSIONS}
        self._rule_by_id = {}
        for rule in self.rules:
            self._rule_by_id.setdefault(rule.id, rule)
        self._rules_for = {(dim, source): [r for r in self.rules if r.dimension == dim and r.where in ("both", source)]
                           for dim in DIMENSIONS for source in ("text", "heading")}
        # per (dimension, source): pattern -> positions of the rules that have it
        self._rule_index: dict[tuple[str, str], dict[re.Pattern, list[int]]] = {}
        for key, rules in self._rules_for.items():
            index = self._rule_index[key] = {}
            for i, rule in enumerate(rules):
                for pattern in set(rule.patterns):
                    index.setdefault(pattern, []).append(i)
        self._exclusive = {dim: frozenset(taxonomy[dim].exclusive) for dim in DIMENSIONS}
        self._index = {dim: {lid: j for j, lid in enumerate(taxonomy[dim].ids)} for dim in DIMENSIONS}
        self._automaton = self._build_automaton()
        self._memo: dict[tuple, tuple[Hit, ...]] = {}
        self._occurrences_memo: dict[str, dict] = {}  # the latest match_clauses call's texts (cue_spans)
        self._last_call: tuple[list, list] = ([], [])  # its clauses and their hits
        self._features_memo: tuple[tuple, dict[str, np.ndarray], list] | None = None

    def _build_automaton(self):
        """One Aho-Corasick automaton over every cue word and exclusion context of every label of
        every dimension: one pass over a text finds all their (overlapping) occurrences, instead
        of one ``str.find`` scan per cue (hundreds of scans per clause).

        It also holds, for each rule pattern, a literal the pattern cannot match without
        (``_required_literals``: ``消防救援`` for ``(综合性|专职)?消防救援(队伍|站)?``): a pattern
        whose literals are all absent from the text cannot match, so it is not run (most of a
        hundred patterns, on a typical clause). Patterns without such a literal always run.
        """
        import ahocorasick

        roles: dict[str, list[tuple[str, str, bool]]] = {}
        for dim in DIMENSIONS:
            for lab in self.taxonomy[dim].labels:
                for word, is_cue, what in [(c, True, "cues") for c in set(lab.cues)] + \
                        [(c, False, "exclude_contexts") for c in set(lab.exclude_contexts)]:
                    if not isinstance(word, str) or not word:
                        raise ConfigError(f"{self.taxonomy.source}: {dim}.{lab.id}.{what}: empty entry")
                    roles.setdefault(word, []).append((dim, lab.id, is_cue))
        triggers: dict[str, list[re.Pattern]] = {}
        self._always: set[re.Pattern] = set()
        for rule in self.rules:
            for pattern in rule.patterns:
                literals = _required_literals(pattern)
                if literals is None:
                    self._always.add(pattern)
                for literal in literals or ():
                    triggers.setdefault(literal, []).append(pattern)
        automaton = ahocorasick.Automaton()
        for word in set(roles) | set(triggers):
            automaton.add_word(word, (len(word), word, tuple(roles.get(word, ())), tuple(triggers.get(word, ()))))
        automaton.make_automaton()
        return automaton

    # ------------------------------------------------------------------ matching
    def match(self, text: str, dimensions: Sequence[str] = DIMENSIONS, source: str = "text",
              keep: dict | None = None) -> list[Hit]:
        """All cue and rule hits in ``text`` (spans are offsets into ``text``), dimension by
        dimension in the order given; within a dimension sorted by (start, -end, label).
        ``keep``: a dict that gets ``text -> occurrences`` (for ``cue_spans``)."""
        occurrences, active = self._occurrences(text)
        if keep is not None:
            keep[text] = occurrences
        hits: list[Hit] = []
        for dim in dimensions:
            hits.extend(self._match_dim(text, dim, source, occurrences.get(dim, {}), active))
        return hits

    def _occurrences(self, text: str) -> tuple[dict[str, dict[str, tuple[list, list]]], set]:
        """``{dim: {label: ([(start, end, cue)], [(start, end)] of exclusion contexts)}}`` and the
        rule patterns worth running (their required literal occurs, or they have none), from one
        automaton pass over ``text``."""
        out: dict[str, dict[str, tuple[list, list]]] = {}
        active = set(self._always)
        if not self._automaton.kind or not text:
            return out, active
        for end, (n, word, role, patterns) in self._automaton.iter(text):
            if patterns:
                active.update(patterns)
            start = end + 1 - n
            for dim, label, is_cue in role:
                # get, not setdefault: setdefault(dim, {}) made a dict per occurrence
                per_dim = out.get(dim)
                if per_dim is None:
                    per_dim = out[dim] = {}
                per = per_dim.get(label)
                if per is None:
                    per = per_dim[label] = ([], [])
                if is_cue:
                    per[0].append((start, end + 1, word))
                else:
                    per[1].append((start, end + 1))
        return out, active

    def _rule_matches(self, rule: Rule, text: str, active: set | None = None) -> list[re.Match]:
        out = []
        for pat in rule.patterns:
            if active is not None and pat not in active:
                continue  # its required literal is absent: it cannot match
            for m in pat.finditer(text):
                if m.end() == m.start():
                    continue
                if rule.near:
                    lo, hi = max(0, m.start() - rule.window), min(len(text), m.end() + rule.window)
                    if not any(n.search(text, lo, hi) for n in rule.near):
                        continue
                out.append(m)
        return out

    def _match_dim(self, text: str, dim: str, source: str, occurrences: dict[str, tuple[list, list]],
                   active: set | None = None) -> list[Hit]:
        if active is None:
            rules = self._rules_for[(dim, source)]
        else:
            rules = self._active_rules(dim, source, active) if active else ()
        if not rules and not occurrences:
            return []
        exclusive = self._exclusive[dim]
        blocked: dict[str, list[tuple[int, int]]] = {}
        rule_hits: list[tuple[Rule, re.Match]] = []
        for rule in rules:
            for m in self._rule_matches(rule, text, active):
                for label in rule.exclude:
                    blocked.setdefault(label, []).append(m.span())
                if rule.add:
                    rule_hits.append((rule, m))
        found: list[tuple[int, int, str, str]] = []
        for label, (cues, contexts) in occurrences.items():
            if not cues:
                continue
            # a cue inside one of the label's exclusion contexts, or inside a match of a rule that
            # excludes the label, does not count; nor does a cue inside a longer cue of the label
            blocking = blocked.get(label)
            blocking = blocking + contexts if blocking else contexts
            blocks = _Containment(blocking) if blocking else None
            for a, b, cue in _outermost(cues) if len(cues) > 1 else cues:
                if blocks is None or (a, b) not in blocks:
                    found.append((a, -b, label, cue))
        # cue hits have distinct (start, end, label), so sorting these tuples orders them as
        # _hit_order does (without a key call per hit); rule hits follow them, so the stable sort
        # below orders ties exactly as the per-cue matcher did (cue first, then rules in order)
        if len(found) > 1:
            found.sort()
        hits: list[Hit] = []
        new = _new
        for a, minus_b, label, cue in found:
            # _hit inlined (a call per hit was a fifth of this loop)
            h = new(Hit)
            d = h.__dict__
            d["dimension"], d["label"], d["kind"], d["text"], d["span"] = dim, label, "cue", cue, (a, -minus_b)
            d["weight"], d["source"], d["rule"], d["codebook_rule"] = 1.0, source, None, None
            hits.append(h)
        for rule, m in rule_hits:
            for label in rule.add:
                hits.append(_hit(dim, label, "rule", m.group(0), m.span(), rule.weight, source, rule.id,
                                 rule.codebook_rule))
        # exclusive labels (cross_sector) and only_if_no_other rules: only when nothing specific
        # fired (the filter is skipped when there is nothing it could drop)
        if hits and (rule_hits or not exclusive.isdisjoint(occurrences)):
            if any(h.label not in exclusive for h in hits):
                hits = [h for h in hits
                        if h.label not in exclusive and not (h.kind == "rule" and self._rule(h.rule).only_if_no_other)]
        # cue hits alone are in order already (filtering keeps it); rule hits were appended
        return sorted(hits, key=_hit_order) if rule_hits else hits

    def _active_rules(self, dim: str, source: str, active: set) -> list[Rule]:
        """The rules of ``dim`` for ``source`` with a pattern in ``active``, in rule order: the
        others cannot match (the required literals of all their patterns are absent). Looked up
        from the active patterns (one or two on a typical clause) instead of testing every rule."""
        rules = self._rules_for[(dim, source)]
        index = self._rule_index[(dim, source)]
        found = {i for pattern in active for i in index.get(pattern, ())}
        return [rules[i] for i in sorted(found)] if found else []

    def _rule(self, rule_id: str | None) -> Rule:
        return self._rule_by_id[rule_id]

    def match_clause(self, clause: Clause, dimensions: Sequence[str] = DIMENSIONS) -> list[Hit]:
        """Hits in the clause text (``source="text"``) and in its heading path (``source="heading"``)."""
        return self.match_clauses([clause], dimensions)[0]

    def match_clauses(self, clauses: Sequence[Clause], dimensions: Sequence[str] = DIMENSIONS) -> list[list[Hit]]:
        """``match_clause`` for many clauses. The hits of the clauses of the latest call are kept
        (until the next call), so the features, the decoding and the evidence of one batch share
        one matching pass; a clause repeated within the batch is matched once."""
        if not isinstance(clauses, (list, tuple)):
            clauses = list(clauses)
        full = tuple(dimensions) == DIMENSIONS
        last_clauses, last_hits = self._last_call
        if full and same_objects(clauses, last_clauses):
            # the very clauses of the latest call (a batch's features, titles and evidence ask in
            # turn; clauses are frozen): its hits, without a key and two look-ups per clause
            return [list(hits) for hits in last_hits]
        previous = self._memo
        memo: dict[tuple, tuple[Hit, ...]] = {}
        occurrences: dict[str, dict] = {}
        out = []
        batch_hits = []
        for clause in clauses:
            key = (clause.text, clause.heading_path)
            hits = memo.get(key)
            if hits is None:
                hits = previous.get(key)
            if hits is None:
                # codebook rule 2: cue words inside a responsible-agency remark are metadata
                # (``（牵头单位：县交通运输局）``): masked with the same length, so spans stay the text's
                found = self.match(mask_remarks(clause.text), DIMENSIONS, "text", occurrences)
                if clause.heading_path:
                    found += self.match(mask_remarks(HEADING_JOIN.join(clause.heading_path)), DIMENSIONS, "heading",
                                        occurrences)
                hits = tuple(found)
            memo[key] = hits
            batch_hits.append(hits)
            if full:
                out.append(list(hits))
            else:
                # the per-dimension order of ``match``: dimensions as given, text hits before heading hits
                out.append([h for src in ("text", "heading") for dim in dimensions for h in hits
                            if h.dimension == dim and h.source == src])
        self._memo = memo
        self._occurrences_memo = occurrences
        self._last_call = (list(clauses), batch_hits)
        return out

    def cue_spans(self, text: str, dimensions: Sequence[str]) -> list[tuple[int, int]] | None:
        """Every occurrence ``(start, end)`` of every cue word of ``dimensions`` in ``text``
        (overlapping ones too, possibly repeated: a word that is a cue of two labels), when
        ``text`` is one the latest ``match_clauses`` call matched (a clause text without a
        remark, a heading path); None otherwise. What the context learner masks: the matching
        pass has already found them (``models.learners``)."""
        found = self._occurrences_memo.get(text)
        if found is None:
            return None
        spans: list[tuple[int, int]] = []
        for dim in dimensions:
            for cues, _ in found.get(dim, {}).values():
                spans += [(a, b) for a, b, _ in cues]
        return spans

    # ------------------------------------------------------------------ features
    def feature_names(self) -> list[str]:
        return list(FEATURES)

    def features(self, clauses: Sequence[Clause], hits: Sequence[Sequence[Hit]] | None = None) -> dict[str, np.ndarray]:
        """Per-label lexical features ``{dim: float array [n_clauses, n_labels, len(FEATURES)]}``.

        Features (see ``FEATURES``): cue hit in the text, rule hit in the text, cue/rule hit in
        the heading, whether the text names any *other* label of the dimension (what decides
        ``cross_sector`` against a specific sector), whether the label is named in the clause's
        lead (its first ``LEAD_CHARS`` characters: a sector sub-paragraph ``煤矿：…`` or an item
        title ``（十七）消防。…``), and whether another label is (the codebook's §1 and rule 1:
        the lead names what the clause targets; later mentions are often examples in passing).

        ``hits``: the clauses' ``match_clauses`` result when the caller already has it.
        """
        key = None
        if hits is None:
            # the features of the latest batch are kept: the hybrid and its gated learners ask
            # for the same batch's features in turn (copies: callers may change them); the very
            # clause objects of the latest call need no key
            memo = self._features_memo
            if memo is not None and same_objects(clauses, memo[2]):
                return {dim: f.copy() for dim, f in memo[1].items()}
            key = tuple([(c.text, c.heading_path) for c in clauses])
            if memo is not None and memo[0] == key:
                return {dim: f.copy() for dim, f in memo[1].items()}
            hits = self.match_clauses(clauses)
        out = {dim: np.zeros((len(clauses), len(self.taxonomy[dim].ids), len(FEATURES))) for dim in DIMENSIONS}
        # the (clause, label, feature) cells to set, per dimension, set at once after (an item
        # assignment per hit into a per-clause view cost more than the rest of this loop)
        cells = {dim: ([], [], []) for dim in DIMENSIONS}
        index = self._index
        for i, clause_hits in enumerate(hits):
            for h in clause_hits:
                rows, labels, feats = cells[h.dimension]
                j = index[h.dimension][h.label]
                rows.append(i)
                labels.append(j)
                if h.source == "heading":
                    feats.append(2)
                    continue
                feats.append(0 if h.kind == "cue" else 1)
                if h.span[0] < LEAD_CHARS:
                    rows.append(i)
                    labels.append(j)
                    feats.append(4)
        for dim, (rows, labels, feats) in cells.items():
            if rows:
                out[dim][rows, labels, feats] = 1.0
        for dim in DIMENSIONS:  # the "other label" columns, for the whole batch at once
            f = out[dim]
            text_any = np.maximum(f[:, :, 0], f[:, :, 1])
            f[:, :, 3] = (text_any.sum(axis=1, keepdims=True) - text_any) > 0
            f[:, :, 5] = (f[:, :, 4].sum(axis=1, keepdims=True) - f[:, :, 4]) > 0
        if key is not None:
            self._features_memo = (key, {dim: f.copy() for dim, f in out.items()}, list(clauses))
        return out


def _hit_order(h: Hit) -> tuple[int, int, str]:
    return (h.span[0], -h.span[1], h.label)




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
