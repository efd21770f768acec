"""Comparison across governments (issue 19 item 3): what each issuer stresses more or less than the others.

Pure computation over tagged clauses and their documents; the renderers only format it.

*Rows* are issuer groups: one per (issuer, year, genre) in the input, the documents of that issuer,
year and genre pooled (normally one document). With one year and one genre per issuer this is
exactly an issuer × label table; with several years the rows can be filtered by year, level and
genre without mixing years in one share.

*Share* of a label in a row: the row's clauses carrying the label / the row's clauses (multi-label,
so the shares of one dimension can sum to more than 1). *Difference*: row share − mean share (below),
in percentage points.

*Like with like*: a row is compared with the other governments' rows of its *class* and *year*, as the
year-over-year pairing compares a notice with its own past (``yoy``): whole-year programmes (annual
notices and 工作要点) with programmes; a one-topic document (a 专项整治方案, an 应急预案, a one-topic
notice) with documents of its genre on the same subject (``yoy.same_topic``: two cities' 燃气 plans).
A flood notice tested against annual notices "stresses 防汛" because it is about floods, and a 100 %-燃气
plan in the pool raises the 燃气 mean every annual notice is read against. A row without a peer of its
class in another government is shown but not tested. Rows of other years are no peers: a 2026 row tested
against other governments' 2027 rows read a change of year as a difference between governments (rows of
unknown year are one another's peers). *Mean share* of a cell: the label's share over all clauses of the
rows of its class and year (the tables show one mean row per year when the rows span several).

*Chance*: for every row × label, Fisher's exact test (two-sided) of the row's clauses against the
clauses of the other governments' rows of its class (2 × 2 table: with/without the label × this
row/the rest; the issuer's own rows and every row of another year are in neither); the p-values
of all row × label tests of both dimensions are corrected together with Benjamini–Hochberg (false
discovery rate ``ALPHA`` = 0.05). A row "stresses a label more" (or less) only when its corrected
q-value is below ``ALPHA``; with ~30 clauses per notice that needs a large difference (a label on
40 % of one notice's clauses against 10 % elsewhere), which is the point: small differences at
these counts are what chance gives.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from policytag.corpus.metadata import CENTRAL_REGION, is_enterprise
from policytag.records import Document
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .tagging import TaggedClause
from .yoy import central_organs

#: false discovery rate of the Benjamini–Hochberg correction
ALPHA = 0.05
TEST_NAME = ("two-sided Fisher exact test of each issuer's clauses against the other governments' clauses of the "
             "same year and kind of document (annual notices and 工作要点 together; a one-topic document with those of its "
             f"genre and subject), p-values of all issuer × label tests Benjamini–Hochberg corrected (FDR {ALPHA:.2f})")
#: when no difference passes, reports name the nearest ones up to this q-value (a row the reader expected to
#: stand out, 4 of 9 clauses on 森林草原火灾 against a mean of 7 %, at q = 0.085, is not "no difference": it is
#: one the test cannot tell from chance at these counts, and the reader should see it was close)
NEAR_Q = 0.2
#: at most this many of them
NEAREST = 3
#: the class of the whole-year programmes, which are compared with each other whatever their titles say
PROGRAMMES = "programmes"


def _levels_note(by_level: dict) -> str | None:
    """How rows of several levels are compared, in words (``by_level``: the tested governments by level):
    a newcomer who sees a county beside its city asks whether it is ranked among the counties only or
    folded into its city. Neither: every row is tested against every other government's documents of
    its kind and year (analyst13: rows are compared within their year), whatever their level. None with one level."""
    from policytag.corpus.metadata import LEVEL_NAMES, LEVELS

    levels = sorted((v for v in by_level if v), key=lambda v: (LEVELS.index(v) if v in LEVELS else len(LEVELS), v))
    if len(levels) < 2:
        return None
    county = ", and a county is a government of its own, not part of its city" if {"city", "county"} <= set(levels) else ""
    return ("levels are compared together: each government's row is tested against every other government's "
            f"documents of its kind and year, whatever their level ({'、'.join(LEVEL_NAMES.get(v, v) for v in levels)}){county}")


def _place_name(g) -> str:
    """How the peers note names a government: its place when the issuer is named after it (南坪镇人民政府 ->
    南坪镇), else the issuer (a ministry's region is 全国, and "全国 is the only 中央 government" named no
    one the reader could find in the table)."""
    return g.region if g.region and g.issuer.startswith(g.region) else g.name


@dataclass(frozen=True)
class IssuerGroup:
    """One row: an issuer's documents of one year and genre."""

    key: str  # stable id for anchors: "g0", "g1", … in row order
    issuer: str | None  # None: the documents name no issuer (each such document is its own row)
    region: str | None
    level: str | None
    genre: str | None
    year: int | None
    doc_ids: tuple[str, ...]
    titles: tuple[str, ...]
    n_clauses: int
    #: what reports show (``display_names``): the issuer, with its region where two issuers share a
    #: name (长宁县人民政府（青川省长宁县）), or ``发文机关不详 unknown issuer: <title>``
    name: str = ""
    #: what the row is compared with (``comparison_classes``): ``programmes``, or a one-topic genre and
    #: subject (``special_plan: 城镇燃气``); rows of one class and other governments are its peers
    kind: str = PROGRAMMES
    #: how reports name the class (``annual notices and 工作要点``, ``专项整治/实施方案 on 城镇燃气``)
    kind_label: str = ""
    #: False: no other government has a row of its class, so nothing is tested for it
    tested: bool = True


