"""Clauses -> Label Studio tasks, with and without predictions (`policytag annotate export`)."""

import json

import numpy as np
import pytest

from policytag import PolicytagError
from policytag.annotation.tasks import build_tasks, format_predictions, load_clauses, predict, text_sha1
from policytag.cli import main
from policytag.records import Labels
from policytag.taxonomy import load_taxonomy
from conftest import CORPUS_DIR


@pytest.fixture(scope="module")
def clause_set():
    return load_clauses([CORPUS_DIR], years=[2025, 2026])


@pytest.fixture(scope="module")
def clauses_jsonl(tmp_path_factory, clause_set):
    """The clauses as `policytag segment --format jsonl` prints them."""
    path = tmp_path_factory.mktemp("clauses") / "clauses.jsonl"
    assert main(["segment", str(CORPUS_DIR), "--format", "jsonl", "-o", str(path)]) == 0
    return path


def test_notices_and_clause_jsonl_give_the_same_tasks(clause_set, clauses_jsonl):
    from_jsonl = load_clauses([clauses_jsonl], years=[2025, 2026])
    assert [c.clause_id for c in from_jsonl.clauses] == [c.clause_id for c in clause_set.clauses]
    assert {c.year for c in clause_set.clauses} == {2025, 2026}
    a = [t["data"] for t in build_tasks(clause_set)]
    b = [t["data"] for t in build_tasks(from_jsonl)]
    strip = lambda d: {k: v for k, v in d.items() if k not in ("title", "doc_line")}  # noqa: E731 (no titles in JSONL)
    assert [strip(x) for x in a] == [strip(x) for x in b]


def test_task_data_carries_identity_and_display(clause_set):
    tasks = build_tasks(clause_set)
    assert len(tasks) == len(clause_set.clauses)
    for task, clause in zip(tasks, clause_set.clauses):
        data = task["data"]
        assert data["clause_id"] == clause.clause_id and data["doc_id"] == clause.doc_id
        assert data["text"] == clause.text and data["text_sha1"] == text_sha1(clause.text)
        assert data["heading_path"] == list(clause.heading_path)
        assert data["heading"] == " > ".join(clause.heading_path)
        assert str(clause.year) in data["doc_line"]
        assert "predictions" not in task
    assert any("安全生产" in t["data"]["title"] for t in tasks)


