"""Typed records that flow through the pipeline: Document -> Clause -> Labels/Prediction.

All are frozen dataclasses with ``to_dict``/``from_dict`` for JSON in and out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


def _from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    for key in ("heading_path", "agencies", "sector", "measure_type"):
        if key in kwargs and isinstance(kwargs[key], list):
            kwargs[key] = tuple(kwargs[key])
    if "span" in kwargs and kwargs["span"] is not None:
        kwargs["span"] = tuple(kwargs["span"])
    return cls(**kwargs)


@dataclass(frozen=True)
class Document:
    """One notice: metadata plus its cleaned body text (the text clause spans point into)."""

    doc_id: str
    title: str
    year: int | None
    doc_number: str | None
    issuer: str | None
    date: str | None  # ISO yyyy-mm-dd signing date, when present
    source: str
    text: str
    # who wrote it and what kind of document it is (values: ``policytag.corpus.metadata``)
    region: str | None = None  # 山西省, 某市某县; "全国" for central organs
    level: str | None = None  # central | province | city | county | department
    genre: str | None = None  # annual_notice | work_points | special_plan | emergency_plan | regulation | other

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Clause:
    """The unit of annotation: one numbered item, paragraph or sector sub-paragraph."""

    doc_id: str
    clause_id: str
    heading_path: tuple[str, ...]
    text: str
    kind: str  # "preamble" | "clause"
    agencies: tuple[str, ...] = ()
    span: tuple[int, int] = (0, 0)  # character offsets into Document.text
    year: int | None = None
    # the document's metadata, copied onto every clause so each output row carries it
    issuer: str | None = None
    region: str | None = None
    level: str | None = None
    genre: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["heading_path"] = list(self.heading_path)
        d["agencies"] = list(self.agencies)
        d["span"] = list(self.span)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Clause":
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Labels:
    """Label ids of both dimensions, in taxonomy order (or dominance order for gold measure types)."""

    sector: tuple[str, ...] = ()
    measure_type: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"sector": list(self.sector), "measure_type": list(self.measure_type)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Labels":
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Prediction:
    """Predicted labels with a probability for every label of both dimensions."""

    labels: Labels
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    model_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self.labels.to_dict(), "scores": self.scores, "model_version": self.model_version}


@dataclass(frozen=True)
class Evidence:
    """Why a label was output: a cue word, a codebook rule, a weighted n-gram or an attribution.

    ``span``: character offsets into the clause text (``source="text"``) or into the heading path
    joined with ``" > "`` (``source="heading"``). ``weight``: 1.0 for a cue/rule hit; the
    coefficient × TF-IDF value of an n-gram; the probability drop when occluding a phrase.
    """

    label: str
    dimension: str
    kind: str  # "cue" | "rule" | "ngram" | "attribution"
    text: str
    span: tuple[int, int]
    weight: float = 1.0
    source: str = "text"
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        if self.rule is None:
            d.pop("rule")
        return d
