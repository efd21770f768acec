"""A pull names the drafts it leaves (tests/data/annot5/EXPECTED.md §2), without a server: from a
Label Studio export (drafts expanded, as ``Session.export_tasks`` asks for them) to the dataset's
``drafts`` and the pull's warning line. The round trip is tests/test_annot5_loop.py."""

from __future__ import annotations

import pytest

from policytag.annotation.cli import drafts_line
from policytag.annotation.pull import build_dataset, parse_export
from policytag.annotation.results import annotation_result
from policytag.taxonomy import load_taxonomy

USERS = {1: "mei", 2: "lan"}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def draft(did: int, user: int, annotation: int | None = None) -> dict:
    # the export's draft as Label Studio 1.23 writes it: user as a string, created_username ending in ", ID"
    return {"id": did, "user": f"{USERS[user]}@x.test", "created_username": f"{USERS[user]}@x.test, {user}",
            "annotation": annotation, "task": 0, "result": annotation_result(["coal_mine"], ["enforcement"]),
            "lead_time": 3.0, "updated_at": f"2029-01-01T00:00:{did:02d}Z"}


def task(tid: int, annotations: list[dict], drafts: list) -> dict:
    return {"id": tid, "annotations": annotations, "drafts": drafts,
            "data": {"clause_id": f"c{tid}", "doc_id": "d", "text": f"第{tid}条 正文。", "heading_path": []}}


def test_drafts_are_listed_with_whose_and_of_which_annotation(taxonomy):
    submitted = {"id": 7, "completed_by": 1, "was_cancelled": False, "lead_time": 5.0,
                 "result": annotation_result(["coal_mine"], ["enforcement"]),
                 "created_at": "2029-01-01T00:00:00Z", "updated_at": "2029-01-01T00:00:00Z"}
    export = [task(1, [], [draft(11, 2)]), task(2, [submitted], [draft(12, 1, annotation=7)]), task(3, [], []),
              task(4, [], [13])]  # an export with the drafts' ids only: the task has one, not whose
    dataset = build_dataset(*parse_export(export, taxonomy, USERS), taxonomy)
    assert [r["clause_id"] for r in dataset.rows] == ["c2"]  # a draft is never a label
    assert [(d["task_id"], d["annotator"], d["of_annotation"], d["draft_id"]) for d in dataset.drafts] == \
        [(1, "lan", None, 11), (2, "mei", 7, 12), (4, "unknown", None, 13)]
    assert dataset.counts["drafts"] == 3
    line = drafts_line(dataset.drafts, "x.meta.json")
    assert "\n" not in line and line.startswith("warning: 3 draft(s) left without Submit/Update are not in the pull")
    assert "task 1 (c1) by lan, never submitted; task 2 (c2) by mei, a change to their annotation 7 not saved" in line


def test_no_drafts_no_count_change(taxonomy):
    dataset = build_dataset(*parse_export([task(1, [], [])], taxonomy, USERS), taxonomy)
    assert dataset.drafts == [] and dataset.counts["drafts"] == 0
