"""The harness the genre tests share (tests/test_genres13.py … tests/test_genres17.py).

Each session wrote notices of genres not read before into tests/data/genresNN/, with the expected reading of each
written down in EXPECTED.md before the segmenter was run on it, and tests that read every notice:

- as typed: the document's (title, issuer, region, level, genre, year, date) and each clause's (heading path, kind,
  start of the text), from a table ``{file: (meta, [(heading path, kind, start), ...])}``;
- wrapped like a PDF at 60…100 cells (``wrap``) and copied from a phone (``phone_wrap``): the same clauses as typed.

A reading still wrong is a strict xfail naming why (``known_gaps``, ``wrap_miss``, ``phone_miss``): a fix shows as an
XPASS, to be turned into a plain test. ``GenreSet`` holds one session's table and gaps; the test files keep their
own test functions (their names and ids stay) and call its checks.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from policytag.corpus.clean import display_width
from policytag.corpus.segment import segment_paths, segment_text
from test_genres import wrap

#: the widths a PDF's text copy is wrapped at (display cells)
PDF_WIDTHS = (60, 70, 80, 90, 100)

#: (heading path, kind, start of the clause's text)
Expected = tuple[tuple[str, ...], str, str]
#: (title, issuer, region, level, genre, year, date)
Meta = tuple


def phone_wrap(text: str, width: int = 35, colon_indented: bool = False) -> str:
    """Text as a phone shows a notice copied from it: every paragraph under the title opens with two full-width
    spaces and every line stops at ``width`` cells (the signature and the date set alone, as they are).
    ``colon_indented``: a paragraph ending in ： (an addressee, ``会议要求：``, a lead-in) is indented too, as a real
    phone's copy sets it (the default leaves it flush, as the older tests were written against)."""
    out = []
    for k, line in enumerate(text.split("\n")):
        indent = (k > 0 and bool(line) and (colon_indented or not line.endswith("："))
                  and not _SIGNATURE.match(line))
        cur = "\u3000\u3000" if indent else ""
        for ch in line:
            if display_width(cur + ch) > width:
                out.append(cur)
                cur = ""
            cur += ch
        out.append(cur)
    return "\n".join(out)


_SIGNATURE = re.compile(r"^\s*(?:\d{4}年\d{1,2}月\d{1,2}日|\S{2,20}(?:局|人民政府|办公室|委员会))\s*$")


def meta(doc) -> Meta:
    return (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date)


def start_of(clauses, expected: list[Expected]) -> list[Expected]:
    """The clauses as (heading path, kind, start of the text), each cut to the length of the expected start (a
    clause past the expected ones whole)."""
    starts = [e[2] for e in expected] + [""] * max(0, len(clauses) - len(expected))
    return [(c.heading_path, c.kind, c.text[:len(s)] if s else c.text) for c, s in zip(clauses, starts)]


def all_clauses(docs) -> list:
    """Every document's title and its clauses whole: what a wrapped copy must read as the typed text does."""
    return [(d.title, [(c.heading_path, c.kind, c.text) for c in cs]) for d, cs in docs]


def xfail_unless(values: Iterable, misses: Mapping | Collection, reason: str | None = None) -> list:
    """``values`` as pytest parameters, those in ``misses`` strict xfails (a mapping gives each its reason)."""
    def why(v) -> str:
        return misses[v] if isinstance(misses, Mapping) else reason or "known miss"
    return [pytest.param(*(v if isinstance(v, tuple) else (v,)), marks=pytest.mark.xfail(strict=True, reason=why(v)))
            if v in misses else v for v in values]


@dataclass(frozen=True)
class GenreSet:
    """One session's notices (``data``: tests/data/genresNN/) and their expected readings (``cases``).

    ``as_file``: read each notice as a user's file (``segment_paths``: the reader reads a table typed as text, one
    document and no error expected) rather than its text (``segment_text``). ``unwrapped``: notices left out of the
    wrap and phone tests (a phone copy already). ``known_gaps``: (test, file) -> why, for the ``reading`` and
    ``clauses`` tests; ``wrap_miss``: (file, width); ``phone_miss``: file -> why (a set: "known phone-copy miss").
    """
    data: Path
    cases: dict[str, tuple[Meta, list[Expected]]]
    known_gaps: dict[tuple[str, str], str] = field(default_factory=dict)
    wrap_miss: Collection[tuple[str, int]] = field(default_factory=set)
    phone_miss: Mapping[str, str] | Collection[str] = field(default_factory=dict)
    as_file: bool = False
    unwrapped: Collection[str] = ()

    # --- parameters -----------------------------------------------------------------------------------------
    def known(self, test: str) -> list:
        """The notices for ``test`` (``reading`` or ``clauses``), its known gaps strict xfails."""
        return xfail_unless(sorted(self.cases), {n: why for (t, n), why in self.known_gaps.items() if t == test})

    def wrap_params(self) -> list:
        return xfail_unless([(n, w) for n in sorted(self.cases) if n not in self.unwrapped for w in PDF_WIDTHS],
                            self.wrap_miss, "known wrap miss")

    def phone_params(self) -> list:
        return xfail_unless([n for n in sorted(self.cases) if n not in self.unwrapped], self.phone_miss,
                            "known phone-copy miss")

    # --- reading ----------------------------------------------------------------------------------------------
    def text(self, name: str) -> str:
        return (self.data / name).read_text(encoding="utf-8")

    def read(self, name: str, text: str | None = None) -> list:
        """[(document, clauses)] of a notice (its own text, or ``text`` under its name)."""
        if text is None and self.as_file:
            result = segment_paths([self.data / name])
            assert not result.errors, result.errors
            assert len(result.documents) == 1, [d.title for d in result.documents]
            return [(result.documents[0], result.clauses)]
        return segment_text(self.text(name) if text is None else text, name)

    # --- checks -------------------------------------------------------------------------------------------------
    def check_listed(self) -> None:
        """Every notice of the folder is in the table and has its reading written down in EXPECTED.md."""
        assert sorted(p.name for p in self.data.glob("*.txt")) == sorted(self.cases)
        expected_md = (self.data / "EXPECTED.md").read_text(encoding="utf-8")
        assert all(f"## {name}" in expected_md for name in self.cases)

    def check_reading(self, name: str) -> None:
        assert [meta(d) for d, _ in self.read(name)] == [self.cases[name][0]]

    def check_clauses(self, name: str) -> None:
        (_, clauses), = self.read(name)
        assert start_of(clauses, self.cases[name][1]) == self.cases[name][1]

    def check_wrapped(self, name: str, width: int) -> None:
        text = self.text(name)
        assert all_clauses(segment_text(wrap(text, width), name)) == all_clauses(segment_text(text, name))

    def check_phone(self, name: str) -> None:
        text = self.text(name)
        assert all_clauses(segment_text(phone_wrap(text), name)) == all_clauses(segment_text(text, name))
