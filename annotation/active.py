"""Active learning: which unlabelled clauses to label next, and putting them first in Label Studio.

Strategies (``rank``; every one returns picks best first, each with a one-line reason):

* ``uncertainty`` — least margin to the tagger's own per-label thresholds over *both* dimensions:
  a clause is uncertain when some label's probability sits close to the threshold that decides it.
  The margin is measured in the threshold's own units (``|p - t| / t`` below it, ``/ (1 - t)``
  above), so a label with threshold 0.2 and one with 0.7 are compared fairly.
* ``diversity`` — k-means over TF-IDF character n-gram vectors of the pool (the clause embedding
  used here: cheap, model-independent, and in this genre near-duplicates share n-grams), the
  clause nearest each centre, biggest clusters first.
* ``mixed`` — uncertainty first, diversity second (Zhdanov 2019, "diverse mini-batch active
  learning"): keep the ``prefilter × n`` most uncertain clauses, cluster them into ``n`` groups with
  uncertainty as the sample weight, pick the most uncertain clause of each group. Uncertainty alone
  picks near-duplicates here (the same sentence recurs year after year).
* ``random`` — a seeded shuffle (the baseline the learning-curve benchmark compares against).

``mixed`` and ``diversity`` take each wording once (``same_wording``: punctuation and digits aside,
character 4-gram Jaccard >= 0.9, the corpus's near-duplicate threshold): a sentence repeated in 30
notices is one candidate, and its copies come only after every distinct wording, so a batch of 10
is never the same words 10 times (it was, when those copies were the least certain clauses).

Why not small-text: its query strategies (1.4) run on its own ``Dataset``/``Classifier``
abstractions with one label matrix and a single threshold; our taggers have two label dimensions
with tuned per-label thresholds, and the two functions we need are a few lines over scikit-learn.

Queue ordering that Label Studio Community honours (``write_queue``): the rank and the reason are
written into each chosen task's data (``al_rank``, ``al_score``, ``al_reason``, ``al_strategy``),
a Data Manager tab orders by ``al_rank`` (numeric; tasks without a rank sort last), and the
project samples sequentially, so *Label All Tasks* from that tab serves rank 1, 2, 3 …
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import numpy as np

from policytag import PolicytagError
from policytag.corpus.dedup import NEAR_DUPLICATE_JACCARD, content_key, shingles
from policytag.records import Clause
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .client import ensure_view

STRATEGIES = ("uncertainty", "diversity", "mixed", "random")
#: task-data keys written by ``write_queue``
RANK_KEY, SCORE_KEY, REASON_KEY, STRATEGY_KEY = "al_rank", "al_score", "al_reason", "al_strategy"
AL_KEYS = (RANK_KEY, SCORE_KEY, REASON_KEY, STRATEGY_KEY)
VIEW_TITLE = "policytag: label next"
SEQUENTIAL = "Sequential sampling"


@dataclass(frozen=True)
class Pick:
    """One chosen clause: its position in the pool, rank (1 = label first), score and reason."""

    index: int
    rank: int
    score: float
    reason: str


# --- uncertainty ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Closest:
    """The label whose decision is the closest call for one clause."""

    margin: float  # 0 = exactly at the threshold, 1 = as far as it can be
    dim: str
    label: str
    p: float
    t: float


def closest_calls(proba: dict[str, np.ndarray], thresholds: dict[str, np.ndarray], taxonomy: Taxonomy) -> list[Closest]:
    """Per clause, the least normalised margin ``|p - t|`` over every label of both dimensions."""
    n = len(next(iter(proba.values())))
    best: list[Closest | None] = [None] * n
    for dim in DIMENSIONS:
        p = np.asarray(proba[dim], dtype=float)
        t = np.broadcast_to(np.asarray(thresholds[dim], dtype=float), p.shape)
        span = np.where(p >= t, 1.0 - t, t)  # room between the threshold and the end it is heading to
        margin = np.abs(p - t) / np.maximum(span, 1e-6)
        j = margin.argmin(axis=1)
        ids = taxonomy[dim].ids
        for i in range(n):
            m = float(margin[i, j[i]])
            if best[i] is None or m < best[i].margin:
                best[i] = Closest(min(m, 1.0), dim, ids[j[i]], float(p[i, j[i]]), float(t[i, j[i]]))
    return best  # type: ignore[return-value]


def uncertainty_scores(proba, thresholds, taxonomy) -> tuple[np.ndarray, list[Closest]]:
    """``1 - margin`` per clause (1 = a label right at its threshold) and the closest calls."""
    calls = closest_calls(proba, thresholds, taxonomy)
    return np.array([1.0 - c.margin for c in calls]), calls


def _call_text(c: Closest, taxonomy: Taxonomy) -> str:
    side = "just above" if c.p >= c.t else "just below"
    return f"{c.dim} {taxonomy[c.dim].name_of(c.label)} p={c.p:.2f} {side} its threshold {c.t:.2f}"


# --- diversity -----------------------------------------------------------------------------------
def clause_vectors(clauses: Sequence[Clause]):
    """L2-normalised TF-IDF character 1-3-gram vectors (sparse) of heading path + text."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from policytag.models.features import inputs

    texts = inputs(clauses, use_heading=True)
    return TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=1, sublinear_tf=True).fit_transform(texts)


