"""Load and validate ``configs/taxonomy.yaml``: the only place label ids, names and order come from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from policytag import PolicytagError
from policytag.paths import resource, taxonomy_path

DIMENSIONS = ("sector", "measure_type")
#: the shipped taxonomy (package data; ``configs/taxonomy.yaml`` in a checkout links to it)
DEFAULT_PATH = resource("taxonomy.yaml")


@dataclass(frozen=True)
class Label:
    id: str
    name: str
    description: str
    cues: tuple[str, ...]
    #: longer phrases inside which a cue of this label does not count (e.g. 煤矿 in 非煤矿山)
    exclude_contexts: tuple[str, ...] = ()
    #: Chinese description shown to annotators (hints in Label Studio)
    description_zh: str = ""
    #: sector group the annotation UI shows the label under (生产安全行业 / 自然灾害 / 综合); "" = none
    group: str = ""
    #: stable Label Studio shortcut key (one character, unique within the taxonomy); "" = none
    hotkey: str = ""


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    description: str
    labels: tuple[Label, ...]
    min_labels: int
    max_labels: int | None
    exclusive: tuple[str, ...]

    @property
    def ids(self) -> list[str]:
        return [label.id for label in self.labels]

    @property
    def names(self) -> list[str]:
        return [label.name for label in self.labels]

    def index(self, label_id: str) -> int:
        try:
            return self.ids.index(label_id)
        except ValueError:
            raise PolicytagError(f"unknown {self.id} label {label_id!r}") from None

    def name_of(self, label_id: str) -> str:
        return self.labels[self.index(label_id)].name

    def sort(self, label_ids: Iterable[str]) -> list[str]:
        """Label ids in taxonomy order (unknown ids raise)."""
        return sorted(set(label_ids), key=self.index)

    def problems(self, label_ids: Iterable[str]) -> list[str]:
        """Rule violations of one label set of this dimension (empty list when valid)."""
        ids = list(label_ids)
        out = [f"unknown {self.id} label {i!r}" for i in ids if i not in self.ids]
        if len(set(ids)) != len(ids):
            out.append(f"duplicate {self.id} labels")
        if len(ids) < self.min_labels:
            out.append(f"{self.id}: at least {self.min_labels} label(s) required")
        if self.max_labels is not None and len(ids) > self.max_labels:
            out.append(f"{self.id}: at most {self.max_labels} labels allowed")
        for ex in self.exclusive:
            if ex in ids and len(ids) > 1:
                out.append(f"{self.id}: {ex!r} never co-occurs with another label")
        return out


@dataclass(frozen=True)
class Taxonomy:
    version: str
    dimensions: dict[str, Dimension]
    source: str
    #: the codebook's lexical decision rules (raw mappings; ``policytag.knowledge`` compiles them)
    rules: tuple[dict, ...] = ()

    def __getitem__(self, dim: str) -> Dimension:
        try:
            return self.dimensions[dim]
        except KeyError:
            raise PolicytagError(f"unknown dimension {dim!r} (have {', '.join(self.dimensions)})") from None

    @property
    def sector(self) -> Dimension:
        return self.dimensions["sector"]

    @property
    def measure_type(self) -> Dimension:
        return self.dimensions["measure_type"]

    def problems(self, sector: Iterable[str], measure_type: Iterable[str]) -> list[str]:
        return self.sector.problems(sector) + self.measure_type.problems(measure_type)


def _parse(raw: dict, source: str) -> Taxonomy:
    if not isinstance(raw, dict) or "version" not in raw or "dimensions" not in raw:
        raise PolicytagError(f"{source}: taxonomy needs 'version' and 'dimensions'")
    dims = {}
    for dim_id in DIMENSIONS:
        d = raw["dimensions"].get(dim_id)
        if not d:
            raise PolicytagError(f"{source}: dimension {dim_id!r} missing")
        labels = []
        for item in d.get("labels") or []:
            if not item.get("id") or not item.get("name"):
                raise PolicytagError(f"{source}: every {dim_id} label needs an id and a name")
            labels.append(Label(str(item["id"]), str(item["name"]), str(item.get("description", "")),
                                tuple(item.get("cues") or ()), tuple(item.get("exclude_contexts") or ()),
                                str(item.get("description_zh") or ""), str(item.get("group") or ""),
                                str(item.get("hotkey") or "")))
        ids = [label.id for label in labels]
        if not ids:
            raise PolicytagError(f"{source}: dimension {dim_id!r} has no labels")
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise PolicytagError(f"{source}: duplicate {dim_id} label ids: {', '.join(dupes)}")
        exclusive = tuple(d.get("exclusive") or ())
        for ex in exclusive:
            if ex not in ids:
                raise PolicytagError(f"{source}: exclusive label {ex!r} is not a {dim_id} label")
        dims[dim_id] = Dimension(dim_id, str(d.get("name", dim_id)), str(d.get("description", "")),
                                 tuple(labels), int(d.get("min_labels", 1)), d.get("max_labels"), exclusive)
    keys = [(label.hotkey, f"{d.id}.{label.id}") for d in dims.values() for label in d.labels if label.hotkey]
    taken: dict[str, str] = {}
    for key, where in keys:
        if len(key) != 1 or not key.isalnum() or key != key.lower():
            raise PolicytagError(f"{source}: {where}.hotkey: {key!r} must be one lower-case letter or digit")
        if key in taken:
            raise PolicytagError(f"{source}: {where}.hotkey: {key!r} is already the hotkey of {taken[key]}")
        taken[key] = where
    if "cross_sector" not in dims["sector"].exclusive:
        raise PolicytagError(f"{source}: the cross_sector exclusivity rule must be recorded under sector.exclusive")
    rules = raw.get("rules") or []
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise PolicytagError(f"{source}: rules: must be a list of mappings")
    return Taxonomy(str(raw["version"]), dims, source, tuple(rules))


def load_taxonomy(path: str | os.PathLike | None = None) -> Taxonomy:
    """Load the taxonomy (default: ``$POLICYTAG_TAXONOMY``, the checkout's ``configs/taxonomy.yaml``
    or the shipped package data; see ``policytag.paths.taxonomy_path``)."""
    path = Path(path or taxonomy_path())
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: int) -> Taxonomy:
    try:
        # libyaml's safe loader when present (same result, ~10x faster than the pure-Python one)
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise PolicytagError(f"{path}: taxonomy config not found") from None
    except yaml.YAMLError as exc:
        raise PolicytagError(f"{path}: invalid YAML ({str(exc).splitlines()[0]})") from None
    return _parse(raw, path)
