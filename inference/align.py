"""Clause alignment between a notice and its previous one (issue 19 item 4): is a clause carried over,
revised, or new, and which of last year's clauses is its counterpart.

Measured, not assumed: ``data/alignment/alignment-v1.jsonl`` holds clause pairs aligned by reading
(Shanxi 2023→2024, 2024→2025, 2025→2026; ``data/alignment/README.md``), and
``scripts/eval_alignment.py`` chooses the representation and the two thresholds on two of the
year pairs and reports precision and recall on the third, for each of the three rotations
(``reports/alignment.md``). The defaults below are the ones chosen there on all three pairs.

Representations (``METHODS``), each giving a clause its best score against any previous clause:

* ``clause_tfidf``: cosine of character 2–3-gram TF-IDF vectors of whole clauses (the former fixed
  0.10 cut used this).
* ``sentence_tfidf``: the same vectors per sentence (split at 。；); a clause scores the best match of
  any of its sentences to any sentence of a previous clause. Notices regroup sentences between
  clauses from year to year, so one continued commitment is a sentence, not a whole clause.
* ``sentence_bigram`` / ``sentence_tfidf_2_4``: the same with character 2-grams / 2–4-grams.
* ``containment``: the IDF-weighted share of the clause's character 4-grams that occur in one
  previous clause (asymmetric: a short clause inside a long previous one scores high).

A clause is **new** below ``new_below``, **carried over** at or above ``carried_from``, **revised**
in between; the counterpart is the previous clause with the best score **on the same subject**: given
``subjects`` (text -> the sectors its words name), a pair whose lead sentences (the item's heading,
``二、开展消防安全排查。``) each name a subject that the other clause names nowhere is not made. Short
county clauses of one frame (``对全县…开展…安全隐患排查，6月底前完成整治。``) share most of their bigrams
whatever they are about, so a 道路交通 clause read as a revision of last year's 消防 one. The lead is
where an item says what it is about (a long clause's body names sectors in passing: 公路交通 in a
rescue-base clause), and the other clause is searched whole (a clause opening on 煤矿 may go on through
every sector). When only one lead names a subject, a short other clause (at most ``SHORT_ITEM_SENTENCES``)
naming one sector in all has that sector as its subject (``四、加强那达慕大会安全保障。…消防安全检查。``). On the Shanxi pairs aligned by reading (data/alignment) no status or counterpart changes
(tests/test_reports_analyst6.py); over all 17 Shanxi year pairs 5 of 448 clauses change: 2 revisions of a
clause on another subject become new (2022's 燃气 item had been read as revising 2021's 自建房 one), 3 keep
their status with another counterpart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

#: representation and thresholds chosen by scripts/eval_alignment.py (reports/alignment.md)
DEFAULT_METHOD = "sentence_bigram"
DEFAULT_NEW_BELOW = 0.16
DEFAULT_CARRIED_FROM = 0.75
#: name -> (unit, character n-gram range); "containment" has its own 4-gram measure
METHODS = {"clause_tfidf": ("clause", (2, 3)), "sentence_tfidf": ("sentence", (2, 3)),
           "sentence_bigram": ("sentence", (2, 2)), "sentence_tfidf_2_4": ("sentence", (2, 4)),
           "containment": ("clause", (4, 4))}
STATUSES = ("carried_over", "revised", "new")
#: what the reports say of the subject check (``align(subjects=…)``), beside the "new" threshold
SAME_SUBJECT = ("a clause is paired only with a previous clause on its subject (when both first sentences name a "
                "sector, the other clause names one of them; when one does and the other is a short item naming one "
                "sector, the first names it too), and not with one that another clause continues word for word, figures aside")
_SENTENCE = re.compile(r"[^。；;！？]+[。；;！？]?")
_ENUM = re.compile(r"^[（(][一二三四五六七八九十百\d]+[）)]|^\d+[.．、]")


@dataclass(frozen=True)
class AlignedClause:
    """One clause of the later notice: its best score, the counterpart's index in ``previous`` (-1
    when there is none) and the status."""

    score: float
    counterpart: int
    status: str


def sentences(text: str) -> list[str]:
    """Sentences of a clause, without its enumerator (``（三）``, ``1.``); short fragments (a heading
    like ``强化部门监管责任。``) stay sentences, they are often the continued commitment."""
    text = _ENUM.sub("", text.strip())
    out = [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) >= 4]
    return out or [text]


def _tfidf(texts: Sequence[str], ngram=(2, 3)):
    """``TfidfVectorizer(analyzer="char", ngram_range=ngram, sublinear_tf=True)`` fitted without
    importing scikit-learn (``models.tfidf.fit_char_tfidf``, the same matrix): a one-notice ``tag``
    stays free of that import (its seconds)."""
    from policytag.models.tfidf import fit_char_tfidf

    return fit_char_tfidf(list(texts) or [""], ngram, sublinear_tf=True)


def score_matrix(current: Sequence[str], previous: Sequence[str], method: str = DEFAULT_METHOD) -> np.ndarray:
    """[len(current), len(previous)] similarity of every later clause to every previous clause (0..1),
    fitted on the two notices only, so a notice's result does not depend on the other input."""
    if method not in METHODS:
        raise ValueError(f"unknown alignment method {method!r} (choose from {', '.join(METHODS)})")
    if not current or not previous:
        return np.zeros((len(current), len(previous)))
    unit, ngram = METHODS[method]
    if method == "clause_tfidf":
        vec = _tfidf([*current, *previous], ngram)
        return (vec.transform(current) @ vec.transform(previous).T).toarray()
    if unit == "sentence":
        cur_s = [sentences(t) for t in current]
        prev_s = [sentences(t) for t in previous]
        flat_c = [s for ss in cur_s for s in ss]
        flat_p = [s for ss in prev_s for s in ss]
        vec = _tfidf([*flat_c, *flat_p], ngram)
        sims = (vec.transform(flat_c) @ vec.transform(flat_p).T).toarray()
        # pool sentence × sentence maxima back to clause × clause
        row_starts = np.cumsum([0] + [len(x) for x in cur_s[:-1]])
        col_starts = np.cumsum([0] + [len(x) for x in prev_s[:-1]])
        return np.maximum.reduceat(np.maximum.reduceat(sims, row_starts, axis=0), col_starts, axis=1)
    # containment: IDF-weighted share of the clause's character 4-grams found in the previous clause
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer="char", ngram_range=(4, 4), use_idf=True, norm=None, binary=True)
    vec.fit([*current, *previous])
    c = vec.transform(current)
    p = (vec.transform(previous) > 0).astype(float)
    weight = np.asarray(c.sum(axis=1)).ravel()
    shared = (c @ p.T).toarray()
    return shared / np.maximum(weight, 1e-9)[:, None]