@dataclass(frozen=True)
class Cell:
    """One row × label: ``count`` of the row's ``n`` clauses carry the label (``clause_ids``)."""

    dimension: str
    label_id: str
    name: str
    count: int
    n: int
    share: float
    mean_share: float  # pooled over the rows of the row's class (IssuerGroup.kind)
    diff_pp: float  # (share - mean_share) * 100
    p_value: float
    q_value: float  # Benjamini–Hochberg adjusted
    clause_ids: tuple[str, ...]
    #: False: no Fisher test was made for it (its row has no peer, or neither the row nor its peers carry the
    #: label: a table whose margin is 0 gives p = 1 whatever the counts, and counted in the family it only
    #: raised every other q); p and q are then 1 and the reports show none
    tested: bool = True

    @property
    def significant(self) -> bool:
        return self.q_value < ALPHA


@dataclass(frozen=True)
class YearMean:
    """The tables' mean row of one year (``year`` None: of unknown year): ``shares[dim][label_id]`` pooled over
    the ``n`` clauses of that year's rows of the mean's kind (``AcrossComparison.mean_of``)."""

    year: int | None
    shares: dict[str, dict[str, float]]
    n: int


@dataclass(frozen=True)
class AcrossComparison:
    """``cells[group.key][dim]``: one Cell per label (taxonomy order)."""

    groups: tuple[IssuerGroup, ...]
    cells: dict[str, dict[str, tuple[Cell, ...]]]
    mean_shares: dict[str, dict[str, float]]
    n_issuers: int  # distinct known issuers (documents without one are not counted)
    test: str = TEST_NAME
    alpha: float = ALPHA
    #: rows of documents that name no issuer (each its own row)
    n_unknown: int = 0
    #: distinct governments among the issuers (``government``: a city's organs are one); 0 = not counted
    n_governments: int = 0
    #: what ``mean_shares`` (the tables' mean row) is pooled over, when not every row: ``annual notices and 工作要点``
    mean_of: str = ""
    #: label ids any row carries, per dimension (taxonomy order)
    used: dict[str, tuple[str, ...]] | None = None
    #: the clauses ``mean_shares`` pools (the mean row's own clause count)
    mean_n: int = 0
    #: one mean row per year when the rows span several years (each row is compared within its year); empty else
    year_means: tuple[YearMean, ...] = ()

    @property
    def within_years(self) -> bool:
        """The rows span several years (an unknown one counts): each is compared with its own year's rows only."""
        return len({g.year for g in self.groups}) > 1

    def of_year(self, g: IssuerGroup) -> str:
        """`` of 2026`` (`` of unknown year``) when the rows span several years, for the words naming row ``g``'s
        peers; empty else."""
        if not self.within_years:
            return ""
        return f" of {g.year}" if g.year is not None else " of unknown year"

    def peers_label(self, g: IssuerGroup) -> str:
        """What row ``g`` is tested against, in words: ``annual notices and 工作要点 of other governments`` (``… of
        2026`` when the rows span several years)."""
        return f"{g.kind_label} of other governments{self.of_year(g)}"

    @property
    def issuers_label(self) -> str:
        """``5 issuers`` or ``5 issuers of 4 governments`` for the headings."""
        govs = f" of {self.n_governments} governments" if self.n_governments and self.n_governments != self.n_issuers else ""
        return f"{self.n_issuers} issuers{govs}"

    def more(self, key: str, dim: str) -> list[Cell]:
        """Labels the row stresses significantly more than the others, largest difference first."""
        return sorted((c for c in self.cells[key][dim] if c.significant and c.diff_pp > 0), key=lambda c: -c.diff_pp)

    def less(self, key: str, dim: str) -> list[Cell]:
        return sorted((c for c in self.cells[key][dim] if c.significant and c.diff_pp < 0), key=lambda c: c.diff_pp)

    def peers_note(self) -> str | None:
        """What the rows are compared with, where a reader could assume otherwise: rows of several
        levels are tested together (``_levels_note``), an issuer alone at its level (a township among
        provinces and cities) has no peer, and rows of several years share one mean. None when the rows
        are of one level and one year."""
        from policytag.corpus.metadata import LEVEL_NAMES

        parts = []
        by_level: dict[str | None, dict[tuple, str]] = defaultdict(dict)  # level -> government -> a name
        firms: dict[tuple, str] = {}  # the enterprises among the tested rows, in row order: identity -> name
        for g in self.groups:
            if g.issuer is not None and g.tested:  # an untested row is compared with no one: said below
                who = government((g.issuer, g.region, g.level))
                by_level[g.level].setdefault(who, _place_name(g))
                if is_enterprise(g.issuer):
                    firms.setdefault(who, g.name)
        if levels := _levels_note(by_level):
            parts.append(levels)
        # an enterprise alone at its level is named below as an enterprise, not as "the only 基层及其他 government"
        alone = [(level, name) for level, govs in by_level.items() if len(govs) == 1 and level
                 for who, name in govs.items() if who not in firms]
        if alone and len(by_level) > 1:
            parts.append("; ".join(f"{name} is the only {LEVEL_NAMES.get(level, level)} government" for level, name in alone)
                         + ": compared with governments of other levels only")
        if firms:
            parts.append(f"{'、'.join(firms.values())} {'is an enterprise' if len(firms) == 1 else 'are enterprises'}, not "
                         "a government: tested against the governments' documents of its kind as if it were one")
        untested = [f"{g.name} {g.year or ''} ({g.kind_label})".replace("  ", " ") for g in self.groups if not g.tested]
        of_year = " and year" if self.within_years else ""
        if untested:
            shown = "; ".join(untested[:6]) + (f" and {len(untested) - 6} more" if len(untested) > 6 else "")
            parts.append(f"a row is compared only with other governments' documents of its kind{of_year} (annual "
                         "notices and 工作要点 together; a one-topic document with those of its genre and subject); these "
                         f"have none here, so they are shown, not tested: {shown}")
        years = sorted({g.year for g in self.groups if g.year is not None})
        if self.within_years:
            span = f"span {years[0]}–{years[-1]}" if len(years) > 1 else f"are of {years[0] if years else ''} and of unknown year"
            parts.append(f"the rows {span}: each row is compared with the other governments' rows of its own year "
                         "only, against that year's mean (a difference across years would mix the government with the "
                         "year; rows of unknown year with one another)")
        return "; ".join(parts) or None

    def nearest_misses(self, n: int = NEAREST) -> list[tuple[IssuerGroup, Cell]]:
        """When no row × label passes the test: the tested cells with the smallest q-values below
        ``NEAR_Q`` (smallest first, at most ``n``), to be named as not beyond chance. Empty when
        something passed (that is listed instead) or nothing came near."""
        tested = self.tested_cells()
        if any(c.significant for _, c in tested):
            return []
        near = sorted(((g, c) for g, c in tested if c.q_value < NEAR_Q), key=lambda gc: (gc[1].q_value, gc[1].p_value))
        return near[:n]

    def tested_cells(self) -> list[tuple[IssuerGroup, Cell]]:
        """Every row × label the test was made for (the family Benjamini–Hochberg corrects)."""
        return [(g, c) for g in self.groups if g.tested for dim in DIMENSIONS for c in self.cells[g.key][dim] if c.tested]

    def smallest_p(self) -> tuple[IssuerGroup, Cell] | None:
        """When nothing passed and nothing came near (``nearest_misses`` empty): the tested cell of the
        smallest p-value, to be named with the number of tests, so a reader sees why 3 of 8 clauses
        against none elsewhere is not "a difference" (one of 90 tests). None when something passed,
        something came near, or nothing was tested."""
        tested = self.tested_cells()
        if not tested or any(c.significant for _, c in tested) or self.nearest_misses():
            return None
        return min(tested, key=lambda gc: (gc[1].p_value, -abs(gc[1].diff_pp)))

    @property
    def none_tested(self) -> bool:
        """No row has a peer of its kind in another government: the "stresses more or less" section has
        nothing to say, which is not the same as "no difference"."""
        return not any(g.tested for g in self.groups)

    #: what the reports say then
    NONE_TESTED = ("no two governments here have documents of one kind (annual notices and 工作要点, or one-topic "
                   "documents of one genre and subject): nothing is tested")

    def used_labels(self, dim: str) -> list[str]:
        """Label ids that at least one row uses (taxonomy order), so tables skip all-empty columns."""
        if self.used is not None:  # the mean row may be one class's: a label of another class still shows
            return list(self.used[dim])
        return [lid for lid, share in self.mean_shares[dim].items() if share > 0]