def _kmeans(X, k: int, seed: int, weights=None):
    from sklearn.cluster import KMeans

    km = KMeans(n_clusters=k, n_init=3, random_state=seed)
    km.fit(X, sample_weight=weights)
    dist = km.transform(X)  # [n, k] distance to every centre
    return km.labels_, dist


def _diverse(X, n: int, seed: int, fitted=None) -> list[tuple[int, int, int]]:
    """(index, cluster, cluster size) for the clause nearest each of ``n`` k-means centres, biggest
    first (``fitted``: ``_kmeans(X, n, seed)`` when the caller has it already)."""
    labels, dist = fitted or _kmeans(X, n, seed)
    out = []
    for k in range(n):
        members = np.where(labels == k)[0]
        if len(members):
            out.append((int(members[dist[members, k].argmin()]), k, len(members)))
    return sorted(out, key=lambda x: (-x[2], x[0]))


# --- spreading over documents and genres ---------------------------------------------------------
#: a document may fill at most this many times its fair share (n / documents in the pool) of a batch
DOC_SHARE = 2


def _group_of(clause: Clause | None, attr: str) -> str | None:
    return getattr(clause, attr, None) if clause is not None else None


def spread(order: Sequence[int], clauses: Sequence[Clause | None], n: int) -> tuple[list[int], set[int]]:
    """The first ``n`` of ``order`` (pool indices, best first) once spread over documents and
    genres; returns them best first and the ones taken for a genre that had none.

    Uncertainty clusters inside a document: a notice of a genre the model has not seen is
    uncertain from its first clause to its last, and a batch would be one document, while a genre
    whose clauses sit just out of the top 3×n gets no label at all. So (1) when the pool holds
    several genres and ``n`` is at least their number, every genre gets its best clause; (2) no
    document takes more than ``DOC_SHARE`` times its fair share (``ceil(DOC_SHARE·n / documents)``,
    so a pool of one document is not capped); (3) if the cap leaves the batch short, the rest
    comes in order. A clause without ``doc_id``/``genre`` belongs to no group.
    """
    import math

    n = min(n, len(order))
    docs = {_group_of(clauses[i], "doc_id") for i in order} - {None}
    cap = math.ceil(DOC_SHARE * n / len(docs)) if docs else n
    genres: dict[str, int] = {}
    for i in order:  # each genre's best clause, in order of how good that clause is
        g = _group_of(clauses[i], "genre")
        if g is not None and g not in genres:
            genres[g] = i
    chosen: list[int] = []
    per_doc: dict[str, int] = {}

    def take(i: int) -> None:
        chosen.append(i)
        d = _group_of(clauses[i], "doc_id")
        if d is not None:
            per_doc[d] = per_doc.get(d, 0) + 1

    by_genre: set[int] = set()
    if len(genres) > 1 and n >= len(genres):
        for i in genres.values():
            take(i)
        by_genre = set(chosen)
    for capped in (True, False):
        for i in order:
            if len(chosen) >= n:
                break
            d = _group_of(clauses[i], "doc_id")
            if i in chosen or (capped and d is not None and per_doc.get(d, 0) >= cap):
                continue
            take(i)
    position = {i: k for k, i in enumerate(order)}
    chosen.sort(key=position.__getitem__)
    # a genre's best clause that the plain order would not have chosen is marked as such
    plain = set(order[:n])
    return chosen, {i for i in by_genre if i not in plain}


