"""The document as sector evidence (issue 17): the title learner (codebook v2 rule 21,
models/title.py), the context learner reading the title (``use_title``) and the hybrid's
``tune_skip`` (thresholds and calibration of a dimension tuned without clauses of another
labelling convention). Clauses and titles here are written for the tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

from policytag import PolicytagError
from policytag.models.learners import MASK, ContextTfidfTagger
from policytag.models.registry import build_tagger
from policytag.models.title import TitleSectorTagger, document_title
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy

FOREST_PLAN = "某县森林火灾应急预案"
NONCOAL_PLAN = "某县非煤矿山安全专项整治方案"
ANNUAL = "关于做好2025年安全生产工作的通知"
SILENT = "各乡镇要按照分工做好值班值守，及时报送信息。"  # names no sector


def _clause(text, title=None, heading=(), i=0):
    return Clause("d", f"c{i}", tuple(heading), text, "clause", year=2024, title=title)


def _fitted(**params):
    tax = load_taxonomy()
    clauses = [_clause(SILENT)]
    return TitleSectorTagger(**params).fit(clauses, [Labels(("cross_sector",), (tax.measure_type.ids[0],))])


def test_document_title_from_the_clause_or_a_title_like_first_heading():
    assert document_title(_clause(SILENT, title=FOREST_PLAN)) == (FOREST_PLAN, "title")
    # clause lists copied from published pages carry the title as the first heading
    assert document_title(_clause(SILENT, heading=(FOREST_PLAN, "一、总则"))) == (FOREST_PLAN, "heading")
    # numbered headings are headings, not titles, even when they name a document kind
    for heading in ("一、总则", "（三）应急预案管理", "1.1 编制目的", "第二章 应急预案", "3. 工作方案"):
        assert document_title(_clause(SILENT, heading=(heading,))) is None, heading
    assert document_title(_clause(SILENT, heading=("加强森林防火",))) is None  # no document kind
    assert document_title(_clause(SILENT)) is None


def test_rule_21_the_title_sector_when_the_text_names_none():
    tax = load_taxonomy()
    sec = tax.sector
    tagger = _fitted()
    clauses = [_clause(SILENT, title=FOREST_PLAN, i=0),
               _clause("煤矿企业要落实值班值守。", title=FOREST_PLAN, i=1),  # the text names a sector
               _clause(SILENT, title=ANNUAL, i=2),  # the title names none
               _clause(SILENT, heading=(FOREST_PLAN, "二、组织体系"), i=3),
               _clause(SILENT, i=4)]
    p = tagger.predict_proba(clauses)
    forest, cross = sec.index("forest_grassland_fire"), sec.index("cross_sector")
    assert p["sector"][0, forest] == pytest.approx(0.9) and p["sector"][0, cross] == pytest.approx(0.1)
    assert np.delete(p["sector"][0], [forest, cross]).tolist() == [0.5] * (len(sec.ids) - 2)
    assert p["sector"][3, forest] == pytest.approx(0.9)
    for i in (1, 2, 4):
        assert (p["sector"][i] == 0.5).all(), i
    assert (p["measure_type"] == 0.5).all()  # the title speaks for sectors only
    # `always`: the title's sector beside what the text names (rule 20: the hazard of a warning)
    q = _fitted(when="always").predict_proba(clauses)["sector"]
    assert q[1, forest] == pytest.approx(0.9) and q[1, sec.index("coal_mine")] == 0.5


def test_contrast_a_sector_the_text_names_that_a_single_sector_title_does_not():
    sec = load_taxonomy().sector
    tagger = _fitted(when="contrast")
    clauses = [_clause("矿山企业要落实主体责任。", title=NONCOAL_PLAN, i=0),
               _clause("矿山企业要落实主体责任。", title=ANNUAL, i=1)]
    p = tagger.predict_proba(clauses)["sector"]
    # rule 6 reads 矿山 as both mines; in a 非煤矿山 plan coal is the passing reading
    assert p[0, sec.index("coal_mine")] == pytest.approx(0.1)
    assert p[0, sec.index("non_coal_mine")] == 0.5
    assert (p[1] == 0.5).all()


def test_a_title_naming_many_sectors_says_nothing():
    tagger = _fitted(max_title_labels=2)
    title = "某市煤矿、非煤矿山和危险化学品安全专项整治方案"
    assert (tagger.predict_proba([_clause(SILENT, title=title)])["sector"] == 0.5).all()
    wide = _fitted(max_title_labels=3).predict_proba([_clause(SILENT, title=title)])["sector"]
    assert (wide > 0.5).sum() == 3


def test_title_learner_saves_loads_and_explains(tmp_path):
    tagger = _fitted()
    tagger.save(tmp_path)
    again = TitleSectorTagger.load(tmp_path)
    clauses = [_clause(SILENT, title=FOREST_PLAN), _clause(SILENT, title=ANNUAL, i=1)]
    for dim, p in tagger.predict_proba(clauses).items():
        assert np.array_equal(p, again.predict_proba(clauses)[dim])
    labels = [Labels(("forest_grassland_fire",), ("emergency",)), Labels(("cross_sector",), ("emergency",))]
    ev = again.explain(clauses, labels)
    assert [(e.label, e.text, e.source) for e in ev[0]] == [("forest_grassland_fire", "森林火灾", "title")]
    assert FOREST_PLAN[slice(*ev[0][0].span)] == "森林火灾"
    assert ev[1] == []
    (tmp_path / "title_sector.json").unlink()
    with pytest.raises(PolicytagError, match="incomplete"):
        TitleSectorTagger.load(tmp_path)


def test_the_title_learner_is_a_registered_stackable_learner():
    tagger = build_tagger("title_sector", {"when": "contrast"}, seed=3)
    assert isinstance(tagger, TitleSectorTagger) and tagger.when == "contrast" and tagger.stackable
    from policytag.models.registry import params_schema

    with pytest.raises(Exception, match="when"):
        params_schema(TitleSectorTagger).model_validate({"when": "sometimes"})


def test_context_learner_reads_the_masked_title_when_asked():
    clause = _clause("沿线站场巡护。", title=FOREST_PLAN)
    plain = ContextTfidfTagger()._texts([clause])[0]
    titled = ContextTfidfTagger(use_title=True)._texts([clause])[0]
    assert plain == "沿线站场巡护。"
    assert titled.endswith("沿线站场巡护。") and titled.startswith("某县" + MASK + "应急预案")
    assert "森林火灾" not in titled  # the title's sector cue is masked like the text's


def _write_clauses(path, ids):
    rows = [{"clause_id": cid, "doc_id": "x", "year": 2019, "heading_path": [], "text": f"测试条款{cid}。",
             "sector": ["cross_sector"], "measure_type": ["emergency"]} for cid in ids]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_tune_skip_leaves_the_named_clauses_out_of_one_dimensions_tuning(tmp_path):
    from policytag.models.hybrid import HybridTagger

    extra = tmp_path / "extra.jsonl"
    _write_clauses(extra, ["x-1", "x-2"])
    clauses = [_clause(SILENT, i=i) for i in range(3)] + [Clause("x", cid, (), SILENT, "clause") for cid in ("x-1", "x-2")]
    rows = HybridTagger(tune_skip={"file": str(extra), "dimensions": ["sector"]})._tune_rows(clauses)
    assert rows["sector"].tolist() == [True, True, True, False, False]
    assert rows["measure_type"].all()
    assert all(r.all() for r in HybridTagger()._tune_rows(clauses).values())


def test_tune_skip_is_validated():
    from policytag.models.registry import params_schema, tagger_class

    schema = params_schema(tagger_class("hybrid"))
    ok = schema.model_validate({"tune_skip": {"file": "data/x.jsonl"}}).model_dump()
    assert ok["tune_skip"]["dimensions"] == ["sector", "measure_type"]
    for bad in ({"file": "x", "dimensions": ["colour"]}, {"dimensions": ["sector"]}, {"file": "x", "other": 1}):
        with pytest.raises(Exception, match="tune_skip"):
            schema.model_validate({"tune_skip": bad})


def test_hybrid_with_tune_skip_tunes_sector_thresholds_on_the_other_clauses(tmp_path):
    """A hybrid fitted on clauses of two conventions: with tune_skip the sector thresholds are
    those of the gold-convention clauses' out-of-fold scores alone; measure types keep all rows."""
    from policytag.labels import label_matrix
    from policytag.models.hybrid import HybridTagger
    from policytag.models.thresholds import tune_thresholds

    tax = load_taxonomy()
    texts = ["加强学校消防安全检查。", "开展森林防火巡查。", "做好值班值守工作。", "医院要加强安全管理。"]
    labels = [("fire_safety",), ("forest_grassland_fire",), ("cross_sector",), ("other_sectors",)]
    clauses, gold = [], []
    for i in range(40):
        clauses.append(_clause(texts[i % 4], i=i))
        gold.append(Labels(labels[i % 4], ("enforcement",)))
    extra_ids = [f"x-{i}" for i in range(24)]
    for i, cid in enumerate(extra_ids):  # another convention: a school named is other_sectors too
        clauses.append(Clause("x", cid, (), texts[0], "clause", year=2019))
        gold.append(Labels(("fire_safety", "other_sectors"), ("enforcement",)))
    extra = tmp_path / "extra.jsonl"
    _write_clauses(extra, extra_ids)
    fits = {name: HybridTagger(learners=[], folds=2, calibration=None, tune_skip=skip).fit(clauses, gold)
            for name, skip in (("all", None), ("skip", {"file": str(extra), "dimensions": ["sector"]}))}
    y = label_matrix(gold, tax)
    skip = fits["skip"]
    assert np.array_equal(skip.thresholds_["sector"], tune_thresholds(skip.oof_proba_["sector"][:40], y["sector"][:40]))
    assert np.array_equal(skip.thresholds_["measure_type"], tune_thresholds(skip.oof_proba_["measure_type"], y["measure_type"]))
    assert not np.array_equal(fits["all"].thresholds_["sector"], skip.thresholds_["sector"])


def test_learners_that_compute_fewer_dimensions_accept_the_argument():
    """The hybrid asks a learner with ``proba_by_dimension`` for the dimensions it uses only
    (``predict_proba(clauses, dimensions=...)``); a subclass that overrides predict_proba without
    that argument must say so, or a hybrid with it fails at prediction (it did: parts_tfidf)."""
    import inspect

    from policytag.models.registry import BUILTIN, tagger_class, tagger_names

    names = [n for n in tagger_names(aliases=False) if n.endswith(".v1") and not n.startswith("mytagger")]
    classes = {n: tagger_class(n) for n in names if any(tagger_class(n).__module__.startswith(m) for m in BUILTIN)}
    assert "parts_tfidf.v1" in classes and "tfidf.v1" in classes
    for name, cls in classes.items():
        if getattr(cls, "proba_by_dimension", False):
            assert "dimensions" in inspect.signature(cls.predict_proba).parameters, name