def issuer_key(doc: Document) -> str | None:
    """Who wrote it, as reports name it: the normalised issuer, else the region; None when neither is known."""
    return doc.issuer or doc.region


#: how a document without any issuer or region is named (it is never pooled with another)
UNKNOWN_ISSUER = "发文机关不详 unknown issuer"


def issuer_identity(doc: Document) -> tuple | None:
    """Who wrote it, for grouping: the issuer's name *and* its region and level, so two governments
    whose names read alike (两个长宁县人民政府 of different provinces) stay two rows; None when the
    document names neither an issuer nor a region."""
    who = issuer_key(doc)
    return None if who is None else (who, doc.region, doc.level)


def government(identity: tuple | None) -> tuple | None:
    """The government an issuer is an organ of: its region and level when the region is known (临川市's
    安委会, 应急管理局 and 人民政府 are one government, as the year-over-year pairing counts them),
    else the issuer itself; a central organ (region 全国) is its own (``yoy.central_organs``)."""
    if identity is None:
        return None
    who, region, level = identity
    if region == CENTRAL_REGION:  # each ministry is its own: all of them are of 全国
        return ("gov", region, level, central_organs(who))
    return ("gov", region, level) if region else identity


def display_names(identities: Sequence[tuple | None], titles: Sequence[str | None], doc_ids: Sequence[str]) -> list[str]:
    """One display name per identity: the issuer's name, followed by its region (else its level)
    when another identity has the same name; ``UNKNOWN_ISSUER: title`` for a document without one."""
    known = {i for i in identities if i is not None}
    out = []
    for ident, title, doc_id in zip(identities, titles, doc_ids):
        if ident is None:
            out.append(f"{UNKNOWN_ISSUER}: {title or doc_id}")
            continue
        who, region, level = ident
        same_name = [i for i in known if i[0] == who]
        if len(same_name) < 2:
            out.append(who)
        else:  # the region tells them apart, else the level
            same_region = [i for i in same_name if i[1] == region]
            out.append(f"{who}（{region if region and len(same_region) == 1 else level or region or '—'}）")
    return out