# --- one wording once ----------------------------------------------------------------------------
#: two clauses share a wording when their character 4-gram sets overlap this much: the corpus's
#: near-duplicate threshold (``policytag.corpus.dedup``), here on clauses
SAME_WORDING_JACCARD = NEAR_DUPLICATE_JACCARD
_DIGITS = re.compile(r"\d+")


def wording_key(clause: Clause) -> str:
    """The clause text without whitespace and punctuation (``dedup.content_key``) and with every run
    of digits one ``0``: a sentence repeated year after year differs only in its year and figures."""
    return _DIGITS.sub("0", content_key(clause.text))


def same_wording(order: Sequence[int], clauses: Sequence[Clause]) -> dict[int, int]:
    """For each clause of ``order`` (pool indices, best first) that repeats the wording of an earlier
    one: its index -> the earlier one's.

    Hand-written prefix filtering (Chaudhuri et al. 2006) rather than all pairs: two 4-gram sets with
    Jaccard >= t share one of the first ``|x| - ceil(t·|x|) + 1`` grams of each in one global order, so
    each clause is compared only with the earlier ones that share such a gram (no dependency
    for the few lines; datasketch's MinHash would be approximate)."""
    import math

    t = SAME_WORDING_JACCARD
    exact: dict[str, int] = {}
    grams: dict[int, set[str]] = {}
    postings: dict[str, list[int]] = {}
    copies: dict[int, int] = {}
    for i in order:
        key = wording_key(clauses[i])
        if key in exact:
            copies[i] = copies.get(exact[key], exact[key])
            continue
        exact[key] = i
        mine = shingles(key)
        prefix = sorted(mine)[: len(mine) - math.ceil(t * len(mine)) + 1]
        seen: set[int] = set()
        for g in prefix:
            for j in postings.get(g, ()):
                if j not in seen:
                    seen.add(j)
                    if len(mine & grams[j]) / len(mine | grams[j]) >= t:
                        copies[i] = j
                        break
            if i in copies:
                break
        if i in copies:
            continue
        grams[i] = mine
        for g in prefix:
            postings.setdefault(g, []).append(i)
    return copies


def _once_per_wording(order: Sequence[int], clauses: Sequence[Clause]) -> tuple[list[int], list[int], dict[int, int]]:
    """``order`` split into its first clause of each wording and the copies (both in order), and the
    map copy -> first clause."""
    copies = same_wording(order, clauses)
    return [i for i in order if i not in copies], [i for i in order if i in copies], copies


def _fill(chosen: list[int], copies: Sequence[int], n: int) -> list[int]:
    """A batch short of ``n`` distinct wordings takes copies, in order, at its end."""
    return chosen + [i for i in copies if i not in chosen][: max(0, n - len(chosen))]


def _wording_note(i: int, copy_of: dict[int, int], rank_of: dict[int, int]) -> str:
    """The reason's end: the copies a pick stands for, or whose wording a filling copy repeats."""
    if i in copy_of:
        first = copy_of[i]
        return (f" (same wording as rank {rank_of[first]}: the pool has too few distinct wordings)"
                if first in rank_of else " (same wording as a clause outside the batch)")
    k = sum(1 for j in copy_of.values() if j == i)
    return f" (stands for {k} more clause(s) of the same wording)" if k else ""


