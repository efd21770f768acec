"""Assemble what every output format shows: per notice its tagged clauses, summary and comparison
with the previous year's notice, plus the trend of label shares across the years in the report.

The renderers (``render_rows``, ``render_md``, ``render_html``) only format a :class:`Report`.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

from policytag.records import Document
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .across import AcrossComparison, IssuerTrend, build_across, issuer_trends
from .summary import DocSummary, label_shares, summarize
from .tagging import TaggedClause
from .yoy import NEW_THRESHOLD, YearComparison, covering_sentence, has_metadata, compare, main_notice, no_previous_message, previous_documents, same_series


#: what the evidence kinds mean, for a reader who has not read the codebook (every report says it once
#: per notice, above its clauses)
EVIDENCE_LEGEND = ("cue = a cue word of the codebook (docs/ANNOTATION_CODEBOOK.md) in the clause; rule NAME = one of "
                   "its rules matched; heading/title = found in the clause's heading or the notice's title; ngram = a "
                   "stretch of characters the model's learned weights count for the label; no cue, rule or n-gram = "
                   "only the model's probability (every item, with its offsets, is in the JSONL/CSV rows)")

_SENTENCE_MARKS = frozenset("。；;！？，,：:")
#: a clause this short without any sentence mark is a heading or a bare item (一、活动主题)
BARE_ITEM_CHARS = 20


def bare_items_note(tagged: Sequence[TaggedClause]) -> str | None:
    """A caution when most of a notice's clauses are bare items (a notice of headings only, a list of
    topics): their labels rest on a few words. None otherwise."""
    bare = sum(1 for t in tagged if len(t.clause.text) <= BARE_ITEM_CHARS and not _SENTENCE_MARKS & set(t.clause.text))
    if tagged and bare * 2 > len(tagged):
        return (f"{bare} of {len(tagged)} clauses are bare items without a sentence (a notice of headings or topics "
                "only): their labels rest on a few words each")
    return None


def covering_letter_note(tagged: Sequence[TaggedClause], after: "NoticeReport | None" = None) -> str | None:
    """A caution when a document is a covering letter only: its clauses are all its opening and one of
    them forwards or issues another document (现将《…》转发给你们). Its labels then describe that sentence,
    not the forwarded document (岚桥县's 转发 notice read "思想认识与目标要求 100 %"). ``after``: the notice
    that follows it in its file (:meth:`Report.next_in_file`), which is the forwarded document when the letter
    was published with it pasted below: then the caution names that report instead of calling the
    document absent (青榆县's letter said the 枫临市 notice "is not part of it" while the same report
    showed it, 5 clauses, as the city bureau's). None otherwise."""
    found = covering_sentence(tagged)
    if found is None:
        return None
    what = found.group(1) or "the document it forwards or issues"
    sentence = f"现将{'《…》' if found.group(1) else '…'}{found.group(2)}给你们"
    if after is not None and after.tagged:
        doc = after.document
        who = ", ".join(x for x in (doc.issuer, year_label(doc.year)) if x)
        return (f"this document is a covering letter only ({sentence}); {what} follows it in the same file and is "
                f"reported as a document of its own ({doc.title or doc.doc_id}: {who}, "
                f"{len(after.tagged)} clause{'s' if len(after.tagged) != 1 else ''}), so this document's labels "
                "describe the covering sentence, not that document's content")
    return (f"this document is a covering letter only ({sentence}): {what} is not part of it, so its labels "
            "describe the covering sentence, not that document's content")


#: how the note on a covering letter's missing comparison opens (the index reads it)
COVERING_ONLY = "a covering letter only"


def covering_letter_no_comparison(found: re.Match) -> str:
    """Why a covering letter only has no year-over-year comparison (``yoy.covering_sentence``)."""
    sentence = f"现将{'《…》' if found.group(1) else '…'}{found.group(2)}给你们"
    return (f"{COVERING_ONLY} ({sentence}): no year-over-year comparison, since it sets out no work of its own "
            "(it is neither compared with its issuer's earlier documents nor the baseline of a later one)")


#: how reports show a document whose year is unknown (no year in its title, number or date)
UNKNOWN_YEAR = "年份不详"


def year_label(year: int | None) -> str:
    return str(year) if year is not None else UNKNOWN_YEAR


def level_name(level: str | None) -> str:
    """A level as reports show it: its Chinese name (``city`` -> 市级), never the id alone."""
    from policytag.corpus.metadata import LEVEL_NAMES

    return LEVEL_NAMES.get(level, level) if level else ""


def genre_name(genre: str | None) -> str:
    """A genre as reports show it (``work_points`` -> 工作要点)."""
    from policytag.corpus.metadata import GENRE_NAMES

    return GENRE_NAMES.get(genre, genre) if genre else ""


#: what a report says of a document in which segmentation found no clause (not "no earlier notice")
NO_CLAUSES = "no clauses found in this document: nothing tagged or compared"


#: from this many reported notices on, a terminal shows a "comparing" bar while the report is assembled
#: (a folder of 400 notices takes seconds after the tagging bar: alignment, Fisher tests)
PROGRESS_NOTICES = 20


def _comparing_bar(n_notices: int):
    """A tqdm bar on stderr over the reported notices plus one step for the across comparison, shown
    on a terminal for ``PROGRESS_NOTICES`` or more (else a disabled bar: updates cost nothing)."""
    from tqdm import tqdm

    return tqdm(total=n_notices + 1, unit="notice", desc="comparing", file=sys.stderr, leave=False,
                disable=None if n_notices >= PROGRESS_NOTICES else True)


@dataclass(frozen=True)
class Trend:
    """Label shares per year: ``shares[dim][label_id]`` is a tuple aligned with ``years`` (0..1);
    ``n_clauses`` is aligned with ``years`` too. Several notices of one year are pooled."""

    years: tuple[int, ...]
    n_clauses: tuple[int, ...]
    shares: dict[str, dict[str, tuple[float, ...]]]


@dataclass(frozen=True)
class NoticeReport:
    """One reported notice: its tagged clauses (document order), summary and, when the input holds an
    earlier notice, the comparison with the latest earlier year."""

    document: Document
    summary: DocSummary
    tagged: tuple[TaggedClause, ...]
    comparison: YearComparison | None
    #: why there is no comparison (``no previous 工作要点 of 临江市安全生产委员会 before 2027 in the input``)
    comparison_note: str | None = None

    @cached_property
    def flags(self) -> dict[str, str]:
        """``new`` / ``changed`` / ``""`` per clause id against the baseline (``YearComparison.flags``),
        empty without one: the one reading the Markdown, HTML and the rows all show."""
        if self.comparison is None:
            return {}
        return self.comparison.flags({t.clause.clause_id: t.clause.text for t in self.tagged})


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs: notices in input order (``by_government``: in the across table's), the trend (None with fewer than two years),
    the taxonomy (ids, names, order), the model and the thresholds used."""

    notices: tuple[NoticeReport, ...]
    trend: Trend | None
    taxonomy: Taxonomy
    model_version: str
    threshold: float | None = None
    new_threshold: float = NEW_THRESHOLD
    generated: str = field(default_factory=lambda: _dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    #: comparison across issuers (``across.build_across``); None with fewer than two issuers
    across: AcrossComparison | None = None
    #: per-issuer label shares by year (``across.issuer_trends``); empty unless several issuers and years
    issuer_trends: tuple[IssuerTrend, ...] = ()
    #: why there is no pooled trend although the report spans several years (``trend_series``), or, with a trend, its
    #: caveat (documents naming no issuer: years paired by year alone)
    trend_note: str | None = None

    @cached_property
    def by_government(self) -> tuple[NoticeReport, ...] | None:
        """The notices in the across table's order (``across.document_order``: by level from the centre down, then
        government, …, years ascending) when the report has that table, so its index and sections read as the
        table does; None without one (one government: each renderer keeps its own order)."""
        if self.across is None:
            return None
        from .across import document_order

        at = {n.document.doc_id: n for n in self.notices}
        return tuple(at[d.doc_id] for d in document_order([n.document for n in self.notices]))

    @cached_property
    def forwarded_note(self) -> str | None:
        """With an across table: which of its rows are another government's document read from the copy a covering
        letter forwards (鹭汀市人民政府办公室's 转发 letter with 霁川省's notice pasted below): that row is the province's
        text, and the government that forwarded it stresses nothing by it. None when no row is such a copy."""
        if self.across is None:
            return None
        from .across import government, issuer_identity

        said = []
        for n in self.notices:
            after = self.next_in_file(n)
            if after is None or not after.tagged or covering_sentence(n.tagged) is None:
                continue
            doc, letter = after.document, n.document
            if doc.issuer and letter.issuer and government(issuer_identity(doc)) != government(issuer_identity(letter)):
                said.append(f"{doc.issuer} {year_label(doc.year)} is read from the copy {letter.issuer} forwarded below "
                            f"its covering letter: {doc.issuer}'s text, not what {letter.issuer} stresses")
        return "; ".join(said) or None

    def next_in_file(self, n: NoticeReport) -> NoticeReport | None:
        """The reported notice read right after ``n`` from the same file (a letter's pasted enclosure or
        forwarded notice); None when ``n`` is its file's last or has no file (stdin, a clause file)."""
        return self._following.get(id(n))

    @cached_property
    def _following(self) -> dict[int, NoticeReport]:
        """Each notice's successor in its file, by the notice's identity, made in one pass: the renderers
        ask it of every notice, and scanning all notices for each took 2.8 s of a 5,000-file folder's
        Markdown report (tests/data/reports7/time_next_in_file.py)."""
        last: dict[str, NoticeReport] = {}  # source -> the last notice read from it so far
        following: dict[int, NoticeReport] = {}
        for m in self.notices:
            source = m.document.source
            if not source:
                continue
            if source in last:
                following[id(last[source])] = m
            last[source] = m
        return following


def _by_year(documents: Sequence[Document], tagged: Sequence[TaggedClause]) -> dict[int, list[TaggedClause]]:
    year_of = {d.doc_id: d.year for d in documents}
    out: dict[int, list[TaggedClause]] = defaultdict(list)
    for t in tagged:
        year = year_of.get(t.clause.doc_id)
        if year is not None:
            out[year].append(t)
    return dict(sorted(out.items()))


def build_trend(documents: Sequence[Document], tagged: Sequence[TaggedClause], taxonomy: Taxonomy) -> Trend | None:
    """Shares per year over the given notices; None with fewer than two years."""
    per_year = _by_year(documents, tagged)
    if len(per_year) < 2:
        return None
    shares: dict[str, dict[str, list[float]]] = {dim: {lid: [] for lid in taxonomy[dim].ids} for dim in DIMENSIONS}
    for year_clauses in per_year.values():
        dist = label_shares(year_clauses, taxonomy)
        for dim in DIMENSIONS:
            for c in dist[dim]:
                shares[dim][c.label_id].append(c.share)
    return Trend(tuple(per_year), tuple(len(v) for v in per_year.values()),
                 {dim: {lid: tuple(v) for lid, v in d.items()} for dim, d in shares.items()})


def trend_series(documents: Sequence[Document]) -> list[list[Document]]:
    """The documents split into series (one issuer's documents of one genre, ``yoy.same_series``),
    in order of first appearance. A year trend pools only one series: shares of a province's notice
    and a county's 工作要点 added into one 2026 column describe no government."""
    series: list[list[Document]] = []
    for doc in documents:
        for s in series:
            if all(same_series(doc, other) for other in s):
                s.append(doc)
                break
        else:
            series.append([doc])
    return series


def _letter(doc: Document, letters: set[str]) -> bool:
    """A covering letter only: its clauses hold the covering sentence (``letters``) or its title reads as one
    (``covering_letter``, 转发/印发通知, ``corpus.metadata``)."""
    return doc.doc_id in letters or doc.genre == "covering_letter"


def unnamed_pooled_year(documents: Sequence[Document]) -> tuple[int, int] | None:
    """The first year (ascending) of which ``documents`` hold several that name no issuer, region, level or
    genre, and how many: ``(2026, 40)``; None when each year has at most one such document."""
    from collections import Counter

    counts = Counter(d.year for d in documents if d.year is not None and not has_metadata(d))
    return next(((y, n) for y, n in sorted(counts.items()) if n > 1), None)


#: how a supplement's note opens (``supplement_note``): the index's "compared with" cell reads it
SUPPLEMENT_OF = "a supplement (补充通知) to "


def supplement_note(main: Document) -> str:
    """Why a supplement has no comparison of its own: it is read with its main notice (the next year's notice is compared
    with both, ``yoy.supplements``; the across table counts it in that notice's row). 苇川市's 2026 补充通知 said "no
    previous 其他文件 of 苇川市人民政府 before 2026 in the input", as if it were a document of its own kind."""
    return (f"{SUPPLEMENT_OF}{main.title} ({main.year}): read with it, not compared on its own; the next year's notice "
            "is compared with both")


def build_report(documents: Sequence[Document], tagged: Sequence[TaggedClause], taxonomy: Taxonomy,
                 model_version: str, report_ids: set[str] | None = None, threshold: float | None = None,
                 new_threshold: float = NEW_THRESHOLD, baseline_ids: set[str] | None = None) -> Report:
    """Summaries and comparisons for the documents in ``report_ids`` (all when None); the other
    documents serve only as a baseline. Each notice is compared with the same issuer's previous
    document of the same genre (``yoy.previous_documents``), or with the documents in
    ``baseline_ids`` when given (``--compare-with``)."""
    report_ids = {d.doc_id for d in documents} if report_ids is None else report_ids
    by_doc: dict[str, list[TaggedClause]] = defaultdict(list)
    for t in tagged:
        by_doc[t.clause.doc_id].append(t)
    baseline = [d for d in documents if baseline_ids and d.doc_id in baseline_ids]
    # a covering letter only (现将《…》转发给你们) is no year of its issuer's programme: neither compared with the
    # issuer's earlier documents nor any document's baseline (--compare-with still compares what the user names)
    letters = {d.doc_id for d in documents if covering_sentence(by_doc.get(d.doc_id, ()))}
    pairable = [d for d in documents if d.doc_id not in letters] if letters else documents
    notices = []
    # closed however it ends: Ctrl-C leaves no half-drawn bar before "policytag: interrupted"
    with _comparing_bar(len(report_ids)) as bar:
        for doc in documents:
            if doc.doc_id not in report_ids:
                continue
            bar.update(1)
            clauses = by_doc.get(doc.doc_id, [])
            comparison, note = None, None
            if baseline_ids:
                previous = [d for d in baseline if d.doc_id != doc.doc_id]
            else:
                previous = [] if doc.doc_id in letters else previous_documents(doc, pairable)
            prev_clauses = [t for d in previous for t in by_doc.get(d.doc_id, [])]
            if previous and clauses and prev_clauses:
                # the baseline's own year (None when it states none: it is not the notice's year)
                prev_year = max((d.year for d in previous if d.year is not None), default=None)
                comparison = compare(clauses, prev_clauses, doc.year, prev_year, taxonomy, new_threshold,
                                     prev_documents=previous, explicit=bool(baseline_ids), document=doc)
            elif clauses and not baseline_ids and doc.doc_id in letters:
                note = covering_letter_no_comparison(covering_sentence(clauses))
            elif clauses and not baseline_ids and (main := main_notice(doc, pairable)) is not None:
                note = supplement_note(main)
            elif clauses and not baseline_ids:
                note = no_previous_message(doc, pairable)
            elif clauses and baseline_ids and not previous:
                note = "the --compare-with file holds this notice itself: nothing else to compare with"
            elif not clauses:
                note = NO_CLAUSES
            notices.append(NoticeReport(doc, summarize(doc, clauses, taxonomy), tuple(clauses), comparison, note))
        reported = [d for d in documents if d.doc_id in report_ids]
        # one reported year: show it against the document(s) it is compared with (2025 -> 2026), and
        # only those: another issuer's document of that year is not this notice's past
        prev_ids = {i for n in notices if n.comparison for i in n.comparison.prev_doc_ids}
        # a covering letter only (its clauses the 现将《…》印发给你们 sentence; or read as a 转发/印发通知) is no year of a series:
        # 石渡县's 印发 letter beside its 2027 工作要点 made two "series", so the report said "no pooled trend: 2 issuers
        # or genres" instead of why a --compare-with baseline draws none
        trend_docs = [d for d in documents if (d.doc_id in report_ids or d.doc_id in prev_ids) and not _letter(d, letters)]
        trend, trend_note = None, None
        # an explicit baseline (--compare-with) is the user's choice of past, whoever issued it
        series = trend_series([d for d in reported if not _letter(d, letters)] if baseline_ids else trend_docs)
        if len(series) == 1:
            trend_ids = {d.doc_id for d in trend_docs}
            trend = build_trend(trend_docs, [t for t in tagged if t.clause.doc_id in trend_ids], taxonomy)
        reported_tagged = [t for t in tagged if t.clause.doc_id in report_ids]
        bar.set_description("comparing governments")
        across = build_across(reported, reported_tagged, taxonomy)
        bar.update(1)
    # ... unless it is not their past: another government's, level's or kind's document, or of their year (a year
    # table of 石渡县's 2027 工作要点 beside 云岑州's 2026 annual notice read as one government's course)
    foreign = next((n.comparison.baseline_apart for n in notices if n.comparison and n.comparison.baseline_apart), None)
    if trend is not None and foreign is not None:
        trend = None
        if len(notices) > 1:  # (one notice's report draws no trend: its comparison says it all)
            trend_note = (f"no year trend: {foreign}, not the notices' own past, "
                          "so its shares and theirs are two documents, not two years of one series (each notice's "
                          "comparison below shows the differences)")
    elif trend is not None and (pooled := unnamed_pooled_year(trend_docs)) is not None:
        # several documents of one year that name no issuer are no one government's year: previous_documents pairs
        # none of them, and a trend adding them up into one column compared governments as if they were one
        year, n = pooled
        trend = None
        trend_note = (f"no year trend: the input holds {n} documents of {year} and names no issuer, level or genre of "
                      "any, so a year's column would add up several governments' documents as if they were one "
                      "(clause rows with issuer, level and genre give each issuer its own rows by year)")
    elif trend is not None and not any(has_metadata(d) for d in trend_docs):
        # one unnamed document a year: paired by year alone, as the comparisons are (their headers say so too)
        trend_note = ("the documents name no issuer, region, level or genre: their years are read as one series by "
                      "year alone, one government's course only if all are its documents")
    elif trend is None and len({d.year for d in trend_docs if d.year is not None}) > 1:
        where = "each issuer's rows by year under Across governments, and " if across else ""
        trend_note = (f"no pooled trend: the notices come from {len(series)} issuers or genres (a plan's or "
                      "one-topic notice's subject counts apart), and a year's share is only read within one "
                      f"issuer's documents of one genre and subject (see {where}each notice's comparison with its "
                      "own previous document)")
    return Report(tuple(notices), trend, taxonomy, model_version, threshold, new_threshold,
                  across=across,
                  issuer_trends=issuer_trends(reported, reported_tagged, taxonomy), trend_note=trend_note)


@dataclass(frozen=True)
class EvidenceSpan:
    """A stretch of clause text that is evidence for one or more output labels (for highlighting)."""

    start: int
    end: int
    labels: tuple[str, ...]  # label names (taxonomy), in the order the evidence was found
    tip: str  # e.g. "煤矿: cue 煤矿; 风险管控与隐患治理: rule inspection_campaign"


def evidence_spans(tagged: TaggedClause, taxonomy: Taxonomy) -> list[EvidenceSpan]:
    """Non-overlapping evidence spans in the clause text, in text order (for highlighting). What the
    codebook matched (cues, rules) is chosen first, the longer span winning an overlap among them; n-grams
    fill the rest, the longer first, where they overlap nothing chosen. (The longer span used to win every
    overlap: a measure type's n-gram 气安全检查 hid the sector's cue 燃气, bolding 燃**气安全检查**.) Each
    span is one match, so a highlight names exactly what matched. Hits in the heading path and score-only
    entries have no span in the text."""
    codebook: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)  # span -> (label name, tip)
    ngrams: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for dim, per in (tagged.evidence or {}).items():
        for lid, evs in per.items():
            for ev in evs:
                if ev.source != "text" or ev.kind == "score" or ev.span[1] <= ev.span[0]:
                    continue
                name = taxonomy[dim].name_of(lid)
                how = f"rule {ev.rule}" if ev.kind == "rule" and ev.rule else ev.kind
                (ngrams if ev.kind == "ngram" else codebook)[tuple(ev.span)].append((name, f"{name}: {how} {ev.text}"))
    chosen: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for spans in (codebook, ngrams):
        for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest first
            if all(span[1] <= a or span[0] >= b for a, b in chosen):
                chosen[span] = spans[span]
    return [_span(a, b, chosen[(a, b)]) for a, b in sorted(chosen)]


def _span(start: int, end: int, items: list[tuple[str, str]]) -> EvidenceSpan:
    """An EvidenceSpan of its (label name, tip) items: each name once, in the order found."""
    names = tuple(dict.fromkeys(name for name, _ in items))
    return EvidenceSpan(start, end, names, "; ".join(tip for _, tip in items))