def benjamini_hochberg(p_values: Sequence[float]) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values), same order as the input, capped at 1."""
    from scipy.stats import false_discovery_control

    p = np.asarray(p_values, dtype=float)
    return p if p.size == 0 else np.minimum(false_discovery_control(p, method="bh"), 1.0)


def fisher_p(count: int, n: int, rest_count: int, rest_n: int, _cache: dict = {}) -> float:
    """Two-sided Fisher exact p-value of [[count, n - count], [rest_count, rest_n - rest_count]].
    Tables repeat a lot (labels nobody uses, single clauses), so results are cached."""
    table = (count, n - count, rest_count, rest_n - rest_count)
    if table not in _cache:
        _cache[table] = 1.0 if min(n, rest_n) == 0 else _fisher_two_sided(*table)
    return _cache[table]


#: scipy's relative tolerance for "as likely as the observed table" (``scipy.stats.fisher_exact``)
_FISHER_RTOL = 1e-7


def _fisher_two_sided(a: int, b: int, c: int, d: int) -> float:
    """The two-sided Fisher exact p-value of [[a, b], [c, d]] as ``scipy.stats.fisher_exact`` computes
    it (the hypergeometric probabilities of every table with the same margins at most as likely as
    this one, within its tolerance), in one vectorised pass over the support. Hand-written because
    fisher_exact costs about 1 ms a table in argument checks and distribution objects: the 3,356
    distinct tables of a 400-notice folder took 2.4 s, this 0.1 s (the values agree to 1e-10)."""
    from scipy.special import gammaln

    n1, n2, k = a + b, c + d, a + c
    total = n1 + n2
    x = np.arange(max(0, k - n2), min(k, n1) + 1)
    log_p = (gammaln(k + 1) - gammaln(x + 1) - gammaln(k - x + 1)
             + gammaln(total - k + 1) - gammaln(n1 - x + 1) - gammaln(total - k - n1 + x + 1)
             - gammaln(total + 1) + gammaln(n1 + 1) + gammaln(total - n1 + 1))
    observed = log_p[a - x[0]]
    return float(min(1.0, np.exp(log_p[log_p <= observed + np.log1p(_FISHER_RTOL)]).sum()))


#: the kind of a covering letter only (``yoy.covering_sentence``): each its own, so it is shown, never tested
COVERING_KIND = "a covering letter only: no work of its own"


def document_kinds(documents: Sequence[Document], letters: frozenset[str] | set[str] = frozenset()) -> dict[str, tuple[str, str]]:
    """Each document's class for the comparison across governments, ``doc_id -> (kind, label)``: the
    whole-year programmes (annual notices, 工作要点) are one class; a one-topic document (any other
    genre) is of its genre and subject (``yoy.same_topic`` against the first document of the class,
    as the year-over-year pairing and the per-issuer trend lines read subjects); documents of no stated
    genre (a clause file without metadata) are one class, as before classes were read. A covering letter only
    (``letters``, doc ids: 现将《…》转发给你们) is a class of its own whatever its title's genre: the one sentence
    of 鹭汀市人民政府办公室's 转发 letter was the city's "annual notice" row, tested against the province's notice
    it forwarded (思想认识与目标要求 +91.7 pp), and raised that year's mean of the programmes."""
    from policytag.corpus.metadata import GENRE_NAMES

    from .yoy import PERIODIC_GENRES, same_topic, title_topic

    firsts: list[tuple[tuple[str, str], Document]] = []  # one per one-topic class: the document that opened it
    out: dict[str, tuple[str, str]] = {}
    for doc in documents:
        if doc.doc_id in letters:
            out[doc.doc_id] = (f"covering: {doc.doc_id}", COVERING_KIND)
        elif doc.genre is None:
            out[doc.doc_id] = ("", "documents of no stated genre")
        elif doc.genre in PERIODIC_GENRES:
            out[doc.doc_id] = (PROGRAMMES, "annual notices and 工作要点")
        else:
            kind = next((k for k, d in firsts if d.genre == doc.genre and same_topic(doc, d)), None)
            if kind is None:
                topic, genre = title_topic(doc), GENRE_NAMES.get(doc.genre, doc.genre)
                kind = (f"{doc.genre}: {topic}#{len(firsts)}",
                        f"{genre} on {topic}" if topic else f"{genre} naming no subject in its title")
                firsts.append((kind, doc))
            out[doc.doc_id] = kind
    return out


