"""Evidence for every output label: cue/rule spans, TF-IDF n-grams (coef x tfidf), occlusion, and the
``evidence`` field of ``policytag tag --format jsonl``."""

from __future__ import annotations

import json

import pytest

from policytag.models.evidence import evidence_for, lexical_evidence, ngram_evidence, occlusion_evidence
from policytag.models.tfidf import TfidfTagger
from policytag.records import Clause
from policytag.training.data import load_dataset


@pytest.fixture(scope="module")
def tfidf():
    data = load_dataset()
    part = data.subset(range(0, len(data.examples), 4))
    return TfidfTagger(ngram_range=(1, 2), min_df=2).fit(part.clauses, part.labels), data


CLAUSES = [Clause("t", "a", (), "加强煤矿瓦斯防治，严厉打击非法违法生产行为。", "clause"),
           Clause("t", "b", ("五、强化应急管理",), "严禁电动自行车进楼入户和飞线充电。", "clause")]


def _check_spans(clauses, evidence):
    for clause, evs in zip(clauses, evidence):
        for ev in evs:
            if ev.source == "text" and ev.kind != "score":
                assert clause.text[ev.span[0]:ev.span[1]] == ev.text, ev


def test_lexical_evidence_names_cues_and_rules(tfidf):
    model, _ = tfidf
    labels = model.predict(CLAUSES)
    ev = lexical_evidence(model, CLAUSES, labels)
    _check_spans(CLAUSES, ev)
    if "fire_safety" in labels[1].sector:
        assert any(e.rule == "ebike_charging" for e in ev[1])


def test_ngram_evidence_is_positive_and_in_the_text(tfidf):
    model, data = tfidf
    clauses = data.clauses[:30]
    labels = model.predict(clauses)
    ev = ngram_evidence(model, clauses, labels)
    _check_spans(clauses, ev)
    assert sum(len(e) for e in ev) > 30
    for lab, evs in zip(labels, ev):
        assert all(e.kind == "ngram" and e.weight > 0 for e in evs)
        assert {e.label for e in evs} <= set(lab.sector + lab.measure_type)


def test_occlusion_evidence_lowers_the_label_score(tfidf):
    model, data = tfidf
    clauses = data.clauses[40:45]
    labels = model.predict(clauses)
    ev = occlusion_evidence(model, clauses, labels)
    _check_spans(clauses, ev)
    assert any(ev)
    proba = model.predict_proba(clauses)
    from dataclasses import replace
    for clause, evs in zip(clauses, ev):
        for e in evs[:2]:
            cut = replace(clause, text=clause.text[:e.span[0]] + clause.text[e.span[1]:])
            j = model.taxonomy[e.dimension].index(e.label)
            assert model.predict_proba([cut])[e.dimension][0, j] < proba[e.dimension][clauses.index(clause), j]


def test_evidence_for_tfidf_merges_lexical_and_ngrams(tfidf):
    model, data = tfidf
    clauses = data.clauses[:10]
    labels = model.predict(clauses)
    kinds = {e.kind for evs in evidence_for(model, clauses, labels) for e in evs}
    assert "ngram" in kinds and kinds & {"cue", "rule"}


def test_tag_jsonl_has_evidence_for_every_output_label(keyword_run, policytag_cli, tmp_path):
    src = tmp_path / "clauses.jsonl"
    src.write_text("\n".join(json.dumps({"clause_id": c.clause_id, "heading_path": list(c.heading_path),
                                         "text": c.text}, ensure_ascii=False) for c in CLAUSES), encoding="utf-8")
    proc = policytag_cli("tag", "--clauses", src, "--format", "jsonl", "--model", keyword_run)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(rows) == 2
    for row in rows:
        for dim in ("sector", "measure_type"):
            assert set(row["evidence"][dim]) == set(row[dim])  # every output label, nothing else
            for lid, evs in row["evidence"][dim].items():
                assert evs and all(e["label"] == lid and e["dimension"] == dim for e in evs)
                for e in evs:
                    if e["kind"] != "score" and e["source"] == "text":
                        assert row["text"][e["span"][0]:e["span"][1]] == e["text"]
    assert rows[0]["sector"] == ["coal_mine"]
    assert {e["text"] for e in rows[0]["evidence"]["sector"]["coal_mine"]} >= {"煤矿", "瓦斯"}