def lead(text: str) -> str:
    """A clause's lead sentence (its first, the enumerator set aside): where an item names its subject
    (``二、开展道路交通安全排查。`` -> ``开展道路交通安全排查。``)."""
    return sentences(text)[0]


#: text(s) -> for each, the subjects its lead sentence names and those the whole clause names
#: (``yoy.subject_reader``: one batched cue-matching pass over the texts)
SubjectReader = Callable[[Sequence[str]], "list[tuple[frozenset[str], frozenset[str]]]"]


def lead_end(text: str) -> int:
    """Where a clause's lead sentence (:func:`lead`) ends in ``text``: the subjects named before it are
    the lead's (one cue-matching pass serves the lead and the whole clause)."""
    first = lead(text)
    at = text.find(first)
    return len(text) if at < 0 else at + len(first)


def different_subjects(current: Sequence[str], previous: Sequence[str], subjects: SubjectReader) -> np.ndarray:
    """[len(current), len(previous)] True where the clauses are on different subjects (:func:`_apart`): a
    道路交通 item is no revision of a 消防 one, however alike their frame. Two leads naming no subject
    (``落实安全生产责任。``) pair; so does a lead whose subject the other clause names further on (2014's
    非煤矿山 item continues 2013's clause that opens on 煤矿 and goes on through every sector)."""
    read = subjects([*current, *previous])
    cur, prev = read[:len(current)], read[len(current):]
    # a clause whose lead names no sector gives its one sector as its subject only when it is short (an item
    # of a county's list): a long one names sectors in passing (重大危险源 in a 安委会 coordination clause)
    cur_short = [len(sentences(t)) <= SHORT_ITEM_SENTENCES for t in current]
    prev_short = [len(sentences(t)) <= SHORT_ITEM_SENTENCES for t in previous]
    out = np.zeros((len(current), len(previous)), dtype=bool)
    for i, (cl, ca) in enumerate(cur):
        for j, (pl, pa) in enumerate(prev):
            out[i, j] = _apart(cl, ca if cur_short[i] or cl else frozenset(), pl, pa if prev_short[j] or pl else frozenset())
    return out


#: the most sentences (the lead included) of a clause whose one sector is its subject though its lead names none
SHORT_ITEM_SENTENCES = 3


