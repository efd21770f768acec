"""The one tagger registry: versioned names with the old names as aliases, parameters declared
once (the config schema is derived from ``__init__``), ``build_tagger`` seeding, and a plugin
tagger added through a real ``policytag.taggers`` entry point (a dist-info on ``sys.path``)."""

from __future__ import annotations

import json
import textwrap

import pytest

from policytag import ConfigError, PolicytagError
from policytag.models import registry
from policytag.models.keyword import KeywordTagger
from policytag.models.runs import load_run, save_run
from policytag.models.tfidf import TfidfTagger
from policytag.training.config import validate_config


@pytest.fixture
def clean_registry(monkeypatch):
    """Whatever a test registers is forgotten afterwards."""
    registry._load_builtins()
    monkeypatch.setattr(registry, "_classes", dict(registry._classes))
    monkeypatch.setattr(registry, "_aliases", dict(registry._aliases))
    monkeypatch.setattr(registry, "_schemas", dict(registry._schemas))


def test_builtin_names_are_versioned_and_old_names_are_aliases():
    for old in ("keyword", "tfidf", "embedding", "bert", "hybrid"):
        cls = registry.tagger_class(old)
        assert registry.canonical_name(old) == f"{old}.v1" == cls.name
        assert registry.tagger_class(f"{old}.v1") is cls
    with pytest.raises(PolicytagError, match=r"unknown model type 'svm' \(one of .*tfidf\.v1"):
        registry.tagger_class("svm")


def test_the_schema_is_the_signature():
    schema = registry.params_schema("tfidf")
    assert sorted(schema.model_fields) == registry.param_names(TfidfTagger)  # sklearn sorts
    defaults = schema().model_dump()
    assert defaults == {**TfidfTagger().params(), "ngram_range": [1, 3]}
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        schema.model_validate({"min_df": 0})


def test_a_tagger_without_annotations_cannot_be_registered_as_schema_less(clean_registry):
    @registry.register_tagger("untyped.v1")
    class Untyped(KeywordTagger):
        def __init__(self, width=3, use_heading: bool = True, taxonomy=None):
            super().__init__(use_heading=use_heading, taxonomy=taxonomy)
            self.width = width

    with pytest.raises(TypeError, match="'width' needs a type annotation"):
        registry.params_schema("untyped.v1")


def test_decorator_checks_names_and_collisions(clean_registry):
    with pytest.raises(ValueError, match="family.v1"):
        registry.register_tagger("NoVersion")
    with pytest.raises(ValueError, match="already registered"):
        @registry.register_tagger("tfidf.v1")
        class Other(KeywordTagger):
            pass
    with pytest.raises(TypeError):
        registry.register_tagger("thing.v1")(dict)


def test_build_tagger_seeds_what_params_leave_open():
    assert registry.build_tagger("tfidf", {"C": 2.0}, seed=7).random_state == 7
    assert registry.build_tagger("tfidf", {"random_state": 3}, seed=7).random_state == 3
    assert registry.build_tagger("bert", {}, seed=7).seed == 7
    assert registry.build_tagger("keyword", {}, seed=7).params() == {"use_heading": True}


def test_an_old_run_naming_the_unversioned_type_still_loads(gold_dataset, tmp_path):
    part = gold_dataset.subset(range(0, 60))
    run = save_run(KeywordTagger().fit(part.clauses, part.labels), tmp_path / "kw", {"name": "kw"}, {}, "h")
    info = json.loads((run / "run.json").read_text())
    assert info["tagger"] == "keyword.v1"
    info["tagger"] = "keyword"  # what runs written before the registry say
    (run / "run.json").write_text(json.dumps(info))
    assert isinstance(load_run(run), KeywordTagger)


def test_an_unregistered_subclass_is_refused_at_save(gold_dataset, tmp_path):
    class Unregistered(KeywordTagger):
        pass

    part = gold_dataset.subset(range(0, 30))
    with pytest.raises(PolicytagError, match="is not registered"):
        save_run(Unregistered().fit(part.clauses, part.labels), tmp_path / "u", {"name": "u"}, {}, "h")


PLUGIN = '''
from typing import Annotated

from pydantic import Field

from policytag.models.keyword import KeywordTagger


class ShoutTagger(KeywordTagger):
    """A plugin tagger: the keyword matcher with a tunable prior weight."""

    def __init__(self, weight: Annotated[float, Field(gt=0, le=1)] = 0.5, use_heading: bool = True, taxonomy=None):
        super().__init__(use_heading=use_heading, taxonomy=taxonomy)
        self.weight = weight
'''


def test_a_plugin_package_adds_a_tagger_through_an_entry_point(tmp_path, monkeypatch, clean_registry,
                                                                gold_dataset):
    site = tmp_path / "site"
    (site / "shout_plugin").mkdir(parents=True)
    (site / "shout_plugin" / "__init__.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    info = site / "shout_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[policytag.taggers]\nshout.v1 = shout_plugin:ShoutTagger\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))

    assert "shout.v1" in registry.tagger_names()  # listed before it is imported
    config = validate_config({"model": {"type": "shout.v1", "params": {"weight": 0.25}}}, "plugin.yaml")
    assert config["model"]["params"] == {"weight": 0.25, "use_heading": True}
    with pytest.raises(ConfigError, match=r"^plugin\.yaml: model\.params\.weight: .*less than or equal to 1"):
        validate_config({"model": {"type": "shout.v1", "params": {"weight": 3}}}, "plugin.yaml")

    part = gold_dataset.subset(range(0, 40))
    tagger = registry.build_tagger("shout.v1", config["model"]["params"]).fit(part.clauses, part.labels)
    assert tagger.name == "shout.v1"
    loaded = load_run(save_run(tagger, tmp_path / "shout", config, {}, "h"))
    assert type(loaded).__name__ == "ShoutTagger" and loaded.weight == 0.25
    assert loaded.predict(part.clauses[:5]) == tagger.predict(part.clauses[:5])


def test_a_broken_plugin_is_one_line(tmp_path, monkeypatch, clean_registry):
    site = tmp_path / "site"
    info = site / "broken_plugin-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[policytag.taggers]\nbroken.v1 = no_such_module:Tagger\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(PolicytagError, match=r"^tagger 'broken.v1' \(entry point no_such_module:Tagger\): cannot be "
                                             r"loaded \(ModuleNotFoundError"):
        registry.tagger_class("broken.v1")
