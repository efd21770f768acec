"""Clause -> model input text (label encodings live in the core: ``policytag.labels``)."""

from __future__ import annotations

from typing import Iterable

from policytag.records import Clause
from policytag.text import HEADING_JOIN, INPUT_SEP, strip_remarks



def clause_input(clause: Clause, use_heading: bool = True) -> str:
    """The text a model sees: heading path (context) then the clause text.

    Headings often name the instrument (``深化专项整治``), so they are included by default.
    Responsible-agency remarks (``（牵头单位：……）``) are left out: codebook rule 2 makes them
    metadata, and their agency names would teach n-grams nothing about the measure.
    """
    text = strip_remarks(clause.text)
    if use_heading and clause.heading_path:
        return HEADING_JOIN.join(clause.heading_path) + INPUT_SEP + text
    return text


def inputs(clauses: Iterable[Clause], use_heading: bool = True) -> list[str]:
    return [clause_input(c, use_heading) for c in clauses]