def test_duplicate_clause_ids_and_empty_input_are_errors(clauses_jsonl, tmp_path):
    with pytest.raises(PolicytagError, match="duplicate clause ids"):
        load_clauses([clauses_jsonl, clauses_jsonl])
    with pytest.raises(PolicytagError, match="no clauses"):
        load_clauses([clauses_jsonl], years=[1900])
    with pytest.raises(PolicytagError, match="no such file"):
        load_clauses([tmp_path / "missing.jsonl"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"clause_id": "x", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(PolicytagError, match="missing doc_id"):
        load_clauses([bad])


def test_format_predictions_with_real_arrays(clause_set):
    taxonomy = load_taxonomy()
    clauses = clause_set.clauses[:3]
    rng = np.random.default_rng(0)
    proba = {d: rng.random((3, len(taxonomy[d].ids))) for d in ("sector", "measure_type")}
    labels = [Labels(("coal_mine",), ("enforcement", "hazard_remediation")),
              Labels(("cross_sector",), ("awareness_goals",)),
              Labels(("road_transport", "construction"), ("emergency",))]
    preds = format_predictions(clauses, proba, labels, "kw@taxonomy-1.1.0", taxonomy)
    assert len(preds) == 3
    for i, pred in enumerate(preds):
        assert pred["model_version"] == "kw@taxonomy-1.1.0"
        by_name = {r["from_name"]: r for r in pred["result"]}
        measure = list(labels[i].measure_type)
        # sectors in one control; the model's best measure type is the dominant, the rest "other"
        assert by_name["sector"]["value"]["choices"] == list(labels[i].sector)
        assert by_name["measure_dominant"]["value"]["choices"] == measure[:1]
        assert (by_name["measure_other"]["value"]["choices"] if "measure_other" in by_name else []) == measure[1:]
        for name, dim in (("sector", "sector"), ("measure_dominant", "measure_type")):
            result, ids = by_name[name], taxonomy[dim].ids
            assert result["type"] == "choices" and result["to_name"] == "text"
            scores = result["value"]["scores"]
            assert list(scores) == ids
            assert scores == {lab: round(float(p), 4) for lab, p in zip(ids, proba[dim][i])}
            chosen = [proba[dim][i][ids.index(c)] for c in getattr(labels[i], dim)]
            assert result["score"] == pytest.approx(np.mean(chosen), abs=1e-4)
        assert pred["score"] == pytest.approx(min(by_name[n]["score"] for n in ("sector", "measure_dominant")))
    tasks = build_tasks(type(clause_set)(clauses, clause_set.titles), preds, taxonomy)
    assert tasks[1]["predictions"] == [preds[1]]
    # the suggestion line: model version, predicted labels first (✓) with their probability
    data = tasks[0]["data"]
    p_coal = proba["sector"][0][taxonomy.sector.ids.index("coal_mine")]
    assert data["suggestion_sector"].startswith(f"模型建议 (kw@taxonomy-1.1.0) 行业领域: 煤矿 {p_coal:.2f} ✓ · ")
    assert data["suggestion_measure"].startswith("模型建议 (kw@taxonomy-1.1.0) 措施类型: 监管执法与打非治违 ")
    assert data["suggestion_measure"].count("✓") == 2 and data["suggestion_measure"].count(" · ") == 3
    assert data["suggestion_score"] == preds[0]["score"] and data["review"] == "" and data["needs_review"] is False
    assert build_tasks(type(clause_set)(clauses, clause_set.titles))[0]["data"]["suggestion_sector"].startswith(
        "模型建议：无")


def test_format_predictions_rejects_wrong_shapes_and_labels(clause_set):
    taxonomy = load_taxonomy()
    clauses = clause_set.clauses[:2]
    good = {d: np.zeros((2, len(taxonomy[d].ids))) for d in ("sector", "measure_type")}
    labels = [Labels(("coal_mine",), ("emergency",))] * 2
    with pytest.raises(PolicytagError, match="shape"):
        format_predictions(clauses, {**good, "sector": np.zeros((2, 3))}, labels, "m", taxonomy)
    with pytest.raises(PolicytagError, match="unknown sector"):
        format_predictions(clauses, good, [Labels(("nope",), ("emergency",))] * 2, "m", taxonomy)


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory, clause_set):
    """A real (keyword) model trained through the run API, saved as a run directory."""
    runs = pytest.importorskip("policytag.models.runs")
    clauses = clause_set.clauses[:20]
    labels = [Labels(("coal_mine",) if "煤矿" in c.text else ("cross_sector",), ("responsibility",)) for c in clauses]
    tagger = runs.tagger_class("keyword")().fit(clauses, labels)
    run_dir = tmp_path_factory.mktemp("runs") / "tiny-keyword"
    runs.save_run(tagger, run_dir, config={"model": {"type": "keyword"}}, metrics={}, data_hash="test")
    return run_dir


def test_predictions_from_a_real_run(tiny_run, clause_set):
    taxonomy = load_taxonomy()
    from policytag.app import resolve_model
    from policytag.annotation.results import parse_result

    model = resolve_model(str(tiny_run))
    preds = predict(clause_set.clauses, model, taxonomy)
    assert len(preds) == len(clause_set.clauses)
    assert {p["model_version"] for p in preds} == {model.model_version}
    expected = model.predict(clause_set.clauses)
    for pred, lab in zip(preds, expected):
        parsed = parse_result(pred["result"], taxonomy)  # the pull's reading of a result
        assert (parsed.sector, parsed.measure_type) == (list(lab.sector), list(lab.measure_type))


def test_export_command(tiny_run, tmp_path, capsys):
    out = tmp_path / "tasks.json"
    assert main(["annotate", "export", str(CORPUS_DIR), "--year", "2026", "-o", str(out)]) == 0
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert tasks and all(t["data"]["year"] == 2026 for t in tasks) and "predictions" not in tasks[0]
    assert {"clause_id", "doc_id", "heading_path", "text", "text_sha1"} <= set(tasks[0]["data"])
    assert main(["annotate", "export", str(CORPUS_DIR), "--year", "2026", "-o", str(out), "--predictions", str(tiny_run), "--force"]) == 0
    tasks = json.loads(out.read_text(encoding="utf-8"))
    pred = tasks[0]["predictions"][0]
    assert pred["model_version"].startswith("tiny-keyword") and "score" in pred
    assert "with predictions of tiny-keyword" in capsys.readouterr().err


def test_export_bad_input_is_one_line(tmp_path, capsys):
    out = tmp_path / "tasks.json"
    assert main(["annotate", "export", str(tmp_path / "nope.txt"), "-o", str(out)]) == 1
    assert main(["annotate", "export", str(CORPUS_DIR), "-o", str(out), "--predictions", str(tmp_path / "norun")]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "no such run directory" in err and "Traceback" not in err
    assert not out.exists()