def _pooled_shares(counts: np.ndarray, sizes: Sequence[int], rows: Sequence[int], lids: Sequence[str]) -> dict[str, float]:
    """Each label's share of all clauses of ``rows`` (pooled, not a mean of the rows' shares)."""
    n = sum(sizes[r] for r in rows)
    return {lid: float(counts[list(rows), j].sum()) / n if n else 0.0 for j, lid in enumerate(lids)}


def _reference_kind(groups: Sequence[IssuerGroup]) -> str | None:
    """The class the tables' mean row is pooled over: the programmes when they are compared (two
    governments have some), else the tested class with the most clauses; None (every row) when all
    rows are of one class or none is tested."""
    kinds = {g.kind for g in groups}
    if len(kinds) < 2:
        return None
    tested = [g for g in groups if g.tested]
    if any(g.kind == PROGRAMMES for g in tested):
        return PROGRAMMES
    if not tested:
        return None
    size: dict[str, int] = defaultdict(int)
    for g in tested:
        size[g.kind] += g.n_clauses
    return max(size, key=lambda k: (size[k], -min(i for i, g in enumerate(groups) if g.kind == k)))


#: how the across rows are ordered, as the tables' captions say it
ROW_ORDER = ("rows by administrative level (中央, 省级, 市级, 县级, 基层及其他, then rows of no stated level and "
             "documents naming no issuer), within a level by name (character code order: radical, then strokes), "
             "a government's rows together (its 人民政府 first, then its other organs by name; the programmes first, "
             "years ascending, a row of unknown year after them)")


def level_rank(level: str | None) -> int:
    """Where a level stands from the centre down (``LEVELS``: 中央 … 基层及其他); an unknown level after them
    (the across rows' order, and the HTML level column's sort key)."""
    from policytag.corpus.metadata import LEVELS

    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def _genre_rank(genre: str | None) -> int:
    """Where a genre stands within one issuer's rows: the programmes (annual notices, 工作要点) first, then
    ``GENRE_NAMES``' order, an unknown genre last."""
    from policytag.corpus.metadata import GENRE_NAMES

    from .yoy import PERIODIC_GENRES

    if genre in PERIODIC_GENRES:
        return -1
    genres = list(GENRE_NAMES)
    return genres.index(genre) if genre in genres else len(genres)


def _sort_name(identity: tuple) -> str:
    """The name a government is ordered by: its place when the issuer is named after it (临江市 for 临江市人民政府
    and 临江市安全生产委员会, so a city's organs sort as one), else the issuer (国家工贸安全监督部; 长宁县人民政府 of
    region 青川省长宁县)."""
    who, region, _ = identity
    return region if region and region != CENTRAL_REGION and who.startswith(region) else who


def _government_names(identities) -> dict[object, str]:
    """Each government's place in the order: the smallest name among its issuers, so its organs stay together."""
    gov_name: dict[object, str] = {}
    for ident in identities:
        if ident is not None:
            gov = government(ident)
            gov_name[gov] = min(gov_name.get(gov, _sort_name(ident)), _sort_name(ident))
    return gov_name


def _order_key(ident: tuple | None, doc: Document, kind_label: str, gov_name: dict[object, str]) -> tuple:
    """Where a row (or a notice) of ``doc`` stands in ``ROW_ORDER``; ``ident`` is its ``issuer_identity``."""
    if ident is None:  # after every level, by what the row is named (its title)
        return (level_rank(None) + 1, doc.title or doc.doc_id, "", "", "", 0, 0, 0, "")
    who, region, level = ident
    gov = government(ident)
    # region and the government's id break ties between two governments of one name (two 长宁县人民政府)
    # the government itself above its organs (临江市交通运输局 sorts before 临江市人民政府 by name); a document of
    # unknown year after its issuer's dated ones
    return (level_rank(level), gov_name[gov], region or "", repr(gov), not who.endswith("人民政府"), who,
            _genre_rank(doc.genre), (doc.year is None, doc.year or 0), kind_label)


