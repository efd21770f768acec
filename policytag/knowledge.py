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


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Vocabulary:
    """What each automaton word is for, as arrays indexed by its number (``Knowledge._build_automaton``).

    Labels of both dimensions are numbered together (the dimensions in order, each label in
    taxonomy order): ``label_dim``, ``label_name``, ``label_rank`` (the order of the label ids as
    strings: hits of one span sort by label id), ``label_exclusive``. A word's roles are rows
    ``role_ptr[w]:role_ptr[w + 1]`` of ``role_label``/``role_cue`` (cue word or exclusion context
    of that label); the patterns it triggers rows ``trigger_ptr[w]:trigger_ptr[w + 1]`` of
    ``trigger_pattern``."""

    def __init__(self, taxonomy: Taxonomy, words: list[str], roles: dict[str, list[tuple[int, bool]]],
                 triggers: dict[str, list[int]]):
        self.words = words
        self.label_name = [lid for dim in DIMENSIONS for lid in taxonomy[dim].ids]
        self.label_dim_name = [dim for dim in DIMENSIONS for _ in taxonomy[dim].ids]
        self.n_labels = len(self.label_name)
        self.label_dim = np.array([DIMENSIONS.index(dim) for dim in self.label_dim_name], dtype=np.int64)
        self.label_rank = np.empty(self.n_labels, dtype=np.int64)
        self.label_rank[sorted(range(self.n_labels), key=self.label_name.__getitem__)] = np.arange(self.n_labels)
        self.label_exclusive = np.array([lid in taxonomy[dim].exclusive
                                         for dim, lid in zip(self.label_dim_name, self.label_name)], dtype=bool)
        offsets = np.cumsum([0] + [len(taxonomy[dim].ids) for dim in DIMENSIONS]).tolist()
        self.label_number = {dim: {lid: offsets[k] + j for j, lid in enumerate(taxonomy[dim].ids)}
                             for k, dim in enumerate(DIMENSIONS)}
        per_word = [roles.get(w, ()) for w in words]
        self.role_ptr = _offsets([len(r) for r in per_word])
        self.role_label = np.array([g for r in per_word for g, _ in r], dtype=np.int64)
        self.role_cue = np.array([cue for r in per_word for _, cue in r], dtype=bool)
        per_word = [sorted(set(triggers.get(w, ()))) for w in words]
        self.trigger_ptr = _offsets([len(t) for t in per_word])
        self.trigger_pattern = np.array([p for t in per_word for p in t], dtype=np.int64)


def _offsets(counts: list[int]) -> np.ndarray:
    """``[0, c0, c0 + c1, ...]``: where each item's rows start in a flat table (and the end)."""
    return np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]).astype(np.int64)


