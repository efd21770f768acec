"""Label Studio annotation results <-> labels, for the policytag labeling config.

One place knows how labels are stored: sectors in the ``sector`` control, the dominant measure
type in ``measure_dominant`` (single choice) and the other measure types in ``measure_other``.
``measure_type`` lists are always dominant first: :func:`annotation_result` splits them,
:func:`parse_result` joins them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from policytag.taxonomy import Taxonomy

from .labeling_config import DOMINANT, NOTE_NAME, OTHER, SECTOR, TEXT_NAME


def annotation_result(sector: Sequence[str], measure_type: Sequence[str], note: str = "") -> list[dict]:
    """A Label Studio result for our config (ids, as stored by each choice's ``alias``).

    ``measure_type[0]`` is the dominant measure type; the rest are the other measure types.
    """
    measure = list(dict.fromkeys(measure_type))
    result = [{"from_name": SECTOR, "to_name": TEXT_NAME, "type": "choices", "value": {"choices": list(sector)}}]
    if measure:
        result.append({"from_name": DOMINANT, "to_name": TEXT_NAME, "type": "choices",
                       "value": {"choices": measure[:1]}})
    if measure[1:]:
        result.append({"from_name": OTHER, "to_name": TEXT_NAME, "type": "choices", "value": {"choices": measure[1:]}})
    if note:
        result.append({"from_name": NOTE_NAME, "to_name": TEXT_NAME, "type": "textarea", "value": {"text": [note]}})
    return result


def _choices(value: Any) -> list[str]:
    """``value.choices`` is normally a list; tolerate a bare string (JSON_MIN-style single choice)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and "choices" in value:
        return _choices(value["choices"])
    return [str(v) for v in value]


def to_ids(values: Iterable[str], dim: str, taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """Map stored choices (ids or Chinese names) to ids; returns (ids, unknown values)."""
    d = taxonomy[dim]
    by_name = {label.name: label.id for label in d.labels}
    ids, unknown = [], []
    for v in values:
        if v in d.ids:
            ids.append(v)
        elif v in by_name:
            ids.append(by_name[v])
        else:
            unknown.append(v)
    return list(dict.fromkeys(ids)), unknown


@dataclass
class ParsedResult:
    """The labels of one annotation result."""

    sector: list[str] = field(default_factory=list)
    #: dominant first (when there is one), then the others in the order stored
    measure_type: list[str] = field(default_factory=list)
    dominant: str | None = None
    note: str = ""
    #: "control 'value'" for every stored choice that is not in the taxonomy
    unknown: list[str] = field(default_factory=list)


def parse_result(result: Sequence[dict] | None, taxonomy: Taxonomy) -> ParsedResult:
    """Labels of a Label Studio result list (choices mapped to ids, dominant measure type first)."""
    controls: dict[str, list[str]] = {SECTOR: [], DOMINANT: [], OTHER: []}
    dims = {SECTOR: "sector", DOMINANT: "measure_type", OTHER: "measure_type"}
    notes: list[str] = []
    out = ParsedResult()
    for res in result or []:
        name = res.get("from_name")
        if name in controls and res.get("type", "choices") == "choices":
            ids, bad = to_ids(_choices(res.get("value")), dims[name], taxonomy)
            controls[name].extend(i for i in ids if i not in controls[name])
            out.unknown.extend(f"{name} {b!r}" for b in bad)
        elif name == NOTE_NAME:
            text = (res.get("value") or {}).get("text")
            notes.extend([text] if isinstance(text, str) else list(text or []))
    out.sector = controls[SECTOR]
    out.dominant = controls[DOMINANT][0] if controls[DOMINANT] else None
    # an annotator may tick the dominant one among the others too: it counts once, first
    out.measure_type = list(dict.fromkeys(controls[DOMINANT][:1] + controls[OTHER]))
    out.note = "\n".join(n.strip() for n in notes if n and n.strip())
    return out