def _row_order(keys: Sequence[tuple], docs: dict[tuple, Document], kinds: dict[str, tuple[str, str]]) -> list[tuple]:
    """The across rows in reading order (``ROW_ORDER``): governments by administrative level from the centre
    down, then by name, each government's rows together, and within one its 人民政府 first, then its other
    organs by name, genres (the programmes first), years ascending and subjects; documents naming no issuer last, by title. The order
    of the input plays no part: the governments followed the files' order before, so a county's notice
    given first sat above its province (and a folder named year first, 2026_…, 2027_…, spread one county's
    two 工作要点 over the table)."""
    gov_name = _government_names(k[0] for k in keys)
    return sorted(keys, key=lambda k: _order_key(k[0], docs[k], kinds[docs[k].doc_id][1], gov_name)
                  + (docs[k].doc_id,))


def document_order(documents: Sequence[Document]) -> list[Document]:
    """``documents`` in the across table's order (``ROW_ORDER``), so a report's index and its notice sections read
    as the table does: a reader who met 岫川省 above 青岚市 in one met them so in the other (the notices followed the
    files' order, the table the levels). Documents of one row (an issuer's documents of one year and genre) and
    equal keys keep the input's order; a document with no clauses, in no row, stands where its issuer's would."""
    kinds = document_kinds(documents)
    idents = [issuer_identity(d) for d in documents]
    gov_name = _government_names(idents)
    order = sorted(range(len(documents)),
                   key=lambda i: (_order_key(idents[i], documents[i], kinds[documents[i].doc_id][1], gov_name), i))
    return [documents[i] for i in order]


def _supplemented(documents: Sequence[Document]) -> dict[str, Document]:
    """``supplement's doc id -> the periodic notice it supplements`` among ``documents`` (``yoy.main_notice``)."""
    from .yoy import main_notice

    return {d.doc_id: m for d in documents if (m := main_notice(d, documents)) is not None}


