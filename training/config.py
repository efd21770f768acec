"""Training configs: a YAML file fully describes a run (data, split, model, seed), validated
before any work against a typed schema.

Schema (every level forbids unknown keys; ``model.params`` is checked against the tagger type's
own schema, derived from its ``__init__`` by ``policytag.models.registry``)::

    name:  str            run name (default: the file's stem); letters, digits, . _ - only
    seed:  int >= 0       (13)
    data:
      gold:   path        gold JSONL (data/annotations/gold-v1.jsonl)
      corpus: path        corpus file or directory the gold labels (data/corpus)
      augment: path       training-only clauses for rare labels (optional)
      train_extra: path   more training-only clauses, e.g. data/train-v2/train-v2.jsonl (optional)
    split:
      mode: temporal|all  temporal: train <= train_until, dev, test years (default);
                          all: fit on every gold clause, thresholds from out-of-fold predictions
      train_until: int    (2021)
      dev_years:  [int]   ([2022, 2023]), all > train_until
      test_years: [int]   ([2024, 2025, 2026]), disjoint from dev_years
      folds: int 2..20    (5) K of the K-fold CV (and of the out-of-fold thresholds in mode all)
      cv: bool            (false) also cross-validate the recipe
      oof_thresholds: bool (true) mode all: tune thresholds on out-of-fold predictions; false
                          keeps the tagger's own (e.g. a stacked model that tunes them itself)
    model:
      type: str           a registered tagger type (tfidf or tfidf.v1, keyword, bert, hybrid, ...)
      params: {...}       validated by that type's params schema
      cv_params: {...}    overrides of params for the CV folds only (same schema)

Paths: ``policytag:REL`` names package data; a relative path is tried against the current
directory, then the checkout the config file lives in (see ``policytag.paths``), then the directory
of the config file itself (a config kept beside its own data). A data file found nowhere is one
``ConfigError`` line naming the key and the directories tried, before any work (``check_data_files``).

Every problem is one ``ConfigError`` line ``FILE: dotted.key: why`` (exit code 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from policytag import ConfigError, PolicytagError
from policytag.errors import did_you_mean, did_you_mean_or_list, validation_reason
from policytag.models.registry import is_tagger, params_schema, tagger_names
from policytag.paths import PACKAGE_PREFIX, checkout_root, home, is_checkout, resolve_data_path


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DataConfig(_Section):
    gold: str = "data/annotations/gold-v1.jsonl"
    corpus: str = "data/corpus"
    #: training-only clauses written for rare labels (never in dev/test/CV test folds/challenge)
    augment: Optional[str] = None
    #: more training-only clauses (e.g. data/train-v2/train-v2.jsonl: other genres, issuers and
    #: levels); like ``augment``, never in dev/test/CV test folds/challenge/real-dev
    train_extra: Optional[str] = None
    #: the held-apart challenge set (``evaluate --split challenge``, ``compare``)
    challenge: str = "data/challenge"  # every challenge-v*.jsonl in it (v1 + v2)


class SplitConfig(_Section):
    mode: Literal["temporal", "all"] = "temporal"
    train_until: int = Field(default=2021, ge=1949, le=2100)
    dev_years: list[int] = Field(default=[2022, 2023], min_length=1)
    test_years: list[int] = Field(default=[2024, 2025, 2026], min_length=1)
    folds: int = Field(default=5, ge=2, le=20)
    cv: bool = False
    oof_thresholds: bool = True

    @field_validator("dev_years")
    @classmethod
    def _dev_after_train(cls, value: list[int], info) -> list[int]:
        until = info.data.get("train_until")
        if until is not None and any(y <= until for y in value):
            raise ValueError(f"every dev year must be after train_until ({until}), got {value}")
        return value

    @field_validator("test_years")
    @classmethod
    def _test_disjoint(cls, value: list[int], info) -> list[int]:
        clash = sorted(set(value) & set(info.data.get("dev_years") or []))
        if clash:
            raise ValueError(f"test years {clash} are also dev years")
        until = info.data.get("train_until")
        if until is not None and any(y <= until for y in value):
            raise ValueError(f"every test year must be after train_until ({until}), got {value}")
        return value


class ModelConfig(_Section):
    type: str = "tfidf"
    params: dict[str, Any] = Field(default_factory=dict)
    cv_params: dict[str, Any] = Field(default_factory=dict)

    @field_validator("type")
    @classmethod
    def _known(cls, value: str) -> str:
        if not is_tagger(value):
            # the close match alone when there is one: the full list is 24 names long
            hint = did_you_mean_or_list(value, tagger_names())
            raise ValueError(f"unknown model type {value!r}{hint}")
        return value


class RunConfig(_Section):
    name: Optional[str] = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)
    seed: int = Field(default=13, ge=0)
    data: DataConfig = Field(default_factory=DataConfig)
    split: SplitConfig = Field(default_factory=SplitConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)


#: what the run stores and what ``train`` reads: plain dicts, defaults filled in
DEFAULTS: dict[str, Any] = RunConfig().model_dump()


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def _first_error(exc: ValidationError, prefix: tuple, source, schema: type[BaseModel] | None = None) -> ConfigError:
    errors = exc.errors()
    err = errors[0]
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return ConfigError(f"{source}: {_dotted(prefix + tuple(err['loc']))}: {validation_reason(err, schema)}{more}")


def validate_config(raw: Any, source: str | Path = "<config>") -> dict[str, Any]:
    """Validate a config mapping; returns the resolved config (plain dicts, defaults filled in).

    Raises ``ConfigError`` with ``SOURCE: dotted.key: why`` for the first problem found.
    """
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: a config must be a mapping of keys to values")
    raw = {k: v for k, v in raw.items() if k != "source"}  # a stored config re-validates
    try:
        config = RunConfig.model_validate(raw).model_dump()
    except ValidationError as exc:
        raise _first_error(exc, (), source, RunConfig) from None
    schema = params_schema(config["model"]["type"])
    model = config["model"]
    try:
        # the stored params are the validated ones, defaults included, so a run describes itself
        params = schema.model_validate(model["params"])
    except ValidationError as exc:
        raise _first_error(exc, ("model", "params"), source, schema) from None
    model["params"] = params.model_dump()
    for key in ("random_state", "seed"):  # the run's seed seeds the tagger unless params set one
        if key in schema.model_fields and key not in params.model_fields_set:
            model["params"][key] = config["seed"]
    try:
        # cv_params: overrides of params, so each key is checked in the merged context
        schema.model_validate({**model["params"], **model["cv_params"]})
        unknown = sorted(set(model["cv_params"]) - set(schema.model_fields))
        if unknown:
            raise ConfigError(f"{source}: model.cv_params.{unknown[0]}: unknown key"
                              f"{did_you_mean(unknown[0], schema.model_fields)}")
    except ValidationError as exc:
        raise _first_error(exc, ("model", "cv_params"), source, schema) from None
    return config


def load_config(path: str | Path) -> dict[str, Any]:
    """Read and validate a config file and fill in defaults; the result is what the run stores.

    Data paths are resolved here (``policytag:`` prefix, cwd, then the config's checkout) and
    stored as given, so a run stays portable; ``resolved_path`` does the resolution.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML ({' '.join(str(exc).split())[:160]})") from None
    if raw is None:  # an empty or comment-only file: all defaults would fail later on a data path
        raise ConfigError(f"{path}: empty config (no keys; start from configs/baseline.yaml)")
    config = validate_config(raw, path)
    config["name"] = config["name"] or path.stem
    config["source"] = str(path)
    return config


def config_checkout(config: dict[str, Any]) -> Path | None:
    """The checkout holding the config file (``configs/x.yaml`` -> the checkout), if any."""
    source = config.get("source")
    if not source:
        return None
    for parent in Path(source).resolve().parents:
        if is_checkout(parent):
            return parent
    return None


def _config_dir(config: dict[str, Any]) -> Path | None:
    source = config.get("source")
    return Path(source).parent if source else None


def resolved_path(config: dict[str, Any], value: str) -> Path:
    """A data path of ``config`` resolved as documented above (returned as written when found
    nowhere, so the error that follows names what the user wrote)."""
    path = resolve_data_path(value, base=config_checkout(config))
    beside = _config_dir(config)
    # last, so no recipe whose data resolves from the cwd or the checkout reads anything else
    if not path.exists() and beside is not None and not str(value).startswith(PACKAGE_PREFIX):
        if (beside / value).exists():
            return beside / value
    return path


#: data keys that must name an existing file or directory when set (``challenge`` may be absent:
#: a run then has no challenge figures)
REQUIRED_DATA = ("gold", "corpus", "augment", "train_extra")


def _tried(config: dict[str, Any], value: str) -> list[str]:
    """The directories a relative data path was looked up in, in order (for the error line)."""
    dirs = [Path.cwd(), config_checkout(config), home(), checkout_root(), _config_dir(config)]
    seen: dict[str, None] = {}
    for d in dirs:
        if d is not None:
            seen.setdefault(str(Path(d).resolve()), None)
    return list(seen)


def data_file(config: dict[str, Any], key: str, run_config: str | Path | None = None) -> Path:
    """``data.KEY`` of ``config`` resolved; a ``ConfigError`` line naming the config, the key and
    where it was looked for when it is not there. ``run_config``: the config is a saved run's
    (``RUN/config.yaml``), named instead, and the error is not a usage error (exit 1): the data
    the run was trained on has moved."""
    value = str(config["data"][key])
    path = resolved_path(config, value)
    if path.exists():
        return path
    source = run_config or config.get("source") or "<config>"
    if value.startswith(PACKAGE_PREFIX) or Path(value).expanduser().is_absolute():
        where = "no such file or directory"
    else:
        where = f"no such file or directory (a relative path is looked up in {', '.join(_tried(config, value))})"
    hint = {"gold": "; the shipped gold data is policytag:data/gold-v1.jsonl",
            "corpus": "; the shipped corpus is policytag:data/corpus"}.get(key, "")
    raise (ConfigError if run_config is None else PolicytagError)(f"{source}: data.{key}: {value}: {where}{hint}")


def check_data_files(config: dict[str, Any]) -> None:
    """Every data file the config names is there (before any work: a typo in ``data.augment``
    would otherwise surface only when the first model is fitted)."""
    for key in REQUIRED_DATA:
        if (config.get("data") or {}).get(key):
            data_file(config, key)
