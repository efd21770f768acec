"""Each notice once per run: drop repeated documents, make colliding ``doc_id``s distinct.

The same notice often arrives more than once (``notice.txt``, ``notice.pdf`` and ``notice.docx``
in one folder, or one file named twice). Its copies are *duplicates* when their cleaned text is
the same after normalisation (whitespace and punctuation removed: PDF and Word extraction
differ there), or when they share a ``doc_id`` (the same document number/title) or a year and their texts
are near-identical (character 4-gram Jaccard >= 0.9: a PDF text layer may lose a character or
two, or a wrapped title line may be missed) — unless the two name two governments or carry two
document numbers: a county issuing its notice from another's template, its own name and number
around the same body, has issued a notice of its own; nor a draft (``…办法（征求意见稿）``) and the text
adopted after it, whose titles tell them apart. A plan and the 印发 notice that sends it (``X方案`` and
``关于印发《X方案》的通知``) are copies when the plan's text is nearly all inside the notice's, however
short the plan (the notice's own sentences would keep a short plan below the near-duplicate threshold) (a place named with or without the units above it,
``柘川市蓼湾区`` and ``蓼湾区``, is one place); nor are two near-identical files of one format
that gives its text back exactly (.txt, .html, .docx, .doc, .wps): a corrected reissue under the same
number is a second version, which the run keeps; nor are one series' notices for two periods (titles of the same
words around two years or quarters: ``…2026年春季森林防火…`` / ``…2027年…``), whose bodies may repeat word for word. The most faithful copy is kept (.txt before
.html, .docx/.doc/.wps, .pdf/.ofd); the others are reported.

Different documents whose ``doc_id`` collides (two drafts of one notice, two notices without
number or title from files of the same name) keep apart: every later one gets a deterministic
suffix from its content hash, ``2026-64f8d5`` -> ``2026-64f8d5.1a2b3c``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from policytag.records import Clause, Document

from .metadata import arabic_years, build_title, inner_title, split_region

NEAR_DUPLICATE_JACCARD = 0.9
_NOT_CONTENT = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Duplicate:
    """A document dropped because an earlier one in the run has the same content."""

    source: str  # file of the dropped copy
    doc_id: str
    same_as: str  # file of the kept copy


def content_key(text: str) -> str:
    """Normalised text: no whitespace, no punctuation (what the copies share). The texts come out
    of ``normalize_punct`` already; NFKC on top would cost an eighth of segmentation time."""
    return _NOT_CONTENT.sub("", text)


def shingles(key: str, n: int = 4) -> set[str]:
    """The character n-grams of a content key (one gram for a key shorter than n): what near-duplicates share."""
    return {key[i:i + n] for i in range(max(1, len(key) - n + 1))}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _two_documents(a: Document, b: Document) -> bool:
    """Do near-identical texts name two governments (regions) or carry two document numbers? Then
    they are two documents (a template shared by counties, a notice reissued under a new number),
    not two copies; a copy that lost its number or issuer line (a PDF page) still matches."""
    if a.region and b.region and not _same_place(a.region, b.region):
        return True
    if draft_stage(a.title) != draft_stage(b.title):
        return True  # a draft and the text adopted after it (or two stages of a draft)
    if two_periods(a.title, b.title):
        return True  # one series' notices of two years or quarters: the body compared may be word for word the same
    return bool(a.doc_number and b.doc_number and content_key(a.doc_number) != content_key(b.doc_number))


# the remark that marks a title as a draft (…办法（征求意见稿）, …条例（草案）, （送审稿）, （讨论稿）,
# （修订草案征求意见稿））: a draft and its adopted text share nearly every word, yet they are two documents
# (the draft put out for comment, the rule in force), and merging them would drop one
_RE_DRAFT = re.compile(r"[（(]\s*([^（）()]*?(?:征求意见稿|草案|送审稿|讨论稿|审议稿|初稿))\s*[)）]\s*$")


# the period a title names (a year, a range of years, a quarter, a half-year, a month, a batch or an issue, a season or
# a holiday): a series' notices (…2026年春季森林防火…, …2027年春季森林防火…; 第一季度 / 第二季度 执法检查情况的通报)
# repeat their body from one period to the next, and the body the copies are compared on leaves the title out
_RE_PERIOD = re.compile(r"(?:19|20)\d{2}(?:\s*[—–\-－~至]\s*(?:19|20)?\d{2})?\s*年度?|第?[一二三四1-4]\s*季度|[上下]半年"
                        r"|(?<![\d一二三四五六七八九十])(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*月份?(?!\d)|第\s*[\d一二三四五六七八九十百]+\s*(?:批|期)"
                        r"|春节|元旦|国庆|中秋|五一|清明|端午|汛期|冬春|秋冬|春季|夏季|秋季|冬季|暑期|寒假|暑假")


def title_periods(title: str | None) -> list[str]:
    """The periods a title names, in order, spaces removed (``2027年``, ``第二季度``, ``春季``); ``二〇二七年`` as
    ``2027年``."""
    return [re.sub(r"\s+", "", m.group(0)) for m in _RE_PERIOD.finditer(arabic_years(title or ""))]


def two_periods(title_a: str | None, title_b: str | None) -> bool:
    """Are two titles one series' title for two periods: the same words around two different periods (a series'
    notices of two years or quarters)? Only then: a web copy whose title lost its year, or a title built for a
    copy that shows none, says nothing."""
    a, b = title_periods(title_a), title_periods(title_b)
    if not (a and len(a) == len(b) and a != b):
        return False  # (a copy's title that lost one of its periods names fewer: no second period)
    rest_a, rest_b = (content_key(_RE_PERIOD.sub("", arabic_years(t or ""))) for t in (title_a, title_b))
    return rest_a == rest_b


# the remark that marks a title as a revised edition (…办法（2027年修订）, …（修订版）, …（2026年修正）, …修订版): a revision
# changes a few words of its text and keeps the rest, yet it is a document of its own (the rule in force after it) beside the
# text it revises; identical bodies under the two titles are one text, a copy
_RE_REVISION = re.compile(r"[（(]\s*([^（）()]*?(?:修订|修正))(?:版|稿|本)?\s*[)）]\s*$|(修订|修正)[版稿本]\s*$")


def revision_stage(title: str | None) -> str | None:
    """The revision remark a title ends with (``（2027年修订）`` -> ``2027年修订``, ``（修订版）`` -> ``修订``), ``None`` for an
    unrevised title."""
    m = _RE_REVISION.search(arabic_years(title or ""))
    return re.sub(r"\s+", "", m.group(1) or m.group(2)) if m else None


def _two_editions(a: Document, b: Document) -> bool:
    """Near-identical texts under titles naming two editions (``…办法`` and ``…办法（修订版）``, ``（2025年修订）`` and
    ``（2027年修订）``): the original and its revision, two documents."""
    return revision_stage(a.title) != revision_stage(b.title)


def draft_stage(title: str | None) -> str | None:
    """The draft remark a title ends with (``（征求意见稿）`` -> ``征求意见稿``), ``None`` for a final text."""
    m = _RE_DRAFT.search(title or "")
    return m.group(1) if m else None


def _same_place(a: str, b: str) -> bool:
    """Do two regions name one place, one of them with the units above it (``柘川市蓼湾区`` and ``蓼湾区``: a
    web page's box names the district with its city, the signature the district alone)? The longer must
    be whole units before the shorter (``柘川市`` + ``蓼湾区``), so ``湾区`` is no short form of it."""
    short, long_ = sorted((a, b), key=len)
    if not long_.endswith(short):
        return False
    above = long_[:len(long_) - len(short)]
    return not above or split_region(above)[0] == above


def _sends(a: Document, b: Document) -> bool:
    """Is one of the two the notice that sends the other (``关于印发《X方案》的通知`` beside ``X方案``)? Its
    text is the plan's with the notice's own sentences around it: too much more than the plan for a
    near-duplicate when the plan is short, yet the same plan."""
    ta, tb = (content_key(d.title or "") for d in (a, b))
    if not ta or not tb or ta == tb:
        return False
    return content_key(inner_title(a.title or "")) == tb or content_key(inner_title(b.title or "")) == ta


def _contained(key_a: str, key_b: str, shingles_b: set[str]) -> bool:
    """Is the shorter of two texts nearly all inside the longer (4-gram containment >= the near-duplicate
    threshold)?"""
    shingles_a = shingles(key_a)
    short, long_ = sorted((shingles_a, shingles_b), key=len)
    return bool(short) and len(short & long_) / len(short) >= NEAR_DUPLICATE_JACCARD


def rename_document(doc: Document, clauses: list[Clause], new_id: str) -> tuple[Document, list[Clause]]:
    """The document and its clauses under ``new_id`` (clause ids keep their structural suffix)."""
    doc2 = Document(**{**doc.to_dict(), "doc_id": new_id})
    out = [Clause.from_dict({**c.to_dict(), "doc_id": new_id,
                             "clause_id": new_id + c.clause_id[len(doc.doc_id):]}) for c in clauses]
    return doc2, out


# Which copy to keep: the format whose text comes through most faithfully (a PDF text layer may
# wrap or drop characters, as may an OFD's positioned text; Word keeps paragraphs, plain text and web
# pages are what was published).
# (a mail's own text, read when it attaches no notice, is a saved message like an .mht; its attachments
# are ranked by their own suffix: MAIL.eml!name.docx)
FORMAT_RANK = {".txt": 0, ".html": 1, ".htm": 1, ".shtml": 1, ".xhtml": 1, ".mht": 1, ".mhtml": 1, ".eml": 1, ".msg": 1,
               ".docx": 2, ".doc": 2, ".wps": 2, ".wpt": 2, ".rtf": 2, ".odt": 2, ".xlsx": 2, ".xls": 2, ".et": 2,
               ".docm": 2, ".dotx": 2, ".dotm": 2,
               ".pdf": 3, ".ofd": 3}


#: the rank from which a reader rebuilds text from a page layout (PDF, OFD): below it a reader gives
#: back exactly the text that was written
LAYOUT_RANK = 3
_SAME_READER = {".htm": ".html", ".shtml": ".html", ".xhtml": ".html", ".mhtml": ".mht",
                ".docm": ".docx", ".dotx": ".docx", ".dotm": ".docx", ".msg": ".eml"}


def _rank(source: str) -> int:
    return FORMAT_RANK.get(Path(source).suffix.lower(), 0)


def _two_versions(a: Document, b: Document) -> bool:
    """Near-identical (not identical) texts read from two files of one exact-text format: two
    versions of a notice (a corrected reissue under the same number), never two copies, since such a
    reader gives one text back the same every time; a PDF or OFD text layer can drop or wrap characters."""
    fa, fb = (_SAME_READER.get(s, s) for s in (Path(d.source).suffix.lower() for d in (a, b)))
    return fa == fb and fa in FORMAT_RANK and FORMAT_RANK[fa] < LAYOUT_RANK


#: what a copy may show that the kept copy lost: a web page's text keeps its number and signing date
#: in a metadata box the reader may not take, while the .docx of the same notice prints them; and the year (a notice
#: pasted after a 转发 letter, its date and number lost, is the same notice as the .docx that shows them)
_COPY_FIELDS = ("doc_number", "date", "year")
#: what a document's clauses carry of it (each output row its document's): kept in step when the document is completed
_CLAUSE_FIELDS = ("year", "issuer", "region", "level", "genre", "title")


def built_title(doc: Document) -> bool:
    """Was ``doc``'s title built from its metadata (``沐川市应急管理局2027年文件``: the copy showed none, metadata.build_title)
    rather than printed? A Document keeps no flag for it; the same call on its own fields gives it back."""
    return doc.title == build_title(doc.issuer, doc.year, doc.genre, doc.text.split("\n"), Path(doc.source).stem)


def complete_from_copy(kept: Document, copy: Document) -> Document:
    """``kept`` with the document number, signing date and year it lacks taken from ``copy`` (the same
    notice read from another file), and ``copy``'s printed title (and the genre read from it) where ``kept``'s
    was only built; what ``kept`` shows itself stays."""
    missing = {f: getattr(copy, f) for f in _COPY_FIELDS if getattr(kept, f) is None and getattr(copy, f) is not None}
    if copy.title and built_title(kept) and not built_title(copy):
        # (a notice pasted after a bare 附件 line, its title read as the letter's enclosure: the .docx prints it)
        missing.update(title=copy.title, genre=copy.genre)
    return Document(**{**kept.to_dict(), **missing}) if missing else kept


def carry_metadata(doc: Document, clauses: list[Clause]) -> list[Clause]:
    """``clauses`` with ``doc``'s metadata (year, issuer, region, level, genre, title), as a completed document's
    clauses must show it: every row carries its document's."""
    changed = {f: getattr(doc, f) for f in _CLAUSE_FIELDS}
    if all(getattr(c, f) == v for c in clauses for f, v in changed.items()):
        return clauses
    return [Clause.from_dict({**c.to_dict(), **changed}) for c in clauses]


def dedupe_documents(results: list[tuple[Document, list[Clause]]]
                     ) -> tuple[list[tuple[Document, list[Clause]]], list[Duplicate]]:
    """``[(document, its clauses)]`` in input order -> (kept pairs, dropped duplicates).

    Of a set of copies the most faithful format is kept (.txt, then .html, .docx/.doc/.wps,
    .pdf/.ofd; the first given among equals), at the position of the first copy. Kept documents have distinct
    ``doc_id``s; their order is the input order.
    """
    kept: list[tuple[Document, list[Clause]]] = []
    duplicates: list[Duplicate] = []
    by_key: dict[str, int] = {}  # content key -> index in kept
    # original doc_id, and year -> (index in kept, key): the candidates for near-duplicates
    by_id: dict[str, list[tuple[int, str]]] = {}
    by_year: dict[int, list[tuple[int, str]]] = {}
    used_ids: set[str] = set()
    replaced: dict[str, str] = {}  # source of a copy first kept, then replaced -> source kept instead
    for doc, clauses in results:
        key = content_key(doc.text)
        match = by_key.get(key)
        if match is not None and _two_documents(kept[match][0], doc):
            match = None  # the body of one county's notice, another's name and number around it
        if match is None:
            candidates = by_id.get(doc.doc_id, []) + by_year.get(doc.year, [])
            # lengths within 20% first: shingles cost a pass over the text, and most runs never need them
            candidates = [(j, k) for j, k in candidates if abs(len(k) - len(key)) <= 0.2 * max(len(k), len(key))]
            # (and a plan beside the 印发 notice that sends it, whatever the notice's own sentences add)
            wrapped = [(j, k) for j, k in by_id.get(doc.doc_id, []) + by_year.get(doc.year, []) if _sends(kept[j][0], doc)]
            grams = shingles(key) if candidates or wrapped else set()
            match = next((j for j, k in wrapped if not _two_documents(kept[j][0], doc) and _contained(k, key, grams)), None)
            if match is None:
                match = next((j for j, k in candidates if not _two_documents(kept[j][0], doc)
                              and not _two_versions(kept[j][0], doc) and not _two_editions(kept[j][0], doc)
                              and _jaccard(shingles(k), grams) >= NEAR_DUPLICATE_JACCARD), None)
        if match is not None:
            old, old_clauses = kept[match]
            if _rank(doc.source) < _rank(old.source):  # a better copy: keep it in the old one's place
                if doc.doc_id != old.doc_id:
                    doc, clauses = rename_document(doc, clauses, old.doc_id)
                completed = complete_from_copy(doc, old)
                kept[match] = (completed, carry_metadata(completed, clauses))
                by_key[key] = match
                duplicates.append(Duplicate(old.source, old.doc_id, doc.source))
                replaced[old.source] = doc.source
            else:
                completed = complete_from_copy(old, doc)
                kept[match] = (completed, carry_metadata(completed, old_clauses))
                duplicates.append(Duplicate(doc.source, doc.doc_id, old.source))
            continue
        index = len(kept)
        by_key[key] = index
        by_id.setdefault(doc.doc_id, []).append((index, key))
        if doc.year is not None:
            by_year.setdefault(doc.year, []).append((index, key))
        if doc.doc_id in used_ids:
            digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
            new_id = next(f"{doc.doc_id}.{digest[i:i + 6]}" for i in range(0, 35)
                          if f"{doc.doc_id}.{digest[i:i + 6]}" not in used_ids)
            doc, clauses = rename_document(doc, clauses, new_id)
        used_ids.add(doc.doc_id)
        kept.append((doc, clauses))

    def final(source: str) -> str:
        while source in replaced:
            source = replaced[source]
        return source

    return kept, [Duplicate(d.source, d.doc_id, final(d.same_as)) for d in duplicates]


def duplicates_message(duplicates: list[Duplicate], limit: int = 5) -> str | None:
    """``skipped 2 duplicate notices: b.pdf (= a.txt), c.docx (= a.txt)`` (None when there are none)."""
    if not duplicates:
        return None
    shown = ", ".join(f"{d.source} (= {d.same_as})" for d in duplicates[:limit])
    more = f" and {len(duplicates) - limit} more" if len(duplicates) > limit else ""
    noun = "notice" if len(duplicates) == 1 else "notices"
    return f"skipped {len(duplicates)} duplicate {noun}: {shown}{more}"
