"""Clause -> model input text (label encodings live in the core: ``policytag.labels``)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np

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


#: where a clause's sentences and numbered items end (for the ``sentences`` meta feature)
_SENTENCE_END = re.compile(r"[。；;！？!?]+|(?=（[一二三四五六七八九十\d]+）)|(?=\d+[.．、](?!\d))")


def clause_meta_features(clauses: Sequence[Clause], names: Sequence[str], cued: np.ndarray) -> np.ndarray:
    """Clause-level meta features of the hybrid (``meta_extra``), ``[n, len(names)]``.

    ``cued``: ``[n, k]`` whether a cue or rule of each label of the dimension fires in the text.
    ``log_length``: log(characters / 64) of the text without remarks (64 ~ a training clause);
    ``sentences``: log of the number of sentences/items; ``cue_labels``: log(1 + labels cued).
    """
    cols = []
    texts = [strip_remarks(c.text) for c in clauses] if {"log_length", "sentences"} & set(names) else []
    for name in names:
        if name == "log_length":
            cols.append(np.log(np.maximum([len(t) for t in texts], 1) / 64.0))
        elif name == "sentences":
            cols.append(np.log([max(1, sum(1 for p in _SENTENCE_END.split(t) if p and p.strip())) for t in texts]))
        elif name == "cue_labels":
            cols.append(np.log1p((np.asarray(cued) > 0).sum(axis=1)))
        else:
            raise ValueError(f"unknown meta feature {name!r}")
    return np.stack(cols, axis=1).astype(np.float64) if cols else np.zeros((len(clauses), 0))
