"""The adjudication flag a pull writes (tests/data/annot4/EXPECTED.md §1), without a server: from an
export to the task data written back. The Label Studio round trip is tests/test_annot4_adjudication.py.

What waits for adjudication is what the pull's NAME.conflicts.jsonl and NAME.undecided.jsonl hold:
``adjudication`` = ``conflict`` / ``undecided``; a rule problem alone is flagged (needs_review) but
not for adjudication; a task whose flag is stale loses it, annotated or not."""

from __future__ import annotations

import pytest

from policytag.annotation.pull import apply_flags, build_dataset, parse_export
from policytag.annotation.results import annotation_result
from policytag.annotation.rules import task_state
from policytag.taxonomy import load_taxonomy

USERS = {1: "mei", 2: "lan"}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def ann(aid: int, user: int, sector=(), measure=(), cancelled: bool = False, note: str = "") -> dict:
    return {"id": aid, "completed_by": user, "was_cancelled": cancelled, "lead_time": 5.0,
            "result": annotation_result(list(sector), list(measure), note),
            "created_at": f"2029-01-01T00:00:{aid:02d}Z", "updated_at": f"2029-01-01T00:00:{aid:02d}Z"}


def task(tid: int, annotations: list[dict], **data) -> dict:
    return {"id": tid, "annotations": annotations,
            "data": {"clause_id": f"c{tid}", "doc_id": "d", "text": f"第{tid}条 正文。", "heading_path": [], **data}}


class FakeSession:
    """What apply_flags / flag_task ask of a Session: read a task's data, write it back."""

    def __init__(self, export: list[dict]):
        self.data = {t["id"]: dict(t["data"]) for t in export}
        self.writes = 0

    def errors(self, what):
        import contextlib

        return contextlib.nullcontext()

    def task_data(self, task_id):
        return dict(self.data[task_id])

    def update_task_data(self, task_id, data):
        self.writes += 1
        self.data[task_id] = dict(data)


def test_the_pull_flags_conflicts_and_undecided_tasks_for_adjudication(taxonomy):
    hazchem = (["hazardous_chemicals"], ["rules_standards"])
    export = [
        task(1, [ann(1, 1, ["hazardous_chemicals"], ["responsibility"]), ann(2, 2, ["fire_safety"], ["responsibility"])]),
        task(2, [ann(3, 1, cancelled=True, note="拿不准"), ann(4, 2, cancelled=True)]),
        task(3, [ann(5, 1, *hazchem), ann(6, 2, *hazchem)]),
        task(4, [ann(7, 2, ["cross_sector", "hazardous_chemicals"], ["enforcement"])]),
        # submitted through the API with no dominant measure type: refused, undecided
        task(5, [{**ann(8, 1), "result": [r for r in annotation_result(["coal_mine"], ["enforcement", "responsibility"])
                                          if r["from_name"] != "measure_dominant"]}]),
        # flagged by an earlier pull; its skip was deleted since: nothing waits any more
        task(6, [], review="⚠ 需复核：mei：无人定夺（跳过），待裁决", needs_review=True, adjudication="undecided"),
    ]
    dataset = build_dataset(*parse_export(export, taxonomy, USERS), taxonomy)
    assert [r["task_id"] for r in dataset.conflicts] == [1] and [r["task_id"] for r in dataset.undecided] == [2, 5]
    session = FakeSession(export)
    flagged, cleared = apply_flags(session, dataset)
    data = session.data
    assert [data[t].get("adjudication", "") for t in range(1, 7)] == ["conflict", "undecided", "", "", "undecided", ""]
    assert [bool(data[t].get("needs_review")) for t in range(1, 7)] == [True, True, False, True, True, False]
    assert data[2]["review"] == "⚠ 需复核：lan、mei：无人定夺（跳过），待裁决"
    assert data[5]["review"] == "⚠ 需复核：mei：未选主要措施类型"  # its own violation says why
    assert (flagged, cleared) == (4, 1) and session.writes == 5
    # the same flags again: nothing written
    assert apply_flags(session, build_dataset(*parse_export(
        [{**t, "data": session.data[t["id"]]} for t in export], taxonomy, USERS), taxonomy)) == (0, 0)
    assert session.writes == 5


def test_the_webhook_recheck_finds_what_the_pull_finds(taxonomy):
    """``task_state`` (the backend's re-check) on the same annotations: the same flag line and value."""
    names = {1: "mei", 2: "lan"}
    skipped = [ann(3, 1, cancelled=True), ann(4, 2, cancelled=True)]
    violations, value = task_state(skipped, taxonomy, names)
    assert value == "undecided" and [v.text() for v in violations] == ["lan、mei：无人定夺（跳过），待裁决"]
    # somebody labels it: decided, nothing waits
    assert task_state([*skipped, ann(5, 2, ["coal_mine"], ["enforcement"])], taxonomy, names) == ([], "")
    violations, value = task_state([ann(1, 1, ["coal_mine"], ["enforcement"]), ann(2, 2, ["fire_safety"], ["enforcement"])],
                                   taxonomy, names)
    assert value == "conflict" and all(v.rule == "conflict" for v in violations)
