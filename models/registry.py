"""The one registry of tagger types: a name -> the tagger class -> its hyper-parameter schema.

**Registering** (spaCy style: a decorator and a versioned name)::

    @register_tagger("tfidf.v1", aliases=("tfidf",))
    class TfidfTagger(Tagger):
        def __init__(self, ngram_range: NgramRange = (1, 3), min_df: PositiveInt = 2, ...,
                     use_heading: bool = True, random_state: Seed = 0, taxonomy=None): ...

The name is ``family.vN``: a tagger whose behaviour or saved format changes registers a new
version (``tfidf.v2``) beside the old one, so every run directory and config keeps loading the
class it was made with. Unversioned names (``tfidf``, what configs and runs written before the
registry say) are aliases of ``.v1``. The decorator sets the class's ``name``, which runs store.

**Parameters are declared once**, in ``__init__``: each keyword argument's annotation (with
pydantic constraints through ``Annotated``, e.g. ``PositiveInt``) and default. ``params_schema``
derives the pydantic model that validates ``model.params`` of a config from that signature
(unknown keys forbidden, no coercion from strings; tuple defaults become lists, their JSON form),
so the schema and the constructor cannot drift apart. ``build_tagger`` is the one way code turns
``(type, params, seed)`` into a tagger (``training`` and the hybrid's learners).

**Where taggers come from**: the built-in modules in ``BUILTIN`` (imported on the first lookup, so
importing this module stays cheap and the TF-IDF path never imports torch) and entry points in
group ``policytag.taggers`` of any installed distribution — how a plugin package adds a tagger::

    # the plugin's pyproject.toml
    [project.entry-points."policytag.taggers"]
    "mytagger.v1" = "my_package.tagger:MyTagger"

The entry point is loaded when its name is first asked for; its class is registered under the
entry point's name (its own ``@register_tagger`` may add aliases).
"""

from __future__ import annotations

import importlib
import inspect
import re
import typing
from importlib.metadata import EntryPoint, entry_points
from typing import Annotated, Any, Callable, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from policytag import PolicytagError

from .base import Tagger

#: entry-point group a plugin distribution registers its taggers in
ENTRY_POINT_GROUP = "policytag.taggers"

#: modules holding the built-in taggers (each registers its class with the decorator on import)
BUILTIN = ("policytag.models.keyword", "policytag.models.tfidf", "policytag.models.embedding",
           "policytag.models.bert", "policytag.models.hybrid", "policytag.models.learners",
           "policytag.models.setfit", "policytag.models.title", "policytag.models.parts")

_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.v[0-9]+$")

# -- parameter types for __init__ signatures (constraints catch typos and impossible values, not
#    unusual-but-valid choices) ----------------------------------------------------------------
PositiveInt = Annotated[int, Field(ge=1)]
NonNegativeInt = Annotated[int, Field(ge=0)]
Seed = Annotated[int, Field(ge=0)]
PositiveFloat = Annotated[float, Field(gt=0)]
Fraction = Annotated[float, Field(ge=0, le=1)]
OptionalPositiveInt = Annotated[Optional[int], Field(ge=1)]