def _apart(cl: frozenset, ca: frozenset, pl: frozenset, pa: frozenset) -> bool:
    """Are two clauses on different subjects, given the sectors each lead names (``cl``, ``pl``) and each
    clause names (``ca``, ``pa``; given empty for a long clause whose lead names none)? Both leads naming
    one: neither lead's is named in the other clause. One lead naming one (``四、加强风电场建设施工安全。``)
    and the other none (``四、加强那达慕大会安全保障。``, whose body goes on to 消防安全检查): when the other
    clause names one sector in all (its subject, 消防) and the two clauses none in common (else a 建筑施工
    item read as a revision of last year's 那达慕 消防 item, same number, same frame). A clause naming
    several in passing (应急物资 reaching 森林 and 公路) is about none of them and pairs with any, as two
    leads naming none do."""
    if cl and pl:
        return not (cl & pa) and not (pl & ca)
    if cl or pl:
        lone = pa if cl else ca  # the clause whose lead names no sector: its one sector, if it names one
        return len(lone) == 1 and not (ca & pa)
    return False


def align(current: Sequence[str], previous: Sequence[str], method: str = DEFAULT_METHOD,
          new_below: float = DEFAULT_NEW_BELOW, carried_from: float = DEFAULT_CARRIED_FROM,
          subjects: SubjectReader | None = None) -> list[AlignedClause]:
    """Status and counterpart of each later clause (texts in notice order); with ``subjects``
    (:data:`SubjectReader`), only clauses on one subject (:func:`different_subjects`) are paired."""
    sims = score_matrix(current, previous, method)
    if subjects is not None and sims.size:
        sims = np.where(different_subjects(current, previous, subjects), 0.0, sims)
    # (each clause's frame read once: _spoken_for compares them, the loop below asks them again)
    frames_now = [_frame(t) for t in current] if sims.size else []
    frames_before = [_frame(t) for t in previous] if sims.size else []
    closed = _spoken_for(frames_now, frames_before) if sims.size else np.zeros(sims.shape[1], dtype=bool)
    out = []
    taken: set[int] = set()
    for i in range(len(current)):
        if sims.shape[1] == 0:
            out.append(AlignedClause(0.0, -1, "new"))
            continue
        row = sims[i]
        j = int(row.argmax())
        s = float(row[j])
        # a revision of a clause another continues word for word, figures aside (never the continuing clause itself:
        # a one-sentence item whose count moved, 不少于80个 -> 100个, may score below carried_from)
        if closed[j] and new_below <= s < carried_from and frames_now[i] != frames_before[j]:
            row = np.where(closed, 0.0, row)
            j = int(row.argmax())
            s = float(row[j])
        if s <= 0:
            # nothing of the baseline on its subject shares a character pair with it: no counterpart at all, not the
            # baseline's first clause at 0.000 (argmax of a row of zeros), which the rows gave as its "nearest"
            out.append(AlignedClause(0.0, -1, "new"))
            continue
        # equally good counterparts (a plan repeats 修订…管理制度，年底前印发实施。 under each sector: the
        # same words after the item number; a clause sharing one stock sentence, 年底前完成。, with two items): one not
        # yet taken, so the repeats of this year continue last year's repeats one for one instead of all pointing at
        # the first and leaving the others "dropped"; among those, :func:`_break_tie` (the scores of a tie differ by
        # float noise only, which made the counterpart hang on the order of the baseline's clauses)
        ties = [int(k) for k in np.flatnonzero(row >= s - 1e-9)]
        if len(ties) > 1:
            free = [k for k in ties if k not in taken] or [j]
            j = _break_tie(current[i], i, [previous[k] for k in free], free) if len(free) > 1 else free[0]
        taken.add(j)
        status = "new" if s < new_below else "carried_over" if s >= carried_from else "revised"
        out.append(AlignedClause(_shown(s), j, status))
    return out


def _break_tie(text: str, at: int, candidates: Sequence[str], indices: Sequence[int]) -> int:
    """The counterpart among previous clauses that tie on the best sentence score (``indices``, their ``candidates``
    texts): the one whose lead (the item's heading, :func:`lead`) says what this clause's says, figures aside; then the
    one of the same item number; then the one more alike as a whole clause (character bigrams); then the one nearest
    in the notice's order; then the first. 一、压实安全生产责任。…一岗双责。年底前完成。 shares a whole sentence with both
    一、压实安全生产责任。…一岗双责。 and 二、强化安全宣传教育。…年底前完成。: it continues 一 whichever order they come in."""
    head, number = _FIGURE.sub("#", lead(text)), item_number(text).strip()
    vec = _tfidf([text, *candidates], (2, 2))
    whole = (vec.transform([text]) @ vec.transform(list(candidates)).T).toarray().ravel()

    def key(n: int):
        other = candidates[n]
        return (_FIGURE.sub("#", lead(other)) == head, bool(number) and item_number(other).strip() == number,
                round(float(whole[n]), 6), -abs(indices[n] - at), -indices[n])

    return indices[max(range(len(candidates)), key=key)]


