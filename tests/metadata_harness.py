"""The harness the metadata probe tests share (tests/test_metadata_g12.py … g16.py).

Each probe file lists its documents (tests/data/metadataNN/*.txt) in groups — those read right when probed, those the
session fixed, those still open — as ``file: (title, issuer, region, level, genre, year, date, doc_number)``, the
reading written down in the folder's EXPECTED.md before the code ran; a file holding two documents (a 转发 letter and
the notice pasted after it) lists one reading per document. A reading still wrong is a strict xfail whose reason names
the gap (``KNOWN_GAPS``): a fix shows as an XPASS, to move into the fixed group.

``probe_tests`` builds the two tests every probe file ran (the folder lists exactly its documents; each one-document
file reads as written down); the helpers below read a file of several documents and a researcher's folder of copies
(dedup) through the CLI, as the probe files did each for themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from conftest import read_document_metadata, run_cli

Reading = tuple  # (title, issuer, region, level, genre, year, date, doc_number)


def meta(doc) -> Reading:
    """A document's reading in the order the probe files write it."""
    return (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date, doc.doc_number)


def read_documents(path: Path) -> list[Reading]:
    """The reading of every document of a file, in order (a file holding a letter and the notice it forwards)."""
    from policytag.corpus.segment import segment_paths

    result = segment_paths([path])
    assert not result.errors, result.errors
    return [meta(d) for d in result.documents]


def _disjoint(groups: tuple[Mapping[str, Reading], ...]) -> bool:
    names = [name for group in groups for name in group]
    return len(names) == len(set(names))


def probe_tests(data: Path, *groups: Mapping[str, Reading], known_gaps: Mapping[str, str] | None = None,
                two_documents: Mapping[str, list[Reading]] | None = None,
                at_least: int = 40) -> tuple[Callable[[], None], Callable[[str], None]]:
    """``(test_every_document_is_listed, test_document_metadata)`` for the documents in ``data``.

    ``groups`` are the file's disjoint groups of one-document files (probed, fixed, …, open last); every known gap is
    a file of the last group, its test a strict xfail. Assign the two to module names starting ``test_`` so pytest
    collects them there."""
    known_gaps = dict(known_gaps or {})
    two_documents = dict(two_documents or {})
    documents: dict[str, Reading] = {name: reading for group in groups for name, reading in group.items()}

    def test_every_document_is_listed() -> None:
        assert sorted(p.name for p in data.glob("*.txt")) == sorted([*documents, *two_documents])
        assert _disjoint(groups) and not documents.keys() & two_documents.keys()
        assert set(known_gaps) <= set(groups[-1])
        assert len(documents) + len(two_documents) >= at_least

    @pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=known_gaps[n]))
                                      if n in known_gaps else n for n in sorted(documents)])
    def test_document_metadata(name: str) -> None:
        assert read_document_metadata(data / name) == documents[name]

    return test_every_document_is_listed, test_document_metadata


# a researcher's folder of copies of one notice (dedup): written in the formats a folder mixes, read by the CLI


def write_docx(path: Path, text: str) -> None:
    """One paragraph a line, as an office's .docx holds a notice."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)


def write_html(path: Path, text: str, head: list[str] = (), tail: list[str] = ()) -> None:
    """One <p> a line; ``head`` and ``tail`` are a portal page's lines around the notice."""
    body = "".join(f"<p>{line}</p>" for line in [*head, *text.splitlines(), *tail])
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def write_copies(folder: Path, files: Mapping[str, str]) -> None:
    """Each ``name: text`` written in the format its name ends with (.docx, .html, else plain text)."""
    writers = {".docx": write_docx, ".html": write_html}
    for name, text in files.items():
        writer = writers.get(Path(name).suffix, lambda p, t: p.write_text(t, encoding="utf-8"))
        writer(folder / name, text)


def segment_documents(folder: Path) -> tuple[list[dict], str]:
    """``policytag segment FOLDER --documents``: the documents kept, and stderr (which names the copies skipped)."""
    proc = run_cli("segment", folder, "--documents")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], proc.stderr


def segment_folder(folder: Path) -> tuple[list, list[str]]:
    """The documents kept from ``folder`` and the file name of each copy skipped as a duplicate, read in process
    (``segment_paths``, which the CLI runs): cheaper than :func:`segment_documents` where the CLI's output is not
    what a test is about."""
    from policytag.corpus.segment import segment_paths

    result = segment_paths([folder])
    assert not result.errors, result.errors
    return result.documents, [Path(d.source).name for d in result.duplicates]


def segment_rows(folder: Path) -> tuple[list[tuple], str]:
    """``policytag segment FOLDER``: each document's (doc_id, title, year, genre) as its clause rows carry them."""
    proc = run_cli("segment", folder)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return sorted({(r["doc_id"], r["title"], r["year"], r["genre"]) for r in rows}), proc.stderr