def build_across(documents: Sequence[Document], tagged: Sequence[TaggedClause], taxonomy: Taxonomy,
                 min_issuers: int = 2) -> AcrossComparison | None:
    """The comparison across issuers of ``documents`` (rows in ``_row_order``), or None
    when fewer than ``min_issuers`` distinct issuers have tagged clauses."""
    by_doc: dict[str, list[TaggedClause]] = defaultdict(list)
    for t in tagged:
        by_doc[t.clause.doc_id].append(t)
    from .yoy import covering_sentence

    letters = {d.doc_id for d in documents if covering_sentence(by_doc.get(d.doc_id, ()))}
    kinds = document_kinds([d for d in documents if by_doc.get(d.doc_id)], letters)
    grouped: dict[tuple, list[Document]] = {}
    # a supplement (…工作的补充通知 beside its …工作的通知, ``yoy.supplements``) stands in its main notice's row: one
    # programme, as the year-over-year baseline reads them; alone it was an untested 其他文件 row "on 的补充通知"
    main_of = _supplemented([d for d in documents if by_doc.get(d.doc_id) and d.doc_id not in letters])
    for doc in sorted(documents, key=lambda d: d.doc_id in main_of):  # the main notices first: they open the rows
        if not by_doc.get(doc.doc_id):
            continue
        ident = issuer_identity(doc)
        at = main_of.get(doc.doc_id, doc)
        # a document naming no issuer is its own row: two unknowns are not one government; an issuer's
        # two plans of one year on two subjects are two rows (each is compared with its own subject's)
        grouped.setdefault((ident, at.year, at.genre, kinds[at.doc_id]) if ident else (None, doc.doc_id), []).append(doc)
    # "across governments" needs two governments: a city's 安委会 beside its own government is one
    if len({government(k[0]) for k in grouped if k[0] is not None}) < min_issuers:
        return None
    keys = _row_order(list(grouped), {k: docs[0] for k, docs in grouped.items()}, kinds)
    names = display_names([k[0] for k in keys], [grouped[k][0].title for k in keys], [grouped[k][0].doc_id for k in keys])
    row_kind = [kinds[grouped[k][0].doc_id] for k in keys]
    govs = [government(k[0]) if k[0] is not None else ("doc", k[1]) for k in keys]
    row_year = [grouped[k][0].year for k in keys]
    # a row's peers: the other governments' rows of its class *and year* (the rest its Fisher test is against).
    # Across years a row's difference mixed "this government" with "this year": 石桥县's 2026 工作要点 was tested
    # against 柘溪市's 2027 one. Rows of unknown year are one another's peers (a clause file naming no years)
    peers = [[r for r in range(len(keys)) if row_kind[r][0] == row_kind[i][0] and govs[r] != govs[i]
              and row_year[r] == row_year[i]] for i in range(len(keys))]
    groups, members = [], []
    for i, (k, name) in enumerate(zip(keys, names)):
        docs = grouped[k]
        clauses = [t for d in docs for t in by_doc[d.doc_id]]
        groups.append(IssuerGroup(f"g{i}", k[0][0] if k[0] else None, docs[0].region, docs[0].level, docs[0].genre,
                                  docs[0].year, tuple(d.doc_id for d in docs),
                                  tuple(dict.fromkeys(d.title for d in docs if d.title)), len(clauses), name,
                                  row_kind[i][0], row_kind[i][1], bool(peers[i])))
        members.append(clauses)
    sizes = [g.n_clauses for g in groups]
    # counts[dim][row, label] and the clause ids behind each
    counts, ids = {}, {}
    for dim in DIMENSIONS:
        lids = taxonomy[dim].ids
        col = {lid: j for j, lid in enumerate(lids)}
        m = np.zeros((len(groups), len(lids)), dtype=int)
        who: dict[tuple[int, int], list[str]] = defaultdict(list)
        for i, clauses in enumerate(members):
            for t in clauses:
                for lid in getattr(t.labels, dim):
                    m[i, col[lid]] += 1
                    who[(i, col[lid])].append(t.clause.clause_id)
        counts[dim], ids[dim] = m, who
    # each class's mean share in each year: pooled over its rows of that year (own government included, as the one
    # mean was), what a cell's difference is read against
    of_kind = {kind: [r for r in range(len(keys)) if row_kind[r][0] == kind] for kind, _ in row_kind}
    of_kind_year: dict[tuple, list[int]] = defaultdict(list)
    for r in range(len(keys)):
        of_kind_year[(row_kind[r][0], row_year[r])].append(r)
    class_means = {ky: {dim: _pooled_shares(counts[dim], sizes, rows, taxonomy[dim].ids) for dim in DIMENSIONS}
                   for ky, rows in of_kind_year.items()}
    # one p-value per tested row × label of both dimensions, corrected as one family. A row is tested
    # against the other *governments'* rows of its class: the same issuer's other years and genres
    # are not "the others" (a county's 2026 plan was tested against a rest holding its own 2027 plan),
    # nor are the other organs of its government (the city's 安委会 for the city government's notice)
    raw: list[tuple[str, int, int, float]] = []
    for dim in DIMENSIONS:
        for i, g in enumerate(groups):
            if not peers[i]:
                continue
            rest = counts[dim][peers[i]].sum(axis=0)
            rest_n = sum(sizes[r] for r in peers[i])
            for j in range(len(taxonomy[dim].ids)):
                if not counts[dim][i, j] and not rest[j]:
                    # a label neither the row nor its peers carry: nothing to test (p = 1 whatever happens). In the
                    # family it made 苔溪县's 非煤矿山 (4 of 5 clauses, none in the two other counties) one of 90
                    # tests where the tables show 17 labels: its q was 0.330, now 0.187
                    continue
                raw.append((dim, i, j, fisher_p(int(counts[dim][i, j]), g.n_clauses, int(rest[j]), rest_n)))
    q = benjamini_hochberg([r[3] for r in raw])
    qv = {(dim, i, j): (p, float(qq)) for (dim, i, j, p), qq in zip(raw, q)}
    cells: dict[str, dict[str, tuple[Cell, ...]]] = {}
    for i, g in enumerate(groups):
        cells[g.key] = {}
        for dim in DIMENSIONS:
            row = []
            for j, lid in enumerate(taxonomy[dim].ids):
                c = int(counts[dim][i, j])
                share = c / g.n_clauses if g.n_clauses else 0.0
                mean = class_means[(g.kind, g.year)][dim][lid]
                # untested: no peer of its class, or a label no one of them carries
                p, qq = qv.get((dim, i, j), (1.0, 1.0))
                row.append(Cell(dim, lid, taxonomy[dim].name_of(lid), c, g.n_clauses, share, mean,
                                round((share - mean) * 100, 1), p, qq, tuple(ids[dim].get((i, j), ())),
                                tested=(dim, i, j) in qv))
            cells[g.key][dim] = tuple(row)
    ref = _reference_kind(groups)
    mean_rows = of_kind[ref] if ref is not None else list(range(len(groups)))
    mean_shares = {dim: _pooled_shares(counts[dim], sizes, mean_rows, taxonomy[dim].ids) for dim in DIMENSIONS}
    used = {dim: tuple(lid for j, lid in enumerate(taxonomy[dim].ids) if counts[dim][:, j].any()) for dim in DIMENSIONS}
    # the tables' mean row of each year when the rows span several: the one mean of 2026 and 2027 together was what no
    # row is read against any more
    years = sorted({row_year[r] for r in mean_rows}, key=lambda y: (y is None, y or 0))
    year_means = tuple(YearMean(y, {dim: _pooled_shares(counts[dim], sizes, rows, taxonomy[dim].ids) for dim in DIMENSIONS},
                                sum(sizes[r] for r in rows))
                       for y in years if (rows := [r for r in mean_rows if row_year[r] == y])) if len(years) > 1 else ()
    return AcrossComparison(tuple(groups), cells, mean_shares, len({k[0] for k in keys if k[0] is not None}),
                            n_unknown=sum(1 for k in keys if k[0] is None),
                            n_governments=len({government(k[0]) for k in keys if k[0] is not None}),
                            mean_of=next(g.kind_label for g in groups if g.kind == ref) if ref is not None else "",
                            used=used, mean_n=sum(sizes[r] for r in mean_rows), year_means=year_means)


