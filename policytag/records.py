"""Typed records that flow through the pipeline: Document -> Clause -> Labels/Prediction.

All are frozen dataclasses with ``to_dict``/``from_dict`` for JSON in and out.
"""

from __future__ import annotations

import operator
from dataclasses import MISSING, asdict, dataclass, field, fields
from collections.abc import Iterable
from typing import Any

from .text import AGENCY_ROLES, HEADING_JOIN


def _from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    for key in ("heading_path", "agencies", "sector", "measure_type"):
        if key in kwargs and isinstance(kwargs[key], list):
            kwargs[key] = tuple(kwargs[key])
    if kwargs.get("agency_roles"):
        kwargs["agency_roles"] = tuple(r if isinstance(r, AgencyRole) else AgencyRole(r["name"], r["role"])
                                       for r in kwargs["agency_roles"])
    elif "agency_roles" in kwargs:
        kwargs["agency_roles"] = ()
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
    genre: str | None = None  # one of policytag.corpus.metadata.GENRES (annual_notice … duty_list, other)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        return _from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class AgencyRole:
    """An agency a clause names and its role in the task: ``lead`` (牵头, 牵头单位：, 主责单位：, the organ before
    会同, 为牵头单位), ``support`` (配合, 参与, 协助, 协办, 配合单位：, 协办单位：, the organ after 会同) or
    ``responsible`` (负责, 按职责分工负责, 责任单位：, 实施单位：…; no lead named). ``policytag.text.AGENCY_ROLES``."""

    name: str
    role: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


#: how a CSV (``policytag tag`` rows, ``policytag segment --format csv``) writes a clause's agency roles:
#: ``县应急局:lead; 各乡镇:support`` (name, ``:``, role; ``; `` between)
ROLE_ITEM_SEP, ROLE_SEP = "; ", ":"


def agency_roles_cell(roles: Iterable[dict[str, str]]) -> str:
    """A row's ``agency_roles`` as the CSV's one readable cell, ``县应急局:lead; 各乡镇:support`` ("" when none):
    a spreadsheet reader sees who leads, and ``agency_roles_from_cell`` reads it back (a role holds no ``:``, so
    each item splits at its last one; an agency's name holds no ``; ``: the readers split names at ``；``/``;``)."""
    return ROLE_ITEM_SEP.join(f"{r['name']}{ROLE_SEP}{r['role']}" for r in roles)


def agency_roles_from_cell(cell: str) -> list[dict[str, str]]:
    """``agency_roles_cell``'s text back as the JSONL rows' list (``[{"name": …, "role": …}]``)."""
    out = []
    for item in filter(None, (i.strip() for i in cell.split(ROLE_ITEM_SEP.strip()))):
        name, _, role = item.rpartition(ROLE_SEP)
        out.append({"name": name, "role": role})
    return out


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
    # ``agencies`` each with its role (lead / support / responsible: ``AgencyRole``), the same names in the same
    # order where the reader knows them; empty where it does not (a clause file's row that gives ``agencies`` alone,
    # a file written before the field)
    agency_roles: tuple[AgencyRole, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["heading_path"] = list(self.heading_path)
        d["agencies"] = list(self.agencies)
        d["agency_roles"] = [r.to_dict() for r in self.agency_roles]
        d["span"] = list(self.span)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Clause":
        """A ``to_dict`` result back (trusted data this package wrote); rows from users, files or
        Label Studio go through ``from_row``."""
        return _from_dict(cls, data)

    @classmethod
    def from_row(cls, row: Any, *, doc_id: str = "", clause_id: str | None = None) -> "Clause":
        """The one way a row (a JSON object from a clause file, a Label Studio task's ``data``, a
        challenge/augmentation line, an annotation export) becomes a ``Clause``.

        Keys: ``text`` (required: a non-empty string; surrounding whitespace dropped);
        ``clause_id`` or ``id`` (a string or an integer; else the ``clause_id`` argument; one of
        them is required); ``doc_id`` (string or integer; else the ``doc_id`` argument);
        ``heading_path`` (a list of strings) or ``heading`` (a string, split on ``HEADING_JOIN``
        `` > ``); ``kind`` (``clause``/``preamble``, default ``clause``); ``year`` (an integer);
        ``agencies`` (a list of strings); ``agency_roles`` (a list of ``{"name": …, "role": …}`` objects, ``role``
        one of ``lead``/``support``/``responsible``; absent: empty); ``span`` (two integers); any other ``Clause`` field
        that defaults to ``None`` (document metadata) as a string. Unknown keys are ignored (tasks
        and exports carry more).

        Raises ``RowError`` (a ``ValueError``) with a one-line reason naming the key; callers add
        where the row came from (``FILE: line N: <reason>``).
        """
        if not isinstance(row, dict):
            raise RowError(f"expected a JSON object, got {json_type(row)}")
        text = row.get("text")
        if text is None:
            raise RowError("missing 'text' (the clause text, a string)")
        if not isinstance(text, str):
            raise RowError(f"'text' must be a string, got {json_type(text)}")
        if not text.strip():
            raise RowError("'text' is empty")
        key = "clause_id" if row.get("clause_id") not in (None, "") else "id"
        cid = _identifier(row.get(key), key)
        if cid is None:
            if clause_id is None:
                raise RowError("missing 'clause_id' (a string or an integer)")
            cid = str(clause_id)
        did = _identifier(row.get("doc_id"), "doc_id")
        kwargs: dict[str, Any] = {"doc_id": doc_id if did is None else did, "clause_id": cid,
                                  "heading_path": _heading_path(row), "text": text.strip()}
        kind = row.get("kind")
        if kind is not None:
            if kind not in ("clause", "preamble"):
                raise RowError(f"'kind' must be 'clause' or 'preamble', got {kind!r}"[:120])
            kwargs["kind"] = kind
        else:
            kwargs["kind"] = "clause"
        year = row.get("year")
        if year is not None:
            if isinstance(year, bool) or not isinstance(year, int):
                raise RowError(f"'year' must be an integer, got {json_type(year)}")
            kwargs["year"] = year
        agencies = row.get("agencies")
        if agencies is not None:
            if not isinstance(agencies, list) or not all(isinstance(a, str) for a in agencies):
                raise RowError(f"'agencies' must be a list of strings, got {json_type(agencies)}"
                               + (' (write ["省应急厅"], not "省应急厅")' if isinstance(agencies, str) else ""))
            kwargs["agencies"] = tuple(a.strip() for a in agencies if a.strip())
        if row.get("agency_roles") is not None:
            kwargs["agency_roles"] = _agency_roles(row["agency_roles"])
        span = row.get("span")
        if span is not None:
            if not (isinstance(span, list) and len(span) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in span)):
                raise RowError("'span' must be a list of two integers")
            kwargs["span"] = tuple(span)
        for f in fields(cls):  # optional metadata (issuer, title, ...): strings or null
            if f.name in kwargs or f.default is not None or f.default is MISSING or row.get(f.name) is None:
                continue
            if not isinstance(row[f.name], str):
                raise RowError(f"'{f.name}' must be a string, got {json_type(row[f.name])}")
            kwargs[f.name] = row[f.name].strip() or None
        return cls(**kwargs)