def _wording(text: str) -> str:
    """A clause's words as :func:`same_wording` compares them: white space and the opening item number set aside."""
    return re.sub(r"\s+", "", text[len(item_number(text)):])


#: a figure as :func:`_frame` sets it aside: a number with its decimals (the diff's unit, ``_DIFF_UNIT``)
_FIGURE = re.compile(r"\d+(?:[.．]\d+)?")


def _frame(text: str) -> str:
    """A clause's words with every figure set aside (:func:`_wording`, each number read as ``#``): what a clause
    continued with only a count, a share or a deadline changed (6月底前 -> 5月底前, 50个 -> 60个) has in common
    with its counterpart."""
    return _FIGURE.sub("#", _wording(text))


def _spoken_for(frames_now: Sequence[str], frames_before: Sequence[str]) -> np.ndarray:
    """[len(frames_before)] True for a previous clause that a later clause continues word for word, item number and
    figures aside (both given as their :func:`_frame`; 柳溪县 2027's 二、深化重大事故隐患排查整治。… moved only its deadline, 6月底前 ->
    5月底前, and its new 十、推进自建房安全整治。 read as revising that clause at 0.18, on the frame 对…开展…排查，…月底前完成:
    tests/data/reports17):
    it is that clause's, and a clause that would be read as revising it (below ``carried_from``) takes its best
    among the others instead, or is new. A notice that inserts one item and renumbers the rest (苍梧市 2027:
    二、加强电动自行车安全管理。 before last year's 二 to 五, unchanged) read the inserted item as "revised" from last
    year's 三、加强消防安全管理。 (0.35: the frame 加强…安全管理 shared) while 四 continued that clause word for word, so
    the report said nothing was new. Repeated wordings: as many previous clauses are closed as later clauses repeat
    the words (the first ones), so a repeat reworded still pairs with a repeat no clause continues."""
    wanted: dict[str, int] = {}
    for key in frames_now:
        wanted[key] = wanted.get(key, 0) + 1
    closed = np.zeros(len(frames_before), dtype=bool)
    for j, key in enumerate(frames_before):
        if wanted.get(key, 0) > 0:
            wanted[key] -= 1
            closed[j] = True
    return closed


def _shown(score: float) -> float:
    """The score cut (not rounded) to 3 decimals: a clause new below 0.16 whose score 0.1597 read "best match
    0.160" contradicted the line above it; cut, it reads 0.159 (float noise of an exact 1.0 aside)."""
    return math.floor(score * 1000 + 1e-6) / 1000


def dropped(aligned: Sequence[AlignedClause], n_previous: int) -> list[int]:
    """Indices of previous clauses that no later clause continues (no carried-over or revised clause
    has them as counterpart): what last year's notice said and this year's does not."""
    kept = {a.counterpart for a in aligned if a.status != "new" and a.counterpart >= 0}
    return [j for j in range(n_previous) if j not in kept]