@dataclass(frozen=True)
class IssuerTrend:
    """One issuer's label shares per year for one genre (several documents of a year pooled; ``issuer``
    is the display name, with the genre when the issuer has several): ``shares[dim][label_id]``
    aligned with ``years``; years without a document of the issuer are absent (the line has a gap)."""

    issuer: str
    level: str | None
    years: tuple[int, ...]
    n_clauses: tuple[int, ...]
    shares: dict[str, dict[str, tuple[float, ...]]]
    genre: str | None = None


def issuer_trends(documents: Sequence[Document], tagged: Sequence[TaggedClause], taxonomy: Taxonomy,
                  min_issuers: int = 2) -> tuple[IssuerTrend, ...]:
    """Per-issuer trend lines (issue 19 item 5): every issuer with documents of at least one year,
    when the input holds at least ``min_issuers`` issuers and at least two years overall."""
    by_doc: dict[str, list[TaggedClause]] = defaultdict(list)
    for t in tagged:
        by_doc[t.clause.doc_id].append(t)
    # one line per issuer and genre: a 工作要点's shares and an 应急预案's are not one government's trend;
    # outside the periodic genres one line per subject too (a 燃气 plan then a 自建房 plan is no trend)
    from .yoy import PERIODIC_GENRES, covering_sentence, same_topic, title_topic

    per: dict[tuple, dict[int, list[TaggedClause]]] = defaultdict(lambda: defaultdict(list))
    first: dict[tuple, Document] = {}  # each line's first document: later ones join it on the same subject
    for doc in documents:
        ident = issuer_identity(doc)
        # a covering letter only is no year of its issuer's course (its one sentence read "100 %" on a line)
        if ident is None or doc.year is None or not by_doc.get(doc.doc_id) or covering_sentence(by_doc[doc.doc_id]):
            continue
        key = (ident, doc.genre, "")
        if doc.genre not in PERIODIC_GENRES:
            key = next((k for k, d in first.items() if k[:2] == (ident, doc.genre) and same_topic(doc, d)),
                       (ident, doc.genre, title_topic(doc)))
        first.setdefault(key, doc)
        per[key][doc.year].extend(by_doc[doc.doc_id])
    if len({k[0] for k in per}) < min_issuers or len({y for years in per.values() for y in years}) < 2:
        return ()
    from policytag.corpus.metadata import GENRE_NAMES

    # the lines in the across table's order (``ROW_ORDER``: by level, then name), not the files'
    keys = sorted(per, key=lambda k: (level_rank(k[0][2]), _sort_name(k[0]), k[0][1] or "", k[0][0], _genre_rank(k[1]),
                                      k[2]))
    names = display_names([k[0] for k in keys], [None] * len(keys), [""] * len(keys))
    several_genres = {k[0] for k in keys if sum(1 for j in keys if j[0] == k[0]) > 1}
    out = []
    for (ident, genre, topic), name in zip(keys, names):
        years = per[(ident, genre, topic)]
        if ident in several_genres and genre:
            name = f"{name} · {GENRE_NAMES.get(genre, genre)}"
            if sum(1 for j in keys if j[:2] == (ident, genre)) > 1 and topic:
                name = f"{name} · {topic}"
        ys = sorted(years)
        shares: dict[str, dict[str, list[float]]] = {dim: {lid: [] for lid in taxonomy[dim].ids} for dim in DIMENSIONS}
        for y in ys:
            clauses = years[y]
            for dim in DIMENSIONS:
                cnt = dict.fromkeys(taxonomy[dim].ids, 0)
                for t in clauses:
                    for lid in getattr(t.labels, dim):
                        cnt[lid] += 1
                for lid, c in cnt.items():
                    shares[dim][lid].append(c / len(clauses))
        out.append(IssuerTrend(name, ident[2], tuple(ys), tuple(len(years[y]) for y in ys),
                               {dim: {lid: tuple(v) for lid, v in d.items()} for dim, d in shares.items()}, genre))
    return tuple(out)