class TaggerParams(BaseModel):
    """Base of every derived params schema: unknown keys are errors, values are not coerced from
    strings (an int is accepted for a float: YAML writes ``C: 4``)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


_classes: dict[str, type[Tagger]] = {}   # canonical name -> class
_aliases: dict[str, str] = {}            # alias -> canonical name
_schemas: dict[type, type[TaggerParams]] = {}
_loaded = False

T = TypeVar("T", bound=type)


def register_tagger(name: str, *, aliases: tuple[str, ...] = ()) -> Callable[[T], T]:
    """Class decorator: register a ``Tagger`` subclass under the versioned ``name`` (and
    ``aliases``); sets ``cls.name = name``."""
    if not _NAME.match(name):
        raise ValueError(f"tagger name {name!r} must look like 'family.v1' (lower case, a version last)")

    def decorate(cls: T) -> T:
        if not (isinstance(cls, type) and issubclass(cls, Tagger)):
            raise TypeError(f"@register_tagger({name!r}): {cls!r} is not a Tagger subclass")
        _add(name, cls, aliases)
        return cls

    return decorate


def _add(name: str, cls: type[Tagger], aliases: tuple[str, ...] = ()) -> None:
    old = _classes.get(name)
    if old is not None and (old.__module__, old.__qualname__) != (cls.__module__, cls.__qualname__):
        raise ValueError(f"tagger name {name!r} is already registered to {old.__module__}.{old.__qualname__}")
    for alias in aliases:
        if alias in _classes or _aliases.get(alias, name) != name:
            raise ValueError(f"tagger alias {alias!r} is already taken")
    cls.name = name
    _classes[name] = cls
    _aliases.update({alias: name for alias in aliases})


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def _load_builtins() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for module in BUILTIN:
            importlib.import_module(module)


def _load_entry_point(ep: EntryPoint) -> None:
    try:
        cls = ep.load()
    except Exception as exc:  # a broken plugin is named, not a traceback
        raise PolicytagError(f"tagger {ep.name!r} (entry point {ep.value}): cannot be loaded "
                             f"({type(exc).__name__}: {' '.join(str(exc).split())[:160]})") from None
    if not (isinstance(cls, type) and issubclass(cls, Tagger)):
        raise PolicytagError(f"tagger {ep.name!r} (entry point {ep.value}): not a policytag Tagger class")
    if _aliases.get(ep.name) is None and _classes.get(ep.name) is not cls:
        if not _NAME.match(ep.name):
            raise PolicytagError(f"tagger {ep.name!r} (entry point {ep.value}): the name must look like "
                                 "'family.v1'")
        _add(ep.name, cls)


def canonical_name(name: str) -> str:
    """The registered versioned name for ``name`` (an alias such as ``tfidf`` -> ``tfidf.v1``);
    loads built-ins and, when needed, the entry point of that name. Unknown -> PolicytagError."""
    _load_builtins()
    if name in _classes:
        return name
    if name in _aliases:
        return _aliases[name]
    ep = _entry_points().get(name)
    if ep is not None:
        _load_entry_point(ep)
        return canonical_name(name)
    raise PolicytagError(f"unknown model type {name!r} (one of {', '.join(tagger_names())})")


def tagger_class(name: str) -> type[Tagger]:
    """The class registered as ``name`` (or an alias of it)."""
    return _classes[canonical_name(name)]


def tagger_names(aliases: bool = True) -> list[str]:
    """Every name a config may use: registered names, their aliases and not yet loaded entry
    points, sorted."""
    _load_builtins()
    return sorted(set(_classes) | (set(_aliases) if aliases else set()) | set(_entry_points()))


def is_tagger(name: str) -> bool:
    try:
        canonical_name(name)
    except PolicytagError:
        return False
    return True


def param_names(cls: type[Tagger]) -> list[str]:
    """The hyper-parameters of a tagger class: its ``__init__`` keywords except ``taxonomy``
    (sklearn's own introspection, what ``get_params``/``clone`` use)."""
    return [n for n in cls._get_param_names() if n != "taxonomy"]


def params_schema(name_or_cls: str | type[Tagger]) -> type[TaggerParams]:
    """The pydantic model of a tagger's params, derived from its ``__init__`` signature."""
    cls = tagger_class(name_or_cls) if isinstance(name_or_cls, str) else name_or_cls
    if cls not in _schemas:
        init = cls.__init__
        hints = typing.get_type_hints(init, include_extras=True)
        fields: dict[str, Any] = {}
        for key, p in inspect.signature(init).parameters.items():
            if key in ("self", "taxonomy"):
                continue
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.default is p.empty or key not in hints:
                raise TypeError(f"{cls.__qualname__}.__init__: parameter {key!r} needs a type annotation and a "
                                "default (it is a hyper-parameter of a registered tagger)")
            default = list(p.default) if isinstance(p.default, tuple) else p.default
            fields[key] = (hints[key], default)
        _schemas[cls] = create_model(f"{cls.__name__}Params", __base__=TaggerParams, __module__=cls.__module__,
                                     **fields)
    return _schemas[cls]


def build_tagger(name: str, params: dict[str, Any] | None = None, *, seed: int | None = None,
                 taxonomy=None) -> Tagger:
    """A tagger of type ``name`` with ``params`` (already validated, e.g. by ``load_config``);
    ``seed`` fills ``random_state``/``seed`` when the tagger has one and ``params`` does not set it."""
    cls = tagger_class(name)
    params = dict(params or {})
    if seed is not None:
        for key in ("random_state", "seed"):
            if key in param_names(cls) and key not in params:
                params[key] = seed
    return cls(**params, **({"taxonomy": taxonomy} if taxonomy is not None else {}))