def merged(current: Sequence[str], previous: Sequence[str], aligned: Sequence[AlignedClause], method: str = DEFAULT_METHOD,
           carried_from: float = DEFAULT_CARRIED_FROM, subjects: SubjectReader | None = None) -> dict[int, int]:
    """Previous clauses no later clause continues (:func:`dropped`) whose words go on inside a later clause that
    continues another: ``{previous index: later index}``. Two items merged into one (澄江县 2026's 三、建筑施工 and 四、消防
    -> 澄江区 2027's 三、加强建筑施工和消防安全监管, both items' sentences word for word) pair the merged clause with one of
    them; the other was listed "dropped" and its labels "lost". Merged means most of it (``MERGED_SHARE`` of its
    sentences' characters) has a sentence of that later clause at the ``carried_from`` level: one stock sentence
    shared (年底前完成。) is no merge. The later clause must continue a clause itself (not new) and be on the previous
    clause's subject (``subjects``, as :func:`align`). Sentence × sentence over those clauses alone, as :func:`align`."""
    gone = dropped(aligned, len(previous))
    kept = [i for i, a in enumerate(aligned) if a.status != "new"]
    if not gone or not kept:
        return {}
    unit, ngram = METHODS[method]
    now_s = [sentences(current[i]) for i in kept]
    before_s = [sentences(previous[j]) for j in gone]
    flat_now = [x for ss in now_s for x in ss]
    flat_before = [x for ss in before_s for x in ss]
    vec = _tfidf([*flat_now, *flat_before], ngram if unit == "sentence" else (2, 2))
    # [previous sentence, later clause]: the best match of each previous sentence among each later clause's sentences
    sims = (vec.transform(flat_before) @ vec.transform(flat_now).T).toarray()
    sims = np.maximum.reduceat(sims, np.cumsum([0] + [len(x) for x in now_s[:-1]]), axis=1) >= carried_from
    apart = (different_subjects([current[i] for i in kept], [previous[j] for j in gone], subjects).T
             if subjects is not None else np.zeros((len(gone), len(kept)), dtype=bool))
    out, at = {}, 0
    for col, (j, ss) in enumerate(zip(gone, before_s)):
        weights = np.array([len(x) for x in ss], dtype=float)
        covered = (weights @ sims[at:at + len(ss)]) / max(weights.sum(), 1.0)  # [later clause] share carried over
        at += len(ss)
        covered[apart[col]] = 0.0
        best = int(covered.argmax())
        if covered[best] >= MERGED_SHARE:
            out[j] = kept[best]
    return out


#: the share of a previous clause's sentence characters a later clause must carry over for the clause to count as
#: merged into it (:func:`merged`)
MERGED_SHARE = 0.5


# The units a diff compares: a number is one (达到100% -> 达到80% reads [-100-]{+80+}%, not the digits'
# common tail [-10-]{+8+}0%: an analyst reads a changed figure, not changed digits); any other
# character is one.
_DIFF_UNIT = re.compile(r"\d+(?:[.．]\d+)?|.", re.S)


def char_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Character diff of a revised clause against its counterpart: ``[(op, text)]`` with op ``=``
    (kept), ``-`` (only last year) or ``+`` (only this year), from ``difflib.SequenceMatcher``; a
    number is changed as a whole (``_DIFF_UNIT``)."""
    import difflib

    a, b = _DIFF_UNIT.findall(old), _DIFF_UNIT.findall(new)
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def compact_diff(ops, context: int = 8, limit: int = 600) -> str:
    """``[(op, text)]`` from ``align.char_diff`` as ``…kept[-old-]{+new+}kept…``, unchanged stretches
    cut to ``context`` characters either side, the whole at most ``limit`` characters."""
    out = []
    for k, (op, text) in enumerate(ops):
        if op == "-":
            out.append(f"[-{text}-]")
        elif op == "+":
            out.append(f"{{+{text}+}}")
        elif len(text) <= 2 * context:
            out.append(text)
        else:
            head = text[:context] if k else ""
            tail = text[-context:] if k < len(ops) - 1 else ""
            out.append(f"{head}…{tail}")
    joined = "".join(out)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def item_number(text: str) -> str:
    """The item or outline number opening a clause, with the space after it (``四、``, ``（二）``, ``3.1``), or
    ``""``: what :func:`same_wording` and :func:`clause_diff` set aside."""
    from .extract import _ENUM_LEAD  # the extractor's reading of an opening item number, not a copy of it

    # (outline numbers, 3.1 / 4.2.1 of a 预案, are among its forms: a 预案 that inserts a chapter moves every later
    # clause's 3.1 to 4.1, and each read "changed")
    m = _ENUM_LEAD.match(text)
    return m.group(0) if m else ""


def same_wording(old: str, new: str) -> bool:
    """Whether a clause says word for word what its counterpart said: white space and the item number
    opening it set aside (a task moved from （二） to （一）, a plan's 3.1 to 4.1, is not reworded; 50个 -> 60个 is)."""
    return _wording(old) == _wording(new)


def clause_diff(old: str, new: str) -> list[tuple[str, str]]:
    """:func:`char_diff` of a changed clause against its counterpart, the item number opening each set aside as
    :func:`same_wording` sets it aside: the clause keeps its own number, unmarked. Annual notices renumber
    their tasks every year and plans their sections, so the diffs of the Markdown, the HTML and the rows
    opened with ``[-二-]{+四+}、`` or ``[-3.1气象部门-]{+4.1+}`` where only the words after it had changed."""
    number = item_number(new)
    ops = char_diff(old[len(item_number(old)):], new[len(number):])
    if not number:
        return ops
    if ops and ops[0][0] == "=":
        return [("=", number + ops[0][1])] + ops[1:]
    return [("=", number)] + ops