# --- ranking -------------------------------------------------------------------------------------
def _batch(order: Sequence[int], clauses: Sequence[Clause | None], n: int, spread_batch: bool) -> tuple[list[int], set[int]]:
    """``spread(order, clauses, n)``, or the first ``n`` of ``order`` as they come when not spreading."""
    return spread(order, clauses, n) if spread_batch else (list(order[:n]), set())


def rank(strategy: str, clauses: Sequence[Clause], n: int, taxonomy: Taxonomy,
         proba: dict[str, np.ndarray] | None = None, thresholds: dict[str, np.ndarray] | None = None,
         seed: int = 0, prefilter: int = 3, spread_batch: bool = True) -> list[Pick]:
    """The ``n`` clauses of ``clauses`` to label next under ``strategy`` (best first).

    ``proba``/``thresholds`` (the tagger's ``predict_proba`` on ``clauses`` and its tuned
    ``thresholds_``) are needed by ``uncertainty`` and ``mixed``. ``spread_batch=False`` leaves
    out the spread over documents and genres of ``mixed`` and ``diversity`` (their ranking before
    it: benchmarks/active_learning.py measures both).
    """
    if strategy not in STRATEGIES:
        raise PolicytagError(f"unknown strategy {strategy!r} (choose from {', '.join(STRATEGIES)})")
    total = len(clauses)
    n = min(int(n), total)
    if n <= 0:
        return []
    if strategy == "random":
        order = np.random.default_rng(seed).permutation(total)[:n]
        return [Pick(int(i), r + 1, 0.0, f"random pick (seed {seed})") for r, i in enumerate(order)]
    if strategy == "diversity":
        fitted = None
        if n == total:
            chosen = [(i, 0, 1) for i in range(total)]
        else:
            X = clause_vectors(clauses)
            fitted = _kmeans(X, n, seed)
            chosen = _diverse(X, n, seed, fitted)
        reps = {i: (k, size) for i, k, size in chosen}
        # the other clauses, nearest to their own centre first, for the places the spread frees
        rest = [i for i in range(total) if i not in reps]
        if fitted is not None:
            labels, dist = fitted
            rest.sort(key=lambda i: (dist[i, labels[i]], i))
        distinct, copies, copy_of = _once_per_wording([i for i, _, _ in chosen] + rest, clauses)
        order, genre_picks = _batch(distinct, clauses, n, spread_batch)
        order = _fill(order, copies, n)
        rank_of = {i: r + 1 for r, i in enumerate(order)}

        def why(i: int) -> str:
            if i in reps and i not in copy_of:
                k, size = reps[i]
                text = f"represents cluster {k + 1}/{n} of {size} similar clause(s)"
            else:
                text = "near a cluster centre" + (
                    "" if i in copy_of else " (its genre had no clause in the batch)" if i in genre_picks
                    else " (in place of a clause of a document already well represented)")
            return text + _wording_note(i, copy_of, rank_of)
        return [Pick(i, r + 1, float(reps.get(i, (0, 0))[1]), why(i)) for r, i in enumerate(order)]
    if proba is None or thresholds is None:
        raise PolicytagError(f"the {strategy} strategy needs a model's probabilities and thresholds")
    scores, calls = uncertainty_scores(proba, thresholds, taxonomy)
    by_uncertainty = np.lexsort((np.arange(total), -scores))  # most uncertain first, stable
    if strategy == "uncertainty":
        return [Pick(int(i), r + 1, round(float(scores[i]), 4), "closest call: " + _call_text(calls[i], taxonomy))
                for r, i in enumerate(by_uncertainty[:n])]
    # mixed: over the first clause of each wording (a sentence repeated in 30 notices is one
    # candidate, not 30 that fill the prefilter and every cluster)
    distinct, copies, copy_of = _once_per_wording([int(i) for i in by_uncertainty], clauses)
    pool = np.asarray(distinct[: max(n, prefilter * n)], dtype=int)
    k = min(n, len(pool))
    if len(pool) == k:
        groups = [(int(i), c, 1) for c, i in enumerate(pool)]
    else:
        X = clause_vectors([clauses[i] for i in pool])
        labels, _ = _kmeans(X, k, seed, weights=np.maximum(scores[pool], 1e-3))
        groups = []
        for c in range(k):
            members = pool[labels == c]
            if len(members):
                groups.append((int(members[scores[members].argmax()]), c, len(members)))
    groups.sort(key=lambda g: (-scores[g[0]], g[0]))
    sizes = {i: size for i, _, size in groups}
    # the cluster representatives first, then every other wording by uncertainty, for the places
    # that spreading over documents and genres frees; copies only when the wordings run out
    order, genre_picks = _batch([i for i, _, _ in groups] + [i for i in distinct if i not in sizes],
                                clauses, n, spread_batch)
    order = _fill(order, copies, n)
    rank_of = {i: r + 1 for r, i in enumerate(order)}

    def why(i: int) -> str:
        if i in sizes:
            head = f"most uncertain of {sizes[i]} similar clause(s) among the {len(pool)} least certain: "
        elif i in copy_of:
            head = "next most uncertain: "
        elif i in genre_picks:
            head = "most uncertain clause of its genre (none in the batch otherwise): "
        else:
            head = "next most uncertain (a document already well represented left a place): "
        return head + _call_text(calls[i], taxonomy) + _wording_note(i, copy_of, rank_of)
    return [Pick(i, r + 1, round(float(scores[i]), 4), why(i)) for r, i in enumerate(order)]


