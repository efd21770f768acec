"""The one writer of the synthetic clause files the report probes measure memory and speed on
(tests/data/reports7/, reports8/, reports9/ ``make_clauses.py`` each give it their own invented places and
phrases, and keep their command line). Every clause recombines phrases written for those tests: a few
actions on a subject, between an opener and a closer; no sentence of a real document.

A row: ``id`` (``<prefix>0000001`` …), ``doc_id`` (``<place>-<notice number>``), ``year``, ``heading``,
``text`` and, when the notices have a level (:attr:`Notices.level`), the notice's metadata as
``policytag segment`` writes it (``title``, ``issuer``, ``region``, ``level``, ``genre``). Deterministic: a
seeded ``random.Random`` drawn in one fixed order, so a given N, seed and phrases give the same file, byte for
byte, as the three copies this replaces did."""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from typing import Callable, Iterator


@dataclass(frozen=True)
class Phrases:
    """What a clause is made of: ``opener + "；".join(1–3 actions on a subject) + closer``; ``{s}`` in an action
    is the subject, ``{m}`` in a closer a month drawn from ``months`` (both ends included)."""

    openers: tuple[str, ...]
    actions: tuple[str, ...]
    subjects: tuple[str, ...]
    closers: tuple[str, ...]
    headings: tuple[str, ...]
    months: tuple[int, int]


@dataclass(frozen=True)
class Notices:
    """How clauses fall into notices: ``per_notice`` clauses a notice; ``place_year(k)`` the region and year
    of the k-th notice; ``level(k)`` its level (None: rows without document metadata, as a bare clause file)."""

    per_notice: int
    place_year: Callable[[int], tuple[str, int]]
    level: Callable[[int], str] | None = None
    id_prefix: str = "c"


def clause_rows(n: int, phrases: Phrases, notices: Notices, seed: int) -> Iterator[dict]:
    """``n`` clause rows (see the module doc)."""
    rng = random.Random(seed)
    lo, hi = phrases.months
    for i in range(1, n + 1):
        doc = (i - 1) // notices.per_notice
        region, year = notices.place_year(doc)
        # the draws in this order (the action, then its subject; opener, closer, month; the heading): the files
        # the EXPECTED.md figures were measured on
        parts = [rng.choice(phrases.actions).format(s=rng.choice(phrases.subjects)) for _ in range(rng.randint(1, 3))]
        text = rng.choice(phrases.openers) + "；".join(parts) + rng.choice(phrases.closers).format(m=rng.randint(lo, hi))
        row = {"id": f"{notices.id_prefix}{i:07d}", "doc_id": f"{region}-{doc:05d}", "year": year,
               "heading": rng.choice(phrases.headings), "text": text}
        if notices.level is not None:
            row.update(title=f"{region}人民政府关于做好{year}年安全生产工作的通知", issuer=f"{region}人民政府",
                       region=region, level=notices.level(doc), genre="annual_notice")
        yield row


def main(description: str, phrases: Phrases, notices: Notices, seed: int, default_n: int,
         parquet: bool = False) -> None:
    """The command line of a ``make_clauses.py``: ``OUT.jsonl [N]`` (and ``--parquet OUT.parquet`` where
    ``parquet``)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("out")
    ap.add_argument("n", type=int, nargs="?", default=default_n)
    if parquet:
        ap.add_argument("--parquet", help="also write the rows as Parquet")
    args = ap.parse_args()
    rows = clause_rows(args.n, phrases, notices, seed)
    if getattr(args, "parquet", None):
        rows = list(rows)  # written twice
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if getattr(args, "parquet", None):
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), args.parquet)
