"""Clauses nobody could decide, read from a Label Studio export without a server (the server round
trip is tests/test_annot3_loop.py): tests/data/annot3/EXPECTED.md §2."""

import pytest

from policytag.annotation.pull import build_dataset, parse_export
from policytag.annotation.results import annotation_result
from policytag.annotation.tasks import text_sha1
from policytag.taxonomy import load_taxonomy

USERS = {1: "alice", 2: "bob"}


def task(tid, annotations):
    text = f"第{tid}条　生产经营单位应当落实安全生产主体责任。"
    return {"id": tid, "annotations": annotations,
            "data": {"clause_id": f"c{tid}", "doc_id": "2027-a1b2c3", "year": 2027, "text": text,
                     "text_sha1": text_sha1(text), "heading_path": [], "title": "某市安全生产条例"}}


def ann(aid, user, sector=(), measure=(), note="", cancelled=False, updated="2027-01-01T00:00:00Z"):
    return {"id": aid, "completed_by": user, "result": annotation_result(list(sector), list(measure), note),
            "was_cancelled": cancelled, "created_at": updated, "updated_at": updated}


@pytest.fixture(scope="module")
def dataset():
    taxonomy = load_taxonomy()
    export = [
        # a skip over a pre-filled screen, with the reason in the note: nothing of it is a label
        task(1, [ann(1, 1, ["coal_mine"], ["enforcement"], note="拿不准：适用范围条款", cancelled=True)]),
        # skipped by alice, labelled by bob: bob's label stands
        task(2, [ann(2, 1, cancelled=True), ann(3, 2, ["coal_mine"], ["enforcement"])]),
        # two skips, the second with a note: one undecided clause with both attempts, in time order
        task(3, [ann(5, 2, note="看不出行业", cancelled=True, updated="2027-01-02T00:00:00Z"),
                 ann(4, 1, cancelled=True)]),
        # submitted with a sector and no dominant measure type (refused): undecided too
        task(4, [ann(6, 2, ["coal_mine"], [], note="措施类型拿不准")]),
        # skipped by alice, the two others disagree: a conflict, adjudicated there, not undecided
        task(5, [ann(7, 1, cancelled=True), ann(8, 2, ["coal_mine"], ["enforcement"]),
                 {**ann(9, 3, ["non_coal_mine"], ["enforcement"]), "completed_by": 3}]),
    ]
    records, stats = parse_export(export, taxonomy, USERS)
    return build_dataset(records, stats, taxonomy)


def test_nothing_a_skip_carried_is_a_label(dataset):
    assert [r["clause_id"] for r in dataset.rows] == ["c2"]
    assert dataset.rows[0]["sector"] == ["coal_mine"] and dataset.rows[0]["annotator"] == "bob"
    assert [c["clause_id"] for c in dataset.conflicts] == ["c5"]


def test_undecided_clauses_are_listed_whole_with_who_how_and_why(dataset):
    undecided = {r["clause_id"]: r for r in dataset.undecided}
    assert list(undecided) == ["c1", "c3", "c4"]
    assert dataset.counts["undecided"] == 3
    first = undecided["c1"]
    assert (first["task_id"], first["title"], first["doc_id"]) == (1, "某市安全生产条例", "2027-a1b2c3")
    assert "sector" not in first and "measure_type" not in first
    assert [(a["how"], a["annotator"], a["note"]) for a in first["undecided"]] == [("skipped", "alice", "拿不准：适用范围条款")]
    assert [(a["annotator"], a["note"]) for a in undecided["c3"]["undecided"]] == [("alice", ""), ("bob", "看不出行业")]
    (refused,) = undecided["c4"]["undecided"]
    assert (refused["how"], refused["note"], refused["sector"]) == ("no dominant measure type", "措施类型拿不准",
                                                                     ["coal_mine"])


def test_the_summary_line_names_task_annotator_and_note(dataset, tmp_path):
    from policytag.annotation.cli import undecided_line

    line = undecided_line(dataset.undecided, tmp_path / "v.undecided.jsonl")
    assert line.startswith("3 clause(s) nobody could decide went to ")
    assert "task 1 by alice, skipped: 拿不准：适用范围条款" in line and "task 4 by bob, no dominant measure type" in line


def test_next_warns_of_stale_suggestions_only_where_another_model_made_them():
    from policytag.annotation.cli import stale_suggestions

    ranked = [{"suggestion_model": "old@1"}, {"suggestion_model": "new@2"}, {"suggestion_model": ""}, {}]
    line = stale_suggestions(ranked, "new@2", "runs/new")
    assert line.startswith("warning: 1 of the 4 ranked task(s) show another model's suggestions (1 of old@1)")
    assert "--predictions runs/new" in line
    assert stale_suggestions([{"suggestion_model": ""}, {}], "new@2") == ""  # pushed without predictions
    assert stale_suggestions(ranked, None) == ""  # diversity / random: no model ranked