def model_inputs(tagger, clauses: Sequence[Clause]) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """``(predict_proba(clauses), thresholds)`` of a tagger (the tagger interface only)."""
    proba = tagger.predict_proba(list(clauses))
    thresholds = getattr(tagger, "thresholds_", None)
    if thresholds is None:
        raise PolicytagError(f"{tagger.model_version} has no tuned thresholds; the uncertainty strategies need them")
    return proba, thresholds


# --- Label Studio --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Progress:
    """How far a task is from labelled: the annotations it asks for and has, and who left a draft.

    ``wanted`` is Label Studio's task ``overlap`` (``annotate push --overlap 2`` sets it to 2 on every
    task; Label Studio's own ``is_labeled`` is ``annotations >= overlap``). A task with 1 of its 2 is
    not labelled: it stays in the queue until it has what it asks for."""

    wanted: int = 1
    submitted: int = 0  # annotations submitted (a skip is none)
    drafts: tuple[str, ...] = ()  # who holds an unsubmitted draft ("another annotator": unknown)

    @property
    def complete(self) -> bool:
        return self.submitted >= self.wanted

    @property
    def started(self) -> bool:
        return self.submitted > 0

    def note(self) -> str:
        """The reason's end for a task some work went into already ("" for one nobody touched)."""
        parts = []
        if self.started and not self.complete:
            parts.append(f"{self.submitted} of {self.wanted} annotations submitted, "
                         f"needs {self.wanted - self.submitted} more")
        if self.drafts:
            parts.append(f"draft by {', '.join(self.drafts)} (not submitted)")
        return f" [{'; '.join(parts)}]" if parts else ""


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a task or annotation as the SDK (an object) or a JSON export (a dict) gives it."""
    value = obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)
    return default if value is None else value


def task_progress(task: Any, drafts: Sequence[str] = ()) -> Progress:
    """The ``Progress`` of one task of Label Studio's task list (``fields="all"``).

    ``drafts``: who holds a draft of it, when known (the list shows the key owner's drafts only, and
    other people's as ``draft_exists``: ``project_tasks`` reads their names from one export)."""
    wanted = _get(task, "overlap", 1)
    wanted = wanted if isinstance(wanted, int) and not isinstance(wanted, bool) and wanted >= 1 else 1
    submitted = sum(not _get(a, "was_cancelled", False) for a in _get(task, "annotations", []) or [])
    named = list(dict.fromkeys(drafts))
    if not named and (_get(task, "draft_exists", False) or _get(task, "drafts", [])):
        named = ["another annotator"]
    return Progress(wanted, submitted, tuple(named))


@dataclass
class QueueTask:
    task_id: int
    data: dict[str, Any]
    clause: Clause
    progress: Progress = field(default_factory=Progress)


def clause_of_task(data: dict[str, Any], task_id: int) -> Clause | None:
    """The clause of a task's data (``Clause.from_row``); None for a task that holds none."""
    try:
        return Clause.from_row(data, clause_id=str(task_id))
    except ValueError:
        return None


def project_tasks(session, project) -> tuple[list[QueueTask], list[QueueTask], int]:
    """(tasks that want an annotation still, tasks that carry an ``al_rank`` but are labelled, how many
    clause tasks are labelled) of a project.

    "Labelled" is Label Studio's: as many submitted annotations as the task's ``overlap`` asks for, so
    in an ``--overlap 2`` project a task with one annotation is still in the queue. Each task's
    ``progress`` says so, and who left a draft on it (read from one export, only when some task of
    the queue has another person's draft)."""
    unlabelled, labelled_ranked = [], []
    labelled = 0
    with session.errors(f"listing the tasks of project {project.id}"):
        for task in session.tasks(project.id):
            data = dict(task.data or {})
            clause = clause_of_task(data, int(task.id))
            if clause is None:
                continue
            progress = task_progress(task)
            item = QueueTask(int(task.id), data, clause, progress)
            labelled += progress.complete
            if not progress.complete:
                unlabelled.append(item)
            elif RANK_KEY in data:
                labelled_ranked.append(item)
    if any(t.progress.drafts for t in unlabelled):
        whose = draft_authors(session, project)
        unlabelled = [replace(t, progress=replace(t.progress, drafts=tuple(whose[t.task_id])))
                      if t.progress.drafts and whose.get(t.task_id) else t for t in unlabelled]
    return unlabelled, labelled_ranked, labelled


def draft_authors(session, project) -> dict[int, list[str]]:
    """``{task id: [who holds a draft]}`` from one export with the drafts whole (as ``annotate pull``
    reads it, names as the pull gives them); {} when the key may not export (the queue then says
    "another annotator")."""
    from .client import list_users
    from .pull import draft_entry

    try:
        users = {uid: u.name for uid, u in list_users(session).items()}
    except PolicytagError:  # a key that may not list users: the export's own name
        users = {}
    try:
        with session.errors(f"reading the drafts of project {project.id}"):
            export = session.export_tasks(project.id)
    except PolicytagError:
        return {}
    out: dict[int, list[str]] = {}
    for task in export:
        drafts = task.get("drafts") if isinstance(task, dict) else None
        if isinstance(drafts, list) and drafts and isinstance(task.get("id"), int):
            names = [draft_entry(d, task["id"], "", users)["annotator"] for d in drafts]
            out[task["id"]] = list(dict.fromkeys(n for n in names if n != "unknown"))
    return out


_SAME_RANK = re.compile(r"(same wording as rank )(\d+)")


def rank_tasks(strategy: str, pool: Sequence[QueueTask], n: int, taxonomy: Taxonomy,
               proba: dict[str, np.ndarray] | None = None, thresholds: dict[str, np.ndarray] | None = None,
               seed: int = 0) -> list[Pick]:
    """``rank`` over the queue's tasks: first the tasks nobody annotated yet, then those that have some
    of the annotations their ``overlap`` asks for, each group by ``strategy``; every reason ends with
    the task's progress (``1 of 2 annotations submitted, needs 1 more``, ``draft by lan``).

    Why a started task comes after every untouched one: active learning picks what the model should
    learn next, and a task nobody labelled adds a clause the training set lacks, while a second
    annotation checks a label the training set holds already (agreement, adjudication). It is not
    dropped: a batch larger than the untouched tasks, or a queue of started tasks only, ranks them,
    and the tab serves them in that order. ``proba`` is over ``pool``, as ``model_inputs`` gives it.
    """
    fresh = [i for i, t in enumerate(pool) if not t.progress.started]
    started = [i for i, t in enumerate(pool) if t.progress.started]
    picks: list[Pick] = []
    for group in (fresh, started):
        room = int(n) - len(picks)
        if room <= 0 or not group:
            continue
        sub = None if proba is None else {dim: np.asarray(p)[group] for dim, p in proba.items()}
        offset = len(picks)  # the group's "same wording as rank K" counts from its own first pick
        for p in rank(strategy, [pool[i].clause for i in group], room, taxonomy, sub, thresholds, seed=seed):
            i = group[p.index]
            reason = _SAME_RANK.sub(lambda m: f"{m[1]}{int(m[2]) + offset}", p.reason) if offset else p.reason
            picks.append(Pick(i, len(picks) + 1, p.score, reason + pool[i].progress.note()))
    return picks


@dataclass
class QueueReport:
    project_id: int
    view_id: int
    strategy: str
    picks: list[tuple[Pick, QueueTask]] = field(default_factory=list)
    cleared: int = 0
    pool: int = 0


def write_queue(session, project, strategy: str, picks: Sequence[Pick], pool: Sequence[QueueTask],
                labelled_ranked: Sequence[QueueTask] = (), model_version: str | None = None) -> QueueReport:
    """Write rank/reason into the chosen tasks, clear stale ranks, set sequential sampling, ensure the tab."""
    from tqdm import tqdm

    chosen = {pool[p.index].task_id for p in picks}
    report = QueueReport(int(project.id), 0, strategy, pool=len(pool))
    with session.errors(f"writing the labelling queue into project {project.id}"):
        for p in tqdm(picks, desc="ranking tasks", unit="task", leave=False, disable=len(picks) < 50):
            task = pool[p.index]
            reason = p.reason + (f" [{model_version}]" if model_version and strategy in ("uncertainty", "mixed") else "")
            # the data read now, not at listing time: ranking takes a while, and a review flag or
            # suggestion lines written meanwhile would be reverted (Label Studio replaces ``data``)
            data = {**session.task_data(task.task_id), RANK_KEY: p.rank, SCORE_KEY: p.score, REASON_KEY: reason,
                    STRATEGY_KEY: strategy}
            session.update_task_data(task.task_id, data)
            report.picks.append((p, task))
        # tasks ranked by an earlier run but not chosen now lose their rank (they sort last)
        report.cleared = clear_ranks(session, [t for t in pool if t.task_id not in chosen and RANK_KEY in t.data]
                                     + list(labelled_ranked))
        session.update_project(project.id, sampling=SEQUENTIAL)
    report.view_id = ensure_view(session, project.id, queue_view(), reset=True)
    return report


def clear_ranks(session, tasks: Sequence[QueueTask]) -> int:
    """Remove the queue keys from these tasks' data (read fresh: a flag written meanwhile stays)."""
    for task in tasks:
        fresh = session.task_data(task.task_id)
        session.update_task_data(task.task_id, {k: v for k, v in fresh.items() if k not in AL_KEYS})
    return len(tasks)


def queue_view() -> dict[str, Any]:
    """The Data Manager tab ordered by ``al_rank`` (reset on every run), with the reason shown."""
    column = f"tasks:data.{RANK_KEY}"
    return {"title": VIEW_TITLE, "ordering": [column],
            "filters": {"conjunction": "and", "items": []},
            "columnsDisplayType": {column: "Number", f"tasks:data.{SCORE_KEY}": "Number"},
            "hiddenColumns": {"explore": ["tasks:data.text_sha1", "tasks:data.heading_path", "tasks:data.doc_line"],
                              "labeling": []}}
