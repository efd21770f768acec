"""Year-over-year comparison of notices: which labels gained or lost emphasis, which clauses are new.

*Like with like*: a notice is compared with the **same issuer's** previous document **of the same
genre** (:func:`previous_documents`): same region and level (``corpus.metadata``), same genre, the
latest earlier year that has one (several documents of that year are pooled; when the region is
unknown, the issuer's name must match). A 2027 city 工作要点 is never compared with a province's 2026
notice; when the input holds no earlier document of that issuer and genre, the report says so
(:func:`no_previous_message`). ``policytag tag --compare-with FILE`` names the baseline instead.
Documents without any metadata (a clause file) pair by year alone, as before.

*Emphasis* is a label's share of a notice's clauses; its change is reported in percentage points
against that previous document.

*New this year*, *revised*, *carried over*, *dropped*: the clauses of the two documents are aligned
by ``inference/align.py`` (best sentence-level character-bigram TF-IDF match to any previous
clause; new below ``NEW_THRESHOLD``, carried over from ``align.DEFAULT_CARRIED_FROM``), a method and
thresholds chosen on clause pairs aligned by reading and evaluated on a held-out year pair
(``scripts/eval_alignment.py``, reports/alignment.md). A previous clause that no later clause
continues is *dropped*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np

from policytag.corpus.metadata import CENTRAL_REGION, GENRE_NAMES, RE_COVERING
from policytag.records import Document
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .align import DEFAULT_CARRIED_FROM, DEFAULT_METHOD, DEFAULT_NEW_BELOW, align, dropped, merged, same_wording
from .summary import label_shares
from .tagging import TaggedClause

#: Below this alignment score to every previous-year clause, a clause counts as new this year
#: (``align.DEFAULT_NEW_BELOW``, measured in reports/alignment.md).
NEW_THRESHOLD = DEFAULT_NEW_BELOW
#: A share change of at least this many percentage points is called a gain or a loss of emphasis.
EMPHASIS_PP = 5.0
#: A document of fewer clauses than this is too short for its shares to say what it stresses: each clause
#: is a third or more of them (a one-paragraph notice as last year's: 道路交通 "-85.7 pp" only because this
#: year's notice has seven items where last year's had one sentence)
FEW_CLAUSES = 3


#: the caveat a comparison of two documents that name no issuer carries (``YearComparison.header``): a clause file of
#: a province's 2026 notice and a city's 2027 one, without issuer columns, read "compared with the 2026 notice" and
#: "New this year" as if the city's notice continued the province's
BY_YEAR_ALONE = ("paired by year alone: neither document names its issuer, region, level or genre, so this is one "
                 "government's change only if both are its documents; clause rows with issuer, level and genre pair "
                 "them by issuer")


#: why a notice of a bare clause file has no baseline when the year before holds several documents
UNKNOWN_PREDECESSOR = "which one is this notice's predecessor is unknown"


def clauses(n: int) -> str:
    """``1 clause``, ``5 clauses``."""
    return f"{n} clause" if n == 1 else f"{n} clauses"


@dataclass(frozen=True)
class ShareChange:
    """A label's share of clauses this year and in the previous notice (0..1), and ``delta_pp``
    = (share - prev_share) * 100 percentage points."""

    dimension: str
    label_id: str
    name: str
    share: float
    prev_share: float
    delta_pp: float
    #: the clauses behind the shares: ``count`` of this notice's clauses, ``prev_count`` of the previous one's
    count: int = 0
    prev_count: int = 0
    #: the evidence of the shift (``compare``): this notice's clauses carrying the label whose counterpart did not
    #: (new clauses, or continued ones that took the label up), and the baseline's clauses carrying it that no clause
    #: carrying it continues (dropped, or continued without it); "+16.7 pp (1 of 6, was 0 of 6)" named no clause
    gained_by: tuple[str, ...] = ()
    lost_from: tuple[str, ...] = ()
    #: baseline clauses carrying the label merged into a clause of this notice carrying it (``YearComparison.merged``),
    #: besides the clause that one continues: two items made one count one clause where they counted two
    merged_in: int = 0

    @property
    def merge_only(self) -> bool:
        """A fall owed to merged items alone: no baseline clause carrying the label went without it (``lost_from``
        empty) and, each merged clause counted once per item it continues, as many clauses carry it as before.
        澄江区 2027 merged 2026's 三、建筑施工 and 四、消防 into one clause: 监管执法 read "lost, -20.0 pp (1 of 5 clauses,
        was 2 of 5)" though every sentence went on. Not a loss of emphasis (``YearComparison.lost``); the reports
        say it beside (``merged_only``)."""
        return self.delta_pp < 0 and self.merged_in > 0 and not self.lost_from and self.count + self.merged_in >= self.prev_count

    def counts(self, n: int, prev_n: int) -> str:
        """What the shares are out of, for a reader: ``1 of 9 clauses, was 0 of 9``; a share that moved
        only because the notice grew or shrank says so (``7 of 33 clauses, was 7 of 23: as many
        clauses, in a longer notice``): the notice says as much about it as before."""
        out = f"{self.count} of {n} clauses, was {self.prev_count} of {prev_n}"
        if self.merged_in:
            out += f"; {clauses(self.count + self.merged_in)} counting each merged item"
        if self.count == self.prev_count and n != prev_n:
            out += f": as many clauses, in a {'longer' if n > prev_n else 'shorter'} notice"
        return out


@dataclass(frozen=True)
class Novelty:
    """A clause's closest counterpart in the previous year's notice and its alignment status
    (``carried_over`` | ``revised`` | ``new``, ``inference/align.py``)."""

    clause_id: str
    similarity: float
    nearest: str | None
    is_new: bool
    status: str = ""

    def to_dict(self) -> dict:
        return {"is_new": self.is_new, "similarity": self.similarity, "nearest": self.nearest, "status": self.status}


@dataclass(frozen=True)
class YearComparison:
    """A notice compared with the previous year's notice(s).

    ``changes[dim]``: every label of the dimension, largest gain first. ``novelty``: one entry per
    clause of the notice, in clause order.
    """

    year: int | None
    prev_year: int | None  # None: the baseline states no year (--compare-with a notice without one)
    n_clauses: int
    prev_n_clauses: int
    changes: dict[str, tuple[ShareChange, ...]]
    novelty: tuple[Novelty, ...]
    threshold: float = NEW_THRESHOLD
    #: the document(s) compared with (their title, issuer, ids) and whether --compare-with chose them
    prev_title: str | None = None
    prev_issuer: str | None = None
    prev_genre: str | None = None
    prev_doc_ids: tuple[str, ...] = ()
    explicit: bool = False
    #: previous clauses no clause of this notice continues, in their notice order
    dropped: tuple[str, ...] = ()
    #: previous clauses no clause continues whose words go on inside a clause that continues another (two items merged
    #: into one: ``align.merged``), each with that clause, in their notice order: not dropped
    merged: dict[str, str] = field(default_factory=dict)
    #: the baseline's documents that supplement its main one (``supplements``: 关于做好2026年…工作的补充通知 beside
    #: 关于做好2026年…工作的通知): one programme with it, so the baseline is that notice "and its supplement", not a pool
    prev_supplements: tuple[str, ...] = ()
    #: the ids of the baseline's clauses that are its supplements' (their item numbers are the supplement's own)
    prev_supplement_clauses: frozenset[str] = frozenset()
    #: texts of the previous document's clauses (for the diffs of revised clauses and the dropped list)
    prev_texts: dict[str, str] = field(default_factory=dict)
    #: the years the baseline's documents state, ascending (several: a --compare-with folder)
    prev_years: tuple[int, ...] = ()
    #: what sets a --compare-with baseline apart from the notice's own past (``baseline_difference``:
    #: "the baseline chosen with --compare-with is another government's document, …"), None when nothing
    baseline_apart: str | None = None
    #: the baseline is one document of another government (``other_government``): headings name it, not its year alone
    prev_other_government: bool = False
    #: a pooled --compare-with baseline (a folder) holding another government's document, one of another kind, or
    #: one not earlier than this notice (``pool_apart``): not its past either, so nothing in it was "dropped"
    pool_apart: bool = False
    #: neither this notice nor its baseline names an issuer, region, level or genre (a bare clause file): they were
    #: paired by their years alone, so nothing says they are one government's (``header`` says so)
    by_year_alone: bool = False

    @property
    def difference_note(self) -> str | None:
        """The caution over the gains and losses when the baseline is not the notice's own past."""
        if self.baseline_apart is None:
            return None
        return f"{self.baseline_apart}: the gains and losses below are differences between two documents, not changes over time"

    @property
    def revised_clauses(self) -> list[Novelty]:
        return [n for n in self.novelty if n.status == "revised"]

    def carried_over(self, texts: Mapping[str, str]) -> tuple[list[Novelty], list[Novelty]]:
        """The carried-over clauses as (reworded, word for word), ``texts`` this notice's clause texts
        by id. "Carried over" means a sentence continues one of last year's (``align``), so its clause
        may still change a figure or a deadline (劝导站50个 -> 60个): those are shown with their diff."""
        carried = [n for n in self.novelty if n.status == "carried_over"]
        same = {n.clause_id for n in carried
                if same_wording(self._moved_on(self.prev_texts.get(n.nearest or "", "")), texts.get(n.clause_id, ""))}
        return [n for n in carried if n.clause_id not in same], [n for n in carried if n.clause_id in same]

    def _moved_on(self, previous: str) -> str:
        """A baseline clause with its year written as this notice's (为做好2026年… -> 为做好2027年…): an
        annual notice restates last year's sentence for the new year, which is no change to flag; any
        other year or figure still differs."""
        if self.year is None or self.prev_year is None or self.pooled or self.year == self.prev_year:
            return previous
        return re.sub(rf"(?<!\d){self.prev_year}(?=年)", str(self.year), previous)

    def changed_ids(self, texts: Mapping[str, str]) -> set[str]:
        """Ids of the clauses that continue one of the baseline's with other words: revised, or carried
        over with a change (``carried_over``), so the clause lists can flag them beside the new ones."""
        return {n.clause_id for n in self.revised_clauses} | {n.clause_id for n in self.carried_over(texts)[0]}

    def flags(self, texts: Mapping[str, str]) -> dict[str, str]:
        """Each clause's flag, the one every format shows (Markdown ``**[new]**``/``**[changed]**``, HTML
        badges, the rows' ``changed``): ``new`` (no counterpart), ``changed`` (:meth:`changed_ids`) or
        ``""`` (word for word, item number aside), by clause id; ``texts`` this notice's clause texts."""
        changed = self.changed_ids(texts)
        return {n.clause_id: "new" if n.is_new else "changed" if n.clause_id in changed else "" for n in self.novelty}

    def previous_text(self, nv: Novelty) -> str | None:
        """The text of the baseline clause a clause continues; None for a new clause (its nearest
        clause is no counterpart)."""
        return None if nv.is_new or nv.nearest is None else self.prev_texts.get(nv.nearest)

    @property
    def own_past(self) -> bool:
        """Whether the baseline is this notice's own past: the pairing's choice (the same issuer's earlier
        document of its genre). A --compare-with baseline may be another government's notice, one of the
        same year or a pooled folder: reports then say "not in the baseline", never "new this year"
        and "last year" (a county's 2027 工作要点 against a ministry's 2027 one has no last year there)."""
        return not self.explicit

    @property
    def wording(self) -> tuple[str, str, str]:
        """How reports name the new clauses, the baseline's side of a diff and this notice's:
        ``("New this year", "last year", "this year")`` against the notice's own past (:attr:`own_past`),
        else ``("Not in the baseline", "baseline", "this notice")``."""
        if self.own_past:
            return "New this year", "last year", "this year"
        return "Not in the baseline", "baseline", "this notice"

    def dropped_heading(self, n: int) -> str:
        """The heading over the baseline's clauses that no clause continues: "Dropped" against the notice's
        own past, but against a baseline that is not (``baseline_apart``: a province's notice beside a
        ministry's of the same year) the notice dropped nothing: those clauses are only in the baseline."""
        if self.baseline_apart is None and not self.pool_apart:
            return f"删去内容 Dropped: {clauses(n)} of {self.prev_label} that no clause continues"
        return (f"基线独有 Only in the baseline: {clauses(n)} of {self.prev_label} that no clause of this notice "
                "continues (the baseline is not this notice's past: nothing was dropped)")

    @property
    def pooled(self) -> bool:
        """Whether the baseline pools documents of several years, issuers or genres (a --compare-with
        folder): no single "2027 notice of …" describes it."""
        return len(self.prev_doc_ids) - len(self.prev_supplements) > 1 and (len(self.prev_years) > 1 or self.prev_genre is None
                                                or "、" in (self.prev_issuer or ""))

    @property
    def baseline(self) -> str:
        """How reports name what was compared with: ``the 2026 notice of 山西省人民政府``,
        ``the 2026 工作要点 of 临江市安全生产委员会``; a pooled baseline by its count, years and issuers:
        ``the 12 documents of 2026–2027 of 柏溪县人民政府、枫桥市应急管理局、鹤川市安全生产委员会 and 6 more
        issuers``."""
        if self.pooled:
            issuers = (self.prev_issuer or "").split("、")
            who = "、".join(issuers[:3]) + (f" and {len(issuers) - 3} more issuers" if len(issuers) > 3 else "")
            when = f" of {self.prev_label}" if self.prev_years else ""
            return f"the {len(self.prev_doc_ids)} documents{when}" + (f" of {who}" if who else "")
        kind = GENRE_NAMES[self.prev_genre] if self.prev_genre and self.prev_genre != "annual_notice" else "notice"
        when = f"{self.prev_year} " if self.prev_year is not None else ""
        if (mains := len(self.prev_doc_ids) - len(self.prev_supplements)) > 1:
            # one issuer's two documents of one year and genre, pooled (a notice and a later 进一步做好… one): "the 2026
            # notice of 苇川市人民政府" named one
            when, kind = f"{mains} {when}", kind + "s" if kind == "notice" else kind
        unknown = " (its year unknown)" if self.prev_year is None else ""
        extra = len(self.prev_supplements)
        more = f" and its {'supplement' if extra == 1 else f'{extra} supplements'} (补充通知)" if extra else ""
        return f"the {when}{kind}" + (f" of {self.prev_issuer}" if self.prev_issuer else "") + unknown + more

    @property
    def prev_label(self) -> str:
        """How tables and headings name the baseline's year: ``2026``, ``2026–2027`` for a baseline of
        several years, or ``the baseline`` when it states no year (never the notice's own year in its
        place)."""
        if len(self.prev_years) > 1:
            return f"{self.prev_years[0]}–{self.prev_years[-1]}"
        if self.prev_year is None:
            return "the baseline"
        if self.prev_other_government and self.prev_issuer:
            # another government's document: "vs 2027" beside a 2027 notice read as its own year (查干敖包旗 2027
            # against 乌兰塔拉盟行政公署 2027 read "Emphasis compared with 2027", "Dropped: 8 clauses of 2027")
            return f"{self.prev_issuer} {self.prev_year}"
        return str(self.prev_year)

    @property
    def header(self) -> str:
        """The report's line for it: ``compared with the 2019 工作要点 of 东川省应急管理厅 (6 clauses;
        none of 2020–2025 in the input)``: a baseline years back says it is the latest there is."""
        how = [clauses(self.prev_n_clauses)]
        if self.explicit:
            how.append("chosen with --compare-with")
        elif self.year is not None and self.prev_year is not None and self.year - self.prev_year > 1:
            gap = (f"{self.prev_year + 1}" if self.year - self.prev_year == 2
                   else f"{self.prev_year + 1}–{self.year - 1}")
            how.append(f"the latest earlier one: none of {gap} in the input")
        if self.by_year_alone:
            how.append(BY_YEAR_ALONE)
        return f"compared with {self.baseline} ({'; '.join(how)})"

    @property
    def few_clauses_note(self) -> str | None:
        """A caution above the gains and losses when this notice or its baseline has fewer than
        ``FEW_CLAUSES`` clauses: ``the 2026 notice of 梓溪县人民政府办公室 has 1 clause, so one clause moves
        its shares by 100 pp: the gains and losses below compare one clause with a notice; read the
        counts``. None otherwise."""
        short = [(f"{self.baseline}", self.prev_n_clauses)] if self.prev_n_clauses < FEW_CLAUSES else []
        if self.n_clauses < FEW_CLAUSES:
            short.append(("this notice", self.n_clauses))
        if not short:
            return None
        said = " and ".join(f"{who} has {clauses(n)}, so one clause moves its shares by {100 / n:.0f} pp" for who, n in short)
        return f"{said}: the gains and losses below say little of what either stresses; read the counts"

    def gained(self, dim: str, min_pp: float = EMPHASIS_PP) -> list[ShareChange]:
        return [c for c in self.changes[dim] if c.delta_pp >= min_pp]

    def lost(self, dim: str, min_pp: float = EMPHASIS_PP) -> list[ShareChange]:
        return sorted((c for c in self.changes[dim] if c.delta_pp <= -min_pp and not c.merge_only), key=lambda c: c.delta_pp)

    def merged_only(self, dim: str, min_pp: float = EMPHASIS_PP) -> list[ShareChange]:
        """The falls :meth:`lost` leaves out as owed to merged items alone (:attr:`ShareChange.merge_only`)."""
        return sorted((c for c in self.changes[dim] if c.delta_pp <= -min_pp and c.merge_only), key=lambda c: c.delta_pp)

    @property
    def new_clauses(self) -> list[Novelty]:
        return [n for n in self.novelty if n.is_new]

    @property
    def splits(self) -> dict[str, tuple[str, ...]]:
        """Baseline clauses that two or more clauses of this notice continue (one item made two: 澄江县 2026's
        五、做好防汛和森林防火工作 -> 澄江区 2027's 四、做好防汛工作 and 五、做好森林防火工作), each with those clauses in
        notice order: each one's diff shows the other's half "deleted", which it is not."""
        by_prev: dict[str, list[str]] = {}
        for nv in self.novelty:
            # carried over only: each holds a sentence of it (a revision's weaker likeness is no claim of a split)
            if nv.status == "carried_over" and nv.nearest is not None:
                by_prev.setdefault(nv.nearest, []).append(nv.clause_id)
        return {pid: tuple(ids) for pid, ids in by_prev.items() if len(ids) > 1}

    @property
    def moves(self) -> list["Move"]:
        """The carried-over clauses that stand elsewhere in this notice's order than their counterparts stood in the
        baseline's, in this notice's order: a notice's order of items is its order of priority, and 蓼湾县 2027, its
        2026 items reordered (森林防火 五 -> 二, 消防 六 -> 三), read "carried over: 6 clauses, word for word", as if
        nothing had happened. Places are counted among the clauses both notices hold, so an item inserted or dropped
        moves nothing; the clauses that keep the longest run of last year's order stay put (``_kept_in_order``) and
        the others moved (one item moved up from 五 to 二 is that item, not 二, 三 and 四 "down one"). Empty for a
        pooled baseline (several documents: no one order) and where no clause moved."""
        if len(self.prev_doc_ids) - len(self.prev_supplements) > 1:
            return []  # (a notice and its supplement are one order: the supplement's items come after)
        prev_place = {cid: i for i, cid in enumerate(self.prev_texts)}
        pairs: list[Novelty] = []
        taken: set[str] = set()
        for nv in self.novelty:  # a counterpart two clauses continue is one place, the first's
            if nv.status == "carried_over" and nv.nearest in prev_place and nv.nearest not in taken:
                taken.add(nv.nearest)
                pairs.append(nv)
        was = sorted(range(len(pairs)), key=lambda i: prev_place[pairs[i].nearest or ""])
        prev_rank = {i: r for r, i in enumerate(was)}
        kept = _kept_in_order([prev_rank[i] for i in range(len(pairs))])
        return [Move(nv.clause_id, nv.nearest or "", i + 1, prev_rank[i] + 1, len(pairs))
                for i, nv in enumerate(pairs) if i not in kept]