def _expand(ptr: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items whose rows in a flat table are ``ptr[ids[i]]:ptr[ids[i] + 1]``: ``(item, row)``
    for every row of every item, item after item, rows in table order (a vectorised
    ``[(i, r) for i, w in enumerate(ids) for r in range(ptr[w], ptr[w + 1])]``)."""
    first = ptr[ids]
    counts = ptr[ids + 1] - first
    item = np.repeat(np.arange(len(ids)), counts)
    # a row's position in the output minus its item's first position, plus its item's first row
    row = np.arange(len(item)) + np.repeat(first - (np.cumsum(counts) - counts), counts)
    return item, row


def _outermost_mask(group: np.ndarray, end: np.ndarray) -> np.ndarray:
    """For occurrences sorted by (group, start, -end): True for those not inside an earlier
    occurrence of their group (a shorter cue inside a longer one of its label adds nothing).

    Every earlier occurrence of the group starts at or before this one, so one of them contains
    it exactly when it reaches its end: when the running maximum of the ends before it is at
    least its end. The groups are kept apart by adding ``group * (max end + 1)`` to each end (a
    later group's values exceed every earlier group's), so one running maximum serves the batch.
    What ``_outermost`` in ``tests/test_speed_matcher.py`` does occurrence by occurrence."""
    keep = np.ones(len(end), dtype=bool)
    if len(end) > 1:
        value = group * (int(end.max()) + 1) + end
        reach = np.maximum.accumulate(value)
        keep[1:] = value[1:] > reach[:-1]
    return keep


class _CueOccurrences:
    """The cue occurrences of one ``_match_texts`` batch, by (text, dimension): what
    ``Knowledge.cue_spans`` answers. Put in order once, read into lists on the first ask."""

    def __init__(self, n_texts: int, doc: np.ndarray, dim: np.ndarray, start: np.ndarray, end: np.ndarray):
        key = doc * len(DIMENSIONS) + dim
        order = np.argsort(key, kind="stable")
        self._arrays = (key[order], start[order], end[order], n_texts)
        self._lists: tuple[list, list, list] | None = None

    def spans(self, i: int, dims: Sequence[int]) -> list[tuple[int, int]]:
        if self._lists is None:
            key, start, end, n = self._arrays
            bounds = np.searchsorted(key, np.arange(n * len(DIMENSIONS) + 1)).tolist()
            self._lists = (bounds, start.tolist(), end.tolist())
        bounds, start, end = self._lists
        out: list[tuple[int, int]] = []
        for dim in dims:
            k = i * len(DIMENSIONS) + dim
            lo, hi = bounds[k], bounds[k + 1]
            out += zip(start[lo:hi], end[lo:hi])
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
        self._exclusive = {dim: frozenset(taxonomy[dim].exclusive) for dim in DIMENSIONS}
        self._index = {dim: {lid: j for j, lid in enumerate(taxonomy[dim].ids)} for dim in DIMENSIONS}
        self._automaton = self._build_automaton()
        # the latest match_clauses call's texts -> their number in its batch, and the batch's cue
        # occurrences (cue_spans)
        self._cue_texts: dict[str, int] = {}
        self._cue_occurrences: _CueOccurrences | None = None
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

        The automaton reports a word by its number; what the word is for (its roles: cue or
        exclusion context of which labels; the patterns it triggers) is in arrays indexed by that
        number (``_Vocabulary``), so the occurrences of a whole batch are resolved with numpy
        (``_match_texts``), not with a Python step per occurrence and role. It is
        ``ahocorasick_rs``'s DFA (Rust's ``aho-corasick``; built in ~10 ms): all overlapping
        occurrences of a batch come back as one list of (word, start, end) in character offsets,
        in less than half of pyahocorasick's time (its iterator made a tuple per occurrence and
        walked ~30 ns a character; 6.2 -> 2.4 us a clause, benchmark clauses).
        """
        import ahocorasick_rs

        roles: dict[str, list[tuple[int, int, bool]]] = {}
        offset = 0
        for dim in DIMENSIONS:
            for j, lab in enumerate(self.taxonomy[dim].labels):
                for word, is_cue, what in [(c, True, "cues") for c in set(lab.cues)] + \
                        [(c, False, "exclude_contexts") for c in set(lab.exclude_contexts)]:
                    if not isinstance(word, str) or not word:
                        raise ConfigError(f"{self.taxonomy.source}: {dim}.{lab.id}.{what}: empty entry")
                    roles.setdefault(word, []).append((offset + j, is_cue))
            offset += len(self.taxonomy[dim].labels)
        # every rule pattern numbered; a literal -> the patterns it triggers (required literals)
        triggers: dict[str, list[int]] = {}
        self._patterns: list[re.Pattern] = []
        numbers: dict[re.Pattern, int] = {}
        always: list[int] = []  # patterns without a required literal: run on every text
        uses: list[list[tuple[int, int]]] = []  # pattern -> (rule number, position in its patterns)
        for r, rule in enumerate(self.rules):
            for j, pattern in enumerate(rule.patterns):
                if pattern not in numbers:
                    numbers[pattern] = len(self._patterns)
                    self._patterns.append(pattern)
                    uses.append([])
                    literals = _required_literals(pattern)
                    if literals is None:
                        always.append(numbers[pattern])
                    for literal in literals or ():
                        triggers.setdefault(literal, []).append(numbers[pattern])
                uses[numbers[pattern]].append((r, j))
        self._always = np.array(always, dtype=np.int64)
        self._use_ptr = _offsets([len(u) for u in uses])
        self._use_rule = np.array([r for u in uses for r, _ in u], dtype=np.int64)
        self._use_position = np.array([j for u in uses for _, j in u], dtype=np.int64)
        self._max_patterns = max((len(rule.patterns) for rule in self.rules), default=1)
        # rule number -> does it apply to a text / heading source; can one of its hits be dropped
        # by the exclusive filter (it adds an exclusive label, or fires only if no other does)
        self._rule_where = np.array([[rule.where in ("both", "text"), rule.where in ("both", "heading")]
                                     for rule in self.rules], dtype=bool).reshape(len(self.rules), 2)
        self._rule_may_drop = [rule.only_if_no_other or not self._exclusive[rule.dimension].isdisjoint(rule.add)
                               for rule in self.rules]
        words = sorted(set(roles) | set(triggers))
        self._vocab = _Vocabulary(self.taxonomy, words, roles, triggers)
        # joins a batch's texts for one automaton pass: a character no word contains, so no
        # occurrence reaches from one text into the next
        used = set("".join(words))
        self._separator = next(chr(c) for c in itertools.chain(range(32), range(0xE000, 0xF900)) if chr(c) not in used)
        if not words:
            return None
        try:
            return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard,
                                              implementation=ahocorasick_rs.Implementation.DFA)
        except UnicodeEncodeError:
            raise ConfigError(f"{self.taxonomy.source}: a cue word, exclusion context or rule literal holds a lone "
                              "surrogate character") from None

    # ------------------------------------------------------------------ matching
    def match(self, text: str, dimensions: Sequence[str] = DIMENSIONS, source: str = "text") -> list[Hit]:
        """All cue and rule hits in ``text`` (spans are offsets into ``text``), dimension by
        dimension in the order given; within a dimension sorted by (start, -end, label)."""
        hits = self._match_texts([text], [source])[0][0]
        if tuple(dimensions) == DIMENSIONS:
            return hits
        return [h for dim in dimensions for h in hits if h.dimension == dim]

    def _scan(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every occurrence of every automaton word in every text, as arrays (text number, start,
        end, word number) in the order the automaton reports them: one pass over the texts joined
        by ``_separator``, read into an array in C (no Python step per occurrence)."""
        if not texts or self._automaton is None:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, empty
        joined = self._separator.join(texts)
        try:
            found = self._automaton.find_matches_as_indexes(joined, overlapping=True)
        except UnicodeEncodeError:
            # a lone surrogate (JSON input may hold one) cannot go to Rust as UTF-8; no word holds
            # one (the automaton could not have been built), so the separator in its place keeps
            # every occurrence and offset and adds none
            found = self._automaton.find_matches_as_indexes(_SURROGATE.sub(self._separator, joined), overlapping=True)
        flat = np.fromiter(itertools.chain.from_iterable(found), dtype=np.int64)
        word, start, end = flat[0::3], flat[1::3], flat[2::3]  # offsets into the joined texts
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        offsets = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(lengths[:-1] + 1, out=offsets[1:])
        doc = np.searchsorted(offsets, start, side="right") - 1
        return doc, start - offsets[doc], end - offsets[doc], word

    def _match_texts(self, texts: list[str], sources: list[str]) -> tuple[list[list[Hit]], _CueOccurrences]:
        """``match(text, DIMENSIONS, source)`` of each text, for a batch at once; and the batch's
        cue occurrences (``cue_spans``).

        One automaton pass finds every word occurrence of every text; each occurrence gets a row
        per role of its word (cue or exclusion context of a label). The cue rows are resolved with
        numpy over the whole batch: sorted by (text, label, start, -end), a cue inside an earlier
        cue of its label in its text is dropped (the running maximum of their ends reaches its
        end), then the few rows of a (text, label) with blocking spans (exclusion contexts, rule
        matches that ``exclude`` the label) are checked one by one, and what is left is put in
        the output order (text, dimension, start, -end, label) before its ``Hit`` objects are
        made. The rules run per text (only the patterns whose required literal occurs); a text
        with rule hits or an exclusive label's cue has each dimension finished as before (rule
        hits, the exclusive filter, the stable sort by ``_hit_order``)."""
        v = self._vocab
        doc, start, end, word = self._scan(texts)
        item, row = _expand(v.role_ptr, word)
        r_doc, r_start, r_end, r_word = doc[item], start[item], end[item], word[item]
        r_label, r_cue = v.role_label[row], v.role_cue[row]
        occurrences = _CueOccurrences(len(texts), r_doc[r_cue], v.label_dim[r_label[r_cue]],
                                      r_start[r_cue], r_end[r_cue])
        blocked, rule_hits = self._rules_of(texts, sources, doc, word)
        context = np.flatnonzero(~r_cue)
        for d, g, a, b in zip(r_doc[context].tolist(), r_label[context].tolist(), r_start[context].tolist(),
                              r_end[context].tolist()):
            blocked.setdefault((d, g), []).append((a, b))
        cue = np.flatnonzero(r_cue)
        group = r_doc[cue] * v.n_labels + r_label[cue]
        order = np.lexsort((-r_end[cue], r_start[cue], group))
        cue = cue[order]
        cue = cue[_outermost_mask(group[order], r_end[cue])]
        if blocked:
            cue = self._unblocked(cue, r_doc, r_label, r_start, r_end, blocked, v.n_labels)
        c_doc, c_label = r_doc[cue], r_label[cue]
        cue = cue[np.lexsort((v.label_rank[c_label], -r_end[cue], r_start[cue], v.label_dim[c_label], c_doc))]
        out: list[list[Hit]] = [[] for _ in texts]
        names, dims, words = v.label_name, v.label_dim_name, v.words
        new = _new
        for d, g, a, b, w in zip(r_doc[cue].tolist(), r_label[cue].tolist(), r_start[cue].tolist(),
                                 r_end[cue].tolist(), r_word[cue].tolist()):
            # _hit inlined (a call per hit was a fifth of the loop)
            h = new(Hit)
            dd = h.__dict__
            dd["dimension"], dd["label"], dd["kind"], dd["text"], dd["span"] = dims[g], names[g], "cue", words[w], (a, b)
            dd["weight"], dd["source"], dd["rule"], dd["codebook_rule"] = 1.0, sources[d], None, None
            out[d].append(h)
        finish = {d for d, _ in rule_hits}
        exclusive = cue[v.label_exclusive[r_label[cue]]]
        exclusive_cues = set(zip(r_doc[exclusive].tolist(), v.label_dim[r_label[exclusive]].tolist()))
        finish.update(d for d, _ in exclusive_cues)
        if finish:
            n_dims = len(DIMENSIONS)
            counts = np.bincount(r_doc[cue] * n_dims + v.label_dim[r_label[cue]], minlength=len(texts) * n_dims).tolist()
            for d in finish:
                out[d] = self._finish(d, out[d], counts[d * n_dims:(d + 1) * n_dims], rule_hits, sources[d],
                                      exclusive_cues)
        return out, occurrences

    def _rules_of(self, texts: list[str], sources: list[str], doc: np.ndarray,
                  word: np.ndarray) -> tuple[dict[tuple[int, int], list], dict[tuple[int, int], list]]:
        """The rule matches of each text: ``{(text, label number): [span]}`` of the matches of
        rules that ``exclude`` a label, and ``{(text, dimension number): [(rule number, match)]}``
        of the rules that ``add`` labels, each in rule order, then pattern order, then text order.

        Only the patterns whose required literal occurs in the text (or that have none) are run:
        the (text, rule, pattern position) triples to run are found with numpy from the batch's
        word occurrences (what triggers which pattern, which rules use it and where), in order."""
        v = self._vocab
        item, row = _expand(v.trigger_ptr, word)
        p_doc, p_pattern = doc[item], v.trigger_pattern[row]
        if len(self._always):
            p_doc = np.concatenate([p_doc, np.repeat(np.arange(len(texts)), len(self._always))])
            p_pattern = np.concatenate([p_pattern, np.tile(self._always, len(texts))])
        item, row = _expand(self._use_ptr, p_pattern)
        t_doc, t_rule, t_position = p_doc[item], self._use_rule[row], self._use_position[row]
        source = np.array([s == "heading" for s in sources], dtype=np.int64)
        applies = self._rule_where[t_rule, source[t_doc]]
        n_rules, width = len(self.rules), self._max_patterns
        # sorted and without repeats (a pattern triggered twice in a text runs once)
        triples = np.unique((t_doc[applies] * n_rules + t_rule[applies]) * width + t_position[applies])
        blocked: dict[tuple[int, int], list] = {}
        rule_hits: dict[tuple[int, int], list] = {}
        rules, numbers = self.rules, v.label_number
        for key in triples.tolist():
            key, j = divmod(key, width)
            d, r = divmod(key, n_rules)
            rule, text = rules[r], texts[d]
            for m in rule.patterns[j].finditer(text):
                if m.end() == m.start():
                    continue
                if rule.near:
                    lo, hi = max(0, m.start() - rule.window), min(len(text), m.end() + rule.window)
                    if not any(n.search(text, lo, hi) for n in rule.near):
                        continue
                for label in rule.exclude:
                    blocked.setdefault((d, numbers[rule.dimension][label]), []).append(m.span())
                if rule.add:
                    rule_hits.setdefault((d, DIMENSIONS.index(rule.dimension)), []).append((r, m))
        return blocked, rule_hits

    @staticmethod
    def _unblocked(cue: np.ndarray, r_doc, r_label, r_start, r_end, blocked: dict, n_labels: int) -> np.ndarray:
        """The cue rows ``cue`` without those inside a blocking span of their (text, label): an
        exclusion context of the label or a match of a rule that excludes it."""
        key = r_doc[cue] * n_labels + r_label[cue]
        wanted = np.array([d * n_labels + g for d, g in blocked], dtype=np.int64)
        suspects = np.flatnonzero(np.isin(key, wanted))
        if not len(suspects):
            return cue
        keep = np.ones(len(cue), dtype=bool)
        containment: dict[tuple[int, int], _Containment] = {}
        for i in suspects.tolist():
            c = cue[i]
            d, g = int(r_doc[c]), int(r_label[c])
            blocks = containment.get((d, g))
            if blocks is None:
                blocks = containment[(d, g)] = _Containment(blocked[(d, g)])
            if (int(r_start[c]), int(r_end[c])) in blocks:
                keep[i] = False
        return cue[keep]

    def _finish(self, d: int, hits: list[Hit], counts: list[int], rule_hits: dict, source: str,
                exclusive_cues: set) -> list[Hit]:
        """Text ``d``'s hits, dimension by dimension: its cue hits (in order; ``counts``: how many
        of them each dimension has) and its rule hits, the exclusive labels (``cross_sector``)
        and ``only_if_no_other`` rules dropped when another label of the dimension has a hit
        (looked at only when the dimension has a hit that could be dropped: an exclusive label's
        cue, in ``exclusive_cues``, or a rule hit of ``_rule_may_drop``), rule hits put in place
        by a stable sort (ties: cue first, then rules in order, as the per-cue matcher had them)."""
        out: list[Hit] = []
        at = 0
        for k, dim in enumerate(DIMENSIONS):
            dim_hits = hits[at:at + counts[k]]
            at += counts[k]
            found = rule_hits.get((d, k))
            may_drop = (d, k) in exclusive_cues
            for r, m in found or ():
                rule = self.rules[r]
                may_drop = may_drop or self._rule_may_drop[r]
                for label in rule.add:
                    dim_hits.append(_hit(dim, label, "rule", m.group(0), m.span(), rule.weight, source, rule.id,
                                         rule.codebook_rule))
            exclusive = self._exclusive[dim]
            if may_drop and any(h.label not in exclusive for h in dim_hits):
                dim_hits = [h for h in dim_hits
                            if h.label not in exclusive and not (h.kind == "rule" and self._rule(h.rule).only_if_no_other)]
            out += sorted(dim_hits, key=_hit_order) if found else dim_hits
        return out

    def _rule(self, rule_id: str | None) -> Rule:
        return self._rule_by_id[rule_id]

    def match_clause(self, clause: Clause, dimensions: Sequence[str] = DIMENSIONS) -> list[Hit]:
        """Hits in the clause text (``source="text"``) and in its heading path (``source="heading"``)."""
        return self.match_clauses([clause], dimensions)[0]

    def match_clauses(self, clauses: Sequence[Clause], dimensions: Sequence[str] = DIMENSIONS) -> list[list[Hit]]:
        """``match_clause`` for many clauses. The hits of the clauses of the latest call are kept
        (until the next call), so the features, the decoding and the evidence of one batch share
        one matching pass; a clause repeated within the batch is matched once; the texts to
        match (clause texts and heading paths) are matched together (``_match_texts``)."""
        batch_hits = self.clause_hits(clauses)
        if tuple(dimensions) == DIMENSIONS:
            return [list(hits) for hits in batch_hits]
        # the per-dimension order of ``match``: dimensions as given, text hits before heading hits
        return [[h for src in ("text", "heading") for dim in dimensions for h in hits
                 if h.dimension == dim and h.source == src] for hits in batch_hits]

    def clause_hits(self, clauses: Sequence[Clause]) -> list[tuple[Hit, ...]]:
        """``match_clauses(clauses)`` as the kept tuples themselves, for callers that only read
        them (the features, the evidence, the title learners, the context learner that matches
        first): a batch asks four times, and each copy into fresh lists (built, then freed) cost
        ~2 us a clause (measured)."""
        if not isinstance(clauses, (list, tuple)):
            clauses = list(clauses)
        last_clauses, last_hits = self._last_call
        if same_objects(clauses, last_clauses):
            # the very clauses of the latest call (a batch's features, titles and evidence ask in
            # turn; clauses are frozen): its hits, without a key and two look-ups per clause
            return last_hits
        # a clause repeated within the batch is matched once; nothing is kept by text across calls
        # (a stream of many batches would then match a recurring text once: cheaper repeats, and
        # benchmarks of resampled clauses that measure the memo)
        memo: dict[tuple, tuple[Hit, ...] | None] = {}
        keys = []
        texts: list[str] = []
        sources: list[str] = []
        todo: list[tuple[tuple, bool]] = []  # (key, has a heading text) per clause to match
        for clause in clauses:
            key = (clause.text, clause.heading_path)
            keys.append(key)
            if key in memo:
                continue
            memo[key] = None  # set below, once the batch's texts are matched
            # codebook rule 2: cue words inside a responsible-agency remark are metadata
            # (``（牵头单位：县交通运输局）``): masked with the same length, so spans stay the text's
            texts.append(mask_remarks(clause.text))
            sources.append("text")
            if clause.heading_path:
                texts.append(mask_remarks(HEADING_JOIN.join(clause.heading_path)))
                sources.append("heading")
            todo.append((key, bool(clause.heading_path)))
        found, occurrences = self._match_texts(texts, sources) if texts else ([], None)
        i = 0
        for key, heading in todo:
            memo[key] = tuple(found[i] + found[i + 1]) if heading else tuple(found[i])
            i += 2 if heading else 1
        batch_hits = [memo[key] for key in keys]
        self._cue_texts = {text: i for i, text in enumerate(texts)}
        self._cue_occurrences = occurrences
        self._last_call = (list(clauses), batch_hits)
        return batch_hits

    def cue_spans(self, text: str, dimensions: Sequence[str]) -> list[tuple[int, int]] | None:
        """Every occurrence ``(start, end)`` of every cue word of ``dimensions`` in ``text``
        (overlapping ones too, possibly repeated: a word that is a cue of two labels), when
        ``text`` is one the latest ``match_clauses`` call matched (a clause text without a
        remark, a heading path); None otherwise. What the context learner masks: the matching
        pass has already found them (``models.learners``)."""
        i = self._cue_texts.get(text)
        if i is None:
            return None
        return self._cue_occurrences.spans(i, [DIMENSIONS.index(dim) for dim in dimensions])

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
        if hits is not None:
            return self._features(clauses, hits)
        # copies: callers may change them
        return {dim: f.copy() for dim, f in self.batch_features(clauses).items()}

    def batch_features(self, clauses: Sequence[Clause]) -> dict[str, np.ndarray]:
        """``features(clauses)`` as kept for the latest batch, read-only (not copied): for callers
        that only read them (the gated learners ask twice a batch)."""
        # the features of the latest batch are kept: the hybrid and its gated learners ask for the
        # same batch's features in turn; the very clause objects of the latest call need no key
        memo = self._features_memo
        if memo is not None and same_objects(clauses, memo[2]):
            return memo[1]
        key = tuple([(c.text, c.heading_path) for c in clauses])
        if memo is not None and memo[0] == key:
            return memo[1]
        out = self._features(clauses, self.clause_hits(clauses))
        for f in out.values():
            f.flags.writeable = False  # shared by every caller of the batch
        self._features_memo = (key, out, list(clauses))
        return out

    def _features(self, clauses: Sequence[Clause], hits: Sequence[Sequence[Hit]]) -> dict[str, np.ndarray]:
        """``features(clauses, hits)``, computed."""
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