class RowError(ValueError):
    """A row that cannot become a record; the message is one line naming the key and the reason."""


def same_objects(a, b) -> bool:
    """``a`` and ``b`` hold the very same objects, in order (identity, not equality): a per-batch
    memo answers a repeated ask of one batch (features, decoding and evidence ask in turn) without
    building a key per clause; clauses are frozen, so the same objects mean the same input."""
    return len(a) == len(b) and all(map(operator.is_, a, b))


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages (``a number``, ``a list``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list" + (" of non-strings" if value and not all(isinstance(v, str) for v in value) else "")
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _identifier(value: Any, key: str) -> str | None:
    """An id: a string or an integer (as its decimal string); None when absent or empty. An
    object, list, float or boolean is an error, never its repr."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise RowError(f"'{key}' must be a string or an integer, got {json_type(value)}")


def _agency_roles(value: Any) -> tuple[AgencyRole, ...]:
    """A row's ``agency_roles``: a list of ``{"name": "县应急局", "role": "lead"}`` objects (the role one of
    ``AGENCY_ROLES``); a one-line ``RowError`` naming what is wrong."""
    form = ' (write [{"name": "县应急局", "role": "lead"}])'
    if not isinstance(value, list):
        raise RowError(f"'agency_roles' must be a list of objects, got {json_type(value)}" + form)
    out: list[AgencyRole] = []
    for item in value:
        if not (isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip()):
            raise RowError(f"'agency_roles' items must be objects with a 'name' string, got {json_type(item)}" + form)
        if item.get("role") not in AGENCY_ROLES:
            raise RowError(f"'agency_roles' role must be one of {', '.join(AGENCY_ROLES)}, got "
                           + (repr(item.get("role")) if isinstance(item.get("role"), str) else json_type(item.get("role")))[:60])
        out.append(AgencyRole(item["name"].strip(), item["role"]))
    return tuple(out)


def _heading_path(row: dict[str, Any]) -> tuple[str, ...]:
    """``heading_path`` (a list of strings) or ``heading`` (a string split on HEADING_JOIN); empty
    parts dropped."""
    if row.get("heading_path") is not None:
        value = row["heading_path"]
        if not (isinstance(value, list) and all(isinstance(h, str) for h in value)):
            # a string here is more likely a mistake than a joined path: that is what 'heading' is for
            raise RowError(f"'heading_path' must be a list of strings, got {json_type(value)}"
                           + (" (or give the joined path as 'heading')" if isinstance(value, str) else ""))
        parts = value
    elif row.get("heading") is not None:
        if not isinstance(row["heading"], str):
            raise RowError(f"'heading' must be a string, got {json_type(row['heading'])}")
        parts = row["heading"].split(HEADING_JOIN)
    else:
        parts = []
    return tuple(h.strip() for h in parts if h.strip())


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


@dataclass(frozen=True, slots=True)  # a clause holds ~15 of them: 96 bytes each in slots, 208 with a __dict__
class Evidence:
    """Why a label was output: a cue word, a codebook rule, a weighted n-gram, an attribution, or (no lexical
    evidence at all) the model's score.

    ``span``: character offsets into the clause text (``source="text"``) or into the heading path
    joined with ``" > "`` (``source="heading"``); empty for a score. ``weight``: 1.0 for a cue/rule hit; the
    coefficient × TF-IDF value of an n-gram; the probability drop when occluding a phrase; the probability
    for a score.
    """

    label: str
    dimension: str
    kind: str  # "cue" | "rule" | "ngram" | "attribution" | "score" (inference.tagging.clause_evidence)
    text: str
    span: tuple[int, int]
    weight: float = 1.0
    source: str = "text"
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # written out (not dataclasses.asdict, whose recursion and deep copies were half the time of
        # writing a million tagged rows); the same keys in the same order
        d = {"label": self.label, "dimension": self.dimension, "kind": self.kind, "text": self.text,
             "span": list(self.span), "weight": self.weight, "source": self.source}
        if self.rule is not None:
            d["rule"] = self.rule
        return d