@dataclass(frozen=True)
class Move:
    """A carried-over clause that changed its place (``YearComparison.moves``): ``place`` in this notice and
    ``prev_place`` in the baseline, 1-based, among the ``of`` clauses both notices hold."""

    clause_id: str
    prev_id: str
    place: int
    prev_place: int
    of: int

    @property
    def up(self) -> bool:
        return self.place < self.prev_place


def _kept_in_order(ranks: Sequence[int]) -> set[int]:
    """The positions of one longest increasing run (not necessarily contiguous) of ``ranks``: the clauses that
    kept last year's order among themselves (patience sorting, O(n log n))."""
    from bisect import bisect_left

    tails: list[int] = []  # tails[k]: the position ending the best run of length k + 1 found so far
    tail_ranks: list[int] = []  # their ranks (what bisect searches)
    before: list[int] = [-1] * len(ranks)
    for i, r in enumerate(ranks):
        k = bisect_left(tail_ranks, r)
        before[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            tail_ranks.append(r)
        else:
            tails[k], tail_ranks[k] = i, r
    kept, i = set(), tails[-1] if tails else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


class SimilarityIndex:
    """Character 2–3-gram TF-IDF space fitted on the given texts."""

    def __init__(self, texts: Sequence[str]):
        # scikit-learn's TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True),
        # fitted and applied without importing scikit-learn (seconds of a one-notice `tag`)
        from policytag.models.tfidf import fit_char_tfidf

        self.vectorizer = fit_char_tfidf(list(texts) or [""], (2, 3), sublinear_tf=True)

    def max_similarity(self, texts: Sequence[str], previous: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """For each text: the highest cosine similarity to any ``previous`` text, and its index.
        Shapes: [len(texts)] float, [len(texts)] int (-1 when ``previous`` is empty)."""
        if not previous or not texts:
            return np.zeros(len(texts)), np.full(len(texts), -1)
        a = self.vectorizer.transform(texts)
        b = self.vectorizer.transform(previous)
        sims = (a @ b.T).toarray()  # rows are L2-normalised, so the dot product is the cosine
        return sims.max(axis=1), sims.argmax(axis=1)


def has_metadata(doc: Document) -> bool:
    return bool(doc.issuer or doc.region or doc.level or doc.genre)


def covering_sentence(tagged: Sequence[TaggedClause]) -> re.Match | None:
    """The covering sentence when a document is a covering letter only: all its clauses are its opening and
    one of them forwards or issues another document (现将《…》转发给你们); None otherwise. Such a letter sets out
    no work of its own: it is no year of its issuer's programme (鹭汀市人民政府办公室's 转发 letter, one sentence,
    was compared with the city's 2026 annual notice: "dropped: 6 clauses", "思想认识与目标要求 +100 pp") nor a
    government's emphasis beside others (``across.document_kinds`` gives it a kind of its own)."""
    if not tagged or any(t.clause.kind != "preamble" for t in tagged):
        return None
    return next((m for t in tagged if (m := RE_COVERING.search(t.clause.text))), None)


#: Genres whose documents of successive years are one series whatever their title says: the year's
#: whole safety work. Any other genre (a 专项整治方案, an 应急预案, a regulation, a notice on one
#: topic) is about its topic, so a county's 自建房 plan is not "last year's" 燃气 plan (the report
#: read "城镇燃气 -100 pp" off two plans on different subjects): those pair only on the same topic.
PERIODIC_GENRES = frozenset({"annual_notice", "work_points"})
# what titles say besides their topic: the enclosure's frame, periods, genre words, generic verbs
_TITLE_FRAME = re.compile(r"^.*?关于(?:印发|转发)?|的(?:紧急)?(?:通知|通告|公告|通报|意见|函|决定|批复|提示|提醒|倡议书|倡议|报告|讲话|纪要)$")
_NOT_WORD = re.compile(r"[\W_]+")
_TITLE_NOISE = re.compile(
    r"[（(]?(?:\d{4}|[〇零一二三四五六七八九]{4})(?:\s*[—–\-－~至]\s*(?:\d{4}|[〇零一二三四五六七八九]{4}))?年(?:度)?[）)]?|"
    r"试行|条例|办法|规定|细则|规则|专项整治|整治|实施方案|工作方案|行动方案|行动计划|应急预案|方案|预案|计划|三年行动|行动|"
    r"工作要点|要点|工作|活动|实施|开展|加强|进一步|深入|切实|做好|全面|关于|全[省市县区镇乡旗州]|[省市县区镇乡旗州]级|"
    # (安全生产月 is a subject, the June campaign each year's notice launches: stripped to 月, the across note
    # read "其他文件 on 月")
    r"安全(?:生产)?(?!(?:生产)?月)")


def title_topic(doc: Document) -> str:
    """What a document's title says it is about, without its issuer, place, period and genre words:
    ``青石县人民政府办公室关于印发青石县城镇燃气安全专项整治方案的通知`` -> ``城镇燃气``."""
    return _topic(doc.title or "", doc.issuer, doc.region)


#: a title that issues or forwards another document names that document's title in 《》: its topic is
#: that title's (青榆县应急管理局关于转发《枫临市应急管理局关于开展…汛期安全隐患排查整治的通知》的通知 was "about"
#: 枫临市应急管理局汛期隐患排查的通知: the forwarded notice's organ and frame were left in)
_ENCLOSED_TITLE = re.compile(r"关于(?:印发|转发)《([^《》]+)》")
#: a title that explains one document named in 《》 (《X》政策解读, 关于《X》的解读, 一图读懂《X》, 《X》起草说明): its topic is X's.
#: 《鹭汀市人民政府关于做好2027年全市安全生产工作的通知》政策解读 was "about" 的通知政策解读, the across note's
#: "政策解读 on 的通知政策解读"
_EXPLAINED_TITLE = re.compile(r"^(?:关于)?(?:一图读懂|图解|图读)?《([^《》]+)》(?:的)?(?:政策)?(?:解读|起草说明|修订说明|"
                              r"问答|答记者问|一问一答)?$")


@lru_cache(maxsize=65536)
def _topic(title: str, issuer: str | None, region: str | None) -> str:
    # cached: pairing asks for every pair of a folder's documents (500 plans: 1 s uncached)
    enclosed = _ENCLOSED_TITLE.search(title) or _EXPLAINED_TITLE.match(title.strip())
    if enclosed:
        title = enclosed.group(1)
    title = _TITLE_FRAME.sub("", title)
    for name in (issuer, region):
        for part in (name or "").split("、"):  # a joint notice names each organ
            if len(part) > 1:
                title = title.replace(part, "")
    topic = _NOT_WORD.sub("", _TITLE_NOISE.sub("", title))
    return "" if topic in _KIND_WORDS else topic


#: what is left of a title that names its kind and no subject: a title the reader built for a document
#: that shows none (``枫临市应急管理局2027年文件``, ``蓼湾县人民政府2027年通告``: ``metadata.build_title``) or a
#: plain ``…2027年安全生产工作总结``; the across note read "其他文件 on 文件"
_KIND_WORDS = frozenset({"文件", "通知", "通告", "公告", "通报", "讲话", "会议纪要", "纪要", "决定", "意见", "责任清单",
                         "规划", "政策解读", "倡议书", "提示", "检查表", "总结", "报告"})


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset({text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set()))


def same_topic(doc: Document, other: Document) -> bool:
    """Do the titles name the same subject? At least half the character bigrams of the shorter
    topic occur in the other (城镇燃气 / 燃气: yes; 城镇燃气 / 自建房: no). A title with no topic
    left (安全生产专项整治方案, 某州安全生产条例) matches only another without one: a general plan
    and a 燃气 plan are about different things."""
    a, b = _bigrams(title_topic(doc)), _bigrams(title_topic(other))
    if not a or not b:
        return not a and not b
    return len(a & b) / min(len(a), len(b)) >= 0.5


# a ministry's office writes in its name (应急管理部办公厅 for 应急管理部)
_OFFICE = re.compile(r"(?:办公厅|办公室)$")


def central_organs(issuer: str | None) -> frozenset[str]:
    """The central organs a document is of: its issuer's (a joint notice's several, 、-joined), each
    without 办公厅/办公室. Every ministry's region is 全国, so the region, which makes one government
    of a city's 安委会 and its 人民政府, cannot tell one ministry from another: the organ must."""
    return frozenset(_OFFICE.sub("", part) for part in (issuer or "").split("、") if part)


def _same_place(doc: Document, other: Document) -> bool:
    """One government by region (a city's 安委会 and its 人民政府), both regions known; of the central
    organs, all of region 全国, only the same organ (two ministries are two issuers: 水域安全保障部's
    2027 工作要点 is not continued from 山林防火保障部's 2026 one)."""
    return (bool(doc.region) and doc.region == other.region
            and (doc.region != CENTRAL_REGION or central_organs(doc.issuer) == central_organs(other.issuer)))


def same_series(doc: Document, other: Document) -> bool:
    """Are these the same issuer's documents of the same genre (and, outside the periodic genres,
    on the same topic: ``same_topic``)? Same region and level and genre; with the region unknown on
    either side, the same issuer name. Two documents without any metadata (a clause file's) count
    as one series, so such input still pairs by year."""
    if not has_metadata(doc) and not has_metadata(other):
        return True
    if doc.genre != other.genre or doc.level != other.level:
        return False
    if doc.genre not in PERIODIC_GENRES and not same_topic(doc, other):
        return False
    if doc.region and other.region:
        return _same_place(doc, other)
    return bool(doc.issuer) and doc.issuer == other.issuer


def _latest_earlier(doc: Document, documents: Sequence[Document]) -> list[Document]:
    """The documents of ``doc``'s series (``same_series``) from the latest earlier year in ``documents``."""
    if doc.year is None:
        return []
    earlier = [d for d in documents if d.year is not None and d.year < doc.year and d.doc_id != doc.doc_id
               and same_series(doc, d)]
    if not earlier:
        return []
    latest = max(d.year for d in earlier)
    return [d for d in earlier if d.year == latest]


def previous_documents(doc: Document, documents: Sequence[Document]) -> list[Document]:
    """The same issuer's documents of the same genre from the latest earlier year in ``documents``
    (several when that year has several: they are pooled); those of exactly the same issuer name
    are preferred when the region also has others (某市人民政府 and 某市安委会 both issue 工作要点)."""
    chosen = _latest_earlier(doc, documents)
    if not has_metadata(doc) and len(chosen) > 1:
        # several documents of that year with no issuer, level or genre (a researcher's clause file): which
        # one is this notice's predecessor is unknown, and pooling them all compared each notice with
        # everything (10,000 clauses of 100 governments: ~4,950 "dropped" clauses a notice, a 98 MB report)
        return []
    exact = [d for d in chosen if doc.issuer and d.issuer == doc.issuer]
    chosen = exact or chosen
    if doc.genre in PERIODIC_GENRES and chosen:
        # the year's supplement to the programme (苇川市 2026's 关于做好2026年全市安全生产工作的补充通知, read as an 其他文件)
        # is part of it: without it 2027's 汛期 item, word for word the supplement's, was "New this year"
        chosen += [d for d in documents if d not in chosen and d.doc_id != doc.doc_id and supplements(d, chosen)]
    return chosen


def supplements(doc: Document, main: Sequence[Document]) -> bool:
    """Does ``doc`` supplement one of ``main``: of its year and government, its title that document's with 补充 added
    (``…工作的补充通知`` to ``…工作的通知``)? Titles only: a supplement is named after what it supplements."""
    if not doc.title or "补充" not in doc.title:
        return False
    bare = doc.title.replace("补充", "")
    return any(m.title == bare and m.year == doc.year and m.doc_id != doc.doc_id
               and (_same_place(doc, m) if doc.region and m.region else doc.issuer == m.issuer) for m in main)


def main_notice(doc: Document, documents: Sequence[Document]) -> Document | None:
    """The periodic notice (an annual notice, 工作要点) among ``documents`` that ``doc`` supplements (:func:`supplements`),
    or None: the report names a supplement after it, the across table counts it in its row."""
    if doc.genre in PERIODIC_GENRES or not doc.title:
        return None
    mains = [d for d in documents if d.genre in PERIODIC_GENRES]
    if not supplements(doc, mains):
        return None
    bare = doc.title.replace("补充", "")
    return next((m for m in mains if m.title == bare and m.year == doc.year), None)


#: administrative suffixes a territory's name changes between when it is re-designated (撤县设区:
#: 东陵县 -> 东陵区; 县改市: 青石县 -> 青石市), with the longer ones first
_TIER_SUFFIX = re.compile(r"(?:自治县|自治旗|县|区|市|旗)$")


def _renamed_region(doc: Document, other: Document) -> bool:
    """Could ``other``'s region be ``doc``'s under a former name (东陵县 and 东陵区 of one level)?
    Only a hint for the reader: without a gazetteer a re-designated county cannot be told from a
    namesake, so such documents are never paired by themselves."""
    if not doc.region or not other.region or doc.region == other.region:
        return False
    # 县改市: a county-level city named alone reads as a city (no gazetteer), so 青石县 (county) may
    # come back as 青石市 (city)
    county_to_city = {doc.level, other.level} == {"county", "city"} and (doc.region + other.region).count("县") == 1
    if doc.level != other.level and not county_to_city:
        return False
    a, b = _TIER_SUFFIX.sub("", doc.region), _TIER_SUFFIX.sub("", other.region)
    return len(a) >= 2 and a == b


def _nearest_earlier(doc: Document, candidates: Sequence[Document]) -> Document | None:
    earlier = [d for d in candidates if d.year is not None and doc.year is not None and d.year < doc.year]
    return max(earlier, key=lambda d: d.year) if earlier else None


def _alone_in_file(d: Document, documents: Sequence[Document]) -> bool:
    """Is ``d`` the only document of its file (so the file names it, for ``tag`` and ``--compare-with``)?"""
    return bool(d.source) and sum(1 for x in documents if x.source == d.source) == 1


def _named(d: Document, documents: Sequence[Document], doc: Document | None = None) -> tuple[str, str]:
    """``the 2025 年度安全生产工作通知 of 东陵县人民政府 (dongling_2025.txt): …--compare-with…``: the
    document and how to compare with it. ``--compare-with FILE`` takes every notice in FILE, so a
    notice sharing its file (the corpus file, a clause file) is named by its id, not its file. And it is
    the baseline of every notice tagged, so with ``doc`` (the notice the hint is for) alone in its file
    the hint is the whole command, ``policytag tag THIS --compare-with THAT``: run on the folder, the
    bare option compared all 13 notices of six governments with one city's annual notice."""
    genre = GENRE_NAMES.get(d.genre or "", "notice")
    who = d.issuer or d.region or "an unnamed issuer"
    if not _alone_in_file(d, documents):
        return (f"the {d.year} {genre} of {who} ({d.doc_id}" + (f" in {d.source})" if d.source else ")"),
                "--compare-with a file holding that notice alone compares with it")
    if doc is not None and _alone_in_file(doc, documents):
        return (f"the {d.year} {genre} of {who} ({d.source})",
                f"policytag tag {doc.source} --compare-with {d.source} compares this notice alone with it")
    return f"the {d.year} {genre} of {who} ({d.source})", "--compare-with that file compares with it"


def _names_no_year(doc: Document) -> str:
    """Why a document's year is unknown. A file whose text shows no title is titled by its file name (read for
    its year where it reads as a title, ``corpus.segment._file_name_title``; else ``corpus.metadata.build_title``'s
    last resort): "its title … name none" would blame the text for a title it does not show."""
    stem = doc.source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0] if doc.source else ""
    if stem and doc.title == stem:
        return "its text shows no title, document number or date; the title above is its file name, and no year is read from it"
    return "its title, document number and date name none"


def no_previous_message(doc: Document, documents: Sequence[Document] = ()) -> str:
    """``no previous 工作要点 of 临江市安全生产委员会 before 2027 in the input: …``; a document whose year
    is unknown says that instead (nothing can be "last year" of it). With the input's ``documents``
    it names what the reader may have meant to compare with, for ``--compare-with``: the same
    issuer's earlier document of another genre (an annual notice beside last year's 工作要点), or
    the same genre from a region of the same name and level with another suffix (东陵县 -> 东陵区)."""
    if not has_metadata(doc):
        latest = _latest_earlier(doc, documents)  # (more than one: previous_documents pairs none of them)
        if len(latest) > 1:
            return (f"the input holds {len(latest)} documents of {latest[0].year} and names no issuer, level or genre of any: "
                    f"{UNKNOWN_PREDECESSOR}, so there is no year-over-year comparison (clause rows "
                    "with issuer, level and genre pair them; --compare-with FILE names a baseline)")
        return "no earlier notice in the input to compare with"
    genre = GENRE_NAMES.get(doc.genre or "", "notice")
    who = doc.issuer or doc.region or "this issuer"
    if doc.year is None:
        return (f"the year of this {genre} of {who} is unknown ({_names_no_year(doc)}): "
                "no year-over-year comparison (--compare-with FILE names a baseline)")
    message = f"no previous {genre} of {who} before {doc.year} in the input: no year-over-year comparison"
    others = [d for d in documents if d.doc_id != doc.doc_id and has_metadata(d)]
    renamed = _nearest_earlier(doc, [d for d in others if d.genre == doc.genre and _renamed_region(doc, d)
                                     and (d.genre in PERIODIC_GENRES or same_topic(doc, d))])
    if renamed is not None:
        name, how = _named(renamed, documents, doc)
        return f"{message}; the input holds {name}: the same government under a former name? {how}"
    same_place = [d for d in others if d.level == doc.level and _same_place(doc, d)]
    topic = _nearest_earlier(doc, [d for d in same_place if d.genre == doc.genre and not same_series(doc, d)])
    if topic is not None:
        name, how = _named(topic, documents, doc)
        return f"{message}; the input holds {name}, on another subject ({how})"
    # an annual notice and a 工作要点 both set out a year's whole work: last year's other one is
    # the nearest thing to a baseline, named but not used (its structure and length differ)
    own = _nearest_earlier(doc, [d for d in same_place if d.genre != doc.genre and doc.genre in PERIODIC_GENRES
                                 and d.genre in PERIODIC_GENRES and d.year == doc.year - 1])
    if own is not None:
        name, how = _named(own, documents, doc)
        return f"{message}; the input holds {name}, a document of another kind ({how})"
    return message


def subject_reader(taxonomy: Taxonomy):
    """texts -> for each, the sectors its codebook cue words and rules name in its lead sentence and in the whole
    text (``knowledge.match_clauses``, one pass over all texts; ``align.lead_end`` tells the lead's
    cues), the exclusive 不分行业 label aside (it names no subject): what ``align`` asks of two clauses
    before pairing them. Cue words, not the model's tags: a lead is a few words, and the subject an item
    names is in its words."""
    from policytag.knowledge import load_knowledge
    from policytag.records import Clause

    from .align import lead_end

    knowledge = load_knowledge(taxonomy)
    general = frozenset(taxonomy["sector"].exclusive)

    def subjects(texts: Sequence[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
        clauses = [Clause("", "", (), text, "clause") for text in texts]
        out = []
        for text, hits in zip(texts, knowledge.match_clauses(clauses, ("sector",))):
            # a codebook rule's sector counts as a cue's (rule 10: 电动自行车 near 充电 is 消防): an item "加强电动自行车安全
            # 管理" named no subject by its cues alone, so it was paired as a revision of last year's 烟花爆竹 item (same
            # number, same frame) and that item was not "dropped"
            cues = [h for h in hits if h.kind in ("cue", "rule") and h.source == "text" and h.label not in general]
            end = lead_end(text)
            out.append((frozenset(h.label for h in cues if h.span[1] <= end), frozenset(h.label for h in cues)))
        return out

    return subjects


def other_government(doc: Document, prev: Document) -> bool:
    """Is ``prev`` another government's document than ``doc``: another place, or (places unknown) another issuer?"""
    if prev.region and doc.region:
        return not _same_place(doc, prev)
    return bool(prev.issuer) and prev.issuer != doc.issuer


def baseline_difference(doc: Document, baseline: Sequence[Document]) -> str | None:
    """What sets a --compare-with baseline apart from this notice's own past: another government's
    document, of another level or kind, or not of an earlier year (``东漪省人民政府`` 2027 against
    ``苇塘县人民政府`` 2027 read "Emphasis compared with 2027" and "监管执法 -28.3 pp" as if the province had
    changed course). None when the baseline is the notice's own earlier document of its kind, or when
    the baseline pools several documents (the report names those by their count, years and issuers)."""
    from policytag.corpus.metadata import LEVEL_NAMES

    if len(baseline) != 1 or not has_metadata(doc):
        return None
    prev = baseline[0]
    what = []
    other = other_government(doc, prev)
    if other:
        what.append("another government's document" + (f" ({prev.issuer})" if prev.issuer else "")
                    # the notice's own hint named it as possibly this government under a former name (澄江县 2026 ->
                    # 澄江区 2027): the caution said "another government's" and nothing more, as if that were known
                    + (f", unless {doc.region} is {prev.region} under a new name (policytag cannot tell a renamed "
                       f"place from a namesake)" if _renamed_region(doc, prev) else ""))
    if prev.level and doc.level and prev.level != doc.level:
        what.append(f"of another level ({LEVEL_NAMES.get(prev.level, prev.level)}; this notice: "
                    f"{LEVEL_NAMES.get(doc.level, doc.level)})")
    if prev.genre and doc.genre and prev.genre != doc.genre:
        what.append(f"of another kind ({GENRE_NAMES.get(prev.genre, prev.genre)}; this notice: "
                    f"{GENRE_NAMES.get(doc.genre, doc.genre)})")
    if prev.year is not None and doc.year is not None and prev.year >= doc.year:
        what.append("of the same year" if prev.year == doc.year else f"of a later year ({prev.year})")
    if not what:
        return None
    if not other:
        what.insert(0, "a document")
    return f"the baseline chosen with --compare-with is {', '.join(what)}"


def pool_apart(doc: Document, pool: Sequence[Document]) -> bool:
    """Does a pooled --compare-with baseline hold a document that is not this notice's past: another
    government's, one of another kind, or one not earlier? (What :func:`baseline_difference` says of one document;
    a folder of other governments' notices listed their clauses under "删去内容 Dropped", which says this notice
    dropped them.) A notice naming no issuer, level or genre: no."""
    if not has_metadata(doc):
        return False
    return any(other_government(doc, d) or (d.genre and doc.genre and d.genre != doc.genre)
               or (d.year is not None and doc.year is not None and d.year >= doc.year) for d in pool)


def _shift_evidence(current: Sequence[TaggedClause], previous: Sequence[TaggedClause], novelty: Sequence[Novelty],
                    dim: str, merged_into: Mapping[str, str] | None = None
                    ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Per label of ``dim``: the clauses of ``current`` carrying it whose counterpart (``novelty``) did not carry it
    (a new clause has none), and the clauses of ``previous`` carrying it that no clause carrying it continues
    (``merged_into``: a previous clause merged into a current one, ``align.merged``, is continued by it)."""
    had = {t.clause.clause_id: set(getattr(t.labels, dim)) for t in previous}
    has = {t.clause.clause_id: set(getattr(t.labels, dim)) for t in current}
    counterpart = {n.clause_id: n.nearest for n in novelty if not n.is_new and n.nearest}
    continued_with: dict[str, set[str]] = {}  # a previous clause -> the labels of the clauses continuing it
    for cid, prev in counterpart.items():
        continued_with.setdefault(prev, set()).update(has.get(cid, ()))
    for prev, cid in (merged_into or {}).items():
        continued_with.setdefault(prev, set()).update(has.get(cid, ()))
    gained: dict[str, list[str]] = {}
    lost: dict[str, list[str]] = {}
    for cid, labels in has.items():
        for lid in labels - had.get(counterpart.get(cid, ""), set()):
            gained.setdefault(lid, []).append(cid)
    for pid, labels in had.items():
        for lid in labels - continued_with.get(pid, set()):
            lost.setdefault(lid, []).append(pid)
    return {k: tuple(v) for k, v in gained.items()}, {k: tuple(v) for k, v in lost.items()}


def compare(current: Sequence[TaggedClause], previous: Sequence[TaggedClause], year: int, prev_year: int,
            taxonomy: Taxonomy, threshold: float = NEW_THRESHOLD, prev_documents: Sequence[Document] = (),
            explicit: bool = False, document: Document | None = None) -> YearComparison:
    """Compare one notice's tagged clauses with its previous document's (``prev_documents``: the
    document(s) ``previous`` comes from, for the report's wording; ``document``: the notice's own, for
    what sets an explicit baseline apart from its past)."""
    now, before = label_shares(current, taxonomy), label_shares(previous, taxonomy)
    aligned = align([t.clause.text for t in current], [t.clause.text for t in previous], DEFAULT_METHOD, threshold,
                    DEFAULT_CARRIED_FROM, subjects=subject_reader(taxonomy))
    novelty = tuple(
        Novelty(t.clause.clause_id, a.score, previous[a.counterpart].clause.clause_id if a.counterpart >= 0 else None,
                a.status == "new", a.status)
        for t, a in zip(current, aligned))
    into = {previous[j].clause.clause_id: current[i].clause.clause_id
            for j, i in sorted(merged([t.clause.text for t in current], [t.clause.text for t in previous], aligned,
                                      DEFAULT_METHOD, DEFAULT_CARRIED_FROM, subjects=subject_reader(taxonomy)).items())}
    changes = {}
    for dim in DIMENSIONS:
        gained_by, lost_from = _shift_evidence(current, previous, novelty, dim, into)
        had = {t.clause.clause_id: set(getattr(t.labels, dim)) for t in previous}
        has = {t.clause.clause_id: set(getattr(t.labels, dim)) for t in current}
        merged_in = {c.label_id: sum(1 for pid, cid in into.items() if c.label_id in had.get(pid, set()) & has.get(cid, set()))
                     for c in now[dim]} if into else {}
        rows = [ShareChange(dim, c.label_id, c.name, c.share, p.share, round((c.share - p.share) * 100, 1), c.count, p.count,
                            gained_by.get(c.label_id, ()), lost_from.get(c.label_id, ()), merged_in.get(c.label_id, 0))
                for c, p in zip(now[dim], before[dim])]
        changes[dim] = tuple(sorted(rows, key=lambda r: -r.delta_pp))
    gone = tuple(cid for j in dropped(aligned, len(previous)) if (cid := previous[j].clause.clause_id) not in into)
    titles = list(dict.fromkeys(d.title for d in prev_documents if d.title))
    issuers = list(dict.fromkeys(d.issuer for d in prev_documents if d.issuer))
    extra = tuple(d.doc_id for d in prev_documents if supplements(d, prev_documents))
    genres = {d.genre for d in prev_documents if d.doc_id not in extra}
    return YearComparison(year, prev_year, len(current), len(previous), changes, novelty, threshold,
                          prev_title="；".join(titles) or None, prev_issuer="、".join(issuers) or None,
                          prev_genre=genres.pop() if len(genres) == 1 else None,
                          prev_doc_ids=tuple(d.doc_id for d in prev_documents), explicit=explicit, dropped=gone, merged=into, prev_supplements=extra,
                          prev_supplement_clauses=frozenset(t.clause.clause_id for t in previous if t.clause.doc_id in extra),
                          prev_texts={t.clause.clause_id: t.clause.text for t in previous},
                          prev_years=tuple(sorted({d.year for d in prev_documents if d.year is not None})),
                          baseline_apart=baseline_difference(document, prev_documents)
                          if explicit and document is not None else None,
                          prev_other_government=explicit and document is not None and len(prev_documents) == 1
                          and has_metadata(document) and other_government(document, prev_documents[0]),
                          pool_apart=explicit and document is not None and len(prev_documents) > 1
                          and pool_apart(document, prev_documents),
                          by_year_alone=not explicit and document is not None and bool(prev_documents)
                          and not any(has_metadata(d) for d in (document, *prev_documents)))
