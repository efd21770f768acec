"""The one training API, ``training.train.train_recipe``: a recipe plus extra labelled rows (pulled
annotations) -> a saved run. Where each row goes (relabel a gold clause, add a training or dev
clause, never touch the held-out years), the gate before saving, and the data hash."""

from __future__ import annotations

import json

import pytest
import yaml

from policytag.training.config import load_config
from policytag.training.train import recipe_data, train_recipe
from conftest import CORPUS_DIR, GOLD_FILE


@pytest.fixture(scope="module")
def recipe():
    config = load_config(GOLD_FILE.parents[2] / "configs" / "keyword.yaml")
    config["data"] = {**config["data"], "gold": str(GOLD_FILE), "corpus": str(CORPUS_DIR)}
    config["split"]["cv"] = False
    return config


def _row(example, **over):
    c, y = example.clause, example.labels
    return {"clause_id": c.clause_id, "doc_id": c.doc_id, "year": c.year, "text": c.text,
            "heading_path": list(c.heading_path), "sector": list(y.sector), "measure_type": list(y.measure_type),
            **over}


@pytest.fixture(scope="module")
def rows(gold_dataset):
    by_year = {}
    for e in gold_dataset.examples:
        by_year.setdefault(e.clause.year, []).append(e)
    train_clause = by_year[2019][0]
    test_clause = next(e for e in by_year[2025] if "cross_sector" not in e.labels.sector)
    return [
        _row(train_clause, sector=["cross_sector"]),  # relabels a gold training clause
        _row(by_year[2019][1], clause_id="new-nodate", doc_id="new", year=None),  # a new clause, no year: trained on
        _row(by_year[2019][2], clause_id="new-2023", doc_id="new", year=2023),  # a new clause of a dev year: dev
        _row(by_year[2019][3], clause_id="new-2027", doc_id="new", year=2027),  # after every split year: trained on
        _row(test_clause, sector=["cross_sector"]),  # a held-out clause: never used
        _row(by_year[2019][4], clause_id="new-2024", doc_id="new", year=2024),  # a held-out year: never used
        _row(by_year[2019][5], clause_id="new-empty", doc_id="new", sector=[]),  # no sector: not a usable label
    ]


def test_rows_are_merged_and_split_by_the_recipes_years(recipe, gold_dataset, rows):
    plain, merged = recipe_data(recipe), recipe_data(recipe, rows)
    assert merged.counts == {"given": 7, "heldout": 2, "incomplete": 1, "relabelled": 1, "added": 3}
    assert len(merged.split.train) == len(plain.split.train) + 2
    assert len(merged.split.dev) == len(plain.split.dev) + 1
    assert list(merged.split.test) == list(plain.split.test)  # the held-out part is gold's, unchanged
    ids = {merged.data.examples[i].clause.clause_id for i in merged.split.train}
    assert {"new-nodate", "new-2027"} <= ids and "new-2024" not in ids
    relabelled = next(e for e in merged.data.examples if e.clause.clause_id == rows[0]["clause_id"])
    assert relabelled.labels.sector == ("cross_sector",)
    gold_labels = {e.clause.clause_id: e.labels for e in gold_dataset.examples}
    held = next(e for e in merged.data.examples if e.clause.clause_id == rows[4]["clause_id"])
    assert held.labels == gold_labels[held.clause.clause_id]  # a row about a test clause changes nothing
    assert plain.data.data_hash == gold_dataset.data_hash and merged.data.data_hash != plain.data.data_hash


def test_train_recipe_saves_a_run_with_the_row_counts(recipe, rows, tmp_path):
    run = train_recipe(recipe, rows, tmp_path / "kw")
    metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["extra_rows"]["added"] == 3 and metrics["split"] == "temporal"
    plain = train_recipe(recipe, out_dir=tmp_path / "plain")
    info, plain_info = (json.loads((r / "run.json").read_text(encoding="utf-8")) for r in (run, plain))
    assert info["data_hash"] != plain_info["data_hash"]
    assert "extra_rows" not in json.loads((plain / "metrics.json").read_text(encoding="utf-8"))


def test_a_refusing_gate_writes_nothing_and_holds_out_the_test_years(recipe, gold_dataset, tmp_path):
    seen = {}

    def gate(tagger, metrics, test):
        seen.update(sizes=metrics["sizes"], n_test=len(test.examples), has_test="test" in metrics)
        return False

    all_mode = {**recipe, "split": {**recipe["split"], "mode": "all"}}
    assert train_recipe(all_mode, (), tmp_path / "refused", hold_out_test=True, accept=gate) is None
    assert not (tmp_path / "refused").exists()
    n_test = sum(e.clause.year >= 2024 for e in gold_dataset.examples)
    assert seen == {"sizes": {"train": len(gold_dataset.examples) - n_test, "test": n_test}, "n_test": n_test,
                    "has_test": True}


def test_a_path_in_place_of_rows_is_refused(recipe, tmp_path):
    with pytest.raises(TypeError, match="out_dir="):
        train_recipe(recipe, tmp_path / "run")


def test_a_run_keeps_the_rows_it_trained_on_and_trains_again_from_them(recipe, rows, tmp_path, capsys):
    """A backend retraining trains on a project's annotations, which change after it: its run now keeps the
    rows (extra_rows.jsonl, named in run.json), and `policytag train RUN/config.yaml --rows RUN/extra_rows.jsonl`
    trains on the same data again (same data hash). A run without rows writes no such file."""
    from policytag.cli import main

    run = train_recipe(recipe, rows, tmp_path / "kw")
    kept = [json.loads(line) for line in (run / "extra_rows.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == [dict(r) for r in rows]
    info = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert info["extra_rows"] == {"file": "extra_rows.jsonl", "n": len(rows)}
    assert main(["train", str(run / "config.yaml"), "--rows", str(run / "extra_rows.jsonl"),
                 "-o", str(tmp_path / "again")]) == 0
    again = json.loads((tmp_path / "again" / "run.json").read_text(encoding="utf-8"))
    assert again["data_hash"] == info["data_hash"]
    plain = train_recipe(recipe, out_dir=tmp_path / "plain")
    assert not (plain / "extra_rows.jsonl").exists()
    assert "extra_rows" not in json.loads((plain / "run.json").read_text(encoding="utf-8"))


def test_a_bad_rows_file_is_one_line_before_any_training(recipe, tmp_path, capsys):
    from policytag.cli import main

    config = tmp_path / "kw.yaml"
    config.write_text(yaml.safe_dump(recipe, allow_unicode=True), encoding="utf-8")
    bad = tmp_path / "rows.jsonl"
    bad.write_text('{"clause_id": "a"}\nnot json\n', encoding="utf-8")
    assert main(["train", str(config), "--rows", str(bad), "-o", str(tmp_path / "run")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "rows.jsonl:2: malformed JSON" in err[0]
    assert not (tmp_path / "run").exists()
