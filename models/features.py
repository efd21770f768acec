"""Clause -> model input text (label encodings live in the core: ``policytag.labels``)."""

from __future__ import annotations

from typing import Iterable

from policytag.records import Clause
from policytag.text import HEADING_JOIN, INPUT_SEP



def clause_input(clause: Clause, use_heading: bool = True) -> str:
    """The text a model sees: heading path (context) then the clause text.

    Headings often name the instrument (``深化专项整治``), so they are included by default.
    """
    if use_heading and clause.heading_path:
        return HEADING_JOIN.join(clause.heading_path) + INPUT_SEP + clause.text
    return clause.text


def inputs(clauses: Iterable[Clause], use_heading: bool = True) -> list[str]:
    return [clause_input(c, use_heading) for c in clauses]
