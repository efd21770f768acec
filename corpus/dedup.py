"""Each notice once per run: drop repeated documents, make colliding ``doc_id``s distinct.

The same notice often arrives more than once (``notice.txt``, ``notice.pdf`` and ``notice.docx``
in one folder, or one file named twice). Its copies are *duplicates* when their cleaned text is
the same after normalisation (whitespace and punctuation removed: PDF and Word extraction
differ there), or when they share a ``doc_id`` (the same document number/title) and their texts
are near-identical (character 4-gram Jaccard >= 0.9: a PDF text layer may lose a character or
two). The first copy in input order is kept; the others are reported.

Different documents whose ``doc_id`` collides (two drafts of one notice, two notices without
number or title from files of the same name) keep apart: every later one gets a deterministic
suffix from its content hash, ``2026-64f8d5`` -> ``2026-64f8d5.1a2b3c``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from policytag.records import Clause, Document

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


def _shingles(key: str, n: int = 4) -> set[str]:
    return {key[i:i + n] for i in range(max(1, len(key) - n + 1))}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _rename(doc: Document, clauses: list[Clause], new_id: str) -> tuple[Document, list[Clause]]:
    doc2 = Document(**{**doc.to_dict(), "doc_id": new_id})
    out = [Clause.from_dict({**c.to_dict(), "doc_id": new_id,
                             "clause_id": new_id + c.clause_id[len(doc.doc_id):]}) for c in clauses]
    return doc2, out


def dedupe_documents(results: list[tuple[Document, list[Clause]]]
                     ) -> tuple[list[tuple[Document, list[Clause]]], list[Duplicate]]:
    """``[(document, its clauses)]`` in input order -> (kept pairs, dropped duplicates).

    Kept documents have distinct ``doc_id``s; their order is the input order.
    """
    kept: list[tuple[Document, list[Clause]]] = []
    duplicates: list[Duplicate] = []
    by_key: dict[str, Document] = {}
    by_id: dict[str, list[tuple[Document, str]]] = {}  # original doc_id -> kept copies (and keys)
    used_ids: set[str] = set()
    for doc, clauses in results:
        key = content_key(doc.text)
        if key in by_key:
            duplicates.append(Duplicate(doc.source, doc.doc_id, by_key[key].source))
            continue
        same_id = by_id.get(doc.doc_id, [])
        # shingles only when ids collide (rare): building them costs a pass over the text
        shingles = _shingles(key) if same_id else set()
        near = next((d for d, k in same_id if _jaccard(_shingles(k), shingles) >= NEAR_DUPLICATE_JACCARD), None)
        if near is not None:
            duplicates.append(Duplicate(doc.source, doc.doc_id, near.source))
            continue
        by_key[key] = doc
        by_id.setdefault(doc.doc_id, []).append((doc, key))
        if doc.doc_id in used_ids:
            digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
            new_id = next(f"{doc.doc_id}.{digest[i:i + 6]}" for i in range(0, 35)
                          if f"{doc.doc_id}.{digest[i:i + 6]}" not in used_ids)
            doc, clauses = _rename(doc, clauses, new_id)
        used_ids.add(doc.doc_id)
        kept.append((doc, clauses))
    return kept, duplicates


def duplicates_message(duplicates: list[Duplicate], limit: int = 5) -> str | None:
    """``skipped 2 duplicate notices: b.pdf (= a.txt), c.docx (= a.txt)`` (None when there are none)."""
    if not duplicates:
        return None
    shown = ", ".join(f"{d.source} (= {d.same_as})" for d in duplicates[:limit])
    more = f" and {len(duplicates) - limit} more" if len(duplicates) > limit else ""
    noun = "notice" if len(duplicates) == 1 else "notices"
    return f"skipped {len(duplicates)} duplicate {noun}: {shown}{more}"
